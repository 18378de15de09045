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
