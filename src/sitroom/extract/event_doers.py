"""Who did it: the doer of an event trigger from the dependency parse, through control verbs ("forced
the firm to settle"), relative clauses, reported pronouns ("Hungary said it will ..."), gerunds with an
owner ("X's targeting of Y") and the parser's misreadings of lists and subordinate clauses; and the owner
an argument stands for ("X's efforts", "both of X's rivals")."""

from __future__ import annotations

from sitroom.coref.gender import NOUN_GENDER, PRONOUN_GENDER, name_gender
from sitroom.data.names import group_nouns
from sitroom.extract.event_lexicon import lexicon
from sitroom.extract.event_words import actor_like
from sitroom.nlp.clauses import subject_holder

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
"""Dependency labels of a clause's subject."""


OWN = {"its", "their", "his", "her", "our"}
"""Possessive pronouns that make a thing the doer's own ("withdrew its troops")."""


_QUANTIFIERS = {"both", "all", "some", "many", "most", "several", "few", "none", "each", "one", "two",
                "three", "any", "either", "neither", "dozens", "hundreds", "thousands", "millions"}


def owner_or_self(obj, depth: int = 0):
    """"X's efforts", "party efforts", "a convoy of the relief agency", "every facet of X's life" (one
    ``of`` deeper; ``depth``: how deep this call is): the owner is the one acted on; "both of X's
    rivals": the rivals."""
    if obj.lower_ in _QUANTIFIERS:
        part = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
        if part is not None:
            return owner_or_self(part)
    if actor_like(obj):
        return obj
    owner = next((c for c in obj.children if (c.dep_ == "poss" and actor_like(c) and c.lower_ not in OWN)
                  or (c.dep_ == "compound" and (c.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
                                                or c.pos_ == "PROPN"))
        or (c.dep_ == "amod" and c.ent_type_ == "NORP")),  # "an Indian proposal": India's
                 None) or next(
        (g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
         for g in c.children if g.dep_ == "pobj" and (g.ent_type_ or actor_like(g))), None)
    if owner is None and depth < 1 and obj.lemma_.lower() not in lexicon().nouns:
        # "every facet of X's life": X's (not "criticism of X's comments": of X, the criticism is)
        inner = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        deeper = owner_or_self(inner, depth + 1) if inner is not None else None
        # (a people's adjective there is no owner: "the use of the Russian language", "the fate of
        # Palestinian offices"; a name is: "part of a Karen guerrilla stronghold")
        owner = deeper if deeper is not inner and actor_like(deeper) and deeper.dep_ != "amod" else None
    return owner if owner is not None else obj


def own_clause(subject) -> bool:
    """A subject coordinated with another that carries a finite verb of its own (a misparse)."""
    return any(c.dep_ == "conj" for c in subject.children) and any(
        c.dep_ == "acl" and c.tag_ == "VBD" for c in subject.children)


def gerund_owner(verb):
    """ "condemned X's targeting of Y": X does the targeting, whoever condemns it (the parser may hang
    the owner on the governing verb as its object, its "'s" just before the gerund)."""
    if verb.tag_ != "VBG":
        return None
    owner = next((c for c in verb.children if c.dep_ == "poss"), None)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if owner is None and before is not None and before.dep_ == "case" and before.head.i < verb.i:
        owner = before.head
    return owner if owner is not None and actor_like(owner) else None


def agrees(pronoun, doer) -> bool:
    """ "his"/"her" stand for a person, not a body; "its" for a body; "their" for either."""
    body = doer.ent_type_ in ("ORG", "GPE", "NORP") or doer.lower_ in group_nouns() \
        or doer.lemma_.lower() in ("group", "organization", "organisation")
    if pronoun.lower_ in ("his", "her"):  # ("the Clintons ... his attacks": not theirs; "his wife": not hers)
        wanted = PRONOUN_GENDER[pronoun.lower_]
        named = name_gender(" ".join(t.text for t in doer.subtree if t.ent_type_ == "PERSON")) \
            if doer.ent_type_ == "PERSON" else None  # (not "After his suspension, Lena Berg replaced him")
        return not body and doer.tag_ not in ("NNS", "NNPS") \
            and NOUN_GENDER.get(doer.lemma_.lower(), wanted) == wanted and named in (None, wanted)
    return pronoun.lower_ != "its" or doer.ent_type_ != "PERSON"


ACTING_TEXTS = frozenset({"resolution", "motion", "statement", "declaration", "letter", "communique",
                          "communiqué", "petition", "bill", "measure", "amendment", "memo", "ad",
                          "advertisement", "video", "op-ed", "editorial"})
"""Texts that do what they say for their authors ("a resolution condemning X", "a letter urging Y")."""

_AUTHORING = frozenset({"approve", "adopt", "pass", "ratify", "issue", "send", "sign", "publish", "release",
                        "write", "draft", "sponsor", "table", "air", "run", "introduce", "file", "unveil",
                        "post", "pen", "deliver", "launch", "start", "circulate", "organize", "organise"})
"""Verbs whose subject (or agent) is the author of the text they take ("approved a resolution")."""


def text_author(verb):
    """The author of the text a participle clause hangs on ("the council approved a resolution
    condemning X", "a letter urging Y was sent by X"): the subject or agent of the verb that adopts,
    issues or sends the text; ``None`` for another verb ("vetoed a bill sanctioning X": not the vetoer's).
    """
    text = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or text.lemma_.lower() not in ACTING_TEXTS \
            or text.head.lemma_.lower() not in _AUTHORING:
        return None
    if text.dep_ == "dobj":
        return doer_of(text.head)
    if text.dep_ == "nsubjpass":
        return next((g for c in text.head.children if c.dep_ == "agent" for g in c.children
                     if g.dep_ == "pobj"), None)
    return None


def doer_of(verb):
    """The doer: the verb's subject, or its governor's ("X ordered to mobilize", "X, which attacked")."""
    tok = verb
    for _ in range(4):
        # the subject nearest the verb: a misparse may hang a heading off it as a second subject
        subject = next((c for c in reversed(list(tok.lefts)) if c.dep_ in SUBJECTS), None) or next(
            (c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
                return named(tok.head)
            if subject.lower_ in _REPORTED_PRONOUNS:
                reporter = _reporter(tok)  # ("it" or "they" is no one person who said it)
                return reporter if reporter is not None and (
                    subject.lower_ == "we" or reporter.ent_type_ != "PERSON") else subject
            return subject
        subordinator = next((g for c in tok.children if c.dep_ == "prep" and c.i < tok.i
                             and c.lower_ in ("after", "before", "since", "until", "once")
                             for g in c.children if g.dep_ == "pobj" and actor_like(g)), None)
        if subordinator is not None and tok.tag_ == "VBD":
            return subordinator  # "after X, responding to Y, dropped ... and agreed": X (a misparse)
        misread = _misread_clause_subject(tok) if tok.dep_ == "advcl" and tok.tag_ == "VBD" else None
        if misread is not None:
            return misread  # "... grew louder as X, Y's daughter, attacked Z": X (not the main subject)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and actor_like(tok.head):
            return tok.head  # "a sniper targeting and killing five officers": the sniper
        if tok.dep_ == "acl" and tok.tag_ == "VBD" and actor_like(tok.head):
            return tok.head  # "a group of rabbis called for a boycott, and ...": a finite verb misparsed
        author = text_author(tok)
        if author is not None:
            return author  # "X approved a resolution condemning Y": X condemns Y
        if tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "attr":
            tok = tok.head.head  # "X turned out to be the first official to meet Y": X met Y
        elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _OBJECT_CONTROL and (
                obj := next((c for c in tok.head.children if c.dep_ == "dobj" and actor_like(c)), None)):
            return obj  # "forced the firm to settle": the firm settled
        elif tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl", "acomp") and tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                return named(tok.head)
            tok = subject_holder(tok) if tok.dep_ == "conj" else tok.head
        else:
            break
    return None


_REPORTED_PRONOUNS = {"it", "they", "we"}


_OBJECT_CONTROL = frozenset({"force", "compel", "order", "urge", "persuade", "push", "pressure", "convince",
                             "allow", "permit", "tell", "require", "invite", "encourage", "enable", "lead",
                             "cause", "instruct", "direct", "authorize", "authorise", "forbid", "prompt",
                             "inspire", "drive", "oblige", "coerce", "press", "get", "ask", "warn", "advise",
                             "remind", "beg", "implore", "caution"})
"""Verbs whose object does what their clause tells ("forced the firm to settle": the firm settled)."""


def named(noun):
    """The name a description stands beside: "Mr. X, a longtime strategist who ..." is X."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # "a strategist and lobbyist who"
    if noun.dep_ == "appos" and noun.pos_ in ("NOUN", "PROPN") and noun.head.pos_ == "PROPN":
        # ("Murphy, a Jupiter Democrat who")
        return noun.head
    return noun


_CONJUNCTIONS = frozenset({"as", "while", "when", "after", "before", "since", "until", "because", "once"})


def _misread_clause_subject(verb):
    """The subject of a clause the parser split: a conjunction read as a preposition of the main verb,
    its "object" the clause's subject, right before the clause's own verb ("as X, Y's daughter,
    attacked")."""
    for prep in list(verb.head.children) + list(verb.children):
        if prep.dep_ in ("prep", "mark") and prep.lower_ in _CONJUNCTIONS and prep.i < verb.i:
            subject = next((g for g in prep.children if g.dep_ == "pobj" and actor_like(g)), None)
            if subject is not None and all(t.is_punct for t in verb.doc[subject.right_edge.i + 1 : verb.i]):
                return subject
    return None


def _reporter(tok):
    """ "Hungary has said it will support ...": the pronoun is the one who said it."""
    for ancestor in [tok] + list(tok.ancestors)[:2]:
        if ancestor.dep_ == "ccomp":
            subject = next((c for c in ancestor.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return subject
    return None

