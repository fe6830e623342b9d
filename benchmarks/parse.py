"""How fast analysis parses news text: issue 13's targets, each measured with its baseline.

The benchmark is the list ``MEASUREMENTS`` below: one row per target, each a name, the callable
timed, the megabytes it covers and the target it must meet. Every row runs three times,
interleaved (row 1, row 2, ..., then again), so that a busy moment of the machine spreads over
all rows instead of spoiling one; the median is reported with the spread (slowest and fastest
run). pySBD, the baseline for segmentation, is timed in the same rounds on the same articles.

Then the worst cases of ``worst_cases.py`` (once each, in a child process with a time limit,
at their size and twice it) and the peak memory of ``load_corpus`` (in a child process).

Input: ``../shared/corpus/bbc/*/*.txt`` relative to the repository root (2,225 articles, 5.0 MB;
research-only data, not in the repository). Every file is decoded as UTF-8 with replacement
characters, so the one Latin-1 file is kept; ``load_corpus`` reads the files itself and skips
that one. MB is 10^6 bytes of UTF-8 text.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/parse.py``; ``--help`` for options).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pysbd
from worst_cases import CASES  # beside this script, so on the path when it runs

import analysis
from analysis.article import _compiled, parse_rows
from analysis.corpus import load_corpus
from analysis.mentions import MentionFinder
from analysis.registry import load_registry
from analysis.sentences import sentence_rows
from analysis.topics import load_lexicon
from analysis.verbs import load_verbs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
FRAMES = ("sentences", "mentions", "candidates", "topics", "actors", "interactions", "statements")
ROUNDS = 3
PYSBD_EVERY = 10  # pySBD (about 0.3 MB/s) and our segmenter both run on every 10th article
WORST_SECONDS = 2.0  # each worst case at its size
WORST_GROWTH = 2.3  # twice the size may take at most this many times as long
MEMORY_MB = 400


@dataclass(frozen=True)
class Measurement:
    """One row: ``run()`` is timed; ``mb`` is what it covers; ``target(rate, rates)`` says
    whether the median rate meets the target (``rates`` holds every row's median, for targets
    relative to another row)."""

    name: str
    run: Callable[[], object]
    mb: float
    target: str = ""
    check: Callable[[float, dict[str, float]], bool] | None = None


# The corpus, loaded once


@dataclass(frozen=True)
class Corpus:
    files: list[Path]
    texts: list[str]
    spans: list[list[tuple[int, int]]]  # each article's sentence spans, for the mention finder

    @property
    def mb(self) -> float:
        return megabytes(self.texts)


def megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def read_corpus(folder: Path) -> Corpus:
    files = sorted(folder.glob("*/*.txt"))
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in files]
    return Corpus(files, texts, [sentence_spans(text) for text in texts])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    rows = sentence_rows(text, [])
    return list(zip(rows["start"], rows["end"], strict=True))


# What is timed


def parse_every_article(texts: list[str]) -> None:
    """``parse_text`` per article, reading every frame (as a user looping in a notebook does)."""
    for text in texts:
        article = analysis.parse_text(text)
        for frame in FRAMES:
            getattr(article, frame)


def segment(texts: list[str]) -> None:
    for text in texts:
        sentence_rows(text, [])


def pysbd_segment(paragraphs: list[str]) -> None:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    for paragraph in paragraphs:
        segmenter.segment(paragraph)


def registered_mentions(finder: MentionFinder, corpus: Corpus) -> None:
    """The registered-name scanning stage: names, demonyms and titles of registered actors."""
    for text, spans in zip(corpus.texts, corpus.spans, strict=True):
        if spans:
            finder.registered(text, spans)


def all_mentions(finder: MentionFinder, corpus: Corpus) -> None:
    """The whole finder: registered names, discovery of unregistered actors, pronouns."""
    for text, spans in zip(corpus.texts, corpus.spans, strict=True):
        finder.find(text, spans)


def parse_in_memory(texts: list[str]) -> None:
    registry, lexicon, verbs = load_registry(), load_lexicon(), load_verbs()
    for text in texts:
        parse_rows(text, registry, lexicon, verbs)


def corpus_in_one_process(files: list[Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the Latin-1 file is skipped, with a warning
        load_corpus(files, progress=False)


def corpus_on_two_cores(files: list[Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_corpus(files, engine="dask", progress=False)


def paragraphs(texts: list[str]) -> list[str]:
    return [part.strip() for text in texts for part in text.split("\n\n") if part.strip()]


def measurements(corpus: Corpus) -> list[Measurement]:
    """Every row of the benchmark, in the order it prints."""
    finder = _compiled(MentionFinder, load_registry())
    sample = corpus.texts[::PYSBD_EVERY]
    sample_paragraphs = paragraphs(sample)
    loaded_mb = megabytes([t for t in corpus.texts if "\ufffd" not in t])  # what load_corpus parses
    return [
        Measurement(
            "parse_text per article, 7 frames read",
            lambda: parse_every_article(corpus.texts),
            corpus.mb,
            ">= 2.5 MB/s",
            lambda rate, _: rate >= 2.5,
        ),
        Measurement(
            "parse_rows per article (no DataFrames)", lambda: parse_in_memory(corpus.texts), corpus.mb
        ),
        Measurement(
            "load_corpus, one process",
            lambda: corpus_in_one_process(corpus.files),
            loaded_mb,
            ">= 4 MB/s",
            lambda rate, _: rate >= 4.0,
        ),
        Measurement(
            "load_corpus, Dask processes (both cores)",
            lambda: corpus_on_two_cores(corpus.files),
            loaded_mb,
            ">= 1.6x one process",
            lambda rate, rates: rate >= 1.6 * rates["load_corpus, one process"],
        ),
        Measurement(
            "MentionFinder, registered names",
            lambda: registered_mentions(finder, corpus),
            corpus.mb,
            ">= 15 MB/s",
            lambda rate, _: rate >= 15.0,
        ),
        Measurement("MentionFinder.find, with discovery", lambda: all_mentions(finder, corpus), corpus.mb),
        Measurement(
            "segmentation (sentence_rows), every 10th",
            lambda: segment(sample),
            megabytes(sample),
            ">= 18.6 MB/s (issue 13's 'today')",
            lambda rate, _: rate >= 18.6,
        ),
        Measurement(
            "baseline: pySBD 0.3.4, same articles",
            lambda: pysbd_segment(sample_paragraphs),
            megabytes(sample_paragraphs),
        ),
    ]


# Running and reporting


def timed_rounds(rows: list[Measurement], rounds: int) -> dict[str, list[float]]:
    """Seconds of each row in each round, the rows interleaved within a round; one warm-up first."""
    for row in rows:
        if "load_corpus" not in row.name:  # those warm up a process pool of their own each time
            row.run()
    seconds: dict[str, list[float]] = {row.name: [] for row in rows}
    for _ in range(rounds):
        for row in rows:
            began = time.perf_counter()
            row.run()
            seconds[row.name].append(time.perf_counter() - began)
    return seconds


def report(rows: list[Measurement], seconds: dict[str, list[float]]) -> bool:
    rates = {row.name: row.mb / statistics.median(seconds[row.name]) for row in rows}
    print(f"{'measurement':<44} {'MB':>5} {'median MB/s':>11} {'spread MB/s':>13}  {'target':<36} result")
    ok = True
    for row in rows:
        runs = sorted(row.mb / s for s in seconds[row.name])
        spread = f"{runs[0]:.2f}-{runs[-1]:.2f}"
        result = ""
        if row.check is not None:
            met = row.check(rates[row.name], rates)
            ok &= met
            result = "pass" if met else "FAIL"
        print(
            f"{row.name:<44} {row.mb:>5.2f} {rates[row.name]:>11.2f} {spread:>13}  {row.target:<36} {result}"
        )
    ours = rates["segmentation (sentence_rows), every 10th"]
    base = rates["baseline: pySBD 0.3.4, same articles"]
    one = rates["load_corpus, one process"]
    print(f"segmentation is {ours / base:.0f}x pySBD on the same articles (median of {ROUNDS} rounds each)")
    print(f"both cores give {rates['load_corpus, Dask processes (both cores)'] / one:.2f}x one process")
    return ok


_WORST_CHILD = """
import sys, time
sys.path.insert(0, {folder!r})
import analysis
from worst_cases import CASES
analysis.parse_text("Warm up. He said.")
make = CASES[{index}][1]
text = make({size})
began = time.perf_counter()
analysis.parse_text(text)
print(time.perf_counter() - began)
"""


def worst_case_seconds(index: int, size: int, limit: float) -> float | None:
    """Seconds to parse one worst case in a fresh process; None when it ran past ``limit``."""
    code = _WORST_CHILD.format(folder=str(Path(__file__).resolve().parent), index=index, size=size)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, check=True
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.split()[-1])


def worst_cases(limit: float) -> bool:
    print(
        f"\nworst cases: parse_text once at the size and at twice it, each in a fresh process (limit {limit:.0f} s)"
    )
    print(
        f"{'input':<50} {'size':>7} {'seconds':>8} {'2x size':>8} {'growth':>7}  target: < {WORST_SECONDS:.0f} s, growth <= {WORST_GROWTH}"
    )
    ok = True
    for index, (name, _, size) in enumerate(CASES):
        one = worst_case_seconds(index, size, limit)
        two = worst_case_seconds(index, 2 * size, limit) if one is not None else None
        shown = [f"{s:8.2f}" if s is not None else f">{limit:7.0f}" for s in (one, two)]
        growth = two / one if one and two else None
        met = one is not None and two is not None and one < WORST_SECONDS and growth <= WORST_GROWTH
        ok &= met
        print(
            f"{name:<50} {size / 1e6:>5.0f}MB {shown[0]} {shown[1]} "
            f"{(f'{growth:.2f}x' if growth else '-'):>7}  {'pass' if met else 'FAIL'}"
        )
    return ok


# The peak resident set of the child's own memory (VmHWM): ru_maxrss would also count the pages
# of the benchmark process it was forked from, which Linux carries over the exec.
_MEMORY_CHILD = """
import warnings
from pathlib import Path
from analysis.corpus import load_corpus
warnings.simplefilter("ignore")
load_corpus({folder!r}, progress=False)
status = Path("/proc/self/status").read_text().splitlines()
print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024)
"""


def peak_memory(folder: Path) -> bool:
    code = _MEMORY_CHILD.format(folder=str(folder))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    peak = float(done.stdout.split()[-1])
    met = peak < MEMORY_MB
    print(
        f"\npeak memory of load_corpus on the folder (peak resident set of a fresh process): {peak:.0f} MB; "
        f"target < {MEMORY_MB} MB: {'pass' if met else 'FAIL'}"
    )
    return met


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def print_machine(corpus: Corpus) -> None:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    print("analysis benchmark (issue 13's targets)")
    print(f"machine:  {os.cpu_count()} CPUs, {cpu_model()}; {platform.platform()}")
    print(
        f"software: Python {platform.python_version()}, pandas {version('pandas')}, pysbd {version('pysbd')}, "
        f"dask {version('dask')}"
    )
    print(f"load:     {load} (1, 5, 15 min averages before the run; other work slows every row)")
    print(f"corpus:   {CORPUS}: {len(corpus.texts)} articles, {corpus.mb:.2f} MB")
    print(
        f"runs:     {ROUNDS} rounds, rows interleaved within each; median and spread (slowest-fastest) of the rounds"
    )
    print("MentionFinder floor: pyahocorasick is not measured (not among the installable packages here)\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allow-missing", action="store_true", help="exit 0 when the corpus is absent")
    parser.add_argument("--skip-worst", action="store_true", help="leave out the worst cases")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds a worst case may run (default 30)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: get the BBC News dataset (see benchmarks/README.md); nothing measured")
        return 0 if args.allow_missing else 2
    corpus = read_corpus(CORPUS)
    print_machine(corpus)
    rows = measurements(corpus)
    ok = report(rows, timed_rounds(rows, ROUNDS))
    ok &= peak_memory(CORPUS)
    if not args.skip_worst:
        ok &= worst_cases(args.limit)
    print(f"\nevery target met: {'yes' if ok else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
