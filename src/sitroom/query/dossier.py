"""An actor's whole dossier: names, roles, mentions in their sentences, and what the actor did, said and
is counted in, with the actors it acts with or on."""

from __future__ import annotations

from collections import Counter

from sitroom.query import actors as actor_queries
from sitroom.query import statements
from sitroom.query.events import events
from sitroom.query.network import side
from sitroom.store.room import Room


def full_dossier(room: Room, actor: dict) -> dict:
    """``actor`` (as ``query.actors.actors`` gives it) as ``query.actors.dossier`` shapes it, plus:
    ``events`` it takes part in (as source or target, the export's Event shape, by date);
    ``quotes`` it is the speaker of and ``claims`` it states or is the entity of (the export's shapes,
    in document order); ``co_actors``: ``[{"id", "name", "events", "cooperation", "conflict"}]``, the
    other parties of its events, in most events together first."""
    ident = actor["id"]
    found = [e for e in events(room) if ident in e["source"] or ident in e["target"]]
    names = actor_queries.names(room)
    together: Counter[str] = Counter()
    sides: dict[str, Counter[str]] = {}
    for event in found:
        for other in dict.fromkeys(event["source"] + event["target"]):
            if other != ident:
                together[other] += 1
                sides.setdefault(other, Counter())[side(event["type"])] += 1
    co_actors = [{"id": a, "name": names.get(a, a), "events": n, "cooperation": sides[a]["cooperation"],
                  "conflict": sides[a]["conflict"]}
                 for a, n in sorted(together.items(), key=lambda an: (-an[1], names.get(an[0], an[0])))]
    return {
        **actor_queries.dossier(room, actor),
        "events": [{**e, "source_names": [names.get(a, a) for a in e["source"]],
                    "target_names": [names.get(a, a) for a in e["target"]]} for e in found],
        "quotes": [q for q in statements.quotes(room) if q["speaker"] == ident],
        "claims": [c for c in statements.claims(room)
                   if ident in (c["attributed_to"], c.get("about"))],
        "co_actors": co_actors,
    }
