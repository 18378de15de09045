"""``annotate``: sentences, named entities and date spans, from spaCy (``annotate.runner``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..annotate import runner
from ..model import Article, Skipped
from ..resources import Resources
from ..runtime import stage_failure
from ..settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


class Annotate:
    """spaCy over English articles (batched, in several processes for large runs); spaCy over
    articles in a language with a configured model (``Settings.language_models``), serially;
    a plain splitter for sentences elsewhere. Dates are found in every language (spaCy's DATE
    spans and ``extra_date_spans`` in English, ``foreign_date_spans`` elsewhere)."""

    name = "annotate"
    requires = ("text", "language")
    assigns = ("sentences", "entities", "date_spans")

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings
        self.resources = resources
        self.nlp = resources.english()
        self.detector = resources.detector()

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        english = [a.text for a in articles if a.language == "en"]
        docs = runner.docs(self.nlp, english, self.settings.batch_size, self.settings.workers)
        for article in articles:
            try:
                yield self._annotated(article, docs)
            except Exception as exc:
                yield stage_failure(self.name, article, exc)

    def _annotated(self, article: Article, docs: Iterator[Doc | Exception]) -> Article:
        """``article`` with its annotations; an English one takes the next of ``docs``."""
        if article.language == "en":
            doc = next(docs)
            if isinstance(doc, Exception):
                raise doc
            found = runner.english(
                article.text, doc, self.detector, article.language, article.language_spans
            )
        else:
            model = self.resources.language_model(article.language)
            found = runner.foreign(
                article.text, article.language, model, self.detector, article.language_spans
            )
        annotations = replace(
            article.annotations,
            sentences=found.sentences,
            entities=found.entities,
            dates=found.dates,
        )
        return replace(article, annotations=annotations, language_spans=None)
