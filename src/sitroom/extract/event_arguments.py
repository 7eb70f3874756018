"""Who did it and to whom: an event trigger's source and target from the dependency parse, through
passives, relative clauses, conjunctions and "ordered to mobilize" chains."""

from __future__ import annotations

from sitroom.extract.event_candidates import verb_type
from sitroom.extract.event_doers import (
    OWN,
    SUBJECTS,
    doer_of,
    gerund_owner,
    named,
    own_clause,
    owner_or_self,
)
from sitroom.extract.event_lexicon import JUDGING, lexicon
from sitroom.extract.event_nouns import TARGET_PREPS, clause_targets, noun_arguments
from sitroom.extract.event_words import actor_like, circumstance, expand, people_noun, relative_antecedent


def arguments(head, noun, verb) -> tuple[list, list]:
    if verb is None:  # a standalone noun: "Chile's offer of aid to X", "talks between A and B"
        return noun_arguments(head)
    picked = _picked(verb)
    if picked is not None:
        return picked
    subject = gerund_owner(verb) or doer_of(verb)
    sources, targets = [], []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    undergoer = None
    if not passive and verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children):
        if verb.dep_ == "acl":  # "20 students killed at the school": the students were killed
            undergoer = named(verb.head)  # ("the X Fund, a super PAC financed by Y": the Fund)
        else:  # "children are beaten, chained or attacked": every verb of the chain is passive
            tok = verb
            while tok.dep_ in ("conj", "advcl") and tok.head.tag_ == "VBN" and tok.head.i != tok.i:
                tok = tok.head
            undergoer = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) if tok is not verb \
                else None
            if undergoer is None and verb.dep_ == "conj" and subject is not None and any(
                    c.dep_ == "auxpass" for c in verb.children):
                undergoer = subject  # "X cited the floods ... and was roundly criticized": X was
    if undergoer is not None:
        passive = True
        targets = [owner_or_self(undergoer)]
    elif passive:  # ("X, who has been endorsed by Y": X)
        targets = [owner_or_self(named(relative_antecedent(c))) for c in verb.children
                   if c.dep_ == "nsubjpass"]
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        sources = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
        targets += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                    for g in c.children if g.dep_ == "pobj" and not _occasion(c, g) and not circumstance(c)]
        # ("relations were established with X"; not "was attacked by X at the convention")
    elif noun is not None and _own_actor(noun):
        sources = [_own_actor(noun)]  # "the inquiry renewed Republican calls for X": the Republicans'
    elif subject is not None and verb.head.i != subject.i and own_clause(subject):
        # "a group of rabbis called for a boycott, and the league denounced X": the parser joined two
        # clauses' subjects; the one with no verb of its own did it
        sources = [next(c for c in subject.children if c.dep_ == "conj")]
    elif subject is not None:
        sources = [owner_or_self(subject)]  # "thousands of farmers marched": the farmers
    if not passive:
        targets = [t for t in _targets(verb, noun) if actor_like(t)]
        if verb.lemma_.lower() in lexicon().commitment or not targets:
            # "agreed to provide aid to X", "threatened to cut ties with X"
            for inner in (c for c in verb.children if c.dep_ == "xcomp"):  # (but not "to win delegates":
                targets.extend(t for t in _targets(inner, None) if actor_like(t) and (  # only "sell it to X")
                    t.head.lower_ in ("to", "with") or verb_type(inner, lexicon()) is not None))
        if not targets and verb.lemma_.lower() not in lexicon().commitment:
            # "marched to demand reforms by X", "struck in protest of X's decision" (a promise's is above)
            targets = [t for t in _purpose_targets(verb) if actor_like(t)]
        if not targets and verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
                c.dep_ in SUBJECTS for c in verb.children) and verb.head.lemma_.lower() in _TELLING:
            # "wrote to the firm's chief executive, threatening a lawsuit": the one written to
            targets = [o for c in verb.head.children for o in (
                [c] if c.dep_ in ("dobj", "dative") else
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "to" else [])
                if actor_like(o)]
        if not targets:  # "allowed X to hold a rally": who is let, made or asked to act
            targets = [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for g in c.children if g.dep_ == "nsubj" and actor_like(g)]
        if not targets:  # "imposed a curfew in X", "refused to deploy monitors in X": the place
            verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
            holders = verbs + [o for v in verbs for o in v.children if o.dep_ == "dobj"]
            targets = [g for v in holders for c in v.children if c.dep_ == "prep" and c.lower_ == "in"
                       for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and subject is not None and verb.head.i == subject.i:
        return [s for s in sources if s.i <= subject.i], expand(targets)  # not the conjunct with its own verb
    return expand(sources), expand(targets)


_TELLING = frozenset({"write", "tell", "call", "send", "address", "phone", "email", "text", "message",
                      "contact", "inform", "notify", "telephone"})


_PURPOSE_NOUNS = {"protest", "response", "retaliation", "defiance", "opposition", "support", "solidarity",
                  "call", "meeting", "conversation", "talks", "session", "interview"}
"""Nouns of a phrase that tells whom an act was aimed at or done with: "in protest of X", "in a call
with X"."""


_ASKING = frozenset({"REQUEST", "PROTEST"})


def _purpose_targets(verb) -> list:
    """Whom an act is aimed at, told by its purpose: "staged rallies to demand reforms by X", "calling for
    independence from X", "a hunger strike in protest of X's refusal"."""
    found = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    meeting = _kinds(verb) == {"CONSULT"}
    for clause in (c for n in [verb] + objects for c in n.children if c.dep_ in ("advcl", "xcomp", "acl")):
        # (a purpose: "rallied to protest X's law", "will fight to destroy X", but a meeting's is its
        # agenda, "meets to choose envoys"; what an object says: "approved a law recognizing X"; a
        # participle of the act that asks: "marched, calling for X's removal", not "agreed, praising X":
        # a second act)
        if (any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) and not meeting) or (
                clause.tag_ == "VBG" and (clause.head.i != verb.i or _kinds(clause) & _ASKING)):
            found.extend(_targets(clause, None))
    for prep in (c for n in [verb] + objects for c in n.children
                 if c.dep_ == "prep" and c.lower_ in ("in", "as", "during")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _PURPOSE_NOUNS):
            found.extend(owner_or_self(g) for c in noun.children if c.dep_ == "prep"
                         and c.lower_ in ("of", "against", "to", "with", "between")
                         for g in c.children if g.dep_ == "pobj")
    return found


def _targets(verb, noun) -> list:
    """Objects and prepositional objects of a verb, and those of its object noun ("aid to X")."""
    holder = noun if noun is not None else verb
    skip = noun.i if noun is not None else -1
    found = []
    objects = [relative_antecedent(c) for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != skip]
    objects = [next((g for g in c.children if g.dep_ == "pobj"), c) if c.pos_ == "ADP" else c
               for c in objects]  # "sell it to X": the parser's dative is the preposition
    subject = doer_of(verb)
    for obj in objects:
        other = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("his", "her")
                      and subject is not None and owner_or_self(subject).tag_ in ("NNS", "NNPS")), None)
        if other is not None:  # "his rivals criticized his handling": his is not theirs
            found.append(other)
            continue
        possessor = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in OWN), None)
        if (possessor is not None and obj.lemma_.lower() not in _OTHERS and not people_noun(obj)) or (
                verb.lemma_.lower() in _MOVING and obj.lemma_.lower() in _FORCES):
            if possessor is not None and possessor.lower_ in ("his", "her", "their") \
                    and _kinds(verb) & JUDGING and not any(c.lower_ == "own" for c in obj.children):
                found.append(possessor)  # "mocked his tough talk": his, unless he mocked himself (the
                # record drops a target who is its source: extract/event_records.py)
            continue  # "withdrew its troops", "deployed peacekeepers": the doer's own, no target
        found.append(owner_or_self(obj))
    # ("slammed X's proposed ban on Y": X's ban is X's business, what it would do to Y is its content)
    nouns = [holder] + [o for o in objects if o.i != holder.i and (
        (owner := owner_or_self(o)) is o or not actor_like(owner))] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into") and _kinds(verb) & _JOINT
        for g in c.children if g.dep_ == "pobj" and lexicon().nouns.get(g.lemma_.lower()) in _JOINT]
    # ("agreed to a settlement with X": X; not "praised Y in a meeting with X")
    for prep in (c for n in [verb] + nouns for c in n.children if c.dep_ in ("prep", "prt")):
        if prep.lower_ == "about" and prep.head.i == verb.i and "ACCUSE" in _kinds(verb):
            found.extend(o for g in prep.children if g.dep_ == "pobj"  # "complained about X attending"
                         for o in [owner_or_self(g)] if actor_like(o))
        elif prep.lower_ == "out":  # "pull out of NATO"
            found.extend(owner_or_self(g) for c in prep.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE", "NORP"))
        elif prep.lower_ in TARGET_PREPS and not (
                prep.lower_ == "for" and prep.head.lemma_.lower() in _FOR_WHY) and not circumstance(prep):
            # "raids on rebel positions": the rebels'; "calling on X"; "X, with whom he clashed": X (not
            # "attacked him at the convention", "hosted activists at house parties": where it happened;
            # not "apologized for his aide's remark", "called for a special prosecutor": why, what)
            found.extend(owner_or_self(relative_antecedent(g)) for g in prep.children if g.dep_ == "pobj"
                         and not _occasion(prep, g)
                         and not (prep.lower_ == "at" and g.lemma_.lower() in _BEHESTS)
                         and not (prep.lower_ in ("on", "at") and _kinds(verb) == {"CONSULT"}
                                  and g.ent_type_ != "PERSON")  # ("met X on Capitol Hill": where)
                         and not (prep.lower_ == "to" and any(actor_like(o) for o in objects)
                                  and g.lemma_.lower() in _GATHERINGS)
                         and g.lemma_.lower() not in _TIMES)  # ("on the eve of X's address": when; "invited
            # X to a Vexley rally": X, not Vexley; but "gave cash to the Vexley convention")
        elif prep.lower_ == "of" and noun is None and prep.head.i == verb.i and gerund_owner(verb):
            # "X's targeting of journalists": the journalists
            found.extend(o for g in prep.children if g.dep_ == "pobj"
                         for o in [owner_or_self(g)] if actor_like(o))
        elif prep.lower_ == "of" and noun is not None and prep.head.i == noun.i:
            # "gave an endorsement of X", "conducted the investigation of X's email use", "made the same
            # demands of the candidates": X, them
            found.extend(o for g in prep.children if g.dep_ == "pobj" for o in [owner_or_self(g)]
                         if o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or actor_like(o))
    if verb.lemma_.lower() in ("help", "let", "make"):  # "refused to help him do so": him
        found.extend(g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                     for g in c.children if g.dep_ == "nsubj" and actor_like(g))
    if verb.lemma_.lower() in lexicon().verbs_of_asking:  # "demanded that the US cancel the sale"
        found.extend(owner_or_self(g) for c in verb.children if c.dep_ == "ccomp"
                     for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
    doers = [owner_or_self(g) for obj in objects + ([verb] if objects and verb.pos_ == "VERB" else [])
             for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"
             for g in c.children if g.dep_ == "pobj" and actor_like(owner_or_self(g))]
    doers += [owner_or_self(g) for obj in objects if not _set_off(verb, obj) for c in obj.children
              if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
              for g in a.children if g.dep_ == "pobj" and actor_like(owner_or_self(g))]
    if doers:  # "rejected calls by X", "disavowed remarks made by X": X is acted on
        found = [f for f in found if f in objects and actor_like(f)] + doers
    asked = [n for n in nouns + [g for p in verb.children if p.dep_ == "prep" for g in p.children
                                 if g.dep_ == "pobj"] if n.lemma_.lower() in lexicon().verbs_of_asking]
    if not any(actor_like(f) for f in found) and asked:
        # "reiterated its demand that X ease the rules", "insisted on its demands that X ...": X
        found = [t for n in asked for t in clause_targets(n)] or found
    if not found and "ACCUSE" in _kinds(verb):
        found = clause_targets(verb)  # "charged that the police had lied": the police
    return found


_JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})
"""Types of the nouns of what is done with someone ("agreed to a settlement with X", "entered into talks
with X"): their "with" names the other side of the verb's act."""


def _kinds(verb) -> set[str]:
    """The PLOVER types the lexicon gives a verb's lemma."""
    return {kind for kind, _ in lexicon().verbs.get(verb.lemma_.lower(), ())}


def _set_off(verb, obj) -> bool:
    """ "dismissed the labels, a sentiment endorsed by X": a comma sets the object off as a comment on
    the act, not a thing acted on."""
    return any(t.text == "," for t in verb.doc[min(verb.i, obj.i) + 1 : max(verb.i, obj.i)])


_FOR_WHY = frozenset({
    "apologize", "apologise", "apology", "blame", "criticize", "criticise", "praise", "thank",
    "arrest", "punish", "fine", "sue", "charge", "accuse", "condemn", "attack", "call", "ask",
    "push", "press", "demand", "appeal", "congratulate", "slam", "fault", "denounce", "investigate",
    "indict", "jail", "reward", "honor", "honour"})
"""Words after which "for" gives a reason or a thing asked for ("apologized for the remark", "called for
a special prosecutor"), not whom the act is for ("campaigned for X", "aid for X")."""


_BEHESTS = frozenset({"request", "urging", "invitation", "behest", "insistence", "suggestion", "direction",
                      "order", "instruction", "bidding"})
"""What one acts "at" someone's word by ("settled it at X's request"): X asked, X is no target."""


def _occasion(prep, noun) -> bool:
    """ "at the convention", "at a Harbour Square rally": where an act took place, no one it is aimed at."""
    return prep.lower_ == "at" and noun.lemma_.lower() in _GATHERINGS


_GATHERINGS = frozenset({"convention", "conference", "summit", "rally", "party", "meeting", "event",
                         "hearing", "debate", "dinner", "fundraiser", "ceremony", "funeral", "forum",
                         "gathering", "session", "festival", "parade", "reception", "luncheon", "breakfast",
                         "gala"})
"""What "at" names as the occasion of an act, not someone it is aimed at ("at the convention")."""


_TIMES = frozenset({"eve", "day", "morning", "evening", "night", "afternoon", "anniversary", "occasion",
                    "sideline", "sidelines", "heel", "heels", "wake", "run-up", "aftermath", "margin",
                    "margins", "weekend", "week"})


_OTHERS = {"rival", "opponent", "critic", "enemy", "challenger", "foe", "detractor", "accuser", "competitor",
           "adversary", "successor", "predecessor"}
"""Words for someone that one's own possessive does not make one's own business: "sue his rivals"."""


_MOVING = {"deploy", "send", "withdraw", "pull", "station", "move", "mobilize", "mobilise", "evacuate",
           "dispatch", "redeploy", "reinforce", "commit", "contribute"}


_FORCES = {"troop", "force", "soldier", "peacekeeper", "unit", "reservist", "personnel", "army", "warship",
           "jet", "aircraft", "marine", "battalion", "brigade", "contingent", "observer", "monitor"}


def _picked(verb) -> tuple[list, list] | None:
    """ "identified police officers to attack": the officers are to be attacked, by the ones who picked
    them (an infinitive relative clause with no subject or object of its own)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") for c in verb.children):
        return None
    noun = verb.head
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
    if holder.dep_ != "dobj" or holder.head.pos_ not in ("VERB", "AUX"):
        return None
    doer = doer_of(holder.head)
    return expand([owner_or_self(doer)] if doer is not None else []), expand([owner_or_self(noun)])


def _own_actor(noun):
    """The named actor a light verb's event noun carries itself ("Republican calls", "Iran's
    demands"), or None (a pronoun owner is the verb's subject: "X renewed his call")."""
    return next((c for c in noun.children if c.pos_ != "PRON" and (
        (c.dep_ == "poss" and c.ent_type_)
        or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "ORG")))), None)


