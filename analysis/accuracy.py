"""Scoring a parsed article against hand-made gold annotations, so that a change shows up as numbers.

``evaluate`` compares a parsed article with a gold file (read by ``analysis.gold``) and returns
one tidy row per (task, group) with counts, precision, recall and F1; ``accuracy_errors`` lists
the misses and false alarms behind those counts, for reading rather than summing.

Two rules keep the score from punishing what the annotator could not settle:

* A predicted mention whose span is in ``optional_mentions``, and a predicted topic in a
  sentence's ``optional`` list, are ignored: neither hit nor false alarm.
* A gold file's ``scope.exhaustive_kinds`` names the mention kinds annotated in full (the White
  House texts: names and adjectives only). A predicted mention of another kind cannot be called
  wrong there, so it is dropped unless its span is a gold span.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import config, tables
from analysis.errors import GoldError
from analysis.gold import GOLD_DIR, Gold, load_gold, spans_of, topic_labels

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.registry import Registry
    from analysis.topics import Lexicon

TASKS = ("sentences", "mentions", "mentions_lenient", "actor_counts", "topics")
SCORE_COLUMNS = ["task", "group", "tp", "fp", "fn", "precision", "recall", "f1"]
ERROR_COLUMNS = ["task", "status", "start", "end", "text", "detail"]
# Every judged item, whatever its task, is one row with these columns (absent ones left empty).
ITEM_DTYPES = {
    "start": "Int64",
    "end": "Int64",
    "text": "str",
    "actor_id": "str",
    "actor_type": "str",
    "kind": "str",
    "sentence": "Int64",
    "topic": "str",
    "n": "int64",
}


def evaluate(article: Article, gold: Gold | str | Path) -> pd.DataFrame:
    """Score ``article`` against ``gold``: one row per (task, group), counts and P/R/F1.

    Tasks: ``sentences`` (exact spans), ``mentions`` (exact span, actor_id and kind),
    ``mentions_lenient`` (exact span and actor_type, any id or kind), ``actor_counts`` (per
    actor, min(predicted, gold) mentions are hits: rewards finding each actor as often as it
    occurs even where spans are off) and ``topics`` (sentence-topic pairs; required gold pairs
    are the positives). Groups: ``all``; ``kind:<kind>`` for each exhaustively annotated kind
    (mentions only); ``type:<actor_type>`` for the mention tasks; ``topic:<label>`` for topics.
    Every group is listed even when empty, so rows line up across articles and their counts can
    be summed. Precision and recall of a group with nothing to find and nothing predicted are
    1.0; any other 0/0 is 0.0 (see ``_prf``).
    """
    gold = gold if isinstance(gold, Gold) else load_gold(gold)
    judged = _judge(article, gold)
    rows = []
    for task in TASKS:
        items = judged[judged.task == task]
        for group, column, value in _groups(task, gold):
            chosen = items if column is None else items[items[column] == value]
            tp, fp, fn = (int(chosen.n[chosen.status == s].sum()) for s in ("hit", "false_alarm", "miss"))
            rows.append((task, group, tp, fp, fn, *_prf(tp, fp, fn)))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS).astype(
        {"task": "str", "group": "str", "tp": "int64", "fp": "int64", "fn": "int64"}
    )


def accuracy_errors(article: Article, gold: Gold | str | Path) -> pd.DataFrame:
    """Every miss and false alarm of the sentence, mention and topic tasks, in text order.

    ``detail`` is ``actor_id/kind`` for mentions and the topic label for topics (whose start, end
    and text are the gold sentence's). The lenient and count tasks are left out: they restate
    the same mistakes.
    """
    gold = gold if isinstance(gold, Gold) else load_gold(gold)
    judged = _judge(article, gold)
    out = judged[judged.task.isin(["sentences", "mentions", "topics"]) & (judged.status != "hit")]
    detail = np.select(
        [out.task == "mentions", out.task == "topics"],
        [out.actor_id + "/" + out.kind, out.topic],
        default="",
    )
    out = out.assign(detail=pd.Series(detail, index=out.index, dtype="str"))
    out = out.sort_values(["start", "end", "task", "status", "detail"], kind="stable")
    return out[ERROR_COLUMNS].reset_index(drop=True)


def judged_items(article: Article, gold: Gold | str | Path) -> pd.DataFrame:
    """Every gold and predicted item of every task, one row each, marked ``hit``, ``miss`` or
    ``false_alarm``: the rows ``evaluate`` counts, for tables it does not group by (such as
    people by kind). Columns: ``task``, ``status`` and those of ``ITEM_DTYPES``; a hit or miss
    carries the gold values, a false alarm the predicted ones.
    """
    return _judge(article, gold if isinstance(gold, Gold) else load_gold(gold))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1, reading 0/0 as perfect only when there was nothing to do.

    A group with nothing to find and nothing predicted scores 1.0, so empty groups do not drag
    averages down; a parser that predicts nothing where something was to be found scores 0.0,
    and so does one that finds nothing while predicting something.

    >>> [round(x, 3) for x in _prf(3, 1, 0)]
    [0.75, 1.0, 0.857]
    >>> _prf(0, 0, 0), _prf(0, 0, 2)
    ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0))
    """
    nothing = fp == 0 and fn == 0
    precision = tp / (tp + fp) if tp + fp else float(nothing)
    recall = tp / (tp + fn) if tp + fn else float(nothing)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _groups(task: str, gold: Gold) -> list[tuple[str, str | None, str | None]]:
    """(group name, column, value) triples for one task."""
    groups = [("all", None, None)]
    if task == "mentions":
        kinds = [k for k in tables.MENTION_KINDS if k in gold.exhaustive_kinds]
        groups += [(f"kind:{k}", "kind", k) for k in kinds]
    if task in ("mentions", "mentions_lenient", "actor_counts"):
        groups += [(f"type:{t}", "actor_type", t) for t in tables.ACTOR_TYPES]
    if task == "topics":
        groups += [(f"topic:{t}", "topic", t) for t in topic_labels()]
    return groups


def _judge(article: Article, gold: Gold) -> pd.DataFrame:
    """Every gold and predicted item of every task, marked ``hit``, ``miss`` or ``false_alarm``."""
    if article.text != gold.text:
        raise ValueError(
            f"the article's text is not the text of {gold.article} that {gold.path} annotates; "
            "parse that file, or use the gold file written for this article"
        )
    mentions = _predicted_mentions(article.mentions, gold)
    topics, optional_topics = _predicted_topics(article, gold), gold.topics[~gold.topics.required]
    topics = topics[~_in(topics, optional_topics, ["sentence", "topic"])]
    gold_topics = _topic_items(gold.topics[gold.topics.required], gold)
    return pd.concat(
        [
            _match("sentences", article.sentences, gold.sentences, ["start", "end"]),
            _match("mentions", mentions, gold.mentions, ["start", "end", "actor_id", "kind"]),
            _match("mentions_lenient", mentions, gold.mentions, ["start", "end", "actor_type"]),
            _actor_counts(mentions, gold.mentions),
            _match("topics", topics, gold_topics, ["sentence", "topic"]),
        ],
        ignore_index=True,
    )


def _items(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` in the common item shape: the columns of ``ITEM_DTYPES``, one item per row."""
    out = frame.reindex(columns=list(ITEM_DTYPES))
    out["n"] = out["n"].fillna(1)
    return out.astype(ITEM_DTYPES)


def _match(task: str, predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Pair predicted and gold items on ``keys``; on the other columns the gold value wins."""
    pred, truth = (_items(f).drop_duplicates(keys) for f in (predicted, gold))
    merged = pred.merge(truth, on=keys, how="outer", suffixes=("_pred", ""), indicator=True)
    for column in ITEM_DTYPES.keys() - set(keys):
        merged[column] = merged[column].fillna(merged.pop(f"{column}_pred"))
    status = merged.pop("_merge").map({"both": "hit", "left_only": "false_alarm", "right_only": "miss"})
    return _items(merged).assign(task=task, status=status.astype("str"))


def _actor_counts(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Per actor: min(predicted, gold) hits, the predicted surplus as false alarms, the rest misses."""
    counts = (
        pd.concat(
            {"pred": predicted.groupby("actor_id").size(), "gold": gold.groupby("actor_id").size()}, axis=1
        )
        .fillna(0)
        .astype("int64")
    )
    types = pd.concat([gold, predicted]).drop_duplicates("actor_id").set_index("actor_id").actor_type
    hits = np.minimum(counts.pred, counts.gold)
    parts = {"hit": hits, "false_alarm": counts.pred - hits, "miss": counts.gold - hits}
    rows = pd.DataFrame(
        [
            {"actor_id": actor, "actor_type": types[actor], "n": n, "status": status}
            for status, column in parts.items()
            for actor, n in column.items()
            if n
        ],
        columns=["actor_id", "actor_type", "n", "status"],
    )
    return _items(rows).assign(task="actor_counts", status=rows.status.astype("str"))


def _predicted_mentions(mentions: pd.DataFrame, gold: Gold) -> pd.DataFrame:
    """The predicted mentions the gold file can judge (see the module docstring), ids aligned."""
    optional, gold_spans = spans_of(gold.optional_mentions), spans_of(gold.mentions)
    keep = [
        (start, end) not in optional
        and (
            (kind in gold.exhaustive_kinds and actor_type in gold.exhaustive_types)
            or (start, end) in gold_spans
        )
        for start, end, kind, actor_type in zip(
            mentions.start, mentions.end, mentions.kind, mentions.actor_type, strict=True
        )
    ]
    kept = mentions[np.array(keep, dtype=bool)]
    return kept.assign(actor_id=kept.actor_id.astype("str").map(_aligned_ids(kept, gold)))


def _aligned_ids(predicted: pd.DataFrame, gold: Gold) -> dict[str, str]:
    """Each predicted actor id renamed to the gold id of the same person, one to one.

    Gold files of unseen articles name people with the annotator's own slugs, and the parser
    names a person it discovered after the name it read, so ids are matched by the text:
    a predicted actor takes the gold id whose name mentions share the most characters with
    its own name mentions. A gold id goes to one predicted actor only (the one sharing most), so a person split
    into two actors still costs the second one's mentions; an id the gold file already uses
    is kept as it is.
    """
    ids = {str(a): str(a) for a in predicted.actor_id.unique()}
    gold_ids = set(gold.mentions.actor_id)
    overlap: dict[tuple[str, str], int] = {}
    gold_spans = list(zip(gold.mentions.start, gold.mentions.end, gold.mentions.actor_id, strict=True))
    for start, end, actor_id in zip(
        predicted.start, predicted.end, predicted.actor_id.astype(str), strict=True
    ):
        if actor_id in gold_ids:
            continue
        for g_start, g_end, g_id in gold_spans:
            shared = min(end, g_end) - max(start, g_start)
            if shared > 0:
                overlap[(actor_id, g_id)] = overlap.get((actor_id, g_id), 0) + shared
    taken = {i for i in ids if i in gold_ids}
    for (actor_id, g_id), _ in sorted(overlap.items(), key=lambda item: (-item[1], item[0])):
        if ids[actor_id] == actor_id and actor_id not in gold_ids and g_id not in taken:
            ids[actor_id] = g_id
            taken.add(g_id)
    return ids


def _predicted_topics(article: Article, gold: Gold) -> pd.DataFrame:
    """Predicted (gold sentence, topic) pairs, placed by where their evidence lies.

    Placing a topic by its evidence offset (or, without one, by where its predicted sentence
    starts) in the gold sentence that holds it keeps a sentence-splitting error from also
    counting as a topic error. Positions before the first gold sentence go to the first.
    """
    topics = article.topics
    sentence_start = topics.sentence_id.map(article.sentences.set_index("sentence_id").start)
    where = pd.to_numeric(topics.start).fillna(sentence_start).astype("int64")
    index = np.searchsorted(gold.sentences.start.to_numpy(), where.to_numpy(), side="right") - 1
    pairs = pd.DataFrame({"sentence": np.maximum(index, 0), "topic": topics.topic.astype("str")})
    return _topic_items(pairs.drop_duplicates(), gold)


def _topic_items(pairs: pd.DataFrame, gold: Gold) -> pd.DataFrame:
    """(sentence, topic) pairs with the gold sentence's span and text, for listing errors."""
    sentence = gold.sentences.iloc[pairs.sentence.to_numpy()]
    return pd.DataFrame(
        {
            "sentence": pairs.sentence.to_numpy(),
            "topic": pairs.topic.to_numpy(),
            "start": sentence.start.to_numpy(),
            "end": sentence.end.to_numpy(),
            "text": sentence.text.to_numpy(),
        }
    )


def _in(frame: pd.DataFrame, other: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Whether each row of ``frame`` has its ``keys`` values in some row of ``other``."""
    wanted = set(zip(*(other[k] for k in keys), strict=True))
    return np.array([row in wanted for row in zip(*(frame[k] for k in keys), strict=True)], dtype=bool)


def evaluate_all(
    gold_dir: str | Path = GOLD_DIR, registry: Registry | None = None, lexicon: Lexicon | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and the errors behind them for every gold file in ``gold_dir``.

    Each article is parsed from the path its gold file names (relative to the project root);
    both frames gain a leading ``article`` column, the gold file's stem. Gold files of the
    research-only corpus (``data/gold/shared/``) name articles in ``../shared/``; where that
    folder is absent they are skipped with a warning, since the texts are not redistributed.
    """
    from analysis.article import parse_text

    paths = sorted(Path(gold_dir).glob("*.json"))
    if not paths:
        raise GoldError(
            gold_dir, "holds no gold files (*.json)", f"point at a folder of gold files, such as {GOLD_DIR}"
        )
    paths = [p for p in paths if _article_present(p)]
    scores, misses = [], []
    for path in paths:
        gold = load_gold(path)
        article = parse_text(gold.text, registry=registry, lexicon=lexicon, path=gold.article)
        scores.append(evaluate(article, gold).assign(article=path.stem))
        misses.append(accuracy_errors(article, gold).assign(article=path.stem))
    first = ["article"]
    scores_frame = pd.concat(scores, ignore_index=True)
    errors_frame = pd.concat(misses, ignore_index=True)
    return (
        scores_frame[first + [c for c in scores_frame.columns if c != "article"]],
        errors_frame[first + [c for c in errors_frame.columns if c != "article"]],
    )


def _article_present(path: Path) -> bool:
    """False, with a warning, for a gold file whose research-only article is not on this machine."""
    try:
        article = json.loads(path.read_text(encoding="utf-8")).get("article", "")
    except (OSError, ValueError, AttributeError):
        return True  # load_gold reports what is wrong with the file
    if str(article).startswith("../shared/") and not (config.ROOT / str(article)).exists():
        warnings.warn(f"{path.name}: skipped, {article} is absent (research-only text)", stacklevel=3)
        return False
    return True


def pooled(scores: pd.DataFrame, task: str = "mentions") -> pd.DataFrame:
    """One task's counts summed over all articles, per group, with precision, recall and F1.

    >>> frame = pd.DataFrame({"task": ["mentions"] * 2, "group": ["all"] * 2, "tp": [3, 1], "fp": [1, 0], "fn": [0, 1]})
    >>> pooled(frame).round(3).to_dict("records")
    [{'tp': 4, 'fp': 1, 'fn': 1, 'precision': 0.8, 'recall': 0.8, 'f1': 0.8}]
    """
    counts = scores[scores["task"] == task].groupby("group", sort=False)[["tp", "fp", "fn"]].sum()
    rates = [_prf(int(tp), int(fp), int(fn)) for tp, fp, fn in counts.itertuples(index=False)]
    return counts.assign(
        precision=[r[0] for r in rates], recall=[r[1] for r in rates], f1=[r[2] for r in rates]
    )
