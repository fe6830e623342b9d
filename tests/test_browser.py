"""Every notebook runs cleanly in JupyterLab, as a reader would run it, in headless Chromium.

nbval checks that re-running a notebook reproduces its saved outputs; this test checks what a
person sees: the notebook opens in JupyterLab with the project's kernel, Run All Cells finishes
without an error, every figure is drawn, and the key numbers on the page are the ones the
package computes. One JupyterLab server and one browser serve all notebooks.

The notebooks are copied to a temporary folder that sits beside links to the repository's
``seeds/``, ``data/`` and other top-level folders, so ``../seeds/...`` still resolves while the
committed files are never opened by JupyterLab (and are checked byte-for-byte afterwards).

``ANALYSIS_BROWSER_NOTEBOOKS=/some/folder`` points the test at other notebooks (for trying the
harness itself); it defaults to the repository's ``notebooks/``. Without ``/usr/bin/chromium``
or Playwright the test skips, unless ``CI=true``, where that is a failure. A screenshot of each
notebook is saved to ``test-artifacts/browser/<stem>.png``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from jupyterlab_session import (
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORT,
    JupyterLabServer,
    LabPage,
    browser_environment,
    error_outputs,
)

import analysis

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = Path(os.environ.get("ANALYSIS_BROWSER_NOTEBOOKS") or ROOT / "notebooks")
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SEED = ROOT / "seeds" / "000_0b4bcfabde42e6f6.txt"
SCREENSHOTS = ROOT / "test-artifacts" / "browser"
RUN_TIMEOUT = 120  # seconds for one notebook's Run All Cells
IMAGE_MIMES = ("image/svg+xml", "image/png", "image/jpeg", "image/gif")
STDERR_MIME = "application/vnd.jupyter.stderr"


def _require(available: bool, reason: str) -> None:
    """Skip with ``reason`` if something is missing, but fail on CI, where it must be there."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser test must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the notebooks; stopped by its own handle on teardown."""
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing: run tools/install-chromium.sh")
    try:
        import playwright.sync_api  # noqa: F401

        has_playwright = True
    except ImportError:
        has_playwright = False
    _require(has_playwright, "playwright is not installed in this environment")

    base = tmp_path_factory.mktemp("browser")
    project = base / "project"
    (project / "notebooks").mkdir(parents=True)
    for entry in ROOT.iterdir():  # ../seeds, ../data and friends resolve as in the repository
        if entry.name != "notebooks" and not entry.name.startswith("."):
            (project / entry.name).symlink_to(entry)
    for notebook in NOTEBOOKS:
        shutil.copy2(notebook, project / "notebooks" / notebook.name)

    venv_python = ROOT / ".venv" / "bin" / "python"
    server = JupyterLabServer(
        project / "notebooks", base / "jupyter", python=str(venv_python) if venv_python.exists() else None
    )
    with server:
        yield server


@pytest.fixture(scope="module")
def browser_page(lab, tmp_path_factory):
    """One headless Chromium page with a fresh profile; closed on teardown."""
    from playwright.sync_api import sync_playwright

    base = tmp_path_factory.mktemp("chromium")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(base / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
            env=browser_environment(base / "home"),
            timeout=60_000,
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(30_000)
            yield page
        finally:
            context.close()


# -- key numbers: what the package computes must be what the page shows -----------------------
def check_article_repr(page: LabPage, cells: list[dict]) -> list[str]:
    """01-article shows the parsed article's repr with the package's counts."""
    art = analysis.load_article(SEED)
    counts = (
        f"{len(art.sentences)} sentences, {len(art.mentions)} mentions "
        f"of {art.mentions['actor_id'].nunique()} actors"
    )
    pattern = re.compile(rf"<Article \S*{re.escape(SEED.name)}: {re.escape(counts)}>")
    if any(pattern.search(out["text"]) for cell in cells for out in cell["outputs"]):
        return []
    return [f"no output shows the article repr with '{counts}'"]


def check_top_actor(page: LabPage, cells: list[dict]) -> list[str]:
    """03-actors shows a table of actor counts whose first row is the most-mentioned actor."""
    expected = analysis.actor_counts(analysis.load_article(SEED)).iloc[0]["actor"]
    first_actors = [
        table["first"][row.index("actor")]
        for table in page.tables()
        for row in table["head"]
        if "actor" in row and row.index("actor") < len(table["first"])
    ]
    if expected in first_actors:
        return []
    return [f"no HTML table has {expected!r} in the 'actor' cell of its first row (found {first_actors})"]


KEY_NUMBERS = {"01-article.ipynb": check_article_repr, "03-actors.ipynb": check_top_actor}


# -- generic properties ------------------------------------------------------------------------
def rendering_problems(cells: list[dict], saved: dict) -> list[str]:
    """What is wrong with a run, comparing the page (``cells``) with the notebook saved after it."""
    problems = [f"saved notebook has an error output: {e}" for e in error_outputs(saved)]
    if len(cells) != len(saved["cells"]):
        return [*problems, f"page shows {len(cells)} cells, the saved notebook has {len(saved['cells'])}"]
    for i, (shown, stored) in enumerate(zip(cells, saved["cells"], strict=True)):
        for out in shown["outputs"]:
            if out["mime"] == STDERR_MIME and out["ansi"]:  # a traceback; plain stderr has no colours
                last = out["text"].strip().splitlines()[-1:] or [""]
                problems.append(f"cell {i}: page shows an error: {last[0]}")
        if stored["cell_type"] != "code":
            continue
        if stored.get("execution_count") is None or not re.fullmatch(r"\[\d+\]:", shown["prompt"]):
            problems.append(f"cell {i}: did not run (prompt {shown['prompt']!r})")
        if len(shown["outputs"]) != len(stored["outputs"]):
            problems.append(
                f"cell {i}: page shows {len(shown['outputs'])} outputs, saved {len(stored['outputs'])}"
            )
            continue
        for j, (out, stored_out) in enumerate(zip(shown["outputs"], stored["outputs"], strict=True)):
            if not any(m in stored_out.get("data", {}) for m in IMAGE_MIMES):
                continue
            drawn = [im for im in out["images"] if im["width"] > 0 and im["height"] > 0 and im["decoded"]]
            if not drawn:
                problems.append(f"cell {i} output {j}: figure not drawn (elements {out['images']})")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize(
    "notebook",
    NOTEBOOKS
    or [pytest.param(None, id="none", marks=pytest.mark.skip(reason=f"no notebooks in {NOTEBOOK_DIR}"))],
    ids=lambda path: path.stem,
)
def test_notebook_runs_cleanly_in_jupyterlab(notebook, lab, browser_page, capsys):
    original = notebook.read_bytes()
    kernel = json.loads(original)["metadata"].get("kernelspec", {}).get("name")
    assert kernel in lab.api("api/kernelspecs")["kernelspecs"], f"kernelspec {kernel!r} is not installed"

    page = LabPage(browser_page, lab, notebook.name)
    started = time.monotonic()
    try:
        page.open()
        opened = time.monotonic() - started
        page.collapse_left_sidebar()
        page.clear_outputs()
        ran = page.run_all(timeout=RUN_TIMEOUT)
        saved = page.save()
        cells = page.cells()
    finally:  # a screenshot also of a failed run helps; never hide the failure behind a cleanup one
        for cleanup in (lambda: page.screenshot(SCREENSHOTS / f"{notebook.stem}.png"), page.shut_down_kernel):
            try:
                cleanup()
            except Exception as exc:
                print(f"cleanup after {notebook.name} failed: {exc!r}")
    figures = sum(
        any(m in out.get("data", {}) for m in IMAGE_MIMES)
        for cell in saved["cells"]
        for out in cell.get("outputs", [])
    )
    with capsys.disabled():
        print(
            f"\n[browser] {notebook.name}: opened in {opened:.1f} s, ran in {ran:.1f} s, "
            f"{time.monotonic() - started:.1f} s in all; {len(cells)} cells, {figures} figures, {page.retries} menu clicks retried"
        )

    problems = rendering_problems(cells, saved)
    if check := KEY_NUMBERS.get(notebook.name):
        problems += check(page, cells)
    if notebook.read_bytes() != original:
        problems.append(f"{notebook} was modified by the test")
    if problems:
        pytest.fail(f"{notebook.name} in JupyterLab:\n  " + "\n  ".join(problems), pytrace=False)
