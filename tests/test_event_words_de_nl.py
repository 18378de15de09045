"""Event classes, negations and armed sides of German and Dutch sentences
(``data/events/de.json``, ``nl.json``). Every sentence is invented: its places and people
("Valdoria", "Keresk", "Marta Ulloa") are no story's."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

# (sentence, language, its event classes exactly)
CLASSES = [
    # German
    ("Die Rebellen sind in Valdoria eingedrungen.", "de", {"enter"}),
    ("Mindestens zwölf Menschen wurden in Keresk getötet.", "de", {"kill"}),
    ("Bei dem Unglück in Valdoria kamen fünf Bergleute ums Leben.", "de", {"kill"}),
    ("Dreißig Anwohner wurden in Valdoria verletzt.", "de", {"injure"}),
    ("Tausende Familien flohen in Richtung Valdoria.", "de", {"flee"}),
    ("Die Milizen eroberten den Flughafen von Keresk.", "de", {"seize"}),
    ("Die Armee hat sich aus Valdoria zurückgezogen.", "de", {"withdraw"}),
    ("Der Abzug der Truppen aus Keresk dauerte drei Wochen.", "de", {"withdraw"}),
    # separable verbs: the participle, the noun, the verb with its particle right after it
    ("Die Brücke von Keresk ist eingestürzt.", "de", {"breach"}),
    ("Der Einsturz des Damms überraschte die Anwohner von Valdoria.", "de", {"breach"}),
    ("Die Brücke stürzte ein.", "de", {"breach"}),
    ("Ein Brand zerstörte drei Lagerhallen in Keresk.", "de", {"fire"}),
    ("Ein Erdbeben erschütterte die Region um Valdoria.", "de", {"quake"}),
    ("Die Polizei hat Marta Ulloa in Keresk festgenommen.", "de", {"arrest"}),
    ("Das Hochwasser überspülte die Straßen von Keresk.", "de", {"flood"}),
    ("Die Armee begann die Offensive auf Valdoria.", "de", {"begin"}),
    # "begann" with nothing that can begin is no event
    ("In Keresk begann es am Nachmittag zu regnen.", "de", set()),
    ("Die Brücke von Keresk blieb intakt.", "de", {"intact"}),
    ("Rund vierhundert Familien wurden aus Valdoria evakuiert.", "de", {"displace"}),
    ("Der Minister Rudi Valtesa ist gestern zurückgetreten.", "de", {"resign"}),
    # look like events, are none: a share price that "fell" (stürzte), no other choice (Wahl)
    ("Der Aktienkurs von Valdoria stürzte um zehn Prozent.", "de", set()),
    ("Marta Ulloa hatte keine andere Wahl.", "de", set()),
    # Dutch
    ("De rebellen zijn Valdoria binnengedrongen.", "nl", {"enter"}),
    ("Minstens twaalf mensen werden in Keresk gedood.", "nl", {"kill"}),
    ("Vijf mijnwerkers kwamen in Valdoria om het leven.", "nl", {"kill"}),
    ("Dertig bewoners raakten in Valdoria gewond.", "nl", {"injure"}),
    ("Duizenden gezinnen vluchtten naar de grens van Valdoria.", "nl", {"flee"}),
    ("De milities veroverden het vliegveld van Keresk.", "nl", {"seize"}),
    ("Het leger trok zich terug uit Valdoria.", "nl", {"withdraw"}),
    ("De brug van Keresk is ingestort.", "nl", {"breach"}),
    ("Een brand verwoestte drie loodsen in Keresk.", "nl", {"fire"}),
    ("Een aardbeving trof de regio rond Valdoria.", "nl", {"quake"}),
    ("De politie heeft Marta Ulloa in Keresk gearresteerd.", "nl", {"arrest"}),
    ("De overstromingen zetten de straten van Keresk blank.", "nl", {"flood"}),
    ("Het leger begon het offensief tegen Valdoria.", "nl", {"begin"}),
    ("De brug van Keresk is intact gebleven.", "nl", {"intact"}),
    ("Zo'n vierhonderd gezinnen werden uit Valdoria geëvacueerd.", "nl", {"displace"}),
    ("Minister Ruud Valtesa trad af.", "nl", {"resign"}),
    ("De dijk bij Keresk heeft het begeven.", "nl", {"breach"}),
    ("Minister Ruud Valtesa is gisteren afgetreden.", "nl", {"resign"}),
    # look like events, are none: flights (vluchten) cancelled, a chosen plan (gekozen)
    ("De vluchten naar Valdoria zijn geannuleerd wegens onderhoud.", "nl", set()),
    ("Marta Ulloa heeft voor een ander plan gekozen.", "nl", set()),
]


@pytest.mark.parametrize(("text", "language", "classes"), CLASSES)
def test_event_classes(text: str, language: str, classes: set[str]) -> None:
    assert lexicon.event_classes(text, language) == classes


NEGATED = [
    ("Die Truppen sind nicht in Valdoria eingedrungen.", "de", True),
    ("Bei dem Brand in Keresk wurde niemand verletzt.", "de", True),
    ("Es gab keine Toten in Valdoria.", "de", True),
    ("Die Truppen sind in Valdoria eingedrungen.", "de", False),
    ("Die Rebellen eroberten Keresk.", "de", False),
    ("De troepen zijn Valdoria niet binnengedrongen.", "nl", True),
    ("Bij de brand in Keresk raakte niemand gewond.", "nl", True),
    ("Er vielen geen doden in Valdoria.", "nl", True),
    ("De troepen zijn Valdoria binnengedrongen.", "nl", False),
    ("De rebellen veroverden Keresk.", "nl", False),
]


@pytest.mark.parametrize(("text", "language", "negated"), NEGATED)
def test_negated_event(text: str, language: str, negated: bool) -> None:
    assert lexicon.negated_event(text, language) is negated


SIDES = [
    ("Die Rebellen griffen den Stützpunkt an.", "de", {"armed_opposition"}),
    ("Die Soldaten besetzten die Brücke.", "de", {"state_forces"}),
    (
        "Aufständische und Regierungstruppen kämpften um Keresk.",
        "de",
        {"armed_opposition", "state_forces"},
    ),
    ("Marta Ulloa eröffnete die Ausstellung in Valdoria.", "de", set()),
    ("De opstandelingen vielen de basis aan.", "nl", {"armed_opposition"}),
    ("Het leger stuurde soldaten naar Keresk.", "nl", {"state_forces"}),
    (
        "Jihadisten en regeringstroepen vochten om Valdoria.",
        "nl",
        {"armed_opposition", "state_forces"},
    ),
    ("Marta Ulloa opende de tentoonstelling in Valdoria.", "nl", set()),
]


@pytest.mark.parametrize(("text", "language", "sides"), SIDES)
def test_actor_sides(text: str, language: str, sides: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == sides
