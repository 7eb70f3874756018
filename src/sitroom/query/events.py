"""Events and time expressions as the export contract shapes them, and the timeline."""

from __future__ import annotations

from collections import defaultdict

from sitroom.query.actors import names as actor_names
from sitroom.query.documents import evidence
from sitroom.query.documents import texts as load_texts
from sitroom.query.filters import from_source, within
from sitroom.store.room import Room


def _sort_key(when: dict | None, ident: str) -> tuple:
    """Partial dates sort by what they say: "2021" before "2021-07" before "2021-07-08"; undated last."""
    return (when is None, when["start"] if when else "", ident)


def events(room: Room) -> list[dict]:
    """Every event, by date then id, in the shape of the export's Event."""
    texts = load_texts(room)
    evidence_of: dict[str, list[dict]] = defaultdict(list)
    for event, doc, start, end in room.db.execute("""
            SELECT m.event, em.document, em.start_offset, em.end_offset FROM event_members m
            JOIN event_mentions em ON em.document = m.document AND em.ordinal = m.ordinal
            ORDER BY m.event, em.document, em.start_offset""").fetchall():
        ev = evidence(doc, texts[doc], start, end)
        if ev not in evidence_of[event]:
            evidence_of[event].append(ev)
    actors: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, role, actor in room.db.execute(
            "SELECT event, role, actor FROM event_actors ORDER BY event, role, actor").fetchall():
        actors[(event, role)].append(actor)
    out = []
    for ident, kind, mode, status, w_start, w_end, basis, location, summary in room.db.execute(
            "SELECT id, type, mode, status, when_start, when_end, when_basis, location, summary "
            "FROM events").fetchall():
        found = evidence_of.get(ident, [])
        when = {"start": w_start, "end": w_end, "basis": basis} if w_start else None
        out.append({
            "id": ident, "type": kind, "mode": mode, "context": [], "when": when,
            "source": actors.get((ident, "source"), []), "target": actors.get((ident, "target"), []),
            "location": location, "status": status, "summary": summary, "evidence": found,
            "documents": sorted({e["document"] for e in found}),
        })
    return sorted(out, key=lambda e: _sort_key(e["when"], e["id"]))


def time_expressions(room: Room) -> list[dict]:
    texts = load_texts(room)
    rows = room.db.execute("SELECT document, ordinal, type, value, anchor, start_offset, end_offset "
                           "FROM time_expressions ORDER BY document, start_offset, ordinal").fetchall()
    return [{"id": f"{doc}:t{n}", "type": kind, "value": value, "anchor": anchor,
             "evidence": evidence(doc, texts[doc], start, end)}
            for doc, n, kind, value, anchor, start, end in rows]


def timeline(room: Room, actor: str | None = None, kind: str | None = None, since: str | None = None,
             until: str | None = None, dated: bool = False, source: str | None = None) -> list[dict]:
    """Events in date order, filtered; ``actor`` and ``source`` match ids or names, any case."""
    names = actor_names(room)
    aliases: dict[str, set[str]] = defaultdict(set)
    for actor_id, text in room.db.execute("""
            SELECT DISTINCT am.actor, m.text FROM actor_members am
            JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
            WHERE NOT m.pronoun""").fetchall():
        aliases[actor_id].add(text.casefold())
    docs = {d: (s, o) for d, s, o in room.db.execute("SELECT id, source, outlet FROM documents").fetchall()}
    wanted = actor.casefold() if actor else None
    out = []
    for event in events(room):
        when = event["when"]
        if kind and event["type"] != kind.upper():
            continue
        if dated and (when is None or when["basis"] == "inferred"):
            continue
        if not within(when["start"] if when else None, since, until):
            continue
        parties = event["source"] + event["target"]
        if wanted and not any(wanted == a.casefold() or wanted == names.get(a, "").casefold()
                              or wanted in aliases[a] for a in parties):
            continue
        if source and not any(from_source(*docs[d], source) for d in event["documents"]):
            continue
        out.append({**event, "source_names": [names.get(a, a) for a in event["source"]],
                    "target_names": [names.get(a, a) for a in event["target"]]})
    return out
