"""Building rooms: idempotent re-runs, replaced versions, and bad input that loses nothing."""

import json
import os

import pytest

from sitroom.build import build
from sitroom.store.room import Room

from .conftest import exported

ARTICLE = ("Talks In The Capital\n\n"
           "The delegations met on March 3, 2022 and agreed to continue the talks, officials said.\n")



def test_rebuild_is_a_no_op_and_a_changed_file_replaces_its_version(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").write_text(ARTICLE.replace("Capital", "North"))
    db = tmp_path / "room.duckdb"
    assert len(build([str(folder)], db).added) == 2
    first = exported(db)
    again = build([str(folder)], db)
    assert (len(again.unchanged), again.added, again.updated) == (2, [], [])
    assert exported(db) == first
    (folder / "a.txt").write_text(ARTICLE.replace("March 3", "March 4"))
    third = build([str(folder)], db)
    assert [s.split("/")[-1] for s in third.updated] == ["a.txt"]
    (doc,) = [d for d in exported(db)["documents"] if d["source"].endswith("a.txt")]
    assert "March 4" in doc["body"]["text"]


def test_force_processes_unchanged_documents_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "room.duckdb"
    build([str(path)], db)
    assert len(build([str(path)], db, force=True).updated) == 1


def test_jsonl_lines_that_disappear_are_removed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": f"Article {i} text.", "url": f"u{i}"}) for i in range(3)))
    db = tmp_path / "room.duckdb"
    build([str(feed)], db)
    feed.write_text(json.dumps({"text": "Article 0 text.", "url": "u0"}))
    report = build([str(feed)], db)
    assert len(report.removed) == 2 and len(report.unchanged) == 1


def test_bad_files_are_reported_and_good_ones_built(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    latin = "Le ministre a déclaré que la réunion était très importante pour la sécurité régionale.\n"
    (folder / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "feed.jsonl").write_text('{"text": "A complete record of text."}\n{"text": "cut off')
    db = tmp_path / "room.duckdb"
    report = build([str(folder)], db)
    failed = {f.source.split("/")[-1]: f.reason for f in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "feed.jsonl:2"}
    assert all("\n" not in reason for reason in failed.values())
    assert len(report.added) == 3
    docs = {d["source"].split("/")[-1]: d for d in exported(db)["documents"]}
    assert docs["latin1.txt"]["body"]["text"] == latin.strip()
    with Room(db, read_only=True) as room:
        assert room.db.execute("SELECT count(*) FROM failures").fetchone()[0] == 3


def test_a_file_that_turns_bad_keeps_its_last_good_version(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    db = tmp_path / "room.duckdb"
    build([str(path)], db)
    path.write_bytes(b"")
    report = build([str(path)], db)
    assert not report.ok
    assert len(exported(db)["documents"]) == 1


def test_worker_processes_write_the_same_room_as_one_process(tmp_path):
    from sitroom.settings import Settings

    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(7):
        story = (f"Talks {n}\n\nKarl Ostrom met Lena Halvorsen in Marlova on May {n + 1}, 2022. "
                 "\u201cWe agreed,\u201d Ostrom said. The border is 410 km long.\n")
        (folder / f"{n}.txt").write_text(story)
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "long.txt").write_text("The delegations met and talked for hours about the border. " * 10000)
    pictures = []
    for workers in (1, 2):
        db = tmp_path / f"room{workers}.duckdb"
        # the 600,000-character story fails by its length, not by a time budget, so that the machine's
        # load cannot change which documents fail (tests/reliability times a budget out on its own)
        report = build([str(folder)], db, Settings(max_document_chars=100_000), workers=workers)
        assert len(report.added) == 7 and sorted(f.source.rsplit("/", 1)[-1] for f in report.failed) == [
            "bad.txt", "long.txt"]
        pictures.append(exported(db))
    assert pictures[0] == pictures[1]


@pytest.mark.parametrize("fork", [True, False])
def test_worker_processes_without_the_pipeline_stop_the_build_with_advice(tmp_path, monkeypatch, fork):
    from sitroom.engines import local_pool
    from sitroom.errors import ModelError

    monkeypatch.setattr(local_pool, "_FORK", fork)  # (forked on Linux, spawned elsewhere)
    (tmp_path / "a.txt").write_text("Karl Ostrom met Lena Halvorsen in Marlova.")
    with pytest.raises(ModelError, match="not installed"):
        build([str(tmp_path / "a.txt")], tmp_path / "r.duckdb", model="no_such_pipeline_xx", workers=2)


def test_a_pipeline_that_fails_to_load_stops_the_build_once_and_writes_nothing_twice(tmp_path, monkeypatch):
    from sitroom.engines import local_pool
    from sitroom.errors import ModelError

    def broken(name=None):
        raise ValueError("incompatible pipeline")

    monkeypatch.setattr(local_pool, "_FORK", True)
    monkeypatch.setattr(local_pool, "_MODEL", None)
    monkeypatch.setattr("sitroom.nlp.model.load_model", broken)
    for n in range(9):
        (tmp_path / f"{n}.txt").write_text(f"Talks {n}\n\nKarl Ostrom met Lena Halvorsen in Marlova.\n")
    with pytest.raises(ModelError, match="could not be loaded: ValueError: incompatible pipeline"):
        build([str(tmp_path)], tmp_path / "r.duckdb", workers=2)


def test_workers_that_keep_dying_stop_the_build(tmp_path, monkeypatch):
    from sitroom.engines import local_pool
    from sitroom.errors import WorkersDying

    monkeypatch.setattr(local_pool, "_FORK", True)
    monkeypatch.setattr(local_pool, "_start", lambda model: os._exit(3))  # (forked workers inherit it)
    for n in range(9):
        (tmp_path / f"{n}.txt").write_text(f"Talks {n}\n\nKarl Ostrom met Lena Halvorsen in Marlova.\n")
    with pytest.raises(WorkersDying, match="keep dying"):
        build([str(tmp_path)], tmp_path / "r.duckdb", workers=2)


def test_a_build_with_nothing_changed_does_not_resolve_again(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "room.duckdb"
    assert build([str(tmp_path)], db).resolved
    again = build([str(tmp_path)], db)
    assert not again.resolved and again.unchanged and exported(db) == exported(db)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("March 3", "March 4"))
    assert build([str(tmp_path)], db).resolved  # a document added: resolved again
    assert build([str(tmp_path)], db, force=True).resolved  # every document written anew
