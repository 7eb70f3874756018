"""Where time expressions are: the TIMEX3 patterns (words from data/time_words.yaml) and the hits they make.

:func:`find_hits` returns the longest non-overlapping matches of every pattern and of the explicit dates of
``sitroom.clean.dates``, each with its kind ("weekday", "ago", "quarter", ...) and regex match, for
``sitroom.extract.timex`` to normalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitroom.clean.dates import find_dates
from sitroom.data import load as load_data
from sitroom.model.evidence import Span
from sitroom.nlp.word_filter import Words


@dataclass(frozen=True)
class Hit:
    span: Span
    kind: str
    match: re.Match


@cache
def words() -> dict:
    return load_data("time_words.yaml")


def alt(items) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
"""Number words of years said aloud ("nineteen ninety-six"), as broadcast transcripts write them."""
FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
APPROX = r"(?:about|around|nearly|almost|more\s+than|less\s+than|at\s+least|over|under|some|roughly|" \
          r"approximately|just\s+over|just\s+under|up\s+to)"
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s")
"""A full stop that ends a sentence: not the one of an initial or "U.S."."""
LEAD = re.compile(r"^(?:in|on|at(?!\s+(?:least|most)\b)|since|until|till|by|from|during|for|of|before|"
                  r"after)\s+", re.I)


@cache
def patterns() -> list[tuple[str, re.Pattern]]:
    w = words()
    num = rf"(?:\d+(?:[.,]\d+)?|(?:{TENS})[\s-](?:{ONES})\b|" + alt(w["numbers"]) + ")"
    vague = alt(w["vague_numbers"])
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
        ("clock_word", re.compile(r"\b(?P<w>noon|midday|midnight|mid-?morning|mid-?afternoon)\b", i)),
        ("spelled_year", re.compile(rf"\b(?:(?P<m>{FULL_MONTH})\s+|the\s+year\s+)?"
                                    rf"(?P<c>nineteen|eighteen)[\s-]"
                                    rf"(?:(?P<t>{TENS})(?:[\s-](?P<o>{ONES}))?|(?P<teen>{TEENS}))\b", i)),
        ("spelled_year", re.compile(rf"\bthe\s+year\s+two\s+thousand(?:\s+and\s+(?P<o>{ONES}))?\b", i)),
        ("year", re.compile(rf"\b(?:early|mid|late|pre|post)-(?P<y>{year})\b", i)),
        ("weekend", re.compile(r"\bthe\s+weekend\b", i)),
        ("fiscal_year", re.compile(rf"\b(?:(?:the\s+)?(?P<rel>current|latest|last|next|previous|this)\s+)?"
                                   rf"fiscal(?:\s+year\b(?:\s+(?P<y>{year}))?|\s+(?P<y2>{year}))\b", i)),
        ("full_year", re.compile(r"\bthe\s+full\s+year\b", i)),
        ("year_ended", re.compile(r"\bthe\s+(?:fiscal\s+)?year(?=\s+(?:that\s+)?(?:ended|ending|ends)\b)",
                                  i)),
        ("long", re.compile(r"\b(?P<unit>days?|weeks?|months?|years?|decades?|centuries|century)-long\b", i)),
        ("that_unit", re.compile(r"\bthat\s+(?P<unit>year|quarter|month)\b", i)),
        ("vague_duration", re.compile(r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s))"
                                      r"(?P<unit>weeks|months|years|decades|centuries)\b"
                                      r"(?!\s+(?:of|ago)\b)", i)),
        ("half", re.compile(rf"\bthe\s+(?P<h>first|second|last|latter)\s+half\s+of\s+(?P<y>{year})\b", i)),
        ("holiday", re.compile(r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>" + alt(w["holidays"]) + r")\b",
                               i)),
        ("year_range", re.compile(rf"\b(?:from\s+|between\s+)?(?P<y1>{year})\s*(?:-|–|—|to|and|until|till|"
                                  rf"through)\s*(?P<y2>{year}|\d\d)\b(?!\s*(?:%|percent|km|people))", i)),
        ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?"
                              r"(?P<y>1[89]\d0|20\d0|['’]\d0)['’]?s\b", i)),
        ("century", re.compile(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[-\s]+century\b", i)),
        ("season", re.compile(rf"\b(?P<rel>this\s+past|this\s+coming|this|last|next|early|late|mid)[-\s]+"
                              rf"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{year}))?\b",
                              i)),
        ("season", re.compile(rf"\b(?:in\s+(?:the\s+)?|the\s+)(?P<s>spring|summer|autumn|fall|winter)"
                              rf"(?:\s+(?:of\s+)?(?P<y>{year})\b|(?!\s+(?:of|in)\s))\b", i)),
        ("season", re.compile(rf"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{year})\b", i)),
        ("quarter", re.compile(rf"\b(?:the\s+)?(?:(?P<y0>{year})\s+)?(?P<q>first|second|third|fourth|1st|2nd|"
                               rf"3rd|4th|last|next|this|current|latest|previous)[-\s]+quarter"
                               rf"(?:\s+of\s+(?P<y>{year}))?\b", i)),
        ("year_ago", re.compile(r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)"
                                r"(?:\s+(?P<q>first|second|third|fourth))?(?:\s+(?:quarter|period))?\b", i)),
        ("the_quarter", re.compile(r"\bthe\s+quarter\b(?!\s+of\b)", i)),
        ("ago", re.compile(rf"\b(?:{APPROX}\s+)?{amount}[\s-]+{unit}\s+ago\b", i)),
        ("after", re.compile(rf"\b{amount}[\s-]+{unit}\s+(?P<dir>later|after|before|earlier|afterwards|"
                             rf"prior\s+to)\b", i)),
        ("next_unit", re.compile(r"\b(?:the\s+(?=next|following|previous|preceding)|(?=following|preceding))"
                                 r"(?P<rel>next|following|previous|preceding)\s+"
                                 r"(?P<unit>day|morning|evening|week|month|year)\b", i)),
        ("same_day", re.compile(r"\b(?:(?:that|the\s+same|that\s+same)\s+(?:day|morning|afternoon|evening)|"
                                r"(?<=later\s)in\s+the\s+day|(?<=earlier\s)in\s+the\s+day)\b", i)),
        ("day_before", re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+(?:yesterday|tomorrow))", i)),
        ("rel_day", re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
                               r"today|tonight|yesterday|tomorrow)\b", i)),
        ("part_of_day", re.compile(r"\b(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|"
                                   r"evening|night)\b", i)),
        ("past_unit", re.compile(rf"\b(?:the\s+)?(?:past|last|previous|next|coming)\s+{amount}\s+{unit}\b",
                                 i)),
        ("rel_unit", re.compile(r"\b(?:(?:earlier|later)\s+)?"
                                r"(?P<rel>this|last|next|past|previous|coming|current|the\s+same)\s+"
                                r"(?P<unit>week|month|year|weekend|decade|century)\b", i)),
        ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|every|each|early|late|earlier|"
                               rf"later))\s+)?(?P<d>{DAYS})"
                               r"(?P<pl>s)?\b"
                               r"(?:\s+(?P<part>morning|afternoon|evening|night))?")),
        ("month", re.compile(rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[-\s]+|"
                             rf"(?P<rel>(?i:last|next|this|each|every))\s+)?(?P<m>{FULL_MONTH})\b(?!\s*\d)"
                             rf"(?:\s*(?:-|–|—|to|and)\s*(?P<m2>{FULL_MONTH})\b(?!\s*\d))?"
                             r"(?:,?\s+(?P<ry>last|this|next)\s+year\b)?")),
        ("set", re.compile(r"\b(?:" + alt(w["sets"]) + r")\b", i)),
        ("times_per", re.compile(rf"\b(?:once|twice|{num}\s+times)\s+(?:a|per|each|every)\s+{unit}\b", i)),
        ("every_n", re.compile(rf"\bevery\s+{amount}\s+{unit}\b", i)),
        ("rate", re.compile(r"(?:(?<=\d )|(?<=% )|(?<=hours )|(?<=minutes )|(?<=days )|(?<=dollars )|"
                            r"(?<=euros )|(?<=percent ))(?:a|an|per)\s+(?P<unit>year|month|week|day|hour)\b",
                            i)),
        ("age", re.compile(rf"\b{amount}[\s-]+{unit}[\s-]+old\b", i)),
        ("duration", re.compile(rf"\b(?:the\s+(?:past|last|next|first|coming)\s+)?(?:{APPROX}\s+)?{amount}"
                                rf"[\s-]+(?:(?:more|additional|extra|further|trading|business|working)\s+)?{unit}\b(?:[\s-]+long)?",
                                i)),
        ("decade", re.compile(r"\bthe\s+(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                              r"nineties)\b", i)),
        ("ref", re.compile(r"\b(?:" + alt(w["present_ref"] + w["past_ref"] + w["future_ref"]) + r")\b", i)),
        # "in '08", "the class of ’92": a year of two digits after an apostrophe (not a closing quote: "'08"
        # needs a word before it that takes a time)
        ("short_year", re.compile(r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bthe\s)|(?<=\bsince\s)|(?<=\bby\s)|"
                                  r"(?<=\buntil\s)|(?<=\bhis\s)|(?<=\bher\s))['‘’](?P<yy>\d\d)\b(?!['’\d])",
                                  i)),
        ("year", re.compile(rf"(?<![\d$€£.,/-])\b(?P<y>{year})\b(?![.,]\d|\s*(?:%|percent|km|kilomet|miles|"
                            rf"people|troops|soldiers|dollars|tons|-|–))")),
    ]


_UNITS = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "centur", "quarter")
_NEEDS = {
    "ago": ("ago",), "after": ("later", "after", "before", "earlier", "prior"), "age": ("old",),
    "times_per": ("once", "twice", "times"), "every_n": ("every",), "fiscal_year": ("fiscal",),
    "year_ended": ("year",), "full_year": ("full",), "spelled_year": ("nineteen", "eighteen", "thousand"),
    "quarter": ("quarter",), "the_quarter": ("quarter",), "century": ("century",), "year_ago": ("year-",),
    "short_year": ("'", "\u2018", "\u2019"), "decade": ("0s", "0'", "0\u2019", "ties"), "long": ("-long",),
    "that_unit": ("that",), "vague_duration": ("weeks", "months", "years", "decades", "centuries"),
    "half": ("half",), "duration": _UNITS, "past_unit": ("past", "last", "previous", "next", "coming"),
    "weekend": ("weekend",), "season": ("spring", "summer", "autumn", "fall", "winter"),
    "same_day": ("day", "morning", "afternoon", "evening"), "day_before": ("day",),
    "rel_day": ("today", "tonight", "yesterday", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "next_unit": ("next", "following", "previous", "preceding"),
    "rel_unit": ("week", "month", "year", "decade", "century"),
    "clock_word": ("noon", "midday", "midnight", "morning", "afternoon"),
    "year": ("18", "19", "20"), "year_range": ("18", "19", "20"),
    "month": tuple(FULL_MONTH.lower().split("|")), "weekday": tuple(DAYS.lower().split("|")),
    "rate": ("year", "month", "week", "day", "hour"),
}
_NEEDS_PATTERN = {
    "short_year": re.compile(r"['‘’]\d\d"),
    "clock": re.compile(r"\d(?::|\.\d\d\s*[ap]|\s*[ap]\.?m)", re.I),
}


@cache
def needs() -> dict[str, tuple[str, ...]]:
    """Words (lowercase) of which every match of a kind's patterns holds one: a passage with none of them
    is not searched with those patterns (``nlp.word_filter``: the same hits, at a fraction of the cost;
    most passages name no "fiscal" year, no time "ago"). For kinds of phrases from data/time_words.yaml,
    the phrases themselves ("in the past", not "in")."""
    w = words()
    return _NEEDS | {kind: tuple({" ".join(item.lower().split()) for item in items}) for kind, items in (
        ("holiday", w["holidays"]), ("set", w["sets"]),
        ("ref", w["present_ref"] + w["past_ref"] + w["future_ref"]))}


def find_hits(text: str, start: int, end: int) -> list[Hit]:
    candidates: list[Hit] = []
    for mention in find_dates(text, start, end):
        candidates.append(Hit(mention.span, "explicit", None))  # type: ignore[arg-type]
    held, wanted = Words(text, start, end), needs()
    for kind, pattern in patterns():
        if kind in wanted and not held.holds_any(wanted[kind]):
            continue
        if kind in _NEEDS_PATTERN and not _NEEDS_PATTERN[kind].search(text, start, end):
            continue
        for match in pattern.finditer(text, start, end):
            span = trim(text, Span(match.start(), match.end()))
            if len(span):
                candidates.append(Hit(span, kind, match))
    candidates.sort(key=lambda h: (-(h.span.end - h.span.start), h.span.start))
    taken: list[Hit] = []
    for hit in candidates:
        if not any(hit.span.overlaps(t.span) for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.span)


def trim(text: str, span: Span) -> Span:
    """TIMEX3 spans leave out the preposition before them ("on July 8" -> "July 8")."""
    lead = LEAD.match(text[span.start : span.end])
    start = span.start + (lead.end() if lead else 0)
    while start < span.end and text[start].isspace():
        start += 1
    return Span(start, max(start, span.end))


QUARTER_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def amount(m: re.Match) -> float | None:
    raw = " ".join(m.group("n").lower().split())
    if raw.replace(".", "").replace(",", "").isdigit():
        return float(raw.replace(",", "."))
    parts = re.split(r"[\s-]", raw)  # "twenty four", "twenty-four"
    numbers = words()["numbers"]
    if len(parts) == 2 and all(p in numbers for p in parts) and numbers[parts[0]] >= 20:
        return numbers[parts[0]] + numbers[parts[1]]
    return numbers.get(raw)


def whole(n: float, code: str) -> tuple[int, str]:
    """A fractional amount in a smaller unit: a quarter of a century is 25 years, half a year 6 months."""
    smaller = {"CE": (100, "Y"), "DE": (10, "Y"), "Y": (12, "M"), "W": (7, "D"), "D": (24, "H"),
               "H": (60, "MIN")}  # MIN: minutes (a TIMEX3 "PT30M"), not months
    if n != int(n) and code in smaller:
        factor, code = smaller[code]
        return round(n * factor), code
    return int(n), code


def unit_code(unit: str) -> str:
    unit = unit.lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    return words()["units"][unit]
