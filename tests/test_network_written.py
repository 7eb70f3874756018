"""The actor network of written articles: every actor in an event, cooperation apart from conflict,
filtered by time, actor and side, laid out the same way every time; the web page and the report."""

import json
import os
import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from sitroom.query.network import network
from sitroom.store.room import Room
from sitroom.web.app import create_app

from .conftest import written_room

ARTICLES = {
    "shelling.txt": "Chile Shells Border Posts\n\nOn 3 March 2024, Chile shelled Peru's border "
                    "posts, officials said.\n\nOn 12 May 2025, Chile signed a trade agreement with "
                    "Bolivia in La Paz.\n",
    "protest.txt": "Peru Protests\n\nOn 5 March 2024, Peru accused Chile of aggression.\n\nOn 20 April 2024, "
                   "Argentina mobilised its reserves.\n",
}


@pytest.fixture(scope="module")
def room_path(tmp_path_factory):
    return written_room(ARTICLES, tmp_path_factory.mktemp("network"))


def _edges(found: dict) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["side"]) for e in found["edges"]}


def test_every_actor_in_an_event_is_a_node_and_each_side_its_own_edge(room_path):
    with Room(room_path, read_only=True) as room:
        found = network(room)
    assert {n["id"] for n in found["nodes"]} == {"state:chile", "state:peru", "state:bolivia",
                                                 "state:argentina"}
    assert _edges(found) == {("state:chile", "state:peru", "conflict"),
                             ("state:peru", "state:chile", "conflict"),
                             ("state:chile", "state:bolivia", "cooperation")}
    chile = next(n for n in found["nodes"] if n["id"] == "state:chile")
    assert chile["events"] == 3 and chile["years"] == {"2024": 2, "2025": 1}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in found["nodes"])
    argentina = next(n for n in found["nodes"] if n["id"] == "state:argentina")
    assert argentina["y"] == 1.0  # an actor with no edge waits along the bottom, out of the way


def test_filters_and_the_limit(room_path):
    with Room(room_path, read_only=True) as room:
        assert _edges(network(room, kind="cooperation")) == {("state:chile", "state:bolivia", "cooperation")}
        assert _edges(network(room, since="2025")) == {("state:chile", "state:bolivia", "cooperation")}
        assert {n["id"] for n in network(room, until="2024-03")["nodes"]} == {"state:chile", "state:peru"}
        assert {n["id"] for n in network(room, actor="bolivia")["nodes"]} == {"state:chile", "state:bolivia"}
        top = network(room, limit=2)
        assert top["shown"] == 2 and top["actors"] == 4
        assert all({e["source"], e["target"]} <= {n["id"] for n in top["nodes"]} for e in top["edges"])
        with pytest.raises(ValueError, match="cooperation, conflict"):
            network(room, kind="friendship")


def test_the_same_room_draws_the_same_picture(room_path):
    """In another process, with other string hashes, the same nodes at the same places."""
    with Room(room_path, read_only=True) as room:
        here = network(room)
    code = ("import json, sys\nfrom sitroom.query.network import network\n"
            "from sitroom.store.room import Room\n"
            "with Room(sys.argv[1], read_only=True) as room: print(json.dumps(network(room)))")
    there = subprocess.run([sys.executable, "-c", code, str(room_path)], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert json.loads(there.stdout) == json.loads(json.dumps(here))


def test_the_network_page_draws_svg_and_answers_json(room_path):
    client = TestClient(create_app(room_path, ("testserver",)))
    page = client.get("/network")
    assert page.status_code == 200 and "<svg" in page.text and 'href="/actors/state:bolivia"' in page.text
    assert page.text.count('class="edge edge-conflict"') == 2
    data = client.get("/network?format=json&side=cooperation").json()
    assert [(e["source_name"], e["target_name"]) for e in data["edges"]] == [("Chile", "Bolivia")]
    assert client.get("/network?from=2024-13").status_code == 422
    assert client.get("/network?side=friendship").status_code == 422
    assert "No event with a known party" in client.get("/network?actor=nobody").text


def test_the_report_draws_every_actor_in_an_event_at_its_place(room_path):
    """The report's own data block, as a browser reads it: a node with a place in the picture for each
    actor in an event, the conflict edge between the two states that fought."""
    from sitroom.report import render

    with Room(room_path, read_only=True) as room:
        page = render(room)
        in_events = {a for (a,) in room.db.execute(
            "SELECT DISTINCT actor FROM event_actors").fetchall()}
    block = re.search(r'<script id="report-data" type="application/json">(.*?)</script>', page, re.S)
    drawn = json.loads(block.group(1).replace("<\\/", "</"))["network"]
    nodes = {n["id"]: n for n in drawn["nodes"]}
    assert set(nodes) == in_events and {"state:chile", "state:peru", "state:bolivia"} <= set(nodes)
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in nodes.values())
    assert len({(n["x"], n["y"]) for n in nodes.values()}) == len(nodes)  # no two at one place
    assert ("state:chile", "state:peru", "conflict") in _edges(drawn)


def test_a_network_of_many_actors_is_laid_out_within_the_picture():
    from sitroom.query.network import layout

    nodes = {f"a{i}" for i in range(1200)}
    edges = [{"source": f"a{i}", "target": f"a{i + 1}", "events": 1} for i in range(0, 700)]  # 701 joined
    placed = layout(nodes, edges)
    assert len(placed) == 1200 and all(0 <= x <= 1 and 0 <= y <= 1 for x, y in placed.values())
    joined = [placed[f"a{i}"][1] for i in range(701)]
    assert max(joined) - min(joined) >= 0.5  # the joined actors keep most of the height
