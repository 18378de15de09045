"""Shares of a whole written in words, and the first end of a range, in every language the
quantity reader has a data file for (``fractions``, ``fraction_after``, ``fraction_not_after``
and ``range`` in annotate/data/quantities/<code>.json)."""

from __future__ import annotations

import pytest

from consilience.annotate.quantities import find_quantities


def _read(text: str, language: str) -> list[tuple[str, float, str | None, str | None]]:
    return [
        (text[q.start : q.end], round(q.value, 2), q.unit, q.counted)
        for q in find_quantities(text, language=language)
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Two-thirds of the old roof of the Valdoria library burned.",
            [("Two-thirds", 66.67, "percent", "the old roof")],
        ),
        (
            "en",
            "Half the village of Keresk was flattened.",
            [("Half", 50.0, "percent", "village of Keresk")],
        ),
        (
            "en",
            "Three quarters of its wards were closed.",
            [("Three quarters", 75.0, "percent", "its wards were")],
        ),
        (
            "es",
            "Se derrumbaron dos tercios del techo.",
            [("dos tercios", 66.67, "percent", "techo")],
        ),
        (
            "es",
            "La mitad de las casas de Keresk quedó en ruinas.",
            [("La mitad", 50.0, "percent", "las casas de")],
        ),
        ("it", "È crollato un terzo del ponte.", [("un terzo", 33.33, "percent", "ponte")]),
        (
            "fr",
            "Les trois quarts du toit ont brûlé.",
            [("trois quarts", 75.0, "percent", "toit ont brûlé")],
        ),
        (
            "fr",
            "Un quart des maisons est détruit.",
            [("Un quart", 25.0, "percent", "maisons est détruit")],
        ),
        (
            "ca",
            "Dues terceres parts de l'escola han cremat.",
            [("Dues terceres parts", 66.67, "percent", "l'escola han cremat")],
        ),
        ("pt", "Metade da ponte caiu.", [("Metade", 50.0, "percent", "ponte caiu")]),
        (
            "de",
            "Zwei Drittel des Daches sind eingestürzt.",
            [("Zwei Drittel", 66.67, "percent", "Daches sind eingestürzt")],
        ),
        (
            "nl",
            "De helft van de huizen is verwoest.",
            [("De helft", 50.0, "percent", "de huizen is")],
        ),
        ("ar", "غمرت المياه ثلثي القرية.", [("ثلثي", 66.67, "percent", "القرية")]),
        ("ru", "Сгорели две трети крыши.", [("две трети", 66.67, "percent", "крыши")]),
        ("pl", "Spłonęły dwie trzecie dachu.", [("dwie trzecie", 66.67, "percent", "dachu")]),
    ],
)
def test_a_share_in_words_is_a_percentage_of_what_follows(language, text, expected):
    assert _read(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The talks lasted half an hour."),
        ("en", "Sales rose in the second half of the year."),
        ("it", "Ne arriveranno metà domani."),
        ("nl", "In de tweede helft van het jaar."),
        ("es", "Llegó en la segunda mitad del partido."),
    ],
)
def test_no_share_where_the_words_tell_none(language, text):
    assert [q for q in find_quantities(text, language=language) if q.unit == "percent"] == []


def test_the_number_inside_a_share_is_no_count():
    # "due" of "due terzi" counts nothing: two thirds, not two
    assert [
        q.value
        for q in find_quantities("Sono rimasti senza luce due terzi del paese.", language="it")
    ] == [pytest.approx(66.67)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Between 12 and 14 million visitors came.", [12e6, 14e6]),
        ("fr", "Entre 12 et 14 millions de visiteurs.", [12e6, 14e6]),
        ("es", "Entre 3 y 4 millones de turistas.", [3e6, 4e6]),
        ("de", "Zwischen 2 und 3 Millionen Besucher.", [2e6, 3e6]),
        ("en", "From 2 to 3.5 million people fled.", [2e6, 3.5e6]),
    ],
)
def test_the_first_end_of_a_range_takes_the_scale_of_the_second(language, text, expected):
    assert [q.value for q in find_quantities(text, language=language)] == expected


def test_a_range_keeps_what_the_second_end_counts():
    first, second = find_quantities("Between 12 and 14 million visitors came.", language="en")
    assert (first.counted, second.counted) == ("visitors", "visitors")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # two counts joined by "and" with no scale word: each its own number
        ("en", "Police arrested 12 and released 14 people.", [12.0, 14.0]),
        # the first is not smaller than the mantissa of the second: no range
        ("en", "In 2019, 5 and 3 million.", [5.0, 3e6]),
    ],
)
def test_no_range_where_none_is_written(language, text, expected):
    assert [q.value for q in find_quantities(text, language=language)] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "A quarter of an hour later the road reopened."),
        ("en", "He spent half his life in Keresk."),
        ("en", "Prices rose by a third of a percent."),
        ("it", "A metà del pomeriggio il ponte è stato chiuso."),
        ("es", "Se alojó en un cuarto del hotel Valdoria."),
        ("tr", "Gece yarısı Keresk'te köprü çöktü."),
        ("ru", "Через четверть часа дорогу открыли."),
        ("ar", "بعد ربع ساعة أعيد فتح الطريق"),
    ],
)
def test_a_part_of_a_time_or_a_room_is_no_share(language, text):
    assert [q for q in find_quantities(text, language=language) if q.unit == "percent"] == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "от 12 до 14 миллионов человек", [12e6, 14e6]),  # the joint opens the second
        ("pl", "od 12 do 14 milionów osób", [12e6, 14e6]),
        ("en", "The blast killed 2 and 3,000 were hurt.", [2.0, 3000.0]),  # a separator
        ("en", "Between 12 and 14,000 people", [12.0, 14000.0]),
    ],
)
def test_a_range_is_scaled_by_a_scale_word_only(language, text, expected):
    assert [q.value for q in find_quantities(text, language=language)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Çatının üçte ikisi çöktü.", [("üçte ikisi", 66.67, "percent", "Çatının")]),
        ("Yılın yarısı geçti.", []),  # half of the year: a part of a time
    ],
)
def test_turkish_writes_the_whole_before_its_share(text, expected):
    assert _read(text, "tr") == expected
