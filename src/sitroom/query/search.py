"""Sentences of the room ranked by BM25 against a query (bm25s: Lù, 2024, "BM25S: Orders of magnitude
faster lexical search via eager sparse scoring"; words stemmed by Snowball's English stemmer), after
the filters an analyst narrows by: an actor named in the sentence, the document's source, its
publication date. Indexing takes about half a second for 30,000 sentences; the unfiltered index is
kept in memory until the room's documents change."""

from __future__ import annotations

from functools import cache

from sitroom.query.actors import find
from sitroom.query.filters import from_source, within
from sitroom.store.room import Room

LIMIT = 20
"""Sentences returned by default."""


def search(room: Room, query: str, limit: int = LIMIT, actor: str | None = None, source: str | None = None,
           since: str | None = None, until: str | None = None) -> list[dict]:
    """The ``limit`` sentences that best answer ``query``, best first, each as ``{"rank", "score",
    "document", "title", "published", "source", "start", "end", "text"}`` (offsets: characters of the
    document's text; score: BM25, higher is better, comparable within one search only).

    ``actor``: only sentences with a mention of the actors so called (id, name or alias, as
    ``sitroom actor`` finds them); ``source``: only documents whose path, URL or outlet holds this
    text; ``since`` / ``until``: partial ISO dates (``2021``, ``2021-07``, ``2021-07-08``) bounding the
    publication date, inclusive. Raises ValueError for a query with no word to search by."""

    words = _tokens([query])
    if not words.vocab:
        raise ValueError(f"nothing to search for in {query!r}: give a word that is not a stop word")
    rows, texts, index = _indexed(room, actor, source, since, until)
    if not rows:
        return []
    found, scores = index.retrieve(words, k=min(limit, len(rows)), show_progress=False)
    out = []
    for k, score in zip(found[0], scores[0], strict=True):
        if score <= 0:
            break  # no word of the query in it
        doc, start, end, _, title, published, origin = rows[int(k)]
        out.append({"rank": len(out) + 1, "score": round(float(score), 3), "document": doc, "title": title,
                    "published": published, "source": origin, "start": start, "end": end,
                    "text": " ".join(texts[int(k)].split())})
    return out


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


def _indexed(room: Room, actor, source, since, until) -> tuple[list[tuple], list[str], object]:
    """The sentences that pass the filters, their texts and their BM25 index."""
    import bm25s

    key = None
    if not (actor or source or since or until):
        key = (str(room.path.resolve()), *room.db.execute(
            "SELECT count(*), max(built_at) FROM documents").fetchone())
        if key in _CACHED:
            return _CACHED[key]
    rows = _sentences(room, actor, source, since, until)
    texts = [text[start:end] for _, start, end, text, *_ in rows]
    tokens = _tokens(texts)
    if not tokens.vocab:
        rows, texts = [], []  # (stop words and single letters only: nothing any query could find)
    index = bm25s.BM25()
    if rows:
        index.index(tokens, show_progress=False)
    if key is not None:
        _CACHED.clear()  # (one room's index at a time: a server serves one room)
        _CACHED[key] = rows, texts, index
    return rows, texts, index


def _tokens(texts: list[str]):
    """Lower-cased words without English stop words, stemmed (Snowball, PyStemmer): "shelling" finds
    "shelled"."""
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)


def _sentences(room: Room, actor: str | None, source: str | None, since: str | None,
               until: str | None) -> list[tuple]:
    """``(document, start, end, document text, title, published, source)`` of every sentence that
    passes the filters (each document's text read once)."""
    docs = {d[0]: d for d in room.db.execute(
        "SELECT id, text, title, published, source, outlet FROM documents").fetchall()}
    docs = {k: d for k, d in docs.items() if from_source(d[4], d[5], source) and within(d[3], since, until)}
    rows = room.db.execute("SELECT document, start_offset, end_offset, ordinal FROM sentences "
                           "ORDER BY document, ordinal").fetchall()
    rows = [r for r in rows if r[0] in docs]
    if actor:
        ids = [a["id"] for a in find(room, actor)]
        if not ids:
            return []
        held = set(room.db.execute("""
            SELECT DISTINCT m.document, m.sentence FROM actor_members am
            JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
            WHERE am.actor IN (SELECT unnest(?))""", [ids]).fetchall())
        rows = [r for r in rows if (r[0], r[3]) in held]
    return [(doc, start, end, *docs[doc][1:5]) for doc, start, end, _ in rows]
