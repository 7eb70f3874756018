"""`sitroom actors`, `actor`, `actors explain/merge/split` on a small room; overrides survive rebuilds."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from sitroom.cli.main import main
from sitroom.store.room import Room

from ..conftest import written_room

DOC_A = """Ministers Meet In Oslo

Norwegian Foreign Minister John Harrington met Swedish envoy Karl Lindqvist in Oslo on Monday, officials said.

Harrington said the talks were useful.
"""
DOC_B = """Talks Continue

John Harington, the Norwegian Foreign Minister, spoke to reporters after the meeting on Tuesday.

Lindqvist did not comment on the talks.
"""


@pytest.fixture
def room(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC_A)
    (folder / "b.txt").write_text(DOC_B)
    db = tmp_path / "room.duckdb"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(folder), "--db", str(db)]).exit_code == 0
    return runner, folder, str(db)


def _people(runner, db):
    result = runner.invoke(main, ["actors", "--db", db, "--kind", "person", "--json"])
    assert result.exit_code == 0, result.output
    return {r["name"]: r for r in json.loads(result.output)}


def test_actors_list_merges_spellings_across_documents(room):
    runner, _, db = room
    people = _people(runner, db)
    assert people["John Harrington"]["documents"] == 2
    assert "John Harington" in people["John Harrington"]["aliases"]


def test_dossier_shows_roles_and_sentences(room):
    runner, _, db = room
    result = runner.invoke(main, ["actor", "Harrington", "--db", db, "--json"])
    dossier = json.loads(result.output)
    assert any(r["title"] == "Norwegian Foreign Minister" for r in dossier["roles"])
    assert all(m["sentence"]["text"].count(m["text"]) >= 1 for m in dossier["mentions"])
    table = runner.invoke(main, ["actor", "John Harrington", "--db", db])
    assert "Norwegian Foreign Minister" in table.output


def test_dossier_has_the_actors_events_quotes_and_whom_it_acts_with(room):
    runner, _, db = room
    dossier = json.loads(runner.invoke(main, ["actor", "John Harrington", "--db", db, "--json"]).output)
    assert any(e["type"] == "CONSULT" for e in dossier["events"])
    assert [c["name"] for c in dossier["co_actors"]][:1] == ["Karl Lindqvist"]
    assert dossier["co_actors"][0]["cooperation"] >= 1
    assert any("talks were useful" in q["text"] for q in dossier["quotes"])
    table = runner.invoke(main, ["actor", "John Harrington", "--db", db]).output
    assert "acts with" in table and "Karl Lindqvist" in table and "quotes (" in table and "events (" in table
    written = runner.invoke(main, ["actor", "Harrington", "--db", db, "--csv"]).output
    rows = list(csv.DictReader(io.StringIO(written)))
    assert len(rows) == len(dossier["mentions"])  # one row per mention, with its sentence
    assert all(r["text"] in r["sentence"] and r["actor"] == dossier["id"] for r in rows)


def test_explain_names_the_rule(room):
    runner, _, db = room
    result = runner.invoke(main, ["actors", "--db", db, "explain", "John Harrington", "John Harington"])
    assert "same person" in result.output and "one actor" in result.output


def test_merge_and_split_survive_rebuilds(room):
    runner, folder, db = room
    merged = runner.invoke(main, ["actors", "--db", db, "merge", "Karl Lindqvist", "John Harrington"])
    assert merged.exit_code == 0, merged.output
    assert "Karl Lindqvist" in _people(runner, db)["John Harrington"]["aliases"]
    split = runner.invoke(main, ["actors", "--db", db, "split", "John Harrington", "John Harington"])
    assert split.exit_code == 0, split.output
    (folder / "a.txt").write_text(DOC_A.replace("Monday", "Sunday"))
    rebuilt = runner.invoke(main, ["build", str(folder), "--db", db, "--force"])
    assert rebuilt.exit_code == 0
    people = _people(runner, db)
    assert "Karl Lindqvist" in people["John Harrington"]["aliases"]
    assert "John Harington" not in people["John Harrington"]["aliases"]
    assert "John Harington" in people


def test_overrides_of_unknown_names_are_refused(room):
    runner, _, db = room
    result = runner.invoke(main, ["actors", "--db", db, "merge", "Nobody Here", "John Harrington"])
    assert result.exit_code == 1 and "no actor or mention in the room" in result.output


def test_overrides_are_listed_undone_and_taken_by_id(room):
    runner, _, db = room
    people = _people(runner, db)
    ident = people["Karl Lindqvist"]["id"]
    merged = runner.invoke(main, ["actors", "merge", ident, "John Harrington", "--db", db])  # by id
    assert merged.exit_code == 0, merged.output
    assert "recorded as override 1" in merged.output and "--undo 1`" in merged.output
    assert "Karl Lindqvist" not in _people(runner, db)  # shown at once, no rebuild
    listed = json.loads(runner.invoke(main, ["actors", "overrides", "--db", db, "--json"]).output)
    assert [(o["number"], o["action"], o["b"]) for o in listed] == [(1, "merge", "John Harrington")]
    assert listed[0]["a"].startswith("Karl Lindqvist@")  # the id as one of its document actors
    undone = runner.invoke(main, ["actors", "overrides", "--undo", "1", "--db", db])
    assert undone.exit_code == 0 and "undone: merge" in undone.output
    assert "Karl Lindqvist" in _people(runner, db)  # apart again
    assert json.loads(runner.invoke(main, ["actors", "overrides", "--db", db, "--json"]).output) == []
    missing = runner.invoke(main, ["actors", "overrides", "--undo", "3", "--db", db])
    assert missing.exit_code == 1 and "no override 3" in missing.output
    unknown = runner.invoke(main, ["actors", "merge", "person:nobody", "John Harrington", "--db", db])
    assert unknown.exit_code == 1 and "no actor or mention" in unknown.output


def test_a_city_merged_into_the_state_its_name_stands_for(tmp_path):
    """Some mentions of "Lima" are read as Peru (its government speaking), so the name is both actors':
    merging by name or id takes the city's own actor, and the state keeps its name and kind."""
    db = str(written_room({
        "a.txt": "Offer rejected\n\nPeru's foreign ministry rejected the offer on Monday. Lima said the "
                 "terms were unfair, and Peru will not sign.\n",
        "b.txt": "Floods\n\nHeavy rain flooded parts of Lima on Tuesday. Residents of Lima were moved to "
                 "schools, the mayor of Lima said.\n"}, tmp_path))
    runner = CliRunner()
    before = {a["id"] for a in json.loads(runner.invoke(main, ["actors", "--db", db, "--json"]).output)}
    assert {"location:lima", "state:peru"} <= before
    merged = runner.invoke(main, ["actors", "merge", "Lima", "Peru", "--db", db])
    assert merged.exit_code == 0 and "Peru (state:peru)" in merged.output
    after = {a["id"]: a for a in json.loads(runner.invoke(main, ["actors", "--db", db, "--json"]).output)}
    assert "location:lima" not in after and after["state:peru"]["documents"] == 2
    again = runner.invoke(main, ["actors", "merge", "location:lima", "state:peru", "--db", db])
    assert again.exit_code == 1 and "no actor or mention" in again.output  # the city is gone
    same = runner.invoke(main, ["actors", "merge", "Lima", "Peru", "--db", db])
    assert same.exit_code == 1 and "would change nothing" in same.output and "nothing recorded" in same.output
    listed = json.loads(runner.invoke(main, ["actors", "overrides", "--db", db, "--json"]).output)
    assert [(o["action"], o["a"], o["b"]) for o in listed] == [("merge", "Lima", "Peru")]
    undone = runner.invoke(main, ["actors", "overrides", "--undo", "1", "--db", db])
    assert undone.exit_code == 0
    by_id = runner.invoke(main, ["actors", "merge", "location:lima", "state:peru", "--db", db])
    assert by_id.exit_code == 0 and "Peru (state:peru)" in by_id.output


def test_a_split_actor_is_named_by_the_words_split_off(tmp_path):
    db = str(written_room({
        "c.txt": "Accord\n\nThe Republic of Peru signed the accord on Monday. Peru said it would ratify it "
                 "within a month.\n",
        "d.txt": "Floods\n\nHeavy rain flooded parts of Lima on Tuesday. Peru sent troops to help.\n"},
        tmp_path))
    runner = CliRunner()
    split = runner.invoke(main, ["actors", "split", "Peru", "Republic of Peru", "--db", db])
    assert split.exit_code == 0 and "Republic of Peru (state:republic-of-peru)" in split.output
    names = [a["name"] for a in json.loads(runner.invoke(main, ["actors", "--db", db, "--json"]).output)]
    assert names.count("Peru") == 1 and "Republic of Peru" in names  # never two actors of one name


KARLS = {"a.txt": "Port talks resume\n\nThe Norland trade minister Lena Halvorsen arrived in Vexley on "
                  "Monday. Karl, a dock worker, said the port would reopen. She said the talks went well.\n",
         "b.txt": "Border deal criticised\n\nKarl, a retired teacher, criticised the border deal on "
                  "Tuesday.\n",
         "c.txt": "Farmers strike on\n\nFarmers in Marlova went on strike on Friday. Karl, a farmer, said "
                  "the strike would go on.\n"}


def test_an_actor_named_by_id_stays_the_one_meant_after_undo_and_rebuild(tmp_path):
    """Three people called Karl, one per article: an override given by id keeps meaning that Karl when an
    earlier override is undone or the room rebuilt (numbered ids used to shift onto another Karl)."""
    db = str(written_room(KARLS, tmp_path))
    runner = CliRunner()

    def karls():
        rows = json.loads(runner.invoke(main, ["actors", "--db", db, "--kind", "person", "--json"]).output)
        return {r["id"]: _documents(runner, db, r["id"]) for r in rows if r["name"] == "Karl"}

    def halvorsen():
        return _documents(runner, db, "Lena Halvorsen")

    first = karls()
    assert len(first) == 3
    one, two = sorted(k for k in first if k != "person:karl")
    for ident in (one, two):
        merged = runner.invoke(main, ["actors", "merge", ident, "Lena Halvorsen", "--db", db])
        assert merged.exit_code == 0, merged.output
        assert {k: v for k, v in first.items() if k not in (one, two)}.items() <= karls().items()
    assert halvorsen() >= first[one] | first[two]
    assert runner.invoke(main, ["actors", "overrides", "--undo", "1", "--db", db]).exit_code == 0
    assert karls()[one] == first[one]  # the first Karl is apart again, under the same id
    assert first[two] <= halvorsen() and not first[one] & halvorsen()
    assert runner.invoke(main, ["build", str(tmp_path), "--db", db, "--force"]).exit_code == 0
    assert first[two] <= halvorsen() and karls()[one] == first[one]


def test_a_pronoun_names_no_actor_to_merge(tmp_path):
    db = str(written_room(KARLS, tmp_path))
    result = CliRunner().invoke(main, ["actors", "merge", "she", "Lena Halvorsen", "--db", db])
    assert result.exit_code == 1 and "no actor or mention in the room is called 'she'" in result.output


def _documents(runner, db, ref):
    dossier = json.loads(runner.invoke(main, ["actor", ref, "--db", db, "--json"]).output)
    return {d["id"] for d in dossier["documents"]}


def test_the_dossier_prints_a_range_and_an_approximate_number_as_read(tmp_path):
    db = str(written_room({"e.txt": "Aid pledged\n\nNorland pledged about $5-10 billion to Marlova on "
                                    "Monday, its finance ministry said. Norland raised its key rate by "
                                    "0.125 percent on Tuesday.\n"}, tmp_path))
    claims = json.loads(CliRunner().invoke(main, ["claims", "--db", db, "--json"]).output)
    assert any(c["upper"] for c in claims), claims
    shown = CliRunner().invoke(main, ["actor", "Norland", "--db", db])
    assert shown.exit_code == 0 and "≈ 5,000,000,000–10,000,000,000" in shown.output, shown.output
    assert "0.125 %" in shown.output  # not rounded to 0.12
    from sitroom.cli.output import amount

    assert amount({"value": 12345678901.0}) == "12,345,678,901" and amount({"value": 0.004}) == "0.004"


def test_search_finds_an_actor_by_any_case_of_its_name(tmp_path):
    """`search --actor WEISS` missed "Gerhard Weiß" (SQL lower() beside Python casefold) while `timeline
    --actor WEISS` found him."""
    db = str(written_room({"w.txt": "Aid talks\n\nGerhard Weiß, the Norland aid minister, met officials "
                                    "in Vexley on Monday to discuss food aid.\n"}, tmp_path))
    runner = CliRunner()
    for name in ("WEISS", "Weiß", "gerhard weiss"):
        found = runner.invoke(main, ["search", "aid", "--actor", name, "--db", db, "--json"])
        assert found.exit_code == 0 and json.loads(found.output), (name, found.output)


def test_a_refused_override_names_the_actors_as_the_user_did_and_a_dead_one_is_listed(room):
    runner, _, db = room
    ident = _people(runner, db)["John Harrington"]["id"]
    same = runner.invoke(main, ["actors", "merge", f"  {ident} ", "John Harrington", "--db", db])
    assert same.exit_code == 1
    assert f"{ident} and John Harrington are one actor already" in same.output and "@" not in same.output
    with Room(db) as opened:  # as an older sitroom recorded it: an id numbered by first document
        opened.add_override("merge", "person:nobody-2", "John Harrington")
    assert runner.invoke(main, ["resolve", "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(main, ["actors", "overrides", "--db", db, "--json"]).output)
    assert [(o["number"], o["applies"]) for o in listed] == [(1, False)]
