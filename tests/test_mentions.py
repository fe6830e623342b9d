"""Who is mentioned where, and how: every person reference in the seed, and the rules behind them."""

import pandas as pd
import pandas.testing as pdt
import pytest

import analysis


def references(art, actor_id):
    rows = art.mentions[art.mentions["actor_id"] == actor_id]
    return [(r.sentence_id, r.text, r.kind) for r in rows.itertuples()]


def test_every_reference_to_the_special_envoy(seed):
    assert references(seed, "kamaldinov") == [
        (
            0,
            "Special Envoy of the President - Deputy Foreign Minister of Kazakhstan Akylbek Kamaldinov",
            "name",
        ),
        (1, "the Special Envoy", "title"),
        (2, "A.Kamaldinov", "name"),
        (3, "He", "pronoun"),
        (4, "A.Kamaldinov", "name"),
        (8, "Kamaldinov", "name"),
        (9, "the Special Envoy", "title"),
        (12, "Kamaldinov", "name"),
        (13, "He", "pronoun"),
    ]


def test_every_reference_to_the_moroccan_foreign_minister(seed):
    assert references(seed, "bourita") == [
        (1, "Minister of Foreign Affairs of Morocco Nasser Bourita", "name"),
        (5, "N.Bourita", "name"),
        (6, "The Minister", "title"),
        (7, "the Moroccan FM", "title"),
        (7, "his", "pronoun"),
        (8, "N.Bourita", "name"),
        (11, "The Moroccan Minister", "title"),
    ]


def test_every_reference_to_the_kazakh_president(seed):
    assert references(seed, "nazarbayev") == [
        (0, "the President", "title"),
        (4, "President Nursultan Nazarbayev", "name"),
        (5, "the Kazakh President", "title"),
    ]


def test_every_reference_to_the_king_of_morocco(seed):
    assert references(seed, "mohammed-vi") == [
        (4, "King of Morocco Mohammed VI", "name"),
        (4, "his", "pronoun"),
        (5, "the Moroccan King", "title"),
        (6, "the Moroccan monarch", "title"),
    ]


def test_titles_and_pronouns_point_at_the_name_they_resolve_to(seed):
    m = seed.mentions.set_index("mention_id")
    resolved = m[m["kind"].isin(["title", "pronoun"])]
    antecedents = m.loc[resolved["antecedent_id"].astype(int)]
    assert (antecedents["kind"] == "name").all()
    assert antecedents["actor_id"].tolist() == resolved["actor_id"].tolist()
    assert resolved.loc[resolved["text"] == "the Kazakh President", "antecedent_id"].tolist() == [
        m.index[m["text"] == "President Nursultan Nazarbayev"][0]
    ]


def test_a_pronoun_without_a_person_antecedent_is_left_out(seed):
    sentence_10 = seed.mentions[seed.mentions["sentence_id"] == 10]
    assert sentence_10.empty  # "The sides shared their views ..."


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        ("the Moroccan King", [("Moroccan", "Morocco", "adjective")]),
        ("the Kazakh President", [("Kazakh", "Kazakhstan", "adjective")]),
        ("Kazakh MFA", [("Kazakh", "Kazakhstan", "adjective")]),
        (
            "Honorary Consulate of Kazakhstan in Morocco",
            [("Kazakhstan", "Kazakhstan", "name"), ("Morocco", "Morocco", "name")],
        ),
        ("OIC Summit of Science and Technologies", [("OIC", "OIC", "name")]),
        ("UN Security Council", [("UN", "UN", "name")]),
        (
            "Special Envoy of the President - Deputy Foreign Minister of Kazakhstan Akylbek Kamaldinov",
            [("the President", "Nursultan Nazarbayev", "title"), ("Kazakhstan", "Kazakhstan", "name")],
        ),
        ("King of Morocco Mohammed VI", [("Morocco", "Morocco", "name")]),
    ],
)
def test_nested_mentions_are_kept(seed, outer, inner):
    m = seed.mentions
    row = m[m["text"] == outer].iloc[0]
    inside = m[(m["start"] >= row.start) & (m["end"] <= row.end) & (m["mention_id"] != row.mention_id)]
    assert [(r.text, r.actor, r.kind) for r in inside.itertuples()] == inner
    assert inside["nested"].all() and not row.nested


def test_a_mention_inside_one_of_the_same_actor_is_not_counted_twice(seed):
    kingdom = seed.mentions[seed.mentions["text"] == "Kingdom of Morocco"]
    assert len(kingdom) == 2
    for row in kingdom.itertuples():
        inside = seed.mentions[(seed.mentions["start"] > row.start) & (seed.mentions["end"] <= row.end)]
        assert inside.empty


def parse(text):
    return analysis.parse_text(text)


def test_a_title_resolves_to_the_nearest_holder_named_before_it():
    art = parse("Nasser Bourita met the press. The Minister said the talks went well.")
    assert references(art, "bourita") == [(0, "Nasser Bourita", "name"), (1, "The Minister", "title")]


def test_a_title_whose_holder_is_not_named_is_left_out():
    art = parse("The Moroccan King welcomed the decision.")
    assert "mohammed-vi" not in set(art.mentions["actor_id"])
    assert references(art, "morocco") == [(0, "Moroccan", "adjective")]


def test_a_title_qualified_by_another_country_is_not_that_holder():
    art = parse("Nasser Bourita met guests. The Kazakh Foreign Minister spoke first.")
    assert references(art, "bourita") == [(0, "Nasser Bourita", "name")]


def test_a_modifier_turns_a_title_into_another_role():
    art = parse("Nasser Bourita arrived. Prime Minister Aziz Akhannouch and the Vice President spoke.")
    assert references(art, "bourita") == [(0, "Nasser Bourita", "name")]


def test_a_pronoun_far_from_any_person_is_left_out():
    text = "Nasser Bourita spoke. Rain fell. Trade grew. Markets rose. Prices fell. He left."
    assert references(parse(text), "bourita") == [(0, "Nasser Bourita", "name")]


def test_she_does_not_resolve_to_a_man():
    assert references(parse("Nasser Bourita met the delegation. She thanked him."), "bourita") == [
        (0, "Nasser Bourita", "name"),
        (1, "him", "pronoun"),
    ]


def test_derived_short_forms_find_the_person():
    art = parse("A. Kamaldinov, A.Kamaldinov and Kamaldinov are one man.")
    assert [t for _, t, _ in references(art, "kamaldinov")] == ["A. Kamaldinov", "A.Kamaldinov", "Kamaldinov"]


def test_names_match_whole_words_only():
    art = parse("Kazakhstani officials and UNESCO staff met in Moroccoville.")
    assert art.mentions[["text", "actor"]].astype(str).values.tolist() == [
        ["Kazakhstani", "Kazakhstan"],
        ["UNESCO", "UNESCO"],
    ]


def test_cooccurrence_counts_sentences_shared_by_two_actors(seed):
    together = analysis.actor_cooccurrence(seed, min_mentions=6)
    expected = pd.DataFrame(
        [[13, 9, 6, 5], [9, 9, 2, 3], [6, 2, 6, 2], [5, 3, 2, 5]],
        index=pd.Index(["Morocco", "Akylbek Kamaldinov", "Nasser Bourita", "Kazakhstan"], name="actor"),
        columns=pd.Index(["Morocco", "Akylbek Kamaldinov", "Nasser Bourita", "Kazakhstan"], name="with"),
    )
    pdt.assert_frame_equal(together, expected.astype("int64"))


@pytest.mark.parametrize("gap", [" ", "\n", "\r\n", "\u00a0"])
def test_a_capitalised_word_before_a_title_makes_it_another_role_across_any_space(gap):
    art = parse(f"Nasser Bourita arrived. The Energy{gap}Minister spoke.")
    assert references(art, "bourita") == [(0, "Nasser Bourita", "name")]
