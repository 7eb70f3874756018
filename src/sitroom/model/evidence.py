"""Where a fact was read: a character span of a document's source text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into a source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Evidence:
    """A span of one document together with the text it covers."""

    document: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document: str, source_text: str, span: Span) -> Evidence:
        return cls(document, span.start, span.end, source_text[span.start : span.end])

    def to_json(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}
