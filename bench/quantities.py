"""Quantities across languages: is every figure of an English article found in its translations?

Data: ``../shared/data/meantime-multilingual/docs.jsonl`` (120 English news articles and their
Spanish, Italian and Dutch translations, one JSON object a line: id, language, event, text).
For every quantity ``consilience.annotate.quantities.find_quantities`` finds in an English
article, the translation of the same article (same ``event``) is read with the same function
and the translation's language; the figure counts as found when a quantity of the translation
has the same value (relative difference under 1e-6) and, when both have a unit, the same unit.

Scores: recall per language (found / English figures) and overall; per language also the
share found with the same unit, and the concept agreement (of the English figures with a
concept, the share whose match has the same concept). The issue asks recall >= 0.85.

Writes ``bench/results/quantities.json``; ``--show N`` prints up to N misses per language.
Skipped, with a message, when ``../shared`` is absent.

Usage::

    python bench/quantities.py
    python bench/quantities.py --show 20
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "meantime-multilingual" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "quantities.json"
FLOOR = 0.85


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score(docs: list[dict[str, str]], show: int = 0) -> dict[str, object]:
    """Return the recall figures over ``docs``; print up to ``show`` misses per language."""
    from consilience.annotate.quantities import find_quantities

    by_event: dict[str, dict[str, str]] = defaultdict(dict)
    for d in docs:
        by_event[d["event"]][d["language"]] = d["text"]
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: dict[str, list[str]] = defaultdict(list)
    for event, texts in sorted(by_event.items()):
        en = texts.get("en")
        if en is None:
            continue
        en_q = find_quantities(en, language="en")
        for lang, text in sorted(texts.items()):
            if lang == "en":
                continue
            found = find_quantities(text, language=lang)
            for q in en_q:
                c = per[lang]
                c["figures"] += 1
                match = [f for f in found if _same(f.value, q.value)]
                unit_ok = [f for f in match if q.unit is None or f.unit is None or f.unit == q.unit]
                if unit_ok:
                    c["found"] += 1
                    if any(f.unit == q.unit for f in unit_ok):
                        c["same_unit"] += 1
                    if q.concept:
                        c["with_concept"] += 1
                        c["same_concept"] += any(f.concept == q.concept for f in unit_ok)
                elif len(misses[lang]) < show:
                    misses[lang].append(
                        f"{event}: {en[q.start : q.end]!r} = {q.value:g} {q.unit or ''}".rstrip()
                    )
    languages = {}
    total_f = total_n = 0
    for lang, c in sorted(per.items()):
        total_f += c["found"]
        total_n += c["figures"]
        languages[lang] = {
            "figures": c["figures"],
            "found": c["found"],
            "recall": round(c["found"] / c["figures"], 4) if c["figures"] else None,
            "same_unit": round(c["same_unit"] / c["figures"], 4) if c["figures"] else None,
            "concept_agreement": (
                round(c["same_concept"] / c["with_concept"], 4) if c["with_concept"] else None
            ),
        }
    for lang, lines in misses.items():
        print(f"misses, {lang}:")
        for line in lines:
            print("   ", line)
    return {
        "dataset": "meantime-multilingual",
        "articles_en": sum(1 for t in by_event.values() if "en" in t),
        "languages": languages,
        "recall": round(total_f / total_n, 4) if total_n else None,
        "floor": FLOOR,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print up to N misses per language")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (../shared is not laid out here)")
        return 0
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    t0 = time.perf_counter()
    result = score(docs, args.show)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    recall = result["recall"]
    if isinstance(recall, float) and recall < FLOOR:
        print(f"recall {recall} is under {FLOOR}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
