"""One date expression: parsed into its parts (``parse_expression``) and placed against the
publication date (``resolve``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from ...model import Precision
from .cues import speaks_of_future
from .lexicon import (
    _AGO,
    _CLOCK,
    _DECADE,
    _DURATION,
    _LEADING,
    _MODIFIERS,
    _MONTH_PART,
    _MONTH_WORD,
    _MONTHS,
    _NUMBER_WORDS,
    _NUMERIC_DATE,
    _PART_OF_DAY,
    _PERIOD_REL,
    _TODAY,
    _WEEKDAY_NUM,
    _WEEKDAY_WORD,
    _YEAR,
    _YESTERDAY,
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a date expression says, before any reference date is applied.

    ``year``/``month``/``day`` are the calendar parts named explicitly; ``weekday`` is 0 for
    Monday; ``modifier`` is "this", "last" or "next" (None for a plain "on Friday");
    ``days_ago``/``months_ago``/``years_ago`` hold offsets from the publication date ("a week
    ago" is 7 days, "tomorrow" is -1 day); ``anchored`` marks offsets counted back from the
    time the narrative is at ("a week earlier", "two days prior"), which ``date_mentions``
    takes from a day named just before in the same paragraph, else from the publication date.
    """

    kind: str = "vague"  # date | duration | vague | time
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None
    days_ago: int | None = None
    months_ago: int | None = None
    years_ago: int | None = None
    anchored: bool = False

    @property
    def relative(self) -> bool:
        """True when the value depends on the publication date."""
        if self.kind in ("duration", "vague"):
            return False
        if self.days_ago is not None or self.months_ago is not None:
            return True
        if self.years_ago is not None:
            return True
        if self.month is not None and self.year is None:
            return True
        return self.weekday is not None and self.month is None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date expression: ISO ``value`` ("YYYY-MM-DD", "YYYY-MM" or "YYYY") with its
    ``precision``, or None when it names no placeable date (durations, vague spans, relative
    expressions without a publication date)."""

    value: str | None
    precision: Precision | None
    kind: str  # date | duration | vague | time
    relative: bool


def _normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces, outer punctuation stripped."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = text.replace("\u2014", "-").lower()
    text = re.sub(r"\s+", " ", text).strip(' \t,;:!?"()[]')
    return text.rstrip(".") if not text.endswith(("a.m.", "p.m.")) else text


def _number(text: str) -> int | None:
    """The integer a number written in digits or English words stands for."""
    text = text.replace("-", " ").strip()
    if text.isdigit():
        return int(text)
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and parts[0] in _NUMBER_WORDS and parts[1] in _NUMBER_WORDS:
        return _NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]]
    return None


def _strip_leading(text: str) -> str:
    """Drop leading prepositions and articles ("since", "on", "in the") repeatedly."""
    while True:
        shorter = _LEADING.sub("", text, count=1)
        if shorter == text:
            return text
        text = shorter


def _context_modifier(context: str) -> str | None:
    """The modifier ("this", "last", "next") ending the context, if any."""
    words = re.findall(r"[a-z]+", _normalise(context))
    if words and words[-1] in _MODIFIERS:
        return _canonical_modifier(words[-1])
    return None


def _canonical_modifier(word: str | None) -> str | None:
    if word in ("last", "past", "previous"):
        return "last"
    if word in ("next", "coming"):
        return "next"
    return word if word == "this" else None


@cache
def _parser():
    """One dateparser DateDataParser for calendar expressions (relative parsers off)."""
    from dateparser.date import DateDataParser

    # A leap year as the base, so that "February 29" parses whatever year it is now; the year of
    # an expression without one is chosen later from the publication date.
    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


@lru_cache(maxsize=4096)
def _calendar(text: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) named by a calendar expression, None parts where not named, or None
    when dateparser cannot read it."""
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings; treat as unreadable
        return None
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj
    year = found.year if _YEAR.search(text) or _NUMERIC_DATE.search(text) else None
    if data.period == "year":
        return (year, 0, None) if year is not None else None
    day = found.day if data.period in ("day", "time") else None
    return year, found.month, day


def _calendar_parts(text: str) -> tuple[int | None, int, int | None] | None:
    """Calendar parts of a month-name or numeric expression: the whole text first, then the
    first month-day / day-month / month-year piece inside it (ranges, lists)."""
    found = _calendar(text)
    if found is not None and found[1]:
        return found
    month = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
    piece = re.search(
        rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+\d{{4}})?"
        rf"|\b{month}(?:,?\s+\d{{4}})?",
        text,
    )
    if piece is None or piece.group(0) == text:
        return None
    found = _calendar(piece.group(0))
    return found if found is not None and found[1] else None


def parse_expression(expr: str, context: str = "", after: str = "") -> Parsed:
    """Analyse a date expression (a DATE/TIME span) into its parts; ``context`` is the few words
    before the span, which may carry the modifier ("since last" + "Sunday") or say that the
    clause speaks of the future ("will meet on" + "Monday": the coming Monday, see
    ``speaks_of_future``). ``after`` is the text right after the span: a possessive weekday
    ("will investigate Friday's attack", in the span or after it) names the day of a thing,
    not when the clause's verb happens, so the future does not move it.

    Returns a Parsed; unknown or unplaceable expressions come back as kind "vague".
    """
    text = _normalise(expr)
    is_time = bool(_CLOCK.search(text))
    text = _CLOCK.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;-")
    text = re.sub(r"\b(?:local time|time)\b", "", text).strip(" ,")
    if not text:
        return Parsed(kind="time" if is_time else "vague")
    core = _strip_leading(text)
    modifier = _context_modifier(context)
    possessive = bool(re.search(r"'s$", text) or re.match(r"['\u2019]s\b", after))
    future = not possessive and speaks_of_future(context)
    found = (
        _relative_day(core)
        or _ago(core)
        or _relative_period(core)
        or _weekday(core, modifier or ("next" if future else None))
        or _calendar_expression(core)
        or _year_or_decade(core)
        or _duration(core)
    )
    if found is None:
        return Parsed(kind="time" if is_time else "vague")
    if is_time and found.kind == "date":
        return replace(found, kind="time")  # "Friday night", "10 a.m. on Friday"
    return found


def _relative_day(text: str) -> Parsed | None:
    """today / tonight / this morning / yesterday / last night / tomorrow."""
    if _TODAY.match(text):
        kind = "date" if re.search(r"\btoday\b", text) else "time"
        return Parsed(kind=kind, days_ago=0)
    if _YESTERDAY.match(text):
        kind = "date" if text in ("yesterday", "early yesterday", "late yesterday") else "time"
        return Parsed(kind=kind, days_ago=1)
    if text in ("the day before yesterday", "day before yesterday"):
        return Parsed(kind="date", days_ago=2)
    if re.fullmatch(rf"tomorrow(?:\s+{_PART_OF_DAY})?", text):
        return Parsed(kind="date" if text == "tomorrow" else "time", days_ago=-1)
    return None


def _ago(text: str) -> Parsed | None:
    """ "a week ago", "3 days ago", "two months ago", "a week prior"."""
    match = _AGO.match(text)
    if match is None:
        return None
    n = _number(match.group("n"))
    if n is None:
        return None
    unit = match.group("u")
    anchored = match.group("dir") != "ago"
    if unit == "day":
        return Parsed(kind="date", days_ago=n, anchored=anchored)
    if unit in ("week", "fortnight"):
        return Parsed(
            kind="date", days_ago=n * (14 if unit == "fortnight" else 7), anchored=anchored
        )
    if unit == "month":
        return Parsed(kind="date", months_ago=n, anchored=anchored)
    return Parsed(kind="date", years_ago=n, anchored=anchored)


def _relative_period(text: str) -> Parsed | None:
    """ "last month", "this year", "next year"; weeks and "the past month" are vague."""
    match = _PERIOD_REL.match(text)
    if match is None:
        return None
    which, unit = match.group("m"), match.group("u")
    if unit in ("week", "weekend") or which in ("past", "previous", "coming"):
        return Parsed(kind="vague")
    offset = {"this": 0, "last": 1, "next": -1}[which]
    if unit == "month":
        return Parsed(kind="date", months_ago=offset)
    return Parsed(kind="date", years_ago=offset)


def _weekday(text: str, context_modifier: str | None) -> Parsed | None:
    """A weekday phrase: "Friday", "this Saturday", "last Sunday", "Friday night", and a weekday
    with a date ("Saturday, December 7"), which is read as that date with its weekday."""
    names = {m.group(1) for m in _WEEKDAY_WORD.finditer(text)}
    if not names:
        return None
    if len(names) > 1:
        return Parsed(kind="vague")
    weekday = _WEEKDAY_NUM[names.pop()]
    first = re.match(r"(this|last|next|coming|past|previous)\b", text)
    modifier = _canonical_modifier(first.group(1)) if first else context_modifier
    rest = _WEEKDAY_WORD.sub(" ", text)
    rest = re.sub(r"^\s*(?:this|last|next|coming|past|previous)\b", " ", rest).strip(" ,")
    if _MONTH_WORD.search(rest) or _NUMERIC_DATE.search(rest):
        parts = _calendar_parts(_strip_leading(rest))
        if parts is not None and parts[2] is not None:
            year, month, day = parts
            return Parsed(
                kind="date", year=year, month=month, day=day, weekday=weekday, modifier=modifier
            )
    is_time = bool(re.search(rf"\b{_PART_OF_DAY}\b", rest))
    return Parsed(kind="time" if is_time else "date", weekday=weekday, modifier=modifier)


def _calendar_expression(text: str) -> Parsed | None:
    """Month names and numeric dates: "November 27", "March 2011", "late November",
    "December 7, 2024", "2024-12-07"."""
    if not (_MONTH_WORD.search(text) or _NUMERIC_DATE.search(text)):
        return None
    # A month word alone may be the modal verb ("may") or a noun ("march"); spaCy marked the span
    # as a date, so only reject when nothing else hints at a calendar reading.
    has_part = bool(_MONTH_PART.search(text))
    cleaned = _MONTH_PART.sub("", text).strip(" ,-")
    cleaned = _strip_leading(cleaned)
    parts = _calendar_parts(cleaned)
    if parts is None:
        return Parsed(kind="vague")
    year, month, day = parts
    if has_part:
        day = None  # "late November": the month is the finest thing named
    return Parsed(kind="date", year=year, month=month, day=day)


def _year_or_decade(text: str) -> Parsed | None:
    """ "2011", "the year 2011", "early 2011", "the summer of 2011" -> a year; "the 1980s" ->
    vague."""
    if _DECADE.search(text):
        return Parsed(kind="vague")
    years = _YEAR.findall(text)
    if len(years) != 1:
        return Parsed(kind="vague") if years else None
    rest = _YEAR.sub(" ", _MONTH_PART.sub(" ", text))
    rest = re.sub(
        r"\b(?:the|year|of|in|since|by|until|from|during|fiscal|calendar|spring|summer|autumn|"
        r"fall|winter)\b",
        " ",
        rest,
    )
    if rest.strip(" ,-"):
        return None  # something else is named ("2011 war", "2011-12 season"): not just a year
    return Parsed(kind="date", year=int(years[0]))


def _duration(text: str) -> Parsed | None:
    """Lengths of time ("13 years", "24-year", "a year") are durations; bare or hedged units
    ("years", "recent months", "the past week", "decades") are vague."""
    if _DURATION.search(text):
        return Parsed(kind="duration")
    return None


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) - months
    return index // 12, index % 12 + 1


def _nearest_day(month: int, day: int, published: date) -> date | None:
    """The occurrence of month-day nearest to ``published`` (past preferred on ties), or None
    when none lies within half a year (February 29 far from a leap year)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # February 29 in a common year
            continue
    options = [d for d in options if abs((d - published).days) <= 184]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - published).days), d > published))


def _nearest_month(month: int, published: date) -> tuple[int, int]:
    """The (year, month) occurrence of ``month`` nearest to ``published`` (past on ties)."""
    here = published.year * 12 + published.month - 1

    def distance(year: int) -> tuple[int, bool]:
        there = year * 12 + month - 1
        return abs(there - here), there > here

    year = min((published.year - 1, published.year, published.year + 1), key=distance)
    return year, month


def weekday_date(weekday: int, modifier: str | None, published: date) -> date:
    """The date a weekday expression names in an article published on ``published``.

    Plain ("on Friday"): the most recent such day on or before P (news names the day of
    publication by its weekday too, and never uses a bare weekday for the coming days).
    "last": the most recent strictly before P. "this": the one in P's Monday-to-Sunday week.
    "next": the first strictly after P.
    """
    gap = (published.weekday() - weekday) % 7
    if modifier == "last":
        return published - timedelta(days=gap or 7)
    if modifier == "next":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if modifier == "this":
        return published + timedelta(days=weekday - published.weekday())
    return published - timedelta(days=gap)


def _resolve_parsed(parsed: Parsed, published: date | None) -> Resolved:
    """Place a Parsed against the publication date."""
    kind, relative = parsed.kind, parsed.relative
    if kind in ("duration", "vague"):
        return Resolved(None, None, kind, False)
    if relative and published is None:
        return Resolved(None, None, kind, True)
    if parsed.days_ago is not None:
        assert published is not None
        return Resolved(
            (published - timedelta(days=parsed.days_ago)).isoformat(), "day", kind, True
        )
    if parsed.months_ago is not None:
        assert published is not None
        year, month = _shift_months(published, parsed.months_ago)
        return Resolved(f"{year:04d}-{month:02d}", "month", kind, True)
    if parsed.years_ago is not None:
        assert published is not None
        return Resolved(f"{published.year - parsed.years_ago:04d}", "year", kind, True)
    return _resolve_calendar(parsed, published)


def _resolve_calendar(parsed: Parsed, published: date | None) -> Resolved:
    kind, relative = parsed.kind, parsed.relative
    if parsed.month is None:
        if parsed.weekday is not None and published is not None:
            weekday = weekday_date(parsed.weekday, parsed.modifier, published)
            return Resolved(weekday.isoformat(), "day", kind, True)
        if parsed.year is not None:
            return Resolved(f"{parsed.year:04d}", "year", kind, False)
        return Resolved(None, None, "time" if kind == "time" else "vague", False)
    if parsed.year is not None:
        if parsed.day is None:
            return Resolved(f"{parsed.year:04d}-{parsed.month:02d}", "month", kind, False)
        try:
            value = date(parsed.year, parsed.month, parsed.day).isoformat()
        except ValueError:
            return Resolved(None, None, "vague", False)
        return Resolved(value, "day", kind, False)
    assert published is not None  # relative without P returned earlier
    if parsed.day is None:
        year, month = _nearest_month(parsed.month, published)
        return Resolved(f"{year:04d}-{month:02d}", "month", kind, relative)
    found = _nearest_day(parsed.month, parsed.day, published)
    if found is None:
        return Resolved(None, None, "vague", False)
    return Resolved(found.isoformat(), "day", kind, relative)


def resolve(expr: str, published: date | None, context: str = "") -> Resolved:
    """Resolve a date expression against the publication date ``published`` (P).

    ``context`` is the few words before the span ("since last", "on"). Relative expressions
    (weekdays, "a week ago", "November 27" without a year) get value None when P is None;
    explicit ones ("December 7, 2024", "March 2011", "2011") resolve regardless.
    """
    return _resolve_parsed(parse_expression(expr, context), published)
