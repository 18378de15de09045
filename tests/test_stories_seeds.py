"""The five seed reports form one story, alone, even when mixed into the 535 ECB+ documents.

Seeds go through the whole pipeline (the session fixture); the ECB+ documents are given as
plain-text English articles (no spaCy run, to keep the test quick), read from ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.model import Article, SourceRef
from consilience.stories import group

ECB = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus-dev" / "docs.jsonl"


def _ecb_articles() -> list[Article]:
    path = ECB
    if not path.exists():
        pytest.skip(f"{path} is absent: it lives in ../shared beside the checkout (CI has it)")
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [
        Article(
            id=d["id"],
            source=SourceRef(str(path)),
            kind="jsonl",
            raw_text=d["text"],
            text=d["text"],
            language="en",
        )
        for d in docs
    ]


def test_seeds_form_one_story_among_ecb_documents(seeds_report) -> None:  # noqa: ANN001
    seeds = list(seeds_report.articles)
    seed_ids = {a.id for a in seeds}
    assert len(seed_ids) == 5
    ecb = _ecb_articles()
    stories = group(ecb + seeds)
    holding = [s for s in stories if seed_ids & set(s.articles)]
    assert len(holding) == 1
    assert set(holding[0].articles) == seed_ids
    assert sum(len(s.articles) for s in stories) == len(ecb) + 5


def test_seeds_alone_form_one_story(seeds_report) -> None:  # noqa: ANN001
    (story,) = group(seeds_report.articles)
    assert set(story.articles) == {a.id for a in seeds_report.articles}
