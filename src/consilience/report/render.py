"""Writes a report in the formats asked for: ``report.json`` (the contract), ``report.md`` (a
briefing to read) and ``report.html`` (one self-contained page). Each file is written atomically:
readers see the previous file or the whole new one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import UsageError
from .json import write_text

FORMATS: tuple[str, ...] = ("json", "md", "html", "geojson")
DEFAULT_FORMATS: tuple[str, ...] = ("json", "md", "html")
FILE_NAMES = {
    "json": "report.json",
    "md": "report.md",
    "html": "report.html",
    "geojson": "places.geojson",
}


def _json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1)


def _md(report: dict) -> str:
    from .markdown import render_markdown

    return render_markdown(report)


def _html(report: dict) -> str:
    from .html import render_html

    return render_html(report)


def _geojson(report: dict) -> str:
    """The places of every story as one GeoJSON FeatureCollection (RFC 7946): a Point per
    geocoded entity, with its story, names and GeoNames id."""
    from ..resolve.geo import geojson_features

    features = []
    for story in report.get("stories", []):
        features += geojson_features(story.get("entities", []), story=story["id"])
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
    )


RENDERERS: dict[str, Callable[[dict], str]] = {
    "json": _json,
    "md": _md,
    "html": _html,
    "geojson": _geojson,
}


def parse_formats(value: str | Sequence[str]) -> tuple[str, ...]:
    """Return the formats named in ``"json,md,html"`` (or a sequence), in order, each once.

    Raises UsageError naming the unknown format and the known ones.
    """
    names = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        if name == "markdown":
            name = "md"
        if not name:
            continue
        if name not in RENDERERS:
            raise UsageError(
                f"unknown report format {raw.strip()!r}: choose from {', '.join(FORMATS)}"
            )
        if name not in out:
            out.append(name)
    if not out:
        raise UsageError(f"no report format given: choose from {', '.join(FORMATS)}")
    return tuple(out)


def render(report_dict: dict, formats: Sequence[str], out_dir: str | os.PathLike) -> list[Path]:
    """Write ``out_dir/report.<format>`` for each format and return the paths written, in the
    order of ``formats``. Every file is rendered before any is written, so a renderer that fails
    leaves the previous reports as they were."""
    chosen = parse_formats(formats)
    contents = [(FILE_NAMES[f], RENDERERS[f](report_dict)) for f in chosen]
    out = Path(out_dir)
    return [write_text(out / name, content) for name, content in contents]
