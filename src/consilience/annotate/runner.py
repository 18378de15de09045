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
from ..runtime import timed
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


# Texts longer than this go to spaCy in pieces (cut at a paragraph, a line, a sentence or a
# space), each parsed alone and joined back into one Doc of the whole text: spaCy refuses texts
# over ``nlp.max_length`` (1,000,000 characters) and needs about 1 GB per 100,000 characters
# in one piece, while an input may be 20 MB (``settings.max_bytes``).
PIECE = 100_000


def docs(
    model: Language, texts: Sequence[str], batch_size: int, workers: int
) -> Iterator[Doc | Exception]:
    """spaCy Docs of ``texts`` in order, in ``workers`` processes when there are at least
    ``PARALLEL_FROM`` texts (or pieces); a text longer than ``PIECE`` characters (or the
    model's ``max_length``) is parsed in pieces (``pieces``) joined into one Doc whose text is
    the whole text, offsets unchanged. If a batch fails, its texts are retried one by one so
    the error (yielded in place of the Doc) is pinned to the text that caused it."""
    limit = max(1, min(PIECE, model.max_length))
    split = [pieces(text, limit) for text in texts]
    parsed = _docs(model, [p for parts in split for p in parts], batch_size, workers)
    for parts in split:
        got = [next(parsed) for _ in parts]
        failed = next((d for d in got if isinstance(d, Exception)), None)
        if failed is not None:
            yield failed
        elif len(got) == 1:
            yield got[0]
        else:
            yield _joined(got)  # type: ignore[arg-type]  # no Exception left in got


def whole_doc(model: Language, text: str) -> Doc:
    """The Doc of one ``text``, however long (in pieces like ``docs``); raises what spaCy
    raises."""
    parts = pieces(text, max(1, min(PIECE, model.max_length)))
    return model(text) if len(parts) == 1 else _joined([model(p) for p in parts])


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters that join back
    into it, each cut after a blank line, else a line break, else a sentence's full stop and
    space, else a space, in the second half of the piece (a hard cut when there is none)."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, start + limit // 2, end - len(sep) + 1)
            if found != -1:
                cut = found + len(sep)
                break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _joined(parts: list[Doc]) -> Doc:
    """One Doc of ``parts`` (consecutive pieces of one text): the text exactly, entities and
    sentence starts kept."""
    from spacy.tokens import Doc

    doc = Doc.from_docs(parts, ensure_whitespace=False)
    assert doc.text == "".join(p.text for p in parts)
    return doc


def _docs(
    model: Language, texts: Sequence[str], batch_size: int, workers: int
) -> Iterator[Doc | Exception]:
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
            with timed("ner"):
                parsed = list(model.pipe(chunk, batch_size=batch_size))
            yield from parsed
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
    import warnings

    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):  # noqa: ANN001, ANN202
        for child in multiprocessing.active_children():
            child.terminate()
        raise KeyboardInterrupt

    die_with_parent()
    previous = signal.signal(signal.SIGINT, stop)
    try:
        with warnings.catch_warnings():
            # W127 "not all worker processes completed": said when Ctrl-C stopped them, which
            # the run reports itself ("interrupted: ...")
            warnings.filterwarnings("ignore", message=r"\[W127\]")
            with timed("ner"):
                return list(model.pipe(texts, batch_size=size, n_process=workers))
    finally:
        signal.signal(signal.SIGINT, previous)


class _Hook:
    """What ``multiprocessing.util.register_after_fork`` keeps a (weak) reference to."""


_HOOK = _Hook()
_hooked = False


def die_with_parent() -> None:
    """Make every worker process forked by ``multiprocessing`` from now on end with this
    process: spaCy's workers otherwise wait forever on their queue when the run is killed
    (kill -9), holding their models' memory. Each worker also leaves Ctrl-C to its parent,
    which stops it (no traceback of its own on the terminal)."""
    global _hooked
    if not _hooked:
        from multiprocessing import util

        util.register_after_fork(_HOOK, _in_child)
        _hooked = True


def _in_child(_: object) -> None:
    as_worker(forked=True)


def as_worker(forked: bool = False) -> None:
    """Run in a worker process just started: end it when its parent ends (the kernel's
    parent-death signal on Linux, else a thread watching the parent), and ignore SIGINT.
    ``forked``: forked by the parent itself; otherwise started through a server process
    (multiprocessing's forkserver), which outlives the parent as long as its children live:
    such a worker watches the parent itself."""
    import multiprocessing
    import os
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    # a server's child watches its parent itself: the server lives as long as its children do
    if forked and sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent.pid:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    sentinel = parent.sentinel
    if sentinel is None:
        return

    def watch() -> None:
        from multiprocessing.connection import wait

        wait([sentinel])
        os._exit(1)

    import threading

    threading.Thread(target=watch, name="consilience-parent-watch", daemon=True).start()


def english(
    text: str,
    doc: Doc,
    detector: LanguageDetector,
    language: str | None,
    found: Sequence[tuple[int, int, str]] | None = None,
) -> Found:
    """The annotations of an English article from its Doc: spaCy's sentences, entities (less
    the guesses on headings) and DATE spans, with the date phrases a regex adds. ``found``:
    the article's ``language_spans`` (``sentence_languages``)."""
    from .dates import extra_date_spans

    parsed = nlp.parse(doc)
    spans = set(parsed.date_spans)
    spans.update(extra_date_spans(text, parsed.date_spans))
    return Found(
        sentences=sentence_languages(text, parsed.sentences, detector, language, found),
        entities=nlp.drop_heading_guesses(text, parsed.entities),
        dates=_unresolved(spans),
    )


def foreign(
    text: str,
    language: str | None,
    model: Language | None,
    detector: LanguageDetector,
    found: Sequence[tuple[int, int, str]] | None = None,
) -> Found:
    """The annotations of an article in another language than English: spaCy's sentences
    and entities when the language has a ``model``, else plain sentences; dates from the
    language's month and weekday names. ``found``: the article's ``language_spans``."""
    from .dates import foreign_date_spans

    if model is not None:
        with timed("ner"):
            doc = whole_doc(model, text)
        parsed = nlp.parse(doc, nlp.FOREIGN_LABELS)
        sentences = parsed.sentences
        entities = nlp.drop_heading_guesses(text, parsed.entities)
        dates = list(parsed.date_spans)
    else:
        sentences, entities, dates = nlp.simple_sentences(text), (), []
    dates += foreign_date_spans(text, language, dates)
    return Found(
        sentences=sentence_languages(text, sentences, detector, language, found),
        entities=entities,
        dates=_unresolved(set(dates)),
    )


def sentence_languages(
    text: str,
    sentences: Sequence[Sentence],
    detector: LanguageDetector,
    language: str | None,
    found: Sequence[tuple[int, int, str]] | None = None,
) -> tuple[Sentence, ...]:
    """``sentences`` with their own language; one the detector cannot tell takes
    ``language`` (the article's). With ``found`` (the sentences the language stage found in
    another language, ``Article.language_spans``), lingua is not asked again: each sentence
    takes the language of the found one covering most of it
    (``LanguageDetector.sentence_languages_from``)."""
    spans = [(s.start, s.end) for s in sentences]
    if found is None:
        langs = detector.detect_sentences(text, spans, language)
    else:
        langs = detector.sentence_languages_from(text, spans, language, found)
    pairs = zip(sentences, langs, strict=True)
    return tuple(replace(s, language=lang or language) for s, lang in pairs)


def _unresolved(spans: set[tuple[int, int]]) -> tuple[DateMention, ...]:
    return tuple(DateMention(s, e, None, None, kind="unresolved") for s, e in sorted(spans))
