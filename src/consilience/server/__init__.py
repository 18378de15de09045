"""``consilience serve STORE``: a read-only newsroom app over a store, built on Datasette.

Datasette (``datasette`` on PyPI, the ``serve`` extra) gives every queryable table of the store
(``consilience.store.tables``) its pages, facets, full-text search, permalinks and CSV/JSON
exports; the plugin here (``consilience.server.plugin``) adds the newsroom's pages: stories
newest first, a story (its report, rendered live by ``consilience.report.html``), a claim with
each passage highlighted in its article, an entity with every spelling and mention, an article
with its spans and flags, and a search over entities, claims and articles with links to the
faceted tables.

The store is opened read-only (``mode=ro``: SQLite refuses any write through it), and the app
answers GET and HEAD only; every response carries a strict Content-Security-Policy, and an
error is a short JSON object (``consilience.server.guard``). Nothing here is imported by
``import consilience``; Datasette is imported only when an app is built.
"""

from __future__ import annotations

from .app import ServeError, build, check_store, is_loopback, serve

__all__ = ["ServeError", "build", "check_store", "is_loopback", "serve"]
