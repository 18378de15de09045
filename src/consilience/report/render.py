"""Writes a report in the formats asked for: ``report.json`` (the contract), ``report.md`` (a
briefing to read) and ``report.html`` (one self-contained page). The set is written at once:
every file goes to a temporary folder inside the report folder, then all are renamed into place
with Ctrl-C (SIGINT) and SIGTERM held back, so readers, and an interrupted run, see the previous
set or the whole new one, never a mix. Files are written with the user's umask.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from json.encoder import encode_basestring as _string  # the C function where there is one
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.process import BaseProcess

from ..errors import OutputError, UsageError

# Temporary folders of a set being written: ``.consilience-writing-<pid>-<n>`` in the report
# folder. One left by a process that no longer runs (kill -9) is removed by the next write.
TEMP_PREFIX = ".consilience-writing-"
# Files left by earlier versions, which wrote each file beside its name (``.report.json.x.part``)
# and are removed once this old.
STALE_PART_S = 3600
WRITE_CHARS = 1 << 20  # pieces of a report joined and written about a million characters at a time

FORMATS: tuple[str, ...] = ("json", "md", "html", "geojson")
DEFAULT_FORMATS: tuple[str, ...] = ("json", "md", "html")
FILE_NAMES = {
    "json": "report.json",
    "md": "report.md",
    "html": "report.html",
    "geojson": "places.geojson",
}


def _json(report: dict) -> Iterator[str]:
    """The JSON text in pieces, written as they come (the whole text, and the list of its
    pieces, would cost the run's process a few hundred MB per 10,000 articles): exactly what
    ``json.dumps(report, ensure_ascii=False, indent=1)`` writes, byte for byte, made by
    ``_value`` (a function that appends to a list, about three times faster than the json
    module's pure-Python generators, which an indented text takes: its C encoder writes no
    indent), one item of each top-level list (or sequence: a large run's ``report.json.Made``) at
    a time."""
    if not isinstance(report, dict) or not report:
        out: list[str] = []
        _value(report, 0, out)
        yield "".join(out)
        return
    first = True
    for key, value in report.items():
        yield ("{\n " if first else ",\n ") + _string(_key(key)) + ": "
        first = False
        if not isinstance(value, Sequence) or isinstance(value, str) or not value:
            out = []
            _value(value, 1, out)
            yield "".join(out)
            continue
        out = ["[\n  "]
        for n, item in enumerate(value):
            if n:
                out.append(",\n  ")
            _value(item, 2, out)
            if len(out) >= 8192:
                yield "".join(out)
                out.clear()
        out.append("\n ]")
        yield "".join(out)
    yield "\n}"


_float = float.__repr__
_int = int.__repr__


def _floatstr(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return _float(o)


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _floatstr(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return _int(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _value(o: object, level: int, out: list[str]) -> None:
    """Append the pieces of ``o`` at indent ``level`` to ``out``: what
    ``json.JSONEncoder(ensure_ascii=False, indent=1)`` writes for it."""
    if isinstance(o, str):
        out.append(_string(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(_int(o))
    elif isinstance(o, float):
        out.append(_floatstr(o))
    elif isinstance(o, list | tuple):
        if not o:
            out.append("[]")
            return
        inner = "\n" + " " * (level + 1)
        sep = "," + inner
        out.append("[" + inner)
        first = True
        for item in o:
            if first:
                first = False
            else:
                out.append(sep)
            _value(item, level + 1, out)
        out.append("\n" + " " * level + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = "\n" + " " * (level + 1)
        sep = "," + inner
        out.append("{" + inner)
        first = True
        for key, item in o.items():
            if first:
                first = False
            else:
                out.append(sep)
            out.append(_string(_key(key)))
            out.append(": ")
            _value(item, level + 1, out)
        out.append("\n" + " " * level + "}")
    else:
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _md(report: dict) -> str:
    from .markdown import render_markdown

    return render_markdown(report)


def _html(report: dict) -> Iterator[str]:
    from .html import html_pieces

    return html_pieces(report)


def _geojson(report: dict) -> str:
    """The places of every story as one GeoJSON FeatureCollection (RFC 7946): a Point per
    geocoded entity, with its story, names and GeoNames id."""
    from ..resolve.geo import geojson_features

    features = []
    for story in report.get("stories", []):
        features += geojson_features(story.get("entities", []), story=story["id"])
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
    )


# A renderer returns the file's text, or its pieces in order.
RENDERERS: dict[str, Callable[[dict], str | Iterable[str]]] = {
    "json": _json,
    "md": _md,
    "html": _html,
    "geojson": _geojson,
}


def parse_formats(value: str | Sequence[str]) -> tuple[str, ...]:
    """Return the formats named in ``"json,md,html"`` (or a sequence), in order, each once.

    Raises UsageError naming the unknown format and the known ones.
    """
    names = value.split(",") if isinstance(value, str) else list(value)
    out: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        if name == "markdown":
            name = "md"
        if not name:
            continue
        if name not in RENDERERS:
            raise UsageError(
                f"unknown report format {raw.strip()!r}: choose from {', '.join(FORMATS)}"
            )
        if name not in out:
            out.append(name)
    if not out:
        raise UsageError(f"no report format given: choose from {', '.join(FORMATS)}")
    return tuple(out)


def render(report_dict: dict, formats: Sequence[str], out_dir: str | os.PathLike) -> list[Path]:
    """Write ``out_dir/report.<format>`` for each format and return the paths written, in the
    order of ``formats``. Each file is rendered as it is written to the temporary folder (one
    rendered text in memory at a time), and the set is swapped in at once (``write_set``): a
    renderer that fails, an error or Ctrl-C leave the previous reports as they were. The HTML
    page of a report held whole (not a large run's, made one item at a time) is rendered in a
    process of its own beside the others (``write_set``'s ``aside``)."""
    chosen = parse_formats(formats)
    contents = [(FILE_NAMES[f], partial(RENDERERS[f], report_dict)) for f in chosen]
    whole = isinstance(report_dict.get("articles"), list)
    aside = FILE_NAMES["html"] if whole and "html" in chosen and len(chosen) > 1 else None
    return write_set(Path(out_dir), contents, aside=aside)


class ReportsWritten(KeyboardInterrupt):  # noqa: N818 - it is what happened
    """Ctrl-C came while the report set was being renamed into place: the rename was finished
    first, so the whole new set is written (``paths``); the run is interrupted all the same."""

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__(f"the report was written first: {', '.join(map(str, paths))}")
        self.paths = list(paths)


def prepare(out_dir: str | os.PathLike) -> Path:
    """Make sure reports can be written to ``out_dir`` before a run spends time on them: the
    folder is created when absent and a temporary folder is made and removed in it. Raises
    OutputError naming the folder and the reason."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write the report to {out}: it is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        _temp_folder(out).rmdir()
    except OSError as exc:
        raise OutputError(f"cannot write the report to {out}: {exc.strerror or exc}") from exc
    return out


def write_set(
    out: Path,
    contents: Sequence[tuple[str, str | Callable[[], str | Iterable[str]]]],
    aside: str | None = None,
) -> list[Path]:
    """Write each (file name, text) of ``contents`` into ``out`` as one set (a text may be a
    function that returns it, or its pieces, called when its file is written): all files to a
    temporary folder in ``out``, then each renamed into place with SIGINT and SIGTERM held
    back until the last rename is done. The file named ``aside`` is written by a process
    forked for it while this one writes the others (``_Aside``; here too where forking is not
    possible). Raises OutputError when ``out`` cannot take them (the previous files
    untouched), and ReportsWritten when Ctrl-C came during the renames."""
    prepare(out)
    remove_stale(out)
    for name, _ in contents:
        if (out / name).is_dir():
            raise OutputError(f"cannot write the report to {out}: {out / name} is a folder")
    tmp = _temp_folder(out)
    paths = [out / name for name, _ in contents]
    swapped = False
    helper: _Aside | None = None
    try:
        try:
            for name, text in contents:
                if name == aside and helper is None:
                    helper = _Aside.start(tmp / name, text)
                    if helper is not None:
                        continue
                _write_file(tmp / name, text)
            if helper is not None:
                helper.wait()
        except OSError as exc:
            raise OutputError(f"cannot write the report to {out}: {exc.strerror or exc}") from exc
        finally:
            if helper is not None:
                helper.stop()
        with _held_signals() as caught:
            for name, _ in contents:
                os.replace(tmp / name, out / name)
            swapped = True
            _sync_folder(out)
            shutil.rmtree(tmp, ignore_errors=True)
    except KeyboardInterrupt:
        if swapped:  # Ctrl-C once the set was in place: it is written all the same
            raise ReportsWritten(paths) from None
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if signal.SIGTERM in caught:
        os.kill(os.getpid(), signal.SIGTERM)
    if signal.SIGINT in caught:
        raise ReportsWritten(paths)
    return paths


def _write_file(path: Path, text: str | Callable[[], str | Iterable[str]]) -> None:
    """Write ``text`` (or what the function ``text`` returns) to ``path``, synced to disk."""
    with open(path, "w", encoding="utf-8") as fh:  # mode 0666 less the umask
        _write(fh, text() if callable(text) else text)
        fh.flush()
        os.fsync(fh.fileno())


class _Aside:
    """One file of a set written by a child process forked for it, while the parent writes
    the others (the HTML page, about 40% of the writing, on a core the run's workers have left
    idle): the child has the report as the parent had it, renders the same text and writes it
    the same way (``_write_file``). It ends with its parent and leaves Ctrl-C to it; a failure
    there (the reason written beside the file) is raised here as the parent's would be."""

    def __init__(self, process: BaseProcess, path: Path) -> None:
        self.process = process
        self.path = path

    @classmethod
    def start(cls, path: Path, text: str | Callable[[], str | Iterable[str]]) -> _Aside | None:
        """The child writing ``text`` to ``path``, started; None where forking is not
        possible (the caller writes the file itself)."""
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        try:
            process = multiprocessing.get_context("fork").Process(
                target=_write_aside, args=(path, text), name="consilience-writer", daemon=True
            )
            process.start()
        except OSError:
            return None
        return cls(process, path)

    def wait(self) -> None:
        """Wait for the child; raise what failed there: an OSError for a file that could not
        be written, a RuntimeError naming any other error."""
        process = self.process
        process.join()
        if process.exitcode == 0:
            return
        failure = _failure_path(self.path)
        try:
            kind, _, reason = failure.read_text("utf-8").partition("\n")
        except OSError:
            kind, reason = "", f"the process writing it ended with {process.exitcode}"
        if kind == "OSError":
            raise OSError(reason)
        raise RuntimeError(f"writing {self.path.name} failed: {reason}")

    def stop(self) -> None:
        """End the child at once if it still runs (an error or Ctrl-C here)."""
        process = self.process
        if process.is_alive():
            process.kill()
            process.join()


def _failure_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.failed")


def _write_aside(path: Path, text: str | Callable[[], str | Iterable[str]]) -> None:
    """In ``_Aside``'s child: write the file; on failure, say why beside it and exit 1."""
    from ..annotate.runner import as_worker

    as_worker(forked=True)
    try:
        _write_file(path, text)
    except BaseException as exc:  # everything is reported to the parent, which raises it
        kind = "OSError" if isinstance(exc, OSError) else type(exc).__name__
        reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        with contextlib.suppress(OSError):
            _failure_path(path).write_text(f"{kind}\n{reason}", "utf-8")
        os._exit(1)


def _write(fh: TextIO, text: str | Iterable[str]) -> None:
    """Write ``text``, or its pieces, joined up to about ``WRITE_CHARS`` characters at a time
    (a piece as long is written alone): never the whole text of a large report in memory."""
    if isinstance(text, str):
        fh.write(text)
        return
    pieces: list[str] = []
    size = 0
    for piece in text:
        if len(piece) >= WRITE_CHARS:
            if pieces:
                fh.write("".join(pieces))
                pieces.clear()
                size = 0
            fh.write(piece)
            continue
        pieces.append(piece)
        size += len(piece)
        if size >= WRITE_CHARS:
            fh.write("".join(pieces))
            pieces.clear()
            size = 0
    fh.write("".join(pieces))


def remove_stale(out: Path) -> list[Path]:
    """Remove what interrupted writes left in ``out``: temporary folders of processes that no
    longer run, and older versions' ``.report.*.part`` files over an hour old. Returns them."""
    removed: list[Path] = []
    try:
        entries = list(out.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if name.startswith(TEMP_PREFIX):
            pid = name[len(TEMP_PREFIX) :].partition("-")[0]
            if pid.isdigit() and not _running(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
        elif name.endswith(".part") and any(name.startswith(f".{n}.") for n in FILE_NAMES.values()):
            try:
                if time.time() - entry.stat().st_mtime > STALE_PART_S:
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _temp_folder(out: Path) -> Path:
    for n in range(1000):
        path = out / f"{TEMP_PREFIX}{os.getpid()}-{threading.get_ident() % 10**6}-{n}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path
    raise OutputError(f"cannot write the report to {out}: too many temporary folders")


def _sync_folder(out: Path) -> None:
    """Make the renames durable (where the system allows opening a folder)."""
    try:
        fd = os.open(out, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _held_signals() -> Iterator[set[int]]:
    """Hold SIGINT and SIGTERM back for the block (in the main thread, where Python handles
    signals): those that arrive are collected in the set yielded, for the caller to act on."""
    caught: set[int] = set()
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def hold(signum: int, frame: object) -> None:
        caught.add(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield caught
    finally:
        for sig, handler in previous.items():
            if handler is not None:
                signal.signal(sig, handler)
