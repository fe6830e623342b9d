"""Tidy summaries of a parsed article, shaped for charts and for reading as tables.

Every function takes an ``Article`` (or anything with the same DataFrames), or for the corpus
summaries at the end a ``Corpus``, and returns a new DataFrame; none of them changes its input. Rows are sorted so that the output is the same
on every run: by the count first, then by where the actor or topic first appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.tables import MENTION_KINDS, VIA

if TYPE_CHECKING:
    from analysis.article import Article
    from analysis.corpus import Corpus


def actor_counts(art: Article) -> pd.DataFrame:
    """Mentions per actor, split by how the actor was referred to, most-mentioned first.

    Columns: ``actor_id``, ``actor``, ``actor_type``, ``registered`` (False for an actor
    discovered in the article), one count per kind (``name``, ``title``, ``pronoun``,
    ``adjective``), ``total``, ``sentences`` (how many sentences mention the actor) and
    ``first_sentence``.
    """
    m = art.mentions
    kinds = kind_counts(m)
    info = m.groupby("actor_id", observed=True).agg(
        actor=("actor", "first"),
        actor_type=("actor_type", "first"),
        registered=("registered", "first"),
        sentences=("sentence_id", "nunique"),
        first_sentence=("sentence_id", "min"),
        first_start=("start", "min"),
    )
    table = info.join(kinds)
    table["total"] = table[list(MENTION_KINDS)].sum(axis=1)
    table = table.sort_values(["total", "first_start"], ascending=[False, True])
    table = table.reset_index()[
        [
            "actor_id",
            "actor",
            "actor_type",
            "registered",
            *MENTION_KINDS,
            "total",
            "sentences",
            "first_sentence",
        ]
    ]
    table["registered"] = table["registered"].astype(bool)
    table["actor_id"] = table["actor_id"].astype(str)
    table["actor"] = table["actor"].astype(str)
    return table.astype({k: "int64" for k in [*MENTION_KINDS, "total", "sentences", "first_sentence"]})


def kind_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per ``actor_id`` (index) and kind (one column per kind, zeros included)."""
    kinds = pd.crosstab(mentions["actor_id"], mentions["kind"]).reindex(
        columns=list(MENTION_KINDS), fill_value=0
    )
    kinds.columns = list(MENTION_KINDS)
    return kinds


def topic_matrix(art: Article) -> pd.DataFrame:
    """Sentence x topic indicator (True where the sentence has the topic), in reading order.

    The index is ``sentence_id``; columns are the lexicon's topics in lexicon order, all of them,
    so a topic the article never touches shows as a column of False.
    """
    t = art.topics
    flags = pd.crosstab(t["sentence_id"], t["topic"]).reindex(
        index=art.sentences["sentence_id"], columns=art.lexicon.ids, fill_value=0
    )
    flags.columns = pd.CategoricalIndex(art.lexicon.ids, categories=art.lexicon.ids, name="topic")
    return flags.gt(0)


def topic_summary(art: Article) -> pd.DataFrame:
    """Per topic: sentences touching it, their share of the article, and pieces of evidence.

    ``share`` is sentences with the topic / all sentences (0 to 1); a sentence can carry several
    topics, so shares do not add up to 1. Topics with no sentence are kept, with zeros.
    """
    flags = topic_matrix(art)
    evidence = art.topics["topic"].value_counts().reindex(art.lexicon.ids, fill_value=0)
    total = max(len(flags), 1)
    table = pd.DataFrame(
        {
            "topic": art.lexicon.ids,
            "label": [art.lexicon.labels[t] for t in art.lexicon.ids],
            "color": [art.lexicon.colors[t] for t in art.lexicon.ids],
            "sentences": flags.sum(axis=0).to_numpy(dtype="int64"),
            "evidence": evidence.to_numpy(dtype="int64"),
        }
    )
    table["share"] = table["sentences"] / total
    table["order"] = range(len(table))
    table = table.sort_values(["sentences", "order"], ascending=[False, True]).drop(columns="order")
    return table.reset_index(drop=True)


def topic_evidence(art: Article) -> pd.DataFrame:
    """Why each sentence got each topic: one row per (topic, sentence), evidence joined with "; ".

    Columns: ``topic``, ``label``, ``sentence_id``, ``evidence`` (distinct matched texts in
    reading order) and ``via`` (the kinds of evidence, ``term``, ``actor``, ``interaction`` and
    ``context``, joined by "+" in that order: ``term+interaction``); topics in lexicon order.
    """
    t = art.topics
    rows = []
    for (topic, sid), group in t.groupby(["topic", "sentence_id"], observed=True, sort=True):
        group = group.sort_values("start", kind="stable")
        vias = sorted(set(group["via"].astype(str)), key=VIA.index)
        rows.append(
            (
                topic,
                art.lexicon.labels[topic],
                sid,
                "; ".join(dict.fromkeys(group["evidence"])),
                "+".join(vias),
            )
        )
    table = pd.DataFrame(rows, columns=["topic", "label", "sentence_id", "evidence", "via"])
    table["topic"] = pd.Categorical(table["topic"], categories=art.lexicon.ids)
    return table.astype({"sentence_id": "int64", "label": "str", "evidence": "str", "via": "str"})


def actor_topics(art: Article, min_mentions: int = 1) -> pd.DataFrame:
    """Actor x topic: how many sentences mention the actor and carry the topic.

    Rows follow ``actor_counts`` order (most-mentioned first), keeping actors with at least
    ``min_mentions`` mentions; columns are all lexicon topics in lexicon order.
    """
    counts = actor_counts(art)
    counts = counts[counts["total"] >= min_mentions]
    pairs = art.mentions[["actor_id", "sentence_id"]].drop_duplicates()
    pairs = pairs.assign(actor_id=pairs["actor_id"].astype(str))
    tagged = art.topics[["sentence_id", "topic"]].drop_duplicates()
    joined = pairs.merge(tagged, on="sentence_id")
    table = pd.crosstab(joined["actor_id"], joined["topic"]).reindex(
        index=counts["actor_id"], columns=art.lexicon.ids, fill_value=0
    )
    table.index = pd.Index(counts["actor"].tolist(), name="actor")
    table.columns = pd.Index(art.lexicon.ids, name="topic")
    return table.astype("int64")


def actor_cooccurrence(art: Article, min_mentions: int = 1) -> pd.DataFrame:
    """Actor x actor: how many sentences mention both (the diagonal: sentences with the actor)."""
    counts = actor_counts(art)
    counts = counts[counts["total"] >= min_mentions]
    names = pd.Index(counts["actor"].tolist(), name="actor")
    if counts.empty:
        return pd.DataFrame(index=names, columns=names.rename("with"), dtype="int64")
    pairs = art.mentions[["actor_id", "sentence_id"]].drop_duplicates()
    incidence = pd.crosstab(pairs["sentence_id"], pairs["actor_id"].astype(str))
    incidence = incidence.reindex(columns=counts["actor_id"], fill_value=0).gt(0).astype("int64")
    table = incidence.T @ incidence
    table.index, table.columns = names, names.rename("with")
    return table.astype("int64")


def actor_positions(art: Article, min_mentions: int = 1) -> pd.DataFrame:
    """Where each actor appears: one row per mention, with its sentence and paragraph.

    Columns: ``actor``, ``actor_type``, ``registered``, ``kind``, ``sentence_id``,
    ``paragraph_id``, ``start``.
    """
    counts = actor_counts(art)
    keep = counts.loc[counts["total"] >= min_mentions, "actor_id"]
    m = art.mentions[art.mentions["actor_id"].astype(str).isin(keep)]
    paragraphs = art.sentences.set_index("sentence_id")["paragraph_id"]
    out = m[["actor", "actor_type", "registered", "kind", "sentence_id", "start"]].copy()
    out["actor"] = pd.Categorical(
        out["actor"].astype(str), categories=counts.loc[counts["actor_id"].isin(keep), "actor"]
    )
    out.insert(5, "paragraph_id", paragraphs.reindex(out["sentence_id"]).to_numpy())
    return out.reset_index(drop=True)


def actor_frequency(corpus: Corpus, top: int | None = None) -> pd.DataFrame:
    """Per actor across the corpus: mentions by kind, total, and how many articles mention it.

    Discovered actors (``registered`` False) are counted like registered ones; their ids come from
    their full names, so one person discovered in several articles under the same full name is
    one row, while a bare surname ("Baldrige") stays apart from a full name.
    """
    m = corpus.mentions
    kinds = kind_counts(m)
    info = m.groupby("actor_id").agg(
        actor=("actor", "first"),
        actor_type=("actor_type", "first"),
        registered=("registered", "first"),
        articles=("article_id", "nunique"),
    )
    table = info.join(kinds)
    table["total"] = table[list(MENTION_KINDS)].sum(axis=1)
    table = table.reset_index().sort_values(["articles", "total", "actor_id"], ascending=[False, False, True])
    table = table[
        ["actor_id", "actor", "actor_type", "registered", "articles", *MENTION_KINDS, "total"]
    ].reset_index(drop=True)
    return table.head(top) if top else table


def topic_share(corpus: Corpus) -> pd.DataFrame:
    """Article x topic: the share of each article's sentences that carry the topic (0 to 1)."""
    tagged = corpus.topics[["article_id", "sentence_id", "topic"]].drop_duplicates()
    counts = pd.crosstab(tagged["article_id"], tagged["topic"].astype(str))
    counts = counts.reindex(index=corpus.articles["article_id"], columns=list(corpus.topic_ids), fill_value=0)
    sentences = corpus.articles.set_index("article_id")["sentences"].clip(lower=1)
    share = counts.div(sentences, axis=0)
    share.columns = pd.Index(list(corpus.topic_ids), name="topic")
    return share
