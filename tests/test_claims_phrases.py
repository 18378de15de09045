"""The event phrases of the claims lexicon, each found where it is written: a sentence is only
searched for a phrase when it holds one of that phrase's words (``lexicon._PHRASES``), so every
phrase is tried here on a sentence that has it (invented sentences)."""

from __future__ import annotations

import pytest

from consilience.claims import lexicon

EXAMPLES = [
    ("Soldiers opened fire on the crowd near the depot.", "shoot"),
    ("Troops fired on the crowd near the depot.", "shoot"),
    ("A fire broke out in the warehouse overnight.", "fire"),
    ("Thousands were forced from their homes by the storm.", "displace"),
    ("Four miners lost their lives in the collapse.", "kill"),
    ("Two hikers were found dead near the ridge.", "kill"),
    ("The former minister fled the country on Monday.", "flee"),
    ("Militants took control of the airport.", "seize"),
    ("The army regained control of the northern road.", "seize"),
    ("The battalion pulled back from the river.", "withdraw"),
    ("The embassy began to evacuate its staff.", "withdraw"),
    ("Armoured columns swept into the town at dawn.", "enter"),
    ("Police said the gunmen were inside the building.", "enter"),
    ("Protesters tore down the statue in the square.", "topple"),
    ("The levee has given way south of the bridge.", "breach"),
    ("The old dam has failed after days of rain.", "breach"),
    ("The council called on residents to stay indoors.", "warn"),
    ("The agency called for an independent inquiry.", "warn"),
    ("The president remains in the capital, his office said.", "stay"),
    ("Neighbouring states got involved in the talks.", "intervene"),
    ("The death toll climbed overnight.", "kill"),
    ("The river burst its banks after the storm.", "flood"),
    ("Streets flooded as the storm hit the coast.", "flood"),
    ("The president declared a state of emergency on Monday.", "emergency"),
    ("The army imposed martial law in the north.", "emergency"),
    ("A little-known group claimed responsibility for the bombing.", "responsibility"),
]


def test_every_phrase_has_an_example() -> None:
    assert [cls for _, cls in lexicon.CLASS_PHRASES] == [cls for _, cls in EXAMPLES]


@pytest.mark.parametrize(("index", "example"), list(enumerate(EXAMPLES)))
def test_each_phrase_is_found_in_its_example(index: int, example: tuple[str, str]) -> None:
    text, cls = example
    pattern, expected = lexicon.CLASS_PHRASES[index]
    assert expected == cls
    match = pattern.search(text.lower())
    assert match is not None
    assert (match.start(), cls) in lexicon.class_positions(text)


def test_a_sentence_without_a_phrase_word_is_not_searched_for_it() -> None:
    # "stay" needs "remain", "stay" or "still": no such word, no stay class
    assert lexicon.class_positions("The minister is in the capital today.") == ()
    assert (4, "stay") in lexicon.class_positions("She stays in the capital.")
