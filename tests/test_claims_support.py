"""Support by frame, commentary and background, on small invented stories run through the real
pipeline: a passage is evidence of a claim only when it states what the claim asserts (its
event, its actors and places, its day), the claim's wording is the assertion the most sources
back, and analysis or old history is never a claim. Every story here is invented for these
tests (real place names, made-up events)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, holding, in_file_order
from claim_stories import doc as _doc
from claim_stories import gazetteer as _gazetteer

from consilience.claims import extract_claims
from consilience.claims.records import ClaimCandidate
from consilience.claims.support import by_support, ranked, representative, slots, supports
from consilience.model import Article
from consilience.verdicts import analyze_story

STORIES: dict[str, dict[str, str]] = {
    # Only one report gives the day the towns fell; the others say they fell.
    "day": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "On March 3, rebel fighters captured Tartu and Viljandi after a night of "
            "shelling. Residents fled south.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "Rebel fighters have captured Tartu and Viljandi, a regional official said. "
            "Shops stayed closed.",
        ),
        "c.txt": _doc(
            "Harbour Post",
            "2030-03-06",
            "The rebels captured Tartu and Viljandi in a rapid advance, witnesses said. "
            "Trains were cancelled.",
        ),
    },
    # Analysis and old history next to the news.
    "noise": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "Rebel fighters captured Tartu on Monday, the army said. "
            "Analysts believe the fall of Tartu will change the course of the war. "
            "The region's first uprising broke out in 2014 when rebels seized Tartu. "
            "Rebel fighters shelled the port of Parnu last month. "
            "Rebels recently seized a fuel depot near Parnu. "
            "The talks, held in a format created in 2019, resumed in Geneva on Monday.\n\n"
            'Crisis meeting in Tallinn, minister Tamm: "Our citizens in Tartu are safe"\n\n'
            "Trains to Tartu were cancelled on Monday, the railway company said. "
            "The army is no longer capable of regaining control of the town.",
        ),
        "b.txt": _doc(
            "Northern Courier",
            "2030-03-06",
            "Rebel fighters captured Tartu on Monday, residents said. "
            "The talks resumed in Geneva on Monday, a diplomat said.",
        ),
    },
    # An event word inside a name is no event.
    "name": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "Nordic Summit Pictures hired the director Anna Berg for its new film on Monday, "
            "the studio said.",
        ),
    },
    # A pronoun closing the sentence is its own subject, not the source named before.
    "they": {
        "a.txt": _doc(
            "Baltic Wire",
            "2030-03-06",
            "Defence minister Anna Berg said the troops were on alert. "
            "The foreign ministers of Estonia and Latvia met in Riga on Monday and agreed "
            "to share radar data, they said.",
        ),
    },
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> dict[str, list[Article]]:
    """Every mini-story through the real pipeline, once: name -> articles in file order."""
    return {
        name: in_file_order(analysed(tmp_path_factory, name, files))
        for name, files in STORIES.items()
    }


def test_a_day_one_report_gives_is_not_what_the_claim_asserts(stories):
    a, b, c = stories["day"]
    claims = analyze_story([a, b, c], gazetteer=_gazetteer())
    (claim,) = holding(claims, b, "captured Tartu")
    assert holding(claims, c, "captured Tartu") == [claim]
    assert holding(claims, a, "captured Tartu") == [claim]  # it states all of it, and more
    assert claim.status == "corroborated"
    assert claim.independent_sources == 3
    # the wording is one the three reports back: not the one with the day only it gives
    assert "March 3" not in claim.text
    # and it asserts what the three share: who said it differs (an official, witnesses, none)
    assert claim.text == "Rebel fighters have captured Tartu and Viljandi."


def test_commentary_and_old_history_are_not_claims(stories):
    a, b = stories["noise"]
    claims = analyze_story([a, b], gazetteer=_gazetteer())
    assert holding(claims, a, "Analysts believe") == []
    assert holding(claims, a, "first uprising") == []
    assert holding(claims, a, "shelled the port") == []  # before the story's events
    assert holding(claims, a, "fuel depot") == []
    assert holding(claims, a, "Our citizens") == []  # a heading closing on a quote
    assert holding(claims, a, "Trains to Tartu")  # the next line is read
    assert holding(claims, a, "capable of") == []  # what it could do, not what happened
    # an old date describing something in passing leaves the news in the sentence a claim
    (talks,) = holding(claims, a, "resumed in Geneva")
    assert holding(claims, b, "resumed in Geneva") == [talks]
    assert talks.status == "corroborated"
    (capture,) = holding(claims, a, "captured Tartu")
    assert capture.status == "corroborated"
    assert capture.independent_sources == 2


def test_an_event_word_inside_a_name_is_no_event(stories):
    (a,) = stories["name"]
    candidates = extract_claims([a], gazetteer=_gazetteer())
    assert candidates
    assert all("meet" not in c.classes for c in candidates)


def test_a_pronoun_closing_the_sentence_names_no_one_else(stories):
    (a,) = stories["they"]
    claims = analyze_story([a], gazetteer=_gazetteer())
    held = holding(claims, a, "agreed")
    assert held
    for claim in held:
        (ev,) = [e for e in claim.evidence if e.article == a.id]
        assert ev.attributed_to is None
        assert ev.stance == "reported"


# ----------------------------------------------------------------------------- units


def _cand(
    i: int,
    article: str,
    entities: set[str],
    classes: set[str],
    group: int = 0,
    negated: bool = False,
) -> ClaimCandidate:
    return ClaimCandidate(
        id=f"{article}@{i}",
        article=article,
        start=i,
        end=i + 1,
        sentence=(i, i + 1),
        text=f"sentence {i} of {article}",
        kind="statement",
        published=None,
        stance="denied" if negated else "asserted",
        negated=negated,
        disputes_reports=False,
        attributed_to=None,
        cue=None,
        channel=None,
        attribution=None,
        entities=frozenset(entities),
        places=frozenset(),
        classes=frozenset(classes),
        sides=frozenset(),
        words=frozenset(),
        group=group,
    )


def test_slots_leave_out_weak_classes_and_whole_countries():
    c = _cand(0, "a", {"id:e1", "id:e2"}, {"seize", "attack"})
    c = ClaimCandidate(**{**{f: getattr(c, f) for f in c.__slots__}, "broad": frozenset({"id:e2"})})
    assert slots(c) == frozenset({"c:seize", "e:id:e1"})


def test_a_member_naming_none_of_the_actors_is_taken_out():
    members = [
        _cand(0, "a", {"id:x", "id:y"}, {"seize"}),
        _cand(1, "b", {"id:x", "id:y"}, {"seize"}),
        _cand(2, "c", {"id:x"}, {"seize"}),
        _cand(3, "d", {"id:z"}, {"seize"}),
    ]
    out = by_support(members)
    groups = [c.group for c in out]
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] != groups[0]
    rep = representative(members)
    assert rep.article in {"a", "b"}
    assert not supports(members[3], rep, frozenset({"c:seize", "e:id:x", "e:id:y"}))


def test_a_denial_stays_with_the_report_it_contests():
    members = [
        _cand(0, "a", {"id:x"}, {"enter"}),
        _cand(1, "b", {"id:x"}, {"enter"}),
        _cand(2, "c", {"id:w"}, {"withdraw"}),
        _cand(3, "d", {"id:w"}, {"withdraw"}),
        _cand(4, "e", {"id:x"}, set(), negated=True),
    ]
    out = {c.id: c.group for c in by_support(members)}
    assert out["e@4"] == out["a@0"] == out["b@1"]
    assert out["c@2"] == out["d@3"] != out["a@0"]


def test_a_dispute_is_worded_by_the_report_the_denial_contests():
    members = [
        _cand(0, "a", {"id:x", "id:y"}, {"seize"}),
        _cand(1, "b", {"id:x"}, {"enter"}),
        _cand(2, "c", {"id:x"}, {"seize"}),
        _cand(3, "d", {"id:x"}, {"enter"}, negated=True),
    ]
    assert representative(members).id == "b@1"
    assert representative(members[:3]).id in {"a@0", "c@2"}


def test_a_machine_translated_report_words_a_claim_only_when_no_other_can():
    members = [_cand(0, "a", {"id:x"}, {"seize"}), _cand(1, "b", {"id:x"}, {"seize"})]
    assert ranked(members)[0].id == "a@0"
    assert ranked(members, flagged={"a"})[0].id == "b@1"
    # a flagged report that alone states the event still words it
    alone = [_cand(0, "a", {"id:x"}, {"seize"}), _cand(1, "b", {"id:x"}, set())]
    assert ranked(alone, flagged={"a"})[0].id == "a@0"


def test_a_sentence_telling_another_event_words_a_claim_last():
    members = [_cand(0, "a", {"id:x"}, {"seize"}), _cand(1, "b", {"id:x"}, {"seize"})]
    assert ranked(members, busy={"a@0"})[0].id == "b@1"


def test_a_member_must_tell_every_event_the_core_holds():
    rep = _cand(0, "a", {"id:x"}, {"seize", "withdraw"})
    kernel = frozenset({"c:seize", "c:withdraw", "e:id:x"})
    assert supports(_cand(1, "b", {"id:x"}, {"seize", "withdraw"}), rep, kernel)
    assert supports(_cand(2, "c", {"id:x"}, {"enter", "withdraw"}), rep, kernel)  # related
    assert not supports(_cand(3, "d", {"id:x"}, {"seize"}), rep, kernel)


def _on(c: ClaimCandidate, day: str) -> ClaimCandidate:
    from dataclasses import replace

    from consilience.claims.records import EventDate

    return replace(c, dates=(EventDate(day, "day", c.start, c.end, exact=True, since=False),))


def test_the_same_event_told_on_the_same_day_supports_whoever_it_names():
    # "a coalition of rebels launched an offensive on 27 May" (a), "the offensive launched
    # last week is led by the coalition" (b, no day), "their offensive, which began on 27 May,
    # took two towns" (c: names the towns, not the coalition): c tells a's event on a's day
    members = [
        _on(_cand(0, "a", {"id:coalition", "id:group"}, {"begin"}), "2030-05-27"),
        _cand(1, "b", {"id:coalition", "id:group"}, {"begin"}),
        _on(_cand(2, "c", {"id:town1", "id:town2"}, {"begin"}), "2030-05-27"),
        # the same event on another day, naming none of the actors, is not it
        _on(_cand(3, "d", {"id:town3"}, {"begin"}), "2030-05-20"),
    ]
    out = {c.id: c.group for c in by_support(members)}
    assert out["a@0"] == out["b@1"] == out["c@2"]
    assert out["d@3"] != out["a@0"]


def test_a_report_in_another_language_must_tell_a_related_event():
    from dataclasses import replace

    members = [
        _cand(0, "a", {"id:bridge", "id:town"}, {"breach"}),
        _cand(1, "b", {"id:bridge", "id:town"}, {"breach"}),
        # Spanish, naming the bridge: told as a collapse it backs the claim, as an arrest not
        replace(_cand(2, "c", {"id:bridge"}, {"breach"}), language="es"),
        replace(_cand(3, "d", {"id:bridge"}, {"arrest"}), language="es"),
        # a sentence whose event words were not read backs it by who and where alone
        replace(_cand(4, "e", {"id:bridge"}, set()), language="es"),
    ]
    out = {c.id: c.group for c in by_support(members)}
    assert out["a@0"] == out["b@1"] == out["c@2"] == out["e@4"]
    assert out["d@3"] != out["a@0"]


def test_a_denial_on_the_same_day_is_not_kept_as_support():
    members = [
        _on(_cand(0, "a", {"id:coalition"}, {"begin"}), "2030-05-27"),
        _cand(1, "b", {"id:coalition"}, {"begin"}),
        _on(_cand(2, "c", {"id:town1"}, {"begin"}, negated=True), "2030-05-27"),
    ]
    from consilience.claims.support import _same_day

    assert _same_day(members, members[:2], members[1]) == []


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("2030-03-05", "2030-03", False),  # a day and the month it lies in are one
        ("2030-03-05", "2030", False),
        ("2030-03", "2031-10", True),  # two months a year and a half apart
        ("2030-03-05", "2030-03-06", True),
    ],
)
def test_a_day_and_its_month_are_not_two_days(a, b, apart):
    import importlib

    from claim_stories import candidate

    from consilience.claims.records import EventDate

    align = importlib.import_module("consilience.claims.align")

    def on(value: str) -> ClaimCandidate:
        precision = {10: "day", 7: "month", 4: "year"}[len(value)]
        day = EventDate(value, precision, 0, 1, exact=True, since=False)
        return candidate("x", 0, dates=(day,))

    assert align.two_days(on(a), on(b)) is apart
