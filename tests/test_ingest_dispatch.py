"""Choosing the reader by content first and extension second; HTML goes to the HTML reader."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.errors import SKIP_CODES
from consilience.ingest import read_bytes, read_inputs
from consilience.ingest.sniff import extension, sniff
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()
HAS_HTML_READER = importlib.util.find_spec("consilience.ingest.html") is not None

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dam repairs finish early</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam repairs finish early</h1>
<p>Workers finished repairs on the river dam two weeks ahead of the plan, the water board
said on Monday, after a season of heavy rain had weakened its eastern wall.</p>
<p>The board said the reservoir would be refilled slowly over the coming month so that
engineers could watch the new concrete as the level rose.</p>
<p>Residents downstream had been told to keep sandbags ready while the work went on, and
several farms had moved their animals to higher ground as a precaution.</p>
</article><footer>Copyright Example Media</footer></body></html>
"""


@pytest.mark.parametrize(
    ("text", "ext", "kind"),
    [
        ("<?xml version='1.0'?><rss><channel/></rss>", ".txt", "feed"),
        ("<!-- generated --><feed xmlns='http://www.w3.org/2005/Atom'/>", "", "feed"),
        ("<rdf:RDF xmlns:rdf='x'/>", "", "feed"),
        ("<?xml version='1.0'?><html><body/></html>", "", "html"),
        ("<?xml version='1.0'?><page/>", ".xhtml", "html"),
        ("  <!DOCTYPE html><p>x</p>", ".txt", "html"),
        ("<html><body>x</body></html>", ".json", "html"),
        ("<p>One</p><p>Two</p>", ".txt", "html"),
        ("<p>One</p> and text", ".txt", "text"),
        ("<p>One</p> and text", ".html", "html"),
        ('{"text": "x"}', ".txt", "json"),
        ('{"text": "x"}', ".jsonl", "jsonl"),
        ('{"text": "x"}\n{"text": "y"}', "", "jsonl"),
        ('{"broken": \n{"text": "y"}', "", "jsonl"),
        ("[Reuters] A wire story.", "", "text"),
        ("[Reuters] A wire story.", ".json", "json"),
        ("Plain words.", ".md", "text"),
        ("Plain words.", ".rss", "feed"),
        ("Plain words.", "", "text"),
    ],
)
def test_sniff(text: str, ext: str, kind: str) -> None:
    assert sniff(text, ext).kind == kind


@pytest.mark.parametrize(
    ("name", "ext"),
    [
        ("a.JSON.gz", ".json"),
        ("dir.d/b", ""),
        (".hidden", ""),
        ("c.tar.gz", ".tar"),
        (None, ""),
        ("x.txt", ".txt"),
    ],
)
def test_extension(name: str | None, ext: str) -> None:
    assert extension(name) == ext


@pytest.mark.skipif(not HAS_HTML_READER, reason="html reader not yet present")
def test_html_page_goes_to_the_html_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"  # the content, not the name, makes it HTML
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"outlet": "Sidecar Outlet"}')
    [doc] = read_inputs([page], SETTINGS)
    assert (doc.kind, doc.title, doc.outlet, doc.language) == (
        "html",
        "Dam repairs finish early",
        "Sidecar Outlet",
        "en",
    )
    assert "two weeks ahead of the plan" in doc.text
    assert "Copyright Example Media" not in doc.text


@pytest.mark.skipif(not HAS_HTML_READER, reason="html reader not yet present")
def test_html_reader_errors_become_skips() -> None:
    page = b"<!DOCTYPE html><html><head><title>t</title></head><body></body></html>"
    [item] = read_bytes(page, SourceRef("p.html"), SETTINGS, "p.html")
    assert isinstance(item, Skipped)
    assert (item.source, item.code) == (SourceRef("p.html"), "no_text")


# Readers may skip for these codes, plus "unreadable" for I/O failures (not in SKIP_CODES yet).
ALLOWED = set(SKIP_CODES) | {"unreadable"}


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(str.encode),
        st.lists(
            st.sampled_from(
                [
                    '{"text": "a"}',
                    "[1]",
                    "{",
                    "",
                    "<rss>",
                    "</rss>",
                    "<item>",
                    "<description>x</description>",
                    "</item>",
                    "---",
                    "title: t",
                    "\x00",
                    "<p>",
                    "é",
                    "<!DOCTYPE html>",
                    "<html>",
                ]
            ),
            max_size=12,
        ).map(lambda xs: "\n".join(xs).encode()),
    ),
    name=st.sampled_from([None, "a.txt", "a.json", "a.jsonl", "a.rss", "a.gz"]),
)
def test_any_bytes_give_records_never_an_exception(data: bytes, name: str | None) -> None:
    items = list(read_bytes(data, SourceRef("in"), SETTINGS, name))
    assert items
    for item in items:
        assert isinstance(item, RawDoc | Skipped)
        if isinstance(item, Skipped):
            assert item.code in ALLOWED and item.reason
        else:
            assert item.text.strip()
        assert item.source.path == "in"
