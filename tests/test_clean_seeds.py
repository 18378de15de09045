"""Cleaning the five seed reports in ../shared/seeds (read at run time; skipped when absent).

The boilerplate lines are named by their line index in each file; their text is read from the
files, never written here.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest

from consilience.clean import Cleaned, clean, headline, normalize_line

pytestmark = pytest.mark.shared

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"

# File prefix -> {line index: reason} for every boilerplate line.
BOILERPLATE: dict[str, dict[int, str]] = {
    "000": {0: "share_widget", 6: "repeated_headline", 62: "comment_widget"},
    "001": {37: "section_kicker", **dict.fromkeys(range(38, 44), "related_links")},
    "002": {13: "table_of_contents"},
    "003": {9: "dangling_header"},
    "004": {},
}
# The reasons of the removed records, in order.
REASONS: dict[str, tuple[str, ...]] = {
    "000": ("share_widget", "repeated_headline", "comment_widget"),
    "001": ("section_kicker", "related_links"),
    "002": ("table_of_contents",),
    "003": ("dangling_header",),
    "004": (),
}
# The line that headline() must return, by index, or None.
HEADLINE: dict[str, int | None] = {"000": 2, "001": None, "002": None, "003": 0, "004": None}

_COMMA_GLUE = re.compile(r"[^\W\d_],[^\W\d_]")
_STOP_GLUE = re.compile(r"[a-z]{2}[.?!][A-Z][a-z]")


def _seed(prefix: str) -> tuple[str, list[str], Cleaned]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS} (they live beside the checkout)")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if len(paths) != 1:
        pytest.skip(f"seed {prefix}_*.txt not found in {SEEDS}")
    raw = paths[0].read_text(encoding="utf-8")
    return raw, raw.split("\n"), clean(raw)


def _line_starts(raw: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", raw)]


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_the_seed_files_have_the_expected_shape(prefix: str) -> None:
    """Guards the line indices used below against a changed seed file."""
    _raw, lines, _c = _seed(prefix)
    for i in BOILERPLATE[prefix]:
        assert lines[i].strip(), f"line {i} of {prefix} is empty"
    if prefix == "000":
        assert lines[6] == lines[2]
    if prefix == "001":
        assert all(lines[i].startswith("- ") for i in range(39, 44))
        assert len(lines) == 44


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_kept_lines_are_exactly_the_content_lines_in_order(prefix: str) -> None:
    _raw, lines, c = _seed(prefix)
    expected = [
        normalize_line(line)
        for i, line in enumerate(lines)
        if line.strip() and i not in BOILERPLATE[prefix]
    ]
    assert [line for line in c.text.split("\n") if line] == expected


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_boilerplate_lines_are_gone(prefix: str) -> None:
    _raw, lines, c = _seed(prefix)
    cleaned = c.text.split("\n")
    content = [normalize_line(line) for i, line in enumerate(lines) if i not in BOILERPLATE[prefix]]
    for i in BOILERPLATE[prefix]:
        gone = normalize_line(lines[i])
        # A repeated headline still appears once: where it was first.
        assert cleaned.count(gone) == content.count(gone), (prefix, i)
        assert cleaned.count(gone) <= 1


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_removed_records(prefix: str) -> None:
    raw, lines, c = _seed(prefix)
    assert tuple(r.reason for r in c.removed) == REASONS[prefix]
    starts = _line_starts(raw)
    covered: dict[int, str] = {}
    for r in c.removed:
        first = bisect.bisect_right(starts, r.start) - 1
        last = bisect.bisect_right(starts, r.end - 1) - 1
        assert r.start == starts[first]  # a record starts where its line starts
        assert raw[r.start : r.end] == raw[r.start : r.end].rstrip()
        for i in range(first, last + 1):
            covered[i] = r.reason
    assert covered == BOILERPLATE[prefix]


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_spacing_repaired_and_characters_normalised(prefix: str) -> None:
    raw, _lines, c = _seed(prefix)
    assert _COMMA_GLUE.findall(c.text) == []
    assert _STOP_GLUE.findall(c.text) == []
    assert not re.search("[\u201c\u201d\u2018\u2019\u00ab\u00bb\u00a0\r]", c.text)
    if prefix == "002":  # the seed that has glued commas and sentence ends to repair
        repairs = dict(c.repairs)
        assert repairs["comma_space"] == len(_COMMA_GLUE.findall(raw)) == 9
        assert repairs["stop_space"] == len(_STOP_GLUE.findall(raw)) == 3


@pytest.mark.parametrize("prefix", sorted(BOILERPLATE))
def test_offsets_lead_back_to_the_raw_text(prefix: str) -> None:
    raw, _lines, c = _seed(prefix)
    o = c.offsets
    mapped = [o.to_raw(i) for i in range(len(c.text) + 1)]
    assert mapped == sorted(mapped)
    for i, ch in enumerate(c.text):
        if o.copied[bisect.bisect_right(o.clean, i) - 1]:
            assert raw[mapped[i]] == ch
        elif ch != " ":
            assert normalize_line(raw[mapped[i]]) == ch or raw[mapped[i]] == "\n" == ch
    # every word of the cleaned text is found at its mapped place in the raw text
    for m in re.finditer(r"[^\W\d_]{3,}", c.text):
        assert raw[mapped[m.start()] : mapped[m.start()] + len(m.group())] == m.group()


@pytest.mark.parametrize("prefix", sorted(HEADLINE))
def test_headline_of_the_cleaned_seeds(prefix: str) -> None:
    _raw, lines, c = _seed(prefix)
    index = HEADLINE[prefix]
    assert headline(c.text) == (None if index is None else lines[index])


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_paragraph_breaks_are_kept(prefix: str) -> None:
    raw, _lines, c = _seed(prefix)
    if prefix == "000":  # paragraphs separated by one blank line: still one blank line
        parts = c.text.split("\n\n")
        assert all(part and "\n" not in part for part in parts)
        assert len(parts) == len([p for p in raw.split("\n\n") if p.strip()]) - 3
    else:  # one paragraph a line, no blank line
        assert "\n\n" not in c.text
