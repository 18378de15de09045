"""Public bodies named by what they do: "the civil protection agency", "la protezione civile",
"el Servicio Geológico de Estados Unidos", "النيابة العامة".

News names a civil protection agency, a prosecutor's office, a geological survey or a fire
service by its function, in the reader's language and often in lower case, where the model
finds no name or finds one per language. The phrases of each kind of body, per language, are
general vocabulary kept in a data file (``annotate/data/institutions.json``). Within one story
(one event) the phrases of one kind are one body: ``find_institutions`` makes the lower-case
ones mentions, and ``kind_of_body`` says which kind a name is, for the resolver to join them.
A place's name right before such a phrase, or before a word that names a body only there
("the Paris prosecutor", ``_after_a_place`` in the data file), is one mention with it: "Paris
prosecutor's office" is the body, not the city. International bodies whose name each language
translates ("United Nations", "Naciones Unidas", "ООН"; "Red Crescent", "Media Luna Roja") are
listed and joined the same way; a phrase written in capitals ("UN", "OMS") counts only so
written ("Un incendio" holds no UN).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources

from .mentions import PLACE_LABELS, Doc, is_title, place_span

NOTE = "a public body named by what it does"
MIN_COVER = 0.5  # share of a name's letters the phrase must cover to name the body itself


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """Return the pattern of every phrase, the kind of each (casefolded) phrase and the
    phrases that may open a compound (German)."""
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/institutions.json")
        .read_text("utf-8")
    )
    kinds: dict[str, str] = {}
    compound: set[str] = set()
    for kind, by_language in raw.items():
        if kind.startswith("_"):
            continue
        for language, phrases in by_language.items():
            for phrase in phrases:
                key = _plain(phrase)
                kinds[key] = kind
                if language == "de" and not _is_acronym(phrase):
                    compound.add(key)
    alternatives = sorted(kinds, key=len, reverse=True)
    apostrophe = "['\u2019]"
    body = "|".join(
        re.escape(p)
        .replace(r"\ ", r"\s+")
        .replace("'", apostrophe)
        .replace(apostrophe + "s", f"s?{apostrophe}s?")  # "prosecutor's", "prosecutors'"
        for p in alternatives
    )
    return re.compile(rf"(?<!\w)(?:{body})\w*", re.IGNORECASE), kinds, frozenset(compound)


# A possessive however written: "prosecutor's", "prosecutors'", "prosecutors's" read as one.
_POSSESSIVE = re.compile(r"s?'s?(?=\s|$)")


def _plain(text: str) -> str:
    return _POSSESSIVE.sub("'s", " ".join(text.casefold().replace("\u2019", "'").split()))


def _is_acronym(phrase: str) -> bool:
    """Return True for a phrase written in capitals ("UN", "ООН", "OTAN"): it names the body
    only so written ("un", "Un" are articles; "WHO" is not "Who")."""
    letters = [ch for ch in phrase if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, frozenset[str]]:
    """The phrases of the lexicon written in capitals, casefolded, each with the spellings the
    lexicon gives it ("onu": "ONU", "Onu"): only those name the body."""
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/institutions.json")
        .read_text("utf-8")
    )
    spellings: dict[str, set[str]] = {}
    for kind, by_language in raw.items():
        if kind.startswith("_"):
            continue
        for phrases in by_language.values():
            for p in phrases:
                spellings.setdefault(_plain(p), set()).add(p)
    return {
        key: frozenset(forms)
        for key, forms in spellings.items()
        if any(_is_acronym(f) for f in forms)
    }


# Bodies of the world (``INTERNATIONAL``) are one body in a story only under their name alone:
# "Turkish Red Crescent" and "Iranian Red Crescent" are two societies.
INTERNATIONAL = frozenset(
    {
        "united_nations",
        "red_cross",
        "red_crescent",
        "world_health_organization",
        "european_union",
        "nato",
    }
)
# A word written in capitals beside an acronym: a line in capitals ("UN AÑO DESPUÉS"), where
# capitals say nothing.
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _phrases(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, kind) of each phrase of the lexicon in ``text``: whole words (a
    German phrase may open a compound), a one-word phrase only when written with a capital in
    a script that has capitals."""
    pattern, kinds, compound = _lexicon()
    found = []
    for m in pattern.finditer(text):
        said = _plain(m.group())
        key = next((k for k in _prefixes(said) if k in kinds), None)
        if key is None:
            continue
        if len(said) > len(key) and key not in compound:
            continue  # the phrase runs into a longer word ("procurare")
        first = m.group()[0]
        if " " not in key and first.lower() == first and first.upper() != first:
            continue  # "procura" (a verb), not "Procura"
        forms = _acronyms().get(key)
        if forms is not None and (m.group() not in forms or _in_capitals(text, m.start(), m.end())):
            continue  # "Un incendio", "Who said", "UN AÑO DESPUÉS": no acronym
        found.append((m.start(), m.end(), kinds[key]))
    return found


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Return True when the word before or after ``text[start:end]`` is written in capitals."""
    before = _CAPS_WORD.findall(text[max(0, start - 30) : start])
    after = _CAPS_WORD.findall(text[end : end + 30])
    near = ([before[-1]] if before else []) + ([after[0]] if after else [])
    return any(w.isupper() for w in near)


def _prefixes(said: str) -> Iterator[str]:
    """``said`` and its shorter prefixes, longest first (the phrase a match starts with), one
    at a time (the first is most often the one)."""
    return (said[:n] for n in range(len(said), 0, -1))


@lru_cache(maxsize=1)
def _not_after() -> frozenset[str]:
    """The words (indefinite articles) after which a place and such a word name a person ("a
    Lyon prosecutor"), casefolded."""
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/institutions.json")
        .read_text("utf-8")
    )
    words = raw.get("_after_a_place", {}).get("_not_after", {}).values()
    return frozenset(_plain(w) for ws in words for w in ws)


@lru_cache(maxsize=1)
def _after_a_place() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Return the pattern of the words that name a body right after its place's name ("the
    Paris prosecutor"), anchored at the start, and the kind of each (casefolded) word."""
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/institutions.json")
        .read_text("utf-8")
    )
    kinds: dict[str, str] = {}
    for kind, by_language in raw.get("_after_a_place", {}).items():
        if kind.startswith("_"):
            continue
        for words in by_language.values():
            for word in words:
                kinds[_plain(word)] = kind
    if not kinds:
        return None, kinds
    body = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"[ \t]+({body})(?![\w-])"), kinds


def find_institutions(docs: Sequence[Doc]) -> None:
    """Make each phrase of the lexicon that no mention overlaps a mention (an organisation),
    and a place's name with a word that names its body right after it ("Paris prosecutor")
    one mention of the body."""
    after, _ = _after_a_place()
    for doc in docs:
        for start, end, _ in _phrases(doc.text):
            over = [m for m in doc.mentions if m.start < end and start < m.end]
            if any(m.start < start or end < m.end or m.label != "GPE" for m in over) or (
                over and " " not in doc.text[start:end]
            ):
                continue
            # no mention, or only places read inside the phrase ("Media Luna" in "Media Luna
            # Roja", the town of that name): the whole phrase is the body
            place_span(doc, start, end, "ORG", "rule", NOTE)
        for place in [m for m in doc.mentions if m.label in PLACE_LABELS]:
            body_end = _body_after(doc, place.end, after)
            if body_end is None:
                continue
            if any(
                m is not place and m.start < body_end and place.start < m.end and m.note != NOTE
                for m in doc.mentions
            ):
                continue
            place_span(doc, place.start, body_end, "ORG", "rule", NOTE)


def _body_after(doc: Doc, at: int, after: re.Pattern[str] | None) -> int | None:
    """Return where a body named right after a place's name ending at ``at`` ends: a phrase
    found as a body ("Paris | fire brigade", "Paris | prosecutor's office") or a word that names
    one after a place ("Paris | prosecutor"); None when neither follows (spaces only between)."""
    gap = len(doc.text[at:]) - len(doc.text[at:].lstrip(" \t"))
    if gap:
        for m in doc.mentions:
            if m.start == at + gap and m.note == NOTE:
                return m.end
    hit = after.match(doc.text, at) if after is not None else None
    if hit is None:
        return None
    before = re.search(r"([^\W\d_]+)\W*$", doc.text[: _place_start(doc, at)])
    if before is not None and _plain(before.group(1)) in _not_after():
        return None  # "a Lyon prosecutor": one of the town's prosecutors, a person
    return hit.end(1)


def _place_start(doc: Doc, end: int) -> int:
    return min((m.start for m in doc.mentions if m.end == end), default=end)


def kind_of_body(surface: str, whole: bool = False) -> str | None:
    """Return the kind of public body ``surface`` names ("civil_protection" for "Protección
    Civil" or "Civil Protection Agency"), or None: a phrase of the lexicon must cover at least
    ``MIN_COVER`` of its letters ("Italian Civil Protection" yes, "Civil Protection chief
    Fabrizio Curcio" no: a title or role word besides the phrase makes it a person), with
    ``whole`` all of them."""
    letters = sum(ch.isalpha() for ch in surface)
    _, after = _after_a_place()
    words = surface.split()
    if (
        len(words) >= 2
        and _plain(words[-1]) in after
        and words[-2][:1].isupper()
        and not any(is_title(w) for w in words[:-1])
    ):
        return after[_plain(words[-1])]
    best = None
    for start, end, kind in _phrases(surface):
        rest = surface[:start] + " " + surface[end:]
        if any(is_title(w) for w in re.findall(r"[^\W\d_]+", rest)):
            continue
        alone = whole or kind in INTERNATIONAL
        if (
            sum(ch.isalpha() for ch in surface[start:end])
            >= (1.0 if alone else MIN_COVER) * letters
        ):
            best = best or kind
    return best
