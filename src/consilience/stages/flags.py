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
        changed = {a.id: replace(a, flags=flags.get(a.id, ())) for a in members}
        return story, changed
