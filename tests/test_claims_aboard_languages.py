"""How many were aboard, in every language: the word saying so after the count ("com 146
pessoas a bordo"), a word of travelling ("viajaban 146 personas", "leciało 146 osób"), one
opening the clause ("An Bord des Fluges ... waren 146 Menschen"), and a tally word whose own
count follows it ("..., matando pelo menos 27 pessoas": 27 dead, not 146); passengers and
crew are counts of their own (``data/aboard.json``). The reports below are invented."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "A passenger jet carrying 146 people crashed near Brelvik airport on Sunday evening, "
        "killing at least 27 people, officials said. The aircraft was carrying 139 passengers "
        "and seven crew members. Relatives waited through the night in the arrivals hall. "
        "Storms had closed the northern runway for an hour that afternoon.",
    ),
    "pt.txt": doc(
        "Folha do Porto",
        "2031-06-02",
        "A companhia aérea nacional confirmou o pior acidente da sua história. O seu avião, com "
        "146 pessoas a bordo, caiu na aproximação a Brelvik, matando pelo menos 27 pessoas, "
        "disse o porta-voz da companhia, Rui Matos. O avião transportava 139 passageiros e "
        "sete tripulantes. O primeiro-ministro cancelou uma viagem ao estrangeiro. As "
        "bandeiras foram colocadas a meia haste em todo o país.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-06-03",
        "Al menos 27 personas murieron el domingo al estrellarse un avión cerca del aeropuerto "
        "de Brelvik. A bordo del aparato, un avión de la compañía nacional, viajaban 146 "
        "personas.",
    ),
    "de.txt": doc(
        "Abendpost",
        "2031-06-03",
        "Beim Absturz eines Passagierflugzeugs nahe dem Flughafen Brelvik sind am Sonntag "
        "mindestens 27 Menschen ums Leben gekommen. An Bord des Fluges aus der Hauptstadt "
        "waren 146 Menschen.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "aboard_languages", FILES)
    return by_name(report), one_story_claims(report)


def test_those_aboard_are_one_claim_in_four_languages(story) -> None:  # noqa: ANN001
    arts, claims = story
    claim = claim_with(claims, arts["en"], "carrying 146 people")
    for name, phrase in (("pt", "146 pessoas a bordo"), ("es", "146"), ("de", "146 Menschen")):
        assert claim in holding(claims, arts[name], phrase), name
    assert (claim.status, claim.independent_sources) == ("corroborated", 4)


def test_the_toll_is_not_those_aboard(story) -> None:  # noqa: ANN001
    arts, claims = story
    toll = claim_with(claims, arts["es"], "Al menos 27 personas murieron")
    for name, phrase in (("en", "at least 27"), ("pt", "pelo menos 27"), ("de", "27")):
        assert toll in holding(claims, arts[name], phrase), name
    assert (toll.status, toll.independent_sources) == ("corroborated", 4)
    aboard = claim_with(claims, arts["en"], "carrying 146 people")
    assert toll is not aboard


def test_passengers_are_a_count_of_their_own(story) -> None:  # noqa: ANN001
    arts, claims = story
    passengers = claim_with(claims, arts["en"], "139 passengers")
    assert passengers in holding(claims, arts["pt"], "139 passageiros")
    assert passengers.status == "corroborated"
    assert passengers is not claim_with(claims, arts["en"], "carrying 146 people")
