"""The sample corpus end to end: what a careful reader finds on each page, with valid evidence."""

from sitroom.build import build
from sitroom.export.json_export import export, validate
from sitroom.store.room import Room

from .conftest import by_name, evidences


def _source_text(doc: dict) -> str:
    with open(doc["source"], encoding="utf-8", newline="") as handle:  # exactly as on disk
        return handle.read()


def test_export_satisfies_the_schema(corpus_export):
    validate(corpus_export)
    assert len(corpus_export["documents"]) == 5


def test_every_evidence_matches_the_source_file(corpus_export):
    texts = {d["id"]: _source_text(d) for d in corpus_export["documents"]}
    checked = 0
    for ev in evidences(corpus_export):
        assert 0 <= ev["start"] <= ev["end"] <= len(texts[ev["document"]])
        assert texts[ev["document"]][ev["start"] : ev["end"]] == ev["text"]
        checked += 1
    assert checked > 50


def _body(doc):
    return doc["body"]["start"], doc["body"]["end"]


def _furniture_texts(doc):
    return [b["text"] for b in doc["boilerplate"]]


def test_opinion_column_without_header(corpus_export):
    doc = by_name(corpus_export, "000_0a2e121bb2eab9c8.txt")
    assert doc["title"] is None and doc["authors"] == [] and doc["outlet"] is None
    # The text dates its latest events to mid-July 2021; the page itself states no date.
    assert (doc["published"], doc["published_basis"]) == ("2021-07", "inferred")
    assert doc["published_evidence"]["text"] == "July 10"
    furniture = " ".join(_furniture_texts(doc))
    assert "pic.twitter.com" in furniture and "(@ AlkamaFarooqui1)" in furniture
    assert "15 soldiers joined the Taliban" in furniture
    assert "© Security Council" in furniture
    assert "The point of view of the author" in furniture
    assert doc["body"]["text"].endswith("Whether it was the right strategy will be revealed soon.")


def test_news_analysis_with_captions_and_player(corpus_export):
    doc = by_name(corpus_export, "001_abb946adf4301d00.txt")
    assert doc["title"] == "Why Russia Has An Ear For Taliban Talks"
    assert (doc["published"], doc["published_basis"]) == ("2021-07", "inferred")
    furniture = _furniture_texts(doc)
    assert any(t.startswith("Taliban representatives Abdul Latif Mansoor (left)") for t in furniture)
    assert any("(center) talks to delegations" in t for t in furniture)
    assert any(t.startswith("Russian men, including veterans") for t in furniture)
    assert "Your browser doesn’t support HTML5" in furniture
    assert any(t.startswith("Weary Of Conflict") for t in furniture)
    assert any("additional reporting by Interfax" in t for t in furniture)
    assert doc["body"]["text"].startswith("As the Islamist Taliban movement")
    assert doc["body"]["text"].endswith("he said.")


def test_column_with_header_widgets_and_comment_policy(corpus_export):
    doc = by_name(corpus_export, "002_6a14e65b67324ede.txt")
    assert doc["title"] == "Taliban in Moscow: Russia is slowing down the scenario the US was counting on"
    assert doc["authors"] == ["Ainur Kurmanov"]
    assert doc["outlet"] == "PolitNavigator"
    assert (doc["published"], doc["published_basis"]) == ("2021-10-21", "stated")
    assert doc["published_evidence"]["text"] == "21.10.2021"
    furniture = " ".join(_furniture_texts(doc))
    for piece in ("Subscribe to PolitNavigator", "Ctrl + Enter", "Roskomnadzor", "Views: 7821",
                  "Mon Tues Wed", "third-party resources"):
        assert piece in furniture
    assert doc["body"]["text"].endswith("even more obvious and long-term.")


def test_translated_analysis_with_site_chrome(corpus_export):
    doc = by_name(corpus_export, "003_bfe7fb752f71b55f.txt")
    assert doc["title"] == "Reasons and mechanisms of Russian rapprochement with Taliban"
    assert doc["authors"] == ["Mahmoud al-Batakoushi"]
    assert doc["outlet"] == "The Reference"
    assert (doc["published"], doc["published_basis"]) == ("2021-08-24", "stated")
    furniture = _furniture_texts(doc)
    assert "ad a b" in furniture and "ad ad ad" in furniture
    assert doc["body"]["text"].startswith("Politics does not know the impossible")


def test_reader_comments_are_split_out(corpus_export):
    doc = by_name(corpus_export, "004_23bfb61873177c7c.txt")
    assert doc["title"] == "Why Moscow cooperates with the banned Taliban"
    comments = doc["comments"]
    assert len(comments) == 13
    authors = [c["author"] for c in comments]
    assert authors[:4] == ["Constantine N", "Jstas", "lord-palladore-11045", "Pembo"]
    assert authors[-1] == "Vladimir Tuzakov"
    assert {c["posted"] for c in comments} == {"2023-09-18", "2023-09-19"}
    replies = {authors[i]: authors[c["reply_to"]] for i, c in enumerate(comments)
               if c["reply_to"] is not None}
    assert replies == {"AlexSam": "Pembo", "Monster_Fat": "Emil", "Vladimir Tuzakov": "Rhetorical Rita"}
    start, end = _body(doc)
    assert all(c["evidence"]["start"] >= end for c in comments)
    assert "Offline" not in doc["body"]["text"]
    assert doc["body"]["text"].endswith("alternative partners to work together.")
    assert (doc["published"], doc["published_basis"]) == ("2023-09-18", "inferred")
    assert doc["published_evidence"]["text"] == "18 September 2023"
    assert any("to leave comments" in t for t in _furniture_texts(doc))


def test_all_bodies_are_english_and_non_empty(corpus_export):
    for doc in corpus_export["documents"]:
        assert doc["language"] == "en"
        assert len(doc["body"]["text"]) > 3000


def test_second_build_changes_nothing(corpus, corpus_room, corpus_export):
    report = build([str(corpus)], corpus_room)
    assert len(report.unchanged) == 5 and not (report.added or report.updated or report.failed)
    with Room(corpus_room, read_only=True) as room:
        again = export(room)
    assert {**again, "generated_at": None} == {**corpus_export, "generated_at": None}
