"""The English vocabulary a misspelling is checked against."""

from __future__ import annotations

import json
from collections.abc import Container
from functools import lru_cache
from pathlib import Path

from ..settings import DEFAULT_SPACY_MODEL


@lru_cache(maxsize=4)
def english_vocabulary(model: str = DEFAULT_SPACY_MODEL) -> frozenset[str] | None:
    """Return a set of lower-case English words: the spaCy model package's vocabulary strings
    and its lemmatizer's WordNet index and exceptions (a run passes ``Settings.spacy_model``).
    None when the package is missing."""
    try:
        import spacy.util
        import srsly

        root = Path(spacy.util.get_package_path(model))
    except Exception:
        return None
    words: set[str] = set()
    for strings in root.rglob("vocab/strings.json"):
        words.update(w for w in json.loads(strings.read_text("utf-8")) if w.isalpha())
    for lookups in root.rglob("lemmatizer/lookups/lookups.bin"):
        tables = srsly.msgpack_loads(lookups.read_bytes())
        for values in tables.get("lemma_index", {}).values():
            words.update(values)
        for table in tables.get("lemma_exc", {}).values():
            words.update(table)
    words = {w for w in words if isinstance(w, str) and w.islower()}
    return frozenset(words) if words else None


def known_word(word: str, vocabulary: Container[str]) -> bool:
    """Return True when ``word`` (lower case) is in ``vocabulary``, directly or once a regular
    English ending is taken off ("rampaging" -> "rampage", "belligerents" -> "belligerent")."""
    if word in vocabulary:
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("est", ""),
        ("'s", ""),
        ("s'", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem in vocabulary:
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in vocabulary:
                return True  # doubled consonant: "stopped" -> "stop"
    return False


def _one_edit_inside(word: str, vocabulary: Container[str]) -> str | None:
    """Return a known word one transposition, or one deletion inside the word (not at its
    end, where inflections live), away from ``word``; None when there is none. Missing letters
    are not tried: too many rare words ("funders") lie one letter short of a common one."""
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped in vocabulary:
            return swapped
    for i in range(1, len(word) - 1):
        deleted = word[:i] + word[i + 1 :]
        if len(deleted) >= 4 and deleted in vocabulary:
            return deleted
    return None
