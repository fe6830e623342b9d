"""Reading and checking hand-made gold annotation files, so that scores are never computed from a broken one.

A gold file (``data/gold/<article>.json``; format and annotation guide in ``data/gold/README.md``)
holds, for one article, its sentence spans, the actor mentions and the topics of each sentence,
all as character offsets into the article text. ``load_gold`` turns one into a ``Gold`` of small
DataFrames after checking every entry; ``analysis.accuracy`` scores a parse against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import config, tables
from analysis.errors import ArticleError, GoldError
from analysis.reading import read_article_text
from analysis.topics import load_lexicon

GOLD_DIR = config.GOLD
GOLD_KEYS = ("article", "sentences", "mentions", "optional_mentions", "topics", "scope")
SPAN_FIELDS = ("start", "end", "text")
MENTION_FIELDS = (*SPAN_FIELDS, "actor_id", "actor_type", "kind")
INTERACTION_FIELDS = ("sentence", *SPAN_FIELDS, "type", "source_id", "target_id", "mode")
STATEMENT_FIELDS = ("sentence", *SPAN_FIELDS, "speaker_id", "direct")
PEOPLE_FIELDS = ("actor_id", "name", "role", "country", "gender")
MODES = ("happened", "planned", "denied")
FORMAT_HINT = "see data/gold/README.md for the format"


@dataclass(frozen=True, eq=False)
class Gold:
    """One validated gold file: the article text and its annotations as small DataFrames.

    ``sentences``: start, end, text. ``mentions`` and ``optional_mentions``: start, end, text,
    actor_id, actor_type, kind. ``topics``: one row per (sentence, topic) with ``required``
    False for the defensible-either-way labels. ``exhaustive_kinds`` and ``exhaustive_types``:
    the mention kinds and actor types annotated in full. Files on the research-only corpus also
    carry ``people`` (actor_id, name, role, country, gender), ``interactions`` (sentence, start,
    end, text, type, source_id, target_id, mode) and ``statements`` (sentence, start, end, text,
    speaker_id, direct); elsewhere these are empty. ``blind``: annotated before the parser was
    run on the article, and never tuned on.
    """

    path: str
    article: str
    text: str
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    optional_mentions: pd.DataFrame
    topics: pd.DataFrame
    exhaustive_kinds: tuple[str, ...]
    exhaustive_types: tuple[str, ...] = tables.ACTOR_TYPES
    people: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(PEOPLE_FIELDS)))
    interactions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(INTERACTION_FIELDS)))
    statements: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(STATEMENT_FIELDS)))
    blind: bool = False


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a malformed one raises ``GoldError`` naming the entry at fault.

    The checks are the ones that would otherwise turn into silently wrong scores: every span
    must lie inside the article and quote it exactly, sentences must be in order, and every kind,
    type and topic label must be one the parser can produce. The ``article`` path is taken
    relative to the repository root (an absolute path also works, as the tests use).

    >>> gold = load_gold(GOLD_DIR / "000_0b4bcfabde42e6f6.json")
    >>> len(gold.sentences), gold.sentences.text[0][:13]
    (14, 'Special Envoy')
    """
    path = Path(path)
    raw = _read_json(path)
    for key in GOLD_KEYS:
        if key not in raw:
            raise GoldError(path, f"has no {key!r} key", f"add it; {FORMAT_HINT}")
    try:
        text = read_article_text(config.ROOT / str(raw["article"]))
    except ArticleError as err:
        raise GoldError(
            path,
            f"names article {raw['article']!r}, which {err.problem}",
            "give the article path relative to the repository root",
        ) from None
    sentences = _entries(raw, "sentences", SPAN_FIELDS, text, path, quoted=False)
    overlap = sentences.index[sentences.start < sentences.end.shift(1, fill_value=0)]
    if len(overlap):
        raise GoldError(
            path,
            f"sentences[{overlap[0]}] starts before the sentence listed above it ends",
            "list sentences in text order, without overlaps",
        )
    mentions = _mentions(raw, "mentions", text, path)
    optional = _mentions(raw, "optional_mentions", text, path)
    clash = sorted(spans_of(optional) & spans_of(mentions))
    if clash:
        raise GoldError(
            path,
            f"span {clash[0]} is both a mention and an optional mention",
            "keep it in one list",
        )
    kinds, types = _scope(raw["scope"], path)
    events = {
        key: _events(raw, key, fields, text, len(sentences), path)
        for key, fields in (("interactions", INTERACTION_FIELDS), ("statements", STATEMENT_FIELDS))
    }
    return Gold(
        path=str(path),
        article=str(raw["article"]),
        text=text,
        sentences=sentences,
        mentions=mentions,
        optional_mentions=optional,
        topics=_topics(raw["topics"], len(sentences), path),
        exhaustive_kinds=kinds,
        exhaustive_types=types,
        people=_people(raw, path),
        blind=bool(raw.get("blind", False)),
        **events,
    )


def _read_json(path: Path) -> dict:
    if not path.is_file():
        raise GoldError(path, "does not exist", f"check the path; gold files live in {GOLD_DIR}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(path, f"is not valid UTF-8 JSON ({err})", "fix the syntax") from None
    if not isinstance(raw, dict):
        raise GoldError(path, "does not hold a JSON object", FORMAT_HINT)
    return raw


def _entries(
    raw: dict, key: str, fields: tuple[str, ...], text: str, path: Path, quoted: bool = True
) -> pd.DataFrame:
    """The list under ``key`` as a DataFrame, after checking each entry's span against ``text``.

    With ``quoted=False`` an entry may leave out its ``text`` (the gold files of research-only
    articles do not copy their sentences); it is then taken from the article.
    """
    entries = raw.get(key, [])
    if not isinstance(entries, list):
        raise GoldError(path, f"{key!r} is not a list", FORMAT_HINT)
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise GoldError(path, f"{where} is not an object", FORMAT_HINT)
        if not quoted and "text" not in entry and all(type(entry.get(k)) is int for k in ("start", "end")):
            entry["text"] = text[entry["start"] : entry["end"]]
        missing = [f for f in fields if f not in entry]
        if missing:
            raise GoldError(path, f"{where} has no {missing[0]!r}", f"give it {', '.join(fields)}")
        start, end = entry["start"], entry["end"]
        if not all(type(x) is int for x in (start, end)):
            raise GoldError(path, f"{where} has non-integer offsets {start!r}, {end!r}", "use integers")
        if start >= end:
            raise GoldError(
                path, f"{where} has an empty or reversed span [{start}, {end})", "fix the offsets"
            )
        if start < 0 or end > len(text):
            raise GoldError(
                path,
                f"{where} has offsets [{start}, {end}) outside the article (length {len(text)})",
                "recompute the offsets against the article text",
            )
        if text[start:end] != entry["text"]:
            raise GoldError(
                path,
                f"{where} text {entry['text']!r} is not the article's {text[start:end]!r} at [{start}, {end})",
                "recompute the offsets, or correct the text",
            )
    frame = pd.DataFrame(entries, columns=list(fields))
    return frame.astype({f: "int64" if f in ("start", "end", "sentence") else "str" for f in fields})


def _mentions(raw: dict, key: str, text: str, path: Path) -> pd.DataFrame:
    frame = _entries(raw, key, MENTION_FIELDS, text, path)
    for column, allowed in (("kind", tables.MENTION_KINDS), ("actor_type", tables.ACTOR_TYPES)):
        bad = frame.index[~frame[column].isin(allowed)]
        if len(bad):
            value = frame[column][bad[0]]
            raise GoldError(
                path, f"{key}[{bad[0]}] has unknown {column} {value!r}", f"use one of {', '.join(allowed)}"
            )
    return frame


def _topics(entries, n_sentences: int, path: Path) -> pd.DataFrame:
    """The per-sentence topic lists as one row per (sentence, topic, required)."""
    if not isinstance(entries, list):
        raise GoldError(path, "'topics' is not a list", FORMAT_HINT)
    rows, seen = [], set()
    for i, entry in enumerate(entries):
        where = f"topics[{i}]"
        if not isinstance(entry, dict) or not {"sentence", "required", "optional"} <= entry.keys():
            raise GoldError(path, f"{where} is not an object with sentence, required, optional", FORMAT_HINT)
        sentence = entry["sentence"]
        if type(sentence) is not int or not 0 <= sentence < n_sentences or sentence in seen:
            raise GoldError(
                path,
                f"{where} names sentence {sentence!r}, not a new index below {n_sentences}",
                "give each 0-based sentence index at most once",
            )
        seen.add(sentence)
        for required in (True, False):
            labels = entry["required" if required else "optional"]
            for label in labels:
                if label not in topic_labels():
                    raise GoldError(
                        path,
                        f"{where} has unknown topic label {label!r}",
                        f"use one of the lexicon's topics: {', '.join(topic_labels())}",
                    )
                rows.append((sentence, label, required))
    frame = pd.DataFrame(rows, columns=["sentence", "topic", "required"])
    twice = frame[frame.duplicated(["sentence", "topic"])]
    if len(twice):
        raise GoldError(
            path,
            f"topic {twice.topic.iloc[0]!r} is listed twice for sentence {twice.sentence.iloc[0]}",
            "list it once, as required or as optional",
        )
    return frame.astype({"sentence": "int64", "topic": "str", "required": "bool"})


def topic_labels() -> tuple[str, ...]:
    """The topic ids gold files may use: those of the project's lexicon, ``data/topics.csv``."""
    return tuple(load_lexicon().ids)


def _scope(scope: object, path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The mention kinds and actor types annotated in full (all types unless the file says)."""
    kinds = scope.get("exhaustive_kinds") if isinstance(scope, dict) else None
    if not isinstance(kinds, list) or not set(kinds) <= set(tables.MENTION_KINDS):
        raise GoldError(
            path,
            f"scope.exhaustive_kinds is {kinds!r}",
            f"list the kinds annotated in full, from {', '.join(tables.MENTION_KINDS)}",
        )
    types = scope.get("exhaustive_types", list(tables.ACTOR_TYPES))
    if not isinstance(types, list) or not set(types) <= set(tables.ACTOR_TYPES):
        raise GoldError(
            path,
            f"scope.exhaustive_types is {types!r}",
            f"list the actor types annotated in full, from {', '.join(tables.ACTOR_TYPES)}",
        )
    return tuple(kinds), tuple(types)


def _people(raw: dict, path: Path) -> pd.DataFrame:
    people = raw.get("people", [])
    if not isinstance(people, list) or not all(isinstance(p, dict) and "actor_id" in p for p in people):
        raise GoldError(path, "'people' is not a list of objects with an actor_id", FORMAT_HINT)
    frame = pd.DataFrame(people, columns=list(PEOPLE_FIELDS))
    twice = frame.actor_id[frame.actor_id.duplicated()]
    if len(twice):
        raise GoldError(path, f"people lists {twice.iloc[0]!r} twice", "keep one entry per person")
    return frame


def _events(
    raw: dict, key: str, fields: tuple[str, ...], text: str, n_sentences: int, path: Path
) -> pd.DataFrame:
    """Interactions or statements: spans checked like mentions, sentences and modes checked too."""
    entries = raw.get(key, [])
    frame = _entries(raw, key, tuple(f for f in fields if f != "target_id"), text, path)
    if "target_id" in fields:
        frame.insert(fields.index("target_id"), "target_id", [e.get("target_id") for e in entries])
    for i, entry in enumerate(entries):
        if not (type(entry["sentence"]) is int and 0 <= entry["sentence"] < n_sentences):
            raise GoldError(
                path, f"{key}[{i}] names sentence {entry['sentence']!r}", "give a 0-based sentence index"
            )
        if key == "interactions" and entry["mode"] not in MODES:
            raise GoldError(path, f"{key}[{i}] has mode {entry['mode']!r}", f"use one of {', '.join(MODES)}")
        if key == "statements" and type(entry["direct"]) is not bool:
            raise GoldError(path, f"{key}[{i}] has direct {entry['direct']!r}", "use true or false")
    if key == "statements":
        frame["direct"] = [e["direct"] for e in entries]
    return frame


def spans_of(frame: pd.DataFrame) -> set[tuple[int, int]]:
    return {(int(s), int(e)) for s, e in zip(frame.start, frame.end, strict=True)}
