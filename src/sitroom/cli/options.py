"""Options shared by commands, and opening the room for a read command."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import duckdb
from click.core import ParameterSource
from rich.text import Text

from sitroom.errors import SitroomError
from sitroom.model.dates import is_partial_date
from sitroom.store.access import room_error
from sitroom.store.room import Room

DB_HELP = "The room: a DuckDB file (created by `build`)."
STALE = ("warning: the actors, events and disagreements do not yet cover every document (a build was "
         "interrupted or is running); run `sitroom build` again, or `sitroom resolve`")


LEADING_DB = "sitroom.db"
"""Key in ``click.Context.meta`` of the ``--db`` given before the command (``sitroom --db ROOM cmd``)."""


def db_option(function=None, *, required: bool = True):
    """``--db ROOM`` (or SITROOM_DB); a group's is optional, so its subcommands may take it instead.
    Where the room comes from, first to last: ``--db`` after the command, ``--db`` before it,
    SITROOM_DB."""
    option = click.option("--db", "db", required=required, type=click.Path(dir_okay=False, path_type=Path),
                          envvar="SITROOM_DB", show_envvar=True, help=DB_HELP, callback=_leading_db)
    return option(function) if function is not None else option


def _leading_db(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    leading = ctx.meta.get(LEADING_DB)
    if leading is not None and ctx.get_parameter_source(param.name) is not ParameterSource.COMMANDLINE:
        return leading
    return value


class PartialDate(click.ParamType):
    """A date as precise as it is known: ``2021``, ``2021-07`` or ``2021-07-08`` (a real day)."""

    name = "DATE"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if is_partial_date(text):
            return text
        self.fail(f"{value!r} is not a date: write 2021, 2021-07 or 2021-07-08 (a day that exists)",
                  param, ctx)


def write_output(path: Path, text: str) -> None:
    """Write a command's output file; a path that cannot be written is one clear error."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SitroomError(f"cannot write {path}: {exc.strerror or exc}") from exc


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
