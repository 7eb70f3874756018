"""What no one happening is: acts of generic doers ("a braver council would demand"), of kinds in the
present ("companies finance takeovers"), recurring ones ("whenever X visits", "at times", "regularly")
and lasting ones ("have long criticized", "has been warning")."""

from __future__ import annotations

MODALS = frozenset({"would", "could", "should", "might", "may", "must", "'d", "’d"})
"""Modal auxiliaries: what is done under them is a possibility, not an act (events, attributions)."""


_GENERIC_PRONOUNS = frozenset({"i", "we", "you", "one", "anyone", "anybody", "everyone", "everybody"})


def generic_doer(head) -> bool:
    """A modal act of an indefinite or generic doer: "a braver council would demand", "we should
    never confuse": no one's act."""
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.lower_ in _GENERIC_PRONOUNS or (subject.pos_ == "NOUN" and not subject.ent_type_ and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in subject.children))


_OFFICIAL_BODIES = frozenset({
    "authorities", "officials", "police", "prosecutors", "investigators", "troops", "forces", "soldiers",
    "rebels", "militants", "insurgents", "protesters", "demonstrators", "lawmakers", "legislators",
    "senators", "diplomats", "negotiators", "leaders", "ministers", "regulators", "officers", "judges"})
"""Bare plurals that news tells in the present of a particular act ("Authorities blame X on Y")."""


def kind_in_present(head) -> bool:
    """A bare plural doing something in the simple present: what such people or bodies do."""
    if head.pos_ != "VERB" or head.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and head.dep_ == "relcl":
        subject = head.head
    return subject is not None and subject.tag_ == "NNS" and not subject.ent_type_ \
        and subject.lower_ not in _OFFICIAL_BODIES and not any(
        c.dep_ in ("det", "poss", "nummod", "compound") or (c.dep_ == "amod" and c.ent_type_)
        for c in subject.children)


def whenever(head) -> bool:
    """An act in a "when"/"whenever"/"as soon as"/"every time" clause told in the present: a condition
    that recurs, no happening."""
    clause = head if head.pos_ in ("VERB", "AUX") else head.head
    every_time = any(c.dep_ == "npadvmod" and c.lower_ == "time" and any(
        d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children) for c in clause.children)
    soon = clause.dep_ == "advcl" and clause.head.lower_ == "soon" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)  # "as soon as X suspends one"
    if not (every_time or soon) and (clause.dep_ != "advcl" or not any(
            c.lower_ in ("when", "whenever") and c.dep_ in ("advmod", "mark") for c in clause.children)):
        return False
    aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    present = clause.tag_ in ("VBZ", "VBP") or bool(aux & {"is", "are", "am", "'s", "'re", "does", "do"})
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in clause.head.children)
    return present and not future


_OCCASIONS = frozenset({"appearance", "speech", "rally", "interview", "stop", "event", "debate", "ad",
                        "advertisement", "tweet", "post", "remark", "column", "sermon", "broadcast"})


def recurring(prep) -> bool:
    """ "at times", "from time to time", "in her campaign appearances": the act recurs."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if prep.lower_ == "at" and any(g.lower_ == "times" for g in objects):
        return True
    if prep.lower_ == "from" and any(g.lower_ == "time" for g in objects):
        return True
    return prep.lower_ in ("in", "at", "during") and any(
        g.tag_ == "NNS" and g.lemma_.lower() in _OCCASIONS and not any(
            c.dep_ in ("nummod", "det") and c.lower_ not in ("his", "her", "their") for c in g.children)
        for g in objects)


def every_one(verb) -> bool:
    """A subject that is most of a kind: "most presidents have supported trade treaties"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_ and any(
        c.dep_ in ("amod", "det") and c.lower_ == "most" for c in subject.children)  # ("all members have
    # approved": each of them did)


SAYING = frozenset({"ACCUSE", "SUPPORT", "THREATEN", "REJECT"})


_SPANS = frozenset({"months", "years", "weeks", "decades", "days", "ages"})


def lasting(head, kind: str) -> bool:
    """A statement or stance told as lasting, not as a happening: "long" or "widely" ("have long
    criticized", "widely supported"), "for months", or the present perfect progressive ("has been
    warning")."""
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if verb is None or kind not in SAYING | {"REQUEST", "AGREE"}:
        return False  # "have killed eight leaders since July", "restrictions for two years": acts
    if any(c.dep_ == "advmod" and c.lower_ in ("long", "widely", "currently", "increasingly", "largely")
           for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in _SPANS for g in c.children
                                                          if g.dep_ == "pobj") for c in verb.children):
        return True
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and "been" in aux and bool({"has", "have", "had"} & set(aux)) \
        and kind in SAYING  # "has been warning": a refrain ("has been pressuring X" is an act)


HABITUAL = frozenset({"usually", "often", "typically", "always", "regularly", "sometimes", "rarely",
                       "repeatedly", "constantly", "continually", "consistently", "relentlessly", "routinely",
                       "seldom", "generally", "normally", "frequently", "traditionally"})
