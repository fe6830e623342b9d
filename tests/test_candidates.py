"""Unregistered names surface as candidates, so a new article shows what to add to the registry."""

from helpers import shared_path

import analysis
from analysis.config import DATA


def candidates(text):
    return analysis.parse_text(text).candidates["text"].tolist()


def test_an_unregistered_person_and_body_are_candidates():
    assert candidates("Nasser Bourita met Zhanibek Abdrashov in Rabat, then the Cato Institute.") == [
        "Zhanibek Abdrashov",
        "Rabat",
        "Cato Institute",
    ]


def test_joiners_keep_a_long_name_whole():
    assert candidates("He met the Union of Chambers of Commerce of the Sahel Region.") == [
        "Union of Chambers of Commerce of the Sahel Region"
    ]


def test_ordinary_capitalised_words_are_not():
    assert candidates("The talks ended. However, officials met on Monday in March.") == []


def test_role_words_alone_are_not_names_but_a_titled_name_is():
    assert candidates("The Foreign Minister and the Crown Prince met Consul General Zhanibek Abdrashov.") == [
        "Consul General Zhanibek Abdrashov"
    ]


def test_headlines_yield_no_candidates():
    assert candidates("First Visit Took Place In Alma-Ata\n\nThe visit took place.") == []
    assert candidates("IRAN OIL MINISTER ARRIVES IN ALGERIA\n\nThe minister arrived.") == []


def test_the_people_of_the_tashkent_statement_surface():
    art = analysis.load_article(DATA / "corpus" / "wh-2021-07-statement-delegation-tashkent-uzbekistan.txt")
    found = set(art.candidates["text"])
    assert {"Sherwood-Randall", "Department of Defense"} <= found


def test_the_diplomatic_corpus_surfaces_its_people():
    corpus = analysis.load_corpus(shared_path("corpus", "diplomatic"))
    found = set(corpus.candidates["text"])
    assert {"King Fahd", "King Abdullah II", "Baldrige", "President Reagan"} <= found
