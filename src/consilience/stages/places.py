"""``places``: place names confirmed (and placed) by the gazetteer; in a language without a
spaCy model, place names found by the gazetteer alone."""

from __future__ import annotations

from ..model import Article
from ..resources import Resources
from ..settings import Settings
from .base import PerArticle, with_annotations


class Places(PerArticle):
    name = "places"
    requires = ("entities",)
    assigns = ("places",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.gazetteer = resources.gazetteer()

    def process(self, article: Article) -> Article:
        from ..annotate.dates import calendar_words
        from ..annotate.gazetteer_places import find_places
        from ..annotate.language import function_words
        from ..annotate.places import confirm_places, story_countries

        if not article.annotations.entities:
            if article.language in (None, "en"):
                return article
            # A language without a spaCy model: the places its text names, by the gazetteer's
            # names in every language (consilience.annotate.gazetteer_places).
            found = find_places(
                article.text,
                self.gazetteer,
                article.language,
                # "Montag", "Mai": days and months name no place
                skip_words=function_words(article.language) | calendar_words(article.language),
            )
            return with_annotations(article, entities=tuple(found)) if found else article
        ents = article.annotations.entities
        countries = story_countries(article.text, ents, self.gazetteer)
        confirmed = confirm_places(article.text, ents, self.gazetteer, countries)
        return with_annotations(
            article, entities=tuple(sorted(confirmed, key=lambda e: (e.start, e.end)))
        )
