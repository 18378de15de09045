"""Place names found by the gazetteer alone, in any language and script.

For a language without a spaCy model, the places an article names are still found: every run of
capitalised words (Latin, Cyrillic, Greek scripts) and every word or word pair of a script without
capitals (Arabic, Hebrew, CJK ...) is looked up among GeoNames' names and alternate names in many
languages ("Messico", "México", "Mexique", "المكسيك" are one place). Words glued to a name by a
language's clitics ("وإيطاليا": "and Italy"; "בירושלים": "in Jerusalem") are tried without them;
the clitics are per-language data (``data/clitics.json``), not code. A name may go on across the
lower-case words that join the words of one place name in the language ("Ciudad de México",
"Città del Messico", "Cidade do México"; ``data/name_particles.json``), never start or end with
one.

What a bare look-up would get wrong is left out: a capitalised word that is also a function word
or a calendar word of the article's language, a one-word name of under four letters, a town
smaller than ``MIN_TOWN_POPULATION`` named by one word, and a town in a country the article
does not name (nor any of its regions): "Puente" or "Norte" in a Spanish report on Mexico are
not towns of the United States or Chile. Countries and first-level regions are always kept. A
one-word name in a script without capitals that opens the text as a dateline ("باريس:") is read
like a capitalised one: a town of a named country, or a city of ``LONE_TOWN_POPULATION``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..gazetteer import Gazetteer, Place
from ..model import EntityMention

MAX_WORDS = 3  # capitalised words of a name looked up (joining particles not counted)
MAX_PARTICLES = 2  # joining particles of a name ("Île de la Cité")
MIN_TOWN_POPULATION = 1000
MIN_LETTERS = 4
LONE_TOWN_POPULATION = 100_000  # a town kept with no country named beside it

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
_JOINER = re.compile(r"^[ \u00a0]+$|^[ \u00a0]*-[ \u00a0]*$")


@lru_cache(maxsize=1)
def clitics() -> dict[str, tuple[str, ...]]:
    """Return {language: proclitics, longest first} from the packaged data file."""
    raw = json.loads(
        resources.files("consilience.annotate").joinpath("data/clitics.json").read_text("utf-8")
    )
    return {
        lang: tuple(sorted(values, key=len, reverse=True))
        for lang, values in raw.items()
        if not lang.startswith("_")
    }


@lru_cache(maxsize=1)
def _all_particles() -> dict[str, frozenset[str]]:
    raw = json.loads(
        resources.files("consilience.annotate")
        .joinpath("data/name_particles.json")
        .read_text("utf-8")
    )
    return {lang: frozenset(v) for lang, v in raw.items() if not lang.startswith("_")}


def particles(language: str | None) -> frozenset[str]:
    """Return the lower-case words that join the words of one place name in ``language``
    (the file's "*" list for a language it does not list)."""
    table = _all_particles()
    return table.get(language or "", table.get("*", frozenset()))


def _cased(word: str) -> bool:
    return word.lower() != word.upper()


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _runs(
    words: list[tuple[int, int, str]], text: str, joiners: frozenset[str] = frozenset()
) -> Iterator[list[tuple[int, int, str]]]:
    """Yield runs of adjacent name-like words: capitalised words of a cased script, or any word
    of a script without capitals; words are adjacent when only spaces or a hyphen separate them.
    A run goes on across ``joiners`` (lower-case particles: "de", "del") standing between two
    name-like words; a run never ends with one."""
    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # particles after the run, kept if a name follows
    for w in words:
        namelike = _capitalised(w[2]) if _cased(w[2]) else True
        last = (pending or run)[-1] if run else None
        adjacent = last is not None and _JOINER.match(text[last[1] : w[0]] or " ") is not None
        if namelike:
            if run and not adjacent:
                yield run
                run, pending = [], []
            run.extend(pending)
            pending = []
            run.append(w)
        elif run and adjacent and w[2] in joiners and len(pending) < MAX_PARTICLES:
            pending.append(w)
        elif run:
            yield run
            run, pending = [], []
    if run:
        yield run


def _keep(place: Place, surface: str, words: int) -> bool:
    """Return whether a looked-up place is trusted for a name of ``words`` words: a country
    always; a town of one word only when it is at least ``MIN_TOWN_POPULATION`` strong and
    written with five letters or more (four in a script without capitals)."""
    if place.feature == "country":
        return True
    if words > 1:
        return place.population >= MIN_TOWN_POPULATION // 2 or len(surface) >= 8
    # scripts without capitals mostly leave short vowels unwritten: "روما" is Rome
    letters = 5 if _cased(surface) else 4
    return (
        place.population >= MIN_TOWN_POPULATION and sum(ch.isalpha() for ch in surface) >= letters
    )


def find_places(
    text: str,
    gazetteer: Gazetteer,
    language: str | None,
    skip_words: frozenset[str] = frozenset(),
    taken: Sequence[tuple[int, int]] = (),
) -> list[EntityMention]:
    """Return place mentions in ``text`` found by the gazetteer (label GPE for countries, towns
    and regions; source "gazetteer"; the most populous matching place's geonameid), longest
    name first, never overlapping each other or a span of ``taken``. ``skip_words`` are
    lower-cased words never read as a one-word place (the language's function and calendar
    words)."""
    found: list[tuple[EntityMention, list[Place]]] = []
    used = sorted(taken)
    prefixes = clitics().get(language or "", ())
    joiners = particles(language)
    for run in _runs(_spans(text), text, joiners):
        i = 0
        while i < len(run):
            hit = _longest(text, run, i, gazetteer, prefixes, skip_words, used, joiners)
            if hit is None:
                i += 1
                continue
            mention, places, width = hit
            found.append((mention, places))
            used.append((mention.start, mention.end))
            i += width
    countries = _countries(found)
    named = {places[0].country for _, places in found if places[0].feature == "country"}
    kept = []
    for mention, places in found:
        surface = text[mention.start : mention.end]
        # Without capitals nothing marks a word as a name: a one-word town there counts only
        # in a country the article names ("مدينة", "city", is also Medina).
        uncased = not _cased(surface) and " " not in surface.strip()
        if uncased and _dateline(text, mention.start, mention.end):
            uncased = False  # "باريس:" opening the text is the dateline's city
        place = _in_context(places, named if uncased else countries, lone=not uncased)
        if place is not None:
            kept.append(replace(mention, geonameid=place.geonameid))
    return sorted(kept, key=lambda m: (m.start, m.end))


_DATELINE_END = re.compile(r"\s*(?:[:\u2013\u2014-]|\()")


def _dateline(text: str, start: int, end: int) -> bool:
    """Return whether ``[start, end)`` is the first word of the text and a colon, dash or
    parenthesis follows it: a dateline, which names a city."""
    return not text[:start].strip() and _DATELINE_END.match(text, end) is not None


def _countries(found: Sequence[tuple[EntityMention, list[Place]]]) -> set[str]:
    """Return the countries an article is about: those it names, or else the country that the
    most of its other place names can lie in (when two names or more agree)."""
    named = {places[0].country for _, places in found if places[0].feature == "country"}
    if named:
        return named
    votes: dict[str, int] = {}
    for _, places in found:
        for country in {p.country for p in places}:
            votes[country] = votes.get(country, 0) + 1
    best = max(sorted(votes), key=lambda c: votes[c], default=None)
    return {best} if best is not None and votes[best] >= 2 else set()


def _in_context(places: Sequence[Place], countries: set[str], lone: bool = True) -> Place | None:
    """Return the place a name stands for in the article, or None: a country always; else the
    most populous candidate in a country the article is about; with no such country, a town or
    region of at least ``LONE_TOWN_POPULATION``."""
    if places[0].feature == "country":
        return places[0]
    for place in places:
        if place.country in countries:
            return place
    if lone and not countries and places[0].population >= LONE_TOWN_POPULATION:
        return places[0]
    return None


def _longest(
    text: str,
    run: list[tuple[int, int, str]],
    i: int,
    gazetteer: Gazetteer,
    prefixes: tuple[str, ...],
    skip_words: frozenset[str],
    used: list[tuple[int, int]],
    joiners: frozenset[str] = frozenset(),
) -> tuple[EntityMention, list[Place], int] | None:
    if run[i][2] in joiners and not _capitalised(run[i][2]):
        return None  # a name never starts with a joining particle
    for width in range(min(MAX_WORDS + MAX_PARTICLES, len(run) - i), 0, -1):
        span = run[i : i + width]
        joining = sum(1 for w in span if w[2] in joiners and not _capitalised(w[2]))
        if width - joining > MAX_WORDS or (width > 1 and span[-1][2] in joiners):
            continue
        start, end = span[0][0], span[-1][1]
        if any(s < end and start < e for s, e in used):
            continue
        surface = text[start:end]
        if width == 1 and (surface.lower() in skip_words or len(surface) < MIN_LETTERS):
            continue
        for cut in ("", *prefixes):
            if cut and not (surface.startswith(cut) and len(surface) - len(cut) >= 3):
                continue
            name = surface[len(cut) :]
            places = [p for p in gazetteer.lookup(name) if _keep(p, name, width - joining)]
            if places:
                best = places[0]
                return (
                    EntityMention(
                        start + len(cut), end, "GPE", source="gazetteer", geonameid=best.geonameid
                    ),
                    places,
                    width,
                )
    return None
