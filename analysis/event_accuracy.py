"""Scoring interactions and statements against gold files that annotate them.

Four tasks, each counted per article (``evaluate_events``), with the misses behind them
(``event_errors``):

- ``person_pairs``: the unordered pairs of people who dealt with each other (an interaction
  whose source and target are both people), as a set per article.
- ``speakers``: the people who made a statement, as a set per article.
- ``interactions``: rows by (gold sentence, type, source, target); ``statements``: rows by
  (gold sentence, speaker). A predicted row belongs to the gold sentence holding its verb.

Gold files name people with the annotators' slugs; a predicted actor whose name mentions overlap
a gold actor's name mentions is renamed to it (to the one sharing the most characters). Unlike
the mention scores this is many to one: a person the parser split in two ("Mevlüt Çavuşoğlu"
and the variant "Çavusoğlu") is still the one person who met Kerry. Countries and organisations
share the registry's ids. Only gold files with interactions or statements are scored.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.accuracy import SCORE_COLUMNS, _article_present, _prf
from analysis.gold import GOLD_DIR, Gold, load_gold

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.registry import Registry

EVENT_TASKS = ("person_pairs", "speakers", "interactions", "statements")
EVENT_ERROR_COLUMNS = ["task", "status", "item"]


def evaluate_events(article: Article, gold: Gold | str | Path) -> pd.DataFrame:
    """One row per task with tp, fp, fn, precision, recall and F1 (columns as ``evaluate``)."""
    judged = _judge(article, gold if isinstance(gold, Gold) else load_gold(gold))
    rows = []
    for task in EVENT_TASKS:
        status = judged[judged.task == task].status
        tp, fp, fn = (int((status == s).sum()) for s in ("hit", "false alarm", "miss"))
        rows.append({"task": task, "group": "all", "tp": tp, "fp": fp, "fn": fn, **_rates(tp, fp, fn)})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def event_errors(article: Article, gold: Gold | str | Path) -> pd.DataFrame:
    """The misses and false alarms behind ``evaluate_events``, one row each."""
    judged = _judge(article, gold if isinstance(gold, Gold) else load_gold(gold))
    return judged[judged.status != "hit"].reset_index(drop=True)


def evaluate_events_all(
    gold_dir: str | Path = GOLD_DIR / "shared" / "dev", registry: Registry | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and errors for every gold file in ``gold_dir`` that annotates events, with ``article``."""
    from analysis.article import parse_text

    scores, misses = [], []
    for path in sorted(Path(gold_dir).glob("*.json")):
        if not _article_present(path):
            continue
        gold = load_gold(path)
        if gold.interactions.empty and gold.statements.empty:
            continue
        article = parse_text(gold.text, registry=registry, path=gold.article)
        scores.append(evaluate_events(article, gold).assign(article=path.stem))
        misses.append(event_errors(article, gold).assign(article=path.stem))
    scores_frame = pd.concat(scores, ignore_index=True)
    errors_frame = pd.concat(misses, ignore_index=True)
    return (
        scores_frame[["article", *SCORE_COLUMNS]],
        errors_frame[["article", *EVENT_ERROR_COLUMNS]],
    )


def _rates(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision, recall, f1 = _prf(tp, fp, fn)
    return {"precision": precision, "recall": recall, "f1": f1}


def _aligned_ids(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, str]:
    """Each predicted actor id -> the gold id whose name mentions share most characters with its
    own; an actor named by titles only (an unnamed office holder) by its titles."""
    shared = _shared(predicted, gold, "name", set())
    shared.update(_shared(predicted, gold, "title", set(shared)))
    return {a: max(sorted(counts), key=counts.__getitem__) for a, counts in shared.items()}


def _shared(
    predicted: pd.DataFrame, gold: pd.DataFrame, kind: str, done: set[str]
) -> dict[str, dict[str, int]]:
    """Characters each predicted actor's mentions of ``kind`` share with each gold actor's
    mentions of that kind, for the actors not ``done``."""
    marked = gold[gold.kind == kind]
    spans = sorted(zip(marked.start, marked.end, marked.actor_id, strict=True))
    starts = [s for s, _, _ in spans]
    shared: dict[str, dict[str, int]] = {}
    for start, end, actor_id, own in zip(
        predicted.start, predicted.end, predicted.actor_id.astype(str), predicted.kind, strict=True
    ):
        if own != kind or actor_id in done:
            continue
        for g_start, g_end, g_id in spans[max(bisect.bisect_left(starts, start) - 8, 0) :]:
            if g_start >= end:
                break
            overlap = min(end, g_end) - max(start, g_start)
            if overlap > 0:
                shared.setdefault(actor_id, {})[g_id] = shared.get(actor_id, {}).get(g_id, 0) + overlap
    return shared


def _judge(article: Article, gold: Gold) -> pd.DataFrame:
    ids = _aligned_ids(article.mentions, gold.mentions)
    people_gold = (
        set(gold.people.actor_id)
        if len(gold.people)
        else set(gold.mentions.actor_id[gold.mentions.actor_type == "person"])
    )
    person_type = dict(
        zip(article.mentions.actor_id.astype(str), article.mentions.actor_type.astype(str), strict=True)
    )
    people_predicted = {ids.get(a, a) for a, t in person_type.items() if t == "person"}
    starts = list(gold.sentences.start)

    def rename(actor_id) -> str | None:
        return None if pd.isna(actor_id) else ids.get(str(actor_id), str(actor_id))

    def gold_sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    inter = article.interactions
    predicted_rows = {
        (gold_sentence(s), str(t), rename(a), rename(b))
        for s, t, a, b in zip(inter.start, inter.type, inter.source_id, inter.target_id, strict=True)
    }
    gold_rows = {
        (int(s), str(t), str(a), None if pd.isna(b) else str(b))
        for s, t, a, b in zip(
            gold.interactions.sentence,
            gold.interactions.type,
            gold.interactions.source_id,
            gold.interactions.target_id,
            strict=True,
        )
    }

    def pairs(rows, people):
        return {frozenset((a, b)) for _, _, a, b in rows if a in people and b in people and a != b}

    said = article.statements
    predicted_said = {
        (gold_sentence(s), rename(a)) for s, a in zip(said.verb_start, said.speaker_id, strict=True)
    }
    gold_said = {
        (int(s), str(a)) for s, a in zip(gold.statements.sentence, gold.statements.speaker_id, strict=True)
    }
    items = {
        "person_pairs": (pairs(predicted_rows, people_predicted), pairs(gold_rows, people_gold)),
        "speakers": (
            {a for _, a in predicted_said if a in people_predicted},
            {a for _, a in gold_said if a in people_gold},
        ),
        "interactions": (predicted_rows, gold_rows),
        "statements": (predicted_said, gold_said),
    }
    rows = []
    for task, (predicted, expected) in items.items():
        for item in sorted(predicted | expected, key=repr):
            status = (
                "hit"
                if item in predicted and item in expected
                else "false alarm"
                if item in predicted
                else "miss"
            )
            shown = " / ".join(sorted(item)) if isinstance(item, frozenset) else str(item)
            rows.append({"task": task, "status": status, "item": shown})
    return pd.DataFrame(rows, columns=EVENT_ERROR_COLUMNS)
