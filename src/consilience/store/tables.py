"""The store's queryable tables: what a run found, in plain rows for people and tools.

Next to the rows the store works from (``kept_articles``, ``kept_stories``: compressed
records), each run writes these tables, rebuilt whole in the run's last transaction, so a
reader (``consilience serve``, Datasette, ``sqlite3``) sees one whole run or the one before:

- ``stories``: one row per story under its stable id (``consilience.store.ids``), with its
  period and counts; ``story_redirects``: ids of stories merged into another, and where to;
- ``articles`` (outlet, language, dates, flags, clean text), ``flags``;
- ``claims`` (status, k independent sources, text), ``evidence`` and ``conflict_values``
  (article, span start/end, the passage);
- ``entities`` (name, type, every spelling, place), ``mentions`` (article, span, spelling);
- ``sources`` (an origin and the articles that copy, rewrite or translate it);
- ``story_pages``: each story's report as JSON (what ``report.html`` renders), compressed, and
  a digest of it (a reader caching a rendered page keeps it while the digest stays);
- full-text search (SQLite FTS5) over articles (title, text), claims (text) and entities
  (name, spellings): ``articles_fts``, ``claims_fts``, ``entities_fts``.

Spans are character offsets into ``articles.text``: ``substr(text, start + 1, end - start)``
is the passage.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Claim, Entity, Report, Source, Story

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_published TEXT,
    last_published TEXT,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    corroborated INTEGER NOT NULL,
    single_source INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    entities INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    languages TEXT NOT NULL,
    first_run INTEGER NOT NULL,
    changed_run INTEGER NOT NULL,
    membership TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_redirects (
    old_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    run INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS story_pages (
    story_id TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    report BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    title TEXT,
    outlet TEXT,
    language TEXT,
    published TEXT,
    published_from TEXT,
    url TEXT,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    arrived INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    flag_kinds TEXT NOT NULL,
    entities TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id);
CREATE TABLE IF NOT EXISTS flags (
    article_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    spans TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flags_article ON flags (article_id);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    status TEXT NOT NULL,
    k INTEGER NOT NULL,
    text TEXT NOT NULL,
    why TEXT NOT NULL,
    evidence INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    languages TEXT NOT NULL,
    outlets TEXT NOT NULL,
    entities TEXT NOT NULL,
    published TEXT
);
CREATE INDEX IF NOT EXISTS claims_story ON claims (story_id);
CREATE TABLE IF NOT EXISTS evidence (
    claim_id TEXT NOT NULL,
    story_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    passage TEXT NOT NULL,
    attributed_to TEXT,
    stance TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_claim ON evidence (claim_id);
CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article_id);
CREATE TABLE IF NOT EXISTS conflict_values (
    claim_id TEXT NOT NULL,
    story_id TEXT NOT NULL,
    conflict INTEGER NOT NULL,
    kind TEXT NOT NULL,
    why TEXT NOT NULL,
    article_id TEXT NOT NULL,
    value TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    passage TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conflict_values_claim ON conflict_values (claim_id);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    spellings TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    place TEXT,
    country TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL
);
CREATE INDEX IF NOT EXISTS entities_story ON entities (story_id);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE TABLE IF NOT EXISTS mentions (
    entity_id TEXT NOT NULL,
    story_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    spelling TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    articles INTEGER NOT NULL,
    members TEXT NOT NULL,
    relations TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content="articles", tokenize="unicode61 remove_diacritics 2"
);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    text, content="claims", tokenize="unicode61 remove_diacritics 2"
);
CREATE VIRTUAL TABLE IF NOT EXISTS entities_fts USING fts5(
    name, spellings, content="entities", tokenize="unicode61 remove_diacritics 2"
);
"""

# rebuilt whole by each run, in this order (FTS indexes after their tables)
_TABLES = (
    "stories",
    "story_pages",
    "articles",
    "flags",
    "claims",
    "evidence",
    "conflict_values",
    "entities",
    "mentions",
    "sources",
)
_FTS = ("articles_fts", "claims_fts", "entities_fts")


@dataclass(frozen=True)
class Published:
    """One story as a run leaves it, ready for the tables: its stable id, its membership key,
    the story (articles in publication order) and its articles."""

    sid: str
    key: str
    story: Story
    articles: Sequence[Article]
    first_run: int
    changed_run: int
    changed_at: str  # when that run was made (ISO)


def pack(value: object) -> bytes:
    """JSON, compressed: how ``story_pages.report`` is kept."""
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8"), 3)


def unpack(blob: bytes) -> object:
    """The JSON value ``pack`` kept."""
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def rewrite(db: sqlite3.Connection, stories: Sequence[Published], arrived: dict[str, int]) -> None:
    """Replace every queryable table's rows with ``stories`` (inside the caller's
    transaction); ``arrived`` is each article's arrival order."""
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    for item in stories:
        _story(db, item, arrived)
    for fts in _FTS:
        db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")  # noqa: S608


def _story(db: sqlite3.Connection, item: Published, arrived: dict[str, int]) -> None:
    story, sid = item.story, item.sid
    by_id = {a.id: a for a in item.articles}
    members = [by_id[aid] for aid in story.articles]
    statuses = [c.status for c in story.claims]
    db.execute(
        "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sid,
            story.title,
            story.period[0],
            story.period[1],
            len(members),
            len(story.sources),
            len(story.claims),
            statuses.count("corroborated"),
            statuses.count("single_source"),
            statuses.count("disputed"),
            statuses.count("updated"),
            len(story.entities),
            _json(sorted({a.outlet for a in members if a.outlet})),
            _json(sorted({a.language for a in members if a.language})),
            item.first_run,
            item.changed_run,
            item.key,
        ),
    )
    blob = pack(_page(story, members, item.changed_at))
    digest = hashlib.sha256(blob).hexdigest()[:32]
    db.execute("INSERT INTO story_pages VALUES (?, ?, ?)", (sid, digest, blob))
    names = _names_by_article(story.entities, by_id)
    for article in members:
        _article(db, article, sid, arrived[article.id], names.get(article.id, []))
    for claim in story.claims:
        _claim(db, claim, sid, by_id, _named(claim, story.entities))
    for entity in story.entities:
        _entity(db, entity, sid, by_id)
    for source in story.sources:
        _source(db, source, sid)


def _page(story: Story, members: Sequence[Article], changed_at: str) -> dict:
    """The story's report (``report.json``'s shape with this one story): what its page shows."""
    from ..report.json import to_dict

    page = to_dict(Report(articles=tuple(members), skipped=(), stories=(story,)))
    # when the story last changed, not now: an unchanged story keeps the same page (and the
    # server's cache of it)
    page["created"] = changed_at
    return page


def _names_by_article(entities: Sequence[Entity], by_id: dict[str, Article]) -> dict[str, list]:
    """Each article's entity names (canonical), in the story's entity order."""
    out: dict[str, list[str]] = {}
    for entity in entities:
        for aid in dict.fromkeys(m.article for m in entity.mentions):
            if aid in by_id:
                out.setdefault(aid, []).append(entity.name)
    return out


def _article(db: sqlite3.Connection, a: Article, sid: str, arrived: int, names: list) -> None:
    db.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.id,
            sid,
            a.title,
            a.outlet,
            a.language,
            a.published.date,
            a.published.from_,
            a.url,
            str(a.source),
            a.kind,
            arrived,
            len(a.flags),
            _json(sorted({f.kind for f in a.flags})),
            _json(names),
            a.text,
        ),
    )
    db.executemany(
        "INSERT INTO flags VALUES (?, ?, ?, ?)",
        [(a.id, f.kind, f.detail, _json([list(s) for s in f.spans])) for f in a.flags],
    )


def _named(claim: Claim, entities: Sequence[Entity]) -> list[str]:
    """The entities (canonical names) mentioned inside the claim's evidence passages."""
    spans = [(e.article, e.start, e.end) for e in claim.evidence]
    return [
        entity.name
        for entity in entities
        if any(
            m.article == aid and start <= m.start and m.end <= end
            for m in entity.mentions
            for aid, start, end in spans
        )
    ]


def _claim(
    db: sqlite3.Connection, c: Claim, sid: str, by_id: dict[str, Article], names: list[str]
) -> None:
    cid = f"{sid}-{c.id}"
    cited = [by_id[e.article] for e in c.evidence if e.article in by_id]
    dates = sorted(d for a in cited if (d := a.published.date))
    db.execute(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            cid,
            sid,
            c.status,
            c.independent_sources,
            c.text,
            c.why,
            len(c.evidence),
            len(c.conflicts),
            _json(sorted({a.language for a in cited if a.language})),
            _json(sorted({a.outlet for a in cited if a.outlet})),
            _json(names),
            dates[0] if dates else None,
        ),
    )
    db.executemany(
        "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                cid,
                sid,
                e.article,
                e.start,
                e.end,
                _text(by_id, e.article, e.start, e.end),
                e.attributed_to,
                e.stance,
            )  # fmt: skip
            for e in c.evidence
        ],
    )
    db.executemany(
        "INSERT INTO conflict_values VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                cid,
                sid,
                n,
                conflict.kind,
                conflict.why,
                v.article,
                v.value,
                v.start,
                v.end,
                _text(by_id, v.article, v.start, v.end),
            )  # fmt: skip
            for n, conflict in enumerate(c.conflicts)
            for v in conflict.values
        ],
    )


def _entity(db: sqlite3.Connection, e: Entity, sid: str, by_id: dict[str, Article]) -> None:
    eid = f"{sid}-{e.id}"
    geo = e.geo
    db.execute(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            eid,
            sid,
            e.name,
            e.type,
            _json(list(e.aliases)),
            len(e.mentions),
            len({m.article for m in e.mentions}),
            geo.name if geo else None,
            geo.country if geo else None,
            geo.geonameid if geo else None,
            geo.lat if geo else None,
            geo.lon if geo else None,
        ),
    )
    db.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
        [
            (eid, sid, m.article, m.start, m.end, _text(by_id, m.article, m.start, m.end))
            for m in e.mentions
        ],
    )


def _source(db: sqlite3.Connection, s: Source, sid: str) -> None:
    db.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
        (
            f"{sid}-{s.id}",
            sid,
            s.articles[0] if s.articles else "",
            len(s.articles),
            _json(list(s.articles)),
            _json([{"article": a, "kind": k, "of": o} for a, k, o in s.relations]),
        ),
    )


def _text(by_id: dict[str, Article], article: str, start: int, end: int) -> str:
    found = by_id.get(article)
    return found.text[start:end] if found is not None else ""
