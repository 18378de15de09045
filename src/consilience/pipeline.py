"""The order of stages, batching, and what happens when a stage fails on an article.

A stage is given articles and returns them annotated, in order. The pipeline checks, when it is
built, that every stage's requirements are assigned by an earlier stage. An article that breaks a
stage is set aside as a ``Skipped`` record naming the stage and the reason; the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, Protocol

from .errors import ConsilienceError, NothingReadError, UsageError
from .model import Article, RawDoc, Report, Skipped, SourceRef, Story
from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

log = logging.getLogger(__name__)


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def initialize(self, settings: Settings) -> None: ...

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]: ...


class Executor(Protocol):
    """Runs a pipeline's work somewhere else (``consilience.dist``: on a Dask cluster)."""

    def annotate_batch(self, articles: list[Article]) -> tuple[list[Article], list[Skipped]]: ...

    def run_stories(
        self, tasks: Sequence[tuple[Story, Sequence[Article]]]
    ) -> list[tuple[Story, list[Article], list[Skipped]]]: ...


class StoryStage(Protocol):
    """A stage over one story at a time: it sees every article of the story together."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def initialize(self, settings: Settings) -> None: ...

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, Mapping[str, Article]]:
        """Return the story with what this stage assigns, and the articles it changed."""
        ...


def default_story_stages() -> tuple[StoryStage, ...]:
    """The order of story-level stages, after the per-article ones."""
    from . import stages as s

    # Publication dates are inferred per story: a month-day without a year takes the year of
    # the story's own anchors, never another story's.
    return (
        s.PerStory(s.PublishedDate()),
        s.PerStory(s.Dates()),
        s.ResolveEntities(),
        s.Sources(),
        s.Flags(),
        s.Claims(),
        s.Timeline(),
    )


def default_stages() -> tuple[Stage, ...]:
    """The stage order, written down once."""
    from . import stages as s

    return (
        s.Clean(),
        s.Language(),
        s.Annotate(),
        s.Places(),
        s.Quantities(),
        s.Attributions(),
    )


def check_order(stages: Sequence[Stage | StoryStage]) -> None:
    """Raise UsageError when a stage requires something no earlier stage assigns."""
    have = {"raw_text", "source", "metadata"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise UsageError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"assigns; order: {', '.join(x.name for x in stages)}"
            )
        have.update(stage.assigns)


class Pipeline:
    def __init__(
        self,
        settings: Settings | None = None,
        stages: Sequence[Stage] | None = None,
        story_stages: Sequence[StoryStage] | None = None,
    ):
        self.settings = settings or Settings()
        self.stages = tuple(stages) if stages is not None else default_stages()
        self.story_stages = (
            tuple(story_stages) if story_stages is not None else default_story_stages()
        )
        check_order((*self.stages, *self.story_stages))
        self._ready = False
        # Where ``run_into`` sends its work: this process (None), or an executor with the
        # same two methods as ``annotate_batch`` and ``run_stories`` (consilience.dist).
        self.executor: Executor | None = None

    def initialize(self) -> Pipeline:
        """Load heavy resources (spaCy model, gazetteer, language detector) once."""
        if not self._ready:
            for stage in (*self.stages, *self.story_stages):
                stage.initialize(self.settings)
            self._ready = True
        return self

    def run(self, paths: Iterable[str | PathLike]) -> Report:
        from .ingest import read_inputs

        articles: list[Article] = []
        skipped: list[Skipped] = []
        ids: set[str] = set()
        for item in read_inputs(paths, self.settings):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                articles.append(to_article(item, ids))
        return self.run_articles(articles, skipped)

    def run_articles(self, articles: list[Article], skipped: list[Skipped]) -> Report:
        articles = self.annotate(articles, skipped)
        stories = group_stories(articles)
        by_id = {a.id: a for a in articles}
        position = {a.id: n for n, a in enumerate(articles)}
        stories = [
            in_order(self._story(story, by_id, skipped), by_id, position) for story in stories
        ]
        return Report(
            articles=tuple(by_id[a.id] for a in articles),
            skipped=tuple(skipped),
            stories=tuple(stories),
            settings=self.settings.to_dict(),
        )

    def annotate(self, articles: list[Article], skipped: list[Skipped]) -> list[Article]:
        """Run the per-article stages; articles a stage fails on go to ``skipped``."""
        if articles:
            self.initialize()
            for stage in self.stages:
                kept: list[Article] = []
                for item in stage.pipe(articles):
                    (skipped if isinstance(item, Skipped) else kept).append(item)
                articles = kept
        return articles

    def run_into(self, paths: Iterable[str | PathLike], store: Store) -> Report:
        """Add the articles of ``paths`` that ``store`` does not hold, and return the report of
        everything stored: what ``run`` over all the stored inputs together would return.

        Only the new articles are annotated; stories are re-formed from the stored profiles,
        and the story stages run only on stories whose membership changed."""
        from .ingest import read_inputs

        taken = store.ids()
        fresh: list[tuple[Article, str, str]] = []
        skipped: list[Skipped] = []
        unchanged = 0
        for item in read_inputs(paths, self.settings):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            raw_hash = content_id(item)
            base = str(item.id) if item.id not in (None, "") else raw_hash
            if store.holds(base, raw_hash):
                unchanged += 1
                continue
            fresh.append((to_article(item, taken), base, raw_hash))
        work = self.executor or self
        kept, failed = work.annotate_batch([a for a, _, _ in fresh])
        skipped.extend(failed)
        annotated = {a.id: a for a in kept}
        store.add(
            [(annotated[a.id], base, h) for a, base, h in fresh if a.id in annotated],
            skipped,
            [str(p) for p in paths],
            unchanged,
        )
        return self.report_store(store)

    def report_store(self, store: Store) -> Report:
        """The report of every article in ``store``; story stages run only on stories not
        stored with the same membership."""
        from .store import relabel, story_key
        from .stories import assemble

        position = store.positions()
        grouped = [(story, story_key(story.articles)) for story in assemble(store.grouping_items())]
        stored = {key: found for _, key in grouped if (found := store.story(key)) is not None}
        todo = [
            (story, list(store.articles(story.articles).values()))
            for story, key in grouped
            if key not in stored
        ]
        work = self.executor or self
        for (story, _), (done, members, fails) in zip(todo, work.run_stories(todo), strict=True):
            key = story_key(story.articles)
            store.save_story(key, done, members, fails)
            stored[key] = (done, {a.id: a for a in members}, fails)
        final: dict[str, Article] = {}
        stories: list[Story] = []
        failures: list[Skipped] = []
        keys: set[str] = set()
        for story, key in grouped:
            keys.add(key)
            done, members, fails = stored[key]
            done = replace(done, id=story.id, title=story.title)
            final.update(members)
            failures.extend(relabel(fails, story.id))
            stories.append(in_order(done, final, position))
        store.keep_stories(keys)
        return Report(
            articles=tuple(sorted(final.values(), key=lambda a: position[a.id])),
            skipped=tuple(store.skipped() + failures),
            stories=tuple(stories),
            settings=self.settings.to_dict(),
        )

    def annotate_batch(self, articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
        """The per-article stages here: the articles kept and the failures."""
        failed: list[Skipped] = []
        return self.annotate(articles, failed), failed

    def run_stories(
        self, tasks: Sequence[tuple[Story, Sequence[Article]]]
    ) -> list[tuple[Story, list[Article], list[Skipped]]]:
        """The story stages here, per (story, its articles): the story after them, its
        articles as they left them and the failures."""
        out = []
        for story, members in tasks:
            self.initialize()
            by_id = {a.id: a for a in members}
            fails: list[Skipped] = []
            done = self._story(story, by_id, fails)
            out.append((done, [by_id[aid] for aid in story.articles], fails))
        return out

    def _story(self, story: Story, by_id: dict[str, Article], skipped: list[Skipped]) -> Story:
        """Run the story stages on one story; a stage that fails leaves the story as it was
        before that stage and is reported in ``skipped``."""
        for stage in self.story_stages:
            members = {aid: by_id[aid] for aid in story.articles}
            try:
                story, changed = stage.process_story(story, members)
                skipped.extend(getattr(stage, "drain_failures", list)())
            except Exception as exc:
                log.debug("story stage %s failed on %s", stage.name, story.id, exc_info=exc)
                skipped.append(
                    Skipped(
                        source=SourceRef(f"story:{story.id}"),
                        reason=f"stage {stage.name!r} failed on the story: "
                        f"{type(exc).__name__}: {exc}",
                        code="stage_error",
                        stage=stage.name,
                    )
                )
                continue
            by_id.update(changed)
        return story


def analyze(
    paths: Iterable[str | PathLike] | str | PathLike,
    settings: Settings | None = None,
    into: str | PathLike | None = None,
    **overrides: object,
) -> Report:
    """Read inputs, run every stage, return the Report.

    With ``into`` (a store file, created when absent), the new articles are added to the store
    and the report covers everything stored (``consilience.store``).
    Raises NothingReadError when not a single article could be read, and, with
    ``strict=True``, when any input was skipped.
    """
    if isinstance(paths, str | PathLike):
        paths = [paths]
    settings = settings or Settings()
    if overrides:
        settings = settings.with_(**overrides)
    if into is not None:
        from .store import Store

        with Store(into, settings) as store:
            report = Pipeline(settings).run_into(list(paths), store)
        return checked(report, settings, store.added_skipped)
    report = Pipeline(settings).run(paths)
    return checked(report, settings)


def checked(report: Report, settings: Settings, skipped: Sequence[Skipped] | None = None) -> Report:
    """Return ``report``; raise NothingReadError when it holds no article, and, with
    ``settings.strict``, ConsilienceError when any input was skipped: ``skipped``, when given,
    are this run's (a store's report also lists earlier runs', which do not fail this one)."""
    if not report.articles:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in report.skipped[:5])
        raise NothingReadError(
            "no article could be read" + (f" ({reasons})" if reasons else " (no inputs given)")
        )
    skipped = report.skipped if skipped is None else skipped
    if settings.strict and skipped:
        raise ConsilienceError(
            f"{len(skipped)} input(s) skipped and --strict is set; first: "
            f"{skipped[0].source}: {skipped[0].reason}"
        )
    return report


def content_id(raw: RawDoc) -> str:
    """A stable id from the article's content and metadata: re-reading gives the same id."""
    h = hashlib.sha256()
    for part in (raw.text, raw.title or "", raw.url or "", raw.outlet or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def to_article(raw: RawDoc, taken: set[str]) -> Article:
    """Turn a reader's record into an Article with a unique id (the input's own when it has
    one, else a content hash; a repeated id gets ``~2``, ``~3`` ... in input order)."""
    base = str(raw.id) if raw.id not in (None, "") else content_id(raw)
    aid, n = base, 1
    while aid in taken:
        n += 1
        aid = f"{base}~{n}"
    taken.add(aid)
    return Article(
        id=aid,
        source=raw.source,
        kind=raw.kind,
        raw_text=raw.text,
        title=raw.title,
        url=raw.url,
        outlet=raw.outlet,
        published_raw=raw.published,
        declared_language=raw.language,
    )


def group_stories(articles: Sequence[Article]) -> list[Story]:
    """Stories of the run: each article in exactly one (consilience.stories.group)."""
    from .stories import group

    return group(articles)


def in_order(story: Story, by_id: Mapping[str, Article], position: Mapping[str, int]) -> Story:
    """The story with its articles in publication order (undated last; ties in input order)
    and its period from their publication dates, known once the story stages dated them."""

    def key(aid: str) -> tuple[str, int]:
        return (by_id[aid].published.date or "9999-99-99", position[aid])

    dates = sorted(d for aid in story.articles if (d := by_id[aid].published.date))
    return replace(
        story,
        articles=tuple(sorted(story.articles, key=key)),
        period=(dates[0], dates[-1]) if dates else (None, None),
    )


def stage_failure(stage: str, article: Article, exc: BaseException) -> Skipped:
    log.debug("stage %s failed on %s", stage, article.source, exc_info=exc)
    return Skipped(
        source=article.source,
        reason=f"stage {stage!r} failed: {type(exc).__name__}: {exc}",
        code="stage_error",
        stage=stage,
    )


def today(settings: Settings) -> date:
    return settings.reference_date or date.today()


def progress_enabled(settings: Settings) -> bool:
    if settings.progress is not None:
        return settings.progress
    return sys.stderr.isatty()
