"""`sitroom quotes`, `sitroom claims`, `sitroom disagreements`."""

from __future__ import annotations

from pathlib import Path

import click

from sitroom.cli.options import db_option, reading
from sitroom.cli.output import amount, emit, format_option
from sitroom.query import statements
from sitroom.query.actors import names as actor_names


@click.command("quotes")
@db_option
@click.option("--speaker", help="Only quotes of this speaker (actor id, name, or the words used).")
@format_option
def quotes_command(db: Path, speaker: str | None, fmt: str) -> None:
    """Who said what: direct and indirect quotes with their speaker (the actor's name; as written when
    no actor is found), cue and document. --csv and --json also give the speaker actor's id."""
    with reading(db) as room:
        rows = statements.quotes(room, speaker)
        names = actor_names(room)
    if fmt == "json":
        emit(rows, (), fmt)
        return
    rows = [{**r, "speaker": names.get(r["speaker"]) or "", "speaker_id": r["speaker"] or "",
             "said": " ".join(r["text"].split())[:200] if fmt == "table" else r["text"],
             "document": r["evidence"]["document"]} for r in rows]
    columns = ("speaker", "speaker_text", "kind", "cue", "said", "document")
    emit(rows, columns if fmt == "table" else ("speaker", "speaker_id", *columns[1:]), fmt, title="quotes",
         wrap=("said", "speaker_text"))


@click.command("claims")
@db_option
@click.option("--subject", help="Only claims whose subject contains this text.")
@format_option
def claims_command(db: Path, subject: str | None, fmt: str) -> None:
    """Which numbers each source asserts: value, unit, what they measure and who says so."""
    with reading(db) as room:
        rows = statements.claims(room, subject)
        names = actor_names(room)
    if fmt != "json":
        rows = [{**r, "value": amount(r), "approximate": "≈" if r["approximate"] else "",
                 "when": (r["when"] or {}).get("start") or "",
                 "about": names.get(r.get("about"), r.get("about") or ""),
                 "said by": names.get(r["attributed_to"], r["attributed_to"]) if r["attributed_to"] else "",
                 "as written": r["evidence"]["text"], "document": r["evidence"]["document"]} for r in rows]
    emit(rows, ("subject", "value", "unit", "approximate", "about", "when", "said by", "as written",
                "document"), fmt, title="claims", wrap=("subject",))


@click.command("disagreements")
@db_option
@format_option
def disagreements_command(db: Path, fmt: str) -> None:
    """Where the sources differ: claims about the same thing that cannot all be true, or one happening
    dated differently, side by side."""
    with reading(db) as room:
        rows = statements.disagreements(room)
        by_id = {c["id"]: c for c in statements.claims(room)}
        when = dict(room.db.execute("SELECT id, when_start FROM events").fetchall())
    if fmt != "json":
        rows = [{**r, "claims": "; ".join(_side(by_id[c]) for c in r["claims"] if c in by_id),
                 "events": "; ".join(f"{e} ({when.get(e) or 'undated'})" for e in r["events"])} for r in rows]
    emit(rows, ("topic", "claims", "events", "note"), fmt, title="disagreements", wrap=("claims", "note"))


def _side(claim: dict) -> str:
    return f"{claim['evidence']['text']} ({claim['subject']}; {claim['evidence']['document']})"
