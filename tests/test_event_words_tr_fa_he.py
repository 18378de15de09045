"""Event classes, negations and sides of Turkish, Persian and Hebrew sentences (data/events/tr.json,
fa.json, he.json). The sentences are invented: their places and people name nothing real."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

TR_CLASSES = [
    ("Keresk'te beş kişi öldü", {"kill"}),
    # a phrase ("lost their life") and a case form ("saldırıda": in the attack)
    ("Valdoria'daki saldırıda beş kişi hayatını kaybetti", {"attack", "kill"}),
    ("Olayda on iki kişi yaralandı", {"injure"}),
    ("Binlerce kişi Valdoria'dan kaçtı", {"flee"}),
    ("Askerler Keresk kentine girdi", {"enter"}),
    ("Militanlar havalimanını ele geçirdi", {"seize"}),
    ("Ordu Keresk'ten çekildi", {"withdraw"}),
    ("Yoğun yağışların ardından baraj çöktü", {"breach"}),
    ("Valdoria'da bir fabrikada yangın çıktı", {"fire"}),
    ("Keresk'te 6,1 büyüklüğünde deprem meydana geldi", {"quake"}),
    ("Polis Marta Ulloa'yı gözaltına aldı", {"arrest"}),
    ("Valdoria başbakanı istifa etti", {"resign"}),
    ("Sel nedeniyle binlerce kişi yerinden edildi", {"flood", "displace"}),
    # "başlattı" (launched) with what can begin in the sentence
    ("Ordu Keresk'e yönelik bir saldırı başlattı", {"attack", "begin"}),
    # "başlıyor" with nothing that can begin: a holiday starts, no event
    ("Bayram tatili yarın başlıyor", set()),
    # no event: "yaklaşan" is "upcoming", "ilerleyen" "the coming", not an advance; a ceasefire
    # ("ateşkes") is no fire
    ("Yaklaşan bayram tatilinde yollar yoğun olacak", set()),
    ("Hava ilerleyen günlerde ısınacak", set()),
    ("Ateşkes Keresk'te yürürlükte", set()),
]

FA_CLASSES = [
    ("پنج نفر در والدوریا کشته شدند", {"kill"}),
    ("دوازده نفر در این حادثه زخمی شدند", {"injure"}),
    ("هزاران نفر از والدوریا گریختند", {"flee"}),
    ("نیروهای ارتش وارد شهر کرسک شدند", {"enter"}),
    ("شورشیان فرودگاه کرسک را تصرف کردند", {"seize"}),
    # written with a zero-width non-joiner inside the word
    ("ارتش از شهر کرسک عقب\u200cنشینی کرد", {"withdraw"}),
    ("سد پس از باران\u200cهای شدید فروریخت", {"breach"}),
    ("آتش\u200cسوزی در یک انبار در والدوریا", {"fire"}),
    ("آتش سوزی در یک انبار در والدوریا", {"fire"}),
    ("زمین\u200cلرزه\u200cای به بزرگی ۶ ریشتر کرسک را لرزاند", {"quake"}),
    ("پلیس مارتا اولوا را بازداشت کرد", {"arrest"}),
    ("نخست\u200cوزیر والدوریا استعفا داد", {"resign"}),
    ("هزاران نفر بر اثر سیل آواره شدند", {"flood", "displace"}),
    # no event: a ceasefire ("آتش‌بس") is no fire; "نه" here is "nine"; "شهید" in a street
    # name kills nobody
    ("آتش\u200cبس در کرسک برقرار است", set()),
    ("نه نفر در جلسه شرکت کردند", set()),
    ("او در خیابان شهید کرسکی زندگی می\u200cکند", set()),
]

HE_CLASSES = [
    ("חמישה בני אדם נהרגו בוולדוריה", {"kill"}),
    ("שנים עשר בני אדם נפצעו בקרסק", {"injure"}),
    ("אלפי תושבים ברחו מוולדוריה", {"flee"}),
    # proclitics: "המורדים" (the rebels), "לקרסק" (to Keresk)
    ("המורדים נכנסו לקרסק", {"enter"}),
    ("המורדים השתלטו על שדה התעופה של קרסק", {"seize"}),
    ("הצבא נסוג מקרסק", {"withdraw"}),
    ("הסכר קרס אחרי גשמים כבדים", {"breach"}),
    ("שריפה פרצה במחסן בוולדוריה", {"fire"}),
    ("רעידת אדמה בעוצמה 6.2 פקדה את קרסק", {"quake"}),
    ("המשטרה עצרה את מרתה אולואה", {"arrest"}),
    ("ראש הממשלה של ולדוריה התפטר", {"resign"}),
    # "ובשריפה" (and in the fire) read as "שריפה" once "וב" is stripped
    ("ובשריפה נהרגו שלושה", {"fire", "kill"}),
    # the injured taken to hospital are not displaced
    ("הפצועים פונו לבית החולים", {"injure"}),
    # no event: a ceasefire ("הפסקת אש") is no fire; "כמות" (amount) is no "death", whatever
    # its first letter; a key ("המפתח") opens nothing
    ("הפסקת אש הוכרזה בקרסק", set()),
    ("כמות הגשם השנה הייתה גבוהה", set()),
    ("המפתח נמצא במגירה", set()),
]


@pytest.mark.parametrize(("text", "expected"), TR_CLASSES)
def test_turkish_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "tr") == expected


@pytest.mark.parametrize(("text", "expected"), FA_CLASSES)
def test_persian_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "fa") == expected


@pytest.mark.parametrize(("text", "expected"), HE_CLASSES)
def test_hebrew_event_classes(text: str, expected: set[str]) -> None:
    assert lexicon.event_classes(text, "he") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Turkish negates with a suffix of the verb; a negator word before the event word is
        # what can be read ("hiçbir": no)
        ("Hiçbir ölü ya da yaralı bildirilmedi", "tr", True),
        ("Keresk'te beş kişi öldü", "tr", False),
        # "hiç şüphesiz" is "undoubtedly": nothing denied
        ("Hiç şüphesiz saldırıda çok sayıda kişi öldü", "tr", False),
        ("هیچ کس کشته نشد", "fa", True),
        ("پنج نفر در والدوریا کشته شدند", "fa", False),
        # "بدون هیچ" is "without any": the attack happened
        ("بدون هیچ هشداری حمله کردند", "fa", False),
        # "نه" is also "nine"; it negates nothing
        ("نه نفر کشته شدند", "fa", False),
        ("החיילים לא נכנסו לקרסק", "he", True),
        ("איש לא נהרג בשריפה", "he", True),
        ("החיילים נכנסו לקרסק", "he", False),
        # "לא פחות מ" is "no fewer than": twelve dead, nothing denied
        ("לא פחות מ-12 בני אדם נהרגו בקרסק", "he", False),
    ],
)
def test_negated_event(text: str, language: str, expected: bool) -> None:
    assert lexicon.negated_event(text, language) is expected


def test_negated_sentence_keeps_its_class() -> None:
    assert lexicon.event_classes("Hiçbir ölü ya da yaralı bildirilmedi", "tr") == {
        "kill",
        "injure",
    }
    assert lexicon.event_classes("هیچ کس کشته نشد", "fa") == {"kill"}
    assert lexicon.event_classes("החיילים לא נכנסו לקרסק", "he") == {"enter"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Militanlar havalimanını ele geçirdi", "tr", {"armed_opposition"}),
        ("Ordu Keresk'ten çekildi", "tr", {"state_forces"}),
        ("Askerler isyancılarla çatıştı", "tr", {"armed_opposition", "state_forces"}),
        ("Polis Marta Ulloa'yı gözaltına aldı", "tr", set()),
        ("شورشیان فرودگاه کرسک را تصرف کردند", "fa", {"armed_opposition"}),
        ("ارتش از شهر کرسک عقب\u200cنشینی کرد", "fa", {"state_forces"}),
        ("سربازان با شورشیان درگیر شدند", "fa", {"armed_opposition", "state_forces"}),
        ("پلیس مارتا اولوا را بازداشت کرد", "fa", set()),
        ("המורדים השתלטו על שדה התעופה של קרסק", "he", {"armed_opposition"}),
        ("הצבא נסוג מקרסק", "he", {"state_forces"}),
        ("חיילים נלחמו במחבלים ליד ולדוריה", "he", {"armed_opposition", "state_forces"}),
        ("המשטרה עצרה את מרתה אולואה", "he", set()),
    ],
)
def test_actor_sides(text: str, language: str, expected: set[str]) -> None:
    assert lexicon.actor_sides(text, language) == expected
