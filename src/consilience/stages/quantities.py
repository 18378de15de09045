"""``quantities``: numbers with their units."""

from __future__ import annotations

from ..model import Article
from .base import PerArticle, with_annotations


class Quantities(PerArticle):
    name = "quantities"
    requires = ("text",)
    assigns = ("quantities",)

    def process(self, article: Article) -> Article:
        from ..annotate.quantities import find_quantities

        return with_annotations(
            article, quantities=tuple(find_quantities(article.text, language=article.language))
        )
