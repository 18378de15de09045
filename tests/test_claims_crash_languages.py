"""An invented plane crash told in three languages, each report written apart: the crash is one
claim across languages (a weak event told on one day joins by the thing it happened to), how
many were aboard is a figure of its own that two reports dispute, and a flight's number is no
count. The readers behind it are tested one by one below the story."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, gazetteer, holding, one_story_claims

from consilience.annotate.quantities import find_quantities
from consilience.annotate.quantities_lang import find_quantities_in

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-09-07",
        "A passenger plane crashed near the town of Brelvik on Saturday, officials said. The "
        "plane was carrying 64 people when it went down. The death toll from the crash of "
        "flight KR 512 rose to 41 on Sunday.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-09-06",
        "Un avión de pasajeros se estrelló el sábado cerca de Brelvik, según las autoridades. "
        "Murieron 30 personas. El vuelo KR 512 llevaba a bordo a 68 personas, según la policía.",
    ),
    "de.txt": doc(
        "Abendblatt",
        "2031-09-06",
        "Das Flugzeug war am Samstag nahe Brelvik abgestürzt. Nach Angaben der Behörden kamen "
        "30 Menschen ums Leben.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN201
    report = analysed(tmp_path_factory, "crash-languages", FILES)
    return by_name(report), one_story_claims(report)


def test_the_crash_told_in_three_languages_is_one_claim(story) -> None:
    articles, claims = story
    claim = claim_with(claims, articles["de"], "nahe Brelvik abgestürzt")
    assert holding(claims, articles["es"], "Un avión de pasajeros se estrelló") == [claim]
    assert holding(claims, articles["en"], "A passenger plane crashed") == [claim]
    assert (claim.status, claim.independent_sources) == ("corroborated", 3)


def test_how_many_were_aboard_is_its_own_figure_and_disputed(story) -> None:
    articles, claims = story
    claim = claim_with(claims, articles["en"], "carrying 64 people")
    assert holding(claims, articles["es"], "a bordo a 68 personas") == [claim]
    assert claim.status == "disputed"
    assert {v.value for v in claim.conflicts[0].values} == {"64", "68"}
    toll = claim_with(claims, articles["en"], "rose to 41")
    assert toll is not claim


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the crash of flight KR 512 rose to 41.",
        "Flight KR 512 went down near Brelvik.",
    ],
)
def test_a_flights_number_after_its_code_is_no_count_in_english(text) -> None:
    assert [q.value for q in find_quantities(text) if q.value == 512] == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Un avión de pasajeros se estrelló el sábado."),
        ("fr", "Un avion s'est écrasé samedi."),
        ("de", "Ein Flugzeug ist am Samstag abgestürzt."),
    ],
)
def test_an_article_before_a_thing_is_no_count_of_one(language, text) -> None:
    assert find_quantities_in(language, text) == []


@pytest.mark.parametrize(
    ("language", "text", "aboard"),
    [
        ("en", "The plane was carrying 64 people.", True),
        ("es", "El vuelo llevaba a bordo a 68 personas.", True),
        ("ar", "وكانت الطائرة تحمل على متنها 64 راكبا.", True),
        # "not less than 12": "يقل" is also "carries", left out
        ("ar", "قتل ما لا يقل عن 12 شخصا في القصف.", False),
        # another verb: "carrying out", "llevaba a cabo"
        ("en", "Troops carrying out the raid killed 12 people.", False),
        ("es", "El ejército, que llevaba a cabo la operación, mató a 12 personas.", False),
    ],
)
def test_a_count_of_those_aboard(language, text, aboard) -> None:
    from consilience.claims.extract import _aboard

    pos = next(i for i, ch in enumerate(text) if ch.isdigit())
    assert (_aboard(text, pos, (0, len(text)), language) is not None) is aboard


def test_the_dead_among_those_aboard_are_the_toll(tmp_path_factory) -> None:
    files = {
        "a.txt": doc(
            "Harbour Courier",
            "2031-09-09",
            "A ferry sank off Brelvik on Tuesday. 35 people on board died, officials said.",
        ),
        "b.txt": doc(
            "Lowland Observer",
            "2031-09-09",
            "A ferry sank off Brelvik on Tuesday, killing 35 people, officials said.",
        ),
        "c.txt": doc(
            "Valdoria Post",
            "2031-09-09",
            "A bus carrying 40 pupils crashed near Tartu on Tuesday.",
        ),
    }
    report = analysed(tmp_path_factory, "aboard-toll", files)
    articles, claims = by_name(report), one_story_claims(report)
    toll = claim_with(claims, articles["a"], "35 people on board died")
    assert holding(claims, articles["b"], "killing 35 people") == [toll]
    assert toll.status == "corroborated"
    # "carrying 40 pupils": how many were aboard, whoever is counted
    from consilience.claims import extract_claims

    (forty,) = [
        c.figure
        for c in extract_claims([articles["c"]], gazetteer=gazetteer())
        if c.figure is not None and c.figure.value == 40
    ]
    assert (forty.event, forty.counted) == ("aboard", "people")


def test_another_attack_of_one_article_is_never_joined_to_the_first(tmp_path_factory) -> None:
    files = {
        "en.txt": doc(
            "Harbour Courier",
            "2031-09-10",
            "Gunmen attacked a market in Brelvik on Tuesday morning, officials said. Another "
            "attack hit a second market in Brelvik on Tuesday evening.",
        ),
        "es.txt": doc(
            "Diario Sur",
            "2031-09-10",
            "Hombres armados atacaron el martes por la tarde un mercado de Brelvik.",
        ),
    }
    report = analysed(tmp_path_factory, "another-attack", files)
    articles, claims = by_name(report), one_story_claims(report)
    first = holding(claims, articles["en"], "Gunmen attacked a market")
    second = holding(claims, articles["en"], "Another attack hit")
    assert first and second and not set(map(id, first)) & set(map(id, second))
