"""What a build reads, and what it does about inputs that are gone, unreadable or read twice.

Every input is accounted for: a folder that cannot be listed, a file that cannot be read and a
record whose key was already read in this build (the second place, naming the first) are failures
kept in the room; the documents of files deleted from a folder given to the build, or of a missing
file or folder named, leave the room (unless ``keep_missing``); a folder that now holds no readable
file at all keeps its documents and says so (an unmounted share looks like that).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.ingest import discover, read_path
from sitroom.ingest.missing import deleted_origins, under
from sitroom.ingest.reader import Walked
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.settings import Settings
from sitroom.store.room import Room


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Ids of the documents removed because their input is gone."""
    failed: list[Failure] = field(default_factory=list)
    resolved: bool = False
    """Whether the corpus-wide stage ran (it is skipped when nothing changed since it last ran)."""

    @property
    def ok(self) -> bool:
        return not self.failed


def fail(room: Room, report: BuildReport, failure: Failure) -> None:
    report.failed.append(failure)
    room.record_failure(failure)


def _file_of(source: str) -> str:
    """The file a failure's source names ("feed.jsonl:12" -> "feed.jsonl")."""
    head, _, tail = source.rpartition(":")
    return head if head and tail.isdigit() else source


def _listed_or_gone(path: Path) -> bool:
    """A folder that is there now, or a path that is gone (one that cannot be looked at is neither)."""
    try:
        return path.is_dir() or not path.exists()
    except OSError:
        return False


class Inputs:
    """The files under ``paths`` (walked once, in a stable order) and the records they hold."""

    def __init__(self, room: Room, report: BuildReport, paths: Iterable[str], settings: Settings,
                 keep_missing: bool = False):
        self.room, self.report, self.settings, self.keep_missing = room, report, settings, keep_missing
        self.walked = Walked()
        self.found = list(discover(paths, self.walked))
        self._claimed: dict[str, tuple[tuple[str, int | None], str]] = {}
        self._held: dict[str, list[str]] = {}  # origin -> its documents in the room (read in files())
        self._failed: set[str] = set()  # the files (and .jsonl files of lines) that failures are kept for
        self._states: dict[str, tuple[str, str]] = {}  # id -> (content hash, pipeline) before this build
        self._removed: set[str] = set()  # ids removed by this build

    def files(self, progress=None) -> Iterator[tuple[str, Path]]:
        """``(source, path)`` of each file to read; gone inputs removed, failures recorded first."""
        removed = self._remove_gone()
        self._held, self._states = self.room.documents_by_origin(), self.room.states()
        self._failed = {_file_of(source) for source in self.room.failure_sources()}
        for item in self.found:
            if isinstance(item, Failure):
                if Path(item.source).absolute() not in removed:  # a deleted input named: removed
                    fail(self.room, self.report, item)
                if progress is not None:
                    progress.file_done(item.source)
            else:
                yield item

    def reads(self, source: str, path: Path) -> Iterator[SourceText]:
        """The documents a file holds, each key once; its failures recorded, and once it was read
        whole, the documents it no longer holds (deleted .jsonl lines) removed."""
        seen: set[str] = set()
        whole = True
        if source in self._failed:
            self.room.clear_failures(source)
        for read in read_path(source, path, self.settings):
            if isinstance(read, Failure):
                whole = False  # keep what the file held before: nothing is lost
                fail(self.room, self.report, read)
                continue
            seen.add(read.id)  # a duplicate's key stays: the document it repeats is not gone
            shown, key = f"{source}:{read.line}" if read.line else source, (read.origin, read.line)
            if read.id in self._claimed:
                first_key, first = self._claimed[read.id]
                if first_key != key:  # else the same record reached through two of the paths given
                    fail(self.room, self.report, Failure(
                        shown, "ingest", f"duplicate of {first}: both are {read.source}; the first is kept"))
                continue
            self._claimed[read.id] = (key, shown)
            yield read
        if whole:  # (the lines of a .jsonl it no longer holds; not those read from another file now)
            gone = [doc for doc in self._held.get(str(path.resolve()), [])
                    if doc not in seen and doc not in self._claimed and doc not in self._removed]
            self.room.remove(gone)
            self._removed.update(gone)
            self.report.removed.extend(gone)

    def state(self, doc_id: str) -> tuple[str, str] | None:
        """``Room.state`` of a document as this build found it: None once removed by this build."""
        return None if doc_id in self._removed else self._states.get(doc_id)

    def _remove_gone(self) -> set[Path]:
        """Drop the documents of inputs that are gone and forget failures that no longer hold; the
        missing paths given whose documents were dropped."""
        walked, room = self.walked, self.room
        for source in room.failure_sources():  # a folder listed now, a file deleted since
            where = Path(source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source)
            listed = under(where, walked.folders) and not under(where, walked.unreadable)
            if listed and _listed_or_gone(where):
                room.clear_failures(source)
        if self.keep_missing:
            return set()
        origins = room.origins()
        for folder in walked.empty:
            held = [o for o in origins if under(Path(o), [folder])]
            if held:
                fail(room, self.report, Failure(str(folder), "ingest", (
                    f"no readable file in this folder now; the {len(held)} documents read from it are "
                    "kept (an unmounted share?); delete the folder itself, then build it again, to "
                    "remove them")))
        gone = deleted_origins(origins, walked)
        ids = room.documents_from(gone)
        room.remove(ids)
        self._removed.update(ids)
        self.report.removed.extend(ids)
        return {Path(given).absolute() for given in walked.missing
                if any(under(Path(o), [Path(given).absolute()]) for o in gone)}
