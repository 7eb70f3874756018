"""Events of one document tied to its mentions, times and places: the rows the room keeps."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from sitroom.extract.timex import Timex
from sitroom.model.event import EventFinding
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
            dateline: Span | None = None, sentences: tuple[Span, ...] = (),
            voices: tuple[tuple[Span, int], ...] = ()) -> list[EventRecord]:
    """Findings whose source or target is one of the document's actors, with when and where.

    When: the date in the event's own clause, else one heading its sentence, else the one date of its
    sentence; else the narrative time (basis ``inferred``): the date heading an earlier sentence of its
    paragraph or dating an earlier event there, whichever came last, or in a live blog the time of the
    entry's heading line; else the publication date for an event told in the present (``inferred``; a
    present perfect tells of a past act); else, for an act of word or meeting told in the simple past,
    the day the lead tells of while the story stays there (``inferred``); else undated.
    The dateline's date (``dateline``, the story's) is never an event's own. ``sentences``: the
    document's sentence spans, in order. ``voices``: each direct quote's content and its speaker's
    mention, who is the "I" and "me" of an event told in it.
    """
    if dateline is not None:
        timexes = [t for t in timexes if not dateline.contains(t.span)]
    story = _Story(timexes, paragraphs, sentences, published)
    out: list[EventRecord] = []
    by_sentence: dict[Span, list[EventFinding]] = {}  # the findings of each sentence, once
    for f in findings:
        by_sentence.setdefault(f.span, []).append(f)
    for f in findings:
        sources = _mentions_in(f.source_spans, mentions, f.source, f.owners) + _speaking(f, 0, voices)
        targets = tuple(i for i in _mentions_in(f.target_spans, mentions, f.target, f.owners)
                        + _speaking(f, 1, voices) if i not in sources)
        if f.told_before:
            earlier = _told_before(f, out, paragraphs)
            sources, targets = (earlier.sources, earlier.targets) if earlier else ((), ())
        if not sources:
            continue  # who did it is the point of an event record: no actor, no record
        others = [g.scope for g in by_sentence[f.span] if g is not f and g.scope]
        # (a past perfect tells of a time before the narrative's, a present of the time of writing)
        when = _when(f, story, others) or (None if f.anterior or f.current else story.narrative(f, out))
        if when is None and published and f.current:
            when = When(published, None, "inferred")
        if when is None and f.past and f.type in SCENE_TYPES and f.status == "reported":
            when = story.scene_of(f)
        out.append(EventRecord(f.type, f.mode, f.status, f.span, f.trigger, f.phrase, sources, targets,
                               when, _where(f, mentions)))
    return out


_FIRST_PERSON = frozenset({"i", "me", "my"})
"""(Not "we": a speaker's "we" is a campaign, a party or a country as often as the speaker.)"""


def _speaking(f: EventFinding, side: int, voices: tuple[tuple[Span, int], ...]) -> tuple[int, ...]:
    """The speaker of the direct quote an event is told in, for its "I" or "me" (``side`` 0:
    sources, 1: targets): '"I asked them to stay," X said' is X's request."""
    spans, words = (f.source_spans, f.source) if side == 0 else (f.target_spans, f.target)
    return tuple(dict.fromkeys(
        speaker for span, word in zip(spans, words, strict=False) if word.lower() in _FIRST_PERSON
        for content, speaker in voices if content.contains(span)))


TOLD_BEFORE_CHARS = 600
"""How far back (characters, within the paragraph or the one before) "the talks" finds its talks."""


def _told_before(f: EventFinding, records_so_far: list[EventRecord],
                 paragraphs: tuple[Span, ...]) -> EventRecord | None:
    """The last event of the same type told shortly before ``f``."""
    near = [r for r in records_so_far if r.type == f.type and r.trigger.end <= f.trigger.start
            and f.span.start - r.sentence.start <= TOLD_BEFORE_CHARS]
    return near[-1] if near else None


def _mentions_in(spans: tuple[Span, ...], mentions: list[Mention], words: tuple[str, ...] = (),
                 owners: tuple[Span, ...] = ()) -> tuple[int, ...]:
    """The mentions the arguments at ``spans`` (their texts: ``words``) stand for; a place only
    where the argument names its government ("the state of North Carolina") or owns something the
    event is about (``owners``: "approved Indiana's law")."""
    found: list[int] = []
    for k, whole in enumerate(spans):
        governed = (k < len(words) and bool(_GOVERNED.match(words[k]))) or whole in owners
        for span in _coordinated(whole, words[k] if k < len(words) else "", mentions):
            found.extend(_heading(span, governed, mentions))
    return tuple(dict.fromkeys(found))


def _heading(span: Span, governed: bool, mentions: list[Mention]) -> list[int]:
    """The one mention heading the argument at ``span``, as a list (empty when none does)."""
    # "his rivals" are not he: a possessive pronoun inside a longer argument stands for its owner
    inside = [i for i, m in enumerate(mentions)
              if span.contains(m.span) and (m.kind != "location" or governed)
              and not (m.pronoun and m.text.lower() in _POSSESSIVES and m.span != span)] or [
        i for i, m in enumerate(mentions)  # "Doctors" heading the name "Doctors Without Walls"
        if m.span.start <= span.start < m.span.end and m.kind != "location" and not m.pronoun]
    # the one ending last heads the argument ("the Norwegian Trade Ministry's envoy", "the secretary,
    # Karl Ostrom"); "diehard Ostrom supporters" are the supporters, not Ostrom
    return [max(inside, key=lambda i: (mentions[i].span.end, -mentions[i].span.start, i))] if inside else []


_AND = re.compile(r"\s+and\s+|,\s+and\s+")


def _coordinated(span: Span, words: str, mentions: list[Mention]) -> list[Span]:
    """An argument the parser left whole although it joins two names ("Japan's Prime Minister X and
    Ruritania's President Y"): one span per side of each "and" outside a name, else ``span`` itself."""
    if not words or len(words) != len(span) or " and " not in words:
        return [span]
    names = [m.span for m in mentions if span.contains(m.span) and not m.pronoun]
    cuts = [(span.start + a.start(), span.start + a.end()) for a in _AND.finditer(words)
            if not any(n.start < span.start + a.start() and span.start + a.end() < n.end for n in names)]
    if not cuts:
        return [span]
    edges = [span.start] + [x for cut in cuts for x in cut] + [span.end]
    parts = [Span(edges[j], edges[j + 1]) for j in range(0, len(edges), 2)]
    return parts if all(any(p.contains(n) for n in names) for p in parts) else [span]


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_GOVERNED = re.compile(r"(?i)(?:the\s+)?(?:state|government|governor|legislature|people)\s+of\s")


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


def _when(f: EventFinding, story: _Story, others: list[Span] = ()) -> When | None:
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
    own_time_only = f.relative or f.anterior
    scoped = [t for t in in_sentence if f.scope and f.scope.contains(t.span)
              and not any(c.contains(t.span) for c in f.inner)]
    heading = [t for t in in_sentence if t.span.start - f.span.start <= HEAD_CHARS
               and t.span.start < f.trigger.start and not _bound_before(t)] if not own_time_only else []
    candidates = scoped or heading
    if candidates:
        # "two days after [X on July 8]" dates the clause it heads, not the clause that holds July 8
        nearest = min(candidates, key=lambda t: (t.anchor == "event" and len(candidates) > 1,
                                                 abs(t.span.start - f.trigger.start)))
        return to_when(nearest)
    # "supported the effort, attending the opening in 2013": the sentence's one date, unless another
    # event's clause holds it ("X agreed ..., but when Y visited in March 2010, ...")
    free = [t for t in in_sentence if t.type == "DATE"
            and not any(o.contains(t.span) and not o.contains(f.trigger) for o in others)]
    if len({t.value for t in free}) == 1 and not own_time_only and not f.nominal:  # (a noun: its clause's)
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
"""A paragraph this short that is mostly a date ("February 6, 2016 10:57PM") heads a live blog's entry."""


class _Story:
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
            return When(when.start, when.end, "inferred")
        if not self.headers:
            return None
        k = bisect_right(self.header_ends, f.span.start)
        if not k:
            return When(self.published, None, "inferred") if self.published else None
        when = self.headers[k - 1][1]
        return When(when.start, when.end, "inferred")


def _framing(t: Timex) -> bool:
    """A day, month or year that can set the narrative time."""
    return t.type == "DATE" and bool(_PARTIAL.match(t.value or "")) and to_when(t) is not None \
        and not t.qualifier  # ("the 2016 race" sets no time)


def _bound_before(t: Timex) -> bool:
    return t.value is not None and t.type == "DURATION"


def _where(f: EventFinding, mentions: list[Mention]) -> str | None:
    scope = f.scope or f.span
    for m in mentions:
        if m.kind in ("location", "state") and scope.contains(m.span) and m.span.start > f.trigger.start \
                and not any(c.contains(m.span) for c in f.inner + f.asides):
            return m.text
    return None
