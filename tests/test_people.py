"""People the registry does not know are found from the evidence of the text (analysis.people)."""

import pandas as pd
import pytest

import analysis
from analysis.people import discovered_id, name_forms
from analysis.registry import Actor
from analysis.suggest import suggest_registry


def people(text: str) -> list[tuple[str, str, str]]:
    """(text, actor_id, kind) of every person mention."""
    m = analysis.parse_text(text).mentions
    m = m[m["actor_type"] == "person"]
    return list(zip(m["text"], m["actor_id"].astype(str), m["kind"].astype(str), strict=True))


def discovered(text: str) -> list[list]:
    """[actor_id, titles, country, pronoun] of every person discovered."""
    a = analysis.parse_text(text).actors
    a = a[~a["registered"] & (a["actor_type"] == "person")]
    return (
        a[["actor_id", "titles", "country", "pronoun"]].astype(object).where(a.notna(), None).values.tolist()
    )


def test_rule_1_a_role_before_the_name_and_the_surname_after():
    assert people("Foreign Minister Ali Akbar Velayati arrived. Velayati said the talks went well.") == [
        ("Foreign Minister Ali Akbar Velayati", "ali-akbar-velayati", "name"),
        ("Velayati", "ali-akbar-velayati", "name"),
    ]


def test_rule_1_a_possessive_country_gives_the_country_but_stays_outside_the_name():
    text = "Saudi Arabia's Crown Prince Abdullah bin Abdul Aziz met Vice President George Bush."
    assert people(text) == [
        ("Crown Prince Abdullah bin Abdul Aziz", "abdullah-bin-abdul-aziz", "name"),
        ("Vice President George Bush", "george-bush", "name"),
    ]
    assert discovered(text)[0] == ["abdullah-bin-abdul-aziz", "Crown Prince", "saudi-arabia", "he"]


def test_one_actor_per_person_and_standalone_titles_resolve_to_them():
    text = (
        "Saudi Arabia's Crown Prince Abdullah bin Abdul Aziz met Vice President George Bush. "
        "The Crown Prince thanked Bush. Prince Abdullah left."
    )
    assert people(text)[2:] == [
        ("The Crown Prince", "abdullah-bin-abdul-aziz", "title"),
        ("Bush", "george-bush", "name"),
        ("Prince Abdullah", "abdullah-bin-abdul-aziz", "name"),
    ]


def test_rule_2_an_appositive_role_after_the_name_is_a_title_and_gives_role_and_country():
    text = "John Herrington, the U.S. Energy Secretary, arrived in Rabat. Herrington said he was pleased."
    assert people(text) == [
        ("John Herrington", "john-herrington", "name"),
        ("the U.S. Energy Secretary", "john-herrington", "title"),
        ("Herrington", "john-herrington", "name"),
        ("he", "john-herrington", "pronoun"),
    ]
    assert discovered(text) == [["john-herrington", "U.S. Energy Secretary", "united-states", "he"]]


def test_rule_2_an_appositive_role_before_the_name():
    text = "The Foreign Minister of Oman, Sayyid Badr al Busaidi, met the envoy. Al Busaidi said the sides agreed."
    assert people(text) == [
        ("The Foreign Minister of Oman", "badr-al-busaidi", "title"),
        ("Sayyid Badr al Busaidi", "badr-al-busaidi", "name"),
        ("Al Busaidi", "badr-al-busaidi", "name"),
    ]
    assert discovered(text) == [["badr-al-busaidi", "Foreign Minister", "oman", "he"]]


def test_rule_3_initials_and_patronymics():
    assert people("A.Shokybayev met Khalifa bin Zayed.") == [
        ("A.Shokybayev", "a-shokybayev", "name"),
        ("Khalifa bin Zayed", "khalifa-bin-zayed", "name"),
    ]


def test_rule_4_a_first_name_of_the_name_list_gives_the_gender():
    text = "John Whitehead and Mary Robinson arrived on Monday."
    assert [row[0] for row in discovered(text)] == ["john-whitehead", "mary-robinson"]
    assert [row[3] for row in discovered(text)] == ["he", "she"]


def test_rule_5_a_speech_verb_next_to_a_name_but_not_to_a_common_word():
    text = "The talks were useful, Kasuri said. Kasuri, the foreign minister, left."
    assert people(text) == [
        ("Kasuri", "kasuri", "name"),
        ("Kasuri", "kasuri", "name"),
        ("the foreign minister", "kasuri", "title"),
    ]
    assert people("Officials said the talks were useful, officials added.") == []


def test_a_person_known_only_by_one_word_and_a_verb_is_no_person():
    assert people("The talks were useful, Kasuri said.") == []  # a firm speaks the same way
    assert people("The review is fair, Ofcom said. Ofcom said it would act.") == []
    assert people("Mr Kasuri arrived. The talks were useful, Kasuri said.") == [
        ("Mr Kasuri", "kasuri", "name"),
        ("Kasuri", "kasuri", "name"),
    ]


def test_no_evidence_no_person():
    art = analysis.parse_text("The Zorbik Quellman Plaza stands in the old town.")
    assert art.mentions.empty and art.candidates["text"].tolist() == ["Zorbik Quellman Plaza"]


def test_registered_actors_win_and_are_marked():
    m = analysis.parse_text("Nasser Bourita met Zhanibek Abdrashov in Rabat.").mentions
    assert list(zip(m["text"], m["registered"], strict=True)) == [
        ("Nasser Bourita", True),
        ("Zhanibek Abdrashov", False),
        ("Rabat", False),
    ]


def test_organisations_by_head_word_and_places_from_the_gazetteer():
    m = analysis.parse_text("He met officials of the Cato Institute and the Pentagon in Riyadh.").mentions
    assert list(zip(m["text"], m["actor_type"].astype(str), strict=True)) == [
        ("Cato Institute", "organization"),
        ("Pentagon", "organization"),
        ("Riyadh", "place"),
    ]
    actors = analysis.parse_text("He flew to Riyadh.").actors
    assert actors.loc[actors["actor_id"] == "riyadh", "country"].tolist() == ["saudi-arabia"]


def test_a_style_of_address_belongs_to_the_name():
    assert people("His Highness Sheikh Mohamed bin Zayed received the envoy.") == [
        ("His Highness Sheikh Mohamed bin Zayed", "mohamed-bin-zayed", "name")
    ]


def test_names_in_capitals_and_in_lower_case_sentences():
    text = "Talks in Havana\n\nIRAN AND CUBA HELD TALKS ON THE GULF.\n\nthe iranian minister informed cuban officials, the sources told us."
    m = analysis.parse_text(text).mentions
    assert list(zip(m["text"], m["actor_id"].astype(str), strict=True)) == [
        ("IRAN", "iran"),
        ("CUBA", "cuba"),
        ("GULF", "persian-gulf"),
        ("iranian", "iran"),
        ("cuban", "cuba"),
    ]


def test_a_short_form_two_people_share_names_nobody():
    text = "Sheikh Abdullah bin Zayed Al Nahyan met Sheikh Mohamed bin Zayed Al Nahyan. Al Nahyan said so."
    assert [t for t, _, _ in people(text)] == [
        "Sheikh Abdullah bin Zayed Al Nahyan",
        "Sheikh Mohamed bin Zayed Al Nahyan",
    ]


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Antony J. Blinken", ["Antony J. Blinken", "Blinken"]),
        ("Jean-Yves Le Drian", ["Jean-Yves Le Drian", "Le Drian"]),
        ("Wang Yi", ["Wang Yi", "Wang"]),
        (
            "Abdullah bin Zayed Al Nahyan",
            [
                "Abdullah bin Zayed Al Nahyan",
                "Nahyan",
                "Abdullah",
                "Abdullah bin Zayed",
                "al Nahyan",
                "Al Nahyan",
            ],
        ),
    ],
)
def test_short_forms(name, forms):
    assert name_forms(Actor("x", name, "person", None, None, (), (), (), None)) == forms


def test_ids_are_ascii_slugs_of_the_name():
    assert discovered_id("Mevlüt Çavuşoğlu") == "mevlut-cavusoglu"


def test_suggest_registry_gives_reviewable_registry_rows():
    art = analysis.parse_text(
        "U.S. Energy Secretary John Herrington arrived in Rabat. Herrington, who is to meet King Hassan, "
        "said he was pleased."
    )
    rows = suggest_registry(art)
    assert rows.columns.tolist()[:9] == [
        "actor_id",
        "name",
        "type",
        "country",
        "code",
        "aliases",
        "adjectives",
        "titles",
        "pronoun",
    ]
    assert rows[["actor_id", "type", "country", "titles", "pronoun", "mentions"]].values.tolist() == [
        ["john-herrington", "person", "united-states", "Energy Secretary", "he", 3],
        ["hassan", "person", "", "King", "he", 1],
        ["rabat", "place", "morocco", "", "", 1],
    ]
    assert rows["example"][0] == "U.S. Energy Secretary John Herrington arrived in Rabat."


def test_suggestions_of_a_corpus_pool_one_full_name(tmp_path):
    for i in range(2):
        (tmp_path / f"{i}.txt").write_text(
            f"Foreign Minister Ali Akbar Velayati arrived. Velayati spoke {i}."
        )
    rows = suggest_registry(analysis.load_corpus(tmp_path))
    assert rows[["actor_id", "mentions", "articles"]].values.tolist() == [["ali-akbar-velayati", 4, 2]]


def test_the_suggested_rows_load_as_a_registry(tmp_path):
    art = analysis.parse_text("Foreign Minister Ali Akbar Velayati arrived in Havana. Velayati said so.")
    path = tmp_path / "mine.csv"
    suggest_registry(art).drop(columns=["mentions", "articles", "example"]).to_csv(path, index=False)
    registry = analysis.load_registry([*analysis.config.REGISTRY_FILES, path])
    again = analysis.parse_text(
        "Foreign Minister Ali Akbar Velayati arrived in Havana. Velayati said so.", registry=registry
    )
    assert again.mentions["registered"].all()
    pd.testing.assert_series_equal(again.mentions["text"], art.mentions["text"])


def test_the_diplomat_stands_for_a_foreign_minister_when_no_one_is_called_a_diplomat():
    text = "Foreign Minister Hossein Amirabdollahian arrived in Moscow. The diplomat met reporters."
    assert people(text)[1] == ("The diplomat", "hossein-amirabdollahian", "title")


def test_a_role_joined_by_in_to_and_ampersand_stays_with_the_name():
    assert people("U.S. Ambassador to Mongolia Michael S. Klecheski met the press.")[0] == (
        "U.S. Ambassador to Mongolia Michael S. Klecheski",
        "michael-s-klecheski",
        "name",
    )


def test_an_acronym_is_not_a_person():
    assert people("MSPs said the plan was sound.") == []


def test_a_role_keeps_its_field_of_affairs_before_the_name():
    text = "He met Acting Assistant Secretary of State for Near East Affairs David Satterfield in Astana."
    assert people(text)[0] == (
        "Acting Assistant Secretary of State for Near East Affairs David Satterfield",
        "david-satterfield",
        "name",
    )


def test_a_language_word_before_a_role_is_the_country_of_its_people():
    assert discovered("Russian Foreign Minister Sergey Lavrov arrived.") == [
        ["sergey-lavrov", "Foreign Minister", "russia", "he"]
    ]


def test_an_ambassador_to_a_country_is_not_of_that_country():
    assert discovered("France's new Ambassador to Russia Sylvie Bermann arrived.") == [
        ["sylvie-bermann", "Ambassador", "france", "she"]
    ]


def test_a_counterpart_holds_the_office_of_the_person_before_and_is_referred_to_by_it():
    text = (
        "Foreign Minister Sergey Lavrov met his French counterpart Jean-Yves Le Drian. "
        "The French foreign minister, in turn, said yes. Lavrov later called his counterpart."
    )
    assert discovered(text)[1] == ["jean-yves-le-drian", "Foreign Minister|Counterpart", "france", "he"]
    assert [p for p in people(text) if p[2] == "title"] == [
        ("The French foreign minister", "jean-yves-le-drian", "title"),
        ("his counterpart", "jean-yves-le-drian", "title"),
    ]


def test_a_family_name_written_first_is_the_short_form():
    text = "Secretary-General Ban Ki-moon spoke. Mr. Ban noted the violence."
    assert people(text) == [
        ("Secretary-General Ban Ki-moon", "ban-ki-moon", "name"),
        ("Mr. Ban", "ban-ki-moon", "name"),
    ]


def test_a_lower_case_particle_joined_by_a_hyphen_is_part_of_the_name():
    assert people("The uprising against President Bashar al-Assad erupted.") == [
        ("President Bashar al-Assad", "bashar-al-assad", "name")
    ]


def test_titles_with_a_field_after_a_possessive_place_and_after_and():
    text = (
        "Secretary of State Gulshara Abdykalikova met Abu Dhabi's Crown Prince Sheikh Mohammed bin Zayed. "
        "The Secretary of State and crown prince talked. Abu Dhabi's crown prince smiled."
    )
    assert [p for p in people(text) if p[2] == "title"] == [
        ("The Secretary of State", "gulshara-abdykalikova", "title"),
        ("crown prince", "mohammed-bin-zayed", "title"),
        ("crown prince", "mohammed-bin-zayed", "title"),
    ]


def test_a_role_ending_a_clause_is_an_appositive_only_when_a_comma_closes_the_name():
    closed = "In his meeting with Syria's Minister for Foreign Affairs, Walid Al-Moualem, the chief spoke."
    assert discovered(closed) == [["walid-al-moualem", "Minister for Foreign Affairs", "syria", "he"]]
    open_ = "At the meeting with the South Korean foreign minister, Iwaya and Cho agreed."
    assert discovered(open_) == []  # no role; "Cho agreed" alone: one word and a verb


def test_an_adjective_that_is_also_a_rank_does_not_make_a_person():
    assert people("The General Debate ended at UN Headquarters.") == []


def test_one_quoted_line_in_lower_case_does_not_make_a_lower_case_article():
    text = 'Cardinal Cormac Murphy-O\'Connor spoke. "How is it that peace has not arrived?," the cardinal will ask.'
    assert people(text) == [
        ("Cardinal Cormac Murphy-O'Connor", "cormac-murphy-o-connor", "name"),
        ("the cardinal", "cormac-murphy-o-connor", "title"),
    ]


def test_buildings_that_speak_for_a_government_are_not_people():
    assert people("The White House said the talks went well. Downing Street said so too.") == []


def test_a_role_word_after_a_name_particle_is_part_of_the_name():
    assert people("He will meet UAE President Sheikh Zaid bin Sultan al-Nahayan.")[0] == (
        "UAE President Sheikh Zaid bin Sultan al-Nahayan",
        "zaid-bin-sultan-al-nahayan",
        "name",
    )


def test_a_first_name_is_not_taken_for_a_country():
    assert people("He was received by his Nepali counterpart Bharat Paudyal.") == [
        ("Nepali counterpart Bharat Paudyal", "bharat-paudyal", "name")
    ]


def test_an_appositive_role_after_a_possessive_city_keeps_the_city_apart():
    text = "Trump called Sheikh Mohammed bin Zayed Al-Nahayan, Abu Dhabi's crown prince, on Monday."
    assert [p for p in people(text) if p[2] == "title"] == [
        ("crown prince", "mohammed-bin-zayed-al-nahayan", "title")
    ]
    assert discovered(text)[-1] == [
        "mohammed-bin-zayed-al-nahayan",
        "crown prince",
        "united-arab-emirates",
        "he",
    ]


def test_initials_without_full_stops_and_a_role_the_sentence_gives():
    text = (
        "The last meeting was in 1989 when P V Narasimha Rao was India's external affairs minister and "
        "Sahibzada Yaqub Khan was his Pakistani counterpart. External Affairs Minister I K Gujral spoke."
    )
    assert people(text) == [
        ("P V Narasimha Rao", "p-v-narasimha-rao", "name"),
        ("Sahibzada Yaqub Khan", "sahibzada-yaqub-khan", "name"),
        ("External Affairs Minister I K Gujral", "i-k-gujral", "name"),
    ]


def test_rule_6_a_name_listed_with_a_person_found_is_a_person():
    text = "The foreign secretaries -- Salman Haider and Shamshad Ahmed -- concluded their summit."
    assert people(text) == [
        ("Salman Haider", "salman-haider", "name"),
        ("Shamshad Ahmed", "shamshad-ahmed", "name"),
    ]
    assert people("Minister Ali Velayati and Tehran Times editors met.") == [
        ("Minister Ali Velayati", "ali-velayati", "name")
    ]


def test_a_role_of_a_place_and_a_qualifier_before_it_stay_with_the_name():
    text = (
        "It was signed by the Cardinal and Archbishop of Canterbury Dr Rowan Williams. "
        "Saud met Foreign Minister of the Islamic Republic of Iran Dr Kamal Kharazi. "
        "Shadow foreign secretary Michael Ancram said no."
    )
    assert [p[0] for p in people(text) if p[2] == "name" and p[0] != "Saud"] == [
        "Archbishop of Canterbury Dr Rowan Williams",
        "Foreign Minister of the Islamic Republic of Iran Dr Kamal Kharazi",
        "Shadow foreign secretary Michael Ancram",
    ]
    assert people("Deputy Prime Minister and Foreign Minister Ishaq Dar said so.") == [
        ("Deputy Prime Minister and Foreign Minister Ishaq Dar", "ishaq-dar", "name")
    ]


def test_two_people_with_long_roles_joined_by_and_stay_two():
    text = (
        "She was joined by U.S. Special Representative for Afghanistan Reconciliation Ambassador "
        "Zalmay Khalilzad and US Ambassador to Uzbekistan Daniel Rosenblum."
    )
    assert [p[0] for p in people(text)] == [
        "U.S. Special Representative for Afghanistan Reconciliation Ambassador Zalmay Khalilzad",
        "US Ambassador to Uzbekistan Daniel Rosenblum",
    ]


def test_a_short_form_two_people_share_goes_to_the_one_named_just_before():
    text = (
        "Foreign Minister Gohar Ayub Khan spoke. Khan said the talks went well. "
        "In 1989 Sahibzada Yaqub Khan was his counterpart."
    )
    assert ("Khan", "gohar-ayub-khan", "name") in people(text)


def test_bbc_style_roles_places_and_parties():
    text = (
        "Conservative family spokeswoman Theresa May said no. The hunt in Gloucestershire said it "
        "would go on. The Warwick Agreement was signed. The Salford MP said so. Tory said nothing."
    )
    assert people(text) == [("Conservative family spokeswoman Theresa May", "theresa-may", "name")]


def test_the_chancellor_is_not_the_shadow_chancellor():
    text = "Gordon Brown spoke. Shadow chancellor Oliver Letwin said no. The chancellor said yes."
    assert [p for p in people(text) if p[2] == "title"] == []


def test_a_counterpart_takes_the_office_of_the_person_named_before_in_the_sentence():
    text = (
        "External Affairs Minister Pranab Mukherjee will invite President Pervez Musharraf. "
        "Mukherjee met his Pakistani counterpart Khurshid Mehmood Kasuri."
    )
    assert discovered(text)[-1] == [
        "khurshid-mehmood-kasuri",
        "External Affairs Minister|Counterpart",
        "pakistan",
        "he",
    ]


def test_a_place_is_no_person_even_before_said():
    text = (
        "The BBC's Sarah Mukherjee, with the Beaufort Hunt in Badminton, Gloucestershire said hundreds came. "
        "Judith Moritz, in Melton Mowbray, said activists were out. Suffolk Chief Constable Alastair McWhirter spoke."
    )
    assert [p[0] for p in people(text)] == [
        "Sarah Mukherjee",
        "Judith Moritz",
        "Suffolk Chief Constable Alastair McWhirter",
    ]


def test_long_roles_of_a_delegation_list_stay_with_their_names():
    text = (
        "He was joined by Deputy Chief of Mission at the US Embassy in the USSR James Collins. "
        "He met Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi."
    )
    assert [p[0] for p in people(text) if p[2] == "name"] == [
        "Deputy Chief of Mission at the US Embassy in the USSR James Collins",
        "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Mukhtar Tileuberdi",
    ]


def test_an_appositive_that_ends_in_a_name_is_another_person_and_a_bracketed_acronym_closes_a_role():
    text = "He met President of Armenia Armen Sargsyan, the Minister for Foreign Affairs of Latvia Edgars Rinkevics."
    assert [row[:2] for row in discovered(text)] == [
        ["armen-sargsyan", "President"],
        ["edgars-rinkevics", "Minister for Foreign Affairs"],
    ]
    text = (
        "Xu Jialu, vice-chairman of the Standing Committee of the National People's Congress (NPC), met him."
    )
    assert people(text)[1] == (
        "vice-chairman of the Standing Committee of the National People's Congress",
        "xu-jialu",
        "title",
    )


def test_a_word_that_opens_a_body_s_name_is_no_person_when_it_speaks():
    text = "Patients go to Hereford County Hospital. Hereford said the deal was off. But Mr Howard said no."
    assert people(text) == [("Mr Howard", "howard", "name")]


def test_occupations_and_a_party_of_two_words_before_a_name():
    text = (
        "It was the son of rock star Bryan Ferry. British hostage Ken Bigley died. "
        "Liberal Democrat home affairs spokesman Mark Oaten spoke. Immigration minister Des Browne spoke."
    )
    assert [p[0] for p in people(text) if p[2] == "name"] == [
        "rock star Bryan Ferry",
        "British hostage Ken Bigley",
        "Liberal Democrat home affairs spokesman Mark Oaten",
        "Immigration minister Des Browne",
    ]


def test_a_name_after_an_elided_letter_is_one_word():
    text = "'We have no plans,' said chief executive Finian O'Sullivan. Jake Sullivan agreed."
    assert people(text) == [
        ("chief executive Finian O'Sullivan", "finian-o-sullivan", "name"),
        ("Jake Sullivan", "sullivan", "name"),
    ]


def test_a_party_s_possessive_stays_outside_the_name_and_roles_take_their_modifiers():
    text = (
        "Labour's Elizabeth Blackman won the seat. BNP founding chairman John Tyndall faces a charge. "
        "Microsoft founder Bill Gates spoke. But former shadow attorney general Bill Cash said no."
    )
    assert [p[0] for p in people(text) if p[2] == "name"] == [
        "Elizabeth Blackman",
        "BNP founding chairman John Tyndall",
        "Microsoft founder Bill Gates",
        "former shadow attorney general Bill Cash",
    ]


def test_a_plural_opening_a_sentence_is_no_speaker_and_a_society_no_person():
    text = "Reports said the deal was off. The Alzheimer's Society's Neil Hunt said no."
    assert people(text) == [("Neil Hunt", "neil-hunt", "name")]


def test_an_office_no_one_holds_goes_to_the_lone_person_named_at_the_start_of_the_sentence_before():
    text = (
        "Gordon Brown has issued a rallying cry. The chancellor said the choice was clear. "
        "Later, the chancellor said no. The shadow chancellor disagreed."
    )
    assert people(text) == [
        ("Gordon Brown", "gordon-brown", "name"),
        ("The chancellor", "gordon-brown", "title"),
        ("the chancellor", "gordon-brown", "title"),
    ]


def test_an_office_no_one_holds_goes_to_the_role_less_speaker_closing_the_sentence_before():
    text = "George Bush will change course, Tony Blair has said. The prime minister said so."
    assert people(text) == [
        ("George Bush", "george-bush", "name"),
        ("Tony Blair", "tony-blair", "name"),
        ("The prime minister", "tony-blair", "title"),
    ]
    text = (
        "George Bush will change course, Foreign Secretary Jack Straw has said. The prime minister said so."
    )
    assert [p for p in people(text) if p[2] == "title"] == []  # the speaker has a role of his own


def test_an_office_stays_unheld_when_the_sentence_before_is_not_about_one_person_alone():
    assert people("John Smith met Tony Blair. The prime minister said no.") == [
        ("John Smith", "john-smith", "name"),
        ("Tony Blair", "tony-blair", "name"),
    ]  # two people named: either could hold it
    assert people("Police said John Smith was arrested. The prime minister said no.") == [
        ("John Smith", "john-smith", "name"),
    ]  # the sentence before is not about him
    assert people("John Smith was arrested. The judge said no.") == [
        ("John Smith", "john-smith", "name"),
    ]  # not an office one person holds
    assert people("Gordon Brown spoke. Then the chancellor left.") == [
        ("Gordon Brown", "gordon-brown", "name"),
    ]  # the title does not open its sentence


def test_an_office_no_one_holds_goes_to_the_one_role_less_person_named_twice_before_it():
    text = (
        "Tony Blair's speech was long. Mr Blair spoke of schools. Foreign Secretary Jack Straw "
        "agreed. Critics said the prime minister had promised little."
    )
    assert people(text)[-1] == ("the prime minister", "tony-blair", "title")
    text = (
        "Tony Blair's speech was long. Mr Blair spoke of schools. Michael Howard disagreed. "
        "Critics said the prime minister had promised little."
    )
    assert [p for p in people(text) if p[2] == "title"] == []  # two people without a role
    text = "Tony Blair spoke. Foreign Secretary Jack Straw agreed. Critics said the prime minister erred."
    assert [p for p in people(text) if p[2] == "title"] == []  # named once: maybe a bystander


def test_a_party_word_is_part_of_a_role_and_of_its_title():
    text = (
        "Tory leader Michael Howard and Lib Dem leader Charles Kennedy spoke. "
        "The Tory leader said no. The Lib Dem leader said yes. The Labour leader said nothing."
    )
    assert people(text) == [
        ("Tory leader Michael Howard", "michael-howard", "name"),
        ("Lib Dem leader Charles Kennedy", "charles-kennedy", "name"),
        ("The Tory leader", "michael-howard", "title"),
        ("The Lib Dem leader", "charles-kennedy", "title"),
    ]


def test_a_place_or_a_party_before_an_honorific_is_no_role():
    text = (
        "In Tanzania Mr Brown spoke. Lib Dem Sir Archy Kirkwood agreed. Foreign Secretary Mr Straw said no."
    )
    assert people(text) == [
        ("Mr Brown", "brown", "name"),
        ("Sir Archy Kirkwood", "archy-kirkwood", "name"),
        ("Foreign Secretary Mr Straw", "straw", "name"),
    ]


def test_a_sentence_in_lower_case_names_nobody_by_one_word():
    text = (
        "Minister for Children, Young People and Families Margaret Hodge spoke. "
        "Our plan is about encouraging more people to come forward and help the service."
    )
    assert [p for p in people(text) if p[0].lower() == "people"] == []


def test_an_attorney_general_is_not_a_solicitor_general():
    text = "Solicitor General Harriet Harman spoke. The attorney general said no."
    assert people(text) == [("Solicitor General Harriet Harman", "harriet-harman", "name")]


def test_a_word_that_opens_the_clause_is_not_part_of_an_appositive_role():
    text = "Since Yukos' founder, Mikhail Khodorkovsky, was arrested, the firm has shrunk."
    assert people(text) == [
        ("Yukos' founder", "mikhail-khodorkovsky", "title"),
        ("Mikhail Khodorkovsky", "mikhail-khodorkovsky", "name"),
    ]


def test_a_knight_named_by_his_first_name_is_the_same_person():
    text = "CBI director general Sir Digby Jones spoke. Sir Digby said he was right."
    assert people(text) == [
        ("CBI director general Sir Digby Jones", "digby-jones", "name"),
        ("Sir Digby", "digby-jones", "name"),
        ("he", "digby-jones", "pronoun"),
    ]


def test_of_before_a_first_name_and_a_surname_is_no_place():
    text = "It picked out the case of Joseph Scholes, who hanged himself."
    assert people(text) == [
        ("Joseph Scholes", "joseph-scholes", "name"),
        ("himself", "joseph-scholes", "pronoun"),
    ]


def test_at_after_out_or_back_before_a_first_name_and_a_surname_is_no_place():
    assert people("Vince Cable hit out at Gordon Brown.") == [
        ("Vince Cable", "vince-cable", "name"),
        ("Gordon Brown", "gordon-brown", "name"),
    ]
    assert people("They met at Alexandra Palace.") == []


def test_new_before_an_honorific_is_no_part_of_the_name():
    assert people("It was a long journey for the new Lord Kinnock.") == [("Lord Kinnock", "kinnock", "name")]


def test_sentences_that_name_nobody_do_not_make_a_lower_case_article():
    text = (
        "the trial judge had been alerted to his past, and he was sentenced to a detention order. "
        "nine days into his sentence, the boy was found dead in his cell at the institution."
    )
    assert people(text) == []
    lower_wire = (
        "HAVANA, Oct 19 - Iranian foreign minister ali akbar velayati, here on a two-day visit, "
        "informed cuban foreign ministry officials on monday on the situation, sources said."
    )  # a country's adjective and a weekday in lower case: a wire written in lower case
    assert people(lower_wire) == [
        ("Iranian foreign minister ali akbar velayati", "ali-akbar-velayati", "name")
    ]


def test_lower_case_words_that_describe_a_role_belong_to_the_name():
    text = (
        "The rider was point-to-point jockey Richard Wakeham. "
        "Labour election campaign coordinator Alan Milburn spoke. "
        "When he refused to support prime minister Harold Wilson, he quit."
    )
    assert [p[0] for p in people(text) if p[2] == "name"] == [
        "point-to-point jockey Richard Wakeham",
        "Labour election campaign coordinator Alan Milburn",
        "prime minister Harold Wilson",
    ]  # not "support prime minister": a verb before the role


def test_a_plan_is_no_person():
    assert people("She will announce the move in her Criminal Justice Plan on Monday.") == []


def test_peers_are_styled_and_a_body_owned_by_a_plural_is_no_person():
    text = (
        "Former Labour leader Neil Kinnock became a peer. He will be known as Baron Kinnock. "
        "Lord Kinnock attended Lewis Boys' School in Pengam."
    )
    assert people(text) == [
        ("Former Labour leader Neil Kinnock", "neil-kinnock", "name"),
        ("He", "neil-kinnock", "pronoun"),
        ("Baron Kinnock", "neil-kinnock", "name"),
        ("Lord Kinnock", "neil-kinnock", "name"),
    ]


def test_a_surname_that_is_a_town_names_the_person_only_after_an_honorific():
    text = "John Houston, 54, was due to stand. But Mr Houston was suspended. He flew to Houston."
    assert people(text) == [
        ("John Houston", "john-houston", "name"),
        ("Mr Houston", "john-houston", "name"),
        ("He", "john-houston", "pronoun"),
    ]


def test_a_speech_verb_after_two_words_is_no_evidence_but_said_before_them_is():
    text = '"Prices are unreasonable," said Wang Yan. Krispy Kreme said its shares fell. Mr Wang agreed.'
    assert people(text) == [("Wang Yan", "wang-yan", "name"), ("Mr Wang", "wang-yan", "name")]


def test_said_before_a_word_that_opens_the_reported_clause_is_no_evidence():
    text = "Jack McConnell spoke. But he said Scotland was in it for the long term."
    assert [p[0] for p in people(text)] == ["Jack McConnell", "he"]


def test_no_body_s_name_qualifies_an_honorific():
    text = "In a speech to the Foreign Policy Centre Mr Straw said no. Asked by the BBC Mr Howard agreed."
    assert [p[0] for p in people(text)] == ["Mr Straw", "Mr Howard"]


def test_a_word_surname_after_a_first_name_and_honorific_forms_of_common_words():
    text = "But Louise Christian, the lawyer for Mr Mubanga, said no. Ms Christian left. The Christian church agreed."
    assert people(text) == [
        ("Louise Christian", "louise-christian", "name"),
        ("Mr Mubanga", "mubanga", "name"),
        ("Ms Christian", "louise-christian", "name"),
    ]


def test_told_before_a_name_of_several_words_is_no_evidence_and_a_report_no_person():
    assert people('She told Good Morning Wales: "No." The Gershon Report said so.') == []


def test_an_office_the_article_never_gives_to_a_named_person_is_an_unnamed_person():
    text = (
        "The Secretary-General met today with Foreign Minister Moussa Faki of Chad. "
        "The Secretary-General congratulated Chad."
    )
    assert people(text) == [
        ("The Secretary-General", "office-secretary-general", "title"),
        ("Foreign Minister Moussa Faki", "moussa-faki", "name"),
        ("The Secretary-General", "office-secretary-general", "title"),
    ]
    assert discovered(text)[0] == ["office-secretary-general", "Secretary-General", None, None]


def test_an_office_stays_nobody_s_where_a_named_person_might_hold_it_or_it_is_written_lower_case():
    assert people("Mr Blair met Mr Brown. The Prime Minister said no.") == [
        ("Mr Blair", "blair", "name"),
        ("Mr Brown", "brown", "name"),
    ]  # either might be the prime minister the article does not name
    assert people("Foreign Minister Jack Straw spoke. Then the prime minister said no.") == [
        ("Foreign Minister Jack Straw", "jack-straw", "name")
    ]
    assert people("Foreign Minister Jack Straw met the Executive Office of the US President.") == [
        ("Foreign Minister Jack Straw", "jack-straw", "name")
    ]


def test_a_role_written_against_the_name_starts_where_the_role_does():
    assert people("Theresa May and Lib Dem's elections chief Lord Rennard spoke.")[-1] == (
        "elections chief Lord Rennard",
        "rennard",
        "name",
    )  # a plural describes a role after a possessive or a determiner
    assert people("They attacked ex-Downing Street media chief Alastair Campbell.") == [
        ("ex-Downing Street media chief Alastair Campbell", "alastair-campbell", "name")
    ]
    assert people("It gave 14,000 votes to the Liberal Democrat candidate Peter Carroll.") == [
        ("Liberal Democrat candidate Peter Carroll", "peter-carroll", "name")
    ]  # "the" opens no role after a lower-case "to" or "for"
    assert people("They attacked reporter Andrew Gilligan.") == [
        ("reporter Andrew Gilligan", "andrew-gilligan", "name")
    ]


def test_a_town_and_a_compass_word_is_a_constituency_not_a_person():
    text = "The seats are: Bristol West, Manchester Gorton, Sheffield Central, Oxford East and Cambridge."
    assert people(text) == []  # "Sheffield" is a first name in the name list
    assert people("Fred West was jailed.") == [("Fred West", "fred-west", "name")]


def test_a_party_word_of_a_title_need_only_not_contradict_the_holder_role():
    text = (
        "The Lib Dems aim to unseat top Tories, including leader Michael Howard. Lib Dem leader Charles Kennedy spoke. "
        "Michael Howard won the seat, giving the Tory leader a majority."
    )
    assert people(text)[-1] == ("the Tory leader", "michael-howard", "title")
    text = 'New York Senator Charles Schumer spoke. "Theft is bad," the Democrat senator said.'
    assert people(text)[-1] == ("the Democrat senator", "charles-schumer", "title")


def test_an_appositive_role_before_the_name_may_hold_a_lower_case_word_describing_it():
    text = "But the BBC's business editor, Jeff Randall, said the banks could step in."
    assert people(text) == [
        ("the BBC's business editor", "jeff-randall", "title"),
        ("Jeff Randall", "jeff-randall", "name"),
    ]


def test_letters_after_a_name_belong_to_its_mention_but_not_to_the_name():
    text = "Philippe Sands QC said it was illegal. Mr Sands added that he would appeal."
    assert people(text) == [
        ("Philippe Sands QC", "philippe-sands", "name"),
        ("Mr Sands", "philippe-sands", "name"),
        ("he", "philippe-sands", "pronoun"),
    ]
    assert people("Former welfare minister Frank Field MP criticised the rivalry.") == [
        ("Former welfare minister Frank Field MP", "frank-field", "name")
    ]


def test_a_member_of_a_seat_is_no_person():
    assert people("Sheffield Hallam MP said the plan would fail.") == []


def test_of_and_a_country_after_a_name_a_role_opens_gives_the_country():
    text = "President Musharraf of Pakistan spoke. The Pakistani president met Tony Blair."
    assert people(text) == [
        ("President Musharraf", "musharraf", "name"),
        ("The Pakistani president", "musharraf", "title"),
        ("Tony Blair", "tony-blair", "name"),
    ]
    assert discovered(text)[0][:3] == ["musharraf", "President", "pakistan"]


def test_mr_and_a_surname_two_people_share_is_the_one_who_is_no_knight():
    text = (
        "Sir Ian Blair said the threat was real. Later Tony Blair defended his plans. "
        "Mr Blair insisted he was right. Sir Ian said so."
    )
    assert people(text) == [
        ("Sir Ian Blair", "ian-blair", "name"),
        ("Tony Blair", "tony-blair", "name"),
        ("his", "tony-blair", "pronoun"),
        ("Mr Blair", "tony-blair", "name"),
        ("he", "tony-blair", "pronoun"),
        ("Sir Ian", "ian-blair", "name"),
    ]


def test_a_lower_case_word_describing_a_role_in_capitals_belongs_to_the_name():
    text = '"They would make good MPs," former independent MP Martin Bell insisted.'
    assert people(text) == [("former independent MP Martin Bell", "martin-bell", "name")]


def test_an_appositive_role_after_and_belongs_to_the_last_of_a_list():
    text = "It was drafted with a QC, Christopher Greenwood and the then Lord Chancellor, Lord Irvine."
    assert people(text) == [
        ("Christopher Greenwood", "christopher-greenwood", "name"),
        ("the then Lord Chancellor", "irvine", "title"),
        ("Lord Irvine", "irvine", "name"),
    ]


def test_a_name_before_an_organisations_head_word_is_a_bodys_name():
    text = "Robert Kilroy-Silk has quit. He was more interested in the Robert Kilroy-Silk Party."
    assert people(text) == [
        ("Robert Kilroy-Silk", "robert-kilroy-silk", "name"),
        ("He", "robert-kilroy-silk", "pronoun"),
    ]


def test_rule_2_after_a_name_what_an_office_is_of_may_be_in_lower_case():
    text = (
        "Shami Chakrabarti, director of civil liberties pressure group Liberty, said the orders were wrong."
    )
    assert people(text) == [
        ("Shami Chakrabarti", "shami-chakrabarti", "name"),
        ("director of civil liberties pressure group Liberty", "shami-chakrabarti", "title"),
    ]


def test_a_members_letters_make_a_role_and_the_seat_completes_a_title():
    text = (
        "Former welfare minister Frank Field MP criticised the rivalry. "
        '"What sort of model is it?" the Labour MP for Birkenhead asked.'
    )
    assert people(text) == [
        ("Former welfare minister Frank Field MP", "frank-field", "name"),
        ("the Labour MP for Birkenhead", "frank-field", "title"),
    ]


def test_a_seat_is_no_person_and_a_joiner_opens_no_name():
    assert people("The MP for Sheffield Hallam, Nick Clegg, said no.") == [
        ("Nick Clegg", "nick-clegg", "name")
    ]
    assert people("According to Pat Ferguson, President of AMBO, work will begin.")[0] == (
        "Pat Ferguson",
        "pat-ferguson",
        "name",
    )


def test_a_title_an_indefinite_role_introduced_is_not_given_to_someone_named_later():
    text = (
        "A spokesman for the Home Office said the plan was sound. "
        '"We are developing a programme," said the spokesman. '
        "But Andrew Hogg, spokesman for the Medical Foundation, said ministers had failed."
    )
    assert [p for p in people(text) if p[2] == "title"] == [
        ("spokesman for the Medical Foundation", "andrew-hogg", "title")
    ]


def test_a_party_title_is_not_the_leader_of_a_named_body():
    text = (
        "Mr Hain, Leader of the Commons, spoke to the BBC. He then accused the Tory Leader of behaving badly."
    )
    assert [p[1] for p in people(text) if p[0] == "the Tory Leader"] == ["office-tory-leader"]


def test_an_honorific_without_a_gender_is_evidence_of_a_person_but_saint_is_not():
    assert people("Dr Smith said he was delighted.") == [
        ("Dr Smith", "smith", "name"),
        ("he", "smith", "pronoun"),
    ]
    assert people("Prof Smith said he was delighted.")[0] == ("Prof Smith", "smith", "name")
    assert people("He flew to St. Petersburg on Monday.") == []


def test_a_town_of_two_words_is_no_person_though_its_first_word_is_a_first_name():
    assert people("Twelve men were held at Woodhill, Milton Keynes, last year.") == []
    assert people("Milton Friedman said he was pleased.")[0] == ("Milton Friedman", "milton-friedman", "name")


def test_a_country_in_a_title_falls_back_to_a_holder_of_the_role_the_article_gives_no_country():
    assert people("Chancellor Gordon Brown spoke. The UK chancellor said he would not.")[1] == (
        "The UK chancellor",
        "gordon-brown",
        "title",
    )
    text = "Pakistani President Pervez Musharraf met Chancellor Gordon Brown. The Pakistani chancellor was absent."
    assert [p for p in people(text) if p[2] == "title"] == []


def test_a_city_in_a_role_gives_its_country_and_stands_in_a_title():
    text = "Moscow mayor Sergei Sobyanin met Mayor Bill de Blasio. The Moscow mayor said he was pleased."
    assert [p for p in people(text) if p[2] == "title"] == [("The Moscow mayor", "sergei-sobyanin", "title")]
    text = "Mayor Ken Livingstone has refused to apologise. The Mayor of London said he would not."
    assert people(text)[1] == ("The Mayor of London", "ken-livingstone", "title")
