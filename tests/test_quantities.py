"""Tests for consilience.annotate.quantities.find_quantities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.annotate.quantities import find_quantities


def _one(text: str):
    """Return the single quantity found in ``text`` and the text its span covers."""
    found = find_quantities(text)
    assert len(found) == 1, [(text[q.start : q.end], q) for q in found]
    q = found[0]
    return q, text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "counted", "qualifier", "fmt"),
    [
        (
            "Nearly 300,000 people have been displaced by the floods.",
            "Nearly 300,000",
            300000,
            None,
            "people",
            "nearly",
            "comma",
        ),
        (
            "The quake left at least 826 dead, officials said.",
            "at least 826",
            826,
            None,
            "dead",
            "at least",
            "plain",
        ),
        (
            "Some 2.000 soldiers fled across the river.",
            "Some 2.000",
            2000,
            None,
            "soldiers",
            "some",
            "european",
        ),
        (
            "The camp now shelters 400.000 displaced in all.",
            "400.000",
            400000,
            None,
            "displaced",
            None,
            "european",
        ),
        (
            "Tanks stopped within 20 miles of the capital.",
            "within 20 miles",
            20,
            "mile",
            None,
            "within",
            "plain",
        ),
        (
            "The 300-foot tower fell into the square.",
            "300-foot",
            300,
            "ft",
            "tower",
            None,
            "plain",
        ),
        (
            "The wall stood 20 feet high before the flood.",
            "20 feet",
            20,
            "ft",
            None,
            None,
            "plain",
        ),
        (
            "Analysts warn that as many as 1.5 million could flee.",
            "as many as 1.5 million",
            1_500_000,
            None,
            None,
            "as many as",
            "plain",
        ),
        ("The war has lasted 13 years now.", "13 years", 13, "year", None, None, "plain"),
        ("Rescuers found seven survivors.", "seven", 7, None, "survivors", None, "words"),
        (
            "The town took in three million Venezuelan migrants.",
            "three million",
            3_000_000,
            None,
            "Venezuelan migrants",
            None,
            "words",
        ),
        (
            "Around a hundred farmers marched.",
            "Around a hundred",
            100,
            None,
            "farmers",
            "around",
            "words",
        ),
        (
            "The blast was felt 160 kilometres away.",
            "160 kilometres",
            160,
            "km",
            None,
            None,
            "plain",
        ),
        (
            "Turnout rose to 61 percent of voters.",
            "61 percent",
            61,
            "percent",
            "voters",
            None,
            "plain",
        ),
        ("Turnout rose to 61% among voters.", "61%", 61, "percent", None, None, "plain"),
        ("The bridge cost $3 billion to build.", "$3 billion", 3e9, "USD", None, None, "plain"),
        ("Fines reached €250,000 last year.", "€250,000", 250000, "EUR", None, None, "comma"),
        (
            "The club paid 40 million euros for him.",
            "40 million euros",
            4e7,
            "EUR",
            None,
            None,
            "plain",
        ),
        ("Workers moved 12 tonnes of rubble.", "12 tonnes", 12, "ton", "rubble", None, "plain"),
        ("The siege lasted over 24 hours.", "over 24 hours", 24, "hour", None, "over", "plain"),
        (
            "An estimated 5,000 ducks died.",
            "An estimated 5,000",
            5000,
            None,
            "ducks",
            "an estimated",
            "comma",
        ),
        ("They counted 2,000 or so sheep.", "2,000 or so", 2000, None, "sheep", "or so", "comma"),
        ("The crowd of 300-odd fans sang.", "300-odd", 300, None, "fans", "odd", "plain"),
        (
            "Tens of thousands of pilgrims arrived.",
            "Tens of thousands",
            20000,
            None,
            "pilgrims",
            "tens of thousands",
            "words",
        ),
        (
            "More than half a million voters abstained.",
            "More than half a million",
            500000,
            None,
            "voters",
            "more than",
            "words",
        ),
        (
            "The ferry carried 1,200 heavily laden trucks.",
            "1,200",
            1200,
            None,
            "heavily laden trucks",
            None,
            "comma",
        ),
        (
            "Two hundred and fifty thousand ballots were lost.",
            "Two hundred and fifty thousand",
            250000,
            None,
            "ballots",
            None,
            "words",
        ),
        (
            "Police arrested 2000 protesters downtown.",
            "2000",
            2000,
            None,
            "protesters",
            None,
            "plain",
        ),
        (
            "Roughly 1,5 million tourists came.",
            "Roughly 1,5 million",
            1_500_000,
            None,
            "tourists",
            "roughly",
            "european",
        ),
        (
            "The valley holds 1.000.000 trees.",
            "1.000.000",
            1_000_000,
            None,
            "trees",
            None,
            "european",
        ),
        (
            "Up to 40 wagons derailed near the junction.",
            "Up to 40",
            40,
            None,
            "wagons",
            "up to",
            "plain",
        ),
    ],
)
def test_quantity_fields(text, span, value, unit, counted, qualifier, fmt):
    q, covered = _one(text)
    assert covered == span
    assert q.value == value
    assert q.unit == unit
    assert q.counted == counted
    assert q.qualifier == qualifier
    assert q.approximate is (qualifier is not None)
    assert q.number_format == fmt


@pytest.mark.parametrize(
    "text",
    [
        "Traffic on the M5 highway was light.",
        "The uprising began in 2011 and the 2011 protests spread.",
        "Nothing changed since 2018.",
        "The vote is on December 7 and the count on 7 December.",
        "The vote is on december 8, 2024.",
        "Polls close at 10:30 or at 8 pm.",
        "It is the third-largest city, its 24th district.",
        "The T-4 airbase and the F-16 jets.",
        "The COVID-19 wave and 5G masts.",
        "Security Council Resolution 2254 was cited.",
        "Prices rose three times the usual rate.",
        "One of the guards escaped.",
        "The 1990s were calm.",
        "Someone counted hundred-year-old trees.",
    ],
)
def test_not_quantities(text):
    assert [text[q.start : q.end] for q in find_quantities(text)] == []


def test_two_quantities_in_out_of():
    text = "Rebels held only three out of 14 provincial capitals."
    found = find_quantities(text)
    assert [(text[q.start : q.end], q.value, q.counted) for q in found] == [
        # a part of a whole counts what the whole counts (annotate/data/quantities, partitive)
        ("three", 3, "provincial capitals"),
        ("14", 14, "provincial capitals"),
    ]


def test_dozen_and_dozens_are_approximate():
    text = "A dozen boats and dozens of canoes sailed; hundreds watched."
    found = find_quantities(text)
    got = [(text[q.start : q.end], q.value, q.approximate, q.counted, q.qualifier) for q in found]
    assert got == [
        ("A dozen", 12, True, "boats", None),
        ("dozens", 24, True, "canoes", "dozens"),
        ("hundreds", 200, True, None, "hundreds"),
    ]


def test_one_counts_only_before_a_noun_or_unit():
    text = "Only one week remained; one is enough; one bus left."
    found = find_quantities(text)
    assert [(text[q.start : q.end], q.unit, q.counted) for q in found] == [
        ("one week", "week", None),
        ("one", None, "bus"),
    ]


def test_window_limits_spans():
    text = "Some 300 goats. Then 45 sheep and 12 cows."
    first_end = text.index(".") + 1
    inside = find_quantities(text, first_end, len(text))
    assert [text[q.start : q.end] for q in inside] == ["45", "12"]
    head = find_quantities(text, 0, text.index(" goats"))
    assert [(text[q.start : q.end], q.counted) for q in head] == [("Some 300", None)]


def test_offsets_survive_characters_that_lowercase_to_two():
    text = "İstanbul sent 40 buses."
    q, covered = _one(text)
    assert covered == "40"
    assert q.counted == "buses"


def test_a_long_article_finds_every_quantity():
    para = (
        "Officials said about 2,000 people fled on Monday, while nearly 300 homes and "
        "three schools were damaged in 2019 floods along a 20 km stretch. "
    )
    found = find_quantities(para * 70)
    assert len(found) == 70 * 4
    assert [q.value for q in found[:4]] == [2000, 300, 3, 20]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 .,-%$€abcdefmilonstwhrk\n")), max_size=80),
    st.integers(0, 40),
)
def test_spans_are_ordered_disjoint_and_inside_the_window(text, cut):
    start = min(cut, len(text))
    found = find_quantities(text, start)
    prev_end = start
    for q in found:
        assert prev_end <= q.start < q.end <= len(text)
        assert q.value >= 0
        prev_end = q.end


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "fmt"),
    [
        # a dot before three digits is a decimal point before a percent sign or word
        ("Inflation reached 1.786% in March.", "1.786%", 1.786, "percent", "plain"),
        ("Inflation reached 1.786 per cent in March.", "1.786 per cent", 1.786, "percent", "plain"),
        ("The bank cut its rate to 3.125 percent.", "3.125 percent", 3.125, "percent", "plain"),
        ("Its lead shrank by 1.250 percentage points.", "1.250", 1.25, None, "plain"),
        # a comma before one or two digits is a decimal comma before a unit
        ("The river peaked at 6,4 meters overnight.", "6,4 meters", 6.4, "m", "european"),
        ("Prices climbed 12,75 percent this year.", "12,75 percent", 12.75, "percent", "european"),
        ("The ferry ticket costs €2,50 now.", "€2,50", 2.5, "EUR", "european"),
        ("Trucks hauled 3,5 tonnes away.", "3,5 tonnes", 3.5, "ton", "european"),
        # a comma before three digits stays a thousands separator
        ("The census counted 370,000 residents.", "370,000", 370000, None, "comma"),
    ],
)
def test_ambiguous_separators_read_by_what_follows(text, span, value, unit, fmt):
    q, covered = _one(text)
    assert covered == span
    assert q.value == value
    assert q.unit == unit
    assert q.number_format == fmt


def test_dot_before_three_digits_before_a_measure_follows_the_texts_number_style():
    english = "Some 370,000 people live near the levee, which runs 1.250 km along the shore."
    found = find_quantities(english)
    assert [(english[q.start : q.end], q.value, q.unit, q.number_format) for q in found] == [
        ("Some 370,000", 370000, None, "comma"),
        ("1.250 km", 1.25, "km", "plain"),
    ]
    alone = "The levee runs 1.250 km along the shore."
    q, covered = _one(alone)
    assert (covered, q.value, q.unit, q.number_format) == ("1.250 km", 1250, "km", "european")
    european = "Some 1.200.000 people live near the levee, which runs 1.250 km along the shore."
    found = find_quantities(european)
    assert [(european[q.start : q.end], q.value) for q in found] == [
        ("Some 1.200.000", 1_200_000),
        ("1.250 km", 1250),
    ]


def test_counts_keep_the_european_thousands_reading_in_an_english_styled_text():
    text = "Nearly 370,000 people fled while 2.000 Syrian soldiers crossed at 1.5 km/h."
    found = find_quantities(text)
    assert [(text[q.start : q.end], q.value, q.counted, q.number_format) for q in found] == [
        ("Nearly 370,000", 370000, "people", "comma"),
        ("2.000", 2000, "Syrian soldiers", "european"),
        ("1.5 km/h", 1.5, None, "plain"),
    ]


def test_bare_decimal_comma_needs_a_unit_or_a_european_styled_text():
    assert find_quantities("Observers logged 6,4 on the gauge.") == []
    text = "Of 1.000.000 seedlings, 6,4 were lost."
    found = find_quantities(text)
    assert [(text[q.start : q.end], q.value, q.number_format) for q in found] == [
        ("1.000.000", 1_000_000, "european"),
        ("6,4", 6.4, "european"),
    ]


def test_adverb_after_a_unit_is_not_what_is_measured():
    text = "The gauge read 6.4 metres shortly after the storm and 5.1 metres below the bank."
    found = find_quantities(text)
    assert [(text[q.start : q.end], q.value, q.unit, q.counted) for q in found] == [
        ("6.4 metres", 6.4, "m", None),
        ("5.1 metres", 5.1, "m", None),
    ]
    q, covered = _one("Crews moved 10 tonnes of supplies.")
    assert (covered, q.counted) == ("10 tonnes", "supplies")


def test_one_firefighter_counts_firefighters_like_many() -> None:
    text = "One firefighter was seriously injured; about 400 firefighters fought the blaze."
    found = [(text[q.start : q.end], q.value, q.concept) for q in find_quantities(text)]
    assert found == [("One", 1.0, "firefighters"), ("about 400", 400.0, "firefighters")]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The toll rose to 267 Friday, officials said.", [(267.0, None)]),
        ("It climbed to 12 yesterday and to 15 overnight.", [(12.0, None), (15.0, None)]),
        ("Rescuers found 12 survivors Friday.", [(12.0, "survivors")]),
    ],
)
def test_a_day_after_a_figure_is_not_what_it_counts(text: str, counted: list) -> None:
    assert [(q.value, q.counted) for q in find_quantities(text)] == counted
