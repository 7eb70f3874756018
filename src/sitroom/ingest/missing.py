"""Which stored documents were read from files that are gone: removed inputs are removed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitroom.ingest.reader import Walked


def deleted_origins(origins: Iterable[str], walked: Walked) -> list[str]:
    """The ``origins`` (files documents were read from, as given then) that no longer exist and
    that this build was asked about: under a folder it was given, or named and missing.

    Relative origins are resolved against the current folder, as the walk's own paths are; an
    origin under a folder that could not be listed is never counted as gone. Linear in the
    number of origins times the number of paths given.
    """
    missing = {Path(given).resolve() for given in walked.missing}
    gone = []
    for origin in origins:
        where = Path(origin).resolve()
        if not _gone(where) or any(where.is_relative_to(bad) for bad in walked.unreadable):
            continue
        if where in missing or any(where.is_relative_to(folder) for folder in walked.folders):
            gone.append(origin)
    return gone


def _gone(path: Path) -> bool:
    """True only when the file is known not to exist (a path that cannot be looked at is not gone)."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False
