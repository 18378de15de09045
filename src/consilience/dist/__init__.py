"""The same pipeline on a Dask cluster, for runs that outgrow one machine.

``consilience analyze INPUT... --cluster tcp://scheduler:8786 --out DIR`` (or ``--cluster
local:4`` to start four worker processes on this machine) runs what ``analyze`` runs, with the
work spread over the cluster's workers:

1. Inputs are read here, on the client, and given ids exactly as a local run gives them (the
   workers need not see the input files).
2. The per-article stages (cleaning, language, spaCy, places, quantities, attributions) run on
   the workers, in chunks of ``CHUNK`` articles; each worker process builds its pipeline once
   and keeps it for every later task.
3. Stories are grouped here, from the annotated articles (about a millisecond per article).
4. The story stages (dates, entities, sources, flags, claims, timeline) run on the workers,
   one task per story, largest stories first.

The report is the one a local run gives: the same articles, stories, claims and timeline (the
skipped inputs are the same, listed in another order). Custom stages are not sent to a
cluster: the default pipeline runs there. Requires the ``cluster`` extra
(``pip install 'consilience[cluster]'``, which installs Dask's ``distributed``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike

from ..errors import ResourceError, UsageError
from ..model import Article, Report, Skipped, Story
from ..settings import Settings

# Articles per task of the per-article stages: enough to batch spaCy, small enough to spread.
CHUNK = 64
# One pipeline per worker process, by settings, built on its first task.
_PIPELINES: dict[str, object] = {}


def analyze_on_cluster(
    paths: Iterable[str | PathLike], settings: Settings, address: str, store=None  # noqa: ANN001
) -> Report:
    """Run the whole pipeline over ``paths`` with the work on the Dask cluster at ``address``
    ("tcp://host:port", or "local" / "local:N" for N worker processes on this machine), and
    return the Report a local run would return. With ``store`` (a ``consilience.store.Store``)
    the new articles are added to it and the report covers everything stored, as
    ``Pipeline.run_into`` does here, with its work on the cluster."""
    client, cluster = connect(address)
    try:
        if store is not None:
            from ..pipeline import Pipeline

            pipeline = Pipeline(settings)
            pipeline.executor = ClusterExecutor(client, settings)
            return pipeline.run_into(list(paths), store)
        return run(paths, settings, client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def connect(address: str):  # noqa: ANN201
    """Return (client, cluster): a client of the scheduler at ``address``, or of a local
    cluster started for the run (returned too, so it can be closed)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ResourceError(
            "--cluster needs Dask's distributed package: pip install 'consilience[cluster]'"
        ) from exc
    if address == "local" or address.startswith("local:"):
        count = address.partition(":")[2] or "2"
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--cluster {address!r}: write local:N with N a positive number")
        cluster = LocalCluster(
            n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except OSError as exc:
        raise ResourceError(f"--cluster {address!r}: no Dask scheduler answers there ({exc})") \
            from exc


def run(paths: Iterable[str | PathLike], settings: Settings, client) -> Report:  # noqa: ANN001
    """The steps of the module docstring with ``client`` (a ``distributed.Client``)."""
    from ..ingest import read_inputs
    from ..pipeline import in_order, to_article
    from ..stories import group

    articles: list[Article] = []
    skipped: list[Skipped] = []
    ids: set[str] = set()
    for item in read_inputs(paths, settings):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            articles.append(to_article(item, ids))
    work = ClusterExecutor(client, settings)
    annotated, failed = work.annotate_batch(articles)
    skipped.extend(failed)
    by_id = {a.id: a for a in annotated}
    position = {a.id: n for n, a in enumerate(annotated)}
    stories = group(annotated)
    results = work.run_stories([(s, [by_id[aid] for aid in s.articles]) for s in stories])
    finished = []
    for story, members, fails in results:
        by_id.update({a.id: a for a in members})
        finished.append(story)
        skipped.extend(fails)
    return Report(
        articles=tuple(by_id[a.id] for a in annotated),
        skipped=tuple(skipped),
        stories=tuple(in_order(s, by_id, position) for s in finished),
        settings=settings.to_dict(),
    )


class ClusterExecutor:
    """A pipeline's work sent to a Dask cluster (``consilience.pipeline.Executor``): the
    per-article stages in chunks of ``CHUNK`` articles, the story stages one task per story,
    largest first. Results come back in the order given."""

    def __init__(self, client, settings: Settings) -> None:  # noqa: ANN001
        self.client = client
        self.settings = settings.with_(workers=1, progress=False)  # no processes in processes

    def annotate_batch(self, articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
        chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
        done = self.client.gather(
            self.client.map(_annotate, chunks, settings=self.settings, pure=False))
        kept: list[Article] = []
        failed: list[Skipped] = []
        for some, fails in done:
            kept.extend(some)
            failed.extend(fails)
        return kept, failed

    def run_stories(
        self, tasks: Sequence[tuple[Story, Sequence[Article]]]
    ) -> list[tuple[Story, list[Article], list[Skipped]]]:
        order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i][0].articles))
        results = self.client.gather(self.client.map(
            _story, [tasks[i] for i in order], settings=self.settings, pure=False))
        out: list = [None] * len(tasks)
        for i, result in zip(order, results, strict=True):
            out[i] = result
        return out


def _pipeline(settings: Settings):  # noqa: ANN202
    """This worker process's pipeline for ``settings``, initialised on first use."""
    from ..pipeline import Pipeline

    key = repr(settings)
    found = _PIPELINES.get(key)
    if found is None:
        found = _PIPELINES[key] = Pipeline(settings).initialize()
    return found


def _annotate(chunk: Sequence[Article], settings: Settings) -> tuple[list[Article], list[Skipped]]:
    """A task: the per-article stages over ``chunk``; returns the articles and the failures."""
    failed: list[Skipped] = []
    kept = _pipeline(settings).annotate(list(chunk), failed)
    return kept, failed


def _story(
    task: tuple[Story, Sequence[Article]], settings: Settings
) -> tuple[Story, list[Article], list[Skipped]]:
    """A task: the story stages over one story; returns the story, its articles as the stages
    left them, and the failures."""
    story, members = task
    by_id = {a.id: a for a in members}
    failed: list[Skipped] = []
    done = _pipeline(settings)._story(story, by_id, failed)
    return done, [by_id[aid] for aid in story.articles], failed
