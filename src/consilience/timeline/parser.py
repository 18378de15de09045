"""The spaCy parser the clauses are cut with."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..settings import DEFAULT_SPACY_MODEL

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc


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


# The parses of the last articles' dated sentences, by model and sentences: a copy of an article
# (a wire story run by several outlets, a repost) is parsed once per process.
_PARSED: OrderedDict[tuple[int, tuple[str, ...]], list[Doc]] = OrderedDict()
PARSED_KEPT = 512


def parse_sentences(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """The Docs of ``texts`` (one article's dated sentences), parsed in one batch by ``nlp``;
    the same sentences given again are not parsed again: the Docs of that batch are returned
    (the same parse, as spaCy gives the same Docs for the same batch)."""
    key = (id(nlp), tuple(texts))
    docs = _PARSED.get(key)
    if docs is None:
        docs = list(nlp.pipe(texts))
        _PARSED[key] = docs
        if len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(key)
    return docs
