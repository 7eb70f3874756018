"""The same pipeline on Ray Data: documents cleaned and analysed by actors that hold the spaCy
pipeline, each finished block written as Parquet, then loaded into the room and resolved.

Resumable: blocks already written for the same text and the same code are loaded, not redone, so
a crash loses no finished block. Needs the optional extra: ``pip install 'sitroom[ray]'``.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

from sitroom.errors import SitroomError
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

BATCH_SIZE = 8


class _Analyser:
    """A Ray actor: loads the spaCy pipeline once, then cleans and analyses batches of documents."""

    def __init__(self, model: str | None):
        from sitroom.nlp.model import load_model

        self.nlp = load_model(model)

    def __call__(self, batch: dict) -> dict:
        from sitroom.clean import clean
        from sitroom.extract.analysis import analyse

        payloads, errors = [], []
        for blob in batch["source"]:
            source: SourceText = pickle.loads(blob)
            try:
                document = clean(source)
                payloads.append(pickle.dumps((document, analyse(document, self.nlp))))
                errors.append("")
            except Exception as exc:  # one bad page fails alone, as in the local engine
                payloads.append(b"")
                errors.append(f"{type(exc).__name__}: {exc}")
        return {"id": list(batch["id"]), "key": list(batch["key"]), "payload": payloads, "error": errors}


def analyse_on_ray(sources: list[SourceText], pipeline: str, blocks: Path, model: str | None,
                   address: str | None = None, workers: int = 2):
    """Yield ``(source, (document, analysis))`` or ``(source, Failure)`` for every source text."""
    try:
        import pyarrow.parquet as pq
        import ray
        import ray.data
    except ImportError as exc:
        raise SitroomError("the Ray engine needs the ray extra: pip install 'sitroom[ray]'") from exc
    logging.getLogger("ray").setLevel(logging.WARNING)  # the library never prints
    blocks.mkdir(parents=True, exist_ok=True)
    by_key = {_key(s, pipeline): s for s in sources}
    done = _finished(blocks, pq)
    todo = [s for k, s in by_key.items() if k not in done]
    if todo:
        if not ray.is_initialized():
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False, configure_logging=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
        rows = [{"id": s.id, "key": _key(s, pipeline), "source": pickle.dumps(s)} for s in todo]
        dataset = ray.data.from_items(rows, override_num_blocks=max(1, len(rows) // BATCH_SIZE))
        results = dataset.map_batches(_Analyser, fn_constructor_args=(model,), batch_size=BATCH_SIZE,
                                      concurrency=workers, batch_format="default")
        results.write_parquet(str(blocks / f"run-{len(list(blocks.glob('run-*')))}"))
        done = _finished(blocks, pq)
    for key, source in by_key.items():
        payload, error = done.get(key, (b"", "the Ray job returned no result for it"))
        yield source, (pickle.loads(payload) if payload else Failure(source.source, "nlp", error))


def _key(source: SourceText, pipeline: str) -> str:
    return f"{source.id}:{source.content_hash}:{pipeline}"


def _finished(blocks: Path, pq) -> dict[str, tuple[bytes, str]]:
    """Results of every block already written (a block half-written by a crash is unreadable: skipped)."""
    out = {}
    for path in sorted(blocks.rglob("*.parquet")):
        try:
            table = pq.read_table(path, columns=["key", "payload", "error"])
        except Exception:  # noqa: BLE001 - a torn file from a crash: its documents are done again
            continue
        for key, payload, error in zip(*(table.column(c).to_pylist() for c in ("key", "payload", "error")),
                                       strict=True):
            out[key] = (payload, error)
    return out
