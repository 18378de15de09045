"""``language``: the article's language, with the detector's confidence, and the sentences
written in another language (``Article.language_spans``): lingua reads them here, where the
article's language is read, so that annotate, which splits the sentences again, need not (the
workers of a run then load no lingua model: ``pipeline.Prepared`` runs this stage in a helper
process while their server loads the spaCy models)."""

from __future__ import annotations

from dataclasses import replace

from ..annotate.nlp import simple_sentences
from ..model import Article
from ..resources import Resources
from ..settings import Settings
from .base import PerArticle


class Language(PerArticle):
    name = "language"
    requires = ("text",)
    assigns = ("language",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.detector = resources.detector()

    def process(self, article: Article) -> Article:
        code, confidence = self.detector.detect(article.text)
        language = code or article.declared_language
        spans = [(s.start, s.end) for s in simple_sentences(article.text)]
        return replace(
            article,
            language=language,
            language_confidence=round(confidence, 3) if code else None,
            language_spans=self.detector.foreign_spans(article.text, spans, language),
        )
