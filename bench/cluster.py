"""The pipeline on a Dask cluster against the same run on this machine.

Input: the ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl) repeated with distinct ids
until there are --articles of them, plus the five seed reports. In one process, after a warm-up
run that loads this process's models:
  * local: consilience.analyze() (spaCy in ``settings.workers`` processes);
  * cluster: the same Pipeline.run with ``executor=consilience.cluster.ClusterExecutor(client)``
    on a LocalCluster of --workers worker processes on 127.0.0.1 (started before the timing;
    each worker loads its models during the run, as a fresh cluster's workers do).
Writes the two times, their ratio and whether the reports are the same (articles and stories
equal, skipped equal as sets) to bench/results/cluster.json; exits 1 when they differ. A
laptop-sized cluster measures the overhead and checks the result; the speed-up needs machines.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "ecbplus-dev" / "docs.jsonl"
SEEDS = SHARED / "seeds"
OUT = ROOT / "bench" / "results" / "cluster.json"


def make_input(n: int, folder: Path) -> Path:
    docs = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    path = folder / "ecb.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for count in range(n):
            d = docs[count % len(docs)]
            fh.write(
                json.dumps({"id": f"{d['id']}#{count}", "text": d["text"], "language": "en"}) + "\n"
            )
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not ECB.exists() or not SEEDS.exists():
        print(f"skipped: {ECB} or {SEEDS} is absent (they live in ../shared beside the checkout)")
        return 0
    from distributed import Client, LocalCluster

    import consilience
    from consilience.cluster import ClusterExecutor
    from consilience.pipeline import Pipeline
    from consilience.report.json import to_dict
    from consilience.settings import Settings

    settings = Settings(reference_date=date(2026, 11, 22), progress=False)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(make_input(args.articles, Path(tmp))), str(SEEDS)]
        consilience.analyze([str(SEEDS)], settings=settings)  # warm-up
        t0 = time.perf_counter()
        local = to_dict(consilience.analyze(paths, settings=settings))
        t_local = time.perf_counter() - t0
        with (
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            ) as cluster,
            Client(cluster) as client,
        ):
            t0 = time.perf_counter()
            remote = to_dict(Pipeline(settings).run(paths, executor=ClusterExecutor(client)))
            t_cluster = time.perf_counter() - t0
    same = (
        local["articles"] == remote["articles"]
        and local["stories"] == remote["stories"]
        and sorted(map(json.dumps, local["skipped"])) == sorted(map(json.dumps, remote["skipped"]))
    )
    result = {
        "articles": len(local["articles"]),
        "stories": len(local["stories"]),
        "cluster_workers": args.workers,
        "seconds_local": round(t_local, 2),
        "seconds_cluster": round(t_cluster, 2),
        "cluster_vs_local": round(t_cluster / t_local, 3),
        "same_report": same,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(
        f"{result['articles']} articles: local {t_local:.1f} s, cluster of {args.workers} "
        f"workers {t_cluster:.1f} s ({result['cluster_vs_local']}x); same report: {same} "
        f"-> {OUT}"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
