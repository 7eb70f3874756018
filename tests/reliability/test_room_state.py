"""The room never shows a wrong picture: builds killed at random statements (documents, a rebuild,
the corpus-wide stage) complete to exactly what a clean build gives; an interrupted rebuild leaves
no actor or event pointing at replaced text and every reader says the picture lags; a damaged
room is one clear error; a busy `sitroom serve` does not starve a build."""

import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import duckdb
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sitroom.build import build
from sitroom.cli.main import main
from sitroom.errors import RoomError
from sitroom.report import render
from sitroom.store import access
from sitroom.store.room import Room
from sitroom.web.app import create_app

from ..conftest import exported

STORY = ("Border Talks In Marlova, Part {n}\n\n{a} met {b} in Marlova on March {d}, 2022. The two "
         "ministers agreed to reopen the border crossing, officials said. \u201cWe will open it "
         "within a week,\u201d {a} told reporters.\n\nA day later {b} visited Freedonia.\n")
PEOPLE = [("Karl Ostrom", "Lena Halvorsen"), ("Erik Lund", "Mira Sandvik"), ("Anna Berg", "Tor Vik")]

# Runs a real build in a child process that SIGKILLs itself at its Nth multi-row insert (counting
# only those of the corpus-wide stage with "resolve"): inside a document's transaction, or inside
# the corpus-wide one. Prints the number of inserts counted when it ends.
KILLER = """
import os, signal, sys
from sitroom.build import build
from sitroom.store.room import Room
from sitroom.web.app import create_app
limit, only_resolve, calls, resolving = int(sys.argv[3]), sys.argv[4] == "resolve", [0], [False]
insert, resolve = Room._many, Room.replace_resolved
def counting(self, table, rows):
    if resolving[0] or not only_resolve:
        calls[0] += 1
        if calls[0] == limit:
            os.kill(os.getpid(), signal.SIGKILL)
    insert(self, table, rows)
def replacing(self, *args):
    resolving[0] = True
    resolve(self, *args)
    resolving[0] = False
Room._many, Room.replace_resolved = counting, replacing
build([sys.argv[1]], sys.argv[2])
print(calls[0])
"""


def _write(folder, count, version=0):
    folder.mkdir(exist_ok=True)
    for n in range(count):
        a, b = PEOPLE[(n + version) % len(PEOPLE)]
        (folder / f"{n:02d}.txt").write_text(STORY.format(n=n, a=a, b=b, d=n % 27 + 1))


def _run(folder, db, limit, stage="all"):
    done = subprocess.run([sys.executable, "-c", KILLER, str(folder), str(db), str(limit), stage],
                          capture_output=True, text=True, timeout=300)
    return int(done.stdout) if done.returncode == 0 else None


def test_builds_killed_at_random_statements_complete_to_the_clean_build(tmp_path):
    folder, rng = tmp_path / "docs", random.Random(1717)
    _write(folder, 8)
    clean = tmp_path / "clean.duckdb"
    inserts = _run(folder, clean, 0)  # a whole build, counting its inserts
    db = tmp_path / "room.duckdb"
    kills = sum(_run(folder, db, limit) is None for limit in sorted(rng.sample(range(2, inserts - 8), 3)))
    kills += _run(folder, db, rng.randrange(1, 5), "resolve") is None
    assert kills >= 3
    assert _run(folder, db, 0) is not None
    assert exported(db) == exported(clean)

    _write(folder, 8, version=1)  # every document changes its people: a rebuild
    clean_again = tmp_path / "clean-again.duckdb"
    inserts = _run(folder, clean_again, 0)
    kills = sum(_run(folder, db, limit) is None for limit in sorted(rng.sample(range(2, inserts - 8), 2)))
    kills += _run(folder, db, rng.randrange(1, 5), "resolve") is None
    assert kills >= 2
    assert _run(folder, db, 0) is not None
    assert exported(db) == exported(clean_again)


class _StopAfter:
    """A progress listener that interrupts the build after ``count`` files (as Ctrl-C would)."""

    def __init__(self, count):
        self.count = count

    def files_found(self, total):
        pass

    def file_done(self, source):
        self.count -= 1
        if self.count == 0:
            raise KeyboardInterrupt


def test_an_interrupted_rebuild_leaves_no_member_pointing_at_replaced_text(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "room.duckdb"
    _write(folder, 6)
    build([str(folder)], db)
    _write(folder, 6, version=1)
    with pytest.raises(KeyboardInterrupt):
        build([str(folder)], db, progress=_StopAfter(3))
    con = duckdb.connect(str(db), read_only=True)
    replaced = {row[0] for row in con.execute(
        "SELECT d.id FROM documents d WHERE d.text LIKE '%Erik Lund met Mira%' AND d.source LIKE '%00.txt'"
        " OR d.text LIKE '%Anna Berg met Tor%' AND d.source LIKE '%01.txt'").fetchall()}
    assert len(replaced) == 2  # the first documents were saved anew before the interruption
    members = {row[0] for row in con.execute("SELECT document FROM actor_members UNION "
                                             "SELECT document FROM event_members").fetchall()}
    con.close()
    assert not members & replaced
    runner = CliRunner()
    shown = runner.invoke(main, ["actors", "--db", str(db)])
    assert shown.exit_code == 0 and "do not yet cover every document" in shown.output
    with Room(db, read_only=True) as room:
        assert "Incomplete:" in render(room)
    page = TestClient(create_app(db, ("testserver",))).get("/actors")
    assert page.headers["X-Sitroom-Resolved"] == "no" and "do not yet cover every" in page.text
    assert runner.invoke(main, ["resolve", "--db", str(db)]).exit_code == 0
    assert "do not yet cover" not in runner.invoke(main, ["actors", "--db", str(db)]).output
    clean = tmp_path / "clean.duckdb"
    build([str(folder)], clean)
    build([str(folder)], db)
    assert exported(db) == exported(clean)


def _damage(db, how):
    if how == "version":
        con = duckdb.connect(str(db))
        con.execute("UPDATE room_meta SET value = 'three' WHERE key = 'schema_version'")
        con.close()
    elif how == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3])
    else:  # garbled: noise over every page after the header
        data = bytearray(db.read_bytes())
        for start in range(12_288, len(data) - 4096, 262_144):
            data[start + 100 : start + 2100] = os.urandom(2000)
        db.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["version", "truncated", "garbled"])
def test_a_damaged_room_is_one_clear_error_naming_the_fix(tmp_path, how):
    folder, db = tmp_path / "docs", tmp_path / "room.duckdb"
    _write(folder, 2)
    build([str(folder)], db)
    _damage(db, how)
    runner = CliRunner()
    for command in (["documents"], ["export", "--output", str(tmp_path / "x.json")], ["actors"]):
        result = runner.invoke(main, [*command, "--db", str(db)])
        assert result.exit_code == 1, (command, result.output)
        assert "damaged" in result.output and "sitroom build PATH --db NEW.duckdb" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.json").exists()
    with pytest.raises(RoomError, match="damaged"):
        Room(db)


# A reader that opens the room, reads, holds it for 0.2 s, closes and comes back at once, as a busy
# server's requests do; two of them, staggered, leave the file never free.
READER = """
import sys, time
from sitroom.errors import RoomBusy
from sitroom.store.room import Room
end = time.monotonic() + float(sys.argv[2])
print("reading", flush=True)
while time.monotonic() < end:
    try:
        with Room(sys.argv[1], read_only=True) as room:
            room.db.execute("SELECT count(*) FROM mentions").fetchall()
            time.sleep(0.2)
    except RoomBusy:
        time.sleep(0.05)
"""


def test_readers_coming_back_at_once_do_not_starve_a_writer(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "room.duckdb"
    _write(folder, 2)
    build([str(folder)], db)
    readers = []
    for _ in range(2):
        readers.append(subprocess.Popen([sys.executable, "-c", READER, str(db), "25"],
                                        stdout=subprocess.PIPE, text=True))
        assert readers[-1].stdout.readline().strip() == "reading"
        time.sleep(0.1)
    try:
        _write(folder, 3, version=1)
        started = time.monotonic()
        report = build([str(folder)], db)
        took = time.monotonic() - started
    finally:
        for reader in readers:
            reader.kill()
            reader.wait()
    assert report.ok and len(report.updated) == 2 and len(report.added) == 1
    assert took < 8  # without readers stepping aside: the readers' whole 25 s


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_busy_server_does_not_starve_a_build_and_says_the_room_is_being_rebuilt(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "room.duckdb"
    _write(folder, 2)
    build([str(folder)], db)
    port = _free_port()
    command = [sys.executable, "-m", "sitroom", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stop, answers = threading.Event(), []

    def hammer():
        while not stop.is_set():
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/actors?format=json")
                with urllib.request.urlopen(request, timeout=10) as response:
                    answers.append(response.status)
            except urllib.error.HTTPError as exc:
                answers.append((exc.code, json.loads(exc.read())["error"]["message"]))
            except OSError:
                time.sleep(0.05)

    threads = [threading.Thread(target=hammer) for _ in range(30)]
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not answers:  # the server is up once it answers
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
                break
            except OSError:
                time.sleep(0.2)
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        _write(folder, 3, version=1)
        started = time.monotonic()
        report = build([str(folder)], db)
        took = time.monotonic() - started
        time.sleep(0.5)
        held = access.busy_message(db, Exception(f"Conflicting lock is held (PID {server.pid})"), True)
    finally:
        stop.set()
        for thread in threads:
            if thread.is_alive():
                thread.join()
        server.terminate()
        server.wait()
    assert 200 in answers
    assert report.ok and len(report.updated) == 2 and len(report.added) == 1
    assert took < 8  # old main: 18 s on 2 cores, nearly the writer's 30 s wait
    assert "`sitroom serve`" in held and "reading it" in held
    busy = [a for a in answers if isinstance(a, tuple)]
    assert all(code == 503 and "being rebuilt" in message for code, message in busy)


def test_the_intent_file_of_a_writer_goes_with_it_wherever_it_moved(tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    room = Room("rel.duckdb")
    monkeypatch.chdir(tmp_path / "elsewhere")
    room.close()
    assert not (tmp_path / "rel.duckdb.writer").exists()


def test_a_process_forked_from_the_writer_does_not_keep_its_announcement_locked(tmp_path):
    import fcntl

    intent = access.Intent(tmp_path / "room.duckdb")
    ready, told = os.pipe()
    child = os.fork()
    if child == 0:  # a worker forked from the writer, still at work when the writer dies
        os.write(told, b"1")  # (past the fork's own handlers)
        time.sleep(5)
        os._exit(0)
    os.read(ready, 1)
    os.close(ready), os.close(told)
    try:
        intent.handle.close()  # the writer gone (its descriptor closed as by the kernel at its death)
        with open(access.intent_path(tmp_path / "room.duckdb")) as probe:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free, though the worker lives on
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)


def test_an_intent_file_nobody_holds_blocks_no_reader(tmp_path):
    db = tmp_path / "room.duckdb"
    Room(db).close()
    (tmp_path / "room.duckdb.writer").write_text(str(os.getppid()))  # a live process, holding nothing
    started = time.monotonic()
    with Room(db, read_only=True):
        pass
    assert time.monotonic() - started < 1


def test_a_reader_in_the_writers_process_is_told_so_at_once(tmp_path):
    db = tmp_path / "room.duckdb"
    with Room(db), pytest.raises(RoomError, match="open for writing in this process"):
        Room(db, read_only=True)
