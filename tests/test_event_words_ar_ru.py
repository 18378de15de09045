"""Event classes, negations and sides of Arabic and Russian sentences (data/events/ar.json,
ru.json). The sentences are invented: their places and people name nothing real."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

AR_CLASSES = [
    # kill: a phrase-like word with its suffix ("met their death")
    ("لقي ثلاثة أشخاص حتفهم في فالدوريا", {"kill"}),
    ("قتل خمسة أشخاص في قرية كيريسك", {"kill"}),
    # injure: "بجروح" read as "جروح" once its proclitic is stripped
    ("أصيب عشرون شخصا بجروح في كيريسك", {"injure"}),
    ("هرب آلاف السكان من فالدوريا", {"flee"}),
    ("فروا من المدينة تحت القصف الليلي", {"flee", "attack"}),
    ("دخلت القوات مدينة فالدوريا", {"enter"}),
    ("استولى المتمردون على مطار كيريسك", {"seize"}),
    ("انسحب الجيش من بلدة كيريسك", {"withdraw"}),
    # proclitics: "وانهار" (and collapsed), "والقتلى" (and the dead), "الجرحى"
    ("وانهار السد بعد أمطار غزيرة", {"breach"}),
    ("وصل عدد الجرحى والقتلى إلى عشرين", {"kill", "injure"}),
    ("اندلع حريق في مصنع بمدينة فالدوريا", {"fire"}),
    ("ضرب زلزال بقوة ست درجات منطقة كيريسك", {"quake"}),
    ("اعتقلت الشرطة مارتا أولوا", {"arrest"}),
    ("استقال رئيس وزراء فالدوريا", {"resign"}),
    ("نزح آلاف السكان من قرى كيريسك", {"displace"}),
    ("فاز المرشح في الانتخابات", {"elect"}),
    ("شن الجيش هجوما على مواقع المتمردين", {"begin", "attack"}),
    # "began" with what begins under its article ("الحرب": the war)
    ("اندلعت الحرب في فالدوريا قبل عامين", {"begin"}),
    # "حذر" alone is also "cautious": cautious optimism warns of nothing
    ("تفاؤل حذر في أسواق فالدوريا", set()),
    # no event: "وفروا" is "and they provided", not "they fled"; "دخل" here is income
    ("وفروا مساعدات غذائية للسكان", set()),
    ("ارتفع دخل الأسر في فالدوريا", set()),
    # a ceasefire ("وقف إطلاق النار") is no shooting
    ("أعلن وقف إطلاق النار في كيريسك", set()),
]

RU_CLASSES = [
    ("В Кереске погибли пять человек", {"kill"}),
    ("Двенадцать человек получили ранения", {"injure"}),
    ("Тысячи жителей бежали из Вальдории", {"flee"}),
    ("Повстанцы вошли в Вальдорию", {"enter"}),
    ("Боевики захватили аэропорт Кереска", {"seize"}),
    ("Войска отступили из Кереска", {"withdraw"}),
    ("Плотина обрушилась после сильных дождей", {"breach"}),
    ("На складе в Вальдории произошёл пожар", {"fire"}),
    ("Землетрясение магнитудой 6,2 произошло у Кереска", {"quake"}),
    ("Полиция задержала Марту Ульоа", {"arrest"}),
    ("Из Кереска эвакуированы тысячи людей", {"displace"}),
    ("Президент Вальдории подал в отставку", {"resign"}),
    ("Войска начали наступление на Кереск", {"begin"}),
    ("Армия взяла под контроль мост через реку", {"seize"}),
    ("Поезд сошёл с рельсов под Кереском", {"crash"}),
    ("В Кереске обрушилась крыша склада", {"breach"}),
    # a storm that "fell upon" a town is no collapse
    ("На Кереск обрушился ураган", set()),
    # no event: an entourage is no encirclement, a retired general resigned nothing, a law
    # entering into force enters no town
    ("Окружение президента обсудило бюджет", set()),
    ("Генерал в отставке Марта Ульоа написала книгу", set()),
    ("Закон вступил в силу в Кереске", set()),
]


@pytest.mark.parametrize(("text", "expected"), AR_CLASSES)
def test_arabic_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "ar") == expected


@pytest.mark.parametrize(("text", "expected"), RU_CLASSES)
def test_russian_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لم يدخل الجنود مدينة فالدوريا", True),
        ("ولم يقتل أحد في كيريسك", True),
        ("دخلت القوات فالدوريا", False),
        # "لا يزال" is "still": ten people are still missing, not "not missing"
        ("لا يزال عشرة أشخاص في عداد المفقودين", False),
    ],
)
def test_arabic_negated_event(text: str, expected: bool) -> None:
    assert lexicon.negated_event(text, "ar") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Солдаты не вошли в Вальдорию", True),
        ("Никто не погиб при пожаре в Кереске", True),
        ("Солдаты вошли в Вальдорию", False),
        # "не менее" is "at least": twelve dead, nothing denied
        ("В Кереске не менее 12 погибших", False),
    ],
)
def test_russian_negated_event(text: str, expected: bool) -> None:
    assert lexicon.negated_event(text, "ru") is expected


def test_arabic_negated_sentence_keeps_its_class() -> None:
    assert lexicon.event_classes("لم يدخل الجنود مدينة فالدوريا", "ar") == {"enter"}
    assert lexicon.event_classes("Солдаты не вошли в Вальдорию", "ru") == {"enter"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("استولى المتمردون على مطار كيريسك", "ar", {"armed_opposition"}),
        ("انسحب الجيش من بلدة كيريسك", "ar", {"state_forces"}),
        ("اشتبك الجنود مع المسلحين قرب فالدوريا", "ar", {"armed_opposition", "state_forces"}),
        ("اعتقلت الشرطة مارتا أولوا", "ar", set()),
        ("Боевики захватили аэропорт Кереска", "ru", {"armed_opposition"}),
        ("Войска отступили из Кереска", "ru", {"state_forces"}),
        ("Повстанцы атаковали позиции военных", "ru", {"armed_opposition", "state_forces"}),
        ("Полиция задержала Марту Ульоа", "ru", set()),
    ],
)
def test_actor_sides(text: str, language: str, expected: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == expected
