"""Writes are atomic: a failure leaves neither a truncated file nor a temporary one behind."""

import os
import stat

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.io import atomic_write, save_figure, write_csv


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old\n")

    def half_then_fail(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, half_then_fail)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_csv_is_written_with_unix_line_endings_and_fixed_floats(tmp_path):
    write_csv(pd.DataFrame({"share": [1 / 3]}), tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == b"share\n0.333333\n"


def test_figures_are_the_same_bytes_every_time(tmp_path):
    def draw():
        fig = Figure(figsize=(3, 2))
        fig.add_subplot().plot([0, 1], [1, 0])
        return fig

    first, second = save_figure(draw(), tmp_path / "a"), save_figure(draw(), tmp_path / "b")
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    assert b"<dc:date>" not in first[0].read_bytes()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_get_the_mode_the_umask_gives_a_new_file(tmp_path, umask, mode):
    """Issue 15.6: the temporary file's private 0o600 was kept, so a team folder could not read them."""
    old = os.umask(umask)
    try:
        written = [write_csv(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")]
        written += save_figure(Figure(figsize=(2, 2)), tmp_path / "f")
    finally:
        os.umask(old)
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == dict.fromkeys(
        ["t.csv", "f.svg", "f.png"], mode
    )
