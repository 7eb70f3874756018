"""Options shared by commands."""

from pathlib import Path

import click

DB_HELP = "The room: a DuckDB file (created by `build`)."


def db_option(function):
    return click.option("--db", "db", required=True, type=click.Path(dir_okay=False, path_type=Path),
                        envvar="SITROOM_DB", show_envvar=True, help=DB_HELP)(function)
