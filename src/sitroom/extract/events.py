"""Events (who did what to whom) coded in PLOVER types from the dependency parse (work in progress)."""

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


def code_text(text: str, nlp=None) -> list[EventFinding]:
    """Events in a piece of text (a sentence or a paragraph)."""
    return []
