"""Tests for consilience.annotate.attribution, plus both annotators over the shared seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.annotate.attribution import find_attributions, sentence_stance
from consilience.annotate.quantities import find_quantities
from consilience.model import EntityMention, Sentence

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def _split(text: str) -> list[Sentence]:
    """Return sentences split at line breaks and at ". " (a stand-in for the real splitter)."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in re.finditer(r"\. (?=\S)", line.group()):
            out.append(Sentence(start, line.start() + stop.start() + 1))
            start = line.start() + stop.end()
        out.append(Sentence(start, line.end()))
    return out


def _attrs(text: str, entities=()):
    """Return (cue, source text, stance, channel) for each attribution in ``text``."""
    found = find_attributions(text, _split(text), entities)
    return [(a.cue, text[a.source_start : a.source_end], a.stance, a.channel) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A harbour official told AFP on Saturday that the ferry had sunk.",
            [("told", "A harbour official", "reported", "AFP")],
        ),
        (
            "state television insisted that the fighters had not entered the city.",
            [("insisted", "state television", "denied", None)],
        ),
        (
            "The ministry said reports of a withdrawal were unfounded.",
            [("said", "The ministry", "denied", None)],
        ),
        (
            "Floodwater reached the old bridge, according to the regional water authority.",
            [("according to", "the regional water authority", "reported", None)],
        ),
        (
            "According to a farmer and a local priest, the dam held overnight.",
            [("according to", "a farmer and a local priest", "reported", None)],
        ),
        ('"We lost everything," a shopkeeper said.', [("said", "a shopkeeper", "reported", None)]),
        (
            "“The road is open,” said the county engineer.",
            [("said", "the county engineer", "reported", None)],
        ),
        (
            "The storm flattened two villages, said the coastguard, which added that rescues "
            "continued.",
            [
                ("said", "the coastguard", "reported", None),
                ("added", "the coastguard", "reported", None),
            ],
        ),
        (
            "The governor's office, however, insisted that he had not resigned.",
            [("insisted", "The governor's office", "denied", None)],
        ),
        (
            "The resignation was denied by the governor's spokeswoman.",
            [("denied", "the governor's spokeswoman", "denied", None)],
        ),
        (
            "Nadia Okafor, a spokeswoman for the port authority, told Reuters the cranes were "
            "safe.",
            [("told", "Nadia Okafor, a spokeswoman for the port authority", "reported", "Reuters")],
        ),
        (
            "A retired pilot, Tomas Brandt, said the runway flooded.",
            [("said", "A retired pilot, Tomas Brandt", "reported", None)],
        ),
        ("Officials say the pier will reopen.", [("say", "Officials", "reported", None)]),
        (
            "THE PORT AUTHORITY SAID THE PIER WOULD REOPEN.",
            [("said", "THE PORT AUTHORITY", "reported", None)],
        ),
        (
            "the port authority said the pier would reopen.",
            [("said", "the port authority", "reported", None)],
        ),
        (
            "The council rejected reports that the pier had collapsed.",
            [("rejected", "The council", "denied", None)],
        ),
        (
            "The government denied reports that the minister had fled.",
            [("denied", "The government", "denied", None)],
        ),
        (
            "On Monday, the council announced a new budget.",
            [("announced", "the council", "reported", None)],
        ),
        (
            "Two engineers who inspected the pier said it was sound.",
            [("said", "Two engineers who inspected the pier", "reported", None)],
        ),
        ("The report said the bridge was unsafe.", [("said", "The report", "reported", None)]),
        (
            "Maria Lindqvist said in an interview with Radio Nord that the harbour was closed.",
            [("said", "Maria Lindqvist", "reported", "Radio Nord")],
        ),
        (
            "The union later posted on its website that talks had failed.",
            [("posted", "The union", "reported", "website")],
        ),
        (
            "The resident, fearing reprisals, insisted on anonymity.",
            [("insisted", "The resident", "reported", None)],
        ),
        (
            "Pickets blocked the gate and the manager said nothing.",
            [("said", "the manager", "reported", None)],
        ),
        (
            "Jo Ray, who has farmed here for decades, said the well ran dry.",
            [("said", "Jo Ray", "reported", None)],
        ),
        (
            "The well ran dry in June, said Jo Ray, a farmer.",
            [("said", "Jo Ray", "reported", None)],
        ),
        (
            "Crops failed, said a neighbour who moved away last year.",
            [("said", "a neighbour", "reported", None)],
        ),
        (
            "She told Radio Nord in 2019 that the mill would close.",
            [("told", "She", "reported", "Radio Nord")],
        ),
        (
            "The plan was backed by state-owned media, which reported that rents would fall.",
            [("reported", "state-owned media", "reported", None)],
        ),
        (
            "The coastguard on Friday said two boats were missing.",
            [("said", "The coastguard", "reported", None)],
        ),
        (
            "A photo posted online late on Sunday by a local blogger showed the dam.",
            [("posted", "a local blogger", "reported", None)],
        ),
        (
            "The union, at odds with the owners over pay, said on Monday it would strike.",
            [("said", "The union", "reported", None)],
        ),
        (
            "Organisers told The Harbour Gazette the race was cancelled.",
            [("told", "Organisers", "reported", "The Harbour Gazette")],
        ),
        (
            "Her lawyer told the Reuters news agency the charges were baseless.",
            [("told", "Her lawyer", "denied", "Reuters news agency")],
        ),
        ("(The family denies any involvement.)", [("denies", "The family", "denied", None)]),
        (
            "The guards signed false timesheets, according to court records.",
            [("according to", "court records", "reported", None)],
        ),
        ("The club said the claims were false.", [("said", "The club", "denied", None)]),
        ("I just told myself to keep going.", [("told", "I", "reported", None)]),
        ("Rebels claimed victory by nightfall.", [("claimed", "Rebels", "reported", None)]),
        (
            "Two people briefed on the talks said a deal was near.",
            [("said", "Two people briefed on the talks", "reported", None)],
        ),
        (
            "Ana Ruiz, President Acme Foods, says the plant will close.",
            [("says", "Ana Ruiz, President Acme Foods", "reported", None)],
        ),
    ],
)
def test_sourced_attributions(text, expected):
    assert _attrs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor reportedly left the town on Friday.", [("reportedly", "", "reported", None)]),
        ("There were rumours that the governor had resigned.", [("rumours", "", "rumoured", None)]),
        ("There were even rumors that the coach had quit.", [("rumors", "", "rumoured", None)]),
        (
            "Unconfirmed reports suggest the pier collapsed.",
            [("unconfirmed reports", "", "rumoured", None)],
        ),
        ("It is said the well never runs dry.", [("it is said", "", "rumoured", None)]),
    ],
)
def test_sourceless_cues(text, expected):
    found = find_attributions(text, _split(text))
    assert all(a.source_start == a.source_end == a.start for a in found)
    assert _attrs(text) == expected


def test_reportedly_is_dropped_when_the_sentence_names_a_source():
    text = "According to the club, the striker reportedly signed on Monday."
    assert _attrs(text) == [("according to", "the club", "reported", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The inspectors were told to leave.",
        "Thousands of tonnes of grain were reported missing.",
        "A UN report that was leaked described the damage.",
        "Reports of flooding came from the north.",
        "The team won the cup on Sunday.",
        "She refused to say where she was.",
        "There were no reported injuries in the crash.",
        "The league listed nine alleged rule breaches.",
        "The price wasn't announced.",
        "She didn't say when the shop would open.",
    ],
)
def test_no_attribution(text):
    assert _attrs(text) == []


def test_record_covers_its_sentence():
    text = "The river rose. Farmers said the levee held. The rain stopped."
    sents = _split(text)
    (a,) = find_attributions(text, sents)
    assert (a.start, a.end) == (sents[1].start, sents[1].end)
    assert text[a.start : a.end] == "Farmers said the levee held."
    assert text[a.source_start : a.source_end] == "Farmers"


def test_a_person_told_is_not_a_channel():
    text = "The mayor told Jo Ray the road would reopen."
    assert _attrs(text) == [("told", "The mayor", "reported", "Jo Ray")]
    ents = [EntityMention(text.index("Jo Ray"), text.index("Jo Ray") + 6, "PERSON")]
    assert _attrs(text, ents) == [("told", "The mayor", "reported", None)]


def test_entities_keep_a_name_with_a_function_word_whole():
    text = "Doctors Without Borders said the clinic was shelled."
    assert _attrs(text)[0][1] == "Borders"  # without the entity, "Without" ends the subject
    ents = [EntityMention(0, len("Doctors Without Borders"), "ORG")]
    assert _attrs(text, ents) == [("said", "Doctors Without Borders", "reported", None)]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Officials dismissed the claims.", "denied"),
        ("The rumours were false, the club said.", "denied"),
        ("There is no truth in it, he said.", "denied"),
        ("Speculation grew that the coach would leave.", "rumoured"),
        ("The coach said he would stay.", "reported"),
        ("She insisted on anonymity and said the town was calm.", "reported"),
        # a refusal to speculate frames nothing as a rumour
        ("The investigator said it was too early to speculate about the cause.", "reported"),
        ("Officials declined to speculate on the cause.", "reported"),
    ],
)
def test_sentence_stance(sentence, stance):
    assert sentence_stance(sentence) == stance


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The mayor",
                "said",
                "told",
                "AFP",
                "according to",
                "the council",
                ",",
                ".",
                "that",
                "reportedly",
                "rumours",
                "denied",
                "by",
                "who",
                "which",
                "and",
                "“",
                "”",
                "the",
                "Jo Ray",
            ]
        ),
        max_size=25,
    )
)
def test_records_stay_inside_their_sentence(words):
    text = " ".join(words)
    found = find_attributions(text, _split(text))
    for a in found:
        assert a.start <= a.source_start <= a.source_end <= a.end
        src = text[a.source_start : a.source_end]
        assert src == src.strip(" ,")
        assert a.cue not in src.lower().split() or a.source_start == a.source_end


def _seed(prefix: str) -> str:
    """Return the text of the seed file whose name starts with ``prefix``."""
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert files, f"no seed {prefix} in {SEEDS}"
    return files[0].read_text(encoding="utf-8")


@pytest.mark.shared
def test_annotators_on_the_shared_seeds():
    if not SEEDS.is_dir():
        pytest.skip(f"shared seeds not found at {SEEDS}")
    s004, s000, s002 = _seed("004"), _seed("000"), _seed("002")
    q004 = {(q.value, q.qualifier, q.counted, q.number_format) for q in find_quantities(s004)}
    assert (370000, "at least", "people", "comma") in q004
    assert (826, "at least", "dead", "plain") in q004
    assert (500000, "more than", "dead", "words") in q004
    q000 = find_quantities(s000)
    assert (2000, "european", "about") in {(q.value, q.number_format, q.qualifier) for q in q000}
    assert (400000, "european") in {(q.value, q.number_format) for q in q000}
    spans000 = {s000[q.start : q.end] for q in q000}
    assert not spans000 & {"1", "4", "5", "2011", "2017"}  # road and base names, years
    q002 = {(s002[q.start : q.end], q.unit) for q in find_quantities(s002)}
    assert ("within 20 miles", "mile") in q002

    a002 = find_attributions(s002, _split(s002))
    stances = {(s002[a.source_start : a.source_end], a.cue): a.stance for a in a002}
    assert stances[("State television", "insisted")] == "denied"
    a004 = find_attributions(s004, _split(s004))
    told = {s004[a.source_start : a.source_end]: a.channel for a in a004 if a.cue == "told"}
    assert told.get("two Iraqi security officials") == "AFP"
    assert ("rumors", "rumoured") in {(a.cue, a.stance) for a in a004}
