"""Italian and French event words (``claims/data/events/it.json``, ``fr.json``): the class of
each kind of happening, negated events, armed sides, elided articles, and everyday sentences
that look like an event but name none. Invented places and people only."""

import pytest

from consilience.claims import lexicon

IT_CLASSES = [
    ("Almeno dodici persone sono morte nel villaggio di Valdoria.", {"kill"}),
    (
        "Sette passeggeri sono rimasti feriti nello schianto del pullman vicino a Keresk.",
        {"injure", "crash"},
    ),
    ("Migliaia di abitanti sono fuggiti da Valdoria verso le montagne.", {"flee"}),
    ("I ribelli sono entrati a Keresk all'alba.", {"enter"}),
    ("Gli insorti hanno conquistato l'aeroporto di Valdoria.", {"seize"}),
    ("L'esercito si è ritirato da Keresk dopo tre giorni.", {"withdraw"}),
    ("Il crollo della diga ha travolto due paesi a valle di Valdoria.", {"breach"}),
    ("Dopo l'esplosione, il palazzo di Keresk è crollato.", {"explode", "breach"}),
    ("Un incendio ha distrutto un magazzino alla periferia di Valdoria.", {"fire"}),
    ("Un terremoto di magnitudo 5,8 ha colpito la provincia di Keresk.", {"quake"}),
    ("La polizia ha arrestato Marta Ulloa a Valdoria.", {"arrest"}),
    ("Le squadre cercano ancora i dispersi dell'alluvione a Keresk.", {"missing", "flood"}),
    ("L'esondazione del torrente ha allagato le strade di Valdoria.", {"flood"}),
    ("Oltre tremila sfollati sono stati accolti nelle palestre di Keresk.", {"displace"}),
    ("La sindaca Marta Ulloa si è dimessa dopo lo scandalo.", {"resign"}),
    ("È iniziata la battaglia per il controllo di Keresk.", {"begin"}),
    ("Le truppe hanno preso il controllo del porto di Valdoria.", {"seize"}),
    ("Tre pescatori hanno perso la vita al largo di Keresk.", {"kill"}),
    # everyday sentences with a word that looks like an event word: no class
    ("Le entrate fiscali della regione di Valdoria sono cresciute.", set()),
    ("I vigili del fuoco di Keresk hanno festeggiato il loro patrono.", set()),
    ("Le parti hanno rispettato il cessate il fuoco a Valdoria.", set()),
    ("La squadra di Keresk è in ritiro in montagna.", set()),
]

FR_CLASSES = [
    ("Au moins quinze personnes ont été tuées à Valdoria.", {"kill"}),
    ("Huit passagers ont été blessés dans la collision près de Keresk.", {"injure", "crash"}),
    ("Des milliers d'habitants ont fui Valdoria.", {"flee"}),
    ("Les rebelles sont entrés dans Keresk à l'aube.", {"enter"}),
    ("Les insurgés se sont emparés de l'aéroport de Valdoria.", {"seize"}),
    ("L'armée s'est retirée de Keresk.", {"withdraw"}),
    ("L'effondrement du pont a coupé la route de Valdoria.", {"breach"}),
    ("Le barrage s'est effondré au-dessus de Keresk.", {"breach"}),
    ("Un incendie a ravagé un entrepôt à Keresk.", {"fire"}),
    ("Un séisme de magnitude 6,1 a secoué la région de Valdoria.", {"quake"}),
    ("La police a procédé à l'arrestation de Marta Ulloa.", {"arrest"}),
    ("Les habitants de Valdoria ont été évacués après l'inondation.", {"displace", "flood"}),
    ("La ministre Marta Ulloa a démissionné mardi.", {"resign"}),
    ("Les rebelles ont pris le contrôle du port de Keresk.", {"seize"}),
    ("Deux randonneurs ont perdu la vie près de Valdoria.", {"kill"}),
    ("Trois alpinistes sont portés disparus près de Keresk.", {"missing"}),
    # everyday sentences with a word that looks like an event word: no class
    ("Le vol pour Keresk partira à l'heure prévue.", set()),
    ("Le conseil municipal a donné son feu vert au nouveau marché de Valdoria.", set()),
    ("Un arrêté municipal interdit la baignade à Valdoria.", set()),
    ("Le retrait d'argent au guichet de Keresk est gratuit.", set()),
]


@pytest.mark.parametrize(("text", "classes"), IT_CLASSES)
def test_italian_event_classes(text: str, classes: set[str]) -> None:
    assert lexicon.event_classes(text, "it") == classes


@pytest.mark.parametrize(("text", "classes"), FR_CLASSES)
def test_french_event_classes(text: str, classes: set[str]) -> None:
    assert lexicon.event_classes(text, "fr") == classes


@pytest.mark.parametrize(
    ("text", "language", "negated"),
    [
        ("I ribelli non sono mai entrati a Valdoria.", "it", True),
        ("Nessun ferito nell'incidente di Keresk.", "it", True),
        ("Il ponte di Valdoria non è crollato.", "it", True),
        ("I soldati sono entrati a Keresk.", "it", False),
        ("Les rebelles ne sont pas entrés dans Valdoria.", "fr", True),
        ("Les troupes n'ont jamais pénétré dans Keresk.", "fr", True),
        ("Aucun blessé n'est à déplorer à Valdoria.", "fr", True),
        ("Les soldats sont entrés dans Keresk.", "fr", False),
    ],
)
def test_negated_event(text: str, language: str, negated: bool) -> None:
    assert lexicon.negated_event(text, language) is negated


@pytest.mark.parametrize(
    ("text", "language", "sides"),
    [
        ("I ribelli avanzano verso Keresk.", "it", {"armed_opposition"}),
        ("L'esercito presidia i ponti di Valdoria.", "it", {"state_forces"}),
        (
            "Scontri tra soldati e jihadisti vicino a Keresk.",
            "it",
            {"armed_opposition", "state_forces"},
        ),
        ("Marta Ulloa ha inaugurato la biblioteca di Valdoria.", "it", set()),
        ("Les insurgés tiennent le centre de Keresk.", "fr", {"armed_opposition"}),
        ("L'armée patrouille dans Valdoria.", "fr", {"state_forces"}),
        (
            "Des combats opposent les troupes aux rebelles près de Keresk.",
            "fr",
            {"armed_opposition", "state_forces"},
        ),
        ("Marta Ulloa a inauguré la bibliothèque de Valdoria.", "fr", set()),
    ],
)
def test_actor_sides(text: str, language: str, sides: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == sides
