"""The store: articles added later join the stored stories, and the report is that of one run
over everything, whatever the order of arrival; only new articles are annotated and only
changed stories re-analysed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import REFERENCE
from hypothesis import given
from hypothesis import strategies as st

from consilience.cli import main
from consilience.model import (
    Article,
    DateMention,
    EntityMention,
    Published,
    Quantity,
    Skipped,
    SourceRef,
)
from consilience.pipeline import Pipeline, analyze, default_stages, default_story_stages
from consilience.report.json import to_dict
from consilience.resources import Resources
from consilience.sample import corpus_files
from consilience.settings import Settings
from consilience.store import Store, StoreError, story_key
from consilience.store.codec import decoder, encode
from consilience.stories import Profile

SETTINGS = Settings(reference_date=REFERENCE, progress=False)

# An invented second event (not in the sample corpus): its own story.
BRIDGE = [
    (
        "bridge-1.txt",
        "Footbridge over the Sava closes after crack found\n\n"
        "Engineers in Kranjska Vrata closed the old footbridge over the Sava on Tuesday after a "
        "crack of 40 centimetres was found in its northern pier, the town council said. Repairs "
        "will take at least six weeks and cost about 1.2 million euros, council engineer Mirela "
        "Dovjak told reporters.\n",
    ),
    (
        "bridge-2.txt",
        "Kranjska Vrata footbridge shut for six weeks\n\n"
        "The footbridge over the Sava in Kranjska Vrata will stay closed for at least six weeks, "
        "engineer Mirela Dovjak said on Tuesday, after inspectors found a 40-centimetre crack in "
        "the northern pier. The council put the cost of the repairs at 1.2 million euros.\n",
    ),
]


def sample() -> list[str]:
    return [str(p) for p in corpus_files()]


def bridge(folder: Path) -> list[str]:
    paths = []
    for name, text in BRIDGE:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def comparable(report) -> dict:  # noqa: ANN001
    data = to_dict(report)
    data.pop("created", None)
    return data


class Recording:
    """A real story stage that also notes the memberships it was run on."""

    def __init__(self, inner, seen: list[tuple[str, ...]]):  # noqa: ANN001
        self.inner, self.seen = inner, seen
        self.name, self.requires, self.assigns = inner.name, inner.requires, inner.assigns

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.inner.initialize(settings, resources)

    def process_story(self, story, articles):  # noqa: ANN001, ANN201
        self.seen.append(tuple(sorted(story.articles)))
        return self.inner.process_story(story, articles)

    def drain_failures(self) -> list[Skipped]:
        return getattr(self.inner, "drain_failures", list)()


class RecordingFirst:
    """The real first per-article stage, noting the ids of the articles it is given."""

    def __init__(self, inner, seen: list[str]):  # noqa: ANN001
        self.inner, self.seen = inner, seen
        self.name, self.requires, self.assigns = inner.name, inner.requires, inner.assigns

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.inner.initialize(settings, resources)

    def pipe(self, articles):  # noqa: ANN001, ANN201
        self.seen.extend(a.id for a in articles)
        return self.inner.pipe(articles)


def recording_pipeline(seen: list, annotated: list | None = None) -> Pipeline:
    stages = default_story_stages()
    first, *rest = default_stages()
    return Pipeline(
        SETTINGS,
        stages=[RecordingFirst(first, annotated if annotated is not None else []), *rest],
        story_stages=[Recording(stages[0], seen), *stages[1:]],
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[dict, list[str]]:
    folder = tmp_path_factory.mktemp("bridge")
    inputs = sample() + bridge(folder)
    return comparable(analyze(inputs, settings=SETTINGS)), inputs


def test_two_runs_into_a_store_give_the_report_of_one_run(batch, tmp_path):
    expected, inputs = batch
    db = tmp_path / "news.db"
    first = analyze(inputs[:3], settings=SETTINGS, into=db)
    assert len(first.articles) < len(expected["articles"])
    got = comparable(analyze(inputs[3:], settings=SETTINGS, into=db))
    assert got == expected
    # the sample corpus is one story and the two bridge reports another
    sizes = sorted(len(s["articles"]) for s in got["stories"])
    assert sizes == [2, len(expected["articles"]) - 2]


def test_order_of_arrival_changes_nothing_but_ties(batch, tmp_path):
    expected, inputs = batch
    db = tmp_path / "news.db"
    for part in (inputs[5:], inputs[2:5], inputs[:2]):
        got = comparable(analyze(part, settings=SETTINGS, into=db))
    by_id = {a["id"]: a for a in expected["articles"]}
    assert {a["id"]: a for a in got["articles"]} == by_id
    assert [s["id"] for s in got["stories"]] == [s["id"] for s in expected["stories"]]
    for mine, theirs in zip(got["stories"], expected["stories"], strict=True):
        assert sorted(mine["articles"]) == sorted(theirs["articles"])
        assert {k: v for k, v in mine.items() if k != "articles"} == {
            k: v for k, v in theirs.items() if k != "articles"
        }


def test_reading_the_same_inputs_again_adds_nothing(tmp_path):
    db = tmp_path / "news.db"
    once = comparable(analyze(sample(), settings=SETTINGS, into=db))
    twice = comparable(analyze(sample(), settings=SETTINGS, into=db))
    assert twice == once
    with Store(db, SETTINGS) as store:
        runs = store.runs()
    n = len(once["articles"])
    assert [(r["added"], r["unchanged"]) for r in runs] == [(n, 0), (0, n)]


def test_only_new_articles_are_annotated_and_only_changed_stories_rerun(tmp_path):
    db = tmp_path / "news.db"
    seen: list[tuple[str, ...]] = []
    with Store(db, SETTINGS) as store:
        first = recording_pipeline(seen).run(sample(), store=store)
    assert seen == [tuple(sorted(first.stories[0].articles))]
    seen.clear()
    annotated: list[str] = []
    with Store(db, SETTINGS) as store:
        second = recording_pipeline(seen, annotated).run(bridge(tmp_path), store=store)
    stored_ids = {a.id for a in first.articles}
    new_ids = {a.id for a in second.articles} - stored_ids
    # the per-article stages saw only the two new articles
    assert len(annotated) == 2 and set(annotated) == new_ids
    # the sample story kept its membership: its story stages did not run again
    assert seen == [tuple(sorted(new_ids))]


def test_an_article_joining_a_story_reruns_that_story(tmp_path):
    db = tmp_path / "news.db"
    files = sample()
    analyze(files[:-1], settings=SETTINGS, into=db)
    seen: list[tuple[str, ...]] = []
    with Store(db, SETTINGS) as store:
        report = recording_pipeline(seen).run(files[-1:], store=store)
    assert len(report.stories) == 1
    assert seen == [tuple(sorted(report.stories[0].articles))]
    with Store(db, SETTINGS) as store:  # the old membership is forgotten
        assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
        assert store.story(story_key(report.stories[0].articles)) is not None


def test_other_settings_are_refused_with_the_differences_named(tmp_path):
    db = tmp_path / "news.db"
    analyze(sample()[:1], settings=SETTINGS, into=db)
    other = SETTINGS.with_(reference_date=None, gazetteer_min_population=1000)
    with pytest.raises(StoreError) as err:
        Store(db, other)
    msg = str(err.value)
    assert "reference_date: store '2026-11-22', this run None" in msg
    assert "gazetteer_min_population: store 500, this run 1000" in msg
    assert "spacy_model" not in msg


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("not a database, just words " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db: not a consilience store"):
        Store(junk, SETTINGS)
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path, SETTINGS)


def test_a_failed_add_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "news.db"
    analyze(sample()[:1], settings=SETTINGS, into=db)
    with Store(db, SETTINGS) as store:
        before = store.ids()
        art = Article(id="x", source=SourceRef("x.txt"), kind="txt", raw_text="x", text="x")
        with pytest.raises(sqlite3.IntegrityError):
            store.add([(art, "x", "h1"), (art, "x", "h2")], [], ["x.txt"], 0)
        assert store.ids() == before
        assert len(store.runs()) == 1


def test_skipped_inputs_are_kept_once(tmp_path):
    db = tmp_path / "news.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    analyze([empty, *sample()[:1]], settings=SETTINGS, into=db)
    report = analyze([empty], settings=SETTINGS, into=db)
    assert [(s.source.path, s.code) for s in report.skipped] == [(str(empty), "empty")]


def test_stored_articles_come_back_exactly(tmp_path):
    report = analyze(sample(), settings=SETTINGS)
    db = tmp_path / "news.db"
    analyze(sample(), settings=SETTINGS, into=db)
    with Store(db, SETTINGS) as store:
        kept = store.articles([a.id for a in report.articles])
    # the store keeps articles before the story stages; the annotations of those stages differ
    for article in report.articles:
        assert (
            replace(
                kept[article.id],
                published=article.published,
                annotations=article.annotations,
                flags=article.flags,
            )
            == article
        )
        assert kept[article.id].annotations.entities == article.annotations.entities


text = st.text(max_size=30)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))


@given(
    st.builds(
        Article,
        id=text,
        source=st.builds(SourceRef, path=text, line=st.none() | st.integers(1, 10**6)),
        kind=st.sampled_from(["txt", "html", "jsonl"]),
        raw_text=text,
        text=text,
        title=st.none() | text,
        language_confidence=st.none() | st.floats(0, 1),
        published=st.builds(
            Published,
            date=st.none() | st.just("2024-12-07"),
            from_=st.sampled_from(["metadata", "text", "none"]),
            evidence=st.none() | spans,
        ),
    ),
    st.lists(
        st.builds(
            Quantity,
            start=st.integers(0, 99),
            end=st.integers(0, 99),
            value=st.floats(allow_nan=False, allow_infinity=False),
            unit=st.none() | text,
            approximate=st.booleans(),
        )
    ),
    st.lists(
        st.builds(
            DateMention,
            start=st.integers(0, 99),
            end=st.integers(0, 99),
            value=st.none() | st.just("2024-11"),
            precision=st.sampled_from([None, "day", "month", "year"]),
        )
    ),
    st.lists(
        st.builds(
            EntityMention,
            start=st.integers(0, 99),
            end=st.integers(0, 99),
            label=st.sampled_from(["GPE", "ORG"]),
            geonameid=st.none() | st.integers(1, 10**7),
        )
    ),
)
def test_the_codec_returns_what_it_was_given(article, quantities, dates, entities):
    from consilience.model import Annotations

    article = replace(
        article,
        annotations=Annotations(
            quantities=tuple(quantities), dates=tuple(dates), entities=tuple(entities)
        ),
    )
    data = json.loads(json.dumps(encode(article)))
    assert decoder(Article)(data) == article


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.integers(1, 50), max_size=6))
def test_profiles_come_back_with_their_counters(keys):
    from collections import Counter
    from datetime import date

    prof = Profile("a", Counter(keys), Counter(), Counter({"7": 2}), Counter(), date(2024, 12, 7))
    back = decoder(Profile)(json.loads(json.dumps(encode(prof))))
    assert back == prof and isinstance(back.names, Counter)


def test_cli_into_adds_and_reports_the_store(tmp_path, capsys):
    db, out = tmp_path / "news.db", tmp_path / "out"
    files = sample()
    common = ["--reference-date", "2026-11-22", "--no-progress", "--format", "json"]
    assert main(["analyze", *files[:2], "--into", str(db), "--out", str(out), *common]) == 0
    first = capsys.readouterr().out
    assert main(["analyze", *files, "--into", str(db), "--out", str(out), *common]) == 0
    second = capsys.readouterr().out
    total = len(json.loads((out / "report.json").read_text("utf-8"))["articles"])
    n1 = int(first.split(": ")[1].split(" ")[0])
    assert f"store {db}: {n1} article(s) added, 0 already stored" in first
    assert f"{total - n1} article(s) added, {n1} already stored" in second
    assert f"it holds {total} article(s) in 1 story(ies)" in second
    # no inputs: the report of the store as it is
    assert main(["analyze", "--into", str(db), "--out", str(tmp_path / "again"), *common]) == 0
    only = capsys.readouterr().out
    assert "0 article(s) added, 0 already stored" in only
    assert f"{total} article(s) reported from the store, 0 skipped; report: " in only
    assert main(["analyze", "--out", str(out), *common]) == 2
    assert "give at least one INPUT" in capsys.readouterr().err
    assert main(["analyze", files[0], "--into", str(db), "--out", str(out), "--no-progress"]) == 1
    assert "was built with other settings (reference_date" in capsys.readouterr().err


def test_the_seeds_arriving_in_two_runs_give_the_report_of_one(seeds_dir, seeds_report, tmp_path):
    files = sorted(str(p) for p in seeds_dir.iterdir() if p.suffix == ".txt")
    db = tmp_path / "news.db"
    analyze(files[3:], settings=SETTINGS, into=db)
    got = comparable(analyze(files[:3], settings=SETTINGS, into=db))
    expected = comparable(seeds_report)
    assert len(got["stories"]) == 1
    assert {a["id"]: a for a in got["articles"]} == {a["id"]: a for a in expected["articles"]}
    mine, theirs = got["stories"][0], expected["stories"][0]
    assert sorted(mine.pop("articles")) == sorted(theirs.pop("articles"))
    assert mine == theirs


def test_strict_fails_only_on_what_this_run_skipped(tmp_path):
    from consilience.errors import ConsilienceError

    db = tmp_path / "news.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    strict = SETTINGS.with_(strict=True)
    with pytest.raises(
        ConsilienceError,
        match=r"1 input\(s\) skipped and --strict is set; first: " + str(empty).replace(".", r"\."),
    ):
        analyze([empty, *sample()[:1]], settings=strict, into=db)
    # the next run skips nothing: the earlier skip stays listed but does not fail it
    report = analyze(sample()[1:2], settings=strict, into=db)
    assert [s.code for s in report.skipped] == ["empty"]


def test_a_store_refusing_other_aliases_names_the_alias_file(tmp_path):
    aliases = tmp_path / "names.json"
    aliases.write_text(json.dumps({"aliases": []}), encoding="utf-8")
    db = tmp_path / "news.db"
    Store(db, Settings(progress=False)).close()
    with pytest.raises(StoreError) as refused:
        Store(db, Settings(progress=False, aliases_path=aliases))
    assert (
        f"aliases: the store was built with no alias file, this run gives alias file {aliases}"
        in str(refused.value)
    )
