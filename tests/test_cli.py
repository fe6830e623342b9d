"""The command line: one article in, its tables and figures out, or one clear line of error."""

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from analysis.cli import main
from analysis.config import REGISTRY_DIR, SEED_ARTICLE

TABLES = [
    "actor_counts",
    "actors",
    "candidates",
    "interactions",
    "mentions",
    "sentences",
    "statements",
    "topic_summary",
    "topics",
]
FIGURES = [
    "actor-cooccurrence",
    "actor-counts",
    "actor-strip",
    "actor-topics",
    "interaction-network",
    "topic-share",
    "topic-strip",
]


def test_writes_every_table_and_figure(tmp_path, capsys):
    assert main([str(SEED_ARTICLE), "--out", str(tmp_path), "--parquet"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == [f"{t}.csv" for t in TABLES]
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == [f"{t}.parquet" for t in TABLES]
    assert sorted(p.stem for p in (tmp_path / "figures").glob("*.svg")) == FIGURES
    assert "14 sentences" in capsys.readouterr().out
    mentions = pd.read_csv(tmp_path / "mentions.csv")
    assert len(mentions) == 63 and mentions.loc[0, "actor"] == "Akylbek Kamaldinov"
    assert sorted(p.name for p in tmp_path.glob("network.*")) == ["network.gexf", "network.graphml"]
    assert len(pd.read_csv(tmp_path / "interactions.csv")) == 12


@pytest.mark.slow
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
    # The envoy is not in this registry, so he is discovered, unregistered, and keeps his pronouns;
    # without "Minister of Foreign Affairs" among the minister's titles, "Minister" in sentence 1
    # stands alone instead of joining his name.
    assert counts.loc[counts["actor"] == "Nasser Bourita", ["name", "title", "pronoun"]].values.tolist() == [
        [3, 4, 1]
    ]
    assert counts.loc[counts["actor"] == "Akylbek Kamaldinov", "registered"].tolist() == [False]
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


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


def test_an_empty_out_is_refused(tmp_path, capsys, monkeypatch):
    """Issue 15.7: --out "" used to write silently into the current folder."""
    monkeypatch.chdir(tmp_path)
    assert main([str(SEED_ARTICLE), "--out", ""]) == 2
    assert one_error_line(capsys) == (
        "error: --out is empty. Fix: name the output folder, e.g. --out out/ (or --out . for here)."
    )
    assert list(tmp_path.iterdir()) == []


def test_a_too_long_article_path_blames_the_article_not_out(tmp_path, capsys):
    """Issue 15.7: the error used to say "choose a writable --out folder"."""
    article = tmp_path / ("a" * 300 + ".txt")
    assert main([str(article), "--out", str(tmp_path / "out")]) == 2
    assert one_error_line(capsys) == (
        f"error: {article}: cannot be read (File name too long). Fix: shorten the path or the file name."
    )


def test_a_fifo_article_is_refused_at_once(tmp_path, capsys):
    """Issue 15.1: reading a FIFO used to block forever."""
    article = tmp_path / "article.txt"
    os.mkfifo(article)
    assert main([str(article), "--out", str(tmp_path / "out")]) == 2
    assert one_error_line(capsys).startswith(f"error: {article}: is a FIFO (named pipe), not a regular file.")


def test_an_unclosed_quote_in_a_large_lexicon_is_one_line(tmp_path, capsys):
    """Issue 15.2: a raw _csv.Error traceback and exit 1 before."""
    lexicon = tmp_path / "topics.csv"
    rows = "".join(f"t{i},T {i},#0072B2,term{i},\n" for i in range(10_000))
    lexicon.write_text(f'topic,label,color,terms,actors\neconomy,"Economy,#E69F00,econom*,\n{rows}')
    assert main([str(SEED_ARTICLE), "--out", str(tmp_path / "out"), "--lexicon", str(lexicon)]) == 2
    assert one_error_line(capsys) == (
        f'error: {lexicon}: row 2: a quote (") opened in this row is never closed. '
        'Fix: close the quote; write a quote inside a quoted cell as "".'
    )


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_run_cleans_up_and_says_what_it_wrote(tmp_path, capsys, monkeypatch, signum, status):
    """Issue 15.8: SIGTERM left a hidden temporary file, SIGINT printed a traceback."""
    to_csv = pd.DataFrame.to_csv
    calls = []

    def third_write_is_interrupted(frame, path, **options):
        calls.append(path)
        to_csv(frame, path, **options)
        if len(calls) == 3:
            os.kill(os.getpid(), signum)  # arrives while the third table is still a temporary file
            time.sleep(5)

    monkeypatch.setattr(pd.DataFrame, "to_csv", third_write_is_interrupted)
    out = tmp_path / "out"
    assert main([str(SEED_ARTICLE), "--out", str(out)]) == status
    assert one_error_line(capsys) == (
        f"interrupted by {signal.Signals(signum).name}: wrote 2 file(s) into {out} (sentences.csv, mentions.csv);"
        " the rest were not written and no temporary file is left"
    )
    assert sorted(p.name for p in out.rglob("*")) == ["mentions.csv", "sentences.csv"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is put back


def test_sigterm_from_outside_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    run = subprocess.Popen(
        [sys.executable, "-m", "analysis", str(SEED_ARTICLE), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (out / "sentences.csv").exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 143, err
    assert err.startswith("interrupted by SIGTERM: wrote ") and len(err.strip().splitlines()) == 1
    assert [p.name for p in out.rglob(".*")] == []


def test_compiling_a_large_registry_is_announced(tmp_path, capsys, monkeypatch):
    """Issue 15.10: a 100,000-row registry takes seconds to compile; the user is told why."""
    monkeypatch.setattr("analysis.article.ANNOUNCE_FROM", 3)
    registry = tmp_path / "mine.csv"
    registry.write_text(
        "actor_id,name,type,country\nmorocco,Morocco,country,morocco\nbourita,Nasser Bourita,person,morocco\n"
    )
    assert (
        main(
            [
                str(SEED_ARTICLE),
                "--out",
                str(tmp_path / "out"),
                "--registry-only",
                str(registry),
                "--no-figures",
            ]
        )
        == 0
    )
    assert (
        "note: compiling the registry's 5 forms into patterns (once per registry)...\n"
        in capsys.readouterr().err
    )
