"""Time expressions counted from another one in the text: "two days later", "the next day", "that day",
"two days after the talks on July 8" (TimeML anchorTimeID: the anchor is the last full date named before,
or for "N days after/before" the next one in the same sentence)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sitroom.extract.calendar import Anchor, shift
from sitroom.extract.timex_patterns import SENTENCE_END, Hit, amount, unit_code

if TYPE_CHECKING:
    from sitroom.extract.timex import Timex


def relative(found: list[Timex], hits: list[Hit], text: str) -> list[Timex]:
    """Resolve "two days later", "the next day", "two days after ... on July 8" against neighbours."""
    kinds = {h.span: h for h in hits}
    out = []
    for i, timex in enumerate(found):
        hit = kinds.get(timex.span)
        if hit is None or hit.kind not in ("after", "next_unit", "day_before", "same_day"):
            out.append(timex)
            continue
        out.append(_against(timex, hit, found, i, text))
    return out


def _against(timex: Timex, hit: Hit, found: list[Timex], i: int, text: str) -> Timex:
    m = hit.match
    if hit.kind == "day_before":
        n, code, unit, sign = 1, "D", "day", -1 if m.group("dir").lower() == "before" else 1
    elif hit.kind == "same_day":  # "that day", "the same day": the day last named
        n, code, unit, sign = 0, "D", "day", 1
    elif hit.kind == "next_unit":
        unit = m.group("unit").lower()
        n, code = 1, unit_code("day" if unit in ("morning", "evening") else unit)
        sign = -1 if m.group("rel").lower() in ("previous", "preceding") else 1
    else:
        count = amount(m)
        if count is None:
            return replace(timex, type="DATE")
        n, unit, code = int(count), m.group("unit"), unit_code(m.group("unit"))
        sign = -1 if m.group("dir").lower() in ("before", "earlier", "prior to") else 1
    anchor, how = _neighbour(found, i, text, hit.kind == "after" and m.group("dir").lower() in (
        "after", "before", "prior to"))
    if anchor is None:
        return timex
    value = shift(anchor, sign * n, code, unit)
    return replace(timex, value=value, anchor=how if value else None)


def _neighbour(found: list[Timex], i: int, text: str, event: bool) -> tuple[Anchor | None, str]:
    """The date a relative expression counts from: the next date in its sentence for "N days after
    [the event on] DATE", else the last date before it."""
    here = found[i].span
    if event:
        for later in found[i + 1 :]:
            if later.span.start - here.end > 200 or SENTENCE_END.search(text, here.end, later.span.start):
                break
            parsed = Anchor.parse(later.value) if later.type == "DATE" else None
            if parsed and parsed.day:
                return parsed, "event"
    for earlier in reversed(found[:i]):  # "after these events": the events of the last date named
        parsed = Anchor.parse(earlier.value) if earlier.type == "DATE" else None
        if parsed and parsed.day:
            return parsed, "event" if event else "expression"
    return None, ""
