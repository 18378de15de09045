"""Word lists of the timeline: reporting verbs, event families, future words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    pass


# Verbs (and nouns) that report speech; a statement dated by its verb is the statement's event.
REPORTING = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "confirm",
        "announce",
        "report",
        "affirm",
        "claim",
        "insist",
        "stress",
        "warn",
        "note",
        "explain",
        "write",
        "post",
        "express",
        "interview",
        "speak",
        "statement",
        "comment",
        "reveal",
        "assure",
        "emphasize",
        "emphasise",
        "declare",
        "indicate",
        "suggest",
        "argue",
        "tweet",
        "address",
        "reiterate",
        "repeat",
    }
)
# Families of event words: words of one family name the same kind of happening.
FAMILIES: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "say",
            "tell",
            "state",
            "add",
            "confirm",
            "announce",
            "report",
            "affirm",
            "claim",
            "insist",
            "stress",
            "warn",
            "note",
            "explain",
            "write",
            "post",
            "express",
            "interview",
            "speak",
            "statement",
            "comment",
            "reveal",
            "assure",
            "emphasize",
            "emphasise",
            "indicate",
            "argue",
            "tweet",
            "address",
            "reiterate",
            "repeat",
            "press",
            "conference",
            "briefing",
            "remark",
            "speech",
        ),
        "speak",
    ),
    **dict.fromkeys(
        (
            "begin",
            "start",
            "launch",
            "initiate",
            "open",
            "erupt",
            "trigger",
            "ignite",
            "kick",
            "outbreak",
            "onset",
            "beginning",
        ),
        "begin",
    ),
    **dict.fromkeys(
        (
            "seize",
            "capture",
            "conquer",
            "overrun",
            "sweep",
            "enter",
            "control",
            "occupy",
            "retake",
            "recapture",
            "seizure",
            "takeover",
        ),
        "capture",
    ),
    **dict.fromkeys(
        ("meet", "meeting", "gather", "convene", "talk", "summit", "hold", "negotiate"), "meet"
    ),
    **dict.fromkeys(("kill", "die", "death", "dead", "toll", "killing", "fatality"), "die"),
    **dict.fromkeys(
        (
            "evacuate",
            "evacuation",
            "flee",
            "leave",
            "displace",
            "exodus",
            "withdraw",
            "withdrawal",
            "retreat",
            "pull",
        ),
        "leave",
    ),
    **dict.fromkeys(("find", "discover", "recover", "locate", "retrieve"), "find"),
    **dict.fromkeys(("miss", "missing", "disappear", "vanish", "see"), "missing"),
    **dict.fromkeys(("deny", "denial", "reject", "refute", "dismiss"), "deny"),
    **dict.fromkeys(
        ("rain", "shower", "downpour", "rainfall", "snow", "snowfall", "hail"), "weather"
    ),
    **dict.fromkeys(("flood", "overflow", "burst", "overtop", "inundate", "pour"), "flood"),
    **dict.fromkeys(("attack", "strike", "bomb", "shell", "raid", "airstrike"), "attack"),
    **dict.fromkeys(("arrest", "detain"), "arrest"),
    **dict.fromkeys(("sign", "approve", "pass", "adopt", "ratify", "vote"), "approve"),
}
_KNOWN_FAMILIES = frozenset(FAMILIES.values())
# Words that make a clause speak of the future (for weekdays resolved into the past).
_FUTURE_WORDS = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "expect",
        "expected",
        "forecast",
        "due",
        "schedule",
        "scheduled",
        "plan",
        "planned",
        "set",
        "going",
        "intend",
        "predict",
        "tomorrow",
    }
)
_PAST_TAGS = frozenset({"VBD", "VBN"})
_WEEKDAY = re.compile(
    r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
# Prepositions that change what a date says about the event: kept in the event text.
_KEEP_PREPS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through"})
_PREPOSITIONS = _KEEP_PREPS | {"on", "in", "at", "during", "of", "for", "around"}
# Words around a date that put the event at the edge of two days.
_NIGHT = re.compile(r"\b(?:night|overnight|midnight|evening|late|early|dawn)\b", re.IGNORECASE)
# Relative day words that are part of a name when capitalised mid-sentence ("Lagarina Today").
_TIME_NOUNS = frozenset(
    {
        "night",
        "evening",
        "morning",
        "afternoon",
        "midday",
        "noon",
        "midnight",
        "dawn",
        "lunchtime",
    }
)
_NAME_DAY_WORDS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
# A dateline: a few capitalised words (place, agency) before a dash at the start of a line.
_DASH = re.compile(r"\s[—–-]\s")
_MARKUP = re.compile(r"[*_#>|]+")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_VERBAL = frozenset({"aux", "auxpass", "neg", "prt"})
_AFTER_VERB = frozenset(
    {
        "dobj",
        "attr",
        "acomp",
        "oprd",
        "dative",
        "agent",
        "xcomp",
        "ccomp",
        "prep",
        "advmod",
        "npadvmod",
        "pobj",
        "dep",
        "obj",
        "obl",
        "iobj",
    }
)
_CUT_IN_PHRASES = frozenset({"appos", "relcl", "advcl", "parataxis", "acl"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Light verbs and fillers: they say nothing about which event a clause tells.
_LIGHT = frozenset({"be", "have", "do", "get", "make", "go", "come", "also", "still", "more"})
_SUFFIXES = (
    "ations",
    "ation",
    "ions",
    "ion",
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ates",
    "ate",
    "es",
    "ed",
    "s",
    "e",
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
