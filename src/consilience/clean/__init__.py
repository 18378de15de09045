"""Cleaning: remove boilerplate lines, normalise characters, and keep a map to raw offsets.

``clean(raw, title)`` returns a ``Cleaned`` record: the cleaned text, an ``OffsetMap`` from cleaned
offsets to raw offsets, and one ``Removed`` record (raw offsets, reason) per removed stretch.
Pure Python, no resources to load. See docs/cleaning.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import OffsetMap, Removed
from .chars import emit_line, normalize_line
from .lines import BLANK, KEEP, Line, classify, split_lines
from .offsets import MapBuilder
from .titles import headline, lead, lead_start, title

__all__ = [
    "Cleaned",
    "MapBuilder",
    "clean",
    "headline",
    "lead",
    "lead_start",
    "normalize_line",
    "title",
]


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The outcome of cleaning one raw text.

    ``repairs`` counts each normalisation made, by kind (``comma_space``, ``stop_space``,
    ``quote_or_space``, ``invisible_char``, ``nfc``, ``newline``, ``trailing_space``), sorted."""

    text: str
    offsets: OffsetMap
    removed: tuple[Removed, ...] = ()
    repairs: tuple[tuple[str, int], ...] = ()


def clean(raw: str, title: str | None = None) -> Cleaned:
    """Return ``raw`` cleaned: boilerplate lines removed, characters normalised, one empty line
    at most between paragraphs, no leading or trailing blank lines; with the offset map and the
    removed stretches. ``title`` (from the input's metadata) makes later copies of it go too."""
    lines = split_lines(raw)
    classify(lines, title)
    out = MapBuilder()
    removed: list[Removed] = []
    counts: Counter[str] = Counter()
    prev: Line | None = None
    gap_blank: Line | None = None
    for line in lines:
        if line.status == BLANK:
            gap_blank = gap_blank or line
        elif line.status == KEEP:
            if prev is not None:
                _newline(out, raw, prev, counts)
                if gap_blank is not None:
                    _newline(out, raw, gap_blank, counts)
            emit_line(out, raw, line.start, line.end, counts, removed)
            prev, gap_blank = line, None
    removed.extend(_line_records(lines))
    removed.sort(key=lambda r: (r.start, r.end))
    text, offsets = out.build()
    return Cleaned(text, offsets, tuple(removed), tuple(sorted(counts.items())))


def _newline(out: MapBuilder, raw: str, line: Line, counts: Counter[str]) -> None:
    """Write one "\\n" standing for the line break that ends ``line``."""
    if raw[line.end : line.brk_end] == "\n":
        out.copy(raw, line.end, line.brk_end)
    else:
        out.replace("\n", line.end, line.brk_end)
        counts["newline"] += 1


def _line_records(lines: list[Line]) -> list[Removed]:
    """Return one record per stretch of removed lines with one reason (blank lines between them
    included), and one "blank_lines" record per run of 2+ blank lines (the extra ones)."""
    records: list[Removed] = []
    run: list[Line] = []  # the current stretch of removed lines sharing a reason
    blanks: list[Line] = []  # the current run of adjacent blank lines
    for line in lines:
        if line.status == BLANK:
            blanks.append(line)
            continue
        _flush_blanks(blanks, records)
        blanks = []
        if run and (line.status != run[0].status):
            records.append(Removed(run[0].start, run[-1].end, run[0].status))
            run = []
        if line.status != KEEP:
            run.append(line)
    _flush_blanks(blanks, records)
    if run:
        records.append(Removed(run[0].start, run[-1].end, run[0].status))
    return records


def _flush_blanks(blanks: list[Line], records: list[Removed]) -> None:
    if len(blanks) >= 2:
        records.append(Removed(blanks[1].start, blanks[-1].brk_end, "blank_lines"))
