"""Quantities in English text: numbers with their qualifier, unit and what they count.

Pure Python over precompiled regular expressions, so it runs on any article without a model.
One pass finds number *cores* (digits, number words, vague plurals such as "thousands"); each
core is then rejected (years, dates, clock times, ordinals, labels such as "M5") or extended: a
scale word ("1.5 million"), a unit ("20 miles", "$3"), a qualifier ("at least 826", "2,000 or
so") and the noun phrase it counts ("Chilean miners").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Quantity
from .quantities_lang import english_concept, mark_partitives, mark_properties, mark_shares

__all__ = ["find_quantities"]

_SMALL = {
    "zero": 0,
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
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS = {"hundred": 100, "dozen": 12}
_NUMBER_WORDS = sorted([*_SMALL, *_TENS, *_SCALES, *_MULTIPLIERS], key=len, reverse=True)
_NW = "(?:" + "|".join(_NUMBER_WORDS) + r")\b"

# Leading words that turn a bare "hundred"/"million" into a number, and their value.
_PREFIX_VALUES = {
    "a": 1.0,
    "an": 1.0,
    "half a": 0.5,
    "half an": 0.5,
    "a few": 3.0,
    "several": 3.0,
    "a couple of": 2.0,
}
_VAGUE_PREFIXES = {"a few", "several", "a couple of"}

# Vague plurals: the value is the smallest the phrase can reasonably mean (two of the unit).
_VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2e3,
    "millions": 2e6,
    "billions": 2e9,
    "tens of thousands": 2e4,
    "hundreds of thousands": 2e5,
    "tens of millions": 2e7,
    "hundreds of millions": 2e8,
}

# Matched against the lowercased text: case-insensitive matching is several times slower. The
# lookahead on first letters lets most word starts fail at once.
_CANDIDATE = re.compile(
    r"(?P<digits>\d+(?:[.,\u00a0\u202f]\d+)*)"
    r"|\b(?=[abdefhmnostz])(?:"
    r"(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)\b"
    r"|(?:dozens|hundreds|thousands|millions|billions)\b|scores(?=\s+of\b))"
    r"|(?P<words>(?:(?P<pre>half\s+an?|an?|a\s+few|several|a\s+couple\s+of)\s+"
    r"(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    + _NW
    + r"(?:(?:\s+and\s+|[\s\u00a0]+|-)"
    + _NW
    + r")*))"
)
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
_WORD_TOKEN = re.compile(r"[A-Za-z]+")

_SCALE_WORD = re.compile(
    r"[\s\u00a0]*-?(?P<w>hundred|thousand|million|billion|trillion)s?\b", re.IGNORECASE
)
_SCALE_ABBR = re.compile(r"(?P<w>bn|mn|mln|bln|k|m)\b", re.IGNORECASE)
_ABBR_VALUES = {"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "k": 1e3, "m": 1e6}

_UNIT = re.compile(
    r"[\u00a0 ]?(?P<percent>%)"
    r"|[\s\u00a0-]{0,2}(?:"
    r"(?P<percent_>per\s?cent|percent|pct)"
    r"|(?P<mph>mph|miles\s+per\s+hour)|(?P<kmh>km/h|kph|kilomet(?:er|re)s\s+per\s+hour)"
    r"|(?P<km2>(?:square|sq\.?)\s*(?:kilomet(?:er|re)s?|km)|km²|km2)"
    r"|(?P<km>kilomet(?:er|re)s?|kms?)"
    r"|(?P<mile>miles?)"
    r"|(?P<ft>feet|foot|ft)"
    r"|(?P<m>met(?:er|re)s?|m)"
    r"|(?P<ton>(?:metric\s+)?(?:tonnes?|tons?))"
    r"|(?P<kg>kilo(?:gram(?:me)?)?s?|kg)"
    r"|(?P<hour>hours?|hrs?)"
    r"|(?P<minute>minutes?|mins?)"
    r"|(?P<day>days?)"
    r"|(?P<week>weeks?)"
    r"|(?P<month>months?)"
    r"|(?P<year>years?|yrs?)"
    r"|(?P<decade>decades?)"
    r"|(?P<century>centur(?:y|ies))"
    r"|(?P<USD>(?:U\.?S\.?\s+)?dollars?|USD)"
    r"|(?P<EUR>euros?|EUR)"
    r"|(?P<GBP>pounds?(?:\s+sterling)?|sterling|GBP)"
    r"|(?P<JPY>yen|JPY)|(?P<CNY>yuan|renminbi|CNY)|(?P<INR>rupees?|INR)"
    r"|(?P<RUB>r[ou]bles?|RUB)|(?P<TRY>(?:Turkish\s+)?liras?|TRY)|(?P<CHF>Swiss\s+francs?|CHF)"
    r")\b(?P<old>-(?:year-)?old\b)?",
    re.IGNORECASE,
)
_UNIT_NAMES = {"percent_": "percent", "kmh": "km/h"}  # group names that cannot be unit names
# Units of measure after which "of" introduces what is measured ("10 tons of food").
_UNITS_TAKING_OF = {"percent", "ton", "kg"}

_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<USD>US\s?\$|\$)|(?P<EUR>€)|(?P<GBP>£)|(?P<JPY>¥)"
    r"|(?P<INR>₹|\bRs\.?)|(?P<CHF>\bCHF)"
    r"|\b(?P<code>USD|EUR|GBP|JPY|CNY|INR|RUB|TRY)\s)\s?$"
)

_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than"
    r"|more\s+than|fewer\s+than|less\s+than|just\s+over|just\s+under|well\s+over"
    r"|upwards\s+of|in\s+excess\s+of|up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as"
    r"|close\s+to|an\s+estimated|estimated|nearly|almost|about|around|approximately"
    r"|approx\.?|roughly|some|over|circa|within)\s+$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"(?P<q>-odd\b|-plus\b|\+|\s+or\s+so\b|\s+or\s+more\b)", re.IGNORECASE
)
_AFTER_NAMES = {"-odd": "odd", "-plus": "plus", "+": "plus"}

# Month names in any case, except "may", which is a month only when capitalised.
_MONTHS = (
    r"(?:May|(?i:January|February|March|April|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))"
)
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?[\s\u00a0]+$")
_MONTH_AFTER = re.compile(r"(?:th|st|nd|rd)?[\s\u00a0]+(?:of\s+)?" + _MONTHS + r"\b")
_TIME_AFTER = re.compile(
    r"[\s\u00a0]*(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|CET\b|EST\b|local\s+time\b|o['’]clock\b)",
    re.IGNORECASE,
)
# Words after which a number names a thing rather than counting ("Resolution 2254").
_LABELS = (
    r"(?:resolution|route|highway|flight|article|chapter|section|page|paragraph|room"
    r"|gate|platform|exit|level|phase|version|model|channel|item|rule|clause|bus|line"
    r"|apartment|block|terminal|track|episode|season|volume|issue|number|no\.|act"
    r"|amendment|verse|figure|table|appendix|annex|stage|category|grade|size)"
)
_LABEL_BEFORE = re.compile(r"\b" + _LABELS + r"[\s\u00a0]+$|#\s*$", re.IGNORECASE)
# A label and a code in capitals before the number ("flight TA 412", "route N 7"): its name.
_CODED_LABEL_BEFORE = re.compile(r"\b(?i:" + _LABELS + r")[\s\u00a0]+[A-Z]{1,3}[\s\u00a0-]*$")
# Words after which a four-digit number is a year ("in 2011", "the 2011 uprising").
_YEAR_CONTEXT = {
    "in",
    "since",
    "of",
    "the",
    "from",
    "to",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "and",
    "between",
    "through",
    "around",
    "year",
    "its",
    "their",
    "his",
    "her",
    "our",
}
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s\u00a0]+$")

# A verb of saying before "that": the "that" joins what is said, it points at nothing.
_REPORTS_THAT = re.compile(
    r"\b(?:said|says|say|reports|reported|confirmed|confirms|announced|announces|added|adds"
    r"|stated|states|told|tells|noted|notes|indicated|revealed|showed|shows|warned)"
    r"[\s\u00a0]+that[\s\u00a0]+$",
    re.IGNORECASE,
)

# Words that end the counted noun phrase.
_COUNTED_STOP = frozenset(
    """
who whom whose that which what where when while why how have has had having were was are is
be been being am will would could should may might can must shall do does did in from to of
by on at and or but nor for with as than into onto over under since during after before near
across through toward towards against out per via about around among between within without
upon the a an this these those its their his her our my your each every all both some any no
not also still already now only just even ever again said says say told tell tells according
reportedly allegedly including such if so then there here ago earlier later last next it they
he she we you i them him us me another one times time more less same away apart long old
back ahead high wide deep tall later above below beyond behind along off beneath
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
overnight
""".split()
)  # a day after the figure says when ("rose to 267 Friday"), not what is counted
# Common irregular past-tense verbs: they end the phrase like "-ed" verbs do.
_IRREGULAR_VERBS = frozenset(
    """
went came left took made gave got ran met saw held sent fell rose lost won began became fought
brought caught kept stood struck spent remain remains died die live lived fled flee arrive
arrived cross crossed return returned
""".split()
)
# Nouns that head a counted phrase although they do not end in -s.
_HEADS = frozenset("people children men women personnel staff police cattle".split())
_DETERMINERS = frozenset("the a an its their his her our this these those all".split())
_MAX_COUNTED_WORDS = 4
_COUNTED_WORD = re.compile(r"[ \t\u00a0]+(?P<w>[^\W\d_][\w'’-]*)")


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    number_format: str
    vague: str | None = None  # "dozens", "thousands", ... when the core is a vague plural
    prefix: str | None = None  # "a few", "several" before a bare "hundred"/"thousand"
    scaled: bool = False
    dozen: bool = False  # "a dozen" is a round figure, read as approximate


def find_quantities(
    text: str, start: int = 0, end: int | None = None, language: str | None = "en"
) -> list[Quantity]:
    """Return the quantities in ``text[start:end]``, in order, as spans into ``text``.

    Every span lies inside ``[start, end)``. Years, dates, clock times, ordinals and labels
    ("M5", "T-4", "Resolution 2254") are not quantities and are left out. Numbers whose
    separators could be read two ways ("1.786", "6,4") are read by what follows them and by
    how the rest of ``text`` writes its numbers (see ``_NumberStyle``).

    ``language`` (an ISO 639-1 code) picks the reader: a language with a data file in
    ``data/quantities/`` is read by ``consilience.annotate.quantities_lang``; English, and a
    language without a data file, by the English reader of this module.
    """
    code = (language or "en").split("-")[0].lower()
    if code != "en":
        from .quantities_lang import find_quantities_in, has_language

        if has_language(code):
            found = find_quantities_in(code, text, start, end)
            found = mark_shares(code, text, found, start, end)
            return mark_properties(code, text, mark_partitives(code, text, found))
    hi = len(text) if end is None else min(end, len(text))
    out: list[Quantity] = []
    covered = start
    low = text.lower()
    if len(low) != len(text):  # a few characters lowercase to two; keep offsets aligned
        low = text.translate(_ASCII_LOWER)
    style = _NumberStyle(text)
    for m in _CANDIDATE.finditer(low, start, hi):
        if m.start() < covered:
            continue
        q = _quantity(text, m, start, hi, style)
        if q is not None:
            out.append(q)
            covered = q.end
    out = mark_partitives("en", text, mark_shares("en", text, out, start, hi))
    return mark_properties("en", text, out)


def _quantity(
    text: str, m: re.Match[str], lo: int, hi: int, style: _NumberStyle
) -> Quantity | None:
    """Return the quantity the candidate ``m`` starts, or None when it is not one."""
    if m.group("digits"):
        core = _digit_core(text, m, lo, hi, style)
    elif m.group("vague"):
        phrase = " ".join(m.group("vague").lower().split())
        core = _Core(m.start(), m.end(), float(_VAGUE[phrase]), "words", vague=phrase)
    else:
        core = _word_core(text, m)
    if core is None:
        return None
    return _extend(text, core, lo, hi)


def _digit_core(text: str, m: re.Match[str], lo: int, hi: int, style: _NumberStyle) -> _Core | None:
    """Return the core for a run of digits, or None for years-free labels, dates and times."""
    s, e = m.span()
    if _is_label_or_time(text, s, e, lo, hi):
        return None
    scale = _SCALE_WORD.match(text, e, hi)
    tok = m.group()
    unit = _unit_kind(text, e, hi)
    if scale is not None or _CURRENCY_BEFORE.search(text, max(lo, s - 5), s):
        unit = unit or "money"  # a scale or a currency: a quantity even when written "2,5"
    parsed = _parse_digits(tok, followed_by_scale=scale is not None)
    if _AMBIGUOUS_DOT.fullmatch(tok) and _dot_is_decimal(unit, style):
        parsed = float(tok), "plain"
    elif parsed is None and _DECIMAL_COMMA.fullmatch(tok) and (unit or style.european_elsewhere(s)):
        parsed = float(tok.replace(",", ".")), "european"  # "6,4 metres", "2,5 %"
    if parsed is None:
        return None
    value, fmt = parsed
    return _Core(s, e, value, fmt)


# A dot before exactly three digits, once: "2.000" (European thousands) or "1.786" (decimal).
_AMBIGUOUS_DOT = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# A comma before one or two digits: only ever a decimal comma ("6,4", "12,75").
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_POINTS = re.compile(r"[\s\u00a0-]{1,2}percentage[\s\u00a0-]points?\b", re.IGNORECASE)
# Units of measure, whose figures are often fractional (not counts, durations or money).
_MEASURES = frozenset({"mph", "kmh", "km2", "km", "mile", "ft", "m", "ton", "kg"})


def _unit_kind(text: str, pos: int, hi: int) -> str | None:
    """Return the name of the unit group right after ``pos`` ("percent", "km", ...), or None."""
    m = _UNIT.match(text, pos, hi)
    if not m:
        return "percent" if _POINTS.match(text, pos, hi) else None
    name = m.lastgroup if m.lastgroup != "old" else _unit_group(m)
    return "percent" if name in ("percent", "percent_") else name


def _dot_is_decimal(unit: str | None, style: _NumberStyle) -> bool:
    """Return True when a single dot before three digits is a decimal point.

    A percentage is a decimal ("1.786%": a share above a thousand percent is implausible); so
    is a measure ("1.250 km") in a text that writes its other numbers the English way
    ("370,000", "1.5"). Counts ("2.000 soldiers") keep the European thousands reading: a count
    written with three decimals is not plausible.
    """
    if unit == "percent":
        return True
    return unit in _MEASURES and style.english


class _NumberStyle:
    """How a text writes its unambiguous numbers: English ("370,000", "1.5", "1,234.5") or
    European ("1.000.000", "1.234,5", "6,4"). Read lazily, once per text, on first use."""

    _ENGLISH = re.compile(
        r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.(?:\d{1,2}|\d{4,}))(?![\d,]|\.\d)"
    )
    _EUROPEAN = re.compile(
        r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}(?:\.\d{3})+,\d+"
        r"|\d{1,3},\d{1,2})(?![\d,]|\.\d)"
    )

    def __init__(self, text: str) -> None:
        self._text = text
        self._english_seen: bool | None = None
        self._european: list[int] | None = None

    @property
    def english(self) -> bool:
        """True when the text writes numbers the English way and never the European way."""
        return self._english_written() and not self._european_starts()

    def european_elsewhere(self, start: int) -> bool:
        """True when a number other than the one at ``start`` is written the European way and
        none the English way."""
        return any(s != start for s in self._european_starts()) and not self._english_written()

    def _english_written(self) -> bool:
        if self._english_seen is None:
            self._english_seen = self._ENGLISH.search(self._text) is not None
        return self._english_seen

    def _european_starts(self) -> list[int]:
        if self._european is None:
            self._european = [m.start() for m in self._EUROPEAN.finditer(self._text)]
        return self._european


def _is_label_or_time(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Return True when the digits at ``[s, e)`` are part of a word, label, date or time."""
    prev = text[s - 1] if s > lo else " "
    prev2 = text[s - 2] if s - 1 > lo else " "
    nxt = text[e] if e < hi else " "
    nxt2 = text[e + 1] if e + 1 < hi else " "
    if prev.isalpha() or prev in "_#" or (prev in "-/" and prev2.isalpha()):
        return True  # M5, T-4, COVID-19, #3
    if (prev in ":/" and prev2.isdigit()) or (nxt in ":/" and nxt2.isdigit()):
        return True  # 10:30, 7/12/2024
    if nxt == "-" and nxt2.isdigit() and re.match(r"\d{4}-\d\d-\d\d", text[s : e + 6]):
        return True  # ISO dates
    if nxt.isalpha() and not _attached_suffix_ok(text, s, e, hi):
        return True  # 24th, 1990s, 5G, 5500M
    if nxt in ".)" and (s == 0 or text[s - 1] == "\n") and text[e + 1 : e + 2] in (" ", "\t"):
        return True  # a list item: "1. Define ...", "18) ..."
    if _LABEL_BEFORE.search(text, max(lo, s - 16), s):
        return True
    if _CODED_LABEL_BEFORE.search(text, max(lo, s - 24), s):
        return True
    if _TIME_AFTER.match(text, e, hi):
        return True
    return False


def _attached_suffix_ok(text: str, s: int, e: int, hi: int) -> bool:
    """Return True when letters glued to a number are a unit or scale ("20km", "3bn", "$5M")."""
    run = re.match(r"[A-Za-z²]+", text[e:hi])
    if run and run.group() in ("M", "K", "B", "BN"):  # "$5M" is money; "5500M" is a model name
        return s > 0 and text[s - 1] in "$€£¥"
    suffix = run.group().lower() if run else ""
    return suffix in {
        "km",
        "kms",
        "km²",
        "km2",
        "m",
        "kg",
        "mi",
        "bn",
        "mn",
        "mln",
        "bln",
        "k",
        "t",
        "pc",
        "pct",
    }


def _parse_digits(tok: str, followed_by_scale: bool) -> tuple[float, str] | None:
    """Return (value, number_format) for a digit token, or None when its grouping is unusual."""
    if tok.isdigit():
        return float(int(tok)), "plain"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        return float(tok.replace(",", "")), "comma"
    euro = re.fullmatch(r"(\d{1,3})((?:\.\d{3})+)(?:,(\d+))?", tok)
    if euro:
        groups = euro.group(2).count(".")
        decimal_reading = (
            groups == 1 and euro.group(3) is None and (followed_by_scale or euro.group(1) == "0")
        )
        if decimal_reading:
            return float(tok), "plain"
        whole = euro.group(1) + euro.group(2).replace(".", "")
        return float(whole + ("." + euro.group(3) if euro.group(3) else "")), "european"
    if re.fullmatch(r"\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:,\d+)?", tok):
        return float(re.sub(r"[\u00a0\u202f]", "", tok).replace(",", ".")), "european"
    if re.fullmatch(r"\d+\.\d+", tok):
        return float(tok), "plain"
    if followed_by_scale and re.fullmatch(r"\d+,\d{1,2}", tok):
        return float(tok.replace(",", ".")), "european"  # "1,5 million"
    return None


def _word_core(text: str, m: re.Match[str]) -> _Core | None:
    """Return the core for a run of number words, keeping only its well-formed prefix."""
    pre = m.group("pre")
    prefix = " ".join(pre.lower().split()) if pre else None
    current = _PREFIX_VALUES[prefix] if prefix else 0.0
    total = 0.0
    last = "prefix" if prefix else None
    last_scale = float("inf")
    body_start = m.start("words") + (len(pre) if pre else 0)
    end = None
    for t in _WORD_TOKEN.finditer(text, body_start, m.end()):
        w = t.group().lower()
        step = _word_step(w, last, current, last_scale)
        if step is None:
            break
        kind, current, total_add, last_scale = step
        total += total_add
        last = kind
        if kind != "and":
            end = t.end()
    if end is None or last is None:
        return None
    value = total + current
    dozen = "dozen" in m.group("words")[: end - m.start()]
    return _Core(
        m.start(),
        end,
        value,
        "words",
        dozen=dozen,
        prefix=prefix if prefix in _VAGUE_PREFIXES else None,
    )


def _word_step(
    w: str, last: str | None, current: float, last_scale: float
) -> tuple[str, float, float, float] | None:
    """Return (kind, current, amount added to total, last scale) after reading word ``w``,
    or None when ``w`` cannot continue the number read so far."""
    after_big = last in (None, "hundred", "scale", "and", "prefix")
    if w in _SMALL:
        if after_big or (last == "tens" and 0 < _SMALL[w] < 10):
            return "unit", current + _SMALL[w], 0.0, last_scale
        return None
    if w in _TENS:
        return ("tens", current + _TENS[w], 0.0, last_scale) if after_big else None
    if w in _MULTIPLIERS:
        if last in ("unit", "tens", "prefix") and 0 < current < 100:
            return "hundred", current * _MULTIPLIERS[w], 0.0, last_scale
        return None
    if w in _SCALES:
        scale = _SCALES[w]
        if current > 0 and scale < last_scale and last != "and":
            return "scale", 0.0, current * scale, scale
        return None
    if w == "and" and last in ("hundred", "scale"):
        return "and", current, 0.0, last_scale
    return None


def _extend(text: str, core: _Core, lo: int, hi: int) -> Quantity | None:
    """Return the quantity around ``core``: scale, unit, qualifiers and counted phrase."""
    value, pos = core.value, core.end
    currency = _currency_before(text, core.start, lo)
    span_start = currency[1] if currency else core.start
    if core.number_format != "words":
        value, pos, scaled = _scale_after(text, pos, hi, value, currency is not None)
        core.scaled = scaled
    after_q, pos = _qualifier_after(text, pos, hi)
    unit, pos = _unit_after(text, pos, hi, currency)
    if after_q is None:
        after_q, pos = _qualifier_after(text, pos, hi)
    qual = _QUALIFIER_BEFORE.search(text, max(lo, span_start - 24), span_start)
    if qual:
        span_start = qual.start()
    qualifier = _normalise_qualifier(qual.group("q")) if qual else core.prefix or after_q
    allow_of = core.vague is not None or unit in _UNITS_TAKING_OF
    counted = _counted(
        text, pos, hi, allow_of, require_of=core.vague is not None, after_unit=unit is not None
    )
    if not _keep(text, core, value, unit, counted, qualifier, currency, lo):
        return None
    return Quantity(
        start=span_start,
        end=pos,
        value=value,
        unit=unit,
        counted=counted,
        approximate=qualifier is not None or core.vague is not None or core.dozen,
        qualifier=qualifier or core.vague,
        number_format=core.number_format,
        concept=english_concept(text, counted, core.start, pos, _english_concepts()),
    )


@lru_cache(maxsize=1)
def _english_concepts() -> dict[str, str]:
    """Return {English head noun: concept} from ``data/quantities/en.json``."""
    raw = resources.files("consilience.annotate").joinpath("data/quantities/en.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return {w: name for name, words in data["concepts"].items() for w in words}


def _currency_before(text: str, s: int, lo: int) -> tuple[str, int] | None:
    """Return (currency code, start of the symbol) for a symbol or code just before ``s``."""
    m = _CURRENCY_BEFORE.search(text, max(lo, s - 5), s)
    if not m:
        return None
    if m.group("code"):
        return m.group("code"), m.start()
    return m.lastgroup or "USD", m.start()


def _scale_after(
    text: str, pos: int, hi: int, value: float, has_currency: bool
) -> tuple[float, int, bool]:
    """Return (value, end, scaled) after an optional scale word or glued abbreviation."""
    m = _SCALE_WORD.match(text, pos, hi)
    if m:
        w = m.group("w").lower()
        return value * (_SCALES.get(w) or _MULTIPLIERS[w]), m.end(), True
    m = _SCALE_ABBR.match(text, pos, hi)
    if m and (m.group("w").lower() != "m" or has_currency):
        return value * _ABBR_VALUES[m.group("w").lower()], m.end(), True
    return value, pos, False


def _unit_after(
    text: str, pos: int, hi: int, currency: tuple[str, int] | None
) -> tuple[str | None, int]:
    """Return (normalised unit, end) for a unit right after ``pos``; currency symbols win."""
    m = _UNIT.match(text, pos, hi)
    unit = None
    if m:
        unit = m.lastgroup if m.lastgroup != "old" else _unit_group(m)
        if unit is not None:
            unit = _UNIT_NAMES.get(unit, unit)
        if currency and unit != "percent":
            return currency[0], pos
        return unit, m.end()
    return (currency[0] if currency else None), pos


def _unit_group(m: re.Match[str]) -> str | None:
    """Return the name of the unit group that matched (when ``old`` matched last)."""
    for name, val in m.groupdict().items():
        if val is not None and name != "old":
            return name
    return None


def _qualifier_after(text: str, pos: int, hi: int) -> tuple[str | None, int]:
    """Return (qualifier, end) for "-odd", "+", "or so", "or more" right after ``pos``."""
    m = _QUALIFIER_AFTER.match(text, pos, hi)
    if not m:
        return None, pos
    raw = m.group("q").strip().lower()
    return _AFTER_NAMES.get(raw, " ".join(raw.split())), m.end()


def _normalise_qualifier(q: str) -> str:
    """Return the qualifier lowercased, with single spaces and no trailing period."""
    return " ".join(q.lower().split()).rstrip(".")


def _counted(
    text: str, pos: int, hi: int, allow_of: bool, require_of: bool, after_unit: bool
) -> str | None:
    """Return the noun phrase counted after ``pos`` ("Chilean miners"), or None.

    Right after a number a participle is an adjective ("826 wounded", "displaced people");
    right after a unit it is a verb ("one week remained"), and an "-ly" word an adverb.
    """
    m = _COUNTED_WORD.match(text, pos, hi)
    of = allow_of and m is not None and m.group("w").lower() == "of"
    if of and m:
        pos = m.end()
        m = _COUNTED_WORD.match(text, pos, hi)
        while m and m.group("w").lower() in _DETERMINERS:
            pos = m.end()
            m = _COUNTED_WORD.match(text, pos, hi)
    elif require_of:
        return None
    words: list[str] = []
    while m and len(words) < _MAX_COUNTED_WORDS:
        raw = m.group("w")
        low = raw.lower()
        # After an adverb ("heavily armed") a participle still modifies the noun.
        started = (bool(words) or after_unit) and not (words and words[-1].lower().endswith("ly"))
        if _ends_phrase(raw, low, started) or (
            after_unit and not of and not words and low.endswith("ly")
        ):
            break  # "6.4 metres shortly after": an adverb, not what is measured
        words.append(raw.rstrip("-"))
        if _is_head(raw, low):
            break
        m = _COUNTED_WORD.match(text, m.end(), hi)
    return " ".join(words) or None


def _ends_phrase(raw: str, low: str, started: bool) -> bool:
    """Return True when ``raw`` cannot belong to the counted phrase."""
    if low in _COUNTED_STOP or low in _IRREGULAR_VERBS or raw.endswith(("'s", "’s")):
        return True
    return started and low.endswith(("ed", "ing")) and low not in _HEADS


def _is_head(raw: str, low: str) -> bool:
    """Return True for a word that ends a counted phrase: a plural noun or a collective."""
    if low in _HEADS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _keep(
    text: str,
    core: _Core,
    value: float,
    unit: str | None,
    counted: str | None,
    qualifier: str | None,
    currency: tuple[str, int] | None,
    lo: int,
) -> bool:
    """Return False for cores that are years, days of a month, multipliers or pronoun "one"."""
    if re.match(r"[\s\u00a0]+times?\b", text[core.end : core.end + 8], re.IGNORECASE):
        return False  # "three times the usual cost" multiplies, it does not count
    if (
        _paired(text, core, lo)
        and unit is None
        and not (counted and _is_head(counted.split()[-1], counted.split()[-1].lower()))
    ):
        return False  # a score or a bare range end: "a 2-1 win", "(9-1, 6-1)"
    prev = _PREV_WORD.search(text, max(lo, core.start - 20), core.start)
    prev_word = prev.group(1).lower() if prev else ""
    if core.number_format == "plain" and not core.scaled and unit is None and not currency:
        if _looks_like_date(text, core, value, lo) or _looks_like_year(
            text, core, value, counted, qualifier, prev_word
        ):
            return False
    if (
        core.number_format == "words"
        and value == 1
        and text[core.start : core.end].lower() == "one"
    ):
        if prev_word == "that" and _REPORTS_THAT.search(text, max(lo, core.start - 40), core.start):
            prev_word = ""  # "reports that one fireman was hurt": "that" joins what is said
        return (counted is not None or unit is not None) and prev_word not in {
            "the",
            "no",
            "every",
            "any",
            "each",
            "which",
            "this",
            "that",
        }
    return True


def _paired(text: str, core: _Core, lo: int) -> bool:
    """Return True for digits joined by a hyphen or dash to other digits ("2-1", "10-15")."""
    if core.number_format == "words":
        return False
    before = text[max(lo, core.start - 2) : core.start]
    after = text[core.end : core.end + 2]
    return (len(before) == 2 and before[1] in "-–" and before[0].isdigit()) or (
        len(after) == 2 and after[0] in "-–" and after[1].isdigit()
    )


def _looks_like_date(text: str, core: _Core, value: float, lo: int) -> bool:
    """Return True for a day of the month next to a month name ("December 7", "7 Dec")."""
    if not (value.is_integer() and 1 <= value <= 31):
        return False
    if _MONTH_BEFORE.search(text, max(lo, core.start - 12), core.start):
        return True
    return _MONTH_AFTER.match(text, core.end, core.end + 16) is not None


def _looks_like_year(
    text: str,
    core: _Core,
    value: float,
    counted: str | None,
    qualifier: str | None,
    prev_word: str,
) -> bool:
    """Return True when a plain four-digit number reads as a year rather than a count."""
    digits = text[core.start : core.end]
    if not (len(digits) == 4 and 1000 <= value <= 2199):
        return False
    if qualifier:
        # "some 2000 soldiers" counts; "around 2011" on its own is a year.
        return counted is None and qualifier in ("around", "about", "circa")
    after = text[core.end : core.end + 2]
    if len(after) == 2 and after[0] in "-–" and after[1].isdigit():
        return True  # 2011-12
    if core.start > 0 and text[core.start - 1] in "-–/":
        return True
    if prev_word in _YEAR_CONTEXT or _MONTH_BEFORE.search(
        text, max(0, core.start - 12), core.start
    ):
        return True
    head = counted.split()[-1] if counted else ""
    return not (head[:1].islower() and _is_head(head, head.lower()))
