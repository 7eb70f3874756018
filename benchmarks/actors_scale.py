"""Actor resolution at corpus scale on PolNeAR: cost per document as the corpus grows, and actor health.

Builds a room from the texts with the new code and with the baseline's (``--baseline``), then, under
each version's own code (this script re-run with ``--worker``), times ``build_actors`` on the local
actors of the first N documents (sorted ids) and counts the pairs it compares (every ``match_*`` of
``sitroom.resolve.across``). For the new code it lists the 100 most mentioned actors; for both it
prints health numbers: singletons, actors of mixed kinds, the largest alias sets.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import baseline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
SIZES = "100,420,840"
TOP = 100
LARGEST = 10
ACTORS_SQL = """
    SELECT a.id, a.name, a.kind, a.country, count(*) AS mentions, count(DISTINCT am.document) AS docs,
           count(DISTINCT m.kind) AS kinds, count(DISTINCT m.kind) FILTER (WHERE NOT m.pronoun) AS name_kinds,
           list(DISTINCT m.kind) AS kind_list, list(m.text) FILTER (WHERE NOT m.pronoun) AS names
    FROM actors a JOIN actor_members am ON am.actor = a.id
    JOIN mentions m ON m.document = am.document AND m.cluster = am.cluster
    GROUP BY ALL ORDER BY mentions DESC, docs DESC, a.id"""
"""One row per actor with its mentions (pronouns resolved to it included), as the export counts them."""


def worker(room: str, sizes: list[int], repeat: int) -> dict:
    """Run under one version's code: timings of ``build_actors`` by corpus size, and the room's actors."""
    try:
        from sitroom.resolve.corpus import room_local_actors
    except ImportError:  # code from before the corpus-wide stage had its own module
        from sitroom.build import room_local_actors
    from sitroom.resolve import across
    from sitroom.resolve.actors import build_actors
    from sitroom.store.room import Room

    with Room(room) as opened:
        nodes = room_local_actors(opened)
        cols = [c[0] for c in opened.db.execute(ACTORS_SQL + " LIMIT 0").description]
        actors = [dict(zip(cols, row, strict=True)) for row in opened.db.execute(ACTORS_SQL).fetchall()]
    counts = count_matches(across)
    documents = sorted({n.document for n in nodes})
    runs = []
    build_actors(copy.deepcopy(nodes[:50]), [])  # untimed: loads the vocabularies the first call reads
    for size in sorted({min(s, len(documents)) for s in sizes}):
        keep = set(documents[:size])
        subset = [n for n in nodes if n.document in keep]
        best = float("inf")
        for _ in range(repeat):
            fresh = copy.deepcopy(subset)  # resolve() rewrites some nodes' kinds
            counts.clear()
            start = time.perf_counter()
            build_actors(fresh, [])
            best = min(best, time.perf_counter() - start)
        runs.append({"documents": size, "local": len(subset), "seconds": best, "pairs": dict(counts)})
    for actor in actors:
        said = {}
        for name in actor.pop("names") or []:
            said[name] = said.get(name, 0) + 1
        aliases = sorted(set(said) | {actor["name"]}, key=lambda a: (-said.get(a, 0), a))
        # whitespace other than a space is shown escaped: "Donald\xa0Trump" is not "Donald Trump"
        actor["aliases"] = [re.sub(r"[^\S ]", lambda m: ascii(m[0])[1:-1], a) for a in aliases]
    return {"nodes": len(nodes), "documents": len(documents), "runs": runs, "actors": actors}


def count_matches(across) -> dict[str, int]:
    """Wrap every ``match_*`` function of ``across`` (wherever sitroom's modules hold it) with a counter."""
    counts: dict[str, int] = {}
    originals = {name: fn for name, fn in vars(across).items() if name.startswith("match_")
                 and callable(fn) and getattr(fn, "__module__", "") == across.__name__}

    def counting(name, fn):
        def wrapper(*args, **kwargs):
            counts[name] = counts.get(name, 0) + 1
            return fn(*args, **kwargs)
        return wrapper

    by_id = {id(fn): (name, fn) for name, fn in originals.items()}
    wrappers = {name: counting(name, fn) for name, fn in originals.items()}
    for module in [m for n, m in list(sys.modules.items()) if n.startswith("sitroom") and m is not None]:
        for attr, value in list(vars(module).items()):
            name, fn = by_id.get(id(value), (None, None))
            if fn is value:
                setattr(module, attr, wrappers[name])
    return counts


def texts_folder(args: argparse.Namespace, tmp: Path) -> Path:
    """The data folder itself, or (with --limit) a copy of its first N texts."""
    if not args.limit:
        return args.data
    folder = tmp / "texts"
    folder.mkdir(exist_ok=True)
    for path in sorted(args.data.glob("*.txt"))[: args.limit]:
        shutil.copyfile(path, folder / path.name)
    return folder


def scaling(results: dict[str, dict]) -> None:
    print("\ncross-document resolution: build_actors on the local actors of the first N documents "
          "(sorted ids), best of --repeat")
    kinds = sorted({k for r in results.values() for run in r["runs"] for k in run["pairs"]})
    kinds = kinds or ["match_people"]
    print(f"{'version':16} {'docs':>5} {'local actors':>12} " + " ".join(f"{k + ' pairs':>18}" for k in kinds)
          + f" {'seconds':>8} {'ms/doc':>7}")
    for name, result in results.items():
        runs = result["runs"]
        for run in runs:
            print(f"{name:16} {run['documents']:5} {run['local']:12} "
                  + " ".join(f"{run['pairs'].get(k, 0):18}" for k in kinds)
                  + f" {run['seconds']:8.3f} {1000 * run['seconds'] / max(run['documents'], 1):7.2f}")
        first, last = runs[0], runs[-1]
        per = [r["seconds"] / r["documents"] for r in (first, last)]
        ratio = f"{per[1] / per[0]:.2f}x" if per[0] else "n/a"
        print(f"{name:16} per-document cost at {last['documents']} docs / at {first['documents']} docs: "
              + ratio)


def top(actors: list[dict], path: Path, count: int) -> None:
    cols = ("rank", "id", "kind", "country", "mentions", "documents", "aliases")
    rows = [(i, a["id"], a["kind"], a["country"] or "-", a["mentions"], a["docs"], " | ".join(a["aliases"]))
            for i, a in enumerate(actors[:count], 1)]
    path.write_text("\n".join("\t".join(map(str, r)) for r in [cols, *rows]) + "\n", encoding="utf-8")
    print(f"\ntop {count} actors by mentions, new code (also in {path})")
    print(f"{'#':>3} {'id':38} {'kind':12} {'ctry':4} {'ment':>5} {'docs':>4}  aliases")
    for rank, ident, kind, country, mentions, docs, aliases in rows:
        print(f"{rank:3} {ident[:38]:38} {kind:12} {country:4} {mentions:5} {docs:4}  {aliases[:90]}")


def health(results: dict[str, dict]) -> None:
    def share(n: int, total: int) -> str:
        return f"{n} ({100 * n / total:.1f}%)" if total else "0"

    rows: dict[str, list[str]] = {}
    for result in results.values():
        actors = result["actors"]
        total = len(actors)
        for label, value in [
            ("actors", str(total)),
            ("documents in the room", str(result["documents"])),
            ("local actors (documents' own)", str(result["nodes"])),
            ("singletons (mentioned once)", share(sum(a["mentions"] == 1 for a in actors), total)),
            ("in one document only", share(sum(a["docs"] == 1 for a in actors), total)),
            ("mentions of >1 kind (pronouns too)", share(sum(a["kinds"] > 1 for a in actors), total)),
            ("names of >1 kind (pronouns left out)", share(sum(a["name_kinds"] > 1 for a in actors), total)),
            *[(f"kind {k}", str(sum(a["kind"] == k for a in actors)))
              for k in ("person", "organization", "armed_group", "state", "location", "other")],
        ]:
            rows.setdefault(label, []).append(value)
    print(f"\n{'health':38}" + "".join(f" | {name:>18}" for name in results))
    for label, values in rows.items():
        print(f"{label:38}" + "".join(f" | {v:>18}" for v in values))
    for name, result in results.items():
        mixed = [a for a in result["actors"] if a["kinds"] > 1][:5]
        print(f"\n{name}: most mentioned actors of mixed kinds: "
              + "; ".join(f"{a['id']} {sorted(a['kind_list'])}" for a in mixed))
        print(f"{name}: the {LARGEST} largest alias sets")
        for a in sorted(result["actors"], key=lambda a: (-len(a["aliases"]), a["id"]))[:LARGEST]:
            print(f"  {len(a['aliases']):4} {a['id'][:40]:40} {' | '.join(a['aliases'])[:150]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=TEXTS,
                        help=f"folder of .txt articles (default {TEXTS})")
    parser.add_argument("--limit", type=int, default=0,
                        help="build from the first N texts only (sorted names)")
    parser.add_argument("--db", type=Path,
                        help="room built by the new code: built if missing, else reused as is")
    parser.add_argument("--baseline-db", type=Path,
                        help="room built by the baseline's code: built if missing, else reused as is")
    baseline.add_argument(parser)
    parser.add_argument("--sizes", default=SIZES, help=f"corpus sizes N in documents (default {SIZES})")
    parser.add_argument("--repeat", type=int, default=3, help="time each size this many times, keep the best")
    parser.add_argument("--top-file", type=Path, default=Path("/tmp/actors_top100.tsv"),
                        help="where the top-100 list is written as TSV (default /tmp/actors_top100.tsv)")
    baseline.add_worker_argument(parser)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not args.worker and not (args.db and args.db.exists()) and not any(args.data.glob("*.txt")):
        print(f"no .txt articles in {args.data} (pass --data DIR)", file=sys.stderr)
        return 2
    if args.worker:
        return baseline.emit(worker(str(args.db), sizes, args.repeat))
    began, notes = time.perf_counter(), []
    tmp = Path(tempfile.mkdtemp(prefix="actors_scale_"))
    main_src = baseline.baseline_src(args.baseline, notes)
    versions = {"sitroom": (None, args.db or tmp / "new.duckdb")}
    if main_src:
        versions[baseline.label(main_src)] = (main_src, args.baseline_db or tmp / "main.duckdb")
    folder = texts_folder(args, tmp) if any(not room.exists() for _, room in versions.values()) else None
    results, timing = {}, {}
    for name, (src, room) in versions.items():
        start = time.perf_counter()
        if not room.exists():
            baseline.build_room(src, folder, room, notes)
            timing[f"{name} build"] = time.perf_counter() - start
        argv = ["--db", str(room), "--sizes", args.sizes, "--repeat", str(args.repeat)]
        result = baseline.run_worker(src, __file__, argv, notes) if room.exists() else None
        if result:
            results[name] = result
            notes.append(f"{name}: ran {Path(result['sitroom']).parent.parent}, room {room}")
        timing[f"{name} worker"] = time.perf_counter() - start - timing.get(f"{name} build", 0)
    if folder is not None and folder != args.data:
        shutil.rmtree(folder, ignore_errors=True)

    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"texts: {f'the first {args.limit} of ' if args.limit else ''}{args.data}" if folder
          else "texts: none read (every room reused)")
    if results:
        scaling(results)
    if "sitroom" in results:
        top(results["sitroom"]["actors"], args.top_file, TOP)
    if results:
        health(results)
    print()
    for note in notes:
        print(f"note: {note}")
    if any(tmp.iterdir()):
        print(f"note: rooms kept in {tmp} (pass them back with --db / --baseline-db to skip building)")
    else:
        tmp.rmdir()
    spent = ", ".join(f"{k} {v:.1f}s" for k, v in timing.items())
    print(f"run time {time.perf_counter() - began:.1f}s ({spent})")
    return 0 if "sitroom" in results else 1


if __name__ == "__main__":
    sys.exit(main())
