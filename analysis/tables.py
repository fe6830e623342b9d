"""The schema of every table, and the one place where row columns become typed DataFrames.

Parsing produces plain Python columns (lists); building a DataFrame costs far more than
parsing a short article, so a corpus builds each table once from all its articles' columns
rather than once per article. The dtypes are fixed here: integers as ``int64``, text as
``str``, label columns as categoricals with fixed categories where the set is known
(``actor_type``, ``kind``, ``topic``, ``via``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

# The allowed values of the label columns, in chart order.
ACTOR_TYPES = ("person", "country", "organization", "event", "place", "facility")
MENTION_KINDS = ("name", "title", "pronoun", "adjective")
VIA = ("term", "actor")
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
CANDIDATES = {"sentence_id": "int64", "start": "int64", "end": "int64", "text": "str"}


def topics_schema(topic_ids: Iterable[str]) -> dict:
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

    ``actor_id`` and ``actor`` become categoricals ordered by first appearance, so that
    ``value_counts()`` lists only actors that occur; a corpus keeps them as ``str`` instead,
    since every article would have its own categories.
    """
    data = {}
    if "article_id" in columns:
        data["article_id"] = pd.array(columns["article_id"], dtype="str")
    for name, dtype in schema.items():
        values = columns[name]
        if isinstance(dtype, pd.CategoricalDtype):
            data[name] = pd.Categorical(values, dtype=dtype)
        elif dtype == "category":
            data[name] = (
                pd.Categorical(values, categories=list(dict.fromkeys(values)))
                if actors_as_categories
                else pd.array(values, dtype="str")
            )
        else:
            data[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(data, columns=list(data))
