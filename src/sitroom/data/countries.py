"""States by their names, demonyms, capitals and seats of government (data/countries.yaml + pycountry)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from sitroom.data import load as load_data


@dataclass
class Gazetteer:
    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    seats: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)


_POSSESSIVE = re.compile(r"[’']s$")
_THE = re.compile(r"^the\s+", re.I)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Lower case, no leading "the", no possessive, single spaces: how names are looked up.
    (Remembered for the last 65,536 texts: every mention is looked up in several tables.)"""
    text = _THE.sub("", _POSSESSIVE.sub("", text.strip()))
    return _SPACES.sub(" ", text).lower().strip(" .,")


@cache
def gazetteer() -> Gazetteer:
    import pycountry

    gaz = Gazetteer()
    raw = load_data("countries.yaml")
    for iso3, line in raw.items():
        names, demonyms, capitals, seats = (part.strip() for part in (line + " | | |").split("|")[:4])
        split = [n.strip() for n in names.split(",") if n.strip()]
        gaz.display[iso3] = split[0] if split else iso3
        for table, part in ((gaz.names, names), (gaz.demonyms, demonyms), (gaz.capitals, capitals),
                            (gaz.seats, seats)):
            for item in part.split(","):
                if item.strip():
                    table.setdefault(key(item), iso3)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                gaz.names.setdefault(key(value), country.alpha_3)
        gaz.display.setdefault(country.alpha_3, getattr(country, "common_name", None) or country.name)
    return gaz


def country_named(text: str) -> str | None:
    """ISO3 of the state this name denotes ("Chile", "the Republic of Chile", "U.S.")."""
    return gazetteer().names.get(key(text))


def country_of_demonym(word: str) -> str | None:
    return gazetteer().demonyms.get(key(word))


def country_of_capital(text: str) -> str | None:
    return gazetteer().capitals.get(key(text))


def country_of_seat(text: str) -> str | None:
    return gazetteer().seats.get(key(text))


@lru_cache(maxsize=1 << 16)
def country_in(text: str) -> str | None:
    """The state a phrase is of: "Norwegian Trade Ministry", "Supreme Court of Chile", "Kazakhstan's".
    (Remembered for the last 65,536 phrases: corpus-wide resolution asks it of every name again.)"""
    from sitroom.data.places import is_region  # places looks states up here: imported late

    gaz = gazetteer()
    tokens = re.findall(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", text)
    for chunk in tokens:
        words = chunk.split()
        inside_region = set()  # "New Mexico governor" is of no Mexico
        for size in range(len(words), 1, -1):
            for i in range(len(words) - size + 1):
                piece = " ".join(words[i : i + size])
                if is_region(piece) and not gaz.names.get(key(piece)):
                    inside_region.update(range(i, i + size))
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                if inside_region & set(range(i, i + size)):
                    continue
                piece = key(" ".join(words[i : i + size]))
                found = gaz.names.get(piece) or gaz.demonyms.get(piece)
                if found:
                    return found
    return None


def display_name(iso3: str) -> str:
    return gazetteer().display.get(iso3, iso3)
