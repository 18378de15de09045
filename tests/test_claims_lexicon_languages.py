"""Event words are English words: in a text of another language, one of that language's
function words is no event word, whatever it means in English."""

from __future__ import annotations

from consilience.claims import lexicon as lx


def test_a_function_word_of_the_text_language_is_no_event_word():
    german = "Um 19 Uhr wurde die Brücke gesperrt"  # "die": the
    dutch = "De brug die gisteren werd gesloten"  # "die": that
    assert lx.event_classes(german, "de") == set()
    assert lx.event_classes(dutch, "nl") == set()
    # read as English (no language given, or English) the word is still a death
    assert lx.event_classes(german) == {"kill"}
    assert lx.event_classes("Three people could die there", "en") == {"kill"}


def test_other_event_words_in_a_foreign_text_still_count():
    # an English word that is no function word of the text's language keeps its class
    text = "Les secours parlent de 3 dead"
    assert lx.class_positions(text, "fr") == [(text.index("dead"), "kill")]
