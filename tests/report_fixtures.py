"""Reports for the renderer tests and the render benchmark.

Articles come from the real pipeline over small inputs (the bundled sample corpus, or a hostile
file written at test time). Story-level records (entities, sources, claims, timeline, flags) are
built as real ``model`` records from the pipeline's own annotations of those articles: places
from gazetteer-confirmed mentions, claims from quantities that count the same thing, timeline
events from resolved dates; then ``report.json.to_dict`` serialises the whole report. The
pipeline runs here without the story stages that fill those records (only the ones that date the
articles), so the renderer tests hold still while entity resolution, sources, flags, claims and
the timeline improve; their own tests cover them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from consilience.model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Evidence,
    Flag,
    Geo,
    Ref,
    Report,
    Source,
    Story,
    TimelineEvent,
)

REFERENCE = date(2026, 11, 22)

# Text typed for these tests (not from any real article): every way a page could be made to run
# script or load something, in the places the renderers show.
HOSTILE_TITLE = 'Flood <script>window.pwned=1</script> "news" & more'
HOSTILE_OUTLET = 'Evil <img src=x onerror="window.pwned=6"> Daily'
# A JSON record keeps its fields as written (its text is read as markup and loses its tags).
HOSTILE_RECORD = {
    "id": 'x"><script>window.pwned=10</script>',
    "title": 'Dam </mark></h4></details><svg onload="window.pwned=7"> holds',
    "source_domain": '<iframe src="https://evil.example/"></iframe>',
    "url": " javascript:window.pwned=11",
    "date_publish": "2025-03-15",
    "text": "Engineers in Verona said on Saturday that the dam held and 300 people went home.",
}
HOSTILE_URL = "javascript:window.pwned=4"
HOSTILE_TEXT = (
    "Rescuers said on Friday that 300 people left Trento. <script>window.pwned=1</script> "
    "The mayor told reporters the river rose 2 metres.\n\n"
    'A reader wrote <img src=x onerror="window.pwned=2"> and '
    '<a href="javascript:window.pwned=3">click</a> under the story; officials in Verona said '
    "400 people left their homes. [link](javascript:alert(1)) # not a heading | not a cell\n"
)


def analyze(paths: Iterable[Path]) -> Report:
    """The pipeline over ``paths`` with only the story stages that date the articles."""
    from consilience import stages as s
    from consilience.pipeline import Pipeline
    from consilience.settings import Settings

    story_stages = (s.PerStory(s.PublishedDate()), s.PerStory(s.Dates()))
    settings = Settings(reference_date=REFERENCE, progress=False)
    return Pipeline(settings, story_stages=story_stages).run(list(paths))


@lru_cache(maxsize=1)
def sample_report() -> Report:
    """The pipeline over the bundled sample corpus (once per process)."""
    from consilience.sample import corpus_files

    return analyze(corpus_files())


def write_hostile(folder: Path) -> list[Path]:
    """Write a hostile plain-text article (front matter), a hostile JSON record and a calm
    article; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    evil = folder / "evil.txt"
    evil.write_text(
        f"---\ntitle: {HOSTILE_TITLE}\noutlet: {HOSTILE_OUTLET}\nurl: {HOSTILE_URL}\n"
        f"published: 2025-03-14\n---\n{HOSTILE_TEXT}",
        encoding="utf-8",
    )
    calm = folder / "calm.txt"
    calm.write_text(
        "---\ntitle: River levels fall in Trento\noutlet: Calm Courier\n"
        "url: https://calm.example/river\npublished: 2025-03-15\n---\n"
        "Officials in Trento said on Saturday that 300 people left their homes. "
        "The river fell during the night.\n",
        encoding="utf-8",
    )
    record = folder / "evil.jsonl"
    record.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    return [evil, record, calm]


def hostile_report(folder: Path) -> Report:
    """The pipeline over :func:`write_hostile`'s files, enriched like the sample."""
    report = analyze(write_hostile(folder))
    evil = next(a for a in report.articles if a.source.path.endswith("evil.txt"))
    at = evil.text.index("<script>")
    flag = Flag(
        kind="markup <script>window.pwned=8</script>",
        detail='contains <img src=x onerror="window.pwned=9">',
        spans=((at, at + len("<script>window.pwned=1</script>")),),
        related=tuple(a.id for a in report.articles if a is not evil),
    )
    report = with_flags(report, {evil.id: (flag,)})
    return enrich(report)


# ------------------------------------------------------------------ building story records


def sentence_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """Return the span of the sentence that holds [start, end) (the span itself if none)."""
    for s in article.annotations.sentences:
        if s.start <= start and end <= s.end:
            return s.start, s.end
    return start, end


def _gazetteer():  # noqa: ANN202
    from consilience.gazetteer import Gazetteer
    from consilience.settings import Settings

    return Gazetteer.open(Settings())


def place_entities(articles: Iterable[Article]) -> list[Entity]:
    """One Entity per gazetteer place mentioned (by geonameid), with its coordinates."""
    mentions: dict[int, list[tuple[Article, int, int]]] = defaultdict(list)
    for a in articles:
        for m in a.annotations.entities:
            if m.geonameid is not None:
                mentions[m.geonameid].append((a, m.start, m.end))
    gaz = _gazetteer()
    out = []
    for gid, found in sorted(mentions.items()):
        surface = [a.text[s:e] for a, s, e in found]
        place = next(
            (p for name in dict.fromkeys(surface) for p in gaz.lookup(name) if p.geonameid == gid),
            None,
        )
        if place is None:
            continue
        out.append(
            Entity(
                id=f"place-{gid}",
                name=place.name,
                type="GPE",
                aliases=tuple(dict.fromkeys([place.name, *surface])),
                mentions=tuple(Ref(a.id, s, e) for a, s, e in found),
                geo=Geo(gid, place.name, place.country, place.lat, place.lon),
                reasons=("same GeoNames place",),
            )
        )
    return out


def named_entities(
    articles: Iterable[Article],
    labels: tuple[str, ...] = ("PERSON", "ORG"),
) -> list[Entity]:
    """One Entity per distinct surface form of a person or organisation (no resolution)."""
    found: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    for a in articles:
        for m in a.annotations.entities:
            if m.label in labels and m.geonameid is None:
                found[(m.label, a.text[m.start : m.end])].append(Ref(a.id, m.start, m.end))
    return [
        Entity(
            id=f"e{i}",
            name=name,
            type=label,
            aliases=(name,),
            mentions=tuple(refs),
            reasons=("same spelling",),
        )
        for i, ((label, name), refs) in enumerate(sorted(found.items()), 1)
    ]


def quantity_claims(articles: list[Article], source_of: Mapping[str, str]) -> list[Claim]:
    """Claims from quantities that count the same thing (same ``counted`` and unit): one value
    everywhere is corroborated (or single-source), values rising with publication date are an
    update, other differences a dispute."""
    groups: dict[tuple[str, str | None], list[tuple[Article, object]]] = defaultdict(list)
    for a in articles:
        for q in a.annotations.quantities:
            if q.counted:
                groups[(q.counted.lower(), q.unit)].append((a, q))
    claims = []
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
    for n, ((counted, _unit), items) in enumerate(ordered, 1):
        evidence, seen = [], set()
        for a, q in items:
            if a.id in seen:
                continue
            seen.add(a.id)
            s, e = sentence_span(a, q.start, q.end)
            evidence.append(Evidence(a.id, s, e))
        first = items[0][0]
        s0, e0 = sentence_span(first, items[0][1].start, items[0][1].end)
        sources = len({source_of.get(a.id, a.id) for a, _ in items})
        values = {q.value for _, q in items}
        conflicts: tuple[Conflict, ...] = ()
        if len(values) == 1:
            status = "corroborated" if sources > 1 else "single_source"
        else:
            by_date = sorted(items, key=lambda x: x[0].published.date or "9999")
            rising = all(
                b[1].value >= a[1].value for a, b in zip(by_date, by_date[1:], strict=False)
            )
            status = "updated" if rising else "disputed"
            conflicts = (
                Conflict(
                    kind="number",
                    values=tuple(
                        ConflictValue(a.id, a.text[q.start : q.end], q.start, q.end)
                        for a, q in items
                    ),
                    why=f"the reports count {counted} differently",
                ),
            )
        claims.append(
            Claim(
                id=f"c{n}",
                text=first.text[s0:e0],
                status=status,
                independent_sources=sources,
                evidence=tuple(evidence),
                conflicts=conflicts,
                why=f"{len(items)} figure(s) of {counted} in {len(seen)} report(s)",
            )
        )
    return claims


def date_timeline(articles: list[Article]) -> list[TimelineEvent]:
    """One event per day-precise date named in the articles, with the sentences that name it."""
    found: dict[str, list[Ref]] = defaultdict(list)
    for a in articles:
        for d in a.annotations.dates:
            if d.kind == "date" and d.precision == "day" and d.value:
                s, e = sentence_span(a, d.start, d.end)
                if all(r.article != a.id for r in found[d.value]):
                    found[d.value].append(Ref(a.id, s, e))
    texts = {a.id: a.text for a in articles}
    events = []
    for value, refs in sorted(found.items()):
        first = refs[0]
        text = " ".join(texts[first.article][first.start : first.end].split())
        events.append(
            TimelineEvent(date=value, precision="day", text=text[:140], evidence=tuple(refs))
        )
    return events


def sources_for(articles: list[Article], relations: Mapping[str, tuple[str, str]]) -> list[Source]:
    """Sources from ``relations`` {article: (kind, of article)}: an article and what copies or
    rewrites it form one source; every other article is a source of its own."""
    members: dict[str, list[str]] = {a.id: [a.id] for a in articles if a.id not in relations}
    rels: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for art, (kind, of) in relations.items():
        members.setdefault(of, [of]).append(art)
        rels[of].append((art, kind, of))
    return [
        Source(id=f"src{i}", articles=tuple(ids), relations=tuple(rels[ids[0]]))
        for i, ids in enumerate(members.values(), 1)
    ]


def with_flags(report: Report, flags: Mapping[str, tuple[Flag, ...]]) -> Report:
    """Return the report with ``flags`` set on the articles they name."""
    articles = tuple(replace(a, flags=a.flags + flags.get(a.id, ())) for a in report.articles)
    return replace(report, articles=articles)


def enrich(
    report: Report,
    relations: Mapping[str, tuple[str, str]] | None = None,
    story: Story | None = None,
) -> Report:
    """Return the report with its (first) story filled from its articles' annotations."""
    story = story or report.stories[0]
    by_id = {a.id: a for a in report.articles}
    articles = [by_id[x] for x in story.articles if x in by_id]
    sources = sources_for(articles, relations or {})
    source_of = {art: s.id for s in sources for art in s.articles}
    filled = replace(
        story,
        entities=tuple(place_entities(articles) + named_entities(articles)),
        sources=tuple(sources),
        claims=tuple(quantity_claims(articles, source_of)),
        timeline=tuple(date_timeline(articles)),
    )
    return replace(report, stories=(filled, *report.stories[1:]))


def sample_relations(report: Report) -> dict[str, tuple[str, str]]:
    """The sample corpus's copy and rewrite (its README's ground truth), found by URL host."""

    def by_host(host: str, path_part: str = "") -> str:
        return next(a.id for a in report.articles if a.url and host in a.url and path_part in a.url)

    ana = by_host("alpinenewsagency")
    return {
        by_host("valleypost"): ("copy", ana),
        by_host("eurobrief", "two-killed"): ("rewrite", ana),
    }


def sample_flags(report: Report) -> dict[str, tuple[Flag, ...]]:
    """A warning on the sample's page with no metadata, over its first sentence."""
    page = next(a for a in report.articles if a.outlet is None)
    s = page.annotations.sentences[0]
    other = next(a.id for a in report.articles if a is not page)
    return {
        page.id: (
            Flag(
                kind="low_quality",
                detail="many typos and missing spaces",
                spans=((s.start, s.end),),
                related=(other,),
            ),
        )
    }


def toll_claim(report: Report) -> Claim:
    """The sample's death toll as it rose over three days (its README's ground truth), cited at
    the phrases that give each figure."""
    found = []
    for phrase, value in (("Two people died", "2"), ("rose to three", "3"), ("rose to four", "4")):
        a = next(a for a in report.articles if phrase in a.text)
        at = a.text.index(phrase)
        found.append((a, at, at + len(phrase), value))
    return Claim(
        id="toll",
        text="The death toll of the flood",
        status="updated",
        independent_sources=3,
        evidence=tuple(Evidence(a.id, *sentence_span(a, s, e)) for a, s, e, _ in found),
        conflicts=(
            Conflict(
                kind="number",
                values=tuple(ConflictValue(a.id, v, s, e) for a, s, e, v in found),
                why="later reports give a higher toll",
            ),
        ),
        why="each later report raises the toll",
    )


@lru_cache(maxsize=1)
def rich_sample() -> Report:
    """The sample corpus report with every story section filled (see module docstring)."""
    report = sample_report()
    report = with_flags(report, sample_flags(report))
    report = enrich(report, sample_relations(report))
    story = report.stories[0]
    story = replace(story, claims=(*story.claims, toll_claim(report)))
    return replace(report, stories=(story, *report.stories[1:]))


def replicate(report: Report, n: int) -> Report:
    """Return a report whose one story holds ``n`` articles: the report's articles repeated with
    distinct ids (``<id>~r<k>``), story records rebuilt from them."""
    base = report.articles
    articles = tuple(
        replace(base[i % len(base)], id=f"{base[i % len(base)].id}~r{i}") for i in range(n)
    )
    story = replace(
        report.stories[0],
        articles=tuple(a.id for a in articles),
        entities=(),
        sources=(),
        claims=(),
        timeline=(),
    )
    relations = {}
    for i in range(len(base), n):  # every replica is a copy of its original
        relations[articles[i].id] = ("copy", articles[i % len(base)].id)
    grown = replace(report, articles=articles, stories=(story,))
    return enrich(grown, relations)
