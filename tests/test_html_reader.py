"""read_html on small pages written for these tests: main text, metadata, charsets, failures."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.errors import InputError
from consilience.ingest.html import declared_charset, decode_html, read_html
from consilience.model import SourceRef

PARAGRAPHS = (
    "The island ferry sailed again on Tuesday morning after gales had kept the harbour closed "
    "since Saturday, the operator said in a short statement to passengers.",
    "About four hundred travellers had waited in the terminal hall overnight, some sleeping on "
    "benches beside the ticket machines while volunteers handed out soup and blankets.",
    "Harbour master Ellen Prowse said the breakwater had held, although two fishing boats broke "
    "their moorings and drifted onto the slipway during the worst of the wind.",
)

NAV = ("Sport pages", "Weather desk", "Puzzles and games")
FOOTER = "Privacy settings and cookie policy for the whole network."
COMMENT = "Reader comment: I was stuck there for two whole nights without a proper bed."
SHARE = "Share this on Facebook"


def page(
    head: str = "",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    lang: str = "en-GB",
    charset: str = '<meta charset="utf-8">',
) -> str:
    """Return a news page with a nav, share links, a comments section and a footer around
    ``paragraphs``."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/s{i}">{label}</a></li>' for i, label in enumerate(NAV))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
{charset}
<title>Ferry service resumes after storm | The Harbour Gazette</title>
{head}
</head>
<body>
<nav><ul><li><a href="/">Home</a></li>{nav}</ul></nav>
<main>
<article>
<h1>Ferry service resumes after three-day storm</h1>
<ul class="share"><li><a href="https://fb.example/s">{SHARE}</a></li></ul>
{body}
</article>
<section class="comments"><h3>Comments</h3><div class="comment"><p>{COMMENT}</p></div></section>
</main>
<footer><p>{FOOTER}</p></footer>
</body>
</html>"""


FULL_HEAD = """
<meta property="og:title" content="Ferry service resumes after three-day storm">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:url" content="https://harbourgazette.example/news/ferry-resumes">
<link rel="canonical" href="https://harbourgazette.example/news/ferry-resumes">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ferry service resumes after three-day storm",
 "datePublished": "2024-11-05T08:30:00Z",
 "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}
</script>
"""

SRC = SourceRef("pages/ferry.html")


@pytest.fixture(scope="module")
def ferry():
    return read_html(page(FULL_HEAD).encode("utf-8"), SRC)


def test_metadata_from_og_tags_and_json_ld(ferry) -> None:
    assert ferry.kind == "html"
    assert ferry.source == SRC
    assert ferry.title == "Ferry service resumes after three-day storm"
    assert ferry.published == "2024-11-05"
    assert ferry.outlet == "The Harbour Gazette"
    assert ferry.url == "https://harbourgazette.example/news/ferry-resumes"
    assert ferry.language == "en-GB"
    assert ferry.id is None


def test_paragraphs_kept_one_a_line(ferry) -> None:
    lines = ferry.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    # in page order
    positions = [ferry.text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)


def test_nav_footer_comments_share_absent(ferry) -> None:
    for chrome in (*NAV, FOOTER, COMMENT, SHARE, "Home", "Comments"):
        assert chrome not in ferry.text


def test_date_from_article_published_time_and_url_from_canonical() -> None:
    head = """
<meta property="article:published_time" content="2025-03-14T19:05:00+01:00">
<link rel="canonical" href="https://quay.example/2025/ferry">
"""
    doc = read_html(page(head).encode("utf-8"), SRC)
    assert doc.published == "2025-03-14"
    assert doc.url == "https://quay.example/2025/ferry"


def test_no_metadata_gives_none_where_nothing_is_declared() -> None:
    doc = read_html(page(lang="").encode("utf-8"), SRC)
    assert doc.published is None
    assert doc.url is None
    assert doc.language is None
    assert PARAGRAPHS[0] in doc.text


def test_declared_latin1_charset_is_honoured() -> None:
    words = (
        "Caf\u00e9 owners in the port said the na\u00efve hope of a quick reopening had "
        "faded by Monday, and the r\u00e9sum\u00e9 of losses kept growing."
    )
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    data = page(paragraphs=(*PARAGRAPHS, words), charset=charset).encode("latin-1")
    doc = read_html(data, SRC)
    assert words in doc.text.split("\n")


def test_declared_cyrillic_charset_is_honoured() -> None:
    sentence = (
        "\u041f\u0430\u0440\u043e\u043c \u0432\u044b\u0448\u0435\u043b \u0432 "
        "\u043c\u043e\u0440\u0435 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a."
    )
    data = page(paragraphs=(*PARAGRAPHS, sentence), charset='<meta charset="windows-1251">')
    doc = read_html(data.encode("cp1251"), SRC)
    assert sentence in doc.text.split("\n")


def test_mislabelled_utf8_page_reads_as_utf8() -> None:
    data = '<meta charset="iso-8859-1"><p>Caf\u00e9 \u2014 na\u00efve</p>'.encode()
    assert decode_html(data) == data.decode("utf-8")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0" encoding="ISO-8859-15"?><html>', "iso8859-15"),
        (b'<meta charset="UTF-8">', "utf-8"),
        (b"<meta charset=windows-1251>", "cp1251"),
        (b'<meta content="text/html; charset=ascii" http-equiv="Content-Type">', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"<html><head><title>t</title>", None),
        (b"\xef\xbb\xbf<html>", "utf-8-sig"),
        (b"\xff\xfe<\x00h\x00", "utf-16"),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(codec="cp1251"), max_size=60))
def test_declared_single_byte_charset_round_trips(text: str) -> None:
    markup = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    assert decode_html(markup.encode("cp1251")) == markup


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_utf8_with_a_latin1_label_round_trips(text: str) -> None:
    markup = f'<meta charset="iso-8859-1"><p>{text}</p>'
    assert decode_html(markup.encode("utf-8")) == markup


def test_page_without_article_text_is_no_text() -> None:
    data = b"<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body>"
    with pytest.raises(InputError) as err:
        read_html(data, SRC)
    assert err.value.code == "no_text"
    assert str(err.value) == "no article text found in the HTML page"


def test_empty_page_is_empty() -> None:
    with pytest.raises(InputError) as err:
        read_html(b"  \n ", SRC)
    assert err.value.code == "empty"


def test_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("read_html tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    doc = read_html(page(FULL_HEAD).encode("utf-8"), SRC)
    assert doc.outlet == "The Harbour Gazette"


def test_importing_the_reader_does_not_load_trafilatura() -> None:
    import subprocess
    import sys

    code = "import sys, consilience.ingest.html; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_bare_fragment_is_read_as_a_page() -> None:
    data = f"<p>{PARAGRAPHS[0]}</p>\n<p>{PARAGRAPHS[1]}</p>".encode()
    doc = read_html(data, SRC)
    assert doc.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    assert (doc.title, doc.url, doc.outlet, doc.published) == (None, None, None, None)


def test_markup_without_words_is_no_text() -> None:
    with pytest.raises(InputError) as err:
        read_html(b"<html><body><p>&lt;&lt;&gt;&gt; -- ...</p></body></html>", SRC)
    assert err.value.code == "no_text"
