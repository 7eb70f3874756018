"""The stretches of a document that are analysed: body paragraphs, and each comment apart.

Offsets stay those of the source text. HTML markup inside a passage is blanked to spaces of the
same length (an entity becomes its character then spaces), so token offsets need no mapping.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sitroom.model.document import Document
from sitroom.model.evidence import Span

_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&#?\w{1,10};")


@dataclass(frozen=True)
class Passage:
    span: Span
    voice: str
    """``title`` or ``body`` (the outlet's words) or ``comment`` (a reader's)."""
    comment: int | None = None


def passages(doc: Document) -> list[Passage]:
    title = [Passage(doc.title_span, "title")] if doc.title_span and len(doc.title_span) else []
    body = title + [Passage(p, "body") for p in doc.paragraphs if p.end > p.start]
    comments = [Passage(c.content, "comment", i) for i, c in enumerate(doc.comments)
                if c.content.end > c.content.start]
    return body + comments


def passage_text(doc: Document, passage: Passage) -> str:
    text = doc.source.text[passage.span.start : passage.span.end]
    if doc.source.format != "html":
        return text
    return _TAG_OR_ENTITY.sub(_blank, text)


def _blank(match: re.Match) -> str:
    raw = match.group()
    if raw.startswith("<"):
        return " " * len(raw)
    char = html.unescape(raw)
    return char + " " * (len(raw) - len(char)) if len(char) <= len(raw) else " " * len(raw)
