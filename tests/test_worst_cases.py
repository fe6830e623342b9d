"""Issue 13: no input takes super-linear time. Four times the input may take at most six times
as long (linear time is four times; a quadratic step takes sixteen). Ratios only, never
absolute times: those are in ``make bench``, at 1 MB and 2 MB."""

from __future__ import annotations

import time

import pytest
from helpers import worst_cases

import analysis

cases = worst_cases()


def seconds(text: str) -> float:
    """The fastest of three parses: other work on the machine only ever adds time."""
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        analysis.parse_text(text)
        best = min(best, time.perf_counter() - began)
    return best


def growth(make, size: int) -> float:
    analysis.parse_text(make(size // 4))  # warm up: compiling patterns is not parsing
    return seconds(make(4 * size)) / seconds(make(size))


@pytest.mark.parametrize(
    "make",
    [cases.initials, cases.repeated_title, cases.full_stops, cases.capitalised_run],
)
@pytest.mark.slow
def test_odd_inputs_take_linear_time(make):
    assert growth(make, 12_000) < 6


@pytest.mark.slow
def test_a_long_line_without_spaces_takes_linear_time():
    assert growth(cases.no_spaces, 50_000) < 6


@pytest.mark.slow
@pytest.mark.parametrize(
    ("make", "size"),
    [
        # 12,000 characters: large enough that a scan of the sentence per pronoun or verb shows,
        # and that statements' texts would show were they not bounded (analysis.statements)
        (cases.repeated_meeting, 12_000),
        (cases.nested_quotes, 12_000),
        (cases.ordinary_sentence, 12_000),
    ],
)
def test_one_long_sentence_of_many_verbs_takes_linear_time(make, size):
    assert growth(make, size) < 6
