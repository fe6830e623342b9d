"""Resolving third-person pronouns to the person they stand for, or leaving them unresolved.

A wrong antecedent misleads more than a missing one, so a pronoun is resolved only where a
rule below picks exactly one person; otherwise it is left out of the mentions. Candidates are
the people mentioned (by name or title, registered or discovered) whose gender agrees: the
registry's ``pronoun``, or the gender discovery found (an honorific; else the article's own
usage, where it is one and only one gender: a pronoun right after the name and a verb of
saying, "Khan said his meeting", or after "and", "Gujral and his counterpart"; else the
first-name list); a person of unknown gender agrees with "he" and "she" alike. The rules, in the order they apply:

1. Not a pronoun: "His Highness", "Her Majesty", "His Excellency" (honorifics), and any
   pronoun inside quotation marks (the speaker's own words may point anywhere), also in a
   quotation that runs on over sentences of its paragraph ('Mr Neill said: "He has behaved
   ... It is a disgrace."'), each mark read as opening or closing by what stands before it.
2. Relative clause: a pronoun inside ", who ..." after a person goes to that person
   ("Herrington, who is to meet King Hassan during his visit": his = Herrington), unless it
   follows "who" directly (", who he described as": he is someone else).
3. Reported speech: a pronoun right after a reporting verb ("said he", "told reporters
   that she", "said on arrival he") goes to the subject of the sentence: the person its main
   clause opens with, after any opening subordinate clause ("Before meeting with Bush, the
   Crown Prince ..."), and not as a possessive ("Bush's spokesman"). A main clause that opens
   with anything else ("Administration officials said Bush ...") has no person subject (a
   conjunction may stand first: "But Mr Howard denied ..."); one
   that opens with a person's possessive before a person word ("Mr Begg's father said he")
   leaves the pronoun unresolved, as does one that opens with a pronoun left unresolved
   ("At a conference hosted by Gordon Brown, he said that he"). A
   pronoun inside that opening clause looks ahead to the same subject ("Realising his error,
   Mr Campbell ...").
   So does a possessive after a second verb of saying or feeling of the subject ("X met Y and
   expressed his satisfaction"; not "X met Y and praised his work", which stays open), and a
   pronoun joined to a name after a reporting verb ("Kasuri said Mukherjee and he realised").
   A speaker pronoun closing reported words (", he said.", '," he said') is the speaker of
   the sentence before ("..., Mr Howard said. ..., he said."), past sentences that name nobody
   (a quotation running on), when that speaker agrees, else unresolved: its subject right
   before a verb of saying, the person named after its reported words, or its own speaker
   pronoun's person.
   The subject of a sentence that opens with a quotation is the person right after it ('"...,"
   Kasuri said'). A speaker pronoun set off by a comma after a clause ("Mr Blair has failed
   ..., he claimed, saying he ...") is not that clause's subject: it and a "saying he" after it
   are left unresolved; nor is a speaker pronoun given to a possessive ("Mr Blair's government
   was ...," he added).
4. Same clause: a pronoun after another of the same gender already resolved in its sentence,
   with no clause break between (a semicolon, a quotation mark, "who", "which", "but"), is the
   same person ("X said that he met Y during his visit"), unless someone else, named or by a
   role phrase naming nobody found, opens a clause between the two, before an auxiliary ("he
   was confident Mr Brown would meet his rules": unresolved), or the pronoun is "him" with
   another agreeing person named between ("he looks forward to his relationship with George
   Bush and working with him": unresolved), or "him" is the object of a verb whose subject is
   that "he" ("He accused him": unresolved; not after "his": "his party instructs him"), or it
   follows "to" and a verb with another agreeing person named between ("He urged the
   chancellor to admit he": unresolved).
5. One candidate: if exactly one agreeing person is mentioned before the pronoun in its
   sentence, the pronoun is theirs, unless it is "him" as the object of a verb that person is
   the subject of, only the verb's words between ("But Mr Clarke accused him": someone else),
   or a role phrase that names nobody found ("the Crown Prince" whose holder the article never
   names) stands between them or before the person as a subject ("the Pakistani president met
   Mr Blair ..., on his visit"), or the pronoun opens the main clause after an opening clause
   that names the person other than as its subject ("At a conference hosted by Gordon Brown,
   he said": someone else spoke).
6. Same phrase: if several are, the pronoun goes to the nearest only when a few words ending
   in "of", without a verb, conjunction or punctuation, stand between them ("a letter ... to
   the King of Morocco Mohammed VI on importance of his participation"); else it is unresolved.
7. Earlier sentences: with nobody before it in its sentence, and no role phrase naming nobody
   found before it there ('"...", the Conservative leader said in his message'), the nearest earlier sentence
   (at most three back) that mentions an agreeing person outside quotation marks decides (a
   person named inside a quotation is the speaker's topic, not the next sentence's subject:
   '"... where the chancellor sets his own tests." He asked ...' is the speaker): its only such person (unless
   that sentence also holds a role phrase naming nobody found and the person is not its
   subject), or else its reporter, where it reports words that open it (the one person named
   after a comma before a verb of saying, "Mr Brown's Budget was a trick, the Tory leader said.
   He went on ...", or after a comma and a verb of saying, "Mr Blair was not clear about tax,
   argued Mr Howard. Pointing to ..., he added"), or else its subject (rule 3's), when that
   person agrees; otherwise
   unresolved; but where that sentence's main clause opens with a pronoun of the same gender
   that went to someone else, to that person ("He suggested the claim that Lord Falconer had
   drafted it ... . '...,' he said": the subject goes on), and where a pronoun of that gender
   speaks in it ("he claimed", "she said"), to the person that pronoun went to, or unresolved
   ("The gap was narrow - as proved, he claimed, by the defection of Robert Jackson - ... . He
   was also happy": the speaker goes on, not Jackson). A sentence passed on the way that holds
   a role phrase naming nobody found ("the prime minister talked about ...") ends the search,
   unresolved; one that names no agreeing person but whose pronouns of that gender all went to
   one person decides for that person ("... he became an MP. He gained a reputation ...": a
   chain of pronouns).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analysis.clauses import QUOTE_MARK
from analysis.patterns import search_back, words_back
from analysis.people import PARTIES, ROLE_HEADS

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
_RELATIVE = re.compile(r"\s*,\s*(?:who|whose)\b")  # then no comma or semicolon up to the pronoun
_OBJECT_RELATIVE = re.compile(r"\s*,\s*whom?\s+$")  # ", who he described as": he is someone else
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|added|stressed|noted|emphasi[sz]ed|explained|announced|declared|"
    r"insisted|warned|affirmed|assured|replied|recalled|indicated|argued|believed|hoped|felt)"
    r"(?:\s+(?:reporters|journalists|the\s+\w+|him|her|them|[A-Z]\w+))?"
    r"(?:\s+(?:on|in|at|after|before|during|upon)\s+(?:\w+\s+){0,2}?\w+)?(?:\s+that)?\s*,?\s*$"
)
# The most words a match holds: the verb, "the" and a noun, a phrase of four words, "that", a comma.
_REPORTED_WORDS = 9
# An opening subordinate clause: one of these words, then up to the first comma (none when a
# semicolon comes first).
_OPENING_WORD = re.compile(
    r"\W*(?:Before|After|During|While|Whilst|When|Although|Though|As|Since|Upon|On|In|At|"
    r"Following|Speaking|Addressing|Asked|Unlike|Like|Despite|If|Once|Until|Earlier|Later|"
    r"According|Besides|Apart|Ahead|Prior|With|[A-Z][a-z]+ing)\b"
)
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_NON_SPACE = re.compile(r"\S")
_QUOTES = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")


# The article's own usage of a person's gender: a pronoun right after their name and a verb of
# saying ("Khan said his meeting", "Rao said he"), or after "and" ("Gujral and his counterpart").
_OWN_USAGE = re.compile(
    r"(?:\s*,)?\s+(?:said|says|added|stated|insisted|argued|explained|told\s+(?:reporters|journalists))"
    r"\s+(?:that\s+)?(?P<said>he|his|she|her)(?![\w-])"
    r"|\s+and\s+(?P<and>his|her)(?![\w-])"
)


def own_usage(text: str, people: Iterable[PersonMention]) -> dict[str, str]:
    """The gender the article itself gives a person, where it gives one and never another.

    >>> own_usage("Khan said his talks went well.", [PersonMention(0, 4, "khan", (0, 4, "khan"))])
    {'khan': 'he'}
    """
    seen: dict[str, set[str]] = {}
    for person in people:
        match = _OWN_USAGE.match(text, person.end)
        if match is not None:
            gender = GENDER_OF[(match.group("said") or match.group("and")).lower()]
            seen.setdefault(person.actor_id, set()).add(gender)
    return {actor_id: genders.pop() for actor_id, genders in seen.items() if len(genders) == 1}


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

    ``people`` are the outermost person mentions in reading order (so their ends never
    decrease); ``gender_of(actor_id)`` gives "he", "she", "they" or None (unknown).
    """
    if not sentence_spans:
        return []
    starts = [s for s, _ in sentence_spans]
    by_sentence: dict[int, list[PersonMention]] = {}
    for person in people:
        by_sentence.setdefault(bisect.bisect_right(starts, person.start) - 1, []).append(person)
    quoted = _Cover(
        [q.span() for s, e in sentence_spans for q in _QUOTES.finditer(text, s, e)]
        + _running_quotes(text, _paragraphs(text, sentence_spans))
    )
    named = _Cover((p.start, p.end) for p in people)
    unnamed: dict[int, list[int]] = {}  # where "the minister" and the like stand for nobody found
    for the in _THE.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
        words = [w.lower() for w in text[the.end() : the.end() + 60].split(maxsplit=4)[:4]]
        if any(w.strip(",.") in ROLE_HEADS for w in words) and not named.covers(the.start()):
            unnamed.setdefault(bisect.bisect_right(starts, the.start()) - 1, []).append(the.start())
    commas = [m.start() for m in _COMMA_OR_SEMICOLON.finditer(text)]
    sentences: dict[int, _Sentence] = {}

    def sentence(sid: int) -> _Sentence:
        if sid not in sentences:
            sentences[sid] = _Sentence(
                text, sentence_spans[sid], by_sentence.get(sid, []), unnamed.get(sid, []), commas, quoted
            )
        return sentences[sid]

    def agreeing(gender: str) -> Callable[[PersonMention], bool]:
        def agrees(person: PersonMention) -> bool:
            own = gender_of(person.actor_id)
            return own == gender or (own is None and gender != "they")

        return agrees

    agrees_with = {gender: agreeing(gender) for gender in PRONOUN_FORMS}
    out = []
    # The last pronoun resolved in each sentence, by gender: where it ends, and whom it names.
    latest: dict[tuple[int, str], tuple[int, PersonMention]] = {}
    # The people each sentence's pronouns went to, by gender (None for one left unresolved).
    went_to: dict[tuple[int, str], set[str | None]] = {}

    spoke: dict[int, PersonMention] = {}  # each sentence's speaker given by a pronoun ("..., he said")
    # The person each sentence's main clause opens with as a pronoun ("He suggested ..."), by gender.
    opened: dict[tuple[int, str], PersonMention] = {}

    def carried(sid: int, gender: str) -> PersonMention | None:
        """Rule 7's chain: the one person every pronoun of ``gender`` in sentence ``sid`` went to."""
        ids = went_to.get((sid, gender), set())
        return latest[(sid, gender)][1] if len(ids) == 1 and None not in ids else None

    for match in PRONOUN.finditer(text, sentence_spans[0][0], sentence_spans[-1][1]):
        if _HONORIFIC_AFTER.match(text, match.end()) or quoted.covers(match.start()):
            continue
        gender = GENDER_OF[match.group().lower()]
        sid = bisect.bisect_right(starts, match.start()) - 1
        if sid < 0 or match.end() > sentence_spans[sid][1]:
            continue
        target = _antecedent(
            text,
            match,
            sid,
            sentence,
            gender,
            agrees_with[gender],
            latest.get((sid, gender)),
            carried,
            spoke,
            opened,
        )
        if target is not None and sentence(sid).named_after_subject(match, target.actor_id):
            target = None  # rule 8: "He went on to accuse Mr Brown": he is not Mr Brown
        went_to.setdefault((sid, gender), set()).add(target.actor_id if target is not None else None)
        if target is not None:
            out.append((match.start(), match.end(), target.actor_id, target.antecedent))
            if _SPEAKER_AFTER.match(text, match.end()):
                spoke[sid] = target
            if sentence(sid).opens_with(match):
                opened[(sid, gender)] = target
            latest[(sid, gender)] = (match.end(), target)
    return out


def _paragraphs(text: str, sentence_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of sentences with no line break between them: the paragraphs quotations keep to."""
    out: list[tuple[int, int]] = []
    for start, end in sentence_spans:
        if out and "\n" not in text[out[-1][1] : start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _running_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations that run on over sentences ('Mr Neill said: "He has behaved ... his office.
    It is a disgrace."'), told by which way each mark faces, so that a stray mark turns no
    other quotation inside out: a straight mark after white space, "(", ":" or a dash (or
    opening the paragraph) opens; any other closes. One left open runs to the paragraph's end."""
    found = []
    for lo, hi in paragraphs:
        opened = None
        for mark in QUOTE_MARK.finditer(text, lo, hi):
            i, char = mark.start(), mark.group()
            opening = char == "“" or (char == '"' and (i == lo or text[i - 1] in _BEFORE_OPENING))
            if opening and opened is None:
                opened = i
            elif not opening and opened is not None:
                found.append((opened, i + 1))
                opened = None
        if opened is not None:
            found.append((opened, hi))
    return found


_BEFORE_OPENING = frozenset(" \t\n\u00a0(:[—–-")


class _Cover:
    """Spans, asked whether any of them covers a position (``start <= pos < end``) in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class _Sentence:
    """One sentence's people, and what the rules ask of them worked out once per sentence: a
    long sentence holds many pronouns, and working it out anew for each was quadratic.

    The people before a pronoun are the first ``count`` of them (their ends never decrease).
    """

    def __init__(
        self,
        text: str,
        span: tuple[int, int],
        people: list[PersonMention],
        unnamed: list[int],
        commas: list[int],
        quoted: _Cover,
    ):
        self.text = text
        self.quoted = quoted
        self.start, self.end = span
        self.people = people
        self.unnamed = unnamed
        self.ends = [p.end for p in people]
        self.starts = [p.start for p in people]
        self._speaker: PersonMention | None | int = -1  # not yet known
        self._commas = commas  # every comma and semicolon of the text
        self._opening: int | None = -1  # not yet known
        self._chain: list[int] | None = None
        self._fits: dict[str, tuple[list[int], list[bool]]] = {}
        self._earlier: dict[str, tuple[bool, PersonMention | None]] = {}
        self._breaks: list[tuple[int, int]] | None = None
        self._unnamed_title: int | None = -1  # not yet known
        self._parenthetical: int | None = -1  # not yet known
        self._speaking: set[str] | None = None  # the genders of its pronouns that speak ("he claimed")

    def speaks(self, gender: str) -> bool:
        """Whether a pronoun of ``gender`` speaks here ("he claimed", "she said")."""
        if self._speaking is None:
            self._speaking = {
                GENDER_OF[m.group().lower()]
                for m in PRONOUN.finditer(self.text, self.start, self.end)
                if m.group().lower() in ("he", "she") and _SPEAKER_AFTER.match(self.text, m.end())
            }
        return gender in self._speaking

    def count(self, pos: int) -> int:
        """How many people end at or before ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def relative(self, pos: int, count: int) -> PersonMention | None:
        """Rule 2's person: the nearest of the first ``count`` followed by ", who" (not ", who
        he") running to ``pos`` with no other comma or semicolon. Its comma is the last comma or
        semicolon before ``pos``, so only the people right before that comma are tried."""
        k = bisect.bisect_left(self._commas, pos) - 1
        if k < 0 or self.text[self._commas[k]] != ",":
            return None
        comma = self._commas[k]
        lo = comma
        while lo > 0 and self.text[lo - 1].isspace():
            lo -= 1
        for i in range(min(count, bisect.bisect_right(self.ends, comma)) - 1, -1, -1):
            person = self.people[i]
            if person.end < lo:
                break
            if _RELATIVE.match(self.text, person.end, pos) and not _OBJECT_RELATIVE.match(
                self.text, person.end, pos
            ):
                return person
        return None

    def opening(self) -> int | None:
        """Where an opening subordinate clause ("Before meeting with Bush,") ends, if there is one:
        after its opening word, at the first comma, unless a semicolon comes first."""
        if self._opening == -1:
            word = _OPENING_WORD.match(self.text, self.start)
            k = bisect.bisect_left(self._commas, word.end()) if word else len(self._commas)
            found = k < len(self._commas) and self.text[self._commas[k]] == ","
            self._opening = self._commas[k] + 1 if found else None
        return self._opening

    def subject(self, count: int) -> PersonMention | None:
        """The person the main clause opens with (after an opening subordinate clause), unless it
        opens with something else ("Administration officials said Bush ...") or the person is a
        possessive ("Bush's spokesman"); of the first ``count`` people only.

        Past a name set off by commas that still belongs to the opening clause ("In his meeting
        with Syria's Foreign Minister, Walid Al-Moualem, the Secretary-General said"), to the
        person behind it: each step goes to the person right after the comma, if among the first
        ``count``."""
        if self._chain is None:
            self._chain = self._subject_chain()
        chain = self._chain
        if not chain or chain[0] >= count:
            return None
        return self.people[chain[bisect.bisect_left(chain, count) - 1]]

    def _subject_chain(self) -> list[int]:
        text, people = self.text, self.people
        after = self.opening() or self.start
        quoted = _OPENING_QUOTE.match(text, self.start, self.end)
        if quoted:  # '"...," Kasuri said.': the speaker after the quotation
            after = quoted.end()
        first = next((i for i, p in enumerate(people) if p.start >= after), None)
        if first is None:
            return []
        person = people[first]
        lead = text[after : person.start]
        if not _LEAD.fullmatch(lead) or re.match(r"['’]s\b", text[person.end : person.end + 3]):
            return []
        starts = {p.start: i for i, p in enumerate(people)}
        chain = [first]
        while True:
            comma = _COMMA.match(text, person.end)
            following = starts.get(comma.end()) if comma else None
            if following is None or people[following].actor_id == person.actor_id:
                return chain
            chain.append(following)
            person = people[following]

    def nearest_fitting(
        self, gender: str, agrees: Callable[[PersonMention], bool], count: int
    ) -> tuple[PersonMention | None, bool]:
        """(the last of the first ``count`` people who agree, or None; whether those who agree
        are more than one person)."""
        if gender not in self._fits:
            last, mixed, li, first_id, is_mixed = [-1], [False], -1, None, False
            for i, person in enumerate(self.people):
                if agrees(person):
                    li = i
                    first_id = person.actor_id if first_id is None else first_id
                    is_mixed = is_mixed or person.actor_id != first_id
                last.append(li)
                mixed.append(is_mixed)
            self._fits[gender] = (last, mixed)
        last, mixed = self._fits[gender]
        return (self.people[last[count]] if last[count] >= 0 else None), mixed[count]

    def named_after_subject(self, pronoun: re.Match, actor_id: str) -> bool:
        """Rule 8: whether ``pronoun`` is "he" or "she" opening the main clause (after any opening
        subordinate clause) and the person ``actor_id`` is named later in the sentence."""
        if pronoun.group().lower() not in ("he", "she"):
            return False
        opening = self.opening()
        begin = opening if opening and opening <= pronoun.start() else self.start
        if not _MARKS_ONLY.fullmatch(self.text, begin, pronoun.start()):
            return False
        return any(
            p.actor_id == actor_id
            and not _NAMING_BEFORE.search(self.text, max(pronoun.end(), p.start - 30), p.start)
            for p in self.people[bisect.bisect_left(self.starts, pronoun.end()) :]
        )

    def speaker(self) -> PersonMention | None:
        """The person the sentence reports: its subject right before a verb of saying ("Mr Howard
        said ..."), or its closing speaker (worked out once: many pronouns may ask)."""
        if self._speaker == -1:
            subject = self.subject(len(self.people))
            if subject is not None and _SAYS_AFTER.match(self.text, subject.end):
                self._speaker = subject
            else:
                self._speaker = self.closing_speaker()
        return self._speaker

    def closing_speaker(self) -> PersonMention | None:
        """The speaker of reported words that open the sentence: the one person right after a
        comma or closing quotation mark and right before a verb of saying ("Mr Brown's Budget was
        a trick, the Tory leader said after ..."); None when there is not exactly one."""
        found = [
            p
            for p in self.people
            if (
                _SPEAKER_AFTER.match(self.text, p.end)
                and _COMMA_BEFORE.search(self.text, max(self.start, p.start - 4), p.start)
            )
            or _SAYING_BEFORE.search(self.text, max(self.start, p.start - 16), p.start)
        ]
        return found[0] if len(found) == 1 else None

    def owner_opens(self) -> bool:
        """Whether the main clause opens with a person's possessive ("Mr Begg's father said"):
        its subject is someone the article may not name."""
        after = self.opening() or self.start
        k = bisect.bisect_left(self.starts, after)
        first = self.people[k] if k < len(self.people) else None
        owned = _OWNED_PERSON.match(self.text, first.end) if first is not None else None
        return owned is not None and _LEAD.fullmatch(self.text, after, first.start) is not None

    def other_between(self, lo: int, hi: int, person: PersonMention) -> bool:
        """Whether someone other than ``person`` opens a clause of their own in [lo, hi), named or
        by a role phrase naming nobody found, before an auxiliary: "he was confident Mr Brown
        (the chancellor) would meet his rules"; not "talks with Sergey Lavrov during his visit".
        Only the people and role phrases in [lo, hi) are looked at (a long sentence holds many)."""
        if any(
            other.actor_id != person.actor_id and _AUXILIARY_AFTER.match(self.text, other.end)
            for other in self._people_in(lo, hi)
        ):
            return True
        for k in range(bisect.bisect_left(self.unnamed, lo), len(self.unnamed)):
            if self.unnamed[k] >= hi:
                break
            if _UNNAMED_SUBJECT.match(self.text, self.unnamed[k]):
                return True
        return False

    def another_between(
        self, lo: int, hi: int, person: PersonMention, agrees: Callable[[PersonMention], bool]
    ) -> bool:
        """Whether someone other than ``person`` who agrees is named in [lo, hi)."""
        return any(other.actor_id != person.actor_id and agrees(other) for other in self._people_in(lo, hi))

    def _people_in(self, lo: int, hi: int) -> Iterable[PersonMention]:
        """The people starting in [lo, hi), found by bisection (a long sentence holds many)."""
        for k in range(bisect.bisect_left(self.starts, lo), len(self.people)):
            if self.people[k].start >= hi:
                return
            yield self.people[k]

    def unnamed_title_before(self, pos: int) -> bool:
        """Whether a role phrase naming nobody found, its role word followed by a lower-case
        word or punctuation ("the Conservative leader said"; not "The official Saudi Press
        Agency"), starts in the sentence before ``pos``."""
        if self._unnamed_title == -1:
            self._unnamed_title = next(
                (at for at in self.unnamed if _UNNAMED_TITLE.match(self.text, at)), None
            )
        return self._unnamed_title is not None and self._unnamed_title < pos

    def parenthetical_speaker(self, pos: int) -> bool:
        """Whether ", he claimed," or the like stands in the sentence before ``pos``: a later
        "saying he" is that speaker's, not the clause subject's."""
        if self._parenthetical == -1:
            found = _PARENTHETICAL.search(self.text, self.start, self.end)
            self._parenthetical = found.end() if found else None  # the first ends before any other
        return self._parenthetical is not None and self._parenthetical <= pos

    def opens_with(self, pronoun: re.Match) -> bool:
        """Whether ``pronoun`` is the subject the main clause opens with ("He suggested ...")."""
        found = _SUBJECT_PRONOUN.match(self.text, self.opening() or self.start, pronoun.end())
        return found is not None and found.start(1) == pronoun.start()

    def pronoun_opens(self, gender: str, pos: int) -> bool:
        """Whether the main clause (after any opening subordinate clause) opens, before ``pos``,
        with a pronoun of ``gender`` ("At a conference ..., he said that he")."""
        begin = self.opening() or self.start
        found = _SUBJECT_PRONOUN.match(self.text, begin, pos)
        return found is not None and GENDER_OF[found.group(1).lower()] == gender

    def object_of_opening(self, person: PersonMention, pronoun: re.Match) -> bool:
        """Whether ``pronoun`` opens the main clause after an opening subordinate clause that
        names ``person`` other than as its subject, right after its opening word ("When Mr Blair
        arrived, he" may be Mr Blair; "Before meeting with Bush, he" is not Bush)."""
        opening = self.opening()
        if (
            opening is None
            or person.end > opening
            or not _MARKS_ONLY.fullmatch(self.text, opening, pronoun.start())
        ):
            return False
        word = _OPENING_WORD.match(self.text, self.start)
        return word is None or not _LEAD.fullmatch(self.text, word.end(), person.start)

    def unnamed_between(self, lo: int, hi: int) -> bool:
        """Whether a role phrase naming nobody found starts in [lo, hi)."""
        i = bisect.bisect_left(self.unnamed, lo)
        return i < len(self.unnamed) and self.unnamed[i] < hi

    def clause_break(self, lo: int, hi: int) -> bool:
        """Whether a clause break lies in [lo, hi), ``lo`` the end of a pronoun and ``hi`` the
        start of another (so no word runs across either): the first break after ``lo`` ends by ``hi``."""
        if self._breaks is None:
            self._breaks = [m.span() for m in _CLAUSE_BREAK.finditer(self.text, self.start, self.end)]
        i = bisect.bisect_left(self._breaks, (lo, lo))
        return i < len(self._breaks) and self._breaks[i][1] <= hi

    def earlier(
        self, gender: str, agrees: Callable[[PersonMention], bool]
    ) -> tuple[bool, PersonMention | None]:
        """Rule 7 for a later pronoun: (whether anyone here agrees, the person it then goes to)."""
        if gender not in self._earlier:
            fitting = [p for p in self.people if agrees(p) and not self.quoted.covers(p.start)]
            if not fitting:
                self._earlier[gender] = (False, None)
            else:
                subject = self.closing_speaker() or self.subject(len(self.people))
                if len({p.actor_id for p in fitting}) == 1 and (not self.unnamed or subject in fitting):
                    self._earlier[gender] = (True, fitting[0])
                else:
                    self._earlier[gender] = (
                        True,
                        subject if subject is not None and agrees(subject) else None,
                    )
        return self._earlier[gender]


def _object_of(text: str, end: int, match: re.Match) -> bool:
    """Whether ``match`` is "him" as the object of a verb whose subject ends at ``end``, only
    the verb's words between ("Mr Clarke accused him", "he has told him"): never that person."""
    return match.group().lower() == "him" and _VERB_GAP.fullmatch(text, end, match.start()) is not None


_VERB_GAP = re.compile(r",?\s+(?:[a-z]+\s+){0,2}[a-z]+\s+")  # a comma may close an appositive


def _antecedent(
    text: str,
    match: re.Match,
    sid: int,
    sentence: Callable[[int], _Sentence],
    gender: str,
    agrees: Callable[[PersonMention], bool],
    earlier_pronoun: tuple[int, PersonMention] | None,
    carried: Callable[[int, str], PersonMention | None],
    spoke: dict[int, PersonMention],
    opened: dict[tuple[int, str], PersonMention],
) -> PersonMention | None:
    here = sentence(sid)
    count = here.count(match.start())
    speaker = _SPEAKER_AFTER.match(text, match.end()) is not None  # "he added", "he claimed"
    closing = speaker and _COMMA_BEFORE.search(text, max(here.start, match.start() - 3), match.start())
    if closing:  # rule 3: "..., Mr Howard said. ..., he said." the same speaker
        for earlier in range(sid - 1, max(sid - LOOKBACK, 0) - 1, -1):
            before = sentence(earlier).speaker() or spoke.get(earlier)
            if before is not None:
                return before if agrees(before) else None
            if sentence(earlier).people:
                break  # a sentence naming someone but no speaker: the rules below decide
        if count:
            return None  # "Mr Blair has failed ..., he claimed": the speaker is not the clause's subject
    if count:  # rule 2
        person = here.relative(match.start(), count)
        if person is not None:
            return person if agrees(person) else None
    opening = here.opening()
    if opening is not None and match.end() <= opening and not count:  # rule 3: "Realising his error, X ..."
        subject = here.subject(len(here.people))
        if subject is not None:
            return subject if agrees(subject) else None
    if (
        count
        and not here.parenthetical_speaker(match.start())
        and (
            search_back(_REPORTED, text, here.start, match.start(), _REPORTED_WORDS)
            or search_back(_CONJOINED, text, here.start, match.start(), _CONJOINED_WORDS)
        )
    ):  # rule 3
        subject = here.subject(count)
        if subject is not None and agrees(subject):
            return subject
        if subject is None and here.owner_opens():
            return None  # "Mr Begg's father, Azmat, said he": the speaker is not Mr Begg
        if subject is None and earlier_pronoun is None and here.pronoun_opens(gender, match.start()):
            return None  # "..., he said that he": the same man as the first "he", left open
    if earlier_pronoun is not None:  # rule 4
        end, person = earlier_pronoun
        if not here.clause_break(end, match.start()):
            if text[end - 2 : end].lower() == "he" and _object_of(text, end, match):
                return None  # "He accused him": someone else ("his party instructs him" is no subject)
            if here.other_between(end, match.start(), person):
                return None
            if match.group().lower() == "him" and here.another_between(end, match.start(), person, agrees):
                return None  # "he ... his relationship with George Bush and working with him": Bush
            if search_back(_CONTROLLED, text, here.start, match.start(), 4) and here.another_between(
                end, match.start(), person, agrees
            ):
                return None  # "He urged the chancellor to admit he": the chancellor admits
            return person
    if here.parenthetical_speaker(match.start()):
        return None  # after ", he claimed,": the speaker, unresolved, is the likelier antecedent
    nearest, mixed = here.nearest_fitting(gender, agrees, count)
    if nearest is not None and not mixed:  # rule 5
        if _object_of(text, nearest.end, match):
            return None  # "But Mr Clarke accused him": someone else
        if speaker and _POSSESSIVE_AFTER.match(text, nearest.end):
            return None  # "Mr Blair's government was ...," he added: the speaker is someone else
        if here.unnamed_between(nearest.end, match.start()) or here.unnamed_title_before(nearest.start):
            return None  # "the Pakistani president met Mr Blair ... on his": that president, unnamed
        if here.object_of_opening(nearest, match):
            return None  # "At a conference hosted by Gordon Brown, he said": someone else spoke
        return nearest
    if nearest is not None:  # rule 6
        return nearest if _same_phrase(text, nearest.end, match.start()) else None
    if here.unnamed_title_before(match.start()):
        return None  # "..., the Conservative leader said in his message": that leader, unnamed
    for earlier in range(sid - 1, max(sid - LOOKBACK, 0) - 1, -1):  # rule 7
        found, person = sentence(earlier).earlier(gender, agrees)
        opener = opened.get((earlier, gender))
        if found and opener is not None and (person is None or person.actor_id != opener.actor_id):
            return opener  # "He suggested that Lord Falconer ... . He said": the subject goes on
        if found and person is not None and sentence(earlier).speaks(gender):
            speaker = spoke.get(earlier)  # "..., he claimed, by the defection of Robert Jackson": the speaker
            return speaker if speaker is not None and agrees(speaker) else None
        if found:
            return person
        if sentence(earlier).unnamed_title_before(sentence(earlier).end):
            return None  # passed "the prime minister talked about ...": that one, unnamed
        person = carried(earlier, gender)
        if person is not None:
            return person  # "He became an MP ... He gained a reputation ...": the same man
    return None


def _same_phrase(text: str, lo: int, hi: int) -> bool:
    """Whether a pronoun at ``hi`` after a person ending at ``lo`` still belongs to the phrase that
    names them: a few words ending in "of", no punctuation, no verb, conjunction or relative
    word between ("the King of Morocco Mohammed VI on importance of his participation")."""
    if _NON_SPACE.search(text, lo, words_back(text, lo, hi, 5)):
        return False  # more than five words
    gap = text[lo:hi]
    words = gap.split()
    return (
        0 < len(words) <= 4
        and words[-1].lower() == "of"
        and not re.search(r"[,;:.()\"“”]", gap)
        and not any(w.lower() in _CLAUSE_WORDS or w.lower().endswith("ed") for w in words)
    )


_THE = re.compile(r"\b[Tt]he\s+")
_MARKS_ONLY = re.compile(r"[\s\"“‘'(]*")
# A pronoun opening the clause of an infinitive whose doer is the person named before it:
# "urged the chancellor to admit he", "asked Mr Brown to say whether he".
_CONTROLLED = re.compile(r"(?<!\w)to\s+[a-z]+\s+(?:that\s+|whether\s+|if\s+)?$")
_SUBJECT_PRONOUN = re.compile(_MARKS_ONLY.pattern + r"(he|she|they)\b", re.I)
# A name given to the subject, not someone else: "He will be known Baron Kinnock", "he became Lord X".
_NAMING_BEFORE = re.compile(r"\b(?:is|was|be|been|became|becomes|known|named|called|dubbed|styled|as)\s+$")
_CONJOINED = re.compile(
    r"\band\s+(?:also\s+)?(?:expressed|voiced|reiterated|conveyed|extended|offered|reaffirmed|stressed|"
    r"underlined|emphasi[sz]ed|noted|outlined|shared|stated|explained)\s+$"
    r"|\b(?:said|says|told|added)\s+(?:that\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}and\s+$"  # "said Mukherjee and he"
)
_CONJOINED_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[;:\"“”]|\b(?:who|whom|which|but|while|whereas)\b")


_CLAUSE_WORDS = frozenset(
    "and but or who whom which that while whereas said says told tells met meets asked is was are were has had".split()
)


_COMMA = re.compile(r"\s*,\s*")
_SAYING = r"said|says|added|adds|claimed|argued|insisted|told|warned"
_SPEAKER_AFTER = re.compile(rf"\s+(?:{_SAYING}|claims|stressed)\b")
_SAYS_AFTER = re.compile(rf"\s+(?:has\s+|had\s+)?(?:{_SAYING})\b")
_COMMA_BEFORE = re.compile(r",[\s\"”’']*$")
_SAYING_BEFORE = re.compile(rf",[\"”’']?\s*(?:{_SAYING})\s+$")  # ", argued Mr Howard": the speaker after
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_ROLE_HEAD_WORDS = "|".join(sorted(ROLE_HEADS, key=lambda w: (-len(w), w)))  # longest first
_AUXILIARY = r"\s+(?:would|will|was|is|had|has|could|should|may|might|must|did|does)\b"
_AUXILIARY_AFTER = re.compile(_AUXILIARY)
_UNNAMED_SUBJECT = re.compile(r"[Tt]he\s+(?:[\w.-]+\s+){0,3}?(?:" + _ROLE_HEAD_WORDS + r")" + _AUXILIARY)
# A person's possessive before a person ("Mr Begg's father", "Mr Blair's spokesman"): another person.
_OWNED_PERSON = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:father|mother|son|daughter|wife|husband|brother|sister|partner|family|"
    + _ROLE_HEAD_WORDS
    + r")\b"
)
_UNNAMED_TITLE = re.compile(
    r"[Tt]he\s+(?:[\w.-]+\s+){0,3}?(?:" + _ROLE_HEAD_WORDS + r")(?=\s*[,.;:]|\s+[a-z])"
)
_PARENTHETICAL = re.compile(r",\s*(?:he|she)\s+(?:said|claimed|added|argued|insisted|warned)\s*,")
_OPENING_QUOTE = re.compile(r"\s*(?:\"[^\"]*\"|“[^”]*”)\s*,?\s*")


_LEAD = re.compile(
    r"[\s\"“‘'(]*(?:(?:But|And|Yet|So)\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}['’]s\s+"
    r"|(?:" + "|".join(party.replace(" ", r"\s+") for party in PARTIES) + r")\s+)?"
)  # what may open a sentence before its subject: "The", "Bush's", a party ("Lib Dem Sir Archy ...")
