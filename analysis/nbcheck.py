"""``make notebooks``: validate every committed notebook with nbval, and say so when there are none.

nbval re-runs each notebook on a fresh kernel and compares every output with the committed one.
No sanitising is needed, since every output is deterministic; should one ever be, a
``notebooks/sanitize.cfg`` is passed to nbval when it exists, each substitution stating why.
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
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "-o", "testpaths="]
    sanitize = NOTEBOOKS / "sanitize.cfg"
    if sanitize.exists():
        command += ["--nbval-sanitize-with", str(sanitize.relative_to(ROOT))]
    command += [str(p.relative_to(ROOT)) for p in paths]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
