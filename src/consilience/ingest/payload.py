"""Turning an input's bytes into text: gzip, the size limit, binary detection and decoding.

Every function here raises ``InputError`` with a stable code and a sentence that names the
problem; the dispatcher turns it into a ``Skipped`` record.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import BinaryIO

from ..errors import InputError

GZIP_MAGIC = b"\x1f\x8b"

# Signatures of common non-text files, so that the reason can name what the file is.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive or Office document"),
    (0, b"PK\x05\x06", "ZIP archive or Office document"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (0, GZIP_MAGIC, "gzip data inside gzip data"),
    (0, b"\x7fELF", "executable program"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media file"),
)
# Signatures found past the start; checked only when the file also holds NUL bytes early on, as
# these formats do, so that text which happens to hold the word is not taken for one.
_MAGIC_AT: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftyp", "MP4 or QuickTime media file"),
    (257, b"ustar", "tar archive"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio file", b"AVI ": "AVI video file"}
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# C0 controls that never occur in text (tab, newlines, form feed, vertical tab are allowed).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_SAMPLE = 65536
_MAX_CONTROL_SHARE = 0.10
# Windows-1252 is accepted as a guess only when most characters are ASCII, as in Western European
# text; text in another 8-bit code page (Cyrillic, Greek ...) would be mostly high bytes.
_MAX_NON_ASCII_SHARE = 0.30

_XML_DECL_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Browsers read these labels as Windows-1252, and so do pages that declare them.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def noun_for(path: str) -> str:
    """Return how reasons name an input: "standard input" for ``-``, else "file"."""
    return "standard input" if path == "-" else "file"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read from ``rest`` before reading on."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def load(stream: BinaryIO, max_bytes: int, noun: str = "file") -> bytes:
    """Return the stream's bytes, gunzipped when they start with the gzip magic.

    Reads at most ``max_bytes + 1`` (decompressed) bytes, so a large file or a gzip bomb costs no
    more than the limit. Raises ``InputError`` (too_large, truncated_gzip).
    """
    head = stream.read(2)
    if head != GZIP_MAGIC:
        data = head + stream.read(max(max_bytes + 1 - len(head), 0))
        if len(data) > max_bytes:
            raise InputError(
                f"{noun} is larger than the {max_bytes}-byte limit (max_bytes)", "too_large"
            )
        return data
    data = _gunzip(_Prefixed(head, stream), max_bytes)
    if len(data) > max_bytes:
        raise InputError(
            f"{noun} is larger than the {max_bytes}-byte limit (max_bytes) once decompressed",
            "too_large",
        )
    return data


def _gunzip(raw: io.RawIOBase, max_bytes: int) -> bytes:
    """Return up to ``max_bytes + 1`` decompressed bytes; raise truncated_gzip on a bad stream."""
    try:
        with gzip.GzipFile(fileobj=io.BufferedReader(raw), mode="rb") as gz:
            return gz.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise InputError(f"gzip stream is truncated or corrupt: {e}", "truncated_gzip") from e


def load_bytes(data: bytes, max_bytes: int, noun: str = "file") -> bytes:
    """``load`` for bytes already in memory."""
    return load(io.BytesIO(data), max_bytes, noun)


def decode(data: bytes, noun: str = "file") -> str:
    """Return the text of ``data`` (without a byte-order mark).

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-8, the charset the bytes
    declare (XML declaration or HTML meta), and Windows-1252 when that decodes cleanly and reads
    like Western text. Raises ``InputError`` (empty, binary, undecodable).
    """
    if not data:
        raise InputError(f"{noun} is empty (0 bytes)", "empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom) :], codec, name, noun)
    check_binary(data, noun)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = f"byte 0x{data[e.start]:02x} at offset {e.start}: {e.reason}"
    return _decode_legacy(data, utf8_error, noun)


def _decode_bom(body: bytes, codec: str, name: str, noun: str) -> str:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{noun} starts with a {name} byte-order mark but is not valid {name}: "
            f"{e.reason} at offset {e.start}",
            "undecodable",
        ) from e
    if "\x00" in text:
        raise InputError(f"{noun} is binary (it contains NUL characters), not text", "binary")
    return text


def _decode_legacy(data: bytes, utf8_error: str, noun: str) -> str:
    declared = declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_western_text(text):
        return text
    said = (
        f"its declared charset {declared} does not decode it"
        if declared
        else ("it declares no charset")
    )
    raise InputError(
        f"{noun} is not valid UTF-8 ({utf8_error}), {said}, "
        "and it does not read as Windows-1252 text",
        "undecodable",
    )


def declared_charset(data: bytes) -> str | None:
    """Return the Python codec name of the charset an XML declaration or HTML meta tag declares
    in the first 4 KB, or None when there is none or Python does not know it."""
    head = data[:4096]
    match = _XML_DECL_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # A declaration found in ASCII-compatible bytes cannot be true of UTF-16/32: ignored.
    if name.startswith(("utf-16", "utf-32")):
        return None
    return _WEB_ALIASES.get(name, name)


def _reads_as_western_text(text: str) -> bool:
    visible = len(text) - sum(text.count(c) for c in " \t\r\n")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii <= _MAX_NON_ASCII_SHARE * max(visible, 1)


def check_binary(data: bytes, noun: str = "file") -> None:
    """Raise ``InputError`` (binary) when ``data`` is a known binary format, holds NUL bytes, or
    is mostly control characters."""
    label = binary_format(data)
    if label is not None:
        raise InputError(f"{noun} is binary ({label}), not text", "binary")
    if b"\x00" in data:
        raise InputError(f"{noun} is binary (it contains NUL bytes), not text", "binary")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        share = round(100 * controls / len(sample))
        raise InputError(
            f"{noun} is binary ({share}% of its first bytes are control characters), not text",
            "binary",
        )


def binary_format(data: bytes) -> str | None:
    """Return the name of the binary format ``data`` starts with, or None."""
    for offset, magic, label in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return label
    if _BZIP2.match(data):
        return "bzip2 archive"
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if b"\x00" in data[:512]:
        for offset, magic, label in _MAGIC_AT:
            if data[offset : offset + len(magic)] == magic:
                return label
    return None
