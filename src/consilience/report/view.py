"""What the Markdown and HTML briefings share: a story's articles numbered for citation, safe
URLs, labels, dates in words, and claims grouped by status.

Everything here reads the JSON report dict (``report.json.to_dict``), never model records, so a
report written by an earlier run renders the same way. Values from the dict are untrusted: they
are turned into text here and escaped by each renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..text import shorten

# Claim statuses in the order a briefing presents them, with the heading a reader sees.
# Reading order: what is contested first, then what changed, what is established, what one
# source alone says.
STATUSES: tuple[str, ...] = ("disputed", "updated", "corroborated", "single_source")
STATUS_LABELS = {
    "corroborated": "Established",
    "disputed": "Disputed",
    "updated": "Updated",
    "single_source": "Single source",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_UNSAFE_URL_CHARS = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


def safe_url(url: object) -> str | None:
    """Return ``url`` when it is an absolute http(s) URL with a host and nothing that could break
    out of an attribute or a Markdown link; else None (the URL is then shown as text only)."""
    if not isinstance(url, str) or not url or _UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def text_of(value: object) -> str:
    """Return a value of the dict as one line of text (None -> "")."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def iso_date(value: object) -> tuple[int, int | None, int | None] | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; return (year, month, day) or None."""
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month or None, day or None


def date_words(value: object) -> str:
    """Return an ISO date in words ("14 March 2025", "March 2025", "2025"), or the value as text
    when it does not parse."""
    parsed = iso_date(value)
    if parsed is None:
        return text_of(value)
    year, month, day = parsed
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def period_words(start: object, end: object) -> str:
    """Return a story's period in words ("14–16 March 2025"), or "" when unknown."""
    a, b = iso_date(start), iso_date(end)
    if a is None and b is None:
        return ""
    if a is None or b is None or a == b:
        return date_words(start if a else end)
    if a[0] == b[0] and a[1] == b[1] and a[2] and b[2]:
        return f"{a[2]}–{b[2]} {_MONTHS[a[1] - 1]} {a[0]}"  # type: ignore[operator]
    return f"{date_words(start)} – {date_words(end)}"


def host(url: object) -> str:
    """Return the host of a URL, without a leading ``www.``, or ""."""
    if not isinstance(url, str):
        return ""
    try:
        netloc = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return netloc.removeprefix("www.")


def source_path(article: dict) -> str:
    """Return where an article came from: path, plus ``:line`` or ``#entryN``."""
    src = article.get("source") or {}
    path = text_of(src.get("path"))
    if src.get("line") is not None:
        return f"{path}:{src['line']}"
    if src.get("entry") is not None:
        return f"{path}#entry{src['entry']}"
    return path


def title_or_lead(article: dict) -> str:
    """Return the article's title, or when it has none the first sentence of its text proper
    (after a byline, date or dateline: ``clean.lead``) shortened at a word boundary (an
    ellipsis marks the cut), so an article in any language has a line to show."""
    title = text_of(article.get("title"))
    if title:
        return title
    raw = article.get("text")
    text = raw if isinstance(raw, str) else ""
    sentences = (article.get("annotations") or {}).get("sentences") or []
    spans = tuple(
        (s["start"], s["end"])
        for s in sentences
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
    )
    return _lead_line(text, spans, text_of(article.get("outlet")) or None)


@lru_cache(maxsize=4096)
def _lead_line(text: str, spans: tuple[tuple[int, int], ...], outlet: str | None) -> str:
    """``title_or_lead`` of an untitled article: kept per text, as a story's briefing asks for
    an article's line many times (its source list, each claim citing it, its copies), and
    ``clean.lead`` reads the head of the text each time (0.2 ms an article)."""
    from ..clean import lead

    # never a byline, a date or a dateline: the first sentence of the text proper
    return shorten(lead(text, spans, outlet))


def outlet_label(article: dict) -> str:
    """Return who published the article: its outlet, else its URL's host, else its file name."""
    outlet = text_of(article.get("outlet"))
    if outlet:
        return outlet
    h = host(article.get("url"))
    if h:
        return h
    path = source_path(article)
    return path.rsplit("/", 1)[-1] or "unknown source"


@dataclass
class Cited:
    """One article of a story, numbered for citation."""

    number: int
    id: str
    data: dict
    relations: list[tuple[str, int | None]] = field(default_factory=list)  # (kind, of number)

    @property
    def text(self) -> str:
        t = self.data.get("text")
        return t if isinstance(t, str) else ""

    @property
    def published(self) -> str | None:
        d = (self.data.get("published") or {}).get("date")
        return d if isinstance(d, str) else None


@dataclass
class StoryView:
    """A story with its articles numbered [1], [2] ... in order of publication."""

    index: int  # 1-based position of the story in the report
    story: dict
    cited: list[Cited]
    by_id: dict[object, Cited]  # keyed by article id; any other key finds nothing
    cache: dict[int, list[int]] = field(default_factory=dict)  # id(entity) -> mention numbers

    def number(self, article_id: object) -> int | None:
        """Return the citation number of an article id, or None when it is not in the story."""
        c = self.by_id.get(article_id) if isinstance(article_id, str) else None
        return c.number if c else None

    def language(self, article_id: object) -> str | None:
        """Return the language of an article of the story, or None when unknown."""
        c = self.by_id.get(article_id) if isinstance(article_id, str) else None
        lang = c.data.get("language") if c else None
        return lang if isinstance(lang, str) else None

    def claims(self, status: str) -> list[dict]:
        """Return the claims with ``status``, most independent sources first."""
        found = [c for c in _dicts(self.story.get("claims")) if c.get("status") == status]
        return sorted(found, key=lambda c: -_int(c.get("independent_sources")))

    def other_claims(self) -> list[dict]:
        """Return claims whose status is not one this renderer knows (shown, never dropped)."""
        return [c for c in _dicts(self.story.get("claims")) if c.get("status") not in STATUSES]

    def sources(self) -> list[dict]:
        return _dicts(self.story.get("sources"))

    def outlets(self) -> list[str]:
        """Return distinct outlet labels in citation order."""
        seen: dict[str, None] = {}
        for c in self.cited:
            seen.setdefault(outlet_label(c.data), None)
        return list(seen)

    def independent_count(self) -> int | None:
        """Return the number of independent sources, or None when not assessed."""
        sources = self.sources()
        return len(sources) if sources else None


def _dicts(value: object) -> list[dict]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _each_dict(value: object) -> Iterator[dict]:
    """The dicts of a list (``_dicts``), or of a sequence read one item at a time (a large
    run's ``report.json.Made``), one after the other."""
    if isinstance(value, list):
        yield from _dicts(value)
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes | tuple):
        yield from (x for x in value if isinstance(x, dict))


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def story_views(report: dict) -> list[StoryView]:
    """Return one view per story of the report, plus one for articles in no story (if any)."""
    return list(iter_story_views(report))


def iter_story_views(report: dict) -> Iterator[StoryView]:
    """The views of ``story_views``, one at a time, each made with only its own articles'
    dicts: a report whose ``articles`` are read one at a time (a large run's
    ``report.json.Made``) is never held whole."""
    found = _ArticleIndex(report.get("articles"))
    placed: set[str] = set()
    index = 0
    for index, story in enumerate(_each_dict(report.get("stories")), 1):
        ids = list(dict.fromkeys(found.present(story.get("articles"))))
        placed.update(ids)
        yield _view(index, story, found.dicts(ids))
    rest = [k for k in found.ids if k not in placed]
    if rest:
        yield _view(index + 1, dict(_UNASSIGNED), found.dicts(rest))


def story_heads(report: dict) -> list[tuple[int, dict, int]]:
    """(index, story, number of its articles) of each view of ``story_views``, in order,
    without the articles' dicts (a page's table of contents)."""
    found = _ArticleIndex(report.get("articles"))
    heads: list[tuple[int, dict, int]] = []
    placed: set[str] = set()
    for index, story in enumerate(_each_dict(report.get("stories")), 1):
        ids = set(found.present(story.get("articles")))
        placed |= ids
        heads.append((index, story, len(ids)))
    rest = {k for k in found.ids if k not in placed}
    if rest:
        heads.append((len(heads) + 1, dict(_UNASSIGNED), len(rest)))
    return heads


# The view of the articles in no story.
_UNASSIGNED: dict = {
    "id": "unassigned",
    "title": "Articles in no story",
    "articles": [],
    "period": {},
    "entities": [],
    "sources": [],
    "claims": [],
    "timeline": [],
}


class _ArticleIndex:
    """The articles of a report dict by id: a list of dicts, or a sequence read one article at
    a time that knows its ``ids`` (``report.json.Made``), each dict then read when a
    view needs it. Ids that are not strings are left out; of two articles with one id, the
    last counts."""

    def __init__(self, articles: object) -> None:
        self._lazy: Sequence[dict] | None = None
        self._dicts: dict[str, dict] = {}
        self._at: dict[str, int] = {}
        ids = getattr(articles, "ids", None)
        if isinstance(articles, Sequence) and not isinstance(articles, list) and ids is not None:
            self._lazy = articles
            self._at = {k: n for n, k in enumerate(ids) if isinstance(k, str)}
        else:
            for a in _dicts(articles):
                key = a.get("id")
                if isinstance(key, str):
                    self._dicts[key] = a  # the last one counts, where the first stood

    @property
    def ids(self) -> list[str]:
        return list(self._at if self._lazy is not None else self._dicts)

    def present(self, ids: Any) -> list[str]:
        """The string ids of ``ids`` (a story's list) that name an article, in order."""
        known = self._at if self._lazy is not None else self._dicts
        return [x for x in ids or [] if isinstance(x, str) and x in known]

    def dicts(self, ids: Iterable[str]) -> list[dict]:
        if self._lazy is None:
            return [self._dicts[k] for k in ids]
        return [self._lazy[self._at[k]] for k in ids]


def _view(index: int, story: dict, articles: list[dict]) -> StoryView:
    order = sorted(range(len(articles)), key=lambda i: (_published(articles[i]) or "9999", i))
    cited = [Cited(n, articles[i]["id"], articles[i]) for n, i in enumerate(order, 1)]
    by_id: dict[object, Cited] = {c.id: c for c in cited}
    for src in _dicts(story.get("sources")):
        for rel in _dicts(src.get("relations")):
            c = by_id.get(rel.get("article"))
            if c is not None:
                of = by_id.get(rel.get("of"))
                c.relations.append((text_of(rel.get("kind")), of.number if of else None))
    return StoryView(index, story, cited, by_id)


def _published(article: dict) -> str | None:
    d = (article.get("published") or {}).get("date")
    return d if isinstance(d, str) else None


def cite_numbers(view: StoryView, article_ids: Iterable[object]) -> list[int]:
    """Return the distinct citation numbers of ``article_ids``, sorted."""
    return sorted({n for a in article_ids if (n := view.number(a)) is not None})


def claim_why(claim: dict) -> str:
    """The claim's ``why`` as a report prints it under the claim: without the explanation of
    each of its conflicts, which the report prints beside that conflict's sides already (a
    disputed claim's ``why`` quotes them whole: the same list of values and articles would be
    read twice)."""
    why = text_of(claim.get("why"))
    for conflict in _dicts(claim.get("conflicts")):
        told = text_of(conflict.get("why"))
        at = why.find(told) if told else -1
        if at < 0:
            continue
        head, tail = why[:at].rstrip(), why[at + len(told) :].lstrip()
        if head.endswith(":"):  # "Disputed (number): <told> 3 articles" -> "...(number). 3 ..."
            head = head[:-1] + "."
        why = f"{head} {tail}".strip()
    return why


def conflict_sides(view: StoryView, conflict: dict) -> list[tuple[str, list[int], list[dict]]]:
    """Group a conflict's values by the value as written: [(value, numbers, values)], in order of
    first appearance."""
    sides: dict[str, list[dict]] = {}
    for v in _dicts(conflict.get("values")):
        sides.setdefault(text_of(v.get("value")), []).append(v)
    return [(k, cite_numbers(view, (v.get("article") for v in vs)), vs) for k, vs in sides.items()]


def chronological_sides(view: StoryView, conflict: dict) -> list[tuple[str, list[int], list[dict]]]:
    """Return conflict sides ordered by the earliest publication date of their articles (an
    update reads as a sequence)."""

    def first(side: tuple[str, list[int], list[dict]]) -> tuple[str, int]:
        dates = [
            view.by_id[v["article"]].published or "9999"
            for v in side[2]
            if v.get("article") in view.by_id
        ]
        return (min(dates) if dates else "9999", min(side[1]) if side[1] else 10**9)

    return sorted(conflict_sides(view, conflict), key=first)


def places(view: StoryView) -> list[dict]:
    """Return the story's entities that have coordinates, each once (by geonameid or name),
    the most-named first."""
    out, seen = [], set()
    for e in _dicts(view.story.get("entities")):
        geo = e.get("geo")
        if not isinstance(geo, dict):
            continue
        lat, lon = geo.get("lat"), geo.get("lon")
        if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = geo.get("geonameid") or text_of(e.get("name"))
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return sorted(out, key=lambda e: (-len(mention_numbers(view, e)), text_of(e.get("name"))))


def mention_numbers(view: StoryView, entity: dict) -> list[int]:
    """Return the citation numbers of the articles that mention an entity (computed once per
    entity of a view: maps, lists and sorting all ask)."""
    key = id(entity)
    found = view.cache.get(key)
    if found is None:
        found = cite_numbers(view, (m.get("article") for m in _dicts(entity.get("mentions"))))
        view.cache[key] = found
    return found


def by_number(view: StoryView, items: Iterable[object]) -> list[dict]:
    """Return the dicts among ``items`` sorted by the citation number of their ``article``
    (items of articles outside the story last, in their order)."""
    dicts = [x for x in items if isinstance(x, dict)]
    return sorted(dicts, key=lambda x: view.number(x.get("article")) or 10**9)


def span_of(item: dict, text: str) -> tuple[int, int] | None:
    """Return a valid (start, end) span of ``item`` inside ``text``, or None."""
    s, e = item.get("start"), item.get("end")
    if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool):
        return None
    if 0 <= s < e <= len(text):
        return s, e
    return None
