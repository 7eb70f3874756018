"""Is a trigger a happening at all? Questions, attempts, wishes, evaluations, stances, habits, idioms,
generic doers and statistics name none (extract/events.py drops them)."""

from __future__ import annotations

from sitroom.extract.event_doers import text_author
from sitroom.extract.event_generic import (
    HABITUAL,
    SAYING,
    every_one,
    generic_doer,
    kind_in_present,
    lasting,
    recurring,
    whenever,
)
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_modifiers import deemed, in_a_title, made_into, misread_modifier
from sitroom.extract.event_statistics import backed_by_many, by_margin, counted, measured, polled, statistic
from sitroom.extract.event_status import inverted_condition
from sitroom.extract.event_words import names_time

_MEASURES = frozenset({"rating", "number", "figure", "score", "level", "rate", "margin", "percentage"})
"""Nouns of a measure that an event noun before them qualifies ("approval rating")."""

_ON_THE_PHONE = frozenset({"congratulate", "thank", "apologize", "apologise", "discuss", "talk", "say",
                           "express", "offer", "wish", "check", "console", "inform", "tell", "praise",
                           "welcome"})
"""What one "called to" do on the telephone, and did ("called to congratulate her"); any other act one
"called to" see done was asked for ("called to reject X")."""


def not_a_happening(head, kind: str = "") -> str | None:
    """Why the trigger names no happening, or None: a question ("Why would X meet Y?"), an attempt
    ("trying to broker a truce"), a wish ("the hope to cooperate"), an evaluation ("it is important
    to cooperate") or an idiom of the lexicon ("strike a chord"). An attempted attack or arrest is one
    (PLOVER codes "tried to assassinate" as ASSAULT)."""
    lex = lexicon()
    if in_a_title(head):
        return "title"  # "said on Vexley TV's ''Meet the Nation''": a show's name
    if head.sent.text.rstrip().rstrip("\"'”’ )").endswith("?"):
        return "question"
    if any(c.lower_ == "whether" for t in (head, head.head) for c in t.children
           if c.dep_ in ("mark", "advmod")):
        return "question"  # "whether to deport them": an open question
    clause = head  # ("hesitant to appear with him or to endorse him": what "or" joins is hesitated too)
    while clause.dep_ == "conj" and clause.head.i != clause.i and clause.tag_ in ("VB", "VBG") and not any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.lower_ != "to")
            for c in clause.children):
        clause = clause.head
    governor = clause.head if clause.dep_ in ("xcomp", "acl", "advcl", "ccomp") else None
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.dep_ in ("xcomp", "ccomp"):
        governor = head.head.head  # "hope that X will tone down his attacks": what is hoped
    condition = inverted_condition(governor) if governor is not None else None
    if condition is not None and head.i < condition.i:
        governor = None  # "X pledged troops should Y ask for them": the need is the condition, no wish
    if governor is not None and governor.i != head.i:
        lemma = governor.lemma_.lower()
        asked = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
                    for c in governor.children) or (
            lemma == "call" and head.lemma_.lower() not in _ON_THE_PHONE)
        if head.dep_ == "xcomp" and lemma in lex.verbs_of_asking and asked:
            return "requested"  # "called on its followers to kill", "called to reject X": asked for
        if lemma in lex.attempts and kind not in ("ASSAULT", "COERCE"):
            return "attempt"
        if lemma in lex.wishes:
            return "wish"
        if lemma in _DISPOSITIONS and governor.pos_ == "ADJ" and (
                lemma not in lex.committed or (governor.head.dep_ != "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ in ("must", "should") for c in governor.head.children))):
            return "disposition"  # "eager to talk", "must be ready to fight": what one would or should
            # do (a declared "is ready to impose a curfew" is a threat: event_status.py)
        if lemma in _AVOIDING and head.dep_ == "xcomp":
            return "avoided"  # "urged them to avoid condemning refugees": what is not to be done
        if lemma in _STANCES and governor.tag_ in ("VBZ", "VBP"):
            return "stance"  # "Cruz supports freezing immigration": a position, no act
        if (governor.pos_ == "ADJ" and lemma in lex.evaluations) or any(
                c.dep_ == "acomp" and c.lemma_.lower() in lex.evaluations for c in governor.children):
            return "evaluation"  # "it is important to cooperate"
    if head.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
            and ((head.head.dep_ in ("pobj", "dobj") and _asking(head.head.head))
                 or head.head.lemma_.lower() in lex.verbs_of_asking | _PROPOSALS):
        return "requested"  # "called for a special prosecutor to investigate her", "X's call to ban Y"
    asking = lex.verbs_of_asking | _PROPOSALS
    to = next((c for c in head.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and head.dep_ == "advcl" and to.i > 0 and to.nbor(-1).dep_ == "dobj" \
            and to.nbor(-1).head.i == head.head.i and to.nbor(-1).lemma_.lower() in asking \
            and any(c.dep_ == "poss" for c in to.nbor(-1).children):
        return "requested"  # "decried X's calls to ban Y", the infinitive hung on the verb (not "held a
        # conference call to defend Y")
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in asking for c in head.children):
        return "requested"  # "Trump's call to ban X was wrong" (the parser makes the call the subject)
    if _purpose_of_asked(head, lex.verbs_of_asking):
        return "requested"  # "asking supporters to donate $3 to condemn X": only asked for too
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.verbs_of_asking and _subjunctive(head):
        return "requested"  # "demanded that X make a public apology": asked for, not done
    if head.dep_ == "pcomp" and head.head.lower_ == "from" and head.head.head.lemma_.lower() in _AVOIDING:
        return "avoided"  # "refrained from criticizing X"
    if generic_doer(head):
        return "generic"  # "a braver council would demand ...": what anyone of a kind would do
    if kind_in_present(head):
        return "generic"  # "companies finance takeovers with debt", "donors who fund super PACs"
    if whenever(head):
        return "generic"  # "even when the candidate isn't making a visit, ...": no one happening
    if statistic(head) or (kind == "SUPPORT" and (by_margin(head) or counted(head) or measured(head))) \
            or polled(head):
        return "statistic"  # "claimed that group X killed 81 percent of Y": a share, no happening
    if head.pos_ == "NOUN" and head.dep_ == "compound" and head.head.lemma_.lower() in _MEASURES:
        return "statistic"  # "his approval rating", "the support numbers": a measure, no act
    if any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in head.children) and not any(
            c.dep_ == "neg" for c in head.children):
        return "ability"  # "leaders who can support any candidate", "he can ask them to": what may be
    if head.pos_ == "VERB" and (head.dep_ == "amod" or misread_modifier(head)):
        return "attribute"  # "pledged delegates", "a promised visit": a word describing a noun
    if _compared(head):
        return "comparison"  # "as much money as he has promised", "more jobs than X pledged": a measure
    if head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_.lower() in _RESULTS and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return "result"  # "X won Vermont, allowing her to build a lead": what followed, no act
    if deemed(head) or made_into(head):
        return "evaluation"  # "is considered occupied territory": what something is called
    if kind == "SUPPORT" and any(c.dep_ == "dobj" and text_author(g) is not None
                                 for c in head.children for g in c.children):
        return "adoption"  # "the council approved a resolution condemning X": what the text does is the act
    if kind == "SUPPORT" and backed_by_many(head):
        return "stance"  # "may not have the backing of a majority of Democrats": where people stand
    near = list(head.children) + (list(head.head.head.children) if head.dep_ == "pobj" else [])
    if kind == "REQUEST" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lemma_.lower() in ("comment", "interview") for g in c.children) for c in near):
        return "routine"  # "did not respond to (my) requests (last week) for comment": the press's routine
    if head.lemma_.lower() in _DISCUSSING and head.dep_ in ("advcl", "xcomp", "acl") and (
            head.head.lemma_.lower() == "authorize"
            or any(t.lower_ == "anonymity" for t in head.head.subtree if t.i < head.i)):
        return "routine"  # "spoke on condition of anonymity to discuss", "not authorized to discuss"
    if _asked_about(head):
        return "question"  # "a question about how he would fight the group"
    if head.pos_ == "NOUN" and _asked_for(head):
        return "requested"  # "requested another investigation of X", "called for a ban": the request is
        # the event (the asking verb's REQUEST), what it asks for has not happened
    doers = [head] + ([head.head] if head.dep_ in ("conj", "xcomp") else [])  # "regularly survey them and
    # ask", "regularly pledges to help them"; and "talks with them and often hosts them", a present with no
    # time of its own (not "meets X on Monday and usually sends aid": a dated act)
    told = doers + [c for c in head.children if c.dep_ == "conj" and c.tag_ == head.tag_ == "VBZ"
                    and not _timed(head)]
    if any(c.lower_ in HABITUAL for d in told for c in d.children if c.dep_ == "advmod") and (
            any(d.tag_ in ("VBZ", "VBP") for d in doers) or kind in SAYING | {"REQUEST", "AGREE"}):
        return "habitual"  # "candidates usually meet donors", "has often complained": no one happening
    if any(recurring(c) for d in doers for c in d.children if c.dep_ == "prep"):
        return "habitual"  # "at times X would meet Y", "attacks him in her campaign appearances"
    if kind in ("RETREAT", "AGREE", "REJECT") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _MARKETS for c in head.children):
        return "market"  # "investors fled", "investors seem to agree": a market's mood, no one's act
    if head.pos_ == "VERB" and every_one(head):
        return "generic"  # "most presidents have supported trade treaties": what such people do
    if head.dep_ in ("ccomp", "advcl") and any(c.dep_ == "mark" and c.lower_ == "if" for c in head.children) \
            and head.head.lemma_.lower() in ("ask", "wonder", "know", "question", "see"):
        return "question"  # "asked if he would ever endorse her"
    if lasting(head, kind):
        return "habitual"  # "have long criticized", "for months praised", "has been warning"
    if head.tag_ in ("VBZ", "VBP") and head.lemma_.lower() in _STANCES and not any(
            c.dep_ in ("aux", "auxpass") for c in head.children) and not _sought_of(head):
        return "stance"  # "Elmendorf, who supports Clinton": where someone stands, no act
    if head.tag_ == "VBG" and head.dep_ == "relcl" and head.lemma_.lower() in _STANCES and {
            c.lower_ for c in head.children if c.dep_ == "aux"} & {"is", "are", "'s", "'re", "am"}:
        return "stance"  # "Lund, who is supporting Ostrom": where one stands, told in passing
    if kind in _PLATFORM and head.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass")
                                                                   for c in head.children) and (
            head.dep_ == "relcl" or (head.dep_ == "conj" and head.head.dep_ == "relcl")):
        return "stance"  # "a union that backs Y", "the bloc, which opposes X and demands Z": a platform
    if head.tag_ == "VBG" and head.dep_ == "acl" and head.lemma_.lower() in _STANCES:
        return "stance"  # "a group backing Bush", "Democrats supporting Trump": who they are
    objects = {c.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "attr", "prep", "prt")}
    if any(head.lemma_.lower() == verb and obj in objects for verb, obj in lex.idioms):
        return "idiom"  # "strike a chord", "searches for legitimacy"
    if head.tag_ == "VBN" and head.dep_ == "advcl" and not any(c.dep_.startswith("nsubj")
                                                              for c in head.children):
        return "asked"  # "Asked about the vote, the minister said ...": he was asked, he asked nothing
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "in" \
            and any(c.dep_ == "prep" and c.lower_ in ("with", "of") for c in head.children):
        return "manner"  # "in agreement with X", "in support of Y": how something else was done
    return None


def _purpose_of_asked(head, asking: frozenset[str]) -> bool:
    """An infinitive of purpose of an act someone was asked to do, however deep ("asked X to donate to
    condemn Y"; the act asked for itself is judged above)."""
    tok, steps = head, 0
    while tok.dep_ in ("advcl", "xcomp", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                          for c in tok.children):
        # ("to donate money to condemn Y": the parser may hang the purpose on the object)
        tok, steps = (tok.head.head if tok.dep_ == "relcl" else tok.head), steps + 1
        if steps > 1 and tok.lemma_.lower() in asking and any(c.dep_ == "dobj" for c in tok.children):
            return True
    return False


def _sought_of(verb) -> bool:
    """ "seeks the extradition of X from Y": what is sought is asked of someone, an act (not "seeks
    recognition", an aim)."""
    return verb.lemma_.lower() == "seek" and any(
        g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in verb.children if c.dep_ == "dobj"
        for g in c.subtree)


def _timed(verb) -> bool:
    """A verb with a time of its own ("on Monday", "this week")."""
    return any(names_time(c) for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod"))


def _asked_for(noun) -> bool:
    """An event noun that is what a verb of asking asks for: its object ("demanded an apology") or the
    object of its "for" ("called for an investigation")."""
    asking = lexicon().verbs_of_asking
    if noun.dep_ == "dobj":  # (not "called the attack an outrage", "pressed his attack": no asking)
        return noun.head.lemma_.lower() in asking - _ASKING_FOR
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in asking


_ASKING_FOR = frozenset({"call", "press", "appeal", "plead", "insist", "petition"})
"""Verbs of asking that ask only through "for" ("called for a ban"): their object is no request."""


_MARKETS = frozenset({"investor", "market", "trader", "stock", "share", "bond", "currency", "price"})


_DISPOSITIONS = frozenset({"ready", "prepared", "willing", "able", "eager", "reluctant", "keen", "loath",
                           "inclined", "hesitant", "unwilling", "free", "afraid", "anxious", "happy", "glad"})
"""Adjectives whose infinitive tells what one would do, not what was done ("ready to fight")."""


_AVOIDING = frozenset({"avoid", "refrain", "forgo", "forego", "resist", "abstain"})


_PROPOSALS = frozenset({"proposal", "suggestion", "plea", "push", "idea", "bid"})


def _compared(head) -> bool:
    """The second term of a comparison: "as much money as he has promised" (an "as" before its noun),
    "more jobs than X pledged" (a comparative); not "terrified as soldiers opened fire"."""
    measured = head.head
    if head.dep_ != "advcl" or measured.pos_ not in ("NOUN", "ADJ", "ADV"):
        return False
    marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
    before = [t for t in measured.subtree if t.i < measured.i] + [measured]
    return ("as" in marks and any(t.lower_ == "as" and t.dep_ == "advmod" for t in before)) or (
        "than" in marks and any(t.tag_ in ("JJR", "RBR") for t in before))


def _subjunctive(verb) -> bool:
    """ "that X make", "that X should leave": the mood of what is asked for."""
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ != "should" for c in verb.children)


_QUESTIONING = frozenset({"question", "ask", "wonder", "unclear", "uncertain", "doubt", "answer", "debate"})


_DISCUSSING = frozenset({"discuss", "speak", "talk", "comment", "describe", "detail", "address"})
"""What an unnamed source is not authorised to do: the press's formula, no event."""


def _asked_about(head) -> bool:
    """The trigger is inside an open question: a "how/why/whether" clause that a question, a doubt or
    an asking governs ("a question about how he would fight them", "unclear why they would meet")."""
    for tok in [head] + list(head.ancestors)[:3]:
        if tok.dep_ in ("pcomp", "ccomp", "xcomp") and any(
                c.lower_ in ("how", "why", "whether", "what") and c.dep_ in ("advmod", "mark", "dobj")
                for c in tok.children):
            governor = tok.head.head if tok.head.dep_ == "prep" else tok.head
            return governor.lemma_.lower() in _QUESTIONING
    return False


def _asking(tok) -> bool:
    """A verb of asking, or the preposition after one ("called for")."""
    verb = tok.head if tok.dep_ == "prep" else tok
    return verb.lemma_.lower() in lexicon().verbs_of_asking


_STANCES = frozenset({"support", "back", "oppose", "favor", "favour", "trust", "distrust", "seek"})
"""Verbs whose simple present tells a standing position or aim, not an act ("who supports Clinton",
"a party that seeks a bigger role")."""

_PLATFORM = frozenset({"SUPPORT", "REQUEST", "REJECT", "ACCUSE"})
"""Types whose simple present in a relative clause tells what someone stands for ("a group which calls
for X")."""


_RESULTS = frozenset({"allow", "enable", "let", "permit", "help", "give"})


