"""Disagreements across articles written for the tests: one deal with two amounts is one disagreement;
different years or different countries are different things."""

import json

from sitroom.export.json_export import export
from sitroom.store.room import Room

from .conftest import written_room

_DEAL = ("Port deal signed\n\nBy Erik Lund\n\nMARLOVA, March 4, 2024 — The harbour authority of Marlova "
         "signed a {amount} dredging contract with a Ruritanian firm on Monday, officials said.\n")
_BUDGETS = ("Budgets compared\n\nBy Lena Halvorsen\n\nMARLOVA, March 5, 2024 — {text}\n")


def _export(tmp_path, texts: list[str]) -> dict:
    folder = tmp_path / "articles"
    folder.mkdir()
    db = written_room({f"a{i}.txt": text for i, text in enumerate(texts)}, folder)
    with Room(db, read_only=True) as room:
        return json.loads(json.dumps(export(room)))


def _disagreements(tmp_path, texts: list[str]) -> list[dict]:
    return _export(tmp_path, texts)["disagreements"]


def test_one_deal_two_amounts_is_one_disagreement(tmp_path):
    found = _disagreements(tmp_path, [_DEAL.format(amount="$45 million"), _DEAL.format(amount="$40 million")])
    assert len(found) == 1 and "dredging contract" in found[0]["note"]


def test_different_years_and_countries_are_different_things(tmp_path):
    found = _disagreements(tmp_path, [
        _BUDGETS.format(text="Ruritania spent $4 billion on defence in 2022, the ministry said."),
        _BUDGETS.format(text="Ruritania spent $5 billion on defence in 2023, the ministry said."),
        _BUDGETS.format(text="Freedonia spent $7 billion on defence in 2022, its ministry said."),
    ])
    assert found == []


def test_a_claim_says_which_actor_it_is_about(tmp_path):
    data = _export(tmp_path, [_BUDGETS.format(
        text="In Monday's survey, Karl Ostrom had 51.2 percent to Lena Halvorsen's 44.1 percent.")])
    names = {a["id"]: a["name"] for a in data["actors"]}
    about = {c["evidence"]["text"]: names.get(c.get("about")) for c in data["claims"]}
    assert about == {"51.2 percent": "Karl Ostrom", "44.1 percent": "Lena Halvorsen"}


def test_two_candidates_shares_on_one_day_are_two_things(tmp_path):
    poll = "In a poll released Monday, Karl Ostrom won {a} percent and Lena Halvorsen won {b} percent."
    assert _disagreements(tmp_path, [_BUDGETS.format(text=poll.format(a=46, b=41)),
                                     _BUDGETS.format(text=poll.format(a=46, b=41))]) == []


def test_a_pronoun_doing_what_a_number_measures_is_named(tmp_path):
    data = _export(tmp_path, [_BUDGETS.format(
        text="Karl Ostrom won the primary in Vexley on Sunday. He raised $6 million in March.")])
    names = {a["id"]: a["name"] for a in data["actors"]}
    (claim,) = data["claims"]
    assert claim["subject"] == "amount raised by Karl Ostrom" and names[claim["about"]] == "Karl Ostrom"


_MEETING = ("Talks in Vexley\n\nBy Erik Lund\n\n{town}, March {pub}, 2024 — Marlova Foreign Minister "
            "Karl Ostrom met Norland envoy Lena Halvorsen in Vexley on {day} to discuss the border.\n")


def test_one_meeting_two_articles_date_differently_is_a_disagreement(tmp_path):
    data = _export(tmp_path, [_MEETING.format(town="OSTERLAND", pub=6, day="March 4"),
                              _MEETING.format(town="VEXLEY", pub=7, day="Tuesday")])
    (found,) = data["disagreements"]
    assert len(found["events"]) == 2 and not found["claims"]
    assert "2024-03-04" in found["note"] and "2024-03-05" in found["note"]
    assert "Talks in Vexley" in found["note"]  # the articles by their titles


def test_who_met_whom_either_way_round_is_one_meeting(tmp_path):
    other_way = ("Border talks\n\nBy Lena Lund\n\nVEXLEY, March 7, 2024 — Lena Halvorsen met Karl Ostrom "
                 "in Vexley on Tuesday to discuss the border.\n")
    data = _export(tmp_path, [_MEETING.format(town="OSTERLAND", pub=6, day="March 4"), other_way])
    assert len(data["disagreements"]) == 1


def test_meetings_a_week_apart_again_or_both_told_by_one_article_are_two_meetings(tmp_path):
    again = "Karl Ostrom met Lena Halvorsen again in Vexley on March 5.\n"
    data = _export(tmp_path, [_MEETING.format(town="OSTERLAND", pub=6, day="March 4") + again,
                              _MEETING.format(town="VEXLEY", pub=14, day="March 12")])
    days = sorted(e["when"]["start"] for e in data["events"] if e["type"] == "CONSULT")
    assert days == ["2024-03-04", "2024-03-05", "2024-03-12"] and data["disagreements"] == []


def test_a_further_meeting_or_a_week_is_no_disagreement(tmp_path):
    further = ("Border talks\n\nBy Lena Lund\n\nVEXLEY, March 7, 2024 — Karl Ostrom met Lena Halvorsen "
               "again in Vexley on Tuesday to discuss the border.\n")
    week = ("Border talks\n\nBy Lena Lund\n\nVEXLEY, March 13, 2024 — Karl Ostrom met Lena Halvorsen "
            "in Vexley last week to discuss the border.\n")
    data = _export(tmp_path, [_MEETING.format(town="OSTERLAND", pub=6, day="March 4"), further, week])
    assert data["disagreements"] == []


def test_a_pronoun_anywhere_in_a_subject_is_named_and_a_possessive_keeps_its_s(tmp_path):
    data = _export(tmp_path, [_BUDGETS.format(
        text="Karl Ostrom won the primary in Vexley on Sunday. He would still need 358 delegates to support "
             "him. His 40 aides approved the plan.")])
    subjects = [claim["subject"] for claim in data["claims"]]
    assert subjects == ["delegates needed by Karl Ostrom", "Karl Ostrom's aides approving the plan"]


def test_a_toll_of_a_named_place_is_compared_and_an_unknown_possessive_leaves_its_preposition(tmp_path):
    flood = "The flood in Vexley on Monday killed {n} people, officials said."
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found = _disagreements(tmp_path / "a", [_BUDGETS.format(text=flood.format(n=40)),
                                            _BUDGETS.format(text=flood.format(n=52))])
    assert len(found) == 1
    text = "The plan failed. Its backers spent $5 million on ads."
    data = _export(tmp_path / "b", [_BUDGETS.format(text=text)])
    assert [c["subject"] for c in data["claims"]] == ["amount spent by backers on ads"]
