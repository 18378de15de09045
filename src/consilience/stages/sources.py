"""``sources``: independent origins; an article and its copies / rewrites count once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from ..resources import Resources
from ..settings import Settings
from .base import StoryStageBase


class Sources(StoryStageBase):
    """Independent origins: an article and its copies / rewrites count once."""

    name = "sources"
    requires = ("text", "entities", "quantities", "published", "gist")
    assigns = ("sources",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.resources = resources

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..sources.independence import find_sources

        members = self.members(story, articles)
        # the sentence encoder checks a translation's sentences: only a story in two
        # languages or more can hold one
        several = len({a.language for a in members if a.language}) > 1
        encoder = self.resources.encoder() if several else None
        sources = find_sources(
            members, self.settings.independence, self.settings.translations, encoder
        )
        return replace(story, sources=sources), {}
