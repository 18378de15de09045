"""Alignment: candidates that report the same fact are put in one group.

1. Blocking. Each candidate gets a few keys: a figure its (dimension, counted thing, event);
   a statement each (event class, entity) and (event class, content word) pair, with related
   classes ("entered" / "seized"), and each (named day, entity or class) pair. An inverted index
   maps keys to candidates; a candidate is compared only with candidates sharing a key, rarest
   keys first, at most ``max_neighbours`` of them, so the cost grows with the number of
   candidates, not with its square.
2. Scoring. A pair's similarity mixes entity overlap and content-word overlap (both weighted by
   how rare the key is in the story), shared or related event classes and shared named days.
   Some pairs can never be one fact: statements with no event class in common (nor related);
   figures of different dimensions, counted things or events, or more than ``max_ratio``
   apart; two readings of a distance or a level that differ (a river at 6.4 m then 5.1 m),
   but not of a property the event has once (a magnitude: ``lexicon.MEASURE_CONCEPTS``; a
   depth: ``EVENT_LENGTHS``); a figure of an earlier event (its clause dates it before the
   story: "the 1962 flood killed 3,000") and one of the story's own (``earlier_event``);
   claims about opposite sides (rebels / the army). Statements about who did the event pair
   by the side blamed, in any language: an accusation with another one or with that side's
   denial (``_blame_pairs``), which makes the dispute of who did it one claim.
3. Grouping. Average linkage over the scored pairs: the two groups whose linked pairs have the
   highest mean similarity merge while it reaches ``threshold`` and at least ``min_linked`` of
   their cross pairs are linked. One article never gives two incompatible figures to one group
   (it would contradict itself, so they are two facts).
"""

from __future__ import annotations

import functools
import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

import numpy as np

from ..tuning import AlignParams
from . import clock
from . import lexicon as lx
from .keys import country_code, demonym_country
from .records import ClaimCandidate, EventDate, Figure


def align(
    candidates: Sequence[ClaimCandidate],
    params: AlignParams | None = None,
    meanings: Mapping[str, np.ndarray] | None = None,
) -> list[ClaimCandidate]:
    """Return the candidates with ``group`` set: 0, 1, 2 ... in order of each group's first
    candidate (input order). Candidates of one group report the same fact.

    ``meanings``: candidate id -> unit vector of its sentence (the multilingual sentence
    encoder's), for statements of a story told in several languages: two statements of
    different languages whose vectors are close are scored by that closeness
    (``AlignParams.meaning_threshold``), since they share no word and, outside English, no
    event class."""
    params = params or AlignParams()
    given = list(candidates)
    if not given:
        return []
    # Work in id order, so that ties break the same way whatever the input order.
    order = sorted(range(len(given)), key=lambda i: given[i].id)
    cands = _whole_scopes([given[i] for i in order])
    # how rare a word or a name is, among the sentences that tell an event in words the
    # lexicon reads (and every sentence of another language): English sentences naming none
    # would make the words of the events' sentences rarer than they are
    read = [c for c in cands if not (c.unread and (c.language or "en") == "en")]
    weights = _Weights(read or cands)
    pairs = _scored_pairs(cands, weights, params)
    pairs.update(_denial_pairs(cands, params))
    for pair, score in _blame_pairs(cands).items():
        pairs[pair] = max(pairs.get(pair, 0.0), score)
    if meanings:
        for pair, score in _meaning_pairs(cands, meanings, params).items():
            pairs[pair] = max(pairs.get(pair, 0.0), score)
    sorted_labels = _average_linkage(cands, pairs, params)
    labels = [0] * len(given)
    for pos, i in enumerate(order):
        labels[i] = sorted_labels[pos]
    first: dict[int, int] = {}
    for lab in labels:
        first.setdefault(lab, len(first))
    return [replace(c, group=first[labels[i]]) for i, c in enumerate(given)]


def _whole_scopes(cands: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return ``cands`` with the tallies that name no place they were counted in (or a whole
    country) scoped to the whole (``lexicon.WHOLE``) when the story counts that tally in two
    places or more ("120 dead in X", "35 in Y"): a toll of the whole is then never one fact
    with a toll of one of its places, and a toll of a place rising as reports come in stays
    apart from the national one. A story that counts a tally in one place at most keeps its
    place-less figures free to join it ("40 dead in X" / "40 dead")."""
    scopes: dict[tuple, set[frozenset[str]]] = defaultdict(set)
    for c in cands:
        f = c.figure
        if f is not None and f.event in lx.TALLY_EVENTS and f.scope and not f.scope <= c.broad:
            scopes[(f.dimension, f.counted, f.event)].add(f.scope)
    out = []
    for c in cands:
        f = c.figure
        if (
            f is not None
            and f.event in lx.TALLY_EVENTS
            and (not f.scope or f.scope <= c.broad)
            and len(scopes.get((f.dimension, f.counted, f.event), ())) >= 2
        ):
            c = replace(c, figure=replace(f, scope=frozenset({lx.WHOLE})))
        out.append(c)
    return out


class _Weights:
    """Rarity weights of keys in the story: log(N / df), at least 0.1."""

    def __init__(self, cands: Sequence[ClaimCandidate]) -> None:
        self.n = len(cands)
        df: Counter[str] = Counter()
        for c in cands:
            df.update(c.entities)
            df.update("w:" + w for w in c.words)
        self.df = df
        self._cache: dict[str, float] = {}
        self._totals: dict[tuple[int, str], tuple[frozenset[str], float]] = {}

    def __call__(self, key: str) -> float:
        w = self._cache.get(key)
        if w is None:
            w = max(0.1, math.log(self.n / self.df.get(key, 1)) + 0.1)
            self._cache[key] = w
        return w

    def total(self, keys: frozenset[str], prefix: str = "") -> float:
        """Return the summed weight of ``keys`` (cached per key set)."""
        found = self._totals.get((id(keys), prefix))
        if found is not None and found[0] is keys:
            return found[1]
        total = sum(self(prefix + k) for k in keys)
        self._totals[(id(keys), prefix)] = (keys, total)
        return total


def blocking_keys(c: ClaimCandidate) -> list[tuple]:
    """Return the keys under which ``c`` is indexed."""
    if c.figure is not None:
        f = c.figure
        # a figure counted in a place is compared first with those counted there: a story's
        # many tallies of one kind ("40 dead in X", "12 in Y", "250 in all") share one key
        scoped = [("fs", f.dimension, f.counted, f.event, k) for k in sorted(f.scope)]
        return [("f", f.dimension, f.counted, f.event), *scoped]
    classes = lx.related(set(_strong(c.classes)) or {"-"})  # "-": a statement naming no event
    keys: list[tuple] = [("s", cls, e) for cls in sorted(classes) for e in sorted(c.entities)]
    keys += [("w", cls, w) for cls in sorted(classes) for w in sorted(c.words)]
    keys += [("t", cls, t) for cls, t in sorted(c.targets)]
    keys += [
        ("d", d.value, x)
        for d in c.dates
        if d.exact and not d.since
        for x in sorted(c.entities | classes)
    ]
    return keys


def _strong(classes: frozenset[str]) -> frozenset[str]:
    return classes - lx.WEAK_CLASSES


def _scored_pairs(
    cands: list[ClaimCandidate], weights: _Weights, params: AlignParams
) -> dict[tuple[int, int], float]:
    """Return {(i, j): similarity} for the compared pairs (i < j) with similarity > 0."""
    index: dict[tuple, list[int]] = defaultdict(list)
    keys_of = [blocking_keys(c) for c in cands]
    for i, keys in enumerate(keys_of):
        for k in keys:
            index[k].append(i)
    pairs: dict[tuple[int, int], float] = {}
    for i, keys in enumerate(keys_of):
        seen: set[int] = set()
        for k in sorted(keys, key=lambda k: len(index[k])):
            for j in index[k]:
                if j != i and j not in seen:
                    seen.add(j)
                    if len(seen) >= params.max_neighbours:
                        break
            if len(seen) >= params.max_neighbours:
                break
        for j in seen:
            a, b = min(i, j), max(i, j)
            if (a, b) not in pairs:
                pairs[(a, b)] = similarity(cands[a], cands[b], weights, params)
    return {p: s for p, s in pairs.items() if s > 0}


def _meaning_pairs(
    cands: list[ClaimCandidate], meanings: Mapping[str, np.ndarray], params: AlignParams
) -> dict[tuple[int, int], float]:
    """Return {(i, j): cosine} for statements of different languages (and articles) whose
    sentence vectors are at least ``meaning_threshold`` close, each among the other's
    ``meaning_neighbours`` nearest; never two sentences that write different numbers (a vector
    does not see a number). A denial and a report (a vector does not see a negation either:
    "X did it" and "X denied doing it" are close) pair when they name one actor or place that
    is not a whole country, and no two different days, at a closeness a little lower (a
    denial words its object its own way): that pair is a dispute.

    Two statements less close than that pair too when they stand out of their
    neighbourhoods: their closeness is at least ``_MARGIN`` times the mean closeness of each
    to its ``_MARGIN_NEIGHBOURS`` nearest statements of other languages (and at least
    ``_MARGIN_FLOOR``). Sentences about the story in general ("floods hit the region") are
    close to many and stand out of none; two tellings of one particular fact ("a curfew was
    declared", "أعلن حظر التجول") are closer to each other than to the rest."""
    idx = [i for i, c in enumerate(cands) if c.kind == "statement" and c.id in meanings]
    if len({cands[i].language for i in idx}) < 2:
        return {}
    # the names most statements of the story give (its town, its country's army) tell no frame
    named = Counter(k for c in cands if c.kind == "statement" for k in c.entities)
    told = sum(c.kind == "statement" for c in cands)
    common = frozenset(k for k, n in named.items() if n > _FRAME_COMMON * told)
    matrix = np.stack([meanings[cands[i].id] for i in idx])
    langs = np.array([cands[i].language or "" for i in idx])
    k = min(params.meaning_neighbours + 1, len(idx))
    crowd = np.zeros(len(idx), dtype=np.float32)
    for lo in range(0, len(idx), 256):
        block = matrix[lo : lo + 256] @ matrix.T
        block[langs[lo : lo + 256, None] == langs[None, :]] = -1.0
        m = min(_MARGIN_NEIGHBOURS, len(idx))
        top = -np.partition(-block, m - 1, axis=1)[:, :m]
        crowd[lo : lo + 256] = np.where(top > -1.0, top, 0.0).mean(axis=1)
    out: dict[tuple[int, int], float] = {}
    for lo in range(0, len(idx), 256):
        block = matrix[lo : lo + 256] @ matrix.T
        nearest = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for r, cols in enumerate(nearest):
            a = cands[idx[lo + r]]
            for col in cols:
                score = float(block[r, col])
                b = cands[idx[col]]
                mean = (crowd[lo + r] + crowd[col]) / 2
                stands_out = (
                    a.negated == b.negated
                    and score >= _MARGIN_FLOOR
                    and mean > 0
                    and score >= _MARGIN * mean
                ) or (score >= _FRAME_FLOOR and _one_frame(a, b, common))
                if (
                    (
                        score < params.meaning_threshold - (0.1 if a.negated != b.negated else 0.0)
                        and not stands_out
                    )
                    or a.language == b.language
                    or a.article == b.article
                    or (a.negated != b.negated and not _one_event(a, b))
                    or (a.sides and b.sides and not a.sides & b.sides)
                    or not _same_numbers(a.text, b.text)
                ):
                    continue
                pair = (min(idx[lo + r], idx[col]), max(idx[lo + r], idx[col]))
                out[pair] = max(out.get(pair, 0.0), score)
    return out


# A pair of statements of two languages that stands out of its neighbourhoods: at least this
# close, and this many times the mean closeness of each to its nearest statements of other
# languages (``_meaning_pairs``).
_MARGIN_FLOOR = 0.55
_MARGIN = 1.12
_MARGIN_NEIGHBOURS = 4


# Two statements of two languages that tell one frame (``_one_frame``) pair from this
# closeness: the frame says what the vector alone cannot ("Die Vereinten Nationen forderten
# eine unabhängige Untersuchung" / "ООН призвала провести независимое расследование": 0.62).
# Below it one body's two demands (an inquiry, a ceasefire: 0.59) would read as one.
_FRAME_FLOOR = 0.6
# A name more than this share of a story's statements give is the story's own (its town, typed
# a person where no gazetteer knows it): it tells no frame apart (``_one_frame``).
_FRAME_COMMON = 0.4


def _one_frame(a: ClaimCandidate, b: ClaimCandidate, common: frozenset[str] = frozenset()) -> bool:
    """Return True when two statements of two languages tell one frame: both report or both
    deny, one event class (or related ones; a weak one, "attack", only between two denials:
    a denial names the event it denies), one actor that is no place (resolved across
    languages: "United Nations" / "ООН"; the spokesman's name in every script), not one of
    the ``common`` names (the story's town, which nearly every sentence names, says nothing),
    and no two different days."""
    if a.negated != b.negated or a.language == b.language:
        return False
    strong_a, strong_b = a.classes - lx.WEAK_CLASSES, b.classes - lx.WEAK_CLASSES
    told = bool(strong_a & lx.related(strong_b))
    if not told and not (a.negated and a.classes & b.classes):
        return False
    if not (a.entities & b.entities) - a.broad - b.broad - a.places - b.places - common:
        return False
    return not two_days(a, b)


def _one_event(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when a denial and a report name the same actor or place (not a whole
    country) and give no two different days."""
    if not (a.entities & b.entities) - a.broad - b.broad:
        return False
    return not two_days(a, b)


_DIGITS = re.compile(r"\d+(?:[.,\u066b\u066c]\d+|[ \u00a0\u202f]\d{3}(?!\d))*")


def _same_numbers(a: str, b: str) -> bool:
    """Return True unless both texts write numbers in digits and not the same ones (any
    script, separators dropped: "10.000" is "10 000" is "١٠٠٠٠")."""

    def numbers(text: str) -> set[str]:
        folded = "".join(str(unicodedata.digit(ch, ch)) for ch in text)
        return {re.sub(r"\D", "", m) for m in _DIGITS.findall(folded)}

    na, nb = numbers(a), numbers(b)
    return not (na and nb and na != nb)


def _overlap(a: frozenset[str], b: frozenset[str], weight, prefix: str = "") -> float:
    """Return the weighted cosine overlap of two key sets, 0..1."""
    if not a or not b:
        return 0.0
    shared = sum(weight(prefix + k) for k in a & b)
    if not shared:
        return 0.0
    if isinstance(weight, _Weights):
        total_a, total_b = weight.total(a, prefix), weight.total(b, prefix)
    else:
        total_a = sum(weight(prefix + k) for k in a)
        total_b = sum(weight(prefix + k) for k in b)
    return shared / math.sqrt(total_a * total_b)


def _class_match(a: ClaimCandidate, b: ClaimCandidate) -> float:
    """Return 1 for a shared event class, 0.6 for related classes, else 0."""
    ca, cb = _strong(a.classes), _strong(b.classes)
    if ca & cb:
        return 1.0
    if any(lx.RELATED_CLASSES.get(x, frozenset()) & cb for x in ca):
        return 0.6
    return 0.0


def similarity(
    a: ClaimCandidate, b: ClaimCandidate, weight, params: AlignParams | None = None
) -> float:
    """Return how likely ``a`` and ``b`` report the same fact, 0..1 (0: never)."""
    params = params or AlignParams()
    if a.kind != b.kind:
        return 0.0
    if a.sides and b.sides and not a.sides & b.sides:
        return 0.0
    ent = _overlap(a.entities, b.entities, weight)
    words = _overlap(a.words, b.words, weight, "w:")
    same_day = bool(named_days(a) & named_days(b))
    if a.figure is not None and b.figure is not None:
        return _figure_similarity(a, b, ent, words, same_day, params)
    cls = _class_match(a, b)
    if not _strong(a.classes) and not _strong(b.classes):
        # Neither names an event: only a near repeat of the same sentence is the same fact,
        # or an event too common to tell facts apart alone (an attack) on the same day by the
        # same actor or at the same place ("missiles struck the station in X on Monday" / "a
        # missile strike hit the X station on Monday")
        if words < params.near_repeat and not (same_day and _same_weak_event(a, b)):
            return 0.0
        if (a.unread or b.unread) and lx.says_not(a.text, a.language) != lx.says_not(
            b.text, b.language
        ):
            # a sentence naming no event the lexicon reads has no event to negate: one that
            # says "not" and its near repeat that does not are two statements ("the weather
            # was not cold" / "the weather was cold")
            return 0.0
        cls = 0.5
    if not cls or not (ent or same_day or words >= params.min_words):
        return 0.0
    if cls == 1.0 and _same_thing(a, b):
        return min(params.threshold + _FRAME_MARGIN, 1.0)
    if (
        not words
        and not same_day
        and not (a.negated or b.negated or a.stance == "rumoured" or b.stance == "rumoured")
        and (
            len((a.entities & b.entities) - a.broad - b.broad) < 2
            or (a.language or "en") != (b.language or "en")
        )
    ):
        # With no word and no day in common, an event class and one actor or place, or
        # countries alone ("Chile urged ...", "Chile urged ..."), are too little to say that two
        # statements report one fact; two named actors or places are enough ("took Tartu and
        # Narva" / "captured Tartu and Narva") in one language; in two, where no word can agree,
        # not even they ("the UN called for an inquiry in X" / "la ONU pidió un alto el fuego en
        # X": their vectors decide, ``_meaning_pairs``). A denial or a rumour is exempt: it is
        # about another report's event and rarely repeats its words ("X has fled" / "X is in Y").
        return 0.0
    score = (
        params.w_entities * ent
        + params.w_words * words
        + params.w_class * cls
        + params.w_date * same_day
    )
    if cls == 1.0 and words and (_same_frame(a, b) or _same_actor(a, b)):
        score = max(score, min(params.threshold + _FRAME_MARGIN, 1.0))
    return score


def _same_actor(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements of two articles and one event class (the caller checks
    it) name one actor as who acts (``ClaimCandidate.actor``: "Oslo has begun to pull out its
    engineers" / "Norway is withdrawing engineers from the port"), share a word of their own
    besides the event's, the day's, the source's and the general words for forces, and give
    no two different days nor two different places for it."""
    if a.article == b.article or not a.actor & b.actor:
        return False
    if not (a.words & b.words) - _filler_stems():
        return False
    in_a, in_b = a.located - a.broad, b.located - b.broad
    if in_a and in_b and not in_a & in_b:
        return False
    return not two_days(a, b)


# How far above the merge threshold two statements of one frame score (``_same_frame``): enough
# that a group holding another sentence of either article still merges with them.
_FRAME_MARGIN = 0.1
# A sentence naming more places than this lists them (ambassadors to ten capitals): a place of
# the list is no place of its event.
_FRAME_PLACES = 3


def _same_weak_event(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements of two articles, both reports or both denials, name one
    weak event class (``lexicon.WEAK_CLASSES``), one actor or place that is not a whole
    country, and a word of their own in common besides the event's, the day's and the
    source's (the station, the market: "a strike hit the market in X" and "gunmen attacked a
    checkpoint in X" are two attacks on one day), or, in two languages, one thing the event
    happened to (``ClaimCandidate.targets``); neither says it is another one ("another
    strike hit a school"). The caller checks the day."""
    if a.article == b.article or a.negated != b.negated:
        return False
    if not a.classes & b.classes & lx.WEAK_CLASSES:
        return False
    if not (a.entities & b.entities) - a.broad - b.broad:
        return False
    if _says_another(a) or _says_another(b):
        return False
    if (a.language or "en") != (b.language or "en"):
        # words of two languages never meet: the thing the event happened to does, in keys of
        # no language ("a plane crashed near X" / "das Flugzeug war nahe X abgestürzt")
        return any(k in lx.WEAK_CLASSES for k, _ in a.targets & b.targets)
    return bool((a.words & b.words) - _filler_stems())


def _same_thing(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements of two articles tell one event of one concrete thing
    (``ClaimCandidate.targets``: "the old bridge collapsed" / "il ponte vecchio è crollato" /
    "انهار الجسر القديم"), both report or both deny, name one actor or place in common that
    is not a whole country (the town, the building: a roof collapsed at a school and one at a
    hospital are two facts), no two different places where both name one, and no two days:
    two languages share no word, and one language names a part of a building as a mention,
    no word ("the dome fell" / "caused its dome to cave in"), so the thing an event happened
    to stands in for the words they would share. Neither says it is another one ("another
    bridge collapsed", "un altro ponte è crollato")."""
    if a.article == b.article:
        return False
    if a.negated != b.negated or not _strong_targets(a) & _strong_targets(b):
        return False
    if not (a.entities & b.entities) - a.broad - b.broad:
        return False  # "the roof collapsed" at a school and at a hospital: nothing says one
    in_a, in_b = a.places - a.broad, b.places - b.broad
    if in_a and in_b and not in_a & in_b:
        return False
    if _says_another(a) or _says_another(b):
        return False
    return not two_days(a, b)


def _strong_targets(c: ClaimCandidate) -> frozenset[tuple[str, str]]:
    """Return ``c``'s (event class, thing) pairs of a class that tells one fact apart (a fire
    at the mill is the story itself, not one fact of it: ``lexicon.WEAK_CLASSES``)."""
    return frozenset(t for t in c.targets if t[0] not in lx.WEAK_CLASSES)


def _says_another(c: ClaimCandidate) -> bool:
    return lx.says_another(c.text, c.language)


@functools.lru_cache(maxsize=1)
def _filler_stems() -> frozenset[str]:
    """Return the stems of words that tie no two reports of a weak event together: its event
    words, days, who said it, actors in general words (``lexicon.EVENT_FILLER``)."""
    return frozenset(lx.stem(w) for w in lx.EVENT_FILLER | set(lx.class_words()))


def _same_frame(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements of one event class (the caller checks it) and a word in
    common name one place that is not a whole country, neither lists places, no two countries'
    forces act in them (``_acting_countries``), and they give no two different days: "troops
    withdrew from much of Q province" / "they had
    also abandoned their positions in the province of Q" report one withdrawal, however much
    else either sentence tells (which dilutes their word and entity overlap)."""
    if not (a.places & b.places) - a.broad - b.broad:
        return False
    acting_a, acting_b = _acting_countries(a), _acting_countries(b)
    if acting_a and acting_b and not acting_a & acting_b:
        return False  # "Russian troops withdrew from X" / "Ukrainian troops withdrew from X"
    if len(a.places - a.broad) > _FRAME_PLACES or len(b.places - b.broad) > _FRAME_PLACES:
        return False
    return not two_days(a, b)


def _acting_countries(c: ClaimCandidate) -> frozenset[str]:
    """Return the countries whose forces act in ``c``'s sentence: the country a word right
    before a force noun names ("Russian troops", "Ukrainian artillery";
    ``lexicon.FORCE_NOUNS``)."""
    out = set()
    for m in lx.forces_of().finditer(c.text):
        code = country_code(m.group(1)) or demonym_country(m.group(1))
        if code is not None:
            out.add(code)
    return frozenset(out)


def _denial_pairs(cands: list[ClaimCandidate], params: AlignParams) -> dict[tuple[int, int], float]:
    """Return {(i, j): similarity} for each denial and figure report of the event it denies
    (``_denial_of_figure``): they share no blocking key (a figure is indexed by what it
    counts), and denials are few. A denial that fits figures of two facts (three dead at the
    station, ten at the market; three dead, three injured) names neither for sure: it joins
    none of them."""
    contesting = [
        i
        for i, c in enumerate(cands)
        if c.figure is None and (c.disputes_reports or c.stance == "denied")
    ]
    if not contesting:
        return {}
    figures = [j for j, c in enumerate(cands) if c.figure is not None]
    out = {}
    for i in contesting:
        found = {}
        for j in figures:
            if cands[i].article == cands[j].article:
                continue
            score = _denial_of_figure(cands[i], cands[j], params)
            if score > 0:
                found[j] = score
        if _one_fact(cands, list(found), params):
            out.update({(min(i, j), max(i, j)): score for j, score in found.items()})
    return out


# How alike two statements about who did an event are (``_blame_pairs``): well above
# ``AlignParams.threshold``, below a near repeat.
_BLAME_SCORE = 0.6


def _blame_pairs(cands: list[ClaimCandidate]) -> dict[tuple[int, int], float]:
    """Return {(i, j): score} for statements about who did the story's event: one blames a side
    for a deed ("the Brigade accused the armed forces of the strike": ``ClaimCandidate.accused``
    and ``blamed_for``) and the other blames that side for it too, or is that side's denial
    (its speaker names the side: "an army spokesman denied that the army had fired on X";
    not "residents denied that soldiers had warned them"), or both are denials by a side some
    statement blames. Two statements of one article pair only as an accusation and a denial
    (the article gives both sides). They tell one deed (``_one_deed``), no two different days,
    no two different places they put it in and no two different things it hit ("the strike on
    the market" / "shelling the hospital"); two of one language name something in common
    (``_something_in_common``) unless one is a denial of any part in it ("the rebels denied
    any involvement": ``lexicon.denies_involvement``). Across languages they share few words
    and their vectors do not see who is blamed; the side does. A pair of an accusation and a
    denial is a dispute."""

    blaming = {
        i: c.accused
        for i, c in enumerate(cands)
        if c.kind == "statement" and c.accused and c.blamed_for and not c.contests
    }
    if not blaming:
        return {}
    blamed = frozenset(s for sides in blaming.values() for s in sides)
    fellows = _fellow_speakers(cands)
    denying: dict[int, frozenset[str]] = {}
    for i, c in enumerate(cands):
        if c.kind != "statement" or not c.contests or not c.attributed_to:
            continue
        own = lx.speaker_parties(c.attributed_to, c.language) & blamed if c.classes else set()
        # a party blamed by name denies through a speaker naming it, or one some source of the
        # story names with it ("Prezes Aerovesk Darius Kelmann" / "Kelmann denied ...")
        speaking = c.speakers | {f for k in c.speakers for f in fellows.get(k, ())}
        own = frozenset(own) | ({lx.NAMED_PARTY + k for k in speaking} & blamed)
        if own:
            denying[i] = own
    sides = {**denying, **blaming}
    deed = {i: cands[i].blamed_for if i in blaming else cands[i].classes for i in sides}
    idx = sorted(sides)
    out = {}
    for n, i in enumerate(idx):
        a = cands[i]
        for j in idx[n + 1 :]:
            b = cands[j]
            shared = sides[i] & sides[j]
            if not shared:
                continue
            if a.article == b.article and (i in denying) == (j in denying):
                continue
            named = all(map(lx.named_party, shared))
            # what a party blamed by name is blamed for is any deed its denial names, or none
            if not (named or _one_deed(deed[i], deed[j])) or two_days(a, b) or _two_scenes(a, b):
                continue
            if (
                (a.language or "en") == (b.language or "en")
                and not _something_in_common(a, b)
                and not (i in denying and lx.denies_involvement(a.text, a.language))
                and not (j in denying and lx.denies_involvement(b.text, b.language))
            ):
                # (a denial of any part in it names nothing the accusation's words could share)
                continue
            out[(i, j)] = _BLAME_SCORE
    return out


def _fellow_speakers(cands: list[ClaimCandidate]) -> dict[str, frozenset[str]]:
    """Return, for each name some source's words name, the other names of those words ("Prezes
    Aerovesk Darius Kelmann": the airline and its chief): whom a speaker speaks for."""
    out: dict[str, set[str]] = {}
    for c in cands:
        if len(c.speakers) < 2:
            continue
        for k in c.speakers:
            out.setdefault(k, set()).update(c.speakers - {k})
    return {k: frozenset(v) for k, v in out.items()}


def _something_in_common(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements of one language name an actor or place in common (not
    a whole country) or a word of their own besides the event's, the day's, the source's and
    the general words for forces: in one language, what the deed hit is in their words
    ("shelling the market" / "shelled the hospital" share none)."""
    if (a.entities & b.entities) - a.broad - b.broad:
        return True
    return bool((a.words & b.words) - _filler_stems())


def _two_scenes(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when two statements put a deed in two different places, or have it hit two
    different things ("the strike on the market" / "shelling the hospital")."""
    in_a, in_b = a.located - a.broad, b.located - b.broad
    if in_a and in_b and not in_a & in_b:
        return True
    hit_a = {t for k, t in a.targets if k in _ARMED_DEEDS}
    hit_b = {t for k, t in b.targets if k in _ARMED_DEEDS}
    return bool(hit_a and hit_b and not hit_a & hit_b)


# Deeds of armed violence that one blame and its denial may name in different words ("accused
# the army of the attack" / "denied firing on the town" / "denied killing civilians").
_ARMED_DEEDS = frozenset({"attack", "shoot", "explode", "kill", "injure"})


def _one_deed(a: frozenset[str], b: frozenset[str]) -> bool:
    """Return True when two statements about who did something name one deed: a class (or a
    related one) in common, or both a deed of armed violence."""
    return bool(a & lx.related(b)) or bool(a & _ARMED_DEEDS and b & _ARMED_DEEDS)


def _one_fact(cands: list[ClaimCandidate], figures: list[int], params: AlignParams) -> bool:
    """Return True when the figures ``figures`` could all be one fact: the same count of the
    same event, values that agree, no two different days."""
    for x, j in enumerate(figures):
        for k in figures[x + 1 :]:
            a, b = cands[j], cands[k]
            fa, fb = a.figure, b.figure
            assert fa is not None and fb is not None
            if (fa.dimension, fa.counted, fa.event) != (fb.dimension, fb.counted, fb.event):
                return False
            if not compatible(fa.base, fb.base, fa, fb, params.tolerance):
                return False
            if two_days(a, b):
                return False
    return True


def _denial_of_figure(a: ClaimCandidate, b: ClaimCandidate, params: AlignParams) -> float:
    """Return the similarity of a denial and a figure report of the event it denies ("we had
    no part in the strike" / "a strike killed three workers"): the event told by a figure is
    reported by it, so the denial contests it. They are one fact when the denial names one of
    the report's events (a weak class counts: a denial names the event it denies) and an actor
    or place of it, on no other day, and no place of its own that the report does not name;
    else 0."""
    denial, report = (a, b) if a.figure is None else (b, a)
    if denial.figure is not None or report.figure is None:
        return 0.0
    if not (denial.disputes_reports or denial.stance == "denied"):
        return 0.0  # "no fire had reached the depot" says where it did not, it denies nothing
    if report.negated or (denial.sides and report.sides and not denial.sides & report.sides):
        return 0.0
    told = lx.related(denial.classes)
    if not told & report.classes or not _one_event(denial, report):
        return 0.0
    if denial.places - denial.broad and not (denial.places - denial.broad) & report.entities:
        return 0.0  # "denied that the dam in Y was damaged": another place, another event
    return min(params.threshold + _FRAME_MARGIN, 1.0)


def _figure_similarity(
    a: ClaimCandidate,
    b: ClaimCandidate,
    ent: float,
    words: float,
    same_day: bool,
    params: AlignParams,
) -> float:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if figures_apart(a, b, params, ent=bool(ent)):
        return 0.0
    agree = compatible(fa.base, fb.base, fa, fb, params.tolerance)
    prop = _property_pair(fa, fb)
    named = fa.concept is not None and fa.concept == fb.concept and fa.dimension == "count"
    # a property of a thing ("36 metres high" / "alto 36 metri") that agrees within rounding is
    # one fact across languages; two values that disagree need a word or an actor in common
    named = (named and not prop) or (prop and agree)
    # a measure of the event itself says what it measures: "a una profundidad de 40 km" and
    # "at a depth of 25 miles" are the depth of the story's event in any language
    named = named or fa.concept in EVENT_LENGTHS or fa.dimension == "clock"
    # a share of one thing that agrees ("un terzo del ponte" / "a third of the bridge"): one
    # fact; two that disagree need a word or an actor in common, like a property's
    named = named or (_share_of_thing(fa) and agree)
    if fa.event is None and not (ent or words or named):
        # a bare distance or amount: something else must say it is the same one; a counted
        # thing the quantity reader named in words of no language ("400 bomberos" / "400
        # إطفائي": firefighters) is that, across languages where no word is shared
        return 0.0
    rest = 1.0 - params.figure_base
    return params.figure_base + rest * (0.5 * ent + 0.4 * words + 0.1 * same_day)


def _share_of_thing(f: Figure) -> bool:
    """Return True for a share of a thing ("a third of the bridge": ``lexicon.THING``)."""
    return (f.counted or "").startswith(lx.THING)


def _property_pair(fa: Figure, fb: Figure) -> bool:
    """Return True when two figures are read as one property of a thing (a height, a
    population) or as distances from one place: one fact even far apart."""
    prop = fa.concept in lx.PROPERTY_CONCEPTS and fb.concept in lx.PROPERTY_CONCEPTS
    # two distances from one place ("70 km south of X" / "120 km from X"): one fact, so two
    # values of it are a dispute (the shared place says it is the same one)
    return prop or (fa.counted == lx.DISTANCE and bool(fa.scope & fb.scope))


def figures_apart(
    a: ClaimCandidate,
    b: ClaimCandidate,
    params: AlignParams,
    ent: bool | None = None,
    pairwise: bool = True,
) -> bool:
    """Return True when two figure candidates can never be one fact, whatever their words:
    other slots (dimension, counted thing, event), an earlier event's figure and the story's
    own, two places counted, a measure of the event and a distance, values too far apart,
    two values of one measure on two days, a height and a length, two readings of a level,
    or one article's two disagreeing values (but two accounts it sets side by side,
    ``_two_accounts``, are one fact). ``ent``: whether they share an actor or place
    (computed when None). ``pairwise`` False leaves out the two rules that part two figures
    only when nothing links them: values more than ``max_ratio`` apart (a toll that rose
    from 2 to 4 to 9 is one fact, through its steps) and two readings of a level or a distance
    at two values ("100 km (65 miles)" reads one distance twice, so a group may hold both
    beside "100 miles"). The grouping holds to the other rules for every two members of a
    group, so a chain of look-alikes ("40 dead in X" ~ "40 dead" ~ "40 dead in Y") never makes
    one fact of figures that are none."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.dimension != fb.dimension or fa.counted != fb.counted or fa.event != fb.event:
        return True
    if fa.dimension == "clock":
        return _clocks_apart(a, b, params)
    # both reports dated: a report of no known day tells nothing of what is earlier
    first = min(a.published, b.published) if a.published and b.published else None
    past_a, past_b = earlier_event(a, first), earlier_event(b, first)
    if first and (bool(past_a) != bool(past_b) or (past_a and not _same_time(past_a, past_b))):
        # "the 1962 flood killed 3,000" / "the flood killed 41": an earlier event's figure
        # and the story's own, or two earlier events, are two facts
        return True
    if fa.scope and fb.scope and not fa.scope & fb.scope:
        return True  # counted in two places ("40 in Lyon" / "12 in Grenoble"): two facts
    if fa.scope and fb.scope and (lx.PLACE_LIST in fa.scope) != (lx.PLACE_LIST in fb.scope):
        return True  # "47 in Lyon and Vienne" is not the toll of Lyon
    event_length = fa.concept in EVENT_LENGTHS
    if event_length != (fb.concept in EVENT_LENGTHS) or (event_length and fa.concept != fb.concept):
        return True  # the quake's depth and a distance from a town: two measures
    low, high = sorted((abs(fa.base), abs(fb.base)))
    prop = _property_pair(fa, fb)
    # one property of a thing both name ("a town of 900 inhabitants" / "Vézelay, 2,900
    # habitants") is one fact even far apart: a dispute, not two things
    if ent is None:
        ent = bool(a.entities & b.entities)
    limit = lx.PROPERTY_MAX_RATIO if prop and ent else params.max_ratio
    if fa.event == lx.PROTEST:
        limit = max(limit, lx.CROWD_MAX_RATIO)  # a crowd the organisers and the police count
    if _one_place_tally(fa, fb):
        limit = math.inf  # a toll counted in one place, 3 at dawn and 12 by noon: one fact
    if low == 0 or (pairwise and high / low > limit):
        return True
    agree = compatible(fa.base, fb.base, fa, fb, params.tolerance)
    if a.article == b.article and not agree and not _one_revision(a, b):
        if not _two_accounts(a, b) and not two_sources(a, b):
            return True
    measure = fa.concept in lx.MEASURE_CONCEPTS and fb.concept in lx.MEASURE_CONCEPTS
    measure = measure or event_length
    if measure and not agree:
        ratio = EVENT_LENGTH_MAX_RATIO if event_length else lx.MEASURE_MAX_RATIO
        if high / low > ratio or two_days(a, b):
            return True  # a whole step apart on the scale, or another day: another event
    if prop and lx.SOME_EXTENT not in (fa.concept, fb.concept) and fa.concept != fb.concept:
        return True  # a height and a length: two measures, whatever they are of
    # a level or a distance at two values is two readings, not one disputed; a share of one
    # thing ("a third of the bridge" / "half the bridge") is one fact that disputes
    two_readings = fa.dimension != "count" and not agree and fa.value != fb.value
    return pairwise and two_readings and not (measure or prop or _share_of_thing(fa))


def _one_place_tally(fa: Figure, fb: Figure) -> bool:
    """Return True for two tallies of one event counted in the same named place (not the
    whole): one fact, however far its values moved."""
    return (
        fa.event in lx.TALLY_EVENTS
        and bool(fa.scope & fb.scope)
        and lx.WHOLE not in fa.scope | fb.scope
    )


def _two_accounts(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True for two values of one sentence set side by side by a word of contrast
    between them ("the ministry counted 40 injured, while the Red Crescent put the figure at
    65": ``data/contrast.json``), neither a change ("rose to") nor a first estimate: one fact
    the sentence reports disputed, not one article's two facts."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if a.sentence != b.sentence or a.update_cue or b.update_cue:
        return False
    if fa.first_estimate or fb.first_estimate:
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    contrast = lx.language_cues("contrast", None, first.language or "en")
    if contrast is None or second.start < first.end:
        return False
    value = fb if second is b else fa
    # the word opens the clause the second value is read in, before that value
    at = max(value.start - second.start, 0)
    if contrast.search(second.text[:at]) is None:
        return False
    # "while three more died in hospital": a further count, no second account
    more = lx.language_cues("contrast", "more", first.language or "en")
    end = at + len(value.text)
    near = second.text[max(at - 12, 0) : end + 12]
    if more is not None and more.search(near) is not None:
        return False
    # the second clause gives an account of the figure (a source, a word for the figure or
    # for counting it), not a count of something else ("while 6 were killed by the second
    # bomb")
    account = lx.language_cues("contrast", "account", first.language or "en")
    return account is not None and account.search(second.text) is not None


def two_sources(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True for two values of a tally one article gives, each said by another named
    source ("the police chief said 19 bodies were recovered" / "the hospital director said 24
    had died"): one fact the article reports disputed, not its two facts."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.event not in lx.TALLY_EVENTS or not (a.attributed_to and b.attributed_to):
        return False
    if a.speakers & b.speakers:
        return False
    return a.attributed_to.casefold().strip() != b.attributed_to.casefold().strip()


def _one_revision(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True for a first estimate and the value its own sentence replaces it by
    ("initially 5.4, then 5.7"), or an earlier value of a count its report recalls and the
    value it gives now ("la policía había hablado de 12" / "19 muertos"): two steps of one
    figure, not one article's two facts."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if a.earlier != b.earlier and fa.event in lx.TALLY_EVENTS:
        return True
    return a.sentence == b.sentence and fa.first_estimate != fb.first_estimate


def named_days(c: ClaimCandidate) -> frozenset[str]:
    """Return the days a candidate names outright as its event's ("December 5", "this
    Friday"; not "a week ago", not the start of a period)."""
    return frozenset(d.value for d in c.dates if d.exact and not d.since)


def two_days(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    """Return True when both candidates name their event's day and no day is common: a day
    and the month or year it lies in are one ("5 March" / "in March 2030"), two days, months
    or years that do not hold each other are two."""
    days_a, days_b = named_days(a), named_days(b)
    if not days_a or not days_b or days_a & days_b:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in days_a for y in days_b)


def _clocks_apart(a: ClaimCandidate, b: ClaimCandidate, params: AlignParams) -> bool:
    """Return True when two times of day the story's event began at are two events' (hours
    apart, on two days named), a local time of no known country and a UTC one, one
    article's two disagreeing times, or times of reports of no known day or published more
    than ``clock.DAYS_APART`` days apart: a time of day tells one event from another only
    on one day (two quakes a day apart struck at nearly the same hour)."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if not clock.near_days(a.published, b.published):
        return True
    if fa.unit != fb.unit or clock.apart(int(fa.base), int(fb.base)):
        return True
    if a.article == b.article and not compatible(fa.base, fb.base, fa, fb, params.tolerance):
        return True
    return two_days(a, b)


# Lengths that measure the event itself (a property marked "event" in the quantity reader's
# data, annotate/data/quantities/<lang>.json: an earthquake's ``depth``): one event has one, so
# two values of it are one fact, corroborated within rounding and disputed otherwise, like a
# magnitude (``lexicon.MEASURE_CONCEPTS``); unlike a magnitude the figure keeps its unit (25
# miles is 40 km). Two of them further apart than ``EVENT_LENGTH_MAX_RATIO`` are of two events.
EVENT_LENGTHS = frozenset({"depth"})
EVENT_LENGTH_MAX_RATIO = 2.0

# A day named at most this many days before a report's publication is the story's own time
# ("Tuesday's quake", "last week"); one further back, or an earlier month or year, is
# another, earlier event's.
_RECENT_DAYS = 10


def earlier_event(c: ClaimCandidate, first: str | None = None) -> frozenset[str]:
    """Return the dates (ISO, any precision) that place what ``c`` reports in an earlier event
    than the story's own: days its clause names more than ``_RECENT_DAYS`` before ``first``
    (the earliest publication day of the reports compared, ``c``'s own by default: a report
    written weeks later names the story's day too), months and years before its month and
    year ("the 1962 flood", "the storm of 3 March" against a report of the 14th); empty
    when it names none, names a recent day too, or no publication day is known."""
    first = first or c.published
    if not first:
        return frozenset()
    dates = list(c.dates)
    read = {d.value[:4] for d in dates}
    dates += [y for y in written_years(c) if y.value not in read]
    if not dates:
        return frozenset()
    try:
        published = date.fromisoformat(first[:10])
    except ValueError:
        return frozenset()
    past = set()
    for d in dates:
        if d.since:
            continue
        value = d.value
        try:
            if d.precision == "day":
                gap = (published - date.fromisoformat(value)).days
                if gap <= _RECENT_DAYS:
                    return frozenset()  # the story's own time is named too
                past.add(value)
            elif d.precision == "month":
                if value < published.isoformat()[:7]:
                    past.add(value)
                else:
                    return frozenset()
            elif d.precision == "year":
                if int(value[:4]) < published.year:
                    past.add(value)
                else:
                    return frozenset()
        except ValueError:
            continue
    return frozenset(past)


def written_years(c: ClaimCandidate) -> tuple[EventDate, ...]:
    """Return the years ``c``'s text names after a year word of its language
    (``data/years.json``: "en 1998", "nel 1980", "عام 1998"; after a word of "of", "de 1998",
    only when the year closes its phrase: "40 de 1200 pasajeros" is a count), as dates of year
    precision: a year the date reader of that language leaves unread still dates what the
    clause tells. Not a year after a word that starts a period ("desde 1998", "منذ 1998"),
    nor the figure's own number."""
    found = _year_words(c.language or "en")
    if found is None:
        return ()
    words, genitive, since = found
    out = []
    for m in _YEAR.finditer(c.text):
        at = c.start + m.start()
        f = c.figure
        if f is not None and f.start <= at < f.end:
            continue
        before = c.text[max(0, m.start() - 30) : m.start()]
        if since is not None and since.search(before):
            continue
        closes = _PHRASE_END.match(c.text, m.end()) is not None
        if words.search(before) or (genitive is not None and closes and genitive.search(before)):
            out.append(EventDate(m.group(0), "year", at, at + 4, False, False))
    return tuple(out)


# A year as a clause writes it: four digits, 1000-2999, no digit or separator around them.
_YEAR = re.compile(r"(?<![\d.,:/-])[12]\d{3}(?![\d.,:/]\d|\d)")
# What may follow a year that closes its phrase: punctuation, a bracket, a quote, the end.
_PHRASE_END = re.compile(r"\s*(?:[,.;:)(\]\u060c\u061b\"'»”]|$)")


@functools.lru_cache(maxsize=32)
def _year_words(
    language: str,
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None] | None:
    """Return the patterns of ``language``'s year words, its words of "of" and its period words
    right before a year (``data/years.json``), or None for a language with none."""
    data = lx.language_words("years")
    words = data.get(language)
    if not words:
        return None

    def ending(kind: str) -> re.Pattern[str] | None:
        found = data.get(f"{language}:{kind}") if kind else words
        if not found:
            return None
        return re.compile(rf"(?<!\w)(?:{lx.word_alternation(found)})\W*$", re.IGNORECASE)

    plain = ending("")
    assert plain is not None
    return plain, ending("of"), ending("since")


def _same_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """Return True when two sets of dates share one, at the coarser precision ("1962" and
    "1962-03-03" are one time)."""
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


# Qualifiers that make a figure a bound: "at least 300" is 300 or more, "less than 20 km" and
# "within 20 miles" are at most that; "nearly 100" is a little under 100. Two figures that can
# both be true ("at least 300" / "350"; "less than 20 km" / "within 20 miles") agree.
_AT_LEAST = frozenset(
    "at least|more than|over|just over|well over|upwards of|in excess of|no fewer than"
    "|no less than|-plus|+|or more".split("|")
)
_AT_MOST = frozenset(
    "at most|less than|fewer than|no more than|up to|as many as|as much as|within|just under"
    "|under".split("|")
)
_NEARLY = frozenset({"nearly", "almost", "close to"})


def _bounds(value: float, qualifier: str | None) -> tuple[float, float] | None:
    """Return the interval a bounded figure allows, or None for a point figure."""
    q = (qualifier or "").strip().lower()
    if q in _AT_LEAST:
        return value, math.inf
    if q in _AT_MOST:
        return -math.inf, value
    if q in _NEARLY:
        return value * 0.85, value
    return None


def compatible(
    x: float, y: float, fa=None, fb=None, tolerance: float = 0.05, bounds: bool = True
) -> bool:
    """Return True when two figures agree within rounding: equal, or within ``tolerance``
    of each other when either is approximate or both are large round numbers, or both true
    at once when either is a bound ("at least 300" and "350"; ``bounds`` False reads bounds
    as points)."""
    if fa is not None and fb is not None and fa.dimension == "clock":
        # times of day: on a clock that turns at midnight, with their own rounding
        return clock.agree(
            (int(x), fa.approximate, fa.qualifier), (int(y), fb.approximate, fb.qualifier)
        )
    if x == y:
        return True
    ba = _bounds(x, getattr(fa, "qualifier", None)) if fa is not None and bounds else None
    bb = _bounds(y, getattr(fb, "qualifier", None)) if fb is not None and bounds else None
    if ba is not None or bb is not None:
        lo_a, hi_a = ba or (x * (1 - tolerance), x * (1 + tolerance))
        lo_b, hi_b = bb or (y * (1 - tolerance), y * (1 + tolerance))
        if fa is not None and not fa.approximate and ba is None:
            lo_a, hi_a = x, x
        if fb is not None and not fb.approximate and bb is None:
            lo_b, hi_b = y, y
        return max(lo_a, lo_b) <= min(hi_a, hi_b)
    approx = (fa is not None and fa.approximate) or (fb is not None and fb.approximate)
    if approx or min(abs(x), abs(y)) >= 1000:
        return abs(x - y) <= tolerance * max(abs(x), abs(y))
    return False


def _average_linkage(
    cands: list[ClaimCandidate], pairs: dict[tuple[int, int], float], params: AlignParams
) -> list[int]:
    """Return a group label per candidate from sparse average linkage over ``pairs``.

    Two groups merge when the mean similarity of their linked pairs reaches ``threshold`` and
    at least ``min_linked`` of all their cross pairs are linked (a fact reported in different
    words links some reports strongly and leaves others unlinked; a chain of look-alikes links
    few).
    """
    n = len(cands)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # links[a][b] = (sum of similarities, number of linked pairs) between groups a and b
    links: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for (i, j), s in pairs.items():
        links[i][j] = (s, 1)
        links[j][i] = (s, 1)
    heap = [(-s, i, j) for (i, j), s in pairs.items()]
    heapq.heapify(heap)
    next_id = n
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j not in links[i]:
            continue
        if abs(_link_score(links[i][j], len(members[i]), len(members[j]), params) + neg) > 1e-12:
            continue  # stale entry
        if -neg < params.threshold:
            break
        if not _may_merge(cands, members[i], members[j], params):
            continue
        k = next_id
        next_id += 1
        members[k] = members.pop(i) + members.pop(j)
        merged: dict[int, tuple[float, int]] = {}
        for old in (i, j):
            for other, (s, c) in links.pop(old).items():
                if other in (i, j):
                    continue
                ps, pc = merged.get(other, (0.0, 0))
                merged[other] = (ps + s, pc + c)
                del links[other][old]
        links[k] = merged
        for other, sc in merged.items():
            links[other][k] = sc
            score = _link_score(sc, len(members[k]), len(members[other]), params)
            if score >= params.threshold:
                heapq.heappush(heap, (-score, min(k, other), max(k, other)))
    labels = [0] * n
    for lab, idx in members.items():
        for i in idx:
            labels[i] = lab
    return labels


def _link_score(link: tuple[float, int], size_a: int, size_b: int, params: AlignParams) -> float:
    """Return the merge score of two groups: the mean similarity of their linked pairs, or 0
    when fewer than ``min_linked`` of their cross pairs are linked."""
    total, count = link
    if count < params.min_linked * size_a * size_b:
        return 0.0
    return total / count


def _may_merge(
    cands: list[ClaimCandidate], left: list[int], right: list[int], params: AlignParams
) -> bool:
    """Return False when merging would put in one group two figures that can never be one
    fact (``figures_apart`` but for the rules only a pair needs: one article's two
    disagreeing values, two places counted, an earlier event's figure and the story's own,
    other counted things ...): what no pair may be, no chain of pairs makes ("40 dead in X"
    and "40 dead in Y" both linked to a "40 dead" that names no place stay two facts).
    Groups of many figures are checked by their figures of extreme value and of each
    article, place and time (the pairs a rule can part), so the cost stays linear in the
    group's size. Nor two statements of one article of which one says it tells another event
    ("another attack hit a second market"): no chain through a third report joins them."""
    if _another_of_one_article(cands, left, right):
        return False
    figs_l = [cands[i] for i in left if cands[i].figure is not None]
    figs_r = [cands[i] for i in right if cands[i].figure is not None]
    if not figs_l or not figs_r:
        return True
    by_article: dict[str, list[ClaimCandidate]] = defaultdict(list)
    for c in figs_l:
        by_article[c.article].append(c)
    for c in figs_r:
        for other in by_article.get(c.article, ()):
            fa, fb = c.figure, other.figure
            assert fa is not None and fb is not None
            if (
                not compatible(fa.base, fb.base, fa, fb, params.tolerance)
                and not _one_revision(c, other)
                and not _two_accounts(c, other)
                and not two_sources(c, other)
            ):
                return False  # one article never gives one fact two values
    if len(figs_l) * len(figs_r) > _MERGE_CHECKS:
        figs_l, figs_r = _representatives(figs_l), _representatives(figs_r)
    return not any(figures_apart(a, b, params, pairwise=False) for a in figs_l for b in figs_r)


def _another_of_one_article(cands: list[ClaimCandidate], left: list[int], right: list[int]) -> bool:
    """Return True when a statement of ``left`` and one of ``right`` come from one article and
    one of them says it tells another event than one told before ("another attack hit ...")."""
    by_article: dict[str, list[ClaimCandidate]] = defaultdict(list)
    for i in left:
        if cands[i].figure is None:
            by_article[cands[i].article].append(cands[i])
    if not by_article:
        return False
    for j in right:
        d = cands[j]
        if d.figure is not None or d.article not in by_article:
            continue
        if _says_another(d) or any(_says_another(c) for c in by_article[d.article]):
            return True
    return False


# Cross pairs of figures a merge checks one by one; beyond, representatives are checked.
_MERGE_CHECKS = 400


def _representatives(figs: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return the figures of a large group that stand for it in ``figures_apart``: its
    smallest and largest value, and the first figure of each article, each place counted and
    each earlier event's date."""
    assert all(c.figure is not None for c in figs)
    ranked = sorted(figs, key=lambda c: (abs(c.figure.base), c.id))  # type: ignore[union-attr]
    out = {ranked[0].id: ranked[0], ranked[-1].id: ranked[-1]}
    seen: set[object] = set()
    for c in ranked:
        assert c.figure is not None
        for key in (("a", c.article), ("s", c.figure.scope), ("p", earlier_event(c))):
            if key not in seen:
                seen.add(key)
                out.setdefault(c.id, c)
    return list(out.values())
