"""The story's names found again in articles written in another script.

A report in Arabic, Persian, Hebrew or Russian names the people and places of the story in its
own script ("ميركل", "Меркель"), where no spaCy model reads it. The names the story's
Latin-script articles hold are looked for there by sound: each word on both sides becomes a
consonant skeleton of its Latin transliteration (anyascii), with the spellings that
transliterations disagree on merged (p/b, v/f, z/s, "ce"/"ci"/"tsh"/"ch" as one sound ...) and
vowels, h, w and y dropped (scripts without written short vowels use w and y for long ones).
"Merkel" and "ميركل" are both "mrkl"; "Mazzini" and "ماتزيني" are "mtsn".

A name of one word needs a skeleton of at least four consonants to be looked for at all
(shorter skeletons match ordinary words of the other script too often: "Kamal" and كامل,
"complete", are both "kml"), and matches a word whose skeleton is equal or close (a similarity
ratio of at least ``CLOSE``, both of four consonants or more). A name of several words (four
consonants in all) matches as many words in a row, each equal, close, or, from three
consonants, one the other's beginning ("Laurent Fabius" and "لوران فابيوس": a silent final
t). Words glued to a name by a clitic of the article's language are tried without it
(``consilience.annotate.gazetteer_places.clitics``). Only names of the story are looked for:
nothing is invented from the other script alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Indel

from ..annotate.gazetteer_places import clitics
from .mentions import PROPAGATE_LABELS, Doc, place_span, surface_key

CLOSE = 0.85
MIN_SINGLE = 4  # consonants of a one-word name's skeleton, and of a longer name's in all
MIN_WORD = 3  # consonants of each skeleton compared by ratio within a name of several words
MAX_WORDS = 3
MIN_VOWELS = 2  # written vowels of a short place name matched by its vowel form
_SHORT_LABELS = frozenset({"GPE", "LOC", "FAC"})

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SOUNDS = (
    ("sch", "sh"),
    ("tsh", "sh"),
    ("tch", "sh"),
    ("ch", "sh"),
    ("zz", "ts"),
    ("gh", "g"),
    ("kh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("qu", "k"),
    ("ce", "se"),
    ("ci", "si"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("p", "b"),
    ("v", "f"),
    ("z", "s"),
    ("j", "g"),
)


@lru_cache(maxsize=65536)
def sound_skeleton(word: str) -> str:
    """Return the consonant skeleton of ``word`` in any script (see the module docstring)."""
    text = "".join(ch for ch in anyascii(word).lower() if ch.isalpha())
    for a, b in _SOUNDS:
        text = text.replace(a, b)
    out: list[str] = []
    for ch in text:
        if ch not in "aeiouhwy" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


_VOWEL_FORM = str.maketrans({"e": "i", "y": "i", "o": "u", "w": "u", "a": None, "h": None})


@lru_cache(maxsize=65536)
def vowel_form(word: str) -> str:
    """Return ``word`` in any script as consonants with its written vowels in two classes
    (i: e, i, y; u: o, u, w), a and h dropped, repeated letters once: "Rieti" and "رييتي"
    are "riti"."""
    text = "".join(ch for ch in anyascii(word).lower() if ch.isalpha())
    for a, b in _SOUNDS:
        text = text.replace(a, b)
    out: list[str] = []
    for ch in text.translate(_VOWEL_FORM):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _short_place(form: str) -> bool:
    """Return whether a vowel form is specific enough to match on: ``MIN_VOWELS`` vowels."""
    return sum(ch in "iu" for ch in form) >= MIN_VOWELS and any(ch not in "iu" for ch in form)


def _latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters) > (
        0.5 * len(letters)
    )


def _close(a: str, b: str, shortest: int = MIN_SINGLE) -> bool:
    """Return whether two word skeletons are one name's: equal; both of four consonants or more
    and of similarity ratio ``CLOSE`` or more; or, when ``shortest`` allows shorter ones, one
    the other's beginning (a silent final letter written in one script only: "Laurent" and
    "لوران")."""
    if a == b:
        return True
    if min(len(a), len(b)) >= MIN_SINGLE and Indel.normalized_similarity(a, b) >= CLOSE:
        return True
    return min(len(a), len(b)) >= shortest and (a.startswith(b) or b.startswith(a))


Name = tuple[str | None, str]  # (label, the name's surface key)


def _names(docs: Sequence[Doc]) -> dict[tuple[str, ...], Name]:
    """Return {skeletons of a name's words: (label, surface key)} for the names of the
    Latin-script articles worth looking for (the first mention of each wins)."""
    out: dict[tuple[str, ...], Name] = {}
    for doc in docs:
        if not _latin(doc.text[:2000]):
            continue
        for m in doc.mentions:
            if m.label not in PROPAGATE_LABELS:
                continue
            words = _WORD.findall(doc.surface(m))
            if not 1 <= len(words) <= MAX_WORDS or not words[0][:1].isupper():
                continue
            key = tuple(sound_skeleton(w) for w in words)
            name = (m.label, surface_key(doc.surface(m), m.label))
            if len(words) == 1 and len(key[0]) < MIN_SINGLE and m.label in _SHORT_LABELS:
                form = vowel_form(words[0])
                if _short_place(form):
                    out.setdefault(("=" + form,), name)
            if any(not k for k in key) or sum(map(len, key)) < MIN_SINGLE:
                continue
            out.setdefault(key, name)
            if len(key) > 1:  # the name written as one word in the other script
                out.setdefault(("".join(key),), name)
    return out


def propagate_across_scripts(docs: Sequence[Doc], languages: Sequence[str | None]) -> None:
    """Add a mention for each occurrence, in an article not written in Latin script, of a name
    the story's Latin-script articles hold (``languages``: each doc's language, for its
    clitics)."""
    names = _names(docs)
    if not names:
        return
    for doc, language in zip(docs, languages, strict=True):
        if _latin(doc.text[:2000]):
            continue
        glued = clitics().get(language or "", ())
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(doc.text)]
        i = 0
        while i < len(words):
            hit = _match(words, i, names, glued)
            if hit is None:
                i += 1
                continue
            start, end, (label, key), width = hit
            over = [m for m in doc.mentions if m.start < end and start < m.end]
            # a longer name of the story wins over a shorter place read inside it ("X del Y"
            # found whole, where the gazetteer alone read its first word as the town X)
            if all(
                start <= m.start and m.end <= end and (m.start, m.end) != (start, end) for m in over
            ) and (not over or width > 1):
                note = "known name found in another script"
                if place_span(doc, start, end, label, "propagated", note) and key:
                    for m in doc.mentions:
                        if (m.start, m.end) == (start, end):
                            m.key = key
            i += width


def _lowercase(word: str) -> bool:
    """Return True when ``word`` begins with a small letter of a script that has capitals
    (Cyrillic, Greek ...; Arabic and Hebrew have none). Only a name's first word must have one:
    "Карим аль-Валдори" keeps its particle small."""
    first = word[:1]
    return first.islower() and first.upper() != first


def _match(
    words: list[tuple[int, int, str]],
    i: int,
    names: dict[tuple[str, ...], Name],
    glued: tuple[str, ...],
) -> tuple[int, int, Name, int] | None:
    for width in range(min(MAX_WORDS, len(words) - i), 0, -1):
        span = words[i : i + width]
        if _lowercase(span[0][2]):
            continue  # a script with capitals opens a name with one: "провести" is a verb
        first = span[0][2]
        keys = []
        for cut in (*glued, ""):  # a clitic cut first: "و" (and) is silent in a skeleton
            if cut and not (first.startswith(cut) and len(first) - len(cut) >= 3):
                continue
            rest = (sound_skeleton(w) for _, _, w in span[1:])
            keys.append((cut, (sound_skeleton(first[len(cut) :]), *rest)))
        for cut, key in keys:  # an equal skeleton (or vowel form) first, with or without a cut
            exact = names.get(key)
            if exact is None and width == 1:
                exact = names.get(("=" + vowel_form(first[len(cut) :]),))
            if exact is not None:
                return span[0][0] + len(cut), span[-1][1], exact, width
        for cut, key in keys:  # then a close one
            for name, found in names.items():
                if name[0].startswith("="):
                    continue
                # in a name of several words each word may be shorter: the others confirm it
                shortest = MIN_SINGLE if width == 1 else MIN_WORD
                if len(name) == width and all(
                    _close(a, b, shortest) for a, b in zip(key, name, strict=True)
                ):
                    return span[0][0] + len(cut), span[-1][1], found, width
    return None
