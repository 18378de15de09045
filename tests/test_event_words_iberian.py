"""Event classes, negations and armed sides of Spanish, Portuguese and Catalan sentences
(``data/events/es.json``, ``pt.json``, ``ca.json``). Every sentence is invented: its places
and people ("Valdoria", "Keresk", "Marta Ulloa") are no story's."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

# (sentence, language, its event classes exactly)
CLASSES = [
    # Spanish
    ("Los rebeldes entraron en Valdoria el martes.", "es", {"enter"}),
    ("Al menos doce personas murieron en Keresk.", "es", {"kill"}),
    ("Treinta vecinos resultaron heridos en Valdoria.", "es", {"injure"}),
    ("Miles de familias huyeron hacia la frontera de Valdoria.", "es", {"flee"}),
    ("Las milicias capturaron el aeropuerto de Keresk.", "es", {"seize"}),
    ("El ejército se retiró de Valdoria.", "es", {"withdraw"}),
    ("La presa de Valdoria se derrumbó tras las lluvias.", "es", {"breach"}),
    ("Un incendio destruyó tres naves en Keresk.", "es", {"fire"}),
    ("Un terremoto sacudió la región de Valdoria.", "es", {"quake"}),
    ("La policía detuvo a Marta Ulloa en Keresk.", "es", {"arrest"}),
    ("Cinco mineros perdieron la vida en Valdoria.", "es", {"kill"}),
    ("Los insurgentes tomaron el control de Keresk.", "es", {"seize"}),
    ("Las inundaciones cubrieron las calles de Keresk.", "es", {"flood"}),
    ("El ejército comenzó la ofensiva sobre Valdoria.", "es", {"begin"}),
    # "comenzó" with nothing that can begin is no event
    ("Comenzó a llover en Keresk por la tarde.", "es", set()),
    ("El puente de Keresk sigue intacto.", "es", {"intact"}),
    ("Unas cuatrocientas familias fueron evacuadas de Valdoria.", "es", {"displace"}),
    ("Un golpe de Estado derribó al Gobierno de Valdoria.", "es", {"coup", "topple"}),
    # look like events, are none: prices that "shot up", a crossroads
    ("Los precios del aceite se dispararon en Valdoria este verano.", "es", set()),
    ("La tienda de Marta Ulloa está en el cruce de la calle Mayor.", "es", set()),
    # Portuguese
    ("Os rebeldes entraram em Valdoria na terça-feira.", "pt", {"enter"}),
    ("Pelo menos doze pessoas morreram em Keresk.", "pt", {"kill"}),
    ("Trinta moradores ficaram feridos em Valdoria.", "pt", {"injure"}),
    ("Milhares de famílias fugiram para a fronteira de Valdoria.", "pt", {"flee"}),
    ("As milícias capturaram o aeroporto de Keresk.", "pt", {"seize"}),
    ("O exército retirou-se de Valdoria.", "pt", {"withdraw"}),
    ("A barragem de Valdoria desabou depois das chuvas.", "pt", {"breach"}),
    ("Um incêndio destruiu três armazéns em Keresk.", "pt", {"fire"}),
    ("Um sismo abalou a região de Valdoria.", "pt", {"quake"}),
    ("A polícia prendeu Marta Ulloa em Keresk.", "pt", {"arrest"}),
    ("Cinco mineiros perderam a vida em Valdoria.", "pt", {"kill"}),
    ("Os insurgentes tomaram o controle de Keresk.", "pt", {"seize"}),
    ("O ministro Rui Valtesa demitiu-se ontem.", "pt", {"resign"}),
    ("As enchentes cobriram as ruas de Keresk.", "pt", {"flood"}),
    ("A ponte de Keresk continua intacta.", "pt", {"intact"}),
    ("Centenas de famílias ficaram desalojadas em Valdoria.", "pt", {"displace"}),
    ("Os preços da gasolina dispararam em Valdoria.", "pt", set()),
    ("A loja de Marta Ulloa fica no cruzamento da rua principal.", "pt", set()),
    # Catalan
    ("Els rebels van entrar a Valdoria dimarts.", "ca", {"enter"}),
    ("Almenys dotze persones han mort a Keresk.", "ca", {"kill"}),
    ("Trenta veïns van resultar ferits a Valdoria.", "ca", {"injure"}),
    ("Milers de famílies van fugir cap a la frontera de Valdoria.", "ca", {"flee"}),
    ("Les milícies van capturar l'aeroport de Keresk.", "ca", {"seize"}),
    ("Les tropes es van retirar de Valdoria.", "ca", {"withdraw"}),
    # elisions: "l'ensorrament", "s'ensorra"
    ("L'ensorrament del pont de Valdoria va tallar la carretera.", "ca", {"breach"}),
    ("La presa de Keresk s'ensorra.", "ca", {"breach"}),
    ("Un incendi va destruir tres naus a Keresk.", "ca", {"fire"}),
    ("Un terratrèmol va sacsejar la regió de Valdoria.", "ca", {"quake"}),
    ("La policia va detenir Marta Ulloa a Keresk.", "ca", {"arrest"}),
    ("Cinc miners van perdre la vida a Valdoria.", "ca", {"kill"}),
    ("Els insurgents van prendre el control de Keresk.", "ca", {"seize"}),
    ("El pont de Keresk continua intacte.", "ca", {"intact"}),
    ("Centenars de veïns van ser evacuats de Valdoria.", "ca", {"displace"}),
    ("Els preus de la llum es van disparar a Valdoria.", "ca", set()),
    ("La botiga de Marta Ulloa és a la cruïlla del carrer Major.", "ca", set()),
]


@pytest.mark.parametrize(("text", "language", "expected"), CLASSES)
def test_event_classes(text: str, language: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, language) == expected


NEGATED = [
    ("Las tropas no han entrado en Valdoria.", "es", True),
    ("Los rebeldes nunca llegaron a entrar en Keresk.", "es", True),
    ("Las tropas entraron en Valdoria.", "es", False),
    ("As tropas não entraram em Valdoria.", "pt", True),
    ("Os soldados nunca chegaram a entrar em Keresk.", "pt", True),
    ("As tropas entraram em Valdoria.", "pt", False),
    ("Les tropes no han entrat a Valdoria.", "ca", True),
    ("Els soldats mai van entrar a Keresk.", "ca", True),
    ("Les tropes van entrar a Valdoria.", "ca", False),
]


@pytest.mark.parametrize(("text", "language", "expected"), NEGATED)
def test_negated_event(text: str, language: str, expected: bool) -> None:
    assert lexicon.negated_event(text, language) is expected


def test_negated_sentence_keeps_its_class() -> None:
    assert lexicon.event_classes("Las tropas no han entrado en Valdoria.", "es") == {"enter"}
    assert lexicon.event_classes("As tropas não entraram em Valdoria.", "pt") == {"enter"}
    assert lexicon.event_classes("Les tropes no han entrat a Valdoria.", "ca") == {"enter"}


SIDES = [
    ("Los rebeldes entraron en Valdoria el martes.", "es", {"armed_opposition"}),
    ("El ejército se retiró de Valdoria.", "es", {"state_forces"}),
    (
        "Soldados y guerrilleros se enfrentaron cerca de Keresk.",
        "es",
        {"armed_opposition", "state_forces"},
    ),
    ("La policía detuvo a Marta Ulloa en Keresk.", "es", set()),
    ("Os insurgentes tomaram o controle de Keresk.", "pt", {"armed_opposition"}),
    ("O exército retirou-se de Valdoria.", "pt", {"state_forces"}),
    (
        "Soldados e guerrilheiros enfrentaram-se perto de Keresk.",
        "pt",
        {"armed_opposition", "state_forces"},
    ),
    ("Els rebels van entrar a Valdoria dimarts.", "ca", {"armed_opposition"}),
    ("Les tropes es van retirar de Valdoria.", "ca", {"state_forces"}),
    (
        "Soldats i gihadistes es van enfrontar a prop de Keresk.",
        "ca",
        {"armed_opposition", "state_forces"},
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), SIDES)
def test_actor_sides(text: str, language: str, expected: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == expected
