"""Figures of one event across languages (issue 12): the event's depth in any unit and
language is one fact, corroborated within rounding and disputed otherwise, never a distance;
a toll of an earlier event ("the quake of 12 May killed 45") is another fact than the story's
own; the day the event struck, named before a toll ("Tuesday's quake"), is no moment the toll
was counted for. Every sentence is written for these tests (a made-up earthquake; real place
names)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    "depth-en.txt": _doc(
        "Valley Wire",
        "2030-07-03",
        "The earthquake near Arequipa struck at a depth of 25 miles, the survey said.",
    ),
    "depth-es.txt": _doc(
        "Diario del Sur",
        "2030-07-03",
        "El sismo cerca de Arequipa se produjo a una profundidad de 40 kilómetros.",
    ),
    "depth-it.txt": _doc(
        "Corriere del Nord",
        "2030-07-03",
        "Il terremoto vicino a Arequipa è avvenuto a una profondità di 72 km.",
    ),
    "distance-fr.txt": _doc(
        "Journal du Sud",
        "2030-07-03",
        "L'épicentre du séisme se trouvait à 40 km au sud d'Arequipa.",
    ),
    # the story's toll, and an earlier quake's, in two languages
    "toll-en.txt": _doc(
        "Valley Wire",
        "2030-07-03",
        "The death toll of Tuesday's earthquake near Arequipa rose to 30, officials said.",
    ),
    "toll-es.txt": _doc(
        "Diario del Sur",
        "2030-07-03",
        "El balance de muertos del sismo del martes cerca de Arequipa asciende a 41, según "
        "Protección Civil.",
    ),
    "past-es.txt": _doc(
        "Diario del Sur",
        "2030-07-03",
        "El sismo del 12 de mayo cerca de Arequipa dejó 45 muertos.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "event-measures", FILES))


def test_a_depth_in_miles_and_in_kilometres_corroborates(articles):
    en, es = articles["depth-en"], articles["depth-es"]
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "25 miles")
    assert claim is _claim_with(claims, es, "40 kilómetros")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)


def test_a_depth_that_disagrees_is_disputed_and_no_distance_joins_it(articles):
    en, es, it, fr = (
        articles["depth-en"],
        articles["depth-es"],
        articles["depth-it"],
        articles["distance-fr"],
    )
    claims = analyze_story([en, es, it, fr], gazetteer=_gazetteer())
    claim = _claim_with(claims, it, "72 km")
    assert claim is _claim_with(claims, en, "25 miles")
    assert claim is _claim_with(claims, es, "40 kilómetros")
    assert claim.status == "disputed"
    assert {v.value for c in claim.conflicts for v in c.values} == {
        "25 miles",
        "40 kilómetros",
        "72 km",
    }
    assert claim.why.startswith("Disputed (number): Reports give different figures for the depth")
    assert _claim_with(claims, fr, "40 km") is not claim


def test_a_toll_of_an_earlier_event_is_another_fact(articles):
    en, es, past = articles["toll-en"], articles["toll-es"], articles["past-es"]
    claims = analyze_story([en, es, past], gazetteer=_gazetteer())
    toll = _claim_with(claims, en, "30")
    assert toll is _claim_with(claims, es, "41")
    assert _claim_with(claims, past, "45") is not toll


def test_the_day_the_event_struck_is_no_moment_of_its_toll(articles):
    # both name Tuesday, the day of the quake, before their figure, in reports of Wednesday:
    # each counts as of its writing, so 30 and 41 are a toll that runs, not two tolls for one
    # moment ("stood at 40 on Wednesday" names the moment: tests/test_claims_running.py)
    en, es = articles["toll-en"], articles["toll-es"]
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "30")
    assert claim is _claim_with(claims, es, "41")
    assert claim.status == "updated"
    assert claim.conflicts == ()
