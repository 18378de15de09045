"""Entity resolution on the seed reports (../shared/seeds, read at test time) and on the sample
corpus: exact clusters for the name variants, the pairs that must stay apart, places within
30 km of where they are, and the evaluation gate (B-cubed floors of bench/gates/entities.json).

The true coordinates below are test data typed from public knowledge, not product rules."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from consilience.gazetteer import Gazetteer
from consilience.model import Article, Entity
from consilience.resolve import resolve_story, to_geojson
from consilience.resolve.evaluate import load_gold, score_story
from consilience.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GATES = json.loads((ROOT / "bench" / "gates" / "entities.json").read_text("utf-8"))
DATA = ROOT / "tests" / "data" / "entities"
REFERENCE = date(2026, 11, 22)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings())


@pytest.fixture(scope="module")
def seeds(seed_articles: dict, gaz: Gazetteer) -> tuple[dict[str, Article], tuple[Entity, ...]]:
    arts = [seed_articles[k] for k in sorted(seed_articles)]
    return seed_articles, resolve_story(arts, gaz)


def entity_of(seeds, key: str, surface: str, nth: int = 0) -> Entity:
    """The entity of the nth mention in seed ``key`` whose text is exactly ``surface``."""
    arts, ents = seeds
    art = arts[key]
    found = sorted(
        (m.start, e.id, e)
        for e in ents
        for m in e.mentions
        if m.article == art.id and art.text[m.start : m.end] == surface
    )
    assert len(found) > nth, f"{key}: no mention {surface!r}"
    return found[nth][2]


# Each line: one actor, then where its variants are (seed key, surface as the mention reads).
VARIANTS = {
    "golani": [
        ("000", "Abu Muhammad al-Jolani"),
        ("001", "Abu Mohammed al-Golani"),
        ("003", "Abu Mohammad al-Golani"),
        ("004", "Ahmed al-Chareh"),
    ],
    "rami": [("001", "Rami Abdurrahman"), ("004", "Rami Abdel Rahmane")],
    "abdul-ghani": [("001", "Hassan Abdul-Ghani"), ("004", "Hassan Abdel Ghani")],
    "daraa": [("001", "Daraa"), ("003", "Deraa"), ("004", "Deraa")],
    "suwayda": [("000", "Suwayda"), ("001", "Sweida"), ("003", "Suweida"), ("004", "Soueida")],
    "quneitra": [("001", "Quneitra province"), ("004", "Qouneitra")],
    "jaramana": [("000", "Jaramana"), ("001", "Jaramana"), ("002", "Jarmana")],
    "al-qaim": [("000", "Al-Qaim"), ("002", "al-Qaem")],
    "lavrov": [("000", "Sergei Lavrov"), ("001", "Sergey Lavrov"), ("004", "Sergueï Lavrov")],
    "bashar": [
        ("000", "Assad"),
        ("000", "Bashar al-Assad"),
        ("000", "Bashar al Assad"),
        ("001", "Assad"),
        ("002", "Bashar al-Assad"),
        ("004", "Bashar"),
    ],
    # the annotation step cuts "Recep" off; the rest of the name is the mention
    "erdogan": [("000", "Erdogan"), ("004", "Recep Tayyip Erdogan")],
    "pedersen": [("001", "Geir Pedersen"), ("001", "Pedersen"), ("001", "Pederson")],
    "hts": [
        ("000", "Hayat Tahrir al-Sham"),
        ("000", "HTS"),
        ("001", "HTS"),
        ("002", "Hayat Tahrir al-Sham"),
        ("003", "HTS"),
        ("004", "HTS"),
    ],
    "sohr": [
        ("001", "Syrian Observatory for Human Rights"),
        ("001", "Syrian Observatory"),
        ("003", "Syrian Observatory for Human Rights"),
        ("004", "OSDH"),
    ],
    "idf": [("000", "Israel Defense Forces"), ("000", "IDF")],
    "uk": [("001", "Britain"), ("003", "UK"), ("004", "United Kingdom")],
}

EXPECTED_ALIASES = {
    "golani": (
        "PERSON",
        {
            "Abu Muhammad al-Jolani",
            "Abu Mohammed al-Golani",
            "Abu Mohammad al-Golani",
            "Ahmed al-Chareh",
        },
    ),
    "rami": ("PERSON", {"Rami Abdurrahman", "Rami Abdel Rahmane"}),
    "abdul-ghani": ("PERSON", {"Hassan Abdul-Ghani", "Hassan Abdel Ghani"}),
    "daraa": ("GPE", {"Daraa", "Deraa"}),
    "suwayda": ("GPE", {"Suwayda", "Sweida", "Suweida", "Soueida"}),
    "quneitra": ("GPE", {"Quneitra province", "Qouneitra"}),
    "jaramana": ("GPE", {"Jaramana", "Jarmana"}),
    "al-qaim": ("GPE", {"Al-Qaim", "al-Qaem"}),
    "lavrov": ("PERSON", {"Sergei Lavrov", "Sergey Lavrov", "Sergueï Lavrov"}),
    "bashar": ("PERSON", {"Assad", "Bashar al-Assad", "Bashar al Assad", "Bashar"}),
    "erdogan": ("PERSON", {"Erdogan", "Recep Tayyip Erdogan"}),
    "pedersen": ("PERSON", {"Geir Pedersen", "Pedersen", "Pederson"}),
    "hts": ("ORG", {"Hayat Tahrir al-Sham", "HTS"}),
    "sohr": ("ORG", {"Syrian Observatory for Human Rights", "Syrian Observatory", "OSDH"}),
    "idf": ("ORG", {"Israel Defense Forces", "IDF"}),
    "uk": ("GPE", {"Britain", "UK", "United Kingdom"}),
}


@pytest.mark.parametrize("actor", sorted(VARIANTS))
def test_every_variant_is_in_the_entity_of_its_actor(seeds, actor: str) -> None:
    ents = {entity_of(seeds, key, surface).id for key, surface in VARIANTS[actor]}
    assert len(ents) == 1, actor
    e = entity_of(seeds, *VARIANTS[actor][0])
    etype, aliases = EXPECTED_ALIASES[actor]
    assert (e.type, set(e.aliases)) == (etype, aliases)


def test_canonical_names(seeds) -> None:
    names = {actor: entity_of(seeds, *VARIANTS[actor][0]).name for actor in VARIANTS}
    assert names == {
        "golani": "Abu Muhammad al-Jolani",
        "rami": "Rami Abdel Rahmane",
        "abdul-ghani": "Hassan Abdel Ghani",
        "daraa": "Deraa",
        "suwayda": "Suweida",
        "quneitra": "Qouneitra",
        "jaramana": "Jaramana",
        "al-qaim": "Al-Qaim",
        "lavrov": "Sergei Lavrov",
        "bashar": "Bashar al-Assad",
        "erdogan": "Recep Tayyip Erdogan",
        "pedersen": "Geir Pedersen",
        "hts": "Hayat Tahrir al-Sham",
        "sohr": "Syrian Observatory for Human Rights",
        "idf": "Israel Defense Forces",
        "uk": "Britain",
    }


def test_the_leader_joined_by_role_says_why(seeds) -> None:
    e = entity_of(seeds, "004", "Ahmed al-Chareh")
    arts, _ = seeds
    assert any(
        r.startswith("both hold one role, head of 'Hayat Tahrir al-Sham': ") and arts["004"].id in r
        for r in e.reasons
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (("002", "Hafez al-Assad"), ("002", "Bashar al-Assad")),
        (("004", "Hafez al-Assad"), ("004", "Bashar al-Assad")),
        (("000", "Hafez"), ("000", "Bashar al-Assad")),  # the son, named like his grandfather
        (("000", "Hafez"), ("002", "Hafez al-Assad")),
        (("003", "Syrian Army"), ("003", "Syrian National Army")),
        (("001", "Daraa"), ("001", "Daraya")),
        (("000", "Homs"), ("000", "Hama")),
        (("000", "Latakia"), ("001", "Tartus")),
        (("001", "Syrian Observatory"), ("003", "Syrian Army")),
    ],
)
def test_pairs_that_must_stay_apart(seeds, one: tuple[str, str], other: tuple[str, str]) -> None:
    assert entity_of(seeds, *one).id != entity_of(seeds, *other).id


def test_hafez_al_assad_is_one_entity_of_its_own(seeds) -> None:
    e = entity_of(seeds, "002", "Hafez al-Assad")
    assert (e.type, e.aliases) == ("PERSON", ("Hafez al-Assad",))
    assert entity_of(seeds, "004", "Hafez al-Assad").id == e.id


# (seed key, surface) -> true (lat, lon)
PLACES = {
    ("000", "Homs"): (34.73, 36.71),
    ("000", "Hama"): (35.13, 36.75),
    ("000", "Aleppo"): (36.20, 37.16),
    ("000", "Damascus"): (33.51, 36.29),
    ("000", "Latakia"): (35.52, 35.79),
    ("001", "Tartus"): (34.89, 35.89),
    ("000", "Palmyra"): (34.55, 38.27),
    ("003", "Deraa"): (32.62, 36.10),
    ("003", "Suweida"): (32.71, 36.57),
    ("004", "Idleb"): (35.93, 36.63),
    ("000", "Jaramana"): (33.49, 36.35),
    ("000", "Qaryatayn"): (34.23, 37.24),
    ("000", "Izraa"): (32.86, 36.25),
    ("001", "Harasta"): (33.56, 36.37),
    ("001", "Daraya"): (33.46, 36.24),
    ("000", "Doha"): (25.29, 51.53),
    ("001", "Geneva"): (46.20, 6.14),
    ("000", "Moscow"): (55.76, 37.62),
    ("000", "Tehran"): (35.69, 51.39),
    ("000", "Baghdad"): (33.31, 44.37),
    ("000", "Beirut"): (33.89, 35.50),
    ("000", "Amman"): (31.95, 35.93),
    ("000", "Ankara"): (39.93, 32.86),
    ("002", "Deir el-Zor"): (35.34, 40.14),
}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("where", "truth"), sorted(PLACES.items()), ids=lambda v: str(v))
def test_places_are_geocoded_within_30_km(
    seeds, where: tuple[str, str], truth: tuple[float, float]
) -> None:
    e = entity_of(seeds, *where)
    assert e.type == "GPE" and e.geo is not None and e.geo.lat is not None
    assert _km((e.geo.lat, e.geo.lon), truth) <= 30, (where, e.geo)


def test_countries_are_countries(seeds) -> None:
    got = {s: entity_of(seeds, "001", s).geo.country for s in ("Syria", "Lebanon", "Turkey")}
    assert got == {"Syria": "SY", "Lebanon": "LB", "Turkey": "TR"}
    assert entity_of(seeds, "000", "Jordan").geo.country == "JO"


def test_geojson_of_the_story(seeds) -> None:
    _, ents = seeds
    gj = to_geojson(ents)
    names = {f["properties"]["name"] for f in gj["features"]}
    assert {"Homs", "Palmyra", "Deraa", "Suweida", "Doha", "Geneva"} <= names
    assert all(f["geometry"]["type"] == "Point" for f in gj["features"])
    assert len(names) == len(gj["features"])  # one feature per place


def test_every_annotated_mention_is_covered_and_spans_are_real(seeds) -> None:
    arts, ents = seeds
    by_id = {a.id: a for a in arts.values()}
    spans = {}
    for e in ents:
        for m in e.mentions:
            assert by_id[m.article].text[m.start : m.end] in e.aliases
            assert (m.article, m.start, m.end) not in spans
            spans[(m.article, m.start, m.end)] = e.id
    for a in arts.values():
        for m in a.annotations.entities:
            assert any(art == a.id and s < m.end and m.start < t for art, s, t in spans)


# ----------------------------------------------------------------------------- gates


def _gate(name: str, score) -> None:  # noqa: ANN001
    for figure in ("precision", "recall", "f1"):
        floor = GATES[f"{name}_{figure}"]
        assert getattr(score, figure) >= floor, f"{name} {figure} under its floor {floor}"


def test_seeds_bcubed_is_above_its_floors(seeds) -> None:
    arts, ents = seeds
    score = score_story(list(arts.values()), ents, load_gold(DATA / "seeds.json"))
    assert score.mentions >= 500
    _gate("seeds", score)


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    import consilience
    from consilience.sample import corpus_files

    return list(
        consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False).articles
    )


def test_sample_bcubed_is_above_its_floors(sample_articles: list[Article], gaz: Gazetteer) -> None:
    ents = resolve_story(sample_articles, gaz)
    score = score_story(sample_articles, ents, load_gold(DATA / "sample.json"))
    assert score.mentions >= 150
    _gate("sample", score)
    haddad = [e for e in ents if "Yusuf Haddad" in e.aliases]
    assert len(haddad) == 1 and {"Youssef Haddad", "Haddad"} <= set(haddad[0].aliases)
    rea = [e for e in ents if "REA" in e.aliases]
    assert len(rea) == 1 and rea[0].name == "Regional Emergency Agency"
