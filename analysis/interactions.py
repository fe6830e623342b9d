"""Who dealt with whom: one interaction per verb phrase of ``data/verbs.csv`` with a source found by rule.

Precision comes first: no interaction without both a verb phrase and a source actor found by
the subject rules of ``analysis.clauses`` (a quoted verb, a verb whose subject is a noun such as
"officials", and "X discussed Iran" with no second party give nothing). Rules, in the order
they apply to each interaction verb phrase, in reading order:

1. **Quoted**: a verb inside quotation marks is skipped.
2. **Passive**: "was received by Y" (a form of "be" before, "by" after, perhaps past a short
   phrase of place or time: "was greeted on arrival by Y", "was joined at the launch by Y"):
   the source is the actor after "by" (after "by his", the person the phrase names: "by his
   Nepali counterpart Bharat Paudyal") and the people listed with it ("by John Prescott and
   Alan Milburn"), the target the subject. A verb of direction
   ``passive`` ("joined", "accompanied", "greeted") counts only so.
3. **Source**: otherwise the subject rules (coordinated, purpose, the sides, nearest actor,
   joint subject) give the source; for a noun of dealing ("held a call with", "expects a
   dialogue ... with", "said opening a meeting with") that they leave without one, the person
   named last before it in its clause (at most twelve words, no punctuation, "that", "and" or
   other person between), or the person a possessive pronoun at most two words before it
   stands for ("his meeting with Gujral"); for a verb in a sentence's opening clause of time
   ("Following talks with Mr Blair, Mr Abbas said", "Before meeting with Bush, the Crown
   Prince ..."), the person the main clause opens with, its parties ending at the clause's
   comma; none, no interaction.
4. **Target**: among the actor mentions after the verb (after "with" for a verb whose target
   is ``with``: "discussed Iran with Y"), up to the end of its clause (the next verb phrase of
   another type, "that", "which", "who", "while", "but", "after", "before", "during", a
   quotation, the sentence end), other than the source: for a *visit*, the first country, place, facility, event or organisation
   ("visited the Honorary Consulate", "arrived in Alexandria for a visit to Egypt"); for a
   *message*, the first actor after "to" ("handed a letter ... to the King"), else the first
   person; for every other type the first person, else the first country or organisation
   ("thanked Morocco", "invited Moroccan companies": a demonym stands for its country). People
   listed after that first person ("met with X; Y; and Z", "with Deputy Secretary X, Defense
   Secretary Y") are targets too, past a person named again in apposition ("held talks with
   his Israeli counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas"). "signed up to" is not a signing. A verb whose target is
   ``next`` ("told", "promised", "called on") takes only a person named right after it ("told
   the chancellor"; "told reporters Mr Brown was wrong" has no target).
5. **Letter from**: "a letter (message) from Z" after a message verb adds Z -> the recipient, a
   message too ("handed a letter from President Nazarbayev to the King": Nazarbayev -> the King).
6. **Reciprocal**: a *reciprocal* verb (meet, talk, call, negotiate, agree) whose subject is two
   people (joint subject or the sides) and that has no target of its own is one interaction
   between them, first -> second; otherwise each subject actor gets a row per target.
7. **Required**: a verb whose ``target`` is ``required`` or ``with`` gives nothing without a target; a
   *visit* or *sign* stands without one. A source is never its own target.
8. **Mode**: from the words between the subject and the verb (``analysis.clauses.mode``).
9. **Between**: a noun of dealing followed by its two parties ("the meeting between X and Y",
   "a telephone conversation between Presidents X and Y"; direction ``between``) is one
   interaction X -> Y: the first two people after it (else countries or organisations), with
   "and" between them; the subject rules do not apply.
10. **Cities stand for their country**: the target of a *visit* that is a city of the gazetteer
   ("arrived in Rabat", "visits Seoul") is the city's country, as a state visit is counted
   (``interaction_rows``, given each place's country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.clauses import POSSESSIVES, Actor, Sentence, Subject, inside, mode, subject
from analysis.patterns import search_back
from analysis.verbs import Verb, Verbs

_PASSIVE_BEFORE = re.compile(r"(?i)(?<!\w)(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_BY_AFTER = re.compile(r"\s+(?:(?:at|in|on|upon|during)\s+(?:[\w'’-]+\s+){1,3})?by\s+")
_CLAUSE_END = re.compile(
    r"(?i)(?<!\w)(?:that|which|who|whom|whose|while|whereas|but|after|before|during|following|ahead)(?!\w)|[\"“”]"
)
_WITH = re.compile(r"(?i)(?<!\w)with(?!\w)(?!\s+(?:regard|respect)\b)")
_UP = re.compile(r"\s+up(?!\w)")
_FROM = re.compile(r"(?i)(?<!\w)(?:a\s+|the\s+)?(?:letter|message|note)\s+from(?!\w)")
_TO = re.compile(r"(?i)(?<!\w)to\s+$")
_LIST_GAP = re.compile(r"(?:[\s,;]|(?<!\w)(?:and|with|the|from|as\s+well\s+as|[A-Z][\w.'’-]*)(?!\w))*")
PLACE_TYPES = ("country", "place", "facility", "event", "organization")
PARTY_TYPES = ("country", "organization")


@dataclass(frozen=True)
class Interaction:
    sentence_id: int
    start: int
    end: int
    type: str
    cameo: str | None
    source: Actor
    target: Actor | None
    mode: str


def find_interactions(
    text: str, sentences: list[Sentence], verbs: Verbs, quotes: list[tuple[int, int]]
) -> list[Interaction]:
    """Every interaction of the article, in reading order (rules in the module docstring)."""
    found: list[Interaction] = []
    for sentence in sentences:
        matches = sentence.verb_matches(verbs, text)
        previous: Subject | None = None
        for (start, end, verb, _), clause_end in zip(
            matches, _next_other(matches, sentence.end), strict=True
        ):
            if verb.table != "interaction":
                previous = _statement_subject(text, sentences, sentence, start, previous)
                continue
            if inside(quotes, start) or (verb.type == "sign" and _UP.match(text, end)):
                continue
            rows, previous = _interactions(
                text, sentences, sentence, start, end, clause_end, verb, previous, found
            )
            found.extend(rows)
    return found


def _next_other(matches: list[tuple[int, int, Verb, Verb | None]], end: int) -> list[int]:
    """Where the next verb phrase of another type or table starts, for each phrase (``end`` for none)."""
    out = [end] * len(matches)
    for k in range(len(matches) - 2, -1, -1):
        this, later = matches[k][2], matches[k + 1][2]
        out[k] = matches[k + 1][0] if (this.type, this.table) != (later.type, later.table) else out[k + 1]
    return out


def _statement_subject(text, sentences, sentence, start, previous) -> Subject | None:
    """A statement verb's subject, kept so that "... said and praised Y" finds its source."""
    return subject(text, sentences, sentence.sentence_id, start, previous, None, allow_they=False) or previous


def _interactions(text, sentences, sentence, start, end, clause_end, verb, previous, found):
    sid = sentence.sentence_id
    clause_end = _clause_end(text, sentence, end, clause_end)
    opening = _opening_clause(text, sentence, start)
    if opening is not None:  # "Before meeting with Bush, the Crown Prince ...": its parties end at the comma
        clause_end = min(clause_end, opening.end("clause"))
    if verb.direction == "between":
        return _between(text, sentence, start, end, clause_end, verb), previous
    passive = search_back(_PASSIVE_BEFORE, text, sentence.start, start, 2) and _BY_AFTER.match(text, end)
    if verb.direction == "passive" and not passive:
        return [], previous
    pair = latest_pair(found)
    subj = subject(text, sentences, sid, start, previous, pair, allow_they=verb.direction == "reciprocal")
    if subj is None and _NOUN.search(text, start, end):
        subj = _holder(text, sentence, start)
    if subj is None and opening is not None:
        subj = _opening_subject(text, sentence, opening)
    if subj is None:
        return [], previous
    how = mode(text, subj.gap_start, start, subj.planned)
    sources = subj.actors
    if passive:
        by = _BY_AFTER.match(text, end)
        agent = next((a for a in sentence.between(by.end(), clause_end) if a.start == by.end()), None)
        if agent is not None and text[agent.start : agent.end].lower() in POSSESSIVES:
            agent = _owned(text, sentence, agent, clause_end)  # "by his Nepali counterpart X"
        if agent is None:
            return [], subj
        rows = [
            Interaction(sid, start, end, verb.type, verb.cameo, a, s, how)
            for a in _agents(text, sentence, agent, clause_end)
            for s in sources
            if s.actor_id != a.actor_id
        ]
        return rows, subj
    own = {a.actor_id for a in sources}
    lo = end
    if verb.target == "with" and not text[start:end].lower().endswith("with"):
        with_word = _WITH.search(text, end, clause_end)
        lo = with_word.end() if with_word else clause_end
    window = sentence.between(lo, clause_end, without=own)
    rows = []
    if verb.target == "next":  # "told the chancellor", "promised Gordon Brown": the person right after
        targets = [a for a in window[:1] if a.actor_type == "person" and not text[lo : a.start].strip()]
    elif verb.type == "message":
        targets = _recipient(text, window)
        for origin in _originators(text, window, end, clause_end, targets):
            rows += [Interaction(sid, *origin[0], "message", verb.cameo, origin[1], t, how) for t in targets]
    elif verb.type == "visit":
        targets = [a for a in window if a.actor_type in PLACE_TYPES][:1]
    else:
        targets = _parties(text, window)
    if not targets and verb.direction == "reciprocal" and len(sources) == 2:
        rows.insert(0, Interaction(sid, start, end, verb.type, verb.cameo, sources[0], sources[1], how))
        return rows, subj
    if not targets and verb.target in ("required", "with", "next"):
        return rows, subj
    main = [
        Interaction(sid, start, end, verb.type, verb.cameo, s, t, how)
        for s in sources
        for t in (targets or [None])
    ]
    return main + rows, subj


def _agents(text: str, sentence: Sentence, agent: Actor, hi: int) -> list[Actor]:
    """The agent of a passive and the people listed right after it: "by X and Y", "by X, Y and Z"."""
    agents = [agent]
    for actor in sentence.between(agent.end, hi):
        if not (
            agent.actor_type == actor.actor_type == "person"
            and _AGENT_LIST.fullmatch(text, agents[-1].end, actor.start)
        ):
            break
        agents.append(actor)
    return agents


_AGENT_LIST = re.compile(r"\s*,\s*|\s+and\s+|\s*,\s+and\s+")


def _opening_clause(text: str, sentence: Sentence, start: int) -> re.Match | None:
    """The sentence's opening clause of time, if the verb at ``start`` is in it."""
    opening = _OPENING_CLAUSE.match(text, sentence.start, sentence.end)
    return opening if opening is not None and opening.start("verb") <= start < opening.end("clause") else None


def _opening_subject(text: str, sentence: Sentence, opening: re.Match) -> Subject | None:
    """Rule 3's subject for a verb in a sentence's opening clause ("After meeting Mr Blair,
    Mr Abbas flew home", "Following talks with X, Y said"): the person the main clause opens
    with, right after the comma that closes the opening clause."""
    comma = opening.end()
    first = next(iter(sentence.between(comma, sentence.end)), None)
    if first is None or first.actor_type != "person" or not _MAIN_LEAD.fullmatch(text, comma, first.start):
        return None
    if text[first.start : first.end].lower() in POSSESSIVES or _OWNER_AFTER.match(text, first.end):
        return None  # "After meeting X, his aides said", "..., Mr Abbas's spokesman said"
    return Subject((first,), "opening", comma)


# A sentence opening with a clause of time whose verb has no subject of its own: "After meeting
# X,", "Following talks with X,", "Before holding talks with X,"; ``clause`` ends at its comma.
_OPENING_CLAUSE = re.compile(
    r"[\s\"“‘'(]*(?:After|Before|Following|Since|While|Upon|On|During)\s+(?P<verb>[a-z][\w-]*)(?P<clause>[^,;:\"“”]{0,200}),"
)
_MAIN_LEAD = re.compile(r"\s*(?:the\s+)?")
_OWNER_AFTER = re.compile(r"['’]s?\s")


def _owned(text: str, sentence: Sentence, owner: Actor, hi: int) -> Actor | None:
    """The person a possessive pronoun's noun phrase names ("his Nepali counterpart Bharat
    Paudyal"): the first person after it, within four words."""
    for actor in sentence.between(owner.end, hi):
        if actor.actor_type == "person" and actor.actor_id != owner.actor_id:
            return actor if len(text[owner.end : actor.start].split()) <= 4 else None
    return None


def _holder(text: str, sentence: Sentence, start: int) -> Subject | None:
    """Rule 3's last resort for a noun of dealing: the person named last before it in its
    clause, with at most twelve words and no punctuation or other person between; or the person
    a possessive pronoun right before it stands for ("his meeting with Gujral", "her first
    talks with")."""
    before = [a for a in sentence.before(start) if a.actor_type == "person"]
    if not before:
        return None
    actor = before[0]
    gap = text[actor.end : start]
    if text[actor.start : actor.end].lower() in POSSESSIVES:  # "his meeting with", "her first talks with"
        return (
            Subject((actor,), "owner", actor.end)
            if len(gap.split()) <= 2 and _OWNED_NOUN.fullmatch(gap)
            else None
        )
    if len(gap.split()) > 12 or _GAP_BREAK.search(gap):
        return None
    return Subject((actor,), "nearest", actor.end)


_OWNED_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}")
_NOUN = re.compile(r"(?i)^(?:a|an|the)\s|meeting|dialogue|conversation|talks|\bcall\b")
_GAP_BREAK = re.compile(r"[,;:()\"“”]|(?<!\w)(?:that|which|who|whom|and|but)(?!\w)")


def _between(text, sentence, start, end, clause_end, verb) -> list[Interaction]:
    """Rule 9: the first two parties after "between", joined by "and"."""
    window = sentence.between(end, clause_end)
    parties = [a for a in window if a.actor_type == "person"] or [
        a for a in window if a.actor_type in PARTY_TYPES
    ]
    first = parties[0] if parties else None
    second = next((a for a in parties if first is not None and a.actor_id != first.actor_id), None)
    if second is None or not _AND.search(text, first.end, second.start) or second.start - first.end > 120:
        return []
    how = mode(text, max(sentence.start, start - 30), start)  # "a planned meeting between"
    return [Interaction(sentence.sentence_id, start, end, verb.type, verb.cameo, first, second, how)]


_AND = re.compile(r"(?<!\w)and(?!\w)")


def _clause_end(text: str, sentence: Sentence, lo: int, hi: int) -> int:
    found = sentence.find(_CLAUSE_END, text, lo, hi)
    return hi if found is None else found


def _parties(text: str, window: list[Actor]) -> list[Actor]:
    """The first person and the people listed after it; else the first country or organisation.
    A possessive pronoun owns a phrase and is no party ("would meet his fiscal rules")."""
    people = [a for a in window if a.actor_type == "person" and not _owns_phrase(text, a)]
    if not people:
        return [a for a in window if a.actor_type in PARTY_TYPES][:1]
    listed, gap_start = [people[0]], people[0].end
    for actor in people[1:]:
        others = [a for a in window if gap_start <= a.start and a.end <= actor.start]
        pieces, pos = [], gap_start
        for other in others:
            pieces.append(text[pos : other.start])
            pos = other.end
        pieces.append(text[pos : actor.start])
        if not all(_LIST_GAP.fullmatch(p) for p in pieces):
            break
        if actor.actor_id not in {a.actor_id for a in listed}:
            listed.append(actor)
        gap_start = actor.end  # a person named again ("his counterpart, Ariel Sharon,") goes on the list
    return listed


def _owns_phrase(text: str, actor: Actor) -> bool:
    """Whether a pronoun is possessive here: "his", "its", "their", and "her" before a word that
    opens no new phrase ("her fiscal rules"; not "met her in Paris")."""
    word = text[actor.start : actor.end].lower()
    if word in ("his", "its", "their"):
        return True
    if word != "her":
        return False
    after = _NEXT_WORD.match(text, actor.end)
    return after is not None and after.group(1).lower() not in _AFTER_OBJECT


_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")
_AFTER_OBJECT = frozenset(
    "in on at and but or for to with during after before yesterday today tomorrow last this next as by from".split()
)


def _recipient(text: str, window: list[Actor]) -> list[Actor]:
    """The first actor after "to" (the recipient of a message), else the first person."""
    for actor in window:
        lead = text[max(actor.start - 8, 0) : actor.start]
        if _TO.search(lead) or re.search(r"(?i)(?<!\w)to\s+the\s+$", lead):
            return [actor]
    return [a for a in window if a.actor_type == "person"][:1]


def _originators(text, window, lo, hi, targets):
    """((start, end), originator) for each "a letter from Z" in the message's clause."""
    out = []
    for match in _FROM.finditer(text, lo, hi):
        origin = next((a for a in window if a.start >= match.end()), None)
        if origin is not None and is_near(text, match.end(), origin.start) and origin not in targets:
            out.append(((match.start(), match.end()), origin))
    return out


def is_near(text: str, lo: int, hi: int) -> bool:
    """Only white space and "the" between ``lo`` and ``hi``."""
    return re.fullmatch(r"\s*(?:the\s+)?", text[lo:hi]) is not None


def latest_pair(found: list[Interaction]) -> tuple[Actor, Actor] | None:
    """Source and target of the latest interaction between two people in ``found``."""
    for row in reversed(found):
        if row.target is not None and row.source.actor_type == "person" and row.target.actor_type == "person":
            return (row.source, row.target)
    return None


def interaction_rows(
    text: str, found: list[Interaction], countries: dict[str, tuple[str, str]] | None = None
) -> dict[str, list]:
    """The interactions as table columns (see ``analysis.tables.INTERACTIONS``), in reading order.

    ``countries`` maps a place's actor_id to its country's (actor_id, name), for rule 9.
    """
    countries = countries or {}
    unique = {(r.start, r.end, r.source.actor_id, r.target.actor_id if r.target else None): r for r in found}
    ordered = sorted(
        unique.values(),
        key=lambda r: (r.start, r.end, r.source.start, r.target.start if r.target else -1, r.type),
    )
    return {
        "interaction_id": list(range(len(ordered))),
        "sentence_id": [r.sentence_id for r in ordered],
        "start": [r.start for r in ordered],
        "end": [r.end for r in ordered],
        "text": [text[r.start : r.end] for r in ordered],
        "type": [r.type for r in ordered],
        "cameo": [r.cameo for r in ordered],
        "source_id": [r.source.actor_id for r in ordered],
        "source": [r.source.actor for r in ordered],
        "target_id": [_target(r, countries)[0] for r in ordered],
        "target": [_target(r, countries)[1] for r in ordered],
        "mode": [r.mode for r in ordered],
    }


def _target(row: Interaction, countries: dict[str, tuple[str, str]]) -> tuple[str | None, str | None]:
    if row.target is None:
        return None, None
    if row.type == "visit" and row.target.actor_id in countries:
        return countries[row.target.actor_id]
    return row.target.actor_id, row.target.actor
