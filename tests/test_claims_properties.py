"""A property of a thing stated as a figure in several languages (a tower's height): one
claim, corroborated when the values agree within rounding (120 feet and 37 metres), disputed
when they do not (37 metres and 18). Every sentence is written for this test (a real place
name, a made-up fire)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    "en.txt": _doc(
        "Valley Wire",
        "2030-06-04",
        "In Reims, firefighters watched as the 120-foot bell tower of the old abbey fell in "
        "the night.",
    ),
    "fr.txt": _doc(
        "Journal de Bourgogne",
        "2030-06-04",
        "À Reims, le clocher de la vieille abbaye, haut de 37 mètres, s'est effondré dans la "
        "nuit malgré les efforts des pompiers.",
    ),
    "it.txt": _doc(
        "Corriere del Nord",
        "2030-06-04",
        "A Reims il campanile della vecchia abbazia, alto 18 metri, è crollato durante la "
        "notte nonostante il lavoro dei vigili del fuoco.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "vezelay", FILES))


def test_a_height_in_feet_and_in_metres_corroborates(articles):
    en, fr = articles["en"], articles["fr"]
    claims = analyze_story([en, fr], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "120-foot")
    assert claim is _claim_with(claims, fr, "37 mètres")
    assert claim.status == "corroborated"
    assert claim.independent_sources == 2


def test_a_height_that_disagrees_is_disputed(articles):
    en, fr, it = articles["en"], articles["fr"], articles["it"]
    claims = analyze_story([en, fr, it], gazetteer=_gazetteer())
    claim = _claim_with(claims, fr, "37 mètres")
    assert claim is _claim_with(claims, it, "18 metri")
    assert claim is _claim_with(claims, en, "120-foot")
    assert claim.status == "disputed"
    conflict = next(c for c in claim.conflicts if c.kind == "number")
    assert {v.value for v in conflict.values} == {"120-foot", "37 mètres", "18 metri"}


TOWN = {
    "en.txt": _doc(
        "Valley Wire",
        "2030-06-04",
        "Officials in France said the old quarter of Reims, a district of 900 inhabitants, "
        "was badly damaged by the flood on Monday.",
    ),
    "es.txt": _doc(
        "Diario del Valle",
        "2030-06-04",
        "En Reims, el viejo barrio, de unos 3.000 habitantes, sufrió graves daños por la "
        "inundación del lunes.",
    ),
    "it.txt": _doc(
        "Corriere del Nord",
        "2030-06-04",
        "A Reims il vecchio quartiere, di circa 3.000 abitanti, ha subito gravi danni per "
        "l'alluvione di lunedì.",
    ),
}


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "quarter", TOWN))


def test_a_population_agreeing_corroborates_and_one_far_off_disputes(town):
    en, es, it = town["en"], town["es"], town["it"]
    agreeing = analyze_story([es, it], gazetteer=_gazetteer())
    claim = _claim_with(agreeing, es, "3.000")
    assert claim is _claim_with(agreeing, it, "3.000")
    assert claim.status == "corroborated"
    claims = analyze_story([en, es, it], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "900 inhabitants")
    assert claim is _claim_with(claims, es, "3.000")
    assert claim.status == "disputed"
    conflict = next(c for c in claim.conflicts if c.kind == "number")
    assert {v.value for v in conflict.values} == {"900", "unos 3.000", "circa 3.000"}


EPICENTRE = {
    "a.txt": _doc(
        "Coast Wire",
        "2030-09-10",
        "The epicentre of the quake was 40 km south of Florence, the institute said on Monday.",
    ),
    "b.txt": _doc(
        "Hill Courier",
        "2030-09-10",
        "Officials said the epicentre of the quake lay 25 miles south of Florence on Monday.",
    ),
    "c.txt": _doc(
        "Valley Post",
        "2030-09-10",
        "The quake on Monday had its epicentre about 90 km from Florence, the agency said.",
    ),
}


@pytest.fixture(scope="module")
def epicentre(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "epicentre", EPICENTRE))


def test_distances_from_one_place_are_one_fact(epicentre):
    a, b, c = epicentre["a"], epicentre["b"], epicentre["c"]
    agreeing = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(agreeing, a, "40 km")
    assert claim is _claim_with(agreeing, b, "25 miles")
    assert claim.status == "corroborated"
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    claim = _claim_with(claims, c, "90 km")
    assert claim is _claim_with(claims, a, "40 km")
    assert claim.status == "disputed"
    conflict = next(x for x in claim.conflicts if x.kind == "number")
    assert {v.value for v in conflict.values} == {"40 km", "25 miles", "about 90 km"}
