"""HTML fragments (feed content, JSON text fields) to plain text, keeping paragraph breaks."""

from __future__ import annotations

import html
import re

import lxml.etree as etree
import lxml.html

# Elements that start a new paragraph; their text is set apart by a blank line.
_BLOCK = frozenset(
    "address article aside blockquote caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary "
    "table tbody thead tfoot tr ul".split()
)
# Elements whose content is never article text.
_DROP = frozenset("script style noscript template iframe object embed svg math head".split())
_CELL = frozenset({"td", "th"})
_KNOWN_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|blockquote|strong|em|b|i|img|figure|figcaption"
    r"|table|tr|td|section|article|script|style)\b[^<>]*>",
    re.IGNORECASE,
)
# lxml refuses strings holding these; they never belong in text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")
_BREAK, _PARA = object(), object()


def looks_like_html(text: str, min_tags: int = 2) -> bool:
    """Return True when ``text`` holds at least ``min_tags`` common HTML tags."""
    count = 0
    for _ in _KNOWN_TAG.finditer(text):
        count += 1
        if count >= min_tags:
            return True
    return False


def html_to_text(fragment: str) -> str:
    """Return the text of an HTML fragment: entities decoded, scripts and styles dropped, inline
    whitespace collapsed, one newline for ``<br>`` and a blank line between block elements.

    A fragment without markup only has its entities decoded."""
    fragment = _ILLEGAL.sub("", fragment)
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.unescape(fragment).strip()
    return element_text(root)


def element_text(root: etree._Element) -> str:
    """Return the text of an element tree (HTML or XHTML) as ``html_to_text`` lays it out."""
    parts: list[object] = []
    _walk(root, parts, pre=False)
    return _render(parts)


def _local(el: etree._Element) -> str | None:
    if not isinstance(el.tag, str):
        return None  # a comment, processing instruction or entity
    return etree.QName(el).localname.lower()


def _walk(el: etree._Element, parts: list[object], pre: bool) -> None:
    tag = _local(el)
    if tag is not None and tag not in _DROP:
        inner_pre = pre or tag == "pre"
        if tag in _BLOCK:
            parts.append(_PARA)
        if tag == "br":
            parts.append(_BREAK)
        if el.text:
            parts.append(_text(el.text, inner_pre))
        for child in el:
            _walk(child, parts, inner_pre)
        if tag in _BLOCK:
            parts.append(_PARA)
        elif tag in _CELL:
            parts.append(" ")
    if el.tail:
        parts.append(_text(el.tail, pre))


def _text(text: str, pre: bool) -> str:
    return text if pre else _SPACE_RUN.sub(" ", text)


def _render(parts: list[object]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for part in [*parts, _PARA]:
        if part is _PARA:
            paragraphs.append(_tidy("".join(current)))
            current = []
        elif part is _BREAK:
            current.append("\n")
        else:
            current.append(part)  # type: ignore[arg-type]
    return "\n\n".join(p for p in paragraphs if p)


def _tidy(paragraph: str) -> str:
    lines = [line.strip(" \t") for line in paragraph.split("\n")]
    return "\n".join(lines).strip()
