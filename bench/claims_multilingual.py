"""Claims across languages on real news: gold conflicts, updates, apparent conflicts and
corroborated facts of ``../shared/data/multilingual-stories`` against the report's claims.

The 90 files go through the real pipeline exactly as ``bench/multilingual.py`` sends them
(``stories_docs()`` and ``analysed("stories", ...)``, sharing its cache): the language is
detected, not given. Every claim of every story is scored against ``gold.json``.

Matching rules (each gold ``value`` is a verbatim substring of its file):

* A gold value is *located* at every occurrence of its string in the cleaned text of its
  article (case-sensitive; no-break spaces read as spaces, curly quotes and apostrophes as
  straight ones, as the cleaner writes them; an occurrence flanked by a letter or
  digit, as ``18`` inside ``2018``, is not one). A claim *holds* a gold value when one of its
  evidence spans in that article overlaps one of those occurrences.
* A value's *reading* is its digits (any script, so ``٤٠٠`` reads ``400``) when it has any,
  else its casefolded text: ``400 pompiers`` and ``زهاء 400 إطفائي`` are one reading, ``più di
  500 pompieri`` another. Two readings stand for two sides of a disagreement or two steps of a
  sequence.
* ``conflicts``: a gold conflict is *found* when one claim with status ``disputed`` holds gold
  values of that conflict with at least two readings. ``counts.conflicts_apart`` (not gated)
  counts those whose claim also gives two of the values different values (see ``sides``): a
  claim whose passages merely hold both values, its own figure being a third one, is no find.
* ``updates``: a gold update is *labelled* when one claim with status ``updated`` holds values
  of its sequence with at least two readings.
* ``apparent_conflicts_that_are_not``: one is *raised* when a claim with status ``disputed``
  holds values of it with at least two readings and gives two of them different values: a
  value held by a figure's evidence is that figure as the report normalises it (lengths in
  metres, equal within 2 % for a unit's rounding), any other its reading. A claim disputed over
  other values that holds "32 miles" and "51 km" as one depth does not set them against each
  other. The figure is the share NOT raised. (A pair that never becomes a claim at all is also
  "not raised": ``apparent_handled`` counts those held, two readings, by one ``updated`` or
  ``corroborated`` claim.)
* ``corroborated`` (a fact, its files and its count of independent sources, no values): the
  fact's claim is, among the claims at least half of whose evidence passages each write every
  number the fact's wording writes in digits (separators dropped, any script: "7.1" is "7,1";
  every claim when the fact has none), the one whose evidence articles have the highest Jaccard
  overlap with the gold files (ties: more gold files, then the lower claim id). The fact is
  *found* when that claim is ``corroborated``, its evidence spans at least half of the gold
  files, and its ``independent_sources`` is within one of the gold count (``"10+"``: at least
  9; ``"5 (...)"``: 5). A fact with no number is matched by its files only: the matched
  claim's text is written out for a reader to check.

``counts.corroborated_within`` (diagnostic, not gated): the gold corroborated facts not found
whose value (a number of the fact's wording equal to the normalised figure of a passage) is
one side of a ``disputed`` claim or one step of an ``updated`` claim, those passages spanning
at least half of the gold files with independent origins (the story's sources) within one of
the gold count: facts the report holds, but under a status and a source count that are the
whole claim's (``details.corroborated_within`` per fact).

``counts.corroborated_backed`` (diagnostic, not gated): the same facts as the report itself
backs them, one value of a disputed or updated claim with its own independent sources
(``Claim.backing``), its articles over half the gold files, its sources within one of the
gold count (``details.corroborated_backed``).

``meantime_figures_same_claim`` (``../shared/data/meantime-multilingual``, its 480 documents
through the pipeline as ``bench/multilingual.py`` sends them, sharing its cache): every figure
of an English article that a claim holds, against each of its es/it/nl translations, is
*found* when the same claim also holds, in the translation, a quantity of the same value.
Recall over (figure, translation) pairs, per language (issue #12 asks >= 0.85); the English
quantities no claim holds are counted apart.

Diagnostics (not gated): per language, how many gold conflict/update values the pipeline read
as a quantity (an annotation overlapping the value) and how many any claim holds.

Writes bench/results/claims_multilingual.json and checks bench/gates/claims_multilingual.json
(floors that only rise); exits 1 when a figure is under its floor.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import multilingual  # noqa: E402  (bench/multilingual.py: loading, pipeline, cache)

ROOT = multilingual.ROOT
STORIES = multilingual.STORIES
OUT = ROOT / "bench" / "results" / "claims_multilingual.json"
GATES = ROOT / "bench" / "gates" / "claims_multilingual.json"

from consilience.evaluation import under_floors  # noqa: E402
from consilience.model import Claim, Report  # noqa: E402

file_id = multilingual._file_id


# ----------------------------------------------------------------------------- locating


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each occurrence of ``value`` in ``text`` not flanked by a
    letter or digit (no-break spaces read as spaces, curly quotes and apostrophes as straight
    ones: the cleaner writes them so)."""
    text, value = _plain(text), _plain(value).strip()
    out, at = [], text.find(value) if value else -1
    while at >= 0:
        end = at + len(value)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (value[0].isalnum() and before.isalnum()) and not (
            value[-1].isalnum() and after.isalnum()
        ):
            out.append((at, end))
        at = text.find(value, at + 1)
    return out


_PLAIN = str.maketrans({"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _plain(text: str) -> str:
    """Return ``text`` with no-break spaces, curly quotes and apostrophes made plain (one
    character for one: offsets stay)."""
    return text.translate(_PLAIN)


def reading(value: str) -> str:
    """Return the digits of ``value`` (any script) if it has any, else its casefolded text."""
    digits = "".join(
        str(unicodedata.digit(ch)) for ch in value if unicodedata.digit(ch, None) is not None
    )
    return digits or " ".join(value.casefold().split())


Spots = list[tuple[str, int, int]]  # (article id, start, end)


def locate(values: Iterable[Mapping], texts: Mapping[str, str]) -> list[tuple[dict, Spots]]:
    """Return each gold value (with 'article' and 'reading' added) with its occurrences."""
    out = []
    for v in values:
        aid = file_id(v["file"])
        spots = [(aid, s, e) for s, e in occurrences(texts.get(aid, ""), v["value"])]
        out.append(({**v, "article": aid, "reading": reading(v["value"])}, spots))
    return out


def holds(claim: Claim, spots: Spots) -> bool:
    """Whether an evidence span of ``claim`` overlaps one of ``spots``."""
    return any(
        ev.article == aid and ev.start < e and s < ev.end
        for ev in claim.evidence
        for aid, s, e in spots
    )


def readings_held(claim: Claim, located: Sequence[tuple[dict, Spots]]) -> set[str]:
    return {v["reading"] for v, spots in located if holds(claim, spots)}


def best_two_readings(
    claims: Sequence[Claim],
    located: Sequence[tuple[dict, Spots]],
    status: str | None,
    apart: bool = False,
) -> tuple[Claim | None, set[str]]:
    """Return the claim (of ``status``, any when None) holding the most readings of
    ``located`` among those holding at least two, and those readings; (None, set()) if none.
    With ``apart``, a claim counts only when it gives two of them different values
    (``sides``)."""
    best, best_readings = None, set()
    for claim in claims:
        if status is not None and claim.status != status:
            continue
        got = readings_held(claim, located)
        if apart and sides(claim, located) < 2:
            continue
        if len(got) >= 2 and len(got) > len(best_readings):
            best, best_readings = claim, got
    return best, best_readings


# Units of the normalised figures of a claim's evidence ("51 km", "32 mile", "93 m"), in
# metres: the same length written in two units is one value.
_LENGTH = {"km": 1000.0, "m": 1.0, "mile": 1609.344, "ft": 0.3048, "cm": 0.01}


# A time of day as verdicts.judge writes an evidence's figure: "19:20 UTC", "07:05 local time".
_CLOCK = re.compile(r"(\d{2}):(\d{2}) (UTC|local time)$")


def _figure_value(figure: str | None) -> tuple[str, float] | None:
    """Return (dimension, value) of an evidence's normalised figure ("about 60 km" ->
    ("length", 60000.0), "at least 247" -> ("", 247.0)), or None for a statement."""
    if not figure:
        return None
    clock = _CLOCK.search(figure)
    if clock is not None:  # a time of day ("19:20 UTC", "07:05 local time"): its minute
        return clock.group(3), 60.0 * int(clock.group(1)) + int(clock.group(2))
    m = re.search(r"(-?\d[\d,]*(?:\.\d+)?)\s*(\S*)$", figure)
    if m is None:
        return None
    value, unit = float(m.group(1).replace(",", "")), m.group(2)
    if unit in _LENGTH:
        return "length", value * _LENGTH[unit]
    return unit, value


def sides(claim: Claim, located: Sequence[tuple[dict, Spots]]) -> int:
    """Return how many different values ``claim`` gives the gold values it holds: a held value
    takes the normalised figure of the evidence holding it (lengths in metres, equal within 2 %:
    "32 miles" and "51 km" are one depth; other figures equal when equal), a value no figure
    holds its reading. A disputed claim that holds two readings as one value ("32 miles" /
    "51 km") does not set them against each other."""
    keys: list[tuple[str, float] | str] = []
    for v, spots in located:
        for ev in claim.evidence:
            if not any(ev.article == aid and ev.start < e and s < ev.end for aid, s, e in spots):
                continue
            keys.append(_figure_value(ev.figure) or v["reading"])
    distinct: list[tuple[str, float] | str] = []
    for k in keys:
        if not any(_same_value(k, d) for d in distinct):
            distinct.append(k)
    return len(distinct)


def _same_value(a: tuple[str, float] | str, b: tuple[str, float] | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a[0] != b[0]:
        return False
    # a length converted from another unit is rounded by whoever wrote it (32 miles is 51.5 km)
    slack = 0.02 if a[0] == "length" else 0.0
    return abs(a[1] - b[1]) <= slack * max(abs(a[1]), abs(b[1]))


# ----------------------------------------------------------------------------- scoring


def gold_sources(count: object) -> tuple[int, bool]:
    """Return (n, open-ended) of a gold ``independent_sources``: 4 -> (4, False), "10+" ->
    (10, True), "5 (most cite Reuters)" -> (5, False)."""
    text = str(count)
    n = int(re.match(r"\s*(\d+)", text).group(1))
    return n, text.strip().startswith(f"{n}+")


def sources_ok(got: int, count: object) -> bool:
    n, open_ended = gold_sources(count)
    return got >= n - 1 if open_ended else abs(got - n) <= 1


def score_pairs(
    items: Sequence[Mapping],
    key: str,
    status: str,
    claims: Sequence[Claim],
    texts: Mapping,
    apart: bool = False,
) -> list[dict]:
    """One result per gold conflict / update / apparent conflict: the claim of ``status``
    holding values of ``items[key]`` with two readings or more, if any (with ``apart``, one
    that gives two of them different values)."""
    out = []
    for item in items:
        located = locate(item[key], texts)
        claim, got = best_two_readings(claims, located, status, apart=apart)
        any_claim = [c for c in claims if readings_held(c, located)]
        row = {
            "id": item["id"],
            "ok": claim is not None,
            # found by a claim that gives two of its values different values (``sides``)
            "apart": best_two_readings(claims, located, status, apart=True)[0] is not None,
            "claim": claim.id if claim else None,
            "readings": sorted(got),
            "values": len(located),
            "values_unlocated": sum(1 for _, spots in located if not spots),
            "values_in_a_claim": sum(
                1 for _, spots in located if any(holds(c, spots) for c in any_claim)
            ),
            "statuses_holding": sorted({c.status for c in any_claim}),
            "touched": any(c.status == status for c in any_claim),
        }
        if status == "disputed" and key == "values":
            handled = next(
                (
                    c
                    for s in ("updated", "corroborated")
                    for c in [best_two_readings(claims, located, s)[0]]
                    if c is not None
                ),
                None,
            )
            row["handled"] = handled is not None
        out.append(row)
    return out


NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def numbers(text: str) -> set[str]:
    """Return the numbers written in digits in ``text``, as digit strings of any script read
    as ASCII with separators dropped: "10,000" and "10.000" -> "10000", "7,1" -> "71"."""
    ascii_digits = "".join(
        str(unicodedata.digit(ch)) if unicodedata.digit(ch, None) is not None else ch for ch in text
    )
    return {re.sub(r"\D", "", m) for m in NUMBER.findall(ascii_digits)}


def score_corroborated(
    facts: Sequence[Mapping], claims: Sequence[Claim], texts: Mapping[str, str]
) -> list[dict]:
    out = []
    for fact in facts:
        files = {file_id(f) for f in fact["files"]}
        wanted = numbers(fact["fact"])
        best, best_key = None, None
        for claim in claims:
            if wanted:
                saying = sum(
                    wanted <= numbers(texts.get(ev.article, "")[ev.start : ev.end])
                    for ev in claim.evidence
                )
                if 2 * saying < len(claim.evidence):
                    continue
            arts = {ev.article for ev in claim.evidence}
            common = len(arts & files)
            if not common:
                continue
            key = (-common / len(arts | files), -common, _claim_number(claim.id))
            if best_key is None or key < best_key:
                best, best_key = claim, key
        common = -best_key[1] if best_key else 0
        row = {
            "fact": fact["fact"],
            "gold_sources": fact["independent_sources"],
            "files": len(files),
            "claim": best.id if best else None,
            "status": best.status if best else None,
            "sources": best.independent_sources if best else None,
            "files_covered": common,
            "text": best.text[:160] if best else None,
        }
        row["ok"] = (
            best is not None
            and best.status == "corroborated"
            and common >= math.ceil(len(files) / 2)
            and sources_ok(best.independent_sources, fact["independent_sources"])
        )
        out.append(row)
    return out


DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _fact_values(text: str) -> set[float]:
    """Return the numbers ``text`` writes in digits, with their decimals ("7.1", "7,1" ->
    7.1; "10,000" -> 10.0 and 0.0: a thousands separator is not read, the diagnostic only
    compares small figures)."""
    return {float(m.replace(",", ".")) for m in DECIMAL.findall(text)}


def _figure_number(figure: str | None) -> float | None:
    """Return the number of an evidence's normalised figure ("at least 247" -> 247.0, "93 m"
    -> 93.0, "19:20 UTC" -> 1160.0, its minute), or None for a statement."""
    clock = _CLOCK.search(figure or "")
    if clock is not None:
        return 60.0 * int(clock.group(1)) + int(clock.group(2))
    m = re.search(r"(-?\d[\d,]*(?:\.\d+)?)", figure or "")
    return float(m.group(1).replace(",", "")) if m else None


def score_within(
    facts: Sequence[Mapping], claims: Sequence[Claim], origin_of: Mapping[str, str]
) -> list[dict]:
    """(Diagnostic, not gated.) Each gold corroborated fact with a number, as one value of a
    ``disputed`` or ``updated`` claim: the passages of such a claim whose normalised figure is
    one of the numbers of the fact's wording ("Death toll 247 on 25 August": 247), their
    files and their independent origins (the story's sources). *Held* when they span at least
    half of the gold files with origins within one of the gold count, as ``corroborated``
    asks of a whole claim: the fact is then a side of a dispute (its value against a
    dissenting outlet's) or a step of a running count, and the claim's one status and one
    source count do not say that this value is corroborated."""
    out = []
    for fact in facts:
        wanted = _fact_values(fact["fact"])
        if not wanted:
            continue
        files = {file_id(f) for f in fact["files"]}
        best: tuple[int, int, str, str] | None = None
        for claim in claims:
            if claim.status not in ("disputed", "updated"):
                continue
            arts = {
                ev.article
                for ev in claim.evidence
                if ev.stance != "denied" and _figure_number(ev.figure) in wanted
            }
            covered = len(arts & files)
            if not covered:
                continue
            origins = len({origin_of.get(a, a) for a in arts})
            key = (covered, origins, claim.id, claim.status)
            if best is None or key[:2] > best[:2]:
                best = key
        covered, origins, cid, status = best or (0, 0, "", "")
        out.append({**_held(fact, files, covered, origins, cid), "status": status or None})
    return out


def _held(fact: Mapping, files: set[str], covered: int, sources: int, cid: str) -> dict:
    """Return a diagnostic row: the fact held by claim ``cid`` over ``covered`` of its gold
    ``files`` with ``sources`` independent sources, ``ok`` when that spans at least half of
    the files with sources within one of the gold count."""
    return {
        "fact": fact["fact"],
        "claim": cid or None,
        "files_covered": covered,
        "sources": sources,
        "ok": bool(cid)
        and covered >= math.ceil(len(files) / 2)
        and sources_ok(sources, fact["independent_sources"]),
    }


def score_backed(facts: Sequence[Mapping], claims: Sequence[Claim]) -> list[dict]:
    """(Diagnostic, not gated.) Each gold corroborated fact with a number, as the report itself
    backs one value of a disputed or updated claim (``Claim.backing``): a value equal to one
    of the numbers of the fact's wording, whose articles span at least half of the gold files
    and whose independent sources are within one of the gold count."""
    out = []
    for fact in facts:
        wanted = _fact_values(fact["fact"])
        if not wanted:
            continue
        files = {file_id(f) for f in fact["files"]}
        best: tuple[int, int, str] | None = None
        for claim in claims:
            for b in claim.backing:
                if _figure_number(b.value) not in wanted:
                    continue
                key = (len(set(b.articles) & files), b.independent_sources, claim.id)
                if best is None or key[:2] > best[:2]:
                    best = key
        covered, sources, cid = best or (0, 0, "")
        out.append(_held(fact, files, covered, sources, cid))
    return out


def _claim_number(cid: str) -> int:
    digits = re.sub(r"\D", "", cid)
    return int(digits) if digits else 0


def story_claims(report: Report, gold_files: Iterable[str]) -> list[Claim]:
    """Return the claims of every report story holding an article of ``gold_files`` (a gold
    story split over several report stories keeps all of its claims)."""
    wanted = {file_id(f) for f in gold_files}
    return [c for s in report.stories if wanted & set(s.articles) for c in s.claims]


def score(report: Report, gold_json: Mapping) -> dict:
    """Return the per-item results and the summary figures of ``report`` against the gold."""
    texts = {a.id: a.text for a in report.articles}
    details: dict[str, list] = {
        "conflicts": [],
        "updates": [],
        "apparent": [],
        "corroborated": [],
        "corroborated_within": [],
        "corroborated_backed": [],
    }
    origin_of = {a: src.id for s in report.stories for src in s.sources for a in src.articles}
    for sid, story in gold_json["stories"].items():
        files = story.get("files") or [
            v["file"]
            for key in ("conflicts", "apparent_conflicts_that_are_not")
            for item in story.get(key, [])
            for v in item["values"]
        ]
        claims = story_claims(report, files)
        for name, key, items, status, apart in (
            ("conflicts", "values", story.get("conflicts", []), "disputed", False),
            ("updates", "sequence", story.get("updates", []), "updated", False),
            (
                "apparent",
                "values",
                story.get("apparent_conflicts_that_are_not", []),
                "disputed",
                True,
            ),
        ):
            for row in score_pairs(items, key, status, claims, texts, apart):
                details[name].append({"story": sid, **row})
        for row in score_corroborated(story.get("corroborated", []), claims, texts):
            details["corroborated"].append({"story": sid, **row})
        for row in score_within(story.get("corroborated", []), claims, origin_of):
            details["corroborated_within"].append({"story": sid, **row})
        for row in score_backed(story.get("corroborated", []), claims):
            details["corroborated_backed"].append({"story": sid, **row})
    return {"figures": summarise(details), "details": details}


def summarise(details: Mapping[str, Sequence[dict]]) -> dict:
    conflicts, updates = details["conflicts"], details["updates"]
    apparent, corroborated = details["apparent"], details["corroborated"]
    not_raised = sum(1 for r in apparent if not r["ok"])
    found = {(r["story"], r["fact"]) for r in corroborated if r["ok"]}

    def not_found(kind: str) -> int:
        """The facts of diagnostic ``kind`` held there and not found by the gated rule."""
        return sum(r["ok"] and (r["story"], r["fact"]) not in found for r in details.get(kind, []))

    figures = {
        "conflicts_found": _ratio(sum(r["ok"] for r in conflicts), len(conflicts)),
        "updates_labelled": _ratio(sum(r["ok"] for r in updates), len(updates)),
        "apparent_not_disputed": _ratio(not_raised, len(apparent)),
        "corroborated_found": _ratio(sum(r["ok"] for r in corroborated), len(corroborated)),
    }
    counts = {
        "conflicts": [sum(r["ok"] for r in conflicts), len(conflicts)],
        "updates": [sum(r["ok"] for r in updates), len(updates)],
        "apparent_not_disputed": [not_raised, len(apparent)],
        "apparent_handled": [sum(r.get("handled", False) for r in apparent), len(apparent)],
        "corroborated": [sum(r["ok"] for r in corroborated), len(corroborated)],
        # stricter, for comparison (not gated): found by a disputed claim that gives two of
        # the conflict's values different values, not by one whose passages only hold them
        "conflicts_apart": [sum(r["apart"] for r in conflicts), len(conflicts)],
        # lenient, for comparison (not gated): a claim of the status holds any one value
        "conflicts_touched": [sum(r["touched"] for r in conflicts), len(conflicts)],
        "updates_touched": [sum(r["touched"] for r in updates), len(updates)],
        # diagnostic (not gated): gold corroborated facts not found, whose value is one side
        # of a disputed claim or one step of an updated claim backed, that value alone, by as
        # many independent sources as the gold says (``score_within``)
        "corroborated_within": [not_found("corroborated_within"), len(corroborated)],
        # diagnostic (not gated): the same facts as the report's own per-value source counts
        # give them (``score_backed``: Claim.backing)
        "corroborated_backed": [not_found("corroborated_backed"), len(corroborated)],
    }
    return {**figures, "counts": counts}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def diagnostics(report: Report, gold_json: Mapping) -> dict:
    """Per language: gold conflict/update values located, read as a quantity, held by a claim."""
    lang = {a.id: a.language or "none" for a in report.articles}
    texts = {a.id: a.text for a in report.articles}
    quantities = {
        a.id: [(q.start, q.end) for q in a.annotations.quantities] for a in report.articles
    }
    evidence: dict[str, list[tuple[int, int]]] = {}
    for s in report.stories:
        for c in s.claims:
            for ev in c.evidence:
                evidence.setdefault(ev.article, []).append((ev.start, ev.end))
    out: dict[str, dict[str, int]] = {}
    for story in gold_json["stories"].values():
        values = [v for item in story.get("conflicts", []) for v in item["values"]]
        values += [v for item in story.get("updates", []) for v in item["sequence"]]
        for v, spots in locate(values, texts):
            row = out.setdefault(
                lang.get(v["article"], "none"),
                dict.fromkeys(("values", "located", "quantity", "in_claim"), 0),
            )
            row["values"] += 1
            row["located"] += bool(spots)
            row["quantity"] += any(
                qs < e and s < qe
                for _, s, e in spots
                for qs, qe in quantities.get(v["article"], [])
            )
            row["in_claim"] += any(
                es < e and s < ee for _, s, e in spots for es, ee in evidence.get(v["article"], [])
            )
    return dict(sorted(out.items()))


# ----------------------------------------------------------------------------- MEANTIME


def translated_figures(report: Report, docs: Sequence[Mapping]) -> dict:
    """Every figure of an English MEANTIME article that a claim holds, against each of the
    article's translations: *found* when that same claim also holds, in the translation, a
    quantity of the same value (evidence overlapping it). Recall over (figure, translation)
    pairs, per language. A quantity of the English article that no claim holds (a title, a
    heading, a sentence that states no fact) is no figure of a claim: it is counted apart
    (``english_figures_in_no_claim``), not in the recall."""
    language = {d["id"]: d["language"] for d in docs}
    event = {d["id"]: d["event"] for d in docs}
    by_event: dict[str, list[str]] = {}
    for d in docs:
        by_event.setdefault(d["event"], []).append(d["id"])
    arts = {a.id: a for a in report.articles}
    holding: dict[tuple[str, int, int], list[Claim]] = {}
    claims = [c for s in report.stories for c in s.claims]
    for c in claims:
        for ev in c.evidence:
            holding.setdefault((ev.article, ev.start, ev.end), []).append(c)

    def claims_over(aid: str, s: int, e: int) -> list[Claim]:
        return [
            c for (a, es, ee), cs in holding.items() if a == aid and es < e and s < ee for c in cs
        ]

    per: dict[str, list[int]] = {}
    unclaimed = 0
    for aid, art in arts.items():
        if language.get(aid) != "en":
            continue
        others = [o for o in by_event[event[aid]] if o != aid and o in arts]
        for q in art.annotations.quantities:
            held = claims_over(aid, q.start, q.end)
            if not held:
                unclaimed += 1
                continue
            for other in others:
                row = per.setdefault(language[other], [0, 0])
                row[1] += 1
                values = [x for x in arts[other].annotations.quantities if x.value == q.value]
                row[0] += any(c in held for x in values for c in claims_over(other, x.start, x.end))
    found = sum(r[0] for r in per.values())
    total = sum(r[1] for r in per.values())
    return {
        "recall": _ratio(found, total),
        "counts": [found, total],
        "languages": {k: [*v, _ratio(*v)] for k, v in sorted(per.items())},
        "english_figures_in_no_claim": unclaimed,
    }


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-cache", action="store_true", help="annotate again")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    gold_path = STORIES / "gold.json"
    if not gold_path.exists():
        print(f"skipped: {gold_path} not found (../shared is absent)")
        return 0
    docs, _ = multilingual.stories_docs()
    report = multilingual.analysed("stories", docs, not args.no_cache)
    gold_json = json.loads(gold_path.read_text("utf-8"))
    results = score(report, gold_json)
    results["languages"] = diagnostics(report, gold_json)
    results["claims"] = _status_counts(report)
    if multilingual.MEANTIME.exists():
        mdocs, _ = multilingual.meantime_docs()
        mreport = multilingual.analysed("meantime", mdocs, not args.no_cache)
        full = [json.loads(x) for x in multilingual.MEANTIME.read_text("utf-8").splitlines() if x]
        results["meantime_figures"] = translated_figures(mreport, full)
        results["figures"]["meantime_figures_same_claim"] = results["meantime_figures"]["recall"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    shown = ("figures", "languages", "claims", "meantime_figures")
    print(json.dumps({k: results[k] for k in shown if k in results}, indent=1))
    if GATES.exists():
        low = under_floors(results["figures"], json.loads(GATES.read_text("utf-8")))
        if low:
            print("under the floor: " + "; ".join(low))
            return 1
    return 0


def _status_counts(report: Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in report.stories:
        for c in s.claims:
            counts[c.status] = counts.get(c.status, 0) + 1
    return dict(sorted(counts.items()))


if __name__ == "__main__":
    raise SystemExit(main())
