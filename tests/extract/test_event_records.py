"""Event records of whole documents written for the tests: participants the text describes, and each
event's own date (its clause, its sentence, the story's narrative time), with the real spaCy model."""

from __future__ import annotations

import dataclasses

import pytest

from sitroom.clean.document import clean
from sitroom.extract.analysis import analyse
from sitroom.model.document import SourceText
from sitroom.nlp.model import load_model


def _analysis(text: str, published: str | None = None):
    doc = clean(SourceText(id="t", source="t.txt", origin="t.txt", format="text", text=text,
                           content_hash="h", encoding="utf-8"))
    if published:
        doc = dataclasses.replace(doc, published=published)
    return analyse(doc, load_model())


def _events(text: str, published: str | None = None) -> list[tuple]:
    found = _analysis(text, published)
    name = lambda i: found.mentions[i].text  # noqa: E731
    return [(e.type, e.phrase, tuple(map(name, e.sources)), tuple(map(name, e.targets)),
             e.when.start if e.when else None) for e in found.events]


@pytest.fixture(scope="module")
def story():
    return _events("Aides quit\n\nBy Lena Hart\n\n"
                   "Karl Ostrom's aides criticized Lena Halvorsen. Arab lawmakers called on the government "
                   "to block the visit.\n\n"
                   "In 2013, Karl Ostrom met Lena Halvorsen in Freedonia. He also praised her. The fund he "
                   "set up in 2009 was small.\n\n"
                   "Lena Halvorsen also supported the effort, attending the opening of the center in 2011.\n")


def test_people_described_take_part_a_person_named_inside_is_not_them(story):
    assert ("ACCUSE", "criticized", ("Karl Ostrom's aides",), ("Lena Halvorsen",), None) in story
    assert any(e[:4] == ("REQUEST", "called", ("Arab lawmakers",), ("government",)) for e in story)


def test_groups_described_by_what_they_are_take_part():
    events = _events("Valley clashes\n\nBy Lena Hart\n\nThe army expelled the settlers from the valley. "
                     "Government forces attacked the militias near the river. The tribes accused the militia "
                     "of looting. The ministry urged the clans to disarm.\n")
    assert [e[:4] for e in events] == [
        ("SANCTION", "expelled", ("army",), ("settlers",)),
        ("ASSAULT", "attacked", ("Government forces",), ("militias",)),
        ("ACCUSE", "accused", ("tribes",), ("militia",)),
        ("REQUEST", "urged", ("ministry",), ("clans",)),
    ]


def test_the_narrative_time_comes_from_dates_that_frame_the_story(story):
    assert next(e[:2] for e in story if e[1] == "praised") == ("SUPPORT", "praised")
    assert next(e[4] for e in story if e[1] == "praised") == "2013"  # "In 2013, ..." heads the paragraph
    assert next(e[4] for e in story if e[1] == "supported") == "2011"  # the sentence's one date


def test_a_live_blog_entry_takes_the_time_of_its_heading_line():
    events = _events("The Latest\n\nBy Lena Hart\n\nMarch 3, 2016 9:12PM\n\n"
                     "Karl Ostrom criticized Lena Halvorsen over her plan.\n\n"
                     "March 4, 2016 10:05AM\n\nLena Halvorsen praised Karl Ostrom.\n")
    dates = {e[1]: e[4] for e in events}
    assert dates == {"criticized": "2016-03-03", "praised": "2016-03-04"}


def test_one_dated_line_at_the_end_is_no_blog_and_a_present_perfect_takes_no_narrative_time():
    events = _events("Race\n\nBy Lena Hart\n\nKarl Ostrom criticized Lena Halvorsen over her plan.\n\n"
                     "Correction: an earlier version misstated the name of a town.\n\n"
                     "Friday, March 4, 2016.\n", published="2016-03-02")
    assert [e[4] for e in events] == [None]
    events = _events("Race\n\nBy Lena Hart\n\nOn Tuesday, Karl Ostrom criticized Lena Halvorsen over her "
                     "plan. He has also called for a ban on imports from Norland.\n", published="2016-03-04")
    assert [(e[1], e[4]) for e in events] == [("criticized", "2016-03-01"), ("called", None)]


def test_an_opening_clause_of_the_same_time_dates_the_event_and_a_weekend_is_two_days():
    events = _events("Race\n\nBy Lena Hart\n\nWhile celebrating sweeping victories in three northern "
                     "primaries on Tuesday night, Karl Ostrom mocked the qualifications of Lena Halvorsen.\n"
                     "\nThis weekend, Lena Halvorsen criticized Karl Ostrom.\n", published="2016-04-28")
    assert [(e[1], e[4]) for e in events] == [("mocked", "2016-04-26"), ("criticized", "2016-04-23")]


def test_a_date_of_a_noun_in_an_argument_or_of_the_clause_telling_of_a_wished_act_is_not_the_events():
    events = _events("Levy\n\nBy Lena Hart\n\nOfficials in Vexley have denied any part in the March 3, "
                     "2014, bombings. Several 2018 mayoral candidates have called for an end to the levy. At "
                     "the Jan. 14 debate, Karl Ostrom attacked Erik Lund. Lena Halvorsen boycotted the "
                     "March 3 vote.\n\nOn Friday, her aides urged Lena Halvorsen to hold out until Karl "
                     "Ostrom meets with her. On Wednesday, Erik Lund said "
                     "he will endorse her.\n", published="2016-05-20")
    assert [(e[1], e[4]) for e in events] == [("denied", None), ("called", None), ("attacked", "2016-01-14"),
                                              ("boycotted", "2016-03-03"), ("urged", "2016-05-20"),
                                              ("meets", None),
                                              ("endorse", "2016-05-18")]  # (a promise, made as told)


def test_a_name_in_apposition_stands_for_the_argument_without_the_clause_after_it():
    events = _events("Levy\n\nBy Lena Hart\n\nSome mayoral candidates - for instance, Karl Ostrom of "
                     "Vexley, who voted against the earlier Senate bill in July - have called for an end "
                     "to the levy.\n")
    (source,), = [e[2] for e in events if e[1] == "called"]
    assert "Karl Ostrom" in source and "Senate" not in source


def test_his_rivals_are_not_he():
    events = _events("Rivals\n\nBy Lena Hart\n\nKarl Ostrom spoke in the north. He was criticized by his "
                     "rivals for the plan.\n")
    assert [e[:4] for e in events] == [("ACCUSE", "criticized", ("his rivals",), ("He",))]


def test_a_description_with_a_name_is_the_named_one_a_lone_description_takes_part():
    found = _events("Race\n\nErik Lund's allies mounted an attack on the president's housing secretary, Karl "
                    "Ostrom. Erik Lund attacked a federal judge on Monday.\n")
    assert [e[3] for e in found] == [("Karl Ostrom",), ("federal judge",)]


def test_a_place_or_date_in_an_arguments_own_clause_is_not_the_events():
    found = _events("Race\n\nKarl Ostrom attacked a federal judge whose parents were born in Ruritania in "
                    "1950. Erik Lund is disavowing remarks made by a campaign surrogate.\n")
    assert found[0][3:] == (("federal judge",), None)
    assert found[1][3] == ("campaign surrogate",)


def test_an_event_that_reminds_of_another_takes_none_of_its_date_and_a_begun_attack_happened():
    found = _events("Visit\n\nBy Lena Hart\n\nKarl Ostrom's surprise visit to Ruritania, where he met the "
                    "president, reminded me of Lena Halvorsen's trip to Freedonia in 1985, she wrote.\n\n"
                    "Though Lena Halvorsen has begun to attack Karl Ostrom, her aides will carry the load.\n")
    assert [e[4] for e in found if e[1] == "visit"] == [None]
    assert [e[4] for e in found if e[1] == "trip"] == ["1985"]
    assert [e[:2] for e in found if e[1] == "attack"] == [("ACCUSE", "attack")]


def test_a_year_that_names_a_thing_dates_no_event_but_its_own_noun():
    found = _events("Race\n\nBy Lena Hart\n\nIn his solo debut for the 2016 race, Karl Ostrom gave a "
                    "crowd an endorsement of Lena Halvorsen.\n\nErik Lund praised Lena Halvorsen in 2015.\n")
    assert [(e[0], e[4]) for e in found] == [("SUPPORT", None), ("SUPPORT", "2015")]
    found = _events("Deal\n\nBy Lena Hart\n\nThe new settlement replaces the 1991 agreement between Karl "
                    "Ostrom and Erik Lund.\n\nMore followed.\n")
    assert [(e[1], e[4]) for e in found if e[1] == "agreement"] == [("agreement", "1991")]


def test_a_state_s_government_a_blamed_party_and_a_nominee_are_targets():
    found = _events("Suit\n\nBy Lena Hart\n\nAttorney General Lena Halvorsen announced on Monday the DOJ "
                    "lawsuit against the state of North Carolina. Karl Ostrom blamed the mess on hackers. "
                    "Erik Lund was hailing the Democratic nominee's speech.\n\nMore text.\n")
    assert [e[3] for e in found] == [("North Carolina",), ("hackers",), ("Democratic nominee",)]


def test_a_relative_clause_dates_its_noun_not_the_event():
    events = _events("Surpluses\n\nBy Lena Hart\n\nKarl Ostrom criticized Lena Halvorsen because her "
                     "allies had cheered the plan during the crisis that began in 2008.\n\n"
                     "More text follows here.\n")
    assert [(e[0], e[4]) for e in events if e[1] == "criticized"] == [("ACCUSE", None)]


def test_both_sides_of_a_joined_name_a_place_as_owner_and_no_self_accusation():
    found = _events("Talks\n\nBy Lena Hart\n\n"
                    "The president held a meeting in the morning with Freedonia Prime Minister Erik Lund and "
                    "Ruritania President Karl Ostrom.\n\n"
                    "After the Supreme Court approved Ohio's voter law, most laws were thought safe.\n\n"
                    "Lena Halvorsen won a runoff with Erik Lund, a county commissioner who accused her of "
                    "catering to special interests.\n\nMore text follows here.\n")
    meeting = next(e for e in found if e[0] == "CONSULT")
    named = {t.split("President ")[-1].split("Minister ")[-1] for t in meeting[3]}
    assert {"Erik Lund", "Karl Ostrom"} <= named
    assert next(e for e in found if e[1] == "approved")[3] == ("Ohio",)
    accused = next(e for e in found if e[1] == "accused")
    assert "Erik Lund" not in " ".join(accused[3])


def test_the_speaker_is_the_i_of_an_event_told_in_a_quote():
    found = _events("Visit\n\nBy Lena Hart\n\n"
                    "\"I met Karl Ostrom in Oslo last week and I asked him to stay,\" Erik Lund said on "
                    "Tuesday.\n\n\"We will never accept their offer,\" Lena Halvorsen told reporters.\n\n"
                    "More text follows here.\n")
    assert ("CONSULT", "met", ("Erik Lund",), ("Karl Ostrom",)) in {e[:4] for e in found}
    assert ("REJECT", ("Lena Halvorsen",)) in {(e[0], e[2]) for e in found}


def test_a_party_word_is_the_leaning_of_the_people_it_qualifies():
    found = _events("Charges\n\nBy Lena Hart\n\nA Republican state attorney charged Karl Ostrom in 2012.\n\n"
                    "Senator Lund has attacked GOP voters and lawmakers for opposing the plan.\n\n"
                    "More text follows here.\n")
    assert ("ACCUSE", ("Republican state attorney",)) in {(e[0], e[2]) for e in found}
    assert ("GOP voters", "lawmakers") in {e[3] for e in found}


def test_named_targets_a_legislature_an_agency_a_capital_and_people_by_trade():
    found = _events("Targets\n\nBy Lena Hart\n\n"
                    "Senator Lena Halvorsen called on Congress to pass the bill.\n\n"
                    "Critics accused Washington of throwing away a powerful lever.\n\n"
                    "The Freedonian navy detained 10 American sailors from two patrol boats.\n\n"
                    "Erik Lund criticized the F.B.I. on Tuesday.\n\nMore text follows here.\n")
    targets = {e[1]: e[3] for e in found}
    assert targets["called"] == ("Congress",)
    assert targets["accused"] == ("Washington",)
    assert targets["detained"] == ("10 American sailors",)
    assert targets["criticized"] == ("F.B.I.",)


def test_a_date_of_another_clause_or_a_noun_after_the_trigger_is_not_the_events():
    found = _events("Dates\n\nBy Lena Hart\n\n"
                    "Lena Halvorsen distanced herself from deals she once supported, like the 1994 deal with "
                    "Freedonia.\n\n"
                    "Karl Ostrom finally agreed to a moratorium, but when Erik Lund visited Ruritania in "
                    "March 2010, he was caught off guard.\n\n"
                    "Following the victory in 1844 and the war, which most Whigs opposed, the party won.\n\n"
                    "More text follows here.\n")
    when = {e[1]: e[4] for e in found}
    assert when.get("supported") is None and when.get("agreed") is None and when.get("opposed") is None
    assert when["visited"] == "2010-03"


def test_a_relative_clause_of_a_date_tells_of_that_date():
    found = _events("Votes\n\nBy Lena Hart\n\nLund weighed in with her support on Tuesday evening, a modest "
                    "boost for Ostrom since 2009, when Halvorsen joined 89 other senators to reject the "
                    "request to close the prison.\n\nMore text follows here.\n")
    assert {e[1]: e[4] for e in found}["reject"] == "2009"


def test_an_undated_word_or_meeting_in_the_simple_past_takes_the_day_of_the_stories_lead():
    dates = {e[1]: e[4] for e in _events(
        "Rally\n\nBy Lena Hart\n\nErik Lund has met Karl Ostrom. Karl Ostrom attacked Lena Halvorsen on "
        "Wednesday at a rally in Vexley, the third this week.\n\nOstrom also criticized the Norland Party "
        "for its plan to close the border.\n\nHe has endorsed Erik Lund. In 2008, Ostrom backed Lund. He "
        "urged voters to stay home.\n\nHalvorsen thanked Ostrom.\n", published="2016-03-04")}
    assert dates["attacked"] == "2016-03-02"  # its own date
    assert dates["met"] is None  # a present perfect tells of a past act the text does not date
    assert dates["criticized"] == "2016-03-02"  # the lead's day: the story's own time
    assert dates["endorsed"] is None  # (nor further down)
    assert dates["urged"] == "2008"  # the paragraph's time
    assert dates["thanked"] is None  # the story moved to 2008: the lead's day no longer holds


def test_a_reason_or_an_earlier_act_keeps_its_own_time():
    found = _events("Budget\n\nBy Lena Hart\n\nKarl Ostrom has refused to sign the budget, because his "
                    "allies expect Lena Halvorsen to take office in November. Karl Ostrom criticized Erik "
                    "Lund in May, because Lund had praised Halvorsen.\n", published="2016-06-08")
    dates = {e[1]: e[4] for e in found}
    # (a refusal in the present perfect holds when the story is written; November is the allies' hope)
    assert dates == {"refused": "2016-06-08", "criticized": "2016-05", "praised": None}


def test_a_participle_of_a_noun_a_present_and_an_event_noun_keep_to_their_own_time():
    found = _events("Remarks\n\nBy Lena Hart\n\nLena Halvorsen attacked Karl Ostrom over remarks "
                    "published this week about Erik Lund.\n\nIn July, Karl Ostrom met Erik Lund in Vexley. "
                    "\"I reject any plan to close the border,\" Lund says.\n", published="2016-08-11")
    dates = {e[1]: e[4] for e in found}
    assert dates["attacked"] is None  # "this week" is the remarks', not the attack's
    assert dates["met"] == "2016-07" and dates["reject"] == "2016-08-11"  # a present: the time of writing


def test_decades_and_the_occasion_a_sentence_opens_with_date_it():
    found = _events("Old feuds\n\nIn the 1960s, with a legion of followers, Lena Halvorsen gave support to "
                    "Karl Ostrom, who went on to lose in 1964.\n\nIn the 1952 campaign, Erik Lund criticized "
                    "Karl Ostrom's strategy. Erik Lund's 2012 bid was a failure.\n", "2016-06-24")
    assert ("SUPPORT", "1960") in [(e[0], e[4]) for e in found]
    assert ("ACCUSE", "1952") in [(e[0], e[4]) for e in found]


def test_a_clause_of_where_takes_the_date_of_the_scene_it_tells_of():
    found = _events("On the trail\n\nLena Halvorsen spoke of jobs on Monday. She repeated it on Wednesday in "
                    "Raleigh, where she also promised to reject bad trade deals.\n", "2016-06-24")
    assert ("AGREE", "2016-06-22") in [(e[0], e[4]) for e in found]


def test_an_era_in_the_clause_and_a_clause_of_when_do_not_date_the_event():
    found = _events("Guns\n\nOn Friday, Lena Halvorsen spoke in Oslo. Later she criticized Karl Ostrom for "
                    "votes against the bill in the 1990s.\n\nApril 24 marked 101 years since the start of "
                    "the massacre, when Vexleyan troops killed thousands of Norlanders.\n", "2016-06-24")
    assert ("ACCUSE", "1990") not in [(e[0], e[4]) for e in found]
    assert ("ASSAULT", "2016-04-24") not in [(e[0], e[4]) for e in found]


def test_a_supporter_of_someone_is_the_supporter():
    found = _events("Rally\n\nAt the rally, a supporter of Karl Ostrom asked Lena Halvorsen to leave.\n",
                    "2016-06-24")
    assert [e[2] for e in found if e[0] == "REQUEST"] == [("supporter of Karl Ostrom",)]


def test_a_place_s_past_an_era_bound_and_an_occasion_after_do_not_date_the_act():
    found = _events("Wreath\n\nOn Wednesday, Karl Ostrom laid a wreath in Marlova, where Vexleyan troops "
                    "massacred thousands of civilians.\n\nAfter the 2008 crash, Vexley cut aid to Norland. "
                    "Since the 1990s, Vexley has backed Norland.\n", "2016-06-24")
    assert ("ASSAULT", None) in [(e[0], e[4]) for e in found]
    assert [e[4] for e in found if e[0] in ("SANCTION", "SUPPORT")] == [None] * len(
        [e for e in found if e[0] in ("SANCTION", "SUPPORT")])


def test_a_clause_of_when_on_a_dated_event_takes_its_date():
    found = _events("Attacks\n\nNorland was rocked by a devastating attack in November, when heavily armed "
                    "bombers killed 130 people in Marlova.\n", "2016-07-15")
    assert ("ASSAULT", "2015-11") in [(e[0], e[4]) for e in found]


def test_a_quoted_present_or_past_takes_neither_the_publication_date_nor_the_lead_s_day():
    events = _events("Hearing\n\nBy Lena Hart\n\nKarl Ostrom criticized Lena Halvorsen on Monday over the "
                     "count.\n\n\"We made mistakes, and I apologize for that,\" Halvorsen said at a hearing. "
                     "\"The board agreed to recount every vote,\" she added.\n\nOstrom praised Halvorsen.\n",
                     published="2016-03-09")
    dates = {e[1]: e[4] for e in events}
    assert dates["criticized"] == "2016-03-07"
    assert dates["apologize"] is None and dates.get("agreed") is None
    assert dates["praised"] == "2016-03-07"  # (told by the paper, in the simple past: the lead's day)


def test_what_is_already_done_or_told_in_a_relative_clause_takes_no_narrative_time():
    events = _events("Race\n\nBy Lena Hart\n\nOn March 3, Karl Ostrom met Erik Lund in Vexley. Lund already "
                     "backed Ostrom. Halvorsen, who criticized Ostrom, praised Lund.\n",
                     published="2016-03-09")
    dates = {e[1]: e[4] for e in events}
    assert dates["met"] == dates["praised"] == "2016-03-03"
    assert dates["backed"] is None and dates["criticized"] is None


def test_whose_deed_words_judge_is_their_target_but_no_one_is_their_own():
    events = _events("Race\n\nBy Lena Hart\n\nKarl Ostrom spoke in Vexley on Monday. Lena Halvorsen mocked "
                     "his tough talk. Erik Lund criticized his own party. Halvorsen defended herself.\n")
    assert ("ACCUSE", "mocked", ("Lena Halvorsen",), ("his",), None) in events
    assert not [e for e in events if e[1] == "criticized" and e[3]]
    assert ("SUPPORT", "defended", ("Halvorsen",), ("herself",), None) in events


def test_an_event_noun_that_is_on_a_day_takes_it():
    events = _events("Talks\n\nBy Lena Hart\n\nKarl Ostrom said the talks between Norland and Vexley are on "
                     "Friday.\n", published="2016-03-09")
    assert [e[4] for e in events if e[1] == "talks"] == ["2016-03-04"]


def test_a_date_after_an_event_noun_is_its_own_and_a_dated_sentence_keeps_out_the_narrative():
    events = _events("Memories\n\nBy Lena Hart\n\nThe column likens the summit to Karl Ostrom's long "
                     "trip to Vexley in 1985, the editor wrote.\n\nErik Lund met Karl Ostrom in July. Lund "
                     "invited Ostrom to Norland's rally against the new treaty in September.\n",
                     published="2016-03-09")
    dates = {e[1]: e[4] for e in events}
    assert dates["trip"] == "1985"
    assert dates["met"] == "2015-07" and "rally" in dates and dates["rally"] != "2015-07"


def test_a_simple_present_on_a_day_to_come_is_planned_a_progressive_is_not():
    found = _analysis("Delegates\n\nErik Lund will run when the party meets with Karl Ostrom next Wednesday. "
                      "Progressive groups are hailing Ostrom on Thursday.\n", "2016-04-09")
    status = {e.phrase: e.status for e in found.events}
    assert status["meets"] == "planned" and status["hailing"] == "reported"


def test_a_day_to_come_is_compared_at_the_precision_of_the_publication_date():
    found = _analysis("Talks\n\nErik Lund meets Karl Ostrom on July 12.\n", "2021-07")
    assert [e.status for e in found.events] == ["reported"]


def test_his_in_what_one_was_warned_against_is_the_one_warned_not_the_warner():
    events = _events("Debate\n\nBy Lena Hart\n\nKarl Ostrom took the stage. His sister had warned him not "
                     "to be too harsh in his attacks.\n")
    (attacks,) = [e for e in events if e[1] == "attacks"]
    assert attacks[2] == ("his",)


def test_the_date_of_a_deed_one_is_accused_or_criticized_for_is_not_the_words():
    events = _events("Votes\n\nBy Lena Hart\n\nErik Lund criticized Karl Ostrom for voting against the "
                     "bill in 2002.\n", published="2016-03-09")
    assert [e[4] for e in events if e[1] == "criticized"] == [None]


def test_an_act_told_as_later_or_before_a_day_to_come_takes_no_narrative_time():
    events = _events("Talks\n\nBy Lena Hart\n\nThe weather was fine.\n\n"
                     "In October, Lena Halvorsen met Karl Ostrom in Vexley. She later criticized him.\n\n"
                     "Norland will choose its council on Saturday. Long before that, Karl Ostrom criticized "
                     "Erik Lund.\n", published="2016-03-02")
    dates = {(e[1], e[3]): e[4] for e in events}
    assert dates[("met", ("Karl Ostrom",))] == "2015-10"
    assert dates[("criticized", ("him",))] is None  # after October, not in it
    assert dates[("criticized", ("Erik Lund",))] is None  # done already: not on the Saturday to come


def test_words_said_in_an_interview_take_its_date_a_reaction_s_object_does_not():
    events = _events("Talks\n\nBy Lena Hart\n\nThe weather was fine.\n\nErik Lund praised Karl Ostrom "
                     "in an interview aired Saturday.\n\nKarl Ostrom, who opposed the Peru deal last "
                     "spring, met Erik Lund.\n", published="2016-03-02")
    dates = {e[1]: e[4] for e in events}
    assert dates["praised"] == "2016-02-27" and dates["opposed"] == "2015-03"
    assert dates["deal"] is None  # the deal was made before it was opposed


def test_a_noun_keeps_its_own_participle_s_date_and_him_may_be_the_owner_of_the_subject_s_his():
    found = _analysis("Debt\n\nBy Lena Hart\n\nErik Lund urged ministers to drop the Norland loan deal "
                      "struck by Karl Ostrom and Anna Berg last week.\n\nKarl Ostrom took the stage. None of "
                      "his opponents criticized him over the vote.\n", published="2016-03-02")
    name = lambda i: found.mentions[i].text  # noqa: E731
    deal = next(e for e in found.events if e.phrase == "deal")
    assert (deal.when.start, deal.when.end) == ("2016-02-22", "2016-02-28")
    attacked = next(e for e in found.events if e.phrase == "criticized")
    assert [found.mentions[found.mentions[i].antecedent].text for i in attacked.targets] == ["Karl Ostrom"]
    assert name(attacked.targets[0]) == "him"


def test_what_never_happened_takes_no_publication_date():
    events = _events("Blame\n\nBy Lena Hart\n\nThe Norland cabinet has never openly blamed Vexley for "
                     "the leak.\n\nKarl Ostrom has not endorsed a candidate.\n", published="2016-01-05")
    assert [e[4] for e in events] == [None, None]


def test_someone_s_rivals_are_the_rivals_and_an_act_before_another_is_not_its_subject_s():
    events = _events("Rivals\n\nBy Lena Hart\n\nKarl Ostrom won. On Friday, both of Ostrom's former "
                     "allies condemned his response to the strike.\n", published="2016-01-05")
    (condemned,) = [e for e in events if e[1] == "condemned"]
    assert condemned[2] == ("Ostrom's former allies",) and condemned[3] == ("his",)


def test_a_list_of_dates_dates_the_act_from_the_first_to_the_last():
    found = _analysis("Votes\n\nBy Lena Hart\n\nAs a deputy, Lena Berg voted to ban the imports in 1997, "
                      "1999 and 2003.\n", published="2016-03-09")
    (ban,) = [e for e in found.events if e.phrase == "ban"]
    assert (ban.when.start, ban.when.end) == ("1997", "2003")


def test_someone_s_campaign_or_aides_act_for_themselves_what_is_judged_of_it_is_judged_of_them():
    events = _events("Invitation\n\nBy Lena Hart\n\nKarl Ostrom spoke. Ostrom's campaign invited Erik Lund "
                     "to the convention. Karl Ostrom's aides criticized Lena Halvorsen. Her neighbours "
                     "mocked Ostrom's slogan-filled campaign.\n")
    assert ("ACCUSE", "mocked", ("Her neighbours",), ("Ostrom",)) in [e[:4] for e in events]  # (his campaign)
    assert ("REQUEST", "invited", ("Ostrom's campaign",), ("Erik Lund",)) in [e[:4] for e in events]
    assert ("ACCUSE", "criticized", ("Karl Ostrom's aides",), ("Lena Halvorsen",)) in [e[:4] for e in events]

