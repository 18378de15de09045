"""Line-level boilerplate: split the raw text into lines, decide which lines go and why."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .chars import TRIM_CHARS, quick_normalize
from .lexicon import (
    AD_WORDS,
    COMMENT_WORDS,
    INLINE_RELATED,
    RELATED_HEADERS,
    RELATED_PREFIXES,
    SHARE_WORDS,
    TOC_HEADERS,
    WIDGET_FILLER,
)

KEEP = ""
BLANK = "blank"

_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\u2028\u2029]")
_OTHER_BREAK_RE = re.compile(r"[\r\x0b\x0c\u2028\u2029]")
_NONWORD_RE = re.compile(r"[\W_]+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BULLET_RE = re.compile(
    r"(?:[-*+\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25ba\u25b8\u2013\u2014]|\d{1,2}[.)])\s+\S"
)
# Two sentences on one line: "...gates. The fall..." (a headline is one phrase).
_SENTENCE_BREAK_RE = re.compile(r"[^\W\d_]{2}[.!?][\"')\]]?\s+[\"'(]?[A-Z\u00c0-\u00de]")
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK.
_UNSPACED_SCRIPT_RE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
)
_KICKER_RE = re.compile(r"[^\W\d_]+(?:[-'&][^\W\d_]+)*")
# "Read also: <title>", "See also - <title>": a header sharing its line with one linked title.
_INLINE_RE = re.compile(r"([^:|\-\u2013\u2014]{2,30}?)\s*(?::|\s[|\-\u2013\u2014])\s*(\S.*)")
_CLOSERS = "\"')]*_"

_WIDGET_MAX_CHARS = 80
_WIDGET_MAX_WORDS = 10
_HEADER_MAX_CHARS = 60
_HEADLINE_MAX_WORDS = 30
_ITEM_MAX_WORDS = 20
_SENTENCE_WORDS = 40
_NORMALISE_MAX_CHARS = 400


@dataclass(slots=True)
class Line:
    """One raw line: ``raw[start:end]`` is its text, ``raw[end:brk_end]`` its line break."""

    start: int
    end: int
    brk_end: int
    norm: str  # quick-normalised and stripped text, for classification
    status: str = KEEP  # KEEP, BLANK or the reason it is removed


def split_lines(raw: str) -> list[Line]:
    """Return the lines of ``raw`` (any of \\n, \\r\\n, \\r, U+2028/9, VT, FF ends a line)."""
    lines: list[Line] = []
    pos = 0
    if _OTHER_BREAK_RE.search(raw) is None:
        # Fast path for the usual "\n"-only text.
        for part in raw.split("\n"):
            end = pos + len(part)
            lines.append(_line(part, pos, end, end + 1))
            pos = end + 1
        last = lines[-1]
        if last.start == len(raw):  # text ends with a line break (or is empty)
            lines.pop()
        else:
            last.brk_end = len(raw)
        return lines
    for m in _BREAK_RE.finditer(raw):
        lines.append(_line(raw[pos : m.start()], pos, m.start(), m.end()))
        pos = m.end()
    if pos < len(raw):
        lines.append(_line(raw[pos:], pos, len(raw), len(raw)))
    return lines


def _line(text: str, start: int, end: int, brk_end: int) -> Line:
    # Only short lines can be boilerplate or a headline: long ones skip the normalisation.
    if len(text) <= _NORMALISE_MAX_CHARS:
        norm = quick_normalize(text)
    else:
        norm = text.strip(TRIM_CHARS)
    return Line(start, end, brk_end, norm, KEEP if norm else BLANK)


def key(text: str) -> str:
    """Return ``text`` casefolded, without accents, punctuation runs turned into one space."""
    text = text.casefold()
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
        )
    return _NONWORD_RE.sub(" ", text).strip()


def _is_title_case(words: list[str]) -> bool:
    """Return True when most words of 4+ letters start with a capital (at least two of them)."""
    long_words = [w for w in (_NONWORD_RE.sub("", w) for w in words) if len(w) >= 4]
    if len(long_words) < 2:
        return False
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals >= 0.6 * len(long_words)


def reads_as_headline(line: str, max_words: int = _HEADLINE_MAX_WORDS) -> bool:
    """Return True when ``line`` reads as a headline: one short phrase with letters, not ending
    like a sentence (a final period is allowed in title case), never 40+ words."""
    core = line.strip().strip("#*_ \t")
    words = core.split()
    if not words or len(words) >= _SENTENCE_WORDS or len(words) > max_words:
        return False
    if not _LETTER_RE.search(core) or core[-1] in ":;,":
        return False
    if _SENTENCE_BREAK_RE.search(core):
        return False
    bare = core.rstrip(_CLOSERS)
    if bare.endswith(".") and not bare.endswith(".."):
        return _is_title_case(words)
    return True


def widget_reason(norm: str) -> str | None:
    """Return the reason when ``norm`` is a line made only of widget words ("Share",
    "0 comments", "Follow us on Facebook"), else None."""
    if len(norm) > _WIDGET_MAX_CHARS:
        return None
    tokens = key(norm).split()
    if not tokens or len(tokens) > _WIDGET_MAX_WORDS:
        return None
    kinds = set()
    for tok in tokens:
        if tok.isdigit() or tok in WIDGET_FILLER:
            continue
        if tok in COMMENT_WORDS:
            kinds.add("comment_widget")
        elif tok in SHARE_WORDS:
            kinds.add("share_widget")
        elif tok in AD_WORDS:
            kinds.add("advertisement")
        else:
            return None
    for reason in ("comment_widget", "share_widget", "advertisement"):
        if reason in kinds:
            return reason
    return None


def is_related_header(norm: str) -> bool:
    """Return True when ``norm`` introduces a list of links ("You might also like", "Related",
    "Lire aussi", "More from <section>")."""
    if len(norm) > _HEADER_MAX_CHARS:
        return False
    k = key(norm)
    if k in RELATED_HEADERS:
        return True
    return (
        k.startswith(RELATED_PREFIXES)
        and len(k.split()) <= 6
        and not norm.rstrip(_CLOSERS).endswith((".", "?", "!"))
    )


def is_inline_related(norm: str) -> bool:
    """Return True for "Read also: <a linked title>" on one line (the title must read as one)."""
    m = _INLINE_RE.fullmatch(norm)
    if not m or key(m.group(1)) not in INLINE_RELATED:
        return False
    return reads_as_headline(m.group(2), _ITEM_MAX_WORDS)


def is_toc_header(norm: str) -> bool:
    """Return True when ``norm`` is a "Table of Contents" line."""
    return len(norm) <= _HEADER_MAX_CHARS and key(norm) in TOC_HEADERS


def is_bullet(norm: str) -> bool:
    """Return True when ``norm`` is a list item ("- ...", "* ...", "• ...", "1. ...")."""
    return _BULLET_RE.match(norm) is not None


def is_kicker(norm: str) -> bool:
    """Return True for a one-word label line ("world", "Politics"). Short all-capital words
    ("AFP", "AP") are agency credits and stay; so does a "word" in a script written without
    spaces (Chinese, Japanese, Thai ...), where it may be a whole sentence."""
    if len(norm) > 30 or not _KICKER_RE.fullmatch(norm) or _UNSPACED_SCRIPT_RE.search(norm):
        return False
    return not (len(norm) <= 4 and norm.isupper())


def classify(lines: list[Line], title: str | None = None) -> None:
    """Set ``status`` of every boilerplate line to the reason it goes."""
    content = [i for i, line in enumerate(lines) if line.status != BLANK]
    _mark_blocks(lines, content)
    remaining = [i for i in content if lines[i].status == KEEP]
    if not remaining:
        return
    _mark_repeated_headlines(lines, remaining, title)
    kickers = [is_kicker(lines[i].norm) for i in remaining]
    for n in range(len(remaining)):
        # Several one-word lines in a row are a list (ingredients, names): content. A one-word
        # first line is a kicker only when more text follows it (the headline it labels).
        if n == 0 and len(remaining) == 1:
            continue
        in_list = (n > 0 and kickers[n - 1]) or (n + 1 < len(remaining) and kickers[n + 1])
        if kickers[n] and not in_list and lines[remaining[n]].status == KEEP:
            lines[remaining[n]].status = "section_kicker"


def _mark_blocks(lines: list[Line], content: list[int]) -> None:
    """Mark widget lines, table-of-contents and related-links headers with their items."""
    k = 0
    while k < len(content):
        line = lines[content[k]]
        norm = line.norm
        if is_toc_header(norm):
            k = _mark_group(lines, content, k, "table_of_contents", is_bullet)
        elif is_related_header(norm):
            k = _mark_group(lines, content, k, "related_links", _is_link_item)
        else:
            if is_inline_related(norm):
                line.status = "related_links"
            else:
                line.status = widget_reason(norm) or KEEP
            k += 1


def _is_link_item(norm: str) -> bool:
    """Return True for a linked title: a list item, or a short title-like line (not a widget)."""
    return is_bullet(norm) or (
        widget_reason(norm) is None and reads_as_headline(norm, _ITEM_MAX_WORDS)
    )


def _mark_group(
    lines: list[Line], content: list[int], k: int, reason: str, is_item: Callable[[str], bool]
) -> int:
    """Mark the header at ``content[k]`` and the items after it; return the next position.

    A related-links header with no item goes as "dangling_header"."""
    last = k
    while last + 1 < len(content) and is_item(lines[content[last + 1]].norm):
        last += 1
    if last == k and reason == "related_links":
        reason = "dangling_header"
    for i in range(content[k], content[last] + 1):
        lines[i].status = reason
    return last + 1


def _mark_repeated_headlines(lines: list[Line], remaining: list[int], title: str | None) -> None:
    """Mark later lines repeating the headline (the leading headline-like lines) or ``title``."""
    first_seen: dict[str, int] = {}
    for i in remaining[:3]:
        if not reads_as_headline(lines[i].norm):
            break
        k = key(lines[i].norm)
        if len(k.split()) >= 2:
            first_seen.setdefault(k, i)
    title_key = key(quick_normalize(title)) if title else ""
    if title_key:
        # The title's own line near the top is the headline: it stays; any other copy goes.
        keep = next((i for i in remaining[:3] if key(lines[i].norm) == title_key), -1)
        first_seen[title_key] = keep
    if not first_seen:
        return
    # A line far longer than every key cannot be a copy: skip computing its key.
    longest = 2 * max(len(k) for k in first_seen) + 20
    for i in remaining:
        line = lines[i]
        if line.status != KEEP or len(line.norm) > longest:
            continue
        seen = first_seen.get(key(line.norm))
        if seen is not None and i != seen:
            line.status = "repeated_headline"
