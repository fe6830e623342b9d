"""Speed and accuracy of analysis.segmenter against pySBD on the BBC news corpus.

Inputs: ../shared/corpus/bbc/*/*.txt relative to the repository root (2,225 articles), split
into blank-line paragraphs, and tests/data/golden_rules_en.json. Both segmenters get the same
paragraphs in the same run; pySBD (``Segmenter(language="en", clean=False, char_span=True)``)
can be limited to every K-th article with ``--pysbd-every``, and the speed ratio is then taken
over that shared sample only. Prints a table and the Golden Rules score of each.

Run: ``.venv/bin/python benchmarks/segmentation.py``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import pysbd

from analysis.segmenter import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
GOLDEN = ROOT / "tests" / "data" / "golden_rules_en.json"
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str) -> list[str]:
    """The blank-line-separated paragraphs of ``text``, stripped, without empty ones."""
    return [part.strip() for part in BLANK_LINE.split(text) if part.strip()]


def ours(texts: list[str]) -> list[list[str]]:
    return [[text[s:e] for s, e in sentence_spans(text)] for text in texts]


def pysbd_segment(texts: list[str]) -> list[list[str]]:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return [[span.sent.strip() for span in segmenter.segment(text)] for text in texts]


def timed(segment, texts: list[str], repeat: int) -> tuple[float, list[list[str]]]:
    """Best wall-clock time of ``repeat`` runs, and the sentences of the last run."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        result = segment(texts)
        best = min(best, time.perf_counter() - began)
    return best, result


def golden_score(segment) -> int:
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = segment([case["input"] for case in cases])
    return sum(got == case["expected"] for got, case in zip(found, cases, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pysbd-every",
        type=int,
        default=1,
        metavar="K",
        help="run pySBD on every K-th article only (default 1: all); the ratio then uses those",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of ours; the best counts")
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="exit with status 0 instead of 2 when the corpus is absent",
    )
    args = parser.parse_args(argv)

    files = sorted(CORPUS.glob("*/*.txt"))
    if not files:
        print(f"BBC corpus not found at {CORPUS}; nothing to measure.", file=sys.stderr)
        return 0 if args.allow_missing else 2
    # sport/199.txt is Latin-1, the rest UTF-8; replacing its few bad bytes keeps every article.
    articles = [paragraphs(path.read_text(encoding="utf-8", errors="replace")) for path in files]
    texts = [text for article in articles for text in article]
    sample = [text for article in articles[:: args.pysbd_every] for text in article]
    subset = len(sample) < len(texts)

    our_seconds, our_sentences = timed(ours, texts, args.repeat)
    our_sample_seconds, our_sample = our_seconds, our_sentences
    if subset:
        our_sample_seconds, our_sample = timed(ours, sample, args.repeat)
    sbd_seconds, sbd_sample = timed(pysbd_segment, sample, 1)

    print(f"BBC corpus: {len(files)} articles, {len(texts)} blank-line paragraphs")
    print(f"{'segmenter':<22}{'texts':>7}{'MB':>7}{'seconds':>9}{'MB/s':>8}{'sentences':>11}")
    print(table_row("analysis.segmenter", texts, our_seconds, our_sentences))
    mark = "*" if subset else ""
    if subset:
        print(table_row("analysis.segmenter*", sample, our_sample_seconds, our_sample))
    print(table_row(f"pysbd {pysbd.__version__}{mark}", sample, sbd_seconds, sbd_sample))
    if subset:
        print(f"* one article in {args.pysbd_every} only, the same for both")
    same = sum(a == b for a, b in zip(our_sample, sbd_sample, strict=True))
    print(
        f"speed ratio on the same {len(sample)} paragraphs: "
        f"{sbd_seconds / our_sample_seconds:.0f}x faster than pySBD"
    )
    print(f"paragraphs split identically by both: {same}/{len(sample)}")
    print(
        f"Golden Rules (English, 48 cases): analysis.segmenter {golden_score(ours)}/48, "
        f"pysbd {golden_score(pysbd_segment)}/48"
    )
    return 0


def table_row(name: str, texts: list[str], seconds: float, sentences: list[list[str]]) -> str:
    mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    found = sum(map(len, sentences))
    return f"{name:<22}{len(texts):>7}{mb:>7.2f}{seconds:>9.3f}{mb / seconds:>8.2f}{found:>11}"


if __name__ == "__main__":
    sys.exit(main())
