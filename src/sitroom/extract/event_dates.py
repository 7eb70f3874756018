"""When an event happened: the date of its own clause, else one heading its sentence, else its
sentence's one date; the story's narrative time (a date heading an earlier sentence of the paragraph, a
live blog's entry line); the day the story's lead tells of. Partial ISO dates (TimeML values)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitroom.extract.timex import Timex
from sitroom.extract.timex_qualifiers import is_decade
from sitroom.model.event import EventFinding
from sitroom.model.evidence import Span

if TYPE_CHECKING:
    from sitroom.extract.event_records import EventRecord


@dataclass(frozen=True)
class When:
    start: str
    end: str | None
    basis: str
    """``explicit``, ``relative`` or ``inferred``."""


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SEASON_MONTHS = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}


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
    week = re.match(r"^(\d{4})-W(\d\d)(-WE)?", value)
    if week:  # (a weekend, "-WE": its Saturday and Sunday)
        first = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 6 if week.group(3) else 1)
        return When(first.isoformat(), (first + timedelta(days=1 if week.group(3) else 6)).isoformat(), basis)
    if is_decade(timex):  # "196": the 1960s
        return When(value + "0", value + "9", basis)
    match = _PARTIAL.match(value)
    if not match or timex.type not in ("DATE", "TIME"):
        return None
    end = _PARTIAL.match(timex.end or "")
    return When(match.group(0), end.group(0) if end else None, basis)


def ahead(f: EventFinding) -> bool:
    """An act not (yet) done, which takes no narrative time, publication date or date of another clause:
    a hypothetical one, or one planned that is no promise ("he will endorse her" is a promise made when
    it is told, PLOVER's AGREE or THREATEN with the promised act's mode, dated as told)."""
    return f.status == "hypothetical" or (f.status == "planned" and not (
        f.mode is not None and f.type in ("AGREE", "THREATEN")))


HEAD_CHARS = 60
"""A date this close to the start of the sentence ("On July 8, ...") dates the whole sentence."""


def own_when(f: EventFinding, story: Story, others: list[Span] = ()) -> When | None:
    """The date of the event's own clause, else one heading its sentence, else its sentence's one date;
    an event noun never takes a date inside another event of the sentence (``others``: their clauses)
    that does not hold it: "the visit reminds me of a trip in 1985" gives the visit no date (a verb
    may: the parser often hangs its date on a noun inside its clause)."""
    in_sentence = [t for t in story.inside(f.span) if to_when(t) is not None
                   and (not t.qualifier or 0 <= f.trigger.start - t.span.end <= 1)  # ("the 1991 agreement")
                   and not any(c.contains(t.span) for c in f.asides)  # "a judge appointed in 2010"
                   and not (f.nominal and any(o.contains(t.span) and not o.contains(f.trigger)
                                              for o in others))]
    # a relative clause tells of its noun, a past perfect of a time before the sentence's: only the
    # trigger's own clause dates them
    own_time_only = f.relative or f.anterior or f.afterwards  # ("he later denied it")
    # an act only planned or wished takes no date of the clause that tells of it: "on Wednesday, his
    # backers urged him to hold out until Y makes concessions"
    later = ahead(f)
    # (an era dates a sentence it opens, "In the 1960s, X backed Y", but in a clause it is more often a
    # background, "criticized him for votes in the 1990s", than the time of the act)
    scoped = [t for t in in_sentence if f.scope and f.scope.contains(t.span) and not is_decade(t)
              and not any(c.contains(t.span) for c in f.inner)]
    heading = [] if own_time_only or later else [
        t for t in in_sentence if t.span.start - f.span.start <= HEAD_CHARS and t.span.start < f.trigger.start
        and not _bound_before(t)]
    candidates = scoped or heading
    if candidates:
        # "two days after [X on July 8]" dates the clause it heads, not the clause that holds July 8
        nearest = min(candidates, key=lambda t: (t.anchor == "event" and len(candidates) > 1,
                                                 abs(t.span.start - f.trigger.start)))
        return _listed(nearest, candidates)
    # "supported the effort, attending the opening in 2013": the sentence's one date, unless another
    # event's clause holds it ("X agreed ..., but when Y visited in March 2010, ...")
    free = [t for t in in_sentence if t.type == "DATE" and not is_decade(t)
            and not any(o.contains(t.span) and not o.contains(f.trigger) for o in others)]
    # (a noun: only its clause's)
    if len({t.value for t in free}) == 1 and not (own_time_only or later or f.nominal):
        return to_when(free[0])
    return None


SCENE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "AGREE", "REJECT", "CONCEDE", "THREATEN", "CONSULT"})
"""Acts of word and meeting, which a story's quotes and reactions tell of on the day of its lead; an
undated deed in the simple past is as often background as not."""

SCENE_DAYS = 7
"""How many days before publication the lead's day may be for it to be the story's own day."""

LEAD_PARAGRAPHS = 2
"""The paragraphs of prose that are a story's lead."""

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

HEADER_CHARS = 60
"""A paragraph this short that is mostly a date ("February 6, 2016 10:57PM") heads a live blog's entry
(the prose after it)."""


class Story:
    """A document's time expressions indexed by position, and where its narrative time stands at each
    point (see ``records``). Every lookup is a binary search: no cost grows with the square of a long
    page's paragraphs or dates."""

    def __init__(self, timexes: list[Timex], paragraphs: tuple[Span, ...], sentences: tuple[Span, ...],
                 published: str | None):
        self.timexes = sorted(timexes, key=lambda t: t.span.start)
        self.starts = [t.span.start for t in self.timexes]
        self.paragraphs = sorted(paragraphs, key=lambda p: p.start)
        self.paragraph_starts = [p.start for p in self.paragraphs]
        starts = sorted(s.start for s in sentences)
        self.heading = [t for t in self.timexes if _framing(t) and (k := bisect_right(starts, t.span.start))
                        and t.span.start - starts[k - 1] <= HEAD_CHARS]
        self.heading_starts = [t.span.start for t in self.heading]
        self.headers: list[tuple[Span, When]] = []  # a live blog's entry lines, in order
        for p in self.paragraphs:
            if len(p) > HEADER_CHARS:
                continue
            inside = self.inside(p)
            dated = next((t for t in inside if _framing(t)), None)
            if dated is not None and sum(len(t.span) for t in inside) * 2 >= len(p):
                self.headers.append((p, to_when(dated)))
        lines = {p for p, _ in self.headers}
        prose_end = max((p.end for p in self.paragraphs if p not in lines), default=0)
        # (a dated line that heads no entry, as a correction's at the end, makes no blog)
        self.headers = [(p, when) for p, when in self.headers if p.end < prose_end]
        self.header_ends = [p.end for p, _ in self.headers]
        self.published = published  # a blog's first entry stands under the page's own dated line
        self.framing = [t for t in self.timexes if _framing(t)]
        self.framing_starts = [t.span.start for t in self.framing]
        self.lead = [p for p in self.paragraphs if len(p) > HEADER_CHARS][:LEAD_PARAGRAPHS]
        self.scene = self._lead_day()

    def _lead_day(self) -> str | None:
        """The day the story's lead tells of ("X said on Wednesday", "at Saturday's debate"): the first
        exact day named in its first paragraphs of prose, when it is at most SCENE_DAYS before the
        publication date."""
        return next((t.value[:10] for p in self.lead for t in self.inside(p) if self._recent(t)), None)

    def _recent(self, t: Timex) -> bool:
        if not self.published or t.type != "DATE" or not _DAY.match(t.value or "") \
                or not _DAY.match(self.published):
            return False
        return 0 <= (date.fromisoformat(self.published[:10]) - date.fromisoformat(t.value[:10])).days \
            <= SCENE_DAYS

    def scene_of(self, f: EventFinding) -> When | None:
        """The lead's day for an undated act told in the simple past, while the story has not moved
        to another time: the last date named before the event is still one of the story's days."""
        if self.scene is None or not self.framing or f.span.start < self.framing_starts[0]:
            return None
        last = self.framing[bisect_right(self.framing_starts, f.span.start) - 1]
        return When(self.scene, None, "inferred") if self._holds_scene(last) else None

    def _holds_scene(self, t: Timex) -> bool:
        """A date that keeps the story at its lead's day: a recent day, or the week, month or year of
        the lead's day ("this week")."""
        value = t.value or ""
        if _DAY.match(value):
            return self._recent(t)
        week = re.match(r"^(\d{4})-W(\d{2})$", value)
        if week:
            return date.fromisoformat(self.scene).isocalendar()[:2] == (int(week[1]), int(week[2]))
        return self.scene.startswith(value)

    def dated(self, f: EventFinding) -> bool:
        """The event's sentence names a day, month or year outside the clauses that tell of its
        participants (``f.asides``)."""
        return any(_framing(t) and not any(c.contains(t.span) for c in f.asides) for t in self.inside(f.span))

    def inside(self, span: Span) -> list[Timex]:
        """The time expressions within ``span``, in order."""
        found = self.timexes[bisect_left(self.starts, span.start) : bisect_left(self.starts, span.end)]
        return [t for t in found if span.contains(t.span)]

    def narrative(self, f: EventFinding, told: list[EventRecord]) -> When | None:
        k = bisect_right(self.paragraph_starts, f.span.start)
        paragraph = self.paragraphs[k - 1] if k else None
        if paragraph is None or f.span.start >= paragraph.end:
            return None
        first, last = (bisect_left(self.heading_starts, at) for at in (paragraph.start, f.span.start))
        frames = [(t.span.start, to_when(t)) for t in self.heading[first:last]]
        for r in reversed(told):  # the events told earlier in this paragraph (records come in order)
            if r.sentence.start < paragraph.start:
                break
            if r.when and r.when.basis != "inferred" and r.sentence.end <= f.span.start:
                frames.append((r.sentence.start, r.when))
        if frames:
            when = max(frames, key=lambda x: x[0])[1]
            if f.past and after(when.start, self.published):
                return None  # ("X will pick delegates Saturday. ... Y withdrew": not on a day to come)
            return When(when.start, when.end, "inferred")
        if not self.headers:
            return None
        k = bisect_right(self.header_ends, f.span.start)
        if not k:
            return When(self.published, None, "inferred") if self.published else None
        when = self.headers[k - 1][1]
        return When(when.start, when.end, "inferred")


LIST_GAP = 6
"""Characters between two dates of a list ("in 2001, 2003 and 2005")."""


def _listed(nearest: Timex, candidates: list[Timex]) -> When | None:
    """The date, or the span of the list of dates of its precision it stands in ("voted to ban it in
    2001, 2003 and 2005": 2001 to 2005)."""
    if nearest.anchor is not None:
        return to_when(nearest)  # (only dates written out: not "today, tomorrow, forever")
    size = len(nearest.value or "")
    same = sorted((t for t in candidates if t.anchor is None and len(t.value or "") == size),
                  key=lambda t: t.span.start)
    k = same.index(nearest)
    first = last = k
    while first > 0 and same[first].span.start - same[first - 1].span.end <= LIST_GAP:
        first -= 1
    while last + 1 < len(same) and same[last + 1].span.start - same[last].span.end <= LIST_GAP:
        last += 1
    whens = [w for t in same[first : last + 1] if (w := to_when(t)) is not None]
    if len(whens) < 2:
        return to_when(nearest)
    return When(min(w.start for w in whens), max(w.end or w.start for w in whens), whens[0].basis)


def after(day: str, published: str | None) -> bool:
    """``day`` (a partial ISO date) is after the publication date, compared at the precision of both."""
    n = min(len(day), len(published or ""))
    return bool(published) and day[:n] > published[:n]


def _framing(t: Timex) -> bool:
    """A day, month or year that can set the narrative time."""
    return t.type == "DATE" and bool(_PARTIAL.match(t.value or "")) and to_when(t) is not None \
        and not t.qualifier  # ("the 2016 race" sets no time)


def _bound_before(t: Timex) -> bool:
    return t.value is not None and t.type == "DURATION"
