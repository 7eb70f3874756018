import pytest

from sitroom.clean.dates import find_dates, find_years, time_after


@pytest.mark.parametrize(("text", "value", "matched"), [
    ("21.10.2021 12:27", "2021-10-21", "21.10.2021"),
    ("Tuesday 24/August/2021 - 08:29 PM", "2021-08-24", "24/August/2021"),
    ("on July 8, 2021, the talks", "2021-07-08", "July 8, 2021"),
    ("posted 18 September 2023 07: 44", "2023-09-18", "18 September 2023"),
    ("in May 2019 the", "2019-05", "May 2019"),
    ("2021-07-08T10:00", "2021-07-08", "2021-07-08"),
    ("Sept. 11, 2001", "2001-09-11", "Sept. 11, 2001"),
    ("03/15/2020", "2020-03-15", "03/15/2020"),
])
def test_explicit_dates(text, value, matched):
    (mention,) = find_dates(text)
    assert mention.value == value
    assert text[mention.span.start : mention.span.end] == matched


def test_yearless_dates_have_no_year():
    (mention,) = find_dates("On July 10, the delegation arrived.")
    assert (mention.year, mention.month, mention.day) == (None, 7, 10)


def test_lowercase_month_words_are_not_dates():
    assert find_dates("they may 5 times march 3 miles") == []


def test_impossible_dates_are_ignored():
    assert find_dates("on 31.02.2021") == []


def test_bare_years_but_not_numbers():
    text = "from 1979 to 1983, some 2,000 troops and $2021 in 2021 km"
    assert [y for _, y in find_years(text)] == [1979, 1983]


def test_time_after_a_date():
    text = "18 September 2023 07: 44"
    span = time_after(text, 17)
    assert text[span.start : span.end].strip() == "07: 44"
    assert time_after("18 September 2023 was", 17) is None
