"""The multilingual gate: bench/multilingual.py's figures on the real multilingual stories and
MEANTIME (../shared/data) against the floors in bench/gates/multilingual.json; and its scorers
on made-up reports."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from consilience.model import Article, Entity, Ref, Report, Source, SourceRef, Story

ROOT = Path(__file__).resolve().parents[1]
GATES = ROOT / "bench" / "gates" / "multilingual.json"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "bench_multilingual", ROOT / "bench" / "multilingual.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=SourceRef(aid), kind="txt", raw_text=text, text=text)


def test_scorers_on_a_made_up_report(bench):
    arts = (
        _article("s-01", "Lemoine spoke in Dijon."),
        _article("s-02", "لوموان تحدث في ديجون."),
        _article("s-03", "Lemoine a parlé."),
    )
    story = Story(
        id="story-1",
        title="t",
        articles=("s-01", "s-02", "s-03"),
        entities=(
            Entity("e1", "Lemoine", "PERSON", ("Lemoine",), (Ref("s-01", 0, 7), Ref("s-03", 0, 7))),
            Entity("e2", "لوموان", "PERSON", ("لوموان",), (Ref("s-02", 0, 6),)),
        ),
        sources=(Source("src-1", ("s-01", "s-02"), (("s-02", "translation", "s-01"),)),),
    )
    report = Report(articles=arts, skipped=(), stories=(story,))
    gold = {
        "stories": {
            "s": {
                "wire_copies": [
                    {"files": ["texts/s/01.txt", "texts/s/02.txt"]},
                    {"files": ["texts/s/01.txt", "texts/s/03.txt"]},
                ],
                "entities": [
                    {
                        "id": "lemoine",
                        "variants": {
                            "Lemoine": ["texts/s/01.txt", "texts/s/03.txt"],
                            "لوموان": ["texts/s/02.txt"],
                        },
                    }
                ],
            }
        }
    }
    copies = bench.wire_copies(report, gold)
    assert (copies["linked"], copies["pairs"], copies["missed"]) == (1, 2, [["s-01", "s-03"]])
    entities = bench.entity_spellings(report, gold)
    # three mentions of one actor in two predicted entities: precision 1, recall (4+4+1)/9
    assert entities["precision"] == 1.0
    assert entities["recall"] == round(5 / 9, 4)
    assert entities["mentions_found"] == 3


def test_spellings_are_found_whatever_apostrophe_the_gold_writes(bench):
    # cleaning writes a typographic apostrophe as a plain one: "L’Orme" in the gold, "L'Orme"
    # in the article's text, is one spelling
    text = "Rescuers reached L'Orme at dawn."
    spans = [(17, 23, "story-1/e1")]
    assert bench._covering(text, "L’Orme", spans) == "story-1/e1"
    assert bench._covering(text, "Orme", spans) == "story-1/e1"
    assert bench._covering(text, "Dijon", spans) is None


@pytest.mark.shared
def test_gate_holds_on_the_real_multilingual_data(bench, tmp_path, monkeypatch):
    if not (DATA / "multilingual-stories" / "manifest.json").exists():
        pytest.skip("../shared/data/multilingual-stories is absent")
    if not (DATA / "meantime-multilingual" / "docs.jsonl").exists():
        pytest.skip("../shared/data/meantime-multilingual is absent")
    monkeypatch.setattr(bench, "CACHE", tmp_path)
    results = bench.run(use_cache=False, regroup=False)
    floors = json.loads(GATES.read_text("utf-8"))
    assert bench.evaluation.under_floors(bench.measured(results), floors) == []
    # the distractors are other earthquakes and fires: none is ever folded into a big story
    assert results["stories"]["grouping"]["stories"] >= 3 + 10
