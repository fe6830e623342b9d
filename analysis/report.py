"""Accuracy reports for whole gold folders: the few pooled tables a reader asks of a gold set.

``build_report`` parses each article of a gold folder once and judges it with
``analysis.accuracy`` (sentences, mentions, topics) and ``analysis.event_accuracy``
(interactions, statements); ``people_scores``, ``topic_scores``, ``event_scores`` and
``report_misses`` turn that ``Report`` into tidy tables, and ``set_summary`` puts several gold
sets side by side. ``GOLD_SETS`` names the project's twenty: ``repo`` (``data/gold/*.json``, in
the repository), ``dev`` (``data/gold/shared/dev``, rules tuned on it), ``blind`` to ``blind18``
(``data/gold/shared/blind*``: annotated blind, each measured once, at
different stages of the rules; the errors of a set measured once were read afterwards, so only
the newest is still unseen when it is measured).

Rules, in the order they apply:

1. A gold folder with no gold file, or whose articles are absent (the research-only texts of
   ``../shared/corpus``), is not scored: ``absent_reason`` says why and ``gold_reports`` leaves
   it out, so a machine without those texts reports the others and fails nothing.
2. People are the ``mentions`` task (exact span, actor and kind) restricted to persons: the gold
   type for hits and misses, the predicted type for false alarms. A kind counts only in gold
   files that annotate it in full (``scope``), as in ``evaluate``.
3. Counts are summed over the articles before precision, recall and F1 are taken, so the rates
   are of references (or sentences, pairs, speakers), not averages of articles.
4. A row with nothing to find and nothing predicted is unmeasured: its rates are NaN, not 1.0,
   so a topic no article has does not read as perfect.
5. Event scores come only from gold files that annotate interactions or statements.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import config
from analysis.accuracy import SCORE_COLUMNS, _prf, evaluate, judged_items
from analysis.event_accuracy import EVENT_ERROR_COLUMNS, EVENT_TASKS, evaluate_events, event_errors
from analysis.findings import count
from analysis.gold import GOLD_DIR, Gold, load_gold, topic_labels

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.registry import Registry
    from analysis.topics import Lexicon

_SHARED_SETS = ("dev", "blind", *(f"blind{n}" for n in range(2, 19)))
GOLD_SETS = {"repo": GOLD_DIR, **{name: GOLD_DIR / "shared" / name for name in _SHARED_SETS}}
PEOPLE_KINDS = ("name", "title", "pronoun")
RATE_COLUMNS = ["tp", "fp", "fn", "precision", "recall", "f1"]
MISS_COLUMNS = ["article", "task", "status", "start", "end", "text", "detail"]
SUMMARY_MEASURES = (
    "people",
    "people: name",
    "people: title",
    "people: pronoun",
    "topics",
    "person pairs",
    "speakers",
)


@dataclass(frozen=True, eq=False)
class Report:
    """One gold folder judged: per-article frames, each with a leading ``article`` column.

    ``scores``: ``evaluate`` rows. ``items``: ``judged_items`` rows (every item, hit or not).
    ``event_scores``: ``evaluate_events`` rows and ``event_errors`` their misses and false
    alarms, for the gold files that annotate events (empty otherwise). ``blind``: the stems of
    the gold files annotated blind.
    """

    scores: pd.DataFrame
    items: pd.DataFrame
    event_scores: pd.DataFrame
    event_errors: pd.DataFrame
    blind: tuple[str, ...]

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(self.scores["article"]))


def build_report(
    gold_dir: str | Path, registry: Registry | None = None, lexicon: Lexicon | None = None
) -> Report:
    """Parse and judge every article of ``gold_dir`` (see ``absent_reason`` for folders it refuses)."""
    from analysis.article import parse_text

    reason = absent_reason(gold_dir)
    if reason:
        raise FileNotFoundError(f"{gold_dir}: {reason}; score another folder, or check absent_reason first")
    golds = {path.stem: load_gold(path) for path in sorted(Path(gold_dir).glob("*.json"))}
    return report_of(
        (stem, parse_text(g.text, registry=registry, lexicon=lexicon, path=g.article), g)
        for stem, g in golds.items()
    )


def report_of(judged: Iterable[tuple[str, Article, Gold]]) -> Report:
    """A ``Report`` from (article name, parsed article, gold) triples, in the order given."""
    scores, items, event_scores, event_misses, blind = [], [], [], [], []
    for stem, article, gold in judged:
        scores.append(evaluate(article, gold).assign(article=stem))
        items.append(judged_items(article, gold).assign(article=stem))
        if not (gold.interactions.empty and gold.statements.empty):
            event_scores.append(evaluate_events(article, gold).assign(article=stem))
            event_misses.append(event_errors(article, gold).assign(article=stem))
        if gold.blind:
            blind.append(stem)
    return Report(
        scores=_with_article(scores, SCORE_COLUMNS),
        items=_with_article(items, ["task", "status"]),
        event_scores=_with_article(event_scores, SCORE_COLUMNS),
        event_errors=_with_article(event_misses, EVENT_ERROR_COLUMNS),
        blind=tuple(blind),
    )


def _with_article(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame(columns=["article", *columns])
    frame = pd.concat(frames, ignore_index=True)
    return frame[["article", *[c for c in frame.columns if c != "article"]]]


def absent_reason(gold_dir: str | Path) -> str | None:
    """Why ``gold_dir`` cannot be scored here (rule 1), or None when it can.

    >>> absent_reason(GOLD_SETS["repo"]) is None
    True
    """
    paths = sorted(Path(gold_dir).glob("*.json"))
    if not paths:
        return "holds no gold files (*.json)"
    for path in paths:
        try:
            article = str(json.loads(path.read_text(encoding="utf-8")).get("article", ""))
        except (OSError, ValueError, AttributeError):
            continue  # load_gold reports what is wrong with the file
        if article.startswith("../") and not (config.ROOT / article).exists():
            folder = "/".join(article.split("/")[:3])
            return f"its articles in {folder} are absent (research-only texts, not redistributed)"
    return None


def research_sets_absent() -> bool:
    """Whether any gold set of ``GOLD_SETS`` cannot be scored here (its texts, in ``../shared``,
    are absent): the committed accuracy notebook and gold-set chart then differ from a re-run."""
    return any(absent_reason(d) for name, d in GOLD_SETS.items() if name != "repo")


def gold_reports(
    gold_dirs: dict[str, str | Path], registry: Registry | None = None, lexicon: Lexicon | None = None
) -> dict[str, Report]:
    """A ``Report`` for each named gold folder that can be scored here, in the order given."""
    return {
        name: build_report(folder, registry=registry, lexicon=lexicon)
        for name, folder in gold_dirs.items()
        if absent_reason(folder) is None
    }


def availability(gold_dirs: dict[str, str | Path], reports: dict[str, Report]) -> str:
    """One line per gold folder: how many articles were scored and how many annotated blind,
    or why it was not scored."""
    lines = []
    for name, folder in gold_dirs.items():
        if name in reports:
            report = reports[name]
            n, blind = len(report.articles), len(report.blind)
            lines.append(f"{name}: {count(n, 'gold file')} scored, {blind} of them annotated blind")
        else:
            lines.append(f"{name}: not scored, {folder}: {absent_reason(folder)}")
    return "\n".join(lines)


def by_set(reports: dict[str, Report], table: Callable[[Report], pd.DataFrame]) -> pd.DataFrame:
    """One table for several gold sets: ``table`` of each report, with a leading ``set`` column."""
    frames = [table(report).assign(set=name) for name, report in reports.items()]
    if not frames:
        return pd.DataFrame(columns=["set"])
    frame = pd.concat(frames, ignore_index=True)
    return frame[["set", *[c for c in frame.columns if c != "set"]]]


def people_scores(report: Report) -> pd.DataFrame:
    """References to people by kind (name, title, pronoun) and over all kinds (``all``), pooled."""
    people = report.items[(report.items["task"] == "mentions") & (report.items["actor_type"] == "person")]
    groups = [(kind, people[people["kind"] == kind]) for kind in PEOPLE_KINDS] + [("all", people)]
    return _rates("kind", [(name, _counts(part)) for name, part in groups])


def topic_scores(report: Report) -> pd.DataFrame:
    """Sentence topics per topic of the lexicon and pooled over all topics (``all``)."""
    topics = report.items[report.items["task"] == "topics"]
    groups = [(label, topics[topics["topic"] == label]) for label in topic_labels()] + [("all", topics)]
    return _rates("topic", [(name, _counts(part)) for name, part in groups])


def event_scores(report: Report) -> pd.DataFrame:
    """Person pairs, speakers, interaction rows and statement rows, pooled (``event_accuracy``)."""
    frame = report.event_scores
    return _rates(
        "task",
        [
            (task, tuple(int(frame.loc[frame["task"] == task, c].sum()) for c in ("tp", "fp", "fn")))
            for task in EVENT_TASKS
        ],
    )


def report_misses(report: Report) -> pd.DataFrame:
    """Every miss and false alarm, by article and then position: ``task`` is ``sentences``,
    ``people`` (person mentions), ``mentions`` (other actors), ``topics``, or an event task
    (whose ``detail`` is the pair, speaker or row, without a span). ``status`` is ``miss`` or
    ``false_alarm`` whatever the task."""
    items = report.items[report.items["task"].isin(["sentences", "mentions", "topics"])]
    items = items[items["status"] != "hit"]
    person = (items["task"] == "mentions") & (items["actor_type"] == "person")
    detail = np.select(
        [items["task"] == "mentions", items["task"] == "topics"],
        [items["actor_id"] + "/" + items["kind"], items["topic"]],
        default="",
    )
    spans = items.assign(
        task=items["task"].where(~person, "people"),
        detail=pd.Series(detail, index=items.index, dtype="str"),
    )
    events = report.event_errors.rename(columns={"item": "detail"})
    events = events.assign(text="", status=events["status"].str.replace(" ", "_"))
    frame = pd.concat([spans[MISS_COLUMNS], events.reindex(columns=MISS_COLUMNS)], ignore_index=True)
    order = {a: i for i, a in enumerate(report.articles)}
    frame = frame.assign(_order=frame["article"].map(order))
    frame = frame.sort_values(["_order", "start", "end", "task", "status", "detail"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True).astype({"start": "Int64", "end": "Int64"})


def set_summary(reports: dict[str, Report]) -> pd.DataFrame:
    """One row per (gold set, measure) of ``SUMMARY_MEASURES``, with counts and rates: the
    headline numbers of each set side by side."""
    rows = []
    for name, report in reports.items():
        people = people_scores(report).set_index("kind")
        events = event_scores(report).set_index("task")
        picked = {
            "people": people.loc["all"],
            **{f"people: {k}": people.loc[k] for k in PEOPLE_KINDS},
            "topics": topic_scores(report).set_index("topic").loc["all"],
            "person pairs": events.loc["person_pairs"],
            "speakers": events.loc["speakers"],
        }
        rows += [{"set": name, "measure": m, **picked[m][RATE_COLUMNS].to_dict()} for m in SUMMARY_MEASURES]
    frame = pd.DataFrame(rows, columns=["set", "measure", *RATE_COLUMNS])
    return frame.astype({c: "int64" for c in ("tp", "fp", "fn")} | {c: "float64" for c in RATE_COLUMNS[3:]})


def _counts(items: pd.DataFrame) -> tuple[int, int, int]:
    return tuple(int(items["n"][items["status"] == s].sum()) for s in ("hit", "false_alarm", "miss"))


def _rates(key: str, counts: list[tuple[str, tuple[int, int, int]]]) -> pd.DataFrame:
    """Rows of ``key`` and counts with precision, recall and F1; NaN where nothing was at stake."""
    rows = []
    for name, (tp, fp, fn) in counts:
        rates = _prf(tp, fp, fn) if tp + fp + fn else (np.nan,) * 3
        rows.append((name, tp, fp, fn, *rates))
    frame = pd.DataFrame(rows, columns=[key, *RATE_COLUMNS])
    return frame.astype(
        {key: "str", "tp": "int64", "fp": "int64", "fn": "int64"} | dict.fromkeys(RATE_COLUMNS[3:], "float64")
    )
