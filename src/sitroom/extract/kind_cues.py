"""What the words around a name say it is: a person (a trade, a first name that speaks), a place
("in X", "X province"), a state (a capital that acts), or no actor at all (a language, a title's
portfolio, an acronym that is a verb). Each function takes a spaCy ``Span`` or ``Token``."""

from __future__ import annotations

import re

from sitroom.coref.gender import is_first_name
from sitroom.data.countries import country_named, country_of_capital, country_of_demonym, country_of_seat
from sitroom.data.names import has_role_word, known_alias, languages, people_word, speech_cues, title_words
from sitroom.data.places import city_named_for, is_us_state

ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}
"""Dependencies of a mention that acts: subject, possessor, agent of a passive."""


PLACE_OR_THING = {"GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"}


def person_cue(ent) -> str | None:
    """``person`` when the words around a name make it a person whatever the tagger said: an
    apposition with a trade or role ("Kerem, a cotton farmer"), or speech by a first name ("Kerem
    said"), or a "who" clause ("Paris, who used to work on Capitol Hill"). States, capitals and seats
    otherwise stay what they are ("Iran said", "the Elysee said")."""
    text = ent.text
    if len(ent) > 3 or not all(t.is_title for t in ent):
        return None
    if any(c.dep_ == "relcl" and any(d.lower_ in ("who", "whom") for d in c.children)
           for c in ent.root.children):
        return "person"
    if country_named(text) or country_of_capital(text) or country_of_seat(text) or country_of_demonym(text):
        return None
    if any(c.dep_ == "appos" and _person_noun(c) and any(d.lower_ in ("a", "an") for d in c.children)
           for c in ent.root.children):
        return "person"
    return "person" if speaks(ent) and is_first_name(ent[0].text) else None


def speaks(ent) -> bool:
    return ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in speech_cues()


def _person_noun(tok) -> bool:
    return people_word(tok.lemma_.lower(), tok.text)


_ACTING_OBJECT_OF = {"between", "by", "against", "toward", "towards"}
"""Prepositions whose object acts as a party ("talks between Washington and Nairobi"); "with", "on" and
"for" are left out: "a candle for Paris", "the assault on Paris" are the city's."""


_NAMED_FOR_A_PLACE = frozenset({"agreement", "agreements", "accord", "accords", "deal", "talks", "treaty",
                                "summit", "conference", "process", "protocol", "declaration", "format"})
"""What a capital before it names by where it was made ("the Paris agreement", "the Minsk talks")."""
_PLACE_WITH = frozenset({"compare", "fall", "love", "associate", "identify", "connect", "link", "fill",
                         "crowd", "pack", "familiar", "obsess", "enamor", "enamour", "deal"})
"""Verbs after which "with" a capital is still the place ("compared with London", "filled with")."""


def acts(tok) -> bool:
    """A capital that acts or is dealt with ("Washington warned", "talks between Washington and
    Nairobi", "sanctions on Ankara", "the ambassador to Washington", "the Washington establishment")
    stands for its government; "flew to Ankara", "in Nairobi", "reached Nairobi" and "Everett,
    Washington" are places."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].ent_type_ in ("GPE", "LOC"):
        return False  # "Everett, Washington": an address
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "poss":  # "Ankara's decision", "Washington's propensity to intervene"; not "London's
        head = tok.head  # West End", "Jerusalem's old city", "the capital's streets"
        city = title_words("city_words")
        return head.lemma_.lower() in title_words("state_possessions") or (
            head.pos_ == "NOUN" and not head.ent_type_ and head.lemma_.lower() not in city
            and head.lower_ not in city)
    dealings = title_words("state_dealings")
    if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in dealings - _NAMED_FOR_A_PLACE:
        return True  # "the Washington establishment", "Ankara politics" ("the Paris agreement": where)
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with") and tok.head.head.lemma_.lower() in dealings:
        return True  # "the ambassador to Washington", "relations with Ankara"
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.lemma_.lower() not in _PLACE_WITH:
        return True  # "ingratiating themselves with Washington", "negotiated with Ankara"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
        return False  # "London was the financial capital": what the city is
    if tok.dep_ in ACTOR_DEPS or tok.dep_ == "dative":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _ACTING_OBJECT_OF


def among_us_states(tok) -> bool:
    """A name listed with US states ("Virginia, Georgia and Alabama") or heading a US contest
    ("the Georgia primary"): the US state of that name, not the country."""
    near = [tok.head] if tok.dep_ == "conj" else []
    near += [c for c in tok.children if c.dep_ == "conj"]
    for t in near:  # ("North Dakota and Washington": the conjunct's whole name)
        name = next((e.text for e in t.doc.ents if e.start <= t.i < e.end), t.text)
        if t.ent_type_ == "GPE" and is_us_state(name) and not country_named(name):
            return True
    return tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in title_words("us_contests")


def of_a_city(tok) -> bool:
    """The token owns something only a city has ("London's mayor", "the capital's streets")."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in title_words("city_words")


def not_an_actor(ent, text: str) -> bool:
    """A language ("Pashto"), an "-ism", an adjective, or a portfolio before a role ("Transport Minister")."""
    if len(ent) != 1 or country_named(text) or known_alias(text):
        return False
    word = text.lower()
    if word in languages() or word.endswith(("ism", "isms", "ization", "isation")):
        return True
    if ent.label_ in ("NORP", "GPE", "LOC") and ent.root.pos_ == "ADJ":
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return word in title_words("portfolios") and after is not None and has_role_word(after.text)


def in_a_place(ent) -> bool:
    """The object of "in", "near", "into" ..., "the town of X" or "X province": a place whatever the
    tagger said."""
    root = ent.root
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in title_words("place_nouns"):
        return True  # "Marlow province"
    if root.dep_ != "pobj":
        return False
    head = root.head
    if head.lower_ in title_words("place_prepositions"):
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in title_words("place_nouns")


def used_as_a_word(tok) -> bool:
    """A capitalised acronym the tagger read as a function word ("IS", "WHO"): a word when the
    sentence or the words beside it are set in capitals, or when it governs a subject or complement
    as a verb does."""
    letters = [c for c in tok.sent.text if c.isalpha()]
    if sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return True
    doc = tok.doc
    beside = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    if any(t.is_alpha and t.is_upper and len(t) >= 3 and not t.ent_type_ for t in beside):
        return True  # "VIOLENCE IS BECOMING": a headline's words in capitals
    return any(c.dep_ in ("nsubj", "nsubjpass", "attr", "acomp", "expl") for c in tok.children)


_REPORTED_IN = {"poll", "survey", "report", "story", "article", "analysis"}
"""What a news source publishes: "a X poll", "a report from X"."""


def news_source(ent, surnames: frozenset[str] = frozenset()) -> bool:
    """A one-word name used as a news outlet or firm ("a X poll", "X reported", "a report from X", "X
    published its index"): an organisation, even where a person of that surname is named; "according to
    X" or "told X" too when no person of the passage is named X in full (``surnames``: the last names of
    its full person names), for news introduces a person by full name first."""
    if len(ent) != 1 or not ent.root.is_title:
        return False
    tok = ent.root
    if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in ("poll", "survey"):
        return True
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "report" and tok.head.pos_ == "VERB":
        return not any(c.dep_ == "dobj" for c in tok.head.children)  # not "X reported a loss"
    if tok.text not in surnames and (
            (tok.dep_ == "pobj" and tok.head.lower_ == "to" and (
                tok.head.head.lower_ == "according" or tok.head.head.lemma_.lower() in speech_cues()))
            or (tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() == "tell")
            or _source_line(tok)):
        return True  # "according to X", "told X", "confirmed to X", "From X:" with no one named X in
        # full: news introduces people by their full name first
    if tok.dep_ == "nsubj" and any(t.lower_ == "its" and t.dep_ == "poss" for c in tok.head.children
                                   if c.i > tok.i and c.dep_ not in ("ccomp", "advcl", "conj")
                                   for t in c.subtree):
        return True  # "X publishes its ranking": a firm (not "X said its plan failed")
    return tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") \
        and tok.head.head.lemma_.lower() in _REPORTED_IN


def _source_line(tok) -> bool:
    """ "From X:" opening a sentence, the way a digest credits the outlet it quotes next."""
    sent = tok.sent
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.i == sent.start \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"


CITY, CITY_LIKELY, STATE, STATE_LIKELY = "city", "city?", "state", "state?"
"""What ``city_sense`` reads: a sure city or state (a dateline, a word of the one or the other), or a
likely one the document's sure readings may overrule (extract/mentions.py ``one_sense_per_discourse``)."""


def city_sense(ent, dateline: bool = False) -> str | None:
    """How a US state's bare name that also names its big city (data/places.py ``city_named_for``)
    reads here, None for other names. Sure: the city for a dateline, a city's word near it ("New
    York's mayor", "a New York-based firm"); the state for a word of a state within NEAR tokens
    (data/titles.yaml ``state_words``: "the New York primary", "won New York") or an address ("Buffalo,
    New York"). Likely: the city where something happens ("met in New York") or for what it qualifies
    ("a New York billionaire"); else the state."""
    if not city_named_for(_bare(ent.text)):
        return None
    if dateline:
        return CITY
    doc, words = ent.doc, _near(ent)
    root = ent.root
    own = {root.head.lemma_.lower()} | {c.lemma_.lower() for c in root.children
                                        if c.dep_ in ("compound", "amod")}
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        own.add(root.head.head.lemma_.lower())  # "the mayor of New York", "the streets of New York"
    if own & title_words("state_words") or _address(ent):
        return STATE
    if own & title_words("city_words") or _postal(ent):
        return CITY  # what it heads or qualifies decides before the words around ("metro New York")
    if words & title_words("state_words"):
        return STATE
    if words & (title_words("city_words") | {"city", "downtown"}) or (
            ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based"):
        return CITY
    places = title_words("place_prepositions") | {"at", "to", "from", "via"}
    if root.dep_ in ("compound", "amod", "nmod", "poss") or (
            root.dep_ == "pobj" and root.head.lower_ in places):
        return CITY_LIKELY  # "a New York billionaire", "met in New York"
    return STATE_LIKELY


def state_sense(ent) -> bool:
    """A US state's name that is also its country's capital ("Washington") read as the state: listed
    with states ("Alaska, Hawaii and Washington"), in an address ("Seattle, Washington") or governed
    by a word of a state ("the Washington caucuses", "the governor of Washington")."""
    name = _bare(ent.text)
    if not (is_us_state(name) and country_of_capital(name)):
        return False
    head = ent.root.head
    heads = {head.lemma_.lower(), head.head.lemma_.lower()} | {  # "Washington GOP leaders"
        c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.i != ent.root.i}
    return among_us_states(ent.root) or _address(ent) or bool(heads & title_words("state_words"))


NEAR = 6
"""Tokens either side of a place name, and its head's, whose words may say which sense it has."""


def _near(ent) -> set[str]:
    sent = ent.sent
    window = [t for t in sent if ent.start - NEAR <= t.i < ent.end + NEAR and not ent.start <= t.i < ent.end]
    window += [ent.root.head, ent.root.head.head]
    return {t.lemma_.lower().strip(".") for t in window if not ent.start <= t.i < ent.end}


def _address(ent) -> bool:
    """ "Buffalo, New York": a town of the state (not "Haven Avenue, New York, NY 10032": the city)."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].is_title \
        and not _postal(ent)


def _postal(ent) -> bool:
    """ "New York, NY 10032": the city of a postal address."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    return len(after) >= 2 and after[0].text == "," and (after[1].is_upper and len(after[1]) == 2
                                                          or after[1].like_num)


def _bare(text: str) -> str:
    return re.sub(r"\s*['’]s$", "", text)  # "New York 's airport"
