"""Event words per language: a text of a language with event words of its own
(``data/events/<code>.json``) is read with them alone; a text of another language with the
English words, none of which counts when it is one of that language's function words."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon as lx


def test_a_function_word_of_the_text_language_is_no_event_word():
    german = "Um 19 Uhr wurde die Brücke gesperrt"  # "die": the
    dutch = "De brug die gisteren werd gesloten"  # "die": that
    assert lx.event_classes(german, "de") == set()
    assert lx.event_classes(dutch, "nl") == set()
    # read as English (no language given, or English) the word is still a death
    assert lx.event_classes(german) == {"kill"}
    assert lx.event_classes("Three people could die there", "en") == {"kill"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Das Konzert in Valdoria war toll", "de"),  # "toll": great, no death toll
        ("In diesem Fall bleibt die Straße offen", "de"),  # "Fall": case, no fall of a town
        ("Het arrest van het hof volgt in mei", "nl"),  # "arrest": a court's ruling
        ("Il a eu un coup de chance à Keresk", "fr"),  # "coup": a stroke, no putsch
    ],
)
def test_an_english_event_word_is_no_event_word_of_a_language_with_its_own(text, language):
    assert lx.event_classes(text, language) == set()


def test_an_english_event_word_counts_in_a_language_without_event_words():
    # Swedish has no event file: an English word that is no Swedish function word keeps its class
    text = "Räddarna talar om 3 dead"
    assert lx.class_positions(text, "sv") == ((text.index("dead"), "kill"),)


def test_a_language_event_file_is_read_once_and_english_has_none():
    assert lx.language_events("en") is None
    assert lx.language_events("sv") is None
    assert lx.language_events("es-MX") is lx.language_events("es")
    events = lx.language_events("it")
    assert events is not None and events.lookup("dell'esplosione") == "explode"
    arabic = lx.language_events("ar")
    assert arabic is not None and arabic.lookup("وانهار") == arabic.lookup("انهار") == "breach"


@pytest.mark.parametrize(
    ("text", "language", "negated"),
    [
        ("Non meno di 40 morti a Valdoria", "it", False),  # a bound, no denial
        ("No menos de 40 muertos en Valdoria", "es", False),
        ("Pas moins de 40 morts à Valdoria", "fr", False),
        ("В Кереске не менее 12 погибших", "ru", False),
        ("Le truppe non si sono ancora ritirate da Valdoria", "it", True),
        ("Les rebelles ne sont pas entrés à Keresk", "fr", True),
        # Portuguese "no" is "in the": no English negator in a language with its own
        ("Pelo menos 40 pessoas morreram no ataque a Valdoria.", "pt", False),
        # a negator whose clause ends before the event word, and "not only"
        ("No obstante, los rebeldes entraron en Valdoria.", "es", False),
        ("No solo entraron en Valdoria, también la saquearon.", "es", False),
        # an elided French negator
        ("Les rebelles n'ont jamais attaqué Keresk", "fr", True),
        # a language code written with an underscore
        ("As tropas não entraram em Valdoria", "pt_BR", True),
    ],
)
def test_negations_read_with_the_language_own_negators(text, language, negated):
    # a bound is no negation, a negation reaches past auxiliaries, not past its clause
    assert lx.negated_event(text, language) is negated


def test_a_catalan_middle_dot_is_inside_a_word():
    assert lx.words("El pont s'ha col·lapsat") == ["el", "pont", "s'ha", "col·lapsat"]
    assert lx.event_classes("El pont de Valdoria s'ha col·lapsat aquest matí", "ca") == {"breach"}


def test_turkish_and_persian_letters_are_folded_as_their_language_writes_them():
    # Turkish capital dotted I lowercases to i (not i and a combining dot, which split the word)
    text = "İsyancılar Keresk'e girdi"
    assert lx.actor_sides(text, "tr") == {"armed_opposition"}
    assert lx.event_classes(text, "tr") == {"enter"}
    # Persian written with the Arabic yeh and kaf reads as with the Persian letters
    persian = "زلزله در کرمان"
    arabic_letters = persian.replace("ک", "ك")
    assert lx.event_classes(arabic_letters, "fa") == lx.event_classes(persian, "fa") == {"quake"}
    # offsets stay those of the text
    assert lx.class_positions("Keresk'te İsyan: 3 ölü", "tr")[-1][0] == len("Keresk'te İsyan: 3 ")


@pytest.mark.parametrize(
    ("text", "language", "classes", "negated", "at"),
    [
        # Turkish writes the negation inside the verb: the form is the event negated
        ("Askerler Keresk'e girmedi", "tr", {"enter"}, True, "girmedi"),
        ("Askerler Keresk'e girdi", "tr", {"enter"}, False, None),
        # Persian negates the light verb after the event word
        ("سربازان در کرمان کشته نشدند", "fa", {"kill"}, True, "کشته"),
        ("سربازان در کرمان کشته شدند", "fa", {"kill"}, False, None),
        # French "ne ... que" restricts ("only"), it negates nothing
        ("L'armée ne faisait que bombarder la ville", "fr", {"attack"}, False, None),
        ("L'armée n'a pas bombardé la ville", "fr", {"attack"}, True, "n'a"),
    ],
)
def test_a_negation_inside_or_after_the_verb(text, language, classes, negated, at):
    assert lx.event_classes(text, language) == classes
    assert lx.negated_event(text, language) is negated
    found = lx.negation_at(text, language)
    assert (found is None) if at is None else text[found:].startswith(at)
