"""The frames users get are exactly those of the code before it was made faster.

``tests/data/frames_fingerprint.json`` holds a fingerprint (SHA-256 of columns, dtypes,
categories and every value) of each frame of a sample of articles, taken from the code as it
was before the speed work of issue 13: the seed, the White House texts, the worst-case inputs
of ``benchmarks/worst_cases.py`` at 20,000 characters, and 20 BBC and 20 diplomatic-corpus
articles (checked when ``../shared/`` holds them). A faster path that changes a frame fails
here, naming the article and the frame. When a rule is changed on purpose, so that the parser
finds something else, regenerate the fingerprints with ``.venv/bin/python
tests/test_frames_unchanged.py`` and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest
from helpers import SHARED_CORPUS, shared_path, worst_cases

import analysis
from analysis.config import ROOT, SEED_ARTICLE

CASES = worst_cases().CASES

FINGERPRINTS = ROOT / "tests" / "data" / "frames_fingerprint.json"
FRAMES = ("sentences", "mentions", "candidates", "topics", "actors", "interactions", "statements")


def fingerprint(frame: pd.DataFrame) -> str:
    """SHA-256 of a frame's column names, dtypes, categories (with their dtype) and values."""
    described = {
        "columns": [str(c) for c in frame.columns],
        "index": repr(frame.index),
        "dtypes": [repr(frame[c].dtype) for c in frame.columns],
        "categories": {
            c: [str(frame[c].cat.categories.dtype), frame[c].cat.categories.tolist()]
            for c in frame.columns
            if isinstance(frame[c].dtype, pd.CategoricalDtype)
        },
        "values": [[None if pd.isna(v) else v for v in frame[c].tolist()] for c in frame.columns],
    }
    return hashlib.sha256(json.dumps(described, default=str).encode("utf-8")).hexdigest()


def article_texts() -> dict[str, str]:
    """Every sampled article's text by key; research-only texts only where ``../shared/`` has them."""
    texts = {"seed": SEED_ARTICLE.read_text(encoding="utf-8")}
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        texts[path.name] = path.read_text(encoding="utf-8")
    for name, make, _ in CASES:
        texts[f"worst/{name}"] = make(20_000)
    for path in sorted(SHARED_CORPUS.glob("bbc/*/*.txt"))[::111][:20]:
        texts[f"bbc/{path.parent.name}/{path.name}"] = path.read_bytes().decode("utf-8", "replace")
    for folder in ("diplomatic", "diplomatic-2"):
        for path in sorted((SHARED_CORPUS / folder).rglob("*.txt"))[::7][:10]:
            texts[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def frame_fingerprints(text: str) -> dict[str, str]:
    article = analysis.parse_text(text)
    return {name: fingerprint(getattr(article, name)) for name in FRAMES}


EXPECTED = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
PUBLIC = [key for key in EXPECTED if not key.startswith(("bbc/", "diplomatic"))]
SHARED = [key for key in EXPECTED if key.startswith(("bbc/", "diplomatic"))]


@pytest.mark.slow
@pytest.mark.parametrize("key", PUBLIC)
def test_frames_are_unchanged(key):
    assert frame_fingerprints(article_texts()[key]) == EXPECTED[key]


@pytest.mark.slow
@pytest.mark.corpus
def test_research_corpus_frames_are_unchanged():
    shared_path("corpus", "bbc")
    shared_path("corpus", "diplomatic")
    texts = article_texts()
    changed = [key for key in SHARED if frame_fingerprints(texts[key]) != EXPECTED[key]]
    assert changed == []


if __name__ == "__main__":
    fingerprints = {key: frame_fingerprints(text) for key, text in article_texts().items()}
    FINGERPRINTS.write_text(json.dumps(fingerprints, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(fingerprints)} articles' fingerprints to {FINGERPRINTS.relative_to(ROOT)}")
