"""The units, multipliers and number words claims are read with (data/units.yaml)."""

from __future__ import annotations

import re
from functools import cache

from sitroom.data import load as load_data


@cache
def units() -> dict:
    return load_data("units.yaml")


@cache
def unit_table() -> dict[str, tuple[str, str, float]]:
    """Every written form of a unit (lower case) -> (unit, dimension, factor to the base unit)."""
    table = {}
    for unit, (dimension, factor, forms) in units()["units"].items():
        for form in forms:
            table[str(form).lower()] = (unit, dimension, float(factor))
    return table


@cache
def approximate_words() -> str:
    """The words that make a value approximate ("about", "more than"), as one regex alternation."""
    return "|".join(re.escape(a).replace(r"\ ", r"\s+")
                    for a in sorted(units()["approximate"], key=len, reverse=True))
