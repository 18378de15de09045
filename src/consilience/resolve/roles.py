"""Role descriptors: "Y leader X", "Y's foreign minister X", "X, the leader of Y", "X, Y's top
diplomat". Two names given the same unique role of the same Y are one person (a nom de guerre
and a real name, a transliteration too far apart for spelling rules).

Only roles one person holds at a time count (leader, head, chief, director, president, prime or
foreign minister, envoy, founder, mayor, governor; synonyms folded: a "leader", "head" or
"director" of Y is its head), only with a definite reading ("the leader of Y", "Y leader X"; not
"a leader of Y"), and never after "former", "late", "deputy", "vice", "acting", "ex-".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .mentions import Doc, Mention

# Role phrase -> the role it names (one holder at a time). General English.
ROLES = {
    "leader": "head",
    "head": "head",
    "chief": "head",
    "director": "head",
    "chairman": "head",
    "chairwoman": "head",
    "chairperson": "head",
    "boss": "head",
    "president": "head",
    "director general": "head",
    "director-general": "head",
    "secretary-general": "head",
    "secretary general": "head",
    "commander-in-chief": "head",
    "supreme leader": "head",
    "chief executive": "chief executive",
    "ceo": "chief executive",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "foreign minister": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "top diplomat": "foreign minister",
    "defence minister": "defence minister",
    "defense minister": "defence minister",
    "special envoy": "envoy",
    "envoy": "envoy",
    "founder": "founder",
    "mayor": "mayor",
    "governor": "governor",
}
_ROLE = "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True))
_MODIFIER = r"(?:(?:top|supreme|overall|current|special|military|political)\s+)?"
_PRE = re.compile(rf"\b(?P<role>{_ROLE})\s+$", re.IGNORECASE)
_POST_OF = re.compile(
    rf"\s*,\s+(?:the\s+)?{_MODIFIER}(?P<role>{_ROLE})\s+(?:of|for|at)\s+(?:the\s+)?"
    r"(?:[\w.]+-based\s+)?",
    re.IGNORECASE,
)
_POST_COMMA = re.compile(r"\s*,\s+(?:the\s+)?")
_POSSESSIVE_ROLE = re.compile(rf"(?:'s|’s)\s+{_MODIFIER}(?P<role>{_ROLE})\b", re.IGNORECASE)
_NOT_CURRENT = re.compile(
    r"\b(?:former|late|deputy|vice|acting|ex|then|interim|assistant|co)[\s-]+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A person mention given a role of another mention (Y), with the phrase that says so."""

    person: Mention
    of: Mention
    role: str
    phrase: tuple[int, int]


def _by_edges(doc: Doc) -> tuple[dict[int, Mention], dict[int, Mention]]:
    """Return the article's mentions by start and by end offset (the longest one wins)."""
    starts: dict[int, Mention] = {}
    ends: dict[int, Mention] = {}
    for m in doc.mentions:
        if m.start not in starts or m.end > starts[m.start].end:
            starts[m.start] = m
        if m.end not in ends or m.start < ends[m.end].start:
            ends[m.end] = m
    return starts, ends


def _before(doc: Doc, m: Mention, ends: dict[int, Mention]) -> RoleMention | None:
    """Return the role given right before a name: "Y leader X", "Y's leader X"."""
    window_start = max(0, m.start - 60)
    pre = _PRE.search(doc.text[window_start : m.start])
    if not pre:
        return None
    role_start = window_start + pre.start("role")
    pos = role_start
    while pos > 0 and doc.text[pos - 1] == " ":
        pos -= 1
    if doc.text[pos - 2 : pos] in ("'s", "’s"):
        pos -= 2
    y = ends.get(pos)
    if y is None or y is m or _NOT_CURRENT.search(doc.text[max(0, y.start - 12) : y.start]):
        return None
    return RoleMention(m, y, ROLES[pre.group("role").lower()], (y.start, m.end))


def _after(doc: Doc, m: Mention, starts: dict[int, Mention]) -> RoleMention | None:
    """Return the role given right after a name: "X, the leader of Y", "X, Y's top
    diplomat"."""
    text = doc.text
    post = _POST_OF.match(text, m.end)
    if post:
        y = starts.get(post.end())
        if y is not None and y is not m:
            return RoleMention(m, y, ROLES[post.group("role").lower()], (m.start, y.end))
    comma = _POST_COMMA.match(text, m.end)
    if comma:
        y = starts.get(comma.end())
        if y is not None and y is not m:
            role = _POSSESSIVE_ROLE.match(text, y.end)
            if role:
                return RoleMention(m, y, ROLES[role.group("role").lower()], (m.start, role.end()))
    return None


def find_roles(docs: Sequence[Doc], is_person) -> Iterator[RoleMention]:  # noqa: ANN001
    """Yield the role descriptors of the person mentions (``is_person(mention)``) of every
    article."""
    for doc in docs:
        starts, ends = _by_edges(doc)
        for m in doc.mentions:
            if not is_person(m):
                continue
            for found in (_before(doc, m, ends), _after(doc, m, starts)):
                if found is not None:
                    yield found
