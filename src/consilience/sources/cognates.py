"""Close translations: one text put into a neighbouring language almost word for word.

A wire story taken from one language into a close one (a Spanish agency text republished in
Catalan or Portuguese, an Italian one in Spanish) shares no word shingle with its original and
often too few figures for ``consilience.sources.translations``; yet sentence by sentence it
keeps the same ordinary words in the same order, spelled a little differently ("la empresa
presentó un recurso contra la decisión" / "l'empresa va presentar un recurs contra la
decisió"). Two reports of one event written independently in two such languages share names,
figures and a few words of the trade, not the run of everyday words of whole sentences.

Each word is reduced to a stem that survives such a translation: transliterated to ASCII
(``anyascii``), lower case, doubled letters made single, its vowels after the first letter
dropped, cut to ``CognateParams.stem`` letters ("presentó" and "presentar" -> "prs",
"decisión" and "decisió" -> "dcs"). Only words written in lower case count (a name is
capitalised in every cased script and is the fact detectors' business), of at least
``min_letters`` letters (articles and prepositions differ from one language to its neighbour
more than content words do), outside quotation marks (a quotation many outlets repeat, even
translated, is no copy). Scripts without case (Arabic, Hebrew, Chinese) give no stems: the rule
is silent there.

A pair of articles in two different languages is a close translation when
``sentences`` sentences of one, in text order, each share ``words`` stems or more in order with
a sentence of the other (in order too), covering ``cover`` of the shorter sentence's stems.

Measured on the 90 real articles of bench/multilingual.py: a Spanish wire text and its
Catalan copy linked (two sentences, 0.69 and 0.70 of their stems); no other pair of two
languages has two such sentences, even at five stems covering half (the nearest: one list of
tolls by region, one lead); on
MEANTIME's professional Spanish, Italian and Dutch translations of one English text, no pair
(free translations change the words: "matriz" / "capogruppo"), so nothing is linked there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from ..model import Article
from .passages import QUOTED, chain

__all__ = ["CognateParams", "close_translations", "stem"]


@dataclass(frozen=True, slots=True)
class CognateParams:
    """Thresholds of the close-translation rule (module docstring)."""

    stem: int = 3  # letters of a stem: the first letter and the consonants after it
    min_letters: int = 4  # shorter words give no stem
    words: int = 6  # stems a sentence shares in order with one of the other text
    cover: float = 0.6  # share of the shorter sentence's stems
    sentences: int = 2  # such sentences, in text order in both texts
    all_pairs: int = 300  # a larger set compares only pairs that share stem sequences:
    min_shared: int = 12  # this many distinct stem pairs (two stems in a row)
    rare: int = 50  # found in at most this many articles of the set


# A word: letters, with a Catalan middle dot inside ("col·lapse" is one word).
_WORD = re.compile(r"[^\W\d_]+(?:\u00b7[^\W\d_]+)*", re.UNICODE)
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")


def stem(word: str, params: CognateParams | None = None) -> str | None:
    """Return the stem a close translation keeps of ``word`` (a word written in lower case,
    of ``min_letters`` letters or more once in ASCII), else None: "decisión" -> "dcs"."""
    params = params or CognateParams()
    return _stem(word, params.stem, params.min_letters)


@lru_cache(maxsize=200_000)
def _stem(word: str, letters: int, min_letters: int) -> str | None:
    if not word.islower():
        return None
    ascii_ = _NOT_LETTER.sub("", anyascii(word).lower())
    if len(ascii_) < min_letters:
        return None
    single = _DOUBLED.sub(r"\1", ascii_)
    return (single[0] + _VOWELS.sub("", single[1:]))[:letters]


def close_translations(
    articles: Sequence[Article], params: CognateParams | None = None
) -> list[tuple[int, int, float]]:
    """Return (i, j, cover) for each pair i < j of ``articles`` in two different (known)
    languages that is a close translation; ``cover`` is the smallest stem share of the aligned
    sentences. A set in one language costs nothing."""
    params = params or CognateParams()
    if len({a.language for a in articles if a.language}) < 2:
        return []
    stems = _Stems(params)
    encoded = [stems.sentences(a) for a in articles]
    found = []
    for i, j in _candidates(articles, encoded, params):
        cover = _aligned(encoded[i], encoded[j], params)
        if cover is not None:
            found.append((i, j, round(cover, 3)))
    return found


class _Stems:
    """Sentences as strings of one character per stem (for the C implementation of LCS)."""

    def __init__(self, params: CognateParams) -> None:
        self.params = params
        self._vocabulary: dict[str, int] = {}

    def sentences(self, article: Article) -> list[str]:
        text = article.text or article.raw_text or ""
        if not article.language or not text:
            return []
        quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
        bounds = [(s.start, s.end) for s in article.annotations.sentences] or [
            (m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)
        ]
        out = []
        for start, end in bounds:
            keys = [
                _stem(m.group(), self.params.stem, self.params.min_letters)
                for m in _WORD.finditer(text, start, end)
                if not any(a <= m.start() < b for a, b in quoted)
            ]
            chars = "".join(self._char(k) for k in keys if k)
            if len(chars) >= self.params.words:
                out.append(chars)
        return out

    def _char(self, key: str) -> str:
        code = 0x100 + self._vocabulary.setdefault(key, len(self._vocabulary))
        return chr(code + 0x800 if code >= 0xD800 else code)  # no surrogate code points


def _candidates(
    articles: Sequence[Article], encoded: Sequence[list[str]], params: CognateParams
) -> list[tuple[int, int]]:
    """Pairs (i < j) of two different known languages, each with ``sentences`` sentences or
    more; in a set of more than ``all_pairs`` articles only those that share ``min_shared``
    distinct stem pairs (two stems in a row) found in at most ``rare`` articles."""
    usable = [
        i for i, a in enumerate(articles) if a.language and len(encoded[i]) >= params.sentences
    ]
    if len(articles) <= params.all_pairs:
        return [
            (i, j)
            for i, j in combinations(usable, 2)
            if articles[i].language != articles[j].language
        ]
    index: dict[str, list[int]] = defaultdict(list)
    for i in usable:
        for pair in {s[n : n + 2] for s in encoded[i] for n in range(len(s) - 1)}:
            index[pair].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > params.rare or len({articles[i].language for i in members}) < 2:
            continue
        for i, j in combinations(members, 2):
            if articles[i].language != articles[j].language:
                shared[(i, j)] += 1
    return sorted(p for p, n in shared.items() if n >= params.min_shared)


def _aligned(a: list[str], b: list[str], params: CognateParams) -> float | None:
    """The smallest cover of ``params.sentences`` sentence pairs in order in both texts, each
    sharing ``words`` stems in order covering ``cover`` of the shorter; None when too few."""
    shared = process.cdist(a, b, scorer=LCSseq.similarity, dtype=np.int32)
    shorter = np.minimum.outer(
        np.fromiter(map(len, a), dtype=np.int32, count=len(a)),
        np.fromiter(map(len, b), dtype=np.int32, count=len(b)),
    )
    ok = (shared >= params.words) & (shared >= params.cover * shorter)
    rows, columns = np.nonzero(ok)
    if chain(rows, columns) < params.sentences:
        return None
    return float((shared / shorter)[ok].min())
