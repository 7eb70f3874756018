"""Whether an event happened: its status from its own clause (negation, modals, conditions, plans,
denials, disputed assertions); how PLOVER codes announced acts is extract/event_conventions.py."""

from __future__ import annotations

import re

from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_nouns import FACING, RECEIVING
from sitroom.extract.event_words import actor_like
from sitroom.nlp.clauses import subject_holder


def status_of(head) -> str:
    lex = lexicon()
    chain = [head]  # the trigger and the verbs it depends on, up to the first with a subject of its own
    # ("though she has begun to attack, they will ..."; not past "given his criticism": it happened)
    while len(chain) < 4 and chain[-1].head.i != chain[-1].i and not _presupposed(chain[-1]) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in chain[-1].children):
        chain.append(subject_holder(chain[-1]) if chain[-1].dep_ == "conj" else chain[-1].head)
    top = next((t for t in [head, *head.ancestors] if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in t.children))), head)  # the verb of the trigger's clause
    governing = [top] + ([top.head] if top.dep_ in ("xcomp", "ccomp") else [])
    permits = [t for t in governing if t.lemma_.lower() in PERMITTING and t.i != head.i]
    if permits:
        allowed = status_of(permits[0])  # "will not allow any group to attack X": no attack was let happen
        if allowed != "reported":
            return allowed
    negated = [head] + ([head.head] if head.dep_ == "xcomp" else [])  # "did not want to meet"
    if _condition(chain, head) or any(_counterfactual(t) for t in negated):
        return "hypothetical"  # "if X does not withdraw, ...", "X would never have proposed it": no denial
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ == "neg" for tok in negated for c in tok.children) or any(
            c.dep_ == "det" and c.lower_ in ("no", "neither") for n in nouns for c in n.children) \
            or _no_one_did(head) or (head.pos_ == "NOUN" and head.dep_ == "dobj" and _no_one_did(head.head)):
        return "denied"  # "did not meet", "had no such praise for X", "held no talks", "neither apologized"
    for tok in chain[1:3]:
        if tok.lemma_.lower() in lex.denial and head.dep_ == "xcomp":
            return "denied"
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in (RECEIVING | FACING) - {
            "accept", "welcome", "enjoy", "appreciate", "answer", "reject", "dismiss"} and any(
            c.dep_ == "neg" for c in head.head.children):
        return "denied"  # "has not earned any backing from X": X gave none (not "is not accepting the
        # invitation from X": X made it)
    if head.dep_ == "ccomp" and head.head.lemma_.lower() == "deny":
        return "denied"  # "denied that its forces shelled the village"
    if _disputed(head):
        return "denied"  # "challenged the assertion that X had ever attacked Y"
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") and (
            head.head.lemma_.lower() in _UNDOING or (head.head.lemma_.lower() == "call" and any(
                c.dep_ == "prt" and c.lower_ == "off" for c in head.head.children))):
        return "denied"  # "withheld her endorsement", "the visit was cancelled", "called off the talks"
    if head.dep_ == "xcomp" and any(t.lemma_.lower() in lex.attempts or t.lemma_.lower() in lex.wishes
                                    for t in chain[2:]):
        return "hypothetical"  # "is trying to convince delegates to back him": the backing is only sought
    for tok in chain[:3]:
        if _outside_condition(tok, head):
            break  # (the offer was made; only what it is for is conditional)
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "mark")}
        if aux & {"whether", "until"} or tok.dep_ == "advcl" and any(
                c.lower_ in ("if", "unless", "until") for c in tok.children):
            return "hypothetical"  # (a condition's "if" and "unless" marks: ``_condition``)
        going = tok.i != head.i and tok.lemma_.lower() == "go" and tok.tag_ == "VBG"  # "are going to march"
        subject = head.dep_ in ("nsubj", "nsubjpass") and head.head.i == tok.i  # ("the meeting was aimed at")
        if aux & {"will", "shall", "'ll"} or going or (
                tok.i != head.i and not subject and tok.lemma_.lower() in lex.planned
                and not (tok.lemma_.lower() == "seek" and tok.tag_ == "VBD")):
            return "planned"  # (what one "sought to" do was tried, as reported)
        if subject and head.pos_ == "NOUN" and tok.i != head.i and _told_of(head) and _presupposing(tok):
            break  # "the apology from X may come from ...": what may be is said of a known apology
        if aux & {"would", "could", "might", "may", "should", "can", "must", "ought"} or _obliged(tok):
            return "hypothetical"
    if head.pos_ == "NOUN":  # "the proposed ban", "a possible strike": not (yet) a happening
        told = {c.lower_ for c in head.children if c.dep_ == "amod"}
        if head.head.lemma_.lower() in ("take", "happen", "occur", "begin", "start") \
                and head.head.tag_ == "VBD":
            told = set()  # "the promised talks took place on Monday": they happened
        if told & _PROPOSED:
            return "planned"
        if told & _POSSIBLE:
            return "hypothetical"
    governor = head.head if head.tag_ in ("NN", "NNS") else head
    if re.search(r"\b(?:next|upcoming)\b", head.sent.text, re.I) and head.tag_ in ("NN", "NNS") \
            and governor.tag_ not in ("VBD", "VBN"):  # "the next visit took place in May": past
        return "planned"
    return "reported"


_ASSERTIONS = frozenset({"assertion", "claim", "allegation", "report", "suggestion", "notion",
                         "idea", "charge", "accusation", "contention", "characterization", "account"})
_DISPUTING = frozenset({"deny", "dispute", "challenge", "reject", "refute", "rebut", "contest", "dismiss",
                        "deride", "debunk"})


def _disputed(head) -> bool:
    """ "disputed reports that X shelled the town", "rejected the claim that X met Y": what an assertion
    someone disputes tells of is denied, not reported."""
    clause = head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    noun = clause.head
    content = clause.dep_ == "ccomp" or (clause.dep_ == "acl" and any(  # ("a report accusing X": the
        c.dep_ in ("mark", "nsubj", "nsubjpass") for c in clause.children))  # report's act, no content)
    return content and noun.lemma_.lower() in _ASSERTIONS \
        and noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _DISPUTING


def _told_of(noun) -> bool:
    """An event noun the text takes as known: "the apology", "his attacks", "Ostrom's visit"."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
               for c in noun.children)


OCCURRING = frozenset({"take", "happen", "occur", "begin", "start", "resume", "go", "proceed", "continue",
                       "end", "open", "close", "come", "follow", "last"})
"""Verbs that tell that an event takes place ("the talks begin on Monday")."""


def _presupposing(verb) -> bool:
    """A verb that says something of an act that took place ("may come from", "could hurt"), not whether
    it will ("the visit may take place in May", "the offensive might begin")."""
    if verb.lemma_.lower() == "come":
        return any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    return verb.lemma_.lower() not in OCCURRING


def _obliged(tok) -> bool:
    """ "we have to coordinate", "they need to talk": what must be done, not what was ("had to admit",
    "having had to flee" was)."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("have", "need") \
        and tok.head.tag_ in ("VB", "VBP", "VBZ") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "dobj" for c in tok.head.children)


_UNDOING = frozenset({"withhold", "cancel", "postpone", "scrap", "shelve", "forgo", "forego", "delay",
                      "abort", "scuttle"})
"""Verbs whose object event did not take place (as planned): "withheld her endorsement"."""


_PRESUPPOSING = frozenset({"given", "after", "despite", "following", "amid", "amidst", "since", "over"})


def _presupposed(tok) -> bool:
    """An event noun a preposition takes as known ("given his criticism of X", "after the talks",
    "despite the ban"): it happened, whatever the clause around it says of other things."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (tok.head.lower_ in _PRESUPPOSING or (
        tok.head.lower_ == "of" and tok.head.head.lower_ == "because"))


_PROPOSED = frozenset({"proposed", "upcoming", "promised", "threatened", "intended", "impending",
                       "forthcoming"})
_POSSIBLE = frozenset({"possible", "potential", "hypothetical", "prospective", "contemplated", "mooted"})
_NO_ONE = frozenset({"neither", "none", "nobody", "noone"})


def _no_one_did(head) -> bool:
    """The doer is no one: "neither apologized", "no official attended", "nobody was arrested"."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "preconj") and (c.lower_ in _NO_ONE or any(
        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)) for c in head.children)


PERMITTING = frozenset({"allow", "permit", "let", "tolerate"})


_NO_ACTION = frozenset({"be", "have", "get", "receive", "deserve", "know", "understand", "feel", "think",
                        "remain", "stay", "look", "seem", "become", "need", "want", "like", "love", "hear",
                        "see", "realize", "recognize", "remember", "worry", "care", "hope", "expect",
                        "wonder"})
"""What one "must" or "should" without doing anything: no demand in it."""


def _inverted(tok) -> bool:
    """ "Should X win Florida, ...", "Had X known": a condition told by inverting the auxiliary."""
    aux = inverted_condition(tok)
    return aux is not None and aux.i == tok.sent.start


def inverted_condition(tok):
    """The auxiliary of a condition told by inversion ("Should X win ...", "... help to Y should Y need
    it"), or None; an event before it is not part of the condition, whatever the parser hangs on it."""
    aux = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in ("should", "had", "were")]
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return aux[0] if aux and subjects and any(s.i > aux[0].i for s in subjects) else None


def _condition(chain: list, head) -> bool:
    """The trigger's clause is a condition ("if X does not withdraw", "unless Y pays", "had X known"): what
    it tells is supposed, not reported, whether or not it is negated."""
    for tok in chain[:3]:
        if _outside_condition(tok, head):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children) or _inverted(tok):
            return True
    return False


def _counterfactual(tok) -> bool:
    """ "would never have proposed", "could not have won": a modal perfect tells what did not come to pass
    in a supposed world, no act anyone denies."""
    aux = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    return "have" in aux and any(a in ("would", "could", "might", "should", "'d") for a in aux)


def _outside_condition(tok, head) -> bool:
    """ "troops pledged to Y should Y ask for them": the event stands before the inverted condition the
    parser made its governor."""
    aux = inverted_condition(tok)
    return aux is not None and head.i < aux.i and tok.i != head.i


def demanded_by(head):
    """The speaker who says the event's subject *must* do it ("X said Y must release the
    helicopter"): PLOVER codes that as the speaker's REQUEST to the subject. None otherwise."""
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in head.children) \
            or head.lemma_.lower() in _NO_ACTION or _inverted(head):
        return None  # "X said Y must be clear", "should get credit": an opinion, no demand
    clause = head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lexicon().demand_verbs:
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and not actor_like(subject):
        return None  # "said her use of a server should disqualify her": a judgement, no one asked to act
    return next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


_REPORT_NOUNS = frozenset({"news", "announcement", "report", "word", "statement", "confirmation", "notice",
                           "indication", "sign", "signal", "assurance", "promise", "pledge"})


_CONFIRMING = frozenset({"confirm", "promise", "pledge", "vow", "disclose", "reveal", "assure", "reassure"})
"""Verbs that tell, as known, what someone would do ("confirmed that X would be meeting Y"): a plan."""


_MULLING = frozenset({"consider", "contemplate", "weigh", "entertain", "explore", "mull", "think"})


def reported_future(head) -> bool:
    """ "X said it would boycott the talks": the future of reported speech, a plan as the speaker told
    it, though the clause itself reads as a modal (TimeML: modality *would*)."""
    lex = lexicon()
    for tok in [head] + list(head.ancestors)[:2]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            return False  # "unless X disavows it": a condition, whatever the clause around it tells
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if "would" in aux:  # (what one "would consider" stays a possibility)
            told = (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.demand_verbs | _CONFIRMING) or (
                tok.dep_ == "acl" and tok.head.lemma_.lower() in _REPORT_NOUNS)  # "news that X would"
            return told and tok.lemma_.lower() not in _MULLING
    return False
