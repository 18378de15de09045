"""The bundled sample corpus: where it is, what formats and outlets it holds, and that the
relations its README states are there in the text."""

from __future__ import annotations

import glob
import json
import re
import tomllib
from pathlib import Path

import pytest
from lxml import etree

import consilience
from consilience.ingest.html import read_html
from consilience.model import SourceRef
from consilience.sample import corpus_path

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
JSONL_FIELDS = {"title", "maintext", "date_publish", "url", "source_domain", "language", "id"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@pytest.fixture(scope="module")
def corpus() -> Path:
    return corpus_path()


def front_matter(path: Path) -> dict[str, str]:
    """Return the ``key: value`` pairs of a text file's front matter ({} when it has none)."""
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    return dict(line.split(": ", 1) for line in match.group(1).split("\n"))


def txt_body(path: Path) -> str:
    return FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)


def feed_items(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall("./channel/item")


def jsonl_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def tag_free(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def articles(corpus: Path) -> dict[str, str]:
    """Return every article's text keyed ``file`` or ``file#n`` (n: row or item, from 1)."""
    out = {p.name: txt_body(p) for p in sorted(corpus.glob("*.txt"))}
    for p in corpus.glob("*.html"):
        out[p.name] = read_html(p.read_bytes(), SourceRef(str(p))).text
    for p in corpus.glob("*.jsonl"):
        for i, row in enumerate(jsonl_rows(p), 1):
            out[f"{p.name}#{i}"] = row["maintext"]
    for p in corpus.glob("*.xml"):
        for i, item in enumerate(feed_items(p), 1):
            out[f"{p.name}#{i}"] = tag_free(item.findtext(CONTENT))
    return out


def test_corpus_path_is_the_packaged_folder(corpus: Path) -> None:
    assert corpus.is_dir()
    assert corpus == Path(consilience.__file__).parent / "sample" / "corpus"


def test_files_and_kinds(corpus: Path) -> None:
    names = sorted(p.name for p in corpus.iterdir())
    assert names == [
        "README.md",
        "ana-adige-flood.txt",
        "dam-burst-claims.txt",
        "eurobrief-feed.xml",
        "lagarina-today.html",
        "news-archive.jsonl",
        "notiziario-lagarino-en.txt",
    ]


def test_feed_is_rss2_with_two_items(corpus: Path) -> None:
    root = etree.parse(str(corpus / "eurobrief-feed.xml")).getroot()
    assert (root.tag, root.get("version")) == ("rss", "2.0")
    items = feed_items(corpus / "eurobrief-feed.xml")
    assert len(items) == 2
    for item in items:
        assert item.findtext("pubDate")
        assert "<p>" in item.findtext(CONTENT)


def test_jsonl_has_two_records_with_the_listed_fields(corpus: Path) -> None:
    rows = jsonl_rows(corpus / "news-archive.jsonl")
    assert len(rows) == 2
    assert [set(row) for row in rows] == [JSONL_FIELDS, JSONL_FIELDS]
    assert [row["language"] for row in rows] == ["en", "en"]


def test_txt_front_matter_and_one_without_metadata(corpus: Path) -> None:
    assert front_matter(corpus / "ana-adige-flood.txt") == {
        "title": "Adige bursts its banks near Rovereto; two dead, 12,000 evacuated",
        "outlet": "Alpine News Agency",
        "published": "2025-03-14",
        "url": "https://alpinenewsagency.example/2025/03/14/adige-flood-rovereto",
    }
    no_meta = (corpus / "dam-burst-claims.txt").read_text(encoding="utf-8")
    assert front_matter(corpus / "dam-burst-claims.txt") == {}
    assert "2025" not in no_meta.replace("© 2025 TrendWave Daily", "")
    assert "this Friday, March 14" in no_meta


def test_html_page_metadata_and_chrome(corpus: Path) -> None:
    doc = read_html((corpus / "lagarina-today.html").read_bytes(), SourceRef("lagarina"))
    assert doc.title == (
        "Vallagarina under water: 15,000 out of their homes, agency denies dam breach"
    )
    assert doc.outlet == "Lagarina Today"
    assert doc.published == "2025-03-14"
    assert doc.url == (
        "https://lagarinatoday.example/news/2025/03/14/vallagarina-15000-evacuated-dam-rumour"
    )
    for chrome in (
        "Share on Facebook",
        "Related articles",
        "Most read",
        "Subscribe",
        "Privacy policy",
        "cookies",
        "Contact the newsroom",
    ):
        assert chrome not in doc.text


def test_at_least_six_distinct_outlets_in_metadata(corpus: Path) -> None:
    outlets = {front_matter(p).get("outlet") for p in corpus.glob("*.txt")} - {None}
    html = etree.HTML((corpus / "lagarina-today.html").read_bytes())
    outlets |= set(html.xpath("//meta[@property='og:site_name']/@content"))
    outlets |= {row["source_domain"] for row in jsonl_rows(corpus / "news-archive.jsonl")}
    outlets.add(etree.parse(str(corpus / "eurobrief-feed.xml")).findtext("./channel/title"))
    assert outlets == {
        "Alpine News Agency",
        "Notiziario Lagarino (English edition)",
        "Lagarina Today",
        "valleypost.example",
        "dolomiteschronicle.example",
        "Euro Brief",
    }


def test_eight_articles_of_250_to_600_words(corpus: Path) -> None:
    counts = {key: len(text.split()) for key, text in articles(corpus).items()}
    assert len(counts) == 8
    assert all(250 <= n <= 600 for n in counts.values()), counts


def test_readme_names_every_file(corpus: Path) -> None:
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    assert "FICTION" in readme
    for path in corpus.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme


# What each article must contain for the README's ground truth to hold.
FEATURES = {
    "ana-adige-flood.txt": [
        "Regional Emergency Agency (REA)",
        "Lucia Marchetti",
        "about 12,000",
        "Two people died",
        "on Thursday night",
        "since Sunday",
    ],
    "news-archive.jsonl#1": ["(Wire)", "about 12,000", "Regional Emergency Agency (REA)"],
    "news-archive.jsonl#2": [
        "rose to four",
        "REA chief Marchetti",
        "Youssef Haddad",
        "a week ago",
        "around 15,000",
    ],
    "lagarina-today.html": [
        "denied that the dam had been breached",
        "unfounded",
        "Around 15,000",
        "Yusuf Haddad",
        "since last Sunday",
    ],
    "eurobrief-feed.xml#1": ["Roughly 12,000", "on March 9", "Lucia Marchetti"],
    "eurobrief-feed.xml#2": ["rose to three", "never any breach", "since Wednesday"],
    "notiziario-lagarino-en.txt": [
        "La night",
        "Il balance",
        "Le volunteers",
        "12.000",
        "6,4",
        "ingent",
        "Youssef Haddad",
        "REA (Regional Emergency Agency)",
    ],
    "dam-burst-claims.txt": [
        "FLOODS\n",
        "\nShare\n",
        "Related articles",
        "EXCLUSIVE INTERVIEW",
        "At least 20,000",
        "Yusuf Haddad",
        "March 14,where",
        "rain.At",
        "there homes",
        "dam upstream was breached",
    ],
}


@pytest.mark.parametrize("key", sorted(FEATURES))
def test_article_carries_its_features(corpus: Path, key: str) -> None:
    text = articles(corpus)[key]
    missing = [f for f in FEATURES[key] if f not in text]
    assert missing == []


def test_full_name_never_in_the_article_that_uses_the_short_form(corpus: Path) -> None:
    text = articles(corpus)["news-archive.jsonl#2"]
    assert "Lucia" not in text
    assert "Regional Emergency Agency" not in text


def test_content_farm_repeats_its_headline(corpus: Path) -> None:
    lines = (corpus / "dam-burst-claims.txt").read_text(encoding="utf-8").split("\n")
    headline = "Italy Dam BURST? Thousands Flee As Adige Valley Drowns"
    assert lines.count(headline) == 2


def test_wire_copy_is_nearly_verbatim(corpus: Path) -> None:
    arts = articles(corpus)
    wire = arts["ana-adige-flood.txt"].split("\n\n")
    copy = arts["news-archive.jsonl#1"].split("\n\n")
    same = [p for p in copy if p.strip() in {w.strip() for w in wire}]
    assert len(copy) == 7
    assert len(same) == 4  # paragraphs 2, 4, 5, 6; 1 and 3 differ by one word, 7 is cut


def test_package_data_globs_cover_every_corpus_file(corpus: Path) -> None:
    pyproject = Path(consilience.__file__).parents[2] / "pyproject.toml"
    if not pyproject.is_file():
        pytest.skip("not a source checkout: pyproject.toml is absent")
    globs = tomllib.loads(pyproject.read_text())["tool"]["setuptools"]["package-data"][
        "consilience"
    ]
    package = Path(consilience.__file__).parent
    matched = {
        Path(p).resolve() for g in globs for p in glob.glob(str(package / g), recursive=True)
    }
    assert {p.resolve() for p in corpus.iterdir()} <= matched


def test_corpus_files_are_the_articles_without_the_readme(corpus: Path) -> None:
    from consilience.sample import corpus_files

    assert [p.name for p in corpus_files()] == [
        "ana-adige-flood.txt",
        "dam-burst-claims.txt",
        "eurobrief-feed.xml",
        "lagarina-today.html",
        "news-archive.jsonl",
        "notiziario-lagarino-en.txt",
    ]
    assert all(p.parent == corpus for p in corpus_files())
