"""What the stages and the parts that plug into a run share: today's date, whether to show
progress, how a failure on one article is recorded, and the records and protocol that pass
between a run's steps (``Holding``: what a store implements). Imports nothing of the pipeline,
the stages or the store."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from .model import Article, Packed, RawDoc, Skipped, Story
from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from tqdm import tqdm

log = logging.getLogger("consilience.pipeline")


def today(settings: Settings) -> date:
    """The run's 'today': ``settings.reference_date`` when set, else the machine's date."""
    return settings.reference_date or date.today()


def progress_enabled(settings: Settings) -> bool:
    """True when progress bars are wanted: ``settings.progress``, else when stderr is a
    terminal."""
    if settings.progress is not None:
        return settings.progress
    return sys.stderr.isatty()


def progress_bar(total: int, settings: Settings, label: str) -> tqdm | None:
    """A progress bar over ``total`` articles, or None when progress is off or there is
    less than two articles."""
    if not progress_enabled(settings) or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", leave=True)


# One line per phase of a run (reading, annotation, grouping, story stages, writing), at INFO on
# this logger: the CLI shows them on stderr (``consilience analyze`` unless --no-progress or
# --quiet); a library caller sees them only if it asks for them through logging.
progress_log = logging.getLogger("consilience.progress")


# Seconds spent per part of a run in this process (and, merged in by the executors, in its
# worker processes): "phase:<what>" for each phase, "stage:<name>" for each stage,
# "ner" for spaCy itself, each also as "cpu:<key>", the CPU seconds of the process that ran it
# (a phase's CPU seconds are those of the run's own process alone, not its workers'). What
# ``bench/throughput.py`` reports; cleared by ``clear_seconds``.
_SECONDS: dict[str, float] = {}


def add_seconds(key: str, seconds: float) -> None:
    """Add ``seconds`` to the time spent on ``key`` (see ``spent``)."""
    _SECONDS[key] = _SECONDS.get(key, 0.0) + seconds


def spent() -> dict[str, float]:
    """The seconds spent per part of the runs of this process since ``clear_seconds``: summed
    over processes, so with workers they may add up to more than the wall time."""
    return dict(_SECONDS)


def clear_seconds() -> dict[str, float]:
    """Return ``spent()`` and start counting from zero."""
    out = dict(_SECONDS)
    _SECONDS.clear()
    return out


def merge_seconds(seconds: Mapping[str, float]) -> None:
    """Add the seconds a worker process spent (its ``clear_seconds()``) to this process's."""
    for key, value in seconds.items():
        add_seconds(key, value)


CPU = "cpu:"  # the CPU seconds of a part are kept under its key with this prefix


class timed:
    """Adds the seconds spent in the block to ``key`` (``spent``), and the CPU seconds this
    process spent in it to ``"cpu:" + key``: on a busy machine the wall time of a part grows
    with what else runs, its CPU time much less."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __enter__(self) -> timed:
        import time

        self._start = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import time

        add_seconds(self.key, time.perf_counter() - self._start)
        add_seconds(CPU + self.key, time.process_time() - self._cpu)


class phase:
    """Times one phase of a run and logs "<what>: <detail> (<seconds> s)" when it ends;
    ``detail`` may be set inside the block once the count is known."""

    def __init__(self, what: str, detail: str = "") -> None:
        self.what = what
        self.detail = detail

    def __enter__(self) -> phase:
        import time

        self._start = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import time

        if kind is None:
            took = time.perf_counter() - self._start
            add_seconds(f"phase:{self.what}", took)
            add_seconds(f"{CPU}phase:{self.what}", time.process_time() - self._cpu)
            detail = f": {self.detail}" if self.detail else ""
            progress_log.info("%s%s (%.1f s)", self.what, detail, took)


def stage_failure(stage: str, article: Article, exc: BaseException) -> Skipped:
    """The record of ``stage`` failing on ``article``: the article is set aside, the run goes
    on."""
    log.debug("stage %s failed on %s", stage, article.source, exc_info=exc)
    return Skipped(
        source=article.source,
        reason=f"stage {stage!r} failed: {type(exc).__name__}: {exc}",
        code="stage_error",
        stage=stage,
    )


# ---------------------------------------------------------------------------------------------
# What passes between a run's steps (``consilience.pipeline.Pipeline.run``) and where it keeps
# its articles: in memory (``pipeline.Batch``) or in a store (``consilience.store``).

# One story and its articles, given to the story stages.
StoryTask = tuple[Story, Sequence[Article | Packed]]
# One story after the story stages, its articles as they left them, and the failures. A large
# run's articles come and go between its steps held compressed (``Packed``,
# ``pipeline.PACK_FROM``).
StoryResult = tuple[Story, list[Article | Packed], list[Skipped]]


@dataclass(frozen=True)
class Held:
    """Everything a run's report is built from: every story after its stages, in story order
    (``results``), each article's arrival order (``positions``: input order, or the order a
    store received them) and the inputs set aside before the story stages (``skipped``)."""

    results: list[StoryResult]
    positions: Mapping[str, int]
    skipped: list[Skipped]


@dataclass(frozen=True, slots=True)
class Spread:
    """Where a run's process may hand work to other processes while its workers would idle
    (story grouping's neighbours: ``stories.group_profiles``): ``run`` maps a function over a
    list of tasks in ``parts`` processes (a pool's ``map``), results in order."""

    run: Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]
    parts: int


class Holding(Protocol):
    """Where one run keeps its articles and stories: in memory, for a run over its inputs alone
    (``pipeline.Batch``), or in a store, where earlier runs' articles and stories are kept too
    (``consilience.store.Store.begin``). The pipeline calls these in this order."""

    def admit(self, raw: RawDoc) -> Article | None:
        """The Article of a record read, with its run id; None when it is held already (it
        needs no work)."""
        ...

    def add(self, articles: Sequence[Article | Packed], skipped: Sequence[Skipped]) -> None:
        """Keep ``articles`` after the per-article stages (some may come ``Packed``), and the
        inputs this run ``skipped``."""
        ...

    def pending(self, spread: Spread | None = None) -> list[StoryTask]:
        """Group every article held into stories (with ``spread``, partly in other processes:
        ``stories.assemble``); return those the story stages must run on, with their articles
        (all of them in memory; in a store, those not stored with the same articles)."""
        ...

    def finish(self, done: Sequence[StoryResult]) -> Held:
        """Keep ``done`` (the results of ``pending``'s stories, in its order) and return what
        the report is built from."""
        ...
