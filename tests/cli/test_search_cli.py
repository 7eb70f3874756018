"""`sitroom search` on articles written for the test: BM25 ranking, filters, offsets that hold."""

import json

import pytest
from click.testing import CliRunner

from sitroom.cli.main import main

from ..conftest import written_room

ARTICLES = {
    "a.txt": "Border talks resume\n\nBy Erik Lund\n\nVEXLEY, March 4, 2024 — Karl Ostrom met Lena Halvorsen "
             "in Vexley on Monday to restart the border talks. The two sides agreed to meet again in April. "
             "Farmers in the valley said the harvest was poor.\n",
    "b.txt": "Shelling near the border\n\nBy Erik Lund\n\nMARLOVA, June 9, 2025 — Artillery shelled a "
             "village near the border on Sunday, officials said. Lena Halvorsen condemned the attack and "
             "called for new border talks.\n",
}


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> str:
    return str(written_room(ARTICLES, tmp_path_factory.mktemp("articles")))


def _search(room, *args) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--db", room, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_best_sentence_first_with_offsets_that_hold(room):
    rows = _search(room, "border talks")
    assert rows and "border talks" in rows[0]["text"].lower()
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(a["score"] >= b["score"] for a, b in zip(rows, rows[1:], strict=False))
    for row in rows:  # every hit is the text at its offsets in its document
        text = next(ARTICLES[n] for n in ARTICLES if row["source"].endswith(n))
        assert " ".join(text[row["start"]:row["end"]].split()) == row["text"]
    assert not [r for r in rows if "harvest" in r["text"]]  # no word of the query in it: not listed


def test_filters_by_actor_source_and_date(room):
    assert {r["source"][-5:] for r in _search(room, "talks", "--actor", "Karl Ostrom")} == {"a.txt"}
    assert {r["source"][-5:] for r in _search(room, "talks", "--source", "b.txt")} == {"b.txt"}
    assert {r["published"][:4] for r in _search(room, "talks", "--from", "2025")} == {"2025"}
    assert {r["published"][:4] for r in _search(room, "talks", "--to", "2024-12")} == {"2024"}
    assert _search(room, "talks", "--actor", "nobody of that name") == []
    assert len(_search(room, "talks", "--limit", "1")) == 1


def test_a_query_of_stop_words_or_a_bad_date_is_a_usage_error(room):
    for args in (["the of and"], ["talks", "--from", "2024-13"], ["talks", "--limit", "0"]):
        result = CliRunner().invoke(main, ["search", *args, "--db", room])
        assert result.exit_code == 2, (args, result.output)
    table = CliRunner().invoke(main, ["search", "shelling", "--db", room], terminal_width=200).output
    assert "rank" in table and "Artillery shelled" in table  # stemmed: "shelling" finds "shelled"


def test_the_type_filter_keeps_sentences_that_report_such_an_event(room):
    every = _search(room, "border")
    met = _search(room, "border", "--type", "consult")
    assert met and len(met) < len(every)
    assert all("met" in r["text"] for r in met)  # the meeting, not the shelling
    assert [r["text"].split()[:3] for r in _search(room, "border", "--type", "ACCUSE")] == [
        ["Lena", "Halvorsen", "condemned"]]
    refused = CliRunner().invoke(main, ["search", "border", "--type", "PICNIC", "--db", room])
    assert refused.exit_code == 2


def test_filters_mask_the_one_index_instead_of_indexing_again(room, monkeypatch):
    import bm25s

    from sitroom.query.search import search
    from sitroom.store.room import Room

    with Room(room, read_only=True) as r:
        search(r, "border")  # the room's index, made once
        made = []
        monkeypatch.setattr(bm25s.BM25, "index", lambda *a, **k: made.append(1))
        assert search(r, "border", actor="Lena Halvorsen")
        assert search(r, "border", source="b.txt", since="2025") and made == []


@pytest.mark.parametrize("name", ["Lena Halvorsen", "halvorsen", "person:karl-ostrom", "OST", "vexley",
                                  "50%", "no_one", ""])
def test_actor_ids_for_a_filter_are_the_ones_the_dossier_finds(room, name):
    from sitroom.query.actors import called, find
    from sitroom.store.room import Room

    with Room(room, read_only=True) as r:
        assert called(r, name) == sorted(a["id"] for a in find(r, name))
