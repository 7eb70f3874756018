"""A question answered with the room's own sentences, cited, never with generated prose.

The sentences are ranked by BM25 (``query.search``) and, when the optional model is installed
(``query.meaning``), by meaning too, fused by reciprocal rank (Cormack, Clarke and Büttcher, SIGIR 2009,
k = 60). Where the room's sentences are embedded (``sitroom embed``) the candidates are the BM25 best
and the nearest in meaning together (hybrid retrieval: a question sharing no word with its answer still
finds it); otherwise the BM25 candidates are embedded with the question and reranked. A sentence that
is itself a question, or of a few words only, comes after those that are not. The answer groups the
best sentences by source and speaker, each with the actors it names, the events read from it and the
quotes it is part of.
"""

from __future__ import annotations

import threading

from sitroom.query.meaning import MODEL, embedder, semantic_available, vectors_of
from sitroom.query.search import by_meaning, search
from sitroom.store import vectors
from sitroom.store.room import Room

CANDIDATES = 40
"""Candidates from each ranking (a BM25 candidate without a vector stored in the room costs a model run
of some 10-40 ms on a CPU, once: vectors are kept for the process's later questions)."""
_VECTORS_KEPT = 20_000
"""Sentence vectors kept in memory across questions (about 1.5 KB each)."""
_vectors: dict[str, object] = {}
_lock = threading.Lock()
RRF_K = 60
"""Reciprocal rank fusion's constant: a rank r counts 1 / (RRF_K + r)."""
LIMIT = 8
"""Sentences in an answer by default."""

__all__ = ["ask", "semantic_available"]


def ask(room: Room, question: str, limit: int = LIMIT, semantic: bool = True, **filters) -> dict:
    """The ``limit`` sentences that best answer ``question``, as ``{"question", "ranking", "groups"}``:
    ``ranking`` is ``"hybrid"`` (BM25 and stored vectors; then ``"unembedded"`` counts the sentences
    with no vector yet, found by words only), ``"bm25+minilm"`` (BM25's candidates reranked) or
    ``"bm25"``; each group is one document and speaker (``None``:
    the document's own voice) with its ``title``, ``published``, ``source`` and ``sentences``, best first,
    each ``{"rank", "text", "start", "end", "actors", "events", "quotes"}`` (offsets: characters of the
    document's text). ``filters`` are ``query.search.search``'s (actor, source, since, until); with
    ``semantic`` False, or without the model, BM25 alone ranks. Raises ValueError for a question with no
    word to search by when BM25 alone ranks."""
    meaning = semantic and semantic_available()
    try:
        hits = search(room, question, CANDIDATES, **filters)
        wordless = None
    except ValueError as exc:
        if not meaning:
            raise
        hits, wordless = [], exc  # stop words only: meaning alone may still answer
    ranking = "bm25"
    if meaning and (asked := _embedded([question])) is not None:
        near = by_meaning(room, asked[0], CANDIDATES, **filters)
        kept = vectors_of(room, [(h["document"], h["start"]) for h in hits])
        hits, ranking = _fused(asked[0], hits, near, kept), "hybrid" if near else "bm25+minilm"
    if wordless is not None and ranking != "hybrid":
        raise wordless
    hits = sorted(hits, key=_says_little)[:limit]
    notes = _annotations(room, hits)
    groups: dict[tuple, dict] = {}
    for rank, hit in enumerate(hits, 1):
        said = notes["quotes"].get((hit["document"], hit["start"]), [])
        speaker = next((q["speaker"] for q in said if q["speaker"]), None)  # the first with a known speaker
        group = groups.setdefault((hit["document"], speaker), {
            "document": hit["document"], "title": hit["title"], "published": hit["published"],
            "source": hit["source"], "speaker": speaker, "sentences": []})
        group["sentences"].append({
            "rank": rank, "text": hit["text"], "start": hit["start"], "end": hit["end"],
            "actors": notes["actors"].get((hit["document"], hit["start"]), []),
            "events": notes["events"].get((hit["document"], hit["start"]), []), "quotes": said})
    answer = {"question": question, "ranking": ranking, "groups": list(groups.values())}
    if ranking == "hybrid":  # found by meaning only where embedded: say how much is not
        answer["unembedded"] = room.db.execute("SELECT count(*) FROM sentences").fetchone()[0] - \
            vectors.count(room, MODEL)
    return answer


SHORT = 5
"""Fewer words than this (a headline of a few words) carry little evidence."""


def _says_little(hit: dict) -> bool:
    """A question asks rather than answers, and a few words alone tell little: both come after the rest."""
    return hit["text"].rstrip().endswith("?") or len(hit["text"].split()) < SHORT


def _fused(asked, hits: list[dict], near: list[dict], kept: dict) -> list[dict]:
    """The BM25 ``hits`` and the ``near``est in meaning together, ordered by the reciprocal-rank fusion
    of their BM25 rank (where they have one) and their rank by cosine similarity to the question vector
    ``asked`` (unit vectors, so the dot product), from the vectors ``kept`` in the room by place where
    it has them, else from the model."""
    cosine = {(h["document"], h["start"]): h["score"] for h in near}
    for place, vector in kept.items():
        cosine.setdefault(place, float(vector @ asked))
    places = list(dict.fromkeys((h["document"], h["start"]) for h in [*hits, *near]))
    by_place = {(h["document"], h["start"]): h for h in [*near, *hits]}  # BM25's score kept where both
    unknown = [h["text"] for h in hits if (h["document"], h["start"]) not in cosine]
    found = _embedded(unknown)
    texts = dict(zip(unknown, found, strict=True)) if found is not None else {}
    for h in hits:  # (a sentence the model failed on comes last by meaning)
        if (h["document"], h["start"]) not in cosine:
            vector = texts.get(h["text"])
            cosine[(h["document"], h["start"])] = float(vector @ asked) if vector is not None else -1.0
    score = dict.fromkeys(places, 0.0)
    for rank, h in enumerate(hits):
        score[(h["document"], h["start"])] += 1 / (RRF_K + rank + 1)
    for rank, place in enumerate(sorted(places, key=lambda p: -cosine[p])):
        score[place] += 1 / (RRF_K + rank + 1)
    return [by_place[p] for p in sorted(places, key=lambda p: -score[p])]


def _embedded(texts: list[str]) -> list | None:
    """Vectors of ``texts``, from those kept across questions where it can; None when the model fails
    on them."""
    vectors = {t: v for t in texts if (v := _vectors.get(t)) is not None}
    missing = list(dict.fromkeys(t for t in texts if t not in vectors))
    if missing:
        try:
            vectors.update(zip(missing, embedder().embed_batch(missing), strict=True))
        except Exception:  # noqa: BLE001 - the optional model failed on this text: BM25 alone for it
            return None
    with _lock:  # requests served at once share the kept vectors
        if len(_vectors) + len(missing) > _VECTORS_KEPT:
            _vectors.clear()
        _vectors.update((t, vectors[t]) for t in missing)
    return [vectors[t] for t in texts]


def _annotations(room: Room, hits: list[dict]) -> dict[str, dict]:
    """For each hit's (document, start): the names of the actors its mentions resolve to, the events
    with a report in it (id, type, summary) and the quotes it is part of (speaker name, kind), each
    read with one query over the hits' documents."""
    out: dict[str, dict] = {"actors": {}, "events": {}, "quotes": {}}
    if not hits:
        return out
    spans: dict[str, list[tuple[int, int]]] = {}
    for h in hits:
        spans.setdefault(h["document"], []).append((h["start"], h["end"]))
    docs = list(spans)

    def place(kind: str, doc: str, start: int, end: int, value) -> None:
        for s, e in spans[doc]:
            if start < e and s < end and value not in out[kind].setdefault((doc, s), []):
                out[kind][(doc, s)].append(value)

    for doc, start, end, name in room.db.execute("""
            SELECT m.document, m.start_offset, m.end_offset, a.name FROM mentions m
            JOIN actor_members am ON am.document = m.document AND am.cluster = m.cluster
            JOIN actors a ON a.id = am.actor
            WHERE m.document IN (SELECT unnest(?)) ORDER BY m.document, m.start_offset""", [docs]).fetchall():
        place("actors", doc, start, end, name)
    for doc, start, end, event, kind, summary in room.db.execute("""
            SELECT em.document, em.trigger_start, em.trigger_end, e.id, e.type, e.summary
            FROM event_mentions em
            JOIN event_members m ON m.document = em.document AND m.ordinal = em.ordinal
            JOIN events e ON e.id = m.event
            WHERE em.document IN (SELECT unnest(?))
            ORDER BY em.document, em.trigger_start""", [docs]).fetchall():
        place("events", doc, start, end, {"id": event, "type": kind, "summary": summary})
    for doc, start, end, kind, name in room.db.execute("""
            SELECT q.document, q.start_offset, q.end_offset, q.kind, a.name FROM quotes q
            LEFT JOIN mentions m ON m.document = q.document AND m.ordinal = q.speaker_mention
            LEFT JOIN actor_members am ON am.document = m.document AND am.cluster = m.cluster
            LEFT JOIN actors a ON a.id = am.actor
            WHERE q.document IN (SELECT unnest(?)) ORDER BY q.document, q.start_offset""", [docs]).fetchall():
        place("quotes", doc, start, end, {"speaker": name, "kind": kind})
    return out
