"""Claims: the facts a story's articles state, aligned across articles, then judged.

``extract_claims(articles, entities)`` returns one ``ClaimCandidate`` per fact each article
states (a sentence, or the clause around a figure), each with its attribution and stance, with
``group`` set so that candidates reporting the same fact share a group (see ``align``).
The verdicts come after, in ``consilience.verdicts`` (``analyze_story(articles, entities,
sources)`` returns the story's ``Claim`` records). How it works: docs/claims.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Article, Entity, Source

if TYPE_CHECKING:  # pragma: no cover
    from ..annotate.gist import SentenceEncoder
    from ..gazetteer import Gazetteer
from . import lexicon
from .align import AlignParams, align
from .clock import on_one_clock
from .extract import article_candidates, unread_alone
from .keys import EntityKeys
from .records import ClaimCandidate, EventDate, Figure
from .support import by_support
from .translations import through_originals

__all__ = [
    "AlignParams",
    "ClaimCandidate",
    "EventDate",
    "Figure",
    "extract_claims",
]


def extract_claims(
    articles: Sequence[Article],
    entities: Sequence[Entity] = (),
    params: AlignParams | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    encoder: SentenceEncoder | None = None,
    sources: Sequence[Source] = (),
) -> list[ClaimCandidate]:
    """Return the claim candidates of ``articles`` (in article-id order, then text order),
    each with ``group`` set: candidates of one group report the same fact.

    ``entities`` are the story's resolved entities; when given, a mention of one of them is
    keyed by its entity id, so spellings the resolution joined compare equal. ``gazetteer``
    (a ``consilience.gazetteer.Gazetteer``, the run's) places towns in their country; without
    it places stay without a country (and give no place conflict). ``encoder`` (the run's
    multilingual sentence encoder) aligns statements across languages by meaning; without it
    they align by shared entities, words and days only; ``sources`` (the story's) tell which
    articles translate another: their statements are not embedded, and their figures are
    read through the original's (``translations.through_originals``). A group of statements
    keeps only the members that state what its assertion states (``support``); the others
    become claims of their own.
    """
    keys = EntityKeys(entities, gazetteer)
    candidates: list[ClaimCandidate] = []
    for article in sorted(articles, key=lambda a: a.id):
        candidates.extend(article_candidates(article, keys))
    candidates = on_one_clock(candidates)
    meanings = None
    if encoder is not None:
        translated = {a for s in sources for a, rel, _ in s.relations if rel == "translation"}
        meanings = _meanings(candidates, encoder, translated)
    grouped = through_originals(align(candidates, params, meanings), articles, sources)
    return unread_alone(by_support(grouped), sources)


# A sentence longer than this tells several facts: one vector for all of them says none well.
_MEANING_WORDS = 40
# Statements embedded per article at most, in text order (the facts a story is told with come
# first): the encoder's cost stays bounded by the number of articles.
_MEANING_PER_ARTICLE = 20


def _meanings(
    candidates: Sequence[ClaimCandidate], encoder: SentenceEncoder, translated: set[str]
) -> dict[str, np.ndarray]:
    """Return candidate id -> sentence vector for the statements of a story told in several
    languages ({} otherwise: one language aligns by its words), leaving out translations of
    another article of the story (they count with it as one source), sentences of more than
    ``_MEANING_WORDS`` words, and an article's statements after its first
    ``_MEANING_PER_ARTICLE``; each distinct text is embedded once."""
    statements = []
    per_article: dict[str, int] = {}
    for c in candidates:
        if c.kind != "statement" or c.article in translated:
            continue
        if c.unread and (c.language or "en") == "en":
            # an English sentence naming no event the lexicon reads aligns as a near repeat
            # of another report's sentence only: paired by meaning alone with a sentence of
            # another language, it was as often another fact ("pray" / "we are mobilised")
            continue

        if len(c.text.split()) > _MEANING_WORDS:
            continue
        seen = per_article.get(c.article, 0)
        if seen >= _MEANING_PER_ARTICLE:
            continue
        per_article[c.article] = seen + 1
        statements.append(c)
    if len({c.language for c in statements}) < 2:
        return {}
    told = {c.id: meaning_text(c) for c in statements}
    texts = sorted(set(told.values()))
    vectors = encoder.encode(texts)
    row = {t: i for i, t in enumerate(texts)}
    return {c.id: vectors[row[told[c.id]]] for c in statements}


# Words at most before the source of a sentence it opens ("La agencia X apunta que ...").
_MEANING_OPENING = 3


@functools.lru_cache(maxsize=32)
def _reported(language: str | None) -> re.Pattern[str]:
    """Return the pattern of a source's verb, up to three words (none when the verb opens the
    sentence: "وقال X إن"), and the word of ``language`` joining what it reports
    (``data/reported.json``: "reports that", "apunta que", "ha detto che"), right after the
    source; English's words for a language with none."""
    data = lexicon.language_words("reported")
    words = data.get((language or "en").split("-")[0].lower()) or data["en"]
    joint = lexicon.word_alternation(words)
    return re.compile(rf"\s*(?:(?:\w+\s+){{0,2}}?\w+,?\s+)?(?:{joint})(?!\w)\s*", re.IGNORECASE)


# A live report's time stamp before its entry ("23.13 - ", "22:57 — "): no part of its fact.
_STAMP = re.compile(r"^\s*\d{1,2}[.:h]\d{2}\s*[-\u2013\u2014:]\s+")
# What is left of a sentence once its source's clause is cut must still say something.
_MEANING_REST = 4


# Words a source's verb may take between the source and the comma that closes its clause.
_MEANING_VERB = 3


def meaning_text(c: ClaimCandidate) -> str:
    """Return what a statement states, for its sentence vector: its text without a live
    report's time stamp and without the clause naming who said it, when that clause opens or
    closes the sentence behind a comma ("Secondo l'agenzia X, il ponte è crollato", "...,
    a déclaré le maire."): two reports of one fact by two
    sources read alike only once their sources are left out. A denial keeps its verb."""
    text = c.text
    attr = c.attribution
    if attr is not None and c.start <= attr.source_start < attr.source_end <= c.end:
        lo, hi = attr.source_start - c.start, attr.source_end - c.start
        head = text.rfind(",", 0, lo)
        tail = text.find(",", hi)
        # the comma closes the source's clause: no more than its verb between them ("Secondo
        # l'agenzia X, ...", "X said, ..."), not a comma deep in what it says
        closes = tail >= 0 and len(text[hi:tail].split()) <= _MEANING_VERB
        opens = head >= 0 and len(text[head + 1 : lo].split()) <= _MEANING_VERB
        if head < 0 and closes and len(text[tail + 1 :].split()) >= _MEANING_REST:
            text = text[tail + 1 :]
            at = text.lower().find(attr.cue.lower()) if attr.cue else -1
            if c.stance == "denied" and 0 <= at and len(text[:at].split()) <= 6:
                # "El portavoz, el coronel X, negó que ...": the apposition goes with its
                # source, the denial's verb stays
                text = text[at:]
        elif tail < 0 and opens and len(text[:head].split()) >= _MEANING_REST:
            text = text[:head]
        elif head < 0 and attr.cue and len(text[:lo].split()) <= _MEANING_OPENING:
            # "X reports that ...", "l'agència X apunta que ...": the source and its verb open
            # the sentence, what they report follows the word that joins it
            said = _reported(c.language).match(text, hi)
            verb = text[:lo] + (said.group(0) if said is not None else "")
            if said is not None and attr.cue.lower() in verb.lower():
                # a denial keeps its verb: what it states is that the rest did not happen
                # ("denied that the army struck" / "negó que sus tropas atacaran")
                rest = text[hi if c.stance == "denied" else said.end() :]
                if len(rest.split()) >= _MEANING_REST:
                    text = rest
    return _STAMP.sub("", text).strip() or c.text
