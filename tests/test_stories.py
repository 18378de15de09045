"""Story grouping: exact groups on invented reports (two languages, similar events), the records
built, order independence, and the features and clustering steps on their own."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.model import Article, Published, SourceRef
from consilience.stories import Params, group
from consilience.stories.cluster import agglomerate, second_order
from consilience.stories.features import (
    day_month_phrases,
    name_keys,
    normalise,
    number_keys,
    skeleton,
    time_keys,
    word_keys,
)

DATA = Path(__file__).parent / "data" / "stories"
LANG = {"fr": "fr", "es": "es", "de": "de", "ru": "ru"}

# Two earthquakes (Peru 2029, Turkey 2031) and two cathedral fires (Valdemora 2029, Northam
# 2031), each reported in two or three languages (Cyrillic included), and an unrelated story.
EXPECTED = {
    frozenset({"quake-peru-en", "quake-peru-fr", "quake-peru-en-2"}),
    frozenset({"fire-cathedral-en", "fire-cathedral-es", "fire-cathedral-de"}),
    frozenset({"quake-turkey-en", "quake-turkey-ru"}),
    frozenset({"fire-cathedral-other-en"}),
    frozenset({"transfer-en"}),
}


def _article(path: Path) -> Article:
    text = path.read_text("utf-8")
    lang = next((code for tag, code in LANG.items() if f"-{tag}" in path.stem), "en")
    return Article(
        id=path.stem,
        source=SourceRef(str(path)),
        kind="txt",
        raw_text=text,
        text=text,
        title=text.splitlines()[0],
        language=lang,
    )


ARTICLES = tuple(_article(p) for p in sorted(DATA.glob("*.txt")))


def _groups(stories) -> set[frozenset[str]]:  # noqa: ANN001
    return {frozenset(s.articles) for s in stories}


def test_same_event_in_two_languages_groups_and_similar_events_do_not() -> None:
    assert _groups(group(ARTICLES)) == EXPECTED


def test_story_records() -> None:
    stories = group(ARTICLES)
    assert [s.id for s in stories] == ["story-1", "story-2", "story-3", "story-4", "story-5"]
    # largest first; equal sizes ordered by their smallest article id
    assert [s.articles for s in stories] == [
        ("fire-cathedral-de", "fire-cathedral-en", "fire-cathedral-es"),
        ("quake-peru-en", "quake-peru-en-2", "quake-peru-fr"),
        ("quake-turkey-en", "quake-turkey-ru"),
        ("fire-cathedral-other-en",),
        ("transfer-en",),
    ]
    # the title: most common language (English among equals), then the most central article
    assert stories[0].title == "Fire ravages roof of Santa Eulalia cathedral in Valdemora"
    assert stories[1].title == "Strong earthquake kills 37 in southern Peru"
    assert all(s.period == (None, None) for s in stories)


def test_period_and_order_follow_publication_dates() -> None:
    dated = {
        "quake-peru-en": Published("2029-02-14", "metadata"),
        "quake-peru-en-2": Published("2029-02-15", "metadata"),
        "quake-peru-fr": Published("2029-02-14", "text"),
    }
    articles = [replace(a, published=dated.get(a.id, Published())) for a in ARTICLES]
    first = group(articles)[1]
    assert first.articles == ("quake-peru-en", "quake-peru-fr", "quake-peru-en-2")
    assert first.period == ("2029-02-14", "2029-02-15")


def test_publication_dates_months_apart_split_a_story() -> None:
    base = next(a for a in ARTICLES if a.id == "quake-peru-en")
    early = replace(base, id="a", published=Published("2029-02-14", "metadata"))
    close = replace(base, id="b", published=Published("2029-02-16", "metadata"))
    late = replace(base, id="c", published=Published("2029-09-01", "metadata"))
    assert _groups(group([early, close, late])) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_dates_inferred_from_text_do_not_split() -> None:
    base = next(a for a in ARTICLES if a.id == "quake-peru-en")
    early = replace(base, id="a", published=Published("2029-02-14", "text"))
    late = replace(base, id="c", published=Published("2029-09-01", "text"))
    assert _groups(group([early, late])) == {frozenset({"a", "c"})}


def test_empty_input_and_single_article() -> None:
    assert group([]) == []
    (only,) = group(ARTICLES[:1])
    assert only.articles == (ARTICLES[0].id,)
    assert only.id == "story-1"


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate article id"):
        group([ARTICLES[0], ARTICLES[0]])


def test_article_without_any_key_is_a_singleton() -> None:
    empty = Article(id="blank", source=SourceRef("-"), kind="txt", raw_text="...", text="...")
    stories = group([*ARTICLES, empty])
    assert _groups(stories) == EXPECTED | {frozenset({"blank"})}


@settings(max_examples=25, deadline=None)
@given(st.permutations(ARTICLES))
def test_result_does_not_depend_on_input_order(shuffled: list[Article]) -> None:
    assert group(shuffled) == group(ARTICLES)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(ARTICLES), unique_by=lambda a: a.id, min_size=1))
def test_every_article_lands_in_exactly_one_story(subset: list[Article]) -> None:
    stories = group(subset)
    ids = [i for s in stories for i in s.articles]
    assert sorted(ids) == sorted(a.id for a in subset)
    assert all(s.articles for s in stories)


def test_pipeline_output_groups_the_same() -> None:
    import consilience

    report = consilience.analyze([DATA], reference_date=date(2026, 11, 22), progress=False)
    stem = {a.id: Path(a.source.path).stem for a in report.articles}
    assert {a.language for a in report.articles} == {"en", "fr", "es", "de", "ru"}
    got = {frozenset(stem[i] for i in s.articles) for s in group(report.articles)}
    assert got == EXPECTED


# ----------------------------------------------------------------------------- features


def test_normalise_transliterates_and_collapses_doubled_letters() -> None:
    assert [normalise(w) for w in ("Асад", "Assad", "Márquez", "Karlıova", "Bingöl")] == [
        "asad",
        "asad",
        "marquez",
        "karliova",
        "bingol",
    ]


def test_name_keys_skip_sentence_openers_calendar_and_function_words() -> None:
    text = (
        "The minister Selim Aydemir spoke. Aydemir said In Bingöl the toll rose. "
        "Rescuers came on Monday from Ankara."
    )
    assert dict(name_keys(text)) == {
        "selim": 1,
        "~slm": 1,
        "aydemir": 2,
        "~dmr": 2,
        "bingol": 1,
        "~bngl": 1,
        "ankara": 1,
        "~nkr": 1,
    }


def test_name_keys_take_sentence_openers_inside_entity_spans() -> None:
    text = "Rescuers came. Ankara sent help."
    assert dict(name_keys(text)) == {}
    assert dict(name_keys(text, [(15, 21)])) == {"ankara": 1, "~nkr": 1}


def test_title_case_headlines_are_no_evidence_of_names() -> None:
    text = "Minister Checks Into Hospital After Crash\nThe minister was taken to hospital."
    assert dict(name_keys(text)) == {}
    assert dict(name_keys("Rescue Teams Reach Karlıova\nTeams reached Karlıova.")) == {
        "karliova": 2,
        "~krlv": 2,
    }


def test_skeletons_meet_across_transliterations() -> None:
    assert skeleton("karliova") == skeleton(normalise("Карлыова")) == "krlv"
    assert skeleton("marquez") == skeleton(normalise("Маркес")) == "mrks"
    assert skeleton("homs") == skeleton(normalise("Хомс")) == "hms"
    assert skeleton("asad") == ""  # under three consonants: too many names would meet


def test_number_keys_read_every_grouping_convention() -> None:
    text = "1,500 people and 1.500 personas, 1 500 Leute, 6,8 and 6.8, in 2029, 3.5 million"
    assert dict(number_keys(text)) == {"1500": 3, "6.8": 2, "3.5": 1}


def test_day_month_phrases_in_several_languages() -> None:
    text = (
        "le 7 décembre 2024, December 8, 2024, el 5 de diciembre de 2023, am 3. März, "
        "May 3rd, 12 rue de Rivoli"
    )
    assert day_month_phrases(text) == [
        (12, 7, 2024),
        (12, 8, 2024),
        (12, 5, 2023),
        (3, 3, None),
        (5, 3, None),
    ]


def test_time_keys_match_across_languages() -> None:
    assert time_keys("mercredi 14 février 2029") == time_keys("Wednesday, February 14, 2029")
    assert dict(time_keys("on 14 février 2029")) == {
        "y:2029": 1,
        "md:02-14": 1,
        "d:2029-02-14": 1,
    }


def test_word_keys_cut_words_to_a_prefix_and_drop_function_words() -> None:
    assert dict(word_keys("The earthquakes struck the earthquake zone again")) == {
        "earthq": 2,
        "struck": 1,
        "zone": 1,
    }


# ----------------------------------------------------------------------------- clustering


def test_second_order_is_the_cosine_of_neighbourhoods() -> None:
    edges = second_order([[(1, 0.5)], [(0, 0.5)], []], floor=0.1, hub=8)
    assert edges == {(0, 1): pytest.approx(0.8)}


def test_agglomerate_stops_at_the_threshold() -> None:
    edges = {(0, 1): 0.9, (1, 2): 0.5, (2, 3): 0.7}
    assert agglomerate(4, edges, 0.6) == [0, 0, 2, 2]
    assert agglomerate(4, edges, 0.3) == [0, 0, 2, 2]  # 0.5 / min(2, 2) = 0.25
    assert agglomerate(4, edges, 0.2) == [0, 0, 0, 0]


def test_agglomerate_lets_a_lone_article_join_through_its_links() -> None:
    # linkage({0, 1}, {2}) = (0.4 + 0.4) / 1: the lone article's links add up
    assert agglomerate(3, {(0, 1): 0.9, (0, 2): 0.4, (1, 2): 0.4}, 0.6) == [0, 0, 0]


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda p: p[0] < p[1]),
        st.floats(0.05, 1.0),
        max_size=20,
    ),
    st.floats(0.1, 1.0),
    st.randoms(use_true_random=False),
)
def test_agglomerate_labels_are_lowest_members_and_ignore_edge_order(
    edges: dict, threshold: float, rnd
) -> None:  # noqa: ANN001
    labels = agglomerate(8, edges, threshold)
    for i, lab in enumerate(labels):
        assert lab == min(j for j in range(8) if labels[j] == lab)
        assert lab <= i
    items = list(edges.items())
    rnd.shuffle(items)
    assert agglomerate(8, dict(items), threshold) == labels
    if all(w < threshold for w in edges.values()):
        assert labels == list(range(8))
    # a group never spans two connected components of the edge graph
    component = list(range(8))
    for i, j in sorted(edges):
        old, new = component[j], component[i]
        component = [new if c == old else c for c in component]
    for i in range(8):
        for j in range(8):
            if labels[i] == labels[j]:
                assert component[i] == component[j]


def test_params_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Params().link = 0.1  # type: ignore[misc]


def test_the_sample_corpus_is_one_story() -> None:
    """Eight reports of one event, some sharing almost no rare word with the others (the
    content-farm page), still form one story: shared names count even in a tiny set."""
    import consilience
    from consilience.sample import corpus_files

    report = consilience.analyze([str(p) for p in corpus_files()], progress=False)
    assert [len(s.articles) for s in report.stories] == [8]


def test_groups_never_span_more_days_than_the_limit():
    from consilience.stories.cluster import agglomerate

    # 0 and 2 are dated two years apart; 1 is undated and strongly linked to both
    edges = {(0, 1): 0.9, (1, 2): 0.8}
    assert agglomerate(3, edges, 0.3) == [0, 0, 0]
    assert agglomerate(3, edges, 0.3, [100, None, 830], max_span=120) == [0, 0, 2]
    # within the limit they merge
    assert agglomerate(3, edges, 0.3, [100, None, 150], max_span=120) == [0, 0, 0]


def test_interned_profiles_are_equal_and_share_their_keys():
    import pickle
    from collections import Counter

    from consilience.stories.features import Profile, interned

    made = Profile(
        id="a",
        names=Counter({"tarvik": 2}),
        words=Counter({"flood": 3}),
        numbers=Counter(),
        times=Counter(),
    )
    # two copies as a run's process receives them from its workers: equal keys, two strings each
    one, two = pickle.loads(pickle.dumps(made)), pickle.loads(pickle.dumps(made))
    (k1,), (k2,) = one.words, two.words
    assert k1 == k2 and k1 is not k2
    a, b = interned(one), interned(two)
    assert a == made and b == made
    (k1,), (k2,) = a.words, b.words
    assert k1 is k2
    assert next(iter(a.names)) is next(iter(b.names))


def test_neighbours_found_in_other_processes_give_the_same_stories(monkeypatch) -> None:  # noqa: ANN001
    """With a Spread (a pool's map), the articles' neighbours are found in its processes, each
    job's rows in parts: the same stories, ids and titles as here."""
    from concurrent.futures import ProcessPoolExecutor

    import consilience.stories as stories
    from consilience.stories import Spread, assemble, header, profile

    items = [(header(a), profile(a)) for a in ARTICLES]
    here = assemble(items)
    monkeypatch.setattr(stories, "SPREAD_FROM", 2)  # the test set is small
    mapped: list[int] = []

    def run(fn, jobs):  # noqa: ANN001, ANN202
        mapped.append(len(jobs))
        return pool.map(fn, jobs)

    with ProcessPoolExecutor(2) as pool:
        spread = assemble(items, spread=Spread(run, 3))
    # two jobs (every language, then other languages only), each in two parts
    assert mapped == [4]
    assert spread == here
    assert _groups(spread) == EXPECTED


def test_a_lone_report_weakly_similar_to_many_of_a_story_stays_apart() -> None:
    # three reports of one story, each the others' close neighbour; a fourth report of another
    # event is only weakly similar to each (0.06-0.08), so its links to them (each about 0.11)
    # sum past the link threshold: it joins only when no similarity of its own is asked for
    edges = {(0, 1): 0.8, (0, 2): 0.7, (1, 2): 0.75, (0, 3): 0.11, (1, 3): 0.12, (2, 3): 0.1}
    direct = {(0, 1): 0.6, (0, 2): 0.5, (1, 2): 0.55, (0, 3): 0.06, (1, 3): 0.08, (2, 3): 0.07}
    assert agglomerate(4, edges, 0.3) == [0, 0, 0, 0]
    assert agglomerate(4, edges, 0.3, strongest=0.1, direct=direct) == [0, 0, 0, 3]
    # one pair as similar as that is enough
    closer = {**direct, (1, 3): 0.12}
    assert agglomerate(4, edges, 0.3, strongest=0.1, direct=closer) == [0, 0, 0, 0]


def test_a_day_and_a_figure_alone_tell_nothing_of_one_event() -> None:
    from consilience.stories import _direct
    from consilience.stories.features import Profile
    from consilience.stories.similarity import telling, vectors

    def made(pid: str, names: str, numbers: str) -> Profile:
        return Profile(
            id=pid,
            names=Counter(names.split()),
            words=Counter(),
            numbers=Counter(numbers.split()),
            times=Counter(["d:2030-11-12", "md:11-12"]),
        )

    profiles = [
        made("fire", "gazipur dhaka", "14 30 10"),
        made("bombing", "potiskum yobe", "31 74 10"),
        made("bombing-2", "potiskum balarabe", "31 33"),
        made("other", "tete", "31 74 8"),
    ]
    params = Params()
    vec, _ = vectors(profiles, params)
    # one figure and the day: no pair; a place: a pair; two figures: a pair
    assert not telling(vec, None, params, 0, 1)
    assert telling(vec, None, params, 1, 2)
    assert telling(vec, None, params, 1, 3)
    near = [[(1, 0.13)], [(0, 0.13), (2, 0.5)], [(1, 0.5)], []]
    assert _direct(near, lambda i, j: telling(vec, None, params, i, j)) == {
        (0, 1): 0.0,
        (1, 2): 0.5,
    }
    assert _direct(near) == {(0, 1): 0.13, (1, 2): 0.5}


def test_the_day_of_a_head_date_line_is_no_figure() -> None:
    from consilience.stories.features import number_keys

    text = "Southern Wire — Thursday, 12 November 2030\n\nThe toll rose to 31 on Thursday."
    start = text.index("12 November")
    assert number_keys(text) == Counter({"12": 1, "31": 1})
    assert number_keys(text, None, (start, start + 16)) == Counter({"31": 1})
    # the span is the article's: a title written before the text shifts it
    titled = "Toll rises\n" + text
    assert number_keys(titled, None, (start, start + 16), shift=11) == Counter({"31": 1})
