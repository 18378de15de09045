"""The stages of the pipeline: thin wrappers that call each package's functions on articles.

Each stage names what it requires and assigns (checked by ``pipeline.check_order``), loads its
heavy resources in ``initialize``, and turns an exception on one article into a ``Skipped``
record for that article only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from .model import Annotations, Article, DateMention, Published, Skipped, Story
from .pipeline import progress_enabled, stage_failure, today
from .settings import Settings


class PerArticle:
    """Base for stages that treat one article at a time."""

    name = "stage"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def initialize(self, settings: Settings) -> None:
        self.settings = settings

    def process(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        for article in articles:
            try:
                yield self.process(article)
            except Exception as exc:  # one bad article must not stop the run
                yield stage_failure(self.name, article, exc)


_RESOURCES: dict[tuple, object] = {}


def shared_resource(key: tuple, factory):  # noqa: ANN001, ANN201
    """Heavy resources (spaCy model, detector, gazetteer) load once per process and are shared
    by every pipeline built with the same settings."""
    if key not in _RESOURCES:
        _RESOURCES[key] = factory()
    return _RESOURCES[key]


def shared_gazetteer(settings: Settings):  # noqa: ANN201
    """The GeoNames gazetteer of these settings, opened (and built, the first time) once."""
    from .gazetteer import Gazetteer

    key = ("gazetteer", str(settings.cache_dir), settings.gazetteer_min_population)
    return shared_resource(key, lambda: Gazetteer.open(settings))


def _with(article: Article, **changes: object) -> Article:
    return replace(article, annotations=replace(article.annotations, **changes))


class Clean(PerArticle):
    name = "clean"
    requires = ("raw_text",)
    assigns = ("text", "title", "removed")

    def process(self, article: Article) -> Article:
        from .clean import clean, headline

        cleaned = clean(article.raw_text, title=article.title)
        title = article.title or headline(cleaned.text)
        return replace(
            article,
            text=cleaned.text,
            offsets=cleaned.offsets,
            removed=cleaned.removed,
            title=title,
        )


class Language(PerArticle):
    name = "language"
    requires = ("text",)
    assigns = ("language",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        from .annotate.language import LanguageDetector

        self.detector = shared_resource(
            ("lang", settings.languages), lambda: LanguageDetector(settings.languages)
        )

    def process(self, article: Article) -> Article:
        code, confidence = self.detector.detect(article.text)
        return replace(
            article,
            language=code or article.declared_language,
            language_confidence=round(confidence, 3) if code else None,
        )


_log = logging.getLogger(__name__)
# Configured language models found missing: each is reported once per process.
_MISSING_MODELS: set[str] = set()

# Below this many English articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


class Annotate:
    """spaCy over English articles (batched, in several processes for large runs); spaCy over
    articles in a language with a configured model (``Settings.language_models``), serially;
    a plain splitter for sentences elsewhere. Dates are found in every language (spaCy's DATE
    spans and ``extra_date_spans`` in English, ``foreign_date_spans`` elsewhere)."""

    name = "annotate"
    requires = ("text", "language")
    assigns = ("sentences", "entities", "date_spans")

    def initialize(self, settings: Settings) -> None:
        from .annotate import nlp
        from .annotate.language import LanguageDetector

        self.settings = settings
        self.nlp = shared_resource(
            ("spacy", settings.spacy_model), lambda: nlp.load(settings.spacy_model)
        )
        self.detector = shared_resource(
            ("lang", settings.languages), lambda: LanguageDetector(settings.languages)
        )
        self.models = dict(settings.language_models)

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        from .annotate import nlp

        english = [a for a in articles if a.language == "en"]
        docs = iter(self._docs(english))
        bar = _progress(len(articles), self.settings, "annotating")
        for article in articles:
            try:
                if article.language == "en":
                    doc = next(docs)
                    if isinstance(doc, Exception):
                        raise doc
                    yield self._annotated(article, nlp.parse(doc))
                else:
                    yield self._foreign(article)
            except Exception as exc:
                yield stage_failure(self.name, article, exc)
            finally:
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()

    def _foreign(self, article: Article) -> Article:
        """An article in another language than English: spaCy's sentences and entities when the
        language has an installed model, else plain sentences; dates from the language's
        month and weekday names."""
        from .annotate import nlp
        from .annotate.dates import foreign_date_spans

        model = self._model(article.language)
        if model is not None:
            parsed = nlp.parse(model(article.text), nlp.FOREIGN_LABELS)
            sentences = parsed.sentences
            entities = nlp.drop_heading_guesses(article.text, parsed.entities)
            found = list(parsed.date_spans)
        else:
            sentences, entities, found = nlp.simple_sentences(article.text), (), []
        found += foreign_date_spans(article.text, article.language, found)
        dates = tuple(
            DateMention(s, e, None, None, kind="unresolved") for s, e in sorted(set(found))
        )
        return _with(
            article, sentences=self._languages(article, sentences), entities=entities, dates=dates
        )

    def _model(self, language: str | None):  # noqa: ANN202
        """The spaCy model of ``language`` (loaded once per process), or None when none is
        configured or its package is not installed (said once, as a warning)."""
        from .annotate import nlp

        name = self.models.get(language or "")
        if not name:
            return None
        if name in _MISSING_MODELS or not nlp.installed(name):
            if name not in _MISSING_MODELS:
                _MISSING_MODELS.add(name)
                _log.warning(
                    "articles in %r have no named entities: the spaCy model %r configured "
                    "for that language (settings.language_models) is not installed; install "
                    "it with `%s` (consilience never downloads models)",
                    language,
                    name,
                    nlp.install_hint(name),
                )
            return None
        return shared_resource(("spacy-foreign", name), lambda: nlp.load_language(name))

    def _docs(self, articles: Sequence[Article]) -> Iterator[object]:
        """spaCy Docs in order; if a batch fails, retry its articles one by one so the error
        is pinned to the article that caused it."""
        size = self.settings.batch_size
        workers = self.settings.workers
        if workers > 1 and len(articles) >= PARALLEL_FROM:
            # One pass over every text with several processes; on any failure, the serial
            # path below pins the error to its article.
            try:
                docs = self._parallel([a.text for a in articles], size, workers)
            except Exception:
                docs = None
            if docs is not None:
                yield from docs
                return
        for i in range(0, len(articles), size):
            chunk = [a.text for a in articles[i : i + size]]
            try:
                yield from list(self.nlp.pipe(chunk, batch_size=size))
            except Exception:
                for text in chunk:
                    try:
                        yield self.nlp(text)
                    except Exception as exc:
                        yield exc

    def _parallel(self, texts: list[str], size: int, workers: int) -> list | None:
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
            return list(self.nlp.pipe(texts, batch_size=size, n_process=workers))
        finally:
            signal.signal(signal.SIGINT, previous)

    def _annotated(self, article: Article, parsed) -> Article:  # noqa: ANN001
        from .annotate import nlp
        from .annotate.dates import extra_date_spans

        spans = set(parsed.date_spans)
        spans.update(extra_date_spans(article.text, parsed.date_spans))
        dates = tuple(DateMention(s, e, None, None, kind="unresolved") for s, e in sorted(spans))
        return _with(
            article,
            sentences=self._languages(article, parsed.sentences),
            entities=nlp.drop_heading_guesses(article.text, parsed.entities),
            dates=dates,
        )

    def _languages(self, article: Article, sentences: tuple) -> tuple:
        langs = self.detector.detect_sentences(article.text, [(s.start, s.end) for s in sentences])
        pairs = zip(sentences, langs, strict=True)
        return tuple(replace(s, language=lang or article.language) for s, lang in pairs)


class Places(PerArticle):
    name = "places"
    requires = ("entities",)
    assigns = ("places",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        self.gazetteer = shared_gazetteer(settings)

    def process(self, article: Article) -> Article:
        from .annotate.places import confirm_places, story_countries

        if not article.annotations.entities:
            return article
        ents = article.annotations.entities
        countries = story_countries(article.text, ents, self.gazetteer)
        confirmed = confirm_places(article.text, ents, self.gazetteer, countries)
        return _with(article, entities=tuple(sorted(confirmed, key=lambda e: (e.start, e.end))))


class PublishedDate:
    """Publication date from metadata, else inferred from the text using every article of the
    story together (a month-day without a year takes the year of the story's anchors). Run it
    per story (``PerStory``): every article given is treated as one story."""

    name = "published"
    requires = ("text", "date_spans")
    assigns = ("published",)

    def initialize(self, settings: Settings) -> None:
        self.settings = settings

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        from .annotate import published as pub

        results: dict[str, Published] = {}
        known: dict[str, date] = {}
        clues = {}
        for a in articles:
            meta = parse_metadata_date(a.published_raw)
            if meta is not None:
                known[a.id] = meta
                results[a.id] = Published(meta.isoformat(), "metadata")
            else:
                spans = [(d.start, d.end) for d in a.annotations.dates]
                clues[a.id] = pub.clues(a.text, spans, a.language or "en")
        # articles dated by their metadata anchor the story window of the others
        for aid, found in pub.infer(clues, today(self.settings), known=known).items():
            if found is not None:
                results[aid] = Published(found.date.isoformat(), "text", found.evidence)
        for a in articles:
            yield replace(a, published=results.get(a.id, Published()))


class Dates(PerArticle):
    name = "dates"
    requires = ("date_spans", "published")
    assigns = ("dates",)

    def process(self, article: Article) -> Article:
        from .annotate.dates import date_mentions

        spans = [(d.start, d.end) for d in article.annotations.dates]
        pub = date.fromisoformat(article.published.date) if article.published.date else None
        found = date_mentions(article.text, spans, pub, language=article.language or "en")
        return _with(article, dates=tuple(found))


class Quantities(PerArticle):
    name = "quantities"
    requires = ("text",)
    assigns = ("quantities",)

    def process(self, article: Article) -> Article:
        from .annotate.quantities import find_quantities

        return _with(article, quantities=tuple(find_quantities(article.text)))


class Attributions(PerArticle):
    name = "attributions"
    requires = ("sentences", "entities")
    assigns = ("attributions",)

    def process(self, article: Article) -> Article:
        from .annotate.attribution import find_attributions

        ann: Annotations = article.annotations
        found = find_attributions(article.text, ann.sentences, ann.entities)
        return _with(article, attributions=tuple(found))


def parse_metadata_date(value: str | None) -> date | None:
    """A metadata date string as a date: ISO 8601 first, then RFC 822 (feeds), then dateparser.
    Returns None when it cannot be read (the text is then used instead)."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _progress(total: int, settings: Settings, label: str):  # noqa: ANN202
    if not progress_enabled(settings) or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", leave=False)


# ---------------------------------------------------------------------------------------------
# Story stages: each sees the articles of one story together (pipeline.StoryStage).


class StoryStageBase:
    name = "story-stage"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def initialize(self, settings: Settings) -> None:
        self.settings = settings

    @staticmethod
    def members(story: Story, articles: Mapping[str, Article]) -> list[Article]:
        return [articles[aid] for aid in story.articles]


class PerStory(StoryStageBase):
    """Runs a stage written for a list of articles over the articles of one story.

    An article that breaks the inner stage keeps what it had before that stage (it is not
    dropped: it still belongs to its story); the failure is reported in ``skipped``."""

    def __init__(self, inner: PerArticle | PublishedDate) -> None:
        self.inner = inner
        self.name = inner.name
        self.requires = inner.requires
        self.assigns = inner.assigns
        self._failures: list[Skipped] = []

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        self.inner.initialize(settings)

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        members = self.members(story, articles)
        changed = {}
        for before, after in zip(members, self.inner.pipe(members), strict=True):
            if isinstance(after, Skipped):
                self._failures.append(after)
            else:
                changed[before.id] = after
        return story, changed

    def drain_failures(self) -> list[Skipped]:
        out, self._failures = self._failures, []
        return out


class ResolveEntities(StoryStageBase):
    """One entity per actor or place across the story's articles, places geocoded."""

    name = "resolve"
    requires = ("entities", "places", "published")
    assigns = ("story_entities",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        from .resolve import load_aliases

        self.gazetteer = shared_gazetteer(settings)
        self.aliases = load_aliases(settings.aliases_path) if settings.aliases_path else None

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        from .resolve import resolve_story

        entities = resolve_story(self.members(story, articles), self.gazetteer, self.aliases)
        return replace(story, entities=entities), {}


class Sources(StoryStageBase):
    """Independent origins: an article and its copies / rewrites count once."""

    name = "sources"
    requires = ("text", "entities", "quantities", "published")
    assigns = ("sources",)

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        from .verdicts.independence import find_sources

        return replace(story, sources=find_sources(self.members(story, articles))), {}


class Flags(StoryStageBase):
    """Per-article warnings, each with its evidence: machine translation, copy, rewrite,
    unsupported content, low quality."""

    name = "flags"
    requires = ("sources", "sentences", "entities", "quantities", "dates", "attributions")
    assigns = ("flags",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        self.gazetteer = shared_gazetteer(settings)

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        from .context.flags import article_flags

        members = self.members(story, articles)
        flags = article_flags(members, story.sources, gazetteer=self.gazetteer)
        changed = {a.id: replace(a, flags=flags.get(a.id, ())) for a in members}
        return story, changed


class Claims(StoryStageBase):
    """Claims grouped across articles and judged: corroborated (by how many independent
    sources), single source, disputed (with the conflicting values) or updated."""

    name = "claims"
    requires = ("story_entities", "sources", "flags", "attributions", "quantities", "dates")
    assigns = ("claims",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        self.gazetteer = shared_gazetteer(settings)

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        from .claims import analyze_story

        claims = analyze_story(
            self.members(story, articles), story.entities, story.sources, gazetteer=self.gazetteer
        )
        return replace(story, claims=claims), {}


class Timeline(StoryStageBase):
    """Dated events in order; one event given different dates is one entry with a conflict."""

    name = "timeline"
    requires = ("dates", "story_entities", "claims")
    assigns = ("timeline",)

    def initialize(self, settings: Settings) -> None:
        super().initialize(settings)
        from .context.timeline import load_parser

        model = settings.spacy_model
        self.parser = shared_resource(("spacy-parser", model), lambda: load_parser(model))

    def process_story(self, story: Story, articles: Mapping[str, Article]):  # noqa: ANN201
        from .context.timeline import build_timeline

        events = build_timeline(
            self.members(story, articles), story.claims, story.entities, nlp=self.parser
        )
        return replace(story, timeline=events), {}
