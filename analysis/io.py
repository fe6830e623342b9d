"""Writing tables and figures so that a failure never leaves a truncated file behind.

Every writer renders into a temporary file in the destination folder and renames it over the
target only once it is complete (a rename within one folder is atomic). Outputs are
byte-for-byte reproducible: CSV with ``\\n`` line endings and a fixed float format; SVG with a
fixed hash salt and no date; PNG with no software/version stamp.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

SVG_HASH_SALT = "analysis"
FLOAT_FORMAT = "%.6g"


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)``, then move the finished file to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_csv(frame: pd.DataFrame, path: str | Path, index: bool = False) -> Path:
    """Write ``frame`` as UTF-8 CSV with ``\\n`` line endings, atomically."""
    return atomic_write(
        path,
        lambda tmp: frame.to_csv(tmp, index=index, lineterminator="\n", float_format=FLOAT_FORMAT),
    )


def save_figure(fig, stem: str | Path) -> list[Path]:
    """Write ``fig`` as ``stem.svg`` and ``stem.png`` with reproducible bytes, atomically."""
    import matplotlib

    stem = Path(stem)
    written = []
    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
        for suffix, metadata in ((".svg", {"Date": None}), (".png", {"Software": None})):
            target = stem.with_suffix(suffix)
            written.append(
                atomic_write(
                    target,
                    lambda tmp, suffix=suffix, metadata=metadata: fig.savefig(
                        tmp, format=suffix[1:], metadata=metadata, dpi=150
                    ),
                )
            )
    return written
