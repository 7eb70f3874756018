"""Nothing is silently skipped or silently kept: unreadable folders are failures, a key read twice
fails the second place naming the first, the documents of deleted files leave the room, and the
build's limits are checked as flags with their own names."""

import json
import os

import duckdb
import pytest
from click.testing import CliRunner

from sitroom.build import build
from sitroom.cli.main import main
from sitroom.ingest.missing import deleted_origins
from sitroom.ingest.reader import Walked
from sitroom.nlp.passages import MAX_PASSAGE

TEXT = "Karl Ostrom met Lena Halvorsen in Marlova on March {n}, 2022, officials said.\n"


def _sources(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT source FROM documents").fetchall()
        return sorted(row[0].rsplit("/", 1)[-1] for row in rows)
    finally:
        con.close()


def _too_deep(folder):
    """A folder nested so deep that its path is longer than the system takes (PATH_MAX): no user,
    root included, can list it by name, the way a folder without read permission fails for others."""
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(18):
        os.mkdir("d" * 250, dir_fd=fd)
        inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    with open(os.open("hidden.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as handle:
        handle.write(TEXT.format(n=2))
    return os.path.join(folder, *["d" * 250] * 18)


def test_an_unreadable_folder_is_a_failure_not_a_silent_skip(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT.format(n=1))
    deep = _too_deep(folder)
    db = tmp_path / "room.duckdb"
    for target in (str(folder), deep):
        result = CliRunner().invoke(main, ["build", target, "--db", str(db), "-q"])
        assert result.exit_code == 1 and "failed 1" in result.output, result.output
        assert "cannot list folder" in result.output or "cannot read" in result.output
    assert _sources(db) == ["a.txt"]


def test_documents_under_a_folder_that_cannot_be_listed_are_not_taken_for_gone(tmp_path):
    gone = tmp_path / "docs" / "sub" / "x.txt"
    walked = Walked(folders=[tmp_path / "docs"], unreadable=[tmp_path / "docs" / "sub"])
    assert deleted_origins([str(gone), str(tmp_path / "docs" / "y.txt")], walked) == [
        str(tmp_path / "docs" / "y.txt")]


def test_a_url_read_twice_fails_the_second_place_naming_the_first(tmp_path):
    feed, other = tmp_path / "feed.jsonl", tmp_path / "other.jsonl"
    feed.write_text("\n".join(json.dumps({"url": u, "text": TEXT.format(n=n)})
                              for n, u in enumerate(["https://x.example/1", "https://x.example/2",
                                                     "https://x.example/1"], start=1)) + "\n")
    other.write_text(json.dumps({"url": "https://x.example/2", "text": TEXT.format(n=9)}) + "\n")
    db = tmp_path / "room.duckdb"
    first = build([str(feed), str(other)], db)
    reasons = {f.source: f.reason for f in first.failed}
    kept = "the first is kept"
    assert reasons == {f"{feed}:3": f"duplicate of {feed}:1: both are https://x.example/1; {kept}",
                       f"{other}:1": f"duplicate of {feed}:2: both are https://x.example/2; {kept}"}
    assert len(first.added) == 2
    again = build([str(feed), str(other)], db)  # stable: no flip-flop between the two versions
    assert again.updated == [] and len(again.unchanged) == 2 and len(again.failed) == 2


def test_the_documents_of_deleted_files_are_removed_unless_kept(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "sub/c.txt", "sub/d.txt"):
        (folder / name).write_text(TEXT.format(n=len(name)))
    single = tmp_path / "single.txt"
    single.write_text(TEXT.format(n=7))
    db = tmp_path / "room.duckdb"
    build([str(folder), str(single)], db)
    (folder / "b.txt").unlink()
    (folder / "sub" / "d.txt").unlink()
    kept = build([str(folder)], db, keep_missing=True)
    assert kept.removed == [] and _sources(db) == ["a.txt", "b.txt", "c.txt", "d.txt", "single.txt"]
    report = build([str(folder)], db)
    assert len(report.removed) == 2 and report.ok
    assert _sources(db) == ["a.txt", "c.txt", "single.txt"]  # a file outside the folder stays
    single.unlink()
    named = build([str(single)], db)  # a deleted file named again: removed, not a failure
    assert len(named.removed) == 1 and named.ok
    assert _sources(db) == ["a.txt", "c.txt"]
    typo = build([str(tmp_path / "nothing.txt")], db)
    assert [f.reason for f in typo.failed] == ["no such file or folder"]


@pytest.mark.parametrize(("flag", "value"), [
    ("--max-doc-chars", "-5"), ("--max-doc-chars", "0"), ("--max-doc-seconds", "0"),
    ("--max-doc-seconds", "-1"), ("--max-doc-seconds", "inf"), ("--max-file-mb", "inf"),
    ("--max-file-mb", "-2"), ("--max-file-mb", "nan")])
def test_limits_are_checked_as_flags(tmp_path, flag, value):
    (tmp_path / "a.txt").write_text(TEXT.format(n=1))
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "r.duckdb"),
                                       flag, value])
    assert result.exit_code == 2 and flag in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.duckdb").exists()


def test_limit_messages_name_the_flags(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT.format(n=1) * 10)
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--db", str(tmp_path / "r.duckdb"),
                                       "--max-doc-chars", "100"])
    assert result.exit_code == 1 and "raise --max-doc-chars" in result.output


def test_a_paragraph_longer_than_spacy_takes_is_analysed_in_pieces():
    from sitroom.clean import clean
    from sitroom.model.document import SourceText
    from sitroom.nlp.model import load_model
    from sitroom.nlp.passages import passages

    sentence = "The ministers of Marlova and Freedonia met again and talked about the border. "
    text = "Border Talks\n\n" + sentence * (1_500_000 // len(sentence)) + "\n"  # one paragraph
    doc = clean(SourceText(id="x", source="x", origin="x", format="text", text=text, content_hash="h",
                           encoding="utf-8"))
    assert max(len(p) for p in doc.paragraphs) > load_model().max_length
    pieces = passages(doc)
    assert max(len(p.span) for p in pieces) <= MAX_PASSAGE < load_model().max_length
    body = [p for p in pieces if p.voice == "body"]
    assert body[0].span.start == doc.paragraphs[0].start and body[-1].span.end == doc.paragraphs[-1].end
    assert all(a.span.end == b.span.start for a, b in zip(body, body[1:], strict=False))
    assert all(text[p.span.end - 2 : p.span.end] == ". " for p in body[:-1])  # cut after sentences


def test_a_duplicate_never_removes_the_document_it_repeats(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    record = json.dumps({"url": "https://x.example/9", "text": TEXT.format(n=9)}) + "\n"
    second.write_text(record)
    db = tmp_path / "room.duckdb"
    build([str(second)], db)
    first.write_text(record)  # the same url now also in a file read before it
    for _ in range(2):
        report = build([str(first), str(second)], db)
        assert report.removed == [] and len(report.failed) == 1 and len(_sources(db)) == 1


def test_a_file_reached_through_two_paths_given_is_read_once(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT.format(n=1))
    db = tmp_path / "room.duckdb"
    build([str(folder / "sub")], db)
    report = build([str(folder), str(folder / "sub")], db)
    assert report.ok and report.removed == [] and report.unchanged == [str(folder / "sub" / "a.txt")]


def test_documents_stay_when_the_same_relative_folder_is_built_from_elsewhere(tmp_path, monkeypatch):
    for place in ("one", "two"):
        (tmp_path / place / "news").mkdir(parents=True)
        (tmp_path / place / "news" / f"{place}.txt").write_text(TEXT.format(n=len(place)))
    db = tmp_path / "room.duckdb"
    monkeypatch.chdir(tmp_path / "one")
    build(["news"], db)
    monkeypatch.chdir(tmp_path / "two")
    report = build(["news"], db)
    assert report.removed == [] and _sources(db) == ["one.txt", "two.txt"]


def test_a_folder_listed_again_loses_its_old_failure(tmp_path):
    from sitroom.model.failure import Failure
    from sitroom.store.room import Room

    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "sub" / "a.txt").write_text(TEXT.format(n=1))
    db = tmp_path / "room.duckdb"
    with Room(db) as room:
        room.record_failure(Failure(str(tmp_path / "news" / "sub"), "ingest", "cannot list folder: denied"))
    assert build([str(tmp_path / "news")], db).ok
    result = CliRunner().invoke(main, ["failures", "--db", str(db), "--json"])
    assert json.loads(result.output) == []


def test_a_folder_that_turned_empty_keeps_its_documents_and_says_so(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT.format(n=1))
    db = tmp_path / "room.duckdb"
    build([str(folder)], db)
    (folder / "a.txt").unlink()  # as an unmounted share looks
    report = build([str(folder)], db)
    assert report.removed == [] and _sources(db) == ["a.txt"]
    assert "documents read from it are kept" in report.failed[0].reason
    folder.rmdir()  # the folder itself gone: its documents go
    report = build([str(folder)], db)
    assert len(report.removed) == 1 and report.ok and _sources(db) == []
