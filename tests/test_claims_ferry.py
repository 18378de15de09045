"""Readings an invented ferry sinking (``tests/data/invented``, written for these tests, in
several languages) showed wrong: a denial by a separable German verb ("wies den Vorwurf
zurück") is a denial, so the accusation words the dispute, and a side with no event word is
shown by what its source says ("dat de boot overbeladen was"), not by who says it."""

from __future__ import annotations

from pathlib import Path

import pytest

import consilience
from consilience.model import Report

INVENTED = Path(__file__).parent / "data" / "invented"


@pytest.fixture(scope="module")
def de_nl(tmp_path_factory) -> Report:
    folder: Path = tmp_path_factory.mktemp("ferry")
    for name in ("ferry_de.txt", "ferry_nl.txt"):
        (folder / name).write_bytes((INVENTED / name).read_bytes())
    return consilience.analyze([folder], progress=False)


def test_an_accusation_and_its_denials_in_two_languages_are_one_dispute(de_nl: Report):
    (story,) = de_nl.stories
    (claim,) = [c for c in story.claims if c.status == "disputed"]
    assert claim.text.endswith("zegt dat de boot overbeladen was")
    (conflict,) = claim.conflicts
    assert conflict.kind == "denial"
    assert [v.value for v in conflict.values] == [
        "dat de boot overbeladen was",
        "Die Reederei Tessaline Lines wies den Vorwurf zurück",
        "rederij Tessaline Lines ontkent dat",
    ]


def test_a_headline_printed_again_in_the_text_is_no_claim_though_it_holds_a_full_stop(tmp_path):
    from consilience.claims import extract
    from consilience.claims.keys import EntityKeys

    title = "Ferry sinks off Kalvik, captain arrested. Toll rises to 11"
    (tmp_path / "a.txt").write_text(
        f'---\ntitle: "{title}"\noutlet: Harbour Post\npublished: 2031-05-16\n---\n{title}\n'
        "Harbour Post, 16 May 2031\n\nThe captain of the ferry Orsenna was arrested on Friday "
        "evening. The death toll from the sinking off Kalvik rose to 11, the coast guard said.\n",
        "utf-8",
    )
    report = consilience.analyze([tmp_path], progress=False)
    (article,) = report.articles
    (story,) = report.stories
    texts = [c.text for c in extract.article_candidates(article, EntityKeys(story.entities))]
    assert texts and not any("Ferry sinks" in t or t.startswith("Toll rises") for t in texts)
