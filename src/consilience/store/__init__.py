"""A SQLite store that keeps analysed articles and stories between runs.

``consilience analyze NEW... --into news.db`` annotates only the articles the store does not
hold yet, re-forms the stories from what is stored, and runs the story stages (entities,
sources, claims, timeline...) only on stories whose membership changed; a story whose articles
are the same as before is read back as it was. The report holds every stored article, exactly
as one run over all of them would give it (see ``tests/test_store.py``).

A store plugs into the one run of the pipeline: ``Pipeline(settings).run(inputs, store=store)``.
That run asks the store's ``Incremental`` (``Store.begin``) which articles are new, which stories
must be analysed again, and for the stories read back.

What the store keeps, one row per article: the article after the per-article stages (cleaned
text, annotations), its story Profile and Header (``consilience.stories``), the hash of the
input it was read from (re-reading the same input adds nothing) and its arrival order (ties in
a story's publication order follow it, as input order does in one run). One row per story
membership: the story after the story stages and its articles as those stages left them. And
every input skipped so far, and a log of runs.

The settings that change what is stored (the spaCy models, the languages, the reference date,
the gazetteer's population floor, the alias file's content, the tuning parameters of
``consilience.tuning``) and the consilience version are recorded when the store is created;
a run with different ones is refused with the differences named, because mixing articles
annotated two ways would give a report neither way would.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import ConsilienceError, UsageError
from ..ingest import base_id, content_id, to_article
from ..model import Article, Packed, RawDoc, Skipped, SourceRef, Story, unpack
from ..runtime import Held, Spread, StoryResult, StoryTask
from ..settings import Settings
from ..stories import Header, Profile, assemble, header, profile
from ..version import __version__
from . import tables
from .codec import decoder, encode
from .ids import assign

# 2: the queryable tables (``tables``) and stable story ids; the working rows renamed kept_*
# 3: story_pages.digest (stores of format 2 lived a few hours, on the development machine)
FORMAT = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kept_articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    base TEXT NOT NULL,
    raw_hash TEXT NOT NULL,
    header TEXT NOT NULL,
    profile TEXT NOT NULL,
    article BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS kept_articles_input ON kept_articles (base, raw_hash);
CREATE TABLE IF NOT EXISTS skipped (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS kept_stories (
    key TEXT PRIMARY KEY,
    story BLOB NOT NULL,
    articles BLOB NOT NULL,
    failures TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    inputs TEXT NOT NULL,
    added INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    skipped INTEGER NOT NULL
);
"""


class StoreError(ConsilienceError):
    """The store cannot be opened or used: not a consilience store, or built differently."""

    code = "store"


def fingerprint(settings: Settings) -> dict[str, object]:
    """The settings and version that decide what a stored article holds."""
    aliases = settings.aliases_path
    digest = None
    if aliases is not None:
        try:
            digest = hashlib.sha256(Path(aliases).read_bytes()).hexdigest()[:16]
        except OSError as exc:
            raise UsageError(f"alias file {aliases}: cannot be read ({exc})") from exc
    ref = settings.reference_date
    return {
        "format": FORMAT,
        "consilience": __version__,
        "spacy_model": settings.spacy_model,
        "language_models": [list(pair) for pair in settings.language_models],
        "languages": list(settings.languages),
        "reference_date": ref.isoformat() if ref else None,
        "gazetteer_min_population": settings.gazetteer_min_population,
        "aliases": digest,
        # the tuning parameters, one key per value ("stories.link"), so that a refusal names
        # the values that differ: the stored stories were analysed with the store's
        **{
            f"{part}.{name}": value
            for part, values in settings.tuning().items()
            for name, value in values.items()
        },
    }


def story_key(article_ids: Iterable[str]) -> str:
    """The key of a story membership: the same articles, the same key."""
    h = hashlib.sha256()
    for aid in sorted(article_ids):
        h.update(aid.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def _pack(value: object) -> bytes:
    return zlib.compress(json.dumps(encode(value), ensure_ascii=False).encode("utf-8"), 3)


def _unpack(blob: bytes) -> Any:  # JSON values
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def _aliases_said(stored: object, path: object) -> str:
    """Say how the alias file differs: by file, not only by its content hash."""
    was = "no alias file" if stored is None else f"an alias file (content {stored})"
    now = f"alias file {path}" if path is not None else "no alias file"
    return f"aliases: the store was built with {was}, this run gives {now}"


class Store:
    """One SQLite file. Open it with ``Store(path, settings)``; close it with ``close()`` (or
    use it as a context manager). Raises StoreError when ``path`` is not a consilience store or
    was built with other settings."""

    def __init__(
        self,
        path: str | PathLike[str],
        settings: Settings,
        waiting: Callable[[str], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.settings = settings
        if self.path.is_dir():
            raise StoreError(f"store {self.path}: is a folder; give a file name, e.g. news.db")
        # one run at a time: another run into the store is waited for (``waiting`` is told)
        self._lock = _RunLock(self.path, waiting)
        try:
            existed = self.path.exists() and self.path.stat().st_size > 0
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                if existed:
                    _check_integrity(self.db, self.path)
                    _check_format(self.db, self.path)
                self.db.executescript(_SCHEMA + tables.SCHEMA)
                self._check(fingerprint(settings))
            except BaseException:
                self.db.close()
                raise
        except sqlite3.DatabaseError as exc:
            self._lock.release()
            raise StoreError(f"store {self.path}: not a consilience store ({exc})") from exc
        except BaseException:
            self._lock.release()
            raise
        # the inputs skipped by the runs made through this object (not earlier ones)
        self.added_skipped: list[Skipped] = []
        # the log line of the last run made through this object (``runs()`` holds every run's)
        self.last_run: dict[str, object] | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self._lock.release()

    def _check(self, wanted: dict[str, object]) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if row is None:
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('fingerprint', ?)", (json.dumps(wanted),)
            )
            return
        have = json.loads(row[0])
        diff = [k for k in sorted(set(have) | set(wanted)) if have.get(k) != wanted.get(k)]
        if diff:
            said = "; ".join(
                _aliases_said(have.get(k), self.settings.aliases_path)
                if k == "aliases"
                else f"{k}: store {have.get(k)!r}, this run {wanted.get(k)!r}"
                for k in diff
            )
            raise StoreError(
                f"store {self.path} was built with other settings ({said}). Articles annotated "
                f"two ways cannot be compared: run with the store's settings, or use a new store"
            )

    # -- articles -------------------------------------------------------------------------

    def ids(self) -> set[str]:
        """Every stored article id."""
        return {row[0] for row in self.db.execute("SELECT id FROM kept_articles")}

    def holds(self, base: str, raw_hash: str) -> bool:
        """True when an article with id ``base`` (or ``base~n``) was read from an input with
        this content hash: reading that input again adds nothing."""
        row = self.db.execute(
            "SELECT 1 FROM kept_articles WHERE base = ? AND raw_hash = ? LIMIT 1", (base, raw_hash)
        ).fetchone()
        return row is not None

    def add(
        self,
        articles: Sequence[tuple[Article, str, str]],
        skipped: Sequence[Skipped],
        inputs: Sequence[str],
        unchanged: int,
    ) -> None:
        """Store ``articles`` as (article, base id, input hash) after the per-article stages,
        the inputs ``skipped``, and a line in the run log: all or nothing."""
        with self._transaction():
            for article, base, raw_hash in articles:
                self.db.execute(
                    "INSERT INTO kept_articles (id, base, raw_hash, header, profile, article) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        base,
                        raw_hash,
                        json.dumps(encode(header(article)), ensure_ascii=False),
                        json.dumps(encode(profile(article)), ensure_ascii=False),
                        _pack(article),
                    ),
                )
            for item in skipped:
                self.db.execute(
                    "INSERT OR IGNORE INTO skipped (record) VALUES (?)",
                    (json.dumps(encode(item), ensure_ascii=False, sort_keys=True),),
                )
            run = {
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "inputs": list(inputs),
                "added": len(articles),
                "unchanged": unchanged,
                "skipped": len(skipped),
            }
            self.db.execute(
                "INSERT INTO runs (at, inputs, added, unchanged, skipped) VALUES (?, ?, ?, ?, ?)",
                (
                    run["at"],
                    json.dumps(run["inputs"]),
                    run["added"],
                    run["unchanged"],
                    run["skipped"],
                ),
            )
        self.added_skipped.extend(skipped)
        self.last_run = run

    def grouping_items(self) -> list[tuple[Header, Profile]]:
        """(Header, Profile) of every stored article: what story grouping reads."""
        head, prof = decoder(Header), decoder(Profile)
        return [
            (head(json.loads(h)), prof(json.loads(p)))
            for h, p in self.db.execute("SELECT header, profile FROM kept_articles ORDER BY seq")
        ]

    def positions(self) -> dict[str, int]:
        """Each article's arrival order (0 for the first stored)."""
        rows = self.db.execute("SELECT id FROM kept_articles ORDER BY seq")
        return {aid: n for n, (aid,) in enumerate(rows)}

    def articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles ``ids`` as the per-article stages left them."""
        dec = decoder(Article)
        out: dict[str, Article] = {}
        wanted = list(ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for aid, blob in self.db.execute(
                f"SELECT id, article FROM kept_articles WHERE id IN ({marks})", chunk
            ):
                out[aid] = dec(_unpack(blob))
        missing = [aid for aid in wanted if aid not in out]
        if missing:
            raise StoreError(f"store {self.path}: article(s) {', '.join(missing[:5])} missing")
        return out

    def skipped(self) -> list[Skipped]:
        """Every input skipped by any run into this store, in the order first met."""
        dec = decoder(Skipped)
        rows = self.db.execute("SELECT record FROM skipped ORDER BY seq")
        return [dec(json.loads(r)) for (r,) in rows]

    # -- stories --------------------------------------------------------------------------

    def story(self, key: str) -> tuple[Story, dict[str, Article], list[Skipped]] | None:
        """The story stored under membership ``key`` after the story stages, its articles as
        the stages left them and the failures they reported; None when not stored."""
        row = self.db.execute(
            "SELECT story, articles, failures FROM kept_stories WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        dec_a, dec_s = decoder(Article), decoder(Skipped)
        articles = {a["id"]: dec_a(a) for a in _unpack(row[1])}
        return decoder(Story)(_unpack(row[0])), articles, [dec_s(f) for f in json.loads(row[2])]

    def save_story(
        self, key: str, story: Story, articles: Sequence[Article], failures: Sequence[Skipped]
    ) -> None:
        """Keep a story after the story stages under its membership ``key``."""
        self.db.execute(
            "INSERT OR REPLACE INTO kept_stories (key, story, articles, failures) "
            "VALUES (?, ?, ?, ?)",
            (
                key,
                _pack(story),
                _pack(list(articles)),
                json.dumps(encode(list(failures)), ensure_ascii=False),
            ),
        )

    def keep_stories(self, keys: set[str]) -> int:
        """Forget stored stories whose membership is not in ``keys``; return how many."""
        old = [k for (k,) in self.db.execute("SELECT key FROM kept_stories") if k not in keys]
        with self._transaction():
            self.db.executemany("DELETE FROM kept_stories WHERE key = ?", [(k,) for k in old])
        return len(old)

    def publish(
        self, results: Sequence[StoryResult], keys: Sequence[str], positions: dict[str, int]
    ) -> None:
        """Rewrite the queryable tables (``tables``) from a run's stories (``results``, with
        their membership ``keys``), naming each story by its stable id (``ids``)."""
        run = self.db.execute("SELECT coalesce(max(seq), 0) FROM runs").fetchone()[0]
        previous = dict(self.db.execute("SELECT id, story_id FROM articles"))
        known = {
            sid: (first, changed, key)
            for sid, first, changed, key in self.db.execute(
                "SELECT id, first_run, changed_run, membership FROM stories"
            )
        }
        used = set(known) | {r for (r,) in self.db.execute("SELECT old_id FROM story_redirects")}
        when = dict(self.db.execute("SELECT seq, at FROM runs"))
        groups = [list(story.articles) for story, _, _ in results]
        sids, redirects = assign(groups, previous, used)
        items = []
        for (story, held, _), key, sid in zip(results, keys, sids, strict=True):
            members = [unpack(a) for a in held]
            first, changed, was = known.get(sid, (run, run, None))
            changed = changed if was == key else run
            by_id = {a.id: a for a in members}
            items.append(
                tables.Published(
                    sid=sid,
                    key=key,
                    story=replace(_in_order(story, by_id, positions), id=sid),
                    articles=members,
                    first_run=first,
                    changed_run=changed,
                    changed_at=when.get(changed, ""),
                )
            )
        tables.rewrite(self.db, items, positions)
        self._redirect(redirects, run)

    def _redirect(self, redirects: dict[str, str], run: int) -> None:
        """Record ``redirects`` (old id -> story id) and point earlier redirects to the
        story their target now leads to."""
        for old, new in redirects.items():
            self.db.execute(
                "UPDATE story_redirects SET story_id = ? WHERE story_id = ?", (new, old)
            )
            self.db.execute(
                "INSERT OR REPLACE INTO story_redirects VALUES (?, ?, ?)", (old, new, run)
            )
        self.db.execute("DELETE FROM story_redirects WHERE old_id IN (SELECT id FROM stories)")

    def runs(self) -> list[dict[str, object]]:
        """The run log: when, which inputs, how many articles added / unchanged / skipped."""
        rows = self.db.execute(
            "SELECT at, inputs, added, unchanged, skipped FROM runs ORDER BY seq"
        )
        return [
            {
                "at": at,
                "inputs": json.loads(inputs),
                "added": added,
                "unchanged": unchanged,
                "skipped": skipped,
            }
            for at, inputs, added, unchanged, skipped in rows
        ]

    def _transaction(self):  # noqa: ANN202
        return _Transaction(self.db)

    def begin(self, inputs: Sequence[str]) -> Incremental:
        """Start a run over ``inputs`` into this store (``Pipeline.run(..., store=store)``)."""
        return Incremental(self, inputs)


class Incremental:
    """One run into a store (``consilience.runtime.Holding``): which articles read are new,
    which stories must go through the story stages again, and the others read back."""

    def __init__(self, store: Store, inputs: Sequence[str]) -> None:
        self.store = store
        self.inputs = list(inputs)
        self.taken = store.ids()
        # the new articles' ids in input order, each with (base id, input hash)
        self.origin: dict[str, tuple[str, str]] = {}
        self.unchanged = 0
        self.grouped: list[tuple[Story, str]] = []
        self.stored: dict[str, tuple[Story, dict[str, Article], list[Skipped]]] = {}

    def admit(self, raw: RawDoc) -> Article | None:
        """The Article of ``raw``, or None when the store holds it (same id, same content)."""
        raw_hash, base = content_id(raw), base_id(raw)
        if self.store.holds(base, raw_hash):
            self.unchanged += 1
            return None
        article = to_article(raw, self.taken)
        self.origin[article.id] = (base, raw_hash)
        return article

    def add(self, articles: Sequence[Article | Packed], skipped: Sequence[Skipped]) -> None:
        """Store the new articles after the per-article stages, and what this run skipped."""
        annotated = {a.id: unpack(a) for a in articles}
        kept = [(annotated[aid], *key) for aid, key in self.origin.items() if aid in annotated]
        self.store.add(kept, skipped, self.inputs, self.unchanged)

    def pending(self, spread: Spread | None = None) -> list[StoryTask]:
        """Stories re-formed from every stored article; those not stored with the same
        articles, each with its stored articles. ``spread``: see ``stories.assemble``."""
        stories = assemble(self.store.grouping_items(), self.store.settings.stories, spread)
        self.grouped = [(story, story_key(story.articles)) for story in stories]
        for _, key in self.grouped:
            if (found := self.store.story(key)) is not None:
                self.stored[key] = found
        return [
            (story, list(self.store.articles(story.articles).values()))
            for story, key in self.grouped
            if key not in self.stored
        ]

    def finish(self, done: Sequence[StoryResult]) -> Held:
        """Store the stories analysed (``done``, in the order of ``pending``), read back the
        others under this run's story ids and titles, and forget memberships no story has."""
        todo = [(story, key) for story, key in self.grouped if key not in self.stored]
        results: list[StoryResult] = []
        # one transaction: the stories, the stable ids and the queryable tables, so that a
        # reader of the store sees this whole run or the one before
        with self.store._transaction():
            for (_, key), (story, held, fails) in zip(todo, done, strict=True):
                members = [unpack(a) for a in held]
                self.store.save_story(key, story, members, fails)
                self.stored[key] = (story, {a.id: a for a in members}, fails)
            for story, key in self.grouped:
                kept, by_id, fails = self.stored[key]
                kept = replace(kept, id=story.id, title=story.title)
                results.append((kept, list(by_id.values()), relabel(fails, story.id)))
            self.store.keep_stories({key for _, key in self.grouped})
            positions = self.store.positions()
            self.store.publish(results, [key for _, key in self.grouped], positions)
        return Held(results, positions, self.store.skipped())


def _in_order(story: Story, by_id: dict[str, Article], position: dict[str, int]) -> Story:
    """The story with its articles in publication order (undated last, ties in arrival
    order) and its period, as the report lists them."""

    def key(aid: str) -> tuple[str, int]:
        return (by_id[aid].published.date or "9999-99-99", position[aid])

    dates = sorted(d for aid in story.articles if (d := by_id[aid].published.date))
    return replace(
        story,
        articles=tuple(sorted(story.articles, key=key)),
        period=(dates[0], dates[-1]) if dates else (None, None),
    )


def _check_format(db: sqlite3.Connection, path: Path) -> None:
    """Raise StoreError when ``path`` was made by a consilience whose store format differs
    (before anything is written into it)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.OperationalError:
        return  # no meta table: not a store yet (or not one at all: the schema step says)
    have = json.loads(row[0]).get("format") if row is not None else FORMAT
    if have != FORMAT:
        raise StoreError(
            f"store {path} was made by another consilience version (store format {have}; this "
            f"version reads format {FORMAT}). Analyse its inputs again into a new store"
        )


def _check_integrity(db: sqlite3.Connection, path: Path) -> None:
    """Raise StoreError when SQLite finds the file damaged (``PRAGMA quick_check``: every
    page read, about a second per hundred megabytes), so a damaged store fails at the start
    of a run and not after its analysis."""
    try:
        rows = [r[0] for r in db.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        rows = [" ".join(r.replace("*** in database main ***", "").split()) for r in rows]
        raise StoreError(
            f"store {path}: the file is damaged ({'; '.join(rows)}). Restore it from a copy, "
            f"or start a new store"
        )


class _RunLock:
    """An exclusive lock on ``STORE.lock`` beside the store, held from opening the store to
    closing it, so that runs into one store follow each other: a run finding it held tells
    ``waiting`` once (naming the process holding it) and waits. The lock is the operating
    system's (flock): a run that dies, even by kill -9, releases it."""

    def __init__(self, path: Path, waiting: Callable[[str], None] | None) -> None:
        self.path = path.with_name(path.name + ".lock")
        try:
            self.fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise StoreError(
                f"store {path}: cannot create its lock file {self.path} ({exc.strerror or exc})"
            ) from exc
        try:
            self._acquire(path, waiting)
        except BaseException:
            self.release()
            raise

    def _acquire(self, store: Path, waiting: Callable[[str], None] | None) -> None:
        import fcntl

        assert self.fd is not None
        told = False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and waiting is not None:
                    holder = os.pread(self.fd, 64, 0).decode("ascii", "replace").strip()
                    by = f" (process {holder})" if holder.isdigit() else ""
                    waiting(f"waiting for another run into store {store}{by} to finish")
                told = True
                time.sleep(0.2)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, str(os.getpid()).encode("ascii"), 0)

    def release(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the file releases the lock


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises (Ctrl-C included)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> None:
        # inside another transaction, this block is part of it (it commits or rolls back)
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if self.outer:
            self.db.execute("ROLLBACK" if kind is not None else "COMMIT")


def relabel(failures: Iterable[Skipped], story_id: str) -> list[Skipped]:
    """Story-stage failures name their story (``story:<id>``); ids follow the current run."""
    return [
        replace(f, source=SourceRef(f"story:{story_id}"))
        if f.source.path.startswith("story:")
        else f
        for f in failures
    ]
