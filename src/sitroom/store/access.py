"""Who may open a room when: a writer announces itself so that readers step aside, and a room
that cannot be opened says who holds it, or that it is damaged, in one line with the fix.

DuckDB lets one process write a database file, or any number of processes read it, never both
(https://duckdb.org/docs/connect/concurrency). A busy ``sitroom serve`` opens a read-only
connection for every request, so without help a build waiting for the file would rarely find it
free. The writer therefore holds an *intent file* (``ROOM.writer``, its process id, under an
exclusive ``flock``) from before it asks for the file until it closes it; readers that find the
file locked wait for the writer to finish, then give up with :class:`RoomBusy` ("being rebuilt"),
so the writer gets the file as soon as the requests in flight end. The kernel releases the lock of
a killed writer, so a file it left behind announces nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import time
import weakref
from pathlib import Path

from sitroom.errors import RoomBusy, RoomError


def intent_path(room: Path) -> Path:
    return room.absolute().with_name(room.name + ".writer")


class Intent:
    """A writer's announcement: ``ROOM.writer`` holding its process id, locked (``flock``) for as long
    as the writer lives, so that a killed writer's file announces nothing (the kernel drops the lock).
    A process forked from the writer (a worker) drops its copy at once: the lock is the writer's alone."""

    def __init__(self, room: Path):
        self.path = intent_path(room)
        self.handle = None
        try:
            handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held until release()
        except OSError:  # a read-only folder: the writer will fail to open the room anyway
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another writer announced itself first: DuckDB's lock orders the two
            handle.close()
            return
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle
        _HELD.add(self)

    def release(self) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.handle.close()  # closing drops the lock
            self.handle = None


_HELD: weakref.WeakSet[Intent] = weakref.WeakSet()
"""The announcements this process holds."""


def _drop_in_child() -> None:
    """In a forked child: each held announcement's descriptor pointed at /dev/null instead (the flock
    belongs to the open file, which the child would otherwise keep locked after the writer died), and
    forgotten, so that nothing in the child releases (unlinks) the writer's file."""
    for intent in list(_HELD):
        if intent.handle is not None:
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, intent.handle.fileno())
            os.close(null)
            intent.handle = None
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_in_child)


def writer_waiting(room: Path) -> int | None:
    """The process id of a live writer that holds or waits for ``room`` (0 if unknown), else None."""
    try:
        handle = open(intent_path(room), encoding="ascii")  # noqa: SIM115 - closed below
    except OSError:
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            text = handle.read().strip()
            return int(text) if text.isdigit() else 0
        return None  # nobody holds it: left by a writer that died


def wait_for_writer(room: Path, wait: float) -> None:
    """Block a reader while a writer holds or waits for ``room``; RoomBusy after ``wait`` seconds.
    A reader in the writer's own process fails at once (it would wait for itself)."""
    deadline = time.monotonic() + wait
    while (pid := writer_waiting(room)) is not None:
        if pid == os.getpid():
            raise RoomError(f"room {room} is open for writing in this process; read it through that "
                            "connection, or close it first")
        if time.monotonic() >= deadline:
            raise RoomBusy(f"room {room} is being rebuilt (sitroom process {pid or '?'}); "
                           "try again when the build has finished")
        time.sleep(0.1)


def busy_message(room: Path, error: Exception, writing: bool) -> str:
    """One line saying who holds ``room`` (from DuckDB's lock error) and what to do."""
    found = re.search(r"PID (\d+)", str(error))
    pid = int(found.group(1)) if found else None
    if not writing:  # readers never lock out readers: the holder writes
        return (f"room {room} is being rebuilt (process {pid or '?'}); "
                "try again when the build has finished")
    what = _command_of(pid) if pid else ""
    if "serve" in what:
        holder = f"`sitroom serve` (process {pid}) is reading it"
    elif pid and "sitroom" in what:
        holder = f"another sitroom process ({pid}) is using it"
    elif pid:
        holder = f"process {pid} has it open"
    else:
        holder = "another process has it open"
    return f"room {room} is busy: {holder}; wait for it to finish, stop it, or use another --db"


_DAMAGE = re.compile(r"corrupt|checksum|could not read enough bytes|not a valid duckdb|serializ|"
                     r"invalid (?:file|database|header)|unknown (?:block|storage)|schema version", re.I)
"""Messages of errors that mean the file or its contents are damaged, not busy or unreachable."""


def damaged(room: Path, error: Exception) -> RoomError:
    """The one error for a room whose file or contents cannot be read as a sitroom room."""
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return RoomError(f"room {room} is damaged and cannot be read ({detail}); rebuild it into a new "
                     f"room with `sitroom build PATH --db NEW.duckdb`")


def room_error(room: Path, error: Exception) -> RoomError:
    """A DuckDB error met on ``room`` as one line: damaged (with the fix), or what went wrong."""
    if _DAMAGE.search(str(error)):
        return damaged(room, error)
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return RoomError(f"cannot use room {room}: {detail}")


def _command_of(pid: int) -> str:
    """The command line of a process (Linux /proc), or '' where it cannot be read."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""
