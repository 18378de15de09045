"""Helpers shared by the entity-resolution tests: annotated articles written inline."""

from __future__ import annotations

import re

from consilience.model import Annotations, Article, Entity, EntityMention, Published, SourceRef


def article(aid: str, text: str, specs: list[tuple], published: str | None = None) -> Article:
    """An annotated article; entities given as (substring, label[, occurrence])."""
    ents = []
    for spec in specs:
        sub, label, nth = (*spec, 0)[:3]
        starts = [m.start() for m in re.finditer(re.escape(sub), text)]
        ents.append(EntityMention(starts[nth], starts[nth] + len(sub), label))
    return Article(
        id=aid,
        source=SourceRef(f"{aid}.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        annotations=Annotations(entities=tuple(ents)),
        published=Published(published, "metadata") if published else Published(),
    )


def by_alias(ents: tuple[Entity, ...], alias: str) -> Entity:
    """The one entity that lists ``alias``."""
    found = [e for e in ents if alias in e.aliases]
    assert len(found) == 1, (alias, found)
    return found[0]


def surfaces(e: Entity, arts: list[Article]) -> list[str]:
    """The text of each of ``e``'s mentions, in mention order."""
    texts = {a.id: a.text for a in arts}
    return [texts[m.article][m.start : m.end] for m in e.mentions]
