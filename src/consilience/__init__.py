"""consilience: what independent news sources establish, and where they disagree.

``import consilience`` is light: models and data load only when a pipeline is initialised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .model import Report
    from .settings import Settings

__all__ = ["analyze", "__version__"]


def analyze(paths, settings: Settings | None = None, **kwargs) -> Report:  # noqa: ANN001
    """Read ``paths`` (files, folders, ``-`` for stdin), run the whole pipeline and return a
    ``Report``. Keyword arguments override fields of ``Settings``."""
    from .pipeline import analyze as _analyze

    return _analyze(paths, settings=settings, **kwargs)
