"""Dated clauses (``dated_clauses``): each candidate date with the clause it belongs to."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import (
    Article,
    DateMention,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
from .candidates import _dateline_end, _is_edge, _is_event_mention, _sentence_of
from .clauses import _capitalise, _parsed_clauses, _stem
from .lexicons import _MARKUP, _PLACE_LABELS
from .params import MAX_WORDS
from .parser import load_parser, parse_sentences
from .records import DatedClause


def dated_clauses(
    article: Article,
    nlp: Language | None = None,
    entity_keys: Mapping[tuple[int, int], str] | None = None,
    parsed: Mapping[str, Doc] | None = None,
) -> list[DatedClause]:
    """Return the article's dated events, one per date mention that names an event, in text
    order.

    ``nlp`` is a spaCy model with a parser (``load_parser()`` when None; whole sentences are
    used when no model is installed). ``entity_keys`` maps an entity mention span of this
    article to a story entity id; without it the annotated names, normalised, are the keys.
    ``parsed``: the Docs of the sentences to parse (``to_parse``) already parsed, by text
    (``parse_story``); the others are parsed here.
    """
    if nlp is None:
        nlp = load_parser()
    found = _dated_sentences(article)
    if found is None:
        return []
    by_sentence, spans, starts = found
    keys = _entity_key_spans(article, entity_keys)
    out: list[DatedClause] = []
    texts = [article.text[starts[s] : s[1]] for s in spans]
    docs: Sequence[Doc | None] = [None] * len(spans)
    if nlp is not None and _parsed_language(article):
        if parsed is not None and all(t in parsed for t in texts):
            docs = [parsed[t] for t in texts]
        else:
            docs = parse_sentences(nlp, texts)
    for span, doc in zip(spans, docs, strict=True):
        sentence_mentions = [m for m in by_sentence[span] if m.start >= starts[span]]
        if doc is None:
            out.extend(_plain_clauses(article, span, starts[span], sentence_mentions, keys))
        else:
            out.extend(_parsed_clauses(article, span, starts[span], doc, sentence_mentions, keys))
    return sorted(out, key=lambda c: (c.mention, c.date))


def to_parse(article: Article) -> list[str]:
    """The texts of ``article`` that ``dated_clauses`` parses (its dated sentences, from the
    end of a dateline): none for an article in a language the parser does not read."""
    found = _dated_sentences(article) if _parsed_language(article) else None
    if found is None:
        return []
    _, spans, starts = found
    return [article.text[starts[s] : s[1]] for s in spans]


def parse_story(nlp: Language | None, articles: Sequence[Article]) -> dict[str, Doc]:
    """The Docs of the texts ``dated_clauses`` parses for ``articles``, by text: every
    distinct one in one batch, in the order of ``articles`` (a story's batch: about a third
    less CPU than one batch per article, whose few sentences fill spaCy's matrices poorly;
    the same Docs whatever process runs the story). Empty without ``nlp``."""
    if nlp is None:
        return {}
    texts = list(dict.fromkeys(t for a in articles for t in to_parse(a)))
    return dict(zip(texts, nlp.pipe(texts), strict=True)) if texts else {}


def _parsed_language(article: Article) -> bool:
    """Whether the parser reads ``article``'s language (English, or no language known)."""
    return article.language in (None, "en")


def _dated_sentences(
    article: Article,
) -> (
    tuple[
        dict[tuple[int, int], list[DateMention]], list[tuple[int, int]], dict[tuple[int, int], int]
    ]
    | None
):
    """The article's date mentions that name an event by sentence span, the spans in order and
    where each span's text starts (after a dateline); None when there is none."""
    mentions = [m for m in article.annotations.dates if _is_event_mention(article, m)]
    if not mentions:
        return None
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(_sentence_of(article, mention.start), []).append(mention)
    spans = sorted(by_sentence)
    starts = {span: _dateline_end(article.text, span) for span in spans}
    return by_sentence, spans, starts


def _entity_key_spans(
    article: Article, entity_keys: Mapping[tuple[int, int], str] | None
) -> list[tuple[int, int, str, bool]]:
    """(start, end, key, is_place) for every name of the article."""
    out = []
    for ent in article.annotations.entities:
        key = None
        if entity_keys is not None:
            key = entity_keys.get((ent.start, ent.end))
        if key is None:
            key = "n:" + _name_key(article.text[ent.start : ent.end], ent.label)
        else:
            key = "e:" + key
        place = ent.geonameid is not None or ent.label in _PLACE_LABELS
        if ent.geonameid is not None:
            key = f"g:{ent.geonameid}"
        out.append((ent.start, ent.end, key, place))
    return out


def _name_key(name: str, label: str) -> str:
    """A spelling-tolerant key for a name: ASCII, lower case, without "the" and "'s"; a
    person's last word without its "al-" article."""
    from anyascii import anyascii

    text = anyascii(name).lower().strip(" .,-")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"['’]s$", "", text).strip()
    if label == "PERSON" and text.split():
        text = re.sub(r"^(?:al|el|ad|ar|as|ash|an)-", "", text.split()[-1])
    return text


def _plain_clauses(
    article: Article,
    span: tuple[int, int],
    start: int,
    mentions: Sequence[DateMention],
    names: Sequence[tuple[int, int, str, bool]],
) -> list[DatedClause]:
    """Dated clauses without a parser: the sentence (after any dateline) is the text."""
    text = " ".join(_MARKUP.sub(" ", article.text[start : span[1]]).split()).rstrip(".")
    if not text:
        return []
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]) + " …"
    keys = {k for s, e, k, _ in names if span[0] <= s and e <= span[1]}
    keys |= {"w:" + _stem(w) for w in re.findall(r"[^\W\d_]{4,}", text.lower())}
    places = frozenset(k for s, e, k, p in names if p and span[0] <= s and e <= span[1])
    out = []
    for mention in mentions:
        assert mention.value is not None and mention.precision is not None
        if _stamp_line(article.text, mention):
            continue
        phrase = article.text[mention.start : mention.end]
        out.append(
            DatedClause(
                article.id,
                mention.value,
                mention.precision,
                (mention.start, mention.end),
                phrase,
                span,
                (start, span[1]),
                _capitalise(text),
                frozenset(keys),
                frozenset(),
                places,
                _is_edge(article.text, mention),
                mention.relative,
                article.published.date,
            )
        )
    return out


# An outlet's stamp at the head of a text: a line of a few words, a separator, and the date
# ("Il Corriere - lunedì 15 marzo 2032", "El Observador | Lunes, 15 de marzo de 2032",
# "Folha do Atlântico, terça-feira, 16 de março de 2032").
STAMP_LINES = 4  # the first lines of the text where such a stamp stands
STAMP_WORDS = 5  # words of the line before its separator at most
STAMP_REST = 4  # words of the line after its separator besides the date at most
STAMP_WORD_LETTERS = 5  # letters of each such word at most ("Salı", "года", "Uhr")
_STAMP_SEPARATOR = re.compile(r"\s[-\u2013\u2014|\u00b7\u2022]\s|,\s")


def _stamp_line(text: str, mention: DateMention) -> bool:
    """Return whether ``mention`` is a date of an outlet's stamp line at the head of the text
    (``STAMP_LINES``): a line with no full stop but in figures, at most ``STAMP_WORDS`` words
    before a separator (a spaced dash, bar or dot, or a comma) that comes before the date, and
    at most ``STAMP_REST`` words besides the date after it ("года", "Salı", "21:30"). It dates
    the page, not an event (a parser drops it as a line with no verb; without one it would be
    a timeline entry)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text.count("\n", 0, line_start) >= STAMP_LINES:
        return False
    line_end = text.find("\n", mention.end)
    line_end = line_end if line_end != -1 else len(text)
    if re.search(r"(?<!\d)\.(?!\d)", text[line_start:line_end]) is not None:
        return False
    separator = next(iter(_STAMP_SEPARATOR.finditer(text, line_start, mention.start)), None)
    if separator is None or len(text[line_start : separator.start()].split()) > STAMP_WORDS:
        return False
    rest = (text[separator.end() : mention.start] + " " + text[mention.end : line_end]).split()
    # beside the date only short words or figures: a weekday, "года", "Uhr", a time; not
    # "Eleven killed, ceasefire broken on March 14"
    return len(rest) <= STAMP_REST and all(
        any(ch.isdigit() for ch in w) or len(w.strip(",;")) <= STAMP_WORD_LETTERS for w in rest
    )
