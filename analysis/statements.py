"""Who said what: one statement per reporting verb of ``data/verbs.csv`` with a speaker found by rule.

Rules, in the order they apply to each statement verb phrase, in reading order:

1. **Quoted**: a verb inside quotation marks is skipped (it is part of what someone said).
2. **According to**: the speaker is the first person after the phrase, else the first country
   or organisation named (not a demonym: "tweets by the Turkish minister" is not Turkey's);
   what was said is the clause before ", according to" (or after "According to X," when the
   phrase opens the sentence).
3. **Participle**: "..., saying (noting, adding) that ..." is said by the subject of the verb
   before it in the sentence (nobody when that verb's speaker is unknown), else by the person
   whose mention opens the sentence ("He also touched on Afghanistan, saying"); a sentence opening with one ("Noting that ..., Wang said")
   by the speaker of the sentence's next statement.
4. **Speaker after**: a verb right after a closing quotation ('"...," said Baldrige') is said
   by the actor right after it.
5. **Subject**: otherwise the subject rules of ``analysis.clauses`` ("He emphasized": whoever
   "He" resolves to); "the sides" (or "the two officials") gives one statement per person;
   "they" is never taken for a speaker (it is as often "officials" as the two sides).
   Only people, countries and organisations speak.
6. **What was said** (``start``, ``end``, ``text``): a quotation closing right before the
   speaker or verb ('"...," X said'), or opening right after the verb ('X said: "..."'), is the
   statement and ``direct`` is true; a quotation left open runs on into the next sentences, to
   the end of its paragraph. Otherwise, when only filler follows the verb ("..., the agency
   said."), the clause before the comma ahead of the speaker; else the words after the verb, a
   leading "that" dropped, to the end of the sentence. A statement with no words is dropped.
   The text is at most ``MAX_TEXT`` (1,000) characters, cut at a space: a sentence or an
   unclosed quotation that runs on longer holds many statements, and each would otherwise
   repeat the rest of it (the sentence itself is whole in ``art.sentences``).
7. **Topics**: the lexicon's topics with evidence (``art.topics``) inside the statement's span,
   in lexicon order, joined with ``|`` ("" when none).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from analysis.clauses import SOURCE_TYPES, Actor, Sentence, Subject, inside, is_filler, subject
from analysis.interactions import Interaction, latest_pair
from analysis.verbs import Verbs

_THAT = re.compile(
    r"(?:\s|,|:|(?<!\w)that(?!\w)|(?<!\w)(?:on\s+\w+|today|yesterday|also|again|further)(?!\w))*"
)
_SPACE_OR_COMMA = re.compile(r"[\s,]*")
_OPENING = re.compile(r"(?i)(?:according\s+to)")
_TRIM = ' \t\r\n,;:.!?"“”'


@dataclass(frozen=True)
class Statement:
    sentence_id: int
    speaker: Actor
    verb_start: int
    verb_end: int
    start: int
    end: int
    direct: bool


def find_statements(
    text: str,
    sentences: list[Sentence],
    verbs: Verbs,
    quotes: list[tuple[int, int]],
    interactions: list[Interaction],
) -> list[Statement]:
    """Every statement of the article, in reading order (rules in the module docstring)."""
    found: list[Statement] = []
    done = 0  # interactions before the current verb
    for sentence in sentences:
        sid = sentence.sentence_id
        matches = [m for m in sentence.verb_matches(verbs, text) if not inside(quotes, m[0])]
        previous: Subject | None = None
        unspoken = False  # a statement verb of this sentence found no speaker
        pending: list[tuple[int, int]] = []  # sentence-opening participles waiting for a speaker
        for start, end, verb, twin in matches:
            statement_verb = verb if verb.table == "statement" else twin
            while done < len(interactions) and interactions[done].start < start:
                done += 1
            pair = latest_pair(interactions[max(done - 50, 0) : done])
            if statement_verb is None:
                previous = subject(text, sentences, sid, start, previous, pair, allow_they=False) or previous
                continue
            speakers = _speakers(
                text,
                sentences,
                sentence,
                start,
                end,
                statement_verb.direction,
                previous,
                pair,
                quotes,
                unspoken,
            )
            if speakers == "pending":
                pending.append((start, end))
                continue
            if not speakers:
                unspoken = True
                continue
            previous = Subject(tuple(speakers), "speaker", start)
            content = _content(text, sentence, start, end, speakers, statement_verb.direction, quotes)
            if content is None:
                continue
            for lo, hi in [*pending, (start, end)]:
                for speaker in speakers:
                    found.append(Statement(sid, speaker, lo, hi, *content))
            pending = []
    return found


def _speakers(text, sentences, sentence, start, end, direction, previous, pair, quotes, unspoken):
    sid = sentence.sentence_id
    if direction == "after":
        after = [a for a in sentence.between(end, sentence.end) if a.kind != "adjective"]
        people = [a for a in after if a.actor_type == "person"]
        return people[:1] or [a for a in after if a.actor_type in SOURCE_TYPES][:1]
    if text[start:end].lower().endswith("ing"):
        if is_filler(text, sentence.start, start):
            return "pending"
        if not text[sentence.start : start].rstrip().endswith(","):
            return []
        if previous is not None:
            return [a for a in previous.actors if a.actor_type in SOURCE_TYPES]
        if unspoken:
            return []  # "..., he claimed, saying": the speaker of the verb before, unknown
        first = next(iter(sentence.actors), None)
        opens = first is not None and not text[sentence.start : first.start].strip()
        return [first] if opens and first.actor_type == "person" and first.end <= start else []
    closing = _closing_before(text, quotes, start)
    if closing is not None:
        after = next(iter(sentence.between(end, sentence.end)), None)
        if after is not None and after.actor_type in SOURCE_TYPES and is_filler(text, end, after.start):
            return [after]
    subj = subject(text, sentences, sid, start, previous, pair, allow_they=False)
    if subj is None or subj.rule == "coordinated" and previous is None:
        return []
    return [a for a in subj.actors if a.actor_type in SOURCE_TYPES]


def _closing_before(text: str, quotes: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation closing right before ``pos`` (only white space and a comma between)."""
    i = bisect.bisect_left(quotes, (pos, 0)) - 1
    if (
        i >= 0
        and quotes[i][1] <= pos
        and _SPACE_OR_COMMA.fullmatch(text, quotes[i][1], pos)
        and text[quotes[i][1] - 1] in '"”'
    ):
        return quotes[i]
    return None


def _content(text, sentence, start, end, speakers, direction, quotes):
    """(start, end, direct) of what was said (rule 6), or None when it is empty."""
    if direction == "after":
        if not text[sentence.start : start].strip():
            comma = text.find(",", end, sentence.end)
            return _span(text, comma + 1, sentence.end, False) if comma >= 0 else None
        return _span(text, sentence.start, start, False)
    first = min(min(s.start for s in speakers), start)
    quote = _closing_before(text, quotes, first) or _closing_before(text, quotes, start)
    if quote is not None:
        return _span(text, quote[0], quote[1], True)
    lead = _THAT.match(text, end, sentence.end).end()
    i = bisect.bisect_left(quotes, (lead,))
    opening = quotes[i] if i < len(quotes) and quotes[i][0] == lead else None
    if opening is not None:
        return _span(text, opening[0], opening[1], True)
    tail_speaker = max(s.end for s in speakers)
    if is_filler(text, max(end, tail_speaker), sentence.end - 1) or is_filler(
        text, max(end, tail_speaker), sentence.end
    ):
        comma = text.rfind(",", sentence.start, first)
        if comma > sentence.start:
            return _span(text, sentence.start, comma, False)
        return None
    return _span(text, lead, sentence.end, False)


def _span(text: str, lo: int, hi: int, direct: bool) -> tuple[int, int, bool] | None:
    while lo < hi and text[lo] in _TRIM:
        lo += 1
    if hi - lo > MAX_TEXT:  # cut at the last space that keeps it within bounds
        space = text.rfind(" ", lo + 1, lo + MAX_TEXT)
        hi = space if space > lo else lo + MAX_TEXT
    while hi > lo and text[hi - 1] in _TRIM:
        hi -= 1
    return (lo, hi, direct) if hi > lo else None


MAX_TEXT = 1000  # characters of a statement's text: a sentence of many statements stays linear


def statement_rows(
    text: str, found: list[Statement], topics: dict[str, list], topic_order: list[str]
) -> dict[str, list]:
    """The statements as table columns (see ``analysis.tables.STATEMENTS``), in reading order."""
    unique = {(s.verb_start, s.speaker.actor_id): s for s in found}
    ordered = sorted(unique.values(), key=lambda s: (s.verb_start, s.speaker.start, s.speaker.actor_id))
    rank = {t: i for i, t in enumerate(topic_order)}
    # Per topic, its evidence by start, and the earliest end (at least start + 1) from each on:
    # a topic has evidence inside [lo, hi) when the earliest end from its first start >= lo is <= hi.
    evidence: dict[str, list[tuple[int, int]]] = {}
    for start, end, topic in sorted(zip(topics["start"], topics["end"], topics["topic"], strict=True)):
        evidence.setdefault(topic, []).append((start, max(end, start + 1)))
    reach = {
        topic: ([s for s, _ in spans], list(itertools.accumulate((e for _, e in reversed(spans)), min))[::-1])
        for topic, spans in evidence.items()
    }

    def topics_in(lo: int, hi: int) -> str:
        found = []
        for topic, (starts, ends) in reach.items():
            i = bisect.bisect_left(starts, lo)
            if i < len(starts) and ends[i] <= hi:
                found.append(topic)
        return "|".join(sorted(found, key=rank.__getitem__))

    return {
        "statement_id": list(range(len(ordered))),
        "sentence_id": [s.sentence_id for s in ordered],
        "speaker_id": [s.speaker.actor_id for s in ordered],
        "speaker": [s.speaker.actor for s in ordered],
        "verb": [text[s.verb_start : s.verb_end] for s in ordered],
        "verb_start": [s.verb_start for s in ordered],
        "verb_end": [s.verb_end for s in ordered],
        "start": [s.start for s in ordered],
        "end": [s.end for s in ordered],
        "text": [text[s.start : s.end] for s in ordered],
        "direct": [s.direct for s in ordered],
        "topics": [topics_in(s.start, s.end) for s in ordered],
    }
