"""Roles of people from the phrases around their names.

    "Norwegian Foreign Ministry spokeswoman Kari Holm"          title before the name
    "Lars Berg, director of the ... Foreign Ministry"            apposition after the name
    "The head of the Naval Staff, Rear-Admiral Piet Dekker" apposition before the name
    "In 2004-2009, X was the Ambassador of Y to Z"               copula, with when
A phrase is a role only if it holds a role word (data/titles.yaml).
"""

from __future__ import annotations

import re

from sitroom.clean.dates import find_years
from sitroom.data.countries import country_of_demonym, display_name
from sitroom.data.names import before_role_word, has_role_word, short_title
from sitroom.model.evidence import Span
from sitroom.model.mention import Mention, RoleFinding

__all__ = ["RoleFinding", "before_role_word", "has_role_word", "roles_in"]

_STOP_WORDS = {"who", "which", "that", "whose", "where", "when", "said", "says"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_LINKS = {"of", "for", "to", "at", "in", "on"}
_COPULAS = {"be", "serve", "become", "remain", "work"}
MAX_PHRASE = 20


def roles_in(sdoc, offset: int, persons: list[tuple[int, Mention]]) -> list[RoleFinding]:
    found = []
    for index, mention in persons:
        span = sdoc.char_span(mention.span.start - offset, mention.span.end - offset,
                              alignment_mode="expand")
        if span is None:
            continue
        for phrase, when in _phrases(sdoc, span):
            finding = _finding(index, mention, phrase, when, offset)
            if finding is not None:
                found.append(finding)
    return found


def _phrases(sdoc, span):
    before = _before(sdoc, span.start)
    if before is not None:
        yield before, None
    first = before.start if before is not None else span.start
    for phrase in (_apposition_before(sdoc, first), _apposition_after(sdoc, span.end)):
        if phrase is not None:
            yield phrase, None
    copula = _copula(span)
    if copula is not None:
        yield copula, _years(copula.sent)


def _before(sdoc, start: int):
    """Title words right before the name: capitalised, role words, adjectives, "of the"."""
    i = start - 1
    while i >= 0:
        tok = sdoc[i]
        demonym = country_of_demonym(tok.text) and tok.text[:1].isupper()
        # "Ghanaian President X" even where the tagger took "Ghanaian" for a person
        if not demonym and (tok.ent_type_ == "PERSON" or tok.is_space or not _title_token(sdoc, i, start)):
            break
        i -= 1
    first = i + 1
    while first < start and sdoc[first].lower_ in _LINKS | {"the", "-"}:
        first += 1
    return sdoc[first:start] if first < start else None


def _title_token(sdoc, i: int, start: int) -> bool:
    """May token ``i`` belong to a title written before a name that starts at ``start``?"""
    tok = sdoc[i]
    if tok.text in "-–":
        return i > 0 and sdoc[i - 1].is_title
    if tok.lower_ in _LINKS:
        return i + 1 < start and _capital_after(sdoc, i + 1, start)
    if tok.lower_ == "the":
        return i > 0 and sdoc[i - 1].lower_ in _LINKS
    if tok.text[:1].isupper():
        return tok.pos_ in ("PROPN", "NOUN", "ADJ")
    if tok.tag_ in ("NN", "NNS"):
        return has_role_word(tok.text)  # "spokesman", not "help" in "offer of help to X"
    if tok.tag_ == "JJ":  # "presidential spokesman": an adjective only before a role word
        nxt = sdoc[i + 1] if i + 1 < start else None
        return nxt is not None and (has_role_word(nxt.text) or nxt.text[:1].isupper())
    return False


def _capital_after(sdoc, i: int, stop: int) -> bool:
    """A capitalised word at ``i``, or right after a "the" there: "of [the] Government"."""
    if sdoc[i].lower_ == "the" and i + 1 < stop:
        i += 1
    return sdoc[i].text[:1].isupper()


def _apposition_after(sdoc, end: int):
    if end >= len(sdoc) - 1 or sdoc[end].text != ",":
        return None
    i = end + 1
    if sdoc[i].lower_ in ("the", "a", "an"):
        i += 1
    start = i
    while i < len(sdoc) and i - start < MAX_PHRASE:
        tok = sdoc[i]
        if tok.is_punct and tok.text not in "-–'’" or tok.lower_ in _STOP_WORDS or tok.tag_ in _FINITE \
                or (tok.is_sent_start and i > start):
            break
        i += 1
    if i == start or sdoc[start].pos_ == "ADV" or (i < len(sdoc) and sdoc[i].tag_ in _FINITE):
        return None  # "for X, this time the mayor is ...": a new clause's subject, no apposition
    return sdoc[start:i]


def _apposition_before(sdoc, first: int):
    """ "The head of the Joint Staff, Colonel-General X": the sentence opens with the role."""
    if first < 2 or sdoc[first - 1].text != ",":
        return None
    begin = sdoc[first - 1].sent.start
    for i in range(first - 2, begin - 1, -1):
        if sdoc[i].text == ",":  # "Therefore, the deputy chairman of ..., X said"
            begin = i + 1
            break
    phrase = sdoc[begin : first - 1]
    if not 1 <= len(phrase) <= MAX_PHRASE or any(t.tag_ in _FINITE for t in phrase):
        return None
    if phrase[0].lower_ not in ("the", "a", "an") and not phrase[0].text[:1].isupper():
        return None
    if phrase[0].lower_ in ("the", "a", "an"):
        phrase = phrase[1:]
    return phrase if len(phrase) else None


def _copula(span):
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_ not in _COPULAS:
        return None
    for child in root.head.children:
        target = child if child.dep_ == "attr" else None
        if child.dep_ == "prep" and child.lower_ == "as":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is not None:
            tokens = list(target.subtree)
            phrase = span.doc[tokens[0].i : tokens[-1].i + 1]
            if phrase[0].lower_ in ("the", "a", "an"):
                phrase = phrase[1:]
            return phrase if 0 < len(phrase) <= MAX_PHRASE else None
    return None


def _years(sent) -> tuple[str, str | None] | None:
    years = sorted({year for _, year in find_years(sent.text)})
    if not years:
        return None
    return (str(years[0]), str(years[-1]) if len(years) > 1 else None)


def _finding(index: int, mention: Mention, phrase, when, offset: int) -> RoleFinding | None:
    title = phrase.text.strip(" ,;:-–")
    titled = has_role_word(title) or any(short_title(w) for w in title.split())  # ("Vermont Sen.")
    if not title or not titled or len(title) > 200:
        return None
    if any(t.ent_type_ == "PERSON" and not country_of_demonym(t.text) for t in phrase):
        return None
    start = min(offset + phrase.start_char, mention.span.start)
    end = max(offset + phrase.end_char, mention.span.end)
    return RoleFinding(index, title, _of(phrase), when, Span(start, end))


def _follows_of(ent) -> bool:
    """ "of Chile", "of the Republic of Chile"."""
    doc, i = ent.doc, ent.start
    return (i >= 1 and doc[i - 1].lower_ == "of") or \
        (i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of")


def _of(phrase) -> str | None:
    """What the role is of: an organisation named in the phrase, a state named before the role
    word ("Norway's envoy to X" is Norway's), or the state of a demonym ("Ghanaian President")."""
    head = next((t.i for t in phrase if has_role_word(t.text)), phrase.end)
    for ent in phrase.ents:
        if has_role_word(ent.text):
            continue
        text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        after_of = ent.start > head and _follows_of(ent)
        if ent.label_ == "ORG" or (ent.label_ in ("GPE", "NORP") and (ent.start < head or after_of)):
            demonym = country_of_demonym(text)
            return display_name(demonym) if demonym else text
    for tok in phrase:
        demonym = country_of_demonym(tok.text)
        if demonym and tok.i < head:
            return display_name(demonym)
    return None
