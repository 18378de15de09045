"""An article's head that names its outlet and its own date ("Outlet — Wednesday, 11 November
2026"): the outlet is read at ingest, the date is the publication date (not a day inferred with
the story's other articles), and the reports of a story told over three days with such heads
are one story, while a report of another event of the same day, sharing only that date and a
figure, stays apart. Every text is written by the team for these tests (a made-up flood; real
place names)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import consilience
from consilience.annotate.published import clues, dateline
from consilience.ingest.head import head_outlet

HEADS = {
    "it.txt": (
        "Alluvione a Tete, sale il bilancio\n"
        "Il Corriere del Sud — Mercoledì 11 novembre 2026\n\n"
        "È salito a 23 morti il bilancio dell'alluvione che martedì ha colpito Tete, in "
        "Mozambico, secondo la protezione civile.\n"
    ),
    "pt.txt": (
        "Cheias em Tete deixam 23 mortos\n"
        "Diário do Zambeze — Quarta-feira, 11 de novembro de 2026\n\n"
        "As cheias que atingiram Tete na terça-feira deixaram 23 mortos, segundo a proteção "
        "civil de Moçambique.\n"
    ),
    "ru.txt": (
        "Число жертв наводнения в Мозамбике выросло до 23\n"
        "Южный вестник — Среда, 11 ноября 2026\n\n"
        "Число погибших в результате наводнения в городе Тете в Мозамбике выросло до 23, "
        "сообщила во вторник гражданская оборона.\n"
    ),
    "ar.txt": (
        "ارتفاع حصيلة قتلى الفيضانات في تيتي\n"
        "صحيفة الجنوب — الأربعاء 11 تشرين الثاني/نوفمبر 2026\n\n"
        "ارتفعت حصيلة قتلى الفيضانات في مدينة تيتي في موزمبيق إلى 23 قتيلا بحسب الدفاع المدني.\n"
    ),
    "en.txt": (
        "Flood toll in Mozambique rises to 31\n"
        "Southern Wire — Thursday, 12 November 2026\n\n"
        "The death toll from the floods that hit Tete in Mozambique on Tuesday rose to 31, the "
        "civil protection agency said on Thursday.\n"
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("datelines")
    for name, text in HEADS.items():
        (folder / name).write_text(text, "utf-8")
    return consilience.analyze([folder], reference_date=date(2026, 12, 1), progress=False)


def test_the_outlet_of_a_head_line_is_read():
    assert head_outlet(HEADS["it.txt"]) == "Il Corriere del Sud"
    assert head_outlet(HEADS["ar.txt"]) == "صحيفة الجنوب"
    assert head_outlet("Title\nDaily Star | 12.11.2026\n\nBody.") == "Daily Star"
    # a sentence with a dash and a year is no outlet's line, nor is a headline
    assert head_outlet("Title\nThe war is not over — it began in 2019\n\nBody.") is None
    assert head_outlet("Floods — 12 November 2026\nBody text here.") is None


def test_the_head_date_is_the_publication_date_in_every_language(report):
    got = {
        Path(a.source.path).name: (a.outlet, a.published.date, a.published.from_)
        for a in report.articles
    }
    assert got == {
        "it.txt": ("Il Corriere del Sud", "2026-11-11", "text"),
        "pt.txt": ("Diário do Zambeze", "2026-11-11", "text"),
        "ru.txt": ("Южный вестник", "2026-11-11", "text"),
        "ar.txt": ("صحيفة الجنوب", "2026-11-11", "text"),
        "en.txt": ("Southern Wire", "2026-11-12", "text"),
    }
    # the evidence is the head's date
    it = next(a for a in report.articles if a.source.path.endswith("it.txt"))
    assert it.published.evidence is not None
    assert it.text[slice(*it.published.evidence)] == "Mercoledì 11 novembre 2026"


def test_a_date_in_a_headline_or_a_long_line_is_no_dateline():
    text = "Vote set for 12 December 2026 after talks\nBody of the report."
    spans = [(13, 29)]
    assert text[13:29] == "12 December 2026"
    assert dateline(text, clues(text, spans), date(2027, 1, 1)) is None
    long = "Title\nThe ministry said on Friday that the vote would be held on 12 December 2026.\n"
    start = long.index("12 December")
    assert dateline(long, clues(long, [(start, start + 16)]), date(2027, 1, 1)) is None
    alone = "Title\n12 December 2026\n\nBody."
    start = alone.index("12 December")
    found = dateline(alone, clues(alone, [(start, start + 16)]), date(2027, 1, 1))
    assert found == (date(2026, 12, 12), (start, start + 16))
    # a date after the run's day is not believed
    assert dateline(alone, clues(alone, [(start, start + 16)]), date(2026, 12, 1)) is None


def test_the_reports_of_three_days_are_one_story(report):
    (story,) = report.stories
    assert len(story.articles) == len(HEADS)
