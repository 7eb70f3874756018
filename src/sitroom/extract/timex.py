"""Time expressions found in text and normalised in TimeML TIMEX3 style.

Detection is by patterns (data/time_words.yaml holds the words); normalisation resolves what is
relative against the document's date (anchor ``publication``) or against another expression in
the text (``expression``: "two days later"; ``event``: "two days after the talks on July 8"). A
year-less date takes its year from the document's date and the sentence's tense. What cannot be
resolved keeps ``value`` None: never a guessed year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from sitroom.clean.dates import MONTHS, find_dates
from sitroom.data import load as load_data
from sitroom.extract.calendar import Anchor, shift_days, shift_months, shift_years, week_of, weekday, year_for
from sitroom.model.dates import partial_date
from sitroom.model.evidence import Span


@dataclass(frozen=True)
class Timex:
    span: Span
    """Character offsets into the text given to ``tag``."""
    type: str
    """``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    value: str | None
    """TIMEX3 value ("2021-07-08", "2021-07", "2021-SU", "P2D", "PXY", "2013-03-22T14:00",
    "PRESENT_REF"), or None when it cannot be resolved."""
    anchor: str | None
    """What a relative value was resolved against: ``publication``, ``expression``, ``event``."""
    end: str | None = None
    """For a range ("from 1979 to 1983", "May-June"): the value of its end."""
    qualifier: bool = False
    """A bare year that qualifies a noun ("the 2016 race", "his 2012 campaign"): it names the thing,
    it does not date what a sentence tells."""


@dataclass(frozen=True)
class _Hit:
    span: Span
    kind: str
    match: re.Match


@cache
def _words() -> dict:
    return load_data("time_words.yaml")


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December|" \
         "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_APPROX = r"(?:about|around|nearly|almost|more\s+than|less\s+than|at\s+least|over|under|some|roughly|" \
          r"approximately|just\s+over|just\s+under|up\s+to)"
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s")
"""A full stop that ends a sentence: not the one of an initial or "U.S."."""
_LEAD = re.compile(r"^(?:in|on|at|since|until|till|by|from|during|for|of|before|after)\s+", re.I)


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = _words()
    num = r"(?:\d+(?:[.,]\d+)?|" + _alt(w["numbers"]) + ")"
    vague = _alt(w["vague_numbers"])
    unit = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|" \
           r"decades?|century|centuries|quarters?|weekends?)"
    amount = rf"(?P<n>{num}|{vague})"
    year = r"(?:1[89]\d\d|20\d\d)"
    i = re.I
    return [
        ("iso_time", re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?")),
        ("clock", re.compile(r"(?<![$€£\d.,])\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d.,])"
                             r"(?:\s*(?P<ap>[ap]\.m\.|[ap]m\b))?(?:\s+(?:GMT|UTC|[A-Z]{2,4}T)\b)?", i)),
        ("clock", re.compile(r"(?<![$€£\d.,])\b(?P<h>[01]?\d)\.(?P<m>[0-5]\d)\s*(?P<ap>[ap]\.m\.|[ap]m\b)",
                             i)),
        ("clock", re.compile(r"\b(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?P<m>)", i)),
        ("year_range", re.compile(rf"\b(?:from\s+|between\s+)?(?P<y1>{year})\s*(?:-|–|—|to|and|until|till|"
                                  rf"through)\s*(?P<y2>{year}|\d\d)\b(?!\s*(?:%|percent|km|people))", i)),
        ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?"
                              r"(?P<y>1[89]\d0|20\d0|['’]\d0)['’]?s\b", i)),
        ("century", re.compile(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[-\s]+century\b", i)),
        ("season", re.compile(rf"\b(?:(?P<rel>this|last|next|early|late|mid)[-\s]+|in\s+(?:the\s+)?)"
                              rf"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{year}))?\b",
                              i)),
        ("season", re.compile(rf"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{year})\b", i)),
        ("quarter", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|next|"
                               rf"this|current|latest|previous)[-\s]+quarter(?:\s+of\s+(?P<y>{year}))?\b",
                               i)),
        ("ago", re.compile(rf"\b(?:{_APPROX}\s+)?{amount}[\s-]+{unit}\s+ago\b", i)),
        ("after", re.compile(rf"\b{amount}[\s-]+{unit}\s+(?P<dir>later|after|before|earlier|afterwards|"
                             rf"prior\s+to)\b", i)),
        ("next_unit", re.compile(r"\b(?:the\s+)?(?P<rel>next|following|previous|preceding)\s+"
                                 r"(?P<unit>day|morning|evening|week|month|year)\b", i)),
        ("same_day", re.compile(r"\b(?:that|the\s+same|that\s+same)\s+(?:day|morning|afternoon|evening)\b",
                                i)),
        ("day_before", re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+(?:yesterday|tomorrow))", i)),
        ("rel_day", re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
                               r"today|tonight|yesterday|tomorrow)\b", i)),
        ("part_of_day", re.compile(r"\b(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|"
                                   r"evening|night)\b", i)),
        ("past_unit", re.compile(rf"\b(?:the\s+)?(?:past|last|previous|next|coming)\s+{amount}\s+{unit}\b",
                                 i)),
        ("rel_unit", re.compile(r"\b(?P<rel>this|last|next|past|previous|coming|current|the\s+same)\s+"
                                r"(?P<unit>week|month|year|weekend|decade|century)\b", i)),
        ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|every|each|early|late)\s+)?(?P<d>{_DAYS})"
                               r"(?P<pl>s)?\b"
                               r"(?:\s+(?P<part>morning|afternoon|evening|night))?")),
        ("month", re.compile(rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[-\s]+|"
                             rf"(?P<rel>last|next|this)\s+)?(?P<m>{_FULL_MONTH})\b(?!\s*\d)"
                             rf"(?:\s*(?:-|–|—|to|and)\s*(?P<m2>{_FULL_MONTH})\b(?!\s*\d))?")),
        ("set", re.compile(r"\b(?:" + _alt(w["sets"]) + r")\b", i)),
        ("times_per", re.compile(rf"\b(?:once|twice|{num}\s+times)\s+(?:a|per|each|every)\s+{unit}\b", i)),
        ("age", re.compile(rf"\b{amount}[\s-]+{unit}[\s-]+old\b", i)),
        ("duration", re.compile(rf"\b(?:the\s+(?:past|last|next|first|coming)\s+)?(?:{_APPROX}\s+)?{amount}"
                                rf"[\s-]+{unit}\b(?:[\s-]+long)?", i)),
        ("ref", re.compile(r"\b(?:" + _alt(w["present_ref"] + w["past_ref"] + w["future_ref"]) + r")\b", i)),
        ("year", re.compile(rf"(?<![\d$€£.,/-])\b(?P<y>{year})\b(?![.,]\d|\s*(?:%|percent|km|kilomet|miles|"
                            rf"people|troops|soldiers|dollars|tons|-|–))")),
    ]


def tag(text: str, dct: str | None = None, start: int = 0, end: int | None = None) -> list[Timex]:
    """Every time expression in ``text[start:end]``; ``dct`` is the document's date (partial ISO)."""
    end = len(text) if end is None else end
    hits = _hits(text, start, end)
    anchor = Anchor.parse(dct)
    resolved: list[Timex] = []
    for hit in hits:
        timex = _resolve(hit, text, anchor)
        if timex is not None:
            resolved.extend(_split_range(timex, hit, text) if hit.kind == "year_range" else [timex])
    return [replace(t, qualifier=True) if _qualifies(t, text) else t for t in _relative(resolved, hits, text)]


_QUALIFIED = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|this|that)|['’]s)\s+$", re.I)


_NOT_A_NOUN = frozenset({"and", "or", "to", "through", "when", "as", "after", "before", "until", "in", "on"})


def _qualifies(timex: Timex, text: str) -> bool:
    """ "the 2016 race", "Trump's 2012 bid": a determiner or owner before a bare year, a noun after."""
    if not re.fullmatch(r"\d{4}", text[timex.span.start : timex.span.end]):
        return False
    after = re.match(r"\s+([A-Za-z][\w.-]+)", text[timex.span.end : timex.span.end + 30])
    if after and (after.group(1).lower() in _NOT_A_NOUN or after.group(1).lower().rstrip(".") in MONTHS):
        return False  # "the 2009 and 2010 budgets" keep to their list; "the 2009 May" is no noun
    return bool(after) and bool(_QUALIFIED.search(text[max(0, timex.span.start - 12) : timex.span.start]))


def _split_range(timex: Timex, hit: _Hit, text: str) -> list[Timex]:
    """ "from 1979 to 1983": TimeML tags each year; the first keeps the range's end."""
    first, second = hit.match.span("y1"), hit.match.span("y2")
    if len(text[second[0] : second[1]]) == 2:
        return [timex]
    return [Timex(Span(*first), "DATE", timex.value, None, timex.end),
            Timex(Span(*second), "DATE", timex.end, None)]


def _hits(text: str, start: int, end: int) -> list[_Hit]:
    candidates: list[_Hit] = []
    for mention in find_dates(text, start, end):
        candidates.append(_Hit(mention.span, "explicit", None))  # type: ignore[arg-type]
    for kind, pattern in _patterns():
        for match in pattern.finditer(text, start, end):
            span = _trim(text, Span(match.start(), match.end()))
            if len(span):
                candidates.append(_Hit(span, kind, match))
    candidates.sort(key=lambda h: (-(h.span.end - h.span.start), h.span.start))
    taken: list[_Hit] = []
    for hit in candidates:
        if not any(hit.span.overlaps(t.span) for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.span)


def _trim(text: str, span: Span) -> Span:
    """TIMEX3 spans leave out the preposition before them ("on July 8" -> "July 8")."""
    lead = _LEAD.match(text[span.start : span.end])
    start = span.start + (lead.end() if lead else 0)
    while start < span.end and text[start].isspace():
        start += 1
    return Span(start, max(start, span.end))


_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:and|but|while|whereas|although|though)\b|;|\bthat\b|\bwhen\b",
                          re.IGNORECASE)
"""Where a clause of a sentence ends: "X met Y on Tuesday, and the talks will resume on Friday", "said on
Friday that talks would resume"."""


def _future(text: str, span: Span) -> bool:
    """A future cue ("will", "next", "plans to") in the time expression's own clause of its sentence."""
    left = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start), 0)
    right = min([i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0] or [len(text)])
    breaks = list(_CLAUSE_BREAK.finditer(text, left, right))
    left = max([b.end() for b in breaks if b.end() <= span.start] or [left])
    right = min([b.start() for b in breaks if b.start() >= span.end] or [right])
    clause = text[left:right].lower()
    return bool(re.search(r"\b(?:" + _alt(_words()["future_cues"]) + r")\b", clause))


def _resolve(hit: _Hit, text: str, dct: Anchor | None) -> Timex | None:
    span, m = hit.span, hit.match
    future = _future(text, span)
    if hit.kind == "explicit":
        return _explicit(text, span, dct, future)
    if hit.kind == "iso_time":
        return Timex(span, "TIME", m.group()[:16], None)
    if hit.kind == "clock":
        hour = int(m.group("h")) % 12 + (12 if (m.group("ap") or "").lower().startswith("p") else 0) \
            if m.group("ap") else int(m.group("h"))
        clock = f"T{hour:02d}:{m.group('m') or '00'}"
        day = dct.value() if dct and dct.day else None
        return Timex(span, "TIME", f"{day}{clock}" if day else None, "publication" if day else None)
    if hit.kind == "year_range":
        y1, y2 = m.group("y1"), m.group("y2")
        y2 = y1[:2] + y2 if len(y2) == 2 else y2
        return Timex(span, "DATE", y1, None, y2) if int(y2) >= int(y1) else None
    if hit.kind == "age":
        return None  # "a 6-year-old": an age, not a time
    if hit.kind == "decade":
        y = m.group("y").strip("'’")
        y = ("19" + y) if len(y) == 2 else y
        return Timex(span, "DATE", y[:3], None)
    if hit.kind == "century":
        return Timex(span, "DATE", f"{int(m.group('n')) - 1:02d}", None)
    if hit.kind == "season":
        return _season(span, m, dct, future)
    if hit.kind == "quarter":
        return _quarter(span, m, dct, future)
    if hit.kind in ("ago",):
        return _ago(span, m, dct)
    if hit.kind in ("after", "next_unit", "day_before", "same_day"):
        return Timex(span, "DATE", None, None)  # resolved against a neighbour in _relative
    if hit.kind == "rel_day":
        return _rel_day(span, m.group("w").lower(), dct)
    if hit.kind == "part_of_day":
        return _part_of_day(span, m, dct)
    if hit.kind == "past_unit":
        return Timex(span, "DURATION", _duration(m), None)
    if hit.kind == "rel_unit":
        return _rel_unit(span, m, dct)
    if hit.kind == "weekday":
        return _weekday(span, m, dct, future)
    if hit.kind == "month":
        return _month(span, m, dct, future)
    if hit.kind == "set":
        return Timex(span, "SET", _words()["sets"].get(" ".join(m.group().lower().split())), None)
    if hit.kind == "times_per":
        return Timex(span, "SET", "P1" + _unit_code(m.group("unit")), None)
    if hit.kind == "duration":
        return Timex(span, "DURATION", _duration(m), None)
    if hit.kind == "ref":
        return Timex(span, "DATE", _ref(m.group()), None)
    if hit.kind == "year":
        return Timex(span, "DATE", m.group("y"), None)
    return None


def _explicit(text: str, span: Span, dct: Anchor | None, future: bool) -> Timex | None:
    (mention,) = [d for d in find_dates(text, span.start, span.end) if d.span == span] or [None]
    if mention is None:
        return None
    if mention.year is not None:
        return Timex(span, "DATE", mention.value, None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    year = year_for(dct, mention.month, mention.day, future)
    return Timex(span, "DATE", partial_date(year, mention.month, mention.day), "publication")


def _season(span: Span, m: re.Match, dct: Anchor | None, future: bool) -> Timex:
    code = _words()["seasons"][m.group("s").lower()]
    if m.group("y"):
        return Timex(span, "DATE", f"{m.group('y')}-{code}", None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    rel = (m.groupdict().get("rel") or "").lower()
    year = dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return Timex(span, "DATE", f"{year}-{code}", "publication")


def _quarter(span: Span, m: re.Match, dct: Anchor | None, future: bool) -> Timex:
    q = m.group("q").lower()
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
              "4th": 4}.get(q)
    if m.group("y") and number:
        return Timex(span, "DATE", f"{m.group('y')}-Q{number}", None)
    if dct is None or dct.month is None:
        return Timex(span, "DATE", None, None)
    current = (dct.month - 1) // 3 + 1
    index = dct.year * 4 + current - 1 + {"last": -1, "previous": -1, "next": 1}.get(q, 0)
    if number:  # "the third quarter": the last one for a past sentence, the next for a future one
        year = dct.year - (not future and number > current) + (future and number < current)
        index = year * 4 + number - 1
    return Timex(span, "DATE", f"{index // 4}-Q{index % 4 + 1}", "publication")


def _amount(m: re.Match) -> float | None:
    raw = " ".join(m.group("n").lower().split())
    if raw.replace(".", "").replace(",", "").isdigit():
        return float(raw.replace(",", "."))
    return _words()["numbers"].get(raw)


def _unit_code(unit: str) -> str:
    unit = unit.lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    return _words()["units"][unit]


def _duration(m: re.Match) -> str:
    code = _unit_code(m.group("unit"))
    n = _amount(m)
    count = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    time = "T" if code in ("H", "S") or (code == "M" and m.group("unit").lower().startswith("minute")) else ""
    return f"P{time}{count}{code}"


def _ago(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    n, code = _amount(m), _unit_code(m.group("unit"))
    if n is None or dct is None:
        return Timex(span, "DATE", "PAST_REF" if n is None else None, None)
    return Timex(span, "DATE", _shift(dct, -int(n), code, m.group("unit")), "publication")


def _shift(anchor: Anchor, n: int, code: str, unit: str) -> str | None:
    if code == "D":
        return shift_days(anchor, n)
    if code == "W":
        return week_of(anchor, n)
    if code == "M" and not unit.lower().startswith("minute"):
        return shift_months(anchor, n)
    if code == "Y":
        return shift_years(anchor, n)
    if code == "DE":
        return str(anchor.year + 10 * n)[:3]
    if code == "CE":
        return str(anchor.year + 100 * n)[:2]
    return None


def _rel_day(span: Span, word: str, dct: Anchor | None) -> Timex:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if offset is None:
        offset = -2 if "yesterday" in word else 2
    value = shift_days(dct, offset) if dct else None
    if value and word == "tonight":
        return Timex(span, "TIME", value + "TNI", "publication")
    return Timex(span, "DATE", value, "publication" if value else None)


def _part_of_day(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(m.group("rel").lower(), 0)
    part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[m.group("part").lower()]
    day = shift_days(dct, offset) if dct else None
    return Timex(span, "TIME", f"{day}T{part}" if day else None, "publication" if day else None)


def _rel_unit(span: Span, m: re.Match, dct: Anchor | None) -> Timex:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel == "past":
        return Timex(span, "DURATION", "P1" + _unit_code(unit), None)
    if dct is None or rel == "the same":
        return Timex(span, "DATE", None, None)
    n = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend":
        week = week_of(dct, n)
        return Timex(span, "DATE", f"{week}-WE" if week else None, "publication")
    value = _shift(dct, n, _unit_code(unit), unit)
    if unit == "century":
        value = str(dct.year // 100 + n)
    return Timex(span, "DATE", value, "publication" if value else None)


def _weekday(span: Span, m: re.Match, dct: Anchor | None, future: bool) -> Timex:
    day = _DAYS.split("|").index(m.group("d"))
    rel = (m.group("rel") or "").lower()
    if rel in ("every", "each") or m.group("pl"):
        return Timex(span, "SET", f"XXXX-WXX-{day + 1}", None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    direction = 1 if rel == "next" or (future and rel != "last") else -1
    value = weekday(dct, day, direction)
    if value and m.group("part"):
        part = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[m.group("part").lower()]
        return Timex(span, "TIME", f"{value}T{part}", "publication")
    return Timex(span, "DATE", value, "publication" if value else None)


def _month(span: Span, m: re.Match, dct: Anchor | None, future: bool) -> Timex | None:
    name = m.group("m")
    if name == "May" and not (m.group("mod") or m.group("rel")) and _modal_may(m):
        return None
    month = MONTHS[name.lower()]
    if dct is None:
        return Timex(span, "DATE", None, None)
    rel = (m.group("rel") or "").lower()
    year = {"last": dct.year - 1, "next": dct.year + 1}.get(rel) or year_for(dct, month, None, future)
    end = None
    if m.group("m2"):
        month2 = MONTHS[m.group("m2").lower()]
        end = partial_date(year + (month2 < month), month2)
    return Timex(span, "DATE", partial_date(year, month), "publication", end)


def _modal_may(m: re.Match) -> bool:
    """ "May" at the head of a sentence followed by a verb is a modal, not the month."""
    after = m.string[m.end() : m.end() + 12].strip().split(" ")[0].lower()
    return after in {"be", "have", "not", "i", "we", "you", "he", "she", "it", "they", "also", "well"}


def _ref(phrase: str) -> str:
    w = _words()
    phrase = " ".join(phrase.lower().split())
    if phrase in w["present_ref"]:
        return "PRESENT_REF"
    return "PAST_REF" if phrase in w["past_ref"] else "FUTURE_REF"


def _relative(found: list[Timex], hits: list[_Hit], text: str) -> list[Timex]:
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


def _against(timex: Timex, hit: _Hit, found: list[Timex], i: int, text: str) -> Timex:
    m = hit.match
    if hit.kind == "day_before":
        n, code, unit, sign = 1, "D", "day", -1 if m.group("dir").lower() == "before" else 1
    elif hit.kind == "same_day":  # "that day", "the same day": the day last named
        n, code, unit, sign = 0, "D", "day", 1
    elif hit.kind == "next_unit":
        unit = m.group("unit").lower()
        n, code = 1, _unit_code("day" if unit in ("morning", "evening") else unit)
        sign = -1 if m.group("rel").lower() in ("previous", "preceding") else 1
    else:
        amount = _amount(m)
        if amount is None:
            return replace(timex, type="DATE")
        n, unit, code = int(amount), m.group("unit"), _unit_code(m.group("unit"))
        sign = -1 if m.group("dir").lower() in ("before", "earlier", "prior to") else 1
    anchor, how = _neighbour(found, i, text, hit.kind == "after" and m.group("dir").lower() in (
        "after", "before", "prior to"))
    if anchor is None:
        return timex
    value = _shift(anchor, sign * n, code, unit)
    return replace(timex, value=value, anchor=how if value else None)


def _neighbour(found: list[Timex], i: int, text: str, event: bool) -> tuple[Anchor | None, str]:
    """The date a relative expression counts from: the next date in its sentence for "N days after
    [the event on] DATE", else the last date before it."""
    here = found[i].span
    if event:
        for later in found[i + 1 :]:
            if later.span.start - here.end > 200 or _SENTENCE_END.search(text, here.end, later.span.start):
                break
            parsed = Anchor.parse(later.value) if later.type == "DATE" else None
            if parsed and parsed.day:
                return parsed, "event"
    for earlier in reversed(found[:i]):  # "after these events": the events of the last date named
        parsed = Anchor.parse(earlier.value) if earlier.type == "DATE" else None
        if parsed and parsed.day:
            return parsed, "event" if event else "expression"
    return None, ""
