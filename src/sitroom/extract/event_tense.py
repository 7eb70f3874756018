"""What the tense and aspect of an event's own verb, and the clauses around it, say of when it happened:
told in the present ("is meeting"), the present perfect ("has called for"), the simple past
("criticized"), or in an opening clause of the same time ("While celebrating ..., X mocked Y").
Each function takes a spaCy ``Token``."""

from __future__ import annotations

from sitroom.extract.speakers import speech_lexicon

_HAVE = frozenset({"has", "have", "'s", "'ve"})
"""Auxiliaries of a perfect ("'s" is as often "is": a present is told by "has" or "have" alone)."""


def meanwhile(clause) -> bool:
    """An opening clause of its head's own time, whose date and place are the event's: "While
    celebrating wins in three states on Tuesday night, X mocked Y", "As results came in on Monday, ..."
    (not a "because" or a contrasting "while Y lost in May": extract/events.py ``_REASONS``)."""
    if clause.dep_ != "advcl" or clause.i > clause.head.i:
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return bool(marks & {"when", "as"}) or (
        clause.tag_ == "VBG" and not subject and marks <= {"while", "when"})


def current(verb) -> bool:
    """ "is meeting", "has been meeting", "signs": the present of the event's own verb (not the present
    perfect: "has signed" tells of a past act, undated unless the text dates it)."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and not verb.tag_.startswith("VB"):
        verb = verb.head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"is", "are", "am"} or (aux & {"has", "have"} and (verb.tag_ == "VBG" or _standing(verb))):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not aux


def _standing(verb) -> bool:
    """ "has refused to endorse", "still has not received": a present perfect that tells of a state
    holding at the time of writing, not of a past act."""
    return verb.lemma_.lower() in ("refuse", "decline", "withhold") or any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("still", "yet")) for c in verb.children)


def perfect(verb) -> bool:
    """ "has called for", "have met": the present perfect of a past act (see ``current``)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _HAVE for c in verb.children) \
        and not current(verb)


def simple_past(verb) -> bool:
    """ "criticized", "held talks": the event's own verb in the simple past, in a clause of its own
    (not "had met", "who met", "the plan he announced"), told by the text itself (not "he promised to
    win, X said": a speaker's report of an act before the telling)."""
    return verb.tag_ == "VBD" and verb.dep_ not in ("relcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and not (
        verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech_lexicon()["cues"])


_AFTERWARDS = frozenset({"later", "afterwards", "afterward", "subsequently", "thereafter", "eventually"})


def afterwards(verb) -> bool:
    """ "He later denied it", "subsequently withdrew": an act told as after the time the text was at."""
    return any(c.dep_ == "advmod" and c.lower_ in _AFTERWARDS for c in verb.children)
