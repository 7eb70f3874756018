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
    ("The pipeline carries 2 million tons of gas a year.", 2e6, "t/year"),  # a rate
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
    ("The retreating army left trucks worth $40 million behind.", "value of trucks"),
    ("The camp lies 3 km from the river.", "distance from river"),
    ("Rebels hold 40 of Marlova's 120 villages.", "Marlova's villages"),
    ("Envoys from ten other states attended.", "other states"),
    ("Only 900 km separates the two capitals.", "distance between the two capitals"),
    ("Norland seeks calm with Freedonia because it is near, as only 3,120 km separates them.",
     "distance between Norland and Freedonia"),
    ("Seen on the chart of Marlova - 6,210 lovely kilometers, wide open.", "Marlova"),
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
    ("Ostrom (who holds 31 seats so far) spoke briefly.", "seats held by Ostrom"),  # a clause, no label
    ("A survey found that just over half — 53 percent — of the members agreed.", "share of members agreeing"),
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





@pytest.mark.parametrize(("text", "subject"), [
    # a count is named with what restricts it: its modifiers, else what its clause says it did
    ("Rangers found 3 wells inside the Arbor reserve.", "wells inside the Arbor reserve"),
    ("The storm hit 40 families who lost their homes.", "families who lost their homes"),
    ("Six councillors walked out of the meeting on Sunday.", "councillors walking out of the meeting"),
    ("Ostrom won 31 seats.", "seats won by Ostrom"),
    ("Ostrom won 31 seats in the northern provinces.", "seats in the northern provinces"),
    ("Ostrom needed to win 31 seats.", "seats for Ostrom to win"),
    ("On May 2, the president, Karl Ostrom, ordered to call up 5,000 reservists.",
     "reservists for Karl Ostrom to call up"),
    # a sum or share with no noun of its own is named by its clause
    ("He paid $70,000 for billboards in Vexley.",
     "amount paid by he for billboards in Vexley"),  # "he" named by coreference later
    ("Norland agreed to give $3 million to the flood fund.", "amount for Norland to give to the flood fund"),
    ("Marlova fell short of Freedonia's target of $8 million.", "Freedonia's target"),
    ("Together the unions put a total of $2 million into leaflets.", "unions put into leaflets"),
    ("An audit found $12 million in spending on consultants.", "spending on consultants"),
    ("The levy was cut to 10 percent from 12 percent.", "levy cut"),
    ("The survey put the mayor's rating at 44 percent.", "mayor's rating"),
    ("Aid is far below the 3 percent that the towns promised to set aside.",
     "towns promised to set aside"),
    ("Some 61 percent of Vexley farmers said they would sell their land.",
     "share of Vexley farmers saying they would sell their land"),
    ("Just 17 percent said the mayor acted lawfully.", "share saying the mayor acted lawfully"),
    ("Ostrom now holds at least 640 seats.", "seats held by Ostrom"),
    ("In Norland, 120 seats are in play on Tuesday.", "seats in play in Norland"),
    ("Across four separate hearings, the auditor criticised Ostrom.",
     "separate hearings (auditor criticised Ostrom)"),
    ("Ostrom leads the race by 8 points in Vexley.", "Ostrom leads the race in Vexley (points)"),
    ("The survey's margin of error was four points.", "survey's margin of error (points)"),
    ("Ostrom rose to 51 percent and then dropped to 46 percent in May.", "share for Ostrom"),
    ("Some 80 percent of the thefts were committed by minors.", "share of thefts committed by minors"),
    ("Ostrom took 12 of the 30 seats that were open on Friday.", "seats that were open"),
    ("Vexley won nine straight matches after the winter break.", "straight matches won by Vexley"),
    ("Seven Marlovan envoys were wounded during the storm.", "Marlovan envoys wounded during the storm"),
    ("Twelve people were killed when the bus crashed.", "people killed"),  # a "when" clause: done to them
    ("Patrols face cold nights, mountain ranges up to 4-5 thousand meters and long shifts.",
     "mountain ranges"),  # a plural noun the parser read as a verb
])
def test_subjects_a_careful_reader_gives(text, subject):
    assert subject in [c.subject for c in claims_in(load_model()(text), 0, [])]


@pytest.mark.parametrize(("text", "shares"), [
    ("Ostrom had 51.2 percent to Halvorsen's 47.3 percent.",
     ["share for Ostrom", "share for Halvorsen"]),
    ("In the Vexley survey, Ostrom led Halvorsen 55 percent to 31 percent among farmers.",
     ["share for Ostrom", "share for Halvorsen among farmers"]),
    ("Halvorsen, who was tied with Ostrom at 38 percent in spring, now trails.", ["share for Halvorsen"]),
    ("Ostrom had 51.2 percent to Halvorsen’s 47.3 percent.", ["share for Ostrom", "share for Halvorsen"]),
    ("It rose from 5 percent to 7 percent.", ["it rose", "it rose"]),  # no name: never a holder's
    ("Halvorsen stayed ahead with 36 percent, followed by Erik Lund at 29 percent.",
     ["share for Halvorsen", "share for Erik Lund"]),
])
def test_a_share_a_name_holds_is_that_names_share(text, shares):
    assert [c.subject for c in claims_in(load_model()(text), 0, [])] == shares


@pytest.mark.parametrize("text", [
    "Talks brought understandings between the two sides.",
    "The three states last voted together long ago.",
    "All three candidates issued statements.",
])
def test_a_small_count_after_the_points_back_and_asserts_nothing(text):
    assert claims_in(load_model()(text), 0, []) == []


def test_the_total_of_a_share_is_still_a_count():
    text = "Ostrom took four of the six delegates at stake. The rebels hold 215 of Marlova's 421 districts."
    found = {(c.value, c.subject) for c in claims_in(load_model()(text), 0, [])}
    assert 6 in {v for v, _ in found} and (421, "Marlova's districts") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("She earns $17.40 an hour at the mill.", (17.4, "USD/hour")),
    ("Marlova will ship 3 million tons of timber a year.", (3e6, "t/year")),
    ("Income reached $40,000 per capita.", (40000, "USD/person")),
    ("Ostrom raised $6 million in March.", (6e6, "USD")),  # a total, no rate
])
def test_a_value_given_per_period_is_a_rate(text, expected):
    assert [(c.value, c.unit) for c in claims_in(load_model()(text), 0, [])] == [expected]


def test_n_in_m_is_a_share_of_the_group():
    text = "About seven in 10 Vexley farmers said the harvest was late."
    (claim,) = claims_in(load_model()(text), 0, [])
    assert (claim.value, claim.unit, claim.approximate, claim.part) == (70, "%", True, True)
    assert claim.subject == "share of Vexley farmers saying the harvest was late"


def test_joined_counts_are_counted_apart():
    text = "They hired 300 workers and 20 engineers."
    assert [(c.value, c.subject) for c in claims_in(load_model()(text), 0, [])] == [
        (300, "workers hired by they"), (20, "engineers hired by they")]  # "they": named by coreference


@pytest.mark.parametrize(("text", "expected"), [
    ("Ostrom's party (40 seats) lost badly, and eight in 10 voters blamed him.",
     [(40, "seats"), (80, "%")]),  # a ratio after a bracketed count leaves the count alone
    ("The town had 4,000 residents a year ago.", [(4000, "residents")]),  # "a year ago": no rate
    ("The campaign raised $5 million in a year.", [(5e6, "USD")]),  # a total over a year
    ("The 40 victims included a person from Vexley.", [(40, "victims")]),
    ("Flight 370 Vexley passengers were delayed.", []),  # a label in digits counts nothing
    ("She wants a $12-an-hour wage.", [(12, "USD/hour")]),
])
def test_rates_and_ratios_take_only_what_is_written(text, expected):
    assert [(c.value, c.unit) for c in claims_in(load_model()(text), 0, [])] == expected


@pytest.mark.parametrize(("text", "subject"), [
    ("Eight in 10 said the council failed to act.", "share saying the council failed to act"),
    ("The Vexley index fell 2 percent on Monday.", "Vexley index"),  # a change, no one's share
    ("Ostrom raised his support in Vexley from 40 percent to 45 percent.",
     "his support"),  # a change, not two rivals; what was raised ("his": named by coreference)
    ("Ostrom — the favourite — spent $5 million on ads.",
     "amount spent by Ostrom on ads"),  # dashes: no dateline
    ('"Green" voters spent $5 million on ads.', "amount spent by Green voters on ads"),
    ("MARLOVA, March 5 — Norland spent $4 billion on defence in 2022.", "amount spent by Norland on defence"),
])
def test_clauses_name_the_right_doer(text, subject):
    assert [c.subject for c in claims_in(load_model()(text), 0, [])][-1] == subject


@pytest.mark.parametrize(("text", "subject"), [
    # the measured thing as a noun phrase a reader would write, not a clause with the number cut out
    ("Median rent in Vexley reached $1,250 in May.", "Median rent in Vexley"),  # the level of its subject
    ("Daily wages on the farms range from $15 to $26.", "Daily wages on the farms"),
    ("The mayor ran up a catering bill in excess of $80,000.", "catering bill"),  # a frame: what it is of
    ("The Harbour Fund invested $20 million in repairs to the pier.",
     "amount invested by Harbour Fund in repairs to the pier"),
    ("A petition for a recount has received 25,000 signatures.",
     "signatures received by petition for a recount"),
    ("The video, which got more than 185,000 views, was removed.", "views received by video"),
    ("The storm forced the mill to cut 3,000 jobs.", "jobs cut by mill"),  # the object does the infinitive
    ("Lena Berg threatened a 35 percent tariff on imported Marlovan cars.",
     "tariff on imported Marlovan cars"),
    ("Some 82 percent of thefts involving bicycles were committed by minors.",
     "share of thefts involving bicycles committed by minors"),
    ("Four names often mentioned as possible envoys are Anna Holm and Erik Lund.",
     "names mentioned as possible envoys"),  # a participle the parser made the verb
    ("The new pier will cost $3 million.", "cost of new pier"),
])
def test_subjects_are_noun_phrases_of_the_measured_thing(text, subject):
    assert subject in [c.subject for c in claims_in(load_model()(text), 0, [])]


def test_a_compared_value_a_gapped_list_and_a_poll_population_carry_what_is_measured():
    text = ("Some 40 percent of voters backed the plan, compared with 33 percent in March. Ostrom must win "
            "53 percent of the remaining seats, Lund 59 percent and Berg 61 percent.")
    assert [c.subject for c in claims_in(load_model()(text), 0, [])] == [
        "share of voters backing the plan", "share of voters backing the plan",
        "share of remaining seats to be won by Ostrom", "share for Lund", "share for Berg"]
    text = ("Asked about the pier, 46 percent of farmers said yes. Only 24 percent said the mayor did "
            "nothing wrong.")
    found = claims_in(load_model()(text), 0, [])[-1]
    assert (found.subject, found.part) == ("share of farmers saying the mayor did nothing wrong", True)


@pytest.mark.parametrize("text", [
    "Rule 40 works as intended.",  # a label
    "Since 9/11 the port has been closed.",  # a date written with a slash
    '<post post_id="672157973804941312">The port reopened.</post>',  # markup left in a text
])
def test_numbers_that_name_rather_than_measure_are_no_claims(text):
    assert claims_in(load_model()(text), 0, []) == []


def test_a_capitalised_one_after_a_name_is_the_names_word_not_a_ratio():
    text = "Shares of Vexley One in three separate deals were sold."
    assert [(c.value, c.unit) for c in claims_in(load_model()(text), 0, [])] == [(3, "deals")]


@pytest.mark.parametrize(("text", "subject"), [
    ("Karl Ostrom gave the Vexley Fund $500,000 in 2015.", "amount given by Karl Ostrom to the Vexley Fund"),
    ("Ostrom would still need 358 delegates to support him.", "delegates needed by Ostrom"),  # wanted
    ("It would keep Ostrom from getting the 1,237 delegates he needs.", "delegates he needs"),  # held by none
])
def test_objects_given_wanted_and_held(text, subject):
    assert [c.subject for c in claims_in(load_model()(text), 0, [])] == [subject]


@pytest.mark.parametrize(("text", "subject"), [
    ("Karl Ostrom has accumulated stock worth about $130 million.",
     "value of stock accumulated by Karl Ostrom"),
    ("Lena Berg was fined $100,000 by the court.", "amount fined by the court"),  # the participle as written
    ("Berg led Ostrom 47 percent to 39 percent among farmers.", "share for Ostrom among farmers"),
    ("Lena Berg, the mayor, was at 10 percent.", "share for Lena Berg"),
    ("Erik Lund urged the council to raise the harbour levy to about $51,000.", "harbour levy"),
    ("In Vexley's spring caucuses, 34,000 people supported Ostrom.",
     "people supporting Ostrom in Vexley's spring caucuses"),  # where, when the sentence opens with it
    ("Lund and Berg had split the first two contests, which is an outcome we expected.",
     "contests split by Lund"),  # a clause set off by a comma comments, it does not restrict
    ("Some 26 percent of farmers say they are worried, compared with 11 percent of fishermen.",
     "share of fishermen"),  # a compared value with a group of its own keeps it
])
def test_values_fines_and_groups_of_shares(text, subject):
    assert subject in [c.subject for c in claims_in(load_model()(text), 0, [])]


@pytest.mark.parametrize(("text", "subjects"), [
    # found by a review of the change: a value with its own group or holder keeps it, a change keeps its own
    ("Some 48 percent backed Ostrom versus 41 percent for Berg.", ["share backing Ostrom", "share for Berg"]),
    ("Some 28 percent of voters backed the plan, compared with 33 percent of farmers.",
     ["share of voters backing the plan", "share of farmers"]),
    ("Exports rose to $5 million, while imports were down $2 million.", ["Exports", "imports"]),
    ("The deficit grew $3 billion last year.", ["deficit grew"]),  # a change, no amount grown
    ("The firm paid $2 million in fines.", ["fines paid by firm"]),  # the sum's kind heads it
    ("The city has 40 schools.", ["schools (city)"]),
    ("The Vexley Index was at 3 percent on Monday.", ["Vexley Index"]),  # no one's share
    ("Ostrom promised voters to build 40 new schools.", ["new schools for Ostrom to build"]),
    ("Ostrom cut the harbour fee to $40 from $60.", ["harbour fee", "harbour fee"]),
    ("A mere 9 percent say they only buy local.", ["share saying they only buy local"]),  # "mere" is no thing
])
def test_review_findings_on_compared_values_changes_and_doers(text, subjects):
    assert [c.subject for c in claims_in(load_model()(text), 0, [])] == subjects


def test_a_poll_population_is_only_carried_from_people_asked_to_the_next_sentence():
    text = "About 40 percent of the vote went to Ostrom. Only 24 percent said the mayor was honest."
    assert claims_in(load_model()(text), 0, [])[-1].subject == "share saying the mayor was honest"
