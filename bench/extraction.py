"""Score HTML main-text extraction (``read_html``) on the article extraction benchmark.

Data: ``<repo>/../shared/data/extraction-benchmark`` (``html/<id>.html.gz`` and
``ground-truth.json`` with the gold ``articleBody`` of each page).

Scoring, as the benchmark usually does it: both texts are tokenised the same way (lowercased
``\\w+`` words) and cut into word 4-gram shingles, counted as multisets (a shingle that occurs
twice counts twice). Per page, precision = matched / extracted shingles, recall = matched / gold
shingles, F1 their harmonic mean. A page where extraction fails (or gives fewer than four words)
scores precision 0 and recall 0. The headline figures are macro means over pages of per-page P, R
and F1; the F1 of the mean P and mean R and the micro (pooled counts) figures are reported too.

Usage::

    python bench/extraction.py                 # the options read_html uses by default
    python bench/extraction.py --variants      # also try other trafilatura options
    python bench/extraction.py --limit 20      # a quick look at the first 20 pages

Writes ``bench/results/extraction.json`` and prints a one-line summary.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "extraction-benchmark"
RESULTS = REPO / "bench" / "results" / "extraction.json"
NGRAM = 4
_WORD = re.compile(r"\w+")

# Option sets tried with --variants (each overrides read_html's defaults).
VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},  # read_html's own options: favor_precision, tables kept
    "balanced": {"favor_precision": False},
    "favor_recall": {"favor_precision": False, "favor_recall": True},
    "balanced+no_tables": {"favor_precision": False, "include_tables": False},
    "no_tables": {"include_tables": False},
    "balanced+fast": {"favor_precision": False, "fast": True},
    "fast": {"fast": True},
    "deduplicate": {"deduplicate": True},
}


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Return the multiset of word n-grams of ``text`` (lowercased ``\\w+`` tokens)."""
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def score_page(extracted: str, gold: str) -> tuple[float, float, float, int, int, int]:
    """Return (precision, recall, f1, matched, extracted shingles, gold shingles) for one page."""
    pred, true = shingles(extracted), shingles(gold)
    matched = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    precision = matched / n_pred if n_pred else 0.0
    recall = matched / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, matched, n_pred, n_true


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run(pages: list[tuple[str, bytes, str]], options: dict[str, Any]) -> dict[str, Any]:
    """Extract every page with ``options`` and return the scores (see the module docstring)."""
    from consilience.errors import InputError
    from consilience.ingest.html import EXTRACT_OPTIONS, read_html
    from consilience.model import SourceRef

    per_page, failures = [], []
    start = time.perf_counter()
    for page_id, html, gold in pages:
        try:
            text = read_html(html, SourceRef(f"{page_id}.html"), options=options).text
        except InputError as err:
            failures.append({"id": page_id, "code": err.code})
            text = ""
        per_page.append(score_page(text, gold))
    seconds = time.perf_counter() - start
    n = len(per_page)
    mean = [sum(row[k] for row in per_page) / n for k in range(3)]
    matched, n_pred, n_true = (sum(row[k] for row in per_page) for k in range(3, 6))
    micro_p = matched / n_pred if n_pred else 0.0
    micro_r = matched / n_true if n_true else 0.0
    return {
        "options": {**EXTRACT_OPTIONS, **options},
        "precision": round(mean[0], 4),
        "recall": round(mean[1], 4),
        "f1": round(mean[2], 4),
        "f1_of_mean_precision_recall": round(_f1(mean[0], mean[1]), 4),
        "micro": {
            "precision": round(micro_p, 4),
            "recall": round(micro_r, 4),
            "f1": round(_f1(micro_p, micro_r), 4),
        },
        "pages": n,
        "failures": len(failures),
        "failed_pages": failures,
        "seconds": round(seconds, 1),
    }


def load_pages(limit: int | None) -> list[tuple[str, bytes, str]]:
    """Return (id, gunzipped HTML bytes, gold article body) for each benchmark page, by id."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = []
    for page_id in ids:
        path = DATA / "html" / f"{page_id}.html.gz"
        pages.append((page_id, gzip.decompress(path.read_bytes()), truth[page_id]["articleBody"]))
    return pages


def _summary(name: str, result: dict[str, Any]) -> str:
    return (
        f"extraction [{name}]: P {result['precision']:.3f}  R {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f} (macro, per-page; F1 of mean P/R "
        f"{result['f1_of_mean_precision_recall']:.3f})  pages {result['pages']}  "
        f"failures {result['failures']}  {result['seconds']:.0f}s"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="also try other options")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    args = parser.parse_args(argv)
    if not (DATA / "ground-truth.json").is_file():
        print(
            f"extraction benchmark not found at {DATA.resolve()} "
            "(expected html/*.html.gz and ground-truth.json beside the checkout in "
            "../shared/data/extraction-benchmark)",
            file=sys.stderr,
        )
        return 2
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # per-page warnings are noise
    pages = load_pages(args.limit)
    names = list(VARIANTS) if args.variants else ["default"]
    results = {}
    for name in names:
        results[name] = run(pages, VARIANTS[name])
        print(_summary(name, results[name]), flush=True)
    out = {
        **results["default"],
        "trafilatura": trafilatura.__version__,
        "shingles": f"word {NGRAM}-grams of lowercased \\w+ tokens, as multisets",
        "averaging": "macro mean over pages of per-page precision, recall and F1",
        "failure_scoring": "a page that fails counts as empty output: precision 0, recall 0",
    }
    if args.variants:
        out["variants"] = {
            name: {k: v for k, v in r.items() if k != "failed_pages"} for name, r in results.items()
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
