"""Character normalisation and spacing repair (consilience.clean.chars), on invented strings."""

from __future__ import annotations

import pytest

from consilience.clean import clean, normalize_line
from consilience.model import Removed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # comma glued to the next word after a letter
        ("the regime,but not the army", "the regime, but not the army"),
        ("near Lyon,a key town", "near Lyon, a key town"),
        ("vicino a Città,che", "vicino a Città, che"),
        ("points x,y", "points x, y"),
        # ... never inside numbers or addresses
        ("about 2,000 troops", "about 2,000 troops"),
        ("rate 3,14 percent", "rate 3,14 percent"),
        ("see http://a.example/x,y?Q=1", "see http://a.example/x,y?Q=1"),
        ("it is 2024,the year", "it is 2024, the year"),
        ("on March 14,where", "on March 14, where"),
        ("grid 3,a", "grid 3,a"),
        # sentence end glued to the next sentence
        ("left the soldiers.The rest stayed", "left the soldiers. The rest stayed"),
        ("in the balance.What next", "in the balance. What next"),
        ("Why now?Because", "Why now? Because"),
        ("Stop!Go home", "Stop! Go home"),
        ("near Lyon.The town", "near Lyon. The town"),
        ("fin.Él vino", "fin. Él vino"),
        # ... never in abbreviations, domains, decimals, code or acronyms
        ("The U.N. said so", "The U.N. said so"),
        ("the U.S.Army came", "the U.S.Army came"),
        ("a Ph.D.Thesis", "a Ph.D.Thesis"),
        ("e.g.The", "e.g.The"),
        ("visit example.com now", "visit example.com now"),
        ("visit news.Example.com now", "visit news.Example.com now"),
        ("visit www.example.Com now", "visit www.example.Com now"),
        ("mail me@site.Org now", "mail me@site.Org now"),
        ("pi is 3.14", "pi is 3.14"),
        ("written in asp.NET code", "written in asp.NET code"),
        ("troops.US forces", "troops.US forces"),
        ("a.Bc", "a.Bc"),
    ],
)
def test_spacing_repair(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


_PERSIAN_WORD = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u201cquoted\u201d and \u201elow\u201d", '"quoted" and "low"'),
        ("it\u2019s \u2018single\u2019 \u201asingle\u201b", "it's 'single' 'single'"),
        ("\u00ab\u00a0Bonjour\u00a0\u00bb", '" Bonjour "'),
        ("\u2039a\u203a", "'a'"),
        ("a\u00a0b\u2009c\u202fd\u3000e\tf", "a b c d e f"),
        ("a\u200bb\u00adc\ufeffd\u200ee\u202af\u2060g\x07h", "abcdefgh"),
        ("cafe\u0301", "caf\u00e9"),
        ("\u212b", "\u00c5"),
        ("e\u200b\u0301x", "\u00e9x"),
        ("trailing   \t\u00a0", "trailing"),
        ("  leading kept", "  leading kept"),
        # a zero-width non-joiner inside a Persian word is spelling, not junk
        (_PERSIAN_WORD, _PERSIAN_WORD),
    ],
)
def test_character_normalisation(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


def test_same_length_replacements_map_one_to_one() -> None:
    raw = "He said \u201cno\u201d, it\u2019s over."
    c = clean(raw)
    assert c.text == 'He said "no", it\'s over.'
    assert len(c.text) == len(raw)
    assert [c.offsets.to_raw(i) for i in range(len(c.text) + 1)] == list(range(len(raw) + 1))
    assert dict(c.repairs) == {"quote_or_space": 3}
    assert c.removed == ()


def test_inserted_space_maps_to_the_character_after_it() -> None:
    raw = "rebels,with guns"
    c = clean(raw)
    assert c.text == "rebels, with guns"
    comma, space, w = 6, 7, 8
    assert c.offsets.to_raw(comma) == 6
    assert c.offsets.to_raw(space) == 7  # the raw "w"
    assert c.offsets.to_raw(w) == 7
    assert raw[c.offsets.to_raw(w)] == "w"
    assert dict(c.repairs) == {"comma_space": 1}


def test_invisible_characters_are_recorded_and_skipped_in_the_map() -> None:
    raw = "ab\u200b\u200bcd\u00ad"
    c = clean(raw)
    assert c.text == "abcd"
    assert c.removed == (Removed(2, 4, "invisible_char"), Removed(6, 7, "invisible_char"))
    assert [c.offsets.to_raw(i) for i in range(5)] == [0, 1, 4, 5, 6]


def test_nfc_composition_maps_to_the_start_of_the_raw_cluster() -> None:
    raw = "x cafe\u0301s"
    c = clean(raw)
    assert c.text == "x caf\u00e9s"
    assert c.offsets.to_raw(5) == 5  # "é" stands for raw "e\u0301" at 5
    assert c.offsets.to_raw(6) == 7  # "s"
    assert raw[c.offsets.to_raw(6)] == "s"
    assert dict(c.repairs) == {"nfc": 1}


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_breaks_become_newline(newline: str) -> None:
    raw = f"First line{newline}Second line"
    c = clean(raw)
    assert c.text == "First line\nSecond line"
    assert c.offsets.to_raw(10) == 10
    assert c.offsets.to_raw(11) == 10 + len(newline)
    assert dict(c.repairs) == {"newline": 1}


def test_normalize_line_is_idempotent_on_repaired_text() -> None:
    once = normalize_line("\u201cA,b\u201d the soldiers.The end\u00a0")
    assert once == '"A, b" the soldiers. The end'
    assert normalize_line(once) == once
