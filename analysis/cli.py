"""``article-analysis`` (or ``python -m analysis``): one article in, its tables and figures out.

    article-analysis ARTICLE.txt --out DIR [--registry FILE ...] [--registry-only FILE ...]
                     [--lexicon FILE] [--min-mentions N] [--parquet]

``--registry FILE`` adds your actors to the default registry (``data/registry/*.csv``);
``--registry-only FILE`` uses only the files given. Both may be repeated.

Writes into DIR the sentences, mentions, candidates, topics, actor_counts and topic_summary
tables (CSV, and Parquet with ``--parquet`` when pyarrow is installed) and every figure the
notebooks draw, as SVG, PNG and the CSV behind it. Errors in the input are reported in one
line naming the file and the fix, with exit status 2; nothing half-written is left behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import findings, plots
from analysis.article import load_article
from analysis.config import REGISTRY_FILES
from analysis.errors import AnalysisInputError
from analysis.export import write_tables
from analysis.registry import load_registry
from analysis.summaries import (
    actor_cooccurrence,
    actor_counts,
    actor_positions,
    actor_topics,
    topic_matrix,
    topic_summary,
)
from analysis.topics import load_lexicon

if TYPE_CHECKING:
    from analysis.article import Article


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="article-analysis",
        description="Parse a news article into tables of sentences, actor mentions and topics, and chart them.",
        epilog="Example: article-analysis seeds/000_0b4bcfabde42e6f6.txt --out out/seed",
    )
    p.add_argument("article", type=Path, help="the article: a UTF-8 text file (see --encoding)")
    p.add_argument(
        "--out", type=Path, required=True, help="folder for the tables and figures (created if missing)"
    )
    p.add_argument(
        "--registry",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="actor registry CSV to add to the default data/registry/*.csv; repeat to add several",
    )
    p.add_argument(
        "--registry-only",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="actor registry CSV to use instead of the default; repeat to combine files",
    )
    p.add_argument(
        "--lexicon", type=Path, metavar="FILE", help="topic lexicon CSV to use instead of data/topics.csv"
    )
    p.add_argument("--encoding", default="utf-8", help="the article's text encoding (default: utf-8)")
    p.add_argument(
        "--min-mentions",
        type=int,
        default=1,
        metavar="N",
        help="actors in the co-occurrence chart: those mentioned at least N times (default: 1, all)",
    )
    p.add_argument("--parquet", action="store_true", help="also write each table as Parquet (needs pyarrow)")
    p.add_argument("--no-figures", action="store_true", help="write the tables only")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        registry = load_registry(registry_paths(args.registry, args.registry_only))
        lexicon = load_lexicon(args.lexicon)
        for topic, ids in lexicon.unknown_actors(registry).items():
            print(
                f"warning: topic {topic!r} links actors the registry lacks: {', '.join(ids)}", file=sys.stderr
            )
        art = load_article(args.article, registry=registry, lexicon=lexicon, encoding=args.encoding)
        if args.parquet:
            _require_pyarrow()
        written = write_tables(art, args.out, parquet=args.parquet)
        if not args.no_figures:
            written += write_figures(art, args.out / "figures", min_mentions=args.min_mentions)
    except AnalysisInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(
            f"error: {err.filename or args.out}: cannot write ({err.strerror}). Fix: choose a writable --out folder.",
            file=sys.stderr,
        )
        return 2
    print(f"{art!r}\nwrote {len(written)} files into {args.out}")
    return 0


def registry_paths(added: list[Path], only: list[Path]) -> list[Path]:
    """The registry files to load: ``only`` if given, else the defaults plus ``added``.

    >>> registry_paths([Path("mine.csv")], [])[-1], registry_paths([], [Path("mine.csv")])
    (PosixPath('mine.csv'), [PosixPath('mine.csv')])
    """
    return [*only, *added] if only else [*REGISTRY_FILES, *added]


def write_figures(art: Article, folder: Path, min_mentions: int = 1) -> list[Path]:
    """Every figure of the notebooks, for ``art``, into ``folder``; returns the files written.

    A chart with nothing to draw still writes its three files, saying so in its title.
    ``min_mentions`` keeps the co-occurrence chart to actors mentioned that often.
    """
    figures = {
        "topic-share": lambda save: plots.topic_bars(topic_summary(art), save=save),
        "topic-strip": lambda save: plots.topic_strip(
            topic_matrix(art), art.sentences, art.lexicon, save=save
        ),
        "actor-counts": lambda save: plots.actor_bars(actor_counts(art), save=save),
        "actor-strip": lambda save: plots.actor_strip(actor_positions(art), art.sentences, save=save),
        "actor-cooccurrence": lambda save: plots.cooccurrence_heatmap(
            actor_cooccurrence(art, min_mentions=min_mentions), min_mentions=min_mentions, save=save
        ),
        "actor-topics": lambda save: plots.actor_topic_heatmap(
            actor_topics(art), art.lexicon, save=save, frame=findings.frame_topics(art)
        ),
    }
    written = []
    for stem, draw in figures.items():
        draw(folder / stem)
        written += [folder / f"{stem}{suffix}" for suffix in (".svg", ".png", ".csv")]
    return written


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise AnalysisInputError(
            None, "--parquet needs pyarrow, which is not installed", "pip install pyarrow, or drop --parquet"
        ) from None


if __name__ == "__main__":
    sys.exit(main())
