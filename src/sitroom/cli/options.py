"""Options shared by commands, and opening the room for a read command."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import duckdb
from rich.text import Text

from sitroom.store.access import room_error
from sitroom.store.room import Room

DB_HELP = "The room: a DuckDB file (created by `build`)."
STALE = ("warning: the actors, events and disagreements do not yet cover every document (a build was "
         "interrupted or is running); run `sitroom build` again, or `sitroom resolve`")


def db_option(function):
    return click.option("--db", "db", required=True, type=click.Path(dir_okay=False, path_type=Path),
                        envvar="SITROOM_DB", show_envvar=True, help=DB_HELP)(function)


@contextmanager
def reading(db: Path) -> Iterator[Room]:
    """The room opened read-only; says on standard error when its corpus-wide picture lags behind."""
    from sitroom.cli.output import err

    with Room(db, read_only=True) as room, damage_reported(db):
        if not room.resolved:
            err.print(Text(STALE, style="yellow"))
        yield room


@contextmanager
def damage_reported(db: Path) -> Iterator[None]:
    """A DuckDB error while using the room (a garbled page met by a query) as one clear line."""
    try:
        yield
    except duckdb.Error as exc:
        raise room_error(db, exc) from exc
