"""Place confirmation: the gazetteer checks and completes the model's place entities.

The small spaCy model labels many towns PERSON or ORG and misses others. Here a span becomes a
place (GPE, source "gazetteer") only when its whole text is a gazetteer name *and* something
supports reading it as a place:

* **prominence** - the place is large (population >= 200,000);
* **a cue** - the words before it are a place cue ("in", "near", "city of", "captured", ...) or it
  continues a list that follows a confirmed place ("Tartu, Narva and X");
* **story context** - the place lies in a country the story is about (``context_countries`` plus
  the countries of the article's unambiguous places), has 10,000 people or more (50,000 for a
  PERSON span), and the span reads as a proper name rather than as a capitalised word, an
  adjective or part of a longer name.

A match through one of a place's alternate names (GeoNames lists exonyms, historic names and
translations: "White House" for Casablanca, "Molotov" for Perm) counts only for a place in the
story's countries. Acronyms, spans after "the" ("the Mysore", a ship) and spans running into a
further capitalised word are not relabelled.

A span that looks like a person's name (a title before it, a common given name first, a
three-token PERSON span, or a token of a longer PERSON name in the same text) is never relabelled.
Nothing here is fuzzy: only exact gazetteer keys count.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..gazetteer import Gazetteer, Place
from ..model import EntityMention
from ..text import ascii_key

PLACE_LABELS = frozenset({"GPE", "LOC"})
RELABEL_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC"})

PROMINENT_POPULATION = 200_000  # large enough to be a place whatever the story
CUE_POPULATION = 1_000  # a cued place outside the story's countries must be at least a town
# A place in the story's countries read without a cue. (10,000 rather than 1,000: on ECB+ news,
# ORG spans such as "Congress", "Church" or "Page" match US or UK villages of 2,000-7,500.)
CONTEXT_POPULATION = 10_000
# ... and for a PERSON span, whose surname may be a town's name ("Snyder", Texas, 11,768).
PERSON_CONTEXT_POPULATION = 50_000
NEW_CONTEXT_POPULATION = 500  # an uncovered strongly cued name of a place in those countries
NEW_POPULATION = 50_000  # an uncovered strongly cued name of a place anywhere
STORY_POPULATION = 100_000  # a city whose mention sets the story's country
STORY_DOMINANCE = 3  # ... and is this many times larger than any namesake elsewhere

# Place cues: what comes right before a place name. General English, no place names.
_PLACE_NOUNS = (
    r"cit(?:y|ies)|towns?|villages?|provinces?|governorates?|suburbs?|outskirts|districts?"
    r"|neighbou?rhoods?|regions?|areas?|capital|countryside|localit(?:y|ies)|locations?"
    r"|municipalit(?:y|ies)|port|state"
)
_PLACE_NOUN = re.compile(_PLACE_NOUNS)
_DIRECTIONS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
_STRONG_CUE = re.compile(
    r"(?:\b(?:in|near|inside|outside|around|into|across|towards?|between|via"
    rf"|(?:{_PLACE_NOUNS})\s+(?:of|such\s+as|including|like)"
    rf"|{_DIRECTIONS}\s+(?:part\s+)?of"
    r"|(?:control|capture|seizure|fall|siege|liberation|gates|edge|entrance|heart|centre|center)"
    r"\s+of"
    r"|(?:battle|fight|fighting|struggle|offensive|assault|attack|push|advance|march|road|route"
    r"|highway|way)\s+(?:for|on|of|to|towards?)"
    r"|captur(?:e|ed|es|ing)|recaptur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|enter(?:ed|s|ing)?"
    r"|reach(?:ed|es|ing)?|took|tak(?:e|en|es|ing)|retook|retak(?:e|en|es|ing)"
    r"|occup(?:y|ied|ies|ying)|besieg(?:e|ed|es|ing)|encircl(?:e|ed|es|ing)"
    r"|surround(?:ed|s|ing)?|storm(?:ed|s|ing)|shell(?:ed|s|ing)|bomb(?:ed|s|ing)"
    r"|liberat(?:e|ed|es|ing)|fled|flee(?:s|ing)?|evacuat(?:e|ed|es|ing)|advanc(?:e|ed|es|ing)"
    r"\s+on|march(?:ed|es|ing)?\s+on|based\s+in|born\s+in)\s+)$",
    re.IGNORECASE,
)
_WEAK_CUE = re.compile(r"\b(?:from|to|at)\s+$", re.IGNORECASE)
_OF_CUE = re.compile(r"\bof\s+$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n\s*)['\"\u201c\u2018(]*$")

# Titles and honorifics before a person's name (general English).
_TITLES = frozenset(
    """president mr mrs ms miss dr sir dame lord lady general gen colonel col major maj captain
    capt lieutenant lt sergeant sgt commander admiral minister prime premier chancellor senator
    sen rep representative congressman congresswoman governor gov mayor judge justice king queen
    prince princess emperor sheikh sheik emir imam ayatollah rabbi pope cardinal bishop father
    brother sister professor prof ambassador envoy secretary chairman chairwoman chief spokesman
    spokeswoman spokesperson leader commander-in-chief mullah mufti""".split()
)
# Titles that are also ordinary words ("general", "major", "father") count only capitalised.
_PLAIN_TITLES = frozenset(
    """president mr mrs ms dr minister premier chancellor senator sheikh sheik emir imam
    ayatollah spokesman spokeswoman spokesperson ambassador envoy""".split()
)
# Common given names across languages: a multi-token span starting with one is a person.
_GIVEN_NAMES = frozenset(
    """john james robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark paul steven andrew kenneth george joshua kevin brian edward ronald
    timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry peter
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    sandra ashley emily donna michelle carol amanda melissa deborah stephanie rebecca laura
    helen sharon cynthia kathleen anna emma olivia sophia maria marie jean pierre jacques
    michel philippe nicolas francois giuseppe giovanni antonio francesco luca marco hans klaus
    jurgen wolfgang angela carlos jose juan luis miguel pedro manuel ivan vladimir dmitry
    alexei mikhail olga natalia mohammed mohammad muhammad mohamed ahmed ahmad
    mahmoud mustafa ibrahim youssef yusuf khalid omar hussein hussain abdullah abdel abdul
    fatima aisha ali mehmet recep xi li wang zhang sam max tom ben jim joe bob""".split()
)
_REPORTING_VERBS = frozenset(
    """said says say told tells added adds stated states argued argues warned warns insisted
    insists claimed claims denied denies wrote writes asked asks replied replies explained
    explains announced announces declared declares noted notes""".split()
)
# Bodies whose names are ordinary English words that some village also bears.
_INSTITUTIONS = frozenset(
    """congress parliament senate house court government cabinet church school college
    university hospital police army navy commerce interior justice defense defence treasury
    state council assembly chamber embassy ministry supreme""".split()
)
_MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Words that may follow a place name without making it a modifier ("X officials") or the start
# of a longer name ("X Times").
_FUNCTION_WORDS = frozenset(
    """and or but of in on at to from with by for as is are was were has have had will would
    said says that which who it its he she they we i this these those there the a an""".split()
)
_ARTICLE = r"(?:al|el|as|ad|ar|an|at|az|ash|ez|ed|es|en|er)"
_NAME_TOKEN = rf"(?:{_ARTICLE}-)?[A-Z][\w'\u2019\u2018`-]*"
_PHRASE = re.compile(rf"{_NAME_TOKEN}(?:[ ](?:{_ARTICLE}[ -])?{_NAME_TOKEN}){{0,3}}")
_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z&]){1,4}\.?")
_FOLLOWING = re.compile(r"[ \t]+([^\W\d_][\w'-]*)")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class _Doc:
    """What the rules consult about one text."""

    text: str
    countries: frozenset[str]
    weights: dict[str, int]  # how often the text (or the caller) points at each country
    person_tokens: frozenset[str]
    word_counts: dict[str, int]

    def ordinary(self, span: str) -> bool:
        """Return whether a one-word span is used in lower case at least as often as
        capitalised in this text: an ordinary word, not a name."""
        if " " in span or span.islower():
            return False
        return self.word_counts.get(span.lower(), 0) >= self.word_counts.get(span, 0)


def story_countries(text: str, entities: Sequence[EntityMention], gazetteer: Gazetteer) -> set[str]:
    """Return the ISO2 codes of the countries the text's unambiguous place mentions lie in.

    A GPE/LOC span counts when it names a country or admin area, or a city of at least 100,000
    people with no namesake elsewhere a third its size or more.
    """
    return set(_country_mentions(text, entities, gazetteer))


def _country_mentions(
    text: str, entities: Sequence[EntityMention], gazetteer: Gazetteer
) -> dict[str, int]:
    """Return how many unambiguous GPE/LOC mentions each country gets in the text."""
    found: dict[str, int] = {}
    for e in entities:
        if e.label not in PLACE_LABELS:
            continue
        country = _unambiguous_country(gazetteer.lookup(text[e.start : e.end]))
        if country:
            found[country] = found.get(country, 0) + 1
    return found


def _unambiguous_country(places: Sequence[Place]) -> str | None:
    """Return the country a list of namesakes clearly points to, or None."""
    for p in places:
        if p.feature in ("country", "admin"):
            return p.country
    if not places or places[0].population < STORY_POPULATION:
        return None
    top = places[0]
    rivals = [p for p in places[1:] if p.country != top.country]
    if any(p.population * STORY_DOMINANCE >= top.population for p in rivals):
        return None
    return top.country


def confirm_places(
    text: str,
    entities: Sequence[EntityMention],
    gazetteer: Gazetteer,
    context_countries: Collection[str] = (),
) -> list[EntityMention]:
    """Return the entities with places confirmed, relabelled or added, sorted by position.

    GPE/LOC spans that are gazetteer names get a ``geonameid``; PERSON/ORG/NORP/FAC spans that
    are places by the evidence rules become GPE (source "gazetteer"); cued capitalised phrases
    no entity covers become GPE when the gazetteer knows them. Entities crossing a line break
    are split at it first (the model sometimes joins a heading to the next line). The countries
    of the text's own unambiguous places are added to ``context_countries``.
    """
    ents = sorted(_split_at_line_breaks(text, entities), key=lambda e: (e.start, e.end))
    doc = _describe(text, ents, gazetteer, context_countries)
    items: list[tuple[int, int, EntityMention | None]] = [(e.start, e.end, e) for e in ents]
    items += [(s, t, None) for s, t in _uncovered_phrases(text, ents)]
    items.sort(key=lambda it: (it[0], it[1]))
    place_ends: set[int] = set()
    out: list[EntityMention] = []
    for start, end, ent in items:
        result = (
            _judge_entity(doc, ent, gazetteer, place_ends)
            if ent
            else _judge_phrase(doc, start, end, gazetteer, place_ends)
        )
        if result is not None:
            out.append(result)
            if result.label in PLACE_LABELS and result.geonameid is not None:
                place_ends.add(result.end)
    return out


def _describe(
    text: str, ents: Sequence[EntityMention], gazetteer: Gazetteer, context: Collection[str]
) -> _Doc:
    """Return the per-text facts the rules use."""
    weights = _country_mentions(text, ents, gazetteer)
    for c in context:
        weights[c.upper()] = weights.get(c.upper(), 0) + 1
    person_tokens: set[str] = set()
    for e in ents:
        tokens = text[e.start : e.end].split()
        if e.label == "PERSON" and len(tokens) > 1:
            person_tokens.update(ascii_key(t) for t in tokens)
    counts: dict[str, int] = {}
    for m in _WORD.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    return _Doc(text, frozenset(weights), weights, frozenset(person_tokens - {""}), counts)


def _split_at_line_breaks(text: str, entities: Iterable[EntityMention]) -> Iterator[EntityMention]:
    """Yield the entities, those crossing a line break cut into their non-blank lines."""
    for e in entities:
        span = text[e.start : e.end]
        if "\n" not in span:
            yield e
            continue
        for m in re.finditer(r"[^\n]+", span):
            piece = m.group()
            lead = len(piece) - len(piece.lstrip())
            stripped = piece.strip()
            if stripped:
                start = e.start + m.start() + lead
                yield replace(e, start=start, end=start + len(stripped))


def _judge_entity(
    doc: _Doc, ent: EntityMention, gazetteer: Gazetteer, place_ends: set[int]
) -> EntityMention:
    """Return the entity as it should stand after the gazetteer's check."""
    span = doc.text[ent.start : ent.end]
    if ent.label in PLACE_LABELS:
        if ent.geonameid is not None:
            return ent
        best = _best(gazetteer.lookup(span), doc.weights, span)
        return replace(ent, geonameid=best.geonameid) if best else ent
    if ent.label not in RELABEL_LABELS or _looks_like_person(doc, ent.start, ent.end, ent.label):
        return ent
    place = _evidenced_place(doc, ent, gazetteer.lookup(span), place_ends)
    if place is None:
        return ent
    return EntityMention(ent.start, ent.end, "GPE", "gazetteer", place.geonameid)


def _evidenced_place(
    doc: _Doc, ent: EntityMention, places: Sequence[Place], place_ends: set[int]
) -> Place | None:
    """Return the place a model entity should become, or None when the evidence is lacking."""
    span = doc.text[ent.start : ent.end]
    if _ACRONYM.fullmatch(span.strip()) or _continues_name(doc.text, ent.end):
        return None  # "GM", "IR"; "the New York [Times]": the model cut a longer name short
    if ascii_key(span) in _INSTITUTIONS:
        return None  # "in Congress": a body, though some village bears the name
    places = _admissible(places, doc.countries, span)
    if not places or (_after_the(doc.text, ent.start, span) and not _named_the(places[0])):
        return None  # "the Mysore" (a ship), "the White House"
    best = _best(places, doc.weights, span)
    assert best is not None  # places is not empty
    cue = _cue(doc.text, ent.start, place_ends, ent.end)
    if cue == "strong":
        return best if _plausible(best, doc.countries) else None
    if best.population >= PROMINENT_POPULATION:
        return best
    if cue == "weak" and ent.label != "PERSON" and _weakly_cued_ok(best, doc.countries):
        return best
    if ent.label == "PERSON" and _speaks(doc.text, ent.start, ent.end):
        return None  # "X said": the model's PERSON reading has support
    floor = PERSON_CONTEXT_POPULATION if ent.label == "PERSON" else CONTEXT_POPULATION
    local = [p for p in places if p.country in doc.countries and p.population >= floor]
    if local and _reads_as_proper_name(doc, ent.start, ent.end, ent.label):
        return _best(local, doc.weights, span)
    return None


def _admissible(places: Sequence[Place], countries: frozenset[str], span: str) -> list[Place]:
    """Return the places that ``span`` may name: those it names by their own name, and those it
    names by an alternate name when they lie in the story's countries."""
    key = ascii_key(span)
    return [p for p in places if p.country in countries or ascii_key(p.name) == key]


def _after_the(text: str, start: int, span: str) -> bool:
    """Return whether the span begins with "the" or the word right before it is "the"."""
    if re.match(r"the\b", span, re.IGNORECASE):
        return True
    return bool(re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.IGNORECASE))


def _named_the(place: Place) -> bool:
    """Return whether a place's own name begins with "The" ("The Hague")."""
    return place.name.lower().startswith("the ")


def _speaks(text: str, start: int, end: int) -> bool:
    """Return whether a reporting verb sits right after the span or right before it."""
    after = _FOLLOWING.match(text, end)
    if after and after.group(1).lower() in _REPORTING_VERBS:
        return True
    before = re.search(r"([a-z]+)\s+$", text[max(0, start - 20) : start])
    return bool(before and before.group(1) in _REPORTING_VERBS)


def _weakly_cued_ok(place: Place, countries: frozenset[str]) -> bool:
    """Return whether a place after a weak cue ("at", "from", "to") is large enough: a town of
    10,000 in the story's countries or a city of 50,000 anywhere."""
    floor = CONTEXT_POPULATION if place.country in countries else NEW_POPULATION
    return place.population >= floor


def _plausible(place: Place, countries: frozenset[str]) -> bool:
    """Return whether a cued place is big enough, or in the story's countries."""
    return place.country in countries or place.population >= CUE_POPULATION


def _reads_as_proper_name(doc: _Doc, start: int, end: int, label: str) -> bool:
    """Return whether a span reads as a proper name rather than a capitalised common word, a
    demonym used as an adjective, or the first part of a longer name."""
    span = doc.text[start:end]
    if doc.ordinary(span):
        return False
    if _SENTENCE_START.search(doc.text[max(0, start - 10) : start]) and doc.text.count(span) <= 1:
        return False  # capitalised only because it opens a sentence or heading
    following = _FOLLOWING.match(doc.text, end)
    if label in ("NORP", "ORG") and following and following.group(1).lower() not in _FUNCTION_WORDS:
        return False  # "X officials", "X departments": a modifier, not a place mention
    return True


def _continues_name(text: str, end: int) -> bool:
    """Return whether a capitalised word follows ``end`` with only spaces between."""
    following = _FOLLOWING.match(text, end)
    if not following:
        return False
    word = following.group(1)
    if not word[0].isupper() or word.lower() in _FUNCTION_WORDS:
        return False
    return not _PLACE_NOUN.fullmatch(word.lower())  # "X Province" still names the place X


def _looks_like_person(doc: _Doc, start: int, end: int, label: str) -> bool:
    """Return whether a span looks like a person's name: a title before it or first in it, a
    common given name first (alone too, unless labelled ORG), a PERSON span of three or more
    tokens, or one token that is part of a longer PERSON name in the same text."""
    tokens = doc.text[start:end].split()
    if not tokens:
        return True
    first = tokens[0].strip(".").lower()
    if label == "PERSON" and len(tokens) >= 3:
        return True
    if first in _TITLES or (first in _GIVEN_NAMES and (len(tokens) > 1 or label != "ORG")):
        return True  # a lone given name reads as a person unless the model said ORG
    before = re.search(r"([A-Za-z][\w-]*)\.?\s+$", doc.text[max(0, start - 40) : start])
    if before:
        word = before.group(1)
        if word.lower() in _PLAIN_TITLES or (word[0].isupper() and word.lower() in _TITLES):
            return True
    return len(tokens) == 1 and ascii_key(tokens[0]) in doc.person_tokens


def _cue(text: str, start: int, place_ends: set[int], end: int | None = None) -> str | None:
    """Return "strong", "weak" or None for the words right before ``start``.

    A list continues after a confirmed place: "X and Y" always, "X, Y" only when Y is itself
    followed by a comma or "and"/"or" (otherwise "In X, Y did ..." would make Y a place)."""
    before = text[max(0, start - 60) : start]
    if _STRONG_CUE.search(before):
        return "strong"
    sep = _LIST_SEPARATOR.search(before)
    if sep and (start - len(before) + sep.start()) in place_ends:
        if re.search(r"\b(?:and|or)\b|&", sep.group()) or (
            end is not None and re.match(r"\s*(?:,|and\b|or\b)", text[end:])
        ):
            return "strong"
    if _WEAK_CUE.search(before):
        return "weak"
    return None


def _best(places: Sequence[Place], weights: dict[str, int], span: str) -> Place | None:
    """Return the likeliest of a name's places: in the story's countries first (the country the
    text points at most often, then one called by this very name before one that only lists it
    as an alternate, then the most populous), else the most populous anywhere."""
    key = ascii_key(span)
    local = [p for p in places if p.country in weights]
    if local:
        return min(
            local, key=lambda p: (-weights[p.country], ascii_key(p.name) != key, -p.population)
        )
    return max(places, key=lambda p: p.population) if places else None


def _uncovered_phrases(text: str, ents: Sequence[EntityMention]) -> list[tuple[int, int]]:
    """Return the runs of capitalised-phrase words that overlap no entity (candidates for new
    places); a phrase running into an entity is cut at it."""
    covered = [(e.start, e.end) for e in ents]
    out = []
    for m in _PHRASE.finditer(text):
        run: list[tuple[int, int]] = []
        for w in re.finditer(r"\S+", m.group()):
            s, t = m.start() + w.start(), m.start() + w.end()
            if any(a < t and s < b for a, b in covered):
                if run:
                    out.append((run[0][0], run[-1][1]))
                run = []
            else:
                run.append((s, t))
        if run:
            out.append((run[0][0], run[-1][1]))
    return out


def _judge_phrase(
    doc: _Doc, start: int, end: int, gazetteer: Gazetteer, place_ends: set[int]
) -> EntityMention | None:
    """Return a new GPE for the first cued run of words in a capitalised phrase that names a
    place (longest run first), or None. A cue may be the phrase's own first word ("In X")."""
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", doc.text[start:end])]
    for i, (first, _) in enumerate(words):
        for j in range(len(words) - 1, i - 1, -1):
            stop = _trim_possessive(doc.text, first, words[j][1])
            cue = _cue(doc.text, first, place_ends, stop)
            if cue is None and _OF_CUE.search(doc.text[max(0, first - 4) : first]):
                if not re.match(r"\s*[,.;:]", doc.text[stop:]):
                    continue  # "of X" only counts when X ends the clause: "the fall of X,"
                cue = "weak"
            if cue is None:
                continue
            place = _new_place(doc, first, stop, gazetteer, cue)
            if place is not None:
                return EntityMention(first, stop, "GPE", "gazetteer", place.geonameid)
    return None


def _trim_possessive(text: str, start: int, stop: int) -> int:
    """Return ``stop`` moved back over a possessive ending ("'s", "'")."""
    m = re.search(r"['\u2019]s?$", text[start:stop])
    return stop - len(m.group()) if m else stop


def _new_place(doc: _Doc, start: int, stop: int, gazetteer: Gazetteer, cue: str) -> Place | None:
    """Return the place an uncovered cued phrase names, or None.

    After a strong cue: a place in the story's countries (500 people, or 10,000 when named by an
    alternate name) or one of 50,000 anywhere. After a weak cue ("to", "from", "of X,"): a place
    of 10,000 in those countries, or of 200,000 anywhere."""
    span = doc.text[start:stop]
    lowered = span.lower()
    if (
        _ACRONYM.fullmatch(span)
        or lowered in _MONTHS_DAYS
        or lowered in _INSTITUTIONS
        or (doc.ordinary(span))
    ):
        return None  # acronyms, dates and ordinary words are not new places
    if _looks_like_person(doc, start, stop, "GPE"):
        return None
    key = ascii_key(span)
    strong = cue == "strong"

    def fits(p: Place) -> bool:
        own = ascii_key(p.name) == key
        if p.country in doc.countries:
            floor = NEW_CONTEXT_POPULATION if strong and own else CONTEXT_POPULATION
            return p.population >= floor
        return own and p.population >= (NEW_POPULATION if strong else PROMINENT_POPULATION)

    fitting = [p for p in gazetteer.lookup(span) if fits(p)]
    return _best(fitting, doc.weights, span) if fitting else None
