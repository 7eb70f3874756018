"""A build killed midway leaves a consistent room the next build completes; a second writer waits
or fails with a clear message; limits fail one document with a reason."""

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from sitroom.build import build
from sitroom.errors import RoomBusy
from sitroom.settings import Settings
from sitroom.store.room import Room

ARTICLE = ("Talks In The Capital Number {n}\n\nThe delegations met on March {d}, 2022 and agreed to "
           "continue the talks on trade, officials said. Norwegian Foreign Minister John Harrington led "
           "the talks.\n")


TOTAL = 150


def _folder(tmp_path, count):
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(ARTICLE.format(n=n, d=n % 28 + 1))
    return folder


def _consistent(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        orphans = con.execute("SELECT count(*) FROM paragraphs p LEFT JOIN documents d "
                              "ON d.id = p.document WHERE d.id IS NULL").fetchone()[0]
        bare = con.execute("SELECT count(*) FROM documents d WHERE body_end > body_start AND NOT EXISTS "
                           "(SELECT 1 FROM sentences s WHERE s.document = d.id)").fetchone()[0]
        return orphans == 0 and bare == 0, con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_a_killed_build_leaves_whole_documents_and_the_next_build_completes(tmp_path):
    folder = _folder(tmp_path, TOTAL)
    db = tmp_path / "room.duckdb"
    cmd = [sys.executable, "-m", "sitroom", "build", str(folder), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:  # kill it once documents are going in
        time.sleep(0.2)
        written = sum(p.stat().st_size for p in (db, wal) if p.exists())
        if written > 40_000:
            break
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    ok, count = _consistent(db)
    assert ok
    assert count < TOTAL
    report = build([str(folder)], db)
    assert report.ok and len(report.added) + len(report.unchanged) + len(report.updated) == TOTAL
    assert _consistent(db) == (True, TOTAL)


def test_a_second_writer_waits_then_fails_clearly(tmp_path):
    db = tmp_path / "room.duckdb"
    with Room(db):
        pass
    code = (f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('locked', flush=True); "
            "time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(RoomBusy, match=r"is busy: process \d+ has it open"):
            Room(db, wait=1.0)
        assert time.monotonic() - started >= 1.0
    finally:
        holder.kill()
        holder.wait()
    with Room(db, wait=5.0):  # free again: opens
        pass


def test_the_time_budget_fails_one_document_and_the_batch_goes_on(tmp_path):
    folder = _folder(tmp_path, 2)
    (folder / "huge.txt").write_text("The delegations met and talked for hours about the border. " * 10000)
    report = build([str(folder)], tmp_path / "room.duckdb", Settings(max_document_seconds=2.0))
    failed = {f.source.split("/")[-1]: f.reason for f in report.failed}
    assert "huge.txt" in failed and "longer than" in failed["huge.txt"]
    assert len(report.added) == 2
