"""The words before a date: ``context_before``, and whether they speak of the future
(``speaks_of_future``).
"""

from __future__ import annotations

import re


def context_before(text: str, start: int, words: int = 3) -> str:
    """The last ``words`` words of ``text`` before ``start`` (within the same line)."""
    window = text[max(0, start - max(60, 12 * words)) : start]
    window = window.rsplit("\n", 1)[-1]
    return " ".join(window.split()[-words:])


# Words before a date that speak of the future. ``_FUTURE`` alone ("will", "they'll",
# "upcoming"); ``_PLANNED`` after a present "is"/"are" ("is expected", "are due", "is set",
# "is to"), or right before "for"/"on" and the date ("scheduled for", "due on"); ``_INTEND``
# before "to" ("plans to").
_FUTURE = frozenset({"will", "shall", "won't", "upcoming", "forthcoming"})
_NOUN_WILL = frozenset(
    {"the", "a", "political", "his", "her", "their", "its", "own", "free", "good", "ill", "popular"}
)
_PRESENT_BE = frozenset({"is", "are", "am", "remains", "remain"})
_PLANNED = frozenset(
    {
        "expected",
        "due",
        "scheduled",
        "slated",
        "set",
        "planned",
        "poised",
        "going",
        "likely",
        "to",
        "tipped",
    }
)
_CAUSAL_DUE = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_PLANNED_FOR = frozenset({"expected", "due", "scheduled", "slated", "set", "planned"})
_PAST_MARK = frozenset({"was", "were", "had", "been", "originally", "initially"})
_INTEND = frozenset(
    {
        "plans",
        "plan",
        "intends",
        "intend",
        "expects",
        "expect",
        "hopes",
        "hope",
        "aims",
        "aim",
        "wants",
        "want",
        "seeks",
        "seek",
        "vows",
        "vow",
        "promises",
        "promise",
        "pledges",
        "pledge",
        "prepares",
        "prepare",
    }
)
_ADVERBS = frozenset(
    {
        "also",
        "now",
        "still",
        "again",
        "tentatively",
        "currently",
        "widely",
        "officially",
        "then",
        "not",
        "already",
        "reportedly",
        "provisionally",
    }
)
# Words after a future cue that start another clause or say the date is past.
_CUE_BREAKS = frozenset(
    {
        "said",
        "says",
        "told",
        "since",
        "ago",
        "after",
        "when",
        "that",
        "who",
        "which",
        "was",
        "were",
        "had",
        "did",
        "yesterday",
        "last",
        "earlier",
    }
)
_CLAUSE_END = re.compile(r"[.!?;:,()\[\]\"\u201c\u201d\u2014\u2013]")


def speaks_of_future(context: str) -> bool:
    """True when the words before a date (``context``, cut at the last clause break) put it in
    the future: "will meet on", "is expected on", "are due to vote on", "scheduled for",
    "plans to hold talks on". Past forms ("was expected on", "had been scheduled for") and
    a later reporting verb or "since" ("will stay, officials said on") do not count."""
    text = context.replace("\u2019", "'").lower()
    text = _CLAUSE_END.split(text)[-1]
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    cue = -1
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = [w for w in words[i + 1 :] if w not in _ADVERBS]
        if word in _FUTURE or word.endswith("'ll"):
            if not (word == "will" and before in _NOUN_WILL):
                cue = i
        elif (
            (word in _PRESENT_BE or word.endswith(("'re", "'s")))
            and after[:1]
            and (after[0] in _PLANNED)
        ):
            if not (after[:2] == ["due", "to"] and after[2:3] and after[2] in _CAUSAL_DUE):
                cue = i  # "is due to vote", not "is due to the strike"
        elif (
            word in _PLANNED_FOR
            and i >= len(words) - 2
            and words[-1] in ("for", "on")
            and before not in _PAST_MARK
        ):
            cue = i
        elif word in _INTEND and after[:1] == ["to"]:
            cue = i
    return cue >= 0 and not any(w in _CUE_BREAKS for w in words[cue + 1 :])
