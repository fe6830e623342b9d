"""Tagging each sentence with the topics it covers, keeping the evidence for every tag.

The topic lexicon (``data/topics.csv``) gives each topic a label, a chart colour, the terms that
signal it and the actors whose mention signals it. A sentence gets a topic when one of its
words or phrases matches a term (``via="term"``) or when it mentions a linked actor
(``via="actor"``): "the upcoming summit" is about the OIC because the title resolves to the OIC
science summit, which the lexicon links to ``oic``.

Term rules, so that the lexicon lists stems rather than every form:

- matching is by whole words and phrases, never inside a word ("UN" is not in "UNESCO");
  a hyphen separates words, so ``econom*`` matches the "economic" of "trade-economic";
- ``*`` at the end of a term matches any ending (``econom*``: economy, economic, economies);
- a term without ``*`` also matches its plural (``company``: companies; ``summit``: summits);
- case is ignored, except for terms written in capitals (acronyms such as ``TV``, ``GDP``),
  which match only in capitals, so "Un" or "tv" in ordinary words cannot trigger them, and
  terms written with a leading ``=``, which match only as written: ``=Labour`` is the party,
  not the "labour" of a labour market;
- a term written with a leading ``!`` is an exclusion: where it matches, the topic's other
  terms are not evidence. ``!nuclear powers`` in Energy keeps "the two nuclear powers" (states
  with nuclear weapons, a Security term) from matching Energy's ``nuclear power``;
- the term ``@interaction`` stands for an interaction of ``art.interactions`` in the sentence
  that is a dealing (``DEALING``: meet, visit, host, call, talk, negotiate, invite, message,
  thank, congratulate), whose source is a person, country or organisation and that has a target (``via="interaction"``,
  the evidence is the verb phrase): "Sheikh Abdullah ... on Monday received US Secretary of
  State Antony Blinken" is about diplomacy though no word of it is a diplomacy term.

What is not evidence, whatever the terms say:

- a term inside the name of a registered actor: a name says what something is called ("the
  Partnership for Global Infrastructure"), and what a named actor signals is the lexicon's
  actor links (the OIC science summit -> OIC, science, diplomacy);
- a term inside a capitalised role phrase: a job title says who someone is, not what the
  sentence is about (``role_phrase_spans``: "U.S. Energy Secretary John Herrington", "Defense
  Secretary", "National Security Advisor Jake Sullivan"), for anyone, registered or not. A
  standalone title in lower case ("the prime minister said", "the home secretary") is read
  like any other words, whether or not the parser found whose title it is, so a topic never
  appears or vanishes with a person's registration or with a title's resolution.

Context (``via="context"``): news copy tells its story's topic once and then goes on about it
in words of no topic ("Marsh has said it is co-operating fully with the SEC", in a story of an
insurance scandal; "It is compatible with all the major games consoles", in a story of
gadgets). A sentence that no evidence above tags takes the article's main topic (the topic of
the most tagged sentences, ties in lexicon order, when it holds at least three sentences, half
of the tagged ones and a third of all). The evidence is the sentence's first mention of a
person, country or organisation that a sentence tagged with the main topic also names, else
the whole sentence. An article with no main topic leaves its untagged sentences untagged, and
no sentence gets a second topic this way.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import spans
from analysis.config import TOPIC_LEXICON
from analysis.csvfiles import csv_rows
from analysis.errors import LexiconError
from analysis.patterns import file_key, normal_form, trie_pattern
from analysis.registry import Registry

if TYPE_CHECKING:
    from analysis.interactions import Interaction

LEXICON_COLUMNS = ("topic", "label", "color", "terms", "actors")
EXCLUDE = "!"  # a term starting with it is an exclusion (see the module docstring)
AS_WRITTEN = "="  # a term starting with it matches only in the case written (module docstring)
INTERACTION = "@interaction"  # a term that stands for an interaction in the sentence (module docstring)
# Words that end a person's title ("Energy Secretary", "Minister of Foreign Affairs"), written
# capitalised; a run of capitalised words ending in one, with "of", "for", "the", ... between,
# and any capitalised words after it (the rest of the title, the name), is a role phrase.
ROLE_WORDS = (
    "President", "Vice-President", "Premier", "Minister", "Secretary", "Undersecretary", "Chancellor",
    "Ambassador", "Envoy", "Consul", "Representative", "Advisor", "Adviser", "Director", "Chairman",
    "Chairwoman", "Spokesman", "Spokeswoman", "Spokesperson", "Governor", "Senator", "Commissioner",
    "Commander", "Admiral", "Coordinator", "Councilor", "Councillor", "King", "Queen", "Prince",
    "Princess", "Sheikh", "Emir", "Sultan", "Mayor", "Speaker", "Attorney",
)  # fmt: skip
_CAPITALISED = r"[A-Z][\w'’.-]*"
_JOINER = r"(?:of|for|and|the)"
_ROLE_PHRASE = re.compile(
    rf"(?<![\w'’.-])(?:{_CAPITALISED}\s+(?:{_JOINER}\s+)*){{0,8}}?"
    rf"(?:{'|'.join(ROLE_WORDS)})(?:-[A-Z]\w*)?"
    rf"(?:\s+(?:{_JOINER}\s+)*{_CAPITALISED})*(?![\w'’-])"
)
_PARTIES = ("person", "country", "organization")
# The interaction types that are dealings between parties (not "signed a defender", "accused").
DEALING = ("meet", "visit", "host", "call", "talk", "negotiate", "invite", "message", "thank", "congratulate")
_TOPIC_ID = re.compile(r"[a-z][a-z0-9_]*")
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


@dataclass(frozen=True)
class Topic:
    topic: str
    label: str
    color: str
    terms: tuple[str, ...]
    actors: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Topics in file order (the order charts use), with one compiled pattern per topic."""

    path: str
    topics: tuple[Topic, ...]

    @property
    def ids(self) -> list[str]:
        return [t.topic for t in self.topics]

    @cached_property
    def labels(self) -> dict[str, str]:
        return {t.topic: t.label for t in self.topics}

    @cached_property
    def colors(self) -> dict[str, str]:
        return {t.topic: t.color for t in self.topics}

    def unknown_actors(self, registry: Registry) -> dict[str, list[str]]:
        """Per topic, the linked actor ids the registry does not define (links that never fire).

        A lexicon may link actors that a smaller, user-supplied registry leaves out, so these are
        not an error when parsing; the command line warns about them, and the project's tests
        hold the default lexicon and registry in step.
        """
        missing = {t.topic: [a for a in t.actors if a not in registry.actors] for t in self.topics}
        return {topic: ids for topic, ids in missing.items() if ids}


class TermIndex:
    """All terms of a lexicon compiled into two trie-shaped patterns (any case / exact case).

    The patterns match a term's stem plus the rest of the word; the rest is then checked
    against the term's rule (any ending for ``*``, a plural ending otherwise), so one pass over
    the text finds every topic's terms.

    >>> index = TermIndex([("econom*", "economy"), ("company", "economy"), ("UN", "un")])
    >>> text = "Economic ties, trade-economic companies, UNESCO"
    >>> [(text[s:e], topics) for s, e, topics in index.finditer(text)]
    [('Economic', ('economy',)), ('economic', ('economy',)), ('companies', ('economy',))]
    """

    def __init__(self, terms: list[tuple[str, str]]):
        self.rules: dict[tuple[bool, str], list[tuple[str, str]]] = {}
        stems: dict[bool, list[str]] = {True: [], False: []}
        for term, topic in terms:
            if term.startswith(EXCLUDE):
                term, topic = term[len(EXCLUDE) :], EXCLUDE + topic
            exact = term.startswith(AS_WRITTEN) or (term.upper() == term and any(c.isalpha() for c in term))
            term = term.removeprefix(AS_WRITTEN)
            stem, rule = _stem_and_rule(term, exact)
            key = (exact, stem if exact else stem.lower())
            self.rules.setdefault(key, []).append((topic, rule))
            stems[exact].append(key[1])
        self.patterns = {
            exact: re.compile(
                rf"(?<!\w)(?:{trie_pattern(words)})(\w*)",
                0 if exact else re.I,
            )
            for exact, words in stems.items()
            if words
        }

    def finditer(self, text: str, lo: int = 0, hi: int | None = None):
        """Yield (start, end, topics) for each term occurrence in ``text[lo:hi]``."""
        hi = len(text) if hi is None else hi
        for exact, pattern in self.patterns.items():
            for match in pattern.finditer(text, lo, hi):
                rest = match.group(1)
                stem = " ".join(match.group()[: len(match.group()) - len(rest)].split())
                topics = tuple(
                    topic
                    for topic, rule in self.rules.get((exact, stem if exact else stem.lower()), ())
                    if _ending_fits(rule, rest.lower())
                )
                if topics:
                    yield match.start(), match.end(), topics


def _stem_and_rule(term: str, exact: bool) -> tuple[str, str]:
    """Split a term into the stem to search for and the rule for the rest of the word."""
    if term.endswith("*"):
        return term[:-1], "any"
    if exact or not term[-1].isalpha():
        return term, "none"
    if term.endswith("y") and term[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return term[:-1], "y"
    return term, "plural"


def _ending_fits(rule: str, rest: str) -> bool:
    return {
        "any": True,
        "none": rest == "",
        "y": rest in ("y", "ies"),
        "plural": rest in ("", "s", "es"),
    }[rule]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and check a topic lexicon CSV (the default ``data/topics.csv`` when ``path`` is None).

    Loaded once per file version: calling again after the file changed reads it anew.
    """
    return _load(file_key(Path(path or TOPIC_LEXICON)))


@cache
def _load(key: tuple) -> Lexicon:
    path = key[0]
    topics: list[Topic] = []
    first_row: dict[str, int] = {}  # topic id -> the row defining it, for duplicates
    for line, row in csv_rows(path, LEXICON_COLUMNS, LEXICON_COLUMNS, LexiconError, "topic lexicon CSV"):
        topic = _topic_from_row(path, line, row, first_row)
        first_row[topic.topic] = line
        topics.append(topic)
    if not topics:
        raise LexiconError(path, "defines no topics", "add one row per topic")
    return Lexicon(str(path), tuple(topics))


def _topic_from_row(path: Path, line: int, row: dict, first_row: dict[str, int]) -> Topic:
    def fail(problem: str, fix: str):
        raise LexiconError(path, f"row {line}: {problem}", fix)

    topic = (row.get("topic") or "").strip()
    if not _TOPIC_ID.fullmatch(topic):
        fail(f"topic id {topic!r} is not a lower-case identifier", "use e.g. 'economy' or 'human_rights'")
    if topic in first_row:
        fail(
            f"topic id {topic!r} is defined twice (first in row {first_row[topic]})",
            "merge the two rows into one",
        )
    label = (row.get("label") or "").strip()
    if not label:
        fail(f"topic {topic!r} has an empty label", "write the name the charts show, e.g. 'Economy & trade'")
    color = (row.get("color") or "").strip()
    if not _is_colour(color):
        fail(f"colour {color!r} is not a colour matplotlib knows", "use a hex colour such as #0072B2")
    cell = (row.get("terms") or "").strip()
    terms = tuple(normal_form(t) for t in cell.split("|")) if cell else ()
    if any(t.lstrip(EXCLUDE + AS_WRITTEN) in ("", "*") for t in terms):
        fail(f"topic {topic!r} has an empty term in {row.get('terms')!r}", "remove the stray '|' or '*'")
    if any(t.startswith("@") and t != INTERACTION for t in terms):
        fail(
            f"topic {topic!r} has an unknown special term in {row.get('terms')!r}",
            f"the only one is {INTERACTION}",
        )
    for term in terms:
        if "*" in term[:-1]:
            fail(
                f"topic {topic!r} has the malformed term {term!r}: '*' may only end a term",
                "write a stem and one final '*', e.g. 'econom*'",
            )
    actors = tuple(a.strip() for a in (row.get("actors") or "").split("|") if a.strip())
    if not terms and not actors:
        fail(f"topic {topic!r} has neither terms nor actors", "list at least one term or actor")
    return Topic(topic, label, color, terms, actors)


def _is_colour(value: str) -> bool:
    """A hex colour, or (checked by matplotlib, imported only then) a colour name it knows."""
    if _HEX_COLOUR.fullmatch(value):
        return True
    from matplotlib.colors import is_color_like

    return bool(value) and is_color_like(value)


class TopicTagger:
    """Compiled term index and actor links for one lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.terms = TermIndex(
            [(term, t.topic) for t in lexicon.topics for term in t.terms if term != INTERACTION]
        )
        self.by_interaction = [t.topic for t in lexicon.topics if INTERACTION in t.terms]
        self.order = {t: i for i, t in enumerate(lexicon.ids)}
        self.by_actor: dict[str, list[str]] = {}
        for t in lexicon.topics:
            for actor in t.actors:
                self.by_actor.setdefault(actor, []).append(t.topic)


def topic_rows(
    tagger: TopicTagger,
    text: str,
    sentence_spans: list[tuple[int, int]],
    mentions: dict[str, list],
    interactions: Iterable[Interaction] = (),
) -> dict[str, list]:
    """The evidence table as columns: one row per (sentence, topic, piece of evidence).

    Term matches inside a name mention or a capitalised role phrase, or inside
    an exclusion of their topic, are dropped first (see the module docstring). ``interactions``
    are the evidence of the ``@interaction`` term.
    """
    sentence_starts = [s for s, _ in sentence_spans]
    titles = spans.merge([*_name_spans(mentions), *role_phrase_spans(text, sentence_spans)])
    rows = set()
    if sentence_spans:
        matches, excluded = [], {}
        for start, end, topics in tagger.terms.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
            for topic in topics:
                if topic.startswith(EXCLUDE):
                    excluded.setdefault(topic[len(EXCLUDE) :], []).append((start, end))
                else:
                    matches.append((start, end, topic))
        excluded = {topic: spans.merge(found) for topic, found in excluded.items()}
        for start, end, topic in matches:
            i = bisect.bisect_right(sentence_starts, start) - 1
            if (
                i >= 0
                and end <= sentence_spans[i][1]
                and not spans.covers(titles, start, end)
                and not spans.covers(excluded.get(topic, []), start, end)
            ):
                rows.add((i, topic, start, end, "term"))
    for sid, start, end, actor_id in zip(
        mentions["sentence_id"], mentions["start"], mentions["end"], mentions["actor_id"], strict=True
    ):
        rows.update((sid, topic, start, end, "actor") for topic in tagger.by_actor.get(actor_id, ()))
    for found in interactions:
        if found.target is not None and found.source.actor_type in _PARTIES and found.type in DEALING:
            rows.update(
                (found.sentence_id, topic, found.start, found.end, "interaction")
                for topic in tagger.by_interaction
            )
    order = tagger.order
    rows |= _context_rows(rows, mentions, sentence_spans, order)
    ordered = sorted(rows, key=lambda r: (r[0], order[r[1]], r[2], r[3], r[4]))
    return {
        "sentence_id": [r[0] for r in ordered],
        "topic": [r[1] for r in ordered],
        "evidence": [text[r[2] : r[3]] for r in ordered],
        "start": [r[2] for r in ordered],
        "end": [r[3] for r in ordered],
        "via": [r[4] for r in ordered],
    }


def _context_rows(
    rows: set, mentions: dict[str, list], sentence_spans: list[tuple[int, int]], order: dict[str, int]
) -> set:
    """The context rule (module docs): the article's main topic for each sentence no evidence
    tagged, with its first mention of an actor of that topic, else itself, as evidence."""
    tagged: dict[int, set[str]] = {}
    for sid, topic, *_ in rows:
        tagged.setdefault(sid, set()).add(topic)
    counts = Counter(topic for topics in tagged.values() for topic in topics)
    if not counts:
        return set()
    main = min(counts, key=lambda t: (-counts[t], order[t]))
    sentences = len(sentence_spans)
    if counts[main] < CONTEXT_MIN_SENTENCES or 2 * counts[main] < len(tagged) or 3 * counts[main] < sentences:
        return set()
    parties = [
        (sid, start, end, actor_id)
        for sid, start, end, actor_id, actor_type in zip(
            mentions["sentence_id"],
            mentions["start"],
            mentions["end"],
            mentions["actor_id"],
            mentions["actor_type"],
            strict=True,
        )
        if actor_type in _PARTIES
    ]
    on_topic = {actor_id for sid, _, _, actor_id in parties if main in tagged.get(sid, ())}
    evidence = {}
    for sid, start, end, actor_id in sorted(parties, reverse=True):  # the first such mention wins
        if actor_id in on_topic:
            evidence[sid] = (start, end)
    return {
        (sid, main, *evidence.get(sid, sentence_spans[sid]), "context")
        for sid in range(sentences)
        if sid not in tagged
    }


# The main topic holds at least this many sentences (and half the tagged ones, a third of all).
CONTEXT_MIN_SENTENCES = 3


def role_phrase_spans(text: str, sentence_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised role phrases, with the capitalised words after them, within each sentence.

    A run of capitalised words ending in one of ``ROLE_WORDS`` ("U.S. Energy Secretary",
    "Minister of Foreign Affairs") is a title, whoever holds it and whether or not the registry
    knows them; the capitalised words that follow are the rest of the title or the name. Its
    words are not topic evidence.

    >>> text = "U.S. Energy Secretary John Herrington spoke on energy."
    >>> [text[s:e] for s, e in role_phrase_spans(text, [(0, len(text))])]
    ['U.S. Energy Secretary John Herrington']
    """
    return [m.span() for start, end in sentence_spans for m in _ROLE_PHRASE.finditer(text, start, end)]


def _name_spans(mentions: dict[str, list]) -> list[tuple[int, int]]:
    """Spans of name mentions."""
    return [
        (s, e)
        for s, e, kind in zip(mentions["start"], mentions["end"], mentions["kind"], strict=True)
        if kind == "name"
    ]
