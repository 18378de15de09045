"""The Markdown briefing and the format registry, on reports made by the real pipeline (the
bundled sample corpus, a hostile file) with story records built from its annotations
(tests/report_fixtures.py)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_fixtures import HOSTILE_TITLE, hostile_report, rich_sample, sample_report

from consilience.errors import UsageError
from consilience.model import Conflict, ConflictValue, Ref, TimelineEvent
from consilience.report import render as registry
from consilience.report.html import render_html
from consilience.report.json import to_dict
from consilience.report.markdown import md_escape, render_markdown
from consilience.report.view import date_words, period_words, safe_url

# The sample corpus's articles in order of publication, then input order (README of the corpus).
ORDER = {
    "alpinenewsagency": 1,
    "eurobrief.example/world/2025/03/14": 3,
    "lagarinatoday": 4,
    "valleypost": 5,
    "notiziariolagarino": 6,
    "eurobrief.example/world/2025/03/15": 7,
    "dolomiteschronicle": 8,
}


@pytest.fixture(scope="module")
def rich() -> dict:
    return to_dict(rich_sample())


@pytest.fixture(scope="module")
def md(rich: dict) -> str:
    return render_markdown(rich)


def _lines_after(md: str, heading: str) -> list[str]:
    """The lines of the section under ``heading``, up to the next heading."""
    lines = md.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return [x for x in lines[start:end] if x]


# ------------------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    ("text", "at_start", "expected"),
    [
        ("<script>alert(1)</script>", False, r"\<script\>alert(1)\</script\>"),
        ("[x](javascript:alert(1))", False, r"\[x\](javascript:alert(1))"),
        (
            "![pixel](https://tracker.example/p.gif)",
            False,
            r"!\[pixel\](https://tracker.example/p.gif)",
        ),
        ("# Heading", True, r"\# Heading"),
        ("# Heading", False, "# Heading"),
        ("12. item", True, r"12\. item"),
        ("3) item", True, r"3\) item"),
        ("> quote", True, r"\> quote"),
        ("- dash", True, r"\- dash"),
        ("a_b*c|d~e&f`g\\h", False, r"a\_b\*c\|d\~e\&f\`g\\h"),
        ("line one\n\n  line   two ", False, "line one line two"),
        (None, False, ""),
    ],
)
def test_md_escape_exact(text: str, at_start: bool, expected: str) -> None:
    assert md_escape(text, at_start) == expected


_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=60)


@given(_TEXT)
def test_escaped_text_renders_as_itself(text: str) -> None:
    """Whatever an article says, as a list item it renders as exactly that text: no markup."""
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough")
    one_line = " ".join(text.split())
    html = md.render("- " + md_escape(text, True))
    if not one_line:
        assert html in ("<ul>\n<li></li>\n</ul>\n", "<ul>\n<li>\\</li>\n</ul>\n", "")
        return
    assert (
        html == f"<ul>\n<li>{escape(one_line, quote=False).replace(chr(34), '&quot;')}"
        "</li>\n</ul>\n"
    )


# ------------------------------------------------------------------------- views


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?y=1#z", "https://a.example/x?y=1#z"),
        ("HTTP://A.example/", "HTTP://A.example/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" https://a.example/", None),
        ('https://a.example/"onmouseover="x', None),
        ("https://a.example/<script>", None),
        ("//evil.example/x", None),
        ("data:text/html,<b>x</b>", None),
        ("https:///no-host", None),
        ("ftp://files.example/x", None),
        ("vbscript:x", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14", "14 March 2025"),
        ("2025-03", "March 2025"),
        ("2025", "2025"),
        ("2025-02-30", "2025-02-30"),
        ("soon", "soon"),
        (None, ""),
    ],
)
def test_date_words(value: str | None, expected: str) -> None:
    assert date_words(value) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-03-14", "2025-03-16", "14–16 March 2025"),
        ("2025-03-14", "2025-03-14", "14 March 2025"),
        ("2025-02-27", "2025-03-02", "27 February 2025 – 2 March 2025"),
        (None, "2025-03-02", "2 March 2025"),
        (None, None, ""),
    ],
)
def test_period_words(start: str | None, end: str | None, expected: str) -> None:
    assert period_words(start, end) == expected


# ------------------------------------------------------------------------- the briefing


def test_sections_in_reading_order(md: str) -> None:
    headings = [x for x in md.splitlines() if x.startswith("#")]
    assert headings == [
        "# Consilience briefing",
        "## 1. Adige bursts its banks near Rovereto; two dead, 12,000 evacuated",
        "### Warnings about articles",
        "### What is disputed",
        "### What changed as the story developed",
        "### What is established",
        "### What only one source says",
        "### Timeline",
        "### Who and where",
        "### Sources",
    ]


def test_summary_line(md: str, rich: dict) -> None:
    claims = rich["stories"][0]["claims"]
    counts = {
        s: sum(c["status"] == s for c in claims)
        for s in ("corroborated", "disputed", "updated", "single_source")
    }
    assert counts["updated"] == 1 and counts["disputed"] >= 1 and counts["corroborated"] >= 1
    assert (
        f"*8 report(s) from 7 outlet(s); 14–16 March 2025; 6 independent source(s) once "
        f"copies and rewrites are set aside; claims: {counts['corroborated']} established, "
        f"{counts['disputed']} disputed, 1 updated, {counts['single_source']} single "
        "source.*"
    ) in md.splitlines()


def test_update_reads_in_order_of_publication(md: str) -> None:
    assert _lines_after(md, "### What changed as the story developed") == [
        "- The death toll of the flood [1] [7] [8]",
        "  - “2” [1] → “3” [7] → “4” [8]",
        "    - later reports give a higher toll",
        "  - *Why:* each later report raises the toll",
    ]


def test_established_claims_give_their_count_and_citations(md: str, rich: dict) -> None:
    lines = _lines_after(md, "### What is established")
    heads = [x for x in lines if x.startswith("- ")]
    claims = [c for c in rich["stories"][0]["claims"] if c["status"] == "corroborated"]
    assert len(heads) == len(claims)
    for head in heads:
        assert re.fullmatch(r"- .+ — \*\*\d+ independent sources\*\* (\[\d\] ?)+", head), head
    # Each quoted passage is cited to the one article it comes from.
    quotes = [x for x in lines if x.startswith("  - “")]
    assert quotes and all(re.search(r"” \[\d\]$", q) for q in quotes)


def test_disputed_claim_lists_each_side_with_its_sources(md: str, rich: dict) -> None:
    lines = _lines_after(md, "### What is disputed")
    disputed = next(c for c in rich["stories"][0]["claims"] if c["status"] == "disputed")
    sides = [x for x in lines if x.startswith("  - number: ")]
    assert len(sides) == 1
    # Every conflicting value appears once, with the number of its article.
    values = {}
    for v in disputed["conflicts"][0]["values"]:
        values.setdefault(v["value"], set()).add(v["article"])
    for value in values:
        assert f"“{md_escape(value)}” [" in sides[0]
    assert sides[0].count("“") == len(values)


def test_source_list_numbers_notes_and_independence(md: str, rich: dict) -> None:
    lines = _lines_after(md, "### Sources")
    by_url = {a["url"]: a for a in rich["articles"] if a["url"]}
    for url, a in by_url.items():
        n = next(n for key, n in ORDER.items() if key in url)
        expected = (
            f"{n}. **{md_escape(a['outlet'])}**, “{md_escape(a['title'])}”, "
            f"{date_words(a['published']['date'])}, <{url}>"
        )
        note = {5: " — copy of [1]", 3: " — rewrite of [1]"}.get(n, "")
        assert expected + note in lines
    farm = next(a for a in rich["articles"] if a["outlet"] is None)
    # no title: its first sentence stands in
    assert (
        f"2. **dam-burst-claims.txt**, “Italy Dam BURST?”, 14 March 2025, "
        f"file {farm['source']['path']}"
    ) in lines
    assert lines[-1] == "Independent sources: [1] (passed on by [3] [5]); [2]; [4]; [6]; [7]; [8]."


def test_warnings_cite_the_article(md: str) -> None:
    assert _lines_after(md, "### Warnings about articles") == [
        "- [2] **low\\_quality**: many typos and missing spaces (see also [1])"
    ]


def test_timeline_lines(md: str, rich: dict) -> None:
    events = rich["stories"][0]["timeline"]
    lines = _lines_after(md, "### Timeline")
    assert len(lines) == len(events)
    last = max(events, key=lambda e: e["date"])
    # "Schools ... will stay closed on Monday" in a report of Friday 14 March: the coming Monday
    assert last["date"] == "2025-03-17"
    assert lines[-1] == f"- **17 March 2025** — {md_escape(last['text'])} [4]"


def test_timeline_date_conflict() -> None:
    report = rich_sample()
    by_n = {
        n: next(a for a in report.articles if a.url and key in a.url) for key, n in ORDER.items()
    }
    ana, update = by_n[1], by_n[7]
    s1 = ana.text.index("since Sunday")
    s2 = update.text.index("since Wednesday")
    event = TimelineEvent(
        date="2025-03-09",
        precision="day",
        text="The rain began",
        evidence=(Ref(ana.id, s1, s1 + 12), Ref(update.id, s2, s2 + 15)),
        conflict=Conflict(
            kind="date",
            why="the reports start the rain on different days",
            values=(
                ConflictValue(ana.id, "2025-03-09", s1, s1 + 12),
                ConflictValue(update.id, "2025-03-12", s2, s2 + 15),
            ),
        ),
    )
    story = replace(report.stories[0], timeline=(event,))
    md = render_markdown(to_dict(replace(report, stories=(story,))))
    assert _lines_after(md, "### Timeline") == [
        "- **9 March 2025** — The rain began [1] [7]",
        "  - Sources disagree on the date: “9 March 2025” [1]; “12 March 2025” [7] — the "
        "reports start the rain on different days",
    ]


def bare_stories(report: dict) -> dict:
    """The report with its stories' story-level records emptied (what a run writes when the
    story stages find nothing)."""
    for story in report["stories"]:
        story.update(entities=[], sources=[], claims=[], timeline=[])
    return report


def test_a_story_without_story_records() -> None:
    """A story with no claims, events, places or sources still reads as a briefing."""
    md = render_markdown(bare_stories(to_dict(sample_report())))
    assert (
        "No claims have been extracted for this story yet: the articles and their sources "
        "are listed below."
    ) in md.splitlines()
    assert "### Timeline" not in md
    sources = _lines_after(md, "### Sources")
    assert [x.split(".", 1)[0] for x in sources] == [str(n) for n in range(1, 9)]


def test_hostile_article_cannot_add_markup(tmp_path) -> None:  # noqa: ANN001
    report = to_dict(hostile_report(tmp_path / "in"))
    md = render_markdown(report)
    # The only unescaped angle brackets are the briefing's own autolink to the calm article.
    assert re.findall(r"(?<!\\)<[^>]*>", md) == ["<https://calm.example/river>"]
    assert f"“{md_escape(HOSTILE_TITLE)}”" in md
    assert "URL (not a web link): javascript:window.pwned=4," in md
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert 'href="javascript' not in html.lower()
    assert re.findall(r'href="([^"]*)"', html) == ["https://calm.example/river"]


# ------------------------------------------------------------------------- the registry


def test_parse_formats() -> None:
    assert registry.parse_formats("json,md,html") == ("json", "md", "html")
    assert registry.parse_formats(" HTML , markdown,md ") == ("html", "md")
    assert registry.parse_formats(["md"]) == ("md",)
    with pytest.raises(UsageError, match="unknown report format 'pdf': choose from json, md, html"):
        registry.parse_formats("json,pdf")
    with pytest.raises(UsageError, match="no report format given"):
        registry.parse_formats(" , ")


def test_render_writes_each_format(tmp_path, rich: dict) -> None:  # noqa: ANN001
    paths = registry.render(rich, ["md", "json", "html"], tmp_path / "out")
    assert [p.name for p in paths] == ["report.md", "report.json", "report.html"]
    assert json.loads((tmp_path / "out/report.json").read_text("utf-8")) == rich
    assert (tmp_path / "out/report.md").read_text("utf-8") == render_markdown(rich)
    assert (tmp_path / "out/report.html").read_text("utf-8") == render_html(rich)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "report.html",
        "report.json",
        "report.md",
    ]


def test_pieces_are_written_a_bounded_size_at_a_time(monkeypatch) -> None:  # noqa: ANN001
    import io

    class Counting(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.sizes: list[int] = []

        def write(self, s: str) -> int:
            self.sizes.append(len(s))
            return super().write(s)

    monkeypatch.setattr(registry, "WRITE_CHARS", 10)
    fh = Counting()
    registry._write(fh, iter(["abc", "defg", "hijk", "x" * 25, "lm", ""]))
    assert fh.getvalue() == "abcdefghijk" + "x" * 25 + "lm"
    # joined until ten characters, a long piece alone, the rest at the end
    assert fh.sizes == [11, 25, 2]


def test_render_writes_nothing_when_a_renderer_fails(tmp_path, rich, monkeypatch) -> None:  # noqa: ANN001
    (tmp_path / "report.json").write_text("old", encoding="utf-8")

    def broken(report: dict) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setitem(registry.RENDERERS, "html", broken)
    with pytest.raises(RuntimeError, match="renderer bug"):
        registry.render(rich, ["json", "md", "html"], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert (tmp_path / "report.json").read_text("utf-8") == "old"


def test_the_html_page_is_written_by_a_process_of_its_own(tmp_path, rich, monkeypatch) -> None:  # noqa: ANN001
    import multiprocessing

    def by_process(report: dict) -> str:
        return f"<p>{os.getpid()}</p>"

    monkeypatch.setitem(registry.RENDERERS, "html", by_process)
    registry.render(rich, ["json", "md", "html"], tmp_path / "set")
    pid = int((tmp_path / "set/report.html").read_text("utf-8")[3:-4])
    assert pid != os.getpid()
    assert json.loads((tmp_path / "set/report.json").read_text("utf-8")) == rich
    assert multiprocessing.active_children() == []
    # alone, or for a report made one item at a time, it is written here
    registry.render(rich, ["html"], tmp_path / "alone")
    assert (tmp_path / "alone/report.html").read_text("utf-8") == f"<p>{os.getpid()}</p>"


def test_a_write_failing_in_the_html_process_is_an_output_error(
    tmp_path,
    rich,
    monkeypatch,  # noqa: ANN001
) -> None:
    from consilience.errors import OutputError

    (tmp_path / "report.md").write_text("old", encoding="utf-8")

    def full(report: dict) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(registry.RENDERERS, "html", full)
    with pytest.raises(OutputError, match=r"to .*: No space left on device$"):
        registry.render(rich, ["json", "md", "html"], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
    assert (tmp_path / "report.md").read_text("utf-8") == "old"


def test_inputs_set_aside_are_listed(tmp_path) -> None:  # noqa: ANN001
    from report_fixtures import REFERENCE, write_hostile

    import consilience
    from consilience.report.html import render_html

    calm = write_hostile(tmp_path)[-1]
    empty = tmp_path / "empty [1].txt"
    empty.write_text("  \n", encoding="utf-8")
    report = to_dict(consilience.analyze([calm, empty], reference_date=REFERENCE, progress=False))
    (skipped,) = report["skipped"]
    assert skipped["code"] == "empty"
    md = render_markdown(report)
    assert _lines_after(md, "## Inputs set aside") == [
        f"- {md_escape(str(empty), True)}: {md_escape(skipped['reason'])} (code: empty)"
    ]
    assert md_escape(str(empty), True).endswith(r"empty \[1\].txt")
    assert (
        f"<li>{escape(str(empty))}: {escape(skipped['reason'])} <code>empty</code></li>"
        in render_html(report)
    )


def test_a_disputed_claims_explanation_is_printed_once(rich: dict) -> None:
    """A disputed claim's ``why`` quotes each conflict's explanation whole (the values and their
    articles); the reports print that explanation with the conflict's sides, and the claim's
    own reason without it."""
    import copy

    from consilience.report.html import render_html

    report = copy.deepcopy(rich)
    claim = next(c for c in report["stories"][0]["claims"] if c["status"] == "disputed")
    told = "Reports give different figures for dead: 2 (a.txt); 4 (b.txt)."
    claim["conflicts"][0]["why"] = told
    claim["why"] = f"Disputed (number): {told} 2 articles, each independent."
    md = render_markdown(report)
    assert md.count(md_escape(told, True)) == 1
    assert "  - *Why:* Disputed (number). 2 articles, each independent." in md.splitlines()
    page = render_html(report)
    assert page.count("Reports give different figures for dead") == 1
    assert "Why: Disputed (number). 2 articles, each independent." in page
