"""The sense a trigger has in its sentence, from its arguments (data/plover.yaml ``senses``): "recalled
its ambassador" is a SANCTION, "recalled the day" nothing; "released three hostages" a CONCEDE,
"released a statement" nothing; "attacked her record" in a sentence without a weapon a verbal attack
(ACCUSE), not an ASSAULT; "a rally against the plant" a PROTEST, "a campaign rally" nothing."""

from __future__ import annotations

from functools import cache

from sitroom.data import load as load_data
from sitroom.data.names import title_words
from sitroom.extract.event_aims import at_words, called_on, on_a_scene
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_words import (
    actor_like,
    circumstance,
    control_of_no_place,
    names_time,
    relative_antecedent,
)


@cache
def _senses() -> tuple[dict, frozenset[str], frozenset[str]]:
    data = load_data("plover.yaml")
    return data["senses"], frozenset(data["violence_words"]), frozenset(data["verbal_targets"])


GATED = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
"""Types whose ``violence`` senses need a word of force nearby ("seized the moment", "deployed her
talking points", "had her own reinforcements" are none)."""


def _rang(verb) -> bool:
    """ "called Y on Tuesday", "called a candidate, Y, and encouraged her": a person or body as the one
    object, with nothing it is called ("a liar"), asked ("on Y to", "for"), or sent to do ("Y to come")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or not (objects[0].ent_type_ in ("PERSON", "ORG", "GPE") or actor_like(objects[0])):
        return False
    asked = any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") or (
        c.dep_ == "prep" and c.lower_ in ("for", "on", "upon", "to", "as")
        and not names_time(c)) for c in verb.children)
    return not asked and not any(c.dep_ in ("acl", "relcl", "oprd") for c in objects[0].children)


def sensed(kind: str, tok) -> str | None:
    """The type ``tok`` (a trigger verb or event noun of type ``kind``) has here, or None when its
    sense here is no event of that type."""
    senses, violence, verbal = _senses()
    if kind == "CONCEDE" and any(g.lower_ in _REFLEXIVES for c in tok.children
                                 if c.dep_ in ("dobj", "ccomp", "xcomp")
                                 for g in [c] + [g for g in c.children if g.dep_ == "nsubj"]):
        return None  # "did allow himself to address the question": granted nothing to anyone
    if kind == "THREATEN" and (_own_trouble(tok) or _forecast(tok)):
        return None  # "warning that it could default", "warned that the crisis could spread": no threat
    if kind == "THREATEN" and tok.lemma_.lower() == "warn" and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children):
        return "REQUEST"  # "warned the bank not to raise rates": told it what (not) to do
    if tok.dep_ == "xcomp" and tok.lemma_.lower() in senses.get(tok.head.lemma_.lower(), {}).get(
            "not_clauses", ()):
        return None  # "declined to discuss the attacks": said nothing, discussed nothing
    rule = senses.get(tok.lemma_.lower())
    if kind == "ASSAULT" and rule is not None and rule.get("verbal") and at_words(tok, verbal, violence):
        return rule["verbal"]  # "attacked her record on guns", "attacks on Ostrom's remarks": words
    if rule is not None and rule.get("for_person") and any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.ent_type_ == "PERSON" for g in c.children) for c in tok.children):
        return rule["for_person"]  # "an army sent to fight for X": to campaign for X
    if rule is None or kind not in rule.get("types", (kind,)):
        return kind  # "recognized X as terrorist": a designation, which the sense rule is not about
    if rule.get("not_money") and any(t.ent_type_ == "MONEY" or t.text == "$" for c in tok.children
                                     if c.dep_ in ("dobj", "dative", "npadvmod") for t in c.subtree):
        return None  # "charged the campaign $3.7 million": a bill, no charge against anyone
    if rule.get("not_dative") and any(c.dep_ == "dative" for c in tok.children):
        return None  # "deny him a chance": to keep from, no refusal
    if rule.get("violence") and any(c.dep_ in ("prep", "prt") and c.lower_ in rule.get("not_preps", ())
                                    for c in tok.children):
        return None  # "seized on the massacre": made use of it
    if rule.get("needs_object") and tok.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("at", "on"))
            for c in tok.children):
        return None  # "taught her how to shoot": no one shot
    if rule.get("violence") and kind in GATED:
        objects = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
        for o in objects:
            if o.lemma_.lower() in rule.get("recode", {}) and not control_of_no_place(o):
                return rule["recode"][o.lemma_.lower()]  # "struck a deal": an agreement
        if "targets" in rule and objects and not any(
                _an_actor(o) or o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in rule["targets"]
                for o in objects):
            return None  # "strike a balance", "hit a record": nothing struck
        sent = tok.sent
        before = tok.doc[sent.start - 1].sent if sent.start > 0 else sent  # and the sentence before
        words = {w for t in list(before) + list(sent) if t.i != tok.i for w in (t.lower_, t.lemma_.lower())}
        if words & violence or words & title_words("armed_units") or on_a_scene(tok):
            return kind
        return rule.get("verbal")  # "attacked her record": ACCUSE; "captured the nomination": none
    if rule.get("violence"):
        return kind  # "a general strike": the lexicon's compound already chose PROTEST
    light = rule.get("light_recode", {})
    if tok.pos_ != "VERB" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in light:
        return light[tok.head.lemma_.lower()]  # "lodged a protest with X": a formal complaint, ACCUSE
    if rule.get("that_recode") and tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children):
        return rule["that_recode"]  # "the union protested that the firm ...": an accusation
    if rule.get("nouns_only") and tok.pos_ == "VERB":
        called = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "oprd")]
        recoded = next((rule["recode"][w] for w in called if w in rule.get("recode", {})), None)
        if recoded:
            return recoded  # "called an emergency session": convened a meeting
        if any(w in rule.get("not_objects", ()) for w in called) or any(  # (a name given, not "called
                c.dep_ == "oprd" and c.pos_ != "PROPN" and "appos" not in {g.dep_ for g in c.children}
                for c in tok.children):  # a candidate, X,")
            return None  # "called a referendum for June 5", "what X called a rough week": no call
        if rule.get("actor_recode") and _rang(tok):
            return rule["actor_recode"]  # "X called Y on Tuesday": a telephone call, a CONSULT
        if any(c.dep_ in ("prep", "prt") and c.lower_ in rule.get("asking_preps", ()) and c.i == tok.i + 1
               for c in tok.children):
            return called_on(tok)  # "called on X to resign" asks; "called on a reporter" gives the floor
        return kind  # the lexicon's particles decide the verb ("call off", "call for")
    inner = {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
    if inner & set(rule.get("not_clauses", ())):
        return None  # "declined to comment": no refusal of anything
    # a noun's, and its light verb's ("made an appeal for calm"; not "X's appeal will be tough for Y")
    near = list(tok.children) + (list(tok.head.children) if tok.pos_ != "VERB" and tok.dep_ in (
        "dobj", "attr", "nsubjpass", "oprd", "npadvmod") else [])
    if any(c.dep_ in ("prep", "prt") and c.lower_ in rule.get("not_preps", ()) for c in near) and not (
            inner or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
        return None  # "many economists agree with her": an opinion shared, no agreement made
    if any(c.dep_ == "compound" and c.lemma_.lower() in rule.get("not_compounds", ())
           for c in tok.children):
        return None  # "a press conference": no meeting
    if rule.get("not_numbers") and tok.pos_ != "VERB" and any(
            t.like_num or t.lower_ in ("percent", "%") for c in tok.children if c.dep_ == "prep"
            for t in c.subtree):
        return None  # "has the support of 40 percent": a poll, no act of support
    if rule.get("not_that") and (any(c.dep_ == "ccomp" for c in tok.children) or _that_follows(tok)):
        return None  # "agreed that the plan was costly": an opinion shared
    if rule.get("needs_complement") and kind != "AGREE" and tok.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children) and any(
            c.dep_ == "nsubj" and not actor_like(relative_antecedent(c)) for c in tok.children):
        return None  # "the rate, which has declined for all groups": a fall, no one refused
    if rule.get("needs_complement") and tok.pos_ == "VERB" and _bare(tok, kind != "AGREE"):
        return None  # "Ostrom agrees.": with what was said, no agreement made; "views have declined"
    if rule.get("needs_party") and tok.pos_ == "VERB" and not _two_sides(tok):
        return None  # "X was discussing his plan": talking of a topic, with no one
    if not any(k in rule for k in ("objects", "actor_object", "preps", "clause", "xcomp", "no_object",
                                   "recode", "not_objects", "actor_recode", "object_types")) \
            or (tok.pos_ != "VERB" and not rule.get("nouns")):
        return kind
    if tok.pos_ != "VERB" and not rule.get("nouns"):
        return kind  # "the talks between X and Y": the noun has one sense
    if tok.pos_ == "VERB":
        objects = [relative_antecedent(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects and tok.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in tok.children):
            objects = [tok.head]  # "the interviews she has granted": what she granted
    else:  # "the release of three hostages"
        objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
    preps = {c.lower_: c for c in near if c.dep_ in ("prep", "prt") and not circumstance(c)}  # or its verb's
    clause = any(c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children))
                 for c in tok.children)  # "allowed X to run", however the parser hangs it
    if rule.get("no_object"):  # "demonstrated unity", "as he has demonstrated" show; "demonstrated" protests
        shows = objects or any(c.dep_ == "ccomp" or (c.dep_ == "mark" and c.lower_ == "as")
                               for c in tok.children)
        return None if shows else kind
    if any(o.lemma_.lower() in rule.get("not_objects", ()) or o.lower_ in rule.get("not_objects", ())
           for o in objects):
        return None  # "rejected the notion that", "thanked supporters"
    if rule.get("actor_recode") and any(o.ent_type_ in ("PERSON", "ORG", "NORP") or actor_like(o)
                                        for o in objects):
        return rule["actor_recode"]  # "banned two parties", "outlawed the union": COERCE
    recode = rule.get("recode", {})
    for o in objects:
        if o.lemma_.lower() in recode:
            return recode[o.lemma_.lower()]  # "met their demands": a concession, no meeting
    wanted = set(rule.get("objects", ()))
    if any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in objects):
        return kind
    if rule.get("xcomp") and clause:
        return kind  # "offered to mediate"
    if rule.get("compound_actor") and any(c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG", "NORP")
                                          for c in tok.children):
        return kind  # "the Iran deal"
    if rule.get("actor_object") and any(_an_actor(o, owned=not rule.get("not_owned")) for o in objects):
        return kind
    if any(o.ent_type_ in rule.get("object_types", ()) for o in objects):
        return kind  # "recognized Kosovo", not "recognized this"
    for word in rule.get("preps", ()):
        prep = preps.get(word)
        if prep is not None and (not rule.get("actor_prep_object") or any(
                _an_actor(g) and g.lower_ not in rule.get("not_objects", ())
                for g in prep.children if g.dep_ == "pobj")):
            return kind
    if rule.get("clause_that") and any(c.dep_ == "ccomp" for c in tok.children):
        return kind  # "charged that the police had lied"
    if rule.get("clause") and clause and objects:
        return kind  # "asked Norway to send troops"
    wants = ("objects", "actor_object", "preps", "clause", "xcomp", "clause_that", "compound_actor",
             "object_types")
    return None if any(k in rule for k in wants) else kind  # a rule that only rules things out


def _that_follows(tok) -> bool:
    """ "agreed that the office has limited power", however the parser hangs the clause."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and after.lower_ == "that" and after.dep_ == "mark"


def _bare(verb, any_party: bool = False) -> bool:
    """A verb with nothing it agrees to or on, and one party: "X agrees." ("X and Y agreed" is a deal);
    ``any_party``: however many ("views have declined": fell, no refusal)."""
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "prt", "dative", "advcl") or (c.dep_ == "prep" and not any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children))
           for c in verb.children):
        return False  # (a time is no complement: "the rate has declined since 2009" refused nothing)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # ("must be agreed jointly")
    if any_party:
        return subject is not None or verb.dep_ == "relcl"
    return subject is not None and subject.tag_ not in ("NNS", "NNPS") and not any(
        c.dep_ == "conj" for c in subject.children) and subject.lower_ not in ("they", "we", "both", "all")


def _two_sides(verb) -> bool:
    """A talk with someone: "with" someone, someone as the object, or a subject of several."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children):
        return True
    if any(c.dep_ in ("dobj", "dative") and _an_actor(c) for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "both") \
        or any(c.dep_ == "conj" for c in subject.children)


def _an_actor(tok, owned: bool = True) -> bool:
    """A named actor or a word for people, or (``owned``) a thing an actor owns ("Turkey's efforts")."""
    if owned and any(c.dep_ == "poss" and c.tag_ != "PRP$" and _an_actor(c)  # (not "met our benchmarks")
                     for c in tok.children):
        return True
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or actor_like(tok)


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})


_OWN_SIDE = frozenset({"i", "we", "it", "they", "he", "she"})


def _forecast(tok) -> bool:
    """ "warned that the frustration could send voters to X", "warned of the dangers of Y": a warning of
    what others or events may bring, no threat by the one warning ("warned it would retaliate" is one;
    so is "warned of retaliation", an act the lexicon knows)."""
    if tok.lemma_.lower() not in ("warn", "caution") or any(c.dep_ in ("dobj", "dative")
                                                            for c in tok.children):
        return False
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lower_ not in _OWN_SIDE and not (
            doer is not None and subject.lemma_.lower() == doer.lemma_.lower()) and not (
            subject.lower_ in lexicon().institutions or subject.lemma_.lower() in _STATE_FORCES)
    warned_of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against")
                 for g in c.children if g.dep_ == "pobj"]
    return bool(warned_of) and not any(g.lemma_.lower() in _ACTS for g in warned_of)


_STATE_FORCES = frozenset({"police", "troop", "force", "army", "military", "authority", "government", "navy",
                           "security"})
"""Who a state's official speaks for: "the chief warned that police will not tolerate rallies"."""


_ACTS = frozenset({"retaliation", "reprisal", "response", "consequence", "consequences", "action", "attack",
                   "strike", "sanction", "sanctions", "force", "war", "measure", "measures", "escalation"})
"""What a warning "of" names when the one warning would do it ("warned of retaliation")."""


_TROUBLES = frozenset({"default", "miss", "fail", "lose", "struggle", "collapse", "close", "shut", "suffer",
                       "breach", "delay", "postpone", "run", "face", "need", "owe", "fall", "slow", "shrink",
                       "decline", "drop", "go", "cut", "lay"})


def _own_trouble(tok) -> bool:
    """ "warned that it could default", "warns it may miss its target": the warner's own prospects."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return False
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    doer = doer if doer is not None else (tok.head if tok.dep_ == "advcl" else None)
    doer = next((c for c in doer.children if c.dep_ == "nsubj"), None) if doer is not None and \
        doer.pos_ in ("VERB", "AUX") else doer
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        own = subject is not None and (subject.lower_ in ("it", "we", "they") or (
            doer is not None and subject.lower_ == doer.lower_))
        if own and clause.lemma_.lower() in _TROUBLES:
            return True
    return False
