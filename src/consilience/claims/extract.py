"""Claim candidates: the facts each sentence states, with who said them and how.

A sentence gives one *statement* candidate per event class it names (what happened, to whom,
where, when: "the offensive began on 27 November and took the city" tells two events) and one
*figure* candidate per figure it states ("about 2,000 soldiers", "20 miles"), whose span is the
clause around the figure; a class that one of its figures measures is left to the figure.
Sentences that state no fact are left out: headings (no closing punctuation), questions,
sentences under five words, conditions and prospects stated by the writer ("could mark the
end", "if the rebels seize"), and descriptions with no event word, no figure and no named day
("the city is a symbol of resistance") -- the background rule; so are commentary ("analysts
believe ...", per language in ``data/opinion.json``) and sentences all of whose dates lie more
than a year before the article was published ("the war broke out in 2011"), descriptions of
places and things ("the province hosts a refinery", per language in ``data/background.json``),
what a sentence places before the story's events ("last month", "in recent months"), and a
sentence that opens by pointing back at one of these ("It left ...", "During that
siege ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..annotate.attribution_lang import opens_with_rumour, pronouns, stance_in
from ..annotate.quantities_lang import partitive_gap
from ..model import (
    Article,
    Attribution,
    DateMention,
    EntityMention,
    Quantity,
    Sentence,
    Source,
    Stance,
    inside,
    unsupported_spans,
)
from ..resolve.parts import kind_of_part
from . import clock
from . import lexicon as lx
from .keys import PLACE_LABELS, EntityKeys, capital_country, country_code
from .records import ClaimCandidate, EventDate, Figure

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]*]*\s*$|[\"”’»]\s*$")
_MIN_WORDS = 5
# A short line closing on a quotation mark with no stop inside it is a heading, not a sentence
# ('Minister: "Citizens abroad are safe"'); a quoted sentence ends '."' or '".'.
_HEADLINE_QUOTE = re.compile(r"[^.!?…\s][\"'”’»]\s*$")
_HEADLINE_WORDS = 15
# Clause boundaries: strong ones end a clause; weak ones ("and", "after") end the narrow clause
# a figure is read in, which widens to the strong clause when it names no event.
_STRONG = re.compile(
    r";|:\s|\s[—–]\s|,\s+(?=(?:and|but|while|whereas|with|including|although|though)\b)"
)
_WEAK = re.compile(r"\s(?:and|but|after|before|while|as|when)\s|,\s")
_VAGUE_NUMBERS = frozenset(
    """
dozens scores hundreds thousands millions billions tens
""".split()
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
# A number joined to a unit of time by a hyphen is a length of time ("a 60-day stay"), however
# the hyphen is spaced.
_UNIT_OF_TIME_AFTER = re.compile(
    r"\s*[-‐–]\s*(?:second|minute|hour|day|night|week|month|year)s?\b", re.IGNORECASE
)
_OLD_AFTER = re.compile(r"\s*[-‐–]?\s*old\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:(?:early|late|mid)\s+)?$", re.IGNORECASE)
_INEXACT_DATE = re.compile(
    r"\b(?:ago|prior|previous|past|recent|recently|early|late|mid|around|about|week|weekend"
    r"|month|months|year|years)\b",
    re.IGNORECASE,
)
# Words that only say which calendar year, month or week a named day lies in ("March 3 of
# this year", "the 5th of last month", "Monday of next week"): they do not make it approximate.
_CALENDAR_FRAME = re.compile(
    r"\b(?:of\s+)?(?:this|last|next|the\s+same|the\s+following|the\s+previous)\s+"
    r"(?:year|month|week)\b",
    re.IGNORECASE,
)
_NAMED_DAY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|at|into|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)
# A place something is said to be or happen in ("in X", "inside X"), not one it is near, moves
# toward or is measured from ("approaching X", "20 km from X", "near X")
_INSIDE = re.compile(r"\b(?:in|at|inside|into)\s+(?:the\s+)?$", re.IGNORECASE)
_GLUED_ARTICLE = re.compile(r"^The(?=[A-Z][a-z])")
_MODAL = re.compile(r"\b(?:could|would|might|may|let['’]?s|let\s+us)\b", re.IGNORECASE)
# Modal verbs in whose scope a "not" is advice or possibility, not a denial ("should not").
_OBLIGATION = re.compile(
    r"\b(?:could|would|might|may|should|must|will|shall|let['’]?s|let\s+us)\b", re.IGNORECASE
)
# Where the reported content of a sentence starts: a modal after it is the speaker's, not the
# writer's.
_CONTENT_START = re.compile(
    r"\b(?:that|saying|declaring|stating|warning|adding|insisting)\b|[:\"“]", re.IGNORECASE
)
_CONDITION = re.compile(r"^\W*(?:if|unless|should|were)\b", re.IGNORECASE)
_PROSPECT = re.compile(
    r"\b(?:about\s+to|poised\s+to|set\s+to|expected\s+to|likely\s+to|preparing\s+to"
    r"|threatens?\s+to|plans?\s+to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Features:
    """What one sentence (or the clause of one of its figures) says, read once and shared by
    the candidates made from it. Keys are entity keys (see ``keys.EntityKeys``)."""

    text: str  # the sentence's text
    attr: Attribution | None  # its attribution (see ``_attribution``)
    stance: Stance
    negated: bool  # the event is said not to have happened
    disputes: bool  # a denial of what others reported ("reports that ... are false")
    entities: set[str]  # keys of the actors and places named
    broad: set[str]  # keys among ``entities`` that name a whole country
    places: set[str]  # keys of the places named (or pointed back at: "the city")
    event_places: list[tuple[int, int, str | None]]  # (start, end, country) after "in", "at"
    own_places: list[str]  # keys of the places named that are not countries nor parts
    classes: set[str]  # event classes
    sides: set[str]  # armed_opposition | state_forces
    words: set[str]  # stems of the content words outside the mentions
    dates: tuple[EventDate, ...]
    place_spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, key) of its places
    located: frozenset[str] = frozenset()  # keys of the places it puts something in
    # who said it, a pronoun ("she added") read as the source last named before it; "" when
    # the pronoun closes the sentence and so is its own subject ("..., they said"): unnamed
    speaker: str | None = None
    # who acts: the keys of the name nearest before the first event word, in its clause
    # (with the country a capital or a country's name stands for), not the source's
    actor: frozenset[str] = frozenset()
    targets: frozenset[tuple[str, str]] = frozenset()  # (event class, thing it happened to)
    accused: frozenset[str] = frozenset()  # the sides it blames for a deed
    blamed_for: frozenset[str] = frozenset()  # the event classes of that deed
    speakers: frozenset[str] = frozenset()  # keys of the names in its source's words


def article_candidates(article: Article, keys: EntityKeys) -> list[ClaimCandidate]:
    """Return the claim candidates of one article, in text order."""
    ann = article.annotations
    pairs = keys.keys(article)
    out: list[ClaimCandidate] = []
    previous: _Features | None = None
    named: str | None = None  # the source last named in the article
    recent_places: list[list[str]] = []
    flagged = unsupported_spans(article) + _standfirsts(article)
    aside = False  # the sentence before was background or commentary
    for sent in _denials_apart(article, ann.sentences):
        if inside(flagged, sent.start, sent.end):
            continue  # content no other report supports is never a claim nor evidence
        feats = _sentence_features(article, sent, pairs, recent_places, keys)
        recent_places.append(feats.own_places)
        if feats.stance == "denied" and previous is not None and _anaphoric(feats, previous):
            feats = _inherit(feats, previous)
        previous = feats
        said = _source_text(article, feats.attr)
        if said is not None and said.lower() in pronouns():
            if _after_content(sent, feats.attr):
                # "the ministers met on Saturday and agreed ..., they said": the pronoun is the
                # sentence's own subject, not the source named before; no name is given
                feats = replace(feats, speaker="")
            elif named is None:
                continue  # "she also added ...": nobody named before it to say who she is
            else:
                feats = replace(feats, speaker=named)
        elif said is not None:
            named = said
        if not _is_fact_sentence(article, sent, feats):
            continue
        if (
            _commentary(article, feats)
            or _background(article, sent, feats)
            or _description(article, feats)
            or _earlier(article, feats)
            or (aside and _points_back(article, feats))
        ):
            aside = True
            continue
        aside = False
        read = _counted_in_clause(article, sent)
        figures = [
            c for q in read if (c := _figure_candidate(article, sent, q, feats, read)) is not None
        ]
        # A sentence whose figure gave no figure candidate still states it ("about 9,000 of
        # them"): it is kept as a statement.
        # So does a length of time written as a compound ("began a 60-day stay"): no figure to
        # compare, but a fact the sentence states.
        counted = not figures and any(
            _is_figure(article, q) or _compound_duration(article, q)
            for q in ann.quantities
            if sent.start <= q.start < sent.end
        )
        measured = {f.figure.event for f in figures if f.figure is not None}
        # the time of day the sentence says its event began ("struck at 09:42 local time"): a
        # figure of its own beside the sentence's statements
        figures.extend(_clock_candidates(article, sent, feats))
        out.extend(figures)
        stated = _statements(article, sent, feats, measured, counted)
        if not stated and figures:
            stated = _weak_event_clause(article, sent, feats, measured)
        if not stated and not figures and _may_stand_unread(article, feats):
            # A sentence naming no event the lexicon reads ("the signals had been faulty for
            # days", or any sentence of a language with no event words) states a fact the
            # lexicon cannot name. It is kept as a statement with no event class, which aligns
            # by meaning with a report in another language or as a near repeat of another
            # report's sentence (``align``), and stands as a claim only when a report of
            # another origin states it too (``unread_alone``).
            whole = _candidate(article, sent, sent.start, sent.end, "statement", feats)
            stated = [replace(whole, unread=True)]
        out.extend(stated)
    language = _base(article.language)
    return [replace(c, language=language) for c in _corrections(out)]


def _corrections(cands: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """Return ``cands`` with each figure that its sentence gives instead of a higher earlier
    value of the same count marked lowered ("zginęło 31 osób, a nie – jak podawano – 33",
    "31 людини, а не 33"): the count was corrected down."""
    recalled = [c for c in cands if c.figure is not None and c.earlier]
    if not recalled:
        return cands
    out = []
    for c in cands:
        f = c.figure
        if f is not None and not c.earlier and not c.lowered:
            if any(
                e.sentence == c.sentence
                and e.figure is not None
                and (e.figure.event, e.figure.counted) == (f.event, f.counted)
                and e.figure.base > f.base
                for e in recalled
            ):
                c = replace(c, lowered=True, update_cue=True)
        out.append(c)
    return out


# A web address, written whole or spaced out by a tokenizer ("http : / / www . x . com").
_LINK = re.compile(r"https?\s*:\s*/\s*/|\bwww\s*\.\s*\w", re.IGNORECASE)
# Lines outlets close or open their pages with, in English: a sentence holding one states no
# fact of the story however many outlets print it.
_BOILERPLATE = re.compile(
    r"\b(?:all rights reserved|copyright|sign up|subscribe|newsletter|follow us|click here"
    r"|read more|this (?:story|article|report) (?:has been|was|is being) updated"
    r"|(?:additional )?reporting by|editing by|writing by|views expressed|our thoughts are with"
    r"|contributed to this report|photo:|image:|getty images)",
    re.IGNORECASE,
)


# An English denial of what was just told, for a clause set apart from the account it denies:
# an active verb of denying with "it", "this", "the report" ... ("the police deny it"), not
# "was denied bail" nor "denied any involvement".
_ENGLISH_DENIAL = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )\b(?:den(?:y|ies|ied)|rejects?|rejected)"
    r"(?:\s+(?:it|this|that|(?:the|these|those|such)\s+(?:reports?|claims?|accounts?|"
    r"allegations?|accusations?|statements?))\b|\s*[.!]?$)",
    re.IGNORECASE,
)
_SEMICOLONS = ";؛"
# A denial set apart by a semicolon is short: the denier and the verb, pointing back.
_DENIAL_APART_WORDS = 6


def _denials_apart(article: Article, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Return ``sentences`` with a denial a sentence sets after a semicolon apart from the
    account before it ("a witness says police fired at the car; the police deny it",
    "...; полиция это отрицает"): two statements, the second denying the first, as two
    sentences would be."""
    out: list[Sentence] = []
    language = _base(article.language)
    for sent in sentences:
        text = article.text[sent.start : sent.end]
        cut = max(text.rfind(ch) for ch in _SEMICOLONS)
        right = text[cut + 1 :] if cut > 0 else ""
        short = 0 < len(lx.words(right)) <= _DENIAL_APART_WORDS
        if short and len(lx.words(text[:cut])) >= 4 and not _negates(right, language):
            if language in (None, "en"):
                denies = _ENGLISH_DENIAL.search(right.strip()) is not None
            else:
                denies = stance_in(right, language) == "denied"
            if denies:
                lead = len(right) - len(right.lstrip())
                out.append(replace(sent, end=sent.start + cut))
                out.append(replace(sent, start=sent.start + cut + 1 + lead))
                continue
        out.append(sent)
    return out


def _after_semicolon(article: Article, sent: Sentence) -> bool:
    """Return True for a sentence that opens right after a semicolon (``_denials_apart``)."""
    before = article.text[: sent.start].rstrip()
    return bool(before) and before[-1] in _SEMICOLONS


def _before_semicolon(article: Article, sent: Sentence) -> bool:
    """Return True for a sentence that ends right before a semicolon (``_denials_apart``)."""
    after = article.text[sent.end :].lstrip()
    return bool(after) and after[0] in _SEMICOLONS


def _negates(text: str, language: str | None) -> bool:
    """Return True when ``text`` holds a negator of ``language`` ("did not deny", "не
    отрицает", "no lo desmintió": no denial)."""
    words = lx.language_words("detachable").get(f"{language or 'en'}:negators", ())
    low = {w.lower() for w in lx.words(text)}
    return any(w in low or (" " not in w and w.endswith("'") and w in text.lower()) for w in words)


def _may_stand_unread(article: Article, feats: _Features) -> bool:
    """Return True when a sentence naming no event the lexicon reads may be kept as a statement
    with no event class (``unread``): no web address; in English (whose events the lexicon
    reads), no line an outlet frames its pages with ("Sign up for our newsletter", "All rights
    reserved", "Reporting by ...") and a name, a place or a named day it tells of (two
    outlets' "Our thoughts are with the families" is no fact of the story)."""
    if _LINK.search(feats.text):
        return False
    if _base(article.language) not in (None, "en"):
        return True
    if _BOILERPLATE.search(feats.text):
        return False
    named = (feats.entities - feats.broad) or feats.place_spans
    return bool(named) or any(d.exact and not d.since for d in feats.dates)


_STANDFIRST_LINES = 3


def _standfirsts(article: Article) -> tuple[tuple[int, int], ...]:
    """Return the spans of the text a page prints between a heading and the same heading
    printed again ("Title / summary / Title / body", the repeat removed by cleaning): a
    standfirst or kicker, whose lines the body tells again, not the report itself. Only a
    span of three lines of text at most, right after the line the removed repeat repeats
    when that line opens the text and more text follows the repeat, counts."""
    text = article.text
    out = []
    for removed in article.removed:
        if removed.reason != "repeated_headline":
            continue
        repeated = " ".join(article.raw_text[removed.start : removed.end].split())
        cut = _clean_offset(article, removed.start)
        lines: list[tuple[int, int, str]] = []  # the lines before the cut, last first
        end = cut
        while end > 0 and len(lines) <= _STANDFIRST_LINES:
            begin = text.rfind("\n", 0, end - 1) + 1
            line = text[begin:end].strip()
            if line:
                lines.append((begin, begin + len(text[begin:end].rstrip()), line))
            end = begin - 1 if begin > 0 else 0
            if begin == 0:
                break
        if not text[cut:].strip():
            continue  # the title printed again at the end: the lines before it are the report
        for k, (begin, stop, line) in enumerate(lines):
            if k and " ".join(line.split()) == repeated and not text[:begin].strip():
                out.append((stop, cut))
                break
    return tuple(out)


def _clean_offset(article: Article, raw: int) -> int:
    """Return the first offset of the cleaned text at or after raw offset ``raw``."""
    lo, hi = 0, len(article.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if article.offsets.to_raw(mid) < raw:
            lo = mid + 1
        else:
            hi = mid
    return lo


_MONTH_ONLY = re.compile(r"\s*\d{4}-\d{1,2}\s*")


def day_known(article: Article) -> bool:
    """Return False when the article's publication date is known to the month only: its
    metadata gives a month ("2017-05"), which the date reader sets to the month's first day."""
    raw = article.published_raw
    return not (
        article.published.from_ == "metadata" and raw is not None and _MONTH_ONLY.fullmatch(raw)
    )


def _base(language: str | None) -> str | None:
    return language.split("-")[0].lower() if language else None


def unread_alone(
    candidates: Sequence[ClaimCandidate], sources: Sequence[Source] = ()
) -> list[ClaimCandidate]:
    """Return ``candidates`` without the statements that name no event the lexicon reads
    (``ClaimCandidate.unread``) whose group holds no other article, or holds only such
    statements and no report of another origin (``sources``: an article and its copies,
    rewrites and translations are one): what no independent report also states, in words the
    pipeline cannot judge, is left out rather than shown as a claim nobody can check it read
    right (a wire story's background line repeated by its rewrite included), unless it is a
    rumour ("se dice que ...": shown as one). Beside a report the pipeline reads, such a
    statement is evidence in its own words (a translation's)."""
    origin = {a: src.id for src in sources for a in src.articles}
    origins_of: dict[int, set[str]] = {}
    articles_of: dict[int, set[str]] = {}
    read: set[int] = set()
    for c in candidates:
        origins_of.setdefault(c.group, set()).add(origin.get(c.article, c.article))
        articles_of.setdefault(c.group, set()).add(c.article)
        if not c.unread:
            read.add(c.group)

    def stands(c: ClaimCandidate) -> bool:
        if len(origins_of[c.group]) >= 2 or c.stance == "rumoured":
            # a rumour is shown as one, whoever else tells it: a reader checks it first
            return True
        return c.group in read and len(articles_of[c.group]) >= 2

    return [c for c in candidates if not c.unread or stands(c)]


def _is_figure(article: Article, q: Quantity) -> bool:
    """Return True for a quantity that states a figure: not a duration, an age or a vague
    plural ("thousands")."""
    if q.unit in lx.TIME_UNITS or _AGE_BEFORE.search(article.text[max(0, q.start - 8) : q.start]):
        return False
    if _UNIT_OF_TIME_AFTER.match(article.text, q.end):
        return False  # "a 60-day stay", "a 60 - day stay", "a six-month term": a duration
    if _an_hour(article, q) or _clock_part(article, q) or _day_of_weekday(article, q):
        return False
    written = article.text[q.start : q.end]
    words = {w.lower() for w in lx.words(written)}
    if words & _VAGUE_NUMBERS:
        return False
    # "decenas", "decenas de miles", "عشرات": written with vague words alone, in any language,
    # no count to compare ("3 millones" is one)
    vague = lx.vague_numbers(_base(article.language))
    first = lx.words(written)[:1]
    if first and first[0].lower() in _ONE_ARTICLE:
        return True  # "une centaine", "un centenar": about a hundred, a count
    return not (words and words <= vague and not re.search(r"\d", written))


def _day_of_weekday(article: Article, q: Quantity) -> bool:
    """Return True for a day of the month in brackets right after a date ("nesta quarta-feira
    (11)", "Tuesday (10)"): a date, no count."""
    if q.value is None or not 1 <= q.value <= 31 or q.value != int(q.value):
        return False
    text = article.text
    opening = text.rfind("(", max(0, q.start - 3), q.start)
    if opening < 0 or not text[q.end : q.end + 2].lstrip().startswith(")"):
        return False
    return any(0 <= opening - d.end <= 2 for d in article.annotations.dates)


# An indefinite article opening a vague number makes it one estimate ("une centaine": about
# a hundred), not many ("des centaines": hundreds).
_ONE_ARTICLE = frozenset({"un", "une", "una", "uno", "um", "uma", "ein", "eine", "een", "en"})


# Words before an increment that still open its sentence ("Otras 46", "Und weitere 12").
_OPENING_WORDS = 2


def _increment(article: Article, q: Quantity) -> bool:
    """Return True for a count its words make an increment, a number added to a count told
    elsewhere ("six more bodies", "another three", "mais seis corpos", "sechs weitere Tote",
    "seis cuerpos más": ``data/increments.json``): no total of its own (its figure counts
    "more:" what it counts, a fact of its own). Not after a count of something else in its
    sentence ("five died and another 12 were injured", "281 rescataron y otras 27 siguen
    desaparecidas": the others) nor opening a sentence after one that counts something else
    only, nor after a definite article ("les 40 autres passagers": the
    other 40), nor with a word after it that makes it a comparison ("los 5 heridos más
    graves", "daha sonra": later; ``<language>:not_then``)."""
    code = _base(article.language) or "en"
    text = article.text
    sent = next((s for s in article.annotations.sentences if s.start <= q.start < s.end), None)
    if sent is not None and any(
        sent.start <= o.start and o.end <= q.start and o.concept != q.concept
        for o in article.annotations.quantities
    ):
        return False
    if sent is not None and len(lx.words(text[sent.start : q.start])) <= _OPENING_WORDS:
        # opening its sentence right after a sentence that counts something else only, in a
        # text that has counted nothing of its kind before ("23 personas murieron. Otras 46
        # resultaron heridas": the others; not "40 muertos. 120 heridos. Otras seis murieron")
        earlier = [s for s in article.annotations.sentences if s.end <= sent.start]
        counts = (
            [
                o
                for o in article.annotations.quantities
                if earlier[-1].start <= o.start < earlier[-1].end
            ]
            if earlier
            else []
        )
        told = any(
            o.concept == q.concept and o.end <= sent.start for o in article.annotations.quantities
        )
        if counts and all(o.concept != q.concept for o in counts) and not told:
            return False
    definite = lx.language_cues("increments", "definite", code)
    articles = list(definite.finditer(text, max(0, q.start - 30), q.start)) if definite else []
    if articles and len(lx.words(text[articles[-1].end() : q.start])) <= 1:
        return False  # "les 40 autres", "gli altri 40": the other ones
    not_then = lx.language_cues("increments", "not_then", code)

    def then_ok(at: int) -> bool:
        nxt = _SPACES.match(text, at)
        return not_then is None or nxt is None or not not_then.match(text, nxt.end())

    before = lx.language_cues("increments", "before", code)
    if before is not None:
        found = list(before.finditer(text, max(0, q.start - 24), q.start))
        if found and not text[found[-1].end() : q.start].strip():
            return True
    after = lx.language_cues("increments", "after", code)
    spaces = _SPACES.match(text, q.end)
    if after is not None and spaces is not None:
        m = after.match(text, spaces.end())
        if m is not None:
            return then_ok(m.end())
    noun = _ONE_WORD.match(text, q.end)
    after_noun = lx.language_cues("increments", "after_noun", code)
    m = after_noun.match(text, noun.end()) if noun is not None and after_noun is not None else None
    return m is not None and then_ok(m.end())


# The mark an increment's counted thing opens with (``_increment``).
_INCREMENT = "more:"
_SPACES = re.compile(r"\s*")
# A count's noun right after it: one word, then spaces.
_ONE_WORD = re.compile(r"\s+[^\W\d_]+\s+")


def _an_hour(article: Article, q: Quantity) -> bool:
    """Return True for a bare whole number of 0-24 counting nothing, right after a word that
    stands only before an hour of the day in the article's language ("alle 22 di domenica", "a
    las 9 de la mañana": ``data/clock.json``, ``<language>:hour_only``)."""
    if q.counted or q.unit or q.value != int(q.value) or not 0 <= q.value <= 24:
        return False
    return _after_clock_word(article, q, ("hour_only",))


def _after_clock_word(article: Article, q: Quantity, kinds: Sequence[str]) -> bool:
    """Return True when ``q`` stands right after a word of one of the ``kinds`` of
    ``data/clock.json`` in the article's language ("alle", "a las", "at", "vers")."""
    code = _base(article.language) or "en"
    for kind in kinds:
        before = lx.language_cues("clock", kind, code)
        if before is None:
            continue
        found = list(before.finditer(article.text, max(0, q.start - 24), q.start))
        if found and not article.text[found[-1].end() : q.start].strip():
            return True
    return False


# A time of day written with its hour letter ("11 h 20", "5h40", "11h"): the hour before it,
# the minutes after it.
_HOUR_LETTER_AFTER = re.compile(r"[\s\u00a0]?[hH][\s\u00a0]?(?:[0-5]\d)?(?![^\W\d_])")
_HOUR_LETTER_BEFORE = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[\s\u00a0]?[hH][\s\u00a0]?$")
# A time of day written with a point ("le 11.20", "gegen 11.20"): two digits of minutes.
_DOTTED_TIME = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")


def _clock_part(article: Article, q: Quantity) -> bool:
    """Return True for a number that is a time of day or a part of one: an hour before its
    hour letter and minutes ("vers 11 h 20", "à 5h40": 11 and 20 are no counts), the minutes
    after one, or an hour written with a point after a word that stands only before an hour
    ("poco dopo le 11.20", "hacia las 11.20": no count of 11.2)."""
    text = article.text
    if (q.counted and q.counted.lower() != "h") or q.unit not in (None, "h", "hour"):
        return False
    if q.value == int(q.value) and 0 <= q.value <= 24 and _HOUR_LETTER_AFTER.match(text, q.end):
        return True
    if (
        q.value == int(q.value)
        and 0 <= q.value < 60
        and _HOUR_LETTER_BEFORE.search(text, max(0, q.start - 6), q.start)
    ):
        return True
    # "at 11.20", "vers 11.20", "około 11.20": a time of day
    return bool(_DOTTED_TIME.fullmatch(text[q.start : q.end])) and _after_clock_word(
        article, q, ("hour_only", "at", "approx", "after", "before")
    )


def _compound_duration(article: Article, q: Quantity) -> bool:
    """Return True for a length of time written as a compound: "a 60-day stay", "a 60 - day
    stay" (whether or not the quantity reader took the unit); not an age ("a 34-year-old")."""
    after = _UNIT_OF_TIME_AFTER.match(article.text, q.end)
    end = after.end() if after else q.end
    if _OLD_AFTER.match(article.text, end) or _OLD_AFTER.search(article.text[q.start : q.end]):
        return False
    if after:
        return True
    return q.unit in lx.TIME_UNITS and bool(
        re.search(r"\d\s*[-‐–]\s*\w", article.text[q.start : q.end])
    )


def _statements(
    article: Article, sent: Sentence, feats: _Features, measured: set[str | None], counted: bool
) -> list[ClaimCandidate]:
    """Return the statement candidates of a sentence: one per event class it names (a
    sentence can report two events: "the offensive began on 27 November and took the city"),
    none for a class one of its figures already measures; one for a sentence that names no
    event but a day or a figure."""
    strong = sorted(
        c
        for c in feats.classes - lx.WEAK_CLASSES
        if lx.FIGURE_EVENT_FAMILY.get(c, c) not in measured
    )
    weak = feats.classes & lx.WEAK_CLASSES
    out = []
    for cls in strong:
        one = replace(feats, classes={cls} | weak)
        out.append(_candidate(article, sent, sent.start, sent.end, "statement", one))
    if (
        not strong
        and not feats.classes - lx.WEAK_CLASSES
        and (counted or any(d.exact and not d.since for d in feats.dates))
    ):
        out.append(_candidate(article, sent, sent.start, sent.end, "statement", feats))
    if not out and any(map(lx.named_party, feats.accused)):
        # an accusation of a party by its name, whatever the deed ("the union accused the
        # airline of postponing the overhaul"): a statement its denials dispute
        out.append(_candidate(article, sent, sent.start, sent.end, "statement", feats))
    return out


def _weak_event_clause(
    article: Article, sent: Sentence, feats: _Features, measured: set[str | None]
) -> list[ClaimCandidate]:
    """Return the statement of the attack, quake, fire ... (a weak class) that a sentence
    whose figure measures its other event tells in a clause of its own, with its day and a
    place that is not a whole country ("Missiles struck the station in X on Monday, killing
    12": the figure is the toll, the clause the strike other reports tell without it); none
    when that clause holds a figure too (its text would assert the figure) or names no day
    or place of its own."""
    weak = feats.classes & lx.WEAK_CLASSES
    if not weak or not measured & (feats.classes - lx.WEAK_CLASSES):
        return []
    text = feats.text
    language = _base(article.language)
    split = _WEAK if language in (None, "en") else _weak(language)
    at = next((a for a, cls in lx.class_positions(text, language) if cls in weak), None)
    if at is None:
        return []
    lo, hi = _clauses(text, at, split)[0]
    start, end = _trim(article.text, sent.start + lo, sent.start + hi)
    if any(start <= q.start < end for q in article.annotations.quantities):
        return []
    dates = tuple(d for d in feats.dates if start <= d.start < end and d.exact and not d.since)
    places = [k for s0, e0, k in feats.place_spans if start <= s0 and e0 <= end]
    if not dates or not set(places) - feats.broad:
        return []
    one = replace(feats, classes=set(weak), dates=dates)
    return [_candidate(article, sent, start, end, "statement", one)]


def _sentence_features(
    article: Article,
    sent: Sentence,
    pairs: Sequence[tuple[EntityMention, str]],
    recent_places: list[list[str]],
    keys: EntityKeys,
) -> _Features:
    """Return the features of one sentence: attribution, stance, entities, places, classes,
    sides, words, dates."""
    text = article.text[sent.start : sent.end]
    attr = _attribution(article.annotations.attributions, sent)
    stance: Stance = attr.stance if attr is not None else "asserted"
    language = _base(article.language)
    # a denial a semicolon set apart from the account it denies (``_denials_apart``), and the
    # account, whose sentence's attribution read the denial after it
    apart = _after_semicolon(article, sent)
    if stance == "denied" and _before_semicolon(article, sent):
        stance = "reported"
    if attr is None and language not in (None, "en"):
        if opens_with_rumour(text, language):
            stance = "rumoured"  # "se dice que ...", "говорят, что ...": nobody signs it
        elif apart and stance_in(text, language) == "denied":
            stance = "denied"  # "полиция это отрицает" after the account it denies
    elif attr is None and apart and _ENGLISH_DENIAL.search(text):
        stance = "denied"  # "...; the police denied it"
    inside = [(m, k) for m, k in pairs if m.start >= sent.start and m.end <= sent.end]
    entities = {k for _, k in inside}
    country_spans = {(m.start, m.end) for m, k in inside if k.startswith("n:country:")}
    broad = {k for m, k in inside if (m.start, m.end) in country_spans}
    stands: dict[tuple[int, int], str] = {}  # mention span -> the country it stands for
    for m, k in inside:
        if m.label == "PERSON" or k.startswith("n:country:"):
            continue
        # "TheNorway": an article glued to the name, as badly extracted pages write it
        written = _GLUED_ARTICLE.sub("", article.text[m.start : m.end])
        named = country_code(written)
        if named is not None:  # a country its resolved entity stands for: broad, and that country
            broad |= {k, f"n:country:{named}"}
            entities.add(f"n:country:{named}")
            stands[(m.start, m.end)] = f"n:country:{named}"
        elif (
            m.label in PLACE_LABELS
            and not lx.place_prepositions(_base(article.language)).search(
                article.text[max(0, m.start - 16) : m.start]
            )
            and (governs := capital_country(written)) is not None
        ):
            # "Oslo has begun to pull out its staff": the capital stands for its government
            # (not "40 dead in Lyon", "the road to Lisbon": a place there)
            broad.add(f"n:country:{governs}")
            entities.add(f"n:country:{governs}")
            stands[(m.start, m.end)] = f"n:country:{governs}"
    own_places = [
        k
        for m, k in inside
        if m.label in PLACE_LABELS
        and country_code(article.text[m.start : m.end]) is None
        # a part of a building ("the dome") is no town "the city" points back at
        and not (m.label == "FAC" and kind_of_part(article.text[m.start : m.end]))
    ]
    places = {k for m, k in inside if m.label in PLACE_LABELS}
    event_places = [
        (m.start, m.end, keys.country(article, m, k))
        for m, k in inside
        if m.label in PLACE_LABELS
        and _LOCATIVE.search(article.text[max(0, m.start - 12) : m.start])
    ]
    located = {
        k
        for m, k in inside
        if m.label in PLACE_LABELS and _INSIDE.search(article.text[max(0, m.start - 12) : m.start])
    }
    anaphor = lx.PLACE_ANAPHORS.search(text)
    if anaphor and not own_places and anaphor.group().lower().endswith("capital"):
        # "the capital": the capital of the country the article is about, when it names it
        capital = keys.capital(article, pairs)
        if capital is not None:
            places.add(capital)
            entities.add(capital)
    elif anaphor and not own_places:
        for earlier in reversed(recent_places[-3:]):
            if earlier:
                places.add(earlier[0])
                entities.add(earlier[0])
                break
    # Event words inside a name are not events ("Summit Entertainment", "Strike Force Alpha")
    masked = list(text)
    parts = _parts(article, sent, inside)
    # the names in it: not a date or a number, nor a part named by its noun ("the dome")
    name_spans = [
        (m.start - sent.start, m.end - sent.start, m.label)
        for m, _ in inside
        if m.label not in ("DATE", "TIME", "CARDINAL", "QUANTITY")
        and m.start - sent.start not in {s for s, _, _ in parts}
    ]
    for s, e, _ in name_spans:
        for i in range(s, e):
            masked[i] = " "
    # nor what someone could, wants or tries to do ("capable of regaining control")
    irrealis = lx.language_cues("irrealis", None, _base(article.language) or "en")
    if irrealis is not None:
        for found in irrealis.finditer(text):
            after = re.match(r"(?:\W+\w+){1,2}", text[found.end() :])
            if after is not None:
                for i in range(found.end(), found.end() + after.end()):
                    masked[i] = " "
    unnamed = "".join(masked)
    classes = lx.event_classes(unnamed, language)
    # the things it names outside names ("Hotel Valdoria" is no hotel of the event), not the
    # kind of a name beside it that is no town's ("the Keresk bridge" is a bridge), and the
    # parts of a building named by their noun; what each event word happened to
    kinds_of = [(s, e) for s, e, label in name_spans if label != "GPE"]
    in_text = lx.thing_spans(unnamed, language)
    spans = sorted({*(t for t in in_text if not _kind_of(t, kinds_of, text, language)), *parts})
    targets = lx.event_targets(lx.class_positions(unnamed, language), spans, text, language)
    negated = stance == "denied"
    for cls, opposite in lx.OPPOSITE_CLASSES.items():
        if cls in classes:
            classes.discard(cls)
            classes.add(opposite)
            negated = True
    if (
        attr is not None
        and attr.cue in ("told", "tells")
        and attr.channel
        and (attr.channel[:1].isupper() and not classes - lx.WEAK_CLASSES)
    ):
        classes.add("interview")  # "X told CNN that ...": X gave CNN an interview
    if "interview" not in classes:
        # the outlet a statement was told to ("sources told the Evening Ledger") is no actor of
        # what it tells; in "X told a radio station that ..." alone it is (an interview)
        told = _channel_keys(article, sent, attr, inside)
        entities -= told
        broad -= told
    if not _OBLIGATION.search(text) and lx.negated_event(text, _base(article.language)):
        negated = True
    if (
        stance == "denied"
        and not classes & lx.ARMED_DEEDS
        and lx.denies_involvement(text, language)
    ):
        said = _source_text(article, attr)
        if said and lx.speaker_parties(said, language):
            # an armed side or a government denying any part in it ("the rebels denied any
            # involvement"): a denial of the deed of armed violence it is blamed for
            classes = classes | {"attack"}
    if "responsibility" in classes and lx.blame_at(text, _base(article.language)) is not None:
        # "the governor placed the responsibility for the attack on X" ("возложил
        # ответственность за теракт на"): an accusation, no claim of responsibility
        classes = classes - {"responsibility"}
    mention_spans = [(m.start - sent.start, m.end - sent.start) for m, _ in inside]
    actor = _actor(text, sent.start, inside, stands, attr, classes, _base(article.language))
    accused, deeds = lx.blame(text, _base(article.language))
    if not accused and stance == "reported":
        # a source saying who did it ("X said the market was hit by an army airstrike")
        # blames that side as a word of blaming would
        accused, deeds = lx.doer(text, _base(article.language))
    speakers = _speaker_keys(article.text, attr, inside)
    if not accused and stance != "denied":
        accused, deeds = _accused_by_name(text, sent, inside, classes, speakers, language)
    return _Features(
        text=text,
        attr=attr,
        stance=stance,
        negated=negated,
        disputes=stance == "denied" and bool(lx.REPORTED_OBJECT.search(text)),
        entities=entities,
        broad=broad,
        places=places,
        event_places=event_places,
        located=frozenset(located),
        own_places=own_places,
        classes=classes,
        sides=lx.actor_sides(text, _base(article.language)),
        words=_content_words(text, mention_spans),
        dates=_dates(article, sent.start, sent.end),
        place_spans=tuple((m.start, m.end, k) for m, k in inside if m.label in PLACE_LABELS),
        actor=actor,
        targets=targets,
        accused=accused,
        blamed_for=deeds,
        speakers=speakers,
    )


def _speaker_keys(
    text: str, attr: Attribution | None, inside: Sequence[tuple[EntityMention, str]]
) -> frozenset[str]:
    """Return the keys of the names in a sentence's source's words, and of a name standing
    right after them behind a comma ("L'amministratore delegato di Nordavia, Marten Holm,
    ha respinto ..."): whose word it is. No place nor building."""
    if attr is None:
        return frozenset()
    end = attr.source_end
    after = re.match(r",\s*", text[end : end + 3])
    if after is not None:
        apposed = [m for m, _ in inside if m.start == end + after.end()]
        end = max([end, *(m.end for m in apposed)])
    return frozenset(
        k
        for m, k in inside
        if attr.source_start <= m.start and m.end <= end and m.label not in ("LOC", "FAC")
    )


def _accused_by_name(
    text: str,
    sent: Sentence,
    inside: Sequence[tuple[EntityMention, str]],
    classes: set[str] | frozenset[str],
    speakers: frozenset[str],
    language: str | None,
) -> tuple[frozenset[str], frozenset[str]]:
    """Return the party a word of blaming names by its name (no armed side, no government):
    the first name (no place nor building, not the source's) at most ``_ACCUSED_REACH``
    characters after the word's start, as ``lx.NAMED_PARTY`` + its key ("the pilots' union
    accuses Aerovesk of postponing the overhaul", "accusa Aerovesk di aver rinviato"), and the
    sentence's event classes as its deed (``lx.ANY_DEED`` when it names none). Its denial is
    that party's word (``align._blame_pairs``). Empty when it names none."""
    at = lx.blame_at(text, language)
    if at is None:
        return frozenset(), frozenset()
    for m, k in sorted(inside, key=lambda mk: mk[0].start):
        rel = m.start - sent.start
        if rel < at or rel - at > _ACCUSED_REACH:
            continue
        if m.label in ("LOC", "FAC") or k in speakers or k.startswith("n:country:"):
            continue  # (a GPE may be a name a model misreads, or a state that acts)
        deeds = frozenset(classes - lx.WEAK_CLASSES) or frozenset({lx.ANY_DEED})
        return frozenset({lx.NAMED_PARTY + k}), deeds
    return frozenset(), frozenset()


# How far after the start of a word of blaming the party it names by name may stand ("accused
# Nordavia", "beschuldigt Aerovesk", "ha accusato la compagnia Nordavia").
_ACCUSED_REACH = 30


def _another_before(text: str, at: int, language: str | None) -> bool:
    """Return True when a word of another event than the story's own (an aftershock, a second
    one: ``<language>:other`` in ``data/clock.json``) stands in the sentence before offset
    ``at``."""
    other = lx.language_cues("clock", "other", language or "en")
    return other is not None and other.search(text, 0, at) is not None


def _kind_of(
    thing: tuple[int, int, str],
    named: Sequence[tuple[int, int]],
    text: str,
    language: str | None,
) -> bool:
    """Return True for a thing noun that says what a name next to it is ("the Valdoria
    Bridge", "la catedral de X", "Hotel X"; the name right after it, or behind a tie word of
    the language, ``lexicon.ties_between``, or right before it): the name's kind, no thing of
    the event. "The hospital in X" is a hospital."""
    s, e, _ = thing
    for ns, ne in named:
        if 0 <= ns - e <= 12 and lx.ties_between(text[e:ns], language):
            return True
        if 0 <= s - ne <= 2 and not text[ne:s].strip():
            return True
    return False


def _parts(
    article: Article, sent: Sentence, inside: Sequence[tuple[EntityMention, str]]
) -> list[tuple[int, int, str]]:
    """Return (start, end, thing key) in the sentence of the parts of a building it names as
    mentions (the resolver's: "the dome", "la coupole", "il campanile" of a building the
    article names)."""
    out = []
    for m, _ in inside:
        kind = kind_of_part(article.text[m.start : m.end]) if m.label == "FAC" else None
        if kind:
            out.append((m.start - sent.start, m.end - sent.start, kind))
    return out


# An auxiliary of the passive right before an event word ("was captured", "had been taken").
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+)?$", re.I)
# An event word in -ing after the auxiliary: progressive ("was withdrawing"), not passive.
_PROGRESSIVE = re.compile(r"\w+ing\b", re.I)
# What ends the clause of a sentence's subject, read backwards from its event word.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”«»—–]|\s-\s")


def _actor(
    text: str,
    offset: int,
    inside: Sequence[tuple[EntityMention, str]],
    stands: Mapping[tuple[int, int], str],
    attr: Attribution | None,
    classes: set[str],
    language: str | None,
) -> frozenset[str]:
    """Return the keys of who acts in an English sentence (``text``, starting at
    ``offset``): the name nearest before its first strong event word and in the same clause
    ("Another supporter of the talks, Oslo has begun to pull out its staff ..."), with the
    country a capital or a country's name stands for; not a name of the source's words ("X
    said that ..."). Empty when no name stands there, when the event word is passive ("X was
    captured by Y") and in other languages (the name before the verb is not its subject)."""
    if not classes - lx.WEAK_CLASSES or language not in (None, "en"):
        # the name before the event word is its subject in English; in a verb-final or
        # verb-second language it is as often the object ("Russland hat X erobert")
        return frozenset()
    first = next(
        (at for at, cls in lx.class_positions(text, language) if cls not in lx.WEAK_CLASSES),
        None,
    )
    if first is None or (
        _PASSIVE.search(text[max(0, first - 24) : first]) and not _PROGRESSIVE.match(text, first)
    ):
        return frozenset()  # "X was captured by Y": the name before it is what was done to
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, first)]
    lo = breaks[-1] if breaks else 0
    best: tuple[EntityMention, str] | None = None
    for m, k in inside:
        rel_start, rel_end = m.start - offset, m.end - offset
        if not (lo <= rel_start and rel_end <= first):
            continue
        if attr is not None and attr.source_start <= m.start < attr.source_end:
            continue
        if best is None or m.start > best[0].start:
            best = (m, k)
    if best is None:
        return frozenset()
    m, k = best
    stood = stands.get((m.start, m.end))
    return frozenset({k, stood} if stood else {k})


def _channel_keys(
    article: Article,
    sent: Sentence,
    attr: Attribution | None,
    inside: Sequence[tuple[EntityMention, str]],
) -> set[str]:
    """Return the keys of the mentions that name the outlet the sentence was told to ("told
    the Evening Ledger": ``Attribution.channel``) and nothing else the sentence names."""
    if attr is None or not attr.channel:
        return set()
    at = article.text.find(attr.channel, max(sent.start, attr.source_end), sent.end)
    if at < 0:
        return set()
    end = at + len(attr.channel)
    there = {k for m, k in inside if m.start < end and at < m.end}
    return there - {k for m, k in inside if not (m.start < end and at < m.end)}


def _attribution(attributions: Iterable[Attribution], sent: Sentence) -> Attribution | None:
    """Return the sentence's attribution that names a source, else its first one, else None."""
    found = [a for a in attributions if a.start == sent.start]
    named = [a for a in found if a.source_end > a.source_start]
    chosen = named or found
    return chosen[0] if chosen else None


def _after_content(sent: Sentence, attr: Attribution | None) -> bool:
    """Return True when the source closes the sentence, after what it says ("..., they
    said."): it stands in the last fifth of the sentence."""
    if attr is None:
        return False
    return attr.source_start - sent.start > 0.8 * (sent.end - sent.start)


def _anaphoric(feats: _Features, previous: _Features) -> bool:
    """Return True for a denial that points back at the sentence before it (``previous``): it
    says so ("denied it", ``lexicon.ANAPHORIC_DENIAL``), names no event, or names only one as
    common as an attack ("denied carrying out the attack") after a sentence that tells that
    event or its toll ("a strike hit the market, killing 14"), unless it names a thing hit that
    the sentence before does not ("denied shelling the hospital"); not after one telling
    another act ("the UN called for an inquiry into the attack": the denial is not of the
    call)."""
    if lx.ANAPHORIC_DENIAL.search(feats.text):
        return True
    if not feats.classes:
        return not _says_what_it_denies(feats)
    if feats.classes - lx.WEAK_CLASSES:
        return False
    hit = {thing for _, thing in feats.targets}
    if hit and not hit & {thing for _, thing in previous.targets}:
        return False  # it names what it denies was hit ("denied shelling the hospital")
    return not (previous.classes - lx.WEAK_CLASSES - lx.TALLY_EVENTS)


# Words after a denial's verb, up to the end of its clause, from which it says what it denies
# ("a démenti les informations selon lesquelles l'avion avait une panne"), not "denied it".
_DENIED_OBJECT_WORDS = 5


def _says_what_it_denies(feats: _Features) -> bool:
    """Return True when a denial naming no event says what it denies in words of its own after
    its verb ("Tartu Air a démenti les informations selon lesquelles l'avion présentait une
    panne de moteur"): it denies that, not the sentence before it."""
    cue = feats.attr.cue if feats.attr is not None else None
    if not cue:
        return False
    at = feats.text.lower().find(cue.lower())
    if at < 0:
        return False
    clause = re.split(r"[,;:]", feats.text[at + len(cue) :], maxsplit=1)[0]
    return len(re.findall(r"\w+", clause)) >= _DENIED_OBJECT_WORDS


def _inherit(feats: _Features, previous: _Features) -> _Features:
    """Return a back-pointing denial with the content of the sentence it denies."""
    return replace(
        feats,
        entities=feats.entities | previous.entities,
        broad=feats.broad | previous.broad,
        places=feats.places | previous.places,
        classes=feats.classes | previous.classes,
        sides=feats.sides | previous.sides,
        words=feats.words | previous.words,
        targets=feats.targets | previous.targets,
        negated=True,
        disputes=True,
    )


def _is_fact_sentence(article: Article, sent: Sentence, feats: _Features) -> bool:
    """Return True when the sentence can state a fact (see the module docstring)."""
    text = feats.text.strip()
    if article.title and (text == article.title.strip() or _in_title_line(article, sent)):
        return False
    # the two parts of a sentence whose denial a semicolon sets apart (``_denials_apart``):
    # the account ends at the semicolon, the denial may be short ("полиция это отрицает")
    account = _before_semicolon(article, sent)
    denial = feats.stance == "denied" and _after_semicolon(article, sent)
    if not _TERMINAL.search(text) and not account:
        return False
    if len(lx.words(text)) < _MIN_WORDS and not _states_property(article, sent) and not denial:
        return False
    if _HEADLINE_QUOTE.search(text) and len(lx.words(text)) <= _HEADLINE_WORDS:
        return False  # 'Minister: "Citizens abroad are safe"': a heading closing on a quote
    if lx.QUESTION.search(text):
        return False
    if _CONDITION.search(text) or _PROSPECT.search(text):
        return False
    # A possibility stated by the writer is not a report; one stated by a source is, and so
    # is a statement whose reported content holds the modal ("warned that any use would").
    main = _CONTENT_START.split(text, maxsplit=1)[0]
    return not (_MODAL.search(main) and feats.attr is None and feats.stance == "asserted")


def _in_title_line(article: Article, sent: Sentence) -> bool:
    """Return True when ``sent`` lies in a line of the text that is the article's title
    printed again (its quotes and spaces aside): a headline holding a full stop is split in
    two sentences ("X, arrestato il comandante. Le vittime salgono a 11"), neither the title."""
    text = article.text
    start = text.rfind("\n", 0, sent.start) + 1
    end = text.find("\n", sent.start)
    end = len(text) if end < 0 else end
    if sent.end > end + 1 or not article.title:
        return False
    return _heading_key(text[start:end]) == _heading_key(article.title)


def _heading_key(line: str) -> str:
    return " ".join(_QUOTES.sub('"', line).split()).strip().lower()


_QUOTES = re.compile(r"[«»“”„‟\"'’‘]")


def _states_property(article: Article, sent: Sentence) -> bool:
    """Return True for a short sentence of two words or more that gives a property of a
    thing ("It measured 36 metres."; ``lexicon.PROPERTY_CONCEPTS``), or of three words or
    more that gives a tally ("Nine dead in X.", "Dodici feriti a Y."; a concept of
    ``lexicon.CONCEPT_EVENTS``): a fact however short."""
    n = len(lx.words(article.text[sent.start : sent.end]))
    return n >= 2 and any(
        q.concept in lx.PROPERTY_CONCEPTS or (n >= _TALLY_WORDS and q.concept in lx.CONCEPT_EVENTS)
        for q in article.annotations.quantities
        if sent.start <= q.start < sent.end
    )


# The fewest words of a sentence that states a tally and nothing else ("Nine dead in X.").
_TALLY_WORDS = 3


def _commentary(article: Article, feats: _Features) -> bool:
    """Return True for analysis or opinion: commentators saying what they think
    ("analysts believe ...", "according to an analyst"; ``lexicon.opinion_cues``), or a
    writer's judgement opening the sentence ("The main lesson of ... is"). A writer's
    "seems" stays: it hedges a fact as often as it judges ("the fire seems to have started
    near the scaffolding")."""
    language = _base(article.language) or "en"
    cues = lx.opinion_cues(language)
    if cues is not None and cues.search(feats.text) is not None:
        return True
    # the article signposting itself ("here is what we know", "voici ce qu'il faut savoir"):
    # the sentence announces facts, it states none
    meta = lx.language_cues("opinion", "meta", language)
    if meta is not None and meta.search(feats.text) is not None:
        return True
    # a writer's judgement opening the sentence ("The main lesson of ... is", "Resta da
    # vedere"): the sentence judges, whatever facts it names on the way
    if _opens_with(lx.language_cues("opinion", "judgement", language), feats.text):
        return True
    # an exhortation ("Let's not get involved"), unless it introduces a statement after a colon
    # ("Let's be clear: 12 people died")
    exhorts = _opens_with(lx.language_cues("opinion", "exhortation", language), feats.text)
    return exhorts and ":" not in feats.text


def _opens_with(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Return True when ``pattern`` matches where ``text`` opens, after quotation marks."""
    return pattern is not None and pattern.match(text.lstrip(" \"'“‘«")) is not None


def _earlier(article: Article, feats: _Features) -> bool:
    """Return True when the sentence places what it tells before the story's events ("last
    month", "in recent months"; ``data/background.json``) and names no day outright."""
    cues = lx.language_cues("background", "earlier", _base(article.language) or "en")
    if cues is None:
        return False
    # "31, not 33 as reported earlier": the word dates a value the sentence corrects, the
    # sentence's own figure is news
    if not any(not _VALUE_NEXT.match(feats.text, m.end()) for m in cues.finditer(feats.text)):
        return False
    return not any(d.exact and not d.since for d in feats.dates)


def _description(article: Article, feats: _Features) -> bool:
    """Return True for a description of how a place or thing is ("Located 160 km from the
    capital, the city is a hub", "the province hosts a refinery"): a describing verb of
    ``data/background.json`` and no event word, figure or not."""
    verbs = lx.language_cues("background", "describe", _base(article.language) or "en")
    if verbs is None or verbs.search(feats.text) is None:
        return False
    return not (feats.classes - lx.WEAK_CLASSES)


def _points_back(article: Article, feats: _Features) -> bool:
    """Return True when the sentence opens by pointing back at the one before it ("It left
    ...", "During that siege ..."; ``data/background.json``)."""
    opener = lx.language_cues("background", "anaphora", _base(article.language) or "en")
    return _opens_with(opener, feats.text)


# A sentence all of whose dates lie this long before its article was published tells the
# story's background ("the war began in 2011"), not its news.
_BACKGROUND_DAYS = 365
# The clauses an old date can stand in while the sentence tells news: a comma clause ("talks,
# in a format created in 2017, resumed") or a coordinated one; not a clause tied to the date
# by time ("broke out in 2014 when rebels seized the town" tells what happened then).
_DESCRIPTIVE = re.compile(r"\s(?:and|but|while)\s|,\s")


def _background(article: Article, sent: Sentence, feats: _Features) -> bool:
    """Return True when every date the sentence names ends more than ``_BACKGROUND_DAYS``
    before the article's publication day and every event word of the sentence lies in the
    clause of one of them, a date opening the sentence in a clause of its own being the
    whole sentence's (a sentence naming no date is not judged so)."""
    limit = _background_limit(article) if feats.dates else None
    if limit is None or not all(_last_day(d) < limit for d in feats.dates):
        return False
    # The old date may only describe something the sentence names in passing ("talks in the
    # format created in 2017"): the sentence is background when each of its event words lies
    # in the narrow clause of one of its old dates.
    language = _base(article.language)
    weak = _background_weak(language)
    told = [
        at for at, cls in lx.class_positions(feats.text, language) if cls not in lx.WEAK_CLASSES
    ]
    spans = []
    for d in feats.dates:
        lo, hi = _clauses(feats.text, d.start - sent.start, weak)[0]
        rest = feats.text[lo : d.start - sent.start] + " " + feats.text[d.end - sent.start : hi]
        if (
            not d.since
            and not feats.text[:lo].strip()
            and _preface(rest, language)
            and not any(lo <= at < hi for at in told)
        ):
            # a date the sentence opens with, in a clause of its own and behind one word at
            # most ("In March 2024, a strike on a bus station killed 31"): it dates all the
            # sentence tells; not "Since March 2029, ..." (until now) nor "Unlike in 2029, ..."
            lo, hi = 0, len(feats.text)
        elif _opens_main_clause(feats.text, d.start - sent.start, d.end - sent.start, d.since):
            lo, hi = 0, _date_reach(feats.text, d.start - sent.start, weak)
        spans.append((lo, _tied_after(feats.text, hi, language, weak)))
    return all(any(lo <= at < hi for lo, hi in spans) for at in told)


def _background_limit(article: Article) -> date | None:
    """Return the day before which a date tells the article's background (``_BACKGROUND_DAYS``
    before its publication day), None when its publication day is unknown."""
    published = article.published.date
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]) - timedelta(days=_BACKGROUND_DAYS)
    except ValueError:
        return None


def _background_weak(language: str | None) -> re.Pattern[str]:
    """Return the narrow clause boundaries an old date's clause is read within: English's
    descriptive ones, or the language's (``_weak``)."""
    return _DESCRIPTIVE if language in (None, "en") else _weak(language)


def _old_clause(article: Article, sent: Sentence, feats: _Features, pos: int) -> bool:
    """Return True when the figure at ``pos`` (offset in the sentence) stands in what a date
    more than ``_BACKGROUND_DAYS`` before the article's publication opens, straight into its
    words, at the head of a clause (``_opens_main_clause``, ``_date_reach``: "It is the
    airline's second crash: in 2021 a jet overran the runway, killing nine"; not "In 2005 it
    lost $1.6 billion and recently reported a loss of $254 million"): what it counts happened
    then, background, whatever the clause before the date tells."""
    limit = _background_limit(article)
    if limit is None:
        return False
    weak = _background_weak(_base(article.language))
    for d in feats.dates:
        start, end = d.start - sent.start, d.end - sent.start
        if start > pos or _last_day(d) >= limit:
            continue
        lo, hi = _clauses(feats.text, start, weak)[1]
        if not lo <= pos < hi:
            continue
        if _opens_main_clause(feats.text[lo:hi], start - lo, end - lo, d.since):
            if pos < _date_reach(feats.text, start, weak):
                return True
    return False


def _date_reach(text: str, start: int, weak: re.Pattern[str]) -> int:
    """Return where what the date at ``start`` opens ends: its narrow clause and those that
    follow it joined by a bare comma ("..., killing nine", "..., тогда погибли девять"), not
    by a word ("... and recently ..."), within its wide clause."""
    (lo, hi), (_, wide_hi) = _clauses(text, start, weak)
    while hi < wide_hi:
        m = weak.match(text, hi)
        if m is None or re.search(r"\w", m.group()):
            break
        nxt = m.end()
        hi = max(nxt, _clauses(text, nxt, weak)[0][1])
    return hi


def _preface(words: str, language: str | None) -> bool:
    """Return True when ``words`` (what stands beside an opening date in its clause) are one
    word at most, or the words that make a bare year a date ("L'any 2021, ...", "Im Jahr
    2021, ...": ``annotate.dates.year_words``)."""
    if len(re.findall(r"\w+", words)) <= 1:
        return True
    from ..annotate.dates import year_words

    said = " ".join(words.casefold().replace("\u2019", "'").split())
    return said in year_words(language)


def _opens_main_clause(text: str, start: int, end: int, since: bool) -> bool:
    """Return True when the date at ``[start, end)`` opens ``text`` (a sentence) behind one
    word at most and runs straight into its clause, no comma between ("In 2021 one of its
    jets overran the runway, killing nine"): it dates that whole clause. Not "Since 2021 ..."
    (until now) nor "Unlike 2021, ..." (a comma after it: ``_background``'s own case)."""
    opening = text[:start]
    if since or len(re.findall(r"\w+", opening)) > 1 or re.search(r"[,;:()\"«“]", opening):
        return False
    after = text[end:]
    return bool(after.strip()) and not re.match(r"\s*[,;:.()]", after)


def _tied_after(text: str, hi: int, language: str | None, weak: re.Pattern[str]) -> int:
    """Return where what an old date's clause (ending at ``hi``) tells ends: past the clause
    after it when that one is tied to it by time ("hit in August 2027, when shelling killed
    14", "nell'agosto del 2027, quando un bombardamento ...": ``<language>:when`` in
    ``data/background.json``) or explains it after a colon ("visé en août 2027 : un
    bombardement y avait fait 14 morts"): what it tells happened then. ``hi`` otherwise."""
    rest = text[hi:]
    gap = re.match(r"\s*[,،;]?\s*", rest)  # "... 24 dagen; toen werden ruim 400 ..."
    after = hi + (gap.end() if gap else 0)
    if re.match(r"\s*:\s", rest):
        after = hi + rest.index(":") + 1
    else:
        tie = lx.language_cues("background", "when", language or "en")
        m = tie.match(text, after) if tie is not None else None
        if m is None:
            return hi
        after = m.end()
    while after < len(text) and text[after].isspace():
        after += 1
    if after >= len(text):
        return hi
    return max(hi, _clauses(text, after, weak)[1][1])


def _last_day(d: EventDate) -> date:
    """Return the last day a date of any precision covers ("2011" -> 31 December 2011)."""
    parts = [int(x) for x in d.value.split("-")[:3] if x.isdigit()]
    if not parts:
        return date.max
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(*parts)


def _content_words(text: str, skip: Sequence[tuple[int, int]]) -> set[str]:
    """Return the stems of the content words of ``text`` outside the ``skip`` spans."""
    return lx.content_stems(text, skip)


def _dates(article: Article, start: int, end: int) -> tuple[EventDate, ...]:
    """Return the dates placed on the calendar inside ``[start, end)``."""
    out = []
    for d in article.annotations.dates:
        if start <= d.start < end and d.kind == "date" and d.value and d.precision:
            out.append(_event_date(article.text, d, _base(article.language)))
    return tuple(out)


def _event_date(text: str, d: DateMention, language: str | None = None) -> EventDate:
    written = text[d.start : d.end]
    before = text[max(0, d.start - 20) : d.start]
    named = _CALENDAR_FRAME.sub(" ", written)
    if not _NAMED_DAY.search(named):
        named = written  # "this week", "a year ago": no day named besides the frame
    exact = d.precision == "day" and not _INEXACT_DATE.search(named)
    return EventDate(
        value=d.value or "",
        precision=d.precision or "year",
        start=d.start,
        end=d.end,
        exact=exact,
        since=_since(before, language),
    )


def _since(before: str, language: str | None) -> bool:
    """Return True when ``before`` (the text right before a date) ends with a word that makes
    the date the start of a time lasting until now: "since", "from", or the language's own
    (``<language>:since`` in ``data/background.json``: "depuis", "seit", "с")."""
    if _SINCE_BEFORE.search(before):
        return True
    if language in (None, "en"):
        return False
    cues = lx.language_cues("background", "since", language)
    if cues is None:
        return False
    return any(m.end() == len(before.rstrip()) for m in cues.finditer(before.rstrip()))


@lru_cache(maxsize=32)
def _weak(language: str | None) -> re.Pattern[str]:
    """Return the weak clause boundaries of ``language``: English's, or its words in
    ``data/clauses.json`` and a comma (Latin or Arabic)."""
    if language in (None, "en"):
        return _WEAK
    alternatives = lx.word_alternation(lx.language_words("clauses").get(language or "", ()))
    if not alternatives:
        return re.compile(r"[,،]\s")
    # a joining word may be written glued to the number after it (Arabic "و14")
    return re.compile(rf"\s(?:{alternatives})(?:\s|(?=\d))|[,،]\s", re.IGNORECASE)


def _clauses(
    text: str, pos: int, weak: re.Pattern[str] = _WEAK
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Return the narrow and the wide clause of ``text`` (a sentence) around ``pos``; ``weak``:
    the boundaries of the narrow one (the sentence's language's)."""

    def around(pattern: re.Pattern[str], lo: int, hi: int) -> tuple[int, int]:
        start, end = lo, hi
        for m in pattern.finditer(text, lo, hi):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    wide = around(_STRONG, 0, len(text))
    return around(weak, *wide), wide


def _figure_candidate(
    article: Article,
    sent: Sentence,
    q: Quantity,
    feats: _Features,
    read: Sequence[Quantity] = (),
) -> ClaimCandidate | None:
    """Return the figure candidate of quantity ``q``, or None when it is no comparable figure
    (a duration, an age, a vague plural, a figure stated as a possibility, a source's size).
    ``read``: the sentence's quantities as ``_counted_in_clause`` reads them."""
    text = feats.text
    written = article.text[q.start : q.end]
    if not _is_figure(article, q):
        return None
    q = _elided(article, sent, q, read)
    attr = feats.attr
    if attr is not None and attr.source_start <= q.start < attr.source_end:
        return None  # "two officials told AFP": the size of the source, not a fact
    rel = q.start - sent.start
    # "estimated initially at 5.4 and then at 5.7": the first is superseded by the second, and
    # the two are the steps of one revised figure whatever they count
    first = _replaced_in_sentence(article, sent, q)
    revision = first or _replaces_in_sentence(article, sent, q)
    narrow, wide = _clauses(text, rel)
    for lo, hi in (narrow, wide):
        if re.search(r"\b(?:could|might|may|would|will)\b", text[lo:hi], re.IGNORECASE):
            return None
    if _old_clause(article, sent, feats, rel):
        return None
    english = (article.language or "en").split("-")[0] == "en"
    language = _base(article.language)
    counted, event = _counted(q, text, rel, narrow, wide, language)
    concept = q.concept
    if concept == lx.POPULATION and _nearest_class(text, rel, narrow, language) in lx.FIGURE_EVENTS:
        concept = None  # "900 residents were trapped": a tally of the event, not a population
    held = concept == "hostages"  # "holding 40 people hostage": held, whatever stormed in
    if concept in lx.CONCEPT_EVENTS and (event is None or not english or held):
        # what the quantity reader says it counts, in any language: "30 muertos" are dead
        counted, event = "people", lx.CONCEPT_EVENTS[concept]
    elif concept is not None and (not english or concept in lx.COUNTED_CONCEPTS):
        # a word of the article's language would match no other language, nor another word
        # of its own ("400 firefighters" / "400 firemen" / "400 pompiers")
        counted = concept
    if event == "kidnap" and _released(text, wide, language):
        event = lx.RELEASE  # "dodici ostaggi sono stati rilasciati": those set free
    people = counted in (None, "people", "passengers", "passeng")
    if people and concept in (None, "people", "rescued"):
        if _rescued(text, narrow, language):
            counted, event = "people", lx.RESCUE  # "281 people had been rescued"
    if event in lx.TALLY_EVENTS and _partitive_whole(article, q):
        event = None  # "zwei der drei Geiselnehmer wurden getötet": three is who they were
    counts = _dimension(q, counted)[0] == "count"
    aboard = _aboard(text, rel, narrow, language) if counts else None
    if (
        aboard is not None
        and concept not in lx.CONCEPT_EVENTS
        # "carrying 40 pupils": whoever is counted; "35 people on board died": the toll
        and (
            aboard < rel
            or event not in lx.TALLY_EVENTS
            or _tally_of_another(article, sent, q, read, language)
        )
        and (aboard < rel or counted in (None, "people", "passengers"))
    ):
        # "carrying 64 people", "a bordo a 68 personas", "with 64 people aboard": how many
        # were aboard, whatever happened to the plane; "139 passengers and seven crew" are
        # parts of them, counts of their own
        counted, event = _aboard_part(article.text, q.end, language) or "people", lx.ABOARD
    if event in _DYING_AMONG and _died_after(text, q.end - sent.start, narrow, language):
        # "tre feriti sono deceduti", "three of the injured died": of those hurt, some died
        counted, event, concept = "people", "kill", "dead"
    if not english and counted == "people" and q.counted:
        # a kind of people English counts apart ("tre adulti feriti": adults)
        kinds = lx.people_kinds(_base(article.language))
        counted = next(
            (kinds[w.lower()] for w in lx.words(q.counted) if w.lower() in kinds), counted
        )
    dimension, base = _dimension(q, counted)
    if counted in lx.UNIT_WORDS:
        counted = None
    if dimension == "percent" and q.counted:
        # a share of a thing ("a third of the bridge", "un terzo del ponte", "ثلث الجسر"):
        # what it is a share of, a key of no language, so that reports in any language meet
        # "sostre de l'edifici": a roof; "the town": a settlement
        head = lx.leading_thing(q.counted, language, wholes=True)
        if head is not None:
            counted = lx.THING + head
    prop = concept in lx.PROPERTY_CONCEPTS and (dimension != "count" or concept == lx.POPULATION)
    anchor = _anchor(article.text, q, feats) if dimension == "length" else frozenset()
    if concept == lx.POPULATION:
        counted, event = concept, None  # "a town of 900 inhabitants": the town's population
    elif dimension == "length" and not prop:
        # "70 km south of X", "20 km from the capital": how far, from the place it names if it
        # names one (a direction word is no counted thing)
        counted, event = lx.DISTANCE, None
    elif dimension != "count":
        event = None  # a distance or an amount: the nearest event word need not be its own
        counted = None if concept in lx.MEASURE_CONCEPTS else counted
        if concept in lx.MEASURE_CONCEPTS and _another_before(text, rel, language):
            # "followed by aftershocks, including a 5.5-magnitude tremor", "un secondo
            # sussulto: 5.4": another shock's measure, not the story's event's
            counted = lx.ANOTHER_SHOCK
        if prop:
            counted = lx.SOME_EXTENT  # "36 metres high" / "alto 36 metri": a thing's size
    elif event is None and not (concept in lx.COUNTED_CONCEPTS and not english):
        if not revision:
            return None  # "two major highways": a description, not a reported figure
        if counted is None and concept is None:
            # a revised figure naming nothing it counts: its two steps are one fact of their own
            counted = f"{_REVISED}{article.id}@{sent.start}"
    scope = anchor or _scope(article.text, q, feats, tally=dimension == "count")
    if not scope and dimension == "count" and event is not None:
        # "Floods in X killed 40": the place of the clause, named
        # before the figure
        scope = _scope_before(article.text, q, feats, sent.start + narrow[0])
    if dimension == "count" and counted is not None and not scope:
        part = _part(article, sent, q, event)
        if part is not None:
            # "12 X and 11 Y pirates": a part of a total, its own fact (the total another
            # report gives is no other value of it)
            counted = f"{counted}|{part}"
    if _increment(article, q):
        # "six more bodies", "another $20,000": a number added to a count told elsewhere, a
        # fact of its own that no total corroborates, disputes or updates (nor another
        # increment: "four more bodies" and "six more bodies" may both be true)
        counted = f"{_INCREMENT}{counted or concept or ''}@{article.id}@{q.start}"
    lo, hi = wide
    figure = Figure(
        value=q.value,
        text=written,
        start=q.start,
        end=q.end,
        unit=q.unit or (concept if concept in lx.MEASURE_CONCEPTS else None),
        dimension=dimension,
        base=base,
        counted=counted,
        # a property of a thing is rounded by whoever writes it (37 m, 120 ft; 900 inhabitants)
        approximate=q.approximate or prop,
        qualifier=q.qualifier,
        event=event,
        noun=q.counted.lower() if q.counted and counted else None,
        concept=concept,
        scope=scope,
        first_estimate=first,
    )
    start, end = sent.start + lo, sent.start + hi
    start, end = _trim(article.text, start, end)
    clause_feats = replace(
        feats,
        dates=tuple(d for d in feats.dates if start <= d.start < end),
        sides=lx.nearest_side(text, rel, _base(article.language)),
    )
    if not english and scope and lx.PLACE_LIST not in scope:
        # a count of a place in a list of places ("120 a X, 35 a Y e 9 a Z"): its passage
        # ends at the words of the article's language that join the list ("e", "y", "و");
        # a count of places together ("31 a X e Y") keeps them
        narrow, _ = _clauses(text, rel, _weak(_base(article.language)))
    if not english and any(
        o is not q and start <= o.start < end and not narrow[0] <= o.start - sent.start < narrow[1]
        for o in article.annotations.quantities
    ):
        # The clause words that bound the wide clause are English: elsewhere it is the whole
        # sentence, and the passage cited for this figure is the clause that holds it alone.
        start, end = _trim(article.text, sent.start + narrow[0], sent.start + narrow[1])
    if first and start <= q.start < end:
        # the first estimate's passage stops at it: the clause cited for its replacement
        # goes on to the value that replaces it, and each step keeps a passage of its own
        end = q.end
    cand = _candidate(article, sent, start, end, "figure", clause_feats, figure)
    before = article.text[start : q.start]
    update = _changed(article, start, q, sent.end) or (revision and not first)
    running = update or _running(before)
    lowered = update and _changed(article, start, q, sent.end, down=True)
    earlier = _recalled(article, sent, q)
    return replace(cand, update_cue=update, running=running, lowered=lowered, earlier=earlier)


def _recalled(article: Article, sent: Sentence, q: Quantity) -> bool:
    """Return True for an earlier value of a count that the report recalls ("la policía había
    hablado de 12", "a nie – jak podawano – 33"; ``data/earlier.json``): a word of the
    article's language a few words before the figure, or a case ending on it that says the
    count moved from it ("33'ten 31'e")."""
    code = _base(article.language) or "en"
    cues = lx.language_cues("earlier", None, code)
    ahead = article.text[max(sent.start, q.start - _EARLIER_REACH) : q.start]
    if cues is not None and cues.search(ahead):
        return True
    data = lx.language_words("earlier")
    froms = data.get(f"{code}:from", ())
    # "rose from 38 to 112": the figure right after the word, not the one it moved to
    before = " ".join(article.text[max(sent.start, q.start - 30) : q.start].split()).casefold()
    if any(before.endswith(w.casefold()) for w in froms):
        return True
    # "ze 157 do 149", "de 38 na terça-feira para 112": a count from X to a number Y a few
    # words on (not a range of a measure: "olas de 3 a 5 metros")
    after = article.text[q.end : min(sent.end, q.end + _FROM_TO_REACH)].casefold()
    pairs = data.get(f"{code}:from_to", ()) if q.unit is None else ()
    for pair in pairs:
        word_from, word_to = pair[0], pair[1]
        if re.search(rf"(?<!\w){re.escape(word_from)}\s*$", before) and re.match(
            rf"\D*?(?<!\w){re.escape(word_to)}\s+\d", after
        ):
            return True
    endings = data.get(f"{code}:after", ())
    rest = article.text[q.end : min(sent.end, q.end + 8)]
    return any(rest.startswith(w) for w in endings)


# How far before a figure (characters) a word marks it as an earlier value its report recalls
# ("la policía había hablado de al menos 12").
_EARLIER_REACH = 45
# How far after a figure "from X" the "to Y" of its new value may stand.
_FROM_TO_REACH = 40


def _changed(article: Article, start: int, q: Quantity, stop: int, down: bool = False) -> bool:
    """Return True when the words of the article's language around a figure say it is a
    changed value ("rose to 61", "ascendió a 61", "61'e yükseldi"), or with ``down`` a lowered
    or corrected one ("revised down to 61"): ``lexicon.change_cues``, before the figure in its
    passage (from ``start``) or right after it in its sentence (up to ``stop``)."""
    before, after = lx.change_cues(_base(article.language) or "en", down)
    if before is not None and before.search(article.text[start : q.start]):
        return True
    rest = article.text[q.end : min(stop, q.end + 40)]
    return after is not None and after.match(rest) is not None


_NUMBER_NEXT = re.compile(r"\s*\d")
# a number right after a word, across spaces, dashes and a colon ("wcześniej – 33")
_VALUE_NEXT = re.compile(r"[\s\u2013\u2014:-]*\d")


# Tallies of people some of whom can die after they were counted: the injured, the trapped.
_DYING_AMONG = frozenset({"injure", "missing", "kidnap"})
# Words at most between a count and a word of dying that makes it a count of the dead ("tre
# feriti sono deceduti", "three of the injured later died").
_DIED_WITHIN = 4


# Words before a word of dying that say it did not happen: a modal, a risk, a rescue from it.
_UNDONE = re.compile(
    r"\b(?:could|might|may|would|will|can|risk|risks|risking|saved|spared|from|feared)\b",
    re.IGNORECASE,
)


def _released(text: str, clause: tuple[int, int], language: str | None) -> bool:
    """Return True when the ``clause`` of ``text`` holds a word of ``language`` saying people
    held were let go (``data/released.json``)."""
    return _clause_holds("released", text, clause, language)


def _clause_holds(name: str, text: str, clause: tuple[int, int], language: str | None) -> bool:
    """Return True when the ``clause`` of ``text`` holds a word of ``language`` in
    ``data/<name>.json``."""
    words = lx.language_cues(name, None, language or "en")
    return words is not None and words.search(text, clause[0], clause[1]) is not None


def _rescued(text: str, clause: tuple[int, int], language: str | None) -> bool:
    """Return True when the ``clause`` of ``text`` holds a word of ``language`` saying people
    were brought out of danger (``data/rescued.json``)."""
    return _clause_holds("rescued", text, clause, language)


def _partitive_whole(article: Article, q: Quantity) -> bool:
    """Return True for the count of a whole a count before it is part of ("two of the three
    gunmen", "zwei der drei Geiselnehmer", "اثنين من المسلحين الثلاثة"): what happened is
    the part's; the whole says who they were."""
    code = _base(article.language) or "en"
    return any(
        partitive_gap(code, article.text, o.end, q.start)
        for o in article.annotations.quantities
        if o is not q and 0 <= q.start - o.end <= 12
    )


def _died_after(text: str, at: int, narrow: tuple[int, int], language: str | None) -> bool:
    """Return True when a word of dying follows the count ending at ``at`` (in ``text``, the
    sentence) within ``_DIED_WITHIN`` words of its narrow clause, with no other number between
    ("three of the injured died"; not "12 injured in the blast that killed 5", nor "30
    injured, 5 dead")."""
    lo, hi = narrow
    for pos, cls in lx.class_positions(text[lo:hi], language):
        pos += lo
        if pos < at or cls == "injure" or cls == "missing":
            continue
        between = text[at:pos]
        if cls != "kill" or len(between.split()) > _DIED_WITHIN:
            return False
        if any(ch.isdigit() for ch in between) or _UNDONE.search(between):
            return False
        # "tre feriti rischiano di morire", "two injured could die": what may happen
        irrealis = lx.language_cues("irrealis", None, _base(language) or "en")
        return irrealis is None or irrealis.search(between + " ") is None
    return False


def _running(before: str) -> bool:
    """Return True when the text of a figure's passage before it holds a running-count cue
    (``lexicon.running_cues``): "the death toll rose to", "il bilancio", "حصيلة"; not one
    that is the qualifier of another figure before it ("up to 40 more and nine children")."""
    return any(
        m.end() == len(before.rstrip()) or not _NUMBER_NEXT.match(before, m.end())
        for m in lx.running_cues().finditer(before)
    )


def _clock_candidates(article: Article, sent: Sentence, feats: _Features) -> list[ClaimCandidate]:
    """Return the figure candidate of the time of day a sentence says its event began or
    struck at (``clock.event_times``), if it says one: a time on a named clock ("15.25 GMT",
    "4:50 a.m. HST") is in UTC already, a local one or one of no named clock is moved to UTC
    with the story's country (``clock.on_one_clock``)."""
    out = []
    for t in clock.event_times(article.text, sent.start, sent.end, _base(article.language)):
        figure = Figure(
            value=float(t.minutes),
            text=article.text[t.start : t.end],
            start=t.start,
            end=t.end,
            unit="utc" if t.offset is not None else "local",
            dimension="clock",
            base=float((t.minutes - (t.offset or 0)) % clock.DAY),
            counted="time",
            approximate=t.approximate,
            qualifier=t.bound,
            event=None,
            concept="time",
            local_offset=t.local_offset,
        )
        start, end = _trim(article.text, sent.start, sent.end)
        out.append(_candidate(article, sent, start, end, "figure", feats, figure))
    return out


def _part(article: Article, sent: Sentence, q: Quantity, event: str | None) -> str | None:
    """Return the word that names ``q``'s part when ``q`` is one of two counts of the same
    event joined as parts of a total ("the 12 X and 11 Y pirates", ``lexicon.coordination``)
    and tells its part by a word before the noun it counts ("y" of "Y pirates"); None
    otherwise ("between 12 and 15", "8 killed and 12 injured", "30 children and eight
    adults": a noun of its own already keys each part apart)."""
    text = article.text[sent.start : sent.end]
    joined = lx.coordination()
    for o in article.annotations.quantities:
        if o is q or not sent.start <= o.start < sent.end or o.unit or q.unit:
            continue
        if not _is_figure(article, o):
            continue  # "several hundred injured and thousands in need": no count of a part
        first, second = (o, q) if o.end <= q.start else (q, o)
        gap = article.text[first.end : second.start]
        if second.start - first.end > 60 or not joined.search(gap):
            continue
        own = lx.words(first.counted or "")
        if not own or [w.lower() for w in lx.words(gap)[: len(own)]] != [w.lower() for w in own]:
            continue  # "2,000 were injured and 50 rescued": the words between are no noun of it
        if first is o and own[-1].lower() in lx.COUNTED_KEYS:
            continue  # "30 civilians and 12 government soldiers": two nouns, not one's parts
        o = _elided(article, sent, o)
        rel = o.start - sent.start
        narrow, wide = _clauses(text, rel)
        if (
            event is None
            or _counted(o, text, rel, narrow, wide, _base(article.language))[1] != event
        ):
            continue
        noun = [w.lower() for w in lx.words(q.counted or "")]
        # only a part told by a word before its noun ("11 Y pirates") counts the same thing as
        # the total under another key; "eight adults" has its own key already
        return noun[0] if len(noun) >= 2 else None
    return None


def _elided(
    article: Article, sent: Sentence, q: Quantity, read: Sequence[Quantity] = ()
) -> Quantity:
    """Return ``q`` with what the figure before it in the sentence counts, when ``q`` names
    nothing itself, or only a word that stands for it ("others", "quelli":
    ``lexicon.elided_words``), and follows it closely ("40 muertos en Valparaíso y 25 en
    Santiago", "12 dead in X and 5 others in Y": the 25 and the 5 are dead too); else ``q``
    unchanged. ``read``: the sentence's quantities (the annotations' when empty)."""
    language = _base(article.language)
    if q.concept is not None or q.unit is not None:
        return q
    if q.counted is not None and q.counted.lower() not in lx.elided_words(language):
        return q
    if lx.vague_numbers(language).intersection(lx.words(article.text[q.start : q.end])):
        return q  # "decine di migliaia": no count of what the figure before counts
    before = [
        o
        for o in (read or article.annotations.quantities)
        if sent.start <= o.start and o.end <= q.start and o.concept is not None
    ]
    if not before:
        return q
    prev = max(before, key=lambda o: o.end)
    if q.start - prev.end > 60 or re.search(r"[.;:!?]", article.text[prev.end : q.start]):
        return q
    if _told_otherwise(article.text, q, sent, prev.concept, language):
        return q
    return replace(q, counted=prev.counted, concept=prev.concept)


def _told_otherwise(
    text: str, q: Quantity, sent: Sentence, concept: str | None, language: str | None
) -> bool:
    """Return True when the words after bare figure ``q`` in its clause tell a tally of
    another event than the one ``concept`` counts: "281 wurden gerettet, 27 werden noch
    vermisst" (the 27 are missing, not rescued)."""
    event = lx.CONCEPT_EVENTS.get(concept or "")
    if event is None:
        return False
    stop = _CLAUSE_STOP.search(text, q.end, sent.end)
    own = lx.event_classes(text[q.end : stop.start() if stop else sent.end], language)
    return bool(own & lx.TALLY_EVENTS) and event not in own


# How far (characters) a word naming what is counted may stand before a bare figure it
# names ("Le vittime sono 83", "Las personas rescatadas con vida eran hasta ayer 12").
_COUNTED_BEFORE = 80
# How many words may stand between a bare figure and the counted word after it ("46 i
# morti", "12 ya los muertos", "30 invece le persone salvate").
_COUNTED_AFTER_WORDS = 2
_CLAUSE_STOP = re.compile(r"[.;:!?\n]")


def _counted_in_clause(article: Article, sent: Sentence) -> list[Quantity]:
    """Return the quantities of ``sent`` in text order, those of a language with a quantity
    data file that the reader left counting nothing ("Le vittime sono 83 a X", "34 i morti
    a Y": no counted noun right after the number) with the concept the words of their clause
    give (``lexicon.counted_words``): a counted word or phrase at most two words after the
    figure; else, when the figure names nothing after it, the first counted word of its
    clause before it (the subject: "I feriti portati negli ospedali sono 30") or, with none
    since the figure before it, that figure's ("Dei morti, 10 a X e 28 a Y": the 28 too).
    A word for people followed by one saying what happened to them ("persone salvate")
    gives the latter. A vague number ("decine") and a time of day ("alle 22") count
    nothing."""
    own = [q for q in article.annotations.quantities if sent.start <= q.start < sent.end]
    language = _base(article.language)
    words = lx.counted_words(language) if language not in (None, "en") else None
    if words is None:
        return own
    pattern, concept_of = words
    text = article.text
    found = [
        (m.start(), m.end(), concept_of.get(" ".join(m.group().lower().split())))
        for m in pattern.finditer(text, sent.start, sent.end)
    ]
    named = _specific(text, [(s, e, c) for s, e, c in found if c is not None])
    junk = lx.quantity_stop_words(language) | lx.elided_words(language)
    vague = lx.vague_numbers(language)
    clock_word = lx.clock_word_before(language)
    out: list[Quantity] = []
    for q in sorted(own, key=lambda q: q.start):
        if (
            q.concept is None
            and q.unit is None
            and _is_figure(article, q)
            and not vague.intersection(lx.words(text[q.start : q.end]))
            and not (clock_word and clock_word.search(text, max(0, q.start - 30), q.start))
        ):
            concept = _concept_after(text, q, named)
            if concept is None and (q.counted is None or q.counted.lower() in junk):
                concept = _concept_before(text, sent, q, named, out)
                if _told_otherwise(text, q, sent, concept, language):
                    concept = None
            if concept is not None:
                q = replace(q, concept=concept)
        out.append(q)
    return out


def _specific(
    text: str, named: list[tuple[int, int, str | None]]
) -> list[tuple[int, int, str | None]]:
    """Return the counted words of a clause with a word for people and the word right after
    it saying what happened to them ("persone salvate", "personas fallecidas") read
    as one, of the latter's concept."""
    out: list[tuple[int, int, str | None]] = []
    for s, e, c in named:
        if out and out[-1][2] == "people" and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e, c)
            continue
        out.append((s, e, c))
    return out


def _concept_after(text: str, q: Quantity, named: list[tuple[int, int, str | None]]) -> str | None:
    """Return the concept of the first counted word at most ``_COUNTED_AFTER_WORDS`` words
    after ``q`` with nothing else between ("34 i morti"), or None."""
    for s, _, c in named:
        if s < q.end:
            continue
        gap = text[q.end : s]
        if _CLAUSE_STOP.search(gap) or "," in gap or any(ch.isdigit() for ch in gap):
            return None
        return c if len(lx.words(gap)) <= _COUNTED_AFTER_WORDS else None
    return None


def _concept_before(
    text: str,
    sent: Sentence,
    q: Quantity,
    named: list[tuple[int, int, str | None]],
    earlier: Sequence[Quantity],
) -> str | None:
    """Return what a bare figure counts from its clause before it: the first counted word
    since the figure before it (since the clause's start when there is none), else that
    figure's concept; None when that lies further than ``_COUNTED_BEFORE`` characters, or
    the figure before has a unit."""
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, sent.start, q.start)]
    lo = max(stops, default=sent.start)
    prev = max(
        (o for o in earlier if lo <= o.start and o.end <= q.start),
        key=lambda o: o.end,
        default=None,
    )
    if prev is not None:
        if prev.unit is not None:
            return None
        lo = prev.end
    # the words that count what the figure before counts ("40 personas en X y 25 en Y") are
    # its own: the figure takes that figure's concept
    words = [
        (e, c)
        for s, e, c in named
        if lo <= s
        and e <= q.start
        and not (prev is not None and _concept_after(text, prev, [(s, e, c)]) is not None)
    ]
    if words:
        end, concept = words[0]
    elif prev is not None and prev.concept is not None:
        end, concept = prev.end, prev.concept
    else:
        return None
    return concept if q.start - end <= _COUNTED_BEFORE else None


def _scope(text: str, q: Quantity, feats: _Features, tally: bool = False) -> frozenset[str]:
    """Return the keys of the place a figure was counted in: the first place mention that
    starts within a few words after the figure behind a locative word ("40 in Lyon",
    "9 ad Ancona", "31 ad Ancona"); empty when none does."""
    after = sorted((s, e, k) for s, e, k in feats.place_spans if s >= q.end)
    if not after:
        return frozenset()
    start = after[0][0]
    if not lx.scope_locatives(tally).search(text[q.end : start]):
        return frozenset()
    keys = {k for s, _, k in after if s == start}
    if tally:
        # "31 a X e Y", "47 entre X y Y": a count of the places of a list together, which is
        # the count of none of them alone
        end = max(e for s, e, _ in after if s == start)
        listed = False
        for s, e, k in after:
            if s < end:
                continue
            if s > end and not lx.list_joint().fullmatch(text[end:s]):
                break
            keys.add(k)
            listed, end = True, max(end, e)
        if listed:
            keys.add(lx.PLACE_LIST)
    return frozenset(keys)


# How far (characters) before a tally the place of its clause may end ("in X this morning
# with seven dead").
_SCOPE_BEFORE = 40


def _scope_before(text: str, q: Quantity, feats: _Features, lo: int) -> frozenset[str]:
    """Return the keys of the place named behind a locative word before a tally in its
    narrow clause (from ``lo``), with nothing but a few words between it and the figure:
    where the figure was counted when no place follows it ("Floods in X killed 40 people");
    empty when none is, or when it names a whole country (the whole, not a place of it)."""
    before = [(s, e, k) for s, e, k in feats.place_spans if lo <= s and e <= q.start]
    if not before:
        return frozenset()
    start, end = max((s, e) for s, e, _ in before)
    if q.start - end > _SCOPE_BEFORE or re.search(r"[\d.;:!?()]", text[end : q.start]):
        return frozenset()
    if not lx.scope_locatives().search(" 0" + text[max(lo, start - 16) : start]):
        return frozenset()  # the place is the subject or an epithet, not where it was counted
    keys = frozenset(k for s, _, k in before if s == start)
    return frozenset() if keys <= feats.broad else keys


def _anchor(text: str, q: Quantity, feats: _Features) -> frozenset[str]:
    """Return the keys of the place a distance is measured from: the first place named after
    it behind a tie word of any language ("70 km south of X", "45 km de la ciudad de X";
    ``data/anchors.json``); empty when none is."""
    after = sorted((s, e, k) for s, e, k in feats.place_spans if s >= q.end)
    if not after:
        return frozenset()
    start = after[0][0]
    if not lx.anchor_words().search(text[q.end : start]):
        return frozenset()
    return frozenset(k for s, _, k in after if s == start)


def no_figure(article: Article, q: Quantity) -> bool:
    """Return True for a quantity that states no figure of its own: a duration, an age, a vague
    plural, or a first estimate its sentence replaces ("initially 5.4, then 5.7")."""
    if not _is_figure(article, q):
        return True
    sent = next((s for s in article.annotations.sentences if s.start <= q.start < s.end), None)
    return sent is not None and _replaced_in_sentence(article, sent, q)


def figure_passage(article: Article, q: Quantity) -> tuple[int, int, tuple[int, int]]:
    """Return ``(start, end, sentence)`` of the passage cited for quantity ``q``: its
    sentence, or the narrow clause around it when the sentence holds other quantities."""
    sent = next(
        (s for s in article.annotations.sentences if s.start <= q.start < s.end),
        None,
    )
    lo, hi = (sent.start, sent.end) if sent else (q.start, q.end)
    others = [o for o in article.annotations.quantities if o is not q and lo <= o.start < hi]
    if others:
        text = article.text[lo:hi]
        narrow, _ = _clauses(text, q.start - lo, _weak(_base(article.language)))
        start, end = _trim(article.text, lo + narrow[0], lo + narrow[1])
    else:
        start, end = _trim(article.text, lo, hi)
    return start, end, (lo, hi)


def _replaced_in_sentence(article: Article, sent: Sentence, q: Quantity) -> bool:
    """Return True for a figure its own sentence marks as a first estimate ("initially") and
    replaces by a later figure of the same thing (same concept or unit)."""
    if not lx.first_estimate_cues().search(article.text[max(sent.start, q.start - 60) : q.start]):
        return False
    return any(
        o.start > q.end
        and o.start < sent.end
        and o.value != q.value
        and (o.concept, o.unit) == (q.concept, q.unit)
        for o in article.annotations.quantities
    )


def _replaces_in_sentence(article: Article, sent: Sentence, q: Quantity) -> bool:
    """Return True for the figure that replaces a first estimate of its own sentence
    ("initially 5.4, then 5.7": the 5.7)."""
    return any(
        o.end <= q.start
        and o.start >= sent.start
        and o.value != q.value
        and (o.concept, o.unit) == (q.concept, q.unit)
        and _replaced_in_sentence(article, sent, o)
        for o in article.annotations.quantities
    )


# The counted key of a revised figure that names nothing it counts (its article and sentence
# follow): it groups the figure's steps, and nothing else.
_REVISED = "revised:"


# Nouns that "armed" before them makes attackers ("three armed men"), not "armed residents".
_ARMED_MEN = frozenset({"men", "man", "individuals", "persons", "people", "assailants"})


def _counted(
    q: Quantity,
    text: str,
    rel: int,
    narrow: tuple[int, int],
    wide: tuple[int, int],
    language: str | None = None,
) -> tuple[str | None, str | None]:
    """Return (what the figure counts, the event class it measures); ``text`` is written in
    ``language``."""
    named = [w.lower() for w in lx.words(q.counted or "")]
    head = named[-1] if named else None
    event = lx.COUNTED_EVENTS.get(head) if head else None
    counted = None
    if head:
        counted = "people" if event else lx.COUNTED_KEYS.get(head, lx.stem(head))
        if counted == "people" and "armed" in named[:-1] and head in _ARMED_MEN:
            counted = lx.ATTACKERS  # "three armed men": those who attack
    if event is None:
        event = _nearest_class(text, rel, narrow, language) or _nearest_class(
            text, rel, wide, language
        )
    event = lx.FIGURE_EVENT_FAMILY.get(event, event) if event in lx.FIGURE_EVENTS else None
    if counted is None and event in lx.PEOPLE_EVENTS:
        counted = "people"
    return counted, event


# How far from a count a word saying it is of those aboard may stand, in characters.
_ABOARD_REACH = 40


def _aboard_part(text: str, end: int, language: str | None) -> str | None:
    """Return "passengers" or "crew" when the noun right after a count of those aboard (its
    end at ``end``) counts only them (``<language>:passengers`` / ``:crew`` in
    ``data/aboard.json``: "139 passengers", "sete tripulantes", "145 yolcu"), None else."""
    start = end
    while start < len(text) and text[start] in " \u00a0":
        start += 1
    for kind in ("passengers", "crew"):
        cues = lx.language_cues("aboard", kind, language or "en")
        if cues is not None and cues.match(text, start):
            return kind
    return None


def _tally_of_another(
    article: Article,
    sent: Sentence,
    q: Quantity,
    read: Sequence[Quantity],
    language: str | None,
) -> bool:
    """Return True when the first word of a tally after ``q`` in its sentence ("matando",
    "killing") has another count between them or right after it, whose tally it is: "com 146
    pessoas a bordo caiu ..., matando pelo menos 27 pessoas" counts 146 aboard, 27 dead."""
    text = article.text[sent.start : sent.end]
    after = q.end - sent.start
    first = next(
        (
            at
            for at, cls in lx.class_positions(text, language)
            if at >= after and cls in lx.TALLY_EVENTS
        ),
        None,
    )
    if first is None:
        return False
    return any(
        after <= o.start - sent.start < first + _TALLY_REACH and o.unit is None and o is not q
        for o in read
    )


# How far after a word of a tally its own count may stand ("matando pelo menos 27 pessoas").
_TALLY_REACH = 30


def _aboard(text: str, pos: int, span: tuple[int, int], language: str | None) -> int | None:
    """Return where a word of ``language`` saying a count is of those aboard
    (``data/aboard.json``) stands near ``pos`` in the clause ``span`` of ``text``, None when
    none does."""
    cues = lx.language_cues("aboard", None, language or "en")
    if cues is None:
        return None
    # "carrying out the strike", "llevaba a cabo": another verb
    other = lx.language_cues("aboard", "not_before", language or "en")
    lo, hi = max(span[0], pos - _ABOARD_REACH), min(span[1], pos + _ABOARD_REACH)
    head = span[0]
    while head < pos and text[head] in " \"'“«":
        head += 1
    opening = cues.match(text, head)
    if opening is not None and opening.start() < lo:
        lo = opening.start()  # "An Bord des Fluges XV731 aus Dornis waren 146 Menschen"
    for m in cues.finditer(text, lo, hi):
        if other is None or not other.match(
            text, m.end() + 1 if text[m.end() : m.end() + 1] == " " else m.end()
        ):
            return m.start()
    return None


def _nearest_class(
    text: str, pos: int, span: tuple[int, int], language: str | None = None
) -> str | None:
    """Return the event class of the event word or phrase nearest to ``pos`` inside
    ``span`` (a figure's own event; ``text`` written in ``language``)."""
    lo, hi = span
    best, best_dist = None, None
    for at, cls in lx.class_positions(text[lo:hi], language):
        if (cls in lx.WEAK_CLASSES and cls not in lx.WEAK_FIGURE_EVENTS) or cls == "warn":
            continue
        dist = abs(lo + at - pos)
        if (
            best is None
            or best_dist is None
            or dist < best_dist
            or (dist == best_dist and cls < best)
        ):
            best, best_dist = cls, dist
    return best


def _dimension(q: Quantity, counted: str | None = None) -> tuple[str, float]:
    """Return the figure's dimension and its value in the dimension's base unit (a unit the
    quantity reader left as the counted word, "300 millimetres", counts as the unit)."""
    if q.concept in lx.MEASURE_CONCEPTS:
        return f"unit:{q.concept}", q.value  # "magnitude 7.1", "7.1-magnitude", "magnitud 7,1"
    if q.unit is None and counted in lx.UNIT_WORDS:
        dim, factor = lx.UNIT_WORDS[counted]
        return dim, q.value * factor
    if q.unit is None:
        return "count", q.value
    if q.unit in lx.UNITS:
        dim, factor = lx.UNITS[q.unit]
        return dim, q.value * factor
    return f"unit:{q.unit}", q.value


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``[start, end)`` without surrounding spaces and dangling commas."""
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _source_text(article: Article, attr: Attribution | None) -> str | None:
    """Return who an attribution names, as written, or None when it names nobody."""
    if attr is None or attr.source_end <= attr.source_start:
        return None
    return article.text[attr.source_start : attr.source_end]


def _candidate(
    article: Article,
    sent: Sentence,
    start: int,
    end: int,
    kind: str,
    feats: _Features,
    figure: Figure | None = None,
) -> ClaimCandidate:
    attr = feats.attr
    source = feats.speaker if feats.speaker is not None else _source_text(article, attr)
    classes = set(feats.classes)
    if figure is not None and figure.event:
        classes.add(figure.event)
    at = str(figure.start) if figure is not None else f"{start}:{'+'.join(sorted(classes))}"
    return ClaimCandidate(
        id=f"{article.id}@{kind[0]}{at}",
        article=article.id,
        start=start,
        end=end,
        sentence=(sent.start, sent.end),
        text=article.text[start:end],
        kind=kind,
        published=article.published.date,
        day_known=day_known(article),
        stance=feats.stance,
        negated=feats.negated,
        disputes_reports=feats.disputes,
        attributed_to=source or None,
        cue=attr.cue if attr is not None else None,
        channel=attr.channel if attr is not None else None,
        attribution=attr,
        entities=frozenset(feats.entities),
        places=frozenset(feats.places),
        classes=frozenset(classes),
        sides=frozenset(feats.sides),
        words=frozenset(feats.words),
        figure=figure,
        dates=tuple(feats.dates),
        event_places=tuple(feats.event_places),
        located=feats.located,
        broad=frozenset(feats.broad),
        actor=feats.actor,
        targets=feats.targets,
        accused=feats.accused,
        blamed_for=feats.blamed_for,
        speakers=feats.speakers,
    )
