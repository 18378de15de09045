"""Figure claims aligned across languages: the same measured thing at the same place and day
corroborates whatever language reports it; a different value disputes. Every sentence here is
written by the team for this test (a real place name, a made-up event)."""

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
        "Pacific Wire",
        "2030-03-05",
        "A magnitude 7.1 earthquake struck near Valparaiso, Chile, on Tuesday.",
    ),
    "es.txt": _doc(
        "Diario del Puerto",
        "2030-03-05",
        "Un terremoto de magnitud 7,1 sacudió Valparaíso, en Chile, el martes.",
    ),
    "it.txt": _doc(
        "Corriere Andino",
        "2030-03-05",
        "Un terremoto di magnitudo 6,8 ha colpito Valparaíso, in Cile, martedì.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "valparaiso", FILES))


def test_a_magnitude_in_three_languages_is_disputed(articles):
    en, es, it = articles["en"], articles["es"], articles["it"]
    claims = analyze_story([en, es, it], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "7.1")
    assert claim is _claim_with(claims, es, "7,1")
    assert claim is _claim_with(claims, it, "6,8")
    assert claim.status == "disputed"
    conflict = next(c for c in claim.conflicts if c.kind == "number")
    assert {float(v.value.replace(",", ".")) for v in conflict.values} == {7.1, 6.8}
    assert {v.value for v in conflict.values if v.article == it.id} == {"6,8"}
    assert claim.independent_sources == 3


def test_an_equal_magnitude_in_two_languages_corroborates(articles):
    en, es = articles["en"], articles["es"]
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "7.1")
    assert claim is _claim_with(claims, es, "7,1")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
