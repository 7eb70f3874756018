"""The typed records that pass between stages."""

from sitroom.model.document import Comment, Document, Segment, SourceText
from sitroom.model.evidence import Evidence, Span

__all__ = ["Comment", "Document", "Evidence", "Segment", "SourceText", "Span"]
