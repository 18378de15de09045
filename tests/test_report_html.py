"""The HTML report, read as a document (lxml): what it may load, what it escapes, where its
citations point, its map and timeline. tests/browser/ drives it in a real browser."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from datetime import date

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import (
    HOSTILE_OUTLET,
    HOSTILE_RECORD,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    hostile_report,
    rich_sample,
    sample_report,
)

from consilience.model import (
    Conflict,
    ConflictValue,
    Entity,
    Geo,
    Ref,
    TimelineEvent,
)
from consilience.report.charts import fit
from consilience.report.html import marked_text, render_html
from consilience.report.json import to_dict
from consilience.report.view import story_views

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
LOADING_TAGS = (
    "link",
    "img",
    "iframe",
    "frame",
    "object",
    "embed",
    "video",
    "audio",
    "source",
    "track",
    "base",
    "form",
    "input",
    "meta[@http-equiv='refresh']",
    "image",
    "use",
)


@pytest.fixture(scope="module")
def rich() -> dict:
    return to_dict(rich_sample())


@pytest.fixture(scope="module")
def page(rich: dict) -> str:
    return render_html(rich)


@pytest.fixture(scope="module")
def doc(page: str):  # noqa: ANN201
    return lxml.html.document_fromstring(page)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[dict, str]:  # noqa: ANN001
    report = to_dict(hostile_report(tmp_path_factory.mktemp("hostile")))
    return report, render_html(report)


def _by_ref(doc, ref: str) -> str:  # noqa: ANN001
    """The text of every piece of a marked passage, in document order."""
    return "".join(el.text_content() for el in doc.xpath("//mark[@data-ref=$r]", r=ref))


# ------------------------------------------------------------------------- self-contained


def _assert_self_contained(page: str, external: set[str]) -> None:
    doc = lxml.html.document_fromstring(page)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp == [CSP.format(digest)]
    for tag in LOADING_TAGS:
        assert doc.xpath(f"//{tag}") == [], tag
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name in el.attrib:
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name.lower() not in ("src", "srcset", "xlink:href", "style", "background")
    hrefs = doc.xpath("//@href")
    assert {h for h in hrefs if not h.startswith("#")} == external
    for a in doc.xpath("//a[not(starts-with(@href, '#'))]"):
        assert a.get("rel") == "noopener noreferrer nofollow"
    css = "".join(doc.xpath("//style/text()"))
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_page_is_self_contained(page: str, rich: dict) -> None:
    urls = {a["url"] for a in rich["articles"] if a["url"]}
    assert len(urls) == 7  # every sample article but the content farm's has a web address
    _assert_self_contained(page, urls)


def test_hostile_page_is_self_contained_and_escaped(hostile: tuple[dict, str]) -> None:
    report, page = hostile
    _assert_self_contained(page, {"https://calm.example/river"})
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//svg[@onload]") == [] and doc.xpath("//iframe") == []
    headings = [h.text_content() for h in doc.xpath("//article/h4")]
    record = HOSTILE_RECORD
    assert sorted(headings) == sorted(
        [
            f"[1]{HOSTILE_OUTLET}: {HOSTILE_TITLE}",
            f"[2]{record['source_domain']}: {record['title']}",
            "[3]Calm Courier: River levels fall in Trento",
        ]
    )
    evil = next(a for a in report["articles"] if a["title"] == HOSTILE_TITLE)
    assert evil["text"] == HOSTILE_TEXT.strip()
    texts = [d.text_content() for d in doc.xpath("//div[@class='text']")]
    assert evil["text"] in texts
    # The javascript: addresses are shown as text, never as links.
    assert "javascript:window.pwned=4 (not a web address)" in page
    assert "javascript:window.pwned=11 (not a web address)" in page
    # The warning's span is marked at exactly the script tag the flag points at (in pieces
    # where a sentence boundary crosses it).
    refs = {m.get("data-ref") for m in doc.xpath("//mark[contains(@class, 'fl')]")}
    assert len(refs) == 1
    assert _by_ref(doc, refs.pop()) == "<script>window.pwned=1</script>"


def test_untrusted_ids_never_become_html_ids(hostile: tuple[dict, str]) -> None:
    _, page = hostile
    doc = lxml.html.document_fromstring(page)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert all(
        re.fullmatch(r"s\d+(-(a\d+(-\d+-\d+)?|ev\d+|pl\d+|claims(-shown)?))?", i) for i in ids
    ), ids


# ------------------------------------------------------------------------- citations


def test_every_fragment_link_has_its_target(doc) -> None:  # noqa: ANN001
    ids = set(doc.xpath("//@id"))
    targets = {h[1:] for h in doc.xpath("//@href") if h.startswith("#")}
    assert targets and targets <= ids


def test_evidence_is_marked_at_its_exact_span(doc, rich: dict) -> None:  # noqa: ANN001
    view = story_views(rich)[0]
    checked = 0
    for claim in rich["stories"][0]["claims"]:
        for ev in claim["evidence"]:
            ref = f"s1-a{view.number(ev['article'])}-{ev['start']}-{ev['end']}"
            first = doc.get_element_by_id(ref)
            assert first.tag == "mark" and "ev" in first.get("class").split()
            assert _by_ref(doc, ref) == ev["text"]
            link = doc.xpath("//li[contains(@class, 'claim')]//a[@href=$h]", h=f"#{ref}")
            assert link and link[0].text_content() == f"[{view.number(ev['article'])}]"
            checked += 1
    assert checked >= 20


def test_conflicting_values_are_marked(doc, rich: dict) -> None:  # noqa: ANN001
    view = story_views(rich)[0]
    toll = next(c for c in rich["stories"][0]["claims"] if c["id"] == "toll")
    found = []
    for v in toll["conflicts"][0]["values"]:
        ref = f"s1-a{view.number(v['article'])}-{v['start']}-{v['end']}"
        found.append(_by_ref(doc, ref))
    assert found == ["Two people died", "rose to three", "rose to four"]
    sides = doc.xpath("//li[@data-status='updated']//ul[@class='sides']/li")
    assert [s.text_content() for s in sides] == ["2 [1]", "→", "3 [7]", "→", "4 [8]"]


def test_marked_text_nests_crossing_spans() -> None:
    spans = {(0, 5): {"ev"}, (3, 8): {"cv"}, (3, 5): {"tl"}}
    assert marked_text("abcdefghij", spans, "p") == (
        '<mark id="p-0-5" tabindex="-1" class="ev" data-ref="p-0-5" title="cited as evidence">'
        'abc<mark id="p-3-8" tabindex="-1" class="cv" data-ref="p-3-8" title="a disputed value">'
        '<mark id="p-3-5" tabindex="-1" class="tl" data-ref="p-3-5" title="dates an event">de'
        '</mark></mark></mark><mark class="cv" data-ref="p-3-8" title="a disputed value">fgh'
        "</mark>ij"
    )
    assert marked_text("a<b>&c", {(1, 4): {"ev", "fl"}}, "q") == (
        'a<mark id="q-1-4" tabindex="-1" class="ev fl" data-ref="q-1-4" '
        'title="cited as evidence, the reason for a warning">&lt;b&gt;</mark>&amp;c'
    )


@given(st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40), st.data())
def test_marked_text_keeps_text_and_spans(text: str, data) -> None:  # noqa: ANN001
    n = len(text)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, n)), max_size=6))
    spans = {(s, e): {"ev"} for s, e in pairs if s < e}
    html = marked_text(text, spans, "p")
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    assert root.text_content() == text
    for s, e in spans:
        assert len(root.xpath("//mark[@id=$i]", i=f"p-{s}-{e}")) == 1
        assert _by_ref(root, f"p-{s}-{e}") == text[s:e]


# ------------------------------------------------------------------------- sections


def test_claim_filters_count_each_status(doc, rich: dict) -> None:  # noqa: ANN001
    claims = rich["stories"][0]["claims"]
    buttons = {b.get("data-filter"): b.text_content() for b in doc.xpath("//button")}
    expected = {"all": f"All {len(claims)}"}
    labels = {  # in reading order: contested first, then changed, established, one source
        "disputed": "Disputed",
        "updated": "Updated",
        "corroborated": "Established",
        "single_source": "Single source",
    }
    for status, label in labels.items():
        expected[status] = f"{label} {sum(c['status'] == status for c in claims)}"
    assert buttons == expected
    items = doc.xpath("//ol[@id='s1-claims']/li")
    assert [i.get("data-status") for i in items] == sorted(
        (c["status"] for c in claims), key=list(labels).index
    )


def test_sources_show_copies_and_rewrites(doc) -> None:  # noqa: ANN001
    items = doc.xpath("//ol[@class='sources-list']/li")
    assert len(items) == 6
    first = items[0].text_content()
    assert first.startswith("[1] Alpine News Agency: Adige bursts its banks near Rovereto")
    assert [li.text_content() for li in items[0].xpath("./ul/li")] == [
        "[3] Euro Brief rewrite of [1]",
        "[5] valleypost.example copy of [1]",
    ]
    assert [li.xpath("string(a)") for li in items] == ["[1]", "[2]", "[4]", "[6]", "[7]", "[8]"]
    # no title: its first sentence stands in
    assert items[1].text_content() == "[2] dam-burst-claims.txt: Italy Dam BURST?"
    assert (
        doc.xpath("string(//article[@id='s1-a2']/h4)")
        == "[2]dam-burst-claims.txt: Italy Dam BURST?"
    )


def test_map_draws_one_marker_per_place(doc, rich: dict) -> None:  # noqa: ANN001
    located = {
        e["geo"]["geonameid"]
        for e in rich["stories"][0]["entities"]
        if e["geo"] and e["geo"]["lat"] is not None
    }
    markers = doc.xpath("//svg[@class='map']/a/g[contains(@class, 'place')]")
    assert len(markers) == len(located) >= 5
    assert [m.get("data-n") for m in markers] == [str(i) for i in range(1, len(located) + 1)]
    legend = doc.xpath("//ol[@class='legend']/li")
    assert len(legend) == len(located)
    assert doc.xpath("//svg[@class='map']//path[contains(@class, 'home')]/title/text()")[:1] in (
        ["Italy"],
        ["Austria"],
    )


def _story_with(report, **fields):  # noqa: ANN001, ANN003, ANN202
    story = replace(report.stories[0], **fields)
    return to_dict(replace(report, stories=(story,)))


def test_far_place_goes_to_the_edge() -> None:
    report = rich_sample()
    a = report.articles[0]
    here = [
        Entity(
            id=f"p{i}",
            name=name,
            type="GPE",
            aliases=(name,),
            mentions=tuple(Ref(x.id, 0, 1) for x in report.articles[:k]),
            geo=Geo(i, name, "IT", lat, lon),
        )
        for i, (name, lat, lon, k) in enumerate(
            [("North", 46.0, 11.0, 6), ("South", 45.5, 11.2, 4)], 1
        )
    ]
    far = Entity(
        id="p3",
        name="Far",
        type="GPE",
        aliases=("Far",),
        mentions=(Ref(a.id, 0, 1),),
        geo=Geo(3, "Far", "US", 26.2, -81.7),
    )
    doc = lxml.html.document_fromstring(render_html(_story_with(report, entities=(*here, far))))
    markers = doc.xpath("//svg[@class='map']/a/g")
    assert [(m.get("class"), m.xpath("string(title)")) for m in markers] == [
        ("place", "North: named in 6 report(s)"),
        ("place", "South: named in 4 report(s)"),
        ("place outside", "Far (outside the map: US): named in 1 report(s)"),
    ]
    labels = doc.xpath("//svg[@class='map']/text[@class='place-label']/text()")
    assert sorted(labels) == ["Far ←", "North", "South"]
    assert doc.xpath("//svg[@class='map']/svg[@class='locator']")  # a small view gets an inset


@given(
    st.floats(-170, 160),
    st.floats(-75, 65),
    st.lists(st.tuples(st.floats(0, 10), st.floats(0, 10)), min_size=1, max_size=8),
)
def test_frame_holds_every_point(lon0: float, lat0: float, offsets) -> None:  # noqa: ANN001
    points = [(lon0 + dx, lat0 + dy) for dx, dy in offsets]
    frame = fit(points, 720)
    assert 1.25 - 1e-9 <= frame.width / frame.height <= 2.0 + 1e-9
    for lon, lat in points:
        x, y = frame.xy(lon, lat)
        assert 0 <= x <= frame.width and 0 <= y <= frame.height


def test_timeline_draws_one_event_each_and_the_other_dates(rich: dict) -> None:
    report = rich_sample()
    ana = next(a for a in report.articles if a.url and "alpinenews" in a.url)
    update = next(a for a in report.articles if a.url and "rises-to-three" in a.url)
    s1, s2 = ana.text.index("since Sunday"), update.text.index("since Wednesday")
    events = (
        TimelineEvent(
            "2025-03-09",
            "day",
            "The rain began",
            (Ref(ana.id, s1, s1 + 12),),
            Conflict(
                "date",
                (
                    ConflictValue(ana.id, "2025-03-09", s1, s1 + 12),
                    ConflictValue(update.id, "2025-03-12", s2, s2 + 15),
                ),
                "two start dates",
            ),
        ),
        TimelineEvent("2025-03", "month", "A wet month", (Ref(ana.id, 0, 5),)),
        TimelineEvent("2025-03-14", "day", "The river burst its banks", (Ref(ana.id, 0, 5),)),
    )
    doc = lxml.html.document_fromstring(render_html(_story_with(report, timeline=events)))
    drawn = doc.xpath("//svg[@class='timeline-chart']/a/g")
    assert [(g.get("class"), g.xpath("string(title)")) for g in drawn] == [
        ("tl-event", "March 2025: A wet month"),
        ("tl-event conflict", "9 March 2025: The rain began"),
        ("tl-event", "14 March 2025: The river burst its banks"),
    ]
    assert [t.text for t in doc.xpath("//circle[@class='tl-alt']/title")] == [
        "also dated 12 March 2025"
    ]
    assert len(doc.xpath("//rect[@class='tl-range']")) == 1  # the month is a span, not a dot
    pubs = doc.xpath("//rect[@class='tl-pub']/title/text()")
    assert pubs == [
        "6 report(s) published on 14 March 2025",
        "1 report(s) published on 15 March 2025",
        "1 report(s) published on 16 March 2025",
    ]
    note = doc.xpath("//ol[@class='events']/li[2]//div[@class='conflict-note']")[0]
    assert note.text_content() == (
        "Sources disagree on the date: 9 March 2025 [1]; 12 March 2025 [7] — two start dates"
    )
    assert _by_ref(doc, f"s1-a7-{s2}-{s2 + 15}") == "since Wednesday"


def test_a_story_without_story_records() -> None:
    from test_report_md import bare_stories

    doc = lxml.html.document_fromstring(render_html(bare_stories(to_dict(sample_report()))))
    muted = doc.xpath("//section[contains(@class, 'block')]/p[@class='muted']/text()")
    assert muted == [
        "No claims have been extracted for this story yet; its articles and sources are below.",
        "No dated events for this story yet.",
        "No place of this story has been located yet.",
        "Independence not assessed yet: each report counts on its own.",
    ]
    assert len(doc.xpath("//article[@class='doc']")) == 8
    assert doc.xpath("//svg") == []


def _inside(lon: float, lat: float, ring) -> bool:  # noqa: ANN001
    """Ray casting: is the point inside the ring?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@pytest.mark.parametrize(
    ("iso2", "lon", "lat"),
    [
        ("IT", 11.04, 45.89),
        ("AT", 11.39, 47.26),
        ("SY", 36.29, 33.51),
        ("BR", -47.9, -15.8),
        ("JP", 139.7, 35.7),
        ("US", -98.0, 39.0),
    ],
)
def test_world_outlines_hold_their_places(iso2: str, lon: float, lat: float) -> None:
    from consilience.report.charts import world

    countries = world()
    assert len(countries) == 177
    assert all(ring[0] == ring[-1] for c in countries for ring in c.rings)
    holders = [c.iso2 for c in countries if any(_inside(lon, lat, r) for r in c.rings)]
    assert holders == [iso2]


@given(st.integers(1, date.max.toordinal() - 1), st.integers(1, date.max.toordinal()))
def test_timeline_ticks_for_any_span_of_days(lo: int, hi: int) -> None:
    from consilience.report.charts import _ticks

    lo, hi = min(lo, hi), max(lo, hi) + 1
    hi = min(hi, date.max.toordinal())
    ticks = _ticks(lo, hi)
    assert 1 <= len(ticks) <= 12 or hi - lo < 2
    assert all(lo <= d <= hi + 1 for d, _ in ticks)
