"""Rendering speed: the Markdown briefing and the HTML page of a 200-article story.

The articles are the bundled sample corpus run through the real pipeline, repeated with distinct
ids (``<id>~r<k>``) until there are --articles of them; the story's records are built from the
pipeline's annotations of those articles by tests/report_fixtures.py (places from
gazetteer-confirmed mentions, claims from quantities that count the same thing, timeline events
from resolved dates, every replica a copy of its original). The report is serialised with
``report.json.to_dict``; each renderer then runs --repeat times on that dict and the median time
is the figure. The bar: each under --bar seconds (default 1). Exits 1 when over the bar.
Writes bench/results/render.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "results" / "render.json"
sys.path.insert(0, str(ROOT / "tests"))  # the story builder the renderer tests use


def build(n: int) -> dict:
    """Return the report dict of one story with ``n`` articles."""
    from report_fixtures import replicate, sample_report

    from consilience.report.json import to_dict

    return to_dict(replicate(sample_report(), n))


def timed(fn, arg, repeat: int) -> tuple[float, str]:  # noqa: ANN001
    """Return the median seconds of ``repeat`` calls and the last result."""
    times, out = [], ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(arg)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--bar", type=float, default=1.0, help="seconds per format")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    from consilience.report.html import render_html
    from consilience.report.markdown import render_markdown

    report = build(args.articles)
    story = report["stories"][0]
    md_s, md = timed(render_markdown, report, args.repeat)
    html_s, html = timed(render_html, report, args.repeat)
    result = {
        "date": datetime.now(UTC).date().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}",
        "articles": len(report["articles"]),
        "characters": sum(len(a["text"]) for a in report["articles"]),
        "claims": len(story["claims"]),
        "evidence": sum(len(c["evidence"]) for c in story["claims"]),
        "entities": len(story["entities"]),
        "timeline": len(story["timeline"]),
        "sources": len(story["sources"]),
        "repeat": args.repeat,
        "markdown": {"seconds": round(md_s, 4), "bytes": len(md.encode("utf-8"))},
        "html": {"seconds": round(html_s, 4), "bytes": len(html.encode("utf-8"))},
        "bar_seconds": args.bar,
    }
    result["pass"] = md_s < args.bar and html_s < args.bar
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    if not result["pass"]:
        print(f"render: over the bar of {args.bar} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
