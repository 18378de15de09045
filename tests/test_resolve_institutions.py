"""Public bodies named by what they do, in several languages and cases, are one entity of a
story (``consilience.resolve.institutions``); what only looks like one stays apart. The
sentences are invented for these tests."""

from __future__ import annotations

import pytest
from entity_support import article, by_alias, surfaces

from consilience.gazetteer import Gazetteer
from consilience.resolve import resolve_story
from consilience.resolve.institutions import kind_of_body
from consilience.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def test_one_civil_protection_in_three_languages_and_scripts(gaz: Gazetteer) -> None:
    arts = [
        article(
            "en",
            "At least 30 people died, the civil protection agency said on Monday.",
            [],
        ),
        article(
            "it",
            "Secondo la Protezione Civile i morti sono almeno 30.",
            [("Protezione Civile", "PERSON")],  # a model's mistake: no one is named so
        ),
        article("ar", "وقالت هيئة الحماية المدنية إن 30 شخصا لقوا حتفهم.", []),
    ]
    ents = resolve_story(arts, gaz)
    body = by_alias(ents, "Protezione Civile")
    assert body.type == "ORG"
    assert surfaces(body, arts) == [
        "civil protection agency",
        "Protezione Civile",
        "الحماية المدنية",
    ]
    assert any("name one civil protection body" in r for r in body.reasons)


def test_a_prosecutors_office_in_french_spanish_and_catalan(gaz: Gazetteer) -> None:
    arts = [
        article("fr", "Une enquête a été ouverte par le parquet de Lyon.", [("Lyon", "GPE")]),
        article("es", "La Fiscalía abrió una investigación.", [("Fiscalía", "ORG")]),
        article("ca", "La Fiscalia ha obert una investigació.", []),
    ]
    ents = resolve_story(arts, gaz)
    office = by_alias(ents, "Fiscalía")
    assert surfaces(office, arts) == ["parquet de", "Fiscalía", "Fiscalia"]
    lyon = by_alias(ents, "Lyon")
    assert lyon is not office


def test_what_only_looks_like_a_body_stays_apart(gaz: Gazetteer) -> None:
    arts = [
        # "procura" is a verb here; "parquet" a floor; "civil protection" is not the whole name
        article("it", "Il sindaco procura coperte per gli sfollati.", []),
        article("fr", "Le parquet ancien a brûlé.", []),
        article(
            "en",
            "Civil Protection chief Ada Brenner visited the town.",
            [("Civil Protection chief Ada Brenner", "PERSON")],
        ),
    ]
    ents = resolve_story(arts, gaz)
    assert [surfaces(e, arts) for e in ents] == [["Civil Protection chief Ada Brenner"]]


def test_kind_of_body_reads_the_phrase_not_the_whole_sentence() -> None:
    assert kind_of_body("Servicio Geológico de Estados Unidos") == "geological_survey"
    assert kind_of_body("U.S. Geological Survey") == "geological_survey"
    assert kind_of_body("Zivilschutzministerium") == "civil_protection"
    assert kind_of_body("Cos de Bombers de París") == "fire_service"
    assert kind_of_body("Civil Protection chief Ada Brenner") is None
    assert kind_of_body("Italian Civil Protection", whole=True) is None
    assert kind_of_body("Protezione Civile", whole=True) == "civil_protection"


def test_a_place_before_a_body_is_one_mention_of_the_body(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a",
            "The Lyon prosecutor Anne Vidal said an inquiry had been opened. "
            "The prosecutor said nothing else.",
            [("Lyon", "GPE"), ("Anne Vidal", "PERSON")],
        ),
        article("b", "Une enquête a été ouverte par le parquet de Lyon.", [("Lyon", "GPE")]),
        article(
            "c",
            "The Lyon prosecutor's office declined to comment. The Lyon fire brigade sent "
            "40 firefighters. Lyon is quiet.",
            [("Lyon", "GPE", 0), ("Lyon", "GPE", 1), ("Lyon", "GPE", 2)],
        ),
        # a person, not the body: one of the town's prosecutors; the office speaking is
        article(
            "d",
            "A judge and a Lyon prosecutor met. Lyon prosecutors agreed.",
            [("Lyon", "GPE", 0), ("Lyon", "GPE", 1)],
        ),
    ]
    ents = resolve_story(arts, gaz)
    office = by_alias(ents, "parquet de")
    assert surfaces(office, arts) == [
        "Lyon prosecutor",
        "parquet de",
        "Lyon prosecutor's office",
        "Lyon prosecutors",
    ]
    assert surfaces(by_alias(ents, "Lyon fire brigade"), arts) == ["Lyon fire brigade"]
    # "the prosecutor" alone is a person's role, not the body; the town is still a place
    assert surfaces(by_alias(ents, "Lyon"), arts) == ["Lyon", "Lyon", "Lyon"]
    assert surfaces(by_alias(ents, "Anne Vidal"), arts) == ["Anne Vidal"]
    assert [e for e in ents if "prosecutor" in e.aliases] == []


def test_kind_of_body_after_a_place() -> None:
    assert kind_of_body("Lyon prosecutor") == "prosecution"
    assert kind_of_body("Milan prosecutors") == "prosecution"
    assert kind_of_body("the prosecutor") is None
    assert kind_of_body("Deputy prosecutor") is None


def test_a_possessive_however_written_names_one_body() -> None:
    for written in ("prosecutor's office", "prosecutors' office", "prosecutors's office"):
        assert kind_of_body(f"Lyon {written}") == "prosecution"
        assert kind_of_body(written.replace("'", "\u2019")) == "prosecution"
