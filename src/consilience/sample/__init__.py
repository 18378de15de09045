"""The sample corpus shipped with consilience: one invented flood reported by several invented
outlets, in every input format the readers take (see ``corpus/README.md`` for what is true)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["corpus_files", "corpus_path"]

# Files in the folder that are not articles.
_NOT_ARTICLES = frozenset({"README.md"})


def corpus_path() -> Path:
    """Return the folder that holds the sample corpus files.

    Raises ``ResourceError`` when the package is not installed as plain files (a zipped install
    has no folder the readers could open).
    """
    resource = files(__package__) / "corpus"
    if not isinstance(resource, Path) or not resource.is_dir():
        from ..errors import ResourceError

        raise ResourceError(f"the sample corpus is not a folder on disk: {resource}")
    return resource


def corpus_files() -> list[Path]:
    """Return the corpus's article files (every file but the README), sorted by name."""
    folder = corpus_path()
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _NOT_ARTICLES)
