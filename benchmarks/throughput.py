"""Measure `sitroom build` speed and peak memory (local and Ray engines) against bare spaCy `nlp.pipe`.

Per N: the build's seconds, words/s, CPU seconds and peak RSS beside bare spaCy in one process and on
every core (`--bare-cores`); then, on each local room, the corpus-wide stage resolved anew stage by
stage with the pairs compared, and the time to add 10 documents to the room of N
(``benchmarks/corpus_scale.py``; `--no-stages` skips that). For N beyond the texts, `--repeat K` copies
them under distinct names (the PolNeAR texts repeated, as issue 18 allows: `--sizes 840,10080 --repeat
12`); `--bare-sizes` and `--baseline-sizes` spare the longest reference runs at large N.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import baseline
import corpus_scale
from measured import SAMPLE_SECONDS, measure

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "bench" / "polnear" / "data" / "train" / "text"
LEGEND = """
peak RSS MB: /usr/bin/time -v "Maximum resident set size" of the timed process, the build's driver. For Ray
  that is the driver only (or a larger descendant it reaped: Linux reports a max, never a sum).
tree MB: the largest sum of RSS over the process and all its descendants, sampled with ps every {} s
  (for Ray: driver, GCS, raylet, agents, dashboard and workers; shared pages count once per process).
workers MB: the same sum over the Ray worker processes only (every ray::... process but the two agents:
  the analyser actors, Ray Data's helper actors, idle workers), and in brackets the most seen at once.
load: the 1-minute load average when the run ended (2 CPUs here: above 2 means other work competed)
vs bare: our words/s over bare spaCy's words/s (one process), both timed as whole subprocesses (start-up
  and model load included); "bare xN" (--bare-cores): bare spaCy in N processes (nlp.pipe n_process).
vs all: our words/s over those of bare spaCy on every core (the "bare xN" row; --bare-cores).
  A * marks a size bare spaCy was not run at (--bare-sizes): its seconds and CPU seconds there are estimated
  from the largest smaller size it ran at (start-up kept, nlp.pipe time scaled by the words).
CPU s: user + system CPU seconds of the timed process and the children it waited for (/usr/bin/time -v:
  the local engine's worker processes count; Ray's do not, they are not its children).
own CPU: the share of that CPU which is sitroom's own work, not spaCy's: 1 - bare spaCy's CPU / the build's
  CPU (issue 18's acceptance: at most 30 %).
"<engine> main": the same build with the code of the --baseline ref (a git worktree on PYTHONPATH)."""


def bare_worker(folder: str, processes: int = 1) -> None:
    """The reference (run in a subprocess): spaCy over the paragraphs of every text, in ``processes``
    processes (spaCy's ``n_process``); prints timings."""
    start = time.perf_counter()
    from sitroom.nlp.model import load_model

    nlp = load_model()
    loaded = time.perf_counter()
    paragraphs = [p.strip() for f in sorted(Path(folder).glob("*.txt"))
                  for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8", errors="replace")) if p.strip()]
    for _ in nlp.pipe(paragraphs, batch_size=64, n_process=processes):
        pass
    done = time.perf_counter()
    print(json.dumps({"load": loaded - start, "pipe": done - loaded, "paragraphs": len(paragraphs)}))


def pool(folder: Path, repeat: int) -> list[tuple[Path, str]]:
    """(source file, name in the temp folder) for every text, the set repeated ``repeat`` times."""
    files = sorted(folder.glob("*.txt"))
    return [(f, f.name if k == 0 else f"{f.stem}__copy{k}{f.suffix}") for k in range(repeat) for f in files]


def room_documents(db: Path) -> int | None:
    try:
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except Exception:  # noqa: BLE001 - a failed build may leave no room; the count is only a check
        return None


def own_share(cpu: float | None, bare_cpu: float | None) -> float | None:
    """The share of a build's CPU seconds that is sitroom's own work: all but what bare spaCy spends on
    the same paragraphs (both timed whole, model loads included)."""
    return None if not cpu or bare_cpu is None else max(0.0, 1 - bare_cpu / cpu)


def _timing(run: dict) -> dict | None:
    """The bare worker's own timings (model load, nlp.pipe seconds, paragraphs), None if it failed."""
    try:
        return json.loads(run["out"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def bare_at(rows: list, engine: str, n: int, words: int) -> tuple[float, float | None, int] | None:
    """``(seconds, CPU seconds, N measured at)`` of the bare spaCy run ``engine`` for N texts of ``words``
    words: as measured at N, else estimated from the largest smaller N it ran at, its start-up (model
    load) kept and its nlp.pipe seconds scaled by the words (spaCy's time is linear in them; the CPU
    seconds grow by as much times the processes' CPU per second of that run). None if it never ran."""
    runs = {m: (run, w) for m, e, run, w, _ in rows if e == engine and m <= n and run.get("timing")}
    if not runs:
        return None
    m = max(runs)
    run, measured_words = runs[m]
    extra = run["timing"]["pipe"] * (words / measured_words - 1)
    cpu = run["cpu"] and run["cpu"] + extra * run["cpu"] / run["seconds"]
    return run["seconds"] + extra, cpu, m


def _sizes(text: str | None) -> set[int]:
    return {int(s) for s in (text or "").split(",") if s.strip()}


def mb(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=TEXTS, help=f"Folder of .txt texts (default {TEXTS}).")
    parser.add_argument("--sizes", default="100,400,840", help="Comma-separated document counts N.")
    parser.add_argument("--engines", default="local,ray", help="Comma-separated engines: local, ray.")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="Copy the texts K times (renamed, so distinct documents) to allow N > texts.")
    parser.add_argument("--skip-bare", action="store_true", help="Do not run the bare spaCy reference.")
    parser.add_argument("--keep", action="store_true", help="Keep the temp folders (texts and rooms).")
    baseline.add_argument(parser)
    parser.add_argument("--bare-cores", action="store_true",
                        help="Also run bare spaCy on every core (nlp.pipe n_process = the cores).")
    parser.add_argument("--bare-sizes", metavar="N,N",
                        help="Run bare spaCy at these sizes only (default: every size).")
    parser.add_argument("--baseline-sizes", metavar="N,N",
                        help="Build with the --baseline code at these sizes only (default: every size).")
    parser.add_argument("--no-stages", action="store_true",
                        help="Skip the corpus-wide stage by stage and the 10 documents added to each room.")
    parser.add_argument("--add", type=Path, default=corpus_scale.ADD,
                        help=f"Texts added to each room of N, the first 10 (default {corpus_scale.ADD}).")
    parser.add_argument("--bare-worker", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--bare-processes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_worker:
        bare_worker(args.bare_worker, args.bare_processes)
        return 0
    texts = pool(args.data, max(1, args.repeat))
    if not texts:
        print(f"no .txt texts in {args.data} (pass --data DIR)", file=sys.stderr)
        return 2
    added = sorted(args.add.glob("*.txt"))[:10]
    if not args.no_stages and not added:
        print(f"no .txt texts to add in {args.add} (pass --add DIR, or --no-stages)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="sitroom-throughput-add-") as folder:
        add = Path(folder)  # the 10 texts added to each room
        for path in added:
            shutil.copyfile(path, add / path.name)
        return run(args, texts, add)


def run(args: argparse.Namespace, texts: list[tuple[Path, str]], add: Path) -> int:
    """Every size: bare spaCy, the builds, their corpus-wide stage and the texts in ``add`` added; then
    the tables."""
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    bare_sizes = _sizes(args.bare_sizes) or set(sizes)
    baseline_sizes = _sizes(args.baseline_sizes) or set(sizes)
    rows, notes, staged = [], [], {}
    main_src = baseline.baseline_src(args.baseline, notes)
    versions = [("", None), *([(" main", main_src)] if main_src else [])]
    print(f"texts: {args.data} ({len(texts)} available with --repeat {args.repeat}); CPUs: {os.cpu_count()}; "
          f"load average at start: {os.getloadavg()[0]:.2f}", flush=True)
    if main_src:
        print(f"'<engine> main' rows: {baseline.label(main_src)}, the code in {main_src}", flush=True)
    for asked in sizes:
        n = asked
        if n > len(texts):
            notes.append(f"N={n} asked, only {len(texts)} texts: measured {len(texts)} (use --repeat)")
            n = len(texts)
        tmp = Path(tempfile.mkdtemp(prefix=f"sitroom-throughput-{n}-"))
        docs = tmp / "docs"
        docs.mkdir()
        words = 0
        for source, name in texts[:n]:
            shutil.copyfile(source, docs / name)
            words += len(source.read_text(encoding="utf-8", errors="replace").split())
        bare = None
        if not args.skip_bare and asked in bare_sizes:
            run = measure([sys.executable, str(Path(__file__).resolve()), "--bare-worker", str(docs)])
            timing = _timing(run)
            if timing is None:
                notes.append(f"N={n} bare spaCy failed (exit {run['rc']}): {run['err'].strip()[-300:]}")
            else:
                bare = words / run["seconds"]
                rows.append((n, "bare spaCy", {**run, "timing": timing}, words, 1.0))
                notes.append(f"N={n} bare spaCy: model load {timing['load']:.1f} s, nlp.pipe "
                             f"{timing['pipe']:.1f} s over {timing['paragraphs']} paragraphs = "
                             f"{words / timing['pipe']:,.0f} words/s without start-up")
            cpus = len(os.sched_getaffinity(0))
            if args.bare_cores and bare and cpus > 1:
                run = measure([sys.executable, str(Path(__file__).resolve()), "--bare-worker", str(docs),
                               "--bare-processes", str(cpus)])
                timing = _timing(run)
                rows.append((n, f"bare x{cpus}", {**run, "timing": timing} if timing else run, words,
                             (words / run["seconds"]) / bare))
        if bare is None:
            estimate = bare_at(rows, "bare spaCy", n, words)
            bare = estimate and words / estimate[0]
            if bare:
                notes.append(f"N={n}: * bare spaCy not run: estimated from N={estimate[2]} (its start-up "
                             "kept, its nlp.pipe seconds scaled by the words)")
        for engine, (suffix, src) in ((e, v) for e in engines for v in versions
                                      if not v[1] or asked in baseline_sizes):
            name, db = engine + suffix, tmp / f"room-{engine}{suffix.strip()}.duckdb"
            prefix, env = baseline.sitroom_command(src)
            run = measure([*prefix, "build", str(docs), "--db", str(db), "--engine", engine, "--quiet"], env)
            stored = room_documents(db)
            if run["rc"] != 0 or stored != n:
                notes.append(f"N={n} {name}: exit {run['rc']}, {stored} documents in the room; "
                             f"{(run['err'] + run['out']).strip()[-300:]!r}")
            rows.append((n, name, run, words, (words / run["seconds"]) / bare if bare else None))
            print(f"  done: N={n} {name} in {run['seconds']:.1f} s", flush=True)
            if engine == "local" and not args.no_stages and run["rc"] == 0 and stored == n:
                version = baseline.label(src) if src else "new"
                staged.setdefault(version, []).extend(corpus_scale.measure(src, {n: db}, add, tmp, notes))
                print(f"  done: N={n} {name} corpus-wide stage and 10 documents added", flush=True)
        if args.keep:
            notes.append(f"N={n}: texts and rooms kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}\n")
    head = ("N", "engine", "seconds", "docs/s", "words/s", "peak RSS MB", "tree MB", "workers MB", "vs bare",
            "vs all", "CPU s", "own CPU", "load")
    print("{:>6} {:<11} {:>9} {:>7} {:>9} {:>11} {:>8} {:>10} {:>8} {:>6} {:>7} {:>7} {:>5}".format(*head))
    every_core = next((e for _, e, _, _, _ in rows if e.startswith("bare x")), None)
    for n, engine, run, words, ratio in rows:
        one, cores = bare_at(rows, "bare spaCy", n, words), every_core and bare_at(rows, every_core, n, words)
        versus = "-" if not cores or engine.startswith("bare") else f"{cores[0] / run['seconds']:.2f}"
        workers = f"{mb(run['workers_mb'])} ({run['workers']})" if engine.startswith("ray") else "-"
        own = own_share(run["cpu"], one[1]) if one and not engine.startswith("bare") else None
        engine = engine if not one or one[2] == n or engine.startswith("bare") else engine + "*"
        print(f"{n:>6} {engine:<11} {run['seconds']:>9.1f} {n / run['seconds']:>7.2f} "
              f"{words / run['seconds']:>9,.0f} {mb(run['rss_mb']):>11} {mb(run['tree_mb']):>8} "
              f"{workers:>10} {'-' if ratio is None else f'{ratio:.2f}':>8} {versus:>6} {mb(run['cpu']):>7} "
              f"{'-' if own is None else f'{own:.0%}':>7} {run['load']:>5.1f}")
    print(LEGEND.format(SAMPLE_SECONDS))
    if staged:
        print()
        corpus_scale.report(staged, add)
    for engine in (e + suffix for e in engines for suffix, _ in versions):
        runs = sorted((n, run["seconds"]) for n, e, run, _, _ in rows if e == engine)
        if len(runs) < 2:
            continue
        growth = (runs[-1][1] / runs[-1][0]) / (runs[0][1] / runs[0][0])
        verdict = ("more than 1.5x: worse than linear" if growth > 1.5 else "falls with N: fixed start-up "
                   "cost weighs on small N" if growth < 1 / 1.5 else "near-constant: near-linear")
        marginal = ", ".join(f"{100 * (t2 - t1) / (n2 - n1):.1f} ({n1}->{n2})"
                             for (n1, t1), (n2, t2) in zip(runs, runs[1:], strict=False) if n2 > n1)
        print(f"scaling {engine}: s/100 docs " + ", ".join(f"{100 * t / n:.1f} (N={n})" for n, t in runs)
              + f"; per document, largest/smallest N = {growth:.2f}x ({verdict});\n  marginal s/100 docs "
              f"between sizes (start-up cancelled out): {marginal}")
    for note in notes:
        print("note:", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
