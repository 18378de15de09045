"""``consilience serve``: the store's queryable tables, stable story ids, and the app itself,
started as a real server on loopback and asked over HTTP (no test client in its place).

Inputs are the bundled (invented) sample corpus, a hostile article (``report_fixtures``) and
two invented reports of another event, written here."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REFERENCE
from report_fixtures import write_hostile

from consilience.model import Article, SourceRef, Story
from consilience.pipeline import analyze
from consilience.sample import corpus_files
from consilience.settings import Settings
from consilience.store import Store, StoreError
from consilience.store.ids import assign, fresh_id

pytest.importorskip("datasette", reason="the 'serve' extra is not installed")

SETTINGS = Settings(reference_date=REFERENCE, progress=False)
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}

# An invented event, not in the sample corpus: its own story.
FERRY = [
    (
        "ferry-1.txt",
        "Ferry runs aground off Isola Brenna, all 48 passengers safe\n\n"
        "The ferry Santa Ilaria ran aground on a sandbank off Isola Brenna on Monday morning, "
        "the harbour office said. All 48 passengers and 6 crew were taken ashore by lifeboat. "
        "Captain Teodora Vasquez told reporters the fog was thick.\n",
    ),
    (
        "ferry-2.txt",
        "Santa Ilaria freed from sandbank off Isola Brenna\n\n"
        "Tugs freed the ferry Santa Ilaria from the sandbank off Isola Brenna on Tuesday, the "
        "harbour office said. Captain Teodora Vasquez said all 48 passengers had gone home.\n",
    ),
]


def write_ferry(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in FERRY:
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def sample() -> list[str]:
    return [str(p) for p in corpus_files()]


# -- a real server ----------------------------------------------------------------------


@dataclass
class Served:
    url: str
    process: subprocess.Popen

    def get(self, path: str, method: str = "GET", data: bytes | None = None):  # noqa: ANN201
        """(status, headers, body) of a request to ``path``; redirects are followed."""
        req = urllib.request.Request(self.url + path.lstrip("/"), method=method, data=data)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()


def start_server(db: Path, *extra: str) -> Served:
    """``consilience serve DB --port 0`` in a process of its own, once it prints its URL.
    Its output goes to files (a pipe nobody reads would fill up and stop the server)."""
    out = db.with_name(db.name + ".serve.out")
    with out.open("w") as stdout, db.with_name(db.name + ".serve.err").open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "consilience.cli", "serve", str(db), "--port", "0", *extra],
            stdout=stdout,
            stderr=stderr,
            env=ENV,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        line = out.read_text(encoding="utf-8").partition("\n")[0]
        if line.startswith("consilience serve: ") and line.endswith("/"):
            return Served(url=line.rsplit(" at ", 1)[1], process=process)
        time.sleep(0.05)
    process.kill()
    process.wait()
    raise AssertionError(f"no URL printed: {out.read_text(encoding='utf-8')!r}")


def stop_server(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, object]:  # noqa: ANN001
    """A store of the sample corpus, the hostile articles and the ferry, in one run."""
    folder = tmp_path_factory.mktemp("served")
    hostile = [str(p) for p in write_hostile(folder / "hostile")]
    db = folder / "news.db"
    report = analyze(sample() + hostile + write_ferry(folder / "ferry"), settings=SETTINGS, into=db)
    return db, report


@pytest.fixture(scope="module")
def served(store):  # noqa: ANN001, ANN201
    served = start_server(store[0])
    yield served
    stop_server(served)


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(con.execute(sql, params))
    finally:
        con.close()


# -- the tables -------------------------------------------------------------------------


def test_the_tables_hold_what_the_report_says(store) -> None:  # noqa: ANN001
    db, report = store
    texts = {a.id: a.text for a in report.articles}
    assert rows(db, "SELECT count(*) FROM stories") == [(len(report.stories),)]
    assert rows(db, "SELECT count(*) FROM articles") == [(len(report.articles),)]
    for story in report.stories:
        (sid,) = {
            r[0]
            for r in rows(db, "SELECT story_id FROM articles WHERE id = ?", (story.articles[0],))
        }
        statuses = Counter(c.status for c in story.claims)
        assert rows(
            db,
            "SELECT title, articles, claims, disputed, corroborated, entities, first_published, "
            "last_published FROM stories WHERE id = ?",
            (sid,),
        ) == [
            (
                story.title,
                len(story.articles),
                len(story.claims),
                statuses["disputed"],
                statuses["corroborated"],
                len(story.entities),
                story.period[0],
                story.period[1],
            )
        ]
        members = rows(db, "SELECT id FROM articles WHERE story_id = ?", (sid,))
        assert sorted(r[0] for r in members) == sorted(story.articles)
        for claim in story.claims:
            cid = f"{sid}-{claim.id}"
            assert rows(db, "SELECT status, k, text FROM claims WHERE id = ?", (cid,)) == [
                (claim.status, claim.independent_sources, claim.text)
            ]
            assert rows(
                db,
                'SELECT article_id, start, "end", passage FROM evidence WHERE claim_id = ?',
                (cid,),
            ) == [
                (e.article, e.start, e.end, texts[e.article][e.start : e.end])
                for e in claim.evidence
            ]
            assert rows(
                db,
                'SELECT article_id, value, start, "end", passage FROM conflict_values '
                "WHERE claim_id = ? ORDER BY conflict, rowid",
                (cid,),
            ) == [
                (v.article, v.value, v.start, v.end, texts[v.article][v.start : v.end])
                for c in claim.conflicts
                for v in c.values
            ]
        for entity in story.entities:
            eid = f"{sid}-{entity.id}"
            assert rows(db, "SELECT name, spellings FROM entities WHERE id = ?", (eid,)) == [
                (entity.name, json.dumps(list(entity.aliases), ensure_ascii=False))
            ]
            assert rows(db, "SELECT spelling FROM mentions WHERE entity_id = ?", (eid,)) == [
                (texts[m.article][m.start : m.end],) for m in entity.mentions
            ]
    for a in report.articles:
        assert rows(
            db,
            "SELECT outlet, language, published, flags, text FROM articles WHERE id = ?",
            (a.id,),
        ) == [(a.outlet, a.language, a.published.date, len(a.flags), a.text)]


def two_spellings(report) -> tuple[str, str]:  # noqa: ANN001
    """The sample's spokesman, written two ways: (his canonical name, the first word of the
    other spelling)."""
    (entity,) = [
        e
        for s in report.stories
        for e in s.entities
        if {"Youssef Haddad", "Yusuf Haddad"} <= set(e.aliases)
    ]
    other = "Yusuf" if entity.name.startswith("Youssef") else "Youssef"
    return entity.name, other


def test_full_text_search_finds_a_name_in_another_spelling(store) -> None:  # noqa: ANN001
    db, report = store
    name, other = two_spellings(report)
    found = rows(
        db,
        "SELECT e.name FROM entities_fts JOIN entities e ON e.rowid = entities_fts.rowid "
        "WHERE entities_fts MATCH ?",
        (f'"{other}"',),
    )
    assert found == [(name,)]
    claims = rows(
        db,
        "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?",
        ('"Adige"',),
    )[0][0]
    assert claims == rows(db, "SELECT count(*) FROM claims WHERE text LIKE '%Adige%'")[0][0] > 0


# -- stable story ids -------------------------------------------------------------------


def test_fresh_ids_come_from_the_first_article_and_are_never_given_twice() -> None:
    ids, redirects = assign([["b", "a"], ["c"]], {}, set())
    assert ids == [fresh_id("a", set()), fresh_id("c", set())]
    assert ids[0].startswith("s") and len(ids[0]) == 9
    assert redirects == {}
    again, _ = assign([["a"]], {}, {ids[0]})
    assert again == [f"{ids[0]}-2"]


def test_a_story_keeps_its_id_when_articles_join_and_a_merged_id_redirects() -> None:
    previous = {"a1": "sA", "a2": "sA", "b1": "sB"}
    ids, redirects = assign([["a1", "a2", "b1", "n1"], ["n2"]], previous, {"sA", "sB"})
    assert ids[0] == "sA"  # the story it shares most articles with
    assert ids[1] == fresh_id("n2", {"sA", "sB"})
    assert redirects == {"sB": "sA"}


def test_a_split_story_keeps_its_id_on_its_larger_part() -> None:
    previous = {"a": "sA", "b": "sA", "c": "sA"}
    ids, redirects = assign([["c"], ["a", "b"]], previous, {"sA"})
    assert ids == [fresh_id("c", {"sA"}), "sA"]
    assert redirects == {}


def _article(aid: str) -> Article:
    return Article(id=aid, source=SourceRef(f"{aid}.txt"), kind="txt", raw_text=aid, text=aid)


def _results(*groups: list[str]) -> list:
    return [
        (Story(id=f"story-{n}", title=g[0], articles=tuple(g)), [_article(a) for a in g], [])
        for n, g in enumerate(groups, 1)
    ]


def _publish(store: Store, *groups: list[str]) -> dict[str, str]:
    results = _results(*groups)
    positions = {a: n for n, a in enumerate(a for g in groups for a in g)}
    store.publish(results, [f"k{n}" for n in range(len(groups))], positions)
    return {a: sid for a, sid in store.db.execute("SELECT id, story_id FROM articles")}


def test_merges_over_runs_leave_every_old_id_leading_to_a_story(tmp_path: Path) -> None:
    """Three runs: two stories, then they merge, then a third merges into the result: each
    old id redirects (in one step) to the story holding its articles."""
    with Store(tmp_path / "news.db", SETTINGS) as store:
        first = _publish(store, ["a1", "a2"], ["b1"], ["c1"])
        second = _publish(store, ["a1", "a2", "b1"], ["c1"])
        third = _publish(store, ["a1", "a2", "b1", "c1", "d1"])
        redirects = dict(store.db.execute("SELECT old_id, story_id FROM story_redirects"))
        live = {sid for (sid,) in store.db.execute("SELECT id FROM stories")}
    assert first["a1"] == second["a1"] == third["a1"]
    assert second["c1"] == first["c1"]
    assert live == {third["a1"]}
    assert redirects == {first["b1"]: third["a1"], first["c1"]: third["a1"]}
    # and the app sends an old link to the merged story
    served = start_server(tmp_path / "news.db")
    try:

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
                return None

        for old in (first["b1"], first["c1"]):
            try:
                urllib.request.build_opener(Stay).open(f"{served.url}stories/{old}", timeout=30)
                raise AssertionError("no redirect")
            except urllib.error.HTTPError as moved:
                assert (moved.code, moved.headers["location"]) == (
                    302,
                    f"/stories/{third['a1']}",
                )
        status, _, body = served.get(f"/stories/{first['b1']}")
        assert status == 200 and f"story <code>{third['a1']}</code>".encode() in body
    finally:
        stop_server(served)


def test_a_store_grown_in_three_runs_keeps_every_story_link_working(tmp_path: Path) -> None:
    files = sample()
    ferry = write_ferry(tmp_path / "ferry")
    db = tmp_path / "news.db"
    seen: list[dict[str, str]] = []
    for batch in (files[:2], files[2:4] + ferry[:1], files[4:] + ferry[1:]):
        analyze(batch, settings=SETTINGS, into=db)
        seen.append(dict(rows(db, "SELECT source, story_id FROM articles")))
    # the flood story keeps its id as articles join it; the ferry story keeps its own
    flood = {sid for run in seen for src, sid in run.items() if "ferry" not in src}
    boat = {sid for run in seen for src, sid in run.items() if "ferry" in src}
    assert len(flood) == 1 and len(boat) == 1 and flood != boat
    (f,) = flood
    (b,) = boat
    assert rows(db, "SELECT id, first_run, changed_run FROM stories ORDER BY first_run") == [
        (f, 1, 3),
        (b, 2, 3),
    ]
    # a run with nothing new changes no story's page (what the server caches pages by)
    pages = rows(db, "SELECT story_id, digest, report FROM story_pages ORDER BY story_id")
    analyze([], settings=SETTINGS, into=db)
    assert rows(db, "SELECT story_id, digest, report FROM story_pages ORDER BY story_id") == pages
    served = start_server(db)
    try:
        for sid in {s for run in seen for s in run.values()}:
            status, headers, body = served.get(f"/stories/{sid}")
            assert status == 200, (sid, body[:200])
            assert headers["content-type"].startswith("text/html")
            assert f"story <code>{sid}</code>".encode() in body
    finally:
        stop_server(served)


# -- the app ----------------------------------------------------------------------------


def test_it_prints_its_url_on_loopback_and_sends_a_strict_csp(served) -> None:  # noqa: ANN001
    from consilience.server.guard import csp

    assert served.url.startswith("http://127.0.0.1:")
    status, headers, body = served.get("/")
    assert status == 200
    assert headers["content-security-policy"] == csp()
    assert csp().startswith("default-src 'none'; script-src 'self' 'sha256-")
    assert headers["x-content-type-options"] == "nosniff"
    assert b"<h1>Stories</h1>" in body


def test_stories_are_listed_newest_first_with_their_counts(served, store) -> None:  # noqa: ANN001
    db, _ = store
    expected = rows(
        db,
        "SELECT id, articles, claims FROM stories "
        "ORDER BY last_published IS NULL, last_published DESC, first_run DESC, id",
    )
    _, _, body = served.get("/")
    html = body.decode()
    at = [html.index(f'href="/stories/{sid}"') for sid, _, _ in expected]
    assert at == sorted(at)


def test_every_article_text_is_escaped_on_every_page(served, store) -> None:  # noqa: ANN001
    db, _ = store
    (evil,) = rows(db, "SELECT id, story_id FROM articles WHERE source LIKE '%evil.txt'")
    for path in (
        f"/articles/{evil[0]}",
        f"/stories/{evil[1]}",
        "/search?q=pwned",
        "/news/articles",
        f"/news/articles/{evil[0]}",
    ):
        status, _, body = served.get(path)
        assert status == 200, path
        for markup in (
            b"<script>window.pwned",
            b"<img src=x onerror",
            b'<svg onload="window.pwned',
            b'<iframe src="https://evil',
            b'<a href="javascript:',
        ):
            assert markup not in body, (path, markup)
        assert b"&lt;script&gt;window.pwned" in body or path.startswith("/search"), path


def test_errors_are_short_json_never_a_page_or_a_traceback(served) -> None:  # noqa: ANN001
    cases = [
        ("/no/such/page", "GET", None, 404, "Database not found"),
        ("/stories/s00000000", "GET", None, 404, "no such story"),
        ("/claims/nothing", "GET", None, 404, "no such claim"),
        ("/entities/nothing", "GET", None, 404, "no such entity"),
        ("/articles/nothing", "GET", None, 404, "no such article"),
        ("/?page=abc", "GET", None, 400, "page: a number from 1"),
        ("/search?q=" + "x" * 300, "GET", None, 400, "q: at most 200 characters"),
        ("/" + "a" * 5000, "GET", None, 414, "request-uri too long"),
        ("/", "POST", b"x=1", 405, "method not allowed"),
        ("/news/claims", "DELETE", None, 405, "method not allowed"),
        ("/news?sql=DELETE+FROM+claims", "GET", None, 400, "Statement must be a SELECT"),
        ("/news/claims?_size=abc", "GET", None, 400, "_size must be a positive integer"),
        ("/news/claims.json?_sort=nothing", "GET", None, 400, "Cannot sort table by nothing"),
        ("/news/nothing", "GET", None, 404, "Table not found"),
    ]
    for path, method, data, code, words in cases:
        status, headers, body = served.get(path, method=method, data=data)
        assert (status, json.loads(body)) == (
            code,
            {"ok": False, "status": code, "error": words},
        ), path
        assert headers["content-type"] == "application/json; charset=utf-8"
        assert b"Traceback" not in body


def test_a_request_with_raw_bytes_or_a_body_is_refused(served) -> None:  # noqa: ANN001
    host, port = served.url.split("//")[1].rstrip("/").split(":")
    for request in (
        b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
        b"GARBAGE\r\n\r\n",
    ):
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(request)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        status = int(reply.split(b" ", 2)[1])
        assert 400 <= status < 500, reply[:200]
        assert b"Traceback" not in reply


def test_the_web_cannot_write_to_the_store(served, store) -> None:  # noqa: ANN001
    db, _ = store
    before = rows(db, "SELECT count(*) FROM claims")
    for sql in ("DELETE FROM claims", "UPDATE claims SET text = 'x'", "PRAGMA journal_mode=delete"):
        status, _, _ = served.get("/news?" + urllib.parse.urlencode({"sql": sql}))
        assert status == 400
    assert rows(db, "SELECT count(*) FROM claims") == before


def test_a_csv_export_parses_and_holds_every_claim(served, store) -> None:  # noqa: ANN001
    db, report = store
    status, headers, body = served.get("/news/claims.csv?_size=max")
    assert status == 200
    table = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    expected = rows(db, "SELECT id, status, k, text FROM claims ORDER BY id")
    assert sorted((r["id"], r["status"], int(r["k"]), r["text"]) for r in table) == sorted(expected)
    assert len(table) == sum(len(s.claims) for s in report.stories)


def test_a_json_filter_gives_the_disputed_claims(served, store) -> None:  # noqa: ANN001
    _, report = store
    status, _, body = served.get("/news/claims.json?status=disputed&_shape=array&_size=max")
    assert status == 200
    got = json.loads(body)
    assert {r["status"] for r in got} <= {"disputed"}
    assert len(got) == sum(c.status == "disputed" for s in report.stories for c in s.claims)


def test_search_highlights_the_hit_and_links_the_entity(served, store) -> None:  # noqa: ANN001
    db, report = store
    name, other = two_spellings(report)
    ((eid,),) = rows(db, "SELECT id FROM entities WHERE name = ?", (name,))
    status, _, body = served.get(f"/search?q={other}")
    html = body.decode()
    assert status == 200
    assert f'<mark class="hit">{other}</mark> Haddad' in html
    assert f'href="/entities/{eid}"' in html
    # operators and quotes in the words are words, not syntax
    for q in ('"AND(', "NEAR(x", "*", "a OR"):
        assert served.get("/search?" + urllib.parse.urlencode({"q": q}))[0] == 200


def test_the_claim_page_marks_each_passage(served, store) -> None:  # noqa: ANN001
    db, report = store
    ((cid, sid),) = rows(db, "SELECT id, story_id FROM claims WHERE status = 'disputed' LIMIT 1")
    status, _, body = served.get(f"/claims/{cid}")
    html = body.decode()
    assert status == 200
    for article, start, end, passage in rows(
        db, 'SELECT article_id, start, "end", passage FROM evidence WHERE claim_id = ?', (cid,)
    ):
        from html import escape

        assert 'class="ev"' in html
        assert escape(passage, quote=False) in html
        assert f"/articles/{article}#a-{start}-{end}" in html
    assert f'href="/stories/{sid}"' in html


def test_without_datasette_the_cli_names_the_extra(store) -> None:  # noqa: ANN001
    code = (
        "import sys; sys.modules['datasette'] = None; "
        "from consilience.cli import main; sys.exit(main(['serve', sys.argv[1]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(store[0])],
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )
    assert run.returncode == 1
    assert run.stderr == (
        "consilience: error: consilience serve needs Datasette, which is not installed: install "
        "the 'serve' extra (pip install 'consilience[serve]')\n"
    )


def test_an_old_store_is_refused_with_its_format_named(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (json.dumps({"format": 1}),))
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        Store(db, SETTINGS)
    assert str(err.value) == (
        f"store {db} was made by another consilience version (store format 1; this version "
        "reads format 3). Analyse its inputs again into a new store"
    )
    run = subprocess.run(
        [sys.executable, "-m", "consilience.cli", "serve", str(db), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )
    assert run.returncode == 1
    assert run.stderr == (
        f"consilience: error: store {db} has store format 1; this version serves format 3: "
        "analyse its inputs again into a new store\n"
    )
    assert rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'") == [("meta",)]


def test_only_loopback_is_served_without_a_warning() -> None:
    from consilience.server import is_loopback

    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "127.0.0.2")] == [True] * 4
    assert [is_loopback(h) for h in ("0.0.0.0", "192.168.1.10", "::", "example.org")] == [False] * 4


def test_a_missing_store_is_named(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "consilience.cli", "serve", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )
    assert run.returncode == 1
    assert run.stderr == (
        f"consilience: error: store {tmp_path / 'none.db'}: no such file "
        "(make one: consilience analyze DIR --into)\n"
    )


def test_a_place_is_shown_on_the_map_and_every_spelling_listed(served, store) -> None:  # noqa: ANN001
    db, _ = store
    eid, name, spellings = rows(
        db, "SELECT id, name, spellings FROM entities WHERE lat IS NOT NULL ORDER BY id LIMIT 1"
    )[0]
    status, _, body = served.get(f"/entities/{eid}")
    html = body.decode()
    assert status == 200
    assert '<svg class="map"' in html and f"Where {name} is" in html
    from markupsafe import escape  # as the templates escape

    for spelling in json.loads(spellings):
        assert f"<li>{escape(spelling)}</li>" in html


def test_ctrl_c_stops_the_server_without_an_error(store) -> None:  # noqa: ANN001
    import signal

    served = start_server(store[0])
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=30) == 0
    out = Path(str(store[0]) + ".serve.out").read_text(encoding="utf-8").splitlines()
    assert out == [f"consilience serve: {store[0]} at {served.url}", "consilience serve: stopped"]


def test_two_worker_processes_answer_and_stop_on_ctrl_c(store) -> None:  # noqa: ANN001
    import signal

    served = start_server(store[0], "--workers", "2")
    try:
        for _ in range(4):
            status, _, body = served.get("/")
            assert status == 200 and b"<h1>Stories</h1>" in body
        assert served.get("/stories/nothing")[0] == 404
    finally:
        served.process.send_signal(signal.SIGINT)
        assert served.process.wait(timeout=30) == 0
