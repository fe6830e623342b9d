"""Capitalised name phrases that no registered actor covers: what to add to the registry next.

A candidate is a run of capitalised words (allowing lower-case joiners such as "of", "the",
"and", "al", "bin" between them) inside a sentence, with the characters already covered by a
mention cut out. Single words that are capitalised only because they open a sentence, month and
weekday names, and headline lines written all in capitals are not names and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis import spans

_WORD = r"[A-Z][\w'’.-]*\w|[A-Z]"
JOINERS = frozenset("of the and for de del da di du al el bin ibn van von der la le".split())
_JOINER = f"(?:{'|'.join(sorted(JOINERS))})"
NAME_RUN = re.compile(rf"(?<![\w.])(?:{_WORD})(?:\s+(?:{_JOINER}\s+)*(?:{_WORD}))*(?!\w)")
NOT_NAMES = frozenset(
    """
    A An The This That These Those It Its He His She Her They Their We Our I You Your In On At
    For From By With As But And Or If When While After Before During Since Until Under Over
    Also However Meanwhile Moreover Furthermore According Among Both Each Every Other Some Such
    There Here What Which Who Whom Whose Why How Mr Mrs Ms Dr Sir Madam No Not Yes
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Islamic Muslim Christian Jewish Arab Arabic English French Russian TV Reuter Reuters REUTER
    """.split()
)


# Words of role titles: a capitalised run made only of these ("Foreign Minister", "Crown
# Prince", "Secretary of State") names a position, not someone or something to register.
ROLE_WORDS = frozenset(
    """
    King Queen Prince Princess Crown Emir Sheikh Sultan President Presidents Vice Prime Minister
    Ministers Ministry Foreign Deputy Assistant Secretary General Consul Ambassador Envoy Special
    Representative Spokesman Spokeswoman Spokesperson Chairman Chairwoman Director Directors
    Executive Chief Head Senator Governor Mayor State Affairs First Leader Leaders Officials
    Embassy Consulate Government Cabinet Parliament Senate Congress
    """.split()
)


def candidate_rows(
    text: str, sentence_spans: list[tuple[int, int]], mention_spans: Iterable[tuple[int, int]]
) -> dict[str, list]:
    """Unregistered capitalised names as table columns: ``sentence_id``, ``start``, ``end``, ``text``."""
    covered = spans.merge(mention_spans)
    rows = []
    for sid, (start, end) in enumerate(sentence_spans):
        if _is_headline(text, start, end):
            continue
        for run in NAME_RUN.finditer(text, start, end):
            if run.group() in NOT_NAMES:
                continue
            for s, e in spans.uncovered(run.start(), run.end(), covered):
                piece = _clean(text, s, e)
                if piece and _is_name(text, piece, start) and not _only_roles(text[piece[0] : piece[1]]):
                    rows.append((sid, *piece))
    return {
        "sentence_id": [r[0] for r in rows],
        "start": [r[1] for r in rows],
        "end": [r[2] for r in rows],
        "text": [text[s:e] for _, s, e in rows],
    }


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
    if _SPACE.search(text, start, end):
        return True
    opens_sentence = _OPENING.fullmatch(text, sentence_start, start) is not None
    return not (opens_sentence and text[start + 1 : end].islower())


def _only_roles(phrase: str) -> bool:
    return all(w in ROLE_WORDS or w in JOINERS for w in phrase.split())


def _is_headline(text: str, start: int, end: int) -> bool:
    """A headline: set in capitals, or in title case without a final full stop.

    Its capitals say nothing about names, so it yields no candidates ("First Visit Took Place").
    """
    sentence = text[start:end]
    if sentence.isupper():
        return sum(c.isupper() for c in sentence) >= 12
    if sentence[-1] in ".!?\"'”’)":
        return False
    words = _WORDS.findall(sentence)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_SPACE = re.compile(r"\s")
_OPENING = re.compile(r"[ \t\"'“‘(]*")  # what may stand before a sentence's first word
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
