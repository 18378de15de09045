"""One story in every language: grouping, wire copies, translations and entity spellings across
languages, on real multilingual news.

Default run (writes bench/results/multilingual.json, checks bench/gates/multilingual.json, exits 1
when a figure is under its floor):

* ``../shared/data/multilingual-stories``: 90 real articles (three events in seven languages and
  17 distractors about other earthquakes and fires), read through the real pipeline
  (``consilience.analyze`` on a JSON-lines file with each file's text, outlet, url and publication
  date from the manifest; the language is NOT given: the pipeline detects it). Figures:
  story grouping B-cubed P/R/F1 over the gold story (each distractor its own event), how many
  distractors share a story with nothing else, wire copies linked (a gold ``wire_copies`` pair
  lies in one independent source of the report), entity spellings (B-cubed over the gold
  ``entities``' (spelling, file) mentions: the report entity with a mention overlapping that
  spelling in that file; a spelling no entity covers is a singleton).
* ``../shared/data/meantime-multilingual``: 480 documents (120 English articles and their
  Spanish, Italian and Dutch translations): story B-cubed over the English article each
  document is or translates, and translations linked (a translation in one source with its
  original).

``--regroup`` re-forms the stories from the cached annotated articles only (no copies or entity
figures): for working on grouping. Caches live under bench/results/.cache, keyed by the data
and the code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
STORIES = SHARED / "multilingual-stories"
MEANTIME = SHARED / "meantime-multilingual" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "multilingual.json"
CACHE = ROOT / "bench" / "results" / ".cache"
GATES = ROOT / "bench" / "gates" / "multilingual.json"

sys.path.insert(0, str(ROOT / "src"))

from consilience import evaluation  # noqa: E402
from consilience.model import Report  # noqa: E402


def _file_id(name: str) -> str:
    """'texts/mexico2017/02.txt' -> 'mexico2017-02'."""
    parts = Path(name).parts
    return f"{parts[-2]}-{Path(parts[-1]).stem}"


def stories_docs() -> tuple[list[dict], dict[str, str]]:
    """Return the multilingual-stories records (for the pipeline) and the gold label of each."""
    manifest = json.loads((STORIES / "manifest.json").read_text("utf-8"))
    docs, gold = [], {}
    for entry in manifest:
        fid = _file_id(entry["file"])
        record = {"id": fid, "text": (STORIES / entry["file"]).read_text("utf-8")}
        for key in ("url", "outlet", "published"):
            if entry.get(key):
                record[key] = entry[key]
        docs.append(record)
        gold[fid] = entry["story"] if entry["story"] != "distractor" else fid
    return docs, gold


def meantime_docs() -> tuple[list[dict], dict[str, str]]:
    """Return the MEANTIME records (id, text) and the English article each one is or translates."""
    docs, gold = [], {}
    for line in MEANTIME.read_text("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"]})
            gold[d["id"]] = d["event"]
    return docs, gold


def _code_hash() -> str:
    h = hashlib.sha256()
    for path in sorted((ROOT / "src" / "consilience").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".tsv", ".txt"):
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def analysed(name: str, docs: list[dict], use_cache: bool) -> Report:
    """Return the report of ``docs`` from the real pipeline, cached by data and code."""
    key = hashlib.sha256(json.dumps(docs).encode() + _code_hash().encode()).hexdigest()[:16]
    path = CACHE / f"multilingual-{name}-{key}.pkl"
    if use_cache and path.exists():
        return pickle.loads(path.read_bytes())
    import consilience

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        report = consilience.analyze([source], progress=False)
    if len(report.articles) != len(docs):
        raise SystemExit(f"{name}: pipeline kept {len(report.articles)} of {len(docs)} documents")
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(report))
    return report


def latest_cached(name: str) -> Report | None:
    """Return the newest cached report of ``name`` (any code version), or None."""
    found = sorted(CACHE.glob(f"multilingual-{name}-*.pkl"), key=lambda p: p.stat().st_mtime)
    return pickle.loads(found[-1].read_bytes()) if found else None


def with_gists(name: str, articles: Iterable) -> list:
    """Return ``articles`` with their gists computed now (cached by gist text): for --regroup
    on a cache made before the gist existed or changed."""
    import dataclasses

    from consilience.annotate import gist

    articles = list(articles)
    texts = [gist.gist_text(a) for a in articles]
    key = hashlib.sha256(json.dumps(texts).encode()).hexdigest()[:16]
    path = CACHE / f"gists-{name}-{key}.json"
    if path.exists():
        packed = json.loads(path.read_text("utf-8"))
    else:
        packed = gist.gists(articles, gist.SentenceEncoder(threads=2))
        path.write_text(json.dumps(packed), "utf-8")
    return [
        dataclasses.replace(a, annotations=dataclasses.replace(a.annotations, gist=g))
        for a, g in zip(articles, packed, strict=True)
    ]


# ----------------------------------------------------------------------------- scoring


def labels_of(stories: Iterable[Iterable[str]]) -> dict[str, str]:
    """Return {article id: story number} for stories given as lists of article ids."""
    return {a: str(n) for n, members in enumerate(stories) for a in members}


def grouping(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Return B-cubed precision, recall and F1 of ``predicted`` against ``gold`` labels."""
    p, r, f = evaluation.bcubed(gold, predicted)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def source_of(report: Report) -> dict[str, str]:
    """Return {article id: independent source id} (an article no source names is its own)."""
    out = {a.id: a.id for a in report.articles}
    for story in report.stories:
        for source in story.sources:
            for article in source.articles:
                out[article] = f"{story.id}/{source.id}"
    return out


def story_figures(report: Report, gold: dict[str, str], distractors: bool) -> dict:
    """Grouping figures; with ``distractors`` (gold label = own id marks one), how many of
    them share a story with nothing else."""
    predicted = labels_of(s.articles for s in report.stories)
    figures = grouping(predicted, gold)
    if distractors:
        figures["distractors_alone"] = _alone(predicted, gold)
        figures["distractors"] = sum(1 for a, g in gold.items() if g == a)
    figures["stories"] = len(report.stories)
    figures["untitled"] = sum(1 for s in report.stories if not s.title)
    figures["languages"] = _languages(report)
    return figures


def _alone(predicted: dict[str, str], gold: dict[str, str]) -> int:
    """Return how many distractors (gold label = their own id) share a story with nothing else."""
    sizes: dict[str, int] = {}
    for label in predicted.values():
        sizes[label] = sizes.get(label, 0) + 1
    return sum(1 for a, g in gold.items() if g == a and sizes[predicted[a]] == 1)


def _languages(report: Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in report.articles:
        counts[a.language or "none"] = counts.get(a.language or "none", 0) + 1
    return dict(sorted(counts.items()))


def wire_copies(report: Report, gold_json: dict) -> dict:
    source = source_of(report)
    pairs = []
    for story in gold_json["stories"].values():
        for copy in story["wire_copies"]:
            ids = [_file_id(f) for f in copy["files"]]
            pairs.append((ids, len({source[i] for i in ids}) == 1))
    linked = sum(ok for _, ok in pairs)
    return {
        "linked": linked,
        "pairs": len(pairs),
        "share": round(linked / len(pairs), 4),
        "missed": [ids for ids, ok in pairs if not ok],
    }


def entity_spellings(report: Report, gold_json: dict) -> dict:
    """B-cubed over gold (spelling, file) mentions: the predicted cluster of one is the report
    entity with a mention overlapping an occurrence of that spelling in that file (the entity
    a reader sees there; span boundaries aside); a spelling no entity covers is a singleton."""
    texts = {a.id: a.text for a in report.articles}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for story in report.stories:
        for entity in story.entities:
            for ref in entity.mentions:
                spans.setdefault(ref.article, []).append(
                    (ref.start, ref.end, f"{story.id}/{entity.id}")
                )
    predicted: dict[tuple, str] = {}
    gold: dict[tuple, str] = {}
    found = 0
    for story in gold_json["stories"].values():
        for entity in story["entities"]:
            for spelling, files in entity["variants"].items():
                for f in files:
                    fid = _file_id(f)
                    got = _covering(texts.get(fid, ""), spelling, spans.get(fid, []))
                    found += got is not None
                    item = (entity["id"], spelling, fid)
                    predicted[item] = got or f"none/{fid}/{spelling}"
                    gold[item] = entity["id"]
    p, r, f1 = evaluation.bcubed(gold, predicted)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "mentions": len(gold),
        "mentions_found": found,
    }


def _covering(text: str, spelling: str, spans: list[tuple[int, int, str]]) -> str | None:
    """Return the entity of the first mention overlapping an occurrence of ``spelling`` in
    ``text`` (case-insensitive), or None."""
    # typographic apostrophes and quotes as cleaning writes them (one character each, so
    # offsets stay): the gold spells names as the raw page does ("L’X"), the text is cleaned
    low, needle = _plain_quotes(text.casefold()), _plain_quotes(spelling.casefold())
    at = low.find(needle)
    while at >= 0:
        end = at + len(needle)
        for s, e, entity in sorted(spans):
            if s < end and at < e:
                return entity
        at = low.find(needle, at + 1)
    return None


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _plain_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def translations(report: Report, gold: dict[str, str]) -> dict:
    source = source_of(report)
    linked = total = 0
    for doc, event in gold.items():
        if not doc.startswith("en/"):
            total += 1
            linked += source.get(doc) == source.get(event if event in source else "en/" + event)
    return {"linked": linked, "translations": total, "share": round(linked / max(total, 1), 4)}


# ----------------------------------------------------------------------------- main


def run(use_cache: bool, regroup: bool) -> dict:
    from consilience import stories as story_grouping

    results: dict = {}
    docs, gold = stories_docs()
    mdocs, mgold = meantime_docs()
    # MEANTIME events name the English article: map each to the English document's id.
    english = {d["id"].split("/", 1)[1]: d["id"] for d in mdocs if d["id"].startswith("en/")}
    mgold = {d: english.get(e, e) for d, e in mgold.items()}
    for name, records, labels in (("stories", docs, gold), ("meantime", mdocs, mgold)):
        start = time.perf_counter()
        if regroup:
            report = latest_cached(name)
            if report is None:
                raise SystemExit(f"--regroup: no cached {name} report; run once without it")
            found = story_grouping.group(with_gists(name, report.articles))
            predicted = labels_of(s.articles for s in found)
            results[name] = {"grouping": grouping(predicted, labels), "stories": len(found)}
            if name == "stories":
                results[name]["distractors_alone"] = _alone(predicted, labels)
        else:
            report = analysed(name, records, use_cache)
            results[name] = {"grouping": story_figures(report, labels, name == "stories")}
            if name == "stories":
                gold_json = json.loads((STORIES / "gold.json").read_text("utf-8"))
                results[name]["wire_copies"] = wire_copies(report, gold_json)
                results[name]["entities"] = entity_spellings(report, gold_json)
            else:
                results[name]["translations"] = translations(report, labels)
        results[name]["seconds"] = round(time.perf_counter() - start, 2)
    return results


def measured(results: dict) -> dict[str, float | None]:
    """The figures the gate checks."""
    s, m = results["stories"], results["meantime"]
    return {
        "stories_f1": s["grouping"]["f1"],
        "stories_distractors_alone": s["grouping"].get("distractors_alone"),
        "wire_copies_share": s.get("wire_copies", {}).get("share"),
        "entities_f1": s.get("entities", {}).get("f1"),
        "meantime_f1": m["grouping"]["f1"],
        "meantime_recall": m["grouping"]["recall"],
        "meantime_translations_share": m.get("translations", {}).get("share"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-cache", action="store_true", help="annotate again")
    parser.add_argument("--regroup", action="store_true", help="grouping only, from the cache")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    missing = [p for p in (STORIES / "manifest.json", MEANTIME) if not p.exists()]
    if missing:
        print(f"skipped: {', '.join(map(str, missing))} not found (../shared is absent)")
        return 0
    results = run(not args.no_cache, args.regroup)
    figures = measured(results)
    results["measured"] = figures
    print(json.dumps(results, indent=1, ensure_ascii=False))
    if args.regroup:
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if GATES.exists():
        floors = json.loads(GATES.read_text("utf-8"))
        low = evaluation.under_floors(figures, floors)
        if low:
            print("under the floor: " + "; ".join(low))
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
