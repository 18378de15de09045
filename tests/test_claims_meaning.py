"""Statements of two languages pair by meaning once the source's clause and a live report's
stamp are cut from their sentences, and when they stand out of their neighbourhoods (closer to
each other than each is to the rest of the story). Hand-built candidates and vectors, exact
outcomes."""

from __future__ import annotations

import numpy as np

from consilience.claims import meaning_text
from consilience.claims.align import _meaning_pairs
from consilience.claims.records import ClaimCandidate
from consilience.model import Attribution
from consilience.tuning import AlignParams


def _cand(
    article: str, text: str, *, language: str = "en", attribution: Attribution | None = None
) -> ClaimCandidate:
    return ClaimCandidate(
        id=f"{article}@0",
        article=article,
        start=0,
        end=len(text),
        sentence=(0, len(text)),
        text=text,
        kind="statement",
        published="2030-05-02",
        stance="reported" if attribution else "asserted",
        negated=False,
        disputes_reports=False,
        attributed_to=None,
        cue=None,
        channel=None,
        attribution=attribution,
        entities=frozenset(),
        places=frozenset(),
        classes=frozenset(),
        sides=frozenset(),
        words=frozenset(),
        language=language,
    )


def test_meaning_text_cuts_the_sources_clause_and_a_live_stamp() -> None:
    text = "21.40 - Secondo l'agenzia Nordpress, il ponte sul fiume Lento è crollato nella notte."
    src = text.index("l'agenzia")
    attr = Attribution(
        start=0, end=len(text), source_start=src, source_end=src + len("l'agenzia Nordpress"),
        cue="secondo",
    )  # fmt: skip
    cand = _cand("a", text, attribution=attr, language="it")
    assert meaning_text(cand) == "il ponte sul fiume Lento è crollato nella notte."
    closing = "Un couvre-feu a été décrété dans la vallée de la Lente, a déclaré le préfet."
    src = closing.index("le préfet")
    attr = Attribution(
        start=0, end=len(closing), source_start=src, source_end=src + len("le préfet"),
        cue="a déclaré",
    )  # fmt: skip
    cand = _cand("b", closing, attribution=attr, language="fr")
    assert meaning_text(cand) == "Un couvre-feu a été décrété dans la vallée de la Lente"
    # too little would be left: the sentence stays whole
    short = "Il est tombé, a dit le maire."
    src = short.index("le maire")
    attr = Attribution(start=0, end=len(short), source_start=src, source_end=src + 8, cue="a dit")
    assert meaning_text(_cand("c", short, attribution=attr, language="fr")) == short


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_two_statements_that_stand_out_of_their_neighbourhoods_pair_by_meaning() -> None:
    # two tellings of one particular fact, 0.62 close, each far from the rest (0.0);
    # two general sentences about the story, as close (0.62), but each as close to others
    angle = np.arccos(0.62)
    fact_en = _cand("a", "A curfew was declared.", language="en")
    fact_fr = _cand("b", "Un couvre-feu a été décrété.", language="fr")
    general = [
        _cand(f"g{i}", f"The bridge fell {i}.", language=lang)
        for i, lang in enumerate(["en", "fr", "en", "fr"])
    ]
    meanings = {
        fact_en.id: _unit(1, 0, 0, 0, 0),
        fact_fr.id: _unit(np.cos(angle), np.sin(angle), 0, 0, 0),
    }
    for i, c in enumerate(general):
        meanings[c.id] = _unit(0, 0, 1, 0.8 * (i % 2), 0.8 * (1 - i % 2))
    cands = [fact_en, fact_fr, *general]
    pairs = _meaning_pairs(cands, meanings, AlignParams())
    assert (0, 1) in pairs  # below the threshold (0.72), but standing out
    assert not {p for p in pairs if p[0] >= 2}  # the general sentences stand out of none
