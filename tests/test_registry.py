"""The actor registry: derived name forms, and a clear error for every kind of malformed file."""

import pytest

import analysis
from analysis import RegistryError
from analysis.registry import COLUMNS, load_registry

HEADER = ",".join(COLUMNS)
COUNTRY = "morocco,Morocco,country,morocco,MAR,Kingdom of Morocco,Moroccan,,"


def registry_file(tmp_path, *rows, header=HEADER):
    path = tmp_path / "actors.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def error_for(path) -> str:
    with pytest.raises(RegistryError) as caught:
        load_registry([path])
    return str(caught.value)


def test_short_forms_are_derived_from_full_names():
    assert analysis.person_name_forms("Nasser Bourita") == [
        "Nasser Bourita",
        "N.Bourita",
        "N. Bourita",
        "Bourita",
    ]


def test_the_default_registry_covers_every_actor_of_the_seed():
    registry = load_registry()
    for actor_id in [
        "kamaldinov", "bourita", "nazarbayev", "mohammed-vi", "kazakhstan", "morocco", "oic", "un",
        "unsc", "kazakh-mfa", "maghreb-chambers-union", "kazakh-consulate-morocco",
        "oic-science-summit", "expo-2017", "astana-process", "astana", "maghreb", "noor-solar-plant",
    ]:  # fmt: skip
        assert actor_id in registry.actors
    assert registry.names["A.Kamaldinov"] == "kamaldinov"
    assert registry.adjectives["Moroccan"] == "morocco"
    assert registry.titles["fm"] == ("bourita",)


def test_registry_frame_lists_every_form(tmp_path):
    frame = load_registry([registry_file(tmp_path, COUNTRY)]).frame()
    assert frame.loc[0, "names"] == "Kingdom of Morocco|Morocco"
    assert frame.loc[0, "adjectives"] == "Moroccan"


@pytest.mark.parametrize(
    ("rows", "header", "problem"),
    [
        ([COUNTRY], "actor_id,name,kind", "header: missing column(s) type; unknown column(s) kind"),
        (["Morocco!,Morocco,country,,,,,,"], HEADER, "row 2: actor_id 'Morocco!' is not a slug"),
        (["morocco,Morocco,nation,,,,,,"], HEADER, "row 2: type 'nation' is not one of"),
        ([COUNTRY, COUNTRY], HEADER, "row 3: actor_id 'morocco' is already used in"),
        (
            ["bourita,Nasser Bourita,person,moroco,,,,,he"],
            HEADER,
            "row 2: country 'moroco' is not an actor_id",
        ),
        (
            [COUNTRY, "rabat,Rabat,place,morocco,,Morocco,,,"],
            HEADER,
            "row 3: 'Morocco' already names 'morocco'",
        ),
        (
            ["morocco,Morocco,country,,,Kingdom of Morocco||Maroc,,,"],
            HEADER,
            "row 2: column aliases has an empty form",
        ),
        ([COUNTRY.rsplit(",", 1)[0] + ",he"], HEADER, "row 2: pronoun 'he' is not allowed for a country"),
        (["morocco,,country,,,,,,"], HEADER, "row 2: name is empty"),
        (["morocco,Morocco,country,,,,,,,extra"], HEADER, "row 2: more cells than columns"),
    ],
)
def test_a_malformed_registry_names_file_row_and_problem(tmp_path, rows, header, problem):
    path = registry_file(tmp_path, *rows, header=header)
    message = error_for(path)
    assert message.startswith(f"{path}: ") and problem in message and "Fix:" in message


def test_a_missing_registry_file_is_named(tmp_path):
    assert "does not exist" in error_for(tmp_path / "none.csv")


def test_two_people_sharing_a_surname_keep_only_their_full_names(tmp_path):
    path = registry_file(
        tmp_path,
        "kim-a,Kim Jong,person,,,,,,he",
        "kim-b,Lee Jong,person,,,,,,he",
    )
    names = load_registry([path]).names
    assert "Jong" not in names and names["K.Jong"] == "kim-a" and names["Lee Jong"] == "kim-b"


def test_a_users_registry_replaces_the_default(tmp_path):
    registry = load_registry([registry_file(tmp_path, COUNTRY, "rabat,Rabat,place,morocco,,,,capital,")])
    art = analysis.parse_text("Rabat is the Moroccan capital.", registry=registry)
    assert art.mentions[["text", "actor", "kind"]].astype(str).values.tolist() == [
        ["Rabat", "Rabat", "name"],
        ["the Moroccan capital", "Rabat", "title"],
        ["Moroccan", "Morocco", "adjective"],
    ]


def test_forms_with_odd_white_space_are_normalised(tmp_path):
    path = registry_file(
        tmp_path, COUNTRY, "bourita,Nasser\u00a0 Bourita,person,morocco,,,,Foreign  Minister,he"
    )
    registry = load_registry([path])
    assert registry["bourita"].name == "Nasser Bourita" and registry.titles["foreign minister"] == (
        "bourita",
    )
    art = analysis.parse_text("The Moroccan Foreign Minister, Nasser\u00a0Bourita, spoke.", registry=registry)
    assert art.mentions["text"].tolist() == ["Moroccan Foreign Minister, Nasser\u00a0Bourita", "Moroccan"]


def test_an_edited_registry_is_read_anew(tmp_path):
    path = registry_file(tmp_path, COUNTRY)
    assert "rabat" not in load_registry([path]).actors
    path.write_text(path.read_text() + "rabat,Rabat,place,morocco,,,,,\n", encoding="utf-8")
    assert "rabat" in load_registry(path).actors  # one path is accepted as well as a list
