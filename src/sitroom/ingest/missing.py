"""Which stored documents were read from files that are gone: removed inputs are removed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitroom.ingest.reader import Walked


def deleted_origins(origins: Iterable[str], walked: Walked) -> list[str]:
    """The ``origins`` (absolute paths of the files documents were read from) that no longer exist
    and that this build was asked about: under a folder it was given, or under a missing path named.

    Never counted as gone: an origin under a folder that could not be listed or that holds no
    readable file now (an unmounted share), or a relative origin (written by an older sitroom; the
    folder it was relative to is unknown). Linear in origins times paths given.
    """
    missing = [Path(given).absolute() for given in walked.missing]
    gone = []
    for origin in origins:
        where = Path(origin)
        if not where.is_absolute() or not _gone(where) or under(where, walked.unreadable + walked.empty):
            continue
        if under(where, missing + walked.folders):
            gone.append(origin)
    return gone


def under(path: Path, folders: Iterable[Path]) -> bool:
    """Whether ``path`` is one of ``folders`` or inside one (no file system access)."""
    return any(path == folder or path.is_relative_to(folder) for folder in folders)


def _gone(path: Path) -> bool:
    """True only when the file is known not to exist (a path that cannot be looked at is not gone)."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False
