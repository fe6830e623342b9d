"""Topic tags for every sentence of the seed, the evidence behind them, and the lexicon's rules.

The expectations below were written from a reading of the seed before the lexicon was tuned:
economy where the sentence speaks of economic, investment, trade or business ties; energy for
alternative energy and the solar station; the OIC wherever the OIC or its science summit is
meant (even as "the upcoming summit"); the UN for the Security Council.
"""

import time

import pandas as pd
import pandas.testing as pdt
import pytest
from helpers import assert_offsets_exact

import analysis
from analysis import LexiconError
from analysis.registry import load_registry
from analysis.topics import LEXICON_COLUMNS, TermIndex, load_lexicon

NAMED_TOPICS = {
    "economy": [1, 9, 12],
    "energy": [8],
    "oic": [3, 4, 5, 6, 7],
    "un": [11],
}


@pytest.mark.parametrize("topic", NAMED_TOPICS)
def test_each_named_topic_tags_exactly_the_sentences_about_it(seed, topic):
    tagged = sorted(set(seed.topics.loc[seed.topics["topic"] == topic, "sentence_id"]))
    assert tagged == NAMED_TOPICS[topic]


def test_the_other_topics_of_the_seed(seed):
    by_topic = seed.topics.groupby("topic", observed=True)["sentence_id"].unique().map(sorted).to_dict()
    assert by_topic["culture"] == [1]
    assert by_topic["media"] == [13]
    assert by_topic["science"] == [4, 5, 6, 7]
    assert by_topic["security"] == [11]
    assert set(by_topic["diplomacy"]) >= {0, 1, 2, 10, 11, 13}


def test_the_upcoming_summit_is_about_the_oic_through_the_actor(seed):
    rows = seed.topics[(seed.topics["sentence_id"] == 5) & (seed.topics["topic"] == "oic")]
    assert rows[["evidence", "via"]].astype(str).values.tolist() == [["the upcoming summit", "actor"]]


def test_the_energy_sentence_shows_all_its_evidence(seed):
    rows = seed.topics[seed.topics["topic"] == "energy"]
    assert rows[["evidence", "via"]].astype(str).values.tolist() == [
        ["energy", "term"],
        ["Noor", "actor"],
        ["solar", "term"],
        ["power station", "term"],
    ]


def test_topics_schema_and_exact_offsets(seed):
    assert list(seed.topics.columns) == ["sentence_id", "topic", "evidence", "start", "end", "via"]
    assert list(seed.topics["topic"].cat.categories) == seed.lexicon.ids
    assert_offsets_exact(seed.text, seed.topics, column="evidence")


def test_every_tag_has_evidence_inside_its_sentence(seed):
    joined = seed.topics.merge(seed.sentences, on="sentence_id", suffixes=("", "_sentence"))
    assert ((joined["start"] >= joined["start_sentence"]) & (joined["end"] <= joined["end_sentence"])).all()
    assert (joined["evidence"].str.len() > 0).all()


def test_topic_summary_counts_sentences_and_share(seed):
    summary = analysis.topic_summary(seed).set_index("topic")
    assert summary.loc[["oic", "economy", "energy", "un"], "sentences"].tolist() == [5, 3, 1, 1]
    assert summary.loc["oic", "share"] == pytest.approx(5 / 14)
    assert summary["sentences"].is_monotonic_decreasing


def test_topic_matrix_is_sentences_by_topics_in_reading_order(seed):
    matrix = analysis.topic_matrix(seed)
    assert matrix.shape == (14, len(seed.lexicon.ids))
    assert matrix.index.tolist() == list(range(14))
    assert matrix.index[matrix["oic"]].tolist() == NAMED_TOPICS["oic"]


def test_actor_topics_counts_shared_sentences(seed):
    table = analysis.actor_topics(seed)
    assert table.loc["OIC Science Summit", "oic"] == 3
    assert table.loc["Noor solar power station"].to_dict() == {  # "congratulated N.Bourita on ...": diplomacy
        "economy": 0, "energy": 1, "oic": 0, "un": 0, "diplomacy": 1,
        "science": 0, "culture": 0, "security": 0, "media": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("UN", "UNESCO staff, an understanding, the UN and UN-led talks", ["UN", "UN"]),
        ("OIC", "the OICs, OIC-backed plans, NOIC", ["OIC"]),
        (
            "econom*",
            "Economy, economic and trade-economic ties; socioeconomic",
            ["Economy", "economic", "economic"],
        ),
        ("company", "a company, two companies, accompany", ["company", "companies"]),
        ("summit", "Summits and the summit; summitry", ["Summits", "summit"]),
        ("solar power", "Solar\npower and solar powered", ["Solar\npower"]),
        ("TV", "TV, tv and TVs", ["TV"]),
        ("=Labour", "Labour's plans; labour costs; LABOUR", ["Labour"]),
    ],
)
def test_terms_match_whole_words_only(term, text, found):
    index = TermIndex([(term, "t")])
    assert [text[s:e] for s, e, _ in index.finditer(text)] == found


HEADER = ",".join(LEXICON_COLUMNS)


def lexicon_file(tmp_path, *rows, header=HEADER):
    path = tmp_path / "topics.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "header", "problem"),
    [
        (["economy,Economy,#E69F00,econom*,"], "topic,label,color,terms", "header: missing column(s) actors"),
        (["economy,Economy,bluish,econom*,"], None, "row 2: colour 'bluish' is not a colour"),
        (
            ["economy,Economy,#E69F00,econom*,", "economy,Trade,#000000,trade*,"],
            None,
            "row 3: topic id 'economy' is defined twice",
        ),
        (["economy,Economy,#E69F00,econom*||trade,"], None, "row 2: topic 'economy' has an empty term"),
        (["economy,Economy,#E69F00,*,"], None, "row 2: topic 'economy' has an empty term"),
        (["economy,Economy,#E69F00,=|trade,"], None, "row 2: topic 'economy' has an empty term"),
        (
            ["Economy!,Economy,#E69F00,econom*,"],
            None,
            "row 2: topic id 'Economy!' is not a lower-case identifier",
        ),
        (["economy,Economy,#E69F00,,"], None, "row 2: topic 'economy' has neither terms nor actors"),
        (["economy,Economy,#E69F00,econom*,,extra"], None, "row 2: more cells than columns"),
        (["economy,Economy,#E69F00,econom*,,x"], HEADER + ",notes", "header: unknown column(s) notes"),
        (["economy,,#E69F00,econom*,"], None, "row 2: topic 'economy' has an empty label"),
        (
            ["economy,Economy,#E69F00,foo*bar,"],
            None,
            "row 2: topic 'economy' has the malformed term 'foo*bar'",
        ),
        (["economy,Economy,#E69F00,trade|**,"], None, "row 2: topic 'economy' has the malformed term '**'"),
        (["economy,Economy,#E69F00,*nomy,"], None, "row 2: topic 'economy' has the malformed term '*nomy'"),
        (["economy,Economy,#E69F00,@meeting,"], None, "row 2: topic 'economy' has an unknown special term"),
        (
            ['economy,"Economy,#E69F00,econom*,', "energy,Energy,#D55E00,energ*,"],
            None,
            'row 2: a quote (") opened in this row is never closed',
        ),
    ],
)
def test_a_malformed_lexicon_names_file_row_and_problem(tmp_path, rows, header, problem):
    path = lexicon_file(tmp_path, *rows, **({"header": header} if header else {}))
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert str(caught.value).startswith(f"{path}: ") and problem in str(caught.value)


def test_a_byte_order_mark_is_dropped(tmp_path):
    """Issue 15.5: Excel's "CSV UTF-8" writes one."""
    path = lexicon_file(tmp_path, "economy,Economy,#E69F00,econom*,")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_lexicon(path).ids == ["economy"]


def test_a_terms_cell_over_128_kib_is_read(tmp_path):
    """Issue 15.2: Python's csv module stops at 128 KiB by default, with a raw _csv.Error."""
    terms = "|".join(f"trade{i}" for i in range(30_000))
    assert len(terms) > 128 * 1024
    path = lexicon_file(tmp_path, f"economy,Economy,#E69F00,{terms},")
    assert len(load_lexicon(path).topics[0].terms) == 30_000


def test_loading_a_lexicon_grows_linearly(tmp_path):
    """Issue 15.10: the duplicate check was quadratic (270 s for 100,000 topics). 4x the rows may
    take at most 8x the time (a quadratic step takes 16x)."""

    def seconds(rows: int) -> float:
        times = []
        for run in "ab":
            path = tmp_path / f"{run}{rows}.csv"
            path.write_text(HEADER + "\n" + "".join(f"t{i},T {i},#0072B2,term{i},\n" for i in range(rows)))
            start = time.perf_counter()
            load_lexicon(path)
            times.append(time.perf_counter() - start)
        return min(times)

    small, large = seconds(2_500), seconds(10_000)
    assert large / small < 8, f"{small:.2f}s for 2,500 rows, {large:.2f}s for 10,000"


def test_a_users_lexicon_adds_a_topic(tmp_path, seed_text):
    path = lexicon_file(tmp_path, "expo,EXPO,#0072B2,exhibition*,expo-2017")
    art = analysis.parse_text(seed_text, lexicon=load_lexicon(path))
    expected = pd.DataFrame(
        {
            "sentence_id": [9],
            "topic": ["expo"],
            "evidence": ["EXPO 2017"],
            "start": [1821],
            "end": [1830],
            "via": ["actor"],
        }
    ).astype(art.topics.dtypes.to_dict())
    pdt.assert_frame_equal(art.topics, expected)


def test_the_default_lexicon_links_only_registered_actors():
    assert load_lexicon().unknown_actors(load_registry()) == {}


# Reading real news: security language, titles, exclusions.


def topics_of(text: str, registry=None) -> dict[int, list[str]]:
    art = analysis.parse_text(text, registry=registry)
    return art.topics.groupby("sentence_id")["topic"].unique().map(lambda t: sorted(map(str, t))).to_dict()


def test_the_language_of_security_news_is_security():
    text = (
        "U.S. naval forces destroyed an Iranian oil platform. "
        "The Pentagon said it came in retaliation for a missile attack. "
        "Troops were sent after the raid."
    )
    assert topics_of(text) == {0: ["energy", "security"], 1: ["security"], 2: ["security"]}


def test_the_language_of_parliamentary_politics_is_diplomacy_and_politics():
    text = (
        "The bill faces a second reading in the Commons. "
        "Labour and UKIP want the law change. "
        "Their labour costs rose. "
        "The Lords will debate the reform."
    )
    assert topics_of(text) == {0: ["diplomacy"], 1: ["diplomacy"], 2: ["economy"], 3: ["diplomacy"]}


def test_the_party_its_secretaries_and_committees_are_politics():
    text = (
        "The party will meet in Brighton. The home secretary was absent. "
        "A rift opened between the men. The committee said no."
    )
    assert topics_of(text) == {0: ["diplomacy"], 1: ["diplomacy"], 2: ["diplomacy"], 3: ["diplomacy"]}


def test_selling_accounts_and_fraud_are_economy_but_not_by_all_accounts():
    text = "The game sold a million copies. By all accounts it was fun. The firm restated its accounts."
    assert topics_of(text) == {0: ["economy"], 2: ["economy"]}


def test_nuclear_powers_are_security_and_nuclear_power_is_energy():
    assert topics_of("India and Pakistan, the two nuclear powers, met.") == {0: ["security"]}
    assert topics_of("The country will build nuclear power stations.") == {0: ["energy"]}


def test_an_exclusion_term_stops_only_its_own_topic(tmp_path):
    path = tmp_path / "topics.csv"
    path.write_text(
        "topic,label,color,terms,actors\n"
        "energy,Energy,#D55E00,nuclear power|!nuclear powers,\n"
        "security,Security,#999999,nuclear powers,\n",
        encoding="utf-8",
    )
    art = analysis.parse_text("The nuclear powers met. Nuclear power is cheap.", lexicon=load_lexicon(path))
    assert art.topics[["sentence_id", "topic", "evidence"]].astype(str).values.tolist() == [
        ["0", "security", "nuclear powers"],
        ["1", "energy", "Nuclear power"],
    ]


def test_the_press_and_the_magazine_are_media():
    assert topics_of("The official Peking Review said so. The magazine is read widely.") == {1: ["media"]}


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("U.S. Energy Secretary John Herrington arrived.", ["U.S. Energy Secretary John Herrington"]),
        ("He met Defense Secretary Caspar Weinberger and others.", ["Defense Secretary Caspar Weinberger"]),
        ("The Trade Minister spoke.", ["The Trade Minister"]),
        ("The UN Secretary-General Antonio Guterres met him.", ["The UN Secretary-General Antonio Guterres"]),
        ("Oil prices rose. Energy ministers met.", []),  # lower case: not a title
    ],
)
def test_a_capitalised_role_phrase_is_a_title(text, phrases):
    from analysis.topics import role_phrase_spans

    assert [text[s:e] for s, e in role_phrase_spans(text, [(0, len(text))])] == phrases


def test_a_standalone_title_in_lower_case_counts_whether_or_not_it_is_resolved():
    resolved = "Tony Blair's speech was long. Mr Blair spoke of schools. The prime minister said no."
    unresolved = "The speech was long. Schools were discussed. The prime minister said no."
    assert analysis.parse_text(resolved).mentions["kind"].tolist()[-1] == "title"
    assert topics_of(resolved) == topics_of(unresolved) == {2: ["diplomacy"]}


def test_registering_a_person_does_not_change_the_topics_of_the_rabat_wire(tmp_path):
    from helpers import shared_path

    from analysis.config import REGISTRY_FILES

    path = shared_path("corpus", "diplomatic", "reuters21578-1987-rabat-us-energy-secretary-morocco.txt")
    extra = tmp_path / "herrington.csv"
    extra.write_text(
        "actor_id,name,type,country,code,aliases,adjectives,titles,pronoun\n"
        "herrington,John Herrington,person,united-states,,,,Energy Secretary|Secretary,he\n",
        encoding="utf-8",
    )
    unregistered = analysis.load_article(path)
    registered = analysis.load_article(path, registry=load_registry([*REGISTRY_FILES, extra]))
    assert "herrington" in set(registered.mentions["actor_id"])
    assert "herrington" not in set(unregistered.mentions["actor_id"].astype(str))
    pdt.assert_frame_equal(registered.topics, unregistered.topics)
    assert "energy" not in set(registered.topics["topic"])  # a job title, not the subject


def test_a_title_is_not_evidence_for_unregistered_people_either():
    text = "U.S. Energy Secretary John Herrington arrived in Rabat on Monday."
    assert topics_of(text) == {0: ["diplomacy"]}
    assert topics_of("He spoke about energy prices.") == {0: ["economy", "energy"]}


def test_an_interaction_is_evidence_of_the_topics_that_list_at_interaction():
    text = "Sheikh Abdullah bin Zayed on Monday received US Secretary of State Antony Blinken."
    topics = analysis.parse_text(text).topics
    assert topics[["topic", "evidence", "via"]].astype(str).values.tolist() == [
        ["diplomacy", "received", "interaction"]
    ]


def test_an_interaction_that_is_not_a_dealing_is_no_evidence():
    topics = analysis.parse_text("Bolton boss Sam Allardyce has signed Roma defender Vincent Candela.").topics
    assert "interaction" not in set(topics["via"].astype(str))


def test_the_language_of_prisons_and_criminal_justice_is_security():
    text = (
        "Deaths in custody have reached shocking levels. "
        "The plan was to ensure offenders were monitored after release from prison. "
        "He was sentenced to two years."
    )
    assert topics_of(text) == {0: ["security"], 1: ["security"], 2: ["security"]}


def topic_rows_of(text: str) -> list[tuple]:
    t = analysis.parse_text(text).topics
    return list(
        zip(t["sentence_id"], t["topic"].astype(str), t["evidence"], t["via"].astype(str), strict=True)
    )


def test_a_sentence_without_evidence_naming_an_actor_of_the_main_topic_takes_that_topic():
    text = (
        "Chief executive Michael Cherkasky said profits fell. "
        "Mr Cherkasky expects lower revenue. "
        "The market expects a cut in the dividend. "
        "Mr Cherkasky said he was co-operating fully with the inquiry. "
        "Nobody was available to comment."
    )
    context = [row for row in topic_rows_of(text) if row[3] == "context"]
    assert context == [
        (3, "economy", "Mr Cherkasky", "context"),
        (4, "economy", "Nobody was available to comment.", "context"),
    ]


def test_a_sentence_without_evidence_naming_no_one_takes_the_main_topic_with_itself_as_evidence():
    text = (
        "The gadget show opened with new computers. "
        "The firm makes computer chips. "
        "It is compatible with all the major games consoles. "
        "Software makers showed new computer games."
    )
    assert [row for row in topic_rows_of(text) if row[3] == "context"] == [
        (2, "science", "It is compatible with all the major games consoles.", "context")
    ]


def test_no_main_topic_no_context():
    text = (
        "Chief executive Michael Cherkasky said profits fell. "
        "Mr Cherkasky said he was co-operating fully with the inquiry."
    )
    assert [row for row in topic_rows_of(text) if row[3] == "context"] == []
