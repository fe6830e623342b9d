"""Shared fixtures: the seed article parsed once (helpers that are not fixtures live in ``helpers``)."""

from __future__ import annotations

import pytest

import analysis
from analysis.config import SEED_ARTICLE


@pytest.fixture(scope="session")
def seed():
    return analysis.load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")
