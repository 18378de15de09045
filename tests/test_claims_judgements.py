"""A writer's judgement is no claim; a promise is an event of its own ("pledged", "vowed")."""

from __future__ import annotations

import pytest
from claim_stories import analysed, holding, in_file_order
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims import lexicon as lx
from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    "a.txt": _doc(
        "Baltic Wire",
        "2030-03-06",
        "Rebel fighters captured Tartu on Monday, the army said. "
        "The main lesson of this offensive, which began on March 1, is the weakness of the "
        "army. "
        "The rebel commander Jaan Kask pledged on Tuesday to protect the minorities of Tartu.",
    ),
    "b.txt": _doc(
        "Northern Courier",
        "2030-03-06",
        "The offensive began on March 1, residents said. "
        "Rebel commander Jaan Kask vowed on Tuesday to protect religious minorities in Tartu.",
    ),
    "c.txt": _doc(
        "Harbour Post",
        "2030-03-06",
        "It remains to be seen whether the rebels can hold Tartu after they captured it on Monday.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> list[Article]:
    return in_file_order(analysed(tmp_path_factory, "judgements", FILES))


def test_a_judgement_opening_a_sentence_is_no_claim_nor_evidence(story):
    a, b, c = story
    claims = analyze_story(story, gazetteer=_gazetteer())
    assert holding(claims, a, "main lesson") == []
    assert holding(claims, c, "remains to be seen") == []
    # the day the judgement names in passing backs no other report: the offensive's start is
    # one report's
    (start,) = holding(claims, b, "offensive began")
    assert start.status == "single_source"


def test_a_promise_told_by_two_reports_is_one_corroborated_claim(story):
    a, b, _ = story
    claims = analyze_story(story, gazetteer=_gazetteer())
    (pledge,) = holding(claims, a, "pledged")
    assert holding(claims, b, "vowed") == [pledge]
    assert (pledge.status, pledge.independent_sources) == ("corroborated", 2)


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("The general pledged to protect the villages", {"pledge"}),
        ("The mayor vowed to rebuild the bridge", {"pledge"}),
        ("The leader sought to reassure the minorities", {"pledge"}),
        # a noun of promises is no promise made ("not of other promises")
        ("They need food, not other promises", set()),
    ],
)
def test_promise_words(text, classes):
    assert lx.event_classes(text, "en") == classes


ACTOR = {
    "a.txt": _doc(
        "Baltic Wire",
        "2030-03-06",
        "Norway has thus begun withdrawing high-ranking commanders, members of its special "
        "units, diplomats and civilians from Tartu and Riga. "
        "Sweden has begun withdrawing its engineers from Riga on Monday.",
    ),
    "b.txt": _doc(
        "Northern Courier",
        "2030-03-06",
        "Another key supporter of the government, Oslo has also started to evacuate its "
        "military personnel and diplomats, according to the Helsinki Times citing Danish and "
        "Finnish officials. "
        "Sweden has started to evacuate its nurses on Friday, a minister said.",
    ),
}


@pytest.fixture(scope="module")
def actors(tmp_path_factory) -> list[Article]:
    return in_file_order(analysed(tmp_path_factory, "actors", ACTOR))


def test_one_actor_doing_one_thing_to_the_same_people_is_one_claim(actors):
    a, b = actors
    claims = analyze_story(actors, gazetteer=_gazetteer())
    # the capital stands for its country: one actor, one event class, the same people moved
    (claim,) = holding(claims, a, "Norway has thus begun")
    assert holding(claims, b, "Oslo has also") == [claim]
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    # the same actor moving other people is another fact
    (engineers,) = holding(claims, a, "Sweden has begun")
    assert holding(claims, b, "Sweden has started") != [engineers]
