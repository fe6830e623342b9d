"""The committed notebooks: executed in order without errors, thin, parameterised, and the
source of every file in figures/ (re-running them reproduces figures/ byte for byte) but the
annotated page article.html, which make figures writes directly (tests/test_render.py)."""

import filecmp
import json
import re
import shutil

import papermill
import pytest

import analysis
from analysis import report
from analysis.config import FIGURES, NOTEBOOKS, ROOT, SEED_ARTICLE
from analysis.notebooks import notebook_paths

NOTEBOOK_PATHS = notebook_paths(NOTEBOOKS)
NAMES = [p.name for p in NOTEBOOK_PATHS]


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_the_four_analysis_notebooks_are_there():
    assert NAMES[:4] == [
        "01-article.ipynb",
        "02-topics.ipynb",
        "03-actors.ipynb",
        "04-actors-and-topics.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=NAMES)
def test_committed_notebook_ran_in_order_from_a_fresh_kernel(path):
    code = [c for c in cells(path) if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=NAMES)
def test_notebook_is_thin_and_parameterised(path):
    all_cells = cells(path)
    assert all_cells[0]["cell_type"] == "markdown" and "**Question:**" in "".join(all_cells[0]["source"])
    assert all_cells[-1]["cell_type"] == "markdown"
    code = [c for c in all_cells if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", [])
    for cell in code:
        source = "".join(cell["source"])
        assert "def " not in source and "class " not in source, "logic belongs in analysis/"
        assert len(source.splitlines()) <= 6


@pytest.mark.slow
def test_rerunning_the_notebooks_reproduces_figures_byte_for_byte(tmp_path):
    for path in NOTEBOOK_PATHS:
        papermill.execute_notebook(
            str(path),
            str(tmp_path / path.name),
            parameters={"figures": str(tmp_path / "figures")},
            kernel_name="analysis",
            cwd=str(NOTEBOOKS),
            progress_bar=False,
        )
    produced = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert produced == sorted(p.name for p in FIGURES.iterdir() if p.name != "article.html")
    compared = produced
    if report.research_sets_absent():
        # the committed set chart scores the research-only sets of ../shared, absent here
        compared = [name for name in produced if not name.startswith("accuracy-sets.")]
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "figures", FIGURES, compared, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.mark.slow
def test_a_notebook_runs_on_another_article_by_parameter(tmp_path):
    other = ROOT / "data" / "corpus" / "wh-2023-01-readout-sullivan-kazykhan-kazakhstan.txt"
    out = tmp_path / "03-actors.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / "03-actors.ipynb"),
        str(out),
        parameters={"article": str(other), "figures": str(tmp_path / "figures")},
        kernel_name="analysis",
        cwd=str(NOTEBOOKS),
        progress_bar=False,
    )
    shown = out.read_text(encoding="utf-8")
    assert "wh-2023-01-readout-sullivan-kazykhan-kazakhstan.txt: 4 sentences" in shown
    assert (tmp_path / "figures" / "actor-counts.svg").is_file()


@pytest.mark.slow
def test_a_failing_cell_stops_the_build_naming_notebook_and_error(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from analysis.notebooks import NotebookFailed, execute_notebook

    path = tmp_path / "01-broken.ipynb"
    nb = new_notebook(
        cells=[new_code_cell("1 / 0")],
        metadata={"kernelspec": {"name": "analysis", "display_name": "analysis", "language": "python"}},
    )
    nbformat.write(nb, path)
    before = path.read_bytes()
    with pytest.raises(NotebookFailed) as failed:
        execute_notebook(path)
    assert str(path) in str(failed.value) and "ZeroDivisionError" in str(failed.value)
    assert path.read_bytes() == before


# Run on another article, a notebook says only what that article has.

OTHER_ARTICLE = ROOT / "data" / "corpus" / "wh-2023-09-readout-biden-c5plus1-unga.txt"
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]*\w)")


def executed(name, tmp_path, **parameters):
    out = tmp_path / name
    papermill.execute_notebook(
        str(NOTEBOOKS / name),
        str(out),
        parameters={"figures": str(tmp_path / "figures"), **parameters},
        kernel_name="analysis",
        cwd=str(NOTEBOOKS),
        progress_bar=False,
    )
    return json.loads(out.read_text(encoding="utf-8"))["cells"]


def statements(notebook_cells) -> list[str]:
    """The sentences a reader is told: markdown prose (not headings or code) and printed output."""
    texts = []
    for cell in notebook_cells:
        if cell["cell_type"] == "markdown":
            prose = [line for line in "".join(cell["source"]).splitlines() if not line.startswith("#")]
            texts.append(re.sub(r"`[^`]*`", " ", "\n".join(prose)))
        else:
            streams = ["".join(o["text"]) for o in cell.get("outputs", []) if o["output_type"] == "stream"]
            texts += [re.sub(r"\S*/\S*", " ", text) for text in streams]  # file paths name no fact
    return [s for text in texts for s in re.split(r"(?<=[.!?:])\s+|\n", text) if s.strip()]


def numbers_of(art) -> set[str]:
    """Every number a finding about ``art`` may state: counts, positions (0- and 1-based), shares."""
    counts = analysis.actor_counts(art)
    summary = analysis.topic_summary(art)
    n = len(art.sentences)
    values = {0, 1, n, len(art.mentions), art.mentions["actor_id"].nunique(), len(art.candidates)}
    values |= {
        art.sentences["paragraph_id"].nunique(),
        int(art.mentions["kind"].isin(["title", "pronoun"]).sum()),
    }
    values |= set(art.mentions["kind"].value_counts().tolist()) | {int((counts["total"] == 1).sum())}
    values |= {int(v) for column in counts.select_dtypes("number") for v in counts[column]}
    values |= {int(v) for v in counts["total"].cumsum()} | {
        int(v) for v in (counts["total"] - counts["name"]).cumsum()
    }
    values |= {i + k for i in art.sentences["sentence_id"] for k in (0, 1)}
    values |= {int(v) for v in summary["sentences"]} | {round(100 * s) for s in summary["share"]}
    values |= {int(v) for v in analysis.actor_topics(art).to_numpy().ravel()}
    values |= {int(v) for v in analysis.actor_cooccurrence(art).to_numpy().ravel()}
    said = {str(v) for v in values}
    for metadata in (art.headline, art.signoff):
        said |= set(_NUMBER.findall(metadata.text)) if metadata else set()
    if art.dateline_span:
        said |= set(_NUMBER.findall(art.text[slice(*art.dateline_span)]))
    return said


def foreign_names(seed, art) -> set[str]:
    """Actor names and mention texts of the seed that the other article does not have."""

    def names(a):
        return set(a.mentions["actor"].astype(str)) | set(
            a.mentions.loc[a.mentions["kind"] == "name", "text"]
        )

    return {n for n in names(seed) - names(art) if n[:1].isupper()}


def unsupported(sentences, foreign, numbers, labels) -> list[str]:
    bad = []
    for sentence in sentences:
        text = sentence
        for label in sorted(labels, key=len, reverse=True):  # topic labels ("OIC", "UN") are not actors
            text = text.replace(label, " ")
        named = [n for n in foreign if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
        stated = [x for x in _NUMBER.findall(text) if x not in numbers]
        if named or stated:
            bad.append(f"{sentence!r}: names {named}, numbers {stated}")
    return bad


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES[:4])
def test_run_on_another_article_a_notebook_states_only_what_that_article_has(name, tmp_path):
    seed = analysis.load_article(SEED_ARTICLE)
    art = analysis.load_article(OTHER_ARTICLE)
    told = statements(executed(name, tmp_path, article=str(OTHER_ARTICLE)))
    assert any(_NUMBER.search(s) for s in told), "the notebook states measured facts"
    assert unsupported(told, foreign_names(seed, art), numbers_of(art), art.lexicon.labels.values()) == []


@pytest.mark.slow
def test_run_on_other_articles_the_corpus_notebook_states_only_what_they_have(tmp_path):
    paths = sorted((ROOT / "data" / "corpus").glob("wh-2023-*.txt"))[:2]
    corpus = analysis.load_corpus([str(p) for p in paths])
    everything = analysis.load_corpus(str(ROOT / "data" / "corpus" / "*.txt"))
    told = statements(executed("05-corpus.ipynb", tmp_path, corpus=[str(p) for p in paths]))
    frequency = analysis.actor_frequency(corpus)
    numbers = {str(v) for column in frequency.select_dtypes("number") for v in frequency[column]}
    numbers |= {str(len(paths)), str(int(corpus.articles["sentences"].sum())), "0", "1"}
    numbers |= {f"{round(100 * v)}" for v in analysis.topic_share(corpus).mean(axis=0)}
    foreign = set(everything.mentions["actor"]) - set(corpus.mentions["actor"])
    assert unsupported(told, foreign, numbers, corpus.lexicon.labels.values()) == []


@pytest.mark.slow
def test_run_on_another_gold_folder_the_accuracy_notebook_states_only_its_scores(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(ROOT / "data" / "gold" / "wh-2022-11-readout-finer-kazykhan-kazakhstan.json", gold)
    scores, _ = analysis.evaluate_all(gold)
    no_shared = str(tmp_path / "no-shared")  # the research-only sets are then skipped, saying so
    told = statements(executed("06-accuracy.ipynb", tmp_path, gold_dir=str(gold), shared_gold=no_shared))
    numbers = {f"{v:.2f}" for v in scores["f1"]} | {"0", "1", "1.00"}
    for sentence in told:
        sentence = sentence.replace("wh-2022-11-readout-finer-kazykhan-kazakhstan", " ")
        assert "000_0b4bcfabde42e6f6" not in sentence
        assert [x for x in _NUMBER.findall(sentence) if x not in numbers] == [], sentence
