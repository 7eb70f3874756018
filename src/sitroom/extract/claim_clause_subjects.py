"""Subjects read from a number's clause when its own phrase names none: whose share a share is, what a
margin measures, what the verb says of a sum ("Ostrom spent $5 million on ads" -> Ostrom spent on ads).

The functions take a parsed passage (spaCy ``Doc``) or its tokens and return the subject as a string,
"" when the clause names nothing either; they never raise on odd parses.
"""

from __future__ import annotations

import re

from sitroom.extract import claim_clauses as clauses
from sitroom.extract.claim_clauses import PARTIES
from sitroom.extract.claim_text import NOT_SUBJECTS, core_phrase, entity_at
from sitroom.extract.claim_units import unit_table
from sitroom.nlp.parsed import text_of

__all__ = ["fallback_subject", "holder", "margin"]

_SEPARATING = frozenset({"separate", "divide"})
"""Verbs whose subject is a distance between their objects ("900 km separates the capitals")."""
_PREDICATE = frozenset({"dobj", "dative", "prt", "prep", "attr", "acomp", "oprd"})
"""What a verb says of its subject, without the clauses joined to it."""
_TOTALS = frozenset({"total", "sum", "amount", "tally", "figure"})
_WON = frozenset({"have", "hold", "get", "receive", "win", "take", "notch", "garner", "capture", "draw",
                  "earn", "score", "grab", "poll", "lead", "tie", "stand", "sit", "finish", "remain", "stay",
                  "come", "follow", "trail", "collect", "pull"})
"""Verbs that give a share to their subject ("Ostrom won 46 percent", "Lund trails with 12 percent")."""
_REACHED = frozenset({"reach", "hit", "total", "top", "exceed", "surpass", "average", "equal", "near",
                      "approach"})
"""Verbs whose object is the level their subject is at ("income reached $56,000")."""
_LEVELS = _REACHED | frozenset({
    "range", "hover", "stand", "amount", "climb", "rise", "fall", "drop", "grow", "jump", "increase",
    "decrease", "decline", "soar", "plunge", "slip", "sink", "swell", "shrink"})
"""Verbs whose subject is the measured thing at the level a number gives ("income reached $56,000",
"salaries range from $15 to $26", "the deficit grew to $3 billion")."""
_MOVED = _LEVELS | frozenset({"surge", "slide", "dip", "gain", "move", "go", "fell", "rose", "be"})
"""Verbs of a share that moves or stands: its subject holds the level it moved to ("rose to 42 percent",
"was at 10 percent"), not the change ("the index fell 2 percent")."""


def holder(span) -> str:
    """Whose share a share is, when a name holds it: "Ostrom's 46 percent", "46 percent for Ostrom",
    "Lund led Ostrom 55 percent to 31 percent" (the second is Ostrom's), "Ostrom won 46 percent",
    "Ostrom trails with 12 percent", "Ostrom, who stood at 40 percent". "" when no name does."""
    owner = next((c for t in span for c in t.children if c.dep_ == "poss"), None)
    if owner is not None:
        return _name(owner)
    named = span.doc[span.start - 1] if span.start > span.sent.start else None
    entity = entity_at(named) if named is not None else None
    first = entity.start if entity is not None else named.i if named is not None else 0
    listed = named is not None and named.pos_ == "PROPN" and named.whitespace_ != "" \
        and (first == span.sent.start or span.doc[first - 1].lower_ in (",", "and", "or", ";"))
    if listed:  # "Ostrom 53 percent, Lund 41 percent": a list of names with their shares
        return _name(named)
    root = span.root
    for child in root.rights:  # "46 percent for Ostrom"
        if child.dep_ == "prep" and child.lower_ == "for":
            return _name(next((g for g in child.children if g.dep_ == "pobj"), None))
    if root.dep_ == "pobj" and root.head.lower_ == "to" and _after_a_share(root):
        return _second_party(root)  # "55 percent to 31 percent": the second is the other party's
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "at") and root.head.head.pos_ == "PROPN":
        return _name(root.head.head)  # "Lund at 29 percent", "Ostrom with 20 percent"
    level = root.dep_ == "pobj" and root.head.lower_ in ("with", "at", "to")
    verb = root.head.head if level else root.head
    if (root.dep_ in ("dobj", "npadvmod") or level) and verb.lemma_.lower() in _WON \
            or level and verb.lemma_.lower() in _MOVED:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            or clauses.doer_of(verb)  # "Lund rose to 51 percent and then dropped to 46 percent"
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"), None)
        subject = agent if agent is not None and verb.tag_ == "VBN" else subject  # "followed by Lund at"
        if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = verb.head  # "Ostrom, who stood at 40 percent"
        if verb.lemma_.lower() == "be" and (subject is None or subject.ent_type_ != "PERSON"):
            return ""  # "Ostrom was at 10 percent" is his share; "the Vexley Index was at 3 percent" no one's
        return _name(subject)
    return ""


_RIVALS = frozenset({"dobj", "dative", "nmod", "compound", "npadvmod"})
_AGAINST = frozenset({"over", "against", "ahead", "behind", "than"})


def _after_a_share(root) -> bool:
    """A share written "N percent to M percent": another number before the "to" in its clause, not the
    start of a change ("from 40 percent to 45 percent")."""
    to = root.head
    return any(t.like_num and not any(a.lower_ == "from" for a in t.ancestors if a.i >= to.i - 6)
               for t in root.doc[max(to.head.left_edge.i, to.i - 6) : to.i])


def _second_party(root) -> str:
    """Whose the second share of "Lund led Ostrom 55 percent to 31 percent" is: a name in the "to"
    phrase ("to Ostrom's 39"), else the one the verb names as its object or rival ("led Ostrom", "over
    Ostrom"); "" when the clause names none (never the subject, whose share is the first)."""
    to = root.head
    named = [g for g in to.children if g.dep_ == "pobj" and g.i < root.i and g.pos_ == "PROPN"]
    if named:  # "had 51 percent to Lund's 47 percent"
        return _name(named[-1])
    verb = next((a for a in to.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    rivals = [t for t in root.doc[verb.i + 1 : to.i] if t.pos_ == "PROPN" and not t.like_num
              and (t.dep_ in _RIVALS or t.head.pos_ == "PROPN"
                   or t.dep_ == "pobj" and t.head.lower_ in _AGAINST)]
    return _name(rivals[-1]) if rivals else ""


def _name(tok) -> str:
    if tok is None or tok.pos_ != "PROPN":
        return ""
    return re.sub(r"(?:\s*['’]s?)+$", "", clauses.phrase(tok)).strip()



def margin(counted) -> str:
    """What a margin, multiple or duration measures, from the clause it belongs to: "Ostrom leads Lund
    by 8 points" -> Ostrom leads Lund; "" when the clause names nothing."""
    verb = next((a for a in counted.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() == "be" and subject is not None and subject.lower_ not in clauses.PRONOUNS \
            and subject.lower_ not in NOT_SUBJECTS and subject.tag_ not in ("WDT", "WP", "DT"):
        # "the margin of error for the poll was 6 points"
        return " ".join(w for w in (clauses.phrase(subject), clauses.modifiers(subject)) if w)
    return clauses.clause(verb, range(counted.left_edge.i, counted.i + 1))


_SET = frozenset({"raise", "lower", "cut", "reduce", "increase", "set", "bring", "lift", "boost", "hike",
                  "slash", "fix", "cap", "push", "double", "triple"})
"""Verbs that put their object at a level ("raise the wage to $15": the wage is measured)."""
_FRAMES = frozenset({"excess", "upwards", "upward", "maximum", "minimum", "average", "neighborhood",
                     "neighbourhood", "region", "order", "tune", "range", "level", "mark", "high", "low",
                     "peak", "cap", "ceiling", "threshold", "limit"})
"""Nouns that frame a value rather than name what it measures ("a bill in excess of $80,000", "rates up to
a maximum of 28 percent"): what they hang on is measured."""
_PLACED = frozenset({"invest", "spend", "put", "pour", "sink", "inject", "plow", "plough"})
"""Verbs whose "$N in X" puts the sum into X ("invested $2 million in repairs"), not names its kind."""
_FINDINGS = frozenset({"find", "show", "report", "reveal", "estimate", "identify", "uncover", "record",
                       "count", "tally", "list", "cite", "put", "see"})
"""Verbs whose object's own words say what is measured ("an audit found $12 million in spending")."""
_AMOUNTS = {"share": "share", "money": "amount"}
"""How a sum or share a verb takes as its object is named ("amount raised by Ostrom")."""


def fallback_subject(sdoc, start: int, end: int, dimension: str = "") -> str:
    """When the number's own phrase names nothing, its clause: the participle that describes it ("£300m
    pledged by donors"), the distance a separating verb's objects are apart, what a share that is a subject
    did ("share saying ..."), what a sum that is a subject goes to ("go to repairing bridges"), a relative
    clause on it ("the 2 percent members pledged"), the noun it is "of" ("a target of $8 million"), the
    object put "at" it ("put his approval at 50 percent"), the clause it is the object of with its doer
    ("Norway spent on defence"), else the subject of the verb it depends on; "" when none names it."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    following = sdoc[span.end : span.end + 8]
    amount = _AMOUNTS.get(dimension.partition("_")[0])
    if len(following) and following[0].tag_ == "VBN":  # "£300m pledged by foreign donors"
        done = following[0]
        said = clauses.words([done, *(t for c in done.rights for t in c.subtree)],
                             range(span.start, span.end))
        return " ".join(w for w in (amount, said) if w)
    number = next((t for t in span if t.like_num), span.root)
    verb = next((t for t in number.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    lead = _dateline_end(text_of(sdoc), start)  # a dateline ("TOWN, May 2 — ...") is nobody's
    relative = next((c for c in span.root.children if c.dep_ == "relcl"), None)
    who = next((c for c in relative.children if c.dep_ == "nsubj" and c.lower_ == "who"), None) \
        if relative is not None else None
    said = clauses.predicate(who, range(span.start, span.end)) if who is not None else ""
    if said and dimension == "share":
        return f"share {said}"  # "23 percent who said the plan was fair": share saying the plan was fair
    number = span.root if span.root.dep_ in ("nsubj", "nsubjpass") else number  # "3,120 km separates"
    if number.dep_ in ("nsubj", "nsubjpass") and number.head.i == verb.i and verb.lemma_ in _SEPARATING:
        sides = [c for c in verb.children if c.dep_ == "dobj"]
        other = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                 if g.dep_ == "pobj"]
        if sides:  # "only 900 km separates the two capitals", "... separates Vexley from Osterland"
            return "distance between " + " and ".join(_sides(sdoc, t) for t in sides[:1] + other[:1])
    if number.dep_ in ("nsubj", "nsubjpass") and number.head.i == verb.i and number.lower_ in unit_table() \
            and unit_table()[number.lower_][1] == "share":  # "17 percent said the mayor ..."
        said = clauses.predicate(number, range(span.start, span.end))
        return f"share {said}" if said else ""
    if number.dep_ in ("nsubj", "nsubjpass") and number.head.i == verb.i:  # "€40mn would go to schools"
        said = [t for c in verb.children if c.dep_ in _PREDICATE and c.i > verb.i for t in c.subtree]
        return " ".join(t.text for t in sorted([verb, *said], key=lambda t: t.i) if not t.is_punct)
    root, skip = span.root, range(span.start, span.end)
    level = _level(root, verb)
    if level:  # "median income reached $56,746": the income
        return level
    own = next((g for c in root.rights if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    own_words = [t for c in root.rights if c.dep_ == "prep" for t in c.subtree]  # "$2 million on ads"
    lemma = verb.lemma_.lower()
    taken = amount and root.dep_ == "dobj" and root.head.i == verb.i and lemma not in _FINDINGS \
        and (lemma not in _LEVELS or lemma in _SET)  # ("the deficit grew $3 billion": a change)
    kind = own is not None and lemma not in _PLACED  # "paid $2 million in fines": fines paid by the firm
    done = clauses.done_to(root, skip, lead, () if kind else own_words) if taken else ""
    if done and kind:
        return " ".join(w for w in (clauses.phrase(own), clauses.modifiers(own, skip), done) if w)
    if done:  # "Ostrom raised $6 million", "the firm invested $2 million in repairs"
        return f"{amount} {done}"
    if own is not None:  # "an audit found $12 million in spending on consultants"
        return " ".join(w for w in (clauses.phrase(own), clauses.modifiers(own, skip)) if w)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in _TOTALS:
        root = root.head.head  # "a total of $2 million": what the total is of
        verb = root.head if root.head.pos_ in ("VERB", "AUX") else verb
    described = relative if who is None else None  # (a sum is no "who": "incomes above $9,000 who")
    if described is not None:  # "the 2 percent that members agreed to spend"
        return clauses.clause(described, skip, lead)
    owner = root.head.head if root.dep_ == "pobj" else None
    while owner is not None and owner.head.i != owner.i and (owner.pos_ == "ADP" or owner.like_num
                                                            or owner.lower_ in unit_table()
                                                            or owner.lemma_.lower() in _FRAMES):
        owner = owner.head  # "from 40 percent to 45 percent": the clause of the change; "in excess of"
    framed = root.dep_ == "pobj" and root.head.head.lemma_.lower() in _FRAMES
    if framed and owner is not None and owner.pos_ in ("VERB", "AUX"):  # "racked up a bill in excess of"
        owner = next((c for c in owner.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), owner)
    if owner is not None and owner.pos_ in ("NOUN", "PROPN") and owner.lower_ not in unit_table():
        # "a target of $8 million", "a bill for repairs in excess of $80,000"
        return " ".join(w for w in (clauses.phrase(owner), clauses.modifiers(owner, skip)) if w)
    placed = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if placed is not None and owner is not None and owner.i == verb.i and root.head.lower_ == "at":
        return clauses.phrase(placed)  # "polls put his approval at 50 percent"
    governed = root.head.i == verb.i or (owner is not None and owner.i == verb.i)
    described = clauses.clause(verb, skip, lead) if governed else ""
    if described:  # "spent $4 billion on defence in 2023", "on defence" hung on the number
        described = " ".join(w for w in (described, clauses.modifiers(root, skip)) if w)
    if described:
        return described  # "Norway spent $4 billion on defence": Norway spent on defence
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= lead), None)
    return "" if subject is None or core_phrase(subject).lower() in NOT_SUBJECTS else core_phrase(subject)


def _level(root, verb) -> str:
    """The subject of a verb that puts it at the number ("income reached $56,746", "salaries range from
    $15 to $26", "the deficit grew to $3 billion"), with what restricts it; "" for a change ("fell 2
    percent"), a pronoun or a name (whose share it is, ``holder`` says)."""
    if verb.lemma_.lower() == "cost" and root.dep_ == "dobj":  # "the bridge will cost $3 million"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        named = subject is not None and subject.pos_ in ("NOUN", "PROPN") \
            and subject.lower_ not in NOT_SUBJECTS
        return f"cost of {clauses.phrase(subject)}" if named else "cost"
    at = root.head if root.dep_ == "pobj" else root
    moved = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) \
        if verb.lemma_.lower() in _SET and at.dep_ == "prep" and at.lower_ in ("to", "at", "from") else None
    if moved is not None:  # "urged the council to raise the levy to $51": the levy
        return " ".join(w for w in (clauses.phrase(moved), clauses.modifiers(moved)) if w)
    if verb.lemma_.lower() not in _LEVELS:
        return ""
    if not (root.dep_ == "dobj" and verb.lemma_.lower() in _REACHED
            or at.dep_ == "prep" and at.lower_ in ("to", "at", "from", "near", "around", "above", "below")
            and at.head.i == verb.i):
        return ""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lower_ in NOT_SUBJECTS:
        return ""
    return " ".join(w for w in (clauses.phrase(subject), clauses.modifiers(subject)) if w)


_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ -]{2,}\b[^—\n]{0,60}?—")
"""A wire dateline opening a passage: a town in capitals, perhaps a date or agency, then a dash."""


def _dateline_end(text: str, before: int) -> int:
    """Where a dateline that opens the passage ends (0 when there is none, or it ends after ``before``)."""
    m = _DATELINE.match(text)
    return m.end() if m and m.end() <= before else 0


def _sides(sdoc, what) -> str:
    """The objects of a separating verb; for "them", the last two names before it in the sentence
    ("Marlova keeps its distance from Freedonia, as only 900 km separates them")."""
    if what.lower_ == "them":
        names = [e.text for e in sdoc.ents if e.label_ in PARTIES and what.sent.start_char <= e.start_char
                 and e.end_char <= what.idx]
        names = list(dict.fromkeys(names))[-2:]
        if len(names) == 2:
            return " and ".join(names)
    return " ".join(t.text for t in what.subtree if not t.is_punct)


