"""Resolving third-person pronouns to the person they stand for, or leaving them unresolved.

A wrong antecedent misleads more than a missing one, so a pronoun is resolved only where a
rule below picks exactly one person; otherwise it is left out of the mentions. Candidates are
the people mentioned (by name or title, registered or discovered) whose gender agrees: the
registry's ``pronoun``, or the gender discovery found (an honorific, the first-name list); a
person of unknown gender agrees with "he" and "she" alike. The rules, in the order they apply:

1. Not a pronoun: "His Highness", "Her Majesty", "His Excellency" (honorifics), and any
   pronoun inside quotation marks (the speaker's own words may point anywhere).
2. Relative clause: a pronoun inside ", who ..." after a person goes to that person
   ("Herrington, who is to meet King Hassan during his visit": his = Herrington).
3. Reported speech: a pronoun right after a reporting verb ("said he", "told reporters
   that she") goes to the subject of the sentence, the first person mentioned outside a
   sentence-opening subordinate clause ("Before meeting with Bush, the Crown Prince ...") and
   not as a possessive ("Bush's spokesman").
4. One candidate: if exactly one agreeing person is mentioned before the pronoun in its
   sentence, the pronoun is theirs.
5. Same phrase: if several are, the pronoun goes to the nearest only when nothing but a few
   words without a verb, conjunction or punctuation stands between them ("a letter ... to the
   King of Morocco Mohammed VI on importance of his participation"); else it is unresolved.
6. Earlier sentences: with nobody before it in its sentence, the nearest earlier sentence
   (at most three back) that mentions an agreeing person decides: its only such person, or
   else its subject (rule 3's subject) when the subject agrees; otherwise unresolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

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
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|stressed|noted|emphasi[sz]ed|explained|announced|declared|"
    r"insisted|warned|affirmed|assured|replied|recalled|indicated|argued|believed|hoped|felt)"
    r"(?:\s+(?:reporters|journalists|the\s+\w+|him|her|them|[A-Z]\w+))?"
    r"(?:\s+(?:on|in|at|after|before|during|upon)\s+(?:\w+\s+){0,2}?\w+)?(?:\s+that)?\s*,?\s*$"
)
_OPENING_CLAUSE = re.compile(
    r"\W*(?:Before|After|During|While|Whilst|When|Although|Though|As|Since|Upon|On|In|At|"
    r"Following|Speaking|Addressing|Asked|Unlike|Like|Despite|If|Once|Until|Earlier|Later|"
    r"According|Besides|Apart|Ahead|Prior|With)\b[^,;]*,"
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
    quoted = [q.span() for s, e in sentence_spans for q in _QUOTES.finditer(text, s, e)]
    out = []
    for match in PRONOUN.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
        if _HONORIFIC_AFTER.match(text, match.end()) or any(s <= match.start() < e for s, e in quoted):
            continue
        gender = GENDER_OF[match.group().lower()]
        sid = bisect.bisect_right(starts, match.start()) - 1
        if sid < 0 or match.end() > sentence_spans[sid][1]:
            continue

        def agrees(person: PersonMention, gender: str = gender) -> bool:
            own = gender_of(person.actor_id)
            return own == gender or (own is None and gender != "they")

        target = _antecedent(text, match, sid, sentence_spans, by_sentence, agrees)
        if target is not None:
            out.append((match.start(), match.end(), target.actor_id, target.antecedent))
    return out


def _antecedent(
    text: str,
    match: re.Match,
    sid: int,
    sentence_spans: list[tuple[int, int]],
    by_sentence: Mapping[int, list[PersonMention]],
    agrees: Callable[[PersonMention], bool],
) -> PersonMention | None:
    sentence_start = sentence_spans[sid][0]
    before = [p for p in by_sentence.get(sid, ()) if p.end <= match.start()]
    for person in reversed(before):  # rule 2
        if _RELATIVE.match(text[person.end : match.start()]):
            return person if agrees(person) else None
    if before and _REPORTED.search(text, sentence_start, match.start()):  # rule 3
        subject = _subject(text, sentence_start, before)
        if subject is not None and agrees(subject):
            return subject
    fitting = [p for p in before if agrees(p)]
    if fitting and len({p.actor_id for p in fitting}) == 1:  # rule 4
        return fitting[-1]
    if fitting:  # rule 5
        nearest = fitting[-1]
        return nearest if _same_phrase(text[nearest.end : match.start()]) else None
    for earlier in range(sid - 1, max(sid - LOOKBACK, 0) - 1, -1):  # rule 6
        mentioned = by_sentence.get(earlier, [])
        fitting = [p for p in mentioned if agrees(p)]
        if not fitting:
            continue
        if len({p.actor_id for p in fitting}) == 1:
            return fitting[0]
        subject = _subject(text, sentence_spans[earlier][0], mentioned)
        return subject if subject is not None and agrees(subject) else None
    return None


def _same_phrase(gap: str) -> bool:
    """Whether a pronoun after a person still belongs to the phrase that names them: a few
    words, no punctuation, no verb, conjunction or relative word between ("the King of Morocco
    Mohammed VI on importance of his participation")."""
    words = gap.split()
    return (
        0 < len(words) <= 4
        and not re.search(r"[,;:.()\"“”]", gap)
        and not any(w.lower() in _CLAUSE_WORDS or w.lower().endswith("ed") for w in words)
    )


_CLAUSE_WORDS = frozenset(
    "and but or who whom which that while whereas said says told tells met meets asked is was are were has had".split()
)


def _subject(text: str, sentence_start: int, mentioned: list[PersonMention]) -> PersonMention | None:
    """The first person mentioned outside an opening subordinate clause, unless possessive."""
    opening = _OPENING_CLAUSE.match(text, sentence_start)
    after = opening.end() if opening else sentence_start
    for person in mentioned:
        if person.start >= after:
            return None if re.match(r"['’]s\b", text[person.end : person.end + 3]) else person
    return None
