"""Article metadata found under the usual names of news crawlers, front matter and sidecars."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from ..model import RawDoc

# Names looked for, in order of preference; matching ignores case.
TEXT_KEYS = ("text", "maintext", "content", "body")
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("source_domain", "outlet", "source", "site_name", "publisher"),
    "published": (
        "date_publish",
        "published",
        "date",
        "pubdate",
        "datepublished",
        "date_published",
        "published_at",
        "publishedat",
    ),
    "language": ("language", "lang"),
    "id": ("id",),
}
# A nested outlet such as {"source": {"id": "x", "name": "Example News"}}.
_NESTED_NAME_KEYS = ("name", "title")


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata fields of a ``RawDoc``; None where the input gave nothing."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    id: str | None = None

    def over(self, doc: RawDoc) -> RawDoc:
        """Return ``doc`` with every field this metadata gives replaced by it."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(doc, **{k: v for k, v in changes.items() if v is not None})

    def under(self, other: Meta) -> Meta:
        """Return ``other`` with its gaps filled from this metadata."""
        mine = {f.name: getattr(self, f.name) for f in fields(self)}
        theirs = {f.name: getattr(other, f.name) for f in fields(other)}
        return Meta(**{k: theirs[k] if theirs[k] is not None else mine[k] for k in mine})


def lower_keys(record: Mapping) -> dict[str, object]:
    """Return ``record`` with lower-cased string keys; the first of two spellings wins."""
    out: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(key, str):
            out.setdefault(key.lower(), value)
    return out


def scalar(value: object) -> str | None:
    """Return a metadata value as a stripped string: strings and numbers count, empty strings,
    booleans, lists and other structures do not."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _outlet(value: object) -> str | None:
    if isinstance(value, Mapping):
        nested = lower_keys(value)
        for key in _NESTED_NAME_KEYS:
            found = scalar(nested.get(key))
            if found:
                return found
        return None
    return scalar(value)


def meta_from(record: Mapping) -> Meta:
    """Return the metadata of ``record`` (a JSON object, front matter or sidecar)."""
    keys = lower_keys(record)
    found: dict[str, str | None] = {}
    for name, candidates in FIELD_KEYS.items():
        pick = _outlet if name == "outlet" else scalar
        found[name] = next((v for v in (pick(keys[k]) for k in candidates if k in keys) if v), None)
    return Meta(**found)
