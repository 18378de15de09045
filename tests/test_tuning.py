"""Tuning parameters are part of the settings (``consilience.tuning``): the run's values reach the
stages that use them, the report's ``settings`` stays what a reader sets, and a store built with
other tuning is refused like any other settings mismatch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import consilience
from consilience import tuning
from consilience.claims import AlignParams
from consilience.errors import SettingsError
from consilience.flags import FlagParams
from consilience.sample import corpus_files
from consilience.settings import Settings
from consilience.sources import IndependenceParams, TranslationParams, find_sources
from consilience.store import Store, StoreError, fingerprint
from consilience.stories import Params, group

REFERENCE = date(2026, 11, 22)

# what the report's ``settings`` holds: not the tuning parameters, nor progress and workers
REPORTED = {
    "spacy_model",
    "language_models",
    "languages",
    "max_bytes",
    "reference_date",
    "strict",
    "batch_size",
    "cache_dir",
    "gazetteer_min_population",
    "aliases_path",
}


def test_each_package_names_the_class_of_the_settings():
    settings = Settings()
    assert Params is tuning.StoryParams and settings.stories == Params()
    assert IndependenceParams is tuning.IndependenceParams
    assert settings.independence == IndependenceParams()
    assert TranslationParams is tuning.TranslationParams
    assert settings.translations == TranslationParams()
    assert AlignParams is tuning.AlignParams and settings.align == AlignParams()
    assert FlagParams is tuning.FlagParams and settings.flags == FlagParams()


def test_tuning_is_checked_kept_out_of_the_report_and_hashable():
    settings = Settings()
    assert set(settings.to_dict()) == REPORTED
    assert set(settings.tuning()) == {"stories", "independence", "translations", "align", "flags"}
    assert settings.tuning()["stories"]["link"] == 0.3
    assert settings.tuning()["flags"]["translation_weights"][0] == ["function_word", 1.0]
    tuned = settings.with_(stories=replace(settings.stories, link=0.5))
    assert tuned.stories.link == 0.5 and tuned.to_dict() == settings.to_dict()
    assert hash(tuned) != hash(settings)
    with pytest.raises(SettingsError, match="stories must be a StoryParams"):
        settings.with_(stories={"link": 0.5})


def test_a_store_built_with_other_tuning_is_refused(tmp_path: Path):
    path = tmp_path / "news.db"
    settings = Settings(cache_dir=tmp_path / "cache")
    assert fingerprint(settings)["stories.link"] == 0.3
    Store(path, settings).close()
    Store(path, settings).close()  # the same tuning: accepted
    tuned = settings.with_(align=replace(settings.align, threshold=0.4))
    with pytest.raises(StoreError, match=r"align\.threshold: store 0\.3, this run 0\.4"):
        Store(path, tuned)


def _analyze(settings: Settings):  # noqa: ANN202 - a Report
    return consilience.analyze(corpus_files(), settings=settings)


BASE = Settings(reference_date=REFERENCE, progress=False)


def test_story_grouping_takes_the_settings_link():
    """No two groups can reach a link of 10 (a pair's links sum to at most 1): every article
    is its own story (without the join of one event's days, ``continuation_days``, which
    would join 8 to 5), where the default link groups the sample corpus as one story."""
    apart = replace(BASE.stories, link=10.0, continuation_days=None)
    report = _analyze(BASE.with_(stories=apart))
    assert len(report.stories) == len(report.articles) == 8
    assert len(group(report.articles)) == 1  # the same articles, the default link


def test_sources_claims_and_flags_take_the_settings_values():
    never = 10.0  # a share or a cosine never reaches it
    settings = BASE.with_(
        independence=replace(
            BASE.independence,
            copy_share=never,
            copy_passages=10**6,
            long_passage_words=10**6,
            rewrite_cover=never,
            edited_sentences=10**6,
        ),
        translations=replace(BASE.translations, gist_floor=never, gist_close=never),
        align=replace(BASE.align, threshold=never),
        flags=replace(BASE.flags, translation_threshold=1000.0, quality_min=1000),
    )
    report = _analyze(settings)
    (story,) = report.stories
    # sources: with the defaults a copy and a rewrite count once; here every article is one
    assert len(story.sources) == 8
    assert len(find_sources(report.articles)) == 6
    # claims: no two candidates are one fact, so none is corroborated
    assert story.claims and {c.status for c in story.claims} <= {"single_source", "disputed"}
    assert all(len({e.article for e in c.evidence}) == 1 for c in story.claims)
    # flags: no machine translation, no low quality (and no copy or rewrite: no such source)
    kinds = {f.kind for a in report.articles for f in a.flags}
    assert kinds.isdisjoint({"machine_translation", "low_quality", "copy", "rewrite"})
