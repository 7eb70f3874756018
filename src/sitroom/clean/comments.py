"""Reader comments in a plain-text page: where the thread starts, each comment's author, date and parent.

A comment opens with a header line: an optional list number, the author (often twice, around an
"Online"/"Offline" status) and a date with a time ("2. Jane Doe (jdoe) 18 September 2023 07: 44",
"jdoe says:" above "September 18, 2023 at 7:44 am"). Replies are indented deeper than their
parent, or open with "Quote from X" / "@X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.clean.dates import find_dates, time_after
from sitroom.clean.lines import Line
from sitroom.model.document import Comment
from sitroom.model.evidence import Span

_NUMBER = r"(?:(?P<num>\d{1,3})[.)]\s+)?"
_STATUS = re.compile(r"^" + _NUMBER + r"(?P<author>\S.{0,60}?)\s+(?:Offline|Online)\b.*$")
_SAYS = re.compile(r"^" + _NUMBER + r"(?P<author>\S.{0,60}?)\s+(?:says|said|wrote|writes)\s*:?$", re.I)
_ALIAS = re.compile(r"\s*\([^)]{0,60}\)\s*$")
_REPLY = re.compile(r"^(?:quote from|in reply to|reply to|replying to|@)\s*(?P<name>[^\s,:]+)", re.I)
MAX_HEADER_CHARS = 140


@dataclass(frozen=True)
class _Header:
    line: int
    """Index of the comment's first line."""
    indent: int
    author: str | None
    posted: str | None
    posted_span: Span | None
    last: int
    """Index of the header's last line; the content starts after it."""


_NOT_AUTHORS = {"published", "updated", "posted", "modified", "created", "date", "by", "last updated",
                "first published", "edited", "issued", "released", "filed", "printed"}


def find_thread(lines: list[Line], text: str, after: int = 0) -> tuple[int, list[Comment]] | None:
    """The first line of the comment thread and its comments, or None when the page has none.

    ``after``: the index of the first line the thread may start at (after the article's prose).
    A thread is at least two headers, each with something written under it.
    """
    headers = [h for h in _headers(lines, text, after)
               if (h.author or "").casefold() not in _NOT_AUTHORS]
    if len(headers) < 2 or not all(_has_content(lines, h, headers) for h in headers):
        return None
    comments: list[Comment] = []
    stack: list[tuple[int, int]] = []  # (indent, comment index) of the open ancestors
    for i, header in enumerate(headers):
        stop = headers[i + 1].line if i + 1 < len(headers) else len(lines)
        body = [ln for ln in lines[header.last + 1 : stop] if not ln.blank]
        first = lines[header.line]
        end = body[-1].span.end if body else lines[header.last].span.end
        content = Span(body[0].span.start, end) if body else Span(end, end)
        while stack and stack[-1][0] >= header.indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if parent is None and body:
            parent = _quoted_parent(body[0].text, comments)
        comments.append(Comment(span=Span(first.span.start, end), content=content,
                                author=header.author, posted=header.posted,
                                posted_span=header.posted_span, reply_to=parent))
        stack.append((header.indent, len(comments) - 1))
    return headers[0].line, comments


def _has_content(lines: list[Line], header: _Header, headers: list[_Header]) -> bool:
    stop = next((h.line for h in headers if h.line > header.line), len(lines))
    return any(not ln.blank for ln in lines[header.last + 1 : stop])


def _headers(lines: list[Line], text: str, after: int) -> list[_Header]:
    headers: list[_Header] = []
    i = after
    while i < len(lines):
        header = _header_at(lines, text, i)
        if header is None:
            i += 1
            continue
        headers.append(header)
        i = header.last + 1
    return headers


def _header_at(lines: list[Line], text: str, i: int) -> _Header | None:
    line = lines[i]
    if line.blank or len(line.text) > MAX_HEADER_CHARS:
        return None
    opener = _STATUS.match(line.text) or _SAYS.match(line.text)
    if opener:
        nxt = _next_nonblank(lines, i)
        if nxt is None:
            return None
        stamp = _stamp(lines[nxt], text)
        if stamp is None:
            return None
        return _Header(i, line.indent, _name(opener.group("author")), stamp[0], stamp[1], nxt)
    stamp = _stamp(line, text)
    if stamp is None:
        return None
    author = line.text[: stamp[1].start - line.span.start].strip()
    author = re.sub(r"^" + _NUMBER, "", author)
    if not author or len(author.split()) > 8:
        return None
    return _Header(i, line.indent, _name(author), stamp[0], stamp[1], i)


def _stamp(line: Line, text: str) -> tuple[str, Span] | None:
    """A date, with a time after it, that ends the line: the mark of a comment header."""
    if line.blank or len(line.text) > MAX_HEADER_CHARS:
        return None
    for mention in find_dates(text, line.span.start, line.span.end):
        if mention.year is None or mention.day is None:
            continue
        clock = time_after(text, mention.span.end)
        tail_start = clock.end if clock else mention.span.end
        if clock and not text[tail_start : line.span.end].strip(" \t,.apmAPM"):
            return mention.value, mention.span
    return None


def _name(raw: str) -> str | None:
    name = _ALIAS.sub("", raw).strip(" :-–—")
    return name or None


def _quoted_parent(first_line: str, comments: list[Comment]) -> int | None:
    match = _REPLY.match(first_line)
    if not match:
        return None
    name = match.group("name").lower()
    for index in range(len(comments) - 1, -1, -1):
        if (comments[index].author or "").lower().startswith(name):
            return index
    return None


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(i + 3, len(lines))):
        if not lines[j].blank:
            return j
    return None
