"""English date words: weekdays, months, modifiers, and the patterns built from them."""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NUM = {name: i for i, name in enumerate(WEEKDAYS)}
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "couple of": 2,
}
# Modifiers that change which occurrence of a weekday (or week, month, year) is meant.
_MODIFIERS = frozenset({"this", "last", "next", "coming", "past", "previous"})
# Words that may precede a date without changing what date is named.
_LEADING = re.compile(
    r"^(?:on|in|since|by|until|till|from|during|at|of|as of|for|through|throughout|before|"
    r"after|around|about|between|to|into|over|within|the)\s+"
)
_QUALIFIER = (
    r"(?:more than|less than|fewer than|nearly|almost|about|around|roughly|approximately|"
    r"some|over|under|at least|at most|up to|just|only|barely|well over|the last|the past|"
    r"the next|the first|the previous|the coming|last|past|next|first|previous|coming)"
)
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SINGLE_WORDS = "|".join(
    sorted(
        (k for k in _NUMBER_WORDS if " " not in k and k not in ("a", "an")), key=len, reverse=True
    )
)
# A number that gives an exact count ("a week ago", "twenty two days"); longest words first.
_EXACT_NUM = (
    rf"(?:\d+|a hundred|a couple of|couple of|(?:{_TENS_WORDS})[\s-]+(?:{_UNITS_WORDS})"
    rf"|{_SINGLE_WORDS}|an|a)"
)
# Any count, exact or not ("a few", "several"), for durations.
_ANY_NUM = (
    r"(?:\d+(?:[.,]\d+)?|a few|few|several|some|many|dozens of|hundreds of|half a|a half"
    rf"|a dozen|{_EXACT_NUM})"
)
_UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centuries|"
    r"millennium|millennia)"
)
_AGO = re.compile(
    rf"^(?:{_QUALIFIER}\s+)?(?P<n>{_EXACT_NUM})\s+(?P<u>day|week|fortnight|month|year)s?"
    r"\s+(?P<dir>ago|prior|earlier)$"
)
# The word that turns a length of time right before it into a date ("two days" + " earlier"),
# unless it compares or points at a later event ("a week prior to the vote", "earlier than").
_COMPARED = re.compile(r"\s+(?:to|than)\b", re.IGNORECASE)
_OFFSET_AFTER = re.compile(r"\s+(?:ago|prior|earlier)\b(?!\s+(?:to|than)\b)", re.IGNORECASE)
_DURATION = re.compile(rf"(?:^|\s){_ANY_NUM}\s*[- ]?\s*{_UNIT}s?\b")
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|midday|lunchtime|dawn)"
_TODAY = re.compile(
    rf"^(?:(?:early|earlier|late|later)\s+)?(?:today|tonight|this\s+{_PART_OF_DAY}|"
    rf"this\s+(?:early|late)\s+{_PART_OF_DAY})$"
)
_YESTERDAY = re.compile(
    rf"^(?:(?:early|late)\s+)?(?:yesterday(?:\s+{_PART_OF_DAY})?|last\s+night)$"
)
_PERIOD_REL = re.compile(
    r"^(?:(?:early|earlier|late|later|mid|the end of|end of|the start of|start of|"
    r"the beginning of|beginning of)\s+)?(?P<m>this|last|next|past|previous|coming)\s+"
    r"(?P<u>week|weekend|month|year)$"
)
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|h\d{0,2}\b|gmt\b|utc\b|o'clock)"
    r"|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight|midday|dawn|dusk|nightfall|daybreak)\b"
)
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_YEAR = re.compile(r"(?<![\d'])(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\d])")
_DECADE = re.compile(
    r"\b(?:1[0-9]|20)?\d0'?s\b|'\d0s\b|\b(?:twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties)\b"
)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:'s)?\b")
_MONTH_PART = re.compile(
    r"\b(?:early|late|mid|the end of|end of|the start of|start of|the beginning of|"
    r"beginning of|the middle of|middle of)\s*-?\s*(?=[a-z0-9])"
)
