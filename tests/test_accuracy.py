"""Tests for analysis.accuracy (analysis.evaluate): scoring on tiny hand-made articles, and the gold files themselves."""

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis import config, tables
from analysis.accuracy import accuracy_errors, evaluate
from analysis.errors import GoldError
from analysis.gold import GOLD_DIR, load_gold

TEXT = "Ann Lee met the King. She praised Moroccan trade.\n\nThe OIC met in Astana."
SENTENCES = ["Ann Lee met the King.", "She praised Moroccan trade.", "The OIC met in Astana."]
# (surface, actor_id, actor_type, kind); every surface occurs once in TEXT.
MENTIONS = [
    ("Ann Lee", "lee", "person", "name"),
    ("the King", "king", "person", "title"),
    ("She", "lee", "person", "pronoun"),
    ("Moroccan", "morocco", "country", "adjective"),
    ("OIC", "oic", "organization", "name"),
]
OPTIONAL = [("Astana", "astana", "place", "name")]
TOPICS = [
    {"sentence": 0, "required": ["diplomacy"], "optional": []},
    {"sentence": 1, "required": ["economy"], "optional": ["diplomacy"]},
    {"sentence": 2, "required": ["oic"], "optional": []},
]
ALL_KINDS = ["adjective", "name", "pronoun", "title"]
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def span(surface, text=TEXT):
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


def mention(surface, actor_id, actor_type, kind):
    return {**span(surface), "actor_id": actor_id, "actor_type": actor_type, "kind": kind}


def raw_gold(tmp_path, mentions=MENTIONS, kinds=ALL_KINDS):
    """A valid gold file's content for TEXT, its article written under tmp_path."""
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    return {
        "article": str(article),  # absolute, so the tiny article need not live in the repo
        "sentences": [span(s) for s in SENTENCES],
        "mentions": [mention(*m) for m in mentions],
        "optional_mentions": [mention(*m) for m in OPTIONAL],
        "topics": TOPICS,
        "scope": {"exhaustive_kinds": kinds, "note": "test"},
    }


def write_gold(tmp_path, raw):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path):
    return load_gold(write_gold(tmp_path, raw_gold(tmp_path)))


def article(sentences=SENTENCES, mentions=MENTIONS, topics=None):
    """A parsed-article stand-in with the package's column layout.

    ``topics`` holds (sentence_id, topic, evidence) triples; by default the gold required topics,
    each with the first word of its sentence as evidence.
    """
    sents = pd.DataFrame([{"sentence_id": i, "paragraph_id": 0, **span(s)} for i, s in enumerate(sentences)])
    rows = [{"mention_id": i, "sentence_id": 0, **mention(*m), "actor": m[1]} for i, m in enumerate(mentions)]
    if topics is None:
        topics = [
            (t["sentence"], label, SENTENCES[t["sentence"]].split()[0])
            for t in TOPICS
            for label in t["required"]
        ]
    topic_rows = []
    for sentence_id, topic, evidence in topics:
        where = TEXT.index(evidence, sents.start[sentence_id])
        topic_rows.append(
            {
                "sentence_id": sentence_id,
                "topic": topic,
                "evidence": evidence,
                "start": where,
                "end": where + len(evidence),
                "via": "keyword",
            }
        )
    return SimpleNamespace(
        text=TEXT,
        sentences=sents,
        mentions=pd.DataFrame(rows),
        topics=pd.DataFrame(topic_rows, columns=["sentence_id", "topic", "evidence", "start", "end", "via"]),
    )


def scores(rows):
    """Expected score rows from (task, group, tp, fp, fn, precision, recall, f1) tuples."""
    frame = pd.DataFrame(rows, columns=["task", "group", "tp", "fp", "fn", "precision", "recall", "f1"])
    return frame.astype(
        {
            "task": "str",
            "group": "str",
            "tp": "int64",
            "fp": "int64",
            "fn": "int64",
            "precision": "float64",
            "recall": "float64",
            "f1": "float64",
        }
    )


def pick(result, task, groups):
    chosen = result[(result.task == task) & result.group.isin(groups)]
    return chosen.reset_index(drop=True)


def expected_errors(rows):
    frame = pd.DataFrame(rows, columns=["task", "status", "start", "end", "text", "detail"])
    return frame.astype(
        {"task": "str", "status": "str", "start": "Int64", "end": "Int64", "text": "str", "detail": "str"}
    )


# --- scoring ----------------------------------------------------------------------------------


def test_perfect_article_scores_one_everywhere(gold):
    result = evaluate(article(), gold)
    assert_frame_equal(
        result[result.group == "all"].reset_index(drop=True),
        scores(
            [
                ("sentences", "all", 3, 0, 0, 1.0, 1.0, 1.0),
                ("mentions", "all", 5, 0, 0, 1.0, 1.0, 1.0),
                ("mentions_lenient", "all", 5, 0, 0, 1.0, 1.0, 1.0),
                ("actor_counts", "all", 5, 0, 0, 1.0, 1.0, 1.0),
                ("topics", "all", 3, 0, 0, 1.0, 1.0, 1.0),
            ]
        ),
    )
    assert (result[["precision", "recall", "f1"]] == 1.0).all().all()
    assert accuracy_errors(article(), gold).empty


def test_every_group_is_listed_even_when_empty(gold):
    groups = evaluate(article(), gold).groupby("task", sort=False).group.apply(list).to_dict()
    types = [f"type:{t}" for t in tables.ACTOR_TYPES]
    assert groups == {
        "sentences": ["all"],
        "mentions": ["all", *(f"kind:{k}" for k in tables.MENTION_KINDS), *types],
        "mentions_lenient": ["all", *types],
        "actor_counts": ["all", *types],
        "topics": [
            "all",
            "topic:economy",
            "topic:energy",
            "topic:oic",
            "topic:un",
            "topic:diplomacy",
            "topic:science",
            "topic:culture",
            "topic:security",
            "topic:media",
        ],
    }


def test_gold_may_be_given_as_a_path(tmp_path):
    path = write_gold(tmp_path, raw_gold(tmp_path))
    assert_frame_equal(evaluate(article(), path), evaluate(article(), load_gold(path)))


def test_a_missed_pronoun(gold):
    parsed = article(mentions=[m for m in MENTIONS if m[0] != "She"])
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "mentions", ["all", "kind:pronoun", "type:person"]),
        scores(
            [
                ("mentions", "all", 4, 0, 1, 1.0, 0.8, 8 / 9),
                ("mentions", "kind:pronoun", 0, 0, 1, 0.0, 0.0, 0.0),
                ("mentions", "type:person", 2, 0, 1, 1.0, 2 / 3, 0.8),
            ]
        ),
    )
    assert_frame_equal(
        pick(result, "actor_counts", ["all"]), scores([("actor_counts", "all", 4, 0, 1, 1.0, 0.8, 8 / 9)])
    )
    assert_frame_equal(
        accuracy_errors(parsed, gold), expected_errors([("mentions", "miss", 22, 25, "She", "lee/pronoun")])
    )


def test_a_false_alarm(gold):
    parsed = article(mentions=[*MENTIONS, ("Lee", "lee", "person", "name")])
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "mentions", ["all", "kind:name"]),
        scores(
            [
                ("mentions", "all", 5, 1, 0, 5 / 6, 1.0, 10 / 11),
                ("mentions", "kind:name", 2, 1, 0, 2 / 3, 1.0, 0.8),
            ]
        ),
    )
    assert result.set_index(["task", "group"]).fp[("actor_counts", "all")] == 1
    assert_frame_equal(
        accuracy_errors(parsed, gold), expected_errors([("mentions", "false_alarm", 4, 7, "Lee", "lee/name")])
    )


def test_wrong_kind_is_an_error_only_for_the_strict_task(gold):
    parsed = article(mentions=[m if m[0] != "the King" else (*m[:3], "name") for m in MENTIONS])
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "mentions", ["all", "kind:name", "kind:title"]),
        scores(
            [
                ("mentions", "all", 4, 1, 1, 0.8, 0.8, 0.8),
                ("mentions", "kind:name", 2, 1, 0, 2 / 3, 1.0, 0.8),
                ("mentions", "kind:title", 0, 0, 1, 0.0, 0.0, 0.0),
            ]
        ),
    )
    assert_frame_equal(
        pick(result, "mentions_lenient", ["all"]),
        scores([("mentions_lenient", "all", 5, 0, 0, 1.0, 1.0, 1.0)]),
    )
    assert_frame_equal(
        accuracy_errors(parsed, gold),
        expected_errors(
            [
                ("mentions", "false_alarm", 12, 20, "the King", "king/name"),
                ("mentions", "miss", 12, 20, "the King", "king/title"),
            ]
        ),
    )


def test_optional_spans_are_ignored(gold):
    with_optional = article(mentions=[*MENTIONS, *OPTIONAL])
    assert_frame_equal(evaluate(with_optional, gold), evaluate(article(), gold))
    assert accuracy_errors(with_optional, gold).empty


def test_actor_counts_forgive_wrong_spans(gold):
    shifted = [m if m[0] != "Ann Lee" else ("Lee", *m[1:]) for m in MENTIONS]
    result = evaluate(article(mentions=shifted), gold)
    assert_frame_equal(
        result[result.group == "all"].iloc[1:4].reset_index(drop=True),
        scores(
            [
                ("mentions", "all", 4, 1, 1, 0.8, 0.8, 0.8),
                ("mentions_lenient", "all", 4, 1, 1, 0.8, 0.8, 0.8),
                ("actor_counts", "all", 5, 0, 0, 1.0, 1.0, 1.0),
            ]
        ),
    )


def test_kinds_outside_the_scope_are_not_false_alarms(tmp_path):
    names_only = [m for m in MENTIONS if m[3] in ("name", "adjective")]
    gold = load_gold(write_gold(tmp_path, raw_gold(tmp_path, names_only, ["adjective", "name"])))
    # "She" and "the King" are not in this gold file: ignored. A title on a gold name span is wrong.
    parsed = article(mentions=[*MENTIONS[1:], ("Ann Lee", "lee", "person", "title")])
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "mentions", ["all", "kind:adjective", "kind:name", "kind:title"]),
        scores(
            [
                ("mentions", "all", 2, 1, 1, 2 / 3, 2 / 3, 2 / 3),
                ("mentions", "kind:name", 1, 0, 1, 1.0, 0.5, 2 / 3),
                ("mentions", "kind:adjective", 1, 0, 0, 1.0, 1.0, 1.0),
            ]
        ),
    )


def test_topics_required_optional_and_wrong(gold):
    parsed = article(
        topics=[
            (0, "diplomacy", "Ann"),
            (1, "diplomacy", "praised"),  # optional in gold: ignored
            (1, "culture", "trade"),  # not in gold: false alarm; economy missed
            (2, "oic", "OIC"),
            (2, "oic", "The"),  # a second piece of evidence for the same pair counts once
        ]
    )
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "topics", ["all", "topic:economy", "topic:diplomacy", "topic:culture"]),
        scores(
            [
                ("topics", "all", 2, 1, 1, 2 / 3, 2 / 3, 2 / 3),
                ("topics", "topic:economy", 0, 0, 1, 0.0, 0.0, 0.0),
                ("topics", "topic:diplomacy", 1, 0, 0, 1.0, 1.0, 1.0),
                ("topics", "topic:culture", 0, 1, 0, 0.0, 0.0, 0.0),
            ]
        ),
    )
    sentence = SENTENCES[1]
    assert_frame_equal(
        accuracy_errors(parsed, gold),
        expected_errors(
            [
                ("topics", "false_alarm", 22, 49, sentence, "culture"),
                ("topics", "miss", 22, 49, sentence, "economy"),
            ]
        ),
    )


def test_topics_follow_their_evidence_across_a_sentence_split_error(gold):
    merged = "Ann Lee met the King. She praised Moroccan trade."
    parsed = article(sentences=[merged, SENTENCES[2]], topics=[])
    parsed.topics = pd.DataFrame(
        [
            {
                "sentence_id": 0,
                "topic": "diplomacy",
                "evidence": "met",
                "start": 8,
                "end": 11,
                "via": "keyword",
            },
            {
                "sentence_id": 0,
                "topic": "economy",
                "evidence": "trade",
                "start": 43,
                "end": 48,
                "via": "keyword",
            },
            {"sentence_id": 1, "topic": "oic", "evidence": None, "start": None, "end": None, "via": "actor"},
        ]
    )
    result = evaluate(parsed, gold)
    assert_frame_equal(
        pick(result, "sentences", ["all"]), scores([("sentences", "all", 1, 1, 2, 0.5, 1 / 3, 0.4)])
    )
    assert_frame_equal(pick(result, "topics", ["all"]), scores([("topics", "all", 3, 0, 0, 1.0, 1.0, 1.0)]))


def test_an_article_with_other_text_is_refused(gold):
    parsed = article()
    parsed.text = TEXT.upper()
    with pytest.raises(ValueError, match="is not the text of"):
        evaluate(parsed, gold)


# --- malformed gold files -------------------------------------------------------------------


def set_in(raw, key, index, field, value):
    raw[key][index][field] = value


MALFORMED = {
    "missing key": (lambda raw: raw.pop("topics"), "has no 'topics' key"),
    "offsets out of range": (
        lambda raw: set_in(raw, "mentions", 4, "end", 1000),
        "mentions[4] has offsets [55, 1000) outside",
    ),
    "reversed offsets": (
        lambda raw: set_in(raw, "sentences", 0, "end", 0),
        "sentences[0] has an empty or reversed span [0, 0)",
    ),
    "sentences out of order": (
        lambda raw: raw["sentences"].reverse(),
        "sentences[1] starts before the sentence listed above it ends",
    ),
    "text not matching": (
        lambda raw: set_in(raw, "sentences", 1, "text", "She praised Morocco."),
        "sentences[1] text 'She praised",
    ),
    "non-integer offset": (
        lambda raw: set_in(raw, "mentions", 0, "start", "0"),
        "non-integer offsets '0', 7",
    ),
    "entry without a field": (lambda raw: raw["mentions"][1].pop("kind"), "mentions[1] has no 'kind'"),
    "unknown kind": (lambda raw: set_in(raw, "mentions", 0, "kind", "nickname"), "unknown kind 'nickname'"),
    "unknown actor type": (
        lambda raw: set_in(raw, "optional_mentions", 0, "actor_type", "city"),
        "optional_mentions[0] has unknown actor_type 'city'",
    ),
    "unknown topic label": (
        lambda raw: raw["topics"][2]["required"].append("sport"),
        "topics[2] has unknown topic label 'sport'",
    ),
    "topic both required and optional": (
        lambda raw: raw["topics"][1]["optional"].append("economy"),
        "'economy' is listed twice for sentence 1",
    ),
    "topic sentence out of range": (lambda raw: set_in(raw, "topics", 0, "sentence", 3), "names sentence 3"),
    "optional span that is also gold": (
        lambda raw: raw["optional_mentions"].append(dict(raw["mentions"][0])),
        "span (0, 7) is both a mention and an optional mention",
    ),
    "unknown scope kind": (
        lambda raw: raw.update(scope={"exhaustive_kinds": ["names"]}),
        "scope.exhaustive_kinds is ['names']",
    ),
    "missing article": (
        lambda raw: raw.update(article="no/such.txt"),
        "names article 'no/such.txt', which does not",
    ),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_gold_file_raises_gold_error(tmp_path, case):
    mutate, problem = MALFORMED[case]
    raw = json.loads(json.dumps(raw_gold(tmp_path)))  # a deep copy: TOPICS is shared
    mutate(raw)
    path = write_gold(tmp_path, raw)
    with pytest.raises(GoldError, match="Fix: ") as caught:
        load_gold(path)
    assert caught.value.path == str(path)
    assert problem in caught.value.problem


@pytest.mark.parametrize("content", ["{not json", "[]", ""], ids=["syntax", "not an object", "empty"])
def test_unreadable_gold_file_raises_gold_error(tmp_path, content):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError):
        load_gold(path)


def test_missing_gold_file_raises_gold_error(tmp_path):
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "nope.json")


# --- the gold files in data/gold/ -----------------------------------------------------------


def test_there_are_gold_files_for_the_seed_and_three_white_house_texts():
    names = [p.name for p in GOLD_FILES]
    assert "000_0b4bcfabde42e6f6.json" in names
    assert sum(n.startswith("wh-") for n in names) >= 3


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_spans_quote_the_article(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    text = (config.ROOT / raw["article"]).read_text(encoding="utf-8")
    for key in ("sentences", "mentions", "optional_mentions"):
        for entry in raw[key]:
            assert text[entry["start"] : entry["end"]] == entry["text"], (key, entry)
    load_gold(path)  # and the loader's own checks pass


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_consistent(path):
    gold = load_gold(path)
    sents = gold.sentences
    assert (sents.text == sents.text.str.strip()).all(), "sentences are trimmed"
    gaps = [gold.text[e:s] for e, s in zip(sents.end[:-1], sents.start[1:], strict=True)]
    assert all(not gap.strip() for gap in gaps), "only white space lies between sentences"
    for frame in (gold.mentions, gold.optional_mentions):
        spans = zip(frame.start, frame.end, strict=True)
        inside = [((sents.start <= s) & (e <= sents.end)).any() for s, e in spans]
        assert all(inside), "every mention lies inside one sentence"
    assert not gold.mentions.duplicated(["start", "end", "actor_id"]).any()
    assert sorted(gold.topics.sentence.unique()) == list(range(len(sents))), "every sentence has topics"


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_stored_pretty_printed_with_sorted_keys(path):
    content = path.read_text(encoding="utf-8")
    assert content == json.dumps(json.loads(content), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def test_seed_gold_uses_the_agreed_actor_ids():
    gold = load_gold(GOLD_DIR / "000_0b4bcfabde42e6f6.json")
    assert len(gold.sentences) == 14
    assert gold.text[: gold.sentences.start[0]] == "ASTANA. KAZINFORM ", "the dateline is not a sentence"
    assert set(gold.mentions.actor_id) == {
        "kamaldinov",
        "bourita",
        "nazarbayev",
        "mohammed-vi",
        "kazakhstan",
        "morocco",
        "oic",
        "un",
        "unsc",
        "kazakh-mfa",
        "maghreb-chambers-union",
        "kazakh-consulate-morocco",
        "oic-science-summit",
        "expo-2017",
        "astana-process",
        "astana",
        "maghreb",
        "noor-solar-plant",
    }
    assert gold.exhaustive_kinds == ("adjective", "name", "pronoun", "title")


def test_every_corpus_text_has_its_provenance():
    provenance = (config.DATA / "corpus" / "PROVENANCE.md").read_text(encoding="utf-8")
    texts = sorted((config.DATA / "corpus").glob("*.txt"))
    assert len(texts) == 6
    assert all(Path(t).name in provenance for t in texts)


def test_evaluate_all_on_a_folder_without_gold_names_it(tmp_path):
    import analysis

    with pytest.raises(GoldError, match="holds no gold files"):
        analysis.evaluate_all(tmp_path)
