"""Translations: an article that is another article of the set in another language.

A wire story republished in French and in Arabic, a report and its professional translation:
word shingles cannot see them (no word in common) and neither can fact sequences built from
names as written. What a translation keeps is (a) what it says first, which the gists compare
across languages (``consilience.annotate.gist``: title and lead as one multilingual vector), and
(b) every figure, in the same order: counts, amounts, years, times, written with digits
(thousands and decimal separators of any convention read as one value: "40,000" / "40.000").

A pair of articles in two languages is a translation when either

* their figure sequences align over at least ``min_figures_alone`` figures covering
  ``figures_cover_alone`` of the longer sequence, and their gists are not unrelated (cosine at
  least ``gist_floor``): the same long run of figures in the same order is not found in two
  independent reports; or
* their gists are close (cosine at least ``gist_close``) and their figures agree: at least
  ``min_figures`` aligned covering ``figures_cover`` of the shorter sequence and
  ``figures_cover_long`` of the longer (a translation renders every figure and adds none: two
  reports of one event share the toll, the time and the distance of their leads, and each
  tells figures the other does not), or, when the shorter has fewer than ``min_figures``
  figures, gists at least ``gist_same``.

Measured on MEANTIME (120 English articles and their Spanish, Italian and Dutch translations):
360 of 360 translations found (348 when first measured; a dateline's two-digit year,
"09-Jun-08", counts as its full year); 10 of 5,000 sampled pairs of different articles of one
topic in two languages taken for translations; on the multilingual stories set, no pair of
independent reports of one event (bench/multilingual.py). Covering the longer sequence too
(session 13) loses no MEANTIME translation (360 of 360: a translation whose direct link falls
is linked through another of its language versions) and no longer takes ten short
reports of one invented strike, written apart in eight languages, for translations of each
other.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import LCSseq

from ..annotate.gist import SentenceEncoder, unpack
from ..model import Article
from ..stories.features import digit_figures
from ..tuning import TranslationParams

__all__ = ["TranslationParams", "sentences_agree", "translation_pairs"]


def translation_pairs(
    articles: Sequence[Article], params: TranslationParams | None = None
) -> list[tuple[int, int, float]]:
    """Return (i, j, score) for each pair i < j of ``articles`` in two different (known)
    languages that is a translation; ``score`` is the aligned share of the shorter figure
    sequence (the gists' cosine when it has too few figures). Each article is compared with its
    ``params.candidates`` articles of nearest gist in other languages (a translation's gist is
    among the nearest: median cosine 0.87 on MEANTIME), so a story of thousands of articles
    costs thousands of comparisons, not millions."""
    params = params or TranslationParams()
    gists = [unpack(a.annotations.gist) for a in articles]
    usable = [i for i, a in enumerate(articles) if a.language and gists[i] is not None]
    if len({articles[i].language for i in usable}) < 2:
        return []
    matrix = np.stack([gists[i] for i in usable])  # type: ignore[misc]
    languages = np.asarray([articles[i].language for i in usable])
    figures = {i: digit_figures(articles[i].text) for i in usable}
    pairs: set[tuple[int, int]] = set()
    for x in range(len(usable)):
        cosine = matrix @ matrix[x]
        cosine[languages == languages[x]] = -2.0  # same language: never a translation
        for y in np.argsort(-cosine, kind="stable")[: params.candidates]:
            if cosine[y] >= params.gist_floor:
                pairs.add((min(x, int(y)), max(x, int(y))))
    found = []
    for x, y in sorted(pairs):
        i, j = usable[x], usable[y]
        score = _score(float(matrix[x] @ matrix[y]), figures[i], figures[j], params)
        if score is not None:
            found.append((i, j, round(score, 3)))
    return found


def _score(cosine: float, a: list[str], b: list[str], params: TranslationParams) -> float | None:
    if cosine < params.gist_floor:
        return None
    short, long_ = sorted((len(a), len(b)))
    aligned = LCSseq.similarity(a, b) if short else 0
    if aligned >= params.min_figures_alone and aligned >= params.figures_cover_alone * long_:
        return aligned / short
    if cosine < params.gist_close:
        return None
    if short >= params.min_figures:
        ok = aligned >= params.min_figures and aligned >= params.figures_cover * short
        ok = ok and aligned >= params.figures_cover_long * long_
        return aligned / short if ok else None
    return cosine if cosine >= params.gist_same else None


def sentences_agree(
    a: Article, b: Article, encoder: SentenceEncoder, params: TranslationParams | None = None
) -> bool:
    """Return True when ``a`` and ``b`` say their sentences alike, as a translation says each
    sentence of its original again: at least ``params.sentences_matched`` of the first
    ``params.sentences`` sentences of four words or more of the one with fewer have a sentence
    of the other, or two of its sentences in a row (a translation may cut a sentence in two),
    at least ``params.sentence_close`` close (the multilingual sentence encoder). Two reports of
    one event written apart share their figures and their lead's facts, not their sentences.
    True when either has no such sentence (nothing to tell them apart by)."""
    params = params or TranslationParams()
    ta, tb = _sentences(a, params), _sentences(b, params)
    if not ta or not tb:
        return True
    if len(ta) > len(tb):
        ta, tb = tb, ta
    va = encoder.encode(ta)
    vb = encoder.encode(tb + [f"{x} {y}" for x, y in zip(tb, tb[1:], strict=False)])
    best = (va @ vb.T).max(axis=1)
    return float((best >= params.sentence_close).mean()) >= params.sentences_matched


def _sentences(article: Article, params: TranslationParams) -> list[str]:
    texts = [article.text[s.start : s.end].strip() for s in article.annotations.sentences]
    return [t for t in texts if len(t.split()) >= 4][: params.sentences]
