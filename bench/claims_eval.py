"""Claims evaluation on hand-labelled real articles (issue 13): do a claim's passages assert the
same thing, does each passage back what the claim says, and how much of what comes out is noise.

Datasets (each skipped with a note when its data is absent):
  * ``ecbplus``: ten ECB+ dev events (../shared/data/ecbplus-dev/docs.jsonl), up to six articles
    each, every line of every article labelled in tests/data/claims_eval/ecbplus.json with the
    atomic facts it states (ids per event, conflicts between facts that differ in a value) or a
    noise kind. Each event's articles go through the real pipeline (consilience.analyze on a
    temporary JSON-lines file with id, text and language, as bench/stories.py feeds ECB+; the
    articles carry no dates) and are analysed as one story with the story inputs that
    bench/claims.py builds (sources, entities, flags) and consilience.verdicts.analyze_story.
  * ``seeds`` and ``sample``: the noise labels of tests/data/claims_eval/noise.json (one entry
    per sentence, an anchor of at most three words and a label); only the noise share is
    measured there.

Where a passage lies: each evidence passage (cleaned-text offsets) is mapped back to the raw
text through the article's offset map and so to the labelled lines it overlaps; when the
passage's words are not found in those lines, its words are searched in the whole raw text
(whitespace and case ignored). Passages found neither way are counted (``unmapped``) and left
out of the scores. A claim's text is one of its passages' sentences (verdicts.judge takes the
wording of one candidate); its "text passage" is the evidence passage whose words equal the
claim's text, or whose words the text's are with some left out in order (a wording that leaves
parts of its sentence out), else the one sharing most words with it (counted in
``text_inexact``); the claim's assertion is the set of facts of that passage's line(s) that
the wording states: a line of one fact gives it; a line of several gives the facts whose
anchor words (tests/data/claims_eval/ecbplus_anchors.json: for each such line, the words of
each fact as offsets in the line, labelled blind) each lie in the wording as a run of its
words (``counts.text_part``: wordings asserting fewer facts than their line;
``counts.text_no_fact``: wordings holding no fact's words, judged against the whole line).

Scores (ECB+, over all events):
  * ``pair_precision``: over pairs of passages of one claim from two different articles, the
    share whose lines share a fact id, or, in a disputed claim, state the two sides of a
    labelled conflict (``pair_precision_strict``: a shared fact id only); ``pair_recall``: over
    labelled pairs of lines of two different articles sharing a fact id, the share that lie in
    one claim's evidence; ``fact_recall``: over facts stated by at least two articles, the share
    that some claim holds from lines of two articles;
  * ``support_precision``: over passages of claims whose assertion is not empty and whose
    evidence spans at least two articles, the share whose lines state every fact of the
    assertion (``support_precision_all``: the same over all claims; ``_loose`` variants: the
    passage shares at least one fact; ``_others`` leaves out the text passage itself); in a
    disputed claim a passage that states, for each asserted fact, that fact or a value in
    labelled conflict with it counts as support (the other side of the dispute);
  * ``noise``: share of claims whose text passage lies in lines labelled noise only, with
    counts by kind;
  * ``corroborated_precision``: share of claims labelled corroborated whose evidence covers at
    least two articles and whose passages all share one fact (``_factual``: the same over the
    corroborated claims whose text line is not noise);
  * ``passages_unmapped``: evidence passages placed in no labelled line (left out above).
Noise on seeds and sample (``noise_seeds``, ``noise_sample``): the claims of each, analysed as
one story as bench/claims.py does, whose text passage holds only sentences labelled noise
(anchors located in the cleaned text; anchors of text the cleaner removes, or of a title kept
out of the text, are counted as ``anchors_unplaced``); noise.json absent: skipped with a note.
The gate holds noise shares as ``clean`` / ``clean_seeds`` / ``clean_sample`` = 1 - share, so
that every floor only rises.

Writes bench/results/claims_eval.json and checks bench/gates/claims_eval.json (floors that only
go up); exits 1 when a figure is under its floor. ``--event ID`` (repeatable) runs only those
events and checks no gate.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import claims as claims_bench  # noqa: E402  (bench/claims.py: story inputs, seeds, sample)

ROOT = claims_bench.ROOT
SHARED = claims_bench.SHARED
ECB = SHARED / "data" / "ecbplus-dev" / "docs.jsonl"
LABELS = ROOT / "tests" / "data" / "claims_eval" / "ecbplus.json"
ANCHORS = ROOT / "tests" / "data" / "claims_eval" / "ecbplus_anchors.json"
NOISE = ROOT / "tests" / "data" / "claims_eval" / "noise.json"
OUT = ROOT / "bench" / "results" / "claims_eval.json"
GATES = ROOT / "bench" / "gates" / "claims_eval.json"

from consilience.evaluation import under_floors  # noqa: E402
from consilience.model import Article, Claim, Evidence  # noqa: E402
from consilience.verdicts import analyze_story  # noqa: E402

_WORD = re.compile(r"\w+")

# ----------------------------------------------------------------------------- labels


def load_labels(path: Path = LABELS, anchors: Path | None = None) -> dict:
    """Return the labels of ``path``, each event with its ``anchors`` (doc -> line index ->
    fact -> [start, end] pieces in the line) from ``anchors`` (``ANCHORS`` beside the
    default labels; none when the file is absent)."""
    labels: dict = json.loads(path.read_text("utf-8"))
    anchors = anchors if anchors is not None else (ANCHORS if path == LABELS else None)
    held = {}
    if anchors is not None and anchors.exists():
        held = json.loads(anchors.read_text("utf-8"))["events"]
    for ev in labels["events"]:
        ev["anchors"] = held.get(ev["event"], {})
    return labels


def check_labels(labels: Mapping, texts: Mapping[str, str] | None = None) -> list[str]:
    """Return a line per problem of the label file: an unknown noise kind, an undefined fact
    id, a conflict naming an undefined id, a doc listed but not labelled; with ``texts`` (doc
    id -> text) also a doc whose entry count differs from its line count."""
    kinds = {"background", "opinion", "question", "headline", "fragment", "unresolved"}
    kinds |= {"quote-only"}
    problems = []
    for ev in labels["events"]:
        name, facts = ev["event"], ev["facts"]
        if set(ev["docs"]) != set(ev["lines"]):
            problems.append(f"{name}: docs and labelled docs differ")
        for a, b in ev.get("conflicts", ()):
            for f in (a, b):
                if f not in facts:
                    problems.append(f"{name}: conflict names undefined fact {f}")
        for doc, entries in ev["lines"].items():
            if texts is not None:
                if doc not in texts:
                    problems.append(f"{name}/{doc}: not in the data")
                elif len(texts[doc].split("\n")) != len(entries):
                    n = len(texts[doc].split("\n"))
                    problems.append(f"{name}/{doc}: {len(entries)} entries for {n} lines")
            for i, entry in enumerate(entries):
                if isinstance(entry, str):
                    kind = entry.removeprefix("noise:")
                    if not entry.startswith("noise:") or kind not in kinds:
                        problems.append(f"{name}/{doc}:{i}: bad label {entry!r}")
                elif not entry:
                    problems.append(f"{name}/{doc}:{i}: empty fact list")
                else:
                    for f in entry:
                        if f not in facts:
                            problems.append(f"{name}/{doc}:{i}: undefined fact {f}")
    return problems


# ----------------------------------------------------------------------------- data


def read_ecb() -> dict[str, dict]:
    """Return the ECB+ records by id."""
    out = {}
    for line in ECB.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def pipeline_articles(docs: Sequence[dict]) -> list[Article]:
    """Return ``docs`` as Articles from the real pipeline (ids kept, no dates)."""
    import consilience

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ecb.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["id"], "text": d["text"], "language": "en"}) + "\n")
        report = consilience.analyze([path], progress=False)
    by_id = {a.id: a for a in report.articles}
    missing = [d["id"] for d in docs if d["id"] not in by_id]
    if missing:
        raise SystemExit(f"pipeline kept no article for {', '.join(missing)}")
    return [by_id[d["id"]] for d in docs]


def story_claims(articles: Sequence[Article]) -> tuple[list[Article], tuple[Claim, ...]]:
    """Return the articles with their flags and the claims of ``articles`` as one story."""
    arts, entities, sources = claims_bench.story_inputs(articles)
    claims = analyze_story(arts, entities, sources, gazetteer=claims_bench._gazetteer())
    return arts, claims


# ----------------------------------------------------------------------------- locating


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class Lines:
    """The labelled lines of one raw article text: line spans and a word index."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.spans = []
        pos = 0
        for line in raw.split("\n"):
            self.spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        # the raw text as one word string, with each word's line
        self.word_line: list[int] = []
        words = []
        for i, (s, e) in enumerate(self.spans):
            for w in _words(raw[s:e]):
                words.append(w)
                self.word_line.append(i)
        self.joined = " ".join(words)
        self.word_at: list[int] = []  # character of ``joined`` -> word index
        for k, w in enumerate(words):
            self.word_at.extend([k] * (len(w) + 1))

    def overlapping(self, start: int, end: int) -> list[int]:
        return [i for i, (s, e) in enumerate(self.spans) if s < max(end, start + 1) and start < e]

    def by_words(self, text: str) -> list[int]:
        """Return the lines holding the words of ``text`` in the raw text, [] if not found."""
        words = _words(text)
        if not words:
            return []
        needle = " ".join(words)
        at = self.joined.find(needle)
        if at < 0:
            return []
        first = self.word_at[at]
        return sorted(set(self.word_line[first : first + len(words)]))


def passage_lines(article: Article, lines: Lines, start: int, end: int) -> list[int]:
    """Return the labelled lines a passage of ``article`` (cleaned offsets) lies in; [] when it
    cannot be placed."""
    text = article.text[start:end]
    raw_s = article.offsets.to_raw(start)
    raw_e = article.offsets.to_raw(max(end - 1, start)) + 1
    found = lines.overlapping(raw_s, raw_e)
    if found:
        held = " ".join(_words(" ".join(lines.raw[slice(*lines.spans[i])] for i in found)))
        if " ".join(_words(text)) in held:
            return found
    return lines.by_words(text)


# ----------------------------------------------------------------------------- scoring


def _facts(entries: Sequence, idx: Sequence[int]) -> set[str]:
    out: set[str] = set()
    for i in idx:
        if not isinstance(entries[i], str):
            out |= set(entries[i])
    return out


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    """Return True when the words ``short`` are ``long``'s with some left out, in order."""
    it = iter(long)
    return all(w in it for w in short)


def _holds(words: Sequence[str], piece: Sequence[str]) -> bool:
    """Return True when ``piece`` is a run of consecutive words of ``words``."""
    n = len(piece)
    return n > 0 and any(list(words[i : i + n]) == list(piece) for i in range(len(words) - n + 1))


def asserted(
    text: str, lines: Lines, entries: Sequence, idx: Sequence[int], anchors: Mapping
) -> set[str]:
    """Return the facts of lines ``idx`` that ``text`` (a claim's wording) states: every fact
    of a line of one fact; of a line of several, those whose anchor pieces (``[start, end]`` in
    the line) each lie in the wording as a run of its words. A line of several facts with no
    anchors gives them all."""
    words = _words(text)
    out: set[str] = set()
    for i in idx:
        entry = entries[i]
        if isinstance(entry, str):
            continue
        line = lines.raw[slice(*lines.spans[i])]
        held = anchors.get(str(i))
        if len(entry) < 2 or not held:
            out |= set(entry)
            continue
        for fact in entry:
            pieces = held.get(fact, ())
            if pieces and all(_holds(words, _words(line[a:b])) for a, b in pieces):
                out.add(fact)
    return out


def text_passage(claim: Claim, articles: Mapping[str, Article]) -> tuple[int, bool]:
    """Return the index of the evidence passage the claim's text comes from (the one whose
    words equal the text's, else the one sharing most words with it), and whether the match
    is exact: equal words, or the text's words are the passage's with some left out, in order
    (a wording that leaves parts of its sentence out)."""
    target = _words(claim.text)
    best, best_score, best_words = 0, -1.0, []
    for k, ev in enumerate(claim.evidence):
        words = _words(articles[ev.article].text[ev.start : ev.end])
        if words == target:
            return k, True
        shared = len(set(words) & set(target)) / max(len(set(target) | set(words)), 1)
        if shared > best_score:
            best, best_score, best_words = k, shared, words
    return best, bool(target) and _in_order(target, best_words)


def score_event(
    event: Mapping, articles: Sequence[Article], claims: Sequence[Claim], raw: Mapping[str, str]
) -> dict:
    """Return the counts of one event (see the module docstring)."""
    by_id = {a.id: a for a in articles}
    lines = {doc: Lines(raw[doc]) for doc in event["docs"]}
    entries = event["lines"]
    c: Counter[str] = Counter()
    noise_kinds: Counter[str] = Counter()
    examples: dict[str, list] = {
        "wrong_pairs": [],
        "unsupported": [],
        "noise_claims": [],
        "false_corroborations": [],
    }
    covered: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    together: set[str] = set()  # facts some claim holds from lines of two articles
    clash: dict[str, set[str]] = {}
    for a, b in event.get("conflicts", ()):
        clash.setdefault(a, set()).add(b)
        clash.setdefault(b, set()).add(a)

    def opposed(f1: set[str], f2: set[str]) -> bool:
        return any(b in clash.get(a, ()) for a in f1 for b in f2)

    def where(ev: Evidence) -> list[int]:
        return passage_lines(by_id[ev.article], lines[ev.article], ev.start, ev.end)

    for claim in claims:
        placed = []  # (evidence index, doc, lines, facts)
        for k, ev in enumerate(claim.evidence):
            c["passages"] += 1
            idx = where(ev)
            if not idx:
                c["unmapped"] += 1
                continue
            placed.append((k, ev.article, idx, _facts(entries[ev.article], idx)))
        c["claims"] += 1
        arts = {doc for _, doc, _, _ in placed}
        multi = len(arts) >= 2
        # pairs of passages of two articles
        for (_, d1, i1, f1), (_, d2, i2, f2) in combinations(placed, 2):
            if d1 == d2:
                continue
            c["pairs"] += 1
            together |= f1 & f2
            if f1 & f2:
                c["pairs_same"] += 1
                c["pairs_strict"] += 1
            elif claim.status == "disputed" and opposed(f1, f2):
                c["pairs_same"] += 1  # two sides of a labelled conflict, in a dispute
                c["pairs_opposed"] += 1
            elif len(examples["wrong_pairs"]) < 40:
                examples["wrong_pairs"].append([claim.id, claim.status, f"{d1}:{i1}", f"{d2}:{i2}"])
            for a in i1:
                for b in i2:
                    covered.add(tuple(sorted(((d1, a), (d2, b)))))
        # the claim's assertion
        k_text, exact = text_passage(claim, by_id)
        c["text_inexact"] += not exact
        home = next((p for p in placed if p[0] == k_text), None)
        hdoc, hidx, assertion = (home[1], home[2], home[3]) if home else ("", [], set())
        if home is not None and assertion:
            # what the wording itself states (a part of its line may assert fewer facts)
            said = asserted(
                claim.text, lines[hdoc], entries[hdoc], hidx, event.get("anchors", {}).get(hdoc, {})
            )
            c["text_part"] += said != assertion
            if not said:
                c["text_no_fact"] += 1  # states no fact whole: judged against the line's
            else:
                assertion = said
        if home is None:
            c["text_unmapped"] += 1
        elif not assertion:
            kinds = [entries[hdoc][i] for i in hidx if isinstance(entries[hdoc][i], str)]
            kind = kinds[0].removeprefix("noise:") if kinds else "unknown"
            c["noise_claims"] += 1
            noise_kinds[kind] += 1
            if len(examples["noise_claims"]) < 40:
                examples["noise_claims"].append([claim.id, f"{hdoc}:{hidx}", kind])
        else:
            for k, doc, idx, facts in placed:
                supports = assertion <= facts
                if not supports and claim.status == "disputed":
                    # the other side of a dispute: each asserted fact stated or contradicted
                    supports = all(f in facts or opposed({f}, facts) for f in assertion)
                    c["support_opposed"] += supports
                loose = bool(assertion & facts)
                for scope, on in (("all", True), ("multi", multi)):
                    if not on:
                        continue
                    c[f"support_{scope}_n"] += 1
                    c[f"support_{scope}_ok"] += supports
                    c[f"support_{scope}_loose"] += loose
                    if k != k_text:
                        c[f"support_{scope}_others_n"] += 1
                        c[f"support_{scope}_others_ok"] += supports
                if not supports and multi and len(examples["unsupported"]) < 40:
                    examples["unsupported"].append(
                        [
                            claim.id,
                            claim.status,
                            f"{hdoc}:{hidx}",
                            f"{doc}:{idx}",
                            sorted(assertion - facts),
                        ]
                    )
        if claim.status == "corroborated":
            c["corroborated"] += 1
            c["corroborated_factual"] += bool(assertion)
            common = set.intersection(*(f for _, _, _, f in placed)) if placed else set()
            if multi and common:
                c["corroborated_ok"] += 1
                c["corroborated_factual_ok"] += bool(assertion)
            elif len(examples["false_corroborations"]) < 40:
                examples["false_corroborations"].append(
                    [claim.id, claim.independent_sources, [f"{d}:{i}" for _, d, i, _ in placed]]
                )
        c[f"status_{claim.status}"] += 1
    # labelled pairs of lines of two articles sharing a fact
    by_fact: dict[str, list[tuple[str, int]]] = {}
    for doc, ents in entries.items():
        for i, entry in enumerate(ents):
            if not isinstance(entry, str):
                for f in entry:
                    by_fact.setdefault(f, []).append((doc, i))
    gold = set()
    for spots in by_fact.values():
        for a, b in combinations(spots, 2):
            if a[0] != b[0]:
                gold.add(tuple(sorted((a, b))))
    c["gold_pairs"] = len(gold)
    c["gold_pairs_found"] = len(gold & covered)
    shared = {f for f, spots in by_fact.items() if len({doc for doc, _ in spots}) >= 2}
    c["gold_facts"] = len(shared)
    c["gold_facts_found"] = len(shared & together)
    return {"counts": dict(c), "noise_kinds": dict(noise_kinds), "examples": examples}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarise(events: Mapping[str, Mapping]) -> dict:
    """Return the gate figures over all events."""
    c: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for ev in events.values():
        c.update(ev["counts"])
        kinds.update(ev["noise_kinds"])
    return {
        "pair_precision": _ratio(c["pairs_same"], c["pairs"]),
        "pair_precision_strict": _ratio(c["pairs_strict"], c["pairs"]),
        "pair_recall": _ratio(c["gold_pairs_found"], c["gold_pairs"]),
        "fact_recall": _ratio(c["gold_facts_found"], c["gold_facts"]),
        "support_precision": _ratio(c["support_multi_ok"], c["support_multi_n"]),
        "support_precision_loose": _ratio(c["support_multi_loose"], c["support_multi_n"]),
        "support_precision_others": _ratio(
            c["support_multi_others_ok"], c["support_multi_others_n"]
        ),
        "support_precision_all": _ratio(c["support_all_ok"], c["support_all_n"]),
        "support_precision_all_loose": _ratio(c["support_all_loose"], c["support_all_n"]),
        "noise": _ratio(c["noise_claims"], c["claims"]),
        "corroborated_precision": _ratio(c["corroborated_ok"], c["corroborated"]),
        "corroborated_precision_factual": _ratio(
            c["corroborated_factual_ok"], c["corroborated_factual"]
        ),
        "passages_unmapped": c["unmapped"],
        "counts": dict(sorted(c.items())),
        "noise_kinds": dict(kinds.most_common()),
    }


def evaluate_ecb(only: Iterable[str] = ()) -> dict | None:
    """Return the ECB+ figures, per event and over all; None when the data is absent."""
    if not ECB.is_file():
        return None
    labels = load_labels()
    records = read_ecb()
    wanted = set(only)
    events = [e for e in labels["events"] if not wanted or e["event"] in wanted]
    docs = [records[d] for e in events for d in e["docs"]]
    articles = {a.id: a for a in pipeline_articles(docs)}
    raw = {d["id"]: d["text"] for d in docs}
    out = {}
    for ev in events:
        arts, claims = story_claims([articles[d] for d in ev["docs"]])
        out[ev["event"]] = score_event(ev, arts, claims, raw)
    return {"summary": summarise(out), "events": out}


# ----------------------------------------------------------------------------- noise labels


def noise_key(articles: Sequence[Article], dataset: str) -> dict[str, Article]:
    """Return the articles by the key noise.json uses: seeds, the file name's first three
    characters; sample, the file stem, or stem#N (N from 1, in reading order) for the items of
    a file holding several."""
    if dataset == "seeds":
        return {Path(a.source.path).name[:3]: a for a in articles}
    per_file: dict[str, list[Article]] = {}
    for a in articles:
        per_file.setdefault(Path(a.source.path).stem, []).append(a)
    out = {}
    for stem, arts in per_file.items():
        if len(arts) == 1:
            out[stem] = arts[0]
            continue
        arts.sort(key=lambda a: (a.source.line or 0, a.source.entry or 0))
        for n, a in enumerate(arts, 1):
            out[f"{stem}#{n}"] = a
    return out


def noise_share(
    labels: Mapping[str, Sequence[Mapping]],
    articles: Sequence[Article],
    claims: Sequence[Claim],
    dataset: str,
) -> dict:
    """Return the noise share of ``claims`` by the sentence labels of one noise.json dataset:
    a claim is noise when every labelled sentence its text passage holds (else the labelled
    sentence it starts in) is labelled noise."""
    by_key = noise_key(articles, dataset)
    by_id = {a.id: a for a in articles}
    spots: dict[str, list[tuple[int, str]]] = {}  # article id -> [(anchor offset, label)]
    unplaced = 0
    for key, entries in labels.items():
        art = by_key.get(key)
        if art is None:
            unplaced += len(entries)
            continue
        for entry in entries:
            pos = -1
            for _ in range(entry.get("nth", 1)):
                pos = art.text.find(entry["anchor"], pos + 1)
                if pos < 0:
                    break
            if pos < 0:
                unplaced += 1
                continue
            spots.setdefault(art.id, []).append((pos, entry["label"]))
    for v in spots.values():
        v.sort()
    kinds: Counter[str] = Counter()
    noise = unknown = 0
    for claim in claims:
        k, _ = text_passage(claim, by_id)
        ev = claim.evidence[k]
        marks = spots.get(ev.article, [])
        held = [lab for pos, lab in marks if ev.start <= pos < ev.end]
        if not held:
            before = [lab for pos, lab in marks if pos <= ev.start]
            held = before[-1:]
        if not held:
            unknown += 1
            continue
        if all(lab.startswith("noise:") for lab in held):
            noise += 1
            kinds[held[0].removeprefix("noise:")] += 1
    return {
        "claims": len(claims),
        "noise_claims": noise,
        "noise": _ratio(noise, len(claims)),
        "noise_kinds": dict(kinds.most_common()),
        "claims_unlabelled": unknown,
        "anchors_unplaced": unplaced,
    }


def evaluate_noise() -> tuple[dict, list[str]]:
    """Return the noise share on the datasets of noise.json (seeds, sample), and notes."""
    notes: list[str] = []
    if not NOISE.is_file():
        return {}, [f"noise labels skipped: {NOISE.relative_to(ROOT)} is absent"]
    labels = json.loads(NOISE.read_text("utf-8"))["datasets"]
    out = {}
    for name, data in labels.items():
        if name == "seeds":
            articles = claims_bench.seed_articles()
            if articles is None:
                notes.append("seeds noise skipped: ../shared/seeds is absent")
                continue
        elif name == "sample":
            articles = claims_bench.sample_articles()
        else:
            notes.append(f"noise labels of {name!r} skipped: no reader for that dataset")
            continue
        arts, claims = story_claims(articles)
        out[name] = noise_share(data["articles"], arts, claims, name)
    return out, notes


# ----------------------------------------------------------------------------- main


def run(only: Iterable[str] = ()) -> dict:
    notes = []
    ecb = evaluate_ecb(only)
    if ecb is None:
        notes.append(f"ecbplus skipped: {ECB} is absent")
    noise, more = evaluate_noise() if not only else ({}, [])
    notes += more
    summary = dict(ecb["summary"]) if ecb else {}
    for name, res in noise.items():
        summary[f"noise_{name}"] = res["noise"]
    return {"summary": summary, "ecbplus": ecb, "noise": noise, "notes": notes}


def check_gates(summary: Mapping, gates: Mapping) -> list[str]:
    """Return a line per figure under its floor; noise shares are gated as ``1 - share``
    (``clean_<name>``) so that every floor only rises."""
    measured = {k: v for k, v in summary.items() if isinstance(v, float)}
    for key in [k for k in measured if k == "noise" or k.startswith("noise_")]:
        measured["clean" + key.removeprefix("noise")] = round(1 - measured[key], 4)
    return under_floors(measured, gates)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--event", action="append", default=[], help="only this event")
    args = parser.parse_args(argv)
    report = run(args.event)
    for note in report["notes"]:
        print(note)
    shown = {k: v for k, v in report["summary"].items() if k not in ("counts",)}
    print(json.dumps(shown, indent=2))
    if args.event:
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    if not GATES.is_file():
        print(f"no gate file {GATES.relative_to(ROOT)}")
        return 0
    failures = check_gates(report["summary"], json.loads(GATES.read_text("utf-8")))
    for line in failures:
        print("UNDER FLOOR", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
