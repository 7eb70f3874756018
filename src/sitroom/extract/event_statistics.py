"""Statistics and polls that read like events: shares of people ("81 percent of victims", "6 in 10
men"), vote counts ("34,000 people supported X"), margins ("by a 30-point margin"), what a share of
people say ("47 percent saying they will support Y") and standing support ("has the backing of a
majority"): none is anyone's act (extract/event_happening.py drops them)."""

from __future__ import annotations

import re

from sitroom.data.names import speech_cues
from sitroom.extract.claims import read_number


def statistic(head) -> bool:
    """A participant that is a share ("81 percent of victims", "6 in 10 white men"): a statistic."""
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    return any(a_share(c) for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))


def a_share(tok) -> bool:
    """A noun phrase that is a share of people: "81 percent of white victims", "6 in 10 white men"."""
    words = list(tok.subtree)
    if any(t.lower_ in ("percent", "%") for t in words[: tok.i - words[0].i + 1]):
        return True
    return any(a.like_num and b.lower_ in ("in", "out") and d.like_num
               for a, b, d in zip(words, words[1:], words[2:], strict=False))


def counted(head) -> bool:
    """ "34,000 people supported X": a vote count, no act of support."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.dep_ == "nummod" and (n := read_number(c.text)) and n[0] >= 100
                                       for c in subject.children)


def polled(head) -> bool:
    """What a share of people say ("47 percent of X saying they will support Y"): a poll."""
    for tok in list(head.ancestors)[:3]:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in speech_cues() and (any(
                c.dep_ == "nsubj" and a_share(c) for c in tok.children) or _split(tok)):
            return True  # (and "X's voters say by 55%-41% that ...")
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.lemma_.lower() in speech_cues() \
                and a_share(tok.head):
            return True  # ("with 47 percent of voters saying they will ...")
    return False


def _split(verb) -> bool:
    """ "say by 55%-41%", "said by 60 to 30 percent": how a polled group divides."""
    return any(_SPLIT.search(" ".join(t.text for t in c.subtree)) for c in verb.children
               if c.dep_ == "prep" and c.lower_ == "by")


_SPLIT = re.compile(r"\d+\s*(?:%|percent)?\s*(?:-|–|to)\s*-?\s*\d+\s*(?:%|percent)")


def by_margin(head) -> bool:
    """ "supporting her by a 67 percentage point margin": a vote share, no act of support."""
    return any(t.lower_ in ("percent", "%", "percentage", "points", "point") for c in head.children
               if c.dep_ == "prep" and c.lower_ in ("by", "with") for t in c.subtree)


_MANY = frozenset({"majority", "most", "many", "plurality", "half", "third", "percent", "share", "bulk"})


def backed_by_many(head) -> bool:
    """ "have the backing of a majority of X", "has the support of women": standing support, no act."""
    noun = head if head.pos_ == "NOUN" else next((c for c in head.children if c.dep_ == "dobj"), None)
    if noun is None or noun.head.lemma_.lower() != "have" and noun is not head:
        return False
    backers = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"]
    if noun.head.lemma_.lower() == "have" and noun.dep_ == "dobj" and backers and not any(
            g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for g in backers):
        return True  # "has the support of women"; not "had the backing of X", "had praise for X"
    return any(g.lemma_.lower() in _MANY or g.like_num for c in noun.children if c.dep_ == "prep"
               and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def measured(noun) -> bool:
    """ "X's approval stood at 41 percent", "a poll puts X's support at 30 percent": a measure the noun's
    verb gives in percent, no act."""
    clauses = ("advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis")
    return noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
        t.dep_ == "prep" and t.lower_ in ("at", "to") and any(w.lower_ in ("percent", "%") for w in t.subtree)
        for c in noun.head.children if c.dep_ not in clauses for t in c.subtree)
