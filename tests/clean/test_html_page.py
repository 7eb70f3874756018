"""HTML pages: trafilatura's extraction found again in the markup, with exact offsets."""

from sitroom.clean.document import clean
from sitroom.clean.html_text import VisibleText
from sitroom.model.document import SourceText

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ministers agree on border &amp; trade | Example News</title>
<meta name="author" content="Jane Example">
<meta property="article:published_time" content="2022-03-12T10:15:00Z">
<meta property="og:site_name" content="Example News">
<script>var tracking = "The foreign ministers";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers agree on border &amp; trade</h1>
<p>The foreign ministers of two neighbouring countries met on Friday in the capital to discuss the
long dispute over their shared border, officials said in a statement.</p>
<p>Both sides agreed to set up a joint commission that will report within six months, according
to a statement released after the meeting &mdash; the first in two years.</p>
<p>Analysts said the agreement was a modest but real step forward for the whole region, which has
seen years of tension and several clashes along the frontier.</p>
</article>
<footer>Subscribe to our newsletter. &copy; 2022 Example News</footer>
</body></html>
"""


def _doc(page=PAGE):
    return clean(SourceText(id="h", source="p.html", origin="p.html", format="html", text=page,
                            content_hash="x", encoding="utf-8"))


def test_body_offsets_point_into_the_markup():
    doc = _doc()
    body = PAGE[doc.body.start : doc.body.end]
    assert body.startswith("The foreign ministers of two")
    assert body.endswith("clashes along the frontier.")
    assert "&mdash;" in body
    for paragraph in doc.paragraphs:
        assert "<script>" not in PAGE[paragraph.start : paragraph.end]


def test_metadata_from_the_page():
    doc = _doc()
    assert doc.title.startswith("Ministers agree on border & trade")
    assert doc.authors == ("Jane Example",)
    assert doc.outlet == "Example News"
    assert (doc.published, doc.published_basis) == ("2022-03-12", "stated")
    assert PAGE[doc.published_span.start : doc.published_span.end] == "2022-03-12"


def test_furniture_is_outside_the_paragraphs():
    doc = _doc()
    texts = [PAGE[s.span.start : s.span.end] for s in doc.boilerplate]
    assert any("Subscribe to our newsletter" in t for t in texts)
    assert all(not any(s.span.overlaps(p) for p in doc.paragraphs) for s in doc.boilerplate)


def test_visible_text_maps_entities_and_skips_scripts():
    markup = "<p>A &amp; B</p><script>hidden()</script><p>caf&#233;</p>"
    visible = VisibleText(markup)
    assert "hidden" not in visible.text
    span = visible.find("A & B")
    assert markup[span.start : span.end] == "A &amp; B"
    span = visible.find("café")
    assert markup[span.start : span.end] == "caf&#233;"


def test_script_in_article_text_stays_text():
    page = PAGE.replace("officials said in a statement.", "officials said &lt;script&gt;x&lt;/script&gt;.")
    doc = _doc(page)
    assert "&lt;script&gt;" in page[doc.body.start : doc.body.end]
