"""The unsupported-content flag: sections that no other source of the story carries."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Flag
from ..sources.independence import (
    fact_name_key,
)
from .helpers import _describe
from .lexicons import _EXPERT_WORDS, FILLER_PHRASES
from .params import FlagParams, Signal

_STOP = frozenset(
    """the a an and or but of in on at to for from by with about as into over after before than
    then that this these those is are was were be been being has have had do does did will
    would could should may might can not no it its they them their he she his her we our you
    your who whom which what when where why how there here also more most some any all each
    other such only very just so up out down off now said says say told according while
    still even into onto upon""".split()
)
_LABEL = re.compile(
    r"^\s*(?:\*\*(?P<bold>[A-Za-z][\w.'\u2019-]*(?: [\w.'\u2019-]+){0,3})\*{0,2}\s*:"
    r"|(?P<plain>Q|A|[A-Z][\w.'\u2019-]*(?: [\w.'\u2019-]+){0,3})\s*:)"
)
_HEADING_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class Section:
    """A run of lines introduced by a heading (or the text before the first heading), with the
    share of its keys that other independent reports carry, and its padding signs."""

    start: int
    end: int
    sentences: int
    support: float
    signs: tuple[Signal, ...]


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_heading(line: str) -> bool:
    """A heading: a markdown heading, a line in bold or capitals, or a short line that does not
    end a sentence and is not a dialogue line."""
    s = line.strip()
    if s.startswith("#"):
        return True
    if _LABEL.match(s):
        return False
    if s.startswith("**") and s.rstrip(".").endswith("**"):
        return True
    words = s.split()
    if len(words) <= _HEADING_MAX_WORDS and s[-1] not in ".!?\"'\u201d\u2019,;:)":
        return True
    return s.isupper() and len(words) <= _HEADING_MAX_WORDS


def _content_keys(article: Article, start: int, end: int) -> set[str]:
    """Content words (cut to 6 letters, function words out), names and figures of a stretch."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", article.text[start:end])
    keys = {w.lower()[:6] for w in words if len(w) >= 4 and w.lower() not in _STOP}
    for q in article.annotations.quantities:
        if start <= q.start < end:
            keys.add(f"n:{q.value:g}")
    return keys


class StorySupport:
    """What each source of a story carries (content keys, names), counted by source once, so
    that "carried by another source" costs a lookup, not a pass over the story per article."""

    def __init__(self, articles: Sequence[Article], source_of: Mapping[str, str]):
        self.keys: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, set[str]] = defaultdict(set)
        for b in articles:
            src = source_of.get(b.id, b.id)
            self.keys[src] |= _content_keys(b, 0, len(b.text))
            self.names[src] |= _names(b)
        self.key_sources = Counter(k for ks in self.keys.values() for k in ks)
        self.name_sources = Counter(k for ks in self.names.values() for k in ks)

    def view(self, source: str) -> _Others:
        """The story as seen from ``source``: what the other sources carry."""
        return _Others(self, source)


@dataclass(frozen=True, slots=True)
class _Others:
    story: StorySupport
    source: str

    def carries(self, key: str) -> bool:
        own = key in self.story.keys.get(self.source, ())
        return self.story.key_sources[key] > own

    def names(self, name: str) -> bool:
        own = name in self.story.names.get(self.source, ())
        return self.story.name_sources[name] > own

    def __bool__(self) -> bool:
        return any(src != self.source for src in self.story.keys)


def _as_others(others: Sequence[Article] | _Others) -> _Others:
    if isinstance(others, _Others):
        return others
    arts = list(others)
    return StorySupport(arts, {b.id: "others" for b in arts}).view("this article")


def unsupported_sections(
    article: Article, others: Sequence[Article] | _Others, params: FlagParams | None = None
) -> list[Section]:
    """Return the article's sections (split at headings) with their support by ``others`` (the
    story's articles from other sources) and their padding signs."""
    params = params or FlagParams()
    others = _as_others(others)
    text = article.text
    lines = _lines(text)
    if not lines:
        return []
    starts = _section_starts(text, lines)
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    sentence_starts = [s.start for s in article.annotations.sentences]
    out = []
    for a, b in bounds:
        while b - 1 > a and _BOILERPLATE.search(text[lines[b - 1][0] : lines[b - 1][1]]):
            b -= 1  # a copyright line closing the page is no part of the section
        start, end = lines[a][0], lines[b - 1][1]
        keys = _content_keys(article, start, end)
        support = sum(map(others.carries, keys)) / len(keys) if keys else 1.0
        n_sent = bisect.bisect_left(sentence_starts, end) - bisect.bisect_left(
            sentence_starts, start
        )
        signs = _padding_signs(article, lines[a:b], others)
        out.append(Section(start, end, n_sent, round(support, 3), tuple(signs)))
    return out


_BOILERPLATE = re.compile(r"^\s*(?:\u00a9|\(c\)\s|copyright\b)|all rights reserved", re.I)


def _section_starts(text: str, lines: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of the lines that open a section: a heading after a line that is not one (a
    heading under a heading belongs to the same section), unless it is the last line."""
    heading = [_is_heading(text[s:e]) for s, e in lines]
    starts = [0]
    for i in range(1, len(lines) - 1):
        if heading[i] and not heading[i - 1]:
            starts.append(i)
    return starts


def _names(article: Article) -> set[str]:
    """The name keys of an article's entities and its capitalised words, lower-cased."""
    names = set()
    for e in article.annotations.entities:
        k = fact_name_key(article.text[e.start : e.end])
        if k:
            names.add(k)
    names.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", article.text))
    return names


def _padding_signs(
    article: Article, lines: Sequence[tuple[int, int]], others: _Others
) -> list[Signal]:
    """Signs of padding in a section: a dialogue (three lines or more opening with a speaker
    label, at most three labels), answers cut off mid-sentence, stock filler phrases, and an
    expert (a name beside a title such as "Dr." or "professor") that no other report names."""
    text = article.text
    signs: list[Signal] = []
    labelled = [(s, e) for s, e in lines if _LABEL.match(text[s:e])]
    labels = {_speaker(text[s:e]) for s, e in labelled}
    if len(labelled) >= 3 and len(labels) <= 4:
        s, e = labelled[0]
        signs.append(
            Signal(
                "dialogue", s, e, f"{len(labelled)} lines opening with " + ", ".join(sorted(labels))
            )
        )
    for s, e in lines:
        cut = _cut_off(text[s:e])
        if cut:
            signs.append(Signal("cut_off", e - len(cut), e, cut))
    low = text[lines[0][0] : lines[-1][1]].lower() if lines else ""
    base = lines[0][0] if lines else 0
    for phrase in FILLER_PHRASES:
        i = low.find(phrase)
        if i >= 0:
            signs.append(
                Signal(
                    "filler",
                    base + i,
                    base + i + len(phrase),
                    text[base + i : base + i + len(phrase)],
                )
            )
    signs += _lone_experts(article, lines, others)
    return signs


def _speaker(line: str) -> str:
    m = _LABEL.match(line)
    return ((m.group("bold") or m.group("plain")) if m else "").lower()


def _cut_off(line: str) -> str | None:
    """The end of a line that stops mid-sentence: a line of five words or more (not a heading
    or a label) whose last word is lower case with no closing punctuation ("... The recent",
    "... moment. the"); returned as the last few words."""
    s = line.strip().rstrip("*").strip()
    if not s or s[-1] in ".!?\"'\u201d\u2019)]:;" or _LABEL.fullmatch(s + ":"):
        return None
    body = _LABEL.sub("", s, count=1)
    words = body.split()
    if len(words) < 5 or not re.search(r"[.!?]", body):
        return None
    tail = re.split(r"(?<=[.!?])\s+", body)[-1]
    if len(tail.split()) > 4 or not tail.split()[-1].islower():
        return None
    return tail


def _lone_experts(
    article: Article, lines: Sequence[tuple[int, int]], others: _Others
) -> list[Signal]:
    text = article.text
    if not lines:
        return []
    start, end = lines[0][0], lines[-1][1]
    out, seen = [], set()
    for e in article.annotations.entities:
        if e.label != "PERSON" or not start <= e.start < end:
            continue
        key = fact_name_key(text[e.start : e.end])
        if not key or key in seen or others.names(key):
            continue
        before = text[max(start, e.start - 60) : e.start].lower()
        after = text[e.end : min(end, e.end + 80)].lower()
        words = set(re.findall(r"[a-z.]+", before + " " + after))
        if words & _EXPERT_WORDS:
            seen.add(key)
            out.append(Signal("lone_expert", e.start, e.end, text[e.start : e.end]))
    return out


_SIGN_NAMES = {
    "dialogue": "a dialogue",
    "cut_off": "answers cut off mid-sentence",
    "filler": "stock filler",
    "lone_expert": "an expert no other report names",
}


def unsupported_flag(
    article: Article, others: Sequence[Article] | _Others, params: FlagParams
) -> Flag | None:
    """Return the unsupported_content flag for the sections others barely carry that are large
    enough and show padding signs of ``unsupported_signs`` kinds (adjacent ones merged)."""
    others = _as_others(others)
    if not others or not article.text:
        return None
    total_sentences = max(1, len(article.annotations.sentences))
    hits = []
    for sec in unsupported_sections(article, others, params):
        kinds = {s.kind for s in sec.signs}
        share = (sec.end - sec.start) / max(1, len(article.text))
        big = share >= params.unsupported_share or sec.sentences >= params.unsupported_sentences
        if (
            sec.support < params.unsupported_support
            and big
            and len(kinds) >= (params.unsupported_signs)
        ):
            hits.append(sec)
    if not hits:
        return None
    spans = _merge([(h.start, h.end) for h in hits], article.text)
    signs = [s for h in hits for s in h.signs]
    sentences = sum(h.sentences for h in hits)
    covered = sum(e - s for s, e in spans) / max(1, len(article.text))
    support = sum(h.support * (h.end - h.start) for h in hits) / sum(h.end - h.start for h in hits)
    detail = (
        f"{sentences} of {total_sentences} sentences ({covered:.0%} of the text) that the "
        f"story's other independent reports barely carry ({support:.0%} of their words, "
        f"names and figures found there), with signs of padding: "
        f"{_describe(signs, _SIGN_NAMES)}"
    )
    return Flag("unsupported_content", detail, tuple(spans))


def added_flag(
    article: Article,
    copied: Sequence[tuple[int, int]],
    others: Sequence[Article] | _Others,
    params: FlagParams,
) -> Flag | None:
    """Return the unsupported_content flag of what a copy adds to the report it republishes
    (``copied``: its stretches found there): a run of at least ``params.added_sentences``
    sentences none of which the copied report holds, opened by a label in capitals that marks
    an outlet's own commentary ("OUR VIEW:"), that the story's other independent reports
    barely carry (less than ``params.unsupported_support`` of its words, names and
    figures): an outlet's own commentary appended to a wire ("OUR VIEW: the bomber was a
    foreigner ..."), which the wire's sources never said. None when there is none."""
    others = _as_others(others)
    sentences = article.annotations.sentences
    if not copied or not sentences:
        return None

    def own(start: int, end: int) -> bool:
        inside = sum(max(0, min(end, e) - max(start, s)) for s, e in copied)
        return inside <= _ADDED_OVERLAP * (end - start)

    runs: list[list[tuple[int, int]]] = []
    previous_own = False
    for sent in sentences:
        if own(sent.start, sent.end):
            if previous_own:
                runs[-1].append((sent.start, sent.end))
            else:
                runs.append([(sent.start, sent.end)])
            previous_own = True
        else:
            previous_own = False
    hits = []
    for run in runs:
        start, end = run[0][0], run[-1][1]
        if len(run) < params.added_sentences or not _COMMENT_LABEL.match(article.text, start):
            continue
        keys = _content_keys(article, start, end)
        support = sum(map(others.carries, keys)) / len(keys) if keys else 1.0
        if support < params.unsupported_support:
            hits.append((start, end, len(run), support))
    if not hits:
        return None
    sentences_added = sum(h[2] for h in hits)
    support = sum(h[3] * (h[1] - h[0]) for h in hits) / sum(h[1] - h[0] for h in hits)
    detail = (
        f"{sentences_added} of {len(sentences)} sentences that this copy adds to the report it "
        f"republishes, which the story's other independent reports barely carry ({support:.0%} "
        f"of their words, names and figures found there)"
    )
    return Flag(
        "unsupported_content", detail, tuple(_merge([(h[0], h[1]) for h in hits], article.text))
    )


# A label in capitals opening a paragraph, a colon after it: how an outlet marks its own
# commentary ("OUR VIEW:", "COMMENT:", "NUESTRA OPINIÓN:", "KOMMENTAR:").
_COMMENT_LABEL = re.compile(
    r"[A-ZÀ-ÞА-ЯЁЄІЇ][A-ZÀ-ÞА-ЯЁЄІЇ'’.-]+(?: [A-ZÀ-ÞА-ЯЁЄІЇ'’.-]+){0,3}:(?=\s)"
)


# A sentence of a copy is its own (not the copied report's) when at most this share of it lies
# in the stretches found there.
_ADDED_OVERLAP = 0.2


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and text[out[-1][1] : s].strip() == "":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
