"""Events of one document tied to its mentions, times and places: the rows the room keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.extract.events import EventFinding
from sitroom.extract.timex import Timex
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SEASON_MONTHS = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}


@dataclass(frozen=True)
class When:
    start: str
    end: str | None
    basis: str
    """``explicit``, ``relative`` or ``inferred``."""


@dataclass(frozen=True)
class EventRecord:
    type: str
    mode: str | None
    status: str
    sentence: Span
    trigger: Span
    phrase: str
    sources: tuple[int, ...]
    """Indices of the document's mentions that did it."""
    targets: tuple[int, ...]
    when: When | None
    location: str | None


def records(findings: list[EventFinding], mentions: list[Mention], timexes: list[Timex],
            published: str | None, paragraphs: tuple[Span, ...] = (),
            dateline: Span | None = None) -> list[EventRecord]:
    """Findings whose source or target is one of the document's actors, with when and where.

    When: the date in the event's own clause, else one heading its sentence, else the narrative time of
    its paragraph (the last date of an earlier sentence there, basis ``inferred``), else the publication
    date for an event told in the present or present perfect (``inferred``); else undated. The
    dateline's date (``dateline``, the story's) is never an event's own.
    """
    if dateline is not None:
        timexes = [t for t in timexes if not dateline.contains(t.span)]
    out: list[EventRecord] = []
    for f in findings:
        sources = _mentions_in(f.source_spans, mentions)
        targets = tuple(i for i in _mentions_in(f.target_spans, mentions) if i not in sources)
        if f.told_before:
            earlier = _told_before(f, out, paragraphs)
            sources, targets = (earlier.sources, earlier.targets) if earlier else ((), ())
        if not sources:
            continue  # who did it is the point of an event record: no actor, no record
        out.append(EventRecord(f.type, f.mode, f.status, f.span, f.trigger, f.phrase, sources, targets,
                               _when(f, timexes, published, paragraphs), _where(f, mentions)))
    return out


TOLD_BEFORE_CHARS = 600
"""How far back (characters, within the paragraph or the one before) "the talks" finds its talks."""


def _told_before(f: EventFinding, records_so_far: list[EventRecord],
                 paragraphs: tuple[Span, ...]) -> EventRecord | None:
    """The last event of the same type told shortly before ``f``."""
    near = [r for r in records_so_far if r.type == f.type and r.trigger.end <= f.trigger.start
            and f.span.start - r.sentence.start <= TOLD_BEFORE_CHARS]
    return near[-1] if near else None


def _mentions_in(spans: tuple[Span, ...], mentions: list[Mention]) -> tuple[int, ...]:
    found: list[int] = []
    for span in spans:
        inside = [i for i, m in enumerate(mentions) if span.contains(m.span) and m.kind != "location"] or [
            i for i, m in enumerate(mentions)  # "Doctors" heading the name "Doctors Without Walls"
            if m.span.start <= span.start < m.span.end and m.kind != "location" and not m.pronoun]
        if inside:
            found.append(inside[-1])  # "the Norwegian Trade Ministry's envoy": the head's own name last
    return tuple(dict.fromkeys(found))


def to_when(timex: Timex) -> When | None:
    """A TIMEX3 value as a partial-date range ("2021-W27" -> its month, "2021-SU" -> June–August)."""
    value = timex.value or ""
    basis = "explicit" if timex.anchor is None else "relative"
    season = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if season:
        first, last = _SEASON_MONTHS[season.group(2)]
        year = int(season.group(1))
        return When(f"{year}-{first}", f"{year + (last < first)}-{last}", basis)
    quarter = re.match(r"^(\d{4})-Q([1-4])$", value)
    if quarter:
        q = int(quarter.group(2))
        return When(f"{quarter.group(1)}-{3 * q - 2:02d}", f"{quarter.group(1)}-{3 * q:02d}", basis)
    week = re.match(r"^(\d{4})-W(\d\d)", value)
    if week:
        import datetime as dt

        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return When(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), basis)
    match = _PARTIAL.match(value)
    if not match or timex.type not in ("DATE", "TIME"):
        return None
    end = _PARTIAL.match(timex.end or "")
    return When(match.group(0), end.group(0) if end else None, basis)


HEAD_CHARS = 60
"""A date this close to the start of the sentence ("On July 8, ...") dates the whole sentence."""


def _when(f: EventFinding, timexes: list[Timex], published: str | None,
          paragraphs: tuple[Span, ...] = ()) -> When | None:
    in_sentence = [t for t in timexes if f.span.contains(t.span) and to_when(t) is not None]
    scoped = [t for t in in_sentence if f.scope and f.scope.contains(t.span)
              and not any(c.contains(t.span) for c in f.inner)]
    heading = [t for t in in_sentence if t.span.start - f.span.start <= HEAD_CHARS
               and t.span.start < f.trigger.start and not _bound_before(t)]
    candidates = scoped or heading
    if candidates:
        # "two days after [X on July 8]" dates the clause it heads, not the clause that holds July 8
        nearest = min(candidates, key=lambda t: (t.anchor == "event" and len(candidates) > 1,
                                                 abs(t.span.start - f.trigger.start)))
        return to_when(nearest)
    narrative = _narrative(f, timexes, paragraphs)
    if narrative is not None:
        return When(narrative.start, narrative.end, "inferred")
    return When(published, None, "inferred") if published and f.current else None


def _narrative(f: EventFinding, timexes: list[Timex], paragraphs: tuple[Span, ...]) -> When | None:
    """The date in force where the event is told: the last dated day, month or year of an earlier
    sentence of its paragraph ("On May 3 the envoy arrived. He met the minister." -> May 3)."""
    paragraph = next((p for p in paragraphs if p.start <= f.span.start < p.end), None)
    if paragraph is None:
        return None
    before = [t for t in timexes if paragraph.start <= t.span.start < f.span.start and t.type == "DATE"
              and to_when(t) is not None and _PARTIAL.match(t.value or "")]
    return to_when(before[-1]) if before else None


def _bound_before(t: Timex) -> bool:
    return t.value is not None and t.type == "DURATION"


def _where(f: EventFinding, mentions: list[Mention]) -> str | None:
    scope = f.scope or f.span
    for m in mentions:
        if m.kind in ("location", "state") and scope.contains(m.span) and m.span.start > f.trigger.start:
            return m.text
    return None
