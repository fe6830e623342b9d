"""analysis: a news article as tidy DataFrames of sentences, actor mentions and topics.

>>> import analysis
>>> art = analysis.load_article(analysis.config.SEED_ARTICLE)
>>> art.dateline, art.source, len(art.sentences)
('ASTANA', 'KAZINFORM', 14)
"""

from analysis import accuracy, config
from analysis.accuracy import errors as accuracy_errors
from analysis.accuracy import evaluate, evaluate_all, load_gold
from analysis.article import Article, load_article, parse_text
from analysis.corpus import Corpus, actor_frequency, corpus_to_parquet, load_corpus, topic_share
from analysis.errors import AnalysisInputError, ArticleError, GoldError, LexiconError, RegistryError
from analysis.kwic import kwic
from analysis.registry import Registry, load_registry, person_name_forms
from analysis.render import render_html
from analysis.summaries import (
    actor_cooccurrence,
    actor_counts,
    actor_positions,
    actor_topics,
    topic_evidence,
    topic_matrix,
    topic_summary,
)
from analysis.topics import Lexicon, load_lexicon

__all__ = [
    "AnalysisInputError",
    "Article",
    "ArticleError",
    "Corpus",
    "GoldError",
    "accuracy",
    "accuracy_errors",
    "actor_frequency",
    "corpus_to_parquet",
    "evaluate",
    "evaluate_all",
    "kwic",
    "load_corpus",
    "load_gold",
    "topic_share",
    "Lexicon",
    "LexiconError",
    "Registry",
    "RegistryError",
    "actor_cooccurrence",
    "actor_counts",
    "actor_positions",
    "actor_topics",
    "config",
    "load_article",
    "load_lexicon",
    "load_registry",
    "parse_text",
    "person_name_forms",
    "render_html",
    "topic_evidence",
    "topic_matrix",
    "topic_summary",
]
