"""From the bytes of one input to its articles: load, check, decode, sniff, hand to a reader."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import RawDoc, Skipped, SourceRef
from ..settings import Settings
from .feeds import read_feed
from .meta import Meta
from .payload import decode, load, noun_for
from .records import parse_json, read_json, read_jsonl
from .sniff import extension, sniff
from .text import read_text


def read_bytes(
    data: bytes, source: SourceRef, settings: Settings, name_hint: str | None = None
) -> Iterator[RawDoc | Skipped]:
    """Yield the articles in ``data`` (the bytes of one input, gzipped or not) and a ``Skipped``
    for each part that cannot be read. ``name_hint`` (a file name) lends its extension when the
    content leaves the kind open. Never raises for bad input."""
    yield from read_stream(io.BytesIO(data), source, settings, name_hint)


def read_stream(
    stream: BinaryIO,
    source: SourceRef,
    settings: Settings,
    name_hint: str | None = None,
    sidecar: Meta | None = None,
) -> Iterator[RawDoc | Skipped]:
    """``read_bytes`` for an open binary stream; ``sidecar`` metadata, when given, overrides
    what a single-article input (text, HTML page) says about itself."""
    noun = noun_for(source.path)
    try:
        data = load(stream, settings.max_bytes, noun)
        text = decode(data, noun)
        if not text.strip():
            raise InputError(f"{noun} holds only whitespace", "empty")
        if (written := own_report(text)) is not None:
            raise InputError(
                f"{noun} is {written} that consilience wrote, not an article", "unsupported"
            )
    except InputError as e:
        yield Skipped(source, e.reason, e.code)
        return
    except OSError as e:  # the device failed mid-read
        yield Skipped(source, f"{noun} cannot be read: {e.strerror or e}", "unreadable")
        return
    yield from _read_kind(data, text, source, extension(name_hint), sidecar)


# How the files consilience writes begin (``consilience.report``): a JSON report, a Markdown
# briefing, an HTML page. A run never reads them back as articles.
_OWN_REPORTS = (
    (re.compile(r'\A\s*\{\s*"schema"\s*:\s*"consilience/report@'), "a JSON report"),
    (
        re.compile(r"\A# Consilience briefing\n\n.{0,200}written by consilience "),
        "a Markdown report",
    ),
    (
        re.compile(
            r'\A<!DOCTYPE html>\n<html[^>]*><head>.{0,600}<meta name="generator" '
            r'content="consilience[ "]',
            re.DOTALL,
        ),
        "an HTML report",
    ),
)


def own_report(text: str) -> str | None:
    """What kind of report ``text`` is when consilience wrote it (``"a JSON report"``...),
    else None."""
    head = text[:4096]
    for pattern, kind in _OWN_REPORTS:
        if pattern.match(head):
            return kind
    return None


def _read_kind(
    data: bytes, text: str, source: SourceRef, ext: str, sidecar: Meta | None
) -> Iterator[RawDoc | Skipped]:
    sniffed = sniff(text, ext)
    try:
        if sniffed.kind == "text":
            yield _with(read_text(text, source), sidecar)
        elif sniffed.kind == "html":
            yield _with(_read_html(data, source), sidecar)
        elif sniffed.kind == "feed":
            yield from read_feed(text, source)
        elif sniffed.kind == "jsonl":
            yield from read_jsonl(text, source)
        else:
            yield from read_json(_json_value(sniffed.value, text, source), source)
    except InputError as e:
        yield Skipped(source, e.reason, e.code)


def _json_value(value: object, text: str, source: SourceRef) -> object:
    """Return the parsed JSON (parsing ``text`` when sniffing did not); raise malformed."""
    if value is not None:
        return value
    try:
        return parse_json(text)
    except ValueError as e:
        raise InputError(f"{noun_for(source.path)} is not valid JSON: {e}", "malformed") from e


def _read_html(data: bytes, source: SourceRef) -> RawDoc:
    """Return the article of an HTML page, read by the HTML reader (imported here so that the
    other readers work without it)."""
    try:
        from .html import read_html
    except ModuleNotFoundError as e:
        if e.name != f"{__package__}.html":
            raise
        raise InputError(
            "HTML pages cannot be read: the HTML reader is not installed", "unsupported"
        ) from e
    try:
        return read_html(data, source)
    except InputError:
        raise
    except Exception as e:  # a bug or a hostile page in the extractor must not stop the run
        raise InputError(
            f"the HTML extractor failed on this page: {type(e).__name__}: {e}", "malformed"
        ) from e


def _with(doc: RawDoc, sidecar: Meta | None) -> RawDoc:
    return sidecar.over(doc) if sidecar is not None else doc
