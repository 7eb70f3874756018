"""What an act is aimed at decides its sense: an attack on someone's record or remarks is words, not
force, one on a town force; "called on" someone that asks them for nothing is no request (the floor
given to a questioner). Each function takes the trigger's spaCy ``Token``."""

from __future__ import annotations

from sitroom.extract.event_words import actor_like, scene_name


def at_words(tok, verbal: frozenset[str], force: frozenset[str]) -> bool:
    """An attack aimed at someone's words, record or stance (``verbal``: such nouns, data/plover.yaml
    ``verbal_targets``): "attacked her record on guns", "attacks on Ostrom's remarks", "attacked the
    administration's record" (an owner that is someone, not one of the words of ``force``: not "the army's
    positions")."""
    aimed = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    aimed += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
              for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in verbal
               and any(_someone(c, force) for c in o.children if c.dep_ == "poss") for o in aimed) \
        or _with_words(tok)


_MOCKING = frozenset({"mock", "ridicule", "deride", "taunt", "insult", "lampoon", "belittle"})
"""Words an attack is made of (not "saying", "calling": "attacked the town, calling it a stronghold")."""


def _with_words(tok) -> bool:
    """An attack told with the words it was made of: "continued his assault on X, mocking his ..." (its
    verb's or its light verb's participle)."""
    verbs = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [])
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in _MOCKING
               for v in verbs for c in v.children)


def on_a_scene(tok) -> bool:
    """An act of force aimed at, or named by, a town ("attacks on Marlova", "strikes against Marlova",
    "the Vexley attacks"): words are seldom aimed "on" a place that is no state (but "attacked Baltimore
    in tweets", "attacks on Wall Street" are words: no direct object, no site)."""
    return any(scene_name(c, modifier=True) for c in tok.children if c.dep_ == "compound") or any(
        scene_name(g) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children if g.dep_ == "pobj")


def _someone(owner, force: frozenset[str]) -> bool:
    if owner.lower_ in force or owner.lemma_.lower() in force or owner.ent_type_ in ("GPE", "LOC", "NORP"):
        return False
    return owner.pos_ in ("PRON", "PROPN") or actor_like(owner)


def called_on(verb) -> str | None:
    """The sense of "called on X" (``verb`` is "called" with "on" right after it): ``REQUEST`` when it asks
    for something (a clause, "to resign", however the parser hangs it, or "for" a thing, on the verb or
    on X), else None: one given the floor ("called on a reporter in the back row") or visited."""
    objects = [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    asks = any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") or (
        c.dep_ in ("acl", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ == "mark" for a in c.children))
        for h in [verb] + objects for c in h.children)
    return "REQUEST" if asks else None
