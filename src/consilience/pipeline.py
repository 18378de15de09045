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
from itertools import repeat
from os import PathLike
from typing import TYPE_CHECKING, Protocol

from .errors import ConsilienceError, NothingReadError, UsageError
from .model import (
    Article,
    Articles,
    Packed,
    RawDoc,
    Report,
    Skipped,
    SourceRef,
    Story,
    pack,
    unpack,
)
from .resources import Resources
from .runtime import (
    Held,
    Holding,
    Spread,
    StoryResult,
    StoryTask,
    clear_seconds,
    merge_seconds,
    phase,
    progress_bar,
    timed,
)
from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import ProcessPoolExecutor

    from .stories import Header, Profile

    # What story grouping needs of one article (``stories.header``, ``stories.profile``).
    GroupingItem = tuple[Header, Profile]
    # A worker's annotated chunk: kept, failed, their grouping items, the seconds per stage.
    ChunkResult = tuple[list[Article | Packed], list[Skipped], list[GroupingItem], dict[str, float]]
    # A chunk after ``Prepared``'s stages: kept, failed, the seconds per stage.
    PreparedChunk = tuple[list[Article | Packed], list[Skipped], dict[str, float]]

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
        self.custom_stages = stages is not None
        self.custom_story_stages = story_stages is not None
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

        inputs = list(inputs)
        own = LocalExecutor() if executor is None else None
        try:
            report = self._run(inputs, own or executor, store, exclude)  # type: ignore[arg-type]
        except BaseException as stop:
            if own is not None:
                _release(stop)
                own.close(failed=True)
            raise
        if own is not None:
            own.close()
        return report

    def _run(
        self,
        inputs: list[str | PathLike[str]],
        work: Executor,
        store: StoreLike | None,
        exclude: Iterable[str | PathLike[str]],
    ) -> Report:
        from .ingest import read_inputs

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
        del fresh  # each article as read: its annotated copy replaces it
        held.add(annotated, [*skipped, *failed])
        if isinstance(work, LocalExecutor):
            # what the workers computed for grouping while they had the articles (a store
            # computes its own, as it keeps them: dropped here rather than held all run)
            grouping = work.take_grouping()
            if isinstance(held, Batch):
                held.grouping = grouping
            del grouping
        del annotated  # held now: one reference fewer to drop when the stories come back
        with phase("grouped") as step:
            todo = held.pending(work.spread() if isinstance(work, LocalExecutor) else None)
            step.detail = f"{len(todo)} story(ies) to analyse"
        with phase("story stages") as step:
            done = work.run_stories(self, todo)
            step.detail = f"{len(done)} story(ies)"
        return self.report(held.finish(done))

    def report(self, held: Held) -> Report:
        """The Report of a run: articles in arrival order, stories with their articles in
        publication order, the inputs skipped and then the story stages' failures."""
        final: dict[str, Article | Packed] = {}
        stories: list[Story] = []
        failures: list[Skipped] = []
        for done, members, fails in held.results:
            final.update((a.id, a) for a in members)
            failures.extend(fails)
            stories.append(in_order(done, final, held.positions))
        ordered = sorted(final.values(), key=lambda a: held.positions[a.id])
        packed = any(isinstance(a, Packed) for a in ordered)
        return Report(
            articles=Articles(ordered) if packed else tuple(unpack(a) for a in ordered),
            skipped=(*held.skipped, *failures),
            stories=tuple(stories),
            settings=self.settings.to_dict(),
        )

    def annotate(
        self, articles: list[Article], skipped: list[Skipped], start: int = 0
    ) -> list[Article]:
        """Run the per-article stages over ``articles``, in chunks of ``CHUNK`` (each chunk
        through every stage before the next: the same batches whatever runs them); articles a
        stage fails on go to ``skipped``. ``start``: the stages before it have run already
        (``articles`` is then one chunk, as they left it)."""
        kept: list[Article] = []
        if articles:
            self.initialize()
            bar = progress_bar(len(articles), self.settings, "annotating")
            try:
                for chunk in chunks(articles) if start == 0 else [articles]:
                    kept.extend(self._annotate_chunk(chunk, skipped, self.stages[start:]))
                    if bar is not None:
                        bar.update(len(chunk))
            finally:
                if bar is not None:
                    bar.close()
        return kept

    def _annotate_chunk(
        self,
        articles: list[Article],
        skipped: list[Skipped],
        stages: Sequence[Stage] | None = None,
    ) -> list[Article]:
        return run_stages(self.stages if stages is None else stages, articles, skipped)

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
                with timed(f"story:{stage.name}"):
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


# Articles per task of the per-article stages. A run cuts its articles into chunks of this size
# whatever the number of processes, and each chunk goes through the stages alone, so spaCy's and
# the sentence encoder's batches, and with them every figure, are the same with one process or
# several.
CHUNK = 32
# Below this many articles (to annotate, or in the stories to analyse), a run stays in one
# process: starting workers and loading their models costs more than it saves.
POOL_FROM = 200
# From this many articles to annotate, a pool's workers send the articles back ``Packed`` and
# the run's process holds them so until the report is written (``model.Articles``): about 3 KB
# an article instead of some 60 KB of its memory (objects and the pages their unpickling leaves
# behind), for about 0.5 ms of CPU an article, spent mostly in the workers.
PACK_FROM = 2_000


def chunks(articles: Sequence[Article], size: int = CHUNK) -> list[list[Article]]:
    """``articles`` cut into consecutive chunks of ``size`` (the last one shorter)."""
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


class LocalExecutor:
    """The stages on this machine: in this process, or, with ``settings.workers`` of 2 or more
    and at least ``pool_from`` articles, in a pool of that many worker processes (forked from
    this one, where the platform forks; elsewhere the run stays in this process). The per-article
    stages go to the pool in chunks of ``CHUNK`` articles, each chunk through every stage in
    one worker, so one worker's spaCy runs while another's sentence encoder does; the story
    stages go one task per story, largest first. Results come back in the order given and are
    the same whatever the number of processes. ``workers`` overrides ``settings.workers``.
    ``close`` ends the workers (``Pipeline.run`` closes the executor it makes)."""

    def __init__(self, workers: int | None = None, pool_from: int = POOL_FROM) -> None:
        self.workers = workers
        self.pool_from = pool_from
        self._pool: ProcessPool | None = None
        self.worker_pids: set[int] = set()  # the processes a pool ran the work in
        # each annotated article's (Header, Profile) for story grouping, computed by the
        # worker that annotated it (``take_grouping``); empty when the run stays here
        self._grouping: dict[str, GroupingItem] = {}
        # the first stages of the chunks to annotate, running in a helper process while the
        # pool's server loads its models (``Prepared``)
        self._prepared: Prepared | None = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.close(failed=kind is not None)

    def _pool_for(
        self, pipeline: Pipeline, size: int, work: list[list[Article]] | None = None
    ) -> ProcessPool | None:
        """The pool for ``size`` articles of work, started on first need; None when the work
        stays in this process. With ``work`` (the chunks to annotate), when this starts the
        server the workers are forked from, the first stages (``Prepared``) run over them in a
        helper process while the server loads the workers' models."""
        if self._pool is None:
            workers = self.workers or pipeline.settings.workers
            if workers < 2 or size < self.pool_from or not ProcessPool.possible(pipeline):
                return None
            fresh = ProcessPool.start_server(pipeline)
            if work is not None and fresh:
                self._prepared = Prepared.start(pipeline, work, size >= PACK_FROM)
            self._pool = ProcessPool(pipeline, workers)
        return self._pool

    def annotate(
        self, pipeline: Pipeline, articles: list[Article]
    ) -> tuple[list[Article | Packed], list[Skipped]]:
        """The per-article stages over ``articles``: those kept (``Packed`` when a pool
        annotated ``PACK_FROM`` or more) and those set aside."""
        from .stories.features import interned

        kept: list[Article | Packed] = []
        failed: list[Skipped] = []
        work = chunks(articles)
        pool = self._pool_for(pipeline, len(articles), work)
        if pool is None:
            return list(pipeline.annotate(articles, failed)), failed
        pool.pack = len(articles) >= PACK_FROM  # and the story stages' articles too
        # the helper, when one runs, stays known until its chunks are done: an error or Ctrl-C
        # on the way ends it with the pool (``close``)
        prepared = self._prepared
        bar = progress_bar(len(articles), pipeline.settings, "annotating")
        try:
            done = pool.annotate(work) if prepared is None else pool.annotate_prepared(prepared)
            for some, fails, items in done:
                kept.extend(some)
                failed.extend(fails)
                for article, (head, prof) in zip(some, items, strict=True):
                    self._grouping[article.id] = (head, interned(prof))
                if bar is not None:
                    bar.update(len(some) + len(fails))
        finally:
            if bar is not None:
                bar.close()
        self._prepared = None  # ended by ``annotate_prepared``
        return kept, failed

    def spread(self) -> Spread | None:
        """Where story grouping may find the articles' neighbours in parallel
        (``stories.group_profiles``): the pool's workers, when a pool runs (they are idle
        between the per-article stages and the story stages); None otherwise."""
        pool = self._pool
        return Spread(pool.executor.map, pool.workers) if pool is not None else None

    def take_grouping(self) -> dict[str, GroupingItem]:
        """The (Header, Profile) of each article the pool annotated, by id, computed there
        (``stories.header``, ``stories.profile``: the same values the run's process would
        compute, while the workers had the articles); emptied here."""
        out, self._grouping = self._grouping, {}
        return out

    def run_stories(self, pipeline: Pipeline, tasks: Sequence[StoryTask]) -> list[StoryResult]:
        """The story stages over each task. A list of tasks is emptied as they are taken, so
        each story's articles before the stages are freed once its result is back (a run then
        holds its articles about once, not twice)."""
        pool = self._pool_for(pipeline, sum(len(members) for _, members in tasks))
        if pool is not None:
            return pool.run_stories(tasks)
        out: list[StoryResult] = []
        for story, members in _taken(tasks):
            out.append(pipeline.run_story(story, [unpack(a) for a in members]))
        return out

    def close(self, failed: bool = False) -> None:
        """End the workers: at once when the run ``failed`` (or was interrupted), else once
        idle."""
        if self._prepared is not None:
            self._prepared.close(failed=True)
            self._prepared = None
        if self._pool is not None:
            self.worker_pids |= self._pool.pids()
            self._pool.close(failed)
            self._pool = None


class ProcessPool:
    """Worker processes, each with the pipeline's settings (one spaCy process, no progress bar)
    and its stages (the default ones built there; custom ones sent, when they can be pickled),
    its own resources, loaded when it starts, while this process goes on. They are forked from
    a clean server process (multiprocessing's "forkserver"; "spawn" where there is none), never
    from this one, whose threads (lingua's, BLAS's) a fork would leave stuck. They end with this
    process (even on kill -9) and leave Ctrl-C to it. The seconds they spend per stage are
    added to this process's (``runtime.spent``)."""

    @staticmethod
    def possible(pipeline: Pipeline) -> bool:
        """Whether ``pipeline``'s stages can be sent to worker processes."""
        import pickle

        try:
            pickle.dumps(_sent_stages(pipeline))
        except Exception:  # a custom stage that cannot be pickled: the run stays here
            log.debug("the stages cannot be sent to worker processes", exc_info=True)
            return False
        return True

    def __init__(self, pipeline: Pipeline, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # whether the workers send articles back ``Packed`` (``LocalExecutor.annotate``)
        self.pack = False
        self.workers = workers
        method = _start_method()
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # the server loads the workers' models once; each worker shares them
            ProcessPool.start_server(pipeline)
        # Ctrl-C waits until every worker has started (each is then known, and stopped by
        # ``close``; one half-started would be left behind)
        with _deferred_interrupt() as interrupt:
            self.executor = ProcessPoolExecutor(
                workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(pipeline.settings, *_sent_stages(pipeline)),
            )
            # start them now: each loads its models (the first task waits for that)
            for n in range(workers):
                self.executor.submit(_pid, n)
        if interrupt.pressed:
            self.close(failed=True)
            raise KeyboardInterrupt

    @staticmethod
    def start_server(pipeline: Pipeline) -> bool:
        """Start the server process the workers are forked from, which loads their models
        (``consilience.preload``), unless it runs already; True when this call started it (it
        is loading them now). False where there is no such server (no forkserver)."""
        global _SERVER_STARTED
        if _start_method() != "forkserver":
            return False
        from .preload import start_server

        fresh = not _SERVER_STARTED
        start_server(_worker_settings(pipeline.settings))
        _SERVER_STARTED = True
        return fresh

    def pids(self) -> set[int]:
        """The process ids of the workers."""
        return set(getattr(self.executor, "_processes", None) or {})

    def annotate(
        self, work: list[list[Article]]
    ) -> Iterator[tuple[list[Article | Packed], list[Skipped], list[GroupingItem]]]:
        """The per-article stages over each chunk of ``work``: (kept, failed, the grouping
        item of each kept article) per chunk, in order, as they come."""
        tasks = self.executor.map(_annotate_chunk, work, repeat(0), repeat(self.pack))
        for kept, failed, items, seconds in tasks:
            merge_seconds(seconds)
            yield kept, failed, items

    def annotate_prepared(
        self, prepared: Prepared
    ) -> Iterator[tuple[list[Article | Packed], list[Skipped], list[GroupingItem]]]:
        """``annotate`` over chunks whose first stages ``prepared`` runs: each chunk goes to
        the workers for the other stages as soon as it comes back from there (the failures of
        both, in stage order, per chunk)."""
        from concurrent.futures import Future

        start = prepared.count
        pending: list[tuple[list[Skipped], Future[ChunkResult] | None]] = []
        for ready, failed, seconds in prepared.results():
            merge_seconds(seconds)
            future = (
                self.executor.submit(_annotate_chunk, ready, start, self.pack) if ready else None
            )
            pending.append((failed, future))
        prepared.close()
        pending.reverse()
        while pending:
            before, future = pending.pop()
            if future is None:
                yield [], before, []
                continue
            back, failed, items, seconds = future.result()
            merge_seconds(seconds)
            yield back, [*before, *failed], items

    def run_stories(self, tasks: Sequence[StoryTask]) -> list[StoryResult]:
        """The story stages over each task, largest story first; the results in task order."""
        count = len(tasks)
        order = sorted(range(count), key=lambda i: -len(tasks[i][0].articles))
        futures = {i: self.executor.submit(_run_story, tasks[i], self.pack) for i in order}
        if isinstance(tasks, list):  # sent: the pool holds each task until its result is back
            tasks.clear()
        out: list[StoryResult] = []
        for i in range(count):
            result, seconds = futures[i].result()
            merge_seconds(seconds)
            out.append(result)
        return out

    def close(self, failed: bool) -> None:
        """End the workers: once idle, or (``failed``: an error, Ctrl-C) at once. Either way
        the pool's queues are released before this returns (an interrupted run ends with
        ``os._exit``, which would leave their semaphores to the resource tracker's warning)."""
        import gc

        if failed:  # stop the workers now rather than let them finish their tasks
            for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=failed)
        del self.executor
        gc.collect()


def _taken(tasks: Sequence[StoryTask]) -> Iterator[StoryTask]:
    """The tasks in order; a list is emptied as they are taken (``LocalExecutor.run_stories``)."""
    if not isinstance(tasks, list):
        yield from tasks
        return
    tasks.reverse()
    while tasks:
        yield tasks.pop()


class _deferred_interrupt:
    """Holds back Ctrl-C (SIGINT) in the block: ``pressed`` says whether it came. Only in the
    main thread (elsewhere no signal reaches the block)."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: object = None

    def __enter__(self) -> _deferred_interrupt:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._press)
        return self

    def _press(self, signum: int, frame: object) -> None:
        self.pressed = True

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]


def _release(stop: BaseException) -> None:
    """Drop the traceback of a Ctrl-C (``stop``): its frames may hold a pool's queues, whose
    semaphores must be released before an interrupted run ends (``ProcessPool.close``)."""
    if isinstance(stop, KeyboardInterrupt):
        stop.with_traceback(None)


# The pipeline of a worker process of ``ProcessPool``.
_WORKER: Pipeline | None = None
# Whether a pool of this process started the server its workers are forked from (it then has
# loaded their models, or is loading them: ``ProcessPool.start_server``).
_SERVER_STARTED = False


def _start_method() -> str:
    """How a pool starts its workers: "forkserver" where the platform has it, else "spawn"."""
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class Prepared:
    """The first per-article stages (cleaning and language: ``PREPARED``, no model of the
    workers') over a run's chunks, in a helper process of their own while the pool's server
    loads the workers' models (about 8 s on one core, the other idle: lingua holds the GIL as
    it loads, so a thread beside it gains nothing). Each chunk then goes to the workers for
    the other stages (``ProcessPool.annotate_prepared``); its batches, and so every figure,
    stay those of one process running every stage over the chunk. The helper, a fresh
    interpreter ("spawn": the run's process may hold threads a fork would leave stuck), loads
    only the language detector's models of the scripts it meets and ends once the chunks are
    done, with its memory."""

    def __init__(
        self, executor: ProcessPoolExecutor, count: int, results: Iterator[PreparedChunk]
    ) -> None:
        self.executor = executor
        self.count = count
        self._results = results

    @staticmethod
    def stages(pipeline: Pipeline) -> int:
        """How many of ``pipeline``'s first stages the helper runs (0: none; only the default
        stages, whose first two are built there)."""
        from .stages import Clean, Language

        if pipeline.custom_stages or len(pipeline.stages) < 3:
            return 0
        first = pipeline.stages[:2]
        return 2 if isinstance(first[0], Clean) and isinstance(first[1], Language) else 0

    @classmethod
    def start(
        cls, pipeline: Pipeline, work: list[list[Article]], packed: bool = False
    ) -> Prepared | None:
        """Start the helper over ``work`` (its chunks replaced as they come back); None when
        the helper does not apply (custom stages) or cannot start."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        count = cls.stages(pipeline)
        if not count or not work:
            return None
        try:
            executor = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_helper,
                initargs=(pipeline.settings,),
            )
            results = executor.map(_prepare_chunk, work, repeat(packed))
        except Exception:  # the workers run every stage instead
            log.debug("the helper process could not start", exc_info=True)
            return None
        return cls(executor, count, results)

    def results(self) -> Iterator[PreparedChunk]:
        """(kept, failed, seconds) per chunk, in order."""
        yield from self._results

    def close(self, failed: bool = False) -> None:
        """End the helper (at once when ``failed``)."""
        executor = self.executor
        if failed:
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()
        executor.shutdown(wait=True, cancel_futures=failed)


# The stages of ``Prepared``'s helper process.
_HELPER: list[Stage] = []


def _start_helper(settings: Settings) -> None:
    """Run in ``Prepared``'s helper when it starts: it ends with its parent and leaves Ctrl-C
    to it; its stages are the default first ones."""
    from .annotate.runner import as_worker

    as_worker()
    own = _worker_settings(settings)
    resources = Resources(own)
    _HELPER[:] = list(default_stages()[:2])
    for stage in _HELPER:
        stage.initialize(own, resources)
    clear_seconds()


def run_stages(
    stages: Sequence[Stage], articles: list[Article], skipped: list[Skipped]
) -> list[Article]:
    """Run ``stages`` in order over ``articles``, each timed; return the articles every stage
    kept, appending what a stage set aside to ``skipped``."""
    for stage in stages:
        kept: list[Article] = []
        with timed(f"stage:{stage.name}"):
            for item in stage.pipe(articles):
                if isinstance(item, Skipped):
                    skipped.append(item)
                else:
                    kept.append(item)
        articles = kept
    return articles


def _prepare_chunk(chunk: list[Article], packed: bool = False) -> PreparedChunk:
    """The helper's task: its stages over ``chunk``, as ``Pipeline._annotate_chunk`` runs
    them; with ``packed``, the articles kept go back ``Packed`` (the helper runs far ahead of
    the workers: a large run's process would otherwise hold most of its articles, cleaned,
    until the workers take them)."""
    failed: list[Skipped] = []
    kept = run_stages(_HELPER, chunk, failed)
    back: list[Article | Packed] = [pack(a) for a in kept] if packed else list(kept)
    return back, failed, clear_seconds()


def _sent_stages(
    pipeline: Pipeline,
) -> tuple[Sequence[Stage] | None, Sequence[StoryStage] | None]:
    """What a worker is sent of ``pipeline``'s stages: None for the default ones (built there)."""
    return (
        pipeline.stages if pipeline.custom_stages else None,
        pipeline.story_stages if pipeline.custom_story_stages else None,
    )


def _start_worker(
    settings: Settings,
    stages: Sequence[Stage] | None,
    story_stages: Sequence[StoryStage] | None,
) -> None:
    """Run in each new worker of a ``ProcessPool``: it ends with its parent and leaves Ctrl-C
    to it; its pipeline, one spaCy process and no progress bar, is initialised (its models
    loaded) now."""
    global _WORKER
    import os

    from .annotate.runner import as_worker

    as_worker()
    # one thread for lingua's batches (rayon's pool, made on its first use): the workers
    # already take every core
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    from .preload import shared_for

    own = _worker_settings(settings)
    # the models the server process loaded before forking this worker, when it loaded them
    # for these settings (``consilience.preload``); else this worker loads its own
    _WORKER = Pipeline(own, stages, story_stages, resources=shared_for(own))
    _WORKER.initialize()
    clear_seconds()


def _worker_settings(settings: Settings) -> Settings:
    """The settings of a pool's worker: one spaCy process, no progress bar."""
    return settings.with_(workers=1, progress=False)


def _pid(_: int) -> int:
    import os

    return os.getpid()


def _worker() -> Pipeline:
    assert _WORKER is not None, "not a worker of a ProcessPool"
    return _WORKER


def _annotate_chunk(
    chunk: Sequence[Article | Packed], start: int = 0, packed: bool = False
) -> ChunkResult:
    """A worker's task: the per-article stages over ``chunk`` (from the stage ``start``: the
    ones before it ran in ``Prepared``'s helper), and what story grouping needs of each article
    kept (its Header and Profile: computed here, in parallel, rather than in the run's process
    while the workers wait). The chunk may come ``Packed`` (from ``Prepared``'s helper); with
    ``packed``, the articles kept go back ``Packed``."""
    failed: list[Skipped] = []
    kept = _worker().annotate([unpack(a) for a in chunk], failed, start)
    with timed("stage:grouping profile"):
        items = [_grouping_item(a) for a in kept]
    back: list[Article | Packed] = [pack(a) for a in kept] if packed else list(kept)
    return back, failed, items, clear_seconds()


def _run_story(task: StoryTask, packed: bool = False) -> tuple[StoryResult, dict[str, float]]:
    """A worker's task: the story stages over one story (its articles may come ``Packed``);
    with ``packed``, its articles go back ``Packed``."""
    story, members = task
    done, after, failed = _worker().run_story(story, [unpack(a) for a in members])
    back: list[Article | Packed] = [pack(unpack(a)) if packed else a for a in after]
    return (done, back, failed), clear_seconds()


class Batch:
    """What a run over its inputs alone holds: its articles, in memory (``runtime.Holding``),
    grouped with ``settings.stories``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.taken: set[str] = set()
        self.articles: list[Article | Packed] = []
        self.skipped: list[Skipped] = []
        self.positions: dict[str, int] = {}
        # (Header, Profile) of articles, by id, computed where they were annotated (a pool's
        # workers); the others' are computed by ``pending``
        self.grouping: dict[str, GroupingItem] = {}

    def admit(self, raw: RawDoc) -> Article:
        from .ingest import to_article

        return to_article(raw, self.taken)

    def add(self, articles: Sequence[Article | Packed], skipped: Sequence[Skipped]) -> None:
        self.articles = list(articles)
        self.skipped = list(skipped)

    def pending(self, spread: Spread | None = None) -> list[StoryTask]:
        """Every story with its articles; from then on the tasks hold the articles, not this
        batch (it keeps their order only). ``spread``: see ``stories.assemble``."""
        from .stories import assemble

        by_id = {a.id: a for a in self.articles}
        known, self.grouping = self.grouping, {}
        items = [known.get(a.id) or _grouping_item(unpack(a)) for a in self.articles]
        del known
        # what ``group_stories`` does, from the items the workers computed
        stories = assemble(items, self.settings.stories, spread)
        del items
        self.positions = {a.id: n for n, a in enumerate(self.articles)}
        self.articles = []
        return [(s, [by_id[aid] for aid in s.articles]) for s in stories]

    def finish(self, done: Sequence[StoryResult]) -> Held:
        return Held(list(done), self.positions, self.skipped)


def _grouping_item(article: Article) -> GroupingItem:
    """What story grouping needs of ``article``: its Header and Profile."""
    from .stories import header, profile

    return header(article), profile(article)


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


def in_order(
    story: Story, by_id: Mapping[str, Article | Packed], position: Mapping[str, int]
) -> Story:
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
