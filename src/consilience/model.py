"""The records that flow between stages.

Everything found in an article is a character span ``(start, end)`` into that article's cleaned
``text``. Records are small frozen dataclasses; a stage returns a new ``Article`` with
``dataclasses.replace`` rather than mutating one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

PublishedFrom = Literal["metadata", "text", "none"]
Stance = Literal["asserted", "reported", "rumoured", "denied"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an article came from: a file path (``-`` for stdin), plus the line of a JSON-lines
    file or the index of a feed entry."""

    path: str
    line: int | None = None
    entry: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.entry is not None:
            return f"{self.path}#entry{self.entry}"
        return self.path


@dataclass(frozen=True, slots=True)
class RawDoc:
    """What a reader yields: the article's raw text and whatever metadata the input carried.

    ``text`` is the raw text that cleaning starts from: the file's text for plain text, the text
    field for JSON, the extracted main text for HTML pages and feed entries. Offsets in
    ``Article.removed`` refer to this string.
    """

    source: SourceRef
    kind: str  # txt | html | json | jsonl | rss | atom
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as found in the metadata, unparsed
    language: str | None = None  # as declared by the input, if any
    id: str | None = None  # the input's own id, if any


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (or an article) set aside, with a reason a person can act on."""

    source: SourceRef
    reason: str
    code: str = "unreadable"
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Removed:
    """A stretch of the raw text that cleaning removed, in raw offsets, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to offsets in the raw text.

    Stored as anchors: ``clean[i]`` and ``raw[i]`` are the starts of a piece; a piece is either
    copied (offsets inside move together) or replaced (every offset inside maps to the start of the
    raw stretch it replaced). ``copied[i]`` says which.
    """

    clean: tuple[int, ...] = (0,)
    raw: tuple[int, ...] = (0,)
    copied: tuple[bool, ...] = (True,)

    def to_raw(self, offset: int) -> int:
        i = bisect.bisect_right(self.clean, offset) - 1
        i = max(i, 0)
        if self.copied[i]:
            return self.raw[i] + (offset - self.clean[i])
        return self.raw[i]


@dataclass(frozen=True, slots=True)
class Published:
    date: str | None = None  # ISO date, YYYY-MM-DD
    from_: PublishedFrom = "none"
    evidence: tuple[int, int] | None = None  # span in the cleaned text that gave the date


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    source: str = "model"  # model | gazetteer | rule
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str | None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY; None when it cannot be placed
    precision: Precision | None
    kind: str = "date"  # date | duration | vague | time
    relative: bool = False  # resolved against the publication date


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None = None  # km, mile, percent, USD, ...
    counted: str | None = None  # what is counted: "people", "Chilean miners", "dead"
    approximate: bool = False
    qualifier: str | None = None  # nearly | at least | about | some | more than | up to ...
    number_format: str = "plain"  # plain | comma | european | words | share ("two thirds")
    # what is counted, in words of no language: dead | injured | missing | displaced | people ...
    concept: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    start: int  # the sentence the attribution covers
    end: int
    source_start: int  # who said it
    source_end: int
    cue: str  # "according to", "told", "said", "insisted" ...
    stance: Stance = "reported"
    channel: str | None = None  # "AFP" in "told AFP"


@dataclass(frozen=True, slots=True)
class Annotations:
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    # the title and lead as one multilingual sentence vector, packed (consilience.annotate.gist);
    # "" when not computed or the article has too little text
    gist: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str
    detail: str
    spans: tuple[tuple[int, int], ...] = ()
    related: tuple[str, ...] = ()


UNSUPPORTED_CONTENT = "unsupported_content"  # the flag of content no other report supports


def unsupported_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """Return the spans of ``article`` flagged as unsupported content (appended text no other
    report of the story supports): never a claim, evidence, a timeline entry or a date."""
    return tuple(span for f in article.flags if f.kind == UNSUPPORTED_CONTENT for span in f.spans)


def inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Return True when ``[start, end)`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: SourceRef
    kind: str
    raw_text: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    published: Published = field(default_factory=Published)
    published_raw: str | None = None
    declared_language: str | None = None
    offsets: OffsetMap = field(default_factory=OffsetMap)
    removed: tuple[Removed, ...] = ()
    annotations: Annotations = field(default_factory=Annotations)
    flags: tuple[Flag, ...] = ()
    # between the language stage and annotate: the sentences (plain ones,
    # ``annotate.nlp.simple_sentences``) the language detector found in another language than
    # the article's, as (start, end, language), which annotate maps onto its own sentences
    # (``LanguageDetector.sentence_languages_from``); None before the language stage and once
    # annotate has read them
    language_spans: tuple[tuple[int, int, str], ...] | None = None

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class Ref:
    """A span of one article: ``(article id, start, end)`` into that article's cleaned text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Geo:
    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor or place of a story, resolved across articles, spellings and languages."""

    id: str
    name: str  # canonical name
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC | ...
    aliases: tuple[str, ...]  # every surface form seen, canonical name included
    mentions: tuple[Ref, ...]
    geo: Geo | None = None
    reasons: tuple[str, ...] = ()  # why mentions were joined, in words a reader can check


@dataclass(frozen=True, slots=True)
class Source:
    """An independent origin of reports: an article and its copies / rewrites count once."""

    id: str
    articles: tuple[str, ...]  # the first is the origin, the others copy or rewrite it
    relations: tuple[
        tuple[str, str, str], ...
    ] = ()  # (article, "copy"|"rewrite"|"translation", of article)


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str
    start: int
    end: int
    attributed_to: str | None = None  # who said it, as written
    stance: Stance = "asserted"
    # the figure the passage gives, normalised whatever its language and digits: "400",
    # "at least 247", "93 m", "7.1 magnitude"; None for a statement
    figure: str | None = None


@dataclass(frozen=True, slots=True)
class ConflictValue:
    article: str
    value: str  # as a reader sees it: "370,000", "20 miles", "had not entered", "2024-12-05"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # number | unit | denial | date | place
    values: tuple[ConflictValue, ...]
    why: str


ClaimStatus = Literal["corroborated", "single_source", "disputed", "updated"]


@dataclass(frozen=True, slots=True)
class Backing:
    """One value of a disputed or updated figure and who gives it: its independent sources
    (copies, rewrites and translations count once) and its articles (by article id)."""

    value: str  # as Evidence.figure writes it: "400", "at least 247", "93 m"
    independent_sources: int
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str  # a representative wording of the claim
    status: ClaimStatus
    independent_sources: int
    evidence: tuple[Evidence, ...]
    conflicts: tuple[Conflict, ...] = ()
    why: str = ""
    # each value of a disputed or updated figure with its own independent sources ("400": 5,
    # "more than 500": 1), most sources first; () for other claims
    backing: tuple[Backing, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str  # ISO, as precise as ``precision``
    precision: Precision
    text: str
    evidence: tuple[Ref, ...]
    conflict: Conflict | None = None  # the same event given different dates by different sources


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str | None
    articles: tuple[str, ...]
    period: tuple[str | None, str | None] = (None, None)
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Packed:
    """An article held compressed (its pickle, zlib level 1: about 3 KB for an article that
    takes some 26 KB as objects and more of a process's memory once it has come through a
    pipe), with what a run reads of it before it is needed whole: its id and its publication.
    ``pack`` and ``unpack`` make one from the other; a large run holds its articles so
    (``pipeline.PACK_FROM``)."""

    id: str
    published: Published
    data: bytes

    def unpack(self) -> Article:
        import pickle
        import zlib

        article = pickle.loads(zlib.decompress(self.data))
        assert isinstance(article, Article)
        return article


def pack(article: Article) -> Packed:
    """``article`` held compressed (``Packed``)."""
    import pickle
    import zlib

    return Packed(article.id, article.published, zlib.compress(pickle.dumps(article, 5), 1))


def unpack(item: Article | Packed) -> Article:
    """The article ``item`` holds, or ``item`` itself."""
    return item.unpack() if isinstance(item, Packed) else item


class Articles(Sequence[Article]):
    """A run's articles in order, each held as it came: an Article, or ``Packed`` and
    unpacked each time it is read (nothing kept: reading them one after the other holds one
    at a time). Equal to any sequence of the same articles; ``ids`` without unpacking."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[Article | Packed] = ()) -> None:
        self._items: tuple[Article | Packed, ...] = tuple(items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> Articles: ...

    def __getitem__(self, index: int | slice) -> Article | Articles:
        if isinstance(index, slice):
            return Articles(self._items[index])
        return unpack(self._items[index])

    def __iter__(self) -> Iterator[Article]:
        for item in self._items:
            yield unpack(item)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self._items)

    @property
    def packed(self) -> bool:
        """Whether any article is held packed."""
        return any(isinstance(item, Packed) for item in self._items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Articles({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Report:
    articles: Sequence[Article]
    skipped: tuple[Skipped, ...]
    stories: tuple[Story, ...]
    settings: dict[str, object] = field(default_factory=dict)
