"""Statements: one test per rule of analysis.statements, then the seed."""

import pytest
from helpers import assert_offsets_exact

import analysis
from analysis.config import DATA, SEED_ARTICLE

COLUMNS = ["verb", "speaker_id", "text", "direct"]


def statements(text: str) -> list[tuple]:
    return [
        tuple(row) for row in analysis.parse_text(text).statements[COLUMNS].astype(object).values.tolist()
    ]


def test_reporting_verb_then_the_reported_clause():
    assert statements("Nasser Bourita said that Morocco would take part.") == [
        ("said", "bourita", "Morocco would take part", False)
    ]


@pytest.mark.parametrize(
    "verb",
    [
        "told",
        "noted",
        "stressed",
        "emphasized",
        "emphasised",
        "assured",
        "expressed",
        "urged",
        "added",
        "announced",
        "claimed",
        "argued",
        "insisted",
        "pledged",
        "promised",
        "vowed",
    ],
)
def test_reporting_verbs(verb):
    assert [row[:2] for row in statements(f"Nasser Bourita {verb} the importance of trade.")] == [
        (verb, "bourita")
    ]


def test_thanked_is_a_statement_and_an_interaction():
    art = analysis.parse_text("Kamaldinov thanked Morocco for its support.")
    assert art.statements[COLUMNS].values.tolist() == [
        ["thanked", "kamaldinov", "Morocco for its support", False]
    ]
    assert art.interactions["type"].tolist() == ["thank"]


def test_pronoun_speaker_is_whom_the_pronoun_resolves_to():
    assert statements("Kamaldinov arrived. He emphasized the role of Morocco.") == [
        ("emphasized", "kamaldinov", "the role of Morocco", False)
    ]


def test_quoted_verbs_are_skipped():
    assert statements('Nasser Bourita said: "Kamaldinov noted it."') == [
        ("said", "bourita", "Kamaldinov noted it", True)
    ]


def test_according_to_names_the_speaker_after():
    assert statements("Morocco will take part, according to Nasser Bourita.") == [
        ("according to", "bourita", "Morocco will take part", False)
    ]


def test_participle_is_said_by_the_subject_before_it():
    assert statements("Nasser Bourita met Kamaldinov, saying that Morocco would take part.") == [
        ("saying", "bourita", "Morocco would take part", False)
    ]


def test_quotation_then_x_said():
    assert statements('"We will take part," Nasser Bourita said.') == [
        ("said", "bourita", "We will take part", True)
    ]


def test_speaker_named_after_the_quote():
    assert statements('"We will take part," said Nasser Bourita.') == [
        ("said", "bourita", "We will take part", True)
    ]


def test_x_said_then_a_quotation():
    assert statements('Nasser Bourita said: "We will take part."') == [
        ("said", "bourita", "We will take part", True)
    ]


def test_a_quotation_spread_over_two_sentences():
    art = analysis.parse_text('Nasser Bourita said: "We will take part. Morocco backs the summit."')
    assert len(art.sentences) == 2
    assert art.statements[["sentence_id", *COLUMNS]].values.tolist() == [
        [0, "said", "bourita", "We will take part. Morocco backs the summit", True]
    ]


def test_clause_then_speaker_and_verb():
    assert statements("Morocco will take part in the summit, Nasser Bourita said.") == [
        ("said", "bourita", "Morocco will take part in the summit", False)
    ]


def test_the_sides_speak_one_statement_each():
    assert [
        row[:2] for row in statements("Kamaldinov met with Nasser Bourita. The two ministers stressed trade.")
    ] == [
        ("stressed", "kamaldinov"),
        ("stressed", "bourita"),
    ]


def test_they_is_never_a_speaker():
    assert statements("Kamaldinov met with Nasser Bourita. They said trade grew.") == []


def test_no_speaker_no_statement():
    assert statements("Officials said that trade grew.") == []


def test_topics_of_what_was_said_in_lexicon_order():
    art = analysis.parse_text("Nasser Bourita said that energy and the economy grew.")
    assert art.statements["topics"].tolist() == ["economy|energy"]


def test_the_seed():
    art = analysis.load_article(SEED_ARTICLE)
    frame = art.statements[["sentence_id", "speaker_id", "verb", "direct", "topics"]]
    assert frame.values.tolist() == [
        [0, "kazakh-mfa", "says", False, "diplomacy"],
        [2, "kamaldinov", "thanked", False, "diplomacy"],
        [3, "kamaldinov", "emphasized", False, "oic"],
        [5, "bourita", "said", False, "oic|diplomacy|science"],
        [6, "bourita", "noted", False, "oic|diplomacy|science"],
        [7, "bourita", "assured", False, "oic|diplomacy|science"],
    ]
    assert art.statements["text"][5] == "his country would participate in OIC Summit in Astana"


@pytest.mark.parametrize(
    "path", [SEED_ARTICLE, *sorted((DATA / "corpus").glob("*.txt"))], ids=lambda p: p.stem
)
def test_offsets_index_the_text(path):
    art = analysis.load_article(path)
    assert_offsets_exact(art.text, art.statements)
    verbs = art.statements.drop(columns=["start", "end"]).rename(
        columns={"verb_start": "start", "verb_end": "end"}
    )
    assert_offsets_exact(art.text, verbs, column="verb")


def test_a_participle_after_a_verb_whose_speaker_is_unknown_has_none():
    text = "Gordon Brown spoke. Mr Blair has failed to act, he claimed, saying he had the wrong plan."
    assert [row[:2] for row in statements(text)] == []


def test_a_spokesman_for_a_person_is_not_that_person():
    text = "Gordon Brown spoke. But a spokesman for Mr Brown warned that the plan would go ahead."
    assert [row[:2] for row in statements(text)] == []


def test_what_was_said_is_at_most_a_thousand_characters_cut_at_a_space():
    clause = " ".join(["the talks went well"] * 100)
    text = f"Nasser Bourita said that {clause}."
    [row] = analysis.parse_text(text).statements.to_dict("records")
    assert len(row["text"]) <= 1000 and clause.startswith(row["text"]) and row["text"].endswith("well")
    assert text[row["start"] : row["end"]] == row["text"]
