"""Independence of sources: copies and rewrites found in a set count once with their origin; wire
credits. Checked on the sample corpus (its README's ground truth), on the seeds (no relation
between them), and on small texts written here."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import REFERENCE
from hypothesis import given
from hypothesis import strategies as st

import consilience
from consilience.model import (
    Annotations,
    Article,
    Attribution,
    EntityMention,
    Published,
    Quantity,
    Sentence,
    SourceRef,
)
from consilience.sample import corpus_files
from consilience.sources.independence import (
    IndependenceParams,
    agency_of,
    canonical_agency,
    copy_share,
    fact_keys,
    fact_name_key,
    find_links,
    find_sources,
    shingle_set,
    traced_origin,
)


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    """The sample corpus through the pipeline, keyed "file", "file:line" or "file#entry"."""
    report = consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False)
    return {_key(a): a for a in report.articles}


def _key(a: Article) -> str:
    name = Path(a.source.path).name
    if a.source.line is not None:
        return f"{name}:{a.source.line}"
    if a.source.entry is not None:
        return f"{name}#{a.source.entry}"
    return name


ANA, VALLEY, EURO1 = "ana-adige-flood.txt", "news-archive.jsonl:1", "eurobrief-feed.xml#0"


# ----------------------------------------------------------------------------- ground truth


def test_corpus_sources_match_the_readme(corpus):
    """Valley Post copies ANA, Euro Brief 1 rewrites it; the five others stand alone."""
    arts = list(corpus.values())
    sources = find_sources(arts)
    assert len(sources) == 6
    ana = corpus[ANA].id
    (group,) = [s for s in sources if len(s.articles) > 1]
    assert group.id == f"src-{ana}"
    assert group.articles[0] == ana
    assert set(group.articles) == {ana, corpus[VALLEY].id, corpus[EURO1].id}
    assert set(group.relations) == {
        (corpus[VALLEY].id, "copy", ana),
        (corpus[EURO1].id, "rewrite", ana),
    }
    singles = {s.articles[0] for s in sources if len(s.articles) == 1}
    assert singles == {a.id for a in arts} - set(group.articles)


def test_corpus_links_and_scores(corpus):
    arts = list(corpus.values())
    links = find_links(arts)
    ids = {(arts[lk.a].id, arts[lk.b].id): lk for lk in links}
    pairs = {frozenset(k): v.kind for k, v in ids.items()}
    ana, vp, eb1 = corpus[ANA].id, corpus[VALLEY].id, corpus[EURO1].id
    assert pairs[frozenset((ana, vp))] == "copy"
    assert pairs[frozenset((ana, eb1))] == "rewrite"
    # the independent report of the same briefing (Notiziario Lagarino) is not linked
    notiziario = corpus["notiziario-lagarino-en.txt"].id
    assert not any(notiziario in p for p in pairs)
    share = copy_share(shingle_set(corpus[ANA].text), shingle_set(corpus[VALLEY].text))
    assert share > 0.9


def test_seeds_are_five_independent_sources(seed_articles):
    arts = [seed_articles[k] for k in sorted(seed_articles)]
    assert find_links(arts) == []
    sources = find_sources(arts)
    assert [s.articles for s in sources] == [(a.id,) for a in arts]
    assert all(s.relations == () for s in sources)


# ----------------------------------------------------------------------------- wire credits


def test_agency_of_corpus_and_seed(corpus, seed_articles):
    assert agency_of(corpus[ANA]) == "ANA"  # dateline "(ANA) —"
    assert agency_of(corpus[VALLEY]) == "Wire"  # the changed credit
    assert agency_of(corpus["lagarina-today.html"]) is None
    assert agency_of(seed_articles["004"]) == "AFP"  # two "told AFP"
    assert agency_of(seed_articles["001"]) is None


def _plain(text: str, attributions: tuple[Attribution, ...] = ()) -> Article:
    return Article(
        id="t",
        source=SourceRef("t.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        language="en",
        annotations=Annotations(attributions=attributions),
    )


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("OSLO (Reuters) - The council voted on a new budget.", "Reuters"),
        ("(AFP) — The council voted on a new budget.", "AFP"),
        ("LIMA, Peru (Associated Press) -- The council voted.", "AP"),
        ("The council voted on a new budget on Monday.\nIt passed easily. (AP)", "AP"),
        ("The council voted on a new budget.\nIt passed easily. — Reuters", "Reuters"),
        ("The mayor told AFP the vote was close. A clerk told AFP it was late.", "AFP"),
        ("The mayor told AFP the vote was close. Nobody else spoke.", None),
        ("The mayor told AFP it was close; a clerk told Reuters it was not.", None),
        ("According to Reuters, the vote was close. Reuters reported a recount.", "Reuters"),
        ("The council (which met in June) voted on a new budget.", None),
        ("", None),
        # a headline and a byline line before the dateline paragraph
        (
            "Council passes budget\nNorth Wire | 6 May 2030\n\nOSLO (North Wire) - The council "
            "voted.",
            "North Wire",
        ),
        # a credit to the agency whose material an article used
        (
            "The council voted on a new budget.\nIt passed easily.\n\n(With North Wire)",
            "North Wire",
        ),
        ("The council voted on a new budget.\nIt passed easily. (With AFP)", "AFP"),
        # a dateline further down is no credit of the article
        ("A\nB\nC\nOSLO (North Wire) - The council voted.", None),
        # below the first line, a name in brackets in a sentence is no dateline; a byline's
        # or a label's brackets credit no one
        (
            "Ferry sinks\nO presidente da câmara, Rui Santos (PSD) – que passou a noite no porto "
            "– falou.",
            None,
        ),
        ("By Ana Lopes (Staff Writer) - 16 May\nThe council voted.", None),
        ("Ferry sinks off Varnesse (VIDEO) - The council voted.", None),
        ("Ferry disaster (UPDATE 2): The council voted.", None),
        # closing credits in lower case, with "information from", or naming two agencies
        ("Le conseil a voté.\n(avec AFP)", "AFP"),
        ("El consejo votó.\n(Con información de Reuters)", "Reuters"),
        ("The council voted.\n(With Reuters, AP)", "Reuters"),
    ],
)
def test_agency_of_rules(text, agency):
    assert agency_of(_plain(text)) == agency


def test_traced_origin_reads_channel_and_source():
    text = "Two officials told AFP the bridge was shut. Reuters said it reopened."
    told = Attribution(0, 43, 0, 13, "told", channel="AFP")
    said = Attribution(44, 68, 44, 51, "said")
    own = Attribution(0, 43, 0, 13, "told", channel="reporters")
    article = _plain(text, (told, said, own))
    assert traced_origin(article, told) == "AFP"
    assert traced_origin(article, said) == "Reuters"
    assert traced_origin(article, own) is None
    assert canonical_agency("Agence France-Presse") == "AFP"
    assert canonical_agency("The Associated Press") == "AP"
    assert canonical_agency("Valley Post") is None


# ----------------------------------------------------------------------------- small texts

STORY = (
    "GRENOBLE (Alpine Wire) - A cable car stopped between two pylons above the town on Tuesday "
    "morning, leaving 46 passengers suspended for nearly five hours before rescuers lowered "
    "them on ropes, the prefecture said.\n\n"
    "The operator, Telepherique du Bastion, blamed a power cut at the upper station. Its "
    "director, Paul Ferrand, said the backup motor failed to start and that engineers were "
    "checking why.\n\n"
    "Two passengers were taken to hospital with mild hypothermia. The temperature at the "
    "cabins fell to minus 3 degrees during the night, according to the weather service.\n\n"
    "The line, which carries about 300,000 visitors a year, will stay closed until Friday. "
    "It last stopped in 2019, when a cabin hit a support in high wind."
)
# Same facts, same order, other words (written for this test).
SPUN = (
    "Rescuers spent close to five hours on Tuesday bringing 46 people down by rope after a "
    "Grenoble cable car halted between pylons, officials at the prefecture reported.\n\n"
    "Telepherique du Bastion, which runs the line, put the breakdown down to an outage at the "
    "top station; Paul Ferrand, its director, said the reserve motor never kicked in and "
    "technicians were investigating.\n\n"
    "Mild hypothermia sent two riders to hospital, as the cabins cooled to minus 3 degrees "
    "overnight, the weather service said.\n\n"
    "Used by roughly 300,000 visitors each year, the cableway is shut until Friday. Its "
    "previous stoppage was in 2019, when wind pushed a cabin into a support."
)
OTHER = (
    "A regional court on Thursday ordered a dairy cooperative to pay 1.2 million euros to "
    "farmers over unpaid milk deliveries, ending a dispute that began in 2021. The "
    "cooperative's lawyer, Claire Moulin, said her client would appeal. About 80 farms had "
    "joined the case, and several had sold their herds while waiting for the ruling."
)
NAMES = ("Grenoble", "Telepherique du Bastion", "Paul Ferrand", "Ferrand", "Friday", "Tuesday")


def _annotated(aid: str, text: str, day: str | None = "2024-02-06") -> Article:
    """An article with sentences, entities (the names above) and quantities (digits), so that
    fact keys exist without running spaCy."""
    sentences = tuple(
        Sentence(m.start(), m.end())
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text)
        if m.group().strip()
    )
    ents = []
    for name in NAMES:
        for m in re.finditer(re.escape(name), text):
            if not any(e.start <= m.start() < e.end for e in ents):
                ents.append(EntityMention(m.start(), m.end(), "ORG"))
    quants = tuple(
        Quantity(m.start(), m.end(), float(m.group().replace(",", "")))
        for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text)
    )
    ann = Annotations(
        sentences=sentences, entities=tuple(sorted(ents, key=lambda e: e.start)), quantities=quants
    )
    return Article(
        id=aid,
        source=SourceRef(f"{aid}.txt"),
        kind="txt",
        raw_text=text,
        text=text,
        language="en",
        published=Published(day, "metadata" if day else "none"),
        annotations=ann,
    )


def _text_of(article: Article) -> str:
    return article.text


def _copy_of(text: str) -> str:
    """A syndicated copy: new credit, a word changed, the last paragraph cut."""
    out = text.replace("(Alpine Wire)", "(Wire)").replace("rescuers lowered", "crews lowered")
    return out.rsplit("\n\n", 1)[0]


def test_copy_rewrite_and_independent_small_texts():
    origin = _annotated("origin", STORY)
    copy = _annotated("copy", _copy_of(STORY))
    spun = _annotated("spun", SPUN, "2024-02-07")
    other = _annotated("other", OTHER)
    sources = find_sources([spun, copy, origin, other])
    assert len(sources) == 2
    group = sources[0]
    assert group.articles == ("origin", "spun", "copy")
    assert set(group.relations) == {("copy", "copy", "origin"), ("spun", "rewrite", "origin")}
    assert sources[1].articles == ("other",)


def test_origin_is_the_earliest_published_then_the_longer():
    early_copy = _annotated("copy", _copy_of(STORY), "2024-02-05")
    origin = _annotated("origin", STORY, "2024-02-06")
    (group,) = find_sources([origin, early_copy])
    assert group.articles == ("copy", "origin")  # published first: the origin of the set
    same_day = _annotated("copy", _copy_of(STORY), "2024-02-06")
    (group,) = find_sources([same_day, origin])
    assert group.articles == ("origin", "copy")  # same day: the longer text
    undated = _annotated("origin", STORY, None)
    (group,) = find_sources([undated, same_day])
    assert group.articles == ("copy", "origin")  # an undated article is never first


def test_a_wire_padded_by_an_outlet_the_same_day_is_still_the_origin():
    wire = _annotated("wire", STORY, "2024-02-06")
    padded = _annotated(
        "padded",
        "It was meant to be a quiet morning on the mountain.\n\n"
        + STORY.replace("GRENOBLE (Alpine Wire) - ", "")
        + "\n\nFamilies waited at the lower station for news.",
        "2024-02-06",
    )
    assert len(_text_of(padded)) > len(STORY)
    (group,) = find_sources([padded, wire])
    assert group.articles == ("wire", "padded")  # credited to an agency: the wire


def test_a_wire_whose_headline_and_byline_open_its_text_is_still_the_origin():
    # scraped text: the headline and a byline line before the dateline paragraph; the padded
    # rewrite credits the wire at its end
    wire = _annotated(
        "wire", "Cable car stops over valley\nAlpine Wire | 6 Feb 2024\n\n" + STORY, "2024-02-06"
    )
    padded = _annotated(
        "padded",
        "It was meant to be a quiet morning on the mountain.\n\n"
        + STORY.replace("GRENOBLE (Alpine Wire) - ", "")
        + "\n\nFamilies waited at the lower station for news.\n\n(With Alpine Wire)",
        "2024-02-06",
    )
    assert len(_text_of(padded)) > len(_text_of(wire))
    (group,) = find_sources([padded, wire])
    assert group.articles == ("wire", "padded")
    assert agency_of(padded) == "Alpine Wire"


def test_a_shared_quote_is_not_a_copy():
    quote = (
        '"We will rebuild every bridge that the river took from us, and we will start this '
        'week, with the help of every town along the valley," the governor said.'
    )
    a = _annotated("a", OTHER + "\n\n" + quote)
    b = _annotated("b", STORY + "\n\n" + quote)
    assert find_links([a, b]) == []


def test_facts_are_names_numbers_and_dates_by_sentence():
    facts = fact_keys(_annotated("x", "Paul Ferrand met 46 people in Grenoble. Ferrand left."))
    assert facts.by_sentence == (("ferrand", "grenoble", "n:46"), ("ferrand",))
    assert facts.keys == ("ferrand", "grenoble", "n:46", "ferrand")
    assert facts.sentence == (0, 0, 0, 1)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Lucia Marchetti", "marchetti"),
        ("Marchetti", "marchetti"),
        ("the Regional Emergency Agency", "rea"),
        ("REA", "rea"),
        ("Defense Ministry", "defense ministry"),
        ("Assad's", "assad"),
        ("Türkiye", "turkiye"),
        ("A", None),
    ],
)
def test_name_key(name, key):
    assert fact_name_key(name) == key


def test_params_must_fill_the_bands():
    with pytest.raises(ValueError, match="bands"):
        find_links(
            [_annotated("a", STORY), _annotated("b", STORY)],
            IndependenceParams(permutations=100, bands=32, rows=4),
        )


# ----------------------------------------------------------------------------- invariants

WORDS = (
    "river bridge council vote budget rain road school farm mayor power train market "
    "court price water fire storm"
).split()


def _random_text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


@given(st.integers(0, 10_000), st.integers(2, 7), st.integers(0, 3))
def test_sources_partition_the_input_whatever_the_order(seed, n, copies):
    rng = random.Random(seed)
    arts = [
        _annotated(f"a{i}", _random_text(rng, 60), f"2024-02-0{1 + rng.randrange(8)}")
        for i in range(n)
    ]
    for j in range(copies):  # exact copies of random articles, published later
        src = arts[rng.randrange(n)]
        arts.append(replace(src, id=f"c{j}", published=Published("2024-02-09", "metadata")))
    sources = find_sources(arts)
    members = [a for s in sources for a in s.articles]
    assert sorted(members) == sorted(a.id for a in arts)
    by_id = {a.id: a for a in arts}
    for s in sources:
        assert s.id == f"src-{s.articles[0]}"
        assert {r[0] for r in s.relations} == set(s.articles[1:])
        assert all(r[2] in s.articles and r[1] in ("copy", "rewrite") for r in s.relations)
        dates = [by_id[x].published.date for x in s.articles]
        assert dates[0] == min(dates)
    for j in range(copies):  # every exact copy sits with its original
        (home,) = [s for s in sources if f"c{j}" in s.articles]
        assert len(home.articles) >= 2
    shuffled = list(reversed(arts))
    assert {frozenset(s.articles) for s in find_sources(shuffled)} == {
        frozenset(s.articles) for s in sources
    }


# Two sentences of one report, and the same two lightly edited (words changed, added,
# moved): written for these tests.
FERRY = (
    "The ferry left the harbour of Saint-Malo shortly after nine in the evening with 212 "
    "passengers and 31 crew members on board, the operator said.",
    "Coastguard boats and two helicopters searched the water near the rocks until dawn, but no "
    "one was found in the sea.",
)
FERRY_EDITED = (
    "The ferry had left the port of Saint-Malo shortly after nine in the evening carrying 212 "
    "passengers and 31 crew members, the operator said on Sunday.",
    "Two helicopters and coastguard boats searched the water near the rocks until dawn, yet no "
    "one was found in the sea, officials added.",
)


def _around(first: str, middle: str, last: str) -> str:
    return f"{first}\n\n{middle}\n\n{last}"


def test_sentences_copied_with_light_edits_are_a_copy():
    a = _annotated("a", _around(FERRY[0], OTHER, FERRY[1]))
    b = _annotated("b", _around(FERRY_EDITED[0], STORY, FERRY_EDITED[1]))
    (link,) = find_links([a, b])
    assert (link.a, link.b, link.kind) == (0, 1, "copy")
    # not by the other rules: no long shared passage, under three of eight words
    assert find_links([a, b], IndependenceParams(edited_shingles=10**6)) == []


def test_one_edited_sentence_reordered_or_quoted_sentences_are_no_copy():
    one = _annotated("one", _around(FERRY_EDITED[0], STORY, "The port reopened on Monday."))
    a = _annotated("a", _around(FERRY[0], OTHER, FERRY[1]))
    assert find_links([a, one]) == []
    swapped = _annotated("swapped", _around(FERRY_EDITED[1], STORY, FERRY_EDITED[0]))
    assert find_links([a, swapped]) == []
    quoted = _annotated("quoted", _around(f'"{FERRY[0]}"', OTHER, f'"{FERRY[1]}"'))
    edited = _annotated("edited", _around(FERRY_EDITED[0], STORY, FERRY_EDITED[1]))
    assert find_links([quoted, edited]) == []
    # two sentences repeated whole, word for word, read as a quotation without its marks
    whole = _annotated("whole", _around(FERRY[0], STORY, FERRY[1]))
    assert find_links([a, whole]) == []


def test_chain_counts_pairs_in_order_in_both_texts():
    from consilience.sources.passages import chain

    rows = np.array([0, 0, 1, 2, 3])
    assert chain(rows, np.array([2, 0, 1, 3, 4])) == 4  # 0-0, 1-1, 2-3, 3-4
    assert chain(rows, np.array([3, 2, 1, 0, 0])) == 1  # columns fall as rows rise
    assert chain(np.array([], dtype=int), np.array([], dtype=int)) == 0


def test_days_of_the_story_are_not_what_makes_two_languages_one_report():
    from consilience.sources.independence import Facts, _shared_beyond_days, _without_days

    # two reports of one strike written apart in two languages: the story's days, its toll,
    # a month of its background and that background's toll, in the same order
    german = Facts(
        keys=("d:2031-05-12", "n:17", "n:30", "d:2031-05-11", "d:2031-05-11", "d:2029-03", "n:31"),
        sentence=(0, 0, 1, 2, 3, 4, 4),
        by_sentence=(
            ("d:2031-05-12", "n:17"),
            ("n:30",),
            ("d:2031-05-11",),
            ("d:2031-05-11",),
            ("d:2029-03", "n:31"),
        ),
    )
    russian = Facts(
        keys=("d:2031-05-12", "n:17", "n:40", "d:2031-05-11", "d:2031-05-11", "d:2029-03", "n:31"),
        sentence=(0, 0, 1, 2, 3, 4, 4),
        by_sentence=(
            ("d:2031-05-12", "n:17"),
            ("n:40",),
            ("d:2031-05-11",),
            ("d:2031-05-11",),
            ("d:2029-03", "n:31"),
        ),
    )
    assert _without_days(german).keys == ("n:17", "n:30", "d:2029-03", "n:31")
    assert _without_days(german).by_sentence == (("n:17",), ("n:30",), ("d:2029-03", "n:31"))
    assert _shared_beyond_days(german, russian) == 3


INVENTED = Path(__file__).parent / "data" / "invented"


def test_reports_of_one_day_written_apart_in_two_languages_are_no_translation(tmp_path):
    """Two invented reports of one ferry sinking (tests/data/invented, written for these
    tests), in Spanish and Russian, published the same day: each writes its date in a byline
    line, then the same figures in the natural order of a lead (the toll, the missing, the
    time, the rescued). Their days counted as three figures each made a run of six, long
    enough to pass for a translation without comparing their sentences."""
    import consilience

    for name in ("ferry_es.txt", "ferry_ru.txt"):
        (tmp_path / name).write_bytes((INVENTED / name).read_bytes())
    report = consilience.analyze([tmp_path], progress=False)
    language = {a.id: a.language for a in report.articles}
    (story,) = report.stories
    assert sorted([language[a] for a in s.articles] for s in story.sources) == [["es"], ["ru"]]


def test_a_time_of_day_is_one_figure_in_a_translations_run_of_figures() -> None:
    from consilience.sources.independence import _figures

    # two reports of one blast both write its time: one figure each, not an hour and minutes
    assert _figures("El ataque, a las 08:40, dejó 33 muertos; 27 por la mañana.") == [
        "8.4",
        "33",
        "27",
    ]
    assert _figures("Saldırı 08.40'ta oldu, 33 ölü.") == ["8.4", "33"]
    # a ratio or a score is no time of day: "3:1" keeps its two figures
    assert _figures("won 3:1 and 12:30:15") == ["3", "1", "12", "30", "15"]
