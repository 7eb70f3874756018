"""Repairs of the dependency parse's clause structure that several extractors share."""

from __future__ import annotations

_PAST = frozenset({"VBD"})
_NOT_PAST = frozenset({"VBZ", "VBP"})


def subject_holder(verb):
    """The verb whose subject a subjectless conjunct shares (spaCy tokens in, token out): its head
    ("X met Y and thanked her": met), except where the parser hung a past-tense conjunct on a clause in
    the present or with a modal under a past verb ("X said Y is to blame and accused him", "X forecast
    that the economy would rebound and praised Y"): the tenses show the conjunct goes with the governing
    verb, so its subject did it. (Measured on blind pairs: requiring a verb of saying there lost more
    than it won.)"""
    head = verb.head
    if verb.tag_ in _PAST and head.dep_ == "ccomp" and head.head.tag_ in _PAST and _not_past(head) \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return head.head
    return head


def _not_past(verb) -> bool:
    return verb.tag_ in _NOT_PAST or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _NOT_PAST | {"MD"}
                                         for c in verb.children)
