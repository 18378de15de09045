"""Claims: the facts a story's articles state, aligned across articles, then judged.

``extract_claims(articles, entities)`` returns one ``ClaimCandidate`` per fact each article
states (a sentence, or the clause around a figure), each with its attribution and stance, with
``group`` set so that candidates reporting the same fact share a group (see ``align``).
The verdicts come after, in ``consilience.verdicts`` (``analyze_story(articles, entities,
sources)`` returns the story's ``Claim`` records). How it works: docs/claims.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article, Entity

if TYPE_CHECKING:  # pragma: no cover
    from ..gazetteer import Gazetteer
from .align import AlignParams, align
from .extract import article_candidates
from .keys import EntityKeys
from .records import ClaimCandidate, EventDate, Figure

__all__ = [
    "AlignParams",
    "ClaimCandidate",
    "EventDate",
    "Figure",
    "extract_claims",
]


def extract_claims(
    articles: Sequence[Article],
    entities: Sequence[Entity] = (),
    params: AlignParams | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> list[ClaimCandidate]:
    """Return the claim candidates of ``articles`` (in article-id order, then text order),
    each with ``group`` set: candidates of one group report the same fact.

    ``entities`` are the story's resolved entities; when given, a mention of one of them is
    keyed by its entity id, so spellings the resolution joined compare equal. ``gazetteer``
    (a ``consilience.gazetteer.Gazetteer``, the run's) places towns in their country; without
    it places stay without a country (and give no place conflict).
    """
    keys = EntityKeys(entities, gazetteer)
    candidates: list[ClaimCandidate] = []
    for article in sorted(articles, key=lambda a: a.id):
        candidates.extend(article_candidates(article, keys))
    return align(candidates, params)
