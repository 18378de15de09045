"""Claims a fact-checker can publish from (issue 13): what a passage's frame states, read right.

Every sentence here is invented. Each fix is tested both ways: the case it repairs and the case
it must leave alone.
"""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, candidate, doc, gazetteer

from consilience.claims import extract_claims
from consilience.claims import lexicon as lx
from consilience.claims.extract import _event_date, _is_figure
from consilience.claims.support import core, ranked, slots, supports
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


# ----------------------------------------------------------------------------- where


def test_a_place_something_happens_in_is_a_slot_of_its_own() -> None:
    """ "Rebels advanced to within 20 km of X" and "rebels took positions approaching X" name X
    as a landmark; "the rebels' movements in X were reported" puts something in X, which
    neither of the others says: it is not the sentence to word their common claim with."""
    inside = candidate(
        "a", 0, classes=frozenset({"seize"}), entities=frozenset({"x"}), located=frozenset({"x"})
    )
    near = candidate("b", 1, classes=frozenset({"seize"}), entities=frozenset({"x"}))
    toward = candidate("c", 2, classes=frozenset({"seize"}), entities=frozenset({"x"}))
    assert "i:x" in slots(inside) and "i:x" not in slots(near)
    members = [inside, near, toward]
    assert ranked(members)[0].id != "a@0"
    # it still backs what the others assert: it names the place and the event
    rep = ranked(members)[0]
    assert supports(inside, rep, core(rep, members))
    # when another report puts it in X too, the slot is shared and the wording may be its
    also = candidate(
        "d", 3, classes=frozenset({"seize"}), entities=frozenset({"x"}), located=frozenset({"x"})
    )
    assert "i:x" in core(inside, [inside, near, also])


_WHERE = {
    "w.txt": doc(
        "Vale Herald",
        "2030-05-06",
        "Protesters marched in Corvale on Monday, officials said.\n\n"
        "Armed groups advanced to within 12 miles of Corvale on Tuesday, witnesses said.\n\n"
        "Police reported clashes near Corvale and in Tarwick on Wednesday.",
    ),
}


def test_located_places_follow_in_at_into_inside(tmp_path_factory) -> None:  # noqa: ANN001
    report = analysed(tmp_path_factory, "where", _WHERE)
    story = report.stories[0]
    cands = extract_claims(report.articles, story.entities, Settings().align, gazetteer=gazetteer())
    corvale = _entity(story.entities, "Corvale")
    tarwick = _entity(story.entities, "Tarwick")
    by_text = {c.text.split()[0]: c for c in cands}
    assert by_text["Protesters"].located == {corvale}
    assert by_text["Armed"].located == frozenset()
    assert by_text["Police"].located == {tarwick}


# ----------------------------------------------------------------------------- what is a claim

_TITLE = "Floods Cut Off Valley Towns as Rivers Rise"
_PAGES = {
    "p.txt": doc(
        "Valley Post",
        "2030-05-06",
        f"{_TITLE}\n\n"
        "Rescuers evacuate hundreds of families from flooded towns. "
        "Roads to the valley are cut.\n\n"
        f"{_TITLE}\n\n"
        "Rescuers evacuated 400 families from the towns of Corvale and Tarwick on Monday, the "
        "regional governor said.\n\n"
        "The river rose by two metres overnight, officials said.",
    ),
    "q.txt": doc(
        "Hill Times",
        "2030-05-06",
        "Rescuers evacuated families from the valley on Monday as the river rose.\n\n"
        "The singer Mara Quill began a 60-day court-ordered stay at a clinic in Tarwick, her "
        "lawyer said.\n\n"
        "The clinic's director is a 34-year-old former nurse from the coast, her lawyer said.",
    ),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "pages", _PAGES)
    entities = [e for s in report.stories for e in s.entities]
    cands = extract_claims(report.articles, entities, Settings().align, gazetteer=gazetteer())
    return by_name(report), cands


def test_a_standfirst_before_the_repeated_title_is_no_claim(pages) -> None:  # noqa: ANN001
    arts, cands = pages
    page = arts["p"]
    assert any(r.reason == "repeated_headline" for r in page.removed)
    mine = [c.text for c in cands if c.article == page.id]
    assert not [t for t in mine if "hundreds of families" in t or "are cut" in t]
    assert any("400 families" in t for t in mine)
    # a lead paragraph with no repeated title after it is the report itself
    other = [c.text for c in cands if c.article == arts["q"].id]
    assert any(t.startswith("Rescuers evacuated families from the valley") for t in other)


def test_a_compound_length_of_time_keeps_its_sentence_as_a_statement(pages) -> None:  # noqa: ANN001
    arts, cands = pages
    stay = [c for c in cands if c.article == arts["q"].id and "60-day" in c.text]
    assert [(c.kind, c.figure) for c in stay] == [("statement", None)]
    # an age is no length of time the sentence tells
    assert not [c for c in cands if "34-year-old" in c.text]


def test_a_country_name_glued_to_its_article_is_the_country(tmp_path_factory) -> None:  # noqa: ANN001
    files = {
        "g.txt": doc(
            "Fjord Daily",
            "2030-05-06",
            "TheNorway has begun withdrawing its diplomats and engineers from the port of "
            "Vardel, officials said.",
        )
    }
    report = analysed(tmp_path_factory, "glued", files)
    entities = [e for s in report.stories for e in s.entities]
    cands = extract_claims(report.articles, entities, Settings().align, gazetteer=gazetteer())
    (withdrawn,) = [c for c in cands if "withdraw" in c.classes]
    assert "n:country:NO" in withdrawn.entities
    assert "n:country:NO" in withdrawn.broad


def test_lines_before_a_repeat_under_another_heading_are_the_reports_own(tmp_path_factory) -> None:  # noqa: ANN001
    title = "Harbour Ferry Service Suspended After Storm"
    files = {
        "r.txt": doc(
            "Port Watch",
            "2030-07-08",
            f"{title}\n\n"
            "The ferry operator cancelled 14 crossings from the port of Vardel on Monday, "
            "officials said.\n\n"
            "Roads and bridges\n\n"
            "Engineers closed the Tarwick bridge on Tuesday after the storm, officials said.\n\n"
            f"{title}",
        )
    }
    report = analysed(tmp_path_factory, "closing", files)
    (article,) = report.articles
    assert any(r.reason == "repeated_headline" for r in article.removed)
    entities = [e for s in report.stories for e in s.entities]
    cands = extract_claims(report.articles, entities, Settings().align, gazetteer=gazetteer())
    assert any(c.text.startswith("Engineers closed the Tarwick bridge") for c in cands)
