"""Reading an article file into the exact text that every offset in the package indexes.

The text is the file's bytes decoded, nothing else: line endings (LF, CRLF or CR) are kept as
they are, so ``text[start:end]`` in any DataFrame is the passage as it stands in the file. The
rules, in the order they apply:

- only a regular file is read: a folder, FIFO, device or socket is refused before it is opened
  (reading a FIFO or ``/dev/zero`` would never end), and so is a path the system cannot stat
  (too long, no permission), with the article's path named;
- with the default encoding (UTF-8), a UTF-16 or UTF-32 file is recognised by its byte-order
  mark, or without one by the NUL bytes that mostly-ASCII UTF-16 text has in every other byte,
  and decoded as such;
- undecodable bytes, NUL bytes (a binary file), lone surrogates and empty or white-space-only
  text are refused;
- a leading byte-order mark is dropped, because it is an encoding marker rather than text.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

from analysis.errors import ArticleError

BOM = "\ufeff"
_UTF16_FIX = "pass a plain-text article; if it is UTF-16 text, pass encoding='utf-16'"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Byte-order marks, longest first: UTF-32-LE's starts with UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 4096  # bytes looked at to recognise UTF-16/32 without a byte-order mark
_KINDS = (
    (stat.S_ISDIR, "a folder", "name one .txt file, or use analysis.load_corpus() for many"),
    (stat.S_ISFIFO, "a FIFO (named pipe)", "save the article to a regular file and pass that"),
    (stat.S_ISCHR, "a character device", "pass a regular text file"),
    (stat.S_ISBLK, "a block device", "pass a regular text file"),
    (stat.S_ISSOCK, "a socket", "pass a regular text file"),
)


def regular_file_problem(path: Path) -> tuple[str, str] | None:
    """Why ``path`` cannot be read as a regular file, as (problem, fix); None when it can.

    The check is a ``stat``, so nothing is opened: a FIFO would block the reader forever.

    >>> regular_file_problem(Path("/dev/null"))
    ('is a character device, not a regular file', 'pass a regular text file')
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "does not exist", "check the path"
    except OSError as err:
        return _os_problem(err)
    if stat.S_ISREG(mode):
        return None
    for test, kind, fix in _KINDS:
        if test(mode):
            return f"is {kind}, not a regular file", fix
    return "is not a regular file", "pass a regular text file"


def _os_problem(err: OSError) -> tuple[str, str]:
    if err.errno == errno.ENAMETOOLONG:
        return f"cannot be read ({err.strerror})", "shorten the path or the file name"
    return f"cannot be read ({err.strerror})", "check the path and its permissions"


def read_article_text(path: str | Path, encoding: str = "utf-8") -> str:
    """Return the text of the article at ``path``, or raise ``ArticleError`` saying what is wrong.

    >>> read_article_text("no/such/article.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.ArticleError: no/such/article.txt: does not exist. Fix: check the path, or pass the text itself to analysis.parse_text().
    """
    path = Path(path)
    problem = regular_file_problem(path)
    if problem == ("does not exist", "check the path"):
        problem = ("does not exist", "check the path, or pass the text itself to analysis.parse_text()")
    if problem is not None:
        raise ArticleError(path, *problem)
    try:
        # O_NONBLOCK and fstat: a file swapped for a FIFO after the check still cannot block.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ArticleError(path, "is not a regular file", "pass a regular text file")
            data = handle.read()
    except OSError as err:
        raise ArticleError(path, *_os_problem(err)) from None
    return decode_article(data, path, encoding)


def decode_article(data: bytes, path: str | Path | None = None, encoding: str = "utf-8") -> str:
    """Decode article bytes, refusing unknown encodings, undecodable bytes, binary data and empty text.

    >>> decode_article("Astana.".encode("utf-16-le"))  # no byte-order mark: found by its NULs
    'Astana.'
    """
    try:
        is_utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        raise ArticleError(
            path, f"names an unknown encoding {encoding!r}", "use e.g. 'utf-8', 'latin-1' or 'cp1252'"
        ) from None
    if is_utf8:
        encoding = _wide_encoding(data) or encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        if b"\x00" in data:
            offset = data.index(b"\x00")
            raise ArticleError(
                path, f"looks like a binary file (NUL byte at offset {offset})", _UTF16_FIX
            ) from None
        bad = data[err.start : err.start + 1].hex().upper()
        raise ArticleError(
            path,
            f"is not valid {encoding} (byte 0x{bad} at offset {err.start})",
            "re-save the file as UTF-8, or pass its real encoding, e.g. encoding='latin-1'",
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        raise ArticleError(
            path, f"looks like a binary file (NUL character at text offset {offset})", _UTF16_FIX
        )
    if text.startswith(BOM):
        text = text[1:]
    check_text(text, path)
    if not text.strip():
        what = "is empty" if not text else "holds only white space"
        raise ArticleError(path, what, "write the article text into it")
    return text


def check_text(text: str, path: str | Path | None = None) -> None:
    """Refuse text that holds a lone surrogate: it is not Unicode text and cannot be written out.

    >>> check_text("Astana\\ud800.")
    Traceback (most recent call last):
    ...
    analysis.errors.ArticleError: holds a lone surrogate U+D800 at offset 6, which is not a character. Fix: decode the file with errors='strict' (the default), or remove the surrogate.
    """
    bad = _SURROGATE.search(text)
    if bad:
        raise ArticleError(
            path,
            f"holds a lone surrogate U+{ord(bad.group()):04X} at offset {bad.start()}, which is not a character",
            "decode the file with errors='strict' (the default), or remove the surrogate",
        )


def _wide_encoding(data: bytes) -> str | None:
    """'utf-32' or 'utf-16' (with the byte order) when ``data`` looks like it; else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:_SNIFF]
    if len(sample) < 2 or b"\x00" not in sample:
        return None

    def nul_share(start: int, step: int) -> float:
        picked = sample[start::step]
        return picked.count(0) / max(len(picked), 1)

    # ASCII in UTF-32-LE has NULs at positions 1-3 modulo 4; in UTF-16-LE at odd positions.
    high, low = 0.7, 0.1
    if len(data) % 4 == 0 and len(sample) >= 4:
        quads = [nul_share(i, 4) for i in range(4)]
        if quads[0] < low and min(quads[1:]) > high:
            return "utf-32-le"
        if quads[3] < low and min(quads[:3]) > high:
            return "utf-32-be"
    if len(data) % 2 == 0:
        even, odd = nul_share(0, 2), nul_share(1, 2)
        if even < low and odd > high:
            return "utf-16-le"
        if odd < low and even > high:
            return "utf-16-be"
    return None
