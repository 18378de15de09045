"""Per-article flags: exact flags on the seeds and the sample corpus, each signal on texts written
here, invariants, and the evaluation gate (bench/flags.py on tests/data/flags)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import REFERENCE
from hypothesis import given
from hypothesis import strategies as st

import consilience
from consilience.clean import clean
from consilience.flags import (
    FLAG_KINDS,
    FlagParams,
    article_flags,
    english_vocabulary,
    fixed_names,
    known_word,
    quality_signals,
    translation_signals,
    unsupported_sections,
)
from consilience.model import (
    Annotations,
    Article,
    DateMention,
    EntityMention,
    Published,
    Quantity,
    Sentence,
    SourceRef,
)
from consilience.sample import corpus_files
from consilience.sources.independence import find_sources

ROOT = Path(__file__).resolve().parents[1]


def _load_bench():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("bench_flags", ROOT / "bench" / "flags.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    return _load_bench()


@pytest.fixture(scope="module")
def gazetteer():  # noqa: ANN201
    from consilience.gazetteer import Gazetteer
    from consilience.settings import Settings

    return Gazetteer.open(Settings())


@pytest.fixture(scope="module")
def corpus_articles() -> list[Article]:
    report = consilience.analyze(corpus_files(), reference_date=REFERENCE, progress=False)
    return list(report.articles)


@pytest.fixture(scope="module")
def corpus_flags(corpus_articles, gazetteer) -> dict:
    return article_flags(corpus_articles, find_sources(corpus_articles), gazetteer=gazetteer)


@pytest.fixture(scope="module")
def seed_flags(seed_articles, gazetteer) -> dict:
    arts = [seed_articles[k] for k in sorted(seed_articles)]
    return article_flags(arts, find_sources(arts), gazetteer=gazetteer)


def _by_file(articles, name, line=None, entry=None) -> Article:
    (found,) = [
        a
        for a in articles
        if Path(a.source.path).name == name and a.source.line == line and a.source.entry == entry
    ]
    return found


def _kinds(flags) -> tuple[str, ...]:
    return tuple(f.kind for f in flags)


# ----------------------------------------------------------------------------- seeds


def test_seed_flags_exactly(seed_articles, seed_flags):
    got = {k: _kinds(seed_flags[a.id]) for k, a in seed_articles.items()}
    assert got == {
        "000": ("machine_translation",),
        "001": (),
        "002": ("unsupported_content", "low_quality"),
        "003": (),
        "004": ("machine_translation",),
    }


def test_seed_interview_span_covers_the_appended_interview(seed_articles, seed_flags):
    article = seed_articles["002"]
    (flag,) = [f for f in seed_flags[article.id] if f.kind == "unsupported_content"]
    text = article.text
    heading = text.rfind("\n", 0, text.index("Fast-Approaching Reckoning")) + 1
    assert flag.spans == ((heading, len(text)),)
    # the span holds the dialogue and ends with the text; the reported body is outside it
    assert text[flag.spans[0][0] :].startswith("## ")
    assert "dialogue" in flag.detail or "a dialogue" in flag.detail
    assert "an expert no other report names" in flag.detail


def test_seed_translation_evidence(seed_articles, seed_flags):
    (it,) = seed_flags[seed_articles["000"].id]
    (fr,) = seed_flags[seed_articles["004"].id]
    it_text, fr_text = seed_articles["000"].text, seed_articles["004"].text
    it_found = {it_text[s:e] for s, e in it.spans}
    assert {"La Pro-Turkish", "Le Israel", "fu the", "400.000"} <= it_found
    assert "numbers in a continental format" in it.detail
    fr_found = {fr_text[s:e] for s, e in fr.spans}
    assert "damask" in fr_found  # Damascus left in another language, lower-cased
    assert "'this <weekday>' for a day already past" in fr.detail


# ----------------------------------------------------------------------------- corpus


def test_corpus_flags_exactly(corpus_articles, corpus_flags):
    got = {
        (Path(a.source.path).name, a.source.line, a.source.entry): _kinds(corpus_flags[a.id])
        for a in corpus_articles
    }
    assert got == {
        ("ana-adige-flood.txt", None, None): (),
        ("news-archive.jsonl", 1, None): ("copy",),
        ("news-archive.jsonl", 2, None): (),
        ("eurobrief-feed.xml", None, 0): ("rewrite",),
        ("eurobrief-feed.xml", None, 1): (),
        ("lagarina-today.html", None, None): (),
        ("notiziario-lagarino-en.txt", None, None): ("machine_translation",),
        ("dam-burst-claims.txt", None, None): ("unsupported_content", "low_quality"),
    }


def test_corpus_copy_and_rewrite_name_their_origin(corpus_articles, corpus_flags):
    ana = _by_file(corpus_articles, "ana-adige-flood.txt")
    valley = _by_file(corpus_articles, "news-archive.jsonl", line=1)
    euro = _by_file(corpus_articles, "eurobrief-feed.xml", entry=0)
    (copy,) = corpus_flags[valley.id]
    (rewrite,) = corpus_flags[euro.id]
    assert copy.related == (ana.id,) and rewrite.related == (ana.id,)
    assert "Alpine News Agency" in copy.detail
    # the copied stretches cover the whole text but the changed credits
    covered = sum(e - s for s, e in copy.spans)
    assert covered / len(valley.text) > 0.95
    assert all(valley.text[s:e] in ana.text for s, e in copy.spans)
    # the rewrite's evidence: its sentences whose facts align, in order
    assert len(rewrite.spans) >= 8
    assert "25 of its 31 facts" in rewrite.detail


def test_corpus_interview_and_typos(corpus_articles, corpus_flags):
    farm = _by_file(corpus_articles, "dam-burst-claims.txt")
    unsupported, low = corpus_flags[farm.id]
    text = farm.text
    start = text.index("EXCLUSIVE INTERVIEW")
    end = text.index("every Alpine valley.") + len("every Alpine valley.")
    assert unsupported.spans == ((start, end),)
    assert "Harald Vinter" in unsupported.detail
    found = {text[s:e] for s, e in low.spans}
    assert {"there homes", "its only"} <= found
    assert "3 spaces missing after punctuation" in low.detail
    notiziario = _by_file(corpus_articles, "notiziario-lagarino-en.txt")
    (mt,) = corpus_flags[notiziario.id]
    mt_found = {notiziario.text[s:e] for s, e in mt.spans}
    assert {"12.000", "6,4", "5,1", "Secondo the"} <= mt_found


# ----------------------------------------------------------------------------- signals


def _article(text: str, raw: str | None = None, **ann) -> Article:
    cleaned = clean(raw) if raw is not None else None
    if cleaned is not None:
        text = cleaned.text
    sentences = ann.pop("sentences", None) or tuple(
        Sentence(m.start(), m.end())
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text)
        if m.group().strip()
    )
    return Article(
        id=ann.pop("id", "t"),
        source=SourceRef("t.txt"),
        kind="txt",
        raw_text=raw if raw is not None else text,
        text=text,
        language="en",
        offsets=cleaned.offsets
        if cleaned is not None
        else Article.__dataclass_fields__["offsets"].default_factory(),
        published=Published(ann.pop("published", "2024-03-09"), "metadata"),
        annotations=Annotations(sentences=sentences, **ann),
    )


def _found(signals, kind: str) -> list[str]:
    return [s.text for s in signals if s.kind == kind]


VOCAB = frozenset("night officials road closed river said would the were late bridge".split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le officials said the road was closed.", ["Le officials"]),
        ("The river rose. La night was long.", ["La night"]),
        ("They said fu the first to go.", ["fu the"]),
        ("Il Mayor spoke. The Mayor left.", ["Il Mayor"]),  # "Mayor" is attested alone
        ("Le Monde reported the vote.", []),  # a name: "Monde" never stands alone
        ("They lived la dolce vita by the sea.", []),  # a quoted foreign phrase
        ("The Corriere della Sera said so.", []),  # lower-case particle inside a name
        ("Die hard fans were there.", []),  # English homograph left out of the lexicon
    ],
)
def test_foreign_function_words(text, expected):
    signals = translation_signals(_article(text), vocabulary=VOCAB)
    assert _found(signals, "function_word") == expected


def test_a_recurring_pair_is_a_fixed_name():
    texts = ["Fans in Los Angeles cheered. The Angeles team won.", "Los Angeles voted."]
    arts = [_article(t, id=f"a{i}") for i, t in enumerate(texts)]
    assert fixed_names(arts) == {"los angeles"}
    signals = translation_signals(arts[0], fixed=fixed_names(arts))
    assert _found(signals, "function_word") == []
    assert _found(translation_signals(arts[0]), "function_word") == ["Los Angeles"]


def test_number_formats_and_spacing():
    text = (
        "About 3.000 people fled and the water rose 2,5 metres. It is over ! Prices rose 1,2 and 3."
    )
    q = (Quantity(6, 11, 3000.0, number_format="european"), Quantity(79, 82, 1.2))
    signals = translation_signals(_article(text, quantities=q))
    assert _found(signals, "number_format") == ["3.000"]
    assert _found(signals, "decimal_comma") == ["2,5"]
    assert [s.kind for s in signals if s.kind == "french_spacing"] == ["french_spacing"]
    plain = translation_signals(_article("Some 12,000 people fled. The rate was 1.786%."))
    assert plain == []
    tokenised = "He said : no , it is over ! They left ."  # tokenised text spaces everything
    assert _found(translation_signals(_article(tokenised)), "french_spacing") == []


def test_this_weekday_only_for_a_day_already_past():
    text = "The mayor spoke this Saturday. A vote comes this Monday."
    dates = (
        DateMention(16, 29, "2024-03-09", "day"),  # the publication day
        DateMention(44, 55, "2024-03-11", "day"),  # still to come: ordinary English
    )
    signals = translation_signals(_article(text, dates=dates))
    assert _found(signals, "this_weekday") == ["this Saturday"]


def test_place_names_left_in_another_language(gazetteer):
    text = "Troops reached Damascus at dawn. They were 20 kilometres from damask by noon."
    signals = translation_signals(_article(text), gazetteer=gazetteer)
    assert _found(signals, "foreign_place_name") == ["damask (Damascus)"]
    text = "While the Russia urges calm, the Russia talks stalled."
    signals = translation_signals(_article(text), gazetteer=gazetteer)
    assert _found(signals, "article_country") == ["the Russia"]


def test_translation_skips_other_languages():
    article = _article("Le ministre a dit que la route est fermée.")
    article = Article(
        **{**{f: getattr(article, f) for f in article.__dataclass_fields__}, "language": "fr"}
    )
    assert translation_signals(article) == []


def test_quality_signals_on_written_text():
    raw = "The river rose,then it fell.At dawn they could of left. then it rained."
    article = _article("", raw=raw)
    signals = quality_signals(article, frozenset())
    assert sorted(_found(signals, "missing_space")) == ["fell. At", "rose, then"]
    assert _found(signals, "confusion") == ["could of"]
    assert _found(signals, "lower_start") == [". then"]


def test_quality_abbreviations_and_quotes_are_no_errors():
    text = (
        "He met U.S. officials at 9 a.m. on Monday. Add 1 tsp. olive oil.\n"
        '"Open the door!" an officer shouts.'
    )
    assert quality_signals(_article(text), frozenset()) == []


def test_misspellings_glue_and_lower_names():
    vocab = frozenset({"would", "said", "alliance", "bridge"})
    text = "Officials woudl not say. The thealliance held. Crews saeid the Woudl bridge was shut."
    signals = quality_signals(_article(text), vocab)
    assert _found(signals, "misspelling") == ["saeid (said?)"]  # "Woudl" is capitalised too
    assert _found(signals, "glued") == ["thealliance"]
    names = "Israel voted. Later Israel spoke, and israel left."
    ents = (EntityMention(0, 6, "GPE"), EntityMention(20, 26, "GPE"))
    assert _found(quality_signals(_article(names, entities=ents)), "lower_name") == ["israel"]


def test_english_vocabulary_from_the_model_package():
    vocab = english_vocabulary()
    assert vocab is not None and len(vocab) > 50_000
    assert known_word("rampaging", vocab) and known_word("stopped", vocab)
    assert not known_word("woudl", vocab)


# ----------------------------------------------------------------------------- unsupported

BODY = (
    "Flood water closed the main bridge in Norvale on Monday, and 300 residents left their "
    "homes, the town council said.\n"
    "Council engineers inspected the bridge piers and found cracks in two of them.\n"
)
INTERVIEW = (
    "EXCLUSIVE INTERVIEW\n"
    "We spoke to Dr. Oren Talbeck, a resilience consultant, about the crisis.\n"
    "Q: Could this have been avoided?\n"
    "A: Certainly. Every structure of that age hides weaknesses that nobody measures.\n"
    "Q: What comes next?\n"
    "A: Towns everywhere should expect disasters like this one every single year. The\n"
    "Q: Anything else?\n"
    "A: Prepare, prepare, prepare. Stay tuned for more.\n"
)
OTHER_REPORT = (
    "The main bridge in Norvale was closed on Monday after flood water rose, and about 300 "
    "residents left their homes, according to the town council. Engineers found cracks in "
    "two bridge piers during an inspection.\n"
)


def _story(text: str, aid: str) -> Article:
    ents = tuple(
        EntityMention(m.start(), m.end(), "PERSON") for m in re.finditer("Oren Talbeck", text)
    ) + tuple(EntityMention(m.start(), m.end(), "GPE") for m in re.finditer("Norvale", text))
    return _article(text, id=aid, entities=tuple(sorted(ents, key=lambda e: e.start)))


def test_unsupported_interview_is_flagged_with_its_span():
    farm, other = _story(BODY + INTERVIEW, "farm"), _story(OTHER_REPORT, "other")
    flags = article_flags([farm, other], find_sources([farm, other]), vocabulary=frozenset())
    (flag,) = flags["farm"]
    assert flag.kind == "unsupported_content"
    start = farm.text.index("EXCLUSIVE INTERVIEW")
    assert flag.spans == ((start, len(farm.text.rstrip())),)
    assert "Oren Talbeck" in flag.detail and "Stay tuned" in flag.detail
    assert flags["other"] == ()


def test_carried_or_plain_sections_are_not_flagged():
    farm = _story(BODY + INTERVIEW, "farm")
    # another source carries the interview's words: supported, however padded
    echo = _story(OTHER_REPORT + INTERVIEW.replace("EXCLUSIVE INTERVIEW\n", ""), "echo")
    secs = unsupported_sections(farm, [echo])
    assert all(s.support >= FlagParams().unsupported_support for s in secs)
    # no other report at all: nothing to compare with, no flag
    assert article_flags([farm], find_sources([farm]), vocabulary=frozenset())["farm"] == ()
    # an unsupported section without padding signs stays unflagged
    plain = _story(
        BODY + "Local news\n" + "Gardeners in the hills planted leeks and onions "
        "despite the cold, and the bakery sold out of rye bread early.\n" * 3,
        "p",
    )
    other = _story(OTHER_REPORT, "other")
    assert (
        article_flags([plain, other], find_sources([plain, other]), vocabulary=frozenset())["p"]
        == ()
    )


# ----------------------------------------------------------------------------- invariants

WORDS = "Le la river Bridge the fu rose, fell. then Israel israel 3.000 council".split()


@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), min_size=1, max_size=4))
def test_flags_are_well_formed(texts):
    arts = [_article(" ".join(t), id=f"a{i}") for i, t in enumerate(texts)]
    flags = article_flags(arts, find_sources(arts), vocabulary=VOCAB)
    assert set(flags) == {a.id for a in arts}
    for a in arts:
        kinds = [f.kind for f in flags[a.id]]
        assert kinds == sorted(kinds, key=FLAG_KINDS.index)
        assert len(set(kinds)) == len(kinds)
        for f in flags[a.id]:
            assert f.detail
            assert all(0 <= s < e <= len(a.text) for s, e in f.spans)


# ----------------------------------------------------------------------------- gate


def test_flag_gate_on_the_labelled_stories(bench, seed_articles, corpus_articles):
    """The scorer of bench/flags.py on the seeds and the corpus meets the floors of
    bench/gates/flags.json (the extraction negatives are scored by the bench itself)."""
    labels = bench.load_labels()
    seeds = [seed_articles[k] for k in sorted(seed_articles)]
    results = {
        "seeds": bench.score_dataset(labels["seeds"], seeds, bench.flags_for(seeds)),
        "corpus": bench.score_dataset(
            labels["corpus"], corpus_articles, bench.flags_for(corpus_articles)
        ),
    }
    summary = bench.summarise(results)
    floors = json.loads((ROOT / "bench" / "gates" / "flags.json").read_text("utf-8"))["stories"]
    assert [e for r in results.values() for e in r["errors"]] == []
    assert bench.check_gates({"stories": summary}, {"stories": floors}) == []
    # 13 labelled articles: one decision per flag kind each (the translation kind added 13, all
    # negatives: the labelled stories hold no translation of another article of theirs)
    assert summary["decisions"] == 76


def test_gate_scorer_counts_errors(bench, corpus_articles):
    """The scorer must fail what is wrong: a flag missing, one too many, a wrong span."""
    labels = bench.load_labels()["corpus"]
    flags = bench.flags_for(corpus_articles)
    farm = _by_file(corpus_articles, "dam-burst-claims.txt")
    ana = _by_file(corpus_articles, "ana-adige-flood.txt")
    broken = dict(flags)
    broken[farm.id] = tuple(f for f in flags[farm.id] if f.kind != "low_quality")
    broken[ana.id] = (flags[farm.id][0].__class__("copy", "x", ((0, 5),), ("y",)),)
    res = bench.score_dataset(labels, corpus_articles, broken)
    assert res["counts"]["low_quality"]["fn"] == 1 and res["counts"]["copy"]["fp"] == 1
    summary = bench.summarise({"corpus": res})
    assert summary["precision"] < 1.0 and summary["recall"] < 1.0
    shifted = dict(flags)
    (u, low) = flags[farm.id]
    shifted[farm.id] = (u.__class__(u.kind, u.detail, ((0, 10),)), low)
    assert bench.score_dataset(labels, corpus_articles, shifted)["span_ok"] == 0
