"""Partial dates: ISO 8601 strings of reduced precision ("2021", "2021-07", "2021-07-08")."""

from __future__ import annotations

import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def partial_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """Format a partial date, checking that the parts name a real calendar date."""
    if month is None:
        if day is not None:
            raise ValueError("a day needs a month")
        return f"{year:04d}"
    if day is None:
        dt.date(year, month, 1)
        return f"{year:04d}-{month:02d}"
    dt.date(year, month, day)
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_partial_date(value: str) -> bool:
    match = _PARTIAL.match(value)
    if not match:
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        partial_date(year, month, day)
    except ValueError:
        return False
    return True


def normalize_partial_date(value: str) -> str | None:
    """Read a date given as metadata ("2021-07-08T10:00:00Z", "2021-07") as a partial date."""
    value = value.strip()
    match = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        return partial_date(year, month, day)
    except ValueError:
        return None
