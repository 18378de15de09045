"""Figures of a translation read through its original.

An article the sources stage found to translate another article of the story
(``Source.relations``: ``(article, "translation", original)``) states the original's facts in
another language. Its figures are taken to be the original's: a quantity of the translation
whose value the original gives for exactly one fact joins that fact's group, with the
original's reading of what it counts (the translation's own words for it may be ones no data
file knows). The two count as one source (they are one origin), so this adds evidence, never
corroboration.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Source
from .extract import day_known, figure_passage, no_figure
from .records import ClaimCandidate


def through_originals(
    candidates: Sequence[ClaimCandidate], articles: Sequence[Article], sources: Sequence[Source]
) -> list[ClaimCandidate]:
    """Return ``candidates`` (grouped) with each translation's figures read through its
    original: a figure candidate of the translation whose value the original gives for one
    fact is replaced by, and a quantity with no candidate given, a candidate in that fact's
    group."""
    by_id = {a.id: a for a in articles}
    originals = {
        t: o
        for s in sources
        for t, rel, o in s.relations
        if rel == "translation" and t in by_id and o in by_id
    }
    if not originals:
        return list(candidates)
    figures: dict[str, list[ClaimCandidate]] = defaultdict(list)
    for c in candidates:
        if c.figure is not None:
            figures[c.article].append(c)
    replaced: set[str] = set()
    added: list[ClaimCandidate] = []
    for t, o in sorted(originals.items()):
        by_value: dict[float, list[ClaimCandidate]] = defaultdict(list)
        for c in figures[o]:
            assert c.figure is not None
            by_value[c.figure.value].append(c)
        article = by_id[t]
        for q in article.annotations.quantities:
            if no_figure(article, q):
                continue
            same = by_value.get(q.value, [])
            if len({c.group for c in same}) != 1:
                continue  # not in the original, or the value of two of its facts
            model = same[0]
            assert model.figure is not None
            replaced.update(
                c.id for c in figures[t] if c.figure is not None and c.figure.start == q.start
            )
            start, end, sentence = figure_passage(article, q)
            added.append(
                replace(
                    model,
                    id=f"{t}@f{q.start}",
                    article=t,
                    start=start,
                    end=end,
                    sentence=sentence,
                    text=article.text[start:end],
                    published=article.published.date,
                    day_known=day_known(article),
                    attributed_to=None,
                    cue=None,
                    channel=None,
                    attribution=None,
                    language=article.language.split("-")[0] if article.language else None,
                    figure=replace(
                        model.figure,
                        text=article.text[q.start : q.end],
                        start=q.start,
                        end=q.end,
                        approximate=q.approximate,
                        qualifier=q.qualifier,
                    ),
                    dates=(),
                    event_places=(),
                    unread=False,
                )
            )
        added.extend(_statements(candidates, by_id[o], article, replaced))
    kept = [c for c in candidates if c.id not in replaced]
    taken = {c.id for c in kept}
    # article-id order, then text order, as extraction gives them
    return sorted(
        kept + [c for c in added if c.id not in taken], key=lambda c: (c.article, c.start)
    )


def _statements(
    candidates: Sequence[ClaimCandidate], original: Article, article: Article, replaced: set[str]
) -> list[ClaimCandidate]:
    """Return statement candidates of the translation ``article`` for the original's statements
    that write numbers: each is paired, one to one and best pairs first, with the sentence of
    the translation whose numbers are most like its own (the same values, by Jaccard overlap;
    at least half of them written there; a tie with another sentence is no pair). That
    sentence is the statement in its language (its own statement there, if any, is
    replaced)."""

    def values(a: Article, lo: int, hi: int) -> frozenset[float]:
        return frozenset(q.value for q in a.annotations.quantities if lo <= q.start < hi)

    sentences = [(s, values(article, s.start, s.end)) for s in article.annotations.sentences]
    scored: list[tuple[float, str, ClaimCandidate, int]] = []
    for c in candidates:
        if c.article != original.id or c.kind != "statement":
            continue
        wanted = values(original, c.start, c.end)
        if not wanted:
            continue
        ranked = sorted(
            ((len(wanted & got) / len(wanted | got), i) for i, (_, got) in enumerate(sentences)),
            reverse=True,
        )
        if not ranked or 2 * len(wanted & sentences[ranked[0][1]][1]) < len(wanted):
            continue
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            continue  # two sentences write them as well: no telling which it is
        scored.append((ranked[0][0], c.id, c, ranked[0][1]))
    used: set[int] = set()
    out = []
    for _, _, c, i in sorted(scored, key=lambda x: (-x[0], x[1])):
        if i in used:
            continue
        used.add(i)
        sent = sentences[i][0]
        replaced.update(
            x.id
            for x in candidates
            if x.article == article.id and x.kind == "statement" and x.sentence[0] == sent.start
        )
        start, end = sent.start, sent.end
        out.append(
            replace(
                c,
                id=f"{article.id}@s{start}:{c.id.rsplit(':', 1)[-1]}",
                article=article.id,
                start=start,
                end=end,
                sentence=(start, end),
                text=article.text[start:end],
                published=article.published.date,
                day_known=day_known(article),
                attributed_to=None,
                cue=None,
                channel=None,
                attribution=None,
                language=article.language.split("-")[0] if article.language else None,
                dates=(),
                event_places=(),
                unread=False,
            )
        )
    return out
