"""Publication dates inferred from the text when the page states none."""

from sitroom.clean.published import infer_published
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
