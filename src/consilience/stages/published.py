"""``published``: each article's publication date, from its metadata or its story's text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..model import Article, Skipped
from ..resources import Resources
from ..runtime import today
from ..settings import Settings


class PublishedDate:
    """Publication date from metadata, else inferred from the text using every article of the
    story together (a month-day without a year takes the year of the story's anchors). Run it
    per story (``PerStory``): every article given is treated as one story."""

    name = "published"
    requires = ("text", "date_spans")
    assigns = ("published",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        from ..annotate.published import story_dates

        dated = story_dates(articles, today(self.settings))
        for a in articles:
            yield replace(a, published=dated[a.id])
