"""Time expressions that qualify a noun rather than tell the time of what a sentence says: "the 2016
race", "Trump's 2012 bid", "since the 1990s", "the Christmas market fire" (TimeML would still tag them;
sitroom keeps them but marks them, so that no event takes its date from them)."""

from __future__ import annotations

import re
from functools import cache

from sitroom.clean.dates import MONTHS
from sitroom.extract.timex_patterns import words as time_words
from sitroom.model.timex import Timex

_QUALIFIED = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|this|that)|['’]s)\s+$", re.I)


_NOT_A_NOUN = frozenset({"and", "or", "to", "through", "when", "as", "after", "before", "until", "in", "on"})


def qualifies(timex: Timex, text: str) -> bool:
    """ "the 2016 race", "Trump's 2012 bid": a determiner or owner before a bare year, a noun after; not
    where a sentence opens with that occasion ("During the 2008 race, ...": see ``_OPENING``); and a
    holiday's name before a noun ("the Christmas market fire")."""
    if is_decade(timex) and _BOUND.search(text[max(0, timex.span.start - 14) : timex.span.start]):
        return True  # "since the 1990s", "after the 1980s": a bound, not the time told of
    if _holiday_modifier(timex, text):
        return True
    if not re.fullmatch(r"\d{4}", text[timex.span.start : timex.span.end]):
        return False
    after = re.match(r"\s+([A-Za-z][\w.-]+)", text[timex.span.end : timex.span.end + 30])
    if after and (after.group(1).lower() in _NOT_A_NOUN or after.group(1).lower().rstrip(".") in MONTHS):
        return False  # "the 2009 and 2010 budgets" keep to their list; "the 2009 May" is no noun
    if not after or not _QUALIFIED.search(text[max(0, timex.span.start - 12) : timex.span.start]):
        return False
    before = ("\n" if timex.span.start <= 40 else "") + text[max(0, timex.span.start - 40) : timex.span.start]
    return not _OPENING.search(before) or "," not in text[timex.span.end : timex.span.end + 30]


@cache
def _holiday_names() -> frozenset[str]:
    """The holidays data/time_words.yaml names, lower case."""
    return frozenset(time_words()["holidays"])


_AFTER_NO_NOUN = frozenset({"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "we",
                            "they", "i", "you", "his", "her", "its", "our", "their", "was", "is", "were",
                            "will", "would"})
"""Words after a holiday that start a clause, not the noun it qualifies ("On Christmas we met")."""
_BEFORE_NO_NAME = frozenset({"on", "by", "since", "until", "till", "before", "after", "at", "in", "during",
                             "over", "through", "from", "for", "around", "near", "of"})
"""Capitalised words before a holiday that open a sentence, no name it belongs to ("By Christmas ...")."""


_OF_A_HOLIDAY = frozenset({"day", "eve", "morning", "afternoon", "evening", "night", "week", "weekend",
                           "season", "holiday", "holidays", "break", "period", "recess", "time"})


def _holiday_modifier(timex: Timex, text: str) -> bool:
    """ "the Christmas market fire", "a Thanksgiving dinner": a holiday's name before a noun names an
    occasion, not the time told of (not "Christmas morning", "the Thanksgiving weekend", "on Christmas")."""
    words = text[timex.span.start : timex.span.end]
    if words.lower() not in _holiday_names() or " " in words:
        return False  # (one word, a holiday's: not "a Thursday rally", the rally's day)
    after = re.match(r"\s+([a-z][a-z-]+)", text[timex.span.end : timex.span.end + 30])
    if not after or after.group(1) in _OF_A_HOLIDAY | _NOT_A_NOUN | _AFTER_NO_NOUN:
        return False
    name = re.search(r"([A-Z][\w.-]*)\s+$", text[max(0, timex.span.start - 30) : timex.span.start])
    return bool(_QUALIFIED.search(text[max(0, timex.span.start - 12) : timex.span.start])) or (
        name is not None and name.group(1).lower() not in _BEFORE_NO_NAME)  # ("On Christmas we met")


_BOUND = re.compile(r"(?i)\b(?:since|after|before|until|till|by)\s+(?:the\s+)?$")


def is_decade(timex: Timex) -> bool:
    """A decade as TimeML writes it ("196": the 1960s)."""
    return timex.type == "DATE" and bool(re.fullmatch(r"\d{3}", timex.value or ""))


_OPENING = re.compile(r"(?:[.!?]['\"”’]?\s+|\n\s*)(?:In|During|Throughout|At)\s+"
                      r"(?:the|a|an|his|her|its|their|[A-Z][\w.'’-]*['’]s)\s+$")
"""A sentence opening with the occasion a year qualifies ("In the 1952 campaign, X criticized Y"): the
occasion's year dates what the sentence tells."""
