"""``claims``: claims grouped across articles and judged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Article, Story
from ..resources import Resources
from ..settings import Settings
from .base import StoryStageBase


class Claims(StoryStageBase):
    """Claims grouped across articles and judged: corroborated (by how many independent
    sources), single source, disputed (with the conflicting values) or updated."""

    name = "claims"
    requires = ("story_entities", "sources", "flags", "attributions", "quantities", "dates")
    assigns = ("claims",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.gazetteer = resources.gazetteer()
        self.encoder = resources.encoder()

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        from ..verdicts import analyze_story

        claims = analyze_story(
            self.members(story, articles),
            story.entities,
            story.sources,
            gazetteer=self.gazetteer,
            params=self.settings.align,
            encoder=self.encoder,
        )
        return replace(story, claims=claims), {}
