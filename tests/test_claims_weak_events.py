"""A sentence whose figure gives the toll of an attack, a quake or a fire still tells the attack
itself, with its day and place, in a clause of its own: that clause is a statement other
reports of the attack back, and its text asserts no figure."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, holding
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    "toll.txt": _doc(
        "Pacific Wire",
        "2030-05-06",
        "Missiles struck the railway station in Keresk on Monday, killing 12 people, regional "
        "officials said.",
    ),
    "strike.txt": _doc(
        "Harbour Post",
        "2030-05-06",
        "A missile strike hit the Keresk railway station on Monday, local authorities said.",
    ),
    "quake.txt": _doc(
        "Northern Courier",
        "2030-05-06",
        "Missiles that killed 12 people struck the railway station in Keresk on Monday.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "weak", FILES))


def test_the_attack_clause_of_a_toll_sentence_is_a_statement_of_its_own(articles):
    toll, strike = articles["toll"], articles["strike"]
    claims = analyze_story([toll, strike], gazetteer=_gazetteer())
    (attack,) = holding(claims, strike, "missile strike hit")
    assert (attack.status, attack.independent_sources) == ("corroborated", 2)
    (passage,) = [e for e in attack.evidence if e.article == toll.id]
    # the clause of the attack, not the toll: the claim asserts no figure
    assert toll.text[passage.start : passage.end] == (
        "Missiles struck the railway station in Keresk on Monday"
    )
    # the toll is a figure claim of its own
    (figure,) = [c for c in claims if any(e.figure == "12" for e in c.evidence)]
    assert figure is not attack


def _clause_statements(article: Article) -> list[str]:
    """The weak-event clause statements of each sentence of ``article``, as texts."""
    import consilience.claims.extract as ex
    from consilience.claims.keys import EntityKeys

    keys = EntityKeys((), _gazetteer())
    pairs = keys.keys(article)
    out = []
    for sent in article.annotations.sentences:
        feats = ex._sentence_features(article, sent, pairs, [], keys)
        read = ex._counted_in_clause(article, sent)
        figures = [f for q in read if (f := ex._figure_candidate(article, sent, q, feats, read))]
        measured = {f.figure.event for f in figures if f.figure is not None}
        out += [c.text for c in ex._weak_event_clause(article, sent, feats, measured)]
    return out


def test_no_clause_statement_when_the_figure_shares_the_attack_clause(articles):
    assert _clause_statements(articles["toll"]) == [
        "Missiles struck the railway station in Keresk on Monday"
    ]
    # "Missiles that killed 12 people struck ...": the attack's clause holds the figure
    assert _clause_statements(articles["quake"]) == []
