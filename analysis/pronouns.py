"""Resolving third-person pronouns to the person they stand for, or leaving them unresolved.

A wrong antecedent misleads more than a missing one, so a pronoun is resolved only where a
rule below picks exactly one person; otherwise it is left out of the mentions. Candidates are
the people mentioned (by name or title, registered or discovered) whose gender agrees: the
registry's ``pronoun``, or the gender discovery found (an honorific, the first-name list); a
person of unknown gender agrees with "he" and "she" alike. The rules, in the order they apply:

1. Not a pronoun: "His Highness", "Her Majesty", "His Excellency" (honorifics), and any
   pronoun inside quotation marks (the speaker's own words may point anywhere).
2. Relative clause: a pronoun inside ", who ..." after a person goes to that person
   ("Herrington, who is to meet King Hassan during his visit": his = Herrington), unless it
   follows "who" directly (", who he described as": he is someone else).
3. Reported speech: a pronoun right after a reporting verb ("said he", "told reporters
   that she", "said on arrival he") goes to the subject of the sentence: the person its main
   clause opens with, after any opening subordinate clause ("Before meeting with Bush, the
   Crown Prince ..."), and not as a possessive ("Bush's spokesman"). A main clause that opens
   with anything else ("Administration officials said Bush ...") has no person subject. A
   pronoun inside that opening clause looks ahead to the same subject ("Realising his error,
   Mr Campbell ...").
   So does a possessive after a second verb of saying or feeling of the subject ("X met Y and
   expressed his satisfaction"; not "X met Y and praised his work", which stays open).
4. Same clause: a pronoun after another of the same gender already resolved in its sentence,
   with no clause break between (a semicolon, a quotation mark, "who", "which", "but"), is the
   same person ("X said that he met Y during his visit").
5. One candidate: if exactly one agreeing person is mentioned before the pronoun in its
   sentence, the pronoun is theirs, unless a role phrase that names nobody found ("the Crown
   Prince" whose holder the article never names) stands between them.
6. Same phrase: if several are, the pronoun goes to the nearest only when a few words ending
   in "of", without a verb, conjunction or punctuation, stand between them ("a letter ... to
   the King of Morocco Mohammed VI on importance of his participation"); else it is unresolved.
7. Earlier sentences: with nobody before it in its sentence, the nearest earlier sentence
   (at most three back) that mentions an agreeing person decides: its only such person (unless
   that sentence also holds a role phrase naming nobody found and the person is not its
   subject), or else its subject (rule 3's subject) when the subject agrees; otherwise
   unresolved.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from analysis.people import ROLE_HEADS

PRONOUN_FORMS = {
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "hers", "herself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}
GENDER_OF = {form: gender for gender, forms in PRONOUN_FORMS.items() for form in forms}
LOOKBACK = 3
PRONOUN = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(GENDER_OF, key=len, reverse=True)) + r")(?![\w-])", re.I
)
_HONORIFIC_AFTER = re.compile(r"\s+(?:Royal\s+)?(?:Highness|Majesty|Excellency|Holiness|Eminence)\b")
_RELATIVE = re.compile(r"^\s*,\s*(?:who|whose)\b[^,;]*$")
_OBJECT_RELATIVE = re.compile(r"^\s*,\s*whom?\s+$")  # ", who he described as": he is someone else
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|stressed|noted|emphasi[sz]ed|explained|announced|declared|"
    r"insisted|warned|affirmed|assured|replied|recalled|indicated|argued|believed|hoped|felt)"
    r"(?:\s+(?:reporters|journalists|the\s+\w+|him|her|them|[A-Z]\w+))?"
    r"(?:\s+(?:on|in|at|after|before|during|upon)\s+(?:\w+\s+){0,2}?\w+)?(?:\s+that)?\s*,?\s*$"
)
_OPENING_CLAUSE = re.compile(
    r"\W*(?:Before|After|During|While|Whilst|When|Although|Though|As|Since|Upon|On|In|At|"
    r"Following|Speaking|Addressing|Asked|Unlike|Like|Despite|If|Once|Until|Earlier|Later|"
    r"According|Besides|Apart|Ahead|Prior|With|[A-Z][a-z]+ing)\b[^,;]*,"
)
_QUOTES = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")


@dataclass(frozen=True)
class PersonMention:
    """A name or title of a person: where it is, whom it names, and the name it stands for."""

    start: int
    end: int
    actor_id: str
    antecedent: tuple[int, int, str]


def resolve_pronouns(
    text: str,
    people: list[PersonMention],
    sentence_spans: list[tuple[int, int]],
    gender_of: Callable[[str], str | None],
) -> list[tuple[int, int, str, tuple[int, int, str]]]:
    """(start, end, actor_id, antecedent key) for every pronoun a rule resolves (module docs).

    ``people`` are the outermost person mentions in reading order; ``gender_of(actor_id)``
    gives "he", "she", "they" or None (unknown).
    """
    if not sentence_spans:
        return []
    starts = [s for s, _ in sentence_spans]
    by_sentence: dict[int, list[PersonMention]] = {}
    for person in people:
        by_sentence.setdefault(bisect.bisect_right(starts, person.start) - 1, []).append(person)
    quoted = _Cover(q.span() for s, e in sentence_spans for q in _QUOTES.finditer(text, s, e))
    named = _Cover((p.start, p.end) for p in people)
    unnamed: dict[int, list[int]] = {}  # where "the minister" and the like stand for nobody found
    for the in _THE.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
        words = [w.lower() for w in text[the.end() : the.end() + 60].split()[:4]]
        if any(w.strip(",.") in ROLE_HEADS for w in words) and not named.covers(the.start()):
            unnamed.setdefault(bisect.bisect_right(starts, the.start()) - 1, []).append(the.start())
    out = []
    resolved: list[tuple[int, int, str, PersonMention]] = []
    for match in PRONOUN.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
        if _HONORIFIC_AFTER.match(text, match.end()) or quoted.covers(match.start()):
            continue
        gender = GENDER_OF[match.group().lower()]
        sid = bisect.bisect_right(starts, match.start()) - 1
        if sid < 0 or match.end() > sentence_spans[sid][1]:
            continue

        def agrees(person: PersonMention, gender: str = gender) -> bool:
            own = gender_of(person.actor_id)
            return own == gender or (own is None and gender != "they")

        earlier = [(end, person) for s, end, g, person in resolved if s == sid and g == gender]
        target = _antecedent(text, match, sid, sentence_spans, by_sentence, agrees, earlier, unnamed)
        if target is not None:
            out.append((match.start(), match.end(), target.actor_id, target.antecedent))
            resolved.append((sid, match.end(), gender, target))
    return out


class _Cover:
    """Spans, asked whether any of them covers a position (``start <= pos < end``) in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


def _antecedent(
    text: str,
    match: re.Match,
    sid: int,
    sentence_spans: list[tuple[int, int]],
    by_sentence: Mapping[int, list[PersonMention]],
    agrees: Callable[[PersonMention], bool],
    earlier_pronouns: list[tuple[int, PersonMention]],
    unnamed: Mapping[int, list[int]],
) -> PersonMention | None:
    sentence_start = sentence_spans[sid][0]
    before = [p for p in by_sentence.get(sid, ()) if p.end <= match.start()]
    for person in reversed(before):  # rule 2
        gap = text[person.end : match.start()]
        if _RELATIVE.match(gap) and not _OBJECT_RELATIVE.match(gap):
            return person if agrees(person) else None
    opening = _OPENING_CLAUSE.match(text, sentence_start)
    if opening and match.end() <= opening.end() and not before:  # rule 3: "Realising his error, X ..."
        following = [p for p in by_sentence.get(sid, ()) if p.start >= opening.end()]
        subject = _subject(text, sentence_start, following)
        if subject is not None:
            return subject if agrees(subject) else None
    if before and (
        _REPORTED.search(text, sentence_start, match.start())
        or _CONJOINED.search(text, sentence_start, match.start())
    ):  # rule 3
        subject = _subject(text, sentence_start, before)
        if subject is not None and agrees(subject):
            return subject
    if earlier_pronouns:  # rule 4
        end, person = earlier_pronouns[-1]
        if not _CLAUSE_BREAK.search(text, end, match.start()):
            return person
    fitting = [p for p in before if agrees(p)]
    if fitting and len({p.actor_id for p in fitting}) == 1:  # rule 5
        blocked = any(fitting[-1].end <= at < match.start() for at in unnamed.get(sid, ()))
        return None if blocked else fitting[-1]
    if fitting:  # rule 6
        nearest = fitting[-1]
        return nearest if _same_phrase(text[nearest.end : match.start()]) else None
    for earlier in range(sid - 1, max(sid - LOOKBACK, 0) - 1, -1):  # rule 7
        mentioned = by_sentence.get(earlier, [])
        fitting = [p for p in mentioned if agrees(p)]
        if not fitting:
            continue
        subject = _subject(text, sentence_spans[earlier][0], mentioned)
        if len({p.actor_id for p in fitting}) == 1 and (not unnamed.get(earlier) or subject in fitting):
            return fitting[0]
        return subject if subject is not None and agrees(subject) else None
    return None


def _same_phrase(gap: str) -> bool:
    """Whether a pronoun after a person still belongs to the phrase that names them: a few
    words ending in "of", no punctuation, no verb, conjunction or relative word between ("the
    King of Morocco Mohammed VI on importance of his participation")."""
    words = gap.split()
    return (
        0 < len(words) <= 4
        and words[-1].lower() == "of"
        and not re.search(r"[,;:.()\"“”]", gap)
        and not any(w.lower() in _CLAUSE_WORDS or w.lower().endswith("ed") for w in words)
    )


_THE = re.compile(r"\b[Tt]he\s+")
_CONJOINED = re.compile(
    r"\band\s+(?:also\s+)?(?:expressed|voiced|reiterated|conveyed|extended|offered|reaffirmed|stressed|"
    r"underlined|emphasi[sz]ed|noted|outlined|shared|stated|explained)\s+$"
)
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|\b(?:who|whom|which|but|while|whereas)\b")


_CLAUSE_WORDS = frozenset(
    "and but or who whom which that while whereas said says told tells met meets asked is was are were has had".split()
)


def _subject(text: str, sentence_start: int, mentioned: list[PersonMention]) -> PersonMention | None:
    """The person the main clause opens with (after an opening subordinate clause), unless it
    opens with something else ("Administration officials said Bush ...") or the person is a
    possessive ("Bush's spokesman")."""
    opening = _OPENING_CLAUSE.match(text, sentence_start)
    after = opening.end() if opening else sentence_start
    for person in mentioned:
        if person.start >= after:
            lead = text[after : person.start]
            if not _LEAD.fullmatch(lead) or re.match(r"['’]s\b", text[person.end : person.end + 3]):
                return None
            return _past_appositions(text, person, mentioned)
    return None


def _past_appositions(text: str, person: PersonMention, mentioned: list[PersonMention]) -> PersonMention:
    """The subject behind a name set off by commas that still belongs to the opening clause ("In
    his meeting with Syria's Foreign Minister, Walid Al-Moualem, the Secretary-General said")."""
    starts = {p.start: p for p in mentioned}
    while True:
        comma = _COMMA.match(text, person.end)
        following = starts.get(comma.end()) if comma else None
        if following is None or following.actor_id == person.actor_id:
            return person
        person = following


_COMMA = re.compile(r"\s*,\s*")


_LEAD = re.compile(r"[\s\"“‘'(]*(?:[Tt]he\s+|[Ss]o\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}['’]s\s+)?")
