"""Unit tests of the claims building blocks: lexicon, name keys, figure agreement, alignment
invariants (with hypothesis), on inputs typed here."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.claims import extract_claims, lexicon
from consilience.claims.align import AlignParams, _Weights, align, compatible, similarity
from consilience.claims.keys import capital_country, country_code, demonym_country, spelling_key
from consilience.claims.records import ClaimCandidate, Figure


@pytest.mark.parametrize(
    "text,classes",
    [
        ("Two people died and one was missing", {"kill", "missing"}),
        ("the death toll rose to four", {"kill"}),
        ("forcing about 12,000 people from their homes", {"displace"}),
        ("insurgents had not penetrated into the city", {"enter"}),
        ("rebels seized control of the town", {"seize"}),
        ("troops pulled back to the river", {"withdraw"}),
        ("the dam had given way", {"breach"}),
        ("the river burst its banks", {"flood"}),
        ("the president remains in the capital", {"stay"}),
        ("the offensive began on Friday", {"begin"}),
        ("she began to speak", set()),
        ("protesters tore down a statue", {"topple"}),
        ("rebels began to encircle the capital", {"encircle"}),
        ("troops surrounded the town", {"encircle"}),
        ("the ministry started to evacuate its diplomats", {"withdraw", "displace"}),
        ("residents were evacuated from the town", {"displace"}),
    ],
)
def test_event_classes(text, classes):
    assert lexicon.event_classes(text) == classes


@pytest.mark.parametrize(
    "text,sides",
    [
        ("government forces withdrew", {"state_forces"}),
        ("rebel forces advanced", {"armed_opposition"}),
        ("the government said", set()),
        ("insurgents fought troops", {"armed_opposition", "state_forces"}),
    ],
)
def test_actor_sides(text, sides):
    assert lexicon.actor_sides(text) == sides


def test_nearest_side_reads_the_actor_before_a_figure():
    text = "Rebels advanced to within 20 miles as government forces retreated"
    assert lexicon.nearest_side(text, text.index("20")) == {"armed_opposition"}
    text = "The army pulled back 20 km"
    assert lexicon.nearest_side(text, text.index("20")) == {"state_forces"}


@pytest.mark.parametrize(
    "name,label,key",
    [
        ("Karim al-Hassan", "PERSON", "hassan"),
        ("President Hassan's", "PERSON", "hassan"),
        ("the United States", "GPE", "united states"),
        ("al-Qaem", "GPE", "qaem"),
        ("Rémi Ochlik", "PERSON", "ochlik"),
    ],
)
def test_name_key(name, label, key):
    assert spelling_key(name, label) == key


def test_countries_and_demonyms():
    assert country_code("the United States") == "US"
    assert country_code("U.S.") == "US"
    assert country_code("Springfield") is None
    assert [demonym_country(w) for w in ("Iranian", "Turkish", "Iraqi", "French")] == [
        "IR",
        "TR",
        "IQ",
        None,
    ]


def _figure(value: float, approximate: bool = False) -> Figure:
    return Figure(
        value=value,
        text=str(value),
        start=0,
        end=1,
        unit=None,
        dimension="count",
        base=value,
        counted="people",
        approximate=approximate,
        qualifier=None,
        event="kill",
    )


def test_compatible_figures():
    assert compatible(2000, 2000)
    assert compatible(12000, 12400, _figure(12000, True), _figure(12400))  # 3 %: rounding
    assert not compatible(12000, 15000, _figure(12000, True), _figure(15000, True))
    assert not compatible(2, 3)  # small exact counts must match
    assert not compatible(370000, 400000)  # 7.5 %: more than rounding


@given(st.floats(0.5, 1e7), st.floats(0.5, 1e7), st.booleans())
def test_compatible_is_symmetric(x, y, approx):
    fx, fy = _figure(x, approx), _figure(y)
    assert compatible(x, y, fx, fy) == compatible(y, x, fy, fx)
    assert compatible(x, x, fx, fx)


def _cand(
    i: int,
    article: str,
    entities: set[str],
    classes: set[str],
    words: set[str],
    figure: Figure | None = None,
) -> ClaimCandidate:
    return ClaimCandidate(
        id=f"{article}@{i}",
        article=article,
        start=i,
        end=i + 1,
        sentence=(i, i + 1),
        text="x",
        kind="figure" if figure else "statement",
        published=None,
        stance="asserted",
        negated=False,
        disputes_reports=False,
        attributed_to=None,
        cue=None,
        channel=None,
        attribution=None,
        entities=frozenset(entities),
        places=frozenset(),
        classes=frozenset(classes),
        sides=frozenset(),
        words=frozenset(words),
        figure=figure,
    )


_ENTS = ["n:a", "n:b", "n:c", "n:d"]
_CLASSES = ["kill", "meet", "seize", "flee"]
_WORDS = ["alpha", "beta", "gamma", "delta", "omega"]


@st.composite
def candidates(draw):
    n = draw(st.integers(1, 12))
    out = []
    for i in range(n):
        out.append(
            _cand(
                i,
                f"art{draw(st.integers(0, 3))}",
                set(draw(st.lists(st.sampled_from(_ENTS), max_size=3))),
                set(draw(st.lists(st.sampled_from(_CLASSES), min_size=1, max_size=2))),
                set(draw(st.lists(st.sampled_from(_WORDS), max_size=4))),
            )
        )
    return out


@given(candidates())
def test_similarity_is_symmetric_and_bounded(cands):
    weight = _Weights(cands)
    for a in cands:
        for b in cands:
            s = similarity(a, b, weight)
            assert s == pytest.approx(similarity(b, a, weight))
            assert 0.0 <= s <= 1.0


@given(candidates(), st.randoms(use_true_random=False))
def test_alignment_does_not_depend_on_input_order(cands, rnd):
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    a = align(cands)
    b = align(shuffled)

    def partition(aligned):
        groups: dict[int, set[str]] = {}
        for c in aligned:
            groups.setdefault(c.group, set()).add(c.id)
        return sorted(sorted(g) for g in groups.values())

    assert partition(a) == partition(b)
    labels = sorted({c.group for c in a})
    assert labels == list(range(len(labels)))


def test_a_class_and_one_actor_or_countries_alone_do_not_make_one_fact():
    from dataclasses import replace

    filler = [_cand(10 + i, f"other{i}", {f"n:z{i}"}, {"meet"}, {f"w{i}"}) for i in range(6)]

    def score(a: ClaimCandidate, b: ClaimCandidate) -> float:
        return similarity(a, b, _Weights([a, b, *filler]))

    iran = "id:e7"
    # a country (its entity and its country key) and an event class, no word, no day
    a = replace(
        _cand(0, "art1", {iran, "n:country:IR", "n:x"}, {"warn"}, {"citizen"}),
        broad=frozenset({iran, "n:country:IR"}),
    )
    b = replace(
        _cand(1, "art2", {iran, "n:country:IR", "n:y"}, {"warn"}, {"conflict"}),
        broad=frozenset({iran, "n:country:IR"}),
    )
    assert score(a, b) == 0.0
    # one town in common and no word: still too little
    c = _cand(2, "art1", {"n:hama", "n:govt"}, {"seize"}, {"regain"})
    d = _cand(3, "art2", {"n:hama", "n:rebels"}, {"seize"}, {"milestone"})
    assert score(c, d) == 0.0
    # two towns in common: one fact told in other words
    e = _cand(4, "art1", {"n:hama", "n:aleppo"}, {"seize"}, {"dozens"})
    f = _cand(5, "art2", {"n:hama", "n:aleppo"}, {"seize"}, {"milestone"})
    assert score(e, f) > 0.3
    # or one actor and a word in common
    g = _cand(6, "art2", {"n:hama", "n:rebels"}, {"seize"}, {"regain"})
    assert score(c, g) > 0.0
    # a denial needs no word in common with the report it denies
    rumour = replace(_cand(7, "art1", {"n:leader"}, {"flee"}, {"abroad"}), stance="rumoured")
    denial = replace(
        _cand(8, "art2", {"n:leader", "n:capital"}, {"flee"}, {"palace"}),
        negated=True,
        stance="denied",
    )
    assert score(rumour, denial) > 0.0
    assert (
        score(replace(rumour, stance="asserted"), replace(denial, negated=False, stance="asserted"))
        == 0.0
    )


def test_figures_of_one_article_that_disagree_stay_apart():
    a = _cand(0, "x", {"n:a"}, {"kill"}, {"alpha"}, _figure(826))
    b = _cand(1, "x", {"n:a"}, {"kill"}, {"alpha"}, _figure(900))
    c = _cand(2, "y", {"n:a"}, {"kill"}, {"alpha"}, _figure(850))
    groups = {x.id: x.group for x in align([a, b, c], AlignParams())}
    assert groups["x@0"] != groups["x@1"]


def test_extract_claims_on_nothing():
    assert extract_claims([]) == []


def test_a_capital_stands_for_its_country():
    assert capital_country("Tehran") == "IR"
    assert capital_country("Paris") == "FR"
    assert capital_country("Aleppo") is None  # a city, not a capital


@pytest.mark.parametrize(
    "language,before,place",
    [
        ("en", "93 dead in ", True),
        ("en", "the road to the ", True),
        ("en", "Another supporter of the regime, ", False),
        ("fr", "morts dans la ", True),
        ("es", "heridos en ", True),
        ("ru", "погибли в ", True),
        ("xx", "evacuated from ", True),  # a language with no list: English's
    ],
)
def test_a_preposition_before_a_name_makes_it_a_place(language, before, place):
    assert bool(lexicon.place_prepositions(language).search(before)) is place
