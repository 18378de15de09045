"""Copy, rewrite and translation flags: the passages an article shares with the report it copies
or rewrites, and the report it translates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Flag, Source
from ..sources.independence import (
    fact_keys,
    fact_name_key,
    rewrite_alignment,
    shingle_set,
    words_of,
)
from ..text import shingle_hashes


def _source_flags(
    by_id: Mapping[str, Article], sources: Sequence[Source]
) -> Iterable[tuple[str, Flag]]:
    for source in sources:
        origin = source.articles[0] if source.articles else None
        for aid, kind, of in source.relations:
            if aid not in by_id or of not in by_id:
                continue
            related = (of,) if of == origin else (of, origin)
            a, b = by_id[aid], by_id[of]
            if kind == "copy":
                spans, share = _copied_spans(a, b)
                detail = f"republishes {_label(b)}: {share:.0%} of its 5-word sequences occur there"
            elif kind == "translation":
                spans = []
                detail = (
                    f"translates {_label(b)} ({a.language or 'unknown language'} from "
                    f"{b.language or 'unknown language'}): the same lead and the same figures "
                    f"in the same order, in another language"
                )
            else:
                spans, aligned, total = _aligned_sentences(a, b)
                detail = (
                    f"rewrites {_label(b)}: {aligned} of its {total} facts (names, figures, "
                    f"dates) occur there in the same order, in other words"
                )
            if origin is not None and origin != of:
                detail += f"; that report in turn comes from {_label(by_id[origin])}"
            yield aid, Flag(kind, detail, tuple(spans), tuple(r for r in related if r))


def _label(article: Article) -> str:
    who = article.outlet or article.title or article.id
    when = f", {article.published.date}" if article.published.date else ""
    return f"article {article.id} ({who}{when})"


def _copied_spans(a: Article, b: Article) -> tuple[list[tuple[int, int]], float]:
    """Return the stretches of ``a`` made of 5-word sequences found in ``b`` (merged), and the
    share of ``a``'s sequences found there."""
    other = set(shingle_set(b.text).tolist())
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", a.text)]
    words = words_of(a.text)
    hashes = _window_hashes(words)
    if not hashes:
        return [], 0.0
    spans: list[tuple[int, int]] = []
    hits = 0
    for i, h in enumerate(hashes):
        if h in other:
            hits += 1
            s, e = tokens[i][0], tokens[min(i + 4, len(tokens) - 1)][1]
            if spans and s <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
    return spans, hits / len(hashes)


def _window_hashes(words: list[str]) -> list[int]:
    return shingle_hashes(words, 5).tolist()


def _aligned_sentences(a: Article, b: Article) -> tuple[list[tuple[int, int]], int, int]:
    """Return the sentences of ``a`` whose fact keys align with ``b``'s, the number of aligned
    keys and ``a``'s number of keys."""
    fa, fb = fact_keys(a), fact_keys(b)
    aligned, _, _ = rewrite_alignment(fa, fb)
    shared = set(fa.keys) & set(fb.keys)
    spans = []
    for s in a.annotations.sentences:
        keys = _sentence_keys(a, s.start, s.end)
        if len(keys & shared) >= 2 or (keys and keys <= shared):
            spans.append((s.start, s.end))
    return spans, aligned, len(fa.keys)


def _sentence_keys(a: Article, start: int, end: int) -> set[str]:
    keys = set()
    for e in a.annotations.entities:
        if start <= e.start < end:
            k = fact_name_key(a.text[e.start : e.end])
            if k:
                keys.add(k)
    for q in a.annotations.quantities:
        if start <= q.start < end:
            keys.add(f"n:{int(q.value)}" if float(q.value).is_integer() else f"n:{q.value:g}")
    for d in a.annotations.dates:
        if start <= d.start < end and d.kind == "date" and d.value:
            keys.add("d:" + d.value)
    return keys
