"""What an event happened to: the concrete things a statement names (``lexicon.things``, keys of
no language) let two reports in two languages of one thing's fate be one claim; a share of a
thing ("a third of the bridge") is a figure of that thing in any language; an English thing
that "fell" came down (it was not taken, as a city that fell is)."""

from __future__ import annotations

import importlib
from dataclasses import replace

import pytest
from claim_stories import candidate, figure

from consilience.claims import lexicon as lx
from consilience.claims.records import EventDate
from consilience.tuning import AlignParams

align = importlib.import_module("consilience.claims.align")

MONDAY = EventDate("2030-03-04", "day", 0, 1, exact=True, since=False)
FRIDAY = EventDate("2030-03-08", "day", 0, 1, exact=True, since=False)


def _pair(**b_fields: object):  # noqa: ANN202
    base = {
        "classes": frozenset({"breach"}),
        "entities": frozenset({"id:e1"}),
        "places": frozenset({"id:e1"}),
        "targets": frozenset({("breach", "roof")}),
    }
    a = candidate("a", 0, language="en", words=frozenset({"roof", "collaps"}), **base)
    b_base = {**base, "language": "it", "words": frozenset({"tetto", "crollat"})}
    return a, candidate("b", 0, **{**b_base, **b_fields})


def _similarity(a, b) -> float:  # noqa: ANN001
    return align.similarity(a, b, lambda _k: 1.0, AlignParams())


def test_one_thing_one_event_in_one_language_with_no_word_in_common_is_one_fact():
    # "the dome fell" / "caused its dome to cave in": the part is a mention, no word
    a, b = _pair(language="en", words=frozenset({"caus"}))
    a = replace(a, words=frozenset({"observ"}))
    assert align._same_thing(a, b)
    assert _similarity(a, b) >= AlignParams().threshold
    assert _similarity(a, replace(b, article="a")) == 0.0  # one article: two sentences


def test_one_thing_one_event_in_two_languages_is_one_fact():
    a, b = _pair()
    assert align._same_thing(a, b)
    assert _similarity(a, b) >= AlignParams().threshold
    grouped = align.align([a, b])
    assert grouped[0].group == grouped[1].group


@pytest.mark.parametrize(
    "b_fields",
    [
        {"targets": frozenset({("breach", "bridge")})},  # another thing
        # what the event happened to is another thing (the roof is only named)
        {"targets": frozenset({("breach", "dome")})},
        # a weak class: the fire at the roof is the story, not one fact of it
        {"classes": frozenset({"fire", "breach"}), "targets": frozenset({("fire", "roof")})},
        {"places": frozenset({"id:e2"}), "entities": frozenset({"id:e2"})},  # another place
        {"negated": True},  # a report and a denial
        {"dates": (FRIDAY,)},  # another day (the first names Monday below)
    ],
)
def test_no_thing_frame_without_one_thing_place_day_and_polarity(b_fields):
    a, b = _pair(**b_fields)
    a = replace(a, dates=(MONDAY,))
    assert not align._same_thing(a, b)


def test_another_event_class_is_no_frame():
    a, b = _pair(classes=frozenset({"fire"}))
    # a fire at the roof and the roof's collapse: two facts, whatever thing they share
    assert _similarity(a, b) == 0.0


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The roof of the Valdoria school collapsed.", "en", {"roof", "school"}),
        ("Il tetto della scuola di Valdoria è crollato.", "it", {"roof", "school"}),
        ("Se derrumbó el techo del hospital de Keresk.", "es", {"roof", "hospital"}),
        ("Le pont de Keresk s'est effondré.", "fr", {"bridge"}),
        ("انهار سقف المدرسة في كيريسك", "ar", {"roof", "school"}),
        ("The talks in Keresk ended.", "en", set()),
        ("Texto sin idioma conocido", "xx", set()),
    ],
)
def test_things_named_in_each_language(text, language, expected):
    assert lx.things(text, language) == frozenset(expected)


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("Neighbours watched as the old water tower fell.", "breach"),
        ("Witnesses said the old bridge fell into the river.", "breach"),
        ("Keresk fell to the rebels on Monday.", "seize"),
        ("The town fell after a week of fighting.", "seize"),
    ],
)
def test_a_thing_that_fell_came_down(text, cls):
    assert lx.event_classes(text, "en") == {cls}


@pytest.mark.parametrize(
    ("text", "language", "classes"),
    [
        ("Nella notte è caduto il campanile del paese.", "it", {"breach"}),
        ("È caduta Valdoria, dicono i residenti.", "it", set()),
        ("Cayó el puente de Keresk.", "es", {"breach"}),
        ("Le toit est tombé vers minuit.", "fr", {"breach"}),
        ("سقط السقف بعد ساعة", "ar", {"breach"}),
        ("Das Dach stürzte herab.", "de", {"breach"}),
    ],
)
def test_words_of_falling_beside_a_thing_in_other_languages(text, language, classes):
    assert lx.event_classes(text, language) == classes


def test_shares_of_one_thing_in_two_languages_are_one_figure():
    share = {"unit": "percent", "dimension": "percent", "event": None, "counted": "thing:roof"}
    a = candidate(
        "a",
        0,
        kind="figure",
        language="en",
        entities=frozenset({"id:e1"}),
        figure=figure(66.67, base=66.67, approximate=True, **share),
    )
    b = replace(a, id="b@0", article="b", language="it")
    other = replace(
        b,
        id="c@0",
        article="c",
        figure=figure(66.67, base=66.67, approximate=True, **{**share, "counted": "thing:bridge"}),
    )
    grouped = align.align([a, b, other])
    assert grouped[0].group == grouped[1].group != grouped[2].group


def test_two_shares_of_one_thing_dispute():
    share = {"unit": "percent", "dimension": "percent", "event": None, "counted": "thing:roof"}
    a = candidate(
        "a",
        0,
        kind="figure",
        language="en",
        entities=frozenset({"id:e1"}),
        figure=figure(66.67, base=66.67, approximate=True, **share),
    )
    b = replace(
        a,
        id="b@0",
        article="b",
        language="fr",
        figure=figure(50.0, base=50.0, approximate=True, **share),
    )
    assert not align.figures_apart(a, b, AlignParams())
    level = {**share, "counted": None}  # a level read at two values: two readings
    assert align.figures_apart(
        replace(a, figure=figure(66.67, base=66.67, **level)),
        replace(b, figure=figure(50.0, base=50.0, **level)),
        AlignParams(),
    )


def test_a_thing_frame_needs_an_actor_or_place_in_common():
    # a roof that collapsed at a school and one at a hospital: nothing says they are one
    a, b = _pair(entities=frozenset(), places=frozenset())
    assert not align._same_thing(replace(a, entities=frozenset(), places=frozenset()), b)
    # a whole country in common is not enough either
    country = frozenset({"n:country:XX"})
    a2 = replace(a, entities=country, places=country, broad=country)
    b2 = replace(b, entities=country, places=country, broad=country)
    assert not align._same_thing(a2, b2)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the part, not what it belongs to
        ("The roof of the school collapsed.", "en", {("breach", "roof")}),
        ("The school collapsed.", "en", {("breach", "school")}),
        ("Das Dach der Schule stürzte ein.", "de", {("breach", "roof")}),
        ("Крыша школы рухнула.", "ru", {("breach", "roof")}),
        ("انهار سقف المدرسة", "ar", {("breach", "roof")}),
        ("Se derrumbó el techo de la escuela.", "es", {("breach", "roof")}),
        ("Okulun çatısı çöktü.", "tr", {("breach", "roof")}),
        # a subject before an appositive; a relative clause after its thing
        ("The footbridge, a landmark of the old town, collapsed.", "en", {("breach", "bridge")}),
        (
            "Water flooded the school and the tunnel, which collapsed.",
            "en",
            {("breach", "tunnel")},
        ),
        # a part that tells an event of its own before the thing-less one: not the opening
        ("Nobody was hurt.", "en", set()),
    ],
)
def test_what_an_event_happened_to(text, language, expected):
    got = lx.event_targets(
        lx.class_positions(text, language), lx.thing_spans(text, language), text, language
    )
    assert {t for t in got if t[0] not in lx.WEAK_CLASSES} == expected


@pytest.mark.parametrize(
    ("text", "language", "classes"),
    [
        ("The airport fell to the rebels on Monday.", "en", {"seize"}),  # a capture
        ("The old bridge fell into the river.", "en", {"breach"}),
        ("A rocket fell near the school.", "en", {"seize"}),  # no collapse: a weapon
        ("È caduto dal tetto un operaio.", "it", set()),  # someone fell from it
        ("Il est tombé du toit.", "fr", set()),
        ("Una bomba è caduta sulla scuola.", "it", set()),
        ("Крыша упала.", "ru", {"breach"}),
    ],
)
def test_a_fall_that_is_no_collapse(text, language, classes):
    assert lx.event_classes(text, language) == classes


@pytest.mark.parametrize(
    ("text", "language", "thing"),
    [
        ("the timber roof", "en", "roof"),
        ("sostre de l'edifici", "ca", "roof"),
        ("pomeriggio il tetto", "it", None),  # the first two words name no thing
        ("mese il ponte", "it", None),
    ],
)
def test_what_a_share_is_of(text, language, thing):
    assert lx.leading_thing(text, language) == thing


@pytest.mark.parametrize(
    ("text", "language", "another"),
    [
        ("Another bridge collapsed in Keresk.", "en", True),
        ("Un altro ponte è crollato a Keresk.", "it", True),
        ("Un autre pont s'est effondré à Keresk.", "fr", True),
        ("Otro puente se derrumbó en Keresk.", "es", True),
        ("انهار جسر آخر في كيريسك", "ar", True),
        ("Il ponte di Keresk è crollato.", "it", False),
    ],
)
def test_another_event_in_every_language(text, language, another):
    assert lx.says_another(text, language) is another
    a, b = _pair(text=text, language=language)
    assert align._same_thing(a, b) is not another


@pytest.mark.parametrize(
    ("text", "language", "another"),
    [
        ("Dozens of aftershocks followed, including one of magnitude 5.1.", "en", True),
        ("A magnitude 6.3 quake struck Keresk, followed by aftershocks.", "en", False),
        ("Poco dopo, una seconda scossa: magnitudo 5.2.", "it", True),
        ("Une réplique de magnitude 5,0 a suivi.", "fr", True),
        ("Un sismo de magnitud 6,1 sacudió Keresk.", "es", False),
    ],
)
def test_a_measure_after_another_event_word_is_that_event_s(text, language, another):
    import re as _re

    extract = importlib.import_module("consilience.claims.extract")
    at = _re.search(r"\d", text).start()
    assert extract._another_before(text, at, language) is another


def test_a_thing_that_fell_silent_did_not_come_down():
    assert "breach" not in lx.event_classes("The bridge fell silent after the storm.", "en")
