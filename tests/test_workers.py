"""The report does not depend on the number of processes: one run in this process, one in a
pool of two real worker processes, same report."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from consilience.pipeline import CHUNK, LocalExecutor, Pipeline, ProcessPool, chunks
from consilience.report.json import to_dict
from consilience.sample import corpus_files
from consilience.settings import Settings

REFERENCE = date(2026, 11, 22)


def copies(folder: Path, times: int) -> list[str]:
    """The packaged sample corpus copied ``times`` times into ``folder`` (each copy under its
    own names, so each article has its own id): more articles than one chunk."""
    for n in range(times):
        for path in corpus_files():
            shutil.copy(path, folder / f"c{n}-{path.name}")
    return [str(folder)]


def report_with(inputs: list[str], workers: int) -> tuple[dict, set[int]]:
    """The report of ``inputs`` with ``settings.workers = workers`` (a pool from the first
    article), and the worker processes it ran in."""
    settings = Settings(workers=workers, progress=False, reference_date=REFERENCE)
    with LocalExecutor(pool_from=1) as executor:
        report = Pipeline(settings).run(inputs, executor=executor)
    return to_dict(report), executor.worker_pids


def test_chunks_cut_the_articles_in_order_whatever_their_number():
    assert [len(c) for c in chunks(list(range(70)))] == [CHUNK, CHUNK, 70 - 2 * CHUNK]  # type: ignore[arg-type]
    assert chunks([]) == []


def test_the_report_is_the_same_with_one_process_and_with_two(tmp_path):
    inputs = copies(tmp_path, 6)
    one, none = report_with(inputs, 1)
    two, pids = report_with(inputs, 2)
    assert none == set()  # one worker: no pool, everything in this process
    assert len(pids) == 2 and os.getpid() not in pids  # two real worker processes
    assert len(one["articles"]) > CHUNK  # several chunks went to the workers
    assert "workers" not in one["settings"]  # how fast a run goes is not what it reports
    del one["created"], two["created"]  # when each report was made
    assert one == two


def _starts_from_the_server_models(_: int) -> bool:
    """In a pool's worker: whether its pipeline's models are those the server process loaded
    before forking it (the same objects, not copies loaded again)."""
    from consilience import pipeline, preload

    assert preload.SHARED is not None and pipeline._WORKER is not None
    mine, server = pipeline._WORKER.resources, preload.SHARED
    return (
        mine.english() is server.english()
        and mine.parser() is server.parser()
        and mine.encoder() is server.encoder()
        and mine.detector() is server.detector()
    )


def test_the_workers_share_the_models_their_server_loaded_once():
    settings = Settings(workers=2, progress=False, reference_date=REFERENCE)
    pool = ProcessPool(Pipeline(settings), 2)
    try:
        shared = list(pool.executor.map(_starts_from_the_server_models, range(4)))
    finally:
        pool.close(failed=False)
    assert shared == [True] * 4


@pytest.mark.parametrize("pack_from", [10**9, 1])  # never packed; packed from the first
def test_the_first_stages_in_the_helper_process_give_the_same_report(
    tmp_path, monkeypatch, pack_from
):
    """When a pool starts the server its workers are forked from, cleaning and language run
    in a helper process while the server loads the models (``pipeline.Prepared``); the report
    is the one a single process makes, whether the helper sends its chunks back packed (a
    large run, ``pipeline.PACK_FROM``) or not."""
    import json

    from consilience import pipeline

    inputs = copies(tmp_path, 6)
    one, _ = report_with(inputs, 1)
    started: list[tuple[bool, bool]] = []
    start = pipeline.Prepared.start

    def recorded(pipe: Pipeline, work: list, packed: bool = False) -> pipeline.Prepared | None:
        prepared = start(pipe, work, packed)
        started.append((prepared is not None, packed))
        return prepared

    # as if no pool of this process had started the server yet (it may run already)
    monkeypatch.setattr(pipeline, "_SERVER_STARTED", False)
    monkeypatch.setattr(pipeline.Prepared, "start", staticmethod(recorded))
    monkeypatch.setattr(pipeline, "PACK_FROM", pack_from)
    two, pids = report_with(inputs, 2)
    assert started == [(True, pack_from == 1)] and len(pids) == 2
    del one["created"], two["created"]
    assert one == json.loads(json.dumps(two, default=list))


def test_a_large_run_holds_its_articles_packed_and_writes_the_same_reports(tmp_path, monkeypatch):
    import json

    from consilience import pipeline
    from consilience.model import Article, Articles
    from consilience.report.json import Made
    from consilience.report.render import render

    inputs = copies(tmp_path, 2)
    settings = Settings(workers=2, progress=False, reference_date=REFERENCE)
    reports = {}
    for pack_from in (10**9, 1):  # never packed; packed from the first article
        monkeypatch.setattr(pipeline, "PACK_FROM", pack_from)
        with LocalExecutor(pool_from=1) as executor:
            reports[pack_from] = Pipeline(settings).run(inputs, executor=executor)
    plain, packed = reports[10**9], reports[1]
    assert isinstance(plain.articles, tuple)
    assert isinstance(packed.articles, Articles) and packed.articles.packed
    assert packed.articles.ids == tuple(a.id for a in plain.articles)
    assert all(isinstance(a, Article) for a in packed.articles)
    assert packed.articles == plain.articles and plain == packed  # the same articles, unpacked
    assert packed.articles[1:3] == plain.articles[1:3]
    dicts = [to_dict(plain), to_dict(packed)]
    assert isinstance(dicts[1]["articles"], Made) and len(dicts[1]["articles"]) == len(
        plain.articles
    )
    assert isinstance(dicts[1]["stories"], Made)
    assert dicts[1]["articles"].ids == packed.articles.ids
    dicts[1]["created"] = dicts[0]["created"]
    written = []
    for n, d in enumerate(dicts):
        render(d, ("json", "md", "html"), tmp_path / f"out{n}")
        written.append(
            {f: (tmp_path / f"out{n}" / f).read_text("utf-8") for f in ("report.md", "report.html")}
        )
        written[-1]["json"] = json.loads((tmp_path / f"out{n}" / "report.json").read_text("utf-8"))
    assert written[0] == written[1]
    assert written[1]["json"]["articles"] == [dict(a) for a in dicts[1]["articles"]]
