"""The visible text of an HTML page, each character mapped back to its offset in the markup.

Extraction libraries return clean text without positions; evidence needs positions in the page
as read. This walks the markup once (the standard library's tolerant parser), keeps what a browser
would show, and lets callers find extracted text again and turn it into source spans.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from sitroom.model.evidence import Span

BOUNDARY = "\u2029"
"""Stands between block elements in the visible text; never part of any span."""
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
          "table", "section", "article", "header", "footer", "nav", "aside", "blockquote",
          "figure", "figcaption", "pre", "hr", "main", "form", "dd", "dt", "dl", "title"}


class VisibleText:
    """``text[i]`` was read from ``source[starts[i]:ends[i]]`` (an entity spans several characters)."""

    def __init__(self, source: str):
        self.source = source
        chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        _Walker(source, chars, self.starts, self.ends).run()
        self.text = "".join(chars)
        self._norm, self._norm_index = _collapse(self.text)

    def find(self, snippet: str, after: int = 0) -> Span | None:
        """The source span of ``snippet`` (whitespace-insensitive), searching from visible ``after``."""
        needle, _ = _collapse(snippet.strip())
        if not needle:
            return None
        norm_after = bisect.bisect_left(self._norm_index, after)
        at = self._norm.find(needle, norm_after)
        if at < 0:
            at = self._norm.find(needle)
        if at < 0:
            return None
        first, last = self._norm_index[at], self._norm_index[at + len(needle) - 1]
        return Span(self.starts[first], self.ends[last])

    def visible_index(self, source_offset: int) -> int:
        return bisect.bisect_left(self.starts, source_offset)

    def blocks(self) -> list[Span]:
        """Source spans of the runs of visible text between block boundaries."""
        out = []
        for match in re.finditer(f"[^{BOUNDARY}]+", self.text):
            stripped = match.group().strip()
            if not stripped:
                continue
            lead = len(match.group()) - len(match.group().lstrip())
            first = match.start() + lead
            last = first + len(stripped) - 1
            out.append(Span(self.starts[first], self.ends[last]))
        return out


def _collapse(text: str) -> tuple[str, list[int]]:
    """Whitespace runs to one space; returns the new string and each of its characters' old index."""
    out: list[str] = []
    index: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                index.append(i)
            space = True
        else:
            out.append(ch)
            index.append(i)
            space = False
    return "".join(out), index


class _Walker(HTMLParser):
    def __init__(self, source: str, chars: list[str], starts: list[int], ends: list[int]):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.chars, self.starts, self.ends = chars, starts, ends
        self.hidden = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def run(self) -> None:
        self.feed(self.source)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, end: int | None = None) -> None:
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.starts.append(start + i if end is None else start)
            self.ends.append(start + i + 1 if end is None else end)

    def _boundary(self) -> None:
        at = self._offset()
        self._emit(BOUNDARY, at, at)

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN and tag != "head":
            self.hidden += 1
        if tag in _BLOCK:
            self._boundary()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._boundary()

    def handle_endtag(self, tag):
        if tag in _HIDDEN and tag != "head" and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK:
            self._boundary()

    def handle_data(self, data):
        if not self.hidden:
            self._emit(data, self._offset())

    def handle_entityref(self, name):
        if not self.hidden:
            start = self._offset()
            raw = f"&{name};" if self.source.startswith(f"&{name};", start) else f"&{name}"
            self._emit(html.unescape(raw), start, start + len(raw))

    def handle_charref(self, name):
        if not self.hidden:
            start = self._offset()
            raw = f"&#{name};" if self.source.startswith(f"&#{name};", start) else f"&#{name}"
            self._emit(html.unescape(raw), start, start + len(raw))
