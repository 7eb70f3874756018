"""The document page of an HTML document: its text shown as a browser reads it, wherever the shown range
starts, with every finding in place (``web.document_page``'s markup, references and segments, and
``pages.document_page`` on a room built from an invented page)."""

import pytest

from sitroom.store.room import Room
from sitroom.web import pages
from sitroom.web.document_page import markup, references, segments

from ..conftest import written_room


def _pieces(text, lo=0, hi=None, found=(), mark=None):
    hi = len(text) if hi is None else hi
    return segments(text, lo, hi, list(found), mark, markup(text, lo, hi), references(text, lo, hi))


def _shown(text, lo=0, hi=None, found=(), mark=None):
    return "".join(s["text"] for s in _pieces(text, lo, hi, found, mark))


def _finding(text, words, kind="actor", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"start": start, "end": start + len(words), "kind": kind, "label": words, "link": None}


def test_a_less_than_sign_not_opening_a_tag_is_text():
    text = ("<p>losses were 3 < 5 percent of the budget, and the army said it repelled the attack on "
            "Tuesday.</p><p>x<1 and 2 <= 3 <3</p>")
    pieces = _pieces(text, found=[_finding(text, "Tuesday", "time")])
    assert "".join(s["text"] for s in pieces) == (
        "losses were 3 < 5 percent of the budget, and the army said it repelled the attack on Tuesday.\n"
        "x<1 and 2 <= 3 <3\n")
    assert [s["text"] for s in pieces if s["kinds"] == ["time"]] == ["Tuesday"]


def test_a_greater_than_sign_in_a_quoted_attribute_stays_in_its_tag():
    text = "<p>Karl Ostrom read <a title=\"x>y\" href='/z?a>b'>the Vexley report</a> aloud.</p>"
    pieces = _pieces(text, found=[_finding(text, "Vexley")])
    assert "".join(s["text"] for s in pieces) == "Karl Ostrom read the Vexley report aloud.\n"
    assert [s["text"] for s in pieces if s["kinds"]] == ["Vexley"]


PAGE = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Vexley Ledger</title>\n"
        "<style>p > b { color: red }</style><script>if (a < b) { n = \"<p>\"; }</script></head>\n"
        "<body><p>Karl Ostrom spoke in Norland.</p><!-- tracking <p>pixel</p> -->\n"
        "<script>var seen = \"</p>\";</script><style>.x{}</style><p>Marlova answered.</p></body></html>")


def test_markup_is_known_wherever_the_shown_text_starts():
    for lo in range(len(PAGE)):
        shown = _shown(PAGE, lo)
        assert not any(x in shown for x in ("Ledger", "color", "n =", "pixel", "tracking", "seen", ".x", "{",
                                            "<", ">", "charset")), (lo, shown)
        if lo <= PAGE.index("Marlova"):
            assert shown.endswith("Marlova answered.\n")


def test_the_head_and_raw_text_are_markup_from_the_scan_of_the_whole_document():
    inside_style = PAGE.index("color")
    assert [r[:2] for r in markup(PAGE, inside_style, inside_style + 3)] == [(inside_style, inside_style + 3)]
    inside_title = PAGE.index("Ledger")
    shown = _shown(PAGE, inside_title, PAGE.index("</body>"))
    assert shown == "Karl Ostrom spoke in Norland.\nMarlova answered.\n"
    no_head = "<title>Vexley Ledger</title><p>Karl Ostrom</p>"
    assert _shown(no_head) == "Karl Ostrom\n"


ENTITIES = "<p>Karl Ostrom sold AT&amp;T shares in Norland for 5&#8239;000 &euro; &copy2024.</p>"


@pytest.mark.parametrize("edge", range(ENTITIES.index("&amp;"), ENTITIES.index("&amp;") + 6))
def test_an_edge_inside_a_character_reference_never_cuts_it(edge):
    entity = ENTITIES.index("&amp;")
    found = [{"start": edge, "end": len(ENTITIES) - 10, "kind": "actor", "label": "AT&T", "link": None},
             {"start": ENTITIES.index("sold"), "end": edge, "kind": "event", "label": "sold", "link": None}]
    pieces = _pieces(ENTITIES, found=found, mark=(edge, edge + 1))
    shown = "".join(s["text"] for s in pieces)
    assert shown == "Karl Ostrom sold AT&T shares in Norland for 5\u202f000 € ©2024.\n"
    assert not any(x in s["text"] for s in pieces for x in ("amp", "&a", "p;", "#"))
    assert sum(s["open"] for s in pieces) == 1 and sum(s["close"] for s in pieces) == 1
    assert _shown(ENTITIES, edge, entity + 8).startswith("&" if edge < entity + 5 else "T")


def test_references_are_found_outside_markup_only():
    text = '<p title="a &amp; b">Vexley &amp; Norland</p><script>x &amp;&amp; y</script>'
    at = text.index("&amp; Norland")
    assert references(text, 0, len(text)) == [(at, at + 5, "&")]


def test_cells_definitions_and_other_blocks_end_a_line():
    text = ("<table><caption>Losses</caption><tr><th>Town</th><th>Count</th></tr><tr><td>Vexley</td>"
            "<td>12</td></tr></table><dl><dt>Marlova</dt><dd>a port</dd></dl><nav>Home</nav><main>Norland"
            "</main><aside>Karl Ostrom</aside><address>Box 4</address><pre>raw</pre>tail")
    assert _shown(text).split("\n") == ["Losses", "Town", "Count", "Vexley", "12", "Marlova", "a port",
                                        "Home", "Norland", "Karl Ostrom", "Box 4", "raw", "tail"]


def test_white_space_runs_together_across_piece_edges():
    text = "<div>\n  <p> Karl   Ostrom \n met <b> Lena </b>  in\tVexley </p>\n <p>Norland&nbsp; </p></div>"
    found = [_finding(text, "Ostrom"), _finding(text, "Lena"), _finding(text, "Vexley"),
             {"start": text.index(" met"), "end": text.index(" met") + 1, "kind": "event", "label": "",
              "link": None}]
    pieces = _pieces(text, found=found)
    assert "".join(s["text"] for s in pieces) == "Karl Ostrom met Lena in Vexley\nNorland\u00a0\n"
    assert not any(s["text"].startswith(" ") for s in pieces if s["kinds"] == ["actor"])


ARTICLE = ("<!doctype html><html><head><title>Vexley Ledger</title><style>p { color: red }</style></head>"
           "<body><article><h1>Norland Budget Talks</h1>\n  <p>Karl Ostrom said on Monday that losses were "
           "3 < 5 percent of the budget, and the army said it repelled the attack on Tuesday.</p>\n  <p>"
           "Ostrom met Lena Halvorsen at <a title=\"x>y\" href=\"/z\">the Vexley office</a> of AT&amp;T in "
           "Marlova on Wednesday.</p><table><tr><td>Vexley</td><td>Marlova</td></tr></table>"
           "<!-- tracking --><script>var x = 1;</script></article></body></html>")


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    db = written_room({"page.html": ARTICLE}, tmp_path_factory.mktemp("html_page"))
    with Room(db, read_only=True) as room:
        doc_id = room.db.execute("SELECT id FROM documents").fetchone()[0]
        yield lambda start=None, end=None: pages.document_page(room, doc_id, start, end)


def _text(data):
    return "".join(s["text"] for s in data["segments"])


def test_the_page_shows_the_text_after_a_less_than_sign_with_its_findings(article):
    data = article()
    sentence = "losses were 3 < 5 percent of the budget, and the army said it repelled the attack on Tuesday."
    assert sentence in _text(data)
    assert "Tuesday" in [s["text"] for s in data["segments"] if "time" in s["kinds"]]
    assert "at the Vexley office of AT&T in Marlova on Wednesday." in _text(data)
    assert not any(x in _text(data) for x in ('y"', "href", "amp"))


def test_the_page_from_inside_the_head_shows_no_head_style_or_script(article):
    for start in (ARTICLE.index("Ledger"), ARTICLE.index("color")):
        data = article(start, ARTICLE.index("<!--") + 5)
        shown = _text(data)
        assert shown.startswith("Norland Budget Talks\nKarl Ostrom said")
        assert shown.endswith("Wednesday.\nVexley\nMarlova\n")  # cells end lines
        assert not any(x in shown for x in ("Ledger", "color", "tracking", "  ", "<t", "<p", "<!", "var"))
        assert [s["text"] for s in data["segments"] if s["open"]] == [""]


def test_the_page_marks_a_cut_reference_whole(article):
    entity = ARTICLE.index("&amp;")
    data = article(entity + 2, entity + 3)
    opened = [s for s in data["segments"] if s["open"]]
    assert [s["text"] for s in opened] == ["&"] and opened[0]["close"]
    assert "AT&T in Marlova" in _text(data) and "amp" not in _text(data)


def test_comments_end_where_browsers_end_them_and_head_text_is_shown():
    cut = "<p>Story</p>\n<!-- cut page: <div class=ad>Buy now</div> Karl said"
    assert _shown(cut) == "Story\n"
    ended = "<p>A</p><!--x--!><p>Karl Ostrom</p><!--><p>B</p><!---><p>C</p>"
    assert _shown(ended) == "A\nKarl Ostrom\nB\nC\n"
    head = "<html><head><meta charset=utf-8>Breaking: Karl Ostrom resigns.<p>More</p>"
    assert _shown(head).startswith("Breaking: Karl Ostrom resigns.")
