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
        from ..clean import title as clean_title

        cleaned = clean(article.raw_text, title=article.title)
        # a metadata title that is only a byline, a date or an outlet's name is no title
        title = clean_title(article.title, article.outlet) or headline(cleaned.text, article.outlet)
        # a text cleaning left as it came is the raw text itself, one string, not two equal
        # ones (a run holds every article: about a tenth of its memory)
        text = article.raw_text if cleaned.text == article.raw_text else cleaned.text
        return replace(
            article,
            text=text,
            offsets=cleaned.offsets,
            removed=cleaned.removed,
            title=title,
        )
