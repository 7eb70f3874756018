"""A document that could not be processed, and why; recorded in the room, never raised past a batch."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str
    """``ingest``, ``clean`` or ``store``."""
    reason: str
