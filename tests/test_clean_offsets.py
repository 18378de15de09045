"""The offset map built while cleaning: MapBuilder units and invariants of clean() (hypothesis)."""

from __future__ import annotations

import bisect
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.clean import MapBuilder, clean
from consilience.model import OffsetMap


def _piece_copied(offsets: OffsetMap, i: int) -> bool:
    return offsets.copied[max(bisect.bisect_right(offsets.clean, i) - 1, 0)]


def test_builder_merges_contiguous_copies_into_one_anchor() -> None:
    b = MapBuilder()
    raw = "abcdef"
    b.copy(raw, 0, 2)
    b.copy(raw, 2, 4)
    text, offsets = b.build()
    assert text == "abcd"
    assert offsets == OffsetMap((0,), (0,), (True,))


def test_builder_skip_replace_and_insert() -> None:
    raw = "ab\u00a0c,d\u200be"
    b = MapBuilder()
    b.copy(raw, 0, 2)  # "ab"
    b.replace(" ", 2, 3)  # nbsp
    b.copy(raw, 3, 5)  # "c,"
    b.replace(" ", 5, 5)  # inserted space maps to the "d" after it
    b.copy(raw, 5, 6)  # "d"
    b.copy(raw, 7, 8)  # "e" (the zero-width space at 6 skipped)
    text, offsets = b.build()
    assert text == "ab c, de"
    assert offsets.clean == (0, 2, 3, 5, 6, 7)
    assert offsets.raw == (0, 2, 3, 5, 5, 7)
    assert offsets.copied == (True, False, True, False, True, True)
    assert [offsets.to_raw(i) for i in range(len(text) + 1)] == [0, 1, 2, 3, 4, 5, 5, 7, 8]


def test_builder_end_anchor_after_a_final_replacement() -> None:
    raw = "say \u201d"
    b = MapBuilder()
    b.copy(raw, 0, 4)
    b.replace('"', 4, 5)
    text, offsets = b.build()
    assert text == 'say "'
    assert offsets.to_raw(4) == 4
    assert offsets.to_raw(5) == 5  # the exclusive end maps to the raw end
    assert len(b) == 5


def test_builder_empty() -> None:
    assert MapBuilder().build() == ("", OffsetMap())


_ALPHABET = (
    "abcXYZ  \n\n,.?!:-'\""
    "\u00e9e\u0301\u201c\u201d\u2019\u00ab\u00bb\u00a0\u2009\u200b\u00ad"
    "\ufeff\u200e\r\t0123"
)
_WORDS = st.sampled_from(
    ["Share", "comments", "Related", "world", "The U.N.", "2,000", "regime,but", "soldiers.The"]
)
_TEXTS = st.lists(st.one_of(st.text(alphabet=_ALPHABET, max_size=12), _WORDS), max_size=30).map(
    "".join
)
_REPLACEMENTS = set(" \"'\n")


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.one_of(st.none(), st.sampled_from(["Share", "world news", "The U.N."])))
def test_map_is_monotonic_and_copied_chars_are_identical(raw: str, title: str | None) -> None:
    c = clean(raw, title)
    text, offsets = c.text, c.offsets
    mapped = [offsets.to_raw(i) for i in range(len(text) + 1)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(raw) for m in mapped)
    for i, ch in enumerate(text):
        if _piece_copied(offsets, i):
            assert raw[mapped[i]] == ch
        else:
            # A replaced character is a normalised quote/space/newline or an NFC composition
            # of the raw stretch it stands for.
            assert ch in _REPLACEMENTS or unicodedata.is_normalized("NFC", ch)
    assert offsets.clean == tuple(sorted(set(offsets.clean)))


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_removed_records_are_ordered_spans_of_the_raw_text(raw: str) -> None:
    c = clean(raw)
    for r in c.removed:
        assert 0 <= r.start < r.end <= len(raw)
    assert list(c.removed) == sorted(c.removed, key=lambda r: (r.start, r.end))


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_cleaned_text_shape(raw: str) -> None:
    text = clean(raw).text
    assert "\n\n\n" not in text
    assert text == text.strip("\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert not any(ch in text for ch in "\r\u200b\u00ad\ufeff\u200e\u00a0\u2009\u201c\u201d\u2019")
    assert unicodedata.is_normalized("NFC", text)
