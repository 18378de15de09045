"""Building the map from cleaned offsets back to raw offsets while the cleaned text is written."""

from __future__ import annotations

from ..model import OffsetMap


class MapBuilder:
    """Accumulates the cleaned text piece by piece and the anchors of its ``OffsetMap``.

    A *copied* piece is a stretch of the raw text taken unchanged: offsets inside it move together.
    A *replaced* piece is new text standing for a raw stretch (possibly empty, for an inserted
    space): every offset inside it maps to the start of that raw stretch. Raw text that is skipped
    simply never appears; the next piece gets its own anchor.
    """

    __slots__ = ("_parts", "_clean", "_raw", "_copied", "_len", "_copy_end", "_raw_end")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._clean: list[int] = []
        self._raw: list[int] = []
        self._copied: list[bool] = []
        self._len = 0
        # Raw offset where the last piece ended if it was copied (so a contiguous copy extends it
        # without a new anchor); -1 after a replaced piece.
        self._copy_end = -1
        self._raw_end = 0

    def __len__(self) -> int:
        """Return the length of the cleaned text written so far."""
        return self._len

    def copy(self, raw: str, start: int, end: int) -> None:
        """Append ``raw[start:end]`` unchanged."""
        if end <= start:
            return
        if start != self._copy_end:
            self._clean.append(self._len)
            self._raw.append(start)
            self._copied.append(True)
        self._parts.append(raw[start:end])
        self._len += end - start
        self._copy_end = self._raw_end = end

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append ``text`` standing for ``raw[raw_start:raw_end]`` (empty for an insertion)."""
        if not text:
            return
        self._clean.append(self._len)
        self._raw.append(raw_start)
        self._copied.append(False)
        self._parts.append(text)
        self._len += len(text)
        self._copy_end = -1
        self._raw_end = raw_end

    def build(self) -> tuple[str, OffsetMap]:
        """Return the cleaned text and its map.

        When the text ends with a replaced piece, a last anchor at ``len(text)`` maps the end of
        the text to the end of the raw stretch it came from, so an exclusive span end maps too.
        """
        if not self._parts:
            return "", OffsetMap()
        clean, raw, copied = self._clean, self._raw, self._copied
        if not copied[-1]:
            clean = [*clean, self._len]
            raw = [*raw, self._raw_end]
            copied = [*copied, True]
        return "".join(self._parts), OffsetMap(tuple(clean), tuple(raw), tuple(copied))
