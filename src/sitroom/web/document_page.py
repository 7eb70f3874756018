"""The document page's data: the document's text in segments, each with every finding read from it —
the actors named, the events reported, the quotes, the numbers claimed and the time expressions — so the
page shows each in place, with links to the actor's dossier and the event's page."""

from __future__ import annotations

import html
import re

from sitroom.store.room import Room

_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)|<[^>]*>?", re.S | re.I)
"""Markup of an HTML document: comments, scripts and styles with their content, tags."""

_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|header|footer|"
                    r"figure|figcaption|hr)\b", re.I)
"""Tags that end a line of text when the page is read."""

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


def markup(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The markup in ``text[lo:hi]`` of an HTML document, in order, as ``(start, end, shown instead)``:
    a line break for a tag that ends a block, nothing for the rest; a tag cut by ``lo`` counts from
    ``lo``."""
    begin = lo
    opened = text.rfind("<", 0, lo)
    if opened != -1 and text.find(">", opened, lo) == -1:
        begin = opened  # lo falls inside a tag
    out = []
    for m in _MARKUP.finditer(text, begin, hi):
        start, end = max(m.start(), lo), min(m.end(), hi)
        if start < end:
            out.append((start, end, "\n" if _BLOCK.match(m.group()) else ""))
    return out


def segments(text: str, lo: int, hi: int, found: list[dict], mark: tuple[int, int] | None,
             hidden: list[tuple[int, int, str]] = ()) -> list[dict]:
    """``text[lo:hi]`` cut at every finding's edge: ``{"text", "kinds", "title", "link", "open", "close"}``
    per piece; ``kinds`` the kinds covering it, ``title`` their labels, ``link`` the narrowest covering
    finding's link, ``open``/``close`` whether the marked evidence ``mark`` starts or ends there.
    ``hidden``: an HTML document's markup (as ``markup`` finds it), shown as its replacement; the rest of
    such a document is shown as a browser reads it (character references decoded, white space run
    together, no empty lines)."""
    edges = {lo, hi, *(x for f in found for x in (f["start"], f["end"]) if lo < x < hi),
             *(x for h in hidden for x in h[:2])}
    if mark is not None:
        edges |= {x for x in mark if lo <= x <= hi}
    cuts = sorted(edges)
    starts = sorted(found, key=lambda f: f["start"])
    active: list[dict] = []
    k = h = 0
    line_start = True
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while k < len(starts) and starts[k]["start"] <= a:
            active.append(starts[k])
            k += 1
        active = [f for f in active if f["end"] > a]
        here = [f for f in active if f["start"] <= a and f["end"] >= b]
        piece = text[a:b]
        if hidden:
            while h < len(hidden) and hidden[h][1] <= a:
                h += 1
            if h < len(hidden) and hidden[h][0] <= a and b <= hidden[h][1]:
                here, piece = [], "" if line_start else hidden[h][2]
            else:
                piece = re.sub(r"\s+", " ", html.unescape(piece))
                piece = piece.lstrip() if line_start else piece
            line_start = piece.endswith("\n") or (line_start and not piece)
        linked = min((f for f in here if f["link"]), key=lambda f: f["end"] - f["start"], default=None)
        out.append({"text": piece, "kinds": sorted({f["kind"] for f in here}),
                    "title": "; ".join(dict.fromkeys(f"{f['kind']}: {f['label']}" for f in here)),
                    "link": linked["link"] if linked else None,
                    "open": mark is not None and a == mark[0], "close": mark is not None and b == mark[1]})
    if mark is not None and mark[0] == mark[1]:
        out.append({"text": "", "kinds": [], "title": "", "link": None, "open": True, "close": True})
    return out
