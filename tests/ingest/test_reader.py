import json

from sitroom.ingest import discover, read_path
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure
from sitroom.settings import Settings


def _read_all(paths, settings=None):
    settings = settings or Settings()
    out = []
    for item in discover([str(p) for p in paths]):
        if isinstance(item, Failure):
            out.append(item)
        else:
            out.extend(read_path(*item, settings))
    return out


def test_folders_are_walked_in_order_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "b.txt").write_text("Second article text here.")
    (tmp_path / "a.md").write_text("# First\n\nFirst article text.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>Third</p>")
    names = [src.split("/")[-1] for src, _ in discover([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.html"]


def test_missing_and_unsupported_paths_are_failures(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    found = list(discover([str(tmp_path / "nope"), str(tmp_path / "x.pdf")]))
    assert [f.reason.split(" ")[0] for f in found] == ["no", "unsupported"]


def test_jsonl_records_carry_their_metadata_and_sources(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"text": "First article.", "url": "https://example.org/a", "title": "A", "outlet": "Example",
         "published": "2021-07-08T10:00:00Z", "authors": ["Jane Doe", "John Roe"]},
        {"text": "Second article.", "authors": "Ann Smith; Bob Stone"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = _read_all([path])
    assert first.source == "https://example.org/a"
    assert first.declared.title == "A" and first.declared.authors == ("Jane Doe", "John Roe")
    assert second.source == f"{path}:2"
    assert second.declared.authors == ("Ann Smith", "Bob Stone")
    assert first.text == "First article." and first.format == "jsonl"


def test_bad_jsonl_lines_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Good one."}\n[1, 2]\n{"title": "no text"}\n\n{"text": "Trunc')
    results = _read_all([path])
    assert [type(r).__name__ for r in results] == ["SourceText", "Failure", "Failure", "Failure"]
    reasons = [r.reason for r in results if isinstance(r, Failure)]
    assert "JSON object" in reasons[0] and "no 'text'" in reasons[1] and "bad JSON" in reasons[2]
    assert [r.source for r in results[1:]] == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_size_limits(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    (failure,) = _read_all([path], Settings(max_file_bytes=100))
    assert "over the limit" in failure.reason
    (failure,) = _read_all([path], Settings(max_document_chars=100))
    assert "characters" in failure.reason


def test_ids_are_stable_and_sources_are_as_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.")
    (one,) = _read_all([path])
    (two,) = _read_all([path])
    assert isinstance(one, SourceText) and one.id == two.id and one.source == str(path)


def test_jsonl_records_may_hold_line_separators_and_bad_fields_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [{"text": "One\u2028two\u2029three lines in one record."}, {"text": "Good.", "authors": 5},
               {"text": "Also good."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    results = _read_all([path])
    assert [type(r).__name__ for r in results] == ["SourceText", "Failure", "SourceText"]
    assert results[1].source.endswith(":2") and "authors" in results[1].reason
