"""Independence of sources: which articles of a set republish or paraphrase another one.

``find_sources(articles)`` returns one ``Source`` per independent origin: an article together
with its copies and rewrites found in the set, which count once when claims are counted.

Two detectors, each built to scale to tens of thousands of articles (no comparison of all
pairs of articles, and none of all pairs of sentences):

* **copies** (the same wire story republished, a syndicated copy, near-verbatim, maybe trimmed,
  with a changed credit): MinHash signatures over word 5-shingles, one of the whole text and one
  of its lead, put into LSH bands (``bands`` x ``rows``); articles that share a band bucket are
  candidates (in a set of at most ``all_pairs`` articles, such as one story, every pair is).
  A candidate pair is a copy when at least ``copy_share`` of the shorter text's shingles occur
  in the other (exact count over the two shingle sets), or when it is a partial copy (an agency
  text cut, updated or merged into another): ``copy_passages`` separate passages of at least
  ``passage_words`` words shared word for word outside quotation marks, or one passage of
  ``long_passage_words`` (a quote many outlets repeat is no copy), or sentences copied with
  light edits (``_EditedSentences``: ``edited_sentences`` sentences in order that keep most of
  their words in order, not word for word: a quotation is repeated whole, copied prose is
  edited).
* **rewrites** ("spun" paraphrases: sentence by sentence the same facts in the same order, with
  other words): each article becomes a sequence of fact keys in text order (normalised entity
  names, numbers from the annotated quantities, resolved dates), grouped by sentence.
  Candidates come from an inverted index in which each sentence is represented by its rarest
  fact key, pair or triple of keys (found in at most ``rare_df`` articles); two articles are
  candidates when they share the representatives of ``min_shared_sentences`` sentences. A
  candidate pair is a rewrite when the longest common subsequence of the two fact sequences is
  long
  (``min_aligned`` keys), covers most of the shorter sequence (``rewrite_cover``: the rewrite
  adds few facts of its own) and a good part of the longer one (``rewrite_cover_long``), and
  the aligned keys spread over at least ``min_sentences`` fact-bearing sentences of each and
  over most fact-bearing sentences of the shorter (``rewrite_sentence_cover``: sentence by
  sentence, not one shared list of dates and places).

* **translations** (one report in two languages): ``consilience.sources.translations``, and
  close translations into a neighbouring language, almost word for word, found by the stems of
  their words sentence by sentence: ``consilience.sources.cognates``.

Linked articles form one group; its origin is the earliest published article (publication
dates compared as ISO strings; an undated article comes after every dated one), ties broken by
a credit to a news agency (``agency_of``: the wire an outlet republishes the same day), then
the longer text, then by input order. Every other member gets one relation to the member it is
linked to on a shortest path from the origin.

Wire credits (``agency_of``): an article credited to a news agency, by a dateline credit
("ROME (Reuters) -", "(AFP) —"), a closing credit ("... (AP)") or by naming one agency as its
main source ("told AFP", "according to AFP", at least twice and more than any other agency).
Claims traced to one agency count once however many outlets carry them.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from ..model import Article, Attribution, Source
from ..stories.features import digit_figures
from ..text import shingle_hashes
from ..tuning import IndependenceParams, TranslationParams
from .cognates import close_translations
from .passages import QUOTED, chain
from .translations import sentences_agree, translation_pairs

if TYPE_CHECKING:
    from ..annotate.gist import SentenceEncoder

__all__ = [
    "Facts",
    "IndependenceParams",
    "Link",
    "agency_of",
    "copy_share",
    "fact_keys",
    "find_links",
    "find_sources",
    "rewrite_alignment",
    "traced_origin",
]


@dataclass(frozen=True, slots=True)
class Link:
    """Two articles found to share an origin, by input index: ``kind`` "copy", "rewrite" or
    "translation", ``score`` the shingle share (copy) or the aligned share of the shorter fact
    (rewrite) or figure (translation) sequence."""

    a: int
    b: int
    kind: str
    score: float


def find_sources(
    articles: Sequence[Article],
    params: IndependenceParams | None = None,
    translations: TranslationParams | None = None,
    encoder: SentenceEncoder | None = None,
) -> tuple[Source, ...]:
    """Return one Source per independent origin, in input order of the origins: its
    ``articles`` start with the origin, then the copies and rewrites in input order; each
    ``relations`` entry is ``(article, "copy"|"rewrite", of article)``. Every article of the
    input is in exactly one Source. ``params`` and ``translations`` default to the defaults of
    ``consilience.tuning`` (a run passes its ``Settings.independence`` and ``.translations``);
    with ``encoder`` (the run's multilingual sentence encoder) a translation must also say its
    sentences alike (``translations.sentences_agree``)."""
    params = params or IndependenceParams()
    links = find_links(articles, params, translations, encoder)
    return _sources(articles, links)


def find_links(
    articles: Sequence[Article],
    params: IndependenceParams | None = None,
    translations: TranslationParams | None = None,
    encoder: SentenceEncoder | None = None,
) -> list[Link]:
    """Return the copy, rewrite and translation links between articles of the set (each pair
    at most once; a pair that is both a copy and a rewrite is a copy), sorted by pair; with
    ``encoder``, a translation link only between articles that say their sentences alike."""
    params = params or IndependenceParams()
    shingles = [shingle_set(_text(a), params.shingle) for a in articles]
    found: dict[tuple[int, int], Link] = {}
    copy_candidates = _lsh_candidates(articles, shingles, params)
    if len(articles) <= params.all_pairs:
        copy_candidates |= set(combinations(range(len(articles)), 2))
    runs = _Runs(articles, params)
    edited = _EditedSentences(articles, params)
    for i, j in sorted(copy_candidates):
        share = copy_share(shingles[i], shingles[j], params.min_shingles)
        if (
            share >= params.copy_share
            or runs.partial_copy(i, shingles[j], share)
            or (
                share * min(len(shingles[i]), len(shingles[j])) >= params.edited_shingles
                and edited.copied(i, j)
            )
        ):
            found[(i, j)] = Link(i, j, "copy", round(share, 3))
    facts = [fact_keys(a) for a in articles]
    for i, j in sorted(_fact_candidates(facts, params) | copy_candidates):
        if (i, j) in found:
            continue
        other = _languages_differ(articles[i], articles[j])
        cover = _rewrite_score(facts[i], facts[j], params)
        if cover is not None and other and _shared_beyond_days(facts[i], facts[j]) < _BEYOND_DAYS:
            # across languages names of other scripts give no key: the days of the story, which
            # every report of it names, must not be most of what two reports share
            cover = None
        if cover is not None:
            # the same facts in the same order in another language: a translation
            kind = "translation" if other else "rewrite"
            found[(i, j)] = Link(i, j, kind, round(cover, 3))
    # translations by their figures and gists (``translation_pairs``)
    for i, j, score in translation_pairs(articles, translations):
        found.setdefault((i, j), Link(i, j, "translation", score))
    worded = set()  # close translations: their sentences keep most of their words' stems
    for i, j, score in close_translations(articles):
        found.setdefault((i, j), Link(i, j, "translation", score))
        worded.add((i, j))
    if encoder is not None:
        # a translation says each sentence again: a few figures and facts in order are also
        # what two reports of one event written apart share (a long run of figures in order is
        # not: MEANTIME's translations of one text by two translators split their sentences
        # apart, and always share six figures or more)
        # (a date counts once in that run, not as its day, month and year: every report of
        # one day writes its date, often in a byline line, "16.05.2031"; and a time of day
        # once, not as its hour and minutes)
        long_run = (translations or TranslationParams()).min_figures_alone
        for key in [k for k, link in found.items() if link.kind == "translation"]:
            if key in worded:
                continue
            i, j = key
            a, b = _figures_dates_once(articles[i]), _figures_dates_once(articles[j])
            run = LCSseq.similarity(a, b)
            if run < long_run and not sentences_agree(
                articles[i], articles[j], encoder, translations
            ):
                del found[key]
    return [found[k] for k in sorted(found)]


def _figures_dates_once(article: Article) -> list[str]:
    """Return the figures ``article`` writes with digits (``digit_figures``), in order, each
    date one figure ("16.05.2031" is one day, not 16, 5 and 2031)."""
    text, out, at = article.text, [], 0
    for d in sorted(article.annotations.dates, key=lambda d: d.start):
        if d.kind != "date" or d.start < at or not re.search(r"\d", text[d.start : d.end]):
            continue
        out += _figures(text[at : d.start])
        out.append(f"d:{d.value or text[d.start : d.end]}")
        at = d.end
    return out + _figures(text[at:])


def _figures(text: str) -> list[str]:
    """Return ``digit_figures`` of ``text``, a time of day one figure ("08:40" as "08.40"
    writes it, not 8 and 40: two reports of one blast both give its time)."""
    return digit_figures(_CLOCK.sub(r"\1.\2", text))


_CLOCK = re.compile(r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])")


# ----------------------------------------------------------------------------- shingles


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PRIME = np.uint64((1 << 31) - 1)  # Mersenne prime: a * x + b < 2**63, no overflow


def _text(article: Article) -> str:
    return article.text or article.raw_text or ""


def words_of(text: str) -> list[str]:
    """Return the lower-cased word tokens of ``text`` (letters and digits)."""
    return _WORD.findall(text.lower())


def shingle_set(text: str, k: int = 5) -> np.ndarray:
    """Return the sorted distinct 32-bit hashes of the k-word shingles of ``text``."""
    return np.unique(shingle_hashes(words_of(text), k))


class _Runs:
    """The passages two texts share word for word outside quotation marks, read on the first
    text's shingles (computed only for pairs that share enough shingles to hold them)."""

    def __init__(self, articles: Sequence[Article], params: IndependenceParams) -> None:
        self.articles = articles
        self.params = params
        self.k = params.shingle
        self._seq: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def _sequence(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The article's shingles in text order and whether each touches a quotation."""
        if i not in self._seq:
            text = _text(self.articles[i])
            words = list(_WORD.finditer(text.lower()))
            hashes = shingle_hashes([m.group() for m in words], self.k)
            starts = [m.start() for m in words]
            quoted = np.zeros(len(words), dtype=bool)
            for q in QUOTED.finditer(text):
                quoted[bisect_left(starts, q.start()) : bisect_left(starts, q.end())] = True
            # shingle n touches a quotation when one of its words n .. n + k - 1 is quoted
            # (the one window of a text shorter than k: any word), read on running counts
            runs = np.concatenate(([0], np.cumsum(quoted, dtype=np.int64)))
            first = np.arange(len(hashes))
            touch = runs[np.minimum(first + self.k, len(words))] > runs[first]
            self._seq[i] = (hashes, touch)
        return self._seq[i]

    def passages(self, i: int, other: np.ndarray) -> list[int]:
        """Return the lengths in words of the passages of article ``i`` found word for word in
        the text whose shingle set is ``other``, outside quotation marks, in text order."""
        hashes, touch = self._sequence(i)
        hit = (np.isin(hashes, other) & ~touch).tolist()
        out, run = [], 0
        for h in [*hit, False]:
            if h:
                run += 1
            elif run:
                out.append(run + self.k - 1)
                run = 0
        return out

    def partial_copy(self, i: int, other: np.ndarray, share: float) -> bool:
        """Return whether article ``i`` took passages of the other text: ``copy_passages``
        separate ones of ``passage_words`` words or more, or one of ``long_passage_words``."""
        p = self.params
        hashes, _ = self._sequence(i)
        if share * min(len(hashes), len(other)) < p.passage_words - self.k + 1:
            return False
        found = [n for n in self.passages(i, other) if n >= p.passage_words]
        return len(found) >= p.copy_passages or any(n >= p.long_passage_words for n in found)


class _EditedSentences:
    """Sentences one text took from another with light edits ("The quake was comparable to
    the one in 2009 that killed more than 300 people" / "The initial quake was comparable to
    the one in 2009 in the Abruzzo region that killed more than 300 people"): word-for-word
    passages break at each edit, so a lightly edited copy shares no long passage, yet sentence
    by sentence most words stay, in order. A pair is a partial copy when ``edited_sentences``
    sentences of one, in text order, each share ``edited_words`` words or more in order with a
    sentence of the other (in order too), covering ``edited_cover`` of the shorter of the two
    sentences but not all of it: a sentence found whole, word for word, in the other is what a
    quotation (with or without its marks) or a shared passage looks like, and those are the
    passage rule's. Quotations are left out. Computed only for pairs that share
    ``edited_shingles`` 5-word sequences. Measured: on the 90 real multilingual articles of
    bench/multilingual.py one more wire copy linked (a New York Times text in two versions),
    no other pair; 25 more links among ECB+ reports of one event (wire rewrites); on
    bench/duplicates.py's synthetic 20,000 articles 4 false links more (a rewrite of a report
    whose two sentences another report quotes without marks)."""

    def __init__(self, articles: Sequence[Article], params: IndependenceParams) -> None:
        self.articles = articles
        self.params = params
        self._vocabulary: dict[str, int] = {}
        self._sentences: dict[int, list[str]] = {}

    def _encoded(self, i: int) -> list[str]:
        """The article's sentences of ``edited_words`` words or more outside quotations, each
        as a string with one character per word (for the C implementation of LCS)."""
        if i not in self._sentences:
            article = self.articles[i]
            text = _text(article)
            quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
            bounds = [(s.start, s.end) for s in article.annotations.sentences] or [
                (m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)
            ]
            out = []
            for start, end in bounds:
                words = [
                    m.group().lower()
                    for m in _WORD.finditer(text, start, end)
                    if not any(a <= m.start() < b for a, b in quoted)
                ]
                if len(words) >= self.params.edited_words:
                    out.append("".join(self._char(w) for w in words))
            self._sentences[i] = out
        return self._sentences[i]

    def _char(self, word: str) -> str:
        code = 0x100 + self._vocabulary.setdefault(word, len(self._vocabulary))
        return chr(code + 0x800 if code >= 0xD800 else code)  # no surrogate code points

    def copied(self, i: int, j: int) -> bool:
        a, b = self._encoded(i), self._encoded(j)
        p = self.params
        if len(a) < p.edited_sentences or len(b) < p.edited_sentences:
            return False
        shared = process.cdist(a, b, scorer=LCSseq.similarity, dtype=np.int32)
        shorter = np.minimum.outer(
            np.fromiter(map(len, a), dtype=np.int32, count=len(a)),
            np.fromiter(map(len, b), dtype=np.int32, count=len(b)),
        )
        # edited: the shorter sentence is not found whole, word for word, in the other (a
        # quotation is repeated word for word, with or without its marks; copied prose is not)
        ok = (shared >= p.edited_words) & (shared >= p.edited_cover * shorter) & (shared < shorter)
        rows, columns = np.nonzero(ok)
        return chain(rows, columns) >= p.edited_sentences


def _languages_differ(a: Article, b: Article) -> bool:
    return bool(a.language and b.language and a.language != b.language)


def copy_share(a: np.ndarray, b: np.ndarray, min_shingles: int = 20) -> float:
    """Return the share of the smaller shingle set found in the other (0.0 when the smaller has
    fewer than ``min_shingles``)."""
    small = min(len(a), len(b))
    if small < min_shingles:
        return 0.0
    return float(np.intersect1d(a, b, assume_unique=True).size) / small


class _MinHash:
    """Universal hashing ``(a * x + b) mod (2**31 - 1)`` with ``n`` random (a, b) pairs: each
    pair permutes the residues, and the signature keeps each permutation's minimum."""

    def __init__(self, n: int, seed: int):
        rng = np.random.default_rng(seed)
        p = int(_PRIME)
        self.a = rng.integers(1, p, size=n, dtype=np.uint64)
        self.b = rng.integers(0, p, size=n, dtype=np.uint64)

    def signature(self, hashes: np.ndarray) -> np.ndarray | None:
        """Return the MinHash signature of a set of 32-bit hashes (None for an empty set).
        x < 2**31 and a, b < 2**31 after the reduction, so a * x + b stays below 2**63."""
        if hashes.size == 0:
            return None
        x = (hashes % _PRIME)[:, None]
        values = (x * self.a[None, :] + self.b[None, :]) % _PRIME
        return values.min(axis=0)


def _lsh_candidates(
    articles: Sequence[Article], shingles: Sequence[np.ndarray], params: IndependenceParams
) -> set[tuple[int, int]]:
    """Return the pairs (i < j) that share an LSH bucket of their whole-text or lead
    signature."""
    if params.bands * params.rows != params.permutations:
        raise ValueError("permutations must equal bands * rows")
    mh = _MinHash(params.permutations, params.seed)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        if len(shingles[i]) < params.min_shingles:
            continue
        lead = np.unique(
            shingle_hashes(words_of(_text(article))[: params.lead_words], params.shingle)
        )
        for which, hashes in ((0, shingles[i]), (1, lead)):
            sig = mh.signature(hashes)
            if sig is None:
                continue
            for band in range(params.bands):
                key = sig[band * params.rows : (band + 1) * params.rows].tobytes()
                buckets[(which * params.bands + band, key)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            pairs.update(_bucket_pairs(sorted(set(members)), params.max_bucket))
    return pairs


def _bucket_pairs(members: list[int], max_bucket: int) -> Iterable[tuple[int, int]]:
    """All pairs of a small bucket; a large one (mass republication) as a chain, which keeps
    the work linear and still joins the members through the copy links it verifies."""
    if len(members) <= max_bucket:
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]
    else:
        for x in range(len(members) - 1):
            yield members[x], members[x + 1]
            yield members[0], members[x + 1]


# ----------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Facts:
    """An article's fact keys by fact-bearing sentence (sentences in text order, the distinct
    keys of one sentence sorted), flattened in ``keys`` with each key's sentence index in
    ``sentence``."""

    keys: tuple[str, ...]
    sentence: tuple[int, ...]
    by_sentence: tuple[tuple[str, ...], ...]


# Head words that name the kind of an organisation or place rather than which one it is: a
# two-word name ending in one is kept whole ("Defense Ministry"), others reduce to their last
# word ("Lucia Marchetti" -> "marchetti", so that "Marchetti" alone matches).
_GENERIC_HEADS = frozenset(
    """agency ministry ministries party forces force council government army navy police news
    times post press university company corporation corp inc ltd group association committee
    union bank court department office organization organisation network river valley city
    province region republic state states kingdom islands island defense defence guard
    authority service services board commission institute foundation centre center
    observatory front movement coalition alliance brigade brigades unit media tv radio
    airport station hospital school church mosque square street road bridge dam lake sea
    mountains mountain county district""".split()
)
_ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@lru_cache(maxsize=200_000)
def fact_name_key(name: str) -> str | None:
    """Return the fact key of an entity name: ASCII lower case without a leading article or
    possessive; one word as is; three or more capitalised words as their initials ("Regional
    Emergency Agency" -> "rea", matching the acronym); two words as the last word unless it is
    a generic head word. None when nothing is left."""
    name = _POSSESSIVE.sub("", _LEADING.sub("", anyascii(name).strip()))
    words = re.findall(r"[A-Za-z0-9]+", name)
    if not words:
        return None
    lower = [w.lower() for w in words]
    caps = [w for w in words if w[0].isupper()]
    if len(words) == 1:
        return lower[0] if len(lower[0]) > 1 else None
    if len(caps) >= 3:
        return "".join(w[0] for w in caps).lower()
    if lower[-1] in _GENERIC_HEADS:
        return " ".join(lower)
    return lower[-1]


def _number_key(value: float) -> str:
    return f"n:{int(value)}" if float(value).is_integer() else f"n:{value:g}"


def fact_keys(article: Article) -> Facts:
    """Return the article's fact keys in text order: its named entities (by ``fact_name_key``, or
    ``g:<geonameid>`` for a place the gazetteer confirmed), the values of its quantities
    (``n:12000``) and its resolved dates (``d:2025-03-14``), each with the index of its
    sentence among the article's fact-bearing sentences."""
    text = _text(article)
    ann = article.annotations
    found: list[tuple[int, str]] = []
    for e in ann.entities:
        if e.label not in _ENTITY_LABELS:
            continue
        key = fact_name_key(text[e.start : e.end])
        if key:
            found.append((e.start, key))
    for q in ann.quantities:
        found.append((q.start, _number_key(q.value)))
    for d in ann.dates:
        if d.kind == "date" and d.value:
            found.append((d.start, "d:" + d.value))
    if not ann.entities:  # no annotation (a language the model does not read): capitalised words
        found.extend(_capitalised_keys(text))
    found.sort()
    return _by_sentence(found, [s.start for s in ann.sentences])


def _capitalised_keys(text: str) -> list[tuple[int, str]]:
    """Capitalised words that do not open a sentence, as name keys, with their offsets."""
    out = []
    for m in re.finditer(r"(?<=[^\s.!?:\"'\u201c(])\s+([A-Z][\w\-]+)", text):
        key = fact_name_key(m.group(1))
        if key:
            out.append((m.start(1), key))
    return out


def _by_sentence(found: list[tuple[int, str]], starts: list[int]) -> Facts:
    """Group keys by sentence; within a sentence the keys are sorted, so that a paraphrase that
    reorders the clauses of a sentence ("in Mori, a man aged 81" / "an 81-year-old man ... near
    Mori") still aligns; the sentences keep their order."""
    import bisect

    groups: dict[int, list[str]] = {}
    for offset, key in found:
        s = bisect.bisect_right(starts, offset) - 1 if starts else 0
        bucket = groups.setdefault(s, [])
        if key not in bucket:
            bucket.append(key)
    by_sentence = tuple(tuple(sorted(groups[s])) for s in sorted(groups))
    keys = [k for g in by_sentence for k in g]
    sent = [i for i, g in enumerate(by_sentence) for _ in g]
    return Facts(tuple(keys), tuple(sent), by_sentence)


def _fact_candidates(facts: Sequence[Facts], params: IndependenceParams) -> set[tuple[int, int]]:
    """Return the pairs (i < j) that share the rare fact keys of at least
    ``min_shared_sentences`` sentences.

    Each fact-bearing sentence is represented by its rarest index entry: a key, or a pair of
    keys of that sentence, found in 2 to ``rare_df`` articles of the set (rarest by document
    frequency, ties by hash). A rewrite keeps its sentences' facts, hence their
    representatives; two articles that merely share one quotation share one representative.
    Posting lists are capped at ``rare_df``, so the work grows linearly with the set."""
    per_sentence = [
        [_sentence_entries(keys, params.max_keys_per_sentence) for keys in f.by_sentence]
        for f in facts
    ]
    df = _document_frequency(per_sentence)
    postings: dict[int, list[int]] = defaultdict(list)
    for i, sentences in enumerate(per_sentence):
        reps = set()
        for entries in sentences:
            rare = [(df(h), h) for h in entries]
            rare = [x for x in rare if 2 <= x[0] <= params.rare_df]
            if rare:
                reps.add(min(rare)[1])
        for h in reps:
            postings[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    return {p for p, n in shared.items() if n >= params.min_shared_sentences}


def _sentence_entries(keys: Sequence[str], cap: int) -> set[int]:
    """Return the index entries of one sentence, hashed: each key alone, each unordered pair
    of distinct keys (of its first ``cap`` keys) and each triple (of its first six): when a
    big story makes its names common, their combinations in one sentence stay rare."""
    ks = sorted(set(keys[:cap]))
    out = {zlib.crc32(k.encode()) for k in ks}
    out.update(zlib.crc32("\x1f".join(c).encode()) for c in combinations(ks, 2))
    out.update(zlib.crc32("\x1f".join(c).encode()) for c in combinations(ks[:6], 3))
    return out


def _document_frequency(per_sentence: Sequence[Sequence[set[int]]]):  # noqa: ANN202
    """Return a function giving the number of articles holding an index entry (a sorted
    numpy array and a binary search: no dictionary of every entry of a large set)."""
    chunks = [np.fromiter(set().union(*s), dtype=np.int64) for s in per_sentence if s]
    if not chunks:
        return lambda h: 0
    values, counts = np.unique(np.concatenate(chunks), return_counts=True)

    def df(h: int) -> int:
        i = int(np.searchsorted(values, h))
        return int(counts[i]) if i < len(values) and values[i] == h else 0

    return df


_DAY_KEY = re.compile(r"d:\d{4}-\d{2}-\d{2}$")
# Keys besides days two articles in two languages share, in order, at least, to be a translation
# by their fact sequences (two reports of one strike written apart share its toll, a date and a
# figure of its background: three).
_BEYOND_DAYS = 4


def _shared_beyond_days(a: Facts, b: Facts) -> int:
    """Return how many keys other than days the fact sequences of ``a`` and ``b`` share, in
    order."""
    return int(LCSseq.similarity(list(_without_days(a).keys), list(_without_days(b).keys)))


def _without_days(f: Facts) -> Facts:
    """Return ``f`` without its keys of days ("d:2031-05-10"): the days a story's reports name
    ("on Saturday", "am Samstag") are the same in every report of it."""
    kept = [(k, n) for k, n in zip(f.keys, f.sentence, strict=True) if not _DAY_KEY.match(k)]
    left = sorted({n for _, n in kept})  # the sentences that still bear a fact, renumbered
    index = {n: i for i, n in enumerate(left)}
    return Facts(
        keys=tuple(k for k, _ in kept),
        sentence=tuple(index[n] for _, n in kept),
        by_sentence=tuple(
            tuple(k for k in f.by_sentence[n] if not _DAY_KEY.match(k)) for n in left
        ),
    )


def rewrite_alignment(a: Facts, b: Facts) -> tuple[int, int, int]:
    """Return (aligned keys, sentences of ``a`` touched, sentences of ``b`` touched) for the
    longest common subsequence of the two fact sequences."""
    if not a.keys or not b.keys:
        return 0, 0, 0
    ops = LCSseq.editops(list(a.keys), list(b.keys))
    matched_a, matched_b = _matched(ops, len(a.keys), len(b.keys))
    sa = {a.sentence[i] for i in matched_a}
    sb = {b.sentence[j] for j in matched_b}
    return len(matched_a), len(sa), len(sb)


def _matched(ops, n: int, m: int) -> tuple[list[int], list[int]]:  # noqa: ANN001
    """Return the positions of both sequences kept by the edit script (the aligned keys)."""
    deleted = {op.src_pos for op in ops if op.tag == "delete"}
    inserted = {op.dest_pos for op in ops if op.tag == "insert"}
    return [i for i in range(n) if i not in deleted], [j for j in range(m) if j not in inserted]


def _rewrite_score(a: Facts, b: Facts, params: IndependenceParams) -> float | None:
    """Return the aligned share of the shorter fact sequence when the pair reads as a rewrite,
    else None."""
    short, long_ = sorted((len(a.keys), len(b.keys)))
    if short < params.min_aligned:
        return None
    aligned = LCSseq.similarity(list(a.keys), list(b.keys))
    if aligned < params.min_aligned:
        return None
    if aligned / short < params.rewrite_cover or aligned / long_ < params.rewrite_cover_long:
        return None
    _, sa, sb = rewrite_alignment(a, b)
    if min(sa, sb) < params.min_sentences:
        return None
    shorter, touched = (a, sa) if len(a.keys) <= len(b.keys) else (b, sb)
    if touched / max(1, len(shorter.by_sentence)) < params.rewrite_sentence_cover:
        return None
    return aligned / short


# ----------------------------------------------------------------------------- sources


def _order_key(article: Article, index: int) -> tuple:
    """Earliest published first (undated last), then a wire (``_wire``: what an outlet
    republishes, padded or not, the same day), then the agency's own release (its outlet is
    the agency its dateline credits, ``_own_release``: a copy padded with an outlet's
    commentary is longer than the wire it copies), then the longer text, then input order."""
    date = article.published.date if article.published and article.published.date else None
    return (
        date is None,
        date or "",
        not _wire(article),
        not _own_release(article),
        -len(_text(article)),
        index,
    )


def _own_release(article: Article) -> bool:
    """Return True when an article's outlet is the agency its dateline credits: "Meridian
    Press Agency" with "POTISKUM (MPA) -", by name or by the initials of its name."""
    m = _dateline(_text(article).strip())
    if m is None or not article.outlet:
        return False
    credit = re.sub(r"[^\w]", "", m.group("credit")).casefold()
    outlet = article.outlet.casefold()
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", article.outlet) if w[0].isupper())
    return credit == re.sub(r"[^\w]", "", outlet) or credit == initials.casefold()


def _wire(article: Article) -> bool:
    """Return True for an article that reads as a wire: a dateline credit opening it
    ("VARNESSE (CPA) -"), or a known news agency credited (``agency_of``), not any name in
    brackets closing it ("... the Red Dawn Front (RDF).")."""
    if _dateline(_text(article).strip()) is not None:
        return True
    agency = agency_of(article)
    return agency is not None and canonical_agency(agency) is not None


def _sources(articles: Sequence[Article], links: Sequence[Link]) -> tuple[Source, ...]:
    adjacency: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        adjacency[link.a].append(link)
        adjacency[link.b].append(link)
    seen: set[int] = set()
    groups: list[list[int]] = []
    for i in range(len(articles)):
        if i in seen:
            continue
        group, queue = [], deque([i])
        seen.add(i)
        while queue:
            x = queue.popleft()
            group.append(x)
            for link in adjacency[x]:
                y = link.b if link.a == x else link.a
                if y not in seen:
                    seen.add(y)
                    queue.append(y)
        groups.append(group)
    built = [_source(articles, g, adjacency) for g in groups]
    built.sort(key=lambda pair: pair[0])
    return tuple(s for _, s in built)


def _source(
    articles: Sequence[Article], group: list[int], adjacency: dict[int, list[Link]]
) -> tuple[int, Source]:
    origin = min(group, key=lambda i: _order_key(articles[i], i))
    parent: dict[int, Link] = {}
    queue, seen = deque([origin]), {origin}
    while queue:  # breadth first: each member hangs from a member nearest the origin
        x = queue.popleft()
        best = sorted(adjacency[x], key=lambda lk: (lk.kind != "copy", -lk.score, lk.a, lk.b))
        for link in best:
            y = link.b if link.a == x else link.a
            if y not in seen:
                seen.add(y)
                parent[y] = link
                queue.append(y)
    others = sorted(i for i in group if i != origin)
    relations = []
    for y in others:
        link = parent[y]
        x = link.a if link.b == y else link.b
        relations.append((articles[y].id, link.kind, articles[x].id))
    ids = (articles[origin].id, *(articles[i].id for i in others))
    return origin, Source(id=f"src-{articles[origin].id}", articles=ids, relations=tuple(relations))


# ----------------------------------------------------------------------------- wire credits


# News agencies by canonical name, with the spellings that name them. General knowledge of the
# trade (the world's wire services), not tied to any story.
_AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "Agence France‑Presse"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "ANSA": ("ANSA",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "PA": ("PA", "Press Association", "PA Media"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "ANI": ("ANI",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "Anadolu Ajansi"),
    "APA": ("APA",),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "Europa Press": ("Europa Press",),
    "Lusa": ("Lusa",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "KUNA": ("KUNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "IRNA": ("IRNA",),
    "SANA": ("SANA",),
    "QNA": ("QNA",),
    "MENA": ("MENA",),
    "Ukrinform": ("Ukrinform",),
    "PAP": ("PAP",),
    "CTK": ("CTK", "ČTK"),
    "MTI": ("MTI",),
    "AAP": ("AAP", "Australian Associated Press"),
    "CP": ("Canadian Press", "The Canadian Press"),
    "Sputnik": ("Sputnik",),
    "Jiji": ("Jiji", "Jiji Press"),
    "NTB": ("NTB",),
    "TT": ("TT",),
    "Ritzau": ("Ritzau",),
    "STT": ("STT",),
}
_BY_NAME = {v: k for k, vs in _AGENCIES.items() for v in vs}
_AGENCY_RE = "|".join(sorted((re.escape(v) for v in _BY_NAME), key=len, reverse=True))
# A credit in parentheses right after the dateline, followed by a dash: "ROME (Reuters) -".
_DATELINE = re.compile(
    r"^[^\n()]{0,80}?\((?P<credit>[A-Z][\w.&'\u2019-]*(?: [\w.&'\u2019-]+){0,3})\)\s*"
    r"(?:[-\u2013\u2014]{1,2}|:)\s"
)
# A closing credit: "(AP)", "(With AP)", "(avec AFP)", "(con información de EFE)", "(Mit
# Material von dpa)", "(With Reuters, AP)": the first agency named.
_CLOSING_PAREN = re.compile(
    r"\((?:(?i:with|avec|con|mit|com|met|amb)\s+(?:(?i:information|información|informações|"
    r"informazioni|informations|material|reporting)\s+(?i:from|de|da|di|des|du|von)\s+)?)?"
    r"(?P<credit>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})"
    r"(?:\s*(?:,|\band\b|\bet\b|\by\b|\be\b|\bund\b|\ben\b)\s*[A-Z][\w.&'-]*)*\)\W{0,3}$"
)
_CLOSING_DASH = re.compile(r"[-\u2013\u2014]{1,2}\s*(?P<credit>" + _AGENCY_RE + r")\W{0,3}$")
# Phrases that name an agency as the channel of what follows or precedes.
_CHANNEL = re.compile(
    r"\b(?i:told|according to|quoted by|cited by|reported by|said to|confirmed to|spoke to|"
    r"in an interview with|in a statement to)\s+(?:the\s+)?(?P<a>" + _AGENCY_RE + r")\b"
    r"|\b(?P<b>" + _AGENCY_RE + r")\s+(?:reported|reports|said|says|learned|quoted)\b"
)


def canonical_agency(name: str) -> str | None:
    """Return the canonical name of a news agency named ``name`` ("Agence France-Presse" ->
    "AFP"), or None when it names no agency of the list."""
    name = name.strip()
    return _BY_NAME.get(name) or _BY_NAME.get(re.sub(r"^[Tt]he\s+", "", name))


# An article's opening lines searched for a dateline: a scraped text often carries its headline
# and a byline line ("Outlet | 15 May") before the dateline paragraph.
_OPENING_LINES = 3


def _credit(name: str) -> str:
    return canonical_agency(name) or name


def _dateline(text: str) -> re.Match[str] | None:
    """Return the dateline credit ("VARNESSE (CPA) -") opening one of the first
    ``_OPENING_LINES`` lines of ``text`` that hold words, or None; never a label ("(VIDEO)",
    "(UPDATE 2)"). A line after the first (below a headline and a byline) opens a dateline
    only with a place in capitals or the credit itself ("VELMORA, May 15 (CPA) -", "(CPA) -"):
    not "O presidente da câmara, Rui Santos (PSD) – ...", nor "By Ana Lopes (Staff) -"."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_OPENING_LINES]
    for n, line in enumerate(lines):
        m = _DATELINE.match(line)
        if m is None or _LABEL.fullmatch(m.group("credit")) or _BYLINE.match(line):
            continue
        if n == 0 or _PLACE_IN_CAPITALS.match(line[: m.start("credit")]):
            return m
    return None


# A byline ("By Ana Lopes (Staff Writer) - 16 May"): its brackets say who wrote, not a wire.
_BYLINE = re.compile(r"(?i)(?:by|par|por|di|von|door)\s")
# Labels in brackets a headline or a lead carries that credit no one.
_LABEL = re.compile(r"(?i)(?:video|photos?|update(?:\s+\d+)?|live|updated|watch|audio|map)")
# What opens a dateline below the first line: a place in capitals, or the bracket itself.
_PLACE_IN_CAPITALS = re.compile(r"^(?:\(|[A-ZÀ-Þ][A-ZÀ-Þ'\u2019 .-]{2,}(?:,|\s*\())")


def agency_of(article: Article) -> str | None:
    """Return the agency an article is credited to, or None.

    The rule, first match wins: (1) a dateline credit, a name in parentheses followed by a dash
    opening one of the first lines ("ROVERETO, Italy (Wire) —", "(Reuters) -"; a headline and
    a byline line may come before it); (2) a closing credit, a name in parentheses ending the
    text ("... (AP)", "(With AP)": the agency whose material it used) or a known agency after a
    final dash ("— AP"); (3) one known agency named as the channel of the article's
    information ("told AFP", "according to AFP", "AFP reported", or an attribution whose
    channel or source is the agency) at least twice and more often than any other agency.
    Known agencies are returned by their canonical name ("AFP", "Reuters", "AP"); other
    credits as written."""
    text = _text(article).strip()
    if not text:
        return None
    m = _dateline(text)
    if m:
        return _credit(m.group("credit"))
    last = text.rsplit("\n", 1)[-1].strip()
    m = _CLOSING_PAREN.search(last) or _CLOSING_DASH.search(last)
    if m:
        return _credit(m.group("credit"))
    return _main_channel(article, text)


def _main_channel(article: Article, text: str) -> str | None:
    """The agency named as a channel at least twice and more often than any other."""
    in_text: dict[str, int] = defaultdict(int)
    for m in _CHANNEL.finditer(text):
        name = m.group("a") or m.group("b")
        in_text[canonical_agency(name) or name] += 1
    in_attributions: dict[str, int] = defaultdict(int)
    for att in article.annotations.attributions:
        agency = traced_origin(article, att)
        if agency:
            in_attributions[agency] += 1
    # The two readings overlap ("told AFP" is both): the larger count of each agency stands.
    counts = {k: max(in_text[k], in_attributions[k]) for k in {*in_text, *in_attributions}}
    ranked = sorted(((n, k) for k, n in counts.items()), reverse=True)
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def traced_origin(article: Article, attribution: Attribution) -> str | None:
    """Return the agency one attribution of ``article`` is traced to: its channel ("told AFP")
    or its source ("Reuters reported") when either names a known agency, by canonical name;
    else None. Claims traced to one agency count once, whichever outlet carries them."""
    text = _text(article)
    if attribution.channel:
        found = canonical_agency(attribution.channel)
        if found:
            return found
    source = text[attribution.source_start : attribution.source_end]
    return canonical_agency(source) if source else None
