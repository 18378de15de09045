"""The low-quality flag: misspellings, broken sentences, repeated words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container

from ..model import Article, Flag
from .helpers import _describe, _sentence_start, _spans, _tokens, _words
from .lexicons import _ABBREVIATIONS, _GLUE_HEADS, CONFUSIONS
from .params import FlagParams, Signal
from .vocabulary import _one_edit_inside, known_word

_QUALITY_NAMES = {
    "missing_space": "spaces missing after punctuation",
    "lower_start": "sentences starting in lower case",
    "lower_name": "proper names in lower case",
    "misspelling": "misspellings",
    "confusion": "word confusions",
    "glued": "words glued together",
}


def quality_signals(article: Article, vocabulary: Container[str] = frozenset()) -> list[Signal]:
    """Return the typing and editing errors found in an English article, in text order."""
    if article.language not in (None, "en"):
        return []
    text = article.text
    found = _missing_spaces(article) + _lower_starts(text) + _lower_names(article)
    found += _confusions(text) + _glued(text, vocabulary)
    if vocabulary:
        found += _misspellings(text, vocabulary)
    found = [s for s in found if not _address_line(text, s.start)]
    return sorted(found, key=lambda s: (s.start, s.kind))


def _address_line(text: str, pos: int) -> bool:
    """True when the line at ``pos`` holds a web address (its words are no prose)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].lower()
    return "http" in line or "www" in line or "://" in line


def _missing_spaces(article: Article) -> list[Signal]:
    """Spaces that cleaning had to insert after a comma or full stop (read from the offset
    map: a one-space piece standing for no raw text), and glued punctuation left in the text."""
    text, om = article.text, article.offsets
    out = []
    anchors = list(zip(om.clean, om.raw, om.copied, strict=True))
    for i, (c, r, copied) in enumerate(anchors[:-1]):
        nc, nr, _ = anchors[i + 1]
        if not copied and nr == r and text[c:nc] == " " and c > 0 and text[c - 1] in ",.;:!?":
            s, e = _word_around(text, c)
            out.append(Signal("missing_space", s, e, text[s:e]))
    for m in re.finditer(
        r"(?<=[a-z]{2})[,;](?=[a-z]{2})|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]{2})", text
    ):
        s, e = _word_around(text, m.start())
        if not _inside_address(text, s, e):
            out.append(Signal("missing_space", s, e, text[s:e]))
    return out


def _word_around(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos + 1
    while e < len(text) and text[e].isspace():
        e += 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e


def _inside_address(text: str, s: int, e: int) -> bool:
    piece = text[s:e].lower()
    web = "www" in piece or "://" in piece or "@" in piece
    return web or re.search(r"\.(?:com|org|net)\b", piece) is not None


def _lower_starts(text: str) -> list[Signal]:
    """Sentences that start with a lower-case word after a full stop, or lines of four words or
    more that start in lower case after a line that ends a sentence; not after an abbreviation
    ("etc. and", "1 tsp. olive oil"), nor after a quotation that ends with its own mark
    ("'Open the door!' an officer shouts"), nor a web address ("pic.twitter")."""
    out = []
    for m in re.finditer(r"(?:(?<=[.!?])[ \t]+|^)([a-z][a-z]+)\b(?![.@/])", text, re.M):
        s = m.start(1)
        word = m.group(1)
        if word in ("http", "https", "www"):
            continue
        if m.group(0) == word:  # line start: after a line that ends a sentence
            line = text[s : text.find("\n", s) if "\n" in text[s:] else len(text)]
            previous = text[:s].rstrip()
            if len(line.split()) < 4 or not previous or previous[-1] not in ".!?":
                continue
        else:
            before = text[: m.start()].rstrip("\"'\u201d\u2019 \t")
            prev = re.search(r"(\S+)[.!?]$", before)
            if not prev or not _ends_word(prev.group(1)):
                continue
        out.append(Signal("lower_start", s, m.end(1), text[max(0, s - 2) : m.end(1)]))
    return out


def _ends_word(token: str) -> bool:
    """True when the token before a full stop is a word and not an abbreviation ("U.S", "etc",
    "a.m", single letters)."""
    word = token.strip("\"'()[]\u201c\u201d\u2018\u2019")
    return (len(word) >= 3 and word.isalpha() and word.lower() not in _ABBREVIATIONS) or (
        word.isdigit() and len(word) >= 2
    )


def _lower_names(article: Article) -> list[Signal]:
    """A word written in lower case mid-sentence that the article writes elsewhere as a
    one-word name (an entity of its own: "israel" beside "Israel"), at least twice and twice as
    often as in lower case (a common word that once heads a name, "the Storm", stays out)."""
    text = article.text
    names = {
        text[e.start : e.end]
        for e in article.annotations.entities
        if e.label in ("GPE", "PERSON", "ORG", "NORP", "LOC")
        and re.fullmatch(r"[A-Z][a-z]{2,}", text[e.start : e.end])
    }
    lowered = {n.lower(): n for n in names}
    capital_count = Counter(
        said for e in article.annotations.entities if (said := text[e.start : e.end]) in names
    )
    found: list[tuple[int, str]] = []
    for s, _e, tok in _tokens(text):
        base = re.sub(r"['\u2019]s$", "", tok)
        if base in lowered and not _sentence_start(text, s):
            found.append((s, base))
    lower_count = Counter(base for _, base in found)
    return [
        Signal("lower_name", s, s + len(base), base)
        for s, base in found
        if capital_count[lowered[base]] >= max(2, 2 * lower_count[base])
    ]


def _confusions(text: str) -> list[Signal]:
    low = text.lower()
    out = []
    for pattern in CONFUSIONS:
        for m in re.finditer(pattern, low):
            out.append(Signal("confusion", m.start(), m.end(), text[m.start() : m.end()]))
    return out


def _glued(text: str, vocabulary: Container[str]) -> list[Signal]:
    """A word glued to an article or preposition: "thecommittee", "TheKremlin" (a capitalised
    function word run into a capitalised name)."""
    out = []
    for s, e, tok in _tokens(text):
        m = re.fullmatch(r"(The|And|Of|In|For|With|From)([A-Z][a-z]+)", tok)
        if m:
            out.append(Signal("glued", s, e, tok))
            continue
        low = tok.lower()
        if not tok.islower() or len(tok) < 7 or not vocabulary or known_word(low, vocabulary):
            continue
        for head in _GLUE_HEADS:
            rest = low[len(head) :]
            if low.startswith(head) and len(rest) >= 4 and known_word(rest, vocabulary):
                out.append(Signal("glued", s, e, tok))
                break
    return out


def _misspellings(text: str, vocabulary: Container[str]) -> list[Signal]:
    """Unknown lower-case words of five letters or more, one slip away from a known word, that
    the text never capitalises (a brand or a name written in lower case is no slip)."""
    tokens = _tokens(text)
    capitalised = {tok.lower() for _, _, tok in tokens if tok[0].isupper()}
    out = []
    for s, e, tok in tokens:
        if not tok.isalpha() or not tok.islower() or len(tok) < 5 or tok in capitalised:
            continue
        if known_word(tok, vocabulary):
            continue
        fix = _one_edit_inside(tok, vocabulary)
        if fix:
            out.append(Signal("misspelling", s, e, f"{tok} ({fix}?)"))
    return out


def quality_flag(article: Article, params: FlagParams, vocabulary: Container[str]) -> Flag | None:
    """Return the low_quality flag when errors per 1,000 words reach ``quality_rate`` (and
    number at least ``quality_min``)."""
    signals = quality_signals(article, vocabulary)
    rate = len(signals) * 1000 / _words(article.text)
    if len(signals) < params.quality_min or rate < params.quality_rate:
        return None
    detail = (
        f"{len(signals)} typing and editing errors, {rate:.1f} per 1,000 words "
        f"(threshold {params.quality_rate:g}): {_describe(signals, _QUALITY_NAMES)}"
    )
    return Flag("low_quality", detail, _spans(signals, params.max_spans))
