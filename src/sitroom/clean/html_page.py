"""HTML pages: trafilatura finds body, comments and metadata; we find them again in the markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from sitroom.clean.html_text import VisibleText
from sitroom.clean.layout import Layout, Unit
from sitroom.clean.rules import Rules, load
from sitroom.model.document import Comment, Segment
from sitroom.model.evidence import Span


@dataclass(frozen=True)
class HtmlMeta:
    title: Unit | None
    authors: list[str]
    outlet: str | None
    date: str | None
    date_span: Span | None


def layout_html(source: str, rules: Rules | None = None) -> tuple[Layout, HtmlMeta]:
    rules = rules or load()
    visible = VisibleText(source)
    extracted = trafilatura.bare_extraction(source, with_metadata=True, include_comments=True,
                                            include_tables=True, favor_recall=True)
    title_text = (getattr(extracted, "title", None) or "").strip() or None
    lines = _lines(getattr(extracted, "text", None))
    if lines and title_text and lines[0].strip() == title_text:
        lines = lines[1:]
    paragraphs = _locate(visible, lines)
    if not paragraphs:  # too little for trafilatura to call it an article: keep the plain text
        paragraphs = [b for b in visible.blocks() if rules.kind_of(_plain(visible, b)) is None]
    comment_spans = _locate(visible, _lines(getattr(extracted, "comments", None)),
                            after=visible.visible_index(paragraphs[-1].end) if paragraphs else 0)
    body = Span(paragraphs[0].start, paragraphs[-1].end) if paragraphs else Span(0, 0)
    taken = paragraphs + comment_spans
    boilerplate = [
        Segment(block, rules.kind_of(_plain(visible, block)) or "chrome")
        for block in visible.blocks()
        if not any(block.overlaps(t) for t in taken)
    ]
    comments = [Comment(span=s, content=s, author=None, posted=None, posted_span=None, reply_to=None)
                for s in comment_spans]
    title = None
    if title_text:
        span = visible.find(title_text)
        if span is not None:
            title = Unit(span, title_text)
    meta = HtmlMeta(title=title, authors=_authors(getattr(extracted, "author", None)),
                    outlet=getattr(extracted, "sitename", None) or None,
                    date=getattr(extracted, "date", None) or None,
                    date_span=None)
    if meta.date:
        meta = HtmlMeta(meta.title, meta.authors, meta.outlet, meta.date, _date_span(source, meta.date))
    layout = Layout(body, paragraphs, boilerplate, comments, [], title)
    return layout, meta


def _plain(visible: VisibleText, span: Span) -> str:
    """The visible text of a source span (entities decoded, tags gone)."""
    first, last = visible.visible_index(span.start), visible.visible_index(span.end)
    return visible.text[first:last]


def _lines(text: str | None) -> list[str]:
    return [ln for ln in (text or "").split("\n") if ln.strip()]


def _locate(visible: VisibleText, lines: list[str], after: int = 0) -> list[Span]:
    spans: list[Span] = []
    cursor = after
    for line in lines:
        span = visible.find(line, cursor)
        if span is None:
            continue
        spans.append(span)
        cursor = visible.visible_index(span.end)
    return sorted(set(spans))


def _authors(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [a.strip() for a in re.split(r";|\band\b|,", raw) if a.strip()]


def _date_span(source: str, value: str) -> Span | None:
    """Where the page states its date: the ISO string in a meta tag or time element, if present."""
    at = source.find(value)
    return Span(at, at + len(value)) if at >= 0 else None
