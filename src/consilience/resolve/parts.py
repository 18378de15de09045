"""Parts of a building named by what they are: "the spire", "la flèche", "la guglia", "l'agulla",
"البرج المدبب".

News of a fire, a quake or an attack at a landmark tells what happened to its parts (the spire
collapsed, the dome held, the minaret fell) with a common noun in the reader's language, which
no model takes for a name. The nouns of each part, per language, are general vocabulary kept in
a data file (``annotate/data/landmark_parts.json``). In an article that names a building by a
noun of its kind (``annotate/data/kind_nouns.json``: "cathedral", "mosquée", "torre"),
``find_parts`` makes each noun of its own language a mention; within one story (one event at
one building) the nouns of one part are one entity, which ``kind_of_part`` lets the resolver
join across languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .mentions import Doc, place_span

NOTE = "a part of a building named by what it is"
LABEL = "FAC"
# Arabic writes the article and one-letter proclitics onto the noun ("والكاتدرائية"): a kind
# noun counts inside a word with at most this many letters before it.
_ARABIC_PREFIX = 3


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, str]]:
    """Return {language: {casefolded noun: part}} from the data file."""
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/landmark_parts.json")
        .read_text("utf-8")
    )
    out: dict[str, dict[str, str]] = {}
    for part, by_language in raw.items():
        if part.startswith("_"):
            continue
        for language, nouns in by_language.items():
            for noun in nouns:
                out.setdefault(language, {})[_plain(noun)] = part
    return out


@lru_cache(maxsize=64)
def _pattern(language: str) -> re.Pattern[str] | None:
    nouns = _lexicon().get(language)
    if not nouns:
        return None
    ordered = sorted(nouns, key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _kind_nouns() -> dict[str, frozenset[str]]:
    raw = json.loads(
        resources.files("consilience.annotate").joinpath("data/kind_nouns.json").read_text("utf-8")
    )
    return {
        lang: frozenset(_plain(w) for w in words)
        for lang, words in raw.items()
        if not lang.startswith("_")
    }


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def names_a_building(text: str, language: str | None) -> bool:
    """Return whether ``text`` holds a noun naming the kind of a building in ``language``."""
    kinds = _kind_nouns().get(language or "")
    if not kinds:
        return False
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        if word in kinds:
            return True
        if language == "ar" and any(
            word.endswith(k) and len(word) - len(k) <= _ARABIC_PREFIX for k in kinds
        ):
            return True
    return False


def part_spans(text: str, language: str | None) -> list[tuple[int, int, str]]:
    """Return (start, end, part) of each noun of a building part of ``language`` in ``text``."""
    pattern = _pattern(language or "")
    if pattern is None:
        return []
    nouns = _lexicon()[language or ""]
    return [(m.start(), m.end(), nouns[_plain(m.group())]) for m in pattern.finditer(text)]


def find_parts(docs: Sequence[Doc], languages: Sequence[str | None]) -> None:
    """Make each noun of a building part a mention (a facility) in the articles that name a
    building by a noun of its kind, where no mention overlaps it."""
    for doc, language in zip(docs, languages, strict=True):
        spans = part_spans(doc.text, language)
        if not spans or not names_a_building(doc.text, language):
            continue
        for start, end, _ in spans:
            if any(m.start < end and start < m.end for m in doc.mentions):
                continue
            place_span(doc, start, end, LABEL, "rule", NOTE)


@lru_cache(maxsize=4096)
def kind_of_part(surface: str) -> str | None:
    """Return the part of a building ``surface`` names as a whole ("spire" for "Spire",
    "flèche" or "guglia"), in any language of the data file, or None."""
    said = _plain(surface)
    for nouns in _lexicon().values():
        if said in nouns:
            return nouns[said]
    return None
