"""Reading the hand-edited CSV data files (the registry, the lexicon) row by row, with clear errors.

The rules, in the order they apply:

- only a regular file is read (``analysis.reading``'s check: a FIFO would block), and an error
  from the system (no permission, a too-long path) names the file;
- a UTF-8 byte-order mark, which Excel's "CSV UTF-8" writes, is dropped; other text must be UTF-8;
- the header must hold every required column and no unknown one;
- a row with more cells than the header, a quote opened and never closed, or any other CSV
  syntax error is refused, naming the line where the row starts;
- a cell may be of any length (Python's ``csv`` module stops at 128 KiB unless told otherwise).

Blank lines are skipped. Each row comes with the line it starts on, for error messages.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from analysis.errors import AnalysisInputError
from analysis.reading import regular_file_problem

# The limit is process-wide; 2**31 - 1 fits a C long on every platform.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def csv_rows(
    path: Path,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    error: type[AnalysisInputError],
    what: str,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each row of the CSV file at ``path``, or raise ``error``.

    ``columns`` are the allowed columns, ``required`` those that must be present; ``what``
    names the kind of file in the fix ("registry CSV file").
    """
    problem = regular_file_problem(path)
    if problem is not None:
        fix = f"check the path to the {what}" if problem[0] == "does not exist" else problem[1]
        raise error(path, problem[0], fix)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle, strict=True)
            yield from _rows(reader, path, columns, required, error)
    except UnicodeDecodeError:
        raise error(path, "is not valid UTF-8", f"re-save the {what} as UTF-8") from None
    except OSError as err:
        raise error(path, f"cannot be read ({err.strerror})", "check the path and its permissions") from None


def _rows(reader, path: Path, columns, required, error) -> Iterator[tuple[int, dict[str, str]]]:
    header = _next(reader, path, error, 1) or []
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in columns]
    if missing or unknown:
        parts = [f"missing column(s) {', '.join(missing)}"] if missing else []
        parts += [f"unknown column(s) {', '.join(unknown)}"] if unknown else []
        raise error(path, f"header: {'; '.join(parts)}", f"the columns are {','.join(columns)}")
    while True:
        line = reader.line_num + 1
        cells = _next(reader, path, error, line)
        if cells is None:
            return
        if not cells:
            continue
        if len(cells) > len(header):
            raise error(path, f"row {line}: more cells than columns", "quote cells that contain commas")
        yield line, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))


def _next(reader, path: Path, error, line: int) -> list[str] | None:
    """The next row's cells, None at the end, or ``error`` naming the line the row starts on."""
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            raise error(
                path,
                f'row {line}: a quote (") opened in this row is never closed',
                'close the quote; write a quote inside a quoted cell as ""',
            ) from None
        raise error(
            path, f"row {line}: {err}", 'quote the whole cell, writing a quote inside it as ""'
        ) from None
