"""Claims gate: verdicts of consilience.verdicts.analyze_story against the labelled facts in
tests/data/claims/*.json.

Datasets (each skipped with a note when its data is absent):
  * ``seeds``: the five seed reports (../shared/seeds), one story;
  * ``sample``: the invented sample corpus shipped with consilience, one story.
Every article goes through the real pipeline (consilience.analyze). The story-level inputs are
built as the story stages build them: sources from consilience.sources.independence
(find_sources), entities from consilience.resolve (resolve_story), flags from
consilience.flags (article_flags); any of them missing is left empty.

A labelled fact names its anchors (article key + a phrase of at most three words, or a figure
as written, located in the article at run time). Its claim is the claim whose evidence spans
hold most of its anchors (ties: the claim with the larger share of evidence items holding an
anchor, then the lowest id).
Scores, over the labelled facts of all datasets:
  * precision and recall of ``disputed`` and of ``corroborated``;
  * ``aligned``: share of facts whose anchors all lie in that one claim;
  * ``status_accuracy``: share of facts given their labelled status;
  * ``conflict_ok``: share of disputed facts whose claim shows the labelled conflict kind;
  * ``sources_ok``: share of facts with a labelled source count that get that count;
  * ``apart_ok``: share of labelled ``apart`` pairs (two statements of two articles that
    report different facts) that no claim holds together in its evidence: the precision side
    of alignment, which the facts alone do not test.

Writes bench/results/claims.json and checks bench/gates/claims.json (floors that only go up);
exits 1 when a figure is under its floor.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "data" / "claims"
OUT = ROOT / "bench" / "results" / "claims.json"
GATES = ROOT / "bench" / "gates" / "claims.json"
REFERENCE = date(2026, 11, 22)
SCORED = ("disputed", "corroborated")

sys.path.insert(0, str(ROOT / "src"))

from consilience.evaluation import under_floors  # noqa: E402
from consilience.model import Article, Claim, Entity, Source  # noqa: E402
from consilience.verdicts import analyze_story  # noqa: E402

# ----------------------------------------------------------------------------- labels


def load_labels(folder: Path = LABELS) -> dict[str, dict]:
    """Return the labelled datasets by name."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        out[data["dataset"]] = data
    return out


def article_key(article: Article, dataset: str) -> str:
    """Return the key a labelled set uses for an article: the seed file's first three
    characters, else its file name with ':line' or '#entryN'."""
    name = Path(article.source.path).name
    if dataset == "seeds":
        return name[:3]
    if article.source.line is not None:
        return f"{name}:{article.source.line}"
    if article.source.entry is not None:
        return f"{name}#entry{article.source.entry}"
    return name


def locate(anchor: Sequence, by_key: Mapping[str, Article]) -> tuple[str, int, int]:
    """Return (article id, start, end) of a labelled anchor; raise KeyError when the article
    or the phrase is missing (the labels no longer fit the data)."""
    key, phrase = anchor[0], anchor[1]
    nth = anchor[2] if len(anchor) > 2 else 1
    article = by_key[key]
    pos = -1
    for _ in range(nth):
        pos = article.text.find(phrase, pos + 1)
        if pos < 0:
            raise KeyError(f"anchor {phrase!r} not found in {key}")
    return article.id, pos, pos + len(phrase)


# ----------------------------------------------------------------------------- scoring


def claim_for(
    spots: Sequence[tuple[str, int, int]], claims: Sequence[Claim]
) -> tuple[Claim | None, int]:
    """Return the claim whose evidence holds most anchors, and how many it holds."""
    best, best_key = None, None
    for claim in claims:
        held = sum(
            1
            for aid, s, _ in spots
            if any(ev.article == aid and ev.start <= s < ev.end for ev in claim.evidence)
        )
        if not held:
            continue
        holding = sum(
            1
            for ev in claim.evidence
            if any(ev.article == aid and ev.start <= s < ev.end for aid, s, _ in spots)
        )
        key = (-held, -holding / len(claim.evidence), int(claim.id[1:]))
        if best_key is None or key < best_key:
            best, best_key = claim, key
    return best, (-best_key[0] if best_key else 0)


def score_dataset(
    labels: Mapping, articles: Sequence[Article], claims: Sequence[Claim]
) -> list[dict]:
    """Return one result per labelled fact."""
    by_key = {article_key(a, labels["dataset"]): a for a in articles}
    out = []
    for fact in labels["facts"]:
        spots = [locate(anchor, by_key) for anchor in fact["anchors"]]
        claim, held = claim_for(spots, claims)
        result = {
            "id": fact["id"],
            "label": fact["status"],
            "status": claim.status if claim else None,
            "claim": claim.id if claim else None,
            "aligned": claim is not None and held == len(spots),
            "sources": claim.independent_sources if claim else None,
        }
        if "sources" in fact:
            result["sources_ok"] = result["sources"] == fact["sources"]
        if "conflict" in fact:
            kinds = {c.kind for c in claim.conflicts} if claim else set()
            result["conflict_ok"] = fact["conflict"] in kinds
        out.append(result)
    return out


def score_apart(
    labels: Mapping, articles: Sequence[Article], claims: Sequence[Claim]
) -> list[dict]:
    """Return one result per labelled ``apart`` pair: ``ok`` when no claim's evidence holds
    both of its anchors."""
    by_key = {article_key(a, labels["dataset"]): a for a in articles}
    out = []
    for pair in labels.get("apart", ()):
        spots = [locate(anchor, by_key) for anchor in pair["anchors"]]
        together = [
            c.id
            for c in claims
            if all(
                any(ev.article == aid and ev.start <= s < ev.end for ev in c.evidence)
                for aid, s, _ in spots
            )
        ]
        out.append({"id": pair["id"], "ok": not together, "claims": together})
    return out


def summarise(results: Sequence[dict], apart: Sequence[dict] = ()) -> dict:
    """Return the gate figures over all scored facts and ``apart`` pairs."""
    out: dict[str, float] = {}
    for status in SCORED:
        predicted = [r for r in results if r["status"] == status]
        labelled = [r for r in results if r["label"] == status]
        hit = [r for r in labelled if r["status"] == status]
        out[f"{status}_precision"] = _ratio(len(hit), len(predicted))
        out[f"{status}_recall"] = _ratio(len(hit), len(labelled))
    out["aligned"] = _ratio(sum(r["aligned"] for r in results), len(results))
    out["status_accuracy"] = _ratio(sum(r["status"] == r["label"] for r in results), len(results))
    conflict = [r for r in results if "conflict_ok" in r]
    out["conflict_ok"] = _ratio(sum(r["conflict_ok"] for r in conflict), len(conflict))
    sources = [r for r in results if "sources_ok" in r]
    out["sources_ok"] = _ratio(sum(r["sources_ok"] for r in sources), len(sources))
    out["apart_ok"] = _ratio(sum(r["ok"] for r in apart), len(apart))
    return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


# ----------------------------------------------------------------------------- data


def story_inputs(
    articles: Sequence[Article],
) -> tuple[list[Article], tuple[Entity, ...], tuple[Source, ...]]:
    """Return the articles (with their flags), the entities and the sources of one story, as
    the story stages compute them; each is left empty when its module is absent."""
    try:
        from consilience.sources.independence import find_sources

        sources = tuple(find_sources(articles))
    except ImportError:
        sources = ()
    gazetteer = _gazetteer()
    entities: tuple[Entity, ...] = ()
    try:
        from consilience.resolve import resolve_story

        if gazetteer is not None:
            entities = tuple(resolve_story(articles, gazetteer))
    except ImportError:
        pass
    articles = list(articles)
    try:
        from consilience.flags import article_flags

        flags = article_flags(articles, sources, gazetteer=gazetteer)
        articles = [
            replace(a, flags=flags.get(a.id, a.flags)) if not a.flags else a for a in articles
        ]
    except ImportError:
        pass
    return articles, entities, sources


@lru_cache(maxsize=1)
def _gazetteer():  # noqa: ANN202
    try:
        from consilience.gazetteer import Gazetteer
        from consilience.settings import Settings

        return Gazetteer.open(Settings())
    except Exception:  # the gate still runs, without places
        return None


def seed_articles() -> list[Article] | None:
    import consilience

    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        return None
    return list(consilience.analyze([seeds], reference_date=REFERENCE, progress=False).articles)


def sample_articles() -> list[Article]:
    import consilience
    from consilience.sample import corpus_files

    return list(
        consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False).articles
    )


def evaluate(datasets: Mapping[str, Sequence[Article]], labels: Mapping[str, dict]) -> dict:
    """Return the per-fact results and the summary for the given datasets' articles."""
    results: dict[str, list[dict]] = {}
    apart: dict[str, list[dict]] = {}
    for name, articles in datasets.items():
        arts, entities, sources = story_inputs(articles)
        claims = analyze_story(arts, entities, sources, gazetteer=_gazetteer())
        results[name] = score_dataset(labels[name], arts, claims)
        apart[name] = score_apart(labels[name], arts, claims)
    every = [r for rs in results.values() for r in rs]
    pairs = [r for rs in apart.values() for r in rs]
    return {"summary": summarise(every, pairs), "facts": results, "apart": apart}


def run() -> dict:
    labels = load_labels()
    datasets: dict[str, Sequence[Article]] = {}
    notes = []
    seeds = seed_articles()
    if seeds is None:
        notes.append("seeds skipped: ../shared/seeds is absent")
    else:
        datasets["seeds"] = seeds
    datasets["sample"] = sample_articles()
    report = evaluate(datasets, labels)
    report["notes"] = notes
    return report


def check_gates(summary: Mapping[str, float], gates: Mapping) -> list[str]:
    """Return a line per figure under its floor."""
    return under_floors(summary, gates)


def main() -> int:
    report = run()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(json.dumps(report["summary"], indent=2))
    for name, facts in report["facts"].items():
        for r in facts:
            if r["status"] != r["label"] or not r["aligned"]:
                print(
                    f"  {name}/{r['id']}: labelled {r['label']}, got {r['status']} "
                    f"({r['claim']}, aligned={r['aligned']})"
                )
    for name, pairs in report["apart"].items():
        for r in pairs:
            if not r["ok"]:
                print(f"  {name}/{r['id']}: labelled apart, together in {', '.join(r['claims'])}")
    failures = check_gates(report["summary"], json.loads(GATES.read_text("utf-8")))
    for line in failures:
        print("UNDER FLOOR", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
