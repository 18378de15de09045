"""A wire and an outlet's copy of it padded with its own commentary: the wire is the origin
(its outlet is the agency its dateline credits, though the copy is longer), and what the copy
adds, which no other source carries, is unsupported content: no claim, no evidence, never
said to be the agency's. Every text is written by the team for these tests (a made-up ferry
accident; real place names)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import consilience
from consilience.model import UNSUPPORTED_CONTENT

WIRE = (
    "Ferry capsizes on Lake Victoria, 14 dead\n"
    "Lakeside Press Agency — Monday, 4 March 2030\n\n"
    "KISUMU (LPA) - At least 14 people drowned on Monday when a passenger ferry capsized on "
    "Lake Victoria near Kisumu, police said.\n\n"
    "The ferry was carrying about 60 passengers from Mbita when it overturned in strong "
    "winds around 10:30, regional police commander Joseph Otieno told reporters.\n\n"
    "Rescue boats pulled 31 survivors from the water and divers were searching for the "
    "missing, Otieno said.\n\n"
    "Survivors said the vessel had been overloaded with sacks of maize and fish.\n\n"
    "The Kenya Maritime Authority said it had opened an investigation into the accident.\n\n"
    "Ferry accidents are frequent on the lake, where many boats carry no life jackets.\n"
)

COPY = WIRE.replace("Lakeside Press Agency", "Nyanza Daily Online").replace(
    "Ferry capsizes on Lake Victoria, 14 dead", "14 drown as ferry overturns near Kisumu"
) + (
    "\nOUR VIEW: This tragedy was caused by corrupt inspectors who take bribes from boat "
    "owners every single week. The governor has known about the rotten inspections for "
    "years and has done nothing to stop them.\n\n"
    "Until the county sacks every inspector and buys proper rescue boats, more families "
    "on the shores of the lake will bury their children.\n"
)

OTHER = (
    "Kenya ferry disaster\n"
    "East Africa Herald — Monday, 4 March 2030\n\n"
    "Fourteen people died after an overloaded ferry overturned on Lake Victoria close to "
    "Kisumu on Monday morning, according to the police.\n\n"
    "About sixty passengers were on board the boat, which had left Mbita, and 31 were "
    "rescued, the regional police commander said.\n\n"
    "The Kenya Maritime Authority has launched an inquiry.\n"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("copy-additions")
    for name, text in (("wire.txt", WIRE), ("copy.txt", COPY), ("other.txt", OTHER)):
        (folder / name).write_text(text, "utf-8")
    return consilience.analyze([folder], reference_date=date(2030, 3, 10), progress=False)


def _by_file(report):
    return {Path(a.source.path).stem: a for a in report.articles}


def test_the_agencys_own_release_is_the_origin_of_its_longer_padded_copy(report):
    arts = _by_file(report)
    (story,) = report.stories
    (origin,) = [s for s in story.sources if arts["wire"].id in s.articles]
    assert origin.articles[0] == arts["wire"].id
    assert arts["copy"].id in origin.articles
    assert [f.kind for f in arts["wire"].flags] == []
    assert [f.kind for f in arts["copy"].flags] == ["copy", UNSUPPORTED_CONTENT]


def test_what_the_copy_adds_is_unsupported_content(report):
    copy = _by_file(report)["copy"]
    (flag,) = [f for f in copy.flags if f.kind == UNSUPPORTED_CONTENT]
    (span,) = flag.spans
    assert copy.text[slice(*span)].startswith("OUR VIEW: This tragedy was caused")
    assert copy.text[slice(*span)].endswith("will bury their children.")
    assert flag.detail.startswith("4 of 12 sentences that this copy adds")
    (story,) = report.stories
    for claim in story.claims:
        for ev in claim.evidence:
            if ev.article == copy.id:
                assert not span[0] <= ev.start < span[1], claim.text


def test_a_paragraph_a_copy_adds_without_a_commentary_label_is_not_flagged(tmp_path):
    plain = COPY.replace("OUR VIEW: This tragedy", "This tragedy")
    for name, text in (("wire.txt", WIRE), ("copy.txt", plain), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text, "utf-8")
    report = consilience.analyze([tmp_path], reference_date=date(2030, 3, 10), progress=False)
    assert [f.kind for f in _by_file(report)["copy"].flags] == ["copy"]
