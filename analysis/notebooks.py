"""Executing the project's notebooks headless, in order, and in place.

Used by ``make figures``. Each notebook runs on a fresh ``analysis`` kernel from its own folder;
no timing metadata is recorded, so re-running an unchanged notebook rewrites the same bytes. A
failing cell stops the run with the notebook's name and the cell's error, and the notebook file
is left as it was (it is only rewritten after a complete, successful run).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from analysis.config import NOTEBOOKS
from analysis.io import atomic_write

KERNEL = "analysis"
CELL_TIMEOUT = 600


class NotebookFailed(RuntimeError):
    """A notebook cell raised; the message holds the notebook's path and the cell's error."""


def notebook_paths(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks of ``folder``, in the order they are meant to be run."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def execute_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Run every cell of the notebook at ``path`` on a fresh kernel and save it in place."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        record_timing=False,
        # The kernel warns on every start that it talks over local TCP; it only ever talks to this
        # process on the loopback interface, so its warnings are noise in a clean build log.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        raise NotebookFailed(f"{path}: a cell failed.\n{err}") from None
    atomic_write(path, lambda tmp: nbformat.write(nb, tmp))
    return nb
