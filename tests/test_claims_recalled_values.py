"""A toll that reports recall as it stood before ("police had spoken of 12 in the morning",
"a nie – jak podawano – 33", "33'ten 31'e düşürüldü") is one claim with the value each report
gives now: the recalled values are earlier steps, not one article's two facts; two values one
article gives from two sources ("the police chief said 19", "the hospital director said 24")
are a dispute of one moment. Every sentence is written by the team for these tests (a made-up
flood; real place names)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims import extract_claims
from consilience.model import Article, Report
from consilience.verdicts import analyze_story

FILES = {
    "day1-es.txt": _doc(
        "Diario del Delta",
        "2030-03-05",
        "Al menos 19 personas murieron en las inundaciones de Beira, en Mozambique. "
        "Por la mañana, la policía había hablado de al menos 12 muertos.",
    ),
    "day2-it.txt": _doc(
        "Corriere del Delta",
        "2030-03-06",
        "È salito a 27 morti il bilancio delle inondazioni di Beira, in Mozambico. "
        "Ieri sera la polizia parlava di 19 vittime.",
    ),
    "day3-pl.txt": _doc(
        "Kurier Delty",
        "2030-03-07",
        "Według policji w powodzi w Beirze w Mozambiku zginęło 31 osób, a nie – jak "
        "podawano wcześniej – 33.",
    ),
    "day3-tr.txt": _doc(
        "Delta Haber",
        "2030-03-07",
        "Mozambik'in Beira kentindeki selde hayatını kaybedenlerin sayısı 33'ten 31'e düşürüldü.",
    ),
    "day2-ru.txt": _doc(
        "Вестник Дельты",
        "2030-03-06",
        "Число погибших в результате наводнения в Бейре в Мозамбике выросло до 33. Утром "
        "власти говорили о 27 погибших.",
    ),
    # one article, two sources, two values for one moment
    "sources-es.txt": _doc(
        "Diario del Delta",
        "2030-03-05",
        "El comisario de policía de la provincia, Alberto Mucavele, aseguró que se habían "
        "recuperado 19 cadáveres en Beira. La directora del hospital central, Rosa Tembe, "
        "sostuvo en cambio que en Beira habían muerto 24 personas.",
    ),
    "date-pt.txt": _doc(
        "Jornal do Delta",
        "2030-03-06",
        "O número de mortos nas cheias de Beira subiu para 27, informou a polícia nesta "
        "quarta-feira (6).",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    return analysed(tmp_path_factory, "recalled", FILES)


@pytest.fixture(scope="module")
def articles(report) -> dict[str, Article]:
    return by_name(report)


def _figures(article: Article) -> list[tuple[str, bool, bool]]:
    return [
        (article.text[c.figure.start : c.figure.end], c.earlier, c.lowered)
        for c in extract_claims([article])
        if c.figure is not None
    ]


def test_recalled_and_corrected_values_are_read_in_each_language(articles):
    assert _figures(articles["day1-es"]) == [
        ("Al menos 19", False, False),
        ("al menos 12", True, False),
    ]
    assert _figures(articles["day2-it"]) == [("27", False, False), ("19", True, False)]
    assert _figures(articles["day3-pl"]) == [("31", False, True), ("33", True, False)]
    assert _figures(articles["day3-tr"]) == [("33", True, False), ("31", False, True)]
    assert _figures(articles["day2-ru"]) == [("33", False, False), ("27", True, False)]


def test_the_value_a_count_moved_from_is_an_earlier_one(tmp_path_factory):
    # the count a report says it moved from, not the one it moved to
    moved = {
        "from-pt.txt": _doc(
            "Jornal do Delta",
            "2030-03-06",
            "O número de mortos nas cheias de Beira subiu de 19 na terça-feira para 27 na "
            "quarta-feira, informou a polícia.",
        ),
        "from-en.txt": _doc(
            "Delta Wire",
            "2030-03-06",
            "The death toll from the floods in Beira rose from 19 on Tuesday to 27 on "
            "Wednesday, the police said.",
        ),
    }
    got = by_name(analysed(tmp_path_factory, "moved", moved))
    for name in ("from-pt", "from-en"):
        assert _figures(got[name]) == [("19", True, False), ("27", False, False)], name


def test_a_day_in_brackets_after_a_weekday_is_no_count(articles):
    assert [f for f, _, _ in _figures(articles["date-pt"])] == ["27"]


def test_a_toll_recalled_and_corrected_is_one_update(articles):
    names = ("day1-es", "day2-it", "day2-ru", "day3-pl", "day3-tr")
    claims = analyze_story([articles[n] for n in names], gazetteer=_gazetteer())
    claim = _claim_with(claims, articles["day1-es"], "Al menos 19")
    for name, phrase in (
        ("day1-es", "al menos 12"),
        ("day2-it", "27"),
        ("day2-it", "19 vittime"),
        ("day2-ru", "27 погибших"),
        ("day3-pl", "31"),
        ("day3-pl", "33"),
        ("day3-tr", "33'ten"),
    ):
        assert claim is _claim_with(claims, articles[name], phrase), (name, phrase)
    assert claim.status == "updated"
    steps = claim.why.split(": ", 2)[2].split(". ")[0]
    assert steps == (
        "al menos 12 (Diario del Delta, 2030-03-05) -> Al menos 19 (Diario del Delta, "
        "2030-03-05) -> 27 (Corriere del Delta, 2030-03-06) -> 33 (Вестник Дельты, "
        "2030-03-06) -> 31 (Kurier Delty, 2030-03-07)"
    )


def test_two_sources_of_one_article_give_one_disputed_toll(articles):
    es = articles["sources-es"]
    attributed = sorted(es.text[a.source_start : a.source_end] for a in es.annotations.attributions)
    assert attributed == [
        "El comisario de policía de la provincia",
        "La directora del hospital central",
    ]
    claims = analyze_story([es, articles["day2-it"]], gazetteer=_gazetteer())
    claim = _claim_with(claims, es, "19")
    assert claim is _claim_with(claims, es, "24")
    assert claim is _claim_with(claims, articles["day2-it"], "27")
    assert claim.status == "disputed"
    assert claim.conflicts[0].why.endswith(
        "Two sources give different values for one moment, so they are not steps of one "
        "revision, though the count also changed over time. As reported day by day: 19 or "
        "24 (2030-03-05) -> 27 (2030-03-06)."
    )
    # the sides are the two sources' values of that moment, each with who gave it
    assert [v.value for v in claim.conflicts[0].values] == ["19", "24"]
    assert claim.conflicts[0].why.startswith(
        "Reports give different figures for people killed: 19 (El comisario de policía de la "
        "provincia, Diario del Delta); 24 (La directora del hospital central, Diario del Delta)."
    )


def test_the_toll_of_every_report_is_one_claim_disputed_at_its_moment(report, articles):
    # "в Бейре в Мозамбике": the country in its locative case is still the whole country
    # (its resolved entity's name is a country's), no place the Russian figure was counted
    # in apart from the others
    (story,) = report.stories
    claims = story.claims
    claim = _claim_with(claims, articles["day2-ru"], "33")
    for name, phrase in (("sources-es", "19"), ("sources-es", "24"), ("day3-tr", "31'e")):
        assert claim is _claim_with(claims, articles[name], phrase), (name, phrase)
    assert claim.status == "disputed"
    assert [v.value for v in claim.conflicts[0].values] == ["19", "24"]
    assert claim.conflicts[0].why.endswith(
        "As reported day by day: al menos 12 (2030-03-05) -> 19 or 24 (2030-03-05) -> 27 "
        "(2030-03-06) -> 33 (2030-03-06) -> 31 (2030-03-07)."
    )
