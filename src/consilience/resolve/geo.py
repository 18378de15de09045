"""Places of a story: one gazetteer entry per place name, chosen with the whole story as context,
and the GeoJSON export.

A name is looked up in the offline gazetteer (exact keys only). Its entry is chosen in two
passes:

1. **clear names** - a country or an administrative area ("Lebanon" is the country, not the
   town in Tennessee), or a city of 100,000 people or more that is at least five times as
   populous as every namesake ("Doha" in Qatar, "Geneva" in Switzerland, "Baghdad" in Iraq);
2. **the others**, with the clear names as context: each candidate scores by how often the story
   names places in its country, by its population, by whether the name is its own (not an
   alternate), and by its distance from the centre of the story's clear cities. A small place
   more than 3,000 km from that centre is not taken ("Florence" in a story about Italy is Firenze,
   not Florence, Alabama; a lone "West" is no town in Texas).

Nothing here knows any particular place: the gazetteer and the story decide.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..gazetteer import Gazetteer, Place
from ..model import Entity, Geo
from ..text import ascii_key

CLEAR_POPULATION = 100_000
CLEAR_DOMINANCE = 5
FAR_KM = 3_000
FAR_POPULATION = 200_000  # a place this large may lie far from the story's centre
WEAK_POPULATION = 50_000  # a place outside the story's countries must be at least this large

__all__ = [
    "PlaceName",
    "choose_places",
    "clear_place",
    "geo_of",
    "geojson_features",
    "to_geojson",
]


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place name of the story: the forms to look up and how many mentions it has."""

    names: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class Choice:
    place: Place
    why: str


def _own(place: Place, keys: Collection[str]) -> bool:
    """Return whether one of the keys is the place's own name (not an alternate name)."""
    return ascii_key(place.name) in keys


def clear_place(places: Sequence[Place], keys: Collection[str]) -> tuple[Place, str] | None:
    """Return the entry a name clearly points to, with the reason, or None when it needs the
    story's context. A place known under this name only as an alternate (GeoNames lists
    exonyms, old names, translations) counts here only when it is a large city."""
    for p in places:
        if p.feature in ("country", "admin"):
            return p, "a country or region of that name"
    places = [p for p in places if _own(p, keys) or p.population >= FAR_POPULATION]
    if not places:
        return None
    top = max(places, key=lambda p: (p.population, -p.geonameid))
    others = [p for p in places if p is not top]
    if len(places) == 1:
        if top.population >= CLEAR_POPULATION:
            return top, "the only gazetteer place of that name"
        return None
    if top.population >= CLEAR_POPULATION and all(
        p.population * CLEAR_DOMINANCE <= top.population for p in others
    ):
        return top, f"by far the most populous of {len(places)} places of that name"
    return None


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in km between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _centre(points: Iterable[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Return the weighted centre (lat, lon) of points given as (lat, lon, weight)."""
    x = y = z = 0.0
    for lat, lon, w in points:
        px, py, pz = _xyz(lat, lon)
        x, y, z = x + w * px, y + w * py, z + w * pz
    norm = math.sqrt(x * x + y * y + z * z)
    if norm < 1e-9:
        return None
    return math.degrees(math.asin(z / norm)), math.degrees(math.atan2(y, x))


def _lookup(gazetteer: Gazetteer, names: Iterable[str]) -> list[Place]:
    """Return the places any of the names denotes, without repeats."""
    seen: dict[int, Place] = {}
    for name in names:
        for p in gazetteer.lookup(name):
            seen.setdefault(p.geonameid, p)
    return list(seen.values())


def choose_places(names: Mapping[int, PlaceName], gazetteer: Gazetteer) -> dict[int, Choice]:
    """Return the chosen gazetteer entry (and why) for each place name that has one, keyed as
    ``names``."""
    found = {k: _lookup(gazetteer, v.names) for k, v in names.items()}
    chosen: dict[int, Choice] = {}
    weights: Counter[str] = Counter()
    points = []
    keys = {k: {ascii_key(n) for n in v.names} for k, v in names.items()}
    for k, places in found.items():
        clear = clear_place(places, keys[k])
        if clear is None:
            continue
        place, why = clear
        chosen[k] = Choice(place, why)
        weights[place.country] += names[k].mentions
        if place.lat is not None and place.lon is not None:
            points.append((place.lat, place.lon, names[k].mentions))
    centre = _centre(points)
    for k, places in found.items():
        if k in chosen or not places:
            continue
        best = _in_context(places, keys[k], weights, centre)
        if best is not None:
            chosen[k] = best
    return chosen


def _in_context(
    places: Sequence[Place],
    keys: Collection[str],
    weights: Mapping[str, int],
    centre: tuple[float, float] | None,
) -> Choice | None:
    """Return the candidate that fits the story best, or None when none fits well enough (an
    alternate name counts only for a place in the story's countries)."""
    scored = []
    for p in places:
        own = _own(p, keys)
        if not own and not weights.get(p.country):
            continue
        dist = None
        if centre and p.lat is not None and p.lon is not None:  # GeoNames: both or neither
            dist = _km(centre, (p.lat, p.lon))
        if dist is not None and dist > FAR_KM and p.population < FAR_POPULATION:
            continue
        if not weights.get(p.country) and p.population < WEAK_POPULATION:
            continue
        score = (
            2 * math.log1p(weights.get(p.country, 0))
            + math.log10(p.population + 10)
            + (1.0 if own else 0.0)
            - (dist or 0.0) / 2000
        )
        scored.append((score, -p.geonameid, p))
    if not scored:
        return None
    _, _, best = max(scored, key=lambda t: (t[0], t[1]))
    if weights.get(best.country):
        return Choice(best, "the namesake in a country the story names most")
    return Choice(best, "the most populous namesake near the story's places")


def geo_of(place: Place) -> Geo:
    """Return the model record of a gazetteer place."""
    return Geo(place.geonameid, place.name, place.country, place.lat, place.lon)


def to_geojson(entities: Iterable[Entity], include_unlocated: bool = False) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the entities that have a place (see
    ``geojson_features``)."""
    features = geojson_features((asdict(e) for e in entities), include_unlocated=include_unlocated)
    return {"type": "FeatureCollection", "features": features}


def geojson_features(
    entities: Iterable[Mapping[str, Any]], story: str | None = None, include_unlocated: bool = False
) -> list[dict[str, Any]]:
    """Return the GeoJSON (RFC 7946) features of the entities that have a place, given in their
    JSON form (an ``Entity`` as report.json writes it): one Point feature each (longitude,
    latitude), with the entity's id (or, given ``story``, the story's id and the entity's),
    name, type, aliases, number of mentions, GeoNames id and name, and country code as
    properties; the feature id is the entity's id, or "story/entity". Places without
    coordinates (countries, regions) are left out unless ``include_unlocated``, which gives them
    a null geometry."""
    features = []
    for e in entities:
        geo = e.get("geo")
        if not geo:
            continue
        located = geo.get("lat") is not None and geo.get("lon") is not None
        if not located and not include_unlocated:
            continue
        geometry = {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]} if located else None
        ids = {"id": e["id"]} if story is None else {"story": story, "entity": e["id"]}
        features.append(
            {
                "type": "Feature",
                "id": e["id"] if story is None else f"{story}/{e['id']}",
                "geometry": geometry,
                "properties": {
                    **ids,
                    "name": e["name"],
                    "type": e["type"],
                    "aliases": list(e["aliases"]),
                    "mentions": len(e["mentions"]),
                    "geonameid": geo["geonameid"],
                    "geoname": geo["name"],
                    "country": geo["country"],
                },
            }
        )
    return features
