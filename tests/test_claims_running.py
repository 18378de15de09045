"""Figures across languages (issue 12): a counted thing the quantity reader names in words of no
language aligns reports that share no word; a running count (a toll "rose to", "el balance",
"il bilancio") whose values differ is an update in publication order, unless two sources give
different values for one named day. Every sentence is written by the team for these tests (a
made-up flood and fire; real place names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_stories import REFERENCE, analysed, by_name
from claim_stories import claim_with as _claim_with
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

import consilience
from consilience.model import Article
from consilience.verdicts import analyze_story

FILES = {
    # firefighters: Spanish and Arabic, no word in common
    "fire-es.txt": _doc(
        "Diario del Puerto",
        "2030-03-05",
        "Unos 300 bomberos combatieron durante toda la noche las llamas del almacén.",
    ),
    "fire-ar.txt": _doc(
        "Sahil News", "2030-03-05", "وشارك نحو 300 من رجال الإطفاء في إخماد الحريق طوال الليل."
    ),
    # a toll that runs over two days, in three languages
    "toll-en.txt": _doc(
        "Pacific Wire",
        "2030-03-05",
        "The death toll from the floods in Valparaiso rose to 12, officials said.",
    ),
    "toll-es.txt": _doc(
        "Diario del Puerto",
        "2030-03-05",
        "El balance de muertos por las inundaciones en Valparaíso asciende a 19, según "
        "Protección Civil.",
    ),
    "toll-it.txt": _doc(
        "Corriere Andino",
        "2030-03-06",
        "Il bilancio delle inondazioni a Valparaíso è salito a 31 morti, secondo la protezione "
        "civile.",
    ),
    # two tolls given for one named day by two outlets on the same day
    "day-en.txt": _doc(
        "Pacific Wire",
        "2030-03-07",
        "The death toll from the floods in Valparaiso stood at 40 on Wednesday, officials said.",
    ),
    "day-es.txt": _doc(
        "Diario del Puerto",
        "2030-03-07",
        "El balance de muertos por las inundaciones en Valparaíso era de 55 el miércoles, según "
        "Protección Civil.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "running", FILES))


def test_a_named_counted_thing_corroborates_across_languages(articles):
    es, ar = articles["fire-es"], articles["fire-ar"]
    claims = analyze_story([es, ar], gazetteer=_gazetteer())
    claim = _claim_with(claims, es, "300")
    assert claim is _claim_with(claims, ar, "300")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)


def test_a_running_toll_in_three_languages_is_an_update(articles):
    en, es, it = articles["toll-en"], articles["toll-es"], articles["toll-it"]
    claims = analyze_story([en, es, it], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "12")
    assert claim is _claim_with(claims, es, "19")
    assert claim is _claim_with(claims, it, "31")
    assert claim.status == "updated"
    assert claim.conflicts == ()
    # in publication order, then rising within a day
    assert claim.why == (
        "Updated: the figure changed over time, given as a running count, several values a "
        "day, no two for one moment: 12 (Pacific Wire, 2030-03-05) -> 19 (Diario del Puerto, "
        "2030-03-05) -> 31 (Corriere Andino, 2030-03-06). A later figure revises an earlier "
        "one; this is not a contradiction."
    )
    # each step's own sources (one each: said in the list, not again in words)
    assert [(b.value, b.independent_sources, b.articles) for b in claim.backing] == [
        ("12", 1, (en.id,)),
        ("19", 1, (es.id,)),
        ("31", 1, (it.id,)),
    ]


def test_two_tolls_for_one_named_day_are_disputed(articles):
    en, es = articles["day-en"], articles["day-es"]
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "40")
    assert claim is _claim_with(claims, es, "55")
    assert claim.status == "disputed"
    assert {v.value for c in claim.conflicts for v in c.values} == {"40", "55"}


MEANING = {
    "bridge-en.txt": _doc(
        "Pacific Wire",
        "2030-04-02",
        "The old railway bridge over the Aconcagua river collapsed on Tuesday morning. "
        "Engineers had warned about cracks in its pillars for years.",
    ),
    "bridge-es.txt": _doc(
        "Diario del Puerto",
        "2030-04-02",
        "El viejo puente ferroviario sobre el río Aconcagua se derrumbó el martes por la "
        "mañana. Los vecinos organizaron una colecta para las familias de la zona.",
    ),
}


@pytest.fixture(scope="module")
def bridge(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "bridge", MEANING))


def test_a_statement_and_its_translation_are_one_claim(bridge):
    from consilience.annotate.gist import SentenceEncoder

    en, es = bridge["bridge-en"], bridge["bridge-es"]
    encoder = SentenceEncoder().load()
    claims = analyze_story([en, es], gazetteer=_gazetteer(), encoder=encoder)
    claim = _claim_with(claims, en, "collapsed")
    assert claim is _claim_with(claims, es, "se derrumbó")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    # what only the Spanish article says, in words the event lexicon cannot read, is no claim
    neighbours = es.text.index("Los vecinos")
    assert not any(
        e.article == es.id and e.start <= neighbours < e.end for c in claims for e in c.evidence
    )
    # without the encoder the two languages share no word, but one frame: a collapse
    # ("collapsed" / "se derrumbó", each language's event words), the same river, Tuesday
    alone = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(alone, en, "collapsed")
    assert claim is _claim_with(alone, es, "se derrumbó")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
    assert not any(
        e.article == es.id and e.start <= neighbours < e.end for c in alone for e in c.evidence
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("plus de 10.000 morts en 1985", "más de 10 000 muertos en 1985", True),
        ("se reportan 248 fallecidos", "se reportan 226 fallecidos", False),
        ("the towers were saved", "les tours ont été sauvées", True),
        ("نحو ٤٠٠ إطفائي", "environ 400 pompiers", True),
        ("the fire started at 18:50", "le feu a pris vers 18h50", True),
    ],
)
def test_sentences_writing_different_numbers_never_align_by_meaning(a, b, same):
    from consilience.claims.align import _same_numbers

    assert _same_numbers(a, b) is same


SCOPES = {
    "scope-en.txt": _doc(
        "Pacific Wire",
        "2030-05-10",
        "Officials said 40 people died in Valparaiso and 25 in Santiago after the storm.",
    ),
    "scope-es.txt": _doc(
        "Diario del Puerto",
        "2030-05-10",
        "Las autoridades informaron de que murieron 40 personas en Valparaíso y 25 en Santiago "
        "tras la tormenta.",
    ),
}


@pytest.fixture(scope="module")
def scoped(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "scopes", SCOPES))


def test_figures_counted_in_two_places_are_two_claims(scoped):
    from consilience.claims import extract_claims

    en, es = scoped["scope-en"], scoped["scope-es"]
    figures = [c for c in extract_claims([en, es], gazetteer=_gazetteer()) if c.figure]
    groups = {(c.language, c.figure.value): c.group for c in figures}
    # "25 en Santiago" names nothing it counts: it counts the dead of the figure before it
    assert set(groups) == {("en", 40.0), ("en", 25.0), ("es", 40.0), ("es", 25.0)}
    assert groups[("en", 40.0)] == groups[("es", 40.0)]
    assert groups[("en", 25.0)] == groups[("es", 25.0)]
    assert groups[("en", 40.0)] != groups[("en", 25.0)]
    scopes = {(c.language, c.figure.value): c.figure.scope for c in figures}
    assert scopes[("es", 25.0)] == scopes[("en", 25.0)] == frozenset({"n:santiago"})
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    both = [
        c
        for c in claims
        if c.status == "corroborated"
        and c.independent_sources == 2
        and {e.article for e in c.evidence} == {en.id, es.id}
    ]
    assert len(both) == 2


def test_evidence_gives_each_passage_its_figure_normalised(articles):
    es, ar = articles["fire-es"], articles["fire-ar"]
    claim = _claim_with(analyze_story([es, ar], gazetteer=_gazetteer()), es, "300")
    got = {(e.article, e.figure) for e in claim.evidence}
    assert got == {(es.id, "about 300"), (ar.id, "about 300")}
    # the report shows it beside a passage in another language, not beside English
    from consilience.report.json import to_dict
    from consilience.report.markdown import render_markdown

    folder = Path(es.source.path).parent
    report = consilience.analyze(
        [folder / "fire-es.txt", folder / "fire-ar.txt", folder / "toll-en.txt"],
        reference_date=REFERENCE,
        progress=False,
    )
    text = render_markdown(to_dict(report))
    assert text.count("(reads about 300)") == 2
    assert "reads 12" not in text


TRANSLATED = {
    "deal-en.txt": _doc(
        "Pacific Wire",
        "2030-06-01",
        "The navy of Chile signed a contract worth 2.4 billion dollars with a shipyard in "
        "Valparaiso on Monday. The yard will deliver 6 frigates over 9 years, starting in 2033. "
        "Officials said 1,200 workers would be hired for the programme, which replaces ships "
        "built in the 1990s.",
    ),
    "deal-es.txt": _doc(
        "Diario del Puerto",
        "2030-06-01",
        "La armada de Chile firmó el lunes un contrato por valor de 2.400 millones de dólares "
        "con un astillero de Valparaíso. El astillero entregará 6 fragatas en 9 años, a partir "
        "de 2033. Los funcionarios dijeron que se contratarían 1.200 trabajadores para el "
        "programa, que sustituye a buques construidos en los años noventa.",
    ),
}


@pytest.fixture(scope="module")
def translated(tmp_path_factory):
    return analysed(tmp_path_factory, "translated", TRANSLATED)


def test_a_translation_states_its_originals_figures_in_the_same_claims(translated):
    (story,) = translated.stories
    by_name = {Path(a.source.path).stem: a for a in translated.articles}
    en, es = by_name["deal-en"], by_name["deal-es"]
    relations = [r for s in story.sources for r in s.relations]
    assert [(kind, {a, b}) for a, kind, b in relations] == [("translation", {en.id, es.id})]
    for en_value, es_value in (("6 frigates", "6 fragatas"), ("1,200", "1.200")):
        claim = _claim_with(story.claims, en, en_value)
        assert claim is _claim_with(story.claims, es, es_value)
        # one origin: a translation adds evidence, not an independent source
        assert claim.independent_sources == 1


def test_a_pronoun_source_is_the_source_named_before_it(tmp_path):
    from consilience.claims import extract_claims

    (tmp_path / "a.txt").write_text(
        _doc(
            "Pacific Wire",
            "2030-07-01",
            "He added that the river rose by two metres overnight in Valparaiso. "
            "Mayor Ana Ruiz said the old bridge in Valparaiso collapsed on Monday. "
            "She also said three people were injured when the bridge collapsed.",
        ),
        "utf-8",
    )
    (article,) = consilience.analyze([tmp_path], reference_date=REFERENCE, progress=False).articles
    said = {
        article.text[c.sentence[0] : c.sentence[0] + 12]: c.attributed_to
        for c in extract_claims([article], gazetteer=_gazetteer())
    }
    # "He added" names nobody before it: no claim; "She also said" is the mayor's
    assert "He added tha" not in said
    assert said["She also sai"] == said["Mayor Ana Ru"]
    assert "Ana Ruiz" in said["She also sai"]


DENIAL = {
    "market-en.txt": _doc(
        "Pacific Wire",
        "2030-08-04",
        "Government troops shelled the central market in Valparaiso on Tuesday, witnesses said.",
    ),
    "market-es.txt": _doc(
        "Diario del Puerto",
        "2030-08-04",
        "El ejército negó haber bombardeado el mercado central de Valparaíso el martes.",
    ),
    "market-fr.txt": _doc(
        "Courrier du Pacifique",
        "2030-08-04",
        "Le maire de Valparaiso a demandé une aide internationale pour reconstruire la ville.",
    ),
}


@pytest.fixture(scope="module")
def market(tmp_path_factory) -> dict[str, Article]:
    return by_name(analysed(tmp_path_factory, "market", DENIAL))


def test_a_denial_in_another_language_disputes_the_report(market):
    from consilience.annotate.gist import SentenceEncoder

    en, es, fr = market["market-en"], market["market-es"], market["market-fr"]
    claims = analyze_story([en, es, fr], gazetteer=_gazetteer(), encoder=SentenceEncoder().load())
    claim = _claim_with(claims, en, "shelled")
    assert claim is _claim_with(claims, es, "negó")
    assert claim.status == "disputed"
    assert [c.kind for c in claim.conflicts] == ["denial"]
    # the mayor's request names the same city but is another fact
    assert not any(e.article == fr.id for e in claim.evidence)


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("The president remains in the capital.", {"stay"}),
        ("Its survival remains in question.", set()),
        ("The firefighter remains in hospital.", set()),
        ("The curfew remains in force.", {"curfew"}),  # a curfew, no stay
    ],
)
def test_remaining_somewhere_is_staying_but_not_remaining_in_a_state(text, classes):
    from consilience.claims import lexicon

    assert lexicon.event_classes(text) == classes


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ((300.0, "at least"), (350.0, None), True),
        ((300.0, "at least"), (250.0, None), False),
        ((20_000.0, "less than"), (32_187.0, "within"), True),  # 20 km / 20 miles, in metres
        ((25_000.0, None), (20_000.0, "less than"), False),
        ((100.0, "nearly"), (97.0, None), True),
        ((100.0, "nearly"), (120.0, None), False),
        ((400.0, None), (500.0, "more than"), False),
        ((400.0, None), (401.0, None), False),
    ],
)
def test_bounds_that_can_both_be_true_agree(a, b, agree):
    from consilience.claims.align import compatible
    from consilience.claims.records import Figure

    def fig(value: float, qualifier: str | None) -> Figure:
        return Figure(
            value=value,
            text="",
            start=0,
            end=0,
            unit=None,
            dimension="count",
            base=value,
            counted=None,
            approximate=qualifier is not None,
            qualifier=qualifier,
            event=None,
        )

    fa, fb = fig(*a), fig(*b)
    assert compatible(fa.base, fb.base, fa, fb) is agree
    assert compatible(fb.base, fa.base, fb, fa) is agree
