"""Many articles: the same tables with an article_id, identical whichever engine parses them."""

import os

import pandas as pd
import pandas.testing as pdt
import pytest
from helpers import shared_path

import analysis
from analysis.config import DATA
from analysis.corpus import corpus_to_parquet, load_corpus
from analysis.summaries import actor_frequency, topic_share

WHITE_HOUSE = str(DATA / "corpus" / "wh-*.txt")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(WHITE_HOUSE)


def test_each_article_parses_as_it_would_alone(corpus):
    assert len(corpus.articles) == 6 and corpus.errors.empty
    first = corpus.articles.iloc[0]
    alone = analysis.load_article(first["path"])
    mine = corpus.mentions[corpus.mentions["article_id"] == first["article_id"]].drop(columns="article_id")
    expected = alone.mentions.astype({"actor_id": "str", "actor": "str"})
    pdt.assert_frame_equal(mine.reset_index(drop=True), expected)


def test_interactions_and_statements_carry_the_article_id(corpus):
    first = corpus.articles.iloc[0]
    alone = analysis.load_article(first["path"])
    for name in ("interactions", "statements"):
        table = getattr(corpus, name)
        mine = table[table["article_id"] == first["article_id"]].drop(columns="article_id")
        columns = [c for c in mine.columns if str(mine[c].dtype) == "str"]
        expected = getattr(alone, name).astype({c: "str" for c in columns})
        pdt.assert_frame_equal(mine.reset_index(drop=True), expected)


def test_corpus_summaries(corpus):
    frequency = actor_frequency(corpus)
    assert frequency.loc[0, "actor"] == "United States" and frequency.loc[0, "articles"] == 6
    share = topic_share(corpus)
    assert share.shape == (6, len(corpus.topic_ids))
    assert ((share >= 0) & (share <= 1)).all().all()


@pytest.mark.slow
def test_dask_gives_the_same_tables(corpus):
    on_dask = load_corpus(WHITE_HOUSE, engine="dask")
    for name in ("sentences", "mentions", "candidates", "topics", "interactions", "statements"):
        pdt.assert_frame_equal(getattr(on_dask, name), getattr(corpus, name))


@pytest.mark.slow
def test_a_distributed_cluster_on_loopback_gives_the_same_tables(corpus):
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        remote = load_corpus(WHITE_HOUSE, engine="dask", scheduler=cluster.scheduler_address)
    pdt.assert_frame_equal(remote.mentions, corpus.mentions)


def test_partitioned_parquet_holds_every_row(tmp_path, corpus):
    written = corpus_to_parquet(WHITE_HOUSE, tmp_path)
    mentions = pd.read_parquet(written["mentions"])
    assert len(mentions) == len(corpus.mentions)
    assert sorted(mentions["article_id"].unique()) == sorted(corpus.articles["article_id"])
    assert pd.read_parquet(written["errors"]).empty


def test_a_malformed_registry_fails_before_any_article(tmp_path):
    registry = tmp_path / "bad.csv"
    registry.write_text("actor_id,name,type\nx,X,nation\n", encoding="utf-8")
    with pytest.raises(analysis.RegistryError, match="row 2: type 'nation'"):
        load_corpus(WHITE_HOUSE, registry_paths=str(registry))


def test_a_bad_file_is_skipped_and_listed(tmp_path):
    (tmp_path / "good.txt").write_text("Nasser Bourita met Akylbek Kamaldinov.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    with pytest.warns(UserWarning, match="skipped 1 of 2 articles"):
        corpus = load_corpus(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["good"]
    assert (
        corpus.errors["article_id"].tolist() == ["bad"]
        and "not valid utf-8" in corpus.errors.loc[0, "problem"]
    )
    with pytest.raises(analysis.ArticleError):
        load_corpus(tmp_path, on_error="raise")


def test_a_glob_that_matches_nothing_is_an_error(tmp_path):
    with pytest.raises(analysis.ArticleError, match="matches no article files"):
        load_corpus(str(tmp_path / "*.txt"))


@pytest.mark.slow
def test_the_bbc_corpus_parses_but_for_its_one_latin1_file():
    bbc = shared_path("corpus", "bbc")
    with pytest.warns(UserWarning, match="skipped 1 of 2225"):
        corpus = load_corpus(str(bbc / "*" / "*.txt"), progress=False)
    assert corpus.errors["article_id"].tolist() == ["sport/199"]
    assert len(corpus.articles) == 2224


def test_the_same_file_twice_is_refused(tmp_path):
    """Issue 15.11: it gave two articles with one article_id."""
    article = tmp_path / "a.txt"
    article.write_text("Nasser Bourita met Akylbek Kamaldinov.", encoding="utf-8")
    with pytest.raises(analysis.ArticleError) as caught:
        load_corpus([article, tmp_path / "." / "sub" / ".." / "a.txt"])
    assert str(caught.value) == (
        f"{tmp_path / 'sub' / '..' / 'a.txt'}: is the same file as {article}, given twice. Fix: pass each article once."
    )


def test_two_files_that_would_share_an_id_are_refused(tmp_path):
    for name in ("a.txt", "a.md"):
        (tmp_path / name).write_text("Nasser Bourita met Akylbek Kamaldinov.", encoding="utf-8")
    with pytest.raises(analysis.ArticleError, match="would have the same article_id 'a' as"):
        load_corpus([tmp_path / "a.txt", tmp_path / "a.md"])


def test_a_fifo_in_a_corpus_is_skipped_without_blocking(tmp_path):
    """Issue 15.1: load_corpus blocked forever on a FIFO."""
    (tmp_path / "good.txt").write_text("Nasser Bourita met Akylbek Kamaldinov.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.warns(UserWarning, match="skipped 1 of 2 articles"):
        corpus = load_corpus(tmp_path)
    assert corpus.errors["problem"].tolist() == [
        f"{tmp_path / 'pipe.txt'}: is a FIFO (named pipe), not a regular file. "
        "Fix: save the article to a regular file and pass that."
    ]


def test_a_registry_with_an_unclosed_quote_fails_with_its_own_error(tmp_path):
    """Issue 15.2: a raw _csv.Error before."""
    registry = tmp_path / "bad.csv"
    registry.write_text('actor_id,name,type\nx,"X,place\n' + "y,Y,place\n" * 20_000, encoding="utf-8")
    with pytest.raises(
        analysis.RegistryError, match=r"row 2: a quote \(\"\) opened in this row is never closed"
    ):
        load_corpus(WHITE_HOUSE, registry_paths=str(registry))
