"""``flags``: per-article warnings, each with its evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from ..resources import Resources
from ..settings import Settings
from .base import StoryStageBase


class Flags(StoryStageBase):
    """Per-article warnings, each with its evidence: machine translation, copy, rewrite,
    unsupported content, low quality."""

    name = "flags"
    requires = ("sources", "sentences", "entities", "quantities", "dates", "attributions")
    assigns = ("flags",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        from ..flags import english_vocabulary

        super().initialize(settings, resources)
        self.gazetteer = resources.gazetteer()
        # the misspelling signal's word list: the English model's vocabulary
        self.vocabulary = english_vocabulary(settings.spacy_model) or frozenset()

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..flags import article_flags

        members = self.members(story, articles)
        flags = article_flags(
            members,
            story.sources,
            gazetteer=self.gazetteer,
            vocabulary=self.vocabulary,
            params=self.settings.flags,
        )
        flagged = [replace(a, flags=flags.get(a.id, ())) for a in members]
        return story, {a.id: a for a in self._redated(flagged)}

    def _redated(self, articles: list[Article]) -> list[Article]:
        """Return ``articles``, those dated from a phrase in content flagged as unsupported
        dated again without it (and their date phrases resolved against the new date):
        appended content no other report supports never dates its article."""
        from ..annotate.published import story_dates
        from ..model import inside, unsupported_spans
        from ..runtime import today
        from .dates import Dates

        spans = {a.id: unsupported_spans(a) for a in articles}
        stale = {
            a.id
            for a in articles
            if a.published.from_ == "text"
            and a.published.evidence is not None
            and inside(spans[a.id], *a.published.evidence)
        }
        if not stale:
            return articles
        dated = story_dates(articles, today(self.settings), exclude=spans)
        return [
            Dates().process(replace(a, published=dated[a.id])) if a.id in stale else a
            for a in articles
        ]
