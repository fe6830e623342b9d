"""Finding every reference to a registered actor, and saying how the actor was referred to.

Each mention has a ``kind``:

- ``name``: a name, short form, initials or acronym ("Akylbek Kamaldinov", "A.Kamaldinov",
  "OIC"). A title written directly against a person's name belongs to the name mention
  ("President Nursultan Nazarbayev" is one mention), as do chained titles joined by a dash, a
  comma or "and";
  like every name mention it never starts with "the".
- ``adjective``: a demonym or adjective of a country ("Kazakh", "Moroccan"), also in the
  plural when it names the people ("Kazakhs", "Americans").
- ``title``: a role phrase standing alone ("the Special Envoy", "the Moroccan FM"). It is
  resolved to the actor holding that role *who is named in this article*: the nearest such name
  before it, else the first after it; a country qualifier ("Moroccan", "of Morocco") keeps only
  holders of that country. A title whose holder is not named in the article is left out, since
  roles change hands and the registry cannot know who held one on the article's date.
- ``pronoun``: he/him/his, she/her, they/them/their, resolved to a person whose registry
  ``pronoun`` agrees. A pronoun opening a sentence refers to the subject (first person
  mentioned) of the nearest earlier sentence, within three sentences; any other pronoun to the
  nearest person mentioned before it in its sentence, falling back to that subject. Pronouns
  with no such person (e.g. "their views" after "The sides") are left out.

Mentions nest: a mention of one actor may lie inside a mention of another ("Moroccan" in "the
Moroccan King", "OIC" in "OIC Summit", "the President" in "Special Envoy of the President").
A mention inside another of the *same* actor is dropped ("Morocco" in "Kingdom of Morocco").
Only text inside sentences is searched, so the dateline never yields mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from analysis.organizations import organization_mentions
from analysis.patterns import normal_form, trie_pattern, words_pattern
from analysis.people import (
    discover_people,
    office_holders,
    people_mentions,
    people_titles,
    shared_form_mentions,
)
from analysis.places import place_mentions
from analysis.pronouns import PersonMention, own_usage, resolve_pronouns
from analysis.registry import Actor, Registry

# Words that turn a registered role into a different one ("Prime Minister", "Vice President").
ROLE_MODIFIERS = frozenset(
    ["vice", "deputy", "prime", "former", "acting", "first", "second", "interim", "ex", "chief", "assistant"]
)
# Names that are also ordinary words: never matched in a lower-case sentence.
CASE_AMBIGUOUS = frozenset(
    "us turkey chad jordan georgia guinea china niger mali chile panama jersey".split()
)
_WORD_END = re.compile(r"(?<=\w)(?=\W)")
# What may stand between a title and the name it belongs to, or between two chained titles.
_TITLE_GAP = re.compile(r"\s*(?:(?:[-–—,]|and)\s*)?")
_TITLE_GAP_MAX = 16
_WORD_BEFORE = re.compile(r"([\w.'’-]+)\s*$")
_NON_SPACE = re.compile(r"\S")
_ASCII_LOWER = re.compile(r"[a-z]")
_ASCII_CAPITAL = re.compile(r"[A-Z]")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor_id: str
    kind: str
    antecedent: tuple[int, int, str] | None = None  # key of the name mention it was resolved to
    nested: bool = False

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.actor_id)


@dataclass(frozen=True)
class Found:
    """What the finder found in one article: the mentions, and the actors it discovered there."""

    mentions: list[Mention]
    discovered: tuple[Actor, ...]


@dataclass(frozen=True)
class _Title:
    start: int
    end: int
    role: str
    country: str | None
    body_start: int  # after a leading "the": where a name mention absorbing this title starts


class MentionFinder:
    """Compiled patterns for one registry; reuse one finder across many articles."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.names = re.compile(words_pattern(registry.names))
        # Demonyms also name the people, in the plural ("Kazakhs", "Moroccans", "Americans").
        self.adjectives = re.compile(words_pattern(registry.adjectives, suffix="s?"))
        country_forms = [
            form
            for table in (registry.names, registry.adjectives)
            for form, actor_id in table.items()
            if registry[actor_id].type == "country"
        ]
        country_names = [f for f in registry.names if registry[registry.names[f]].type == "country"]
        written = {t for actor in registry.actors.values() for t in actor.titles}
        acronyms = {t for t in written if t.isupper()}
        # Titles in capitals (FM) keep their case; other titles match in any case ("the king").
        roles = rf"(?i:{trie_pattern(t.lower() for t in written - acronyms)})|{trie_pattern(acronyms)}"
        self.titles = re.compile(
            r"(?<!\w)(?:(?P<det>[Tt]he)\s+)?"
            rf"(?:(?P<adj>{words_pattern(country_forms)})(?P<possessive>['’]s)?\s+)?"
            rf"(?P<role>{roles})"
            rf"(?:\s+of\s+(?:the\s+)?(?P<of>{words_pattern(country_names)}))?"
            r"(?!\w)"
        )
        self._country_of = {**registry.names, **registry.adjectives}
        self._titles_of = {
            a.actor_id: frozenset(t.lower() for t in a.titles) for a in registry.actors.values()
        }

    def find(self, text: str, sentence_spans: list[tuple[int, int]]) -> Found:
        """All mentions in the sentences of ``text`` (each sentence a (start, end) span, in order),
        and the people discovered there (``analysis.people``)."""
        if not sentence_spans:
            return Found([], ())
        mentions = self.registered(text, sentence_spans)
        covered = [(m.start, m.end) for m in mentions if m.kind in ("name", "title")]
        discovery = discover_people(text, sentence_spans, self.registry, covered)
        discovered = list(discovery.actors)
        found_names = people_mentions(text, sentence_spans, discovered, covered, self.registry)
        found_names += shared_form_mentions(
            text, sentence_spans, discovered, found_names, covered, self.registry
        )
        named = [Mention(s, e, a, "name") for s, e, a in found_names]
        unheld: list[tuple[int, int, str]] = []
        titled = [
            Mention(s, e, a, "title", key)
            for s, e, a, key in people_titles(
                text, sentence_spans, discovered, [m.key for m in named], covered, self.registry, unheld
            )
        ]
        offices, office_titles = office_holders(text, unheld, discovered)
        discovered += offices
        titled += [Mention(s, e, a, "title") for s, e, a in office_titles]
        titled += _appositive_titles(discovery.titles, named)
        covered += [(m.start, m.end) for m in named + titled]
        for discover in (organization_mentions, place_mentions):
            bodies, spans_found = discover(text, sentence_spans, self.registry, covered)
            discovered += bodies
            named += [Mention(s, e, a, "name") for s, e, a in spans_found]
            covered += [(s, e) for s, e, _ in spans_found]
        mentions = _one_mention_per_reference(mentions + named + titled)
        actors = {**self.registry.actors, **{a.actor_id: a for a in discovered}}
        people = _person_mentions(mentions, actors)
        discovered = _with_own_genders(text, people, discovered, discovery.open_gender)
        actors.update((a.actor_id, a) for a in discovered)
        resolved = resolve_pronouns(text, people, sentence_spans, lambda a: actors[a].pronoun)
        mentions += [Mention(s, e, actor_id, "pronoun", key) for s, e, actor_id, key in resolved]
        return Found(_mark_nesting(_within_sentences(mentions, sentence_spans)), tuple(discovered))

    def registered(self, text: str, sentence_spans: list[tuple[int, int]]) -> list[Mention]:
        """The names, adjectives and titles of registered actors (the first step of ``find``)."""
        sentence_starts = [s for s, _ in sentence_spans]
        lo, hi = sentence_spans[0][0], sentence_spans[-1][1]
        names = self._scan_names(text, lo, hi)
        titles = self._scan_titles(text, lo, hi, sentence_starts)
        names, titles = self._merge_titles_into_names(text, names, titles)
        adjectives = [
            Mention(m.start(), m.end(), self._demonym(m.group()), "adjective")
            for m in self.adjectives.finditer(text, lo, hi)
        ]
        cases = [sentence_case(text, start, end) for start, end in sentence_spans]
        names += self._other_case(text, sentence_spans, cases, self.names, "name", names)
        adjectives += self._other_case(text, sentence_spans, cases, self.adjectives, "adjective", adjectives)
        mentions = _drop_same_actor_nesting(names + adjectives)
        return self._resolve_titles(mentions, titles)

    def _other_case(
        self,
        text: str,
        sentence_spans: list[tuple[int, int]],
        cases: list[str | None],
        pattern: re.Pattern,
        kind: str,
        found: list[Mention],
    ) -> list[Mention]:
        """Registered names and demonyms in sentences set all in capitals or all in lower case
        (``cases``: each sentence's ``sentence_case``).

        Such a sentence is matched as if written in title case ("IRAN" and "iran" as "Iran");
        offsets are unchanged. In lower case a form that is also a common word ("us", "turkey",
        "chad") is not a name, and in capitals "US" is left alone, as it may be the pronoun.
        """
        seen = {(m.start, m.end) for m in found}
        out = []
        for (start, end), case in zip(sentence_spans, cases, strict=True):
            if case is None:
                continue
            view = text[start:end].title()
            if len(view) != end - start:
                continue
            for match in pattern.finditer(view):
                s, e = start + match.start(), start + match.end()
                written = text[s:e]
                if (
                    (s, e) in seen
                    or written.lower() in CASE_AMBIGUOUS
                    or (case == "upper" and written == "US")
                ):
                    continue
                actor_id = (
                    self._demonym(match.group())
                    if kind == "adjective"
                    else self.registry.names[normal_form(match.group())]
                )
                out.append(Mention(s, e, actor_id, kind))
        return out

    def _demonym(self, matched: str) -> str:
        form = normal_form(matched)
        return self.registry.adjectives.get(form) or self.registry.adjectives[form[:-1]]

    def _scan_names(self, text: str, lo: int, hi: int) -> list[Mention]:
        """Longest names, plus the names nested inside them ("OIC" in "OIC Summit")."""
        found = []
        for match in self.names.finditer(text, lo, hi):
            start, end = match.span()
            found.append(Mention(start, end, self.registry.names[normal_form(match.group())], "name"))
            inner = [
                self.names.fullmatch(text, start, e.start()) for e in _WORD_END.finditer(text, start, end)
            ]
            inner += list(self.names.finditer(text, start + 1, end))
            found.extend(
                Mention(*m.span(), self.registry.names[normal_form(m.group())], "name") for m in inner if m
            )
        return found

    def _scan_titles(self, text: str, lo: int, hi: int, sentence_starts: list[int]) -> list[_Title]:
        found = []
        for match in self.titles.finditer(text, lo, hi):
            found.extend(self._title(text, match, sentence_starts))
            for inner in self.titles.finditer(text, match.start() + 1, match.end()):
                found.extend(self._title(text, inner, sentence_starts))
        return found

    def _title(self, text: str, match: re.Match, sentence_starts: list[int]) -> list[_Title]:
        """A title match, unless the word before makes it another role ("Prime Minister").

        That word is a modifier such as "Vice" or "former", or any capitalised word that does not
        open the sentence ("Energy Minister"); a sentence's first word ("Because President
        Biden") is ordinary. A possessive country ("Kazakhstan's Special Representative")
        qualifies the title but stays outside a name mention the title joins.
        """
        if not match["det"] and not match["adj"]:
            i = max(bisect.bisect_right(sentence_starts, match.start()) - 1, 0)
            sentence_start = sentence_starts[i]
            before = _WORD_BEFORE.search(text, _last_word(text, sentence_start, match.start()), match.start())
            if before and (
                before[1].lower() in ROLE_MODIFIERS
                or (before[1][0].isupper() and _NON_SPACE.search(text, sentence_start, before.start()))
            ):
                return []
        qualifier = match["adj"] or match["of"]
        country = self._country_of.get(normal_form(qualifier)) if qualifier else None
        body_start = match.start("adj") if match["adj"] and not match["possessive"] else match.start("role")
        return [_Title(match.start(), match.end(), normal_form(match["role"]).lower(), country, body_start)]

    def _holds(self, actor_id: str, title: _Title) -> bool:
        actor = self.registry[actor_id]
        return title.role in self._titles_of[actor_id] and (
            title.country is None or title.country == actor.country
        )

    def _merge_titles_into_names(self, text, names, titles):
        """Fold titles written against a person's name into that name mention."""
        by_end: dict[int, list[_Title]] = {}
        for title in titles:
            by_end.setdefault(title.end, []).append(title)
        used: set[_Title] = set()
        merged = []
        for name in names:
            if self.registry[name.actor_id].type == "person":
                name = self._extend_with_titles(text, name, by_end, used)
            merged.append(name)
        return merged, [t for t in titles if t not in used]

    def _extend_with_titles(self, text, name: Mention, by_end, used) -> Mention:
        """Walk left from the name over adjoining titles its holder holds ("President ...")."""
        while True:
            ends = [
                end
                for end in range(max(name.start - _TITLE_GAP_MAX, 0), name.start + 1)
                if end in by_end and _TITLE_GAP.fullmatch(text, end, name.start)
            ]
            before = [
                t
                for end in ends
                for t in by_end.get(end, ())
                if t not in used and self._holds(name.actor_id, t)
            ]
            if not before:
                return name
            title = min(before, key=lambda t: t.start)
            used.update(
                t
                for end in range(title.end, name.start + 1)
                for t in by_end.get(end, ())
                if t.start >= title.start and self._holds(name.actor_id, t)
            )
            used.add(title)
            name = replace(name, start=title.body_start)

    def _resolve_titles(self, mentions: list[Mention], titles: list[_Title]) -> list[Mention]:
        named: dict[str, list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            if m.kind == "name":
                named.setdefault(m.actor_id, []).append(m)
        starts_of = {actor_id: [m.start for m in spots] for actor_id, spots in named.items()}
        resolved = list(mentions)
        for title in titles:
            holders = [a for a in self.registry.titles[title.role] if a in named and self._holds(a, title)]
            options = []
            for actor_id in holders:
                spots = named[actor_id]
                starts = starts_of[actor_id]
                i = bisect.bisect_left(starts, title.start)
                before = next((m for m in reversed(spots[max(i - 2, 0) : i]) if not _inside(title, m)), None)
                after = next((m for m in spots[i : i + 2] if not _inside(title, m)), None)
                if before is not None:
                    options.append((0, title.start - before.start, before))
                elif after is not None:
                    options.append((1, after.start - title.start, after))
            if options:
                target = min(options, key=lambda o: (o[0], o[1]))[2]
                resolved.append(Mention(title.start, title.end, target.actor_id, "title", target.key))
        return _drop_same_actor_nesting(resolved)


def mention_rows(text: str, found: Found, sentence_starts: list[int], registry: Registry) -> dict[str, list]:
    """The mentions as table columns (see ``analysis.tables.MENTIONS``), in reading order."""
    mentions = sorted(found.mentions, key=lambda m: (m.start, -m.end, m.kind, m.actor_id))
    index = {m.key: i for i, m in enumerate(mentions) if m.kind == "name"}
    lookup = {**registry.actors, **{a.actor_id: a for a in found.discovered}}
    actors = [lookup[m.actor_id] for m in mentions]
    return {
        "mention_id": list(range(len(mentions))),
        "sentence_id": [bisect.bisect_right(sentence_starts, m.start) - 1 for m in mentions],
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "text": [text[m.start : m.end] for m in mentions],
        "actor_id": [m.actor_id for m in mentions],
        "actor": [a.name for a in actors],
        "actor_type": [a.type for a in actors],
        "kind": [m.kind for m in mentions],
        "registered": [m.actor_id in registry.actors for m in mentions],
        "nested": [m.nested for m in mentions],
        "antecedent_id": [index.get(m.antecedent) for m in mentions],
    }


def sentence_case(text: str, start: int, end: int) -> str | None:
    """ "upper" or "lower" for a sentence of 20 letters or more set in one case, else None.

    >>> sentence_case("IRAN OIL MINISTER ARRIVES IN ALGERIA", 0, 36), sentence_case("the cuban role", 0, 14)
    ('upper', None)
    """
    if end - start < 20:
        return None
    first = start
    while first < end and not text[first].isalpha():
        first += 1
    lower = _ASCII_LOWER.search(text, start, end)
    if lower and _ASCII_CAPITAL.search(text, first + 1, end):
        return None  # the quick answer for most sentences: both cases, a capital after the first letter
    sentence = text[start:end]
    if sentence.isascii():  # letters are A-Z and a-z: no a-z, or none of A-Z after the first letter
        if sum(map(str.isalpha, sentence)) < 20:
            return None
        return "lower" if lower else "upper"
    letters = [c for c in sentence if c.isalpha()]
    if len(letters) < 20:
        return None
    if all(c.isupper() for c in letters):
        return "upper"
    if not any(c.isupper() for c in letters[1:]):
        return "lower"
    return None


def _last_word(text: str, lo: int, at: int) -> int:
    """Where the last word before ``at`` (after the white space before it) begins, not before
    ``lo``: a pattern for the word before a match is searched from there, not from the
    sentence's start (which made a long sentence quadratic)."""
    i = at
    while i > lo and text[i - 1].isspace():
        i -= 1
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return i


def _inside(inner, outer) -> bool:
    """True when ``inner`` lies within ``outer`` and is not the same stretch of text."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (inner.start, inner.end) != (outer.start, outer.end)
    )


def _person_mentions(mentions: list[Mention], actors: dict[str, Actor]) -> list[PersonMention]:
    """The outermost name and title mentions of people, in reading order: what pronouns and the
    article's own gender usage are read against."""
    return [
        PersonMention(m.start, m.end, m.actor_id, m.antecedent if m.kind == "title" else m.key)
        for m in _outermost(sorted(mentions, key=lambda m: (m.start, -m.end)))
        if m.kind in ("name", "title") and actors[m.actor_id].type == "person"
    ]


def _with_own_genders(
    text: str, people: list[PersonMention], discovered: list[Actor], open_gender: frozenset[str]
) -> list[Actor]:
    """The discovered actors, those whose gender no honorific gave (``open_gender``) with the
    gender the article's own usage gives them, where it gives one (``pronouns.own_usage``)."""
    usage = {actor_id: g for actor_id, g in own_usage(text, people).items() if actor_id in open_gender}
    return [replace(a, pronoun=usage[a.actor_id]) if a.actor_id in usage else a for a in discovered]


def _outermost(ordered: list[Mention]) -> list[Mention]:
    """Of mentions sorted by (start, -end), those not inside an earlier one (one sweep)."""
    kept, reach = [], -1
    for m in ordered:
        if m.end > reach or (kept and (m.start, m.end) == (kept[-1].start, kept[-1].end)):
            kept.append(m)
        reach = max(reach, m.end)
    return kept


def _drop_same_actor_nesting(mentions: list[Mention]) -> list[Mention]:
    """Per actor, keep the outermost mention of each stretch of text, and no exact repeats."""
    by_actor: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.kind != "name")):
        by_actor.setdefault(m.actor_id, []).append(m)
    kept = []
    for group in by_actor.values():
        seen, reach = set(), -1
        for m in group:
            if (m.start, m.end) in seen or m.end <= reach:
                continue
            seen.add((m.start, m.end))
            reach = max(reach, m.end)
            kept.append(m)
    return kept


def actor_rows(mention_columns: dict[str, list], found: Found, registry: Registry) -> dict[str, list]:
    """One row per actor the article mentions, in order of first mention (``tables.ACTORS``).

    For a registered actor the row repeats the registry; for a discovered one it is what the
    article said: the names it wrote, the roles it gave, the country and pronoun found.
    """
    lookup = {**registry.actors, **{a.actor_id: a for a in found.discovered}}
    counts: dict[str, int] = {}
    for actor_id in mention_columns["actor_id"]:
        counts[actor_id] = counts.get(actor_id, 0) + 1
    actors = [lookup[a] for a in counts]
    return {
        "actor_id": [a.actor_id for a in actors],
        "actor": [a.name for a in actors],
        "actor_type": [a.type for a in actors],
        "registered": [a.actor_id in registry.actors for a in actors],
        "country": [a.country for a in actors],
        "titles": ["|".join(a.titles) for a in actors],
        "aliases": ["|".join(a.aliases) for a in actors],
        "pronoun": [a.pronoun for a in actors],
        "mentions": [counts[a.actor_id] for a in actors],
    }


def _appositive_titles(titles: tuple[tuple[int, int, str], ...], named: list[Mention]) -> list[Mention]:
    """Appositive roles ("Herrington, the U.S. Energy Secretary,") as titles of the name beside them."""
    out = []
    for start, end, actor_id in titles:
        names = [m for m in named if m.actor_id == actor_id]
        if names:
            nearest = min(names, key=lambda m: min(abs(m.end - start), abs(end - m.start)))
            out.append(Mention(start, end, actor_id, "title", nearest.key))
    return out


def _one_mention_per_reference(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions of one actor are one reference: the name (else the longer) stays.

    "Saudi Arabia's Crown Prince" (a title) and "Crown Prince Abdullah" (a name) overlap
    without nesting; counting both would count one reference twice.
    """
    kept: list[Mention] = []
    by_actor: dict[str, tuple[list[int], list[int]]] = {}  # starts and ends of the kept, in order
    for m in sorted(mentions, key=lambda m: (m.kind != "name", -(m.end - m.start), m.start)):
        starts, ends = by_actor.setdefault(m.actor_id, ([], []))
        # The kept spans of one actor do not overlap, so only the last one starting before
        # ``m.end`` can reach past ``m.start``.
        i = bisect.bisect_left(starts, m.end)
        if i and ends[i - 1] > m.start:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.append(m)
    return kept


def _within_sentences(mentions: list[Mention], sentence_spans: list[tuple[int, int]]) -> list[Mention]:
    sentence_starts = [s for s, _ in sentence_spans]
    kept = []
    for m in mentions:
        i = bisect.bisect_right(sentence_starts, m.start) - 1
        if i >= 0 and m.end <= sentence_spans[i][1]:
            kept.append(m)
    return kept


def _mark_nesting(mentions: list[Mention]) -> list[Mention]:
    """Flag each mention that lies inside a mention of another actor (one sweep)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    out, reach = [], -1
    for m in ordered:
        out.append(replace(m, nested=m.end <= reach and (m.start, m.end) != _last_span(out)))
        reach = max(reach, m.end)
    return out


def _last_span(out: list[Mention]) -> tuple[int, int] | None:
    return (out[-1].start, out[-1].end) if out else None
