"""Bytes that are not article text: empty, binary, undecodable; and the encodings that are read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from consilience.ingest import read_bytes, read_inputs
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()
CP1252_TEXT = "Le café d’été coûte 2 € de plus à la terrasse, disait-il."


def one(data: bytes, name: str = "x.txt") -> RawDoc | Skipped:
    [item] = read_bytes(data, SourceRef(name), SETTINGS, name)
    return item


@pytest.mark.parametrize(
    ("data", "reason", "code"),
    [
        (b"", "file is empty (0 bytes)", "empty"),
        (b" \n\t\r\n  ", "file holds only whitespace", "empty"),
        (codecs.BOM_UTF8 + b"\n\n", "file holds only whitespace", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary (PNG image), not text", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3", "file is binary (PDF document), not text", "binary"),
        (
            b"PK\x03\x04\x14\x00",
            "file is binary (ZIP archive or Office document), not text",
            "binary",
        ),
        (b"Some text\x00with a NUL", "file is binary (it contains NUL bytes), not text", "binary"),
        (
            codecs.BOM_UTF8 + b"Text\x00",
            "file is binary (it contains NUL characters), not text",
            "binary",
        ),
        (
            b"\x01\x02\x03\x04abcdefghijklmnop",
            "file is binary (20% of its first bytes are control characters), not text",
            "binary",
        ),
        (
            "Привет, как дела? Всё хорошо.".encode("cp1251"),
            "file is not valid UTF-8 (byte 0xcf at offset 0: invalid continuation byte), it "
            "declares no charset, and it does not read as Windows-1252 text",
            "undecodable",
        ),
        (
            b"caf\xe9 \x81 ok",
            "file is not valid UTF-8 (byte 0xe9 at offset 3: invalid continuation byte), it "
            "declares no charset, and it does not read as Windows-1252 text",
            "undecodable",
        ),
        (
            codecs.BOM_UTF16_LE + b"a\x00\x00\xd8",
            "file starts with a UTF-16 byte-order mark but is not valid UTF-16: unexpected end "
            "of data at offset 2",
            "undecodable",
        ),
    ],
)
def test_unreadable_bytes(tmp_path: Path, data: bytes, reason: str, code: str) -> None:
    bad = tmp_path / "b.txt"
    bad.write_bytes(data)
    good = tmp_path / "c.txt"
    good.write_text("Readable.")
    assert list(read_inputs([tmp_path], SETTINGS)) == [
        Skipped(SourceRef(str(bad)), reason, code),
        RawDoc(source=SourceRef(str(good)), kind="txt", text="Readable."),
    ]


def test_declared_charset_that_does_not_decode() -> None:
    data = b'<?xml version="1.0" encoding="utf-8"?>\n' + "Привет".encode("cp1251") * 5
    assert one(data, "x.xml") == Skipped(
        SourceRef("x.xml"),
        "file is not valid UTF-8 (byte 0xcf at offset 39: invalid continuation byte), its "
        "declared charset utf-8 does not decode it, and it does not read as Windows-1252 text",
        "undecodable",
    )


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (codecs.BOM_UTF8 + "Grüße aus Köln".encode(), "Grüße aus Köln"),
        ("\ufeffNaïve café".encode("utf-16-le"), "Naïve café"),
        ("\ufeffNaïve café".encode("utf-16-be"), "Naïve café"),
        ("\ufeffNaïve café".encode("utf-32-le"), "Naïve café"),
        (CP1252_TEXT.encode("cp1252"), CP1252_TEXT),
    ],
)
def test_encodings_read_as_text(data: bytes, text: str) -> None:
    assert one(data) == RawDoc(source=SourceRef("x.txt"), kind="txt", text=text)


def test_declared_charset_decodes_a_feed() -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss><channel><item>'
        "<description>Новости дня</description></item></channel></rss>"
    )
    item = one(feed.encode("cp1251"), "n.xml")
    assert (item.kind, item.text) == ("rss", "Новости дня")


def test_declared_latin1_is_read_as_windows_1252() -> None:
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item>'
        "<description>“Quoted” text</description></item></channel></rss>"
    )
    item = one(feed.encode("cp1252"), "n.xml")
    assert item.text == "“Quoted” text"
