"""Field cases ../shared/cases C11, C14, C18 (copied to tests/data/cases): the actor parts.

Invented articles with datelines in capitals, a one-word person name the tagger takes for a
place, a passive sentence with a named agent: what a careful reader finds, asserted on the export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.build import build
from sitroom.export.json_export import export
from sitroom.store.room import Room

CASES = Path(__file__).resolve().parent / "data" / "cases"


@pytest.fixture(scope="module")
def cases_export(tmp_path_factory) -> dict[str, dict]:
    out = {}
    for case in ("C11_passive", "C11_passive_probe", "C14_overmerge", "C18_allcaps_dateline"):
        db = tmp_path_factory.mktemp(case) / "room.duckdb"
        report = build([str(CASES / case)], db)
        assert report.ok, report.failed
        with Room(db, read_only=True) as room:
            out[case] = json.loads(json.dumps(export(room)))
    return out


def _holding(data: dict, alias: str) -> list[dict]:
    """The actors one of whose names (or mention texts) is ``alias``, case-sensitively."""
    return [a for a in data["actors"]
            if alias in a["aliases"] or alias == a["name"] or any(m["text"] == alias for m in a["mentions"])]


def test_c18_each_dateline_town_is_one_location_with_its_capitals_form(cases_export):
    data = cases_export["C18_allcaps_dateline"]
    for town in ("Orlevo", "Breska", "Velmora"):
        actors = _holding(data, town) + _holding(data, town.upper())
        assert len({a["id"] for a in actors}) == 1, (town, actors)
        (actor,) = {a["id"]: a for a in actors}.values()
        assert actor["kind"] == "location"
        assert {m["text"] for m in actor["mentions"]} == {town, town.upper()}
    assert not [a for a in data["actors"] if a["kind"] in ("person", "organization")
                and any(m["text"].isupper() for m in a["mentions"])]


def test_c11_the_dateline_town_is_a_location_and_no_participant(cases_export):
    for case in ("C11_passive", "C11_passive_probe"):
        data = cases_export[case]
        actors = {a["id"]: a for a in _holding(data, "Telsa") + _holding(data, "TELSA")}
        assert len(actors) == 1 and next(iter(actors.values()))["kind"] == "location"
        (telsa,) = actors
        assert not [e for e in data["events"] if telsa in e["source"] + e["target"]]


def test_c11_actors_have_the_right_kinds(cases_export):
    data = cases_export["C11_passive"]
    kinds = {a["name"]: a["kind"] for a in data["actors"]}
    assert kinds["Northern Shield Brigade"] == "armed_group"
    assert kinds["Lena Ostrova"] == "person"
    assert kinds["Harbour Workers' Union"] == "organization"
    (minister,) = [a for a in data["actors"] if a["name"] == "Lena Ostrova"]
    assert any("Transport Minister" in r["title"] for r in minister["roles"])
    assert "Transport" not in kinds  # the portfolio of a title is no actor


def test_c11_probe_an_organisation_named_with_a_preposition_is_no_person(cases_export):
    data = cases_export["C11_passive_probe"]
    assert not [a for a in data["actors"] if a["kind"] == "person"]
    (doctors,) = _holding(data, "Doctors Without Walls")
    assert doctors["kind"] == "organization"
    (brigade,) = [a for a in data["actors"] if a["name"] == "Northern Shield Brigade"]
    assert any(m["text"] == "the brigade" for m in brigade["mentions"])  # "attacked by the brigade"


def test_c14_a_one_word_person_is_a_person_and_never_a_place_or_iran(cases_export):
    data = cases_export["C14_overmerge"]
    (tigran,) = _holding(data, "Tigran")
    assert tigran["kind"] == "person"
    assert {m["text"] for m in tigran["mentions"]} >= {"Tigran"}
    (iran,) = _holding(data, "Iran")
    assert iran["kind"] == "state" and iran["country"] == "IRN" and iran["id"] != tigran["id"]
    (astara,) = _holding(data, "ASTARA")
    assert astara["kind"] == "location"
    speakers = {q["text"]: (q["kind"], q["speaker"]) for q in data["quotes"]}
    assert speakers["The melons will not last another week,"[:-1]] == ("direct", tigran["id"])
    assert speakers["he had been waiting for two days"] == ("indirect", tigran["id"])
    assert speakers["the crossing would reopen on Thursday"] == ("indirect", iran["id"])


def _events(data: dict) -> list[tuple]:
    names = {a["id"]: a["name"] for a in data["actors"]}
    return [(e["type"], tuple(names[x] for x in e["source"]), tuple(names[x] for x in e["target"]),
             (e["when"] or {}).get("start"), e["location"], e["status"]) for e in data["events"]]


def test_c11_event_parts_passive_target_and_the_clauses_own_date(cases_export):
    events = _events(cases_export["C11_passive"])
    assert ("ASSAULT", ("Northern Shield Brigade",), ("Red Crest relief agency",), "2024-01-15", "Telsa",
            "reported") in events  # "on Monday", not the dateline's January 16
    assert ("ACCUSE", ("Lena Ostrova",), ("Harbour Workers' Union",)) in [e[:3] for e in events]
    probe = [e[:4] for e in _events(cases_export["C11_passive_probe"])]
    assert ("ASSAULT", ("Northern Shield Brigade",), ("Red Crest Society",), "2024-01-15") in probe
    assert ("ASSAULT", ("Northern Shield Brigade",), ("Doctors Without Walls",), "2024-01-14") in probe
