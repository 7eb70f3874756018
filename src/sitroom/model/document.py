"""A document as read (SourceText) and as understood after cleaning (Document)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.model.evidence import Span

PUBLISHED_BASES = ("stated", "inferred", "unknown")


@dataclass(frozen=True)
class Declared:
    """Metadata handed to us with the text (a .jsonl record's fields), not read from it."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceText:
    """One document's text exactly as read: decoded to Unicode, nothing else changed."""

    id: str
    source: str
    """The path or URL given to ``sitroom build`` (``FILE:LINE`` for a .jsonl line without url)."""
    origin: str
    """The absolute path of the file the text came from; for .jsonl, the file, not the line."""
    format: str
    """``text``, ``markdown``, ``html`` or ``jsonl``."""
    text: str
    content_hash: str
    encoding: str
    declared: Declared = field(default_factory=Declared)
    line: int | None = None
    """The line of the .jsonl file the record stood on (None for a whole file)."""


@dataclass(frozen=True)
class Segment:
    """A stretch of source text that is not article body, with what it is."""

    span: Span
    kind: str
    """One of ``chrome``, ``ad``, ``prompt``, ``widget``, ``caption``, ``embed``, ``tags``,
    ``byline``, ``dateline``, ``footnote``, ``disclaimer``, ``comment_policy``, ``credit``,
    ``teaser``."""


@dataclass(frozen=True)
class Comment:
    """One reader comment: ``span`` is the whole comment (header included), ``content`` its words."""

    span: Span
    content: Span
    author: str | None
    posted: str | None
    posted_span: Span | None
    reply_to: int | None


@dataclass(frozen=True)
class Document:
    """What cleaning learned about a document; every field points back into ``source.text``."""

    source: SourceText
    body: Span
    paragraphs: tuple[Span, ...]
    """The body's paragraphs, boilerplate inside the body span excluded."""
    boilerplate: tuple[Segment, ...]
    comments: tuple[Comment, ...]
    title: str | None
    title_span: Span | None
    outlet: str | None
    authors: tuple[str, ...]
    language: str
    published: str | None
    published_basis: str
    published_span: Span | None

    @property
    def id(self) -> str:
        return self.source.id
