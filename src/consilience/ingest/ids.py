"""Article ids: the input's own id when it has one, else a hash of its content; a repeated id
gets ``~2``, ``~3`` ... in input order."""

from __future__ import annotations

import hashlib

from ..model import Article, RawDoc


def content_id(raw: RawDoc) -> str:
    """A stable id from the article's content and metadata: re-reading gives the same id."""
    h = hashlib.sha256()
    for part in (raw.text, raw.title or "", raw.url or "", raw.outlet or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def base_id(raw: RawDoc) -> str:
    """The id ``raw`` asks for: its own, else ``content_id``."""
    return str(raw.id) if raw.id not in (None, "") else content_id(raw)


def to_article(raw: RawDoc, taken: set[str]) -> Article:
    """Turn a reader's record into an Article with a unique id (the input's own when it has
    one, else a content hash; a repeated id gets ``~2``, ``~3`` ... in input order). The id is
    added to ``taken``."""
    base = base_id(raw)
    aid, n = base, 1
    while aid in taken:
        n += 1
        aid = f"{base}~{n}"
    taken.add(aid)
    return Article(
        id=aid,
        source=raw.source,
        kind=raw.kind,
        raw_text=raw.text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        published_raw=raw.published,
        declared_language=raw.language,
    )
