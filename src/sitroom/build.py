"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Protocol

from sitroom.code_digest import code_digest
from sitroom.engines.local_pool import Analysers, LazyModel, analyse_text
from sitroom.errors import ModelError
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
        try:
            inputs = Inputs(room, report, paths, settings, keep_missing)
            progress.files_found(len(inputs.found))
            for source, path in inputs.files(progress):
                try:
                    for read in inputs.reads(source, path):
                        stored = room.state(read.id)
                        if stored == (read.content_hash, pipeline) and not force:
                            report.unchanged.append(read.source)
                        elif pool is None:  # the budget does not count loading the pipeline
                            result = analyse_text(read, nlp.get(), settings.max_document_seconds)
                            _store(room, report, read, stored, result, pipeline)
                        else:
                            pool.submit(stored, read)
                            for due, text, result in pool.ready():
                                _store(room, report, text, due, result, pipeline)
                except ModelError:
                    raise  # no pipeline: nothing can be analysed, so the whole build stops with advice
                except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
                    fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
                progress.file_done(source)
            for due, text, result in pool.drain() if pool else ():
                _store(room, report, text, due, result, pipeline)
        finally:
            if pool is not None:
                pool.close()
        report.resolved = resolve_actors(room, force=False)
    return report


def _build_on_ray(paths: Iterable[str], db: Path, settings: Settings, progress: Progress, force: bool,
                  model: str | None, address: str | None, keep_missing: bool) -> BuildReport:
    """Ingest here, clean and analyse on Ray (Parquet blocks beside the room), load and resolve here."""
    from sitroom.engines.ray_engine import analyse_on_ray

    report = BuildReport()
    pipeline = _pipeline(model)
    with Room(db) as room:
        inputs = Inputs(room, report, paths, settings, keep_missing)
        progress.files_found(len(inputs.found))
        sources, stored = [], {}
        for source, path in inputs.files():
            try:
                for read in inputs.reads(source, path):
                    state = room.state(read.id)
                    if state == (read.content_hash, pipeline) and not force:
                        report.unchanged.append(read.source)
                    else:
                        stored[read.id] = state
                        sources.append(read)
            except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
                fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
        blocks = db.with_name(db.name + ".blocks")
        for source, result in analyse_on_ray(sources, pipeline, blocks, model, address):
            if isinstance(result, Failure):
                fail(room, report, result)
            else:
                document, analysis = result
                room.save(document, pipeline, analysis, new=stored[source.id] is None)
                (report.updated if stored[source.id] else report.added).append(source.source)
            progress.file_done(source.source)
        report.resolved = resolve_actors(room, force=False)
    return report


def _store(room: Room, report: BuildReport, text: SourceText, stored, result, pipeline: str) -> None:
    """Write one analysed document (or its failure) into the room."""
    if isinstance(result, Failure):
        fail(room, report, result)
        return
    document, analysis = result
    try:
        room.save(document, pipeline, analysis, new=stored is None)
    except Exception as exc:
        fail(room, report, Failure(text.source, "store", f"{type(exc).__name__}: {exc}"))
        return
    (report.updated if stored else report.added).append(text.source)


_DERIVING = ("ingest", "clean", "nlp", "coref", "extract", "model", "data", "store")
"""The parts of sitroom whose code decides what a document's rows hold (not the UI, not queries)."""


def _pipeline(model: str | None) -> str:
    """What the room records as having derived a document: this code, and the spaCy pipeline."""
    return pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)


@cache
def pipeline_fingerprint() -> str:
    """A digest of the code and data that turn a source text into rows."""
    return code_digest(_DERIVING)
