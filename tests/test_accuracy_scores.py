"""The parser's accuracy against the gold annotations may not fall below what it has reached.

The floors live in tests/data/accuracy_floors.csv (F1 per article and task, rounded down). When
one drops, the failure lists the misses and false alarms behind it. When the parser improves,
raise the floor in the same commit.
"""

import pandas as pd
import pytest

import analysis
from analysis.config import ROOT

FLOORS = pd.read_csv(ROOT / "tests" / "data" / "accuracy_floors.csv")


@pytest.fixture(scope="module")
def results():
    return analysis.evaluate_all()


def test_every_gold_article_has_floors(results):
    scores, _ = results
    assert set(FLOORS["article"]) == set(scores["article"])


@pytest.mark.parametrize(
    ("article", "task", "floor"),
    list(FLOORS.itertuples(index=False)),
    ids=[f"{a}-{t}" for a, t, _ in FLOORS.itertuples(index=False)],
)
def test_score_holds(results, article, task, floor):
    scores, errors = results
    row = scores[(scores["article"] == article) & (scores["task"] == task) & (scores["group"] == "all")].iloc[
        0
    ]
    if row.f1 < floor:
        kind = "mentions" if task.startswith("mentions") or task == "actor_counts" else task
        misses = errors[(errors["article"] == article) & (errors["task"] == kind)]
        listing = "\n".join(f"  {r.status}: {r.text!r} ({r.detail})" for r in misses.itertuples())
        pytest.fail(f"{article} {task}: F1 {row.f1:.3f} fell below {floor}\n{listing}")
