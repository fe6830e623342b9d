"""Findings say measured facts: the wording follows the numbers, on the seed and elsewhere."""

import pandas as pd
import pytest

import analysis
from analysis import findings

LABELS = {"diplomacy": "Diplomacy", "security": "Security", "energy": "Energy"}


def matrix(n: int, **sentences) -> pd.DataFrame:
    """A sentence x topic matrix of ``n`` sentences with each topic in the given 0-based sentences."""
    return pd.DataFrame({t: [i in sentences.get(t, ()) for i in range(n)] for t in LABELS})


def test_the_seed_topics():
    seed = analysis.load_article(analysis.config.SEED_ARTICLE)
    assert findings.topics(seed).splitlines()[:3] == [
        "Diplomacy & politics runs through the article, in 13 of 14 sentences; next, OIC in 5; "
        "OIC keeps to sentences 4–8.",
        "Diplomacy & politics: 13 of 14 sentences (93%), from sentence 1 to 14.",
        "OIC: 5 of 14 sentences (36%), all within sentences 4–8.",
    ]


def test_the_seed_actors_and_ties():
    seed = analysis.load_article(analysis.config.SEED_ARTICLE)
    assert findings.actors(seed).splitlines()[:2] == [
        "Morocco is mentioned most (14 times, in 13 of 14 sentences), then Akylbek Kamaldinov (9).",
        "Morocco: 14 mentions (8 by name, 6 by adjective).",
    ]
    assert findings.actor_topic_ties(seed) == (
        "Beyond Diplomacy & politics, which runs through the article, Morocco is tied most to OIC (5 sentences)"
    )


def test_a_topic_in_half_the_sentences_or_fewer_does_not_run_through_the_article():
    spread = findings.topic_spread(matrix(13, diplomacy=[0, 9], security=[3]), LABELS)
    assert spread == "Diplomacy is the most frequent topic, in 2 of 13 sentences; next, Security in 1"
    assert findings.topic_spread(matrix(4, diplomacy=[0, 1, 3]), LABELS).startswith(
        "Diplomacy runs through the article, in 3 of 4 sentences"
    )


def test_a_topic_clusters_only_where_it_fills_a_short_stretch():
    # Security in sentences 1-3 of 13 clusters; diplomacy, in 8 sentences, leads.
    spread = findings.topic_spread(
        matrix(13, diplomacy=[0, 2, 4, 5, 7, 9, 11, 12], security=[0, 1, 2]), LABELS
    )
    assert spread == (
        "Diplomacy runs through the article, in 8 of 13 sentences; next, Security in 3; "
        "Security keeps to sentences 1–3"
    )
    assert findings.cluster([0, 12], 13) is None  # first and last: no stretch
    assert findings.cluster([0, 5], 13) is None  # 2 sentences in a stretch of 6: too thin
    assert findings.cluster([4], 13) is None  # one sentence is not a cluster


def test_tied_topics_are_both_named():
    assert findings.topic_spread(matrix(13, diplomacy=[0, 8], security=[2, 11]), LABELS) == (
        "Diplomacy and Security are the most frequent topics, in 2 of 13 sentences each"
    )


def test_a_tie_of_one_sentence_is_said_as_only_once():
    table = pd.DataFrame(
        {"diplomacy": [2, 1], "energy": [1, 0], "security": [0, 0]}, index=["Abdullah", "Bush"]
    )
    assert findings.actor_topic_tie(table, LABELS, frame=["diplomacy"]) == (
        "Beyond Diplomacy, which runs through the article, no actor shares more than one sentence with a "
        "topic (Abdullah meets Energy only once)"
    )
    table.loc["Abdullah", "energy"] = 2
    assert findings.actor_topic_tie(table, LABELS, frame=["diplomacy"]) == (
        "Beyond Diplomacy, which runs through the article, Abdullah is tied most to Energy (2 sentences)"
    )


def test_the_most_mentioned_actors_tie_when_their_counts_do():
    counts = pd.DataFrame(
        {"actor": ["Morocco", "United States", "Mohammed VI"], "total": [3, 3, 2], "sentences": [2, 3, 2]}
    )
    assert (
        findings.actor_lead(counts)
        == "Morocco and United States are mentioned most (3 times each), then Mohammed VI (2)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HEADLINE IN CAPITALS\n\nRain fell all night.\n\n###",
            [
                "The parser finds 1 sentence in 1 paragraph.",
                "Set aside as metadata, in no sentence: the headline (“HEADLINE IN CAPITALS”), the sign-off (“###”).",
                "It finds 0 mentions of 0 actors (0 by name, 0 by title, 0 by pronoun, 0 by adjective).",
                "Every capitalised name is covered by a registered actor.",
            ],
        ),
    ],
)
def test_what_the_parser_made_of_an_article(text, expected):
    assert findings.article(analysis.parse_text(text)).splitlines() == expected


def test_an_article_without_topics_says_so():
    art = analysis.parse_text("Rain fell all night. It stopped at dawn.")
    assert findings.topics(art).splitlines()[0] == "No sentence of the 2 sentences carries a topic."
