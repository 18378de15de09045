"""One reader of the per-language data files under ``consilience/annotate/data/<kind>/``
(quantities, attribution): a language's file, or None when it has none."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any


def language_data(kind: str, code: str) -> dict[str, Any] | None:
    """Return the parsed ``data/<kind>/<code>.json``, or None for English (read by the English
    readers), a code that is no language code, or a language with no file."""
    if not re.fullmatch(r"[a-z]{2,3}", code) or code == "en":
        return None
    try:
        raw = resources.files("consilience.annotate").joinpath(f"data/{kind}/{code}.json")
        data: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return None
    return data
