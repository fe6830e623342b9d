"""``article-analysis`` (or ``python -m analysis``): one article in, its tables and figures out.

    article-analysis ARTICLE.txt --out DIR [--registry FILE ...] [--registry-only FILE ...]
                     [--lexicon FILE] [--min-mentions N] [--parquet]

``--registry FILE`` adds your actors to the default registry (``data/registry/*.csv``);
``--registry-only FILE`` uses only the files given. Both may be repeated.

Writes into DIR the sentences, mentions, candidates, topics, interactions, statements,
actor_counts and topic_summary tables (CSV, and Parquet with ``--parquet`` when pyarrow is
installed), the interaction network (``network.graphml``, ``network.gexf``), the annotated
article ``article.html`` (``analysis.render``) and every figure the notebooks draw, as SVG, PNG and the
CSV behind it. Errors in the input are reported in one
line naming the file and the fix, with exit status 2; nothing half-written is left behind.
Interrupted (Ctrl-C, SIGINT, or SIGTERM), it removes its temporary file, says in one line which
files it wrote and that the rest were not written, and exits 130 or 143 (128 + the signal).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import findings, plots
from analysis.article import load_article
from analysis.config import REGISTRY_FILES
from analysis.errors import AnalysisInputError
from analysis.export import write_tables
from analysis.io import write_csv
from analysis.network import interaction_edges, interaction_graph, write_network
from analysis.registry import load_registry
from analysis.render import write_html
from analysis.suggest import suggest_registry
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
        "--out", required=True, help="folder for the tables, article.html and figures (created if missing)"
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
    p.add_argument("--no-figures", action="store_true", help="write the tables and article.html only")
    p.add_argument(
        "--suggest-registry",
        type=Path,
        metavar="FILE",
        help="also write the actors discovered in the article as registry rows (CSV) to review and add",
    )
    return p


class Interrupted(BaseException):
    """A signal asking the command to stop (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.out.strip():
        print("error: --out is empty. Fix: name the output folder, e.g. --out out/ (or --out . for here).",
              file=sys.stderr)  # fmt: skip
        return 2
    args.out = Path(args.out)
    stop = _Stop()
    written = _Written(stop)
    with stop, _progress_on_stderr():
        try:
            status = _run(args, written)
            stop.raise_pending()  # a signal that arrived during the last write
            return status
        except Interrupted as interrupted:
            signum = interrupted.signum
        except KeyboardInterrupt:
            signum = signal.SIGINT
    name = signal.Signals(signum).name
    done = (
        ", ".join(str(p.relative_to(args.out)) if p.is_relative_to(args.out) else str(p) for p in written)
        if written
        else "no file"
    )
    print(
        f"interrupted by {name}: wrote {len(written)} file(s) into {args.out} ({done}); the rest were not written"
        " and no temporary file is left",
        file=sys.stderr,
    )
    return 128 + signum


def _run(args, written: list[Path]) -> int:
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
        write_tables(art, args.out, parquet=args.parquet, written=written)
        written.extend(write_network(interaction_graph(art), args.out / "network"))
        written.append(write_html(art, args.out / "article.html"))
        if args.suggest_registry:
            written.append(write_csv(suggest_registry(art), args.suggest_registry))
        if not args.no_figures:
            write_figures(art, args.out / "figures", written=written, min_mentions=args.min_mentions)
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


class _Stop:
    """While active (in the main thread), SIGTERM and SIGINT raise ``Interrupted``, so that the
    writers remove their temporary files on the way out.

    Python drops an exception raised inside a finalizer or weakref callback (printing "Exception
    ignored in ..."); the signal is then kept as pending, that message is not printed, and
    ``raise_pending`` raises it at the next file written.
    """

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __enter__(self):
        self.pending: int | None = None
        self.previous = {}
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                if signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler):
                    self.previous[signum] = signal.signal(signum, self._handle)
        self.unraisable = sys.unraisablehook
        sys.unraisablehook = self._unraisable
        return self

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = self.unraisable

    def _handle(self, signum: int, frame) -> None:
        self.pending = signum
        raise Interrupted(signum)

    def _unraisable(self, info) -> None:
        if not isinstance(info.exc_value, Interrupted):
            self.unraisable(info)

    def raise_pending(self) -> None:
        if self.pending is not None:
            raise Interrupted(self.pending)


class _Written(list):
    """The files in place so far; a signal whose exception was dropped is raised at the next one."""

    def __init__(self, stop: _Stop):
        super().__init__()
        self.stop = stop

    def append(self, path: Path) -> None:
        super().append(path)
        self.stop.raise_pending()

    def __iadd__(self, paths):
        super().__iadd__(paths)
        self.stop.raise_pending()
        return self


class _progress_on_stderr:
    """While active, the package's progress notes (logger ``analysis``) are printed to stderr."""

    def __enter__(self):
        self.logger = logging.getLogger("analysis")
        self.handler = logging.StreamHandler(sys.stderr)
        self.handler.setFormatter(logging.Formatter("note: %(message)s"))
        self.level = self.logger.level
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.INFO)

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.level)


def write_figures(
    art: Article, folder: Path, written: list[Path] | None = None, min_mentions: int = 1
) -> list[Path]:
    """Every figure of the notebooks, for ``art``, into ``folder``; returns the files written.

    A chart with nothing to draw still writes its three files, saying so in its title. Each
    figure's files are appended to ``written`` (a new list if None) once they are in place.
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
        "interaction-network": lambda save: plots.interaction_network(interaction_edges(art), save=save),
    }
    written = [] if written is None else written
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
