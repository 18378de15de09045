"""Thing nouns of English and the Romance languages (``data/things/<code>.json``): which
concrete things a news sentence names, by language-neutral key."""

import pytest

from consilience.claims import lexicon

CASES = [
    # English
    ("en", "The roof of the old cathedral in Valdoria collapsed overnight.", {"roof", "cathedral"}),
    ("en", "Crews saw the bell tower lean before the dome gave way.", {"bell_tower", "dome"}),
    ("en", "A car bomb exploded near two checkpoints outside Keresk.", {"bomb", "checkpoint"}),
    (
        "en",
        "Three fire trucks and an ambulance reached the apartment block.",
        {
            "fire_engine",
            "ambulance",
            "apartment_block",
        },
    ),
    (
        "en",
        "Stained-glass windows shattered and the scaffolding gave way.",
        {
            "stained_glass",
            "scaffolding",
        },
    ),
    ("en", "The minister said talks with Tartu would resume next week.", set()),
    # Spanish
    (
        "es",
        "El techo no aguantó: se derrumbó el tejado de la iglesia de Valdoria.",
        {
            "roof",
            "church",
        },
    ),
    ("es", "Un coche bomba estalló junto a la estación de metro de Keresk.", {"bomb", "station"}),
    (
        "es",
        "Los misiles alcanzaron dos hospitales y varias escuelas.",
        {
            "missile",
            "hospital",
            "school",
        },
    ),
    (
        "es",
        "La central nuclear de Tartu quedó sin suministro tras el ataque con drones.",
        {
            "power_plant",
            "drone",
        },
    ),
    (
        "es",
        "Los camiones de bomberos llegaron al edificio de viviendas en llamas.",
        {
            "fire_engine",
            "apartment_block",
        },
    ),
    ("es", "El gobierno anunció nuevas medidas económicas para el próximo año.", set()),
    # Portuguese
    ("pt", "O telhado da catedral de Valdoria desabou durante a noite.", {"roof", "cathedral"}),
    (
        "pt",
        "Um carro-bomba explodiu perto de um posto de controle em Keresk.",
        {
            "bomb",
            "checkpoint",
        },
    ),
    (
        "pt",
        "Os mísseis atingiram duas escolas e um hospital no centro de Tartu.",
        {
            "missile",
            "school",
            "hospital",
        },
    ),
    (
        "pt",
        "O incêndio destruiu o campanário e os vitrais da igreja.",
        {
            "bell_tower",
            "stained_glass",
            "church",
        },
    ),
    ("pt", "O ministro disse que as negociações continuam na próxima semana.", set()),
    # Catalan
    ("ca", "La teulada de l'església de Valdoria s'ha ensorrat aquesta nit.", {"roof", "church"}),
    (
        "ca",
        "Un cotxe bomba ha esclatat davant l'estació d'autobusos de Keresk.",
        {
            "bomb",
            "station",
        },
    ),
    (
        "ca",
        "Els míssils han destruït dues escoles i un hospital de Tartu.",
        {
            "missile",
            "school",
            "hospital",
        },
    ),
    (
        "ca",
        "Els camions de bombers han arribat a la central nuclear.",
        {
            "fire_engine",
            "power_plant",
        },
    ),
    ("ca", "El govern ha anunciat noves mesures per a l'any vinent.", set()),
    # Italian
    ("it", "Il tetto della cattedrale di Valdoria è crollato nella notte.", {"roof", "cathedral"}),
    ("it", "Un'autobomba è esplosa davanti all'ospedale di Keresk.", {"bomb", "hospital"}),
    (
        "it",
        "I carri armati hanno superato due posti di blocco vicino a Tartu.",
        {
            "tank",
            "checkpoint",
        },
    ),
    (
        "it",
        "Dal campanile sono cadute le vetrate sulla facciata dell'abbazia.",
        {
            "bell_tower",
            "stained_glass",
            "facade",
            "monastery",
        },
    ),
    (
        "it",
        "Le fiamme hanno raggiunto la centrale elettrica e due capannoni.",
        {
            "power_plant",
            "warehouse",
        },
    ),
    ("it", "Il ministro ha detto che i negoziati riprenderanno la prossima settimana.", set()),
    # French
    (
        "fr",
        "Le toit de la cathédrale de Valdoria s'est effondré dans la nuit.",
        {
            "roof",
            "cathedral",
        },
    ),
    ("fr", "Une voiture piégée a explosé près de l'ambassade à Keresk.", {"bomb", "embassy"}),
    (
        "fr",
        "Les missiles ont touché deux écoles et l'hôpital de Tartu.",
        {
            "missile",
            "school",
            "hospital",
        },
    ),
    (
        "fr",
        "Le clocher et les vitraux de l’église ont été détruits par l'incendie.",
        {
            "bell_tower",
            "stained_glass",
            "church",
        },
    ),
    (
        "fr",
        "Un immeuble d'habitation s'est effondré au troisième étage.",
        {
            "apartment_block",
            "floor",
        },
    ),
    ("fr", "Le gouvernement est en train de préparer de nouvelles mesures.", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_things_romance(language: str, text: str, expected: set[str]) -> None:
    assert lexicon.things(text, language) == frozenset(expected)


def test_english_is_the_default() -> None:
    assert lexicon.things("A drone hit the refinery.", None) == frozenset({"drone", "refinery"})
