"""RSS (0.9x, 1.0, 2.0) and Atom feeds: one article per item or entry.

Parsed with lxml without network access or entity expansion, so a hostile feed cannot fetch
files or blow up memory.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Iterator

import lxml.etree as etree

from ..errors import InputError
from ..model import RawDoc, Skipped, SourceRef
from .markup import element_text, html_to_text

_NONE: frozenset[str | None] = frozenset({None})
RSS_NS: frozenset[str | None] = frozenset(
    {
        None,
        "http://purl.org/rss/1.0/",
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2",
    }
)
ATOM_NS: frozenset[str | None] = frozenset(
    {
        "http://www.w3.org/2005/Atom",
        "http://purl.org/atom/ns#",
    }
)
CONTENT_NS: frozenset[str | None] = frozenset({"http://purl.org/rss/1.0/modules/content/"})
DC_NS: frozenset[str | None] = frozenset({"http://purl.org/dc/elements/1.1/"})
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})

_RSS_NO_TEXT = "feed item has no content (looked for: content:encoded, description)"
_ATOM_NO_TEXT = "feed entry has no content (looked for: content, summary)"


def parse_xml(text: str) -> etree._Element:
    """Return the root element of an XML text; raise ``InputError`` (malformed) when it is not
    well-formed. HTML named entities, which feeds often use undeclared, are read as characters."""
    text = _DECLARATION.sub("", text, count=1)  # lxml refuses str input with an encoding decl
    text = _NAMED_ENTITY.sub(_numeric_entity, _ILLEGAL.sub("", text))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(text, parser)
    except etree.XMLSyntaxError as e:
        raise InputError(f"feed is not well-formed XML: {e.msg}", "malformed") from e
    if root is None:
        raise InputError("feed is not well-formed XML: it has no root element", "malformed")
    return root


def _numeric_entity(match: re.Match) -> str:
    name = match.group(1)
    code = html.entities.name2codepoint.get(name)
    if name in _XML_ENTITIES or code is None:
        return match.group(0)
    return f"&#{code};"


def read_feed(text: str, source: SourceRef) -> Iterator[RawDoc | Skipped]:
    """Yield one article per feed item/entry (``SourceRef(path, entry=i)``, 0-based). Raises
    ``InputError``: malformed XML, a root that is no feed (unsupported), no items (no_entries)."""
    root = parse_xml(text)
    ns, name = _qname(root)
    if name == "feed" and ns in ATOM_NS:
        yield from _read_atom(root, source)
    elif name == "rss" or (name == "RDF" and ns is not None and "rdf" in ns.lower()):
        yield from _read_rss(root, source)
    else:
        raise InputError(f"XML root element <{name}> is not an RSS or Atom feed", "unsupported")


def _qname(el: etree._Element) -> tuple[str | None, str]:
    q = etree.QName(el)
    return q.namespace, q.localname


def _children(el: etree._Element, spaces: frozenset[str | None], name: str) -> list:
    return [c for c in el if isinstance(c.tag, str) and _qname(c) in _pairs(spaces, name)]


def _pairs(spaces: frozenset[str | None], name: str) -> set[tuple[str | None, str]]:
    return {(ns, name) for ns in spaces}


def _find(el: etree._Element | None, spaces: frozenset[str | None], *names: str):
    """Return the first child of ``el`` named by ``names`` (in their order), or None."""
    if el is None:
        return None
    for name in names:
        found = _children(el, spaces, name)
        if found:
            return found[0]
    return None


def _raw(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return "".join(el.itertext()).strip() or None


def _line(text: str | None) -> str | None:
    """Return ``text`` on one line with runs of whitespace collapsed, or None when blank."""
    if text is None:
        return None
    return " ".join(text.split()) or None


# --- RSS -------------------------------------------------------------------------------------


def _read_rss(root: etree._Element, source: SourceRef) -> Iterator[RawDoc | Skipped]:
    channel = _find(root, RSS_NS, "channel")
    # RSS 2.0 puts items inside the channel; RSS 1.0 puts them beside it.
    items = _children(channel, RSS_NS, "item") if channel is not None else []
    items += _children(root, RSS_NS, "item")
    if not items:
        raise InputError("RSS feed has no items", "no_entries")
    outlet = _line(_html_line(_find(channel, RSS_NS, "title")))
    language = _raw(_find(channel, RSS_NS, "language")) or _raw(_find(channel, DC_NS, "language"))
    for i, item in enumerate(items):
        where = SourceRef(source.path, entry=i)
        text = _rss_text(_find(item, CONTENT_NS, "encoded")) or _rss_text(
            _find(item, RSS_NS, "description")
        )
        if text is None:
            yield Skipped(where, _RSS_NO_TEXT, "no_text")
            continue
        yield RawDoc(
            source=where,
            kind="rss",
            text=text,
            title=_line(_html_line(_find(item, RSS_NS, "title"))),
            url=_rss_link(item),
            outlet=_line(_raw(_find(item, RSS_NS, "source"))) or outlet,
            published=_raw(_find(item, RSS_NS, "pubDate")) or _raw(_find(item, DC_NS, "date")),
            language=_raw(_find(item, DC_NS, "language")) or language,
            id=_raw(_find(item, RSS_NS, "guid")) or item.get(_RDF_ABOUT),
        )


def _rss_text(el: etree._Element | None) -> str | None:
    """Return the text of an RSS content element: escaped or CDATA HTML, or (in sloppy feeds)
    HTML elements written straight into the XML."""
    if el is None:
        return None
    if len(el):
        return element_text(el) or None
    return html_to_text("".join(el.itertext())) or None


def _html_line(el: etree._Element | None) -> str | None:
    raw = _raw(el)
    return html_to_text(raw) if raw else None


def _rss_link(item: etree._Element) -> str | None:
    link = _raw(_find(item, RSS_NS, "link"))
    if link:
        return link
    guid = _find(item, RSS_NS, "guid")
    value = _raw(guid)
    if value and guid.get("isPermaLink", "true").lower() != "false" and "://" in value:
        return value
    return None


# --- Atom ------------------------------------------------------------------------------------


def _read_atom(root: etree._Element, source: SourceRef) -> Iterator[RawDoc | Skipped]:
    ns = frozenset({_qname(root)[0]})
    entries = _children(root, ns, "entry")
    if not entries:
        raise InputError("Atom feed has no entries", "no_entries")
    outlet = _line(_atom_text(_find(root, ns, "title")))
    for i, entry in enumerate(entries):
        where = SourceRef(source.path, entry=i)
        body = _find(entry, ns, "content")
        if body is not None and body.get("src"):
            body = None  # content kept elsewhere; the summary is all the feed holds
        summary = _find(entry, ns, "summary")
        text = _atom_text(body) or _atom_text(summary)
        if text is None:
            yield Skipped(where, _ATOM_NO_TEXT, "no_text")
            continue
        yield RawDoc(
            source=where,
            kind="atom",
            text=text,
            title=_line(_atom_text(_find(entry, ns, "title"))),
            url=_atom_link(entry, ns),
            outlet=_line(_atom_text(_find(_find(entry, ns, "source"), ns, "title"))) or outlet,
            published=_raw(_find(entry, ns, "published", "issued", "updated", "modified")),
            language=_language(
                body if body is not None else summary if summary is not None else entry
            ),
            id=_raw(_find(entry, ns, "id")),
        )


def _atom_text(el: etree._Element | None) -> str | None:
    """Return the text of an Atom text construct (type text, html or xhtml), or None."""
    if el is None:
        return None
    kind = (el.get("type") or "text").lower()
    if "xhtml" in kind:
        return element_text(el) or None
    if kind in ("html", "text/html") or kind.endswith("+html"):
        return html_to_text("".join(el.itertext())) or None
    if kind in ("text", "text/plain") or kind.startswith("text/"):
        return _raw(el)
    return None  # base64 or another media type: not text this reader can use


def _atom_link(entry: etree._Element, ns: frozenset[str | None]) -> str | None:
    links = _children(entry, ns, "link")
    alternate = [x for x in links if x.get("rel", "alternate") == "alternate" and x.get("href")]
    chosen = alternate or [x for x in links if x.get("href")]
    return chosen[0].get("href").strip() if chosen else None


def _language(el: etree._Element) -> str | None:
    """Return the nearest ``xml:lang`` on ``el`` or its ancestors."""
    node: etree._Element | None = el
    while node is not None:
        lang = node.get(_XML_LANG)
        if lang:
            return lang.strip() or None
        node = node.getparent()
    return None
