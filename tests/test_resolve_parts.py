"""Parts of a building named by what they are ("the spire", "la flèche", "la guglia") are one
entity of a story across languages and scripts (``consilience.resolve.parts``); the same nouns
in an article that names no building, or another part, stay apart. The sentences are invented
for these tests."""

from __future__ import annotations

import dataclasses

import pytest
from entity_support import article, surfaces

from consilience.gazetteer import Gazetteer
from consilience.model import Article
from consilience.resolve import resolve_story
from consilience.resolve.parts import kind_of_part, names_a_building, part_spans
from consilience.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def written(aid: str, language: str, text: str, specs: list[tuple] | None = None) -> Article:
    return dataclasses.replace(article(aid, text, specs or []), language=language)


def test_one_spire_in_four_languages_and_two_scripts(gaz: Gazetteer) -> None:
    arts = [
        written(
            "a",
            "en",
            "Fire swept through the old cathedral and the spire fell. The spire"
            " was 90 metres high.",
        ),
        written("b", "fr", "La cathédrale a brûlé toute la nuit. La flèche s'est effondrée."),
        written("c", "it", "La guglia della cattedrale è crollata poco dopo le otto."),
        written("d", "ar", "انهار البرج المدبب للكاتدرائية مساء الاثنين."),
    ]
    ents = resolve_story(arts, gaz)
    assert [surfaces(e, arts) for e in ents] == [
        ["spire", "spire", "flèche", "guglia", "البرج المدبب"]
    ]
    spire = ents[0]
    assert (spire.name, spire.type) == ("spire", "FAC")
    assert any("name one spire of a building" in r for r in spire.reasons)


def test_two_parts_stay_two_and_no_building_no_part(gaz: Gazetteer) -> None:
    arts = [
        written("a", "en", "The mosque lost its minaret, but the dome held."),
        written("b", "es", "La cúpula de la iglesia resistió."),
        # a needle, not a spire: the article names no building
        written("c", "es", "La enfermera dejó la aguja sobre la mesa."),
    ]
    ents = resolve_story(arts, gaz)
    assert [surfaces(e, arts) for e in ents] == [["minaret"], ["dome", "cúpula"]]


def test_a_language_reads_only_its_own_nouns() -> None:
    # "aguja" is Spanish: an English article that writes it has no part
    assert part_spans("The aguja of the cathedral", "en") == []
    assert part_spans("La aguja de la catedral", "es") == [(3, 8, "spire")]
    assert part_spans("the bell  tower", "en") == [(4, 15, "bell_tower")]
    assert part_spans("spires and spire-like roofs", "en") == []


def test_names_a_building_reads_arabic_prefixes() -> None:
    assert names_a_building("احترقت الكاتدرائية", "ar")
    assert names_a_building("The church burned.", "en")
    assert not names_a_building("The needle fell.", "en")
    assert not names_a_building("The church burned.", None)


def test_kind_of_part_any_language_whole_surface() -> None:
    assert kind_of_part("Spire") == "spire"
    assert kind_of_part("guglia") == "spire"
    assert kind_of_part("Cúpula") == "dome"
    assert kind_of_part("the spire") is None
