"""Time expressions found in text and normalised in TimeML TIMEX3 style.

Detection is by patterns (``timex_patterns``; data/time_words.yaml holds the words). Normalisation
resolves what is relative against the document's date (anchor ``publication``) or against another
expression in the text (``expression``: "two days later"; ``event``: "two days after the talks on May
8"), in the direction of the expression's own verb (``timex_tense``): named units in ``timex_named``,
counted ones in ``timex_counted``, those counted from other expressions in ``timex_relative``, pairs that
make one in ``timex_compose``. What cannot be resolved keeps ``value`` None: never a guessed year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitroom.clean.dates import find_dates
from sitroom.extract.calendar import Anchor, year_for
from sitroom.extract.timex_compose import composed
from sitroom.extract.timex_counted import (
    ago,
    clock_word,
    duration,
    duration_or_last,
    part_of_day,
    ref,
    rel_day,
    rel_unit,
    spelled_year,
)
from sitroom.extract.timex_named import (
    calendar_name,
    month,
    quarter,
    season,
    weekday_date,
    weekend,
)
from sitroom.extract.timex_patterns import (
    Hit,
    alt,
    find_hits,
    unit_code,
    words,
)
from sitroom.extract.timex_qualifiers import qualifies
from sitroom.extract.timex_relative import RELATIVE, relative
from sitroom.extract.timex_tense import FUTURE, PAST, UNKNOWN, planned_present, speech_times, tense_at
from sitroom.model.dates import partial_date
from sitroom.model.evidence import Span
from sitroom.model.timex import Timex


def tag(text: str, dct: str | None = None, start: int = 0, end: int | None = None, doc=None,
        context: Sequence[Timex] = (), offset: int = 0) -> list[Timex]:
    """Every time expression in ``text[start:end]``; ``dct`` is the document's date (partial ISO).

    ``doc``, when given, is spaCy's parse of ``text``: each relative expression then takes its direction
    (past or future) from the tense of its own governing verb. ``context``: the expressions already found in
    the document before ``text`` (spans in the document, where ``text`` begins at ``offset``), so that "a
    year earlier" or "the quarter" in one paragraph counts from a date named in an earlier one."""
    end = len(text) if end is None else end
    hits = find_hits(text, start, end)
    anchor = Anchor.parse(dct)
    resolved: list[Timex] = []
    for hit in hits:
        timex = _resolve(hit, text, anchor, doc)
        if timex is not None:
            ranged = hit.kind == "year_range" or (hit.kind == "month" and timex.end is not None)
            resolved.extend(_split_range(timex, hit, text) if ranged else [timex])
    if doc is not None:
        resolved = _from_speech_time(resolved, hits, text, doc)
    resolved = composed(relative(resolved, hits, text, anchor, context, offset), text)
    return [replace(t, qualifier=True) if qualifies(t, text) else t for t in resolved]


_SPOKEN = frozenset({"weekday", "rel_unit", "rel_day", "next_unit"})
"""Kinds of expressions that count from the time of the statement that reports them."""


def _from_speech_time(found: list[Timex], hits: list[Hit], text: str, doc) -> list[Timex]:
    """ "The minister said on Friday that talks would resume next week": the week after that Friday."""
    by_span = {h.span: h for h in hits}
    spoken = speech_times(doc, [(t.span.start, t.span.end) for t in found], [t.value for t in found])
    out = list(found)
    for index, value in spoken.items():
        hit = by_span.get(found[index].span)
        if hit is not None and hit.kind in _SPOKEN and found[index].anchor == "publication":
            again = _resolve(hit, text, Anchor.parse(value), doc)
            if again is not None and again.value:
                out[index] = replace(again, anchor="expression")
    return out


def _split_range(timex: Timex, hit: Hit, text: str) -> list[Timex]:
    """ "from 1979 to 1983", "May-June": TimeML tags each end; the first keeps the range's end."""
    if hit.kind == "month":
        first, second = (hit.span.start, hit.match.end("m")), hit.match.span("m2")
    else:
        first, second = hit.match.span("y1"), hit.match.span("y2")
        if len(text[second[0] : second[1]]) == 2:
            return [timex]
    return [Timex(Span(*first), "DATE", timex.value, timex.anchor, timex.end),
            Timex(Span(*second), "DATE", timex.end, timex.anchor)]


_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:and|but|while|whereas|although|though)\b|;|\bthat\b|\bwhen\b",
                          re.IGNORECASE)
"""Where a clause of a sentence ends: "X met Y on Tuesday, and the talks will resume on Friday", "said on
Friday that talks would resume"."""


def _direction(text: str, span: Span, doc) -> int:
    """PAST, FUTURE or UNKNOWN for the expression: its governing verb's tense when the parse is given and
    tells, else FUTURE when a future cue ("will", "next", "plans to") is in its own clause of the sentence."""
    if doc is not None:
        found = tense_at(doc, span.start, span.end)
        if found != UNKNOWN:
            return found
    left = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start), 0)
    right = min([i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i >= 0] or [len(text)])
    breaks = list(_CLAUSE_BREAK.finditer(text, left, right))
    left = max([b.end() for b in breaks if b.end() <= span.start] or [left])
    right = min([b.start() for b in breaks if b.start() >= span.end] or [right])
    clause = text[left:right].lower()
    return FUTURE if re.search(r"\b(?:" + alt(words()["future_cues"]) + r")\b", clause) else UNKNOWN


def _resolve(hit: Hit, text: str, dct: Anchor | None, doc=None) -> Timex | None:
    span, m = hit.span, hit.match
    direction = _direction(text, span, doc)
    if hit.kind == "explicit":
        return _explicit(text, span, dct, direction)
    if hit.kind == "iso_time":
        return Timex(span, "TIME", m.group()[:16], None)
    if hit.kind == "clock":
        hour = int(m.group("h")) % 12 + (12 if (m.group("ap") or "").lower().startswith("p") else 0) \
            if m.group("ap") else int(m.group("h"))
        clock = f"T{hour:02d}:{m.group('m') or '00'}"
        day = dct.value() if dct and dct.day else None
        return Timex(span, "TIME", f"{day}{clock}" if day else None, "publication" if day else None)
    if hit.kind == "clock_word":
        return clock_word(span, m, dct)
    if hit.kind == "spelled_year":
        return spelled_year(span, m)
    if hit.kind == "weekend":
        return weekend(span, dct, direction)
    if hit.kind in ("vague_duration", "long"):  # "for years", "in weeks", "decades-long", "day-long"
        plural = m.group("unit").lower().endswith(("s", "ies"))
        return Timex(span, "DURATION", ("PX" if plural else "P1") + unit_code(m.group("unit")), None)
    if hit.kind == "year_ended":  # "the year ended March 31": a year-long period
        return Timex(span, "DURATION", "P1Y", None)
    if hit.kind in ("fiscal_year", "full_year", "half", "holiday"):
        return calendar_name(hit.kind, span, m, dct, direction)
    if hit.kind == "year_range":
        y1, y2 = m.group("y1"), m.group("y2")
        y2 = y1[:2] + y2 if len(y2) == 2 else y2
        return Timex(span, "DATE", y1, None, y2) if int(y2) >= int(y1) else None
    if hit.kind == "age":
        return None  # "a 6-year-old": an age, not a time
    if hit.kind == "decade" and m.groupdict().get("w"):  # "the nineties"
        tens = words()["numbers"][m.group("w").lower().replace("ies", "y")]
        return Timex(span, "DATE", f"19{tens // 10}", None)
    if hit.kind == "decade":
        y = m.group("y").strip("'’")
        y = ("19" + y) if len(y) == 2 else y
        return Timex(span, "DATE", y[:3], None)
    if hit.kind == "century":
        return Timex(span, "DATE", f"{int(m.group('n')) - 1:02d}", None)
    if hit.kind == "season":
        return season(span, m, dct, direction)
    if hit.kind == "quarter":
        return quarter(span, m, dct, direction)
    if hit.kind == "ago":  # a year ago after a quarter: moved to that quarter by relative()
        return ago(span, m, dct)
    if hit.kind in RELATIVE:
        return Timex(span, "DATE", None, None)  # resolved against the other expressions by relative()
    if hit.kind == "rel_day":
        if _in_a_name(text, span):  # "Marlova TODAY", "Halvorsen Tonight"
            return None
        return rel_day(span, m.group("w").lower(), dct)
    if hit.kind == "part_of_day":
        return part_of_day(span, m, dct)
    if hit.kind == "past_unit":
        return Timex(span, "DURATION", duration(m), None)
    if hit.kind == "rel_unit" and _OWNER_BEFORE.search(text[max(0, span.start - 8) : span.start]):
        return None  # "his last year in office": a year of his, not the one before the paper's
    monday = dct is not None and dct.date is not None and dct.date.weekday() == 0
    if hit.kind == "rel_unit" and m.group("unit").lower() == "weekend" and m.group("rel").lower() == "this" \
            and (direction == PAST or (direction == UNKNOWN and monday)):
        # "this weekend, X complained" on a Tuesday, "this weekend's op-ed" on a Monday: the one just gone
        return weekend(span, dct, direction)
    if hit.kind == "rel_unit":
        return rel_unit(span, m, dct)
    if hit.kind == "weekday":
        if direction == UNKNOWN and doc is not None and planned_present(doc, span.start, span.end):
            direction = FUTURE  # "speaks at a forum on Friday": a day to come
        return weekday_date(span, m, dct, direction)
    if hit.kind == "month":
        return month(span, m, dct, direction)
    if hit.kind == "set":
        if _newspaper(text, span, doc):
            return None
        return Timex(span, "SET", words()["sets"].get(" ".join(m.group().lower().split())), None)
    if hit.kind == "every_n":  # "every six months"
        return Timex(span, "SET", duration(m), None)
    if hit.kind == "rate":  # "$21 an hour", "60 hours a week": per unit
        rate = m.group("unit").lower()
        return Timex(span, "SET", ("PT1" if rate == "hour" else "P1") + unit_code(rate), None)
    if hit.kind == "times_per":
        return Timex(span, "SET", "P1" + unit_code(m.group("unit")), None)
    if hit.kind == "duration":
        share = m.group("n").lower() in ("a", "one", "three") and m.group("unit").lower()[:7] == "quarter"
        if share and re.match(r"\s+of\b", text[span.end :]):
            return None  # "a quarter of the vote", "three-quarters of voters": a share
        if m.group("unit").lower() == "second" and _ORDINAL_FOLLOWS.match(text, span.end):
            return None  # "a second officer", "a second ballot": an ordinal
        return duration_or_last(span, m, dct)
    if hit.kind == "ref":
        return Timex(span, "DATE", ref(m.group()), None)
    if hit.kind == "year":
        return Timex(span, "DATE", m.group("y"), None)
    if hit.kind == "short_year":  # the century that puts it no later than a year after the writing
        if dct is None:
            return Timex(span, "DATE", None, None)  # (which century, only the writing's date tells)
        yy = int(m.group("yy"))
        return Timex(span, "DATE", str(2000 + yy if 2000 + yy <= dct.year + 1 else 1900 + yy), None)
    return None


def _explicit(text: str, span: Span, dct: Anchor | None, direction: int) -> Timex | None:
    (mention,) = [d for d in find_dates(text, span.start, span.end) if d.span == span] or [None]
    if mention is None:
        return None
    if mention.year is not None:
        return Timex(span, "DATE", mention.value, None)
    if dct is None:
        return Timex(span, "DATE", None, None)
    year = year_for(dct, mention.month, mention.day, direction)
    return Timex(span, "DATE", partial_date(year, mention.month, mention.day), "publication")


_OWNER_BEFORE = re.compile(r"\b(?:his|her|its|their|my|our|your)\s+$", re.I)
_ORDINAL_FOLLOWS = re.compile(r"\s+(?!(?:later|earlier|ago|after|before|longer|or|and|to|in)\b)[A-Za-z]")


def _in_a_name(text: str, span: Span) -> bool:
    """A capitalised word right after another capitalised one, mid-sentence: part of a title or name."""
    word = text[span.start : span.end]
    before = re.search(r"(\S+)\s+$", text[max(0, span.start - 30) : span.start])
    return word[:1].isupper() and before is not None and before.group(1)[:1].isupper() \
        and not before.group(1).endswith((".", "!", "?", ":", '"', "”"))


def _newspaper(text: str, span: Span, doc) -> bool:
    """ "the daily Tagesblatt", "a weekly": the noun for a paper, not a repetition."""
    if re.match(r"\s+[A-Z]", text[span.end : span.end + 2]):
        return True
    token = doc.char_span(span.start, span.end) if doc is not None else None
    return token is not None and len(token) == 1 and token[0].pos_ in ("NOUN", "PROPN")
