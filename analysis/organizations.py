"""Finding the organisations of an article that the registry does not know, by their head words.

A run of capitalised words (joined by "of", "the", "and", "for") that no other mention covers
names an organisation when it has at least two words and one of them is a head word of
bodies: "Ministry", "Council", "Committee", "Bank", "Agency", "Organization", "Institute",
"University", "Fund", "Party", "Department", "Office", "Embassy", "Parliament", "Commission",
"Authority", "Association", "Union", ... ("Cato Institute", "Ministry of Foreign Affairs",
"Cuban Foreign Ministry"). A few bodies are known by one word ("Pentagon", "Kremlin"). The run
starts at its first capitalised word that is not a sentence opener ("The", "In"); a country or
its adjective inside the name ("Cuban Foreign Ministry", "Embassy of Kazakhstan") gives the
organisation its country. The same name written twice is one actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis import spans
from analysis.registry import Actor, Registry

HEADS = frozenset(
    """
    ministry council committee bank agency organization organisation institute university fund
    party department office embassy consulate parliament senate assembly commission authority
    association union federation company corporation corp inc ltd plc forum court foundation
    centre center school college academy movement front alliance coalition administration
    secretariat directorate bureau chamber chambers service police army navy group
    """.split()
)
ONE_WORD_BODIES = frozenset({"Pentagon", "Kremlin", "Knesset", "Duma", "Bundestag", "Majlis"})
_RUN = re.compile(r"(?<![\w.’'-])[A-Z][\w’'.&-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w’'.&-]*)*(?![\w-])")
_AND_THE = re.compile(r"\s+and\s+the\s+")
_WORD = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_OPENERS = frozenset("The A An This That In On At For From By With As But And Or If When While".split())


def organization_mentions(
    text: str, sentence_spans: list[tuple[int, int]], registry: Registry, covered: Iterable[tuple[int, int]]
) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    """Organisation actors and their (start, end, actor_id) name mentions (module docstring)."""
    from analysis.people import country_of_word, discovered_id, is_country_word

    merged = spans.merge(covered)
    actors: dict[str, Actor] = {}
    found = []
    for start, end in sentence_spans:
        for run in _RUN.finditer(text, start, end):
            pieces = [
                piece
                for s, e in spans.uncovered(run.start(), run.end(), merged)
                for piece in _split_at_and_the(text, s, e)
            ]
            for s, e in pieces:
                piece = _trim(text, s, e)
                if piece is None:
                    continue
                s, e = piece
                words = text[s:e].split()
                if not (
                    (len(words) >= 2 and any(w.lower().rstrip(".,") in HEADS for w in words))
                    or (len(words) == 1 and words[0] in ONE_WORD_BODIES)
                ):
                    continue
                name = " ".join(words)
                if name in registry.names:
                    continue
                actor_id = discovered_id(name)
                if actor_id in registry.actors:
                    actor_id += "-org"
                country = next(
                    (country_of_word(w, registry) for w in words if is_country_word(w, registry)), None
                )
                actors.setdefault(
                    actor_id, Actor(actor_id, name, "organization", country, None, (), (), (), None)
                )
                found.append((s, e, actor_id))
    return list(actors.values()), found


def _split_at_and_the(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two bodies joined by "and the" are two ("the Department of State and the Center ...")."""
    cuts = [m.span() for m in _AND_THE.finditer(text[start:end])]
    pieces, cursor = [], start
    for s, e in cuts:
        pieces.append((cursor, start + s))
        cursor = start + e
    return [*pieces, (cursor, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The run without sentence openers, joiners and a possessive at its edges."""
    words = list(_WORD.finditer(text[start:end]))
    while words and (
        words[0].group() in _OPENERS or words[0].group().lower() in ("of", "the", "and", "for", "on")
    ):
        words.pop(0)
    while words and words[-1].group().lower() in ("of", "the", "and", "for"):
        words.pop()
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    if _POSSESSIVE_END.search(text[s:e]):
        e -= 2
    if text[e - 1] in ".,":
        e -= 1
    return (s, e) if s < e else None
