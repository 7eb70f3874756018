"""Claims on sentences written for the tests: values, units, subjects, approximations."""

import pytest

from sitroom.extract.claims import claims_in
from sitroom.nlp.model import load_model


def _claims(text):
    sdoc = load_model()(text)
    return [(text[c.span.start : c.span.end], c.value, c.unit, c.approximate, c.subject, c.part)
            for c in claims_in(sdoc, 0, [])]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Trade with the neighbour reached $2,7 billion last year.", 2.7e9, "USD"),
    ("Trade with the neighbour reached $1,400 million last year.", 1.4e9, "USD"),
    ("The army called up 20 thousand reservists.", 20000, "reservists"),
    ("The ministry said 15 percent of the budget went to defence.", 15, "%"),
    ("The pipeline carries 2 million tons of gas a year.", 2e6, "t"),
    ("The river border is 1,135 kilometers long.", 1135, "km"),
])
def test_values_and_units(text, value, unit):
    found = _claims(text)
    assert any(v == pytest.approx(value) and u == unit for _, v, u, *_ in found), found


def test_subjects_parts_and_approximations():
    found = _claims("The northern border is 1619.45 km long, and the rebels control about 700 km of the "
                    "northern border.")
    whole, part = found
    assert whole[4].endswith("northern border") and not whole[5]
    assert part[3] and part[5] and part[4].endswith("northern border")


def test_a_bracketed_conversion_is_not_a_second_claim():
    found = _claims("They guard the 1,210-kilometer (752-mile) border with the neighbour.")
    assert [f[2] for f in found] == ["km"]


def test_years_and_ordinals_are_not_claims():
    assert _claims("In 2019 the 201st base held a parade.") == []


def test_numbers_inside_words_are_not_read():
    found = _claims("Eighteen soldiers were wounded near the border.")
    assert [(f[0], f[1]) for f in found] == [("Eighteen", 18)]


def _bounds(text):
    sdoc = load_model()(text)
    return [(c.value, c.upper, c.unit) for c in claims_in(sdoc, 0, [])]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry unveiled a $2.5bn plan.", (2.5e9, None, "USD")),
    ("Donors pledged £40 m for schools.", (4e7, None, "GBP")),
    ("Some 3k volunteers came.", (3000, None, "volunteers")),
    ("The state spent €12mn on roads.", (1.2e7, None, "EUR")),
    ("The fund holds 4 crore rupees.", (4e7, None, "rupees")),
    ("Between 2-4 thousand families left.", (2000, 4000, "families")),
    ("They walked 30–45 km.", (30, 45, "km")),
    ("Nights fell to between -3 and -9 degrees Celsius.", (-9, -3, "°C")),
])
def test_multipliers_ranges_and_signs(text, expected):
    assert expected in _bounds(text)


def test_no_claim_is_about_a_function_word():
    text = "Officials said a further €6mn would go to repairing bridges."
    (claim,) = claims_in(load_model()(text), 0, [])
    assert claim.value == 6e6 and claim.subject == "go to repairing bridges"


@pytest.mark.parametrize(("text", "subject"), [
    ("The retreating army left trucks worth $40 million behind.", "trucks"),
    ("The camp lies 3 km from the river.", "distance from river"),
    ("Rebels hold 40 of Marlova's 120 villages.", "Marlova's villages"),
    ("Envoys from ten other states attended.", "other states"),
    ("Only 900 km separates the two capitals.", "distance between the two capitals"),
    ("Norland seeks calm with Freedonia because it is near, as only 3,120 km separates them.",
     "distance between Norland and Freedonia"),
    ("Seen on the chart of Marlova - 6,210 lovely kilometers, wide open.", "chart of Marlova"),
    ("The trade is small next to its reliance on Freedonia (turnover $2,3 billion), Ruritania and "
     "Osterland ($1,1 billion each).", "turnover (Ruritania and Osterland)"),
    ("Exports went to Freedonia (turnover $2,3 billion). Norland with its $310 million is ninth.",
     "turnover (Norland)"),
    ("In the next valley, 7 more fighters were captured and 9 were freed.", "more fighters captured"),
    ("It houses a garrison of 6,000 soldiers.", "soldiers (garrison)"),
    ("A total of 40 villages voted.", "villages"),
])
def test_subjects_the_words_around_a_number_name(text, subject):
    assert subject in [c.subject for c in claims_in(load_model()(text), 0, [])]


@pytest.mark.parametrize(("text", "subject"), [
    ("KABUL — 12 people were killed on Monday.", "people killed"),  # a dateline is no subject
    ("The region (45 districts) voted.", "districts"),  # no label in the brackets, none before: as before
    ("Norland with its $310 million is ninth.", "Norland"),  # no list before: the name stays
    ("Ostrom (who holds 31 seats so far) spoke briefly.", "seats"),  # a clause, no label
    ("A survey found that just over half — 53 percent — of the members agreed.", "members"),
    ("Her income in the spring season - $4 million - fell short of hopes.", "Her income"),
    ("The 312 envoys were meant to decide.", "envoys"),  # said of them, not done to them
    ("The firm sued Vexley ($1 billion in damages).", "damages (Vexley)"),  # its own label
    ("The convoy stopped at the checkpoint — 12 km from the border.", "distance from border"),
    ("The release of 40 prisoners began.", "prisoners"),  # an event, not what they make up
    ("Only 900 km separates Vexley from Osterland.", "distance between Vexley and Osterland"),
])
def test_subjects_beside_dashes_and_in_lists_only_where_they_are_written(text, subject):
    assert [c.subject for c in claims_in(load_model()(text), 0, [])][0] == subject


def test_a_list_label_is_not_carried_to_a_number_that_says_what_it_is():
    text = "Freedonia (turnover $2 billion) signed the deal. Osterland, with its $5 million in aid, objected."
    subjects = [c.subject for c in claims_in(load_model()(text), 0, [])]
    assert subjects[0] == "turnover (Freedonia)" and not subjects[1].startswith("turnover")



