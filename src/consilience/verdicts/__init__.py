"""Story-level verdicts: which reports are independent, what is established, what is disputed.

``analyze_story(articles, entities, sources)`` extracts and aligns the story's claims
(``consilience.claims``) and judges them: it returns the story's ``Claim`` records.
``judge(candidates, articles, sources)`` turns aligned claim candidates into those records,
counting an article and its copies once (the ``sources`` come from ``consilience.sources``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..claims import AlignParams, extract_claims
from ..model import Article, Claim, Entity, Source
from .judge import judge

if TYPE_CHECKING:  # pragma: no cover
    from ..annotate.gist import SentenceEncoder
    from ..gazetteer import Gazetteer

__all__ = ["analyze_story", "judge"]


def analyze_story(
    articles: Sequence[Article],
    entities: Sequence[Entity] = (),
    sources: Sequence[Source] = (),
    *,
    gazetteer: Gazetteer | None = None,
    params: AlignParams | None = None,
    encoder: SentenceEncoder | None = None,
) -> tuple[Claim, ...]:
    """Return the story's claims, ids "c1", "c2" ... (disputed first, then updated,
    corroborated and single-source; see ``consilience.verdicts.judge``). ``params``: how
    claims are aligned (``Settings.align``; the defaults when None); ``encoder``: the
    multilingual sentence encoder that aligns statements across languages (see
    ``consilience.claims.extract_claims``)."""
    candidates = extract_claims(
        articles, entities, params, gazetteer=gazetteer, encoder=encoder, sources=sources
    )
    return judge(candidates, {a.id: a for a in articles}, sources)
