"""Documents added to a resolved room against the room resolved whole: how much the order matters, and time.

From a built room (``--room``; else the PolNeAR train texts are built here), for each K of ``--added``:
take K documents out (drawn with ``--seed``), resolve the rest whole, put the K back (their rows copied,
not analysed again) and resolve them as a build does (``resolve.incremental``, against the room's
actors); then compare with the whole room resolved in one go:

- local actors placed otherwise: the share of the documents' actors (a document's actor is the names it
  is written with there: the aliases an actor gains from it) not in the counterpart of their actor (the
  actor of the other picture holding most of its members), and B-cubed F1 of the two groupings (Bagga and
  Baldwin 1998);
- event reports placed otherwise: the same for the reports grouped into events;
- seconds of the incremental resolution and of a full one (`sitroom resolve --full`), and of the current
  main's resolution of the same room (``--baseline``: main has no incremental path, it resolves whole).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
TABLES = ("paragraphs", "boilerplate", "comments", "sentences", "mentions", "roles", "time_expressions",
          "event_mentions", "quotes", "claims")
"""A document's own rows (besides ``documents``), put back as they were."""


def groups(room, table: str, group: str, member: str) -> dict[tuple, frozenset]:
    """Each member (``member`` columns) -> the members of its group (``group`` column)."""
    rows = room.db.execute(f"SELECT {group}, {member} FROM {table}").fetchall()
    together: dict[str, set] = {}
    for row in rows:
        together.setdefault(row[0], set()).add(tuple(row[1:]))
    return {m: frozenset(ms) for ms in together.values() for m in ms}


def compare(one: dict[tuple, frozenset], other: dict[tuple, frozenset]) -> tuple[float, float]:
    """(share of members placed otherwise, B-cubed F1) over the members of both. A member is placed
    otherwise when its group in ``other`` is not the one that holds most of its group in ``one`` (an
    actor that gained or lost a member: only that member is placed otherwise)."""
    members = set(one) | set(other)
    if not members:
        return 0.0, 1.0
    counterpart: dict[frozenset, frozenset] = {}
    for group in set(one.values()):
        held: dict[frozenset, int] = {}
        for m in group:
            if m in other:
                held[other[m]] = held.get(other[m], 0) + 1
        counterpart[group] = max(held, key=lambda g: (held[g], -len(g))) if held else frozenset()
    differ = sum(m not in one or m not in other or counterpart[one[m]] != other[m]
                 for m in members) / len(members)
    precision = recall = 0.0
    for m in members:
        a, b = one.get(m, frozenset({m})), other.get(m, frozenset({m}))
        shared = len(a & b)
        precision += shared / len(b)
        recall += shared / len(a)
    p, r = precision / len(members), recall / len(members)
    return differ, 2 * p * r / (p + r) if p + r else 0.0


def incremental(room_path: Path, work: Path, added: int, seed: int) -> dict:
    """The room resolved without ``added`` documents, then with them added; seconds and groupings."""
    from sitroom.resolve.corpus import resolution_fingerprint, resolve_actors
    from sitroom.store.room import Room

    shutil.copyfile(room_path, work)
    with Room(work) as room:
        ids = [r[0] for r in room.db.execute("SELECT id FROM documents ORDER BY id").fetchall()]
        later = random.Random(seed).sample(ids, added)
        room.db.execute(f"ATTACH '{room_path}' AS whole (READ_ONLY)")
        room.remove(later)
        resolve_actors(room, full=True)
        with room.transaction():
            condition = "IN (SELECT unnest(?::VARCHAR[]))"
            room.db.execute(f"INSERT INTO documents SELECT * FROM whole.documents WHERE id {condition}",
                            [later])
            for table in TABLES:
                room.db.execute(f"INSERT INTO {table} SELECT * FROM whole.{table} WHERE document {condition}",
                                [later])
            room.db.execute("INSERT OR REPLACE INTO room_meta VALUES ('resolved', 'no')")
        room.db.execute("DETACH whole")
        waiting = room.added_since_resolved(resolution_fingerprint())
        assert waiting == sorted(later), "the documents put back are not resolved as added ones"
        start = time.perf_counter()
        resolve_actors(room, force=False)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "actors": groups(room, "actor_members", "actor", "document, cluster"),
                "events": groups(room, "event_members", "event", "document, ordinal")}


def whole(room_path: Path, work: Path) -> dict:
    from sitroom.resolve.corpus import resolve_actors
    from sitroom.store.room import Room

    shutil.copyfile(room_path, work)
    with Room(work) as room:
        start = time.perf_counter()
        resolve_actors(room, full=True)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "actors": groups(room, "actor_members", "actor", "document, cluster"),
                "events": groups(room, "event_members", "event", "document, ordinal")}


def main_seconds(src: Path, room_path: Path, work: Path, notes: list[str]) -> float | None:
    """Seconds of `sitroom resolve` on the room with the baseline's code (a whole resolution)."""
    shutil.copyfile(room_path, work)
    prefix, env = baseline.sitroom_command(src)
    start = time.perf_counter()
    done = subprocess.run([*prefix, "resolve", "--db", str(work)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        notes.append(f"main's resolve failed: {done.stderr.strip()[-300:]}")
        return None
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=TEXTS,
                        help=f"Folder of texts for the room when --room is not given (default {TEXTS}).")
    parser.add_argument("--room", type=Path, help="A room already built from --data (else one is built).")
    parser.add_argument("--added", default="10,84,420", help="Comma-separated counts of documents added.")
    parser.add_argument("--seed", type=int, default=18, help="Seed drawing the documents added (default 18).")
    baseline.add_argument(parser)
    args = parser.parse_args()
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-incremental-") as folder:
        tmp = Path(folder)
        room = baseline.room_or_built(args.room, args.data, tmp, notes)
        if room is None:
            print("\n".join(notes), file=sys.stderr)
            return 1
        full = whole(room, tmp / "whole.duckdb")
        src = baseline.baseline_src(args.baseline, notes)
        main_s = main_seconds(src, room, tmp / "main.duckdb", notes) if src else None
        print(f"room: {room}; whole resolution (new code) {full['seconds']:.2f} s"
              + (f"; {baseline.label(src)} `sitroom resolve` {main_s:.2f} s (process start included)"
                 if main_s is not None else ""))
        print(f"{'added':>6} {'seconds':>8} {'vs whole':>9} {'local actors placed otherwise':>30} "
              f"{'B3 F1':>7} {'event reports placed otherwise':>31} {'B3 F1':>7}")
        for k in sorted({int(x) for x in args.added.split(",") if x.strip()}):
            step = incremental(room, tmp / f"added-{k}.duckdb", k, args.seed)
            actors = compare(full["actors"], step["actors"])
            events = compare(full["events"], step["events"])
            print(f"{k:6} {step['seconds']:8.2f} {step['seconds'] / full['seconds']:8.2f}x "
                  f"{actors[0]:30.2%} {actors[1]:7.4f} {events[0]:31.2%} {events[1]:7.4f}")
    for note in notes:
        print("note:", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
