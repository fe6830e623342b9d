"""The headline and the sign-off around an article's body: metadata, not sentences.

Both are found from the paragraphs (``analysis.paragraphs``), by layout and a few fixed forms,
never by what the words mean. Rules, in the order they apply:

Headline
1. The first paragraph is a headline when it is one line (no line break inside it), at most
   ``HEADLINE_MAX`` characters, another paragraph follows it, and it reads as a title: it does
   not end with a full stop (closing quotes and brackets aside), or its letters are all capitals
   (Reuters: ``IRANIAN OIL MINISTER IN UAE TALKS``). Question and exclamation marks are allowed
   ("Can the euro survive?").
2. A dateline alone on the first line (``ASTANA. KAZINFORM``) is the dateline, not a headline:
   ``find_headline`` takes the dateline's span and gives no headline when it starts in the first
   paragraph.

Sign-off
3. The last paragraph is a sign-off when all of it is one of the ``SIGNOFF`` forms: the
   agency's name (``Reuter``, ``REUTER``, ``Reuters``, ``AP``, ``AFP``, ``Kazinform``, ...),
   alone or in brackets (``(ANI)``), after a dash (``-- AFP``) or slashes (``/TASS/``); a press
   release end mark (``###``, ``# # #``, ``-30-``, ``- 30 -``, ``ENDS``); or a credit in
   brackets (``(Reporting by ...; Editing by ...)``, ``(Writing by ...)``,
   ``(Additional reporting by ...)``, ``(Compiled by ...)``).
4. Otherwise the same forms at the very end of the last paragraph, after a sentence's final
   punctuation and white space, are the sign-off (``... on Monday. (ANI)``), so the last
   sentence ends before it. A bare agency name needs a line of its own for this (``... Egypt.
   \\nREUTER``): "... reported by AP" is a sentence, not a sign-off.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from analysis.paragraphs import paragraph_spans, paragraphs

HEADLINE_MAX = 250  # characters; a longer first line is a paragraph of its own, not a title
_AGENCIES = (
    r"Reuters?|REUTERS?|AP|AFP|ANI|IANS|PTI|UNI|Xinhua|XINHUA|TASS|Tass|Kazinform|KAZINFORM"
    r"|Trend|TREND|WAM|SPA|IRNA|Anadolu|MONTSAME|Montsame|dpa|DPA|UPI|Yonhap|Kyodo|Bernama|ANTARA"
)
_CREDIT = r"\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited) by [^()]*\)"
_END_MARK = r"#(?:[ \t]*#){2}|-[ \t]?30[ \t]?-|ENDS"
_AGENCY_MARK = rf"\((?:{_AGENCIES})\)|/(?:{_AGENCIES})/|(?:--?|–|—)[ \t]*(?:{_AGENCIES})"
SIGNOFF = re.compile(rf"(?:{_CREDIT}|{_END_MARK}|{_AGENCY_MARK}|{_AGENCIES})")
_TAIL = re.compile(
    rf"(?:(?<=[.!?\"”’)])[ \t]+(?:{_CREDIT}|{_END_MARK}|{_AGENCY_MARK})|\n[ \t]*{SIGNOFF.pattern})[ \t]*\Z"
)
_TAIL_REACH = 400  # characters before the end searched for a sign-off after the last sentence
_CLOSERS = "\"'”’)]»"


@dataclass(frozen=True)
class TextSpan:
    """A piece of the article's furniture: its ``text`` and where it sits (``text[start:end]``)."""

    text: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def find_headline(text: str, dateline: tuple[int, int] | None = None) -> TextSpan | None:
    """The headline on the first line (rules 1-2), or None.

    >>> find_headline("IRAN OIL MINISTER IN ALGERIA\\n\\nALGIERS, March 6 - He arrived.")
    TextSpan(text='IRAN OIL MINISTER IN ALGERIA', start=0, end=28)
    >>> find_headline("Talks began today.\\n\\nThey ended late.") is None
    True
    """
    first_two = list(itertools.islice(paragraphs(text), 2))
    if len(first_two) < 2:
        return None
    start, end = first_two[0]
    if dateline is not None and start <= dateline[0] < end:
        return None
    return TextSpan(text[start:end], start, end) if is_title_line(text[start:end]) else None


def is_title_line(line: str) -> bool:
    """One line that reads as a title: no final full stop, or all capitals (rule 1)."""
    if "\n" in line or len(line) > HEADLINE_MAX:
        return False
    letters = [c for c in line if c.isalpha()]
    all_caps = len(letters) >= 2 and all(c.isupper() for c in letters)
    return all_caps or not line.rstrip(_CLOSERS).endswith(".")


def find_signoff(text: str) -> TextSpan | None:
    """The sign-off at the end of the article (rules 3-4), or None.

    >>> find_signoff("Morocco is the last stop.\\n REUTER\\n")
    TextSpan(text='REUTER', start=27, end=33)
    >>> find_signoff("He arrived on Monday. (ANI)")
    TextSpan(text='(ANI)', start=22, end=27)
    >>> find_signoff("The story was first reported by AP") is None
    True
    """
    spans = paragraph_spans(text)
    if not spans:
        return None
    start, end = spans[-1]
    if SIGNOFF.fullmatch(text, start, end) and len(spans) > 1:
        return TextSpan(text[start:end], start, end)
    tail = _TAIL.search(text, max(start, end - _TAIL_REACH), end)
    if tail is None:
        return None
    mark_start = tail.start() + len(tail.group()) - len(tail.group().lstrip())
    return TextSpan(text[mark_start:end], mark_start, end)
