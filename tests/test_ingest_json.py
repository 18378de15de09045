"""JSON and JSON-lines articles, and the records in them that cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

from consilience.ingest import read_bytes, read_inputs
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()
NO_TEXT = "no article text (looked for a non-empty string in: text, maintext, content, body)"


def read(path: Path) -> list[RawDoc | Skipped]:
    return list(read_inputs([str(path)], SETTINGS))


def test_one_object_with_crawler_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            {
                "maintext": "Council approves budget.",
                "headline": "Budget passes",
                "date_publish": "2024-05-01 10:00:00",
                "url": "https://news.example/b",
                "source_domain": "news.example",
                "lang": "en",
                "id": "b-1",
                "authors": ["A. Writer"],
            }
        )
    )
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path)),
            kind="json",
            text="Council approves budget.",
            title="Budget passes",
            url="https://news.example/b",
            outlet="news.example",
            published="2024-05-01 10:00:00",
            language="en",
            id="b-1",
        )
    ]


def test_list_of_objects_with_nested_source(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps(
            [
                {
                    "content": "First report.",
                    "source": {"id": None, "name": "Daily Example"},
                    "publishedAt": "2024-05-02T08:00:00Z",
                },
                {"body": "Second report.", "title": "Second", "datePublished": "2024-05-03"},
            ]
        )
    )
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path), entry=0),
            kind="json",
            text="First report.",
            outlet="Daily Example",
            published="2024-05-02T08:00:00Z",
        ),
        RawDoc(
            source=SourceRef(str(path), entry=1),
            kind="json",
            text="Second report.",
            title="Second",
            published="2024-05-03",
        ),
    ]


def test_list_item_that_is_not_an_object_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"text": "Kept."}, "stray", {"title": "no body"}]')
    assert read(path) == [
        RawDoc(source=SourceRef(str(path), entry=0), kind="json", text="Kept."),
        Skipped(
            SourceRef(str(path), entry=1),
            "JSON list item is a string, not an object",
            "not_an_object",
        ),
        Skipped(SourceRef(str(path), entry=2), f"JSON record has {NO_TEXT}", "no_text"),
    ]


def test_api_response_wrapping_articles(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text('{"status": "ok", "articles": [{"text": "Wrapped."}]}')
    assert read(path) == [
        RawDoc(source=SourceRef(str(path), entry=0), kind="json", text="Wrapped.")
    ]


def test_html_in_a_text_field_is_reduced_to_text(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"content": "<p>First &amp; best.</p><p>Second<br>line.</p>"}))
    [doc] = read(path)
    assert doc.text == "First & best.\n\nSecond\nline."


def test_paragraph_list_is_joined() -> None:
    data = json.dumps({"text": ["One.", " ", "Two."]}).encode()
    [doc] = read_bytes(data, SourceRef("p.json"), SETTINGS, "p.json")
    assert doc.text == "One.\n\nTwo."


def test_json_lines_each_line_an_article(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "d1", "text": "Line one."}\n'
        "\n"
        '{"id": "d2", "text": "Line two.", "language": "fr"}\n'
        '{"id": 3, "text": "Line three."}\n'
    )
    assert read(path) == [
        RawDoc(source=SourceRef(str(path), line=1), kind="jsonl", text="Line one.", id="d1"),
        RawDoc(
            source=SourceRef(str(path), line=3),
            kind="jsonl",
            text="Line two.",
            language="fr",
            id="d2",
        ),
        RawDoc(source=SourceRef(str(path), line=4), kind="jsonl", text="Line three.", id="3"),
    ]


def test_bad_lines_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "docs.ndjson"
    path.write_text(
        '{"text": "Good one."}\n'
        '{"text": "broken,}\n'
        '["a", "list"]\n'
        "42\n"
        '{"title": "Only a title", "content": "   "}\n'
        '{"text": "Good two."}\n'
    )
    assert read(path) == [
        RawDoc(source=SourceRef(str(path), line=1), kind="jsonl", text="Good one."),
        Skipped(
            SourceRef(str(path), line=2),
            "JSON line is not valid JSON: Unterminated string starting at: column 10",
            "malformed",
        ),
        Skipped(
            SourceRef(str(path), line=3), "JSON line is a list, not an object", "not_an_object"
        ),
        Skipped(
            SourceRef(str(path), line=4), "JSON line is a number, not an object", "not_an_object"
        ),
        Skipped(SourceRef(str(path), line=5), f"JSON line has {NO_TEXT}", "no_text"),
        RawDoc(source=SourceRef(str(path), line=6), kind="jsonl", text="Good two."),
    ]


def test_json_lines_in_a_json_file_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n')
    assert [(d.source, d.kind, d.text) for d in read(path)] == [
        (SourceRef(str(path), line=1), "jsonl", "One."),
        (SourceRef(str(path), line=2), "jsonl", "Two."),
    ]


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "text": "unfinished"\n  "title": 1\n}')
    assert read(path) == [
        Skipped(
            SourceRef(str(path)),
            "file is not valid JSON: Expecting ',' delimiter: line 3 column 3",
            "malformed",
        )
    ]


def test_object_without_text(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    path.write_text('{"title": "Headline only", "text": ""}')
    assert read(path) == [Skipped(SourceRef(str(path)), f"JSON object has {NO_TEXT}", "no_text")]


def test_json_scalar_and_empty_list(tmp_path: Path) -> None:
    scalar, empty = tmp_path / "s.json", tmp_path / "e.json"
    scalar.write_text('"just a string"')
    empty.write_text("[]")
    assert read(scalar) + read(empty) == [
        Skipped(
            SourceRef(str(scalar)),
            "JSON file holds a string, not an object or a list of objects",
            "not_an_object",
        ),
        Skipped(SourceRef(str(empty)), "JSON file holds an empty list", "no_entries"),
    ]
