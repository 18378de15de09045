"""RSS and Atom feeds: one article per item or entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.ingest import read_bytes, read_inputs
from consilience.model import RawDoc, Skipped, SourceRef
from consilience.settings import Settings

SETTINGS = Settings()

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Gazette</title>
  <link>https://gazette.example/</link>
  <language>en-gb</language>
  <item>
    <title>Bridge &amp; tunnel close</title>
    <link>https://gazette.example/bridge</link>
    <guid isPermaLink="false">gz-101</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Both crossings shut at dawn&nbsp;today.</p>
<p>Engineers cited <b>wind</b>.<br/>Traffic was diverted.</p><script>track()</script>]]>
    </content:encoded>
  </item>
  <item>
    <title>Ferry resumes</title>
    <guid>https://gazette.example/ferry</guid>
    <source url="https://wire.example/rss">Example Wire</source>
    <dc:date>2024-03-06</dc:date>
    <description>&lt;p&gt;The ferry ran again &amp;amp; on time.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <description>   </description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title type="text">Beispiel Zeitung</title>
  <id>urn:uuid:feed</id>
  <entry>
    <title type="html">Markt &lt;em&gt;öffnet&lt;/em&gt;</title>
    <id>urn:uuid:e1</id>
    <link rel="self" href="https://zeitung.example/api/e1"/>
    <link rel="alternate" type="text/html" href="https://zeitung.example/markt"/>
    <updated>2024-03-07T12:00:00Z</updated>
    <published>2024-03-07T08:00:00Z</published>
    <summary>Kurz.</summary>
    <content type="xhtml" xml:lang="en">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>Stalls open at six.</p><p>Crowds came.</p></div>
    </content>
  </entry>
  <entry>
    <title>Only a summary</title>
    <id>urn:uuid:e2</id>
    <updated>2024-03-08T12:00:00Z</updated>
    <content src="https://zeitung.example/e2"/>
    <summary type="html">&lt;p&gt;Summary &amp;amp; more.&lt;/p&gt;</summary>
    <source><title>Partner Blatt</title></source>
  </entry>
  <entry>
    <title>Nothing to read</title>
    <id>urn:uuid:e3</id>
  </entry>
</feed>
"""


def read(path: Path) -> list[RawDoc | Skipped]:
    return list(read_inputs([str(path)], SETTINGS))


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path), entry=0),
            kind="rss",
            text="Both crossings shut at dawn\xa0today.\n\nEngineers cited wind.\nTraffic was"
            " diverted.",
            title="Bridge & tunnel close",
            url="https://gazette.example/bridge",
            outlet="Example Gazette",
            published="Tue, 05 Mar 2024 09:30:00 GMT",
            language="en-gb",
            id="gz-101",
        ),
        RawDoc(
            source=SourceRef(str(path), entry=1),
            kind="rss",
            text="The ferry ran again & on time.",
            title="Ferry resumes",
            url="https://gazette.example/ferry",
            outlet="Example Wire",
            published="2024-03-06",
            language="en-gb",
            id="https://gazette.example/ferry",
        ),
        Skipped(
            SourceRef(str(path), entry=2),
            "feed item has no content (looked for: content:encoded, description)",
            "no_text",
        ),
    ]


def test_atom_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    assert read(path) == [
        RawDoc(
            source=SourceRef(str(path), entry=0),
            kind="atom",
            text="Stalls open at six.\n\nCrowds came.",
            title="Markt öffnet",
            url="https://zeitung.example/markt",
            outlet="Beispiel Zeitung",
            published="2024-03-07T08:00:00Z",
            language="en",
            id="urn:uuid:e1",
        ),
        RawDoc(
            source=SourceRef(str(path), entry=1),
            kind="atom",
            text="Summary & more.",
            title="Only a summary",
            url=None,
            outlet="Partner Blatt",
            published="2024-03-08T12:00:00Z",
            language="de",
            id="urn:uuid:e2",
        ),
        Skipped(
            SourceRef(str(path), entry=2),
            "feed entry has no content (looked for: content, summary)",
            "no_text",
        ),
    ]


def test_rss_1_0_rdf_feed() -> None:
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/">'
        "<channel><title>RDF News</title></channel>"
        '<item rdf:about="https://rdf.example/1"><title>One</title>'
        "<link>https://rdf.example/1</link><description>Item text.</description></item>"
        "</rdf:RDF>"
    )
    assert list(read_bytes(rdf.encode(), SourceRef("-"), SETTINGS)) == [
        RawDoc(
            source=SourceRef("-", entry=0),
            kind="rss",
            text="Item text.",
            title="One",
            url="https://rdf.example/1",
            outlet="RDF News",
            id="https://rdf.example/1",
        )
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason", "code"),
    [
        (
            "empty.rss",
            '<rss version="2.0"><channel><title>T</title></channel></rss>',
            "RSS feed has no items",
            "no_entries",
        ),
        (
            "empty.atom",
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>',
            "Atom feed has no entries",
            "no_entries",
        ),
        (
            "broken.xml",
            "<rss><channel><title>T</channel></rss>",
            "feed is not well-formed XML: Opening and ending tag mismatch: title line 1 and "
            "channel, line 1, column 33",
            "malformed",
        ),
        (
            "map.xml",
            '<?xml version="1.0"?><urlset><url>https://x.example</url></urlset>',
            "XML root element <urlset> is not an RSS or Atom feed",
            "unsupported",
        ),
    ],
)
def test_bad_feeds(tmp_path: Path, name: str, content: str, reason: str, code: str) -> None:
    good = tmp_path / "a_good.rss"
    good.write_text("<rss><channel><item><description>Fine.</description></item></channel></rss>")
    bad = tmp_path / name
    bad.write_text(content)
    assert read(tmp_path) == [
        RawDoc(source=SourceRef(str(good), entry=0), kind="rss", text="Fine."),
        Skipped(SourceRef(str(bad)), reason, code),
    ]


def test_undeclared_html_entities_are_read() -> None:
    feed = (
        "<rss><channel><item><description>caf&eacute; &mdash; ok</description></item>"
        "</channel></rss>"
    )
    [doc] = read_bytes(feed.encode(), SourceRef("f.xml"), SETTINGS, "f.xml")
    assert doc.text == "café — ok"


def test_external_entities_are_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not leak")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><description>before &x; after</description></item>"
        "</channel></rss>"
    )
    [doc] = read_bytes(feed.encode(), SourceRef("f.xml"), SETTINGS, "f.xml")
    assert doc.text == "before  after"
