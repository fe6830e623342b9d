"""Who dealt with whom, as a graph: from ``art.interactions`` (or a corpus's) to networkx and files.

``interaction_edges`` sums the interactions into one row per (source, target, type): the tidy
table the chart plots and writes beside itself. ``interaction_graph`` turns it into a networkx
``MultiDiGraph`` (one edge per type between two actors, with ``type``, ``count`` and
``planned``; nodes carry ``label``, the actor's name, and ``actor_type``), and
``write_network`` saves that as GraphML and GEXF for Gephi, Cytoscape and the like, with the
same bytes on every run (nodes and edges sorted; GEXF's date stamp dropped).

Rules: interactions without a target are left out (they link no two actors), and so are
denied ones (they did not happen); planned ones count, and ``planned`` says how many.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.io import atomic_write

if TYPE_CHECKING:
    import networkx as nx

    from analysis.article import Article
    from analysis.corpus import Corpus

EDGE_COLUMNS = [
    "source_id",
    "source",
    "source_type",
    "target_id",
    "target",
    "target_type",
    "type",
    "count",
    "planned",
]
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def interaction_edges(source: Article | Corpus) -> pd.DataFrame:
    """One row per (source, target, type) with how many interactions it sums; most first.

    >>> from analysis.article import parse_text
    >>> art = parse_text("Akylbek Kamaldinov met with Nasser Bourita. He thanked Morocco.")
    >>> interaction_edges(art)[["source", "target", "type", "count"]].values.tolist()
    [['Akylbek Kamaldinov', 'Morocco', 'thank', 1], ['Akylbek Kamaldinov', 'Nasser Bourita', 'meet', 1]]
    """
    rows = source.interactions
    rows = rows[rows["target_id"].notna() & (rows["mode"].astype(str) != "denied")]
    types = _actor_types(source.mentions)
    frame = pd.DataFrame(
        {
            "source_id": rows["source_id"].astype(str),
            "source": rows["source"].astype(str),
            "target_id": rows["target_id"].astype(str),
            "target": rows["target"].astype(str),
            "type": rows["type"].astype(str),
            "planned": (rows["mode"].astype(str) == "planned").astype("int64"),
        }
    )
    edges = (
        frame.groupby(["source_id", "source", "target_id", "target", "type"], sort=True)
        .agg(count=("planned", "size"), planned=("planned", "sum"))
        .reset_index()
    )
    edges["source_type"] = edges["source_id"].map(types).astype(str)
    edges["target_type"] = edges["target_id"].map(types).astype(str)
    edges = edges.sort_values(
        ["count", "source", "target", "type"], ascending=[False, True, True, True], kind="stable"
    )
    return edges[EDGE_COLUMNS].astype({"count": "int64", "planned": "int64"}).reset_index(drop=True)


def _actor_types(mentions: pd.DataFrame) -> dict[str, str]:
    return dict(zip(mentions["actor_id"].astype(str), mentions["actor_type"].astype(str), strict=True))


def interaction_graph(source: Article | Corpus | pd.DataFrame) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` of the interactions (or of an ``interaction_edges`` table), sorted.

    >>> from analysis.article import parse_text
    >>> g = interaction_graph(parse_text("Nasser Bourita met with Akylbek Kamaldinov."))
    >>> sorted(g.nodes), [(u, v, d["type"], d["count"]) for u, v, d in g.edges(data=True)]
    (['bourita', 'kamaldinov'], [('bourita', 'kamaldinov', 'meet', 1)])
    """
    import networkx as nx

    edges = source if isinstance(source, pd.DataFrame) else interaction_edges(source)
    graph = nx.MultiDiGraph()
    nodes = {}
    for side in ("source", "target"):
        for actor_id, name, actor_type in zip(
            edges[f"{side}_id"], edges[side], edges[f"{side}_type"], strict=True
        ):
            nodes[actor_id] = (name, actor_type)
    for actor_id in sorted(nodes):
        graph.add_node(actor_id, label=nodes[actor_id][0], actor_type=nodes[actor_id][1])
    ordered = edges.sort_values(["source_id", "target_id", "type"], kind="stable")
    for row in ordered.itertuples(index=False):
        graph.add_edge(
            row.source_id,
            row.target_id,
            key=row.type,
            type=row.type,
            count=int(row.count),
            planned=int(row.planned),
        )
    return graph


def write_network(graph: nx.MultiDiGraph, stem: str | Path) -> list[Path]:
    """Write ``stem.graphml`` and ``stem.gexf`` (same bytes every run), atomically; return the paths."""
    import networkx as nx

    stem = Path(stem)

    def graphml(tmp: Path) -> None:
        tmp.write_text("\n".join(nx.generate_graphml(graph)) + "\n", encoding="utf-8")

    def gexf(tmp: Path) -> None:
        text = "\n".join(nx.generate_gexf(graph))
        tmp.write_text(_GEXF_DATE.sub("", text) + "\n", encoding="utf-8")

    return [
        atomic_write(stem.with_suffix(".graphml"), graphml),
        atomic_write(stem.with_suffix(".gexf"), gexf),
    ]


def network_finding(edges: pd.DataFrame) -> str:
    """One sentence on the network: who dealt with the most actors, and how.

    >>> edges = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "C", "A"], "type": ["meet", "thank", "praise"], "count": [2, 1, 1]})
    >>> network_finding(edges)
    'A dealt with 2 other actors in 4 interactions (meet 2, thank 1, praise 1), more than anyone else.'
    """
    if edges.empty:
        return "No interaction between two actors was found."
    ends = pd.concat(
        [
            edges[["source", "target", "type", "count"]].rename(
                columns={"source": "actor", "target": "other"}
            ),
            edges[["target", "source", "type", "count"]].rename(
                columns={"target": "actor", "source": "other"}
            ),
        ]
    )
    partners = ends.groupby("actor")["other"].nunique()
    totals = ends.groupby("actor")["count"].sum()
    ranked = sorted(partners.index, key=lambda a: (-partners[a], -totals[a], a))
    top = ranked[0]
    kinds = ends[ends.actor == top].groupby("type", sort=False)["count"].sum()
    kinds = kinds.sort_values(ascending=False, kind="stable")
    how = ", ".join(f"{t} {n}" for t, n in kinds.items())
    others = "other actor" if partners[top] == 1 else "other actors"
    tie = len(ranked) > 1 and partners[ranked[1]] == partners[top] and totals[ranked[1]] == totals[top]
    tail = f", as many as {ranked[1]}." if tie else ", more than anyone else."
    events = "interaction" if totals[top] == 1 else "interactions"
    return f"{top} dealt with {partners[top]} {others} in {totals[top]} {events} ({how}){tail}"
