"""Who may open a room when: a writer announces itself so that readers step aside, and a room
that cannot be opened says who holds it, or that it is damaged, in one line with the fix.

DuckDB lets one process write a database file, or any number of processes read it, never both
(https://duckdb.org/docs/connect/concurrency). A busy ``sitroom serve`` opens a read-only
connection for every request, so without help a build waiting for the file would rarely find it
free. The writer therefore writes an *intent file* (``ROOM.writer``, holding its process id)
before it asks for the file; readers that see a live writer's intent wait for it to finish, then
give up with :class:`RoomBusy` ("being rebuilt"), so the writer gets the file as soon as the
requests in flight end. An intent file left by a killed build names a dead process (or one that is
not Python) and is ignored.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from sitroom.errors import RoomBusy, RoomError


def intent_path(room: Path) -> Path:
    return room.with_name(room.name + ".writer")


def announce_writer(room: Path) -> None:
    """Say that this process is about to write ``room`` (readers step aside until it closes)."""
    with contextlib.suppress(OSError):  # a read-only folder: the writer will fail to open anyway
        intent_path(room).write_text(str(os.getpid()), encoding="ascii")


def withdraw_writer(room: Path) -> None:
    """Remove this process's intent file (not another writer's)."""
    if writer_waiting(room, include_self=True) == os.getpid():
        with contextlib.suppress(OSError):
            intent_path(room).unlink()


def writer_waiting(room: Path, include_self: bool = False) -> int | None:
    """The process id of a live process that writes or waits to write ``room``, if any."""
    try:
        pid = int(intent_path(room).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    if pid == os.getpid():
        return pid if include_self else None
    if not _alive(pid):
        return None
    command = _command_of(pid)  # a dead build's number taken by an unrelated process is no writer
    return pid if not command or "sitroom" in command or "python" in command else None


def wait_for_writer(room: Path, wait: float) -> None:
    """Block a reader while a writer holds or waits for ``room``; RoomBusy after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while (pid := writer_waiting(room)) is not None:
        if time.monotonic() >= deadline:
            raise RoomBusy(f"room {room} is being rebuilt (sitroom process {pid}); "
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


def damaged(room: Path, error: Exception) -> RoomError:
    """The one error for a room whose file or contents cannot be read as a sitroom room."""
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return RoomError(f"room {room} is damaged and cannot be read ({detail}); rebuild it into a new "
                     f"room with `sitroom build PATH --db NEW.duckdb`")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _command_of(pid: int) -> str:
    """The command line of a process (Linux /proc), or '' where it cannot be read."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""
