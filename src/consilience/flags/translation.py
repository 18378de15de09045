"""The machine-translation flag: signs of text translated by a machine."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import Any

from ..model import Article, Flag
from .helpers import _adjacent, _describe, _sentence_start, _spans, _tokens, attested_names
from .lexicons import (
    _AFTER_COUNTRY,
    _THE_COUNTRIES,
    ENGLISH_FUNCTION_WORDS,
    FOREIGN_FUNCTION_WORDS,
    WEEKDAYS,
)
from .params import FlagParams, Signal

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
    place the article names in English ("lisboa" beside "Lisbon"); "the" before a country
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


def _the_country(
    text: str, tokens: Sequence[tuple[int, int, str]], k: int, gazetteer: Any
) -> Signal | None:
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
    weights = dict(params.translation_weights)
    score = sum(weights.get(s.kind, 0.0) for s in signals)
    if score < params.translation_threshold:
        return None
    detail = (
        f"traces of automatic translation (score {score:g}, threshold "
        f"{params.translation_threshold:g}): {_describe(signals, _TRANSLATION_NAMES)}"
    )
    return Flag("machine_translation", detail, _spans(signals, params.max_spans))
