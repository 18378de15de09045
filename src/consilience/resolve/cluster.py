"""Name groups and the clusters they are joined into.

A **group** holds the mentions that share one exact-match key ("Samir al-Hadi", "Samir al
Hadi" and "Samir Hadi's" share ``samir hadi``). Groups are joined into **clusters** (one
cluster = one entity) with a union-find that refuses a join when the evidence contradicts it:

* two different gazetteer places (Lodi and Lodz are two towns, however alike the names);
* two full names of persons with the same surname and different given names (Samir al-Hadi
  and Karim al-Hadi);
* a demonym or group of people (NORP: "Peruvian") with anything that is not one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..gazetteer import Place
from .mentions import Mention
from .names import is_acronym, normal_tokens, soft_form, token_skeleton

KIND_OF_LABEL = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
    "NORP": "norp",
}
SAME_TOKEN = 0.75  # soft-form similarity above which two tokens with one skeleton are one


@dataclass(slots=True)
class Group:
    """The mentions that share one exact-match key."""

    index: int
    key: str
    tokens: list[str]  # core tokens (the key's words)
    mentions: list[Mention] = field(default_factory=list)
    surfaces: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)  # votes: model and gazetteer labels only
    docs: set[int] = field(default_factory=set)
    place: Place | None = None
    place_why: str | None = None

    @property
    def norm(self) -> list[str]:
        return normal_tokens(self.tokens)

    @property
    def surface(self) -> str:
        """Return the most frequent surface (ties: the first seen)."""
        return max(self.surfaces, key=lambda s: (self.surfaces[s], -_first_index(self, s)))

    @property
    def kind(self) -> str:
        """Return person | place | org | norp | other | unknown (no vote)."""
        return kind_of(self.labels)

    @property
    def acronym(self) -> bool:
        return is_acronym(self.surface)

    def person_name(self) -> tuple[str, tuple[str, ...]] | None:
        """Return (surname, given names) when this is a person's full name, else None."""
        if self.kind != "person" or len(self.tokens) < 2:
            return None
        norm = self.norm
        return norm[-1], tuple(norm[:-1])


def _first_index(group: Group, surface: str) -> int:
    for i, s in enumerate(group.surfaces):
        if s == surface:
            return i
    return 0


def kind_of(labels: Counter) -> str:
    """Return the kind the majority of labels gives (ties: the label seen first)."""
    if not labels:
        return "unknown"
    best = max(labels, key=lambda lab: labels[lab])
    return KIND_OF_LABEL.get(best, "other")


def same_token(a: str, b: str) -> bool:
    """Return whether two normalised tokens are one name in two spellings."""
    if a == b:
        return True
    if token_skeleton(a) != token_skeleton(b):
        return False
    sa, sb = sorted((soft_form([a]), soft_form([b])), key=len)
    return close_lengths(sa, sb) and fuzz.ratio(sa, sb) >= SAME_TOKEN * 100


def close_lengths(a: str, b: str) -> bool:
    """Return whether two forms differ in length by at most a quarter of the shorter (one
    letter at least): "Rahman" / "Rahmane" yes, "Bush" / "Bushies" no."""
    short, long = sorted((len(a), len(b)))
    return long - short <= max(1, short // 4)


def same_given(a: str, b: str) -> bool:
    """Return whether two given names may be one: spellings of one name, or a short form
    that begins the longer one ("Stan", "Stanley"; "Ben", "Benjamin")."""
    if same_token(a, b):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short)


def is_subsequence(short: Sequence[str], long: Sequence[str], given: bool = False) -> bool:
    """Return whether the tokens of ``short`` appear in ``long`` in order (spellings aside;
    with ``given``, short forms of given names too)."""
    match = same_given if given else same_token
    it = iter(long)
    return all(any(match(s, t) for t in it) for s in short)


def persons_conflict(p: tuple[str, tuple[str, ...]], q: tuple[str, tuple[str, ...]]) -> bool:
    """Return whether two full names share a surname but not their given names."""
    if not same_token(p[0], q[0]) or not p[1] or not q[1]:
        return False
    return not (is_subsequence(p[1], q[1], given=True) or is_subsequence(q[1], p[1], given=True))


class Clusters:
    """Union-find over groups that keeps, per cluster, what a join must not contradict."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = groups
        self.parent = list(range(len(groups)))
        self.members: dict[int, list[int]] = {g.index: [g.index] for g in groups}
        self.places: dict[int, set[int]] = {
            g.index: {g.place.geonameid} if g.place else set() for g in groups
        }
        self.persons: dict[int, set] = {
            g.index: {p} if (p := g.person_name()) else set() for g in groups
        }
        self.labels: dict[int, Counter] = {g.index: Counter(g.labels) for g in groups}
        self.reasons: dict[int, list[str]] = {g.index: [] for g in groups}
        self.size: dict[int, int] = {g.index: len(g.mentions) for g in groups}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def kind(self, i: int) -> str:
        return kind_of(self.labels[self.find(i)])

    def place_ids(self, i: int) -> set[int]:
        return self.places[self.find(i)]

    def conflict(self, a: int, b: int) -> str | None:
        """Return why clusters ``a`` and ``b`` must stay apart, or None."""
        ra, rb = self.find(a), self.find(b)
        pa, pb = self.places[ra], self.places[rb]
        if pa and pb and not pa & pb:
            return "different gazetteer places"
        for p in self.persons[ra]:
            for q in self.persons[rb]:
                if persons_conflict(p, q):
                    return "same surname, different given names"
        if (kind_of(self.labels[ra]) == "norp") != (kind_of(self.labels[rb]) == "norp"):
            return "a group of people and a name"
        return None

    def union(self, a: int, b: int, reason: str, check: bool = True) -> bool:
        """Join the clusters of groups ``a`` and ``b`` (recording ``reason``) unless the evidence
        contradicts it; return whether they are now one cluster."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if check and self.conflict(ra, rb):
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        self.places[keep] |= self.places.pop(gone)
        self.persons[keep] |= self.persons.pop(gone)
        self.labels[keep] += self.labels.pop(gone)
        self.reasons[keep] += self.reasons.pop(gone) + [reason]
        self.size[keep] += self.size.pop(gone)
        return True

    def roots(self) -> list[int]:
        return sorted(self.members)
