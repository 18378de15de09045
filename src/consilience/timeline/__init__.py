"""The story's timeline: every dated event, once, in date order, with its evidence.

``build_timeline(articles, claims, entities)`` returns ``TimelineEvent`` records. How:

1. **Dated clauses** (``dated_clauses``). Every date mention of kind "date" or "time" that was
   resolved to a value (against its own article's publication date) is a candidate, except a
   dateline ("PLACE – December 8, 2024 –"), a day word inside a name ("Valley Today", the
   outlet) and mentions in lines without a verb or a noun (headings, copyright lines). The
   sentence that gave the publication date stays a candidate: it is often an event ("On
   Saturday, rebels ..."); "today" and "this morning" statements fall on the publication day.
   Durations and vague expressions were never resolved, so they never become events; coarse
   values ("late November", "in 2011") keep their month or year precision.
2. Each candidate's sentence is parsed (spaCy's dependency parser) and the **clause the date
   belongs to** is cut out: the verb that governs the date, its subject, auxiliaries, objects
   and complements; appositions, relative clauses, side clauses and fronted adverbials are
   dropped, and so is the date phrase itself ("on Friday") unless its preposition changes the
   meaning ("since Sunday", "by Friday"). A relative clause takes its antecedent as subject
   ("their offensive, which began ..." gives "their offensive began"); a date that modifies a
   noun makes that noun phrase the event ("the 2011 uprising"); a report whose content has a
   date of its own ("X happened on Thursday, officials said on Friday") adds no event. Every
   word of the text is a word of the sentence, in the sentence's order: nothing is invented.
   Without a parser (no model, or a language other than English) the sentence is the text.
3. A bare weekday resolved to a day before publication, in a clause that speaks of the
   future ("will stay closed on Monday", "showers were expected on Sunday"), is moved to the
   next such weekday.
4. **Grouping.** Clauses of the whole story are compared through their keys: the story
   entities (or the annotated names, normalised), gazetteer places, figures and the content
   words of their clause, weighted by rarity, and the families of their event words
   ("launch" and "begin" are one family, "tell" and "interview" another; ``FAMILIES``). On
   compatible dates (the same day, or a day inside a month or year) clauses of one event
   family that share enough participants, or near-copies, are one event. On days up to a
   week apart, clauses of different articles with one event family, a shared name, the same
   anchor ("since" is not "on"), no disjoint places or figures ("rose to three", "rose to
   four" are two steps) and strongly shared participants are one event reported with
   different dates: one entry with a ``Conflict`` of kind "date" (one value per article: its
   date and the span of its date mention), never two entries. Two days next to each other
   where one side says "night" ("Thursday night", "overnight into Friday") are not a
   conflict. An article never gives one event two dates. Groups grow from the best pair down
   (average linkage against the threshold's half), so one stray pair cannot chain events.
5. Each group becomes one ``TimelineEvent``: the text of the claim whose evidence overlaps it
   (when claims are given), else the most central clause of the group; each sentence as
   evidence; the date most articles give (the earliest on a tie).

Deterministic and independent of the order of the input: articles are taken earliest-published
first, then by id; sums run over sorted keys; every tie is broken by that order.
"""

from __future__ import annotations

from .dated import dated_clauses
from .events import build_timeline
from .lexicons import FAMILIES, REPORTING
from .params import (
    CLAIM_BONUS,
    CONFLICT_EVENT,
    COPY,
    FAMILY_WEIGHT,
    MAX_WORDS,
    NAME_WEIGHT,
    NEAR_DAYS,
    SAME_EVENT,
)
from .parser import load_parser
from .records import DatedClause

__all__ = [
    "CLAIM_BONUS",
    "CONFLICT_EVENT",
    "COPY",
    "DatedClause",
    "FAMILIES",
    "FAMILY_WEIGHT",
    "MAX_WORDS",
    "NAME_WEIGHT",
    "NEAR_DAYS",
    "REPORTING",
    "SAME_EVENT",
    "build_timeline",
    "dated_clauses",
    "load_parser",
]
