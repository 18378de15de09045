"""Sources: which articles of a story are independent, and which copy, rewrite or translate
another one (runs before the claims, which count an article and its copies once).

``find_sources(articles)`` returns one ``Source`` per independent origin
(``consilience.sources.independence``: copies, rewrites, wire credits);
``translation_pairs(articles)`` finds one report told in two languages
(``consilience.sources.translations``).
"""

from __future__ import annotations

from .independence import (
    IndependenceParams,
    Link,
    agency_of,
    find_links,
    find_sources,
    traced_origin,
)
from .translations import TranslationParams, translation_pairs

__all__ = [
    "IndependenceParams",
    "Link",
    "TranslationParams",
    "agency_of",
    "find_links",
    "find_sources",
    "traced_origin",
    "translation_pairs",
]
