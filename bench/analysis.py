"""Whole-analysis scaling: the run a user makes (``consilience analyze``: every stage, the three
reports written) on ECB+ news replicated to 1,000, 2,000 and 4,000 articles (``--sizes``), in a
fresh process each, with ``settings.workers`` = ``--workers`` (default 2).

The ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl, 535 articles in 25 topics) are
repeated in order, each repeat with a distinct id, until a corpus has N articles; written as one
JSON-lines input. For each N:

  * ``analyze``: the whole run, model loading included, timed from outside its process; its
    memory is the peak, sampled every 0.1 s, of the resident memory summed over its process tree
    (the run and its worker processes), as RSS and as PSS (shared pages counted once); its
    seconds per part of the run (``consilience.runtime.spent``, summed over processes);
  * with ``--claims``, in another process: the claims of each ECB+ topic as one story
    (sources, then consilience.verdicts.analyze_story) and of every article as one story, the
    worst case for alignment (``claims_by_topic``, ``one_story``).

Reports the growth exponent of time with size between consecutive sizes and the least-squares
exponent over all of them (1.0 is linear). Writes bench/results/analysis.json.

  .venv/bin/python bench/analysis.py                    # 1000, 2000, 4000
  .venv/bin/python bench/analysis.py --sizes 1000 20000 # the bar of issue 16 (long)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "analysis.json"
SIZES = (1000, 2000, 4000)
REFERENCE = date(2026, 11, 22)

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def replicated(n: int) -> list[dict]:
    """Return ``n`` ECB+ records, repeated in order; repeat k of a document has id
    "<id>~r<k>" and keeps its topic."""
    docs = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        k = i // len(docs)
        out.append(
            {
                "id": doc["id"] if k == 0 else f"{doc['id']}~r{k}",
                "topic": doc["topic"],
                "text": doc["text"],
                "language": "en",
            }
        )
    return out


# Records per JSON-lines input file: a file stays well under ``settings.max_bytes`` (20 MB), which
# one file of 20,000 ECB+ records (about 70 MB) is not.
PER_FILE = 4000


def write_input(n: int, folder: Path) -> tuple[list[Path], dict[str, str]]:
    """Write ``n`` replicated records to JSON-lines files of ``PER_FILE`` records; return them,
    in order, and each id's topic."""
    records = replicated(n)
    paths = []
    for k in range(0, len(records), PER_FILE):
        path = folder / f"ecb-{k // PER_FILE:02d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[k : k + PER_FILE]), "utf-8")
        paths.append(path)
    return paths, {r["id"]: r["topic"] for r in records}


def run_analyze(n: int, workers: int) -> dict:
    """The whole run over ``n`` articles in this process, reports written; its figures."""
    from consilience.pipeline import Pipeline, checked
    from consilience.report.json import to_dict
    from consilience.report.render import render
    from consilience.runtime import phase, spent
    from consilience.settings import Settings

    settings = Settings(workers=workers, progress=False, reference_date=REFERENCE)
    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = write_input(n, Path(tmp))
        report = checked(Pipeline(settings).run(paths), settings)
        with phase("wrote the reports"):
            render(to_dict(report), ("json", "md", "html"), Path(tmp) / "out")
    return {
        "articles": len(report.articles),
        "skipped": len(report.skipped),
        "stories": len(report.stories),
        "words": sum(len(a.text.split()) for a in report.articles),
        "spent": {k: round(v, 2) for k, v in sorted(spent().items())},
        "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def one_run(n: int) -> dict:
    """The claims experiments over ``n`` articles (``--claims``); return the figures."""
    import consilience
    from consilience.claims import extract_claims
    from consilience.gazetteer import Gazetteer
    from consilience.settings import Settings
    from consilience.sources.independence import find_sources
    from consilience.verdicts import analyze_story, judge

    with tempfile.TemporaryDirectory() as tmp:
        paths, topic = write_input(n, Path(tmp))
        report = consilience.analyze(paths, reference_date=REFERENCE, progress=False)
    articles = list(report.articles)
    by_topic: dict[str, list] = defaultdict(list)
    for a in articles:
        by_topic[topic.get(a.id, "?")].append(a)

    gazetteer = Gazetteer.open(Settings())  # the one the run above opened
    t0 = time.perf_counter()
    statuses: Counter[str] = Counter()
    for members in by_topic.values():
        sources = find_sources(members)
        statuses.update(c.status for c in analyze_story(members, (), sources, gazetteer=gazetteer))
    t_topics = time.perf_counter() - t0

    t0 = time.perf_counter()
    sources = find_sources(articles)
    t_sources = time.perf_counter() - t0
    t0 = time.perf_counter()
    candidates = extract_claims(articles, gazetteer=gazetteer)
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims = judge(candidates, {a.id: a for a in articles}, sources)
    t_judge = time.perf_counter() - t0
    return {
        "articles": len(articles),
        "claims_by_topic_s": round(t_topics, 2),
        "claims_by_topic": dict(sorted(statuses.items())),
        "one_story": {
            "sources_s": round(t_sources, 2),
            "extract_and_align_s": round(t_extract, 2),
            "judge_s": round(t_judge, 2),
            "candidates": len(candidates),
            "groups": len({c.group for c in candidates}),
            "claims": len(claims),
            "statuses": dict(sorted(Counter(c.status for c in claims).items())),
        },
    }


def measured(n: int, workers: int) -> dict:
    """``run_analyze(n, workers)`` in a fresh process, timed from outside, with the peak
    memory of its process tree."""
    from throughput import TreeMemory

    command = [sys.executable, __file__, "--analyze", str(n), "--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"analyze {n} failed ({proc.returncode}):\n{stderr[-3000:]}")
    run = json.loads(stdout.strip().splitlines()[-1])
    run["analyze_s"] = round(seconds, 2)
    run["peak_tree_rss_mb"] = round(memory.peak_rss / 2**20, 1)
    run["peak_tree_pss_mb"] = round(memory.peak_pss / 2**20, 1)
    run["processes"] = memory.peak_processes
    run["cpu_seconds"] = round(memory.cpu_seconds, 1)
    return run


def fitted(runs: list[dict], key) -> float | None:  # noqa: ANN001 - key: run -> seconds
    """The least-squares slope of log(seconds) on log(articles) over ``runs``."""
    if len(runs) < 2:
        return None
    xs = [math.log(r["articles"]) for r in runs]
    ys = [math.log(key(r)) for r in runs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den, 3)


def growth(runs: list[dict], key) -> list[dict]:  # noqa: ANN001 - key: run -> seconds
    """Return the growth exponent of ``key`` between consecutive runs."""
    out = []
    for a, b in zip(runs, runs[1:], strict=False):
        ta, tb = key(a), key(b)
        exp = math.log(tb / ta) / math.log(b["articles"] / a["articles"]) if ta > 0 else None
        out.append(
            {
                "from": a["articles"],
                "to": b["articles"],
                "exponent": round(exp, 2) if exp is not None else None,
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--workers", type=int, default=2, help="settings.workers of the runs")
    parser.add_argument("--claims", action="store_true", help="the claims experiments too")
    parser.add_argument("--results", type=Path, default=OUT, help="where the JSON goes")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--analyze", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one)))
        return 0
    if args.analyze:
        print(json.dumps(run_analyze(args.analyze, args.workers)))
        return 0
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (it lives in ../shared beside the checkout)")
        return 0
    runs = []
    for n in args.sizes:
        load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        run = {**measured(n, args.workers), "load_before": load}
        run["load_after"] = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        if args.claims:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(n)],
                check=True,
                capture_output=True,
                text=True,
            )
            run["claims"] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps({k: v for k, v in run.items() if k != "spent"}), flush=True)
        runs.append(run)
    result = {
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "runs": runs,
        "growth": {
            "analyze": growth(runs, lambda r: r["analyze_s"]),
            "analyze_fitted_exponent": fitted(runs, lambda r: r["analyze_s"]),
        },
    }
    if args.claims:
        result["growth"]["claims_by_topic"] = growth(
            runs, lambda r: r["claims"]["claims_by_topic_s"]
        )
        result["growth"]["claims_one_story"] = growth(
            runs,
            lambda r: (
                r["claims"]["one_story"]["extract_and_align_s"]
                + r["claims"]["one_story"]["judge_s"]
            ),
        )
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result["growth"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
