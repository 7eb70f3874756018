"""The corpus-wide stage at scale: seconds per stage, pairs compared and peak memory at 840 to 10,000+
documents, and the time to add 10 documents to a room of N.

A room of the PolNeAR train texts (``--room``, else built here with the new code) is copied ``K`` times
per size (``--copies``), each copy of a document under a distinct id (``<id>~k``), its rows as the
analysis wrote them: the PolNeAR texts repeated, as issue 18 allows, without analysing them K times
(a copy's rows are exactly what analysing the same text again writes). Repeated texts are a hard case
for blocking: every name, event and number comes K times. Under each version's code (this script re-run
with ``--worker``; ``--baseline REF`` beside the new code, in the same run) it then

- resolves the room in process, timing each stage of ``resolve.corpus.resolve_actors`` and counting the
  pairs compared (``match_*`` of ``resolve.across``, ``same_event`` of ``resolve.events``), with the
  peak resident memory of that process (``ru_maxrss``);
- adds 10 texts (``--add``, default: the first 10 of the PolNeAR dev split, not in the room) with
  ``sitroom build`` as a user would, and builds the same 10 into an empty room: the difference is what
  adding costs beyond their own analysis (resolved against the room's actors where the code can:
  ``resolve.incremental``, the room resolved as a build does).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
ADD = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "dev" / "text"
RESOLVED = ("actor_members", "actor_overrides", "actors", "event_actors", "event_members", "events",
            "disagreements", "actor_keys", "resolved_documents")
"""Tables of the corpus-wide stage (and the user's overrides): never copied."""


def replicate(source: Path, target: Path, copies: int) -> int:
    """``target``: the room ``source`` with every document ``copies`` times (ids ``<id>~k`` for k >= 1),
    its corpus-wide tables left as they were (the resolution under test rebuilds them). Its documents."""
    import duckdb

    shutil.copyfile(source, target)
    db = duckdb.connect(str(target))
    try:
        def columns(table: str) -> list[str]:
            return [c for (c,) in db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall()]

        tables = sorted({t for (t,) in db.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'document'").fetchall()}
            - set(RESOLVED))
        for k in range(1, copies):
            renamed = {"id": f"id || '~{k}'", "source": f"source || '~{k}'"}
            picked = ", ".join(renamed.get(c, c) for c in columns("documents"))
            db.execute(f"INSERT INTO documents SELECT {picked} FROM documents WHERE id NOT LIKE '%~%'")
            for table in tables:
                picked = ", ".join(f"document || '~{k}'" if c == "document" else c for c in columns(table))
                db.execute(f"INSERT INTO {table} SELECT {picked} FROM {table} WHERE document NOT LIKE '%~%'")
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        db.close()


def worker(room: str) -> dict:
    """Under one version's code: the corpus-wide stage of ``room`` timed stage by stage, pairs counted."""
    from sitroom.resolve import across, corpus, events
    from sitroom.resolve.actors import build_actors
    from sitroom.resolve.disagreements import find
    from sitroom.resolve.event_disagreements import dated_differently
    from sitroom.store.room import Room

    counts: dict[str, int] = {}

    def counted(module, name: str, key: str):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            counts[key] = counts.get(key, 0) + 1
            return original(*args, **kwargs)
        setattr(module, name, wrapper)

    for name in [n for n in vars(across) if n.startswith("match_") and callable(getattr(across, n))]:
        counted(across, name, "actor pairs")
    counted(events, "same_event", "event pairs")
    seconds: dict[str, float] = {}

    def timed(stage: str, function, *args):
        start = time.perf_counter()
        value = function(*args)
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
        return value

    with Room(room) as opened:
        documents = opened.db.execute("SELECT id, coalesce(title, source), published_basis FROM documents"
                                      ).fetchall()
        nodes = timed("read", corpus.room_local_actors, opened)
        actors = timed("actors", build_actors, nodes, opened.overrides())
        actor_of = timed("read", corpus._actor_of_mention, opened, actors)
        names = {a[0]: a[1] for a in actors}
        if hasattr(corpus, "event_mentions"):  # (since the room keeps actors' keys: incremental builds)
            query = f"{corpus.EVENT_MENTIONS} ORDER BY document, ordinal"
            rows = timed("read", lambda: opened.db.execute(query).fetchall())
            found = timed("events", lambda: events.build_events(corpus.event_mentions(rows, actor_of), names))
        else:
            found = timed("events", corpus._events, opened, actors, actor_of)
        claims = timed("read", corpus._claims, opened, actor_of)
        disagreements = timed("disagreements", find, claims)
        disagreements += timed("disagreements", dated_differently, found, names,
                               {d: t for d, t, _ in documents},
                               lambda doc, n: corpus._sentence(opened, doc, n),
                               {d for d, _, basis in documents if basis == "stated"})
        if hasattr(corpus, "actor_keys"):  # resolved as a build does: documents added later meet the keys
            keys = timed("keys", corpus.actor_keys, actors, nodes)
            timed("write", opened.replace_resolved, actors, found, disagreements,
                  corpus.resolution_fingerprint(), [], keys)
        else:
            timed("write", opened.replace_resolved, actors, found, disagreements)
    return {"documents": len(documents), "local actors": len(nodes), "actors": len(actors),
            "events": len(found), "seconds": seconds, "pairs": counts,
            "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def added(src: Path | None, room: Path, texts: Path, notes: list[str]) -> float | None:
    """Seconds of ``sitroom build TEXTS --db ROOM`` with ``src``'s code (None: the new code)."""
    start = time.perf_counter()
    return time.perf_counter() - start if baseline.build_room(src, texts, room, notes) else None


def measure(src: Path | None, rooms: dict[int, Path], texts: Path, tmp: Path, notes: list[str]) -> list[dict]:
    """Every size under one version: the worker's stages, then the time to add ``texts``."""
    name = "main" if src else "new"
    runs = []
    for size, room in rooms.items():
        mine = tmp / f"{name}-{size}.duckdb"
        shutil.copyfile(room, mine)
        result = baseline.run_worker(src, __file__, ["--worker-room", str(mine)], notes)
        if result is None:
            continue
        runs.append({**result, "add": added(src, mine, texts, notes)})
        mine.unlink()
    alone = added(src, tmp / f"alone-{name}.duckdb", texts, notes)  # their own analysis, resolved alone
    # (after the rooms of N, as warm as they: the first build of a run also reads the model from disk)
    return [{**run, "alone": alone} for run in runs]


def report(results: dict[str, list[dict]], texts: Path) -> None:
    stages = ("read", "actors", "events", "disagreements", "keys", "write")
    print("corpus-wide stage (resolve_actors) by stage, seconds; pairs compared; peak RSS of the process")
    print(f"{'version':16} {'docs':>6} {'local':>7} " + " ".join(f"{s:>8}" for s in stages)
          + f" {'total':>7} {'ms/doc':>7} {'actor pairs':>12} {'event pairs':>12} {'peak MB':>8}")
    for version, runs in results.items():
        for r in runs:
            total = sum(r["seconds"].values())
            print(f"{version:16} {r['documents']:6} {r['local actors']:7} "
                  + " ".join(f"{r['seconds'].get(s, 0):8.2f}" for s in stages)
                  + f" {total:7.2f} {1000 * total / r['documents']:7.2f}"
                  f" {r['pairs'].get('actor pairs', 0):12} {r['pairs'].get('event pairs', 0):12}"
                  f" {r['peak MB']:8.0f}")
    count = len(list(texts.glob("*.txt")))
    print(f"\nadding {count} documents ({texts}) with `sitroom build`: seconds into the room of N, into an "
          "empty room (their own analysis), and the difference")
    print(f"{'version':16} {'docs':>6} {'into N':>8} {'alone':>8} {'beyond':>8}")
    for version, runs in results.items():
        for r in runs:
            if r["add"] is not None and r["alone"] is not None:
                print(f"{version:16} {r['documents']:6} {r['add']:8.1f} {r['alone']:8.1f} "
                      f"{r['add'] - r['alone']:8.1f}")
    for version, runs in results.items():
        if len(runs) > 1:
            small, big = runs[0], runs[-1]
            ratio = (sum(big["seconds"].values()) / big["documents"]) / (
                sum(small["seconds"].values()) / small["documents"])
            print(f"{version}: time per document at {big['documents']} is {ratio:.2f}x that at "
                  f"{small['documents']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=TEXTS,
                        help=f"Folder of .txt texts for the room when --room is not given (default {TEXTS}).")
    parser.add_argument("--room", type=Path, help="A room already built from --data (else one is built).")
    parser.add_argument("--copies", default="1,3,6,12",
                        help="Comma-separated copies of the room's documents, one size each (default "
                             "1,3,6,12: 840 to 10,080 documents for PolNeAR train).")
    parser.add_argument("--add", type=Path, default=ADD,
                        help=f"Texts to add, the first 10 taken (default {ADD}).")
    baseline.add_argument(parser)
    parser.add_argument("--worker-room", help=argparse.SUPPRESS)
    baseline.add_worker_argument(parser)
    args = parser.parse_args()
    if args.worker:
        return baseline.emit(worker(args.worker_room))
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-scale-") as folder:
        tmp = Path(folder)
        texts = tmp / "add"
        texts.mkdir()
        for path in sorted(args.add.glob("*.txt"))[:10]:
            shutil.copyfile(path, texts / path.name)
        room = baseline.room_or_built(args.room, args.data, tmp, notes)
        if room is None:
            print("\n".join(notes), file=sys.stderr)
            return 1
        rooms = {}
        for copies in sorted({int(c) for c in args.copies.split(",")}):
            rooms[copies] = tmp / f"copies-{copies}.duckdb"
            replicate(room, rooms[copies], copies)
        results = {"new": measure(None, rooms, texts, tmp, notes)}
        src = baseline.baseline_src(args.baseline, notes)
        if src is not None:
            results[baseline.label(src)] = measure(src, rooms, texts, tmp, notes)
        report(results, texts)
    if notes:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
