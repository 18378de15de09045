"""One run, written once: read, per-article stages, group, story stages, report.

``Pipeline(settings).run(inputs, executor=None, store=None)``:

1. the inputs are read (``consilience.ingest``) and each record becomes an Article with its run
   id; with a store, only the records it does not hold yet;
2. the per-article stages (``default_stages``) run on those articles;
3. every article (with a store: every stored one) is grouped into stories;
4. the story stages (``default_story_stages``) run on each story; with a store, only on the
   stories it does not hold with the same articles (the others are read back);
5. the Report is built.

The executor says where steps 2 and 4 run: in this process (``LocalExecutor``, the default) or
on a Dask cluster (``consilience.cluster.ClusterExecutor``). The store
(``consilience.store.Store``) says what the run keeps and what it can skip; without one, the run
holds its own articles in memory (``Batch``). Both plug in through small protocols
(``Executor`` here, ``runtime.Holding``).

A stage is given articles and returns them annotated, in order. The pipeline checks, when it is
built, that every stage's requirements are assigned by an earlier stage. An article that breaks a
stage is set aside as a ``Skipped`` record naming the stage and the reason; the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from os import PathLike
from typing import Protocol

from .errors import ConsilienceError, NothingReadError, UsageError
from .model import Article, RawDoc, Report, Skipped, SourceRef, Story
from .resources import Resources
from .runtime import Held, Holding, StoryResult, StoryTask, phase
from .settings import Settings

log = logging.getLogger(__name__)


class Stage(Protocol):
    # read-only: a stage may declare them as fixed-length tuples
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def assigns(self) -> tuple[str, ...]: ...

    def initialize(self, settings: Settings, resources: Resources) -> None: ...

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]: ...


class StoryStage(Protocol):
    """A stage over one story at a time: it sees every article of the story together."""

    # read-only: a stage may declare them as fixed-length tuples
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def assigns(self) -> tuple[str, ...]: ...

    def initialize(self, settings: Settings, resources: Resources) -> None: ...

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, Mapping[str, Article]]:
        """Return the story with what this stage assigns, and the articles it changed."""
        ...


class Executor(Protocol):
    """Where a run's stages run: this process (``LocalExecutor``) or a Dask cluster
    (``consilience.cluster.ClusterExecutor``). Results come back in the order given."""

    def annotate(
        self, pipeline: Pipeline, articles: list[Article]
    ) -> tuple[list[Article], list[Skipped]]:
        """The per-article stages of ``pipeline`` over ``articles``: those kept, in order, and
        the failures."""
        ...

    def run_stories(self, pipeline: Pipeline, tasks: Sequence[StoryTask]) -> list[StoryResult]:
        """The story stages of ``pipeline`` over each (story, its articles)."""
        ...


class StoreLike(Protocol):
    """What ``Pipeline.run`` needs of a store (``consilience.store.Store``)."""

    def begin(self, inputs: Sequence[str]) -> Holding:
        """Start a run over ``inputs`` (their names go to the store's run log)."""
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
        s.Gist(),
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
    """The stages of a run in order, checked when built, and the run itself (``run``).

    ``resources`` (``consilience.resources.Resources``) are what the stages load in
    ``initialize``; by default the pipeline makes its own, so a run owns its models."""

    def __init__(
        self,
        settings: Settings | None = None,
        stages: Sequence[Stage] | None = None,
        story_stages: Sequence[StoryStage] | None = None,
        resources: Resources | None = None,
    ):
        self.settings = settings or Settings()
        self.stages = tuple(stages) if stages is not None else default_stages()
        self.story_stages = (
            tuple(story_stages) if story_stages is not None else default_story_stages()
        )
        check_order((*self.stages, *self.story_stages))
        self.resources = resources or Resources(self.settings)
        self._ready = False

    def initialize(self) -> Pipeline:
        """Load what the stages need (spaCy model, gazetteer, language detector) once."""
        if not self._ready:
            every: tuple[Stage | StoryStage, ...] = (*self.stages, *self.story_stages)
            for stage in every:
                stage.initialize(self.settings, self.resources)
            self._ready = True
        return self

    def run(
        self,
        inputs: Iterable[str | PathLike[str]],
        *,
        executor: Executor | None = None,
        store: StoreLike | None = None,
        exclude: Iterable[str | PathLike[str]] = (),
    ) -> Report:
        """Read ``inputs``, run every stage and return the Report (the steps of the module
        docstring). With ``store``, the new articles are added to it and the report covers
        everything stored: what one run over all the stored inputs together would return.
        Folders in ``exclude`` (where the reports go) are not read when an input folder holds
        them."""
        from .ingest import read_inputs

        inputs = list(inputs)
        work = executor or LocalExecutor()
        held = store.begin([str(p) for p in inputs]) if store is not None else Batch(self.settings)
        fresh: list[Article] = []
        skipped: list[Skipped] = []
        with phase("read") as step:
            for item in read_inputs(inputs, self.settings, exclude):
                if isinstance(item, Skipped):
                    skipped.append(item)
                elif (article := held.admit(item)) is not None:
                    fresh.append(article)
            step.detail = f"{len(fresh)} new article(s), {len(skipped)} skipped"
        with phase("annotated") as step:
            annotated, failed = work.annotate(self, fresh)
            step.detail = f"{len(annotated)} article(s), {len(failed)} set aside"
        held.add(annotated, [*skipped, *failed])
        with phase("grouped") as step:
            todo = held.pending()
            step.detail = f"{len(todo)} story(ies) to analyse"
        with phase("story stages") as step:
            done = work.run_stories(self, todo)
            step.detail = f"{len(done)} story(ies)"
        return self.report(held.finish(done))

    def report(self, held: Held) -> Report:
        """The Report of a run: articles in arrival order, stories with their articles in
        publication order, the inputs skipped and then the story stages' failures."""
        final: dict[str, Article] = {}
        stories: list[Story] = []
        failures: list[Skipped] = []
        for done, members, fails in held.results:
            final.update((a.id, a) for a in members)
            failures.extend(fails)
            stories.append(in_order(done, final, held.positions))
        return Report(
            articles=tuple(sorted(final.values(), key=lambda a: held.positions[a.id])),
            skipped=(*held.skipped, *failures),
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
                    if isinstance(item, Skipped):
                        skipped.append(item)
                    else:
                        kept.append(item)
                articles = kept
        return articles

    def run_story(self, story: Story, members: Sequence[Article]) -> StoryResult:
        """Run the story stages on one story: return the story after them, its articles as they
        left them and the failures. A stage that fails leaves the story as it was before that
        stage and is reported among the failures."""
        self.initialize()
        by_id = {a.id: a for a in members}
        skipped: list[Skipped] = []
        done = story
        for stage in self.story_stages:
            current = {aid: by_id[aid] for aid in done.articles}
            try:
                done, changed = stage.process_story(done, current)
                skipped.extend(getattr(stage, "drain_failures", list)())
            except Exception as exc:
                log.debug("story stage %s failed on %s", stage.name, done.id, exc_info=exc)
                skipped.append(
                    Skipped(
                        source=SourceRef(f"story:{done.id}"),
                        reason=f"stage {stage.name!r} failed on the story: "
                        f"{type(exc).__name__}: {exc}",
                        code="stage_error",
                        stage=stage.name,
                    )
                )
                continue
            by_id.update(changed)
        return done, [by_id[aid] for aid in story.articles], skipped


class LocalExecutor:
    """The stages in this process (spaCy may still use several: ``settings.workers``)."""

    def annotate(
        self, pipeline: Pipeline, articles: list[Article]
    ) -> tuple[list[Article], list[Skipped]]:
        failed: list[Skipped] = []
        return pipeline.annotate(articles, failed), failed

    def run_stories(self, pipeline: Pipeline, tasks: Sequence[StoryTask]) -> list[StoryResult]:
        return [pipeline.run_story(story, members) for story, members in tasks]


class Batch:
    """What a run over its inputs alone holds: its articles, in memory (``runtime.Holding``),
    grouped with ``settings.stories``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.taken: set[str] = set()
        self.articles: list[Article] = []
        self.skipped: list[Skipped] = []

    def admit(self, raw: RawDoc) -> Article:
        from .ingest import to_article

        return to_article(raw, self.taken)

    def add(self, articles: Sequence[Article], skipped: Sequence[Skipped]) -> None:
        self.articles = list(articles)
        self.skipped = list(skipped)

    def pending(self) -> list[StoryTask]:
        by_id = {a.id: a for a in self.articles}
        stories = group_stories(self.articles, self.settings)
        return [(s, [by_id[aid] for aid in s.articles]) for s in stories]

    def finish(self, done: Sequence[StoryResult]) -> Held:
        positions = {a.id: n for n, a in enumerate(self.articles)}
        return Held(list(done), positions, self.skipped)


def analyze(
    paths: Iterable[str | PathLike[str]] | str | PathLike[str],
    settings: Settings | None = None,
    into: str | PathLike[str] | None = None,
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
            report = Pipeline(settings).run(paths, store=store)
        return checked(report, settings, store.added_skipped)
    return checked(Pipeline(settings).run(paths), settings)


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


def group_stories(articles: Sequence[Article], settings: Settings) -> list[Story]:
    """Stories of the run: each article in exactly one (consilience.stories.group, with
    ``settings.stories``)."""
    from .stories import group

    return group(articles, settings.stories)


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
