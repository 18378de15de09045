"""Who did it, said without a word of blaming: a source naming a side as the doer of the deed
("the market was hit by an army airstrike", "une frappe aérienne de l'armée") blames that side,
and a defence ministry's denial is the armed forces' word (``lexicon.doer``,
``lexicon.speaker_parties``). The invented strike below is told in four languages, each report
written apart: the armed group's account and the ministry's denial are one disputed claim."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

from consilience.claims import lexicon as lx

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "An explosion tore through the fish market of Brelvik on Monday, killing eleven "
        "people, hospital officials said. A spokesman for the Southern Front said the market "
        "had been hit by an army airstrike.",
    ),
    "fr.txt": doc(
        "Le Veilleur",
        "2031-06-02",
        "Onze personnes ont été tuées lundi par une explosion sur le marché aux poissons de "
        "Brelvik, selon l'hôpital. Le porte-parole du Front du Sud affirme que le marché a été "
        "touché par une frappe aérienne de l'armée.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-06-02",
        "Once personas murieron el lunes en una explosión en el mercado de pescado de Brelvik, "
        "según el hospital. El Ministerio de Defensa negó que aviones militares hubieran "
        "atacado el mercado.",
    ),
    "de.txt": doc(
        "Abendpost",
        "2031-06-03",
        "Bei einer Explosion auf dem Fischmarkt von Brelvik sind am Montag elf Menschen "
        "getötet worden, wie das Krankenhaus mitteilte. Das Verteidigungsministerium "
        "bestritt, dass die Luftwaffe den Markt angegriffen habe.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN201
    report = analysed(tmp_path_factory, "doer-languages", FILES)
    return report, by_name(report), one_story_claims(report)


def test_an_account_of_who_did_it_and_the_ministrys_denial_are_one_dispute(story) -> None:
    _, articles, claims = story
    claim = claim_with(claims, articles["en"], "hit by an army airstrike")
    assert holding(claims, articles["fr"], "frappe aérienne de l'armée") == [claim]
    assert holding(claims, articles["es"], "negó que aviones militares") == [claim]
    assert holding(claims, articles["de"], "bestritt, dass die Luftwaffe") == [claim]
    assert claim.status == "disputed"
    assert claim.independent_sources == 4
    (conflict,) = claim.conflicts
    assert conflict.kind == "denial"


ACCOUNT_AND_DENIALS = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "An explosion hit the fish market of Brelvik on Monday, killing eleven people, "
        'hospital officials said. "This was a rebel drone," army spokesman Colonel Aris Denko '
        "told reporters.",
    ),
    "en2.txt": doc(
        "Lowland Observer",
        "2031-06-02",
        "Eleven people died when an explosion hit the fish market of Brelvik on Monday. The "
        "rebels denied any involvement.",
    ),
    "es.txt": doc(
        "Diario Sur",
        "2031-06-03",
        "Once personas murieron el lunes por una explosión en el mercado de pescado de "
        "Brelvik. Los rebeldes negaron cualquier participación.",
    ),
}


def test_a_weapon_a_side_is_named_for_and_that_sides_denials_are_one_dispute(
    tmp_path_factory,
) -> None:
    # "a rebel drone": the weapon stands for the deed; "denied any involvement" names none
    report = analysed(tmp_path_factory, "doer-weapon", ACCOUNT_AND_DENIALS)
    articles, claims = by_name(report), one_story_claims(report)
    claim = claim_with(claims, articles["en"], "This was a rebel drone")
    assert holding(claims, articles["en2"], "The rebels denied any involvement") == [claim]
    assert holding(claims, articles["es"], "Los rebeldes negaron cualquier participación") == [
        claim
    ]
    assert claim.status == "disputed"
    said = [v.value for v in claim.conflicts[0].values]
    assert any(v.startswith("rebel drone") for v in said)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "He said the market was hit by an army airstrike.", ({"state_forces"}, {"attack"})),
        (
            "en",
            "They said it was an airstrike by government forces.",
            ({"state_forces"}, {"attack"}),
        ),
        ("en", "The army said rebels attacked a checkpoint.", ({"armed_opposition"}, {"attack"})),
        # a side after the deed with no word making it the doer is what the deed hit
        ("en", "Rebels attacked the army base.", ({"armed_opposition"}, {"attack"})),
        ("en", "It was an airstrike, army officials said.", (set(), set())),
        # Arabic: a weapon "belonging to" a side, and a side right after the deed (its genitive)
        (
            "ar",
            "وقال المتحدث إن طائرة مسيرة تابعة للمتمردين هي التي استهدفت السوق.",
            ({"armed_opposition"}, {"attack"}),
        ),
        ("ar", "وقالت الجبهة إن غارة الجيش دمرت السوق.", ({"state_forces"}, {"attack"})),
        ("ar", "وقال المتحدث إن السوق تعرض لانفجار.", (set(), set())),
        (
            "fr",
            "Il affirme que le marché a été touché par une frappe aérienne de l'armée.",
            ({"state_forces"}, {"attack"}),
        ),
        (
            "es",
            "Insistió en que se trató de un bombardeo aéreo del ejército.",
            ({"state_forces"}, {"attack"}),
        ),
        ("de", "Sie sprechen von einem Luftangriff der Armee.", ({"state_forces"}, {"attack"})),
        ("en", "The market was hit on Monday.", (set(), set())),
        ("en", '"This was a rebel drone," he said.', ({"armed_opposition"}, {"attack"})),
        ("fr", "Il accuse un drone des rebelles.", ({"armed_opposition"}, {"attack"})),
        (
            "it",
            "Il bombardamento dell'esercito ha ucciso 12 persone.",
            ({"state_forces"}, {"attack"}),
        ),
        (
            "nl",
            "Zij zeggen dat de aanval door het leger werd uitgevoerd.",
            ({"state_forces"}, {"attack"}),
        ),
        # a side that is what the deed hit, or whose name goes on after it, is no doer
        ("en", "Activists said the bombing of rebel positions killed 12.", (set(), set())),
        ("es", "Dijeron que el bombardeo de posiciones rebeldes mató a 12.", (set(), set())),
        ("en", "They said the shooting of two soldiers was deliberate.", (set(), set())),
        ("fr", "Ils dénoncent l'attaque contre des soldats.", (set(), set())),
        # "der Armee zufolge": according to the army
        ("de", "Bei dem Angriff wurden der Armee zufolge zwölf Menschen getötet.", (set(), set())),
    ],
)
def test_the_doer_a_sentence_names(language, text, expected) -> None:
    sides, deeds = lx.doer(text, language)
    assert (set(sides), set(deeds)) == expected


@pytest.mark.parametrize(
    ("language", "speaker"),
    [
        ("en", "The Defence Ministry"),
        ("en", "the Ministry of Defense"),
        ("es", "El Ministerio de Defensa"),
        ("de", "Das Verteidigungsministerium"),
        ("ru", "Министерство обороны"),
        ("ar", "وزارة الدفاع"),
    ],
)
def test_a_defence_ministry_speaks_for_the_armed_forces(language, speaker) -> None:
    assert lx.speaker_parties(speaker, language) == {"state_forces"}
    assert lx.speaker_parties("The Health Ministry", "en") == frozenset()
