"""A thing that fell, told by a noun ("la caída de la torre"), a count of people that reads the
same in every language ("400 firefighters", "400 firemen", "400 pompiers"), a share of a
town ("half the town") (issue 12), and English sentences naming no event the lexicon reads,
which stand as claims when an independent report repeats them (issue 13).
Every sentence is written by the team for these tests (made-up fires and collapses; invented
places)."""

from __future__ import annotations

import pytest
from claim_stories import analysed, by_name, candidate, claim_with, doc, holding

from consilience.annotate.quantities import find_quantities
from consilience.claims import extract
from consilience.claims import lexicon as lx
from consilience.claims.align import align, similarity
from consilience.claims.extract import unread_alone
from consilience.claims.support import slots, supports
from consilience.model import Source

# ----------------------------------------------------------------------------- a noun of falling


def _targets(text: str, language: str) -> frozenset[tuple[str, str]]:
    events = lx.class_positions(text, language)
    got = lx.event_targets(events, lx.thing_spans(text, language), text, language)
    return frozenset(t for t in got if t[0] not in lx.WEAK_CLASSES)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # an article before the noun, a tie after it, the thing past one adjective
        ("Los vecinos vieron la caída de la vieja torre.", "es", {("breach", "tower")}),
        ("La chute de la flèche a été filmée.", "fr", {("breach", "spire")}),
        ("La caiguda de l'agulla va ser a les vuit.", "ca", {("breach", "spire")}),
        ("La caduta della guglia centrale è avvenuta alle 20.", "it", {("breach", "spire")}),
        ("The fall of the old tower was filmed.", "en", {("breach", "tower")}),
        # a Catalan word of sinking beside a structure: it came down
        ("L'agulla central enfonsada.", "ca", {("breach", "spire")}),
        ("El pont enfonsat ahir.", "ca", {("breach", "bridge")}),
    ],
)
def test_a_noun_of_falling_tied_to_a_thing_is_its_collapse(text, language, expected):
    assert _targets(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "classes"),
    [
        ("La caída de la bolsa fue del 5 %.", "es", set()),  # no thing
        ("La chute du gouvernement est attendue.", "fr", set()),
        ("El obrero cayó de la torre.", "es", set()),  # a verb: someone fell from it
        ("La caduta dal tetto di un operaio.", "it", set()),  # from the roof
        ("The fall of Keresk shocked the rebels.", "en", {"seize"}),  # a town taken
        ("El vaixell es va enfonsar al port.", "ca", set()),  # a ship sank: no structure
    ],
)
def test_a_fall_with_no_structure_tied_to_it_is_no_collapse(text, language, classes):
    assert lx.event_classes(text, language) == classes


def test_the_thing_a_text_opens_with_after_an_elided_article():
    assert lx.leading_thing(" de l'agulla va ser", "ca") == "spire"
    assert lx.leading_thing(" de la emblemática aguja de la cúpula", "es") == "spire"


# ----------------------------------------------------------------------------- support


def test_what_happened_to_a_thing_is_an_event_told_whatever_word_told_it():
    # "toppling its spire" (topple, a fire) tells that the spire came down (breach)
    toppling = candidate(
        "b",
        classes=frozenset({"topple", "fire"}),
        entities=frozenset({"id:e1"}),
        targets=frozenset({("breach", "spire")}),
    )
    assert "c:breach" in slots(toppling)
    fell = candidate(
        "a",
        classes=frozenset({"breach"}),
        entities=frozenset({"id:e1"}),
        targets=frozenset({("breach", "spire")}),
    )
    kernel = frozenset({"c:breach", "e:id:e1"})
    assert supports(toppling, fell, kernel)
    assert not supports(
        candidate("c", classes=frozenset({"fire"}), entities=frozenset({"id:e1"})), fell, kernel
    )


# ----------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "that" after a verb of saying joins what is said: "one" counts
        ("en", "Officials reported that one fireman was hurt.", [("one", 1.0, "fireman")]),
        ("en", "He said that one soldier was missing.", [("one", 1.0, "soldier")]),
        ("en", "We preferred that one firefighter.", []),  # "that one": a pointing word
        # Arabic "one of the ..." before a counted noun is one; alone it is "anyone"
        ("ar", "وأصيب أحد رجال الإطفاء بجروح خطيرة.", [("أحد", 1.0, "رجال الإطفاء")]),
        ("ar", "قتل أحد الجنود في الهجوم.", [("أحد", 1.0, "الجنود")]),
        ("ar", "لم يصب أحد بأذى.", []),
        ("ar", "وقع الحادث يوم الأحد الماضي.", []),  # Sunday
        # Monday ("the two" in form): no count
        ("ar", "قتل تسعة أشخاص يوم الاثنين.", [("تسعة", 9.0, "أشخاص")]),
    ],
)
def test_one_of_a_counted_noun(language, text, expected):
    got = [
        (text[q.start : q.end], q.value, q.counted)
        for q in find_quantities(text, language=language)
    ]
    assert got == expected


COUNTS = {
    "a.txt": doc(
        "Valdoria Post",
        "2030-05-02",
        "A fire swept through a timber warehouse in Keresk on Thursday. "
        "Three firefighters were injured fighting the blaze, the fire service said.",
    ),
    "b.txt": doc(
        "Keresk Daily",
        "2030-05-02",
        "Fire ravaged a warehouse in Keresk on Thursday. "
        "Three firemen were injured overnight as they fought the flames, officials said.",
    ),
    "c.txt": doc(
        "Le Courrier",
        "2030-05-02",
        "Un incendie a ravagé un entrepôt à Keresk jeudi. "
        "Trois pompiers ont été blessés en luttant contre les flammes.",
    ),
}


@pytest.fixture(scope="module")
def counts(tmp_path_factory):  # noqa: ANN201
    return analysed(tmp_path_factory, "counts", COUNTS)


def test_a_count_of_a_kind_of_people_is_one_fact_whatever_word_counts_it(counts):
    articles = by_name(counts)
    claims = counts.stories[0].claims
    a = claim_with(claims, articles["a"], "Three firefighters")
    b = claim_with(claims, articles["b"], "Three firemen")
    c = claim_with(claims, articles["c"], "Trois pompiers")
    assert a is b is c
    assert a.status == "corroborated" and a.independent_sources == 3


# ----------------------------------------------------------------------------- a share of a town


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("the town were ruined", "en", "settlement"),
        ("del pueblo quedó destruida", "es", "settlement"),
        ("du village ont été détruits", "fr", "settlement"),
        ("del paese è crollato", "it", "settlement"),
        ("der Altstadt", "de", "settlement"),
        ("المدينة", "ar", "settlement"),
        ("the timber roof", "en", "roof"),  # a thing first
        ("the town's residents", "en", None),  # a share of its residents
        ("the night", "en", None),
    ],
)
def test_a_share_can_be_of_a_settlement(text, language, key):
    assert lx.leading_thing(text, language, wholes=True) == key
    assert lx.leading_thing("the town were ruined", "en") is None  # no thing an event befalls


SHARES = {
    "a.txt": doc(
        "Valdoria Post",
        "2030-05-02",
        "A strong earthquake struck the hills near Keresk on Thursday. "
        'The mayor of Keresk said "half the town no longer exists" after the quake.',
    ),
    "b.txt": doc(
        "Keresk Daily",
        "2030-05-02",
        "An earthquake hit the hills near Keresk on Thursday morning. "
        "The mayor of Keresk said three quarters of the town were ruined by the quake.",
    ),
}


@pytest.fixture(scope="module")
def shares(tmp_path_factory):  # noqa: ANN201
    return analysed(tmp_path_factory, "shares", SHARES)


def test_two_shares_of_one_town_by_one_mayor_dispute(shares):
    articles = by_name(shares)
    claims = shares.stories[0].claims
    a = claim_with(claims, articles["a"], "half the town")
    b = claim_with(claims, articles["b"], "three quarters of the town")
    assert a is b
    assert a.status == "disputed"
    assert sorted(ev.figure for ev in a.evidence) == ["50 percent", "75 percent"]


# ----------------------------------------------------------------------------- parts of a whole


@pytest.mark.parametrize(
    ("language", "text", "counted"),
    [
        ("en", "Five of the seven carriages derailed.", ["carriages", "carriages"]),
        ("es", "Cinco de los siete vagones descarrilaron.", ["vagones", "vagones"]),
        ("it", "Cinque delle sette carrozze sono uscite dai binari.", ["carrozze", "carrozze"]),
        ("fr", "Cinq des sept wagons ont déraillé.", ["wagons", "wagons"]),
        ("de", "Fünf der sieben Waggons waren entgleist.", ["Waggons", "Waggons"]),
        ("pt", "Cinco dos sete vagões descarrilaram.", ["vagões", "vagões"]),
        ("nl", "Vijf van de zeven wagons ontspoorden.", ["wagons", "wagons"]),
        ("ru", "Пять из семи вагонов сошли с рельсов.", ["вагонов", "вагонов"]),
        ("ar", "خرجت خمس من أصل سبع عربات عن القضبان.", ["عربات", "عربات"]),
        # two counts joined otherwise are two counts
        ("en", "Five people and seven soldiers were hurt.", ["people", "soldiers"]),
    ],
)
def test_a_count_of_part_of_a_whole_counts_what_the_whole_counts(language, text, counted):
    found = find_quantities(text, language=language)
    assert [q.counted for q in found] == counted


DYING = {
    "a.txt": doc(
        "Valdoria Post",
        "2030-05-03",
        "Three of the injured died in hospital in Keresk on Friday, officials said. "
        "Twelve people were injured in the blast at the Keresk depot that killed five.",
    ),
    "b.txt": doc(
        "Corriere di Keresk",
        "2030-05-03",
        "Tre feriti sono deceduti venerdì nell'ospedale di Keresk, ha comunicato la direzione.",
    ),
    "c.txt": doc(
        "Le Courrier",
        "2030-05-03",
        "Trois des blessés sont morts vendredi à l'hôpital de Keresk.",
    ),
    "d.txt": doc(
        "Keresk Daily",
        "2030-05-03",
        "Three people were injured in Keresk on Friday when a crane fell on a bus.",
    ),
}


@pytest.fixture(scope="module")
def dying(tmp_path_factory):  # noqa: ANN201
    return analysed(tmp_path_factory, "dying", DYING)


def test_injured_who_died_are_a_count_of_the_dead(dying):
    articles = by_name(dying)
    claims = dying.stories[0].claims
    a = claim_with(claims, articles["a"], "Three of the injured")
    b = claim_with(claims, articles["b"], "Tre feriti")
    c = claim_with(claims, articles["c"], "Trois des blessés")
    assert a is b is c
    assert a.status == "corroborated" and a.independent_sources == 3
    # three hurt is another fact than three of the hurt who died
    assert claim_with(claims, articles["d"], "Three people") is not a
    # twelve hurt in a blast that killed five: the twelve are no dead, the five are
    held = holding(claims, articles["a"], "Twelve people")
    assert sorted([e.figure for e in c.evidence] for c in held) == [["12"], ["5"]]
    assert a not in held


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a German time of day
        ("de", "Der Zug war gegen 21.40 Uhr entgleist.", []),
        ("de", "Die 12 Toten wurden geborgen.", [("12", 12.0)]),
    ],
)
def test_a_german_time_of_day_is_no_count(language, text, expected):
    found = find_quantities(text, language=language)
    assert [(text[q.start : q.end], q.value) for q in found] == expected


# ----------------------------------------------------------------------------- no event word

REPEATS = {
    "a.txt": doc(
        "Valdoria Post",
        "2030-05-03",
        "A regional train derailed near Keresk on Thursday, killing four people. "
        "The Keresk rail union says the signals on the line had been faulty for days. "
        "Emergency crews worked through the night beside the river to free the driver. "
        "See the Keresk line's timetable at https://www.example.org/keresk-line now.",
    ),
    "b.txt": doc(
        "Keresk Daily",
        "2030-05-03",
        "Four people died when a regional train derailed near Keresk on Thursday. "
        "The signals on the line had been faulty for days, the Keresk rail union said. "
        "The station café in Keresk stayed open all night for the families. "
        "Buses replaced trains between the two towns until further notice, officials said.",
    ),
}


@pytest.fixture(scope="module")
def repeats(tmp_path_factory):  # noqa: ANN201
    return analysed(tmp_path_factory, "repeats", REPEATS)


def test_a_sentence_naming_no_event_is_a_claim_when_another_report_repeats_it(repeats):
    articles = by_name(repeats)
    claims = repeats.stories[0].claims
    a = claim_with(claims, articles["a"], "the signals on the line had been faulty")
    b = claim_with(claims, articles["b"], "The signals on the line had been faulty")
    assert a is b
    assert a.status == "corroborated" and a.independent_sources == 2
    # said once, it is no claim: nothing the pipeline reads checks it
    assert holding(claims, articles["b"], "The station café") == []
    assert holding(claims, articles["a"], "See the Keresk line") == []


@pytest.mark.parametrize(
    ("line", "framing"),
    [
        ("Our thoughts are with the families of the victims in Keresk.", True),
        ("Sign up for the Keresk Daily newsletter.", True),
        ("Reporting by the Keresk newsroom; editing by the regional desk.", True),
        ("This story has been updated with new information from Keresk.", True),
        ("All rights reserved by the Valdoria Post.", True),
        ("The Keresk rail union says the signals had been faulty for days.", False),
    ],
)
def test_lines_outlets_frame_their_pages_with(line, framing):
    assert bool(extract._BOILERPLATE.search(line)) is framing


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("See the timetable at https://www.example.org/keresk now.", True),
        ("http : / / www . example . org / keresk . html", True),  # a tokenizer's spacing
        ("The Keresk rail union says the signals had been faulty.", False),
    ],
)
def test_a_web_address_in_a_line(line, link):
    assert bool(extract._LINK.search(line)) is link


def test_a_near_repeat_that_says_not_is_another_statement():
    said = {"unread": True, "language": "en", "entities": frozenset({"id:e1"})}
    words = frozenset({"keresk", "weather", "cold", "evening", "crash"})
    a = candidate("a", text="The Keresk weather was cold that evening.", words=words, **said)
    b = candidate("b", text="The Keresk weather was not cold that evening.", words=words, **said)
    c = candidate("c", text="The Keresk weather was cold that evening.", words=words, **said)
    weight = lambda _k: 1.0  # noqa: E731
    assert similarity(a, b, weight) == 0.0
    assert similarity(a, c, weight) > 0.0


def test_a_repeat_of_one_origin_naming_no_event_is_no_claim():
    one = candidate("a", unread=True, group=0)
    copy = candidate("b", unread=True, group=0)
    wire = Source("s1", ("a", "b"), (("b", "copy", "a"),))
    # a wire story's line and its copy: one origin, no claim
    assert unread_alone([one, copy], [wire]) == []
    assert unread_alone([one, copy]) == [one, copy]  # two origins when nothing says otherwise
    # beside a report of the same origin that the pipeline reads, it is evidence in its own
    # words (a translation's sentence beside its original's)
    other = candidate("a", 5, unread=True, group=1)
    read = candidate("b", 5, group=1)
    assert unread_alone([other, read], [wire]) == [other, read]
    assert unread_alone([other], [wire]) == []  # alone in its article


def test_statements_naming_no_event_alone_are_weighed_without_failing():
    # a story whose English sentences name no event: the word weights fall back on them all
    a = candidate("a", unread=True, language="en", words=frozenset({"festival", "crowd"}))
    b = candidate("b", unread=True, language="en", words=frozenset({"festival", "crowd"}))
    grouped = align([a, b])
    assert len(grouped) == 2


@pytest.mark.parametrize(
    ("text", "language", "negated"),
    [
        ("The weather was not cold.", "en", True),
        ("The weather wasn't cold.", "en", True),
        ("The weather was cold.", "en", False),
        ("Il tempo non era freddo.", "it", True),
        ("Il tempo era freddo.", "it", False),
    ],
)
def test_a_sentence_says_not(text, language, negated):
    assert lx.says_not(text, language) is negated


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the town were ruined", "settlement"),
        ("the town budget", None),  # a budget
        ("the town residents had left", None),
    ],
)
def test_a_settlement_is_a_whole_only_as_the_head(text, key):
    assert lx.leading_thing(text, "en", wholes=True) == key


@pytest.mark.parametrize(
    ("text", "language", "classes"),
    [
        ("The fall of the bridge toll was welcomed.", "en", {"seize", "kill"}),  # a toll
        ("La chute du pont des prix.", "fr", set()),
    ],
)
def test_a_fall_of_what_a_thing_qualifies_is_no_collapse(text, language, classes):
    assert lx.event_classes(text, language) == classes


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "لا أحد من الجنود قتل في الانفجار."),  # no one of the soldiers
        ("ar", "ولم يصب أحد من الركاب بأذى."),
    ],
)
def test_no_one_is_no_count_of_one(language, text):
    assert find_quantities(text, language=language) == []
