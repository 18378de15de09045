"""The HTML report (``report.html``): one self-contained page that opens offline.

Rendered here, in Python: every value from the report (article text, titles, URLs, outlet
names, claim wordings, entity names) goes through ``html.escape``; a URL becomes a link only when
it is http(s). The page's one script (claim filters, citation jumps) and its stylesheet are inline,
and a Content-Security-Policy allows nothing else: no other script (the script is allowed by its
SHA-256 hash), no request to any host, images only from data: URLs.

Per story: an overview, the claims with filters by status, each claim's evidence and conflicting
values cited to the exact passage (the article text is shown with ``<mark>`` at each cited span;
a citation link jumps to it), the timeline (inline SVG), the map of the story's places (inline
SVG), the sources and which articles copy or rewrite which, who is involved, and each article
with its warnings.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from html import escape
from importlib.resources import files

from ..version import __version__
from .charts import core_places, country_name, map_svg, timeline_svg
from .view import (
    STATUS_LABELS,
    STATUSES,
    Cited,
    StoryView,
    by_number,
    chronological_sides,
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
    span_of,
    story_heads,
    text_of,
    title_or_lead,
)

# Mark classes: evidence of a claim, a conflicting value, timeline evidence, a warning's span.
_MARK_TITLES = {
    "ev": "cited as evidence",
    "cv": "a disputed value",
    "tl": "dates an event",
    "fl": "the reason for a warning",
}


_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@lru_cache(maxsize=1)
def assets() -> tuple[str, str, str]:
    """Return (css, js, the CSP source that allows exactly that js)."""
    folder = files("consilience.report").joinpath("assets")
    css = folder.joinpath("report.css").read_text("utf-8")
    js = folder.joinpath("report.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return css, js, f"'sha256-{digest}'"


def csp() -> str:
    """Return the page's Content-Security-Policy."""
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src {assets()[2]}; img-src data:; base-uri 'none'; form-action 'none'"
    )


def _e(value: object) -> str:
    """Escape a value of the report for text or a quoted attribute."""
    return escape(text_of(value), quote=True)


class Marks:
    """The spans of each article that the page cites, with the kinds of citation."""

    def __init__(self, view: StoryView) -> None:
        self.view = view
        self.spans: dict[str, dict[tuple[int, int], set[str]]] = defaultdict(dict)

    def anchor(self, c: Cited, span: tuple[int, int]) -> str:
        return f"s{self.view.index}-a{c.number}-{span[0]}-{span[1]}"

    def cite(self, item: dict, kind: str, label: str | None = None) -> str:
        """Return a citation link to ``item``'s span (registering it as a mark), or to the
        article when the span is not valid; plain text when the article is not in the story."""
        c = (
            self.view.by_id.get(item.get("article"))
            if isinstance(item.get("article"), str)
            else None
        )
        if c is None:
            return '<span class="cite missing" title="not an article of this story">[?]</span>'
        span = span_of(item, c.text)
        if span is None:
            href = f"s{self.view.index}-a{c.number}"
        else:
            self.spans[c.id].setdefault(span, set()).add(kind)
            href = self.anchor(c, span)
        title = f"{outlet_label(c.data)}: {title_or_lead(c.data)}".rstrip(": ")
        return (
            f'<a class="cite" href="#{href}" title="{_e(title)}">'
            f"{_e(label) if label else f'[{c.number}]'}</a>"
        )

    def article_link(self, article_id: object) -> str:
        n = self.view.number(article_id)
        if n is None:
            return ""
        return f'<a class="cite" href="#s{self.view.index}-a{n}">[{n}]</a>'


def marked_text(text: str, spans: dict[tuple[int, int], set[str]], prefix: str) -> str:
    """Return ``text`` escaped, with ``<mark>`` around each span. Overlapping spans that cross
    are split into pieces that nest; the first piece of a span carries its id, every piece its
    ``data-ref``."""
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        starts[span[0]].append(span)
    bounds = sorted({p for s in spans for p in s})
    out: list[str] = []
    stack: list[tuple[int, int]] = []
    pos = 0

    def open_tag(span: tuple[int, int], first: bool) -> str:
        ref = f"{prefix}-{span[0]}-{span[1]}"
        kinds = sorted(spans[span])
        title = ", ".join(_MARK_TITLES.get(k, k) for k in kinds)
        ident = f' id="{ref}" tabindex="-1"' if first else ""
        return f'<mark{ident} class="{" ".join(kinds)}" data-ref="{ref}" title="{title}">'

    for b in bounds:
        out.append(escape(text[pos:b], quote=False))
        pos = b
        if any(s[1] == b for s in stack):
            reopen = []
            while any(s[1] == b for s in stack):
                top = stack.pop()
                out.append("</mark>")
                if top[1] != b:
                    reopen.append(top)
            for span in reversed(reopen):
                out.append(open_tag(span, first=False))
                stack.append(span)
        for span in sorted(starts.get(b, ()), key=lambda s: -s[1]):
            out.append(open_tag(span, first=True))
            stack.append(span)
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def render_html(report: dict) -> str:
    """Return the HTML report of a JSON report dict: one self-contained page."""
    return "".join(html_pieces(report))


def html_pieces(report: dict) -> Iterator[str]:
    """The HTML report of a JSON report dict (``render_html``) in pieces, one story at a time:
    what a run writes to its file as they come (the page of 20,000 articles is a few hundred
    MB of text, which the run's process would otherwise hold whole, and its pieces too)."""
    css, js, _ = assets()
    heads = story_heads(report)
    first = text_of(heads[0][1].get("title")) if heads else ""
    title = f"consilience: {first}" if first else "consilience report"
    yield (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="consilience {_e(__version__)}">'
        f"<title>{_e(title)}</title><style>{css}</style></head><body>"
    )
    yield _top(report, heads)
    yield "<main>"
    for view in iter_story_views(report):
        yield _story(view)
    yield "</main>"
    yield _footer(report)
    yield f"<script>{js}</script></body></html>\n"


def _top(report: dict, heads: list[tuple[int, dict, int]]) -> str:
    gen = report.get("generator") or {}
    n = len(report.get("articles") or [])
    skipped = len(report.get("skipped") or [])
    nav = ""
    if len(heads) > 1:
        items = "".join(
            f'<li><a href="#s{index}">{_e(story.get("title") or "Untitled")}'
            f'</a> <span class="muted">({count} reports)</span></li>'
            for index, story, count in heads
        )
        nav = f'<nav class="stories" aria-label="Stories"><ol>{items}</ol></nav>'
    return (
        '<header class="top"><h1>What the reports establish</h1>'
        f'<p class="meta">{n} article(s) read, {skipped} set aside · {len(heads)} '
        f"stor{'y' if len(heads) == 1 else 'ies'} · written by {_e(gen.get('name'))} "
        f"{_e(gen.get('version'))} on {_e(report.get('created'))}</p>{nav}</header>"
    )


def _story(view: StoryView) -> str:
    marks = Marks(view)
    story = view.story
    parts = [
        f'<section class="story" id="s{view.index}">',
        f"<h2>{_e(story.get('title') or 'Untitled story')}</h2>",
        _overview(view),
    ]
    parts.append(_claims(view, marks))
    parts.append(_timeline(view, marks))
    parts.append(_map(view))
    parts.append(_sources(view))
    parts.append(_entities(view))
    parts.append(_articles(view, marks))  # last: it draws every mark registered above
    parts.append("</section>")
    return "".join(parts)


def _overview(view: StoryView) -> str:
    period = view.story.get("period") or {}
    when = period_words(period.get("start"), period.get("end"))
    outlets = view.outlets()
    line = f"{len(view.cited)} report(s) from {len(outlets)} outlet(s)"
    if when:
        line += f", {_e(when)}"
    cards = []
    indep = view.independent_count()
    cards.append(
        f"<li><b>{indep if indep is not None else '–'}</b>independent source"
        f"{'' if indep == 1 else 's'}</li>"
    )
    for status in STATUSES:
        cards.append(
            f'<li class="st-{status}"><b>{len(view.claims(status))}</b>'
            f"{STATUS_LABELS[status].lower()}</li>"
        )
    n_flags = sum(len(c.data.get("flags") or []) for c in view.cited)
    cards.append(f"<li><b>{n_flags}</b>warning{'' if n_flags == 1 else 's'}</li>")
    return (
        f'<p class="meta">{line}: {", ".join(_e(o) for o in outlets)}</p>'
        f'<ul class="cards" aria-label="Overview">{"".join(cards)}</ul>'
    )


def _status_of(claim: dict) -> str:
    s = claim.get("status")
    return s if s in STATUSES else "other"


def _claims(view: StoryView, marks: Marks) -> str:
    claims = [c for s in STATUSES for c in view.claims(s)] + view.other_claims()
    head = '<section class="block claims-block"><h3>Claims</h3>'
    if not claims:
        return head + (
            '<p class="muted">No claims have been extracted for this story yet; '
            "its articles and sources are below.</p></section>"
        )
    list_id = f"s{view.index}-claims"
    buttons = [
        f'<button type="button" data-filter="all" aria-pressed="true">All '
        f'<span class="n">{len(claims)}</span></button>'
    ]
    for status in STATUSES:
        n = len(view.claims(status))
        if n:
            buttons.append(
                f'<button type="button" data-filter="{status}" aria-pressed="false">'
                f'{STATUS_LABELS[status]} <span class="n">{n}</span></button>'
            )
    items = "".join(_claim(view, marks, c) for c in claims)
    return (
        head + f'<div class="filters" role="group" aria-label="Show claims" '
        f'data-for="{list_id}">{"".join(buttons)}</div>'
        f'<p class="shown muted" id="{list_id}-shown" aria-live="polite">{len(claims)} of '
        f'{len(claims)} claims shown</p><ol class="claims" id="{list_id}">{items}</ol>'
        "</section>"
    )


def _claim(view: StoryView, marks: Marks, claim: dict) -> str:
    status = _status_of(claim)
    label = STATUS_LABELS.get(status, text_of(claim.get("status")) or "claim")
    n = claim.get("independent_sources")
    n = n if isinstance(n, int) and not isinstance(n, bool) else 0
    count = f'<span class="count">{n} independent source{"" if n == 1 else "s"}</span>'
    evidence = []
    for ev in by_number(view, claim.get("evidence") or []):
        who = text_of(ev.get("attributed_to"))
        stance = text_of(ev.get("stance"))
        notes = []
        if who:
            notes.append(f"attributed to {_e(who)}")
        if stance and stance != "asserted":
            notes.append(_e(stance))
        figure = text_of(ev.get("figure"))
        if figure and view.language(ev.get("article")) not in (None, "en"):
            # a passage in another language: the figure as the pipeline read it, to check
            notes.insert(0, f"reads {_e(figure)}")
        note = f' <span class="stance">({", ".join(notes)})</span>' if notes else ""
        c = view.by_id.get(ev.get("article")) if isinstance(ev.get("article"), str) else None
        outlet = f"{_e(outlet_label(c.data))} " if c else ""
        evidence.append(
            f'<li>{outlet}{marks.cite(ev, "ev")}: <q dir="auto">{_e(ev.get("text"))}</q>{note}</li>'
        )
    conflicts = [
        _conflict(view, marks, x, status == "updated")
        for x in claim.get("conflicts") or []
        if isinstance(x, dict)
    ]
    why = claim_why(claim)  # a conflict's explanation is printed with its sides
    return (
        f'<li class="claim st-{status}" data-status="{status}">'
        f'<span class="badge st-{status}">{_e(label)}</span>'
        f'<span class="claim-text">{_e(claim.get("text"))}</span>{count}'
        + "".join(conflicts)
        + (f'<ul class="evidence">{"".join(evidence)}</ul>' if evidence else "")
        + (f'<p class="why">Why: {_e(why)}</p>' if why else "")
        + "</li>"
    )


def _conflict(view: StoryView, marks: Marks, conflict: dict, in_order: bool) -> str:
    sides = chronological_sides(view, conflict) if in_order else conflict_sides(view, conflict)
    items = []
    for i, (value, _numbers, values) in enumerate(sides):
        if in_order and i:
            items.append('<li class="arrow" aria-hidden="true">→</li>')
        links = " ".join(marks.cite(v, "cv") for v in by_number(view, values))
        items.append(f"<li><b>{_e(value)}</b> {links}</li>")
    why = text_of(conflict.get("why"))
    kind = text_of(conflict.get("kind")) or "conflict"
    return (
        f'<div class="conflict"><span class="muted">{_e(kind)}:</span>'
        f'<ul class="sides">{"".join(items)}</ul>'
        + (f'<p class="why">{_e(why)}</p>' if why else "")
        + "</div>"
    )


def _timeline(view: StoryView, marks: Marks) -> str:
    events = sorted(
        (e for e in view.story.get("timeline") or [] if isinstance(e, dict)),
        key=lambda e: text_of(e.get("date")),
    )
    head = '<section class="block timeline-block"><h3>Timeline</h3>'
    if not events:
        return head + '<p class="muted">No dated events for this story yet.</p></section>'
    items = []
    for n, e in enumerate(events, 1):
        links = " ".join(marks.cite(r, "tl") for r in by_number(view, e.get("evidence") or []))
        note = ""
        conflict = e.get("conflict")
        if isinstance(conflict, dict):
            sides = "; ".join(
                f"{_e(date_words(v))} " + " ".join(marks.cite(x, "cv") for x in by_number(view, xs))
                for v, _ns, xs in conflict_sides(view, conflict)
            )
            why = text_of(conflict.get("why"))
            note = (
                f'<div class="conflict-note">Sources disagree on the date: {sides}'
                + (f" — {_e(why)}" if why else "")
                + "</div>"
            )
        items.append(
            f'<li id="s{view.index}-ev{n}" tabindex="-1"><b>'
            f"{_e(date_words(e.get('date')))}</b> — {_e(e.get('text'))} {links}"
            f"{note}</li>"
        )
    chart = timeline_svg(view, events)
    return head + chart + f'<ol class="events">{"".join(items)}</ol></section>'


def _map(view: StoryView) -> str:
    located = places(view)
    head = '<section class="block map-block"><h3>Places</h3>'
    if not located:
        return head + (
            '<p class="muted">No place of this story has been located yet.</p></section>'
        )
    svg = map_svg(view, located, f"Map of {len(located)} place(s) named in the reports")
    items = []
    for n, (p, core) in enumerate(zip(located, core_places(view, located), strict=True), 1):
        geo = p["geo"]
        reports = _report_links(view, p)
        outside = (
            ""
            if core
            else ' <span class="muted">(far from the others: shown at the edge of the map)</span>'
        )
        items.append(
            f'<li id="s{view.index}-pl{n}" tabindex="-1"><b>{_e(p.get("name"))}</b>, '
            f"{_e(country_name(geo.get('country')))} "
            f'<span class="muted">({geo["lat"]:.3f}, {geo["lon"]:.3f})</span> '
            f"{reports}{outside}</li>"
        )
    credit = (
        '<p class="muted">Country outlines: Natural Earth 1:110m (public domain). '
        "Marker size grows with the number of reports naming the place.</p>"
    )
    return head + svg + f'<ol class="legend">{"".join(items)}</ol>{credit}</section>'


def _report_links(view: StoryView, entity: dict) -> str:
    """Return links to the articles that mention an entity, in citation order."""
    return " ".join(
        f'<a class="cite" href="#s{view.index}-a{n}">[{n}]</a>'
        for n in mention_numbers(view, entity)
    )


def _sources(view: StoryView) -> str:
    head = '<section class="block sources-block"><h3>Sources</h3>'
    sources = view.sources()
    if not sources:
        return head + (
            '<p class="muted">Independence not assessed yet: each report counts on '
            "its own.</p></section>"
        )
    groups = []
    for src in sources:
        members = [
            view.by_id[a]
            for a in src.get("articles") or []
            if isinstance(a, str) and a in view.by_id
        ]
        if members:  # the first is the origin, the others copy or rewrite it
            groups.append((members[0], sorted(members[1:], key=lambda c: c.number)))
    items = []
    for origin, rest in sorted(groups, key=lambda g: g[0].number):
        sub = "".join(
            f'<li><a class="cite" href="#s{view.index}-a{c.number}">[{c.number}]</a> '
            f'{_e(outlet_label(c.data))} <span class="relation">'
            f"{_relation_words(c)}</span></li>"
            for c in rest
        )
        title = title_or_lead(origin.data)
        items.append(
            f'<li><a class="cite" href="#s{view.index}-a{origin.number}">'
            f"[{origin.number}]</a> <b>{_e(outlet_label(origin.data))}</b>"
            + (f": {_e(title)}" if title else "")
            + (f"<ul>{sub}</ul>" if sub else "")
            + "</li>"
        )
    return (
        head + f"<p>{len(sources)} independent source{'' if len(sources) == 1 else 's'}: "
        "a report and the copies or rewrites of it count once.</p>"
        f'<ol class="sources-list">{"".join(items)}</ol></section>'
    )


def _relation_words(c: Cited) -> str:
    words = []
    for kind, of in c.relations:
        words.append(f"{_e(kind) or 'related'} of [{of}]" if of else _e(kind))
    return "; ".join(words)


def _entities(view: StoryView) -> str:
    people = [
        e
        for e in view.story.get("entities") or []
        if isinstance(e, dict) and not isinstance(e.get("geo"), dict)
    ]
    if not people:
        return ""
    people.sort(key=lambda e: (-len(mention_numbers(view, e)), text_of(e.get("name"))))
    rows = []
    for e in people:
        name = text_of(e.get("name"))
        aliases = [a for a in (text_of(x) for x in e.get("aliases") or []) if a and a != name]
        reports = _report_links(view, e)
        reasons = "; ".join(_e(r) for r in e.get("reasons") or [])
        rows.append(
            f"<tr><td><b>{_e(name)}</b></td><td>{_e(e.get('type'))}</td>"
            f"<td>{', '.join(_e(a) for a in aliases)}</td><td>{reports}</td>"
            f'<td class="muted">{reasons}</td></tr>'
        )
    return (
        '<section class="block entities-block"><h3>Who is involved</h3><table><thead><tr>'
        "<th>Name</th><th>Type</th><th>Also written</th><th>Reports</th><th>Why joined</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _articles(view: StoryView, marks: Marks) -> str:
    docs = [_article(view, marks, c) for c in view.cited]
    return '<section class="block articles-block"><h3>Reports</h3>' + "".join(docs) + "</section>"


def _article(view: StoryView, marks: Marks, c: Cited) -> str:
    a = c.data
    warnings = []
    for flag in a.get("flags") or []:
        if not isinstance(flag, dict):
            continue
        links = " ".join(
            marks.cite({**s, "article": c.id}, "fl", "passage")
            for s in flag.get("spans") or []
            if isinstance(s, dict)
        )
        related = " ".join(marks.article_link(r) for r in flag.get("related") or [])
        warnings.append(
            f"<li><b>{_e(flag.get('kind'))}</b>: <span>{_e(flag.get('detail'))}"
            f"</span> {links}" + (f" see also {related}" if related else "") + "</li>"
        )
    spans = marks.spans.get(c.id, {})
    text = marked_text(c.text, spans, f"s{view.index}-a{c.number}")
    url = safe_url(a.get("url"))
    if url:
        link = (
            f'<a class="url" href="{escape(url, quote=True)}" rel="noopener noreferrer '
            f'nofollow">{_e(url)}</a>'
        )
    elif text_of(a.get("url")):
        link = f'<span class="url">{_e(a.get("url"))} (not a web address)</span>'
    else:
        link = ""
    meta = [
        x
        for x in (
            _e(date_words(c.published)) if c.published else "",
            _e(text_of(a.get("language"))),
            link,
            f'<span class="muted">{_e(source_path(a))}</span>',
        )
        if x
    ]
    relation = _relation_words(c)
    return (
        f'<article class="doc" id="s{view.index}-a{c.number}" tabindex="-1">'
        f'<h4 dir="auto"><span class="num">[{c.number}]</span>{_e(outlet_label(a))}'
        + (f": {_e(title_or_lead(a))}" if title_or_lead(a) else "")
        + "</h4>"
        f'<p class="meta">{" · ".join(meta)}'
        + (f' · <span class="relation">{relation}</span>' if relation else "")
        + "</p>"
        + (f'<ul class="warnings">{"".join(warnings)}</ul>' if warnings else "")
        + _reading(a)
        + f"<details><summary>Text ({len(c.text):,} characters, {len(spans)} passage(s) "
        f'cited)</summary><div class="text" dir="auto"{_lang(a)}>{text}</div></details>'
        "</article>"
    )


def _reading(article: dict) -> str:
    """Return what the pipeline could not fully read in the article's language, as a note."""
    limits = [text_of(x) for x in article.get("reading") or () if text_of(x)]
    if not limits:
        return ""
    return f'<p class="muted reading">{_e("; ".join(limits))}</p>'


def _lang(article: dict) -> str:
    """Return a lang attribute for the article's detected language (when it is a code)."""
    code = article.get("language")
    if isinstance(code, str) and _LANG.fullmatch(code):
        return f' lang="{code}"'
    return ""


def _footer(report: dict) -> str:
    skipped = [s for s in report.get("skipped") or [] if isinstance(s, dict)]
    items = "".join(
        f"<li>{_e((s.get('source') or {}).get('path'))}: {_e(s.get('reason'))} "
        f"<code>{_e(s.get('code'))}</code></li>"
        for s in skipped
    )
    aside = f"<h3>Inputs set aside</h3><ul>{items}</ul>" if items else ""
    return (
        f"<footer>{aside}<p>Made by consilience, offline: this page loads nothing from "
        "any other place. Claims are counted by independent sources: a copy or rewrite of "
        "a report is not a second source.</p></footer>"
    )
