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
    # a clause after a semicolon tied to the date by "toen" (then)
    "nl.txt": doc(
        "De Wachter",
        "2031-06-03",
        "Bij een explosie op de vismarkt van Brelvik zijn maandag elf mensen omgekomen, "
        "meldt het ziekenhuis. In mei 2024 werd de markt al beschoten; toen kwamen 14 "
        "mensen om.",
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
        ("nl", "toen kwamen 14"),
    ],
)
def test_an_old_toll_tied_to_its_date_is_in_no_claim(story, name: str, phrase: str) -> None:  # noqa: ANN001
    arts, claims = story
    assert holding(claims, arts[name], phrase) == []


def test_the_days_toll_is_still_one_claim_in_four_languages(story) -> None:  # noqa: ANN001
    arts, claims = story
    found = {
        c.id
        for name, phrase in (("en", "eleven"), ("fr", "Onze"), ("it", "Undici"), ("nl", "elf"))
        for c in holding(claims, arts[name], phrase)
    }
    assert len(found) == 1
    (claim,) = [c for c in claims if c.id in found]
    assert (claim.status, claim.independent_sources) == ("corroborated", 4)


# An earlier crash of the airline, its year opening the clause that counts its dead, with no
# comma after the year, after a colon, or behind the words that make a bare year a date.
CRASH = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "A passenger jet crashed near Brelvik airport on Monday, killing 31 people, officials "
        "said. In 2024 one of the airline's jets overran the runway in heavy rain, killing "
        "nine people.",
    ),
    "ca.txt": doc(
        "Diari del Port",
        "2031-06-03",
        "Un avió de passatgers es va estavellar dilluns a prop de l'aeroport de Brelvik i van "
        "morir 31 persones, segons les autoritats. L'any 2024, un dels seus avions es va "
        "sortir de la pista i van morir nou persones.",
    ),
    "ru.txt": doc(
        "Новый Курьер",
        "2031-06-03",
        "Пассажирский самолёт разбился в понедельник около аэропорта Брелвика, погиб 31 "
        "человек, сообщили власти. Это уже вторая катастрофа авиакомпании: в 2024 году её "
        "самолёт выкатился за пределы полосы, тогда погибли девять человек.",
    ),
}


@pytest.fixture(scope="module")
def crash(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "background_crash", CRASH)
    return by_name(report), one_story_claims(report)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("en", "killing nine people"),
        ("ca", "van morir nou persones"),
    ],
)
def test_an_old_crash_opening_its_clause_is_in_no_claim(crash, name: str, phrase: str) -> None:  # noqa: ANN001
    arts, claims = crash
    assert holding(claims, arts[name], phrase) == []


def test_the_crash_toll_is_one_claim_in_three_languages(crash) -> None:  # noqa: ANN001
    arts, claims = crash
    found = {
        c.id
        for name, phrase in (("en", "killing 31"), ("ca", "31 persones"), ("ru", "31"))
        for c in holding(claims, arts[name], phrase)
    }
    assert len(found) == 1
    # the earlier crash's nine dead (the Russian clause after a colon included) are no value
    # of it: one toll, corroborated by three
    (claim,) = [c for c in claims if c.id in found]
    assert (claim.status, claim.independent_sources) == ("corroborated", 3)


@pytest.mark.parametrize(
    ("language", "before", "since"),
    [
        ("es", "el nivel más bajo desde ", True),
        ("fr", "le niveau le plus bas depuis ", True),
        ("de", "der tiefste Stand seit ", True),
        ("ru", "самый низкий уровень с ", True),
        ("ar", "أدنى مستوى منذ ", True),
        ("es", "un avión salió de la pista en ", False),
        ("en", "the lowest level since ", True),
        ("en", "a jet overran the runway in ", False),
    ],
)
def test_a_date_after_since_lasts_until_now(language: str, before: str, since: bool) -> None:
    # a sentence dated "since 2004" tells how things stand now: no background
    from consilience.claims.extract import _since

    assert _since(before, language) is since
