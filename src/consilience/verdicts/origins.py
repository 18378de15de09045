"""Where a report comes from, for counting independent sources.

Two reports share an origin when

1. their articles belong to one of the story's ``Source`` records (an article and its copies
   and rewrites count once; without sources every article is its own), or
2. they are traced to one news agency: by their attribution ("told AFP", "according to
   Reuters") or by their article's wire credit (a wire copy carried by an outlet).

Sharing is transitive; ``count`` returns the number of distinct origins among reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..claims.records import ClaimCandidate
from ..model import Article, Source


class Origins:
    """Origins of the reports of one story."""

    def __init__(self, articles: Mapping[str, Article], sources: Sequence[Source] = ()) -> None:
        self.articles = articles
        self.source_of: dict[str, str] = {}
        for src in sources:
            for aid in src.articles:
                self.source_of.setdefault(aid, src.id)
        self._agency: dict[str, str | None] = {}
        # the articles that translate another article of the story: its wording is the
        # original's, read through a translator
        self.translations: frozenset[str] = frozenset(
            t for src in sources for t, rel, _ in src.relations if rel == "translation"
        )

    def keys(self, cand: ClaimCandidate) -> list[str]:
        """Return the origin keys of one report: "source:<id>", plus "agency:<name>" when it
        is traced to an agency."""
        keys = [f"source:{self.source_of.get(cand.article, cand.article)}"]
        article = self.articles.get(cand.article)
        traced = _traced(article, cand) if article is not None and cand.attribution else None
        agency = traced or self.agency(cand.article)
        if agency:
            keys.append(f"agency:{agency}")
        return keys

    def groups(self, cands: Sequence[ClaimCandidate]) -> list[list[ClaimCandidate]]:
        """Return the reports grouped by shared origin, in order of first appearance."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        keys = [self.keys(c) for c in cands]
        for ks in keys:
            root = find(ks[0])
            for k in ks[1:]:
                parent[find(k)] = root
        out: dict[str, list[ClaimCandidate]] = {}
        for c, ks in zip(cands, keys, strict=True):
            out.setdefault(find(ks[0]), []).append(c)
        return list(out.values())

    def count(self, cands: Sequence[ClaimCandidate]) -> int:
        """Return the number of independent origins among ``cands``."""
        return len(self.groups(cands))

    def name(self, cands: Sequence[ClaimCandidate]) -> str:
        """Return how a reader names the origin shared by ``cands``: the agency they are
        traced to, else the first article's label."""
        for c in cands:
            for k in self.keys(c)[1:]:
                return k.partition(":")[2]
        first = cands[0].article
        return article_label(self.articles[first]) if first in self.articles else first

    def agency(self, article_id: str) -> str | None:
        """Return the agency the article is credited to, or None."""
        if article_id not in self._agency:
            article = self.articles.get(article_id)
            self._agency[article_id] = _agency_of(article) if article is not None else None
        return self._agency[article_id]


def article_label(article: Article) -> str:
    """Return how a reader names an article: its outlet, else its file name (with the line or
    feed entry), else its id."""
    if article.outlet:
        return article.outlet
    src = article.source
    if src.path and src.path != "-":
        name = Path(src.path).name
        if src.line is not None:
            return f"{name}:{src.line}"
        if src.entry is not None:
            return f"{name}#{src.entry}"
        return name
    return article.id


def _traced(article: Article, cand: ClaimCandidate) -> str | None:
    try:
        from ..sources.independence import traced_origin
    except ImportError:  # the independence module is optional here
        return None
    assert cand.attribution is not None
    return traced_origin(article, cand.attribution)


def _agency_of(article: Article) -> str | None:
    try:
        from ..sources.independence import agency_of
    except ImportError:
        return None
    return agency_of(article)
