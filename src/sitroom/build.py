"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Iterable
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
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.nlp.model import DEFAULT_MODEL, SHORT_NAMES, load_model
from sitroom.resolve.actors import build_actors, local_actors
from sitroom.resolve.disagreements import ClaimRow
from sitroom.resolve.disagreements import find as find_disagreements
from sitroom.resolve.events import EventMention, build_events
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
          engine: str = "local", address: str | None = None) -> BuildReport:
    """Read ``paths`` into the room at ``db``; re-running on the same input changes nothing.

    A document is processed again when its text changed, when this sitroom's code differs from
    the code that processed it, or with ``force``.
    """
    if engine == "ray":
        return _build_on_ray(paths, Path(db), settings, progress or _Silent(), force, model, address)
    progress = progress or _Silent()
    nlp = _LazyModel(model)
    pipeline = pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)
    report = BuildReport()
    found = list(discover(paths))
    progress.files_found(len(found))
    with Room(db) as room:
        for item in found:
            if isinstance(item, Failure):
                _fail(room, report, item)
                progress.file_done(item.source)
                continue
            source, path = item
            _build_file(room, report, source, path, settings, pipeline, force, nlp)
            progress.file_done(source)
        resolve_actors(room)
    return report


def _build_on_ray(paths: Iterable[str], db: Path, settings: Settings, progress: Progress, force: bool,
                  model: str | None, address: str | None) -> BuildReport:
    """Ingest here, clean and analyse on Ray (Parquet blocks beside the room), load and resolve here."""
    from sitroom.engines.ray_engine import analyse_on_ray

    report = BuildReport()
    pipeline = pipeline_fingerprint() + ":" + SHORT_NAMES.get(model or "", model or DEFAULT_MODEL)
    found = list(discover(paths))
    progress.files_found(len(found))
    with Room(db) as room:
        sources, stored = [], {}
        for item in found:
            if isinstance(item, Failure):
                _fail(room, report, item)
                continue
            source, path = item
            room.clear_failures(source)
            for read in read_path(source, path, settings):
                if isinstance(read, Failure):
                    _fail(room, report, read)
                    continue
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


def room_local_actors(room: Room):
    """Every document's local actors, as cross-document resolution (and `actors explain`) sees them."""
    mentions = room.db.execute(
        "SELECT document, cluster, text, kind, country, pronoun, armed, sense FROM mentions "
        "ORDER BY document, ordinal").fetchall()
    roles = room.db.execute(
        "SELECT r.document, m.cluster, r.title, r.of_text FROM roles r JOIN mentions m "
        "ON m.document = r.document AND m.ordinal = r.mention ORDER BY r.document, r.start_offset").fetchall()
    return local_actors(mentions, roles)


def resolve_actors(room: Room) -> None:
    """Rebuild actors, events and disagreements across the corpus, and write them in one go."""
    actors = build_actors(room_local_actors(room), room.overrides())
    events = _events(room, actors)
    room.replace_resolved(actors, events, find_disagreements(_claims(room)))


def _events(room: Room, actors: list[tuple]) -> list[dict]:
    actor_of_cluster = {(doc, cluster): a[0] for a in actors for doc, cluster in a[4]}
    actor_of = {(d, o): actor_of_cluster[(d, c)] for d, o, c in room.db.execute(
        "SELECT document, ordinal, cluster FROM mentions").fetchall() if (d, c) in actor_of_cluster}
    names = {a[0]: a[1] for a in actors}
    rows = room.db.execute(
        "SELECT document, ordinal, type, mode, status, phrase, sources, targets, when_start, when_end, "
        "when_basis, location, start_offset FROM event_mentions ORDER BY document, ordinal").fetchall()
    mentions = []
    for doc, n, kind, mode, status, phrase, sources, targets, w_start, w_end, basis, location, at in rows:
        src = frozenset(actor_of[(doc, i)] for i in sources if (doc, i) in actor_of)
        tgt = frozenset(actor_of[(doc, i)] for i in targets if (doc, i) in actor_of) - src
        if src or tgt:
            when = (w_start, w_end, basis) if w_start else None
            mentions.append(EventMention(doc, n, kind, mode, status, phrase, src, tgt, when, location, at))
    return build_events(mentions, names)


def _claims(room: Room) -> list[ClaimRow]:
    rows = room.db.execute(
        "SELECT c.document, c.ordinal, c.subject, c.value, c.unit, c.dimension, c.base_value, c.tolerance, "
        "c.approximate, c.part, c.share_count, c.share_total, c.control, c.country, c.when_start, "
        "substr(d.text, c.start_offset + 1, c.end_offset - c.start_offset), c.quote "
        "FROM claims c JOIN documents d ON d.id = c.document ORDER BY c.document, c.ordinal").fetchall()
    return [ClaimRow(f"{doc}:c{n}", subject, value, unit, dim, base, tol, approx, part,
                     (count, total) if total else None, control, country, text, when, quote)
            for doc, n, subject, value, unit, dim, base, tol, approx, part, count, total, control, country,
            when, text, quote in rows]


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
        raise TooSlow(f"took longer than {seconds:g} s (raise max_document_seconds to allow more)")

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
                pipeline: str, force: bool, nlp: _LazyModel) -> None:
    seen: set[str] = set()
    origin_ok = True
    room.clear_failures(source)
    try:
        for read in read_path(source, path, settings):
            if isinstance(read, Failure):
                origin_ok = False  # keep what the file held before: nothing is lost
                _fail(room, report, read)
            else:
                seen.add(read.id)
                _process(room, report, read, pipeline, force, nlp, settings.max_document_seconds)
        if origin_ok:
            report.removed.extend(room.remove_missing(source, seen))
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
