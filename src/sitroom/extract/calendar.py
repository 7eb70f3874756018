"""Calendar arithmetic on partial dates ("2021", "2021-07", "2021-07-08") for the temporal tagger."""

from __future__ import annotations

import datetime as dt
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


def year_for(anchor: Anchor, month: int, day: int | None, future: bool) -> int:
    """The year of a year-less date: the document's year, unless that puts a past event more than
    four months after the document (then the year before) or a future one more than four months
    before it (then the year after)."""
    if anchor.month is None:
        return anchor.year
    months_after = month - anchor.month + ((day or 15) - (anchor.day or 15)) / 31
    if not future and months_after > FAR_MONTHS:
        return anchor.year - 1
    if future and months_after < -FAR_MONTHS:
        return anchor.year + 1
    return anchor.year


FAR_MONTHS = 4
