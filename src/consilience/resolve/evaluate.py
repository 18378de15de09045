"""Scoring entity resolution against a labelled set: B-cubed precision, recall and F1 over
mentions.

A labelled set is a JSON file (format in ``docs/entities.md``)::

    {"articles": {"<article key>": {"<surface>": "<cluster label>", ...}, ...},
     "occurrences": {"<article key>": {"<surface>#<n>": "<label>" | null, ...}}}

The gold mentions of an article are the case-sensitive occurrences of the listed surfaces in the
article's cleaned text that stand as whole words (no letter or digit right before or after),
longest surface first, never overlapping. ``occurrences`` overrides the label of the n-th such
occurrence of a surface (0-based, in text order); ``null`` drops it. So a set holds names and
labels only, never a sentence of the articles it labels.

Scoring (B-cubed over the gold mentions): a gold mention the system has no mention for with
exactly that span counts as a cluster of its own; system mentions the gold set does not list are
left out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..evaluation import bcubed
from ..model import Article, Entity

__all__ = ["Score", "article_key", "bcubed", "gold_mentions", "load_gold", "score_story"]


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    mentions: int  # gold mentions scored
    found: int  # gold mentions the system has with exactly that span

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "mentions": self.mentions,
            "found": self.found,
        }


def article_key(article: Article) -> str:
    """Return the key that names an article in a labelled set: its file name, plus ":<line>"
    for a JSON-lines record or "#<entry>" for a feed entry."""
    name = Path(article.source.path).name
    if article.source.line is not None:
        return f"{name}:{article.source.line}"
    if article.source.entry is not None:
        return f"{name}#{article.source.entry}"
    return name


def _matches(key: str, article: Article) -> bool:
    """Return whether a labelled-set key names this article (its full key, or the part of its
    file name before the first "_")."""
    full = article_key(article)
    return key == full or full.split("_", 1)[0] == key


def load_gold(path: str | Path) -> dict:
    """Return a labelled set read from JSON."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def gold_mentions(
    text: str, surfaces: Mapping[str, str], overrides: Mapping[str, str | None] | None = None
) -> list[tuple[int, int, str]]:
    """Return the gold mentions (start, end, label) of one article's text, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    for surface in sorted(surfaces, key=lambda s: (-len(s), s)):
        pos = text.find(surface)
        while pos != -1:
            end = pos + len(surface)
            if _whole_word(text, pos, end) and not any(a < end and pos < b for a, b in taken):
                taken.append((pos, end))
                found.append((pos, end, surfaces[surface]))
            pos = text.find(surface, pos + 1)
    found.sort()
    if overrides:
        nth: Counter[str] = Counter()
        kept = []
        for start, end, label in found:
            surface = text[start:end]
            ref = f"{surface}#{nth[surface]}"
            nth[surface] += 1
            if ref in overrides:
                relabelled = overrides[ref]
                if relabelled is None:
                    continue
                label = relabelled
            kept.append((start, end, label))
        found = kept
    return found


def score_story(articles: Sequence[Article], entities: Iterable[Entity], gold: Mapping) -> Score:
    """Return the B-cubed score of a story's entities against a labelled set. Raises KeyError
    when a key of the set names no article."""
    system: dict[tuple[str, int, int], str] = {}
    for e in entities:
        for ref in e.mentions:
            system[(ref.article, ref.start, ref.end)] = e.id
    gold_items: dict[tuple[str, int, int], str] = {}
    overrides = gold.get("occurrences", {})
    for key, surfaces in gold["articles"].items():
        article = next((a for a in articles if _matches(key, a)), None)
        if article is None:
            raise KeyError(f"no article matches the labelled-set key {key!r}")
        for start, end, label in gold_mentions(article.text, surfaces, overrides.get(key)):
            gold_items[(article.id, start, end)] = label
    p, r, f = bcubed(gold_items, system)
    found = sum(1 for item in gold_items if item in system)
    return Score(p, r, f, len(gold_items), found)
