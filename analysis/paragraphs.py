"""The article's paragraphs, as character spans into the original text: the bottom layer of parsing.

Rules, in the order they apply:

1. Blank lines separate paragraphs (a line holding only white space counts as blank, with LF or
   CRLF endings).
2. Within a block, a line indented further than the block's least indented line starts a
   paragraph: wire layouts (Reuters) mark each paragraph with an indented first line and no
   blank line. A hard-wrapped line, at the least indent, continues its paragraph, and a text
   indented throughout is not cut at every line. (A hanging indent, as in a list item's
   continued line, would be cut; news text rarely has one.)
3. Each span is trimmed of white space.

The dateline, the headline and sign-off, and the sentences are all found within paragraphs,
so every later stage builds on this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_INDENTED = re.compile(r"\n[ \t]+\S")  # a block without one needs no line-by-line look
_LINE_START = re.compile(r"\n([ \t]*)(?=\S)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, trimmed of white space.

    >>> paragraph_spans("One.\\n\\n  Two.\\r\\n\\r\\nThree.\\n")
    [(0, 4), (8, 12), (16, 22)]
    >>> text = "RABAT - He arrived\\non Monday.\\n    He met the King.\\n REUTER"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['RABAT - He arrived\\non Monday.', 'He met the King.', 'REUTER']
    """
    return list(paragraphs(text))


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The paragraph spans one at a time, so a caller needing the first few reads no further."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        yield from _block(text, start, brk.start())
        start = brk.end()
    yield from _block(text, start, len(text))


def _block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The paragraphs of one blank-line-separated block: cut before each line indented past the least."""
    if not _INDENTED.search(text, start, end):
        if trimmed := trim(text, start, end):
            yield trimmed
        return
    first = trim(text, start, end)[0]
    lines = [(start, first - text.rfind("\n", 0, first) - 1)]
    lines += [(line.end(), len(line.group(1))) for line in _LINE_START.finditer(text, start, end)]
    least = min(indent for _, indent in lines)
    for line_start, indent in lines[1:]:
        if indent > least:
            if trimmed := trim(text, start, line_start):
                yield trimmed
            start = line_start
    if trimmed := trim(text, start, end):
        yield trimmed


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed past white space at both edges, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
