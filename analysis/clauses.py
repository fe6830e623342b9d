"""Who does a verb: the subject before a verb phrase, the parties after it, and quotations.

Interactions and statements share these rules, so that "He" is the same speaker and source
for both. They work on the mentions alone (no parser): a verb's subject is an actor mention
standing right before it, with nothing between them but words that cannot start another clause.

Rules for the subject of a verb phrase, in the order they apply (``subject``):

1. **Quoted**: a verb inside quotation marks has no subject here: it is the quoted speaker's
   own words ("Just spoke to trev").
2. **Coordinated**: a verb right after "and" ("... commended Morocco and congratulated
   N.Bourita") shares the subject of the verb before it in the sentence.
3. **Purpose**: "to meet" after "arrived in Rabat", "are in Brussels" takes the subject of the
   arrival, and the interaction is planned; after another verb of the sentence ("X and Y met
   ... to discuss") it takes that verb's subject.
4. **The sides**: "the sides", "both sides", "the two sides", "the two ministers" (officials,
   leaders, diplomats, envoys, men, presidents, foreign ministers) and, for interactions only,
   "they" opening a clause, stand for two people: the source and target of the latest earlier
   interaction between two people; without one, the two people whose latest mentions come last
   before the phrase.
5. **Nearest actor**: the nearest person, country or organisation mention before the verb, with
   only *filler* between: adverbs, auxiliaries and modal phrases ("has", "will", "is scheduled
   to", "did not", "went on to", "tried to", "is preparing to"), a time ("on Monday",
   "today"), a comma; or first an appositive set off by
   commas ("Sheikh Abdullah ..., Minister of Foreign Affairs ..., on Monday received") or a
   relative "who" ("Herrington, who is scheduled to meet"); a country or organisation inside a
   person's appositive is the person's ("Trevor Phillips, chairman of the Commission for Racial
   Equality, called on": Phillips). A mention inside another is skipped,
   and so is a possessive pronoun ("during his visit": "his" does not visit). A mention after
   "a spokesman for", "aides to", "sources close to" is whom they speak for, and one inside a
   relative clause on an unnamed noun ("councillors who back Mr Flight met") is its object:
   no subject.
6. **Joint subject**: a person subject preceded by "X and" (X a person; title words may stand
   between, "X and U.S. Secretary of State Y") is the pair X, subject: "The Secretary and the
   Foreign Minister also discussed Iran".

The ``mode`` of what the verb says (``mode``): ``denied`` when the words before it say "not",
"never", "denied" or "refused"; ``planned`` for "will", "would", "is scheduled / expected / set /
due / preparing to", "plans to", "intends to" and rule 3; ``happened`` otherwise.

Quotations (``quotations``): curly quotes pair as written; straight quotes alternate open, close
within a paragraph; a quotation left open runs to its paragraph's end (wire style for a quote
carried over several sentences).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.verbs import Verb, Verbs

SOURCE_TYPES = ("person", "country", "organization")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_FILLER_WORDS = (
    r"(?i:also|then|later|again|further|first|today|yesterday|tonight|here|there|separately|jointly"
    r"|subsequently|meanwhile|now|already|recently|earlier|formally|officially|reportedly|yet|still"
    r"|has|have|had|is|are|was|were|be|been|being|will|would|shall|should|could|can|may|might|must"
    r"|did|does|do|not|never|no\s+longer|scheduled|expected|set|due|slated|going|plans?|planned"
    r"|intends?|intended|wants?|wanted|hopes?|hoped|to|denied|denies|refused|refuses|declined|declines"
    r"|(?:went|goes|go|going)\s+on|tried|tries|trying|sought|seeks|attempted|attempts|preparing|prepared|seemed|appeared"
    r"|last\s+(?:week|night|month|year)|this\s+(?:week|morning|afternoon|evening|month|year))"
    rf"|on\s+{_DAYS}|on\s+{_MONTHS}\s+\d{{1,2}}|{_DAYS}|[a-z]+ly|n't"
)
_FILLER = re.compile(rf"(?:\s+|,|(?<!\w)(?:{_FILLER_WORDS})(?!\w))*")
_APPOSITIVE = re.compile(r"\s*,[^;:\"“”]{1,160}?,")
_APPOSITIVE_REACH = 162  # from its opening comma to the end of its closing one
# Characters filler never holds (it is words, white space, commas, the full stop of "Jan." and the
# apostrophe of "n't"): a gap holding one is not filler. Keep it so when adding filler words.
_HARD = re.compile(r"[^\w\s,.']")
_WHO = re.compile(r"\s*,?\s*who\b")
_OPENING_COMMA = re.compile(r"\s*,\s*")
_COMMA = re.compile(",")
QUOTE_MARK = re.compile('[“”"]')
_ENDS_WITH_AND = re.compile(r"(?:^|\W)and\s*,?\s*$")
_AND_BEFORE = re.compile(r"\s*,?\s+and\s+(?:(?:the|of|[A-Z][\w.'’-]*)\s+)*")
POSSESSIVES = ("his", "her", "its", "their")  # pronouns that own a phrase, not its subject
_TO_BEFORE = re.compile(r"(?<!\w)to\s+$")
_MODAL_TO = re.compile(
    r"(?i:scheduled|expected|set|due|slated|going|plans?|planned|intends?|intended|wants?|wanted|hopes?"
    r"|hoped|is|are|was|were|has|have|had|refused|refuses|declined|declines|agreed|agree|agrees"
    r"|(?:went|goes|go|going)\s+on|tried|tries|trying|sought|seeks|attempted|attempts|preparing|prepared|seemed"
    r"|appeared)\s+to\s+$"
)
_ARRIVAL = re.compile(
    r"(?i)\b(?:arrived|arrives|arrive|arriving|came|comes|come|travelled|traveled|flew|went|is|are|was|were)\s+"
    r"(?:in|to|at|here|there)\b"
)
_GROUP = re.compile(
    r"(?i)(?<!\w)(?:the\s+(?:two\s+)?sides|both\s+sides|(?:the\s+two|both)\s+(?:[a-z]+\s+)?"
    r"(?:ministers|officials|leaders|diplomats|envoys|men|presidents|heads\s+of\s+state))\s*$"
)
_THEY = re.compile(r"(?:^|[,;:]\s*)(?:[Tt]hey)\s*$")
_DENIED = re.compile(
    r"(?i)(?<!\w)(?:not|never|no\s+longer|denied|denies|refused|refuses|declined|declines)(?!\w)|n't"
)
_PLANNED = re.compile(
    r"(?i)(?<!\w)(?:will|shall|would|scheduled|expected|set\s+to|due\s+to|slated|plans?\s+to|planned|intends?"
    r"|intended|going\s+to|(?:is|are|was|were)\s+to|preparing\s+to)(?!\w)"
)


@dataclass(frozen=True)
class Actor:
    """One outermost actor mention, as the rules see it."""

    start: int
    end: int
    actor_id: str
    actor: str
    actor_type: str
    kind: str


@dataclass(frozen=True)
class Subject:
    """Who does a verb: one actor, or two (a joint subject or the sides), and how it was found."""

    actors: tuple[Actor, ...]
    rule: str
    gap_start: int  # where the words that decide the mode begin
    planned: bool = False


class Sentence:
    """One sentence's text span, its outermost actor mentions and the quotations of its article.

    A long sentence holds many verbs, and each asks for the mentions before or after it: these
    are found by binary search in the mentions (sorted by start; their ends then never
    decrease, but for crossing mentions, where the slow walk is kept), never by a walk through
    the whole sentence.
    """

    def __init__(self, sentence_id: int, start: int, end: int, actors: list[Actor]):
        self.sentence_id = sentence_id
        self.start = start
        self.end = end
        self.actors = actors
        self._starts = [a.start for a in actors]
        self._ends = [a.end for a in actors]
        self._ordered = all(a <= b for a, b in itertools.pairwise(self._ends))
        self._found: dict[re.Pattern, list[int]] = {}
        self._spans: dict[re.Pattern, list[tuple[int, int]]] = {}
        self._gaps: _Gaps | None = None
        self._others: list[int] | None = None
        self._verbs: tuple[Verbs, list[tuple[int, int, Verb, Verb | None]]] | None = None

    def verb_matches(self, verbs: Verbs, text: str) -> list[tuple[int, int, Verb, Verb | None]]:
        """``verbs.matches`` in the sentence, found once for interactions and statements."""
        if self._verbs is None or self._verbs[0] is not verbs:
            self._verbs = (verbs, verbs.matches(text, self.start, self.end))
        return self._verbs[1]

    def before(self, pos: int) -> Iterator[Actor]:
        """Mentions ending at or before ``pos``, nearest first."""
        return (self.actors[i] for i in range(bisect.bisect_right(self._ends, pos) - 1, -1, -1))

    def between(self, lo: int, hi: int, without: Collection[str] = ()) -> list[Actor]:
        """Mentions starting at or after ``lo`` and ending at or before ``hi``, in reading order,
        but for those of the actors ``without`` (a run of their mentions is stepped over at once)."""
        out = []
        i = bisect.bisect_left(self._starts, lo)
        while i < len(self.actors):
            actor = self.actors[i]
            if actor.start > hi:
                break
            if actor.actor_id in without:
                i = self._next_other()[i]
                continue
            if actor.end <= hi:
                out.append(actor)
            i += 1
        return out

    def _next_other(self) -> list[int]:
        """For each mention, the index of the next mention of another actor."""
        if self._others is None:
            self._others = [len(self.actors)] * len(self.actors)
            for i in range(len(self.actors) - 2, -1, -1):
                same = self.actors[i + 1].actor_id == self.actors[i].actor_id
                self._others[i] = self._others[i + 1] if same else i + 1
        return self._others

    def find(self, pattern: re.Pattern, text: str, lo: int, hi: int, reach: int = 32) -> int | None:
        """Where ``pattern.search(text, lo, hi)`` begins (None for no match), ``lo`` and ``hi``
        inside the sentence, which is searched once per pattern. For a pattern of whole words
        (no match can begin inside another) whose match and look-around read at most ``reach``
        characters: only a match near ``hi`` can differ from one in the whole sentence."""
        starts = self._found.get(pattern)
        if starts is None:
            starts = self._found[pattern] = [m.start() for m in pattern.finditer(text, self.start, self.end)]
        i = bisect.bisect_left(starts, lo)
        if i < len(starts) and starts[i] + reach <= hi:
            return starts[i]
        match = pattern.search(text, max(lo, hi - reach), hi)
        return match.start() if match else None

    def last(self, pattern: re.Pattern, text: str, hi: int) -> int | None:
        """Where the last match of ``pattern.finditer(text, self.start, hi)`` begins (None for
        none), the sentence searched once per pattern. For a pattern that can match in only one
        way at a place, ending in a word character (so, with white space before ``hi``, a match
        ending before ``hi`` is one in the whole sentence too)."""
        if hi > self.start and not text[hi - 1].isspace():
            found = list(pattern.finditer(text, self.start, hi))
            return found[-1].start() if found else None
        if pattern not in self._spans:
            self._spans[pattern] = [m.span() for m in pattern.finditer(text, self.start, self.end)]
        spans = self._spans[pattern]
        i = bisect.bisect_left(spans, hi, key=lambda span: span[1]) - 1
        return spans[i][0] if i >= 0 else None

    def subject_candidates(self, text: str, pos: int) -> Iterator[Actor]:
        """The mentions ending at or before ``pos`` that rule 5 can take for the subject of a verb
        at ``pos``, nearest first: people, countries and organisations (not "his", "her", "its",
        "their") whose gap to ``pos`` might be plain (``_Gaps``)."""
        if not self._ordered:
            return (
                a
                for a in self.before(pos)
                if a.actor_type in SOURCE_TYPES and text[a.start : a.end].lower() not in POSSESSIVES
            )
        if self._gaps is None:
            self._gaps = _Gaps(text, self)
        return self._gaps.candidates(pos)


class _Gaps:
    """Which mentions of a sentence can stand before a verb with a plain gap (rule 5), found
    without trying every earlier mention of a long sentence.

    Filler holds only word characters, white space, commas, full stops and apostrophes, so a gap
    holding any other character (a "hard" one, such as a quotation mark) is plain only as a
    relative "who" clause or an appositive closing after that character. Of the mentions before
    the last hard character before the verb, only two kinds can then be the subject: a mention
    followed by ", who" (all such mentions have the same answer: whether the words after the
    verb's last comma are filler, so only the nearest is tried), and one followed by a comma that
    an appositive can close after the hard character (at most 162 characters on).
    """

    def __init__(self, text: str, sentence: Sentence):
        self.actors = sentence.actors
        self.ends = sentence._ends
        self.eligible = [
            a.actor_type in SOURCE_TYPES and text[a.start : a.end].lower() not in POSSESSIVES
            for a in sentence.actors
        ]
        self.hard = [m.start() for m in _HARD.finditer(text, sentence.start, sentence.end)]
        self.who: list[int] = []  # indices of eligible mentions followed by ", who"
        self.commas: list[int] = []  # indices of eligible mentions followed by a comma (not "who")
        self.comma_at: list[int] = []  # where that comma is
        for i, actor in enumerate(sentence.actors):
            if not self.eligible[i]:
                continue
            if _WHO.match(text, actor.end):
                self.who.append(i)
            elif _OPENING_COMMA.match(text, actor.end):
                self.commas.append(i)
                self.comma_at.append(text.index(",", actor.end))

    def candidates(self, pos: int) -> Iterator[Actor]:
        top = bisect.bisect_right(self.ends, pos) - 1
        k = bisect.bisect_left(self.hard, pos) - 1
        hard = self.hard[k] if k >= 0 else -1
        i = top
        while i >= 0 and self.ends[i] > hard:
            if self.eligible[i]:
                yield self.actors[i]
            i -= 1
        if i < 0:
            return
        found = []
        w = bisect.bisect_right(self.who, i) - 1
        if w >= 0:
            found.append(self.who[w])
        c = bisect.bisect_right(self.commas, i) - 1
        while c >= 0 and self.comma_at[c] + _APPOSITIVE_REACH >= hard:
            found.append(self.commas[c])
            c -= 1
        for j in sorted(found, reverse=True):
            yield self.actors[j]


def sentences_with_actors(
    text: str, sentence_spans: list[tuple[int, int]], mentions: dict[str, list]
) -> list[Sentence]:
    """Each sentence with its outermost (not nested) mentions, in reading order."""
    by_sentence: dict[int, list[Actor]] = {}
    for sid, start, end, actor_id, actor, actor_type, kind, nested in zip(
        mentions["sentence_id"],
        mentions["start"],
        mentions["end"],
        mentions["actor_id"],
        mentions["actor"],
        mentions["actor_type"],
        mentions["kind"],
        mentions["nested"],
        strict=True,
    ):
        if not nested:
            by_sentence.setdefault(sid, []).append(Actor(start, end, actor_id, actor, actor_type, kind))
    out = []
    for sid, (start, end) in enumerate(sentence_spans):
        actors = sorted(by_sentence.get(sid, []), key=lambda a: (a.start, -a.end))
        out.append(Sentence(sid, start, end, actors))
    return out


def quotations(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans (opening mark, closing mark + 1) of the quotations in each paragraph.

    >>> quotations('He said: "Go." Then “more', [(0, 25)])
    [(9, 14), (20, 25)]
    """
    found = []
    for lo, hi in paragraph_spans:
        opened_curly = opened_straight = None
        for mark in QUOTE_MARK.finditer(text, lo, hi):
            i, char = mark.start(), mark.group()
            if char == "“" and opened_curly is None:
                opened_curly = i
            elif char == "”" and opened_curly is not None:
                found.append((opened_curly, i + 1))
                opened_curly = None
            elif char == '"':
                if opened_straight is None:
                    opened_straight = i
                else:
                    found.append((opened_straight, i + 1))
                    opened_straight = None
        found.extend((o, hi) for o in (opened_curly, opened_straight) if o is not None)
    return sorted(found)


def inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span of ``spans`` (sorted, not overlapping) strictly containing ``pos``, if any."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] < pos < spans[i][1]:
        return spans[i]
    return None


def is_filler(text: str, lo: int, hi: int) -> bool:
    """True when ``text[lo:hi]`` holds only filler (see rule 5)."""
    return _FILLER.fullmatch(text, lo, hi) is not None


def subject(
    text: str,
    sentences: list[Sentence],
    sid: int,
    verb_start: int,
    previous: Subject | None,
    pair: tuple[Actor, Actor] | None,
    allow_they: bool,
) -> Subject | None:
    """The subject of the verb phrase at ``verb_start`` (rules 2-6; rule 1 is the caller's).

    ``previous`` is the subject of the verb before it in the sentence (rule 2); ``pair`` the two
    people of the latest interaction between two people (rule 4).
    """
    sentence = sentences[sid]
    lo = sentence.start
    cut = _filler_start(text, lo, verb_start)  # the head without the filler words at its end
    if _search_end(_ENDS_WITH_AND, text, lo, cut, _and_reach(text, lo, cut)) and previous is not None:
        return Subject(previous.actors, "coordinated", cut)
    to_reach = _back(text, lo, verb_start, space=True) - 2
    if _search_end(_TO_BEFORE, text, lo, verb_start, to_reach) and not _search_end(
        _MODAL_TO, text, lo, verb_start, _back(text, lo, to_reach, space=True) - 10
    ):
        arrival = sentence.last(_ARRIVAL, text, verb_start)
        found = arrival is not None and subject(text, sentences, sid, arrival, None, pair, allow_they)
        if found:
            return Subject(found.actors, "purpose", found.gap_start, planned=True)
        if previous is not None:
            return Subject(previous.actors, "purpose", verb_start, previous.planned)
        return None
    group = _search_end(
        _GROUP, text, lo, cut, lo if cut - lo <= _SHORT else _words_back(text, lo, cut, 6)
    ) or (allow_they and _search_end(_THEY, text, lo, cut, _back(text, lo, cut - 4, space=True) - 1))
    if group:
        people = pair or _latest_people(sentences, sid, group.start())
        if people is None:
            return None
        return Subject(people, "sides", cut)
    return _nearest(text, sentence, verb_start)


# A long sentence holds many verbs: the tests on the words before a verb look at those words only,
# never at the whole sentence before it (which made a long sentence quadratic).


def _filler_start(text: str, lo: int, hi: int) -> int:
    """Where the filler words at the end of ``text[lo:hi]`` begin, white space before them left
    out: the words are taken from the end while all of them together are filler."""
    cut = hi
    end = _back(text, lo, hi, space=True)
    while end > lo:
        start = _back(text, lo, end, space=False)
        # A test from the sentence's start sees no character before it, as in a slice.
        filler = _FILLER.fullmatch(text[lo:cut]) if start == lo else _FILLER.fullmatch(text, start, cut)
        if filler is None:
            break
        cut = start
        end = _back(text, lo, start, space=True)
    return _back(text, lo, cut, space=True)


def _back(text: str, lo: int, at: int, space: bool) -> int:
    """``at`` moved back over white space (``space``) or over other characters, not below ``lo``."""
    at = max(at, lo)
    while at > lo and text[at - 1].isspace() == space:
        at -= 1
    return at


_SHORT = 256  # characters: a stretch the regex engine searches whole faster than words are counted


def _words_back(text: str, lo: int, at: int, words: int) -> int:
    """Where the last ``words`` words before ``at`` begin (not below ``lo``)."""
    for _ in range(words):
        at = _back(text, lo, _back(text, lo, at, space=True), space=False)
    return at


def _and_reach(text: str, lo: int, at: int) -> int:
    """The earliest start of a match of ``_ENDS_WITH_AND`` ending at ``at``: "and", a comma."""
    if at > lo and text[at - 1] == ",":
        at = _back(text, lo, at - 1, space=True)
    return at - 4


def _search_end(pattern: re.Pattern, text: str, lo: int, hi: int, reach: int) -> re.Match | None:
    """``pattern.search(text[lo:hi])``, with offsets into ``text``, for a pattern anchored at
    ``hi`` whose matches start at ``reach`` or later: only the text from ``reach`` is searched,
    with one character before it for the pattern's look-behind."""
    if reach <= lo:
        match = pattern.search(text[lo:hi])
        return _Shifted(match, lo) if match else None
    match = pattern.search(text[reach - 1 : hi], 1)
    return _Shifted(match, reach - 1) if match else None


@dataclass(frozen=True)
class _Shifted:
    """A match in a slice, with its start as an offset into the whole text."""

    match: re.Match
    offset: int

    def start(self) -> int:
        return self.match.start() + self.offset


def _nearest(text: str, sentence: Sentence, verb_start: int) -> Subject | None:
    for actor in sentence.subject_candidates(text, verb_start):
        if _plain_gap(text, actor.end, verb_start):
            if actor.actor_type != "person":
                actor = _appositive_owner(text, sentence, actor, verb_start) or actor
            if _REPRESENTED.search(text, max(sentence.start, actor.start - 40), actor.start):
                return None  # "a spokesman for Mr Prescott warned": the spokesman, unnamed
            inside_who = _INSIDE_WHO.search(text, max(sentence.start, actor.start - 60), actor.start)
            named = inside_who and next(iter(sentence.before(inside_who.end(1))), None)
            if inside_who and not (named and named.end == inside_who.end(1)):
                return None  # "councillors who back Mr Flight met": the councillors, unnamed
            return _joint(text, sentence, actor, actor.end)
    return None


def _appositive_owner(text: str, sentence: Sentence, actor: Actor, verb_start: int) -> Actor | None:
    """The person whose appositive holds ``actor`` ("Trevor Phillips, chairman of the Commission
    for Racial Equality, called on": Phillips, not the commission): the nearest person before it
    followed by a comma, within an appositive's reach."""
    for person in sentence.before(actor.start):
        if person.end + _APPOSITIVE_REACH < actor.start:
            return None
        if person.actor_type == "person" and _OPENING_COMMA.match(text, person.end, actor.start):
            return person if _plain_gap(text, person.end, verb_start) else None
    return None


# A mention inside a relative clause on a noun no mention names: "councillors who back Mr Flight".
_INSIDE_WHO = re.compile(r"\b([A-Za-z]+)\s+who\s+[^,;:()\"“”]*$")
_REPRESENTED = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aides?|advis[eo]rs?|lawyers?|representatives?|friends?|allies|"
    r"sources?\s+close)\s+(?:for|to|of)\s+(?:the\s+)?$",
    re.I,
)


def _plain_gap(text: str, lo: int, hi: int) -> bool:
    """Filler only; or a relative "who" clause or an appositive, closed by a comma, then filler."""
    if is_filler(text, lo, hi):
        return True
    who = _WHO.match(text, lo, hi)
    if who:
        if is_filler(text, who.end(), hi):
            return True
        close = text.rfind(",", who.end(), hi)
        return close >= 0 and is_filler(text, close + 1, hi)
    opening = _OPENING_COMMA.match(text, lo, hi)
    if opening is None or text.startswith(("and ", "but "), opening.end()):
        return False
    farthest = text.index(",", lo) + _APPOSITIVE_REACH  # at most 160 characters between commas
    for comma in _COMMA.finditer(text, opening.end(), hi):
        close = comma.end()
        if close > farthest:
            break
        if _APPOSITIVE.fullmatch(text, lo, close) and is_filler(text, close, hi):
            return True
    return False


def _joint(text: str, sentence: Sentence, actor: Actor, gap_start: int) -> Subject:
    if actor.actor_type == "person":
        other = next(iter(sentence.before(actor.start)), None)
        if (
            other is not None
            and other.actor_type == "person"
            and other.actor_id != actor.actor_id
            and _AND_BEFORE.fullmatch(text, other.end, actor.start)
            and text[other.start : other.end].lower() not in POSSESSIVES
        ):
            return Subject((other, actor), "joint", gap_start)
    return Subject((actor,), "nearest", gap_start)


def _latest_people(sentences: list[Sentence], sid: int, pos: int) -> tuple[Actor, Actor] | None:
    """The two distinct people whose latest mentions before ``pos`` come last, older first."""
    seen: dict[str, Actor] = {}
    for i in range(sid, -1, -1):
        for actor in sentences[i].before(pos if i == sid else sentences[i].end):
            if actor.actor_type == "person" and actor.actor_id not in seen:
                seen[actor.actor_id] = actor
                if len(seen) == 2:
                    newer, older = seen.values()
                    return (older, newer)
    return None


def mode(text: str, lo: int, hi: int, planned: bool = False) -> str:
    """happened, planned or denied, from the words between the subject and the verb."""
    words = text[lo:hi]
    if _DENIED.search(words):
        return "denied"
    if planned or _PLANNED.search(words):
        return "planned"
    return "happened"
