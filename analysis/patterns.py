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


def words_pattern(phrases: Iterable[str], suffix: str = "") -> str:
    """``trie_pattern`` fenced so that it matches whole words only (never inside a word).

    >>> [m.group() for m in re.finditer(words_pattern(["UN"]), "UNESCO, the UN and UN-led talks")]
    ['UN', 'UN']
    """
    return rf"(?<!\w)(?:{trie_pattern(phrases)}){suffix}(?!\w)"


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
    matches hold at most ``words`` words: the same match, found by searching only those words.

    >>> search_back(re.compile(r"\\bsaid\\s+(?:that\\s+)?$"), "He said she said that ", 0, 22, 2).start()
    12
    """
    return pattern.search(text, max(lo, words_back(text, lo, hi, words)), hi)


def file_key(path: Path) -> tuple:
    """A cache key for a data file that changes when the file does (edited, or another folder).

    The path as given comes first, so that error messages name the file the way the user did.
    """
    try:
        stat = path.stat()
    except OSError:
        return (path, None, None, None)
    return (path, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
