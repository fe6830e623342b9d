"""The article's sentences, as character spans into the original text, with their paragraphs.

Paragraphs come from ``analysis.paragraphs``. Spans that are metadata (the dateline, the
headline, the sign-off: ``analysis.dateline`` and ``analysis.layout``) are cut out of their
paragraph before segmenting, so no sentence contains them. A paragraph without a word of two
letters (a press release's "###" sign-off, a "-30-") holds no sentence. Sentence boundaries
within a paragraph come from ``analysis.segmenter``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.paragraphs import paragraph_spans, trim
from analysis.segmenter import sentence_spans

_HAS_WORD = re.compile(r"[^\W\d_]{2}")


def sentence_rows(text: str, skip: Iterable[tuple[int, int]] = ()) -> dict[str, list]:
    """Sentences as table columns: ``sentence_id``, ``paragraph_id``, ``start``, ``end``, ``text``.

    ``skip`` holds the spans that belong to no sentence (dateline, headline, sign-off).

    >>> rows = sentence_rows("HEADLINE\\n\\nRABAT - He came. He went.\\n REUTER", [(0, 8), (10, 18), (37, 43)])
    >>> rows["text"], rows["paragraph_id"]
    (['He came.', 'He went.'], [1, 1])
    """
    skip = sorted(skip)
    rows = []
    for paragraph_id, (start, end) in enumerate(paragraph_spans(text)):
        for lo, hi in _without(text, start, end, skip):
            if _HAS_WORD.search(text, lo, hi):  # not a sign-off such as "###" or "-30-"
                rows.extend((paragraph_id, s, e) for s, e in sentence_spans(text, lo, hi))
    return {
        "sentence_id": list(range(len(rows))),
        "paragraph_id": [r[0] for r in rows],
        "start": [r[1] for r in rows],
        "end": [r[2] for r in rows],
        "text": [text[s:e] for _, s, e in rows],
    }


def _without(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` outside the ``skip`` spans, each trimmed of white space."""
    parts = []
    for lo, hi in skip:
        if lo < end and hi > start:
            if part := trim(text, start, max(start, lo)):
                parts.append(part)
            start = max(start, hi)
    if part := trim(text, start, end):
        parts.append(part)
    return parts
