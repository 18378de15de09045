"""Scoring shared by the evaluation gates (bench/*.py) and their tests: B-cubed clustering
scores and the check of measured figures against their floors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)


def bcubed(
    gold: Mapping[Item, Hashable], system: Mapping[Item, Hashable]
) -> tuple[float, float, float]:
    """Return B-cubed (precision, recall, F1) of ``system`` clusters against ``gold`` clusters,
    both {item: label}, over the items of ``gold`` (an item missing from ``system`` is a
    cluster of its own)."""
    if not gold:
        return 0.0, 0.0, 0.0
    sys_label = {item: system.get(item, ("missing", item)) for item in gold}
    size_g = Counter(gold.values())
    size_s = Counter(sys_label.values())
    both = Counter((sys_label[i], gold[i]) for i in gold)
    p = sum(both[(sys_label[i], gold[i])] / size_s[sys_label[i]] for i in gold) / len(gold)
    r = sum(both[(sys_label[i], gold[i])] / size_g[gold[i]] for i in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def under_floors(measured: Mapping[str, float | None], floors: Mapping[str, float]) -> list[str]:
    """Return a line per figure under its floor (or not measured). Keys starting with "_" in
    ``floors`` are notes, not floors."""
    return [
        f"{name}: {measured.get(name)} < floor {floor}"
        for name, floor in floors.items()
        if not name.startswith("_") and ((value := measured.get(name)) is None or value < floor)
    ]
