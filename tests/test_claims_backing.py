"""Each value of a disputed or updated figure carries its own independent sources
(``Claim.backing``): which side most independent reports give, in the JSON report and in
words."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.model import Article, Backing
from consilience.verdicts import analyze_story

FILES = {
    "a.txt": _doc(
        "Pacific Wire",
        "2030-03-07",
        "The death toll from the floods in Valdoria stood at 40 on Wednesday, officials said.",
    ),
    "b.txt": _doc(
        "Diario del Puerto",
        "2030-03-07",
        "El balance de muertos por las inundaciones en Valdoria era de 40 el miércoles, según "
        "Protección Civil.",
    ),
    "c.txt": _doc(
        "Harbour Post",
        "2030-03-07",
        "Floods in Valdoria had killed 40 people by Wednesday, the regional government said.",
    ),
    "d.txt": _doc(
        "Corriere Andino",
        "2030-03-07",
        "Il bilancio delle alluvioni a Valdoria era di 55 morti mercoledì, secondo la "
        "Protezione civile.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "backing", FILES))


def test_each_side_of_a_dispute_has_its_own_independent_sources(articles):
    a, b, c, d = (articles[k] for k in "abcd")
    claims = analyze_story([a, b, c, d], gazetteer=_gazetteer())
    claim = _claim_with(claims, a, "40")
    assert claim is _claim_with(claims, d, "55")
    assert claim.status == "disputed"
    assert claim.backing == (
        Backing("40", 3, tuple(sorted((a.id, b.id, c.id)))),
        Backing("55", 1, (d.id,)),
    )
    assert claim.why.endswith("Independent sources per value: 40: 3; 55: 1.")


def test_backing_is_in_the_json_report_and_valid(articles):
    import jsonschema

    import consilience
    from consilience.report.json import schema, to_dict

    paths = sorted(a.source.path for a in articles.values())
    data = to_dict(consilience.analyze(paths, progress=False))
    jsonschema.validate(data, schema())
    claims = [c for s in data["stories"] for c in s["claims"]]
    (disputed,) = [c for c in claims if c["status"] == "disputed"]
    assert [(b["value"], b["independent_sources"]) for b in disputed["backing"]] == [
        ("40", 3),
        ("55", 1),
    ]
    assert all(
        c["backing"] == [] for c in claims if c["status"] in ("corroborated", "single_source")
    )


WORDING = {
    "it.txt": _doc(
        "Corriere Andino",
        "2030-03-07",
        "Il terremoto di magnitudo 6 ha colpito la valle di Valdoria nella notte, con una "
        "profondità di 10 chilometri.",
    ),
}


def test_a_figure_clause_that_does_not_read_alone_is_worded_by_its_sentence(tmp_path_factory):
    (article,) = by_name(analysed(tmp_path_factory, "wording", WORDING)).values()
    claims = analyze_story([article], gazetteer=_gazetteer())
    claim = _claim_with(claims, article, "10")
    # the passage stays the clause; the wording a reader sees is the sentence
    (passage,) = [e for e in claim.evidence if e.article == article.id]
    assert article.text[passage.start : passage.end] == "con una profondità di 10 chilometri."
    assert claim.text == article.text.strip()
