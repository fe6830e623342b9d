"""Throughput of analysis on the BBC news corpus: stage by stage, end to end, on Dask, against pySBD.

What it measures, on the same texts in one run:

- each stage of ``analysis.article.parse_rows`` on its own (sentences, mentions, topics,
  candidates), with that stage's inputs computed before the timer starts;
- end to end in one process: ``load_corpus`` (which also reads the files), and ``parse_rows``
  and ``parse_text`` on texts already in memory; the gap between the last two is the cost of
  building four DataFrames per article;
- end to end on Dask: ``load_corpus(engine="dask")`` with the dask.bag default scheduler and with
  a two-worker ``distributed.LocalCluster`` (its start-up is timed apart from the parse);
- pySBD on the same paragraphs, as the baseline for sentence segmentation;
- ``parse_rows`` on the whole corpus joined into one text, at 1x, 4x and 16x its length, to see
  whether the time grows linearly with the length of a text.

Why this way: the baseline runs in the same process and the same run as our code, so the speed
ratio does not depend on the machine or on what else it was doing that day. Every measurement
follows a warm-up (compiling the patterns is a one-off cost, not a per-article one) and keeps
the best of N runs: other processes can only ever add time, so the fastest run is the closest to
what the code itself costs.

Input: ``../shared/corpus/bbc/*/*.txt`` relative to the repository root (2,225 articles;
research-only data, not in the repository). Every file is read as bytes and decoded as UTF-8
with replacement characters, so the one Latin-1 file (``sport/199.txt``) is kept. MB means
10^6 bytes of UTF-8 text.

Run: ``.venv/bin/python benchmarks/parse.py`` (what ``make bench`` runs); ``--help`` lists the
options.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import platform
import pstats
import sys
import time
import warnings
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

import pysbd

from analysis.article import parse_rows, parse_text
from analysis.candidates import candidate_rows
from analysis.corpus import load_corpus
from analysis.dateline import find_dateline
from analysis.mentions import MentionFinder
from analysis.registry import load_registry
from analysis.sentences import paragraph_spans, sentence_rows
from analysis.topics import TopicTagger, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
PACKAGES = ("analysis", "pandas", "pysbd", "dask", "distributed")
SCALES = (1, 4, 16)
PROBE_EVERY = 50  # pySBD is first timed on every 50th article, to estimate its full-corpus time
TARGET_MB_PER_S = 2.0  # end to end, single process, so per core
TARGET_RATIO = 20.0  # sentence segmentation, ours over pySBD
COLUMNS = (
    f"{'stage':<12} {'engine':<30} {'articles':>8} {'MB':>6} {'seconds':>8} {'MB/s':>6} "
    f"{'art/s':>6} {'found':>8} {'of':<10} {'best of':>7}  note"
)


@dataclass(frozen=True)
class Row:
    """One measurement: ``seconds`` is the best of ``runs`` runs over ``articles`` articles."""

    stage: str
    engine: str
    articles: int
    mb: float
    seconds: float
    found: int
    runs: int
    of: str = "sentences"
    note: str = ""

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    def line(self) -> str:
        return (
            f"{self.stage:<12} {self.engine:<30} {self.articles:>8} {self.mb:>6.2f} {self.seconds:>8.3f} "
            f"{self.mb_per_s:>6.2f} {self.articles_per_s:>6.0f} {self.found:>8} {self.of:<10} "
            f"{self.runs:>7}  {self.note}"
        ).rstrip()

    def as_dict(self) -> dict:
        return {**asdict(self), "mb_per_s": self.mb_per_s, "articles_per_s": self.articles_per_s}


class Table:
    """Prints each row as soon as it is measured (a full run takes minutes) and keeps it."""

    def __init__(self):
        self.rows: list[Row] = []
        print(COLUMNS)
        print("-" * len(COLUMNS))

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(row.line(), flush=True)
        return row


def best_of(repeat: int, run, *args, **kwargs):
    """Fastest wall-clock seconds of ``repeat`` calls of ``run``, and what the last call returned."""
    best = math.inf
    for _ in range(repeat):
        began = time.perf_counter()
        result = run(*args, **kwargs)
        best = min(best, time.perf_counter() - began)
    return best, result


def megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def found(tables: list[dict[str, list]], column: str = "start") -> int:
    """Rows in a list of per-article column dicts."""
    return sum(len(table[column]) for table in tables)


# Corpus and machine


def read_corpus(files: list[Path]) -> tuple[list[str], list[Path]]:
    """The decoded texts, and the files that are not valid UTF-8 (decoded with U+FFFD instead)."""
    data = [path.read_bytes() for path in files]
    texts = [raw.decode("utf-8", errors="replace") for raw in data]
    not_utf8 = [path for path, raw in zip(files, data, strict=True) if not is_utf8(raw)]
    return texts, not_utf8


def is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def machine() -> dict:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "load_average": load_average(),
        "packages": {name: version(name) for name in PACKAGES},
    }


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages before the run: other work slows every row."""
    return [round(load, 2) for load in os.getloadavg()] if hasattr(os, "getloadavg") else None


def cpu_model() -> str:
    """The processor's name from /proc/cpuinfo (Linux), else whatever ``platform`` knows."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def print_header(info: dict, corpus: dict, args: argparse.Namespace) -> None:
    packages = ", ".join(f"{name} {v}" for name, v in info["packages"].items())
    print("analysis parse benchmark")
    print(f"machine:  {info['platform']}; Python {info['python']}; {info['cpus']} CPUs; {info['cpu_model']}")
    print(f"packages: {packages}")
    if info["load_average"]:
        loads = " ".join(f"{load:.2f}" for load in info["load_average"])
        print(f"load:     {loads} (1, 5, 15 min averages before the run; an idle machine shows about 0)")
    print(
        f"corpus:   {corpus['folder']}: {corpus['articles']} articles, {corpus['mb']:.2f} MB; "
        f"not UTF-8, decoded with U+FFFD: {', '.join(corpus['not_utf8']) or 'none'}"
    )
    print(
        f"runs:     each row keeps the best of its 'best of' runs, after a warm-up "
        f"(--repeat {args.repeat} for the stage rows, --repeat-big {args.repeat_big} for the others)"
    )
    print()


# 1-3: the stages of parse_rows, one at a time


def segment_articles(texts: list[str]) -> list[dict[str, list]]:
    return [sentence_rows(text, [(d.start, d.end)] if (d := find_dateline(text)) else []) for text in texts]


def find_mentions(finder: MentionFinder, texts, bounds, sentences) -> list[dict[str, list]]:
    return [
        finder.rows(text, finder.find(text, spans), rows["start"])
        for text, spans, rows in zip(texts, bounds, sentences, strict=True)
    ]


def tag_topics(tagger: TopicTagger, texts, bounds, mentions) -> list[dict[str, list]]:
    return [tagger.rows(text, spans, rows) for text, spans, rows in zip(texts, bounds, mentions, strict=True)]


def find_candidates(texts, bounds, mentions) -> list[dict[str, list]]:
    return [
        candidate_rows(text, spans, zip(rows["start"], rows["end"], strict=True))
        for text, spans, rows in zip(texts, bounds, mentions, strict=True)
    ]


def measure_stages(table: Table, texts: list[str], registry, lexicon, repeat: int) -> Row:
    """One row per stage; each stage gets the previous stages' output, computed untimed."""
    finder, tagger = MentionFinder(registry), TopicTagger(lexicon)
    size, n = megabytes(texts), len(texts)

    seconds, sentences = best_of(repeat, segment_articles, texts)
    ours = table.add(Row("sentences", "sentence_rows", n, size, seconds, found(sentences), repeat))
    bounds = [list(zip(rows["start"], rows["end"], strict=True)) for rows in sentences]

    seconds, mentions = best_of(repeat, find_mentions, finder, texts, bounds, sentences)
    table.add(Row("mentions", "MentionFinder", n, size, seconds, found(mentions), repeat, "mentions"))

    seconds, topics = best_of(repeat, tag_topics, tagger, texts, bounds, mentions)
    table.add(Row("topics", "TopicTagger", n, size, seconds, found(topics), repeat, "topic rows"))

    seconds, candidates = best_of(repeat, find_candidates, texts, bounds, mentions)
    count = found(candidates)
    table.add(Row("candidates", "candidate_rows", n, size, seconds, count, repeat, "candidates"))
    return ours


# 6: the pySBD baseline


def paragraph_texts(texts: list[str]) -> list[str]:
    """Every paragraph of every article: the unit ``analysis.segmenter`` is given."""
    return [text[start:end] for text in texts for start, end in paragraph_spans(text)]


def pysbd_sentences(segmenter: pysbd.Segmenter, paragraphs: list[str]) -> int:
    return sum(len(segmenter.segment(paragraph)) for paragraph in paragraphs)


def pysbd_every(segmenter: pysbd.Segmenter, texts: list[str], budget: float) -> int:
    """1 if pySBD should take under ``budget`` seconds on the whole corpus, else the k that would."""
    probe = texts[::PROBE_EVERY]
    seconds, _ = best_of(1, pysbd_sentences, segmenter, paragraph_texts(probe))
    estimate = seconds * megabytes(texts) / megabytes(probe)
    return max(1, math.ceil(estimate / budget))


def measure_baseline(table: Table, texts: list[str], ours: Row, args: argparse.Namespace) -> float:
    """pySBD on the paragraphs of the corpus (or of every k-th article); returns ours/pySBD speed."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    pysbd_sentences(segmenter, paragraph_texts(texts[:1]))  # warm-up
    every = args.pysbd_every or pysbd_every(segmenter, texts, args.pysbd_budget)
    sample = texts[::every]
    note = "" if every == 1 else f"1 article in {every}, the same for both"
    if every > 1:
        seconds, sentences = best_of(args.repeat, segment_articles, sample)
        count, size = found(sentences), megabytes(sample)
        ours = table.add(
            Row("sentences", "sentence_rows", len(sample), size, seconds, count, args.repeat, note=note)
        )
    paragraphs = paragraph_texts(sample)
    seconds, count = best_of(args.repeat_big, pysbd_sentences, segmenter, paragraphs)
    engine, size = f"pysbd {pysbd.__version__}", megabytes(paragraphs)
    note = "; ".join(filter(None, ["same paragraphs as ours", note]))
    baseline = table.add(
        Row("sentences", engine, len(sample), size, seconds, count, args.repeat_big, note=note)
    )
    return baseline.seconds / ours.seconds


# 4-5: end to end, in one process and on Dask


def load_quietly(files: list[Path], **options):
    """``load_corpus`` without its "skipped N articles" warning: the table's note says so instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_corpus(files, **options)


def corpus_row(engine: str, note: str, seconds: float, corpus, texts: dict[str, str], runs: int) -> Row:
    """A ``load_corpus`` row, counting only the files it parsed (it skips those not UTF-8).

    ``texts`` maps each file's path, as given to ``load_corpus``, to its text.
    """
    skipped = set(corpus.errors["path"])
    parsed = [text for path, text in texts.items() if path not in skipped]
    if skipped:
        note += f"; skips {', '.join(corpus.errors['article_id'])} (corpus.errors)"
    size, count = megabytes(parsed), len(corpus.sentences)
    return Row("end to end", engine, len(parsed), size, seconds, count, runs, note=note)


def parse_all_rows(texts: list[str], registry, lexicon) -> int:
    return sum(len(parse_rows(text, registry, lexicon).sentences["start"]) for text in texts)


def parse_all_texts(texts: list[str]) -> int:
    return sum(len(parse_text(text).sentences) for text in texts)


def measure_end_to_end(table: Table, files, texts, registry, lexicon, repeat: int) -> Row:
    """``load_corpus`` in this process, then ``parse_rows`` and ``parse_text`` in memory."""
    by_path = dict(zip(map(str, files), texts, strict=True))
    load_quietly(files[:1], progress=False)  # warm-up
    seconds, corpus = best_of(repeat, load_quietly, files, progress=False)
    local = table.add(corpus_row("load_corpus, local", "reads files", seconds, corpus, by_path, repeat))

    size, n = megabytes(texts), len(texts)
    seconds, count = best_of(repeat, parse_all_rows, texts, registry, lexicon)
    note = "no DataFrames"
    table.add(Row("end to end", "parse_rows, in memory", n, size, seconds, count, repeat, note=note))
    seconds, count = best_of(repeat, parse_all_texts, texts)
    note = "+ 4 DataFrames per article"
    table.add(Row("end to end", "parse_text, in memory", n, size, seconds, count, repeat, note=note))
    return local


def warm_up_worker(text: str) -> int:
    """Parse one article, so the worker has compiled its patterns before the timing starts."""
    return len(parse_text(text).sentences)


def measure_dask(table: Table, files, texts, repeat: int) -> float:
    """``load_corpus`` on Dask: bag default scheduler, then a local cluster; returns its start-up."""
    from distributed import Client, LocalCluster

    by_path = dict(zip(map(str, files), texts, strict=True))
    load_quietly(files[:2], engine="dask")  # warm-up: imports and sets up dask in this process
    seconds, corpus = best_of(repeat, load_quietly, files, engine="dask")
    note = "default scheduler: a new process pool per call"
    table.add(corpus_row("load_corpus, dask bag", note, seconds, corpus, by_path, repeat))

    began = time.perf_counter()
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    startup = time.perf_counter() - began
    try:
        with Client(cluster.scheduler_address) as client:
            client.run(warm_up_worker, texts[0])
        address = cluster.scheduler_address
        seconds, corpus = best_of(repeat, load_quietly, files, engine="dask", scheduler=address)
    finally:
        cluster.close()
    note = f"2 worker processes x 1 thread; start-up {startup:.1f} s not included"
    table.add(corpus_row("load_corpus, distributed", note, seconds, corpus, by_path, repeat))
    return startup


# 7: linearity


def measure_linearity(table: Table, texts: list[str], registry, lexicon, args: argparse.Namespace) -> dict:
    """``parse_rows`` on all articles joined into one text, repeated 1, 4 and 16 times: scale -> row."""
    corpus_text = "\n\n".join(texts)
    rows = {}
    for scale in (s for s in SCALES if s <= args.max_scale):
        # 1x is what every other scale is divided by, and takes seconds: it gets the stage repeats.
        runs = max(args.repeat, args.repeat_big) if scale == 1 else args.repeat_big
        text = "\n\n".join([corpus_text] * scale)
        seconds, parsed = best_of(runs, parse_rows, text, registry, lexicon)
        count = len(parsed.sentences["start"])
        stage, articles, size = f"one text {scale}x", len(texts) * scale, megabytes([text])
        note = "all articles joined into one text"
        row = Row(stage, "parse_rows, in memory", articles, size, seconds, count, runs, note=note)
        rows[scale] = table.add(row)
        del text, parsed  # the 16x text and its rows take a few GB
    return rows


def linearity_ratio(scaled: dict[int, Row]) -> float | None:
    """seconds(largest scale) / seconds(1x): the largest scale itself if time is linear in length."""
    return scaled[max(scaled)].seconds / scaled[1].seconds if len(scaled) > 1 else None


# Summary, targets, profile


def agreement(rows: list[Row]) -> str:
    """ "yes", or which sentence counts differ (e.g. because the package was edited during the run)."""
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        if row.stage in ("sentences", "end to end") and not row.engine.startswith("pysbd"):
            counts.setdefault(row.articles, {})[row.engine] = row.found
    differing = [found for found in counts.values() if len(set(found.values())) > 1]
    return "yes" if not differing else f"NO: {differing}"


def print_summary(
    rows: list[Row], ratio: float, startup: float, scaled: dict[int, Row], local: Row
) -> list[dict]:
    """The derived numbers under the table; returns the targets with whether each is met."""
    print()
    print(f"sentence segmentation, ours/pySBD on the same articles: {ratio:.1f}x faster")
    print(f"distributed.LocalCluster start-up (2 workers): {startup:.2f} s, outside the timings above")
    if len(scaled) > 1:
        largest = max(scaled)
        print(
            f"linearity: seconds({largest}x)/seconds(1x) = {linearity_ratio(scaled):.1f} ({largest} if linear)"
        )
    print(f"same sentences from every engine on the same articles: {agreement(rows)}")
    targets = [
        {
            "target": "end to end, single process (load_corpus, local), MB/s per core",
            "minimum": TARGET_MB_PER_S,
            "value": local.mb_per_s,
        },
        {"target": "sentence segmentation, times faster than pySBD", "minimum": TARGET_RATIO, "value": ratio},
    ]
    for target in targets:
        target["met"] = target["value"] >= target["minimum"]
        verdict = "met" if target["met"] else "NOT MET"
        print(f"target: {target['target']} >= {target['minimum']:g}: {target['value']:.2f} -> {verdict}")
    return targets


def print_profile(files: list[Path], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(load_quietly, files, progress=False)
    print()
    print(f"cProfile of one more load_corpus run (local), top {top} by cumulative time (profiling slows it):")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(top)


def write_json(path: Path, report: dict) -> None:
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# Command line


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Prints the machine, one table row per measurement, the pySBD speed ratio, the "
        "linearity ratio and whether the targets are met.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="folder of <category>/<n>.txt articles (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=positive,
        default=3,
        metavar="N",
        help="runs of each stage row (sentences, mentions, topics, candidates), best kept (default 3)",
    )
    parser.add_argument(
        "--repeat-big",
        type=positive,
        default=1,
        metavar="N",
        help="runs of the end-to-end, Dask, pySBD and one-text rows, best kept (default 1); "
        "one text 1x, the reference of the linearity ratio, gets the larger of the two",
    )
    parser.add_argument(
        "--pysbd-every",
        type=positive,
        default=None,
        metavar="K",
        help="run pySBD (and ours, for the ratio) on every K-th article only; default: "
        "all articles if pySBD is estimated to take under --pysbd-budget, else the K "
        "that would",
    )
    parser.add_argument(
        "--pysbd-budget",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="time pySBD may take when K is chosen automatically (default 30)",
    )
    parser.add_argument(
        "--max-scale",
        type=int,
        choices=SCALES,
        default=16,
        help="largest one-text scale in the linearity rows (default 16; 4 for a quick run)",
    )
    parser.add_argument(
        "--profile",
        type=positive,
        default=None,
        metavar="N",
        help="also profile one load_corpus run (local) and print its N functions with "
        "the most cumulative time (default: no profile)",
    )
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the results as JSON (sorted keys) to PATH"
    )
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="exit with status 0 instead of 2 when the corpus is absent",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    files = sorted(args.corpus.glob("*/*.txt"))
    if not files:
        print(
            f"BBC corpus not found at {args.corpus} (research-only, not in the repository); "
            "nothing to measure.",
            file=sys.stderr,
        )
        return 0 if args.allow_missing else 2
    texts, not_utf8 = read_corpus(files)
    corpus = {
        "folder": os.path.relpath(args.corpus, ROOT),
        "articles": len(texts),
        "mb": megabytes(texts),
        "not_utf8": [path.relative_to(args.corpus).as_posix() for path in not_utf8],
    }
    info = machine()
    print_header(info, corpus, args)

    registry, lexicon = load_registry(), load_lexicon()
    parse_text(texts[0])  # warm-up: compiles and caches every stage's patterns
    table = Table()
    ours = measure_stages(table, texts, registry, lexicon, args.repeat)
    ratio = measure_baseline(table, texts, ours, args)
    local = measure_end_to_end(table, files, texts, registry, lexicon, args.repeat_big)
    startup = measure_dask(table, files, texts, args.repeat_big)
    scaled = measure_linearity(table, texts, registry, lexicon, args)
    targets = print_summary(table.rows, ratio, startup, scaled, local)

    if args.profile:
        print_profile(files, args.profile)
    if args.json:
        write_json(
            args.json,
            {
                "machine": info,
                "corpus": corpus,
                "repeat": {"stages": args.repeat, "big": args.repeat_big},
                "rows": [row.as_dict() for row in table.rows],
                "segmentation_ratio_vs_pysbd": ratio,
                "cluster_startup_seconds": startup,
                "linearity_ratio": linearity_ratio(scaled),
                "targets": targets,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
