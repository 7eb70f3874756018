"""The units, multipliers and number words claims are read with (data/units.yaml), and the units a number's
words give it: a rate's period ("$12 an hour"), a length or weight named by its counted word."""

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


@cache
def _period_pattern() -> re.Pattern:
    periods = "|".join(sorted(units()["periods"], key=len, reverse=True))
    return re.compile(rf"(?P<noun>\s+[^\W\d_][\w-]*)?(?:\s+of\s+[^\W\d_][\w-]*)?"
                      rf"(?:\s+(?:a|an|per|each|every)\s+|-(?:a|an)-|\s*/\s*)(?P<period>{periods})\b"
                      rf"(?!\s+(?:ago|earlier|later|before|after|since|of|or)\b)", re.I)


def period_of(text: str, end: int, unit: str) -> str | None:
    """ "$12 an hour", "$12-an-hour", "3 million tons of timber a year", "6 million barrels a day",
    "$40,000 per capita": the period of a rate, right after the number and its unit (only the counted
    noun or an "of" phrase between); None for a total ("a year ago", "in a week", "included a person")."""
    m = _period_pattern().match(text, end)
    if m is None or (m.group("noun") and m.group("noun").strip().lower() != unit.lower()):
        return None
    return units()["periods"][m.group("period").lower()]


def measured_unit(after: str, noun: str) -> tuple[str, str, float] | None:
    """A unit the counted word names, past words that leave it a length or a weight ("6,210 lovely
    kilometers"); not money ("10 Canadian dollars" names no currency code) nor "square miles"."""
    unit = unit_table().get(noun)
    words = after[: after.lower().find(noun)].lower().split()
    if unit is None or unit[1].startswith("money") or {"square", "cubic", "sq"} & set(words):
        return None
    return unit
