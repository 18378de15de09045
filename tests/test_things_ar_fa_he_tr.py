"""Thing nouns of Arabic, Persian, Hebrew and Turkish news (data/things/{ar,fa,he,tr}.json)."""

import pytest

from consilience.claims import lexicon

CASES = [
    # Arabic: article, proclitics ("وال", "بال", "ب"), a multi-word form over its words
    ("ar", "انهار السقف على المصلين داخل الكنيسة في فالدوريا", {"roof", "church"}),
    (
        "ar",
        "قصفت الطائرات المسيرة محطة الكهرباء والجسر في كيريسك",
        {"drone", "power_plant", "bridge"},
    ),
    ("ar", "اندلع حريق في الطابق الخامس من المبنى السكني بالمدينة", {"floor", "apartment_block"}),
    (
        "ar",
        "نقلت سيارات الإسعاف الجرحى إلى المستشفى بعد سقوط صاروخ",
        {"ambulance", "hospital", "missile"},
    ),
    ("ar", "اجتمع الوزراء يوم الثلاثاء لمناقشة الميزانية", set()),
    # Persian: plural with and without ZWNJ, ezafe, a phrase over its words
    ("fa", "سقف ساختمان‌ها در والدوریا فرو ریخت", {"roof", "building"}),
    (
        "fa",
        "پهپادها به نیروگاه هسته‌ای و پل شهر کرسک حمله کردند",
        {"drone", "power_plant", "bridge"},
    ),
    ("fa", "آمبولانسها مجروحان را به بیمارستان منتقل کردند", {"ambulance", "hospital"}),
    ("fa", "در ساختمان‌های مسکونی آتش گرفت", {"apartment_block"}),
    ("fa", "وزیر امروز درباره بودجه سخنرانی کرد", set()),
    # Hebrew: article and prefixes (ה, ב, מ, וב), a phrase over its words
    ("he", "הגג של הכנסייה קרס בוולדוריה", {"roof", "church"}),
    ("he", "רקטות פגעו בבית החולים ובתחנת הכוח בקרסק", {"rocket", "hospital", "power_plant"}),
    ("he", "שריפה פרצה בקומה השלישית של בניין מגורים", {"floor", "apartment_block"}),
    ("he", "מגדל הפעמונים נפגע מהפצצה", {"bell_tower", "bomb"}),
    ("he", "השרים נפגשו ביום שלישי לדון בתקציב", set()),
    # Turkish: case and possessive suffixes, dotted/dotless I, a phrase over its words
    ("tr", "Valdoria'daki katedralin çatısı çöktü", {"cathedral", "roof"}),
    (
        "tr",
        "İHA'lar Keresk'teki köprüyü ve enerji santralini vurdu",
        {"drone", "bridge", "power_plant"},
    ),
    ("tr", "ÇAN KULESİ yıkıldı, camiinde hasar var", {"bell_tower", "mosque"}),
    ("tr", "Yaralılar ambulanslarla hastaneye kaldırıldı", {"ambulance", "hospital"}),
    ("tr", "Bakanlar salı günü bütçeyi görüştü", set()),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_things(language: str, text: str, expected: set[str]) -> None:
    assert lexicon.things(text, language) == frozenset(expected)
