"""What an article says about which event it reports, as bags of language-independent keys.

Four channels, each a bag of keys with counts:

* ``names``: capitalised tokens read from the text, transliterated with anyascii, each with its
  consonant skeleton so that transliterations meet ("Karliova"/"Karlyova"). A sentence's first
  word and the words of a Title Case headline count only when the same token is capitalised
  mid-sentence elsewhere or lies in an annotated entity span. Names survive translation
  ("Okonkwo", "Tartu") where ordinary words do not, and they tell two events of one kind apart.
  Places the gazetteer placed add one ``g:<geonameid>`` key whatever their language or script.
* ``words``: the article's words, lower-cased and cut to a prefix (a cheap stemmer that works in
  every language using spaces); they tell topics apart within one language.
* ``numbers``: figures written with digits (thousands separators of any convention removed) and
  the values of annotated quantities.
* ``times``: years, month-days and full dates from the text (month names in every language the
  date library knows), from the annotated dates, and the publication date given by metadata.

Only general vocabulary is used: month and weekday names come from dateparser's locale data,
function words from spaCy's stop lists.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from anyascii import anyascii

from ..annotate.published import own_date
from ..model import Article

# Words kept in the words channel are cut to this many characters: "earthquake"/"earthquakes"
# and "séisme"/"séismes" share a key without a stemmer per language.
WORD_PREFIX = 6
MIN_WORD = 3
# A year is a four-digit number in this range; other numbers go to the numbers channel.
YEARS = range(1800, 2101)

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = frozenset(".!?:;\n\u2026\u3002")
_OPENERS = frozenset("\"'«“‘([{-–—*•>|")
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+)|\d+)"
    r"(?:([.,])(\d+))?(?![\w])"
)


@dataclass(frozen=True, slots=True)
class Profile:
    """The keys of one article by channel (key -> count), and its publication date."""

    id: str
    names: Counter[str]
    words: Counter[str]
    numbers: Counter[str]
    times: Counter[str]
    published: date | None = None
    gist: str = ""  # packed title-and-lead vector (consilience.annotate.gist), "" when none
    language: str | None = None  # the article's language (its word keys are of that language)
    event_day: date | None = None  # the day the reported event happened (``event_day``)
    # "MM-DD" when the article writes its event's day without a year and has no publication
    # day to take one from (``event_month_day``); "" otherwise
    event_md: str = ""
    # the date the article's head states as its own ("Outlet — 10 November 2026"), where its
    # metadata gives none: it tells which day a report is of (``stories.continued``)
    stated: date | None = None

    def channels(self) -> dict[str, Counter[str]]:
        """Return the channels by name."""
        return {
            "names": self.names,
            "words": self.words,
            "numbers": self.numbers,
            "times": self.times,
        }


def profile(article: Article) -> Profile:
    """Return the Profile of ``article`` (its cleaned text, title and annotations)."""
    text = article.text or article.raw_text
    if article.title and article.title.strip() and article.title.strip() not in text[:500]:
        text = article.title.strip() + "\n" + text
        shift = len(article.title.strip()) + 1
    else:
        shift = 0
    published = _published(article)
    # the date the head states ("Outlet — 10 November 2026"): its day is no figure of the
    # story (every report of that day writes it); it says which day the report is of
    own = own_date(article)
    return Profile(
        id=article.id,
        names=name_keys(text, _entity_spans(article, shift)) + place_keys(article),
        words=word_keys(text, article.language),
        numbers=number_keys(text, article, own[1] if own is not None else None, shift),
        times=time_keys(text, article, published),
        published=published,
        gist=article.annotations.gist,
        language=article.language,
        event_day=event_day(article, published),
        event_md=event_month_day(article, published),
        stated=own[0] if own is not None and published is None else None,
    )


def _published(article: Article) -> date | None:
    """Return the publication date when the input's metadata gave it to the day; a date
    inferred from the text is left out (it may come from a background date, and the text's
    dates are read anyway), and so is a metadata value that names only a month or a year
    ("2017-09" is not the first of September)."""
    pub = article.published
    if _MONTH_ONLY.match(article.published_raw or ""):
        return None
    value = pub.date if pub is not None and pub.from_ == "metadata" else None
    if not value:
        # Grouping runs before the story stages read the metadata date into ``published``:
        # read it here from the input's own value.
        from ..annotate.published import metadata_date

        return metadata_date(article.published_raw) if pub.from_ == "none" else None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_MONTH_ONLY = re.compile(r"\s*\d{4}(?:[-/.]\d{1,2})?\s*$")

# The days an article dates its event by lie within this many days of its latest one: "the
# quake of Tuesday" beside "rescuers on Friday", not the anniversary of an older disaster.
EVENT_WINDOW = 7
# With a publication day, the event a report tells of lies at most this many days before it
# (older days are recalled events: "the 1974 fire of 14 February").
RECENT = 31


def event_day(article: Article, published: date | None = None) -> date | None:
    """Return the day of the event ``article`` reports: the earliest day it writes out within
    ``EVENT_WINDOW`` days of the latest one, or None when it writes none.

    Grouping runs before date phrases are resolved, so only days written out count ("23
    September 2017", "October 30th", "19 de septiembre", in any language whose month names
    the date library knows): a day without its year takes the year of ``published`` (the
    metadata publication day), and is left out without one; with ``published``, neither that
    day (a dateline, or a day's own news: no evidence of an earlier event), nor a later one (a
    funeral announced for Friday is not the event), nor one more than ``RECENT`` days older
    counts. Older days ("the quake of 19
    September 1985") lie outside the window of the latest."""
    days = []
    for month, day, year in day_month_phrases(article.text or ""):
        if year is None and published is not None:
            # "30 December" in a report of 3 January is last year's
            year = published.year - ((month, day) > (published.month, published.day + 1))
        try:
            when = date(year, month, day) if year else None
        except ValueError:
            continue
        if when is not None and (published is None or 0 < (published - when).days <= RECENT):
            days.append(when)
    if not days:
        return None
    latest = max(days)
    return min(d for d in days if (latest - d).days <= EVENT_WINDOW)


def event_month_day(article: Article, published: date | None = None) -> str:
    """Return "MM-DD", the event's day as ``event_day`` would read it, when the article
    writes days only without their year and ``published`` is None ("on Sunday, October 30th",
    "the quake of August 24th"): story grouping places it in the year nearest the days it is
    compared with. "" when the article has a publication day, writes a year with a day, or
    writes no day."""
    if published is not None:
        return ""
    found = day_month_phrases(article.text or "")
    if not found or any(year for _, _, year in found):
        return ""
    days = []
    for month, day, _ in found:
        try:
            days.append(date(2000, month, day))  # a leap year: any day of any month fits
        except ValueError:
            continue
    if not days:
        return ""
    latest = max(days)
    first = min(d for d in days if (latest - d).days <= EVENT_WINDOW)
    return f"{first.month:02d}-{first.day:02d}"


def _entity_spans(article: Article, shift: int) -> list[tuple[int, int]]:
    return [(e.start + shift, e.end + shift) for e in article.annotations.entities]


@lru_cache(maxsize=200_000)
def normalise(token: str) -> str:
    """Return ``token`` transliterated to lower-case ASCII letters and digits, with repeated
    letters collapsed ("Assad", "Asad" and "Асад" all give "asad")."""
    ascii_ = anyascii(token).lower()
    out: list[str] = []
    for ch in ascii_:
        if ch.isalnum() and (not out or ch != out[-1] or ch.isdigit()):
            out.append(ch)
    return "".join(out)


def _sentence_initial(text: str, start: int) -> bool:
    """Return True when the token at ``start`` opens a sentence or a line."""
    i = start - 1
    while i >= 0 and (text[i] in " \t\u00a0" or text[i] in _OPENERS):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _is_capitalised(token: str) -> bool:
    return token[0].isupper() and not token.isdigit()


def name_keys(text: str, entity_spans: Iterable[tuple[int, int]] = ()) -> Counter[str]:
    """Return the name keys of ``text``: capitalised tokens that are not a sentence's first word
    nor in a Title Case line (unless the same token is capitalised mid-sentence elsewhere, or
    lies in an entity span), normalised, each with its consonant skeleton (``~`` + skeleton).
    Calendar words and function words of the known languages are left out."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    inside = _covered(entity_spans)
    titled = _title_case_lines(text)
    mid = {
        tok
        for s, _, tok in tokens
        if _is_capitalised(tok) and not _sentence_initial(text, s) and not _in(titled, s, s + 1)
    }
    skip = calendar_words() | stop_words()
    keys: Counter[str] = Counter()
    for s, e, tok in tokens:
        if not _is_capitalised(tok) or not (tok in mid or _in(inside, s, e)):
            continue
        key = normalise(tok)
        if len(key) > 1 and not key.isdigit() and key not in skip:
            keys[key] += 1
            sound = skeleton(key)
            if sound:
                keys["~" + sound] += 1
    return keys


def place_keys(article: Article) -> Counter[str]:
    """Return ``g:<geonameid>`` for each place mention the gazetteer placed: one key for a place
    whatever the language or script it is written in ("Messico", "México", "المكسيك")."""
    return Counter(
        f"g:{e.geonameid}" for e in article.annotations.entities if e.geonameid is not None
    )


def interned(p: Profile) -> Profile:
    """``p`` with the keys of its channels interned (``sys.intern``): the profiles a run holds
    until its stories are formed then share one string per key (words, names, numbers recur
    across articles) instead of one per article, about 40% of their memory."""
    import sys
    from dataclasses import replace

    def keys(counts: Counter[str]) -> Counter[str]:
        return Counter({sys.intern(k): n for k, n in counts.items()})

    return replace(
        p, names=keys(p.names), words=keys(p.words), numbers=keys(p.numbers), times=keys(p.times)
    )


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Return the spans of lines written in Title Case (a headline: at least three words of four
    letters or more, 80% of them capitalised), where a capital says nothing about a name."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        words = [w for w in _TOKEN.findall(line.group()) if len(w) >= 4 and w.isalpha()]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            out.append(line.span())
    return out


_SPELLINGS = (
    ("kh", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "k"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("z", "s"),
    ("x", "ks"),
    ("j", "i"),
)


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Return the consonant skeleton of a normalised name ("" when under three consonants):
    spellings that transliterations disagree on are merged and vowels dropped, so "karliova"
    and "karlyova", "marquez" and "markes", "homs" and "khoms" meet."""
    for a, b in _SPELLINGS:
        key = key.replace(a, b)
    out: list[str] = []
    for ch in key:
        if ch.isalpha() and ch not in "aeiouy" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out) if len(out) >= 3 else ""


def _covered(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(spans)


def _in(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return True when [start, end) lies inside one of the ``spans`` (sorted by start; entity
    spans seldom nest, so the three that start last before ``start`` are enough)."""
    i = bisect.bisect_right(spans, (start, math.inf))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 3) : i])


def word_keys(text: str, language: str | None = None) -> Counter[str]:
    """Return the word keys of ``text``: lower-cased alphabetic tokens of at least three letters,
    transliterated and cut to ``WORD_PREFIX`` characters, prefixed with ``language`` ("it:terrem";
    a word means something only in its language); function words of the known languages are
    left out (in a small collection document frequencies cannot tell them apart)."""
    prefix = f"{language}:" if language else ""
    stop = stop_words()
    keys: Counter[str] = Counter()
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if len(tok) < MIN_WORD or not tok.isalpha():
            continue
        full = normalise(tok)
        if len(full) >= MIN_WORD and full not in stop:
            keys[prefix + full[:WORD_PREFIX]] += 1
    return keys


def parse_number(whole: str, sep: str | None, frac: str | None) -> float | None:
    """Return the value of a figure matched by ``_NUMBER``: grouping separators (comma, dot,
    space) removed; a trailing ``.d``/``,d`` part read as decimals."""
    digits = re.sub(r"[,. \u00a0\u202f]", "", whole)
    if not digits:
        return None
    value = float(digits)
    if sep and frac:
        value += float("0." + frac)
    return value


# A day written "09-Jun-08" / "9-juin-08": its two-digit year is the year a translation or the
# original writes in full ("June 9, 2008").
_SHORT_YEAR = re.compile(r"(?<![\w.,])\d{1,2}-[^\W\d_]{3,9}\.?-(\d{2})(?!\w)")


def digit_figures(text: str) -> list[str]:
    """Return the figures written with digits in ``text``, in order, each as its value
    ("40,000" and "40.000" both "40000", "6.2" and "6,2" both "6.2"), years included; the
    two-digit year of a day written "09-Jun-08" as the full year (2008)."""
    full = {m.start(1): m.group(1) for m in _SHORT_YEAR.finditer(text)}
    out = []
    for m in _NUMBER.finditer(text):
        if m.start(1) in full:
            yy = int(full[m.start(1)])
            out.append(str(2000 + yy if yy < 50 else 1900 + yy))
            continue
        value = parse_number(m.group(1), m.group(2), m.group(3))
        if value is not None:
            out.append(_number_key(value))
    return out


def number_keys(
    text: str,
    article: Article | None = None,
    skip: tuple[int, int] | None = None,
    shift: int = 0,
) -> Counter[str]:
    """Return the number keys: each figure written with digits that is not a year (nor in the
    span ``skip`` of the article's text, ``text`` holding it from ``shift`` on), as its value
    (``"1500"``, ``"2.5"``), plus the values of the article's annotated quantities but its
    shares of a whole ("half the town")."""
    keys: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        if skip is not None and skip[0] <= m.start() - shift < skip[1]:
            continue
        value = parse_number(m.group(1), m.group(2), m.group(3))
        if value is None or (value.is_integer() and int(value) in YEARS and not m.group(2)):
            continue
        keys[_number_key(value)] += 1
    if article is not None:
        for q in article.annotations.quantities:
            if q.number_format == "share":
                continue  # "half the town": no figure that tells one event from another
            if q.value is not None and not (float(q.value).is_integer() and int(q.value) in YEARS):
                keys[_number_key(float(q.value))] += 1
    return keys


def _number_key(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def time_keys(
    text: str, article: Article | None = None, published: date | None = None
) -> Counter[str]:
    """Return the time keys: ``y:YYYY`` for each year written, ``md:MM-DD`` for each day-month
    phrase in any known language, ``d:YYYY-MM-DD`` when it carries its year; the same keys from
    the article's resolved date mentions (relative ones only when ``published``, the metadata
    publication date, is known); and the publication date's keys."""
    keys: Counter[str] = Counter()
    for m in re.finditer(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)", text):
        keys[f"y:{m.group(1)}"] += 1
    for month, day, year in day_month_phrases(text):
        keys[f"md:{month:02d}-{day:02d}"] += 1
        if year:
            keys[f"d:{year:04d}-{month:02d}-{day:02d}"] += 1
    if article is not None:
        for d in article.annotations.dates:
            # A relative date ("on Friday") is only as good as the publication date it was
            # resolved against; one inferred from the text may belong to another story.
            if not d.relative or published is not None:
                _date_value_keys(d.value, keys)
    if published is not None:
        _date_value_keys(published.isoformat(), keys)
    return keys


def _date_value_keys(value: str | None, keys: Counter[str]) -> None:
    if not value or not value[:4].isdigit():
        return
    if int(value[:4]) in YEARS:
        keys[f"y:{value[:4]}"] += 1
    if len(value) >= 10:
        keys[f"md:{value[5:10]}"] += 1
        keys[f"d:{value[:10]}"] += 1


def day_month_phrases(text: str) -> list[tuple[int, int, int | None]]:
    """Return (month, day, year or None) for each "7 December [2024]", "December 7[, 2024]",
    "7 de diciembre de 2024", "7. Dezember" ... in ``text``, month names of any language the
    date library knows (at least three letters)."""
    months = _month_names()
    found = []
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(text):
            month = months.get(m.group("m").casefold())
            day = int(m.group("d"))
            if month is None or not 1 <= day <= 31:
                continue
            year = int(m.group("y")) if m.group("y") else None
            found.append((m.start(), month, day, year))
    return [(month, day, year) for _, month, day, year in sorted(found)]


# A month name is any word; the dictionary look-up decides. Both orders, an optional year.
_YEAR_AFTER = r"(?:\s*,?\s+(?:de\s+)?(?P<y>(?:1[89]|20)\d\d)(?!\d))?"
_DAY_FIRST = re.compile(
    r"(?<![\w.,])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?\s+(?:(?:de|del|di|du|of)\s+)?"
    r"(?P<m>[^\W\d_]{3,})\.?" + _YEAR_AFTER
)
_MONTH_FIRST = re.compile(
    r"(?<!\w)(?P<m>[^\W\d_]{3,})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]\d)(?!\w)"
    + _YEAR_AFTER
)


_MONTHS = (
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
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _locale_words(fields: tuple[str, ...]) -> dict[str, int]:
    """Return {casefolded word: index in ``fields``} over the date library's locales for the
    languages consilience detects; words shorter than three letters are skipped."""
    from dateparser.languages import default_loader

    from ..settings import DEFAULT_LANGUAGES

    out: dict[str, int] = {}
    for lang in DEFAULT_LANGUAGES:
        try:
            info = default_loader.get_locale(lang).info
        except Exception:  # a locale the installed dateparser lacks: skip it
            continue
        for i, name in enumerate(fields):
            for word in info.get(name, ()):
                word = unicodedata.normalize("NFC", str(word)).casefold().rstrip(".")
                if len(word) >= 3 and " " not in word:
                    out.setdefault(word, i)
    return out


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    return {w: i + 1 for w, i in _locale_words(_MONTHS).items()}


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Return the normalised month and weekday names of every known language (never names)."""
    words = set(_locale_words(_MONTHS)) | set(_locale_words(_WEEKDAYS))
    return frozenset(normalise(w) for w in words) - {""}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return the normalised function words of the languages consilience detects, from the stop
    lists shipped with spaCy (languages it has no list for are skipped)."""
    from ..annotate.language import function_words
    from ..settings import DEFAULT_LANGUAGES

    words = {normalise(w) for lang in DEFAULT_LANGUAGES for w in function_words(lang)}
    return frozenset(words) - {""}
