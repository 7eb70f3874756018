"""What the report shows, gathered from a room into plain JSON-able data."""

from __future__ import annotations

from collections import defaultdict

from sitroom.extract.event_lexicon import lexicon
from sitroom.query.actors import actors as all_actors
from sitroom.query.events import events as all_events
from sitroom.query.evidence import Context
from sitroom.query.network import network
from sitroom.query.statements import claims, disagreements, quotes
from sitroom.store.room import Room


def report_data(room: Room) -> dict:
    ctx = Context.load(room)
    actors = {a["id"]: a for a in all_actors(room)}
    quads = lexicon().quads
    triggers = _triggers(room)
    events = []
    for e in all_events(room):
        if not e["evidence"]:
            continue
        evidence = [_with_trigger(ctx, ev, triggers) for ev in e["evidence"]]
        events.append({
            "id": e["id"], "type": e["type"], "quad": quads.get(e["type"], ""), "status": e["status"],
            "when": e["when"], "summary": e["summary"], "location": e["location"],
            "source": e["source"], "target": e["target"], "documents": e["documents"],
            "evidence": evidence,
        })
    claim_by_id = {c["id"]: c for c in claims(room)}
    return {
        "resolved": room.resolved,
        "documents": sorted(ctx.docs.values(), key=lambda d: d["source"]),
        "actors": {i: {"id": i, "name": a["name"], "kind": a["kind"], "mentions": len(a["mentions"]),
                       "documents": len(a["documents"])} for i, a in actors.items()},
        "events": events,
        "network": network(room),
        "quotes": _quotes_by_speaker(room, ctx, actors),
        "disagreements": [
            {**d, "claims": [{**claim_by_id[c], "context": ctx.around(claim_by_id[c]["evidence"]["document"],
                                                                      claim_by_id[c]["evidence"]["start"],
                                                                      claim_by_id[c]["evidence"]["end"])}
                             for c in d["claims"] if c in claim_by_id]}
            for d in disagreements(room)],
    }


def _triggers(room: Room) -> dict[tuple[str, int], tuple[int, int]]:
    rows = room.db.execute("SELECT document, start_offset, trigger_start, trigger_end FROM event_mentions")
    return {(d, s): (ts, te) for d, s, ts, te in rows.fetchall()}


def _with_trigger(ctx: Context, ev: dict, triggers) -> dict:
    """An event's sentence with its trigger words as the highlighted span."""
    start, end = triggers.get((ev["document"], ev["start"]), (ev["start"], ev["end"]))
    return ctx.around(ev["document"], start, end)


def _quotes_by_speaker(room: Room, ctx: Context, actors: dict) -> list[dict]:
    """Quotes grouped by resolved speaker (an actor), the most quoted first; quotes whose speaker no actor
    is (a pronoun not resolved, none found) together last, each keeping the words that name its speaker."""
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for q in quotes(room):
        key = q["speaker"] if q["speaker"] in actors else None
        ev = q["evidence"]
        groups[key].append({**q, "context": ctx.around(ev["document"], ev["start"], ev["end"])})
    out = [{"speaker": key, "name": actors[key]["name"], "quotes": items}
           for key, items in groups.items() if key is not None]
    out.sort(key=lambda g: (-len(g["quotes"]), g["name"]))
    if None in groups:
        out.append({"speaker": None, "name": "Speaker not resolved", "quotes": groups[None]})
    return out
