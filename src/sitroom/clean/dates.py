"""Calendar dates written out in page text ("21.10.2021", "July 8, 2021", "24/August/2021", "July 8").

Only what cleaning needs to read datelines, comment stamps and dated facts; the temporal tagger
that normalises every time expression builds on these patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.model.dates import partial_date
from sitroom.model.evidence import Span

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|21\d\d)"

_PATTERNS = [
    ("ymd", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)" + _YEAR + r"\b")),
    ("d_month_y", re.compile(r"\b" + _DAY + r"(?:\s+of)?[\s/.-]+" + _MONTH + r"[\s/.,-]+" + _YEAR
                             + r"\b", re.I)),
    ("month_d_y", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I)),
    ("month_y", re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I)),
    ("month_d", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![:.]\d)", re.I)),
    ("d_month", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b", re.I)),
]
_TIME = re.compile(r"\s*(?:,|at|-|–)?\s*(?P<h>[0-2]?\d)\s?:\s?(?P<m>[0-5]\d)(?:\s?(?P<ampm>[ap]\.?m\.?))?",
                   re.I)
_DIGIT = re.compile(r"\d")
_BARE_YEAR = re.compile(r"(?<![\d$€£.,-])\b(?:1[89]\d\d|20\d\d)\b(?![.,]\d|\s?(?:%|km|kilomet|miles|people))")


@dataclass(frozen=True)
class DateMention:
    """A calendar date in text: ``year`` is None when the text gives none ("on July 8")."""

    span: Span
    year: int | None
    month: int
    day: int | None

    @property
    def value(self) -> str | None:
        return None if self.year is None else partial_date(self.year, self.month, self.day)

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month, self.day or 0)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every calendar date in ``text[start:end]``, longest match first, in text order."""
    end = len(text) if end is None else end
    taken: list[Span] = []
    found: list[DateMention] = []
    if not _DIGIT.search(text, start, end):
        return found  # (every date has a day or a year in digits)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            span = Span(match.start(), match.end())
            if any(span.overlaps(t) for t in taken):
                continue
            mention = _mention(kind, match, span)
            if mention is not None:
                taken.append(span)
                found.append(mention)
    return sorted(found, key=lambda m: m.span)


def find_years(text: str, start: int = 0, end: int | None = None) -> list[tuple[Span, int]]:
    """Four-digit years standing alone ("in 2019", "1979-1989")."""
    end = len(text) if end is None else end
    return [(Span(m.start(), m.end()), int(m.group())) for m in _BARE_YEAR.finditer(text, start, end)]


def time_after(text: str, position: int) -> Span | None:
    """The clock time right after a date ("07: 44", "- 08:29 PM"), if there is one."""
    match = _TIME.match(text, position)
    if not match or int(match.group("h")) > 23:
        return None
    return Span(match.start(), match.end())


def _mention(kind: str, match: re.Match, span: Span) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if kind == "numeric":
        a, b = int(groups["a"]), int(groups["b"])
        # Dots are day-first everywhere they are used; slashes are day-first only when forced.
        day, month = (a, b) if groups["sep"] == "." or a > 12 else (b, a)
    elif kind == "ymd":
        month = int(groups["month"])
    else:
        if not groups["month"][0].isupper():  # "may", "march" and "sat" are words too
            return None
        month = MONTHS[groups["month"].lower().rstrip(".")]
    try:
        partial_date(year or 2000, month, day)
    except ValueError:
        return None
    return DateMention(span, year, month, day)
