"""Headless Chromium (Debian's) driven by Playwright: the pages clicked through as a reader would,
and the report."""

import json

import pytest

from ..conftest import written_room
from .conftest import ARTIFACTS, serve


def _page(browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


def test_app_timeline_entry_opens_its_evidence(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/timeline?dated=true")
    page.locator(".event-link").first.click()
    page.wait_for_selector("blockquote.evidence mark")
    mark = page.locator("blockquote.evidence mark").first.text_content()
    page.locator("blockquote.evidence a").first.click()
    page.wait_for_selector("#highlight")
    assert page.locator("#highlight").text_content() == mark
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "app-document.png"))
    assert errors == []


def test_report_timeline_network_and_disagreements(browser, small_room, tmp_path):
    from sitroom.report import render
    from sitroom.store.room import Room

    with Room(small_room, read_only=True) as room:
        (tmp_path / "report.html").write_text(render(room), encoding="utf-8")
    page, errors = _page(browser)
    page.goto((tmp_path / "report.html").as_uri())
    page.click("button[data-tab=timeline]")
    page.wait_for_selector(".timeline-entry")
    entry = page.locator(".timeline-entry").first
    entry.click()
    assert page.locator("#evidence mark").first.text_content()
    assert page.locator("#timeline-plot .main-svg").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-timeline.png"))
    page.click("button[data-tab=network]")
    assert page.locator("#network-plot .main-svg").count() > 0
    page.click("button[data-tab=disagreements]")
    assert page.locator(".disagreement-claim").count() >= 2
    assert errors == []


def test_script_tags_in_articles_stay_inert(browser, server, small_room, tmp_path):
    from sitroom.report import render
    from sitroom.store.room import Room

    page, _ = _page(browser)
    page.goto(server + "/search?q=window")  # the sentence with the script tag, BM25 on its words
    page.locator(".muted a").first.click()
    page.wait_for_load_state()
    assert page.evaluate("window.__pwned") is None
    with Room(small_room, read_only=True) as room:
        (tmp_path / "report.html").write_text(render(room), encoding="utf-8")
    page.goto((tmp_path / "report.html").as_uri())
    page.click("button[data-tab=timeline]")
    page.uncheck("#dated-filter")
    for entry in page.locator(".timeline-entry").all():
        entry.click()
    assert page.evaluate("window.__pwned") is None


def test_ask_cites_sentences_that_open_their_evidence(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/ask")
    page.fill("#question", "northern border")
    page.press("#question", "Enter")
    page.wait_for_selector("section.answer li a")
    cited = page.locator("section.answer li a").first
    said = cited.text_content()
    cited.click()
    page.wait_for_selector("#highlight")
    assert " ".join(page.locator("#highlight").text_content().split()) == " ".join(said.split())
    assert errors == []


@pytest.mark.parametrize(("path", "link"), [("/quotes", "a.quote"), ("/claims", "a.claim")])
def test_quotes_and_claims_open_their_evidence(browser, server, path, link):
    page, errors = _page(browser)
    page.goto(server + path)
    cited = page.locator(link).first
    said = " ".join(cited.text_content().split()[:3])
    cited.click()
    page.wait_for_selector("#highlight")
    assert said in " ".join(page.locator("#highlight").text_content().split())  # the quote with its cue
    assert errors == []


def test_disagreements_page_shows_each_side(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/disagreements")
    assert page.locator("h1").text_content() == "Disagreements"
    for section in page.locator("section.disagreement").all():
        assert section.locator("a.side").count() >= 2
    assert errors == []


def test_overview_actor_opens_its_dossier_and_its_network(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/")
    page.locator("#top-actors a", has_text="John Harrington").click()
    page.wait_for_selector("ul#mentions")
    assert page.locator("h1").text_content() == "John Harrington"
    mentions = page.locator("ul#mentions li").all_text_contents()
    assert mentions and all("Harrington" in m for m in mentions)
    page.locator("main a[href^='/network?actor=']").click()
    page.wait_for_selector("svg#network")
    assert "actor=person" in page.url
    nodes = page.locator("svg#network a.node")
    assert nodes.count() >= 1
    assert page.locator("svg#network a.node[href='/actors/person:john-harrington']").count() == 1
    other = page.locator("svg#network a.node:not([href='/actors/person:john-harrington'])").first
    name = other.locator("text").text_content()
    other.click()
    page.wait_for_selector("ul#mentions")
    assert page.locator("h1").text_content() == name
    assert page.locator("ul#mentions li").count() >= 1
    assert errors == []


def test_actors_page_filters_by_name_and_kind(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/actors")
    everyone = page.locator("table#actors tr:has(td a)").count()
    page.fill("main input[name=name]", "karl")
    page.locator("main form button").click()
    page.wait_for_url("**/actors?*name=karl*")
    rows = page.locator("table#actors tr:has(td a)")
    assert 1 <= rows.count() < everyone
    for row in rows.all():
        name, aliases = row.locator("td").nth(0).text_content(), row.locator("td").nth(5).text_content()
        assert "karl" in (name + " " + aliases).casefold()
    assert page.input_value("main input[name=name]") == "karl"
    page.fill("main input[name=name]", "")
    page.select_option("main select[name=kind]", "location")
    page.locator("main form button").click()
    page.wait_for_url("**/actors?*kind=location*")
    assert page.locator("h1").text_content() == "Actors (location)"
    kinds = page.locator("table#actors tr:has(td a) td:nth-child(2)").all_text_contents()
    assert kinds and set(kinds) == {"location"} and len(kinds) < everyone
    assert "Oslo" in page.locator("table#actors tr td:first-child a").all_text_contents()
    page.select_option("main select[name=kind]", "armed_group")
    page.locator("main form button").click()
    page.wait_for_url("**/actors?*kind=armed_group*")
    assert page.locator("table#actors td").all_text_contents() == ["No actors."]
    assert errors == []


def test_documents_list_rows_open_their_text(browser, server):
    page, errors = _page(browser)
    page.goto(server + "/documents")
    titles = page.locator("table#documents tr td:first-child > a").all_text_contents()
    assert sorted(titles) == ["A Page With Markup In It", "Ministers Meet In Oslo",
                              "Talks Continue In Stockholm"]
    for title in titles:
        page.locator("table#documents a", has_text=title).click()
        page.wait_for_selector("div.body")
        assert page.locator("h1").text_content() == title
        assert len(page.locator("div.body").text_content().strip()) > 40
        page.go_back()
    page.locator("table#documents a", has_text="Ministers Meet In Oslo").click()
    page.wait_for_selector("div.body")
    text = " ".join(page.locator("div.body").text_content().split())
    assert "Harrington met Swedish envoy Karl Lindqvist in Oslo" in text
    page.goto(server + "/documents")
    page.locator("table#documents a", has_text="A Page With Markup In It").click()
    page.wait_for_selector("div.body")
    assert "<script>window.__pwned = 1</script>" in page.locator("div.body").text_content()  # as text
    assert page.evaluate("window.__pwned") is None
    page.goto(server + "/documents")
    page.fill("main input[name=source]", "stockholm")
    page.locator("main form button").click()
    page.wait_for_url("**/documents?source=stockholm*")
    assert page.locator("table#documents tr td:first-child > a").all_text_contents() == [
        "Talks Continue In Stockholm"]
    assert errors == []


HOSTILE = "<!-- </script><script>window.__pwned = {n}</script>"
WRITTEN = {
    "talks.txt": "Envoys Meet In Vexley\n\nBy Erik Lund\n\nVEXLEY, March 4, 2024 — Marlova Foreign Minister "
                 f"Karl Ostrom met Norland envoy Lena Halvorsen in Vexley {HOSTILE.format(n=1)} on Monday to "
                 "discuss the border, officials said.\n\n"
                 f"“The talks were useful {HOSTILE.format(n=2)} and we will meet again,” Ostrom said.\n",
    "shelling.txt": "Border Posts Shelled\n\nBy Lena Halvorsen\n\nOn 3 March 2024, Chile shelled Peru's "
                    f"border posts {HOSTILE.format(n=3)}, officials said.\n\nOn 5 March 2024, Peru accused "
                    "Chile of aggression.\n",
    **{f"quay{i}.txt": f"Quay Deal {i}\n\nBy Erik Lund\n\nMARLOVA, March {6 + i}, 2024 — The port "
                       f"authority of Marlova {HOSTILE.format(n=4 + i)} signed a {amount} dredging contract "
                       "with a Norland builder on Monday, officials said.\n"
       for i, amount in enumerate(("$45 million", "$38 million"))},
}
"""Articles with cooperation, conflict, quotes and a disagreement, markup in the sentences they come from."""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return written_room(WRITTEN, tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def written_server(written):
    with serve(written) as url:
        yield url


@pytest.mark.parametrize(("side", "other"), [("conflict", "cooperation"), ("cooperation", "conflict")])
def test_network_filter_draws_only_the_side_chosen(browser, written_server, side, other):
    page, errors = _page(browser)
    page.goto(written_server + "/network")
    assert page.locator(f"svg#network line.edge-{other}").count() >= 1  # both sides, before the filter
    page.select_option("main select[name=side]", side)
    page.locator("main form button").click()
    page.wait_for_url(f"**/network?*side={side}*")
    assert page.input_value("main select[name=side]") == side
    edges = page.locator("svg#network line.edge")
    assert edges.count() >= 1
    for edge in edges.all():
        assert f"edge-{side}" in edge.get_attribute("class").split()
    assert page.locator(f"svg#network line.edge-{other}").count() == 0
    assert set(page.locator("table#ties tr td:nth-child(3)").all_text_contents()) == {side}
    page.fill("main input[name=from]", "2999")
    page.locator("main form button").click()
    page.wait_for_url("**/network?*from=2999*")
    assert page.locator("svg#network").count() == 0
    assert page.get_by_text("No event with a known party matches these filters.").is_visible()
    assert errors == []


def test_report_of_hostile_articles_shows_every_tab(browser, written, tmp_path):
    from sitroom.report import render
    from sitroom.report.data import report_data
    from sitroom.store.room import Room

    with Room(written, read_only=True) as room:
        data = report_data(room)
        (tmp_path / "report.html").write_text(render(room), encoding="utf-8")
    for part in ("events", "quotes", "disagreements"):  # the markup reaches what each tab draws
        assert "</script><script>window.__pwned" in json.dumps(data[part])
    assert "<!--" in json.dumps(data["events"]) and "<!--" in json.dumps(data["quotes"])
    assert {e["side"] for e in data["network"]["edges"]} == {"cooperation", "conflict"}
    page, errors = _page(browser)
    page.goto((tmp_path / "report.html").as_uri())
    assert page.locator("#overview.active #documents tr").count() == 1 + len(WRITTEN)
    page.click("button[data-tab=timeline]")
    page.uncheck("#dated-filter")
    assert page.locator("#timeline.active .timeline-entry").count() == len(data["events"])
    assert page.locator("#timeline-plot .main-svg").count() > 0
    from playwright.sync_api import expect

    for entry in page.locator(".timeline-entry").all():
        entry.click()
    # the last entries' sentences, as text (waited for: the panel is drawn after the click, later under load)
    expect(page.locator("#evidence")).to_contain_text("<!--")
    page.click("button[data-tab=network]")
    assert page.locator("#network.active #network-plot .main-svg").count() > 0
    drawn = page.evaluate("document.querySelectorAll('#network-plot .scatterlayer .point').length")
    assert drawn == page.evaluate("DATA.network.nodes.length") == len(data["network"]["nodes"])
    names = page.locator("#network-plot .scatterlayer .textpoint").all_text_contents()
    assert {"Karl Ostrom", "Lena Halvorsen", "Chile", "Peru"} <= set(names)
    page.click("button[data-tab=quotes]")
    quotes = page.locator("#quotes.active .quote-entry")
    assert quotes.count() == sum(len(g["quotes"]) for g in data["quotes"])
    assert any("</script><script>window.__pwned" in q for q in quotes.all_text_contents())
    for quote in quotes.all():
        quote.click()
    page.click("button[data-tab=disagreements]")
    claims = page.locator("#disagreements.active .disagreement-claim")
    assert claims.count() >= 2
    claims.first.click()
    assert "<script>window.__pwned" in page.locator("#evidence").text_content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-hostile.png"))
    assert page.evaluate("window.__pwned") is None
    assert errors == []
