import duckdb
import pytest

from sitroom.clean.document import clean
from sitroom.errors import RoomError, SchemaMismatch
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.store.room import SCHEMA_VERSION, Room

TEXT = ("Headline Of The Story\n\nThe first paragraph of the story is long enough to be prose.\n\n"
        "  1. a_reader Offline a_reader\n    a_reader 1 March 2022 10: 00\n    First!\n"
        "  2. b_reader Offline b_reader\n    b_reader 1 March 2022 11: 00\n    Second.\n")


def _doc(text=TEXT, digest="1"):
    return clean(SourceText(id="d1", source="s.txt", origin="s.txt", format="text", text=text,
                            content_hash=digest, encoding="utf-8"))


def _count(room, table):
    return room.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_room_has_the_schema_version(tmp_path):
    with Room(tmp_path / "r.duckdb") as room:
        version = room.db.execute("SELECT value FROM room_meta WHERE key='schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)


def test_save_replaces_everything_derived(tmp_path):
    with Room(tmp_path / "r.duckdb") as room:
        room.save(_doc(), "p1")
        assert _count(room, "comments") == 2
        room.save(_doc(TEXT.split("  1.")[0], "2"), "p1")
        assert _count(room, "comments") == 0
        assert _count(room, "documents") == 1
        assert room.state("d1")[0] == "2"


def test_failures_are_recorded_and_cleared_by_success(tmp_path):
    with Room(tmp_path / "r.duckdb") as room:
        room.record_failure(Failure("s.txt", "ingest", "binary content"))
        assert _count(room, "failures") == 1
        room.save(_doc(), "p1")
        assert _count(room, "failures") == 0


def test_other_schema_versions_are_refused_with_advice(tmp_path):
    path = tmp_path / "old.duckdb"
    with Room(path) as room:
        room.db.execute("UPDATE room_meta SET value = '0'")
    with pytest.raises(SchemaMismatch, match="rebuild"):
        Room(path, read_only=True)


def test_a_room_of_the_schema_before_is_brought_up_to_date_keeping_its_overrides(tmp_path):
    path = tmp_path / "v1.duckdb"
    with Room(path) as room:
        room.save(_doc(), "p1")
        room.db.execute("INSERT INTO actor_overrides VALUES (1, 'merge', 'a', 'b', now())")
        room.db.execute("ALTER TABLE mentions DROP COLUMN sense")
        room.db.execute("UPDATE room_meta SET value = '1'")
    with pytest.raises(SchemaMismatch, match="run `sitroom build` on it once"):
        Room(path, read_only=True)
    with Room(path) as room:
        assert room.db.execute("SELECT value FROM room_meta").fetchone()[0] == str(SCHEMA_VERSION)
        assert _count(room, "actor_overrides") == 1
        assert "sense" in {row[0] for row in room.db.execute("DESCRIBE mentions").fetchall()}
    Room(path, read_only=True).close()


def test_foreign_databases_are_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(SchemaMismatch, match="not a sitroom room"):
        Room(path)


def test_reading_a_missing_room_says_how_to_make_one(tmp_path):
    with pytest.raises(RoomError, match="sitroom build"):
        Room(tmp_path / "none.duckdb", read_only=True)
