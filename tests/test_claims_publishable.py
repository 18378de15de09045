"""Claims a fact-checker can publish from (issue 13): what a passage's frame states, read right.

Every sentence here is invented. Each fix is tested both ways: the case it repairs and the case
it must leave alone.
"""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, doc, gazetteer

from consilience.claims import extract_claims
from consilience.claims import lexicon as lx
from consilience.claims.extract import _event_date, _is_figure
from consilience.model import Article, DateMention, Quantity, SourceRef
from consilience.settings import Settings

# ----------------------------------------------------------------------------- dates


def _date(text: str, phrase: str, precision: str = "day") -> bool:
    start = text.index(phrase)
    mention = DateMention(start, start + len(phrase), "2030-03-03", precision)  # type: ignore[arg-type]
    return _event_date(text, mention).exact


@pytest.mark.parametrize(
    ("phrase", "exact"),
    [
        ("March 3 of this year", True),
        ("the 5th of last month", True),
        ("Monday of next week", True),
        ("March 3", True),
        ("a week ago", False),
        ("early this week", False),
        ("late on 3 May", False),
        ("this week", False),
        ("a year ago", False),
    ],
)
def test_a_named_day_in_this_years_calendar_is_exact(phrase: str, exact: bool) -> None:
    text = f"The vote will be held {phrase} in the capital."
    assert _date(text, phrase) is exact


# ----------------------------------------------------------------------------- event words


@pytest.mark.parametrize(
    ("sentence", "classes"),
    [
        # "stay" as a noun states nobody stayed instead of fleeing
        ("She began a 60 - day court - mandated stay in a clinic .", set()),
        ("He ended his brief stay in the port city on Friday .", set()),
        ("The minister's stay in the capital was cut short .", set()),
        # the verb still does
        ("The governor remains in the city .", {"stay"}),
        ("Most residents decided to stay in the town .", {"stay"}),
        # "surrounding" that surrounds nobody
        ("There was confusion surrounding the singer's plans .", set()),
        ("Farms in the surrounding valleys were flooded .", {"flood"}),
        ("The controversy surrounding the contract grew .", set()),
        # and the one that does
        ("Troops are surrounding the airport .", {"encircle"}),
        ("Militia fighters surrounding the base opened fire .", {"encircle", "shoot"}),
    ],
)
def test_noun_uses_name_no_event(sentence: str, classes: set[str]) -> None:
    assert lx.event_classes(sentence) == classes


def test_a_stay_noun_does_not_negate_what_the_sentence_tells() -> None:
    assert lx.OPPOSITE_CLASSES["stay"] == "flee"
    assert "stay" not in lx.event_classes("The actor checked into a clinic for a long stay in it .")


# ----------------------------------------------------------------------------- figures


def _quantity_article(text: str, number: str) -> tuple[Article, Quantity]:
    start = text.index(number)
    q = Quantity(start, start + len(number), float(number))
    article = Article(id="a", source=SourceRef(path="a.txt"), kind="text", raw_text=text, text=text)
    return article, q


@pytest.mark.parametrize(
    ("text", "is_figure"),
    [
        ("She began a 60 - day stay in the clinic .", False),
        ("She began a 60-day stay in the clinic .", False),
        ("He was given a 12 – month ban .", False),
        ("The 60 days of the stay were hard .", True),
        ("60 people were evacuated .", True),
    ],
)
def test_a_number_hyphened_to_a_unit_of_time_is_a_duration(text: str, is_figure: bool) -> None:
    number = "60" if "60" in text else "12"
    article, q = _quantity_article(text, number)
    assert _is_figure(article, q) is is_figure


# ----------------------------------------------------------------------------- who is an actor

_TOLD = {
    "a.txt": doc(
        "Coast Courier",
        "2030-03-04",
        "Rescue teams evacuated the village of Brennock on Tuesday after the river rose, "
        "officials told the Harbour Gazette.\n\n"
        "The mayor of Brennock, Alma Fenwick, told Radio Kestrel that she was proud of the "
        "volunteers of the town.",
    ),
}


@pytest.fixture(scope="module")
def told(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "told", _TOLD)
    story = report.stories[0]
    cands = extract_claims(report.articles, story.entities, Settings().align, gazetteer=gazetteer())
    return by_name(report)["a"], story.entities, cands


def _entity(entities, word: str) -> str:  # noqa: ANN001
    found = ["id:" + e.id for e in entities if any(word in alias for alias in e.aliases)]
    assert found, f"no entity named {word!r}"
    return found[0]


def test_the_outlet_a_statement_was_told_to_is_no_actor(told) -> None:  # noqa: ANN001
    article, entities, cands = told
    gazette = _entity(entities, "Gazette")
    evacuated = [c for c in cands if "evacuated" in c.text]
    assert evacuated
    assert all(gazette not in c.entities for c in evacuated)
    assert all(_entity(entities, "Brennock") in c.entities for c in evacuated)


def test_an_interview_keeps_the_outlet_it_was_given_to(told) -> None:  # noqa: ANN001
    article, entities, cands = told
    radio = _entity(entities, "Kestrel")
    interview = [c for c in cands if "Radio Kestrel" in c.text]
    assert [sorted(c.classes) for c in interview] == [["interview"]]
    assert radio in interview[0].entities
