"""Documents as the export contract shapes them, read from a room."""

from __future__ import annotations

from sitroom.store.room import Room


def texts(room: Room) -> dict[str, str]:
    """Every document's source text, by id."""
    return dict(room.db.execute("SELECT id, text FROM documents").fetchall())


def evidence(doc_id: str, text: str, start: int | None, end: int | None) -> dict | None:
    if start is None or end is None:
        return None
    return {"document": doc_id, "start": start, "end": end, "text": text[start:end]}


def documents(room: Room) -> list[dict]:
    """Every document, ordered by source, in the shape of the export's Document."""
    rows = room.db.execute("""
        SELECT id, source, title, outlet, authors, language, published, published_basis,
               published_start, published_end, body_start, body_end, text
        FROM documents ORDER BY source, id""").fetchall()
    furniture = _by_document(room, "SELECT document, start_offset, end_offset FROM boilerplate "
                             "ORDER BY document, start_offset, end_offset")
    comments = _by_document(room, "SELECT document, author, posted, reply_to, start_offset, end_offset,"
                            " content_start, content_end FROM comments ORDER BY document, ordinal")
    out = []
    for (doc_id, source, title, outlet, authors, language, published, basis, p_start, p_end,
         b_start, b_end, text) in rows:
        out.append({
            "id": doc_id, "source": source, "title": title, "outlet": outlet,
            "authors": list(authors), "language": language, "published": published,
            "published_basis": basis,
            "published_evidence": evidence(doc_id, text, p_start, p_end),
            "body": evidence(doc_id, text, b_start, b_end),
            "boilerplate": [evidence(doc_id, text, s, e) for s, e in furniture.get(doc_id, [])],
            "comments": [
                {"author": author, "posted": posted, "reply_to": reply_to,
                 "evidence": evidence(doc_id, text, s, e), "content": evidence(doc_id, text, cs, ce)}
                for author, posted, reply_to, s, e, cs, ce in comments.get(doc_id, [])],
        })
    return out


def summaries(room: Room) -> list[dict]:
    """One line per document, for tables."""
    rows = room.db.execute("""
        SELECT d.id, d.source, d.title, d.outlet, d.published, d.published_basis, d.language,
               d.body_end - d.body_start AS body_chars,
               (SELECT count(*) FROM comments c WHERE c.document = d.id) AS comments
        FROM documents d ORDER BY d.source, d.id""").fetchall()
    keys = ("id", "source", "title", "outlet", "published", "published_basis", "language",
            "body_chars", "comments")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def failures(room: Room) -> list[dict]:
    rows = room.db.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall()
    return [{"source": s, "stage": st, "reason": r} for s, st, r in rows]


def source_text(room: Room, doc_id: str) -> str | None:
    row = room.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def _by_document(room: Room, sql: str) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = {}
    for row in room.db.execute(sql).fetchall():
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped
