"""A sentence about an earlier event, dated years before the story, tells background however its
clauses run: a clause tied to the old date by time ("hit in May 2024, when shelling killed 14",
"quando", "lorsque") or explaining it after a colon happened then too
(``data/background.json`` ``<language>:when``; ``claims.extract._tied_after``). The reports
below are invented."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, doc, holding, one_story_claims

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "An explosion tore through the fish market of Brelvik on Monday, killing eleven "
        "people, hospital officials said. The market was hit in May 2024, when shelling "
        "killed 14 people.",
    ),
    "fr.txt": doc(
        "Le Veilleur",
        "2031-06-02",
        "Onze personnes ont été tuées lundi par une explosion sur le marché aux poissons de "
        "Brelvik, selon l'hôpital. Le marché avait déjà été visé en mai 2024 : un "
        "bombardement y avait fait 14 morts.",
    ),
    "it.txt": doc(
        "Il Corriere",
        "2031-06-03",
        "Undici persone sono morte lunedì in un'esplosione al mercato del pesce di Brelvik, "
        "secondo l'ospedale. Il mercato era già stato colpito nel maggio del 2024, quando un "
        "bombardamento aveva provocato 14 vittime.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "background_ties", FILES)
    return by_name(report), one_story_claims(report)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("en", "shelling killed 14"),
        ("fr", "y avait fait 14 morts"),
        ("it", "aveva provocato 14 vittime"),
    ],
)
def test_an_old_toll_tied_to_its_date_is_in_no_claim(story, name: str, phrase: str) -> None:  # noqa: ANN001
    arts, claims = story
    assert holding(claims, arts[name], phrase) == []


def test_the_days_toll_is_still_one_claim_in_three_languages(story) -> None:  # noqa: ANN001
    arts, claims = story
    found = {
        c.id
        for name, phrase in (("en", "eleven"), ("fr", "Onze"), ("it", "Undici"))
        for c in holding(claims, arts[name], phrase)
    }
    assert len(found) == 1
    (claim,) = [c for c in claims if c.id in found]
    assert (claim.status, claim.independent_sources) == ("corroborated", 3)
