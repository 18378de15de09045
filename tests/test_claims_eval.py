"""The hand labels of the claims evaluation (tests/data/claims_eval/ecbplus.json) are
well-formed against the ECB+ data, and the scorer of bench/claims_eval.py counts made-up claims
as its docstring says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from consilience.model import Article, Claim, Evidence, SourceRef

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "claims_eval" / "ecbplus.json"
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "docs.jsonl"


@pytest.fixture(scope="module")
def bench():
    """The bench/claims_eval.py module: the evaluation's scorer."""
    spec = importlib.util.spec_from_file_location(
        "bench_claims_eval", ROOT / "bench" / "claims_eval.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not ECB.is_file(), reason="../shared/data/ecbplus-dev is absent")
def test_label_file_is_well_formed(bench):
    labels = json.loads(LABELS.read_text("utf-8"))
    texts, events = {}, {}
    for line in ECB.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
            events[rec["id"]] = rec["event"]
    assert bench.check_labels(labels, texts) == []
    for ev in labels["events"]:
        assert all(events[doc] == ev["event"] for doc in ev["docs"]), ev["event"]
        assert len(ev["docs"]) <= 6
        used = {
            f for entries in ev["lines"].values() for e in entries if isinstance(e, list) for f in e
        }
        assert used == set(ev["facts"]), ev["event"]


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=SourceRef(aid), kind="json", raw_text=text, text=text)


def test_scorer_counts_pairs_support_noise_and_corroboration(bench):
    a = _article("a", "Title line\nFive were hurt on Sunday.\nIt was windy.")
    b = _article("b", "Two were hurt.\nFive people were hurt.")
    event = {
        "docs": ["a", "b"],
        "facts": {"hurt-5": "", "hurt-2": "", "sunday": ""},
        "conflicts": [["hurt-5", "hurt-2"]],
        "lines": {
            "a": ["noise:headline", ["hurt-5", "sunday"], "noise:opinion"],
            "b": [["hurt-2"], ["hurt-5"]],
        },
    }

    def ev(art: Article, phrase: str) -> Evidence:
        start = art.text.index(phrase)
        return Evidence(art.id, start, start + len(phrase))

    claims = [
        Claim(
            "c1",
            "Five were hurt on Sunday.",
            "corroborated",
            2,
            (ev(a, "Five were hurt on Sunday."), ev(b, "Five people were hurt.")),
        ),
        Claim(
            "c2",
            "Two were hurt.",
            "disputed",
            2,
            (ev(b, "Two were hurt."), ev(a, "Five were hurt on Sunday.")),
        ),
        Claim("c3", "It was windy.", "single_source", 1, (ev(a, "It was windy."),)),
    ]
    raw = {"a": a.text, "b": b.text}
    result = bench.score_event(event, [a, b], claims, raw)
    c = result["counts"]
    assert (c["pairs"], c["pairs_same"], c["pairs_strict"]) == (2, 2, 1)
    # c1: text line a:1 asserts hurt-5 and sunday; b:1 states hurt-5 only
    # c2: b:0 asserts hurt-2; a:1 states the other side of the labelled conflict
    assert (c["support_multi_n"], c["support_multi_ok"], c["support_multi_loose"]) == (4, 3, 3)
    assert c["noise_claims"] == 1 and result["noise_kinds"] == {"opinion": 1}
    assert (c["corroborated"], c["corroborated_ok"]) == (1, 1)
    assert (c["gold_pairs"], c["gold_pairs_found"]) == (1, 1)
    assert c.get("unmapped", 0) == 0


ANCHORS = ROOT / "tests" / "data" / "claims_eval" / "ecbplus_anchors.json"


@pytest.mark.skipif(not ECB.is_file(), reason="../shared/data/ecbplus-dev is absent")
def test_anchor_file_covers_every_line_of_several_facts():
    labels = json.loads(LABELS.read_text("utf-8"))
    anchors = json.loads(ANCHORS.read_text("utf-8"))["events"]
    texts = {}
    for line in ECB.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
    count = 0
    for ev in labels["events"]:
        held = anchors[ev["event"]]
        for doc, entries in ev["lines"].items():
            lines = texts[doc].split("\n")
            for i, entry in enumerate(entries):
                if not isinstance(entry, list) or len(entry) < 2:
                    assert str(i) not in held.get(doc, {}), (doc, i)
                    continue
                pieces = held[doc][str(i)]
                assert set(pieces) == set(entry), (doc, i)
                for spans in pieces.values():
                    assert 1 <= len(spans) <= 3
                    assert all(0 <= a < b <= len(lines[i]) for a, b in spans), (doc, i)
                count += 1
    assert count == 150


def test_scorer_takes_the_facts_a_shortened_wording_states(bench):
    a = _article("a", "Title line\nFive were hurt on Sunday.")
    b = _article("b", "Five people were injured.")
    event = {
        "docs": ["a", "b"],
        "facts": {"hurt-5": "", "sunday": ""},
        "conflicts": [],
        "lines": {"a": ["noise:headline", ["hurt-5", "sunday"]], "b": [["hurt-5"]]},
        # "Five were hurt" states hurt-5, "Sunday" the day
        "anchors": {"a": {"1": {"hurt-5": [[0, 14]], "sunday": [[18, 24]]}}},
    }

    def ev(art: Article, phrase: str) -> Evidence:
        start = art.text.index(phrase)
        return Evidence(art.id, start, start + len(phrase))

    passages = (ev(a, "Five were hurt on Sunday."), ev(b, "Five people were injured."))
    raw = {"a": a.text, "b": b.text}
    # worded whole, the claim asserts the day too, which b does not state
    whole = Claim("c1", "Five were hurt on Sunday.", "corroborated", 2, passages)
    c = bench.score_event(event, [a, b], [whole], raw)["counts"]
    assert (c["support_multi_n"], c["support_multi_ok"], c.get("text_part", 0)) == (2, 1, 0)
    # worded without the day, it asserts what both state
    short = Claim("c1", "Five were hurt.", "corroborated", 2, passages)
    c = bench.score_event(event, [a, b], [short], raw)["counts"]
    assert (c["support_multi_n"], c["support_multi_ok"], c["text_part"]) == (2, 2, 1)
    assert c.get("text_inexact", 0) == 0
