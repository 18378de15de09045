"""Counts given in parts ("the 12 X and 11 Y pirates") are parts of a total: they do not
dispute the total another report gives, and each part is its own fact; a part named by a noun
of its own ("30 children and eight adults") is keyed by that noun as it always is. Invented
reports, run through the real pipeline."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, one_story_claims


@pytest.fixture(scope="module")
def pirates(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "The navy captured 23 pirates off the coast of Veldmark on Monday, officials said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "Navy commandos captured 23 pirates near Veldmark on Monday, a spokesman said.",
        ),
        "c.txt": doc(
            "Sea Post",
            "2030-03-04",
            "Navy commandos boarded two boats near Veldmark and seized rifles from the "
            "12 Malvish and 11 Torran pirates on board, a spokesman said on Monday.",
        ),
    }
    return analysed(tmp_path_factory, "pirates", files)


@pytest.fixture(scope="module")
def missing(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-05-10",
            "Eight adults were still missing after the school in Veldmark collapsed on "
            "Friday, officials said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-05-10",
            "After the school in Veldmark collapsed on Friday, 30 children and eight adults "
            "were still missing, officials said.",
        ),
    }
    return analysed(tmp_path_factory, "missing", files)


def test_parts_of_a_count_do_not_dispute_the_total(pirates) -> None:  # noqa: ANN001
    arts = by_name(pirates)
    total = claim_with(one_story_claims(pirates), arts["a"], "23 pirates")
    assert total.status == "corroborated"
    assert total.independent_sources == 2
    assert {e.article for e in total.evidence} == {arts["a"].id, arts["b"].id}
    part = claim_with(one_story_claims(pirates), arts["c"], "11 Torran")
    assert part is not total
    assert all(c.status != "disputed" for c in one_story_claims(pirates))


def test_parts_named_by_their_own_nouns_keep_their_keys(missing) -> None:  # noqa: ANN001
    arts = by_name(missing)
    adults = claim_with(one_story_claims(missing), arts["a"], "Eight adults")
    assert adults.status == "corroborated"
    assert adults.independent_sources == 2
    assert any(e.article == arts["b"].id for e in adults.evidence)


@pytest.fixture(scope="module")
def convoy(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-05-10",
            "The attack on the convoy near Veldmark killed 30 civilians and 12 government "
            "soldiers on Monday, officials said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-05-10",
            "The attack on the convoy near Veldmark killed 12 soldiers on Monday, the army said.",
        ),
    }
    return analysed(tmp_path_factory, "convoy", files)


def test_a_count_beside_a_count_of_another_noun_is_no_part(convoy) -> None:  # noqa: ANN001
    arts = by_name(convoy)
    soldiers = claim_with(one_story_claims(convoy), arts["b"], "12 soldiers")
    assert (soldiers.status, soldiers.independent_sources) == ("corroborated", 2)
    assert any(e.article == arts["a"].id for e in soldiers.evidence)
