"""Inputs as the user names them: files, folders (walked recursively) and ``-`` for stdin."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import RawDoc, Skipped, SourceRef
from ..settings import Settings
from .dispatch import read_stream
from .meta import Meta, meta_from
from .payload import decode, load
from .records import json_type, parse_json
from .sniff import ARTICLE_EXTS, extension

SIDECAR_SUFFIX = ".meta.json"

# Extensions that are never articles: read only when named, and then only to say so.
UNSUPPORTED_EXTS = frozenset(
    (
        ".png .jpg .jpeg .gif .bmp .webp .tif .tiff .ico .svg .heic .avif .psd "
        ".zip .tar .tgz .bz2 .tbz2 .xz .txz .zst .7z .rar .lz .lz4 .lzma .z .cab .iso .dmg "
        ".pdf .doc .docx .odt .rtf .xls .xlsx .ods .csv .tsv .ppt .pptx .odp .epub .mobi "
        ".mp3 .wav .ogg .oga .flac .m4a .aac .mp4 .m4v .mkv .avi .mov .webm .wmv "
        ".exe .dll .so .dylib .bin .o .a .class .jar .pyc .whl .deb .rpm .apk .wasm "
        ".ttf .otf .woff .woff2 .eot .sqlite .db .parquet .arrow .feather .npy .npz .pkl "
        ".pickle .h5 .hdf5 .css .js .py"
    ).split()
)
_SUPPORTED = "text, HTML, JSON, JSON lines and RSS/Atom feeds, optionally gzipped"


def read_inputs(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    settings: Settings,
    exclude: Iterable[str | os.PathLike] = (),
) -> Iterator[RawDoc | Skipped]:
    """Yield, in input order, a ``RawDoc`` for every article found in ``inputs`` (files, folders
    walked recursively in name order, ``-`` for stdin) and a ``Skipped`` for every input, JSON
    line, feed entry or sidecar that cannot be read. Never raises for bad input.

    Folders in ``exclude`` (the run's report folder) are not entered when met inside a folder
    walked (``inside`` tells whether that happens); named themselves, they are read."""
    if isinstance(inputs, str | bytes | os.PathLike):
        inputs = [inputs]  # one path, not an iterable of characters
    skip = frozenset(os.path.realpath(os.fspath(p)) for p in exclude)
    for item in inputs:
        yield from _read_input(os.fsdecode(os.fspath(item)), settings, skip)


def inside(folder: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> list[str]:
    """The ``inputs`` that are folders holding ``folder`` (at any depth, or ``folder`` itself):
    walking them would meet it."""
    real = os.path.realpath(os.fspath(folder))
    found = []
    for item in inputs:
        name = os.fsdecode(os.fspath(item))
        if name == "-" or not os.path.isdir(name):
            continue
        top = os.path.realpath(name)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            found.append(name)
    return found


def _read_input(
    name: str, settings: Settings, exclude: frozenset[str] = frozenset()
) -> Iterator[RawDoc | Skipped]:
    if name == "-":
        yield from _read_stdin(settings)
        return
    source = SourceRef(name)
    try:
        mode = os.stat(name).st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield Skipped(source, "no such file or folder", "not_found")
        return
    except OSError as e:
        yield Skipped(source, f"file cannot be read: {e.strerror or e}", "unreadable")
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(name, settings, exclude)
        return
    if not stat.S_ISREG(mode):
        # a named pipe or a device would block the run or never end: '-' reads a pipe
        yield Skipped(
            source, f"{_special(mode)}, not a file (pipe text in with '-')", "unsupported"
        )
        return
    ext = extension(name)
    if ext in UNSUPPORTED_EXTS:
        yield Skipped(
            source, f"{ext} files are not supported: consilience reads {_SUPPORTED}", "unsupported"
        )
        return
    yield from read_file(name, settings)


def _read_stdin(settings: Settings) -> Iterator[RawDoc | Skipped]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Skipped(SourceRef("-"), "standard input is not available", "unreadable")
        return
    yield from read_stream(stream, SourceRef("-"), settings)


def read_file(name: str, settings: Settings) -> Iterator[RawDoc | Skipped]:
    """Yield the articles of one file, with its sidecar metadata applied (and a ``Skipped`` for a
    sidecar that cannot be read)."""
    sidecar: Meta | None = None
    for candidate in sidecar_names(name):
        if os.path.isfile(candidate):
            try:
                sidecar = read_sidecar(candidate, settings)
            except InputError as e:
                yield Skipped(SourceRef(candidate), e.reason, e.code)
            break
    try:
        stream = open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        yield Skipped(SourceRef(name), f"file cannot be read: {e.strerror or e}", "unreadable")
        return
    with stream:
        yield from read_stream(stream, SourceRef(name), settings, name, sidecar)


def sidecar_names(name: str) -> list[str]:
    """Return the sidecar files that may hold metadata for ``name``, most specific first:
    ``a.txt.gz`` -> ``a.txt.gz.meta.json``, ``a.txt.meta.json``, ``a.meta.json``."""
    found = [name + SIDECAR_SUFFIX]
    base = name[:-3] if name.lower().endswith(".gz") else name
    found.append(base + SIDECAR_SUFFIX)
    head, tail = os.path.split(base)
    if tail.rfind(".") > 0:
        found.append(os.path.join(head, tail[: tail.rfind(".")]) + SIDECAR_SUFFIX)
    return [n for i, n in enumerate(found) if n != name and n not in found[:i]]


def read_sidecar(name: str, settings: Settings) -> Meta:
    """Return the metadata in a sidecar JSON file; raise ``InputError`` when it is unreadable."""
    try:
        with open(name, "rb") as f:
            text = decode(
                load(f, settings.max_bytes, "sidecar metadata file"), "sidecar metadata file"
            )
    except OSError as e:
        raise InputError(
            f"sidecar metadata file cannot be read: {e.strerror or e}", "unreadable"
        ) from e
    try:
        value = parse_json(text)
    except ValueError as e:
        raise InputError(f"sidecar metadata file is not valid JSON: {e}", "malformed") from e
    if not isinstance(value, dict):
        raise InputError(
            f"sidecar metadata file holds {json_type(value)}, not an object", "not_an_object"
        )
    return meta_from(value)


def _read_folder(
    root: str, settings: Settings, exclude: frozenset[str] = frozenset()
) -> Iterator[RawDoc | Skipped]:
    found = list(walk_folder(root, {os.path.realpath(root), *exclude}))
    if not found:
        exts = " ".join(sorted(ARTICLE_EXTS))
        yield Skipped(
            SourceRef(root),
            f"folder holds no article files (looked for {exts}, optionally .gz)",
            "empty",
        )
    for item in found:
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_file(item, settings)


def walk_folder(folder: str, seen: set[str]) -> Iterator[str | Skipped]:
    """Yield the article files under ``folder`` depth-first, entries in name order (hidden
    entries, sidecars and other extensions left out), or a ``Skipped`` for a folder that cannot
    be listed. ``seen`` holds the real paths of folders visited (so symlink loops end) and of
    folders never to enter (the run's report folder)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Skipped(SourceRef(folder), f"folder cannot be read: {e.strerror or e}", "unreadable")
        return
    articles = {e.name for e in entries if _is_article(e.name) and _is_file(e)}
    sidecars = {s for n in articles for s in sidecar_names(n)}
    for entry in entries:
        path = os.path.join(folder, entry.name)
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield from walk_folder(path, seen)
        elif entry.name in articles and entry.name not in sidecars:
            yield path
        elif _is_article(entry.name) and _is_special(entry):
            yield Skipped(
                SourceRef(path), f"{_special(entry.stat().st_mode)}, not a file", "unsupported"
            )


def _special(mode: int) -> str:
    """Name what a path that is neither a file nor a folder is."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _is_special(entry: os.DirEntry) -> bool:
    """A named pipe, socket or device (followed through links): never read, always reported."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _is_article(name: str) -> bool:
    return not name.startswith(".") and extension(name) in ARTICLE_EXTS


def _is_file(entry: os.DirEntry) -> bool:
    """Regular files, and broken links (so that reading them reports the break)."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:
        return False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
