"""The corpus-wide tables of a room: actors, events and disagreements resolved across documents,
whether they still cover every document, and the user's actor overrides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

import duckdb

_RESOLVED = ("actor_members", "actors", "event_actors", "event_members", "events", "disagreements",
             "actor_keys", "resolved_documents")


class ResolvedTables:
    """Methods of Room over its corpus-wide tables (``db`` and ``_many`` are Room's)."""

    db: duckdb.DuckDBPyConnection
    _many: Callable[[str, list[tuple]], None]
    transaction: Callable[[], AbstractContextManager[None]]

    def _mark_unresolved(self, dropped: bool) -> None:
        """Actors, events and disagreements no longer cover every document: until the next
        resolution (the end of a build, or `sitroom resolve`) readers say so. Once a document was
        ``dropped`` (replaced or removed) they are cleared: their members would point at rows that
        are gone or now mean other text. Clearing costs the same at any corpus size, once per
        build (the tables are empty after the first)."""
        self.db.execute("INSERT OR REPLACE INTO room_meta VALUES ('resolved', 'no')")
        if dropped:
            for table in _RESOLVED:
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("DELETE FROM room_meta WHERE key = 'resolved_code'")

    @property
    def resolved(self) -> bool:
        """False while documents were added, replaced or removed after the last resolution."""
        row = self.db.execute("SELECT value FROM room_meta WHERE key = 'resolved'").fetchone()
        return row is None or row[0] != "no"

    @property
    def resolved_by(self) -> str | None:
        """What resolved the room last, when nothing changed since (else None)."""
        row = self.db.execute("SELECT value FROM room_meta WHERE key = 'resolved'").fetchone()
        return row[0] if row and row[0] not in ("no", "yes") else None

    def replace_resolved(self, actors: list[tuple], events: list[dict], disagreements: list[dict],
                         by: str = "yes", skipped_overrides: Sequence[int] = (),
                         keys: Sequence[tuple[str, str]] = ()) -> None:
        """Actors, events and disagreements across the corpus, replaced together in one transaction.

        ``actors`` are ``(id, name, kind, country, [(document, cluster), ...])``; ``skipped_overrides``
        the numbers (1 = the first) of the overrides that changed nothing in them; ``keys`` the
        ``(key, actor)`` pairs that documents added later meet the actors by (resolve/blocking.py).
        """
        with self.transaction():
            for table in _RESOLVED:
                self.db.execute(f"DELETE FROM {table}")
            self._write_resolved(actors, events, disagreements, keys)
            self.db.execute("INSERT INTO resolved_documents SELECT id FROM documents")
            self._resolved_by(by)
            self.db.execute("INSERT OR REPLACE INTO room_meta VALUES ('overrides_skipped', ?)",
                            [" ".join(map(str, skipped_overrides))])

    def update_resolved(self, gone_actors: Sequence[str], gone_events: Sequence[str], actors: list[tuple],
                        events: list[dict], disagreements: list[dict], keys: Sequence[tuple[str, str]],
                        added: Sequence[str], by: str) -> None:
        """``replace_resolved`` for documents ``added`` to a resolved room (resolve/incremental.py), in one
        transaction: the actors and events ``gone`` give way to ``actors`` and ``events``, all
        disagreements to ``disagreements``; the rest stays."""
        with self.transaction():
            for table, column, ids in (("actors", "id", gone_actors), ("actor_members", "actor", gone_actors),
                                       ("actor_keys", "actor", gone_actors), ("events", "id", gone_events),
                                       ("event_members", "event", gone_events),
                                       ("event_actors", "event", gone_events)):
                self.db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)])
            self.db.execute("DELETE FROM disagreements")
            self._write_resolved(actors, events, disagreements, keys)
            self._many("resolved_documents", [(doc,) for doc in added])
            self._resolved_by(by)

    def _write_resolved(self, actors: list[tuple], events: list[dict], disagreements: list[dict],
                        keys: Sequence[tuple[str, str]]) -> None:
        self._many("actors", [a[:4] for a in actors])
        self._many("actor_members", [(a[0], doc, cluster) for a in actors for doc, cluster in a[4]])
        self._many("actor_keys", list(keys))
        self._many("events", [(e["id"], e["type"], e["mode"], e["status"], e["when_start"], e["when_end"],
                               e["when_basis"], e["location"], e["summary"]) for e in events])
        self._many("event_members", [(e["id"], doc, n) for e in events for doc, n in e["members"]])
        self._many("event_actors", [(e["id"], role, actor) for e in events
                                    for role in ("source", "target") for actor in e[role]])
        self._many("disagreements", [(d["id"], d["topic"], d["note"], d["claims"], d["events"])
                                     for d in {d["id"]: d for d in disagreements}.values()])

    def _resolved_by(self, by: str) -> None:
        """The room is resolved by ``by`` (a code fingerprint), and its tables can take added documents."""
        self.db.execute("INSERT OR REPLACE INTO room_meta VALUES ('resolved', ?)", [by])
        self.db.execute("INSERT OR REPLACE INTO room_meta VALUES ('resolved_code', ?)", [by])

    def added_since_resolved(self, by: str) -> list[str] | None:
        """The documents added since the room was last resolved by ``by``, when resolving just them is
        possible: no document replaced or removed since, no override given or taken back, and no
        override at all (they apply to the whole corpus); else None."""
        row = self.db.execute("SELECT value FROM room_meta WHERE key = 'resolved_code'").fetchone()
        if row is None or row[0] != by or self.overrides():
            return None
        return [r[0] for r in self.db.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT id FROM resolved_documents) ORDER BY id"
        ).fetchall()]

    def add_override(self, action: str, a: str, b: str) -> int:
        """Record the override after the others; its number (1 = the first), as ``remove_override``
        takes it."""
        self._mark_unresolved(dropped=False)
        self.db.execute("DELETE FROM room_meta WHERE key = 'resolved_code'")  # a full resolution next
        after = self.db.execute("SELECT coalesce(max(ordinal) + 1, 0) FROM actor_overrides").fetchone()[0]
        self.db.execute("INSERT INTO actor_overrides VALUES (?, ?, ?, ?, ?)", [after, action, a, b, now()])
        return self.db.execute("SELECT count(*) FROM actor_overrides").fetchone()[0]

    def overrides(self) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self.db.execute(
            "SELECT action, a, b FROM actor_overrides ORDER BY ordinal").fetchall()]

    def recorded_overrides(self) -> list[dict]:
        """The user's merges and splits in the order given: ``{"number", "action", "a", "b", "applies",
        "recorded"}`` (number: 1 for the first, as ``remove_override`` takes it; ``applies`` False when
        the last resolution found its actors no more, or it changed nothing)."""
        rows = self.db.execute(
            "SELECT action, a, b, created_at FROM actor_overrides ORDER BY ordinal").fetchall()
        said = self.db.execute("SELECT value FROM room_meta WHERE key = 'overrides_skipped'").fetchone()
        skipped = {int(n) for n in said[0].split()} if said else set()
        return [{"number": k, "action": action, "a": a, "b": b, "applies": k not in skipped,
                 "recorded": recorded} for k, (action, a, b, recorded) in enumerate(rows, 1)]

    def remove_override(self, number: int) -> dict:
        """Undo the ``number``-th override (1 = the first); the room is then unresolved until resolved
        again. Raises KeyError when there is no such override."""
        rows = self.db.execute("SELECT ordinal FROM actor_overrides ORDER BY ordinal").fetchall()
        if not 1 <= number <= len(rows):
            raise KeyError(number)
        gone = self.recorded_overrides()[number - 1]
        with self.transaction():
            self._mark_unresolved(dropped=False)
            self.db.execute("DELETE FROM room_meta WHERE key = 'resolved_code'")
            self.db.execute("DELETE FROM actor_overrides WHERE ordinal = ?", [rows[number - 1][0]])
            self.db.execute("DELETE FROM room_meta WHERE key = 'overrides_skipped'")  # renumbered
        return gone


def now() -> dt.datetime:
    """UTC now, without a time zone (DuckDB TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
