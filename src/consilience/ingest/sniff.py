"""Choosing how to read an input, from its content first and its file extension second."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from .markup import looks_like_html

Kind = Literal["feed", "html", "json", "jsonl", "text"]

TEXT_EXTS = frozenset({".txt", ".text", ".md"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
FEED_EXTS = frozenset({".xml", ".rss", ".atom", ".feed"})
ARTICLE_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS | JSONL_EXTS | FEED_EXTS

_HEAD = 4096
_LEADING_JUNK = re.compile(r"\A(?:\s+|<!--.*?-->|<\?xml[^>]*\?>|<!doctype\s[^>]*>)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
# A page or fragment shows this many common tags in its first 64 KB, or starts with a tag and
# shows a few.
_MANY_TAGS, _FEW_TAGS = 10, 3


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What an input is; ``value`` holds the parsed JSON when sniffing parsed the whole text."""

    kind: Kind
    value: object = None


def extension(name: str | None) -> str:
    """Return the lower-case extension of a file name, looking through a ``.gz`` suffix
    ("a.JSON.gz" -> ".json"); "" when there is none."""
    if not name:
        return ""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base.endswith(".gz"):
        base = base[:-3]
    dot = base.rfind(".")
    return base[dot:] if dot > 0 else ""


def sniff(text: str, ext: str) -> Sniffed:
    """Return how to read ``text``: markup roots and JSON that parses decide; the extension
    decides what the content leaves open; plain text is the rest."""
    head = text[:_HEAD].lstrip()
    markup = _markup_kind(head, ext)
    if markup is not None:
        return Sniffed(markup)
    if head[:1] in ("{", "["):
        found = _json_kind(text, ext)
        if found is not None:
            return found
    if looks_like_html(text[:65536], _MANY_TAGS) or (
        head.startswith("<") and looks_like_html(head, _FEW_TAGS)
    ):
        return Sniffed("html")
    return Sniffed(_by_extension(ext))


def _markup_kind(head: str, ext: str) -> Kind | None:
    """Return "feed" or "html" when the text opens with an XML declaration, a feed root or an
    HTML document; None otherwise."""
    rest = _LEADING_JUNK.match(head)
    after = head[rest.end() :] if rest else head
    lower = head.lower()
    if lower.startswith("<!doctype html"):
        return "html"
    root = _ROOT.match(after)
    name = root.group(2).lower() if root else None
    if name == "html":
        return "html"
    if name in _FEED_ROOTS:
        return "feed"
    if lower.startswith("<?xml"):
        # XML of another kind: an XHTML page by its extension, else the feed reader says what
        # root it found.
        return "html" if ext in HTML_EXTS else "feed"
    return None


def _json_kind(text: str, ext: str) -> Sniffed | None:
    """Return json (with the parsed value) or jsonl when the text parses as such, else None."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = _MISSING
    lines_parse = _lines_parse(text)
    if value is not _MISSING:
        if lines_parse and ext in JSONL_EXTS:
            return Sniffed("jsonl")
        return Sniffed("json", value)
    return Sniffed("jsonl") if lines_parse else None


_MISSING = object()


def _lines_parse(text: str, sample: int = 5) -> bool:
    """Return True when one of the first ``sample`` non-blank lines is a JSON object or list
    on its own, as in JSON lines."""
    seen = 0
    for line in text.split("\n", 200)[:200]:
        if not line.strip():
            continue
        seen += 1
        try:
            if isinstance(json.loads(line), dict | list):
                return True
        except (ValueError, RecursionError):
            pass
        if seen >= sample:
            break
    return False


def _by_extension(ext: str) -> Kind:
    if ext in HTML_EXTS:
        return "html"
    if ext in JSON_EXTS:
        return "json"
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in FEED_EXTS:
        return "feed"
    return "text"
