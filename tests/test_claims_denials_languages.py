"""A denial in another language disputes the report it denies: each language's event words and
negators are read (claims/data/events), the place is one entity whatever its spelling, and the
dispute's sides quote the denial in its own words."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name
from claim_stories import doc as _doc

from consilience.claims import lexicon as lx
from consilience.model import Report

FILES = {
    "report-en.txt": _doc(
        "Pacific Wire",
        "2030-05-06",
        "A missile strike hit the Kharkiv railway station on Monday, local authorities said. "
        "Rescuers searched the rubble overnight.",
    ),
    "denial-es.txt": _doc(
        "Diario del Puerto",
        "2030-05-06",
        "El Ministerio de Defensa negó haber atacado la estación de ferrocarril de Járkov el "
        "lunes.",
    ),
    "denial-ru.txt": _doc(
        "Moskva Vesti",
        "2030-05-06",
        "Министерство обороны заявило, что не наносило ударов по вокзалу в Харькове в понедельник.",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    return analysed(tmp_path_factory, "denials", FILES)


def test_denials_in_two_languages_dispute_the_report(report):
    (story,) = report.stories
    articles = by_name(report)
    disputed = [c for c in story.claims if c.status == "disputed"]
    (claim,) = disputed
    assert claim.independent_sources == 3
    assert {e.article for e in claim.evidence} == {a.id for a in articles.values()}
    (conflict,) = claim.conflicts
    assert conflict.kind == "denial"
    by_article = {v.article: v.value for v in conflict.values}
    assert by_article[articles["report-en"].id] == (
        "strike hit the Kharkiv railway station on Monday"
    )
    # the denial side quotes the denial verb or the negator of its own language
    assert by_article[articles["denial-es"].id] == (
        "negó haber atacado la estación de ferrocarril de Járkov el lunes"
    )
    assert by_article[articles["denial-ru"].id] == (
        "не наносило ударов по вокзалу в Харькове в понедельник"
    )


@pytest.mark.parametrize(
    ("text", "language", "at"),
    [
        ("Министерство заявило, что не наносило ударов", "ru", "не наносило"),
        ("Les rebelles ne sont pas entrés à Keresk", "fr", "ne sont"),
        ("Non meno di 40 morti, e le truppe non si sono ritirate", "it", "non si"),
        ("Los rebeldes entraron en Valdoria", "es", None),
        ("The rebels entered the town", "en", None),  # English negation is read elsewhere
    ],
)
def test_the_negator_that_negates_an_event(text, language, at):
    found = lx.negation_at(text, language)
    assert (text[found:].startswith(at) if at else found is None) and (found is None) == (
        at is None
    )
