"""The same pipeline on a Dask cluster, for runs that outgrow one machine.

``consilience analyze INPUT... --cluster tcp://scheduler:8786 --out DIR`` (or ``--cluster
local:4`` to start four worker processes on this machine) runs what ``analyze`` runs, with the
work spread over the cluster's workers. It is the one run of ``Pipeline.run`` with a
``ClusterExecutor``:

1. Inputs are read here, on the client, and given ids exactly as a local run gives them (the
   workers need not see the input files).
2. The per-article stages (cleaning, language, spaCy, places, quantities, attributions) run on
   the workers, in chunks of ``CHUNK`` articles; each worker process builds its pipeline (and
   loads its resources) on its first task and keeps it for the rest of the run.
3. Stories are grouped here, from the annotated articles (about a millisecond per article).
4. The story stages (dates, entities, sources, flags, claims, timeline) run on the workers,
   one task per story, largest stories first.

The report is the one a local run gives: the same articles, stories, claims and timeline (the
skipped inputs are the same, listed in another order). Custom stages are not sent to a
cluster: the default pipeline runs there. Requires the ``cluster`` extra
(``pip install 'consilience[cluster]'``, which installs Dask's ``distributed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError, UsageError
from ..model import Article, Report, Skipped
from ..pipeline import CHUNK as PIPELINE_CHUNK
from ..pipeline import Pipeline, StoreLike
from ..runtime import StoryResult, StoryTask
from ..settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

# Articles per task of the per-article stages: enough to batch spaCy, small enough to spread; a
# multiple of the pipeline's own chunks (``pipeline.CHUNK``), so the batches are a local run's.
CHUNK = 2 * PIPELINE_CHUNK


def analyze_on_cluster(
    paths: Iterable[str | PathLike],
    settings: Settings,
    address: str,
    store: StoreLike | None = None,
) -> Report:
    """``Pipeline(settings).run(paths, store=store)`` with its work on the Dask cluster at
    ``address`` ("tcp://host:port", or "local" / "local:N" for N worker processes on this
    machine)."""
    with executor_at(address) as executor:
        return Pipeline(settings).run(paths, executor=executor, store=store)


@contextmanager
def executor_at(address: str) -> Iterator[ClusterExecutor]:
    """A ClusterExecutor on the cluster at ``address`` (see ``analyze_on_cluster``); the
    client, and a local cluster started for it, are closed on leaving."""
    client, cluster = connect(address)
    try:
        yield ClusterExecutor(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# A scheduler's address: protocol://... or host:port (Dask's own forms); or local / local:N.
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://[^\s]+|(?:\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):\d{1,5}")


def check_address(address: str) -> str:
    """Return ``address`` when it has the form of a cluster address (``tcp://host:8786``,
    ``host:8786``, ``local``, ``local:N``); raise UsageError saying what is expected otherwise.
    Nothing is contacted: a run checks this before its analysis."""
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2] or "2"
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--cluster {address!r}: write local:N with N a positive number")
        return address
    if not _ADDRESS.fullmatch(address):
        raise UsageError(
            f"--cluster {address!r}: not a cluster address; write tcp://HOST:PORT (a Dask "
            f"scheduler, e.g. tcp://sched:8786) or local:N (N worker processes here)"
        )
    return address


def connect(address: str) -> tuple[Client, Any]:
    """Return (client, cluster): a client of the scheduler at ``address``, or of a local
    cluster started for the run (returned too, so it can be closed)."""
    check_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ResourceError(
            "--cluster needs Dask's distributed package: pip install 'consilience[cluster]'"
        ) from exc
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2] or "2"
        cluster = LocalCluster(
            n_workers=int(count),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except (OSError, ValueError) as exc:
        raise ResourceError(
            f"--cluster {address!r}: no Dask scheduler answers there ({exc})"
        ) from exc


class ClusterExecutor:
    """A pipeline's work sent to a Dask cluster (``consilience.pipeline.Executor``): the
    per-article stages in chunks of ``CHUNK`` articles, the story stages one task per story,
    largest first. Results come back in the order given. The workers run the default stages
    with the pipeline's settings, ``workers=1`` (no processes in Dask's processes) and no
    progress bars."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self._settings: Settings | None = None

    def _ready(self, pipeline: Pipeline) -> Settings:
        """The workers' settings; on first use, each worker is given a fresh
        ``worker.WorkerPipeline`` holding them (replacing an earlier run's)."""
        from .worker import PLUGIN, WorkerPipeline

        settings = pipeline.settings.with_(workers=1, progress=False)
        if settings != self._settings:
            self.client.register_plugin(WorkerPipeline(settings), name=PLUGIN)
            self._settings = settings
        return settings

    def annotate(
        self, pipeline: Pipeline, articles: list[Article]
    ) -> tuple[list[Article], list[Skipped]]:
        if not articles:
            return [], []
        from .worker import annotate

        self._ready(pipeline)
        chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
        done = self.client.gather(self.client.map(annotate, chunks, pure=False))
        kept: list[Article] = []
        failed: list[Skipped] = []
        for some, fails in done:
            kept.extend(some)
            failed.extend(fails)
        return kept, failed

    def run_stories(self, pipeline: Pipeline, tasks: Sequence[StoryTask]) -> list[StoryResult]:
        if not tasks:
            return []
        from .worker import story

        self._ready(pipeline)
        order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i][0].articles))
        results = self.client.gather(self.client.map(story, [tasks[i] for i in order], pure=False))
        by_task = dict(zip(order, results, strict=True))
        return [by_task[i] for i in range(len(tasks))]
