"""What a claim's wording asserts and which passages back it (issue 13): a day one report names
approximately ("early Monday") backs the same day another names outright, and a figure's
wording is a report the others back (not a machine-translated one when another will do, not
one giving a day no other report gives). Every story and sentence here is invented
for these tests (real place names, made-up events)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_stories import analysed, candidate, figure, holding, in_file_order
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims.records import ClaimCandidate, EventDate, Figure
from consilience.claims.support import core, ranked, slots, states, supports
from consilience.model import Article, Source
from consilience.verdicts import analyze_story
from consilience.verdicts.judge import _representative, judge
from consilience.verdicts.origins import Origins

STORIES: dict[str, dict[str, str]] = {
    # Two reports name the day outright, the third approximately: all three back the day.
    "early": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "Rebel fighters captured Tartu on Monday, the army said. Trains were cancelled.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "On Monday, rebel fighters captured Tartu, residents said. Shops stayed closed.",
        ),
        "c.txt": _doc(
            "Harbour Post",
            "2030-03-06",
            "Rebel fighters captured Tartu early Monday, a witness said. Schools were shut.",
        ),
    },
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> dict[str, list[Article]]:
    """Every mini-story through the real pipeline, once: name -> articles in file order."""
    return {
        name: in_file_order(analysed(tmp_path_factory, name, files))
        for name, files in STORIES.items()
    }


def test_a_day_named_approximately_backs_the_day(stories):
    a, b, c = stories["early"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    (claim,) = holding(claims, a, "captured Tartu")
    assert holding(claims, b, "captured Tartu") == [claim]
    assert holding(claims, c, "captured Tartu") == [claim]  # "early Monday" is Monday
    assert claim.status == "corroborated"
    assert claim.independent_sources == 3
    # the day is backed by all three; who said it is not (the army, residents, a witness)
    assert claim.text == "Rebel fighters captured Tartu on Monday."


# ----------------------------------------------------------------------------- units

MONDAY = "2030-03-04"


def _day(value: str, exact: bool = True, since: bool = False) -> EventDate:
    return EventDate(value=value, precision="day", start=0, end=1, exact=exact, since=since)


def _cand(
    i: int,
    article: str,
    entities: set[str],
    classes: set[str] = frozenset({"seize"}),  # type: ignore[assignment]
    dates: tuple[EventDate, ...] = (),
    text: str | None = None,
    figure: Figure | None = None,
) -> ClaimCandidate:
    return candidate(
        article,
        i,
        text=text or f"sentence {i} of {article}",
        kind="figure" if figure else "statement",
        entities=frozenset(entities),
        classes=frozenset(classes),
        figure=figure,
        dates=dates,
        group=0,
    )


def test_a_day_named_approximately_is_stated_but_not_asserted():
    approx = _cand(0, "a", {"id:x"}, dates=(_day(MONDAY, exact=False),))
    assert "d:" + MONDAY not in slots(approx)  # its wording asserts no day outright
    assert "d:" + MONDAY in states(approx)  # but it backs that day
    since = _cand(1, "b", {"id:x"}, dates=(_day(MONDAY, since=True),))
    assert "d:" + MONDAY not in states(since)  # the start of a period is not the event's day


def test_a_member_naming_the_day_approximately_supports_it():
    rep = _cand(0, "a", {"id:x"}, dates=(_day(MONDAY),))
    other = _cand(1, "b", {"id:x"}, dates=(_day(MONDAY),))
    approx = _cand(2, "c", {"id:x"}, dates=(_day(MONDAY, exact=False),))
    another = _cand(3, "d", {"id:x"}, dates=(_day("2030-03-05", exact=False),))
    members = [rep, other, approx, another]
    kernel = core(rep, members)
    assert kernel == frozenset({"c:seize", "e:id:x", "d:" + MONDAY})
    assert supports(approx, rep, kernel)
    assert not supports(another, rep, kernel)  # another day


def test_a_day_another_report_names_approximately_is_not_the_wordings_own():
    # a's day is backed by b's "early Monday": a's wording asserts nothing b does not state,
    # and it says more (the day); before, the day counted as a's alone and b worded the claim
    exact = _cand(0, "a", {"id:x"}, dates=(_day(MONDAY),))
    approx = _cand(1, "b", {"id:x"}, dates=(_day(MONDAY, exact=False),))
    assert ranked([approx, exact])[0].id == "a@0"
    # a day no other report names stays the wording's own: the other words the claim
    lone = _cand(0, "a", {"id:x"}, dates=(_day(MONDAY),))
    none = _cand(1, "b", {"id:x"})
    assert ranked([lone, none])[0].id == "b@1"


def _figure(value: float) -> Figure:
    return figure(value, event="injure")


def test_a_figure_is_worded_by_a_report_not_flagged_when_one_will_do():
    f = _figure(12)
    translated = _cand(
        0,
        "a",
        {"id:tartu"},
        {"injure"},
        text="In the explosion of Tartu are injured 12 persons, the police has said.",
        figure=f,
    )
    translated = replace(translated, words=frozenset({"explosion", "injur", "police", "said"}))
    plain = replace(
        translated,
        id="b@1",
        article="b",
        text="A blast in Tartu injured 12, officials said.",
        words=frozenset({"blast", "injur", "officia", "said"}),
    )
    third = replace(
        translated,
        id="c@2",
        article="c",
        text="Police: 12 injured in the explosion in Tartu.",
        words=frozenset({"explosion", "injur", "police"}),
    )
    members = [translated, plain, third]
    # the translated report shares most words with the others
    assert _representative(members) == translated.text
    # flagged machine-translated, it words the claim only when no other report can
    assert _representative(members, flagged={"a"}) == third.text
    assert _representative(members, flagged={"a", "b", "c"}) == translated.text


def test_a_figure_is_worded_by_the_original_not_by_its_translation():
    # "b" translates "a" (the sources stage found it): the claim reads the original's words
    original = _cand(
        0,
        "a",
        {"id:tartu"},
        {"injure"},
        text="A blast in Tartu injured 12 people on Monday evening, the police said.",
        figure=_figure(12),
    )
    translation = replace(
        original,
        id="b@1",
        article="b",
        language="es",
        text="Una explosión en Tartu hirió a 12 personas.",
    )
    source = Source("s1", ("a", "b"), (("b", "translation", "a"),))
    assert Origins({}, [source]).translations == frozenset({"b"})
    (claim,) = judge([original, translation], {}, [source])
    assert claim.text == original.text
    (alone,) = judge([original, translation], {}, [Source("s1", ("a", "b"))])
    assert alone.text == translation.text  # the shorter, when nothing says it translates


def test_a_figure_is_worded_by_a_report_giving_no_day_only_it_gives():
    f = _figure(12)
    dated = _cand(
        0,
        "a",
        {"id:tartu", "id:berg"},
        {"injure"},
        text="Mayor Anna Berg said the blast in Tartu on Monday injured 12 people.",
        figure=f,
        dates=(_day(MONDAY),),
    )
    dated = replace(dated, words=frozenset({"mayor", "blast", "injur", "people", "said"}))
    plain = _cand(
        1,
        "b",
        {"id:tartu"},
        {"injure"},
        text="The blast in Tartu injured 12, police said.",
        figure=f,
    )
    plain = replace(plain, words=frozenset({"blast", "injur", "said"}))
    third = replace(
        plain,
        id="c@2",
        article="c",
        text="Twelve people were injured in the blast in Tartu.",
        words=frozenset({"blast", "injur", "people"}),
    )
    # the first report shares most words with the others, but Monday is its alone: worded by
    # it, the claim would give the day as what the three reports say
    assert _representative([dated, plain, third]) == plain.text
    # another report naming Monday, even approximately, backs the day
    early = replace(third, dates=(_day(MONDAY, exact=False),))
    assert _representative([dated, plain, early]) == dated.text
    # who gave the figure is no day: a source only one report names does not keep it out
    undated = replace(dated, dates=())
    assert _representative([undated, plain, third]) == undated.text
