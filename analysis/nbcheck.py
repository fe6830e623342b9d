"""``make notebooks``: validate every committed notebook with nbval, and say so when there are none.

nbval re-runs each notebook on a fresh kernel and compares every output with the committed one.
No sanitising is needed, since every output is deterministic; should one ever be, a
``notebooks/sanitize.cfg`` is passed to nbval when it exists, each substitution stating why.
The committed accuracy notebook scores the research-only gold sets of ``../shared``; where
those are absent it is still run cell by cell (nbval's lax mode: any error fails), but its
outputs, which would score fewer sets, are not compared, and the command says so.
"""

from __future__ import annotations

import subprocess
import sys

from analysis.config import NOTEBOOKS, ROOT
from analysis.notebooks import notebook_paths


def main() -> int:
    paths = notebook_paths(NOTEBOOKS)
    if not paths:
        print("nbval: no notebooks in notebooks/ to validate")
        return 0
    from analysis.report import research_sets_absent  # scoring is imported only for this check

    lax = [p for p in paths if p.name == ACCURACY_NOTEBOOK and research_sets_absent()]
    if lax:
        print(
            f"nbval: {ACCURACY_NOTEBOOK} run without comparing outputs: the research-only gold sets are absent"
        )
    strict = [p for p in paths if p not in lax]
    status = _nbval(strict, "--nbval") if strict else 0
    return status or (_nbval(lax, "--nbval-lax") if lax else 0)


ACCURACY_NOTEBOOK = "06-accuracy.ipynb"


def _nbval(paths: list, mode: str) -> int:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", mode, "-o", "testpaths="]
    sanitize = NOTEBOOKS / "sanitize.cfg"
    if sanitize.exists():
        command += ["--nbval-sanitize-with", str(sanitize.relative_to(ROOT))]
    command += [str(p.relative_to(ROOT)) for p in paths]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
