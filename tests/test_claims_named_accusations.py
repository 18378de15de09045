"""One party accuses another by its name, no armed side ("the pilots' union accused Nordavia of
postponing the overhaul"), and the accused denies through its chief, named with it once in the
story ("Nordavia's chief executive Marten Holm") and by the surname alone later ("Holm denied
..."): an accusation and its denials are one disputed claim (``extract._accused_by_name``,
``ClaimCandidate.speakers``, ``align._blame_pairs``; the surname alone is the person's:
``resolve.mentions.propagate_surnames``). The reports below are invented."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, claim_with, doc, holding, one_story_claims

FILES = {
    "en.txt": doc(
        "Harbour Courier",
        "2031-06-02",
        "A Nordavia passenger jet crashed near Brelvik airport on Sunday, killing 31 people. "
        "Nordavia's chief executive Marten Holm said the crew had reported a bird strike. "
        "The pilots' union accused Nordavia of postponing the overhaul of the left engine "
        "twice.",
    ),
    "nl.txt": doc(
        "Dagblad De Vaart",
        "2031-06-03",
        "Bij de vliegtuigcrash bij Brelvik zijn zondag 31 mensen om het leven gekomen. Topman "
        "Marten Holm hield vol dat de bemanning een vogelaanvaring meldde. Holm ontkende dat "
        "er onderhoud was overgeslagen.",
    ),
    "it.txt": doc(
        "Il Quotidiano",
        "2031-06-03",
        "Sono 31 i morti dell'incidente aereo di domenica vicino a Brelvik. L'amministratore "
        "delegato di Nordavia, Marten Holm, ha respinto le accuse: nessun controllo è stato "
        "saltato, ha detto lunedì.",
    ),
}


@pytest.fixture(scope="module")
def story(tmp_path_factory):  # noqa: ANN001, ANN201
    report = analysed(tmp_path_factory, "named_accusations", FILES)
    return by_name(report), one_story_claims(report), report


def test_the_surname_alone_is_the_persons(story) -> None:  # noqa: ANN001
    arts, _, report = story
    (holm,) = [e for e in report.stories[0].entities if e.name == "Marten Holm"]
    text = arts["nl"].text
    at = text.index("Holm ontkende")
    assert any(m.article == arts["nl"].id and m.start == at for m in holm.mentions)


def test_an_accusation_by_name_and_the_accused_denials_are_one_dispute(story) -> None:  # noqa: ANN001
    arts, claims, _ = story
    accusation = claim_with(claims, arts["en"], "accused Nordavia of postponing")
    assert accusation.status == "disputed"
    assert accusation in holding(claims, arts["nl"], "Holm ontkende")
    assert accusation in holding(claims, arts["it"], "ha respinto le accuse")


def test_the_dispute_shows_who_is_accused_and_the_denial(story) -> None:  # noqa: ANN001
    arts, claims, _ = story
    accusation = claim_with(claims, arts["en"], "accused Nordavia of postponing")
    (conflict,) = [c for c in accusation.conflicts if c.kind == "denial"]
    shown = {v.value for v in conflict.values}
    assert "accused Nordavia of postponing the overhaul of the left engine twice" in shown
    assert "ontkende dat er onderhoud was overgeslagen" in shown


def test_placing_the_responsibility_on_someone_is_no_claim_of_responsibility(tmp_path_factory):
    from consilience.claims import extract_claims

    files = {
        "blame-ru.txt": doc(
            "Вестник",
            "2031-06-03",
            "При этом губернатор области Марат Осипов ещё во вторник возложил ответственность "
            "за теракт на другую вооружённую группировку — «Северный фронт».",
        ),
        "claim-ru.txt": doc(
            "Вестник",
            "2031-06-03",
            "Ответственность за теракт взяла на себя группировка «Южный рассвет».",
        ),
    }
    arts = by_name(analysed(tmp_path_factory, "responsibility", files))
    (blame,) = extract_claims([arts["blame-ru"]])
    (claim,) = extract_claims([arts["claim-ru"]])
    assert "responsibility" not in blame.classes
    assert "responsibility" in claim.classes
