"""A time expression as TimeML's TIMEX3 has it: where it is, its type and its normalised value."""

from __future__ import annotations

from dataclasses import dataclass

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
