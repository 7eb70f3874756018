"""Publication dates inferred from the text when the page states none."""

from sitroom.clean.document import clean
from sitroom.clean.published import date_in_name, infer_published
from sitroom.model.document import SourceText
from sitroom.model.evidence import Span


def _infer(text):
    paragraphs = []
    start = 0
    for part in text.split("\n\n"):
        paragraphs.append(Span(start, start + len(part)))
        start += len(part) + 2
    return infer_published(text, paragraphs, [])


def test_latest_past_date_gives_the_month():
    text = ("The talks began on March 3, 2021 in the capital.\n\n"
            "On March 9 the delegation went home, officials said.")
    found = _infer(text)
    assert found.value == "2021-03"
    assert text[found.span.start : found.span.end] == "March 9"


def test_future_and_hypothetical_dates_do_not_count():
    text = ("The talks began on March 3, 2021 in the capital and ended on March 5.\n\n"
            "The next round will take place on June 1, 2021.\n\n"
            "A deal could follow after August 2, 2021. Both sides must agree by July 31, 2021.")
    assert _infer(text).value == "2021-03"


def test_one_old_date_is_not_a_publication_date():
    assert _infer("The bridge was opened on May 4, 1963 by the mayor.") is None


def test_yearless_dates_never_take_a_later_year():
    text = ("On March 9 the delegation went home, officials said.\n\n"
            "The talks began on March 3, 2021 in the capital.")
    found = _infer(text)
    assert found is None or found.value != "2021-03" or found.span.start > 10


def test_a_later_year_without_a_full_date_lowers_the_precision():
    text = ("The city fell on August 15, 2021, after a short siege.\n\n"
            "In 2023, trade between the two countries doubled. By the end of 2023 it fell again.\n\n"
            "Ties in 2023 were the warmest in years.")
    found = _infer(text)
    assert found.value == "2023"
    assert text[found.span.start : found.span.end] == "2023"


def test_no_dated_fact_no_date():
    assert _infer("Nothing here names a day. In 2019 it rained.") is None


def test_a_day_in_the_file_name_or_url_path_is_the_publication_date():
    assert date_in_name("/corpus/nyt_2016-09-08_visa-program.txt") == "2016-09-08"
    assert date_in_name("https://news.example.org/world/2016/09/08/talks.html") == "2016-09-08"
    assert date_in_name("/corpus/000_0a2e121bb2eab9c8.txt") is None  # no day
    assert date_in_name("/corpus/a_2016-02-30.txt") is None  # no such day
    assert date_in_name("https://x.example.org/a?id=2016-09-08") is None  # a query, not the path
    doc = clean(SourceText(id="n", source="/corpus/wire_2016-09-08_talks.txt", origin="/corpus",
                           format="text", text="Talks\n\nBy Lena Hart\n\nThe ministers met on Tuesday.\n",
                           content_hash="h", encoding="utf-8"))
    assert (doc.published, doc.published_basis) == ("2016-09-08", "inferred")
