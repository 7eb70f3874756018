"""The JSON export, version 1 (../shared/docs/export-format.md), and its validation."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources

import jsonschema_rs

from sitroom.errors import ExportError
from sitroom.query.actors import actors
from sitroom.query.documents import documents
from sitroom.query.events import events, time_expressions
from sitroom.query.statements import claims, disagreements, quotes
from sitroom.store.room import Room

FORMAT_VERSION = 1


def export(room: Room, now: dt.datetime | None = None) -> dict:
    now = now or dt.datetime.now(dt.UTC)
    return {
        "format_version": FORMAT_VERSION,
        "generated_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "documents": documents(room),
        "actors": actors(room),
        "events": events(room),
        "quotes": quotes(room),
        "claims": claims(room),
        "disagreements": disagreements(room),
        "time_expressions": time_expressions(room),
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@cache
def schema() -> dict:
    return json.loads(resources.files("sitroom.data").joinpath("export-schema.json").read_text("utf-8"))


@cache
def _validator():
    return jsonschema_rs.validator_for(schema())


def validate(data: dict) -> None:
    """Raise ExportError naming the first place where ``data`` breaks the contract (JSON Schema
    2020-12, checked by the compiled jsonschema-rs: 0.03 s for 840 documents, where the pure-Python
    jsonschema took 6 s, three quarters of an export)."""
    try:
        _validator().validate(data)
    except jsonschema_rs.ValidationError as exc:
        where = "/".join(str(p) for p in exc.instance_path) or "(top level)"
        raise ExportError(f"export does not satisfy the contract at {where}: {exc.message}") from exc
