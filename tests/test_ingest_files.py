"""Inputs as named: folders, missing paths, unsupported files, stdin, gzip and the size limit."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from consilience.ingest import read_bytes, read_inputs
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()


def texts(items: list[RawDoc | Skipped]) -> list[tuple[str, str]]:
    return [(i.source.path, i.text if isinstance(i, RawDoc) else i.code) for i in items]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_walked_recursively_in_name_order(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "B")
    write(root / "a" / "z.md", "AZ")
    write(root / "a" / "c" / "d.txt", "ACD")
    write(root / "a.txt", "A")
    (root / "c.txt.gz").write_bytes(gzip.compress(b"C"))
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "notes.txt", "hidden folder")
    write(root / "photo.png", "not read")
    write(root / "README", "no extension")
    write(root / "b.meta.json", '{"title": "Bee"}')
    got = list(read_inputs([root], SETTINGS))
    assert texts(got) == [
        (str(root / "a" / "c" / "d.txt"), "ACD"),
        (str(root / "a" / "z.md"), "AZ"),
        (str(root / "a.txt"), "A"),
        (str(root / "b.txt"), "B"),
        (str(root / "c.txt.gz"), "C"),
    ]
    assert got[3].title == "Bee"


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    one, two = write(tmp_path / "z.txt", "Z"), write(tmp_path / "a.txt", "A")
    assert texts(list(read_inputs([one, str(two)], SETTINGS))) == [(str(one), "Z"), (str(two), "A")]


def test_one_path_given_alone(tmp_path: Path) -> None:
    one = write(tmp_path / "z.txt", "Z")
    assert texts(list(read_inputs(one, SETTINGS))) == [(str(one), "Z")]


def test_missing_path_and_good_neighbours(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Fine.")
    missing = tmp_path / "nope.txt"
    assert list(read_inputs([missing, good], SETTINGS)) == [
        Skipped(SourceRef(str(missing)), "no such file or folder", "not_found"),
        RawDoc(source=SourceRef(str(good)), kind="txt", text="Fine."),
    ]


def test_unsupported_file_named_directly(tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    archive = write(tmp_path / "bundle.tar.gz", "x")
    assert list(read_inputs([image, archive], SETTINGS)) == [
        Skipped(
            SourceRef(str(image)),
            ".png files are not supported: consilience reads text, HTML, JSON, JSON lines"
            " and RSS/Atom feeds, optionally gzipped",
            "unsupported",
        ),
        Skipped(
            SourceRef(str(archive)),
            ".tar files are not supported: consilience reads text, HTML, JSON, JSON lines"
            " and RSS/Atom feeds, optionally gzipped",
            "unsupported",
        ),
    ]


def test_file_with_unknown_extension_named_directly_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.log", '{"text": "Logged."}')
    assert texts(list(read_inputs([path], SETTINGS))) == [(str(path), "Logged.")]


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "x.csv", "a,b")
    assert list(read_inputs([tmp_path], SETTINGS)) == [
        Skipped(
            SourceRef(str(tmp_path)),
            "folder holds no article files (looked for .atom .feed .htm .html .json .jsonl .md"
            " .ndjson .rss .text .txt .xhtml .xml, optionally .gz)",
            "empty",
        )
    ]


def test_symlink_loop_ends(tmp_path: Path) -> None:
    write(tmp_path / "a" / "x.txt", "X")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert texts(list(read_inputs([tmp_path], SETTINGS))) == [(str(tmp_path / "a" / "x.txt"), "X")]


def test_gzip_is_read_by_its_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"  # no .gz in the name
    path.write_bytes(gzip.compress(b'{"text": "Zipped one."}\n{"text": "Zipped two."}\n'))
    assert texts(list(read_inputs([path], SETTINGS))) == [
        (str(path), "Zipped one."),
        (str(path), "Zipped two."),
    ]


def test_truncated_gzip_among_good_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Good before."))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"Cut short, " * 50)[:30])
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"Good after."))
    assert list(read_inputs([tmp_path], SETTINGS))[1:] == [
        Skipped(
            SourceRef(str(tmp_path / "b.txt.gz")),
            "gzip stream is truncated or corrupt: Compressed file ended before the "
            "end-of-stream marker was reached",
            "truncated_gzip",
        ),
        RawDoc(source=SourceRef(str(tmp_path / "c.txt.gz")), kind="txt", text="Good after."),
    ]


def test_corrupt_gzip() -> None:
    data = bytearray(gzip.compress(b"Some text to compress. " * 20))
    data[-8] ^= 0xFF  # the CRC no longer matches
    [item] = read_bytes(bytes(data), SourceRef("c.gz"), SETTINGS, "c.gz")
    assert item.code == "truncated_gzip"
    assert item.reason.startswith("gzip stream is truncated or corrupt: CRC check failed")


def test_oversized_file_among_good_files(tmp_path: Path) -> None:
    small = Settings(max_bytes=20)
    big = write(tmp_path / "big.txt", "x" * 21)
    fits = write(tmp_path / "fits.txt", "y" * 20)
    assert list(read_inputs([big, fits], small)) == [
        Skipped(
            SourceRef(str(big)), "file is larger than the 20-byte limit (max_bytes)", "too_large"
        ),
        RawDoc(source=SourceRef(str(fits)), kind="txt", text="y" * 20),
    ]


def test_limit_applies_to_decompressed_size_without_decompressing_it_all(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))  # about 5 KB on disk
    assert list(read_inputs([bomb], Settings(max_bytes=1000))) == [
        Skipped(
            SourceRef(str(bomb)),
            "file is larger than the 1000-byte limit (max_bytes) once decompressed",
            "too_large",
        )
    ]


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"text": "From a pipe.", "title": "Pipe"}'))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert list(read_inputs(["-"], SETTINGS)) == [
        RawDoc(source=SourceRef("-"), kind="json", text="From a pipe.", title="Pipe")
    ]


def test_stdin_bytes_are_sniffed_without_a_name() -> None:
    data = gzip.compress(
        b"<rss><channel><item><description>Piped.</description></item></channel></rss>"
    )
    assert list(read_bytes(data, SourceRef("-"), SETTINGS)) == [
        RawDoc(source=SourceRef("-", entry=0), kind="rss", text="Piped.")
    ]


def test_stdin_reasons_name_standard_input() -> None:
    assert list(read_bytes(b"", SourceRef("-"), SETTINGS)) == [
        Skipped(SourceRef("-"), "standard input is empty (0 bytes)", "empty")
    ]
