"""Events of one document tied to its mentions, times and places: the rows the room keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.coref.gender import POSSESSIVES
from sitroom.extract.event_dates import SCENE_TYPES, Story, When, after, ahead, own_when
from sitroom.extract.speakers import speech_lexicon
from sitroom.extract.timex import Timex
from sitroom.model.event import EventFinding
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention


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
            voices: tuple[tuple[Span, int], ...] = (),
            quoted: tuple[tuple[Span, bool], ...] = (),
            clusters: list[int] | None = None) -> list[EventRecord]:
    """Findings whose source or target is one of the document's actors, with when and where.

    When: the date in the event's own clause, else one heading its sentence, else the one date of its
    sentence; else the narrative time (basis ``inferred``): the date heading an earlier sentence of its
    paragraph or dating an earlier event there, whichever came last, or in a live blog the time of the
    entry's heading line (a present perfect, an indefinite past, takes none); else the publication date
    for an event told in the present (``inferred``); else, for an act of word or meeting told in the
    simple past, the day the lead tells of while the story stays there (``inferred``); else undated.
    In a direct quote, a present takes the publication date only if the quote is told in the present
    ("X says"), and nothing takes the lead's day.
    The dateline's date (``dateline``, the story's) is never an event's own. ``sentences``: the
    document's sentence spans, in order. ``voices``: each direct quote's content and its speaker's
    mention, who is the "I" and "me" of an event told in it. ``quoted``: every direct quote's content,
    and whether its cue is a verb in the present ("X says": the quote's present is the time of writing).
    ``clusters``: each mention's person or group in the document (coref/within.py), so that no person
    is the target of their own act but by a reflexive ("defended himself").
    """
    if dateline is not None:
        timexes = [t for t in timexes if not dateline.contains(t.span)]
    story = Story(timexes, paragraphs, sentences, published)
    out: list[EventRecord] = []
    by_sentence: dict[Span, list[EventFinding]] = {}  # the findings of each sentence, once
    for f in findings:
        by_sentence.setdefault(f.span, []).append(f)
    for f in findings:
        sources = _mentions_in(f.source_spans, mentions, f.source, f.owners) + _speaking(f, 0, voices)
        doers = {clusters[i] for i in sources if mentions[i].kind == "person"} if clusters else set()
        targets = tuple(i for i in _mentions_in(f.target_spans, mentions, f.target, f.owners)
                        + _speaking(f, 1, voices) if i not in sources and not (
                            clusters and clusters[i] in doers and mentions[i].text.lower() not in _SELF))
        if f.told_before:
            earlier = _told_before(f, out, paragraphs)
            sources, targets = (earlier.sources, earlier.targets) if earlier else ((), ())
        if not sources:
            continue  # who did it is the point of an event record: no actor, no record
        others = [g.scope for g in by_sentence[f.span] if g is not f and g.scope]
        # (a past perfect tells of a time before the narrative's, a present of the time of writing)
        later = ahead(f)
        # (a noun in a sentence with a date of its own is not in the earlier sentences' time: "X met Y in
        # July. X invited Y to a rally in September": the rally is not July's)
        when = own_when(f, story, others) or (
            None if f.anterior or f.afterwards or f.current or f.perfect or f.relative or later
            or (f.nominal and story.dated(f)) else story.narrative(f, out))
        # (in a direct quote the present is the day it was said, the time of writing only if "X says",
        # and the past any time before: '"I apologize," X said at a hearing', '"they agreed to it," X said')
        in_quote = [now for content, now in quoted if content.contains(f.trigger)]
        if when is None and published and f.current and not later and all(in_quote) and f.status != "denied":
            when = When(published, None, "inferred")  # (what "has never" happened happened on no day)
        if when is None and f.past and not (f.anterior or f.afterwards) and f.type in SCENE_TYPES \
                and f.status == "reported" and not in_quote:
            when = story.scene_of(f)
        status = "planned" if _to_come(f, when, published) else f.status
        out.append(EventRecord(f.type, f.mode, status, f.span, f.trigger, f.phrase, sources, targets,
                               when, _where(f, mentions)))
    return out


def _to_come(f: EventFinding, when: When | None, published: str | None) -> bool:
    """An act told in the simple present or by a noun whose own day is after the publication date:
    "when the council meets next Wednesday", "a meeting on December 28" are planned. Not a perfect ("has
    pledged"), a progressive ("are hailing": a present act, its day misread), nor a week, a month or a
    year, as often a clause's background ("praised the plan at a summit in March", "invited X to a
    meeting next week") as the act's time."""
    if f.status != "reported" or f.past or f.anterior or f.perfect or when is None \
            or when.basis == "inferred" or not published or len(when.start) != 10 or when.end \
            or (not f.nominal and f.phrase.split()[0].lower().endswith("ing")):
        return False
    return after(when.start, published)  # (at the precision of both: July 5 is no later than July)


_SELF = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})
"""Who acts on themselves says so ("defended himself"); any other word for the doer as its own target
is a misreading ("X mocked his rival" read as his own)."""

_FIRST_PERSON = frozenset({"i", "me", "my"})
"""(Not "we": a speaker's "we" is a campaign, a party or a country as often as the speaker.)"""


_NOW = re.compile(r"(?i)^(?!(?:was|has|is|his|its|this|thus|us|as)\b)[a-z]+s\b")
"""A cue in the present: its first word a verb's third person ("says", "tells", "writes", "points out")."""


def said_now(text: str, cue: Span | None) -> bool:
    """Whether a quote's cue (``cue``: characters of ``text``) is a verb in the present ("X says", "she
    writes"), so that what the quote tells in the present is the time of writing; not "said", "according
    to", a noun of saying ("X's remarks"), nor a quote with no cue (its time is unknown)."""
    words = text[cue.start : cue.end].split() if cue is not None else []
    return bool(words) and words[0].lower().rstrip("s") not in speech_lexicon()["sayings"] \
        and bool(_NOW.search(words[0]))


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
        text = words[k] if k < len(words) else ""
        for span in _coordinated(whole, text, mentions):
            found.extend(_heading(_before_place(span, whole, text), governed, mentions)
                         or _heading(span, governed, mentions))
    return tuple(dict.fromkeys(found))


def _heading(span: Span, governed: bool, mentions: list[Mention]) -> list[int]:
    """The one mention heading the argument at ``span``, as a list (empty when none does)."""
    # "his rivals" are not he: a possessive pronoun inside a longer argument stands for its owner
    inside = [i for i, m in enumerate(mentions)
              if span.contains(m.span) and (m.kind != "location" or governed)
              and not (m.pronoun and m.text.lower() in POSSESSIVES and m.span != span)] or [
        i for i, m in enumerate(mentions)  # "Doctors" heading the name "Doctors Without Walls"
        if m.span.start <= span.start < m.span.end and m.kind != "location" and not m.pronoun]
    # the one ending last heads the argument ("the Norwegian Trade Ministry's envoy", "the secretary,
    # Karl Ostrom"); "diehard Ostrom supporters" are the supporters, not Ostrom
    return [max(inside, key=lambda i: (mentions[i].span.end, -mentions[i].span.start, i))] if inside else []


_WHERE = re.compile(r"\s(?:on|in|at|near|outside|inside)\s")


def _before_place(span: Span, whole: Span, text: str) -> Span:
    """The argument without a place phrase after its head: "the Democrats on Capitol Hill" are the
    Democrats (``text``: the words of ``whole``, which holds ``span``)."""
    match = _WHERE.search(text) if len(text) == len(whole) else None
    cut = whole.start + match.start() if match else span.end
    return Span(span.start, cut) if span.start < cut < span.end else span


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


_GOVERNED = re.compile(r"(?i)(?:the\s+)?(?:state|government|governor|legislature|people)\s+of\s")


def _where(f: EventFinding, mentions: list[Mention]) -> str | None:
    scope = f.scope or f.span
    for m in mentions:
        if m.kind in ("location", "state") and scope.contains(m.span) and m.span.start > f.trigger.start \
                and not any(c.contains(m.span) for c in f.inner + f.asides):
            return m.text
    return None
