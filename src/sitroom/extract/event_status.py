"""Whether an event happened and how PLOVER codes it: status from its own clause (negation, modals,
conditions, plans) and the promises PLOVER codes as AGREE."""

from __future__ import annotations

import re

from sitroom.extract.event_lexicon import lexicon


def status_of(head) -> str:
    lex = lexicon()
    chain = [head]  # the trigger and the verbs it depends on, up to the first with a subject of its own
    while len(chain) < 4 and chain[-1].head is not chain[-1] and not any(  # ("though she has begun to
            c.dep_ in ("nsubj", "nsubjpass") for c in chain[-1].children):  # attack, they will ...")
        chain.append(chain[-1].head)
    negated = [head] + ([head.head] if head.dep_ == "xcomp" else [])  # "did not want to meet"
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ == "neg" for tok in negated for c in tok.children) or any(
            c.dep_ == "det" and c.lower_ in ("no", "neither") for n in nouns for c in n.children) \
            or _no_one_did(head) or (head.pos_ == "NOUN" and head.dep_ == "dobj" and _no_one_did(head.head)):
        return "denied"  # "did not meet", "had no such praise for X", "held no talks", "neither apologized"
    for tok in chain[1:3]:
        if tok.lemma_.lower() in lex.denial and head.dep_ == "xcomp":
            return "denied"
    for tok in chain[:3]:
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "mark")}
        if aux & {"if", "unless", "whether", "until"} or tok.dep_ == "advcl" and any(
                c.lower_ in ("if", "unless", "until") for c in tok.children) or _inverted(tok):
            return "hypothetical"
        if aux & {"will", "shall", "'ll"} or (tok is not head and tok.lemma_.lower() in lex.planned
                                              and not (tok.lemma_.lower() == "seek" and tok.tag_ == "VBD")):
            return "planned"  # (what one "sought to" do was tried, as reported)
        if aux & {"would", "could", "might", "may", "should", "can", "must", "ought"}:
            return "hypothetical"
    governor = head.head if head.tag_ in ("NN", "NNS") else head
    if re.search(r"\b(?:next|upcoming)\b", head.sent.text, re.I) and head.tag_ in ("NN", "NNS") \
            and governor.tag_ not in ("VBD", "VBN"):  # "the next visit took place in May": past
        return "planned"
    return "reported"


_NO_ONE = frozenset({"neither", "none", "nobody", "noone"})


def _no_one_did(head) -> bool:
    """The doer is no one: "neither apologized", "no official attended", "nobody was arrested"."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "preconj") and (c.lower_ in _NO_ONE or any(
        d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)) for c in head.children)


def promised(kind: str, head, status: str) -> tuple[str, str | None]:
    """A promise of future cooperation is an AGREE in PLOVER; what was promised becomes the mode."""
    lex = lexicon()
    if kind not in lex.promised:
        return kind, None
    if head.lemma_.lower() in lex.commitment:  # "Norway's offer of military help"
        return "AGREE", kind.lower()
    chain = [head] + list(head.ancestors)[:2]
    for tok in chain:
        if tok.lemma_.lower() in lex.commitment and tok.i != head.i:
            return "AGREE", kind.lower()
        if any(c.dep_ == "acomp" and c.lemma_.lower() in lex.committed for c in tok.children) or (
                tok.lemma_.lower() in lex.committed and tok.pos_ == "ADJ"):
            return "AGREE", kind.lower()
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("offer", "promise", "pledge"):
            return "AGREE", kind.lower()
    if status == "planned":
        return "AGREE", kind.lower()
    return kind, None


def not_a_happening(head, kind: str = "") -> str | None:
    """Why the trigger names no happening, or None: a question ("Why would X meet Y?"), an attempt
    ("trying to broker a truce"), a wish ("the hope to cooperate"), an evaluation ("it is important
    to cooperate") or an idiom of the lexicon ("strike a chord"). An attempted attack or arrest is one
    (PLOVER codes "tried to assassinate" as ASSAULT)."""
    lex = lexicon()
    if head.sent.text.rstrip().rstrip("\"'”’ )").endswith("?"):
        return "question"
    if any(c.lower_ == "whether" for t in (head, head.head) for c in t.children
           if c.dep_ in ("mark", "advmod")):
        return "question"  # "whether to deport them": an open question
    governor = head.head if head.dep_ in ("xcomp", "acl", "advcl", "ccomp") else None
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.dep_ in ("xcomp", "ccomp"):
        governor = head.head.head  # "hope that X will tone down his attacks": what is hoped
    if governor is not None and governor.i != head.i:
        lemma = governor.lemma_.lower()
        if head.dep_ == "xcomp" and lemma in lex.verbs_of_asking and any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
                for c in governor.children):
            return "requested"  # "called on its followers to kill": the call is the act, not the killing
        if lemma in lex.attempts and kind not in ("ASSAULT", "COERCE"):
            return "attempt"
        if lemma in lex.wishes:
            return "wish"
        if lemma in _STANCES and governor.tag_ in ("VBZ", "VBP"):
            return "stance"  # "Cruz supports freezing immigration": a position, no act
        if (governor.pos_ == "ADJ" and lemma in lex.evaluations) or any(
                c.dep_ == "acomp" and c.lemma_.lower() in lex.evaluations for c in governor.children):
            return "evaluation"  # "it is important to cooperate"
    if head.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
            and head.head.dep_ in ("pobj", "dobj") and _asking(head.head.head):
        return "requested"  # "called for a special prosecutor to investigate her": nothing investigated yet
    if any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in head.children) and not any(
            c.dep_ == "neg" for c in head.children):
        return "ability"  # "leaders who can support any candidate", "he can ask them to": what may be
    if head.pos_ == "VERB" and head.dep_ == "amod":
        return "attribute"  # "pledged delegates", "a promised visit": a word describing a noun
    if head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_.lower() in _RESULTS and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return "result"  # "X won Vermont, allowing her to build a lead": what followed, no act
    if head.tag_ == "VBN" and head.dep_ in ("ccomp", "oprd", "xcomp") \
            and head.head.lemma_.lower() in _DEEMING:
        return "evaluation"  # "is considered occupied territory": what something is called
    if kind == "SUPPORT" and _backed_by_many(head):
        return "stance"  # "may not have the backing of a majority of Democrats": where people stand
    if kind == "REQUEST" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lemma_.lower() in ("comment", "interview") for g in c.children) for c in head.children):
        return "routine"  # "did not respond to requests for comment": the press's routine, no act
    if _asked_about(head):
        return "question"  # "a question about how he would fight the group"
    doers = [head] + ([head.head] if head.dep_ == "conj" else [])  # "regularly survey them and ask"
    if any(c.lower_ in _HABITUAL for d in doers for c in d.children if c.dep_ == "advmod") and (
            head.tag_ in ("VBZ", "VBP") or kind in _SAYING | {"REQUEST", "AGREE"}):
        return "habitual"  # "candidates usually meet donors", "has often complained": no one happening
    if head.dep_ in ("ccomp", "advcl") and any(c.dep_ == "mark" and c.lower_ == "if" for c in head.children) \
            and head.head.lemma_.lower() in ("ask", "wonder", "know", "question", "see"):
        return "question"  # "asked if he would ever endorse her"
    if _lasting(head, kind):
        return "habitual"  # "have long criticized", "for months praised", "has been warning"
    if head.tag_ in ("VBZ", "VBP") and head.lemma_.lower() in _STANCES and not any(
            c.dep_ in ("aux", "auxpass") for c in head.children):
        return "stance"  # "Elmendorf, who supports Clinton": where someone stands, no act
    if head.tag_ == "VBG" and head.dep_ == "relcl" and head.lemma_.lower() in _STANCES and {
            c.lower_ for c in head.children if c.dep_ == "aux"} & {"is", "are", "'s", "'re", "am"}:
        return "stance"  # "Maher, who is supporting Sanders": where one stands, told in passing
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


_DEEMING = frozenset({"consider", "deem", "regard", "view", "label", "declare"})
_QUESTIONING = frozenset({"question", "ask", "wonder", "unclear", "uncertain", "doubt", "answer", "debate"})


_MANY = frozenset({"majority", "most", "many", "plurality", "half", "third", "percent", "share", "bulk"})


def _backed_by_many(head) -> bool:
    """ "have the backing of a majority of X": a share of people's standing support, no act."""
    noun = head if head.pos_ == "NOUN" else next((c for c in head.children if c.dep_ == "dobj"), None)
    if noun is None or noun.head.lemma_.lower() != "have" and noun is not head:
        return False
    return any(g.lemma_.lower() in _MANY or g.like_num for c in noun.children if c.dep_ == "prep"
               and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


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


_STANCES = frozenset({"support", "back", "oppose", "favor", "favour", "trust", "distrust"})
"""Verbs whose simple present tells a standing position, not an act ("who supports Clinton")."""
_RESULTS = frozenset({"allow", "enable", "let", "permit", "help", "give"})
_SAYING = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "REJECT"})
_SPANS = frozenset({"months", "years", "weeks", "decades", "days", "ages"})


def _lasting(head, kind: str) -> bool:
    """A statement or stance told as lasting, not as a happening: "long" or "widely" ("have long
    criticized", "widely supported"), "for months", or the present perfect progressive ("has been
    warning")."""
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if verb is None or kind not in _SAYING | {"REQUEST", "AGREE"}:
        return False  # "have killed eight leaders since July", "restrictions for two years": acts
    if any(c.dep_ == "advmod" and c.lower_ in ("long", "widely", "currently", "increasingly")
           for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in _SPANS for g in c.children
                                                          if g.dep_ == "pobj") for c in verb.children):
        return True
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and "been" in aux and bool({"has", "have", "had"} & set(aux)) \
        and kind in _SAYING  # "has been warning": a refrain ("has been pressuring X" is an act)


_HABITUAL = frozenset({"usually", "often", "typically", "always", "regularly", "sometimes", "rarely",
                       "seldom", "generally", "normally", "routinely", "frequently", "traditionally"})


HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
"""Types whose announcement PLOVER codes as a threat ("will impose sanctions", "would boycott")."""
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"})
"""Types whose refusal PLOVER codes as REJECT ("will not sign", "failed to agree")."""


def plover_convention(kind: str, head, status: str) -> tuple[str, str | None, str] | None:
    """``(type, mode, status)`` where PLOVER codes an announced act as another type, else None:
    a hostile act announced or made conditional ("will withdraw unless ...") is THREATEN; a refusal of
    a cooperative act ("will not sign", "failed to agree") is REJECT; both were reported."""
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") and m.dep_ == "mark"
                                                  for m in c.children) for c in head.children)
    if kind in HOSTILE | {"RETREAT"} and conditional and status == "planned":
        return "THREATEN", kind.lower(), "reported"
    ready = any(t.lemma_.lower() in lexicon().committed or t.lower_ in lexicon().committed
                for t in list(head.ancestors)[:2])  # "is ready to impose a curfew"
    if kind in HOSTILE and (status == "planned" or ready) and not conditional:
        return "THREATEN", kind.lower(), "reported"
    if kind in COOPERATIVE and status == "denied" and _refused(head):
        return "REJECT", kind.lower(), "reported"
    return None


def _refused(head) -> bool:
    """ "will not sign", "would not meet", "failed to agree": a refusal, not a denial that it happened."""
    auxes = {c.lower_ for c in head.children if c.dep_ == "aux"}
    if auxes & {"will", "would", "wo", "can", "could", "shall"}:
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in ("fail", "refuse", "decline")


_NO_ACTION = frozenset({"be", "have", "get", "receive", "deserve", "know", "understand", "feel", "think",
                        "remain", "stay", "look", "seem", "become", "need", "want", "like", "love", "hear",
                        "see", "realize", "recognize", "remember", "worry", "care"})
"""What one "must" or "should" without doing anything: no demand in it."""


def _inverted(tok) -> bool:
    """ "Should X win Florida, ...", "Had X known": a condition told by inverting the auxiliary."""
    aux = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in ("should", "had", "were")]
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return bool(aux) and subject is not None and aux[0].i < subject.i and aux[0].i == tok.sent.start


def demanded_by(head):
    """The speaker who says the event's subject *must* do it ("X said Y must release the
    helicopter"): PLOVER codes that as the speaker's REQUEST to the subject. None otherwise."""
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in head.children) \
            or head.lemma_.lower() in _NO_ACTION or _inverted(head):
        return None  # "X said Y must be clear", "should get credit": an opinion, no demand
    clause = head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lexicon().demand_verbs:
        return None
    return next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


_MULLING = frozenset({"consider", "contemplate", "weigh", "entertain", "explore", "mull", "think"})


def reported_future(head) -> bool:
    """ "X said it would boycott the talks": the future of reported speech, a plan as the speaker told
    it, though the clause itself reads as a modal (TimeML: modality *would*)."""
    lex = lexicon()
    for tok in [head] + list(head.ancestors)[:2]:
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if "would" in aux:  # (what one "would consider" stays a possibility)
            return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.demand_verbs \
                and tok.lemma_.lower() not in _MULLING
    return False
