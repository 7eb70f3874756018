"""Segmentation of plain-text pages, on small pages written for these tests."""

from sitroom.clean.document import clean
from sitroom.model.document import Declared, SourceText

PAGE = """\
Ministers Meet to Discuss the Border Crisis

By Jane Example
12.03.2022 10:15
Views: 1234

The foreign ministers of two neighbouring countries met on Friday in the capital to discuss \
the long dispute over their shared border, officials said.

Your browser doesn't support HTML5

Border Talks Resume After Two Years Of Silence

Both sides agreed to set up a joint commission that will report within six months, \
according to a statement released after the meeting.

Subscribe to Example Daily news on Telegram and other channels.

Delegates attend a signing ceremony in the capital on Friday.

Analysts said the agreement was a modest but real step forward for the region.

Tags: border, diplomacy

The rules for posting comments: insults and spam will be deleted.
"""

COMMENTS = """\
Readers Argue Over the Bridge

The city council approved the new bridge on Monday after a long and heated debate, the mayor said.

The bridge will cost more than the council first planned, according to the budget office.

  1. river_fan Offline river_fan
    river_fan (Ann) 15 March 2022 09: 12
    A bridge at last, and about time too.
    1. skeptic Offline skeptic
      skeptic (Bob) 15 March 2022 10: 40
      Quote from river_fan
      A bridge at last.
      It will never be finished on time.
  2. third_reader 16 March 2022 08: 01
    Who pays for it?
"""


def _clean(text, fmt="text", declared=None):
    declared = declared or Declared()
    return clean(SourceText(id="t", source="t.txt", origin="t.txt", format=fmt, text=text,
                            content_hash="h", encoding="utf-8", declared=declared))


def _pieces(doc):
    text = doc.source.text
    return {
        "body": text[doc.body.start : doc.body.end],
        "paragraphs": [text[p.start : p.end] for p in doc.paragraphs],
        "furniture": {text[s.span.start : s.span.end]: s.kind for s in doc.boilerplate},
    }


def test_header_gives_title_author_date_and_is_not_body():
    doc = _clean(PAGE)
    assert doc.title == "Ministers Meet to Discuss the Border Crisis"
    assert doc.authors == ("Jane Example",)
    assert (doc.published, doc.published_basis) == ("2022-03-12", "stated")
    assert PAGE[doc.published_span.start : doc.published_span.end] == "12.03.2022"
    assert _pieces(doc)["body"].startswith("The foreign ministers")
    assert doc.language == "en"


def test_furniture_inside_and_after_the_body():
    pieces = _pieces(_clean(PAGE))
    furniture = pieces["furniture"]
    assert furniture["Your browser doesn't support HTML5"] == "widget"
    assert furniture["Border Talks Resume After Two Years Of Silence"] == "widget"
    assert furniture["Subscribe to Example Daily news on Telegram and other channels."] == "prompt"
    assert furniture["Delegates attend a signing ceremony in the capital on Friday."] == "caption"
    assert furniture["Tags: border, diplomacy"] == "tags"
    assert "insults and spam" in " ".join(furniture)
    assert furniture["Views: 1234"] == "widget"
    assert pieces["body"].endswith("step forward for the region.")
    assert all(p not in furniture for p in pieces["paragraphs"])
    assert len(pieces["paragraphs"]) == 3


def test_outlet_is_read_from_a_subscribe_prompt():
    assert _clean(PAGE).outlet == "Example Daily"


def test_comments_are_split_with_authors_dates_and_replies():
    doc = _clean(COMMENTS)
    text = doc.source.text
    assert [(c.author, c.posted, c.reply_to) for c in doc.comments] == [
        ("river_fan", "2022-03-15", None), ("skeptic", "2022-03-15", 0),
        ("third_reader", "2022-03-16", None)]
    assert text[doc.comments[1].content.start : doc.comments[1].content.end].endswith(
        "It will never be finished on time.")
    assert all(not doc.body.overlaps(c.span) for c in doc.comments)
    assert (doc.published, doc.published_basis) == ("2022-03-15", "inferred")


def test_embedded_post_and_teaser_are_furniture():
    page = (
        "The storm closed the main road for the whole of Tuesday, the police said in a statement.\n\n"
        "Water rose above the bridge\n\n"
        "pic.twitter.com/abc123\n\n"
        "— Local Weather (@localweather) March 3, 2022\n\n"
        "The storm closed the main road for the whole...\n\n"
        "Crews worked through the night to clear the fallen trees from the road, officials said.\n"
    )
    furniture = _pieces(_clean(page))["furniture"]
    assert furniture["Water rose above the bridge"] == "embed"
    assert furniture["— Local Weather (@localweather) March 3, 2022"] == "embed"
    assert furniture["The storm closed the main road for the whole..."] == "teaser"


def test_footnote_and_disclaimer_close_the_body():
    page = (
        "Officials of the Group* met in the city on Monday and discussed trade, the agency said.\n\n"
        "They agreed to meet again in the autumn to continue the discussion of tariffs and quotas.\n\n"
        "* an organisation designated in some countries.\n\n"
        "The views expressed by the author do not necessarily reflect those of the editors.\n"
    )
    pieces = _pieces(_clean(page))
    assert pieces["body"].endswith("tariffs and quotas.")
    assert set(pieces["furniture"].values()) == {"footnote", "disclaimer"}


def test_declared_metadata_wins():
    declared = Declared(title="Given", outlet="Wire", published="2020-01-02T03:04:05Z",
                        authors=("A B",))
    doc = _clean("A sentence of article text that is long enough to be prose here.", "jsonl", declared)
    assert (doc.title, doc.outlet, doc.authors) == ("Given", "Wire", ("A B",))
    assert (doc.published, doc.published_basis, doc.published_span) == ("2020-01-02", "stated", None)


def test_markdown_heading_is_the_title():
    doc = _clean("# A Markdown Title\n\nSome article text that runs on for a while, as text does.\n",
                 "markdown")
    assert doc.title == "A Markdown Title"


def test_a_page_of_nothing_but_furniture_has_an_empty_body():
    doc = _clean("Subscribe to our newsletter\n\nTags: x, y\n")
    assert doc.body.start == doc.body.end == 0
    assert doc.paragraphs == ()


def test_crlf_pages_keep_exact_offsets():
    page = PAGE.replace("\n", "\r\n")
    doc = _clean(page)
    body = page[doc.body.start : doc.body.end]
    assert body.startswith("The foreign ministers") and body.endswith("the region.")
    assert doc.title == "Ministers Meet to Discuss the Border Crisis"


def test_update_stamps_are_not_a_comment_thread():
    page = ("A Headline Over The Story\n\nPublished 12 March 2022 10:15\n"
            "Updated 13 March 2022 08:30\n\n"
            "The ministers met on Friday in the capital to discuss the long border dispute, "
            "officials said.\n\n"
            "They agreed to meet again next month to continue the talks on trade and tariffs.\n")
    doc = _clean(page)
    assert doc.comments == () and "agreed to meet again" in page[doc.body.start : doc.body.end]


def test_a_news_sentence_about_comments_does_not_end_the_body():
    first = "The platform said it will delete comments that spread false claims about the election. "
    rest = ("The company added that a team of moderators would review reports from users around the clock "
            "and publish figures every quarter on how many posts were removed and why, officials said.")
    page = ("Platform Tightens Rules\n\n" + "The rules were announced on Monday after months of pressure "
            "from regulators and advertisers in several countries, the company said.\n\n"
            + first + "\n\n" + rest + "\n")
    doc = _clean(page)
    assert page[doc.body.start : doc.body.end].endswith("officials said.")


def test_a_lead_whose_noun_reads_like_a_caption_verb_is_article_text():
    doc = _clean("Visit\n\nBy Lena Hart\n\nKarl Ostrom's surprise visit to Ruritania reminded Erik Lund of a "
                 "trip in 1985.\n\nThe visit to Freedonia reminds many of an older trip.\n\nLena Halvorsen "
                 "attends a rally in the capital on Friday.\n")
    pieces = _pieces(doc)
    assert pieces["body"].startswith("Karl Ostrom's surprise visit")
    assert "The visit to Freedonia reminds many of an older trip." in pieces["paragraphs"]
    assert pieces["furniture"]["Lena Halvorsen attends a rally in the capital on Friday."] == "caption"
    assert len(pieces["furniture"]) == 2  # and the byline
