"""A bare weekday in a clause that speaks of the coming days is the coming one in every
language with future words (``data/dates.json`` "future", "future_endings"): "se votará el
viernes" read on a Wednesday is that week's Friday, not the Friday before; a weekday of a
past clause stays the one before. Sentences written by the team for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.annotate.dates.foreign import foreign_date_spans
from consilience.annotate.dates.mentions import date_mentions

WEDNESDAY = date(2031, 3, 5)


def _days(text: str, language: str) -> list[tuple[str, str | None]]:
    spans = foreign_date_spans(text, language)
    return [
        (text[m.start : m.end], m.value) for m in date_mentions(text, spans, WEDNESDAY, language)
    ]


@pytest.mark.parametrize(
    ("language", "text", "weekday"),
    [
        ("es", "La ley se votará el viernes en el Congreso.", "viernes"),
        ("pt", "A lei será votada na sexta-feira pelo Parlamento.", "sexta-feira"),
        ("it", "Il Parlamento voterà la legge venerdì.", "venerdì"),
        ("fr", "Le texte sera soumis au vote vendredi.", "vendredi"),
        ("de", "Das Parlament soll am Freitag abstimmen.", "Freitag"),
        ("nl", "Het parlement zal vrijdag stemmen.", "vrijdag"),
        ("pl", "Sejm ma głosować nad ustawą w piątek.", "piątek"),
        ("ru", "Голосование назначено на пятницу.", "пятницу"),
        ("tr", "Meclis yasayı cuma günü oylayacak.", "cuma"),
        ("ar", "من المقرر أن يصوت البرلمان يوم الجمعة.", "الجمعة"),
    ],
)
def test_a_weekday_of_the_coming_days(language, text, weekday):
    assert _days(text, language) == [(weekday, "2031-03-07")]


@pytest.mark.parametrize(
    ("language", "text", "weekday"),
    [
        ("es", "El martes marcharon miles de personas.", "martes"),
        ("de", "Am Montag demonstrierten Tausende.", "Montag"),
        ("pl", "W poniedziałek zginęło 12 osób.", "poniedziałek"),
    ],
)
def test_a_weekday_of_a_past_clause_is_the_one_before(language, text, weekday):
    (found,) = _days(text, language)
    assert found[0] == weekday and found[1] is not None and found[1] < "2031-03-05"


def test_a_future_in_a_quote_leaves_the_day_of_its_saying_past():
    text = '"La legge non sarà ritirata", ha detto lunedì mattina il ministro.'
    (found,) = _days(text, "it")
    assert found == ("lunedì", "2031-03-03")
