"""Reading an article file into the exact text that every offset in the package indexes.

The text is the file's bytes decoded, nothing else: line endings (LF or CRLF) are kept as they
are, so ``text[start:end]`` in any DataFrame is the passage as it stands in the file. Only a
UTF-8 byte-order mark is dropped, because it is an encoding marker rather than text.
"""

from __future__ import annotations

from pathlib import Path

from analysis.errors import ArticleError

BOM = "\ufeff"


def read_article_text(path: str | Path, encoding: str = "utf-8") -> str:
    """Return the text of the article at ``path``, or raise ``ArticleError`` saying what is wrong.

    >>> read_article_text("no/such/article.txt")
    Traceback (most recent call last):
    ...
    analysis.errors.ArticleError: no/such/article.txt: does not exist. Fix: check the path, or pass the text itself to analysis.parse_text().
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(
            path, "does not exist", "check the path, or pass the text itself to analysis.parse_text()"
        )
    if path.is_dir():
        raise ArticleError(
            path,
            "is a folder, not an article file",
            "name one .txt file, or use analysis.load_corpus() for many",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(path, f"cannot be read ({err.strerror})", "check its permissions") from None
    return decode_article(data, path, encoding)


def decode_article(data: bytes, path: str | Path | None = None, encoding: str = "utf-8") -> str:
    """Decode article bytes, refusing unknown encodings, undecodable bytes, binary data and empty text."""
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ArticleError(
            path, f"names an unknown encoding {encoding!r}", "use e.g. 'utf-8', 'latin-1' or 'cp1252'"
        ) from None
    except UnicodeDecodeError as err:
        if b"\x00" in data:
            offset = data.index(b"\x00")
            raise ArticleError(
                path, f"looks like a binary file (NUL byte at offset {offset})", "pass a plain-text article"
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
            path,
            f"looks like a binary file (NUL character at text offset {offset})",
            "pass a plain-text article",
        )
    if text.startswith(BOM):
        text = text[1:]
    if not text.strip():
        what = "is empty" if not text else "holds only white space"
        raise ArticleError(path, what, "write the article text into it")
    return text
