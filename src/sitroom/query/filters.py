"""The filters read commands and pages share: a partial date within a range, a document by source."""

from __future__ import annotations


def within(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether the partial date ``date`` ("2021", "2021-07", "2021-07-08") can fall from ``since`` up to
    ``until`` (partial dates, inclusive; None: unbounded). An unknown date is within no bound."""
    if (since or until) and not date:
        return False
    if since and date < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until)


def from_source(path: str, outlet: str | None, wanted: str | None) -> bool:
    """Whether a document's path or URL, or its outlet, holds ``wanted`` (any case; None: any)."""
    return not wanted or wanted.casefold() in (path + " " + (outlet or "")).casefold()
