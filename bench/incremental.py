"""Incremental analysis: adding articles to a store against analysing everything again.

Inputs: the ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl) and the five seed reports
(../shared/seeds). Every --every-th ECB+ document (default 10th, so every topic gets late
arrivals) and two of the seeds arrive late; the rest arrive first. In one process, models
loaded beforehand by a warm-up run on the first seed:
  * batch: consilience.analyze() over everything, no store;
  * first: the early articles into a new store;
  * add: the late articles into that store (the figure: its time against batch's);
  * report: the store reported again with nothing new.
The report after ``add`` must equal batch's (articles, stories, skipped: ``identical``). Also
written: how many stories the add step re-analysed (their membership changed) out of all.
Writes bench/results/incremental.json; exits 1 when the reports differ.

``--scale``: what every run into a large store pays whatever it adds, re-forming the stories
from the stored profiles. Stores of 2,500 / 5,000 / 10,000 / 20,000 synthetic articles (those
of ``bench/stories.py --scale``, written straight into the store, no annotation) are read back
(profiles and headers) and grouped; the time of each part and its growth exponent are written
to bench/results/incremental-scale.json.
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
OUT = ROOT / "bench" / "results" / "incremental.json"
SCALE_OUT = ROOT / "bench" / "results" / "incremental-scale.json"


def split_inputs(folder: Path, every: int) -> tuple[list[str], list[str], int, int]:
    """Write the early and the late inputs; return their paths and article counts."""
    docs = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    early, late = folder / "early.jsonl", folder / "late.jsonl"
    n_early = n_late = 0
    with early.open("w", encoding="utf-8") as fe, late.open("w", encoding="utf-8") as fl:
        for n, d in enumerate(docs):
            rec = json.dumps({"id": d["id"], "text": d["text"], "language": "en"}) + "\n"
            if n % every == every - 1:
                fl.write(rec)
                n_late += 1
            else:
                fe.write(rec)
                n_early += 1
    seeds = sorted(str(p) for p in SEEDS.iterdir() if p.suffix == ".txt")
    return [str(early), *seeds[:3]], [str(late), *seeds[3:]], n_early + 3, n_late + 2


def comparable(report) -> dict:  # noqa: ANN001
    from consilience.report.json import to_dict

    data = to_dict(report)
    return {k: data[k] for k in ("articles", "stories", "skipped")}


def scale(sizes: list[int]) -> dict:
    """Regrouping cost of stores of ``sizes`` synthetic articles (see the module docstring)."""
    import numpy as np

    sys.path.insert(0, str(ROOT / "bench"))
    import stories as sb

    from consilience.settings import Settings
    from consilience.store import Store
    from consilience.stories import assemble

    templates = sb.ecb_articles("spacy")
    labels = {d["id"]: d["event"] for d in sb.read_ecb()}
    rows = []
    for n in sizes:
        articles, _ = sb.synthetic(templates, labels, n)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "news.db"
            with Store(db, Settings(progress=False)) as store:
                t0 = time.perf_counter()
                store.add([(a, a.id, a.id) for a in articles], [], ["synthetic"], 0)
                t_write = time.perf_counter() - t0
            with Store(db, Settings(progress=False)) as store:
                t0 = time.perf_counter()
                items = store.grouping_items()
                t_read = time.perf_counter() - t0
                t0 = time.perf_counter()
                stories = assemble(items)
                t_group = time.perf_counter() - t0
            size_mb = db.stat().st_size / 2**20
        rows.append(
            {
                "articles": n,
                "stories": len(stories),
                "write_seconds": round(t_write, 2),
                "read_profiles_seconds": round(t_read, 2),
                "group_seconds": round(t_group, 2),
                "store_mb": round(size_mb, 1),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    xs = np.log([r["articles"] for r in rows])
    total = np.log([r["read_profiles_seconds"] + r["group_seconds"] for r in rows])
    return {"sizes": rows, "regroup_time_exponent": round(float(np.polyfit(xs, total, 1)[0]), 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=10, help="every N-th ECB+ document arrives late")
    ap.add_argument("--scale", action="store_true", help="regrouping cost of large stores")
    args = ap.parse_args()
    if not ECB.exists() or not SEEDS.exists():
        print(f"skipped: {ECB} or {SEEDS} is absent (they live in ../shared beside the checkout)")
        return 0
    if args.scale:
        result = scale([2500, 5000, 10000, 20000])
        SCALE_OUT.parent.mkdir(parents=True, exist_ok=True)
        SCALE_OUT.write_text(json.dumps(result, indent=2))
        print(f"regrouping time exponent {result['regroup_time_exponent']} -> {SCALE_OUT}")
        return 0
    import consilience
    from consilience.settings import Settings
    from consilience.store import Store, story_key

    settings = {"reference_date": date(2026, 11, 22), "progress": False}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        early, late, n_early, n_late = split_inputs(folder, args.every)
        consilience.analyze([late[-1]], **settings)  # warm-up: load the models
        t0 = time.perf_counter()
        batch = consilience.analyze(early + late, **settings)
        t_batch = time.perf_counter() - t0
        db = folder / "news.db"
        t0 = time.perf_counter()
        first = consilience.analyze(early, into=db, **settings)
        t_first = time.perf_counter() - t0
        t0 = time.perf_counter()
        added = consilience.analyze(late, into=db, **settings)
        t_add = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = consilience.analyze([], into=db, **settings)
        t_report = time.perf_counter() - t0
        before = {story_key(s.articles) for s in first.stories}
        rerun = sum(story_key(s.articles) not in before for s in added.stories)
        size_mb = db.stat().st_size / 2**20
        with Store(db, Settings(**settings)) as store:
            runs = store.runs()
    identical = comparable(added) == comparable(batch) == comparable(again)
    result = {
        "articles_early": n_early,
        "articles_late": n_late,
        "seconds": {
            "batch_all": round(t_batch, 2),
            "store_early": round(t_first, 2),
            "store_add_late": round(t_add, 2),
            "store_report_only": round(t_report, 2),
        },
        "add_vs_batch": round(t_add / t_batch, 3),
        "stories": len(added.stories),
        "stories_reanalysed_by_add": rerun,
        "identical_to_batch": identical,
        "runs": [{k: r[k] for k in ("added", "unchanged", "skipped")} for r in runs],
        "store_mb": round(size_mb, 1),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(
        f"{n_early} articles, then {n_late} more: batch over all {t_batch:.1f} s; adding the "
        f"late ones to the store {t_add:.1f} s ({result['add_vs_batch']} of batch), "
        f"{rerun} of {len(added.stories)} stories re-analysed; report identical to batch: "
        f"{identical} -> {OUT}"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
