"""``timeline``: dated events in order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from ..resources import Resources
from ..settings import Settings
from .base import StoryStageBase


class Timeline(StoryStageBase):
    """Dated events in order; one event given different dates is one entry with a conflict."""

    name = "timeline"
    requires = ("dates", "story_entities", "claims")
    assigns = ("timeline",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.parser = resources.parser()

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..timeline import build_timeline

        events = build_timeline(
            self.members(story, articles), story.claims, story.entities, nlp=self.parser
        )
        return replace(story, timeline=events), {}
