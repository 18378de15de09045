"""The team's noise labels (tests/data/claims_eval/noise.json, issue 13): one label per sentence of
the seeds and of the sample corpus, each sentence found by an anchor of at most three words.

Checks that the file is well formed and that every anchor is found, at its nth occurrence, in the
article text as consilience's readers give it, in reading order. The seeds part needs ../shared
and is skipped with a reason when it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from consilience.ingest import read_inputs
from consilience.model import RawDoc
from consilience.sample import corpus_files
from consilience.settings import Settings

LABELS = ROOT / "tests" / "data" / "claims_eval" / "noise.json"
KINDS = frozenset(
    "background opinion question headline fragment unresolved quote-only unsupported".split()
)
ALLOWED = frozenset({"fact"} | {f"noise:{k}" for k in KINDS})


@pytest.fixture(scope="module")
def labels() -> dict:
    return json.loads(LABELS.read_text(encoding="utf-8"))


def article_text(raw: RawDoc) -> str:
    """The body as read, with the title line first unless the body already shows it near its
    start (the rule the labels were written against; see the file's "about")."""
    title = (raw.title or "").strip()
    if title and title not in raw.text[:500]:
        return title + "\n" + raw.text
    return raw.text


def read_articles(paths: list[Path]) -> dict[str, str]:
    """Article key -> text: a seed by the first three characters of its file name, a sample
    file by its stem, an item of a file holding several by stem#N (N from 1, in file order)."""
    by_file: dict[Path, list[RawDoc]] = {}
    for path in paths:
        docs = [d for d in read_inputs([path], Settings()) if isinstance(d, RawDoc)]
        assert docs, f"{path} gave no article"
        by_file[path] = docs
    out = {}
    for path, docs in by_file.items():
        stem = path.name.split(".")[0]
        several = len(docs) > 1 or docs[0].source.line is not None
        several = several or docs[0].source.entry is not None
        if not several:
            key = stem[:3] if re.match(r"\d{3}_", stem) else stem
            out[key] = article_text(docs[0])
        else:
            for n, doc in enumerate(docs, 1):
                out[f"{stem}#{n}"] = article_text(doc)
    return out


def nth_position(text: str, anchor: str, nth: int) -> int:
    """Where the nth occurrence of ``anchor`` starts (the search restarts one character after
    each hit), or -1."""
    pos = -1
    for _ in range(nth):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            return -1
    return pos


def check_anchors(articles: dict[str, str], labelled: dict[str, list[dict]]) -> list[str]:
    problems = []
    assert set(labelled) == set(articles), set(labelled) ^ set(articles)
    for key, rows in labelled.items():
        text, last = articles[key], -1
        for i, row in enumerate(rows, 1):
            pos = nth_position(text, row["anchor"], row["nth"])
            if pos < 0:
                problems.append(f"{key} #{i}: {row['anchor']!r} (nth {row['nth']}) not found")
            elif pos <= last:
                problems.append(f"{key} #{i}: {row['anchor']!r} is not after the row before it")
            else:
                last = pos
    return problems


def test_the_label_file_is_well_formed(labels):
    assert isinstance(labels["about"], str) and labels["about"].strip()
    assert set(labels["datasets"]) == {"seeds", "sample"}
    for name, dataset in labels["datasets"].items():
        assert dataset["articles"], name
        for key, rows in dataset["articles"].items():
            assert isinstance(rows, list) and rows, (name, key)
            for row in rows:
                assert set(row) == {"anchor", "nth", "label"}, (name, key, row)
                assert isinstance(row["anchor"], str) and row["anchor"].strip(), (name, key, row)
                assert row["anchor"] == row["anchor"].strip(), (name, key, row)
                assert 1 <= len(row["anchor"].split()) <= 3, (name, key, row)
                assert isinstance(row["nth"], int) and row["nth"] >= 1, (name, key, row)
                assert row["label"] in ALLOWED, (name, key, row)


def test_every_sample_anchor_is_found_in_reading_order(labels):
    articles = read_articles(corpus_files())
    assert len(articles) == 8  # six files, two of them holding two articles each
    problems = check_anchors(articles, labels["datasets"]["sample"]["articles"])
    assert not problems, "\n".join(problems)


@pytest.mark.shared
def test_every_seed_anchor_is_found_in_reading_order(labels):
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seeds live in ../shared beside the checkout")
    articles = read_articles(sorted(p for p in SEEDS.iterdir() if p.is_file()))
    assert len(articles) == 5
    problems = check_anchors(articles, labels["datasets"]["seeds"]["articles"])
    assert not problems, "\n".join(problems)
