"""Quantities in languages other than English, read from one data file per language.

Everything a language contributes lives in ``data/quantities/<lang>.json``: how it writes
digits (its decimal mark, whether it groups thousands with spaces), its number words (through
``text2num`` for the languages that library reads, from the file otherwise), scale words
("millones", "миллион"), vague plurals ("miles", "migliaia"), units, qualifiers ("al menos",
"على الأقل"; not after a verb of change, ``qualifiers_not_after``: "выросло до 33" is "rose
to 33", not "up to 33"), what is counted with a name in no language ("muertos" and "قتلى" are both
``dead``), month names (a day of a month is not a count) and the words around a number that
make it a year, a label, a time of day (``time_after``: "21.40 Uhr") or an age (``age_after``:
"der 52-jährige", "52 yaşındaki", "52-летний"). The code here is the same for every language.

Offsets are kept: the text is mapped character for character (Arabic-Indic and Persian digits
to ASCII digits, the Arabic decimal and thousands marks to "." and ",", letters lowercased)
before it is read, so every span points into the original text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Quantity
from .datafile import language_data

__all__ = [
    "find_quantities_in",
    "has_language",
    "english_concept",
    "mark_partitives",
    "mark_properties",
]


# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits, the Arabic decimal and thousands marks.
_FOLD = {0x0660 + i: ord("0") + i for i in range(10)}
_FOLD.update({0x06F0 + i: ord("0") + i for i in range(10)})
_FOLD.update({0x066B: ord("."), 0x066C: ord(","), 0x060C: ord(",")})
# Arabic short vowels and tatweel: dropped from words when they are looked up (not from text).
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0640]")

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_MEASURES = frozenset({"km", "m", "mile", "ton", "kg", "km2", "km/h", "cm", "ha", "magnitude"})
_SENTENCE_END = re.compile(r"[.;!?:\n]")


def _fold(text: str) -> str:
    """Return ``text`` lowercased with digits folded to ASCII, of the same length."""
    low = text.translate(_FOLD).lower()
    if len(low) != len(text):  # a few characters lowercase to two: keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_FOLD))
    return low


def _alternation(surfaces: list[str]) -> str:
    """Return a regex alternation of ``surfaces``, longest first, each ending at a word end."""
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        body = r"[\s\u00a0]+".join(re.escape(w) for w in s.split())
        parts.append(body + (r"(?!\w)" if s[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _invert(mapping: dict[str, list[str]]) -> dict[str, str]:
    """Return {surface: name} from {name: [surfaces]}, surfaces lowercased."""
    return {s.lower(): name for name, forms in mapping.items() for s in forms}


@dataclass(slots=True)
class _Lang:
    """One language's data, compiled."""

    code: str
    decimal: str
    space_groups: bool
    text2num: bool
    words: dict[str, float]
    hundreds: frozenset[str]
    word_scales: dict[str, float]
    joiners: frozenset[str]
    prefixes: tuple[str, ...]
    articles: frozenset[str]
    articles_not_after: frozenset[str]  # negators before which "one" is "no one" ("لم يصب أحد")
    not_numbers: frozenset[str]
    scales: dict[str, float]
    scale_re: re.Pattern[str]
    vague: dict[str, float]
    vague_re: re.Pattern[str]
    connectors: frozenset[str]
    units: dict[str, str]
    unit_re: re.Pattern[str]
    units_before: dict[str, str]
    unit_before_re: re.Pattern[str]
    qual_before: dict[str, str]
    qual_before_re: re.Pattern[str]
    qual_not_after_re: re.Pattern[str]
    qual_after: dict[str, str]
    qual_after_re: re.Pattern[str]
    concepts: dict[str, str]
    cues_before: dict[str, str]
    cue_before_re: re.Pattern[str]
    cues_after: dict[str, str]
    cue_after_re: re.Pattern[str]
    toll_words: frozenset[str]
    stop: frozenset[str]
    month_after_re: re.Pattern[str]
    month_before_re: re.Pattern[str]
    year_before: frozenset[str]
    label_before_re: re.Pattern[str]
    time_after_re: re.Pattern[str]  # "21.40 Uhr": a time of day, no count
    ordinal_before: frozenset[str]
    multiword_concepts: list[tuple[str, str]] = field(default_factory=list)
    # the words that join two figures ("26 bambini e quattro adulti"): ``and`` in the data
    conjunctions: frozenset[str] = frozenset()
    # the concepts the cues give: what happened to a counted group (dead, injured, missing ...)
    cue_concepts: frozenset[str] = frozenset()
    # nouns whose form counts two ("duals" in the data: the Arabic dual, "قتيلين", two dead),
    # with the concept each counts
    duals: dict[str, str] = field(default_factory=dict)
    # a language that writes every noun with a capital ("nouns_capitalised": German): a word
    # after a figure written small is no noun it counts ("auf 23 gestiegen": a verb)
    nouns_capitalised: bool = False


def capitalises_nouns(code: str | None) -> bool:
    """Return whether ``code`` writes every noun with a capital (German: "nouns_capitalised"
    in its data file), where a capital says little about a name."""
    lang = _load(code) if code else None
    return lang is not None and lang.nouns_capitalised


def has_language(code: str | None) -> bool:
    """Return True when a data file reads quantities in language ``code``."""
    return code is not None and _load(code) is not None


@lru_cache(maxsize=32)
def _load(code: str) -> _Lang | None:
    """Return the compiled data of language ``code``, or None when there is no data file."""
    data = language_data("quantities", code)
    return None if data is None else _compile(code, data)


def _compile(code: str, d: dict[str, Any]) -> _Lang:
    nw = d.get("number_words", {})
    t2n = nw == "text2num"
    nwd: dict[str, Any] = {} if t2n else nw
    units = _invert(d.get("units", {}))
    units_before = _invert(d.get("units_before", {}))
    qb = _invert(d.get("qualifiers_before", {}))
    qa = _invert(d.get("qualifiers_after", {}))
    concepts = _invert(d.get("concepts", {}))
    cues = _invert(d.get("cues_before", {}))
    cues_after = _invert(d.get("cues_after", {}))
    stop = {w.lower() for w in d.get("stop", [])} | {c.split()[0] for c in cues_after}
    scales = {k.lower(): float(v) for k, v in d.get("scales", {}).items()}
    vague = {k.lower(): float(v) for k, v in d.get("vague", {}).items()}
    months = [m.lower() for m in d.get("months", [])]
    conn = [c.lower() for c in d.get("date_connectors", [])]
    conn_re = "(?:(?:" + "|".join(map(re.escape, conn)) + r")[\s\u00a0]+)?" if conn else ""
    month_alt = _alternation(months)
    labels = [w.lower() for w in d.get("labels_before", [])]
    # "21.40 Uhr": a time of day; "der 52-jährige", "52 yaşındaki": an age; no count either
    times = [w.lower() for w in d.get("time_after", []) + d.get("age_after", [])]
    # a prefix glued to a cue or qualifier ("وأصيب"): optional before it
    glued = (
        "(?:" + "|".join(map(re.escape, d.get("prefixes", []))) + ")?" if d.get("prefixes") else ""
    )
    return _Lang(
        code=code,
        decimal=d.get("decimal", ","),
        space_groups=bool(d.get("space_groups", False)),
        text2num=t2n,
        words={k.lower(): float(v) for k, v in nwd.get("values", {}).items()},
        hundreds=frozenset(w.lower() for w in nwd.get("hundreds", [])),
        word_scales={k.lower(): float(v) for k, v in nwd.get("scales", {}).items()},
        joiners=frozenset(w.lower() for w in nwd.get("joiners", [])),
        prefixes=tuple(sorted(d.get("prefixes", []), key=len, reverse=True)),
        articles=frozenset(w.lower() for w in d.get("articles", [])),
        articles_not_after=frozenset(w.lower() for w in d.get("articles_not_after", [])),
        not_numbers=frozenset(w.lower() for w in d.get("not_numbers", [])),
        scales=scales,
        scale_re=re.compile(
            r"[\s\u00a0]*(?:-[\s\u00a0]*)?(?P<w>" + _alternation(list(scales)) + ")"
        ),
        vague=vague,
        vague_re=re.compile(r"(?<!\w)(?P<w>" + _alternation(list(vague)) + ")"),
        connectors=frozenset(w.lower() for w in d.get("connectors", [])),
        units=units,
        unit_re=re.compile(r"[\s\u00a0]*(?P<w>" + _alternation(list(units)) + ")"),
        units_before=units_before,
        unit_before_re=re.compile(
            r"(?<!\w)(?P<w>" + _alternation(list(units_before)) + r")[\s\u00a0]+$"
        ),
        qual_before=qb,
        qual_not_after_re=re.compile(
            r"(?<!\w)(?:"
            + _alternation([w.lower() for w in d["qualifiers_not_after"]])
            + r")[\s\u00a0]+$"
            if d.get("qualifiers_not_after")
            else r"(?!x)x"
        ),
        qual_before_re=re.compile(
            r"(?<!\w)" + glued + r"(?P<w>" + _alternation(list(qb)) + r")[\s\u00a0]*$"
        ),
        qual_after=qa,
        qual_after_re=re.compile(r"[\s\u00a0,]*(?P<w>" + _alternation(list(qa)) + ")"),
        concepts=concepts,
        cues_before=cues,
        cue_before_re=re.compile(
            r"(?<!\w)" + glued + r"(?P<w>" + _alternation(list(cues)) + r")[\s\u00a0]+$"
        ),
        cues_after=cues_after,
        cue_after_re=re.compile(r"[\s\u00a0,]*(?P<w>" + _alternation(list(cues_after)) + ")"),
        toll_words=frozenset(w.lower() for w in d.get("toll_words", [])),
        conjunctions=frozenset(w.lower() for w in d.get("and", [])),
        cue_concepts=frozenset(cues.values()) | frozenset(cues_after.values()),
        stop=frozenset(stop),
        month_after_re=re.compile(
            r"(?:\.|º|°|ª|er|ème|e)?[\s\u00a0]+" + conn_re + month_alt, re.IGNORECASE
        ),
        month_before_re=re.compile(month_alt + r"\.?[\s\u00a0]+$"),
        year_before=frozenset(w.lower() for w in d.get("year_before", [])),
        label_before_re=re.compile(
            r"(?<!\w)" + _alternation(labels) + r"\.?[\s\u00a0]*$" if labels else r"(?!x)x"
        ),
        time_after_re=re.compile(
            r"[\s\u00a0]*(?:" + _alternation(times) + r")(?!\w)" if times else r"(?!x)x"
        ),
        ordinal_before=frozenset(w.lower() for w in d.get("ordinal_before", [])),
        multiword_concepts=sorted(
            ((s, c) for s, c in concepts.items() if " " in s), key=lambda x: -len(x[0])
        ),
        duals=_invert(d.get("duals", {})),
        nouns_capitalised=bool(d.get("nouns_capitalised", False)),
    )


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    number_format: str
    vague: bool = False
    article_one: bool = False  # "un", "ein": a number only when it counts a known thing
    dual: str | None = None  # a noun whose form counts two: the concept it counts


def find_quantities_in(
    code: str, text: str, start: int = 0, end: int | None = None
) -> list[Quantity]:
    """Return the quantities of ``text[start:end]`` read with language ``code``'s data file.

    The caller checks ``has_language(code)`` first; an unknown language gives no quantities.
    """
    lang = _load(code)
    if lang is None:
        return []
    hi = len(text) if end is None else min(end, len(text))
    low = _fold(text)
    decimal = _text_decimal(low, lang)
    cores = _digit_cores(low, start, hi, lang, decimal, text)
    cores += _word_cores(low, start, hi, lang)
    cores += _vague_cores(low, start, hi, lang)
    cores += _dual_cores(low, start, hi, lang)
    cores.sort(key=lambda c: (c.start, -c.end))
    out: list[Quantity] = []
    covered = start
    for core in cores:
        if core.start < covered:
            continue
        q = _extend(text, low, core, start, hi, lang)
        if q is not None:
            out.append(q)
            covered = q.end
    return _coordinated(low, out, lang)


def _coordinated(low: str, quantities: list[Quantity], lang: _Lang) -> list[Quantity]:
    """Return ``quantities`` with a count of people joined to a figure a cue gave an event
    ("26 bambini e quattro adulti deceduti", "dispersi 30 minori e 12 adulti") given that
    event too: the cue of a coordination tells what happened to each of its groups. Only its
    counted words and a conjunction of the language (``and`` in its data) may part them."""
    if not lang.conjunctions:
        return quantities
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.unit is not None or b.unit is not None:
            continue
        events = {a.concept, b.concept} & lang.cue_concepts
        if len(events) != 1 or "people" not in {a.concept, b.concept}:
            continue
        words = low[a.end : b.start].split()
        counted = (a.counted or "").lower().split()
        if words[: len(counted)] != counted or len(words) != len(counted) + 1:
            continue
        if words[-1] not in lang.conjunctions:
            continue
        event = events.pop()
        out[i], out[i + 1] = replace(a, concept=event), replace(b, concept=event)
    return out


# -- numbers written in digits -------------------------------------------------------------

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])(?:\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+\.\d+)(?![\d.,]\d)")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])(?:\d+,\d{1,2}|\d{1,3}(?:\.\d{3})+,\d+)(?![\d.,]\d)")


def _text_decimal(low: str, lang: _Lang) -> str:
    """Return the decimal mark of this text: the language's, unless the text only ever writes
    unambiguous decimals with the other mark ("7.1" in a Spanish text from Mexico)."""
    other = "." if lang.decimal == "," else ","
    mine_re, other_re = (
        (_COMMA_DECIMAL, _DOT_DECIMAL) if lang.decimal == "," else (_DOT_DECIMAL, _COMMA_DECIMAL)
    )
    if other_re.search(low) and not mine_re.search(low):
        return other
    return lang.decimal


def _digit_cores(
    low: str, lo: int, hi: int, lang: _Lang, decimal: str, text: str = ""
) -> list[_Core]:
    out = []
    spaces = "[\u00a0\u202f ]" if lang.space_groups else "[\u00a0\u202f]"
    grouped = re.compile(r"\d{1,3}(?:" + spaces + r"\d{3}(?!\d))+(?:[.,]\d+)?")
    pos = lo
    for m in _DIGITS.finditer(low, lo, hi):
        if m.start() < pos:
            continue
        g = grouped.match(low, m.start(), hi)
        s, e = (g.start(), g.end()) if g and g.end() > m.end() else m.span()
        tok = low[s:e].rstrip(".,")
        e = s + len(tok)
        pos = e
        if _is_label_or_time(low, s, e, lo, hi, lang) or _coded_label(text, s, lo, lang):
            continue
        unit = _unit_at(low, e, hi, lang)
        parsed = _parse_digits(tok, decimal, unit)
        if parsed is None:
            continue
        out.append(_Core(s, e, parsed[0], parsed[1]))
    return out


def _parse_digits(tok: str, decimal: str, unit: str | None) -> tuple[float, str] | None:
    """Return (value, number_format) of a run of digits and separators, or None."""
    if tok.isdigit():
        return float(int(tok)), "plain"
    if re.search(r"[\u00a0\u202f ]", tok):
        whole, _, frac = re.sub(r"[\u00a0\u202f ]", "", tok).partition(",")
        if "." in whole:
            whole, _, frac = whole.partition(".")
        return float(whole + ("." + frac if frac else "")), "european"
    seps = [c for c in tok if c in ".,"]
    groups = re.split(r"[.,]", tok)
    if "." in seps and "," in seps:
        dec = seps[-1]
        if seps.count(dec) != 1 or any(len(g) != 3 for g in groups[1:-1]) or len(groups[0]) > 3:
            return None
        whole = "".join(groups[:-1])
        return float(whole + "." + groups[-1]), ("comma" if dec == "." else "european")
    sep = seps[0]
    fmt = "comma" if sep == "," else "european"
    if len(seps) > 1:  # 1.234.567: thousands
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        return float("".join(groups)), fmt
    head, tail = groups
    if len(tail) != 3 or head == "0" or len(head) > 3:
        return float(head + "." + tail), "plain" if sep == "." else "european"
    # one separator before three digits: thousands, unless it is this text's decimal mark and
    # a measure or a share follows ("1,250 km" in a text that writes 6,4)
    if sep == decimal and (unit in _MEASURES or unit == "percent"):
        return float(head + "." + tail), "plain" if sep == "." else "european"
    return float(head + tail), fmt


# A code in capitals between a label and its number: "vol TA 412", "vuelo IB 3421".
_CODE_BEFORE = re.compile(r"[\s\u00a0]+[A-Z]{1,3}[\s\u00a0-]*$")


def _coded_label(text: str, s: int, lo: int, lang: _Lang) -> bool:
    """Return True when the digits at ``s`` follow a label and a code in capitals ("le vol TA
    412", "el vuelo IB 3421", "der Flug LH 123"): a flight's number, no count."""
    if not text:
        return False
    code = _CODE_BEFORE.search(text, max(lo, s - 8), s)
    if code is None:
        return False
    return (
        lang.label_before_re.search(text.lower(), max(lo, code.start() - 20), code.start() + 1)
        is not None
    )


def _is_label_or_time(low: str, s: int, e: int, lo: int, hi: int, lang: _Lang) -> bool:
    """Return True when the digits at ``[s, e)`` are part of a word, label, date or time."""
    prev = low[s - 1] if s > lo else " "
    prev2 = low[s - 2] if s - 1 > lo else " "
    nxt = low[e] if e < hi else " "
    nxt2 = low[e + 1] if e + 1 < hi else " "
    if prev.isalpha() or prev in "_#" or (prev in "-/" and prev2.isalpha()):
        return True  # M5, T-4, COVID-19
    if (prev in ":/" and prev2.isdigit()) or (nxt in ":/h" and nxt2.isdigit()):
        return True  # 10:30, 7/12/2024, 10h30
    if re.match(r"\d{4}[-–/]\d\d", low[s : s + 7]) or re.search(
        r"\d{4}[-–/]$", low[max(lo, s - 5) : s]
    ):
        return True  # ISO dates, spans of years: "2011-12", "2008-2009"
    if nxt.isalpha() and not _glued_unit(low, e, hi, lang):
        return True  # 24º, 1990s, 5G
    if nxt in "ºª°" and not low.startswith("°c", e):
        return True  # ordinals: 1º, 2ª
    if lang.label_before_re.search(low, max(lo, s - 20), s):
        return True
    if lang.time_after_re.match(low, e, hi):
        return True  # "21.40 Uhr"
    if nxt == "." and nxt2 == " " and lang.ordinal_before:
        w = re.search(r"(\w+)[\s\u00a0]+$", low[max(lo, s - 16) : s])
        if w and w.group(1) in lang.ordinal_before:
            return True  # "am 3. Tag": a German ordinal
    return False


def _glued_unit(low: str, e: int, hi: int, lang: _Lang) -> bool:
    """Return True when letters glued to a number are a unit or scale ("20km", "3mln")."""
    run = re.match(r"[^\W\d_]+", low[e:hi])
    word = run.group() if run else ""
    return word in lang.units or word in lang.scales or word in {"km", "m", "kg", "t", "h"}


# -- numbers written in words --------------------------------------------------------------


class _Tok:
    """A token for text2num's ``find_numbers``."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: Any) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _word_cores(low: str, lo: int, hi: int, lang: _Lang) -> list[_Core]:
    spans = [m.span() for m in _TOKEN.finditer(low, lo, hi)]
    if lang.text2num:
        return _text2num_cores(low, spans, lang)
    return _lexicon_cores(low, spans, lang)


def _text2num_cores(low: str, spans: list[tuple[int, int]], lang: _Lang) -> list[_Core]:
    from text_to_num import find_numbers  # type: ignore[import-untyped]

    # digits are read above; text2num sees them as a break
    toks = [_Tok("|" if low[s].isdigit() else low[s:e]) for s, e in spans]
    out = []
    for occ in find_numbers(toks, lang.code, 0.0):
        if occ.is_ordinal:
            continue
        s, e = spans[occ.start][0], spans[occ.end - 1][1]
        words = low[s:e]
        if words in lang.not_numbers or not any(c.isalpha() for c in words):
            continue
        first = low[spans[occ.start][0] : spans[occ.start][1]]
        if first in lang.scales and occ.end - occ.start == 1 and words in lang.vague:
            continue  # "millones" alone: a vague plural, read below
        out.append(_Core(s, e, float(occ.value), "words", article_one=words in lang.articles))
    return out


def _lexicon_cores(low: str, spans: list[tuple[int, int]], lang: _Lang) -> list[_Core]:
    """Number words from the data file: sums within a group, products at scale words."""
    out = []
    i = 0
    while i < len(spans):
        j, total, current, last_end, seen = i, 0.0, 0.0, -1, False
        last_scale = float("inf")
        while j < len(spans):
            s, e = spans[j]
            word = low[s:e]
            key = _number_word(word, lang)
            if key is None and j > i and word in lang.joiners | {"-"}:
                j += 1
                continue
            if key is None:
                break
            kind, v = key
            if kind == "value":
                current += v
            elif kind == "hundred":
                current = max(current, 1.0) * v
            else:
                if v >= last_scale:
                    break
                total += max(current, 1.0) * v
                current, last_scale = 0.0, v
            seen, last_end = True, e
            j += 1
        if seen:
            s = spans[i][0]
            words = low[s:last_end]
            if words not in lang.not_numbers:
                value = total + current
                out.append(_Core(s, last_end, value, "words", article_one=words in lang.articles))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _number_word(word: str, lang: _Lang) -> tuple[str, float] | None:
    """Return (kind, value) for a number word, after stripping a joining prefix ("وعشرون")."""
    for cand in _variants(word, lang):
        if cand in lang.words:
            return "value", lang.words[cand]
        if cand in lang.hundreds:
            return "hundred", 100.0
        if cand in lang.word_scales:
            return "scale", lang.word_scales[cand]
    return None


def _variants(word: str, lang: _Lang) -> list[str]:
    """Return ``word`` and its forms without a prefix of the data file ("و", "ال")."""
    word = _ARABIC_MARKS.sub("", word)
    out = [word]
    for p in lang.prefixes:
        if word.startswith(p) and len(word) > len(p) + 1:
            out.append(word[len(p) :])
    return out


def _vague_cores(low: str, lo: int, hi: int, lang: _Lang) -> list[_Core]:
    out = []
    for m in lang.vague_re.finditer(low, lo, hi):
        key = " ".join(m.group("w").split())
        out.append(_Core(m.start(), m.end(), lang.vague[key], "words", vague=True))
    return out


def _dual_cores(low: str, lo: int, hi: int, lang: _Lang) -> list[_Core]:
    """A noun whose form counts two (``_Lang.duals``), a prefix glued to it or not."""
    if not lang.duals:
        return []
    out = []
    for m in _WORD.finditer(low, lo, hi):
        concept = next((lang.duals[v] for v in _variants(m.group(), lang) if v in lang.duals), None)
        if concept is not None:
            out.append(_Core(m.start(), m.end(), 2.0, "words", dual=concept))
    return out


# -- around the number ---------------------------------------------------------------------

_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<USD>us\s?\$|\$)|(?P<EUR>€)|(?P<GBP>£|gb\s?#)|(?P<JPY>¥)"
    r"|(?<!\w)(?P<code>usd|eur|gbp|jpy|chf|rub)\s)\s?$"
)


def _unit_at(low: str, pos: int, hi: int, lang: _Lang) -> str | None:
    m = lang.unit_re.match(low, pos, hi)
    return lang.units[" ".join(m.group("w").split())] if m else None


def _extend(text: str, low: str, core: _Core, lo: int, hi: int, lang: _Lang) -> Quantity | None:
    """Return the quantity around ``core``: scale, unit, qualifiers and what it counts."""
    if core.dual is not None:  # the noun is the figure and what it counts: "قتيلين"
        counts: str = core.dual
        if counts == "people":  # "مقتل شخصين", "شخصان لقيا حتفهما": what happened to them
            after = lang.cue_after_re.match(low, core.end, hi)
            before = lang.cue_before_re.search(low, max(lo, core.start - 30), core.start)
            if after:
                counts = lang.cues_after[" ".join(after.group("w").split())]
            elif before:
                counts = lang.cues_before[" ".join(before.group("w").split())]
        return Quantity(
            start=core.start,
            end=core.end,
            value=core.value,
            unit=None,
            counted=text[core.start : core.end],
            approximate=False,
            qualifier=None,
            number_format=core.number_format,
            concept=counts,
        )
    value, pos, scaled = core.value, core.end, False
    span_start = core.start
    currency = None
    cm = _CURRENCY_BEFORE.search(low, max(lo, core.start - 6), core.start)
    if cm:
        currency = cm.group("code").upper() if cm.group("code") else cm.lastgroup
        span_start = cm.start()
    paired = _RANGE.match(low, pos, hi)
    if paired:  # "12-20 millones de $": the first end takes the scale and unit of the second
        _, tail, range_scaled = _scale(low, paired.end(), hi, lang, core, 1.0)
        range_unit, _ = _unit_after(low, tail, hi, lang, range_scaled)
        if range_scaled or range_unit:
            value, _, scaled = _scale(low, paired.end(), hi, lang, core, value)
        unit = range_unit
    elif not core.vague:
        value, pos, scaled = _scale(low, pos, hi, lang, core, value)
    if not paired:
        unit, pos = _unit_after(low, pos, hi, lang, scaled or core.vague, core.vague)
    if currency and unit in (None, currency):
        unit = currency
    before = lang.unit_before_re.search(low, max(lo, span_start - 30), span_start)
    if unit is None and before:
        unit = lang.units_before[" ".join(before.group("w").split())]
    qb = lang.qual_before_re.search(low, max(lo, span_start - 30), span_start)
    if qb and lang.qual_not_after_re.search(low, max(lo, qb.start() - 30), qb.start()):
        qb = None  # "выросло до 33", "subió hasta 33": the value a count moved to
    qualifier = None
    if qb:
        qualifier = lang.qual_before[" ".join(qb.group("w").split())]
        span_start = qb.start()
    qa = lang.qual_after_re.match(low, pos, hi)
    if qualifier is None and qa:
        qualifier = lang.qual_after[" ".join(qa.group("w").split())]
        pos = qa.end()
    counted, concept, counted_end = _counted(
        text, low, pos, hi, lang, core.vague or unit in ("percent", "ton", "kg"), unit is not None
    )
    if qualifier is None:
        qa = lang.qual_after_re.match(low, counted_end, hi)
        if qa:  # "30 شخصا على الأقل": the qualifier after what is counted
            qualifier = lang.qual_after[" ".join(qa.group("w").split())]
    after = lang.cue_after_re.match(low, counted_end, hi) if unit is None else None
    if concept in (None, "people") and after:  # "30 personas murieron"
        concept = lang.cues_after[" ".join(after.group("w").split())]
    elif concept in (None, "people") and unit is None:
        cue = lang.cue_before_re.search(low, max(lo, span_start - 30), span_start)
        if cue:  # "murieron 30 personas", "погибли 30 человек"
            concept = lang.cues_before[" ".join(cue.group("w").split())]
        elif counted is None:
            counted, concept = _toll_before(text, low, span_start, lo, lang)
    if unit == "magnitude":
        concept = "magnitude"
    if paired and unit is None and not scaled and concept is None:
        return None  # a score or a bare range end: "2-1", "(9-1, 6-1)"
    if not _keep(low, core, value, unit, concept, counted, qualifier, scaled, lo, hi, lang):
        return None
    return Quantity(
        start=span_start,
        end=pos,
        value=value,
        unit=unit,
        counted=counted,
        approximate=qualifier is not None or core.vague,
        qualifier=qualifier,
        number_format=core.number_format,
        concept=concept,
    )


_RANGE = re.compile(r"[\s\u00a0]?[-–][\s\u00a0]?\d+(?:[.,]\d+)*")


def _scale(
    low: str, pos: int, hi: int, lang: _Lang, core: _Core, value: float
) -> tuple[float, int, bool]:
    """Return (value, end, scaled) after the scale words at ``pos`` ("millones", "mil
    millones", "3 mila")."""
    last, scaled = float("inf"), False
    while True:
        m = lang.scale_re.match(low, pos, hi)
        if not m:
            break
        factor = lang.scales[" ".join(m.group("w").split())]
        if factor >= last and core.number_format != "words":
            break
        value, pos, scaled, last = value * factor, m.end(), True, factor
    return value, pos, scaled


def _unit_after(
    low: str, pos: int, hi: int, lang: _Lang, after_scale: bool, vague: bool = False
) -> tuple[str | None, int]:
    """Return (unit, end) right after ``pos``; after a scale word or a vague plural a
    connector may come first ("40.000 millones de dólares"), before any unit after a vague
    number ("une trentaine de kilomètres": about 30 km)."""
    m = lang.unit_re.match(low, pos, hi)
    if m:
        return lang.units[" ".join(m.group("w").split())], m.end()
    if after_scale:
        c = re.match(r"[\s\u00a0]+(\w+['’]|\w+)", low[pos:hi])
        if c and c.group(1) in lang.connectors:
            m = lang.unit_re.match(low, pos + c.end(), hi)
            if m and (vague or lang.units[" ".join(m.group("w").split())] in _CURRENCIES):
                return lang.units[" ".join(m.group("w").split())], m.end()
    return None, pos


_CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "TRY", "CHF", "MXN"})
_MAX_WORDS = 4


def _counted(
    text: str,
    low: str,
    pos: int,
    hi: int,
    lang: _Lang,
    allow_connector: bool,
    after_unit: bool = False,
) -> tuple[str | None, str | None, int]:
    """Return (what is counted as written, its concept, end) after ``pos``.

    The phrase runs to the first word the data file names a concept for ("personas
    muertas", "nuevos evacuados") within a few words, or is the first content word.
    """
    words: list[tuple[int, int]] = []
    p = pos
    first = True
    while len(words) < _MAX_WORDS:
        m = re.compile(r"[ \t\u00a0]+").match(low, p, hi)
        if not m and not (first and p > 0 and p < hi and low[p - 1] == "'"):
            break
        q = m.end() if m else p
        w = _WORD.match(low, q, hi)
        if not w:
            break
        word = w.group()
        if (
            first
            and word in lang.connectors
            and allow_connector
            or (
                first
                and word in lang.connectors
                and _concept_of(_WORD.match(low, _skip_space(low, w.end(), hi), hi), low, lang)
            )
        ):
            p = w.end()
            first = False
            continue
        if first and after_unit:
            break  # "6,1 ocorreu", "80 Kilometern Entfernung": after a unit only "10 t de arroz"
        first = False
        if word in lang.stop:
            break
        words.append(w.span())
        p = w.end()
    if not words:
        return None, None, pos
    # a multi-word name of a concept ("víctimas mortales", "sin hogar")
    for s, _ in words:
        for surface, name in lang.multiword_concepts:
            if low.startswith(surface, s) and (
                s + len(surface) >= hi or not low[s + len(surface)].isalnum()
            ):
                end = s + len(surface)
                return text[words[0][0] : end], name, end
    for i, (s, e) in enumerate(words):
        concept = _lookup(low[s:e], lang)
        if concept is None:
            continue
        end = e
        if concept == "people" and i + 1 < len(words):
            nxt = _lookup(low[words[i + 1][0] : words[i + 1][1]], lang)
            if nxt not in (None, "people"):  # "personas muertas": people who died
                concept, end = nxt, words[i + 1][1]
        return text[words[0][0] : end], concept, end
    s, e = words[0]
    if low[s:e] in lang.units or low[s:e] in lang.scales:
        return None, None, pos
    if lang.nouns_capitalised:
        # the noun is the first word written with a capital ("12 neue Fälle": its adjective
        # before it), none when there is none ("die Zahl der Toten auf 23 gestiegen": a verb)
        noun = next(((a, b) for a, b in words if text[a : a + 1].isupper()), None)
        if noun is None:
            return None, None, pos
        return text[s : noun[1]], None, noun[1]
    return text[s:e], None, e


def _skip_space(low: str, p: int, hi: int) -> int:
    while p < hi and low[p] in " \t\u00a0":
        p += 1
    return p


def _concept_of(m: re.Match[str] | None, low: str, lang: _Lang) -> str | None:
    return _lookup(m.group(), lang) if m else None


def _lookup(word: str, lang: _Lang) -> str | None:
    for cand in _variants(word, lang):
        if cand in lang.concepts:
            return lang.concepts[cand]
    return None


def _toll_before(
    text: str, low: str, s: int, lo: int, lang: _Lang
) -> tuple[str | None, str | None]:
    """Return (counted, concept) for a toll named before its figure in the same clause:
    "la cifra de muertos asciende a 30", "il bilancio delle vittime sale a 247"."""
    if not lang.toll_words:
        return None, None
    window_lo = max(lo, s - 80)
    cut = [m.end() for m in _SENTENCE_END.finditer(low, window_lo, s)]
    window_lo = cut[-1] if cut else window_lo
    words = list(_WORD.finditer(low, window_lo, s))
    for i, w in enumerate(words):
        if (
            _variants(w.group(), lang)[-1] not in lang.toll_words
            and w.group() not in lang.toll_words
        ):
            continue
        for nxt in words[i + 1 : i + 4]:
            concept = _lookup(nxt.group(), lang)
            if concept is not None:
                return text[nxt.start() : nxt.end()], concept
    return None, None


def _keep(
    low: str,
    core: _Core,
    value: float,
    unit: str | None,
    concept: str | None,
    counted: str | None,
    qualifier: str | None,
    scaled: bool,
    lo: int,
    hi: int,
    lang: _Lang,
) -> bool:
    """Return False for years, days of a month and articles that only look like "one"."""
    if core.article_one and value == 1 and (concept is None or concept in _THINGS) and not unit:
        # "un contrato", "un avión de pasajeros se estrelló": an article, not a count
        return False
    if core.article_one and lang.articles_not_after:
        before = low[max(lo, core.start - 24) : core.start].split()[-3:]
        if lang.articles_not_after & set(before):
            return False  # "لا أحد من الجنود", "لم يصب أحد من الركاب": no one
    if (
        core.number_format == "words"
        and not core.vague
        and value == 1
        and unit is None
        and counted is None
    ):
        return False
    four = len(low[core.start : core.end]) == 4 and 1000 <= value <= 2199
    if core.number_format == "plain" and four and unit == "year":
        return False  # "2008 года": the year 2008
    if core.number_format != "plain" or scaled or unit is not None:
        return True
    if value.is_integer() and 1 <= value <= 31:
        if lang.month_after_re.match(low, core.end, min(hi, core.end + 24)):
            return False
        if lang.month_before_re.search(low, max(lo, core.start - 14), core.start):
            return False
    if four and concept is None:
        if lang.month_before_re.search(low, max(lo, core.start - 14), core.start):
            return False  # "3. März 2030", "marzo de 2030"
        if qualifier is not None and counted is not None:
            return True
        prev = re.search(r"(\w+)[\s\u00a0]+$", low[max(lo, core.start - 20) : core.start])
        if counted is None or (prev and prev.group(1) in lang.year_before):
            return False
    return True


# Concepts of things, not people: "un", "ein", "une" before one of them is an article ("un
# avión se estrelló", "ein Haus brannte"), never a count of one.
_THINGS = frozenset({"homes", "buildings", "vehicles", "aircraft"})


def english_concept(
    text: str, counted: str | None, start: int, end: int, data: dict[str, str]
) -> str | None:
    """Return the concept of an English quantity from its counted phrase's head noun, the
    participle after it ("people killed") or a magnitude word next to it."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 12].lower()
    if before.rstrip().endswith("magnitude") or after.lstrip().startswith("magnitude"):
        return "magnitude"
    if not counted:
        return None
    head = counted.split()[-1].lower()
    concept = data.get(head)
    if concept == "people":
        i = text.find(counted, end)
        if i >= 0:
            nxt = re.match(
                r"[\s\u00a0]+(?:were[\s\u00a0]+|are[\s\u00a0]+)?([a-z]+)", text[i + len(counted) :]
            )
            if nxt and data.get(nxt.group(1)) not in (None, "people"):
                return data[nxt.group(1)]
    return concept


# ----------------------------------------------------------------------------- properties


@dataclass(frozen=True, slots=True)
class _Property:
    """How a language marks a measure as a property of a thing (``properties`` in its data
    file): the units it is measured in, the words right before the figure ("alto 36 metri",
    "medía 36 metros"), right after its unit ("37 mètres de haut", "20 feet high"), the
    connectors that tie it to a noun ("il campanile centrale di 36 metri"), whether a unit
    hyphenated to its number names one ("a 120-foot tower"), and the words that make the
    length something else (a depth, a distance, a radius)."""

    units: frozenset[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    of: re.Pattern[str]
    not_re: re.Pattern[str]
    compound: bool
    # a count (no unit) of one of these nouns: "a town of 900 inhabitants" is its population
    counted: frozenset[str] = frozenset()
    count: bool = False  # the property is a count, not a measure in ``units``
    # a measure of the event itself, not of a thing (an earthquake's ``depth``): the words of
    # ``not`` (which keep depths out of a thing's size) do not apply to it
    event: bool = False


def _quantity_data(code: str) -> dict[str, Any]:
    """Return the quantity data file of language ``code``, English's included (the English
    reader is this package's own code; its file holds what the readers share), or {}."""
    if code == "en":
        raw = resources.files("consilience.annotate").joinpath("data/quantities/en.json")
        data: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
        return data
    return language_data("quantities", code) or {}


@lru_cache(maxsize=32)
def _properties(code: str) -> tuple[tuple[str, _Property], ...]:
    """Return the compiled ``properties`` of language ``code`` (English included): each
    property but ``units`` and ``not``, which all of them share, in the file's order."""
    data = _quantity_data(code)
    props = data.get("properties", {})
    units = frozenset(props.get("units", []))
    not_re = re.compile(r"(?<!\w)" + _alternation([w.lower() for w in props.get("not", [])]))
    out = []
    for name, p in props.items():
        if name in ("units", "not"):
            continue
        before = _alternation([w.lower() for w in p.get("before", [])])
        after = _alternation([w.lower() for w in p.get("after", [])])
        of = _alternation([w.lower() for w in p.get("of", [])])
        prop = _Property(
            units=units,
            before=re.compile(r"(?<!\w)" + before + r"[\s\u00a0]+$"),
            after=re.compile(r"[\s\u00a0-]*" + after),
            of=re.compile(r"(?<!\w)(?P<noun>[^\W\d_]+)[\s\u00a0]+" + of + r"[\s\u00a0]+$"),
            not_re=not_re,
            compound=bool(p.get("compound", False)),
            counted=frozenset(w.lower() for w in p.get("counted", [])),
            count=bool(p.get("count", False)),
            event=bool(p.get("event", False)),
        )
        out.append((name, prop))
    return tuple(out)


def mark_properties(code: str, text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Return ``quantities`` with the measures that state a property of a thing given that
    property as their concept, read from the ``properties`` of the language's data file:
    ``height`` ("36 metres high", "il campanile alto 36 metri"), ``length`` ("longue de 80
    mètres"), ``extent`` when the words say a size but not which ("a 120-foot tower", "It
    measured 36 metres", "il campanile centrale di 36 metri"); a property with ``event`` is
    one of the event itself: ``depth`` ("at a depth of 10 km", "57 kilómetros de
    profundidad"), which the words of ``not`` do not rule out. A quantity that already names a
    concept, whose unit is not a length, or that a word of ``not`` makes a depth, a distance
    or a radius ("12 km de profundidad", "a distance of 10 km") is left as it is. A property
    with ``count`` is a count of no unit: ``population`` ("a village of 900 inhabitants",
    "una población de 900")."""
    props = _properties(code)
    if not props:
        return quantities
    low = _fold(text)
    out = []
    for q in quantities:
        for name, p in props:
            if p.count:
                if q.unit is None and q.concept in (None, "people") and _is_count_of(low, q, p):
                    q = replace(q, concept=name)
                    break
            elif q.concept is None and q.unit in p.units and _is_property(text, low, q, p):
                q = replace(q, concept=name)
                break
        out.append(q)
    return out


def _is_property(text: str, low: str, q: Quantity, p: _Property) -> bool:
    """Return True when the words around quantity ``q`` make it property ``p``."""
    if re.search(r"[\d\s-]M$", text[q.start : q.end]):
        return False  # "a 6.3-M quake": a magnitude written in capitals, not metres
    before = low[max(0, q.start - 40) : q.start]
    after = low[q.end : q.end + 40]
    if not p.event and p.not_re.match(after.lstrip(" \u00a0-")):
        return False  # "10 km de profondeur", "20 miles away"
    if p.after.match(after) or p.before.search(before):
        return True
    if p.compound and re.match(r"\d[\d.,]*-[^\W\d_A-Z]", text[q.start : q.end]):
        # "a 120-foot tower": a unit hyphenated to its number describes the noun after it (in
        # capitals, "6.3-M", it is a magnitude)
        return bool(re.match(r"[\s\u00a0]+[^\W\d_]", after))
    tied = p.of.search(before)
    return tied is not None and not p.not_re.fullmatch(tied.group("noun"))


def _is_count_of(low: str, q: Quantity, p: _Property) -> bool:
    """Return True when count ``q`` is property ``p`` of a place or thing: its counted noun is
    one of ``counted`` ("a town of 900 inhabitants") or a word of ``before`` comes right
    before it ("a population of 900")."""
    words = (q.counted or "").lower().split()
    if words and words[-1] in p.counted:
        return True
    return bool(p.before.search(low[max(0, q.start - 40) : q.start]))


# ----------------------------------------------------------------------------- shares, ranges


@dataclass(frozen=True, slots=True)
class _Shares:
    """How a language writes a share of a whole in words and joins the two ends of a range
    (``fractions``, ``fraction_after`` and ``range`` in its data file)."""

    fractions: re.Pattern[str] | None
    value: dict[str, float]
    after: re.Pattern[str] | None  # what must follow a share ("of", "del"); None: anything
    not_after: re.Pattern[str] | None  # a word before that makes it a part ("the second half")
    # a word among the two after it that makes it a part of a time, a life, a way ("a quarter of
    # an hour", "a metà del pomeriggio", "half his life"), not a share of a thing
    not_before: frozenset[str]
    # the whole is written before its share ("çatının üçte ikisi": two thirds of the roof)
    of_before: bool
    range_joint: re.Pattern[str] | None  # the text between two ends of a range ("and", "à")


@lru_cache(maxsize=32)
def _shares(code: str) -> _Shares:
    data = _quantity_data(code)
    value = {" ".join(_fold(k).split()): float(v) for k, v in data.get("fractions", {}).items()}
    after = [w.lower() for w in data.get("fraction_after", [])]
    joints = [w.lower() for w in data.get("range", [])]
    ordinals = [w.lower() for w in data.get("fraction_not_after", [])]
    return _Shares(
        fractions=(
            re.compile(r"(?<![\w-])(?:" + _alternation(list(value)) + r")(?![\w-])")
            if value
            else None
        ),
        value=value,
        after=re.compile(r"[\s\u00a0]+(?:" + _alternation(after) + r")(?!\w)") if after else None,
        not_after=(
            re.compile(r"(?<!\w)" + _alternation(ordinals) + r"[\s\u00a0]+$") if ordinals else None
        ),
        not_before=frozenset(_fold(w) for w in data.get("fraction_not_before", [])),
        of_before=bool(data.get("fraction_of_before", False)),
        range_joint=(
            re.compile(r"[\s\u00a0]*(?:[-–—]|(?<!\w)(?:" + _alternation(joints) + r"))[\s\u00a0]*$")
            if joints
            else None
        ),
    )


@lru_cache(maxsize=32)
def _partitive(code: str) -> re.Pattern[str] | None:
    """Return the pattern of what stands between a count and the count of the whole it is a
    part of in language ``code`` (``partitive`` in its data file: "of the", "de los",
    "delle", "der", "из"), alone between the two, or None."""
    words = [_fold(w) for w in _quantity_data(code).get("partitive", ())]
    if not words:
        return None
    return re.compile(r"\s*(?:" + _alternation(words) + r")\s*")


def partitive_gap(code: str, text: str, start: int, end: int) -> bool:
    """Return True when ``text[start:end]`` is what stands between a count and the whole it
    is part of in language ``code`` ("of the", "der", "من"; ``partitive`` in its data file)."""
    pattern = _partitive(code)
    return pattern is not None and pattern.fullmatch(_fold(text), start, end) is not None


def mark_partitives(code: str, text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Return ``quantities`` with a count that names nothing it counts, right before the count
    of a whole it is part of ("five of the seven carriages", "cinque delle sette carrozze",
    "fünf der sieben Waggons", "пять из семи вагонов"), given what the whole counts: five
    carriages, not five of nothing."""
    pattern = _partitive(code)
    if pattern is None or len(quantities) < 2:
        return quantities
    low = _fold(text)
    out = list(quantities)
    lang = _load(code)
    nouns = lang.concepts if lang is not None else {}
    for i, (q, whole) in enumerate(zip(quantities, quantities[1:], strict=False)):
        if q.counted is not None or q.unit is not None or whole.counted is None:
            continue
        if whole.unit is not None or pattern.fullmatch(low, q.end, whole.start) is None:
            continue
        out[i] = replace(q, counted=whole.counted, concept=whole.concept)
        named = {nouns.get(w) for w in whole.counted.lower().split()}
        if whole.concept is not None and nouns and whole.concept not in named:
            # "zwei der drei Geiselnehmer wurden getötet": two were killed, not the three the
            # whole counts; what happened (a cue's concept, not its noun's) is the part's
            out[i + 1] = replace(whole, concept=None)
    return out


def mark_shares(
    code: str, text: str, quantities: list[Quantity], start: int = 0, end: int | None = None
) -> list[Quantity]:
    """Return ``quantities`` with the shares of a whole written in words ("two thirds of the
    homes", "un terzo del ponte", "ثلث الجسر": ``fractions`` in the language's data file) as
    percentages of what follows them, in place of the number a share word holds ("due" of
    "due terzi" is no count of two), and with the first end of a range given the scale of the
    second ("between 12 and 14 million", "entre 12 et 14 millions": 12 million, not 12)."""
    shares = _shares(code)
    out = _ranges(text, quantities, shares)
    if shares.fractions is None:
        return out
    low = _fold(text)
    found: list[Quantity] = []
    for m in shares.fractions.finditer(low, start, len(text) if end is None else end):
        rest = m.end()
        if shares.not_after is not None and shares.not_after.search(low, 0, m.start()):
            continue  # "in the second half of the year": a part of a period, no share
        if shares.after is not None:
            tied = shares.after.match(low, m.end())
            if tied is None:
                continue  # "half an hour", "in the second half": no share of a thing
            rest = tied.end()
        if re.match(r"[\s\u00a0]*\d", text[rest : rest + 4]):
            continue  # "a metà del 2011": the middle of a year
        noun = _NOUN_AFTER.match(text, rest)
        if shares.of_before:
            noun = _NOUN_BEFORE.search(text, 0, m.start())
        if noun and shares.not_before & {w.strip("'’") for w in _fold(noun.group(1)).split()[:2]}:
            continue
        found.append(
            Quantity(
                start=m.start(),
                end=m.end(),
                value=shares.value[" ".join(m.group().split())],
                unit="percent",
                counted=" ".join(noun.group(1).split()) if noun else None,
                approximate=True,
                number_format="share",
            )
        )
    if not found:
        return out
    kept = [q for q in out if not any(q.start < f.end and f.start < q.end for f in found)]
    return sorted(kept + found, key=lambda q: q.start)


# The words after a share, up to three: what it is a share of.
_NOUN_AFTER = re.compile(r"[\s\u00a0]*((?:[^\W\d_][\w'’-]*[\s\u00a0]*){1,3})")
# The word before a share, in a language that writes the whole first: what it is a share of.
_NOUN_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[\s\u00a0]*$")
_SCALES_OF = (1e3, 1e6, 1e9, 1e12)
# A word after the digits of a quantity's span: its scale ("14 million", "14 миллионов").
_SCALE_WORD = re.compile(r"[\s\u00a0]*[^\W\d_]")


def _ranges(text: str, quantities: list[Quantity], shares: _Shares) -> list[Quantity]:
    """Return ``quantities`` with a bare first end of a range scaled like its second end."""
    if shares.range_joint is None or len(quantities) < 2:
        return quantities
    out = list(quantities)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.unit or a.counted or a.number_format == "words" or a.value != int(a.value):
            continue
        written = text[b.start : b.end]
        digits = re.match(r"\D*?(\d+(?:[.,]\d+)?)", written)
        if digits is None or not _SCALE_WORD.search(written, digits.end()):
            continue  # "2 and 3,000": no scale word, a separator
        # the joint may open the second's span ("от 12 до 14 миллионов")
        gap = text[a.end : b.start + digits.start(1)]
        if len(gap) > 8 or not shares.range_joint.match(_fold(gap)):
            continue
        try:
            mantissa = float(digits.group(1).replace(",", "."))
        except ValueError:
            continue
        scale = next(
            (s for s in _SCALES_OF if mantissa and abs(b.value / mantissa - s) < 1e-6 * s), None
        )
        if scale is None or not 0 < a.value < mantissa:
            continue
        out[i] = replace(
            a,
            value=a.value * scale,
            unit=b.unit,
            counted=b.counted,
            concept=b.concept,
        )
    return out
