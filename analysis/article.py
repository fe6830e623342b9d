"""An article parsed into tidy DataFrames: the entry point most users call.

>>> art = parse_text("ASTANA. KAZINFORM President Nursultan Nazarbayev met the King of Morocco. He spoke.")
>>> art.dateline, art.source, art.headline, art.signoff
('ASTANA', 'KAZINFORM', None, None)
>>> art.mentions[["text", "actor", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['President Nursultan Nazarbayev', 'Nursultan Nazarbayev', 'name'],
 ['the King of Morocco', 'King of Morocco', 'title'], ['Morocco', 'Morocco', 'name'],
 ['He', 'Nursultan Nazarbayev', 'pronoun']]
"""

from __future__ import annotations

import gc
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.candidates import candidate_rows
from analysis.clauses import quotations, sentences_with_actors
from analysis.dateline import DatelineMatch, find_dateline
from analysis.folding import Folded, fold
from analysis.interactions import find_interactions, interaction_rows
from analysis.layout import TextSpan, find_headline, find_signoff
from analysis.mentions import Found, Mention, MentionFinder, actor_rows, mention_rows
from analysis.reading import check_text, read_article_text
from analysis.registry import Registry, load_registry
from analysis.sentences import sentence_rows
from analysis.statements import find_statements, statement_rows
from analysis.topics import Lexicon, TopicTagger, load_lexicon, topic_rows
from analysis.verbs import Verbs, load_verbs

_COMPILED: dict[tuple[type, int], tuple[object, object]] = {}
_COMPILED_KEEP = 8  # registries and lexicons kept compiled; older ones are dropped
ANNOUNCE_FROM = 20_000  # forms: compiling this many takes seconds, so it is announced
LOG = logging.getLogger("analysis")
_NEGATED = re.compile(r"(?i:non)[-‐‑]\Z")  # "non-" written against a name: "non-OPEC producers"


@dataclass(frozen=True, eq=False)
class Article:
    """One parsed article. Every ``start``/``end`` indexes ``text``: ``text[start:end]`` is the row.

    ``headline`` and ``signoff`` (``analysis.layout.TextSpan``: ``text``, ``start``, ``end``, or
    None) are metadata like the dateline: no sentence, mention or topic comes from them.
    """

    text: str
    path: str | None
    dateline: str | None
    source: str | None
    dateline_span: tuple[int, int] | None
    headline: TextSpan | None
    signoff: TextSpan | None
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    candidates: pd.DataFrame
    topics: pd.DataFrame
    actors: pd.DataFrame
    interactions: pd.DataFrame
    statements: pd.DataFrame
    registry: Registry = field(repr=False)
    lexicon: Lexicon = field(repr=False)
    verbs: Verbs = field(repr=False)

    def __repr__(self) -> str:
        where = self.path or "<text>"
        return (
            f"<Article {where}: {len(self.sentences)} sentences, {len(self.mentions)} mentions "
            f"of {self.mentions['actor_id'].nunique()} actors>"
        )

    def _repr_html_(self) -> str:
        """The annotated view (``analysis.render``), which Jupyter shows for a cell ending in ``art``."""
        from analysis.render import render_body  # the view is a stage above the article

        return render_body(self)


def load_article(
    path: str | Path,
    *,
    registry: Registry | None = None,
    lexicon: Lexicon | None = None,
    encoding: str = "utf-8",
    verbs: Verbs | None = None,
) -> Article:
    """Read and parse the article at ``path`` (see ``analysis.reading`` for what is refused).

    ``registry``, ``lexicon`` and ``verbs`` default to the project's ``data/registry/``,
    ``data/topics.csv`` and ``data/verbs.csv``; pass ``load_registry(paths)``,
    ``load_lexicon(path)`` or ``load_verbs(path)`` to use your own.
    """
    text = read_article_text(path, encoding=encoding)
    return parse_text(text, registry=registry, lexicon=lexicon, verbs=verbs, path=str(path))


def parse_text(
    text: str,
    *,
    registry: Registry | None = None,
    lexicon: Lexicon | None = None,
    verbs: Verbs | None = None,
    path: str | None = None,
) -> Article:
    """Parse article text (already in memory) into an ``Article``.

    Text holding a lone surrogate (not a character; it cannot be written out) is refused with
    ``ArticleError``.
    """
    check_text(text, path)
    registry = registry or load_registry()
    lexicon = lexicon or load_lexicon()
    verbs = verbs or load_verbs()
    rows = parse_rows(text, registry, lexicon, verbs)
    dateline = rows.dateline
    return Article(
        text=text,
        path=path,
        dateline=dateline.place if dateline else None,
        source=dateline.source if dateline else None,
        dateline_span=(dateline.start, dateline.end) if dateline else None,
        headline=rows.headline,
        signoff=rows.signoff,
        sentences=tables.build(rows.sentences, tables.SENTENCES),
        mentions=tables.build(rows.mentions, tables.MENTIONS),
        candidates=tables.build(rows.candidates, tables.CANDIDATES),
        topics=tables.build(rows.topics, tables.topics_schema(lexicon.ids)),
        actors=tables.build(rows.actors, tables.ACTORS),
        interactions=tables.build(rows.interactions, tables.INTERACTIONS),
        statements=tables.build(rows.statements, tables.STATEMENTS),
        registry=registry,
        lexicon=lexicon,
        verbs=verbs,
    )


@dataclass(frozen=True)
class ArticleRows:
    """An article parsed into plain columns (lists), before they become DataFrames."""

    dateline: DatelineMatch | None
    headline: TextSpan | None
    signoff: TextSpan | None
    sentences: dict[str, list]
    mentions: dict[str, list]
    candidates: dict[str, list]
    topics: dict[str, list]
    actors: dict[str, list]
    interactions: dict[str, list]
    statements: dict[str, list]


def parse_rows(text: str, registry: Registry, lexicon: Lexicon, verbs: Verbs | None = None) -> ArticleRows:
    """Every stage of the parse, in order: dateline, headline and sign-off, sentences, mentions,
    candidates, topics, interactions, statements (``verbs`` defaults to ``data/verbs.csv``).

    The stages run on the text folded for matching (``analysis.folding``: line ends, spaces,
    invisible characters, fullwidth forms, look-alike letters); every span is then mapped back
    and every text column cut from ``text`` itself, so offsets index the original.
    """
    verbs = verbs or load_verbs()
    folded = fold(text)
    finder = _compiled(MentionFinder, registry)
    tagger = _compiled(TopicTagger, lexicon)
    matched = folded.text
    dateline = find_dateline(matched)
    dateline_span = (dateline.start, dateline.end) if dateline else None
    headline = find_headline(matched, dateline_span)
    signoff = find_signoff(matched)
    skip = [span for span in (dateline_span, headline and headline.span, signoff and signoff.span) if span]
    sentences = sentence_rows(matched, skip)
    sentence_spans = list(zip(sentences["start"], sentences["end"], strict=True))
    found = finder.find(matched, sentence_spans)
    kept = replace(found, mentions=without_negated(matched, found.mentions))
    mentions = mention_rows(matched, kept, sentences["start"], registry)
    # A negated name ("non-OPEC") is still a known name, not a candidate for the registry.
    mention_spans = sorted((m.start, m.end) for m in found.mentions)
    actors = sentences_with_actors(matched, sentence_spans, mentions)
    quotes = quotations(matched, _paragraph_spans(sentences))
    interactions = find_interactions(matched, actors, verbs, quotes)
    topics = topic_rows(tagger, matched, sentence_spans, mentions, interactions)
    statements = find_statements(matched, actors, verbs, quotes, interactions)
    rows = ArticleRows(
        dateline=dateline,
        headline=headline,
        signoff=signoff,
        sentences=sentences,
        mentions=mentions,
        candidates=candidate_rows(matched, sentence_spans, mention_spans),
        topics=topics,
        interactions=interaction_rows(matched, interactions, _place_countries(found, registry)),
        statements=statement_rows(matched, statements, topics, lexicon.ids),
        actors=actor_rows(mentions, found, registry),
    )
    return rows if folded.unchanged else _unfold(rows, folded)


def _unfold(rows: ArticleRows, folded: Folded) -> ArticleRows:
    """``rows`` with every span mapped to the original text and its text column cut from it."""
    text = folded.original

    def mapped(
        columns: dict[str, list], text_column: str, start: str = "start", end: str = "end"
    ) -> dict[str, list]:
        pairs = [folded.span(s, e) for s, e in zip(columns[start], columns[end], strict=True)]
        return {
            **columns,
            start: [s for s, _ in pairs],
            end: [e for _, e in pairs],
            text_column: [text[s:e] for s, e in pairs],
        }

    dateline = rows.dateline
    if dateline is not None:
        start, end = folded.span(dateline.start, dateline.end)
        dateline = replace(dateline, start=start, end=end)

    def unfolded(metadata: TextSpan | None) -> TextSpan | None:
        if metadata is None:
            return None
        start, end = folded.span(metadata.start, metadata.end)
        return TextSpan(text[start:end], start, end)

    return ArticleRows(
        dateline=dateline,
        headline=unfolded(rows.headline),
        signoff=unfolded(rows.signoff),
        sentences=mapped(rows.sentences, "text"),
        mentions=mapped(rows.mentions, "text"),
        candidates=mapped(rows.candidates, "text"),
        topics=mapped(rows.topics, "evidence"),
        actors=rows.actors,
        interactions=mapped(rows.interactions, "text"),
        statements=mapped(mapped(rows.statements, "text"), "verb", "verb_start", "verb_end"),
    )


def _place_countries(found: Found, registry: Registry) -> dict[str, tuple[str, str]]:
    """Each discovered place's country, as (actor_id, name), for visits to a city."""
    return {
        a.actor_id: (a.country, registry[a.country].name)
        for a in found.discovered
        if a.type == "place" and a.country in registry.actors
    }


def _paragraph_spans(sentences: dict[str, list]) -> list[tuple[int, int]]:
    """(first sentence start, last sentence end) of each paragraph."""
    spans: dict[int, list[int]] = {}
    for pid, start, end in zip(sentences["paragraph_id"], sentences["start"], sentences["end"], strict=True):
        spans.setdefault(pid, [start, end])[1] = end
    return [(lo, hi) for lo, hi in spans.values()]


def without_negated(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop names written after "non-" ("non-OPEC producers" is not about OPEC) and what resolved to them.

    >>> finder = MentionFinder(load_registry())
    >>> text = "OPEC and non-OPEC producers met."
    >>> [text[m.start:m.end] for m in without_negated(text, finder.find(text, [(0, len(text))]).mentions)]
    ['OPEC']
    """
    dropped = {
        m.key
        for m in mentions
        if m.kind in ("name", "adjective") and _NEGATED.search(text, max(0, m.start - 4), m.start)
    }
    if not dropped:
        return mentions
    return [m for m in mentions if m.key not in dropped and m.antecedent not in dropped]


def _compiled(compiler: type, source: Registry | Lexicon):
    """One ``compiler(source)`` per registry or lexicon object: compiling patterns is the slow part.

    Compiling takes about a second per 10,000 forms, so a large one is announced (logger
    ``analysis``, which the command line prints).
    """
    key = (compiler, id(source))
    cached = _COMPILED.get(key)
    if cached is None or cached[0] is not source:
        if len(_COMPILED) >= _COMPILED_KEEP:
            del _COMPILED[next(iter(_COMPILED))]
        forms = (
            len(source.names) if isinstance(source, Registry) else sum(len(t.terms) for t in source.topics)
        )
        if forms >= ANNOUNCE_FROM:
            what = "registry" if isinstance(source, Registry) else "lexicon"
            LOG.info("compiling the %s's %s forms into patterns (once per %s)...", what, f"{forms:,}", what)
        collecting = gc.isenabled()
        gc.disable()  # compiling allocates millions of objects and no cycles: collections only cost
        try:
            cached = _COMPILED[key] = (source, compiler(source))
        finally:
            if collecting:
                gc.enable()
    return cached[1]
