"""Many articles at once: the same tables as for one article, with an ``article_id`` column.

``load_corpus`` parses in this process (with a progress bar on long runs) or, with
``engine="dask"``, on Dask: local threads or processes by default, or a ``distributed``
scheduler when its address is given. ``corpus_to_parquet`` writes the tables as partitioned
Parquet for corpora too large to hold in memory. Either way each article is parsed by the same
function, ``parse_file``, so the results are identical whichever engine ran them.

A file that cannot be parsed (not UTF-8, empty, ...) does not stop a corpus run: it is listed in
``corpus.errors`` with the reason, and a warning says how many were skipped. Pass
``on_error="raise"`` to stop at the first one instead, with its own error.
"""

from __future__ import annotations

import glob
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.article import parse_rows
from analysis.errors import AnalysisInputError, ArticleError
from analysis.reading import read_article_text
from analysis.registry import load_registry
from analysis.topics import Lexicon, load_lexicon

TABLES = ("sentences", "mentions", "candidates", "topics", "interactions", "statements", "actors")
SCHEMAS = {
    "sentences": tables.SENTENCES,
    "mentions": tables.MENTIONS,
    "candidates": tables.CANDIDATES,
    "actors": tables.ACTORS,
    "interactions": tables.INTERACTIONS,
    "statements": tables.STATEMENTS,
}
ERROR_COLUMNS = ["article_id", "path", "problem"]
DATASETS = (*TABLES, "articles", "errors")
ARTICLE_COLUMNS = [
    "article_id",
    "path",
    "dateline",
    "source",
    "headline",
    "signoff",
    "characters",
    "sentences",
    "mentions",
    "actors",
]
PROGRESS_FROM = 50  # articles; shorter runs finish before a bar would help


@dataclass(frozen=True)
class ParseOptions:
    """How every article of a corpus is parsed: plain values, so they travel to Dask workers.

    ``registry_paths`` and ``lexicon_path`` default (None) to the project's files; ``encoding``
    is the articles' text encoding; ``on_error`` is ``"skip"`` (list the file in
    ``corpus.errors``) or ``"raise"`` (stop with the file's own error).
    """

    registry_paths: tuple[str, ...] | None = None
    lexicon_path: str | None = None
    encoding: str = "utf-8"
    on_error: str = "skip"

    @classmethod
    def checked(
        cls,
        registry_paths: str | Path | list[str | Path] | tuple[str | Path, ...] | None,
        lexicon_path: str | Path | None,
        encoding: str,
        on_error: str = "skip",
    ) -> ParseOptions:
        """Options with paths as strings, after checking that both data files load."""
        if on_error not in ("skip", "raise"):
            raise ValueError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
        if isinstance(registry_paths, (str, Path)):
            registry_paths = [registry_paths]
        options = cls(
            registry_paths=tuple(str(p) for p in registry_paths) if registry_paths else None,
            lexicon_path=str(lexicon_path) if lexicon_path is not None else None,
            encoding=encoding,
            on_error=on_error,
        )
        load_registry(options.registry_paths)
        options.lexicon()
        return options

    def lexicon(self) -> Lexicon:
        return load_lexicon(self.lexicon_path)


@dataclass(frozen=True)
class Corpus:
    """Per-article rows (``articles``) and the six article tables, each with ``article_id``.

    ``lexicon`` is the topic lexicon the articles were tagged with, so charts use its labels
    and colours.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    candidates: pd.DataFrame
    topics: pd.DataFrame
    actors: pd.DataFrame
    interactions: pd.DataFrame
    statements: pd.DataFrame
    errors: pd.DataFrame
    lexicon: Lexicon

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(self.lexicon.ids)

    def __repr__(self) -> str:
        return (
            f"<Corpus: {len(self.articles)} articles, {len(self.sentences)} sentences, "
            f"{len(self.mentions)} mentions, {len(self.errors)} skipped>"
        )


def resolve_paths(paths_or_glob: str | Path | list[str | Path]) -> list[Path]:
    """A glob pattern, a folder (its ``*.txt``, recursively) or a list of paths, as sorted paths."""
    if isinstance(paths_or_glob, (str, Path)):
        text = str(paths_or_glob)
        if Path(text).is_dir():
            found = sorted(Path(text).rglob("*.txt"))
        else:
            found = sorted(Path(p) for p in glob.glob(text, recursive=True))
        if not found:
            raise ArticleError(
                text, "matches no article files", "check the folder or glob pattern, e.g. 'corpus/**/*.txt'"
            )
        return found
    return sorted(Path(p) for p in paths_or_glob)


def article_ids(paths: list[Path]) -> list[str]:
    """Short unique ids: each path relative to the folder all share, without ``.txt``.

    A file given twice, or two files that would share an id ("a.txt" and "a.md"), is refused
    with ``ArticleError`` rather than given two rows with one ``article_id``.

    >>> article_ids([Path("c/bbc/business/001.txt"), Path("c/bbc/tech/001.txt")])
    ['business/001', 'tech/001']
    >>> article_ids([Path("c/a.txt"), Path("c/../c/a.txt")])
    Traceback (most recent call last):
    ...
    analysis.errors.ArticleError: c/../c/a.txt: is the same file as c/a.txt, given twice. Fix: pass each article once.
    """
    if not paths:
        return []
    absolute = [os.path.abspath(p) for p in paths]
    common = os.path.commonpath([os.path.dirname(p) for p in absolute])
    ids = [Path(os.path.relpath(p, common)).with_suffix("").as_posix() for p in absolute]
    first: dict[str, int] = {}
    for i, article_id in enumerate(ids):
        j = first.setdefault(article_id, i)
        if j != i:
            if absolute[i] == absolute[j]:
                raise ArticleError(
                    paths[i], f"is the same file as {paths[j]}, given twice", "pass each article once"
                )
            raise ArticleError(
                paths[i],
                f"would have the same article_id {article_id!r} as {paths[j]}",
                "rename one of the two",
            )
    return ids


def parse_file(path: str | Path, article_id: str, options: ParseOptions = ParseOptions()) -> dict:
    """Parse one file into table columns (each with ``article_id``), or an error row.

    The registry and lexicon are loaded by path (once per process and file version), so the
    same function runs unchanged in Dask workers.
    """
    try:
        text = read_article_text(path, encoding=options.encoding)
        rows = parse_rows(text, load_registry(options.registry_paths), options.lexicon())
    except AnalysisInputError as err:
        if options.on_error == "raise":
            raise
        return {"error": {"article_id": article_id, "path": str(path), "problem": str(err)}}
    tables = {
        name: {
            "article_id": [article_id]
            * len(getattr(rows, name)["actor_id" if name == "actors" else "start"]),
            **getattr(rows, name),
        }
        for name in TABLES
    }
    dateline = rows.dateline
    tables["article"] = {
        "article_id": article_id,
        "path": str(path),
        "dateline": dateline.place if dateline else None,
        "source": dateline.source if dateline else None,
        "headline": rows.headline.text if rows.headline else None,
        "signoff": rows.signoff.text if rows.signoff else None,
        "characters": len(text),
        "sentences": len(rows.sentences["start"]),
        "mentions": len(rows.mentions["start"]),
        "actors": len(set(rows.mentions["actor_id"])),
    }
    return tables


def load_corpus(
    paths_or_glob: str | Path | list[str | Path],
    *,
    registry_paths: str | Path | list[str | Path] | None = None,
    lexicon_path: str | Path | None = None,
    encoding: str = "utf-8",
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    on_error: str = "skip",
) -> Corpus:
    """Parse many articles into one ``Corpus`` (see the module docstring for engines and errors).

    The registry and lexicon are checked before any article is parsed, so a malformed one
    fails at once with its own error.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    options = ParseOptions.checked(registry_paths, lexicon_path, encoding, on_error)
    paths = resolve_paths(paths_or_glob)
    jobs = list(zip(paths, article_ids(paths), strict=True))
    if engine == "local":
        results = _run_local(jobs, options, progress)
    else:
        results = _run_dask(jobs, options, scheduler)
    return _assemble(results, options.lexicon())


Job = tuple[Path, str]  # an article's path and its article_id


def _run_local(jobs: list[Job], options: ParseOptions, progress: bool | None) -> list[dict]:
    if progress is None:
        progress = len(jobs) >= PROGRESS_FROM
    if progress:
        from tqdm.auto import tqdm

        jobs = tqdm(jobs, desc="articles", unit="article")
    return [parse_file(path, article_id, options) for path, article_id in jobs]


def _run_dask(jobs: list[Job], options: ParseOptions, scheduler: str | None) -> list[dict]:
    import dask.bag as db

    bag = db.from_sequence(jobs, npartitions=min(len(jobs), 64) or 1)
    results = bag.map(lambda job: parse_file(job[0], job[1], options))
    if scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            return client.compute(results).result()
    return results.compute()


def _assemble(results: list[dict], lexicon: Lexicon) -> Corpus:
    errors = [r["error"] for r in results if "error" in r]
    if errors:
        warnings.warn(f"skipped {len(errors)} of {len(results)} articles; see corpus.errors", stacklevel=3)
    ok = [r for r in results if "error" not in r]
    frames = {name: _table(name, [r[name] for r in ok], lexicon.ids) for name in TABLES}
    return Corpus(
        articles=pd.DataFrame([r["article"] for r in ok], columns=ARTICLE_COLUMNS),
        errors=_errors(errors),
        lexicon=lexicon,
        **frames,
    )


def _table(name: str, parts: list[dict], topic_ids: list[str]) -> pd.DataFrame:
    """One typed table from the columns of many articles (built once, not once per article)."""
    schema = SCHEMAS[name] if name != "topics" else tables.topics_schema(topic_ids)
    columns = {column: [v for part in parts for v in part[column]] for column in ("article_id", *schema)}
    return tables.build(columns, schema, actors_as_categories=False)


def corpus_to_parquet(
    paths_or_glob: str | Path | list[str | Path],
    out_dir: str | Path,
    *,
    scheduler: str | None = None,
    registry_paths: str | Path | list[str | Path] | None = None,
    lexicon_path: str | Path | None = None,
    encoding: str = "utf-8",
) -> dict[str, Path]:
    """Parse on Dask and write each table as a partitioned Parquet dataset under ``out_dir``.

    Returns the folder of each table: the six article tables, ``articles`` and ``errors`` (the
    files that could not be parsed, with the reason; a warning gives their number). Articles
    are parsed in partitions of about 64; each partition becomes one Parquet file per table, so
    memory use stays bounded by a partition. Dask writes the files itself, so unlike the rest of
    the package these writes are not atomic: write into a fresh folder.
    """
    import dask

    options = ParseOptions.checked(registry_paths, lexicon_path, encoding)
    topic_ids = options.lexicon().ids
    paths = resolve_paths(paths_or_glob)
    jobs = list(zip(paths, article_ids(paths), strict=True))
    chunks = [jobs[i : i + 64] for i in range(0, len(jobs), 64)]
    parsed = [dask.delayed(_parse_chunk)(chunk, options, topic_ids) for chunk in chunks]
    meta = _parse_chunk(jobs[:1], options, topic_ids)
    out_dir = Path(out_dir)
    writes = [_write(out_dir, name, parsed, meta) for name in DATASETS]
    if scheduler:
        from distributed import Client

        with Client(scheduler):
            dask.compute(*writes)
    else:
        dask.compute(*writes, scheduler="threads")
    skipped = len(pd.read_parquet(out_dir / "errors"))
    if skipped:
        warnings.warn(f"skipped {skipped} of {len(jobs)} articles; see {out_dir / 'errors'}", stacklevel=2)
    return {name: out_dir / name for name in DATASETS}


def _write(out_dir: Path, name: str, parsed: list, meta: dict[str, pd.DataFrame]):
    import dask
    import dask.dataframe as dd

    parts = [dask.delayed(_pick)(p, name) for p in parsed]
    frame = dd.from_delayed(parts, meta=meta[name].iloc[:0], verify_meta=False)
    return frame.to_parquet(
        out_dir / name, write_index=False, compute=False, name_function=lambda i: f"part-{i:05d}.parquet"
    )


def _parse_chunk(chunk: list[Job], options: ParseOptions, topic_ids: list[str]) -> dict[str, pd.DataFrame]:
    results = [parse_file(path, article_id, options) for path, article_id in chunk]
    ok = [r for r in results if "error" not in r]
    parts = {name: _table(name, [r[name] for r in ok], topic_ids) for name in TABLES}
    parts["articles"] = pd.DataFrame([r["article"] for r in ok], columns=ARTICLE_COLUMNS)
    parts["errors"] = _errors([r["error"] for r in results if "error" in r])
    return parts


def _errors(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=ERROR_COLUMNS).astype("str")


def _pick(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]
