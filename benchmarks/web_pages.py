"""Seconds to answer the web UI's pages and the actor dossier on a large room, new code beside main's.

    python benchmarks/web_pages.py --room ROOM.duckdb [--baseline REF] [--repeat 5] [--concurrent 20]
    python benchmarks/web_pages.py [--data TEXTS] [--limit N]      # builds a room of TEXTS first

With ``--concurrent N`` the new code is also served for real (``sitroom serve`` on a free local port, in
its own process) and every page requested by N clients at once (one request each, after one to warm the
server): the median and the slowest answer are printed.

Each page is requested ``--repeat`` times in-process (Starlette's test client, one request at a time)
and the median printed; the dossier of the actors with the most mentions is timed on its own
(``sitroom.query.dossier.full_dossier``, else ``query.actors.dossier``), since one query per mention
made it grow with the mentions. The baseline's code runs as a worker under its own checkout
(benchmarks/baseline.py), on the same room.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import baseline

PAGES = ("/", "/timeline", "/actors", "/actors/{top}", "/search?q=talks", "/actors/{top}?format=json",
         "/quotes", "/claims", "/disagreements", "/ask?q=why+did+the+talks+fail", "/network",
         "/network?actor={top}", "/documents", "/actors?kind=person&name=an", "/timeline?page=2",
         "/search?q=talks&actor={top}&type=CONSULT")
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
        try:  # the whole dossier (events, quotes, numbers, co-actors) where the code has it
            from sitroom.query.dossier import full_dossier as dossier
        except ImportError:
            dossier = query.dossier
        for actor in everyone:
            started = time.perf_counter()
            dossier(r, actor)
            dossiers.append([actor["id"], len(actor["mentions"]), time.perf_counter() - started])
    client = TestClient(create_app(room), base_url="http://localhost")
    pages, first = {}, {}
    for path in PAGES:
        url = path.format(top=everyone[0]["id"]) if everyone else path
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            status = client.get(url).status_code
            times.append(time.perf_counter() - started)
        pages[path] = statistics.median(times) if status == 200 else None
        first[path] = times[0] if status == 200 else None
    return {"pages": pages, "first": first, "dossiers": dossiers}


def concurrently(room: Path, clients: int) -> dict[str, tuple[float, float]]:
    """``{page: (median, slowest)}`` seconds of ``clients`` requests sent at once, one per client, against
    ``sitroom serve`` in its own process."""
    import socket
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "sitroom", "serve", "--db", str(room), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        top = httpx.get(base + "/actors?format=json", timeout=60).json()["actors"][0]["id"]
        out = {}
        for path in PAGES:
            url = base + path.format(top=top)
            httpx.get(url, timeout=120)  # warm (indexes, the model) before timing

            def one(_, url=url) -> float:
                started = time.perf_counter()
                httpx.get(url, timeout=120)
                return time.perf_counter() - started

            with ThreadPoolExecutor(clients) as pool:
                times = list(pool.map(one, range(clients)))
            out[path] = (statistics.median(times), max(times))
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--room", type=Path, help="an existing room (else one is built from --data)")
    texts = baseline.ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
    parser.add_argument("--data", type=Path, default=texts,
                        help="texts to build a room of when no --room is given (default: PolNeAR's 840)")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page (the median is shown)")
    parser.add_argument("--concurrent", type=int, default=0, metavar="N",
                        help="also serve the new code and time each page with N clients at once")
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
        together = concurrently(room, args.concurrent) if args.concurrent else {}
    name, old = ran if ran is not None else ("main", {})
    print(f"room: {room}; the first request per page (made), and the median of {args.repeat} (the first "
          "included; later ones are answered from the page cache where the code has one), seconds")
    print(f"{'page':36} {'new first':>10} {'new':>10} {name + ' first':>16} {name:>10}")
    for path in PAGES:
        old_first, before = ((old.get(k) or {}).get(path) for k in ("first", "pages"))
        print(f"{path:36} {_s(new['first'][path]):>10} {_s(new['pages'][path]):>10} {_s(old_first):>16} "
              f"{_s(before):>10}")
    print("dossier of the actors with the most mentions (query.dossier.full_dossier where the code has "
          "it, else query.actors.dossier), seconds")
    for k, (ident, mentions, seconds) in enumerate(new["dossiers"]):
        before = (old.get("dossiers") or [[None, None, None]] * TOP)[k][2]
        print(f"{ident[:28]:28} {mentions:7} {_s(seconds):>10} {_s(before):>22}")
    if together:
        print(f"served (sitroom serve), {args.concurrent} requests at once: median and slowest, seconds")
        for path, (median, slowest) in together.items():
            print(f"{path:36} {_s(median):>10} {_s(slowest):>10}")
    print("command: python " + " ".join(sys.argv))
    for note in notes:
        print("note:", note)
    return 0


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
