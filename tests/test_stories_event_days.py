"""Two events of one kind stay two stories when their days cannot be one event's: a report
published before the day another report dates its event by cannot tell of that event. The
event day an article gives (``features.event_day``), the rule in ``agglomerate``, and
invented reports in three languages through the real annotation. All texts are invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import consilience
from consilience.model import Article, Published, SourceRef
from consilience.stories import Params, group
from consilience.stories.cluster import agglomerate
from consilience.stories.features import _published, event_day, event_month_day


def _article(text: str, raw: str | None = None) -> Article:
    return Article(
        id="a",
        source=SourceRef("a.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        published=Published(raw[:10], "metadata") if raw and len(raw) >= 10 else Published(),
        published_raw=raw,
    )


def test_event_day_is_the_earliest_written_day_near_the_latest():
    text = (
        "The quake of 14 March 2031 destroyed the old bridge. On 16 March rescuers found two "
        "survivors. The town recalls the quake of 2 March 1998."
    )
    assert event_day(_article(text)) == date(2031, 3, 14)


def test_a_day_without_its_year_takes_the_publication_year():
    text = "Le séisme du 7 septembre a fait 58 morts; l'anniversaire du 30 décembre approche."
    assert event_day(_article(text)) is None  # no year anywhere
    assert event_day(_article(text), date(2031, 9, 9)) == date(2031, 9, 7)
    # "30 December" in a report of 3 January is last year's
    assert event_day(_article("El incendio del 30 de diciembre."), date(2032, 1, 3)) == date(
        2031, 12, 30
    )


def test_the_publication_day_later_and_old_days_are_not_the_event():
    text = (
        "September 22, 2031. The quake struck on 19 September 2031; the funeral is on 25 "
        "September 2031. It recalls the fire of 14 February 1974."
    )
    assert event_day(_article(text), date(2031, 9, 22)) == date(2031, 9, 19)
    only_dateline = "September 22, 2031. Rescuers are still searching the rubble."
    assert event_day(_article(only_dateline), date(2031, 9, 22)) is None
    assert event_day(_article(only_dateline)) == date(2031, 9, 22)


def test_a_month_is_no_publication_day():
    assert _published(_article("Text.", raw="2031-03")) is None
    assert _published(_article("Text.", raw="2031")) is None
    assert _published(_article("Text.", raw="2031-03-19")) == date(2031, 3, 19)


def test_agglomerate_keeps_a_later_event_out_of_earlier_reports():
    edges = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}
    published = [100, 101, None]
    assert agglomerate(3, edges, 0.3, published) == [0, 0, 0]
    # item 2 dates its event on day 104: reports published on days 100-101 cannot tell of it
    events = [100, 100, 104]
    assert agglomerate(3, edges, 0.3, published, 120, events, 1) == [0, 0, 2]
    # one day of lag (time zones, a late-night event) is allowed
    assert agglomerate(3, edges, 0.3, published, 120, [100, 100, 101], 1) == [0, 0, 0]
    # a report published on day 95 cannot tell of the event of day 100
    assert agglomerate(3, edges, 0.3, [None, None, 95], 120, [100, 100, 93], 1) == [0, 0, 2]


def test_a_group_s_event_day_is_its_median():
    # 0-2 date their event on day 100; 3 dates only an older event it recalls (day 90): the
    # group's day stays 100, so a report published on day 92 still stays out
    edges = {(0, 1): 0.9, (1, 2): 0.9, (2, 3): 0.85, (3, 4): 0.8}
    published = [100, 100, 101, 101, 92]
    events = [100, 100, 100, 90, 90]
    assert agglomerate(5, edges, 0.3, published, 120, events, 1) == [0, 0, 0, 0, 4]


REPORTS = {
    # the quake of 14 March, in English and Spanish, published on the 14th and 15th
    "corvale-en.txt": (
        "2025-03-14",
        "Strong earthquake kills 41 in Corvale\n\n"
        "A magnitude 6.8 earthquake struck the mountain town of Corvale on 14 March 2025, "
        "killing at least 41 people and destroying the old bridge, the regional civil "
        "protection agency said. Mayor Elena Barsotti said rescuers were searching the "
        "rubble of the Santa Rita school.\n",
    ),
    "corvale-es.txt": (
        "2025-03-15",
        "Un terremoto deja 41 muertos en Corvale\n\n"
        "Un terremoto de magnitud 6,8 sacudió el 14 de marzo de 2025 la ciudad montañosa de "
        "Corvale y dejó al menos 41 muertos, según la agencia regional de protección civil. "
        "La alcaldesa Elena Barsotti dijo que los rescatistas buscaban entre los escombros de "
        "la escuela Santa Rita.\n",
    ),
    # a second quake of the region on 23 March, in French, its own date only in the text
    "corvale-fr.txt": (
        None,
        "Un nouveau séisme frappe Corvale\n\n"
        "Un séisme de magnitude 6,1 a frappé la ville de Corvale le 23 mars 2025, sans faire "
        "de victimes, selon la protection civile régionale. La maire Elena Barsotti a dit que "
        "l'école Santa Rita, déjà touchée par le séisme qui avait fait 41 morts, a été "
        "évacuée.\n",
    ),
}


def test_a_second_quake_told_in_another_language_is_its_own_story(tmp_path: Path):
    for name, (published, text) in REPORTS.items():
        head = f"---\npublished: {published}\n---\n" if published else ""
        (tmp_path / name).write_text(head + text, encoding="utf-8")
    report = consilience.analyze([tmp_path], progress=False)
    articles = list(report.articles)
    lang = {a.id: a.language for a in articles}
    assert sorted(lang.values()) == ["en", "es", "fr"]
    assert {frozenset(lang[i] for i in s.articles) for s in report.stories} == {
        frozenset({"en", "es"}),
        frozenset({"fr"}),
    }
    stories = {frozenset(lang[i] for i in s.articles) for s in group(articles)}
    assert stories == {frozenset({"en", "es"}), frozenset({"fr"})}
    # without the rule the words, names and figures the reports share make them one story
    merged = {
        frozenset(lang[i] for i in s.articles) for s in group(articles, Params(event_lag=None))
    }
    assert merged == {frozenset({"en", "es", "fr"})}


def test_a_day_without_a_year_or_publication_day_is_kept_as_month_and_day():
    text = (
        "On Sunday, October 30th a second quake hit the valley; unlike the quake of August "
        "24th, it killed no one. The bridge reopened on November 2nd."
    )
    assert event_month_day(_article(text)) == "10-30"
    assert event_month_day(_article(text, raw="2031-11-03"), date(2031, 11, 3)) == ""
    assert event_month_day(_article("The quake of 24 August 2031.")) == ""
    assert event_month_day(_article("No day at all.")) == ""


def test_a_yearless_event_day_is_read_in_the_year_nearest_the_other_group():
    edges = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}
    published = [date(2031, 8, 24).toordinal(), date(2031, 8, 25).toordinal(), None]
    # item 2 writes "October 30th" and nothing else: read as 30 October 2031, after them
    late = [None, None, -(100 * 10 + 30)]
    assert agglomerate(3, edges, 0.3, published, 120, late, 1) == [0, 0, 2]
    # "August 24th" is their own day
    same = [None, None, -(100 * 8 + 24)]
    assert agglomerate(3, edges, 0.3, published, 120, same, 1) == [0, 0, 0]
    # "December 30th" beside reports of early January is last year's, before them
    january = [date(2032, 1, 3).toordinal(), date(2032, 1, 3).toordinal(), None]
    assert agglomerate(3, edges, 0.3, january, 120, [None, None, -(100 * 12 + 30)], 1) == [
        0,
        0,
        0,
    ]
