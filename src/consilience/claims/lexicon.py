"""General English word lists for claims: event classes, actor classes, hedges, update cues.

Nothing here names a place, a person or a figure of any story. The lists say which words
describe the same kind of happening ("fled", "escaped", "crossed into" are movements out of a
place; "killed", "dead", "death toll" are deaths), so that reports worded differently can be
compared. Words are matched lowercased, as whole tokens; a few multi-word phrases are matched on
the lowercased sentence.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources

# Event classes: a word form -> the class it signals. Inflections are listed, not stemmed, so
# that a short stem never matches an unrelated word ("dam" is not "damage").
_CLASS_WORDS: dict[str, str] = {}


def _add(cls: str, words: str) -> None:
    for w in words.split():
        _CLASS_WORDS[w] = cls


_add(
    "flee",
    """
flee flees fled fleeing escape escaped escapes escaping exile exiled refuge
""",
)
_add("desert", "defect defected defecting desert deserted deserting desertion desertions")
_add("cross", "cross crosses crossed crossing")
_add(
    "enter",
    """
enter enters entered entering penetrate penetrated penetrating stormed storming
""",
)
_add(
    "seize",
    """
seize seized seizes seizing capture captured captures capturing conquer conquered conquering
overran overrun overrunning controlled fall fell takeover liberated
""",
)
_add(
    "withdraw",
    """
withdraw withdrew withdrawn withdrawing withdrawal retreat retreated retreating vacate vacated
vacating abandon abandoned abandoning redeploy redeployed redeploying redeployment
""",
)
_add(
    "displace",
    """
displaced displacement displace evacuate evacuated evacuating evacuation evacuations evacuees
homeless shelters shelter sheltered
""",
)
_add(
    "kill",
    """
kill killed killing killings dead death deaths die died dying toll fatalities fatality
casualties bodies body drowned
""",
)
_add("injure", "injured injuries injury wounded wounding hurt")
_add("missing", "missing disappeared unaccounted")
_add(
    "meet",
    """
meet meets met meeting meetings talks summit gathered convene convened conference negotiations
""",
)
_add("interview", "interview interviews interviewed")
_add(
    "begin",
    """
begin began begun beginning launch launched launching start started starting initiated erupted
triggered
""",
)
_add(
    "attack",
    """
attack attacks attacked strike strikes struck airstrike airstrikes bombed bombing bombings
shelling shelled raid raids
""",
)
_add(
    "intervene",
    """
intervene intervened intervention involved involvement meddle meddling interfere engagement
""",
)
_add(
    "breach",
    """
breach breached breaching breaches burst bursting collapsed collapse
""",
)
_add("warn", "warn warned warning warnings warns urge urged urges appeal appealed demanded")
_add("approach", "approach approached approaching advance advanced advancing")
# A promise or an assurance someone gives ("pledged to protect", "sought to reassure").
_add(
    "pledge",
    """
pledge pledged pledges pledging vow vowed vows vowing reassure reassured reassures reassuring
promised
""",
)
_add(
    "encircle",
    "encircle encircled encircles encircling encirclement surround surrounded surrounding besiege"
    " besieged besieging",
)
_add("topple", "topple toppled toppling")
# What a story of one disaster, crime or upheaval is about as a whole: weak classes (below).
_add("quake", "earthquake earthquakes quake quakes temblor temblors tremor tremors jolted")
_add("fire", "blaze blazes ablaze gutted engulfed flames burned burnt")
_add("explode", "explosion explosions exploded explode explodes blast blasts detonated")
_add("shoot", "shooting shootings gunfire gunman gunshot gunshots")
_add("crash", "crash crashed crashes crashing derailed derailment collided collision")
_add("coup", "coup coups putsch overthrew overthrown ousted ousting deposed")
# measures a government takes: a curfew, a state of emergency or martial law ("emergency",
# phrases below)
_add("curfew", "curfew curfews")
_add("rob", "robbery robberies robbed robbers robber stole stolen heist")
_add(
    "kidnap",
    "kidnap kidnapped kidnapping kidnappers abducted abduction abductors hostages hostage",
)
_add("hijack", "hijack hijacked hijacking hijackers")
_add("arrest", "arrest arrested arrests detained detention")
# people taking to the streets: a march, a rally, how many came (those who march are counted
# as its figure's people, ``COUNTED_EVENTS``: "300,000 demonstrators", no event word of a
# statement: "protesters entered the building" tells of entering)
_add(
    "protest",
    """
protest protests protested protesting demonstration demonstrations demonstrated marched rally
rallies rallied turnout
""",
)
_add("resign", "resign resigned resignation")
_add("elect", "elected election won wins win defeated")

# A river that bursts its banks floods; it is not a breach of a dam or a wall.
_BANKS = re.compile(
    r"\b(?:burst|bursting|bursts|over|from|broke|breaking)\s+(?:its|their)\s+banks\b"
)

# "struck" that is no attack: what follows it ("struck down", "struck a deal"), or a sentence
# naming a natural event ("the earthquake struck the town").
_STRUCK_OTHER = re.compile(r"\s+(?:down|off|out|a\s+deal|deals?|an?\s+agreement|a\s+chord)\b")
_NATURAL_EVENT = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|temblors?|aftershocks?|storms?|hurricanes?|typhoons?|"
    r"cyclones?|tornado(?:e?s)?|lightning|floods?|tsunamis?|landslides?|avalanches?)\b"
)

# Phrases (lowercased, matched in the sentence) that signal a class no single word does, each
# with words one of which every text it matches holds: a sentence holding none of them is not
# searched for it (``class_positions``; most sentences hold none, and running every phrase
# over every sentence was some 85% of its time). A phrase with no words is always searched.
_PHRASES: tuple[tuple[str | re.Pattern[str], str, tuple[str, ...]], ...] = (
    # "opened fire": a shooting, not a blaze; "a fire" is one, "the fire brigade" and
    # "came under fire" are not
    (r"\b(?:opened|open|opening|opens|returned)\s+fire\b", "shoot", ("fire",)),
    # "fired on the town", "firing at protesters": shooting at something
    # (not "was fired on Tuesday": dismissed)
    (
        r"\b(?:(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bgot )(?<!\bget )fired"
        r"|firing)\s+(?:on|at|upon)\b(?!\s+(?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
        r"october|november|december|dawn|night|noon|midnight|the\s+weekend|\d))",
        "shoot",
        ("fired", "firing"),
    ),
    (
        r"(?<!opened )(?<!open )(?<!opening )(?<!opens )(?<!under )(?<!returned )"
        r"\bfires?\b(?!\s+(?:brigades?|services?|departments?|fighters?|engines?|chiefs?|"
        r"crews?|stations?|alarms?|trucks?|exits?|escapes?|safety|hydrants?|hoses?|drills?|"
        r"officials?|officers?|authorities|and\s+rescue))",
        "fire",
        ("fire",),
    ),
    (
        r"\b(?:left|leave|leaving|run from|forced from|forced out of|out of|from)\s+"
        r"(?:their|his|her|its|there)\s+homes?\b",
        "displace",
        ("home",),
    ),  # "there": a common typo
    (r"\blost\s+(?:their|his|her)\s+li(?:fe|ves)\b", "kill", ("lost",)),
    (r"\bfound\s+(?:dead|without\s+life)\b", "kill", ("found",)),
    (r"\b(?:left|fled)\s+the\s+country\b", "flee", ("country",)),
    (r"\b(?:took|take|taken|taking)\s+control\b", "seize", ("control",)),
    (r"\bcontrol\s+(?:of|over)\b", "seize", ("control",)),
    (r"\b(?:pulled|pull|pulling)\s+back\b", "withdraw", ("back",)),
    # a state or a company evacuating its own people withdraws them; evacuated residents
    # are displaced
    (r"\bevacuat(?:e|es|ed|ing)\s+(?:its|their|his|her)\b", "withdraw", ("evacuat",)),
    (r"\b(?:swept|sweep|moved|pushed)\s+into\b", "enter", ("into",)),
    (r"\b(?:are|were|is|was|now|already|be|been)\s+inside\b", "enter", ("inside",)),
    (r"\b(?:tore|tearing|torn|tear|pulled|pulling)\s+down\b", "topple", ("down",)),
    (r"\bgiven\s+way\b", "breach", ("given",)),
    (r"\b(?:has|had|have)\s+failed\b", "breach", ("failed",)),
    (r"\bcalled\s+on\b", "warn", ("called",)),
    # "called for an independent inquiry", "calls for calm": a demand
    (r"\bcall(?:s|ed|ing)?\s+for\b", "warn", ("call",)),
    # "remains in Lisbon" (did not flee), not "remains in question / doubt / place"
    (
        r"\b(?:remains?|remained|stays?|stayed|is\s+still|was\s+still)\s+in\b"
        r"(?!\s+(?:question|doubt|force|effect|place|power|office|charge|control|custody"
        r"|contact|touch|use|session|limbo|danger|jeopardy|shock|hospital|critical|serious"
        r"|stable|good|poor|the\s+balance)\b)",
        "stay",
        ("remain", "stay", "still"),
    ),
    (r"\bgot\s+involved\b|\bget\s+involved\b", "intervene", ("involved",)),
    (r"\bdeath\s+toll\b", "kill", ("toll",)),
    (_BANKS, "flood", ("banks",)),
    (r"\b(?:flood|flooded|flooding|floods)\b", "flood", ("flood",)),
    (r"\bstates?\s+of\s+emergency\b", "emergency", ("emergency",)),
    (r"\bmartial\s+law\b", "emergency", ("martial",)),
    # a claim of responsibility for an attack ("the group claimed responsibility for it")
    (
        r"\b(?:claimed|claims|claim|claiming)\s+(?:the\s+|full\s+)?responsibility\b",
        "responsibility",
        ("responsibility",),
    ),
)
CLASS_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), cls) for p, cls, _ in _PHRASES
)
_PHRASE_WORDS: tuple[tuple[str, ...], ...] = tuple(words for _, _, words in _PHRASES)

# A word before "stay" that makes it a noun ("a stay in", "her brief stay in", "a court-mandated
# stay in"): a determiner, a possessive, or a modifier of a noun (a participle, a length of time).
_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|its|their|our|my|your|whose|this|that|during|long|short|brief"
    r"|extended|lengthy|day|week|month|year|night|overnight|hospital|\w+ed|\w+['’]s?)\s+$"
)
# "surrounding" that surrounds nobody: an adjective after a determiner ("the surrounding
# area") or after a noun of talk or doubt ("the questions surrounding the contract").
_NOT_ENCIRCLING = re.compile(
    r"\b(?:a|an|the|its|their|his|her|and|in|of|confusion|controversy|questions?|mystery"
    r"|circumstances|uncertainty|speculation|debate|issues?|secrecy|concerns?|doubts?"
    r"|allegations?|rumou?rs?|scandal|events|details|facts|tensions?|fears?|criticism"
    r"|outrage|furou?re?|drama|hype|buzz|dispute|row|saga|legal\s+battle)\s+$"
)

# Classes that state the opposite of another: "X remains in Y" says X did not flee; "the dam is
# intact" says it was not breached.
OPPOSITE_CLASSES: dict[str, str] = {"stay": "flee", "intact": "breach"}
_add("intact", "intact undamaged")
# A negation right before an event word ("had not entered", "never any breach").
NEGATED_EVENT = re.compile(
    r"\b(?:not|never|no|n['’]t)\s+(?:(?:yet|been|be|ever|any|actually|really|even)\s+){0,2}"
    r"(?P<w>[a-z]+)",
    re.IGNORECASE,
)

# Classes that describe the same kind of change of control, so reports of one and denials of
# the other concern the same fact ("rebels entered the city" / "they had not penetrated it").
RELATED_CLASSES: dict[str, frozenset[str]] = {
    "enter": frozenset({"seize", "breach"}),
    "seize": frozenset({"enter", "breach"}),
    "flee": frozenset({"cross", "stay"}),
    "cross": frozenset({"flee", "enter"}),
    "stay": frozenset({"flee"}),
    "breach": frozenset({"enter", "seize"}),
}


def related(classes: set[str] | frozenset[str]) -> set[str]:
    """Return ``classes`` with the classes related to them ("entered" / "seized")."""
    out = set(classes)
    for k in classes:
        out |= RELATED_CLASSES.get(k, frozenset())
    return out


# Events that one figure may be said to measure in different words: "2,000 soldiers fled",
# "... crossed into", "... entered" the neighbouring country.
FIGURE_EVENT_FAMILY: dict[str, str] = {"cross": "flee", "enter": "flee"}

# The event of a count of hostages set free ("twelve hostages were released": a word of
# ``data/released.json`` in its clause): a tally of its own, never the count of those held.
RELEASE = "release"
# The event of a count of people rescued ("281 people were rescued": a word of
# ``data/rescued.json`` in its clause): a figure's event only, no class of statements.
RESCUE = "rescue"
# Events a figure can measure: how many died, fled, were displaced, held, taken ...
FIGURE_EVENTS = frozenset(
    {
        "kill",
        "displace",
        "injure",
        "missing",
        "flee",
        "cross",
        "enter",
        "arrest",
        "seize",
        "withdraw",
        "attack",
        "desert",
        "aboard",
        "kidnap",
        "protest",
        RESCUE,
        RELEASE,
    }
)
# The event of a count of people aboard a vehicle, a plane or a ship ("carrying 64 people":
# ``data/aboard.json``): a fact of its own, neither the toll nor a running count.
ABOARD = "aboard"
# "began", "started" report an event only about something that can begin: not "began to".
_BEGINNABLE = frozenset(
    """
offensive offensives operation operations campaign war conflict uprising revolt revolution
attack attacks assault talks negotiations protest protests strike strikes evacuation
evacuations fighting battle siege crisis rain rains rainfall flood flooding trial invasion
occupation ceasefire truce march strike
""".split()
)

# Words two reports of one kind of event may share without telling the same one: when, who
# said it, who acted in the most general words ("rebels seized the airport" / "rebels seized
# the prison").
EVENT_FILLER = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
    today yesterday said says told reported report reports according official officials
    spokesman spokeswoman spokesperson statement local regional police
    rebel rebels insurgent insurgents militant militants gunmen opposition troops army soldiers
    soldier military forces force fighters government regime
    """.split()
)
# Nouns of armed or police forces: the word before one may name whose ("Russian troops").
FORCE_NOUNS = frozenset(
    """
    troops forces soldiers army armies artillery jets warplanes aircraft drones navy police
    units battalions brigades militias militiamen fighters
    """.split()
)


@functools.lru_cache(maxsize=1)
def forces_of() -> re.Pattern[str]:
    """Return the pattern of a capitalised word right before a force noun ("Russian troops"):
    group 1 is the word."""
    return re.compile(rf"\b([A-Z][\w'-]+)\s+(?:{'|'.join(sorted(FORCE_NOUNS))})\b")


# Words that make a report another event of the same kind: "another strike hit a school".
ANOTHER_EVENT = frozenset("another second third fresh separate new".split())


def says_another(text: str, language: str | None) -> bool:
    """Return True when ``text`` says its event is another one than one told before
    ("another bridge collapsed", "un altro ponte è crollato": ``another`` in the language's
    event words; English's in ``ANOTHER_EVENT``)."""
    events = language_events(language)
    told = events.another if events is not None else ANOTHER_EVENT
    return any(_elided(w) in told or w in told for w in words(_fold(text, language)))


# Classes too common in news of one event to tell facts apart on their own.
WEAK_CLASSES = frozenset(
    {
        "approach",
        "flood",
        "attack",
        "quake",
        "fire",
        "explode",
        "shoot",
        "crash",
        "coup",
        "rob",
        "kidnap",
        "hijack",
        "protest",
    }
)
# Weak classes that are still the event of a figure near them: a march's turnout ("450,000
# people marched"), though a story of protests tells of them in most of its statements.
WEAK_FIGURE_EVENTS = frozenset({"protest"})

# Actors: a word -> a coarse side. Two reports about different sides are different facts.
_SIDES: dict[str, str] = {}
for _w in """rebel rebels insurgent insurgents militant militants gunmen opposition jihadist
jihadists""".split():
    _SIDES[_w] = "armed_opposition"
for _w in "troops army soldiers soldier military".split():
    _SIDES[_w] = "state_forces"
# Words that name a side only through the word before them ("government forces").
_NEEDS_QUALIFIER = frozenset({"forces", "fighters", "officers", "units"})
_STATE_QUALIFIERS = frozenset(
    "government pro-government regime state loyalist army military".split()
)

# What a figure counts: a head noun -> a key, so "people", "persons" and "residents" compare.
COUNTED_KEYS: dict[str, str] = {}
for _w in """people persons person residents resident inhabitants civilians civilian citizens
individuals men women children families evacuees refugees victims man woman child boy girl
boys girls""".split():
    COUNTED_KEYS[_w] = "people"
for _w in "soldiers soldier troops servicemen".split():
    COUNTED_KEYS[_w] = "soldiers"
# What counts those who attack or fight (gunmen, assailants, militants ...).
ATTACKERS = "fighters"
for _w in """fighters fighter militants gunmen insurgents rebels attackers attacker assailants
assailant kidnappers kidnapper abductors hostage-takers terrorists terrorist""".split():
    COUNTED_KEYS[_w] = ATTACKERS
# Counted words that are themselves the event ("826 dead", "400,000 displaced").
COUNTED_EVENTS = {
    "dead": "kill",
    "killed": "kill",
    "deaths": "kill",
    "fatalities": "kill",
    "casualties": "kill",
    "displaced": "displace",
    "evacuated": "displace",
    "evacuees": "displace",
    "homeless": "displace",
    "injured": "injure",
    "wounded": "injure",
    "missing": "missing",
    "disappeared": "missing",
    "hostages": "kidnap",
    "hostage": "kidnap",
    "captives": "kidnap",
    "protesters": "protest",
    "protestors": "protest",
    "demonstrators": "protest",
    "marchers": "protest",
    "strikers": "protest",
}
# What a quantity reader says a figure counts (``Quantity.concept``, a name of no language)
# -> the event class it measures: how a figure in any language finds its event.
CONCEPT_EVENTS: dict[str, str] = {
    "dead": "kill",
    "injured": "injure",
    "missing": "missing",
    "displaced": "displace",
    "evacuated": "displace",
    "arrested": "arrest",
    "rescued": "rescue",
    # the victims of a toll are its dead ("le vittime sono 40", "40 víctimas"): the word for
    # the injured and the missing is another
    "victims": "kill",
    "hostages": "kidnap",
}


@functools.lru_cache(maxsize=64)
def language_words(name: str) -> dict[str, tuple[str, ...]]:
    """Return ``data/<name>.json`` of this package: language code -> its words (keys opening
    with "_" are notes, left out)."""
    raw = resources.files("consilience.claims").joinpath(f"data/{name}.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in data.items() if not k.startswith("_")}


def word_alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` (phrases: any run of spaces between their
    words), longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _every_language(name: str) -> str:
    return word_alternation(w for words in language_words(name).values() for w in words)


@functools.lru_cache(maxsize=1)
def first_estimate_cues() -> re.Pattern[str]:
    """Return the pattern of the words, in every language of ``data/revisions.json``, that mark
    a figure as a first estimate its own sentence then replaces ("initially 5.4, then 5.7"),
    ending a few words before the figure."""
    alternatives = _every_language("revisions")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)(?:\W+\w+){{0,3}}\W*$", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def opinion_cues(language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of analysis and opinion in ``language`` (``data/opinion.json``): a
    commentator word ("analysts") within four words of a verb of belief or report ("believe",
    "argue", "according to"), in either order; None for a language with no entry."""
    data = language_words("opinion")
    who, verbs = data.get(language or "en"), data.get(f"{language or 'en'}:verbs")
    if not who or not verbs:
        return None
    a, b = word_alternation(who), word_alternation(verbs)
    gap = r"(?:\W+\w+){0,4}?\W+"
    return re.compile(rf"(?<!\w)(?:(?:{a}){gap}(?:{b})|(?:{b}){gap}(?:{a}))(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def language_cues(name: str, kind: str | None, language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of the ``<language>:<kind>`` words of ``data/<name>.json`` (the
    ``<language>`` words when ``kind`` is None; English's for no language) as whole words, or
    None when the language has none."""
    code = language or "en"
    words = language_words(name).get(f"{code}:{kind}" if kind else code)
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{word_alternation(words)})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def place_prepositions(language: str | None) -> re.Pattern[str]:
    """Return the pattern, anchored at the end of a text, of a preposition of ``language``
    (``data/prepositions.json``; English's for a language with none) right before a place name:
    "in ", "to the ", "dans la "."""
    data = language_words("prepositions")
    words = data.get(language or "en") or data["en"]
    return re.compile(
        rf"(?<!\w)(?:{word_alternation(words)})\s+(?:the\s+|la\s+|el\s+|le\s+|al-\s*)?$",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=64)
def change_cues(
    language: str | None, down: bool = False
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the patterns of ``language``'s words (English's for no language) that say a
    figure is a changed value (``data/changes.json``: "rose to", "ascendió a", "61'e
    yükseldi"), or with ``down`` one lowered or corrected ("revised down", "rebajó"): the
    words searched in the figure's passage before it, and those opening the text right after
    it (two words may come between: "ist auf 61 Tote gestiegen"). None where the language has
    none."""
    code = language or "en"
    before = language_cues("changes", "down" if down else None, code)
    words = language_words("changes").get(f"{code}:down_after" if down else f"{code}:after")
    after = (
        re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{word_alternation(words)})(?!\w)", re.IGNORECASE)
        if words
        else None
    )
    return before, after


@functools.lru_cache(maxsize=1)
def running_cues() -> re.Pattern[str]:
    """Return the pattern of the words, in every language of ``data/running.json``, that mark a
    figure as a running count: a change ("rose to", "sale a") or a toll as it stands ("death
    toll", "bilancio", "حصيلة")."""
    return re.compile(rf"(?<!\w)(?:{_every_language('running')})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def scope_locatives(tally: bool = False) -> re.Pattern[str]:
    """Return the pattern, anchored at the end of the text it is searched in, of a figure's
    value followed by a locative word of any language of ``data/locatives.json`` ("93 in ",
    "11 ad ", "55 en ", "12 в "): the place that follows is where the figure was counted. One
    short word may stand between the locative and the place, an article or an epithet ("12 en
    la ciudad de X", "5 in neighbouring X province"). With ``tally`` (a count of people or
    things), the words of what is counted and its verb may stand before the locative ("40
    people died in "), no other number, and after it one short word and a word that ties it
    to the name ("in quelli di X"), or a noun for a kind of place, up to two short words
    before it and a tie word after it (``data/place_kinds.json``: "30 in the province of X",
    "8 nella zona di X", "2 in the nearby village of X"); not any words ("died in the
    landslide near X" counts no dead in X)."""
    alternatives = _every_language("locatives")
    if tally:
        kinds = word_alternation(_place_kind_words("kinds"))
        of = word_alternation(_place_kind_words("of"))
        word = r"[^\W\d]{1,12}['’]?"
        tie = rf"(?:(?:{of})(?:\s+|(?<=['’])))?"
        return re.compile(
            rf"^[^.;:!?\d\n]{{0,40}}?(?<!\w)(?:{alternatives})(?:(?<=['’])|(?!\w))\s*"
            rf"(?:(?:{word}\s+){{0,2}}(?:{kinds})\s+{tie}|(?:{word}\s*)?{tie})$",
            re.IGNORECASE,
        )
    return re.compile(
        rf"^[^.;:!?\n]{{0,24}}?(?<!\w)(?:{alternatives})\s*(?:[^\W\d]{{1,12}}\s+)?$",
        re.IGNORECASE,
    )


def _place_kind_words(kind: str) -> list[str]:
    """Return the ``<language>:<kind>`` words of ``data/place_kinds.json``, every language."""
    return [
        w
        for key, words in language_words("place_kinds").items()
        if key.endswith(f":{kind}")
        for w in words
    ]


@functools.lru_cache(maxsize=1)
def list_joint() -> re.Pattern[str]:
    """Return the pattern of what stands between two places of a list: a comma or a joining
    word of any language of ``data/coordination.json`` ("X and Y", "X e Y", "X, Y")."""
    alternatives = _every_language("coordination")
    return re.compile(rf"\s*(?:,|,?\s*(?<!\w)(?:{alternatives})(?!\w))\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def counted_words(language: str | None) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """Return the pattern of the words and phrases that say what a figure counts in
    ``language`` (``concepts`` and ``cues_after`` of its quantity data file: "morti",
    "vittime", "persone", "salvate"), whole words, longest first, and {written,
    lowercased, single-spaced: concept}; None for English and a language with no file."""
    from ..annotate.datafile import language_data

    data = language_data("quantities", language or "en")
    if data is None:
        return None
    concept_of: dict[str, str] = {}
    for key in ("cues_after", "concepts"):  # a concept's own noun wins over a cue's words
        for concept, forms in data.get(key, {}).items():
            for form in forms:
                concept_of[" ".join(form.lower().split())] = concept
    if not concept_of:
        return None
    alternatives = word_alternation(concept_of)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), concept_of


@functools.lru_cache(maxsize=32)
def quantity_stop_words(language: str | None) -> frozenset[str]:
    """Return the function words of ``language``'s quantity data file (``stop``) and its
    locatives (``data/locatives.json``), lowercased: a word of them read as what a figure
    counts ("35 ad X") names nothing."""
    from ..annotate.datafile import language_data

    data = language_data("quantities", language or "en") or {}
    found = {w.lower() for w in data.get("stop", [])}
    found |= {w.lower() for w in language_words("locatives").get(language or "en", ())}
    return frozenset(found)


@functools.lru_cache(maxsize=32)
def people_kinds(language: str | None) -> dict[str, str]:
    """Return {a noun of ``language``, lowercased: the key English figures count it under}
    for the kinds of people ``data/counted.json`` names ("adulti" -> "adult", as "adults"
    is counted): a count of them is not a count of people in general."""
    raw = resources.files("consilience.claims").joinpath("data/counted.json")
    data = json.loads(raw.read_text(encoding="utf-8")).get(language or "en", {})
    return {
        form.lower(): COUNTED_KEYS.get(noun, stem(noun))
        for noun, forms in data.items()
        for form in forms
    }


@functools.lru_cache(maxsize=32)
def vague_numbers(language: str | None) -> frozenset[str]:
    """Return the words of the vague numbers of ``language``'s quantity data file
    (``vague``: "decine", "miles", "عشرات") and English's: a figure written with one is no
    count to compare."""
    from ..annotate.datafile import language_data

    data = language_data("quantities", language or "en") or {}
    found = {w for phrase in data.get("vague", {}) for w in words(phrase)}
    return frozenset(found) | {"dozens", "scores", "hundreds", "thousands", "millions"}


@functools.lru_cache(maxsize=32)
def clock_word_before(language: str | None) -> re.Pattern[str] | None:
    """Return the pattern, anchored at the end of the text it is searched in, of a word of
    ``language`` that puts a time of day right after it ("alle ", "a las ", "الساعة ";
    ``data/clock.json``): a number after one is an hour, not a count. None for a language
    with none."""
    found = language_words("clock").get(f"{language or 'en'}:at")
    if not found:
        return None
    return re.compile(rf"(?<!\w)(?:{word_alternation(found)})\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def elided_words(language: str | None) -> frozenset[str]:
    """Return the words of ``language`` (``data/elided.json``) that, read as what a figure
    counts, stand for what the figure before it counts ("12 others", "30 quelli")."""
    return frozenset(w.lower() for w in language_words("elided").get(language or "en", ()))


@functools.lru_cache(maxsize=1)
def coordination() -> re.Pattern[str]:
    """Return the pattern of the text between two counts that makes them parts of one total
    ("12 X and 11 Y", "five soldiers and three civilians", "5 soldiers, 3 civilians"): the
    first count's own words (one to three), then a joining word of any language of
    ``data/coordination.json`` or a comma, and nothing else."""
    alternatives = _every_language("coordination")
    return re.compile(
        rf"^\s*(?:[^\W\d]+[\s-]+){{0,2}}[^\W\d]+\s*(?:,\s*|(?<!\w)(?:{alternatives})\s+|,\s*(?:{alternatives})\s+)$",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def anchor_words() -> re.Pattern[str]:
    """Return the pattern, anchored at the end of the text between a distance and the next
    place named, of the words of any language of ``data/anchors.json`` that make that place
    where the distance is measured from ("70 km south of ", "45 km de la ciudad de "): a few
    words at most, no sentence break, the tie word and at most two words after it."""
    alternatives = _every_language("anchors")
    return re.compile(
        rf"^[^.,;:!?()\n]{{0,30}}?(?<!\w)(?:{alternatives})(?:\s+|(?<=['’]))(?:[^\W\d]+\s+){{0,2}}$",
        re.IGNORECASE,
    )


# A distance measured from a place it names ("70 km south of X"): what it counts.
DISTANCE = "distance"
# What a share of a thing counts ("a third of the bridge": ``THING + "bridge"``), the thing's
# key of no language (``things``).
THING = "thing:"

# Concepts that are one property of the event itself (one earthquake has one magnitude):
# different values of it at one place and time are a dispute, not two readings.
MEASURE_CONCEPTS = frozenset({"magnitude"})
# What a measure counts when the sentence names another event before it (an aftershock, a
# second shock): that event's, never the story's own.
ANOTHER_SHOCK = "another event"
# Two readings of such a property further apart than this ratio are of two events (a
# magnitude of 8.2 and one of 7.1 are two earthquakes; 6.8 and 7.1 two estimates of one).
MEASURE_MAX_RATIO = 1.1
# Concepts that are a property of a thing the story is about, read by the quantity reader
# from the words around a measure ("36 metres high", "il campanile alto 36 metri": ``height``;
# "longue de 80 mètres": ``length``; "a 120-foot tower", "Medía 36 metros": ``extent``, a
# size the words do not say more of): figures of them are one fact when they agree within
# rounding (a measure of a thing is rounded by whoever writes it), and two values that
# disagree are a dispute when something else (a word, an actor) says it is the same thing. A
# height is never a length; an ``extent`` may be either.
# A count can be one too: a place's ``population`` ("a town of 900 inhabitants", "de unos 900
# habitantes") when no event word of its clause makes it a tally.
PROPERTY_CONCEPTS = frozenset({"height", "length", "extent", "population"})
SOME_EXTENT = "extent"
POPULATION = "population"
# Two values of one property of a thing both reports name (an actor or a place in common)
# are one disputed fact up to this ratio; otherwise ``AlignParams.max_ratio`` holds.
PROPERTY_MAX_RATIO = 10.0
# How far apart two counts of a crowd may lie and be one disputed fact: organisers and the
# police often count a march several times apart ("450,000" / "62,000").
PROTEST = "protest"
CROWD_MAX_RATIO = 10.0
# Concepts that name a counted group or thing on their own ("400 bomberos"): a figure of one
# of them needs no event word, only the story's places or words in common.
COUNTED_CONCEPTS = frozenset(
    {"firefighters", "rescuers", "soldiers", "police", "aftershocks", "buildings", "homes"}
)
# Events whose figures count people when nothing else is named ("the toll rose to four").
PEOPLE_EVENTS = frozenset(
    {"kill", "displace", "injure", "missing", "flee", "arrest", "kidnap", "protest", RELEASE}
)
# Counts that grow while an event unfolds and are reported several times a day (a toll of the
# dead, injured, missing, displaced, arrested, rescued): reports of one day may give several.
# (how many are held hostage, and how many were released, change as a siege goes on)
TALLY_EVENTS = frozenset(
    {"kill", "injure", "missing", "displace", "flee", "arrest", "rescue", "kidnap", RELEASE}
)
# The scope of a tally that names no place, or a whole country, in a story that counts the
# same tally in several places: the whole, which is none of its places ("400 dead" is not
# "120 in X").
WHOLE = "@whole"
# The scope of a tally counted in the places of a list together ("31 in X and Y"): it is the
# tally of none of them alone.
PLACE_LIST = "@list"

# Units: unit -> (dimension, factor to the dimension's base unit).
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "mile": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "m": ("length", 1.0),
    "km2": ("area", 1e6),
    "kmh": ("speed", 1.0),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "ton": ("mass", 1000.0),
    "kg": ("mass", 1.0),
    "percent": ("percent", 1.0),
}
# Units the quantity reader leaves as the counted word, by their stem (see ``stem``): stem ->
# (dimension, factor to the dimension's base unit).
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "millime": ("length", 0.001),
    "centime": ("length", 0.01),
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "inch": ("length", 0.0254),
    "inche": ("length", 0.0254),
    "feet": ("length", 0.3048),
    "foot": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "hectar": ("area", 1e4),
    "acre": ("area", 4046.86),
    "litr": ("volume", 0.001),
    "liter": ("volume", 0.001),
    "gallon": ("volume", 0.003785),
    "barrel": ("volume", 0.159),
}

# Units of time are durations ("five days of rain"), not figures to compare.
TIME_UNITS = frozenset({"hour", "minute", "day", "week", "month", "year", "decade", "century"})

# Qualifiers that make a figure approximate or a bound.
APPROXIMATE = frozenset(
    """
about around approximately approx approx. roughly some nearly almost close to circa estimated
an estimated odd plus or so
""".split()
) | {"close to", "an estimated", "or so", "or more"}

# A clause that states a possibility, an intention or a condition, not something that happened.
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|would|will|should|shall|if|unless|whether|about\s+to|poised\s+to"
    r"|set\s+to|expected\s+to|likely\s+to|preparing\s+to|threatens?\s+to|plans?\s+to"
    r"|aims?\s+to|wants?\s+to|ready\s+to|going\s+to|estimates?\s+suggest\w*)\b",
    re.IGNORECASE,
)
QUESTION = re.compile(r"\?\s*[\"'”’*]*\s*$")

# Cues that a figure replaces an earlier one rather than contradicting it.
# Denials whose object is someone else's report: "denied reports that ...", "rumours that".
REPORTED_OBJECT = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|speculation|allegations?|insinuations?|information"
    r"|suggestions?|accounts?)\b",
    re.IGNORECASE,
)
# A denial that points back to the sentence before it: "Information denied by ...",
# "These reports are unfounded", "This was denied".
ANAPHORIC_DENIAL = re.compile(
    r"^\W*(?:(?:this|that|these|those|such|the|this\s+\w+)\s+)?(?:information|reports?|claims?"
    r"|rumou?rs?|allegations?|it|this|that|which)\b"
    r"|\b(?:denied|deny|denies|rejected|refuted|dismissed)\s+(?:this|these|those|it|them"
    r"|that(?=\s*(?:[.,;:]|$))|any|the\s+(?:reports?|claims?|rumou?rs?))\b",
    re.IGNORECASE,
)
# Words that stand for a place named shortly before ("the city", "the town").
PLACE_ANAPHORS = re.compile(
    r"\bthe\s+(?:city|town|village|capital|province|region|area|valley|river)\b", re.IGNORECASE
)

# Function words and very common news words that say nothing about which fact is meant.
STOPWORDS = frozenset(
    """
a an the and or but nor so yet for of in on at to from by with without within into onto over
under about above below after before during since until while as than then that this these
those there here which who whom whose what when where why how is are was were be been being am
has have had having do does did done will would could should may might must shall can cannot
not no never also still already now just only even ever very more most less least much many
some any all both each every either neither other another such same own its it he she they we
you i him her them us me his their our your my mine one two three if because though although
said says say told tell according reported reports reportedly stated added also however
meanwhile including include includes new last first next week day days year years time
""".split()
)

_WORD = re.compile(r"[^\W\d_][\w'’·-]*", re.UNICODE)


def word_spans(text: str) -> Iterator[re.Match[str]]:
    """Return the word tokens of ``text`` as matches (letters, inner hyphens, apostrophes and
    Catalan middle dots), as ``words`` and ``class_positions`` read them."""
    return _WORD.finditer(text)


def content_stems(text: str, skip: Sequence[tuple[int, int]] = ()) -> set[str]:
    """Return the stems of the content words of ``text`` (three letters or more, no stopword)
    outside the ``skip`` spans."""
    out = set()
    for m in word_spans(text):
        if any(s <= m.start() < e for s, e in skip):
            continue
        w = m.group().lower().strip("'’-")
        if len(w) >= 3 and w not in STOPWORDS:
            out.add(stem(w))
    return out


def words(text: str) -> list[str]:
    """Return the lowercased word tokens of ``text`` (letters, inner hyphens/apostrophes)."""
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


def class_words() -> frozenset[str]:
    """Return the single words that signal an event class."""
    return frozenset(_CLASS_WORDS)


def event_classes(text: str, language: str | None = None) -> set[str]:
    """Return the event classes signalled by the words and phrases of ``text`` (written in
    ``language``: see ``class_positions``)."""
    return {cls for _, cls in class_positions(text, language)}


def class_positions(text: str, language: str | None = None) -> tuple[tuple[int, str], ...]:
    """Return (offset, class) for each event word or phrase of ``text``, in text order (one
    sentence is read several times by the claims stage: the answers are kept for the last
    sentences read, ``_class_positions``).

    "began"/"started" count only in a sentence that names something that can begin (an
    offensive, talks, a war); "burst its banks" is a flood, not a breach. In a text written in
    another ``language`` than English, a word that is one of that language's function words is
    no event word, whatever it means in English (German and Dutch "die", "the"/"that"), and the
    language's own event words and phrases count (``data/events/<language>.json``:
    ``language_events``).
    """
    return _class_positions(text, language)


@functools.lru_cache(maxsize=8192)
def _class_positions(text: str, language: str | None) -> tuple[tuple[int, str], ...]:
    low = _fold(text, language)
    found: list[tuple[int, str]] = []
    begin_ok = None
    banks = [(m.start(), m.end()) for m in _BANKS.finditer(low)]
    own = _foreign_function_words(language)
    events = language_events(language)
    for m in _WORD.finditer(low):
        word = m.group().strip("'’-")
        if events is not None:
            # a language with event words of its own reads with them alone: an English event
            # word is often another word of it (German "Fall", "toll"; French "met", "coup")
            cls = events.lookup(word)
            falls = events.falls(word)
        else:
            cls = _CLASS_WORDS.get(word)
            if word in own:
                cls = None
            falls = word in _FALLS
        if falls and _thing_beside(low, m.start(), m.end(), language):
            cls = "breach"  # "the old tower fell", "è caduto il ponte": a thing came down
        elif falls and language in (None, "en") and _NIGHTFALL.search(low, 0, m.start()):
            cls = None  # "as night fell": a time of day, nothing taken
        if cls is None:
            continue
        if cls == "begin":
            if begin_ok is None:
                tokens = set(words(low))
                begin_ok = (
                    bool(events.beginnable & (tokens | {_elided(t) for t in tokens}))
                    if events is not None
                    else bool(_BEGINNABLE & tokens)
                )
            if not begin_ok:
                continue
        if cls == "breach" and any(s <= m.start() < e for s, e in banks):
            continue
        if word == "surrounding" and _NOT_ENCIRCLING.search(low[: m.start()]):
            continue  # "the surrounding villages", "the confusion surrounding his arrest"
        if m.group() == "struck" and (
            _STRUCK_OTHER.match(low, m.end()) or _NATURAL_EVENT.search(low)
        ):
            continue  # "a quake struck", "struck a deal", "the court struck down the law"
        found.append((m.start(), cls))
    for (pattern, cls), needs in zip(CLASS_PHRASES, _PHRASE_WORDS, strict=True):
        if events is not None:
            break  # English phrases are no phrases of a language that has its own
        if needs and not any(w in low for w in needs):
            continue
        for m in pattern.finditer(low):
            if cls == "stay" and _NOUN_BEFORE.search(low[: m.start()]):
                continue  # "a 60-day stay in hospital", "her stay in the city": no verb
            found.append((m.start(), cls))
    if events is not None and events.phrases is not None:
        for m in events.phrases.finditer(low):
            cls = events.phrase_class.get(" ".join(m.group().split()))
            if cls is not None:
                found.append((m.start(), cls))
    found.sort()
    return tuple(found)


# English words of a place taken ("Aleppo fell") that say a thing came down beside its noun
# (other languages: ``falls`` in their event words).
_FALLS = frozenset({"fell", "fall", "falls", "fallen"})


def _thing_beside(low: str, start: int, end: int, language: str | None) -> bool:
    """Return True when a structure came down by the word of falling ``low[start:end]``: a
    thing (``things``) among the two words before it, in its part of the sentence, or, outside
    English (where a verb may come first: "è caduta la torre"), among the two words right after
    it unless a preposition opens them ("cadde dal tetto": from the roof). Not a vehicle or a
    weapon (a rocket that fell struck, a helicopter that fell crashed), nor "fell to the rebels"
    (a capture). A word of falling after an article is a noun, and the thing a tie joins to it
    is what fell ("la caída de la vieja torre", "the fall of the spire")."""
    base = _base_code(language)
    if _fall_of_thing(low, start, end, base):
        return True
    after = _SEGMENT_BREAK.split(low[end : end + 80])[0].split()[:2]
    if base == "en":
        if after[:1] and after[0] in _FELL_OTHERWISE:
            return False  # "fell to the rebels", "fell silent", "fell by 5 %"
        after = []
    elif after and after[0].strip("'’") in _prepositions(base):
        after = []
    before = _SEGMENT_BREAK.split(low[max(0, start - 80) : start])[-1].split()[-2:]
    return bool(things(" ".join(before + after), language) - _NOT_FALLING)


def _fall_of_thing(low: str, start: int, end: int, base: str) -> bool:
    """Return True for a noun of falling (the word before it is an article of the language:
    a tie word of its things that is no preposition) that a tie joins to a thing ("la chute
    de la flèche", "la caída de la emblemática aguja", "the fall of the old tower"), not a
    vehicle or a weapon."""
    lexicon = _things_of(base)
    if lexicon is None:
        return False
    before = _SEGMENT_BREAK.split(low[max(0, start - 40) : start])[-1].split()[-1:]
    if not before or before[0] in _prepositions(base) or not lexicon.tie.fullmatch(before[0] + " "):
        return False
    rest = _SEGMENT_BREAK.split(low[end : end + 80])[0]
    tied = lexicon.tie.match(rest)
    if tied is None or not rest[: tied.end()].strip():
        return False  # no tie after the noun: "la caída hoy"
    thing = leading_thing(rest, base)
    if thing is None or thing in _NOT_FALLING:
        return False
    return _heads(rest, base, lexicon)


def _heads(rest: str, base: str, lexicon: _Things) -> bool:
    """Return True when the thing ``rest`` opens with (past its ties and one word) heads its
    phrase: in English no noun follows it ("the fall of the bridge toll" is a toll's), and in
    any language no tie joins it to a noun that is no thing ("la caída del techo de deuda":
    a debt ceiling; "de la aguja de la cúpula", a part of a thing, stays)."""
    spans = [(s, e) for s, e, _ in _things_in(rest, base)]
    if not spans:
        return False
    tail = rest[spans[0][1] :]
    if base == "en":
        nxt = tail.split()[:1]
        return not nxt or nxt[0] in STOPWORDS
    tied = lexicon.tie.match(tail)
    if tied is None or not tail[: tied.end()].strip():
        return True
    following = _things_in(tail[tied.end() :], base)
    return bool(following) and following[0][0] == 0


# A time of day right before "fell" ("as night fell", "when darkness fell"): no capture.
_NIGHTFALL = re.compile(r"\b(?:night|darkness|dusk|evening)\s+$")
# English words after "fell" that make it no coming down: a capture, a state, a drop.
_FELL_OTHERWISE = frozenset(
    "to silent quiet asleep ill sick short behind below by sharply victim back".split()
)
# Things whose fall is no collapse: it struck (a bomb, a rocket), or crashed (an aircraft).
_NOT_FALLING = frozenset(
    {"bomb", "missile", "rocket", "drone", "plane", "helicopter", "tank", "car", "bus", "truck"}
    | {"train", "ship", "boat", "ferry", "ambulance", "fire_engine", "crane"}
)


@functools.lru_cache(maxsize=64)
def _prepositions(base: str) -> frozenset[str]:
    """Return the one-word prepositions of a language (``data/prepositions.json``) and the
    elided articles glued to them cut off ("dall'", "dal")."""
    return frozenset(
        w.lower().strip("'’") for w in language_words("prepositions").get(base, ()) if " " not in w
    )


class LanguageEvents:
    """The event words of one language other than English (``data/events/<code>.json``):
    word forms and phrases per event class, the words that negate an event word after them,
    the words naming each armed side, the nouns of what can begin."""

    def __init__(self, language: str, data: dict) -> None:
        self.language = language
        self.words: dict[str, str] = {}
        for cls, forms in data.get("words", {}).items():
            for form in forms:
                self.words.setdefault(form.lower(), cls)
        for form in data.get("intact", ()):
            self.words.setdefault(form.lower(), "intact")
        # forms that are an event negated ("girmedi": did not enter; a language that writes
        # its negation inside the verb), and negators that follow the event word ("کشته نشدند":
        # were not killed)
        self.negated_words: dict[str, str] = {}
        for cls, forms in data.get("negated_words", {}).items():
            for form in forms:
                self.negated_words.setdefault(form.lower(), cls)
                self.words.setdefault(form.lower(), cls)
        self.negations_after = frozenset(w.lower() for w in data.get("negations_after", ()))
        # every phrase in one alternation, longest first, and the class of each (its words
        # joined by one space): one search of a sentence, not one per phrase
        self.phrase_class: dict[str, str] = {}
        for cls, phrases in data.get("phrases", {}).items():
            for p in phrases:
                self.phrase_class.setdefault(" ".join(p.lower().split()), cls)
        self.phrases: re.Pattern[str] | None = (
            re.compile(rf"(?<!\w)(?:{word_alternation(self.phrase_class)})(?!\w)")
            if self.phrase_class
            else None
        )
        self.negations = frozenset(w.lower() for w in data.get("negations", ()))
        self.sides = {
            w.lower(): side for side, forms in data.get("sides", {}).items() for w in forms
        }
        self.beginnable = frozenset(w.lower() for w in data.get("beginnable", ()))
        # phrases opening with a negator that negate no event: a bound ("non meno di", "pas
        # moins de", "не менее"), or one a word stands inside ("ne * que": "ne faisait que
        # commencer", only just begun)
        bounds = [p.lower() for p in data.get("not_negating", ())]
        gapped = [
            r"\W*\w+\W+".join(word_alternation([piece.strip()]) for piece in p.split("*"))
            for p in bounds
            if "*" in p
        ]
        plain = word_alternation([p for p in bounds if "*" not in p])
        either = "|".join([*gapped, plain] if plain else gapped)
        self.not_negating: re.Pattern[str] | None = (
            re.compile(rf"(?<!\w)(?:{either})(?!\w)") if bounds else None
        )
        # words of falling: a thing beside them came down ("è caduto il ponte"), a place did
        # not ("è caduta Aleppo": taken)
        self.fallen = {w.lower(): "breach" for w in data.get("falls", ())}
        # words that say an event is another one than one told before ("otro", "un autre")
        self.another = frozenset(w.lower() for w in data.get("another", ()))
        self.clitics = _proclitics(language)
        # each token's answer kept (a story's sentences repeat their words)
        self.lookup: Callable[[str], str | None] = functools.lru_cache(_LOOKED_UP)(self._lookup)
        self.side: Callable[[str], str | None] = functools.lru_cache(_LOOKED_UP)(self._side)

    def _lookup(self, word: str) -> str | None:
        """Return the event class of a lowercased token: the token itself, else what follows
        its elided article or pronoun ("l'effondrement", "s'effondre", "dell'esplosione"),
        else the token without a proclitic of the language (Arabic "وانهار", "والقتلى")."""
        return self._find(self.words, word)

    def falls(self, word: str) -> bool:
        """Return True for a lowercased token that says something fell (``falls``)."""
        return _find(self.fallen, word, self.clitics) is not None

    def _side(self, word: str) -> str | None:
        """Return the armed side a lowercased token names, if any (after an elided article,
        with its proclitics off: "l'armée", "dell'esercito", "والجيش")."""
        return self._find(self.sides, word)

    def _find(self, table: dict[str, str], word: str) -> str | None:
        """Return ``table``'s entry for the token, for what follows its elided article, or for
        the token without a proclitic of the language."""
        return _find(table, word, self.clitics)

    def negates(self, word: str) -> bool:
        """Return True for a negating token ("no", "non", "pas", "لم", "не"); a French or
        Italian negator elided before a verb counts too ("n'est", "n'a")."""
        if word in self.negations:
            return True
        cut = max(word.find("'"), word.find("’"))
        return cut > 0 and word[: cut + 1].replace("’", "'") in self.negations


# English words that negate whatever they stand before (other languages: ``negations`` in
# their event words).
_NEGATORS = frozenset("not no never none nobody nothing neither nor cannot without n't".split())


def says_not(text: str, language: str | None) -> bool:
    """Return True when ``text`` holds a negator of its language ("not", "never", "n't";
    "non", "pas", "لم", "не"): what a sentence naming no event says it denies."""
    events = language_events(language) if _base_code(language) != "en" else None
    for w in words(text.lower()):
        if w in _NEGATORS or w.endswith("n't"):
            return True
        if events is not None and events.negates(w):
            return True
    return False


def _base_code(language: str | None) -> str:
    """Return the base code of ``language`` ("es" of "es-MX" or "es_MX"), English when None."""
    return (language or "en").replace("_", "-").split("-")[0].lower()


def _unmarked(word: str) -> str:
    """Return ``word`` without the vowel and other marks written over or under its letters
    (Arabic harakat, Hebrew points: combining marks) and without Arabic tatweel."""
    if word.isascii():
        return word
    return "".join(
        ch for ch in word if ch != "\u0640" and not unicodedata.category(ch).startswith("M")
    )


def _find(table: dict[str, str], word: str, clitics: tuple[str, ...]) -> str | None:
    """Return ``table``'s entry for a lowercased token, for what follows its elided article
    ("l'effondrement"), or for the token without one of ``clitics`` (Arabic "وانهار")."""
    got = table.get(word) or table.get(_elided(word))
    if got is not None:
        return got
    bare = _unmarked(word)
    if bare != word:
        # "قُتل" written with its vowel marks (a passive made plain) is "قتل"
        return _find(table, bare, clitics)
    for clitic in clitics:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            got = table.get(word[len(clitic) :])
            if got is not None:
                return got
    return None


class _Things:
    """The thing nouns of one language (``data/things/<code>.json``): single word forms and
    multi-word forms, each to its language-neutral key."""

    def __init__(self, language: str, data: dict) -> None:
        self.words: dict[str, str] = {}
        self.phrase_key: dict[str, str] = {}
        named = [(key, form) for key, forms in data.get("things", {}).items() for form in forms]
        for key, form in named + _landmark_parts(language):
            folded = " ".join(_fold(form, language).split())
            table = self.phrase_key if " " in folded else self.words
            table.setdefault(folded, key)
        self.phrases: re.Pattern[str] | None = (
            re.compile(rf"(?<![\w-])(?:{word_alternation(self.phrase_key)})(?![\w-])")
            if self.phrase_key
            else None
        )
        self.clitics = _proclitics(language) if language != "en" else ()
        # the words that tie a thing to the thing it is part of ("the roof of the school",
        # "das Dach der Schule"; none where a case or a construct ties them: "крыша школы",
        # "سقف المدرسة"), and whether the part comes last ("okulun çatısı")
        ties = [w.lower() for w in data.get("ties", ())]
        self.tie: re.Pattern[str] = re.compile(
            rf"\s*(?:(?:{word_alternation(ties)})(?:\s+|(?<=['’])))*" if ties else r"\s*"
        )
        self.head_last = bool(data.get("head_last", False))
        # nouns of a settlement: a share can be of one ("half the town"), though no event
        # happens to it as to a thing
        self.wholes: dict[str, str] = {
            _fold(form, language): key
            for key, forms in data.get("wholes", {}).items()
            for form in forms
        }


def _landmark_parts(language: str) -> list[tuple[str, str]]:
    """Return (part, noun) for the nouns of the parts of a building in ``language``
    (``annotate/data/landmark_parts.json``: "flèche", "guglia", "المئذنة"), which are things
    too."""
    raw = resources.files("consilience.annotate").joinpath("data/landmark_parts.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return [
        (part, noun)
        for part, nouns in data.items()
        if not part.startswith("_")
        for noun in nouns.get(language, ())
    ]


@functools.lru_cache(maxsize=64)
def _things_of(base: str) -> _Things | None:
    if not base.isalpha():
        return None
    path = resources.files("consilience.claims").joinpath(f"data/things/{base}.json")
    if not path.is_file():
        return None
    return _Things(base, json.loads(path.read_text(encoding="utf-8")))


def things(text: str, language: str | None) -> frozenset[str]:
    """Return the keys of the concrete things ``text`` names (a roof, a school, a bridge, a
    bus: ``data/things/<language>.json``, words of no language as keys), read in its
    ``language`` (English when None): "il tetto" and "السقف" are both ``roof``. A multi-word
    form is read before its words ("bell tower" is ``bell_tower``, not ``tower``); an elided
    article and the language's proclitics are cut from a word. Empty for a language with no
    such file."""
    return frozenset(key for _, _, key in thing_spans(text, language))


def thing_spans(text: str, language: str | None) -> tuple[tuple[int, int, str], ...]:
    """Return (start, end, key) of each thing ``text`` names (see ``things``), in text
    order."""
    return _things_in(text, _base_code(language))


@functools.lru_cache(maxsize=8192)
def _things_in(text: str, base: str) -> tuple[tuple[int, int, str], ...]:
    lexicon = _things_of(base)
    if lexicon is None:
        return ()
    low = _fold(text, base)
    found: list[tuple[int, int, str]] = []
    if lexicon.phrases is not None:
        for m in lexicon.phrases.finditer(low):
            key = lexicon.phrase_key.get(" ".join(m.group().split()))
            if key is not None:
                found.append((m.start(), m.end(), key))
    taken = list(found)
    for m in _WORD.finditer(low):
        if any(s <= m.start() < e for s, e, _ in taken):
            continue
        key = _find(lexicon.words, m.group().strip("'’-"), lexicon.clitics)
        if key is not None:
            found.append((m.start(), m.end(), key))
    return tuple(sorted(found))


def _head(spans: list[tuple[int, int, str]], k: int, text: str, language: str | None) -> str:
    """Return the key of the thing ``spans[k]`` is part of the phrase of: the part a tie
    joins it to ("the roof of the school" is a roof, "Крыша школы" too; in a language that
    puts the part last, "okulun çatısı", the last), not the thing it belongs to."""
    lexicon = _things_of(_base_code(language))
    if lexicon is None:
        return spans[k][2]
    step = 1 if lexicon.head_last else -1
    while 0 <= k + step < len(spans):
        first, second = (spans[k], spans[k + step]) if step == 1 else (spans[k + step], spans[k])
        if not ties_between(text[first[1] : second[0]], language):
            break
        k += step
    return spans[k][2]


def ties_between(text: str, language: str | None) -> bool:
    """Return True when ``text`` (what stands between two nouns) is only spaces and the tie
    words of ``language``'s thing nouns ("of the", "de la", "der"): the second is what the
    first belongs to or is."""
    lexicon = _things_of(_base_code(language))
    if lexicon is None:
        return not text.strip()
    return lexicon.tie.fullmatch(_fold(text, language)) is not None


def leading_thing(text: str, language: str | None, wholes: bool = False) -> str | None:
    """Return the key of the thing ``text`` opens with, past the language's tie words and
    one word before it ("the timber roof", "del tetto", "sostre de l'edifici": a roof), or
    None when its first two words name none ("pomeriggio il tetto"). With ``wholes``, a
    settlement it opens with counts too ("the town", "del pueblo": ``wholes`` of the
    language's things), not one that only qualifies another noun ("the town budget")."""
    base = _base_code(language)
    lexicon = _things_of(base)
    if lexicon is None:
        return None
    low = _fold(text, base)
    tied = lexicon.tie.match(low)
    start = tied.end() if tied else 0
    found = list(_WORD.finditer(low, start))[:2]
    words = [m.start() for m in found]
    for s, e, key in thing_spans(text, language):
        if any(s <= w < e for w in words):  # "l'agulla": the span holds the elided article
            return key
    if wholes and found:
        # the settlement is the head: the first word ("del pueblo quedó", "города"), and in
        # English no noun after it ("the town were ruined"; "the town budget" is a budget)
        whole = _find(lexicon.wholes, found[0].group().strip("'’-"), lexicon.clitics)
        after = found[1].group() if len(found) > 1 else None
        if whole is not None and (base != "en" or after is None or after in STOPWORDS):
            return whole
    return None


# What ends the part of a sentence an event word and the thing it happened to stand in
# ("the roof caved in, the tower fell": two).
_SEGMENT_BREAK = re.compile(r"[,;:()\[\]\"“”«»—–]|\s-\s|،|؛")


def event_targets(
    events: Iterable[tuple[int, str]],
    spans: Iterable[tuple[int, int, str]],
    text: str,
    language: str | None = None,
) -> frozenset[tuple[str, str]]:
    """Return (event class, thing key) for each event word of ``events`` ((offset, class)
    in ``text``) and the thing it happened to among ``spans`` ((start, end, key) in
    ``text``): the thing nearest the event word in the part of the sentence it stands in
    (between commas, colons, brackets, quotes and dashes: "le pont s'est effondré", "انهار
    أحد الجسور"), or the part a tie makes it of ("the roof of the school": the roof). In a
    part that names none, the thing the sentence opens with, its subject before an appositive
    ("the footbridge, a landmark of the old town, gave way"), else the last thing of the part
    just before it, which a participle or a relative clause describes ("la diga vecchia di un
    secolo, crollata nella notte", "flooded the tunnel, which caved in") — the opening thing
    only when that part tells no event of its own; none when neither names one. A thing
    toppled came down: (breach, thing). ``language``: the text's, for its tie words."""
    spans = sorted(spans)
    events = list(events)
    if not spans:
        return frozenset()
    cuts = [0, *(m.end() for m in _SEGMENT_BREAK.finditer(text)), len(text) + 1]
    out = set()
    for at, cls in events:
        i = max(k for k, c in enumerate(cuts) if c <= at)
        lo, hi = cuts[i], cuts[i + 1] if i + 1 < len(cuts) else len(text) + 1
        near = [(abs(s - at), k) for k, (s, e, _) in enumerate(spans) if lo <= s and e <= hi]
        if near:
            out.add((cls, _head(spans, min(near)[1], text, language)))
            continue
        opening = [key for s, _, key in spans if s < cuts[1]] if len(cuts) > 2 else []
        before = [key for s, _, key in spans if i and cuts[i - 1] <= s < lo]
        told_before = any(i and cuts[i - 1] <= e_at < lo for e_at, _ in events)
        if opening and i > 1 and not told_before:
            out.add((cls, opening[0]))  # "the footbridge, a landmark, gave way"
        elif before:
            out.add((cls, before[-1]))  # "... flooded the tunnel, which caved in"
    return frozenset(
        ("breach", thing) if cls == "topple" else (cls, thing) for cls, thing in out
    )  # a thing toppled came down (a leader toppled is another event)


# Letters a language lowercases its own way, or writes two ways: Turkish dotted and dotless I
# ("İsyancılar", "ISYAN"), the Arabic forms of Persian yeh and kaf, Arabic vowel marks. One
# character for one, so that offsets into the text stay.
# Arabic vowel marks (harakat, shadda, sukun, superscript alef) are no word characters to a
# regular expression: "قُتل" would read as two tokens. Each becomes a tatweel, a letter the
# lookup drops (``_unmarked``).
_MARKS = {chr(c): "\u0640" for c in [*range(0x064B, 0x0660), 0x0670]}
_FOLD = {
    "tr": str.maketrans({"İ": "i", "I": "ı"}),
    "az": str.maketrans({"İ": "i", "I": "ı"}),
    "fa": str.maketrans({"ي": "ی", "ك": "ک", **_MARKS}),
    "ar": str.maketrans(_MARKS),
}
_DOTTED_I = str.maketrans({"İ": "i"})


def _fold(text: str, language: str | None) -> str:
    """Return ``text`` lowercased as ``language`` writes it (see ``_FOLD``), one character for
    one."""
    table = _FOLD.get((language or "").split("-")[0].lower(), _DOTTED_I)
    return text.translate(table).lower()


# Tokens whose answer a language's reader keeps at most (the least recently read go first).
_LOOKED_UP = 200_000


def _elided(word: str) -> str:
    """Return what follows an elided article or pronoun glued to a token ("l'effondrement" ->
    "effondrement", "dell'esplosione" -> "esplosione"); the token when it has none."""
    cut = max(word.rfind("'"), word.rfind("’"))
    return word[cut + 1 :] if 0 < cut < len(word) - 1 else word


# The tokens after a negator that the event word it negates may be at most (auxiliaries,
# clitic pronouns, adverbs: "no han entrado", "n'est pas entré", "non si sono ancora ritirate").
_NEGATION_REACH = 4


def language_events(language: str | None) -> LanguageEvents | None:
    """Return the event words of ``language`` (its base code: "es" of "es-MX") from
    ``data/events/<code>.json``, read once, or None for English (its words are this module's)
    and for a language with no such file."""
    return _events_of((language or "").replace("_", "-").split("-")[0].lower())


@functools.lru_cache(maxsize=64)
def _events_of(base: str) -> LanguageEvents | None:
    if not base or base == "en" or not base.isalpha():
        return None
    path = resources.files("consilience.claims").joinpath(f"data/events/{base}.json")
    if not path.is_file():
        return None
    return LanguageEvents(base, json.loads(path.read_text(encoding="utf-8")))


def _proclitics(language: str) -> tuple[str, ...]:
    """Return the proclitics of ``language`` glued to the next word (Arabic "و", "ال",
    "وال" ...: consilience.annotate's clitics.json), longest first; () for a language that
    writes none."""
    raw = resources.files("consilience.annotate").joinpath("data/clitics.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return tuple(sorted(data.get(language, ()), key=lambda c: (-len(c), c)))


def negation_at(text: str, language: str | None) -> int | None:
    """Return the offset in ``text`` of the first negator of ``language`` that negates an
    event word after it, in its clause (see ``negated_event``; "не наносило ударов": the
    "не"), or None. A bound or a "not only" that opens with a negator negates nothing
    (``not_negating``: "non meno di 40 morti", "no solo entraron")."""
    events = language_events(language)
    if events is None or not (events.negations or events.negated_words or events.negations_after):
        return None
    low = _fold(text, language)
    tokens = [(m.start(), m.group().strip("'’-")) for m in _WORD.finditer(low)]
    for i, (at, w) in enumerate(tokens):
        if w in events.negated_words:
            return at  # "girmedi": the event and its negation in one word
        if w in events.negations_after and i:
            # "کشته نشدند": the event word just before its negator, in its clause
            for before_at, before in reversed(tokens[max(0, i - 2) : i]):
                if _NEGATION_BREAK.search(low, before_at, at):
                    break
                if events.lookup(before):
                    return before_at
    if not any(events.negates(w) for _, w in tokens):
        return None  # most sentences hold no negator
    if events.not_negating is not None:
        low = events.not_negating.sub(lambda m: " " * len(m.group()), low)  # offsets stay
    found = [(m.start(), m.end(), m.group().strip("'’-")) for m in _WORD.finditer(low)]
    for i, (at, _, w) in enumerate(found):
        if not events.negates(w):
            continue
        end = found[i][1]
        for start, stop, after in found[i + 1 : i + 1 + _NEGATION_REACH]:
            if _NEGATION_BREAK.search(low, end, start):
                break  # "No obstante, los rebeldes entraron": the clause ends first
            if events.lookup(after):
                return at
            end = stop
    return None


# What ends a negator's reach: a clause's punctuation between it and the event word.
_NEGATION_BREAK = re.compile(r"[,;:()\[\]\"“”«»—–]")


def negated_event(text: str, language: str | None = None) -> bool:
    """Return True when an event word of ``text`` is negated: right after an English negator
    ("had not entered", "never any breach"), or, in a text of another ``language``, among the
    four words after one of that language's negators ("no han entrado", "non è mai
    entrato", "لم يدخل", "не вошли"), not counting a bound that opens with one ("non meno
    di", ``not_negating``)."""
    events = language_events(language)
    if events is None:
        # English, or a language read with the English words: English negators ("no" is "in
        # the" in Portuguese, a language with its own words and negators)
        return any(event_classes(m.group("w"), language) for m in NEGATED_EVENT.finditer(text))
    return negation_at(text, language) is not None


def _foreign_function_words(language: str | None) -> frozenset[str]:
    """The function words of ``language`` when it is not English (none otherwise)."""
    if not language or language.split("-")[0] == "en":
        return frozenset()
    from ..annotate.language import function_words

    return function_words(language.split("-")[0])


def actor_sides(text: str, language: str | None = None) -> set[str]:
    """Return the sides named in ``text``: "armed_opposition", "state_forces", or both.

    "forces" and "fighters" take their side from the word before them ("rebel forces",
    "government forces"); "the government" alone is a party, not an armed side; a phrase
    names one as a whole ("armed forces", "fuerzas armadas": ``data/blame.json``). In a text
    of another ``language``, that language's words for each side count too
    (``data/events/<language>.json``).
    """
    folded = _fold(text, language)
    tokens = words(folded)
    sides: set[str] = {side for _, side in _phrase_sides(folded, language)}
    events = language_events(language)
    for i, w in enumerate(tokens):
        own = events.side(w) if events is not None else None
        if own is not None:
            sides.add(own)
        elif w in _SIDES:
            sides.add(_SIDES[w])
        elif w in _NEEDS_QUALIFIER and i:
            prev = tokens[i - 1]
            if prev in _STATE_QUALIFIERS:
                sides.add("state_forces")
            elif prev in _SIDES:
                sides.add(_SIDES[prev])
    return sides


def nearest_side(text: str, pos: int, language: str | None = None) -> set[str]:
    """Return the side of the actor named nearest before ``pos`` in ``text`` (else nearest
    after it): the side a figure at ``pos`` belongs to ("rebels ... within 20 miles"); in a
    text of another ``language``, its words for the sides count too."""
    before, after = actor_sides_at(text, language)
    for at, side in reversed(before):
        if at < pos:
            return {side}
    for at, side in after:
        if at >= pos:
            return {side}
    return set()


def actor_sides_at(
    text: str, language: str | None = None
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Return the (position, side) of each actor word in ``text`` (written in ``language``),
    twice (for reading backwards and forwards)."""
    found: list[tuple[int, str]] = []
    prev = ""
    events = language_events(language)
    for m in _WORD.finditer(text):
        w = _fold(m.group(), language).strip("'’-")
        own = events.side(w) if events is not None else None
        if own is not None:
            found.append((m.start(), own))
        elif w in _SIDES:
            found.append((m.start(), _SIDES[w]))
        elif w in _NEEDS_QUALIFIER and prev in _STATE_QUALIFIERS:
            found.append((m.start(), "state_forces"))
        elif w in _NEEDS_QUALIFIER and prev in _SIDES:
            found.append((m.start(), _SIDES[prev]))
        prev = w
    phrases = _phrase_sides(_fold(text, language), language)
    if phrases:
        found = sorted(found + phrases)
    return found, found


def _whole_words(alternation: str, code: str, clitics: str) -> re.Pattern[str]:
    """Return the pattern of ``alternation`` as whole words; in Arabic a word may carry one of
    the one-letter ``clitics`` before it ("والقوات المسلحة", "واتهم")."""
    clitic = f"(?:[{clitics}])?" if code == "ar" else ""
    return re.compile(rf"(?<!\w){clitic}(?:{alternation})(?!\w)")


@functools.lru_cache(maxsize=64)
def _side_phrases(language: str | None) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """Return the pattern of the phrases of ``language`` that name a side as a whole ("armed
    forces", "القوات المسلحة": ``data/blame.json``), lowercased as the language writes them,
    and the side of each (its words joined by one space); None when it has none."""
    code = _base_code(language)
    data = language_words("blame")
    table = {
        " ".join(_fold(p, code).split()): side
        for side in ("state_forces", "armed_opposition")
        for p in data.get(f"{code}:{side}", ())
    }
    if not table:
        return None
    return _whole_words(word_alternation(table), code, "وفب"), table


def _phrase_sides(folded: str, language: str | None) -> list[tuple[int, str]]:
    """Return (position, side) of each phrase of ``language`` naming a side as a whole in
    ``folded`` (a text as ``_fold`` lowercases it)."""
    found = _side_phrases(language)
    if found is None:
        return []
    pattern, table = found
    out = []
    for m in pattern.finditer(folded):
        phrase = " ".join(m.group().split())
        side = table.get(phrase) or table.get(phrase[1:])  # behind an Arabic clitic
        if side is not None:
            out.append((m.start(), side))
    return out


@functools.lru_cache(maxsize=64)
def _blame_cues(language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of the words of ``language`` that blame someone for an event
    (``<language>:accuse`` in ``data/blame.json``, "macht * verantwortlich": up to eight
    words between the parts; and the attribution reader's verbs of accusing), lowercased as
    the language writes them; None when it has none."""
    from ..annotate.attribution_lang import accusation_words

    code = _base_code(language)
    forms = language_words("blame").get(f"{code}:accuse", ()) + accusation_words(code)
    if not forms:
        return None
    gap = r"(?:\W+\w+){0,8}?\W+"
    parts = [
        gap.join(r"\s+".join(map(re.escape, piece.split())) for piece in _fold(f, code).split("*"))
        for f in sorted(set(forms), key=lambda f: (-len(f), f))
    ]
    return _whole_words("|".join(parts), code, "وف")


# An English passive around a word of blaming: who is named before it is blamed ("the army
# was accused of shelling the town", "the rebels, accused by the army of the attack, ...").
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_PASSIVE_AFTER = re.compile(r"\s*(?:by|of|for)\b", re.I)
# How many words from the side blamed the deed it is blamed for may stand ("accused the armed
# forces of carrying out the strike"; not "accused the army of blocking aid to the victims of
# the strike"), after it or before it ("обвинила в нанесении удара Вооруженные силы").
_DEED_AFTER = 5
_DEED_BEFORE = 3


# A party blamed by its name, no armed side nor the government ("the pilots' union accuses
# Aerovesk of postponing the overhaul"): this prefix and the name's entity key; and the deed a
# blame naming no event class is for.
NAMED_PARTY = "@"
ANY_DEED = "any"


def named_party(party: str) -> bool:
    """Return whether ``party`` (of ``ClaimCandidate.accused``) is one blamed by its name."""
    return party.startswith(NAMED_PARTY)


# The party a government is when blamed ("accused the government of staging the coup"):
# no armed side (``actor_sides`` never names it), a party of blame and denial only.
GOVERNMENT = "government"


@functools.lru_cache(maxsize=128)
def _party_words(language: str | None, key: str) -> re.Pattern[str] | None:
    """The words of ``<language>:<key>`` in ``data/blame.json`` (``government``: the
    government as a party; ``defence``: a defence ministry, the armed forces' word) as one
    whole-word pattern on folded text; None when the language has none."""
    code = _base_code(language)
    forms = language_words("blame").get(f"{code}:{key}", ())
    if not forms:
        return None
    return _whole_words(word_alternation(_fold(f, code) for f in forms), code, "وفبل")


def parties_at(text: str, language: str | None = None) -> list[tuple[int, str]]:
    """Return (position, party) of each armed side (``actor_sides_at``) and each mention of the
    government as a party (``GOVERNMENT``: ``<language>:government`` in ``data/blame.json``)
    in ``text``, in text order."""
    found, _ = actor_sides_at(text, language)
    pattern = _party_words(language, "government")
    if pattern is None:
        return found
    sides = [at for at, _ in found]
    named = [
        (m.start(), GOVERNMENT)
        for m in pattern.finditer(_fold(text, language))
        # "government forces": the government's armed side, named once
        if not any(m.start() <= at <= m.end() + 1 for at in sides)
    ]
    return sorted(found + named)


def speaker_parties(speaker: str, language: str | None = None) -> frozenset[str]:
    """Return the armed sides and the government a speaker's name names ("Army spokesman
    Colonel X", "Le porte-parole du gouvernement"): whose word a denial is. A defence
    ministry speaks for the armed forces (``<language>:defence`` in ``data/blame.json``)."""
    parties = {party for _, party in parties_at(speaker, language)}
    pattern = _party_words(language, "defence")
    if pattern is not None and pattern.search(_fold(speaker, language)):
        parties.add("state_forces")
    return frozenset(parties)


def _blame_word(text: str, language: str | None) -> re.Match[str] | None:
    cues = _blame_cues(language)
    return cues.search(_fold(text, language)) if cues is not None else None


def blame_at(text: str, language: str | None = None) -> int | None:
    """Return where the first word of blaming of ``text`` (written in ``language``) starts,
    None when it has none ("blamed the armed forces for the attack")."""
    m = _blame_word(text, language)
    return m.start() if m is not None else None


def blame(text: str, language: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Return the sides ``text`` (written in ``language``) blames (armed sides, or the
    government: ``parties_at``) and the event classes of the deeds it blames them for: the
    sides it names after its first word of blaming ("the
    Brigade accused the armed forces of the strike", "обвинила в нанесении удара Вооруженные
    силы"; ``data/blame.json``), or before it in an English passive ("the army was accused
    of ...", "the rebels, accused by the army of ..."); in Arabic not the one right after the
    verb (its subject: "واتهم الجيش المتمردين"). A deed is an event word at most
    ``_DEED_AFTER`` words after a side blamed or ``_DEED_BEFORE`` before it (what the side is
    blamed for, not an event the sentence names on the way: "accused the army of blocking
    aid to the victims of the strike" blames it for no strike). Empty when it blames no one,
    names no side or no deed next to one."""
    m = _blame_word(text, language)
    if m is None:
        return frozenset(), frozenset()
    found = parties_at(text, language)
    code = _base_code(language)
    if code == "en" and (
        _PASSIVE_BEFORE.search(text, 0, m.start())
        or (len(m.group().split()) == 1 and _PASSIVE_AFTER.match(text, m.end()))
    ):
        named = [(at, side) for at, side in found if at < m.start()]
    else:
        named = [(at, side) for at, side in found if at >= m.start()]
        if code == "ar" and named and not words(text[m.end() : named[0][0]]):
            named = named[1:]  # the verb's subject
    if not named:
        return frozenset(), frozenset()
    spans = list(word_spans(text))
    folded = _fold(text, language)
    phrases = _side_phrases(language)
    events = class_positions(text, language)
    deeds: set[str] = set()
    for at, _ in named:
        # the words of the side's name: one, or a phrase ("armed forces")
        end = at + 1
        if phrases is not None:
            whole = phrases[0].match(folded, at)
            end = whole.end() if whole is not None else end
        first = next((k for k, w in enumerate(spans) if w.end() > at), len(spans) - 1)
        last = next((k for k, w in enumerate(spans) if w.end() >= end), first)
        lo = spans[max(first - _DEED_BEFORE, 0)].start()
        hi = spans[min(last + _DEED_AFTER, len(spans) - 1)].end()
        deeds |= {cls for pos, cls in events if lo <= pos < hi}
    if not deeds:
        return frozenset(), frozenset()
    return frozenset(side for _, side in named), frozenset(deeds)


# Deeds a side is named as the doer of by a word next to the deed's (``doer``): a side at most
# ``_DOER_BEFORE`` words before the deed's word, or at most ``_DOER_AFTER`` words after it (one
# more behind an adjective), with no punctuation between.
_DOER_DEEDS = frozenset({"attack", "shoot", "explode"})
# Deeds of armed violence a side is blamed for or denies ("involvement" names none of them).
ARMED_DEEDS = frozenset({"attack", "shoot", "explode", "kill", "injure"})
_DOER_BEFORE = 1
_DOER_AFTER = 3
_DOER_BREAK = re.compile(r"[,;:.!?()\[\]\"«»“”]")


def doer(
    text: str, language: str | None = None, at_out: list[int] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """Return the sides ``text`` (written in ``language``) names as the doers of a deed of
    armed violence by a word next to the deed's, and those deeds; empty when it names none so.
    ``at_out`` (a list), when given, receives where the first of them starts.

    A side right before the deed's word ("an army airstrike", "rebel shelling"), or after it
    behind a word that makes it the doer (``data/blame.json``): an agent ("an airstrike by
    the army", "un bombardeo por el ejército"), or a genitive when the side ends the phrase
    ("une frappe aérienne de l'armée.", "Luftangriff der Armee"; not "the bombing of rebel
    positions", "der Armee zufolge"), one adjective between in a language that writes it
    after its noun and one article before the side at most; in a language whose genitive is a
    side right after the deed (``<language>:construct``: Arabic "غارة الجيش"), that side too.
    A reported sentence saying so blames that side as ``blame`` does with a word of blaming."""
    code = _base_code(language)
    table = language_words("blame")
    weapons = {_fold(w, code) for w in table.get(f"{code}:weapons", ())}
    deeds = [(at, cls) for at, cls in class_positions(text, language) if cls in _DOER_DEEDS]
    deeds += [(w.start(), "attack") for w in word_spans(text) if _fold(w.group(), code) in weapons]
    if not deeds:
        return frozenset(), frozenset()
    genitive = {_fold(w, code) for w in table.get(f"{code}:of", ())}
    agent = {_fold(w, code) for w in table.get(f"{code}:by", ())}
    adjective_after = bool(table.get(f"{code}:adjective_after"))
    construct = bool(table.get(f"{code}:construct"))
    articles = {_fold(w, code) for w in table.get(f"{code}:articles", ())}
    prepositions = {_fold(w, code) for w in table.get(f"{code}:prepositions", ())}
    qualifiers = _STATE_QUALIFIERS | set(_SIDES)
    from ..annotate.language import function_words

    function = {_fold(w, code) for w in function_words(code or "en")}
    spans = list(word_spans(text))
    folded = [_fold(w.group(), code) for w in spans]
    phrases = _side_phrases(language)
    folded_text = _fold(text, language)

    def word_at(pos: int) -> int | None:
        return next((k for k, w in enumerate(spans) if w.end() > pos), None)

    def side_end(at: int, k: int) -> int:
        # the last word of the side's name: one word, or a phrase ("armed forces")
        if phrases is not None:
            whole = phrases[0].match(folded_text, at)
            if whole is not None:
                return word_at(whole.end() - 1) or k
        return k

    def after_deed(d: int, k: int, last: int) -> bool:
        between = folded[d + 1 : k]
        head, glued, _ = folded[k].replace("\u2019", "'").partition("'")
        if glued and head in genitive | agent:
            between = [*between, head]  # "dell'esercito", "de l'armée"
        if (
            adjective_after
            and between
            and between[0] not in genitive | agent
            and between[0] not in function | prepositions
        ):
            between = between[1:]  # "frappe aérienne de", "bombardeo aéreo del"
        if not between and construct and k == d + 1:
            return True  # "غارة الجيش": the side right after the deed is its doer
        if not between or between[0] not in genitive | agent:
            return False
        if len(between) > 2 or (len(between) == 2 and between[1] not in articles | qualifiers):
            return False  # an article ("by the army") or the side's qualifier at most
        if between[0] in agent:
            return True
        # a genitive: the side ends the phrase ("de l'armée." / not "de posiciones rebeldes")
        if last + 1 >= len(spans):
            return True
        gap = text[spans[last].end() : spans[last + 1].start()]
        return bool(_DOER_BREAK.search(gap)) or folded[last + 1] in function

    sides: set[str] = set()
    done: set[str] = set()
    where: list[int] = []
    for at, side in actor_sides_at(text, language)[0]:
        k = word_at(at)
        if k is None:
            continue
        last = side_end(at, k)
        for pos, cls in deeds:
            d = word_at(pos)
            if d is None or not (d - _DOER_BEFORE <= k < d or d < k <= d + _DOER_AFTER + 1):
                continue
            if _DOER_BREAK.search(text, spans[min(k, d)].end(), spans[max(k, d)].start()):
                continue
            if k > d and not after_deed(d, k, last):
                continue
            sides.add(side)
            done.add(cls)
            where.append(min(spans[k].start(), spans[d].start()))
    if at_out is not None and where:
        at_out.append(min(where))
    return frozenset(sides), frozenset(done)


def doer_at(text: str, language: str | None = None) -> int | None:
    """Return where the first side named as a deed's doer, or that deed, starts in ``text``
    ("an army airstrike", "a rebel drone": ``doer``), None when it names none."""
    found: list[int] = []
    doer(text, language, found)
    return found[0] if found else None


def denies_involvement(text: str, language: str | None = None) -> bool:
    """Return whether ``text`` (a denial, written in ``language``) names what it denies only
    as someone's part in it ("denied any involvement", "dément toute responsabilité",
    "отрицает свою причастность": ``<language>:involvement`` in ``data/blame.json``)."""
    code = _base_code(language)
    words_ = {_fold(w, code) for w in language_words("blame").get(f"{code}:involvement", ())}
    return bool(words_) and any(_fold(w.group(), code) in words_ for w in word_spans(text))


def accused_sides(text: str, language: str | None = None) -> frozenset[str]:
    """Return the sides ``text`` (written in ``language``) blames for a deed (``blame``)."""
    return blame(text, language)[0]


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Return a crude stem of a lowercased word: plural and verb endings cut, at most 7
    letters kept, so that "displaced"/"displacement" and "evacuated"/"evacuation" meet."""
    w = word
    for suffix in (
        "ations",
        "ation",
        "ments",
        "ment",
        "ings",
        "ing",
        "ies",
        "ied",
        "ed",
        "es",
        "s",
    ):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:7]
