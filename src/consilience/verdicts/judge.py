"""Verdicts: one ``Claim`` per group of aligned claim candidates.

Status, first match wins:

* **disputed**: the group holds a conflict (see ``conflicts``): figures, units, a denial, dates
  or places that disagree;
* **updated**: its figure moved over time without contradiction (a toll rising day by day);
* **corroborated**: two or more independent origins support it (``origins``); support inside
  content flagged ``unsupported_content`` does not count, so such content alone is never
  shown as corroborated;
* **single_source**: one origin, however many articles republish it.

Which groups become claims: every group, except a statement that only repeats, sentence for
sentence, what one of its sentence's other statements or figures already carries (a sentence
that names two events gives two candidates; when neither meets another report, one is kept).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..claims.lexicon import WEAK_CLASSES
from ..claims.records import ClaimCandidate
from ..claims.support import ranked, slots, states
from ..claims.wording import core_wording, readable
from ..model import (
    Article,
    Backing,
    Claim,
    ClaimStatus,
    Conflict,
    ConflictValue,
    Evidence,
    Source,
)
from .conflicts import (
    Update,
    date_conflict,
    denial_conflict,
    figure_subject,
    figure_verdict,
    place_conflict,
    silent_beside_denial,
    value_classes,
)
from .origins import Origins, article_label

_STATUS_ORDER = {"disputed": 0, "updated": 1, "corroborated": 2, "single_source": 3}
UNSUPPORTED = "unsupported_content"


def judge(
    candidates: Sequence[ClaimCandidate],
    articles: Mapping[str, Article],
    sources: Sequence[Source] = (),
) -> tuple[Claim, ...]:
    """Return one Claim per claim group of ``candidates`` (see the module docstring), ids
    "c1", "c2" ... ordered by status (disputed, updated, corroborated, single-source), then by
    independent sources (most first), then by evidence count, then by first evidence."""
    origins = Origins(articles, sources)
    groups = _groups(candidates)
    judged = []
    worded: set[str] = set()
    busy = _telling_more(candidates)
    for members in groups:
        claim = _verdict(members, articles, origins, worded, busy)
        worded.add(claim.text)
        judged.append((claim, _first(members)))
    judged.sort(
        key=lambda x: (
            _STATUS_ORDER[x[0].status],
            -x[0].independent_sources,
            -len(x[0].evidence),
            x[1],
        )
    )
    return tuple(_with_id(claim, f"c{i}") for i, (claim, _) in enumerate(judged, 1))


def _with_id(claim: Claim, cid: str) -> Claim:
    from dataclasses import replace

    return replace(claim, id=cid)


def _first(members: Sequence[ClaimCandidate]) -> tuple:
    c = min(members, key=_order)
    return _order(c)


def _order(c: ClaimCandidate) -> tuple:
    return (c.published or "9999", c.article, c.start)


def _groups(candidates: Sequence[ClaimCandidate]) -> list[list[ClaimCandidate]]:
    """Return the claim groups, without statements that only repeat a sibling's sentence."""
    by_group: dict[int, list[ClaimCandidate]] = defaultdict(list)
    for c in candidates:
        by_group[c.group].append(c)
    size = {g: len(m) for g, m in by_group.items()}
    siblings: dict[tuple[str, int], list[ClaimCandidate]] = defaultdict(list)
    for c in candidates:
        siblings[(c.article, c.sentence[0])].append(c)
    dropped: set[str] = set()
    for sibs in siblings.values():
        if len(sibs) < 2:
            continue
        lone = [c for c in sibs if size[c.group] == 1 and c.figure is None]
        if len(lone) == len(sibs):
            lone = lone[1:]  # nobody else reports any of them: keep the first as the claim
        dropped.update(c.id for c in lone)
    # Groups that hold exactly the same sentences (a figure and its sentence's statement, or
    # two statements of one two-event sentence met by the same reports) are one claim; two
    # figures are not ("40 dead in X and 25 in Y" in two reports: two facts), and the
    # statement goes with the first of them.
    merged: dict[frozenset, list[ClaimCandidate]] = {}
    figures: list[tuple[frozenset, list[ClaimCandidate]]] = []
    for g in sorted(by_group):
        members = [c for c in by_group[g] if c.id not in dropped]
        if members:
            key = frozenset((c.article, c.sentence) for c in members)
            if any(c.figure is not None for c in members):
                figures.append((key, members))
            else:
                merged.setdefault(key, []).extend(members)
    out = []
    for key, members in figures:
        out.append(members + merged.pop(key, []))
    return out + list(merged.values())


def _dedupe(members: Sequence[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return the members with one candidate per evidence span, in reading order."""
    seen: dict[tuple[str, int, int], ClaimCandidate] = {}
    for c in sorted(members, key=_order):
        seen.setdefault((c.article, c.start, c.end), c)
    return list(seen.values())


def _unsupported(article: Article | None, c: ClaimCandidate) -> bool:
    """Return True when ``c`` lies inside content its article flags as unsupported."""
    if article is None:
        return False
    for flag in article.flags:
        if flag.kind == UNSUPPORTED and any(s <= c.start and c.end <= e for s, e in flag.spans):
            return True
    return False


def _verdict(
    members: Sequence[ClaimCandidate],
    articles: Mapping[str, Article],
    origins: Origins,
    worded: set[str] | frozenset[str] = frozenset(),
    busy: set[str] | frozenset[str] = frozenset(),
) -> Claim:
    members = _dedupe(members)
    origin_groups = origins.groups(members)
    origin_index = {c.id: i for i, g in enumerate(origin_groups) for c in g}

    def same_origin(a: ClaimCandidate, b: ClaimCandidate) -> bool:
        return origin_index[a.id] == origin_index[b.id]

    conflicts: list[Conflict] = []
    update: Update | None = None
    figures = [c for c in members if c.figure is not None]
    if figures:
        fig_conflict, update = figure_verdict(figures, same_origin)
        if fig_conflict is not None:
            conflicts.append(_explained(fig_conflict, figures, articles))
    for found in (
        denial_conflict(members, articles),
        None if figures else date_conflict(members, same_origin),
        place_conflict(members, same_origin, articles),
    ):
        if found is not None:
            conflicts.append(_explained(found, members, articles))
    # a rumour is told, not confirmed: it backs no claim's corroboration ("se dice que ...")
    silent = silent_beside_denial(members)
    support = [
        c
        for c in members
        if not c.negated
        and c.id not in silent
        and c.stance != "rumoured"
        and not _unsupported(articles.get(c.article), c)
    ]
    flagged = [c for c in members if _unsupported(articles.get(c.article), c)]
    n_support = origins.count(support) if support else 0
    n_all = origins.count(members)
    status: ClaimStatus
    if conflicts:
        status, count = "disputed", n_all
    elif update is not None:
        status, count = "updated", n_all
    elif n_support >= 2:
        status, count = "corroborated", n_support
    else:
        status, count = "single_source", max(n_support, 1 if members else 0)
    evidence = tuple(
        Evidence(
            article=c.article,
            start=c.start,
            end=c.end,
            attributed_to=c.attributed_to,
            stance=c.stance,
            figure=_normalised(c),
        )
        for c in members
    )
    backing: tuple[Backing, ...] = ()
    if figures and (
        status == "updated"
        or (status == "disputed" and any(c.kind in ("number", "unit") for c in conflicts))
    ):
        backing = _backing(figures, origins)
    why = _why(status, members, support, flagged, conflicts, update, origins, articles)
    if any(b.independent_sources > 1 for b in backing):
        # said in words only when a value has several sources (one each: the list says it)
        why += " " + _backing_phrase(backing)
    return Claim(
        id="",
        text=_representative(
            _latest(members, update),
            worded,
            _poorly_worded(articles) | origins.translations,
            busy,
            articles,
        ),
        status=status,
        independent_sources=count,
        evidence=evidence,
        conflicts=tuple(conflicts),
        why=why,
        backing=backing,
    )


def _latest(members: Sequence[ClaimCandidate], update: Update | None) -> list[ClaimCandidate]:
    """Return the members a claim is worded by: for a figure that moved over time, the reports
    of its latest value (what stands now: "the toll rose to 17", not the first "11"); else
    all of them."""
    if update is None:
        return list(members)
    _, text, article = update.steps[-1]
    last = next(
        (c for c in members if c.article == article and c.figure and c.figure.text == text), None
    )
    if last is None or last.figure is None:
        return list(members)
    value = last.figure.value
    return [c for c in members if c.figure is not None and c.figure.value == value]


def _backing(figures: Sequence[ClaimCandidate], origins: Origins) -> tuple[Backing, ...]:
    """Return each value of a disputed or updated figure with its independent sources (its
    reports' origins counted once) and its articles, most sources first, then by value. A
    value is the one most of its reports write ("400" among "400", "about 400")."""
    out = []
    for n, side in enumerate(value_classes(figures)):
        written = [v for c in side if (v := _normalised(c)) is not None]
        if not written:
            continue
        value = max(dict.fromkeys(written), key=written.count)
        seen = sorted({c.article for c in side})
        out.append((origins.count(side), n, Backing(value, origins.count(side), tuple(seen))))
    return tuple(b for _, _, b in sorted(out, key=lambda x: (-x[0], x[1])))


def _backing_phrase(backing: Sequence[Backing]) -> str:
    """Return the independent sources of each value in words: "Independent sources per value:
    400: 5; more than 500: 1." """
    told = "; ".join(f"{b.value}: {b.independent_sources}" for b in backing)
    return f"Independent sources per value: {told}."


def _telling_more(candidates: Sequence[ClaimCandidate]) -> frozenset[str]:
    """Return the ids of the statements whose sentence tells another event too (it gives a
    candidate per event): worded by such a sentence a claim asserts more than its own fact."""
    events: dict[tuple[str, tuple[int, int]], set[str]] = defaultdict(set)
    for c in candidates:
        events[(c.article, c.sentence)] |= c.classes - WEAK_CLASSES
        if c.figure is not None and c.figure.event and c.figure.event not in WEAK_CLASSES:
            events[(c.article, c.sentence)].add(c.figure.event)
    return frozenset(c.id for c in candidates if len(events[(c.article, c.sentence)]) > 1)


# Flags that say an article's wording reads badly: its sentence is a claim's wording only when
# no other report's will do.
_POOR_WORDING = frozenset({"machine_translation", "low_quality"})


def _poorly_worded(articles: Mapping[str, Article]) -> frozenset[str]:
    """Return the ids of the articles flagged machine-translated or of low quality."""
    return frozenset(
        aid for aid, a in articles.items() if any(f.kind in _POOR_WORDING for f in a.flags)
    )


def _normalised(c: ClaimCandidate) -> str | None:
    """Return a figure candidate's value as a reader of any language checks it: "400",
    "at least 247", "93 m", "7.1 magnitude"; None for a statement."""
    f = c.figure
    if f is None:
        return None
    if f.dimension == "clock":  # minutes since midnight: "19:20 UTC", "07:05 local time"
        minutes = int(f.value) % (24 * 60)
        clock = "UTC" if f.unit == "utc" else "local time"
        qualifier = f"{f.qualifier} " if f.qualifier else ""
        return f"{qualifier}{minutes // 60:02d}:{minutes % 60:02d} {clock}"
    if abs(f.value) >= 10_000:
        # "1,100,000", not "1.1e+06"
        value = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:,.6g}"
    else:
        value = f"{f.value:.6g}"
    unit = f" {f.unit}" if f.unit else ""
    qualifier = f"{f.qualifier} " if f.qualifier else ""
    return f"{qualifier}{value}{unit}"


def _representative(
    members: Sequence[ClaimCandidate],
    worded: set[str] | frozenset[str] = frozenset(),
    flagged: set[str] | frozenset[str] = frozenset(),
    busy: set[str] | frozenset[str] = frozenset(),
    articles: Mapping[str, Article] | None = None,
) -> str:
    """Return the claim's wording: for statements, the assertion their support was checked
    against (``claims.support.ranked``: an article flagged machine-translated or of low
    quality, or that translates another of the story, words it only when no other as well
    backed can); for figures, a report that is not a denial when there is one, from an article
    not flagged machine-translated or of low quality, nor a translation, when one will do,
    giving the fewest days that no other article's report of the figure names
    (``claims.support.states``: "early Monday" names Monday), then the one sharing most words
    with the group's other reports, the shorter as shown. A wording another claim already has
    (``worded``: one sentence telling two facts) gives way to the next member's, when there
    is one. A figure's clause that does not read alone (``_fragment``: "46 quelli
    nelle Marche", "con una profondità di 10 chilometri") is worded by its sentence."""
    return _without_dateline(_wording(members, worded, flagged, busy, articles))


def _without_dateline(text: str) -> str:
    """Return a claim's wording without the dateline its sentence opens with ("TOLMARO,
    Varkesh, March 14 (Wire) - An explosion ..."): the place and the agency, not the claim."""
    from ..clean.titles import dateline_end

    cut = dateline_end(text)
    rest = text[cut:].lstrip(" -\u2013\u2014:")
    place = re.match(r"[^\W\d_]+", text)
    if not cut or len(rest.split()) < 3 or place is None or not place.group().isupper():
        return text  # a dateline opens with its place in capitals ("ISIS - not the rebels")
    if len(place.group()) < 3 or not (rest[:1].isupper() or "(" in text[:cut]):
        return text  # "ISIS - not the rebels - carried out ...": a name and an aside
    return rest[:1].upper() + rest[1:]


def _wording(
    members: Sequence[ClaimCandidate],
    worded: set[str] | frozenset[str],
    flagged: set[str] | frozenset[str],
    busy: set[str] | frozenset[str],
    articles: Mapping[str, Article] | None,
) -> str:
    articles = articles or {}
    if all(c.figure is None for c in members):
        cut = {c.id: _shared_part(c, c.text, c.start, members, articles) for c in members}
        undated = _undated(members, cut, articles)
        order = ranked(members, flagged, busy, _garbled(members, articles), undated)
        texts = [cut[c.id] for c in order]
        return next((t for t in texts if t not in worded), texts[0])
    pool = [c for c in members if not c.negated] or list(members)

    def shared(c: ClaimCandidate) -> int:
        return sum(len(c.words & o.words) for o in members if o is not c)

    def alone(c: ClaimCandidate) -> int:
        # the days only its article names: worded by it, the claim would give that day as
        # what every report of the figure says ("on 3 May, the flood killed 12")
        others = {s for o in members if o.article != c.article for s in states(o)}
        return sum(1 for s in slots(c) - others if s.startswith("d:"))

    readable = {c.id: " ".join(_readable(c, articles)[0].split()) for c in pool}
    order = sorted(
        pool, key=lambda c: (c.article in flagged, alone(c), -shared(c), len(readable[c.id]))
    )
    texts = [_shared_part(c, *_readable(c, articles), members, articles) for c in order]
    return next((t for t in texts if t not in worded), texts[0])


# A word glued to the article before it ("TheIran", "theAlliance"), or a sentence's words
# glued over a missing space after its full stop ("forces.The"): a bad extraction or
# translation.
_GLUED = re.compile(r"(?<![\w'’])(?:[Tt]he|[Aa]n?)(?=[A-Z][a-z])|[a-z]{2}[.!?][A-Z][a-z]")


def _garbled(members: Sequence[ClaimCandidate], articles: Mapping[str, Article]) -> frozenset[str]:
    """Return the ids of the members whose sentence reads garbled: a word glued to its
    article ("TheIran"), or a passage a translation or quality warning of its article points
    at ("the Russia", "woudl"): worded by it, the claim reads worst."""
    out = set()
    for c in members:
        s, e = c.sentence
        article = articles.get(c.article)
        text = article.text[s:e] if article is not None else c.text
        if _GLUED.search(text):
            out.add(c.id)
            continue
        if article is not None and any(
            s <= a < e for f in article.flags if f.kind in _POOR_WORDING for a, _ in f.spans
        ):
            out.add(c.id)
    return frozenset(out)


def _undated(
    members: Sequence[ClaimCandidate], cut: Mapping[str, str], articles: Mapping[str, Article]
) -> frozenset[str]:
    """Return the ids of the members naming a day no other article's report names whose
    wording (``cut``, ``claims.wording.core_wording``) leaves every such day out: "On 3 May,
    gunmen seized the town" worded "Gunmen seized the town" asserts no day of its own."""
    out = set()
    for c in members:
        others = {s for o in members if o.article != c.article for s in states(o)}
        days = {s[2:] for s in slots(c) - others if s.startswith("d:")}
        article = articles.get(c.article)
        if not days or article is None:
            continue
        written = [
            article.text[d.start : d.end]
            for d in article.annotations.dates
            if d.value in days and c.start <= d.start and d.end <= c.end
        ]
        if written and not any(w in cut[c.id] for w in written):
            out.add(c.id)
    return frozenset(out)


def _shared_part(
    c: ClaimCandidate,
    text: str,
    offset: int,
    members: Sequence[ClaimCandidate],
    articles: Mapping[str, Article],
) -> str:
    """Return ``text`` (``c``'s wording, at ``offset`` in its article) as the claim shows it:
    without the parts no other article's report states (``claims.wording``) nor a connector
    opening it ("Instead, "), its spaces tidied."""
    return readable(" ".join(core_wording(c, text, offset, members, articles).split()), c.language)


# A figure's clause shorter than this many words does not read alone as a claim.
_FRAGMENT_WORDS = 6


def _readable(c: ClaimCandidate, articles: Mapping[str, Article] | None) -> tuple[str, int]:
    """Return a figure candidate's clause, or its whole sentence when the clause is a
    fragment: under ``_FRAGMENT_WORDS`` words, or opening in lower case ("con una
    profondità di 10 chilometri", "che ha avuto 100 morti"), or, outside English (whose
    clauses are split on its grammar), with its figure ("53 se han producido entre ...":
    what it counts is said before it), with its offset in the article."""
    text = c.text
    article = articles.get(c.article) if articles else None
    if article is None:
        return text, c.start
    words = text.split()
    english = (c.language or "en") == "en"
    opens = text.lstrip(" \"'“‘«(")[:1]
    s, e = c.sentence
    # a clause cut before an aside its sentence goes on with ("31 osób, a nie – jak podawano
    # – 33"): it ends mid-thought
    aside = _ASIDE.match(article.text, c.end, e) is not None
    short = len(words) < _FRAGMENT_WORDS
    if short or opens.islower() or (not english and opens.isdigit()) or aside:
        return article.text[s:e], s
    return text, c.start


# A dash or a bracket opening an aside within a sentence.
_ASIDE = re.compile(r"\s*(?:[-\u2013\u2014]\s|\()")


# ----------------------------------------------------------------------------- wording


def _label(articles: Mapping[str, Article], aid: str) -> str:
    return article_label(articles[aid]) if aid in articles else aid


def _explained(
    conflict: Conflict, members: Sequence[ClaimCandidate], articles: Mapping[str, Article]
) -> Conflict:
    """Return the conflict with its ``why`` written out."""
    from dataclasses import replace

    said = {
        (c.article, c.figure.start): c.attributed_to
        for c in members
        if c.figure is not None and c.attributed_to
    }

    def by(v: ConflictValue) -> str:
        # who gives the value, when its report names them: two sources of one article are
        # otherwise one outlet twice ("19 (Diario); 24 (Diario)")
        who = said.get((v.article, v.start)) if conflict.kind == "number" else None
        return f"{who}, {_label(articles, v.article)}" if who else _label(articles, v.article)

    listed = "; ".join(f"{v.value!s} ({by(v)})" for v in conflict.values)
    if conflict.kind == "number":
        subject = figure_subject(next(c for c in members if c.figure is not None))
        reason = conflict.why or (
            "They differ by more than rounding or an 'about' allows, and not as a revision "
            "over time."
        )
        why = f"Reports give different figures for {subject}: {listed}. {reason}"
    elif conflict.kind == "unit":
        why = (
            f"The same number is given in different units: {listed}; these are not the "
            f"same distance or amount."
        )
    elif conflict.kind == "denial":
        why = f"One report says it happened, another denies it or says the opposite: {listed}."
    elif conflict.kind == "date":
        why = f"Reports give this event different dates: {listed}."
    else:
        why = f"Reports place this event in different countries: {listed}."
    return replace(conflict, why=why)


def _why(
    status: str,
    members: Sequence[ClaimCandidate],
    support: Sequence[ClaimCandidate],
    flagged: Sequence[ClaimCandidate],
    conflicts: Sequence[Conflict],
    update: Update | None,
    origins: Origins,
    articles: Mapping[str, Article],
) -> str:
    """Return the verdict in words a reader can check against the evidence."""
    n_articles = len({c.article for c in members})
    if status == "disputed":
        kinds = ", ".join(sorted({c.kind for c in conflicts}))
        return (
            f"Disputed ({kinds}): {' '.join(c.why for c in conflicts)} "
            f"{_count_phrase(origins.count(members), n_articles)}"
        )
    if status == "updated":
        assert update is not None
        steps = " -> ".join(f"{v} ({_label(articles, a)}, {d})" for d, v, a in update.steps)
        how = "reported as a change" if update.announced else "moving one way"
        days = [d for d, _, _ in update.steps]
        if len(set(days)) == len(days):
            how = f"one value per publication day and {how}"
        else:
            how = "given as a running count, several values a day, no two for one moment"
        return (
            f"Updated: the figure changed over time, {how}: {steps}. A later figure revises "
            f"an earlier one; this is not a contradiction."
        )
    named = _distinct([(origins.name(g), g[0]) for g in origins.groups(support)]) if support else []
    if status == "corroborated":
        return (
            f"Corroborated by {len(named)} independent sources: {', '.join(named)}. "
            f"{_count_phrase(len(named), n_articles)}"
        )
    if not support and flagged:
        return (
            "Single source: its only support lies in content flagged as unsupported "
            f"({_label(articles, flagged[0].article)})."
        )
    extra = ""
    if flagged:
        extra = " Support inside content flagged as unsupported is not counted."
    rumours = [c for c in members if c.stance == "rumoured" and not c.negated]
    if rumours and not support:
        who = _label(articles, rumours[0].article)
        return f"Rumour: only as a rumour ({who}); no report confirms it.{extra}"
    if rumours:
        extra += " A rumour that repeats it is not counted as confirmation."
    silent = silent_beside_denial(members)
    if not support and members and all(c.negated or c.id in silent for c in members):
        # every report of it says it did not happen: the word of whoever denies it, however
        # many outlets carry the denial
        said = list(dict.fromkeys(c.attributed_to for c in members if c.attributed_to))
        by = f" ({'; '.join(said[:3])})" if said else ""
        outlets = origins.count(list(members))
        if n_articles == 1:
            carried = f"only {_label(articles, members[0].article)} carries it"
        elif outlets == 1:
            carried = f"{n_articles} articles of one origin carry the denial"
        else:
            carried = f"{n_articles} articles from {outlets} independent origins carry the denial"
        return (
            f"Single source: a denial{by}; {carried}, and no report aligned with it states "
            f"what it denies.{extra}"
        )
    who = named[0] if named else _label(articles, members[0].article)
    own = _label(articles, members[0].article)
    if n_articles == 1 and own != who:
        # one article of an origin that others of the story share: that outlet says it, not
        # the agency whose story it republishes (a copy's own commentary)
        who = f"{own} (which republishes {who})"
    if n_articles > 1:
        return (
            f"Single source: only {who} reports it; the {n_articles} articles that carry "
            f"it share that origin.{extra}"
        )
    return f"Single source: only {who} reports it.{extra}"


def _distinct(named: list[tuple[str, ClaimCandidate]]) -> list[str]:
    """Return the origin names, each name shared by two origins followed by the publication
    date of its first report ("Euro Brief, 2025-03-15")."""
    counts: dict[str, int] = defaultdict(int)
    for name, _ in named:
        counts[name] += 1
    return [
        f"{name}, {c.published}" if counts[name] > 1 and c.published else name for name, c in named
    ]


def _count_phrase(origins: int, articles: int) -> str:
    if articles == origins:
        return f"{articles} article{'s' if articles != 1 else ''}, each independent."
    return (
        f"{articles} articles in all; copies, rewrites and reports traced to one agency "
        f"count once ({origins} independent)."
    )
