"""Actors as the export contract shapes them, summaries for tables, and dossiers."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict

from sitroom.query.documents import evidence
from sitroom.query.documents import texts as load_texts
from sitroom.store.room import Room


def actors(room: Room) -> list[dict]:
    """Every actor, ordered by name, in the shape of the export's Actor."""
    texts = load_texts(room)
    rows = room.db.execute("SELECT id, name, kind, country FROM actors ORDER BY name, id").fetchall()
    mentions: dict[str, list[tuple]] = defaultdict(list)
    for actor, doc, start, end, text, pronoun in room.db.execute("""
            SELECT am.actor, m.document, m.start_offset, m.end_offset, m.text, m.pronoun
            FROM actor_members am JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
            ORDER BY am.actor, m.document, m.start_offset""").fetchall():
        mentions[actor].append((doc, start, end, text, pronoun))
    roles: dict[str, list[dict]] = defaultdict(list)
    for actor, doc, title, of, w_start, w_end, start, end in room.db.execute("""
            SELECT am.actor, r.document, r.title, r.of_text, r.when_start, r.when_end,
                   r.start_offset, r.end_offset
            FROM roles r
            JOIN mentions m ON m.document = r.document AND m.ordinal = r.mention
            JOIN actor_members am ON am.document = m.document AND am.cluster = m.cluster
            ORDER BY am.actor, r.document, r.start_offset""").fetchall():
        when = {"start": w_start, "end": w_end, "basis": "explicit"} if w_start else None
        roles[actor].append({"title": title, "of": of, "when": when,
                             "evidence": evidence(doc, texts[doc], start, end)})
    out = []
    for actor_id, name, kind, country in rows:
        seen = mentions.get(actor_id, [])
        aliases = Counter(text for _, _, _, text, pronoun in seen if not pronoun)
        out.append({
            "id": actor_id, "name": name, "kind": kind,
            "aliases": sorted(set(aliases) | {name}, key=lambda a: (-aliases[a], a)),
            "country": country,
            "roles": roles.get(actor_id, []),
            "mentions": [evidence(doc, texts[doc], s, e) for doc, s, e, _, _ in seen],
            "documents": sorted({doc for doc, *_ in seen}),
        })
    return out


def names(room: Room) -> dict[str, str]:
    """Every actor's name by id."""
    return dict(room.db.execute("SELECT id, name FROM actors").fetchall())


def summaries(room: Room, kind: str | None = None) -> list[dict]:
    rows = []
    for actor in actors(room):
        if kind and actor["kind"] != kind:
            continue
        rows.append({
            "id": actor["id"], "name": actor["name"], "kind": actor["kind"], "country": actor["country"],
            "mentions": len(actor["mentions"]), "documents": len(actor["documents"]),
            "aliases": "; ".join(a for a in actor["aliases"] if a != actor["name"]),
            "roles": "; ".join(dict.fromkeys(r["title"] for r in actor["roles"])),
        })
    return sorted(rows, key=lambda r: (-r["documents"], -r["mentions"], r["name"]))


def find(room: Room, name: str) -> list[dict]:
    """Actors called ``name``: by id, name or alias exactly (any case), else by part of a name."""
    wanted = name.casefold()
    everyone = actors(room)
    exact = [a for a in everyone if wanted == a["id"].casefold()
             or wanted in (n.casefold() for n in [a["name"], *a["aliases"]])]
    if exact:
        return exact
    return [a for a in everyone if any(wanted in n.casefold() for n in [a["name"], *a["aliases"]])]


def called(room: Room, name: str) -> list[str]:
    """The ids of the actors ``find`` would give for ``name``, from one query (no mention evidence
    built): by id, name or alias exactly (any case, compared as ``find`` does, by ``str.casefold``:
    "WEISS" is "Weiß"), else by part of a name or alias."""
    wanted = name.casefold()
    rows = room.db.execute("""
        SELECT id, id, true FROM actors UNION ALL SELECT id, name, false FROM actors
        UNION ALL SELECT DISTINCT am.actor, m.text, false FROM actor_members am JOIN mentions m
            ON m.document = am.document AND m.cluster = am.cluster WHERE NOT m.pronoun""").fetchall()
    folded = [(actor, text.casefold(), is_id) for actor, text, is_id in rows]
    exact = {actor for actor, text, _ in folded if text == wanted}
    return sorted(exact or {actor for actor, text, is_id in folded if not is_id and wanted in text})


def sentences_of(room: Room, places: list[tuple[str, int]]) -> list[dict | None]:
    """The sentence holding each ``(document, character offset)``, as evidence (None where no
    sentence does), in two queries whatever the number of places."""
    docs = sorted({doc for doc, _ in places})
    if not docs:
        return []
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end in room.db.execute("""
            SELECT document, start_offset, end_offset FROM sentences WHERE document IN (SELECT unnest(?))
            ORDER BY document, start_offset""", [docs]).fetchall():
        spans[doc].append((start, end))
    texts = dict(room.db.execute("SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))",
                                 [docs]).fetchall())
    starts = {doc: [s for s, _ in found] for doc, found in spans.items()}
    out = []
    for doc, at in places:
        k = bisect_right(starts.get(doc, []), at) - 1
        start, end = spans[doc][k] if k >= 0 else (0, -1)
        out.append(evidence(doc, texts[doc], start, end) if start <= at < end else None)
    return out


def dossier(room: Room, actor: dict) -> dict:
    """One actor with, for each mention, the sentence it was read in, and its documents' titles (a
    constant number of queries, whatever the number of mentions)."""
    titles = dict(room.db.execute("SELECT id, coalesce(title, source) FROM documents").fetchall())
    sentences = sentences_of(room, [(m["document"], m["start"]) for m in actor["mentions"]])
    return {
        **actor,
        "documents": [{"id": d, "title": titles.get(d)} for d in actor["documents"]],
        "mentions": [{**m, "sentence": sentence}
                     for m, sentence in zip(actor["mentions"], sentences, strict=True)],
    }
