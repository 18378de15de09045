"""Publication dates inferred from the text, for articles whose metadata gives none.

A single article rarely states its own date, but the articles of one story together usually do:
one writes "December 8, 2024", another "this Saturday, December 7" (only one recent year has
December 7 on a Saturday). Those strong anchors fix the end R of the story's window (a full date
that no other article's dates gather around, such as a planned vote next month, is not trusted).
The story day S is the day in the last week of the window that the most articles name. Each
article is then dated to the day nearest S, within [its latest reported date, R], that fits its
weekday mentions ("this Friday" needs a publication date on or after the Friday in the same
Monday-to-Sunday week; "Saturday, November 30" one within six days after it). When weekday
mentions contradict each other the plain ones ("on Saturday") are dropped first.

``clues`` reads an article's DATE spans into Clue records; ``infer`` dates a whole story;
``story_dates`` gives the ``Published`` record of each article of a story, from its metadata
(``metadata_date``) or else from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ..model import Article, Published
from .dates import WEEKDAYS, context_before, parse_expression, parse_foreign

# How far back a weekday + month-day ("Saturday, December 7") may be placed.
ANCHOR_YEARS = 15
# How far before R an article's date is searched for (a story spans weeks, not years).
SEARCH_DAYS = 400
# An anchor counts articles with a dated mention up to this many days before it.
SUPPORT_DAYS = 7
# The story day is looked for among the days this far before the window end.
STORY_DAY_WINDOW = 6

_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(this|last|next|coming|past|previous)\s+)?\b(" + "|".join(WEEKDAYS) + r")\b[\s,(]*$",
    re.IGNORECASE,
)
_MODIFIER = {"past": "last", "previous": "last", "coming": "next"}


@dataclass(frozen=True, slots=True)
class Clue:
    """What one date span tells about when its article was written.

    ``year``/``month``/``day`` are the parts stated explicitly; ``weekday`` is 0 for Monday
    (also taken from just before the span: "this Saturday, December 7"); ``modifier`` is
    "this", "last", "next" or None for a plain "on Saturday"; ``relative`` is True when the
    span depends on the publication date ("on Saturday", "a week ago", "this morning",
    "November 27" without a year); ``days_ago`` is set for "today" (0), "yesterday" (1),
    "a week ago" (7).
    """

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None
    relative: bool = False
    days_ago: int | None = None


@dataclass(frozen=True, slots=True)
class Inferred:
    """An inferred publication date, the span of the clue that fixed it, and how."""

    date: date
    evidence: tuple[int, int]
    how: str


def clues(text: str, spans: Sequence[tuple[int, int]], language: str = "en") -> list[Clue]:
    """Clues from the DATE/TIME ``spans`` of ``text``, in span order; spans of an article in
    another ``language`` than English are read with that language's data.

    Durations, vague spans ("recent months") and month/year offsets ("last year") tell nothing
    about the day of publication and are left out.
    """
    found = []
    for start, end in sorted(spans):
        if language != "en":
            parsed = parse_foreign(text[start:end], language)
        else:
            parsed = parse_expression(text[start:end], context_before(text, start))
        if parsed.kind not in ("date", "time"):
            continue
        weekday, modifier = parsed.weekday, parsed.modifier
        if parsed.day is not None and weekday is None:
            before = _WEEKDAY_BEFORE.search(text[max(0, start - 30) : start])
            if before is not None:
                weekday = WEEKDAYS.index(before.group(2).lower())
                modifier = _canonical(before.group(1))
                start = max(0, start - 30) + before.start()
        if parsed.month is None and parsed.year is None and weekday is None:
            if parsed.days_ago is None:
                continue
        found.append(
            Clue(
                start,
                end,
                parsed.year,
                parsed.month,
                parsed.day,
                weekday,
                modifier,
                parsed.relative,
                parsed.days_ago,
            )
        )
    return found


def _canonical(word: str | None) -> str | None:
    if word is None:
        return None
    word = word.lower()
    return _MODIFIER.get(word, word)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _anchor(clue: Clue, reference: date) -> date | None:
    """The date of a strong anchor (a full date, or a weekday with a month-day) on or before
    ``reference``; None for anything else."""
    if clue.month is None or clue.day is None:
        return None
    if clue.year is not None:
        found = _valid(clue.year, clue.month, clue.day)
        return found if found is not None and found <= reference else None
    if clue.weekday is None:
        return None
    for year in range(reference.year, reference.year - ANCHOR_YEARS - 1, -1):
        found = _valid(year, clue.month, clue.day)
        if found is not None and found <= reference and found.weekday() == clue.weekday:
            return found
    return None


def _dated(clue: Clue, until: date) -> date | None:
    """The day a day-level clue names, a missing year chosen as the latest placing it on or
    before ``until`` (matching its weekday when it has one). May lie after ``until`` only when
    the year is explicit."""
    if clue.month is None or clue.day is None:
        return None
    if clue.year is not None:
        return _valid(clue.year, clue.month, clue.day)
    if clue.weekday is not None:
        anchored = _anchor(clue, until)
        if anchored is not None:
            return anchored
    for year in (until.year, until.year - 1, until.year - 4):  # Feb 29 may need a leap year
        found = _valid(year, clue.month, clue.day)
        if found is not None and found <= until:
            return found
    return None


def _lower_bound(clue: Clue, until: date) -> date | None:
    """The first day of a month- or year-level clue ("late November", "in 2018") placed on or
    before ``until``; the day itself for day-level clues."""
    if clue.day is not None:
        return _dated(clue, until)
    if clue.month is not None:
        year = (
            clue.year
            if clue.year is not None
            else (until.year if clue.month <= until.month else until.year - 1)
        )
        return date(year, clue.month, 1)
    if clue.year is not None:
        return date(clue.year, 1, 1)
    return None


def _support(
    anchor: date, articles: Mapping[str, Sequence[Clue]], known: Mapping[str, date]
) -> int:
    """How many articles date something within SUPPORT_DAYS before ``anchor`` (inclusive)."""
    since = anchor - timedelta(days=SUPPORT_DAYS)
    count = sum(1 for d in known.values() if since <= d <= anchor)
    for article_clues in articles.values():
        days = (_dated(c, anchor) for c in article_clues)
        if any(d is not None and since <= d <= anchor for d in days):
            count += 1
    return count


def _window_end(
    articles: Mapping[str, Sequence[Clue]], reference: date, known: Mapping[str, date]
) -> tuple[date, str | None, Clue | None]:
    """R, the end of the story's window: the latest strong anchor among the well-supported
    ones, else ``reference``. Returns (R, id of the article holding the anchor, its clue)."""
    anchors: list[tuple[date, str, Clue | None]] = [
        (d, aid, None) for aid, d in known.items() if d <= reference
    ]
    for aid, article_clues in articles.items():
        for clue in article_clues:
            found = _anchor(clue, reference)
            if found is not None:
                anchors.append((found, aid, clue))
    if not anchors:
        return reference, None, None
    # A full date in one article may be a background or a future date ("the vote on
    # January 15, 2025"); the anchors other articles' dates gather around are the story's own.
    support = {d: _support(d, articles, known) for d, _, _ in anchors}
    best = max(support.values())
    eligible = [a for a in anchors if 2 * support[a[0]] >= best]
    return max(eligible, key=lambda a: (a[0], a[2] is not None))


Check = Callable[[date], bool]


def _weekday_checks(article_clues: Sequence[Clue], until: date) -> list[tuple[str, Clue, Check]]:
    """(strength, clue, check) for each weekday mention: plain "on Saturday" puts publication
    0..6 days after a Saturday, "last Saturday" 1..7, "this Saturday" on or after it in the
    same Monday-to-Sunday week. With a month-day the Saturday is a known date. "next" mentions
    point forward and constrain nothing here."""
    checks = []
    for clue in article_clues:
        if clue.weekday is None or clue.modifier == "next":
            continue
        if clue.modifier == "last":
            low, high = 1, 7
        elif clue.modifier == "this":
            low, high = 0, 6 - clue.weekday
        else:
            low, high = 0, 6
        occurs = _dated(clue, until) if clue.day is not None else None
        if occurs is not None and occurs > until:
            continue
        # A plain weekday rests on the weakest assumption (that it names a day of the past
        # week), so it is the first to go when the mentions cannot all hold.
        strength = "plain" if clue.modifier is None else "strong"
        checks.append((strength, clue, _check(clue.weekday, occurs, low, high)))
    return checks


def _check(weekday: int, occurs: date | None, low: int, high: int) -> Check:
    if occurs is not None:
        return lambda d: low <= (d - occurs).days <= high
    # Without a known date any occurrence of the weekday will do: compare residues mod 7.
    gaps = frozenset(gap % 7 for gap in range(low, high + 1))
    return lambda d: (d.weekday() - weekday) % 7 in gaps


def _describe(clue: Clue) -> str:
    """A short description of a clue for the ``how`` text."""
    parts = []
    if clue.weekday is not None:
        day = WEEKDAYS[clue.weekday].capitalize()
        parts.append(f"{clue.modifier} {day}" if clue.modifier else day)
    if clue.month is not None and clue.day is not None:
        stated = (
            f"{clue.year:04d}-{clue.month:02d}-{clue.day:02d}"
            if clue.year
            else (f"--{clue.month:02d}-{clue.day:02d}")
        )
        parts.append(stated)
    elif clue.days_ago is not None:
        parts.append(f"{clue.days_ago} day(s) before publication")
    return ", ".join(parts) or "date mention"


def _story_day(
    articles: Mapping[str, Sequence[Clue]], known: Mapping[str, date], end: date
) -> tuple[date, int]:
    """The story day S: the day in the week ending at ``end`` that the most articles name
    (full dates, month-days placed on or before ``end``, metadata dates); the latest on ties.
    Returns (S, how many articles name it); (end, 0) when none does."""
    since = end - timedelta(days=STORY_DAY_WINDOW)
    named: Counter[date] = Counter(d for d in known.values() if since <= d <= end)
    for article_clues in articles.values():
        days = {d for c in article_clues if (d := _dated(c, end)) is not None}
        named.update(d for d in days if since <= d <= end)
    if not named:
        return end, 0
    day = max(named, key=lambda d: (named[d], d))
    return day, named[day]


@dataclass(frozen=True, slots=True)
class _Story:
    end: date  # R: no article of the story is dated after it
    day: date  # S: the day the articles agree on; each article is dated as near it as it can be
    named_by: int
    from_anchor: bool  # False when R is just the reference date


def _search(story: _Story, lower: date, checks: Sequence[Check]) -> date | None:
    """The day in [lower, R] passing every check that is nearest to S (the later on ties)."""
    lower = max(lower, story.end - timedelta(days=SEARCH_DAYS))
    span = (story.end - lower).days
    days = [lower + timedelta(days=k) for k in range(span + 1)]
    days.sort(key=lambda d: (abs((d - story.day).days), -d.toordinal()))
    return next((d for d in days if all(check(d) for check in checks)), None)


def _infer_one(article_clues: Sequence[Clue], story: _Story) -> Inferred | None:
    """The publication date of one article within the story's window."""
    end = story.end
    dated = [(d, c) for c in article_clues if (d := _dated(c, end)) is not None and d <= end]
    weekday = _weekday_checks(article_clues, end)
    if not dated and not weekday:
        # "today", "a week ago", "next Monday": written close to the events, but not dated
        relative = [c for c in article_clues if c.days_ago is not None or c.modifier == "next"]
        if relative and story.from_anchor:
            how = f"story day {story.day}; the text has only relative dates"
            return Inferred(story.day, (relative[0].start, relative[0].end), how)
        return None
    if not dated and not story.from_anchor:
        # Weekdays alone, and no date anywhere in the story: the week could be any week (an
        # archive read today is not from this week), so the article stays undated.
        return None
    bounds = [b for c in article_clues if (b := _lower_bound(c, end)) is not None and b <= end]
    lower = max(bounds, default=end - timedelta(days=SEARCH_DAYS))
    for keep in ({"strong", "plain"}, {"strong"}, set()):
        active = [(c, check) for strength, c, check in weekday if strength in keep]
        found = _search(story, lower, [check for _, check in active])
        if found is not None:
            return _explain(found, story, lower, dated, active, weekday)
    raise AssertionError("unreachable: with no checks the window [lower, R] is never empty")


def _explain(
    found: date,
    story: _Story,
    lower: date,
    dated: Sequence[tuple[date, Clue]],
    active: Sequence[tuple[Clue, Check]],
    weekday: Sequence[tuple[str, Clue, Check]],
) -> Inferred:
    """The Inferred for ``found``, with the clue that fixed it as evidence."""
    own = [c for d, c in dated if d == found]
    if own:
        clue = max(own, key=lambda c: (c.year is not None or c.weekday is not None, -c.start))
        return Inferred(
            found, (clue.start, clue.end), f"date stated in the text ({_describe(clue)})"
        )
    target = min(max(story.day, lower), story.end)
    failing = [c for c, check in active if not check(target)]
    if found != story.day and failing:
        how = f"nearest day to the story day {story.day} consistent with '{_describe(failing[0])}'"
        return Inferred(found, (failing[0].start, failing[0].end), how)
    origin = (
        f"named by {story.named_by} article(s)"
        if story.named_by
        else "the latest anchor"
        if story.from_anchor
        else "the reference date"
    )
    # A weekday naming the day itself ("on Saturday" in a Saturday report) is the best witness.
    same_day = [
        c
        for _, c, _ in weekday
        if c.weekday == found.weekday() and c.day is None and c.modifier in (None, "this")
    ]
    if same_day:
        clue = same_day[0]
        how = f"story day {story.day} ({origin}), the day of '{_describe(clue)}' in the text"
        return Inferred(found, (clue.start, clue.end), how)
    if dated:
        latest, clue = max(dated, key=lambda x: (x[0], -x[1].start))
        how = f"story day {story.day} ({origin}); latest date in the text {latest}"
        return Inferred(found, (clue.start, clue.end), how)
    clue = active[0][0] if active else weekday[0][1]
    how = f"story day {story.day} ({origin}), consistent with '{_describe(clue)}'"
    return Inferred(found, (clue.start, clue.end), how)


def infer(
    articles: Mapping[str, Sequence[Clue]],
    reference: date,
    known: Mapping[str, date] | None = None,
) -> dict[str, Inferred | None]:
    """Publication dates of a story's articles from their clues (article id -> clues).

    ``reference`` is "today" for the run: no anchor after it is believed. ``known`` holds the
    metadata dates of other articles of the story, which anchor the window like full dates in
    the text. Returns, for every id in ``articles``, an Inferred, or None when the article has no
    day-level clue (no month-day, no weekday). An article with only relative clues ("today",
    "a week ago", "next Monday") gets the story day when the story has an anchor, else None.
    """
    known = dict(known or {})
    end, end_article, _ = _window_end(articles, reference, known)
    day, named_by = _story_day(articles, known, end)
    story = _Story(end, day, named_by, end_article is not None)
    return {aid: _infer_one(article_clues, story) for aid, article_clues in articles.items()}


def story_dates(
    articles: Sequence[Article],
    reference: date,
    exclude: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> dict[str, Published]:
    """The publication date of each article of one story (article id -> Published): from its
    metadata when that can be read, else inferred from the text with the story's other articles
    (``infer``; articles dated by their metadata anchor the window). An article with neither
    gets an empty Published. ``exclude``: article id -> spans whose dates are no clue (content
    flagged as unsupported)."""
    results: dict[str, Published] = {}
    known: dict[str, date] = {}
    found: dict[str, list[Clue]] = {}
    for a in articles:
        meta = metadata_date(a.published_raw)
        if meta is not None:
            known[a.id] = meta
            results[a.id] = Published(meta.isoformat(), "metadata")
        else:
            skip = (exclude or {}).get(a.id, ())
            spans = [
                (d.start, d.end)
                for d in a.annotations.dates
                if not any(s <= d.start and d.end <= e for s, e in skip)
            ]
            found[a.id] = clues(a.text, spans, a.language or "en")
            line = dateline(a.text, found[a.id], reference)
            if line is not None:  # the article's own date, as good as its metadata
                known[a.id] = line[0]
                results[a.id] = Published(line[0].isoformat(), "text", line[1])
    for aid, inferred in infer(found, reference, known=known).items():
        if inferred is not None and aid not in known:
            results[aid] = Published(inferred.date.isoformat(), "text", inferred.evidence)
    return {a.id: results.get(a.id, Published()) for a in articles}


def dateline(
    text: str, article_clues: Sequence[Clue], reference: date
) -> tuple[date, tuple[int, int]] | None:
    """Return the date an article's head states as its own, and its span: a full date (day,
    month and year) on one of its first ``_HEAD_LINES`` lines, a short line that says little
    else ("Meridian Press Agency — Tuesday, 10 November 2026", "12.11.2026"), what stands
    before the date set off by a mark (a dash, a bar, a comma), not after ``reference``; the
    first line (a headline) only when it holds the date alone. None when there is none: the
    date is then inferred with the story's other articles."""
    lines: list[tuple[int, int]] = []
    at = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((at, at + len(raw)))
        if len(lines) == _HEAD_LINES:
            break
        at += len(raw) + 1
    for n, (lo, hi) in enumerate(lines):
        for clue in article_clues:
            if not (lo <= clue.start and clue.end <= hi) or None in (clue.year, clue.month):
                continue
            if clue.day is None:
                # a day the date reader left before its month ("12 | November 2026")
                day = _DAY_BEFORE.search(text, lo, clue.start)
                if day is None:
                    continue
                clue = replace(clue, start=day.start(), day=int(day.group(1)))
            before, after = text[lo : clue.start].strip(), _time_after(text[clue.end : hi])
            if before and before[-1] not in _HEAD_MARKS:
                continue  # the date ends a phrase ("to be held on 12 December 2026")
            rest = (before + after).strip(" \t" + _HEAD_MARKS)
            # after the date, a few words ("Perşembe"), or a part a mark sets off (an outlet:
            # "— ИА «Новый вестник»", "(Agencja Informacyjna Wschód)", "| Arvelle – Kervan")
            set_off = after[:1] in _HEAD_MARKS
            if len(rest) > _HEAD_REST or (len(after) > _HEAD_AFTER and not set_off):
                continue
            if n == 0 and rest:
                continue
            assert clue.year is not None and clue.month is not None and clue.day is not None
            found = _valid(clue.year, clue.month, clue.day)
            if found is not None and found <= reference:
                return found, (clue.start, clue.end)
    return None


def own_date(
    article: Article, reference: date | None = None
) -> tuple[date, tuple[int, int]] | None:
    """Return the date an article's head states as its own (``dateline``) and its span, read
    from its date annotations; None when it states none."""
    spans = [(d.start, d.end) for d in article.annotations.dates if d.start < _HEAD_CHARS]
    found = clues(article.text, spans, article.language or "en")
    return dateline(article.text, found, reference or date.max)


# The lines of an article's head where a date is its own (a headline, an outlet's line, a
# date line), and how many characters besides the date such a line may hold (an outlet).
_HEAD_LINES = 3
_HEAD_REST = 80
# what may stand after a dateline's date (a weekday: "12 Kasım 2026 Perşembe", "року"), and
# the marks that end what stands before it (an outlet: "Meridian Press — ", "Daily Star | ")
_HEAD_AFTER = 20
_HEAD_MARKS = ",;:|-\u2013\u2014()\u00b7\u2022/\u060c"
_HEAD_CHARS = 600
# what may follow a dateline's date before its other parts: a short word (a year's: "года",
# "r."), a time of day with a word before or after it ("16:20", "godz. 11:30", "9:40 p.m.",
# "21h40", "09.30 uur", "18:45 Uhr")
_TIME_AFTER = re.compile(
    r"\s*(?:[^\W\d_]{1,5}\.?(?=[\s,]|$))?[\s,]*"
    r"(?:(?:[^\W\d_]{1,5}\.?\s*)?\d{1,2}\s*[:.h]\s*\d{2}(?!\d)"
    r"(?:\s*[^\W\d_]{1,3}\.?(?:[^\W\d_]\.)?(?![^\W\d_]))?)?\s*"
)


def _time_after(after: str) -> str:
    """Return what follows a dateline's date without the short word and the time of day that
    may open it (``_TIME_AFTER``), stripped."""
    return after[_TIME_AFTER.match(after).end() :].strip()  # type: ignore[union-attr]


_DAY_BEFORE = re.compile(r"(?<!\d)([12]\d|3[01]|0?[1-9])\.?\s+$")


def metadata_date(value: str | None) -> date | None:
    """A metadata date string as a date: ISO 8601 first, then RFC 822 (feeds), then dateparser.
    Returns None when it cannot be read (the text is then used instead)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None
