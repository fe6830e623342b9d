"""Writing an article's tables to a folder: the files ``make figures`` and the CLI produce.

One CSV per table, named after it; Parquet copies too when asked for (that needs ``pyarrow``,
which the project environment installs). Category columns are written as their labels, so the CSVs read back without the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from analysis.io import atomic_write, write_csv
from analysis.summaries import actor_counts, topic_summary

if TYPE_CHECKING:
    from analysis.article import Article


def article_tables(art: Article) -> dict:
    """The tables of one article, by file stem."""
    return {
        "sentences": art.sentences,
        "mentions": art.mentions,
        "candidates": art.candidates,
        "topics": art.topics,
        "actor_counts": actor_counts(art),
        "topic_summary": topic_summary(art),
    }


def write_tables(
    art: Article, out_dir: str | Path, parquet: bool = False, written: list[Path] | None = None
) -> list[Path]:
    """Write every table of ``art`` into ``out_dir`` (created if needed); return the paths.

    Each path is appended to ``written`` (a new list if None) as soon as its file is in place,
    so a caller that is interrupted knows what was written.
    """
    out_dir = Path(out_dir)
    written = [] if written is None else written
    for stem, frame in article_tables(art).items():
        written.append(write_csv(frame, out_dir / f"{stem}.csv"))
        if parquet:
            written.append(
                atomic_write(out_dir / f"{stem}.parquet", lambda tmp, f=frame: f.to_parquet(tmp, index=False))
            )
    return written
