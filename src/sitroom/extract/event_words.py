"""The words of an event's arguments: whether a token can be an actor, its conjuncts, and the phrase
and characters that name it."""

from __future__ import annotations

from sitroom.data.countries import country_named, country_of_capital, country_of_seat
from sitroom.data.names import group_nouns, people_word
from sitroom.data.places import is_town, is_us_state
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.speakers import sayings
from sitroom.model.evidence import Span


def actor_like(tok) -> bool:
    """Could this argument be an actor? A name, a pronoun, or a word for people or groups."""
    if tok.lower_ in _THINGS:
        return False  # "agreed to sell it to X": it is no one
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in tok.children):
        return True  # "his counterpart Karl Ostrom", "the group, Norland Watch"
    return bool(tok.ent_type_ and tok.ent_type_ not in _NOT_ACTORS) or tok.pos_ in ("PROPN", "PRON") or \
        tok.lemma_.lower() in lexicon().actor_nouns or tok.lower_ in lexicon().actor_nouns or \
        tok.lower_ in group_nouns() or people_noun(tok)  # "the company": an organisation described


def scene_name(tok, modifier: bool = False) -> bool:
    """A town's name (no state's, no capital's): where something happened, not who did it ("the Vexley
    attacks", "strikes on Marlova"; not "U.S. strikes", "attacked Norland", "attacks on Wall Street").
    A ``modifier`` of an event noun may be a capital too ("the Paris attacks", "the Geneva talks")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
        return False
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "flat"))]
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    if country_named(name) or is_us_state(name) or (
            not modifier and (country_of_capital(name) or country_of_seat(name))):
        return False  # (a state, or its capital standing for it: "attacked Washington over its policy")
    # (the tagger may call a town a nationality: "attacks on Aleppo"; not a group, as often a surname, but
    # a modifier: "the Benghazi attacks")
    if modifier:  # (a name the gazetteer does not know may be a state: "the Norland deal")
        return is_town(name) or bool(country_of_capital(name) or country_of_seat(name))
    return tok.ent_type_ == "GPE" or (tok.ent_type_ in ("NORP", "") and is_town(name))


def people_noun(tok) -> bool:
    """A noun for people by role, occupation or situation: "a longtime strategist", "a Berlin man"."""
    return tok.pos_ == "NOUN" and tok.lower_ not in _NOT_PEOPLE and people_word(tok.lemma_.lower(), tok.text)


_NOT_PEOPLE = frozenset({"head", "heads", "chief", "general", "major", "chair", "justice", "fellow",
                         "speaker", "member", "members", "expert", "experts", "analyst", "analysts"})
"""Role words that as bare nouns are more often no one ("the head of", "justice", "members of")."""


_THINGS = {"it", "this", "that", "these", "those", "what", "something", "anything", "everything", "nothing"}


def relative_antecedent(obj):
    """The noun a relative pronoun stands for ("the prisoners that X freed": prisoners; "X, with whom
    he clashed": X; "Y was the one whom X refused to back": Y), else ``obj``."""
    verb = obj.head.head if obj.dep_ == "pobj" and obj.head.dep_ == "prep" else obj.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "the one whom X refused to endorse"
    if obj.lower_ not in ("that", "which", "whom", "who") or verb.dep_ != "relcl":
        return obj
    noun = verb.head
    if noun.dep_ == "attr":  # "Y was the only one whom X refused to endorse": Y
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and actor_like(subject) else noun
    return noun


def names_time(tok) -> bool:
    """A phrase that names a time ("on Monday", "in November", "this week"): a date or time entity in it."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def circumstance(prep) -> bool:
    """ "With the harbour closed and the unions refusing to ...", "but with the storms we
    have not met the goal": a "with" before its verb's subject tells the circumstances, no one the act is
    aimed at or done with ("with whom he met" is)."""
    return prep.lower_ == "with" and not any(g.lower_ in ("whom", "which") for g in prep.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i > prep.i for c in prep.head.children)


def tokens_span(tokens: list, offset: int) -> Span:
    return Span(offset + min(t.idx for t in tokens), offset + max(t.idx + len(t.text) for t in tokens))


def conjuncts(tok) -> list:
    """``tok`` and the words coordinated with it, also in a list the parser read as an apposition
    ("the Secret Service, the FBI and the police": "the FBI" in apposition, with a conjunct of its own)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" or (child.dep_ == "appos" and child.ent_type_ in ("ORG", "GPE", "PERSON")
                                    and any(g.dep_ == "conj" for g in child.children)):
            out.extend(conjuncts(child))
    return out


_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def expand(tokens: list) -> list:
    """Arguments with their conjuncts ("Hungarian and Romanian officials"), without dates or numbers."""
    out, seen = [], set()
    for tok in tokens:
        for conj in conjuncts(tok):
            nominal = (conj.pos_ in ("NOUN", "PROPN", "PRON") and conj.ent_type_ not in _NOT_ACTORS) or (
                conj.pos_ == "ADJ" and conj.ent_type_ == "NORP")  # "Ruritanian riots"
            if nominal and conj.i not in seen:
                out.append(conj)
                seen.add(conj.i)
    return out


_CHARGING = frozenset({"accuse", "suspect", "convict", "acquit", "absolve", "clear", "warn", "remind",
                       "inform", "rob", "deprive", "strip", "cure", "relieve"})
"""Verbs whose "of" tells what their object is charged with or relieved of ("accused X of sexism")."""


_NAMED = frozenset({"PERSON", "ORG"})
"""Names that are an actor themselves: a person's name beside one is another actor ("Mr. X, Y of Z"), not
the one a title, a place or a people word stands for ("the Vice President Y", "ORLANDO (Reuters) - Y",
"the first American to ..., Y")."""


def _charge(tok, prep) -> bool:
    """ "accused X of sexism": the charge, which the parser may hang on X (not "the secretary of state")."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CHARGING and not any(
        actor_like(g) for g in prep.children if g.dep_ == "pobj")


def _core(tok) -> list:
    """The head of an argument with the words that name it, without clauses hanging off it:
    "a delegation of the rebels [headed by X]"; a name in apposition to a description is kept, and
    being last it is the one the event takes (extract/event_records.py)."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ == "amod" and any(c.dep_ in ("prep", "xcomp", "ccomp", "acl") for c in child.children):
            keep.append(child)  # "hackers capable [of launching attacks on X]": X is none of them
        elif child.dep_ in ("compound", "amod", "poss", "det", "nummod", "nmod"):
            keep.extend(child.subtree)
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ and (
                tok.pos_ == "NOUN" or (child.ent_type_ == "PERSON" and tok.ent_type_ not in _NAMED)):
            keep.extend(_core(child))  # the name of a description: "the secretary, Karl Ostrom" (not the
            # clauses after it: "some candidates, such as Karl Ostrom, who voted against the Senate bill")
        elif child.dep_ == "prep" and child.lower_ == "of" and not _charge(tok, child):
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                keep.extend((child, obj))
                keep.extend(t for c in obj.children if c.dep_ in ("compound", "amod", "det", "poss")
                            for t in c.subtree)
    return sorted(keep, key=lambda t: t.i)


def argument_text(tok) -> str:
    tokens = _core(tok)
    return tok.doc[tokens[0].i : tokens[-1].i + 1].text


def argument_span(tok, offset: int) -> Span:
    tokens = _core(tok)
    return Span(offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text))


_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})
_BEFORE_NOUN = frozenset({"compound", "nmod", "nummod", "amod", "npadvmod"})
_SCENES = frozenset({"at", "during", "throughout", "on", "amid"})
_OCCASIONS = frozenset({"vote", "debate", "meeting", "talks", "election", "primary", "caucus", "summit",
                        "rally", "hearing", "session", "speech", "interview", "conference", "ceremony",
                        "convention", "address", "visit", "trip", "deadline"})
"""Nouns of an occasion whose date is the act's ("boycotted the March 3 vote", "in the Jan. 14 debate")."""


def other_nouns_clauses(sent, head, keep: set[int], offset: int) -> tuple[Span, ...]:
    """The relative clauses, full or reduced, of the sentence's nouns but the trigger's own (``keep``:
    token indices of its words) and those holding the trigger ``head``: "the report published Tuesday
    showed that half of her meetings were with donors" (Tuesday is the report's, not the meetings');
    not "the lawsuit, which will be filed on Friday". Characters of the source text."""
    return tuple(tokens_span(list(t.subtree), offset) for t in sent
                 if t.pos_ in ("VERB", "AUX") and (t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN"))
                 and t.head.i not in keep and not t.left_edge.i <= head.i <= t.right_edge.i
                 and not (occasion_of_words(t.head) and t.head.head.head.i == head.i))
    # (but "said in an interview published Saturday": the words' own)


def dated_nouns(owner, keep: tuple, offset: int) -> tuple[Span, ...]:
    """Dates that qualify a noun in an argument of ``owner`` or after it ("denied any role in the Sept. 11,
    2001, attacks", "some 2016 candidates have called for"): the noun's time, not the event's; not a
    date of a scene ("at the Jan. 14 debate", "during the 2012 race"), of an occasion opening the sentence
    ("In the 2008 race, X ...") or of one the act takes part in ("boycotted the March 3 vote"), nor one of
    the trigger noun itself (``keep``: its tokens)."""
    found = []
    for t in owner.subtree:
        noun = t.head
        if not _a_date(t) or _a_date(noun) or noun.i < t.i or noun.pos_ != "NOUN" \
                or t.dep_ not in _BEFORE_NOUN or noun in keep or _taken_part(noun, owner):
            continue  # (an occasion the act itself takes part in: "boycotted the March 3 vote")
        step = noun
        while step.head.i != owner.i and step.head.i != step.i:
            step = step.head
        if step.head.i == owner.i and (step.dep_ in _ARGUMENTS or (
                step.dep_ == "prep" and step.i > owner.i and step.lower_ not in _SCENES)):
            found.append(tokens_span(list(t.subtree), offset))
    return tuple(found)


_TAKING_PART = frozenset({"boycott", "attend", "skip", "miss", "hold", "host", "win", "lose", "join", "chair",
                          "lead", "address", "walk", "storm", "disrupt"})
"""Verbs whose object occasion the act takes part in ("boycotted the March 3 vote"; not "called for a June
9 vote", "criticized the March 3 vote": the occasion's date is not the call's or the criticism's)."""


def _taken_part(noun, owner) -> bool:
    """An occasion the act takes part in: the object of a verb of taking part, or one the act happens at
    or in ("attacked him in the Jan. 14 debate")."""
    if noun.lemma_.lower() not in _OCCASIONS:
        return False
    if noun.head.i == owner.i:
        return noun.dep_ == "dobj" and owner.lemma_.lower() in _TAKING_PART
    return noun.dep_ == "pobj" and noun.head.head.i == owner.i and noun.head.lower_ in ("in", "at", "during")


def _a_date(tok) -> bool:
    return tok.ent_type_ == "DATE" or (
        len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100)


_PLACES = frozenset({"territory", "town", "city", "village", "land", "area", "region", "province", "airport",
                     "base", "capital", "district", "border", "port", "country", "island", "coast", "road",
                     "highway", "crossing", "building", "compound", "neighbourhood", "neighborhood", "part"})


def control_of_no_place(obj) -> bool:
    """ "took over control of the organization": control of something that is no place is no seizure."""
    if obj.lemma_.lower() != "control":
        return False
    owned = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"]
    return bool(owned) and not any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACES
                                   for g in owned for t in g.subtree)


def occasion_of_words(noun) -> bool:
    """ "said in an interview published Saturday", "wrote in a letter sent on Monday": what the words were
    said in, whose date is theirs (not "for comments made this week": what they were about)."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") \
        and noun.lemma_.lower() in sayings()
