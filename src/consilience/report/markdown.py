"""The Markdown briefing (``report.md``): per story, what is established and by how many
independent sources, what is disputed (each side with its sources), what changed, what only one
source says, the timeline, and a numbered list of sources; every statement cites its articles
as [1], [2] ...

Untrusted text (titles, article text, outlet names, claim wordings) goes through
:func:`md_escape`, so it can neither add markup (links, images, HTML, headings, lists, tables)
nor hide the briefing's own.
"""

from __future__ import annotations

import re

from .view import (
    STATUS_LABELS,
    StoryView,
    chronological_sides,
    cite_numbers,
    claim_why,
    conflict_sides,
    date_words,
    iter_story_views,
    mention_numbers,
    outlet_label,
    period_words,
    places,
    safe_url,
    source_path,
    text_of,
    title_or_lead,
)

# Characters that start inline markup anywhere in CommonMark / GitHub Markdown.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# What makes a line a heading, quote, list item, rule or setext underline when it comes first.
_LEADING = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
_QUOTE_CHARS = 160  # passages longer than this are shortened in the briefing


def md_escape(value: object, at_start: bool = False) -> str:
    """Return ``value`` as one line of Markdown that renders as exactly that text. With
    ``at_start`` the text begins a line or a list item, so a leading ``#``, ``>``, ``-``, ``+``,
    ``=`` or ``1.`` is escaped too."""
    text = _INLINE.sub(r"\\\1", text_of(value))
    return _LEADING.sub(_escape_leading, text) if at_start else text


def _escape_leading(m: re.Match) -> str:
    lead, mark = m[1], m[2]
    if mark[0].isdigit():  # "1." or "1)" opens an ordered list: escape the dot or parenthesis
        return lead + mark[:-1] + "\\" + mark[-1]
    return lead + "\\" + mark


def cites(numbers: list[int]) -> str:
    """Return citation marks: "[1] [3]" (empty when there is nothing to cite)."""
    return " ".join(f"[{n}]" for n in numbers)


def quote(text: object, limit: int = _QUOTE_CHARS) -> str:
    """Return a passage in quotation marks, shortened at a word boundary past ``limit``."""
    t = text_of(text)
    if len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0] + " …"
    return f"“{md_escape(t)}”"


def render_markdown(report: dict) -> str:
    """Return the Markdown briefing of a JSON report dict."""
    gen = report.get("generator") or {}
    n_articles = len(report.get("articles") or [])
    skipped = [s for s in report.get("skipped") or [] if isinstance(s, dict)]
    lines = [
        "# Consilience briefing",
        "",
        f"{n_articles} article(s) read, {len(skipped)} skipped; written by "
        f"{md_escape(gen.get('name') or 'consilience')} "
        f"{md_escape(gen.get('version') or '')} "
        f"on {md_escape(report.get('created') or 'an unknown date')}. Numbers in brackets cite "
        "the numbered sources at the end of each story.",
    ]
    for view in iter_story_views(report):
        lines += ["", *_story(view)]
    if skipped:
        lines += ["", "## Inputs set aside", ""]
        for s in skipped:
            src = s.get("source") or {}
            lines.append(
                f"- {md_escape(src.get('path'), True)}: {md_escape(s.get('reason'))} "
                f"(code: {md_escape(s.get('code'))})"
            )
    return "\n".join(lines).rstrip() + "\n"


def _story(view: StoryView) -> list[str]:
    story = view.story
    title = md_escape(story.get("title") or "Untitled story")
    out = [f"## {view.index}. {title}", "", _summary(view)]
    out += _warnings(view)  # first: they change how the sources below are read
    out += _claims(view)
    out += _timeline(view)
    out += _entities(view)
    out += _source_list(view)
    return out


def _summary(view: StoryView) -> str:
    n = len(view.cited)
    outlets = len(view.outlets())
    period = view.story.get("period") or {}
    when = period_words(period.get("start"), period.get("end"))
    parts = [f"{n} report(s) from {outlets} outlet(s)"]
    if when:
        parts.append(when)
    indep = view.independent_count()
    if indep is not None:
        parts.append(f"{indep} independent source(s) once copies and rewrites are set aside")
    counts = [
        f"{len(view.claims(s))} {STATUS_LABELS[s].lower()}" for s in STATUS_LABELS if view.claims(s)
    ]
    if counts:
        parts.append("claims: " + ", ".join(counts))
    return "*" + "; ".join(md_escape(p) for p in parts) + ".*"


def _claims(view: StoryView) -> list[str]:
    out: list[str] = []
    if not view.story.get("claims"):
        return [
            "",
            "No claims have been extracted for this story yet: the articles and their "
            "sources are listed below.",
        ]
    sections = (
        ("disputed", "What is disputed", _disputed),
        ("updated", "What changed as the story developed", _updated),
        ("corroborated", "What is established", _established),
        ("single_source", "What only one source says", _single),
    )
    for status, heading, item in sections:
        claims = view.claims(status)
        if claims:
            out += ["", f"### {heading}", ""]
            for claim in claims:
                out += item(view, claim)
    other = view.other_claims()
    if other:
        out += ["", "### Other claims", ""]
        for claim in other:
            out += [
                f"- {md_escape(claim.get('text'), True)} ({md_escape(claim.get('status'))}) "
                f"{cites(_evidence_numbers(view, claim))}".rstrip()
            ]
    return out


def _evidence_numbers(view: StoryView, claim: dict) -> list[int]:
    return cite_numbers(
        view, (ev.get("article") for ev in claim.get("evidence") or [] if isinstance(ev, dict))
    )


def _sources_phrase(claim: dict) -> str:
    n = claim.get("independent_sources")
    n = n if isinstance(n, int) and not isinstance(n, bool) else 0
    return f"{n} independent source" + ("" if n == 1 else "s")


def _evidence_lines(view: StoryView, claim: dict) -> list[str]:
    out = []
    for ev in claim.get("evidence") or []:
        if not isinstance(ev, dict):
            continue
        n = view.number(ev.get("article"))
        who = text_of(ev.get("attributed_to"))
        stance = text_of(ev.get("stance"))
        note = []
        if who:
            note.append(f"attributed to {md_escape(who)}")
        if stance and stance != "asserted":
            note.append(md_escape(stance))
        figure = text_of(ev.get("figure"))
        if figure and view.language(ev.get("article")) not in (None, "en"):
            # a passage in another language: the figure as the pipeline read it, to check
            note.insert(0, f"reads {md_escape(figure)}")
        tail = f" ({', '.join(note)})" if note else ""
        out.append(f"  - {quote(ev.get('text'))}{tail} {cites([n] if n else [])}".rstrip())
    return out


def _why(claim: dict) -> list[str]:
    why = claim_why(claim)  # a conflict's explanation is printed with its sides
    return [f"  - *Why:* {md_escape(why)}"] if why else []


def _established(view: StoryView, claim: dict) -> list[str]:
    head = (
        f"- {md_escape(claim.get('text'), True)} — **{_sources_phrase(claim)}** "
        f"{cites(_evidence_numbers(view, claim))}"
    )
    return [head.rstrip(), *_evidence_lines(view, claim), *_why(claim)]


def _head(view: StoryView, claim: dict) -> str:
    """Return a claim's list item: its wording and the articles that give it."""
    numbers = cites(_evidence_numbers(view, claim))
    return f"- {md_escape(claim.get('text'), True)} {numbers}".rstrip()


def _disputed(view: StoryView, claim: dict) -> list[str]:
    out = [_head(view, claim)]
    for conflict in claim.get("conflicts") or []:
        if not isinstance(conflict, dict):
            continue
        sides = "; ".join(
            f"{quote(v)} {cites(ns)}".rstrip() for v, ns, _ in conflict_sides(view, conflict)
        )
        kind = md_escape(conflict.get("kind") or "conflict", True)
        out.append(f"  - {kind}: {sides}")
        why = text_of(conflict.get("why"))
        if why:
            out.append(f"    - {md_escape(why, True)}")
    return out + _why(claim)


def _updated(view: StoryView, claim: dict) -> list[str]:
    out = [_head(view, claim)]
    for conflict in claim.get("conflicts") or []:
        if not isinstance(conflict, dict):
            continue
        steps = " → ".join(
            f"{quote(v)} {cites(ns)}".rstrip() for v, ns, _ in chronological_sides(view, conflict)
        )
        out.append(f"  - {steps}")
        why = text_of(conflict.get("why"))
        if why:
            out.append(f"    - {md_escape(why, True)}")
    return out + _why(claim)


def _single(view: StoryView, claim: dict) -> list[str]:
    return [_head(view, claim), *_evidence_lines(view, claim), *_why(claim)]


def _timeline(view: StoryView) -> list[str]:
    events = [e for e in view.story.get("timeline") or [] if isinstance(e, dict)]
    if not events:
        return []
    out = ["", "### Timeline", ""]
    for e in sorted(events, key=lambda e: text_of(e.get("date"))):
        numbers = cite_numbers(
            view, (r.get("article") for r in e.get("evidence") or [] if isinstance(r, dict))
        )
        line = (
            f"- **{md_escape(date_words(e.get('date')))}** — {md_escape(e.get('text'))} "
            f"{cites(numbers)}"
        )
        out.append(line.rstrip())
        conflict = e.get("conflict")
        if isinstance(conflict, dict):
            sides = "; ".join(
                f"{quote(date_words(v))} {cites(ns)}".rstrip()
                for v, ns, _ in conflict_sides(view, conflict)
            )
            why = text_of(conflict.get("why"))
            out.append(
                f"  - Sources disagree on the date: {sides}"
                + (f" — {md_escape(why)}" if why else "")
            )
    return out


def _entities(view: StoryView) -> list[str]:
    entities = [e for e in view.story.get("entities") or [] if isinstance(e, dict)]
    if not entities:
        return []
    located = {id(e) for e in places(view)}
    out = ["", "### Who and where", ""]
    for e in sorted(
        entities, key=lambda e: (-len(mention_numbers(view, e)), text_of(e.get("name")))
    ):
        name = text_of(e.get("name"))
        aliases = [a for a in (text_of(x) for x in e.get("aliases") or []) if a and a != name]
        bits = [md_escape(text_of(e.get("type")).lower() or "entity")]
        if id(e) in located:
            geo = e["geo"]
            bits.append(f"{md_escape(geo.get('country'))}, {geo['lat']:.3f}, {geo['lon']:.3f}")
        if aliases:
            bits.append("also " + ", ".join(quote(a) for a in aliases))
        line = f"- **{md_escape(name)}** ({'; '.join(bits)}) {cites(mention_numbers(view, e))}"
        out.append(line.rstrip())
    return out


def _warnings(view: StoryView) -> list[str]:
    out = []
    for c in view.cited:
        for flag in c.data.get("flags") or []:
            if not isinstance(flag, dict):
                continue
            related = cite_numbers(view, flag.get("related") or [])
            tail = f" (see also {cites(related)})" if related else ""
            out.append(
                f"- [{c.number}] **{md_escape(flag.get('kind'))}**: "
                f"{md_escape(flag.get('detail'))}{tail}"
            )
    return ["", "### Warnings about articles", "", *out] if out else []


def _source_list(view: StoryView) -> list[str]:
    out = ["", "### Sources", ""]
    for c in view.cited:
        a = c.data
        parts = [f"**{md_escape(outlet_label(a))}**"]
        title = title_or_lead(a)
        if title:
            parts.append(quote(title, limit=300))
        if c.published:
            parts.append(md_escape(date_words(c.published)))
        url = safe_url(a.get("url"))
        if url:
            parts.append(f"<{url}>")
        else:
            if text_of(a.get("url")):
                parts.append(f"URL (not a web link): {md_escape(a.get('url'))}")
            parts.append(f"file {md_escape(source_path(a))}")
        notes = [
            f"{md_escape(kind) or 'related'} of [{of}]" if of else md_escape(kind)
            for kind, of in c.relations
        ]
        line = f"{c.number}. " + ", ".join(parts)
        if notes:
            line += " — " + "; ".join(notes)
        out.append(line)
        limits = [text_of(x) for x in a.get("reading") or () if text_of(x)]
        if limits:
            out.append(
                f"   *In {md_escape(a.get('language') or 'an unknown language')}: "
                + "; ".join(md_escape(x) for x in limits)
                + "*"
            )
    groups = _independent_groups(view)
    if groups:
        out += ["", "Independent sources: " + "; ".join(groups) + "."]
    return out


def _independent_groups(view: StoryView) -> list[str]:
    groups = []
    for src in view.sources():
        numbers = [n for n in (view.number(a) for a in src.get("articles") or []) if n]
        if numbers:  # the first article is the origin, the others pass it on
            groups.append((numbers[0], sorted(numbers[1:])))
    return [
        f"[{head}]" + (f" (passed on by {cites(rest)})" if rest else "")
        for head, rest in sorted(groups)
    ]
