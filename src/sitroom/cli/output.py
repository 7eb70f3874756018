"""Shared output for read commands: a rich table on a terminal, JSON with --json, CSV with --csv.

Text from documents and from the user is printed as rich ``Text`` built with ``visible``, never as
a markup string: ``[/b]`` in a title cannot break a table, ``[sic]`` stays on the page, and an
escape sequence in a document cannot recolour, retitle or clear the terminal.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from decimal import Decimal

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

out = Console()
if not out.is_terminal:  # piped or captured: no width to fit, so do not squeeze columns
    out = Console(width=200)
err = Console(stderr=True, soft_wrap=True)

# every control character but newline, shown: C0 as its control picture (ESC as ␛), a tab as a
# space, DEL as ␡, C1 (U+0080-U+009F, which some terminals obey as ESC sequences) as \x9b; the
# Unicode line and paragraph separators as newlines (rich measures them as line breaks, but a
# no-wrap cell would crop everything after one)
_VISIBLE = {**{c: chr(0x2400 + c) for c in range(0x20) if c != 0x0A}, 0x09: " ", 0x7F: "\u2421",
            **{c: f"\\x{c:02x}" for c in range(0x80, 0xA0)}, 0x2028: "\n", 0x2029: "\n"}


def visible(text: str) -> str:
    """``text`` with no control character a terminal would act on, except newline."""
    return text.replace("\r\n", "\n").translate(_VISIBLE)


def amount(claim: dict, approximate: bool = False) -> str:
    """A claim's number as read: "1,200,000,000", "0.125", a range "10,000–15,000"; with ``approximate``, "≈ "
    before a number the source gives as approximate."""
    def number(x: float) -> str:  # every digit read (to 15 significant, a float's), never an exponent
        text = format(Decimal(repr(float(f"{x:.15g}"))), ",f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    upper = claim.get("upper")
    about = "≈ " if approximate and claim.get("approximate") else ""
    return about + number(claim["value"]) + (f"–{number(upper)}" if upper is not None else "")


def cell(value) -> Text:
    """A value as literal table text: no markup, no emoji codes, no control characters."""
    return Text("" if value is None else visible(str(value)))


def json_option(function):
    return click.option("--json", "as_json", is_flag=True, help="Write JSON instead of a table.")(function)


def format_option(function):
    """``--json`` or ``--csv`` instead of the table: the command's ``fmt`` is "table", "json" or "csv"."""
    csv_flag = click.option("--csv", "fmt", flag_value="csv",
                            help="Write CSV (the table's columns, a header first) instead of a table.")
    json_flag = click.option("--json", "fmt", flag_value="json", help="Write JSON instead of a table.")
    table_flag = click.option("--table", "fmt", flag_value="table", default=True, hidden=True)
    return table_flag(json_flag(csv_flag(function)))


def emit(rows: list[dict], columns: Sequence[str], fmt: str, title: str | None = None,
         wrap: Sequence[str] = ()) -> None:
    """Rows as JSON (``fmt`` "json"), as CSV of ``columns`` ("csv": lists joined by "; ", no value
    empty), or as a table of ``columns`` ("table"); only the ``wrap`` columns may wrap."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_flat(row.get(c)) for c in columns] for row in rows)
        return
    if not rows:
        err.print(Text(f"no {visible(title or 'rows')}", style="dim"))
        return
    table = Table(title=None if title is None else cell(title), show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold" if column in wrap else "ellipsis",
                         no_wrap=column not in wrap, ratio=2 if column in wrap else None)
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    out.print(table)


def _flat(value) -> str:
    from sitroom.export.tables import spreadsheet_safe

    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return spreadsheet_safe("; ".join(_flat(v) for v in value))
    return spreadsheet_safe(str(value)) if isinstance(value, str) else str(value)
