"""An event too common in news of one story to tell facts apart on its own (an attack, a
flood) is one fact when two reports give it the same day and the same actor or place, however
differently they word it; another day is another fact. Invented reports, run through the real
pipeline."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, one_story_claims


@pytest.fixture(scope="module")
def strike(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-05",
            "Missiles struck the power station in Kherson on Monday, cutting electricity to "
            "much of the region, officials said. Missiles struck Kherson again on Tuesday.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "A missile strike hit the Kherson power station on Monday, the regional governor "
            "said. Power was cut across the region.",
        ),
    }
    return analysed(tmp_path_factory, "weak", files)


def test_one_attack_worded_two_ways_is_one_claim(strike) -> None:  # noqa: ANN001
    arts = by_name(strike)
    claim = claim_with(one_story_claims(strike), arts["b"], "A missile strike")
    assert claim.status == "corroborated"
    assert claim.independent_sources == 2
    texts = {
        arts[k].text[e.start : e.end]
        for e in claim.evidence
        for k in ("a", "b")
        if arts[k].id == e.article
    }
    assert texts == {
        "A missile strike hit the Kherson power station on Monday, the regional governor said.",
        "Missiles struck the power station in Kherson on Monday, cutting electricity to much "
        "of the region, officials said.",
    }


def test_the_same_attack_on_another_day_is_another_fact(strike) -> None:  # noqa: ANN001
    arts = by_name(strike)
    again = claim_with(one_story_claims(strike), arts["a"], "again on Tuesday")
    assert {e.article for e in again.evidence} == {arts["a"].id}


@pytest.fixture(scope="module")
def crash(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-06-11",
            "A passenger plane crashed near Lisbon on Monday, the airline said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-06-11",
            "The crash of an airliner near Lisbon on Monday was witnessed by fishermen, "
            "officials said.",
        ),
    }
    return analysed(tmp_path_factory, "crash", files)


def test_a_crash_worded_two_ways_is_one_claim(crash) -> None:  # noqa: ANN001
    arts = by_name(crash)
    claim = claim_with(one_story_claims(crash), arts["a"], "crashed near")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    assert {e.article for e in claim.evidence} == {arts["a"].id, arts["b"].id}


@pytest.fixture(scope="module")
def one_day(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "A car bomb attack hit a crowded market in Kabul on Monday, police said. In the "
            "evening another strike hit a school in Kabul on Monday, the mayor said. Soldiers "
            "opened fire "
            "on protesters in Pokhara on Monday, witnesses said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "Gunmen attacked a police checkpoint on the airport road in Kabul on Monday, "
            "officials said. A fire broke out at the central market in Pokhara on Monday, the "
            "fire brigade said.",
        ),
    }
    return analysed(tmp_path_factory, "one_day", files)


@pytest.mark.parametrize(
    ("key", "phrase"),
    [
        ("a", "A car bomb attack"),
        ("a", "another strike"),
        ("a", "opened fire"),
        ("b", "Gunmen attacked"),
        ("b", "A fire broke out"),
    ],
)
def test_two_events_of_one_kind_on_one_day_stay_apart(one_day, key, phrase) -> None:  # noqa: ANN001
    arts = by_name(one_day)
    claim = claim_with(one_story_claims(one_day), arts[key], phrase)
    assert {e.article for e in claim.evidence} == {arts[key].id}
    assert claim.status == "single_source"
