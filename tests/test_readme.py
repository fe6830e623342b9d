"""The README stays true: every public name is documented, and what it shows exists."""

import re

import pandas as pd
import pytest

import analysis
from analysis import tables
from analysis.config import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_public_name_is_in_the_readme():
    missing = [name for name in analysis.__all__ if f"`{name}" not in README and f" {name}(" not in README]
    assert missing == []


def test_all_lists_every_lazily_loaded_name_in_order():
    assert analysis.__all__ == sorted([*analysis._EXPORTS, *analysis._MODULES], key=str.lower)


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


DOCUMENTED_TABLES = {
    "art.sentences": tables.SENTENCES,
    "art.mentions": tables.MENTIONS,
    "art.actors": tables.ACTORS,
    "art.candidates": tables.CANDIDATES,
    "art.topics": tables.topics_schema(["economy"]),
    "art.interactions": tables.INTERACTIONS,
    "art.statements": tables.STATEMENTS,
}


def documented_columns(table: str) -> list[tuple[str, str]]:
    """(column, dtype) pairs in the order the README's data dictionary lists them for ``table``.

    Each bullet under the table's heading names columns in backticks, each group followed by its
    dtype in parentheses ("`start`, `end` (int64)"); text after the first "):" describes them.
    """
    section = README.split("## Data dictionary", 1)[1].split("\n## ", 1)[0]
    block = section.split(f"**`{table}`**", 1)[1].split("\n\n", 1)[0]
    bullets = re.sub(r"\n  +", " ", block).split("\n- ")[1:]
    pairs = []
    for bullet in bullets:
        head = bullet.split("):", 1)[0]
        for names, dtype in re.findall(r"((?:`\w+`(?:,\s*)?)+)\s*\((\w+)", head):
            pairs += [(name, dtype) for name in re.findall(r"`(\w+)`", names)]
    return pairs


def schema_columns(schema: dict) -> list[tuple[str, str]]:
    return [(c, "category" if isinstance(d, pd.CategoricalDtype) else str(d)) for c, d in schema.items()]


@pytest.mark.parametrize("table", DOCUMENTED_TABLES)
def test_the_data_dictionary_lists_every_column_with_its_dtype(table):
    assert documented_columns(table) == schema_columns(DOCUMENTED_TABLES[table])
