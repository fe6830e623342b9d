"""Accuracy reports for gold folders (analysis.report): pooled tables on two tiny judged articles,
folders that cannot be scored, and agreement with ``evaluate`` on the repository's gold."""

import json
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis import plots
from analysis.accuracy import pooled
from analysis.gold import load_gold
from analysis.report import (
    GOLD_SETS,
    absent_reason,
    availability,
    build_report,
    by_set,
    event_scores,
    gold_reports,
    people_scores,
    report_misses,
    report_of,
    set_summary,
    topic_scores,
)

TEXT = "Ann Lee met the King. She praised Moroccan trade.\n\nThe OIC met in Astana."
SENTENCES = ["Ann Lee met the King.", "She praised Moroccan trade.", "The OIC met in Astana."]
GOLD_MENTIONS = [
    ("Ann Lee", "lee", "person", "name"),
    ("the King", "king", "person", "title"),
    ("She", "lee", "person", "pronoun"),
    ("Moroccan", "morocco", "country", "adjective"),
    ("OIC", "oic", "organization", "name"),
]
# Article "a": "the King" missed, "King" taken for a name, "She" given to the king, the
# economy topic missed, UN tagged on the OIC sentence, the meeting missed.
WRONG = {
    "mentions": [
        ("Ann Lee", "lee", "person", "name"),
        ("King", "king", "person", "name"),
        ("She", "king", "person", "pronoun"),
        ("Moroccan", "morocco", "country", "adjective"),
        ("OIC", "oic", "organization", "name"),
    ],
    "topics": [(0, "diplomacy", "met"), (2, "oic", "OIC"), (2, "un", "OIC")],
    "interactions": [],
}
RIGHT = {
    "mentions": GOLD_MENTIONS,
    "topics": [(0, "diplomacy", "met"), (1, "economy", "trade"), (2, "oic", "OIC")],
    "interactions": [("met", "meet", "lee", "king")],
}


def span(surface):
    start = TEXT.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


def gold_file(folder, name="gold", article=None):
    """A gold file for TEXT with people, one meeting and one statement; returns its path."""
    folder.mkdir(exist_ok=True)
    if article is None:
        article = folder / "article.txt"
        article.write_text(TEXT, encoding="utf-8")
    mentions = [{**span(s), "actor_id": a, "actor_type": t, "kind": k} for s, a, t, k in GOLD_MENTIONS]
    raw = {
        "article": str(article),
        "blind": name == "b",
        "sentences": [span(s) for s in SENTENCES],
        "mentions": mentions,
        "optional_mentions": [],
        "topics": [
            {"sentence": 0, "required": ["diplomacy"], "optional": []},
            {"sentence": 1, "required": ["economy"], "optional": []},
            {"sentence": 2, "required": ["oic"], "optional": []},
        ],
        "scope": {"exhaustive_kinds": ["adjective", "name", "pronoun", "title"], "note": "test"},
        "people": [{"actor_id": "lee"}, {"actor_id": "king"}],
        "interactions": [
            {
                "sentence": 0,
                **span("met"),
                "type": "meet",
                "source_id": "lee",
                "target_id": "king",
                "mode": "happened",
            }
        ],
        "statements": [{"sentence": 1, **span("praised"), "speaker_id": "lee", "direct": False}],
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def parsed(prediction):
    """A parsed-article stand-in with the package's column layout."""
    sentences = pd.DataFrame([{"sentence_id": i, **span(s)} for i, s in enumerate(SENTENCES)])
    mentions = pd.DataFrame(
        [{**span(s), "actor_id": a, "actor_type": t, "kind": k} for s, a, t, k in prediction["mentions"]]
    )
    topics = pd.DataFrame(
        [
            {"sentence_id": i, "topic": t, "start": TEXT.index(w, sentences.start[i])}
            for i, t, w in prediction["topics"]
        ]
    )
    interactions = pd.DataFrame(
        [
            {"start": span(w)["start"], "type": t, "source_id": a, "target_id": b}
            for w, t, a, b in prediction["interactions"]
        ],
        columns=["start", "type", "source_id", "target_id"],
    )
    statements = pd.DataFrame({"verb_start": [span("praised")["start"]], "speaker_id": ["lee"]})
    return SimpleNamespace(
        text=TEXT,
        sentences=sentences,
        mentions=mentions,
        topics=topics,
        interactions=interactions,
        statements=statements,
    )


@pytest.fixture
def report(tmp_path):
    gold = load_gold(gold_file(tmp_path / "gold"))
    return report_of([("a", parsed(WRONG), gold), ("b", parsed(RIGHT), gold)])


def rates(key, rows):
    frame = pd.DataFrame(rows, columns=[key, "tp", "fp", "fn", "precision", "recall", "f1"])
    return frame.astype(
        {key: "str", "tp": "int64", "fp": "int64", "fn": "int64"}
        | dict.fromkeys(["precision", "recall", "f1"], "float64")
    )


def test_people_are_person_mentions_by_kind_pooled_over_articles(report):
    assert_frame_equal(
        people_scores(report).round(3),
        rates(
            "kind",
            [
                ("name", 2, 1, 0, 0.667, 1.0, 0.8),
                ("title", 1, 0, 1, 1.0, 0.5, 0.667),
                ("pronoun", 1, 1, 1, 0.5, 0.5, 0.5),
                ("all", 4, 2, 2, 0.667, 0.667, 0.667),
            ],
        ),
    )


def test_topics_per_topic_pooled_and_unmeasured_topics_are_nan(report):
    nan = np.nan
    assert_frame_equal(
        topic_scores(report).round(3),
        rates(
            "topic",
            [
                ("economy", 1, 0, 1, 1.0, 0.5, 0.667),
                ("energy", 0, 0, 0, nan, nan, nan),
                ("oic", 2, 0, 0, 1.0, 1.0, 1.0),
                ("un", 0, 1, 0, 0.0, 0.0, 0.0),
                ("diplomacy", 2, 0, 0, 1.0, 1.0, 1.0),
                ("science", 0, 0, 0, nan, nan, nan),
                ("culture", 0, 0, 0, nan, nan, nan),
                ("security", 0, 0, 0, nan, nan, nan),
                ("media", 0, 0, 0, nan, nan, nan),
                ("all", 5, 1, 1, 0.833, 0.833, 0.833),
            ],
        ),
    )


def test_events_pooled_per_task(report):
    assert_frame_equal(
        event_scores(report).round(3),
        rates(
            "task",
            [
                ("person_pairs", 1, 0, 1, 1.0, 0.5, 0.667),
                ("speakers", 2, 0, 0, 1.0, 1.0, 1.0),
                ("interactions", 1, 0, 1, 1.0, 0.5, 0.667),
                ("statements", 2, 0, 0, 1.0, 1.0, 1.0),
            ],
        ),
    )


def test_every_miss_and_false_alarm_with_article_and_text(report):
    expected = pd.DataFrame(
        [
            ("a", "people", "miss", 12, 20, "the King", "king/title"),
            ("a", "people", "false_alarm", 16, 20, "King", "king/name"),
            ("a", "people", "false_alarm", 22, 25, "She", "king/pronoun"),
            ("a", "people", "miss", 22, 25, "She", "lee/pronoun"),
            ("a", "topics", "miss", 22, 49, "She praised Moroccan trade.", "economy"),
            ("a", "topics", "false_alarm", 51, 73, "The OIC met in Astana.", "un"),
            ("a", "interactions", "miss", None, None, "", "(0, 'meet', 'lee', 'king')"),
            ("a", "person_pairs", "miss", None, None, "", "king / lee"),
        ],
        columns=["article", "task", "status", "start", "end", "text", "detail"],
    ).astype({"start": "Int64", "end": "Int64"})
    assert_frame_equal(report_misses(report), expected)


def test_sets_side_by_side(report):
    summary = set_summary({"dev": report})
    assert summary[["set", "measure", "tp", "fp", "fn"]].values.tolist() == [
        ["dev", "people", 4, 2, 2],
        ["dev", "people: name", 2, 1, 0],
        ["dev", "people: title", 1, 0, 1],
        ["dev", "people: pronoun", 1, 1, 1],
        ["dev", "topics", 5, 1, 1],
        ["dev", "person pairs", 1, 0, 1],
        ["dev", "speakers", 2, 0, 0],
    ]
    assert list(by_set({"dev": report, "blind": report}, people_scores)["set"]) == ["dev"] * 4 + ["blind"] * 4


def test_the_chart_of_the_sets_writes_its_files(report, tmp_path):
    fig = plots.gold_set_bars(set_summary({"dev": report}), save=tmp_path / "sets")
    assert fig._suptitle.get_text().startswith("People F1 0.67 on dev; topics F1 0.83 on dev.")
    assert sorted(p.name for p in tmp_path.glob("sets.*")) == ["sets.csv", "sets.png", "sets.svg"]


def test_a_folder_whose_articles_are_absent_is_left_out_with_its_reason(tmp_path):
    gold_file(tmp_path / "here", "b")
    gold_file(tmp_path / "gone", article="../shared/corpus/nowhere/absent.txt")
    folders = {"here": tmp_path / "here", "gone": tmp_path / "gone", "empty": tmp_path / "empty"}
    reason = "its articles in ../shared/corpus are absent (research-only texts, not redistributed)"
    assert absent_reason(folders["gone"]) == reason
    assert absent_reason(folders["empty"]) == "holds no gold files (*.json)"
    reports = gold_reports(folders)
    assert list(reports) == ["here"]
    assert availability(folders, reports).splitlines() == [
        "here: 1 gold file scored, 1 of them annotated blind",
        f"gone: not scored, {folders['gone']}: {reason}",
        f"empty: not scored, {folders['empty']}: holds no gold files (*.json)",
    ]
    with pytest.raises(FileNotFoundError, match="research-only"):
        build_report(folders["gone"])


def test_on_the_repository_gold_the_tables_agree_with_evaluate():
    report = build_report(GOLD_SETS["repo"])
    mentions = pooled(report.scores, "mentions")
    people = people_scores(report).set_index("kind")
    assert (
        people.loc["all", ["tp", "fp", "fn"]].tolist()
        == mentions.loc["type:person", ["tp", "fp", "fn"]].tolist()
    )
    topics = pooled(report.scores, "topics")
    assert topic_scores(report)[["tp", "fp", "fn"]].values.tolist() == (
        topics.loc[
            [f"topic:{t}" for t in topic_scores(report)["topic"][:-1]] + ["all"], ["tp", "fp", "fn"]
        ].values.tolist()
    )
    misses = report_misses(report)
    assert len(misses[misses["task"] == "people"]) == people.loc["all", "fp"] + people.loc["all", "fn"]
    assert report.blind == ()
