"""Text helpers shared across packages: word shingles and the ASCII key of a name.

* :func:`shingle_hashes` - 32-bit hashes of the k-word windows of a word list (copy detection
  in ``sources.independence``; the copied passages a flag points at in ``flags``).
* :func:`ascii_key` - the exact-match key of a name: transliterated to lower-case ASCII,
  punctuation and articles dropped (gazetteer lookups, place and entity resolution).
* :func:`shorten` - one line of text cut at a word boundary with an ellipsis (a story's or an
  article's opening sentence standing in for a missing title).
* :func:`ascii_digits` - the digits of any script as ASCII, offsets kept (dates in
  ``annotate.dates``, head lines in ``ingest.head``).

Other modules keep their own, different keys under names that say what they are for:
``sources.independence.fact_name_key`` (a name in a sequence of facts: one word or initials)
and ``claims.keys.spelling_key`` (a person by the last word of the name).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from anyascii import anyascii

__all__ = ["ARABIC_ARTICLES", "LEAD_CHARS", "ascii_key", "shingle_hashes", "shorten"]

LEAD_CHARS = 110  # an opening sentence standing in for a title is cut before this many


def shorten(line: str, limit: int = LEAD_CHARS) -> str:
    """Return ``line`` with spaces collapsed, cut at a word boundary before ``limit``
    characters when longer (an ellipsis marks the cut)."""
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return (cut or line[:limit]) + "…"


# ----------------------------------------------------------------------------- shingles

_MASK32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def shingle_hashes(words: Sequence[str], k: int) -> np.ndarray:
    """Return the 32-bit hashes of the k-word windows of ``words`` (one window of all the words
    when there are fewer than k), in order, duplicates kept."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter((_word_hash(x) for x in words), dtype=np.uint64, count=len(words))
    k = min(k, len(w))
    n = len(w) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the point
        for off in range(k):
            h = h * _MIX + w[off : off + n]
        h ^= h >> np.uint64(29)
    return h & _MASK32


# ----------------------------------------------------------------------------- name keys

# Arabic definite-article forms as transliterated into Latin script (glued by a hyphen or
# standing alone): dropped from name keys here and from initials in ``resolve.names``.
ARABIC_ARTICLES = frozenset("al el as ad ar an at az ash ath adh ed es er en et ez esh".split())
_ARTICLES = ARABIC_ARTICLES | {"the"}
_SEPARATORS = re.compile(r"[\s\-_/\u2010-\u2015]+")
_NOT_KEY = re.compile(r"[^a-z0-9 ]+")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


def _drop_articles(tokens: list[str]) -> list[str]:
    """Return ``tokens`` without article tokens that precede another token."""
    kept = [t for i, t in enumerate(tokens) if t not in _ARTICLES or i == len(tokens) - 1]
    return kept or tokens


def ascii_key(name: str) -> str:
    """Return the normalised ASCII key of a name ("" when nothing is left).

    Transliterated with anyascii, lower-cased, possessive 's dropped, apostrophes and other
    punctuation removed, hyphens read as spaces, Arabic articles (al-, el-, as-, ash- ...) and a
    leading "the" dropped whether glued by a hyphen or separate, spaces collapsed.
    """
    text = _POSSESSIVE.sub("", name.strip())
    text = _SEPARATORS.sub(" ", anyascii(text).lower())
    tokens = _NOT_KEY.sub("", text).split()
    return " ".join(_drop_articles(tokens))


def ascii_digits(text: str) -> str:
    """Return ``text`` with each decimal digit of another script (Arabic-Indic, Persian,
    Devanagari ...) written as its ASCII digit: the same length, the same offsets."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.digit(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )
