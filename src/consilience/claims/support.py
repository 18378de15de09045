"""Support: a passage is evidence of a claim only when it states what the claim asserts.

Alignment (``align``) puts together statements that look alike: the same event class, shared
actors, places and words. That is enough to say they are about one event, not that each backs
every part of the sentence a claim shows. "Two towns were taken" backs that the towns were
taken, not that they were taken on 3 March; "the army withdrew from the north" does not back
"the protesters' march in the capital was reported".

Each statement is read as a frame of slots: its event classes (what happened), its actors and
places (resolved entity keys; whole countries are too broad to count), and the days it names
outright. A group of statements from two or more articles is checked like this:

1. Its *assertion* is the member whose slots the other articles back best: a report (in a
   group holding a denial, the one naming most of what the denial names), one that names an
   event and names no day that no other article states, then the one with the fewest details
   of its own (slots and content words no other article states: an actor only it gives, "in
   her sleep"), then the one the most articles support (step 2), the fewest slots of its own,
   the most slots others state, a report before a rumour, a named subject before a pronoun, the
   shorter sentence. Its slots that another article also states are the claim's core. A day
   named approximately ("early Monday", "late on 3 May") is no slot of its sentence's own (its
   wording asserts no day outright), but it states that day: it backs another report's day,
   which is then no day only that report gives.
2. A member supports the assertion when it states the core: an event class of the assertion
   (or a related one) and every event of the core (each, or a related one), every core day
   (outright or approximately), and one of the core's actors and places at least (a sentence
   names some in passing: "Anna Berg, the mayor's sister"). A denial, or a report of a
   denial, contests the core rather than repeating it: it stays when it names one of the
   core's actors or places (or the core names none). A report in another language is read
   with that language's words (``data/events``; its days may be read differently): an event
   both name must be one or related, and it stays when it names one of the core's actors or
   places (or the core names none).
3. Members that do not support it are taken out and checked the same way among themselves:
   they become claims of their own (a fact one of them states with another), or stand alone.
   A member that also states another part's assertion is evidence of that claim too (a
   sentence telling two facts backs both), as a copy of the candidate with its own id.

Groups of figures are left whole (their values are judged together: a dispute needs both
values in one claim), and so are groups holding a statement of a language the event lexicon
cannot read (they aligned by meaning; their slots are not known).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..annotate.attribution_lang import language_pronouns
from . import lexicon as lx
from .records import ClaimCandidate


def by_support(candidates: Sequence[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return ``candidates`` (same order) with statement groups split so that every member
    of a group supports its assertion (see the module docstring), each followed by its copies
    into the other claims it supports (id "<id>+1" ...); groups renumbered 0, 1, 2 ... in
    order of their first candidate."""
    groups: dict[int, list[ClaimCandidate]] = defaultdict(list)
    for c in candidates:
        groups[c.group].append(c)
    label: dict[str, tuple[int, int]] = {}
    also: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for g, members in groups.items():
        parts = [members] if not _checked(members) else _split(members)
        for i, part in enumerate(parts):
            for c in part:
                label[c.id] = (g, i)
        if len(parts) > 1:
            for c, i in _also_supporting(members, parts):
                also[c.id].append((g, i))
    first: dict[tuple[int, int], int] = {}
    for c in candidates:
        first.setdefault(label[c.id], len(first))
    out = []
    for c in candidates:
        out.append(replace(c, group=first[label[c.id]]))
        for n, lab in enumerate(also.get(c.id, ()), 1):
            out.append(replace(c, id=f"{c.id}+{n}", group=first[lab]))
    return out


def _also_supporting(
    members: Sequence[ClaimCandidate], parts: Sequence[Sequence[ClaimCandidate]]
) -> list[tuple[ClaimCandidate, int]]:
    """Return (member, part index) for each member of one part that also states another
    part's assertion: a sentence that tells two facts ("the offensive, led by the group,
    began on 27 November") is evidence of each. Only an assertion that states nothing no other
    article states takes such members."""
    part_of = {c.id: i for i, part in enumerate(parts) for c in part}
    out = []
    for i, part in enumerate(parts):
        rep = representative(part)
        others = {s for c in members if c.article != rep.article for s in states(c)}
        if slots(rep) - others:
            continue
        kernel = core(rep, members)
        for c in members:
            if part_of[c.id] != i and not c.contests and supports(c, rep, kernel):
                out.append((c, i))
    return out


def _checked(members: Sequence[ClaimCandidate]) -> bool:
    """Return True for a group whose support is checked: statements of read languages from two
    or more articles."""
    if len({c.article for c in members}) < 2:
        return False
    return all(c.figure is None and not c.unread for c in members)


def slots(c: ClaimCandidate) -> frozenset[str]:
    """Return the frame slots ``c`` states: "c:<event class>" (of its words, or of what
    happened to a thing it names), "e:<actor or place>" (not a
    whole country), "d:<ISO day named outright>", "i:<place>" for a place it puts what it
    tells in ("fighting in X"; "20 km from X", "approaching X" name X only as a landmark).
    An "i:" slot is never required of a supporting member (``supports``): it tells which
    sentence asserts more than the others, for the wording."""
    out = {"c:" + k for k in c.classes - lx.WEAK_CLASSES}
    # what happened to a thing is told, whatever word told it ("toppling its spire": the
    # spire came down, ``ClaimCandidate.targets``)
    out |= {"c:" + k for k, _ in c.targets if k not in lx.WEAK_CLASSES}
    out |= {"e:" + k for k in c.entities - c.broad}
    out |= {"d:" + d.value for d in c.dates if d.exact and not d.since and d.precision == "day"}
    out |= {"i:" + k for k in c.located - c.broad}
    return frozenset(out)


def states(c: ClaimCandidate) -> frozenset[str]:
    """Return what ``c`` states that backs another report's slots: its slots, and every day it
    names, approximately too ("early on Thursday" backs "on Thursday")."""
    days = {"d:" + d.value for d in c.dates if d.precision == "day" and not d.since}
    return slots(c) | days


def _pronoun_subject(c: ClaimCandidate) -> bool:
    """Return True when the sentence's subject is a bare pronoun ("It captured ...", "In a
    few days, it captured ..."): a claim worded so does not say who."""
    head = lx.words(c.text)[:6]
    known = language_pronouns(c.language or "en")
    return any(w.lower() in known for w in head)


def _preference(members: Sequence[ClaimCandidate]):  # noqa: ANN202
    """Return the key that orders members as assertions, best first: a report before a denial
    or a rumour, no day only it names, fewest slots only its article states, most slots
    others state, a named subject before a pronoun, the shorter sentence."""
    frames = {c.id: slots(c) for c in members}
    stated: dict[str, set[str]] = defaultdict(set)
    for c in members:
        for s in states(c):
            stated[s].add(c.article)

    def key(c: ClaimCandidate) -> tuple:
        alone = [s for s in frames[c.id] if stated[s] == {c.article}]
        shared = len(frames[c.id]) - len(alone)
        return (
            c.contests,
            c.stance == "rumoured",
            any(s.startswith("d:") for s in alone),
            len(alone),
            -shared,
            _pronoun_subject(c),
            len(c.text),
            c.published or "9999",
            c.article,
            c.start,
        )

    return key


def representative(members: Sequence[ClaimCandidate]) -> ClaimCandidate:
    """Return the member asserted as the group's claim (the first of ``ranked``)."""
    return ranked(members)[0]


def ranked(
    members: Sequence[ClaimCandidate],
    flagged: frozenset[str] | set[str] = frozenset(),
    busy: frozenset[str] | set[str] = frozenset(),
    garbled: frozenset[str] | set[str] = frozenset(),
    undated: frozenset[str] | set[str] = frozenset(),
) -> list[ClaimCandidate]:
    """Return the members in the order they would serve as the group's assertion: a report,
    not a denial, and in a group holding a denial the one naming most of the events, actors
    and places the denial names; one that names an event (a sentence naming none, "the
    company is a studio", says too little to check the others against) and names no day no
    other article names (but first one whose sentence is not garbled, ids in ``garbled``: a
    word glued to its article, "TheIran", or a passage a translation or quality warning points
    at; a day only it names is left out of the claim's wording, ``wording``); then the one
    with the fewest details no other article states
    (slots, content words); then the one the most articles of the group support
    (``supports``), one from an article not in ``flagged`` (machine-translated or of low
    quality: its wording reads worst), one whose sentence tells no other event (ids in
    ``busy``: its wording would assert more than the claim), the fewest slots only it
    states, the most slots others also state, then by ``_preference``. A member in
    ``undated`` is worded without the days only it names (``wording.core_wording`` leaves
    them out): it may word the claim, but those days are still details only it gives (its
    passage gives them)."""
    key = _preference(members)
    contested = {s for c in members if c.contests for s in slots(c) if s[0] in "ce"}
    others: dict[str, set[str]] = defaultdict(set)
    for c in members:
        others[c.article] |= states(c)

    said: dict[str, set[str]] = defaultdict(set)
    for c in members:
        said[c.article] |= c.words

    def rank(rep: ClaimCandidate) -> tuple:
        kernel = core(rep, members)
        backing = {c.article for c in members if supports(c, rep, kernel)}
        only = slots(rep) - {s for a, o in others.items() if a != rep.article for s in o}
        alone = len(only)
        told = any(s.startswith("c:") for s in slots(rep))
        # its words no other article says: details only it gives ("in her sleep")
        own = len(rep.words - {w for a, ws in said.items() if a != rep.article for w in ws})
        return (
            rep.contests,
            len(contested - slots(rep)),
            not told,
            rep.id in garbled,
            rep.id not in undated and any(s.startswith("d:") for s in only),
            alone + own,
            -len(backing),
            rep.article in flagged,
            rep.id in busy,
            alone,
            -len(kernel),
            key(rep),
        )

    return sorted(members, key=rank)


def core(rep: ClaimCandidate, members: Sequence[ClaimCandidate]) -> frozenset[str]:
    """Return the slots of ``rep`` that another article of ``members`` also states."""
    others = {s for c in members if c.article != rep.article for s in states(c)}
    return slots(rep) & others


def supports(c: ClaimCandidate, rep: ClaimCandidate, kernel: frozenset[str]) -> bool:
    """Return True when ``c`` states what ``rep`` asserts: its core ``kernel``."""
    if c is rep:
        return True
    own = states(c)
    places = {s for s in kernel if s.startswith("e:")}
    classes = {s[2:] for s in slots(rep) if s.startswith("c:")}
    told = {s[2:] for s in own if s.startswith("c:")}
    if c.contests and not rep.contests:
        # a denial contests the core: what it must name is who and where
        return not places or bool(places & own)
    if (c.language or "en") != (rep.language or "en"):
        # a report in another language is read with that language's words: an event both
        # name must be one (or related); its days may be read differently, so what else both
        # state in every language is who and where
        if classes and told and not told & lx.related(classes):
            return False
        return not places or bool(places & own)
    if classes and not told & lx.related(classes):
        return False
    # every event of the assertion that another article also tells must be told (or a related
    # one): "the army withdrew and the rebels took the south" is not backed by "the rebels
    # took positions" alone
    for k in (s[2:] for s in kernel if s.startswith("c:")):
        if not told & lx.related({k}):
            return False
    days = {s for s in kernel if s.startswith("d:")}
    named = {s for s in kernel if s.startswith("e:")}
    return days <= own and (not named or bool(named & own))


def _same_day(
    members: Sequence[ClaimCandidate], keep: Sequence[ClaimCandidate], rep: ClaimCandidate
) -> list[ClaimCandidate]:
    """Return the members not in ``keep`` that tell an event of the assertion on a day named
    outright that a kept member of another article tells it on ("their offensive, which
    began on 27 November" beside "a coalition launched an offensive on 27 November", kept for
    an assertion that names no day): the same event told on the same day, whoever the
    sentence names on the way. Not a denial (it contests the event, see ``_split``)."""
    kept = {c.id for c in keep}
    classes = lx.related({s[2:] for s in slots(rep) if s.startswith("c:")})
    told: dict[str, set[str]] = defaultdict(set)  # day slot -> articles of kept members
    for c in keep:
        for s in slots(c):
            if s.startswith("d:") and {x[2:] for x in slots(c) if x.startswith("c:")} & classes:
                told[s].add(c.article)
    out = []
    for c in members:
        if c.id in kept or c.contests:
            continue
        own = slots(c)
        if not {s[2:] for s in own if s.startswith("c:")} & classes:
            continue
        if any(told.get(s, set()) - {c.article} for s in own if s.startswith("d:")):
            out.append(c)
    return out


def _split(members: Sequence[ClaimCandidate]) -> list[list[ClaimCandidate]]:
    """Return ``members`` cut into parts whose members support the part's assertion; a
    denial or a report of one joins the part it shares most actors and places with (it
    contests that part's assertion), or stands alone."""
    contesting = [c for c in members if c.contests]
    parts: list[list[ClaimCandidate]] = []
    remaining = [c for c in members if not c.contests] or list(members)
    if len(remaining) == len(members):
        contesting = []
    while remaining:
        if len({c.article for c in remaining}) < 2:
            parts.append(remaining)
            break
        rep = representative(remaining)
        kernel = core(rep, remaining)
        keep = [c for c in remaining if supports(c, rep, kernel)]
        keep += _same_day(remaining, keep, rep)
        parts.append(keep)
        kept = {c.id for c in keep}
        remaining = [c for c in remaining if c.id not in kept]
    for c in contesting:
        own = {s for s in slots(c) if s.startswith("e:")}
        shared = [len(own & {s for m in part for s in slots(m)}) for part in parts]
        best = max(range(len(parts)), key=lambda i: (shared[i], -i)) if parts else -1
        if best >= 0 and (shared[best] or not own):
            parts[best].append(c)
        else:
            parts.append([c])
    return parts
