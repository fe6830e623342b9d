"""The actor registry: who can be mentioned, and every way the text may refer to them.

The registry is plain CSV under ``data/registry/`` so that it can be reviewed and extended by
hand. Each row is one actor; ``|`` separates the several forms a cell may hold:

``actor_id,name,type,country,code,aliases,adjectives,titles,pronoun``

A person's short forms are derived from the full name rather than listed (``Akylbek
Kamaldinov`` gives ``A.Kamaldinov``, ``A. Kamaldinov`` and ``Kamaldinov``), because wire copy
uses all of them and nobody should have to type them for every person. Titles are role phrases
(``Special Envoy``, ``FM``, ``King``); the mention finder resolves them to the holder named in
the article, and accepts them qualified by a country (``the Moroccan FM``, ``King of Morocco``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import pandas as pd

from analysis.config import REGISTRY_FILES
from analysis.csvfiles import csv_rows
from analysis.errors import RegistryError
from analysis.patterns import file_key, normal_form
from analysis.tables import ACTOR_TYPES

COLUMNS = ("actor_id", "name", "type", "country", "code", "aliases", "adjectives", "titles", "pronoun")
REQUIRED = ("actor_id", "name", "type")
PRONOUNS = ("he", "she", "they")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    type: str
    country: str | None
    code: str | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    titles: tuple[str, ...]
    pronoun: str | None


@dataclass(frozen=True)
class Registry:
    """All actors, with lookup tables from each surface form to the actor it names."""

    actors: dict[str, Actor]
    names: dict[str, str]
    adjectives: dict[str, str]
    titles: dict[str, tuple[str, ...]]

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The forms that name a country or a place: a name, else an adjective ("Saudi")."""
        owner = {**self.adjectives, **self.names}  # a form that is a name is read as that name
        return frozenset(
            form for form, actor_id in owner.items() if self.actors[actor_id].type in ("country", "place")
        )

    @cached_property
    def place_first_words(self) -> frozenset[str]:
        """The first word of every form in ``place_words``."""
        return frozenset(form.split(" ")[0] for form in self.place_words)

    def frame(self) -> pd.DataFrame:
        """The registry as a DataFrame, one row per actor, forms joined with ``|``."""
        rows = [
            {
                "actor_id": a.actor_id,
                "name": a.name,
                "type": a.type,
                "country": a.country,
                "names": "|".join(sorted(f for f, i in self.names.items() if i == a.actor_id)),
                "adjectives": "|".join(a.adjectives),
                "titles": "|".join(a.titles),
                "pronoun": a.pronoun,
            }
            for a in self.actors.values()
        ]
        frame = pd.DataFrame(rows)
        frame["type"] = pd.Categorical(frame["type"], categories=ACTOR_TYPES)
        return frame


def person_name_forms(full_name: str) -> list[str]:
    """The ways news copy writes a person's name, derived from the full name.

    >>> person_name_forms("Akylbek Kamaldinov")
    ['Akylbek Kamaldinov', 'A.Kamaldinov', 'A. Kamaldinov', 'Kamaldinov']
    >>> person_name_forms("Kassym-Jomart Tokayev")
    ['Kassym-Jomart Tokayev', 'K.Tokayev', 'K. Tokayev', 'K.-J. Tokayev', 'Tokayev']
    >>> person_name_forms("Mohammed VI")  # a regnal name has no surname to shorten to
    ['Mohammed VI']
    """
    words = full_name.split()
    if len(words) < 2 or ROMAN.fullmatch(words[-1]) or any(w[0].islower() for w in words):
        return [full_name]
    first, surname = words[0], words[-1]
    forms = [full_name, f"{first[0]}.{surname}", f"{first[0]}. {surname}"]
    if "-" in first:
        initials = "-".join(f"{part[0]}." for part in first.split("-"))
        forms.append(f"{initials} {surname}")
    forms.append(surname)
    return forms


def load_registry(paths: str | Path | tuple[str | Path, ...] | list[str | Path] | None = None) -> Registry:
    """Read and check registry files (the defaults under ``data/registry/`` when ``paths`` is None).

    A malformed file raises ``RegistryError`` naming the file, the row and the problem. The
    files are read once per version: calling again after one changed reads them anew.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _load(tuple(file_key(Path(p)) for p in (paths or REGISTRY_FILES)))


@cache
def _load(keys: tuple[tuple, ...]) -> Registry:
    paths = [key[0] for key in keys]
    rows = [(path, line, row) for path in paths for line, row in _read_rows(path)]
    actors: dict[str, Actor] = {}
    where: dict[str, tuple[Path, int]] = {}
    for path, line, row in rows:
        actor = _actor_from_row(path, line, row)
        if actor.actor_id in actors:
            first_path, first_line = where[actor.actor_id]
            raise RegistryError(
                path,
                f"row {line}: actor_id {actor.actor_id!r} is already used in {first_path} row {first_line}",
                "give each actor one row with a unique actor_id",
            )
        actors[actor.actor_id] = actor
        where[actor.actor_id] = (path, line)
    for actor in actors.values():
        _check_country(actor, actors, where)
    names, adjectives = _surface_forms(actors, where)
    titles: dict[str, list[str]] = {}
    for actor in actors.values():
        for title in actor.titles:
            titles.setdefault(title.lower(), []).append(actor.actor_id)
    return Registry(actors, names, adjectives, {t: tuple(ids) for t, ids in titles.items()})


def _read_rows(path: Path):
    return csv_rows(path, COLUMNS, REQUIRED, RegistryError, "registry CSV file")


def _check_country(actor: Actor, actors: dict[str, Actor], where) -> None:
    """An actor's ``country`` is a country row; a country may name itself, nothing else may."""
    country = actors.get(actor.country) if actor.country else None
    if not actor.country or (country is not None and country.type == "country"):
        return
    path, line = where[actor.actor_id]
    if country is None:
        problem = f"country {actor.country!r} is not an actor_id in the registry"
    elif country is actor:
        problem = f"country {actor.country!r} is the {actor.type} itself"
    else:
        problem = f"country {actor.country!r} is a {country.type}, not a country"
    raise RegistryError(
        path, f"row {line}: {problem}", "use the actor_id of a country row (e.g. 'kazakhstan')"
    )


def _split(cell: str | None, path: Path, line: int, column: str) -> tuple[str, ...]:
    if not cell or not cell.strip():
        return ()
    parts = tuple(normal_form(p) for p in cell.split("|"))
    if any(not p for p in parts):
        raise RegistryError(
            path, f"row {line}: column {column} has an empty form in {cell!r}", "remove the stray '|'"
        )
    return parts


def _actor_from_row(path: Path, line: int, row: dict[str, str]) -> Actor:
    def cell(column: str) -> str | None:
        value = (row.get(column) or "").strip()
        return value or None

    actor_id, name, actor_type = cell("actor_id"), cell("name"), cell("type")
    for column, value in (("actor_id", actor_id), ("name", name), ("type", actor_type)):
        if value is None:
            raise RegistryError(path, f"row {line}: {column} is empty", f"fill in the {column}")
    if not SLUG.fullmatch(actor_id):
        raise RegistryError(
            path,
            f"row {line}: actor_id {actor_id!r} is not a slug",
            "use lower-case letters, digits and single hyphens, e.g. 'mohammed-vi'",
        )
    if actor_type not in ACTOR_TYPES:
        raise RegistryError(
            path,
            f"row {line}: type {actor_type!r} is not one of {', '.join(ACTOR_TYPES)}",
            "pick one of those",
        )
    pronoun = cell("pronoun")
    if pronoun is not None and (actor_type != "person" or pronoun not in PRONOUNS):
        raise RegistryError(
            path,
            f"row {line}: pronoun {pronoun!r} is not allowed for a {actor_type}",
            "give persons one of he, she, they; leave it empty for other actors",
        )
    return Actor(
        actor_id=actor_id,
        name=normal_form(name),
        type=actor_type,
        country=cell("country"),
        code=cell("code"),
        aliases=_split(row.get("aliases"), path, line, "aliases"),
        adjectives=_split(row.get("adjectives"), path, line, "adjectives"),
        titles=_split(row.get("titles"), path, line, "titles"),
        pronoun=pronoun,
    )


def _surface_forms(actors: dict[str, Actor], where) -> tuple[dict[str, str], dict[str, str]]:
    """Map each name and adjective form to its actor; two actors may not claim one form.

    Derived person short forms that two people share (two ministers called Kim) are dropped
    rather than guessed, since only the written forms are the registry author's decision.
    """
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    derived: dict[str, set[str]] = {}
    for actor in actors.values():
        written = (actor.name, *actor.aliases)
        for form in written:
            _claim(names, adjectives, form, actor.actor_id, where)
        for form in actor.adjectives:
            _claim(adjectives, names, form, actor.actor_id, where)
        if actor.type == "person":
            for form in person_name_forms(actor.name)[1:]:
                derived.setdefault(form, set()).add(actor.actor_id)
    for form, ids in derived.items():
        if len(ids) == 1 and form not in names and form not in adjectives:
            names[form] = next(iter(ids))
    return names, adjectives


def _claim(table: dict[str, str], other: dict[str, str], form: str, actor_id: str, where) -> None:
    owner = table.get(form) or other.get(form)
    if owner is not None and owner != actor_id:
        path, line = where[actor_id]
        first_path, first_line = where[owner]
        raise RegistryError(
            path,
            f"row {line}: {form!r} already names {owner!r} ({first_path} row {first_line})",
            "keep each name or adjective on one actor only",
        )
    table[form] = actor_id
