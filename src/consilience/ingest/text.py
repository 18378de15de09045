"""Plain-text articles, with optional YAML-like front matter."""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import RawDoc, SourceRef
from .head import head_outlet
from .meta import Meta, meta_from

_FENCE = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)")
_MAX_FRONT_MATTER_LINES = 60


def read_text(text: str, source: SourceRef) -> RawDoc:
    """Return the article of a plain-text file: front matter, when present, is taken out of the
    text and its metadata put in the record's fields. Raises ``InputError`` (no_text) when
    nothing but front matter is left."""
    meta, body = split_front_matter(text)
    if not body.strip():
        raise InputError("file holds only front matter, no article text", "no_text")
    return meta.over(RawDoc(source=source, kind="txt", text=body, outlet=head_outlet(body)))


def split_front_matter(text: str) -> tuple[Meta, str]:
    """Return the front matter's metadata and the text after it.

    Front matter is a block at the very top between a ``---`` line and a ``---`` (or ``...``)
    line, where every non-blank line is ``key: value``, a ``#`` comment or an indented
    continuation. Anything else is no front matter, and the text comes back whole.
    """
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0].rstrip("\r")):
        return Meta(), text
    pairs: dict[str, str] = {}
    for i, raw in enumerate(lines[1 : _MAX_FRONT_MATTER_LINES + 1], start=1):
        line = raw.rstrip("\r")
        if _CLOSE.fullmatch(line):
            if not pairs:
                return Meta(), text
            body = "\n".join(lines[i + 1 :])
            return meta_from(pairs), body
        if not _front_matter_line(line, pairs):
            return Meta(), text
    return Meta(), text


def _front_matter_line(line: str, pairs: dict[str, str]) -> bool:
    """Record a ``key: value`` line in ``pairs``; return False when the line cannot belong to
    front matter."""
    if not line.strip() or line.lstrip().startswith("#") or line[:1] in (" ", "\t"):
        return True  # blank, comment, or a nested value this reader does not use
    match = _KEY_VALUE.fullmatch(line)
    if match is None:
        return False
    pairs.setdefault(match.group(1), _unquote((match.group(2) or "").strip()))
    return True


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
