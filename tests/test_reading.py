"""Bad input gets a clear error naming the file and the fix, or a correct parse; never a traceback."""

import os
import socket
import tempfile
from pathlib import Path

import pytest
from helpers import assert_offsets_exact

import analysis
from analysis import ArticleError
from analysis.config import SEED_ARTICLE


def error_for(path) -> str:
    with pytest.raises(ArticleError) as caught:
        analysis.load_article(path)
    return str(caught.value)


def test_a_missing_file_is_named(tmp_path):
    message = error_for(tmp_path / "nope.txt")
    assert (
        message.startswith(str(tmp_path / "nope.txt")) and "does not exist" in message and "Fix:" in message
    )


def test_a_folder_is_not_an_article(tmp_path):
    assert "is a folder" in error_for(tmp_path) and "load_corpus" in error_for(tmp_path)


@pytest.mark.parametrize(
    ("content", "problem"), [(b"", "is empty"), (b" \n\t\r\n ", "holds only white space")]
)
def test_an_empty_article_is_refused(tmp_path, content, problem):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert problem in error_for(path)


def test_bytes_that_are_not_utf8_are_located(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a dit: 10 \u00a3.".encode("latin-1"))
    message = error_for(path)
    assert "not valid utf-8 (byte 0xA3 at offset 22)" in message and "encoding='latin-1'" in message
    art = analysis.load_article(path, encoding="latin-1")
    assert art.sentences["text"].tolist() == ["Le ministre a dit: 10 \u00a3."]


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary file (NUL byte at offset 8)" in error_for(path)


def test_crlf_line_endings_parse_like_lf_with_offsets_into_the_crlf_text(tmp_path, seed):
    path = tmp_path / "crlf.txt"
    path.write_bytes(SEED_ARTICLE.read_bytes().replace(b"\n", b"\r\n"))
    art = analysis.load_article(path)
    assert "\r\n" in art.text
    assert art.sentences["text"].tolist() == seed.sentences["text"].tolist()
    assert art.sentences["paragraph_id"].tolist() == seed.sentences["paragraph_id"].tolist()
    assert art.mentions["text"].tolist() == seed.mentions["text"].tolist()
    for frame in (art.sentences, art.mentions):
        assert_offsets_exact(art.text, frame)


def test_a_byte_order_mark_is_not_text(tmp_path, seed):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_ARTICLE.read_bytes())
    art = analysis.load_article(path)
    assert art.text == seed.text and art.dateline == "ASTANA"


def test_an_article_without_dateline_keeps_its_first_sentence():
    art = analysis.parse_text("Nasser Bourita met Akylbek Kamaldinov in Rabat. They spoke.")
    assert art.dateline is None and art.source is None and art.dateline_span is None
    assert art.sentences["text"].tolist()[0] == "Nasser Bourita met Akylbek Kamaldinov in Rabat."


@pytest.mark.slow
def test_a_20_mb_article_parses_with_exact_offsets(seed_text):
    copies = 20_000_000 // len(seed_text) + 1
    art = analysis.parse_text("\n\n".join([seed_text] * copies))
    assert len(art.text) > 20_000_000
    # Only the first copy opens the text, so only its "ASTANA. KAZINFORM" is a dateline; in the
    # others it is a paragraph's first sentence, "ASTANA."
    assert len(art.sentences) == 14 + 15 * (copies - 1)
    assert len(art.mentions) == len(analysis.parse_text(seed_text).mentions) * copies
    last = art.sentences.iloc[-1]
    assert art.text[last.start : last.end] == last.text


def test_a_text_with_nul_characters_is_refused(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Some text\x00more text")
    assert "binary file (NUL character at text offset 9)" in error_for(path)


def test_utf16_parses_when_its_encoding_is_given(tmp_path, seed):
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed.text.encode("utf-16"))
    art = analysis.load_article(path, encoding="utf-16")
    assert art.sentences["text"].tolist() == seed.sentences["text"].tolist()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_recognised_with_or_without_a_byte_order_mark(tmp_path, seed, encoding):
    """Issue 15.4: by the byte-order mark, or without one by the NULs of mostly-ASCII text."""
    path = tmp_path / "wide.txt"
    path.write_bytes(seed.text.encode(encoding))
    art = analysis.load_article(path)
    assert art.text == seed.text
    assert art.sentences["text"].tolist() == seed.sentences["text"].tolist()


def test_nul_bytes_that_are_not_utf16_say_how_to_pass_utf16(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"AB\x00CDEF\x00")
    assert error_for(path) == (
        f"{path}: looks like a binary file (NUL character at text offset 2). "
        "Fix: pass a plain-text article; if it is UTF-16 text, pass encoding='utf-16'."
    )


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a regular file"),
        (lambda p: os.symlink("/dev/zero", p), "is a character device, not a regular file"),
        (lambda p: p.mkdir(), "is a folder, not a regular file"),
    ],
    ids=["fifo", "dev-zero", "folder"],
)
def test_anything_but_a_regular_file_is_refused_before_it_is_opened(tmp_path, make, problem):
    """Issue 15.1: reading a FIFO blocked forever and /dev/zero grew memory without bound."""
    path = tmp_path / "article.txt"
    make(path)
    message = error_for(path)
    assert message.startswith(f"{path}: {problem}. Fix: ")


def test_a_socket_is_refused(tmp_path):
    folder = tempfile.mkdtemp(dir="/tmp")  # socket paths must be short
    path = Path(folder) / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert error_for(path).startswith(f"{path}: is a socket, not a regular file. Fix: ")
    finally:
        server.close()
        path.unlink()
        os.rmdir(folder)


def test_a_too_long_path_is_blamed_on_the_article(tmp_path):
    """Issue 15.7: the error names the article path instead of a bare OSError."""
    path = tmp_path / ("a" * 300 + ".txt")
    assert error_for(path) == (
        f"{path}: cannot be read (File name too long). Fix: shorten the path or the file name."
    )


def test_a_lone_surrogate_is_refused_clearly():
    """Issue 15.9: it used to crash deep inside pyarrow."""
    with pytest.raises(analysis.AnalysisInputError) as caught:
        analysis.parse_text("Morocco and Kazakhstan\udc80 met.")
    assert str(caught.value) == (
        "holds a lone surrogate U+DC80 at offset 22, which is not a character. "
        "Fix: decode the file with errors='strict' (the default), or remove the surrogate."
    )


def test_an_unknown_encoding_is_named(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.")
    with pytest.raises(ArticleError, match="unknown encoding 'klingon'"):
        analysis.load_article(path, encoding="klingon")
