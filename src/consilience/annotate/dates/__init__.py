"""Dates: what a DATE/TIME span means, as an ISO value placed against the publication date.

The spans come from spaCy (plus a small regex finder, ``extra_date_spans``, for weekday phrases,
"N days ago" and month-day patterns the model misses). ``parse_expression`` analyses one span into
its parts (weekday, month, day, year, "N days ago", duration, ...) without any reference date;
``resolve`` places those parts against the publication date P. Weekday expressions are resolved
by our own rules, not by dateparser, because news usage differs from dateparser's defaults
("on Friday" in a report is the most recent Friday, never the next one). dateparser is used only
to read calendar expressions ("Dec. 7th, 2024", "27 November", "12/07/2024"), with its relative
parsers off, and is imported lazily because it is slow to import.
"""

from __future__ import annotations

from .cues import context_before, speaks_of_future
from .foreign import (
    calendar_words,
    foreign_date_spans,
    locale_dates,
    parse_foreign,
    year_words,
)
from .lexicon import WEEKDAYS
from .mentions import YEARS_AHEAD, YEARS_BACK, date_mentions, extra_date_spans
from .parse import Parsed, Resolved, parse_expression, resolve, weekday_date

__all__ = [
    "Parsed",
    "Resolved",
    "WEEKDAYS",
    "YEARS_AHEAD",
    "YEARS_BACK",
    "context_before",
    "date_mentions",
    "extra_date_spans",
    "foreign_date_spans",
    "locale_dates",
    "parse_expression",
    "parse_foreign",
    "calendar_words",
    "year_words",
    "resolve",
    "speaks_of_future",
    "weekday_date",
]
