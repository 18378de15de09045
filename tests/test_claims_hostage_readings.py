"""Readings a fact-checker's review of an invented hostage-taking told in ten languages found
wrong (issue 12, 13): a time of day written "11 h 20" or "le 11.20" is no count; the whole
of "two of the three hostage-takers were killed" is no toll; how many attacked changes only
when a report says so; a vague number ("decenas") is no count in any language; a rumour is
shown; a claim's wording opens with no connector ("Instead, ..."). Every sentence here is
invented (made-up places and people)."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_stories import candidate, figure
from claim_stories import doc as _doc

import consilience
from consilience.annotate.quantities import find_quantities
from consilience.claims import extract
from consilience.claims.wording import readable
from consilience.model import Article
from consilience.verdicts.conflicts import figure_verdict

SENTENCES = {
    "fr": "Trois personnes ont été tuées vers 11 h 20 dans la galerie du centre commercial.",
    "it": "Tre persone sono state uccise poco dopo le 11.20 nella galleria del centro.",
    "es": "Decenas de personas fueron evacuadas y tres personas murieron hacia las 11.20 horas.",
    "pt": "Três pessoas morreram por volta das 11h20 no centro comercial de Velmora.",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    folder: Path = tmp_path_factory.mktemp("hostage")
    for lang, text in SENTENCES.items():
        (folder / f"{lang}.txt").write_text(_doc(f"Outlet {lang}", "2031-05-14", text), "utf-8")
    report = consilience.analyze([folder], progress=False)
    return {a.language or "": a for a in report.articles}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_only_the_toll_is_a_figure(articles: dict[str, Article], lang: str):
    a = articles[lang]
    figures = [
        (a.text[q.start : q.end], q.value)
        for q in a.annotations.quantities
        if extract._is_figure(a, q)
    ]
    word = {"fr": "Trois", "it": "Tre", "es": "tres", "pt": "Três"}[lang]
    assert figures == [(word, 3.0)]


def test_the_whole_of_a_part_takes_no_event():
    text = "Zwei der drei Geiselnehmer wurden getötet, der dritte wurde festgenommen."
    found = [(q.value, q.counted, q.concept) for q in find_quantities(text, language="de")]
    assert found == [(2.0, "Geiselnehmer", "dead"), (3.0, "Geiselnehmer", None)]


def _count(article: str, value: float, day: str, counted: str, event: str | None = None):
    return candidate(
        article,
        0,
        kind="figure",
        published=day,
        figure=figure(value, counted=counted, event=event),
    )


def test_how_many_attacked_changes_only_when_a_report_says_so():
    three = _count("a", 3, "2031-05-14", "fighters")
    four = _count("b", 4, "2031-05-15", "fighters")
    conflict, update = figure_verdict([three, four], lambda x, y: x.article == y.article)
    assert update is None
    assert conflict is not None and conflict.kind == "number"
    # a toll rising from one day to the next is an update
    dead_3 = _count("a", 3, "2031-05-14", "people", "kill")
    dead_7 = _count("b", 7, "2031-05-15", "people", "kill")
    conflict, update = figure_verdict([dead_3, dead_7], lambda x, y: x.article == y.article)
    assert conflict is None
    assert update is not None and [s[1] for s in update.steps] == ["3", "7"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Instead, three armed men stormed the centre.",
            "Three armed men stormed the centre.",
        ),
        (
            "es",
            "Sin embargo, la policía detuvo a tres hombres en el puerto.",
            "La policía detuvo a tres hombres en el puerto.",
        ),
        (
            "ru",
            "Однако, полиция задержала троих мужчин в порту.",
            "Полиция задержала троих мужчин в порту.",
        ),
        # too short once the connector goes: kept
        ("en", "Still, it rained.", "Still, it rained."),
        (
            "en",
            "Three people died shortly after 11:20 a.m..",
            "Three people died shortly after 11:20 a.m.",
        ),
        (
            "de",
            "Außerdem wurden drei Männer festgenommen.",
            "Außerdem wurden drei Männer festgenommen.",
        ),
    ],
)
def test_a_wording_opens_with_no_connector(language: str, text: str, expected: str):
    assert readable(text, language) == expected


def test_a_rumour_is_shown_though_one_report_tells_it(tmp_path: Path):
    text = (
        "Tres hombres armados retienen a rehenes en el centro comercial de Velmora. "
        "Se dice que uno de los asaltantes trabajó durante años como vigilante en el centro."
    )
    (tmp_path / "es.txt").write_text(_doc("El Heraldo", "2031-05-14", text), "utf-8")
    report = consilience.analyze([tmp_path], progress=False)
    (article,) = report.articles
    at = article.text.index("Se dice")
    held = [
        c
        for s in report.stories
        for c in s.claims
        if any(e.start <= at < e.end for e in c.evidence)
    ]
    assert len(held) == 1
    assert held[0].status == "single_source"
    assert [e.stance for e in held[0].evidence] == ["rumoured"]


def test_a_denial_set_apart_by_a_semicolon_disputes_the_account(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        _doc(
            "Northern Courier",
            "2031-05-15",
            "A witness, Tomas Keller, says police officers fired at a grey car in the car park "
            "of the Velmora shopping centre on Thursday; the police deny it. Shops stayed shut.",
        ),
        "utf-8",
    )
    (tmp_path / "b.txt").write_text(
        _doc(
            "Il Quotidiano",
            "2031-05-15",
            "Un testimone racconta di aver visto gli agenti sparare contro un'auto grigia nel "
            "parcheggio del centro commerciale di Velmora giovedì. I negozi sono rimasti chiusi.",
        ),
        "utf-8",
    )
    report = consilience.analyze([tmp_path], progress=False)
    by_outlet = {a.outlet: a for a in report.articles}
    a = by_outlet["Northern Courier"]
    claims = [c for s in report.stories for c in s.claims]
    account = a.text.index("fired at")
    denial = a.text.index("the police deny")
    (claim,) = [c for c in claims if any(e.start <= account < e.end for e in c.evidence)]
    assert claim.status == "disputed"
    stances = {(e.article, e.stance) for e in claim.evidence}
    assert (a.id, "denied") in stances
    assert any(e.start <= denial < e.end and e.stance == "denied" for e in claim.evidence)
    assert {e.article for e in claim.evidence} == {a.id, by_outlet["Il Quotidiano"].id}


@pytest.mark.parametrize(
    ("language", "text", "at"),
    [
        ("en", "A little-known group claimed responsibility for the bombing.", 21),
        ("es", "El grupo reivindicó el ataque contra el centro comercial.", 9),
        ("fr", "Un groupe inconnu a revendiqué l'attaque du centre commercial.", 18),
        ("de", "Eine Gruppe bekannte sich zu dem Anschlag auf das Einkaufszentrum.", 12),
        ("ru", "Ответственность за нападение взяла на себя группировка «Фронт».", 0),
        ("ar", "أعلنت جماعة غير معروفة مسؤوليتها عن الهجوم على المركز التجاري.", 23),
    ],
)
def test_a_claim_of_responsibility_is_an_event_in_every_language(language: str, text: str, at: int):
    from consilience.claims import lexicon

    assert (at, "responsibility") in lexicon.class_positions(text, language)


@pytest.mark.parametrize(
    ("right", "language", "denial"),
    [
        ("the police deny it.", "en", True),
        ("the army rejected the reports.", "en", True),
        ("he was denied bail on Wednesday.", "en", False),
        ("the ministry did not deny the report.", "en", False),
        ("the Front denied any involvement.", "en", False),
        ("полиция это отрицает.", "ru", True),
        ("полиция этого не отрицает.", "ru", False),
        ("la policía no lo desmintió.", "es", False),
    ],
)
def test_what_a_semicolon_sets_apart_as_a_denial(right: str, language: str, denial: bool):
    from consilience.annotate.attribution_lang import stance_in

    if language == "en":
        read = extract._ENGLISH_DENIAL.search(right) is not None
    else:
        read = stance_in(right, language) == "denied"
    assert (read and not extract._negates(right, language)) == denial


@pytest.mark.parametrize(
    ("text", "language", "rumour"),
    [
        ("Se dice que uno de los asaltantes trabajó allí.", "es", True),
        ("Говорят, что один из нападавших работал охранником.", "ru", True),
        ("Полицейские говорят, что один из нападавших работал охранником.", "ru", False),
        ("Tres rehenes murieron en el centro, en el que se dice que trabajaban cien.", "es", False),
    ],
)
def test_a_rumour_nobody_signs_opens_its_sentence(text: str, language: str, rumour: bool):
    from consilience.annotate.attribution_lang import opens_with_rumour

    assert opens_with_rumour(text, language) == rumour


def test_a_connector_inside_a_quote_stays():
    text = '"However, we will not negotiate," the minister said in Velmora on Monday.'
    assert readable(text, "en") == text


def test_about_a_hundred_is_a_count_and_hundreds_is_not(tmp_path: Path):
    body = (
        "Une centaine de personnes ont été évacuées du centre commercial de Velmora. "
        "Des centaines de personnes ont été évacuées des immeubles voisins. "
        "L'assaut a commencé vers 11.20 selon la police."
    )
    (tmp_path / "fr.txt").write_text(_doc("La Gazette", "2031-05-14", body), "utf-8")
    (article,) = consilience.analyze([tmp_path], progress=False).articles
    figures = [
        (article.text[q.start : q.end], extract._is_figure(article, q))
        for q in article.annotations.quantities
    ]
    assert ("Une centaine", True) in figures
    assert ("centaines", False) in figures
    assert not any(ok for written, ok in figures if written.startswith("11"))


def test_hostages_held_at_one_moment_dispute_and_those_released_stand_apart(tmp_path: Path):
    texts = {
        "en.txt": _doc(
            "Harbour Post",
            "2031-05-14",
            "Gunmen stormed the Velmora shopping centre on Wednesday morning and by Wednesday "
            "evening were holding at least 40 people hostage, police said.",
        ),
        "fr.txt": _doc(
            "La Gazette",
            "2031-05-14",
            "Selon le parquet, les assaillants détenaient mercredi soir 25 otages dans le centre "
            "commercial de Velmora.",
        ),
        "it.txt": _doc(
            "Il Quotidiano",
            "2031-05-15",
            "Giovedì pomeriggio dodici ostaggi sono stati rilasciati dal centro commerciale di "
            "Velmora, secondo la polizia.",
        ),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    report = consilience.analyze([tmp_path], progress=False)
    claims = [c for s in report.stories for c in s.claims]
    held = [c for c in claims if {e.figure for e in c.evidence} >= {"at least 40", "25"}]
    assert [c.status for c in held] == ["disputed"]
    released = [c for c in claims if any(e.figure == "12" for e in c.evidence)]
    assert len(released) == 1 and released[0] is not held[0]


def test_a_rumour_confirms_nothing(tmp_path: Path):
    texts = {
        "a.txt": _doc(
            "El Heraldo",
            "2031-05-15",
            "Se dice que tres rehenes murieron en el centro comercial de Velmora el jueves.",
        ),
        "b.txt": _doc(
            "Diario Sur",
            "2031-05-15",
            "Tres rehenes murieron en el centro comercial de Velmora el jueves, según la policía.",
        ),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    report = consilience.analyze([tmp_path], progress=False)
    claims = [c for s in report.stories for c in s.claims if len(c.evidence) == 2]
    assert claims, "the rumour and the report are one claim"
    for claim in claims:
        assert {e.stance for e in claim.evidence} >= {"rumoured"}
        assert claim.status == "single_source"
        assert claim.independent_sources == 1
        assert "A rumour that repeats it is not counted as confirmation." in claim.why
