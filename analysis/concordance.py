"""Keyword in context: every occurrence of an actor or a phrase, with the words around it.

``kwic(art_or_corpus, query, window=40)`` returns one row per occurrence, in reading order
(articles in corpus order). Rules, in the order they apply:

1. A query equal to an actor id (``"bourita"``; ids are lower-case slugs) selects that actor's
   mentions, by any kind: names, titles, pronouns and adjectives. For an article, any id of its
   registry counts (an actor it never mentions gives no rows); for a corpus, any id it mentions.
2. Anything else is a word or phrase, matched case-insensitively as whole words (not inside a
   longer word); white space inside the phrase matches any run of white space.
3. Only sentences are searched (the dateline, a headline or a sign-off are not sentences), and
   the context stays within the match's sentence: ``left`` is at most ``window`` characters
   before the match, ``right`` at most ``window`` after it, both cut at the sentence's edges.

Columns and dtypes:

- ``article_id`` (str): for an article, its path (``"<text>"`` when parsed from a string); for a
  corpus, the corpus's ``article_id``.
- ``sentence_id`` (int64): the sentence holding the match.
- ``left``, ``match``, ``right`` (str): ``text[start - len(left):start]``, ``text[start:end]``
  and ``text[end:end + len(right)]`` of the article's text.
- ``start``, ``end`` (int64): the match's offsets into the article's text.

>>> from analysis import parse_text
>>> kwic(parse_text("Nasser Bourita met envoys. The Minister spoke."), "bourita", window=8)[["left", "match", "right"]].values.tolist()
[['', 'Nasser Bourita', ' met env'], ['', 'The Minister', ' spoke.']]
"""

from __future__ import annotations

import re

import pandas as pd

COLUMNS = {
    "article_id": "str",
    "sentence_id": "int64",
    "left": "str",
    "match": "str",
    "right": "str",
    "start": "int64",
    "end": "int64",
}


def kwic(article_or_corpus, query: str, window: int = 40) -> pd.DataFrame:
    """Every occurrence of ``query`` (an actor id, or a word or phrase) with ``window`` characters either side.

    Works on an ``Article`` or a ``Corpus``; see the module docstring for the rules and columns.
    """
    if not query or not query.strip():
        raise ValueError("kwic needs a query: an actor id or a word or phrase")
    if window < 0:
        raise ValueError(f"window must be 0 or more characters, not {window}")
    sentences = article_or_corpus.sentences
    mentions = article_or_corpus.mentions
    if "article_id" in sentences.columns:  # a corpus
        actor_ids = set(mentions["actor_id"].astype(str))
        order = list(article_or_corpus.articles["article_id"])
    else:
        article_id = article_or_corpus.path or "<text>"
        sentences = sentences.assign(article_id=article_id)
        mentions = mentions.assign(article_id=article_id)
        actor_ids = set(article_or_corpus.registry.actors)
        order = [article_id]
    if query in actor_ids:
        found = mentions.loc[
            mentions["actor_id"].astype(str) == query, ["article_id", "sentence_id", "start", "end"]
        ]
        hits = list(found.itertuples(index=False, name=None))
    else:
        hits = _phrase_hits(sentences, query)
    return _rows(sentences, hits, window, order)


def phrase_pattern(query: str) -> re.Pattern:
    """The whole-word, any-case pattern of a word or phrase (rule 2).

    >>> [m.group() for m in phrase_pattern("solar  power").finditer("Solar power, solar\\npowered, SOLAR POWER")]
    ['Solar power', 'SOLAR POWER']
    """
    words = [re.escape(w) for w in query.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _phrase_hits(sentences: pd.DataFrame, query: str) -> list[tuple]:
    pattern = phrase_pattern(query)
    return [
        (article_id, sentence_id, start + m.start(), start + m.end())
        for article_id, sentence_id, start, text in zip(
            sentences["article_id"],
            sentences["sentence_id"],
            sentences["start"],
            sentences["text"],
            strict=True,
        )
        for m in pattern.finditer(text)
    ]


def _rows(sentences: pd.DataFrame, hits: list[tuple], window: int, order: list[str]) -> pd.DataFrame:
    where = {
        (a, s): (start, text)
        for a, s, start, text in zip(
            sentences["article_id"],
            sentences["sentence_id"],
            sentences["start"],
            sentences["text"],
            strict=True,
        )
    }
    rank = {a: i for i, a in enumerate(order)}
    rows = []
    for article_id, sentence_id, start, end in sorted(hits, key=lambda h: (rank[h[0]], h[2], h[3])):
        offset, text = where[(article_id, sentence_id)]
        s, e = start - offset, end - offset
        rows.append(
            (
                article_id,
                sentence_id,
                text[max(0, s - window) : s],
                text[s:e],
                text[e : e + window],
                start,
                end,
            )
        )
    columns = {name: [row[i] for row in rows] for i, name in enumerate(COLUMNS)}
    return pd.DataFrame({name: pd.array(columns[name], dtype=dtype) for name, dtype in COLUMNS.items()})
