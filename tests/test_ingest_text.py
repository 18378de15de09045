"""Plain-text articles: the text itself, front matter, sidecar metadata."""

from __future__ import annotations

from pathlib import Path

from consilience.ingest import read_bytes, read_inputs
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()


def read(*paths: Path) -> list[RawDoc | Skipped]:
    return list(read_inputs([str(p) for p in paths], SETTINGS))


def test_plain_text_is_read_whole_with_no_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    body = "Harbour reopens after storm\n\nThe port authority said ships could dock again.\n"
    path.write_text(body, encoding="utf-8")
    assert read(path) == [RawDoc(source=SourceRef(str(path)), kind="txt", text=body)]


def test_front_matter_is_moved_into_fields(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        'title: "Harbour reopens"\n'
        "url: https://news.example/harbour\n"
        "source: Example Gazette\n"
        "date: 2024-03-05\n"
        "lang: en\n"
        "id: gz-17\n"
        "tags:\n"
        "  - ports\n"
        "---\n"
        "Ships docked again on Tuesday.\n",
        encoding="utf-8",
    )
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path)),
            kind="txt",
            text="Ships docked again on Tuesday.\n",
            title="Harbour reopens",
            url="https://news.example/harbour",
            outlet="Example Gazette",
            published="2024-03-05",
            language="en",
            id="gz-17",
        )
    ]


def test_front_matter_with_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"---\r\ntitle: Harbour\r\n---\r\nBody line.\r\n")
    [doc] = read(path)
    assert (doc.title, doc.text) == ("Harbour", "Body line.\r\n")


def test_dashes_followed_by_prose_are_not_front_matter() -> None:
    text = "---\nThe mayor spoke for an hour, then left.\n---\nMore text.\n"
    [doc] = read_bytes(text.encode(), SourceRef("x.txt"), SETTINGS, "x.txt")
    assert doc == RawDoc(source=SourceRef("x.txt"), kind="txt", text=text)


def test_unclosed_front_matter_is_kept_as_text() -> None:
    text = "---\ntitle: Harbour\nBody without a closing fence.\n"
    [doc] = read_bytes(text.encode(), SourceRef("x.txt"), SETTINGS, "x.txt")
    assert (doc.title, doc.text) == (None, text)


def test_sidecar_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Ships docked again.\n", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        '{"title": "Harbour", "outlet": "Example Gazette", "published": "2024-03-05",'
        ' "language": "en", "url": "https://news.example/h", "id": 42}',
        encoding="utf-8",
    )
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path)),
            kind="txt",
            text="Ships docked again.\n",
            title="Harbour",
            url="https://news.example/h",
            outlet="Example Gazette",
            published="2024-03-05",
            language="en",
            id="42",
        )
    ]


def test_sidecar_named_after_full_file_name_wins_over_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("---\ntitle: From the file\ndate: 2024-01-01\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "story.txt.meta.json").write_text('{"title": "From the sidecar"}')
    [doc] = read(path)
    assert (doc.title, doc.published, doc.text) == ("From the sidecar", "2024-01-01", "Body.\n")


def test_bad_sidecar_is_skipped_and_the_article_still_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Body.\n", encoding="utf-8")
    sidecar = tmp_path / "story.meta.json"
    sidecar.write_text('{"title": ', encoding="utf-8")
    assert read(path) == [
        Skipped(
            SourceRef(str(sidecar)),
            "sidecar metadata file is not valid JSON: Expecting value: line 1 column 11",
            "malformed",
        ),
        RawDoc(source=SourceRef(str(path)), kind="txt", text="Body.\n"),
    ]


def test_sidecar_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Body.\n", encoding="utf-8")
    sidecar = tmp_path / "story.meta.json"
    sidecar.write_text('["title"]', encoding="utf-8")
    assert read(path)[0] == Skipped(
        SourceRef(str(sidecar)),
        "sidecar metadata file holds a list, not an object",
        "not_an_object",
    )


def test_front_matter_with_no_body() -> None:
    data = b"---\ntitle: Only metadata\n---\n\n"
    assert list(read_bytes(data, SourceRef("m.txt"), SETTINGS, "m.txt")) == [
        Skipped(SourceRef("m.txt"), "file holds only front matter, no article text", "no_text")
    ]
