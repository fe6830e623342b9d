"""The public API and the schema of every DataFrame an article gives."""

import pandas as pd
import pandas.testing as pdt
from helpers import assert_offsets_exact

import analysis
from analysis.tables import ACTOR_TYPES, MENTION_KINDS


def test_the_seed_dateline_is_metadata(seed):
    assert (seed.dateline, seed.source) == ("ASTANA", "KAZINFORM")
    assert seed.text[slice(*seed.dateline_span)] == "ASTANA. KAZINFORM "
    assert seed.sentences.loc[0, "text"].startswith("Special Envoy of the President")


def test_sentences_schema(seed):
    assert list(seed.sentences.columns) == ["sentence_id", "paragraph_id", "start", "end", "text"]
    assert seed.sentences.dtypes.astype(str).tolist() == ["int64", "int64", "int64", "int64", "str"]


def test_the_seed_has_fourteen_sentences_in_six_paragraphs(seed):
    assert seed.sentences["sentence_id"].tolist() == list(range(14))
    assert seed.sentences["paragraph_id"].tolist() == [0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5]


def test_the_seed_sentences_open_as_written(seed):
    first_words = [t.split()[0] for t in seed.sentences["text"]]
    assert first_words == [
        "Special", "In", "A.Kamaldinov", "He", "A.Kamaldinov", "N.Bourita", "The",
        "In", "Kamaldinov", "In", "The", "The", "In", "He",
    ]  # fmt: skip


def test_mentions_schema(seed):
    assert list(seed.mentions.columns)[:9] == [
        "mention_id", "sentence_id", "start", "end", "text", "actor_id", "actor", "actor_type", "kind",
    ]  # fmt: skip
    dtypes = seed.mentions.dtypes
    assert list(dtypes["actor_type"].categories) == list(ACTOR_TYPES)
    assert list(dtypes["kind"].categories) == list(MENTION_KINDS)
    assert str(dtypes["actor"]) == "category" and str(dtypes["actor_id"]) == "category"
    assert seed.mentions["mention_id"].tolist() == list(range(len(seed.mentions)))


def test_every_offset_indexes_the_original_text(seed):
    for frame in (seed.sentences, seed.mentions, seed.candidates):
        assert_offsets_exact(seed.text, frame)
    assert_offsets_exact(seed.text, seed.topics, column="evidence")


def test_mentions_lie_in_the_sentence_they_name(seed):
    sentences = seed.sentences[["sentence_id", "start", "end"]]
    joined = seed.mentions.merge(sentences, on="sentence_id", suffixes=("", "_sentence"))
    assert (joined["start"] >= joined["start_sentence"]).all()
    assert (joined["end"] <= joined["end_sentence"]).all()


def test_counting_actors_is_a_one_liner(seed):
    one_liner = seed.mentions["actor"].value_counts()
    counts = analysis.actor_counts(seed).set_index("actor")["total"]
    assert one_liner.sort_index().to_dict() == counts.sort_index().to_dict()


def test_actor_counts_splits_by_kind_most_mentioned_first(seed):
    counts = analysis.actor_counts(seed)
    top = counts.head(3)[["actor", "name", "title", "pronoun", "adjective", "total"]]
    expected = pd.DataFrame(
        {
            "actor": ["Morocco", "Akylbek Kamaldinov", "Nasser Bourita"],
            "name": [8, 5, 3],
            "title": [0, 2, 3],
            "pronoun": [0, 2, 1],
            "adjective": [6, 0, 0],
            "total": [14, 9, 7],
        }
    )
    pdt.assert_frame_equal(top.reset_index(drop=True), expected)
    assert counts["total"].is_monotonic_decreasing


def test_the_seed_leaves_no_unregistered_names(seed):
    assert seed.candidates.empty
    assert list(seed.candidates.columns) == ["sentence_id", "start", "end", "text"]


def test_parse_text_and_load_article_agree(seed, seed_text):
    again = analysis.parse_text(seed_text)
    pdt.assert_frame_equal(again.mentions, seed.mentions)
    pdt.assert_frame_equal(again.topics, seed.topics)


def test_repr_names_the_counts(seed):
    assert repr(seed) == (
        f"<Article {seed.path}: 14 sentences, {len(seed.mentions)} mentions of "
        f"{seed.mentions['actor_id'].nunique()} actors>"
    )
