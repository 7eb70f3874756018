"""An event found in a text: its PLOVER type, trigger, participants as written, status and the clauses
that bound where its time and place are looked for (extract/events.py finds them)."""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.model.evidence import Span


@dataclass(frozen=True)
class EventFinding:
    type: str
    """A PLOVER 1.0 type: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT
    THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT."""
    trigger: Span
    """The word(s) that name the event, offsets into the text."""
    source: tuple[str, ...]
    """Who did it (texts of the actor phrases)."""
    target: tuple[str, ...]
    """To whom."""
    status: str
    """``reported``, ``planned``, ``denied`` or ``hypothetical``."""
    span: Span
    """The sentence."""
    phrase: str = ""
    """The trigger as it reads with its light verb: "held talks", "offered flood relief"."""
    source_spans: tuple[Span, ...] = ()
    target_spans: tuple[Span, ...] = ()
    scope: Span | None = None
    """Characters of the trigger's clause: where its time and place are looked for."""
    mode: str | None = None
    """For an AGREE that promises something: what was promised ("aid", "concede", ...)."""
    inner: tuple[Span, ...] = ()
    """Clauses inside the scope that are other events' ("after X visited Y on July 8")."""
    asides: tuple[Span, ...] = ()
    """Clauses that tell of a participant ("a judge whose parents were born in X in 1950") or why or
    despite what ("because X will win in May"): their places and dates are never the event's."""
    clause_status: str = ""
    """The status read from the trigger's own clause before PLOVER's conventions recode the event
    ("will not sign": ``denied``, though the REJECT it is coded as was ``reported``)."""
    current: bool = False
    """Told in the present or present perfect ("has signed", "is meeting", "says"): about the time of
    writing, so an undated event may take the publication date; a past tense never does."""
    past: bool = False
    """Told in the simple past by its own verb, outside a relative clause ("criticized", "held talks";
    not "had met", "who met"): an act of the story's own time when nothing dates it otherwise."""
    anterior: bool = False
    """Told in the past perfect ("had praised"), not as reported speech ("said it had signed"), or as
    done "already": before the time its sentence tells of, so a date heading the sentence or its one
    date is not its own, nor the narrative time."""
    afterwards: bool = False
    """Told as after the time the text was at ("He later denied it", "subsequently withdrew"): neither a
    date heading its sentence nor the narrative time is its own."""
    perfect: bool = False
    """Told in the present perfect of a past act ("has called for", not "has refused"): an indefinite
    past, which the narrative time of the sentences around it does not date."""
    told_before: bool = False
    """ "The talks will resume": a definite event noun with no participants of its own, the event the
    text told of just before (extract/event_records.py gives it that event's participants)."""
    nominal: bool = False
    """The trigger is an event noun standing alone ("the visit"), not a verb or a light verb's noun."""
    relative: bool = False
    """The trigger is in a relative clause ("the war, which most Whigs opposed"): a date heading the
    sentence is its main clause's, not the trigger's, and the narrative time is not its own either."""
    owners: tuple[Span, ...] = ()
    """Arguments that are a place standing for its government, as an owner ("approved Indiana's law") or
    as what a state deals with ("accused Washington of ..."): a participant though a place is otherwise
    none."""
    described: tuple[Span, ...] = ()
    """Sources and targets that are described, not named ("Port officials", "the protesters"): the
    document's own participants where no name stands in them (extract/participants.py)."""
