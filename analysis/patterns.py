"""Regular expressions that match any of many phrases, longest first, as whole words; and
searches that look only at the few words a pattern can hold.

A plain ``a|ab|abc`` alternation tries every phrase at every position and prefers the first
listed; a trie-shaped pattern shares common prefixes, so the regex engine rejects most
positions after one character, and greedy optional branches make the longest phrase win
("OIC Summit" over "OIC"). Matching stays linear in the text for a fixed phrase list.

A pattern anchored at the end of a stretch ("... said that $") is asked before every verb or
pronoun of a sentence; searching from the sentence's start each time makes a long sentence
quadratic, so ``search_back`` searches only the last words such a match can hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_END = ""


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of ``phrases`` exactly, preferring the longest.

    >>> trie_pattern(["UN", "UN Security Council", "UNSC"])
    'UN(?:\\\\s+Security\\\\s+Council|SC)?'
    """
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(trie) if trie else "(?!)"


def _node_pattern(node: dict) -> str:
    branches = [_char(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


def _char(char: str) -> str:
    """A phrase's space matches any run of white space: a line break, a no-break space."""
    return r"\s+" if char == " " else re.escape(char)


def normal_form(matched: str) -> str:
    """The registry spelling of a matched phrase: white space runs folded to one space.

    >>> normal_form("Erzhan\u00a0Kazykhan")
    'Erzhan Kazykhan'
    """
    return " ".join(matched.split())


NOT_ELIDED = r"(?<!\w['’])"  # no phrase starts after "O'" or "d'": "O'Sullivan" is one word


def words_pattern(phrases: Iterable[str], suffix: str = "") -> str:
    """``trie_pattern`` fenced so that it matches whole words only (never inside a word, nor
    after an elided letter: "Sullivan" is no word of "O'Sullivan").

    >>> [m.group() for m in re.finditer(words_pattern(["UN"]), "UNESCO, the UN and UN-led talks")]
    ['UN', 'UN']
    >>> re.search(words_pattern(["Sullivan"]), "Finian O'Sullivan") is None
    True
    """
    return rf"(?<!\w){NOT_ELIDED}(?:{trie_pattern(phrases)}){suffix}(?!\w)"


class Phrases:
    """Whole phrases found in a text as ``re.finditer(rf"(?<![\\w-]){NOT_ELIDED}(?:{trie_pattern(phrases)})(?![\\w-])",
    text)`` finds them (leftmost first, the longest phrase there; a space matches any run of
    white space), without compiling a pattern for a list used once, such as the names of the
    people one article mentions.

    A phrase opens with a word character or a hyphen, so it can start only where a run of them
    does, and that whole run is its first word: phrases are looked up by it. A phrase that does
    not fit (another first character, white space other than single spaces) makes the pattern
    be compiled after all.

    >>> Phrases(["Abdul", "Abdul Aziz", "Aziz"]).finditer("Abdul  Aziz met Abdul Azizi, Aziz-led")
    [(0, 11, 'Abdul Aziz'), (16, 21, 'Abdul')]
    """

    def __init__(self, phrases: Iterable[str]):
        self.by_head: dict[str, list[tuple[str, list[str]]]] = {}
        self.pattern: re.Pattern | None = None
        phrases = [phrase for phrase in phrases if phrase]
        for phrase in sorted(phrases, key=len, reverse=True):  # the longest first
            head = _RUN.match(phrase)
            if head is None or phrase != " ".join(phrase.split()):
                self.pattern = re.compile(rf"(?<![\w-]){NOT_ELIDED}(?:{trie_pattern(phrases)})(?![\w-])")
                return
            self.by_head.setdefault(head.group(), []).append((phrase, phrase.split(" ")))

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of each phrase found, the phrase as given (single spaces)."""
        if self.pattern is not None:
            return [(m.start(), m.end(), " ".join(m.group().split())) for m in self.pattern.finditer(text)]
        found: list[tuple[int, int, str]] = []
        if self.by_head.keys().isdisjoint(_RUN.findall(text)):
            return found
        done = 0
        for run in _RUN.finditer(text):
            start = run.start()
            if start < done or (start > 1 and _ELIDED.match(text, start - 2)):
                continue
            for phrase, parts in self.by_head.get(run.group(), ()):
                end = _parts_end(text, start, parts)
                if end is not None and (end == len(text) or not _RUN.match(text, end)):
                    found.append((start, end, phrase))
                    done = end
                    break
        return found


_RUN = re.compile(r"[\w-]+")
_ELIDED = re.compile(r"\w['’]")


def _parts_end(text: str, at: int, parts: list[str]) -> int | None:
    """Where ``parts`` written at ``at`` with white space between them end, or None."""
    for k, part in enumerate(parts):
        if k:
            if at >= len(text) or not text[at].isspace():
                return None
            while at < len(text) and text[at].isspace():
                at += 1
        if not text.startswith(part, at):
            return None
        at += len(part)
    return at


def words_back(text: str, lo: int, at: int, words: int) -> int:
    """Where the last ``words`` words (runs of characters other than white space) before ``at``
    begin, not below ``lo``.

    >>> words_back("He met them today ", 0, 18, 2)
    7
    """
    for _ in range(words):
        while at > lo and text[at - 1].isspace():
            at -= 1
        while at > lo and not text[at - 1].isspace():
            at -= 1
    return at


def search_back(pattern: re.Pattern, text: str, lo: int, hi: int, words: int) -> re.Match | None:
    """``pattern.search(text, lo, hi)`` for a pattern anchored at ``hi`` (it ends in ``$``) whose
    matches hold at most ``words`` words: the same match, found by searching only those words
    (a short stretch is searched whole: the regex engine does that faster than words are counted).

    >>> search_back(re.compile(r"\\bsaid\\s+(?:that\\s+)?$"), "He said she said that ", 0, 22, 2).start()
    12
    """
    if hi - lo > _SHORT:
        lo = max(lo, words_back(text, lo, hi, words))
    return pattern.search(text, lo, hi)


_SHORT = 256  # characters


def file_key(path: Path) -> tuple:
    """A cache key for a data file that changes when the file does (edited, or another folder).

    The path as given comes first, so that error messages name the file the way the user did.
    Which file it is, is told by its device and inode (one ``stat``, where resolving the path
    took ten times as long, on every parse); by the resolved path where the system gives no inode.
    """
    try:
        stat = path.stat()
    except OSError:
        return (path, None, None, None)
    which = (stat.st_dev, stat.st_ino) if stat.st_ino else str(path.resolve())
    return (path, which, stat.st_mtime_ns, stat.st_size)
