"""Read one HTML page: its main text and the metadata the page declares.

Extraction is trafilatura's, run offline on the bytes given (it never fetches anything). The
bytes are decoded here rather than by trafilatura because trafilatura guesses encodings and
ignores the charset the page declares; a declared charset is the better evidence.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..errors import InputError
from ..model import RawDoc, SourceRef

# Options chosen on the extraction benchmark (bench/extraction.py, macro F1 over 181 pages):
# favor_precision 0.960 vs 0.954 balanced; tables kept (0.949 without). Comments never: they are
# not the outlet's report. No deduplication: trafilatura's cache is shared across calls and would
# drop the second copy of a wire story, which later stages must see.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "include_links": False,
    "include_images": False,
    "favor_precision": True,
    "favor_recall": False,
    "deduplicate": False,
}

# Only the head of a page is searched for a declared charset, as browsers do.
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WORD = re.compile(r"\w")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Pages that declare Latin-1 or ASCII are in practice written in windows-1252 (the HTML standard
# maps these labels to it); a page whose head is ASCII cannot really be UTF-16.
_LABEL_OVERRIDES = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8"}


def _codec_name(label: bytes) -> str | None:
    """Return Python's name for a declared charset label, or None if Python does not know it."""
    try:
        name = codecs.lookup(label.decode("ascii", "ignore").strip()).name
    except LookupError:
        return None
    if name.startswith("utf-16"):
        name = "utf-16"
    return _LABEL_OVERRIDES.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """Return the codec a page declares (byte-order mark, ``<?xml encoding>``, ``<meta charset>``
    or ``http-equiv`` content type), or None when it declares none Python knows."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:_SNIFF_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            codec = _codec_name(match.group(1))
            if codec:
                return codec
    return None


def decode_html(data: bytes) -> str:
    """Return the page's text, decoded with the charset it declares when that works, else as
    UTF-8, else with charset_normalizer's best guess, else as windows-1252 with replacements.

    One exception to the declared charset: a page that declares Latin-1 (or windows-1252, or
    ASCII) but whose bytes are valid UTF-8 is read as UTF-8. Such mislabelled pages are common,
    while real windows-1252 text is valid UTF-8 only if it is pure ASCII.
    """
    declared = declared_charset(data)
    order = ("utf-8", declared) if declared == "cp1252" else (declared, "utf-8")
    for name in order:
        if name:
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes  # a trafilatura dependency; loaded only here

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode(declared or "cp1252", errors="replace")


def _declared_language(tree: Any) -> str | None:
    """Return the language the page declares on ``<html lang>`` or a content-language meta."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        for meta in tree.iterfind(".//meta[@http-equiv]"):
            if meta.get("http-equiv", "").lower() == "content-language":
                lang = meta.get("content")
                break
    lang = (lang or "").strip()
    return lang or None


def _link_texts(tree: Any) -> set[str]:
    """Return the whitespace-normalised texts of the page's links."""
    return {" ".join(a.text_content().split()) for a in tree.iterfind(".//a")}


def _only_links(text: str, links: set[str]) -> bool:
    """Return True when every line of ``text`` is the text of a link: navigation, not an article
    (trafilatura's fallbacks return such lines from pages that have no article)."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return all(line in links for line in lines if line)


def _clean(value: str | None) -> str | None:
    """Return ``value`` with surrounding whitespace removed, or None when nothing is left."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def read_html(
    data: bytes, source: SourceRef, *, options: Mapping[str, Any] | None = None
) -> RawDoc:
    """Return the page's main text (one paragraph a line) with its title, publication date (ISO,
    from the page's markup only), site name, canonical URL and declared language.

    ``options`` overrides trafilatura extraction options (see ``EXTRACT_OPTIONS``). Raises
    ``InputError`` with code ``empty`` for an empty page, ``malformed`` for one that does not parse
    and ``no_text`` when no article text is found.
    """
    if not data.strip():
        raise InputError("the HTML page is empty", code="empty")
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    markup = _XML_DECLARATION.sub("", decode_html(data), count=1)
    # trafilatura rejects a lone fragment ("<p>...</p>" alone); a fragment wrapped in a document
    # is a page like any other.
    tree = load_html(markup)
    if tree is None:
        tree = load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        raise InputError("the page does not parse as HTML", code="malformed")
    language = _declared_language(tree)
    links = _link_texts(tree)  # read before extraction, which prunes the tree
    # Dates come from markup (meta tags, JSON-LD, <time>, the URL), never from a scan of the
    # body text: dates in the text are found later, with evidence spans.
    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    settings = {**EXTRACT_OPTIONS, **(options or {})}
    # a trafilatura Document (as_dict is off), or None
    doc: Any = bare_extraction(
        tree, with_metadata=True, date_extraction_params=date_params, **settings
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not _WORD.search(text) or _only_links(text, links):
        raise InputError("no article text found in the HTML page", code="no_text")
    return RawDoc(
        source=source,
        kind="html",
        text=text,
        title=_clean(doc.title),
        url=_clean(doc.url),
        outlet=_clean(doc.sitename),
        published=_clean(doc.date),
        language=language,
    )
