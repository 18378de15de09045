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
