"""Grouping dated clauses across articles into events, and date conflicts."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..model import (
    Claim,
)

if TYPE_CHECKING:  # pragma: no cover
    pass
from .lexicons import _KNOWN_FAMILIES
from .params import (
    CLAIM_BONUS,
    CONFLICT_EVENT,
    COPY,
    FAMILY_WEIGHT,
    NAME_WEIGHT,
    NEAR_DAYS,
    SAME_EVENT,
)
from .records import DatedClause


def _date_relation(a: DatedClause, b: DatedClause) -> str:
    """ "same" (equal, or one inside the other), "edge" (next days, one a night), "near"
    (days at most NEAR_DAYS apart) or "far"."""
    if a.date == b.date:
        return "same"
    if a.date.startswith(b.date) or b.date.startswith(a.date):
        return "same"
    if a.precision != "day" or b.precision != "day":
        return "far"
    gap = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
    if gap == 1 and (a.edge or b.edge):
        return "edge"
    return "near" if gap <= NEAR_DAYS else "far"


def _weights(clauses: Sequence[DatedClause]) -> dict[str, float]:
    """Inverse document frequency of every key over the story's clauses."""
    df = Counter(k for c in clauses for k in c.keys | {"f:" + f for f in c.families})
    n = len(clauses)
    weights = {k: math.log(1 + n / d) for k, d in df.items()}
    for k in weights:
        if k.startswith("f:"):
            weights[k] *= FAMILY_WEIGHT
    return weights


def _all_keys(c: DatedClause) -> list[str]:
    """The clause's keys and family keys, sorted (sums in a fixed order are reproducible)."""
    return sorted(c.keys | {"f:" + f for f in c.families})


def _similarity(a: DatedClause, b: DatedClause, weights: Mapping[str, float]) -> float:
    """Weighted Dice overlap of two clauses' keys (families included)."""
    ka, kb = _all_keys(a), _all_keys(b)
    total = sum(weights[k] for k in ka) + sum(weights[k] for k in kb)
    if not total:
        return 0.0
    return 2 * sum(weights[k] for k in sorted(set(ka) & set(kb))) / total


def _participants(c: DatedClause) -> dict[str, float]:
    """The clause's keys less its event words, names counting double, in key order."""
    return {k: (NAME_WEIGHT if k[0] in "neg" else 1.0) for k in sorted(c.keys - c.event_words)}


def _shared_participants(a: DatedClause, b: DatedClause, weights: Mapping[str, float]) -> float:
    """How much of the smaller clause's participants (names, things, figures) the other
    shares, weighted by rarity: 1.0 when one clause's participants are all in the other."""
    pa, pb = _participants(a), _participants(b)
    wa = sum(weights[k] * f for k, f in pa.items())
    wb = sum(weights[k] * f for k, f in pb.items())
    if not wa or not wb:
        return 0.0
    return sum(weights[k] * pa[k] for k in sorted(pa.keys() & pb.keys())) / min(wa, wb)


def _claim_links(clauses: Sequence[DatedClause], claims: Sequence[Claim]) -> list[set[str]]:
    """For each clause, the ids of the claims whose evidence overlaps its clause span."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for claim in claims:
        for ev in claim.evidence:
            spans.setdefault(ev.article, []).append((ev.start, ev.end, claim.id))
    return [
        {
            cid
            for start, end, cid in spans.get(c.article, ())
            if start < c.clause[1] and c.clause[0] < end
        }
        for c in clauses
    ]


def _figures(c: DatedClause) -> frozenset[str]:
    return frozenset(k for k in c.keys if k.startswith("d:"))


def _names(c: DatedClause) -> frozenset[str]:
    return frozenset(k for k in c.keys if k[0] in "neg")


def _pair(
    a: DatedClause, b: DatedClause, weights: Mapping[str, float], linked: bool
) -> tuple[float, str] | None:
    """(score, date relation) of two clauses that may be one event, or None when they cannot.

    On one date: with a shared event family, the shared participants; with a shared family
    of the lexicon (other than speech) or shared participants, the overlap of all keys too
    ("it rained since Sunday", "the rain began on March 9" share only the event); else the
    overlap of all keys when it is high (a copy, a close rewrite). On two days: the same
    event family, a shared name (who, where), the same anchor ("since" is not "on"), no
    disjoint places or figures, then the shared participants.
    """
    family = bool(a.families & b.families)
    if not (family or linked or a.keys & b.keys):
        return None  # nothing in common: no score (a pair on one date still may share a group)
    relation = _date_relation(a, b)
    if relation == "far":
        return None
    shared = _shared_participants(a, b, weights) if family else 0.0
    bonus = CLAIM_BONUS if linked else 0.0
    if relation == "same":
        dice = _similarity(a, b, weights)
        known = (a.families & b.families & _KNOWN_FAMILIES) - {"speak"}
        return max(shared, dice if known or shared or dice >= COPY else 0.0) + bonus, relation
    if a.article == b.article or not family:
        return None
    if relation == "near" and not _names(a) & _names(b) and not linked:
        return None  # one event on two days must share a name: who or where it happened
    if a.places and b.places and not a.places & b.places:
        return None
    if _figures(a) and _figures(b) and not _figures(a) & _figures(b):
        return None  # "rose to three" and "rose to four" are two steps, not one event
    if relation == "near" and a.anchor != b.anchor:
        return None
    return shared + bonus, relation


def _candidate_pairs(clauses: Sequence[DatedClause]) -> Iterator[tuple[int, int]]:
    """Each pair (i < j) of clauses whose dates may be one event's, once: days at most
    NEAR_DAYS apart, or a month or year and anything inside it. A long story is never
    compared all pairs against all."""
    days = sorted(
        (date.fromisoformat(c.date).toordinal(), i)
        for i, c in enumerate(clauses)
        if c.precision == "day"
    )
    for x, (day, i) in enumerate(days):
        for other_day, j in days[x + 1 :]:
            if other_day - day > NEAR_DAYS:
                break
            yield min(i, j), max(i, j)
    by_year: dict[str, list[int]] = {}
    for i, c in enumerate(clauses):
        by_year.setdefault(c.date[:4], []).append(i)
    for i, c in enumerate(clauses):
        if c.precision == "day":
            continue
        for j in by_year[c.date[:4]]:
            other = clauses[j]
            if (
                (other.precision == "day" or i < j)
                and (other.date.startswith(c.date) or c.date.startswith(other.date))
                and i != j
            ):
                yield min(i, j), max(i, j)


def _pair_scores(
    clauses: Sequence[DatedClause], links: Sequence[set[str]]
) -> dict[tuple[int, int], tuple[float, str]]:
    """Score and date relation of every pair of clauses that may be one event."""
    weights = _weights(clauses)
    scores = {}
    for i, j in _candidate_pairs(clauses):
        found = _pair(clauses[i], clauses[j], weights, bool(links[i] & links[j]))
        if found is not None:
            scores[(i, j)] = found
    return scores


def _may_merge(
    clauses: Sequence[DatedClause],
    first: list[int],
    second: list[int],
    scores: Mapping[tuple[int, int], tuple[float, str]],
) -> bool:
    """Whether two groups may become one event: every cross pair may be one event (a pair
    with nothing in common only when on one date), no article gives it two dates, the mean
    cross score is at least half the threshold, and pairs on different days overlap as much
    as a conflict needs."""
    total = 0.0
    apart: list[float] = []
    for i in first:
        for j in second:
            a, b = clauses[i], clauses[j]
            pair = scores.get((min(i, j), max(i, j)))
            if pair is None:
                if _date_relation(a, b) != "same":
                    return False
                pair = (0.0, "same")
            score, relation = pair
            if a.article == b.article and a.date != b.date:
                return False
            total += score
            if relation == "near":
                apart.append(score)
    if total / (len(first) * len(second)) < SAME_EVENT / 2:
        return False
    return not apart or sum(apart) / len(apart) >= CONFLICT_EVENT


def _group(clauses: Sequence[DatedClause], claims: Sequence[Claim]) -> list[list[int]]:
    """Groups of clause indexes that are one event, joined from the best pair down."""
    scores = _pair_scores(clauses, _claim_links(clauses, claims))
    owner = list(range(len(clauses)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(clauses))}
    for (i, j), (score, relation) in sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if score < (CONFLICT_EVENT if relation == "near" else SAME_EVENT):
            continue
        gi, gj = owner[i], owner[j]
        if gi == gj or not _may_merge(clauses, groups[gi], groups[gj], scores):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        groups[keep] = sorted(groups[keep] + groups.pop(gone))
        for k in groups[keep]:
            owner[k] = keep
    return [groups[k] for k in sorted(groups)]
