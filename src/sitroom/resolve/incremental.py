"""Documents added to a resolved room, resolved against its actors and events instead of anew.

The room keeps the keys each actor can be met by (``resolve.blocking``). The local actors of the added
documents are resolved together with the members of every actor sharing a key with one of them, by the
same rules as a full resolution (``resolve.across``); every other actor stays as it is, its id
reserved. The events of the actors so resolved again, and the reports of the added documents, are
grouped again (``resolve.events``); the other events stay. Disagreements are found anew over the whole
room (claims and events: they are few beside mentions).

The actors resolved again are those sharing a key with an added local actor, and those sharing an
acronym's or a surname's key (``a:``, ``w:``) with them: a rule that weighs other actors (an acronym's one
spelling-out, a lone surname going to the person named most, a one-word place that is someone's surname)
then sees them. Beyond that the rules weigh only these actors, and kept actors and events hold their ids
(a regrouped actor or event whose id a kept one holds takes another), so adding A then B can give other
actors than adding A and B at once. ``benchmarks/incremental.py`` measures how often on a real corpus;
`sitroom resolve --full` resolves everything anew.
"""

from __future__ import annotations

from sitroom.resolve.across import LocalActor
from sitroom.resolve.actors import build_actors, local_actors
from sitroom.resolve.blocking import probe_keys
from sitroom.resolve.corpus import (
    EVENT_MENTIONS,
    actor_keys,
    all_disagreements,
    event_mentions,
    in_documents,
    room_local_actors,
)
from sitroom.resolve.events import build_events
from sitroom.store.room import Room


def resolve_added(room: Room, added: list[str], fingerprint: str) -> None:
    """Resolve the documents ``added`` (ids) against the room's actors and events, and write the
    actors, events and disagreements that changed in one transaction, as resolved by ``fingerprint``."""
    new = room_local_actors(room, added)
    probes = sorted({key for node in new for key in probe_keys(node)})
    touched = [r[0] for r in room.db.execute(
        "SELECT DISTINCT actor FROM actor_keys WHERE key IN (SELECT unnest(?::VARCHAR[])) OR key IN ("
        "  SELECT k.key FROM actor_keys k WHERE (k.key LIKE 'a:%' OR k.key LIKE 'w:%') AND k.actor IN ("
        "    SELECT actor FROM actor_keys WHERE key IN (SELECT unnest(?::VARCHAR[])))) ORDER BY actor",
        [probes, probes]).fetchall()]
    before = _actors_as_nodes(room, touched)
    touched = [actor for actor in touched if actor in before]  # (an actor is named: always)
    nodes = sorted(list(before.values()) + new, key=lambda n: n.document)  # (the order of a full one)
    names = dict(room.db.execute("SELECT id, name FROM actors").fetchall())  # (read once, used twice)
    actors = build_actors(nodes, [], None, frozenset(names) - set(touched))
    now_of = {local: a[0] for a in actors for local in a[4]}
    kept_keys = [(key, now_of[before[actor].stands_for[0]]) for key, actor in room.db.execute(
        "SELECT key, actor FROM actor_keys WHERE actor IN (SELECT unnest(?::VARCHAR[]))",
        [touched]).fetchall()]
    names |= {a[0]: a[1] for a in actors}
    redone = [r[0] for r in room.db.execute(
        "SELECT DISTINCT event FROM event_actors WHERE actor IN (SELECT unnest(?::VARCHAR[]))",
        [touched]).fetchall()]
    rows = room.db.execute(
        f"{EVENT_MENTIONS} e WHERE {in_documents('e.document')} OR EXISTS (SELECT 1 FROM event_members m "
        "WHERE m.document = e.document AND m.ordinal = e.ordinal "
        "AND m.event IN (SELECT unnest(?::VARCHAR[]))) ORDER BY document, ordinal",
        [added, redone]).fetchall()
    actor_of = _actor_lookup(room, {(doc, cluster): a[0] for a in actors for doc, cluster in a[4]},
                             sorted({row[0] for row in rows}))
    kept_events = frozenset(r[0] for r in room.db.execute("SELECT id FROM events").fetchall()) - set(redone)
    events = build_events(event_mentions(rows, actor_of), names, set(kept_events))
    disagreements = all_disagreements(room, _stored_events(room, redone) + events, names, actor_of)
    keys = sorted(set(actor_keys(actors, new)) | set(kept_keys))  # (an actor's keys from before kept)
    room.update_resolved(touched, redone, actors, events, disagreements, keys, added, fingerprint)


def _actors_as_nodes(room: Room, actors: list[str]) -> dict[str, LocalActor]:
    """Each of ``actors`` as one node holding its local actors' names, kinds, countries, roles and
    pronouns (read from their mentions in one query, not one node each), ``stands_for`` them; its
    ``(document, cluster)`` its first local actor's."""
    ids = [list(actors)]
    members: dict[str, list[tuple[str, int]]] = {}
    for actor, doc, cluster in room.db.execute(
            "SELECT actor, document, cluster FROM actor_members WHERE actor IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY document, cluster", ids).fetchall():
        members.setdefault(actor, []).append((doc, cluster))
    joined = ("JOIN actor_members a ON a.document = m.document AND a.cluster = m.cluster "
              "WHERE a.actor IN (SELECT unnest(?::VARCHAR[]))")
    first_use = "min(m.document || ':' || lpad(m.ordinal::VARCHAR, 10, '0'))"  # (names in the order read)
    rows = room.db.execute(
        "SELECT a.actor, 0, m.text, m.kind, m.country, m.pronoun, m.armed, m.sense, count(*) "
        f"FROM mentions m {joined} GROUP BY ALL ORDER BY a.actor, {first_use}", ids).fetchall()
    roles = room.db.execute("SELECT a.actor, 0, r.title, r.of_text FROM roles r JOIN mentions m "
                            f"ON m.document = r.document AND m.ordinal = r.mention {joined} "
                            "ORDER BY a.actor, r.document, r.start_offset", ids).fetchall()
    nodes = {node.document: node for node in local_actors(rows, roles)}  # (keyed by actor id here)
    for actor, node in nodes.items():
        node.stands_for = members[actor]
        node.document, node.cluster = members[actor][0]
    return nodes


_STORED_ACTOR = "LEFT JOIN actor_members a ON a.document = m.document AND a.cluster = m.cluster"


def _actor_lookup(room: Room, resolved_again: dict[tuple[str, int], str], documents: list[str]):
    """(document, mention ordinal) -> its actor, as resolved again, else as the room has it: for the
    mentions of ``documents`` and those the claims are about."""
    rows = room.db.execute(
        f"SELECT m.document, m.ordinal, m.cluster, a.actor FROM mentions m {_STORED_ACTOR} "
        f"WHERE {in_documents('m.document')}", [documents]).fetchall()
    rows += room.db.execute(
        "SELECT m.document, m.ordinal, m.cluster, a.actor FROM claims c JOIN mentions m "
        f"ON m.document = c.document AND m.ordinal = c.about_mention {_STORED_ACTOR}").fetchall()
    found = {(doc, ordinal): (cluster, actor) for doc, ordinal, cluster, actor in rows}

    def actor_of(document: str, ordinal: int) -> str | None:
        cluster, actor = found.get((document, ordinal), (None, None))
        return resolved_again.get((document, cluster), actor) if cluster is not None else None

    return actor_of


def _stored_events(room: Room, redone: list[str]) -> list[dict]:
    """The room's events but ``redone``, as ``build_events`` gives them (for disagreements)."""
    members: dict[str, list[tuple[str, int]]] = {}
    for event, doc, n in room.db.execute("SELECT event, document, ordinal FROM event_members").fetchall():
        members.setdefault(event, []).append((doc, n))
    roles: dict[tuple[str, str], list[str]] = {}
    for event, role, actor in room.db.execute("SELECT event, role, actor FROM event_actors").fetchall():
        roles.setdefault((event, role), []).append(actor)
    gone = set(redone)
    rows = room.db.execute("SELECT id, type, mode, status, when_start, when_end, when_basis, location, "
                           "summary FROM events").fetchall()
    return [{"id": e, "type": kind, "mode": mode, "status": status, "when_start": start, "when_end": end,
             "when_basis": basis, "location": location, "summary": summary,
             "source": sorted(roles.get((e, "source"), [])), "target": sorted(roles.get((e, "target"), [])),
             "members": sorted(members.get(e, []))}
            for e, kind, mode, status, start, end, basis, location, summary in rows if e not in gone]
