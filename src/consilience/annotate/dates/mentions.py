"""Date mentions in a text: spaCy's DATE spans and the regex finder's (``extra_date_spans``),
resolved (``date_mentions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ...model import DateMention
from .cues import context_before
from .foreign import future_clause, parse_foreign
from .lexicon import _COMPARED, _EXACT_NUM, _OFFSET_AFTER
from .parse import Parsed, Resolved, _resolve_parsed, parse_expression, weekday_date

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
# A clock word after a four-digit number: "1336 GMT", "2045 hours", "0900 local time".
_CLOCK_AFTER = re.compile(r"\s*\)?\s*(?:GMT|UTC|Z|hours|hrs|local\s+time)\b")


# A word that puts a time of day right after it: "at 1336 GMT", "(1336 GMT)", "until 0600
# hours"; not "in 2019 hours after", "since 2014 UTC".
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:at|about|around|approximately|until|till|before|after|from|by)|\()\s*$",
    re.IGNORECASE,
)


def _clock(digits: str) -> bool:
    """Return True when four digits read as a time of day (00:00 to 23:59)."""
    return int(digits[:2]) <= 23 and int(digits[2:]) <= 59


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
    if (
        _CLOCK_AFTER.match(text, end)
        and _CLOCK_BEFORE.search(text, max(0, start - 24), start)
        and _clock(text[start:end].strip())
    ):
        return False  # "at 1336 GMT", "at about 2045 hours": a time of day
    if published is None or parsed.year is None:
        return True
    return published.year - YEARS_BACK <= parsed.year <= published.year + YEARS_AHEAD


def _foreign_mentions(
    text: str, spans: Sequence[tuple[int, int]], published: date | None, language: str
) -> list[DateMention]:
    out = []
    for start, end in sorted(spans):
        parsed = parse_foreign(text[start:end], language)
        if (
            parsed.kind == "date"
            and parsed.weekday is not None
            and parsed.day is None
            and parsed.modifier is None
            and future_clause(text, start, end, language)
        ):
            # "se votará el viernes", "soll am Freitag abstimmen": the coming Friday
            parsed = replace(parsed, modifier="next")
        found = _resolve_parsed(parsed, published)
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
