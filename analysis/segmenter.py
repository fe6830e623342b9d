"""Sentence boundaries of English news text, as character spans into the text.

``sentence_spans(text, start, end)`` splits ``text[start:end]`` into sentences and returns their
``(start, end)`` offsets into ``text`` itself. The spans are trimmed of white space, never
empty, and tile the range: joining them with the white space between them gives the range back.

One compiled regular expression finds the candidates, a run of ``.``, ``!``, ``?`` or ``…``
(possibly a spaced ellipsis ``. . .``) with any closing quotes or brackets, followed by white
space. Only there does a small function decide, from the word before and the word after,
whether the sentence ends. The rules, in the order they apply:

* Nothing ends before a word that starts in lower case ("Yahoo! in", "U.S.A. last year",
  '"This is great." she said'), nor before a token that is not a letter, digit or bullet.
* ``!`` and ``?`` end the sentence otherwise.
* A list marker that opens a sentence ("1.", "2.)", "a.", "• 9.") does not end it.
* A period after a title (``TITLES``: "Mr.", "Dr.", "Gen.") never ends one. Listed words
  count only when not in capitals: "MS." and "SEC." are acronyms, not "Ms." and "Sec.".
* Before a number, a period after an abbreviation ("No. 5", "Sept. 10", "p. 55") or an
  initial does not end the sentence; after any other word ("$100.00. 2017 was") it does.
* Before a capitalised word, a period after an abbreviation (``ABBREVIATIONS``), a dotted
  abbreviation ("U.S.", "a.m.") or an initial ("E. Smith") ends the sentence only if that word
  usually opens a sentence (``SENTENCE_STARTERS``: "It", "The", "He" ...): "the U.S. It was"
  splits, "U.S. Government" and "Dr. A. Smith" do not. After any other word it ends there.
* A three-dot ellipsis standing alone ("is . . . I") continues the sentence; other stand-alone
  dots, such as four ("period . . . . Next"), end it. A period glued to a word and followed by spaced dots
  ("compounds. . . . The") ends the sentence there, and the dots open the next one. Dots glued
  to a word ("that.... She", "paused… Then") end it like a period after any other word.
* A paragraph that opens with a list marker is also split before each following marker of
  the same style ("1) first 2) second"), even without a period.

An initial glued to a surname ("A.Kamaldinov") has no white space after its period, so it is
never a candidate. Newlines are ordinary white space: hard-wrapped lines do not end sentences.
Every step looks at a bounded window around a candidate, so time is linear in the text.

>>> text = "Mr. Bourita met A.Kamaldinov in the U.S. It was at 10 a.m. on Monday."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Mr. Bourita met A.Kamaldinov in the U.S.', 'It was at 10 a.m. on Monday.']
"""

from __future__ import annotations

import re

# Word lists: lower case, without the final dot. Dotted abbreviations such as "u.s." or "a.m."
# and single-letter initials need no entry. They are read at call time, so they can be
# extended: ``segmenter.ABBREVIATIONS = segmenter.ABBREVIATIONS | {"brig"}``.

# Titles come before a name, so their period never ends a sentence.
TITLES = frozenset(
    """mr mrs ms messrs mme mlle dr prof rev fr gen lt col maj capt cmdr adm sgt cpl pvt
    gov sen rep pres amb hon insp supt""".split()
)
# All abbreviations, titles included: a period after one ends a sentence only before a word
# in SENTENCE_STARTERS, and never after a title.
ABBREVIATIONS = TITLES | frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec tues thurs
    co corp inc ltd plc bros assn dept univ jr sr st mt ft ave blvd rd
    no nos n° nº nr vol vols fig figs pp ed eds ch sec
    etc vs cf al approx est min max ph.d mln bln""".split()
)
# Words that open a sentence far more often than they follow an abbreviation inside one.
SENTENCE_STARTERS = frozenset(
    """a after all also although an and as at before being both but by did do does during
    each for from he her here his how however i if in it its many meanwhile more most my no
    not now on once one our she since so some such that the their there these they this those
    thus to under we what when where which while who why with yet you your""".split()
)

_MARKS = ".!?…"
_CLOSERS = "\"'”’»)]}›"
_OPENERS = "\"'“‘«([{‹„"
_BULLETS = "•‣⁃▪◦●"

_MARK = f"[{re.escape(_MARKS)}]"
_CLOSE = f"[{re.escape(_CLOSERS)}]"
_OPEN = f"[{re.escape(_OPENERS)}]"
_BULLET = f"[{re.escape(_BULLETS)}]"
# Possessive quantifiers never backtrack, and the look-behinds stop a failed match from being
# retried inside the same run of marks or spaced dots, so the scan is linear.
_CANDIDATE = re.compile(
    rf"(?<!{_MARK})(?<!\.[ ])"  # the start of a run
    rf"({_MARK}++(?:[ ]\.(?=\s))*+{_CLOSE}*+)"  # group 1: marks, spaced dots, closers
    rf"\s++(?={_OPEN}*+(\S))"  # white space; group 2: the next token's first character
)
_LEADING_LETTERS = re.compile(r"[^\W\d_]{1,20}")
_LIST_MARKER = re.compile(rf"((?:{_BULLET}\s*)?)([0-9]{{1,2}}|[a-z])(\.\)|[.)])\s")
_WINDOW = 40  # longer than any abbreviation or list marker


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``.

    ``start`` and ``end`` follow slice rules. Spans come in reading order, trimmed, non-empty.

    >>> sentence_spans("  Hello World.\\nMy name is Jonas.  ", 1)
    [(2, 14), (15, 32)]
    """
    lo, hi, _ = slice(start, end).indices(len(text))
    seg = text[lo:hi]
    stop = len(seg.rstrip())
    sent_start = len(seg) - len(seg.lstrip())
    spans: list[tuple[int, int]] = []
    items = _list_item_starts(seg, sent_start)
    item = 0
    for match in _CANDIDATE.finditer(seg):
        while item < len(items) and items[item] < match.start():
            if items[item] > sent_start:
                spans.append((lo + sent_start, lo + _trim_end(seg, items[item])))
                sent_start = items[item]
            item += 1
        cut = _sentence_end(seg, match, sent_start)
        if cut >= 0:
            spans.append((lo + sent_start, lo + cut))
            sent_start = match.end() if cut == match.end(1) else cut + 1
    for position in items[item:]:
        if position > sent_start:
            spans.append((lo + sent_start, lo + _trim_end(seg, position)))
            sent_start = position
    if sent_start < stop:
        spans.append((lo + sent_start, lo + stop))
    return spans


def _sentence_end(seg: str, match: re.Match[str], sent_start: int) -> int:
    """Where the sentence ends at this candidate, or -1 if it goes on."""
    first = match.group(2)
    if not (first.isalpha() or first.isdigit() or first in _BULLETS) or first.islower():
        return -1
    marks = match.group(1)
    end = match.end(1)
    if "!" in marks or "?" in marks:
        return end
    mark_start = match.start()
    head = seg[max(0, mark_start - _WINDOW) : mark_start]
    words = head.rsplit(None, 2) if head and not head[-1].isspace() else []
    word = words[-1].lstrip(_OPENERS + _BULLETS) if words else ""
    if not word:  # marks standing alone: "is . . . I" goes on, "period . . . . Next" ends
        dots = marks.count(".") + 3 * marks.count("…")
        return -1 if dots == 3 else end
    if " " in marks:  # "compounds. . . . The": the glued period ends it, the dots open the next
        return mark_start + marks.index(" ")
    initial = len(word) == 1 and word.isalpha()
    low = "" if word.isupper() and word.isalpha() and not initial else word.lower()  # "MS", "SEC"
    word_start = mark_start - len(word)
    if (
        (initial or word.isdigit() and len(word) <= 2)
        and word_start - sent_start <= 4
        and not seg[sent_start:word_start].strip().strip(_BULLETS)
    ):
        return -1  # a list marker opening the sentence: "1. The first item"
    if low in TITLES:
        return -1
    if not (initial or low in ABBREVIATIONS or _is_dotted(word)):
        return end
    if first.isdigit():
        return -1
    follower = _LEADING_LETTERS.match(seg, match.start(2))
    if follower and follower.group().lower() in SENTENCE_STARTERS:
        return end
    if word == "I" and len(words) > 1 and words[-2][:1].islower():
        return end  # the pronoun: "you and I. Did you", not "Albert I. Jones"
    return -1


def _is_dotted(word: str) -> bool:
    """Whether ``word`` is letters joined by single dots, like "U.S" or "a.m" (final dot cut)."""
    return len(word) > 2 and word[1::2] == "." * (len(word) // 2) and word[::2].isalpha()


def _list_item_starts(seg: str, first: int) -> list[int]:
    """Starts of list items after the first, if ``seg`` opens with a marker ("1)", "a.", "• 9.").

    Items need not end with a period ("1) The first item 2) The second item"), so they are found
    by searching for the next marker of the same style: "2)" after "1)", "b." after "a.".
    """
    marker = _LIST_MARKER.match(seg, first)
    if marker is None:
        return []
    bullet, label, style = marker.groups()
    starts: list[int] = []
    position = marker.end()
    while label not in ("99", "z"):
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        needle = bullet + label + style
        position = seg.find(needle, position)
        while position >= 0 and not _stands_alone(seg, position, position + len(needle)):
            position = seg.find(needle, position + 1)
        if position < 0:
            break
        starts.append(position)
        position += len(needle)
    return starts


def _stands_alone(seg: str, start: int, end: int) -> bool:
    """Whether ``seg[start:end]`` has white space on both sides (so "12." is not "2.")."""
    return seg[start - 1 : start].isspace() and seg[end : end + 1].isspace()


def _trim_end(seg: str, position: int) -> int:
    """The end of the text before ``position`` with the white space in between cut off."""
    while position > 0 and seg[position - 1].isspace():
        position -= 1
    return position
