"""What the copy and translation rules read alike: quotations, and pairs in the same order in
two texts."""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np

__all__ = ["QUOTED", "chain"]

# A quotation: between paired quotation marks, on one line, at most 600 characters.
QUOTED = re.compile(r'“[^”\n]{1,600}”|«[^»\n]{1,600}»|„[^“”\n]{1,600}[“”]|"[^"\n]{1,600}"')


def chain(rows: np.ndarray, columns: np.ndarray) -> int:
    """Return the most pairs (row, column) of ``zip(rows, columns)`` (rows ascending) that
    follow each other in both orders: the longest strictly increasing run of columns over
    increasing rows."""
    tails: list[int] = []
    n = 0
    while n < len(rows):
        m = n
        while m < len(rows) and rows[m] == rows[n]:
            m += 1
        for column in sorted(columns[n:m].tolist(), reverse=True):  # one column per row
            k = bisect_left(tails, column)
            if k == len(tails):
                tails.append(column)
            else:
                tails[k] = column
        n = m
    return len(tails)
