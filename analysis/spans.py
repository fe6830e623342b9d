"""Character spans as (start, end) pairs: merging overlaps, and asking what a merged set covers."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined.

    >>> merge([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 4), (5, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covers(merged: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one span of ``merged`` (from ``merge``) holds all of [start, end).

    >>> covers([(0, 4), (5, 12)], 6, 9), covers([(0, 4), (5, 12)], 3, 6)
    (True, False)
    """
    i = bisect.bisect_right(merged, (start, float("inf"))) - 1
    return i >= 0 and merged[i][0] <= start and end <= merged[i][1]


def uncovered(start: int, end: int, merged: list[tuple[int, int]]):
    """The stretches of [start, end) outside ``merged`` (a binary search, then a walk).

    >>> list(uncovered(0, 10, [(2, 4), (6, 7)]))
    [(0, 2), (4, 6), (7, 10)]
    """
    i = max(bisect.bisect_right(merged, (start, start)) - 1, 0)
    cursor = start
    while i < len(merged) and merged[i][0] < end:
        s, e = merged[i]
        if e > cursor:
            if s > cursor:
                yield cursor, min(s, end)
            cursor = max(cursor, e)
        i += 1
    if cursor < end:
        yield cursor, end
