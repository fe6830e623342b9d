"""Capitalised name phrases that no registered actor covers: what to add to the registry next.

A candidate is a run of capitalised words (allowing lower-case joiners such as "of", "the",
"and", "al", "bin" between them) inside a sentence, with the characters already covered by a
mention cut out. Single words that are capitalised only because they open a sentence, month and
weekday names, and headline lines written all in capitals are not names and are left out.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

_WORD = r"[A-Z][\w'’.-]*\w|[A-Z]"
_JOINER = r"(?:of|the|and|for|de|del|da|di|du|al|el|bin|ibn|van|von|der|la|le)"
NAME_RUN = re.compile(rf"(?<![\w.])(?:{_WORD})(?:[ \t]+(?:{_JOINER}[ \t]+)*(?:{_WORD}))*(?!\w)")
NOT_NAMES = frozenset(
    """
    A An The This That These Those It Its He His She Her They Their We Our I You Your In On At
    For From By With As But And Or If When While After Before During Since Until Under Over
    Also However Meanwhile Moreover Furthermore According Among Both Each Every Other Some Such
    There Here What Which Who Whom Whose Why How Mr Mrs Ms Dr Sir Madam No Not Yes
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Islamic Muslim Christian Jewish Arab Arabic English French Russian TV Reuter Reuters
    """.split()
)
CANDIDATE_COLUMNS = ("sentence_id", "start", "end", "text")


def candidate_table(text: str, sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Occurrences of unregistered capitalised names: ``sentence_id``, ``start``, ``end``, ``text``."""
    covered = _covered_ranges(mentions)
    rows = []
    for sid, start, end in sentences[["sentence_id", "start", "end"]].itertuples(index=False):
        sentence = text[start:end]
        if _is_headline(sentence):
            continue
        for run in NAME_RUN.finditer(text, start, end):
            for s, e in _uncovered_parts(run.start(), run.end(), covered):
                piece = _clean(text, s, e)
                if piece and _is_name(text, piece, start):
                    rows.append((sid, *piece))
    frame = pd.DataFrame(rows, columns=["sentence_id", "start", "end"], dtype="int64")
    frame["text"] = pd.array([text[s:e] for _, s, e in rows], dtype="str")
    return frame


def _covered_ranges(mentions: pd.DataFrame) -> list[tuple[int, int]]:
    spans = sorted(zip(mentions["start"], mentions["end"], strict=True))
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _uncovered_parts(start: int, end: int, covered: list[tuple[int, int]]):
    """The stretches of [start, end) outside the covered ranges (binary search, then a walk)."""
    i = max(bisect.bisect_right(covered, (start, start)) - 1, 0)
    cursor = start
    while i < len(covered) and covered[i][0] < end:
        s, e = covered[i]
        if e > cursor:
            if s > cursor:
                yield cursor, min(s, end)
            cursor = max(cursor, e)
        i += 1
    if cursor < end:
        yield cursor, end


_STOP = "|".join(sorted(NOT_NAMES, key=len, reverse=True))
_LEAD = re.compile(rf"(?:\W+|(?:{_JOINER}|{_STOP})(?!\w))+")
_TRAIL = re.compile(rf"(?:\W+|(?<!\w){_JOINER}|['’]s)+$")


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim joiners, function words, possessives and punctuation left at the edges."""
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    trail = _TRAIL.search(text, start, end)
    if trail:
        end = trail.start()
    return (start, end) if start < end and text[start].isupper() else None


def _is_name(text: str, span: tuple[int, int], sentence_start: int) -> bool:
    """False for a lone word capitalised only because it opens the sentence ("Officials said")."""
    start, end = span
    if re.search(r"\s", text[start:end]):
        return True
    opens_sentence = not text[sentence_start:start].strip(" \t\"'“‘(")
    return not (opens_sentence and text[start + 1 : end].islower())


def _is_headline(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
