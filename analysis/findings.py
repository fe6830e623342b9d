"""Sentences that state measured facts about an article or a corpus, each with its number.

The notebooks print these as their takeaways and the charts use them as titles, so what is
said is computed from the article it runs on and holds for any article. Sentence positions
are said 1-based ("sentence 1" is the first), as readers count; the tables stay 0-based.

Rules for the words, in the order they are checked:

1. A topic "runs through the article" only when it is in more than half of the sentences;
   otherwise it is "the most frequent topic" with its count.
2. A topic "keeps to sentences a–b" only when it is in at least two sentences, all within a
   stretch no longer than half the article, and fills at least half of that stretch.
3. An actor is "tied most to" a topic only when they share at least two sentences; a tie of
   one sentence is said as "only once". A topic that runs through the article is set aside,
   since every actor touches it.
4. Counts are said with their noun in the right number ("1 sentence", "3 sentences").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.summaries import actor_counts, actor_frequency, actor_topics, topic_matrix, topic_share
from analysis.tables import MENTION_KINDS

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.corpus import Corpus


def count(n: int, noun: str) -> str:
    """ "1 sentence", "3 sentences" (rule 4).

    >>> count(1, "sentence"), count(3, "mention")
    ('1 sentence', '3 mentions')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def runs_through(sentences: int, total: int) -> bool:
    """Rule 1: in more than half of the sentences."""
    return total > 0 and sentences * 2 > total


def cluster(positions: list[int], total: int) -> tuple[int, int] | None:
    """Rule 2: the (first, last) 0-based sentence of a topic that keeps to one stretch, or None.

    >>> cluster([3, 4, 5, 6, 7], 14), cluster([0, 12], 14), cluster([2], 14)
    ((3, 7), None, None)
    """
    if len(positions) < 2:
        return None
    first, last = min(positions), max(positions)
    stretch = last - first + 1
    if stretch * 2 <= total and len(set(positions)) * 2 >= stretch:
        return first, last
    return None


def sentence_range(first: int, last: int) -> str:
    """0-based positions said 1-based: "sentence 4" or "sentences 4–8"."""
    return f"sentence {first + 1}" if first == last else f"sentences {first + 1}–{last + 1}"


# Findings on tables: the chart titles.


def leaders(labels: list[str], values: list[int]) -> tuple[str, int, int]:
    """The names tied for first place, joined ("A", "A and B", "A, B and C"), their value, and how many."""
    tied = [label for label, v in zip(labels, values, strict=True) if v == values[0]]
    joined = tied[0] if len(tied) == 1 else ", ".join(tied[:-1]) + f" and {tied[-1]}"
    return joined, values[0], len(tied)


def topic_lead(summary: pd.DataFrame, total: int) -> str:
    """The most frequent topic (and the next), said by rule 1, from ``topic_summary``."""
    tagged = summary[summary["sentences"] > 0].reset_index(drop=True)
    if tagged.empty:
        return f"No sentence of the {count(total, 'sentence')} carries a topic"
    return _lead(list(tagged["label"]), [int(v) for v in tagged["sentences"]], total)


def _lead(labels: list[str], values: list[int], total: int) -> str:
    names, k, tied = leaders(labels, values)
    of = f"{k} of {count(total, 'sentence')}"
    if runs_through(k, total):
        said = f"{names} {'runs' if tied == 1 else 'run'} through the article, in {of}"
    elif tied == 1:
        said = f"{names} is the most frequent topic, in {of}"
    else:
        said = f"{names} are the most frequent topics, in {of} each"
    if len(values) > tied:
        said += f"; next, {labels[tied]} in {values[tied]}"
    return said


def topic_spread(matrix: pd.DataFrame, labels: dict[str, str]) -> str:
    """The leading topic (rule 1) and the first topic that keeps to one stretch (rule 2), from ``topic_matrix``."""
    total = len(matrix)
    counts = matrix.sum(axis=0).sort_values(ascending=False, kind="stable")
    counts = counts[counts > 0]
    if counts.empty:
        return f"No sentence of the {count(total, 'sentence')} carries a topic"
    said = _lead([labels[t] for t in counts.index], [int(v) for v in counts], total)
    for topic in counts.index:
        stretch = cluster(list(matrix.index[matrix[topic]]), total)
        if stretch:
            return f"{said}; {labels[topic]} keeps to {sentence_range(*stretch)}"
    return said


def actor_lead(counts: pd.DataFrame, total_sentences: int | None = None) -> str:
    """The most-mentioned actors, from ``actor_counts``."""
    if counts.empty:
        return "No registered actor is mentioned"
    if len(counts) == 1:
        return f"{counts.actor[0]} is the only actor mentioned ({count(counts.total[0], 'time')})"
    names, k, tied = leaders(list(counts["actor"]), [int(v) for v in counts["total"]])
    if tied == 1:
        first = counts.iloc[0]
        said = f"{names} is mentioned most ({count(k, 'time')}"
        if total_sentences:
            said += f", in {first.sentences} of {count(total_sentences, 'sentence')}"
        said += ")"
    else:
        said = f"{names} are mentioned most ({count(k, 'time')} each)"
    if len(counts) > tied:
        said += f", then {counts.actor.iloc[tied]} ({counts.total.iloc[tied]})"
    return said


def actor_topic_tie(table: pd.DataFrame, labels: dict[str, str], frame: list[str] | tuple = ()) -> str:
    """The strongest actor-topic tie (rule 3), from ``actor_topics``; ``frame`` topics (rule 1) set aside."""
    data = table.loc[:, table.sum(axis=0) > 0]
    if data.empty:
        return "No sentence mentions both an actor and a topic"
    framing = [t for t in frame if t in data.columns]
    rest = data.drop(columns=framing)
    beyond = ""
    if framing and not rest.empty and rest.to_numpy().any():
        beyond = f"Beyond {', '.join(labels[t] for t in framing)}, which runs through the article, "
    else:
        rest = data
    ranked = rest.stack().sort_values(ascending=False, kind="stable")
    (actor, topic), n = ranked.index[0], int(ranked.iloc[0])
    if n >= 2:
        said = f"{actor} is tied most to {labels[topic]} ({n} sentences)"
    else:
        said = (
            f"no actor shares more than one sentence with a topic ({actor} meets {labels[topic]} only once)"
        )
    return beyond + said if beyond else said[0].upper() + said[1:]


# Findings on an article: the notebooks' takeaways.


def article(art: Article) -> str:
    """What the parser made of the article: metadata, sentences, mentions, unknown names."""
    n = len(art.sentences)
    paragraphs = art.sentences["paragraph_id"].nunique()
    lines = [f"The parser finds {count(n, 'sentence')} in {count(paragraphs, 'paragraph')}."]
    metadata = []
    if art.headline is not None:
        metadata.append(f"the headline ({_quoted(art.headline.text)})")
    if art.dateline is not None:
        metadata.append(f"the dateline ({_quoted(art.text[slice(*art.dateline_span)])})")
    if art.signoff is not None:
        metadata.append(f"the sign-off ({_quoted(art.signoff.text)})")
    if metadata:
        lines.append("Set aside as metadata, in no sentence: " + ", ".join(metadata) + ".")
    m = art.mentions
    kinds = m["kind"].astype(str).value_counts()
    by_kind = ", ".join(f"{kinds.get(k, 0)} by {k}" for k in MENTION_KINDS)
    lines.append(
        f"It finds {count(len(m), 'mention')} of {count(m['actor_id'].nunique(), 'actor')} ({by_kind})."
    )
    resolved = int(m["kind"].isin(["title", "pronoun"]).sum())
    if resolved:
        verb = "resolves" if resolved == 1 else "resolve"
        lines.append(
            f"{resolved} {'title or pronoun' if resolved == 1 else 'titles and pronouns'} {verb} to an actor named in the article."
        )
    candidates = list(dict.fromkeys(art.candidates["text"].str.replace(r"\s+", " ", regex=True)))
    if candidates:
        shown = ", ".join(candidates[:8]) + (", ..." if len(candidates) > 8 else "")
        lines.append(f"{count(len(candidates), 'capitalised name')} no registered actor covers: {shown}.")
    else:
        lines.append("Every capitalised name is covered by a registered actor.")
    return "\n".join(lines)


def topics(art: Article) -> str:
    """Which topics the article carries, how much and where (rules 1-2)."""
    matrix = topic_matrix(art)
    n = len(matrix)
    labels = art.lexicon.labels
    counts = matrix.sum(axis=0)
    lines = [topic_spread(matrix, labels) + "."]
    for topic in counts.sort_values(ascending=False, kind="stable").index:
        k = int(counts[topic])
        if not k:
            continue
        where = list(matrix.index[matrix[topic]])
        if k == 1:
            lines.append(f"{labels[topic]}: only {sentence_range(where[0], where[0])}.")
        else:
            stretch = cluster(where, n)
            place = (
                f"all within {sentence_range(*stretch)}"
                if stretch
                else f"from sentence {where[0] + 1} to {where[-1] + 1}"
            )
            lines.append(f"{labels[topic]}: {k} of {count(n, 'sentence')} ({k / n:.0%}), {place}.")
    absent = [labels[t] for t in matrix.columns if not counts[t]]
    if absent:
        lines.append("No sentence carries: " + ", ".join(absent) + ".")
    return "\n".join(lines)


def actors(art: Article) -> str:
    """Who is mentioned most, in how many sentences, and how they are referred to."""
    table = actor_counts(art)
    n = len(art.sentences)
    if table.empty:
        return "No registered actor is mentioned."
    lines = [actor_lead(table, n) + "."]
    for row in table.head(3).itertuples():
        kinds = ", ".join(f"{getattr(row, k)} by {k}" for k in MENTION_KINDS if getattr(row, k))
        lines.append(f"{row.actor}: {count(row.total, 'mention')} ({kinds}).")
    top = table.head(3)
    unnamed = int(top["total"].sum() - top["name"].sum())
    if unnamed:
        verb = "is" if unnamed == 1 else "are"
        lines.append(
            f"{unnamed} of these {int(top['total'].sum())} mentions {verb} by title, pronoun or adjective: "
            f"a search for the names alone would miss {'it' if unnamed == 1 else 'them'}."
        )
    once = int((table["total"] == 1).sum())
    if once:
        lines.append(f"{count(once, 'actor')} {'is' if once == 1 else 'are'} mentioned only once.")
    return "\n".join(lines)


def frame_topics(art: Article) -> list[str]:
    """The topics that run through the article (rule 1), in lexicon order."""
    counts = topic_matrix(art).sum(axis=0)
    return [t for t in counts.index if runs_through(int(counts[t]), len(art.sentences))]


def actor_topic_ties(art: Article) -> str:
    """The strongest actor-topic tie, beyond any topic that runs through the article (rules 1 and 3)."""
    return actor_topic_tie(actor_topics(art), art.lexicon.labels, frame_topics(art))


def _quoted(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


# Findings on a corpus and on accuracy scores.


def corpus(corp: Corpus) -> str:
    """The actors that recur most and the topic with the largest share, across a corpus."""
    n = len(corp.articles)
    frequency = actor_frequency(corp)
    lines = [f"{count(n, 'article')}, {count(int(corp.articles['sentences'].sum()), 'sentence')} in all."]
    if not frequency.empty:
        top = frequency.head(3)
        said = ", ".join(f"{r.actor} in {r.articles}" for r in top.itertuples())
        lines.append(f"Actors in the most articles: {said} (of {n}).")
    share = topic_share(corp)
    if not share.empty and share.to_numpy().any():
        mean = share.mean(axis=0).sort_values(ascending=False, kind="stable")
        lines.append(
            f"{corp.lexicon.labels[mean.index[0]]} takes the largest share of sentences, "
            f"{mean.iloc[0]:.0%} on average per article."
        )
    return "\n".join(lines)


def accuracy(scores: pd.DataFrame) -> str:
    """How the parser scores against the gold, said per task: the lowest F1 and where."""
    data = scores[scores["group"] == "all"]
    lines = []
    for task, part in data.groupby("task", sort=False):
        worst = part.sort_values("f1", kind="stable").iloc[0]
        perfect = int((part["f1"] >= 0.9995).sum())
        lines.append(
            f"{task.replace('_', ' ')}: F1 {worst.f1:.2f} or better on all {count(len(part), 'article')} "
            f"(lowest: {worst.article}); {perfect} at 1.00."
        )
    return "\n".join(lines)


def gold_sets(summary: pd.DataFrame) -> str:
    """People and topic F1 on each gold set (``report.set_summary``), and the weakest measured score.

    >>> summary = pd.DataFrame(
    ...     {"set": ["dev"] * 3 + ["blind"] * 3, "measure": ["people", "people: title", "topics"] * 2,
    ...      "f1": [0.9, 0.75, 0.9, 0.76, 0.0, float("nan")]}
    ... )
    >>> print(gold_sets(summary))
    People F1 0.90 on dev and 0.76 on blind; topics F1 0.90 on dev and unmeasured on blind.
    Weakest: people: title on blind (F1 0.00).
    """
    f1 = summary.set_index(["measure", "set"])["f1"]
    sets = list(dict.fromkeys(summary["set"]))

    def said(measure: str) -> str:
        parts = [
            f"{'unmeasured' if pd.isna(f1[measure, s]) else f'{f1[measure, s]:.2f}'} on {s}" for s in sets
        ]
        return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]

    lines = [f"People F1 {said('people')}; topics F1 {said('topics')}."]
    measured = summary.dropna(subset=["f1"])
    if not measured.empty:
        worst = measured.sort_values("f1", kind="stable").iloc[0]
        lines.append(f"Weakest: {worst.measure} on {worst.set} (F1 {worst.f1:.2f}).")
    return "\n".join(lines)
