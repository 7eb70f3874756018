"""The layout of a page as cleaning found it: body paragraphs, furniture, comments, header lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.model.document import Comment, Segment
from sitroom.model.evidence import Span


@dataclass(frozen=True)
class Unit:
    """One element of a page: a line, or a paragraph of hard-wrapped lines."""

    span: Span
    text: str


@dataclass
class Layout:
    body: Span
    paragraphs: list[Span]
    boilerplate: list[Segment]
    comments: list[Comment]
    header: list[Unit] = field(default_factory=list)
    """Units before the body that are not known furniture: title, byline, dateline candidates."""
    title: Unit | None = None
