"""Thing nouns of German, Dutch, Polish, Russian and Ukrainian (data/things/<code>.json): the
keys ``lexicon.things`` reads in invented news sentences, inflected forms, multi-word forms
before their words, and sentences that name no thing."""

import pytest

from consilience.claims import lexicon

CASES = [
    # German: case and plural forms, compounds, a multi-word-free sentence with no thing.
    (
        "de",
        "In Valdoria stürzte das Dach des Krankenhauses ein, die Fenster der Schule zerbarsten.",
        {"roof", "hospital", "window", "school"},
    ),
    (
        "de",
        "Der Kirchturm und die Kuppel des Doms von Keresk brannten, die Orgel blieb unversehrt.",
        {"bell_tower", "dome", "cathedral", "organ"},
    ),
    (
        "de",
        "Drohnen trafen ein Kraftwerk und zwei Brücken; ein Zug entgleiste auf den Gleisen.",
        {"drone", "power_plant", "bridge", "train", "railway"},
    ),
    (
        "de",
        "Ein Rettungswagen und mehrere Feuerwehrfahrzeuge fuhren zum Flughafen.",
        {"ambulance", "fire_engine", "airport"},
    ),
    ("de", "Der Minister sagte am Montag, die Gespräche würden fortgesetzt.", set()),
    # Dutch: plurals, an apostrophe plural, compounds.
    (
        "nl",
        "In Tartu raakte een raket het dak van de kathedraal en de glas-in-loodramen sneuvelden.",
        {"missile", "roof", "cathedral", "stained_glass"},
    ),
    (
        "nl",
        "Drie auto's en een vrachtwagen botsten bij de tunnel onder de haven.",
        {"car", "truck", "tunnel", "port"},
    ),
    (
        "nl",
        "De kerktoren stortte in op de markt; de gevels van twee huizen scheurden.",
        {"bell_tower", "market", "facade", "house"},
    ),
    (
        "nl",
        "Een militaire basis bij Keresk werd beschoten, de kazerne brandde uit.",
        {"military_base", "barracks"},
    ),
    ("nl", "De premier zei dinsdag dat het overleg wordt voortgezet.", set()),
    # Polish: cases, a multi-word form before its words.
    (
        "pl",
        "W Valdorii runął dach kościoła, a w szkole wyleciały szyby z okien.",
        {"roof", "church", "school", "window"},
    ),
    (
        "pl",
        "Pocisk manewrujący trafił w elektrownię jądrową i dwa bloki mieszkalne.",
        {"missile", "power_plant", "apartment_block"},
    ),
    (
        "pl",
        "Wóz strażacki i karetka dojechały do dworca po zderzeniu pociągu z ciężarówką.",
        {"fire_engine", "ambulance", "station", "train", "truck"},
    ),
    (
        "pl",
        "Na wieży kościoła w Keresku zawaliło się rusztowanie.",
        {"bell_tower", "scaffolding"},
    ),
    ("pl", "Minister powiedział we wtorek, że rozmowy będą kontynuowane.", set()),
    # Russian: cases, yo and e spellings, multi-word forms before their words.
    (
        "ru",
        "В Валдории обрушилась крыша больницы, в школе выбиты окна.",
        {"roof", "hospital", "school", "window"},
    ),
    (
        "ru",
        "Беспилотники атаковали нефтеперерабатывающий завод и железную дорогу у Кереска.",
        {"drone", "refinery", "railway"},
    ),
    (
        "ru",
        "Ракета попала в многоэтажный дом, на девятом этаже начался пожар.",
        {"missile", "apartment_block", "floor"},
    ),
    (
        "ru",
        "К вертолёту подъехали машина скорой помощи и пожарная машина.",
        {"helicopter", "ambulance", "fire_engine"},
    ),
    ("ru", "Министр заявил в среду, что переговоры продолжатся.", set()),
    # Ukrainian: cases, both apostrophes, multi-word forms before their words.
    (
        "uk",
        "У Валдорії обвалився дах лікарні, у школі вибило вікна.",
        {"roof", "hospital", "school", "window"},
    ),
    (
        "uk",
        "Ракети влучили в житловий будинок і в енергетичну інфраструктуру біля аеропорту.",
        {"missile", "apartment_block", "airport"},
    ),
    (
        "uk",
        "Дрони атакували в’язницю та казарми біля Кереска; уламки впали на дзвіницю.",
        {"drone", "prison", "barracks", "bell_tower"},
    ),
    (
        "uk",
        "До поїзда під'їхали автомобіль швидкої допомоги і пожежна машина.",
        {"train", "ambulance", "fire_engine"},
    ),
    ("uk", "Міністр заявив у четвер, що переговори триватимуть.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_things(language: str, text: str, expected: set[str]) -> None:
    assert lexicon.things(text, language) == frozenset(expected)


def test_language_with_region_reads_its_base_file() -> None:
    assert lexicon.things("Die Brücke wurde gesperrt.", "de-AT") == frozenset({"bridge"})
