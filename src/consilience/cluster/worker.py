"""What runs inside a Dask worker: the worker's pipeline for a run (a worker plugin) and the two
kinds of task. Imported only where Dask's ``distributed`` is installed."""

from __future__ import annotations

from collections.abc import Sequence

from distributed import WorkerPlugin, get_worker

from ..model import Article, Skipped, unpack
from ..pipeline import Pipeline
from ..runtime import StoryResult, StoryTask
from ..settings import Settings

# The name the plugin is registered under: one per cluster, replaced by each run.
PLUGIN = "consilience-pipeline"


class WorkerPipeline(WorkerPlugin):
    """The worker's pipeline for one run: built on the worker's first task (its resources
    loaded then) and kept for the run's other tasks; dropped when the plugin is replaced (the
    next run) or the worker closes."""

    name = PLUGIN

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pipeline: Pipeline | None = None
        self.built = 0  # pipelines built in this worker (one per run)

    def teardown(self, worker: object) -> None:
        self.pipeline = None

    def get(self) -> Pipeline:
        if self.pipeline is None:
            self.pipeline = Pipeline(self.settings).initialize()
            self.built += 1
        return self.pipeline


def _pipeline() -> Pipeline:
    """This worker's pipeline for the current run."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, WorkerPipeline)
    return plugin.get()


def annotate(chunk: Sequence[Article]) -> tuple[list[Article], list[Skipped]]:
    """A task: the per-article stages over ``chunk``; returns the articles and the failures."""
    failed: list[Skipped] = []
    kept = _pipeline().annotate(list(chunk), failed)
    return kept, failed


def story(task: StoryTask) -> StoryResult:
    """A task: the story stages over one story; returns the story, its articles as the stages
    left them, and the failures."""
    found, members = task
    return _pipeline().run_story(found, [unpack(a) for a in members])
