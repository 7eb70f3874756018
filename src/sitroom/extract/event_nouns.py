"""Who did it and to whom when the event is a noun standing alone: "Chile's offer of aid to X", "talks
between A and B", "criticism from X", "X came under attack", "X was the target of attacks by Y"."""

from __future__ import annotations

from sitroom.coref.gender import PRONOUN_GENDER, name_gender
from sitroom.extract.event_doers import agrees, doer_of, owner_or_self
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_words import actor_like, conjuncts, expand, names_time, scene_name

TARGET_PREPS = {"with", "to", "against", "on", "into", "toward", "towards", "at", "for", "from", "upon"}
"""Prepositions whose object an act is aimed at or done with."""

RECEIVING = frozenset({"receive", "get", "obtain", "accept", "secure", "win", "gain", "earn", "garner",
                       "attract", "draw", "enjoy", "welcome", "appreciate"})
"""Verbs whose subject is the target of the event named by their object ("won the support of X")."""

FACING = frozenset({"face", "suffer", "endure", "weather", "incur", "invite", "absorb", "withstand",
                    "survive", "brave"})
"""Verbs whose subject undergoes the act their object names ("faced criticism from X")."""

_FENDING = frozenset({"answer", "field", "dismiss", "rebuff", "deflect", "parry", "reject", "rebut", "refute",
                      "counter", "deny", "dispute"})
"""Verbs whose subject fends off criticism aimed at them ("dismissed criticism from X"), but also turns
down what others file ("the judge rejected the complaint"): their object must be words against them."""

_CRITICISM = frozenset({"criticism", "attack", "accusation", "charge", "insult", "jab", "barb", "rebuke",
                        "censure", "condemnation", "taunt", "smear", "slur", "broadside", "swipe"})
"""Words against someone, which the one they are against fends off."""


def _answering(verb, noun) -> bool:
    """One answering an act against them: "hit back at X's criticism", "lashed back at", "responded to
    his attacks" (an owned act; "police responded to the attack by gunmen" answered no attack on them)."""
    lemma = verb.lemma_.lower()
    if lemma in ("hit", "strike", "lash", "fire", "push"):
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    return lemma in ("respond", "reply", "retort") and any(c.dep_ == "poss" for c in noun.children)


_STRIKING = frozenset({"hit", "strike", "target", "hurt", "damage", "wound", "injure", "kill", "rock",
                       "shake", "batter", "sting"})
"""Verbs whose object an act as their subject befalls ("the attack hit X", "the criticism stung X")."""

_AIMED_AT = frozenset({"target", "victim", "object", "subject", "focus", "brunt"})
"""Nouns whose "of" names an act their holder undergoes ("X was the target of attacks by Y")."""

_LEAVING = frozenset({"withdrawal", "retreat", "departure", "exit", "defection", "expulsion", "release",
                      "escape", "flight", "evacuation", "pullout", "removal", "resignation", "deportation",
                      "ouster", "extradition", "return"})
"""Event nouns whose "from" is the place or body left ("withdrawal from X"), not who did it."""

_UNDERGONE = frozenset({
    "assassination", "arrest", "killing", "murder", "detention", "capture", "execution", "kidnapping",
    "abduction", "ouster", "dismissal", "firing", "expulsion", "deportation", "extradition", "rescue",
    "beating", "torture", "imprisonment", "jailing", "shooting"})
"""Event nouns whose person owner undergoes them ("Kennedy's assassination", "his arrest")."""

_INQUIRIES = {"investigation", "probe", "inquiry", "trial", "prosecution", "indictment", "impeachment"}


def noun_arguments(head) -> tuple[list, list]:
    """``(sources, targets)`` of an event noun with no light verb: its owner, "by" and "from" name who did
    it, its other prepositions whom it was aimed at; with none of those, who undergoes it is told by
    the words around the noun (``undergoer``)."""
    lemma = head.lemma_.lower()
    sources = [c for c in head.children if c.dep_ == "poss" or (  # (not "the Paris attacks": where)
        c.dep_ == "compound" and c.ent_type_ and not scene_name(c, modifier=True))
        or (c.dep_ == "amod" and c.ent_type_ == "NORP")]  # "Ruritanian riots"
    targets = []
    undergone = undergoer(head)
    undergone = undergone if undergone is not None and actor_like(undergone) else None
    if lemma in _INQUIRIES:  # "the Ostrom investigation": Ostrom is investigated
        targets = [c for c in sources if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
        sources = [c for c in sources if c not in targets]
    elif lemma in _UNDERGONE:  # "X's assassination", "his arrest": X, he underwent it
        targets = [c for c in sources if c.ent_type_ == "PERSON" or c.lower_ in ("his", "her", "their")]
        sources = [c for c in sources if c not in targets]
    for prep in preps_of(head):
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "between" and objs:
            sources = sources or objs[:1]
            targets.extend(conjuncts(objs[0])[1:] or objs[1:])
        elif objs and (prep.lower_ == "by" or (
                prep.lower_ == "from" and lemma not in _LEAVING and undergone is not None)):
            sources = sources or objs  # "attacks by X", "faced criticism from X"
        elif prep.lower_ == "from" and lemma not in _LEAVING:
            continue  # "the threat from X": X is no target (and, with no one facing it, a danger)
        elif prep.lower_ in ("on", "at") and lexicon().nouns.get(lemma) == "CONSULT":
            continue  # "talks on Vexley", "the meeting on Capitol Hill": a topic or a place
        elif prep.lower_ in TARGET_PREPS | {"of"} and objs and (
                objs[0].ent_type_ or owner_or_self(objs[0]) is not objs[0] or actor_like(objs[0])):
            targets.extend(owner_or_self(o) for o in objs)
        elif prep.lower_ in ("on", "against") and objs and (owner := _other_owner(objs[0], sources)):
            targets.append(owner)  # "Sanders's attack on her qualifications": her
        elif prep.lower_ in ("into", "of") and objs and lemma in _INQUIRIES:
            # "the investigation into her email practices": hers, even by a possessive pronoun
            targets.extend(next((c for c in o.children if c.dep_ == "poss"), o) for o in objs)
    if not targets and undergone is not None and head.head.lemma_.lower() in RECEIVING | FACING:
        # "faced criticism that his campaign ...": the one who faced it, before anyone the criticism's
        # content names (not "dismissed accusations that the campaign broke the law": the campaign)
        targets = [undergone]
    if not targets:
        targets = clause_targets(head)
    if not targets and undergone is not None:
        targets = [undergone]  # "won Ostrom's praise": the winner is praised
    governor = head.head.head if head.dep_ == "pobj" else head.head
    agents = [g for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _MAKING
              for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    if agents:  # "the Vexley debt deal reached by X and Y": X and Y made it, about Vexley
        targets = targets or [c for c in sources if c.dep_ == "compound"]
        sources = agents
    elif [t.pos_ for t in sources] == ["PRON"] and head.dep_ in ("dobj", "nsubjpass", "pobj") \
            and governor.lemma_.lower() not in lexicon().verbs and governor.lemma_.lower() not in _TELLING_OF:
        # "the agency reiterated its demand", "insisted on its demands": the agency (not "a video
        # by the group that cites his call": "his" is no group; not "X mocked her refusal", a
        # reaction to another's act: the pronoun is left to coreference)
        doer = doer_of(governor)
        sources = [doer] if doer is not None and doer.pos_ != "PRON" and agrees(sources[0], doer) \
            else sources
    return expand(sources), expand(targets)


_MAKING = frozenset({"reach", "strike", "sign", "negotiate", "broker", "conduct", "carry", "launch", "stage",
                     "hold", "organize", "organise", "impose", "mount", "make", "issue", "announce",
                     "declare", "commit", "perpetrate", "order", "initiate"})
"""Verbs whose agent made the event its noun names ("the deal reached by X"; not "the meeting requested
by X", "the conference led by X", "the threats posed by X")."""

_TELLING_OF = frozenset({"note", "cite", "mention", "report", "count", "document", "track", "list", "tally",
                         "record", "quote", "survey"})
"""Verbs whose subject tells of another's acts ("the agency noted their endorsements": theirs, not the
agency's; not "describe": "X and Y issued a statement describing their meeting" is theirs)."""


def _aimed(tok) -> bool:
    """A word with an "on" or "against" that is no date: whom an attack is on ("attacks on her record")."""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and not names_time(c) for c in tok.children)


def preps_of(noun) -> list:
    """The prepositions of an event noun, the "from" or "by" of a verb whose subject undergoes it
    ("drew criticism from X": the parser hangs "from X" on "drew"), and the "with" of a "be" it is the
    subject of ("the meetings were with X")."""
    own = [c for c in noun.children if c.dep_ == "prep"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING | FACING | _FENDING:
        own += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    if holder.dep_ == "nsubj" and holder.head.lemma_.lower() == "be":
        # "the talks were with X", "half of her meetings were with donors": X, the donors
        own += [c for c in holder.head.children
                if c.dep_ == "prep" and c.lower_ in ("with", "between", "against")]
    return own


def _other_owner(obj, sources: list):
    """The possessive pronoun owning what an act is aimed at, when it is not the doer's own ("X's attack
    on her record": her; not "his attacks on his critics' record"), else None."""
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")), None)
    if owner is None or any(c.lower_ == "own" for c in obj.children):
        return None
    gender = PRONOUN_GENDER.get(owner.lower_)
    for source in sources:
        if source.lower_ == owner.lower_ or (gender is None and source.tag_ in ("NNS", "NNPS")):
            return None
        if gender is not None and source.ent_type_ == "PERSON" and not _other_gender(source, gender):
            return None  # ("Karl Ostrom's attacks on his record": maybe his own)
    return owner


def _other_gender(person, gender: str) -> bool:
    """A person's name whose gender is known and is not ``gender``."""
    words = " ".join(t.text for t in person.subtree if t.dep_ in ("compound", "flat") or t.i == person.i)
    known = name_gender(words)
    return known is not None and known != gender


_GRANTING = frozenset({"grant", "heed", "answer", "honor", "honour", "fulfil", "fulfill"})
"""Verbs whose subject is the one a request in their object was made to ("granted his request"; anyone
may reject or ignore a request made to another: "senators rejected the president's request")."""

_HEEDING = frozenset({"respond", "reply", "accede", "consent", "yield", "bow", "submit", "comply"})
"""Verbs whose subject is the one a request after their "to" or "with" was made to ("failed to respond to
his request", "complied with the request of X")."""


def _asked_of(noun):
    """The one a request was made to, told by who answers it: the subject of "granted his request",
    "failed to respond to his request", "settled the dispute at his request"; else None. Only for a
    request someone owns ("his", "of X", "from X"): "answered the call of duty" asks no one."""
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from", "by") and any(
        g.dep_ == "pobj" and actor_like(g) for g in c.children)) for c in noun.children)
    if _noun_kind(noun) != "REQUEST" or not owned:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _GRANTING:
        return doer_of(verb)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "with") and verb.lemma_.lower() in _HEEDING:
        return doer_of(verb)
    if noun.dep_ == "pobj" and noun.head.lower_ == "at":  # (the parser may hang "at" on the verb's object)
        acting = next((a for a in noun.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return doer_of(acting) if acting is not None else None
    return None


def undergoer(noun):
    """Who undergoes the act a noun names, told by the words around it: the subject of "won/faced X's
    praise", "came under attack", "was the target of attacks"; the one a request was made to ("granted
    his request"); else None."""
    asked = _asked_of(noun)
    if asked is not None:
        return asked
    verb = noun.head.lemma_.lower()
    if noun.dep_ == "dobj" and (verb in RECEIVING or (verb in FACING and _hostile(noun)) or (
            verb in _FENDING and noun.lemma_.lower() in _CRITICISM)):
        return doer_of(noun.head)  # (not "rejected the deal", "dismissed her request": no one faced those)
    answer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at") else None
    if answer is not None and _hostile(noun) and _answering(answer, noun) \
            and not _aimed(answer) and not _aimed(noun):
        # "chose not to respond to his attacks", "hit back at her critics" (not "respond to his attacks
        # on her record", whose "on" the parser may hang on the verb)
        return doer_of(answer)
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX"):
        return doer_of(noun.head.head)  # "had been under investigation", "came under fire from X"
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _STRIKING and _hostile(noun):
        return next((c for c in noun.head.children if c.dep_ == "dobj"), None)  # "the attack hit X"
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.lemma_.lower() in _AIMED_AT and holder.dep_ == "attr":
        return doer_of(holder.head)
    return None


_HOSTILE_NOUNS = frozenset({"ACCUSE", "ASSAULT", "THREATEN", "COERCE", "SANCTION", "PROTEST"})
"""Types of acts against someone: the hostile types of event_conventions.HOSTILE and words and threats."""


def _hostile(noun) -> bool:
    """An event noun of an act against someone ("criticism", "attacks", "threats")."""
    return _noun_kind(noun) in _HOSTILE_NOUNS


def _noun_kind(noun) -> str | None:
    """The PLOVER type the lexicon gives an event noun, by lemma or as written."""
    nouns = lexicon().nouns
    return nouns.get(noun.lemma_.lower()) or nouns.get(noun.lower_)


def clause_targets(head) -> list:
    """Who a clause under the trigger is about: "the claim that X armed them" -> X; "the refusal
    to prosecute X" -> X."""
    for clause in (c for c in head.children
                   if c.dep_ in ("ccomp", "acl", "xcomp") and c.pos_ in ("VERB", "AUX")):
        if any(m.lower_ == "to" for m in clause.children if m.dep_ == "aux"):
            # "the refusal to condemn X's display of the flag": X
            return [o for c in clause.children if c.dep_ in ("dobj", "dative")
                    for o in [owner_or_self(c)] if actor_like(o)]
        # "complained that Mr. Ostrom's comments were obscuring the message": Ostrom
        return [o for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                for o in [owner_or_self(s)] if actor_like(o)]
    return []
