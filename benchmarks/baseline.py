"""The current main's code beside the new one: a git worktree of a ref, and how to run sitroom from it.

Every benchmark that builds a room can build it twice in the same run: once with the code in this
checkout (the editable install, "new") and once with the code of a git ref ("main"), so both figures
come from the same data, machine and load. ``--baseline REF`` picks the ref (a branch, a tag or a
commit such as ``ce34065`` to compare with an older main); ``--baseline none`` skips it. The default
is ``origin/main`` when that exists, else ``HEAD`` (the last commit: the new figure then measures the
uncommitted edits).

The worktree is made once per commit (``git worktree add --detach``) under the temp folder as
``sitroom-baseline-<hash>`` and reused by later runs; ``git worktree remove PATH`` drops one. Its
``src/`` is put first on ``PYTHONPATH``, ahead of the editable install (a ``.pth`` path that site
appends at the end of ``sys.path``); ``python -P`` keeps the working folder off ``sys.path`` too.

A benchmark that calls sitroom's Python API in-process runs the baseline's part as a worker: the script
itself re-run with ``--worker`` under the baseline's code (``run_main``, ``run_worker``), which prints
its answer as one line of JSON (``emit``); the parent scores it beside the new code's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NONE = "none"


def git(*args: str, where: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True)


def default_ref() -> str:
    """``origin/main`` if this clone has it, else ``HEAD``."""
    return "origin/main" if git("rev-parse", "--verify", "--quiet", "origin/main^{commit}").stdout else "HEAD"


def add_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--baseline REF`` option every benchmark shares."""
    parser.add_argument("--baseline", default=default_ref(), metavar="REF",
                        help="git ref (branch, tag, commit) whose code is run beside the new code, in a "
                             f"worktree; default {default_ref()}; '{NONE}' skips it")


def commit_of(ref: str) -> str | None:
    """The full hash ``ref`` names, or None."""
    found = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    return found.stdout.strip() or None


def label(src: Path) -> str:
    """The column title for the baseline whose ``src/`` is given: ``main (ce34065)``. Taken from the
    worktree, not the ref, which may move while a benchmark runs (a commit lands on HEAD)."""
    return f"main ({git('rev-parse', '--short=7', 'HEAD', where=src).stdout.strip() or src.parent.name})"


def baseline_src(ref: str, notes: list[str] | None = None) -> Path | None:
    """The ``src/`` of a worktree checked out at ``ref``, made or reused; None (reason in ``notes``,
    else on stderr) when the ref is ``none``, does not exist, or its code does not import from there."""
    reasons = notes if notes is not None else []
    src = _worktree_src(ref, reasons)
    if src is not None:
        imported = imported_from(src)
        if imported != src / "sitroom" / "__init__.py":
            reasons.append(f"baseline {ref}: `import sitroom` with PYTHONPATH={src} loads {imported}, "
                           "not the worktree: no baseline")
            src = None
    if notes is None and reasons:
        print("\n".join(reasons), file=sys.stderr)
    return src


def _worktree_src(ref: str, reasons: list[str]) -> Path | None:
    if ref.lower() == NONE:
        return None
    commit = commit_of(ref)
    if commit is None:
        reasons.append(f"baseline {ref}: no such commit in {ROOT} (git rev-parse found nothing): no baseline")
        return None
    tree = Path(tempfile.gettempdir()) / f"sitroom-baseline-{commit[:12]}"
    if _checked_out(tree, commit):
        return tree / "src"
    git("worktree", "prune")  # a worktree whose folder was deleted blocks adding it again
    added = git("worktree", "add", "--detach", "--force", str(tree), commit)
    if added.returncode and not _checked_out(tree, commit):  # (another run may have just made it)
        reasons.append(f"baseline {ref}: git worktree add failed: {added.stderr.strip()[-300:]}")
        return None
    return tree / "src"


def _checked_out(tree: Path, commit: str) -> bool:
    here = git("rev-parse", "HEAD", where=tree).stdout.strip() if tree.is_dir() else None
    return here == commit and (tree / "src" / "sitroom" / "__init__.py").is_file()


def python_command(src: Path | None) -> tuple[list[str], dict[str, str]]:
    """``(argv prefix, env)`` to run this venv's Python with ``src``'s sitroom (None: the new code)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
    return [sys.executable], env


def sitroom_command(src: Path | None) -> tuple[list[str], dict[str, str]]:
    """``(argv prefix, env)`` for ``python -m sitroom`` with ``src``'s code (None: the new code)."""
    prefix, env = python_command(src)
    return [*prefix, "-P", "-m", "sitroom"], env


def imported_from(src: Path | None) -> Path | None:
    """Where ``import sitroom`` really loads from under ``python_command(src)``."""
    prefix, env = python_command(src)
    done = subprocess.run([*prefix, "-P", "-c", "import sitroom; print(sitroom.__file__)"],
                          capture_output=True, text=True, env=env)
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def build_room(src: Path | None, folder: Path, room: Path, notes: list[str], extra: list[str] = ()) -> bool:
    """``sitroom build FOLDER --db ROOM --quiet`` with ``src``'s code; False (and a note) on failure."""
    prefix, env = sitroom_command(src)
    done = subprocess.run([*prefix, "build", str(folder), "--db", str(room), "--quiet", *extra],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        said = (done.stderr or done.stdout).strip()[-400:]
        notes.append(f"sitroom build ({src or 'new'}) exited {done.returncode}: {said}")
    return done.returncode == 0


def room_or_built(room: Path | None, data: Path, folder: Path, notes: list[str]) -> Path | None:
    """``room``, or else a room built in ``folder`` from the texts in ``data`` with the new code; None when
    that build failed (the reason in ``notes``)."""
    if room is not None:
        return room
    built = folder / "room.duckdb"
    return built if build_room(None, data, built, notes) else None


def export_room(src: Path | None, room: Path, notes: list[str]) -> dict:
    """The room's JSON export (``sitroom export --format json``) with ``src``'s code; {} on failure."""
    prefix, env = sitroom_command(src)
    done = subprocess.run([*prefix, "export", "--db", str(room), "--format", "json", "--output", "-"],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        said = done.stderr.strip()[-400:]
        notes.append(f"sitroom export ({src or 'new'}) exited {done.returncode}: {said}")
        return {}
    return json.loads(done.stdout)


def add_worker_argument(parser: argparse.ArgumentParser) -> None:
    """The hidden ``--worker`` flag: the script re-run under one version's code, its answer as JSON."""
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)


def emit(result: dict) -> int:
    """A worker's answer on stdout: ``result`` and the file its ``sitroom`` was imported from."""
    print(json.dumps({**result, "sitroom": sys.modules["sitroom"].__file__}, default=str))
    return 0


def run_worker(src: Path | None, script: str, argv: list[str], notes: list[str]) -> dict | None:
    """``script ARGV --worker`` with ``src``'s code (None: the new code): its JSON answer (with ``wall``,
    the subprocess's seconds), or None and a note."""
    prefix, env = python_command(src)
    start = time.perf_counter()
    done = subprocess.run([*prefix, script, *argv, "--worker"], capture_output=True, text=True, env=env)
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None
    except (ValueError, IndexError):
        result = None
    if result is None:
        said = (done.stderr or done.stdout).strip()[-600:]
        notes.append(f"worker ({src or 'new'}) exited {done.returncode} without an answer: {said}")
        return None
    return {**result, "wall": time.perf_counter() - start}


def run_main(ref: str, script: str, argv: list[str], notes: list[str]) -> tuple[str, dict] | None:
    """The script re-run as a worker with the code of ``ref``: ``(column title, its answer)``, or None
    (``--baseline none``, no such ref, or the worker failed: the reason in ``notes``)."""
    src = baseline_src(ref, notes)
    result = run_worker(src, script, argv, notes) if src else None
    if result is None:
        return None
    notes.append(f"{label(src)}: ran {Path(result['sitroom']).parent.parent}")
    return label(src), result


def main() -> int:
    parser = argparse.ArgumentParser(description="Make (or find) the baseline worktree and show what "
                                                 "`import sitroom` loads with it and without it.")
    add_argument(parser)
    args = parser.parse_args()
    src = baseline_src(args.baseline)
    print(f"new:  {imported_from(None)}")
    print(f"{label(src)}: {imported_from(src)}" if src else f"baseline {args.baseline}: skipped")
    return 0 if src or args.baseline.lower() == NONE else 1


if __name__ == "__main__":
    sys.exit(main())
