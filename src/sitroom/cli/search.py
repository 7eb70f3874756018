"""`sitroom search`: the sentences that best answer a query, with where they stand."""

from __future__ import annotations

from pathlib import Path

import click

from sitroom.cli.options import PartialDate, db_option, reading
from sitroom.cli.output import emit, format_option
from sitroom.model.plover import TYPES
from sitroom.query.search import LIMIT, search


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=LIMIT, show_default=True,
              help="How many sentences to show.")
@click.option("--actor", help="Only sentences that name this actor (id, name or alias).")
@click.option("--type", "kind", type=click.Choice(TYPES, case_sensitive=False), metavar="PLOVER_TYPE",
              help="Only sentences reporting an event of this PLOVER type (ASSAULT, CONSULT, ...).")
@click.option("--source", help="Only documents whose path, URL or outlet holds this.")
@click.option("--from", "since", type=PartialDate(), help="Only documents published from this partial date.")
@click.option("--to", "until", type=PartialDate(), help="Only documents published up to this partial date.")
@format_option
def search_command(query: str, db: Path, limit: int, actor: str | None, kind: str | None,
                   source: str | None, since: str | None, until: str | None, fmt: str) -> None:
    """The sentences that best answer QUERY (BM25 ranking), best first, each with its document, date
    and character offsets. Exits 0 with no rows when nothing matches."""
    with reading(db) as room:
        try:
            rows = search(room, query, limit, actor, source, since, until, kind)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="QUERY") from exc
    if fmt != "json":
        rows = [{**r, "where": f"{r['document']}:{r['start']}-{r['end']}"} for r in rows]
    emit(rows, ("rank", "score", "text", "title", "published", "where"), fmt, title="sentences",
         wrap=("text", "title"))
