"""The HTML report in a real headless chromium: filters, citation jumps, map and timeline, a
hostile article, and no request to anything but the file itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import HOSTILE_TITLE, hostile_report, rich_sample

from consilience.report.json import to_dict
from consilience.report.render import render
from consilience.report.view import story_views


@pytest.fixture(scope="module")
def rich() -> dict:
    return to_dict(rich_sample())


@pytest.fixture(scope="module")
def rich_file(rich: dict, tmp_path_factory) -> Path:  # noqa: ANN001
    return render(rich, ["html"], tmp_path_factory.mktemp("rich"))[0]


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:  # noqa: ANN001
    report = to_dict(hostile_report(tmp_path_factory.mktemp("hostile-in")))
    return render(report, ["html"], tmp_path_factory.mktemp("hostile"))[0]


def _visible_statuses(page) -> list[str]:  # noqa: ANN001
    return page.eval_on_selector_all(
        "#s1-claims > li.claim",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.status)",
    )


def test_filters_change_what_is_shown(open_report, rich_file: Path, rich: dict) -> None:  # noqa: ANN001
    claims = rich["stories"][0]["claims"]
    counts = {
        s: sum(c["status"] == s for c in claims)
        for s in ("corroborated", "disputed", "updated", "single_source")
    }
    opened = open_report(rich_file)
    page = opened.page
    assert len(_visible_statuses(page)) == len(claims)
    for status, n in counts.items():
        page.click(f"button[data-filter='{status}']")
        assert _visible_statuses(page) == [status] * n
        assert page.text_content("#s1-claims-shown") == f"{n} of {len(claims)} claims shown"
        assert page.get_attribute(f"button[data-filter='{status}']", "aria-pressed") == "true"
        assert page.get_attribute("button[data-filter='all']", "aria-pressed") == "false"
    page.click("button[data-filter='all']")
    assert len(_visible_statuses(page)) == len(claims)
    assert opened.errors == [] and opened.violations() == []


def _passage_state(page, ref: str) -> dict:  # noqa: ANN001
    return page.evaluate(
        """ref => {
            const el = document.getElementById(ref);
            const box = el.getBoundingClientRect();
            const pieces = [...document.querySelectorAll(`[data-ref="${ref}"]`)];
            return {
                focused: document.activeElement === el,
                target: el.matches(":target"),
                open: el.closest("details").open,
                inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
                current: pieces.every(p => p.classList.contains("current")),
                text: pieces.map(p => p.textContent).join(""),
            };
        }""",
        ref,
    )


def test_citation_jumps_to_the_passage(open_report, rich_file: Path, rich: dict) -> None:  # noqa: ANN001
    view = story_views(rich)[0]
    toll = next(c for c in rich["stories"][0]["claims"] if c["id"] == "toll")
    opened = open_report(rich_file)
    page = opened.page
    for value in toll["conflicts"][0]["values"]:
        n = view.number(value["article"])
        ref = f"s1-a{n}-{value['start']}-{value['end']}"
        closed = page.evaluate("r => !document.getElementById(r).closest('details').open", ref)
        assert closed  # each value is in another article, none opened yet
        page.click(f"li[data-status='updated'] a[href='#{ref}']")
        page.wait_for_function("r => location.hash === '#' + r", arg=ref)
        state = _passage_state(page, ref)
        text = view.by_id[value["article"]].text[value["start"] : value["end"]]
        assert state == {
            "focused": True,
            "target": True,
            "open": True,
            "inView": True,
            "current": True,
            "text": text,
        }
    # Only the last passage followed is current.
    current = page.eval_on_selector_all(".current", "els => els.map(e => e.dataset.ref)")
    assert current and set(current) == {ref}
    assert opened.errors == [] and opened.violations() == []


def test_opening_the_page_at_a_passage(open_report, rich_file: Path, rich: dict) -> None:  # noqa: ANN001
    view = story_views(rich)[0]
    ev = rich["stories"][0]["claims"][0]["evidence"][0]
    ref = f"s1-a{view.number(ev['article'])}-{ev['start']}-{ev['end']}"
    opened = open_report(rich_file, fragment=f"#{ref}")
    state = _passage_state(opened.page, ref)
    assert state["focused"] and state["target"] and state["open"] and state["inView"]
    assert state["text"] == ev["text"]


def test_map_and_timeline_render(open_report, rich_file: Path, rich: dict) -> None:  # noqa: ANN001
    story = rich["stories"][0]
    located = {
        e["geo"]["geonameid"] for e in story["entities"] if e["geo"] and e["geo"]["lat"] is not None
    }
    opened = open_report(rich_file)
    page = opened.page
    assert page.locator("svg.map g.place").count() == len(located)
    assert page.locator("svg.timeline-chart g.tl-event").count() == len(story["timeline"])
    for selector in ("svg.map", "svg.timeline-chart"):
        box = page.locator(selector).bounding_box()
        assert box["width"] > 600 and box["height"] > 100, selector
    # Markers are drawn inside the map, each a visible circle.
    inside = page.evaluate("""() => {
        const map = document.querySelector("svg.map").getBoundingClientRect();
        return [...document.querySelectorAll("svg.map g.place circle")].every(c => {
            const b = c.getBoundingClientRect();
            return b.width > 5 && b.left >= map.left - 1 && b.right <= map.right + 1
                && b.top >= map.top - 1 && b.bottom <= map.bottom + 1;
        });
    }""")
    assert inside
    # A marker links to its place in the legend.
    page.click("svg.map a[href='#s1-pl1']")
    assert page.evaluate("document.activeElement.id") == "s1-pl1"


def test_hostile_article_runs_nothing(open_report, hostile_file: Path) -> None:  # noqa: ANN001
    opened = open_report(hostile_file)
    page = opened.page
    # Open every article and follow every link in the page that stays in it.
    page.eval_on_selector_all("details", "els => els.forEach(d => d.open = true)")
    links = "els => els.map(a => a.getAttribute('href'))"
    for href in page.eval_on_selector_all("a[href^='#']", links):
        page.click(f"a[href='{href}'] >> nth=0")
    for el in page.query_selector_all("article h4, mark, .warnings li"):
        el.hover()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert opened.dialogs == [] and opened.errors == [] and opened.violations() == []
    assert page.locator("script").count() == 1
    assert page.locator("img, iframe, svg[onload]").count() == 0
    assert HOSTILE_TITLE in page.inner_text("article.doc:first-of-type h4")
    assert "<script>window.pwned=1</script>" in page.inner_text("article.doc:first-of-type .text")
    assert opened.requests == [opened.url]


def test_the_policy_blocks_injected_script(open_report, hostile_file: Path) -> None:  # noqa: ANN001
    """Were escaping ever to fail, the page's policy still refuses any other script."""
    opened = open_report(hostile_file)
    page = opened.page
    page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.injected = 1";
        document.body.appendChild(s);
        const d = document.createElement("div");
        d.innerHTML = '<img src="data:," onerror="window.injected = 2">';
        document.body.appendChild(d);
    }""")
    page.wait_for_timeout(100)
    assert page.evaluate("typeof window.injected") == "undefined"
    assert any(v.startswith("script-src") for v in opened.violations())


def test_no_request_but_the_file(open_report, rich_file: Path) -> None:  # noqa: ANN001
    opened = open_report(rich_file)
    page = opened.page
    page.click("button[data-filter='disputed']")
    page.click("li[data-status='disputed'] a.cite >> nth=0")
    page.click("svg.timeline-chart a >> nth=0")
    page.wait_for_timeout(200)
    assert opened.requests == [opened.url]
