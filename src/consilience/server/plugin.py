"""The Datasette plugin of ``consilience serve``: the newsroom's pages, and links from
Datasette's table views to them. Registered by ``consilience.server.build`` (no entry point)."""

from __future__ import annotations

import logging
import re
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from . import pages
from .links import link_for

log = logging.getLogger("consilience.server")

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
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """A short JSON error for what Datasette refuses (4xx), with its own words; a failure of
    the app (500) is logged in one line and answered with the status's words. Datasette's
    default prints every exception with its locals, 404s included."""
    from datasette.utils.asgi import Base400, Response
    from datasette.views.base import DatasetteError

    if isinstance(exception, Base400) and 400 <= exception.status < 500:
        status, words = exception.status, _words(exception)
    elif isinstance(exception, DatasetteError):
        # what Datasette raises on a request it cannot answer (a bad sort, facet or SQL),
        # most with its default status 500: the request's fault, so 400
        status = exception.status if 400 <= exception.status < 500 else 400
        words = _words(exception)
    else:
        log.error(
            "consilience serve: %s failed: %s: %s",
            request.path,
            type(exception).__name__,
            exception,
        )
        status, words = 500, "internal server error"
    return Response.json({"ok": False, "status": status, "error": words}, status=status)


def _words(exception: Exception) -> str:
    """The first line of an error's message, at most 200 characters, without markup."""
    from html import unescape

    message = getattr(exception, "message", None) or (exception.args[0] if exception.args else "")
    text = re.sub(r"<[^>]*>", "", unescape(str(message))).strip().splitlines()
    return (text[0] if text else "bad request")[:200]


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
