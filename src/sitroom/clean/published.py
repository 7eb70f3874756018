"""When a page was published, if it does not say: inferred from evidence in the text.

Two kinds of evidence, in this order of trust:
1. reader comments: the page existed when the first one was posted (that day is taken);
2. dated facts in the body: the page was written after the latest event it reports as past.
   Only a lower bound, so the month is taken, or only the year when a later year is mentioned
   without a full date. Dates in sentences about the future or the hypothetical do not count.
A year-less date ("on July 10") takes the year of the nearest full date around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.clean.dates import DateMention, find_dates, find_years
from sitroom.model.dates import partial_date
from sitroom.model.document import Comment
from sitroom.model.evidence import Span

_NOT_PAST = re.compile(
    r"\b(?:will|would|shall|could|might|may|should|plans?|planned|planning|scheduled|expected|"
    r"upcoming|next|going to|intends?|due to|until|by the end of|deadline|'ll)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"«])")


@dataclass(frozen=True)
class Inference:
    value: str
    span: Span


def infer_published(text: str, paragraphs: list[Span], comments: list[Comment],
                    article: Span | None = None) -> Inference | None:
    """``article`` is the page without its comments: where full dates give year-less ones a year."""
    posted = [(c.posted, c.posted_span) for c in comments if c.posted and c.posted_span]
    if posted:
        value, span = min(posted, key=lambda p: p[0])
        return Inference(value, span)
    article = article or Span(0, len(text))
    anchors = [m for m in find_dates(text, article.start, article.end) if m.year is not None]
    return _from_body(text, paragraphs, anchors)


def _from_body(text: str, paragraphs: list[Span], anchors: list[DateMention]) -> Inference | None:
    mentions: list[DateMention] = []
    years: list[tuple[Span, int]] = []
    for paragraph in paragraphs:
        for sentence in _sentences(text, paragraph):
            if _NOT_PAST.search(text[sentence.start : sentence.end]):
                continue
            dates = find_dates(text, sentence.start, sentence.end)
            mentions.extend(dates)
            years.extend((s, y) for s, y in find_years(text, sentence.start, sentence.end)
                         if not any(d.span.contains(s) for d in dates))
    full = [m for m in mentions if m.year is not None]
    dated = [m for m in (_with_year(m, anchors) for m in mentions) if m and m.day]
    if not dated:
        return None
    latest = max(dated, key=DateMention.key)
    later_years = [(s, y) for s, y in years + [(m.span, m.year) for m in full] if y > latest.year]
    if later_years:
        span, year = max(later_years, key=lambda sy: sy[1])
        return Inference(partial_date(year), span)
    return Inference(partial_date(latest.year, latest.month), latest.span)


def _with_year(mention: DateMention, full: list[DateMention]) -> DateMention | None:
    if mention.year is not None:
        return mention
    if not full:
        return None
    before = [m for m in full if m.span.end <= mention.span.start]
    anchor = before[-1] if before else min(full, key=lambda m: m.span.start)
    return DateMention(mention.span, anchor.year, mention.month, mention.day)


def _sentences(text: str, paragraph: Span) -> list[Span]:
    out = []
    start = paragraph.start
    for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        out.append(Span(start, match.start()))
        start = match.end()
    out.append(Span(start, paragraph.end))
    return out
