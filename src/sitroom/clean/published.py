"""When a page was published, if it does not say: inferred from evidence in its name or text.

First the day its file name or URL path gives ("nyt_2016-09-08_story.txt", ".../2016/09/08/..."), as
collections and news sites name their pages (clean/document.py asks ``date_in_name``); then two kinds of
evidence in the text, in this order of trust:
1. reader comments: the page existed when the first one was posted (that day is taken);
2. dated facts in the body: the page was written after the latest event it reports as past.
   Only a lower bound, so the month is taken, and only when several dated facts cluster in the
   weeks before it; only the year when a later year is mentioned (twice) without a full date. Dates in
   sentences about the future or the hypothetical, and bounds ("by July 31"), do not count.
A year-less date ("on July 10") takes the year of the nearest full date before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sitroom.clean.dates import DateMention, find_dates, find_years
from sitroom.model.dates import partial_date
from sitroom.model.document import Comment
from sitroom.model.evidence import Span

_NOT_PAST = re.compile(
    r"\b(?:will|would|shall|could|might|may|should|plans?|planned|planning|scheduled|expected|"
    r"upcoming|next|going to|intends?|due to|until|by the end of|deadline|'ll)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"«])")


_NAMED_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)[-_./](0[1-9]|1[0-2])[-_./](0[1-9]|[12]\d|3[01])(?![\d])")


def date_in_name(where: str) -> str | None:
    """The day a document's file name or URL path gives ("nyt_2016-09-08_visa-program.txt",
    ".../2016/09/08/story.html"), as ISO ``YYYY-MM-DD``; None when it gives no valid day, or two."""
    path = urlsplit(where).path if "://" in where else where.replace("\\", "/").rsplit("/", 1)[-1]
    found = set()
    for match in _NAMED_DATE.finditer(path):
        try:
            found.add(partial_date(*map(int, match.groups())))
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Inference:
    value: str
    span: Span


def infer_published(text: str, paragraphs: list[Span], comments: list[Comment],
                    article: Span | None = None) -> Inference | None:
    """``article`` is the page without its comments: its full dates give year-less ones a year."""
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
            dates = [d for d in find_dates(text, sentence.start, sentence.end) if not _bound(text, d.span)]
            mentions.extend(dates)
            years.extend((s, y) for s, y in find_years(text, sentence.start, sentence.end)
                         if not any(d.span.contains(s) for d in dates) and not _bound(text, s))
    dated = [m for m in _with_years(mentions, anchors) if m.day]
    if not dated:
        return None
    latest = max(dated, key=DateMention.key)
    later_years = [(s, y) for s, y in years if y > latest.year]
    if later_years and sum(y == max(y for _, y in later_years) for _, y in later_years) >= 2:
        span, year = max(later_years, key=lambda sy: sy[1])
        return Inference(partial_date(year), span)
    recent = {m.key() for m in dated if _days(m) >= _days(latest) - RECENT_DAYS}
    if len(recent) < MIN_RECENT_DATES:
        return None  # one old date says when something happened, not when the page was written
    return Inference(partial_date(latest.year, latest.month), latest.span)


RECENT_DAYS = 31
MIN_RECENT_DATES = 2
"""The month is taken only when several dated facts cluster in the weeks before the latest one."""


def _bound(text: str, span: Span) -> bool:
    """A date that bounds something ("by July 31", "until 2023") is not a past event."""
    before = text[max(0, span.start - 12) : span.start].lower().split()
    return bool(before) and before[-1] in {"by", "until", "till", "through", "before", "to"}


def _with_years(mentions: list[DateMention], anchors: list[DateMention]) -> list[DateMention]:
    """Year-less dates take the year of the nearest full date before them, never a later one."""
    out = []
    for mention in mentions:
        if mention.year is not None:
            out.append(mention)
            continue
        before = [a for a in anchors if a.span.end <= mention.span.start]
        if before:
            out.append(DateMention(mention.span, before[-1].year, mention.month, mention.day))
    return out


def _days(mention: DateMention) -> int:
    return mention.year * 372 + mention.month * 31 + (mention.day or 0)


def _sentences(text: str, paragraph: Span) -> list[Span]:
    out = []
    start = paragraph.start
    for match in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        out.append(Span(start, match.start()))
        start = match.end()
    out.append(Span(start, paragraph.end))
    return out
