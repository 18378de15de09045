"""Screenshots of the sample corpus's HTML report for the README (docs/screenshots/*.png).

Runs the pipeline on ``consilience.sample.corpus_files()``, renders ``report.html`` and drives
Debian's chromium through Playwright (never a downloaded browser) to take small PNGs of the
overview, a claim with its sources, a cited passage, the map and the timeline.

``--fill-from-fixtures`` fills the story's entities, sources, claims and timeline with the
records tests/report_fixtures.py builds from the pipeline's own annotations: for use while the
story-level stages have not landed. Without it the report is exactly what the pipeline wrote.

Run: ``.venv/bin/python tools/screenshots.py [--fill-from-fixtures]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
LIMIT = 300_000  # bytes per picture
sys.path.insert(0, str(ROOT / "tests"))


def report_dict(fill: bool) -> dict:
    """Return the sample corpus report as a dict, story records filled when asked."""
    from report_fixtures import REFERENCE, rich_sample

    import consilience
    from consilience.report.json import to_dict
    from consilience.sample import corpus_files

    if fill:
        return to_dict(rich_sample())
    return to_dict(consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False))


def shoot(html: Path, out: Path) -> list[Path]:
    """Take the pictures; return their paths."""
    from browser_support import ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise SystemExit("no chromium: apt-get install -y chromium")
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 720})
        page.goto(html.resolve().as_uri())

        def element(selector: str, name: str) -> None:
            if page.locator(selector).count():
                shots.append(out / name)
                page.locator(selector).first.screenshot(path=shots[-1])

        shots.append(out / "overview.png")
        page.screenshot(path=shots[-1])
        element("li.claim[data-status='updated']", "claim.png")
        element(".timeline-block", "timeline.png")
        element(".map-block svg.map", "map.png")
        element(".sources-block", "sources.png")
        cite = page.locator("li.claim[data-status='updated'] .sides a.cite")
        if cite.count():
            cite.last.click()
            page.wait_for_timeout(300)
            shots.append(out / "passage.png")
            page.screenshot(path=shots[-1])
        browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fill-from-fixtures", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    from consilience.report.render import render

    with tempfile.TemporaryDirectory() as tmp:
        html = render(report_dict(args.fill_from_fixtures), ["html"], tmp)[0]
        shots = shoot(html, args.out)
    too_big = [p for p in shots if p.stat().st_size > LIMIT]
    for p in shots:
        print(f"{p}: {p.stat().st_size:,} bytes")
    if too_big:
        print(f"over {LIMIT:,} bytes: {', '.join(map(str, too_big))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
