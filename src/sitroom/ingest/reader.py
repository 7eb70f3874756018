"""Files and folders to SourceText records; every problem becomes a Failure, never an exception."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.errors import BadRecord, InputError, TooLarge, UnsupportedFormat
from sitroom.ingest.decode import decode
from sitroom.model.document import Declared, SourceText
from sitroom.model.failure import Failure
from sitroom.settings import DEFAULT, SUPPORTED_SUFFIXES, Settings

_FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


@dataclass
class Walked:
    """What a walk over the paths given to a build saw, beyond the files it yields."""

    folders: list[Path] = field(default_factory=list)
    """Folders given (resolved), whose files that are gone may be removed from the room."""
    unreadable: list[Path] = field(default_factory=list)
    """Folders that could not be listed (resolved): nothing under them is known to be gone."""
    missing: list[str] = field(default_factory=list)
    """Paths given that do not exist, as given."""
    empty: list[Path] = field(default_factory=list)
    """Folders given (resolved) in which no readable file was found."""


def discover(paths: Iterable[str], walked: Walked | None = None) -> Iterator[tuple[str, Path] | Failure]:
    """Yield ``(source, path)`` for every readable file under ``paths``, in a stable order.

    ``source`` is the path as the user gave it (joined with the file's place inside a folder).
    Hidden files and files of other types inside folders are skipped; a file named directly that
    sitroom cannot read, a folder that cannot be listed, or a path that does not exist is a
    Failure. ``walked``, when given, collects the folders, unreadable folders and missing paths.
    """
    walked = walked if walked is not None else Walked()
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            walked.missing.append(given)
            yield Failure(given, "ingest", "no such file or folder")
            continue
        except OSError as exc:
            yield Failure(given, "ingest", f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            walked.folders.append(path.resolve())
            errors: list[OSError] = []
            files_found = False
            for root, dirs, files in os.walk(path, onerror=errors.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from _unlistable(errors, walked)
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                        continue
                    files_found = True
                    yield os.path.join(root, name), Path(root) / name
            yield from _unlistable(errors, walked)
            if not files_found:
                walked.empty.append(path.resolve())
        elif not stat.S_ISREG(mode):
            yield Failure(given, "ingest", "not a regular file or folder")
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            kinds = ", ".join(SUPPORTED_SUFFIXES)
            yield Failure(given, "ingest", f"unsupported file type {path.suffix or '(none)'!r}; "
                          f"sitroom reads {kinds}")
        else:
            yield given, path


def _unlistable(errors: list[OSError], walked: Walked) -> Iterator[Failure]:
    """A folder os.walk could not list: a failure, never a silent skip."""
    while errors:
        error = errors.pop(0)
        where = error.filename or "?"
        walked.unreadable.append(Path(where).resolve())
        yield Failure(str(where), "ingest", f"cannot list folder: {error.strerror or error}")


def read_path(source: str, path: Path, settings: Settings = DEFAULT) -> Iterator[SourceText | Failure]:
    """Read one file into one SourceText (or one per line of a .jsonl file)."""
    fmt = _FORMATS.get(path.suffix.lower())
    try:
        if fmt is None:
            raise UnsupportedFormat(f"unsupported file type {path.suffix!r}")
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise TooLarge(f"file of {size:,} bytes is over the limit of {settings.max_file_bytes:,} "
                           "(raise --max-file-mb to read it)")
        data = path.read_bytes()
        if fmt == "jsonl":
            yield from _read_jsonl(source, path, data, settings)
            return
        text, encoding = decode(data, html=fmt == "html")
        _check_length(text, settings)
    except InputError as exc:
        yield Failure(source, exc.stage, str(exc))
        return
    except OSError as exc:
        yield Failure(source, "ingest", f"cannot read: {exc.strerror or exc}")
        return
    where = str(path.resolve())
    yield SourceText(id=document_id(where), source=source, origin=where, format=fmt, text=text,
                     content_hash=content_hash(text), encoding=encoding)


def _read_jsonl(source: str, path: Path, data: bytes,
                settings: Settings) -> Iterator[SourceText | Failure]:
    text, encoding = decode(data, json_lines=True)
    # JSON lines end at "\n" only: U+2028 and friends may stand raw inside a JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _parse_record(line.rstrip("\r"))
            body = record["text"]
            _check_length(body, settings)
            declared = _declared(record)
        except InputError as exc:
            yield Failure(where, exc.stage, str(exc))
            continue
        except (TypeError, ValueError, AttributeError) as exc:
            yield Failure(where, "ingest", f"malformed record: {exc}")
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        key = url or f"{path.resolve()}:{number}"
        yield SourceText(id=document_id(key), source=url or where, origin=str(path.resolve()), format="jsonl",
                         text=body, content_hash=content_hash(json.dumps(record, sort_keys=True)),
                         encoding=encoding, declared=declared, line=number)


def _parse_record(line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"bad JSON line: {exc.msg} at column {exc.colno}") from exc
    except RecursionError:
        raise BadRecord("bad JSON line: nested too deeply") from None
    if not isinstance(record, dict):
        raise BadRecord("a .jsonl line must be a JSON object with a 'text' field")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise BadRecord("the record has no 'text' (or it is empty)")
    return record


def _declared(record: dict) -> Declared:
    def text(key: str) -> str | None:
        value = record.get(key)
        return value.strip() or None if isinstance(value, str) else None

    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(";", ",").split(",")]
    if not isinstance(authors, list | tuple):
        raise BadRecord("'authors' must be a list of names or a string")
    authors = tuple(a for a in authors if isinstance(a, str) and a.strip())
    return Declared(title=text("title"), url=text("url"), outlet=text("outlet"),
                    published=text("published"), authors=authors)


def _check_length(text: str, settings: Settings) -> None:
    if len(text) > settings.max_document_chars:
        raise TooLarge(f"document of {len(text):,} characters is over the limit of "
                       f"{settings.max_document_chars:,} (raise --max-doc-chars to read it)")


def document_id(key: str) -> str:
    """A stable id for the document read from ``key`` (absolute path, URL or path:line)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
