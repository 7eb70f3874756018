"""Headless Chromium (Debian's) driven by Playwright: click from the timeline to the evidence."""

import pytest

from .conftest import ARTIFACTS


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
