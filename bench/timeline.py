"""Story timeline: date accuracy, conflict recall and precision, grouping, on labelled events.

Data: the labelled sets in ``tests/data/timeline/*.json`` (written by the team; anchors of at
most three words, no article text) over their corpora: ``seeds`` is ``../shared/seeds`` (five
real reports of one story), ``sample`` is the sample corpus shipped with consilience (invented,
its README gives the true dates). Each corpus goes through the real pipeline
(``consilience.analyze``) and ``build_timeline`` over all its articles (one story).

Scores (see ``score``):
  * accuracy: share of labelled events present in the timeline with the right date and
    precision (an event is found through the entry whose evidence covers its anchor; its date
    as that article gives it is the conflict value for the article, else the entry's date);
  * conflict_recall: share of labelled date conflicts shown as one entry whose conflict gives
    each labelled article its labelled date;
  * conflict_precision: share of the conflicts shown that are labelled ones;
  * same_recall: share of labelled "same event" anchor sets that land in one entry;
  * apart_precision: share of labelled "different events" pairs kept in different entries.
Pooled figures (over both corpora, counts added) are checked against the floors in
``bench/gates/timeline.json``; the script exits 1 when a figure is under its floor.

Usage::

    python bench/timeline.py             # score, write bench/results/timeline.json, check
    python bench/timeline.py --show      # also print the timelines
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "data" / "timeline"
OUT = ROOT / "bench" / "results" / "timeline.json"
GATES = ROOT / "bench" / "gates" / "timeline.json"
REFERENCE = date(2026, 11, 22)
FIGURES = ("accuracy", "conflict_recall", "conflict_precision", "same_recall", "apart_precision")

sys.path.insert(0, str(ROOT / "src"))

from consilience import evaluation  # noqa: E402
from consilience.model import Article, TimelineEvent  # noqa: E402

# ----------------------------------------------------------------------------- data


def article_key(article: Article, corpus: str) -> str:
    """The key labels use: a seed's first three file-name characters; else the file name,
    with ":line" for a JSON-lines record and "#entryN" for a feed item."""
    name = Path(article.source.path).name
    if corpus == "seeds":
        return name[:3]
    if article.source.line is not None:
        name += f":{article.source.line}"
    if article.source.entry is not None:
        name += f"#entry{article.source.entry}"
    return name


def corpus_paths(corpus: str) -> list[Path]:
    """The input paths of a corpus (raises SystemExit when ../shared is absent)."""
    if corpus == "seeds":
        seeds = SHARED / "seeds"
        if not seeds.is_dir():
            raise SystemExit(f"{seeds} is absent: it lives in ../shared beside the checkout")
        return [seeds]
    from consilience.sample import corpus_files

    return corpus_files()


def load_labels(corpus: str) -> dict:
    return json.loads((LABELS / f"{corpus}.json").read_text("utf-8"))


# ----------------------------------------------------------------------------- scoring


def anchor_span(article: Article, anchor: str) -> tuple[int, int]:
    """The one occurrence of ``anchor`` in the article's text (ValueError unless exactly
    one: a label must name one place)."""
    count = article.text.count(anchor)
    if count != 1:
        raise ValueError(f"anchor {anchor!r} occurs {count} times in article {article.id}")
    start = article.text.index(anchor)
    return start, start + len(anchor)


def entries_at(timeline: Sequence[TimelineEvent], article: str, span: tuple[int, int]) -> list[int]:
    """Indexes of the entries with evidence in ``article`` that covers ``span``'s start."""
    return [
        n
        for n, event in enumerate(timeline)
        if any(ref.article == article and ref.start <= span[0] < ref.end for ref in event.evidence)
    ]


def date_for(event: TimelineEvent, article: str) -> str:
    """The entry's date as ``article`` gives it (its conflict value, else the entry's)."""
    if event.conflict is not None:
        for value in event.conflict.values:
            if value.article == article:
                return value.value
    return event.date


def _precision_of(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def score(
    timeline: Sequence[TimelineEvent], articles: Mapping[str, Article], labels: Mapping
) -> dict:
    """Counts and figures of one corpus's timeline against its labels (see module doc)."""
    locate = {}

    def where(key: str, anchor: str) -> list[int]:
        if (key, anchor) not in locate:
            a = articles[key]
            locate[(key, anchor)] = entries_at(timeline, a.id, anchor_span(a, anchor))
        return locate[(key, anchor)]

    found, misses = 0, []
    for label in labels["events"]:
        a = articles[label["article"]]
        good = {label["date"], *label.get("accept", ())}
        hits = [
            n
            for n in where(label["article"], label["anchor"])
            if date_for(timeline[n], a.id) in good
            and _precision_of(date_for(timeline[n], a.id)) == label["precision"]
        ]
        if hits:
            found += 1
        else:
            got = sorted(
                {date_for(timeline[n], a.id) for n in where(label["article"], label["anchor"])}
            )
            misses.append(
                f"{label['article']} {label['anchor']!r}: want {label['date']}, "
                f"got {got or 'nothing'}"
            )
    conflicts_found, matched = 0, set()
    for conflict in labels["conflicts"]:
        n = _conflict_entry(timeline, articles, conflict, where)
        if n is not None:
            conflicts_found += 1
            matched.add(n)
        else:
            misses.append(f"conflict not shown: {conflict.get('about', '')}")
    shown = [n for n, e in enumerate(timeline) if e.conflict is not None]
    same_ok = sum(1 for group in labels["same"] if _together(group, where))
    apart_ok = sum(1 for pair in labels["apart"] if not _together(pair, where))
    misses += [f"not one entry: {group}" for group in labels["same"] if not _together(group, where)]
    misses += [f"one entry: {pair}" for pair in labels["apart"] if _together(pair, where)]
    counts = {
        "events": len(labels["events"]),
        "events_found": found,
        "conflicts": len(labels["conflicts"]),
        "conflicts_found": conflicts_found,
        "conflicts_shown": len(shown),
        "conflicts_shown_labelled": len(matched),
        "same": len(labels["same"]),
        "same_ok": same_ok,
        "apart": len(labels["apart"]),
        "apart_ok": apart_ok,
        "entries": len(timeline),
    }
    return {**counts, **figures(counts), "misses": misses}


def _conflict_entry(
    timeline: Sequence[TimelineEvent], articles: Mapping[str, Article], conflict: Mapping, where
) -> int | None:  # noqa: ANN001
    """The entry that shows the labelled conflict (every labelled article with its labelled
    date among the conflict values), or None."""
    common = None
    for value in conflict["values"]:
        at = set(where(value["article"], value["anchor"]))
        common = at if common is None else common & at
    for n in sorted(common or ()):
        event = timeline[n]
        if event.conflict is None:
            continue
        given = {(v.article, v.value) for v in event.conflict.values}
        if all((articles[v["article"]].id, v["date"]) in given for v in conflict["values"]):
            return n
    return None


def _together(group: Sequence[Sequence[str]], where) -> bool:  # noqa: ANN001
    """True when one entry covers every anchor of ``group``."""
    common = None
    for key, anchor in group:
        at = set(where(key, anchor))
        common = at if common is None else common & at
    return bool(common)


def figures(counts: Mapping[str, int]) -> dict[str, float]:
    """The five figures from counts (1.0 where there is nothing to count)."""

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 1.0

    return {
        "accuracy": ratio(counts["events_found"], counts["events"]),
        "conflict_recall": ratio(counts["conflicts_found"], counts["conflicts"]),
        "conflict_precision": ratio(counts["conflicts_shown_labelled"], counts["conflicts_shown"]),
        "same_recall": ratio(counts["same_ok"], counts["same"]),
        "apart_precision": ratio(counts["apart_ok"], counts["apart"]),
    }


def pooled(results: Mapping[str, Mapping]) -> dict:
    """Counts added over corpora, and their figures."""
    keys = (
        "events",
        "events_found",
        "conflicts",
        "conflicts_found",
        "conflicts_shown",
        "conflicts_shown_labelled",
        "same",
        "same_ok",
        "apart",
        "apart_ok",
        "entries",
    )
    counts = {k: sum(r[k] for r in results.values()) for k in keys}
    return {**counts, **figures(counts)}


def under_floors(figs: Mapping[str, float], gates: Mapping[str, float]) -> list[str]:
    """The figures under their floor, in words."""
    return evaluation.under_floors(figs, gates)


# ----------------------------------------------------------------------------- run


def run_corpus(corpus: str, show: bool = False) -> dict:
    """Analyze a corpus, build its timeline and score it."""
    import consilience
    from consilience.timeline import build_timeline

    report = consilience.analyze(corpus_paths(corpus), reference_date=REFERENCE, progress=False)
    articles = list(report.articles)
    start = time.perf_counter()
    timeline = build_timeline(articles)
    seconds = time.perf_counter() - start
    keyed = {article_key(a, corpus): a for a in articles}
    result = score(timeline, keyed, load_labels(corpus))
    result["seconds"] = round(seconds, 3)
    if show:
        names = {a.id: k for k, a in keyed.items()}
        for event in timeline:
            where = ", ".join(names[r.article] for r in event.evidence)
            print(f"{event.date:10} {event.precision:5} [{where}] {event.text}")
            if event.conflict is not None:
                print(f"    conflict: {event.conflict.why}")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print the timelines")
    args = parser.parse_args(argv)
    results = {corpus: run_corpus(corpus, args.show) for corpus in ("seeds", "sample")}
    total = pooled(results)
    gates = json.loads(GATES.read_text("utf-8"))
    failed = under_floors(total, gates)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"pooled": total, **results, "floors": gates, "under_floors": failed}, indent=2)
        + "\n",
        "utf-8",
    )
    for corpus, r in results.items():
        print(
            f"{corpus}: "
            + ", ".join(f"{k} {r[k]}" for k in FIGURES)
            + f" ({r['events_found']}/{r['events']} events, {r['entries']} entries)"
        )
        for miss in r["misses"]:
            print(f"    miss: {miss}")
    print("pooled: " + ", ".join(f"{k} {total[k]}" for k in FIGURES))
    for line in failed:
        print(f"UNDER FLOOR: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
