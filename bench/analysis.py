"""Whole-analysis scaling: consilience.analyze plus the claims of every story, on ECB+ news
replicated to 250, 1,000 and 4,000 articles.

The ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl, 535 articles in 25 topics) are
repeated in order, each repeat with a distinct id, until a corpus has N articles; written as one
JSON-lines input. For each N, in a fresh process (so that peak memory is that run's own):

  * ``analyze``: consilience.analyze() on the file (reading, cleaning, language, spaCy,
    gazetteer, dates, quantities, attributions), model loading included;
  * ``claims_by_topic``: for each ECB+ topic as one story, sources
    (consilience.sources.independence.find_sources) then consilience.verdicts.analyze_story;
  * ``claims_one_story``: every article as one story, the worst case for alignment (a fact
    repeated in every copy of its article), sources then analyze_story.

Reports seconds, peak resident memory, articles, claim candidates and claims, and the growth
exponent of time with size between consecutive sizes (1.0 is linear; alignment compares each
candidate with at most ``AlignParams.max_neighbours`` others found through an inverted index,
never all pairs). Writes bench/results/analysis.json.

  .venv/bin/python bench/analysis.py                 # 250, 1000, 4000
  .venv/bin/python bench/analysis.py --sizes 100 200 # a quick look
"""

from __future__ import annotations

import argparse
import json
import math
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
SIZES = (250, 1000, 4000)
REFERENCE = date(2026, 11, 22)

sys.path.insert(0, str(ROOT / "src"))


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


def one_run(n: int) -> dict:
    """Measure one size in this process; return the figures."""
    import consilience
    from consilience.claims import extract_claims
    from consilience.gazetteer import Gazetteer
    from consilience.settings import Settings
    from consilience.sources.independence import find_sources
    from consilience.verdicts import analyze_story, judge

    records = replicated(n)
    topic = {r["id"]: r["topic"] for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ecb.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        t0 = time.perf_counter()
        report = consilience.analyze([path], reference_date=REFERENCE, progress=False)
        t_analyze = time.perf_counter() - t0
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
        "skipped": len(report.skipped),
        "words": sum(len(a.text.split()) for a in articles),
        "analyze_s": round(t_analyze, 2),
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
        "total_s": round(t_analyze + t_topics, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one)))
        return 0
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (it lives in ../shared beside the checkout)")
        return 0
    runs = []
    for n in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        )
        run = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps(run))
        runs.append(run)
    result = {
        "runs": runs,
        "growth": {
            "analyze": growth(runs, lambda r: r["analyze_s"]),
            "claims_by_topic": growth(runs, lambda r: r["claims_by_topic_s"]),
            "claims_one_story": growth(
                runs, lambda r: r["one_story"]["extract_and_align_s"] + r["one_story"]["judge_s"]
            ),
            "total": growth(runs, lambda r: r["total_s"]),
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result["growth"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
