"""Language detection with lingua, restricted to the configured languages.

Restricting lingua to a handful of languages keeps its models small (all languages together
cost about 1.3 GB) and its answers sharper. Models load lazily by default: Latin-script text
never loads the Arabic, Cyrillic or Hebrew models (measured with the 14 default languages:
~260 MB resident after the first Latin-script text (1.3 s to load), ~360 MB once Arabic and
Cyrillic text has also been seen, ~420 MB with every model preloaded). Article-level detection
reads a bounded sample of the text; sentence-level detection runs lingua's batch API over all
sentences at once and leaves short ones (which lingua guesses badly) to inherit the article's
language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from ..errors import SettingsError

MIN_LETTERS = 3  # fewer letters than this: no language at all
MIN_SENTENCE_CHARS = 20  # shorter sentences inherit the article's language
MIN_SENTENCE_CONFIDENCE = 0.5  # a less certain sentence (names, numbers) inherits it too
# A sentence with at least this many function words of the article's language, this share of
# its words, and more than of any other language, is in the article's language without asking
# lingua (``_plainly_in``)
PLAIN_WORDS = 2
PLAIN_SHARE = 0.2
SAMPLE_CHARS = 4_000  # per slice of a long article (start, middle, end)


_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _has_letters(text: str, count: int = MIN_LETTERS) -> bool:
    """Whether ``text`` has at least ``count`` alphabetic characters: read until that many are
    found (not every character of a whole article, as counting them all did)."""
    if count <= 0:
        return True
    for ch in text:
        if ch.isalpha():
            count -= 1
            if not count:
                return True
    return False


def _sample(text: str) -> str:
    """Return ``text``, or for a long text its start, middle and end slices joined."""
    if len(text) <= 3 * SAMPLE_CHARS:
        return text
    mid = len(text) // 2 - SAMPLE_CHARS // 2
    return "\n".join((text[:SAMPLE_CHARS], text[mid : mid + SAMPLE_CHARS], text[-SAMPLE_CHARS:]))


class LanguageDetector:
    """Detects among ``languages`` (ISO 639-1 codes). Raises SettingsError for an unknown code
    or fewer than two languages."""

    def __init__(self, languages: Sequence[str], preload: bool = False) -> None:
        codes = []
        for code in dict.fromkeys(c.strip().lower() for c in languages):
            try:
                codes.append(IsoCode639_1.from_str(code))
            except ValueError as exc:
                raise SettingsError(f"unknown language code {code!r} in languages") from exc
        if len(codes) < 2:
            raise SettingsError("languages must name at least two languages to choose among")
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        if preload:
            builder = builder.with_preloaded_language_models()
        self._detector = builder.build()
        self.languages = tuple(c.name.lower() for c in codes)
        self._index: dict[str, frozenset[str]] | None = None

    def detect(self, text: str) -> tuple[str | None, float]:
        """Return (ISO 639-1 code, confidence 0..1) for ``text``; (None, 0.0) when it has fewer
        than three letters. A text in none of the detector's languages is given the language
        it is in where that can be told (``other_language``: "sv" rather than the "de" lingua
        picks among its languages), so that it is never read with another language's words."""
        if not _has_letters(text):
            return None, 0.0
        sample = _sample(text)
        values = self._detector.compute_language_confidence_values(sample)
        code = values[0].language.iso_code_639_1.name.lower() if values else None
        other = other_language(sample, code, self.languages)
        if other is not None:
            return other
        if code is None or values[0].value <= 0.0:
            return None, 0.0
        return code, float(values[0].value)

    def detect_sentences(
        self, text: str, spans: Sequence[tuple[int, int]], language: str | None = None
    ) -> list[str | None]:
        """Return one ISO 639-1 code per ``(start, end)`` span of ``text``, in order; None for a
        span that should inherit the article's language: under 20 characters (stripped), fewer
        than three letters, a top confidence under 0.5, or, with ``language`` (the article's),
        a sentence its function words plainly write in that language (``_plainly_in``). The
        other spans go to lingua in one parallel batch."""
        out: list[str | None] = [None] * len(spans)
        todo: list[int] = []
        pieces: list[str] = []
        for i, _, piece in self._undecided(text, spans, language):
            todo.append(i)
            pieces.append(piece)
        if pieces:
            found = self._detector.compute_language_confidence_values_in_parallel(pieces)
            for i, values in zip(todo, found, strict=True):
                if values and values[0].value >= MIN_SENTENCE_CONFIDENCE:
                    out[i] = values[0].language.iso_code_639_1.name.lower()
        return out

    def _undecided(
        self, text: str, spans: Sequence[tuple[int, int]], language: str | None
    ) -> Iterator[tuple[int, int, str]]:
        """(index, start of the stripped text, stripped text) of each span whose language is
        to be read: not under ``MIN_SENTENCE_CHARS``, with letters, and not plainly in
        ``language`` (``_plainly_in``); the others inherit the article's."""
        if language is not None and language not in self.languages:
            return  # a language outside the detector's: every sentence inherits it
        index = self.function_index() if language in self.languages else None
        for i, (start, end) in enumerate(spans):
            raw = text[start:end]
            piece = raw.strip()
            if len(piece) < MIN_SENTENCE_CHARS or not _has_letters(piece):
                continue
            if index is not None and _plainly_in(piece, language, index):  # type: ignore[arg-type]
                continue
            yield i, start + len(raw) - len(raw.lstrip()), piece

    def foreign_spans(
        self, text: str, spans: Sequence[tuple[int, int]], language: str | None
    ) -> tuple[tuple[int, int, str], ...]:
        """The spans of ``spans`` (sentences of ``text``) that ``detect_sentences`` finds in
        another language than ``language`` (the article's), as (start, end, language): what
        the language stage keeps of an article's sentences (``Article.language_spans``) so that
        its sentences, once spaCy has split them, take their languages without lingua
        (``sentence_languages_from``)."""
        langs = self.detect_sentences(text, spans, language)
        return tuple(
            (start, end, lang)
            for (start, end), lang in zip(spans, langs, strict=True)
            if lang is not None and lang != language
        )

    def sentence_languages_from(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        language: str | None,
        found: Sequence[tuple[int, int, str]],
    ) -> list[str | None]:
        """``detect_sentences`` for ``spans`` without lingua, from ``found`` (``foreign_spans``
        of the same text over other sentence bounds): None for a span too short, without
        letters or plainly in ``language``, as there; otherwise the language of the found span
        that covers most of it, when that is at least half its characters (None: the
        article's). Over the same bounds, the same answers as ``detect_sentences``, but where
        lingua gave the article's own language (None here: the same language in the end)."""
        out: list[str | None] = [None] * len(spans)
        for i, first, piece in self._undecided(text, spans, language):
            last = first + len(piece)
            best, covered = None, 0
            for s, e, lang in found:
                if s >= last:
                    break
                share = min(e, last) - max(s, first)
                if share > covered:
                    best, covered = lang, share
            if best is not None and 2 * covered >= last - first:
                out[i] = best
        return out

    def function_index(self) -> dict[str, frozenset[str]]:
        """Each function word of the detector's languages (``function_words``) with the
        languages it belongs to; built on first use."""
        index = self._index
        if index is None:
            found: dict[str, set[str]] = {}
            for code in self.languages:
                for word in function_words(code):
                    found.setdefault(word, set()).add(code)
            index = {w: frozenset(langs) for w, langs in found.items()}
            self._index = index
        return index


# Languages outside the detector's that a text may be in, told by their function words
# (spaCy's stop lists): a text lingua gives to one of its languages whose function words that
# language explains badly is in one of these when it explains them well.
# (the languages of the default settings are among them, for a detector set to fewer)
OTHER_LANGUAGES = (
    "en", "fr", "it", "de", "es", "pt", "nl", "ru", "uk", "pl", "tr", "ca", "ar", "fa", "he",
    "sv", "da", "nb", "fi", "is", "id", "ms", "tl", "ro", "cs", "sk", "hu", "hr", "sr", "sl",
    "lt", "lv", "et", "sq", "af", "ga", "eu", "lb", "bg", "mk", "vi",
)  # fmt: skip
# Scripts of languages outside the detector's, told by their letters: (first, last code point,
# language).
OTHER_SCRIPTS = (
    (0x3040, 0x30FF, "ja"),  # hiragana, katakana: never Chinese
    (0xAC00, 0xD7AF, "ko"),  # hangul
    (0x0370, 0x03FF, "el"),  # Greek
    (0x0900, 0x097F, "hi"),  # Devanagari
    (0x0980, 0x09FF, "bn"),  # Bengali
    (0x0B80, 0x0BFF, "ta"),  # Tamil
    (0x0E00, 0x0E7F, "th"),  # Thai
    (0x10A0, 0x10FF, "ka"),  # Georgian
    (0x0530, 0x058F, "hy"),  # Armenian
)
# A text is in another language when that language's function words are at least this share
# of its words and this many times the detected language's share (a Swedish text: 0.43 of
# Swedish function words, under 0.10 of German ones; a Spanish text: 0.63 Spanish, 0.41
# Romanian, kept Spanish).
OTHER_SHARE = 0.25
OTHER_RATIO = 1.5
# A script of another language decides when it is at least this share of the letters.
OTHER_SCRIPT_SHARE = 0.2
# Fewer words than this: too few to tell by function words.
OTHER_MIN_WORDS = 20


def other_language(
    sample: str, detected: str | None, languages: Sequence[str]
) -> tuple[str, float] | None:
    """Return (code, confidence) of the language ``sample`` is written in when it is none of
    ``languages`` and lingua's pick among them (``detected``) is wrong: a script of another
    language (``OTHER_SCRIPTS``: kana is Japanese, hangul Korean ...), or function words that
    a language of ``OTHER_LANGUAGES`` explains well and ``detected`` badly; else None."""
    letters = [ch for ch in sample if ch.isalpha()]
    if letters:
        for first, last, code in OTHER_SCRIPTS:
            if code in languages:
                continue
            part = sum(first <= ord(ch) <= last for ch in letters) / len(letters)
            if part >= OTHER_SCRIPT_SHARE:
                return code, round(min(1.0, part / 0.5), 3)
    # words of one letter ("a", "v", "i") belong to too many lists to tell languages apart
    words = [w for w in _WORDS.findall(sample.lower()) if len(w) > 1]
    if len(words) < OTHER_MIN_WORDS:
        return None

    def share(code: str | None) -> float:
        known = function_words(code)
        return sum(w in known for w in words) / len(words) if known else 0.0

    own = share(detected)
    best, best_share = None, 0.0
    for code in OTHER_LANGUAGES:
        if code in languages:
            continue
        value = share(code)
        if value > best_share:
            best, best_share = code, value
    if best is None or best_share < OTHER_SHARE or best_share < OTHER_RATIO * own:
        return None
    return best, round(best_share / (best_share + own), 3)


def _plainly_in(sentence: str, language: str, index: dict[str, frozenset[str]]) -> bool:
    """Whether ``sentence`` is plainly written in ``language``: at least ``PLAIN_WORDS`` of its
    words, and ``PLAIN_SHARE`` of them, are function words of ``language``, and more than of
    any other language of ``index`` (so a Catalan sentence in a Spanish article, sharing "de"
    and "la" but not "les" or "amb", still goes to lingua). About nine sentences in ten of an
    article are, and lingua, the costliest step of annotating a language without a spaCy
    model, then reads only the others."""
    words = _WORDS.findall(sentence.lower())
    counts: dict[str, int] = {}
    for word in words:
        for code in index.get(word, ()):
            counts[code] = counts.get(code, 0) + 1
    own = counts.pop(language, 0)
    if own < PLAIN_WORDS or own < PLAIN_SHARE * len(words):
        return False
    return all(n < own for n in counts.values())


@lru_cache(maxsize=64)
def function_words(language: str | None) -> frozenset[str]:
    """Return the lower-cased function words of ``language`` from spaCy's stop lists (empty
    when spaCy has none for it)."""
    if not language or not language.isalpha():
        return frozenset()
    return frozenset(w.lower() for w in _stop_words_module(language))


def _stop_words_module(language: str) -> set[str] | frozenset[str]:
    """spaCy's ``STOP_WORDS`` of ``language`` (empty when it has none), read from the module
    file alone: importing ``spacy.lang.<language>.stop_words`` would run the language package's
    ``__init__`` first, which builds its tokenizer exceptions (about 4 s for French) for a list
    of words. A module already imported is taken as it is."""
    import importlib.util
    import sys
    from pathlib import Path

    name = f"spacy.lang.{language}.stop_words"
    module = sys.modules.get(name)
    if module is None:
        spacy = importlib.util.find_spec("spacy")
        origin = spacy.origin if spacy is not None else None
        path = Path(origin).parent / "lang" / language / "stop_words.py" if origin else None
        if path is None or not path.is_file():
            return frozenset()
        spec = importlib.util.spec_from_file_location(f"_consilience_stop_words_{language}", path)
        if spec is None or spec.loader is None:
            return frozenset()
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception:  # a module that needs its package: import it the ordinary way
            try:
                module = importlib.import_module(name)
            except ImportError:
                return frozenset()
    return getattr(module, "STOP_WORDS", frozenset())
