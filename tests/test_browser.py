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

The seed's annotated page (``analysis.render_html``) is opened from a file in the same browser:
every mention must be an element whose offsets and text are the mention's, hovering a title must
show whom it names, and the page must fetch nothing; its screenshot is
``test-artifacts/browser/article-view.png`` (the README's ``docs/article-view.png`` is a copy). In
JupyterLab, 01-article must show the same mention elements in its ``art`` output.
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
import analysis.render

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


def _require_browser() -> None:
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing: run tools/install-chromium.sh")
    try:
        import playwright.sync_api  # noqa: F401

        has_playwright = True
    except ImportError:
        has_playwright = False
    _require(has_playwright, "playwright is not installed in this environment")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the notebooks; stopped by its own handle on teardown."""
    _require_browser()
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
def browser(tmp_path_factory):
    """Headless Chromium with a fresh profile (a Playwright browser context); closed on teardown."""
    _require_browser()
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
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def browser_page(lab, browser):
    """The browser's one page, for JupyterLab."""
    page = browser.pages[0] if browser.pages else browser.new_page()
    page.set_default_timeout(30_000)
    return page


# -- the annotated article as a standalone page ------------------------------------------------
# Each mention element as the browser parsed it, and the view's text without the page chrome.
_READ_MENTIONS = """root => [...root.querySelectorAll('.article-view .av-m[data-mention]')].map(el => ({
    start: Number(el.dataset.start), end: Number(el.dataset.end), text: el.textContent,
    actor: el.dataset.actor, title: el.title,
}))"""
_READ_VIEW_TEXT = """root => {
    const view = root.querySelector('.article-view').cloneNode(true);
    view.querySelectorAll('.av-chrome').forEach(el => el.remove());
    return view.textContent;
}"""


def mention_problems(shown: list[dict], art) -> list[str]:
    """How the mention elements the browser shows differ from ``art.mentions``."""
    expected = [
        {"start": int(s), "end": int(e), "text": t, "actor": str(a)}
        for s, e, t, a in zip(*(art.mentions[c] for c in ("start", "end", "text", "actor_id")), strict=True)
    ]
    found = [{k: m[k] for k in ("start", "end", "text", "actor")} for m in shown]
    if found == expected:
        return []
    missing = [m for m in expected if m not in found][:3]
    extra = [m for m in found if m not in expected][:3]
    return [f"{len(found)} mention elements, {len(expected)} mentions; missing {missing}, unexpected {extra}"]


@pytest.mark.browser
def test_the_annotated_page_in_chromium(browser, tmp_path, capsys):
    art = analysis.load_article(SEED)
    path = analysis.render.write_html(art, tmp_path / "article.html")
    page = browser.new_page()
    page.set_viewport_size({"width": 1100, "height": 800})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(path.as_uri())
        shown = page.evaluate(_READ_MENTIONS, page.locator("body").element_handle())
        text = page.evaluate(_READ_VIEW_TEXT, page.locator("body").element_handle())
        title_mention = art.mentions[art.mentions["kind"] == "title"].iloc[0]
        target = page.locator(f'.av-m[data-mention="{title_mention.mention_id}"]')
        target.hover()
        hovered = page.evaluate("() => [...document.querySelectorAll('.av-m:hover')].pop()?.title ?? null")
        page.mouse.move(0, 0)
        page.screenshot(path=str(SCREENSHOTS / "article-view.png"), full_page=True)
    finally:
        page.close()
    with capsys.disabled():
        print(f"\n[browser] article.html: {len(shown)} mention elements, hovered: {hovered!r}")

    problems = mention_problems(shown, art)
    if text != art.text:
        problems.append("the view's text (without margin and legend) is not the article's text")
    antecedent = art.mentions.loc[art.mentions["mention_id"] == title_mention.antecedent_id, "text"].iloc[0]
    if not hovered or not hovered.startswith(f"{title_mention.actor} · person · title → “{antecedent}”"):
        problems.append(f"hovering {title_mention.text!r} shows the title {hovered!r}")
    if requests != [path.as_uri()]:
        problems.append(f"the page fetched more than itself: {requests}")
    if problems:
        pytest.fail("article.html in Chromium:\n  " + "\n  ".join(problems), pytrace=False)


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


def check_article_view(page: LabPage, cells: list[dict]) -> list[str]:
    """01-article shows the annotated article (a cell ending in ``art``) with every mention."""
    shown = page.panel.evaluate(
        "panel => [...panel.querySelectorAll('.jp-OutputArea-output')].filter(out => out.querySelector('.article-view'))"
        ".map(out => (" + _READ_MENTIONS + ")(out))"
    )
    if len(shown) != 1:
        return [f"{len(shown)} outputs show the annotated article, expected 1"]
    return mention_problems(shown[0], analysis.load_article(SEED))


KEY_NUMBERS = {
    "01-article.ipynb": lambda page, cells: check_article_repr(page, cells) + check_article_view(page, cells),
    "03-actors.ipynb": check_top_actor,
}


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
