"""Sentence vectors kept in the room, for questions asked by meaning (``query.meaning``).

A room made before this table existed has none until it is opened to write; reading such a room gives no
vectors, never an error.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sitroom.store.room import Room

TABLE = "sentence_vectors"


def has_table(room: Room) -> bool:
    return bool(room.db.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [TABLE]).fetchone()[0])


def missing(room: Room, model: str) -> list[tuple[str, int, str]]:
    """``(document, start, sentence text)`` of every sentence without a vector by ``model``, in document
    order (the text with its white space run together, as search shows it)."""
    rows = room.db.execute(f"""
        SELECT s.document, s.start_offset, substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset)
        FROM sentences s JOIN documents d ON d.id = s.document
        WHERE NOT EXISTS (SELECT 1 FROM {TABLE} v WHERE v.document = s.document
                          AND v.start_offset = s.start_offset AND v.model = ?)
        ORDER BY s.document, s.ordinal""", [model]).fetchall()
    return [(doc, start, " ".join(text.split())) for doc, start, text in rows]


def write(room: Room, model: str, rows: Sequence[tuple[str, int, str, np.ndarray]]) -> int:
    """Store ``(document, start, sentence text, vector)`` rows in one transaction, each only while that
    sentence is still in the room as it was embedded (its document may have been replaced meanwhile)
    and has no vector yet. Returns how many were stored."""
    if not rows:
        return 0
    wanted = {(doc, start): text for doc, start, text, _ in rows}
    now = {(doc, start): " ".join(text.split()) for doc, start, text in room.db.execute(f"""
        SELECT s.document, s.start_offset, substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset)
        FROM sentences s JOIN documents d ON d.id = s.document
        WHERE s.document IN (SELECT unnest(?)) AND NOT EXISTS (
            SELECT 1 FROM {TABLE} v WHERE v.document = s.document AND v.start_offset = s.start_offset
            AND v.model = ?)""", [sorted({doc for doc, *_ in rows}), model]).fetchall()}
    kept = [(doc, start, model, np.asarray(v, dtype="<f4").tobytes()) for doc, start, _, v in rows
            if now.get((doc, start)) == wanted[(doc, start)]]
    if kept:
        with room.transaction():
            room.db.executemany(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?)", kept)
    return len(kept)


def count(room: Room, model: str) -> int:
    return room.db.execute(f"SELECT count(*) FROM {TABLE} WHERE model = ?", [model]).fetchone()[0] \
        if has_table(room) else 0


def load(room: Room, model: str) -> tuple[dict[tuple[str, int], int], np.ndarray]:
    """The stored vectors by ``model``: ``{(document, start): row}`` and a float32 matrix of one row each
    (shape ``(n, dimension)``; ``(0, 0)`` when there are none)."""
    if not has_table(room):
        return {}, np.zeros((0, 0), dtype=np.float32)
    rows = room.db.execute(f"SELECT document, start_offset, vector FROM {TABLE} WHERE model = ? "
                           "ORDER BY document, start_offset", [model]).fetchall()
    if not rows:
        return {}, np.zeros((0, 0), dtype=np.float32)
    matrix = np.frombuffer(b"".join(v for *_, v in rows), dtype="<f4").reshape(len(rows), -1)
    return {(doc, start): k for k, (doc, start, _) in enumerate(rows)}, matrix
