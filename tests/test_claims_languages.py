"""Figure claims aligned across languages: the same measured thing at the same place and day
corroborates whatever language reports it; a different value disputes. Every sentence here is
written by the team for this test (a real place name, a made-up event)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

import consilience
from consilience.gazetteer import Gazetteer
from consilience.model import Article, Claim
from consilience.settings import Settings
from consilience.verdicts import analyze_story

REFERENCE = date(2031, 1, 1)


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.open(Settings())


def _doc(outlet: str, published: str, body: str) -> str:
    return f"---\ntitle: {outlet} report\noutlet: {outlet}\npublished: {published}\n---\n{body}\n"


FILES = {
    "en.txt": _doc(
        "Pacific Wire",
        "2030-03-05",
        "A magnitude 7.1 earthquake struck near Valparaiso, Chile, on Tuesday.",
    ),
    "es.txt": _doc(
        "Diario del Puerto",
        "2030-03-05",
        "Un terremoto de magnitud 7,1 sacudió Valparaíso, en Chile, el martes.",
    ),
    "it.txt": _doc(
        "Corriere Andino",
        "2030-03-05",
        "Un terremoto di magnitudo 6,8 ha colpito Valparaíso, in Cile, martedì.",
    ),
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> dict[str, Article]:
    folder: Path = tmp_path_factory.mktemp("valparaiso")
    for name, text in FILES.items():
        (folder / name).write_text(text, "utf-8")
    report = consilience.analyze([folder], reference_date=REFERENCE, progress=False)
    return {Path(a.source.path).stem: a for a in report.articles}


def _claim_with(claims: tuple[Claim, ...], article: Article, phrase: str) -> Claim:
    pos = article.text.index(phrase)
    found = [
        c
        for c in claims
        if any(e.article == article.id and e.start <= pos < e.end for e in c.evidence)
    ]
    assert found, f"no claim holds {phrase!r}"
    return min(found, key=lambda c: (sum(e.end - e.start for e in c.evidence), c.id))


def test_a_magnitude_in_three_languages_is_disputed(articles):
    en, es, it = articles["en"], articles["es"], articles["it"]
    claims = analyze_story([en, es, it], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "7.1")
    assert claim is _claim_with(claims, es, "7,1")
    assert claim is _claim_with(claims, it, "6,8")
    assert claim.status == "disputed"
    conflict = next(c for c in claim.conflicts if c.kind == "number")
    assert {float(v.value.replace(",", ".")) for v in conflict.values} == {7.1, 6.8}
    assert {v.value for v in conflict.values if v.article == it.id} == {"6,8"}
    assert claim.independent_sources == 3


def test_an_equal_magnitude_in_two_languages_corroborates(articles):
    en, es = articles["en"], articles["es"]
    claims = analyze_story([en, es], gazetteer=_gazetteer())
    claim = _claim_with(claims, en, "7.1")
    assert claim is _claim_with(claims, es, "7,1")
    assert (claim.status, claim.independent_sources) == ("corroborated", 2)
