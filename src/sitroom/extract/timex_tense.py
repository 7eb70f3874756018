"""Which way a relative time expression points: the tense of the verb that governs it in the parse.

"met union representatives on Tuesday" looks back, "the talks will resume on Friday" ahead, in one
sentence: the direction belongs to each expression's own verb, not to the sentence (TimeML's tense and
aspect of the anchoring event; HeidelTime reads the tense of the nearest verb instead). The governing verb
is found by walking up the dependency tree from the expression's head through prepositions and nouns ("the
talks on Friday" -> the verb of "talks"). Future: ``will``/``shall`` ("'ll", "wo"), ``would`` without a
perfect ("would reopen": a future seen from a past statement), ``is to``, ``going to``, present
progressive ("is meeting on Friday"), an infinitive under a verb of planning ("plans to visit", "set to
resume", "agreed to meet") or a passive of one ("the vote set for April", "is expected in May").
Past: a past-tense verb or a perfect ("has met", "had met", "would have met", "had been due to close
on Friday"). Otherwise unknown, and the caller falls back on cues in the clause.
"""

from __future__ import annotations

import re

from sitroom.extract.calendar import DAY
from sitroom.extract.speakers import speech_lexicon
from sitroom.nlp.parsed import text_of

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d"})
_PRESENT_MODALS = frozenset({"can", "may", "might", "should", "must", "ca"})
"""Modals whose possibility lies ahead ("could" is also a past: "could not attend on Monday")."""
_HAVE = frozenset({"have", "has", "had", "'ve", "’ve"})
_PLANNING = frozenset({
    "plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "agree", "promise",
    "vow", "pledge", "threaten", "go", "want", "seek", "propose", "decide", "arrange", "announce", "slate",
})
"""Lemmas of verbs (and adjectives: "due") whose infinitive complement is a later happening."""
_SCHEDULING = frozenset({"schedule", "plan", "slate", "expect", "due"})
"""Lemmas whose date is the planned thing's, whatever their tense: "scheduled talks for Thursday"."""
_AHEAD_ADJECTIVES = frozenset({"payable", "effective", "due", "upcoming"})
"""Adjectives of a date still to come: "payable March 9", "effective July 1"."""
_AHEAD_CUE = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+$", re.I)
_STEPS = 6
"""How far up the tree to look for the governing verb (prepositions, nouns, coordinations between)."""


def _governing_verb(token):
    """The verb the expression belongs to (or an adjective of a date to come: "payable"), or None."""
    for _ in range(_STEPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.pos_ == "ADJ" and token.lower_ in _AHEAD_ADJECTIVES:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _first_token(doc, start: int) -> int:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _head(doc, start: int, end: int):
    """The token of the character span whose head lies outside it (the span's syntactic head)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _planned(verb) -> bool:
    """An infinitive under a verb of planning: "plans to visit", "is set to resume", "due to meet"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    governor = verb.head
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in governor.children):
        return False  # "the offer had been due to close on Friday": a plan of the past
    return verb.dep_ in ("xcomp", "ccomp", "advcl") and governor.lemma_.lower() in _PLANNING or (
        governor.lemma_.lower() == "be" and verb.dep_ == "xcomp")  # "the visit is to take place"


def tense_of(verb, depth: int = 0) -> int:
    """PAST, FUTURE or UNKNOWN for a verb token, from its auxiliaries and its tag."""
    if verb.pos_ == "ADJ":
        return FUTURE if verb.lower_ in _AHEAD_ADJECTIVES else UNKNOWN
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowered = {a.lower_ for a in auxes}
    if lowered & _FUTURE_AUX:
        return PAST if lowered & _HAVE else FUTURE  # "would have met" looks back
    if lowered & _PRESENT_MODALS and not lowered & _HAVE:
        return FUTURE  # "a Republican who can win the election in November", "should decide by March"
    if _planned(verb):
        return FUTURE
    if lowered == {"to"} and verb.dep_ in ("xcomp", "ccomp", "advcl") and depth < 3:
        governor = verb.head.head if verb.head.pos_ == "ADJ" else verb.head  # "be able to hold"
        # an infinitive under a future is future; under a past it is often still ahead ("summoned him
        # to appear on Sept. 20"), so only the future is handed down
        return FUTURE if tense_of(governor, depth + 1) == FUTURE else UNKNOWN
    lemma = verb.lemma_.lower()
    if lemma in _SCHEDULING or (lemma == "set" and any(c.lower_ == "for" for c in verb.children)):
        return FUTURE  # "scheduled talks for Thursday", "the vote set for April"
    if lowered & _HAVE or verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes):  # "was held"
        return PAST
    if verb.tag_ == "VBG" and auxes:
        return PAST if any(a.tag_ == "VBD" for a in auxes) else FUTURE  # "is meeting on Friday"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("amod", "acl"):  # "the plan approved on Monday"
        return PAST
    if verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN") and depth < 3 and verb.head.i != verb.i \
            and not lowered & {"to"}:
        return tense_of(verb.head, depth + 1)  # "could drag on and not be completed by Nov. 8": could
    return UNKNOWN


def tense_at(doc, start: int, end: int) -> int:
    """The direction of the time expression at characters ``start:end`` of ``doc`` (a spaCy Doc): "as soon
    as Tuesday" looks ahead; a verb right before it ("said Friday", "was announced on Wednesday") gives its
    tense; else the verb that governs it in the parse."""
    if _AHEAD_CUE.search(text_of(doc)[max(0, start - 24) : start]):
        return FUTURE
    before = [t for t in doc[: _first_token(doc, start)][-2:] if t.lower_ != "on"][-1:]
    if before and before[0].pos_ in ("VERB", "AUX") and before[0].tag_ in ("VBD", "VBN"):
        found = tense_of(before[0])
        if found != UNKNOWN:
            return found
    head = _head(doc, start, end)
    if head is not None and head.dep_ in ("compound", "nmod", "amod") and head.head.pos_ == "NOUN" \
            and head.i < head.head.i:
        return UNKNOWN  # "a March accord": the date of a thing, not of the verb around it
    verb = governing_verb_at(doc, start, end)
    return UNKNOWN if verb is None else tense_of(verb)


def planned_present(doc, start: int, end: int) -> bool:
    """The expression's verb is in the simple present and is no verb of saying nor "be": "speaks at a
    conference on Friday", "when the council meets next Wednesday" tell of a day to come (not "says Friday",
    a report; nor "the talks are on Friday")."""
    head = _head(doc, start, end)
    if head is not None and head.dep_ in ("poss", "compound", "nmod", "amod"):
        return False  # "follows Tuesday's vote": the declaration's day
    verb = governing_verb_at(doc, start, end)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() != "be" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and verb.lemma_.lower() not in speech_lexicon()["cues"] and verb.lower_ not in _PAST_LIKE_PRESENT


_PAST_LIKE_PRESENT = frozenset({"hurt", "cut", "set", "put", "hit", "let", "cost", "shut", "spread", "quit",
                                "bet", "cast", "burst", "split", "upset", "broadcast", "forecast", "bid",
                                "read", "beat"})
"""Verbs whose past reads as their present, which the tagger may call a present ("which cut its rates
on Friday")."""


def governing_verb_at(doc, start: int, end: int):
    """The verb token that governs the expression at characters ``start:end`` of ``doc``, or None."""
    head = _head(doc, start, end)
    verb = _governing_verb(head.head) if head is not None and head.head.i != head.i else None
    if verb is None and head is not None and head.pos_ in ("VERB", "AUX"):
        verb = head
    return verb


def speech_times(doc, spans: list[tuple[int, int]], values: list[str | None]) -> dict[int, str]:
    """Reported speech counts from the time it was spoken: for each expression (``spans`` in ``doc``, with
    their ``values``) inside the clause a verb of saying reports ("said on Friday that talks would resume
    next week"), the day-precise value of an expression of that verb ("Friday"), by index."""
    verbs = [governing_verb_at(doc, s, e) for s, e in spans]
    dated = {v.i: value for v, value in zip(verbs, values, strict=True)
             if v is not None and value and DAY.match(value)}
    out: dict[int, str] = {}
    for index, verb in enumerate(verbs):
        clause, reported = verb, False
        while clause is not None and clause.dep_ in ("ccomp", "conj") and clause.head.i != clause.i:
            reported = reported or clause.dep_ == "ccomp"  # "said ... that X and that Y": both reported
            clause = clause.head
            if reported and clause.lemma_.lower() in speech_lexicon()["cues"] and clause.i in dated:
                out[index] = dated[clause.i]
                break
    return out
