"""The Datasette plugin of ``consilience serve``: the newsroom's pages, and links from
Datasette's table views to them. Registered by ``consilience.server.build`` (no entry point)."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from . import pages
from .links import link_for

_PAGE_COLUMNS = {
    ("stories", "id"): "story",
    ("story_redirects", "story_id"): "story",
    ("claims", "id"): "claim",
    ("entities", "id"): "entity",
    ("articles", "id"): "article",
    ("mentions", "entity_id"): "entity",
    ("evidence", "claim_id"): "claim",
    ("conflict_values", "claim_id"): "claim",
    ("flags", "article_id"): "article",
    ("sources", "origin"): "article",
}
_STORY_COLUMNS = ("story_id",)
_ARTICLE_COLUMNS = ("article_id",)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/$", pages.stories),
        (r"^/stories/(?P<sid>[^/]+)$", pages.story),
        (r"^/claims/(?P<cid>[^/]+)$", pages.claim),
        (r"^/entities/(?P<eid>[^/]+)$", pages.entity),
        (r"^/articles/(?P<aid>[^/]+)$", pages.article),
        (r"^/search$", pages.search),
    ]


@hookimpl
def render_cell(value: object, column: str, table: str | None) -> Markup | None:
    """Ids in Datasette's tables link to the newsroom's page of what they name."""
    if not isinstance(value, str) or table is None:
        return None
    kind = _PAGE_COLUMNS.get((table, column))
    if kind is None and column in _STORY_COLUMNS:
        kind = "story"
    if kind is None and column in _ARTICLE_COLUMNS:
        kind = "article"
    if kind is None:
        return None
    return Markup(f'<a href="{escape(link_for(kind, value))}">{escape(value)}</a>')
