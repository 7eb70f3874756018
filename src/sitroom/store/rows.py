"""A document and its analysis as the rows of each table of the room (store/schema.sql), in column order."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sitroom.model.document import Document
from sitroom.model.evidence import Span

if TYPE_CHECKING:
    from sitroom.extract.analysis import Analysis


def document_rows(doc: Document, pipeline: str, analysis: Analysis | None,
                  built_at: dt.datetime) -> dict[str, list[tuple]]:
    """``{table: rows}`` for one document (``documents`` first; a table with no rows is left out).
    ``pipeline`` names the code that derived it; ``built_at`` is UTC without a time zone."""
    src = doc.source
    tables = {
        "documents": [(src.id, src.source, src.origin, src.format, src.encoding, src.content_hash,
                       pipeline, src.text, doc.title, *_bounds(doc.title_span),
                       doc.outlet, list(doc.authors), doc.language, doc.published, doc.published_basis,
                       *_bounds(doc.published_span), doc.body.start, doc.body.end, built_at)],
        "paragraphs": [(doc.id, i, p.start, p.end) for i, p in enumerate(doc.paragraphs)],
        "boilerplate": [(doc.id, i, s.kind, s.span.start, s.span.end) for i, s in enumerate(doc.boilerplate)],
        "comments": [(doc.id, i, c.author, c.posted, *_bounds(c.posted_span), c.reply_to,
                      c.span.start, c.span.end, c.content.start, c.content.end)
                     for i, c in enumerate(doc.comments)],
    }
    if analysis is not None:
        tables.update(_analysis_rows(doc.id, analysis))
    return {table: rows for table, rows in tables.items() if rows}


def _analysis_rows(doc_id: str, analysis: Analysis) -> dict[str, list[tuple]]:
    return {
        "sentences": [(doc_id, i, s.span.start, s.span.end, s.voice, s.comment)
                      for i, s in enumerate(analysis.sentences)],
        "mentions": [
            (doc_id, i, m.span.start, m.span.end, m.text, m.label, m.kind, m.country, m.sentence,
             m.subject, m.pronoun, m.antecedent, m.armed, cluster, m.sense)
            for i, (m, cluster) in enumerate(zip(analysis.mentions, analysis.clusters, strict=True))],
        "roles": [(doc_id, r.mention, r.title, r.of, *(r.when or (None, None)), r.span.start, r.span.end)
                  for r in analysis.roles],
        "time_expressions": [(doc_id, i, t.type, t.value, t.end, t.anchor, t.span.start, t.span.end)
                             for i, t in enumerate(analysis.timexes)],
        "event_mentions": [
            (doc_id, i, e.type, e.mode, e.status, e.sentence.start, e.sentence.end, e.trigger.start,
             e.trigger.end, e.phrase, list(e.sources), list(e.targets),
             e.when.start if e.when else None, e.when.end if e.when else None,
             e.when.basis if e.when else None, e.location)
            for i, e in enumerate(analysis.events)],
        "quotes": [
            (doc_id, i, q.finding.kind, q.speaker, *_bounds(q.finding.speaker), *_bounds(q.finding.cue),
             q.finding.content.start, q.finding.content.end, q.finding.evidence.start, q.finding.evidence.end,
             *_when(q.when))
            for i, q in enumerate(analysis.quotes)],
        "claims": [
            (doc_id, i, c.finding.subject, c.finding.value, c.finding.unit, c.finding.dimension,
             c.finding.base_value, c.finding.tolerance, c.finding.approximate, c.finding.part,
             *(c.finding.share or (None, None)), c.control, c.country, c.quote, *_when(c.when),
             c.finding.span.start, c.finding.span.end, c.finding.upper, c.about)
            for i, c in enumerate(analysis.claims)],
    }


def _when(when) -> tuple[str | None, str | None, str | None]:
    return (when.start, when.end, when.basis) if when is not None else (None, None, None)


def _bounds(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)
