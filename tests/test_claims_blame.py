"""Who did it: an invented shelling told in four languages, each report written apart, where an
armed group blames the armed forces and the army denies it. The accusations and the denials of
every language are one disputed claim; an accusation of something else stays apart. The reader
of who is blamed is tested one sentence at a time below the story."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

from consilience.claims import lexicon as lx

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "Shells hit the bus station of Brelvik on Monday, killing nine people, local officials "
        "said. The Southern Front, an armed group that holds the town, accused the national "
        "armed forces of shelling the station. An army spokesman denied that the army had "
        "fired on Brelvik on Monday. The Southern Front also accused the army of arresting "
        "three journalists last week.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-06-02",
        "Nueve personas murieron el lunes por el bombardeo de la estación de autobuses de "
        "Brelvik, según las autoridades locales. El Frente Sur, el grupo armado que controla la "
        "ciudad, acusó a las Fuerzas Armadas de bombardear la estación. El portavoz del "
        "Ejército negó que sus tropas hubieran bombardeado la zona el lunes.",
    ),
    "ru.txt": doc(
        "Vestnik",
        "2031-06-03",
        "В результате обстрела автовокзала в Брелвике в понедельник погибли девять человек, "
        "сообщили местные власти. «Южный фронт» обвинил в обстреле Вооруженные силы. "
        "Представитель армии опроверг причастность военных к обстрелу.",
    ),
    "ar.txt": doc(
        "Al Ufuq",
        "2031-06-02",
        "قُتل تسعة أشخاص يوم الاثنين في قصف استهدف محطة الحافلات في بريلفيك، وفقا لمسؤولين "
        "محليين. واتهمت الجبهة الجنوبية القوات المسلحة بتنفيذ القصف. ونفى متحدث باسم الجيش أن "
        "تكون قواته قد قصفت المحطة.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN201
    report = analysed(tmp_path_factory, "blame-languages", FILES)
    return report, by_name(report), one_story_claims(report)


def test_accusations_and_denials_in_every_language_are_one_dispute(story) -> None:
    _, articles, claims = story
    claim = claim_with(claims, articles["en"], "accused the national armed forces")
    assert holding(claims, articles["en"], "denied that the army had fired") == [claim]
    assert holding(claims, articles["es"], "acusó a las Fuerzas Armadas") == [claim]
    assert holding(claims, articles["es"], "negó que sus tropas") == [claim]
    assert holding(claims, articles["ru"], "обвинил в обстреле") == [claim]
    assert holding(claims, articles["ru"], "опроверг причастность") == [claim]
    assert holding(claims, articles["ar"], "واتهمت الجبهة الجنوبية") == [claim]
    assert holding(claims, articles["ar"], "ونفى متحدث") == [claim]
    assert claim.status == "disputed"
    assert claim.independent_sources == 4
    (conflict,) = claim.conflicts
    assert conflict.kind == "denial"
    # each side in its own words: who is blamed, and the denial
    said = [v.value for v in conflict.values]
    assert any(t.startswith("accused the national armed forces of shelling") for t in said)
    assert any(t.startswith("acusó a las Fuerzas Armadas") for t in said)
    assert any(t.startswith("denied that the army had fired") for t in said)


def test_an_accusation_of_something_else_stays_apart(story) -> None:
    _, articles, claims = story
    dispute = claim_with(claims, articles["en"], "accused the national armed forces")
    assert dispute not in holding(claims, articles["en"], "accused the army of arresting")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The rebels accused the army of shelling the market.", {"state_forces"}),
        ("en", "The mayor blamed the armed forces for the attack.", {"state_forces"}),
        ("en", "Residents held government forces responsible for the blast.", {"state_forces"}),
        # a passive: who is named before the word is blamed
        ("en", "The rebels were accused of shelling the town by the army.", {"armed_opposition"}),
        ("en", "The army said the rebels shelled the market.", set()),
        ("es", "El grupo acusó a las Fuerzas Armadas del ataque.", {"state_forces"}),
        ("pt", "O grupo culpou os rebeldes pelo ataque.", {"armed_opposition"}),
        ("it", "Il gruppo ha accusato le Forze armate dell'attacco.", {"state_forces"}),
        ("fr", "Le groupe a accusé les forces armées de l'attaque.", {"state_forces"}),
        ("de", "Die Gruppe macht die Armee für den Angriff verantwortlich.", {"state_forces"}),
        ("de", "Die Gruppe warf den Rebellen den Angriff vor.", {"armed_opposition"}),
        ("ru", "Группа обвинила в ударе вооруженные силы.", {"state_forces"}),
        ("ar", "واتهمت الجماعة القوات المسلحة بتنفيذ الهجوم.", {"state_forces"}),
    ],
)
def test_who_a_sentence_blames(language, text, expected) -> None:
    assert lx.accused_sides(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The armed forces withdrew.", {"state_forces"}),
        # "armed" names no side before another word
        ("en", "Armed men withdrew.", set()),
        ("es", "Las Fuerzas Armadas se retiraron.", {"state_forces"}),
        ("ar", "وانسحبت القوات المسلحة.", {"state_forces"}),
        ("ru", "Вооружённые силы отошли.", {"state_forces"}),
    ],
)
def test_a_phrase_names_a_side_as_a_whole(language, text, expected) -> None:
    assert lx.actor_sides(text, language) == expected


OTHER_SCENES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-09",
        "Shells hit the market of Tartu on Monday, killing five people, officials said. The "
        "Southern Front accused the armed forces of shelling the market.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-06-09",
        "Cinco personas murieron el lunes por el bombardeo del mercado de Tartu, según las "
        "autoridades. El Frente Sur acusó a las Fuerzas Armadas de bombardear el mercado.",
    ),
    "en2.txt": doc(
        "Lowland Observer",
        "2031-06-09",
        "Five people died when shells hit the market of Tartu on Monday. An army spokesman "
        "denied that troops had shelled the hospital. Residents of Tartu denied that "
        "soldiers had attacked the market.",
    ),
}


def test_a_denial_of_another_scene_or_by_no_side_disputes_no_accusation(
    tmp_path_factory,
) -> None:
    report = analysed(tmp_path_factory, "blame-scenes", OTHER_SCENES)
    articles, claims = by_name(report), one_story_claims(report)
    claim = claim_with(claims, articles["en"], "accused the armed forces of shelling")
    assert holding(claims, articles["es"], "acusó a las Fuerzas Armadas") == [claim]
    # the army denies shelling the hospital, not the market; residents are no side
    assert claim not in holding(claims, articles["en2"], "denied that troops had shelled")
    assert claim not in holding(claims, articles["en2"], "denied that soldiers had attacked")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the strike is what the aid was for, not what the army is blamed for
        (
            "en",
            "The Southern Front accused the army of blocking aid convoys to the victims of "
            "the strike.",
        ),
        ("fr", "Le Front du Sud a accusé l'armée de mentir sur le bilan de l'attaque."),
        # blamed by the army: the Front is blamed, and it is no side
        ("en", "The Southern Front, accused by the army of shelling the market, said nothing."),
    ],
)
def test_a_sentence_blaming_no_side_for_a_deed(language, text) -> None:
    assert lx.blame(text, language) == (frozenset(), frozenset())


def test_an_arabic_verb_is_followed_by_who_blames_then_who_is_blamed() -> None:
    # "the army accused the rebels of shelling the market"
    assert lx.blame("واتهم الجيش المتمردين بقصف السوق", "ar") == (
        frozenset({"armed_opposition"}),
        frozenset({"attack"}),
    )


def test_a_rebel_armys_name_is_no_state_force() -> None:
    assert lx.actor_sides("The Revolutionary Armed Forces of the South attacked.") == {
        "armed_opposition"
    }
    assert lx.actor_sides("Las Fuerzas Armadas Revolucionarias atacaron.", "es") == {
        "armed_opposition"
    }


def test_a_dismissal_is_no_shooting() -> None:
    assert lx.event_classes("Colonel Kask was fired on Tuesday.") == set()
    assert lx.event_classes("Soldiers were firing at protesters.") == {"shoot"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Civic Front accused the government of staging the coup."),
        ("ru", "Гражданский фронт обвинил власти в инсценировке переворота."),
        ("ar", "واتهمت الجبهة المدنية الحكومة بتدبير الانقلاب."),
        ("es", "El Frente Cívico acusó al gobierno de organizar el golpe de Estado."),
    ],
)
def test_a_government_can_be_blamed(language, text) -> None:
    assert lx.blame(text, language) == (frozenset({lx.GOVERNMENT}), frozenset({"coup"}))


def test_a_government_is_no_armed_side() -> None:
    assert lx.actor_sides("The government sent troops.") == {"state_forces"}
    assert lx.actor_sides("The government resigned.") == set()
    assert lx.speaker_parties("Government spokesman Jaan Kask") == {lx.GOVERNMENT}


STAGED = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-10-16",
        "Soldiers seized the state broadcaster in Orvast overnight. The Civic Front accused the "
        "government of staging the coup. A government spokesman denied the accusation.",
    ),
    "ru.txt": doc(
        "Vestnik",
        "2031-10-16",
        "Военные ночью захватили государственный телеканал в Орвасте. Гражданский фронт обвинил "
        "власти в инсценировке переворота.",
    ),
}


def test_blaming_the_government_and_its_denial_are_one_dispute(tmp_path_factory) -> None:
    report = analysed(tmp_path_factory, "blame-government", STAGED)
    articles, claims = by_name(report), one_story_claims(report)
    claim = claim_with(claims, articles["en"], "accused the government of staging")
    assert holding(claims, articles["ru"], "обвинил власти") == [claim]
    assert holding(claims, articles["en"], "denied the accusation") == [claim]
    assert (claim.status, claim.independent_sources) == ("disputed", 2)
