"""analysis: a news article as tidy DataFrames of sentences, actor mentions and topics.

>>> import analysis
>>> art = analysis.load_article(analysis.config.SEED_ARTICLE)
>>> art.dateline, art.source, len(art.sentences)
('ASTANA', 'KAZINFORM', 14)

Names are loaded from their modules on first use, so ``import analysis.article`` (or a Dask
worker importing ``analysis.corpus``) does not pull in plotting, scoring and the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the module that defines it. Modules themselves (``analysis.plots``) are
# reachable as attributes too.
_EXPORTS = {
    "AnalysisInputError": "errors",
    "Article": "article",
    "ArticleError": "errors",
    "Corpus": "corpus",
    "GoldError": "errors",
    "Lexicon": "topics",
    "LexiconError": "errors",
    "ParseOptions": "corpus",
    "Registry": "registry",
    "RegistryError": "errors",
    "VerbsError": "errors",
    "accuracy_errors": "accuracy",
    "actor_cooccurrence": "summaries",
    "actor_counts": "summaries",
    "actor_frequency": "summaries",
    "actor_positions": "summaries",
    "actor_topics": "summaries",
    "corpus_to_parquet": "corpus",
    "evaluate": "accuracy",
    "evaluate_all": "accuracy",
    "kwic": "concordance",
    "load_article": "article",
    "load_corpus": "corpus",
    "load_gold": "gold",
    "load_lexicon": "topics",
    "load_registry": "registry",
    "load_verbs": "verbs",
    "parse_text": "article",
    "person_name_forms": "registry",
    "render_html": "render",
    "suggest_registry": "suggest",
    "topic_evidence": "summaries",
    "topic_matrix": "summaries",
    "topic_share": "summaries",
    "topic_summary": "summaries",
}
_MODULES = ("accuracy", "config", "findings", "gold", "network", "plots", "render")

__all__ = [
    "accuracy",
    "accuracy_errors",
    "actor_cooccurrence",
    "actor_counts",
    "actor_frequency",
    "actor_positions",
    "actor_topics",
    "AnalysisInputError",
    "Article",
    "ArticleError",
    "config",
    "Corpus",
    "corpus_to_parquet",
    "evaluate",
    "evaluate_all",
    "findings",
    "gold",
    "GoldError",
    "kwic",
    "Lexicon",
    "LexiconError",
    "load_article",
    "load_corpus",
    "load_gold",
    "load_lexicon",
    "load_registry",
    "load_verbs",
    "network",
    "parse_text",
    "ParseOptions",
    "person_name_forms",
    "plots",
    "Registry",
    "RegistryError",
    "render",
    "render_html",
    "suggest_registry",
    "topic_evidence",
    "topic_matrix",
    "topic_share",
    "topic_summary",
    "VerbsError",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"analysis.{_EXPORTS[name]}"), name)
    elif name in _MODULES:
        value = importlib.import_module(f"analysis.{name}")
    else:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for static tools: the same names, imported eagerly
    from analysis import accuracy, config, findings, gold, network, plots, render
    from analysis.accuracy import accuracy_errors, evaluate, evaluate_all
    from analysis.article import Article, load_article, parse_text
    from analysis.concordance import kwic
    from analysis.corpus import Corpus, ParseOptions, corpus_to_parquet, load_corpus
    from analysis.errors import (
        AnalysisInputError,
        ArticleError,
        GoldError,
        LexiconError,
        RegistryError,
        VerbsError,
    )
    from analysis.gold import load_gold
    from analysis.registry import Registry, load_registry, person_name_forms
    from analysis.render import render_html
    from analysis.suggest import suggest_registry
    from analysis.summaries import (
        actor_cooccurrence,
        actor_counts,
        actor_frequency,
        actor_positions,
        actor_topics,
        topic_evidence,
        topic_matrix,
        topic_share,
        topic_summary,
    )
    from analysis.topics import Lexicon, load_lexicon
    from analysis.verbs import load_verbs
