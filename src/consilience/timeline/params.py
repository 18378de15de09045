"""Thresholds and weights of the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    pass


SAME_EVENT = 0.30  # weighted overlap for two clauses on compatible dates to be one event
CONFLICT_EVENT = 0.35  # ... for clauses on different days (a date conflict), plus a family
NEAR_DAYS = 7  # two days further apart than this are never one event
CLAIM_BONUS = 0.4  # two clauses that are evidence of one claim
MAX_WORDS = 30  # an event text longer than this is cut
FAMILY_WEIGHT = 0.5  # an event family key weighs this much of a rare word
NAME_WEIGHT = 2.0  # a name (entity) weighs this much more than a word in shared participants
COPY = 0.5  # Dice overlap of all keys above which two clauses on one date are one event
