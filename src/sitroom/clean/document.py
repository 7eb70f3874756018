"""One source text in, one cleaned Document out: layout by format, then metadata with its basis."""

from __future__ import annotations

import re

from sitroom.clean.header import Header, dateline_date, read_header
from sitroom.clean.html_page import layout_html
from sitroom.clean.layout import Layout, Unit
from sitroom.clean.published import date_in_name, infer_published
from sitroom.clean.text_page import layout_text
from sitroom.model.dates import normalize_partial_date
from sitroom.model.document import Document, Segment, SourceText
from sitroom.model.evidence import Span

_SUBSCRIBE_OUTLET = re.compile(
    r"\b[Ss]ubscribe to (?P<outlet>[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3})(?= news| on| at| channel|$)")
_COPYRIGHT_OUTLET = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                               r"(?P<outlet>[A-Z][\w.&’' -]{1,50}?)\s*(?:\.|,|all rights|$)", re.I)


def clean(source: SourceText) -> Document:
    text = source.text
    header = Header()
    html_meta = None
    if source.format == "html":
        layout, html_meta = layout_html(text)
    else:
        layout = layout_text(text, markdown=source.format == "markdown")
        header = read_header(layout.header, text)
        layout.title = header.title
        layout.boilerplate.extend(Segment(u.span, header.kinds.get(u.span, "chrome"))
                                  for u in layout.header if u is not header.title)

    declared = source.declared
    title, title_span = _title(layout.title, declared.title)
    boilerplate = sorted((s for s in layout.boilerplate if s.span != title_span),
                         key=lambda s: (s.span.start, s.span.end))
    authors = list(declared.authors) or [name for name, _ in header.authors] or (
        html_meta.authors if html_meta else [])
    outlet = (declared.outlet or (header.outlet[0] if header.outlet else None)
              or (html_meta.outlet if html_meta else None) or _outlet_from_furniture(text, boilerplate))
    published, basis, published_span = _published(source, layout, header, html_meta)
    return Document(
        source=source, body=layout.body, paragraphs=tuple(layout.paragraphs),
        boilerplate=tuple(boilerplate), comments=tuple(layout.comments),
        title=title, title_span=title_span, outlet=outlet, authors=tuple(dict.fromkeys(authors)),
        language=detect_language(" ".join(text[p.start : p.end] for p in layout.paragraphs[:40])),
        published=published, published_basis=basis, published_span=published_span,
    )


def _title(found: Unit | None, declared: str | None) -> tuple[str | None, Span | None]:
    if declared:
        return declared, found.span if found and found.text == declared else None
    if found is None:
        return None, None
    return found.text.lstrip("#").strip().rstrip("*").strip(), found.span


def _published(source: SourceText, layout: Layout, header: Header,
               html_meta) -> tuple[str | None, str, Span | None]:
    text = source.text
    if source.declared.published:
        value = normalize_partial_date(source.declared.published)
        if value:
            return value, "stated", None
    if html_meta and html_meta.date:
        value = normalize_partial_date(html_meta.date)
        if value:
            return value, "stated", html_meta.date_span
    if header.date is not None:
        return header.date.value, "stated", header.date.span
    if layout.paragraphs:
        first = layout.paragraphs[0]
        mention = dateline_date(Unit(first, text[first.start : first.end]), text)
        if mention is not None:
            return mention.value, "stated", mention.span
    named = date_in_name(source.source) if source.format != "jsonl" or "://" in source.source else None
    if named is not None:  # "nyt_2016-09-08_story.txt", ".../2016/09/08/...": the collection's own date
        return named, "inferred", None
    article_end = layout.comments[0].span.start if layout.comments else len(text)
    inference = infer_published(text, layout.paragraphs, layout.comments, Span(0, article_end))
    if inference is not None:
        return inference.value, "inferred", inference.span
    return None, "unknown", None


def _outlet_from_furniture(text: str, boilerplate: list[Segment]) -> str | None:
    """Pages name themselves in their furniture: "Subscribe to X news", "© 2021 X"."""
    for segment in boilerplate:
        words = text[segment.span.start : segment.span.end]
        match = _SUBSCRIBE_OUTLET.search(words) or (
            _COPYRIGHT_OUTLET.search(words) if segment.kind == "chrome" else None)
        if match:
            return match.group("outlet").strip()
    return None


LANGUAGE_SAMPLE = 1000
"""Characters of the body the language is told from: langid.py is reliable on far shorter texts (it was
built for tweets), and its cost grows with the length (840 news bodies: 1.5 CPU s at 5,000 characters,
0.5 s at 1,000, every language the same)."""


def detect_language(sample: str) -> str:
    """BCP 47 primary language subtag of ``sample`` (from its first LANGUAGE_SAMPLE characters), ``und``
    when there is too little to tell."""
    if len(sample.strip()) < 20:
        return "und"
    import py3langid  # loads its model on first use: keep it off start-up

    return py3langid.classify(sample[:LANGUAGE_SAMPLE])[0]
