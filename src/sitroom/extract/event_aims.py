"""What an act is aimed at decides its sense: an attack on someone's record or remarks is words, not
force; "called on" someone that asks them for nothing is no request (the floor given to a questioner).
Each function takes the trigger's spaCy ``Token``."""

from __future__ import annotations

from functools import cache

from sitroom.data import load as load_data


@cache
def _verbal_targets() -> frozenset[str]:
    return frozenset(load_data("plover.yaml")["verbal_targets"])


def at_words(tok) -> bool:
    """An attack aimed at someone's words, record or stance: "attacked her record on guns", "attacks on
    Ostrom's remarks" (an owner named or a person: not "the army's positions", "their positions")."""
    aimed = [c for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
    aimed += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
              for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in _verbal_targets()
               and any(_someone(c) for c in o.children if c.dep_ == "poss") for o in aimed)


def _someone(owner) -> bool:
    return owner.lower_ in ("his", "her", "my", "your") or (
        owner.pos_ == "PROPN" and owner.ent_type_ not in ("GPE", "LOC", "NORP"))


def called_on(verb) -> str | None:
    """The sense of "called on X" (``verb`` is "called" with "on" right after it): ``REQUEST`` when it asks
    for something (a clause, "to resign", however the parser hangs it, or "for" a thing, on the verb or
    on X), else None: one given the floor ("called on a reporter in the back row") or visited."""
    objects = [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    asks = any(c.dep_ in ("xcomp", "ccomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "for") or (
        c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for h in [verb] + objects for c in h.children)
    return "REQUEST" if asks else None
