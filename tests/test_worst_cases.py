"""Issue 13: no input takes super-linear time. Four times the input may take at most six times
as long (linear time is four times; a quadratic step takes sixteen). Ratios only, never
absolute times: those are in ``make bench``, at 1 MB and 2 MB."""

from __future__ import annotations

import gc
import time

import pytest
from helpers import worst_cases

import analysis

cases = worst_cases()


def seconds(text: str) -> float:
    """One parse, the garbage collector held off: its pauses depend on what earlier tests left
    in memory, not on the parse."""
    gc.collect()
    gc.disable()
    try:
        began = time.perf_counter()
        analysis.parse_text(text)
        return time.perf_counter() - began
    finally:
        gc.enable()


def growth(make, size: int) -> float:
    """The fastest of five parses of four times the input over the fastest of five of the input,
    taken in turn, so that other work on the machine (which only ever adds time) weighs on both."""
    analysis.parse_text(make(size // 4))  # warm up: compiling patterns is not parsing
    small, large = make(size), make(4 * size)
    times = [(seconds(small), seconds(large)) for _ in range(5)]
    return min(t for _, t in times) / min(t for t, _ in times)


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
