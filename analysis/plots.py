"""Charts of what an article covers and who appears in it.

Each function takes the tidy tables from ``analysis.summaries``, returns a matplotlib
``Figure`` (built without pyplot, so notebooks show it exactly once and nothing leaks between
calls) and, given ``save="figures/name"``, writes ``name.svg``, ``name.png`` and ``name.csv``
(the data plotted) with reproducible bytes. Titles state the finding and are computed from the
data by ``analysis.findings`` (whose rules say when a topic "runs through" or "keeps to" part
of the article), so the same call titles another article correctly. Sentence positions on an
axis are 1-based ("Sentence (1 = first)"); the tables and CSVs stay 0-based. Legends sit in
the figure's margin, which the layout sizes to fit them. Colours come from the topic lexicon
and from the fixed palettes in ``analysis.config`` (Okabe-Ito, safe for colour-blind readers).
"""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from matplotlib.patches import Patch

from analysis import findings
from analysis.config import ACTOR_TYPE_COLORS, GOLD_SET_COLORS, INTERACTION_TYPE_COLORS, MENTION_KIND_TINT
from analysis.io import SVG_HASH_SALT, save_figure, write_csv
from analysis.tables import MENTION_KINDS

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from analysis.topics import Lexicon

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#333333",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "legend.frameon": False,
    "svg.hashsalt": SVG_HASH_SALT,
    "svg.fonttype": "path",
}
MUTED = "#777777"
TOP_ACTORS = 12
FIGURE_DPI = 100  # fixed, so layout is the same inline (where the backend sets its own dpi) and on disk
TITLE_WIDTH = 72  # characters per title line at the 7.5-inch figure width
SENTENCE_AXIS = "Sentence (1 = first; dashed lines: paragraph breaks)"


def _styled(draw):
    """Run a plotting function entirely under ``STYLE``, whatever the caller's rcParams are.

    Titles, ticks and legends read rcParams when they are created, so styling only the
    figure's creation would leave a chart looking different in a notebook and on disk.
    """

    @functools.wraps(draw)
    def styled(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return draw(*args, **kwargs)

    return styled


def notebook_setup() -> None:
    """Inline figures as SVG with reproducible bytes, and table display options, for notebooks."""
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    matplotlib.rcParams.update(STYLE)
    set_matplotlib_formats("svg", metadata={"Date": None}, bbox_inches="tight")
    pd.set_option("display.max_rows", 100)
    pd.set_option("display.max_colwidth", 120)


@_styled
def topic_bars(summary: pd.DataFrame, save: str | Path | None = None) -> Figure:
    """Share of sentences touching each topic, largest first, labelled with the count."""
    data = summary[["topic", "label", "color", "sentences", "share"]].reset_index(drop=True)
    if data.empty or not data["sentences"].iloc[0]:
        return _nothing("No sentence of the article carries a topic", data, save)
    total = round(data["sentences"].iloc[0] / data["share"].iloc[0])
    fig, ax = _figure(7.5, 0.42 * len(data) + 1.2)
    y = np.arange(len(data))[::-1]
    ax.barh(y, data["share"] * 100, color=data["color"], edgecolor="#333333", linewidth=0.4, height=0.7)
    for yi, (n, share) in zip(y, data[["sentences", "share"]].itertuples(index=False), strict=True):
        ax.text(share * 100 + 1, yi, f"{n} of {total} ({share:.0%})", va="center", color="#333333")
    ax.set_yticks(y, data["label"])
    ax.set_xlim(0, 115)
    ax.set_xlabel("Share of the article's sentences (%)")
    ax.xaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)
    _title(ax, findings.topic_lead(data, total))
    return _done(fig, data, save)


@_styled
def topic_strip(
    matrix: pd.DataFrame, sentences: pd.DataFrame, lexicon: Lexicon, save: str | Path | None = None
) -> Figure:
    """Where each topic appears: sentences in reading order across, topics down, paragraphs marked."""
    topics = list(matrix.columns)
    if not matrix.to_numpy().any():
        return _nothing(
            "No sentence of the article carries a topic", matrix.astype("int64").reset_index(), save
        )
    fig, ax = _figure(7.5, 0.38 * len(topics) + 1.6)
    for row, topic in enumerate(topics):
        hits = matrix.index[matrix[topic]].to_numpy()
        ax.scatter(
            hits,
            np.full(len(hits), row),
            marker="s",
            s=90,
            color=lexicon.colors[topic],
            edgecolor="#333333",
            linewidth=0.4,
        )
    _paragraph_breaks(ax, sentences)
    ax.set_yticks(range(len(topics)), [lexicon.labels[t] for t in topics])
    ax.set_ylim(len(topics) - 0.5, -0.5)
    _sentence_axis(ax, sentences)
    _title(ax, findings.topic_spread(matrix, lexicon.labels))
    data = matrix.astype("int64").reset_index()
    return _done(fig, data, save)


@_styled
def actor_bars(counts: pd.DataFrame, top: int = TOP_ACTORS, save: str | Path | None = None) -> Figure:
    """Mentions per actor, stacked by how the actor was referred to, coloured by actor type.

    Hue is the actor type; within a bar, the darkest part counts names and lighter parts
    titles, pronouns and adjectives, so both readings stay legible without a second palette.
    """
    data = counts.head(top).reset_index(drop=True)
    if data.empty:
        return _nothing("No actor is mentioned in this article", data, save)
    fig, ax = _figure(7.5, 0.36 * len(data) + 1.5)
    y = np.arange(len(data))[::-1]
    left = np.zeros(len(data))
    types = data["actor_type"].astype(str)
    for kind in MENTION_KINDS:
        colours = [_tint(ACTOR_TYPE_COLORS[t], MENTION_KIND_TINT[kind]) for t in types]
        ax.barh(y, data[kind], left=left, color=colours, edgecolor="white", linewidth=0.6, height=0.72)
        left += data[kind].to_numpy()
    for yi, total in zip(y, data["total"], strict=True):
        ax.text(total + 0.15, yi, str(total), va="center", color="#333333")
    ax.set_yticks(y, data["actor"])
    _mark_discovered(ax.get_yticklabels(), data)
    ax.set_xlabel(_xlabel_with_key("Mentions (count)", data))
    ax.xaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)
    ax.set_xlim(0, data["total"].max() * 1.08 + 0.5)
    present = list(dict.fromkeys(types))
    fig.legend(
        handles=[Patch(color=ACTOR_TYPE_COLORS[t], label=t) for t in present],
        title="Actor type",
        loc="outside right upper",
    )
    # Each kind's swatch shows its shade of every type on the chart, as the bars do.
    kinds = [k for k in MENTION_KINDS if data[k].any()]
    fig.legend(
        handles=[
            tuple(Patch(color=_tint(ACTOR_TYPE_COLORS[t], MENTION_KIND_TINT[k])) for t in present)
            for k in kinds
        ],
        labels=kinds,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0)},
        handlelength=max(2.0, 0.9 * len(present)),
        title="Referred to by",
        loc="outside right lower",
    )
    _title(ax, findings.actor_lead(data))
    return _done(fig, data, save)


@_styled
def actor_strip(
    positions: pd.DataFrame, sentences: pd.DataFrame, top: int = TOP_ACTORS, save: str | Path | None = None
) -> Figure:
    """Where each actor appears: sentences across, actors down, one mark per mention by kind."""
    actors = list(positions["actor"].cat.categories[:top])
    data = positions[positions["actor"].isin(actors)].reset_index(drop=True)
    if data.empty:
        return _nothing("No actor is mentioned in this article", data, save)
    fig, ax = _figure(7.5, 0.36 * len(actors) + 1.6)
    row = {a: i for i, a in enumerate(actors)}
    markers = {"name": "o", "title": "s", "pronoun": "^", "adjective": "D"}
    offsets = {"name": -0.18, "title": -0.06, "pronoun": 0.06, "adjective": 0.18}
    for kind in MENTION_KINDS:
        part = data[data["kind"] == kind]
        if part.empty:
            continue
        ax.scatter(
            part["sentence_id"] + offsets[kind],
            part["actor"].map(row).astype(float),
            marker=markers[kind],
            s=42,
            color=[ACTOR_TYPE_COLORS[str(t)] for t in part["actor_type"]],
            edgecolor="#222222",
            linewidth=0.4,
            label=kind,
        )
    _paragraph_breaks(ax, sentences)
    ax.set_yticks(range(len(actors)), actors)
    _mark_discovered(ax.get_yticklabels(), data)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    _sentence_axis(ax, sentences)
    legend = fig.legend(title="Referred to by", loc="outside right upper")
    for handle in legend.legend_handles:
        handle.set_color("#bbbbbb")
        handle.set_edgecolor("#222222")
    spread = data.groupby("actor", observed=True)["sentence_id"].nunique().reindex(actors)
    spread = spread.sort_values(ascending=False, kind="stable")
    names, most, tied = findings.leaders([str(a) for a in spread.index], [int(v) for v in spread])
    where = f"{most} of {_count(len(sentences), 'sentence')}"
    _title(ax, f"{names} appears in {where}, more than any other actor" if tied == 1
           else f"{names} appear in {where} each, more than any other actor")  # fmt: skip
    return _done(fig, data, save)


@_styled
def cooccurrence_heatmap(
    matrix: pd.DataFrame, min_mentions: int = 1, save: str | Path | None = None
) -> Figure:
    """Sentences shared by each pair of actors; the diagonal (grey) shows each actor's own.

    ``min_mentions`` is the threshold ``actor_cooccurrence`` was given; above 1 the title says it.
    """
    among = f" (actors with {min_mentions}+ mentions)" if min_mentions > 1 else ""
    if len(matrix) < 2:
        return _nothing(f"Fewer than two actors to pair{among}", matrix.reset_index(), save)
    values = matrix.to_numpy()
    pairs = values.astype(float).copy()
    np.fill_diagonal(pairs, np.nan)
    fig, ax = _figure(7.5, 6.2)
    image = ax.imshow(np.ma.masked_invalid(pairs), cmap=_HEAT, vmin=0)
    ax.imshow(np.where(np.eye(len(values)), 1.0, np.nan), cmap="Greys", vmin=0, vmax=8)
    for (i, j), v in np.ndenumerate(values):
        diagonal = i == j
        ax.text(j, i, str(v), ha="center", va="center", fontsize=8, color=MUTED if diagonal else _ink(v, pairs),
                fontstyle="italic" if diagonal else "normal")  # fmt: skip
    _label_grid(ax, matrix.index, matrix.columns)
    fig.colorbar(image, ax=ax, shrink=0.7, label="Sentences mentioning both (count)")
    i, j = np.unravel_index(np.nanargmax(pairs), pairs.shape)
    if values[i, j] == 0:
        _title(ax, f"No two actors share a sentence{among}")
    else:
        _title(
            ax, f"{matrix.index[i]} and {matrix.columns[j]} share the most sentences ({values[i, j]}){among}"
        )
    return _done(fig, matrix.reset_index(), save)


@_styled
def actor_topic_heatmap(
    table: pd.DataFrame,
    lexicon: Lexicon,
    top: int = TOP_ACTORS,
    save: str | Path | None = None,
    frame: list[str] | tuple = (),
) -> Figure:
    """Sentences in which each actor appears together with each topic (the ``top`` actors).

    ``frame`` lists topics that run through the article (``findings.frame_topics``), which the
    title sets aside to name the strongest other tie.
    """
    data = table.head(top)
    data = data.loc[:, data.sum(axis=0) > 0]
    if data.empty:
        return _nothing("No sentence mentions both an actor and a topic", table.reset_index(), save)
    values = data.to_numpy()
    fig, ax = _figure(7.5, 0.34 * len(data) + 2.2)
    image = ax.imshow(values, cmap=_HEAT, vmin=0, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        if v:
            ax.text(j, i, str(v), ha="center", va="center", color=_ink(v, values), fontsize=8)
    _label_grid(ax, data.index, [lexicon.labels[t] for t in data.columns])
    fig.colorbar(image, ax=ax, shrink=0.8, label="Sentences with actor and topic (count)")
    _title(ax, findings.actor_topic_tie(data, lexicon.labels, frame))
    return _done(fig, data.reset_index(), save)


_HEAT = "Blues"  # one hue, white at zero: readable in grey and by colour-blind readers


def _mark_discovered(labels: list, data: pd.DataFrame) -> None:
    """Set in italics the labels of actors discovered in the text rather than registered."""
    if "registered" not in data:
        return
    discovered = set(data.loc[~data["registered"].astype(bool), "actor"].astype(str))
    for label in labels:
        if label.get_text() in discovered:
            label.set_fontstyle("italic")


def _xlabel_with_key(label: str, data: pd.DataFrame) -> str:
    if "registered" in data and not data["registered"].all():
        return f"{label}; names in italics were found in the text, not in the registry"
    return label


def _ink(value: float, values: np.ndarray) -> str:
    return "white" if value > np.nanmax(values) * 0.6 else "#222222"


def _tint(colour: str, amount: float) -> tuple[float, float, float]:
    """``colour`` blended towards white by ``amount`` (0: unchanged, 1: white)."""
    return tuple(c + (1 - c) * amount for c in to_rgb(colour))


def _title(ax: Axes, text: str) -> None:
    """The finding, left-aligned on the figure (not the axes), so long labels never push it off."""
    ax.figure.suptitle(textwrap.fill(text, TITLE_WIDTH), x=0.01, ha="left", fontsize=11, fontweight="bold")


def _count(n: int, noun: str) -> str:
    """ "1 sentence", "3 sentences"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _figure(width: float, height: float):
    fig = Figure(figsize=(width, height), dpi=FIGURE_DPI, layout="constrained")
    return fig, fig.add_subplot()


def _nothing(message: str, data: pd.DataFrame, save: str | Path | None) -> Figure:
    """A small figure that says there is nothing to draw, so every call still yields its files."""
    fig, ax = _figure(7.5, 1.2)
    ax.set_axis_off()
    _title(ax, message)
    return _done(fig, data, save)


def _done(fig: Figure, data: pd.DataFrame, save: str | Path | None) -> Figure:
    if save is not None:
        save_figure(fig, save)
        write_csv(data, Path(save).with_suffix(".csv"))
    return fig


def _sentence_axis(ax: Axes, sentences: pd.DataFrame) -> None:
    """Sentences across, labelled 1-based (the frames stay 0-based)."""
    ids = sentences["sentence_id"].to_numpy()
    step = max(1, -(-len(ids) // 40))  # at most about 40 labels
    ax.set_xticks(ids[::step], [str(i + 1) for i in ids[::step]])
    ax.set_xlim(-0.7, len(sentences) - 0.3)
    ax.set_xlabel(SENTENCE_AXIS)


def _paragraph_breaks(ax: Axes, sentences: pd.DataFrame) -> None:
    starts = sentences["sentence_id"][sentences["paragraph_id"].diff().fillna(0) > 0]
    for sid in starts:
        ax.axvline(sid - 0.5, color="#aaaaaa", linestyle="--", linewidth=0.8, zorder=0)


def _label_grid(ax: Axes, rows: list[str], columns: list[str]) -> None:
    ax.set_xticks(range(len(columns)), columns, rotation=40, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), rows)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)


@_styled
def corpus_actor_bars(
    frequency: pd.DataFrame, top: int = TOP_ACTORS, save: str | Path | None = None
) -> Figure:
    """Across a corpus: how many articles mention each actor (bars), with total mentions labelled."""
    data = frequency.head(top).reset_index(drop=True)
    if data.empty:
        return _nothing("No actor is mentioned in this corpus", data, save)
    fig, ax = _figure(7.5, 0.36 * len(data) + 1.5)
    y = np.arange(len(data))[::-1]
    colours = [ACTOR_TYPE_COLORS[str(t)] for t in data["actor_type"]]
    ax.barh(y, data["articles"], color=colours, height=0.72)
    for yi, (articles, total) in zip(y, data[["articles", "total"]].itertuples(index=False), strict=True):
        ax.text(articles + 0.05, yi, f"{articles} ({total} mentions)", va="center", color="#333333")
    ax.set_yticks(y, data["actor"])
    _mark_discovered(ax.get_yticklabels(), data)
    ax.set_xlabel("Articles mentioning the actor (count)")
    ax.set_xlim(0, data["articles"].max() * 1.35)
    ax.xaxis.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)
    present = list(dict.fromkeys(data["actor_type"].astype(str)))
    ax.legend(
        handles=[Patch(color=ACTOR_TYPE_COLORS[t], label=t) for t in present],
        title="Actor type",
        loc="lower right",
    )
    names, most, tied = findings.leaders(list(data["actor"]), [int(v) for v in data["articles"]])
    articles = _count(most, "article")
    _title(ax, f"{names} appears in {articles}, more than any other actor" if tied == 1
           else f"{names} appear in {articles} each, more than any other actor")  # fmt: skip
    return _done(fig, data, save)


@_styled
def corpus_topic_heatmap(share: pd.DataFrame, lexicon: Lexicon, save: str | Path | None = None) -> Figure:
    """Article x topic: the share of each article's sentences that carry each topic."""
    data = share.loc[:, share.sum(axis=0) > 0]
    if data.empty:
        return _nothing("No article in this corpus carries a topic", share.reset_index(), save)
    values = data.to_numpy() * 100
    longest = max(len(str(a)) for a in data.index)
    fig, ax = _figure(7.5 + max(0.0, (longest - 40) * 0.07), 0.42 * len(data) + 2.4)
    image = ax.imshow(values, cmap=_HEAT, vmin=0, vmax=100, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        if v:
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", color=_ink(v, np.array([100.0])), fontsize=8)
    _label_grid(ax, [str(a) for a in data.index], [lexicon.labels[t] for t in data.columns])
    fig.colorbar(image, ax=ax, shrink=0.8, label="Share of the article's sentences (%)")
    mean = data.mean(axis=0).sort_values(ascending=False, kind="stable")
    _title(
        ax,
        f"{lexicon.labels[mean.index[0]]} takes the largest share of these articles, {mean.iloc[0]:.0%} of sentences on average",
    )
    return _done(fig, (data * 100).round(1).reset_index(), save)


@_styled
def accuracy_bars(scores: pd.DataFrame, save: str | Path | None = None) -> Figure:
    """F1 per task (sentences, mentions, actor counts, topics) for each gold-annotated article."""
    data = scores[scores["group"] == "all"].pivot(index="article", columns="task", values="f1")
    tasks = [t for t in ("sentences", "mentions", "actor_counts", "topics") if t in data.columns]
    data = data[tasks]
    fig, ax = _figure(7.5, 0.55 * len(data) * len(tasks) / 3 + 1.8)
    height = 0.8 / len(tasks)
    palette = dict(zip(tasks, ("#0072B2", "#E69F00", "#009E73", "#CC79A7"), strict=False))
    y = np.arange(len(data))[::-1]
    for k, task in enumerate(tasks):
        offset = (k - (len(tasks) - 1) / 2) * height
        ax.barh(
            y - offset, data[task], height=height * 0.92, color=palette[task], label=task.replace("_", " ")
        )
        for yi, v in zip(y - offset, data[task], strict=True):
            ax.text(v + 0.005, yi, f"{v:.2f}", va="center", fontsize=7, color="#333333")
    ax.set_yticks(y, [textwrap.shorten(a, 44, placeholder="…") for a in data.index])
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("F1 against the hand-made gold (0 to 1)")
    fig.legend(loc="outside right upper", title="Task")
    worst = data.stack().idxmin()
    _title(
        ax,
        f"Every score is {data.min().min():.2f} or better; the lowest is {worst[1].replace('_', ' ')} in {worst[0]}",
    )
    return _done(fig, data.reset_index(), save)


@_styled
def gold_set_bars(summary: pd.DataFrame, save: str | Path | None = None) -> Figure:
    """F1 of each headline measure (``report.set_summary``) on each gold set, side by side.

    A measure a set cannot score (no events annotated, say) gets no bar and the label "–".
    """
    measures, sets = list(dict.fromkeys(summary["measure"])), list(dict.fromkeys(summary["set"]))
    data = summary.pivot(index="measure", columns="set", values="f1").reindex(index=measures, columns=sets)
    if data.empty:
        return _nothing("No gold set could be scored", data.reset_index(), save)
    fig, ax = _figure(7.5, 0.22 * len(measures) * len(sets) + 1.6)
    height = 0.8 / len(sets)
    y = np.arange(len(measures))[::-1]
    for k, name in enumerate(sets):
        offset = (k - (len(sets) - 1) / 2) * height
        values = data[name]
        ax.barh(
            y - offset,
            values.fillna(0),
            height=height * 0.92,
            color=GOLD_SET_COLORS.get(name, MUTED),
            label=name,
        )
        for yi, v in zip(y - offset, values, strict=True):
            shown = "–" if pd.isna(v) else f"{v:.2f}"
            ax.text((0 if pd.isna(v) else v) + 0.005, yi, shown, va="center", fontsize=7, color="#333333")
    ax.set_yticks(y, measures)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("F1 against the hand-made gold, counts pooled over each set's articles (0 to 1)")
    fig.legend(loc="outside right upper", title="Gold set")
    _title(ax, findings.gold_sets(summary).replace("\n", " "))
    return _done(fig, data.reset_index(), save)


@_styled
def interaction_network(edges: pd.DataFrame, save: str | Path | None = None) -> Figure:
    """Who dealt with whom (``network.interaction_edges``): actors on a circle, arrows by type.

    The layout is fixed, not simulated: actors sit on a circle in order of how many
    interactions they take part in (then by name), clockwise from the top, so the same table
    always gives the same picture. Node colour is the actor type; arrow colour the interaction
    type, its width the count; two types between the same actors bend apart.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    from analysis.network import network_finding

    data = edges.reset_index(drop=True)
    if data.empty:
        return _nothing("No interaction between two actors was found", data, save)
    weight: dict[str, int] = {}
    names, kinds = {}, {}
    for side in ("source", "target"):
        for actor_id, name, kind, n in zip(
            data[f"{side}_id"], data[side], data[f"{side}_type"], data["count"], strict=True
        ):
            weight[actor_id] = weight.get(actor_id, 0) + int(n)
            names[actor_id], kinds[actor_id] = name, kind
    order = sorted(weight, key=lambda a: (-weight[a], names[a], a))
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(order)) / len(order)
    where = {a: (np.cos(t), np.sin(t)) for a, t in zip(order, angles, strict=True)}
    fig, ax = _figure(7.5, 6.2)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.35, 1.35)
    seen: dict[frozenset, int] = {}
    for row in data.itertuples(index=False):
        pair = frozenset((row.source_id, row.target_id))
        bend = 0.12 + 0.12 * seen.get(pair, 0)
        seen[pair] = seen.get(pair, 0) + 1
        ax.add_patch(
            FancyArrowPatch(
                where[row.source_id],
                where[row.target_id],
                connectionstyle=f"arc3,rad={bend}",
                arrowstyle="-|>",
                mutation_scale=11,
                color=INTERACTION_TYPE_COLORS[row.type],
                linewidth=0.8 + 0.7 * min(int(row.count), 5),
                shrinkA=9,
                shrinkB=9,
                zorder=1,
            )
        )
    for actor_id in order:
        x, y = where[actor_id]
        ax.scatter(
            [x],
            [y],
            s=170,
            color=ACTOR_TYPE_COLORS.get(kinds[actor_id], MUTED),
            edgecolor="#333333",
            zorder=2,
        )
        ax.text(
            x * 1.13,
            y * 1.13,
            textwrap.shorten(names[actor_id], 30, placeholder="…"),
            ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
            va="bottom" if y > 0.05 else "top" if y < -0.05 else "center",
            fontsize=8,
            color="#222222",
        )
    types = list(dict.fromkeys(t for t in INTERACTION_TYPE_COLORS if t in set(data["type"])))
    actor_types = [t for t in ACTOR_TYPE_COLORS if t in set(kinds.values())]
    handles = [Line2D([], [], color=INTERACTION_TYPE_COLORS[t], linewidth=2, label=t) for t in types]
    handles += [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=ACTOR_TYPE_COLORS[t], label=t)
        for t in actor_types
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, title="Interaction / actor"
    )
    _title(ax, network_finding(data).rstrip("."))
    return _done(fig, data, save)
