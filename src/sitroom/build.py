"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from sitroom.clean import clean
from sitroom.clean.document import detect_language
from sitroom.errors import ModelError, TooSlow
from sitroom.extract.analysis import analyse
from sitroom.ingest import discover, read_path
from sitroom.ingest.missing import deleted_origins
from sitroom.ingest.reader import Walked
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


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


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
    walked = Walked()
    found = list(discover(paths, walked))
    progress.files_found(len(found))
    claimed: dict[str, str] = {}
    with Room(db) as room:
        removed = _remove_deleted(room, report, walked, keep_missing)
        for item in found:
            if isinstance(item, Failure):
                if not _was_removed(item, removed):
                    _fail(room, report, item)
                progress.file_done(item.source)
                continue
            source, path = item
            _build_file(room, report, source, path, settings, pipeline, force, nlp, claimed)
            progress.file_done(source)
        resolve_actors(room)
    return report


def _remove_deleted(room: Room, report: BuildReport, walked: Walked, keep: bool) -> set[Path]:
    """Drop the documents (and old failures) of files that are gone; the files whose documents
    were dropped, resolved (a missing path given that never held any stays a failure)."""
    if keep:
        return set()
    dropped = set()
    for origin in deleted_origins(room.origins(), walked):
        room.clear_failures(origin)
        if documents := room.remove_missing(origin, set()):
            report.removed.extend(documents)
            dropped.add(Path(origin).resolve())
    return dropped


def _was_removed(failure: Failure, removed: set[Path]) -> bool:
    """A path given that is missing because its file was deleted: reported as removed, not failed."""
    return Path(failure.source).resolve() in removed


def _duplicate(read: SourceText, claimed: dict[str, str]) -> Failure | None:
    """A record whose key (its url, or its file) was already read in this build fails, naming both."""
    first = claimed.setdefault(read.id, read.where)
    if first == read.where:
        return None
    return Failure(read.where, "ingest", f"duplicate of {first}: both are {read.source}; the first is kept")


def _build_on_ray(paths: Iterable[str], db: Path, settings: Settings, progress: Progress, force: bool,
                  model: str | None, address: str | None, keep_missing: bool) -> BuildReport:
    """Ingest here, clean and analyse on Ray (Parquet blocks beside the room), load and resolve here."""
    from sitroom.engines.ray_engine import analyse_on_ray

    report = BuildReport()
    pipeline = pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)
    walked = Walked()
    found = list(discover(paths, walked))
    progress.files_found(len(found))
    claimed: dict[str, str] = {}
    with Room(db) as room:
        removed = _remove_deleted(room, report, walked, keep_missing)
        sources, stored = [], {}
        for item in found:
            if isinstance(item, Failure):
                if not _was_removed(item, removed):
                    _fail(room, report, item)
                continue
            source, path = item
            for read in _reads(room, report, source, path, settings, claimed):
                state = room.state(read.id)
                if state == (read.content_hash, pipeline) and not force:
                    report.unchanged.append(read.source)
                else:
                    stored[read.id] = state
                    sources.append(read)
        blocks = db.with_name(db.name + ".blocks")
        for source, result in analyse_on_ray(sources, pipeline, blocks, model, address):
            if isinstance(result, Failure):
                _fail(room, report, result)
            else:
                document, analysis = result
                room.save(document, pipeline, analysis, new=stored[source.id] is None)
                (report.updated if stored[source.id] else report.added).append(source.source)
            progress.file_done(source.source)
        resolve_actors(room)
    return report


def _reads(room: Room, report: BuildReport, source: str, path: Path, settings: Settings,
           claimed: dict[str, str]) -> Iterator[SourceText]:
    """The documents a file holds; its failures and duplicates recorded, and, once it was read
    whole, the documents it no longer holds (deleted .jsonl lines) removed."""
    seen: set[str] = set()
    origin_ok = True
    room.clear_failures(source)
    for read in read_path(source, path, settings):
        if isinstance(read, Failure):
            origin_ok = False  # keep what the file held before: nothing is lost
            _fail(room, report, read)
        elif duplicate := _duplicate(read, claimed):
            _fail(room, report, duplicate)
        else:
            seen.add(read.id)
            yield read
    if origin_ok:
        report.removed.extend(room.remove_missing(source, seen))


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


def _build_file(room: Room, report: BuildReport, source: str, path: Path, settings: Settings,
                pipeline: str, force: bool, nlp: _LazyModel, claimed: dict[str, str]) -> None:
    try:
        for read in _reads(room, report, source, path, settings, claimed):
            _process(room, report, read, pipeline, force, nlp, settings.max_document_seconds)
    except Exception as exc:  # an unexpected reader or store bug fails this file, not the batch
        _fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))


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
        _fail(room, report, Failure(text.source, stage, str(exc)))
        return
    except Exception as exc:  # a bug on one page must not stop the batch
        _fail(room, report, Failure(text.source, stage, f"{type(exc).__name__}: {exc}"))
        return
    try:
        room.save(document, pipeline, analysis, new=stored is None)
    except Exception as exc:
        _fail(room, report, Failure(text.source, "store", f"{type(exc).__name__}: {exc}"))
        return
    (report.updated if stored else report.added).append(text.source)


def _fail(room: Room, report: BuildReport, failure: Failure) -> None:
    report.failed.append(failure)
    room.record_failure(failure)


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
