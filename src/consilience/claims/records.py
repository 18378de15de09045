"""The records of claim extraction and alignment (story-level records live in model.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Attribution, Stance


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure a claim states: "at least 370,000 people displaced", "20 miles"."""

    value: float
    text: str  # as written, qualifier included: "at least 370,000"
    start: int
    end: int
    unit: str | None  # km, mile, percent ... None for a count
    dimension: str  # count | length | area | speed | mass | percent | other
    base: float  # the value in the dimension's base unit (metres for lengths)
    counted: str | None  # what is counted, as a key: "people", "soldiers", "capital" ...
    approximate: bool
    qualifier: str | None  # about | at least | nearly ...
    event: str | None  # the event class the figure measures: kill, displace ...
    noun: str | None = None  # what it counts as written, lowercased: "army soldiers"
    concept: str | None = None  # what it measures, in words of no language: dead, magnitude ...
    # where it was counted: the keys of the place named right after it ("40 in Lyon")
    scope: frozenset[str] = frozenset()
    # a first estimate its own sentence replaces by a later value ("put initially at 40, then
    # at 35"): a step of an update, not a reading that disputes
    first_estimate: bool = False
    # of a time of day said on two clocks ("10:40 local time (07:40 GMT)"): the local clock's
    # offset in minutes east of UTC (``clock.ClockTime.local_offset``)
    local_offset: int | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date a claim gives to what it reports."""

    value: str  # ISO, as precise as ``precision``
    precision: str  # day | month | year
    start: int
    end: int
    exact: bool  # a day named outright ("December 5", "this Friday"), not "a week ago"
    since: bool  # the start of a period ("since November 27"), not the event's own date


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """One fact as one article states it: a sentence, or the clause around a figure.

    ``group`` is the claim group the aligner put it in (-1 before alignment); candidates of one
    group are reports of the same fact.
    """

    id: str  # "<article id>@<start>", unique in a story
    article: str
    start: int  # the evidence span: the clause of a figure, else the sentence
    end: int
    sentence: tuple[int, int]
    text: str
    kind: str  # "figure" | "statement"
    published: str | None  # the article's publication date (ISO) if known
    stance: Stance  # asserted | reported | rumoured | denied
    negated: bool  # the claim says the event did not happen (denial, "had not", "intact")
    disputes_reports: bool  # a denial of other people's reports ("denied reports that ...")
    attributed_to: str | None  # who said it, as written
    cue: str | None  # "according to", "told" ...
    channel: str | None  # "AFP" in "told AFP"
    attribution: Attribution | None  # the sentence's attribution record, if any
    entities: frozenset[str]  # entity keys (story entity ids, or normalised names)
    places: frozenset[str]  # the place keys among ``entities``
    classes: frozenset[str]  # event classes (lexicon)
    sides: frozenset[str]  # armed_opposition | state_forces
    words: frozenset[str]  # content-word stems
    figure: Figure | None = None
    dates: tuple[EventDate, ...] = ()
    update_cue: bool = False  # "rose to", "revised down": the figure replaces an earlier one
    # "revised down to", "rebajó a", "corrected": a lowered or corrected value, a later step
    # of its count even where it is less than an earlier one
    lowered: bool = False
    # "la polizia parlava di 19", "a nie – jak podawano – 33": an earlier value of the count
    # that the report recalls beside the one it gives now (``data/earlier.json``)
    earlier: bool = False
    # a running count: a change or a toll as it stands ("death toll", "il bilancio", "حصيلة")
    running: bool = False
    language: str | None = None  # the article's language ("en", "es" ...), its base code
    # a sentence naming no event the lexicon reads (or of a language whose event words are not
    # known), kept as a statement with no event class: it aligns as a near repeat, or by
    # meaning across languages outside English (``align``), and stands only when a report of
    # another origin states it (``extract.unread_alone``)
    unread: bool = False
    # Where the event is said to happen ("in Geneva"): (start, end, country code or None).
    event_places: tuple[tuple[int, int, str | None], ...] = ()
    # Keys among ``entities`` that name a whole country (or its people): too broad to show on
    # their own that two statements report one fact.
    broad: frozenset[str] = frozenset()
    # Who acts in a statement: the keys of the name nearest before its first event word, in its
    # clause (with the country a capital or a country's name stands for); empty when none.
    actor: frozenset[str] = frozenset()
    # Keys among ``places`` that the sentence puts what it tells in ("fighting in X", "talks
    # at X"), not near or toward ("approaching X", "20 km from X")
    located: frozenset[str] = frozenset()
    # What each event word of the sentence happened to: (event class, thing key; keys of no
    # language, ``lexicon.things``), the thing nearest it in its part of the sentence
    # (``lexicon.event_targets``): "the roof caved in, the tower fell" holds (breach, tower)
    # beside (breach, roof); reports in any language share it.
    targets: frozenset[tuple[str, str]] = frozenset()
    # False when the article's date is known to the month only (metadata "2017-05", read as
    # its first day): ``published`` then orders nothing within that month
    day_known: bool = True
    # The sides it blames for a deed ("the Brigade accused the armed forces of the strike":
    # state_forces, for an attack; ``lexicon.blame``); a denial by that side disputes it
    accused: frozenset[str] = frozenset()
    blamed_for: frozenset[str] = frozenset()  # the event classes of the deed it blames them for
    # The keys of the names in its source's words ("L'amministratore delegato di Aerovesk,
    # Darius Kelmann": the airline and its chief): whose word it is.
    speakers: frozenset[str] = frozenset()

    @property
    def contests(self) -> bool:
        """Return True for a denial, a report of one, or a negated event: it contests what
        others report rather than repeating it."""
        return self.negated or self.disputes_reports or self.stance == "denied"

    @property
    def event_countries(self) -> frozenset[str]:
        """Return the countries of the event's places, where known."""
        return frozenset(c for _, _, c in self.event_places if c)

    group: int = -1
