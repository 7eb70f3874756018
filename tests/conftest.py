"""Shared fixtures: the sample corpus, a room built from it once per session, evidence walking."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.build import build
from sitroom.export.json_export import export
from sitroom.store.room import Room

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus" / "russia-taliban"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the sample corpus is missing at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_room(corpus: Path, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("room") / "corpus.duckdb"
    report = build([str(corpus)], db)
    assert report.ok, report.failed
    return db


@pytest.fixture(scope="session")
def corpus_export(corpus_room: Path) -> dict:
    with Room(corpus_room, read_only=True) as room:
        return json.loads(json.dumps(export(room)))


@pytest.fixture(scope="session")
def small_room(tmp_path_factory) -> Path:
    """A room of the three short articles in tests/data/small (one of them full of markup)."""
    db = tmp_path_factory.mktemp("small") / "room.duckdb"
    report = build([str(PROJECT / "tests" / "data" / "small")], db)
    assert report.ok, report.failed
    return db


def written_room(articles: dict[str, str], folder: Path) -> Path:
    """A room built in ``folder`` from articles written for a test, ``{file name: text}``."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "room.duckdb"
    report = build([str(folder)], db)
    assert report.ok, report.failed
    return db


def exported(db: Path) -> dict:
    """A room's whole export without its timestamp: two rooms with the same picture compare equal."""
    with Room(db, read_only=True) as room:
        data = export(room)
    data.pop("generated_at")
    return data


def evidences(value) -> Iterator[dict]:
    """Every Evidence object anywhere inside an export."""
    if isinstance(value, dict):
        if set(value) >= {"document", "start", "end", "text"}:
            yield value
        for item in value.values():
            yield from evidences(item)
    elif isinstance(value, list):
        for item in value:
            yield from evidences(item)


def by_name(export_data: dict, name: str) -> dict:
    """The exported document whose source ends with ``name``."""
    (doc,) = [d for d in export_data["documents"] if d["source"].endswith(name)]
    return doc
