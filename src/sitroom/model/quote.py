"""A quote found in a text: what was said, the cue that reports it and the words naming its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.model.evidence import Span


@dataclass(frozen=True)
class QuoteFinding:
    kind: str
    """``direct`` or ``indirect``."""
    content: Span
    """What was said, without quotation marks (offsets into the text)."""
    cue: Span | None
    """The verb or phrase that reports it: "said", "according to"."""
    speaker: Span | None
    """The words that name the speaker as written: "he", "the envoy", "Okafor"."""
    evidence: Span
    """Quote, cue and speaker together."""
