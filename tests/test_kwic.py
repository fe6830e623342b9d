"""Keyword in context: an actor's mentions or a phrase's occurrences, with their sentence's words around them."""

import pandas as pd
import pytest

import analysis
from analysis.concordance import COLUMNS
from analysis.config import DATA
from analysis.reading import read_article_text

TEXT = (
    "ASTANA. KAZINFORM Nasser Bourita met the Kazakh envoy. The Minister said Kazakhstan is a partner.\n\n"
    "He thanked the UN and UNESCO; the un-named Kazakhstani official and the Solar  power plant."
)


@pytest.fixture(scope="module")
def art():
    return analysis.parse_text(TEXT)


def frame(rows: list[tuple]) -> pd.DataFrame:
    columns = {name: [row[i] for row in rows] for i, name in enumerate(COLUMNS)}
    return pd.DataFrame({name: pd.array(columns[name], dtype=dtype) for name, dtype in COLUMNS.items()})


def test_an_actor_id_gives_all_its_mentions_by_any_kind(art):
    expected = frame(
        [
            ("<text>", 0, "", "Nasser Bourita", " met the Kaz", 18, 32),
            ("<text>", 1, "", "The Minister", " said Kazakh", 55, 67),
            ("<text>", 2, "", "He", " thanked the", 99, 101),
        ]
    )
    pd.testing.assert_frame_equal(analysis.kwic(art, "bourita", window=12), expected)


def test_a_countrys_id_includes_its_adjectives(art):
    assert analysis.kwic(art, "kazakhstan")["match"].tolist() == ["Kazakh", "Kazakhstan", "Kazakhstani"]


def test_a_word_matches_in_any_case_as_a_whole_word_only(art):
    expected = frame(
        [
            ("<text>", 2, " the ", "UN", " and ", 114, 116),
            ("<text>", 2, " the ", "un", "-name", 133, 135),  # a hyphen separates words; UNESCO is not UN
        ]
    )
    pd.testing.assert_frame_equal(analysis.kwic(art, "UN", window=5), expected)
    assert analysis.kwic(art, "Kazakhstan")["match"].tolist() == ["Kazakhstan"]


def test_an_actor_id_means_the_actor_never_the_word(art):
    assert "un" in art.registry.actors
    assert analysis.kwic(art, "un").to_dict("list") == analysis.kwic(art, "UN").iloc[:1].to_dict("list")
    assert analysis.kwic(art, "opec").empty  # an id of the registry, absent from the article


def test_a_phrase_matches_across_any_white_space(art):
    pd.testing.assert_frame_equal(
        analysis.kwic(art, "solar power", window=5),
        frame([("<text>", 2, " the ", "Solar  power", " plan", 171, 183)]),
    )


def test_only_sentences_are_searched_and_the_context_stops_at_their_edges(art):
    assert analysis.kwic(art, "ASTANA").empty  # the dateline is not a sentence
    row = analysis.kwic(art, "partner", window=200).iloc[0]
    assert (row["left"], row["right"]) == ("The Minister said Kazakhstan is a ", ".")
    assert analysis.kwic(art, "partner", window=0)[["left", "right"]].values.tolist() == [["", ""]]


def test_every_column_has_its_documented_dtype_even_when_nothing_matches(art):
    assert analysis.kwic(art, "no such words").dtypes.astype(str).to_dict() == COLUMNS
    assert analysis.kwic(art, "bourita").dtypes.astype(str).to_dict() == COLUMNS


def test_on_the_seed_every_row_indexes_the_text(seed):
    table = analysis.kwic(seed, "bourita")
    m = seed.mentions[seed.mentions["actor_id"] == "bourita"]
    assert table["match"].tolist() == m["text"].tolist() and len(table) == 7
    for row in table.itertuples():
        assert row.match == seed.text[row.start : row.end]
        assert row.left == seed.text[row.start - len(row.left) : row.start]
        assert row.right == seed.text[row.end : row.end + len(row.right)]
    assert set(table["article_id"]) == {seed.path}


def test_a_corpus_names_each_row_by_article_id_in_corpus_order():
    corpus = analysis.load_corpus(DATA / "corpus" / "*.txt")
    table = analysis.kwic(corpus, "kazakhstan")
    ids = corpus.articles["article_id"].tolist()
    assert list(dict.fromkeys(table["article_id"])) == [i for i in ids if i in set(table["article_id"])]
    assert len(table) == (corpus.mentions["actor_id"] == "kazakhstan").sum()
    texts = {a: read_article_text(p) for a, p in zip(ids, corpus.articles["path"], strict=True)}
    assert all(texts[r.article_id][r.start : r.end] == r.match for r in table.itertuples())
    words = analysis.kwic(corpus, "Central Asia")
    assert len(words) > 0 and set(words["match"].str.lower()) == {"central asia"}


def test_an_empty_query_or_negative_window_is_refused(art):
    with pytest.raises(ValueError, match="needs a query"):
        analysis.kwic(art, "  ")
    with pytest.raises(ValueError, match="window"):
        analysis.kwic(art, "UN", window=-1)
