"""Run JupyterLab on a throwaway copy of the notebooks and drive it in headless Chromium.

Support for ``tests/test_browser.py``: everything here is about the machinery (a private
server, a private browser profile, clicking through the UI and reading what it rendered); the
test file says what a good notebook looks like.

Why each precaution exists (measured on the project's machines, see TOOLCHAIN-FACTS.md):

* JupyterLab restores its last workspace and user settings, so the server gets its own config,
  data, runtime, settings and workspaces folders and the page is opened with ``?reset``.
* The kernelspec ``analysis`` is installed into the venv (``--sys-prefix``); jupyter looks
  there whatever ``JUPYTER_DATA_DIR`` says, so isolating the user folders keeps it visible.
* The "Jupyter news" popup is turned off by the user setting ``fetchNews: "false"``.
* Cells are attached to the DOM eagerly (``windowingMode: "none"``) so that every figure is laid
  out and measurable, not only those in the viewport; autosave is off so that only the explicit
  save of the test writes, and only to the copy.
* About one in ten first menu clicks does nothing, so every click is checked for its effect and
  retried.
* Chromium writes to ``~/.config`` and ``~/.cache`` unless ``HOME`` and ``XDG_*`` say otherwise.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1000}

# Settings files in the private user-settings folder: plugin id -> settings.
USER_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


class LabError(AssertionError):
    """The UI did not do what it was asked to within the time allowed."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now.

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_user_settings(folder: Path, settings: dict[str, dict] = USER_SETTINGS) -> None:
    """Write JupyterLab user settings as ``<folder>/<package>/<plugin>.jupyterlab-settings``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_user_settings(Path(tmp), {"@jupyterlab/a-extension:plugin": {"x": 1}})
    ...     print((Path(tmp) / "@jupyterlab/a-extension/plugin.jupyterlab-settings").read_text())
    {"x": 1}
    """
    for plugin, values in settings.items():
        package, name = plugin.split(":")
        path = folder / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def error_outputs(notebook: dict) -> list[str]:
    """``ename: evalue`` of every error output in a notebook (as nbformat JSON).

    >>> error_outputs({"cells": [{"cell_type": "code", "outputs": [
    ...     {"output_type": "stream", "name": "stderr", "text": "a warning"},
    ...     {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero", "traceback": []},
    ... ]}]})
    ['cell 0: ZeroDivisionError: division by zero']
    """
    return [
        f"cell {i}: {out.get('ename')}: {out.get('evalue')}"
        for i, cell in enumerate(notebook["cells"])
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]


class JupyterLabServer:
    """A JupyterLab server on 127.0.0.1 serving ``root_dir``, with all its state under ``state_dir``.

    Use as a context manager: the server is stopped by its own process handle on exit, whatever
    happened inside.
    """

    def __init__(
        self, root_dir: Path, state_dir: Path, *, python: str | None = None, start_timeout: float = 60
    ):
        self.root_dir = root_dir
        self.state_dir = state_dir
        self.python = python or sys.executable
        self.start_timeout = start_timeout
        self.token = secrets.token_hex(24)
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = state_dir / "jupyterlab.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        for var, sub in {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "IPYTHONDIR": "ipython",
        }.items():
            (self.state_dir / sub).mkdir(parents=True, exist_ok=True)
            env[var] = str(self.state_dir / sub)
        env.pop("JUPYTER_PATH", None)  # nothing from outside the venv and this folder
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # the kernelspec runs -Xfrozen_modules=off
        return env

    def command(self) -> list[str]:
        settings = self.state_dir / "user-settings"
        write_user_settings(settings)
        return [
            self.python,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={self.state_dir / 'workspaces'}",
            "--LabApp.extension_manager=readonly",  # no PyPI look-ups from a test
        ]

    def start(self, attempts: int = 3) -> None:
        """Start the server; retry on another port if the chosen one was taken meanwhile."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        for _ in range(attempts):
            self.port = free_port()
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    self.command(),
                    cwd=self.root_dir,
                    env=self.environment(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            if self._wait_until_up():
                return
            self.stop()  # it exited (the port was taken meanwhile?) or hung: try another port
        raise LabError(f"JupyterLab did not start; its log:\n{self.log_tail()}")

    def _wait_until_up(self) -> bool:
        """Poll the REST API until it answers; False if the process exits or time runs out."""
        deadline = time.monotonic() + self.start_timeout
        try:
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    self.api("api/status", timeout=2)
                    return True
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    time.sleep(0.25)
        except BaseException:  # interrupted while waiting: leave no server behind
            self.stop()
            raise
        return False

    def stop(self, timeout: float = 15) -> None:
        """Terminate the server by its own handle; kill it if it has not exited in ``timeout`` s."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)

    def __enter__(self) -> JupyterLabServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, path: str, *, method: str = "GET", timeout: float = 10):
        """Call the server's REST API; return its JSON answer (None when it has no body)."""
        request = urllib.request.Request(
            f"{self.base_url}/{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def notebook_url(self, name: str) -> str:
        return f"{self.base_url}/lab/tree/{name}?reset&token={self.token}"


def browser_environment(home: Path) -> dict[str, str]:
    """Environment for Chromium with every folder it writes to inside ``home``."""
    env = dict(os.environ)
    env["HOME"] = str(home)
    for var, sub in {
        "XDG_CONFIG_HOME": ".config",
        "XDG_CACHE_HOME": ".cache",
        "XDG_DATA_HOME": ".local/share",
        "XDG_RUNTIME_DIR": "runtime",
    }.items():
        (home / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        env[var] = str(home / sub)
    return env


# What the notebook panel shows, read in one go: one entry per cell, in notebook order.
_READ_CELLS = """panel => [...panel.querySelectorAll('.jp-Notebook .jp-Cell')].map(cell => ({
    type: cell.classList.contains('jp-CodeCell') ? 'code'
        : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw',
    prompt: (cell.querySelector('.jp-InputPrompt')?.innerText ?? '').trim(),
    outputs: [...cell.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child')].map(child => {
        const out = child.querySelector('.jp-OutputArea-output');
        return {
            mime: out?.dataset.mimeType ?? null,
            text: out?.innerText ?? '',
            ansi: Boolean(out?.querySelector('[class*="ansi-"]')),
            images: [...(out?.querySelectorAll('img, svg') ?? [])].map(el => {
                const box = el.getBoundingClientRect();
                return {
                    tag: el.tagName.toLowerCase(), width: box.width, height: box.height,
                    decoded: el.tagName.toLowerCase() !== 'img' || (el.complete && el.naturalWidth > 0),
                };
            }),
        };
    }),
}))"""

# The kernel state and anything that would block the run, polled while waiting.
_READ_STATUS = """panel => ({
    kernel: panel.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status ?? null,
    prompts: [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.innerText.trim()),
    dialog: document.querySelector('.jp-Dialog')?.innerText ?? null,
})"""

_TABLES = """panel => [...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/html"] table')]
    .map(table => ({
        head: [...table.querySelectorAll('thead tr')].map(tr => [...tr.children].map(c => c.innerText.trim())),
        first: [...(table.querySelector('tbody tr')?.children ?? [])].map(c => c.innerText.trim()),
    }))"""


def wait_for(predicate, timeout: float, interval: float = 0.2):
    """Poll ``predicate`` until it returns something truthy; return that, or its last falsy value on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result or time.monotonic() >= deadline:
            return result
        time.sleep(interval)


class LabPage:
    """One notebook open in JupyterLab in a Playwright page, driven through menus like a person.

    Every action checks that it had its effect and tries again if not: a first click on a menu
    sometimes does nothing even once the app says it is ready.
    """

    def __init__(self, page, server: JupyterLabServer, name: str):
        self.page = page
        self.server = server
        self.name = name
        self.panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
        self.retries = 0  # menu clicks that had to be repeated, reported with the timings

    # -- opening ---------------------------------------------------------------------------
    def open(self, timeout: float = 60) -> None:
        """Load JupyterLab on this notebook with a fresh layout and wait for its kernel to be idle."""
        self.page.goto(self.server.notebook_url(self.name))
        self.panel.locator(".jp-Cell").first.wait_for(state="attached", timeout=timeout * 1000)
        status = wait_for(lambda: (s := self.status())["dialog"] or s["kernel"] == "idle", timeout)
        if not status:
            raise LabError(f"{self.name}: the kernel never became idle: {self.status()}")
        if self.status()["dialog"]:
            raise LabError(f"{self.name}: a dialog blocks the notebook: {self.status()['dialog']!r}")

    def collapse_left_sidebar(self) -> None:
        """Fold away the file browser, which JupyterLab opens with a fresh layout."""
        stack = self.page.locator("#jp-left-stack")
        for _ in range(3):
            if "lm-mod-hidden" in (stack.get_attribute("class") or ""):
                return
            self.page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
            wait_for(lambda: "lm-mod-hidden" in (stack.get_attribute("class") or ""), 2)

    # -- reading ---------------------------------------------------------------------------
    def status(self) -> dict:
        return self.panel.evaluate(_READ_STATUS)

    def cells(self) -> list[dict]:
        return self.panel.evaluate(_READ_CELLS)

    def tables(self) -> list[dict]:
        """Header rows and first body row of every HTML table in the outputs."""
        return self.panel.evaluate(_TABLES)

    # -- acting ----------------------------------------------------------------------------
    def menu_command(self, menu: str, command: str, effect, *, attempts: int = 4, settle: float = 5) -> None:
        """Click ``menu`` > the item running ``command``; retry until ``effect()`` is true."""
        title = self.page.locator("#jp-MainMenu .lm-MenuBar-item").filter(
            has=self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$"))
        )
        item = self.page.locator(f".lm-Menu li.lm-Menu-item[data-command='{command}']")
        for attempt in range(attempts):
            self.retries += attempt > 0
            self.page.keyboard.press("Escape")  # close a menu left open by a half-done try
            title.click()
            try:
                item.wait_for(state="visible", timeout=2000)
                item.click(timeout=2000)
            except Exception:  # Playwright's TimeoutError: the menu did not open; try again
                continue
            if wait_for(effect, settle):
                return
        raise LabError(f"{self.name}: {menu} > {command} had no effect after {attempts} tries")

    def clear_outputs(self) -> None:
        """Edit > Clear Outputs of All Cells, so that saved outputs cannot pass for a run."""

        def cleared() -> bool:
            cells = [c for c in self.cells() if c["type"] == "code"]
            return all(not c["outputs"] and c["prompt"] in ("[ ]:", "") for c in cells)

        self.menu_command("Edit", "editmenu:clear-all", cleared)

    def run_all(self, timeout: float = 120) -> float:
        """Run > Run All Cells, then wait until the kernel is idle with no cell queued.

        Returns the seconds the run took. A failing cell stops the run: the cells after it are
        left without an execution count, which the caller reports.
        """
        if not any(c["type"] == "code" for c in self.cells()):
            return 0.0

        def started() -> bool:
            return any(p not in ("[ ]:", "") for p in self.status()["prompts"])

        start = time.monotonic()
        self.menu_command("Run", "runmenu:run-all", started)
        quiet_since: list[float] = []

        def finished() -> bool:
            status = self.status()
            if status["dialog"]:
                raise LabError(f"{self.name}: a dialog opened during the run: {status['dialog']!r}")
            if status["kernel"] != "idle" or "[*]:" in status["prompts"]:
                quiet_since.clear()
                return False
            quiet_since.append(time.monotonic())
            return quiet_since[-1] - quiet_since[0] >= 1.0  # idle and nothing queued for a second

        if not wait_for(finished, timeout, interval=0.25):
            raise LabError(f"{self.name}: still running after {timeout:.0f} s: {self.status()}")
        return time.monotonic() - start

    def save(self) -> dict:
        """File > Save Notebook; return the notebook as the server now has it on disk."""
        path = f"api/contents/{self.name}"
        before = self.server.api(f"{path}?content=0")["last_modified"]
        self.menu_command(
            "File", "docmanager:save", lambda: self.server.api(f"{path}?content=0")["last_modified"] != before
        )
        # The new time shows as soon as the server starts writing; a large notebook read at that
        # moment is half written, and the server answers 400 (unreadable notebook): read again.
        deadline = time.monotonic() + 20
        while True:
            try:
                return self.server.api(f"{path}?content=1&type=notebook")["content"]
            except urllib.error.HTTPError as error:
                if error.code != 400 or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def shut_down_kernel(self) -> None:
        """End this notebook's kernel session through the REST API, so kernels do not pile up."""
        for session in self.server.api("api/sessions"):
            if session.get("path") == self.name:
                self.server.api(f"api/sessions/{session['id']}", method="DELETE")

    def screenshot(self, path: Path) -> None:
        """The whole window with the notebook scrolled to its top."""
        self.page.keyboard.press("Escape")
        self.panel.evaluate(
            "panel => panel.querySelectorAll('.jp-WindowedPanel-outer').forEach(el => { el.scrollTop = 0; })"
        )
        self.page.mouse.move(0, VIEWPORT["height"] - 1)  # no hover toolbar over a cell
        time.sleep(0.3)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
