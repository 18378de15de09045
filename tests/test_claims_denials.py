"""A denial of an event that the other reports tell with a figure ("a missile strike killed
three workers" / "the army denied any involvement in the strike") disputes that claim: the
figure's report is the side the denial contests. A denial of another event, or naming no actor
or place of the report, stays apart. Invented reports, run through the real pipeline."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims


@pytest.fixture(scope="module")
def strike(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "Missiles struck the power station in Kherson on Monday, killing three workers, "
            "local officials said. The station supplied electricity to much of the region.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-05",
            "A military spokesman said on Tuesday that its units had not operated near "
            "Kherson that day. The army denied any involvement in the strike on the station.",
        ),
        "c.txt": doc(
            "Sea Post",
            "2030-03-04",
            "A missile strike hit the Kherson power station on Monday and killed three "
            "workers, the regional governor said. Officials denied that the dam in Odesa "
            "had been damaged.",
        ),
    }
    return analysed(tmp_path_factory, "strike", files)


def test_a_denial_disputes_the_figure_report_of_its_event(strike) -> None:  # noqa: ANN001
    arts = by_name(strike)
    claim = claim_with(one_story_claims(strike), arts["c"], "killed three")
    assert claim.status == "disputed"
    assert [x.kind for x in claim.conflicts] == ["denial"]
    assert {e.article for e in claim.evidence} == {arts["a"].id, arts["b"].id, arts["c"].id}
    denial = next(e for e in claim.evidence if e.article == arts["b"].id)
    assert arts["b"].text[denial.start : denial.end] == (
        "The army denied any involvement in the strike on the station."
    )
    assert denial.stance == "denied"


def test_a_denial_of_another_event_stays_apart(strike) -> None:  # noqa: ANN001
    arts = by_name(strike)
    claims = one_story_claims(strike)
    reported = claim_with(claims, arts["c"], "killed three")
    # the denial says what it denies (the dam's damage): it takes nothing from the strike told
    # before it, and, a statement of one report naming no event the lexicon reads, stands as
    # no claim of its own; it is never evidence of the strike's dispute
    assert holding(claims, arts["c"], "the dam in Odesa") == []
    pos = arts["c"].text.index("Officials denied")
    assert not any(e.article == arts["c"].id and e.start <= pos < e.end for e in reported.evidence)


@pytest.fixture(scope="module")
def two_strikes(tmp_path_factory):  # noqa: ANN001, ANN201
    files = {
        "a.txt": doc(
            "Harbour Daily",
            "2030-03-04",
            "A missile strike on the power station in Kherson killed three workers on Monday, "
            "officials said.",
        ),
        "b.txt": doc(
            "Coast Wire",
            "2030-03-04",
            "A missile strike on the central market in Kherson killed ten people on Sunday, the "
            "governor said.",
        ),
        "c.txt": doc(
            "Sea Post",
            "2030-03-05",
            "The army denied any involvement in the strike in Kherson. Firefighters said on "
            "Monday that no fire had reached the oil depot in Kherson.",
        ),
    }
    return analysed(tmp_path_factory, "two_strikes", files)


def test_a_denial_that_fits_two_reported_events_joins_neither(two_strikes) -> None:  # noqa: ANN001
    arts = by_name(two_strikes)
    claims = one_story_claims(two_strikes)
    station = claim_with(claims, arts["a"], "killed three")
    market = claim_with(claims, arts["b"], "killed ten")
    assert station is not market
    assert {e.article for e in station.evidence} == {arts["a"].id}
    assert {e.article for e in market.evidence} == {arts["b"].id}
    assert all(c.status != "disputed" for c in claims)
