"""Quotes on texts written for the tests: every quotation style, split quotes, indirect speech."""

from sitroom.extract.quote_speakers import speakers_as_mentions
from sitroom.extract.quotes import quotes_in_text
from sitroom.extract.statements import QuoteRecord
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention
from sitroom.model.quote import QuoteFinding

from .written import analysed


def _quotes(text):
    out = []
    for q in quotes_in_text(text):
        speaker = text[q.speaker.start : q.speaker.end] if q.speaker else None
        cue = text[q.cue.start : q.cue.end] if q.cue else None
        out.append((q.kind, speaker, cue, text[q.content.start : q.content.end]))
    return out


def test_direct_quotes_in_every_style():
    for open_, close in (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")):
        text = f"{open_}We will not give up the fight for the border,{close} the minister said."
        assert _quotes(text) == [("direct", "the minister", "said",
                                  "We will not give up the fight for the border")]


def test_split_quote_keeps_its_speaker():
    text = ("“The talks were useful,” Harrington said. “But we need more time to agree on the "
            "details of the border.”")
    (quote,) = quotes_in_text(text)  # one quotation the attribution interrupts, as PolNeAR annotates it
    assert (text[quote.speaker.start : quote.speaker.end], quote.said(text)) == (
        "Harrington", "The talks were useful … But we need more time to agree on the details of the border.")
    text = ("“We will not go,” said Lena Halvorsen, a senator from Marlova. “Not now, not ever.” Then "
            "she left. “Nobody asked us,” she said later.")
    assert [q.said(text) for q in quotes_in_text(text)] == ["We will not go … Not now, not ever.",
                                                           "Nobody asked us"]


def test_a_parenthetical_cue_inside_what_was_said():
    text = "The harbour, Mr. Ostrom said, had outlived three of its owners, including a bank."
    (quote,) = quotes_in_text(text)
    assert (text[quote.speaker.start : quote.speaker.end], quote.said(text)) == (
        "Mr. Ostrom", "The harbour had outlived three of its owners, including a bank")
    text = "Too often, Ms. Halvorsen said, the plans for the harbour are drawn up without the fishermen."
    assert [q.said(text) for q in quotes_in_text(text)] == [
        "Too often the plans for the harbour are drawn up without the fishermen"]


def test_joint_speakers_documents_and_a_misparsed_that_clause():
    quotes = _quotes("Both Mr. Lund and Mr. Ostrom say the board never asked them for a plan.")
    assert quotes[0][1] == "Both Mr. Lund and Mr. Ostrom"
    assert _quotes("Polls show a tight race in the province.")[0][1:] == (
        "Polls", "show", "a tight race in the province")
    quotes = _quotes("Lund said after the congress he would not accept the post if it were offered.")
    assert quotes[0][1:3] == ("Lund", "said")


def test_names_in_quotation_marks_are_not_quotes():
    text = ('On "Meet the Region," Speaker Erik Lund said on Sunday that the council would meet again. He '
            'told "Coast at Noon" about it and quoted "The Tides of Marlova" at length.')
    assert not [q for q in _quotes(text) if q[0] == "direct"]


def test_a_title_with_its_full_stop_or_subtitle_inside_the_marks_is_no_quote():
    text = ('Her speeches are careful. His are the political equivalent of "The Harbour Lights Show." '
            "(Mr. Ostrom's own memoir, ''Harbour Lights: How the Port of Vexley Was Won,'' has sold well.) "
            '"We will rebuild the harbour," Ostrom said.')
    assert [q[1:] for q in _quotes(text) if q[0] == "direct"] == [
        ("Ostrom", "said", "We will rebuild the harbour")]


def test_speaker_before_the_quote_and_pronouns():
    text = "The envoy told reporters: “Nothing has been decided about the future of the mission.”"
    assert _quotes(text)[0][1] == "The envoy"
    text = "Asked about the talks, he said: “They were constructive and long overdue for everyone.”"
    assert _quotes(text)[0][1] == "he"


def test_indirect_speech_according_to_and_evaluations():
    quotes = _quotes("The minister stressed that the border would remain open to trade.")
    assert ("indirect", "The minister", "stressed", "that the border would remain open to trade") in quotes
    quotes = _quotes("According to the ministry, the delegation arrived on Monday evening.")
    assert quotes[0][:2] == ("indirect", "the ministry")
    quotes = _quotes('The spokeswoman called the report a "fabrication."')
    assert quotes[0][1:3] == ("The spokeswoman", "called")


def test_according_to_a_described_name_whose_words_the_parser_took_for_its_apposition():
    quotes = _quotes("According to conservative talk radio host Lena Halvorsen, the move reeks of fear and "
                     "desperation.")
    assert quotes == [("indirect", "conservative talk radio host Lena Halvorsen", "According to",
                       "the move reeks of fear and desperation")]
    quotes = _quotes("According to Karl Ostrom, a harbour pilot, the ferry left an hour late.")
    assert quotes[0][1:] == ("Karl Ostrom, a harbour pilot", "According to", "the ferry left an hour late")
    quotes = _quotes("Ostrom will win the primary.\n\nThat's according to members of the Harbour Caucus "
                     "\u2014 a collection of strategists, activists and operatives in four early states.")
    assert not [q for q in quotes if "according" in q[3]]  # (the words said are the sentence before)


def test_scare_quotes_and_so_called_are_not_quotes():
    assert _quotes('The so-called "Moscow format" talks resumed in the spring of that year.') == []
    found = _quotes('Officials discussed "ties" with the delegation for an hour.')
    assert not [q for q in found if q[0] == "direct"]  # (what they discussed is an attribution, as PolNeAR)


def test_a_quote_of_two_sentences_with_the_speaker_after_it():
    text = ("Karl Ostrom spoke first. \"The campaign is in panic mode. Full panic mode,\" said Lena "
            "Halvorsen, a Marlova-based president of the caucus.")
    assert [q[:3] for q in _quotes(text) if q[0] == "direct"] == [("direct", "Lena Halvorsen", "said")]


def test_a_cue_opening_the_next_sentence_and_a_horizontal_bar_name_the_speaker():
    text = ("“Who would have believed that we would have received 14 million votes?” Karl Ostrom said, "
            "looking out on the crowd.\n\n“I just hope we can build a wall around him.” ― Erik Lund\n")
    assert [q[:2] for q in _quotes(text)] == [("direct", "Karl Ostrom"), ("direct", "Erik Lund")]


def test_attributions_the_cues_learned_from_polnear_report():
    """Polls that show, calls for, citations and claims: attributions PolNeAR annotates beyond
    "said that" (data/attribution_cues.yaml, learned from its train split)."""
    quotes = _quotes("A new poll shows that Lena Halvorsen leads Karl Ostrom in Ruritania.")
    assert ("indirect", "A new poll", "shows", "that Lena Halvorsen leads Karl Ostrom in Ruritania") in quotes
    quotes = _quotes("Karl Ostrom called for more investment in public schools on Monday.")
    assert ("indirect", "Karl Ostrom", "called", "more investment in public schools") in quotes
    quotes = _quotes("Karl Ostrom vowed to cut taxes for every family in the province.")
    assert quotes and quotes[0][:3] == ("indirect", "Karl Ostrom", "vowed")
    for text in ("Lena Halvorsen hopes to win the nomination by the summer.",  # a hope, no words
                 "Karl Ostrom denounced the council on Monday.",  # an act of speech, no words of it
                 "Karl Ostrom has not responded to the letter.",  # nothing said
                 "Lena Halvorsen hopes that her campaign could turn around in the spring.",  # a feeling
                 "There is little in the record to suggest that Ostrom could win the province.",
                 "Karl Ostrom tweeted on Monday, quoting Lund's statement."):  # names what was said
        assert not _quotes(text), text


def test_the_learned_cues_hold_the_common_verbs():
    from sitroom.extract.attributions import _learned

    learned = _learned()
    assert "ccomp" in learned["verbs"]["say"] and "prep:for" in learned["verbs"]["call"]


def test_speakers_of_relative_clauses_participles_and_passives():
    quotes = _quotes("The ministry, which stressed that the border would stay open, met the envoy.")
    assert ("indirect", "The ministry", "stressed", "that the border would stay open") in quotes
    quotes = _quotes("Commenting on the vote, Karl Ostrom stressed that the count was fair and complete.")
    assert ("Karl Ostrom", "stressed") in [q[1:3] for q in quotes]


def test_what_no_one_says_is_no_attribution():
    for text in ("Two million tons are planned to be exported to Ruritania every year.",
                 "The message appears to have been taken down by the moderators.",
                 "No concrete evidence shows that the rebels plan an attack on the capital.",
                 "Karl Ostrom congratulates him on the victory."):
        assert not [q for q in _quotes(text) if q[0] == "indirect"], text


def test_a_subjectless_cue_takes_the_subject_of_the_verb_it_depends_on():
    quotes = _quotes("Karl Ostrom stopped short of calling the vote a fraud on Monday.")
    assert quotes and quotes[0][1] == "Karl Ostrom"


def test_a_few_quoted_words_in_someones_clause_are_theirs():
    quotes = _quotes("Lena Halvorsen spoke first. In recent weeks, Karl Ostrom has gone after the council "
                     "as a “bunch of leeches who will bleed the country.”")
    assert [q[1] for q in quotes if q[0] == "direct"] == ["Karl Ostrom"]
    quotes = _quotes("The clip says Lund “has a passion for defending the wrong people.”")
    assert [q[:2] for q in quotes] == [("indirect", "The clip")]  # a clause partly quoted: one quote


def test_a_cue_with_words_of_its_own_is_not_the_cue_of_the_quote_before_it():
    quotes = _quotes("Erik Lund put the question to him on the radio. “Are you sure you would win the "
                     "province next year?” Karl Ostrom replied: “I am absolutely sure of it, believe me.”")
    direct = [q for q in quotes if q[0] == "direct"]
    assert direct[0][1] != "Karl Ostrom" and direct[1][1] == "Karl Ostrom"


def test_the_speaker_is_the_head_of_the_words_that_name_them():
    text = ("Schools\n\nBy Lena Hart\n\nKarl Ostrom's former education secretary Erik Lund said that the "
            "plan had failed the children of the province.\n\nMore text follows here.\n")
    found = analysed(text)
    speakers = [found.mentions[q.speaker].text for q in found.quotes if q.speaker is not None]
    assert speakers == ["Erik Lund"]


def test_a_speaking_pronoun_goes_on_with_the_last_speaker_over_quoted_paragraphs():
    text = ("Vote\n\nBy Lena Hart\n\nKarl Ostrom addressed the crowd in the capital on Monday. “We will "
            "win this election,” Ostrom said.\n\n“The council has failed the province for too long.”\n\n"
            "“Our plan is simple and it is fair.”\n\n“Nobody will be left behind,” he added.\n\n"
            "More text follows here.\n")
    found = analysed(text)
    last = found.quotes[-1]
    assert text[last.finding.content.start : last.finding.content.end] == "Nobody will be left behind"
    pronoun = found.mentions[last.speaker]
    assert pronoun.text == "he" and found.mentions[pronoun.antecedent].text == "Ostrom"


def test_two_apostrophes_are_a_newspapers_quotation_marks():
    quotes = _quotes("The plan ''makes me very smart indeed,'' Karl Ostrom said on Monday.")
    assert quotes == [("indirect", "Karl Ostrom", "said", "The plan ''makes me very smart indeed,''")]


def test_a_qualified_description_is_the_one_whose_title_it_repeats():
    text = ("Race\n\nBy Lena Hart\n\nRuritanian Sen. Karl Ostrom spoke in the capital on Monday, and "
            "Freedonian Sen. Erik Lund answered him.\n\nThe Ruritanian senator said that the plan would "
            "fail the farmers of the province.\n\nMore text follows here.\n")
    found = analysed(text)
    speaker = found.mentions[found.quotes[-1].speaker]
    assert found.mentions[speaker.antecedent].text == "Karl Ostrom"  # not the last senator named


def test_speaker_labels_of_a_transcript_and_a_headline():
    text = ("Lund: Ruritania must reopen the border crossing this spring. Erik Lund spoke to the council on "
            "Monday.\n\nNOLAN: Will the crossing open before the harvest, Senator?\n\nLUND: It will open "
            "when the engineers say it is safe.\n\nUPDATE: This story has been corrected.")
    found = _quotes(text)
    assert ("indirect", "Lund", None, "Ruritania must reopen the border crossing this spring") in found
    assert ("direct", "NOLAN", None, "Will the crossing open before the harvest, Senator?") in found
    assert ("direct", "LUND", None, "It will open when the engineers say it is safe") in found
    assert not [q for q in found if q[1] == "UPDATE"]


def _speakers(text):
    """(speaker words, the words of the mention its speaker index names, its cluster's named mention)."""
    analysis = analysed(text)
    out = []
    for q in analysis.quotes:
        words = text[q.finding.speaker.start : q.finding.speaker.end] if q.finding.speaker else None
        named = None
        if q.speaker is not None:
            cluster = analysis.clusters[q.speaker]
            named = next((m.text for m, c in zip(analysis.mentions, analysis.clusters, strict=True)
                          if c == cluster and not m.pronoun), None)
            assert analysis.mentions[q.speaker].span.overlaps(q.finding.speaker)  # the speaker is a mention
        out.append((words, named))
    return out


def test_a_pronoun_that_continues_a_pronoun_speaks_for_the_name_before():
    text = ("Erik Lund spoke for an hour at the rally in Marlova on Tuesday. He said the harbour would be "
            "rebuilt within a year. He claimed that the old port had been a disgrace for decades. He said "
            "that the council had wasted the money on consultants.")
    assert _speakers(text) == [("He", "Erik Lund")] * 3


def test_a_speaker_the_mention_finder_missed_is_a_mention_of_its_actor():
    text = "Factwatch: the claim is true. Factwatch then pointed out that one storm may flood two towns."
    named = Mention(Span(0, 9), "Factwatch", "ORG", "organization", None, 0)
    cue, words, content = Span(45, 52), Span(30, 39), Span(62, len(text) - 1)
    row = QuoteRecord(QuoteFinding("indirect", content, cue, words, Span(30, content.end)), 0, None)
    mentions, (moved,) = speakers_as_mentions([named], [row], text, [Span(0, 29), Span(30, len(text))])
    assert mentions[moved.speaker] == Mention(words, "Factwatch", "ORG", "organization", None, 1,
                                              speaker=True, antecedent=0)
    assert speakers_as_mentions(mentions, [moved], text, []) == (mentions, [moved])  # once is enough


def test_a_speaking_pronoun_coreference_left_open_is_the_one_speaking():
    text = ("Karl Ostrom spoke at the rally in Marlova on Friday. The crowd cheered for an hour. The band "
            "played two songs. He said, “We will open the harbour before the winter comes to the coast.”")
    found = _speakers(text)
    assert found[-1] == ("He", "Karl Ostrom")


def test_a_quotation_over_paragraphs_is_read_once_and_a_document_after_it_speaks():
    text = ("“The council noted the flooding in the lower town.\n\nHelp was promised by the province for "
            "the dykes, ”reads the statement of the Ruritanian Water Board dated May 3.\n\nThe group, known "
            "as \"Ansar al-Wadi\", attacked the post.")
    found = _quotes(text)
    assert [q[:3] for q in found] == [
        ("direct", "the statement of the Ruritanian Water Board", "reads")]


def test_doubled_apostrophes_a_described_speaker_and_a_quotation_over_the_parsers_sentence_end():
    text = ("At a town hall, a young woman asked Ms. Halvorsen about several farmers who said they were "
            "never paid. ''You say that every flood victim will be paid,'' the woman said. ''Will we be "
            "paid as well?''")
    direct = [q for q in quotes_in_text(text) if q.kind == "direct"]
    assert [(text[q.speaker.start : q.speaker.end], q.said(text)) for q in direct] == [
        ("the woman", "You say that every flood victim will be paid … Will we be paid as well?")]


def test_terms_names_votes_and_leanings_are_no_ones_words():
    for text in ("The stated reason for the visit was \"the 50th jubilee of the treaty between the two "
                 "ports.\"",
                 "Villagers who joined the \"harbour guardians\" cleared the road.",
                 "No one objected — she was confirmed 51 to 0.",
                 "Still, Ruritania and Freedonia have shown an inclination to ease the dispute.",
                 "People were tired of their town being called the Pit by the Bay."):
        assert _quotes(text) == [], text


def test_the_former_president_and_the_fund_speak_for_the_ones_named_before():
    text = ("Former President Erik Lund spoke at the rally in Marlova. During the rally, the former "
            "president said the harbour tax was driving ships away. The International Harbour Fund cut "
            "its forecast on Tuesday. Overall, the fund predicted that trade would grow 1.6 percent.")
    assert [named for _, named in _speakers(text)] == ["Erik Lund", "International Harbour Fund"]


def test_an_unattributed_quotation_far_from_the_last_speaker_is_no_ones():
    text = ("“The border will stay open to trade,” said Karl Ostrom.\n\nThe talks resumed in Marlova in "
            "the spring after a long pause. Officials of both states met twice and drafted a plan for the "
            "harbour and the railway.\n\nThe plan was later shelved by the council.\n\n“We will not give "
            "up the fight for the harbour and its workers.”")
    found = _quotes(text)
    assert [q[1] for q in found if q[0] == "direct"] == ["Karl Ostrom", None]


def test_imperatives_hypotheticals_and_subjectless_gerunds_report_no_one():
    for text in ("She has shown her skill in a debate before: think back to her answer to Ostrom in May.",
                 "A braver council would demand more money from the province for the dykes.",
                 "What about scrapping the toll on the bridge and borrowing a billion or so for the dykes?"):
        assert [q for q in _quotes(text) if q[0] == "indirect"] == [], text
    text = ('That record prompted the Almanac of Tides to state, "The lower town is the most flooded '
            'district in the province."')
    assert _quotes(text)[0][1].startswith("the Almanac")  # object control: the one prompted states it


def test_it_speaks_for_the_paper():
    text = ("“The port lost money for a whole decade,” the Marlova Times wrote. “But since then, its "
            "fortunes have turned and the cranes are busy again,” it added.")
    assert [named for _, named in _speakers(text)] == ["Marlova Times", "Marlova Times"]


def test_the_owner_of_a_claim_said_the_words_it_quotes():
    text = "Factwatch seized on Lund’s claim that there have been “hundreds of floods” in the province."
    assert _quotes(text) == [("indirect", "Lund", "claim", "that there have been “hundreds of floods” in the "
                                                           "province")]  # the claim, partly quoted


def test_a_clause_reported_partly_in_quotation_marks_is_one_quote():
    text = ("Karl Ostrom asked the police to release the videos “as a matter of trust” on Friday. Lena Berg "
            "said the ferry “will not sail again,” and left.")
    assert _quotes(text) == [
        ("indirect", "Karl Ostrom", "asked", "to release the videos “as a matter of trust” on Friday"),
        ("indirect", "Lena Berg", "said", "the ferry “will not sail again,”")]


def test_pointing_is_speech_only_when_it_points_out():
    assert _quotes("The arrows on the map pointed east toward the coast of the province.") == []
    assert _quotes("Lund pointed out that the harbour had been closed for a decade.")[0][1] == "Lund"


def test_a_cue_between_two_parts_of_a_quotation_reports_both():
    text = ('"This was once a fishing port," said Karl Ostrom, director of studies at the institute, "but '
            'it is fast becoming a container terminal for the region."')
    assert [(q[1], q[0]) for q in _quotes(text)] == [("Karl Ostrom", "direct")]
    (quote,) = quotes_in_text(text)
    assert quote.said(text) == ("This was once a fishing port … but it is fast becoming a container "
                                "terminal for the region.")


def test_a_quote_said_by_a_passer_by_is_theirs_not_the_last_named_speakers():
    text = ("Karl Ostrom, the mayor, said the bridge would reopen. “It was chaos, nobody knew where to go,” "
            "said one onlooker. “We waited for hours,” a commuter said.")
    assert _speakers(text) == [("Karl Ostrom", "Karl Ostrom"), ("one onlooker", "one onlooker"),
                                ("a commuter", "a commuter")]


def test_the_aide_of_a_name_speaks_for_himself_not_for_the_name():
    text = ("Karl Ostrom spoke in Vexley on Monday. “We have the votes,” a top Ostrom adviser said later. "
            "Lund’s spokeswoman said the senator had not decided. “We will see next week,” Ostrom said. "
            "Ostrom's potential VP said the race was close. A Marlova official said the talks would go on.")
    assert [(words, named) for words, named in _speakers(text)] == [
        ("a top Ostrom adviser", "a top Ostrom adviser"), ("Lund’s spokeswoman", "Lund’s spokeswoman"),
        ("Ostrom", "Karl Ostrom"), ("Ostrom's potential VP", "Ostrom's potential VP"),
        ("A Marlova official", "Marlova")]  # an official speaks for the state, an aide not for the person


def test_a_speaker_described_not_named_is_a_mention_of_its_own():
    text = ("Marlova tested a rocket on Monday. Several experts on the region said the test could change "
            "the talks. Her lawyer told reporters that she would not testify. A 2019 study found that the "
            "harbour was silting up. Officials at the port said, “We expect delays.” The harbour was busy, "
            "everything said.")
    found = _speakers(text)
    assert ("Several experts", "Several experts") in found
    assert ("Her lawyer", "Her lawyer") in found
    assert ("A 2019 study", "A 2019 study") in found
    assert ("Officials", "Officials") in found
    assert not [named for words, named in found if words == "everything" and named]


def test_a_place_in_a_described_speakers_words_only_qualifies_them():
    text = ("Karl Ostrom toured the harbour on Monday. “We need change,” the New York businessman said. "
            "The Chicago police said two men were held.")
    assert _speakers(text) == [("the New York businessman", "New York businessman"),
                               ("The Chicago police", "Chicago police")]


def test_a_verb_inside_the_rest_of_a_quotation_is_not_its_cue():
    text = ("Karl Ostrom spoke to the crowd on Monday. “If he thinks that makes him smart,” the campaign’s "
            "narrator says, “what does he think of you?”")
    assert _speakers(text) == [("the campaign’s narrator", "campaign’s narrator")]


def test_a_described_professor_a_pair_that_goes_on_as_they_and_a_clause_after_a_colon():
    text = ("Talks in Vexley\n\nKarl Ostrom, a professor at the University of Vexley, said the talks would "
            "fail. The harbour was closed on Monday. In reality, the parties have no ties between them, the "
            "professor of international politics said. Neither Ostrom nor Lund believe, however, that the "
            "port will reopen. The old feud runs too strong, they say. One thing is clear: Marlova considers "
            "the rebels a partner. The harbour, Lund said, was closed for a week.\n")
    found = _speakers(text)
    assert found[1] == ("the professor", "Karl Ostrom")
    assert found[3][0] == "they" and found[3][1] in ("Karl Ostrom", "Lund")
    said = {q[3]: q[1] for q in _quotes(text)}
    assert said["the rebels a partner"] == "Marlova" and "One thing is clear" not in said
    assert said["The harbour, Lund said, was closed for a week"] == "Lund"


def test_a_speaker_the_parser_took_for_the_object_of_a_cue_after_the_clause():
    text = ("Talks in Vexley\n\nKarl Ostrom met Erik Lund on Monday. The men sent to the talks were clerks "
            "rather than leaders of the movement, stressed Lund.\n")
    assert _speakers(text) == [("Lund", "Erik Lund")]


def test_a_name_the_parse_cut_at_its_preposition_still_speaks():
    text = ("Harbour\n\n4:45 p.m.\n\nThe nonpartisan Council on Harbour Affairs says there was indeed a "
            "problem with the crane during the night shift.\n")
    assert _speakers(text) == [("The nonpartisan Council", "Council on Harbour Affairs")]


def test_a_relative_clause_speaks_for_its_noun_and_the_writers_comment_is_no_ones():
    text = ("Harbour\n\nOther groups include the Vexley Party, which is hostile to Marlova and calls for "
            "the expulsion of its traders. “We do not want the ships to come,” Lund said, which reflects the "
            "wish of the council to keep the port closed. Officially the party has been declared a banned "
            "group by the Supreme Court of Ruritania. One local paper asked me to write about the port.\n")
    found = _quotes(text)
    assert ("indirect", "the Vexley Party", "calls", "the expulsion of its traders") in found
    assert not [q for q in found if q[3].startswith(("which", "a banned group"))]
    assert ("One local paper", "One local paper") in _speakers(text)


def test_the_writer_and_the_reader_are_no_ones_sources():
    text = ("Let me remind you that the port of Vexley was closed for a decade. If you ask officials what "
            "they think about the ferry, they shrug. Everything suggests that the talks have already begun. "
            "Lund said the harbour would reopen.")
    assert [q[1] for q in _quotes(text)] == ["Lund"]


def test_a_speaking_pronoun_is_no_one_its_own_quote_names_and_a_spokesman_speaks_for_himself():
    text = ("Harbour\n\nRep. Erik Holm also addressed the dispute on Thursday. “Maybe not literally, but if "
            "you look at the policies of Karl Ostrom, he set the policy up,” he said. Nick Lund, a spokesman "
            "for Mrs. Berg, said that her focus was jobs. “The evidence appears to contradict "
            "her testimony,” the committee chairmen wrote.\n")
    assert _speakers(text) == [("he", "Erik Holm"), ("Nick Lund", "Nick Lund"),
                               ("the committee chairmen", "committee chairmen")]


def test_review_findings_colons_passives_questions_and_distinct_unnamed_speakers():
    said = {q[3]: q[1] for q in _quotes(
        "The port needs three things: money, time and workers, the minister said. He was accused of "
        "corruption by the opposition. The mayor asked which of the plans was cheaper.")}
    assert said == {"The port needs three things: money, time and workers": "the minister",
                    "corruption": "the opposition", "which of the plans was cheaper": "The mayor"}
    found = analysed("Harbour\n\nOne witness said the car was red. Another witness said it was blue. The "
                     "Vexley Port Authority met on Monday. A spokeswoman said the ferry would sail. It also "
                     "said that fares would rise.\n")
    clusters = {found.mentions[q.speaker].text: found.clusters[q.speaker] for q in found.quotes}
    assert clusters["One witness"] != clusters["Another witness"]
    assert found.mentions[found.quotes[-1].speaker].text in ("It", "Vexley Port Authority")
    assert clusters.get("It") != clusters["A spokeswoman"]


def test_a_quotation_whose_paragraphs_each_reopen_is_one_quote():
    text = ("Karl Ostrom was also critical, telling the Vexley Post: “The council is typical of its kind, "
            "which began by closing the harbour.\n\n“Rather than scolding our allies, the mayor should look "
            "for ways to make the port an opportunity.”\n\nLund said, “We will see about that.” Then “more” "
            "came.")
    found = _quotes(text)
    assert [q[:2] for q in found] == [("direct", "Karl Ostrom"), ("direct", "Lund")]
    assert found[0][3].startswith("The council") and found[0][3].endswith("an opportunity.")


def test_as_reported_by_brag_and_remind_attribute_and_all_told_does_not():
    text = ("As reported by the Vexley Herald, there are 150 seats at stake in the contests on Tuesday. "
            "Lena Berg bragged that her campaign had raised 40 million crowns. Anna Holm attacked Berg by "
            "reminding voters that the merger forced the mill to cut 3,000 jobs. All told, up to 5 million "
            "people could be eligible for the grants.")
    found = {(q[1], q[3]) for q in _quotes(text)}
    assert ("the Vexley Herald", "there are 150 seats at stake in the contests on Tuesday") in found
    assert ("Lena Berg", "that her campaign had raised 40 million crowns") in found
    assert ("Anna Holm", "that the merger forced the mill to cut 3,000 jobs") in found
    assert not [q for q in found if q[0] == "All"]


def test_a_name_the_mention_finder_missed_still_speaks():
    text = ("Casinos\n\nThe casinos won less in March, with revenue down 2 percent, according to the state "
            "Division of Pier Enforcement.\n")
    assert _speakers(text) == [("the state Division of Pier Enforcement",
                                "state Division of Pier Enforcement")]


def test_a_described_speaker_is_who_they_are_not_what_the_relative_clause_adds():
    text = ("Harbour\n\nThe mayor will propose spending 2 billion crowns a year on the port, according to a "
            "campaign official who was not authorized to speak publicly before the announcement.\n")
    assert _speakers(text) == [("a campaign official who was not authorized to speak publicly before the "
                                "announcement", "a campaign official")]


def test_as_reported_only_opens_a_sentence_and_all_of_them_told_is_a_report():
    text = ("The death toll in Vexley was twice as high as reported by the ministry. The port was closed, as "
            "noted by Lena Berg last week, and Ostrom said it would reopen. All of the witnesses told police "
            "that the fire started at night.")
    found = {(q[1], q[3]) for q in _quotes(text)}
    assert ("Ostrom", "it would reopen") in found
    assert not [q for q in found if q[0] in ("the ministry", "Lena Berg")]
    assert any(q[1] == "that the fire started at night" for q in found)
