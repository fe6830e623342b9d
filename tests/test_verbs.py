"""The verbs file: the project's loads, and a malformed one is refused naming the file and the row."""

import pytest

from analysis.errors import VerbsError
from analysis.verbs import COLUMNS, load_verbs

HEADER = ",".join(COLUMNS)
GOOD = "meet with,met with|meets with,interaction,meet,040,reciprocal,required,"


def write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "verbs.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_project_verbs_load_with_both_tables():
    verbs = load_verbs()
    assert {v.table for v in verbs.verbs} == {"interaction", "statement"}
    assert [v.verb for v in verbs.verbs if "thanked" in v.forms] == ["thank", "thank"]


def test_a_form_in_both_tables_is_one_match_with_both_verbs():
    text = "He thanked Morocco."
    [(start, end, verb, twin)] = load_verbs().matches(text, 0, len(text))
    assert (text[start:end], verb.table, twin.table) == ("thanked", "interaction", "statement")


def test_a_star_is_at_most_one_word():
    verbs = load_verbs()
    text = "paid a visit to, paid a working visit to, paid a long working visit to"
    assert [text[s:e] for s, e, _, _ in verbs.matches(text, 0, len(text))] == [
        "paid a visit to",
        "paid a working visit to",
        "visit",  # two words between: only the bare verb matches
    ]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("meet,,interaction,meet,040,reciprocal,required,", "row 2: forms '' has an empty or malformed form"),
        ("meet,met||meets,interaction,meet,040,reciprocal,required,", "row 2: forms 'met||meets'"),
        ("meet,met,event,meet,040,reciprocal,required,", "row 2: table 'event' is not one of"),
        ("meet,met,interaction,greet,040,reciprocal,required,", "row 2: type 'greet' is not one of"),
        ("say,said,statement,meet,,active,none,", "row 2: a statement has a type or cameo code"),
        ("meet,met,interaction,meet,4x,reciprocal,required,", "row 2: cameo '4x' is not a CAMEO code"),
        ("meet,met,interaction,meet,040,sideways,required,", "row 2: direction 'sideways' is not one of"),
        ("meet,met,interaction,meet,040,reciprocal,none,", "row 2: target 'none' does not fit a interaction"),
        ("say,said,statement,,,active,required,", "row 2: target 'required' does not fit a statement"),
        (",met,interaction,meet,040,reciprocal,required,", "row 2: verb is empty"),
        ("meet,met,interaction,meet,040,reciprocal,required,,extra", "row 2: more cells than columns"),
    ],
)
def test_a_malformed_row_names_the_file_and_the_row(tmp_path, row, problem):
    path = write(tmp_path, row)
    with pytest.raises(VerbsError) as caught:
        load_verbs(path)
    assert str(caught.value).startswith(f"{path}: {problem}")
    assert "Fix: " in str(caught.value)


def test_a_form_claimed_twice_in_one_table(tmp_path):
    path = write(tmp_path, GOOD, "see,met with,interaction,meet,,active,required,")
    with pytest.raises(VerbsError, match="row 3: form 'met with' already belongs to verb 'meet with'"):
        load_verbs(path)


def test_a_verb_listed_twice(tmp_path):
    path = write(tmp_path, GOOD, "meet with,encountered,interaction,meet,,active,required,")
    with pytest.raises(VerbsError, match="row 3: verb 'meet with' is listed twice for interactions"):
        load_verbs(path)


def test_a_missing_column_or_file(tmp_path):
    with pytest.raises(VerbsError, match="header: missing column\\(s\\) notes"):
        load_verbs(write(tmp_path, GOOD, header=HEADER.replace(",notes", "")))
    with pytest.raises(VerbsError, match="does not exist"):
        load_verbs(tmp_path / "missing.csv")
    with pytest.raises(VerbsError, match="defines no verbs"):
        load_verbs(write(tmp_path))


def test_a_capitalised_one_word_form_inside_a_sentence_is_a_name():
    verbs = load_verbs()
    text = 'He will meet Oil Minister Mana Said al-Oteiba. "Met with him," they said: Received.'
    assert [text[s:e] for s, e, _, _ in verbs.matches(text, 0, len(text))] == [
        "meet",
        "Met with",
        "said",
        "Received",
    ]
