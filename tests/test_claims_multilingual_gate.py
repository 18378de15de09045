"""The multilingual claims gate: bench/claims_multilingual.py's scorer on a made-up report and
gold (exact figures), and its floors file. The real pipeline is not run here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from consilience.model import (
    Article,
    Claim,
    Conflict,
    Evidence,
    Report,
    SourceRef,
    Story,
)

ROOT = Path(__file__).resolve().parents[1]
GATES = ROOT / "bench" / "gates" / "claims_multilingual.json"
FIGURES = (
    "conflicts_found",
    "updates_labelled",
    "apparent_not_disputed",
    "corroborated_found",
    "meantime_figures_same_claim",
)

TEXTS = {
    "s-01": "About 400 firefighters fought the fire. The toll rose to 18. Spire 93 m.",
    "s-02": "Più di 500 pompieri. Il bilancio è salito a 37 morti. Guglia di 93 metri.",
    "s-03": "زهاء ٤٠٠ إطفائي. The spire was 93 metres high. In 2018 it was 18 years old.",
}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "bench_claims_multilingual", ROOT / "bench" / "claims_multilingual.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _ev(aid: str, phrase: str) -> Evidence:
    """Evidence: the sentence of ``aid`` holding ``phrase``."""
    text = TEXTS[aid]
    at = text.index(phrase)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(".", at + len(phrase))
    return Evidence(aid, start, end if end >= 0 else len(text))


def _claim(cid: str, status: str, sources: int, *evidence: Evidence) -> Claim:
    conflicts = (Conflict("number", (), ""),) if status == "disputed" else ()
    return Claim(cid, "", status, sources, evidence, conflicts)  # type: ignore[arg-type]


def _report() -> Report:
    arts = tuple(
        Article(id=a, source=SourceRef(a), kind="txt", raw_text=t, text=t) for a, t in TEXTS.items()
    )
    claims = (
        # firefighters: 400 (en, ar) vs 500 (it) -> the conflict is found
        _claim(
            "c1",
            "disputed",
            3,
            _ev("s-01", "400"),
            _ev("s-02", "500"),
            _ev("s-03", "إطفائي"),
        ),
        # the toll 18 -> 37 is shown as disputed: the update is missed, the apparent conflict
        # is raised
        _claim("c2", "disputed", 2, _ev("s-01", "18"), _ev("s-02", "37")),
        # the spire's 93 m in three files, two sources
        _claim(
            "c3",
            "corroborated",
            2,
            _ev("s-01", "93"),
            _ev("s-02", "93"),
            _ev("s-03", "93 metres"),
        ),
    )
    story = Story("s1", "t", tuple(TEXTS), claims=claims)
    return Report(arts, (), (story,))


def _gold() -> dict:
    def v(aid: str, value: str) -> dict:
        return {"file": f"texts/s/{aid[2:]}.txt", "value": value}

    return {
        "stories": {
            "s": {
                "files": [f"texts/s/{n}.txt" for n in ("01", "02", "03")],
                "conflicts": [
                    {
                        "id": "firefighters",
                        "values": [
                            v("s-01", "400"),
                            v("s-03", "٤٠٠"),
                            v("s-02", "Più di 500 pompieri"),
                        ],
                    },
                    # only one reading held together (93 everywhere): not found
                    {"id": "spire", "values": [v("s-01", "93 m"), v("s-02", "93 metri")]},
                ],
                "updates": [
                    {
                        "id": "toll",
                        "sequence": [
                            {**v("s-01", "18"), "as_of": "a"},
                            {**v("s-02", "37"), "as_of": "b"},
                        ],
                    }
                ],
                "apparent_conflicts_that_are_not": [
                    {"id": "toll", "values": [v("s-01", "18"), v("s-02", "37")]},
                    {"id": "spire_units", "values": [v("s-01", "93 m"), v("s-03", "93 metres")]},
                ],
                "corroborated": [
                    {
                        "fact": "The spire was 93 m high",
                        "files": [f"texts/s/{n}.txt" for n in ("01", "02", "03")],
                        "independent_sources": 3,
                    },
                    {
                        "fact": "About 400 firefighters",
                        "files": ["texts/s/01.txt", "texts/s/03.txt"],
                        "independent_sources": "10+",
                    },
                ],
            }
        }
    }


def test_scorer_on_a_made_up_report(bench):
    results = bench.score(_report(), _gold())
    figures = results["figures"]
    assert figures["conflicts_found"] == 0.5
    assert figures["updates_labelled"] == 0.0
    assert figures["apparent_not_disputed"] == 0.5
    assert figures["corroborated_found"] == 0.5
    assert figures["counts"]["conflicts"] == [1, 2]
    assert figures["counts"]["conflicts_touched"] == [1, 2]
    assert figures["counts"]["updates_touched"] == [0, 1]
    details = results["details"]
    assert details["conflicts"][0]["claim"] == "c1"
    assert details["conflicts"][0]["readings"] == ["400", "500"]
    assert details["apparent"][0]["claim"] == "c2"
    # the spire fact: c3, corroborated, 2 sources for a gold 3; the firefighters fact: c1
    # holds 400 in its passages but is disputed (and 3 sources is not 9+)
    assert [r["claim"] for r in details["corroborated"]] == ["c3", "c1"]
    assert [r["ok"] for r in details["corroborated"]] == [True, False]


def test_helpers(bench):
    assert bench.reading("زهاء ٤٠٠ إطفائي") == "400"
    assert bench.reading(" Puebla  State") == "puebla state"
    assert bench.numbers("7,1 and 10.000 and 13:14") == {"71", "10000", "1314"}
    # "18" inside "2018" is not an occurrence
    assert bench.occurrences(TEXTS["s-03"], "18") == [(TEXTS["s-03"].rindex("18"), 64)]
    assert bench.sources_ok(9, "10+") and not bench.sources_ok(8, "10+")
    assert bench.sources_ok(4, "5 (most cite Reuters)") and not bench.sources_ok(3, 5)


def test_floors_file_names_the_figures():
    floors = json.loads(GATES.read_text("utf-8"))
    assert sorted(k for k in floors if not k.startswith("_")) == sorted(FIGURES)
    assert all(0.0 <= floors[k] <= 1.0 for k in FIGURES)


def test_translated_figures_scorer(bench):
    from consilience.model import Annotations, Quantity

    texts = {
        "en/1": "Rescuers saved 12 people. The dam is 40 m high. Report of 2030.",
        "es/1": "Los rescatistas salvaron a 12 personas. La presa mide 40 m.",
        "it/1": "I soccorritori hanno salvato 12 persone. La diga è alta 41 m.",
    }

    def quantities(text: str) -> tuple[Quantity, ...]:
        out = []
        for word in ("12", "40", "41", "2030"):
            at = text.find(word)
            if at >= 0:
                out.append(Quantity(at, at + len(word), float(word)))
        return tuple(out)

    arts = tuple(
        Article(
            id=a,
            source=SourceRef(a),
            kind="txt",
            raw_text=t,
            text=t,
            annotations=Annotations(quantities=quantities(t)),
        )
        for a, t in texts.items()
    )

    def ev(aid: str, word: str) -> Evidence:
        at = texts[aid].index(word)
        return Evidence(aid, at, at + len(word))

    claims = (
        _claim("c1", "single_source", 1, ev("en/1", "12"), ev("es/1", "12"), ev("it/1", "12")),
        _claim("c2", "single_source", 1, ev("en/1", "40"), ev("it/1", "41")),
        _claim("c3", "single_source", 1, ev("es/1", "40")),
    )
    report = Report(arts, (), (Story("s1", "t", tuple(texts), claims=claims),))
    docs = [{"id": a, "language": a[:2], "event": "1"} for a in texts]
    got = bench.translated_figures(report, docs)
    # 12: found in es and it; 40: es holds it in another claim, it writes 41; 2030: no claim
    assert got == {
        "recall": 0.5,
        "counts": [2, 4],
        "languages": {"es": [1, 2, 0.5], "it": [1, 2, 0.5]},
        "english_figures_in_no_claim": 1,
    }


def test_a_claim_that_holds_two_readings_as_one_value_sets_them_apart_for_no_one(bench):
    text = "Depth 32 miles. Depth 51 km. Depth 60 km. Toll 40, then 12 in the town."
    arts = (Article(id="d-01", source=SourceRef("d-01"), kind="txt", raw_text=text, text=text),)

    def ev(phrase: str, figure: str) -> Evidence:
        at = text.index(phrase)
        return Evidence("d-01", at, at + len(phrase), figure=figure)

    depth = _claim(
        "c1",
        "disputed",
        3,
        ev("32 miles", "32 mile"),
        ev("51 km", "51 km"),
        ev("60 km", "60 km"),
    )
    # a claim whose one passage holds two values while its figure is one of them
    toll = _claim("c2", "disputed", 2, ev("Toll 40, then 12", "12"), ev("Depth 60", "60 km"))
    report = Report(arts, (), (Story("s1", "t", ("d-01",), claims=(depth, toll)),))

    def v(value: str) -> dict:
        return {"file": "texts/d/01.txt", "value": value}

    gold = {
        "stories": {
            "d": {
                "files": ["texts/d/01.txt"],
                "conflicts": [
                    {"id": "depth", "values": [v("51 km"), v("60 km")]},
                    {"id": "toll", "values": [v("40"), v("12")]},
                ],
                "apparent_conflicts_that_are_not": [
                    {"id": "units", "values": [v("32 miles"), v("51 km")]},
                    {"id": "apart", "values": [v("32 miles"), v("60 km")]},
                ],
            }
        }
    }
    results = bench.score(report, gold)
    conflicts = {r["id"]: (r["ok"], r["apart"]) for r in results["details"]["conflicts"]}
    # the depth claim sets 51 against 60; the toll claim holds 40 and 12 as one figure
    assert conflicts == {"depth": (True, True), "toll": (True, False)}
    assert results["figures"]["counts"]["conflicts_apart"] == [1, 2]
    # 32 miles and 51 km are one value of the depth claim: not raised; 32 miles and 60 km are
    assert [r["ok"] for r in results["details"]["apparent"]] == [False, True]
    assert bench.sides(depth, bench.locate([v("32 miles"), v("51 km")], {"d-01": text})) == 1
