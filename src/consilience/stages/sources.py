"""``sources``: independent origins; an article and its copies / rewrites count once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from .base import StoryStageBase


class Sources(StoryStageBase):
    """Independent origins: an article and its copies / rewrites count once."""

    name = "sources"
    requires = ("text", "entities", "quantities", "published", "gist")
    assigns = ("sources",)

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..sources.independence import find_sources

        members = self.members(story, articles)
        sources = find_sources(members, self.settings.independence, self.settings.translations)
        return replace(story, sources=sources), {}
