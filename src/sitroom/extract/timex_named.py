"""Named calendar units resolved against the document's date and the direction of their verb: weekdays
("last Friday", "on Tuesday"), months ("in June", "last April", "June last year"), seasons, quarters and
weekends (TIMEX3 values "2023-10-13", "2023-06", "2023-SU", "2023-Q3", "2023-W41-WE").

``direction`` is ``timex_tense.PAST``, ``UNKNOWN`` or ``FUTURE``: a past "on Tuesday" is the last Tuesday, a
future one the next; a past "in the summer" of a February article is last year's summer.
"""

from __future__ import annotations

import calendar
import re

from sitroom.clean.dates import MONTHS
from sitroom.extract.calendar import FAR_AHEAD, Anchor, shift_days, week_of, weekday, year_for
from sitroom.extract.timex_patterns import DAYS, QUARTER_NUMBERS, words
from sitroom.extract.timex_tense import FUTURE, PAST
from sitroom.model.dates import partial_date
from sitroom.model.evidence import Span
from sitroom.model.timex import Timex

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def season(span: Span, m: re.Match, dct: Anchor | None, direction: int) -> Timex | None:
    code = words()["seasons"][m.group("s").lower()]
    if m.group("s")[0].isupper() and _NAME_FOLLOWS.match(m.string, m.end()):
        return None  # "the Spring Alliance": a name
    if m.group("y"):
        return Timex(span, "DATE", f"{m.group('y')}-{code}", None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] - (dct.month or 6)  # months until it begins
    if rel in ("last", "next"):
        year = dct.year + (1 if rel == "next" else -1)
    elif rel == "this past" or (rel != "this" and direction == PAST):
        year = dct.year - (starts > 0)  # a past season that has not begun this year: last year's
    elif rel == "this coming" or (rel != "this" and direction == FUTURE):
        year = dct.year + (starts < -3)  # a future one that is over this year: next year's
    else:
        year = dct.year - (rel != "this" and starts > FAR_AHEAD)
    return Timex(span, "DATE", f"{year}-{code}", "publication")


def quarter(span: Span, m: re.Match, dct: Anchor | None, direction: int) -> Timex:
    q = m.group("q").lower()
    number = QUARTER_NUMBERS.get(q)
    named_year = m.group("y") or m.group("y0")
    if named_year and number:
        return Timex(span, "DATE", f"{named_year}-Q{number}", None)
    if dct is None or dct.month is None:
        return Timex(span, "DATE", None, None)
    current = (dct.month - 1) // 3 + 1
    index = dct.year * 4 + current - 1 + {"last": -1, "previous": -1, "latest": -1, "next": 1}.get(q, 0)
    if number:  # "the third quarter": the latest one, or the next one in a future sentence; a future
        # sentence in October still speaks of the third quarter that just ended (its results are ahead)
        ahead = direction == FUTURE
        year = dct.year - (not ahead and number > current) + (ahead and number < current - 1)
        index = year * 4 + number - 1
    return Timex(span, "DATE", f"{index // 4}-Q{index % 4 + 1}", "publication")


def weekday_date(span: Span, m: re.Match, dct: Anchor | None, direction: int) -> Timex:
    day = DAYS.split("|").index(m.group("d"))
    rel = (m.group("rel") or "").lower()
    if rel in ("every", "each") or m.group("pl"):
        return Timex(span, "SET", f"XXXX-WXX-{day + 1}", None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    ahead = rel == "next" or (direction == FUTURE and rel != "last")
    value = weekday(dct, day, 1 if ahead else -1)
    if rel == "last" and value == dct.value():  # "last Wednesday" in a Wednesday's paper: a week ago
        value = shift_days(dct, -7)
    if not rel and dct.date is not None and dct.date.weekday() == day:  # "on Thursday" in a Thursday's
        value = dct.value()  # paper is that day, whichever way its verb points ("next Thursday" is not)
    if value and m.group("part"):
        part = PARTS_OF_DAY[m.group("part").lower()]
        return Timex(span, "TIME", f"{value}T{part}", "publication")
    return Timex(span, "DATE", value, "publication" if value else None)


def month(span: Span, m: re.Match, dct: Anchor | None, direction: int) -> Timex | None:
    name = m.group("m")
    if not (m.group("mod") or m.group("rel")) and (name == "May" and _modal_may(m) or _a_name(m)):
        return None
    month = MONTHS[name.lower()]
    if dct is None:
        return Timex(span, "DATE", None, None)
    rel, of_year = (m.group("rel") or "").lower(), (m.group("ry") or "").lower()
    if rel in ("each", "every"):
        return Timex(span, "SET", f"XXXX-{month:02d}", None)
    if of_year:  # "June last year"
        year = dct.year + {"last": -1, "next": 1}.get(of_year, 0)
    elif rel == "last":  # the last one before the document's month: "last April" in October is this year's
        year = dct.year - (month >= (dct.month or 13))
    elif rel == "next":
        year = dct.year + (month <= (dct.month or 0))
    else:
        year = dct.year if rel == "this" else year_for(dct, month, None, direction)
    end = None
    if m.group("m2"):
        month2 = MONTHS[m.group("m2").lower()]
        end = partial_date(year + (month2 < month), month2)
    return Timex(span, "DATE", partial_date(year, month), "publication", end)


_NAME_FOLLOWS = re.compile(r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                           r"[A-Z][a-z]")
"""A capitalised word after a month or season that is not another date word: "May Halvorsen"."""
_DATE_LEAD = re.compile(r"(?:\b(?:in|on|by|since|until|till|of|from|to|through|during|before|after|and|or|"
                        r"between|early|mid|late)\s+|[-–,]\s*)$", re.I)


def _a_name(m: re.Match) -> bool:
    """A month word that is a first name: a capitalised word follows and no preposition comes before."""
    before = m.string[max(0, m.start() - 10) : m.start()]
    return bool(_NAME_FOLLOWS.match(m.string, m.end())) and not _DATE_LEAD.search(before)


def _modal_may(m: re.Match) -> bool:
    """ "May" at the head of a sentence followed by a verb is a modal, not the month."""
    after = m.string[m.end() : m.end() + 12].strip().split(" ")[0].lower()
    return after in {"be", "have", "not", "i", "we", "you", "he", "she", "it", "they", "also", "well"}


def weekend(span: Span, dct: Anchor | None, direction: int) -> Timex:
    """ "the weekend": the last one for a past or unknown verb (this one when the paper is of a Saturday or
    Sunday), the coming one for a future verb."""
    if dct is None or dct.date is None:
        return Timex(span, "DATE", None, None)
    on_weekend = dct.date.weekday() >= 5
    week = week_of(dct, 0 if on_weekend else (0 if direction == FUTURE else -1))
    return Timex(span, "DATE", f"{week}-WE", "publication")


def calendar_name(kind: str, span: Span, m: re.Match, dct: Anchor | None, direction: int) -> Timex:
    """A fiscal year ("the current fiscal year", "fiscal 1989"), "the full year", a half ("the second half
    of 2021") or a holiday ("Christmas", "last Thanksgiving")."""
    if kind == "half":
        return Timex(span, "DATE", f"{m.group('y')}-H{1 if m.group('h').lower() == 'first' else 2}", None)
    named_year = (m.groupdict().get("y") or m.groupdict().get("y2")) if kind == "fiscal_year" else None
    if named_year:
        return Timex(span, "DATE", named_year, None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    rel = (m.groupdict().get("rel") or "").lower()
    if kind in ("fiscal_year", "full_year"):
        year = dct.year + {"latest": -1, "last": -1, "previous": -1, "next": 1}.get(rel, 0)
        return Timex(span, "DATE", str(year), "publication")
    month_day = _holiday(" ".join(m.group("name").lower().split()), dct.year)
    today = (dct.month or 0, dct.day or 0)
    if rel == "last":  # the last one before the paper: this year's if it is over
        year = dct.year - (month_day >= today)
    elif rel == "next":
        year = dct.year + (month_day <= today)
    else:
        year = dct.year if rel == "this" else year_for(dct, month_day[0], month_day[1], direction)
    month_day = _holiday(" ".join(m.group("name").lower().split()), year)
    return Timex(span, "DATE", partial_date(year, *month_day), "publication")


def _holiday(name: str, year: int) -> tuple[int, int]:
    """(month, day) of a holiday of data/time_words.yaml in ``year``."""
    rule = words()["holidays"][name]
    month, rest = int(rule[:2]), rule[3:]
    if not rest.startswith("W"):
        return month, int(rest)
    weekday_index, n = int(rest[1]) - 1, int(rest.split("#")[1])
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if calendar.weekday(year, month, d) == weekday_index]
    return month, days[n - 1] if n > 0 else days[n]
