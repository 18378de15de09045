"""The spaCy parser the clauses are cut with."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..settings import DEFAULT_SPACY_MODEL

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


@lru_cache(maxsize=2)
def load_parser(model_name: str = DEFAULT_SPACY_MODEL) -> Language | None:
    """Return the spaCy model ``model_name`` (a run passes ``Settings.spacy_model``) with its
    tagger, parser and lemmatizer (no NER), or None when it is not installed (the timeline then
    uses whole sentences)."""
    import spacy

    try:
        return spacy.load(model_name, exclude=["ner"])
    except OSError:
        return None
