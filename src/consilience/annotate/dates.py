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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from ..model import DateMention, Precision

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NUM = {name: i for i, name in enumerate(WEEKDAYS)}
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "couple of": 2,
}
# Modifiers that change which occurrence of a weekday (or week, month, year) is meant.
_MODIFIERS = frozenset({"this", "last", "next", "coming", "past", "previous"})
# Words that may precede a date without changing what date is named.
_LEADING = re.compile(
    r"^(?:on|in|since|by|until|till|from|during|at|of|as of|for|through|throughout|before|"
    r"after|around|about|between|to|into|over|within|the)\s+"
)
_QUALIFIER = (
    r"(?:more than|less than|fewer than|nearly|almost|about|around|roughly|approximately|"
    r"some|over|under|at least|at most|up to|just|only|barely|well over|the last|the past|"
    r"the next|the first|the previous|the coming|last|past|next|first|previous|coming)"
)
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SINGLE_WORDS = "|".join(
    sorted(
        (k for k in _NUMBER_WORDS if " " not in k and k not in ("a", "an")), key=len, reverse=True
    )
)
# A number that gives an exact count ("a week ago", "twenty two days"); longest words first.
_EXACT_NUM = (
    rf"(?:\d+|a hundred|a couple of|couple of|(?:{_TENS_WORDS})[\s-]+(?:{_UNITS_WORDS})"
    rf"|{_SINGLE_WORDS}|an|a)"
)
# Any count, exact or not ("a few", "several"), for durations.
_ANY_NUM = (
    r"(?:\d+(?:[.,]\d+)?|a few|few|several|some|many|dozens of|hundreds of|half a|a half"
    rf"|a dozen|{_EXACT_NUM})"
)
_UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centuries|"
    r"millennium|millennia)"
)
_AGO = re.compile(
    rf"^(?:{_QUALIFIER}\s+)?(?P<n>{_EXACT_NUM})\s+(?P<u>day|week|fortnight|month|year)s?"
    r"\s+(?P<dir>ago|prior|earlier)$"
)
# The word that turns a length of time right before it into a date ("two days" + " earlier"),
# unless it compares or points at a later event ("a week prior to the vote", "earlier than").
_COMPARED = re.compile(r"\s+(?:to|than)\b", re.IGNORECASE)
_OFFSET_AFTER = re.compile(r"\s+(?:ago|prior|earlier)\b(?!\s+(?:to|than)\b)", re.IGNORECASE)
_DURATION = re.compile(rf"(?:^|\s){_ANY_NUM}\s*[- ]?\s*{_UNIT}s?\b")
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|midday|lunchtime|dawn)"
_TODAY = re.compile(
    rf"^(?:(?:early|earlier|late|later)\s+)?(?:today|tonight|this\s+{_PART_OF_DAY}|"
    rf"this\s+(?:early|late)\s+{_PART_OF_DAY})$"
)
_YESTERDAY = re.compile(
    rf"^(?:(?:early|late)\s+)?(?:yesterday(?:\s+{_PART_OF_DAY})?|last\s+night)$"
)
_PERIOD_REL = re.compile(
    r"^(?:(?:early|earlier|late|later|mid|the end of|end of|the start of|start of|"
    r"the beginning of|beginning of)\s+)?(?P<m>this|last|next|past|previous|coming)\s+"
    r"(?P<u>week|weekend|month|year)$"
)
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|h\d{0,2}\b|gmt\b|utc\b|o'clock)"
    r"|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight|midday|dawn|dusk|nightfall|daybreak)\b"
)
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_YEAR = re.compile(r"(?<![\d'])(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\d])")
_DECADE = re.compile(
    r"\b(?:1[0-9]|20)?\d0'?s\b|'\d0s\b|\b(?:twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties)\b"
)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:'s)?\b")
_MONTH_PART = re.compile(
    r"\b(?:early|late|mid|the end of|end of|the start of|start of|the beginning of|"
    r"beginning of|the middle of|middle of)\s*-?\s*(?=[a-z0-9])"
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


def context_before(text: str, start: int, words: int = 3) -> str:
    """The last ``words`` words of ``text`` before ``start`` (within the same line)."""
    window = text[max(0, start - max(60, 12 * words)) : start]
    window = window.rsplit("\n", 1)[-1]
    return " ".join(window.split()[-words:])


# Words before a date that speak of the future. ``_FUTURE`` alone ("will", "they'll",
# "upcoming"); ``_PLANNED`` after a present "is"/"are" ("is expected", "are due", "is set",
# "is to"), or right before "for"/"on" and the date ("scheduled for", "due on"); ``_INTEND``
# before "to" ("plans to").
_FUTURE = frozenset({"will", "shall", "won't", "upcoming", "forthcoming"})
_NOUN_WILL = frozenset(
    {"the", "a", "political", "his", "her", "their", "its", "own", "free", "good", "ill", "popular"}
)
_PRESENT_BE = frozenset({"is", "are", "am", "remains", "remain"})
_PLANNED = frozenset(
    {
        "expected",
        "due",
        "scheduled",
        "slated",
        "set",
        "planned",
        "poised",
        "going",
        "likely",
        "to",
        "tipped",
    }
)
_CAUSAL_DUE = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_PLANNED_FOR = frozenset({"expected", "due", "scheduled", "slated", "set", "planned"})
_PAST_MARK = frozenset({"was", "were", "had", "been", "originally", "initially"})
_INTEND = frozenset(
    {
        "plans",
        "plan",
        "intends",
        "intend",
        "expects",
        "expect",
        "hopes",
        "hope",
        "aims",
        "aim",
        "wants",
        "want",
        "seeks",
        "seek",
        "vows",
        "vow",
        "promises",
        "promise",
        "pledges",
        "pledge",
        "prepares",
        "prepare",
    }
)
_ADVERBS = frozenset(
    {
        "also",
        "now",
        "still",
        "again",
        "tentatively",
        "currently",
        "widely",
        "officially",
        "then",
        "not",
        "already",
        "reportedly",
        "provisionally",
    }
)
# Words after a future cue that start another clause or say the date is past.
_CUE_BREAKS = frozenset(
    {
        "said",
        "says",
        "told",
        "since",
        "ago",
        "after",
        "when",
        "that",
        "who",
        "which",
        "was",
        "were",
        "had",
        "did",
        "yesterday",
        "last",
        "earlier",
    }
)
_CLAUSE_END = re.compile(r"[.!?;:,()\[\]\"\u201c\u201d\u2014\u2013]")


def speaks_of_future(context: str) -> bool:
    """True when the words before a date (``context``, cut at the last clause break) put it in
    the future: "will meet on", "is expected on", "are due to vote on", "scheduled for",
    "plans to hold talks on". Past forms ("was expected on", "had been scheduled for") and
    a later reporting verb or "since" ("will stay, officials said on") do not count."""
    text = context.replace("\u2019", "'").lower()
    text = _CLAUSE_END.split(text)[-1]
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    cue = -1
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = [w for w in words[i + 1 :] if w not in _ADVERBS]
        if word in _FUTURE or word.endswith("'ll"):
            if not (word == "will" and before in _NOUN_WILL):
                cue = i
        elif (
            (word in _PRESENT_BE or word.endswith(("'re", "'s")))
            and after[:1]
            and (after[0] in _PLANNED)
        ):
            if not (after[:2] == ["due", "to"] and after[2:3] and after[2] in _CAUSAL_DUE):
                cue = i  # "is due to vote", not "is due to the strike"
        elif (
            word in _PLANNED_FOR
            and i >= len(words) - 2
            and words[-1] in ("for", "on")
            and before not in _PAST_MARK
        ):
            cue = i
        elif word in _INTEND and after[:1] == ["to"]:
            cue = i
    return cue >= 0 and not any(w in _CUE_BREAKS for w in words[cue + 1 :])


# Enough words before a date to find the verb group of its clause ("will hold talks on").
_CLAUSE_WORDS = 8
_WEEKDAY_PIECE = re.compile(
    r"\b(?:(?:this|last|next|coming|past|previous)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|\u2019s)?"
    r"(?:\s+(?:morning|afternoon|evening|night)s?)?\b",
    re.IGNORECASE,
)
_OWN_MODIFIER = re.compile(r"(?i)(?:this|last|next|coming|past|previous)\s")
# What may stand between the weekdays of a list or range ("between Thursday and Friday").
_LIST_WORDS = frozenset(
    {
        "and",
        "or",
        "to",
        "through",
        "thru",
        "until",
        "till",
        "between",
        "from",
        "both",
        "either",
        "on",
        "over",
        "during",
        "of",
        "the",
        ",",
        "-",
        "&",
        "/",
        "\u2013",
        "\u2014",
    }
)


def date_mentions(
    text: str, spans: Sequence[tuple[int, int]], published: date | None, language: str = "en"
) -> list[DateMention]:
    """The DateMentions of the DATE/TIME ``spans`` of ``text``, resolved against ``published``,
    in span order: one per span, except a list or range of weekdays ("between Thursday and
    Friday"), which gives one per weekday, with the weekday's own span.

    A modifier that spaCy left outside the span ("last" before "Sunday") is read from the
    word before it; a future verb group before it ("will meet on") makes a bare weekday the
    coming one. A length of time followed by "ago", "prior" or "earlier" outside the span
    ("two days" + " earlier") is taken into the span. "Earlier"/"prior" count back from the
    last day named before in the same paragraph ("On Friday ... two days earlier"), "ago"
    and paragraphs without a named day from the publication date.

    A ``language`` other than English reads each span with that language's data
    (``parse_foreign``), one mention per span.
    """
    if language != "en":
        return _foreign_mentions(text, spans, published, language)
    ordered = sorted(spans)
    mentions: list[DateMention] = []
    for i, (start, end) in enumerate(ordered):
        following = ordered[i + 1][0] if i + 1 < len(ordered) else len(text)
        end = _with_offset_word(text, start, end, following)
        context = context_before(text, start, _CLAUSE_WORDS)
        pieces = _weekday_pieces(text, start, end)
        if pieces:
            mentions.extend(_weekday_list(text, pieces, context, published))
            continue
        parsed = parse_expression(text[start:end], context, text[end : end + 3])
        if not _plausible_bare_year(text, start, end, parsed, published):
            parsed = Parsed(kind="vague")  # a score, a street number: not a year
        if parsed.anchored and _COMPARED.match(text, end):
            parsed = Parsed(kind="duration")  # "a week earlier than planned", "... prior to"
        anchor = _anchor(text, start, mentions) if parsed.anchored else None
        if anchor is not None:
            found = _resolve_parsed(parsed, date.fromisoformat(anchor.value or ""))
            found = replace(found, relative=anchor.relative)
        else:
            found = _resolve_parsed(parsed, published)
        mentions.append(
            DateMention(start, end, found.value, found.precision, found.kind, found.relative)
        )
    return mentions


_BARE_NUMBER = re.compile(r"\d{4}")
# A street name after a number: "2134 Caldwell Place", "1119 Seventh Street".
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Place|Pl|Drive|Dr|Lane|Ln|"
    r"Boulevard|Blvd|Way|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq)\b\.?"
)
# How far from the publication year a bare four-digit number may lie and still be read as a
# year: news names history back a century and a half, and plans a generation ahead.
YEARS_BACK, YEARS_AHEAD = 150, 30


def _plausible_bare_year(
    text: str, start: int, end: int, parsed: Parsed, published: date | None
) -> bool:
    """False when the span is a bare four-digit number that cannot be a year here: a street
    number ("2134 Caldwell Place"), or a number far from the publication year ("a total score
    of 2072" in 2019). Any other span is left as parsed."""
    if parsed.kind != "date" or not _BARE_NUMBER.fullmatch(text[start:end].strip()):
        return True
    if _STREET_AFTER.match(text, end):
        return False
    if published is None or parsed.year is None:
        return True
    return published.year - YEARS_BACK <= parsed.year <= published.year + YEARS_AHEAD


def _foreign_mentions(
    text: str, spans: Sequence[tuple[int, int]], published: date | None, language: str
) -> list[DateMention]:
    out = []
    for start, end in sorted(spans):
        found = _resolve_parsed(parse_foreign(text[start:end], language), published)
        out.append(
            DateMention(
                start,
                end,
                found.value,
                found.precision,
                found.kind,
                found.relative,
            )
        )
    return out


def _with_offset_word(text: str, start: int, end: int, limit: int) -> int:
    """The span's end, moved past an "ago"/"prior"/"earlier" that makes the length of time in
    it a date ("two days" + " prior"), when no other span starts before that word ends."""
    after = _OFFSET_AFTER.match(text, end)
    if after is None or after.end() > limit:
        return end
    parsed = parse_expression(text[start : after.end()])
    if parsed.kind != "date" or (parsed.days_ago, parsed.months_ago, parsed.years_ago) == (
        None,
        None,
        None,
    ):
        return end
    return after.end()


def _anchor(text: str, start: int, mentions: Sequence[DateMention]) -> DateMention | None:
    """The last day named before ``start`` in the same paragraph, or None."""
    paragraph = text.rfind("\n", 0, start)
    for mention in reversed(mentions):
        if mention.end <= paragraph:
            return None
        if mention.precision == "day" and mention.value and mention.kind in ("date", "time"):
            return mention
    return None


def _weekday_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the weekdays of a span that lists two or more of them and nothing else
    ("between Thursday and Friday", "Monday, Tuesday and Wednesday nights"), else []."""
    span = text[start:end]
    found = list(_WEEKDAY_PIECE.finditer(span))
    if len(found) < 2:
        return []
    rest = _WEEKDAY_PIECE.sub(" ", span).lower()
    if any(t not in _LIST_WORDS for t in re.findall(r"[a-z]+|[^\sa-z]", rest)):
        return []
    return [(start + m.start(), start + m.end()) for m in found]


def _weekday_list(
    text: str, pieces: Sequence[tuple[int, int]], context: str, published: date | None
) -> list[DateMention]:
    """One mention per weekday of a list or range, read as a run of days in order. All bare
    ("between Thursday and Friday"): the last is the most recent such day and each one before
    it the latest such day on or before the next. Else the first resolves with its modifier
    ("last Thursday and Friday", or "next" in a future clause) and each bare one after it is
    the first such day on or after the one before; one with its own modifier stands alone."""
    parsed = [parse_expression(text[s:e], context, text[e : e + 3]) for s, e in pieces]
    own = [bool(_OWN_MODIFIER.match(text[s:e])) for s, e in pieces]
    days: list[date | None] = [None] * len(parsed)
    if published is not None and all(p.weekday is not None for p in parsed):
        weekdays = [p.weekday or 0 for p in parsed]
        if parsed[0].modifier is None and not any(own):
            later = published
            for k in range(len(parsed) - 1, -1, -1):
                later = days[k] = weekday_date(weekdays[k], None, later)
        else:
            before = days[0] = weekday_date(weekdays[0], parsed[0].modifier, published)
            for k in range(1, len(parsed)):
                if own[k]:
                    before = weekday_date(weekdays[k], parsed[k].modifier, published)
                    continue
                before = days[k] = before + timedelta(days=(weekdays[k] - before.weekday()) % 7)
    out = []
    for (s, e), p, day in zip(pieces, parsed, days, strict=True):
        found = _resolve_parsed(p, published)
        if day is not None:
            found = Resolved(day.isoformat(), "day", found.kind, True)
        out.append(DateMention(s, e, found.value, found.precision, found.kind, found.relative))
    return out


# Full month names in any case ("december 8, 2024"), except "may" (the verb); abbreviations
# capitalised only ("Mar", not "mar").
_MONTH_NAMES = (
    r"(?:(?i:January|February|March|April|June|July|August|September|October|November|December)"
    r"|May|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY_NAMES = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_EXTRA = re.compile(
    rf"\b(?:(?:[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|[Pp]ast)\s+)?{_WEEKDAY_NAMES}"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:,?\s+(?:{_MONTH_NAMES}\s+{_DAY_NUM}|{_DAY_NUM}\s+{_MONTH_NAMES})(?:,?\s+\d{{4}})?)?\b"
    rf"|\b{_MONTH_NAMES}\s+{_DAY_NUM}(?:,?\s+\d{{4}})?\b"
    rf"|\b{_DAY_NUM}\s+{_MONTH_NAMES}(?:,?\s+\d{{4}})?(?!\w)"
    rf"|(?i:\b{_EXACT_NUM}\s+(?:day|week|fortnight|month|year)s?\s+(?:ago|prior|earlier)\b"
    r"(?!\s+(?:to|than)\b))"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))\b"
)


def extra_date_spans(text: str, covered: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Date phrases a regex finds that overlap none of the ``covered`` spans (spaCy's).

    Catches weekday phrases ("last Sunday", "Saturday, December 7"), "N days ago" (also
    "a week prior", "two days earlier", but not "a week prior to ..."), month-day
    ("November 27", "27 November") and today/yesterday/this morning, which the small spaCy model
    sometimes misses. Returns (start, end) spans in text order.
    """
    taken = sorted(covered)
    found = []
    for match in _EXTRA.finditer(text):
        start, end = match.span()
        if text[start:end].endswith("."):
            end -= 1  # "Dec." at a sentence end: keep the dot with the sentence
        if any(s < end and start < e for s, e in taken):
            continue
        found.append((start, end))
    return found


# --- Other languages than English -------------------------------------------------------------
# Date phrases of articles in other languages are found and read from dateparser's own language
# data (month and weekday names, relative words such as "hier" and patterns such as
# "il y a (N) jours", the number words its simplifications give, the word joining a day to its
# month, "de"), never from word lists of our own: a language dateparser knows gets day-month(-year)
# phrases ("7 décembre 2024", "7 de diciembre de 2024", "7. Dezember"), month-year phrases,
# weekdays (with the "last"/"next" words its relative phrases use: "samedi dernier"), numeric
# dates in the language's own order, and the relative phrases of its data for days, months
# and years ("hier", "il y a une semaine", "l'année dernière").

_UNITS = ("day", "week", "month", "year")
_DAY_SUFFIX = r"(?:er|re|e|º|°|ª|\.)?"  # 1er (fr), 1º (es, pt), 7. (de)
_YEAR_NUM = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_NUM_GROUP = r"(\d++[.,]?\d*+)"  # how dateparser's relative patterns write the number


@dataclass(frozen=True, slots=True)
class _Relative:
    pattern: re.Pattern
    unit: str  # day | week | month | year
    count: int | None  # fixed count ("hier": 1), None when the pattern captures it
    future: bool


@dataclass(frozen=True)
class _LocaleDates:
    months: dict[str, int]  # casefolded name or abbreviation -> 1..12
    weekdays: dict[str, int]  # casefolded name -> 0 (Monday)..6
    last_words: frozenset[str]
    next_words: frozenset[str]
    numbers: dict[str, int]  # number words of the data's simplifications ("une" -> 1)
    relatives: tuple[_Relative, ...]
    order: str  # "DMY", "MDY" or "YMD"
    finder: re.Pattern | None


def _clean_word(word: object) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", str(word)).casefold().strip().rstrip(".")


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=64)
def locale_dates(language: str) -> _LocaleDates | None:
    """The date words of ``language`` from dateparser's language data, or None when dateparser
    has no data for it."""
    try:
        from dateparser.languages import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # a language the installed dateparser lacks
        return None
    months = {
        _clean_word(w): i + 1
        for i, name in enumerate(_MONTHS_FIELDS)
        for w in info.get(name, ())
        if len(_clean_word(w)) >= 3
    }
    weekdays = {
        _clean_word(w): i
        for i, name in enumerate(WEEKDAYS)
        for w in info.get(name, ())
        if len(_clean_word(w)) >= 3
    }
    numbers: dict[str, int] = {}
    for item in info.get("simplifications", ()) or ():
        for key, value in item.items():
            if re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)?", key) and str(value).isdigit():
                numbers[_clean_word(key)] = int(value)
    relative = info.get("relative-type", {}) or {}
    last_words, next_words = _modifier_words(info, relative)
    relatives = _relatives(relative, info.get("relative-type-regex", {}) or {}, numbers)
    order = str(info.get("date_order") or "DMY")
    base = _LocaleDates(
        months,
        weekdays,
        last_words,
        next_words,
        numbers,
        relatives,
        order if order in ("DMY", "MDY", "YMD") else "DMY",
        None,
    )
    return replace(base, finder=_finder(base, info))


_MONTHS_FIELDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _words_of(phrases: Iterable[object] | None) -> set[str]:
    out: set[str] = set()
    for phrase in phrases or ():
        out.update(re.findall(r"[^\W\d_]+", _clean_word(phrase)))
    return out


def _modifier_words(info: dict, relative: dict) -> tuple[frozenset[str], frozenset[str]]:
    """The words that say "last" and "next" in the data's phrases for the previous and the next
    week, month and year ("la semaine dernière", "l'année prochaine"): the words of those
    phrases less the unit words and the words the other direction's phrases share."""
    units = set().union(*(_words_of(info.get(u, ())) for u in ("week", "month", "year")))
    past = set().union(*(_words_of(relative.get(f"1 {u} ago", ())) for u in _UNITS[1:]))
    coming = set().union(*(_words_of(relative.get(f"in 1 {u}", ())) for u in _UNITS[1:]))
    now = set().union(*(_words_of(relative.get(f"0 {u} ago", ())) for u in _UNITS[1:]))
    last = {w for w in past - coming - now - units if len(w) >= 3}
    nxt = {w for w in coming - past - now - units if len(w) >= 3}
    return frozenset(last), frozenset(nxt)


def _relatives(literal: dict, patterns: dict, numbers: dict[str, int]) -> tuple[_Relative, ...]:
    """Relative phrases for days, weeks, months and years: the data's fixed phrases ("hier":
    1 day ago) and its patterns ("il y a (N) jours"), their number also written as one of the
    data's number words ("il y a une semaine")."""
    out: list[_Relative] = []
    for key, phrases in literal.items():
        m = re.fullmatch(r"(in )?(\d+) (day|week|month|year)( ago)?", key)
        if m is None or (m.group(1) is None) == (m.group(4) is None):
            continue
        if m.group(3) == "week" and m.group(2) in ("0", "1"):
            continue  # "this week", "last week": no day named (vague in English too)
        words = [_clean_word(p) for p in phrases if _clean_word(p)]
        if not words:
            continue
        out.append(
            _Relative(
                re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.I),
                m.group(3),
                int(m.group(2)),
                m.group(1) is not None,
            )
        )
    number = r"(?P<n>\d+" + (f"|{_alternation(list(numbers))}" if numbers else "") + ")"
    for key, regexes in patterns.items():
        m = re.fullmatch(r"(in )?\\1 (day|week|month|year)( ago)?", key)
        if m is None or (m.group(1) is None) == (m.group(3) is None):
            continue
        for rx in sorted(regexes, key=len, reverse=True):
            if rx.count(_NUM_GROUP) != 1 or rx.count("(") != 1:
                continue
            before, after = (_loose(p) for p in rx.split(_NUM_GROUP))
            try:
                compiled = re.compile(rf"(?<!\w){before}{number}{after}(?!\w)", re.I)
            except re.error:
                continue
            out.append(_Relative(compiled, m.group(2), None, m.group(1) is not None))
    return tuple(out)


def _loose(piece: str) -> str:
    """A literal piece of a relative pattern, any run of spaces matching any whitespace."""
    import unicodedata

    words = unicodedata.normalize("NFC", piece).casefold().split(" ")
    return r"\s+".join(re.escape(w) for w in words)


def _finder(loc: _LocaleDates, info: dict) -> re.Pattern | None:
    """One pattern for the date phrases of a language (longest alternatives first)."""
    if not loc.months:
        return None
    month = rf"(?:{_alternation(list(loc.months))})\.?"
    # Names that stand alone as a date: full names, not abbreviations ("mar", "sam") and not the
    # first word of a longer name of the same day ("segunda" of "segunda-feira").
    full_months = [w for w in loc.months if len(w) >= 5]
    weekday_words = [
        w
        for w, i in loc.weekdays.items()
        if len(w) >= 4
        and not any(o != w and o.startswith(w) and j == i for o, j in loc.weekdays.items())
    ]
    pertain = [_clean_word(w) for w in info.get("pertain") or () if _clean_word(w).isalpha()]
    joint = rf"(?:\s+(?:{_alternation(pertain)}))?" if pertain else ""
    day = rf"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9]){_DAY_SUFFIX}"
    year = rf"{joint}\s+{_YEAR_NUM}(?!\d)"
    mods = _alternation(list(loc.last_words | loc.next_words))
    weekday = rf"(?:{_alternation(weekday_words)})" if weekday_words else None
    alternatives = [r.pattern.pattern.replace("(?P<n>", "(?:") for r in loc.relatives]
    lead = rf"(?:{weekday},?\s+)?" if weekday else ""
    alternatives.append(rf"(?<!\w){lead}{day}{joint}\s+{month}(?:,?{year})?(?!\w)")
    alternatives.append(
        rf"(?<!\w){lead}(?<!\d)(?:\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR_NUM}"
        rf"|{_YEAR_NUM}-\d{{2}}-\d{{2}})(?![\d\w])"
    )
    alternatives.append(rf"(?<!\w){month}{year}(?!\w)")
    if weekday:
        if mods:
            alternatives.append(rf"(?<!\w)(?:(?:{mods})\s+)?{weekday}(?:\s+(?:{mods}))?(?!\w)")
        else:
            alternatives.append(rf"(?<!\w){weekday}(?!\w)")
    if full_months:
        alternatives.append(rf"(?<!\w)(?:{_alternation(full_months)})(?!\w)")
    try:
        return re.compile("|".join(f"(?:{a})" for a in alternatives), re.I)
    except re.error:
        return None


def foreign_date_spans(
    text: str, language: str | None, covered: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Date phrases of ``text``, written in ``language`` (not English), that overlap none of the
    ``covered`` spans, found with dateparser's data for that language; [] when it has none."""
    loc = locale_dates(language or "")
    if loc is None or loc.finder is None:
        return []
    taken = sorted(covered)
    found = []
    for match in loc.finder.finditer(text):
        start, end = match.span()
        if end - start > 1 and text[end - 1] == "." and not re.search(r"\d\.$", text[:end]):
            end -= 1  # "déc." at a sentence end: keep the full stop with the sentence
        if any(s < end and start < e for s, e in taken):
            continue
        found.append((start, end))
    return found


def parse_foreign(expr: str, language: str) -> Parsed:
    """What a date phrase in ``language`` says, read with dateparser's data for the language
    (see ``foreign_date_spans``); kind "vague" when it names no date."""
    loc = locale_dates(language)
    if loc is None:
        return Parsed(kind="vague")
    text = re.sub(r"\s+", " ", _clean_word(expr).replace("\u2019", "'")).strip(' ,;:()"')
    for rel in loc.relatives:
        m = rel.pattern.fullmatch(text)
        if m is None:
            continue
        raw = m.groupdict().get("n") if rel.count is None else str(rel.count)
        n = int(raw) if raw and raw.isdigit() else loc.numbers.get(raw or "")
        if n is None:
            return Parsed(kind="vague")
        n = -n if rel.future else n
        if rel.unit in ("day", "week"):
            return Parsed(kind="date", days_ago=n * (7 if rel.unit == "week" else 1))
        if rel.unit == "month":
            return Parsed(kind="date", months_ago=n)
        return Parsed(kind="date", years_ago=n)
    numeric = _foreign_numeric(text, loc.order)
    if numeric is not None:
        return numeric
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text)
    month = next((loc.months[w] for w in words if w in loc.months), None)
    weekday = next((loc.weekdays[w] for w in words if w in loc.weekdays), None)
    years = re.findall(rf"(?<!\d){_YEAR_NUM}(?!\d)", text)
    year = int(years[0]) if years else None
    if month is not None:
        days = re.findall(r"(?<!\d)(\d{1,2})(?!\d)", text)
        day = int(days[0]) if days else None
        if day is not None and not 1 <= day <= 31:
            return Parsed(kind="vague")
        return Parsed(kind="date", year=year, month=month, day=day, weekday=weekday)
    if weekday is not None:
        modifier = None
        if any(w in loc.last_words for w in words):
            modifier = "last"
        elif any(w in loc.next_words for w in words):
            modifier = "next"
        return Parsed(kind="date", weekday=weekday, modifier=modifier)
    return Parsed(kind="vague")


def _foreign_numeric(text: str, order: str) -> Parsed | None:
    """A numeric date ("07/12/2024", "7.12.2024", "2024-12-07") read in the language's order."""
    iso = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text)
    if iso:
        year, month, day = (int(x) for x in iso.groups())
    else:
        m = re.search(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)", text)
        if m is None:
            return None
        a, b, year = (int(x) for x in m.groups())
        day, month = (b, a) if order == "MDY" else (a, b)
    try:
        date(year, month, day)
    except ValueError:
        return Parsed(kind="vague")
    return Parsed(kind="date", year=year, month=month, day=day)
