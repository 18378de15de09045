"""Cross-article entity resolution: every entity mention of a story in exactly one entity, with a
canonical name, a type, its aliases, its mentions, a gazetteer place for places and the reasons
its mentions were joined (see ``docs/entities.md``).

``resolve_story(articles, gazetteer, aliases=None)`` is the story stage's function;
``load_aliases(path)`` reads a user's alias file; ``to_geojson(entities)`` maps a story's places.
"""

from __future__ import annotations

from .aliases import BUILTIN, AliasEntry, AliasTable, load_aliases
from .geo import to_geojson
from .resolver import resolve_story

__all__ = ["BUILTIN", "AliasEntry", "AliasTable", "load_aliases", "resolve_story", "to_geojson"]
