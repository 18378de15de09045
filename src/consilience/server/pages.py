"""The newsroom's pages, read from the store's queryable tables (``consilience.store.tables``).

Every value from the store reaches a page through Jinja's autoescaping, or through
``html.escape`` in ``consilience.report.html.marked_text`` (texts with their spans marked): an
article's text, title or outlet is always text, never markup. A URL becomes a link only when it
is http(s) (``consilience.report.view.safe_url``).
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from threading import Lock
from typing import Any

from datasette.utils.asgi import Request, Response
from markupsafe import Markup

from ..report.charts import map_svg
from ..report.html import marked_text, render_html
from ..report.view import safe_url, story_views
from ..store.tables import unpack
from .links import ident, link_for, table_link

PAGE_SIZE = 100
MAX_QUERY = 200
CONTEXT = 240  # characters of an article shown on each side of a cited passage


class BadRequest(Exception):
    """A request Datasette's router accepted but this page cannot answer: 400."""


def _db(datasette: Any) -> Any:
    return datasette.get_database()


def _table(datasette: Any, table: str, **params: str | list[str]) -> str:
    """A link to Datasette's view of ``table`` (facets, search, CSV and JSON) with ``params``."""
    return table_link(_db(datasette).name, table, **params)


async def _render(datasette: Any, request: Request, template: str, context: dict) -> Response:
    html = await datasette.render_template(
        template, {"table_link": lambda t, **p: _table(datasette, t, **p), **context}, request
    )
    return Response.html(html)


async def _one(datasette: Any, sql: str, params: Sequence[object]) -> dict | None:
    rows = (await _db(datasette).execute(sql, list(params))).rows
    return dict(rows[0]) if rows else None


async def _all(datasette: Any, sql: str, params: Sequence[object] = ()) -> list[dict]:
    return [dict(r) for r in (await _db(datasette).execute(sql, list(params))).rows]


def _page_number(request: Request) -> int:
    raw = request.args.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= 100000:
        raise BadRequest("page: a number from 1")
    return int(raw)


def _missing(what: str) -> Response:
    """404, without an exception (Datasette would log one as a traceback)."""
    return Response.json({"ok": False, "status": 404, "error": f"no such {what}"}, status=404)


def _bad(exc: BadRequest) -> Response:
    return Response.json({"ok": False, "status": 400, "error": str(exc)}, status=400)


# -- stories ----------------------------------------------------------------------------


async def stories(datasette: Any, request: Request) -> Response:
    """Every story, newest first (by its latest article's date), with its counts."""
    try:
        page = _page_number(request)
    except BadRequest as exc:
        return _bad(exc)
    rows = await _all(
        datasette,
        "SELECT id, title, first_published, last_published, articles, sources, claims, "
        "corroborated, single_source, disputed, updated, entities, languages FROM stories "
        "ORDER BY last_published IS NULL, last_published DESC, first_run DESC, id "
        "LIMIT ? OFFSET ?",
        (PAGE_SIZE + 1, (page - 1) * PAGE_SIZE),
    )
    total = await _one(datasette, "SELECT count(*) AS n, sum(articles) AS a FROM stories", ())
    for row in rows:
        row["link"] = link_for("story", row["id"])
        row["languages"] = json.loads(row["languages"])
    return await _render(
        datasette,
        request,
        "consilience_stories.html",
        {
            "stories": rows[:PAGE_SIZE],
            "page": page,
            "more": len(rows) > PAGE_SIZE,
            "total": total or {"n": 0, "a": 0},
        },
    )


class _Rendered:
    """Story pages rendered from their stored report, kept by the report's digest (a run that
    changes a story changes its report, and with it the digest)."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.pages: OrderedDict[tuple[str, str], str] = OrderedDict()
        self.lock = Lock()

    def get(self, sid: str, digest: str) -> str | None:
        with self.lock:
            page = self.pages.get((sid, digest))
            if page is not None:
                self.pages.move_to_end((sid, digest))
            return page

    def render(self, sid: str, digest: str, blob: bytes) -> str:
        page = _story_page(sid, unpack(blob))
        with self.lock:
            self.pages[(sid, digest)] = page
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)
        return page


_RENDERED = _Rendered()


async def story(datasette: Any, request: Request) -> Response:
    """A story's report, rendered live from the store; an id merged into another story
    redirects to it."""
    sid = ident(request.url_vars["sid"])
    row = await _one(datasette, "SELECT digest FROM story_pages WHERE story_id = ?", (sid,))
    if row is None:
        moved = await _one(
            datasette, "SELECT story_id FROM story_redirects WHERE old_id = ?", (sid,)
        )
        if moved is None:
            return _missing("story")
        return Response.redirect(link_for("story", moved["story_id"]), status=302)
    html = _RENDERED.get(sid, row["digest"])
    if html is None:
        page = await _one(
            datasette,
            "SELECT digest, report FROM story_pages WHERE story_id = ?",
            (sid,),
        )
        if page is None:  # a run replaced the story between the two reads
            return _missing("story")
        # rendering a large story takes a while: in a thread, so other requests go on
        html = await asyncio.to_thread(_RENDERED.render, sid, page["digest"], page["report"])
    return Response.html(html)


def _story_page(sid: str, report: Any) -> str:
    """The report page of one story, with the app's navigation and links to its claim and
    entity pages put after ``<body>``."""
    html = render_html(report)
    story = report["stories"][0] if report.get("stories") else {}
    nav = _story_nav(sid, story)
    at = html.find("<body>") + len("<body>")
    return html[:at] + nav + html[at:]


_STATUS_ORDER = {"disputed": 0, "updated": 1, "corroborated": 2, "single_source": 3}


def _story_nav(sid: str, story: dict) -> str:
    from html import escape

    def e(value: object) -> str:
        return escape(str(value))

    claims = sorted(
        (c for c in story.get("claims") or []),
        key=lambda c: _STATUS_ORDER.get(c.get("status"), 9),
    )

    def page(kind: str, item: dict) -> str:
        return e(link_for(kind, f"{sid}-{item.get('id')}"))

    items = "".join(
        f'<li><a class="claim-page st-{e(c.get("status"))}" href="{page("claim", c)}">'
        f"<b>{e(c.get('status'))}</b> · {e(c.get('text'))}</a></li>"
        for c in claims
    )
    people = "".join(
        f'<li><a class="entity-page" href="{page("entity", x)}">'
        f"{e(x.get('name'))}</a> <small>{e(x.get('type'))}</small></li>"
        for x in story.get("entities") or []
    )
    return (
        '<nav class="served" style="padding:.6em 1em;background:#f3f1ea;'
        'border-bottom:1px solid #ccc;font:14px/1.4 system-ui,sans-serif">'
        f'<a href="/">All stories</a> · <a href="/search">Search</a> · story <code>{e(sid)}</code>'
        f' · <a href="{e(link_for("story", sid))}">link to this story</a>'
        f"<details><summary>Pages of its claims ({len(claims)})</summary><ol>{items}</ol>"
        f"</details><details><summary>Pages of its entities "
        f"({len(story.get('entities') or [])})</summary><ul>{people}</ul></details></nav>"
    )


# -- claims -----------------------------------------------------------------------------


def excerpt(text: str, spans: dict[tuple[int, int], set[str]], prefix: str) -> Markup:
    """The stretch of ``text`` around ``spans`` (CONTEXT characters each side, cut at a space),
    escaped, with each span marked."""
    if not spans:
        return Markup("")
    lo = max(0, min(s for s, _ in spans) - CONTEXT)
    hi = min(len(text), max(e for _, e in spans) + CONTEXT)
    if lo > 0 and (cut := text.find(" ", lo)) != -1 and cut < min(s for s, _ in spans):
        lo = cut + 1
    if hi < len(text) and (cut := text.rfind(" ", 0, hi)) > max(e for _, e in spans):
        hi = cut
    shifted = {(s - lo, e - lo): kinds for (s, e), kinds in spans.items()}
    body = marked_text(text[lo:hi], shifted, prefix)
    return Markup(("… " if lo > 0 else "") + body + (" …" if hi < len(text) else ""))


def _valid_span(row: dict) -> bool:
    start, end, text = row["start"], row["end"], row["text"]
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


async def claim(datasette: Any, request: Request) -> Response:
    """A claim: its verdict and each passage of its evidence and conflicting values,
    highlighted in its article."""
    cid = ident(request.url_vars["cid"])
    row = await _one(datasette, "SELECT * FROM claims WHERE id = ?", (cid,))
    if row is None:
        return _missing("claim")
    joined = (
        "a.title, a.outlet, a.language, a.published, a.text FROM {} x "
        "JOIN articles a ON a.id = x.article_id WHERE x.claim_id = ?"
    )
    evidence = await _all(
        datasette,
        'SELECT x.article_id, x.start, x."end" AS end, x.attributed_to, x.stance, '
        + joined.format("evidence")
        + " ORDER BY a.published, a.arrived, x.start",
        (cid,),
    )
    values = await _all(
        datasette,
        'SELECT x.conflict, x.kind, x.why, x.value, x.article_id, x.start, x."end" AS end, '
        + joined.format("conflict_values")
        + " ORDER BY x.conflict, a.published, a.arrived",
        (cid,),
    )
    for n, item in enumerate([*evidence, *values]):
        kind = "cv" if "value" in item else "ev"
        spans = {(item["start"], item["end"]): {kind}} if _valid_span(item) else {}
        item["excerpt"] = excerpt(item.pop("text"), spans, f"p{n}")
        item["link"] = link_for("article", item["article_id"], f"a-{item['start']}-{item['end']}")
    conflicts: dict[int, dict] = {}
    for v in values:
        conflicts.setdefault(v["conflict"], {"kind": v["kind"], "why": v["why"], "values": []})
        conflicts[v["conflict"]]["values"].append(v)
    story_row = await _one(
        datasette, "SELECT id, title FROM stories WHERE id = ?", (row["story_id"],)
    )
    return await _render(
        datasette,
        request,
        "consilience_claim.html",
        {
            "claim": row,
            "story": story_row,
            "story_link": link_for("story", row["story_id"]),
            "evidence": evidence,
            "conflicts": list(conflicts.values()),
            "entities": json.loads(row["entities"]),
        },
    )


# -- entities ---------------------------------------------------------------------------


async def entity(datasette: Any, request: Request) -> Response:
    """An entity of a story: every spelling, every mention in context, its story, its place
    on the map, and entities of the same name in other stories."""
    eid = ident(request.url_vars["eid"])
    row = await _one(datasette, "SELECT * FROM entities WHERE id = ?", (eid,))
    if row is None:
        return _missing("entity")
    mentions = await _all(
        datasette,
        'SELECT m.article_id, m.start, m."end" AS end, m.spelling, a.title, a.outlet, '
        "a.published, a.text FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.entity_id = ? ORDER BY a.published, a.arrived, m.start LIMIT 500",
        (eid,),
    )
    for n, m in enumerate(mentions):
        spans = {(m["start"], m["end"]): {"mention"}} if _valid_span(m) else {}
        m["excerpt"] = excerpt(m.pop("text"), spans, f"m{n}")
        m["link"] = link_for("article", m["article_id"], f"a-{m['start']}-{m['end']}")
    story_row = await _one(
        datasette,
        "SELECT id, title, first_published, last_published, articles, claims, disputed "
        "FROM stories WHERE id = ?",
        (row["story_id"],),
    )
    spellings = json.loads(row["spellings"])
    marks = ",".join("?" * len(spellings)) or "NULL"
    elsewhere = await _all(
        datasette,
        "SELECT DISTINCT e.id, e.name, e.story_id, s.title FROM entities e "
        "JOIN stories s ON s.id = e.story_id JOIN mentions m ON m.entity_id = e.id "
        f"WHERE e.story_id != ? AND (e.name = ? OR m.spelling IN ({marks})) LIMIT 50",
        (row["story_id"], row["name"], *spellings),
    )
    for other in elsewhere:
        other["link"] = link_for("entity", other["id"])
        other["story_link"] = link_for("story", other["story_id"])
    return await _render(
        datasette,
        request,
        "consilience_entity.html",
        {
            "entity": row,
            "spellings": spellings,
            "mentions": mentions,
            "story": story_row,
            "story_link": link_for("story", row["story_id"]),
            "elsewhere": elsewhere,
            "map": await _entity_map(datasette, row),
        },
    )


async def _entity_map(datasette: Any, row: dict) -> Markup:
    """The story map (``report.charts.map_svg``) with this one entity, when it is a place."""
    if row["lat"] is None or row["lon"] is None:
        return Markup("")
    page = await _one(
        datasette, "SELECT report FROM story_pages WHERE story_id = ?", (row["story_id"],)
    )
    if page is None:
        return Markup("")
    report = unpack(page["report"])
    if not isinstance(report, dict):
        return Markup("")
    views = story_views(report)
    local = row["id"][len(row["story_id"]) + 1 :]
    found = [e for v in views[:1] for e in v.story.get("entities") or [] if e.get("id") == local]
    if not found:
        return Markup("")
    return Markup(map_svg(views[0], found, f"Where {row['name']} is"))


# -- articles ---------------------------------------------------------------------------


async def article(datasette: Any, request: Request) -> Response:
    """An article: its clean text with every span the analysis found marked (entity
    mentions, cited evidence, disputed values, the reasons for its warnings), and its flags."""
    aid = ident(request.url_vars["aid"])
    row = await _one(datasette, "SELECT * FROM articles WHERE id = ?", (aid,))
    if row is None:
        return _missing("article")
    flags = await _all(
        datasette, "SELECT kind, detail, spans FROM flags WHERE article_id = ?", (aid,)
    )
    cited = await _all(
        datasette,
        "SELECT DISTINCT c.id, c.status, c.text FROM evidence x JOIN claims c "
        "ON c.id = x.claim_id WHERE x.article_id = ? ORDER BY c.id",
        (aid,),
    )
    named = await _all(
        datasette,
        "SELECT e.id, e.name, e.type, count(*) AS n FROM mentions m JOIN entities e "
        "ON e.id = m.entity_id WHERE m.article_id = ? GROUP BY e.id ORDER BY n DESC, e.name",
        (aid,),
    )
    spans = await _spans(datasette, aid, flags, len(row["text"]))
    for item in cited:
        item["link"] = link_for("claim", item["id"])
    for item in named:
        item["link"] = link_for("entity", item["id"])
    for flag in flags:
        flag["anchors"] = [f"#a-{s}-{e}" for s, e in _pairs(flag.pop("spans"), len(row["text"]))]
    return await _render(
        datasette,
        request,
        "consilience_article.html",
        {
            "article": row,
            "url": safe_url(row["url"]),
            "text": Markup(marked_text(row["text"], spans, "a")),
            "flags": flags,
            "claims": cited,
            "entities": named,
            "story_link": link_for("story", row["story_id"]) if row["story_id"] else None,
        },
    )


def _pairs(raw: str, length: int) -> Iterable[tuple[int, int]]:
    for pair in json.loads(raw):
        if (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(x, int) for x in pair)
            and 0 <= pair[0] < pair[1] <= length
        ):
            yield pair[0], pair[1]


async def _spans(
    datasette: Any, aid: str, flags: list[dict], length: int
) -> dict[tuple[int, int], set[str]]:
    spans: dict[tuple[int, int], set[str]] = {}
    for kind, table in (("mention", "mentions"), ("ev", "evidence"), ("cv", "conflict_values")):
        rows = await _all(
            datasette, f'SELECT start, "end" FROM {table} WHERE article_id = ?', (aid,)
        )
        for r in rows:
            if 0 <= r["start"] < r["end"] <= length:
                spans.setdefault((r["start"], r["end"]), set()).add(kind)
    for flag in flags:
        for pair in _pairs(flag["spans"], length):
            spans.setdefault(pair, set()).add("fl")
    return spans


# -- search -----------------------------------------------------------------------------

_OPEN, _CLOSE = "\ue000", "\ue001"


def fts_query(q: str) -> str:
    """The words of ``q`` as an FTS5 query (each quoted: no operator of the user's text is
    read as syntax), every word required."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in q.split())


def _highlighted(snippet: str | None) -> Markup:
    """An FTS5 snippet, escaped, with its hits in ``<mark>``."""
    from html import escape

    text = snippet or ""
    if text.startswith("[") and text.endswith("]"):  # a JSON list of spellings: the names
        text = text[1:-1].replace('", "', " · ").strip('"')
    text = escape(text, quote=False)
    return Markup(text.replace(_OPEN, '<mark class="hit">').replace(_CLOSE, "</mark>"))


async def search(datasette: Any, request: Request) -> Response:
    """Entities, claims and articles matching the words of ``q``, hits highlighted, with links
    to the faceted tables (verdict, language, outlet, date, entity) and their CSV/JSON."""
    q = (request.args.get("q") or "").strip()
    if len(q) > MAX_QUERY:
        return _bad(BadRequest(f"q: at most {MAX_QUERY} characters"))
    found: dict[str, list[dict]] = {"entities": [], "claims": [], "articles": []}
    if q:
        found = await _found(datasette, fts_query(q))
    tables = {
        name: _table(datasette, name, **({"_search": q} if q else {}))
        for name in ("claims", "articles", "entities")
    }
    by_status = {
        status: _table(datasette, "claims", **({"_search": q} if q else {}), status=status)
        for status in ("disputed", "updated", "corroborated", "single_source")
    }
    return await _render(
        datasette,
        request,
        "consilience_search.html",
        {"q": q, "tables": tables, "by_status": by_status, **found},
    )


async def _found(datasette: Any, match: str) -> dict[str, list[dict]]:
    mark = f"'{_OPEN}', '{_CLOSE}'"
    entities = await _all(
        datasette,
        f"SELECT e.id, e.name, e.type, e.story_id, s.title, highlight(entities_fts, 1, {mark}) "
        "AS hit FROM entities_fts JOIN entities e ON e.rowid = entities_fts.rowid "
        "JOIN stories s ON s.id = e.story_id WHERE entities_fts MATCH ? ORDER BY rank LIMIT 50",
        (match,),
    )
    claims = await _all(
        datasette,
        f"SELECT c.id, c.status, c.k, c.story_id, highlight(claims_fts, 0, {mark}) AS hit "
        "FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
        "WHERE claims_fts MATCH ? ORDER BY rank LIMIT 50",
        (match,),
    )
    articles = await _all(
        datasette,
        f"SELECT a.id, a.title, a.outlet, a.language, a.published, "
        f"snippet(articles_fts, 1, {mark}, '…', 16) AS hit FROM articles_fts "
        "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
        "ORDER BY rank LIMIT 50",
        (match,),
    )
    for kind, rows in (("entity", entities), ("claim", claims), ("article", articles)):
        for row in rows:
            row["link"] = link_for(kind, row["id"])
            row["hit"] = _highlighted(row["hit"])
    for row in entities:
        row["spellings"] = row.pop("hit")  # the JSON list of spellings, hits marked
        row["story_link"] = link_for("story", row["story_id"])
    return {"entities": entities, "claims": claims, "articles": articles}
