"""Stable story ids: a link to a story shared yesterday still leads to it today.

A run re-forms every story from all stored articles, and a story's membership changes when
articles join it. The store therefore names stories itself, once, and carries each name over
from run to run by the articles the stories share:

- a story whose articles held no id before (all of them new) gets a fresh id, made from its
  smallest article id (``s`` and 8 hex digits of its SHA-256), so the same runs over the same
  inputs give the same ids;
- a story keeps the id of the earlier story it shares the most articles with (each earlier id
  goes to one story only; ties go to the lower id, then to the earlier story);
- an earlier id no story kept (two stories merged) becomes a redirect to the story holding most
  of its articles, so the old link leads to the merged story.

An id is never given twice: a fresh id that was ever used (live or redirected) takes a suffix.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence


def fresh_id(first_article: str, used: set[str]) -> str:
    """A new story id from ``first_article``: ``s`` + 8 hex digits, with ``-2``, ``-3``...
    appended when that id was ever used."""
    digest = hashlib.sha256(first_article.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    sid, n = f"s{digest}", 1
    while sid in used:
        n += 1
        sid = f"s{digest}-{n}"
    return sid


def assign(
    groups: Sequence[Sequence[str]],
    previous: Mapping[str, str],
    used: set[str],
) -> tuple[list[str], dict[str, str]]:
    """The id of each story ``groups`` (their article ids, in story order) and the redirects
    (earlier id -> id now holding most of its articles) for earlier ids no story kept.

    ``previous`` maps each article stored before this run to its story's id; ``used`` is
    every id ever given (it is not changed)."""
    overlap = [Counter(previous[a] for a in group if a in previous) for group in groups]
    pairs = sorted(
        (-count, sid, index)
        for index, shared in enumerate(overlap)
        for sid, count in shared.items()
    )
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _, sid, index in pairs:
        if ids[index] is None and sid not in taken:
            ids[index] = sid
            taken.add(sid)
    given = set(used)
    final: list[str] = []
    for index, group in enumerate(groups):
        kept = ids[index]
        if kept is None:
            kept = fresh_id(min(group), given)
            given.add(kept)
        final.append(kept)
    redirects: dict[str, str] = {}
    for old in sorted(set(previous.values()) - taken):
        if not groups:
            break
        holder = max(range(len(groups)), key=lambda i: (overlap[i][old], -i))
        redirects[old] = final[holder]
    return final, redirects
