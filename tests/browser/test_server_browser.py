"""``consilience serve`` in a real headless chromium (Debian's, through Playwright), against a
real server on loopback: a newsroom's path from a name to the passage that disputes a figure,
a facet, a CSV download, and a hostile article that never runs script."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from browser_support import _WATCH
from report_fixtures import write_hostile
from test_server import SETTINGS, sample, start_server, stop_server, two_spellings, write_ferry

from consilience.pipeline import analyze

pytest.importorskip("datasette", reason="the 'serve' extra is not installed")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, object]:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("browse")
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


class Visit:
    """A browser context that reaches the app and nothing else, recording what pages try."""

    def __init__(self, browser, base: str) -> None:  # noqa: ANN001
        self.base = base
        self.context = browser.new_context(
            viewport={"width": 1100, "height": 800}, accept_downloads=True
        )
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else route.abort()
            ),
        )
        self.context.add_init_script(_WATCH)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10000)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def go(self, path: str) -> None:
        self.page.goto(self.base + path.lstrip("/"))
        self.page.wait_for_load_state("load")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, served):  # noqa: ANN001, ANN201
    opened = Visit(browser, served.url)
    yield opened
    opened.close()


def test_from_a_name_in_another_spelling_to_the_disputed_passage(visit, store) -> None:  # noqa: ANN001
    db, report = store
    name, other = two_spellings(report)
    page = visit.page
    visit.go("/")
    page.fill("input[name=q]", other)
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.inner_text("ul.entities mark.hit") == other
    page.click(f"ul.entities a.entity-link:text-is('{name}')")
    assert page.inner_text("h1.entity-name") == name
    spellings = page.eval_on_selector_all("ul.spellings li", "els => els.map(e => e.textContent)")
    assert {"Youssef Haddad", "Yusuf Haddad"} <= set(spellings)
    page.click("a.story-link")
    page.wait_for_url("**/stories/*")
    sid = page.url.rsplit("/", 1)[1]
    assert page.inner_text("nav.served code") == sid
    page.click("nav.served details:first-of-type summary")
    page.click("nav.served a.claim-page.st-disputed >> nth=0")
    page.wait_for_url("**/claims/*")
    cid = page.url.rsplit("/", 1)[1]
    assert rows(db, "SELECT status, story_id FROM claims WHERE id = ?", (cid,)) == [
        ("disputed", sid)
    ]
    assert page.inner_text("span.status") == "disputed"
    article, start, end, passage = rows(
        db,
        'SELECT article_id, start, "end", passage FROM evidence WHERE claim_id = ? '
        "ORDER BY rowid LIMIT 1",
        (cid,),
    )[0]
    shown = page.eval_on_selector_all(
        "div.evidence blockquote mark.ev", "els => els.map(e => e.textContent)"
    )
    assert passage in shown
    link = f"/articles/{quote(article, safe='')}#a-{start}-{end}"
    page.click(f"div.evidence a.in-article[href='{link}'] >> nth=0")
    page.wait_for_url(f"**{link}")
    # the passage is marked where the link lands (a mark crossing another is cut into
    # pieces that share its data-ref; the first piece is the target)
    target = page.evaluate(
        """() => {
          const t = document.querySelector(':target');
          const pieces = [...document.querySelectorAll(`mark[data-ref="${t.id}"]`)]
            .filter(m => !m.parentElement.closest(`mark[data-ref="${t.id}"]`));
          const r = t.getBoundingClientRect();
          return [t.tagName, t.classList.contains('ev'), pieces.map(m => m.textContent).join(''),
                  r.top >= 0 && r.top < innerHeight];
        }"""
    )
    assert target == ["MARK", True, passage, True]
    assert visit.errors == [] and visit.dialogs == [] and visit.violations() == []
    assert all(url.startswith(visit.base) for url in visit.requests)


def test_a_facet_narrows_the_list_of_claims(visit, store) -> None:  # noqa: ANN001
    db, _ = store
    total = rows(db, "SELECT count(*) FROM claims")[0][0]
    disputed = rows(db, "SELECT count(*) FROM claims WHERE status = 'disputed'")[0][0]
    assert 0 < disputed < total
    page = visit.page
    visit.go("/news/claims")
    assert page.inner_text("h3").split()[0].replace(",", "") == str(total)
    page.click("#facet-status a:text-is('disputed')")
    page.wait_for_url("**status=disputed*")
    assert page.inner_text("h3").split()[0] == str(disputed)
    statuses = page.eval_on_selector_all(
        "table.rows-and-columns td.col-status", "els => els.map(e => e.textContent.trim())"
    )
    assert statuses == ["disputed"] * disputed


def test_a_csv_export_downloads_and_parses(visit, store, tmp_path: Path) -> None:  # noqa: ANN001
    db, _ = store
    page = visit.page
    visit.go("/news/claims?" + urlencode({"status": "disputed"}))
    page.check("form[action$='claims.csv'] input[name=_dl]")
    with page.expect_download() as got:
        page.click("form[action$='claims.csv'] input[type=submit]")
    saved = tmp_path / "claims.csv"
    got.value.save_as(saved)
    assert got.value.suggested_filename == "claims.csv"
    with saved.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    expected = rows(db, "SELECT id, status, k, text FROM claims WHERE status = 'disputed'")
    assert sorted((r["id"], r["status"], int(r["k"]), r["text"]) for r in table) == sorted(expected)


def test_a_hostile_article_never_runs_script(visit, store) -> None:  # noqa: ANN001
    db, _ = store
    ((evil, sid),) = rows(db, "SELECT id, story_id FROM articles WHERE source LIKE '%evil.txt'")
    ((record,),) = rows(db, "SELECT id FROM articles WHERE source LIKE '%evil.jsonl%'")
    entity = rows(db, "SELECT entity_id FROM mentions WHERE article_id = ? LIMIT 1", (evil,))
    claim = rows(db, "SELECT claim_id FROM evidence WHERE article_id = ? LIMIT 1", (evil,))
    paths = [
        "/",
        f"/stories/{sid}",
        f"/articles/{quote(evil, safe='')}",
        f"/articles/{quote(record, safe='')}",
        "/search?q=pwned",
        "/search?q=" + quote("<script>window.pwned=5</script>"),
        "/news/articles",
        "/news/articles?" + urlencode({"_search": "pwned"}),
        "/news/flags",
        *(f"/entities/{quote(e, safe='')}" for (e,) in entity),
        *(f"/claims/{quote(c, safe='')}" for (c,) in claim),
    ]
    for path in paths:
        visit.go(path)
        assert visit.page.evaluate("typeof window.pwned") == "undefined", path
    assert visit.dialogs == []
    assert all(url.startswith(visit.base) for url in visit.requests)
    # the hostile text is shown as text
    visit.go(f"/articles/{quote(evil, safe='')}")
    assert "<script>window.pwned=1</script>" in visit.page.inner_text("div.article-text")
    assert visit.page.inner_text("td.outlet") == 'Evil <img src=x onerror="window.pwned=6"> Daily'
