"""Event classes, negations and sides of Polish and Ukrainian sentences (data/events/pl.json,
uk.json). The sentences are invented: their places and people name nothing real."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

PL_CLASSES = [
    ("W Keresku zginęło pięć osób", {"kill"}),
    ("Dwanaście osób zostało rannych", {"injure"}),
    ("Tysiące mieszkańców uciekło z Valdorii", {"flee"}),
    ("Rebelianci wkroczyli do Valdorii", {"enter"}),
    ("Bojownicy przejęli kontrolę nad lotniskiem w Keresku", {"seize"}),
    ("Wojsko wycofało się z Keresku", {"withdraw"}),
    ("Tama zawaliła się po ulewnych deszczach", {"breach"}),
    # "wybuchł" (broke out) begins only what can begin: a fire is no offensive
    ("W magazynie w Valdorii wybuchł pożar", {"fire"}),
    ("Trzęsienie ziemi o magnitudzie 6,2 nawiedziło Keresk", {"quake"}),
    ("Policja aresztowała Martę Ulloę", {"arrest"}),
    ("Z Keresku ewakuowano tysiące ludzi", {"displace"}),
    ("Premier Valdorii podał się do dymisji", {"resign"}),
    ("Wojska rozpoczęły ofensywę na Keresk", {"begin"}),
    ("Pociąg wykoleił się pod Kereskiem", {"crash"}),
    # "nie żyją" ("are not alive") is a death
    ("Trzy osoby nie żyją po wypadku w Keresku", {"kill", "crash"}),
    ("Marta Ulloa udzieliła wywiadu lokalnemu radiu", {"interview"}),
    # no event: "zajęła się" is "dealt with", "na wszelki wypadek" is "just in case", a law
    # entering into force enters no town, "martwi" here is "worries"
    ("Marta Ulloa zajęła się sprawą budżetu", set()),
    ("Na wszelki wypadek zabierz parasol", set()),
    ("Ustawa weszła w życie w Keresku", set()),
    ("Ta decyzja bardzo martwi rolników z Valdorii", set()),
]

UK_CLASSES = [
    ("У Кереську загинули п'ятеро людей", {"kill"}),
    ("Дванадцять людей отримали поранення", {"injure"}),
    # the same verb after a vowel: "утекли" for "втекли"
    ("Тисячі мешканців утекли з Вальдорії", {"flee"}),
    ("Повстанці увійшли до Вальдорії", {"enter"}),
    ("Бойовики захопили аеропорт Кереська", {"seize"}),
    ("Війська відступили з Кереська", {"withdraw"}),
    ("Дамба обвалилася після сильних дощів", {"breach"}),
    ("На складі у Вальдорії сталася пожежа", {"fire"}),
    ("Землетрус магнітудою 6,2 стався поблизу Кереська", {"quake"}),
    ("Поліція затримала Марту Ульоа", {"arrest"}),
    ("З Кереська евакуювали тисячі людей", {"displace"}),
    ("Прем'єр Вальдорії подав у відставку", {"resign"}),
    ("Війська розпочали наступ на Кереськ", {"begin"}),
    ("Потяг зійшов з рейок під Кереськом", {"crash"}),
    # the apostrophe written as a modifier letter
    ("Марта Ульоа дала інтервʼю місцевому радіо", {"interview"}),
    # "не вижили" ("did not survive") is a death
    ("Двоє людей не вижили після пожежі", {"kill", "fire"}),
    # no event: a retired general resigned nothing, "наступного" is "next", an entourage is
    # no encirclement, "з захопленням" is "with delight"
    ("Генерал у відставці Марта Ульоа написала книгу", set()),
    ("Наступного тижня у Вальдорії відкриють парк", set()),
    ("Оточення президента обговорило бюджет", set()),
    ("Вона з захопленням розповідала про Кереськ", set()),
]


@pytest.mark.parametrize(("text", "expected"), PL_CLASSES)
def test_polish_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "pl") == expected


@pytest.mark.parametrize(("text", "expected"), UK_CLASSES)
def test_ukrainian_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Żołnierze nie wkroczyli do Valdorii", True),
        ("Nikt nie zginął w pożarze w Keresku", True),
        ("Żołnierze wkroczyli do Valdorii", False),
        # "nie mniej niż" is "no fewer than": twelve dead, nothing denied
        ("W Keresku zginęło nie mniej niż 12 osób", False),
        # "nie żyją" is "are dead": a death, no denial of the fire
        ("Trzy osoby nie żyją po pożarze w Keresku", False),
    ],
)
def test_polish_negated_event(text: str, expected: bool) -> None:
    assert lexicon.negated_event(text, "pl") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Солдати не увійшли до Вальдорії", True),
        ("Ніхто не загинув під час пожежі у Кереську", True),
        ("Солдати увійшли до Вальдорії", False),
        # "не менше" is "at least": twelve dead, nothing denied
        ("У Кереську не менше 12 загиблих", False),
        # "не вижили" is "died": no denial of the fire
        ("Двоє людей не вижили після пожежі", False),
    ],
)
def test_ukrainian_negated_event(text: str, expected: bool) -> None:
    assert lexicon.negated_event(text, "uk") is expected


def test_negated_sentence_keeps_its_class() -> None:
    assert lexicon.event_classes("Żołnierze nie wkroczyli do Valdorii", "pl") == {"enter"}
    assert lexicon.event_classes("Солдати не увійшли до Вальдорії", "uk") == {"enter"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Bojownicy przejęli kontrolę nad lotniskiem", "pl", {"armed_opposition"}),
        ("Wojsko wycofało się z Keresku", "pl", {"state_forces"}),
        ("Rebelianci zaatakowali pozycje żołnierzy", "pl", {"armed_opposition", "state_forces"}),
        ("Policja aresztowała Martę Ulloę", "pl", set()),
        ("Бойовики захопили аеропорт Кереська", "uk", {"armed_opposition"}),
        ("Війська відступили з Кереська", "uk", {"state_forces"}),
        ("Повстанці атакували позиції військових", "uk", {"armed_opposition", "state_forces"}),
        ("Поліція затримала Марту Ульоа", "uk", set()),
    ],
)
def test_actor_sides(text: str, language: str, expected: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == expected
