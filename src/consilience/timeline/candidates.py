"""The date mentions that may be events, and where their dates stand (future weekdays, night
edges).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..model import (
    Article,
    DateMention,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token
from .lexicons import _DASH, _FUTURE_WORDS, _MARKUP, _NAME_DAY_WORDS, _NIGHT, _PAST_TAGS, _WEEKDAY


def _is_event_mention(article: Article, mention: DateMention) -> bool:
    """True for a resolved date or time that is not part of a name."""
    if mention.kind not in ("date", "time") or mention.value is None:
        return False
    if mention.precision is None:
        return False
    # The publication date's own evidence is not excluded here: it is often an event sentence
    # ("On Saturday, rebels ..."); datelines and verbless lines are dropped later.
    return not _inside_name(article, mention)


def _inside_name(article: Article, mention: DateMention) -> bool:
    """True when the mention is a word of a name: it overlaps a named entity, or it is a
    capitalised day word right after another capitalised word ("Lagarina Today")."""
    for ent in article.annotations.entities:
        if ent.start < mention.end and mention.start < ent.end:
            return True
    word = article.text[mention.start : mention.end]
    if word.lower() not in _NAME_DAY_WORDS:
        return False
    before = _MARKUP.sub(" ", article.text[max(0, mention.start - 40) : mention.start])
    after = _MARKUP.sub(" ", article.text[mention.end : mention.end + 40])
    if not before.strip() or before.rstrip()[-1] in ".!?:\n\"“”'" or "\n" in before[-2:]:
        return False  # first word of a sentence or line
    previous = before.split()[-1] if before.split() else ""
    following = after.split()[0] if after.split() and after[:1] == " " else ""
    capitals = [w[:1].isupper() for w in (previous, following) if w]
    if word[:1].isupper():  # "Lagarina Today": a capital day word after or before a name
        return any(capitals)
    return len(capitals) == 2 and all(capitals)  # "World today News"


def _sentence_of(article: Article, start: int) -> tuple[int, int]:
    for sentence in article.annotations.sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", start)
    return line_start, len(article.text) if line_end < 0 else line_end


def _dateline_end(text: str, sentence: tuple[int, int]) -> int:
    """The offset where the sentence proper starts: after a dateline ("ROVERETO, Italy (ANA)
    —", "Washington D.C. – December 8, 2024 –") when there is one, else the sentence start.

    A dateline is the longest stretch before a spaced dash, within the first 80 characters,
    made of capitalised words, figures and month names only, that starts with a word in
    capitals, holds a date or ends with an agency credit in brackets.
    """
    start, end = sentence
    head = text[start : min(end, start + 80)]
    for found in reversed(list(_DASH.finditer(head))):
        words = [
            w for w in _MARKUP.sub(" ", head[: found.start()]).split() if w not in ("—", "–", "-")
        ]
        if words and len(words) <= 10 and _dateline_words(words):
            return start + found.end()
    return start


def _dateline_words(words: list[str]) -> bool:
    """True for the words of a dateline (see ``_dateline_end``)."""
    link = {"of", "de", "and", "the", "la", "le", "el", "di", "da"}
    for word in words:
        bare = word.strip(",.()")
        if bare and not (
            bare[0].isupper()
            or bare[0].isdigit()
            or bare.lower() in link
            or bare.lower() in _MONTHS
        ):
            return False
    first = words[0].strip(",.()")
    dated = any(w.strip(",.()").lower() in _MONTHS or w[:1].isdigit() for w in words)
    return (first.isupper() and len(first) > 1) or dated or words[-1].endswith(")")


_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


def _forward_if_future(
    mention: DateMention, phrase: str, tokens: Sequence[Token], anchor: str, published: str | None
) -> str:
    """The mention's date, moved on by weeks past the publication date when a bare weekday
    resolved into the past sits in a clause about the future ("will stay closed on
    Monday"); "since Monday" never looks ahead."""
    assert mention.value is not None
    if (
        published is None
        or mention.precision != "day"
        or anchor == "since"
        or not _WEEKDAY.match(phrase.strip())
    ):
        return mention.value
    day = date.fromisoformat(mention.value)
    pub = date.fromisoformat(published)
    if day >= pub or not _speaks_of_future(tokens):
        return mention.value
    while day <= pub:
        day += timedelta(days=7)
    return day.isoformat()


def _speaks_of_future(tokens: Sequence[Token]) -> bool:
    """True when the clause's verb group is future (a modal "will", "expected", "due") or
    present tense with no past auxiliary ("schools remain closed on Monday")."""
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    if words & _FUTURE_WORDS:
        return True
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    return not any(t.tag_ in _PAST_TAGS for t in verbs) and any(
        t.tag_ in ("VBP", "VBZ") for t in verbs
    )


def _is_edge(text: str, mention: DateMention) -> bool:
    window = text[max(0, mention.start - 12) : mention.end + 8]
    return _NIGHT.search(window) is not None
