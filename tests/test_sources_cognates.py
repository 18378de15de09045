"""Close translations (``consilience.sources.cognates``): a wire text taken almost word for word
into a neighbouring language is one source with its original; independent reports of one event
in two languages are not. Every text here is invented for these tests."""

from __future__ import annotations

import re

import pytest

from consilience.model import Annotations, Article, Published, Sentence, SourceRef
from consilience.sources.cognates import CognateParams, close_translations, stem
from consilience.sources.independence import find_links, find_sources

# A Spanish agency text on an invented strike.
WIRE_ES = (
    "Los trabajadores de la fábrica de conservas de Puerto Almena iniciaron una huelga "
    "indefinida para reclamar la readmisión de cuarenta compañeros despedidos. "
    "El comité de empresa acusa a la dirección de incumplir el convenio firmado hace dos años "
    "y asegura que la plantilla mantendrá los piquetes hasta recibir una respuesta. "
    "La dirección de la empresa no ha querido hacer comentarios. "
    "La planta, abierta en 1987, emplea a unas seiscientas personas."
)
# Its first two sentences put into Catalan almost word for word, then a sentence of its own:
# a partial reuse.
COPY_CA = (
    "Els treballadors de la fàbrica de conserves de Puerto Almena van iniciar una vaga "
    "indefinida per reclamar la readmissió de quaranta companys acomiadats. "
    "El comitè d'empresa acusa la direcció d'incomplir el conveni signat fa dos anys i "
    "assegura que la plantilla mantindrà els piquets fins a rebre una resposta. "
    "L'alcalde ha demanat diàleg a les dues parts."
)
# The same strike told independently in Catalan and in Portuguese (the Portuguese lead with
# many of the wire lead's words in their order: one close sentence, not two).
OWN_CA = (
    "Unes sis-centes persones treballen a la conservera de Puerto Almena, i des de dilluns "
    "moltes d'elles són a la porta amb pancartes. Demanen que tornin els quaranta acomiadats "
    "de la primavera. Des de la direcció, silenci. El sindicat diu que la vaga pot durar "
    "setmanes i que la plantilla no cedirà."
)
OWN_PT = (
    "Os trabalhadores da fábrica de conservas de Puerto Almena iniciaram uma greve por tempo "
    "indeterminado para exigir a readmissão de quarenta colegas despedidos. Na porta, os "
    "piquetes dizem que só voltam ao trabalho com todos. A empresa não comentou a paralisação. "
    "A fábrica foi inaugurada em 1987 e emprega seiscentas pessoas."
)


def _article(aid: str, language: str, text: str) -> Article:
    sentences = tuple(
        Sentence(m.start(), m.end())
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text)
        if m.group().strip()
    )
    return Article(
        id=aid,
        source=SourceRef(f"{aid}.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        language=language,
        published=Published("2024-05-14", "metadata"),
        annotations=Annotations(sentences=sentences),
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("readmisión", "rdm"),
        ("readmissió", "rdm"),
        ("col·lectiu", "clc"),  # a Catalan middle dot inside one word
        ("colectivo", "clc"),
        ("plantilla", "pln"),
        ("Almena", None),  # a name: the fact detectors' business
        ("dos", None),  # too short to survive a translation
        ("مصنع", None),  # a script without case gives no stem
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected


def test_a_partial_copy_in_a_close_language_is_linked():
    wire, copy = _article("wire", "es", WIRE_ES), _article("copy", "ca", COPY_CA)
    assert close_translations([wire, copy]) == [(0, 1, 0.727)]
    (link,) = find_links([wire, copy])
    assert (link.a, link.b, link.kind) == (0, 1, "translation")
    (source,) = find_sources([copy, wire])
    assert source.articles == ("wire", "copy")  # the longer text is the origin on one day
    assert source.relations == (("copy", "translation", "wire"),)


def test_independent_reports_in_two_languages_are_not_linked():
    arts = [
        _article("wire", "es", WIRE_ES),
        _article("own-ca", "ca", OWN_CA),
        _article("own-pt", "pt", OWN_PT),
    ]
    assert close_translations(arts) == []
    assert find_links(arts) == []
    # the Catalan copy and the Portuguese report: one close lead, not two sentences
    assert close_translations([_article("copy", "ca", COPY_CA), arts[2]]) == []


def test_one_sentence_one_language_or_quotations_are_no_close_translation():
    one = _article("one", "ca", COPY_CA.split(". ")[0] + ". L'alcalde ha demanat calma.")
    assert close_translations([_article("wire", "es", WIRE_ES), one]) == []
    # the same text twice in one language is the copy detectors' business, not this rule's
    assert close_translations([_article("a", "es", WIRE_ES), _article("b", "es", WIRE_ES)]) == []
    # the copy's sentences quoted whole: a quotation, even translated, is no copy
    quoted = " ".join(f"«{s.strip()}»" for s in re.findall(r"[^.]+\.", COPY_CA))
    assert close_translations([_article("wire", "es", WIRE_ES), _article("q", "ca", quoted)]) == []


def test_a_large_set_compares_pairs_that_share_stem_pairs():
    wire, copy = _article("wire", "es", WIRE_ES), _article("copy", "ca", COPY_CA)
    others = [_article(f"x{n}", "pt", OWN_PT) for n in range(3)]
    arts = [wire, *others, copy]
    assert close_translations(arts, CognateParams(all_pairs=2)) == [(0, 4, 0.727)]
    assert close_translations(arts, CognateParams(all_pairs=2, min_shared=99)) == []
