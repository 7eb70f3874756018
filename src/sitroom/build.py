"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from sitroom.clean import clean
from sitroom.clean.document import detect_language
from sitroom.errors import ModelError, TooSlow
from sitroom.extract.analysis import analyse
from sitroom.inputs import BuildReport, Inputs, fail
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.nlp.model import DEFAULT_MODEL, SHORT_NAMES, load_model
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
          engine: str = "local", address: str | None = None, keep_missing: bool = False) -> BuildReport:
    """Read ``paths`` into the room at ``db``; re-running on the same input changes nothing.

    A document is processed again when its text changed, when this sitroom's code differs from
    the code that processed it, or with ``force``. Documents read from files that are gone (under
    a folder in ``paths``, or named there) are removed, unless ``keep_missing``. Two records with
    the same key (a .jsonl url) fail the second, naming the first.
    """
    if engine == "ray":
        return _build_on_ray(paths, Path(db), settings, progress or _Silent(), force, model, address,
                             keep_missing)
    progress = progress or _Silent()
    nlp = _LazyModel(model)
    pipeline = pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)
    report = BuildReport()
    with Room(db) as room:
        inputs = Inputs(room, report, paths, settings, keep_missing)
        progress.files_found(len(inputs.found))
        for source, path in inputs.files(progress):
            try:
                for read in inputs.reads(source, path):
                    _process(room, report, read, pipeline, force, nlp, settings.max_document_seconds)
            except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
                fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
            progress.file_done(source)
        resolve_actors(room)
    return report


def _build_on_ray(paths: Iterable[str], db: Path, settings: Settings, progress: Progress, force: bool,
                  model: str | None, address: str | None, keep_missing: bool) -> BuildReport:
    """Ingest here, clean and analyse on Ray (Parquet blocks beside the room), load and resolve here."""
    from sitroom.engines.ray_engine import analyse_on_ray

    report = BuildReport()
    pipeline = pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)
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
        resolve_actors(room)
    return report


@contextmanager
def _budget(seconds: float):
    """Raise TooSlow in this thread when the work inside takes longer than ``seconds``.

    Uses a real-time interval timer, so only in the main thread of a process (the CLI); elsewhere
    the work runs without a budget.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TooSlow(f"took longer than {seconds:g} s (raise --max-doc-seconds to allow more)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _LazyModel:
    """Loads the spaCy pipeline on first use: a build with nothing new never pays for it."""

    def __init__(self, name: str | None):
        self.name = name
        self._nlp = None

    def get(self):
        if self._nlp is None:
            self._nlp = load_model(self.name)
            detect_language("Loads the language identifier's model before any document is timed.")
        return self._nlp


def _process(room: Room, report: BuildReport, text: SourceText, pipeline: str, force: bool,
             nlp: _LazyModel, budget: float) -> None:
    stored = room.state(text.id)
    if stored == (text.content_hash, pipeline) and not force:
        report.unchanged.append(text.source)
        return
    model = nlp.get()  # loading the pipeline once is not part of any document's time budget
    stage = "clean"
    try:
        with _budget(budget):
            document = clean(text)
            stage = "nlp"
            analysis = analyse(document, model)
    except ModelError:
        raise  # no model: nothing can be analysed, so the whole build stops with advice
    except TooSlow as exc:
        fail(room, report, Failure(text.source, stage, str(exc)))
        return
    except Exception as exc:  # a bug on one page must not stop the batch
        fail(room, report, Failure(text.source, stage, f"{type(exc).__name__}: {exc}"))
        return
    try:
        room.save(document, pipeline, analysis, new=stored is None)
    except Exception as exc:
        fail(room, report, Failure(text.source, "store", f"{type(exc).__name__}: {exc}"))
        return
    (report.updated if stored else report.added).append(text.source)


_DERIVING = ("ingest", "clean", "nlp", "coref", "extract", "model", "data", "store")
"""The parts of sitroom whose code decides what a document's rows hold (not the UI, not queries)."""


@cache
def pipeline_fingerprint() -> str:
    """A digest of the code and data that turn a source text into rows."""
    digest = hashlib.sha256()
    package = resources.files("sitroom")
    for path in sorted(Path(str(package)).rglob("*")):
        rel = path.relative_to(str(package)).parts
        wanted = path.suffix in (".py", ".yaml", ".json", ".sql") and "__pycache__" not in rel
        if wanted and rel[0] in _DERIVING:
            digest.update(path.relative_to(str(package)).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
