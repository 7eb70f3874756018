"""Calendar arithmetic on partial dates ("2021", "2021-07", "2021-07-08") for the temporal tagger."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitroom.model.dates import partial_date


@dataclass(frozen=True)
class Anchor:
    """A reference point of known precision: year always, month and day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        if not value or len(value) < 4 or not value[:4].isdigit():
            return None
        parts = value[:10].split("-")
        try:
            return cls(int(parts[0]), int(parts[1]) if len(parts) > 1 else None,
                       int(parts[2]) if len(parts) > 2 else None)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def value(self) -> str:
        return partial_date(self.year, self.month, self.day)


def shift_days(anchor: Anchor, days: int) -> str | None:
    if anchor.date is None:
        return None
    return (anchor.date + dt.timedelta(days=days)).isoformat()


def shift_months(anchor: Anchor, months: int) -> str | None:
    if anchor.month is None:
        return None
    index = anchor.year * 12 + anchor.month - 1 + months
    return partial_date(index // 12, index % 12 + 1)


def shift_years(anchor: Anchor, years: int) -> str:
    return partial_date(anchor.year + years)


def week_of(anchor: Anchor, weeks: int = 0) -> str | None:
    if anchor.date is None:
        return None
    year, week, _ = (anchor.date + dt.timedelta(weeks=weeks)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday(anchor: Anchor, target: int, direction: int) -> str | None:
    """The ``target`` weekday (0 = Monday) nearest the anchor: -1 on or before it, +1 after it."""
    if anchor.date is None:
        return None
    delta = (target - anchor.date.weekday()) % 7
    if direction < 0:
        delta = delta - 7 if delta else 0
    elif delta == 0:
        delta = 7
    return (anchor.date + dt.timedelta(days=delta)).isoformat()


def year_for(anchor: Anchor, month: int, day: int | None, direction: int = 0) -> int:
    """The year of a year-less date, from the document's date and the direction of its verb (-1 past, 0
    unknown, +1 future): the document's year unless that puts a past event after the document (by more
    than a month, for a date slightly off) or a future one before it; with no direction known, the
    year before when the date would lie more than four months after the document, the year after when it
    would lie more than eight months before ("payable Jan. 2" in a November article)."""
    if anchor.month is None:
        return anchor.year
    months_after = month - anchor.month + ((day or 15) - (anchor.day or 15)) / 31
    ahead, behind = {-1: (NEAR_MONTHS, None), 1: (None, NEAR_MONTHS)}.get(direction, (FAR_AHEAD, FAR_BEHIND))
    if ahead is not None and months_after > ahead:
        return anchor.year - 1
    if behind is not None and months_after < -behind:
        return anchor.year + 1
    return anchor.year


NEAR_MONTHS = 1
"""A past date up to this many months after the document's (a future one before it) keeps its year."""
FAR_AHEAD, FAR_BEHIND = 4, 8
"""With no direction known: months after / before the document's date beyond which a date changes year."""


def shift(anchor: Anchor, n: int, code: str, unit: str) -> str | None:
    """The anchor moved by ``n`` units (TIMEX3 unit ``code``: D, W, M, Y, Q, DE, CE) at that unit's
    precision: a day for D, an ISO week for W, a month, a year, a quarter, a decade, a century; None when
    the anchor is too coarse (a day from a year) or the unit is a clock unit ("minute" is M too)."""
    if code == "D":
        return shift_days(anchor, n)
    if code == "W":
        return week_of(anchor, n)
    if code == "M" and not unit.lower().startswith("minute"):
        return shift_months(anchor, n)
    if code == "Y":
        return shift_years(anchor, n)
    if code == "Q":
        return shift_quarters(quarter_of(anchor), n) if anchor.month else None
    if code == "DE":
        return str(anchor.year + 10 * n)[:3]
    if code == "CE":
        return str(anchor.year + 100 * n)[:2]
    return None


QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
"""A TIMEX3 quarter value: "2021-Q3"."""
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
"""A TIMEX3 value of one calendar day: "2021-07-08"."""


def quarter_of(anchor: Anchor) -> str:
    """The TIMEX3 quarter ("2021-Q3") of a date with a month."""
    return f"{anchor.year:04d}-Q{((anchor.month or 1) - 1) // 3 + 1}"


def shift_quarters(quarter: str, n: int) -> str | None:
    """A TIMEX3 quarter ("1989-Q3") moved by ``n`` quarters (-4: the same quarter a year before)."""
    found = QUARTER.match(quarter)
    if found is None:
        return None
    index = int(found.group(1)) * 4 + int(found.group(2)) - 1 + n
    return f"{index // 4:04d}-Q{index % 4 + 1}"
