"""``attributions``: who is said to have said what."""

from __future__ import annotations

from ..model import Annotations, Article
from .base import PerArticle, with_annotations


class Attributions(PerArticle):
    name = "attributions"
    requires = ("sentences", "entities")
    assigns = ("attributions",)

    def process(self, article: Article) -> Article:
        from ..annotate.attribution import find_attributions

        ann: Annotations = article.annotations
        found = find_attributions(article.text, ann.sentences, ann.entities)
        return with_annotations(article, attributions=tuple(found))
