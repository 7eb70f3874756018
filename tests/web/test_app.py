"""The web app through FastAPI's test client: pages, JSON from the same data, one error shape."""

import html
import re

import pytest
from fastapi.testclient import TestClient

from sitroom.web.app import create_app


@pytest.fixture(scope="module")
def client(small_room):
    return TestClient(create_app(small_room, ("testserver",)))


@pytest.mark.parametrize("path", ["/", "/timeline", "/actors", "/search?q=border", "/ask?q=why+the+border",
                                  "/ask", "/quotes", "/claims", "/disagreements", "/quotes?page=9",
                                  "/network", "/documents", "/actors?kind=person&name=harr",
                                  "/timeline?page=2", "/documents?source=oslo"])
def test_pages_are_html_and_json(client, path):
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    data = client.get(path, headers={"accept": "application/json"})
    assert data.status_code == 200 and isinstance(data.json(), dict)
    assert client.get(path + ("&" if "?" in path else "?") + "format=json").json() == data.json()


def test_timeline_event_and_document_pages_link_to_evidence(client):
    events = client.get("/timeline?format=json&dated=true").json()["events"]
    meeting = next(e for e in events if e["when"]["start"] == "2022-03-03")
    page = client.get(f"/events/{meeting['id']}?format=json").json()
    context = page["contexts"][0]
    doc = client.get(f"/documents/{context['document']}?start={context['start']}&end={context['end']}")
    marked = re.search(r'<mark id="highlight">(.*?)</mark>', doc.text, re.S)
    assert doc.status_code == 200 and marked and html.unescape(_text_of(marked.group(1))) == context["mark"]


def test_actor_dossier_and_search(client):
    actors = client.get("/actors?format=json").json()["actors"]
    harrington = next(a for a in actors if a["name"] == "John Harrington")
    dossier = client.get(f"/actors/{harrington['id']}?format=json").json()
    assert dossier["documents"] and dossier["mentions"]
    results = client.get("/search?q=northern%20border&format=json").json()["results"]
    assert results and [r["rank"] for r in results] == list(range(1, len(results) + 1))  # best first (BM25)
    marked = [p["text"].lower() for r in results[:2] for p in r["pieces"] if p["mark"]]
    assert {"northern", "border"} <= set(marked)  # the query's words are marked in the sentences found
    by_doc = client.get(f"/search?q=border&source={results[0]['source']}&format=json").json()["results"]
    assert by_doc and {r["source"] for r in by_doc} == {results[0]["source"]}
    assert client.get("/search?q=the&format=json").json()["note"]  # stop words only: said, no error
    assert client.get("/search?q=border&from=2021-13-99").status_code == 422


@pytest.mark.parametrize(("path", "status"), [
    ("/actors/nobody", 404), ("/events/nothing", 404), ("/documents/..%2F..%2Fetc%2Fpasswd", 404),
    ("/documents/x?start=-1", 422), ("/timeline?from=yesterday", 422), ("/no/such/page", 404),
])
def test_errors_have_one_shape(client, path, status):
    response = client.get(path, headers={"accept": "application/json"})
    assert response.status_code == status
    assert set(response.json()) == {"error"} and response.json()["error"]["status"] == status


def test_article_markup_is_escaped(client):
    docs = client.get("/?format=json").json()["documents"]
    hostile = next(d for d in docs if d["title"] == "A Page With Markup In It")
    page = client.get(f"/documents/{hostile['id']}").text
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned" in _text_of(page)  # shown as text (findings may cut it in spans)


def test_the_room_is_opened_read_only(small_room, client):
    import duckdb

    assert client.get("/").status_code == 200
    con = duckdb.connect(str(small_room), read_only=True)  # a reader beside the app is fine
    con.close()


def test_a_missing_room_fails_at_start_with_advice(tmp_path):
    from sitroom.errors import RoomError

    with pytest.raises(RoomError, match="sitroom build"):
        create_app(tmp_path / "none.duckdb")


def test_only_this_machines_names_are_served_with_headers_that_keep_pages_inert(small_room):
    app = create_app(small_room)
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    page = local.get("/")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert TestClient(app, base_url="http://localhost").get("/actors?format=json").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example")  # DNS rebinding: another site's name
    assert rebound.get("/actors?format=json").status_code == 400
    named = TestClient(create_app(small_room, ("room.lan",)), base_url="http://room.lan")  # --allow-host
    assert named.get("/").status_code == 200
    assert local.get("/api/docs").status_code == 404  # no page that loads its assets from a CDN
    assert local.get("/api/openapi.json").status_code == 200


def test_an_ipv6_address_given_to_serve_is_answered(small_room):
    client = TestClient(create_app(small_room, ("fe80::1",)), base_url="http://[fe80::1]:8000")
    assert client.get("/").status_code == 200


def test_ask_answers_with_cited_sentences_grouped_by_source(client):
    answer = client.get("/ask?q=northern%20border&format=json").json()["answer"]
    cited = [s for g in answer["groups"] for s in g["sentences"]]
    assert cited and sorted(s["rank"] for s in cited) == list(range(1, len(cited) + 1))
    page = client.get("/ask?q=northern%20border")
    assert page.status_code == 200 and "/documents/" in page.text
    assert client.get("/ask?q=the&format=json").json()["note"]  # stop words only: said, no error


def test_quotes_claims_and_disagreements_pages_page_and_cite(client, monkeypatch):
    from sitroom.web import statement_pages

    quotes = client.get("/quotes?format=json").json()
    assert quotes["total"] and quotes["rows"] and quotes["rows"][0]["quotes"][0]["evidence"]["document"]
    counts = [g["count"] for g in quotes["rows"]]
    assert counts == sorted(counts, reverse=True)  # the most quoted speakers first
    claims = client.get("/claims?format=json").json()
    assert claims["total"] == len(claims["rows"]) and claims["page"] == claims["pages"] == 1
    monkeypatch.setattr(statement_pages, "PAGE_SIZE", 1)
    second = client.get("/claims?page=2&format=json").json()
    assert second["page"] == 2 and second["rows"] == claims["rows"][1:2]
    assert client.get("/claims?page=999&format=json").json()["page"] == second["pages"]  # past the end
    assert client.get("/claims?page=0").status_code == 422
    assert 'rel="next"' in client.get("/claims?page=1").text
    assert 'rel="prev"' in client.get("/claims?page=2").text


def _text_of(markup: str) -> str:
    """The page's text as written in it (entities kept), without tags."""
    return re.sub(r"<[^>]*>", "", markup)


def test_a_document_shows_every_finding_in_place(client):
    events = client.get("/timeline?format=json&dated=true").json()["events"]
    evidence = events[0]["evidence"][0]
    page = client.get(f"/documents/{evidence['document']}").text
    assert 'class="f-actor' in page and 'href="/actors/' in page  # actors named, linked to their dossier
    assert 'class="f-event' in page or "f-event " in page
    assert f'href="/events/{events[0]["id"]}"' in page
    data = client.get(f"/documents/{evidence['document']}?format=json").json()
    assert data["findings"]["actor"] > 0 and data["findings"]["time"] > 0
    assert evidence["text"] in "".join(s["text"] for s in data["segments"])  # the whole text, in pieces


def test_a_page_is_made_once_per_state_of_the_room(tmp_path):
    from click.testing import CliRunner

    from sitroom.cli.main import main

    from ..conftest import written_room

    story = ("Talks\n\nBy Erik Lund\n\nVEXLEY, March 4, 2024 — Karl Ostrom met Lena Halvorsen in Vexley on "
             "Monday. Ostrom said the talks went well.\n")
    db = written_room({"a.txt": story}, tmp_path)
    client = TestClient(create_app(db, ("testserver",)))
    first = client.get("/actors?format=json").json()
    assert client.get("/actors?format=json").json() == first  # the same state: the same page
    names = {a["name"] for a in first["actors"]}
    assert {"Karl Ostrom", "Lena Halvorsen"} <= names
    merged = CliRunner().invoke(main, ["actors", "--db", str(db), "merge", "Karl Ostrom", "Lena Halvorsen"])
    assert merged.exit_code == 0, merged.output
    after = {a["name"] for a in client.get("/actors?format=json").json()["actors"]}
    assert len(after) == len(names) - 1  # an override changes the room: the page is made again


def test_the_overview_shows_the_situation_at_a_glance(client):
    data = client.get("/?format=json").json()
    assert data["actors"] and data["actors"][0]["documents"] >= data["actors"][-1]["documents"]
    starts = [e["when"]["start"] for e in data["events"]]
    assert starts and starts == sorted(starts, reverse=True)  # the latest first
    assert all(e["when"]["basis"] != "inferred" for e in data["events"])  # dates the text states
    assert data["quotes"] and data["quotes"][0]["speaker_name"]
    assert data["disagreements_total"] == data["counts"]["disagreements"]
    page = client.get("/").text
    for section in ("top-actors", "latest-events", "latest-quotes", "disagreements", "documents"):
        assert f'id="{section}"' in page


def test_the_dossier_has_events_quotes_numbers_and_co_actors(client):
    actors = client.get("/actors?format=json&name=harrington").json()["actors"]
    assert [a["name"] for a in actors] == ["John Harrington"]
    dossier = client.get(f"/actors/{actors[0]['id']}?format=json").json()
    assert dossier["events"] and dossier["quotes"]
    assert "Karl Lindqvist" in [c["name"] for c in dossier["co_actors"]]
    page = client.get(f"/actors/{actors[0]['id']}").text
    assert 'id="co-actors"' in page and 'id="quotes"' in page and 'href="/network?actor=' in page


def test_lists_filter_and_page(client, monkeypatch):
    from sitroom.web import pages

    monkeypatch.setattr(pages, "EVENTS_PAGE", 1)
    first = client.get("/timeline?format=json&page=1").json()
    second = client.get("/timeline?format=json&page=2").json()
    assert first["pages"] == first["total"] > 1 and first["events"] != second["events"]
    assert 'rel="next"' in client.get("/timeline?page=1").text
    people = client.get("/actors?format=json&kind=person").json()
    assert people["total"] and all(a["kind"] == "person" for a in people["actors"])
    assert client.get("/actors?kind=wizard").status_code == 422
    docs = client.get("/documents?format=json&source=stockholm").json()
    assert docs["total"] == 1 and docs["rows"][0]["source"].endswith("stockholm.txt")
    monkeypatch.setattr(pages, "MENTIONS_PAGE", 1)
    harrington = client.get("/actors?format=json&name=harrington").json()["actors"][0]
    dossier = client.get(f"/actors/{harrington['id']}?format=json&page=2").json()
    assert len(dossier["mentions"]) == 1 and dossier["page"] == 2 and dossier["mentions_total"] > 1


def test_an_html_document_is_shown_as_read_not_as_markup(tmp_path):
    from ..conftest import written_room

    page = ("<!doctype html><html><head><title>Port Deal Signed</title></head><body><article>"
            "<h1>Port Deal Signed</h1>\n  <p>Karl Ostrom met Lena Halvorsen in Vexley on Monday, "
            "4 March 2024, and the two signed a port deal worth $45m.</p>\n  <p>&ldquo;This is good for "
            "Vexley &amp; Norland,&rdquo; Ostrom said.</p><!-- tracking --><script>var x = 1;</script>"
            "</article></body></html>")
    db = written_room({"page.html": page}, tmp_path)
    client = TestClient(create_app(db, ("testserver",)))
    doc = client.get("/documents?format=json").json()["rows"][0]
    shown = client.get(f"/documents/{doc['id']}")
    text = html.unescape(_text_of(shown.text.split('<div class="body">', 1)[1]))
    assert "<p>" not in text and "</p>" not in text and "var x" not in text and "tracking" not in text
    assert "“This is good for Vexley & Norland,” Ostrom said." in text
    assert "worth $45m.\n“This is" in text  # a paragraph ends a line
    assert 'class="f-actor' in shown.text  # findings still in place
    quote = client.get("/quotes?format=json").json()["rows"][0]["quotes"][0]["evidence"]
    marked = client.get(f"/documents/{doc['id']}?start={quote['start']}&end={quote['end']}").text
    assert "Vexley &amp;amp; Norland" not in marked and 'id="highlight"' in marked


def test_search_and_ask_take_the_event_type_and_the_other_filters(client):
    every = client.get("/search?q=Oslo&format=json").json()["results"]
    met = client.get("/search?q=Oslo&type=consult&format=json").json()
    assert met["filters"]["type"] == "consult" and met["results"]
    assert len(met["results"]) < len(every)
    assert all("met" in r["text"] or "talks" in r["text"] for r in met["results"])  # meetings only
    asked = client.get("/ask?q=Oslo&type=CONSULT&source=oslo&format=json").json()
    assert asked["filters"] == {"actor": "", "source": "oslo", "from": "", "to": "", "type": "CONSULT"}
    cited = [s["text"] for g in asked["answer"]["groups"] for s in g["sentences"]]
    assert cited and all("met" in t or "talks" in t for t in cited)
    assert 'name="type"' in client.get("/ask?q=Oslo").text


class _Counting:
    """A DuckDB connection that counts the statements run through it."""

    def __init__(self, db):
        self.db, self.statements = db, 0

    def execute(self, *args, **kwargs):
        self.statements += 1
        return self.db.execute(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_a_dossier_and_the_timeline_take_as_many_queries_for_many_mentions_as_for_one(small_room):
    from sitroom.store.room import Room
    from sitroom.web import pages

    def statements(make) -> int:
        with Room(small_room, read_only=True) as room:
            room.db = _Counting(room.db)
            make(room)
            return room.db.statements

    with Room(small_room, read_only=True) as room:
        ranked = pages.actors_page(room, None)["actors"]
    most, fewest = ranked[0], min(ranked, key=lambda a: a["mentions"])
    assert most["mentions"] > fewest["mentions"]
    assert statements(lambda r: pages.actor_page(r, most["id"])) == \
        statements(lambda r: pages.actor_page(r, fewest["id"]))
    assert statements(lambda r: pages.timeline_page(r, None, None, None, None, False)) == \
        statements(lambda r: pages.timeline_page(r, None, None, "2022", None, True))


@pytest.mark.parametrize("path", ["/timeline?type=FOO", "/search?q=border&type=nope", "/ask?q=border&type=X"])
def test_an_unknown_event_type_is_refused_not_answered_empty(client, path):
    assert client.get(path, headers={"accept": "application/json"}).status_code == 422


def test_a_known_event_type_is_taken_in_any_case(client):
    assert client.get("/timeline?type=consult&format=json").status_code == 200


@pytest.mark.parametrize(("path", "key"), [("/timeline", "events"), ("/actors", "actors")])
def test_a_page_of_json_carries_its_rows_once(client, path, key):
    data = client.get(path + "?format=json").json()
    assert key in data and "rows" not in data


def test_the_dossier_json_carries_its_mentions_once(client):
    actor = client.get("/actors?format=json").json()["actors"][0]
    dossier = client.get(f"/actors/{actor['id']}?format=json").json()
    assert "rows" not in dossier and "total" not in dossier and dossier["mentions_total"] >= 1
