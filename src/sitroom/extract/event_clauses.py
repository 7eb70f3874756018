"""The clauses around an event's trigger whose dates and places are not the event's: other events'
clauses inside its own, and asides that tell of a participant, a reason or a deed it is about."""

from __future__ import annotations

from sitroom.extract.event_tense import meanwhile
from sitroom.extract.event_words import dated_nouns, occasion_of_words, other_nouns_clauses, tokens_span
from sitroom.model.evidence import Span

_REASONS = frozenset({"because", "although", "though", "whereas", "while", "unless", "lest"})
"""Marks of a clause that tells why or despite what, wherever it hangs: its dates are its own."""


def clauses(heads: list, offset: int, deps=("advcl", "relcl", "ccomp", "acl"), finite: bool = False
            ) -> tuple[Span, ...]:
    """The spans of the verbal clauses hanging off ``heads`` (``finite``: only those with a subject)."""
    return tuple(tokens_span(list(c.subtree), offset) for h in heads for c in h.children
                 if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and not meanwhile(c)
                 and (not finite or any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)))


def asides_of(owner, head, noun, clause: list, sent, trigger: set[int], standalone: bool, offset: int
              ) -> tuple[Span, ...]:
    """Spans (character offsets, ``offset`` added) of the clauses in the event's ``clause`` (tokens) that
    tell of a participant, a reason or a deed: their places and dates are never the event's.

    ``owner`` is the verb whose clause holds the trigger ``head`` (itself, or the verb of an event noun);
    ``noun`` a light verb's event noun or None; ``trigger`` the token indices of the trigger."""
    arguments_ = [c for c in owner.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "dative", "attr")]
    arguments_ += [g for c in owner.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # what a relative clause tells is of its noun, wherever the noun stands ("a judge appointed in 2010",
    # "... during the crisis that began in 2008"); the event noun's own is the event's ("the meeting, which
    # took place on Monday")
    holders = [t for t in clause if t.i != head.i and (noun is None or t.i != noun.i)]
    others_ = [a for a in arguments_ if a.i != head.i and (noun is None or a.i != noun.i)]
    # "for comments made this week" (but "said in an interview published Saturday": the words' own)
    participles = tuple(tokens_span(list(c.subtree), offset) for a in others_ for c in a.children
                        if c.dep_ == "acl" and c.tag_ == "VBN" and not occasion_of_words(a))
    # "because X will win in May"
    reasons = tuple(tokens_span(list(t.subtree), offset) for t in owner.subtree
                    if t.dep_ == "advcl" and t.i != owner.i and not meanwhile(t)
                    and any(c.dep_ == "mark" and c.lower_ in _REASONS for c in t.children))
    # "accused Norland of hacking its ministries in 2014", "criticized X for voting against it in 2002": the
    # deed's date, not the words'
    deeds = tuple(tokens_span(list(p.subtree), offset) for p in head.children
                  if not standalone and p.dep_ == "prep" and p.lower_ in ("of", "for")
                  and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children))
    return clauses(holders, offset, ("relcl",)) + clauses(others_, offset, ("acl",), finite=True) \
        + participles + reasons + dated_nouns(owner, (head, noun), offset) \
        + other_nouns_clauses(sent, head, trigger, offset) + deeds
