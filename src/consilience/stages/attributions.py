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
        from ..annotate.attribution_lang import find_attributions_in, has_attribution_language

        ann: Annotations = article.annotations
        language = article.language or "en"
        if language.split("-")[0] != "en" and has_attribution_language(language):
            found = find_attributions_in(article.text, ann.sentences, ann.entities, language)
        else:
            found = find_attributions(article.text, ann.sentences, ann.entities)
        return with_annotations(article, attributions=tuple(found))
