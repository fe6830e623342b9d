"""Writing tables and figures so that a failure never leaves a truncated file behind.

Every writer renders into a temporary file in the destination folder and renames it over the
target only once it is complete (a rename within one folder is atomic); the file gets the mode
the umask gives any new file. Outputs are
byte-for-byte reproducible: CSV with ``\\n`` line endings and a fixed float format; SVG with a
fixed hash salt and no date; PNG with no software/version stamp.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

import pandas as pd

SVG_HASH_SALT = "analysis"
FLOAT_FORMAT = "%.6g"


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)``, then move the finished file to ``path``.

    The temporary file is created with the mode a new file gets (``0o666`` less the umask),
    not ``tempfile``'s private ``0o600``, so a shared folder can read the outputs. On any
    exception, an interrupt included, the temporary file is removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        while tmp is None:
            # Named before it is created, so an interrupt just after creation still removes it.
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
            try:
                os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            except FileExistsError:
                tmp = None
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
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
