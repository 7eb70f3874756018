"""The data behind every page; the same dict is rendered as HTML or returned as JSON."""

from __future__ import annotations

from sitroom.query import actors as actor_queries
from sitroom.query import documents as document_queries
from sitroom.query import statements
from sitroom.query.ask import ask
from sitroom.query.dossier import full_dossier
from sitroom.query.events import events, timeline
from sitroom.query.evidence import Context
from sitroom.query.filters import from_source
from sitroom.query.network import network
from sitroom.query.search import matching, search
from sitroom.store.room import Room
from sitroom.web import document_page as document_findings
from sitroom.web.statement_pages import paged

SEARCH_LIMIT = 50
AT_A_GLANCE = 10
"""Actors, events, quotes and disagreements the overview shows."""
DOCUMENTS_AT_A_GLANCE = 20
NETWORK_ACTORS = 80
"""Actors drawn by the network page unless asked for more: those in most events."""
MENTIONS_PAGE = 100
"""Mentions on one page of an actor's dossier."""
EVENTS_PAGE = 100
"""Events on one page of the timeline."""


class NotFound(LookupError):
    """The page names something the room does not hold."""


def overview(room: Room) -> dict:
    """The situation at a glance: counts; the actors in most documents; the latest dated events (dates
    the text states); quotes from the latest documents; the disagreements; the latest documents."""
    counts = {table: room.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("documents", "actors", "events", "quotes", "claims", "disagreements")}
    top = room.db.execute("""
        SELECT a.id, a.name, a.kind, count(DISTINCT am.document) AS documents, count(*) AS mentions
        FROM actors a JOIN actor_members am ON am.actor = a.id
        JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
        GROUP BY a.id, a.name, a.kind ORDER BY documents DESC, mentions DESC, a.name LIMIT ?""",
                          [AT_A_GLANCE]).fetchall()
    documents = document_queries.summaries(room)
    latest = sorted(documents, key=lambda d: (d["published"] or "", d["source"]), reverse=True)
    published = {d["id"]: d["published"] or "" for d in documents}
    names = actor_queries.names(room)
    quotes = sorted(statements.quotes(room), key=lambda q: published.get(q["evidence"]["document"], ""),
                    reverse=True)
    found = statements.disagreements(room)
    return {"counts": counts,
            "actors": [dict(zip(("id", "name", "kind", "documents", "mentions"), row, strict=True))
                       for row in top],
            "events": timeline(room, dated=True)[::-1][:AT_A_GLANCE],
            "quotes": [{**q, "speaker_name": names.get(q["speaker"]) or q["speaker_text"]}
                       for q in quotes[:AT_A_GLANCE]],
            "disagreements": found[:AT_A_GLANCE], "disagreements_total": len(found),
            "documents": latest[:DOCUMENTS_AT_A_GLANCE]}


def documents_page(room: Room, source: str | None, page: int) -> dict:
    """Every document (``source`` a part of its path, URL or outlet, any case), newest first, a page at a
    time."""
    rows = [d for d in document_queries.summaries(room) if from_source(d["source"], d["outlet"], source)]
    rows.sort(key=lambda d: (d["published"] or "", d["source"]), reverse=True)
    return {"filters": {"source": source or ""}, **paged(rows, page)}


def timeline_page(room: Room, actor: str | None, kind: str | None, since: str | None,
                  until: str | None, dated: bool, page: int = 1) -> dict:
    """The timeline filtered as ``sitroom timeline`` filters it, ``EVENTS_PAGE`` events a page, each with
    its evidence in context."""
    ctx = Context.load(room)
    one_page = paged(timeline(room, actor, kind, since, until, dated), page, EVENTS_PAGE)
    events = one_page.pop("rows")
    for row in events:
        row["contexts"] = [ctx.around(e["document"], e["start"], e["end"]) for e in row["evidence"]]
    return {"filters": {"actor": actor, "type": kind, "from": since, "to": until, "dated": dated},
            **one_page, "events": events}


def actors_page(room: Room, kind: str | None, name: str | None = None, page: int = 1) -> dict:
    """Actors in most documents first, ``kind`` one of the actor kinds, ``name`` a part of a name or alias
    (any case), a page at a time."""
    rows = actor_queries.summaries(room, kind)
    if name:
        wanted = name.casefold()
        rows = [a for a in rows if wanted in a["name"].casefold() or wanted in a["aliases"].casefold()]
    one_page = paged(rows, page)
    shown = one_page.pop("rows")
    return {"kind": kind, "filters": {"kind": kind or "", "name": name or ""}, **one_page, "actors": shown}


def actor_page(room: Room, actor_id: str, page: int = 1) -> dict:
    """The actor's whole dossier (``query.dossier.full_dossier``), its mentions ``MENTIONS_PAGE`` at a
    time: ``page``/``pages`` of them, ``mentions_total`` in all."""
    found = [a for a in actor_queries.actors(room) if a["id"] == actor_id]
    if not found:
        raise NotFound(f"no actor {actor_id!r}")
    dossier = full_dossier(room, found[0])
    one_page = paged(dossier["mentions"], page, MENTIONS_PAGE)
    mentions, total = one_page.pop("rows"), one_page.pop("total")
    return {**dossier, **one_page, "mentions": mentions, "mentions_total": total}


def event_page(room: Room, event_id: str) -> dict:
    found = [e for e in events(room) if e["id"] == event_id]
    if not found:
        raise NotFound(f"no event {event_id!r}")
    ctx = Context.load(room)
    names = actor_queries.names(room)
    event = found[0]
    return {**event, "source_names": [names.get(a, a) for a in event["source"]],
            "target_names": [names.get(a, a) for a in event["target"]],
            "contexts": [ctx.around(e["document"], e["start"], e["end"]) for e in event["evidence"]]}


def document_page(room: Room, doc_id: str, start: int | None, end: int | None) -> dict:
    docs = [d for d in document_queries.documents(room) if d["id"] == doc_id]
    if not docs:
        raise NotFound(f"no document {doc_id!r}")
    doc = docs[0]
    text = document_queries.source_text(room, doc_id) or ""
    body = doc["body"]
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        start = end = None
    lo, hi = body["start"], body["end"]
    if start is not None:
        lo, hi = min(lo, start), max(hi, end)
    found = document_findings.findings(room, doc_id)
    is_html = room.db.execute("SELECT format = 'html' FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    hidden = document_findings.markup(text, lo, hi) if is_html else None
    refs = document_findings.references(text, lo, hi) if is_html else []
    pieces = document_findings.segments(text, lo, hi, found, (start, end) if start is not None else None,
                                        hidden, refs)
    counts = {kind: sum(1 for f in found if f["kind"] == kind) for kind in document_findings.KINDS}
    return {**{k: v for k, v in doc.items() if k not in ("body", "boilerplate")},
            "boilerplate_count": len(doc["boilerplate"]), "segments": pieces, "findings": counts,
            "highlight": {"start": start, "end": end} if start is not None else None}


def ask_page(room: Room, q: str | None, actor: str | None = None, source: str | None = None,
             since: str | None = None, until: str | None = None, kind: str | None = None) -> dict:
    """A question answered with cited sentences grouped by source and speaker (as ``sitroom ask``), with
    search's filters."""
    filters = {"actor": actor or "", "source": source or "", "from": since or "", "to": until or "",
               "type": kind or ""}
    if not q or not q.strip():
        return {"q": q or "", "filters": filters, "answer": None, "note": ""}
    try:
        found = ask(room, q, actor=actor, source=source, since=since, until=until, kind=kind)
        return {"q": q, "filters": filters, "answer": found, "note": ""}
    except ValueError as exc:
        return {"q": q, "filters": filters, "answer": None, "note": str(exc)}


def search_page(room: Room, q: str | None, actor: str | None = None, source: str | None = None,
                since: str | None = None, until: str | None = None, kind: str | None = None) -> dict:
    """The sentences that best answer ``q`` (BM25, as ``sitroom search``), the query's words marked."""
    filters = {"actor": actor or "", "source": source or "", "from": since or "", "to": until or "",
               "type": kind or ""}
    if not q or not q.strip():
        return {"q": q or "", "filters": filters, "results": [], "note": ""}
    try:
        found = search(room, q, SEARCH_LIMIT, actor, source, since, until, kind)
    except ValueError as exc:
        return {"q": q, "filters": filters, "results": [], "note": str(exc)}
    results = [{**r, "pieces": [{"text": t, "mark": m} for t, m in matching(r["text"], q)]} for r in found]
    return {"q": q, "filters": filters, "results": results, "note": ""}


def network_page(room: Room, actor: str | None, since: str | None, until: str | None, kind: str | None,
                 limit: int = NETWORK_ACTORS) -> dict:
    """The actor network of the events filtered (as ``query.network.network``), each edge with its ends'
    positions, for an SVG drawn on the server (the UI runs no script)."""
    filters = {"actor": actor or "", "from": since or "", "to": until or "", "side": kind or "",
               "limit": limit}
    found = network(room, actor, since, until, kind, limit)
    at = {n["id"]: (n["x"], n["y"]) for n in found["nodes"]}
    for edge in found["edges"]:
        (edge["x1"], edge["y1"]), (edge["x2"], edge["y2"]) = at[edge["source"]], at[edge["target"]]
    names = {n["id"]: n["name"] for n in found["nodes"]}
    for edge in found["edges"]:
        edge["source_name"], edge["target_name"] = names[edge["source"]], names[edge["target"]]
    labelled = {n["id"] for n in found["nodes"][:30]}
    for node in found["nodes"]:
        node["label"] = node["id"] in labelled
    return {"filters": filters, **found}
