"""Property tests of what sitroom reads and writes: .jsonl lines, the report's data block and the
CLI's tables. Every name and sentence here is invented."""

import io
import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from sitroom.cli import output
from sitroom.ingest.reader import read_path
from sitroom.model.document import SourceText
from sitroom.model.failure import Failure

HOSTILE = st.sampled_from([
    "<!--", "-->", "</script>", "</SCRIPT >", "<script>", "]]>", "\u2028", "\u2029", '"', "'", "\\",
    "\\u003c", "${", "`", "&amp;", "&", ">", "\x01", "\x1b[31m", "\t", "\r\n", "\x7f", "\u0085", "[/b]",
    "[sic]", ":smile:", "\ufeff", "\u202e", "Vorlash", "Brenmoor Oskel"])
TEXT = st.lists(st.one_of(st.text(max_size=12), HOSTILE), max_size=8).map("".join)

# --- the offline report's data block ---------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20)
SECTIONS = ("documents", "events", "quotes", "disagreements")


def data_block(html: str) -> str:
    """The report data as a browser reads it: the element's text up to the first ``</script``."""
    start = html.index('<script id="report-data" type="application/json">')
    text = html[html.index(">", start) + 1:]
    text = text[:re.search("</script", text, re.I).start()]
    # "<!--" would put the parser in its escaped states, where "</script" may not end the text
    assert "<!--" not in text and "\x00" not in text  # (NUL would be read as U+FFFD)
    return text


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({k: st.lists(JSON_VALUES, max_size=3) for k in SECTIONS},
                             optional={"actors": st.dictionaries(TEXT, JSON_VALUES, max_size=3),
                                       "network": JSON_VALUES}))
def test_the_report_data_block_parses_back_to_the_data(data):
    from sitroom.report.html import render_data

    assert json.loads(data_block(render_data(data))) == data


def test_a_built_room_with_hostile_text_reports_every_sentence(tmp_path):
    from sitroom.build import build
    from sitroom.report import render
    from sitroom.report.data import report_data
    from sitroom.store.room import Room

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Vorlani Envoys Meet <!-- In Brenmoor ]]> ${x} \u2028 end\n\n"
        "On March 3, 2022, the Vorlani minister Tavren Oskel met the Gallish envoy Merit Dunvale in "
        'Brenmoor <!-- "quoted" \\ back </script><script>x</script>, officials said.\n\n'
        '"The talks were useful ${glorp} \u2029 and we will meet again," Oskel said <!-- after it.\n\n'
        "Gallish troops attacked the village of Pesk <!-- on March 4, 2022, the ministry said.\n",
        encoding="utf-8")
    db = tmp_path / "room.duckdb"
    assert build([str(tmp_path / "in")], db).ok
    with Room(db, read_only=True) as room:
        data = json.loads(json.dumps(report_data(room)))
        html = render(room)
    parsed = json.loads(data_block(html))
    assert parsed == data
    evidence = [c["before"] + c["mark"] + c["after"] for e in parsed["events"] for c in e["evidence"]]
    assert any("<!--" in s for s in evidence) and any("</script>" in s for s in evidence)


# --- the CLI's tables and messages -----------------------------------------------------------

def _consoles(monkeypatch) -> tuple[io.StringIO, io.StringIO]:
    stdout, stderr = io.StringIO(), io.StringIO()
    monkeypatch.setattr(output, "out", Console(file=stdout, width=2000, color_system=None))
    monkeypatch.setattr(output, "err", Console(file=stderr, width=2000, color_system=None))
    return stdout, stderr


def _no_controls(text: str) -> bool:
    return not any(c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) for c in text)


CELL = st.one_of(st.none(), st.integers(), TEXT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({"id": CELL, "title": CELL, "note": CELL}), max_size=4),
       st.one_of(st.none(), TEXT))
def test_a_table_shows_every_value_and_no_control_character(monkeypatch, rows, title):
    stdout, stderr = _consoles(monkeypatch)
    output.emit(rows, ("id", "title", "note"), False, title=title, wrap=("note",))
    shown = stdout.getvalue() + stderr.getvalue()
    assert _no_controls(shown)
    for value in [title] + [r[c] for r in rows for c in ("id", "title", "note")]:
        if value is not None:
            assert {c for c in str(value) if c.isprintable()} <= set(shown), value


@given(TEXT)
def test_visible_text_keeps_every_printable_character(text):
    shown = output.visible(text)
    assert _no_controls(shown) and {c for c in text if c.isprintable()} <= set(shown)


def test_markup_in_a_title_is_shown_as_written(monkeypatch):
    stdout, _ = _consoles(monkeypatch)
    output.emit([{"title": "Grelvot [/b] tallies [sic] :smile: [bold]mud[/bold]"}], ("title",), False)
    assert "Grelvot [/b] tallies [sic] :smile: [bold]mud[/bold]" in stdout.getvalue()


def test_escape_sequences_never_reach_the_terminal(monkeypatch):
    stdout, _ = _consoles(monkeypatch)
    output.emit([{"title": "Pesk\x1b[2J\x1b]0;owned\x07\rquiet\x9b31m"}], ("title",), False)
    shown = stdout.getvalue()
    assert _no_controls(shown) and "Pesk␛[2J␛]0;owned␇␍quiet\\x9b31m" in shown


def test_the_documents_command_shows_a_bracketed_title(tmp_path):
    from click.testing import CliRunner

    from sitroom.cli.main import main

    record = {"text": "Tavren Oskel met Merit Dunvale in Brenmoor on Monday, officials said.",
              "title": "Oskel [/b] meets [sic] Dunvale \x1b[31m"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "room.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-q", "--db", db, str(tmp_path / "a.jsonl")]).exit_code == 0
    result = runner.invoke(main, ["documents", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Oskel [/b] meets [sic] Dunvale ␛[31m" in result.output and _no_controls(result.output)


def test_a_failed_file_name_is_shown_without_its_escape_codes(tmp_path):
    from click.testing import CliRunner

    from sitroom.cli.main import main

    name = "blank\x1b]0;glarp\x07[red].txt"
    (tmp_path / name).write_text("   \n", encoding="utf-8")
    db = str(tmp_path / "room.duckdb")
    result = CliRunner().invoke(main, ["build", "-q", "--db", db, str(tmp_path / name)])
    assert result.exit_code == 1 and "failed" in result.output
    assert "blank␛]0;glarp␇[red].txt" in result.output and _no_controls(result.output)


def test_the_progress_bar_shows_a_bracketed_file_name(monkeypatch):
    from sitroom.cli import main

    stream = io.StringIO()
    monkeypatch.setattr(main, "err", Console(file=stream, force_terminal=True, width=200))
    with main._ProgressBar(disabled=False) as bar:
        bar.files_found(1)
        bar.file_done("in/Oskel [b] notes [sic]\x1b[2J.txt")
        bar.bar.refresh()
    assert "Oskel [b] notes [sic]␛[2J.txt" in stream.getvalue()


# --- .jsonl lines -----------------------------------------------------------------------------

NON_BLANK = st.text(min_size=1, max_size=30).filter(str.strip)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8)
NOT_STRING = ANY_JSON.filter(lambda v: not isinstance(v, str))
RESERVED = {"text", "url", "authors"}
EXTRAS = st.dictionaries(st.text(max_size=8).filter(lambda k: k not in RESERVED), ANY_JSON, max_size=3)
AUTHORS = st.one_of(st.none(), st.text(max_size=20), st.lists(ANY_JSON, max_size=3))
GOOD = st.builds(lambda text, extra, authors: {**extra, "text": text, **authors},
                 NON_BLANK, EXTRAS, st.one_of(st.just({}), st.fixed_dictionaries({"authors": AUTHORS})))
BAD = st.one_of(
    EXTRAS,  # no text
    st.builds(lambda extra, text: {**extra, "text": text}, EXTRAS,
              st.one_of(st.sampled_from(["", " ", "\n\t", "\u2028"]), NOT_STRING)),
    st.builds(lambda text, authors: {"text": text, "authors": authors}, NON_BLANK,
              st.one_of(st.integers(min_value=1), st.floats(min_value=1), st.just({"x": 1}))),
    ANY_JSON.filter(lambda v: not isinstance(v, dict)))  # not an object
BLANK = st.sampled_from(["", " ", "\t", "\r"])
GARBAGE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20).filter(
    lambda t: t.strip() and t.lstrip()[0] not in "{[\"-0123456789tfnNI")
LINE = st.one_of(st.tuples(st.just("good"), GOOD), st.tuples(st.just("bad"), BAD),
                 st.tuples(st.just("garbage"), GARBAGE), st.tuples(st.just("blank"), BLANK))


def _encode(kind, value, ascii_only):
    if kind in ("good", "bad"):  # raw DEL is test_raw_delete_characters_in_one_record_fail_only_that_record
        return json.dumps(value, ensure_ascii=ascii_only).replace("\x7f", "\\u007f")
    return value


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8).filter(lambda ls: any(k != "blank" for k, _ in ls)),
       st.lists(st.sampled_from(["\n", "\r\n"]), min_size=8, max_size=8), st.booleans(), st.booleans(),
       st.booleans())
def test_every_jsonl_line_is_one_document_or_one_failure(lines, ends, with_urls, ascii_only, last_newline):
    lines = [(k, {**v, "url": f"https://example.invalid/{i}"} if k == "good" and with_urls else v)
             for i, (k, v) in enumerate(lines)]
    body = "".join(_encode(k, v, ascii_only) + end for (k, v), end in zip(lines, ends, strict=False))
    if not last_newline:
        body = body.removesuffix("\r\n").removesuffix("\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_bytes(body.encode("utf-8"))
        results = list(read_path("feed.jsonl", path))
    expected = [(n, k, v) for n, (k, v) in enumerate(lines, start=1) if k != "blank"]
    assert len(results) == len(expected)
    for (number, kind, value), result in zip(expected, results, strict=True):
        where = f"feed.jsonl:{number}"
        if kind == "good":
            assert isinstance(result, SourceText), result
            assert result.text == value["text"] and result.source == value.get("url", where)
        else:
            assert isinstance(result, Failure) and result.source == where and result.reason, result


def test_a_deeply_nested_line_is_a_failure_of_its_own(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Vorlash grent tavo."}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    results = list(read_path("feed.jsonl", path))
    assert isinstance(results[0], SourceText)
    assert isinstance(results[1], Failure) and results[1].source == "feed.jsonl:2"


def test_raw_delete_characters_in_one_record_fail_only_that_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "Vorlash \x7f\x7f\x7f grent."}, {"text": "Brenmoor tavo plen."}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    results = list(read_path("feed.jsonl", path))
    assert [r.text for r in results if isinstance(r, SourceText)] == [r["text"] for r in lines]


def test_an_actor_dossier_shows_its_text_as_written(monkeypatch):
    from sitroom.cli import actors

    stream = io.StringIO()
    monkeypatch.setattr(actors, "out", Console(file=stream, width=300, color_system=None))
    evidence = {"text": "Oskel [/i] led\x1b[2J the guild"}
    actors._print_dossier({
        "name": "Tavren [/b] Oskel", "kind": "person", "country": "[red]Vorl\x1b]0;x\x07", "id": "a1",
        "aliases": ["Oskel [sic]"], "roles": [{"title": "warden\r", "when": None, "evidence": evidence}],
        "documents": [{"id": "d1", "title": "Pesk [/] notes"}],
        "mentions": [{"document": "d1", "start": 3, "text": "Oskel", "sentence": evidence}],
        "co_actors": [{"id": "a2", "name": "Vel [b] Anor", "events": 1, "cooperation": 1, "conflict": 0}],
        "events": [{"when": None, "type": "CONSULT", "summary": "met [/x] Vel", "status": "reported"}],
        "quotes": [{"evidence": {"document": "d1", "start": 5}, "text": "we [i]agree\x1b[2J"}],
        "claims": [{"subject": "ships [/]", "value": 12.0, "unit": "ships",
                    "evidence": {"text": "12 [b]ships"}}]})
    shown = stream.getvalue()
    assert _no_controls(shown)
    for text in ("Tavren [/b] Oskel", "[red]Vorl␛]0;x␇", "Oskel [sic]", "warden␍", "Pesk [/] notes",
                 "[d1:3] Oskel: Oskel [/i] led␛[2J the guild", "Vel [b] Anor", "met [/x] Vel",
                 "we [i]agree␛[2J", "ships [/]: 12 ships", "12 [b]ships"):
        assert text in shown, text
