"""The article's sentences, as character spans into the original text, with their paragraphs.

Paragraphs come from ``analysis.paragraphs``. The dateline, when there is one, is cut off the
front of its paragraph before segmenting, so the first sentence starts after it. A paragraph
without a word of two letters (a press release's "###" sign-off, a "-30-") holds no sentence.
Sentence boundaries within a paragraph come from ``analysis.segmenter``.
"""

from __future__ import annotations

import re

from analysis.paragraphs import paragraph_spans
from analysis.segmenter import sentence_spans

_HAS_WORD = re.compile(r"[^\W\d_]{2}")


def sentence_rows(text: str, skip: tuple[int, int] | None = None) -> dict[str, list]:
    """Sentences as table columns: ``sentence_id``, ``paragraph_id``, ``start``, ``end``, ``text``.

    ``skip`` is a span at the head of a paragraph that is not part of any sentence (the dateline).
    """
    rows = []
    for paragraph_id, (start, end) in enumerate(paragraph_spans(text)):
        if skip is not None and start <= skip[0] < end:
            start = max(start, skip[1])
        if _HAS_WORD.search(text, start, end):  # not a sign-off such as "###" or "-30-"
            rows.extend((paragraph_id, s, e) for s, e in sentence_spans(text, start, end))
    return {
        "sentence_id": list(range(len(rows))),
        "paragraph_id": [r[0] for r in rows],
        "start": [r[1] for r in rows],
        "end": [r[2] for r in rows],
        "text": [text[s:e] for _, s, e in rows],
    }
