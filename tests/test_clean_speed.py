"""Cleaning stays fast: a regression guard against accidental quadratic work."""

from __future__ import annotations

import time

from consilience.clean import clean

_PARAGRAPH = (
    "The \u201ccommittee\u201d met on Monday,and officials said about 2,000 people had left "
    "the region since the storm.The mayor\u2019s office asked residents to stay home; the "
    "U.N. sent a team of 40 experts to help with the relief work in the area. "
)


def _article(n: int) -> str:
    body = "\n\n".join(_PARAGRAPH * 2 for _ in range(12))
    return f"Share\n\nHeadline number {n} about a storm\n\n{body}\n\nworld\nRelated\n- a link\n"


def test_one_thousand_5kb_articles_in_well_under_a_few_seconds() -> None:
    docs = [_article(n) for n in range(1000)]
    assert 5000 <= len(docs[0]) <= 6000
    start = time.perf_counter()
    results = [clean(d) for d in docs]
    elapsed = time.perf_counter() - start
    assert results[0].text.startswith("Headline number 0 about a storm\n\n")
    assert [r.reason for r in results[0].removed] == [
        "share_widget",
        "section_kicker",
        "related_links",
    ]
    # ~0.3 s on one core of the development machine; the bound leaves room for a busy machine.
    assert elapsed < 3.0, f"cleaning 1000 articles of 5 KB took {elapsed:.2f} s"
