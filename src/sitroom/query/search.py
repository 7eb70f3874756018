"""Sentences of the room ranked by BM25 against a query (bm25s: Lù, 2024, "BM25S: Orders of magnitude
faster lexical search via eager sparse scoring"; words stemmed by Snowball's English stemmer), after
the filters an analyst narrows by: an actor named in the sentence, the type of event it reports, the
document's source, its publication date. Indexing takes about half a second for 30,000 sentences; the
index is kept in memory until the room's documents change, and filters mask it rather than index
again."""

from __future__ import annotations

from functools import cache

from sitroom.query.actors import called
from sitroom.query.filters import from_source, within
from sitroom.store.room import Room

LIMIT = 20
"""Sentences returned by default."""


def search(room: Room, query: str, limit: int = LIMIT, actor: str | None = None, source: str | None = None,
           since: str | None = None, until: str | None = None, kind: str | None = None) -> list[dict]:
    """The ``limit`` sentences that best answer ``query``, best first, each as ``{"rank", "score",
    "document", "title", "published", "source", "start", "end", "text"}`` (offsets: characters of the
    document's text; score: BM25 over every sentence of the room, higher is better, comparable within one
    search only).

    ``actor``: only sentences with a mention of the actors so called (id, name or alias, as
    ``sitroom actor`` finds them); ``source``: only documents whose path, URL or outlet holds this
    text; ``since`` / ``until``: partial ISO dates (``2021``, ``2021-07``, ``2021-07-08``) bounding the
    publication date, inclusive; ``kind``: only sentences reporting an event of this PLOVER type (any
    case). The filters mask the room's one index (kept while the room is unchanged), so a filtered search
    costs what an unfiltered one does. Raises ValueError for a query with no word to search by."""
    import numpy as np

    words = _tokens([query])
    if not words.vocab:
        raise ValueError(f"nothing to search for in {query!r}: give a word that is not a stop word")
    rows, texts, index = _indexed(room)
    mask = _allowed(room, rows, actor, source, since, until, kind)
    allowed = int(mask.sum()) if mask is not None else len(rows)
    if not allowed:
        return []
    found, scores = index.retrieve(words, k=min(limit, allowed), show_progress=False,
                                   weight_mask=None if mask is None else mask.astype(np.float32))
    out = []
    for k, score in zip(found[0], scores[0], strict=True):
        if score <= 0:
            break  # no word of the query in it, or filtered out
        out.append(_hit(len(out) + 1, float(score), rows[int(k)], texts[int(k)]))
    return out


def by_meaning(room: Room, vector, limit: int = LIMIT, actor: str | None = None, source: str | None = None,
               since: str | None = None, until: str | None = None, kind: str | None = None) -> list[dict]:
    """The ``limit`` sentences nearest in meaning to the unit vector ``vector`` (``query.meaning``), among
    those with a stored vector that pass the filters (as ``search`` takes them), in ``search``'s shape;
    ``score`` the cosine similarity. Empty when the room has no stored vectors (``sitroom embed``)."""
    from sitroom.query.meaning import nearest

    rows, texts, _ = _indexed(room)
    mask = _allowed(room, rows, actor, source, since, until, kind)
    found = nearest(vector, rows, mask, room, limit)
    return [_hit(rank, score, rows[k], texts[k]) for rank, (k, score) in enumerate(found, 1)]


def _hit(rank: int, score: float, row: tuple, text: str) -> dict:
    doc, start, end, _, title, published, origin = row
    return {"rank": rank, "score": round(score, 3), "document": doc, "title": title, "published": published,
            "source": origin, "start": start, "end": end, "text": " ".join(text.split())}


def matching(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each marked True where it is a word of the query as the search reads it
    (stemmed: "shelled" for "shelling"), for highlighting; the pieces join to ``text``."""
    import re

    from bm25s.stopwords import STOPWORDS_EN

    words = [w for w in re.findall(r"\w+", query.lower()) if w not in STOPWORDS_EN]
    wanted = set(words) | set(_stemmer().stemWords(words))
    pieces, at = [], 0
    for word in re.finditer(r"\w+", text):
        if _stemmer().stemWord(word.group().lower()) in wanted:
            pieces += [(text[at:word.start()], False), (word.group(), True)]
            at = word.end()
    return [p for p in pieces + [(text[at:], False)] if p[0]]


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_CACHED: dict[tuple, tuple] = {}
"""The index of a room's every sentence, by (room file, its documents' count and latest build time):
a server answers searches without indexing the room again until a build changes it."""


def _indexed(room: Room) -> tuple[list[tuple], list[str], object]:
    """Every sentence of the room (``(document, start, end, document text, title, published, source)``),
    their texts and their BM25 index; kept until a build changes the room."""
    import bm25s

    key = (str(room.path.resolve()), *room.db.execute(
        "SELECT count(*), max(built_at) FROM documents").fetchone())
    if key in _CACHED:
        return _CACHED[key]
    rows = _sentences(room)
    texts = [text[start:end] for _, start, end, text, *_ in rows]
    tokens = _tokens(texts)
    if not tokens.vocab:
        rows, texts = [], []  # (stop words and single letters only: nothing any query could find)
    index = bm25s.BM25()
    if rows:
        index.index(tokens, show_progress=False)
    _CACHED.clear()  # (one room's index at a time: a server serves one room)
    _CACHED[key] = rows, texts, index
    return rows, texts, index


def _allowed(room: Room, rows: list[tuple], actor: str | None, source: str | None, since: str | None,
             until: str | None, kind: str | None):
    """A boolean array over ``rows``: the sentences that pass the filters (None: no filter given)."""
    import numpy as np

    if not (actor or source or since or until or kind):
        return None
    docs = {d: (p, s, o) for d, p, s, o in room.db.execute(
        "SELECT id, published, source, outlet FROM documents").fetchall()}
    passing = {d for d, (published, path, outlet) in docs.items()
               if from_source(path, outlet, source) and within(published, since, until)}
    held = None
    if actor:
        ids = called(room, actor)
        held = set(room.db.execute("""
            SELECT DISTINCT s.document, s.start_offset FROM actor_members am
            JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
            JOIN sentences s ON s.document = m.document AND s.ordinal = m.sentence
            WHERE am.actor IN (SELECT unnest(?))""", [ids]).fetchall()) if ids else set()
    reporting = None
    if kind:
        reporting = set(room.db.execute("""
            SELECT DISTINCT s.document, s.start_offset FROM sentences s JOIN event_mentions em
            ON em.document = s.document AND em.trigger_start >= s.start_offset
               AND em.trigger_start < s.end_offset
            WHERE em.type = upper(?)""", [kind]).fetchall())
    return np.fromiter(((r[0] in passing and (held is None or (r[0], r[1]) in held)
                         and (reporting is None or (r[0], r[1]) in reporting)) for r in rows),
                       dtype=bool, count=len(rows))


def _tokens(texts: list[str]):
    """Lower-cased words without English stop words, stemmed (Snowball, PyStemmer): "shelling" finds
    "shelled"."""
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)


def _sentences(room: Room) -> list[tuple]:
    """``(document, start, end, document text, title, published, source)`` of every sentence (each
    document's text read once)."""
    docs = {d[0]: d for d in room.db.execute(
        "SELECT id, text, title, published, source FROM documents").fetchall()}
    rows = room.db.execute("SELECT document, start_offset, end_offset FROM sentences "
                           "ORDER BY document, ordinal").fetchall()
    return [(doc, start, end, *docs[doc][1:5]) for doc, start, end in rows if doc in docs]
