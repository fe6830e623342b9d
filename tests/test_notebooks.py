"""The committed notebooks: executed in order without errors, thin, parameterised, and the
source of every file in figures/ (re-running them reproduces figures/ byte for byte) but the
annotated page article.html, which make figures writes directly (tests/test_render.py)."""

import filecmp
import json

import papermill
import pytest

from analysis.config import FIGURES, NOTEBOOKS, ROOT
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
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "figures", FIGURES, produced, shallow=False)
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
    assert "wh-2023-01-readout-sullivan-kazykhan-kazakhstan.txt: 5 sentences" in shown
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
