"""The stages of the pipeline, one thin module each: they adapt records to each package's
functions and name their failure mode. Their order is written down once, in
``consilience.pipeline`` (``default_stages``, ``default_story_stages``).

Per-article stages: ``Clean``, ``Language``, ``Annotate``, ``Places``, ``Gist``, ``Quantities``,
``Attributions``. Story stages (each sees the articles of one story together):
``PerStory(PublishedDate())``, ``PerStory(Dates())``, ``ResolveEntities``, ``Sources``,
``Flags``, ``Claims``, ``Timeline``.
"""

from __future__ import annotations

from .annotate import Annotate
from .attributions import Attributions
from .base import PerArticle, PerStory, StoryStageBase, with_annotations
from .claims import Claims
from .clean import Clean
from .dates import Dates
from .flags import Flags
from .gist import Gist
from .language import Language
from .places import Places
from .published import PublishedDate
from .quantities import Quantities
from .resolve import ResolveEntities
from .sources import Sources
from .timeline import Timeline

__all__ = [
    "Annotate",
    "Attributions",
    "Claims",
    "Clean",
    "Dates",
    "Flags",
    "Gist",
    "Language",
    "PerArticle",
    "PerStory",
    "Places",
    "PublishedDate",
    "Quantities",
    "ResolveEntities",
    "Sources",
    "StoryStageBase",
    "Timeline",
    "with_annotations",
]
