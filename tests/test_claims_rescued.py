"""A count of people rescued is a tally in every language ("281 people had been rescued",
"tratte in salvo", "rescataron", "wurden gerettet", "спасены": ``claims/data/rescued.json``):
reports of one rescue in several languages are one claim, never read as the missing counted
beside it ("27 werden noch vermisst" after "281 Menschen wurden gerettet"; "otras 27" are the
others, no increment), and "as night fell" takes no town. Every sentence here is invented
(made-up places and people)."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_stories import doc as _doc

import consilience
from consilience.model import Report

REPORTS = {
    "en.txt": (
        "Harbour Post",
        "The ferry Orsenna sank off Kalvik on Thursday. The coast guard said 281 people had "
        "been rescued and 27 were still missing as night fell.",
    ),
    "es.txt": (
        "Diario del Puerto",
        "El ferry Orsenna se hundió el jueves frente a Kalvik. Los guardacostas rescataron a "
        "281 personas y otras 27 siguen desaparecidas.",
    ),
    "it.txt": (
        "Gazzetta del Porto",
        "Il traghetto Orsenna è affondato giovedì al largo di Kalvik. Le persone tratte in "
        "salvo sono 281, mentre 27 risultano ancora disperse.",
    ),
    "de.txt": (
        "Hafenblatt",
        "Die Fähre Orsenna ist am Donnerstag vor Kalvik gesunken. 281 Menschen wurden "
        "gerettet, 27 werden noch vermisst.",
    ),
    "ru.txt": (
        "Морской вестник",
        "Паром «Орсенна» затонул в четверг у берегов Калвика. Спасены 281 человек, 27 "
        "числятся пропавшими без вести.",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    folder: Path = tmp_path_factory.mktemp("rescued")
    for name, (outlet, text) in REPORTS.items():
        (folder / name).write_text(_doc(outlet, "2031-05-15", text), "utf-8")
    return consilience.analyze([folder], progress=False)


def _holding(report: Report, passage: str) -> list:
    text = {a.id: a.text for a in report.articles}
    (story,) = report.stories
    return [
        c
        for c in story.claims
        if any(text[e.article][e.start : e.end] == passage for e in c.evidence)
    ]


def test_the_rescued_and_the_missing_in_five_languages_are_two_corroborated_claims(report):
    files = {a.id: Path(a.source.path).stem for a in report.articles}
    (rescued,) = _holding(report, "Le persone tratte in salvo sono 281")
    (missing,) = _holding(report, "mentre 27 risultano ancora disperse.")
    assert rescued is not missing
    for claim in (rescued, missing):
        assert (claim.status, claim.independent_sources) == ("corroborated", 5)
        assert sorted({files[e.article] for e in claim.evidence}) == ["de", "en", "es", "it", "ru"]
    # "27 werden noch vermisst" after "281 Menschen wurden gerettet": missing, not rescued
    assert _holding(report, "27 werden noch vermisst.") == [missing]


def test_nightfall_takes_nothing():
    from consilience.claims import lexicon as lx

    assert lx.event_classes("27 were still missing as night fell.") == {"missing"}
    assert lx.event_classes("The town fell to the rebels as darkness fell.") == {"seize"}


@pytest.mark.parametrize(
    ("language", "text", "rescued"),
    [
        ("de", "281 Menschen wurden gerettet.", True),
        ("es", "La guardia costera salvó a 281 personas.", True),
        ("en", "The coast guard rescued 281 passengers.", True),
        # a noun of the rescued or of the rescuers tells no count of the rescued
        ("de", "Nach Angaben der Geretteten schliefen 30 Menschen in den Kabinen.", False),
        ("it", "I soccorsi stanno ancora cercando 27 persone.", False),
        ("tr", "Kurtarılan yolculara göre 30 kişi kamaralarda uyuyordu.", False),
        ("ar", "وتواصل فرق الإنقاذ البحث عن 27 شخصا.", False),
    ],
)
def test_a_verb_of_rescuing_not_a_noun_tells_the_rescued(language, text, rescued):
    from consilience.claims import extract

    assert extract._rescued(text, (0, len(text)), language) is rescued


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The operator said its manifest listed 287 passengers and crew."),
        ("fr", "La compagnie affirme que son manifeste n'en comptait que 287."),
        ("en", "The coast guard said 312 people were on board the ferry."),
    ],
)
def test_a_manifest_counts_those_aboard(language, text):
    from consilience.claims import extract

    at = next(i for i in range(len(text)) if text[i].isdigit())
    assert extract._aboard(text, at, (0, len(text)), language) is not None
