"""The odd inputs of issue 13 that once took super-linear time, built to any size.

Each maker returns a text of at least ``size`` characters (its pattern repeated, then cut at a
whole repeat), so that doubling ``size`` doubles the work a linear parser does. The benchmark
times each at 1 MB and 2 MB; ``tests/test_worst_cases.py`` checks the growth ratio on smaller
sizes.
"""

from __future__ import annotations

import string
from collections.abc import Callable


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, -(-(size - len(head) - len(tail)) // len(unit))) + tail


def capitalised_run(size: int) -> str:
    """Capitalised words, titles and names among them, with no full stop."""
    return _repeat("President Foreign Minister Special Envoy Kazakhstan Morocco Aaron Bbb Ccc ", size)


def initials(size: int) -> str:
    """ "The B. C. D. ...": a run of initials after "The"."""
    letters = string.ascii_uppercase[1:]
    return _repeat(" ".join(f"{c}." for c in letters) + " ", size, head="The ")


def repeated_title(size: int) -> str:
    """One sentence repeating a title: "a Minister, " and "the Special Envoy "."""
    return _repeat("a Minister, the Special Envoy ", size, head="Nasser Bourita met ", tail="today.")


def repeated_meeting(size: int) -> str:
    """One sentence repeating "Nasser Bourita met him, "."""
    return _repeat("Nasser Bourita met him, ", size, tail="in Rabat.")


def nested_quotes(size: int) -> str:
    """Quotations opened inside quotations: 'He said "' over and over."""
    return _repeat('He said "', size, head="Nasser Bourita spoke. ")


def full_stops(size: int) -> str:
    """Full stops and little else: 200,000 of them in 1 MB."""
    return _repeat("Mr. B. said. . ", size)


def no_spaces(size: int) -> str:
    """One line without a space (5 MB in the benchmark)."""
    return _repeat("Kazakhstan-Morocco/", size)


def ordinary_sentence(size: int) -> str:
    """One sentence of ordinary words, with names, titles and pronouns, and no full stop."""
    return _repeat(
        "the minister said that he would meet Nasser Bourita and his counterpart in Rabat and ", size
    )


# name, maker, size in the benchmark (bytes, ASCII: one character is one byte)
CASES: tuple[tuple[str, Callable[[int], str], int], ...] = (
    ("capitalised words, no full stop", capitalised_run, 1_000_000),
    ('"The B. C. D. ..." initials', initials, 1_000_000),
    ('one sentence of "a Minister, the Special Envoy "', repeated_title, 1_000_000),
    ('one sentence of "Nasser Bourita met him, "', repeated_meeting, 1_000_000),
    ("nested 'He said \"' quotations", nested_quotes, 1_000_000),
    ("200,000 full stops", full_stops, 1_000_000),
    ("one line without spaces", no_spaces, 5_000_000),
    ("one sentence of ordinary words", ordinary_sentence, 1_000_000),
)
