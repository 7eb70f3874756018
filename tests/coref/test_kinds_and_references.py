"""In-document coreference and kinds, with the real spaCy model on sentences written for the tests."""

from __future__ import annotations

import pytest

from sitroom.clean.document import clean
from sitroom.coref.gender import first_names_known, name_gender
from sitroom.extract.analysis import analyse
from sitroom.model.document import SourceText
from sitroom.nlp.model import load_model


def _analyse(text: str):
    doc = clean(SourceText(id="t", source="t.txt", origin="t.txt", format="text", text=text,
                           content_hash="h", encoding="utf-8"))
    return analyse(doc, load_model())


def _kinds(analysis) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in analysis.mentions:
        if not m.pronoun:
            out.setdefault(m.text, set()).add(m.kind)
    return out


def _cluster_of(analysis, text: str) -> set[int]:
    return {c for m, c in zip(analysis.mentions, analysis.clusters, strict=True) if m.text == text}


@pytest.fixture(scope="module")
def wire():
    return _analyse("Harbour strike ends\n\nBy Ana Reyes\n\n"
                    "MARLOVA, Peru (Wire) — Dock workers in Marlova returned to work on Friday.\n\n"
                    "Fighters of the Islamic State group attacked a depot near Marlova. IS said it had taken "
                    "the depot, and Daesh fighters held it for a day.\n\n"
                    "Talks between Washington and Lima resumed, while the minister flew to Lima.\n")


def test_the_dateline_place_is_a_location_and_the_same_town_later_too(wire):
    datelined = [m for m in wire.mentions if m.dateline]
    assert [m.text for m in datelined] == ["MARLOVA", "Peru"]
    assert datelined[1].kind == "state" and datelined[1].country == "PER"
    kinds = _kinds(wire)
    assert kinds["MARLOVA"] == kinds["Marlova"] == {"location"}
    assert len(_cluster_of(wire, "MARLOVA") | _cluster_of(wire, "Marlova")) == 1


def test_the_names_of_a_well_known_group_are_one_actor(wire):
    clusters = set()
    for name in ("Islamic State group", "IS", "Daesh"):
        clusters |= _cluster_of(wire, name)
    assert len(clusters) == 1


def test_a_capital_that_acts_is_its_state_a_capital_travelled_to_a_place(wire):
    lima = [m for m in wire.mentions if m.text == "Lima"]
    assert [m.kind for m in lima] == ["state", "location"]
    assert {m.kind for m in wire.mentions if m.text == "Washington"} == {"state"}


def test_an_acronym_that_is_a_verb_is_no_actor():
    analysis = _analyse("The spokesman said the situation IS serious.\n\nWHAT IS AT STAKE\n")
    assert not [m for m in analysis.mentions if m.text == "IS"]


def test_pronouns_agree_in_gender_and_skip_non_names():
    analysis = _analyse("Minister Lena Ostrova met Mr Pavel Dorn in Harbin on Monday. She said the talks "
                        "went well.\n\nTwitter removed the post. He called that censorship.\n")
    she = next(m for m in analysis.mentions if m.text == "She")
    assert "Ostrova" in analysis.mentions[she.antecedent].text
    for m in analysis.mentions:
        if m.pronoun and m.antecedent is not None:
            assert analysis.mentions[m.antecedent].text != "Twitter"
    assert {m.kind for m in analysis.mentions if m.text == "Twitter"} <= {"organization"}


@pytest.mark.skipif(not first_names_known(), reason="the optional first-name lists are not installed")
def test_first_names_give_gender():
    assert name_gender("Lena Ostrova") == "f" and name_gender("Pavel Dorn") == "m"
    assert name_gender("Ms Dorn") == "f" and name_gender("Dorn") is None


def test_a_letter_sign_off_is_a_person_then_a_town_and_no_junk_actors():
    analysis = _analyse("Letters\n\nThe new bypass is a disgrace to the planners.\n\nJane Roe Leeds •\n\n"
                        "Capitalism and Pashto were discussed by the Transport Minister Ali Kaya.\n")
    kinds = _kinds(analysis)
    assert kinds.get("Jane Roe") == {"person"} and kinds.get("Leeds") == {"location"}
    assert not {"Capitalism", "Pashto", "Transport", "Jane Roe Leeds"} & set(kinds)


def test_one_word_person_with_a_trade_is_a_person_everywhere():
    analysis = _analyse("Kerem, a cotton farmer, said the harvest was late. Kerem said prices fell.\n")
    assert _kinds(analysis)["Kerem"] == {"person"}
    assert len(_cluster_of(analysis, "Kerem")) == 1


def test_the_brigade_stands_for_the_brigade_named_before():
    analysis = _analyse("The Northern Shield Brigade shelled the port. Later the brigade withdrew.\n")
    (named,) = [i for i, m in enumerate(analysis.mentions) if m.text == "Northern Shield Brigade"]
    described = [m for m in analysis.mentions if m.pronoun and m.text.endswith("brigade")]
    assert described and described[0].antecedent == named


def test_a_capital_with_a_mayor_is_the_city():
    analysis = _analyse("London's mayor opened the bridge, and London warned Paris about the plan.\n")
    assert [m.kind for m in analysis.mentions if m.text == "London"] == ["location", "state"]


def test_a_pronoun_takes_a_subject_or_its_own_sentence_and_never_inside_a_quote():
    analysis = _analyse("Talks\n\nObama met Netanyahu. He said the talks were good. Relations with Netanyahu "
                        "have been tense. He is angry. Trump said: \"He is weak.\" Trump added that he "
                        "would win.\n")
    linked = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert linked == [("He", "Obama"), ("he", "Trump")]


def test_a_capital_in_the_dateline_is_the_city():
    analysis = _analyse("Trump Says He Is Unlikely To Agree.\n\nLONDON (Reuters) - Donald Trump said he was "
                        "unlikely to agree with the prime minister.\n")
    (london,) = [m for m in analysis.mentions if m.text == "LONDON"]
    assert london.dateline and london.kind == "location"


def test_two_people_of_one_surname_keep_their_genders_and_a_chain_learns_one():
    analysis = _analyse("Talks\n\nHillary Clinton and Bill Clinton spoke. Mrs. Clinton said she would win. "
                        "Bill Clinton said he agreed.\n\nSenator Ana Sanders spoke. Kerr said he was "
                        "wrong. He left. Kerr said she was late.\n")
    linked = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert ("she", "Mrs. Clinton") in linked
    assert ("he", "Bill Clinton") in linked
    assert all(not (p == "she" and a == "Kerr") for p, a in linked)  # Kerr was "he" twice before


def test_capitals_are_cities_unless_their_government_acts():
    analysis = _analyse("Talks End\n\nA candle for Paris was lit. London was the financial capital of "
                        "the world. Talks between Washington and Moscow resumed.\n")
    kinds = [(m.text, m.kind) for m in analysis.mentions if not m.pronoun]
    assert ("London", "location") in kinds
    assert ("Paris", "location") in kinds
    assert ("Washington", "state") in kinds and ("Moscow", "state") in kinds
    who = _analyse("Staff\n\nParis, who used to work on Capitol Hill, said so.\n")
    assert [m.kind for m in who.mentions if m.text == "Paris"] == ["person"]


def test_datelines_in_capitals_or_before_an_agency():
    from sitroom.clean.header import dateline_places
    from sitroom.clean.layout import Unit
    from sitroom.model.evidence import Span

    def places(text):
        return [text[s.start : s.end] for s in dateline_places(Unit(Span(0, len(text)), text), text)]

    assert places("KABUL, Afghanistan (AP) — The talks ended.") == ["KABUL", "Afghanistan"]
    assert places("Mexico City (AFP) – It featured drama.") == ["Mexico City"]
    assert places("TELSA, January 16, 2024 — A convoy was attacked.") == ["TELSA"]
    assert places("NATO, which met on Monday, said so.") == []
    assert places("The Senate (finally) - voted.") == []


def test_an_honorific_joins_the_bearer_of_that_gender():
    analysis = _analyse("Talks\n\nHillary Clinton and Bill Clinton spoke. Mrs. Clinton said she would win. "
                        "Mr. Clinton agreed.\n")
    cluster = {m.text: c for m, c in zip(analysis.mentions, analysis.clusters, strict=True) if not m.pronoun}
    assert cluster["Mrs. Clinton"] == cluster["Hillary Clinton"] != cluster["Bill Clinton"]
    assert cluster["Mr. Clinton"] == cluster["Bill Clinton"]


def test_the_president_is_no_vice_president_and_the_party_no_person():
    analysis = _analyse("Talks\n\nVice President Joe Biden met President Barack Obama. Later the president "
                        "spoke.\n\nDonald Trump spoke on Monday. Trump said the party should act.\n")
    linked = {m.text: analysis.mentions[m.antecedent].text for m in analysis.mentions
              if m.pronoun and m.antecedent is not None}
    assert linked.get("the president") == "Barack Obama"
    assert "the party" not in linked


def test_a_us_state_named_like_a_country_among_us_states():
    analysis = _analyse("Results\n\nClinton has won Virginia, Georgia and Alabama. Russia and Georgia fought "
                        "a war in 2008.\n")
    assert [m.kind for m in analysis.mentions if m.text == "Georgia"] == ["location", "state"]


def test_a_surname_before_its_bearers_full_name_stays_apart():
    analysis = _analyse("Race\n\nThe race tightened on Monday. Polls favour Miller. "
                        "Her husband, John Miller, said on Tuesday the family was confident. Miller "
                        "added that he would campaign.\n")
    early, late = [c for m, c in zip(analysis.mentions, analysis.clusters, strict=True) if m.text == "Miller"]
    assert early != _cluster_of(analysis, "John Miller").pop()
    assert late == _cluster_of(analysis, "John Miller").pop()


def test_a_surname_two_people_bear_is_the_one_just_named_in_full():
    analysis = _analyse("Family\n\nMary Miller met voters in Leeds on Monday. Miller promised new roads. "
                        "Later her brother John Miller arrived in York. Miller had flown in from London. "
                        "Three weeks later, the vote was held in the two cities and many other places. "
                        "Observers praised the calm of the vote. Turnout was high in the region. "
                        "Miller won.\n")
    clusters = [c for m, c in zip(analysis.mentions, analysis.clusters, strict=True) if m.text == "Miller"]
    ngozi, emeka = (_cluster_of(analysis, n).pop() for n in ("Mary Miller", "John Miller"))
    assert clusters[:2] == [ngozi, emeka]
    assert clusters[2] not in (ngozi, emeka)  # far from both full names: undecided


def test_a_news_outlet_named_like_a_person_is_an_organisation():
    analysis = _analyse("Money\n\nThe banker Lars Halvorsen founded a wire service. A recent Halvorsen poll "
                        "showed a close race, and Halvorsen reported on Tuesday that turnout would be low.\n")
    kinds = {(m.text, m.kind) for m in analysis.mentions if not m.pronoun}
    assert ("Halvorsen", "organization") in kinds and ("Lars Halvorsen", "person") in kinds


def test_an_adverb_after_a_comma_is_no_role():
    analysis = _analyse("Polls\n\nLuckily for Halvorsen, this year the governor is more popular than "
                        "the party.\n")
    assert not [r for r in analysis.roles if "governor" in r.title]


def test_a_surname_whose_pronouns_say_otherwise_is_not_the_one_full_name():
    analysis = _analyse("Race\n\nVoters here liked President John Miller. Miller has to keep her lead, and "
                        "Miller said she would visit again.\n")
    lone = _cluster_of(analysis, "Miller")
    assert lone and not lone & _cluster_of(analysis, "John Miller")


def test_according_to_a_name_no_one_bears_in_full_is_an_outlet():
    kinds = _kinds(_analyse("Money\n\nThe firm's stock rose 4 percent, according to Halvorsen. Analysts were "
                            "surprised.\n"))
    assert kinds["Halvorsen"] == {"organization"}
    kinds = _kinds(_analyse("Money\n\nThe banker Lars Halvorsen spoke. The plan would fail, according to "
                            "Halvorsen.\n"))
    assert kinds["Halvorsen"] == {"person"}


def test_a_bare_surname_in_a_house_style_of_honorifics_is_the_namesake_firm():
    analysis = _analyse("Ranking the rich\n\nLena Halvorsen built a data company. Mr. Ostrom and Ms. Lund "
                        "disagree with her figures, and Ms. Halvorsen declined to comment.\n\n"
                        "Halvorsen estimates the fortune at $4 billion, while Ms. Halvorsen says little.\n")
    kinds = _kinds(analysis)
    assert kinds["Halvorsen"] == {"organization"}
    assert kinds["Lena Halvorsen"] == {"person"}
    assert _cluster_of(analysis, "Halvorsen").isdisjoint(_cluster_of(analysis, "Lena Halvorsen"))


def test_a_state_named_like_its_big_city_is_read_in_one_sense_per_story():
    primary = _analyse("Primary\n\nNEW YORK (Wire) — The New York primary is next week, and voters in New "
                       "York are split. Karl Ostrom campaigned in New York on Monday.\n")
    assert [(m.text, m.sense) for m in primary.mentions if m.text.lower() == "new york"] == [
        ("NEW YORK", "city"), ("New York", None), ("New York", None), ("New York", None)]
    city = _analyse("Stage\n\nThe mayor of New York opened the season. Karl Ostrom performed in New York "
                    "on Monday.\n")
    assert [m.sense for m in city.mentions if m.text == "New York"] == ["city", "city"]


def test_two_names_of_one_sentence_are_two_people():
    analysis = _analyse("Dynasty\n\nThe party of Karl Ostrom, Erik Lund and Erik T. Lund is changing. "
                        "Erik T. Lund spoke on Friday.\n")
    assert _cluster_of(analysis, "Erik Lund").isdisjoint(_cluster_of(analysis, "Erik T. Lund"))


def test_the_president_far_from_any_president_named_is_no_one_of_the_text():
    analysis = _analyse("Transition\n\nIn 2008, President Karl Ostrom ordered an early start. "
                        "The rules changed later. Congress wrote a new law. Its rules are detailed. "
                        "Now the president must plan six months ahead.\n")
    described = [m for m in analysis.mentions if m.pronoun and m.text.lower().endswith("president")]
    assert described == []


def test_washington_among_states_is_the_state_and_a_family_is_no_person():
    analysis = _analyse("Caucuses\n\nAlaska, Hawaii and Washington hold caucuses on Saturday. Officials in "
                        "Washington said the vote was close. The Ostrom family stayed home.\n")
    senses = [(m.text, m.sense) for m in analysis.mentions if m.text == "Washington"]
    assert senses[0] == ("Washington", "region")
    assert "Ostrom" not in {m.text for m in analysis.mentions}


def test_a_plain_name_beside_the_same_name_with_an_initial_waits_for_the_corpus():
    analysis = _analyse("Dynasty\n\nErik T. Lund spoke on Friday. Years ago, the first President Erik Lund "
                        "held a party.\n")
    assert _cluster_of(analysis, "Erik Lund").isdisjoint(_cluster_of(analysis, "Erik T. Lund"))


def test_a_pronoun_takes_the_subject_of_the_clause_that_frames_its_own():
    analysis = _analyse("Warning\n\nKarl Ostrom said if Erik Lund wins, he would impose new taxes.\n")
    (he,) = [m for m in analysis.mentions if m.pronoun]
    assert analysis.mentions[he.antecedent].text == "Erik Lund"


def test_a_capital_dealt_with_is_its_state_and_a_district_of_a_state_is_the_state():
    analysis = _analyse("Envoys\n\nThe move underlined Washington's military superiority. The ambassador to "
                        "Washington spoke. The Washington establishment is nervous. Tourists flew to "
                        "Washington. New York's 19th District voted.\n")
    kinds = [(m.kind, m.country) for m in analysis.mentions if m.text == "Washington"]
    assert kinds == [("state", "USA"), ("state", "USA"), ("state", "USA"), ("location", None)]
    assert [m.sense for m in analysis.mentions if m.text == "New York"] == [None]


def test_a_place_named_magazine_is_an_outlet_and_a_party_member_from_new_york_is_of_the_state():
    analysis = _analyse("Talk\n\nThe senator told New York magazine that he would not run. Karl Ostrom, a "
                        "Democrat from New York, agreed.\n")
    kinds = {m.text: (m.kind, m.sense) for m in analysis.mentions}
    assert kinds["New York magazine"] == ("organization", None)
    assert kinds["New York"] == ("location", None)


def test_he_in_what_was_told_is_the_one_told():
    analysis = _analyse("Debate\n\nKarl Ostrom reminded Erik Lund he would have to earn 15 percent. Lena "
                        "Halvorsen assured Anna Berg she would stay.\n")
    pairs = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert pairs == [("he", "Erik Lund"), ("she", "Lena Halvorsen")]


def test_he_after_told_is_the_teller_and_a_question_put_to_a_description_is_no_one_named():
    analysis = _analyse("Race\n\nErik Lund told Karl Ostrom he would consider running. After Ostrom "
                        "asked the writer who he thought would win, Lund replied that it was too early.\n")
    pairs = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert pairs == [("he", "Erik Lund")]


def test_a_surname_the_tagger_missed_is_its_bearer_and_he_added_continues_the_speaker():
    analysis = _analyse(
        "Race\n\nKarl Ostrom reminded Erik Lund he would need 15 percent. Lund countered that if he was "
        "able to get 15 percent he would simply run.\n\nAfter Ostrom asked the writer who he thought would "
        "win, Lund replied, \"I would bet on the governor.\"\n\n"
        "\"We should never confuse the two,\" he added.\n")
    pairs = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert pairs == [("he", "Erik Lund"), ("he", "Lund"), ("he", "Lund"), ("he", "Lund")]


def test_a_capital_owning_an_abstract_thing_or_dealt_with_is_its_government_its_streets_the_city():
    analysis = _analyse("Talks\n\nHe railed about Moscow's propensity to intervene. The Turks ingratiated "
                        "themselves with Washington. Crowds filled London's streets.\n")
    kinds = [(m.text, m.kind) for m in analysis.mentions if not m.pronoun]
    assert ("Moscow", "state") in kinds and ("Washington", "state") in kinds
    assert ("London", "location") in kinds


def test_what_a_state_name_heads_decides_its_sense_before_the_words_around():
    analysis = _analyse("Race\n\nKarl Ostrom, the former Republican mayor of New York who won praise, spoke. "
                        "Voters outside metro New York know him. Lund faced Washington GOP leaders.\n")
    senses = [(m.text, m.sense) for m in analysis.mentions if m.text in ("New York", "Washington")]
    assert senses == [("New York", "city"), ("New York", "city"), ("Washington", "region")]


def test_a_capital_listed_after_a_two_word_state_is_the_state_and_a_relationship_is_government():
    analysis = _analyse("Poll\n\nShe had 16 percent in Colorado, Iowa, North Dakota and Washington. The "
                        "special relationship with Washington is the cornerstone of its diplomacy.\n")
    found = [(m.kind, m.sense) for m in analysis.mentions if m.text == "Washington"]
    assert found == [("location", "region"), ("state", None)]


def test_a_treaty_named_for_a_capital_and_a_postal_address_are_places():
    analysis = _analyse("Climate\n\nFor Ostrom, the Paris agreement fulfills a promise. Donations go to 100 "
                        "Haven Avenue, New York, NY, 10032. He said New York was the billionaire capital.\n")
    found = [(m.text, m.kind, m.sense) for m in analysis.mentions if m.text in ("Paris", "New York")]
    assert found == [("Paris", "location", None), ("New York", "location", "city"),
                     ("New York", "location", "city")]


def test_a_titled_name_with_a_possessive_is_one_mention():
    analysis = _analyse("Term\n\nIn Germany, Chancellor Angela Merkel's center-right party won.\n")
    assert [m.text for m in analysis.mentions if not m.pronoun] == ["Germany", "Angela Merkel"]


def test_a_title_with_lower_case_words_and_an_office_of_somewhere_are_described_people():
    found = _analyse("Visit\n\nBy Lena Hart\n\n"
                     "Ruritanian Prime Minister Karl Ostrom will travel to Freedonia next month.\n\n"
                     "The officials said the prime minister's meeting with Erik Lund was scheduled.\n\n"
                     "The governor of the province, Lena Halvorsen, spoke on Monday. The governor criticized "
                     "the plan on Tuesday.\n\nMore text follows here.\n")
    antecedent = {m.text: found.mentions[m.antecedent].text for m in found.mentions if m.pronoun}
    assert antecedent["prime minister"] == "Karl Ostrom"
    assert antecedent["The governor"] == "Lena Halvorsen"


def test_she_goes_on_past_a_name_of_unknown_gender():
    found = _analyse("Guns\n\nBy Ana Reyes\n\nLena Halvorsen has made gun control central to her campaign. "
                     "After a shooting in Vexley, she issued a plan to expand checks: President Ostrom later "
                     "adopted a similar approach. She has called for a ban on assault weapons.\n")
    she = next(m for m in found.mentions if m.text == "She")
    assert found.mentions[she.antecedent].text == "Lena Halvorsen"


def test_a_quoted_he_is_the_one_the_quote_named_before_it():
    found = _analyse("Security\n\nBy Ana Reyes\n\n\"I have met Mr. Ostrom on more than one occasion. I have "
                     "talked to him about security,\" Erik Lund said. \"He is smart,\" Lund added.\n")
    him = next(m for m in found.mentions if m.text == "him")
    assert found.mentions[him.antecedent].text == "Mr. Ostrom"
    assert not [m for m in found.mentions if m.text == "He"]  # a quote that names no one: no one


def test_a_lone_person_named_before_not_as_subject_is_he_when_no_one_else_is_near():
    analysis = _analyse("Deals\n\nIn those years, contracts kept flowing to Mr. Ostrom. In 2009, he and the "
                        "banker Erik Lund bought a warehouse.\n\nThe band of Mr. Halvorsen played late.\n\n"
                        "A farmer from the valley, Tomas Eek, arrived. He had protested at a rally.\n\n"
                        "Fans of the Mr. Berg show came. He had cheered.\n")
    linked = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert linked[0] == ("he", "Mr. Ostrom")  # (not a name that modifies, nor one of another paragraph)
    assert not [p for p, name in linked if name in ("Mr. Halvorsen", "Mr. Berg")]


def test_a_pronoun_of_the_other_gender_does_not_keep_him_from_the_one_named_as_object():
    analysis = _analyse("Talks\n\nBy Ana Reyes\n\nLena Halvorsen met Karl Ostrom in Vexley. She later "
                        "criticized him.\n\nErik Lund met Karl Ostrom in Vexley. He criticized him.\n")
    linked = [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions if m.pronoun]
    assert ("him", "Karl Ostrom") in linked
    assert [p for p, _ in linked].count("him") == 1  # (two men before "He criticized him": no one)


def _linked(text: str) -> list[tuple[str, str]]:
    analysis = _analyse(text)
    return [(m.text, analysis.mentions[m.antecedent].text) for m in analysis.mentions
            if m.pronoun and m.antecedent is not None]


def test_a_described_office_holder_is_the_one_holder_of_the_office_named_with_no_other_place():
    assert ("Idaho senator", "Lena Berg") in _linked(
        "Floor\n\nBy Ana Reyes\n\nSen. Lena Berg opened her campaign in Boise. The Idaho senator told "
        "reporters that the plan was weak.\n")
    assert ("Nebraska governor", "Karl Ostrom") in _linked(
        "Budget\n\nBy Ana Reyes\n\nGov. Karl Ostrom of Nebraska spoke. Oregon Gov. Erik Lund spoke. The "
        "Nebraska governor left early.\n")  # (not the governor of another state)
    assert not [d for d, _ in _linked("Vote\n\nBy Ana Reyes\n\nSen. Anna Holm spoke, and Sen. Lena Berg "
                                      "agreed. The Idaho senator left.\n") if "senator" in d]


def test_a_qualified_description_as_subject_is_the_subject_of_the_sentence_before():
    linked = _linked("Race\n\nBy Ana Reyes\n\nErik Lund told reporters the vote would be close. \"He is the "
                     "one,\" Lund said. The former three-term governor rejected the idea of a recount.\n\n"
                     "Karl Ostrom won. \"It is a turning point,\" Lena Berg of the Post explained. The "
                     "former Idaho governor plans to back him.\n")
    assert ("former three-term governor", "Lund") in linked
    assert not [d for d, _ in linked if "Idaho" in d]  # (one named once, who tells of the story, is not)


def test_a_description_needs_its_lesser_title_and_a_role_outside_the_passage_breaks_nothing():
    linked = _linked("Foreign Minister Mark Ostrom visits Norland\n\nBy Ana Reyes\n\nGov. Erik Lund met "
                     "Anna Holm. The former governor criticized the plan. Karl Berg spoke. Berg told "
                     "Politico that he would run. The former governor dismissed the rumors.\n")
    assert ("former governor", "Erik Lund") not in linked


def test_a_description_qualified_by_a_name_is_someone_of_theirs():
    linked = _linked("Talks\n\nBy Ana Reyes\n\nKarl Ostrom spoke on Monday. Ostrom told Politico that he "
                     "would run. The Ostrom campaign spokesman dismissed the rumors.\n")
    assert not [d for d, _ in linked if "spokesman" in d]
