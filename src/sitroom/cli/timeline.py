"""`sitroom timeline`: dated events in order, each with its sources."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from sitroom.cli.options import PartialDate, db_option, reading
from sitroom.cli.output import cell, emit, format_option, out
from sitroom.model.plover import TYPES
from sitroom.query.events import timeline


@click.command("timeline")
@db_option
@click.option("--actor", help="Only events with this actor (id, name or alias).")
@click.option("--type", "kind", type=click.Choice(TYPES, case_sensitive=False), help="Only this PLOVER type.")
@click.option("--from", "since", type=PartialDate(),
              help="From this partial date (2021, 2021-07, 2021-07-08).")
@click.option("--to", "until", type=PartialDate(), help="Up to this partial date, inclusive.")
@click.option("--source", help="Only events reported by documents whose path, URL or outlet holds this.")
@click.option("--dated", is_flag=True, help="Only events whose date the text gives (no inferred dates).")
@format_option
def timeline_command(db: Path, actor: str | None, kind: str | None, since: str | None, until: str | None,
                     source: str | None, dated: bool, fmt: str) -> None:
    """Events in date order, each with who did what to whom, its status and the sentences it is read in.

    Inferred dates (the document's date, where the text gives none) are marked with "~".
    """
    with reading(db) as room:
        rows = timeline(room, actor, kind, since, until, dated, source)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        flat = [{"start": (r["when"] or {}).get("start"), "end": (r["when"] or {}).get("end"),
                 "basis": (r["when"] or {}).get("basis"), "type": r["type"], "status": r["status"],
                 "source": r["source_names"], "target": r["target_names"], "summary": r["summary"],
                 "evidence": " ".join(r["evidence"][0]["text"].split()) if r["evidence"] else "",
                 "documents": r["documents"], "id": r["id"]} for r in rows]
        emit(flat, ("start", "end", "basis", "type", "status", "source", "target", "summary", "evidence",
                    "documents", "id"), "csv")
        return
    table = Table(title=f"timeline ({len(rows)} events)")
    for column, wrap in (("when", False), ("type", False), ("status", False), ("event", True),
                         ("evidence", True)):
        table.add_column(column, no_wrap=not wrap, overflow="fold", ratio=3 if wrap else None)
    for row in rows:
        when = row["when"]
        stamp = "" if when is None else ("~" if when["basis"] == "inferred" else "") + when["start"] + (
            f"–{when['end']}" if when["end"] else "")
        quote = " ".join(row["evidence"][0]["text"].split()) if row["evidence"] else ""
        more = f" (+{len(row['evidence']) - 1} more, {len(row['documents'])} documents)" \
            if len(row["evidence"]) > 1 else ""
        table.add_row(*map(cell, (stamp, row["type"], row["status"], row["summary"], quote[:300] + more)))
    out.print(table)
