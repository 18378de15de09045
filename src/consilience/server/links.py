"""The app's URLs: one place that says where each page lives."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlencode

_PREFIX = {"story": "stories", "claim": "claims", "entity": "entities", "article": "articles"}


def link_for(kind: str, ident: str, anchor: str | None = None) -> str:
    """The path of the page of a story, claim, entity or article (``kind``) by its id."""
    path = f"/{_PREFIX[kind]}/{quote(ident, safe='')}"
    return f"{path}#{quote(anchor, safe='')}" if anchor else path


def ident(raw: str) -> str:
    """An id as given in a path (percent-encoded, as ``link_for`` writes it)."""
    return unquote(raw)


def table_link(database: str, table: str, **params: str | list[str]) -> str:
    """A Datasette table view of ``table`` with query ``params`` (a list repeats the key)."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append((key, one))
    query = f"?{urlencode(pairs)}" if pairs else ""
    return f"/{quote(database, safe='')}/{quote(table, safe='')}{query}"
