"""``resolve``: one entity per actor or place across the story's articles, places geocoded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from ..resources import Resources
from ..settings import Settings
from .base import StoryStageBase


class ResolveEntities(StoryStageBase):
    """One entity per actor or place across the story's articles, places geocoded."""

    name = "resolve"
    requires = ("entities", "places", "published")
    assigns = ("story_entities",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.gazetteer = resources.gazetteer()
        self.aliases = resources.aliases()

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..resolve import resolve_story

        entities = resolve_story(self.members(story, articles), self.gazetteer, self.aliases)
        return replace(story, entities=entities), {}
