"""`sitroom build`: files and folders into a room, one document at a time, failures recorded."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from sitroom.clean import clean
from sitroom.ingest import discover, read_path
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
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
          progress: Progress | None = None, force: bool = False) -> BuildReport:
    """Read ``paths`` into the room at ``db``; re-running on the same input changes nothing.

    A document is processed again when its text changed, when this sitroom's code differs from
    the code that processed it, or with ``force``.
    """
    progress = progress or _Silent()
    pipeline = pipeline_fingerprint()
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
            _build_file(room, report, source, path, settings, pipeline, force)
            progress.file_done(source)
    return report


def _build_file(room: Room, report: BuildReport, source: str, path: Path, settings: Settings,
                pipeline: str, force: bool) -> None:
    seen: set[str] = set()
    origin_ok = True
    try:
        for read in read_path(source, path, settings):
            if isinstance(read, Failure):
                origin_ok = False  # keep what the file held before: nothing is lost
                _fail(room, report, read)
            else:
                seen.add(read.id)
                _process(room, report, read, pipeline, force)
    except Exception as exc:  # an unexpected reader bug fails this file, not the batch
        _fail(room, report, Failure(source, "ingest", f"{type(exc).__name__}: {exc}"))
        return
    if origin_ok:
        report.removed.extend(room.remove_missing(source, seen))


def _process(room: Room, report: BuildReport, text: SourceText, pipeline: str, force: bool) -> None:
    stored = room.state(text.id)
    if stored == (text.content_hash, pipeline) and not force:
        report.unchanged.append(text.source)
        return
    try:
        document = clean(text)
    except Exception as exc:  # a bug on one page must not stop the batch
        _fail(room, report, Failure(text.source, "clean", f"{type(exc).__name__}: {exc}"))
        return
    try:
        room.save(document, pipeline)
    except Exception as exc:
        _fail(room, report, Failure(text.source, "store", f"{type(exc).__name__}: {exc}"))
        return
    (report.updated if stored else report.added).append(text.source)


def _fail(room: Room, report: BuildReport, failure: Failure) -> None:
    report.failed.append(failure)
    room.record_failure(failure)


@cache
def pipeline_fingerprint() -> str:
    """A digest of sitroom's own code and data: what turns a source text into rows."""
    digest = hashlib.sha256()
    package = resources.files("sitroom")
    for path in sorted(Path(str(package)).rglob("*")):
        if path.suffix in (".py", ".yaml", ".json", ".sql") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(str(package)).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
