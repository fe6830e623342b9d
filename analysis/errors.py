"""The errors this package raises for bad input, each naming the file, the problem and the fix.

They derive from ``ValueError`` so that callers who already catch that keep working, and they
carry their parts as attributes so that the command line can print them without a traceback.
"""

from __future__ import annotations

from pathlib import Path


class AnalysisInputError(ValueError):
    """An input file that cannot be used as it is.

    >>> str(AnalysisInputError("a.txt", "is empty", "write the article text into it"))
    'a.txt: is empty. Fix: write the article text into it.'
    """

    def __init__(self, path: str | Path | None, problem: str, fix: str):
        self.path = None if path is None else str(path)
        self.problem = problem
        self.fix = fix
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{problem}. Fix: {fix}.")


class ArticleError(AnalysisInputError):
    """An article file that is missing, unreadable or holds no text."""


class RegistryError(AnalysisInputError):
    """A malformed actor registry file (names the file and the row)."""


class LexiconError(AnalysisInputError):
    """A malformed topic lexicon file (names the file and the row)."""


class GoldError(AnalysisInputError):
    """A malformed gold-annotation file."""


class VerbsError(AnalysisInputError):
    """A malformed verbs file, ``data/verbs.csv`` (names the file and the row)."""
