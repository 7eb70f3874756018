"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Protocol

from sitroom.code_digest import code_digest
from sitroom.engines.local_pool import Analysers, LazyModel, analyse_text
from sitroom.errors import ModelError, WorkersDying
from sitroom.inputs import BuildReport, Inputs, fail
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.nlp.model import DEFAULT_MODEL, SHORT_NAMES
from sitroom.resolve.corpus import resolve_actors
from sitroom.settings import DEFAULT, Settings
from sitroom.store.room import Room


class Progress(Protocol):
    """How a caller hears about a long build; the library itself never prints."""

    def files_found(self, total: int) -> None: ...

    def file_done(self, source: str) -> None: ...


class _Silent:
    def files_found(self, total: int) -> None:
        pass

    def file_done(self, source: str) -> None:
        pass


def build(paths: Iterable[str], db: str | Path, settings: Settings = DEFAULT,
          progress: Progress | None = None, force: bool = False, model: str | None = None,
          engine: str = "local", address: str | None = None, keep_missing: bool = False,
          workers: int = 1) -> BuildReport:
    """Read ``paths`` into the room at ``db``; re-running on the same input changes nothing.

    A document is processed again when its text changed, when this sitroom's code differs from
    the code that processed it, or with ``force``. Documents read from files that are gone (under
    a folder in ``paths``, or named there) are removed, unless ``keep_missing``. Two records with
    the same key (a .jsonl url) fail the second, naming the first. With ``workers`` > 1 the local
    engine cleans and analyses in that many processes (the room is written as by one).
    """
    if engine == "ray":
        return _build_on_ray(paths, Path(db), settings, progress or _Silent(), force, model, address,
                             keep_missing)
    progress = progress or _Silent()
    nlp = LazyModel(model)
    pipeline = _pipeline(model)
    report = BuildReport()
    pool = Analysers(workers, model, settings.max_document_seconds) if workers > 1 else None
    with Room(db) as room:
        writer = Writer(room, report, pipeline)
        try:
            inputs = Inputs(room, report, paths, settings, keep_missing)
            progress.files_found(len(inputs.found))
            for source, path in inputs.files(progress):
                try:
                    for read in inputs.reads(source, path):
                        stored = inputs.state(read.id)
                        if stored == (read.content_hash, pipeline) and not force:
                            report.unchanged.append(read.source)
                        elif pool is None:  # the budget does not count loading the pipeline
                            budget = settings.max_document_seconds
                            writer.add(read, stored, analyse_text(read, nlp.get(), budget))
                        else:
                            pool.submit(stored, read)
                            for due, text, result in pool.ready():
                                writer.add(text, due, result)
                except (ModelError, WorkersDying):
                    raise  # no pipeline, no workers: nothing can be analysed, the build stops with advice
                except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
                    fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
                progress.file_done(source)
            for due, text, result in pool.drain() if pool else ():
                writer.add(text, due, result)
        except BaseException:
            if pool is not None:  # stopped: the documents at work are dropped, not waited for
                pool.close(wait=False)
            raise
        finally:
            writer.flush()  # (also when stopped: what was analysed is kept)
            if pool is not None:
                pool.close()
        report.resolved = resolve_actors(room, force=False)
    return report


def _build_on_ray(paths: Iterable[str], db: Path, settings: Settings, progress: Progress, force: bool,
                  model: str | None, address: str | None, keep_missing: bool) -> BuildReport:
    """Ingest here, clean and analyse on Ray (Parquet blocks beside the room), load here; resolve across
    documents on Ray too (``engines.ray_resolve``), write here."""
    from sitroom.engines.ray_engine import analyse_on_ray
    from sitroom.engines.ray_resolve import groups_on_ray

    report = BuildReport()
    pipeline = _pipeline(model)
    with Room(db) as room:
        inputs = Inputs(room, report, paths, settings, keep_missing)
        progress.files_found(len(inputs.found))
        sources, stored = [], {}
        for source, path in inputs.files():
            try:
                for read in inputs.reads(source, path):
                    state = inputs.state(read.id)
                    if state == (read.content_hash, pipeline) and not force:
                        report.unchanged.append(read.source)
                    else:
                        stored[read.id] = state
                        sources.append(read)
            except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
                fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
        blocks = db.with_name(db.name + ".blocks")
        writer = Writer(room, report, pipeline)
        try:
            for source, result in analyse_on_ray(sources, pipeline, blocks, model, address):
                writer.add(source, stored[source.id], result)
                progress.file_done(source.source)
        finally:
            writer.flush()
        report.resolved = resolve_actors(room, force=False, grouping=groups_on_ray)
    return report


WRITE_BATCH = 32
"""Analysed documents written together, in one transaction and one insert per table: a crash leaves
whole documents only, and a build spends ~8 times less on writing than with one transaction each."""


class Writer:
    """Writes analysed documents (or their failures) into the room, WRITE_BATCH at a time."""

    def __init__(self, room: Room, report: BuildReport, pipeline: str):
        self.room, self.report, self.pipeline = room, report, pipeline
        self._waiting: list[tuple[SourceText, tuple | None, tuple]] = []

    def add(self, text: SourceText, stored: tuple | None, result) -> None:
        """``result``: the ``(document, analysis)`` of ``text`` or its Failure; ``stored``: the room's
        ``state`` of the document before (None when new)."""
        if isinstance(result, Failure):
            fail(self.room, self.report, result)
            return
        self._waiting.append((text, stored, result))
        if len(self._waiting) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what waits; if the batch fails, each document alone (one bad document fails alone)."""
        waiting, self._waiting = self._waiting, []
        try:
            self.room.save_many([(doc, self.pipeline, analysis, stored is None)
                                 for _, stored, (doc, analysis) in waiting])
        except Exception:
            for text, stored, result in waiting:
                self._save_one(text, stored, result)
            return
        for text, stored, _ in waiting:
            (self.report.updated if stored else self.report.added).append(text.source)

    def _save_one(self, text: SourceText, stored: tuple | None, result: tuple) -> None:
        document, analysis = result
        try:
            self.room.save(document, self.pipeline, analysis, new=stored is None)
        except Exception as exc:
            fail(self.room, self.report, Failure(text.source, "store", f"{type(exc).__name__}: {exc}"))
            return
        (self.report.updated if stored else self.report.added).append(text.source)


_DERIVING = ("ingest", "clean", "nlp", "coref", "extract", "model", "data", "store")
"""The parts of sitroom whose code decides what a document's rows hold (not the UI, not queries)."""


def _pipeline(model: str | None) -> str:
    """What the room records as having derived a document: this code, and the spaCy pipeline."""
    return pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)


@cache
def pipeline_fingerprint() -> str:
    """A digest of the code and data that turn a source text into rows."""
    return code_digest(_DERIVING)
