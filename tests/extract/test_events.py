"""The event coder on sentences written for the tests, with the real spaCy model."""

from sitroom.extract.events import code_text


def _no_events(texts, kinds):
    """None of ``texts`` gives an event of one of ``kinds``."""
    for text in texts:
        assert not [e for e in code_text(text) if e.type in kinds], text


def _first(text):
    found = code_text(text)
    assert found, text
    return found[0]


def test_types_sources_targets():
    e = _first("The Norwegian Foreign Minister met the Swedish ambassador in Oslo on Monday.")
    assert e.type == "CONSULT" and "Norwegian Foreign Minister" in e.source[0]
    e = _first("Rebels attacked government forces in the north.")
    assert (e.type, e.source, e.target) == ("ASSAULT", ("Rebels",), ("government forces",))
    e = _first("The government accused the opposition of inciting violence.")
    assert (e.type, e.target) == ("ACCUSE", ("the opposition",))


def test_light_verbs_and_nouns():
    assert _first("Officials from both countries held talks in Geneva.").type == "CONSULT"
    assert _first("The council imposed sanctions on the regime.").type == "SANCTION"
    e = _first("The talks between Norway and Sweden ended without a result.")
    assert e.type == "CONSULT" and set(e.source) == {"Norway", "Sweden"}  # both parties, as PLOVER codes


def test_status():
    assert _first("Norway will send troops to the border next week.").status == "planned"
    assert _first("Sweden did not attack the ship.").status == "denied"
    assert _first("If talks fail, the army could attack the town.").status == "hypothetical"
    assert _first("The army attacked the town.").status == "reported"
    # what one tries to get others to do is only sought; what one got them to do was done
    assert _first("Karl Ostrom is trying to convince delegates to back him.").status == "hypothetical"
    assert _first("Karl Ostrom persuaded the delegates to back him.").status == "reported"


def test_a_promise_of_aid_is_an_agreement():
    e = _first("Finland promised to provide aid to the flood victims.")
    assert (e.type, e.mode) == ("AGREE", "aid")


def test_passive_and_chains():
    e = _first("The embassy was attacked by militants on Sunday.")
    assert (e.type, e.source, e.target) == ("ASSAULT", ("militants",), ("The embassy",))
    e = _first("The president ordered to mobilize the reservists.")
    assert e.type == "MOBILIZE" and e.source == ("The president",)
    e = _first("Hungary said it will support the resolution.")
    assert e.source == ("Hungary",)


def test_designation_is_a_sanction():
    e = _first("The court recognized the movement as terrorist.")
    assert e.type == "SANCTION" and e.target == ("the movement",)


def test_questions_attempts_wishes_evaluations_and_idioms_are_no_happenings():
    _no_events(["Why would the Norwegian government meet the rebels?",
                "The ministry is trying to strike a balance between the two camps.",
                "The union tried to negotiate with the employers.",
                "Both sides expressed the desire to cooperate with the agency.",
                "It is important to cooperate with the neighbours.",
                "The speech struck a chord with voters."],
               ("CONSULT", "COOPERATE", "ASSAULT"))
    e = _first("Militants tried to assassinate the provincial governor.")  # an attempted attack is one
    assert e.type == "ASSAULT"


def test_plover_conventions_threats_refusals_demands():
    e = _first("The alliance said it would impose sanctions on the regime.")
    assert (e.type, e.mode, e.status) == ("THREATEN", "sanction", "reported")
    e = _first("Norway will withdraw its peacekeepers from the region unless the fighting stops.")
    assert e.type == "THREATEN"
    e = _first("Ruritania says it will not accept any more refugees.")
    assert (e.type, e.status) == ("REJECT", "reported")
    e = _first("Ruritania said on Tuesday that Freedonia must return the captured helicopter.")
    assert (e.type, e.source, e.target) == ("REQUEST", ("Ruritania",), ("Freedonia",))
    e = _first("Ruritania demanded that Freedonia withdraw its troops.")
    assert e.type == "REQUEST" and e.target == ("Freedonia",)


def test_own_forces_are_no_target_and_a_carrier_noun_takes_its_modifier():
    e = _first("Ruritania withdrew its troops from Freedonia.")
    assert e.type == "RETREAT" and e.target == ("Freedonia",)
    e = _first("The emir launched a mediation effort between Ruritania and Freedonia.")
    assert e.type == "CONSULT"


def test_seeking_being_asked_and_manner_phrases_are_no_happenings():
    _no_events(["As the movement searches for recognition, it has found a partner in Ruritania.",
                "Asked whether Ruritania would recognize the government, the spokesman declined.",
                "Freedonia, in agreement with Ruritania, is trying to stabilise the region."],
               ("COERCE", "REQUEST", "AGREE"))


def test_a_measure_a_shared_trait_a_fall_and_the_floor_given_are_no_acts():
    _no_events(["Karl Ostrom's approval rating rose to 52 percent.",
                "Lena Halvorsen shares more with the defeated campaign than with her party.",
                "At the news conference, Karl Ostrom called on a reporter in the back row.",
                "The jobless rate, which has declined for all groups since 2009, is still high in Vexley.",
                "Support for Karl Ostrom declined in March."],
               ("REQUEST", "SUPPORT", "COOPERATE", "CONSULT", "REJECT"))
    assert _first("Karl Ostrom called on the ministry for an explanation.").type == "REQUEST"


def test_the_sense_decides_the_type():
    assert _first("Ruritania recalled its ambassador from Freedonia.").type == "SANCTION"
    assert not [e for e in code_text("The senator recalled the day he arrived in the capital.")
                if e.type == "SANCTION"]
    assert _first("The rebels released three hostages on Monday.").type == "CONCEDE"
    assert not [e for e in code_text("The campaign released a statement on Monday.") if e.type == "CONCEDE"]
    e = _first("The senator attacked her rival's record on trade.")
    assert e.type == "ACCUSE"  # no weapon, no soldier: a verbal attack
    assert _first("Militants attacked an army post, killing two soldiers.").type == "ASSAULT"
    # an attack on a record or on remarks is words, whatever the topic: "guns" makes it no shooting
    assert _first("She stepped up her attacks on Karl Ostrom's record on guns.").type == "ACCUSE"
    assert _first("The Lund family has clashed with Karl Ostrom over the party's future.").type == "ACCUSE"
    assert _first("Rebels clashed with government troops near the border.").type == "ASSAULT"
    assert _first("Government troops attacked rebel positions near the border.").type == "ASSAULT"
    assert _first("Norland jets struck the Vexley Front's positions near the border.").type == "ASSAULT"
    assert _first("Karl Ostrom attacked the administration's record on guns.").type == "ACCUSE"
    assert _first("It declined the offer.").type == "REJECT"  # (a fall needs a subject that is no actor)
    assert _first("Erik Lund agreed after talks with Karl Ostrom.").type == "AGREE"
    assert not [e for e in code_text("Reporters asked the governor about the budget.") if e.type == "REQUEST"]
    assert _first("Ruritania asked Freedonia to send troops.").type == "REQUEST"
    assert not [e for e in code_text("The candidate held a campaign rally in Ohio.") if e.type == "PROTEST"]
    assert not [e for e in code_text("She captured the nomination in June.") if e.type == "ASSAULT"]


def test_positions_and_pleasantries_are_no_events_but_support_of_an_actor_is():
    _no_events(["The senator supports appropriate pay raises for federal workers.",
                "The governor offered thoughts and prayers to the families.",
                "The campaign signed up thousands of new donors.",
                "The rally demonstrated the unity of the party."],
               ("SUPPORT", "AGREE", "PROTEST"))
    e = _first("Ruritania will support Freedonia's efforts to join the union.")
    assert e.type in ("SUPPORT", "AGREE")
    assert _first("Ruritania offered its troops to the Freedonian president.").type == "AGREE"


def test_no_comment_shared_opinions_and_who_gives_what_is_received():
    _no_events(["The ministry declined to comment on the report.",
                "Many economists agree with her on the budget.",
                "The governor seized the moment to announce her plan."],
               ("REJECT", "AGREE", "COERCE"))
    e = _first("The Ruritanian army received aid from the Freedonian government.")
    assert (e.type, e.source, e.target) == ("AID", ("the Freedonian government",), ("The Ruritanian army",))


def test_targets_from_the_clause_an_event_is_about():
    e = _first("Ruritania's accusation that Freedonia had armed the rebels angered the region.")
    assert e.type == "ACCUSE" and e.target == ("Freedonia",)
    found = code_text("Lawmakers protested the ministry's refusal to prosecute Freedonia.")
    assert [e for e in found if e.type == "REJECT" and e.target == ("Freedonia",)]


def test_more_senses_from_the_arguments():
    _no_events(["The grant helps schools meet the new standards.",
                "She agreed that the bridge was too costly.",
                "The envoy has a deep understanding of the river dispute.",
                "Members were divided on whether to arrest the organisers.",
                "The mayor continued her march toward a second term.",
                "The adviser said the mayor should get some credit."],
               ("CONSULT", "AGREE", "COERCE", "PROTEST", "REQUEST"))
    assert _first("The pilots' union called off its planned walkout.").type == "CONCEDE"
    assert _first("The mayor said she would not meet the strikers' demands.").type == "REJECT"


def test_the_counterpart_of_a_meeting_is_its_target():
    e = _first("The Ruritanian envoy met with the president of Freedonia on Tuesday.")
    assert e.type == "CONSULT" and e.target == ("the president of Freedonia",)
    e = _first("The minister spoke with the Freedonian ambassador.")
    assert e.type == "CONSULT" and e.target == ("the Freedonian ambassador",)
    assert not [e for e in code_text("The minister spoke to reporters on Monday.") if e.type == "CONSULT"]


def test_habits_fees_conclusions_and_audiences_are_no_events():
    _no_events(["Candidates usually meet donors in private.",
                "The firm concluded that the plan would fail.",
                "The speech drew a large audience in Ohio.",
                "Her consulting charges were high."],
               ("CONSULT", "AGREE", "ACCUSE"))
    assert _first("Prosecutors charged the mayor with fraud.").type == "ACCUSE"
    assert _first("Ruritania and Freedonia concluded a trade agreement.").type == "AGREE"


def test_press_conferences_polls_notions_and_credentials_are_no_events():
    _no_events(["The minister held a press conference in Lyon.",
                "He has support from 40 percent of union members.",
                "She rejected the notion that the tax had caused the slump.",
                "The mayor is pulling out her old credentials again.",
                "She insisted that her priority would be housing.",
                "The mayor is thanking volunteers at a dinner."],
               ("CONSULT", "SUPPORT", "REJECT", "RETREAT", "REQUEST"))
    assert _first("Freedonia rejected the proposal.").type == "REJECT"
    assert _first("Ruritania pulled out its troops from the region.").type == "RETREAT"


def test_targets_from_the_clause_a_verb_governs_and_the_state_it_happens_in():
    e = _first("Ruritania threatened to cut trade ties with Freedonia.")
    assert e.type == "THREATEN" and e.target == ("Freedonia",)
    e = _first("Ruritania refused to send monitors to Freedonia.")
    assert e.type == "REJECT" and e.target == ("Freedonia",)


def test_a_verb_the_small_model_lemmatises_wrongly_still_triggers():
    e = _first("Hundreds of protesters staged large demonstrations on Friday.")  # lemma "stag"
    assert e.type == "PROTEST" and e.source == ("protesters",)
    assert _first("The charity handed over blankets to the Freedonian army.").type == "AID"


def test_formal_protests_welcomes_and_readiness_to_act():
    e = _first("Ruritania filed a formal protest with Freedonia over the seizure.")
    assert (e.type, e.target) == ("ACCUSE", ("Freedonia",))
    assert _first("The Ruritanian government welcomed Freedonia's decision.").type == "SUPPORT"
    assert _first("The council said it is ready to impose a curfew.").type == "THREATEN"


def test_killing_people_not_bills_pressure_and_riots():
    assert _first("Gunmen killed the deputy mayor of the town on Sunday.").type == "ASSAULT"
    _no_events(["The committee killed the bill on Tuesday."], ("ASSAULT",))
    assert _first("The ministry has been pressuring the unions to end their walkout.").type == "REQUEST"
    e = _first("Bolivian riots against the new fuel tax continued on Monday.")
    assert e.type == "PROTEST" and e.source


def test_banning_people_is_coercion_banning_goods_a_sanction():
    assert _first("The governor banned two student unions from the campus.").type == "COERCE"
    assert _first("Ruritania banned imports of Freedonian fruit.").type == "SANCTION"


def test_the_owner_of_a_prepositional_object_is_the_target():
    e = _first("The army launched airstrikes on Hamas positions near the border.")
    assert e.type == "ASSAULT" and e.target == ("Hamas",)


def test_striking_needs_something_struck():
    _no_events(["The mayor struck a compromise between the armed factions."], ("ASSAULT",))
    assert _first("The two sides struck a deal on Monday.").type == "AGREE"
    assert _first("Rebel forces struck an army base near the town.").type == "ASSAULT"


def test_targets_from_agents_owners_and_infinitive_subjects():
    e = _first("Freedonia rejected recent calls by Ruritania's rulers for economic aid.")
    assert (e.type, e.source, e.target) == ("REJECT", ("Freedonia",), ("Ruritania",))
    e = _first("Freedonia rejected a Ruritanian proposal for a free trade agreement.")
    assert e.target == ("Ruritanian",)  # the proposer
    e = _first("The minister allowed opposition leader Karl Ostrom to hold a rally.")
    assert e.type == "CONCEDE" and e.target == ("opposition leader Karl Ostrom",)
    e = _first("Freedonia has refused to deploy peacekeepers in Ruritania.")
    assert (e.type, e.target) == ("REJECT", ("Ruritania",))
    e = _first("The rebel group insisted on its demands that the Freedonian government grant more rights.")
    assert (e.type, e.source, e.target) == ("REQUEST", ("The rebel group",), ("the Freedonian government",))


def test_targets_from_the_purpose_of_an_act_and_the_place_of_what_it_threatens():
    e = _first("Thousands of students staged demonstrations to demand reforms by the Freedonian government.")
    assert (e.type, e.target) == ("PROTEST", ("the Freedonian government",))
    e = _first("Karl Ostrom began a hunger strike in protest of the Freedonian government's refusal.")
    assert (e.type, e.target) == ("PROTEST", ("the Freedonian government",))
    e = _first("Freedonia threatened to ban voting in Ruritania.")
    assert (e.type, e.target) == ("THREATEN", ("Ruritania",))


def test_senses_that_are_no_events_and_lasting_states():
    _no_events(["Critics doubted his iconoclastic appeal.",
                "She recalled her father teaching her how to shoot.",
                "Organizers want to deny him a chance to speak.",
                "Recognizing this, Karl Ostrom changed course.",
                "Karl Ostrom quickly seized on the massacre.",
                "Rival candidates have long criticized Karl Ostrom.",
                "For months, Lena Halvorsen had effusively praised Karl Ostrom.",
                "Freedonia has been warning that it is running out of cash."], {
        "REQUEST", "ASSAULT", "REJECT", "SUPPORT", "COERCE", "ACCUSE", "THREATEN"})
    assert _first("Lena Halvorsen had no such praise for Karl Ostrom.").status == "denied"
    assert _first("Freedonia recognized Ruritania on Monday.").type == "SUPPORT"
    assert _first("Karl Ostrom called on the government to resign.").target == ("the government",)


def test_seizing_territory_is_an_assault():
    assert _first("In eastern Freedonia, Ruritanian forces have seized territory.").type == "ASSAULT"
    assert _first("Police seized weapons in a raid.").type == "COERCE"


def test_attributes_results_wishes_and_standing_ties_are_no_events():
    _no_events(["Karl Ostrom has big leads in pledged delegates.",
                "Karl Ostrom may hold particular appeal for Republicans.",
                "Karl Ostrom prevailed in the north, allowing her to build a lead.",
                "Karl Ostrom wants to ban all abortions.",
                "The donors have clear ties to a religious movement."],
               {"AGREE", "REQUEST", "CONCEDE", "SANCTION", "COERCE", "COOPERATE"})


def test_who_backs_whom_in_nouns_of_support():
    e = _first("An Ostrom endorsement by Lena Halvorsen surprised many.")
    assert (e.type, e.source, e.target) == ("SUPPORT", ("Lena Halvorsen",), ("Ostrom",))
    e = _first("Erik Lund, who had the backing of Karl Ostrom, won the vote.")
    assert (e.type, e.source, e.target) == ("SUPPORT", ("Karl Ostrom",), ("Erik Lund",))


def test_inverted_conditions_fears_and_positions_are_no_acts():
    _no_events(["Should Karl Ostrom win the north, he would lead.",
                "Lena Halvorsen supports freezing immigration.",
                "Critics fear Karl Ostrom will make a deal with Lena Halvorsen.",
                "The report reinforces doubts about the plan."],
               {"REQUEST", "SANCTION", "AGREE", "MOBILIZE", "SUPPORT"})


def test_habits_questions_and_what_waits_for_a_condition():
    _no_events(["Karl Ostrom has often complained about Lena Halvorsen.",
                "Reporters asked Karl Ostrom if he would ever endorse Lena Halvorsen.",
                "Delegates will go marching into the convention.",
                "Campaigns have been promising reforms for months."],
               {"ACCUSE", "SUPPORT", "AGREE", "PROTEST"})
    found = code_text("Karl Ostrom will not endorse Lena Halvorsen until she makes meaningful concessions.")
    assert [e.status for e in found if e.type == "CONCEDE"] == ["hypothetical"]


def test_described_targets_rivals_and_the_name_of_a_description():
    assert _first("Karl Ostrom has threatened to sue his rivals.").target == ("his rivals",)
    assert _first("Karl Ostrom attacked a federal judge on Monday.").target == ("a federal judge",)
    assert _first("The gunman managed to kill 49 people.").target == ("49 people",)
    e = _first("Lund's allies are mounting a public attack on the housing secretary, Karl Ostrom.")
    assert e.target == ("the housing secretary, Karl Ostrom",)


def test_what_is_called_for_hoped_or_merely_possible_is_no_happening():
    _no_events(["The group has called on its followers to kill civilians.",
                "Karl Ostrom called for a special prosecutor to investigate Lena Halvorsen.",
                "Party leaders hope that Erik Lund will tone down his attacks against Karl Ostrom.",
                "The early willingness of voters to back Karl Ostrom surprised many.",
                "Erik Lund is probably inclined to endorse her.",
                "Superdelegates are party leaders who can support any candidate.",
                "The senator suspended his campaign on Tuesday night."],
               {"ASSAULT", "ACCUSE", "SUPPORT", "SANCTION", "AGREE"})
    _no_events(["The remarks should sound an alarm for the party."], {"REQUEST"})
    assert [(e.type, e.status) for e in code_text("Many were unable to flee the city.")] in (
        [], [("RETREAT", "denied")])
    assert [(e.type, e.status) for e in code_text("Many Jews were unable to flee Ruritania.")] == [
        ("RETREAT", "denied")]


def test_senses_of_granting_and_admitting_stances_in_progress_and_relative_objects():
    _no_events(["Drawing attention to the interviews she has granted, Karl Ostrom spoke.",
                "It is good for the university to admit as many students as possible.",
                "Host Karl Ostrom, who is supporting Lena Halvorsen, spoke."], {"CONCEDE", "SUPPORT"})
    found = code_text("The prisoners that Ruritania released were freed.")
    assert ("CONCEDE", ("Ruritania",), ("The prisoners",)) in [(e.type, e.source, e.target) for e in found]


def test_calling_a_vote_is_no_request_and_evacuating_a_base_is_a_retreat():
    _no_events(["The party has called a referendum for June 5 against the proposals."], {"REQUEST"})
    assert _first("The soldiers evacuated the base at dawn.").type == "RETREAT"
    assert _first("The army evacuated civilians from the town.").type == "AID"


def test_open_questions_names_for_things_idioms_and_standing_support_are_no_happenings():
    _no_events(["Karl Ostrom struggled to answer a question about how he would form a coalition to fight "
                "the group.",
                "Its eastern flanks are considered occupied territory under international law.",
                "We regularly survey advertisers and ask them to rank the platforms.",
                "His attempts should give voters serious pause.",
                "His members would march behind him.",
                "Karl Ostrom may not have the backing of a majority of Democrats."],
               {"ASSAULT", "REQUEST", "THREATEN", "SUPPORT"})
    assert _first("He explained how the army attacked the town.").type == "ASSAULT"


def test_targets_of_calls_inquiries_and_endorsements_given():
    assert _first("She also called on attendees to oppose bigotry.").target == ("attendees",)
    e = _first("Prosecutors conducted the investigation of Secretary Lena Halvorsen's use of email.")
    assert e.target == ("Secretary Lena Halvorsen",)
    e = _first("He earned no reprieve with his complaints that Mr. Ostrom had been unfair to him.")
    assert e.target == ("Mr. Ostrom",)


def test_status_comes_from_the_clause_up_to_its_own_subject():
    found = code_text("Though Lena Halvorsen has begun to attack Karl Ostrom, her aides will carry the load.")
    assert [(e.type, e.status) for e in found] == [("ACCUSE", "reported")]
    found = code_text("He said that he would consider sending troops to fight Ruritania.")
    assert {e.status for e in found} == {"hypothetical"}


def test_who_calls_when_the_noun_says_and_requests_for_comment_are_routine():
    e = _first("The inquiry has renewed Republican calls for a special prosecutor to investigate the firm.")
    assert (e.type, e.source) == ("REQUEST", ("Republican",))
    found = code_text("Karl Ostrom dismissed a video by the group Vanguard that cites his call for a ban.")
    assert all(e.source != ("the group Vanguard",) for e in found if e.type == "REQUEST")
    assert _first("Karl Ostrom renewed his call for a ceasefire.").source == ("Karl Ostrom",)
    _no_events(["The firm did not respond to the newspaper's repeated requests for comment."], {"REQUEST"})


def test_quantified_doers_another_ones_possession_datives_and_idioms():
    e = _first("On Tuesday, both of Karl Ostrom's remaining rivals criticized his handling of the incident.")
    assert (e.type, e.source, e.target) == ("ACCUSE", ("Karl Ostrom's remaining rivals",), ("his",))
    assert _first("He agreed to sell it to Mr. Ostrom in 2010, records show.").target == ("Mr. Ostrom",)
    _no_events(["Lund and Ostrom traded the lead throughout the vote count.",
                "A White House official, who requested anonymity to discuss a private talk, said so."],
               {"COOPERATE", "REQUEST"})
    assert _first("Individual staffers have rightly apologized for their comments.").type == "CONCEDE"


def test_no_one_did_it_and_what_was_sought_was_tried():
    found = code_text("Karl Ostrom did not dismiss Erik Lund on Tuesday, and neither apologized.")
    assert [e.status for e in found if e.type == "CONCEDE"] == ["denied"]
    assert _first("The campaign sought to ease worries about the plan.").status == "reported"
    assert _first("Karl Ostrom refused to help him do so.").target == ("him",)
    e = _first("Lena Halvorsen complained that Mr. Ostrom's comments were obscuring the party's message.")
    assert (e.type, e.target) == ("ACCUSE", ("Mr. Ostrom",))


def _find(text, kind):
    found = [e for e in code_text(text) if e.type == kind]
    assert found, text
    return found[0]


def test_who_acts_in_control_clauses_appositions_and_passive_chains():
    e = _find("Karl Ostrom forced the firm to settle for the fraud.", "AGREE")
    assert e.source == ("the firm",)  # the firm settled, not Ostrom
    e = _find("Mr. Ostrom, a longtime strategist and lobbyist who has accused the council, left.", "ACCUSE")
    assert e.source == ("Mr. Ostrom",)  # the name beside the description, not a word inside it
    e = _find("In September, the home of a 26-year-old Freedonian man was raided by police.", "COERCE")
    assert e.target == ("a 26-year-old Freedonian man",)  # whose home it was
    e = _find("Karl Ostrom wrote to the company's chief executive, threatening a major lawsuit.", "THREATEN")
    assert e.target == ("the company's chief executive",)  # the one written to
    e = _find("Dozens of villagers were beaten, chained or attacked by the militia.", "ASSAULT")
    assert e.target == ("villagers",) and e.source == ("the militia",)
    e = _find("Erik Lund won Karl Ostrom's praise.", "SUPPORT")
    assert (e.source, e.target) == (("Karl Ostrom",), ("Erik Lund",))
    e = _find("Karl Ostrom suspended his deputy.", "SANCTION")
    assert e.target == ("his deputy",)  # his own deputy is still someone else


def test_generic_doers_statistics_requests_and_own_troubles_are_no_happenings():
    _no_events([
        "A worthy opposition would demand more clarity from the president.",
        "“We should never confuse who we want to win with who is going to win,” he added.",
        "Even when the senator isn't making a visit to the county, he is benefiting.",
        "He claimed that Ruritanians killed 81 percent of the victims.",
        "About 6 in 10 farmers supported Lena Halvorsen.",
        "He says Ostrom's call to ban all Freedonian imports was wrong.",
        "The company said it would not file in time, warning that it could default on its debt.",
        "In 2012, Karl Ostrom suspended his paid speaking schedule to mount a bid.",
        "Until Monday, both companies' stocks were trading at bargain prices.",
        "Lena Halvorsen has supplied ample reasons to question her judgment.",
        "Reporters asked about concerns that Lund's supporters would not support Halvorsen.",
    ], {"REQUEST", "ASSAULT", "SUPPORT", "CONCEDE", "COERCE", "THREATEN", "SANCTION", "COOPERATE", "AID",
        "REJECT", "CONSULT"})
    assert [e.type for e in code_text("The letter demanded that Erik Lund make a public apology.")] == [
        "REQUEST"]  # the demand, not the apology it asks for
    assert _find("Ruritania warned that it would retaliate against any strike.", "THREATEN")
    assert _find("Police killed 30 protesters.", "ASSAULT").target == ("30 protesters",)


def test_status_of_conditions_and_reported_plans():
    e = _find("Supporters say they'll shift their support unless Lund disavows the endorsement he gave "
              "Halvorsen after it became clear he would fall short.", "REJECT")
    assert e.status == "hypothetical"  # a condition, whatever the clause around it says
    e = _find("The news came last: news that the union would endorse Halvorsen on Thursday.", "AGREE")
    assert e.status == "planned"


def test_kinds_in_the_present_figures_and_bills_are_no_happenings():
    _no_events([
        "Companies finance takeovers with borrowed money.",
        "Ultrawealthy donors who fund super PACs are a problem.",
        "The company charged the campaign $3.7 million for ads.",
        "Allow me also to do the research.",
        "The Freedonian drug war has failed.",
        "“I should hope so,” he said.",
    ], {"AID", "ACCUSE", "CONCEDE", "ASSAULT", "REQUEST"})
    assert _find("Authorities blame the explosion on Ruritanian militants.", "ACCUSE")


def test_targets_out_of_bodies_relatives_and_industries():
    e = _find("Karl Ostrom threatened to pull out of NATO if he is elected.", "THREATEN")
    assert e.target == ("NATO",)
    e = _find("Lund, a Freedonian Democrat who has been endorsed by the teachers unions, won.", "SUPPORT")
    assert e.target == ("Lund",)  # the one the relative clause is about
    e = _find("The White House on Monday also urged the technology industry to do more.", "REQUEST")
    assert e.target == ("the technology industry",)
    e = _find("The Ostroms chose not to respond to his attacks.", "ACCUSE")
    assert e.source == ("his",)  # not theirs


def test_what_is_only_proposed_and_whose_proposal_is_slammed():
    found = code_text("Erik Lund slammed Karl Ostrom's proposed ban on Freedonian imports.")
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse and accuse[0].target == ("Karl Ostrom",)  # the one who proposed it, not its content
    assert not [e for e in found if e.type == "SANCTION" and e.status == "reported"]  # only proposed
    e = _find("The promised talks between Lund and Ostrom took place on Monday.", "CONSULT")
    assert e.status == "reported"


def test_opinions_shown_skills_and_dates_are_no_events():
    _no_events(["Karl Ostrom agrees.", "Erik Lund agreed that the ministry has limited power to stop fraud."],
               ("AGREE",))
    assert _first("The two leaders agreed to resume talks.").type == "AGREE"
    _no_events(["As he has demonstrated, Ostrom is willing to fight.",
                "Polls conducted in the first week of March show Ostrom ahead."], ("PROTEST",))
    _no_events(["He talks about how his forces must be ready to fight tonight.",
                "The council urged citizens to avoid condemning refugees."],
               ("ASSAULT", "ACCUSE", "THREATEN"))
    _no_events(["As soon as the agency suspends one account, a new one is created."], ("SANCTION",))


def test_a_called_session_is_a_meeting():
    assert _first("The Security Council called an emergency session on Monday.").type == "CONSULT"


def test_one_doer_per_clause_and_the_owner_of_an_act():
    found = code_text("In the days before the fair, a group of farmers called for a boycott of the fair, and "
                      "the Ruritanian Farmers Union denounced the minister's plan.")
    assert {(e.type, e.source) for e in found} == {
        ("REQUEST", ("a group of farmers",)), ("ACCUSE", ("the Ruritanian Farmers Union",))}
    found = code_text("Lund gave an interview the day after the shooting, and he condemned the Front’s "
                      "targeting of journalists both in the attack and in their strongholds abroad.")
    assert ("ASSAULT", ("the Front",), ("journalists",)) in {(e.type, e.source, e.target) for e in found}
    assert ("REJECT", ("her",)) in {(e.type, e.source) for e in code_text(
        "Ostrom mocked her refusal to release transcripts of the speeches.")}


def test_the_doer_of_a_subordinate_clause_the_parser_split():
    e = _first("But even after Halvorsen, responding to a surging Ostrom, dropped her reluctance to debate "
               "and agreed to participate in a total of 10, Ostrom continued to portray her as hiding.")
    assert (e.type, e.source) == ("AGREE", ("Halvorsen",))


def test_a_forecast_is_no_threat():
    _no_events(["Ostrom warned that the frustration could send voters into the arms of his rival.",
                "In a later speech, he warned of the dangers of unchecked surveillance."], ("THREATEN",))
    for text in ("Ruritania warned that it would retaliate against any incursion.",
                 "The security chief warned that police will no longer tolerate rallies by the group.",
                 "Freedonia warned of retaliation if the border stays closed."):
        assert _first(text).type == "THREATEN", text


def test_a_vote_share_and_a_policy_are_no_acts():
    _no_events(["Older voters have formed a large part of her coalition, supporting her by about a "
                "30 percentage point margin.",
                "Ostrom told reporters that Lund had a crazy policy of self-deportation."],
               ("SUPPORT", "COERCE"))
    assert _first("The ministers had talks with the rebels.").type == "CONSULT"


def test_recurring_and_generic_acts_are_no_happenings():
    _no_events(["At times Ostrom would meet Lund for lunch.",
                "Halvorsen has begun to attack Ostrom in her campaign appearances.",
                "Most presidents have supported major trade treaties."], ("CONSULT", "ACCUSE", "SUPPORT"))
    assert _first("Halvorsen attacked Ostrom in two speeches on Monday.").type == "ACCUSE"


def test_status_of_known_obliged_and_intended_acts():
    e = _first("Ostrom has said that given his criticism of Lund it would be very hard for Lund to attend.")
    assert (e.type, e.status) == ("ACCUSE", "reported")
    assert _first("We have to deepen and better coordinate with Freedonia.").status == "hypothetical"
    _no_events(["If we go marching into the convention with momentum, we are going to march out with the "
                "nomination."], ("PROTEST", "THREATEN"))


def test_a_pronoun_is_its_reporter_only_when_it_can_be():
    assert _first("Hungary has said it will support the resolution.").source == ("Hungary",)
    found = code_text("\"Not only are they supporting Halvorsen, but they have been critical of Ostrom,\" "
                      "Mr. Lund said.")
    assert ("SUPPORT", ("they",)) in {(e.type, e.source) for e in found}


def test_an_occasion_is_no_target():
    assert _first("Lund attacked Ostrom viciously at the Democratic Convention.").target == ("Ostrom",)
    assert _first("Her allies have been hosting liberal activists at house parties.").target == (
        "liberal activists",)
    assert _first("The army fired at the protesters.").target == ("the protesters",)


def test_a_withheld_or_cancelled_event_did_not_happen():
    found = code_text("Halvorsen says she is going to vote for Ostrom but has withheld her endorsement.")
    assert ("SUPPORT", "denied") in {(e.type, e.status) for e in found}
    found = code_text("The ministers cancelled the talks with the rebels.")
    assert ("CONSULT", "denied") in {(e.type, e.status) for e in found}


def test_senses_of_talk_share_insist_and_decline():
    _no_events(["Ostrom was discussing his immigration plan on the debate stage.",
                "Lund shares a strategy with Ostrom.", "He insisted on the radio that the plan would work.",
                "Voters' views of the party have declined sharply.",
                "Six in 10 Republicans said delegates should vote for the winner of the primaries."],
               ("CONSULT", "COOPERATE", "REQUEST", "REJECT"))
    assert _first("Lund discussed the crisis with Ostrom.").type == "CONSULT"
    assert _first("The two leaders discussed trade on Monday.").type == "CONSULT"


def test_doers_of_lists_participles_picked_victims_and_undergone_acts():
    e = _first("The Secret Service, the FBI and the New York Police Department are investigating the letter.")
    assert e.source == ("The Secret Service", "the FBI", "the New York Police Department")
    found = {(e.phrase, e.source, e.target) for e in code_text(
        "The commission cited a sniper targeting and killing five police officers.")}
    assert ("killing", ("a sniper",), ("five police officers",)) in found
    e = _first("The authorities never realized that the joggers had already identified a number of police "
               "officers to attack.")
    assert (e.source, e.target) == (("the joggers",), ("police officers",))
    e = _first("Freedonia spread theories about the agency's involvement in President Karl Ostrom's "
               "assassination.")
    assert (e.type, e.source, e.target) == ("ASSAULT", (), ("President Karl Ostrom",))
    e = _first("On the eve of President Ostrom's final address, dozens of members of his party condemned the "
               "raids.")
    assert e.target == ()


def test_a_backer_named_by_a_participle_is_a_description():
    _no_events(["Last year, the firm gave $10 million to a group backing Ostrom."], ("SUPPORT",))


def test_for_gives_a_reason_or_a_demand_after_blame_and_calls():
    assert _first("Ostrom apologized for his campaign's suggestion.").target == ()
    assert _first("Lawmakers called for a special prosecutor.").target == ()


def test_counts_polls_and_other_senses_of_settle_visit_and_decline():
    _no_events(["In the state's caucuses, 34,000 people supported Ostrom.",
                "The tides could shift, with 47 percent of voters saying they will certainly support Lund.",
                "But voters' views of Lund's preparedness have also declined, by nine percentage points.",
                "Mr. Lund settled in a chair behind her.", "Of all the arguments, Ostrom settled on one.",
                "He hasn't visited the site in six months."], ("SUPPORT", "AGREE", "REJECT", "CONSULT"))
    assert _first("Karl Ostrom forced the firm to settle for the fraud.")


def test_a_repeated_accusation_is_no_one_happening():
    _no_events(["Halvorsen has repeatedly accused Ostrom of using divisive rhetoric."], ("ACCUSE",))


def test_warning_someone_not_to_act_is_a_request_and_thank_god_no_thanks():
    e = _first("Ostrom warned the central bank not to raise rates.")
    assert (e.type, e.target) == ("REQUEST", ("the central bank",))
    assert _first("Ruritania warned it would retaliate.").type == "THREATEN"
    _no_events(["Thank God we won the primary."], ("SUPPORT",))


def test_markets_reflexives_and_a_shocked_conscience_are_no_acts():
    _no_events(["Investors fled emerging markets on Monday.", "Investors seem to agree with the forecast.",
                "He did allow himself to address the hypothetical.",
                "It should shock the conscience of every citizen."],
               ("RETREAT", "AGREE", "CONCEDE", "REQUEST"))
    assert _first("The rebels fled the town on Monday.").type == "RETREAT"


def test_a_participle_that_tells_more_of_an_act_is_that_act():
    found = code_text("Rebels attacked the town on Monday, killing five soldiers.")
    assert [(e.type, e.source, e.target) for e in found] == [("ASSAULT", ("Rebels",), ("five soldiers",))]
    found = code_text("Government troops withdrew from Vexley, fleeing the rebels.")
    assert [e.type for e in found] == ["RETREAT"] and "the rebels" in found[0].target
    found = code_text("Karl Ostrom met Lena Halvorsen, urging her to resign.")  # two acts of two types
    assert [e.type for e in found] == ["CONSULT", "REQUEST"]


def test_a_pledge_not_to_let_an_attack_happen_is_an_agreement_to_whom_it_protects():
    found = code_text("The rebels said they will not allow their valley to serve as a staging ground for "
                      "raids against Freedonia.")
    assert [(e.type, e.status, e.target) for e in found if e.status == "reported"] == [
        ("AGREE", "reported", ("Freedonia",))]  # (the raids it rules out are no happening)
    found = code_text("The militia said it would not allow any faction to attack Freedonia from its camps.")
    assert [(e.type, e.status) for e in found] == [("AGREE", "reported"), ("ASSAULT", "denied")]
    e = _first("Freedonia will not allow the inspectors to visit the site.")  # a refusal stays one
    assert e.type == "REJECT"


def test_a_planned_protest_is_a_protest_a_threatened_one_a_threat():
    e = _first("Activists plan to march in Vexley in July.")
    assert (e.type, e.status) == ("PROTEST", "planned")
    found = code_text("Unions threatened to boycott the election.")
    assert [(e.type, e.mode) for e in found] == [("THREATEN", "protest")]
    e = _first("Freedonian leaders said they would boycott all contact with Ruritania.")
    assert e.type == "THREATEN"
    e = _first("Several unions plan to boycott Karl Ostrom's address to the congress.")  # an occasion
    assert (e.type, e.status) == ("PROTEST", "planned")


def test_senses_of_recognition_yield_and_compromise():
    _no_events(["Few voters know Karl Ostrom, who lacks the name recognition his rival enjoys.",
                "The trade fair did not yield any new orders.",
                "Hackers compromised the party's email system."], {"SUPPORT", "CONCEDE"})
    assert _first("Karl Ostrom compromised with Erik Lund on the budget.").type == "CONCEDE"
    assert _first("Freedonia yielded control of the port.").type == "CONCEDE"


def test_a_refused_act_is_one_rejection():
    found = code_text("Karl Ostrom refused to meet Lena Halvorsen.")
    assert [(e.type, e.mode, e.target) for e in found] == [("REJECT", "consult", ("Lena Halvorsen",))]


def test_only_the_condition_is_hypothetical_and_a_denied_act_is_denied():
    e = _first("Karl Ostrom offered food aid to Lena Halvorsen should Freedonia need it.")
    assert (e.type, e.status) == ("AGREE", "reported")  # the offer was made; the need is the condition
    assert _first("Should Freedonia win, Karl Ostrom will visit Vexley.").status == "planned"
    found = code_text("The ministry denied that its forces shelled the village.")
    assert [(e.type, e.status) for e in found] == [("ASSAULT", "denied")]  # the denial is of the shelling
    assert _first("Karl Ostrom denied the accusation.").type == "REJECT"


def test_campaign_targets_comments_gaffes_interruptions_and_turnout_are_no_events():
    _no_events(["The new advert targets first-time voters in the suburbs.",
                "A spokeswoman for Karl Ostrom declined comment.",
                "Karl Ostrom committed two gaffes in the debate.",
                "The host cut Karl Ostrom off mid-sentence.",
                "The union funded a voter mobilization drive."], {"ASSAULT", "REJECT", "AGREE", "SANCTION",
                                                                  "MOBILIZE"})
    assert _first("Freedonia cut off all official contacts with Ruritania.").type == "SANCTION"
    assert _first("Freedonia committed 500 troops to the mission.").type == "AGREE"
    assert _first("Rebels targeted a police convoy near the border.").type == "ASSAULT"


def test_a_description_with_a_name_in_apposition_is_the_named_one():
    e = _first("Erik Lund spoke with his Norland counterpart Karl Ostrom by phone.")
    assert (e.type, e.target) == ("CONSULT", ("his Norland counterpart Karl Ostrom",))


def test_what_one_called_to_see_done_was_asked_for_what_one_called_to_say_was_done():
    _no_events(["Erik Lund has publicly called to expel Karl Ostrom."], {"SANCTION"})
    assert _first("Karl Ostrom called to thank Lena Halvorsen.").type == "SUPPORT"


def _coded(text):
    return [(e.type, e.mode, e.status, e.source, e.target) for e in code_text(text)]


def test_who_undergoes_an_event_noun_is_told_by_the_words_around_it():
    assert _coded("Karl Ostrom came under attack from Vexley's foreign minister.") == [
        ("ACCUSE", None, "reported", ("Vexley's foreign minister",), ("Karl Ostrom",))]
    assert _coded("Lena Halvorsen was also the target of attacks by conservative groups.") == [
        ("ACCUSE", None, "reported", ("conservative groups",), ("Lena Halvorsen",))]
    assert _coded("Karl Ostrom drew sharp criticism from Erik Lund.") == [
        ("ACCUSE", None, "reported", ("Erik Lund",), ("Karl Ostrom",))]
    assert _coded("Karl Ostrom answered the Lund family's criticism with harsh rhetoric.") == [
        ("ACCUSE", None, "reported", ("the Lund family",), ("Karl Ostrom",))]
    assert _first("Norland received aid from Vexley.").source == ("Vexley",)  # a giver, as before


def test_a_promise_is_one_happening_a_promise_of_a_hostile_act_a_threat():
    assert _coded("Karl Ostrom promised to deport Norland refugees.") == [
        ("THREATEN", "coerce", "reported", ("Karl Ostrom",), ("Norland refugees",))]
    assert [e.type for e in code_text("Lena Halvorsen promised to reject bad trade deals.")] == ["AGREE"]
    assert _coded("Vexley pledged to send aid to Norland.") == [
        ("AGREE", "aid", "reported", ("Vexley",), ("Norland",))]


def test_what_is_asked_for_or_disputed_did_not_happen():
    found = code_text("Karl Ostrom on Tuesday requested another Justice Department investigation of Lena "
                      "Halvorsen.")
    assert [e.type for e in found] == ["REQUEST"]  # the investigation is asked for, not under way
    assert [e.type for e in code_text("Vexley called for a ban on Norland imports.")] == ["REQUEST"]
    found = code_text("A resolution meant to pressure the Marlovan leader to release an imprisoned rival "
                      "failed.")
    assert "CONCEDE" not in [e.type for e in found] and "RETREAT" not in [e.type for e in found]
    found = code_text("Lund's spokeswoman challenged the assertion that Erik Lund had ever attacked Lena "
                      "Halvorsen.")
    assert [(e.type, e.status) for e in found] == [("ACCUSE", "denied")]


def test_a_poll_margin_and_a_habit_under_a_promise_are_no_events():
    _no_events(["Supporters of Karl Ostrom say by 55%-41% that migrants should use the other door.",
                "On the trail, Lena Halvorsen regularly pledges to help workers."],
               {"REQUEST", "AGREE", "AID"})


def test_arguments_keep_to_their_actors():
    e = _first("Lena Halvorsen's campaign accused Lund's followers of sexism.")
    assert e.target == ("Lund's followers",)
    e = _first("Karl Ostrom's refusal to condemn Norland's display of the flag angered voters.")
    assert e.target == ("Norland",)
    assert _first("Lena Halvorsen spent Thursday phoning into multiple networks.").target == (
        "multiple networks",)


def test_who_answers_a_request_or_rebuts_an_accusation_is_its_target():
    found = {e.phrase: e.target for e in code_text(
        "The department failed to respond promptly to his request for the documents.")}
    assert found["request"] == ("The department",)
    found = {e.phrase: e.target for e in code_text(
        "Mr. Lund settled a dispute with Norland at Mr. Ostrom's request.")}
    assert found["request"] == ("Mr. Lund",)
    found = {e.phrase: e.target for e in code_text(
        "The university rebutted Harbourco's accusation that the articles were misleading.")}
    assert found["accusation"] == ("The university",)


def test_an_object_of_call_or_press_is_no_request():
    assert [e.type for e in code_text("Erik Lund pressed his attack on Lena Halvorsen.")] == ["ACCUSE"]
    assert "SUPPORT" in [e.type for e in code_text("He calls Karl Ostrom's endorsement a betrayal.")]


def test_relatives_charges_and_refusals_keep_their_own_participants():
    assert _coded("But Erik Lund wasn't the only Vexleyan whom Karl Ostrom refused to endorse.") == [
        ("REJECT", "support", "reported", ("Karl Ostrom",), ("Erik Lund",))]
    assert _first("His aides accused the former secretary of state of lying.").target == (
        "the former secretary of state",)
    found = code_text("Erik Lund joined other senators to reject the president's request to close the "
                      "prison.")
    assert ("REQUEST", ()) in [(e.type, e.target) for e in found]  # the one who rejects it was not asked
    assert [(e.type, e.status) for e in code_text(
        "Karl Ostrom has not earned any backing from his colleagues.")] == [("SUPPORT", "denied")]


def test_a_title_with_a_name_in_apposition_keeps_the_name():
    e = _first("The visit by the Vexleyan Vice President Karl Ostrom to Norland, and the meetings held "
               "by the two foreign secretaries, all shed light on the issues.")
    assert e.source == ("the Vexleyan Vice President Karl Ostrom",)


def test_a_danger_or_a_forecast_is_no_act():
    _no_events(["Lund could gain concessions from Karl Ostrom.",
                "He will face stepped-up criticism from Lena Halvorsen about the agenda."],
               {"CONCEDE", "ACCUSE"})
    assert not [e for e in code_text("The threat from Norland has become more prominent.")
                if e.source or e.target]  # a danger, no one's act (Norland is not threatened)


def test_what_may_follow_a_known_act_does_not_make_it_hypothetical():
    e = _first("The apology from Erik Lund may come from a realization of the stakes.")
    assert e.status == "reported"
    assert _first("An attack by Norland forces could come at any time.").status == "hypothetical"


def test_aims_platforms_and_habits_told_in_the_present_are_no_events():
    _no_events(["The Norland Farmers Union wants a bigger say and seeks stronger protection at home."],
                {"REQUEST"})  # an aim (what is sought of someone named is asked: see below)
    assert _first("Norland seeks the extradition of Karl Ostrom from Vexley.").type == "REQUEST"
    _no_events(["Erik Lund leads the Harbour League, a group that demands lower port fees from Marlova."],
               {"REQUEST"})
    _no_events(["Vexley negotiates with the rebels and routinely hosts their envoys."], {"CONSULT"})
    assert _first("Karl Ostrom meets Erik Lund in Oslo on Monday and usually sends aid to Norland.").type \
        == "CONSULT"  # a dated meeting beside a habit
    assert _first("Erik Lund, who meets Karl Ostrom today, said nothing.").type == "CONSULT"


def test_one_who_answers_an_attack_underwent_it():
    assert _coded("Karl Ostrom hit back at Lund's criticism on Monday.") == [
        ("ACCUSE", None, "reported", ("Lund",), ("Karl Ostrom",))]
    assert _first("The Halvorsens have mostly chosen not to respond to his attacks.").target == (
        "The Halvorsens",)


def test_a_list_of_names_and_a_name_beside_another_keep_each_their_place():
    assert _first("Karl Ostrom, Erik Lund and Lena Halvorsen have all attacked the program.").source == (
        "Karl Ostrom", "Erik Lund", "Lena Halvorsen")
    e = _first("Another Vexleyan governor who has not backed Mr. Karl Ostrom, Lena Halvorsen of Norland, "
               "appeared poised to reconcile.")
    assert e.target == ("Mr. Karl Ostrom",)
    e = _first("Ostrom insiders said they planned to respond to Lund's attacks on her scandals.")
    assert "Ostrom insiders" not in e.target  # the attacks are on her, whom the parse leaves unnamed


def test_an_invitation_not_accepted_was_made():
    assert ("REQUEST", None, "reported", ("Karl Ostrom",), ("Lena Halvorsen",)) in _coded(
        "Lena Halvorsen is not accepting the invitation from Karl Ostrom.")


def test_whom_an_attack_on_someone_else_is_aimed_at():
    e = _first("The Halvorsen campaign pushed back against Mr. Lund's attack on her qualifications.")
    assert e.target == ("her",)
    assert _first("Mr. Ostrom's attacks on his own record continued.").target == ()
    assert _coded("The Lund attack hit Karl Ostrom differently from those before it.") == [
        ("ACCUSE", None, "reported", ("Lund",), ("Karl Ostrom",))]
    assert _first("Mr. Lund's departure from the network leaves a vacuum.").target == ("the network",)


def test_a_text_adopted_or_sent_does_what_it_says():
    found = _coded("The Marlova City Council on Wednesday approved a resolution condemning Karl Ostrom's "
                   "call for a ban on migrants.")
    assert ("ACCUSE", None, "reported", ("The Marlova City Council",), ("Karl Ostrom",)) in found
    assert "SUPPORT" not in [e[0] for e in found]  # adopting its own resolution supports no one
    assert _coded("Erik Lund sent a letter urging Karl Ostrom to resign.") == [
        ("REQUEST", None, "reported", ("Erik Lund",), ("Karl Ostrom",))]


def test_a_person_named_beside_a_dateline_is_the_doer():
    e = _first("MARLOVA, Norland (Reuters) - President Karl Ostrom met survivors of the flood on Thursday.")
    assert e.source[0].endswith("Karl Ostrom")  # the argument reaches the name, which heads it


def test_a_text_does_what_it_says_only_for_those_who_issue_it():
    assert _coded("The president vetoed a bill sanctioning Norland.")[0][:4] == (
        "REJECT", None, "reported", ("The president",))
    assert not [e for e in code_text("The president vetoed a bill sanctioning Norland.")
                if e.type == "SANCTION" and e.source]  # the bill's sanction is no one's act
    assert not [e for e in code_text("Karl Ostrom received a letter urging him to resign.") if e.source]
    assert ("ACCUSE", None, "reported", ("the council",), ("Vexley",)) in _coded(
        "A resolution condemning Vexley was adopted by the council on Monday.")


def test_review_misfires_stay_fixed():
    found = code_text("Norland dismissed a report accusing Vexley of torture.")
    assert ("ACCUSE", "reported") in [(e.type, e.status) for e in found]  # the report accused Vexley
    assert not [e for e in found if e.type == "ACCUSE" and e.source == ("Norland",)]
    _no_events(["Police responded to the attack by gunmen at a school."], {"ASSAULT", "ACCUSE"})
    assert _first("The visit by Karl Ostrom to Norland may take place in May.").status == "hypothetical"
    assert not [e for e in code_text("The judge rejected the complaint from Erik Lund.")
                if "The judge" in e.target]
    assert _first("Karl Ostrom told reporters, with unemployment at 12 percent, that he would meet Erik "
                  "Lund on Monday.").type == "CONSULT"
    assert _coded("Vexley promised to attack Norland.") == [
        ("THREATEN", "assault", "reported", ("Vexley",), ("Norland",))]
    assert not [e for e in code_text("The threat from Norland has become more prominent.")
                if "Norland" in e.source + e.target]
    assert [(e.type, e.status) for e in code_text("Karl Ostrom did not win praise from Erik Lund.")] == [
        ("SUPPORT", "denied")]


def test_a_petition_launched_asks_for_its_authors_and_a_judgement_asks_no_one():
    assert _coded("Ostrom supporters have launched petitions calling on the delegates to back the will of "
                  "voters.") == [("REQUEST", None, "reported", ("Ostrom supporters",), ("the delegates",))]
    _no_events(["Former minister Erik Lund told delegates that Lena Halvorsen's use of a private server "
                "should disqualify her from office."], {"REQUEST"})
    assert _first("Erik Lund said Norland must release the prisoners.").type == "REQUEST"


def test_calling_someone_is_a_telephone_call():
    assert _coded("Karl Ostrom called Erik Lund on Tuesday.") == [
        ("CONSULT", None, "reported", ("Karl Ostrom",), ("Erik Lund",))]
    assert _first("Ostrom called on Lund to resign.").type == "REQUEST"
    _no_events(["Ostrom called Lund a liar.", "Vexley called a snap election."], {"CONSULT", "REQUEST"})


def test_what_is_asked_for_is_the_request_s_mode():
    assert [(e.type, e.mode) for e in code_text("Vexley called for a ban on Norland imports.")] == [
        ("REQUEST", "sanction")]
    assert _first("Norland demanded an apology from Vexley.").mode == "concede"


def test_a_past_act_the_parser_joined_to_a_reported_present_is_the_speaker_s():
    # "said X is ... and accused him": the tenses show the accusing goes with the saying
    found = code_text("Lena Halvorsen said Ostrom is responsible for what happens at his rallies and "
                      "accused him of inciting violence.")
    assert [(e.type, e.source, e.status) for e in found] == [("ACCUSE", ("Lena Halvorsen",), "reported")]
    assert _first("Erik Lund said the firm will lose the case and mocked its lawyers.").status == "reported"
    assert _first("Karl Ostrom met Lena Halvorsen and thanked her.").source == ("Karl Ostrom",)


def test_an_attack_on_a_town_is_force_but_on_a_state_or_its_capital_may_be_words():
    assert [(e.type, e.source) for e in code_text("The Vexley attacks on Aleppo continued.")] == [
        ("ASSAULT", ("Vexley",))]  # (a name no gazetteer knows as a town)
    assert _first("Rebels shelled New Marlova on Monday.").type == "ASSAULT"
    _no_events(["Karl Ostrom has captured Oklahoma and his home state of Texas."], {"ASSAULT"})
    assert _first("Ostrom attacked Washington over its trade policy.").type == "ACCUSE"
    assert _first("Ostrom attacked Halvorsen in Marlova on Monday.").type == "ACCUSE"


def test_no_comment_is_no_refusal_and_a_decision_is_no_act_of_what_follows_it():
    _no_events(["Ostrom's campaign manager declined to discuss the candidate's latest attacks on Lund."],
               {"REJECT", "CONSULT"})
    found = code_text("Each release is a reminder of Halvorsen's decision to use the server and of the "
                      "agency's investigation into the breach.")
    assert [(e.type, e.source) for e in found] == [("ACCUSE", ("the agency",))]
    assert _first("Norland's offer of flood relief to Vexley came on Monday.").mode == "aid"


def test_what_one_hesitates_or_is_free_to_do_or_compares_with_is_no_act():
    _no_events(["Many party leaders have been hesitant to appear with him or to endorse his candidacy.",
                "We are finally free to have a discussion with Vexley."], {"SUPPORT", "CONSULT"})
    _no_events(["Ostrom's cuts would not yield nearly as much money as he has promised.",
                "The plan cuts more jobs than Ostrom promised."], {"AGREE"})
    assert [e.type for e in code_text("Ostrom attacked Lund, as he had promised.")] == ["ACCUSE", "AGREE"]


def test_targets_the_words_around_the_act_name():
    assert _first("Ostrom has faced criticism from rivals that the tenor of his campaign has created an "
                  "unsafe environment.").target == ("Ostrom",)
    assert _first("The firm agreed to a settlement with Erik Lund.").target == ("Erik Lund",)
    assert _first("The paper sent reporters to investigate every facet of Karl Ostrom's life.").target == (
        "Karl Ostrom",)
    assert not _first("The court cancelled restrictions on the use of the Spanish language on national "
                      "radio.").target  # a people's adjective owns nothing there
    assert _first("Lund complained about Ostrom attending the convention.").target == ("Ostrom",)


def test_review_of_the_new_rules_stays_fixed():
    assert _first("Residents were terrified as soldiers shot Norland protesters.").type == "ASSAULT"
    assert _first("Ostrom said he did not appreciate Lund's criticism.").status == "reported"
    assert _first("Ostrom praised Lund in a meeting with Halvorsen.").target == ("Lund",)
    assert _first("Ostrom attacked Aleppo in a series of tweets.").type == "ACCUSE"


def test_a_condition_or_a_counterfactual_supposes_an_act_even_negated():
    found = {(f.phrase, f.status) for f in code_text(
        "The note said that if Karl Ostrom did not withdraw from the contest, his shop would burn. "
        "Erik Lund would never have proposed banning Norland's exports. Lund did not ban Norland's exports.")}
    assert ("withdraw", "hypothetical") in found and ("banning", "hypothetical") in found
    assert ("ban", "denied") in found


def test_circumstances_and_purposes_give_no_target_but_with_whom_does():
    (criticized,) = [f for f in code_text("With Erik Lund at his side, Karl Ostrom criticized the treaty.")
                     if f.phrase == "criticized"]
    assert criticized.target == ()
    meets = [f for f in code_text("Erik Lund hopes to be a delegate when the party meets next Wednesday to "
                                  "select delegates.") if f.phrase == "meets"]
    assert meets and meets[0].target == ()
    clashed = [f for f in code_text("Erik Lund attacked Karl Ostrom, with whom he clashed at the forum.")
               if f.phrase == "clashed"]
    assert clashed and clashed[0].target


def test_receiving_someone_is_a_meeting_receiving_their_things_is_not():
    found = [(f.type, f.target) for f in code_text(
        "The clerk who received the senator's photos talked to reporters. Erik Lund received the Norland "
        "delegation on Monday.") if f.phrase == "received"]
    assert found == [("CONSULT", ("the Norland delegation",))]
    (endorsed,) = [f for f in code_text("Karl Ostrom received Lund's endorsement.") if f.type == "SUPPORT"]
    assert (endorsed.source, endorsed.target) == (("Lund",), ("Karl Ostrom",))


def test_the_occasion_one_is_invited_to_or_attacked_at_is_no_target():
    (invited,) = [f for f in code_text("Erik Lund invited Karl Ostrom to a Harbour Square rally in June.")
                  if f.phrase == "invited"]
    assert invited.target == ("Karl Ostrom",)
    (attacked,) = [f for f in code_text("Ostrom was sharply attacked by Erik Lund at the Norland Party "
                                        "Convention.") if f.phrase == "attacked"]
    assert attacked.target == ("Ostrom",)


def test_who_reached_a_deal_made_it_and_who_noted_endorsements_did_not():
    (deal,) = [f for f in code_text("Senators voted to reject the Vexley debt deal reached by the Norland "
                                    "government and Karl Ostrom last week.") if f.phrase == "deal"]
    assert deal.source == ("the Norland government", "Karl Ostrom") and deal.target == ("Vexley",)
    (noted,) = [f for f in code_text("The agency polled the mayors and noted their endorsements.")
                if f.phrase == "endorsements"]
    assert noted.source == ("their",)
    (meeting,) = [f for f in code_text("Leaders hoped the meeting, requested by Erik Lund, would help.")
                  if f.phrase == "meeting"]
    assert meeting.source == ()  # (who asked for a meeting did not hold it)
    (theirs,) = [f for f in code_text("Lund and Ostrom issued a statement describing their meeting.")
                 if f.phrase == "meeting"]
    assert theirs.source == ("Lund", "Ostrom")


def test_a_show_s_name_a_misread_participle_and_a_circumstance_are_no_events():
    _no_events(["Erik Lund told Vexley TV's ''Meet the Nation'' on Sunday that Ostrom had lied.",
                "Lund argued that the region had enough pledged delegates to prevail.",
                "“With the strike and the storms we have not met the goal this quarter,” the port authority "
                "said."],
               {"CONSULT", "AGREE"})


def test_a_subject_before_a_participle_and_quoted_speech_keep_their_events():
    found = {f.phrase for f in code_text('Both signed agreements on Monday. Karl Ostrom told reporters, '
                                         '"Talks with Vexley collapsed on Monday."')}
    assert {"signed", "Talks"} <= found
    (received,) = [f for f in code_text("The aid was received by the rebels from Vexley.") if f.type == "AID"]
    assert received.target == ("the rebels",)


def test_a_passive_conjunct_without_a_subject_of_its_own_undergoes_the_act():
    (criticized,) = [f for f in code_text("Karl Ostrom cited the floods to defend the delay and was roundly "
                                          "criticized by Erik Lund.") if f.phrase == "criticized"]
    assert (criticized.source, criticized.target) == (("Erik Lund",), ("Karl Ostrom",))


def test_what_a_participle_tells_of_a_description_is_done_to_the_name_it_describes():
    e = _first("The Vexley Trust, a lobby group funded by the banker Karl Ostrom, ran an ad.")
    assert (e.type, e.target) == ("AID", ("The Vexley Trust",))


def test_modifiers_measures_idioms_and_purposes_of_asked_acts_are_no_events():
    _no_events(["Lena Berg won most of the regular, pledged delegates.",
                "Few states keep embassies in Marlova, whose northern districts are considered occupied "
                "territory under the treaty, although Norland disputes this."],
               {"AGREE", "ASSAULT"})
    _no_events(['"We are meeting our targets," said Anna Berg.'], {"CONSULT"})
    _no_events(["Viewers of the show must suspend reality."], {"SANCTION"})
    _no_events(["A weekly survey puts Lena Berg's approval over the summer at 52 percent on average.",
                "Karl Ostrom's approval stood at 41 percent."], {"SUPPORT"})
    _no_events(["Lena Berg emailed her backers, asking them to give money to denounce Erik Lund."],
               {"ACCUSE"})
    assert _first("Karl Ostrom met our ambassador.").type == "CONSULT"


def test_the_subject_of_a_clause_the_parser_split_at_its_conjunction_does_the_act():
    e = _first("Pressure on nominee Karl Ostrom grew louder Friday as Lena Berg, Erik Lund's niece, "
               "attacked Ostrom over his remarks.")
    assert (e.source, e.target) == (("Lena Berg",), ("Ostrom",))


def test_a_confirmed_would_is_a_plan_a_name_given_or_a_priority_made_is_no_event():
    assert _first("Her office confirmed that Lena Berg would be meeting with senior Vexley diplomats."
                  ).status == "planned"
    assert _first("Lena Berg thinks that Karl Ostrom would meet Erik Lund.").status == "hypothetical"
    _no_events(["After what the Vexley Herald called a bad month for Ostrom, Lena Berg rose in the polls.",
                "Lena Berg has made higher pay for nurses her main priority."],
               {"REQUEST", "AID"})
    e = _first("The governor sent volunteers across the county to fight for Lena Berg.")
    assert (e.type, e.target) == ("SUPPORT", ("Lena Berg",))  # campaigning for her
    assert _first("Rebels fought for the town.").type == "ASSAULT"


def test_targets_named_by_of_by_a_described_group_and_not_by_a_place_of_the_meeting():
    e = _first("The Vexley Fund made similar demands of the Norland ministers.")
    assert e.target == ("the Norland ministers",)
    e = _first("Karl Ostrom met the Democrats on Capitol Hill.")
    assert e.target == ("the Democrats",)
    e = _first("Lena Berg's fresh praise of her campaign team came with conditions.")
    assert e.target == ("her campaign team",)


def test_words_not_force_a_debate_called_a_lead_built_and_freezing_in_place():
    e = _first("At the rally he kept up his assault on Mr. Lund, mocking his speech during the "
               "Vexley war.")
    assert e.type == "ACCUSE"  # told with the words it was made of
    assert _first("Rebels attacked the convoy, killing five soldiers.").type == "ASSAULT"
    _no_events(["The petition led Norland's assembly to call a debate in May on whether to expel Ostrom."],
               {"REQUEST"})
    _no_events(["Lena Berg keeps building up her lead in the polls."], {"MOBILIZE"})
    _no_events(["Lena Berg froze in place."], {"SANCTION"})
    assert _first("Norland froze Vexley's assets.").type == "SANCTION"


def test_a_town_or_capital_naming_an_event_is_where_it_happened_not_who_did_it():
    assert not [e for e in code_text("The Paris attacks shocked Europe.") if e.source]
    assert _first("The Paris attacks shocked Europe.").type == "ASSAULT"
    e = next(e for e in code_text("The Iran deal was signed.") if e.source)
    assert e.source == ("Iran",)  # (a state is a party)


def test_requests_for_comment_are_routine_wherever_the_parser_hangs_for_comment():
    _no_events(["Her office did not respond to our requests last week for comment."], {"REQUEST"})


def test_anonymity_to_discuss_and_not_authorized_to_discuss_are_the_press_formula():
    _no_events(["A senior official, who spoke on condition of anonymity to discuss internal directives, said "
                "the army would stay.", "The aide was not authorized to discuss the budget with reporters."],
               {"CONSULT"})
    assert _first("The envoys met to discuss the border on Monday.").type == "CONSULT"


def test_what_a_promise_would_win_is_no_one_it_is_made_to_and_remarks_called_racist_ask_nothing():
    assert _first("Lena Berg is pledging to win thousands of voters in the north.").target == ()
    assert _first("Karl Ostrom pledged to help the refugees.").target == ("the refugees",)
    _no_events(["Speaker Erik Lund on Monday called Karl Ostrom's remarks about a court ''shameful,'' a "
                "rare rebuke."], {"REQUEST"})
    assert _first("On Sunday, Erik Lund called a county official, Anna Holm, and urged her to run."
                  ).source == ("Erik Lund",)


def test_designations_attacks_with_claims_predictions_and_other_clauses_percentages_keep_their_events():
    assert _first("The court had declared the movement a terrorist organisation.").type == "SANCTION"
    assert _first("Militants attacked the army base, claiming it was used for drone strikes.").type \
        == "ASSAULT"
    assert _first("Experts predicted that the rebels would attack the capital.").status == "hypothetical"
    assert _first("The union's endorsement of Lund came as his lead in the polls grew to 10 percent.").type \
        == "SUPPORT"
