"""The JSON report: the contract other capabilities and users rely on (docs/report.md).

``to_dict`` turns a Report into plain JSON data; ``write`` writes it atomically, so an
interrupted run never leaves a half-written report behind.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, overload

from ..model import Article, Articles, Conflict, Report, Skipped, SourceRef, Story
from ..version import __version__

SCHEMA_ID = "consilience/report@1"


def source_dict(src: SourceRef) -> dict:
    out: dict = {"path": src.path}
    if src.line is not None:
        out["line"] = src.line
    if src.entry is not None:
        out["entry"] = src.entry
    return out


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def reading_limits(a: Article) -> list[str]:
    """Return what the pipeline could not fully read in this article's language, in words a
    reader can act on ([] for English, which every stage reads)."""
    if a.language == "en":
        return []
    if not a.language:
        return ["language not identified: entities, figures and claims read as if English"]
    out = []
    if not any(e.source == "model" for e in a.annotations.entities):
        out.append(
            f"entities: places from the gazetteer and the story's names only (no spaCy model "
            f"for '{a.language}')"
        )
    from ..annotate.attribution_lang import has_attribution_language
    from ..annotate.quantities_lang import has_language

    figures, sources = has_language(a.language), has_attribution_language(a.language)
    if not figures or not sources:
        unknown = [
            w for w, known in (("units", figures), ("sources and denials", sources)) if not known
        ]
        read = [w for w, known in (("figures", figures), ("attributions", sources)) if not known]
        out.append(
            f"{', '.join(read)} and claims: read with English wording only (the words of "
            f"'{a.language}' for {' and '.join(unknown)} are not known yet)"
        )
    else:
        from ..claims.lexicon import language_events

        events = (
            "event words of statements from its word list"
            if language_events(a.language) is not None
            else f"event words of statements not known for '{a.language}'"
        )
        out.append(
            f"figures, attributions and denials: read in '{a.language}' from its word lists; "
            f"{events} (statements align across languages by what happened, the entities, "
            f"places and dates they name, and their meaning)"
        )
    return out


def article_dict(a: Article) -> dict:
    t = a.text
    ann = a.annotations
    ev = a.published.evidence
    return {
        "id": a.id,
        "source": source_dict(a.source),
        "kind": a.kind,
        "outlet": a.outlet,
        "title": a.title,
        "url": a.url,
        "language": a.language,
        "language_confidence": a.language_confidence,
        "reading": reading_limits(a),
        "published": {
            "date": a.published.date,
            "from": a.published.from_,
            "evidence": None
            if ev is None
            else {"start": ev[0], "end": ev[1], "text": t[ev[0] : ev[1]]},
            "metadata": a.published_raw,
        },
        "text": t,
        "removed": [
            {
                "start": r.start,
                "end": r.end,
                "reason": r.reason,
                "text": a.raw_text[r.start : r.end],
            }
            for r in a.removed
        ],
        "annotations": {
            "sentences": [
                {"start": s.start, "end": s.end, "language": s.language} for s in ann.sentences
            ],
            "entities": [
                {
                    "start": e.start,
                    "end": e.end,
                    "text": t[e.start : e.end],
                    "label": e.label,
                    "source": e.source,
                    "geonameid": e.geonameid,
                }
                for e in ann.entities
            ],
            "dates": [
                {
                    "start": d.start,
                    "end": d.end,
                    "text": t[d.start : d.end],
                    "value": d.value,
                    "precision": d.precision,
                    "kind": d.kind,
                    "relative": d.relative,
                }
                for d in ann.dates
            ],
            "quantities": [
                {
                    "start": q.start,
                    "end": q.end,
                    "text": t[q.start : q.end],
                    "value": _num(q.value),
                    "unit": q.unit,
                    "counted": q.counted,
                    "approximate": q.approximate,
                    "qualifier": q.qualifier,
                    "format": q.number_format,
                    "concept": q.concept,
                }
                for q in ann.quantities
            ],
            "attributions": [
                {
                    "start": x.start,
                    "end": x.end,
                    "source": {
                        "start": x.source_start,
                        "end": x.source_end,
                        "text": t[x.source_start : x.source_end],
                    },
                    "cue": x.cue,
                    "stance": x.stance,
                    "channel": x.channel,
                }
                for x in ann.attributions
            ],
        },
        "flags": [
            {
                "kind": f.kind,
                "detail": f.detail,
                "spans": [{"start": s, "end": e} for s, e in f.spans],
                "related": list(f.related),
            }
            for f in a.flags
        ],
    }


def skipped_dict(s: Skipped) -> dict:
    return {"source": source_dict(s.source), "reason": s.reason, "code": s.code, "stage": s.stage}


def story_dict(s: Story, texts: dict[str, str]) -> dict:
    def span(article: str, start: int, end: int) -> dict:
        return {
            "article": article,
            "start": start,
            "end": end,
            "text": texts.get(article, "")[start:end],
        }

    def conflict(c: Conflict) -> dict:
        values = [
            {"article": v.article, "value": v.value, "start": v.start, "end": v.end}
            for v in c.values
        ]
        return {"kind": c.kind, "values": values, "why": c.why}

    return {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "period": {"start": s.period[0], "end": s.period[1]},
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": [span(m.article, m.start, m.end) for m in e.mentions],
                "geo": None
                if e.geo is None
                else {
                    "geonameid": e.geo.geonameid,
                    "name": e.geo.name,
                    "country": e.geo.country,
                    "lat": e.geo.lat,
                    "lon": e.geo.lon,
                },
                "reasons": list(e.reasons),
            }
            for e in s.entities
        ],
        "sources": [
            {
                "id": src.id,
                "articles": list(src.articles),
                "relations": [{"article": a, "kind": k, "of": o} for a, k, o in src.relations],
            }
            for src in s.sources
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "status": c.status,
                "independent_sources": c.independent_sources,
                "evidence": [
                    {
                        **span(ev.article, ev.start, ev.end),
                        "attributed_to": ev.attributed_to,
                        "stance": ev.stance,
                        "figure": ev.figure,
                    }
                    for ev in c.evidence
                ],
                "conflicts": [conflict(x) for x in c.conflicts],
                "backing": [
                    {
                        "value": b.value,
                        "independent_sources": b.independent_sources,
                        "articles": list(b.articles),
                    }
                    for b in c.backing
                ],
                "why": c.why,
            }
            for c in s.claims
        ],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "text": t.text,
                "evidence": [span(r.article, r.start, r.end) for r in t.evidence],
                "conflict": None if t.conflict is None else conflict(t.conflict),
            }
            for t in s.timeline
        ],
    }


class Made(Sequence[dict]):
    """The dicts ``make`` gives for ``items``, each made when it is read, nothing kept: the
    ``articles`` and ``stories`` of the JSON report of a report whose articles are held packed
    (``model.Articles``), so that the report of a large run is written, and viewed, one item at
    a time (``report.render``, ``report.view``). ``ids``: the items' ids without making their
    dicts (unpacking the articles)."""

    __slots__ = ("_items", "_make", "ids")

    def __init__(self, items: Sequence[Any], make: Callable[[Any], dict]) -> None:
        self._items = items
        self._make = make
        self.ids: tuple[str, ...] = getattr(items, "ids", None) or tuple(i.id for i in items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> dict: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict]: ...

    def __getitem__(self, index: int | slice) -> dict | list[dict]:
        if isinstance(index, slice):
            return [self._make(x) for x in self._items[index]]
        return self._make(self._items[index])

    def __iter__(self) -> Iterator[dict]:
        for item in self._items:
            yield self._make(item)


def to_dict(report: Report) -> dict:
    """The JSON report of ``report`` as a dict (``SCHEMA_ID``). When its articles are held
    packed (a large run's ``model.Articles``), its ``articles`` and ``stories`` are ``Made``
    sequences, read one item at a time, rather than lists of every article's and story's
    dict."""
    texts = {a.id: a.text for a in report.articles}
    articles: Sequence[dict]
    stories: Sequence[dict]
    if isinstance(report.articles, Articles) and report.articles.packed:
        articles = Made(report.articles, article_dict)
        stories = Made(report.stories, lambda story: story_dict(story, texts))
    else:
        articles = [article_dict(a) for a in report.articles]
        stories = [story_dict(s, texts) for s in report.stories]
    return {
        "schema": SCHEMA_ID,
        "generator": {"name": "consilience", "version": __version__},
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "settings": report.settings,
        "articles": articles,
        "skipped": [skipped_dict(s) for s in report.skipped],
        "stories": stories,
    }


def write(report: Report, out_dir: str | os.PathLike) -> Path:
    """Write ``out_dir/report.json`` atomically and return its path."""
    content = json.dumps(to_dict(report), ensure_ascii=False, indent=1, default=list)
    return write_text(Path(out_dir) / "report.json", content)


def write_text(path: Path, content: str) -> Path:
    """Write to a temporary file beside ``path`` then rename it into place: readers see the old
    file or the whole new one, never half of it (also on Ctrl-C or a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:  # like mkstemp, but with mode 0666 less the umask (mkstemp gives 0600)
        tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def schema() -> dict:
    """The JSON Schema the report validates against."""
    from importlib.resources import files

    return json.loads(files("consilience").joinpath("schema/report-1.json").read_text("utf-8"))
