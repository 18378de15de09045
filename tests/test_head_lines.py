"""An article's head line in the shapes outlets write it: a byline, a place, the date with a
time of day after it, and the outlet or agency set off by a bar, a dash or brackets. The
outlet is read at ingest (``ingest.head``), the date is the publication date
(``annotate.published.dateline``), in any script's digits and with a Greek month's name.
Every line is written by the team for these tests (invented outlets, writers and towns)."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.annotate.dates.foreign import foreign_date_spans, parse_foreign
from consilience.annotate.published import clues, dateline
from consilience.ingest.head import head_outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Ann Weller | Harbour Wire | June 4, 2029, 8:15 p.m.", "Harbour Wire"),
        (
            "By Ann Weller, Harbour Wire | The Valley Times | Tuesday, June 5, 2029",
            "The Valley Times",
        ),
        (
            "Par Ann Weller | Agence Littorale (traduit de l'anglais) | lundi 4 juin 2029",
            "Agence Littorale",
        ),
        ("Korvan (Merania), lunes 4 de junio de 2029, 22:05 (Diario Litoral).–", "Diario Litoral"),
        ("Korvan (lpd) – Montag, 4. Juni 2029", "lpd"),
        (
            "Korvan, 4 giugno 2029 – dal nostro inviato Piero Sala (Gazzetta Costiera)",
            "Gazzetta Costiera",
        ),
        ("КОРВАН, 4 июня 2029 года, 11:20 — ИА «Прибрежный курьер»", "ИА «Прибрежный курьер»"),
        ("04.06.2029, 18:45 | Korvan – Sahil Haber", "Sahil Haber"),
        ("KORVAN, 4 June 2029 (HWA) —", "HWA"),
        # a writer, a place in capitals, a date: no outlet
        ("Von Eva Lindner | 04.06.2029, 18:45 Uhr", None),
        ("Door onze correspondent Piet Smit | KORVAN, maandag 4 juni 2029, 09.30 uur", None),
        ("di Anna Greco — Korvan, lunedì 4 giugno 2029", None),
    ],
)
def test_the_outlet_of_a_head_line(line, outlet):
    assert (
        head_outlet(f"A headline of the report\n{line}\n\nThe report's first sentence.") == outlet
    )


def test_a_sentence_with_a_date_is_no_head_line():
    body = "Headline\nThe strike of 1995 — it lasted 24 days — brought the city to a halt.\n"
    assert head_outlet(body) is None


def _head_date(text: str, language: str) -> date | None:
    from consilience.annotate.dates.foreign import foreign_date_spans as spans_of

    spans = spans_of(text, language) if language != "en" else []
    found = dateline(text, clues(text, spans, language), date(2030, 1, 1))
    return found[0] if found else None


@pytest.mark.parametrize(
    ("line", "language", "day"),
    [
        # a time of day, a year's word and an outlet after the date
        ("КОРВАН, 4 июня 2029 года, 11:20 — ИА «Прибрежный курьер»", "ru", date(2029, 6, 4)),
        ("Korvan, 4 czerwca 2029 r. (Agencja Wybrzeże)", "pl", date(2029, 6, 4)),
        (
            "Korvan, 4 giugno 2029 – dal nostro inviato Piero Sala (Gazzetta Costiera)",
            "it",
            date(2029, 6, 4),
        ),
        # an Arabic comma ends the place; Arabic-Indic digits; a Greek month in the genitive
        ("كورفان، الاثنين ٤ حزيران/يونيو ٢٠٢٩ (وكالة الساحل) –", "ar", date(2029, 6, 4)),
        ("Δευτέρα 4 Ιουνίου 2029, 09:40", "el", date(2029, 6, 4)),
    ],
)
def test_the_head_date_with_what_follows_it(line, language, day):
    assert _head_date(f"Headline\n{line}\n\nBody.\n", language) == day


def test_dates_in_arabic_indic_digits_and_greek_months_are_read():
    text = "كورفان - الاثنين ١١ أيار/مايو ٢٠٢٩"
    (span,) = foreign_date_spans(text, "ar")
    parsed = parse_foreign(text[span[0] : span[1]], "ar")
    assert (parsed.year, parsed.month, parsed.day) == (2029, 5, 11)
    greek = "Τρίτη 11 Μαΐου 2029"
    assert foreign_date_spans(greek, "el") == [(0, len(greek))]
