"""What the flags are and the weights and thresholds that raise them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FLAG_KINDS = (
    "copy",
    "rewrite",
    "translation",
    "machine_translation",
    "unsupported_content",
    "low_quality",
)


@dataclass(frozen=True, slots=True)
class FlagParams:
    """Weights and thresholds (chosen on the labelled set tests/data/flags, see bench/flags.py)."""

    translation_threshold: float = 3.0
    translation_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "function_word": 1.0,
            "number_format": 1.0,
            "decimal_comma": 1.0,
            "french_spacing": 0.5,
            "this_weekday": 0.5,
            "article_country": 1.0,
            "foreign_place_name": 1.0,
            "name_diacritics": 1.0,
            "foreign_sentence": 1.0,
        }
    )
    quality_rate: float = 4.0  # signals per 1,000 words
    quality_min: int = 3  # and at least this many signals
    unsupported_support: float = 0.6  # a section whose keys others carry less than this
    unsupported_share: float = 0.2  # of the article's characters
    unsupported_sentences: int = 5
    unsupported_signs: int = 2  # padding signs of distinct kinds
    max_spans: int = 40


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence: its kind, where it is (cleaned-text offsets) and what it reads."""

    kind: str
    start: int
    end: int
    text: str
