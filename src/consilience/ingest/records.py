"""JSON and JSON-lines articles, as news crawlers write them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from ..errors import InputError
from ..model import RawDoc, Skipped, SourceRef
from .markup import html_to_text, looks_like_html
from .meta import TEXT_KEYS, lower_keys, meta_from

# An object without article text may wrap a list of articles under one of these names, as news
# APIs do ({"status": "ok", "articles": [...]}).
_WRAPPER_KEYS = ("articles", "items", "results", "documents", "docs", "data")
_NO_TEXT = "no article text (looked for a non-empty string in: " + ", ".join(TEXT_KEYS) + ")"


def json_type(value: object) -> str:
    """Return the JSON name of a parsed value's type ("an object", "a list", "a string" ...)."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"


def parse_json(text: str) -> object:
    """Return the parsed JSON value; raise ``ValueError`` with the parser's message (and where)
    when ``text`` is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"{e.msg}: line {e.lineno} column {e.colno}") from e
    except RecursionError as e:
        raise ValueError("it is nested too deeply") from e


def read_json(value: object, source: SourceRef) -> Iterator[RawDoc | Skipped]:
    """Yield the article(s) of a parsed JSON file: one object, or a list of objects (each with
    ``SourceRef(path, entry=i)``). Raises ``InputError`` when the file holds neither."""
    if isinstance(value, dict):
        items = _wrapped_list(value)
        if items is None:
            yield record_doc(value, source, "json", "JSON object has")
            return
        value = items
    if not isinstance(value, list):
        raise InputError(
            f"JSON file holds {json_type(value)}, not an object or a list of objects",
            "not_an_object",
        )
    if not value:
        raise InputError("JSON file holds an empty list", "no_entries")
    for i, item in enumerate(value):
        where = SourceRef(source.path, entry=i)
        if isinstance(item, dict):
            yield record_doc(item, where, "json", "JSON record has")
        else:
            yield Skipped(
                where, f"JSON list item is {json_type(item)}, not an object", "not_an_object"
            )


def _wrapped_list(record: dict) -> list | None:
    """Return the list of article objects an API response wraps, or None when ``record`` is an
    article itself (it has text, or wraps no list of objects)."""
    if _text_of(record) is not None:
        return None
    keys = lower_keys(record)
    for key in _WRAPPER_KEYS:
        items = keys.get(key)
        if isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
            return items
    return None


def read_jsonl(text: str, source: SourceRef) -> Iterator[RawDoc | Skipped]:
    """Yield one article per line of a JSON-lines text (``SourceRef(path, line=n)``, 1-based);
    blank lines are ignored and a bad line is skipped without stopping the file."""
    # Only "\n" ends a line: JSON strings may hold U+2028 and friends unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = SourceRef(source.path, line=number)
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(
                where, f"JSON line is not valid JSON: {e.msg}: column {e.colno}", "malformed"
            )
            continue
        except RecursionError:
            yield Skipped(
                where, "JSON line is not valid JSON: it is nested too deeply", "malformed"
            )
            continue
        if not isinstance(value, dict):
            kind = json_type(value)
            yield Skipped(where, f"JSON line is {kind}, not an object", "not_an_object")
            continue
        yield record_doc(value, where, "jsonl", "JSON line has")


def record_doc(record: Mapping, source: SourceRef, kind: str, subject: str) -> RawDoc | Skipped:
    """Return the article of one JSON object, or ``Skipped`` (no_text) naming the fields looked
    for; ``subject`` starts the reason ("JSON line has")."""
    text = _text_of(record)
    if text is None:
        return Skipped(source, f"{subject} {_NO_TEXT}", "no_text")
    return meta_from(record).over(RawDoc(source=source, kind=kind, text=text))


def _text_of(record: Mapping) -> str | None:
    """Return the article text of a record: the first text field holding a non-blank string (or
    a list of strings, joined as paragraphs); HTML markup in it is reduced to text."""
    keys = lower_keys(record)
    for key in TEXT_KEYS:
        value = keys.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(v.strip() for v in value if v.strip())
        if isinstance(value, str) and looks_like_html(value):
            value = html_to_text(value)
        if isinstance(value, str) and value.strip():
            return value
    return None
