"""The story's timeline: every dated event, once, in date order, with its evidence.

``build_timeline(articles, claims, entities)`` returns ``TimelineEvent`` records. How:

1. **Dated clauses** (``dated_clauses``). Every date mention of kind "date" or "time" that was
   resolved to a value (against its own article's publication date) is a candidate, except a
   dateline ("PLACE – December 8, 2024 –"), a day word inside a name ("Valley Today", the
   outlet) and mentions in lines without a verb or a noun (headings, copyright lines). The
   sentence that gave the publication date stays a candidate: it is often an event ("On
   Saturday, rebels ..."); "today" and "this morning" statements fall on the publication day.
   Durations and vague expressions were never resolved, so they never become events; coarse
   values ("late November", "in 2011") keep their month or year precision.
2. Each candidate's sentence is parsed (spaCy's dependency parser) and the **clause the date
   belongs to** is cut out: the verb that governs the date, its subject, auxiliaries, objects
   and complements; appositions, relative clauses, side clauses and fronted adverbials are
   dropped, and so is the date phrase itself ("on Friday") unless its preposition changes the
   meaning ("since Sunday", "by Friday"). A relative clause takes its antecedent as subject
   ("their offensive, which began ..." gives "their offensive began"); a date that modifies a
   noun makes that noun phrase the event ("the 2011 uprising"); a report whose content has a
   date of its own ("X happened on Thursday, officials said on Friday") adds no event. Every
   word of the text is a word of the sentence, in the sentence's order: nothing is invented.
   Without a parser (no model, or a language other than English) the sentence is the text.
3. A bare weekday resolved to a day before publication, in a clause that speaks of the
   future ("will stay closed on Monday", "showers were expected on Sunday"), is moved to the
   next such weekday.
4. **Grouping.** Clauses of the whole story are compared through their keys: the story
   entities (or the annotated names, normalised), gazetteer places, figures and the content
   words of their clause, weighted by rarity, and the families of their event words
   ("launch" and "begin" are one family, "tell" and "interview" another; ``FAMILIES``). On
   compatible dates (the same day, or a day inside a month or year) clauses of one event
   family that share enough participants, or near-copies, are one event. On days up to a
   week apart, clauses of different articles with one event family, a shared name, the same
   anchor ("since" is not "on"), no disjoint places or figures ("rose to three", "rose to
   four" are two steps) and strongly shared participants are one event reported with
   different dates: one entry with a ``Conflict`` of kind "date" (one value per article: its
   date and the span of its date mention), never two entries. Two days next to each other
   where one side says "night" ("Thursday night", "overnight into Friday") are not a
   conflict. An article never gives one event two dates. Groups grow from the best pair down
   (average linkage against the threshold's half), so one stray pair cannot chain events.
5. Each group becomes one ``TimelineEvent``: the text of the claim whose evidence overlaps it
   (when claims are given), else the most central clause of the group; each sentence as
   evidence; the date most articles give (the earliest on a tie).

Deterministic and independent of the order of the input: articles are taken earliest-published
first, then by id; sums run over sorted keys; every tie is broken by that order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    DateMention,
    Entity,
    Precision,
    Ref,
    TimelineEvent,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["DatedClause", "build_timeline", "dated_clauses", "load_parser"]

# --------------------------------------------------------------------------- parameters

SAME_EVENT = 0.30  # weighted overlap for two clauses on compatible dates to be one event
CONFLICT_EVENT = 0.35  # ... for clauses on different days (a date conflict), plus a family
NEAR_DAYS = 7  # two days further apart than this are never one event
CLAIM_BONUS = 0.4  # two clauses that are evidence of one claim
MAX_WORDS = 30  # an event text longer than this is cut
FAMILY_WEIGHT = 0.5  # an event family key weighs this much of a rare word
NAME_WEIGHT = 2.0  # a name (entity) weighs this much more than a word in shared participants
COPY = 0.5  # Dice overlap of all keys above which two clauses on one date are one event

# --------------------------------------------------------------------------- lexicons

# Verbs (and nouns) that report speech; a statement dated by its verb is the statement's event.
REPORTING = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "confirm",
        "announce",
        "report",
        "affirm",
        "claim",
        "insist",
        "stress",
        "warn",
        "note",
        "explain",
        "write",
        "post",
        "express",
        "interview",
        "speak",
        "statement",
        "comment",
        "reveal",
        "assure",
        "emphasize",
        "emphasise",
        "declare",
        "indicate",
        "suggest",
        "argue",
        "tweet",
        "address",
        "reiterate",
        "repeat",
    }
)
# Families of event words: words of one family name the same kind of happening.
FAMILIES: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "say",
            "tell",
            "state",
            "add",
            "confirm",
            "announce",
            "report",
            "affirm",
            "claim",
            "insist",
            "stress",
            "warn",
            "note",
            "explain",
            "write",
            "post",
            "express",
            "interview",
            "speak",
            "statement",
            "comment",
            "reveal",
            "assure",
            "emphasize",
            "emphasise",
            "indicate",
            "argue",
            "tweet",
            "address",
            "reiterate",
            "repeat",
            "press",
            "conference",
            "briefing",
            "remark",
            "speech",
        ),
        "speak",
    ),
    **dict.fromkeys(
        (
            "begin",
            "start",
            "launch",
            "initiate",
            "open",
            "erupt",
            "trigger",
            "ignite",
            "kick",
            "outbreak",
            "onset",
            "beginning",
        ),
        "begin",
    ),
    **dict.fromkeys(
        (
            "seize",
            "capture",
            "conquer",
            "overrun",
            "sweep",
            "enter",
            "control",
            "occupy",
            "retake",
            "recapture",
            "seizure",
            "takeover",
        ),
        "capture",
    ),
    **dict.fromkeys(
        ("meet", "meeting", "gather", "convene", "talk", "summit", "hold", "negotiate"), "meet"
    ),
    **dict.fromkeys(("kill", "die", "death", "dead", "toll", "killing", "fatality"), "die"),
    **dict.fromkeys(
        (
            "evacuate",
            "evacuation",
            "flee",
            "leave",
            "displace",
            "exodus",
            "withdraw",
            "withdrawal",
            "retreat",
            "pull",
        ),
        "leave",
    ),
    **dict.fromkeys(("find", "discover", "recover", "locate", "retrieve"), "find"),
    **dict.fromkeys(("miss", "missing", "disappear", "vanish", "see"), "missing"),
    **dict.fromkeys(("deny", "denial", "reject", "refute", "dismiss"), "deny"),
    **dict.fromkeys(
        ("rain", "shower", "downpour", "rainfall", "snow", "snowfall", "hail"), "weather"
    ),
    **dict.fromkeys(("flood", "overflow", "burst", "overtop", "inundate", "pour"), "flood"),
    **dict.fromkeys(("attack", "strike", "bomb", "shell", "raid", "airstrike"), "attack"),
    **dict.fromkeys(("arrest", "detain"), "arrest"),
    **dict.fromkeys(("sign", "approve", "pass", "adopt", "ratify", "vote"), "approve"),
}
_KNOWN_FAMILIES = frozenset(FAMILIES.values())
# Words that make a clause speak of the future (for weekdays resolved into the past).
_FUTURE_WORDS = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "expect",
        "expected",
        "forecast",
        "due",
        "schedule",
        "scheduled",
        "plan",
        "planned",
        "set",
        "going",
        "intend",
        "predict",
        "tomorrow",
    }
)
_PAST_TAGS = frozenset({"VBD", "VBN"})
_WEEKDAY = re.compile(
    r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
# Prepositions that change what a date says about the event: kept in the event text.
_KEEP_PREPS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through"})
_PREPOSITIONS = _KEEP_PREPS | {"on", "in", "at", "during", "of", "for", "around"}
# Words around a date that put the event at the edge of two days.
_NIGHT = re.compile(r"\b(?:night|overnight|midnight|evening|late|early|dawn)\b", re.IGNORECASE)
# Relative day words that are part of a name when capitalised mid-sentence ("Lagarina Today").
_TIME_NOUNS = frozenset(
    {
        "night",
        "evening",
        "morning",
        "afternoon",
        "midday",
        "noon",
        "midnight",
        "dawn",
        "lunchtime",
    }
)
_NAME_DAY_WORDS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
# A dateline: a few capitalised words (place, agency) before a dash at the start of a line.
_DASH = re.compile(r"\s[—–-]\s")
_MARKUP = re.compile(r"[*_#>|]+")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_VERBAL = frozenset({"aux", "auxpass", "neg", "prt"})
_AFTER_VERB = frozenset(
    {
        "dobj",
        "attr",
        "acomp",
        "oprd",
        "dative",
        "agent",
        "xcomp",
        "ccomp",
        "prep",
        "advmod",
        "npadvmod",
        "pobj",
        "dep",
        "obj",
        "obl",
        "iobj",
    }
)
_CUT_IN_PHRASES = frozenset({"appos", "relcl", "advcl", "parataxis", "acl"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Light verbs and fillers: they say nothing about which event a clause tells.
_LIGHT = frozenset({"be", "have", "do", "get", "make", "go", "come", "also", "still", "more"})
_SUFFIXES = (
    "ations",
    "ation",
    "ions",
    "ion",
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ates",
    "ate",
    "es",
    "ed",
    "s",
    "e",
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class DatedClause:
    """One dated event as one article tells it.

    ``date``/``precision`` are the resolved date (after the future-weekday correction);
    ``mention`` the date mention span; ``sentence`` the sentence span (the evidence);
    ``clause`` the span from the first to the last word of ``text``; ``text`` the clause
    trimmed to subject, verb and object; ``keys`` what grouping compares (entity and word
    keys); ``families`` the families of its event words; ``places`` the gazetteer ids of the
    places it names; ``edge`` whether the date sits at the edge of two days ("Thursday
    night"); ``anchor`` the preposition that ties the date to the event where it matters
    ("since", "by", "until"), else "on"; ``event_words`` the keys of its event words
    (not counted as participants).
    """

    article: str
    date: str
    precision: Precision
    mention: tuple[int, int]
    phrase: str
    sentence: tuple[int, int]
    clause: tuple[int, int]
    text: str
    keys: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    edge: bool = False
    relative: bool = False
    published: str | None = None
    anchor: str = "on"
    event_words: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- parser


@lru_cache(maxsize=2)
def load_parser(model_name: str | None = None) -> Language | None:
    """Return the spaCy model with its tagger, parser and lemmatizer (no NER), or None when
    it is not installed (the timeline then uses whole sentences)."""
    import spacy

    if model_name is None:
        from ..settings import Settings

        model_name = Settings().spacy_model
    try:
        return spacy.load(model_name, exclude=["ner"])
    except OSError:
        return None


# --------------------------------------------------------------------------- candidates


def _is_event_mention(article: Article, mention: DateMention) -> bool:
    """True for a resolved date or time that is not part of a name."""
    if mention.kind not in ("date", "time") or mention.value is None:
        return False
    if mention.precision is None:
        return False
    # The publication date's own evidence is not excluded here: it is often an event sentence
    # ("On Saturday, rebels ..."); datelines and verbless lines are dropped later.
    return not _inside_name(article, mention)


def _inside_name(article: Article, mention: DateMention) -> bool:
    """True when the mention is a word of a name: it overlaps a named entity, or it is a
    capitalised day word right after another capitalised word ("Lagarina Today")."""
    for ent in article.annotations.entities:
        if ent.start < mention.end and mention.start < ent.end:
            return True
    word = article.text[mention.start : mention.end]
    if word.lower() not in _NAME_DAY_WORDS:
        return False
    before = _MARKUP.sub(" ", article.text[max(0, mention.start - 40) : mention.start])
    after = _MARKUP.sub(" ", article.text[mention.end : mention.end + 40])
    if not before.strip() or before.rstrip()[-1] in ".!?:\n\"“”'" or "\n" in before[-2:]:
        return False  # first word of a sentence or line
    previous = before.split()[-1] if before.split() else ""
    following = after.split()[0] if after.split() and after[:1] == " " else ""
    capitals = [w[:1].isupper() for w in (previous, following) if w]
    if word[:1].isupper():  # "Lagarina Today": a capital day word after or before a name
        return any(capitals)
    return len(capitals) == 2 and all(capitals)  # "World today News"


def _sentence_of(article: Article, start: int) -> tuple[int, int]:
    for sentence in article.annotations.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", start)
    return line_start, len(article.text) if line_end < 0 else line_end


def _dateline_end(text: str, sentence: tuple[int, int]) -> int:
    """The offset where the sentence proper starts: after a dateline ("ROVERETO, Italy (ANA)
    —", "Washington D.C. – December 8, 2024 –") when there is one, else the sentence start.

    A dateline is the longest stretch before a spaced dash, within the first 80 characters,
    made of capitalised words, figures and month names only, that starts with a word in
    capitals, holds a date or ends with an agency credit in brackets.
    """
    start, end = sentence
    head = text[start : min(end, start + 80)]
    for found in reversed(list(_DASH.finditer(head))):
        words = [
            w for w in _MARKUP.sub(" ", head[: found.start()]).split() if w not in ("—", "–", "-")
        ]
        if words and len(words) <= 10 and _dateline_words(words):
            return start + found.end()
    return start


def _dateline_words(words: list[str]) -> bool:
    """True for the words of a dateline (see ``_dateline_end``)."""
    link = {"of", "de", "and", "the", "la", "le", "el", "di", "da"}
    for word in words:
        bare = word.strip(",.()")
        if bare and not (
            bare[0].isupper()
            or bare[0].isdigit()
            or bare.lower() in link
            or bare.lower() in _MONTHS
        ):
            return False
    first = words[0].strip(",.()")
    dated = any(w.strip(",.()").lower() in _MONTHS or w[:1].isdigit() for w in words)
    return (first.isupper() and len(first) > 1) or dated or words[-1].endswith(")")


_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


def _forward_if_future(
    mention: DateMention, phrase: str, tokens: Sequence[Token], anchor: str, published: str | None
) -> str:
    """The mention's date, moved on by weeks past the publication date when a bare weekday
    resolved into the past sits in a clause about the future ("will stay closed on
    Monday"); "since Monday" never looks ahead."""
    assert mention.value is not None
    if (
        published is None
        or mention.precision != "day"
        or anchor == "since"
        or not _WEEKDAY.match(phrase.strip())
    ):
        return mention.value
    day = date.fromisoformat(mention.value)
    pub = date.fromisoformat(published)
    if day >= pub or not _speaks_of_future(tokens):
        return mention.value
    while day <= pub:
        day += timedelta(days=7)
    return day.isoformat()


def _speaks_of_future(tokens: Sequence[Token]) -> bool:
    """True when the clause's verb group is future (a modal "will", "expected", "due") or
    present tense with no past auxiliary ("schools remain closed on Monday")."""
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if words & _FUTURE_WORDS:
        return True
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    return not any(t.tag_ in _PAST_TAGS for t in verbs) and any(
        t.tag_ in ("VBP", "VBZ") for t in verbs
    )


def dated_clauses(
    article: Article,
    nlp: Language | None = None,
    entity_keys: Mapping[tuple[int, int], str] | None = None,
) -> list[DatedClause]:
    """Return the article's dated events, one per date mention that names an event, in text
    order.

    ``nlp`` is a spaCy model with a parser (``load_parser()`` when None; whole sentences are
    used when no model is installed). ``entity_keys`` maps an entity mention span of this
    article to a story entity id; without it the annotated names, normalised, are the keys.
    """
    if nlp is None:
        nlp = load_parser()
    mentions = [m for m in article.annotations.dates if _is_event_mention(article, m)]
    if not mentions:
        return []
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(_sentence_of(article, mention.start), []).append(mention)
    spans = sorted(by_sentence)
    starts = {span: _dateline_end(article.text, span) for span in spans}
    keys = _entity_key_spans(article, entity_keys)
    out: list[DatedClause] = []
    texts = [article.text[starts[s] : s[1]] for s in spans]
    docs = (
        list(nlp.pipe(texts))
        if nlp is not None and article.language in (None, "en")
        else ([None] * len(spans))
    )
    for span, doc in zip(spans, docs, strict=True):
        sentence_mentions = [m for m in by_sentence[span] if m.start >= starts[span]]
        if doc is None:
            out.extend(_plain_clauses(article, span, starts[span], sentence_mentions, keys))
        else:
            out.extend(_parsed_clauses(article, span, starts[span], doc, sentence_mentions, keys))
    return sorted(out, key=lambda c: (c.mention, c.date))


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


def _is_edge(text: str, mention: DateMention) -> bool:
    window = text[max(0, mention.start - 12) : mention.end + 8]
    return _NIGHT.search(window) is not None


# --------------------------------------------------------------------------- clauses


def _parsed_clauses(
    article: Article,
    span: tuple[int, int],
    base: int,
    doc: Doc,
    mentions: Sequence[DateMention],
    names: Sequence[tuple[int, int, str, bool]],
) -> list[DatedClause]:
    """The dated clauses of one parsed sentence (``doc`` is the sentence from ``base``)."""
    governed: dict[tuple[int, int], _DatePhrase] = {}
    for mention in mentions:
        ids = _date_token_ids(doc, mention.start - base, mention.end - base)
        if ids:
            governed[(mention.start, mention.end)] = _governor(doc, ids)
    out = []
    for mention in mentions:
        if (mention.start, mention.end) in governed:
            built = _clause_for(article, span, base, doc, mention, governed, names)
            if built is not None:
                out.append(built)
    return out


@dataclass(frozen=True, slots=True)
class _DatePhrase:
    """Where a date sits in a parse: the word it hangs on, its words (with its preposition)
    and that preposition."""

    governor: Token
    ids: frozenset[int]
    prep: Token | None


def _date_token_ids(doc: Doc, start: int, end: int) -> frozenset[int]:
    return frozenset(t.i for t in doc if t.idx < end and start < t.idx + len(t.text))


def _phrase_top(doc: Doc, ids: frozenset[int]) -> Token:
    """The token of the date phrase whose head lies outside it (the first, if several)."""
    top = next(doc[i] for i in sorted(ids) if doc[i].head.i not in ids or doc[i].head.i == i)
    # "Thursday night", "Friday midday": climb to the time-of-day noun the date modifies
    while (
        top.head.i != top.i
        and top.head.lower_ in _TIME_NOUNS
        and top.dep_ in ("compound", "nummod", "amod", "npadvmod", "det", "poss")
    ):
        top = top.head
    return top


def _governor(doc: Doc, ids: frozenset[int]) -> _DatePhrase:
    """Where the date of token ``ids`` sits: its preposition ("on", "since") when it has one,
    the whole phrase, and the word the phrase hangs on."""
    top = _phrase_top(doc, ids)
    prep = top.head if top.dep_ == "pobj" and top.head.i != top.i else None
    before = min(ids) - 1
    if (
        prep is None
        and before >= 0
        and doc[before].lower_ in _PREPOSITIONS
        and (doc[before].head.i == top.i or top.head.i == before)
    ):
        prep = doc[before]
    root = prep if prep is not None else top
    phrase = frozenset(t.i for t in root.subtree) | ids
    governor = root.head if root.head.i != root.i else root
    return _DatePhrase(governor, phrase, prep)


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (at most six steps up); an infinitive
    complement gives way to the verb it completes ("continued to fall")."""
    for _ in range(7):
        if token.pos_ in ("VERB", "AUX"):
            while (
                token.dep_ == "xcomp"
                and token.head.i != token.i
                and token.head.pos_ in ("VERB", "AUX")
            ):
                token = token.head
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _clause_for(
    article: Article,
    span: tuple[int, int],
    base: int,
    doc: Doc,
    mention: DateMention,
    governed: Mapping[tuple[int, int], _DatePhrase],
    names: Sequence[tuple[int, int, str, bool]],
) -> DatedClause | None:
    """The dated clause of one mention, or None when the mention dates no event (no verb, no
    noun, or a report whose content carries its own date)."""
    key = (mention.start, mention.end)
    date_phrase = governed[key]
    prep, phrase = date_phrase.prep, date_phrase.ids
    anchor = prep.lower_ if prep is not None and prep.lower_ in _KEEP_PREPS else "on"
    head = _nominal_event(date_phrase)
    if head is not None:
        ids = _trimmed(head)
    else:
        head = _clause_verb(date_phrase.governor)
        if head is None or _reports_dated_content(head, date_phrase.governor, key, governed):
            return None
        ids = _clause_ids(head, phrase, phrase if anchor == "on" else frozenset())
        if anchor == "on":
            ids -= phrase
    others = _other_clauses(head, key, governed)
    ids = _tidy_punctuation(doc, ids - others)
    text = _render(doc, ids)
    if not text or not any(doc[i].pos_ in ("NOUN", "PROPN", "NUM") for i in ids - phrase):
        return None
    assert mention.value is not None and mention.precision is not None
    phrase_text = article.text[mention.start : mention.end]
    value = _forward_if_future(
        mention, phrase_text, _verb_group(head), anchor, article.published.date
    )
    features = (_feature_ids(head) | ids) - others - phrase
    words = [doc[i] for i in ids if not doc[i].is_punct] or [doc[i] for i in ids]
    clause = (base + min(t.idx for t in words), base + max(t.idx + len(t.text) for t in words))
    words = _event_words(head, date_phrase.governor)
    return DatedClause(
        article.id,
        value,
        mention.precision,
        key,
        phrase_text,
        span,
        clause,
        text,
        _keys(doc, features, base, names),
        frozenset(FAMILIES.get(w.lemma_.lower(), _stem(w.lemma_.lower())) for w in words),
        frozenset(k for s, e, k, p in names if p and _covers(doc, features, base, s, e)),
        _is_edge(article.text, mention),
        mention.relative,
        article.published.date,
        anchor,
        frozenset("w:" + _stem(w.lemma_.lower()) for w in words),
    )


def _nominal_event(date_phrase: _DatePhrase) -> Token | None:
    """The noun a date modifies directly ("the 2011 uprising", "Saturday's vote"): that noun
    phrase is the event. None when the date hangs on a verb or comes with a preposition."""
    governor = date_phrase.governor
    if date_phrase.prep is not None or governor.pos_ != "NOUN" or not _word(governor):
        return None
    tops = [t for t in governor.children if t.i in date_phrase.ids]
    if any(t.dep_ in ("compound", "nummod", "amod", "poss", "nmod") for t in tops):
        return governor
    return None


def _word(token: Token) -> bool:
    """True for a real word (three letters or more), not a symbol or a stray fragment."""
    return token.is_alpha and len(token.text) >= 3


def _verb_group(verb: Token) -> list[Token]:
    return [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "xcomp"))]


def _reports_dated_content(
    verb: Token,
    governor: Token,
    key: tuple[int, int],
    governed: Mapping[tuple[int, int], _DatePhrase],
) -> bool:
    """True when the date dates a reporting verb whose reported content has a date of its own
    ("the river burst its banks on Thursday night, officials said on Friday"): the content is
    the event, the report adds nothing to the timeline."""
    if verb.lemma_.lower() not in REPORTING or governor.i != verb.i:
        return False
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        content.append(verb.head)
    content_ids = {t.i for c in content for t in c.subtree}
    if verb.dep_ in ("parataxis", "ccomp"):
        content_ids -= {t.i for t in verb.subtree}
    return any(other != key and found.ids & content_ids for other, found in governed.items())


def _clause_ids(verb: Token, phrase: frozenset[int], drop: frozenset[int]) -> set[int]:
    """Token ids of the trimmed clause of ``verb``: subject, verb group, objects and
    complements (preps after the verb), the branch that holds the date; with its antecedent
    for a relative clause and an inherited subject for a participle. ``drop`` is cut."""
    ids = {verb.i}
    has_subject = False
    for child in verb.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            has_subject = True
            if child.lower_ not in _RELATIVE:
                ids |= _trimmed(child, drop)
        elif dep in _VERBAL or dep == "punct":
            ids |= {t.i for t in child.subtree}
        elif {t.i for t in child.subtree} & phrase:
            ids |= _trimmed(child, drop)
        elif dep == "ccomp" or (
            dep in _AFTER_VERB and child.i > verb.i and not _side_clause(child)
        ):
            ids |= _trimmed(child, drop)
    ids |= _antecedent(verb, drop)
    if verb.dep_ in ("relcl", "acl") and _is_punct(verb.doc, verb.left_edge.i - 1):
        ids.discard(verb.left_edge.i - 1)  # "the offensive, began": the comma went with "which"
    if not has_subject and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp"):
        ids |= _inherited_subject(verb, drop)
    return ids - drop


def _side_clause(token: Token) -> bool:
    """True for a prepositional phrase built on a verb ("after saying ...", "with estimates
    suggesting ..."): a side event, cut from the event text."""
    return token.dep_ == "prep" and any(
        t.pos_ in ("VERB", "AUX") for t in token.subtree if t.i != token.i
    )


def _is_punct(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_punct


def _antecedent(verb: Token, drop: frozenset[int]) -> set[int]:
    """For a relative or participle clause ("the offensive, which began ...", "a project
    approved in 2019"): the noun phrase it hangs on, without the clause and without
    prepositions in front of the noun."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.i == verb.i:
        return set()
    head = verb.head
    fronted = {t.i for c in head.children if c.dep_ == "prep" and c.i < head.i for t in c.subtree}
    return _trimmed(head, drop | {t.i for t in verb.subtree}) - fronted


def _inherited_subject(verb: Token, drop: frozenset[int]) -> set[int]:
    """The subject of the nearest verb above (for "..., then returning to X on Monday")."""
    token = verb.head
    for _ in range(4):
        for child in token.children:
            if child.dep_ in _SUBJECTS and child.lower_ not in _RELATIVE:
                return _trimmed(child, drop)
        if token.head.i == token.i:
            break
        token = token.head
    return set()


def _trimmed(token: Token, drop: Iterable[int] = ()) -> set[int]:
    """Token ids of ``token``'s subtree without appositions, relative and side clauses,
    bracketed asides and the ``drop`` ids (a "that ..." complement of a noun stays)."""
    dropped = set(drop)
    for t in token.subtree:
        if t.i != token.i and t.dep_ in _CUT_IN_PHRASES and not _complement_clause(t):
            dropped |= {s.i for s in t.subtree}
    return {t.i for t in token.subtree} - dropped - _bracketed(token)


def _complement_clause(token: Token) -> bool:
    """True for "that ..." clauses completing a noun ("confidence that X", "rumours that
    Y"), which carry the content and stay."""
    return token.dep_ == "acl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _bracketed(token: Token) -> set[int]:
    """Ids inside brackets or between a pair of dashes within ``token``'s subtree; a single
    lower-case word in brackets is an editor's insertion and stays ("overthrow (the)")."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    out: set[int] = set()
    opened: int | None = None
    for i in range(left, right + 1):
        text = doc[i].text
        if text in ("(", "[") and opened is None:
            opened = i
        elif text in (")", "]") and opened is not None:
            inside = doc[opened + 1 : i]
            if not (len(inside) == 1 and inside[0].is_lower):
                out |= set(range(opened, i + 1))
            opened = None
    dashes = [i for i in range(left, right + 1) if doc[i].text in ("–", "—")]
    for a, b in zip(dashes[::2], dashes[1::2], strict=False):
        out |= set(range(a, b + 1))
    return out


def _other_clauses(
    head: Token, key: tuple[int, int], governed: Mapping[tuple[int, int], _DatePhrase]
) -> set[int]:
    """Ids of what the sentence's other dates hold: their date phrases, and their clauses when
    those hang below this one (they are events of their own)."""
    inside = {t.i for t in head.subtree}
    out: set[int] = set()
    for other, found in governed.items():
        if other == key:
            continue
        out |= found.ids
        verb = _clause_verb(found.governor)
        if (
            verb is not None
            and verb.i != head.i
            and verb.i in inside
            and head.i not in {t.i for t in verb.subtree}
        ):
            out |= {t.i for t in verb.subtree}
    return out


def _feature_ids(head: Token) -> set[int]:
    """The words grouping compares: the clause's whole subtree, appositions (names) included,
    less the verbs joined to it by "and" (other events); a relative clause adds its noun."""
    ids = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            ids -= {t.i for t in child.subtree}
    if head.dep_ in ("relcl", "acl") and head.head.i != head.i:
        ids |= {t.i for t in head.head.subtree} - {t.i for t in head.subtree}
    return ids


def _tidy_punctuation(doc: Doc, ids: set[int]) -> set[int]:
    """Drop commas, dashes and colons that no longer sit between two kept neighbours (what
    was around them was cut)."""
    out = set(ids)
    for i in sorted(ids):
        if doc[i].text not in (",", ";", ":", "–", "—", "-"):
            continue
        if i - 1 not in out or i + 1 not in out:
            out.discard(i)
    return out


def _render(doc: Doc, ids: Iterable[int]) -> str:
    """The words ``ids`` in sentence order, with the sentence's own spacing where words are
    next to each other; stray punctuation and unpaired quotes removed; first letter
    capitalised; cut at MAX_WORDS words."""
    order = sorted(ids)
    pieces: list[str] = []
    for n, i in enumerate(order):
        token = doc[i]
        pieces.append(token.text)
        nxt = order[n + 1] if n + 1 < len(order) else None
        if nxt is not None:
            pieces.append(token.whitespace_ if nxt == i + 1 else " ")
    text = "".join(pieces)
    text = _MARKUP.sub("", text)
    text = _tight_quotes(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    for pair in ('"', "“”", "‘’"):
        chars = pair if len(pair) == 2 else pair * 2
        if sum(text.count(c) for c in set(chars)) % 2:
            text = text.translate({ord(c): None for c in set(chars)})
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    text = " ".join(text.split())
    text = text.strip(" ,;:–—-").rstrip(".")
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + " …"
    return _capitalise(text)


def _tight_quotes(text: str) -> str:
    """Straight double quotes taken in pairs, with no space inside a pair."""
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return text
    for n in range(1, len(parts), 2):
        parts[n] = parts[n].strip()
    return '"'.join(parts)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _covers(doc: Doc, ids: Iterable[int], base: int, start: int, end: int) -> bool:
    return any(
        base + doc[i].idx < end and start < base + doc[i].idx + len(doc[i].text) for i in ids
    )


def _keys(
    doc: Doc, ids: set[int], base: int, names: Sequence[tuple[int, int, str, bool]]
) -> frozenset[str]:
    """Entity keys of the names among ``ids`` and stems of their other content words."""
    out: set[str] = set()
    named: set[int] = set()
    for start, end, key, _place in names:
        inside = {
            i
            for i in ids
            if base + doc[i].idx < end and start < base + doc[i].idx + len(doc[i].text)
        }
        if inside:
            out.add(key)
            named |= inside
    for i in ids - named:
        token = doc[i]
        if token.pos_ == "NUM" or token.like_num:  # figures tell steps of a story apart
            out.add("d:" + token.lower_)
            continue
        if token.pos_ not in _CONTENT_POS or token.is_stop or token.is_punct:
            continue
        lemma = token.lemma_.lower()
        if lemma in REPORTING or lemma in _LIGHT or len(lemma) < 3:
            continue
        out.add("w:" + _stem(lemma))
    return frozenset(out)


def _stem(word: str) -> str:
    """A crude English stem: the word less one common suffix, keeping four letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _event_words(verb: Token, governor: Token) -> list[Token]:
    """The words that say what happened: the verb (with its object when the verb is light:
    "took control"), an event noun as subject ("the rain began"), and the nouns on the way
    from the date up to the verb ("an interview with CNN on Friday")."""
    words = [verb]
    if verb.lemma_.lower() in _LIGHT or verb.lemma_.lower() in ("declare", "hold", "take"):
        words += [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp")]
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if verb.dep_ in ("relcl", "acl"):
        subjects.append(verb.head)
    words += [t for t in subjects if t.lemma_.lower() in FAMILIES]
    token = governor
    for _ in range(4):
        if token.i == verb.i or token.head.i == token.i:
            break
        if token.pos_ == "NOUN":
            words.append(token)
        token = token.head
    return words


# --------------------------------------------------------------------------- grouping


def _date_relation(a: DatedClause, b: DatedClause) -> str:
    """ "same" (equal, or one inside the other), "edge" (next days, one a night), "near"
    (days at most NEAR_DAYS apart) or "far"."""
    if a.date == b.date:
        return "same"
    if a.date.startswith(b.date) or b.date.startswith(a.date):
        return "same"
    if a.precision != "day" or b.precision != "day":
        return "far"
    gap = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
    if gap == 1 and (a.edge or b.edge):
        return "edge"
    return "near" if gap <= NEAR_DAYS else "far"


def _weights(clauses: Sequence[DatedClause]) -> dict[str, float]:
    """Inverse document frequency of every key over the story's clauses."""
    df = Counter(k for c in clauses for k in c.keys | {"f:" + f for f in c.families})
    n = len(clauses)
    weights = {k: math.log(1 + n / d) for k, d in df.items()}
    for k in weights:
        if k.startswith("f:"):
            weights[k] *= FAMILY_WEIGHT
    return weights


def _all_keys(c: DatedClause) -> list[str]:
    """The clause's keys and family keys, sorted (sums in a fixed order are reproducible)."""
    return sorted(c.keys | {"f:" + f for f in c.families})


def _similarity(a: DatedClause, b: DatedClause, weights: Mapping[str, float]) -> float:
    """Weighted Dice overlap of two clauses' keys (families included)."""
    ka, kb = _all_keys(a), _all_keys(b)
    total = sum(weights[k] for k in ka) + sum(weights[k] for k in kb)
    if not total:
        return 0.0
    return 2 * sum(weights[k] for k in sorted(set(ka) & set(kb))) / total


def _participants(c: DatedClause) -> dict[str, float]:
    """The clause's keys less its event words, names counting double, in key order."""
    return {k: (NAME_WEIGHT if k[0] in "neg" else 1.0) for k in sorted(c.keys - c.event_words)}


def _shared_participants(a: DatedClause, b: DatedClause, weights: Mapping[str, float]) -> float:
    """How much of the smaller clause's participants (names, things, figures) the other
    shares, weighted by rarity: 1.0 when one clause's participants are all in the other."""
    pa, pb = _participants(a), _participants(b)
    wa = sum(weights[k] * f for k, f in pa.items())
    wb = sum(weights[k] * f for k, f in pb.items())
    if not wa or not wb:
        return 0.0
    return sum(weights[k] * pa[k] for k in sorted(pa.keys() & pb.keys())) / min(wa, wb)


def _claim_links(clauses: Sequence[DatedClause], claims: Sequence[Claim]) -> list[set[str]]:
    """For each clause, the ids of the claims whose evidence overlaps its clause span."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for claim in claims:
        for ev in claim.evidence:
            spans.setdefault(ev.article, []).append((ev.start, ev.end, claim.id))
    return [
        {
            cid
            for start, end, cid in spans.get(c.article, ())
            if start < c.clause[1] and c.clause[0] < end
        }
        for c in clauses
    ]


def _figures(c: DatedClause) -> frozenset[str]:
    return frozenset(k for k in c.keys if k.startswith("d:"))


def _names(c: DatedClause) -> frozenset[str]:
    return frozenset(k for k in c.keys if k[0] in "neg")


def _pair(
    a: DatedClause, b: DatedClause, weights: Mapping[str, float], linked: bool
) -> tuple[float, str] | None:
    """(score, date relation) of two clauses that may be one event, or None when they cannot.

    On one date: with a shared event family, the shared participants; with a shared family
    of the lexicon (other than speech) or shared participants, the overlap of all keys too
    ("it rained since Sunday", "the rain began on March 9" share only the event); else the
    overlap of all keys when it is high (a copy, a close rewrite). On two days: the same
    event family, a shared name (who, where), the same anchor ("since" is not "on"), no
    disjoint places or figures, then the shared participants.
    """
    family = bool(a.families & b.families)
    if not (family or linked or a.keys & b.keys):
        return None  # nothing in common: no score (a pair on one date still may share a group)
    relation = _date_relation(a, b)
    if relation == "far":
        return None
    shared = _shared_participants(a, b, weights) if family else 0.0
    bonus = CLAIM_BONUS if linked else 0.0
    if relation == "same":
        dice = _similarity(a, b, weights)
        known = (a.families & b.families & _KNOWN_FAMILIES) - {"speak"}
        return max(shared, dice if known or shared or dice >= COPY else 0.0) + bonus, relation
    if a.article == b.article or not family:
        return None
    if relation == "near" and not _names(a) & _names(b) and not linked:
        return None  # one event on two days must share a name: who or where it happened
    if a.places and b.places and not a.places & b.places:
        return None
    if _figures(a) and _figures(b) and not _figures(a) & _figures(b):
        return None  # "rose to three" and "rose to four" are two steps, not one event
    if relation == "near" and a.anchor != b.anchor:
        return None
    return shared + bonus, relation


def _candidate_pairs(clauses: Sequence[DatedClause]) -> Iterator[tuple[int, int]]:
    """Each pair (i < j) of clauses whose dates may be one event's, once: days at most
    NEAR_DAYS apart, or a month or year and anything inside it. A long story is never
    compared all pairs against all."""
    days = sorted(
        (date.fromisoformat(c.date).toordinal(), i)
        for i, c in enumerate(clauses)
        if c.precision == "day"
    )
    for x, (day, i) in enumerate(days):
        for other_day, j in days[x + 1 :]:
            if other_day - day > NEAR_DAYS:
                break
            yield min(i, j), max(i, j)
    by_year: dict[str, list[int]] = {}
    for i, c in enumerate(clauses):
        by_year.setdefault(c.date[:4], []).append(i)
    for i, c in enumerate(clauses):
        if c.precision == "day":
            continue
        for j in by_year[c.date[:4]]:
            other = clauses[j]
            if (
                (other.precision == "day" or i < j)
                and (other.date.startswith(c.date) or c.date.startswith(other.date))
                and i != j
            ):
                yield min(i, j), max(i, j)


def _pair_scores(
    clauses: Sequence[DatedClause], links: Sequence[set[str]]
) -> dict[tuple[int, int], tuple[float, str]]:
    """Score and date relation of every pair of clauses that may be one event."""
    weights = _weights(clauses)
    scores = {}
    for i, j in _candidate_pairs(clauses):
        found = _pair(clauses[i], clauses[j], weights, bool(links[i] & links[j]))
        if found is not None:
            scores[(i, j)] = found
    return scores


def _may_merge(
    clauses: Sequence[DatedClause],
    first: list[int],
    second: list[int],
    scores: Mapping[tuple[int, int], tuple[float, str]],
) -> bool:
    """Whether two groups may become one event: every cross pair may be one event (a pair
    with nothing in common only when on one date), no article gives it two dates, the mean
    cross score is at least half the threshold, and pairs on different days overlap as much
    as a conflict needs."""
    total = 0.0
    apart: list[float] = []
    for i in first:
        for j in second:
            a, b = clauses[i], clauses[j]
            pair = scores.get((min(i, j), max(i, j)))
            if pair is None:
                if _date_relation(a, b) != "same":
                    return False
                pair = (0.0, "same")
            score, relation = pair
            if a.article == b.article and a.date != b.date:
                return False
            total += score
            if relation == "near":
                apart.append(score)
    if total / (len(first) * len(second)) < SAME_EVENT / 2:
        return False
    return not apart or sum(apart) / len(apart) >= CONFLICT_EVENT


def _group(clauses: Sequence[DatedClause], claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of clause indexes that are one event, joined from the best pair down."""
    scores = _pair_scores(clauses, _claim_links(clauses, claims))
    owner = list(range(len(clauses)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(clauses))}
    for (i, j), (score, relation) in sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if score < (CONFLICT_EVENT if relation == "near" else SAME_EVENT):
            continue
        gi, gj = owner[i], owner[j]
        if gi == gj or not _may_merge(clauses, groups[gi], groups[gj], scores):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        groups[keep] = sorted(groups[keep] + groups.pop(gone))
        for k in groups[keep]:
            owner[k] = keep
    return [groups[k] for k in sorted(groups)]


# --------------------------------------------------------------------------- events


def _event(
    clauses: Sequence[DatedClause],
    members: list[int],
    claims: Sequence[Claim],
    ranks: Mapping[str, int],
    weights: Mapping[str, float],
) -> TimelineEvent:
    """One timeline entry from a group of clauses."""
    group = sorted(
        (clauses[i] for i in members), key=lambda c: (ranks.get(c.article, 0), c.mention)
    )
    value, precision = _group_date(group)
    conflict = _conflict(group, ranks)
    text = _claim_text(group, claims) or _central(group, value, weights, ranks).text
    evidence = tuple(dict.fromkeys(Ref(c.article, *c.sentence) for c in group))
    return TimelineEvent(value, precision, text, evidence, conflict)


def _group_date(group: Sequence[DatedClause]) -> tuple[str, Precision]:
    """The date most articles give (the finest where one contains the other; the earliest on
    a tie)."""
    per_article: dict[str, DatedClause] = {}
    for c in group:
        best = per_article.get(c.article)
        if best is None or len(c.date) > len(best.date):
            per_article[c.article] = c
    finest = max(len(c.date) for c in per_article.values())
    votes = Counter(c.date for c in per_article.values() if len(c.date) == finest)
    value = min(votes, key=lambda d: (-votes[d], d))
    precision = next(c.precision for c in group if c.date == value)
    return value, precision


def _conflict(group: Sequence[DatedClause], ranks: Mapping[str, int]) -> Conflict | None:
    """A date conflict when articles give the event days that are not the same (nor two sides
    of one night)."""
    first: dict[str, DatedClause] = {}
    for c in group:
        first.setdefault(c.article, c)
    days = sorted({c.date for c in first.values() if c.precision == "day"})
    if len(days) < 2:
        return None
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
    edges = any(c.edge for c in first.values())
    if span <= 1 and edges:
        return None
    values = tuple(
        ConflictValue(c.article, c.date, *c.mention)
        for c in sorted(first.values(), key=lambda c: (c.date, ranks.get(c.article, 0)))
        if c.precision == "day"
    )
    return Conflict("date", values, _why(first.values()))


def _why(clauses: Iterable[DatedClause]) -> str:
    """Say in words which article gives which date, and from which expression."""
    parts = []
    for c in sorted(clauses, key=lambda c: (c.date, c.article)):
        how = f'"{c.phrase}"'
        if c.relative and c.published:
            how += f", counted from its publication date {c.published}"
        parts.append(f"{c.date} in article {c.article} ({how})")
    return "The articles give this event different dates: " + "; ".join(parts) + "."


def _own_claims(
    clauses: Sequence[DatedClause], groups: Sequence[list[int]], claims: Sequence[Claim]
) -> dict[int, list[Claim]]:
    """{group index: the claims that overlap clauses of that group only}: a claim whose
    evidence spans two events (a sentence that tells both) names neither."""
    links = _claim_links(clauses, claims)
    where: dict[str, set[int]] = {}
    for n, members in enumerate(groups):
        for i in members:
            for cid in links[i]:
                where.setdefault(cid, set()).add(n)
    out: dict[int, list[Claim]] = {}
    for claim in claims:
        found = where.get(claim.id, set())
        if len(found) == 1:
            out.setdefault(next(iter(found)), []).append(claim)
    return out


def _claim_text(group: Sequence[DatedClause], claims: Sequence[Claim]) -> str | None:
    """The text of the claim whose evidence overlaps the group's clauses most (claim id order
    on a tie), or None."""
    best: tuple[int, str] | None = None
    text = None
    for claim in claims:
        overlap = 0
        for ev in claim.evidence:
            for c in group:
                if ev.article == c.article:
                    overlap += max(0, min(ev.end, c.clause[1]) - max(ev.start, c.clause[0]))
        if overlap and (best is None or (-overlap, claim.id) < best):
            best, text = (-overlap, claim.id), claim.text
    return text


def _central(
    group: Sequence[DatedClause], value: str, weights: Mapping[str, float], ranks: Mapping[str, int]
) -> DatedClause:
    """The clause most like the others of its group, among those giving the group's date."""
    pool = [c for c in group if c.date == value] or list(group)

    def centrality(c: DatedClause) -> float:
        return sum(_similarity(c, o, weights) for o in group if o is not c) / len(group)

    # the most central to one decimal, then not a stub (six words or more), then the first
    return max(
        pool,
        key=lambda c: (
            round(centrality(c), 1),
            min(len(c.text.split()), 6),
            -ranks.get(c.article, 0),
            -c.mention[0],
        ),
    )


def build_timeline(
    articles: Sequence[Article],
    claims: Sequence[Claim] = (),
    entities: Sequence[Entity] = (),
    *,
    nlp: Language | None = None,
) -> tuple[TimelineEvent, ...]:
    """Return the story's timeline: one event per dated happening, ordered by date (a year or
    month before the days inside it), then by its first evidence.

    ``claims`` give the wording of events they overlap and link clauses they share;
    ``entities`` (story entities) make names match across spellings. ``nlp`` is a spaCy model
    with a parser (loaded once when None). Articles are taken earliest-published first (then
    by id), so the result does not depend on the order they are given in.
    """
    if nlp is None:
        nlp = load_parser()
    ordered = sorted(articles, key=lambda a: (a.published.date or "9999", a.id))
    ranks = {a.id: n for n, a in enumerate(ordered)}
    mentions = _entity_mentions(entities)
    clauses: list[DatedClause] = []
    for article in ordered:
        clauses.extend(dated_clauses(article, nlp, mentions.get(article.id)))
    if not clauses:
        return ()
    weights = _weights(clauses)
    groups = _group(clauses, claims)
    own = _own_claims(clauses, groups, claims)
    events = [
        _event(clauses, members, own.get(n, ()), ranks, weights) for n, members in enumerate(groups)
    ]
    return tuple(
        sorted(
            events,
            key=lambda e: (
                e.date,
                ranks.get(e.evidence[0].article, 0),
                e.evidence[0].start,
                e.text,
            ),
        )
    )


def _entity_mentions(entities: Sequence[Entity]) -> dict[str, dict[tuple[int, int], str]]:
    """{article id: {(start, end): entity id}} from the story's entities."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    for entity in entities:
        for ref in entity.mentions:
            out.setdefault(ref.article, {})[(ref.start, ref.end)] = entity.id
    return out
