"""Unregistered names surface as candidates, so a new article shows what to add to the registry."""

from helpers import shared_path

import analysis
from analysis.config import DATA


def candidates(text):
    return analysis.parse_text(text).candidates["text"].tolist()


def test_discovered_people_bodies_and_places_are_not_candidates():
    assert candidates("Nasser Bourita met Zhanibek Abdrashov in Rabat, then the Cato Institute.") == []


def test_a_capitalised_name_nothing_explains_is_a_candidate():
    assert candidates("The Zorbik Quellman Plaza stands in the old town.") == ["Zorbik Quellman Plaza"]


def test_joiners_keep_a_long_name_whole():
    assert candidates("He walked along the Avenue of the Sahel Kings.") == ["Avenue of the Sahel Kings"]


def test_ordinary_capitalised_words_are_not():
    assert candidates("The talks ended. However, officials met on Monday in March.") == []


def test_role_words_alone_are_not_names():
    assert candidates("The Foreign Minister and the Crown Prince met in the Grand Hall.") == ["Grand Hall"]


def test_headlines_yield_no_candidates():
    assert candidates("First Visit Took Place In Alma-Ata\n\nThe visit took place.") == []
    assert candidates("IRAN OIL MINISTER ARRIVES IN ALGERIA\n\nThe minister arrived.") == []


def test_the_people_and_bodies_of_the_tashkent_statement_are_discovered():
    art = analysis.load_article(DATA / "corpus" / "wh-2021-07-statement-delegation-tashkent-uzbekistan.txt")
    discovered = set(art.mentions.loc[~art.mentions["registered"], "actor"])
    assert {"Elizabeth Sherwood-Randall", "Department of Defense"} <= discovered
    assert not {"Sherwood-Randall", "Department of Defense"} & set(art.candidates["text"])


def test_the_diplomatic_corpus_finds_its_people():
    corpus = analysis.load_corpus(shared_path("corpus", "diplomatic"))
    people = set(corpus.mentions.loc[corpus.mentions["actor_type"] == "person", "actor"])
    assert {"Fahd", "Abdullah II", "Malcolm Baldrige", "Reagan", "Abdullah bin Abdul Aziz"} <= people
