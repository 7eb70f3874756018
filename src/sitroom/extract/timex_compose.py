"""Time expressions that make one together: a clock time and the day it falls on ("10 p.m. Wednesday",
"noon Thursday", "midnight Friday", "9 a.m. EST Tuesday", "mid-afternoon yesterday") is one TIMEX3 of type
TIME on that day; a weekday before its date ("Saturday, April 25") is one DATE with the date's value (the
weekday only confirms it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.extract.calendar import DAY
from sitroom.extract.timex_patterns import DAYS
from sitroom.model.evidence import Span
from sitroom.model.timex import Timex

_CLOCK_TO_DAY = re.compile(r"\s*(?:\(?[A-Z]{2,4}\)?\s+)?(?:on\s+)?", re.I)
"""What may stand between a time of day and its day: a zone ("EST") and "on"."""
_WEEKDAY_TO_DATE = re.compile(r",?\s*")
_WEEKDAY = re.compile(rf"(?:{DAYS})", re.I)


def composed(found: list[Timex], text: str) -> list[Timex]:
    """``found`` (in text order) with each clock-and-day and weekday-and-date pair merged into one."""
    out: list[Timex] = []
    for timex in found:
        previous = out[-1] if out else None
        if previous is not None and _joined(previous, timex, text):
            out[-1] = _merge(previous, timex, text)
        else:
            out.append(timex)
    return out


def _joined(first: Timex, second: Timex, text: str) -> bool:
    between = text[first.span.end : second.span.start]
    if first.type == "TIME" and second.type == "DATE" and _CLOCK_TO_DAY.fullmatch(between):
        return bool(second.value and DAY.match(second.value)) and _clock(first) is not None
    weekday = _WEEKDAY.fullmatch(text[first.span.start : first.span.end])
    return bool(weekday) and second.type == "DATE" and bool(second.value and DAY.match(second.value)) \
        and bool(_WEEKDAY_TO_DATE.fullmatch(between))


def _clock(timex: Timex) -> str | None:
    """The time-of-day part of a TIME value: "T22:00" of "1998-02-11T22:00"."""
    value = timex.value or ""
    at = value.find("T")
    return value[at:] if at >= 0 else None


def _merge(first: Timex, second: Timex, text: str) -> Timex:
    span = Span(first.span.start, second.span.end)
    if first.type == "TIME":
        return replace(second, span=span, type="TIME", value=f"{second.value}{_clock(first)}")
    return replace(second, span=span)
