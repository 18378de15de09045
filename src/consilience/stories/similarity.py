"""Weighted key vectors, and each article's nearest articles found through an inverted index.

An article's vector joins its four channels: in each, a key weighs (1 + log count) times
log(1 + N / document frequency), the channel is scaled to unit length and then by the square
root of its share, so the dot product of two vectors is the weighted sum of the channels'
cosines. No pair of articles is compared unless they share one of their heaviest keys in an
index whose entries keep only the articles where the key weighs most: the cost grows with the
number of articles times fixed caps, never with the number of pairs.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..annotate.gist import DIM, unpack
from .features import Profile
from .params import Params


@dataclass(frozen=True, slots=True)
class Vectors:
    """Sparse vectors of ``n`` articles: article i's key ids are ``keys[ptr[i]:ptr[i+1]]``
    (sorted) with weights ``vals[...]``; ``size`` is the number of distinct keys."""

    ptr: np.ndarray
    keys: np.ndarray
    vals: np.ndarray
    size: int
    # what each key id is: 2 for a key of what a report is about (a name or a place, a word),
    # 1 for a figure, 0 for a date (``telling``)
    kinds: np.ndarray | None = None

    @property
    def n(self) -> int:
        return len(self.ptr) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the key ids and weights of article ``i``."""
        return self.keys[self.ptr[i] : self.ptr[i + 1]], self.vals[self.ptr[i] : self.ptr[i + 1]]


def vectors(profiles: Iterable[Profile], params: Params) -> tuple[Vectors, list[int | None]]:
    """Return the weighted vectors of ``profiles`` (see the module docstring), each cut to its
    ``params.keep_keys`` heaviest keys, and each profile's publication day (ordinal) or None.

    Profiles are read once and kept only as key ids and counts, so memory stays small.
    """
    channels = [name for name, _ in params.weights]
    shares = np.asarray([share for _, share in params.weights], dtype=np.float64)
    vocab: dict[tuple[int, str], int] = {}
    key_channel = array("b")
    docs, keys, counts = array("q"), array("q"), array("d")
    days: list[int | None] = []
    for n, p in enumerate(profiles):
        bags = p.channels()
        for c, name in enumerate(channels):
            for k, count in bags[name].items():
                kid = vocab.get((c, k))
                if kid is None:
                    kid = vocab[(c, k)] = len(vocab)
                    key_channel.append(c)
                docs.append(n)
                keys.append(kid)
                counts.append(count)
        days.append(p.published.toordinal() if p.published else None)
    channel_of = np.frombuffer(key_channel, dtype=np.int8).astype(np.int64)
    kinds = np.asarray([_KINDS.get(name, 0) for name in channels], dtype=np.int8)
    vec = _weigh(
        np.frombuffer(docs, dtype=np.int64) if docs else np.zeros(0, np.int64),
        np.frombuffer(keys, dtype=np.int64) if keys else np.zeros(0, np.int64),
        np.frombuffer(counts, dtype=np.float64) if counts else np.zeros(0),
        channel_of,
        shares,
        len(days),
        params.keep_keys,
    )
    return replace(vec, kinds=kinds[channel_of] if len(channel_of) else np.zeros(0, np.int8)), days


# What each channel's keys are (``Vectors.kinds``): what a report is about, figures, dates.
_KINDS = {"names": 2, "words": 2, "numbers": 1, "times": 0}


def _weigh(
    docs: np.ndarray,
    keys: np.ndarray,
    counts: np.ndarray,
    key_channel: np.ndarray,
    shares: np.ndarray,
    n: int,
    keep: int,
) -> Vectors:
    """Return the Vectors of (doc, key, count) triples: tf-idf, unit length per channel scaled
    by the root of the channel's share, cut to the ``keep`` heaviest keys per doc."""
    size = len(key_channel)
    df = np.bincount(keys, minlength=size).astype(np.float64)
    weights = (1.0 + np.log(np.maximum(counts, 1.0))) * np.log1p(n / np.maximum(df[keys], 1.0))
    channel = key_channel[keys] if len(keys) else keys
    cell = docs * len(shares) + channel
    norms = np.sqrt(np.bincount(cell, weights=weights * weights, minlength=n * len(shares)))
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = np.where(norms[cell] > 0, weights / norms[cell], 0.0) * np.sqrt(shares[channel])
    # The cut keeps shared keys before keys no other article has: those cannot link an article
    # to anything, and in a small set of reports of one story they outweigh every shared name
    # (their idf is the highest), so keeping them first would leave an article no neighbour.
    alone = df[keys] <= 1
    order = np.lexsort((keys, -weights, alone, docs))
    docs, keys, weights = docs[order], keys[order], weights[order]
    first = np.searchsorted(docs, np.arange(n), side="left")
    kept = (np.arange(len(docs)) - first[docs] < keep) & (weights > 0)
    docs, keys, weights = docs[kept], keys[kept], weights[kept]
    order = np.lexsort((keys, docs))
    docs, keys, weights = docs[order], keys[order], weights[order]
    ptr = np.searchsorted(docs, np.arange(n + 1), side="left")
    return Vectors(ptr.astype(np.int64), keys, weights, size)


@dataclass(frozen=True, slots=True)
class Index:
    """Inverted index: the articles of key k are ``docs[start[k]:start[k+1]]``, heaviest first,
    with the key's weight in each in ``weights``."""

    start: np.ndarray
    docs: np.ndarray
    weights: np.ndarray


def index(vec: Vectors, cap: int) -> Index:
    """Return the inverted index of ``vec``, each key keeping its ``cap`` heaviest articles
    (ties: lower article number)."""
    doc_of = np.repeat(np.arange(vec.n, dtype=np.int64), np.diff(vec.ptr))
    order = np.lexsort((doc_of, -vec.vals, vec.keys))
    keys, docs, vals = vec.keys[order], doc_of[order], vec.vals[order]
    first = np.searchsorted(keys, np.arange(vec.size), side="left")
    rank = np.arange(len(keys)) - first[keys]
    keep = rank < cap
    keys, docs, vals = keys[keep], docs[keep], vals[keep]
    start = np.searchsorted(keys, np.arange(vec.size + 1), side="left")
    return Index(start, docs, vals)


def gist_matrix(
    gists: Sequence[str], languages: Sequence[str | None] = (), shrink: float = 0.0
) -> np.ndarray | None:
    """Return the unpacked gists as unit rows of an (n, 512) float32 array (a zero row for an
    article without one), or None when fewer than two articles have one.

    With ``languages`` and ``shrink`` > 0, each language's mean gist, scaled by
    n / (n + shrink) for its n articles, is taken off its articles' gists before they are
    scaled back to unit length. A multilingual encoder places every text of one language a
    little towards one side (two unrelated Arabic reports score higher than an Arabic and an
    Italian report of one event); taking the language's mean off leaves what the texts say.
    The shrink keeps a language of one or two articles from losing its own content."""
    vectors_ = [unpack(g) for g in gists]
    if sum(v is not None for v in vectors_) < 2:
        return None
    out = np.zeros((len(gists), DIM), dtype=np.float32)
    for i, v in enumerate(vectors_):
        if v is not None:
            out[i] = v
    if languages and shrink > 0:
        has = np.linalg.norm(out, axis=1) > 0
        for lang in sorted({lang for lang in languages if lang}):
            rows = np.asarray([i for i, lg in enumerate(languages) if lg == lang and has[i]])
            if len(rows):
                out[rows] -= out[rows].mean(axis=0) * (len(rows) / (len(rows) + shrink))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out = np.where(norms > 0, out / np.where(norms > 0, norms, 1.0), 0.0).astype(np.float32)
    return out


def gist_candidates(
    gist: np.ndarray, k: int, block: int = 1024, rows: range | None = None
) -> list[np.ndarray]:
    """Return, for each row of ``gist`` (or each of ``rows``, consecutive), the ``k`` other
    rows of highest cosine (above 0), best first (ties: lower number). Rows are compared block
    by block (exact, no index: a matrix product of n x n x 512 costs about a second per 10,000
    articles)."""
    n = len(gist)
    out: list[np.ndarray] = []
    k = min(k, n - 1)
    first, last = (rows.start, rows.stop) if rows is not None else (0, n)
    for start in range(first, last, block):
        sims = gist[start : min(start + block, last)] @ gist.T
        here = np.arange(len(sims))
        sims[here, here + start] = -1.0
        if k <= 0:
            out.extend(np.zeros(0, dtype=np.int64) for _ in here)
            continue
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r in here:
            cand = top[r]
            values = sims[r, cand]
            order = np.lexsort((cand, -values))
            cand = cand[order]
            out.append(cand[values[order] > 0].astype(np.int64))
    return out


def gist_similarity(cosine: np.ndarray, params: Params) -> np.ndarray:
    """Return the gists' cosine read on the scale of the key similarity: 0 at or under
    ``gist_low`` (what two unrelated reports score), 1 at or over ``gist_high``."""
    span = max(params.gist_high - params.gist_low, 1e-6)
    return np.clip((cosine - params.gist_low) / span, 0.0, 1.0)


def neighbours(
    vec: Vectors,
    idx: Index,
    dates: Sequence[int | None],
    params: Params,
    gist: np.ndarray | None = None,
    languages: Sequence[str | None] = (),
    rows: range | None = None,
) -> list[list[tuple[int, float]]]:
    """Return, for each article (or each of ``rows``: each article's neighbours depend on the
    vectors alone, so parts of them can be found apart, ``NeighbourJob``), its nearest articles
    as (article, similarity), most similar first (ties: lower number), at most
    ``params.neighbours`` and each at least ``params.neighbour_floor``. ``dates`` are
    publication days (ordinal) or None.

    Between articles in two languages, the words channel cannot match (a word key carries its
    language), so their key similarity is divided by the share of the other channels: names,
    places, figures and dates are what a translation keeps.

    With ``gist`` (one unit row per article, zero when it has none), an article's candidates
    also include the articles of nearest gist, and for a pair that both have one the similarity
    is ``(1 - gist_weight) * keys + gist_weight * sqrt(keys * gists)``: the geometric mean lets
    the gists raise a pair only as far as its keys agree, so two reports of one event in two
    languages (gists close, a few names and figures shared) meet, while two earthquakes told in
    the same words (gists close, different places, figures and days) stay apart.
    """
    scratch = np.zeros(vec.size, dtype=np.float64)
    words_share = dict(params.weights).get("words", 0.0)
    rows = rows if rows is not None else range(vec.n)
    near = gist_candidates(gist, params.gist_candidates, rows=rows) if gist is not None else None
    out: list[list[tuple[int, float]]] = []
    for n, i in enumerate(rows):
        cands = _candidates(vec, idx, i, params)
        if near is not None and len(near[n]):
            cands = np.unique(np.concatenate((cands, near[n])))
        sims = _exact(vec, scratch, i, cands)
        if languages and languages[i] and len(cands):
            other = np.fromiter(
                (languages[int(j)] not in (None, languages[i]) for j in cands), bool, len(cands)
            )
            sims = np.where(other, sims / (1.0 - words_share), sims)
        if gist is not None and len(cands) and gist[i].any():
            both = gist[cands].any(axis=1)
            dense = gist_similarity(gist[cands] @ gist[i], params)
            w = params.gist_weight
            mixed = (1.0 - w) * sims + w * np.sqrt(np.maximum(sims, 0.0) * dense)
            sims = np.where(both, mixed, sims)
        sims = sims * _date_factors(dates, i, cands, params)
        out.append(_nearest(cands, sims, params))
    return out


def telling(vec: Vectors, gist: np.ndarray | None, params: Params, i: int, j: int) -> bool:
    """Return True when two articles share a key of what they are about (a name, a place, a
    word), two figures, or gists alike (over ``params.gist_low``): a day and one figure alone
    (the same Thursday, "ten") tell nothing of whether two reports tell one event."""
    if gist is not None and gist[i].any() and gist[j].any():
        if float(gist[i] @ gist[j]) > params.gist_low:
            return True
    if vec.kinds is None:
        return True
    shared = vec.kinds[np.intersect1d(vec.row(i)[0], vec.row(j)[0], assume_unique=True)]
    return bool((shared == 2).any()) or int((shared == 1).sum()) >= _FIGURES_THAT_TELL


# How many figures two reports must share for figures alone to say they tell one event.
_FIGURES_THAT_TELL = 2


@dataclass(frozen=True, slots=True)
class NeighbourJob:
    """``neighbours`` over some ``rows`` of the articles, as a task another process can run
    (``neighbour_rows``): what it reads, whole, and which rows it answers for."""

    vec: Vectors
    idx: Index
    dates: Sequence[int | None]
    params: Params
    gist: np.ndarray | None
    languages: Sequence[str | None]
    rows: range


def neighbour_rows(job: NeighbourJob) -> list[list[tuple[int, float]]]:
    """The neighbours of ``job``'s rows."""
    return neighbours(job.vec, job.idx, job.dates, job.params, job.gist, job.languages, job.rows)


def _candidates(vec: Vectors, idx: Index, i: int, params: Params) -> np.ndarray:
    """Return the articles sharing one of article i's heaviest keys, best partial score first,
    at most ``params.candidates``."""
    keys, vals = vec.row(i)
    # only keys another article also holds can find a candidate
    shared = (idx.start[keys + 1] - idx.start[keys]) > 1
    keys, vals = keys[shared], vals[shared]
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64)
    top = np.lexsort((keys, -vals))[: params.query_keys]
    parts_d, parts_w = [], []
    for k, w in zip(keys[top], vals[top], strict=True):
        s, e = idx.start[k], idx.start[k + 1]
        parts_d.append(idx.docs[s:e])
        parts_w.append(idx.weights[s:e] * w)
    docs = np.concatenate(parts_d)
    if len(docs) == 0:
        return docs
    uniq, inverse = np.unique(docs, return_inverse=True)
    score = np.bincount(inverse, weights=np.concatenate(parts_w), minlength=len(uniq))
    mine = uniq != i
    uniq, score = uniq[mine], score[mine]
    order = np.lexsort((uniq, -score))[: params.candidates]
    return uniq[order]


def _exact(vec: Vectors, scratch: np.ndarray, i: int, cands: np.ndarray) -> np.ndarray:
    """Return the dot products of article i's vector with each candidate's."""
    if len(cands) == 0:
        return np.zeros(0, dtype=np.float64)
    keys, vals = vec.row(i)
    scratch[keys] = vals
    starts, ends = vec.ptr[cands], vec.ptr[cands + 1]
    lengths = ends - starts
    pos = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    products = scratch[vec.keys[pos]] * vec.vals[pos]
    scratch[keys] = 0.0
    offsets = np.cumsum(lengths) - lengths
    sums = np.add.reduceat(products, offsets) if len(products) else np.zeros(len(cands))
    return np.where(lengths > 0, sums, 0.0)


def _date_factors(
    dates: Sequence[int | None], i: int, cands: np.ndarray, params: Params
) -> np.ndarray:
    """Return 1 for each candidate unless both publication dates are known and further apart
    than ``date_window`` days; then falling linearly to 0 at ``date_horizon`` days."""
    factors = np.ones(len(cands), dtype=np.float64)
    day = dates[i]
    if day is None:
        return factors
    span = max(params.date_horizon - params.date_window, 1)
    for n, j in enumerate(cands):
        other = dates[int(j)]
        if other is not None:
            gap = abs(day - other)
            if gap > params.date_window:
                factors[n] = max(0.0, 1.0 - (gap - params.date_window) / span)
    return factors


def _nearest(cands: np.ndarray, sims: np.ndarray, params: Params) -> list[tuple[int, float]]:
    order = np.lexsort((cands, -sims))[: params.neighbours]
    return [(int(cands[o]), float(sims[o])) for o in order if sims[o] >= params.neighbour_floor]
