"""Invariants that hold on any text, checked on random text built from news-like pieces."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.topics import TermIndex

PIECES = [
    "Morocco", "Kazakh", "the Moroccan King", "A.Kamaldinov", "N.Bourita", "Nasser Bourita", "He", "his",
    "they", "the OIC", "OIC Summit", "UN", "UNESCO", "U.S.", "Mr.", "Dr.", "Sept. 10", "3.5", "economic",
    "trade-economic", "solar power", "The Minister", "the Special Envoy", "ASTANA. KAZINFORM", "said", "met",
    "and", "in", "of", ".", ",", "!", "?", '"', "(", ")", "-", "\n", "\n\n", "\r\n", " ", "  ", "\t",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parsed_or_none(text):
    try:
        return analysis.parse_text(text)
    except analysis.ArticleError:
        assert not text.strip()
        return None


@SETTINGS
@given(texts)
def test_every_row_of_every_frame_indexes_the_text(text):
    art = parsed_or_none(text)
    if art is None:
        return
    for frame, column in (
        (art.sentences, "text"),
        (art.mentions, "text"),
        (art.candidates, "text"),
        (art.topics, "evidence"),
    ):
        for start, end, value in zip(frame["start"], frame["end"], frame[column], strict=True):
            assert 0 <= start < end <= len(text)
            assert text[start:end] == value


@SETTINGS
@given(texts)
def test_sentences_tile_the_words_of_the_text_outside_its_metadata(text):
    art = parsed_or_none(text)
    if art is None:
        return
    covered = [False] * len(text)
    for start, end in zip(art.sentences["start"], art.sentences["end"], strict=True):
        assert not any(covered[start:end]), "sentences overlap"
        covered[start:end] = [True] * (end - start)
    for metadata in (art.dateline_span, art.headline and art.headline.span, art.signoff and art.signoff.span):
        if metadata:  # the dateline, headline and sign-off are in no sentence
            covered[metadata[0] : metadata[1]] = [True] * (metadata[1] - metadata[0])
    marked = "".join("\0" if covered[i] else c for i, c in enumerate(text))
    for gap in marked.split("\0"):
        # Only white space is left out, or a paragraph without a word (a "###" sign-off).
        assert not re.search(r"[^\W\d_]{2}", gap)
    assert art.sentences["start"].is_monotonic_increasing


@SETTINGS
@given(texts)
def test_mentions_and_evidence_lie_inside_one_sentence(text):
    art = parsed_or_none(text)
    if art is None:
        return
    bounds = art.sentences.set_index("sentence_id")[["start", "end"]]
    for frame in (art.mentions, art.topics):
        for sid, start, end in zip(frame["sentence_id"], frame["start"], frame["end"], strict=True):
            assert bounds.loc[sid, "start"] <= start and end <= bounds.loc[sid, "end"]


@SETTINGS
@given(texts)
def test_term_matches_never_start_or_end_inside_a_word(text):
    index = TermIndex([("UN", "un"), ("OIC", "oic"), ("econom*", "economy"), ("solar power", "energy")])
    for start, end, _ in index.finditer(text):
        assert start == 0 or not re.match(r"\w", text[start - 1])
        assert end == len(text) or not re.match(r"\w", text[end])
