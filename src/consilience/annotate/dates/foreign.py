"""Other languages than English: dates found and read with dateparser's data for the language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ...text import ascii_digits
from .lexicon import WEEKDAYS
from .parse import Parsed

# Date phrases of articles in other languages are found and read from dateparser's own language
# data (month and weekday names, relative words such as "hier" and patterns such as
# "il y a (N) jours", the number words its simplifications give, the word joining a day to its
# month, "de"), never from word lists of our own: a language dateparser knows gets day-month(-year)
# phrases ("7 décembre 2024", "7 de diciembre de 2024", "7. Dezember"), month-year phrases,
# weekdays (with the "last"/"next" words its relative phrases use: "samedi dernier"), numeric
# dates in the language's own order, and the relative phrases of its data for days, months
# and years ("hier", "il y a une semaine", "l'année dernière"). A bare year is a date behind or
# before the words of ``data/dates.json`` that make it one ("en 2021", "в 2021 году").

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

    # composed again after casefolding, which decomposes some letters ("Μαΐου" -> "μαΐου")
    folded = unicodedata.normalize("NFC", str(word)).casefold()
    return unicodedata.normalize("NFC", folded).strip().rstrip(".")


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
    if language == "ru":
        months.update(_russian_locatives(months))
    extra = _data()["months"].get(language, {})
    months.update({_clean_word(w): int(n) for w, n in extra.items()})
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
    return replace(base, finder=_finder(base, info, language))


def _russian_locatives(months: dict[str, int]) -> dict[str, int]:
    """Return the locative of each Russian month name dateparser gives in the nominative ("в
    марте", "в январе", "в мае": "in March" ...), which its data lacks: the name's final "ь" or
    "й" becomes "е", a final consonant takes "е" (a grammar rule of the language, not a list)."""
    out = {}
    for name, number in months.items():
        # a whole name, whose genitive the data also gives ("январь" / "января", "март" /
        # "марта"), not an abbreviation ("окт", "сент")
        if name[-1] in "ьй" and name[:-1] + "я" in months:
            out[name[:-1] + "е"] = number
        elif name[-1] not in "ьйая" and name + "а" in months:
            out[name + "е"] = number
    return out


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

    folded = unicodedata.normalize("NFC", piece).casefold()
    words = unicodedata.normalize("NFC", folded).split(" ")  # composed again, as _clean_word
    return r"\s+".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _data() -> dict:
    import json
    from importlib import resources

    path = resources.files("consilience.annotate").joinpath("data/dates.json")
    return json.loads(path.read_text("utf-8"))


def _extra(kind: str) -> dict[str, tuple[str, ...]]:
    """Return {language: words} of one kind of ``data/dates.json``."""
    return {lang: tuple(words) for lang, words in _data()[kind].items()}


def _finder(loc: _LocaleDates, info: dict, language: str) -> re.Pattern | None:
    """One pattern for the date phrases of a language (longest alternatives first)."""
    if not loc.months:
        return None
    # one month's two names, one after the other ("تشرين الثاني/نوفمبر")
    names = _alternation(list(loc.months))
    month = rf"(?:{names})\.?(?:\s*/\s*(?:{names}))?"
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
    pertain += [w for w in _extra("joining").get(language, ()) if w not in pertain]
    joint = rf"(?:\s+(?:{_alternation(pertain)}))?" if pertain else ""
    day = rf"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9]){_DAY_SUFFIX}"
    year = rf"{joint}\s+{_YEAR_NUM}(?!\d)"
    mods = _alternation(list(loc.last_words | loc.next_words))
    compounds = _extra("weekday_compounds").get(language, ())
    part = rf"(?:{_alternation(list(compounds))})?" if compounds else ""
    weekday = rf"(?:{_alternation(weekday_words)}){part}" if weekday_words else None
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
            # before the weekday, a word of four letters at least: "que" of "dilluns que ve"
            # (next Monday) is no "next" in "que diumenge va arrasar" (which Sunday destroyed)
            ahead = _alternation([w for w in loc.last_words | loc.next_words if len(w) >= 4])
            lead_mod = rf"(?:(?:{ahead})\s+)?" if ahead else ""
            alternatives.append(rf"(?<!\w){lead_mod}{weekday}(?:\s+(?:{mods}))?(?!\w)")
        else:
            alternatives.append(rf"(?<!\w){weekday}(?!\w)")
    if full_months:
        alternatives.append(rf"(?<!\w)(?:{_alternation(full_months)})(?!\w)")
    # a bare year behind a word that makes it a date ("en 2021", "im Jahr 2021") or before one
    # ("в 2021 году", "2021 yılında"); the span is the year and a word after it, not before
    before_year = _extra("year_before").get(language, ())
    if before_year:
        alternatives.append(
            rf"(?<!\w)(?:{_alternation(before_year)})\s+(?P<year>{_YEAR_NUM})(?![\d\w])"
        )
    after_year = _extra("year_after").get(language, ())
    if after_year:
        alternatives.append(rf"(?<![\w\d]){_YEAR_NUM}\s*(?:{_alternation(after_year)})(?!\w)")
    if language in _extra("nouns_capitalised"):
        # a year opening a sentence or a clause before a word in lower case, in a language
        # that capitalises its nouns: "2021 war eine Maschine ...", not "2021 Menschen"
        alternatives.append(rf"(?:(?<=^)|(?<=[.:;!?]\s)|(?<=\n)){_YEAR_NUM}(?=\s+(?-i:[a-zäöüß]))")
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
    # digits of any script read as ASCII, one character for one ("١١ مايو ٢٠٢٧"): the
    # spans stay the text's
    for match in loc.finder.finditer(ascii_digits(text)):
        start, end = match.span()
        if "year" in match.re.groupindex and match.group("year") is not None:
            start = match.start("year")  # "en 2021": the year
        if end - start > 1 and text[end - 1] == "." and not re.search(r"\d\.$", text[:end]):
            end -= 1  # "déc." at a sentence end: keep the full stop with the sentence
        if any(s < end and start < e for s, e in taken):
            continue
        if _a_part_of_the_day(text, start, end, loc, language or ""):
            continue
        if _a_noun_not_a_day(text, start, end, language or ""):
            continue
        found.append((start, end))
    return found


def _a_part_of_the_day(text: str, start: int, end: int, loc: _LocaleDates, language: str) -> bool:
    """Return whether a relative day word is a noun here, a part of the day after a word of
    ``data/dates.json``'s "nouns_after" ("la mañana del ataque"), or capitalised in mid-sentence
    in a language that capitalises nouns ("am Morgen")."""
    after = _extra("nouns_after").get(language, ())
    capitalised = language in _extra("nouns_capitalised")
    if not (after or capitalised) or not any(
        r.count is not None and r.pattern.fullmatch(_clean_word(text[start:end]))
        for r in loc.relatives
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 30) : start].casefold().replace("\u2019", "'")
    if capitalised and text[start].isupper() and re.search(r"[^\W\d_]\s*$", before):
        return True  # "am Morgen", "heute Morgen": a noun in mid-sentence
    return any(re.search(rf"(?:^|[\s(])({re.escape(w)})\s*$", before) for w in after)


def _a_noun_not_a_day(text: str, start: int, end: int, language: str) -> bool:
    """Return whether a weekday phrase is only a weekday name that is also a common noun
    ("pazar": Sunday, and market) with none of the words after it that make it the day
    (``data/dates.json``'s "weekday_words_after": "pazar günü"): "pazar saldırısı" is the
    market attack."""
    words = _data()["weekday_words_after"].get(language)
    if not words:
        return False
    phrase = _clean_word(text[start:end])
    after = words.get(phrase)
    if after is None:
        return False
    following = re.match(r"\s+([^\W\d_]+)", text[end:])
    return following is None or _clean_word(following.group(1)) not in after


def future_clause(text: str, start: int, end: int, language: str | None) -> bool:
    """Return True when the clause around ``text[start:end]`` (a date phrase) puts it in the
    coming days: it holds a word of the language's future or plans (``data/dates.json``
    "future": "soll", "będzie", "من المقرر") or a verb in a future form ("future_endings":
    "votará", "oylayacak"), outside the date phrase itself."""
    code = (language or "").split("-")[0].lower()
    words, endings = _extra("future").get(code, ()), _extra("future_endings").get(code, ())
    if not words and not endings:
        return False
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 300), start)), default=0)
    stop = _CLAUSE_BREAK.search(text, end)
    hi = stop.start() if stop else len(text)
    clause = _clean_word(text[lo:start] + " " + text[end:hi])
    if words and _future_words(code).search(clause):
        return True
    return any(len(w) >= 5 and w.endswith(endings) for w in re.findall(r"[^\W\d_]+", clause))


# What ends the clause a date phrase is read in: a sentence's end, a comma, a colon, a quote
# mark ('"... non sarà ritirata", ha detto lunedì': the future is the quote's, the day the
# saying's)
_CLAUSE_BREAK = re.compile(r"[.!?;,:]\s|[\"«»“”„]|\n")


@lru_cache(maxsize=32)
def _future_words(code: str) -> re.Pattern[str]:
    words = [_clean_word(w) for w in _extra("future").get(code, ())]
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)")


def calendar_words(language: str | None) -> frozenset[str]:
    """The month and weekday names of ``language`` (dateparser's data), casefolded: words that
    name no place ("Montag", "Mai"); empty for a language it has no data for."""
    loc = locale_dates(language or "")
    if loc is None:
        return frozenset()
    names = {w for w in (*loc.months, *loc.weekdays) if len(w) >= 3}
    # not an abbreviation, the start of a longer name ("mon" of "montag", "die" of "dienstag")
    return frozenset(w for w in names if not any(o != w and o.startswith(w) for o in names))


def year_words(language: str | None) -> tuple[str, ...]:
    """The words before a bare year that make it a date in ``language`` ("en", "l'any", "im
    Jahr": ``year_before`` of ``data/dates.json``), casefolded; () for a language with none."""
    return tuple(w.casefold() for w in _extra("year_before").get(language or "", ()))


def _compound_weekday(words: list[str], loc: _LocaleDates, language: str) -> int | None:
    """Return the weekday a word of ``words`` names with a part of the day written onto it
    (``data/dates.json`` "weekday_compounds": "montagabend" is Monday), else None."""
    for w in words:
        for part in _extra("weekday_compounds").get(language, ()):
            if w.endswith(part) and w[: -len(part)] in loc.weekdays:
                return loc.weekdays[w[: -len(part)]]
    return None


def parse_foreign(expr: str, language: str) -> Parsed:
    """What a date phrase in ``language`` says, read with dateparser's data for the language
    (see ``foreign_date_spans``); kind "vague" when it names no date."""
    loc = locale_dates(language)
    if loc is None:
        return Parsed(kind="vague")
    text = re.sub(r"\s+", " ", _clean_word(ascii_digits(expr)).replace("\u2019", "'"))
    text = text.strip(' ,;:()"')
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
    if month is None:
        month = next((n for w, n in loc.months.items() if " " in w and w in text.casefold()), None)
    weekday = next((loc.weekdays[w] for w in words if w in loc.weekdays), None)
    if weekday is None:
        weekday = _compound_weekday(words, loc, language)
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
    if year is not None and len(years) == 1 and re.fullmatch(rf"{_YEAR_NUM}\s*\S*", text):
        return Parsed(kind="date", year=year)  # "2021", "2021 году", "2021'de"
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
