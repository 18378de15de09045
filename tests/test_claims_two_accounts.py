"""Two accounts of one figure set side by side in one sentence ("the ministry counted 40
injured, while the Red Crescent put the figure at 65") are one disputed fact, never one
article's two facts nor the steps of an update, even when a later report repeats one value
(invented reports)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

FILES = {
    "es.txt": doc(
        "Diario Sur",
        "2031-07-04",
        "Una explosión destruyó el sábado un almacén en el puerto de Brelvik. El Ministerio de "
        "Salud cifró en 40 el número de heridos, mientras que la Media Luna Roja elevó esa cifra "
        "a 65 en un balance difundido al mismo tiempo.",
    ),
    "fr.txt": doc(
        "La Voix",
        "2031-07-04",
        "Une explosion a détruit samedi un entrepôt du port de Brelvik. Le ministère de la Santé "
        "a fait état de 40 blessés, tandis que le Croissant-Rouge en recensait 65 au même moment.",
    ),
    "en.txt": doc(
        "Harbour Courier",
        "2031-07-05",
        "An explosion destroyed a warehouse at the port of Brelvik on Saturday. The health "
        "ministry said 40 people were injured in the blast.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN201
    report = analysed(tmp_path_factory, "two-accounts", FILES)
    return by_name(report), one_story_claims(report)


def test_two_accounts_in_one_sentence_are_one_disputed_fact(story) -> None:
    articles, claims = story
    claim = claim_with(claims, articles["es"], "cifró en 40")
    assert holding(claims, articles["es"], "elevó esa cifra a 65") == [claim]
    assert holding(claims, articles["fr"], "en recensait 65") == [claim]
    assert holding(claims, articles["en"], "40 people were injured") == [claim]
    assert claim.status == "disputed"
    (conflict,) = claim.conflicts
    assert conflict.kind == "number"
    assert {v.value for v in conflict.values} == {"40", "65"}


def test_a_further_count_is_no_second_account(tmp_path_factory) -> None:
    files = {
        "a.txt": doc(
            "Harbour Courier",
            "2031-07-04",
            "An explosion destroyed a warehouse at the port of Brelvik on Saturday. Five workers "
            "were killed in the blast, while three more were killed when a wall fell.",
        ),
    }
    report = analysed(tmp_path_factory, "further-count", files)
    articles, claims = by_name(report), one_story_claims(report)
    five = claim_with(claims, articles["a"], "Five workers")
    assert five.status != "disputed"
    assert five not in holding(claims, articles["a"], "three more")


def test_two_counts_of_two_things_in_one_sentence_are_no_accounts(tmp_path_factory) -> None:
    files = {
        "a.txt": doc(
            "Harbour Courier",
            "2031-07-04",
            "Two bombs hit Brelvik on Tuesday. Eight people were killed by the first bomb at the "
            "market, while six people were killed by the second bomb near the port.",
        ),
        "b.txt": doc(
            "Diario Sur",
            "2031-07-04",
            "Two bombs hit Brelvik on Tuesday, killing 14 people, officials said.",
        ),
    }
    report = analysed(tmp_path_factory, "two-counts", files)
    articles, claims = by_name(report), one_story_claims(report)
    eight = claim_with(claims, articles["a"], "Eight people")
    assert eight not in holding(claims, articles["a"], "six people")
