"""``clean``: boilerplate out, characters normalised, offsets kept back to the raw input."""

from __future__ import annotations

from dataclasses import replace

from ..model import Article
from .base import PerArticle


class Clean(PerArticle):
    name = "clean"
    requires = ("raw_text",)
    assigns = ("text", "title", "removed")

    def process(self, article: Article) -> Article:
        from ..clean import clean, headline

        cleaned = clean(article.raw_text, title=article.title)
        title = article.title or headline(cleaned.text)
        return replace(
            article,
            text=cleaned.text,
            offsets=cleaned.offsets,
            removed=cleaned.removed,
            title=title,
        )
