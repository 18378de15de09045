"""The settings of story grouping: ``Params`` is ``consilience.tuning.StoryParams``, where its
defaults and how they were chosen are written (a run takes them from ``Settings.stories``)."""

from __future__ import annotations

from ..tuning import StoryParams as Params

__all__ = ["Params"]
