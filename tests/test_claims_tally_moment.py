"""A tally two sources give two values for one moment disputes, it does not update; a bound
and a value given at one time agree ("more than 100" / "112"). Invented reports."""

from __future__ import annotations

from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

FILES = {
    "a.txt": doc(
        "Harbour Courier",
        "2031-10-15",
        "Soldiers stormed the state broadcaster in Orvast on Tuesday night. At least 12 people "
        "were killed in the fighting, the health ministry said.",
    ),
    "b.txt": doc(
        "Diario Sur",
        "2031-10-16",
        "El jueves, el Ministerio del Interior elevó a 28 el número de muertos en Orvast. Según "
        "el ejército, más de 100 soldados fueron detenidos.",
    ),
    "c.txt": doc(
        "Lowland Observer",
        "2031-10-16",
        "The death toll in Orvast rose to 40 on Thursday, the health ministry said. The army "
        "said 112 soldiers had been arrested.",
    ),
}


def test_two_values_of_a_tally_for_one_moment_dispute(tmp_path_factory) -> None:
    report = analysed(tmp_path_factory, "tally-moment", FILES)
    articles, claims = by_name(report), one_story_claims(report)
    toll = claim_with(claims, articles["c"], "rose to 40")
    assert holding(claims, articles["b"], "elevó a 28") == [toll]
    assert holding(claims, articles["a"], "At least 12 people") == [toll]
    assert toll.status == "disputed"
    assert "Two sources give different values for one moment" in toll.why
    assert "not as a revision over time" not in toll.why
    arrested = claim_with(claims, articles["c"], "112 soldiers")
    assert holding(claims, articles["b"], "más de 100 soldados") == [arrested]
    assert (arrested.status, arrested.independent_sources) == ("corroborated", 2)
