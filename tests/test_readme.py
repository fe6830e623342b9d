"""The README stays true: every public name is documented, and what it shows exists."""

import re

import analysis
from analysis.config import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_public_name_is_in_the_readme():
    missing = [name for name in analysis.__all__ if f"`{name}" not in README and f" {name}(" not in README]
    assert missing == []


def test_the_two_commands_are_documented():
    assert "make figures" in README and "make test" in README


def test_every_picture_and_path_it_points_to_exists():
    for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / target).is_file(), target


def test_every_plot_function_is_listed():
    from analysis import plots

    public = [
        n
        for n in dir(plots)
        if not n.startswith("_")
        and callable(getattr(plots, n))
        and getattr(plots, n).__module__ == "analysis.plots"
    ]
    assert [n for n in public if f"`{n}`" not in README and n != "notebook_setup"] == []
