"""The flags of every article of one story (``article_flags``)."""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import Any

from ..model import Article, Flag, Source
from .copies import _source_flags
from .helpers import fixed_names
from .params import FLAG_KINDS, FlagParams
from .quality import quality_flag
from .translation import translation_flag
from .unsupported import StorySupport, added_flag, unsupported_flag
from .vocabulary import english_vocabulary


def article_flags(
    articles: Sequence[Article],
    sources: Sequence[Source],
    *,
    gazetteer: Any | None = None,
    vocabulary: Container[str] | None = None,
    params: FlagParams | None = None,
) -> dict[str, tuple[Flag, ...]]:
    """Return the flags of every article of one story, keyed by article id (an article with
    no flag maps to ``()``), each article's flags in the order of ``FLAG_KINDS``.

    ``sources`` are the story's independent origins (``sources.independence.find_sources``).
    ``gazetteer`` (a ``consilience.gazetteer.Gazetteer``) enables the place-name signals of
    machine translation; ``vocabulary`` (a set of lower-case English words) the misspelling
    signal, and defaults to ``english_vocabulary()``."""
    params = params or FlagParams()
    if vocabulary is None:
        vocabulary = english_vocabulary() or frozenset()
    by_id = {a.id: a for a in articles}
    out: dict[str, list[Flag]] = {a.id: [] for a in articles}
    for aid, relation in _source_flags(by_id, sources):
        out[aid].append(relation)
    source_of = {aid: s.id for s in sources for aid in s.articles}
    fixed = fixed_names(articles)
    story = StorySupport(articles, source_of)
    for a in articles:
        flag = translation_flag(a, params, gazetteer, vocabulary, fixed)
        if flag:
            out[a.id].append(flag)
        view = story.view(source_of.get(a.id, a.id))
        flag = unsupported_flag(a, view, params)
        if flag is None:
            copied = [sp for f in out[a.id] if f.kind == "copy" for sp in f.spans]
            flag = added_flag(a, copied, view, params) if copied else None
        if flag:
            out[a.id].append(flag)
        flag = quality_flag(a, params, vocabulary)
        if flag:
            out[a.id].append(flag)
    order = {k: i for i, k in enumerate(FLAG_KINDS)}
    return {aid: tuple(sorted(fs, key=lambda f: order.get(f.kind, 99))) for aid, fs in out.items()}
