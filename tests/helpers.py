"""Helpers the tests import: the research-only corpus when present, and the offsets invariant."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from analysis.config import ROOT

SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or a skip saying why it is absent (research-only texts)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("ANALYSIS_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is required (ANALYSIS_REQUIRE_SHARED=1) but absent")
        pytest.skip(f"{path} is absent: these research-only texts are not redistributed with the project")
    return path


def assert_offsets_exact(text: str, frame, column: str = "text") -> None:
    """Every row's ``text`` (or other column) is exactly ``text[start:end]``."""
    sliced = [text[s:e] for s, e in zip(frame["start"], frame["end"], strict=True)]
    assert sliced == frame[column].tolist()


def worst_cases():
    """``benchmarks/worst_cases.py``, the odd inputs of issue 13, shared with ``make bench``."""
    spec = importlib.util.spec_from_file_location("worst_cases", ROOT / "benchmarks" / "worst_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
