"""Files and folders to SourceText records; every problem becomes a Failure, never an exception."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitroom.errors import BadRecord, InputError, TooLarge, UnsupportedFormat
from sitroom.ingest.decode import decode
from sitroom.model.document import Declared, SourceText
from sitroom.model.failure import Failure
from sitroom.settings import DEFAULT, SUPPORTED_SUFFIXES, Settings

_FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def discover(paths: Iterable[str]) -> Iterator[tuple[str, Path] | Failure]:
    """Yield ``(source, path)`` for every readable file under ``paths``, in a stable order.

    ``source`` is the path as the user gave it (joined with the file's place inside a folder).
    Hidden files and files of other types inside folders are skipped; a file named directly that
    sitroom cannot read, or a path that does not exist, is a Failure.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                        continue
                    yield os.path.join(root, name), Path(root) / name
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                kinds = ", ".join(SUPPORTED_SUFFIXES)
                yield Failure(given, "ingest", f"unsupported file type {path.suffix or '(none)'!r}; "
                              f"sitroom reads {kinds}")
            else:
                yield given, path
        else:
            yield Failure(given, "ingest", "no such file or folder")


def read_path(source: str, path: Path, settings: Settings = DEFAULT) -> Iterator[SourceText | Failure]:
    """Read one file into one SourceText (or one per line of a .jsonl file)."""
    fmt = _FORMATS.get(path.suffix.lower())
    try:
        if fmt is None:
            raise UnsupportedFormat(f"unsupported file type {path.suffix!r}")
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise TooLarge(f"file of {size:,} bytes is over the limit of {settings.max_file_bytes:,} "
                           "(raise max_file_bytes to read it)")
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
    yield SourceText(id=document_id(str(path.resolve())), source=source, origin=source, format=fmt,
                     text=text, content_hash=content_hash(text), encoding=encoding)


def _read_jsonl(source: str, path: Path, data: bytes,
                settings: Settings) -> Iterator[SourceText | Failure]:
    text, encoding = decode(data)
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
        yield SourceText(id=document_id(key), source=url or where, origin=source, format="jsonl",
                         text=body, content_hash=content_hash(json.dumps(record, sort_keys=True)),
                         encoding=encoding, declared=declared)


def _parse_record(line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"bad JSON line: {exc.msg} at column {exc.colno}") from exc
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
                       f"{settings.max_document_chars:,} (raise max_document_chars to read it)")


def document_id(key: str) -> str:
    """A stable id for the document read from ``key`` (absolute path, URL or path:line)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
