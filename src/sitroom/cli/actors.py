"""`sitroom actors` (list, explain, merge, split) and `sitroom actor NAME` (the dossier)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.core import ParameterSource
from rich.text import Text

from sitroom.cli.options import LEADING_DB, db_option, reading
from sitroom.cli.output import amount, emit, err, format_option, out, visible
from sitroom.errors import SitroomError
from sitroom.model.mention import ACTOR_KINDS
from sitroom.query import actors as query
from sitroom.query.dossier import full_dossier
from sitroom.resolve.corpus import resolve_actors, room_local_actors
from sitroom.resolve.explain import explain
from sitroom.resolve.overrides import NoChange, anchor, preview
from sitroom.store.room import Room

KINDS = list(ACTOR_KINDS)


@click.group("actors", invoke_without_command=True)
@db_option(required=False)
@click.option("--kind", type=click.Choice(KINDS), help="Only actors of this kind.")
@format_option
@click.pass_context
def actors_group(ctx: click.Context, db: Path | None, kind: str | None, fmt: str) -> None:
    """List the actors in the room: every person, organisation, state, armed group and place,
    with their names and roles across documents. Subcommands explain, merge and split them
    (``--db`` before or after the subcommand)."""
    ctx.obj = {"db": db}
    if db is not None and ctx.get_parameter_source("db") is ParameterSource.COMMANDLINE:
        ctx.meta[LEADING_DB] = db  # `actors --db ROOM merge ...`: before SITROOM_DB for the subcommand
    if ctx.invoked_subcommand is not None:
        return
    if db is None:
        raise click.MissingParameter(ctx=ctx, param=next(p for p in ctx.command.params if p.name == "db"))
    with reading(db) as room:
        rows = query.summaries(room, kind)
    emit(rows, ("id", "name", "kind", "country", "documents", "mentions", "aliases", "roles"), fmt,
         title="actors", wrap=("aliases", "roles"))


@actors_group.command("explain")
@click.argument("a")
@click.argument("b")
@db_option(required=False)
@click.pass_obj
def explain_command(obj: dict, a: str, b: str, db: Path | None) -> None:
    """Say why the names A and B are, or are not, one actor (exit 1 when no actor or mention is called
    one of them)."""
    with reading(_room(obj, db)) as room:
        for name in (a, b):
            _known(room, name)
        nodes = room_local_actors(room)
        lines = explain(nodes, a, b)
        now = [query.find(room, name) for name in (a, b)]
    for line in lines:
        out.print(Text(visible(line)))
    ids = [{x["id"] for x in found} for found in now]
    verdict = "one actor" if ids[0] and ids[0] == ids[1] else "different actors"
    out.print(Text(visible(f"in the room now: {verdict} ({', '.join(sorted(ids[0])) or '-'} / "
                           f"{', '.join(sorted(ids[1])) or '-'}); overrides apply after the rules")))


@actors_group.command("merge")
@click.argument("a")
@click.argument("b")
@db_option(required=False)
@click.pass_obj
def merge_command(obj: dict, a: str, b: str, db: Path | None) -> None:
    """Make the actors A and B one actor (kept across rebuilds). Name each by its id (as `sitroom actors`
    lists it), its name, or words its mentions are written with; a name several actors bear means the
    actor of that name with most mentions."""
    _override(_room(obj, db), "merge", a, b)


@actors_group.command("split")
@click.argument("actor")
@click.argument("name")
@db_option(required=False)
@click.pass_obj
def split_command(obj: dict, actor: str, name: str, db: Path | None) -> None:
    """Take the mentions written NAME out of ACTOR into an actor of their own, named NAME (kept across
    rebuilds). ACTOR is an id, a name or words, as for merge. What moves is each document's actor written
    NAME there, with its other mentions in that document."""
    _override(_room(obj, db), "split", actor, name)


def _room(obj: dict, db: Path | None) -> Path:
    """The --db given after the subcommand, else the one given to `actors`; one is needed."""
    if db is None and obj.get("db") is None:
        raise click.UsageError("Missing option '--db' (before or after the subcommand, or SITROOM_DB)")
    return db or obj["db"]


@actors_group.command("overrides")
@db_option(required=False)
@click.option("--undo", type=click.IntRange(min=1), metavar="N",
              help="Remove the N-th merge or split (numbers as listed) and resolve the actors again.")
@format_option
@click.pass_obj
def overrides_command(obj: dict, db: Path | None, undo: int | None, fmt: str) -> None:
    """List your merges and splits in the order given (they apply after the rules, in every build;
    `applies` is false for one whose actors the last resolution no longer found, or that changed
    nothing), or undo one with --undo N."""
    db = _room(obj, db)
    if undo is not None:
        with Room(db) as room:
            try:
                gone = room.remove_override(undo)
            except KeyError:
                raise SitroomError(f"there is no override {undo} (see `sitroom actors overrides`)") from None
            resolve_actors(room)
        err.print(Text(visible(f"undone: {gone['action']} {gone['a']} / {gone['b']}")))
        return
    with reading(db) as room:
        rows = room.recorded_overrides()
    emit(rows, ("number", "action", "a", "b", "applies", "recorded"), fmt, title="overrides")


def _override(db: Path, action: str, a: str, b: str) -> None:
    """Record the merge or split if it changes the actors, resolve, and say what it made."""
    a, b = a.strip(), b.strip()
    with Room(db) as room:
        ka, kb = _known(room, a), (_known(room, b) if action == "merge" else b)
        try:
            made = preview(room_local_actors(room), room.overrides(), action, ka, kb, shown=(a, b))
        except NoChange as exc:
            raise SitroomError(f"{action} {a} / {b} would change nothing: {exc} (see `sitroom actor`); "
                               "nothing recorded") from None
        number = room.add_override(action, ka, kb)
        resolve_actors(room)
    done = (f"merged: {a} and {b} are now one actor, {made[1]} ({made[0]})" if action == "merge" else
            f"split: the mentions of {a} written {b!r} are now {made[1]} ({made[0]})")
    err.print(Text(visible(f"{done}; recorded as override {number} (undo with "
                           f"`sitroom actors overrides --undo {number}`)")))


def _known(room: Room, ref: str) -> str:
    """``ref`` as the override keeps it: an actor's id (any case) as an anchor to one of its document
    actors (``Name@document#cluster``, since which actor an id names can change when actors do), else a
    name of an actor or words some mention names it with (not a pronoun), as given. Raises SitroomError
    for anything else."""
    ref = ref.strip()
    member = room.db.execute("""
        SELECT a.name, am.document, am.cluster,
               count(*) FILTER (WHERE lower(m.text) = lower(a.name)) AS written_so,
               mode(m.text) FILTER (WHERE NOT m.pronoun) AS written
        FROM actors a JOIN actor_members am ON am.actor = a.id
        JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
        WHERE lower(a.id) = lower(?)
        GROUP BY ALL ORDER BY written_so DESC, count(*) DESC, am.document, am.cluster LIMIT 1""",
        [ref]).fetchone()
    if member:
        name, document, cluster, written_so, written = member
        return anchor(name if written_so else written, document, cluster)
    named = room.db.execute("SELECT 1 FROM actors WHERE lower(name) = lower(?) UNION ALL "
                            "SELECT 1 FROM mentions WHERE NOT pronoun AND lower(text) = lower(?) LIMIT 1",
                            [ref, ref]).fetchone()
    if named:
        return ref
    raise SitroomError(f"no actor or mention in the room is called {ref!r} (see `sitroom actors`)")


@click.command("actor")
@click.argument("name")
@db_option
@format_option
def actor_command(name: str, db: Path, fmt: str) -> None:
    """Show the dossier of the actor called NAME: names, roles, the actors it acts with, its events, quotes
    and numbers, documents, every mention in its sentence. With --csv, one row per mention (actor,
    document, characters, words, sentence)."""
    with reading(db) as room:
        found = query.find(room, name)
        if not found:
            raise SitroomError(f"no actor is called {name!r} (see `sitroom actors`)")
        if len(found) > 1 and fmt == "table":
            emit([{"id": a["id"], "name": a["name"], "kind": a["kind"]} for a in found],
                 ("id", "name", "kind"), fmt, title=f"{len(found)} actors match {name!r}; name one by id")
            return
        dossiers = [full_dossier(room, a) for a in found]
    if fmt == "json":
        click.echo(json.dumps(dossiers if len(dossiers) > 1 else dossiers[0], ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        emit([{"actor": d["id"], "name": d["name"], "document": m["document"], "start": m["start"],
               "end": m["end"], "text": m["text"],
               "sentence": " ".join((m["sentence"] or {}).get("text", "").split())}
              for d in dossiers for m in d["mentions"]],
             ("actor", "name", "document", "start", "end", "text", "sentence"), fmt)
        return
    _print_dossier(dossiers[0])


def _print_dossier(d: dict) -> None:
    def line(*parts) -> None:  # str parts are literal text, (text, style) pairs are styled
        out.print(Text.assemble(*((visible(p), "") if isinstance(p, str) else (visible(p[0]), p[1])
                                  for p in parts)))

    line((d["name"], "bold"), f"  {d['kind']}  {d['country'] or ''}  ({d['id']})")
    line("names: " + "; ".join(d["aliases"]))
    if d["roles"]:
        line("roles:")
        for role in d["roles"]:
            when = role["when"]
            span = f" ({when['start']}–{when['end'] or ''})" if when else ""
            line(f"  • {role['title']}{span}  — “{role['evidence']['text']}”")
    if d["co_actors"]:
        line("acts with (events together: cooperation / conflict):")
        for c in d["co_actors"][:15]:
            line(f"  • {c['name']} ({c['id']}): {c['events']}: {c['cooperation']} / {c['conflict']}")
    if d["events"]:
        line(f"events ({len(d['events'])}):")
        for e in d["events"]:
            line(f"  • {e['when']['start'] if e['when'] else 'undated'}  {e['type']}  {e['summary']}"
                 + ("" if e["status"] == "reported" else f"  ({e['status']})"))
    if d["quotes"]:
        line(f"quotes ({len(d['quotes'])}):")
        for q in d["quotes"]:
            where = f"{q['evidence']['document']}:{q['evidence']['start']}"
            line(f"  • [{where}] “{' '.join(q['text'].split())}”")
    if d["claims"]:
        line(f"numbers ({len(d['claims'])}):")
        for c in d["claims"]:
            written = " ".join(c["evidence"]["text"].split())
            line(f"  • {c['subject']}: {amount(c, approximate=True)} {c['unit']}  — “{written}”")
    line("documents:")
    for doc in d["documents"]:
        line(f"  • {doc['id']}  {doc['title'] or ''}")
    line(f"mentions ({len(d['mentions'])}):")
    for m in d["mentions"]:
        sentence = m["sentence"]["text"] if m["sentence"] else m["text"]
        line(f"  • [{m['document']}:{m['start']}] {m['text']}: {' '.join(sentence.split())}")
