"""``dates``: every date phrase resolved against the article's publication date."""

from __future__ import annotations

from datetime import date

from ..model import Article
from .base import PerArticle, with_annotations


class Dates(PerArticle):
    name = "dates"
    requires = ("date_spans", "published")
    assigns = ("dates",)

    def process(self, article: Article) -> Article:
        from ..annotate.dates import date_mentions

        spans = [(d.start, d.end) for d in article.annotations.dates]
        pub = date.fromisoformat(article.published.date) if article.published.date else None
        found = date_mentions(article.text, spans, pub, language=article.language or "en")
        return with_annotations(article, dates=tuple(found))
