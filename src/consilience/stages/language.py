"""``language``: the article's language, with the detector's confidence."""

from __future__ import annotations

from dataclasses import replace

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
        return replace(
            article,
            language=code or article.declared_language,
            language_confidence=round(confidence, 3) if code else None,
        )
