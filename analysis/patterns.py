"""Regular expressions that match any of many phrases, longest first, as whole words.

A plain ``a|ab|abc`` alternation tries every phrase at every position and prefers the first
listed; a trie-shaped pattern shares common prefixes, so the regex engine rejects most
positions after one character, and greedy optional branches make the longest phrase win
("OIC Summit" over "OIC"). Matching stays linear in the text for a fixed phrase list.
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


def file_key(path: Path) -> tuple:
    """A cache key for a data file that changes when the file does (edited, or another folder).

    The path as given comes first, so that error messages name the file the way the user did.
    """
    try:
        stat = path.stat()
    except OSError:
        return (path, None, None, None)
    return (path, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
