"""The `sitroom` command as a user runs it: help everywhere, clean errors, exit codes."""

import json

import pytest
from click.testing import CliRunner

from sitroom.cli.main import main
from sitroom.export.json_export import validate

COMMANDS = sorted(main.commands)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
def test_every_command_has_help(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command:
        assert main.commands[command[0]].help, f"{command[0]} has no help text"


def test_build_documents_export_round_trip(runner, tmp_path, corpus):
    db = str(tmp_path / "room.duckdb")
    result = runner.invoke(main, ["build", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "added 5" in result.output and "failed 0" in result.output
    listed = json.loads(runner.invoke(main, ["documents", "--db", db, "--json"]).output)
    assert len(listed) == 5 and {d["published_basis"] for d in listed} == {"stated", "inferred"}
    exported = runner.invoke(main, ["export", "--db", db, "--format", "json", "--output", "-"])
    assert exported.exit_code == 0
    validate(json.loads(exported.output))
    out = tmp_path / "export.json"
    assert runner.invoke(main, ["export", "--db", db, "--output", str(out)]).exit_code == 0
    assert json.loads(out.read_text())["format_version"] == 1
    again = runner.invoke(main, ["build", str(corpus), "--db", db])
    assert "unchanged 5" in again.output


def test_failed_inputs_give_exit_code_one_and_a_line_each(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("A short article with enough words to count as running text here.")
    db = str(tmp_path / "room.duckdb")
    result = runner.invoke(main, ["build", str(tmp_path), "--db", db])
    assert result.exit_code == 1
    assert "empty.txt: [ingest] empty file" in result.output
    assert "added 1" in result.output and "failed 1" in result.output
    listed = json.loads(runner.invoke(main, ["failures", "--db", db, "--json"]).output)
    assert [f["stage"] for f in listed] == ["ingest"]


def test_errors_are_one_line_without_traceback(runner, tmp_path):
    result = runner.invoke(main, ["documents", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("error: no room at")


def test_an_export_that_breaks_the_contract_names_the_place(corpus_export):
    import copy

    from sitroom.errors import ExportError

    broken = copy.deepcopy(corpus_export)
    broken["documents"][1]["id"] = 5
    with pytest.raises(ExportError, match="at documents/1/id: 5 is not of type"):
        validate(broken)


@pytest.mark.parametrize("value", ["2021-13", "2021-02-30", "yesterday", "21-07-08"])
def test_timeline_dates_are_checked(runner, small_room, value):
    result = runner.invoke(main, ["timeline", "--db", str(small_room), "--from", value])
    assert result.exit_code == 2 and "is not a date" in result.output


def test_a_path_that_cannot_be_written_is_one_line_not_a_traceback(runner, small_room, tmp_path):
    for command in (["export", "--output"], ["report", "--output"]):
        target = str(tmp_path / "no" / "such" / "x.out")
        result = runner.invoke(main, [*command, target, "--db", str(small_room)])
        assert result.exit_code == 1 and "cannot write" in result.output
        assert isinstance(result.exception, SystemExit)


def test_the_actors_subcommands_take_db_after_their_arguments(runner, small_room):
    result = runner.invoke(main, ["actors", "explain", "Karl Lindqvist", "John Harrington",
                                  "--db", str(small_room)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["actors"]).exit_code == 2  # no --db anywhere: a usage error


def test_serve_says_where_it_serves(small_room):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sitroom", "serve", "--db", str(small_room), "--port",
                               str(port)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # until it listens
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    server.terminate()
    _, said = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in said


READS = [["documents"], ["failures"], ["actors"], ["actors", "overrides"], ["quotes"], ["claims"],
         ["disagreements"], ["timeline"], ["search", "talks"]]


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_every_read_command_writes_json_and_the_same_rows_as_csv(runner, corpus_room, command):
    import csv
    import io

    as_json = runner.invoke(main, [*command, "--db", str(corpus_room), "--json"])
    as_csv = runner.invoke(main, [*command, "--db", str(corpus_room), "--csv"])
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, (as_json.output, as_csv.output)
    header, *rows = list(csv.reader(io.StringIO(as_csv.output)))
    assert header and all(len(r) == len(header) for r in rows)
    assert len(rows) == len(json.loads(as_json.output))


def test_export_as_csv_and_parquet_tables_and_a_graphml_network(runner, corpus_room, tmp_path):
    import csv

    import duckdb
    import networkx as nx

    db = str(corpus_room)
    data = json.loads(runner.invoke(main, ["export", "--db", db, "--output", "-"]).output)
    for fmt in ("csv", "parquet"):
        result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "--output", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    assert [e["id"] for e in events] == [e["id"] for e in data["events"]]
    parquet = tmp_path / "parquet" / "mentions.parquet"
    mentions = duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall()[0][0]
    assert mentions == sum(len(a["mentions"]) for a in data["actors"])
    graph_file = tmp_path / "network.graphml"
    assert runner.invoke(main, ["export", "--db", db, "--format", "graphml", "--output", str(graph_file)]
                         ).exit_code == 0
    network = nx.read_graphml(graph_file)
    in_events = {a for e in data["events"] for a in e["source"] + e["target"]}
    assert set(network.nodes) == in_events
    assert all(network.nodes[n]["name"] for n in network.nodes)
    assert all(d["events"] == d["cooperation"] + d["conflict"] for _, _, d in network.edges(data=True))
    folder_to_stdout = runner.invoke(main, ["export", "--db", db, "--format", "csv", "--output", "-"])
    assert folder_to_stdout.exit_code == 2


def test_export_as_followthemoney_entities_that_link_up(runner, corpus_room, tmp_path):
    model = pytest.importorskip("followthemoney").model
    target = tmp_path / "room.ftm.json"
    result = runner.invoke(main, ["export", "--db", str(corpus_room), "--format", "ftm", "--output",
                                  str(target)])
    assert result.exit_code == 0, result.output
    entities = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    schemata = {e["schema"] for e in entities}
    assert {"Article", "Person", "Event", "Mention"} <= schemata
    ids = {e["id"] for e in entities}
    for entity in entities:  # every reference to another entity resolves within the export
        schema = model.get(entity["schema"])
        for prop, values in entity["properties"].items():
            if schema.get(prop).type.name == "entity":
                assert set(values) <= ids, (entity["id"], prop)


def test_the_followthemoney_export_without_its_library_says_how_to_get_it(runner, corpus_room, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "followthemoney", None)  # as if not installed
    result = runner.invoke(main, ["export", "--db", str(corpus_room), "--format", "ftm", "--output", "-"])
    assert result.exit_code == 1 and "pip install 'sitroom[ftm]'" in result.output


def test_exported_tables_have_fixed_types_no_formula_cells_and_no_stale_files(runner, tmp_path):
    import csv

    import duckdb

    from sitroom.build import build

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("=HYPERLINK(\"http://example.invalid\",\"x\")\n\nBy Erik Lund\n\n"
                                  "VEXLEY, March 4, 2024 — Karl Ostrom met Lena Halvorsen in Vexley.\n",
                                  encoding="utf-8")
    db = tmp_path / "room.duckdb"
    assert build([str(folder)], db).ok
    out = tmp_path / "csv"
    out.mkdir()
    (out / "disagreements.csv").write_text("left from an earlier export", encoding="utf-8")
    export = ["export", "--db", str(db), "--output"]
    assert runner.invoke(main, [*export, str(out), "--format", "csv"]).exit_code == 0
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["title"].startswith("'=")  # a spreadsheet shows it, does not run it
    assert not (out / "disagreements.csv").exists()  # no disagreement now: no file, not the old one
    pq = tmp_path / "pq"
    assert runner.invoke(main, [*export, str(pq), "--format", "parquet"]).exit_code == 0
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{pq / 'documents.parquet'}'").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["published"] == "VARCHAR"  # a partial date stays text, whatever the data


def test_the_quotes_table_names_speakers_and_the_csv_keeps_their_ids(runner, corpus_room):
    import csv
    import io

    quotes = json.loads(runner.invoke(main, ["quotes", "--db", str(corpus_room), "--json"]).output)
    resolved = [q for q in quotes if q["speaker"]]
    assert resolved
    table = runner.invoke(main, ["quotes", "--db", str(corpus_room)], terminal_width=250).output
    assert not any(q["speaker"] in table for q in resolved)  # names, not ids like person:…
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["quotes", "--db", str(corpus_room),
                                                               "--csv"]).output)))
    assert [r["speaker_id"] for r in rows] == [q["speaker"] or "" for q in quotes]
    assert all(r["speaker"] for r, q in zip(rows, quotes, strict=True) if q["speaker"])


@pytest.mark.parametrize(("command", "code"), [
    (["quotes", "--speaker", "Zzzzz"], 0), (["claims", "--subject", "Zzzzz"], 0),
    (["timeline", "--actor", "Zzzzz"], 0), (["search", "talks", "--actor", "Zzzzz"], 0),
    (["actor", "Zzzzz"], 1), (["actors", "explain", "Zzzzz", "Oslo"], 1),
    (["actors", "merge", "Zzzzz", "Oslo"], 1), (["timeline", "--from", "2021-13"], 2),
])
def test_exit_codes_say_empty_answer_failure_or_usage_as_the_readme_says(runner, corpus_room, command, code):
    result = runner.invoke(main, [*command, "--db", str(corpus_room)])
    assert result.exit_code == code, result.output


def test_the_room_may_be_named_before_the_command(runner, corpus_room):
    first = runner.invoke(main, ["--db", str(corpus_room), "documents", "--json"])
    after = runner.invoke(main, ["documents", "--db", str(corpus_room), "--json"])
    assert first.exit_code == 0 and json.loads(first.output) == json.loads(after.output)
    nested = runner.invoke(main, ["--db", str(corpus_room), "actors", "overrides", "--json"])
    assert nested.exit_code == 0, nested.output


@pytest.mark.parametrize("command", [["timeline", "--from", "2021-13"], ["nosuch"], ["build"],
                                     ["quotes", "--bogus"]])
def test_a_usage_error_is_one_line_that_names_the_help(runner, corpus_room, command):
    result = runner.invoke(main, [*command, "--db", str(corpus_room)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "--help`)" in lines[0], result.output


def test_the_room_named_on_the_command_line_wins_over_sitroom_db(runner, corpus_room, small_room):
    """`sitroom --db ROOM cmd` and `sitroom actors --db ROOM sub` used to lose to SITROOM_DB."""
    env = {"SITROOM_DB": str(small_room)}
    own = json.loads(runner.invoke(main, ["documents", "--db", str(corpus_room), "--json"]).output)
    for command in (["--db", str(corpus_room), "documents", "--json"],
                    ["documents", "--db", str(corpus_room), "--json"]):
        result = runner.invoke(main, command, env=env)
        assert result.exit_code == 0 and json.loads(result.output) == own, command
    nested = runner.invoke(main, ["actors", "--db", str(corpus_room), "overrides", "--json"], env=env)
    assert nested.exit_code == 0, nested.output
    other = json.loads(runner.invoke(main, ["documents", "--json"], env=env).output)
    assert other != own  # with no --db, the environment's room


def test_sitroom_alone_prints_its_help_not_an_error(runner):
    result = runner.invoke(main, [])
    assert result.exit_code == 2 and result.output.startswith("Usage:") and "error" not in result.output
    assert "Commands:" in result.output
