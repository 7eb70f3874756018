"""What an act of asking or promising is about, as the event's mode: "called for sanctions" asks for a
SANCTION, "promised to provide aid" promises AID (PLOVER codes the act, its mode the act it names)."""

from __future__ import annotations

from sitroom.extract.event_candidates import noun_type, of_chain, verb_type
from sitroom.extract.event_lexicon import lexicon


def asked_mode(verb) -> str | None:
    """The type of the act a verb of asking asks for by a noun ("demanded an apology": concede, "called
    for sanctions": sanction), as a mode; None when it names none."""
    lex = lexicon()
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children if g.dep_ == "pobj"]
    kind = next((k for n in nouns if (k := noun_type(of_chain(n, lex), lex)) and k != "REQUEST"), None)
    return kind.lower() if kind else None


def promise_of(verb) -> str | None:
    """What "promised to provide aid" promises or "threatened to boycott" threatens: the type of the
    clause it governs, as a mode."""
    lex = lexicon()
    for inner in (c for c in verb.children if c.dep_ == "xcomp"):
        kind = verb_type(inner, lex)
        if kind is None:
            obj = next((c for c in inner.children if c.dep_ == "dobj"), None)
            kind = noun_type(of_chain(obj, lex), lex) if obj is not None else None
        if kind and kind not in ("AGREE", "THREATEN"):
            return kind.lower()
    return None
