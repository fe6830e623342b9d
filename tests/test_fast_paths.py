"""Issue 13: the shortcuts taken for speed give the answers of the plain rules they stand for.

A long sentence holds many verbs and pronouns; each once searched the whole sentence before it.
The shortcuts search only the words a pattern can hold, or the mentions a rule can take. Per
article, names are found without compiling a pattern, and a sentence's case without looking at
every letter. Here each is checked against the plain search on random text built from the words
the rules read.
"""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import patterns
from analysis.clauses import (
    _ARRIVAL,
    _INSIDE_WHO,
    _REPRESENTED,
    SOURCE_TYPES,
    Actor,
    Sentence,
    _joint,
    _nearest,
    _plain_gap,
)
from analysis.interactions import _CLAUSE_END, _PASSIVE_BEFORE
from analysis.mentions import sentence_case
from analysis.patterns import Phrases, search_back, trie_pattern
from analysis.people import _is_lower_case
from analysis.pronouns import _CONJOINED, _CONJOINED_WORDS, _REPORTED, _REPORTED_WORDS

NAMES = ["Ann", "Bob", "Cy Dee", "his", "Rabat"]
PIECES = [
    *NAMES, ",", ", who", "who", "whom", "and", "but", "also", "has", "will", "not", "didn't", "on Monday",
    "on Jan. 5", "last week", "today", "quickly", "said", "met", "told reporters", "that", "the", "minister",
    "on arrival", "was", "is", "being", '"', "“", "”", ";", ":", "(", ")", ".", "-", "\n", "  ", "which",
    "following", "while", "expressed", "stressed", "of the Ministry of Foreign Affairs and International Cooperation",
    "arrived", "arrive", "went", "came to", "here", "there", "at", "in", "to meet",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
# Subjects before a verb across a quotation mark or a bracket: a relative "who" clause, an appositive.
clause = st.tuples(
    st.sampled_from(["Ann", "Bob", "his"]),
    st.sampled_from([", who", ",", ""]),
    st.lists(
        st.sampled_from(
            ['"', ";", "(", ")", "-", "said", "and", "the minister", "Cy Dee", "of Foreign Affairs"]
        ),
        max_size=6,
    ),
    st.sampled_from([",", ""]),
    st.sampled_from(["also", "has", "on Jan. 5", "met", ""]),
).map(lambda parts: " ".join([*parts[:2], *parts[2], *parts[3:]]))
clauses = st.lists(clause, min_size=1, max_size=5).map(lambda parts: " ".join(parts) + " met")
# Reported speech and passives at their longest: "said the minister in the old city that ,".
speech = st.lists(
    st.tuples(
        st.sampled_from(["said", "told", "was", "and expressed", "and also stressed", "is quickly"]),
        st.sampled_from(["", "reporters", "the minister", "Bob"]),
        st.sampled_from(["", "on arrival", "in the old city", "after a long talk"]),
        st.sampled_from(["", "that", "that ,", ","]),
    ).map(" ".join),
    max_size=4,
).map(" ".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPES = [*SOURCE_TYPES, "place"]


def word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)] + [len(text)]


def sentence_of(text: str, types: list[str]) -> Sentence:
    """The whole text as one sentence, each name in it an actor of the next type of ``types``."""
    found = re.finditer("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in NAMES), text)
    actors = [
        Actor(m.start(), m.end(), m.group(), m.group(), types[i % len(types)], "name")
        for i, m in enumerate(found)
    ]
    return Sentence(0, 0, len(text), actors)


def walk_every_mention(text: str, sentence: Sentence, verb_start: int):
    """Rule 5 as written: every mention before the verb, nearest first."""
    for actor in sentence.before(verb_start):
        if actor.actor_type not in SOURCE_TYPES or text[actor.start : actor.end].lower() in (
            "his",
            "her",
            "its",
            "their",
        ):
            continue
        if _plain_gap(text, actor.end, verb_start):
            lo = max(sentence.start, actor.start - 60)
            if _REPRESENTED.search(text, max(sentence.start, actor.start - 40), actor.start):
                return None
            inside = _INSIDE_WHO.search(text, lo, actor.start)
            if inside and not any(a.end == inside.end(1) for a in sentence.actors):
                return None
            if actor.actor_type != "person":
                actor = appositive_owner(text, sentence, actor, verb_start) or actor
            return _joint(text, sentence, actor, actor.end)
    return None


def appositive_owner(text: str, sentence: Sentence, actor, verb_start: int):
    """The nearest person before ``actor`` that a comma follows, if the gap from it is plain."""
    for person in reversed([a for a in sentence.actors if a.end <= actor.start]):
        if person.actor_type == "person" and re.match(r"\s*,", text[person.end : actor.start]):
            if actor.start - person.end > 162:
                return None
            return person if _plain_gap(text, person.end, verb_start) else None
    return None


@SETTINGS
@given(st.one_of(texts, clauses), st.lists(st.sampled_from(TYPES), min_size=1, max_size=5))
def test_the_nearest_subject_is_the_one_a_walk_through_every_earlier_mention_finds(text, types):
    sentence = sentence_of(text, types)
    for verb_start in word_starts(text):
        assert _nearest(text, sentence, verb_start) == walk_every_mention(text, sentence, verb_start)


@SETTINGS
@given(texts)
def test_a_clause_ends_where_a_search_of_its_words_says(text):
    sentence = sentence_of(text, ["person"])
    for lo in [0, *word_starts(text)[::3]]:
        for hi in range(lo, len(text) + 1):
            found = _CLAUSE_END.search(text, lo, hi)
            assert sentence.find(_CLAUSE_END, text, lo, hi) == (found.start() if found else None)


@SETTINGS
@given(texts)
def test_the_last_arrival_before_a_verb_is_the_last_a_search_up_to_it_finds(text):
    sentence = sentence_of(text, ["person"])
    for hi in range(len(text) + 1):
        found = list(_ARRIVAL.finditer(text, 0, hi))
        assert sentence.last(_ARRIVAL, text, hi) == (found[-1].start() if found else None)


@SETTINGS
@given(st.one_of(texts, speech))
def test_a_search_of_the_last_words_finds_what_a_search_of_the_whole_sentence_finds(text):
    short, patterns._SHORT = patterns._SHORT, 0  # the last words even of a short sentence
    try:
        for pattern, words in (
            (_REPORTED, _REPORTED_WORDS),
            (_CONJOINED, _CONJOINED_WORDS),
            (_PASSIVE_BEFORE, 2),
        ):
            for hi in range(len(text) + 1):
                for lo in (0, hi // 2):
                    whole = pattern.search(text, lo, hi)
                    last = search_back(pattern, text, lo, hi, words)
                    assert (last and last.span()) == (whole and whole.span())
    finally:
        patterns._SHORT = short


@SETTINGS
@given(texts, st.lists(st.sampled_from(TYPES), min_size=1, max_size=5))
def test_the_mentions_between_two_points_but_some_actors_are_those_a_filter_keeps(text, types):
    sentence = sentence_of(text, types)
    starts = word_starts(text)
    for without in ((), ("Ann",), ("Ann", "Bob")):
        for lo in starts:
            for hi in starts:
                expected = [
                    a for a in sentence.actors if lo <= a.start and a.end <= hi and a.actor_id not in without
                ]
                assert sentence.between(lo, hi, without) == expected


# Names, some inside others, some sharing a first word, one with an apostrophe and one a hyphen.
FORMS = ["Abdul", "Abdul Aziz", "Aziz", "O'Brien", "Al-Assad", "Al", "A. Aziz", "A.Aziz", "Mr. Aziz"]
name_texts = st.lists(
    st.sampled_from([*FORMS, " ", "  ", "\n", "-", "'s", ",", "Azizi", "al", "ABDUL", "é", "_"]), max_size=30
).map("".join)


@SETTINGS
@given(name_texts, st.sets(st.sampled_from(FORMS)))
def test_names_are_found_where_their_compiled_pattern_finds_them(text, forms):
    pattern = re.compile(rf"(?<![\w-])(?:{trie_pattern(forms)})(?![\w-])")
    expected = [(m.start(), m.end(), " ".join(m.group().split())) for m in pattern.finditer(text)]
    assert Phrases(forms).finditer(text) == expected


def plain_sentence_case(text: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if len(text) < 20 or len(letters) < 20:
        return None
    if all(c.isupper() for c in letters):
        return "upper"
    return "lower" if not any(c.isupper() for c in letters[1:]) else None


cased_texts = st.tuples(
    st.sampled_from([str.upper, str.lower, str.capitalize, str]),
    st.lists(
        st.sampled_from(["iran", "IRAN", "Iran", "oil", "the", " ", ", ", "3", "é", "É", "ß", "Ⅻ"]),
        max_size=30,
    ),
).map(lambda case_words: case_words[0]("".join(case_words[1])))


@SETTINGS
@given(cased_texts)
@example("the oil, the oil, the oil, the oil, the oil")  # 43 characters, 30 letters
@example("The oil, the oil, the oil, the oil, the oil, the oil, the oil")
def test_a_sentence_case_is_that_of_all_its_letters(text):
    assert sentence_case(text, 0, len(text)) == plain_sentence_case(text)
    letters = [c for c in text if c.isalpha()]
    lower = len(text) >= 40 and len(letters) >= 40 and not any(c.isupper() for c in letters[1:])
    assert _is_lower_case(text, 0, len(text)) == lower
