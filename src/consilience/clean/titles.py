"""Titles a reader can use: what of an article's head is its headline, and what is not.

The first lines of a news text are often not its headline: a byline ("By Jane Doe and Omar
Khalil", "Par Jean Dupont, AFP", "بقلم ..."), a date or time stamp ("December 7, 2024 | Updated
3:45 PM", "Publié le 7 décembre 2024 à 10h32", "07/12/2024 10:32"), a dateline alone ("LONDON
(Reuters) -"), an outlet's or agency's name ("AFP", "Associated Press") or the page's address.
``headline`` skips those; ``title`` cleans a metadata title the same way (a title that is only a
byline or a date is no title; a date before it and an outlet's name or a date after it go);
``lead_start`` says where the text proper begins, for a lead standing in for a title.

The words of bylines, stamps and outlet names are per language in ``data/titles.json``, month
and weekday names come from CLDR (Babel); every language's words apply to every text, so the
code needs no language."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .chars import quick_normalize
from .lines import key, reads_as_headline

__all__ = [
    "headline",
    "is_byline",
    "is_date",
    "is_dateline",
    "is_outlet",
    "is_stamp",
    "lead",
    "lead_start",
    "title",
]

# The languages whose month and weekday names make a date (those the pipeline identifies).
_LANGUAGES = (
    *("en", "fr", "es", "it", "de", "pt", "ca", "nl"),
    *("ar", "ru", "uk", "pl", "tr", "fa", "he", "zh"),
)
_HEAD_LINES = 6  # lines of the head looked at for a headline
_BYLINE_NAME_WORDS = 10  # words of the names a byline gives (before any separator)
_BYLINE_TAIL_WORDS = 10  # words after the names' separator (outlet, place, role, date)
_CASELESS_BYLINE_WORDS = 8  # words after the byline word in a script without capitals
_UNSPACED_BYLINE_CHARS = 16  # characters after the byline word in a script without spaces
_OUTLET_WORDS = 4  # an outlet's name: at most this many words
_MIN_LINE = 2  # a headline in a spaced script has at least two words

_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_AMPM_RE = re.compile(r"\b([ap])\.\s?m\.?", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}|\d{1,2}\s*[:h]\s*\d{2}")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_UNSPACED_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")
_CASED_RE = re.compile(r"[^\W\d_]")
# "LONDON (Reuters) -", "Beirut, 7 Dec (AFP) —": a place (and day), an agency in brackets, a dash.
_DATELINE_RE = re.compile(
    r"(?P<place>[^()\n]{1,60}?)\s*\((?P<agency>[^()\n]{1,40})\)\s*(?P<dash>[-\u2013\u2014:]+)?\s*"
)
# "BEIRUT —": a place in capitals and a dash.
_CAPS_DATELINE_RE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .,'-]*(?:[ ,.'-]+[^\W\d_]+){0,3})\s*[\u2013\u2014-]+\s+"
)
# "МОСКВА, 7 декабря. /ТАСС/.", "МОСКВА, 7 дек — РИА Новости.": a place in capitals, a day, an
# agency between slashes or after a dash, a period.
_AGENCY_DATELINE_RE = re.compile(
    r"(?P<place>[^\W\d_]+(?:[ -][^\W\d_]+){0,2}),\s*(?P<day>[^\n/()\u2013\u2014-]{1,25}?)\s*"
    r"(?:/[^/\n]{2,25}/|[\u2013\u2014-]\s*[^\n.]{2,25})\s*\.\s*"
)
_URL_RE = re.compile(r"(?:https?\s*:\s*/\s*/|www\s*\.\s*\w)", re.IGNORECASE)
_DOMAIN_RE = re.compile(r"[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*(?:[a-z]{2,6})", re.IGNORECASE)
# The separators between a headline and an outlet's name or a date: " - ", " | ", " — " ...
_SUFFIX_RE = re.compile(r"\s+(?:[|\u2013\u2014\u00b7\u2022/]|-{1,2}|::)\s+")
_UNSPACED_OPENER_ENDS = (":", "\uff1a", "/", "\uff0f", "|", " ", "\u3000")
_BYLINE_SEP_RE = re.compile(r"\s*[,|;/\u00b7\u2022\u2013\u2014]\s*|\s+-\s+")
_BULLETS = "-*\u2022\u00b7\u2013\u2014\u25aa\u25ba"  # a list's marks before the first sentence
_SEPARATORS = " \t,;:|/\u00b7\u2022-\u2013\u2014"


@dataclass(frozen=True, slots=True)
class _Words:
    bylines: tuple[str, ...]  # keys of byline openers; those ending in ":" need the colon
    joiners: frozenset[str]
    stamp: frozenset[str]  # words of a stamp that may end it
    fillers: frozenset[str]  # words of a stamp that never end it
    media: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads(
        resources.files("consilience.clean").joinpath("data/titles.json").read_text("utf-8")
    )
    parts: dict[str, set[str]] = {k: set() for k in ("byline", "joiners", "stamp", "fillers")}
    parts["media"] = set()
    for lang, words in data.items():
        if lang.startswith("_"):
            continue
        for part, values in words.items():
            for value in values:
                if part == "byline":
                    colon = value.endswith(":")
                    parts[part].add(key(value) + (":" if colon else ""))
                else:
                    parts[part].update(key(value).split() or [value.casefold()])
    stamp = parts["stamp"] | _calendar_words()
    bylines = tuple(sorted(parts["byline"], key=lambda w: (-len(w), w)))
    return _Words(
        bylines,
        frozenset(parts["joiners"]),
        frozenset(stamp),
        frozenset(parts["fillers"] - stamp),
        frozenset(parts["media"]),
    )


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names (wide and abbreviated, both grammatical contexts) and the day
    periods (AM, PM) of every language, as keys, from CLDR."""
    from babel import Locale

    out: set[str] = set()
    for lang in _LANGUAGES:
        loc = Locale.parse(lang)
        for table in (loc.months, loc.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for name in table.get(context, {}).get(width, {}).values():
                        out.update(key(name).split())
        for width in ("abbreviated", "wide"):
            for name in loc.day_periods.get("format", {}).get(width, {}).values():
                if name:
                    out.update(key(name).split())
    return frozenset(w for w in out if not w.isdigit())


# ----------------------------------------------------------------------------- what a line is


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN_RE.finditer(_AMPM_RE.sub(r"\1m", text)))


def _stamp_word(word: str, words: _Words) -> bool:
    w = key(word)
    return w in words.stamp or w in words.fillers


def is_date(line: str) -> bool:
    """Return True when ``line`` is a date or time stamp and nothing else ("December 7, 2024",
    "Updated 3:45 PM", "07/12/2024 10:32", "Publié le 7 décembre 2024 à 10h32")."""
    words = _words()
    tokens = _tokens(line)
    if not tokens:
        return False
    strong = False
    for m in tokens:
        tok = m.group()
        if tok.isdigit():
            strong = True
        elif _stamp_word(tok, words):
            strong = strong or key(tok) in words.stamp
        else:
            return False
    return strong


def _date_prefix_end(line: str) -> int:
    """Return where a date or time stamp opening ``line`` ends ("Published 7 Dec 2024 Rebels
    ..."), or 0 when it opens with none. A stamp here holds a publication word, a numeric date
    or time, or a year with a day or month: a bare number or month ("7 dead", "December 7
    rally") is part of the headline."""
    words = _words()
    tokens = _tokens(line)
    end = 0
    digits = 0
    stamp_word = False
    for m in tokens:
        tok = m.group()
        if tok.isdigit():
            digits += 1
        elif not _stamp_word(tok, words):
            break
        w = key(tok)
        if w in words.fillers:
            continue
        if not tok.isdigit() and len(w) >= 4 and not _is_calendar(w):
            stamp_word = True
        end = m.end()
    if not end or not digits:
        return 0
    head = line[:end]
    if not (stamp_word or _NUMERIC_DATE_RE.search(head) or (_YEAR_RE.search(head) and digits > 1)):
        return 0
    return end


def _is_calendar(word: str) -> bool:
    return word in _calendar_words()


def is_byline(line: str) -> bool:
    """Return True when ``line`` is a byline: a byline word ("By", "Par", "Von", "بقلم",
    "Автор:") and names (capitalised words and their joiners), maybe an outlet, a place or a
    date after a separator. "Por qué ...", "Von der Leyen warnt ..." are headlines."""
    words = _words()
    text = line.strip().strip("*_ \t")
    k = key(text)
    for opener in words.bylines:
        colon = opener.endswith(":")
        word = opener.rstrip(":")
        if not (k == word or k.startswith(word + " ") or (_unspaced(word) and k.startswith(word))):
            continue
        rest = _after_opener(text, word)
        if rest is None:
            continue
        if colon and not rest.startswith((":", "\uff1a")):
            continue
        if _unspaced(word) and rest[:1] not in _UNSPACED_OPENER_ENDS:
            continue  # "文/张三", "记者 张三"; never "文化部..."
        rest = rest.lstrip(":\uff1a/|- \t\u3000")
        if _unspaced(word):
            if rest and len(rest) <= _UNSPACED_BYLINE_CHARS and rest != text:
                return True
            continue
        if not rest:
            return True
        if _names(rest, words):
            return True
    return False


def _unspaced(text: str) -> bool:
    return _UNSPACED_RE.search(text) is not None


def _after_opener(text: str, opener: str) -> str | None:
    """Return what follows the opener's words at the start of ``text``, or None."""
    n = len(opener.split())
    tokens = list(re.finditer(r"\S+", text))
    if _unspaced(opener):
        # "记者 张三", "文/张三": the opener is the first characters
        i = len(opener)
        return text[i:] if key(text[:i]) == opener and len(text) > i else None
    if len(tokens) < n:
        return None
    last = tokens[n - 1]
    # the opener's last word may carry its colon ("Autor:"), keep it for the check
    word_end = last.start() + len(last.group().rstrip(":\uff1a"))
    return text[word_end:]


def _names(rest: str, words: _Words) -> bool:
    """Return True when ``rest`` reads as the names of a byline, then maybe a short tail after a
    separator (", AFP", " | Reuters", ", staff writer")."""
    m = _BYLINE_SEP_RE.search(rest)
    names, tail = (rest[: m.start()], rest[m.end() :]) if m else (rest, "")
    name_words = names.split()
    if not name_words or len(name_words) > _BYLINE_NAME_WORDS:
        return False
    if len(tail.split()) > _BYLINE_TAIL_WORDS:
        return False
    if not any(ch.isupper() or ch.islower() for ch in names):
        # a script without capitals (Arabic, Hebrew, Persian): a few words after the byline word
        return len(rest.split()) <= _CASELESS_BYLINE_WORDS
    capitalised = 0
    for w in name_words:
        bare = w.strip("\"'().,")
        if not bare:
            continue
        if capitalised and (bare.isdigit() or key(bare) in words.stamp):
            break  # "By AFP August 26, 2016": a date after the names
        if bare[0].isupper():
            capitalised += 1
        elif key(bare) not in words.joiners:
            return False
    return capitalised > 0


def is_dateline(line: str) -> bool:
    """Return True when ``line`` is a dateline alone: "LONDON (Reuters) -", "Paris (AFP) —"."""
    text = line.strip()
    m = _DATELINE_RE.fullmatch(text)
    if m:
        place = m.group("place")
        if len(place.split()) > 6 or len(m.group("agency").split()) > 4:
            return False
        letters = [ch for ch in place if ch.isalpha()]
        return bool(m.group("dash")) or (bool(letters) and place.upper() == place)
    if _is_credit_list(text):
        return True
    m = _AGENCY_DATELINE_RE.fullmatch(text)
    if m and m.group("place").isupper():
        return True
    m = re.fullmatch(r"(?P<place>[^\W\d_][\w .,'-]{1,40}?)\s*[\u2013\u2014-]+", text)
    return m is not None and m.group("place").isupper()


def _is_credit_list(text: str) -> bool:
    """Return True for an agency and a place listed with commas: "AP, AMATRICE, Italy" (every
    part a capitalised name of up to three words, one of them in capitals)."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or any(not p or len(p.split()) > 3 for p in parts):
        return False
    for part in parts:
        for w in part.split():
            if not (w[0].isupper() or w.casefold() in _words().joiners):
                return False
    return any(p.isupper() and sum(ch.isalpha() for ch in p) >= 2 for p in parts)


def dateline_end(text: str) -> int:
    """Return where a dateline opening ``text`` ends ("TOLMARO, Varkesh, March 14 (Wire) -
    An explosion ..."), or 0 when it opens with none."""
    return _dateline_prefix_end(text)


def _dateline_prefix_end(text: str) -> int:
    """Return where a dateline opening a sentence ends ("LONDON (Reuters) - Rebels ..."), or 0."""
    m = _DATELINE_RE.match(text)
    if m and m.group("dash") and len(m.group("place").split()) <= 6:
        if len(m.group("agency").split()) <= 4 and "\n" not in m.group():
            return m.end()
    m = _AGENCY_DATELINE_RE.match(text)
    if m and m.group("place").isupper():
        return m.end()
    m = _CAPS_DATELINE_RE.match(text)
    if m and m.group("place").isupper() and len(m.group("place")) >= 3:
        return m.end()
    return 0


def is_outlet(line: str, outlet: str | None = None) -> bool:
    """Return True when ``line`` is only the name of an outlet or agency: ``outlet`` itself or
    its address, a web address, one word (an outlet or agency credit: "Reuters", "AFP"), or a
    few capitalised words with a media word ("Associated Press", "Agence France-Presse")."""
    text = line.strip().strip("*_ \t©").strip()
    if not text:
        return False
    k = key(text)
    if outlet and _same_outlet(k, outlet):
        return True
    if _DOMAIN_RE.fullmatch(text) or _URL_RE.match(text):
        return True
    words = text.split()
    if _unspaced(text):
        media = _words().media
        return len(text) <= 10 and any(text.endswith(m) for m in media if _unspaced(m))
    if len(words) == 1:
        return True
    if len(words) > _OUTLET_WORDS:
        return False
    media = _words().media
    parts = k.split()
    if not any(p in media for p in parts):
        return False
    cased = [w for w in words if _CASED_RE.search(w) and w != w.casefold()]
    if any(ch.isupper() or ch.islower() for ch in text):
        return all(w[0].isupper() or not w[0].isalpha() for w in words) and bool(cased)
    return True


def _outlet_suffix(text: str, outlet: str | None) -> bool:
    """Return True when ``text``, after a headline and a separator, is an outlet's name: as
    ``is_outlet`` says, but one word only when it is ``outlet``, an address or in capitals
    ("AFP"): "Real Madrid - Barcelona" keeps its last word."""
    words = text.split()
    if len(words) == 1 and not _unspaced(text):
        bare = text.strip("*_ \t©")
        return (
            (bool(outlet) and _same_outlet(key(bare), outlet or ""))
            or _DOMAIN_RE.fullmatch(bare) is not None
            or (bare.isupper() and len(bare) <= 6)
        )
    return is_outlet(text, outlet)


def _same_outlet(k: str, outlet: str) -> bool:
    """Return True when the key ``k`` names ``outlet`` (a name or an address)."""
    o = key(outlet)
    if not o:
        return False
    if k == o:
        return True
    squeezed, o_squeezed = k.replace(" ", ""), o.replace(" ", "")
    if len(squeezed) < 3:
        return False
    # "reuters com", "www reuters com" for "Reuters"; "BBC News" for "bbc co uk"
    stem = [p for p in o.split() if p not in ("www", "com", "org", "net", "co", "uk", "news")]
    return (
        squeezed == o_squeezed
        or (bool(stem) and squeezed == "".join(stem))
        or (len(squeezed) >= 4 and o_squeezed.startswith(squeezed))
    )


def is_stamp(line: str, outlet: str | None = None) -> bool:
    """Return True when ``line`` is a byline, a date or time stamp, a dateline, an outlet's name
    or a web address: never a headline."""
    text = line.strip()
    if not text:
        return True
    return (
        _URL_RE.match(text) is not None
        or is_date(text)
        or is_dateline(text)
        or is_byline(text)
        or is_outlet(text, outlet)
    )


# ----------------------------------------------------------------------------- titles


def title(text: str | None, outlet: str | None = None) -> str | None:
    """Return the title ``text`` cleaned: None when it is only a byline, a date, a dateline, an
    outlet's name or an address; without a date or time stamp that opens it; without an outlet's
    name or a date after a separator ("Strikers march on - Reuters", "... | 7 Dec 2024")."""
    if not text:
        return None
    t = " ".join(quick_normalize(text).split())
    if not t or is_stamp(t, outlet):
        return None
    # an outlet's name or a stamp after the headline, maybe several: "... | Politics | Outlet"
    while True:
        parts = _SUFFIX_RE.split(t)
        if len(parts) < 2:
            break
        last = parts[-1]
        if not (_outlet_suffix(last, outlet) or is_date(last) or is_byline(last)):
            break
        cut = t[: t.rfind(last)]
        cut = cut.rstrip(_SEPARATORS)
        if not cut:
            break
        t = cut
    end = _date_prefix_end(t)
    if end:
        rest = t[end:].lstrip(_SEPARATORS + ".")
        if rest and is_stamp(rest, outlet):
            return None  # "date 2019-04-17 Outlet", "7 Dec 2024 | By Jane Doe"
        if rest and (_unspaced(rest) or len(rest.split()) >= _MIN_LINE):
            t = rest
    if is_stamp(t, outlet):
        return None
    return t


def headline(text: str, outlet: str | None = None) -> str | None:
    """Return the headline of ``text`` (a cleaned text): its first line that is no byline, date
    or time stamp, dateline, outlet's name or address, cleaned as ``title`` does, when that line
    reads as a headline (one short phrase, no sentence-final period unless in title case, under
    40 words); else None. Only the head of the text is looked at: the first lines that are such
    stamps, then one line."""
    for n, raw in enumerate(text.split("\n")):
        if n >= _HEAD_LINES:
            break
        line = raw.strip()
        found = title(line, outlet) if line else None
        if found is None:
            continue  # a stamp, or stamps: "date 2016-08-26 Outlet Name"
        return found if reads_as_headline(found) else None
    return None


def lead_start(text: str, outlet: str | None = None) -> int:
    """Return where the text proper begins: after the byline, stamp, dateline and outlet lines
    of its head and after a dateline or a date opening its first sentence ("LONDON (Reuters) -
    ", "7 December 2024 - ")."""
    pos = 0
    for n, raw in enumerate(text.split("\n")):
        if n >= _HEAD_LINES:
            break
        if raw.strip() and title(raw, outlet) is not None:
            break
        pos += len(raw) + 1
    pos = min(pos, len(text))
    while pos < len(text) and (text[pos].isspace() or text[pos] in _BULLETS):
        pos += 1
    pos += _dateline_prefix_end(text[pos:])
    # a date or time stamp opening the first sentence: "Published 7 Dec 2024 Rebels ..."
    first = text[pos:].partition("\n")[0]
    end = _date_prefix_end(first)
    if end:
        rest = first[end:].lstrip(_SEPARATORS + ".")
        if len(rest.split()) >= _MIN_LINE:
            pos += len(first) - len(rest)
    return pos


def lead(text: str, sentences: Sequence[tuple[int, int]], outlet: str | None = None) -> str:
    """Return the first sentence of the text proper (from ``lead_start``), given the text's
    sentences as (start, end) offsets: the rest of the sentence that holds the start, joined to
    the next when a split cut a number ("magnitude 8." | "2 ..."); the first line after the start
    when no sentence is given."""
    start = lead_start(text, outlet)
    spans = sorted((a, b) for a, b in sentences if 0 <= a <= b <= len(text) and b > start)
    if not spans:
        return text[start:].partition("\n")[0].strip()
    end = spans[0][1]
    for a, b in spans[1:]:
        if not (text[end - 1 : end] == "." and text[end - 2 : end - 1].isdigit()):
            break
        if not text[end : end + 1].isdigit() or a != end:
            break
        end = b
    return text[max(spans[0][0], start) : end].strip()
