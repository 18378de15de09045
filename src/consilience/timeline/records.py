"""The dated clause, one article's telling of one dated event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import (
    Precision,
)

if TYPE_CHECKING:  # pragma: no cover
    pass


@dataclass(frozen=True, slots=True)
class DatedClause:
    """One dated event as one article tells it.

    ``date``/``precision`` are the resolved date (after the future-weekday correction);
    ``mention`` the date mention span; ``sentence`` the sentence span (the evidence);
    ``clause`` the span from the first to the last word of ``text``; ``text`` the clause
    trimmed to subject, verb and object; ``keys`` what grouping compares (entity and word
    keys); ``families`` the families of its event words; ``places`` the gazetteer ids of the
    places it names; ``edge`` whether the date sits at the edge of two days ("Thursday
    night"); ``anchor`` the preposition that ties the date to the event where it matters
    ("since", "by", "until"), else "on"; ``event_words`` the keys of its event words
    (not counted as participants).
    """

    article: str
    date: str
    precision: Precision
    mention: tuple[int, int]
    phrase: str
    sentence: tuple[int, int]
    clause: tuple[int, int]
    text: str
    keys: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    edge: bool = False
    relative: bool = False
    published: str | None = None
    anchor: str = "on"
    event_words: frozenset[str] = frozenset()
