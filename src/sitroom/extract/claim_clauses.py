"""What the clause around a number says of what it measures: the words a careful reader adds to a bare noun.

A count's noun is named with what restricts it, read from the dependency parse: its own modifiers
("3 wells inside the Arbor reserve", "40 people who lost their homes", "5 officials sent to the
border"), else what the clause says it did or underwent ("6 councillors walked out" -> councillors
walking out; "12 people were killed" -> people killed; "Ostrom won 31 seats" -> seats won by
Ostrom; "to free 40 prisoners" -> prisoners to free). A sum or a share with no noun of its own is named by
its clause ("Ostrom spent $5 million on ads" -> amount spent by Ostrom on ads). Verb forms come from
lemminflect (``getInflection``), not from our own suffix rules.

The functions take spaCy tokens of a parsed passage and ``skip``, the token indices of the number's own
phrase, and return the words as one string ("" when the clause adds nothing); they never raise on odd
parses.
"""

from __future__ import annotations

from lemminflect import getInflection

from sitroom.data.names import role_words
from sitroom.extract.claim_text import WHEN, entity_at, inner_hyphen, words

LIGHT = frozenset({"be", "have", "include", "become", "remain", "total", "number", "reach", "contain",
                   "comprise", "make", "do", "get", "see", "seem", "appear", "leave", "put", "hold", "take"})
"""Verbs that say nothing of what they count ("there are 3 reasons", "the city has 40 schools")."""
_LINKING = frozenset({"be", "have", "include", "become", "remain", "total", "number", "contain", "comprise",
                      "seem", "appear", "do"})
"""Of those, the ones that say nothing of what counted things do ("60 families made the journey" does)."""
_MODIFIERS = frozenset({"prep", "relcl", "acl"})
_OBJECTS = frozenset({"dobj", "dative", "prep", "acomp", "oprd", "agent", "attr"})
_SAYINGS = frozenset({"xcomp", "ccomp", "intj"})
"""Said of a subject only ("9 percent say they buy local"): for an object they belong to another verb."""
_GLUED = ("'s", "’s", "n't", "n’t", "'", "’")
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
PRONOUNS = frozenset({"he", "she", "they", "we", "you", "i", "it", "this", "these", "those", "one",
                       "someone", "anyone", "everyone", "somebody", "nobody", "his", "her", "its", "their"})
PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})


def modifiers(noun, skip: range = range(0)) -> str:
    """The words after ``noun`` that restrict it: its prepositional phrases, relative clauses and
    participles ("seats at stake in the vote", "people who lost their homes"), cut at punctuation
    and at ``MAX_WORDS``; none that holds another number (a list or a comparison), the number itself, or
    only a date (the claim's date says when), nor a clause set off by a comma (", which is an outcome":
    it comments, it does not restrict)."""
    kept = [child for child in noun.rights if child.dep_ in _MODIFIERS and not _is_when(child)
            and not _has_number(child, skip) and not any(t.i in skip for t in child.subtree)
            and noun.doc[child.left_edge.i - 1].text != ","]
    return words((t for c in kept for t in c.subtree), skip)


def predicate(noun, skip: range = range(0)) -> str:
    """What the clause says ``noun`` (the counted thing) did or underwent: an active verb as its
    -ing form with its objects ("walking out"), a passive one as its participle ("killed"),
    a verb it is the object of as a participle with its doer ("won by Ostrom") or, when the verb is an
    infinitive, with ``to`` ("for Ostrom to free"). Nothing for light verbs nor when the verb's meaning
    is said of the thing ("were meant to decide")."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "hired 300 workers and 20 engineers": engineers hired too
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() == "be":  # "120 seats are in play"
        return complements(verb, skip, (noun,))
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and noun.head.head.lemma_.lower() not in LIGHT:
        # "across 4 hearings, the auditor spoke out": hearings (auditor spoke out)
        said = clause(noun.head.head, range(noun.head.i, noun.i + 1))
        return f"({said})" if " " in said else ""
    if noun.dep_ == "dobj":
        return done_to(noun, skip)
    light = LIGHT if noun.dep_ != "nsubj" else _LINKING
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in light or verb.i == noun.i:
        return ""
    if noun.dep_ == "nsubj" and verb.tag_ == "VBN" \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "three names mentioned as nominees are ...": a participle the parser made the clause's verb
        return _join([verb.text, _particle(verb), complements(verb, skip, (noun,))])
    if noun.dep_ == "nsubj":
        return _join([_inflect(verb, "VBG"), _particle(verb), complements(verb, skip, (noun,), sayings=True)])
    if noun.dep_ == "nsubjpass":
        if any(c.dep_ in ("xcomp", "ccomp", "oprd", "attr", "acomp") for c in verb.children):
            return ""  # "were expected to", "were meant to": said of them, not done to them
        form = verb.text if verb.tag_ == "VBN" else _inflect(verb, "VBN")
        return _join([form, _particle(verb), complements(verb, skip, (noun,))])
    return ""


_CAUSED = frozenset({"force", "compel", "cause", "lead", "help", "allow", "enable", "get", "make", "push",
                     "drive", "prompt", "oblige", "let"})
"""Verbs whose object does what their infinitive says ("the merger forced the firm to cut 3,000 jobs": jobs
cut by the firm), unlike aims and needs ("Ostrom needed to win 31 seats": seats for Ostrom to win)."""


def done_to(noun, skip: range = range(0), after: int = 0, also=()) -> str:
    """What the verb that takes ``noun`` as its object did to it, as its participle with the doer and the
    verb's other complements ("Ostrom won 31 seats" -> won by Ostrom; "the listing got 9,000 views" ->
    received by listing; "a petition for a recount received 2,000 signatures" -> received by petition for a
    recount; "gave the fund $5 million" -> given by X to the fund); an aim as "for DOER to VERB" ("needed to
    win"), a modal as "to be" ("will save $4 million" -> to be saved by), a need as its participle; a
    pronoun doer as written (lower case: coreference names it later), none before the character ``after``
    (a dateline's town); "the city has 40 schools" -> (city); "" for a light verb with no one named ("the
    1,237 delegates he needs") or when ``noun`` is not a verb's object. ``also``: tokens said with the
    complements ("invested $2 million in repairs": in repairs)."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or lemma in LIGHT and lemma not in _OWNED:
        return ""
    doer = doer_of(verb, pronouns=True)
    if doer is not None and doer.idx < after:
        doer = next((c for c in doer.children if c.dep_ == "appos" and c.idx >= after), None)
    if lemma in LIGHT and (doer is None or doer.lower_ in PERSONAL):
        return ""  # "the 1,237 delegates he needs", "we've got 20,000 employees": held by no one named
    by = _doer_words(doer, skip)
    if lemma == "have":  # "the city has 40 schools": schools (city)
        return f"({by})"
    given = [c for c in verb.children if c.pos_ != "PRON"
             and (c.dep_ == "dative" or c.dep_ == "dobj" and c.i < noun.i)]
    told = [words(c.subtree, skip) if c.pos_ == "ADP" else f"to {words(c.subtree, skip)}"
            for c in given]  # "gave the fund $5 million": given to the fund
    rest = _join([*told, complements(verb, skip, (noun, *given), also=also)])
    form = _OWNED.get(lemma) or (verb.text if verb.tag_ == "VBN" else _inflect(verb, "VBN"))  # ("fined")
    modal = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    if modal and lemma not in _NEEDS:  # "will save $4 million": to be saved by
        return _join(["to be", form, _particle(verb), f"by {by}" if by else "", rest])
    if verb.tag_ == "VB" and lemma not in _NEEDS and verb.dep_ != "ROOT" \
            and verb.head.lemma_.lower() not in _CAUSED:  # "needed to win 31 seats": for Ostrom to win
        return _join([f"for {by}" if by else "", "to", verb.text, _particle(verb), rest])
    return _join([form, _particle(verb), f"by {by}" if by else "", rest])


_PROMISES = frozenset({"promise", "vow", "pledge", "offer", "threaten", "agree", "swear", "refuse"})
"""Verbs whose infinitive their subject does, an object beside them or not ("promised voters to build")."""
_NEEDS = frozenset({"need", "want", "require", "lack"})
"""Verbs whose object is wanted, not done ("he would need 358 delegates": delegates needed by him)."""


_OWNED = {"have": "", "hold": "held", "own": "owned", "get": "received", "take": "taken"}
"""Light verbs that give what they take to their subject ("Ostrom holds 640 seats": seats held by Ostrom;
"the city has 40 schools": schools (city))."""


def _doer_words(doer, skip: range) -> str:
    """A doer as a subject names it: a common noun with its first modifier ("fees from guiding tours"), a
    name as it is, a pronoun in lower case."""
    if doer is None:
        return ""
    if doer.lower_ in PERSONAL:
        return doer.lower_
    return _join([phrase(doer), modifiers(doer, skip) if doer.pos_ == "NOUN" else ""])


PERSONAL = frozenset({"he", "she", "they", "we", "it"})
"""Pronouns that stand for someone named elsewhere: a clause's doer written so is read through
coreference later (``extract.statements``)."""


def clause(verb, skip: range = range(0), after: int = 0) -> str:
    """A sum or share named by the clause it is the object of: who, the verb, and what else it says
    ("Ostrom spent $5 million on ads" -> Ostrom spent on ads); a passive's subject stands for the doer
    ("the tax was cut to 10 percent" -> tax cut). No doer written before the character ``after`` (a
    dateline's town is nobody's doer). "" for a form of "be"."""
    if verb.lemma_.lower() == "be":
        return ""
    doer = doer_of(verb, pronouns=True)
    if doer is None:
        doer = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in PRONOUNS
                     and c.lower_ not in _RELATIVE), None)
    if doer is not None and doer.idx < after:  # "TOWN, May 2 — Norland spent": the town's apposition
        doer = next((c for c in doer.children if c.dep_ == "appos" and c.idx >= after), None)
    return _join([_doer_words(doer, skip), verb.text, _particle(verb), complements(verb, skip, sayings=True)])


def complements(verb, skip: range = range(0), without=(), sayings: bool = False, also=()) -> str:
    """The verb's objects and prepositional phrases after it, in order, without dates, the number's
    own phrase, nor ``without`` (the thing described); what is said ("say they will") only with
    ``sayings``; cut as ``modifiers``."""
    deps = _OBJECTS | _SAYINGS if sayings else _OBJECTS
    kept = [c for c in verb.children if c.dep_ in deps and c.i > verb.i and not _is_when(c)
            and c.lower_ != "according"  # "according to a study": who says so, not what is measured
            and not (c.dep_ == "dative" and c.pos_ == "PRON")  # "giving him 12 seats"
            and not any(c.i == w.i for w in without) and (c.dep_ in _SAYINGS or not _has_number(c, skip))
            and not any(t.i in skip for t in c.subtree)]
    said = [t for c in kept for t in c.subtree if not (t.tag_ in ("WDT", "WP") and t.i < c.i)]
    return words([*said, *also], skip)


def doer_of(verb, pronouns: bool = False):
    """Who does ``verb``, as a noun: its subject, or its governing verb's for an infinitive ("agreed to
    pay"), or the common noun a relative clause or participle hangs on ("donors who give", "donors
    giving"); None for a pronoun (unless ``pronouns``: "he", "she", "they", "we", "it" as they are), for a
    name a relative clause hangs on (parsers often hang it on the nearest name), or when there is none."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]  # the one nearest the verb: a dateline's
        subject = ([c for c in subjects if c.i < verb.i] or subjects or [None])[-1]  # town may be one too
        if subject is not None and subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            named = verb.head.pos_ == "PROPN" and subject.lower_ == "who"  # "Ostrom, who spent"
            subject = verb.head if verb.head.pos_ == "NOUN" or named else None
            return None if subject is None or subject.lower_ in PRONOUNS else subject
        controlled = subject is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in _PROMISES
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None) \
            if controlled else None
        subject = controller if controller is not None else subject  # "forced the firm to cut": the firm
        if subject is not None:
            if pronouns and subject.lower_ in PERSONAL:
                return subject
            unnamed = subject.lower_ in PRONOUNS or subject.lower_ in _RELATIVE \
                or subject.ent_type_ in WHEN or any(t.tag_ == "WRB" for t in subject.lefts)  # "when ..."
            return None if unnamed else subject
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return None if any(t.tag_ == "WRB" for t in verb.head.lefts) else verb.head
        adjunct = verb.dep_ == "advcl" and verb.tag_ in ("VB", "VBG")  # "needed to win", "..., wounding 9"
        adjunct = adjunct or (verb.dep_ == "pcomp" and verb.tag_ == "VBG")  # "rose before slipping to 39"
        if (verb.dep_ not in ("xcomp", "conj") and not adjunct) or verb.head.i == verb.i:
            return None
        verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
    return None


def phrase(tok) -> str:
    """A noun's own words: its left modifiers and compounds (possessors included), without determiners,
    numbers, clauses, appositions or prepositional phrases; a name whole ("Friends of the Vexley Canal"), and
    for a role word the person it names ("President of Marlova Karl Ostrom")."""
    if tok is None:
        return ""
    case = [c for c in tok.rights if c.dep_ == "case"]  # "Ostrom 's"
    name = entity_at(tok) if tok.pos_ == "PROPN" else None
    if name is None and tok.lower_ in role_words():
        own = {t.i for t in tok.subtree} - {t.i for c in tok.children if c.dep_ in ("relcl", "acl")
                                             for t in c.subtree}
        name = next((e for i in sorted(own) if i > tok.i and (e := entity_at(tok.doc[i])) is not None
                     and e.label_ == "PERSON" and e.start == i and all(t.i in own for t in e)), None)
    if name is not None and name.label_ not in WHEN and not any(t.like_num for t in name):
        case = [c for c in case if not name.start <= c.i < name.end]
        return _join([name.text.removeprefix("the ").removeprefix("The "), *(c.text for c in case)])
    kept = {s for left in tok.lefts if left.dep_ not in ("det", "punct", "predet", "cc", "preconj")
            and not any(x.like_num for x in left.subtree) for s in left.subtree
            if (not s.is_punct or inner_hyphen(s)) and s.dep_ != "det"}  # "all-or-nothing"; "the survey's"
    return words(sorted({*kept, tok, *case}, key=lambda t: t.i), limit=False) or tok.text


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if not part:
            continue
        glued = part in _GLUED or not text
        text += part if glued else " " + part
    return text


def _particle(verb) -> str:
    return " ".join(c.text for c in verb.children if c.dep_ == "prt")


def _is_when(tok) -> bool:
    """A date or time phrase: the token, or the object of the preposition, is one ("on Sunday")."""
    head = next((c for c in tok.children if c.dep_ == "pobj"), tok) if tok.dep_ == "prep" else tok
    return head.ent_type_ in WHEN


def _has_number(tok, skip: range) -> bool:
    return any(t.like_num and t.i not in skip and t.ent_type_ not in WHEN for t in tok.subtree)


def _inflect(verb, tag: str) -> str:
    forms = getInflection(verb.lemma_.lower(), tag=tag)
    return forms[0] if forms else verb.text
