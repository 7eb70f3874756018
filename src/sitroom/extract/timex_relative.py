"""Time expressions counted from another one in the text (TimeML's anchorTimeID): "two days later", "the
next day", "that day", "a year earlier", "the year-ago quarter", "the quarter", and "two days after the talks
on July 8".

The anchor is the reference time of the narrative at the unit's precision: for days and weeks the last full
date named before; for quarters the last quarter named ("one quarter later", "the quarter"); for years the
last quarter named nearby ("net income rose in the third quarter ... from $2 million a year earlier": the
same quarter a year before), else the last date named that is not a day counted from the document's date
("said Friday"), else the document's date. "N days after/before X" counts from a date named later in the
same sentence ("two days after the talks on May 4"); with none it is a duration (TimeML tags "two days" as
DURATION and "after" as its signal). Days chain ("two days later ... the next day"); quarters and years
count from an expression that was not itself counted from another ("production should recover one quarter
later" does not move the narrative's quarter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitroom.extract.calendar import QUARTER, Anchor, shift, shift_quarters
from sitroom.extract.timex_patterns import QUARTER_NUMBERS, SENTENCE_END, Hit, amount, unit_code
from sitroom.model.evidence import Span

if TYPE_CHECKING:
    from sitroom.model.timex import Timex

RELATIVE = frozenset({"after", "next_unit", "day_before", "same_day", "year_ago", "the_quarter", "ago",
                      "that_unit"})
"""Kinds of hits resolved here, against other expressions of the text."""
_ANAPHORIC = re.compile(r"\s+(?:these|those|this|that)\b", re.I)
"""After "N days after": an event named before ("after these events", "after that")."""
_EVENT_FOLLOWS = re.compile(r"\s+(?!and\b|or\b|but\b)[A-Za-z]")
"""After "the day before/after": words naming the event it counts from, not the end of the clause."""
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")
"""A TIME value of a part of a day ("2016-01-11TAF"), not a clock's."""
QUARTER_REACH = 1500
"""Characters back within which a quarter named before is the reference of "a year ago/earlier"."""


@dataclass(frozen=True)
class _Before:
    """The expressions named before the one being resolved, latest last, with their document offsets."""

    items: list[tuple[int, Timex]]
    here: int

    def last_date(self, precision: str) -> Anchor | None:
        """The last date named with a ``precision`` of "day" ("the next day" counts from it) or "month"
        ("the following month"); a part of a day names its day ("on Monday afternoon"), a clock not (its
        day may be only the paper's)."""
        for _, earlier in reversed(self.items):
            part = earlier.type == "TIME" and _PART_OF_DAY.search(earlier.value or "")
            value = earlier.value if earlier.type == "DATE" else earlier.value[:10] if part else None
            parsed = Anchor.parse(value) if value else None
            if parsed and getattr(parsed, precision):
                return parsed
        return None

    def last_quarter(self, reach: int | None = QUARTER_REACH) -> str | None:
        """The last quarter named (within ``reach`` characters back; None: anywhere before)."""
        for end, earlier in reversed(self.items):
            if reach is not None and self.here - end > reach:
                return None
            if earlier.value and QUARTER.match(earlier.value) and earlier.anchor != "expression":
                return earlier.value
        return None

    def last_reference(self) -> Anchor | None:
        """The last date that sets the narrative's time: not a day counted from the document's date."""
        for _, earlier in reversed(self.items):
            parsed = Anchor.parse(earlier.value) if earlier.type == "DATE" else None
            day_of_paper = earlier.anchor == "publication" and parsed is not None and parsed.day
            if parsed and earlier.anchor != "expression" and not day_of_paper:
                return parsed
        return None


def relative(found: list[Timex], hits: list[Hit], text: str, dct: Anchor | None,
             context: Sequence[Timex] = (), offset: int = 0) -> list[Timex]:
    """``found`` (expressions of ``text``, in order) with the relative ones resolved; a bare "the quarter"
    with no quarter named before it is dropped (a district, not a time). ``context``: the document's
    expressions before ``text``, with spans in the document, where ``text`` begins at ``offset``."""
    kinds = {h.span: h for h in hits}
    items = [(t.span.end, t) for t in context]
    out: list[Timex] = []
    for i, timex in enumerate(found):
        hit = kinds.get(timex.span)
        if hit is not None and hit.kind in RELATIVE:
            before = _Before(items + [(t.span.end + offset, t) for t in out], timex.span.start + offset)
            timex = _against(timex, hit, before, found[i + 1 :], text, dct)
        if timex is not None:
            out.append(timex)
    return out


def _against(timex: Timex, hit: Hit, before: _Before, after: list[Timex], text: str,
             dct: Anchor | None) -> Timex | None:
    m = hit.match
    if hit.kind in ("year_ago", "the_quarter", "ago"):
        return _quarterly(timex, hit, before, dct)
    if hit.kind == "that_unit":  # "that year", "that quarter": the one last named
        code = unit_code(m.group("unit"))
        if code == "Q":
            return replace(timex, value=before.last_quarter(), anchor="expression")
        reference = before.last_reference()
        value = None
        if reference is not None and (code == "Y" or reference.month):
            value = reference.value()[: 4 if code == "Y" else 7]
        return replace(timex, value=value, anchor="expression" if value else None)
    if hit.kind == "day_before":
        n, code, unit, sign = 1, "D", "day", -1 if m.group("dir").lower() == "before" else 1
        if _EVENT_FOLLOWS.match(text, timex.span.end):  # "the day after the shooting": from that event
            return _next_day_date(timex, after, text, sign)
    elif hit.kind == "same_day":  # "that day", "the same day": the day last named
        n, code, unit, sign = 0, "D", "day", 1
    elif hit.kind == "next_unit":
        unit = m.group("unit").lower()
        n, code = 1, unit_code("day" if unit in ("morning", "evening") else unit)
        sign = -1 if m.group("rel").lower() in ("previous", "preceding") else 1
    else:
        count = amount(m)
        if count is None:  # "a few days later": a duration (TimeML leaves "later" out)
            return replace(timex, span=Span(timex.span.start, m.end("unit")), type="DURATION",
                           value="PX" + unit_code(m.group("unit")), anchor=None)
        n, unit, code = int(count), m.group("unit"), unit_code(m.group("unit"))
        sign = -1 if m.group("dir").lower() in ("before", "earlier", "prior to") else 1
        if m.group("dir").lower() in ("after", "before", "prior to"):
            return _after_event(timex, hit, before, after, text, sign * n, code, unit)
        if code in ("Y", "Q"):
            return _from_reference(timex, before, dct, sign * n, code, unit)
    anchor = before.last_date("day" if code in ("D", "W") else "month")
    value = shift(anchor, sign * n, code, unit) if anchor else None
    return replace(timex, value=value, anchor="expression" if value else None)


def _date_later_in_sentence(timex: Timex, after: list[Timex], text: str) -> Anchor | None:
    """A day-precise date named later in the same sentence ("two days after the talks on May 4")."""
    for later in after:
        if later.span.start - timex.span.end > 200 or SENTENCE_END.search(text, timex.span.end,
                                                                          later.span.start):
            break
        parsed = Anchor.parse(later.value) if later.type == "DATE" else None
        if parsed and parsed.day:
            return parsed
    return None


def _next_day_date(timex: Timex, after: list[Timex], text: str, n: int) -> Timex:
    """ "the day before Tuesday's vote": from the date later in the sentence; else unresolved (an event)."""
    anchor = _date_later_in_sentence(timex, after, text)
    value = shift(anchor, n, "D", "day") if anchor else None
    return replace(timex, value=value, anchor="event" if value else None)


def _after_event(timex: Timex, hit: Hit, before: _Before, after: list[Timex], text: str, n: int, code: str,
                 unit: str) -> Timex:
    """ "two days after the talks on May 4": from the date later in the sentence; "two days after these
    events": from the last date named; else a duration ("twenty years after the first flight")."""
    here = timex.span
    if _ANAPHORIC.match(text, here.end):
        anchor = before.last_date("day")
        value = shift(anchor, n, code, unit) if anchor else None
        if value:
            return replace(timex, value=value, anchor="event")
    anchor = _date_later_in_sentence(timex, after, text)
    if anchor is not None:
        value = shift(anchor, n, code, unit)
        return replace(timex, value=value, anchor="event" if value else None)
    time = "T" if code in ("H", "S") or (code == "M" and unit.lower().startswith("minute")) else ""
    return replace(timex, span=Span(here.start, hit.match.end("unit")), type="DURATION",
                   value=f"P{time}{abs(n)}{code}", anchor=None)


def _from_reference(timex: Timex, before: _Before, dct: Anchor | None, n: int, code: str,
                    unit: str) -> Timex:
    """ "a year earlier", "one quarter later": from the last quarter named nearby, else (years) the last
    date named, else the document's date."""
    quarter = before.last_quarter()
    if quarter is not None:
        value = shift_quarters(quarter, 4 * n if code == "Y" else n)
        return replace(timex, value=value, anchor="expression" if value else None)
    if code == "Q":
        return replace(timex, value=None, anchor=None)
    reference = before.last_reference()
    if reference is not None:
        return replace(timex, value=shift(reference, n, code, unit), anchor="expression")
    value = shift(dct, n, code, unit) if dct else None
    return replace(timex, value=value, anchor="publication" if value else None)


def _quarterly(timex: Timex, hit: Hit, before: _Before, dct: Anchor | None) -> Timex | None:
    """ "a year ago" after a quarter (the same quarter a year before), "the year-ago quarter", "the
    quarter" (the one last named)."""
    quarter = before.last_quarter()
    if hit.kind == "the_quarter":  # any quarter named before, however far back
        quarter = quarter or before.last_quarter(reach=None)
        return replace(timex, value=quarter, anchor="expression") if quarter else None
    if hit.kind == "ago":
        count = amount(hit.match)
        if quarter is None or unit_code(hit.match.group("unit")) != "Y" or count is None:
            return timex
        return replace(timex, value=shift_quarters(quarter, -4 * int(count)), anchor="expression")
    if quarter is not None:
        value = shift_quarters(quarter, -4)
        named = hit.match.group("q")
        if named and value:
            value = f"{value[:4]}-Q{QUARTER_NUMBERS[named.lower()]}"
        return replace(timex, value=value, anchor="expression")
    return replace(timex, value=str(dct.year - 1) if dct else None, anchor="publication" if dct else None)
