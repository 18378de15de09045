"""Entity resolution: B-cubed clustering scores on labelled sets, and cost at scale.

Default run (writes the "scores" part of bench/results/entities.json, checks
bench/gates/entities.json, exits 1 when a figure is under its floor):
  * the five seed reports (../shared/seeds; left out with a note when absent) and the sample
    corpus (src/consilience/sample/corpus) go through the real pipeline (cached under
    bench/results/.cache, keyed by the data and the annotation code);
  * each set is one story: ``resolve_story`` over all its articles, then B-cubed precision,
    recall and F1 over the gold mentions of tests/data/entities/seeds.json and sample.json
    (scorer: consilience.resolve.evaluate), and the same for a baseline that joins only
    mentions with the same exact-match key (no join rules).
``--scale``: synthetic stories of 12,500 / 25,000 / 50,000 / 100,000 mentions (``--sizes``),
built by replicating the annotated seed reports and sample corpus with respelt names and new
invented names (see ``synthesise``); time and peak traced memory of ``resolve_story`` alone,
and the growth exponent of time with the number of mentions (the "scale" part of the results).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import pickle
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = ROOT / "tests" / "data" / "entities"
OUT = ROOT / "bench" / "results" / "entities.json"
CACHE = ROOT / "bench" / "results" / ".cache"
GATES = ROOT / "bench" / "gates" / "entities.json"
SIZES = (12_500, 25_000, 50_000, 100_000)
REFERENCE = date(2026, 11, 22)

sys.path.insert(0, str(ROOT / "src"))

from consilience.gazetteer import Gazetteer  # noqa: E402
from consilience.model import Annotations, Article, Entity, EntityMention, Ref  # noqa: E402
from consilience.resolve import resolve_story  # noqa: E402
from consilience.resolve.evaluate import load_gold, score_story  # noqa: E402
from consilience.settings import Settings  # noqa: E402

# ----------------------------------------------------------------------------- data


def _code_hash() -> str:
    """Hash of the annotation code (resolution code aside): a change there refreshes caches."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "src" / "consilience").rglob("*.py")):
        if "resolve" not in path.parts:
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _annotated(name: str, paths: Sequence[Path]) -> list[Article]:
    """Return the articles of ``paths`` through the real pipeline, cached by data and code."""
    import consilience

    data = b"".join(p.read_bytes() for p in sorted(paths))
    key = hashlib.sha256(data + _code_hash().encode()).hexdigest()[:16]
    path = CACHE / f"entities-{name}-{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    report = consilience.analyze(list(paths), reference_date=REFERENCE, progress=False)
    articles = list(report.articles)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(articles))
    return articles


def labelled_sets() -> dict[str, list[Article]]:
    """Return the annotated articles of each labelled set that is available."""
    from consilience.sample import corpus_files

    sets = {}
    if SEEDS.is_dir():
        sets["seeds"] = _annotated("seeds", sorted(SEEDS.glob("*.txt")))
    sets["sample"] = _annotated("sample", corpus_files())
    return sets


# ----------------------------------------------------------------------------- scores


def scores(gazetteer: Gazetteer) -> dict:
    """Return, per labelled set, B-cubed figures, entity count and resolution time."""
    out = {}
    for name, articles in labelled_sets().items():
        start = time.perf_counter()
        entities = resolve_story(articles, gazetteer)
        seconds = time.perf_counter() - start
        gold = load_gold(DATA / f"{name}.json")
        score = score_story(articles, entities, gold)
        base = score_story(articles, exact_key_baseline(articles, gazetteer), gold)
        out[name] = {
            **score.as_dict(),
            "articles": len(articles),
            "entities": len(entities),
            "system_mentions": sum(len(e.mentions) for e in entities),
            "seconds": round(seconds, 3),
            "baseline_exact_key": base.as_dict(),
        }
    if "seeds" not in out:
        out["seeds_note"] = f"{SEEDS} is absent: the seed set was not scored"
    return out


def exact_key_baseline(articles: Sequence[Article], gazetteer: Gazetteer) -> list[Entity]:
    """Return the entities a resolver without join rules would give: the same repaired and
    propagated mentions, one entity per exact-match key (case, punctuation, articles and
    titles aside)."""
    from consilience.resolve import mentions as mn
    from consilience.resolve.resolver import build_groups, prepare

    docs = mn.collect(articles)
    prepare(docs, gazetteer, mn.lower_words(docs))
    groups, _ = build_groups(docs)
    return [
        Entity(
            f"b{g.index}",
            g.surface,
            "MISC",
            tuple(g.surfaces),
            tuple(Ref(m.article, m.start, m.end) for m in g.mentions),
        )
        for g in groups
    ]


def check_gates(result: dict) -> list[str]:
    """Return the failed gates (a figure under its floor); a set that was not scored is not
    checked."""
    gates = json.loads(GATES.read_text("utf-8"))
    failed = []
    for name, floor in gates.items():
        if name.startswith("_"):
            continue
        part, figure = name.rsplit("_", 1)
        if part not in result:
            continue
        value = result[part][figure]
        if value < floor:
            failed.append(f"{name}: {value} < {floor}")
    return failed


# ----------------------------------------------------------------------------- scale

_SYLLABLES = (
    "ba",
    "da",
    "ka",
    "ma",
    "na",
    "ra",
    "sa",
    "ta",
    "za",
    "li",
    "mi",
    "ri",
    "si",
    "hu",
    "mu",
    "ru",
    "lo",
    "no",
    "ko",
    "fe",
    "de",
    "ne",
    "ha",
    "ja",
    "ga",
    "wa",
)
_ORG_HEADS = ("Agency", "Front", "Council", "Brigade", "Movement", "Party", "Institute")


def _respell(surface: str, rng: random.Random) -> str:
    """Return a transliteration-like respelling of a name: one vowel changed, "ou"/"u"
    swapped, a consonant doubled or undoubled, j/g swapped, an article or hyphen changed."""
    rules = [
        lambda s: re.sub(
            r"(?<=[a-z])([aeiou])(?=[a-z])",
            lambda m: rng.choice("aeiou".replace(m.group(1), "")),
            s,
            count=1,
        ),
        lambda s: s.replace("ou", "u", 1) if "ou" in s else s.replace("u", "ou", 1),
        lambda s: (
            re.sub(r"([bdfklmnprst])\1", r"\1", s, count=1)
            if re.search(r"([bdfklmnprst])\1", s)
            else re.sub(r"(?<=[aeiou])([lmnrst])(?=[aeiou])", r"\1\1", s, count=1)
        ),
        lambda s: re.sub(r"\bJ", "G", s, count=1) if "J" in s else re.sub(r"\bG", "J", s, count=1),
        lambda s: s.replace("al-", "el-", 1) if "al-" in s else s.replace("-", " ", 1),
    ]
    for _ in range(3):
        out = rng.choice(rules)(surface)
        if out != surface:
            return out
    return surface


def _invented(n: int, label: str) -> str:
    """Return the n-th invented name of a kind (deterministic)."""
    r = random.Random(n * 7919 + len(label))

    def word(k: int) -> str:
        return "".join(r.choice(_SYLLABLES) for _ in range(k)).capitalize()

    if label == "PERSON":
        return f"{word(2)} {word(3)}"
    if label == "ORG":
        return f"{word(3)} {r.choice(_ORG_HEADS)}"
    return word(3)


def _variant_copy(article: Article, copy: int, rng: random.Random) -> Article:
    """Return a copy of an annotated article whose entity mentions are sometimes respelt
    (25%) or replaced by an invented name of the same kind (15%, from a pool that grows with
    the number of copies, so the number of entities grows with the story)."""
    text, parts, ents, pos = article.text, [], [], 0
    out_len = 0
    for e in sorted(article.annotations.entities, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        surface = text[e.start : e.end]
        roll = rng.random()
        if roll < 0.25:
            new, gid = _respell(surface, rng), None
        elif roll < 0.40:
            new, gid = _invented(rng.randrange(40 + 25 * copy), e.label), None
        else:
            new, gid = surface, e.geonameid
        parts.append(text[pos : e.start])
        out_len += e.start - pos
        ents.append(EntityMention(out_len, out_len + len(new), e.label, e.source, gid))
        parts.append(new)
        out_len += len(new)
        pos = e.end
    parts.append(text[pos:])
    return dataclasses.replace(
        article,
        id=f"{article.id}-{copy}",
        text="".join(parts),
        annotations=Annotations(entities=tuple(ents)),
    )


def synthesise(base: Sequence[Article], mentions: int, seed: int = 7) -> list[Article]:
    """Return a synthetic story with at least ``mentions`` entity mentions: copies of the base
    articles, each with respelt and invented names (deterministic for a seed)."""
    rng = random.Random(seed)
    out: list[Article] = []
    total, copy = 0, 0
    while total < mentions:
        for article in base:
            new = _variant_copy(article, copy, rng)
            out.append(new)
            total += len(new.annotations.entities)
            if total >= mentions:
                break
        copy += 1
    return out


def _clear_caches() -> None:
    """Empty the name caches so that no run profits from the one before."""
    from consilience.resolve import mentions, names

    for fn in (mentions.surface_key, names._rewrite, names.token_skeleton, names._soft_token):
        fn.cache_clear()


def scale(gazetteer: Gazetteer, sizes: Sequence[int]) -> dict:
    """Return time and peak memory of resolve_story on synthetic stories of each size, and the
    growth exponent of time (least squares over log time against log mentions)."""
    base = [a for arts in labelled_sets().values() for a in arts]
    runs = []
    resolve_story(synthesise(base, 2_000), gazetteer)  # warm the gazetteer's pages
    for size in sizes:
        story = synthesise(base, size)
        n = sum(len(a.annotations.entities) for a in story)
        _clear_caches()
        start = time.perf_counter()
        entities = resolve_story(story, gazetteer)
        seconds = time.perf_counter() - start
        _clear_caches()
        tracemalloc.start()
        resolve_story(story, gazetteer)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        runs.append(
            {
                "mentions": n,
                "articles": len(story),
                "entities": len(entities),
                "seconds": round(seconds, 2),
                "peak_mib": round(peak / 2**20, 1),
                "us_per_mention": round(1e6 * seconds / n, 1),
            }
        )
        print(
            f"  {n:>7} mentions, {len(story):>5} articles: {seconds:6.2f} s, "
            f"{peak / 2**20:7.1f} MiB peak, {len(entities)} entities",
            flush=True,
        )
    xs = [math.log(r["mentions"]) for r in runs]
    ys = [math.log(r["seconds"]) for r in runs]
    exponent = None
    if len(runs) > 1:
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        exponent = round(
            sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
            / sum((x - mx) ** 2 for x in xs),
            3,
        )
    return {
        "runs": runs,
        "time_exponent": exponent,
        "base_articles": len(base),
        "memory": "tracemalloc peak during resolve_story",
    }


# ----------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", action="store_true", help="measure cost on synthetic stories")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = ap.parse_args()
    gazetteer = Gazetteer.open(Settings())
    result = json.loads(OUT.read_text("utf-8")) if OUT.exists() else {}
    if args.scale:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        result["scale"] = scale(gazetteer, sizes)
        print(f"time exponent: {result['scale']['time_exponent']}")
        failed: list[str] = []
    else:
        result["scores"] = scores(gazetteer)
        for name, s in result["scores"].items():
            if isinstance(s, dict):
                print(
                    f"{name}: P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  "
                    f"({s['mentions']} gold mentions, {s['found']} found; "
                    f"{s['entities']} entities, {s['seconds']} s; exact-key baseline F1 "
                    f"{s['baseline_exact_key']['f1']:.4f})"
                )
            else:
                print(s)
        failed = check_gates(result["scores"])
        result["scores"]["gates_failed"] = failed
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    for f in failed:
        print(f"GATE FAILED {f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
