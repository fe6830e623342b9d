"""The article's paragraphs, as character spans into the original text: the bottom layer of parsing.

Paragraphs are separated by blank lines (a line holding only white space counts as blank, with
LF or CRLF endings). Each span is trimmed of white space. The dateline and the sentences are
both found within paragraphs, so both stages build on this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


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
        if trimmed := trim(text, start, brk.start()):
            yield trimmed
        start = brk.end()
    if trimmed := trim(text, start, len(text)):
        yield trimmed


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed past white space at both edges, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
