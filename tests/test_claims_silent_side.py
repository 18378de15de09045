"""A report that reads no event word (its verb one the lexicon lacks: Dutch "ingetrokken")
beside reports that deny one ("non sarà ritirata", "não será retirada") is no other side of
the denial: the three tell one thing, none says the law will be withdrawn. And a day after a
reporting verb is never who spoke ("ha detto lunedì mattina il ministro"). Every sentence is
written by the team for these tests (an invented minister)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with
from claim_stories import doc as _doc

FILES = {
    "it.txt": _doc(
        "Gazzetta",
        "2029-06-05",
        '"La legge sulle pensioni non sarà ritirata", ha detto lunedì mattina il ministro '
        "della Giustizia, Marco Bellini, alla radio pubblica.",
    ),
    "pt.txt": _doc(
        "Jornal",
        "2029-06-05",
        "O ministro da Justiça, Marco Bellini, garantiu numa entrevista à rádio pública: "
        '"A lei das pensões não será retirada."',
    ),
    "nl.txt": _doc(
        "Krant",
        "2029-06-05",
        "Minister Marco Bellini (Justitie) zei maandag op de publieke radio: "
        '"De pensioenwet wordt niet ingetrokken."',
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return analysed(tmp_path_factory, "silent", FILES)


def test_a_report_reading_no_event_is_no_side_of_a_denial(report):
    articles = by_name(report)
    (story,) = report.stories
    claim = claim_with(story.claims, articles["it"], "non sarà ritirata")
    for name, phrase in (("pt", "não será retirada"), ("nl", "niet ingetrokken")):
        assert claim is claim_with(story.claims, articles[name], phrase), name
    assert claim.status != "disputed"
    assert claim.conflicts == ()
    assert claim.why.startswith("Single source: a denial (il ministro della Giustizia")


def test_a_day_after_the_verb_is_no_source(report):
    it = by_name(report)["it"]
    (attribution,) = it.annotations.attributions
    said = it.text[attribution.source_start : attribution.source_end]
    assert said == "il ministro della Giustizia"
