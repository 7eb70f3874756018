"""The corpus-wide stage: every document's rows in, actors, events and disagreements across the
corpus out, written together (the end of every build, and `sitroom resolve`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from sitroom.code_digest import code_digest
from sitroom.resolve.across import LocalActor, resolve
from sitroom.resolve.actors import Grouping, build_actors, local_actors
from sitroom.resolve.blocking import touch_keys
from sitroom.resolve.disagreements import ClaimRow
from sitroom.resolve.disagreements import find as find_disagreements
from sitroom.resolve.event_disagreements import dated_differently
from sitroom.resolve.events import EventMention, build_events
from sitroom.store.room import Room


def in_documents(column: str = "document") -> str:
    """A WHERE condition: ``column`` holds one of a list of documents given as the parameter."""
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))"


def room_local_actors(room: Room, documents: Sequence[str] | None = None) -> list[LocalActor]:
    """Every document's local actors (or those of ``documents``), as cross-document resolution (and
    `actors explain`) sees them."""
    some = documents is not None
    args = [list(documents)] if some else []
    mentions = room.db.execute(  # one row per way of naming an actor in a document, in order of first use
        "SELECT document, cluster, text, kind, country, pronoun, armed, sense, count(*) FROM mentions "
        f"{'WHERE ' + in_documents() if some else ''} GROUP BY ALL ORDER BY document, min(ordinal)",
        args).fetchall()
    where = "WHERE " + in_documents("r.document") if some else ""
    roles = room.db.execute(
        "SELECT r.document, m.cluster, r.title, r.of_text FROM roles r JOIN mentions m "
        f"ON m.document = r.document AND m.ordinal = r.mention {where} ORDER BY r.document, r.start_offset",
        args).fetchall()
    return local_actors(mentions, roles)


def resolve_actors(room: Room, force: bool = True, full: bool = False, grouping: Grouping = resolve) -> bool:
    """Resolve actors, events and disagreements across the corpus, and write them in one go; unless
    not ``force`` and the room was last resolved by this code with nothing changed since (no
    document added, replaced or removed, no override). Documents only added since are resolved
    against the room's actors (``resolve.incremental``) when they are at most ADDED_SHARE of the room,
    unless ``full``; else everything is resolved anew (``grouping``: see ``resolve.actors.build_actors``).
    True when it resolved."""
    fingerprint = resolution_fingerprint()
    if not force and room.resolved_by == fingerprint:
        return False
    added = None if full else room.added_since_resolved(fingerprint)
    if added and len(added) <= ADDED_SHARE * room.db.execute("SELECT count(*) FROM documents").fetchone()[0]:
        from sitroom.resolve.incremental import resolve_added

        resolve_added(room, added, fingerprint)
        return True
    skipped: list[int] = []
    nodes = room_local_actors(room)
    actors = build_actors(nodes, room.overrides(), skipped, grouping=grouping)
    actor_of, names = _actor_of_mention(room, actors), {a[0]: a[1] for a in actors}
    events = build_events(event_mentions(room.db.execute(f"{EVENT_MENTIONS} ORDER BY document, ordinal"
                                                         ).fetchall(), actor_of), names)
    disagreements = all_disagreements(room, events, names, actor_of)
    room.replace_resolved(actors, events, disagreements, fingerprint, skipped, actor_keys(actors, nodes))
    return True


ADDED_SHARE = 0.5
"""Documents added to a resolved room are resolved against it when they are at most this share of it;
more, and resolving the whole room anew costs about as much and depends on no order."""


def actor_keys(actors: list[tuple], nodes: list[LocalActor]) -> list[tuple[str, str]]:
    """``(key, actor id)`` for every key of every member of ``actors`` (``resolve.blocking``)."""
    node_of = {(n.document, n.cluster): n for n in nodes}
    return [(key, a[0]) for a in actors
            for key in set().union(*(touch_keys(node_of[m]) for m in a[4] if m in node_of))]


def all_disagreements(room: Room, events: list[dict], names: dict[str, str],
                      actor_of: Callable[[str, int], str | None]) -> list[dict]:
    """Disagreements among all the room's claims (about whom: ``actor_of(document, mention)``), and
    among ``events`` (one happening the sources date differently)."""
    documents = room.db.execute(
        "SELECT id, coalesce(title, source), published_basis FROM documents").fetchall()
    return find_disagreements(_claims(room, actor_of)) + dated_differently(
        events, names, {d: title for d, title, _ in documents},
        lambda doc, n: _sentence(room, doc, n), {d for d, _, basis in documents if basis == "stated"})


@cache
def resolution_fingerprint() -> str:
    """A digest of the code and data that resolve actors, events and disagreements across documents."""
    return "resolved:" + code_digest(("resolve", "coref", "model", "data", "store"))


def _actor_of_mention(room: Room, actors: list[tuple]) -> Callable[[str, int], str | None]:
    """(document, mention ordinal) -> the actor its cluster was resolved to, if any."""
    actor_of_cluster = {(doc, cluster): a[0] for a in actors for doc, cluster in a[4]}
    found = {(d, o): actor_of_cluster[(d, c)] for d, o, c in room.db.execute(
        "SELECT document, ordinal, cluster FROM mentions").fetchall() if (d, c) in actor_of_cluster}
    return lambda document, ordinal: found.get((document, ordinal))


EVENT_MENTIONS = ("SELECT document, ordinal, type, mode, status, phrase, sources, targets, when_start, "
                  "when_end, when_basis, location, start_offset FROM event_mentions")
"""The columns ``event_mentions`` reads (a query to add conditions to)."""


def event_mentions(rows: list[tuple], actor_of: Callable[[str, int], str | None]) -> list[EventMention]:
    """Event reports from ``EVENT_MENTIONS`` rows, their participants as actors (reports with none
    are left out)."""
    mentions = []
    for doc, n, kind, mode, status, phrase, sources, targets, w_start, w_end, basis, location, at in rows:
        src = frozenset(a for i in sources if (a := actor_of(doc, i)))
        tgt = frozenset(a for i in targets if (a := actor_of(doc, i))) - src
        if src or tgt:
            when = (w_start, w_end, basis) if w_start else None
            mentions.append(EventMention(doc, n, kind, mode, status, phrase, src, tgt, when, location, at))
    return mentions


def _sentence(room: Room, document: str, ordinal: int) -> str:
    """The sentence of one event report."""
    row = room.db.execute(
        "SELECT substr(d.text, em.start_offset + 1, em.end_offset - em.start_offset) FROM event_mentions em "
        "JOIN documents d ON d.id = em.document WHERE em.document = ? AND em.ordinal = ?",
        [document, ordinal]).fetchone()
    return row[0] if row else ""


def _claims(room: Room, actor_of: Callable[[str, int], str | None]) -> list[ClaimRow]:
    rows = room.db.execute(
        "SELECT c.document, c.ordinal, c.subject, c.value, c.unit, c.dimension, c.base_value, c.tolerance, "
        "c.approximate, c.part, c.share_count, c.share_total, c.control, c.country, c.when_start, "
        "substr(d.text, c.start_offset + 1, c.end_offset - c.start_offset), c.quote, c.about_mention "
        "FROM claims c JOIN documents d ON d.id = c.document ORDER BY c.document, c.ordinal").fetchall()
    return [ClaimRow(f"{doc}:c{n}", subject, value, unit, dim, base, tol, approx, part,
                     (count, total) if total else None, control, country, text, when, quote,
                     actor_of(doc, about) if about is not None else None)
            for doc, n, subject, value, unit, dim, base, tol, approx, part, count, total, control, country,
            when, text, quote, about in rows]
