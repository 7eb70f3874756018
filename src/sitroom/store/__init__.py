"""The room: the one DuckDB file everything sitroom learns is kept in."""

from sitroom.store.room import SCHEMA_VERSION, Room

__all__ = ["SCHEMA_VERSION", "Room"]
