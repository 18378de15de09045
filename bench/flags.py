"""Per-article flags against the labelled set tests/data/flags/*.json: precision and recall of
each flag kind, and whether the flagged spans and related articles are the labelled ones.

Datasets (each skipped with a note when its data is absent):
  * ``seeds``: the five seed reports (../shared/seeds), flagged together as one story;
  * ``corpus``: the invented sample corpus shipped with consilience, flagged as one story;
  * ``extraction``: English pages of wire agencies and large newsrooms from the extraction
    benchmark (gold body text), each its own story: negatives for machine_translation and
    low_quality (their ``kinds``).
Every article goes through the real pipeline (consilience.analyze); sources come from
consilience.sources.independence.find_sources; flags from consilience.flags with the
offline gazetteer and the English vocabulary of the spaCy model package.

A labelled item lists the kinds ``expected``; every other kind (of FLAG_KINDS, or of the
dataset's ``kinds``) is expected absent, except those under ``unsure``. A span label
(``start_line_with`` an anchor of at most three words, ``end`` = ``text_end`` or ``end_with``
an anchor) is met when the flag's spans cover the labelled stretch with an intersection over
union of at least 0.9; a ``related`` label when the flag names that article first.

Writes bench/results/flags.json and checks bench/gates/flags.json (floors that only go up);
exits 1 when a figure is under its floor.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "data" / "flags"
OUT = ROOT / "bench" / "results" / "flags.json"
GATES = ROOT / "bench" / "gates" / "flags.json"
EXTRACTION = SHARED / "data" / "extraction-benchmark" / "ground-truth.json"
REFERENCE = date(2026, 11, 22)
SPAN_IOU = 0.9

sys.path.insert(0, str(ROOT / "src"))

from consilience.evaluation import under_floors  # noqa: E402
from consilience.flags import FLAG_KINDS, article_flags  # noqa: E402
from consilience.model import Article, Flag  # noqa: E402
from consilience.sources.independence import find_sources  # noqa: E402

# ----------------------------------------------------------------------------- labels


def load_labels(folder: Path = LABELS) -> dict[str, dict]:
    """Return the labelled datasets by name."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        out[data["dataset"]] = data
    return out


def item_matches(item: Mapping, article: Article) -> bool:
    """True when the labelled ``item`` names ``article`` (by seed key, corpus file, or id)."""
    if "key" in item:
        return Path(article.source.path).name[:3] == item["key"]
    if "file" in item:
        return (
            Path(article.source.path).name == item["file"]
            and article.source.line == item.get("line")
            and article.source.entry == item.get("entry")
        )
    return article.id == item["id"]


def find_article(item: Mapping, articles: Sequence[Article]) -> Article:
    found = [a for a in articles if item_matches(item, a)]
    if len(found) != 1:
        raise LookupError(f"labelled item {item} matches {len(found)} articles")
    return found[0]


# ----------------------------------------------------------------------------- scoring


def labelled_span(spec: Mapping, text: str) -> tuple[int, int]:
    """Return the (start, end) a span label describes in ``text``."""
    anchor = spec["start_line_with"]
    pos = text.index(anchor)
    start = text.rfind("\n", 0, pos) + 1
    if spec.get("end") == "text_end":
        end = len(text.rstrip())
    else:
        tail = spec["end_with"]
        end = text.index(tail, pos) + len(tail)
    return start, end


def iou(spans: Sequence[tuple[int, int]], target: tuple[int, int]) -> float:
    """Intersection over union of the union of ``spans`` with ``target``."""
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    want = set(range(*target))
    union = covered | want
    return len(covered & want) / len(union) if union else 0.0


def score_dataset(
    data: Mapping, articles: Sequence[Article], flags: Mapping[str, Sequence[Flag]]
) -> dict:
    """Return counts per kind (tp, fp, fn, tn), the span and related checks, and the errors."""
    kinds = tuple(data.get("kinds", FLAG_KINDS))
    counts = {k: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for k in kinds}
    checks = {"span_ok": 0, "span_total": 0, "related_ok": 0, "related_total": 0}
    errors = []
    for item in data["items"]:
        article = find_article(item, articles)
        got = {f.kind: f for f in flags.get(article.id, ())}
        name = item.get("key") or item.get("file") or item["id"][:12]
        for kind in kinds:
            if kind in item.get("unsure", ()):
                continue
            want, have = kind in item["expected"], kind in got
            cell = ("tp" if have else "fn") if want else ("fp" if have else "tn")
            counts[kind][cell] += 1
            if cell in ("fp", "fn"):
                errors.append(f"{data['dataset']}:{name}: {cell} {kind}")
        for kind, spec in item.get("spans", {}).items():
            checks["span_total"] += 1
            target = labelled_span(spec, article.text)
            overlap = iou(got[kind].spans, target) if kind in got else 0.0
            if overlap >= SPAN_IOU:
                checks["span_ok"] += 1
            else:
                errors.append(f"{data['dataset']}:{name}: {kind} span IoU {overlap:.2f}")
        for kind, spec in item.get("related", {}).items():
            checks["related_total"] += 1
            other = find_article(spec, articles)
            if kind in got and got[kind].related[:1] == (other.id,):
                checks["related_ok"] += 1
            else:
                errors.append(f"{data['dataset']}:{name}: {kind} does not name {other.id}")
    return {"counts": counts, **checks, "errors": errors}


def summarise(results: Mapping[str, dict]) -> dict:
    """Return micro precision / recall over the given datasets, per kind and overall, and the
    span and related check rates (1.0 when there is nothing to check)."""
    total: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    checks = defaultdict(int)
    for res in results.values():
        for kind, c in res["counts"].items():
            for cell, n in c.items():
                total[kind][cell] += n
        for key in ("span_ok", "span_total", "related_ok", "related_total"):
            checks[key] += res[key]
    out: dict[str, float | int] = {}
    all_cells = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for kind, c in sorted(total.items()):
        for cell in all_cells:
            all_cells[cell] += c[cell]
        out[f"{kind}_precision"] = _ratio(c["tp"], c["tp"] + c["fp"])
        out[f"{kind}_recall"] = _ratio(c["tp"], c["tp"] + c["fn"])
    out["precision"] = _ratio(all_cells["tp"], all_cells["tp"] + all_cells["fp"])
    out["recall"] = _ratio(all_cells["tp"], all_cells["tp"] + all_cells["fn"])
    out["specificity"] = _ratio(all_cells["tn"], all_cells["tn"] + all_cells["fp"])
    out["span_ok"] = _ratio(checks["span_ok"], checks["span_total"])
    out["related_ok"] = _ratio(checks["related_ok"], checks["related_total"])
    out["decisions"] = sum(all_cells.values())
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def flags_for(articles: Sequence[Article], one_story: bool = True) -> dict[str, tuple[Flag, ...]]:
    """Return the flags of ``articles``: all as one story, or each article as its own."""
    gazetteer = _gazetteer()
    if one_story:
        return article_flags(articles, find_sources(articles), gazetteer=gazetteer)
    out = {}
    for a in articles:
        out.update(article_flags([a], find_sources([a]), gazetteer=gazetteer))
    return out


def _gazetteer():  # noqa: ANN202
    from consilience.gazetteer import Gazetteer
    from consilience.settings import Settings

    return Gazetteer.open(Settings())


# ----------------------------------------------------------------------------- data


def seed_articles() -> list[Article] | None:
    import consilience

    seeds = SHARED / "seeds"
    if not seeds.exists():
        return None
    return list(consilience.analyze([seeds], reference_date=REFERENCE, progress=False).articles)


def corpus_articles() -> list[Article]:
    import consilience
    from consilience.sample import corpus_files

    return list(
        consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False).articles
    )


def extraction_articles(ids: Sequence[str]) -> list[Article] | None:
    import consilience

    if not EXTRACTION.exists():
        return None
    gold = json.loads(EXTRACTION.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for k in ids:
                fh.write(json.dumps({"id": k, "text": gold[k]["articleBody"]}) + "\n")
        report = consilience.analyze([path], reference_date=REFERENCE, progress=False)
    return list(report.articles)


def run() -> dict:
    labels = load_labels()
    results: dict[str, dict] = {}
    notes = []
    for name, data in labels.items():
        if name == "seeds":
            articles, one_story = seed_articles(), True
        elif name == "corpus":
            articles, one_story = corpus_articles(), True
        else:
            articles, one_story = extraction_articles([i["id"] for i in data["items"]]), False
        if articles is None:
            notes.append(f"{name}: data absent, skipped")
            continue
        results[name] = score_dataset(data, articles, flags_for(articles, one_story))
    stories = {k: v for k, v in results.items() if k in ("seeds", "corpus")}
    report = {
        "stories": summarise(stories),
        "negatives": summarise({k: v for k, v in results.items() if k not in stories}),
        "datasets": results,
        "notes": notes,
    }
    return report


def check_gates(report: Mapping, gates: Mapping) -> list[str]:
    """Return the figures under their floors (``gates``: {group: {figure: floor}})."""
    return [
        f"{group}.{line}"
        for group, floors in gates.items()
        if not group.startswith("_")
        for line in under_floors(report.get(group, {}), floors)
    ]


def main() -> int:
    report = run()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(json.dumps({k: report[k] for k in ("stories", "negatives", "notes")}, indent=1))
    for res in report["datasets"].values():
        for err in res["errors"]:
            print("  error:", err)
    failed = check_gates(report, json.loads(GATES.read_text("utf-8")))
    for f in failed:
        print("UNDER FLOOR:", f)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
