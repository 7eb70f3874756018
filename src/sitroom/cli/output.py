"""Shared output for read commands: a rich table on a terminal, or JSON with --json."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click
from rich.console import Console
from rich.table import Table

out = Console()
if not out.is_terminal:  # piped or captured: no width to fit, so do not squeeze columns
    out = Console(width=200)
err = Console(stderr=True, soft_wrap=True)


def json_option(function):
    return click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")(function)


def emit(rows: list[dict], columns: Sequence[str], as_json: bool, title: str | None = None,
         wrap: Sequence[str] = ()) -> None:
    """Rows as JSON, or as a table of ``columns``; only the ``wrap`` columns may wrap."""
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        err.print(f"[dim]no {title or 'rows'}[/dim]")
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold" if column in wrap else "ellipsis",
                         no_wrap=column not in wrap, ratio=2 if column in wrap else None)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    out.print(table)
