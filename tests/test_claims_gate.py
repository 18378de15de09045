"""The claims gate: the scorer of bench/claims.py on the labelled facts (tests/data/claims),
asserted against the floors in bench/gates/claims.json; and the scorer itself on made-up
claims."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from consilience.model import Claim, Evidence

ROOT = Path(__file__).resolve().parents[1]
GATES = ROOT / "bench" / "gates" / "claims.json"
FLOORS = ("disputed_precision", "disputed_recall", "corroborated_precision", "corroborated_recall")


@pytest.fixture(scope="module")
def bench():
    """The bench/claims.py module: the gate's scorer."""
    spec = importlib.util.spec_from_file_location("bench_claims", ROOT / "bench" / "claims.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_floors_file_names_the_scored_figures():
    gates = json.loads(GATES.read_text("utf-8"))
    assert set(FLOORS) <= set(gates)
    assert all(0.0 <= gates[k] <= 1.0 for k in gates if not k.startswith("_"))


def test_gate_holds_on_the_labelled_facts(bench, seed_articles):
    import consilience
    from consilience.sample import corpus_files

    sample = consilience.analyze(
        corpus_files(), reference_date=bench.REFERENCE, progress=False
    ).articles
    report = bench.evaluate(
        {"seeds": list(seed_articles.values()), "sample": list(sample)}, bench.load_labels()
    )
    gates = json.loads(GATES.read_text("utf-8"))
    assert bench.check_gates(report["summary"], gates) == []
    assert len(report["facts"]["seeds"]) == 21
    assert len(report["facts"]["sample"]) == 11


def _claim(cid: str, status: str, *spans: tuple[str, int, int]) -> Claim:
    return Claim(
        id=cid,
        text="t",
        status=status,
        independent_sources=1,
        evidence=tuple(Evidence(article=a, start=s, end=e) for a, s, e in spans),
    )


def test_scorer_picks_the_claim_holding_most_anchors(bench):
    claims = [
        _claim("c1", "corroborated", ("x", 0, 50), ("y", 0, 50)),
        _claim("c2", "disputed", ("x", 0, 50), ("y", 0, 50), ("y", 60, 90)),
        _claim("c3", "single_source", ("x", 0, 10)),
    ]
    spots = [("x", 5, 9), ("y", 70, 75)]
    claim, held = bench.claim_for(spots, claims)
    assert (claim.id, held) == ("c2", 2)
    claim, held = bench.claim_for([("x", 5, 9)], claims)
    assert (claim.id, held) == ("c3", 1)  # every evidence item of c3 holds the anchor
    assert bench.claim_for([("z", 0, 1)], claims) == (None, 0)


def test_summary_counts_precision_and_recall(bench):
    results = [
        {"label": "disputed", "status": "disputed", "aligned": True},
        {"label": "disputed", "status": "corroborated", "aligned": True},
        {"label": "corroborated", "status": "corroborated", "aligned": False},
        {"label": "single_source", "status": "disputed", "aligned": True},
    ]
    summary = bench.summarise(results)
    assert summary["disputed_precision"] == 0.5
    assert summary["disputed_recall"] == 0.5
    assert summary["corroborated_precision"] == 0.5
    assert summary["corroborated_recall"] == 1.0
    assert summary["aligned"] == 0.75
    assert summary["status_accuracy"] == 0.5


def test_anchor_missing_from_its_article_is_an_error(bench):
    from consilience.model import Article, SourceRef

    article = Article(id="a", source=SourceRef("x.txt"), kind="txt", raw_text="", text="abc abc")
    assert bench.locate(["x.txt", "abc", 2], {"x.txt": article}) == ("a", 4, 7)
    with pytest.raises(KeyError):
        bench.locate(["x.txt", "zzz"], {"x.txt": article})
