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
MAX_PASSAGE = 100_000
"""Characters of one passage given to spaCy at most: a longer paragraph is cut into pieces, so
no text reaches the pipeline's ``max_length`` (10^6) and the parser's memory stays bounded
(spaCy needs about 1 GB per 100,000 characters: https://spacy.io/api/language#attributes)."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


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
    return [piece for passage in body + comments for piece in _pieces(doc.source.text, passage)]


def _pieces(text: str, passage: Passage) -> list[Passage]:
    """The passage, or its consecutive pieces of at most MAX_PASSAGE characters, each cut after
    the last sentence end (else the last whitespace) in its second half, or hard at the limit."""
    pieces = []
    start, end = passage.span.start, passage.span.end
    while end - start > MAX_PASSAGE:
        middle, limit = start + MAX_PASSAGE // 2, start + MAX_PASSAGE
        ends = [m.end() for m in _SENTENCE_END.finditer(text, middle, limit)]
        space = -1 if ends else max(text.rfind(" ", middle, limit), text.rfind("\n", middle, limit))
        cut = ends[-1] if ends else space + 1 if space >= 0 else limit
        pieces.append(Passage(Span(start, cut), passage.voice, passage.comment))
        start = cut
    pieces.append(Passage(Span(start, end), passage.voice, passage.comment))
    return pieces


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
