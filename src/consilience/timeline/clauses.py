"""The clause a date belongs to, cut from its parsed sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import (
    Article,
    DateMention,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
from .candidates import _forward_if_future, _is_edge
from .lexicons import (
    _AFTER_VERB,
    _CONTENT_POS,
    _CUT_IN_PHRASES,
    _KEEP_PREPS,
    _LIGHT,
    _MARKUP,
    _PREPOSITIONS,
    _RELATIVE,
    _SUBJECTS,
    _SUFFIXES,
    _TIME_NOUNS,
    _VERBAL,
    FAMILIES,
    REPORTING,
)
from .params import MAX_WORDS
from .records import DatedClause


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
    # each token's span in the article, read once (not once per name of the article)
    spans = [(i, base + doc[i].idx, base + doc[i].idx + len(doc[i].text)) for i in ids]
    low = min((s for _, s, _ in spans), default=0)
    high = max((e for _, _, e in spans), default=0)
    for start, end, key, _place in names:
        if end <= low or start >= high:  # no token of the clause can lie inside this name
            continue
        inside = {i for i, s, e in spans if s < end and start < e}
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
