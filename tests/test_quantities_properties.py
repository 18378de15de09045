"""A measure that is a property of a thing (its height, its length, a size the words do not
say more of; a place's population), read from the ``properties`` of each language's quantity
data file. Every sentence is written for this test."""

from __future__ import annotations

import pytest

from consilience.annotate.quantities import find_quantities


def _read(text: str, language: str) -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.unit, q.concept) for q in find_quantities(text, language=language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The tower, 40 metres high, fell on Monday.", [(40.0, "m", "height")]),
        ("en", "The bridge is 300 metres long.", [(300.0, "m", "length")]),
        ("en", "A 120-foot bell tower collapsed.", [(120.0, "ft", "extent")]),
        ("en", "The wall measured 12 metres.", [(12.0, "m", "extent")]),
        ("en", "A queue of 8 km formed at the border.", [(8.0, "km", "extent")]),
        ("fr", "Le clocher, haut de 37 mètres, s'est effondré.", [(37.0, "m", "height")]),
        ("fr", "Le clocher et ses 37 mètres de haut.", [(37.0, "m", "height")]),
        ("fr", "La charpente, longue de 80 mètres, a brûlé.", [(80.0, "m", "length")]),
        ("it", "Il campanile alto 36 metri è crollato.", [(36.0, "m", "height")]),
        ("it", "Il campanile centrale di 36 metri è crollato.", [(36.0, "m", "extent")]),
        ("es", "Medía 36 metros.", [(36.0, "m", "extent")]),
        ("es", "La torre, de 36 metros de altura, cayó.", [(36.0, "m", "height")]),
        ("ca", "El campanar de 36 metres d'alçada va caure.", [(36.0, "m", "height")]),
        ("pt", "A torre, com 36 metros de altura, caiu.", [(36.0, "m", "height")]),
        ("de", "Der 36 Meter hohe Turm stürzte ein.", [(36.0, "m", "height")]),
        ("nl", "De toren is 36 meter hoog.", [(36.0, "m", "height")]),
        # a count of inhabitants, or after "a population of", is a place's population
        ("en", "A village of 900 inhabitants.", [(900.0, None, "population")]),
        ("en", "It has a population of about 900 people.", [(900.0, None, "population")]),
        ("es", "Un pueblo de unos 900 habitantes.", [(900.0, None, "population")]),
        ("it", "Un borgo di circa 900 abitanti.", [(900.0, None, "population")]),
        ("fr", "Un village de 900 habitants.", [(900.0, None, "population")]),
        ("de", "Ein Dorf mit 900 Einwohnern.", [(900.0, None, "population")]),
    ],
)
def test_a_measure_of_a_thing_is_its_property(language, text, expected):
    assert _read(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a distance, a direction or a magnitude are no size of a thing (a depth is the
        # event's: below)
        ("fr", "L'épicentre, à une distance de 40 km de la ville.", [(40.0, "km", None)]),
        ("en", "It struck 65 miles south of the capital.", [(65.0, "mile", None)]),
        ("en", "Toll rises as result of 6.3-M quake.", [(6.3, "m", None)]),
        # inhabitants who were evacuated are a tally of the evacuation
        ("en", "About 900 inhabitants were evacuated.", [(900.0, None, "evacuated")]),
    ],
)
def test_a_depth_a_distance_or_a_magnitude_is_no_property(language, text, expected):
    assert _read(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the depth of the event itself, in every language with a data file
        ("en", "It struck 10 km deep.", [(10.0, "km", "depth")]),
        ("en", "A depth of 10 km was reported.", [(10.0, "km", "depth")]),
        ("en", "A 10-km-deep quake hit the coast.", [(10.0, "km", "depth")]),
        ("en", "It struck at a depth of 32 miles.", [(32.0, "mile", "depth")]),
        ("es", "El sismo tuvo 12 kilómetros de profundidad.", [(12.0, "km", "depth")]),
        ("es", "El sismo ocurrió a una profundidad de 12 kilómetros.", [(12.0, "km", "depth")]),
        ("it", "Un terremoto di 10 km di profondità.", [(10.0, "km", "depth")]),
        ("it", "La scossa è avvenuta a una profondità di 9 km.", [(9.0, "km", "depth")]),
        ("fr", "Le séisme s'est produit à 51 km de profondeur.", [(51.0, "km", "depth")]),
        (
            "pt",
            "O tremor ocorreu a uma profundidade de cerca de 60 quilômetros.",
            [(60.0, "km", "depth")],
        ),
        (
            "de",
            "Das Beben ereignete sich in einer Tiefe von 10 Kilometern.",
            [(10.0, "km", "depth")],
        ),
        (
            "ca",
            "El terratrèmol es va produir a una profunditat de 8 quilòmetres.",
            [(8.0, "km", "depth")],
        ),
        (
            "nl",
            "De aardbeving vond plaats op een diepte van 12 kilometer.",
            [(12.0, "km", "depth")],
        ),
        ("ar", "وقع الزلزال على عمق 10 كيلومترات.", [(10.0, "km", "depth")]),
        ("ru", "Землетрясение произошло на глубине 10 км.", [(10.0, "km", "depth")]),
        # a distance stays a distance
        (
            "es",
            "El epicentro se localizó a 12 kilómetros al sur de la ciudad.",
            [(12.0, "km", None)],
        ),
    ],
)
def test_a_depth_is_the_events_depth(language, text, expected):
    assert _read(text, language) == expected
