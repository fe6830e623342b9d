"""Recognising the wire dateline at the head of an article, which is metadata, not a sentence.

Forms recognised (case matters: a dateline place is written in capitals):

- Kazinform and other agencies: ``ASTANA. KAZINFORM``, ``NUR-SULTAN. KAZINFORM -``,
  ``MOSCOW. KAZINFORM –`` (place, a full stop, the agency in capitals, an optional dash);
- agency in brackets: ``WASHINGTON (Reuters) -``, ``ASTANA (Kazinform) –``;
- Reuters' date form: ``ALGIERS, March 6 -`` (place, a comma, a month and day, a dash).

A dateline is looked for at the start of the first paragraph, or of the second when the first
is a one-line headline (``analysis.layout.is_title_line``: how wire and corpus files put the
title on line 1). Anything else gives no dateline, so a real first sentence is never swallowed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from analysis.layout import is_title_line
from analysis.paragraphs import paragraphs

_PLACE = r"(?P<place>[A-Z][A-Z'’]*(?:[ -][A-Z][A-Z'’]*){0,3})"
_DASH = r"[-–—]"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"(?:"
    rf"{_PLACE}\.[ \t]+(?P<agency>[A-Z][A-Z-]{{2,}})(?=\s|\Z)(?:[ \t]+{_DASH})?"
    rf"|{_PLACE.replace('place', 'place2')}[ \t]*\((?P<agency2>[A-Z][A-Za-z-]+)\)[ \t]*{_DASH}"
    rf"|{_PLACE.replace('place', 'place3')},[ \t]+(?P<date>{_MONTH}[ \t]+\d{{1,2}})[ \t]*{_DASH}"
    r")(?:\s+|\Z)"
)


@dataclass(frozen=True)
class DatelineMatch:
    """Where the dateline sits (``start``, ``end``: offsets into the text) and what it says."""

    place: str
    source: str | None
    date: str | None
    start: int
    end: int


def find_dateline(text: str) -> DatelineMatch | None:
    """The article's dateline, or None where it has none.

    >>> find_dateline("ASTANA. KAZINFORM Special Envoy met the minister.")
    DatelineMatch(place='ASTANA', source='KAZINFORM', date=None, start=0, end=18)
    >>> find_dateline("IRAN OIL MINISTER IN ALGERIA\\n\\nALGIERS, March 6 - Iran's oil minister arrived.")
    DatelineMatch(place='ALGIERS', source=None, date='March 6', start=30, end=49)
    >>> find_dateline("The sides shared their views.") is None
    True
    """
    for start in _candidate_starts(text):
        match = DATELINE.match(text, start)
        if match:
            place = match["place"] or match["place2"] or match["place3"]
            return DatelineMatch(
                place=place,
                source=match["agency"] or match["agency2"],
                date=match["date"],
                start=start,
                end=match.end(),
            )
    return None


def _candidate_starts(text: str) -> list[int]:
    """The first paragraph's start, and the second's when the first is a one-line headline."""
    first_two = list(itertools.islice(paragraphs(text), 2))
    starts = [span[0] for span in first_two[:1]]
    if len(first_two) == 2 and is_title_line(text[slice(*first_two[0])]):
        starts.append(first_two[1][0])
    return starts
