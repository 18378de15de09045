"""Conflicts inside one claim group: figures, units, denials, dates, places; and updates.

* **number**: figures for one count that differ beyond rounding (``tolerance``, 5 %, when
  either is approximate or both are in the thousands; exact otherwise) and that are not an
  update.
* **unit**: the same number given in different units of one dimension ("20 km" / "20 miles").
* **update**: figures that change from one publication day to the next, one value a day, each
  change either announced ("rose to", "revised") or in one direction: a toll that grows is
  revised, not contradicted. A tally (the dead, injured, missing, displaced, arrested) that
  one of its reports gives as a running count ("the death toll rose to", "il bilancio",
  "حصيلة": ``claims/data/running.json``) is reported several times a day by outlets not all up
  to date: its values differ as an update unless two sources give different values for one
  moment (their clauses name the same day, or the same date of an earlier event, in reports
  of one day).
* **denial**: a report that something happened against one that it did not (a denial, "had not
  entered", "remains in"); or a denial of "reports that ..." standing alone.
* **date**: one event given different named days ("December 5" / "this Friday") by reports of
  different origins.
* **place**: one event placed in different countries by reports of different origins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..claims import lexicon as lx
from ..claims.align import compatible, two_sources
from ..claims.records import ClaimCandidate, Figure
from ..model import Article, Conflict, ConflictValue

_EVENT_WORDS = {
    "kill": "killed",
    "displace": "displaced",
    "injure": "injured",
    "missing": "missing",
    "flee": "who fled or crossed",
    "seize": "taken",
    "withdraw": "withdrawn",
    "attack": "in attacks",
    "arrest": "arrested",
    "desert": "who deserted",
    "rescue": "rescued",
    "kidnap": "held hostage",
    "release": "released",
    "aboard": "aboard",
    "protest": "who protested",
}
_DENIAL_WORD = re.compile(
    r"\b(?:denied|denies|deny|denying|refuted|refutes|rejected|rejects|dismissed|insisted"
    r"|insists|unfounded|baseless|untrue|false|intact|undamaged|never|not|no\s+longer"
    r"|remains?\s+in|remained\s+in|stay(?:s|ed)?\s+in)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?\"”]")
_MAX_PHRASE = 70


@dataclass(frozen=True, slots=True)
class Update:
    """A figure that moved over time: (publication day, value as written, article) in order."""

    steps: tuple[tuple[str, str, str], ...]
    announced: bool  # at least one later report says it changed ("rose to")


def figure_verdict(
    members: Sequence[ClaimCandidate],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
    tolerance: float = 0.05,
) -> tuple[Conflict | None, Update | None]:
    """Return the figure conflict of a group (or None) and its update (or None). A first
    estimate its own sentence replaces ("initially 5.4, then 5.7") is an earlier step of the
    figure: the verdict is the other figures', and their value revises it."""
    figs = [c for c in members if c.figure is not None and not c.negated]
    firsts = [
        c
        for c in figs
        if _figure(c).first_estimate
        and any(o.sentence == c.sentence and o.article == c.article for o in figs if o is not c)
    ]
    if firsts:
        return _revised(firsts, [c for c in figs if c not in firsts], same_origin, tolerance)
    values = _value_classes(figs, tolerance)
    if len(values) < 2:
        return None, None
    counts = all(_figure(c).dimension == "count" for c in figs)
    tally = all(_figure(c).event in TALLY_EVENTS for c in figs)
    update = None
    at_once = False
    # how many were aboard is fixed when the trip began: its values never update each other
    fixed = all(_figure(c).event == lx.ABOARD for c in figs)
    side = _side_by_side(values)
    if counts and not fixed and (not side or tally):
        # two sources giving a tally two values for one moment disagree: no step of an update
        # ("28 dead on Thursday" / "40 dead on Thursday"), nor do two an article gives side
        # by side ("the police counted 19, the hospital 24")
        at_once = tally and (side or _same_moment(values, same_origin))
        # how many attacked (gunmen, assailants: what is counted as fighters, no tally of what
        # befell them) changes only when a report says so ("now put at four"): one way alone
        # is two accounts; tallies and other counts (aftershocks, homes destroyed) grow
        moving = tally or any(_figure(c).counted != lx.ATTACKERS for c in figs)
        update = _update(values, moving=moving) or (
            _tally_update(values) if tally and not at_once else None
        )
        running = any(c.running for c in figs) or _one_place(figs)
        if update is None and tally and running and not at_once:
            update = _running_tally(values)
    if update is not None:
        return None, update
    pairs = [
        (a, b)
        for i, va in enumerate(values)
        for vb in values[i + 1 :]
        for a in va
        for b in vb
        if not same_origin(a, b)
    ]
    if tally:
        # a tally's bound read as a point kept the values apart for ordering; given at one
        # time, "more than 100" and "112" agree
        pairs = [
            (a, b)
            for a, b in pairs
            if not compatible(_figure(a).base, _figure(b).base, a.figure, b.figure, tolerance)
        ]
    if not pairs:
        return None, None  # one origin gives two figures: not a dispute between sources
    unit = [
        (a, b)
        for a, b in pairs
        if _figure(a).value == _figure(b).value and _figure(a).unit != _figure(b).unit
    ]
    kind = "unit" if unit else "number"
    shown = [c for v in values for c in v]
    moved = at_once and len({_day(c) for c in figs}) > 1
    if moved:
        # a tally that moved over time disagrees at its moment, not along its course: its
        # sides are the values given for that moment ("19" / "24" on the first evening), not
        # the later "27", "33" and "31", which are steps of the course told after them
        rivals = {
            c.id
            for a, b in _side_by_side_pairs(values) + _same_moment_pairs(values, same_origin)
            for c in (a, b)
        }
        shown = [c for c in shown if c.id in rivals] or shown
    cvalues = tuple(
        ConflictValue(
            article=c.article, value=_figure(c).text, start=_figure(c).start, end=_figure(c).end
        )
        for c in shown
    )
    # a tally that also moved over time: its values are no single revision, since two sources
    # give two of them for one moment
    why = (
        "Two sources give different values for one moment, so they are not steps of one "
        "revision, though the count also changed over time."
        if moved
        else ""
    )
    if why:
        # the count's course besides the disagreement, day by day (a correction last)
        course = _tally_update(values)
        if course is not None and len(course.steps) >= _COURSE_STEPS:
            told = " -> ".join(_course(course.steps, {(c.article, _figure(c).text) for c in shown}))
            why += f" As reported day by day: {told}."
    return Conflict(kind=kind, values=cvalues, why=why), None


# Steps a disputed tally's course must have to be told beside its disagreement.
_COURSE_STEPS = 3


def _course(steps: Sequence[tuple[str, str, str]], rivals: set[tuple[str, str]]) -> list[str]:
    """Return a disputed tally's course day by day, as written: the rival values of its
    disputed moment (``rivals``: (article, value as written)) one step, "19 or 24
    (2030-03-05)", since neither came after the other."""
    out: list[tuple[str, list[str], bool]] = []
    for day, value, article in steps:
        rival = (article, value) in rivals
        if out and rival and out[-1][2] and out[-1][0] == day:
            out[-1][1].append(value)
        else:
            out.append((day, [value], rival))
    return [f"{' or '.join(values)} ({day})" for day, values, _ in out]


def _side_by_side(values: list[list[ClaimCandidate]]) -> bool:
    """Return True when one sentence gives two of the values (two accounts it sets side by
    side: "the ministry counted 40, while the Red Crescent put it at 65"), or one article
    gives two of a tally as its sources' ("the police chief said 19 bodies were recovered" /
    "the hospital director said 24 had died"): they stand for one moment, so the values are
    no steps of an update. A value its report recalls or corrects ("police had spoken of 12",
    "31, not 33 as reported") or gives as a change ("rose to 27") is no second account."""
    return bool(_side_by_side_pairs(values))


def _side_by_side_pairs(
    values: list[list[ClaimCandidate]],
) -> list[tuple[ClaimCandidate, ClaimCandidate]]:
    """Return the pairs of figures ``_side_by_side`` finds: two accounts of one moment that
    one sentence, or one article from two sources, gives."""
    out = []
    seen: dict[tuple[str, tuple[int, int]], tuple[int, ClaimCandidate]] = {}
    said: dict[str, tuple[int, ClaimCandidate]] = {}
    for i, cls in enumerate(values):
        for c in cls:
            if c.earlier or c.lowered or c.update_cue or _figure(c).first_estimate:
                continue
            j, other = seen.setdefault((c.article, c.sentence), (i, c))
            if j != i:
                out.append((other, c))
                continue
            j, other = said.setdefault(c.article, (i, c))
            if j != i and two_sources(c, other):
                out.append((other, c))
    return out


def _one_place(figs: Sequence[ClaimCandidate]) -> bool:
    """Return True when every figure of a group is counted in one named place, not a whole
    country ("120 in X", "131 a X"): a place's toll runs as its dead are found, as a toll
    that a report calls one does."""
    common = frozenset.intersection(*(_figure(c).scope for c in figs))
    return bool(common) and all(not (_figure(c).scope <= c.broad) for c in figs)


def _revised(
    firsts: Sequence[ClaimCandidate],
    rest: Sequence[ClaimCandidate],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
    tolerance: float,
) -> tuple[Conflict | None, Update | None]:
    """Return the verdict of a group holding first estimates (``firsts``) that their own
    sentences replace: the conflict of the other figures if they disagree, else an update
    from the first estimates to the current value (or to the update of the others)."""
    conflict, update = figure_verdict(rest, same_origin, tolerance)
    if conflict is not None:
        return conflict, None
    first_steps = [
        (_day(c) or "date unknown", _figure(c).text, c.article)
        for c in sorted(firsts, key=lambda c: (c.published or "~", c.article, c.start))
    ]
    if update is not None:
        return None, Update(steps=(*first_steps, *update.steps), announced=True)
    now = sorted(rest, key=lambda c: (c.published or "~", c.article, c.start))
    shown = [(_day(c) or "date unknown", _figure(c).text, c.article) for c in now[:1]]
    return None, Update(steps=(*first_steps, *shown), announced=True)


def _figure(c: ClaimCandidate) -> Figure:
    """Return the figure of a figure candidate (the callers keep only those)."""
    assert c.figure is not None
    return c.figure


def figure_subject(c: ClaimCandidate) -> str:
    """Return what a figure counts, in words: "people displaced", "the distance"."""
    f = c.figure
    assert f is not None
    if f.dimension == "clock":
        return "the time"
    if f.dimension == "length":
        # a measure the figure is read as (the quake's depth, a tower's height), else how far
        return _LENGTH_SUBJECTS.get(f.concept or "", "the distance")
    if f.dimension != "count":
        return f"the {f.dimension.replace('unit:', '')} figure"
    event = _EVENT_WORDS.get(f.event or "", f.event or "")
    # the noun as written when it is English ("bodies"); else what is counted, in the
    # report's words ("people"), not "personas"
    noun = f.noun if c.language in (None, "en") or f.counted != "people" else None
    if not (noun or f.counted):
        return f"the figure ({f.event})" if f.event else "the figure"
    return f"{noun or f.counted} {event}".strip()


_LENGTH_SUBJECTS = {
    "depth": "the depth",
    "height": "the height",
    "length": "the length",
    "extent": "the size",
}


def value_classes(
    members: Sequence[ClaimCandidate], tolerance: float = 0.05
) -> list[list[ClaimCandidate]]:
    """Return the figures of a group (not its negations) grouped by agreeing value, smallest
    value first: the sides of a disputed figure, the steps of an updated one."""
    return _value_classes([c for c in members if c.figure is not None and not c.negated], tolerance)


def _value_classes(figs: Sequence[ClaimCandidate], tolerance: float) -> list[list[ClaimCandidate]]:
    """Return the figures grouped by agreeing value, smallest value first: a figure joins a
    class whose every figure it agrees with. A tally's "at least 73" is the count so far, not a
    bound that a later 247 meets: its bounds are read as points."""
    tally = all(_figure(c).event in TALLY_EVENTS for c in figs)
    classes: list[list[ClaimCandidate]] = []
    for c in sorted(figs, key=lambda c: (_figure(c).base, c.published or "", c.article)):
        f = _figure(c)
        for cls in classes:
            if all(
                compatible(_figure(m).base, f.base, m.figure, f, tolerance, bounds=not tally)
                for m in cls
            ):
                cls.append(c)
                break
        else:
            classes.append([c])
    return classes


# Counts that grow while an event unfolds and are reported several times a day (a toll of the
# dead, injured, missing, displaced, arrested, rescued): reports of one day may give several.
TALLY_EVENTS = lx.TALLY_EVENTS


def _tally_update(values: list[list[ClaimCandidate]]) -> Update | None:
    """Return the update of a tally reported over two days or more, several values a day
    allowed, when every day's values lie at or above (rising) or at or below (falling) all of
    the previous day's: "6 dead" then "18" then "37" on the first day, "247" the next. Steps go
    day by day, within a day in the direction of the move. Else None (values of two days that
    cross: a disagreement). A value a report says was lowered or corrected ("revised down
    to 61") is a step of a rising tally, after its day's other values (``_rises``). A report
    dated to the month only orders nothing: its value is a step of unknown day, after the
    others."""
    by_day: dict[str, set[int]] = {}
    undated: list[int] = []
    recalled: dict[int, str] = {}  # a value only recalled ("police had spoken of 12"): its day
    for i, cls in enumerate(values):
        for c in cls:
            if not c.published:
                return None
            day = _day(c)
            if c.earlier:
                if day is not None:
                    recalled[i] = min(recalled.get(i, day), day)
            elif day is None:
                undated.append(i)
            else:
                by_day.setdefault(day, set()).add(i)
    on_days: set[int] = set().union(*by_day.values())
    # a value recalled and told by no report as it stood: a step of its day, before the rest
    early = {i: day for i, day in recalled.items() if i not in on_days and i not in undated}
    days = sorted(by_day)
    if len(days) < 2:
        return None
    lowered = {i for i, cls in enumerate(values) if any(c.lowered for c in cls)}
    pairs = list(zip(days, days[1:], strict=False))
    rising = _rises([by_day[d] for d in days], lowered)
    falling = all(min(by_day[a]) >= max(by_day[b]) for a, b in pairs)
    if not (rising or falling):
        return None
    steps: list[tuple[str, str, str]] = []
    last: int | None = None
    for d in sorted(set(days) | set(early.values())):
        # a day's recalled values come first, its corrections after its other values: "12
        # in the morning", "19", then "revised down to 61"
        today = by_day.get(d, set()) | {i for i, day in early.items() if day == d}
        for i in sorted(today, key=lambda i: (i not in early, i in lowered, -i if falling else i)):
            if i == last:
                continue
            first = next(c for c in values[i] if _day(c) == d)
            steps.append((d, _figure(first).text, first.article))
            last = i
    for i in sorted(set(undated) - on_days, reverse=falling):
        first = next(c for c in values[i] if _day(c) is None)
        steps.append(("date unknown", _figure(first).text, first.article))
    announced = any(c.update_cue for cls in values for c in cls)
    return Update(steps=tuple(steps), announced=announced)


def _rises(days: Sequence[set[int]], lowered: set[int]) -> bool:
    """Return True when the values of each day (value class indices, smallest value first)
    lie at or above all of the values before them, a value that a report says was lowered or
    corrected (``lowered``: "revised down to 61") excepted: it replaces the higher count it
    corrects, and the days after it need only reach it."""
    floor = -1
    for day in days:
        corrected, plain = day & lowered, day - lowered
        if corrected:
            floor = max(corrected)  # the corrected count is what the day's values meet
        if plain and min(plain) < floor:
            return False
        if not corrected:
            floor = max(plain | {floor})
    return True


def _day(c: ClaimCandidate) -> str | None:
    """Return the publication day of a candidate, None when unknown or known to the month
    only (a report of May cannot say whether its figure came before or after one of 20
    May)."""
    return c.published if c.day_known else None


def _moment(c: ClaimCandidate) -> set[str]:
    """Return the days (or months, years) a figure's own clause gives it: its as-of moment. A
    day of the story's own time named before the figure, or well after it, is the day the
    counted event struck ("Tuesday's quake killed at least 225", "224 died after the quake
    on Tuesday, Sept. 19"), not the moment it was counted: the moment follows the figure
    closely ("stood at 40 on Wednesday", "era de 55 el miércoles"), or is the report's own
    day or later; an earlier event's date ("the quake of 7 September killed 98") is its
    moment wherever it stands."""
    f = c.figure
    out = set()
    for d in c.dates:
        if d.since:
            continue
        after = f is not None and 0 <= d.start - f.end <= _MOMENT_AFTER
        # the report's own day or later, named near the figure ("the toll on Friday stood
        # at 41"); named further off in a long sentence it is the day the event struck
        # ("the storm that struck the coast on 3 May, flooding farms ... has killed 58")
        near = f is None or (
            f.start - d.end <= _MOMENT_BEFORE
            if d.end <= f.start
            else d.start - f.end <= _MOMENT_AFTER
        )
        if after or not c.published or (near and d.value >= c.published[:10]):
            out.add(d.value)
        elif d.precision != "day" or _days_before(c.published, d.value) > _RECENT_DAYS:
            out.add(d.value)  # an earlier event's date
    return out


# How far after a figure (characters) a day is the figure's own moment ("40 on Wednesday").
_MOMENT_AFTER = 30
# How far before a figure (characters) the report's own day is the figure's moment.
_MOMENT_BEFORE = 40
# A day further back than this before a report's publication is an earlier event's.
_RECENT_DAYS = 10


def _days_before(published: str, day: str) -> int:
    """Return how many days ``day`` lies before ``published`` (ISO days), 0 when unreadable."""
    from datetime import date

    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(day)).days
    except ValueError:
        return 0


def _same_moment(
    values: list[list[ClaimCandidate]],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
) -> bool:
    """Return True when two sources give different values of a tally for one moment: both
    clauses name the same day ("367 hospitalized Friday" / "387 on Friday"), or the same date
    of an earlier event ("the 1985 quake killed ..."), in reports of one publication day (or
    of unknown days)."""
    return bool(_same_moment_pairs(values, same_origin))


def _same_moment_pairs(
    values: list[list[ClaimCandidate]],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
) -> list[tuple[ClaimCandidate, ClaimCandidate]]:
    """Return the pairs of figures ``_same_moment`` finds."""
    return [
        (a, b)
        for i, va in enumerate(values)
        for vb in values[i + 1 :]
        for a in va
        for b in vb
        if _moment(a) & _moment(b)
        and (a.published == b.published or a.published is None or b.published is None)
        and not same_origin(a, b)
        and not (a.lowered or b.lowered)  # a correction replaces the count of its moment
    ]


def _running_tally(values: list[list[ClaimCandidate]]) -> Update:
    """Return the update of a tally whose values no two sources give for one moment: a toll
    reported while it runs, several times a day, by outlets that are not all up to date. The
    steps go by publication day (unknown days last), then by value in the direction of the
    move (a toll rises unless its latest day gives less than its first)."""
    firsts = []
    for i, cls in enumerate(values):
        for c in cls:
            firsts.append((_day(c) or "~", i, c))
    days = sorted({d for d, _, _ in firsts if d != "~"})
    falling = bool(days) and (
        max(i for d, i, _ in firsts if d == days[-1]) < min(i for d, i, _ in firsts if d == days[0])
    )
    order = sorted(firsts, key=lambda t: (t[0], -t[1] if falling else t[1], t[2].article))
    steps: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for day, i, c in order:
        if i in seen:
            continue
        seen.add(i)
        steps.append((day if day != "~" else "date unknown", _figure(c).text, c.article))
    announced = any(c.update_cue for cls in values for c in cls)
    return Update(steps=tuple(steps), announced=announced)


def _update(values: list[list[ClaimCandidate]], moving: bool = True) -> Update | None:
    """Return the update when each publication day holds one value and the values announce
    the change ("rose to", "revised down") or, for a count that ``moving`` says grows or
    shrinks as events unfold (a tally), move one way; else None."""
    day_value: dict[str, int] = {}
    for i, cls in enumerate(values):
        for c in cls:
            day = _day(c)
            if not day:
                return None
            if day_value.setdefault(day, i) != i:
                return None  # two values on one day: a disagreement, not a revision
    days = sorted(day_value)
    seq = [day_value[d] for d in days]
    steps_idx = [seq[0]] + [v for prev, v in zip(seq, seq[1:], strict=False) if v != prev]
    if len(set(steps_idx)) != len(steps_idx):
        return None  # a value comes back after another: no single revision path
    announced = any(c.update_cue for i in steps_idx[1:] for c in values[i])
    rising = steps_idx == sorted(steps_idx)
    falling = steps_idx == sorted(steps_idx, reverse=True)
    if not (announced or (moving and (rising or falling))):
        return None
    steps: list[tuple[str, int, ClaimCandidate]] = []
    for d in days:
        i = day_value[d]
        if steps and steps[-1][1] == i:
            continue
        first = next(c for c in values[i] if _day(c) == d)
        steps.append((d, i, first))
    return Update(
        steps=tuple((d, _figure(c).text, c.article) for d, _, c in steps), announced=announced
    )


def denial_conflict(
    members: Sequence[ClaimCandidate], articles: Mapping[str, Article]
) -> Conflict | None:
    """Return the denial conflict of a group, or None."""
    positive = [c for c in members if not c.negated]
    negative = [c for c in members if c.negated]
    if not negative:
        return None
    silent = silent_beside_denial(members)
    positive = [c for c in positive if c.id not in silent]
    values: list[ConflictValue] = []
    if positive:
        values += [_phrase_value(articles[c.article], c, negative=False) for c in positive]
    else:
        for c in negative:
            if c.disputes_reports:
                found = _reported_value(articles[c.article], c)
                if found is not None:
                    values.append(found)
        if not values:
            return None
    values += [_phrase_value(articles[c.article], c, negative=True) for c in negative]
    return Conflict(kind="denial", values=tuple(values), why="")


def silent_beside_denial(members: Sequence[ClaimCandidate]) -> frozenset[str]:
    """Return the ids of the members that read no event at all (no event word the lexicon
    knows: "zei op de radio: 'De hervorming wordt niet ingetrokken'"), blame no one and deny
    nothing, in a group whose denials name the event they deny: such a report asserts
    nothing a denial denies, so it is no other side of it, nor support the denial lacks (it
    tells, in words unread, what the denials tell)."""
    if not any(c.negated and _strong(c) for c in members):
        return frozenset()
    return frozenset(c.id for c in members if not c.negated and not _strong(c) and not c.accused)


def _phrase_value(article: Article, c: ClaimCandidate, negative: bool) -> ConflictValue:
    """Return the words of ``c`` that carry its side: the denial or negation for the negative
    side; for the positive side the word blaming someone (``ClaimCandidate.accused``), else
    the event word, else what follows the verb of its source ("zegt dat ..."), and what
    follows."""
    s, e = c.sentence
    text = article.text
    start = None
    if negative:
        m = _DENIAL_WORD.search(text, s, e)
        start = m.start() if m else None
        if start is None and c.cue and c.stance == "denied":
            # the denial verb of the sentence's language ("negó", "ha smentito")
            at = text.find(c.cue, s, e)
            start = at if at >= 0 else None
        if start is None:
            # the negator of the sentence's language before its event word ("не наносило")
            negator = lx.negation_at(text[s:e], c.language)
            start = s + negator if negator is not None else None
    else:
        # who is blamed, where the sentence blames someone ("blamed the army for the attack")
        # (a side named as the deed's doer, "hit by an army airstrike", is shown by the deed)
        blamed = (
            lx.blame_at(text[s:e], c.language)
            if c.accused
            and (
                lx.blame(text[s:e], c.language)[0]
                # a party blamed by its name ("accusa Aerovesk di aver rinviato")
                or any(map(lx.named_party, c.accused))
            )
            else None
        )
        if blamed is None and c.accused:
            blamed = lx.doer_at(text[s:e], c.language)  # "an army airstrike", "a rebel drone"
        if blamed is not None:
            start = s + blamed
        else:
            start = _first_event_word(text, s, e, c.classes, c.language)
        if start is None and c.cue:
            # no event word: what the source says, after its verb ("... zegt dat de boot
            # overbeladen was"), not who says it
            at = text.lower().find(c.cue.lower(), s, e)
            start = at + len(c.cue) if at >= 0 and at + len(c.cue) < e - 1 else None
            if start is not None:
                start += len(text[start:e]) - len(text[start:e].lstrip(" ,:"))
                # a word set off by a comma right after the verb ("twierdzi natomiast, że
                # ...", "says however, that"): what the source says follows it
                aside = re.match(r"[^\W\d_]+\s*,\s*", text[start:e])
                if aside is not None and start + aside.end() < e - 1:
                    start += aside.end()
    if start is None:
        start = c.start
    return _value_from(article, start, e)


def _reported_value(article: Article, c: ClaimCandidate) -> ConflictValue | None:
    """Return "reports that ..." inside a denial sentence, the side it denies."""
    s, e = c.sentence
    m = lx.REPORTED_OBJECT.search(article.text, s, e)
    return _value_from(article, m.start(), e) if m else None


def _first_event_word(
    text: str, s: int, e: int, classes: frozenset[str], language: str | None = None
) -> int | None:
    for m in lx.word_spans(text[s:e]):
        if lx.event_classes(m.group(), language) & classes:
            return s + m.start()
    return None


def _value_from(article: Article, start: int, limit: int) -> ConflictValue:
    """Return the phrase from ``start`` to the end of its clause (at most ``_MAX_PHRASE``
    characters, cut at a word end)."""
    text = article.text
    m = _CLAUSE_END.search(text, start + 1, limit)
    end = m.start() if m else limit
    if end - start > _MAX_PHRASE:
        cut = text.rfind(" ", start, start + _MAX_PHRASE)
        end = cut if cut > start else start + _MAX_PHRASE
    return ConflictValue(article=article.id, value=text[start:end], start=start, end=end)


def date_conflict(
    members: Sequence[ClaimCandidate],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
) -> Conflict | None:
    """Return the date conflict of a group (named days that differ), or None."""
    dated = []
    for c in members:
        # A report with two dates ("found on Saturday, missing since Thursday") cannot tell
        # which is the event's own; only reports with one named day are compared.
        if len(c.dates) == 1 and c.dates[0].exact and not c.dates[0].since and not c.negated:
            dated.append((c, c.dates[0]))
    if len({d.value for _, d in dated}) < 2:
        return None
    if not any(
        da.value != db.value and not same_origin(a, b) and _strong(a) & _strong(b)
        for a, da in dated
        for b, db in dated
    ):
        return None
    values = tuple(
        ConflictValue(article=c.article, value=d.value, start=d.start, end=d.end)
        for c, d in sorted(dated, key=lambda x: (x[1].value, x[0].article))
    )
    return Conflict(kind="date", values=values, why="")


def _strong(c: ClaimCandidate) -> frozenset[str]:
    return c.classes - lx.WEAK_CLASSES


def place_conflict(
    members: Sequence[ClaimCandidate],
    same_origin: Callable[[ClaimCandidate, ClaimCandidate], bool],
    articles: Mapping[str, Article],
) -> Conflict | None:
    """Return the place conflict of a group (the event put in different countries), or None."""
    # Only reports that put the event in one country: "talks in Geneva on the situation
    # in Yemen" names a venue and a topic, and cannot tell which is the event's place.
    placed = [
        (c, c.event_countries) for c in members if len(c.event_countries) == 1 and not c.negated
    ]
    clash = [
        (a, b)
        for i, (a, ca) in enumerate(placed)
        for b, cb in placed[i + 1 :]
        if not ca & cb and not same_origin(a, b)
    ]
    if not clash:
        return None
    shown = {id(x): x for pair in clash for x in pair}.values()
    values = []
    for c in shown:
        article = articles[c.article]
        for start, end, _ in c.event_places:
            values.append(
                ConflictValue(
                    article=c.article, value=article.text[start:end], start=start, end=end
                )
            )
    return Conflict(kind="place", values=tuple(values), why="")
