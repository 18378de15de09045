"""Links between articles whose neighbourhoods agree, and groups grown from the strongest links.

Two reports of one event have the same nearest articles; two events of one kind (two
earthquakes) share some words with each other but each has its own close neighbours. So an
article's neighbourhood is itself plus its nearest articles, weighted by similarity, and two
articles are linked by the cosine of their neighbourhoods (second-order similarity) when it
reaches the edge floor.

Groups then merge, strongest first, while the links between two groups summed and divided by
the size of the smaller group reach the link threshold: a lone article joins a group through
its own links, and two halves of a large story merge through the many links between them, so
a story of thousands of articles does not fall apart as an average over all pairs would.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date


def second_order(
    near: Sequence[Sequence[tuple[int, float]]], floor: float, hub: int
) -> dict[tuple[int, int], float]:
    """Return {(i, j): weight} for i < j whose neighbourhoods' cosine is at least ``floor``.

    Article i's neighbourhood is {i: 1} plus its ``near[i]``. Pairs are found through the
    articles that both neighbourhoods hold; an article held by more than ``hub``
    neighbourhoods counts only for the ``hub`` that weigh it most.
    """
    rows = [{i: 1.0, **dict(near[i])} for i in range(len(near))]
    holders: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, row in enumerate(rows):
        for m, w in row.items():
            holders[m].append((w, i))
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for held in holders.values():
        held.sort(key=lambda wi: (-wi[0], wi[1]))
        held = held[:hub]
        for a in range(len(held)):
            wa, i = held[a]
            for b in range(a + 1, len(held)):
                wb, j = held[b]
                dots[(i, j) if i < j else (j, i)] += wa * wb
    norms = [math.sqrt(sum(w * w for w in row.values())) for row in rows]
    edges = {}
    for (i, j), dot in sorted(dots.items()):
        weight = dot / (norms[i] * norms[j])
        if weight >= floor:
            edges[(i, j)] = weight
    return edges


def agglomerate(
    n: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    days: Sequence[int | None] = (),
    max_span: int | None = None,
    events: Sequence[int | None] = (),
    event_lag: int | None = None,
    strongest: float | None = None,
    direct: dict[tuple[int, int], float] | None = None,
) -> list[int]:
    """Return a group label (its lowest member) for each of ``n`` items.

    Groups merge, highest linkage first (ties: lower labels), while linkage >= ``threshold``;
    linkage(A, B) = summed weight of the edges between A and B / min(|A|, |B|). With ``days``
    (each item's publication day, or None) and ``max_span``, two groups never merge when their
    dated items would then lie more than ``max_span`` days apart: reports published two years
    apart are two events, however many undated reports link them.

    With ``events`` (each item's event day, see ``features.event_day``, or None) and
    ``event_lag``, two groups never merge when one's event day (the median of its items'
    event days: one report that dates only an earlier quake it recalls does not move it) lies
    more than ``event_lag`` days after the other's earliest publication day: a report
    published on the 9th cannot tell of a quake of the 19th, and reports published on the
    19th cannot tell of a quake of the 23rd (another one of the same kind, however alike the
    words). An event day given as -(100 * month + day) has no year: it is read in the year
    that puts it nearest the other group's earliest publication day.

    With ``strongest`` and ``direct`` (the first-order similarity of linked pairs), two groups
    merge only when some linked pair between them is that similar itself: a lone report of
    another event, weakly similar to many reports of a big story (0.06-0.08 each) and so
    linked to several of them through the neighbours they share, whose links add up past the
    threshold, stays apart.
    """
    span: list[tuple[int, int] | None] = [
        (d, d) if d is not None else None for d in (days or [None] * n)
    ]
    event_days: list[list[int]] = [[e] if e is not None else [] for e in events or [None] * n]
    if event_lag is not None and events:
        edges = {
            (i, j): w
            for (i, j), w in edges.items()
            if not (
                _after(event_days[j], span[i], event_lag)
                or _after(event_days[i], span[j], event_lag)
            )
        }
    adj: list[dict[int, float]] = [{} for _ in range(n)]
    # the first-order similarity of the most similar linked pair between two groups
    top: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), w in edges.items():
        adj[i][j] = w
        adj[j][i] = w
        near = direct.get((i, j), 0.0) if direct is not None else w
        top[i][j] = near
        top[j][i] = near
    size = [1] * n
    label = list(range(n))
    version = [0] * n
    heap = [(-w, i, j, 0, 0) for (i, j), w in edges.items() if w >= threshold]
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or label[a] != a or label[b] != b:
            continue
        if strongest is not None and top[a].get(b, 0.0) < strongest:
            continue
        joined = _joined(span[a], span[b])
        if max_span is not None and joined is not None and joined[1] - joined[0] > max_span:
            continue
        if event_lag is not None and (
            _after(event_days[b], span[a], event_lag) or _after(event_days[a], span[b], event_lag)
        ):
            continue
        span[a] = joined
        if event_days[b]:
            event_days[a] = sorted(event_days[a] + event_days[b])
            event_days[b] = []
        _merge(adj, size, label, version, a, b, top)
        for c, w in adj[a].items():
            linkage = w / min(size[a], size[c])
            if linkage >= threshold:
                lo, hi = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-linkage, lo, hi, version[lo], version[hi]))
    return [_root(label, i) for i in range(n)]


def _after(events: list[int], span: tuple[int, int] | None, lag: int) -> bool:
    """True when the (lower) median of ``events`` lies more than ``lag`` days after the first
    day of ``span``."""
    if not events or span is None:
        return False
    days = sorted(e if e > 0 else _nearest_year(e, span[0]) for e in events)
    return days[(len(days) - 1) // 2] - span[0] > lag


def _nearest_year(event: int, day: int) -> int:
    """Return the ordinal of the yearless ``event`` (-(100 * month + day)) in the year that
    puts it nearest the ordinal ``day``."""
    month, dom = divmod(-event, 100)
    year = date.fromordinal(day).year
    best = day
    gap = None
    for y in (year - 1, year, year + 1):
        try:
            when = date(y, month, dom).toordinal()
        except ValueError:
            continue
        if gap is None or abs(when - day) < gap:
            best, gap = when, abs(when - day)
    return best


def _joined(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _merge(
    adj: list[dict[int, float]],
    size: list[int],
    label: list[int],
    version: list[int],
    a: int,
    b: int,
    top: list[dict[int, float]] | None = None,
) -> None:
    """Fold group b into group a (a < b): sizes add, links to third groups add (their
    strongest edges, in ``top``, are the stronger of the two)."""
    for c, w in adj[b].items():
        if c == a:
            continue
        adj[a][c] = adj[a].get(c, 0.0) + w
        del adj[c][b]
        adj[c][a] = adj[a][c]
        if top is not None:
            top[a][c] = max(top[a].get(c, 0.0), top[b][c])
            del top[c][b]
            top[c][a] = top[a][c]
    adj[a].pop(b, None)
    adj[b] = {}
    if top is not None:
        top[a].pop(b, None)
        top[b] = {}
    size[a] += size[b]
    label[b] = a
    version[a] += 1
    version[b] += 1


def _root(label: list[int], i: int) -> int:
    while label[i] != i:
        label[i] = label[label[i]]
        i = label[i]
    return i
