"""The command line: one article in, its tables and figures out, or one clear line of error."""

import pandas as pd
import pytest

from analysis.cli import main
from analysis.config import REGISTRY_DIR, SEED_ARTICLE

TABLES = ["actor_counts", "candidates", "mentions", "sentences", "topic_summary", "topics"]
FIGURES = ["actor-cooccurrence", "actor-counts", "actor-strip", "actor-topics", "topic-share", "topic-strip"]


def test_writes_every_table_and_figure(tmp_path, capsys):
    assert main([str(SEED_ARTICLE), "--out", str(tmp_path), "--parquet"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == [f"{t}.csv" for t in TABLES]
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == [f"{t}.parquet" for t in TABLES]
    assert sorted(p.stem for p in (tmp_path / "figures").glob("*.svg")) == FIGURES
    assert "14 sentences" in capsys.readouterr().out
    mentions = pd.read_csv(tmp_path / "mentions.csv")
    assert len(mentions) == 63 and mentions.loc[0, "actor"] == "Akylbek Kamaldinov"


def test_the_figures_match_those_the_notebooks_wrote(tmp_path):
    from analysis.config import FIGURES as COMMITTED

    main([str(SEED_ARTICLE), "--out", str(tmp_path)])
    for name in FIGURES:
        for suffix in (".svg", ".png", ".csv"):
            assert (tmp_path / "figures" / f"{name}{suffix}").read_bytes() == (
                COMMITTED / f"{name}{suffix}"
            ).read_bytes()


def test_a_bad_path_is_one_line_and_exit_2(tmp_path, capsys):
    assert main([str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "does not exist" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_malformed_registry_is_reported_by_file_and_row(tmp_path, capsys):
    registry = tmp_path / "mine.csv"
    registry.write_text("actor_id,name,type\nx,X,nation\n", encoding="utf-8")
    assert main([str(SEED_ARTICLE), "--out", str(tmp_path / "out"), "--registry", str(registry)]) == 2
    assert f"{registry}: row 2: type 'nation'" in capsys.readouterr().err


def test_a_users_registry_and_lexicon(tmp_path, capsys):
    registry = tmp_path / "mine.csv"
    registry.write_text(
        "actor_id,name,type,country,aliases,titles,pronoun\n"
        "bourita,Nasser Bourita,person,morocco,,Minister|FM,he\n",
        encoding="utf-8",
    )
    lexicon = tmp_path / "topics.csv"
    lexicon.write_text("topic,label,color,terms,actors\nsummit,Summit,#CC79A7,summit,\n", encoding="utf-8")
    out = tmp_path / "out"
    countries = REGISTRY_DIR / "countries.csv"
    arguments = [
        "--registry-only",
        str(countries),
        "--registry-only",
        str(registry),
        "--lexicon",
        str(lexicon),
    ]
    assert main([str(SEED_ARTICLE), "--out", str(out), *arguments]) == 0
    counts = pd.read_csv(out / "actor_counts.csv")
    # Only registered people can be antecedents: without the envoy, "He" in sentences 3 and 13 and
    # "his" in sentence 4 resolve to the minister, and without "Minister of Foreign Affairs" among his
    # titles, "Minister" in sentence 1 stands alone instead of joining his name.
    assert counts.loc[counts["actor"] == "Nasser Bourita", ["name", "title", "pronoun"]].values.tolist() == [
        [3, 4, 4]
    ]
    assert "Akylbek Kamaldinov" not in set(counts["actor"])
    assert set(pd.read_csv(out / "topics.csv")["topic"]) == {"summit"}


def test_registry_adds_to_the_default_actors(tmp_path):
    registry = tmp_path / "mine.csv"
    registry.write_text(
        "actor_id,name,type,country,aliases,titles,pronoun\nfahd,King Fahd,person,saudi-arabia,,King,he\n",
        encoding="utf-8",
    )
    article = tmp_path / "wire.txt"
    article.write_text("King Fahd met the King of Morocco in Rabat.\n", encoding="utf-8")
    assert (
        main([str(article), "--out", str(tmp_path / "out"), "--registry", str(registry), "--no-figures"]) == 0
    )
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv")
    assert {"fahd", "morocco"} <= set(mentions["actor_id"])


def test_help_explains_every_option(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for option in (
        "--out", "--registry", "--registry-only", "--lexicon", "--encoding", "--min-mentions", "--parquet",
        "--no-figures",
    ):  # fmt: skip
        assert option in text


def test_an_article_without_actors_or_topics_still_gets_every_file(tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Rain fell in the valley all night long.\n", encoding="utf-8")
    assert main([str(article), "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.stem for p in (tmp_path / "out" / "figures").glob("*.svg")) == FIGURES
