"""Wire layouts: indented paragraphs, the headline on line 1 and the sign-off are read as such."""

import pytest
from helpers import shared_path

import analysis
from analysis.layout import TextSpan, find_headline, find_signoff
from analysis.paragraphs import paragraph_spans

REUTERS = (
    "U.S. ENERGY SECRETARY IN MOROCCO AFTER GULF TOUR\n"
    "\n"
    "RABAT, Oct 19 - U.S. Energy Secretary John Herrington\n"
    "arrived in Rabat on Monday after a tour of the Gulf and the\n"
    "Middle East.\n"
    "    Herrington said on arrival he would discuss\n"
    "regional issues with Moroccan leaders.\n"
    "    Morocco is the last stop of his tour.\n"
    " REUTER\n"
)


def paragraphs_of(text):
    return [text[s:e] for s, e in paragraph_spans(text)]


def test_an_indented_line_starts_a_paragraph_and_a_wrapped_line_does_not():
    assert paragraphs_of(REUTERS) == [
        "U.S. ENERGY SECRETARY IN MOROCCO AFTER GULF TOUR",
        "RABAT, Oct 19 - U.S. Energy Secretary John Herrington\n"
        "arrived in Rabat on Monday after a tour of the Gulf and the\nMiddle East.",
        "Herrington said on arrival he would discuss\nregional issues with Moroccan leaders.",
        "Morocco is the last stop of his tour.",
        "REUTER",
    ]


def test_one_line_indented_paragraphs_follow_one_another():
    assert paragraphs_of("    First paragraph.\n    Second paragraph.\nwrapped.\n") == [
        "First paragraph.",
        "Second paragraph.\nwrapped.",
    ]


def test_a_text_indented_throughout_is_not_cut_at_every_line():
    assert paragraphs_of("    One sentence\n    wrapped here.\n\n    Another.") == [
        "One sentence\n    wrapped here.",
        "Another.",
    ]


def test_a_reuters_wire_has_headline_dateline_sign_off_and_a_paragraph_per_indent():
    art = analysis.parse_text(REUTERS)
    assert art.headline == TextSpan("U.S. ENERGY SECRETARY IN MOROCCO AFTER GULF TOUR", 0, 48)
    assert art.signoff == TextSpan("REUTER", REUTERS.index("REUTER"), REUTERS.index("REUTER") + 6)
    assert art.dateline == "RABAT"
    assert art.sentences["paragraph_id"].tolist() == [1, 2, 3]
    assert art.sentences["text"].str.split().str[0].tolist() == ["U.S.", "Herrington", "Morocco"]


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Ad sales boost Time Warner profit\n\nQuarterly profits rose.", "Ad sales boost Time Warner profit"),
        ("IRAN OIL MINISTER IN ALGERIA.\n\nHe arrived.", "IRAN OIL MINISTER IN ALGERIA."),
        ("Can the euro survive?\n\nIt can.", "Can the euro survive?"),
        ("Brown 'will campaign with Blair'\n\nHe will.", "Brown 'will campaign with Blair'"),
    ],
)
def test_a_title_on_line_one_is_the_headline(text, headline):
    found = find_headline(text)
    assert (found.text, found.start) == (headline, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Talks began today.\n\nThey ended late.",  # a sentence: it ends with a full stop
        'Talks began today." \n\nThey ended.',  # ... inside a closing quote
        "A headline alone on its line",  # nothing follows it: it is the text
        "A title over\ntwo lines\n\nThe text.",  # not one line
        "ASTANA. KAZINFORM\n\nThe text begins.",  # a dateline alone on its line
    ],
)
def test_no_headline(text):
    art = analysis.parse_text(text)
    assert art.headline is None
    if art.dateline is None:
        assert find_headline(text) is None


@pytest.mark.parametrize(
    ("text", "signoff"),
    [
        ("He arrived.\n\nReuter", "Reuter"),
        ("He arrived.\n REUTER\n", "REUTER"),
        ("He arrived.\n\n###\n", "###"),
        ("He arrived.\n\n# # #", "# # #"),
        ("He arrived.\n\n-30-", "-30-"),
        ("He arrived on Monday. (ANI)", "(ANI)"),
        ("He arrived. (AFP)", "(AFP)"),
        ("He arrived.\n\n(AP)", "(AP)"),
        ("He arrived.\n\n-- AFP", "-- AFP"),
        ("He arrived.\n\n(Kazinform)", "(Kazinform)"),
        (
            "He arrived.\n\n(Reporting by Jane Doe; Editing by John Roe)",
            "(Reporting by Jane Doe; Editing by John Roe)",
        ),
        ("He arrived. (Writing by Jane Doe)", "(Writing by Jane Doe)"),
    ],
)
def test_common_sign_offs(text, signoff):
    found = find_signoff(text)
    assert found.text == signoff and text[found.start : found.end] == signoff
    art = analysis.parse_text(text)
    assert art.sentences["text"].str.contains(signoff, regex=False).sum() == 0


@pytest.mark.parametrize(
    "text",
    ["The story was first reported by AP", "He met Reuter", "He arrived.", "Reuter"],
)
def test_no_sign_off(text):
    assert find_signoff(text) is None


def test_headline_and_sign_off_hold_no_mention_or_topic():
    text = "SAUDI KING WANTS STABLE OIL PRICES\n\nThe talks went well.\n\n(Reporting by Jane Doe)"
    art = analysis.parse_text(text)
    assert art.sentences["text"].tolist() == ["The talks went well."]
    assert art.mentions.empty
    assert art.topics["evidence"].tolist() == ["talks"]


def test_a_name_after_non_is_not_a_mention():
    art = analysis.parse_text("OPEC and non-OPEC producers met. Non-OPEC output rose.")
    assert art.mentions["text"].tolist() == ["OPEC"]


# The research-only corpus in ../shared: what every file's layout gives.


def test_every_reuters_wire_has_its_headline_dateline_and_sign_off():
    folder = shared_path("corpus", "diplomatic")
    wires = sorted(folder.glob("reuters21578-*.txt"))
    assert len(wires) == 17
    for path in wires:
        art = analysis.load_article(path)
        first_line = art.text.split("\n", 1)[0]
        assert art.headline is not None and art.headline.text == first_line, path.name
        assert art.dateline is not None, path.name
        assert art.signoff is not None and art.signoff.text.lower() == "reuter", path.name
        assert art.sentences["paragraph_id"].nunique() >= 2 or len(art.sentences) == 1, path.name


def test_the_rabat_wire_has_three_sentences_in_three_paragraphs():
    art = analysis.load_article(
        shared_path("corpus", "diplomatic", "reuters21578-1987-rabat-us-energy-secretary-morocco.txt")
    )
    assert art.headline.text == "U.S. ENERGY SECRETARY IN MOROCCO AFTER GULF TOUR"
    assert (art.dateline, art.signoff.text) == ("RABAT", "REUTER")
    assert art.sentences["paragraph_id"].tolist() == [1, 2, 3]


def test_every_file_of_diplomatic_2_has_its_title_line_as_headline():
    folder = shared_path("corpus", "diplomatic-2")
    for path in sorted(folder.glob("*.txt")):
        art = analysis.load_article(path)
        assert art.headline is not None and art.headline.text == art.text.split("\n", 1)[0], path.name
        assert art.sentences["start"].min() > art.headline.end


def test_bbc_titles_are_headlines_and_no_bbc_text_has_a_sign_off():
    folder = shared_path("corpus", "bbc")
    paths = sorted(folder.glob("*/*.txt"))[::25]  # a sample across the five sections
    assert len(paths) >= 80
    for path in paths:
        art = analysis.load_article(path, encoding="latin-1")
        assert art.headline is not None and art.headline.start == 0, path
        assert art.signoff is None, path
