"""The document page's data: the document's text in segments, each with every finding read from it —
the actors named, the events reported, the quotes, the numbers claimed and the time expressions — so the
page shows each in place, with links to the actor's dossier and the event's page.

An HTML document's text is its markup; the page shows it as a browser reads it. The whole document is
scanned once (the standard library's tolerant parser: ``3 < 5`` is text, a quoted ``>`` stays in its
tag, scripts and styles are raw text) into the ranges that are markup and the character references of
the text between them; any ``text[lo:hi]`` is then shown from those, wherever ``lo`` falls."""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache
from html.entities import html5
from html.parser import HTMLParser

from sitroom.store.room import Room

_BLOCK = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table",
    "caption", "section", "article", "main", "nav", "aside", "blockquote", "header", "footer", "address",
    "figure", "figcaption", "hr", "pre", "dl", "dt", "dd", "form", "fieldset", "legend", "details",
    "summary", "dialog", "menu", "hgroup", "center", "body", "html"})
"""Tags that end a line of text when the page is read."""

_HIDDEN = frozenset({"script", "style", "title", "noscript", "template", "svg", "iframe", "object"})
"""Elements whose content a reader never sees, wherever they stand."""

_HEAD = frozenset({"html", "head", "title", "meta", "link", "base", "style", "script", "noscript",
                   "template"})
"""Tags that may stand in ``<head>``; any other start tag closes it, as a browser does."""

_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
"""A character reference as ``html.unescape`` reads it (a named one may be the longest known prefix)."""

_SPACE = re.compile(r"[ \t\n\r\f]+")
"""HTML's white space (a no-break space is not: a browser keeps it)."""

KINDS = ("actor", "event", "quote", "claim", "time")
"""Finding kinds, as the page's classes (``f-actor`` ...) and its legend name them."""


def findings(room: Room, doc_id: str) -> list[dict]:
    """Every finding of the document: ``{"start", "end", "kind", "label", "link"}`` (characters of its
    text; ``link`` a page of sitroom or None)."""
    out = []
    for start, end, actor, name in room.db.execute("""
            SELECT m.start_offset, m.end_offset, a.id, a.name FROM mentions m
            JOIN actor_members am ON am.document = m.document AND am.cluster = m.cluster
            JOIN actors a ON a.id = am.actor WHERE m.document = ?""", [doc_id]).fetchall():
        out.append({"start": start, "end": end, "kind": "actor", "label": name, "link": f"/actors/{actor}"})
    for start, end, event, summary in room.db.execute("""
            SELECT em.trigger_start, em.trigger_end, e.id, e.summary FROM event_mentions em
            JOIN event_members m ON m.document = em.document AND m.ordinal = em.ordinal
            JOIN events e ON e.id = m.event WHERE em.document = ?""", [doc_id]).fetchall():
        out.append({"start": start, "end": end, "kind": "event", "label": summary,
                    "link": f"/events/{event}"})
    for start, end, name in room.db.execute("""
            SELECT q.content_start, q.content_end, a.name FROM quotes q
            LEFT JOIN mentions m ON m.document = q.document AND m.ordinal = q.speaker_mention
            LEFT JOIN actor_members am ON am.document = m.document AND am.cluster = m.cluster
            LEFT JOIN actors a ON a.id = am.actor WHERE q.document = ?""", [doc_id]).fetchall():
        out.append({"start": start, "end": end, "kind": "quote", "label": f"said by {name or 'someone'}",
                    "link": None})
    for start, end, subject, value, unit in room.db.execute(
            "SELECT start_offset, end_offset, subject, value, unit FROM claims WHERE document = ?",
            [doc_id]).fetchall():
        out.append({"start": start, "end": end, "kind": "claim", "label": f"{value:,.10g} {unit}: {subject}",
                    "link": None})
    for start, end, value in room.db.execute(
            "SELECT start_offset, end_offset, value FROM time_expressions WHERE document = ?",
            [doc_id]).fetchall():
        out.append({"start": start, "end": end, "kind": "time", "label": value or "", "link": None})
    return [f for f in out if f["start"] < f["end"]]


class _Scanner(HTMLParser):
    """Walks a whole HTML document once: ``ranges`` the markup in order, ``(start, end, shown instead)``,
    adjacent pieces run together. Every piece the parser takes passes through ``updatepos``, so its
    offsets are exact; the callbacks just before say what the piece was."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text, self.base, self.done = text, 0, 0
        self.tag: str | None = None  # the markup just reported, "" text, None nothing (as "</>")
        self.hidden = 0
        self.head = False
        self.ranges: list[tuple[int, int, str]] = []

    def run(self) -> list[tuple[int, int, str]]:
        self.feed(self.text)
        self.base = len(self.text) - len(self.rawdata)  # close() parses what is left from 0 again
        if self.rawdata.startswith("<!--"):  # a comment never closed (a cut page) hides all after it
            self._add(max(self.base, self.done), len(self.text), "")
            self.done = len(self.text)
            self.rawdata = ""
        self.close()
        if self.done < len(self.text):  # an unclosed script or style: raw text to the end
            self._add(self.done, len(self.text), "")
        return self.ranges

    def updatepos(self, i: int, j: int) -> int:
        start, end = max(self.base + i, self.done), self.base + j
        if start < end:
            if self.tag != "":
                self._add(start, end, "\n" if self.tag in _BLOCK else "")
            elif self.hidden or self.head:
                self._add(start, end, "")
            self.done = end
        self.tag = None
        return super().updatepos(i, j)

    def _add(self, start: int, end: int, shown: str) -> None:
        if self.ranges and self.ranges[-1][1] == start:
            last = self.ranges.pop()
            start, shown = last[0], "\n" if "\n" in (last[2], shown) else ""
        self.ranges.append((start, end, shown))

    def handle_starttag(self, tag, attrs):
        self.tag = tag
        if tag == "head":
            self.head = True
        elif tag not in _HEAD:
            self.head = False
        if tag in _HIDDEN:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.tag = tag
        if tag not in _HEAD:
            self.head = False

    def handle_endtag(self, tag):
        self.tag = tag
        if tag == "head":
            self.head = False
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        self.tag = ""
        if self.head and not self.hidden and data.strip():
            self.head = False  # text in the head: a browser leaves the head there and shows it

    def parse_comment(self, i: int, report: int = 1) -> int:
        """A comment as browsers end it (WHATWG): at ``-->``, ``--!>``, or at once for ``<!-->`` and
        ``<!--->``; -1 while it is not closed yet."""
        data = self.rawdata
        for empty in ("<!-->", "<!--->"):
            if data.startswith(empty, i):
                if report:
                    self.handle_comment("")
                return i + len(empty)
        ends = [(k, close) for close in ("-->", "--!>") if (k := data.find(close, i + 4)) >= 0]
        if not ends:
            return -1
        k, close = min(ends)
        if report:
            self.handle_comment(data[i + 4:k])
        return k + len(close)

    def handle_comment(self, data):
        self.tag = "!--"

    def handle_decl(self, decl):
        self.tag = "!"

    def unknown_decl(self, data):
        self.tag = "!"

    def handle_pi(self, data):
        self.tag = "?"


@lru_cache(maxsize=8)
def _scan(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """An HTML document's markup, as ``markup`` gives it, and the character references of the text
    between, ``(start, end, the characters it stands for)``; both in order, over the whole text."""
    hidden = _Scanner(text).run()
    refs = []
    for start, end in zip([0, *(h[1] for h in hidden)], [*(h[0] for h in hidden), len(text)], strict=True):
        for m in _REFERENCE.finditer(text, start, end):
            name = m.group(1)
            if name.startswith("#") or name in html5:
                refs.append((m.start(), m.end(), html.unescape(m.group())))
                continue
            known = next((x for x in range(len(name) - 1, 1, -1) if name[:x] in html5), None)
            if known:  # "&copy2024" is "©2024", as a browser reads it
                refs.append((m.start(), m.start() + 1 + known, html5[name[:known]]))
    return hidden, refs


def _within(ranges: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The ranges that overlap ``[lo, hi)``, as they are."""
    first = bisect.bisect_right(ranges, lo, key=lambda r: r[1])
    last = bisect.bisect_left(ranges, hi, key=lambda r: r[0])
    return ranges[first:last]


def markup(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The markup in ``text[lo:hi]`` of an HTML document, in order, as ``(start, end, shown instead)``:
    a line break where a block ends, nothing for the rest (tags, comments, the head, scripts, styles and
    the text in them); a range cut by ``lo`` or ``hi`` counts from ``lo`` or to ``hi``. Found over the
    whole document, so ``lo`` may fall anywhere, inside a tag or a script too."""
    return [(max(s, lo), min(e, hi), shown) for s, e, shown in _within(_scan(text)[0], lo, hi)]


def references(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The character references (``&amp;``, ``&#233;`` ...) of an HTML document's text that overlap
    ``text[lo:hi]``, in order, as ``(start, end, the characters they stand for)``, uncut: a reference
    is shown whole or not at all."""
    return _within(_scan(text)[1], lo, hi)


def _snap(refs: list[tuple[int, int, str]], x: int, up: bool) -> int:
    """``x``, or the edge of the reference it falls inside: its end if ``up``, else its start."""
    at = bisect.bisect_right(refs, x, key=lambda r: r[0]) - 1
    if at >= 0 and refs[at][0] < x < refs[at][1]:
        return refs[at][1] if up else refs[at][0]
    return x


def segments(text: str, lo: int, hi: int, found: list[dict], mark: tuple[int, int] | None,
             hidden: list[tuple[int, int, str]] | None = None,
             refs: list[tuple[int, int, str]] = ()) -> list[dict]:
    """``text[lo:hi]`` cut at every finding's edge: ``{"text", "kinds", "title", "link", "open", "close"}``
    per piece; ``kinds`` the kinds covering it, ``title`` their labels, ``link`` the narrowest covering
    finding's link, ``open``/``close`` whether the marked evidence ``mark`` starts or ends there.
    ``hidden`` (not None for an HTML document): its markup, as ``markup`` finds it, shown as its
    replacement; ``refs`` its character references, as ``references`` finds them. Such a document is
    shown as a browser reads it: references decoded (an edge inside one moves out to its edge, so none is
    ever cut), white space run together across pieces, no space ending a line, no empty lines."""
    if refs:
        lo, hi = _snap(refs, lo, False), _snap(refs, hi, True)
        found = [{**f, "start": _snap(refs, f["start"], False), "end": _snap(refs, f["end"], True)}
                 for f in found]
        mark = mark and (_snap(refs, mark[0], False), _snap(refs, mark[1], True))
    edges = {lo, hi, *(x for f in found for x in (f["start"], f["end"]) if lo < x < hi),
             *(x for r in (hidden or ()) for x in r[:2]), *(x for r in refs for x in r[:2] if lo < x < hi)}
    if mark is not None:
        edges |= {x for x in mark if lo <= x <= hi}
    cuts = sorted(edges)
    decoded = {r[0]: r for r in refs}
    starts = sorted(found, key=lambda f: f["start"])
    active: list[dict] = []
    k = h = 0
    tail = "line"  # what the shown text ends with so far: a line break (or nothing), a space, a character
    out: list[dict] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while k < len(starts) and starts[k]["start"] <= a:
            active.append(starts[k])
            k += 1
        active = [f for f in active if f["end"] > a]
        here = [f for f in active if f["start"] <= a and f["end"] >= b]
        piece = text[a:b]
        if hidden is not None:
            while h < len(hidden) and hidden[h][1] <= a:
                h += 1
            if h < len(hidden) and hidden[h][0] <= a and b <= hidden[h][1]:
                here, piece = [], "" if tail == "line" else hidden[h][2]
                if piece and tail == "space":  # the space before a line break is not shown
                    last = next(s for s in reversed(out) if s["text"])
                    last["text"] = last["text"][:-1]
                tail = "line" if piece else tail
            else:
                ref = decoded.get(a)
                piece = _SPACE.sub(" ", ref[2] if ref and ref[1] == b else piece)
                piece = piece.lstrip(" ") if tail != "char" else piece
                tail = ("space" if piece.endswith(" ") else "char") if piece else tail
        linked = min((f for f in here if f["link"]), key=lambda f: f["end"] - f["start"], default=None)
        out.append({"text": piece, "kinds": sorted({f["kind"] for f in here}),
                    "title": "; ".join(dict.fromkeys(f"{f['kind']}: {f['label']}" for f in here)),
                    "link": linked["link"] if linked else None,
                    "open": mark is not None and a == mark[0], "close": mark is not None and b == mark[1]})
    if mark is not None and mark[0] == mark[1]:
        out.append({"text": "", "kinds": [], "title": "", "link": None, "open": True, "close": True})
    return out
