"""The article's paragraphs and sentences, as character spans into the original text.

Paragraphs are separated by blank lines (a line holding only white space counts as blank, with
LF or CRLF endings). The dateline, when there is one, is cut off the front of its paragraph
before segmenting, so the first sentence starts after it. A paragraph without a word of two
letters (a press release's "###" sign-off, a "-30-") holds no sentence. Sentence boundaries
within a paragraph come from ``analysis.segmenter``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from analysis.segmenter import sentence_spans

if TYPE_CHECKING:
    from analysis.dateline import Dateline

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_HAS_WORD = re.compile(r"[^\W\d_]{2}")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, trimmed of white space.

    >>> paragraph_spans("One.\\n\\n  Two.\\r\\n\\r\\nThree.\\n")
    [(0, 4), (8, 12), (16, 22)]
    """
    return list(paragraphs(text))


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The paragraph spans one at a time, so a caller needing the first few reads no further."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if trimmed := _trim(text, start, brk.start()):
            yield trimmed
        start = brk.end()
    if trimmed := _trim(text, start, len(text)):
        yield trimmed


def sentence_rows(text: str, dateline: Dateline | None = None) -> dict[str, list]:
    """Sentences as table columns: ``sentence_id``, ``paragraph_id``, ``start``, ``end``, ``text``."""
    rows = []
    for paragraph_id, (start, end) in enumerate(paragraph_spans(text)):
        if dateline is not None and start <= dateline.start < end:
            start = max(start, dateline.end)
        if _HAS_WORD.search(text, start, end):  # not a sign-off such as "###" or "-30-"
            rows.extend((paragraph_id, s, e) for s, e in sentence_spans(text, start, end))
    return {
        "sentence_id": list(range(len(rows))),
        "paragraph_id": [r[0] for r in rows],
        "start": [r[1] for r in rows],
        "end": [r[2] for r in rows],
        "text": [text[s:e] for _, s, e in rows],
    }


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
