"""What the flags are; the weights and thresholds that raise them (``FlagParams``) are in
``consilience.tuning``."""

from __future__ import annotations

from dataclasses import dataclass

from ..tuning import FlagParams

__all__ = ["FLAG_KINDS", "FlagParams", "Signal"]

FLAG_KINDS = (
    "copy",
    "rewrite",
    "translation",
    "machine_translation",
    "unsupported_content",
    "low_quality",
)


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence: its kind, where it is (cleaned-text offsets) and what it reads."""

    kind: str
    start: int
    end: int
    text: str
