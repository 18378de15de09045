"""The pipeline on a real Dask cluster (a scheduler and worker processes on loopback): the
report is the one a local run gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REFERENCE, SEEDS

from consilience.errors import ResourceError, UsageError
from consilience.pipeline import Pipeline, analyze
from consilience.report.json import to_dict
from consilience.sample import corpus_files
from consilience.settings import Settings

distributed = pytest.importorskip(
    "distributed", reason="Dask's distributed is not installed (pip install 'consilience[cluster]')"
)

SETTINGS = Settings(reference_date=REFERENCE, progress=False)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes and their scheduler, on 127.0.0.1, for the module's tests."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as running:
        yield running


def inputs(tmp_path: Path) -> list[str]:
    bad = tmp_path / "broken.json"
    bad.write_text('{"title": "no closing brace"', encoding="utf-8")
    out = [str(p) for p in corpus_files()] + [str(bad)]
    if SEEDS.exists():
        out.append(str(SEEDS))
    return out


def test_the_cluster_gives_the_report_of_a_local_run(cluster, tmp_path):
    from consilience.cluster import ClusterExecutor

    paths = inputs(tmp_path)
    local = to_dict(analyze(paths, settings=SETTINGS))
    with distributed.Client(cluster.scheduler_address) as client:
        report = Pipeline(SETTINGS).run(paths, executor=ClusterExecutor(client))
    remote = to_dict(report)
    assert remote["articles"] == local["articles"]
    assert remote["stories"] == local["stories"]
    assert sorted(map(json.dumps, remote["skipped"])) == sorted(map(json.dumps, local["skipped"]))
    assert [s["source"]["path"] for s in remote["skipped"]] == [str(tmp_path / "broken.json")]
    # the work did run on the workers: each built the run's pipeline once and kept it
    with distributed.Client(cluster.scheduler_address) as client:
        counts = client.run(_pipelines_built)
    assert sorted(counts.values()) == [1, 1]


def _pipelines_built(dask_worker) -> int:  # noqa: ANN001 - Dask passes the worker by this name
    from consilience.cluster.worker import PLUGIN

    return dask_worker.plugins[PLUGIN].built


def test_a_wrong_address_is_said_plainly():
    from consilience.cluster import analyze_on_cluster

    with pytest.raises(UsageError, match="local:N with N a positive number"):
        analyze_on_cluster([], SETTINGS, "local:none")
    with pytest.raises(ResourceError, match="no Dask scheduler answers there"):
        analyze_on_cluster([], SETTINGS, "tcp://127.0.0.1:9")


def test_cli_runs_on_a_local_cluster(tmp_path, capsys):
    from consilience.cli import main

    out = tmp_path / "out"
    files = [str(p) for p in corpus_files()][:2]
    code = main(
        [
            "analyze",
            *files,
            "--cluster",
            "local:1",
            "--out",
            str(out),
            "--format",
            "json",
            "--reference-date",
            "2026-11-22",
            "--no-progress",
        ]
    )
    assert code == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    local = to_dict(analyze(files, settings=SETTINGS))
    assert [a["id"] for a in report["articles"]] == [a["id"] for a in local["articles"]]
    db = tmp_path / "news.db"
    assert (
        main(
            [
                "analyze",
                *files,
                "--cluster",
                "local:1",
                "--into",
                str(db),
                "--out",
                str(out),
                "--format",
                "json",
                "--reference-date",
                "2026-11-22",
                "--no-progress",
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert f"store {db}: {len(local['articles'])} article(s) added, 0 already stored" in said


def test_a_store_filled_on_the_cluster_gives_the_report_of_one_local_run(cluster, tmp_path):
    from consilience.cluster import ClusterExecutor
    from consilience.store import Store

    paths = inputs(tmp_path)
    local = to_dict(analyze(paths, settings=SETTINGS))
    db = tmp_path / "news.db"
    with distributed.Client(cluster.scheduler_address) as client:
        executor = ClusterExecutor(client)
        with Store(db, SETTINGS) as store:
            Pipeline(SETTINGS).run(paths[:3], executor=executor, store=store)
        with Store(db, SETTINGS) as store:
            both = to_dict(Pipeline(SETTINGS).run(paths[3:], executor=executor, store=store))
            added = [r["added"] for r in store.runs()]
    assert min(added) > 0 and sum(added) == len(local["articles"])
    assert both["articles"] == local["articles"]
    assert both["stories"] == local["stories"]
    assert sorted(map(json.dumps, both["skipped"])) == sorted(map(json.dumps, local["skipped"]))
