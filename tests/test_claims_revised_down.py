"""A toll revised down is an update, not a dispute (issue 12): "the toll was revised down to
61", "rebajó a 61", "61'e düştü" after an earlier 63. The words that say a figure changed are
read in every language (``claims/data/changes.json``), before the figure or right after it.
Every sentence is written by the team for these tests (a made-up ferry sinking; real place
names)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    "day1-en.txt": _doc(
        "Lake Wire",
        "2030-05-04",
        "The death toll from the ferry sinking on Lake Victoria near Mwanza rose to 27, police "
        "said.",
    ),
    "day2-es.txt": _doc(
        "Diario Austral",
        "2030-05-05",
        "El balance de muertos del naufragio del transbordador en el lago Victoria, cerca de "
        "Mwanza, ascendió a 58, según la policía.",
    ),
    "day3-it.txt": _doc(
        "Corriere del Lago",
        "2030-05-06",
        "Il bilancio delle vittime del naufragio del traghetto sul lago Vittoria, vicino a "
        "Mwanza, è salito a 63 morti lunedì, secondo la polizia.",
    ),
    "day3-de.txt": _doc(
        "Seeblatt",
        "2030-05-06",
        "Die Zahl der Toten nach dem Untergang der Fähre auf dem Viktoriasee bei Mwanza wurde "
        "am Montagabend auf 61 nach unten korrigiert, teilte die Polizei mit.",
    ),
    "day4-tr.txt": _doc(
        "Göl Haber",
        "2030-05-07",
        "Mwanza yakınlarında Victoria Gölü'nde batan feribot kazasında ölü sayısı 61'e düştü.",
    ),
    # the same count for the same day with no word saying it was corrected
    "plain-de.txt": _doc(
        "Seeblatt",
        "2030-05-06",
        "Die Zahl der Toten nach dem Untergang der Fähre auf dem Viktoriasee bei Mwanza lag am "
        "Montagabend bei 61, teilte die Polizei mit.",
    ),
    # a rise told in Turkish, the verb after the figure
    "rise-tr.txt": _doc(
        "Göl Haber",
        "2030-05-05",
        "Mwanza yakınlarında Victoria Gölü'nde batan feribotta ölü sayısı 58'e yükseldi.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "revised", FILES))


def test_a_toll_revised_down_is_an_update_after_the_count_it_corrects(articles):
    names = ("day1-en", "day2-es", "day3-it", "day3-de", "day4-tr")
    docs = [articles[n] for n in names]
    claims = analyze_story(docs, gazetteer=_gazetteer())
    claim = _claim_with(claims, articles["day1-en"], "27")
    for name, value in zip(names[1:], ("58", "63", "61", "61"), strict=True):
        assert claim is _claim_with(claims, articles[name], value), name
    assert claim.status == "updated"
    assert claim.conflicts == ()
    # the correction comes after the count it corrects, on its day
    assert claim.why.startswith("Updated: ")
    steps = claim.why.split(": ", 2)[2]
    assert steps.startswith(
        "27 (Lake Wire, 2030-05-04) -> 58 (Diario Austral, 2030-05-05) -> 63 (Corriere del "
        "Lago, 2030-05-06) -> 61 (Seeblatt, 2030-05-06)."
    ), claim.why
    assert [(b.value, b.independent_sources) for b in claim.backing][0] == ("61", 2)


def test_a_lower_count_for_the_same_day_disputes_unless_a_report_says_it_was_corrected(articles):
    earlier = [articles["day1-en"], articles["day2-es"], articles["day3-it"]]
    corrected, plain = articles["day3-de"], articles["plain-de"]
    claims = analyze_story([*earlier, corrected], gazetteer=_gazetteer())
    claim = _claim_with(claims, corrected, "61")
    assert claim is _claim_with(claims, articles["day3-it"], "63")
    assert claim.status == "updated"
    claims = analyze_story([*earlier, plain], gazetteer=_gazetteer())
    claim = _claim_with(claims, plain, "61")
    assert claim is _claim_with(claims, articles["day3-it"], "63")
    assert claim.status == "disputed"


def test_a_change_word_after_the_figure_is_read(articles):
    from consilience.claims import extract_claims

    tr = articles["rise-tr"]
    figures = [c for c in extract_claims([tr]) if c.figure is not None]
    assert [(c.figure.value, c.update_cue, c.lowered) for c in figures] == [(58.0, True, False)]
    down = [c for c in extract_claims([articles["day4-tr"]]) if c.figure is not None]
    assert [(c.figure.value, c.update_cue, c.lowered) for c in down] == [(61.0, True, True)]
    de = [c for c in extract_claims([articles["day3-de"]]) if c.figure is not None]
    assert [(c.figure.value, c.update_cue, c.lowered) for c in de] == [(61.0, True, True)]
