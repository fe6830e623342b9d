"""The schema of every table, and the one place where row columns become typed DataFrames.

Parsing produces plain Python columns (lists); building a DataFrame costs far more than
parsing a short article, so a corpus builds each table once from all its articles' columns
rather than once per article. The dtypes are fixed here: integers as ``int64``, text as
``str``, label columns as categoricals with fixed categories where the set is known
(``actor_type``, ``kind``, ``topic``, ``via``, an interaction's ``type`` and ``mode``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

import numpy as np
import pandas as pd
from pandas.api.internals import create_dataframe_from_blocks

# The allowed values of the label columns, in chart order.
ACTOR_TYPES = ("person", "country", "organization", "event", "place", "facility")
MENTION_KINDS = ("name", "title", "pronoun", "adjective")
VIA = ("term", "actor", "interaction", "context")
# Who dealt with whom: the types ``data/verbs.csv`` may give an interaction, and its modes.
INTERACTION_TYPES = (
    "meet",
    "visit",
    "host",
    "call",
    "talk",
    "negotiate",
    "sign",
    "invite",
    "praise",
    "thank",
    "congratulate",
    "message",
    "support",
    "criticize",
    "agree",
    "other",
)
MODES = ("happened", "planned", "denied")
_STR = pd.array([], dtype="str").dtype  # backed by Arrow where pyarrow is installed
SENTENCES = {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64", "end": "int64", "text": "str"}
MENTIONS = {
    "mention_id": "int64",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "str",
    "actor_id": "category",
    "actor": "category",
    "actor_type": pd.CategoricalDtype(ACTOR_TYPES),
    "kind": pd.CategoricalDtype(MENTION_KINDS),
    "registered": "bool",
    "nested": "bool",
    "antecedent_id": "Int64",
}
ACTORS = {
    "actor_id": "str",
    "actor": "str",
    "actor_type": pd.CategoricalDtype(ACTOR_TYPES),
    "registered": "bool",
    "country": "str",
    "titles": "str",
    "aliases": "str",
    "pronoun": "str",
    "mentions": "int64",
}
CANDIDATES = {"sentence_id": "int64", "start": "int64", "end": "int64", "text": "str"}
INTERACTIONS = {
    "interaction_id": "int64",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "str",
    "type": pd.CategoricalDtype(INTERACTION_TYPES),
    "cameo": "str",
    "source_id": "category",
    "source": "category",
    "target_id": "category",
    "target": "category",
    "mode": pd.CategoricalDtype(MODES),
}
STATEMENTS = {
    "statement_id": "int64",
    "sentence_id": "int64",
    "speaker_id": "category",
    "speaker": "category",
    "verb": "str",
    "verb_start": "int64",
    "verb_end": "int64",
    "start": "int64",
    "end": "int64",
    "text": "str",
    "direct": "bool",
    "topics": "str",
}


def topics_schema(topic_ids: Iterable[str]) -> dict:
    """The topics table's schema for a lexicon's topic ids (one schema object per lexicon)."""
    return _topics_schema(tuple(topic_ids))


@cache
def _topics_schema(topic_ids: tuple[str, ...]) -> dict:
    return {
        "sentence_id": "int64",
        "topic": pd.CategoricalDtype(list(topic_ids)),
        "evidence": "str",
        "start": "int64",
        "end": "int64",
        "via": pd.CategoricalDtype(VIA),
    }


def build(columns: dict[str, list], schema: dict, actors_as_categories: bool = True) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns (plus a leading ``article_id`` if present).

    Actor columns (``actor_id``, ``source``, ``speaker``, ...) become categoricals ordered by
    first appearance, so that ``value_counts()`` lists only actors that occur (a missing
    target is NaN); a corpus keeps them as ``str`` instead, since every article would have its
    own categories.

    Each column is made directly from its values (codes looked up for categoricals, Arrow
    arrays for text), the integer and the boolean columns each as one block, and the frame from
    these blocks (``pandas.api.internals.create_dataframe_from_blocks``): the same frame
    ``pd.DataFrame`` would give, in a fraction of the time, which matters for a short article.
    """
    names = (("article_id",) if "article_id" in columns else ()) + tuple(schema)
    dtypes = tuple("str" if name == "article_id" else schema[name] for name in names)
    blocks = [
        (np.array([columns[names[i]] for i in where], dtype=dtype).reshape(len(where), -1), placement)
        for dtype, where, placement in _numpy_blocks(dtypes)
    ]
    for i, placement in _extension_blocks(dtypes):
        column = _column(columns[names[i]], dtypes[i], actors_as_categories)
        blocks.append((column.reshape(1, -1) if isinstance(column, np.ndarray) else column, placement))
    rows = len(columns[names[0]]) if names else 0
    return create_dataframe_from_blocks(blocks, pd.RangeIndex(rows), _column_index(names))


@cache
def _numpy_blocks(dtypes: tuple) -> list[tuple[str, list[int], np.ndarray]]:
    """For a schema's dtypes: (numpy dtype, its columns' positions, their placement) per block."""
    out = []
    for kind in ("int64", "bool"):
        where = [i for i, dtype in enumerate(dtypes) if isinstance(dtype, str) and dtype == kind]
        if where:
            out.append((kind, where, np.array(where, dtype=np.intp)))
    return out


@cache
def _extension_blocks(dtypes: tuple) -> list[tuple[int, np.ndarray]]:
    """For a schema's dtypes: (position, placement) of each column made as a pandas array."""
    return [
        (i, np.array([i], dtype=np.intp))
        for i, dtype in enumerate(dtypes)
        if not (isinstance(dtype, str) and dtype in ("int64", "bool"))
    ]


def _column(values: list, dtype: object, actors_as_categories: bool) -> object:
    if isinstance(dtype, pd.CategoricalDtype):
        return _categorical(values, dtype)
    if dtype == "category":
        if not actors_as_categories:
            return _strings(values)
        order = {}
        for value in values:
            if value is not None and value not in order:
                order[value] = len(order)
        return _categorical(values, _actor_dtype(tuple(order)), order)
    if dtype == "str":
        return _strings(values)
    if dtype == "Int64":
        missing = np.array([v is None for v in values], dtype=bool)
        data = np.array([0 if v is None else v for v in values], dtype=np.int64)
        return pd.arrays.IntegerArray(data, missing)
    array = pd.array(values, dtype=dtype)  # another dtype: as pandas would store it
    return array.to_numpy() if isinstance(array, pd.arrays.NumpyExtensionArray) else array


def _categorical(values: list, dtype: pd.CategoricalDtype, codes: dict | None = None) -> pd.Categorical:
    """``pd.Categorical(values, dtype=dtype)``, from codes looked up in a dict (a value outside
    the categories, or None, is NaN as there)."""
    if codes is None:
        codes = _codes(dtype)
    return pd.Categorical.from_codes(
        np.array([codes.get(v, -1) for v in values], dtype=np.int64), dtype=dtype, validate=False
    )


@cache
def _codes(dtype: pd.CategoricalDtype) -> dict:
    return {category: code for code, category in enumerate(dtype.categories)}


@lru_cache(maxsize=4096)
def _actor_dtype(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """``pd.CategoricalDtype(list(categories))``. Text categories (actors, never None, each once)
    are made straight from an Arrow string array, without the type inference and the checks
    that cost more than the rest of a short article's table."""
    if _STR.storage != "pyarrow" or not categories or not all(type(c) is str for c in categories):
        return pd.CategoricalDtype(list(categories))
    return pd.CategoricalDtype._from_fastpath(pd.Index._simple_new(_strings(list(categories))), ordered=False)


def _strings(values: list) -> object:
    """``pd.array(values, dtype="str")``: with pyarrow, an Arrow string array made straight from
    the values."""
    if _STR.storage != "pyarrow":
        return pd.array(values, dtype="str")
    import pyarrow as pa
    from pandas.core.arrays.string_arrow import ArrowStringArray

    try:
        chunks = pa.chunked_array([pa.array(values, type=pa.large_string())])
    except (pa.ArrowException, TypeError):  # not all strings (or None): let pandas convert them
        return pd.array(values, dtype="str")
    return ArrowStringArray(chunks, dtype=_STR)


@cache
def _column_index(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(list(names), dtype="str")
