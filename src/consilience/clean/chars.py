"""Character-level normalisation of kept lines: quotes, spaces, invisible characters, NFC, and
repair of spacing lost after commas and sentence ends ("regime,but", "soldiers.The")."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..model import Removed
from .offsets import MapBuilder

# Characters that render as nothing: zero-width space/joiners, bidi marks, embeddings and
# overrides, word joiner and invisible operators, isolates, BOM, soft hyphen; C0 controls other
# than tab and line breaks (line breaks never reach this module), DEL.
INVISIBLE = "".join(
    chr(c)
    for c in (
        0x00AD,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0xFEFF,
        *range(0x00, 0x09),
        *range(0x0E, 0x20),
        0x7F,
    )
)
# Spaces other than U+0020: tab, no-break spaces, the U+2000 block, ideographic space.
SPACES = "".join(
    chr(c) for c in (0x09, 0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
)

# One-for-one replacements (same length, so offsets stay exact).
_CHAR_MAP: dict[str, str] = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2039": "'",
    "\u203a": "'",
}
_CHAR_MAP.update({ch: " " for ch in SPACES})


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


_CHAR_RE = re.compile(
    # The leading lookahead lets the engine skip ordinary characters fast.
    rf"(?={_cls(INVISIBLE + ''.join(_CHAR_MAP) + ',.?!')})(?:"
    rf"(?P<inv>{_cls(INVISIBLE)}+)"
    rf"|(?P<map>{_cls(''.join(_CHAR_MAP))}+)"
    # A comma glued to the next word: "regime,but", "March 14,where". A letter after the comma
    # keeps "2,000" intact; a digit before it needs two letters after it ("14,where", not "3,a").
    r"|(?P<comma>(?<=[^\W\d_]),(?=[^\W\d_])|(?<=\d),(?=[^\W\d_]{2}))"
    # A sentence end glued to the next sentence: "soldiers.The". Checked further in _stop_glued.
    r"|(?P<stop>(?<=[^\W\d_]{2})[.?!](?=[^\W\d_])))"
)
_NEEDS_TABLE_RE = re.compile(_cls(INVISIBLE + "".join(_CHAR_MAP)))
TRIM_CHARS = " " + SPACES + INVISIBLE
_INV_RE = re.compile(_cls(INVISIBLE) + "+")
_INVISIBLE_SET = frozenset(INVISIBLE)
_SPACE_RE = re.compile(r"\s")
# A token that is a web address, a mail address or code: spacing there is not prose.
_WEBBY = ("://", "www.", "@", "/", "\\", "=")
_DOTTED_NAME_RE = re.compile(r"\.[^\W\d_]")
# Table for normalising a line for classification only (no offsets needed).
_TABLE = str.maketrans({**_CHAR_MAP, **dict.fromkeys(INVISIBLE)})


def quick_normalize(line: str) -> str:
    """Return ``line`` with quotes, spaces and invisible characters normalised, NFC, stripped.

    Used to classify lines; it keeps no offsets and repairs no spacing."""
    out = line.translate(_TABLE) if _NEEDS_TABLE_RE.search(line) else line
    if not out.isascii() and not unicodedata.is_normalized("NFC", out):
        out = unicodedata.normalize("NFC", out)
    return out.strip()


def content_end(raw: str, start: int, end: int) -> int:
    """Return where the line ``raw[start:end]`` ends once trailing spaces and invisibles go."""
    return start + len(raw[start:end].rstrip(TRIM_CHARS))


def _keep_joiner(raw: str, start: int, end: int) -> bool:
    """Return True for a lone ZWNJ/ZWJ between two letters of a script that needs it (Persian,
    Indic ...): there it is spelling, not junk."""
    if end - start != 1 or raw[start] not in "\u200c\u200d" or start == 0 or end >= len(raw):
        return False
    before, after = raw[start - 1], raw[end]
    return before.isalpha() and after.isalpha() and ord(before) >= 0x0590 and ord(after) >= 0x0590


def _token_bounds(raw: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the whitespace-free token around ``pos`` within ``[start, end)``."""
    left = max(start - 1, raw.rfind(" ", start, pos), raw.rfind("\t", start, pos)) + 1
    m = _SPACE_RE.search(raw, pos, end)
    return left, (m.start() if m else end)


def _webby(token: str) -> bool:
    return any(mark in token for mark in _WEBBY)


def _comma_glued(raw: str, pos: int, start: int, end: int) -> bool:
    """Return True when the comma at ``pos`` needs a space after it (not inside a URL/code)."""
    left, right = _token_bounds(raw, pos, start, end)
    return not _webby(raw[left:right])


def _stop_glued(raw: str, pos: int, start: int, end: int) -> bool:
    """Return True when the ``.?!`` at ``pos`` ends a sentence glued to the next one.

    The word before must be lowercase or Capitalised with 2+ letters (so "U.S", "Ph.D" and "e.g"
    never qualify); the next word must start with an uppercase letter followed by a lowercase one
    or a non-letter (so ".NET" does not); and the token must not be a URL, mail address or dotted
    name such as a domain ("news.Example.com")."""
    nxt = raw[pos + 1]
    if not nxt.isupper():
        return False
    if pos + 2 < end:
        after = raw[pos + 2]
        if after.isalpha() and not after.islower():
            return False
    left, right = _token_bounds(raw, pos, start, end)
    word_start = pos
    while word_start > left and raw[word_start - 1].isalpha():
        word_start -= 1
    word = raw[word_start:pos]
    if not (len(word) >= 2 and word[1:].islower()):
        return False
    if word_start > left and raw[word_start - 1] in ".@/\\_-":
        return False
    token = raw[left:right]
    if _webby(token):
        return False
    return _DOTTED_NAME_RE.search(raw, pos + 1, right) is None


def _clusters(raw: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Return ``[start, stop)`` cut into stretches that NFC handles independently: a character
    with the combining marks, invisibles and composing characters that follow it."""
    clusters: list[tuple[int, int]] = []
    for k in range(start, stop):
        ch = raw[k]
        if clusters:
            cur = raw[clusters[-1][0] : k]
            nfc = unicodedata.normalize("NFC", cur)
            if (
                unicodedata.combining(ch)
                or ch in _INVISIBLE_SET
                or unicodedata.normalize("NFC", cur + ch) != nfc + ch
            ):
                clusters[-1] = (clusters[-1][0], k + 1)
                continue
        clusters.append((k, k + 1))
    return clusters


def _emit_nfc(
    out: MapBuilder,
    raw: str,
    line: tuple[int, int],
    counts: Counter,
    removed: list[Removed],
) -> None:
    """Write a line that is not NFC once normalised (rare, so character by character): each
    cluster that NFC changes is replaced, the stretches between go the usual way."""
    plain = line[0]
    for cs, ce in _clusters(raw, *line):
        if ce - cs == 1 and unicodedata.is_normalized("NFC", raw[cs]):
            continue
        norm = unicodedata.normalize("NFC", raw[cs:ce].translate(_TABLE))
        if norm == raw[cs:ce]:
            continue
        _emit_plain(out, raw, (plain, cs), line, counts, removed)
        out.replace(norm, cs, ce)
        removed.extend(
            Removed(m.start(), m.end(), "invisible_char") for m in _INV_RE.finditer(raw, cs, ce)
        )
        counts["nfc"] += 1
        plain = ce
    _emit_plain(out, raw, (plain, line[1]), line, counts, removed)


def _emit_plain(
    out: MapBuilder,
    raw: str,
    piece: tuple[int, int],
    line: tuple[int, int],
    counts: Counter,
    removed: list[Removed],
) -> None:
    """Write ``raw[piece]`` with quotes/spaces mapped, invisibles dropped, glued punctuation
    spaced; ``line`` bounds the line, for the checks that look at the whole token."""
    pos, stop = piece
    copy, replace = out.copy, out.replace
    for m in _CHAR_RE.finditer(raw, pos, stop):
        ms, me = m.span()
        copy(raw, pos, ms)
        pos = me
        kind = m.lastgroup
        if kind == "map":
            for k in range(ms, me):
                replace(_CHAR_MAP[raw[k]], k, k + 1)
            counts["quote_or_space"] += me - ms
        elif kind == "inv":
            if _keep_joiner(raw, ms, me):
                copy(raw, ms, me)
            else:
                removed.append(Removed(ms, me, "invisible_char"))
                counts["invisible_char"] += me - ms
        elif kind == "comma" and _comma_glued(raw, ms, *line):
            copy(raw, ms, me)
            replace(" ", me, me)
            counts["comma_space"] += 1
        elif kind == "stop" and _stop_glued(raw, ms, *line):
            copy(raw, ms, me)
            replace(" ", me, me)
            counts["stop_space"] += 1
        else:
            copy(raw, ms, me)
    copy(raw, pos, stop)


def emit_line(
    out: MapBuilder,
    raw: str,
    start: int,
    end: int,
    counts: Counter,
    removed: list[Removed],
) -> None:
    """Write the normalised ``raw[start:end]`` (one line, no line break) to ``out``.

    Counts each repair in ``counts`` and appends a ``Removed`` record for each run of invisible
    characters dropped (trailing ones included)."""
    stop = content_end(raw, start, end)
    if stop < end:
        counts["trailing_space"] += 1
        for m in _INV_RE.finditer(raw, stop, end):
            removed.append(Removed(m.start(), m.end(), "invisible_char"))
    segment = raw[start:stop]
    if not segment.isascii():
        if _INV_RE.search(segment):
            # Dropping an invisible can bring a base letter and a combining mark together.
            segment = _INV_RE.sub("", segment)
        if not unicodedata.is_normalized("NFC", segment):
            _emit_nfc(out, raw, (start, stop), counts, removed)
            return
    _emit_plain(out, raw, (start, stop), (start, stop), counts, removed)


def normalize_line(line: str) -> str:
    """Return one line as cleaning writes it when it is kept: quotes and spaces to ASCII,
    invisibles dropped, NFC, glued commas and sentence ends spaced, trailing spaces trimmed."""
    out = MapBuilder()
    emit_line(out, line, 0, len(line), Counter(), [])
    return out.build()[0]
