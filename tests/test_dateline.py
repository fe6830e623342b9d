"""Wire datelines are metadata: recognised in their common forms, never taken from a sentence."""

import pytest

from analysis.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "source", "date", "rest"),
    [
        ("ASTANA. KAZINFORM Special Envoy met.", "ASTANA", "KAZINFORM", None, "Special Envoy met."),
        ("ASTANA. KAZINFORM - The talks began.", "ASTANA", "KAZINFORM", None, "The talks began."),
        (
            "NUR-SULTAN. KAZINFORM – The President said.",
            "NUR-SULTAN",
            "KAZINFORM",
            None,
            "The President said.",
        ),
        ("MOSCOW. KAZINFORM - Talks ended.", "MOSCOW", "KAZINFORM", None, "Talks ended."),
        ("WASHINGTON (Reuters) - Officials said.", "WASHINGTON", "Reuters", None, "Officials said."),
        (
            "ALGIERS, March 6 - Iran's oil minister arrived.",
            "ALGIERS",
            None,
            "March 6",
            "Iran's oil minister arrived.",
        ),
        ("UNITED NATIONS, Oct 19 - The Council met.", "UNITED NATIONS", None, "Oct 19", "The Council met."),
        ("HEADLINE IN CAPITALS\n\nABU DHABI, June 29 - Talks.", "ABU DHABI", None, "June 29", "Talks."),
    ],
)
def test_common_wire_forms(text, place, source, date, rest):
    found = find_dateline(text)
    assert (found.place, found.source, found.date) == (place, source, date)
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "The sides shared their views.",
        "NATO. The alliance met.",
        "U.S. officials said so.",
        "A long first paragraph ends here.\n\nALGIERS, March 6 - not at the head.",
        "Readout of a meeting\n\nPresident Biden met the leaders.",
    ],
)
def test_no_dateline_swallows_a_real_sentence(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("ASTANA. KAZINFORM\n\nThe text begins.", "The text begins."),
        ("WASHINGTON (Reuters) -\nOfficials said.", "Officials said."),
    ],
)
def test_a_dateline_alone_on_its_line_is_still_metadata(text, first):
    import analysis

    art = analysis.parse_text(text)
    assert art.dateline is not None and art.sentences["text"].tolist() == [first]
