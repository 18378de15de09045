"""Helpers shared by the flag detectors: words, sentences, fixed names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..model import Article
from ..sources.independence import (
    words_of,
)
from .lexicons import _SENTENCE_END, FOREIGN_FUNCTION_WORDS
from .params import Signal

_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019-][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """The word tokens of ``text`` as (start, end, word): kept for the last few texts, as the
    detectors read the same article's tokens five times over (quality, translation, names)."""
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


def _sentence_start(text: str, start: int) -> bool:
    """True when the token at ``start`` opens a line or follows a sentence end (quotes and
    brackets in between allowed)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'\u201c\u2018([*#-\u2013\u2014":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END + "\n:"


def attested_names(text: str) -> frozenset[str]:
    """Capitalised tokens found mid-sentence and not right after a foreign function word,
    lower-cased: the names a text attests on their own ("Israel", "Pro-Turkish")."""
    found: set[str] = set()
    tokens = _tokens(text)
    for k, (s, _, tok) in enumerate(tokens):
        prev = tokens[k - 1][2] if k else ""
        if prev.lower() in FOREIGN_FUNCTION_WORDS and _adjacent(text, tokens, k):
            continue
        if tok[0].isupper() and not _sentence_start(text, s):
            found.add(tok.lower())
        elif tok[0].islower() and "-" in tok:
            found.add(tok.lower())  # "pro-Turkish" attests "Pro-Turkish"
    return frozenset(found)


def fixed_names(articles: Sequence[Article]) -> frozenset[str]:
    """Pairs "<foreign function word> <Name>" written twice or more in the story, lower-cased:
    fixed names ("Los Angeles", "Le Monde"), where a translation slip is a one-off."""
    counts: Counter[str] = Counter()
    for a in articles:
        tokens = _tokens(a.text)
        for k in range(len(tokens) - 1):
            tok, nxt = tokens[k][2], tokens[k + 1][2]
            if tok.istitle() and tok.lower() in FOREIGN_FUNCTION_WORDS and nxt[0].isupper():
                counts[f"{tok} {nxt}".lower()] += 1
    return frozenset(k for k, n in counts.items() if n >= 2)


def _adjacent(text: str, tokens: Sequence[tuple[int, int, str]], k: int) -> bool:
    """True when token k follows token k-1 with only spaces between."""
    return k > 0 and text[tokens[k - 1][1] : tokens[k][0]].strip() == ""


def _words(text: str) -> int:
    return max(1, len(words_of(text)))


def _spans(signals: Sequence[Signal], limit: int) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(s.start, s.end) for s in signals}))[:limit]


def _describe(signals: Sequence[Signal], names: Mapping[str, str], examples: int = 3) -> str:
    """Return "3 function words (La, Il, Le), 2 numbers ..." in the order of ``names``."""
    by_kind: dict[str, list[Signal]] = defaultdict(list)
    for s in signals:
        by_kind[s.kind].append(s)
    parts = []
    for kind, label in names.items():
        found = by_kind.get(kind)
        if not found:
            continue
        shown = list(dict.fromkeys(s.text for s in found))[:examples]
        quoted = ", ".join(f'"{t}"' for t in shown)
        parts.append(f"{len(found)} {label} ({quoted})")
    return "; ".join(parts)
