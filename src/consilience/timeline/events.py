"""Timeline events from groups of clauses (``build_timeline``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Precision,
    Ref,
    TimelineEvent,
    inside,
    unsupported_spans,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
from .dated import dated_clauses, parse_story
from .grouping import _claim_links, _group, _similarity, _weights
from .parser import load_parser
from .records import DatedClause


def _event(
    clauses: Sequence[DatedClause],
    members: list[int],
    claims: Sequence[Claim],
    ranks: Mapping[str, int],
    weights: Mapping[str, float],
) -> TimelineEvent:
    """One timeline entry from a group of clauses."""
    group = sorted(
        (clauses[i] for i in members), key=lambda c: (ranks.get(c.article, 0), c.mention)
    )
    value, precision = _group_date(group)
    conflict = _conflict(group, ranks)
    text = _claim_text(group, claims) or _central(group, value, weights, ranks).text
    evidence = tuple(dict.fromkeys(Ref(c.article, *c.sentence) for c in group))
    return TimelineEvent(value, precision, text, evidence, conflict)


def _group_date(group: Sequence[DatedClause]) -> tuple[str, Precision]:
    """The date most articles give (the finest where one contains the other; the earliest on
    a tie)."""
    per_article: dict[str, DatedClause] = {}
    for c in group:
        best = per_article.get(c.article)
        if best is None or len(c.date) > len(best.date):
            per_article[c.article] = c
    finest = max(len(c.date) for c in per_article.values())
    votes = Counter(c.date for c in per_article.values() if len(c.date) == finest)
    value = min(votes, key=lambda d: (-votes[d], d))
    precision = next(c.precision for c in group if c.date == value)
    return value, precision


def _conflict(group: Sequence[DatedClause], ranks: Mapping[str, int]) -> Conflict | None:
    """A date conflict when articles give the event days that are not the same (nor two sides
    of one night)."""
    first: dict[str, DatedClause] = {}
    for c in group:
        first.setdefault(c.article, c)
    days = sorted({c.date for c in first.values() if c.precision == "day"})
    if len(days) < 2:
        return None
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
    edges = any(c.edge for c in first.values())
    if span <= 1 and edges:
        return None
    values = tuple(
        ConflictValue(c.article, c.date, *c.mention)
        for c in sorted(first.values(), key=lambda c: (c.date, ranks.get(c.article, 0)))
        if c.precision == "day"
    )
    return Conflict("date", values, _why(first.values()))


def _why(clauses: Iterable[DatedClause]) -> str:
    """Say in words which article gives which date, and from which expression."""
    parts = []
    for c in sorted(clauses, key=lambda c: (c.date, c.article)):
        how = f'"{c.phrase}"'
        if c.relative and c.published:
            how += f", counted from its publication date {c.published}"
        parts.append(f"{c.date} in article {c.article} ({how})")
    return "The articles give this event different dates: " + "; ".join(parts) + "."


def _own_claims(
    clauses: Sequence[DatedClause], groups: Sequence[list[int]], claims: Sequence[Claim]
) -> dict[int, list[Claim]]:
    """{group index: the claims that overlap clauses of that group only}: a claim whose
    evidence spans two events (a sentence that tells both) names neither."""
    links = _claim_links(clauses, claims)
    where: dict[str, set[int]] = {}
    for n, members in enumerate(groups):
        for i in members:
            for cid in links[i]:
                where.setdefault(cid, set()).add(n)
    out: dict[int, list[Claim]] = {}
    for claim in claims:
        found = where.get(claim.id, set())
        if len(found) == 1:
            out.setdefault(next(iter(found)), []).append(claim)
    return out


def _claim_text(group: Sequence[DatedClause], claims: Sequence[Claim]) -> str | None:
    """The text of the claim whose evidence overlaps the group's clauses most (claim id order
    on a tie), or None."""
    best: tuple[int, str] | None = None
    text = None
    for claim in claims:
        overlap = 0
        for ev in claim.evidence:
            for c in group:
                if ev.article == c.article:
                    overlap += max(0, min(ev.end, c.clause[1]) - max(ev.start, c.clause[0]))
        if overlap and (best is None or (-overlap, claim.id) < best):
            best, text = (-overlap, claim.id), claim.text
    return text


def _central(
    group: Sequence[DatedClause], value: str, weights: Mapping[str, float], ranks: Mapping[str, int]
) -> DatedClause:
    """The clause most like the others of its group, among those giving the group's date."""
    pool = [c for c in group if c.date == value] or list(group)

    def centrality(c: DatedClause) -> float:
        return sum(_similarity(c, o, weights) for o in group if o is not c) / len(group)

    # the most central to one decimal, then not a stub (six words or more), then the first
    return max(
        pool,
        key=lambda c: (
            round(centrality(c), 1),
            min(len(c.text.split()), 6),
            -ranks.get(c.article, 0),
            -c.mention[0],
        ),
    )


def build_timeline(
    articles: Sequence[Article],
    claims: Sequence[Claim] = (),
    entities: Sequence[Entity] = (),
    *,
    nlp: Language | None = None,
) -> tuple[TimelineEvent, ...]:
    """Return the story's timeline: one event per dated happening, ordered by date (a year or
    month before the days inside it), then by its first evidence.

    ``claims`` give the wording of events they overlap and link clauses they share;
    ``entities`` (story entities) make names match across spellings. ``nlp`` is a spaCy model
    with a parser (loaded once when None). Articles are taken earliest-published first (then
    by id), so the result does not depend on the order they are given in.
    """
    if nlp is None:
        nlp = load_parser()
    ordered = sorted(articles, key=lambda a: (a.published.date or "9999", a.id))
    ranks = {a.id: n for n, a in enumerate(ordered)}
    mentions = _entity_mentions(entities)
    clauses: list[DatedClause] = []
    parsed = parse_story(nlp, ordered)
    for article in ordered:
        flagged = unsupported_spans(article)  # content no other report supports: no entry
        clauses.extend(
            c
            for c in dated_clauses(article, nlp, mentions.get(article.id), parsed)
            if not inside(flagged, *c.sentence)
        )
    if not clauses:
        return ()
    weights = _weights(clauses)
    groups = _group(clauses, claims)
    own = _own_claims(clauses, groups, claims)
    events = [
        _event(clauses, members, own.get(n, ()), ranks, weights) for n, members in enumerate(groups)
    ]
    return tuple(
        sorted(
            events,
            key=lambda e: (
                e.date,
                ranks.get(e.evidence[0].article, 0),
                e.evidence[0].start,
                e.text,
            ),
        )
    )


def _entity_mentions(entities: Sequence[Entity]) -> dict[str, dict[tuple[int, int], str]]:
    """{article id: {(start, end): entity id}} from the story's entities."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    for entity in entities:
        for ref in entity.mentions:
            out.setdefault(ref.article, {})[(ref.start, ref.end)] = entity.id
    return out
