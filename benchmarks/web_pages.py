"""Seconds to answer the web UI's pages and the actor dossier on a large room, new code beside main's.

    python benchmarks/web_pages.py --room ROOM.duckdb [--baseline REF] [--repeat 5]
    python benchmarks/web_pages.py [--data TEXTS] [--limit N]      # builds a room of TEXTS first

Each page is requested ``--repeat`` times in-process (Starlette's test client, one request at a time)
and the median printed; the dossier of the actors with the most mentions is timed on its own
(``sitroom.query.actors.dossier``), since one query per mention made it grow with the mentions. The
baseline's code runs as a worker under its own checkout (benchmarks/baseline.py), on the same room.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import baseline

PAGES = ("/", "/timeline", "/actors", "/actors/{top}", "/search?q=talks", "/actors/{top}?format=json")
TOP = 3


def measure(room: Path, repeat: int) -> dict:
    """``{"pages": {path: median seconds}, "dossiers": [[actor id, mentions, seconds]]}``."""
    from fastapi.testclient import TestClient

    from sitroom.query import actors as query
    from sitroom.store.room import Room
    from sitroom.web.app import create_app

    with Room(room, read_only=True) as r:
        everyone = sorted(query.actors(r), key=lambda a: -len(a["mentions"]))[:TOP]
        dossiers = []
        for actor in everyone:
            started = time.perf_counter()
            query.dossier(r, actor)
            dossiers.append([actor["id"], len(actor["mentions"]), time.perf_counter() - started])
    client = TestClient(create_app(room), base_url="http://localhost")
    pages = {}
    for path in PAGES:
        url = path.format(top=everyone[0]["id"]) if everyone else path
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            status = client.get(url).status_code
            times.append(time.perf_counter() - started)
        pages[path] = statistics.median(times) if status == 200 else None
    return {"pages": pages, "dossiers": dossiers}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--room", type=Path, help="an existing room (else one is built from --data)")
    texts = baseline.ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
    parser.add_argument("--data", type=Path, default=texts,
                        help="texts to build a room of when no --room is given (default: PolNeAR's 840)")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page (the median is shown)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    baseline.add_argument(parser)
    args = parser.parse_args()
    if args.worker:
        return baseline.emit(measure(args.room, args.repeat))
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        room = args.room
        if room is None:
            room = Path(scratch) / "room.duckdb"
            if not baseline.build_room(None, args.data, room, notes):
                print("\n".join(notes))
                return 1
        new = measure(room, args.repeat)
        ran = baseline.run_main(args.baseline, __file__, ["--room", str(room), "--repeat", str(args.repeat)],
                                notes)
    name, old = ran if ran is not None else ("main", {})
    print(f"room: {room}; median of {args.repeat} requests per page, seconds")
    print(f"{'page':36} {'new':>10} {name:>22}")
    for path in PAGES:
        before = (old.get("pages") or {}).get(path)
        now = new["pages"][path]
        print(f"{path:36} {_s(now):>10} {_s(before):>22}")
    print("dossier of the actors with the most mentions (sitroom.query.actors.dossier), seconds")
    for k, (ident, mentions, seconds) in enumerate(new["dossiers"]):
        before = (old.get("dossiers") or [[None, None, None]] * TOP)[k][2]
        print(f"{ident[:28]:28} {mentions:7} {_s(seconds):>10} {_s(before):>22}")
    print("command: python " + " ".join(sys.argv))
    for note in notes:
        print("note:", note)
    return 0


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
