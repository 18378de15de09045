from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

import consilience
from consilience.errors import ConsilienceError, NothingReadError, UsageError
from consilience.ingest import content_id, to_article
from consilience.model import Article, RawDoc, Skipped, SourceRef
from consilience.pipeline import Pipeline, check_order, default_stages
from consilience.settings import Settings
from consilience.stages import PerArticle


class Explodes(PerArticle):
    """A real stage that fails on articles mentioning a trigger word."""

    name = "explodes"
    requires = ("text",)
    assigns = ()

    def process(self, article: Article) -> Article:
        if "kaboom" in article.text:
            raise ValueError("cannot handle kaboom")
        return article


def test_stage_order_is_checked_when_built():
    stages = default_stages()
    with pytest.raises(UsageError, match="stage 'annotate' requires .*language"):
        check_order((stages[0], stages[2]))


def test_default_order_is_valid():
    check_order(default_stages())


def test_failing_stage_sets_aside_only_that_article(tmp_path):
    (tmp_path / "a.txt").write_text("Quiet day in the valley.\nNothing happened at all.\n")
    (tmp_path / "b.txt").write_text("A kaboom was heard.\nThe mayor said it was thunder.\n")
    stages = (*default_stages()[:1], Explodes())
    report = Pipeline(Settings(progress=False), stages, story_stages=()).run([tmp_path])
    assert [a.source.path for a in report.articles] == [str(tmp_path / "a.txt")]
    assert report.skipped == (
        Skipped(
            source=SourceRef(str(tmp_path / "b.txt")),
            reason="stage 'explodes' failed: ValueError: cannot handle kaboom",
            code="stage_error",
            stage="explodes",
        ),
    )


def test_ids_are_own_id_or_stable_hash_and_unique():
    raw = RawDoc(SourceRef("x.txt"), "txt", "Some text.")
    taken: set[str] = set()
    first = to_article(raw, taken)
    second = to_article(raw, taken)
    assert first.id == content_id(raw) and len(first.id) == 16
    assert second.id == first.id + "~2"
    assert to_article(replace(raw, id="wire-42"), taken).id == "wire-42"
    assert content_id(raw) == content_id(RawDoc(SourceRef("elsewhere.txt"), "txt", "Some text."))


def test_nothing_read_raises(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NothingReadError, match="no article could be read"):
        consilience.analyze([tmp_path / "empty.txt"], progress=False)


def test_strict_fails_when_something_is_skipped(tmp_path):
    (tmp_path / "ok.txt").write_text("Floods hit the valley.\nThe river rose overnight.\n")
    (tmp_path / "empty.txt").write_text("")
    report = consilience.analyze([tmp_path], progress=False)
    assert [s.code for s in report.skipped] == ["empty"]
    with pytest.raises(ConsilienceError, match="1 input\\(s\\) skipped and --strict is set"):
        consilience.analyze([tmp_path], progress=False, strict=True)


def test_pipe_keeps_order():
    class Upper(PerArticle):
        name = "upper"

        def process(self, article: Article) -> Article:
            return replace(article, text=article.text.upper())

    arts = [to_article(RawDoc(SourceRef(f"{i}.txt"), "txt", f"t{i}"), set()) for i in range(5)]
    arts = [replace(a, text=a.raw_text) for a in arts]
    out: Iterator = Upper().pipe(arts)
    assert [a.text for a in out] == ["T0", "T1", "T2", "T3", "T4"]


def test_a_failing_story_stage_is_reported_and_the_run_goes_on(tmp_path):
    from consilience.model import Story

    class Broken:
        name = "broken"
        requires = ("text",)
        assigns = ("claims",)

        def initialize(self, settings, resources):
            pass

        def process_story(self, story, articles):
            raise RuntimeError("no claims today")

    class Titles:
        name = "titles"
        requires = ("text",)
        assigns = ()

        def initialize(self, settings, resources):
            pass

        def process_story(self, story, articles):
            first = articles[story.articles[0]]
            return replace(story, title=first.text.split("\n")[0].upper()), {}

    (tmp_path / "a.txt").write_text("Floods in the valley\nThe river rose overnight.\n")
    stages = default_stages()[:1]
    report = Pipeline(Settings(progress=False), stages, (Broken(), Titles())).run([tmp_path])
    assert [s.title for s in report.stories] == ["FLOODS IN THE VALLEY"]
    assert isinstance(report.stories[0], Story)
    assert [(s.source.path, s.code, s.stage, s.reason) for s in report.skipped] == [
        (
            "story:story-1",
            "stage_error",
            "broken",
            "stage 'broken' failed on the story: RuntimeError: no claims today",
        ),
    ]


def test_resources_load_once_per_run_and_can_be_shared(tmp_path):
    from consilience.resources import Resources

    (tmp_path / "a.txt").write_text("Floods hit the valley.\nThe river rose overnight.\n")
    settings = Settings(progress=False)
    resources = Resources(settings)
    assert resources.loaded() == []  # nothing loads before a stage asks
    Pipeline(settings, resources=resources).run([tmp_path])
    first = resources.loaded()
    assert ("spacy", settings.spacy_model) in first
    assert len(first) == len(set(first))
    english = resources.english()
    Pipeline(settings, resources=resources).run([tmp_path])
    assert resources.loaded() == first and resources.english() is english
    # a pipeline given none makes its own: a run owns what it loads
    assert Pipeline(settings).resources is not resources


def test_a_text_cleaning_leaves_as_it_came_is_the_raw_text_itself():
    import pickle

    from consilience.stages import Clean

    plain = Article(id="a", source=SourceRef("a.txt"), kind="txt", raw_text="The bridge reopened.")
    messy = replace(plain, id="b", raw_text="The bridge\u200b reopened.")
    stage = Clean()
    (clean,) = [stage.process(plain)]
    assert clean.text == "The bridge reopened." and clean.text is clean.raw_text
    again = pickle.loads(pickle.dumps(clean))  # as a worker sends it back: still one string
    assert again.text is again.raw_text
    cleaned = stage.process(messy)
    assert cleaned.text == "The bridge reopened." and cleaned.raw_text == messy.raw_text
    assert cleaned.text is not cleaned.raw_text
