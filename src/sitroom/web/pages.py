"""The data behind every page; the same dict is rendered as HTML or returned as JSON."""

from __future__ import annotations

from sitroom.query import actors as actor_queries
from sitroom.query import documents as document_queries
from sitroom.query.ask import ask
from sitroom.query.events import events, timeline
from sitroom.query.evidence import Context
from sitroom.query.search import matching, search
from sitroom.store.room import Room
from sitroom.web import document_page as document_findings

SEARCH_LIMIT = 50


class NotFound(LookupError):
    """The page names something the room does not hold."""


def overview(room: Room) -> dict:
    counts = {table: room.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("documents", "actors", "events", "quotes", "claims", "disagreements")}
    return {"counts": counts, "documents": document_queries.summaries(room)}


def timeline_page(room: Room, actor: str | None, kind: str | None, since: str | None,
                  until: str | None, dated: bool) -> dict:
    ctx = Context.load(room)
    rows = timeline(room, actor, kind, since, until, dated)
    for row in rows:
        row["contexts"] = [ctx.around(e["document"], e["start"], e["end"]) for e in row["evidence"]]
    return {"filters": {"actor": actor, "type": kind, "from": since, "to": until, "dated": dated},
            "events": rows}


def actors_page(room: Room, kind: str | None) -> dict:
    return {"kind": kind, "actors": actor_queries.summaries(room, kind)}


def actor_page(room: Room, actor_id: str) -> dict:
    found = [a for a in actor_queries.actors(room) if a["id"] == actor_id]
    if not found:
        raise NotFound(f"no actor {actor_id!r}")
    dossier = actor_queries.dossier(room, found[0])
    dossier["events"] = [e for e in events(room) if actor_id in e["source"] + e["target"]]
    return dossier


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
    pieces = document_findings.segments(text, lo, hi, found, (start, end) if start is not None else None)
    counts = {kind: sum(1 for f in found if f["kind"] == kind) for kind in document_findings.KINDS}
    return {**{k: v for k, v in doc.items() if k not in ("body", "boilerplate")},
            "boilerplate_count": len(doc["boilerplate"]), "segments": pieces, "findings": counts,
            "highlight": {"start": start, "end": end} if start is not None else None}


def ask_page(room: Room, q: str | None) -> dict:
    """A question answered with cited sentences grouped by source and speaker (as ``sitroom ask``)."""
    if not q or not q.strip():
        return {"q": q or "", "answer": None, "note": ""}
    try:
        return {"q": q, "answer": ask(room, q), "note": ""}
    except ValueError as exc:
        return {"q": q, "answer": None, "note": str(exc)}


def search_page(room: Room, q: str | None, actor: str | None = None, source: str | None = None,
                since: str | None = None, until: str | None = None) -> dict:
    """The sentences that best answer ``q`` (BM25, as ``sitroom search``), the query's words marked."""
    filters = {"actor": actor or "", "source": source or "", "from": since or "", "to": until or ""}
    if not q or not q.strip():
        return {"q": q or "", "filters": filters, "results": [], "note": ""}
    try:
        found = search(room, q, SEARCH_LIMIT, actor, source, since, until)
    except ValueError as exc:
        return {"q": q, "filters": filters, "results": [], "note": str(exc)}
    results = [{**r, "pieces": [{"text": t, "mark": m} for t, m in matching(r["text"], q)]} for r in found]
    return {"q": q, "filters": filters, "results": results, "note": ""}
