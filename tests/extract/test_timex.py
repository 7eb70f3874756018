"""The temporal tagger on sentences written for the tests: values, anchors, never a guessed year."""

import pytest

from sitroom.extract.timex import tag


def _values(text, dct=None):
    return [(text[t.span.start : t.span.end], t.type, t.value, t.anchor) for t in tag(text, dct)]


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("They met on July 8, 2021.", None, ("July 8, 2021", "DATE", "2021-07-08", None)),
    ("They met on July 8.", "2021-07-12", ("July 8", "DATE", "2021-07-08", "publication")),
    ("The next visit will take place on September 29.", "2023-09-18",
     ("September 29", "DATE", "2023-09-29", "publication")),
    ("The envoy arrived yesterday.", "2021-07-12", ("yesterday", "DATE", "2021-07-11", "publication")),
    ("Talks resumed last week.", "2021-07-12", ("last week", "DATE", "2021-W27", "publication")),
    ("It happened in early July.", "2021-07-12", ("early July", "DATE", "2021-07", "publication")),
    ("It rained this spring.", "2021-07-12", ("this spring", "DATE", "2021-SP", "publication")),
    ("They left three years ago.", "2021-07-12", ("three years ago", "DATE", "2018", "publication")),
    ("The visit lasted two days.", None, ("two days", "DURATION", "P2D", None)),
    ("A ten-year campaign.", None, ("ten-year", "DURATION", "P10Y", None)),
    ("They meet every year.", None, ("every year", "SET", "P1Y", None)),
    ("In the 1990s it was different.", None, ("the 1990s", "DATE", "199", None)),
    ("Results came at 3 p.m. on Monday.", "1998-01-08",
     ("3 p.m. on Monday", "TIME", "1998-01-05T15:00", "publication")),
])
def test_values(text, dct, expected):
    assert expected in _values(text, dct)


def test_relative_to_an_event_or_an_expression():
    text = "Two days after the delegation visited the ministry on July 8, envoys held talks elsewhere."
    found = {t[0]: t for t in _values(text, "2021-07-12")}
    assert found["Two days after"][2:] == ("2021-07-10", "event")
    text = "The talks began on March 3, 2021, and a couple of days later they ended."
    found = {t[0]: t for t in _values(text)}
    assert found["a couple of days later"][2:] == ("2021-03-05", "expression")


def test_ranges_are_tagged_year_by_year_and_keep_their_end():
    text = "He served there from 1979 to 1983."
    first, second = tag(text)
    assert (first.value, first.end, second.value) == ("1979", "1983", "1983")
    may, june = tag("In May-June, contacts were cut.", "2021-07-12")
    assert (may.value, may.end, june.value) == ("2021-05", "2021-06", "2021-06")


def test_unresolvable_stays_unresolved():
    values = _values("They met on July 8 and again on Tuesday, a week later.")
    assert ("July 8", "DATE", None, None) in values
    assert all(v[2] is None for v in values if v[0] in ("July 8", "Tuesday"))


def test_no_false_times_in_prices_ages_or_modal_may():
    text = "Shares rose to $1.35 on a 6-year-old contract. May we go? In May 2019 they met."
    values = _values(text, "2019-07-01")
    assert [v[0] for v in values] == ["May 2019"]


def test_year_less_dates_follow_the_tense():
    assert _values("The delegation visited on December 20.", "2022-01-10")[0][2] == "2021-12-20"
    assert _values("The delegation will visit on January 20.", "2021-12-10")[0][2] == "2022-01-20"


def test_that_day_is_the_day_last_named():
    found = tag("On March 3, 2014, the minister met the envoy. That day, the rebels attacked the town. "
                "The same day, protesters marched.", "2016-01-10")
    assert [t.value for t in found] == ["2014-03-03", "2014-03-03", "2014-03-03"]
    found = tag("The minister spoke in Vexley on Monday afternoon. Later in the day, she met the envoy. "
                "Earlier in the day, rebels attacked the town.", "2016-01-13")
    assert [t.value for t in found] == ["2016-01-11TAF", "2016-01-11", "2016-01-11"]


def _parsed(text, dct):
    from sitroom.nlp.model import load_model

    return {text[t.span.start : t.span.end]: t.value for t in tag(text, dct, doc=load_model()(text))}


@pytest.mark.parametrize(("text", "expected"), [
    # a Saturday's article: each weekday takes the tense of its own verb, not of the sentence
    ("Envoys met the council on Tuesday, and the talks will resume on Friday.",
     {"Tuesday": "2023-10-10", "Friday": "2023-10-20"}),
    ("The ministry said Friday that it will appeal.", {"Friday": "2023-10-13"}),
    ("Officials said Monday they will close the port.", {"Monday": "2023-10-09"}),
    ("The regulator said the bridge would reopen on Thursday.", {"Thursday": "2023-10-19"}),
    ("The envoy is set to arrive on Wednesday.", {"Wednesday": "2023-10-18"}),
    ("The council is meeting on Monday.", {"Monday": "2023-10-16"}),
    ("The council would have met on Monday.", {"Monday": "2023-10-09"}),
    ("The alliance will endorse her on Saturday.", {"Saturday": "2023-10-14"}),  # the paper's own day
    ("They doubt they will be able to hold the seat in November.", {"November": "2023-11"}),
    ("The court summoned him to appear on Sept. 20.", {"Sept. 20": "2023-09-20"}),
    # a year-less month: a past verb looks back, a future one ahead
    ("The vote was held in November.", {"November": "2022-11"}),
    ("The vote will be held in March.", {"March": "2024-03"}),
])
def test_direction_from_the_governing_verb(text, expected):
    found = _parsed(text, "2023-10-14")
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Profit fell in the third quarter.", "1995-10-30", "1995-Q3"),
    ("Third-quarter results will be weak.", "1995-10-30", "1995-Q3"),  # ended, reported later
    ("Sales will recover in the second quarter.", "1995-10-30", "1996-Q2"),
    ("Profit rose in the latest quarter.", "1995-10-30", "1995-Q3"),
    ("The firm expects the first quarter to be weak.", "1995-02-10", "1995-Q1"),
])
def test_quarters_named_by_number_or_as_the_latest(text, dct, expected):
    assert expected in _parsed(text, dct).values()


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("The envoy hosted his counterpart on Monday.", "2023-10-14", {"Monday": "2023-10-09"}),
    ("The minister will visit in September.", "2023-03-10", {"September": "2023-09"}),
    ("The treaty was signed in June last year.", "2023-03-10", {"June last year": "2022-06"}),
    ("The vote is due in May next year.", "2023-03-10", {"May next year": "2024-05"}),
    ("The strike ended last April.", "2023-10-14", {"last April": "2023-04"}),
    ("Elections are due this September.", "2023-02-14", {"this September": "2023-09"}),
    ("He left last Wednesday.", "2023-10-11", {"last Wednesday": "2023-10-04"}),
    ("The army withdrew a quarter of a century ago.", "2021-08-16",
     {"a quarter of a century ago": "1996"}),
    ("Talks stalled two quarters ago.", "2021-08-16", {"two quarters ago": "2021-Q1"}),
    ("The border was drawn two centuries ago.", "2021-08-16", {"two centuries ago": "18"}),
    ("Last summer the river flooded.", "2021-03-16", {"Last summer": "2020-SU"}),
    ("Talks resume next spring.", "2021-08-16", {"next spring": "2022-SP"}),
    ("The vote took place over the weekend.", "2023-10-16", {"the weekend": "2023-W41-WE"}),
    # a Tuesday's article: the weekend its past tense tells of is the one just gone
    ("This weekend, the mayor complained about the schedule.", "2023-10-17", {"This weekend": "2023-W41-WE"}),
    ("This weekend, the mayor will travel north.", "2023-10-17", {"This weekend": "2023-W42-WE"}),
    ("Her op-ed this weekend: a rebuke.", "2023-10-16", {"this weekend": "2023-W41-WE"}),  # a Monday's paper
    ("Her op-ed this weekend: a rebuke.", "2023-10-17", {"this weekend": "2023-W42-WE"}),  # a Tuesday's
    ("Shops close at noon Thursday.", "2023-10-14", {"noon Thursday": "2023-10-12T12:00"}),
    ("The ceasefire began on Saturday, October 7.", "2023-10-14",
     {"Saturday, October 7": "2023-10-07"}),
    ("The war ended in nineteen eighty-nine.", "2023-10-14", {"nineteen eighty-nine": "1989"}),
    ("Profit fell in the second half of 2022.", "2023-10-14", {"the second half of 2022": "2022-H2"}),
    ("The town fell last Christmas.", "2023-10-14", {"last Christmas": "2022-12-25"}),
    ("Sales rose earlier this year.", "2023-10-14", {"earlier this year": "2023"}),
    ("Guards earn $21 an hour and work 60 hours a week.", "2023-10-14", {"an hour": "PT1H", "a week": "P1W"}),
    ("Inspections come every six months.", "2023-10-14", {"every six months": "P6M"}),
    ("The call took half an hour.", "2023-10-14", {"half an hour": "PT30M"}),
    ("In 2008, his last year in office, he signed it.", "2023-10-14", {"2008": "2008", "last year": None}),
    ("They need a leader who can win the election in November.", "2024-02-17", {"November": "2024-11"}),
])
def test_named_and_counted_units(text, dct, expected):
    found = _parsed(text, dct)
    assert {k: found.get(k) for k in expected} == expected


def test_a_year_earlier_is_the_same_quarter_a_year_before():
    text = ("Net income rose to $5 million in the third quarter. A year earlier it earned $4 million. "
            "Revenue in the year-ago quarter was lower, and the quarter ended well.")
    found = _parsed(text, "1995-10-30")
    assert (found["the third quarter"], found["A year earlier"]) == ("1995-Q3", "1994-Q3")
    assert (found["the year-ago quarter"], found["the quarter"]) == ("1994-Q3", "1995-Q3")


@pytest.mark.parametrize("text", [
    "The Ruritanian daily Tagesblatt reported the vote.",  # a newspaper, not a repetition
    "May Halvorsen spoke first.",  # a name
    "The Spring Alliance met the envoys.",  # an organisation
    "The troops entered the old quarter of the city.",  # a district
    "A quarter of the voters stayed home.",  # a share
    "The fall of the town shocked the capital.",  # a collapse, not autumn
    "A second officer was wounded.",  # an ordinal
    "The story ran in the Marlova TODAY edition.",  # a paper's name
])
def test_no_time_in_names_shares_and_nouns(text):
    assert _parsed(text, "2023-10-14") == {}


def test_reported_speech_counts_from_the_time_it_was_spoken():
    text = "The minister said on March 3 that talks would resume next week and that envoys had met on Monday."
    found = _parsed(text, "2023-03-20")
    assert (found["next week"], found["Monday"]) == ("2023-W10", "2023-02-27")
    # not reported speech: a second verb of the speaker's own keeps the paper's date
    assert _parsed("He spoke on March 3 and left on Monday.", "2023-03-22")["Monday"] == "2023-03-20"


def test_the_day_after_an_event_is_not_the_last_date_named():
    found = _parsed("The vote came on March 3. Envoys spoke the day after the shooting.", "2023-03-20")
    assert found["the day after"] is None
    found = _parsed("The vote came on March 3. The day before, talks failed.", "2023-03-20")
    assert found["The day before"] == "2023-03-02"


def test_a_year_of_two_digits_after_an_apostrophe():
    from sitroom.extract.timex import tag

    text = "Karl Lund said in ‘08 that he ran in '12, and the class of '92 met. He said '08 was good."
    found = {text[t.span.start : t.span.end]: t.value for t in tag(text, "2016-02-01")}
    assert found == {"‘08": "2008", "'12": "2012", "'92": "1992"}


def test_a_holiday_before_a_noun_names_an_occasion_not_a_time():
    text = ("The Vexley Christmas party shooting shocked them. They met on Christmas morning and at a "
            "Thanksgiving dinner.")
    marked = [(text[t.span.start : t.span.end], t.qualifier) for t in tag(text, "2015-12-04")]
    assert marked == [("Christmas", True), ("Christmas", False), ("Thanksgiving", True)]
    text = "At a Thursday rally in Vexley, Lund promised to act."  # (a weekday names the rally's day)
    assert [t.qualifier for t in tag(text, "2016-06-05")] == [False]
    for text in ("On Christmas we met Lund.", "By Christmas they had agreed."):  # (a sentence's time)
        assert [t.qualifier for t in tag(text, "2015-12-04")] == [False]


def test_a_weekday_of_a_simple_present_act_is_to_come_of_a_report_it_is_past():
    from sitroom.nlp.model import load_model

    nlp = load_model()
    for text, value in (("Lund speaks at a conference on Friday.", "2016-04-15"),
                        ("The ministry says Friday that talks failed.", "2016-04-08"),
                        ("The Vexley move follows Tuesday's declaration by Norland.", "2016-04-12"),
                        ("Losses hurt the index, which fell 1.4% on Friday.", "2016-04-08")):
        assert [t.value for t in tag(text, "2016-04-14", doc=nlp(text))] == [value], text


def test_the_patterns_word_filter_keeps_what_ignore_case_matches():
    # the filter that skips a pattern on passages without its words must see a dotless or dotted i
    # and a long s as the pattern does (re.IGNORECASE folds them to ASCII; str.lower does not)
    for text, kind in (("It rains twıce a week.", "SET"), ("PRİCES ROSE TWİCE A WEEK", "SET"),
                       ("They met three days ago, yeſterday.", "DATE")):
        assert any(t.type == kind for t in tag(text, "2021-07-08")), text
    assert [t.value for t in tag("The fıscal year 2020 ended.", "2021-07-08")] != []
