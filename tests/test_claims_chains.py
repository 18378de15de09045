"""What no two reports may be, no chain of reports makes: a group never holds two figures that
``figures_apart`` parts (two places counted, an earlier event's figure and the story's own),
however many look-alikes link them; a toll still grows through its steps. A figure's place
may follow a locative and one short word; a figure's moment is a day named near it.
Hand-built candidates, exact outcomes."""

from __future__ import annotations

from consilience.claims import lexicon as lx
from consilience.claims.align import align, figures_apart
from consilience.claims.records import ClaimCandidate, EventDate, Figure
from consilience.model import Attribution
from consilience.tuning import AlignParams
from consilience.verdicts.conflicts import _moment


def _figure(value: float, scope: frozenset[str] = frozenset(), start: int = 0) -> Figure:
    return Figure(
        value=value,
        text=str(value),
        start=start,
        end=start + 2,
        unit=None,
        dimension="count",
        base=value,
        counted="people",
        approximate=False,
        qualifier=None,
        event="kill",
        concept="dead",
        scope=scope,
    )


def _cand(
    article: str,
    text: str,
    figure: Figure | None = None,
    *,
    entities: frozenset[str] = frozenset({"n:flood"}),
    words: frozenset[str] = frozenset({"flood", "valley"}),
    language: str = "en",
    published: str | None = "2030-05-02",
    dates: tuple[EventDate, ...] = (),
    attribution: Attribution | None = None,
) -> ClaimCandidate:
    return ClaimCandidate(
        id=f"{article}@0",
        article=article,
        start=0,
        end=len(text),
        sentence=(0, len(text)),
        text=text,
        kind="figure" if figure else "statement",
        published=published,
        stance="reported" if attribution else "asserted",
        negated=False,
        disputes_reports=False,
        attributed_to=None,
        cue=None,
        channel=None,
        attribution=attribution,
        entities=entities,
        places=frozenset(),
        classes=frozenset({"kill"}),
        sides=frozenset(),
        words=words,
        figure=figure,
        dates=dates,
        language=language,
    )


def _groups(cands: list[ClaimCandidate]) -> dict[str, int]:
    return {c.article: c.group for c in align(cands)}


def test_a_figure_naming_no_place_does_not_chain_two_places() -> None:
    north = _cand("a", "40 died in Northdale", _figure(40, frozenset({"p:northdale"})))
    bare = _cand("b", "40 died", _figure(40))
    south = _cand("c", "40 died in Southmere", _figure(40, frozenset({"p:southmere"})))
    assert figures_apart(north, south, AlignParams())
    assert not figures_apart(north, bare, AlignParams())
    groups = _groups([north, bare, south])
    assert groups["a"] != groups["c"]
    # a story that counts the toll in two places: the toll naming none is the whole's, one
    # fact with neither place's
    assert groups["b"] not in (groups["a"], groups["c"])


def test_a_figure_naming_no_place_joins_the_one_place_counted() -> None:
    north = _cand("a", "40 died in Northdale", _figure(40, frozenset({"p:northdale"})))
    bare = _cand("b", "40 died", _figure(40))
    groups = _groups([north, bare])
    assert groups["a"] == groups["b"]


def test_a_toll_still_grows_through_its_steps() -> None:
    steps = [_cand(x, f"{v} died", _figure(v)) for x, v in (("a", 2), ("b", 4), ("c", 9))]
    # 2 and 9 are more than three times apart: no pair, but one fact through the 4
    assert figures_apart(steps[0], steps[2], AlignParams())
    assert not figures_apart(steps[0], steps[2], AlignParams(), pairwise=False)
    assert len(set(_groups(steps).values())) == 1


def test_an_earlier_events_figure_is_not_chained_to_the_storys_own() -> None:
    old = EventDate(value="1990", precision="year", start=20, end=24, exact=False, since=False)
    earlier = _cand("a", "100 died in the flood of 1990", _figure(100), dates=(old,))
    bare = _cand("b", "100 died", _figure(100))
    today = _cand("c", "100 died on Monday", _figure(100), published="2030-05-02")
    assert figures_apart(earlier, bare, AlignParams())
    groups = _groups([earlier, bare, today])
    assert groups["a"] not in (groups["b"], groups["c"])


def test_one_short_word_may_stand_between_the_locative_and_the_place() -> None:
    pattern = lx.scope_locatives()
    assert pattern.search(" en la ")  # "12 en la ciudad de X"
    assert pattern.search(" in neighbouring ")  # "5 in neighbouring X province"
    assert pattern.search(" in ")
    assert not pattern.search(" people were taken to hospitals in two ")


def test_a_day_far_from_the_figure_is_the_events_not_the_counts() -> None:
    text = (
        "The storm that struck the valley on Monday, flooding farms and cutting roads for "
        "days, has killed 31 people, officials said."
    )
    monday = EventDate(
        value="2030-05-02", precision="day", start=text.index("Monday"),
        end=text.index("Monday") + 6, exact=True, since=False,
    )  # fmt: skip
    at = text.index("31")
    far = _cand("a", text, _figure(31, start=at), dates=(monday,), published="2030-05-02")
    assert _moment(far) == set()
    close = "The toll stood on Monday at 31, officials said."
    monday = EventDate(
        value="2030-05-02", precision="day", start=close.index("Monday"),
        end=close.index("Monday") + 6, exact=True, since=False,
    )  # fmt: skip
    near = _cand("b", close, _figure(31, start=close.index("31")), dates=(monday,))
    assert _moment(near) == {"2030-05-02"}
