"""Entity spans and types repaired at resolution time: given names the model left out of a
person's span, and groups of people the model took for persons. The sentences and names are
invented for these tests."""

from __future__ import annotations

import pytest
from entity_support import article, by_alias

from consilience.gazetteer import Gazetteer
from consilience.model import Article, Entity
from consilience.resolve import resolve_story
from consilience.resolve.mentions import sentence_initial
from consilience.settings import Settings


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


def spans(ents: tuple[Entity, ...], arts: list[Article]) -> list[tuple[str, str]]:
    """(surface, entity type) of every mention, in article and text order."""
    texts = {a.id: a.text for a in arts}
    out = [
        (m.article, m.start, texts[m.article][m.start : m.end], e.type)
        for e in ents
        for m in e.mentions
    ]
    return [(s, t) for _, _, s, t in sorted(out)]


# ----------------------------------------------------------------------------- given names


def test_given_name_at_a_sentence_start_is_added(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a",
            "Talks stalled overnight. Velimir Dragan Kosoric arrived late.",
            [("Dragan Kosoric", "PERSON")],
        )
    ]
    ents = resolve_story(arts, gaz)
    assert spans(ents, arts) == [("Velimir Dragan Kosoric", "PERSON")]
    assert ents[0].name == "Velimir Dragan Kosoric"


def test_given_name_inside_a_sentence_is_added_and_named(gaz: Gazetteer) -> None:
    arts = [
        article("a", "Police said Oskana Verhult left the port.", [("Verhult", "PERSON")]),
        article("b", "Verhult denied it on the radio.", [("Verhult", "PERSON")]),
    ]
    ents = resolve_story(arts, gaz)
    assert spans(ents, arts) == [("Oskana Verhult", "PERSON"), ("Verhult", "PERSON")]
    assert by_alias(ents, "Verhult").name == "Oskana Verhult"


def test_two_given_names_are_added(gaz: Gazetteer) -> None:
    arts = [
        article("a", "Crowds cheered when Ilkan Tamsil Orvecz arrived.", [("Orvecz", "PERSON")])
    ]
    assert spans(resolve_story(arts, gaz), arts) == [("Ilkan Tamsil Orvecz", "PERSON")]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a title, a role word, a weekday: never a given name
        ("The ruling angered President Tamsin Orlev greatly.", "Tamsin Orlev", "Tamsin Orlev"),
        ("The vote went to Coach Halvard Bey in the end.", "Halvard Bey", "Halvard Bey"),
        ("Late on Friday Halvard Bey said nothing.", "Halvard Bey", "Halvard Bey"),
        # a word the story writes in lower case, capitalised at a sentence start
        (
            "The outspoken mayor resigned. Outspoken Arvo Lindqvist declined to comment.",
            "Arvo Lindqvist",
            "Arvo Lindqvist",
        ),
        # an adverb ending
        (
            "Nobody expected it. Surprisingly Arvo Lindqvist won.",
            "Arvo Lindqvist",
            "Arvo Lindqvist",
        ),
        # a run of capitals that is no name ("County Harbor Pilot")
        (
            "The ship was guided by County Harbor Pilot Gunnar Eek overnight.",
            "Gunnar Eek",
            "Gunnar Eek",
        ),
        # after "the": the name of a thing, not a person
        ("They toured the Varnish Maud building on Sunday.", "Maud", "Maud"),
        # a span that starts with a title keeps its left edge
        (
            "Police named Senior Trooper Anselm Vaak as the victim.",
            "Trooper Anselm Vaak",
            "Trooper Anselm Vaak",
        ),
    ],
)
def test_no_given_name_added(gaz: Gazetteer, text: str, mention: str, expected: str) -> None:
    arts = [article("a", text, [(mention, "PERSON")])]
    assert [s for s, _ in spans(resolve_story(arts, gaz), arts)] == [expected]


def test_known_full_name_blocks_another_given_name(gaz: Gazetteer) -> None:
    text = "Ilse Brunvik opened the session. Afterwords Brunvik took questions."
    arts = [article("a", text, [("Ilse Brunvik", "PERSON"), ("Brunvik", "PERSON", 1)])]
    ents = resolve_story(arts, gaz)
    assert spans(ents, arts) == [("Ilse Brunvik", "PERSON"), ("Brunvik", "PERSON")]
    assert len(ents) == 1


def test_word_of_another_entity_is_no_given_name(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a",
            "Analysts said Nordavian Arvo Lindqvist would win. Nordavian voters agreed.",
            [("Nordavian", "NORP"), ("Arvo Lindqvist", "PERSON"), ("Nordavian", "NORP", 1)],
        )
    ]
    found = spans(resolve_story(arts, gaz), arts)
    assert ("Arvo Lindqvist", "PERSON") in found
    assert ("Nordavian Arvo Lindqvist", "PERSON") not in found


def test_headline_needs_the_longer_name_in_running_text(gaz: Gazetteer) -> None:
    text = "Tensions Rise Around Halvard Lindqvist Today\nThe port closed on Monday."
    arts = [article("a", text, [("Lindqvist", "PERSON")])]
    assert [s for s, _ in spans(resolve_story(arts, gaz), arts)] == ["Lindqvist"]
    arts = [
        article("a", text, [("Lindqvist", "PERSON")]),
        article(
            "b", "The minister met Halvard Lindqvist on Monday.", [("Halvard Lindqvist", "PERSON")]
        ),
    ]
    ents = resolve_story(arts, gaz)
    assert [s for s, _ in spans(ents, arts)] == ["Halvard Lindqvist", "Halvard Lindqvist"]
    assert len(ents) == 1


def test_sentence_initial() -> None:
    text = 'He left. "Arvo went on\nBrun came — Kael too: Ilse and Tor'
    for word, initial in [
        ("He", True),
        ("Arvo", True),
        ("went", False),
        ("Brun", True),
        ("Kael", True),
        ("Ilse", True),
        ("Tor", False),
    ]:
        assert sentence_initial(text, text.index(word)) is initial, word


# ----------------------------------------------------------------------------- groups of people


def test_community_taken_for_a_person_becomes_norp(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a", "Clashes spread to the Veskari minority in the hills.", [("Veskari", "PERSON")]
        ),
        article(
            "b", "The town is inhabited mainly by Veskari, its mayor said.", [("Veskari", "PERSON")]
        ),
    ]
    ents = resolve_story(arts, gaz)
    assert spans(ents, arts) == [("Veskari", "NORP"), ("Veskari", "NORP")]


def test_group_in_a_list_with_a_group_becomes_norp(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a",
            "Rebels entered the Veskari and Christian quarter of the city.",
            [("Veskari", "PERSON"), ("Christian", "NORP")],
        )
    ]
    assert spans(resolve_story(arts, gaz), arts) == [("Veskari", "NORP"), ("Christian", "NORP")]


def test_plural_group_after_the_becomes_norp(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a", "In the north the Veskari are wary of the new council.", [("Veskari", "PERSON")]
        )
    ]
    assert spans(resolve_story(arts, gaz), arts) == [("Veskari", "NORP")]


def test_person_before_a_noun_stays_a_person(gaz: Gazetteer) -> None:
    arts = [
        article("a", "The Orvecz administration denied the report.", [("Orvecz", "PERSON")]),
        article(
            "b",
            "Orvecz supporters gathered outside. Orvecz said he would stay.",
            [("Orvecz", "PERSON"), ("Orvecz", "PERSON", 1)],
        ),
    ]
    ents = resolve_story(arts, gaz)
    assert {t for _, t in spans(ents, arts)} == {"PERSON"}


def test_one_group_reading_does_not_outvote_a_named_person(gaz: Gazetteer) -> None:
    arts = [
        article(
            "a",
            "Orvecz spoke first. Orvecz left early. Orvecz came back. Later "
            "the Orvecz, as critics call his allies, walked out.",
            [("Orvecz", "PERSON", n) for n in range(4)],
        )
    ]
    ents = resolve_story(arts, gaz)
    assert by_alias(ents, "Orvecz").type == "PERSON"
