"""``gist``: the title and lead of each article as one multilingual sentence vector."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Article, Skipped
from ..resources import Resources
from ..settings import Settings
from .base import PerArticle, with_annotations


class Gist(PerArticle):
    """Embeds each article's gist (``consilience.annotate.gist``) in batches; an article whose
    gist text is empty gets none. A batch that fails is retried one article at a time, so only
    the article that breaks the encoder is set aside."""

    name = "gist"
    requires = ("text", "sentences")
    assigns = ("gist",)

    def initialize(self, settings: Settings, resources: Resources) -> None:
        super().initialize(settings, resources)
        self.encoder = resources.encoder()

    def process(self, article: Article) -> Article:
        from ..annotate.gist import gists

        return with_annotations(article, gist=gists([article], self.encoder)[0])

    def pipe(self, articles: Sequence[Article]) -> Iterator[Article | Skipped]:
        from ..annotate.gist import gists

        try:
            packed = gists(articles, self.encoder)
        except Exception:  # one bad text must not cost the batch: retry one at a time
            yield from super().pipe(articles)
            return
        for article, gist in zip(articles, packed, strict=True):
            yield with_annotations(article, gist=gist)
