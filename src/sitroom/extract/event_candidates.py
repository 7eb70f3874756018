"""Event candidates of a sentence: verbs of the lexicon, light verbs with an event noun as their
object ("held talks", "offered help"), and event nouns that name their actors ("Norway's offer of flood
relief", "the talks between X and Y"), each with its PLOVER type in context (data/plover.yaml)."""

from __future__ import annotations

from sitroom.extract.event_lexicon import Lexicon, lexicon
from sitroom.extract.event_nouns import preps_of, undergoer
from sitroom.extract.event_senses import sensed
from sitroom.extract.event_status import demanded_by
from sitroom.extract.event_words import actor_like

_LIGHT_NOUNS = {"offer", "promise", "pledge", "plan", "proposal", "readiness", "agreement"}
"""Nouns whose "of" right after them names what they offer or promise ("Norway's offer of flood relief";
not "the decision of the court": who decided)."""


def triggers(sent) -> list[tuple[str, object, object]]:
    """``(type, governing token, event noun or None)`` for every trigger in a sentence."""
    lex = lexicon()
    out = []
    taken: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.i in taken:
            continue
        kind = verb_type(tok, lex)
        kind = sensed(kind, tok) if kind else None  # "recalled the day", "released a statement": none
        if kind is None and demanded_by(tok) is not None:
            kind = "REQUEST"  # "X said Y must return the helicopter": whatever Y must do, X demands it
        if kind:
            out.append((kind, tok, None))
            taken.add(tok.i)
            continue
        if any(f in lex.light for f in verb_forms(tok)):
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")):
                obj = of_chain(obj, lex)  # "provide 25,000 tons of food aid"
                kind = noun_type(obj, lex)
                if kind and tok.lemma_.lower() == "have" and kind not in _HAD:
                    kind = None  # "had a policy of deportation", "has the support of": no act
                kind = sensed(kind, obj) if kind else None  # "held a campaign rally": no protest
                if kind:
                    out.append((kind, tok, obj))
                    taken.update({tok.i, obj.i})
                    break
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken or tok.ent_type_:
            continue
        kind = noun_type(tok, lex)
        carrier = tok
        if kind is None and tok.lemma_.lower() in _LIGHT_NOUNS:  # "Norway's offer of flood relief"
            inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          and c.i == tok.i + 1 for g in c.children if g.dep_ == "pobj"), None)
            kind = noun_type(inner, lex) if inner is not None else None
            if kind:
                taken.add(inner.i)
        kind = sensed(kind, carrier) if kind else None  # "his attacks on her record": verbal
        if kind and (_standalone(carrier) or definite(carrier)) and carrier.lower_ not in lex.stative:
            out.append((kind, carrier, carrier))
            taken.add(tok.i)
    return out


_HAD = frozenset({"CONSULT", "SUPPORT"})
"""What "have" can be the light verb of: "had talks with X", "had the backing of X"."""


_ABSTRACTIONS = frozenset({"policy", "idea", "notion", "history", "record", "culture", "pattern", "practice",
                           "philosophy", "doctrine", "habit", "tradition"})


def of_chain(tok, lex: Lexicon):
    """The event noun behind a measure: "tons of aid", "a package of sanctions" (not behind an
    abstraction: "a policy of deportation" names no act)."""
    if noun_type(tok, lex) or tok.lemma_.lower() in _ABSTRACTIONS:
        return tok
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if noun_type(obj, lex):
                return obj
    return tok


def verb_type(tok, lex: Lexicon) -> str | None:
    if tok.lemma_.lower() in lex.designation and any(
            t.lower_ in lex.designated for t in tok.subtree if t.i > tok.i):
        return "SANCTION"
    options = next((lex.verbs[f] for f in verb_forms(tok) if f in lex.verbs), None)
    if not options:
        return None
    around = {w for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "attr")
              for w in (c.lemma_.lower(), c.lower_)}
    for kind, rest in options:
        if not rest or all(w in around for w in rest.split()):
            return kind  # "hand over aid" needs both "over" and "aid"
    return None


_INFLECTIONS = (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))


def verb_forms(tok) -> list[str]:
    """The lemma, and the word with its inflection stripped where the small model's lemma is off
    ("staged" -> lemma "stag", form "stage")."""
    word = tok.lower_
    forms = [tok.lemma_.lower(), word]
    for ending, base in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: -len(ending)] + base)
    return forms


def noun_type(tok, lex: Lexicon) -> str | None:
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "the first week of March": a month, no march
    lemma = tok.lemma_.lower()
    for mod in (c for c in tok.children if c.dep_ in ("amod", "compound")):
        kind = lex.nouns.get(f"{mod.lower_} {tok.lower_}") or lex.nouns.get(f"{mod.lower_} {lemma}")
        if kind:
            return kind
    found = lex.nouns.get(tok.lower_) or lex.nouns.get(lemma)
    if found is None and lemma in lex.carriers:  # "a mediation effort", "a peace mission"
        found = next((lex.nouns[m.lemma_.lower()] for m in tok.children
                      if m.dep_ in ("compound", "amod") and m.lemma_.lower() in lex.nouns), None)
    return found


def _standalone(tok) -> bool:
    """An event noun that names its actors: "Norway's offer", "talks between X and Y", "criticism from
    X"."""
    has_actor = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_) or (
        c.dep_ == "amod" and c.ent_type_ == "NORP") for c in tok.children)  # "Ruritanian riots"
    has_between = any(c.dep_ == "prep" and c.lower_ in ("between", "with", "against", "of", "by")
                      and any(g.ent_type_ for g in c.subtree) for c in tok.children)
    if has_actor or has_between:
        return True
    # "came under attack from X", "faced criticism from rivals", "the target of attacks by rebels": one
    # who undergoes it and one who does it (a noun with a doer alone is too often no one happening)
    doers = [g for c in preps_of(tok) if c.lower_ in ("by", "from") for g in c.children
             if g.dep_ == "pobj" and actor_like(g)]
    undergone = undergoer(tok) if doers else None
    return undergone is not None and actor_like(undergone)


def definite(tok) -> bool:
    """ "The talks will resume": an event noun with "the" acting in its clause, one the text has told
    of before (extract/event_records.py gives it that event's participants)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
