"""Opening a room, checking its schema version, and writing each document whole or not at all."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from sitroom.errors import RoomBusy, RoomError, SchemaMismatch
from sitroom.model.document import Document
from sitroom.model.failure import Failure
from sitroom.store import access
from sitroom.store.resolved import ResolvedTables, now
from sitroom.store.rows import document_rows

if TYPE_CHECKING:
    from sitroom.extract.analysis import Analysis

SCHEMA_VERSION = 5
WRITER_WAIT = 30.0
READER_WAIT = 5.0
_MIGRATIONS = {1: ["ALTER TABLE mentions ADD COLUMN IF NOT EXISTS sense VARCHAR"],
               2: ["ALTER TABLE claims ADD COLUMN IF NOT EXISTS upper DOUBLE"],
               3: ["ALTER TABLE claims ADD COLUMN IF NOT EXISTS about_mention INTEGER"],
               4: []}  # (actor_keys, resolved_documents: new tables, made by schema.sql; an older
# sitroom that knows them not must not write the room, or they would no longer describe it)
"""For each older schema version, the statements that bring it to the next one."""
_DERIVED = ("paragraphs", "boilerplate", "comments", "sentences", "mentions", "roles", "time_expressions",
            "event_mentions", "quotes", "claims", "sentence_vectors")


class Room(ResolvedTables):
    """A DuckDB file holding documents and everything derived from them."""

    def __init__(self, path: str | Path, *, read_only: bool = False, wait: float | None = None,
                 existing: bool = False):
        """Open the room; while another process writes it, wait up to ``wait`` seconds (default:
        ``WRITER_WAIT`` for writers, ``READER_WAIT`` for readers), then fail with RoomBusy. A file
        that is not a readable sitroom room fails with RoomError naming the fix, and so does a
        missing file when reading or when the room must be ``existing`` (else it is made)."""
        self.path = Path(path)
        self.read_only = read_only
        if (read_only or existing) and not self.path.exists():
            raise RoomError(
                f"no room at {self.path}: build one first with `sitroom build PATH --db {self.path}`")
        default = READER_WAIT if read_only else WRITER_WAIT
        wait = default if wait is None else wait
        if read_only:
            access.wait_for_writer(self.path, wait)
        self._intent = None if read_only else access.Intent(self.path)
        try:
            self.db = self._connect(read_only, wait)
            try:
                self._check_version() if read_only else self._create()
            except BaseException as exc:
                self.db.close()
                if isinstance(exc, duckdb.Error):
                    raise access.room_error(self.path, exc) from exc
                raise
        except BaseException:
            if self._intent is not None:
                self._intent.release()
            raise

    def _connect(self, read_only: bool, wait: float):
        deadline = time.monotonic() + wait
        delay = 0.05
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise access.room_error(self.path, exc) from exc
                if time.monotonic() >= deadline:
                    raise RoomBusy(access.busy_message(self.path, exc, writing=not read_only)) from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
            except duckdb.Error as exc:
                raise access.room_error(self.path, exc) from exc

    def __enter__(self) -> Room:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        if self._intent is not None:
            self._intent.release()

    def _create(self) -> None:
        self._migrate()
        self._check_version(allow_new=True)
        self.db.execute(resources.files("sitroom.store").joinpath("schema.sql").read_text("utf-8"))
        self.db.execute("INSERT INTO room_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                        [str(SCHEMA_VERSION)])

    def _migrate(self) -> None:
        """Bring a room of an older schema this sitroom knows how to extend up to date, in one
        transaction, keeping everything in it (the user's overrides above all); the next build then
        re-analyses its documents, since the pipeline changed too. Schema 1 -> 2: ``mentions.sense``."""
        found = self._stored_version() if "room_meta" in self._tables() else None
        if found not in _MIGRATIONS:
            return
        self.db.execute("BEGIN TRANSACTION")
        try:
            for version in range(found, SCHEMA_VERSION):
                for statement in _MIGRATIONS[version]:
                    self.db.execute(statement)
            self.db.execute("UPDATE room_meta SET value = ? WHERE key = 'schema_version'",
                            [str(SCHEMA_VERSION)])
            self.db.execute("COMMIT")
        except duckdb.Error:
            self.db.execute("ROLLBACK")
            raise

    def _tables(self) -> set[str]:
        return {row[0] for row in self.db.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}

    def _stored_version(self) -> int | None:
        row = self.db.execute("SELECT value FROM room_meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            return None
        try:
            return int(row[0])
        except (TypeError, ValueError):
            bad = ValueError(f"schema version {row[0]!r} is not a number")
            raise access.damaged(self.path, bad) from None

    def _check_version(self, allow_new: bool = False) -> None:
        tables = self._tables()
        if "room_meta" not in tables:
            if allow_new and not tables:
                return
            raise SchemaMismatch(f"{self.path} is not a sitroom room (no room_meta table)")
        found = self._stored_version()
        if found != SCHEMA_VERSION:
            raise SchemaMismatch(
                f"{self.path} has schema version {found}, this sitroom writes {SCHEMA_VERSION}: "
                + ("run `sitroom build` on it once to bring it up to date" if found in _MIGRATIONS else
                   "rebuild it into a new room with `sitroom build PATH --db NEW.duckdb`"))

    # --- writing -------------------------------------------------------------------------------

    def state(self, document_id: str) -> tuple[str, str] | None:
        """``(content_hash, pipeline)`` of the stored version of a document, if any."""
        row = self.db.execute("SELECT content_hash, pipeline FROM documents WHERE id = ?",
                              [document_id]).fetchone()
        return (row[0], row[1]) if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside lands together or not at all."""
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def save(self, doc: Document, pipeline: str, analysis: Analysis | None = None, *,
             new: bool = False) -> None:
        """Replace the document and everything derived from it, in one transaction.

        ``pipeline`` names the code that derived it, so that a newer sitroom rebuilds it.
        """
        self.save_many([(doc, pipeline, analysis, new)])

    def save_many(self, items: Sequence[tuple[Document, str, Analysis | None, bool]]) -> None:
        """``save`` for several ``(doc, pipeline, analysis, new)`` at once: one transaction (all of them
        are written, or none), one insert per table (a statement costs ~2 ms, whatever its rows)."""
        if not items:
            return
        tables: dict[str, list[tuple]] = {}
        for doc, pipeline, analysis, _ in items:
            for table, rows in document_rows(doc, pipeline, analysis, now()).items():
                tables.setdefault(table, []).extend(rows)
        replaced = [doc.id for doc, _, _, new in items if not new]
        with self.transaction():
            for doc_id in replaced:
                self._delete(doc_id)
            self._mark_unresolved(dropped=bool(replaced))
            for table, rows in tables.items():
                self._many(table, rows)
            self.db.execute("DELETE FROM failures WHERE list_contains(?, source)",
                            [[doc.source.source for doc, _, _, _ in items]])

    def states(self) -> dict[str, tuple[str, str]]:
        """``state`` of every document, read at once: ``{id: (content_hash, pipeline)}``."""
        return {row[0]: (row[1], row[2]) for row in self.db.execute(
            "SELECT id, content_hash, pipeline FROM documents").fetchall()}

    def documents_by_origin(self) -> dict[str, list[str]]:
        """``{origin: [document id, ...]}``: what each file was read into."""
        found: dict[str, list[str]] = {}
        for doc_id, origin in self.db.execute("SELECT id, origin FROM documents ORDER BY id").fetchall():
            found.setdefault(origin, []).append(doc_id)
        return found

    def remove(self, doc_ids: list[str]) -> None:
        """Drop documents and everything derived from them, in one transaction."""
        if not doc_ids:
            return
        with self.transaction():
            for doc_id in doc_ids:
                self._delete(doc_id)
            self._mark_unresolved(dropped=True)

    def origins(self) -> list[str]:
        """The files documents were read from (absolute paths; relative in rooms of older sitrooms)."""
        rows = self.db.execute("SELECT DISTINCT origin FROM documents ORDER BY 1").fetchall()
        return [row[0] for row in rows]

    def documents_from(self, origins: list[str]) -> list[str]:
        """Ids of the documents read from ``origins``."""
        if not origins:
            return []
        return [row[0] for row in self.db.execute(
            "SELECT id FROM documents WHERE list_contains(?, origin) ORDER BY id", [origins]).fetchall()]

    def failure_sources(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT source FROM failures ORDER BY 1").fetchall()]

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of a file (and of its .jsonl lines) before reading it again."""
        self.db.execute("DELETE FROM failures WHERE source = ? OR starts_with(source, ? || ':')",
                        [source, source])

    def record_failure(self, failure: Failure) -> None:
        self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)",
                        [failure.source, failure.stage, failure.reason, now()])

    def _delete(self, doc_id: str) -> None:
        """Remove a document and its rows (the caller marks the corpus-wide picture unresolved)."""
        for table in _DERIVED:
            self.db.execute(f"DELETE FROM {table} WHERE document = ?", [doc_id])
        self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def _many(self, table: str, rows: list[tuple]) -> None:
        """Insert rows in one statement, read by DuckDB from an Arrow table (a multi-row VALUES statement
        costs ~3 ms per 400 rows to parse and bind; an Arrow scan inserts 400,000 rows in ~0.5 s).
        Columns go by position, as in VALUES. pyarrow infers each column's type from its values (so a
        column must hold one kind of value: ints and floats mix, None anywhere; not True with 1, 5 with
        "x", nor an int beyond 64 bits: ArrowInvalid), and DuckDB casts it to the table's type."""
        if not rows:
            return
        columns = {f"c{k}": pa.array(column) for k, column in enumerate(zip(*rows, strict=True))}
        self.db.from_arrow(pa.table(columns)).insert_into(table)

