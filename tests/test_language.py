"""Language detection restricted to the configured languages (invented sentences only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.annotate.language import OTHER_LANGUAGES, OTHER_SCRIPTS, LanguageDetector
from consilience.errors import SettingsError
from consilience.settings import Settings

EN = "The committee met on Tuesday and agreed to publish its findings before the winter break."
FR = "Le comité s'est réuni mardi et a décidé de publier ses conclusions avant les vacances."
IT = "Il comitato si è riunito martedì e ha deciso di pubblicare le conclusioni entro l'inverno."
DE = "Der Ausschuss hat sich am Dienstag getroffen und will die Ergebnisse vor dem Winter vorlegen."


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(Settings().languages)


@pytest.mark.parametrize(("text", "code"), [(EN, "en"), (FR, "fr"), (IT, "it"), (DE, "de")])
def test_detects_each_language_confidently(detector: LanguageDetector, text: str, code: str):
    got, confidence = detector.detect(text)
    assert got == code
    assert confidence >= 0.9


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Komite salı günü toplandı ve bulgularını kış tatilinden önce yayımlamaya karar verdi.",
            "tr",
        ),
        (
            "کمیته روز سه‌شنبه تشکیل جلسه داد و تصمیم گرفت یافته‌هایش را پیش از زمستان منتشر کند.",
            "fa",
        ),
        ("הוועדה התכנסה ביום שלישי והחליטה לפרסם את ממצאיה לפני חופשת החורף.", "he"),
        (
            "Комітет зібрався у вівторок і вирішив оприлюднити свої висновки до зимових канікул.",
            "uk",
        ),
        (
            "Komisja zebrała się we wtorek i postanowiła opublikować ustalenia przed przerwą.",
            "pl",
        ),
    ],
)
def test_detects_languages_beyond_the_first_four(detector: LanguageDetector, text: str, code: str):
    got, confidence = detector.detect(text)
    assert got == code
    assert confidence >= 0.9


@pytest.mark.parametrize("text", ["", "   ", "2024 12 07 - 1,000.5", "ab", "!!! ???"])
def test_nothing_to_detect(detector: LanguageDetector, text: str) -> None:
    assert detector.detect(text) == (None, 0.0)


def test_mixed_article_sentence_by_sentence(detector: LanguageDetector) -> None:
    parts = [EN, FR, "Yes, indeed.", IT, DE, "12 000", ""]
    text, spans, pos = "", [], 0
    for p in parts:
        spans.append((pos, pos + len(p)))
        text += p + " "
        pos = len(text)
    assert detector.detect_sentences(text, spans) == ["en", "fr", None, "it", "de", None, None]


def test_long_article_is_sampled_but_still_detected(detector: LanguageDetector) -> None:
    text = " ".join([FR] * 400)  # ~35,000 characters
    assert detector.detect(text)[0] == "fr"


def test_detect_sentences_handles_no_spans(detector: LanguageDetector) -> None:
    assert detector.detect_sentences(EN, []) == []


def test_only_configured_languages_are_answered() -> None:
    only = LanguageDetector(["EN", "de", "en"])
    assert only.languages == ("en", "de")
    assert only.detect(DE)[0] == "de"
    assert LanguageDetector(["en", "it"]).detect(IT)[0] == "it"


@pytest.mark.parametrize("codes", [["en", "xx"], ["en"], []])
def test_bad_language_settings_are_refused(codes: list[str]) -> None:
    with pytest.raises(SettingsError):
        LanguageDetector(codes)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120))
def test_answer_is_a_known_code_or_none(detector: LanguageDetector, text: str) -> None:
    code, confidence = detector.detect(text)
    others = set(OTHER_LANGUAGES) | {c for _, _, c in OTHER_SCRIPTS}
    assert (code is None and confidence == 0.0) or (
        code in set(detector.languages) | others and 0.0 < confidence <= 1.0
    )
    spans = [(0, len(text)), (0, len(text) // 2)]
    for got in detector.detect_sentences(text, spans):
        assert got is None or got in detector.languages


def _spans(parts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for p in parts:
        spans.append((len(text), len(text) + len(p)))
        text += p + " "
    return text, spans


def test_sentences_plainly_in_the_article_language_inherit_it(detector: LanguageDetector) -> None:
    # the article's language given: a sentence full of its function words inherits it (None)
    # without lingua; a sentence in another language is still told apart
    text, spans = _spans([EN, FR, "The mayor said that the bridge would be closed for a week."])
    assert detector.detect_sentences(text, spans, "en") == [None, "fr", None]
    assert detector.detect_sentences(text, spans) == ["en", "fr", "en"]


def test_a_catalan_sentence_in_a_spanish_article_still_goes_to_lingua(
    detector: LanguageDetector,
) -> None:
    # Spanish and Catalan share "de", "la", "a": the Catalan sentence has more Catalan
    # function words ("les", "amb", "els"), so it is not taken for the article's Spanish
    spanish = "El alcalde dijo que el puente estará cerrado durante una semana por las obras."
    catalan = "Les autoritats han tancat el pont amb els veïns de la zona durant una setmana."
    text, spans = _spans([spanish, catalan])
    assert detector.detect_sentences(text, spans, "es") == [None, "ca"]


def test_few_function_words_are_not_enough(detector: LanguageDetector) -> None:
    # a line of names and figures with one English function word: lingua decides
    from consilience.annotate.language import _plainly_in

    index = detector.function_index()
    assert not _plainly_in("Berlin, Hamburg and Munich: 12, 40, 7", "en", index)
    assert _plainly_in("It was the first time that they had met there.", "en", index)
    assert not _plainly_in("Il était une fois dans la ville de Nantes.", "en", index)


def test_foreign_spans_keep_only_sentences_in_another_language(detector: LanguageDetector) -> None:
    text, spans = _spans([EN, FR, "The mayor said that the bridge would be closed for a week."])
    assert detector.foreign_spans(text, spans, "en") == ((spans[1][0], spans[1][1], "fr"),)
    assert detector.foreign_spans(text, spans, "fr") == (
        (spans[0][0], spans[0][1], "en"),
        (spans[2][0], spans[2][1], "en"),
    )


def test_sentences_split_otherwise_take_the_language_of_the_found_span_covering_them(
    detector: LanguageDetector,
) -> None:
    # the language stage found the French sentence on plain bounds; annotate's sentences (here
    # the French one split in two, and the English one with its leading space) take their
    # languages from it without lingua: the same answers lingua gives on those bounds
    text, spans = _spans([EN, FR, IT])
    found = detector.foreign_spans(text, spans, "en")
    assert [lang for *_, lang in found] == ["fr", "it"]
    fr_start, fr_end = spans[1]
    cut = text.index(" et a décidé", fr_start)
    split = [spans[0], (fr_start - 1, cut), (cut, fr_end), spans[2]]
    assert detector.sentence_languages_from(text, split, "en", found) == [None, "fr", "fr", "it"]
    assert detector.detect_sentences(text, split, "en") == [None, "fr", "fr", "it"]
    # a sentence the found span covers less than half of keeps the article's language
    half = text.index(" publier", fr_start)
    wide = [(spans[0][0] + 40, half)]
    assert detector.sentence_languages_from(text, wide, "en", found) == [None]
    # short ones inherit it whatever was found
    assert detector.sentence_languages_from(text, [(fr_start, fr_start + 12)], "en", found) == [
        None
    ]


# Invented reports of one bus crash in languages outside the default settings, and the same in
# some of the settings' languages: lingua, restricted to the settings' languages, gives the
# first ones a wrong language with high confidence (Swedish as German, Indonesian and Romanian
# as Turkish, Czech as Spanish, Japanese as Chinese); their function words or their script say
# which they are.
CRASH = {
    "sv": "Minst tolv personer dödades när en buss körde av vägen utanför staden på "
    "tisdagskvällen, uppger polisen. Flera skadades allvarligt och fördes till sjukhus.",
    "id": "Sedikitnya dua belas orang tewas ketika sebuah bus keluar dari jalan di luar kota "
    "pada Selasa malam, kata polisi. Beberapa orang luka parah dan dibawa ke rumah sakit.",
    "ro": "Cel puțin doisprezece oameni au murit marți seara, când un autobuz a ieșit de pe "
    "drum în afara orașului, a anunțat poliția. Mai mulți au fost grav răniți.",
    "cs": "Nejméně dvanáct lidí zahynulo, když autobus v úterý večer sjel ze silnice za městem, "
    "uvedla policie. Několik lidí bylo vážně zraněno a převezeno do nemocnice.",
    "ja": "火曜日の夜、市外でバスが道路から外れ、少なくとも12人が死亡したと警察が発表した。",
    "ko": "화요일 밤 도시 외곽에서 버스가 도로를 벗어나 최소 12명이 숨졌다고 경찰이 밝혔다.",
    "el": "Τουλάχιστον δώδεκα άνθρωποι σκοτώθηκαν όταν ένα λεωφορείο βγήκε από τον δρόμο.",
    "de": "Mindestens zwölf Menschen sind ums Leben gekommen, als ein Bus am Dienstagabend "
    "außerhalb der Stadt von der Straße abkam, teilte die Polizei mit. Mehrere wurden verletzt.",
    "es": "Al menos doce personas murieron cuando un autobús se salió de la carretera a las "
    "afueras de la ciudad el martes por la noche, informó la policía. Varias resultaron heridas.",
    "tr": "Salı akşamı şehir dışında bir otobüsün yoldan çıkması sonucu en az on iki kişi "
    "hayatını kaybetti, polis açıkladı. Birkaç kişi ağır yaralandı ve hastaneye kaldırıldı.",
    "pl": "Co najmniej dwanaście osób zginęło, gdy autobus zjechał z drogi za miastem we wtorek "
    "wieczorem, poinformowała policja. Kilka osób zostało ciężko rannych i trafiło do szpitala.",
}


@pytest.mark.parametrize("code", sorted(CRASH))
def test_a_text_in_another_language_is_given_its_own(detector: LanguageDetector, code: str):
    got, confidence = detector.detect(CRASH[code])
    assert got == code
    assert 0.5 < confidence <= 1.0


def test_a_language_left_out_of_the_settings_is_still_told(detector: LanguageDetector) -> None:
    # a detector of English and German reads an Italian text as Italian, not German
    assert LanguageDetector(["en", "de"]).detect(IT * 2)[0] == "it"
    assert LanguageDetector(["en", "de"]).detect(CRASH["es"])[0] == "es"


def test_sentences_of_an_article_in_another_language_inherit_it(
    detector: LanguageDetector,
) -> None:
    text, spans = _spans([CRASH["sv"], EN])
    assert detector.detect_sentences(text, spans, "sv") == [None, None]
    assert detector.foreign_spans(text, spans, "sv") == ()
