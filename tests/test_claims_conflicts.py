"""Claims and verdicts on small invented stories run through the real pipeline: one test per
conflict kind, update against conflict, corroboration, and copies / agency reports counting
once. Every story here is invented for these tests (real place names, made-up events)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_stories import analysed, in_file_order
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims import extract_claims
from consilience.model import Article, Claim, Flag, Source
from consilience.verdicts import analyze_story

STORIES: dict[str, dict[str, str]] = {
    "number": {
        "a.txt": _doc(
            "Harbour Herald",
            "2030-05-10",
            "Floods forced about 3,000 residents of Porto from their homes on Friday, "
            "the civil protection agency said. Rescue teams worked through the night.",
        ),
        "b.txt": _doc(
            "Coastal Times",
            "2030-05-10",
            "Around 5,500 people were evacuated in Porto after the floods on Friday, "
            "according to the city council. Schools were opened as shelters.",
        ),
    },
    "unit": {
        "a.txt": _doc(
            "Evora Daily",
            "2030-08-04",
            "Firefighters said the wildfire front was 15 kilometres from Evora on "
            "Sunday. Smoke covered the old town.",
        ),
        "b.txt": _doc(
            "Alentejo Post",
            "2030-08-04",
            "The wildfire front was burning 15 miles from Evora on Sunday, "
            "firefighters said. Roads to the south were closed.",
        ),
    },
    "denial": {
        "a.txt": _doc(
            "Capital Wire",
            "2030-09-02",
            "Protesters entered the parliament building in Lisbon on Monday, "
            "witnesses said. Windows were broken on the ground floor.",
        ),
        "b.txt": _doc(
            "Tagus Times",
            "2030-09-02",
            "Police insisted that protesters had not entered the parliament building "
            "in Lisbon on Monday. A cordon stayed in place all evening.",
        ),
    },
    "date": {
        "a.txt": _doc(
            "Budget Watch",
            "2030-03-08",
            "Finance minister Ana Ruiz gave an interview to the broadcaster RTV on "
            "March 4 about the new budget. She defended the tax changes.",
        ),
        "b.txt": _doc(
            "Iberian Ledger",
            "2030-03-08",
            "In an interview with RTV on March 6, finance minister Ana Ruiz defended "
            "the new budget. Opposition parties called it unfair.",
        ),
    },
    "place": {
        "a.txt": _doc(
            "Alpine Courier",
            "2030-10-12",
            "The two presidents met in Geneva on Friday to discuss the water treaty. "
            "No agreement was announced.",
        ),
        "b.txt": _doc(
            "Danube Daily",
            "2030-10-12",
            "The two presidents met in Vienna on Friday to discuss the water treaty. "
            "Talks will continue next month.",
        ),
    },
    "update": {
        "a.txt": _doc(
            "Fjord News",
            "2030-06-01",
            "Two people died in the landslide near Bergen, police said on Saturday. "
            "Several houses were buried.",
        ),
        "b.txt": _doc(
            "Western Post",
            "2030-06-02",
            "The death toll from the landslide near Bergen rose to five on Sunday, "
            "police said. Rescuers searched the debris overnight.",
        ),
    },
    "tally": {
        "a.txt": _doc(
            "Fjord News",
            "2030-06-01",
            "Two people died in the landslide near Bergen, police said on Saturday. "
            "Several houses were buried.",
        ),
        "b.txt": _doc(
            "Bergen Daily",
            "2030-06-01",
            "Four people died in the landslide near Bergen, police said late on Saturday. "
            "Rescuers used dogs.",
        ),
        "c.txt": _doc(
            "Western Post",
            "2030-06-02",
            "Nine people died in the landslide near Bergen, police said on Sunday. "
            "Rescuers searched the debris overnight.",
        ),
    },
    "tally-crossing": {
        "a.txt": _doc(
            "Fjord News",
            "2030-06-01",
            "Nine people died in the landslide near Bergen, police said on Saturday. "
            "Several houses were buried.",
        ),
        "b.txt": _doc(
            "Bergen Daily",
            "2030-06-02",
            "Seven people died in the landslide near Bergen, police said on Sunday. "
            "Rescuers used dogs.",
        ),
        "c.txt": _doc(
            "Western Post",
            "2030-06-02",
            "Twelve people died in the landslide near Bergen, police said on Sunday. "
            "Rescuers searched the debris overnight.",
        ),
    },
    "same-day": {
        "a.txt": _doc(
            "Fjord News",
            "2030-06-01",
            "Two people died in the landslide near Bergen, police said on Saturday. "
            "Several houses were buried.",
        ),
        "b.txt": _doc(
            "Western Post",
            "2030-06-01",
            "Five people died in the landslide near Bergen, the mayor said on "
            "Saturday. Rescuers searched the debris.",
        ),
    },
    "agency": {
        "a.txt": _doc(
            "Scheldt Today",
            "2030-04-04",
            "Some 800 workers were evacuated from a chemical plant in Antwerp on "
            "Thursday, two officials told AFP. The cause of the leak is unknown.",
        ),
        "b.txt": _doc(
            "Low Countries Post",
            "2030-04-04",
            "About 800 workers were evacuated from a chemical plant in Antwerp on "
            "Thursday after a leak, a regional official told AFP.",
        ),
        "c.txt": _doc(
            "Antwerp Gazette",
            "2030-04-04",
            "The mayor said that 800 workers were evacuated from the chemical plant "
            "in Antwerp on Thursday after a gas leak.",
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


def _values(claim: Claim, kind: str) -> list[tuple[str, str]]:
    conflict = next(c for c in claim.conflicts if c.kind == kind)
    return [(v.article, v.value) for v in conflict.values]


def test_number_conflict(stories):
    a, b = stories["number"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "3,000")
    assert claim is _claim_with(claims, b, "5,500")
    assert claim.status == "disputed"
    assert claim.independent_sources == 2
    assert sorted(_values(claim, "number")) == sorted(
        [(a.id, "about 3,000"), (b.id, "Around 5,500")]
    )
    conflict = claim.conflicts[0]
    for v in conflict.values:  # each value's span reads as its value
        art = a if v.article == a.id else b
        assert art.text[v.start : v.end] == v.value
    assert "Harbour Herald" in conflict.why and "Coastal Times" in conflict.why


def test_unit_conflict(stories):
    a, b = stories["unit"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "15 kilometres")
    assert claim is _claim_with(claims, b, "15 miles")
    assert claim.status == "disputed"
    assert [c.kind for c in claim.conflicts] == ["unit"]
    assert sorted(v for _, v in _values(claim, "unit")) == ["15 kilometres", "15 miles"]


def test_denial_conflict(stories):
    a, b = stories["denial"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "entered the parliament")
    assert claim is _claim_with(claims, b, "had not entered")
    assert claim.status == "disputed"
    assert [c.kind for c in claim.conflicts] == ["denial"]
    values = _values(claim, "denial")
    assert (a.id, "entered the parliament building in Lisbon on Monday") in values
    assert any(
        aid == b.id and v.startswith("insisted that protesters had not entered")
        for aid, v in values
    )
    stances = {e.article: e.stance for e in claim.evidence}
    assert stances == {a.id: "reported", b.id: "denied"}


def test_date_conflict(stories):
    a, b = stories["date"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "gave an interview")
    assert claim is _claim_with(claims, b, "In an interview")
    assert claim.status == "disputed"
    assert sorted(_values(claim, "date")) == sorted([(a.id, "2030-03-04"), (b.id, "2030-03-06")])


def test_place_conflict(stories):
    a, b = stories["place"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "met in Geneva")
    assert claim is _claim_with(claims, b, "met in Vienna")
    assert claim.status == "disputed"
    assert sorted(v for _, v in _values(claim, "place")) == ["Geneva", "Vienna"]


def test_rising_toll_is_an_update_not_a_conflict(stories):
    a, b = stories["update"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, b, "rose to five")
    assert claim is _claim_with(claims, a, "Two people died")
    assert claim.status == "updated"
    assert claim.conflicts == ()
    assert "Two (Fjord News, 2030-06-01) -> five (Western Post, 2030-06-02)" in claim.why


def test_a_toll_given_twice_on_one_day_then_higher_is_an_update(stories):
    a, b, c = stories["tally"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    claim = _claim_with(claims, c, "Nine people died")
    assert claim is _claim_with(claims, a, "Two people died")
    assert claim is _claim_with(claims, b, "Four people died")
    assert claim.status == "updated"
    assert claim.conflicts == ()
    assert "Two (Fjord News, 2030-06-01) -> Four (Bergen Daily, 2030-06-01) -> Nine" in claim.why


def test_a_toll_whose_days_cross_is_disputed(stories):
    a, b, c = stories["tally-crossing"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "Nine people died")
    assert claim is _claim_with(claims, b, "Seven people died")
    assert claim is _claim_with(claims, c, "Twelve people died")
    # the second day gives one figure below and one above the first day's: a disagreement
    assert claim.status == "disputed"


def test_different_tolls_on_one_day_conflict(stories):
    a, b = stories["same-day"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "Two people died")
    assert claim is _claim_with(claims, b, "Five people died")
    assert claim.status == "disputed"
    assert sorted(v for _, v in _values(claim, "number")) == ["Five", "Two"]


def test_reports_traced_to_one_agency_count_once(stories):
    a, b, c = stories["agency"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "800 workers")
    assert claim is _claim_with(claims, b, "800 workers")
    assert (claim.status, claim.independent_sources) == ("single_source", 1)
    assert "AFP" in claim.why
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    claim = _claim_with(claims, c, "800 workers")
    assert claim is _claim_with(claims, a, "800 workers")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    assert len(claim.evidence) == 3


def test_copies_count_once(stories):
    """The same report carried by two outlets counts once when the story's sources say one
    copies the other; without sources each article counts."""
    a, _ = stories["number"]
    copy = replace(a, id=a.id + "-copy", outlet="Mirror Site")
    apart = analyze_story([a, copy], gazetteer=_gazetteer())
    claim = _claim_with(apart, a, "3,000")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    sources = [Source(id="s1", articles=(a.id, copy.id), relations=((copy.id, "copy", a.id),))]
    together = analyze_story([a, copy], (), sources, gazetteer=_gazetteer())
    claim = _claim_with(together, copy, "3,000")
    assert (claim.status, claim.independent_sources) == ("single_source", 1)
    assert len(claim.evidence) == 2
    assert "2 articles" in claim.why


def test_unsupported_content_is_never_corroboration(stories):
    a, b = stories["update"]
    twin = replace(b, id="twin", text=a.text, annotations=a.annotations, published=a.published)
    flagged = replace(
        twin,
        flags=(Flag(kind="unsupported_content", detail="padding", spans=((0, len(twin.text)),)),),
    )
    claim = _claim_with(analyze_story([a, twin], gazetteer=_gazetteer()), a, "Two people died")
    assert claim.status == "corroborated"
    claim = _claim_with(analyze_story([a, flagged], gazetteer=_gazetteer()), a, "Two people died")
    assert claim.status == "single_source"
    # content flagged as unsupported is no evidence at all (issue 13)
    assert {e.article for e in claim.evidence} == {a.id}


def test_claim_ids_are_deterministic(stories):
    arts = stories["agency"]
    first = analyze_story(arts, gazetteer=_gazetteer())
    again = analyze_story(list(reversed(arts)), gazetteer=_gazetteer())
    assert [c.id for c in first] == [f"c{i}" for i in range(1, len(first) + 1)]
    assert first == again


def test_candidates_carry_attribution_and_stance(stories):
    a, b = stories["denial"]
    cands = extract_claims([a, b], gazetteer=_gazetteer())
    denial = next(c for c in cands if c.article == b.id and "had not entered" in c.text)
    assert (denial.stance, denial.negated, denial.attributed_to, denial.cue) == (
        "denied",
        True,
        "Police",
        "insisted",
    )
    report = next(c for c in cands if c.article == a.id and "entered" in c.text)
    assert (report.stance, report.negated, report.attributed_to) == ("reported", False, "witnesses")
    assert denial.group == report.group
