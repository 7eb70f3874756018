"""Values of the time expressions read from their own words or counted from the document's date:
durations ("three weeks", "P3W"), "N units ago", today / yesterday / tomorrow, parts of a day, this / last /
next week or year, clock words ("noon"), years said aloud ("nineteen ninety-six"), and the vague PRESENT_REF /
PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import re

from sitroom.clean.dates import MONTHS
from sitroom.extract.calendar import Anchor, shift, shift_days, week_of
from sitroom.extract.timex_named import PARTS_OF_DAY
from sitroom.extract.timex_patterns import amount, unit_code, whole, words
from sitroom.model.dates import partial_date
from sitroom.model.evidence import Span
from sitroom.model.timex import Timex


def duration(m: re.Match) -> str:
    n, code = amount(m), unit_code(m.group("unit"))
    count = "X"
    if n is not None:
        whole_n, code = whole(n, code)
        count = str(whole_n)
    if code == "MIN":  # "half an hour": 30 minutes
        return f"PT{count}M"
    time = "T" if code in ("H", "S") or (code == "M" and m.group("unit").lower().startswith("minute")) else ""
    return f"P{time}{count}{code}"


def ago(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    n, code = amount(m), unit_code(m.group("unit"))
    if n is None or dct is None:
        return Timex(span, "DATE", "PAST_REF" if n is None else None, None)
    count, code = whole(n, code)  # "a quarter of a century ago": 25 years
    return Timex(span, "DATE", shift(dct, -count, code, m.group("unit")), "publication")


def rel_day(span: Span, word: str, dct: Anchor | None) -> Timex | None:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if offset is None:
        offset = -2 if "yesterday" in word else 2
    value = shift_days(dct, offset) if dct else None
    if value is None and dct is not None and dct.month:  # a paper known only to the month: "today" is in it
        return Timex(span, "DATE", dct.value(), "publication")
    if value and word == "tonight":
        return Timex(span, "TIME", value + "TNI", "publication")
    return Timex(span, "DATE", value, "publication" if value else None)


def part_of_day(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(m.group("rel").lower(), 0)
    part = PARTS_OF_DAY[m.group("part").lower()]
    day = shift_days(dct, offset) if dct else None
    return Timex(span, "TIME", f"{day}T{part}" if day else None, "publication" if day else None)


def duration_or_last(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    """ "three weeks", "the past few days": a duration; "the last decade", "the past year" (one unit, no
    number): the unit before the document's, as TimeML dates it."""
    unit = m.group("unit").lower()
    last = " ".join(m.group("n").lower().split()) in ("the past", "the last") and not unit.endswith("s")
    if last and dct is not None and unit in ("year", "decade", "century"):
        value = shift(dct, -1, unit_code(unit), unit)
        return Timex(span, "DATE", value, "publication" if value else None)
    return Timex(span, "DURATION", duration(m), None)


def clock_word(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    """ "noon", "midnight", "mid-afternoon": a time of the document's day (moved to a named day by
    ``timex_compose``)."""
    word = m.group("w").lower().replace("-", "")
    clock = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00", "midmorning": "TMO",
             "midafternoon": "TAF"}[word]
    day = dct.value() if dct and dct.day else None
    return Timex(span, "TIME", f"{day}{clock}" if day else None, "publication" if day else None)


def spelled_year(span: Span, m: re.Match) -> Timex:
    """ "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand"."""
    numbers = words()["numbers"]
    low = lambda group: numbers.get((m.groupdict().get(group) or "").lower(), 0)  # noqa: E731
    century = low("c") if m.groupdict().get("c") else 20
    year = century * 100 + low("t") + low("o") + low("teen")
    name = m.groupdict().get("m")
    return Timex(span, "DATE", partial_date(year, MONTHS[name.lower()]) if name else f"{year:04d}", None)


def rel_unit(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if dct is None or rel == "the same":
        return Timex(span, "DATE", None, None)
    n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend":
        week = week_of(dct, n)
        return Timex(span, "DATE", f"{week}-WE" if week else None, "publication")
    value = shift(dct, n, unit_code(unit), unit)
    if unit == "century":
        value = str(dct.year // 100 + n)
    return Timex(span, "DATE", value, "publication" if value else None)


def ref(phrase: str) -> str:
    w = words()
    phrase = " ".join(phrase.lower().split())
    if phrase in w["present_ref"]:
        return "PRESENT_REF"
    return "PAST_REF" if phrase in w["past_ref"] else "FUTURE_REF"


