"""What the claims tests share: invented mini-stories written to a folder and run through the
real pipeline, the run's gazetteer, finding the claim that holds a phrase of an article, and
hand-built claim candidates and figures (``candidate``, ``figure``).

Imported by the claims test modules (pytest puts this folder on the import path); not a test
module itself."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import consilience
from consilience.claims.records import ClaimCandidate, Figure
from consilience.gazetteer import Gazetteer
from consilience.model import Article, Claim, Report
from consilience.settings import Settings

# The day the invented stories are read on: after every date they give.
REFERENCE = date(2031, 1, 1)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer the claims stage is given (it places towns in their countries)."""
    return Gazetteer.open(Settings())


def doc(outlet: str, published: str, body: str) -> str:
    """Return a text file with front matter: title, outlet and publication day."""
    return f"---\ntitle: {outlet} report\noutlet: {outlet}\npublished: {published}\n---\n{body}\n"


def analysed(tmp_path_factory, name: str, files: dict[str, str]) -> Report:  # noqa: ANN001
    """Return the report of ``files`` (file name -> text) written to a folder of their own."""
    folder: Path = tmp_path_factory.mktemp(name)
    for file, text in files.items():
        (folder / file).write_text(text, "utf-8")
    return consilience.analyze([folder], reference_date=REFERENCE, progress=False)


def by_name(report: Report) -> dict[str, Article]:
    """Return the report's articles keyed by their file's stem."""
    return {Path(a.source.path).stem: a for a in report.articles}


def one_story_claims(report: Report) -> tuple[Claim, ...]:
    """Return the claims of the report's one story (asserting there is exactly one)."""
    assert len(report.stories) == 1
    return report.stories[0].claims


def in_file_order(report: Report) -> list[Article]:
    """Return the report's articles in the order of their file names."""
    return sorted(report.articles, key=lambda a: Path(a.source.path).name)


def holding(claims: tuple[Claim, ...], article: Article, phrase: str) -> list[Claim]:
    """Return the claims whose evidence holds (the first occurrence of) ``phrase`` of
    ``article``."""
    pos = article.text.index(phrase)
    return [
        c
        for c in claims
        if any(e.article == article.id and e.start <= pos < e.end for e in c.evidence)
    ]


def claim_with(claims: tuple[Claim, ...], article: Article, phrase: str) -> Claim:
    """Return the claim whose evidence holds ``phrase`` of ``article`` (the one with the
    shortest evidence when several do: a figure's clause before its sentence's statement)."""
    found = holding(claims, article, phrase)
    assert found, f"no claim holds {phrase!r}"
    return min(found, key=lambda c: (sum(e.end - e.start for e in c.evidence), c.id))


def candidate(article: str, i: int = 0, **fields: object) -> ClaimCandidate:
    """A hand-built statement of ``article`` at offset ``i`` (id ``article@i``, span ``[i, i +
    1)``), asserted, with no attribution, entity, class or word but those ``fields`` give."""
    made: dict[str, object] = {
        "id": f"{article}@{i}",
        "article": article,
        "start": i,
        "end": i + 1,
        "sentence": (i, i + 1),
        "text": f"sentence {i} of {article}",
        "kind": "statement",
        "published": None,
        "stance": "asserted",
        "negated": False,
        "disputes_reports": False,
        "attributed_to": None,
        "cue": None,
        "channel": None,
        "attribution": None,
        "entities": frozenset(),
        "places": frozenset(),
        "classes": frozenset(),
        "sides": frozenset(),
        "words": frozenset(),
    }
    made.update(fields)
    return ClaimCandidate(**made)  # type: ignore[arg-type]


def figure(value: float, **fields: object) -> Figure:
    """A hand-built count of ``value`` people (exact, no unit, at ``[0, 1)``) but what
    ``fields`` give."""
    made: dict[str, object] = {
        "value": value,
        "text": f"{value:g}",
        "start": 0,
        "end": 1,
        "unit": None,
        "dimension": "count",
        "base": value,
        "counted": "people",
        "approximate": False,
        "qualifier": None,
        "event": None,
    }
    made.update(fields)
    return Figure(**made)  # type: ignore[arg-type]
