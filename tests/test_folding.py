"""Unicode folding for matching (issue 15.3 and 15.9): odd line ends, spaces and invisible
characters parse like plain text, and every offset still indexes the original text."""

import pandas.testing as pdt
import pytest
from helpers import assert_offsets_exact
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.folding import fold

NBSP, NNBSP, ZWSP, SHY, WJ = "\u00a0", "\u202f", "\u200b", "\u00ad", "\u2060"


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("a\r\nb\rc\x85d\u2028e\x0bf\x0cg", "a\nb\nc\nd\ne\nf\ng"),
        ("One.\u2029Two.", "One.\n\nTwo."),
        (f"a{NBSP}b{NNBSP}c\u2003d\u3000e", "a b c d e"),
        (f"Ka{SHY}zakh{ZWSP}stan\u200c\u200d{WJ}\ufeff", "Kazakhstan"),
        ("\uff2d\uff4f\uff52\uff4f\uff43\uff43\uff4f\uff01", "Morocco!"),
        ("M\u043er\u043ecc\u043e and \u041c\u0430\u043c\u0430", "Morocco and \u041c\u0430\u043c\u0430"),
        ("cafe\u0301. Next", "cafe\u0301. Next"),
        ("End.\u0301 Next", "End. Next"),
    ],
    ids=["line-ends", "paragraph-separator", "spaces", "invisible", "fullwidth", "homoglyphs", "accent-kept",
         "accent-attached"],
)  # fmt: skip
def test_each_folding_rule(original, folded):
    assert fold(original).text == folded


def test_spans_map_back_over_every_kind_of_piece():
    original = f"A\r\nB{ZWSP}C\u2029D.\u0301 E"
    folded = fold(original)
    assert folded.text == "A\nBC\n\nD. E"
    assert [original[slice(*folded.span(i, i + 1))] for i in range(len(folded.text))] == [
        "A", "\r\n", "B", "C", "\u2029", "\u2029", "D", ".\u0301", " ", "E",
    ]  # fmt: skip
    assert folded.span(2, 4) == (3, 6)  # "BC": the zero-width space inside stays in the span


def test_text_that_needs_no_folding_is_not_copied():
    text = "ASTANA. KAZINFORM The envoy met the minister."
    assert fold(text).unchanged and fold(text).text is text


@pytest.mark.parametrize("space", [NBSP, NNBSP, ZWSP + " ", " " + ZWSP, "\u2009"])
def test_the_dateline_is_found_whatever_space_follows_it(seed_text, seed, space):
    text = seed_text.replace("KAZINFORM ", "KAZINFORM" + space, 1)
    art = analysis.parse_text(text)
    assert (art.dateline, art.source) == ("ASTANA", "KAZINFORM")
    assert art.sentences["text"].tolist() == seed.sentences["text"].tolist()
    assert art.candidates.empty


@pytest.mark.parametrize("end", ["\r", "\u2028", "\x85", "\r\n"])
def test_line_ends_of_every_kind_keep_the_dateline_and_paragraphs(seed_text, seed, end):
    text = seed_text.replace("\n", end)
    art = analysis.parse_text(text)
    assert art.dateline == "ASTANA"
    pdt.assert_frame_equal(
        art.sentences.drop(columns=["start", "end"]), seed.sentences.drop(columns=["start", "end"])
    )
    assert art.mentions["actor_id"].tolist() == seed.mentions["actor_id"].tolist()
    assert art.candidates.empty
    for frame in (art.sentences, art.mentions, art.candidates):
        assert_offsets_exact(text, frame)


def test_a_paragraph_separator_starts_a_paragraph():
    art = analysis.parse_text("Morocco spoke.\u2029Kazakhstan answered.")
    assert art.sentences["paragraph_id"].tolist() == [0, 1]


@pytest.mark.parametrize("after", [ZWSP, "\u0301", SHY, WJ])
def test_an_invisible_character_or_accent_after_a_full_stop_still_ends_the_sentence(after):
    text = f"Morocco spoke.{after} Kazakhstan answered."
    art = analysis.parse_text(text)
    first = "Morocco spoke." + (after if after == "\u0301" else "")
    assert art.sentences["text"].tolist() == [first, "Kazakhstan answered."]
    assert_offsets_exact(text, art.sentences)


def test_a_soft_hyphen_inside_a_name_is_no_false_mention():
    text = f"Kazakh{SHY}stan and Moroc{ZWSP}co met."
    art = analysis.parse_text(text)
    assert art.mentions[["text", "actor_id", "kind"]].values.tolist() == [
        [f"Kazakh{SHY}stan", "kazakhstan", "name"],
        [f"Moroc{ZWSP}co", "morocco", "name"],
    ]


def test_fullwidth_letters_and_homoglyphs_match():
    text = "\uff2d\uff4f\uff52\uff4f\uff43\uff43\uff4f and Kaz\u0430khstan signed an \u0435conomic deal."
    art = analysis.parse_text(text)
    assert art.mentions[["text", "actor_id"]].values.tolist() == [
        ["\uff2d\uff4f\uff52\uff4f\uff43\uff43\uff4f", "morocco"],
        ["Kaz\u0430khstan", "kazakhstan"],
    ]
    assert art.topics.loc[art.topics["via"] == "term", "evidence"].tolist() == ["\u0435conomic", "deal"]


# Property tests: random text with folding characters inserted anywhere.
FOLDED = ["\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", NBSP, NNBSP, "\u3000", SHY, ZWSP, "\u200d",
          WJ, "\ufeff", "\u0301", "\uff2d", "\uff0e", "\u043e", "\u0391"]  # fmt: skip
PIECES = ["Morocco", "Kazakhstan", "Kazakh", "the Moroccan King", "A.Kamaldinov", "Nasser Bourita", "He",
          "the OIC", "UN", "U.S.", "Mr.", "3.5", "economic", "solar power", "the Special Envoy",
          "ASTANA. KAZINFORM", "said", "met", ".", ",", "!", "\n", "\n\n", " "]  # fmt: skip
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(FOLDED), st.text(max_size=4)), max_size=40
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_every_row_indexes_the_original_text(text):
    try:
        art = analysis.parse_text(text)
    except analysis.ArticleError:
        return  # a lone surrogate from st.text
    for frame, column in ((art.sentences, "text"), (art.mentions, "text"), (art.candidates, "text"),
                          (art.topics, "evidence")):  # fmt: skip
        for start, end, value in zip(frame["start"], frame["end"], frame[column], strict=True):
            assert 0 <= start < end <= len(text)
            assert text[start:end] == value
    if art.dateline_span:
        assert 0 <= art.dateline_span[0] < art.dateline_span[1] <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_invisible_characters_and_no_break_spaces_change_no_mention(seed, seed_text, data):
    """Soft hyphens and zero-width spaces inside words, no-break spaces for spaces: same mentions."""
    inside = [i for i in range(1, len(seed_text)) if seed_text[i - 1].isalpha() and seed_text[i].isalpha()]
    spaces = [i for i, c in enumerate(seed_text) if c == " "]
    cuts = data.draw(st.lists(st.sampled_from(inside), max_size=30, unique=True))
    marks = data.draw(st.lists(st.sampled_from([SHY, ZWSP, WJ]), min_size=len(cuts), max_size=len(cuts)))
    breaks = set(data.draw(st.lists(st.sampled_from(spaces), max_size=30, unique=True)))
    inserted = dict(zip(cuts, marks, strict=True))
    text = "".join(inserted.get(i, "") + (NBSP if i in breaks else c) for i, c in enumerate(seed_text))
    art = analysis.parse_text(text)
    columns = ["actor_id", "kind", "nested", "antecedent_id", "sentence_id"]
    pdt.assert_frame_equal(art.mentions[columns], seed.mentions[columns])
    assert_offsets_exact(text, art.mentions)
    plain = [
        m.replace(SHY, "").replace(ZWSP, "").replace(WJ, "").replace(NBSP, " ") for m in art.mentions["text"]
    ]
    assert plain == seed.mentions["text"].tolist()
    assert art.dateline == "ASTANA" and len(art.sentences) == len(seed.sentences)
