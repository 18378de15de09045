"""What the stages share: the per-article base (one article at a time, a failure sets that
article aside), the story-stage base, and ``PerStory``, which runs a stage written for a list of
articles over the articles of one story.

A stage names what it requires and assigns (checked by ``pipeline.check_order``), takes what it
needs from the run's ``Resources`` in ``initialize``, and turns an exception on one article into
a ``Skipped`` record for that article only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from ..model import Article, Skipped, Story
from ..resources import Resources
from ..runtime import stage_failure
from ..settings import Settings


class PerArticle:
    """Base for stages that treat one article at a time."""

    name = "stage"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings

    def process(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        for article in articles:
            try:
                yield self.process(article)
            except Exception as exc:  # one bad article must not stop the run
                yield stage_failure(self.name, article, exc)


def with_annotations(article: Article, **changes: Any) -> Article:
    """``article`` with the given fields of its annotations replaced."""
    return replace(article, annotations=replace(article.annotations, **changes))


class StoryStageBase:
    name = "story-stage"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def initialize(self, settings: Settings, resources: Resources) -> None:
        self.settings = settings

    @staticmethod
    def members(story: Story, articles: Mapping[str, Article]) -> list[Article]:
        return [articles[aid] for aid in story.articles]


class ArticlesStage(Protocol):
    """A stage over a list of articles (``PerArticle``, ``PublishedDate``)."""

    # read-only: a stage may declare them as fixed-length tuples
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def assigns(self) -> tuple[str, ...]: ...

    def initialize(self, settings: Settings, resources: Resources) -> None: ...

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]: ...


class PerStory(StoryStageBase):
    """Runs a stage written for a list of articles over the articles of one story.

    An article that breaks the inner stage keeps what it had before that stage (it is not
    dropped: it still belongs to its story); the failure is reported in ``skipped``."""

    def __init__(self, inner: ArticlesStage) -> None:
        self.inner = inner
        self.name = inner.name
        self.requires = inner.requires
        self.assigns = inner.assigns
        self._failures: list[Skipped] = []

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.inner.initialize(settings, resources)

    def process_story(
        self, story: Story, articles: Mapping[str, Article]
    ) -> tuple[Story, dict[str, Article]]:
        members = self.members(story, articles)
        changed = {}
        for before, after in zip(members, self.inner.pipe(members), strict=True):
            if isinstance(after, Skipped):
                self._failures.append(after)
            else:
                changed[before.id] = after
        return story, changed

    def drain_failures(self) -> list[Skipped]:
        out, self._failures = self._failures, []
        return out
