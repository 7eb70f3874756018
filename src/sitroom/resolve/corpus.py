"""The corpus-wide stage: every document's rows in, actors, events and disagreements across the
corpus out, written together (the end of every build, and `sitroom resolve`)."""

from __future__ import annotations

from functools import cache

from sitroom.code_digest import code_digest
from sitroom.resolve.actors import build_actors, local_actors
from sitroom.resolve.disagreements import ClaimRow
from sitroom.resolve.disagreements import find as find_disagreements
from sitroom.resolve.event_disagreements import dated_differently
from sitroom.resolve.events import EventMention, build_events
from sitroom.store.room import Room


def room_local_actors(room: Room):
    """Every document's local actors, as cross-document resolution (and `actors explain`) sees them."""
    mentions = room.db.execute(  # one row per way of naming an actor in a document, in order of first use
        "SELECT document, cluster, text, kind, country, pronoun, armed, sense, count(*) FROM mentions "
        "GROUP BY ALL ORDER BY document, min(ordinal)").fetchall()
    roles = room.db.execute(
        "SELECT r.document, m.cluster, r.title, r.of_text FROM roles r JOIN mentions m "
        "ON m.document = r.document AND m.ordinal = r.mention ORDER BY r.document, r.start_offset").fetchall()
    return local_actors(mentions, roles)


def resolve_actors(room: Room, force: bool = True) -> bool:
    """Rebuild actors, events and disagreements across the corpus, and write them in one go; unless
    not ``force`` and the room was last resolved by this code with nothing changed since (no
    document added, replaced or removed, no override). True when it resolved."""
    fingerprint = resolution_fingerprint()
    if not force and room.resolved_by == fingerprint:
        return False
    skipped: list[int] = []
    actors = build_actors(room_local_actors(room), room.overrides(), skipped)
    actor_of = _actor_of_mention(room, actors)
    events = _events(room, actors, actor_of)
    documents = room.db.execute(
        "SELECT id, coalesce(title, source), published_basis FROM documents").fetchall()
    disagreements = find_disagreements(_claims(room, actor_of)) + dated_differently(
        events, {a[0]: a[1] for a in actors}, {d: title for d, title, _ in documents},
        lambda doc, n: _sentence(room, doc, n), {d for d, _, basis in documents if basis == "stated"})
    room.replace_resolved(actors, events, disagreements, fingerprint, skipped)
    return True


@cache
def resolution_fingerprint() -> str:
    """A digest of the code and data that resolve actors, events and disagreements across documents."""
    return "resolved:" + code_digest(("resolve", "coref", "model", "data", "store"))


def _actor_of_mention(room: Room, actors: list[tuple]) -> dict[tuple[str, int], str]:
    """(document, mention ordinal) -> the actor its cluster was resolved to."""
    actor_of_cluster = {(doc, cluster): a[0] for a in actors for doc, cluster in a[4]}
    return {(d, o): actor_of_cluster[(d, c)] for d, o, c in room.db.execute(
        "SELECT document, ordinal, cluster FROM mentions").fetchall() if (d, c) in actor_of_cluster}


def _events(room: Room, actors: list[tuple], actor_of: dict[tuple[str, int], str]) -> list[dict]:
    names = {a[0]: a[1] for a in actors}
    rows = room.db.execute(
        "SELECT document, ordinal, type, mode, status, phrase, sources, targets, when_start, when_end, "
        "when_basis, location, start_offset FROM event_mentions ORDER BY document, ordinal").fetchall()
    mentions = []
    for doc, n, kind, mode, status, phrase, sources, targets, w_start, w_end, basis, location, at in rows:
        src = frozenset(actor_of[(doc, i)] for i in sources if (doc, i) in actor_of)
        tgt = frozenset(actor_of[(doc, i)] for i in targets if (doc, i) in actor_of) - src
        if src or tgt:
            when = (w_start, w_end, basis) if w_start else None
            mentions.append(EventMention(doc, n, kind, mode, status, phrase, src, tgt, when, location, at))
    return build_events(mentions, names)


def _sentence(room: Room, document: str, ordinal: int) -> str:
    """The sentence of one event report."""
    row = room.db.execute(
        "SELECT substr(d.text, em.start_offset + 1, em.end_offset - em.start_offset) FROM event_mentions em "
        "JOIN documents d ON d.id = em.document WHERE em.document = ? AND em.ordinal = ?",
        [document, ordinal]).fetchone()
    return row[0] if row else ""


def _claims(room: Room, actor_of: dict[tuple[str, int], str]) -> list[ClaimRow]:
    rows = room.db.execute(
        "SELECT c.document, c.ordinal, c.subject, c.value, c.unit, c.dimension, c.base_value, c.tolerance, "
        "c.approximate, c.part, c.share_count, c.share_total, c.control, c.country, c.when_start, "
        "substr(d.text, c.start_offset + 1, c.end_offset - c.start_offset), c.quote, c.about_mention "
        "FROM claims c JOIN documents d ON d.id = c.document ORDER BY c.document, c.ordinal").fetchall()
    return [ClaimRow(f"{doc}:c{n}", subject, value, unit, dim, base, tol, approx, part,
                     (count, total) if total else None, control, country, text, when, quote,
                     actor_of.get((doc, about)))
            for doc, n, subject, value, unit, dim, base, tol, approx, part, count, total, control, country,
            when, text, quote, about in rows]
