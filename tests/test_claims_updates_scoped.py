"""Tallies counted in places, revised figures and what a bare figure counts (issue 12): a toll
counted in one place that rises from report to report is one updated claim in any language,
apart from the toll of another place and from the toll of the whole; a figure its own
sentence revises ("initially 5.4, then 5.7") is updated, not disputed; values given for one
moment still disagree. Every sentence is written by the team for these tests (made-up floods,
quakes and collapses; real place names)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, candidate, claim_with, figure, holding
from claim_stories import doc as _doc

from consilience.claims import extract_claims
from consilience.claims.extract import _weak
from consilience.claims.records import ClaimCandidate
from consilience.model import Article
from consilience.verdicts import analyze_story
from consilience.verdicts.conflicts import figure_verdict

SCOPED = {
    # a flood's dead counted town by town, in Italian on one day and in English the next,
    # and the toll of the whole region
    "town-it.txt": _doc(
        "Corriere Ligure",
        "2030-06-10",
        "Le vittime dell'alluvione sono 8 a Savona e 3 ad Alessandria, secondo i soccorritori.",
    ),
    "town-en.txt": _doc(
        "Pacific Wire",
        "2030-06-11",
        "Rescuers said 14 people died in Savona and 5 in Alessandria after the floods.",
    ),
    "whole-en.txt": _doc(
        "Northern Courier",
        "2030-06-11",
        "The floods have killed 19 people across the north of the country, officials said.",
    ),
}


@pytest.fixture(scope="module")
def scoped(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "scoped", SCOPED))


def test_a_toll_counted_in_one_town_rising_is_one_updated_claim(scoped):
    it, en, whole = scoped["town-it"], scoped["town-en"], scoped["whole-en"]
    claims = analyze_story([it, en, whole])
    savona = claim_with(claims, it, "8 a Savona")
    assert savona.status == "updated"
    assert _figures(savona) == {(it.id, "8"), (en.id, "14")}
    alessandria = claim_with(claims, it, "3 ad Alessandria")
    assert alessandria.status == "updated"
    assert _figures(alessandria) == {(it.id, "3"), (en.id, "5")}
    # two towns' tolls are two claims, and the toll of the whole is neither
    assert savona is not alessandria
    assert all(c not in (savona, alessandria) for c in holding(claims, whole, "19 people"))


def _figures(claim) -> set[tuple[str, str | None]]:
    return {(e.article, e.figure) for e in claim.evidence}


def test_a_bare_figure_counts_what_its_clause_names(scoped):
    it = scoped["town-it"]
    figures = {c.figure.value: c.figure for c in extract_claims([it]) if c.figure}
    # "Le vittime ... sono 8 a Savona e 3 ad Alessandria": both are the dead
    assert figures[8.0].event == figures[3.0].event == "kill"
    assert figures[8.0].scope != figures[3.0].scope


ONE_DAY = {
    # one town's toll on one day from two outlets, far apart, no moment named: it ran
    "far-en.txt": _doc(
        "Alpine Wire",
        "2030-10-02",
        "Police said two people died in the nearby town of Annecy after the landslide.",
    ),
    "far-fr.txt": _doc(
        "Courrier des Alpes",
        "2030-10-02",
        "Le glissement de terrain à Annecy a fait dix morts, selon les secours.",
    ),
    # another town's toll, and a toll of a list of towns together
    "other-en.txt": _doc(
        "Alpine Wire",
        "2030-10-02",
        "Officials said 4 people died in Chambéry after the landslide.",
    ),
    "list-fr.txt": _doc(
        "Courrier des Alpes",
        "2030-10-02",
        "Le glissement de terrain a fait 9 morts entre Annecy et Chambéry, selon la préfecture.",
    ),
    "list-en.txt": _doc(
        "Alpine Wire",
        "2030-10-03",
        "The landslide killed 16 people between Annecy and Chambéry, officials said.",
    ),
}


@pytest.fixture(scope="module")
def one_day(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "oneday", ONE_DAY))


def test_a_towns_toll_given_twice_on_one_day_ran(one_day):
    arts = [one_day[n] for n in ("far-en", "far-fr", "other-en", "list-fr", "list-en")]
    claims = analyze_story(arts)
    annecy = claim_with(claims, one_day["far-en"], "two people")
    # 2 and 10 are five times apart: counted in one town, one toll that ran
    assert annecy.status == "updated"
    assert _figures(annecy) == {(one_day["far-en"].id, "2"), (one_day["far-fr"].id, "10")}


def test_a_toll_of_towns_together_is_no_toll_of_one_of_them(one_day):
    arts = [one_day[n] for n in ("far-en", "far-fr", "other-en", "list-fr", "list-en")]
    claims = analyze_story(arts)
    both = claim_with(claims, one_day["list-fr"], "9 morts")
    assert both.status == "updated"
    assert _figures(both) == {(one_day["list-fr"].id, "9"), (one_day["list-en"].id, "16")}
    annecy = claim_with(claims, one_day["far-en"], "two people")
    chambery = claim_with(claims, one_day["other-en"], "4 people")
    assert len({id(both), id(annecy), id(chambery)}) == 3


def test_the_place_before_a_toll_in_its_clause_is_where_it_was_counted(one_day):
    fr = one_day["far-fr"]
    (figure,) = [c.figure for c in extract_claims([fr]) if c.figure]
    assert figure.value == 10.0 and figure.scope


MOMENT = {
    # two outlets give the toll of one town on the same day: a disagreement
    "moment-en.txt": _doc(
        "Pacific Wire", "2030-07-02", "Officials said 12 people died in Valencia on Tuesday."
    ),
    "moment-es.txt": _doc(
        "Diario del Puerto",
        "2030-07-02",
        "Las autoridades confirmaron que murieron 15 personas en Valencia el martes.",
    ),
}


@pytest.fixture(scope="module")
def moment(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "moment", MOMENT))


def test_one_towns_toll_for_one_moment_stays_disputed(moment):
    en, es = moment["moment-en"], moment["moment-es"]
    claims = analyze_story([en, es])
    claim = claim_with(claims, en, "12 people")
    assert claim is claim_with(claims, es, "15 personas")
    assert claim.status == "disputed"


REVISED = {
    # a magnitude the agency revised, told in one sentence, and the revised value elsewhere
    "rev-en.txt": _doc(
        "Pacific Wire",
        "2030-08-01",
        "The quake was initially put at magnitude 5.4, then revised to magnitude 5.7 by the "
        "national seismic service.",
    ),
    "rev-en2.txt": _doc(
        "Northern Courier",
        "2030-08-01",
        "A magnitude 5.7 earthquake shook the coast before dawn, officials said.",
    ),
    # a revision of a figure that says nothing of what it counts, in Spanish
    "rev-es.txt": _doc(
        "Diario del Puerto",
        "2030-08-01",
        "El servicio sismológico estimó inicialmente el sismo en 5,9 y luego en 6,2, según "
        "su último informe.",
    ),
}


@pytest.fixture(scope="module")
def revised(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "revised", REVISED))


def test_a_figure_revised_in_its_own_sentence_is_updated(revised):
    en, en2 = revised["rev-en"], revised["rev-en2"]
    claims = analyze_story([en, en2])
    claim = claim_with(claims, en, "5.4")
    assert claim.status == "updated"
    assert claim is claim_with(claims, en2, "5.7")
    assert not claim.conflicts
    assert claim.independent_sources == 2


def test_a_revision_naming_nothing_it_counts_is_updated(revised):
    es = revised["rev-es"]
    claims = analyze_story([es])
    claim = claim_with(claims, es, "5,9")
    assert claim.status == "updated"
    assert claim is claim_with(claims, es, "6,2")


RESCUED = {
    "rescue-it1.txt": _doc(
        "Corriere Ligure",
        "2030-09-03",
        "Sono 40 finora i sopravvissuti tirati fuori dal palazzo crollato a Genova.",
    ),
    "rescue-it2.txt": _doc(
        "Gazzetta del Porto",
        "2030-09-04",
        "Le persone salvate dai soccorritori nel palazzo di Genova sono 52, dicono i pompieri.",
    ),
    "rescue-dead.txt": _doc(
        "Gazzetta del Porto",
        "2030-09-04",
        "Il bilancio del crollo di Genova è salito a 9 morti, secondo i vigili del fuoco.",
    ),
    "rescue-hour.txt": _doc(
        "Corriere Ligure",
        "2030-09-04",
        "Un operaio è rimasto ferito nel magazzino di Genova, dove il fuoco è divampato alle "
        "22 di domenica.",
    ),
}


@pytest.fixture(scope="module")
def rescued(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "rescued", RESCUED))


def test_people_pulled_alive_are_a_tally_of_their_own(rescued):
    one, two, dead = rescued["rescue-it1"], rescued["rescue-it2"], rescued["rescue-dead"]
    claims = analyze_story([one, two, dead])
    claim = claim_with(claims, one, "40")
    assert claim.status == "updated"
    assert claim is claim_with(claims, two, "52")
    assert claim not in holding(claims, dead, "9 morti")


def test_an_hour_is_no_count_of_the_clause(rescued):
    # "alle 22 di domenica": an hour, not 22 injured
    hour = rescued["rescue-hour"]
    assert not [c for c in extract_claims([hour]) if c.figure and c.figure.value == 22.0]


def test_an_arabic_and_glued_to_a_number_ends_a_clause():
    text = "قتل 20 شخصا في البلدة الأولى و14 شخصا في البلدة الثانية"
    found = [m.end() for m in _weak("ar").finditer(text)]
    assert text.index("14") in found


# ------------------------------------------------------------------ verdicts, hand-built


def _toll(article: str, value: float, published: str, day_known: bool = True) -> ClaimCandidate:
    toll = figure(
        value,
        text=str(int(value)),
        end=2,
        counted="adult",
        event="kill",
        concept="dead",
    )
    return candidate(
        article,
        id=f"{article}@f0",
        start=0,
        end=10,
        sentence=(0, 10),
        text="x",
        kind="figure",
        published=published,
        classes=frozenset({"kill"}),
        figure=toll,
        day_known=day_known,
    )


def _apart(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    return a.article == b.article


def test_a_report_dated_to_the_month_orders_nothing():
    # "2030-05" in the metadata is read as the 1st: its 6 is not a toll before the 20th's
    month = _toll("a", 6, "2030-05-01", day_known=False)
    two, four = _toll("b", 2, "2030-05-20"), _toll("c", 4, "2030-05-20")
    conflict, update = figure_verdict([month, two, four], _apart)
    assert conflict is not None and update is None
    # dated to the day, the same values are a toll revised down the next weeks
    conflict, update = figure_verdict([_toll("a", 6, "2030-05-01"), two, four], _apart)
    assert conflict is None and update is not None


def test_a_month_dated_report_joins_a_toll_rising_over_days_as_a_late_step():
    steps = [_toll("a", 5, "2030-05-19"), _toll("b", 9, "2030-05-20")]
    month = _toll("c", 12, "2030-05-01", day_known=False)
    conflict, update = figure_verdict([*steps, month], _apart)
    assert conflict is None and update is not None
    assert [v for _, v, _ in update.steps] == ["5", "9", "12"]
    assert update.steps[-1][0] == "date unknown"
