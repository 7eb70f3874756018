"""Words that look like an event's trigger but name or describe something: a work's title ("''Meet the
Nation''"), a participle modifying a noun ("pledged delegates"), a state something is deemed to be
("considered occupied territory"), what something is made to be ("made X his priority").
extract/event_happening.py drops them."""

from __future__ import annotations

_OPENING_MARKS = frozenset({"''", "``", '"', "“", "‘", "'"})


_TITLE_SMALL_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with"})


def in_a_title(head) -> bool:
    """A capitalised trigger inside a work's name: tagged as one, or opening a short title in quotation
    marks whose every word but the small ones is capitalised ("''Meet the Nation''"; not quoted speech,
    "Talks with Vexley collapsed"), not at the start of its sentence."""
    if not head.text[:1].isupper() or head.i == head.sent.start:
        return False
    if head.ent_type_ == "WORK_OF_ART":
        return True
    if head.doc[head.i - 1].text not in _OPENING_MARKS or head.doc[head.i - 1].i == head.sent.start:
        return False
    words = []
    for tok in head.doc[head.i : head.i + 8]:
        if tok.text in _OPENING_MARKS or tok.text in ("”", "’"):
            return all(w.text[:1].isupper() or w.lower_ in _TITLE_SMALL_WORDS for w in words if w.is_alpha)
        words.append(tok)
    return False


def misread_modifier(verb) -> bool:
    """ "had enough pledged votes", "both pledged votes", "regular, pledged delegates": a participle
    between a determiner, quantifier or adjective and its noun, which the parser took for a verb and its
    object."""
    if verb.tag_ not in ("VBD", "VBN") or verb.i == 0 or verb.i + 1 >= len(verb.doc):
        return False
    before, after = verb.doc[verb.i - 1], verb.doc[verb.i + 1]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # ("Both signed agreements", "X and Y in 2015 signed agreements": a verb)
    return after.dep_ == "dobj" and after.head.i == verb.i and after.tag_ in ("NNS", "NN") and (
        before.tag_ in ("DT", "PDT", "PRP$", "CD") or before.lower_ in ("enough", "more", "fewer", "many")
        or (before.text == "," and verb.i >= 2 and verb.doc[verb.i - 2].tag_ == "JJ"))


_DEEMING = frozenset({"consider", "deem", "regard", "view", "label", "declare"})


def deemed(head) -> bool:
    """ "is considered occupied territory", "are deemed occupied": what something is called, however
    the parser hangs the participle."""
    if head.tag_ != "VBN":
        return False
    if head.dep_ in ("ccomp", "oprd", "xcomp") and head.head.lemma_.lower() in _DEEMING and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return True  # (not "is considering what he dismissed")
    before = head.doc[head.i - 1] if head.i > 0 else None
    return before is not None and before.tag_ == "VBN" and before.lemma_.lower() in _DEEMING


def made_into(head) -> bool:
    """ "has made increasing funding to schools his chief priority": what something is made to be, no act
    (``head`` the light verb "make" with two objects, or an event noun that is the first of them)."""
    verb = head.head if head.pos_ == "NOUN" and head.dep_ == "dobj" else head
    return verb.lemma_.lower() == "make" and sum(c.dep_ in ("dobj", "oprd") for c in verb.children) >= 2
