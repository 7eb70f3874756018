"""`sitroom` commands: build, documents, failures, export."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import click
from click.exceptions import NoArgsIsHelpError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from sitroom import __version__
from sitroom.build import BuildReport, build
from sitroom.cli.actors import actor_command, actors_group
from sitroom.cli.ask import ask_command, embed_command
from sitroom.cli.options import LEADING_DB, damage_reported, db_option, reading, write_output
from sitroom.cli.output import emit, err, format_option, visible
from sitroom.cli.search import search_command
from sitroom.cli.statements import claims_command, disagreements_command, quotes_command
from sitroom.cli.timeline import timeline_command
from sitroom.errors import SitroomError
from sitroom.export.json_export import dumps, export, validate
from sitroom.query import documents as docs
from sitroom.resolve.corpus import resolve_actors
from sitroom.settings import Settings
from sitroom.store.room import Room


class _Group(click.Group):
    """Every error is one line, never a traceback: a SitroomError exits 1, a usage error (a bad option,
    value or command) exits 2 and names the command's --help."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SitroomError as exc:
            _error(str(exc))
            sys.exit(1)

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError as exc:  # `sitroom` alone: the help, not an error
            click.echo(exc.ctx.get_help() if exc.ctx else "")
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "sitroom"
            _error(f"{exc.format_message()} (see `{where} --help`)")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _error(exc.format_message())
            sys.exit(exc.exit_code)
        except click.Abort:
            _error("aborted")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _error(message: str) -> None:
    err.print(Text.assemble(("error:", "bold red"), " ", visible(message)))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitroom")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The room for the command that follows (it may also take --db itself, or SITROOM_DB).")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """sitroom: turn a pile of news articles into an evidence-backed picture of a situation."""
    if db is not None:
        ctx.meta[LEADING_DB] = db  # before SITROOM_DB, which click would rank above a default map
        ctx.default_map = _db_defaults(ctx.command, db)


def _db_defaults(command: click.Command, db: Path) -> dict:
    """A default map giving ``db`` to every command below ``command`` that takes ``--db``."""
    found: dict = {"db": db} if any(p.name == "db" for p in command.params) else {}
    for name, sub in getattr(command, "commands", {}).items():
        found[name] = _db_defaults(sub, db)
    return found


def _finite(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if math.isnan(value):
        raise click.BadParameter("not a number", ctx, param)
    return value


@main.command("build")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-file-mb", type=click.FloatRange(0, 10**6, min_open=True), callback=_finite,
              default=Settings.max_file_bytes / 2**20, show_default=True,
              help="Refuse files larger than this many megabytes (a .jsonl file counts whole).")
@click.option("--max-doc-chars", type=click.IntRange(1, 10**9), default=Settings.max_document_chars,
              show_default=True, help="Refuse documents longer than this many characters.")
@click.option("--max-doc-seconds", type=click.FloatRange(0, 10**6, min_open=True), callback=_finite,
              default=Settings.max_document_seconds, show_default=True,
              help="Time budget in seconds for cleaning and analysing one document.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline: an installed package or path, or `sm` (default) / `md`.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where documents are analysed: here, or on Ray (needs `pip install 'sitroom[ray]'`).")
@click.option("--workers", type=click.IntRange(1, 256), default=min(4, len(os.sched_getaffinity(0))),
              show_default="the cores, at most 4",
              help="Processes that clean and analyse documents (local engine), each using the spaCy "
                   "pipeline (~300 MB; on Linux shared with the writer, which loads it once); the room is "
                   "written by one.")
@click.option("--address", default=None,
              help="Ray cluster address (with --engine ray; default: start a local one).")
@click.option("--force", is_flag=True, help="Process every document again, even if unchanged.")
@click.option("--keep-missing", is_flag=True,
              help="Keep the documents of files that were deleted (by default a build of a folder "
                   "removes them).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; failures and summary only.")
def build_command(paths: tuple[str, ...], db: Path, max_file_mb: float, max_doc_chars: int,
                  max_doc_seconds: float, model: str | None, engine: str, workers: int, address: str | None,
                  force: bool, keep_missing: bool, quiet: bool) -> None:
    """Read PATHS (files and folders of .txt, .md, .html, .jsonl) into the room at --db.

    Re-running on the same input changes nothing; a changed file replaces its old version; the
    documents of files deleted from a folder given (or of a missing file named) are removed.
    Exits 1 when any document failed (each failure is listed and recorded in the room).
    """
    settings = Settings(max_file_bytes=int(max_file_mb * 2**20), max_document_chars=max_doc_chars,
                        max_document_seconds=max_doc_seconds)
    with _ProgressBar(disabled=quiet) as bar:
        report = build(paths, db, settings, progress=bar, force=force, model=model, engine=engine,
                       address=address, keep_missing=keep_missing, workers=workers)
    _print_report(report, db)
    if not report.ok:
        sys.exit(1)


@main.command("resolve")
@db_option
@click.option("--full", is_flag=True, help="Resolve every document anew, even when documents were only "
              "added since the last resolution (which resolves just them against the room's actors).")
def resolve_command(db: Path, full: bool) -> None:
    """Rebuild the actors, events and disagreements across every document in the room (what each
    build does at its end; needed after an interrupted build)."""
    with Room(db) as room, damage_reported(db):
        resolve_actors(room, full=full)
        counts = [room.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "actors", "events")]
    err.print(Text("resolved {}: {} documents · {} actors · {} events".format(visible(str(db)), *counts)))


@main.command("documents")
@db_option
@format_option
def documents_command(db: Path, fmt: str) -> None:
    """List the documents in the room with their metadata."""
    with reading(db) as room:
        rows = docs.summaries(room)
    if fmt != "json":
        for row in rows:
            row["file"] = Path(row["source"]).name
    emit(rows, ("id", "file", "title", "outlet", "published", "published_basis", "language",
                "body_chars", "comments"), fmt, title="documents", wrap=("title",))


@main.command("failures")
@db_option
@format_option
def failures_command(db: Path, fmt: str) -> None:
    """List the inputs that could not be read, with the stage and the reason."""
    with reading(db) as room:
        rows = docs.failures(room)
    emit(rows, ("source", "stage", "reason"), fmt, title="failures", wrap=("reason",))


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet", "graphml", "ftm"]),
              default="json", show_default=True,
              help="json: the JSON contract, version 1 (a file); csv or parquet: one file per table (a "
              "folder); graphml: the actor network, for Gephi (a file); ftm: FollowTheMoney entities for "
              "Aleph, one per line (a file; needs sitroom[ftm]).")
@click.option("--output", "-o", required=True,
              help="File to write (json, graphml, ftm; - for standard output), or folder (csv, parquet).")
def export_command(db: Path, fmt: str, output: str) -> None:
    """Write everything the room knows: one JSON object (see docs/export-format.md), flat tables as CSV
    or Parquet (documents, actors, mentions, roles, events, event_actors, event_evidence, quotes, claims,
    disagreements), the actor network as GraphML, or FollowTheMoney entities."""
    from sitroom.export import ftm
    from sitroom.export.tables import write_graphml, write_tables

    with reading(db) as room:
        data = export(room)
    validate(data)
    if fmt in ("csv", "parquet"):
        if output == "-":
            raise click.BadParameter(f"{fmt} writes a folder of files: give a folder", param_hint="--output")
        try:
            written = write_tables(data, Path(output), fmt)
        except OSError as exc:
            raise SitroomError(f"cannot write {output}: {exc.strerror or exc}") from exc
        err.print(Text(f"wrote {len(written)} {fmt} tables to {visible(output)}"))
        return
    if fmt == "graphml":
        target = Path(output)
        try:
            nodes = write_graphml(data, sys.stdout.buffer if output == "-" else target)
        except OSError as exc:
            raise SitroomError(f"cannot write {output}: {exc.strerror or exc}") from exc
        if output != "-":
            err.print(Text(f"wrote {visible(output)}: {nodes} actors in the network"))
        return
    try:
        text = ftm.dumps(data) if fmt == "ftm" else dumps(data)
    except ftm.MissingLibrary as exc:
        raise SitroomError(str(exc)) from exc
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_output(Path(output), text)
        err.print(Text(f"wrote {visible(output)}: {len(data['documents'])} documents"))


@main.command("report")
@db_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
def report_command(db: Path, output: Path) -> None:
    """Write a self-contained offline HTML report: documents, timeline, actor network, quotes by
    speaker and disagreements, each item opening the sentence it was read from."""
    from sitroom.report import render

    with reading(db) as room:
        html = render(room)
    write_output(output, html)
    err.print(Text(f"wrote {visible(str(output))} ({len(html) / 2**20:.1f} MB)"))


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (localhost by default).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--allow-host", "allowed", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (repeatable); by default only this machine's "
              "names and --host are answered.")
def serve_command(db: Path, host: str, port: int, allowed: tuple[str, ...]) -> None:
    """Serve the room read-only in a local web UI (every page is also JSON with ?format=json)."""
    import uvicorn

    from sitroom.web.app import create_app

    app = create_app(db, (host, *allowed))  # fails here, with advice, when the room is missing or foreign
    err.print(Text(f"serving {visible(str(db))} read-only at http://{host}:{port}/ (Ctrl-C to stop)"))
    uvicorn.run(app, host=host, port=port, log_level="warning")


class _ProgressBar:
    def __init__(self, disabled: bool):
        self.bar = Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.description}", markup=False), console=err,
                            transient=True, disable=disabled or not err.is_terminal)
        self.task = None

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        self.bar.__exit__(*exc)

    def files_found(self, total: int) -> None:
        self.task = self.bar.add_task("", total=total)

    def file_done(self, source: str) -> None:
        self.bar.update(self.task, advance=1, description=visible(Path(source).name))


def _print_report(report: BuildReport, db: Path) -> None:
    for failure in report.failed:
        err.print(Text.assemble(("failed", "red"), f" {visible(failure.source)}: [{failure.stage}] ",
                                visible(failure.reason)))
    parts = [f"added {len(report.added)}", f"updated {len(report.updated)}",
             f"unchanged {len(report.unchanged)}"]
    if report.removed:
        parts.append(f"removed {len(report.removed)}")
    parts.append(f"failed {len(report.failed)}")
    err.print(Text(f"{visible(str(db))}: " + " · ".join(parts)))


main.add_command(actors_group)
main.add_command(timeline_command)
main.add_command(quotes_command)
main.add_command(claims_command)
main.add_command(disagreements_command)
main.add_command(actor_command)
main.add_command(search_command)
main.add_command(ask_command)
main.add_command(embed_command)
