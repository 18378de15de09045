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
        "It remains to be seen whether the army can recover from an offensive that began on "
        "March 1. "
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
        "The main lesson for the army is that it can no longer hold Tartu, captured on Monday.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> list[Article]:
    return in_file_order(analysed(tmp_path_factory, "judgements", FILES))


def test_a_judgement_opening_a_sentence_is_no_claim_nor_evidence(story):
    a, b, c = story
    claims = analyze_story(story, gazetteer=_gazetteer())
    assert holding(claims, a, "remains to be seen") == []
    assert holding(claims, c, "main lesson") == []
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
        "By late evening Norway was withdrawing engineers, border guards, liaison officers "
        "and their families from the port of Tartu and the town of Narva. "
        "Sweden has begun withdrawing its engineers from Riga on Monday.",
    ),
    "b.txt": _doc(
        "Northern Courier",
        "2030-03-06",
        "As the ferries filled up, Oslo began to evacuate its engineers sent there in spring, "
        "the transport ministry's chief of staff told the Helsinki Times and Danish radio. "
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
    (claim,) = holding(claims, a, "Norway was withdrawing")
    assert holding(claims, b, "Oslo began") == [claim]
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    # the same actor moving other people is another fact
    (engineers,) = holding(claims, a, "Sweden has begun")
    assert holding(claims, b, "Sweden has started") != [engineers]


def _actor_pair(**b_fields: object):  # noqa: ANN202
    from claim_stories import candidate

    base = {
        "classes": frozenset({"withdraw"}),
        "entities": frozenset({"n:country:NO", "n:oslo"}),
        "broad": frozenset({"n:country:NO"}),
        "actor": frozenset({"n:country:NO"}),
        "words": frozenset({"enginee", "ferri"}),
    }
    return candidate("a", 0, **base), candidate("b", 0, **{**base, **b_fields})


@pytest.mark.parametrize(
    ("b_fields", "same"),
    [
        ({}, True),
        # another actor
        ({"actor": frozenset({"n:country:SE"})}, False),
        # no word of their own in common (the event's and the forces' words do not count)
        ({"words": frozenset({"withdra", "troops"})}, False),
        # the event put in two different places
        ({"located": frozenset({"n:narva"})}, True),
    ],
)
def test_one_actor_frame_needs_a_shared_word_and_no_two_places_or_days(b_fields, same):
    import importlib
    from dataclasses import replace

    from consilience.claims.records import EventDate

    align = importlib.import_module("consilience.claims.align")
    a, b = _actor_pair(**b_fields)
    assert align._same_actor(a, b) is same
    if same:
        # the same pair given two different days, or put in two different places, is not
        monday = EventDate("2030-03-04", "day", 0, 1, exact=True, since=False)
        friday = EventDate("2030-03-08", "day", 0, 1, exact=True, since=False)
        assert not align._same_actor(replace(a, dates=(monday,)), replace(b, dates=(friday,)))
        assert not align._same_actor(
            replace(a, located=frozenset({"n:tartu"})), replace(b, located=frozenset({"n:narva"}))
        )


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Norway has begun withdrawing its engineers", {"n:country:NO"}),
        ("Tartu was captured by rebel fighters on Monday", set()),  # passive: no actor
    ],
)
def test_who_acts_is_the_name_before_the_event_word_unless_passive(text, actor):
    from consilience.claims.extract import _actor
    from consilience.model import EntityMention

    name = text.split()[0]
    mention = EntityMention(0, len(name), "GPE")
    key = "n:country:NO" if name == "Norway" else f"n:{name.lower()}"
    got = _actor(text, 0, [(mention, key)], {}, None, lx.event_classes(text, "en"), "en")
    assert got == frozenset(actor)
    # in German the name before the verb is as often its object: no actor is read
    assert _actor(text, 0, [(mention, key)], {}, None, {"seize"}, "de") == frozenset()


SIGNPOSTS = {
    "fr.txt": _doc(
        "Courrier du Lac",
        "2030-04-16",
        "Un incendie a ravagé la gare de Valdoria lundi soir. "
        "Pompiers, trains et voyageurs après l'incendie de lundi: voici ce qu'il faut savoir.",
    ),
    "en.txt": _doc(
        "Pacific Wire",
        "2030-04-16",
        "Fire gutted the Valdoria railway station on Monday night. "
        "Here is what we know about the fire that broke out on Monday.",
    ),
}


def test_an_article_signposting_itself_states_nothing(tmp_path_factory):
    from claim_stories import by_name

    articles = by_name(analysed(tmp_path_factory, "signposts", SIGNPOSTS))
    fr, en = articles["fr"], articles["en"]
    claims = analyze_story([fr, en], gazetteer=_gazetteer())
    assert holding(claims, fr, "voici ce qu") == []
    assert holding(claims, en, "Here is what we know") == []
