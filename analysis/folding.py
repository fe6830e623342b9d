"""A folded copy of the text for matching, with the map from each folded character back.

Real articles carry characters that look like plain text but defeat matching: an old Mac file's
CR-only line ends, a no-break space after a dateline, a soft hyphen inside "Kazakh­stan", a
zero-width space after a full stop, fullwidth letters, a Cyrillic "а" inside a Latin word. The
parse runs on the folded text; every offset is then mapped back, so ``text[start:end]`` always
indexes the original. The rules, in the order they apply:

- line ends: CRLF, CR, NEL (U+0085), U+2028, vertical tab and form feed become ``\\n``; a
  paragraph separator (U+2029) becomes a paragraph break, ``\\n\\n``;
- spaces: no-break, narrow no-break and the other Unicode spaces (U+2000-U+200A, U+205F,
  U+3000, U+1680) become `` ``;
- invisible characters are removed: the soft hyphen, zero-width space, non-joiner and joiner
  (U+200B-U+200D), word joiner (U+2060) and zero-width no-break space (U+FEFF);
- fullwidth ASCII forms (U+FF01-U+FF5E) become ASCII;
- combining marks stay on a letter or digit ("é" written as "e" and U+0301). After anything
  else they belong to the character before: a full stop followed by a combining accent still
  ends a sentence, and the sentence ends after the accent;
- in a word that mixes Latin letters with Cyrillic or Greek look-alikes ("Kаzakhstan" with a
  Cyrillic "а"), the look-alikes become Latin; a word wholly in Cyrillic or Greek is left alone.

Each folded character comes from a stretch of the original: usually one character, two for a
CRLF, and a base character together with the marks attached to it. A span ``[start, end)`` of
the folded text maps to ``[first original of start, last original of end - 1)``, so a span
never begins or ends with a removed character.

>>> folded = fold("ASTANA.\\u00a0KAZINFORM\\u200b The Kazakh\\u00adstan")
>>> folded.text
'ASTANA. KAZINFORM The Kazakhstan'
>>> start, end = folded.span(22, 32)
>>> folded.original[start:end]
'Kazakh\\xadstan'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_LINE_ENDS = "\r\x0b\x0c\x85\u2028"
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
_FULLWIDTH = "\uff01-\uff5e"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Cyrillic and Greek letters drawn like Latin ones.
HOMOGLYPHS = dict(
    zip(
        "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅԌΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυ",
        "aeopcyxijsdqwABEKMHOPCTXIJSGABEZHIKMNOPTYXoikvpu",
        strict=True,
    )
)
# Characters replaced one for one, in a single str.translate pass; the walk handles the rest.
_ONE_FOR_ONE = {
    **dict.fromkeys(map(ord, _LINE_ENDS), "\n"),
    **dict.fromkeys([0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "),
    **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
}
_SPECIAL = re.compile(rf"\r\n|\u2029|[{_INVISIBLE}]+|[{_MARKS}]+")
_NEEDS_FOLDING = re.compile(rf"[{_LINE_ENDS}\u2029{_SPACES}{_INVISIBLE}{_FULLWIDTH}{_MARKS}]")
_HOMOGLYPH = re.compile(f"[{''.join(HOMOGLYPHS)}]")
_MIXED_WORD = re.compile(rf"[^\W\d_]*[{''.join(HOMOGLYPHS)}][^\W\d_]*")
_LATIN = re.compile(r"[A-Za-z]")
_NOT_FOLDABLE = re.compile(rf"[^A-Za-z{''.join(HOMOGLYPHS)}]")


@dataclass(frozen=True)
class Folded:
    """The folded ``text`` of ``original``, and where each folded character came from.

    The map is kept as pieces, so a long text with a few special characters costs a few entries:
    piece ``i`` starts at folded offset ``starts[i]`` and original offset ``origins[i]``. A piece
    with ``ends[i] is None`` maps one to one (folded ``starts[i] + k`` is original
    ``origins[i] + k``); otherwise every character of the piece comes from
    ``original[origins[i]:ends[i]]``.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    ends: tuple[int | None, ...]

    @property
    def unchanged(self) -> bool:
        """True when folding changed nothing: offsets need no mapping."""
        return self.text is self.original

    def start(self, offset: int) -> int:
        """The original offset where folded character ``offset`` begins (``len`` maps to ``len``)."""
        if self.unchanged:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self.starts, offset) - 1
        end = self.ends[i]
        return self.origins[i] + (offset - self.starts[i] if end is None else 0)

    def end(self, offset: int) -> int:
        """The original offset where the folded text up to ``offset`` (exclusive) ends."""
        if self.unchanged or offset <= 0:
            return offset
        i = bisect.bisect_right(self.starts, offset - 1) - 1
        end = self.ends[i]
        return self.origins[i] + offset - self.starts[i] if end is None else end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``[start, end)``; an empty span stays empty."""
        if start >= end:
            return self.start(start), self.start(start)
        return self.start(start), self.end(end)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching (see the module docstring for the rules)."""
    has_homoglyphs = _HOMOGLYPH.search(text) is not None
    if not has_homoglyphs and _NEEDS_FOLDING.search(text) is None:
        return Folded(text, text, (0,), (0,), (None,))
    builder = _Builder(text)
    for match in _SPECIAL.finditer(text):
        builder.edit(match)
    builder.copy_to(len(text))
    folded = "".join(builder.out).translate(_ONE_FOR_ONE)
    if has_homoglyphs:
        folded = _MIXED_WORD.sub(_latin_word, folded)
    if folded == text:
        return Folded(text, text, (0,), (0,), (None,))
    return Folded(text, folded, tuple(builder.starts), tuple(builder.origins), tuple(builder.ends))


def _latin_word(word: re.Match) -> str:
    """A word mixing Latin letters and look-alikes, in Latin; any other word as it is."""
    value = word.group()
    if _LATIN.search(value) is None or _NOT_FOLDABLE.search(value) is not None:
        return value
    return "".join(HOMOGLYPHS.get(c, c) for c in value)


class _Builder:
    """Walks the original once, copying plain stretches and the characters that change length."""

    def __init__(self, text: str):
        self.text = text
        self.out: list[str] = []
        self.length = 0  # folded characters so far
        self.copied = 0  # original offset copied up to
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.ends: list[int | None] = []

    def copy_to(self, position: int) -> None:
        """Copy ``text[copied:position]`` one to one."""
        if position <= self.copied:
            return
        piece = self.text[self.copied : position]
        shift = self.copied - self.length
        if not self.ends or self.ends[-1] is not None or self.origins[-1] - self.starts[-1] != shift:
            self._piece(self.length, self.copied, None)
        self.out.append(piece)
        self.length += len(piece)
        self.copied = position

    def edit(self, match: re.Match) -> None:
        start, end = match.span()
        self.copy_to(start)
        found = match.group()
        first = found[0]
        if found == "\r\n":
            self._replace("\n", end)
        elif first == "\u2029":
            self._replace("\n\n", end)
        elif first in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
            self.copied = end  # removed: no folded character comes from it
        elif start > 0 and self.text[start - 1].isalnum():
            self.copy_to(end)  # combining marks on a letter or digit stay
        else:
            self._attach(end)

    def _replace(self, replacement: str, end: int) -> None:
        """Every character of ``replacement`` comes from ``text[copied:end]``."""
        self._piece(self.length, self.copied, end)
        self.out.append(replacement)
        self.length += len(replacement)
        self.copied = end

    def _attach(self, end: int) -> None:
        """Drop combining marks from the folded text, extending the character before over them."""
        if self.length == 0:
            self.copied = end
            return
        if self.ends[-1] is None:
            last = self.length - 1
            origin = self.origins[-1] + last - self.starts[-1]
            if self.starts[-1] == last:
                self._pop()
            self._piece(last, origin, end)
        else:
            self.ends[-1] = end
        self.copied = end

    def _piece(self, start: int, origin: int, end: int | None) -> None:
        self.starts.append(start)
        self.origins.append(origin)
        self.ends.append(end)

    def _pop(self) -> None:
        self.starts.pop()
        self.origins.pop()
        self.ends.pop()
