"""How many marched is a count of people protesting in every language the lexicon reads
("manifestantes", "Demonstranten", "betogers" ...), and the organisers' and the police's
counts of one march, several times apart, are one disputed fact, not two corroborated ones.
Every sentence is written by the team for these tests (an invented march; a real town)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with
from claim_stories import doc as _doc

from consilience.claims import extract_claims

FILES = {
    "en.txt": _doc(
        "Coast Wire",
        "2029-06-04",
        "Organisers said 300,000 people marched through Lyon on Saturday against the pension "
        "reform. The police put the turnout at 45,000.",
    ),
    "es.txt": _doc(
        "Diario Litoral",
        "2029-06-04",
        "Según los sindicatos, 300.000 personas se manifestaron el sábado en Lyon contra la "
        "reforma de las pensiones, mientras que la policía contó 45.000 manifestantes.",
    ),
    "de.txt": _doc(
        "Rheinpost",
        "2029-06-04",
        "In Lyon gingen am Samstag nach Angaben der Polizei 45.000 Demonstranten gegen die "
        "Rentenreform auf die Straße; die Gewerkschaften sprachen von 300.000 Demonstranten.",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return analysed(tmp_path_factory, "crowds", FILES)


def test_a_turnout_counts_people_protesting(report):
    articles = by_name(report)
    got = {
        name: sorted(
            (c.figure.base, c.figure.event)
            for c in extract_claims([articles[name]])
            if c.figure is not None
        )
        for name in ("en", "es", "de")
    }
    assert got == {
        "en": [(45000.0, "protest"), (300000.0, "protest")],
        "es": [(45000.0, "protest"), (300000.0, "protest")],
        "de": [(45000.0, "protest"), (300000.0, "protest")],
    }


def test_the_organisers_and_the_police_count_dispute_one_march(report):
    articles = by_name(report)
    (story,) = report.stories
    # no count of the march stands as established: every claim holding one is disputed,
    # between the organisers' 300,000 and the police's 45,000
    for name, phrase in (
        ("en", "300,000"),
        ("en", "45,000"),
        ("es", "300.000"),
        ("es", "45.000"),
        ("de", "45.000"),
        ("de", "300.000"),
    ):
        claim = claim_with(story.claims, articles[name], phrase)
        assert claim.status == "disputed", (name, phrase)
        assert sorted({b.value for b in claim.backing}) == ["300,000", "45,000"], (name, phrase)
