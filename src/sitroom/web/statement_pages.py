"""The data behind the quotes, claims and disagreements pages, a page of rows at a time; the same dict
is rendered as HTML or returned as JSON."""

from __future__ import annotations

from sitroom.query import statements
from sitroom.query.actors import names as actor_names
from sitroom.query.events import events
from sitroom.store.room import Room

PAGE_SIZE = 50
"""Rows on one page."""


def paged(rows: list, page: int, size: int | None = None) -> dict:
    """``{"page", "pages", "total", "rows"}``: the ``page``-th (from 1) ``size`` rows (``PAGE_SIZE`` by
    default); a page past the end is the last one."""
    size = size or PAGE_SIZE
    pages = max(1, -(-len(rows) // size))
    page = min(max(1, page), pages)
    return {"page": page, "pages": pages, "total": len(rows), "rows": rows[(page - 1) * size : page * size]}


def quotes_page(room: Room, speaker: str | None, page: int) -> dict:
    """A page of quotes grouped by resolved speaker (actor name, else the words naming the speaker, else
    none), the speakers with most quotes first, each speaker's in document order; ``speaker`` as
    ``sitroom quotes --speaker``. ``total`` counts quotes."""
    names = actor_names(room)
    found = statements.quotes(room, speaker)
    who = [names.get(q["speaker"]) or q["speaker_text"] or "(no speaker found)" for q in found]
    size: dict[str, int] = {}
    for w in who:
        size[w] = size.get(w, 0) + 1
    ordered = sorted(zip(who, found, strict=True), key=lambda wq: (-size[wq[0]], wq[0]))
    one_page = paged(ordered, page)
    groups: dict[str, dict] = {}
    for w, q in one_page["rows"]:
        groups.setdefault(w, {"speaker": w, "actor": q["speaker"], "count": size[w], "quotes": []})
        groups[w]["quotes"].append(q)
    return {"filters": {"speaker": speaker or ""}, **one_page, "rows": list(groups.values())}


def claims_page(room: Room, subject: str | None, page: int) -> dict:
    """Claims in document order with what they measure, of whom, when and who says so."""
    names = actor_names(room)
    rows = [{**c, "about_name": names.get(c.get("about")), "said_by": names.get(c["attributed_to"])}
            for c in statements.claims(room, subject)]
    return {"filters": {"subject": subject or ""}, **paged(rows, page)}


def disagreements_page(room: Room, page: int) -> dict:
    """Each disagreement with its claims or events side by side, each with its evidence."""
    found = statements.disagreements(room)
    claims = {c["id"]: c for c in statements.claims(room)} if any(d["claims"] for d in found) else {}
    happened = {e["id"]: e for e in events(room)} if any(d["events"] for d in found) else {}
    rows = [{**d, "sides": [{"kind": "claim", **claims[c]} for c in d["claims"] if c in claims]
                         + [{"kind": "event", **happened[e]} for e in d["events"] if e in happened]}
            for d in found]
    return paged(rows, page)
