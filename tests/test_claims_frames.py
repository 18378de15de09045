"""Two statements of one event class that name the same place (not a whole country) report one
event however much else either sentence tells: they are one claim. A place named in a list,
or another day, keeps them apart. Invented reports, run through the real pipeline."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, one_story_claims


@pytest.fixture(scope="module")
def withdrawal(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "Government forces withdrew from villages around ten kilometres from Mykolaiv, "
            "said the Observatory for Civil Rights, which added that they had also abandoned "
            "their positions in the province of Kherson, which borders the Crimea annexed by "
            "Moscow.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "Activists reported that army troops withdrew from much of Kherson province, "
            "including Nova Kakhovka, to the south.",
        ),
        "c.txt": doc(
            "Sea Post",
            "2030-03-04",
            "Army troops withdrew from training grounds in Kherson, Odesa, Lviv, Zhytomyr and "
            "Vinnytsia, the ministry said.",
        ),
    }
    return analysed(tmp_path_factory, "withdrawal", files)


def test_one_event_at_one_place_is_one_claim(withdrawal) -> None:  # noqa: ANN001
    arts = by_name(withdrawal)
    claim = claim_with(one_story_claims(withdrawal), arts["b"], "withdrew from much")
    assert claim.status == "corroborated"
    assert claim.independent_sources == 2
    assert {e.article for e in claim.evidence} == {arts["a"].id, arts["b"].id}


def test_a_place_in_a_list_is_no_place_of_the_event(withdrawal) -> None:  # noqa: ANN001
    arts = by_name(withdrawal)
    listed = claim_with(one_story_claims(withdrawal), arts["c"], "training grounds")
    assert {e.article for e in listed.evidence} == {arts["c"].id}


@pytest.fixture(scope="module")
def two_sides(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "Russian troops withdrew from positions around Bakhmut, the ministry said in a "
            "statement.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "Ukrainian troops withdrew from the eastern part of Bakhmut after weeks of fighting, "
            "a commander said.",
        ),
    }
    return analysed(tmp_path_factory, "two_sides", files)


def test_two_countries_forces_at_one_place_are_two_events(two_sides) -> None:  # noqa: ANN001
    arts = by_name(two_sides)
    claim = claim_with(one_story_claims(two_sides), arts["a"], "Russian troops")
    assert {e.article for e in claim.evidence} == {arts["a"].id}
