"""Running spaCy over many articles: batches, worker processes, Ctrl-C, and errors pinned to
the text that caused them; and what one article's annotations are once parsed (sentences with
their languages, entities, date spans), in English and in the other languages.

The ``annotate`` stage (``consilience.stages.annotate``) adapts these to the Article records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import DateMention, EntityMention, Sentence
from . import nlp

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from .language import LanguageDetector

# Below this many English articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


@dataclass(frozen=True, slots=True)
class Found:
    """One article's annotations from spaCy and the date finders."""

    sentences: tuple[Sentence, ...]
    entities: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]


def docs(
    model: Language, texts: Sequence[str], batch_size: int, workers: int
) -> Iterator[Doc | Exception]:
    """spaCy Docs of ``texts`` in order, in ``workers`` processes when there are at least
    ``PARALLEL_FROM`` texts; if a batch fails, its texts are retried one by one so the error
    (yielded in place of the Doc) is pinned to the text that caused it."""
    if workers > 1 and len(texts) >= PARALLEL_FROM:
        # One pass over every text with several processes; on any failure, the serial
        # path below pins the error to its article.
        try:
            parsed = _parallel(model, list(texts), batch_size, workers)
        except Exception:
            parsed = None
        if parsed is not None:
            yield from parsed
            return
    for i in range(0, len(texts), batch_size):
        chunk = list(texts[i : i + batch_size])
        try:
            yield from list(model.pipe(chunk, batch_size=batch_size))
        except Exception:
            for text in chunk:
                try:
                    yield model(text)
                except Exception as exc:
                    yield exc


def _parallel(model: Language, texts: list[str], size: int, workers: int) -> list[Doc] | None:
    """Docs of ``texts`` from several worker processes, or None when that is not possible
    here (not the main thread). Ctrl-C stops the workers first, so an interrupted run ends
    at once instead of waiting on them."""
    import multiprocessing
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):  # noqa: ANN001, ANN202
        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, stop)
    try:
        return list(model.pipe(texts, batch_size=size, n_process=workers))
    finally:
        signal.signal(signal.SIGINT, previous)


def english(text: str, doc: Doc, detector: LanguageDetector, language: str | None) -> Found:
    """The annotations of an English article from its Doc: spaCy's sentences, entities (less
    the guesses on headings) and DATE spans, with the date phrases a regex adds."""
    from .dates import extra_date_spans

    parsed = nlp.parse(doc)
    spans = set(parsed.date_spans)
    spans.update(extra_date_spans(text, parsed.date_spans))
    return Found(
        sentences=sentence_languages(text, parsed.sentences, detector, language),
        entities=nlp.drop_heading_guesses(text, parsed.entities),
        dates=_unresolved(spans),
    )


def foreign(
    text: str, language: str | None, model: Language | None, detector: LanguageDetector
) -> Found:
    """The annotations of an article in another language than English: spaCy's sentences
    and entities when the language has a ``model``, else plain sentences; dates from the
    language's month and weekday names."""
    from .dates import foreign_date_spans

    if model is not None:
        parsed = nlp.parse(model(text), nlp.FOREIGN_LABELS)
        sentences = parsed.sentences
        entities = nlp.drop_heading_guesses(text, parsed.entities)
        found = list(parsed.date_spans)
    else:
        sentences, entities, found = nlp.simple_sentences(text), (), []
    found += foreign_date_spans(text, language, found)
    return Found(
        sentences=sentence_languages(text, sentences, detector, language),
        entities=entities,
        dates=_unresolved(set(found)),
    )


def sentence_languages(
    text: str,
    sentences: Sequence[Sentence],
    detector: LanguageDetector,
    language: str | None,
) -> tuple[Sentence, ...]:
    """``sentences`` with their own language; one the detector cannot tell takes
    ``language`` (the article's)."""
    langs = detector.detect_sentences(text, [(s.start, s.end) for s in sentences])
    pairs = zip(sentences, langs, strict=True)
    return tuple(replace(s, language=lang or language) for s, lang in pairs)


def _unresolved(spans: set[tuple[int, int]]) -> tuple[DateMention, ...]:
    return tuple(DateMention(s, e, None, None, kind="unresolved") for s, e in sorted(spans))
