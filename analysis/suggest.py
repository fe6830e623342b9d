"""Closing the loop: the actors an article or corpus revealed, as rows to review and add to the registry.

``suggest_registry`` turns the discovered actors (``registered`` False) into rows in the
registry's own CSV format (``actor_id,name,type,country,code,aliases,adjectives,titles,
pronoun``), with how often each was mentioned and one sentence where it appears, so an analyst
can read them, delete what is wrong and append the rest to ``data/registry/actors.csv`` (or
pass the file with ``--registry``). Across a corpus, rows with the same id (the same full name)
are one actor: their names, roles and counts are pooled; a bare surname has its own id, so two
people who share one are never merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.registry import COLUMNS

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.corpus import Corpus

SUGGESTION_COLUMNS = [*COLUMNS, "mentions", "articles", "example"]


def suggest_registry(source: Article | Corpus, min_mentions: int = 1) -> pd.DataFrame:
    """Registry rows for the actors discovered in ``source`` (an Article or a Corpus).

    Columns: the registry's (``actor_id`` ... ``pronoun``), then ``mentions`` (all references,
    any kind), ``articles`` (how many articles mention it) and ``example`` (the first sentence
    naming it). Most-mentioned first, then by id; actors with fewer than ``min_mentions``
    references are left out.
    """
    actors = source.actors
    if "article_id" not in actors:
        actors = actors.assign(article_id="")
    found = actors[~actors["registered"]]
    rows = []
    for actor_id, group in found.groupby("actor_id", sort=True):
        first = group.iloc[0]
        rows.append(
            {
                "actor_id": actor_id,
                "name": first["actor"],
                "type": str(first["actor_type"]),
                "country": next((c for c in group["country"] if isinstance(c, str) and c), ""),
                "code": "",
                "aliases": _pooled(group["aliases"], exclude=first["actor"]),
                "adjectives": "",
                "titles": _pooled(group["titles"]),
                "pronoun": next((p for p in group["pronoun"] if isinstance(p, str) and p), ""),
                "mentions": int(group["mentions"].sum()),
                "articles": int(group["article_id"].nunique()),
                "example": _example(source, actor_id),
            }
        )
    table = pd.DataFrame(rows, columns=SUGGESTION_COLUMNS)
    table = table[table["mentions"] >= min_mentions]
    table = table.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype({"mentions": "int64", "articles": "int64"})


def _pooled(cells: pd.Series, exclude: str | None = None) -> str:
    forms = [f for cell in cells if isinstance(cell, str) for f in cell.split("|") if f and f != exclude]
    return "|".join(dict.fromkeys(forms))


def _example(source: Article | Corpus, actor_id: str) -> str:
    """The first sentence with a name mention of the actor (any mention if it has no name)."""
    m = source.mentions
    mine = m[m["actor_id"].astype(str) == actor_id]
    named = mine[mine["kind"] == "name"]
    row = (named if len(named) else mine).iloc[0]
    s = source.sentences
    keys = s["sentence_id"] == row["sentence_id"]
    if "article_id" in m:
        keys &= s["article_id"] == row["article_id"]
    return " ".join(str(s.loc[keys, "text"].iloc[0]).split())
