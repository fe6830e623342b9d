"""The actor registry: derived name forms, and a clear error for every kind of malformed file."""

import os
import time

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
        (
            [COUNTRY, 'rabat,"Rabat,place,morocco,,,,,', "astana,Astana,place,,,,,,"],
            HEADER,
            'row 3: a quote (") opened in this row is never closed',
        ),
        (['rabat,"Rab"at,place,,,,,,'], HEADER, "row 2: ',' expected after '\"'"),
        (
            ["bourita,Nasser Bourita,person,bourita,,,,,he"],
            HEADER,
            "row 2: country 'bourita' is the person itself",
        ),
        (
            ["un,United Nations,organization,,,,,,", "guterres,Antonio Guterres,person,un,,,,,he"],
            HEADER,
            "row 3: country 'un' is a organization, not a country",
        ),
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


def test_a_byte_order_mark_is_dropped(tmp_path):
    """Issue 15.5: Excel's "CSV UTF-8" writes one."""
    path = registry_file(tmp_path, COUNTRY)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert list(load_registry([path]).actors) == ["morocco"]


def test_a_cell_over_128_kib_is_read(tmp_path):
    """Issue 15.2: Python's csv module stops at 128 KiB by default, with a raw _csv.Error."""
    aliases = "|".join(f"Morocco Alias {i}" for i in range(20_000))
    assert len(aliases) > 128 * 1024
    path = registry_file(tmp_path, f"morocco,Morocco,country,morocco,MAR,{aliases},Moroccan,,")
    assert load_registry([path]).names["Morocco Alias 19999"] == "morocco"


def test_an_unclosed_quote_over_128_kib_names_the_row(tmp_path):
    rest = "\n".join(f"a{i},A {i},place,,,,,," for i in range(20_000))
    path = registry_file(tmp_path, COUNTRY, 'rabat,"Rabat,place,,,,,,', rest)
    assert error_for(path) == (
        f'{path}: row 3: a quote (") opened in this row is never closed. '
        'Fix: close the quote; write a quote inside a quoted cell as "".'
    )


def test_a_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "actors.csv"
    os.mkfifo(path)
    assert error_for(path).startswith(f"{path}: is a FIFO (named pipe), not a regular file. Fix: ")


def registry_of(tmp_path, rows: int, tag: str):
    people = "\n".join(f"p{tag}{i},Person{tag}{i} Surname{tag}{i},person,kazakhstan,,Alias{tag}{i},,Title{i},he"
                       for i in range(rows))  # fmt: skip
    path = tmp_path / f"registry-{tag}-{rows}.csv"
    path.write_text(f"{HEADER}\nkazakhstan,Kazakhstan,country,kazakhstan,KAZ,,Kazakh,,\n{people}\n")
    return path


@pytest.mark.slow
def test_loading_and_compiling_a_registry_grows_linearly(tmp_path):
    """Issue 15.10: 4x the rows may take at most 8x the time (a quadratic step takes 16x)."""

    def seconds(rows: int) -> float:
        times = []
        for run in "abc":
            path = registry_of(tmp_path, rows, f"{run}{rows}")
            start = time.perf_counter()
            analysis.parse_text("Nasser Bourita met him.", registry=load_registry([path]))  # compiles it
            times.append(time.perf_counter() - start)
        return min(times)

    small, large = seconds(1_500), seconds(6_000)
    assert large / small < 8, f"{small:.2f}s for 1,500 rows, {large:.2f}s for 6,000"
