"""`sitroom actors` (list, explain, merge, split) and `sitroom actor NAME` (the dossier)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape

from sitroom.build import resolve_actors, room_local_actors
from sitroom.cli.options import db_option, reading
from sitroom.cli.output import emit, err, json_option, out
from sitroom.errors import SitroomError
from sitroom.query import actors as query
from sitroom.resolve.explain import explain
from sitroom.store.room import Room

KINDS = ["person", "organization", "state", "armed_group", "location", "other"]


@click.group("actors", invoke_without_command=True)
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="Only actors of this kind.")
@json_option
@click.pass_context
def actors_group(ctx: click.Context, db: Path, kind: str | None, as_json: bool) -> None:
    """List the actors in the room: every person, organisation, state, armed group and place,
    with their names and roles across documents. Subcommands explain, merge and split them."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        return
    with reading(db) as room:
        rows = query.summaries(room, kind)
    emit(rows, ("id", "name", "kind", "country", "documents", "mentions", "aliases", "roles"), as_json,
         title="actors", wrap=("aliases", "roles"))


@actors_group.command("explain")
@click.argument("a")
@click.argument("b")
@click.pass_obj
def explain_command(obj: dict, a: str, b: str) -> None:
    """Say why the names A and B are, or are not, one actor."""
    with reading(obj["db"]) as room:
        nodes = room_local_actors(room)
        lines = explain(nodes, a, b)
        now = [query.find(room, name) for name in (a, b)]
    for line in lines:
        out.print(escape(line), highlight=False)
    ids = [{x["id"] for x in found} for found in now]
    verdict = "one actor" if ids[0] and ids[0] == ids[1] else "different actors"
    out.print(f"in the room now: {verdict} ({', '.join(sorted(ids[0])) or '-'} / "
              f"{', '.join(sorted(ids[1])) or '-'}); overrides apply after the rules", highlight=False)


@actors_group.command("merge")
@click.argument("a")
@click.argument("b")
@click.pass_obj
def merge_command(obj: dict, a: str, b: str) -> None:
    """Make the actors named A and B one actor (kept across rebuilds)."""
    _override(obj["db"], "merge", a, b)


@actors_group.command("split")
@click.argument("actor")
@click.argument("name")
@click.pass_obj
def split_command(obj: dict, actor: str, name: str) -> None:
    """Take the mentions written NAME out of ACTOR into an actor of their own (kept across rebuilds)."""
    _override(obj["db"], "split", actor, name)


def _override(db: Path, action: str, a: str, b: str) -> None:
    with Room(db) as room:
        for name in (a, b):
            if not room.db.execute("SELECT 1 FROM mentions WHERE lower(text) = lower(?) LIMIT 1",
                                   [name]).fetchone():
                raise SitroomError(f"no mention in the room is written {name!r} "
                                   "(see `sitroom actors` for the names)")
        room.add_override(action, a, b)
        resolve_actors(room)
        found = query.find(room, a)
    err.print(f"{action}: recorded; {escape(a)} is now " +
              ", ".join(escape(x["id"]) for x in found), highlight=False)


@click.command("actor")
@click.argument("name")
@db_option
@json_option
def actor_command(name: str, db: Path, as_json: bool) -> None:
    """Show the dossier of the actor called NAME: names, roles, documents, every mention in its sentence."""
    with reading(db) as room:
        found = query.find(room, name)
        if not found:
            raise SitroomError(f"no actor is called {name!r} (see `sitroom actors`)")
        if len(found) > 1 and not as_json:
            emit([{"id": a["id"], "name": a["name"], "kind": a["kind"]} for a in found],
                 ("id", "name", "kind"), False, title=f"{len(found)} actors match {name!r}; name one by id")
            return
        dossiers = [query.dossier(room, a) for a in found]
    if as_json:
        click.echo(json.dumps(dossiers if len(dossiers) > 1 else dossiers[0], ensure_ascii=False, indent=2))
        return
    _print_dossier(dossiers[0])


def _print_dossier(d: dict) -> None:
    out.print(f"[bold]{escape(d['name'])}[/bold]  {d['kind']}  {d['country'] or ''}  ({d['id']})")
    out.print("names: " + escape("; ".join(d["aliases"])), highlight=False)
    if d["roles"]:
        out.print("roles:")
        for role in d["roles"]:
            when = role["when"]
            span = f" ({when['start']}–{when['end'] or ''})" if when else ""
            out.print(f"  • {escape(role['title'])}{escape(span)}  — “{escape(role['evidence']['text'])}”",
                      highlight=False)
    out.print("documents:")
    for doc in d["documents"]:
        out.print(f"  • {doc['id']}  {escape(doc['title'] or '')}", highlight=False)
    out.print(f"mentions ({len(d['mentions'])}):")
    for m in d["mentions"]:
        sentence = m["sentence"]["text"] if m["sentence"] else m["text"]
        where = f"[{m['document']}:{m['start']}]"
        out.print(f"  • {escape(where)} {escape(m['text'])}: {escape(' '.join(sentence.split()))}",
                  highlight=False)
