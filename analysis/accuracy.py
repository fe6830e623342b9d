"""Scoring a parsed article against hand-made gold annotations, so that a change shows up as numbers.

A gold file (``data/gold/<article>.json``, format and annotation guide in ``data/gold/README.md``)
holds, for one article, its sentence spans, the actor mentions and the topics of each sentence,
all as character offsets into the article text. ``evaluate`` compares a parsed article with it and
returns one tidy row per (task, group) with counts, precision, recall and F1; ``errors`` lists the
misses and false alarms behind those counts, for reading rather than summing.

Two rules keep the score from punishing what the annotator could not settle:

* A predicted mention whose span is in ``optional_mentions``, and a predicted topic in a
  sentence's ``optional`` list, are ignored: neither hit nor false alarm.
* A gold file's ``scope.exhaustive_kinds`` names the mention kinds annotated in full (the White
  House texts: names and adjectives only). A predicted mention of another kind cannot be called
  wrong there, so it is dropped unless its span is a gold span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import ArticleError, GoldError
from analysis.reading import read_article_text
from analysis.topics import load_lexicon

GOLD_DIR = config.GOLD
TASKS = ("sentences", "mentions", "mentions_lenient", "actor_counts", "topics")
GOLD_KEYS = ("article", "sentences", "mentions", "optional_mentions", "topics", "scope")
SPAN_FIELDS = ("start", "end", "text")
MENTION_FIELDS = (*SPAN_FIELDS, "actor_id", "actor_type", "kind")
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
FORMAT_HINT = "see data/gold/README.md for the format"


@dataclass(frozen=True, eq=False)
class Gold:
    """One validated gold file: the article text and its annotations as small DataFrames.

    ``sentences``: start, end, text. ``mentions`` and ``optional_mentions``: start, end, text,
    actor_id, actor_type, kind. ``topics``: one row per (sentence, topic) with ``required``
    False for the defensible-either-way labels.
    """

    path: str
    article: str
    text: str
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    optional_mentions: pd.DataFrame
    topics: pd.DataFrame
    exhaustive_kinds: tuple[str, ...]


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a malformed one raises ``GoldError`` naming the entry at fault.

    The checks are the ones that would otherwise turn into silently wrong scores: every span
    must lie inside the article and quote it exactly, sentences must be in order, and every kind,
    type and topic label must be one the parser can produce. The ``article`` path is taken
    relative to the repository root (an absolute path also works, as the tests use).

    >>> gold = load_gold(GOLD_DIR / "000_0b4bcfabde42e6f6.json")
    >>> len(gold.sentences), gold.sentences.text[0][:13]
    (14, 'Special Envoy')
    """
    path = Path(path)
    raw = _read_json(path)
    for key in GOLD_KEYS:
        if key not in raw:
            raise GoldError(path, f"has no {key!r} key", f"add it; {FORMAT_HINT}")
    try:
        text = read_article_text(config.ROOT / str(raw["article"]))
    except ArticleError as err:
        raise GoldError(
            path,
            f"names article {raw['article']!r}, which {err.problem}",
            "give the article path relative to the repository root",
        ) from None
    sentences = _entries(raw, "sentences", SPAN_FIELDS, text, path)
    overlap = sentences.index[sentences.start < sentences.end.shift(1, fill_value=0)]
    if len(overlap):
        raise GoldError(
            path,
            f"sentences[{overlap[0]}] starts before the sentence listed above it ends",
            "list sentences in text order, without overlaps",
        )
    mentions = _mentions(raw, "mentions", text, path)
    optional = _mentions(raw, "optional_mentions", text, path)
    clash = sorted(_spans(optional) & _spans(mentions))
    if clash:
        raise GoldError(
            path,
            f"span {clash[0]} is both a mention and an optional mention",
            "keep it in one list",
        )
    return Gold(
        path=str(path),
        article=str(raw["article"]),
        text=text,
        sentences=sentences,
        mentions=mentions,
        optional_mentions=optional,
        topics=_topics(raw["topics"], len(sentences), path),
        exhaustive_kinds=_scope(raw["scope"], path),
    )


def evaluate(article, gold: Gold | str | Path) -> pd.DataFrame:
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


def errors(article, gold: Gold | str | Path) -> pd.DataFrame:
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
        kinds = [k for k in config.MENTION_KINDS if k in gold.exhaustive_kinds]
        groups += [(f"kind:{k}", "kind", k) for k in kinds]
    if task in ("mentions", "mentions_lenient", "actor_counts"):
        groups += [(f"type:{t}", "actor_type", t) for t in config.ACTOR_TYPES]
    if task == "topics":
        groups += [(f"topic:{t}", "topic", t) for t in _topic_labels()]
    return groups


def _judge(article, gold: Gold) -> pd.DataFrame:
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
    """The predicted mentions the gold file can judge (see the module docstring)."""
    optional, gold_spans = _spans(gold.optional_mentions), _spans(gold.mentions)
    keep = [
        (start, end) not in optional and (kind in gold.exhaustive_kinds or (start, end) in gold_spans)
        for start, end, kind in zip(mentions.start, mentions.end, mentions.kind, strict=True)
    ]
    return mentions[keep]


def _spans(frame: pd.DataFrame) -> set[tuple[int, int]]:
    return {(int(s), int(e)) for s, e in zip(frame.start, frame.end, strict=True)}


def _predicted_topics(article, gold: Gold) -> pd.DataFrame:
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


# --- reading and checking a gold file -------------------------------------------------------


def _read_json(path: Path) -> dict:
    if not path.is_file():
        raise GoldError(path, "does not exist", f"check the path; gold files live in {GOLD_DIR}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(path, f"is not valid UTF-8 JSON ({err})", "fix the syntax") from None
    if not isinstance(raw, dict):
        raise GoldError(path, "does not hold a JSON object", FORMAT_HINT)
    return raw


def _entries(raw: dict, key: str, fields: tuple[str, ...], text: str, path: Path) -> pd.DataFrame:
    """The list under ``key`` as a DataFrame, after checking each entry's span against ``text``."""
    entries = raw[key]
    if not isinstance(entries, list):
        raise GoldError(path, f"{key!r} is not a list", FORMAT_HINT)
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise GoldError(path, f"{where} is not an object", FORMAT_HINT)
        missing = [f for f in fields if f not in entry]
        if missing:
            raise GoldError(path, f"{where} has no {missing[0]!r}", f"give it {', '.join(fields)}")
        start, end = entry["start"], entry["end"]
        if not all(type(x) is int for x in (start, end)):
            raise GoldError(path, f"{where} has non-integer offsets {start!r}, {end!r}", "use integers")
        if start >= end:
            raise GoldError(
                path, f"{where} has an empty or reversed span [{start}, {end})", "fix the offsets"
            )
        if start < 0 or end > len(text):
            raise GoldError(
                path,
                f"{where} has offsets [{start}, {end}) outside the article (length {len(text)})",
                "recompute the offsets against the article text",
            )
        if text[start:end] != entry["text"]:
            raise GoldError(
                path,
                f"{where} text {entry['text']!r} is not the article's {text[start:end]!r} at [{start}, {end})",
                "recompute the offsets, or correct the text",
            )
    frame = pd.DataFrame(entries, columns=list(fields))
    return frame.astype({f: "int64" if f in ("start", "end") else "str" for f in fields})


def _mentions(raw: dict, key: str, text: str, path: Path) -> pd.DataFrame:
    frame = _entries(raw, key, MENTION_FIELDS, text, path)
    for column, allowed in (("kind", config.MENTION_KINDS), ("actor_type", config.ACTOR_TYPES)):
        bad = frame.index[~frame[column].isin(allowed)]
        if len(bad):
            value = frame[column][bad[0]]
            raise GoldError(
                path, f"{key}[{bad[0]}] has unknown {column} {value!r}", f"use one of {', '.join(allowed)}"
            )
    return frame


def _topics(entries, n_sentences: int, path: Path) -> pd.DataFrame:
    """The per-sentence topic lists as one row per (sentence, topic, required)."""
    if not isinstance(entries, list):
        raise GoldError(path, "'topics' is not a list", FORMAT_HINT)
    rows, seen = [], set()
    for i, entry in enumerate(entries):
        where = f"topics[{i}]"
        if not isinstance(entry, dict) or not {"sentence", "required", "optional"} <= entry.keys():
            raise GoldError(path, f"{where} is not an object with sentence, required, optional", FORMAT_HINT)
        sentence = entry["sentence"]
        if type(sentence) is not int or not 0 <= sentence < n_sentences or sentence in seen:
            raise GoldError(
                path,
                f"{where} names sentence {sentence!r}, not a new index below {n_sentences}",
                "give each 0-based sentence index at most once",
            )
        seen.add(sentence)
        for required in (True, False):
            labels = entry["required" if required else "optional"]
            for label in labels:
                if label not in _topic_labels():
                    raise GoldError(
                        path,
                        f"{where} has unknown topic label {label!r}",
                        f"use one of the lexicon's topics: {', '.join(_topic_labels())}",
                    )
                rows.append((sentence, label, required))
    frame = pd.DataFrame(rows, columns=["sentence", "topic", "required"])
    twice = frame[frame.duplicated(["sentence", "topic"])]
    if len(twice):
        raise GoldError(
            path,
            f"topic {twice.topic.iloc[0]!r} is listed twice for sentence {twice.sentence.iloc[0]}",
            "list it once, as required or as optional",
        )
    return frame.astype({"sentence": "int64", "topic": "str", "required": "bool"})


def _topic_labels() -> tuple[str, ...]:
    """The topic ids gold files may use: those of the project's lexicon, ``data/topics.csv``."""
    return tuple(load_lexicon().ids)


def _scope(scope, path: Path) -> tuple[str, ...]:
    kinds = scope.get("exhaustive_kinds") if isinstance(scope, dict) else None
    if not isinstance(kinds, list) or not set(kinds) <= set(config.MENTION_KINDS):
        raise GoldError(
            path,
            f"scope.exhaustive_kinds is {kinds!r}",
            f"list the kinds annotated in full, from {', '.join(config.MENTION_KINDS)}",
        )
    return tuple(kinds)


def evaluate_all(
    gold_dir: str | Path = GOLD_DIR, registry=None, lexicon=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and the errors behind them for every gold file in ``gold_dir``.

    Each article is parsed from the path its gold file names (relative to the project root);
    both frames gain a leading ``article`` column, the gold file's stem.
    """
    from analysis.article import parse_text

    paths = sorted(Path(gold_dir).glob("*.json"))
    if not paths:
        raise GoldError(
            gold_dir, "holds no gold files (*.json)", f"point at a folder of gold files, such as {GOLD_DIR}"
        )
    scores, misses = [], []
    for path in paths:
        gold = load_gold(path)
        article = parse_text(gold.text, registry=registry, lexicon=lexicon, path=gold.article)
        scores.append(evaluate(article, gold).assign(article=path.stem))
        misses.append(errors(article, gold).assign(article=path.stem))
    first = ["article"]
    scores_frame = pd.concat(scores, ignore_index=True)
    errors_frame = pd.concat(misses, ignore_index=True)
    return (
        scores_frame[first + [c for c in scores_frame.columns if c != "article"]],
        errors_frame[first + [c for c in errors_frame.columns if c != "article"]],
    )


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
